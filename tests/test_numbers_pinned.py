"""A number check's finding said at the copy of the number it names, in a YAML file's text."""

from __future__ import annotations

from brochure.diagnostics import Diagnostic, Location
from brochure.inputs.numbers import check_numbers
from brochure.inputs.scalars import file_lines, pin

SOURCE = Location("content.yaml", 3, 7, "text")


def _checked(was: str, now: str) -> tuple[Diagnostic, int]:
    """The one finding of `now` (typed as `text: "..."` on a file's first line) against `was`, and its 0-based index
    in `now`, from its column."""
    at = Location("es.yaml", 1, 7, "text")
    (found,) = check_numbers(was, now, at, SOURCE, {}, pin(file_lines(f'text: "{now}"\n'), at, now))
    assert found.location.line == 1
    return found, found.location.column - at.column - 1


def test_a_number_also_in_a_links_address_is_said_at_the_added_copy() -> None:
    """The address's 2 is not printed: the added 2 is the second printed one, before the link."""
    now = "Espere 2 días, 2 veces, vea [web](https://x.org/2)."
    found, index = _checked("Wait 2 days, see [web](https://x.org/2).", now)
    assert index == now.index("2 veces"), found.format()
