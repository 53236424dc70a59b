"""Clear-print guidance the clinic's own choices can break, told where they are written: a body family that is no
sans-serif in the large-print edition (at the kit's `fonts.body`), and a passage in block capitals (at its first
word, in every edition)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Inputs, edit, position
from helpers import CONTENT, ROOT, build, check

from brochure import api


def _body_family(inputs: Inputs, family: str) -> str:
    return edit(inputs.brand, "body: {family: Be Vietnam Pro}", f"body: {{family: {family}}}")


def test_a_large_print_body_family_that_is_no_sans_serif_is_warned_of_at_the_kits_body_font(inputs: Inputs) -> None:
    """UKAAF and RNIB clear print: a plain sans-serif face. A kit whose body is a serif built its large-print
    edition in it with no word (the fontpkg list, which `brochure fonts` reads, names the family's kind)."""
    family, kind = "IBM Plex Serif", "serif"
    text = _body_family(inputs, family)
    large = build(inputs, layout="large-print")
    assert large.ok, [d.format() for d in large.diagnostics]
    [said] = [d.format() for d in large.diagnostics if "clear-print guidance asks for a plain sans-serif" in d.message]
    row, col = position(text, family)
    assert said.startswith(f"{inputs.brand}:{row}:{col}: warning: ") and f"set in {family}, a {kind} face" in said, said
    assert "name a sans-serif body family" in said
    folded = build(inputs)  # (the folded leaflets: set at their own sizes, told nothing)
    assert not [d for d in folded.diagnostics if "sans-serif" in d.message]


def test_the_shipped_kits_large_print_bodies_are_sans_serif_faces_told_nothing() -> None:
    for kit in [ROOT / "assets/brand.yaml", *sorted((ROOT / "assets/brands").glob("*/brand.yaml"))]:
        src, diags = api.load(CONTENT if "maple" not in str(kit) else ROOT / "translations/en-US.yaml", kit)
        assert src is not None, [d.format() for d in diags]
        result = api.build(src, api.Options(layout="large-print"))
        assert not [d.format() for d in result.diagnostics if "sans-serif" in d.message], kit


SHOUT = "IF YOU HAVE HAD A COLD SORE IN THE LAST YEAR, TELL US FIRST."


def test_a_passage_in_block_capitals_is_warned_of_at_its_first_word(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    """Words in capitals lose their shape and are read letter by letter (clear-print guidance: no passages in
    capitals): a paragraph typed in capitals printed as typed, with no word."""
    text = edit(inputs.content, '"We will check your skin first."', f'"Please read this. {SHOUT}"')
    status, errors, warnings = check(inputs, capsys)
    assert (status, errors) == (0, [])
    [said] = [w for w in warnings if "is in capitals" in w]
    row, col = position(text, SHOUT)
    assert said.startswith(f"{inputs.content}:{row}:{col}: warning: 'IF YOU HAVE HAD A COLD SORE"), said
    assert "[at call_to_action.text]" in said and "make them **bold**" in said


@pytest.mark.parametrize(
    "words",
    [
        "Use **SPF 30** and ask the NHS or your GP.",  # (abbreviations, a number)
        "Micro-needling: WHAT TO EXPECT after it.",  # (three words: a label, not a passage)
        "*Stop* if it hurts.",
        "Guidance from the NHS, GMC, CQC, BMA, NICE and RCGP.",  # (a list between commas: each item its own)
        "Brands we stock: NIVEA, EUCERIN, AVENE, URIAGE, BIODERMA.",
        "Certified: ISO 9001, ISO 13485, CE, UKCA, FDA.",
    ],
)
def test_abbreviations_a_list_of_them_and_a_few_words_in_capitals_are_no_passage(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], words: str
) -> None:
    edit(inputs.content, '"We will check your skin first."', f'"{words}"')
    status, _, warnings = check(inputs, capsys)
    assert status == 0 and not [w for w in warnings if "is in capitals" in w], warnings


@pytest.mark.parametrize(
    ("words", "passage"),
    [
        ("Then DO NO UV ON MY skin", "DO NO UV ON MY"),  # (the least passage: five words of two capitals)
        ("**DO NO** UV *ON MY* skin", "DO NO UV ON MY"),  # (its capitals past the marks)
        ("Then DO NO UV ON skin", ""),  # (four)
    ],
)
def test_the_least_passage_in_capitals_is_five_words_of_two_capitals(words: str, passage: str) -> None:
    """Ten capitals in all, the fewest a passage has: a text with fewer is told none at once (most texts)."""
    from brochure.inputs.inline import shouted

    assert shouted(words) == passage


def test_a_passage_in_capitals_is_found_past_the_marks_that_make_it_bold(tmp_path: Path) -> None:
    from brochure.inputs.inline import shouted

    assert shouted("Read this: **DO NOT SHARE YOUR PEN WITH ANYONE**, ever.") == "DO NOT SHARE YOUR PEN WITH ANYONE,"
    assert shouted("Call 0117 496 0321 TODAY OR TOMORROW TO BOOK IT") == "TODAY OR TOMORROW TO BOOK IT"
    assert shouted("NHS GP SPF UV") == ""


def test_the_capitals_warning_points_at_the_passage_not_at_the_same_letters_in_small_ones(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    """A word is found by the Reader in any case and inside other words: 'WE DO NOT...' was said at the 'we' of
    'well' before it."""
    text = edit(inputs.content, '"We will check your skin first."', '"We check as well. WE DO NOT TREAT ACTIVE ACNE."')
    _, _, warnings = check(inputs, capsys)
    [said] = [w for w in warnings if "is in capitals" in w]
    row, col = position(text, "WE DO NOT")
    assert said.startswith(f"{inputs.content}:{row}:{col}: warning: "), said


@pytest.mark.parametrize("family", ["ibm-plex-serif", "IBM  Plex Serif"])
def test_a_serif_body_named_as_the_kit_may_name_it_is_warned_of_in_large_print(inputs: Inputs, family: str) -> None:
    """A kit names a family in any spelling fontpkg reads as its package's ('ibm-plex-serif' sets IBM Plex Serif):
    the kind was looked up by the name as written, and such a serif body went unwarned."""
    _body_family(inputs, family)
    large = build(inputs, layout="large-print")
    assert [d for d in large.diagnostics if "a serif face" in d.message], [d.format() for d in large.diagnostics]
