"""Adversarial review of today's features: `words:`, the translation check, the brand kit's `languages:` and the
large-print edition. Each test is one bug found by attacking them through the command line; those that fail
today are marked xfail (strict), so that fixing the bug turns them into ordinary passing tests."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import CONTENT, Inputs, edit, position
from helpers import LINE, build, check, cli, page_texts

from brochure import api
from brochure.inputs.content import load_content
from brochure.inputs.translation import compare

# A Spanish translation of the small test content: who translated it and who checked it.
TRANSLATION = """\
  translation:
    translator: {name: Ana Traductora, role: Translator}
    reviewer: {name: Dra Eva Revisora, role: Dermatologist}
"""


def _spanish(inputs: Inputs, extra: str = "") -> Path:
    """A Spanish copy of the test content beside it (the words left in English: warnings text by text, and the
    error that most of them are the source's, which `_errors` leaves out)."""
    path = inputs.content.parent / "es.yaml"
    path.write_text(CONTENT.replace("language: en-GB", "language: es") + TRANSLATION + extra, encoding="utf-8")
    return path


def _translation_check(inputs: Inputs, capsys: pytest.CaptureFixture[str], translation: Path) -> tuple[int, str]:
    status, _, err = cli(
        capsys,
        "check",
        "--source",
        str(inputs.content),
        "--content",
        str(translation),
        "--brand",
        str(inputs.brand),
    )
    return status, err


def _errors(err: str) -> list[str]:
    return [line for line in err.splitlines() if ": error: " in line and MOSTLY not in line]


MOSTLY = "most of this translation's texts are the source's as written"  # (`_spanish`'s own: its words are English)


def _kit_with_other_formats(inputs: Inputs, languages: str = "") -> None:
    """The test kit offering other formats (two of them, so the list separator is printed) and a feedback line."""
    with inputs.brand.open("a", encoding="utf-8") as f:
        f.write(
            "other_formats:\n  formats: [large print, audio]\n  contact: call 0117 496 0321\n"
            'feedback: "Tell us what you think: hello@example.com"\n' + languages
        )


# --- words: -------------------------------------------------------------------------------------------------


def test_a_format_spec_in_a_words_pattern_is_an_error_at_its_line(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    text = edit(inputs.content, "disclaimer:", 'words:\n  date: "{day:s} {month} {year}"\ndisclaimer:')
    status, errors, _ = check(inputs, capsys)
    assert status == 1
    line = errors[0]
    m = LINE.match(line)
    assert m and int(m["line"]) == position(text, "{day:s}")[0] and "[at words.date]" in line, errors


def test_a_padding_spec_in_the_page_pattern_is_refused(inputs: Inputs, capsys: pytest.CaptureFixture[str]) -> None:
    """`page: "Page {number} of {total:>600000000}"` (50 bytes of YAML) made every folio 600 million characters
    wide before the paragraph collapsed the spaces: a memory blow-up; a small width prints the same as none."""
    edit(inputs.content, "disclaimer:", 'words:\n  page: "Page {number} of {total:>100000}"\ndisclaimer:')
    status, errors, _ = check(inputs, capsys, "--layout", "large-print")
    assert status == 1 and any("[at words.page]" in e for e in errors), errors


def test_the_list_separator_is_checked_like_any_printed_text(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    """A BELL and a right-to-left override between the kit's other formats printed with exit 0."""
    _kit_with_other_formats(inputs)
    edit(inputs.content, "disclaimer:", 'words:\n  list_separator: "\\u0007\\u202e "\ndisclaimer:')
    status, errors, _ = check(inputs, capsys)
    assert status == 1 and any("[at words.list_separator]" in e for e in errors), errors


@pytest.mark.parametrize(
    ("written", "why"),
    [('" "', "is only spaces, and the items it joins would read as one"), ('", and also, "', "is 12 characters long")],
    ids=["spaces", "long"],
)
def test_a_list_separator_refused_says_why(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], written: str, why: str
) -> None:
    """ " " was refused as "the list separator is written as ' '", which did not say what is wrong with it."""
    edit(inputs.content, "disclaimer:", f"words:\n  list_separator: {written}\ndisclaimer:")
    status, errors, _ = check(inputs, capsys)
    assert status == 1 and len(errors) == 1 and "error: the list separator, written as " in errors[0], errors
    assert why in errors[0] and "[at words.list_separator]" in errors[0], errors


def test_a_missing_glyph_in_words_is_reported_once_where_it_is_written(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(inputs.content, "disclaimer:", 'words:\n  sources: "Sources \u2603"\ndisclaimer:')
    status, errors, _ = check(inputs, capsys)
    assert status == 1
    assert errors and all("[at words.sources]" in e for e in errors), errors


def test_bad_month_names_are_each_reported_without_a_wrong_count(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    """Twelve months written as numbers: twelve errors, one each, and not 'months lists 0 names' (it lists 12)."""
    edit(inputs.content, "disclaimer:", "words:\n  months: [1,2,3,4,5,6,7,8,9,10,11,12]\ndisclaimer:")
    status, errors, _ = check(inputs, capsys)
    assert status == 1
    assert not [e for e in errors if "lists" in e], errors


def test_a_spanish_leaflet_does_not_print_the_english_qr_label(inputs: Inputs) -> None:
    edit(inputs.content, "language: en-GB", "language: es")
    result = build(inputs)
    assert not result.ok or "Scan to book" not in " ".join(page_texts(result.pdf or b""))


def test_a_translation_may_give_its_own_qr_label(inputs: Inputs, capsys: pytest.CaptureFixture[str]) -> None:
    """Without qr_label the Spanish leaflet prints 'Scan to book'; with one, the check says it is not in the source:
    no way to a Spanish QR label."""
    es = _spanish(inputs)
    edit(
        es,
        '  text: "We will check your skin first."\n',
        '  text: "We will check your skin first."\n  qr_label: Escanee\n',
    )
    _, err = _translation_check(inputs, capsys, es)
    assert not [e for e in _errors(err) if "qr_label" in e], err


# --- the translation check ----------------------------------------------------------------------------------


def test_a_missing_source_is_named_as_the_source(inputs: Inputs, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = cli(
        capsys, "check", "--source", str(inputs.content.parent / "nope.yaml"), "--content", str(_spanish(inputs))
    )
    assert status == 1
    (line,) = _errors(err)
    assert "--source" in line or "source" in line.split("error:")[1], line
    assert "--content" not in line, line


def test_the_source_cannot_be_the_translation_itself(inputs: Inputs, capsys: pytest.CaptureFixture[str]) -> None:
    es = _spanish(inputs)
    status, _, err = cli(capsys, "check", "--source", str(es), "--content", str(es), "--brand", str(inputs.brand))
    assert status != 0 or "same" in err, err


def test_a_number_changed_on_purpose_is_named_as_the_source_wrote_it(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    """numbers: {"3": "5"}, but the translation kept '1 to 3 days': the message said 'the source's 5 ... it has 3
    instead', the other way round."""
    es = _spanish(inputs, '    numbers: {"3": "5"}\n')
    status, err = _translation_check(inputs, capsys, es)
    assert status == 1
    (line,) = _errors(err)
    assert "the source's 5" not in line, line


def test_a_list_in_numbers_is_described_in_the_users_words(inputs: Inputs, capsys: pytest.CaptureFixture[str]) -> None:
    es = _spanish(inputs, '    numbers: {"999": ["911"]}\n')
    status, err = _translation_check(inputs, capsys, es)
    assert status == 1
    (line,) = _errors(err)
    assert "Node(" not in line, line


def test_numbers_are_written_in_ascii_digits(inputs: Inputs, capsys: pytest.CaptureFixture[str]) -> None:
    """`numbers: {"1": "\uff11"}` was accepted, then blamed the source for a '\uff11' it never had."""
    es = _spanish(inputs, '    numbers: {"1": "\uff11"}\n')
    status, err = _translation_check(inputs, capsys, es)
    assert status == 1
    assert any("[at document.translation.numbers" in e for e in _errors(err)), err


def _many_items(kind: str, language: str, items: int = 200) -> str:
    blocks = "".join(f"      - {kind}:\n" + "          - ab\n" * items for _ in range(45))
    text = CONTENT.replace("language: en-GB", f"language: {language}")
    start, end = text.index("sections:\n"), text.index("call_to_action:")
    return text[:start] + "sections:\n  - id: big\n    heading: Big\n    blocks:\n" + blocks + text[end:]


def _calls_to_compare(tmp_path: Path, items: int) -> tuple[int, int]:
    """45 lists of `items` items that are steps in the translation, bullets in the source: the findings, and the
    calls (Python's and C's) comparing them made."""
    source, translation = tmp_path / f"source-{items}.yaml", tmp_path / f"es-{items}.yaml"
    source.write_text(_many_items("bullets", "en-GB", items), encoding="utf-8")
    translation.write_text(_many_items("steps", "es", items) + TRANSLATION, encoding="utf-8")
    s, t = load_content(source)[0], load_content(translation)[0]
    assert s is not None and t is not None
    calls = 0

    def count(frame: object, event: str, arg: object) -> None:
        nonlocal calls
        calls += event in ("call", "c_call")

    sys.setprofile(count)
    try:
        found = compare(s, t)
    finally:
        sys.setprofile(None)
    return len(found), calls


def test_the_translation_check_grows_with_the_findings_not_their_square(tmp_path: Path) -> None:
    """45 lists of 200 items (9,000 texts, within the YAML limits) that are steps in the translation, bullets in
    the source: 18,000 findings took 26 s, each missing text looked for among all the others. Counted, not timed:
    four times the items make about four times the calls (sixteen times before)."""
    small, large = _calls_to_compare(tmp_path, 10), _calls_to_compare(tmp_path, 40)
    assert large[0] >= 3.9 * small[0] > 0
    assert large[1] < 5 * small[1], (small, large)


# --- the brand kit's languages: -----------------------------------------------------------------------------


def test_a_kit_language_without_other_formats_does_not_drop_them_silently(inputs: Inputs) -> None:
    """The kit offers large print and audio; `languages: {es: {feedback: ...}}` only: the Spanish leaflet built
    clean with no other-formats line at all (an accessibility offer lost without a word)."""
    _kit_with_other_formats(inputs, 'languages:\n  es:\n    feedback: "Opine: hello@example.com"\n')
    edit(inputs.content, "language: en-GB", "language: es")
    result = build(inputs)
    assert not result.ok or any("other_formats" in d.format() for d in result.diagnostics), [
        d.format() for d in result.diagnostics
    ]


# --- large print --------------------------------------------------------------------------------------------


def _sections(n: int) -> str:
    para = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore. " * 2
    body = "".join(
        f"  - id: s{i}\n    heading: Section {i}\n    blocks:\n" + f'      - text: "{para.strip()}"\n' * 3
        for i in range(n)
    )
    start, end = CONTENT.index("sections:\n"), CONTENT.index("call_to_action:")
    return CONTENT[:start] + "sections:\n" + body + CONTENT[end:]


def _spill(inputs: Inputs, n: int) -> str:
    inputs.content.write_text(_sections(n), encoding="utf-8")
    src, diags = api.load(inputs.content, inputs.brand)
    assert src is not None, [d.format() for d in diags]
    result = api.build(src, api.Options(layout="large-print"))
    (error,) = [d for d in result.diagnostics if d.is_error]
    return error.location.key


def test_far_too_many_words_name_the_section_they_first_spill_from(inputs: Inputs) -> None:
    """30 sections: 'from section s24 on'; 80 sections (sent the quick way, words over twice the room): 'from
    section s32 on', though s24 to s31 do not fit either."""
    assert _spill(inputs, 80) == _spill(inputs, 30)


def test_the_translation_source_loads(inputs: Inputs) -> None:
    """(A guard for the fixtures above: the Spanish copy loads, so the findings are the check's.)"""
    content, diags = load_content(_spanish(inputs))
    assert content is not None, [d.format() for d in diags]
