"""A number check's finding said at the copy of the number it names, in a YAML file's text."""

from __future__ import annotations

import pytest
from helpers import cpu_growth

from brochure.diagnostics import Diagnostic, Location
from brochure.inputs.numbers import check_numbers
from brochure.inputs.scalars import file_lines, pin

SOURCE = Location("content.yaml", 3, 7, "text")


def _checked(was: str, now: str, quote: str = '"') -> tuple[Diagnostic, int]:
    """The one finding of `now` (typed as `text: "..."`, or in `quote`, on a file's first line) against `was`, and its
    0-based index in `now`, from its column."""
    at = Location("es.yaml", 1, 7, "text")
    (found,) = check_numbers(was, now, at, SOURCE, {}, pin(file_lines(f"text: {quote}{now}{quote}\n"), at, now))
    assert found.location.line == 1
    return found, found.location.column - at.column - 1


@pytest.mark.parametrize("mark", ["[web](https://x.org/2)", "[^ref-2]"])
def test_a_number_also_in_a_links_address_is_said_at_the_added_copy(mark: str) -> None:
    """The address's 2 (or a citation key's, printed as the reference's number) is not printed: the added 2 is the
    second printed one, before the link."""
    now = f"Espere 2 días, 2 veces, vea {mark}."
    found, index = _checked(f"Wait 2 days, see {mark}.", now)
    assert index == now.index("2 veces"), found.format()


@pytest.mark.parametrize("mark", [r"\[^step-2]", r"\[web](https://x.org/2)"])
def test_a_number_in_a_mark_escaped_to_be_printed_as_written_is_a_printed_copy(mark: str) -> None:
    """A backslash prints '[^step-2]' (or a link's brackets and address) as written, its 2 with it: the added 2 is
    said where it is typed, not at the text's start."""
    now = f"Espere {mark} 2 días, 2 veces."
    found, index = _checked(f"Wait {mark} 2 days.", now, "'")
    assert index == now.index("2 veces"), found.format()


def test_a_number_added_in_another_spelling_is_named_as_written_where_it_is_said() -> None:
    """10:30, 10.30 and 10,30 are one number: the copy said (the second) is named as it is written there."""
    now = "Espere 10:30, 10.30 y 10,30."
    found, index = _checked("Wait until 10:30.", now)
    assert index == now.index("10.30") and "gives 10.30 more often than" in found.message, found.format()


def test_a_number_given_more_times_and_a_new_one_are_each_said_as_they_are() -> None:
    """The source's telephone number given twice and a 2 it never gives: the telephone number is no number the
    source does not give."""
    now = "Llame al +44 117 496 0321 o al +44 117 496 0321, 2 veces."
    found, index = _checked("Call +44 117 496 0321.", now)
    assert index == now.index("+44", 10), found.format()
    assert found.message == (
        "the translation gives +44 117 496 0321 more often than the source's text ('Call +44 117 496 0321.', "
        "content.yaml:3:7) does, and 2, which it does not"
    )


def test_an_added_number_before_an_added_telephone_number_is_said_first() -> None:
    """A text's telephone numbers were read before its other numbers: the first copy added, in the text's order,
    is the 10.30 before the telephone number given twice."""
    now = "Espere hasta 10:30 o 10.30, llame al +44 117 496 0321 o +44 117 496 0321."
    found, index = _checked("Wait until 10:30 or call +44 117 496 0321.", now)
    assert index == now.index("10.30"), found.format()


def test_a_megabyte_of_telephone_numbers_is_read_in_linear_time() -> None:
    """Each telephone number was blanked by copying the whole text: a megabyte of them took seconds (four times the
    numbers took sixteen times as long)."""
    from brochure.inputs.numbers import NUMBER, read_numbers

    assert cpu_growth(lambda n: read_numbers(NUMBER, "call +44 117 496 0321 or " * n), 5_000) < 8  # (quadratic: 16)
    assert len(read_numbers(NUMBER, "call +44 117 496 0321 or " * 40_000)) == 40_000


def test_a_telephone_number_in_arabic_indic_digits_is_the_sources() -> None:
    """'٠١١٧ ٤٩٦ ٠٣٢١' dials 0117 496 0321: its trunk prefix is an Arabic-Indic zero (it was read as three numbers,
    none the source's)."""
    at = Location("ar.yaml", 1, 7, "text")
    assert check_numbers("Call 0117 496 0321.", "اتصل ٠١١٧ ٤٩٦ ٠٣٢١.", at, SOURCE, {}) == []
