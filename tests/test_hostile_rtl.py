"""Hostile right-to-left words in a copy of the shipped Arabic leaflet (translations/ar.yaml with the shipped kit),
through the command line: direction controls that would print the words in another order than the file has them,
and vowel marks with no letter to sit on, are refused at their text; a word too long for its column is the words'
error, not a layout bug; a part of an Arabic word set in bold still joins the letters beside it."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import BRAND, LINE, ROOT, cli

from brochure import api
from brochure.layout.model import Text

ARABIC = ROOT / "translations" / "ar.yaml"
PLAIN = "علاج للبشرة."  # in the first paragraph of ar.yaml (sections[0].blocks[0].text, line 30)


def leaflet(tmp_path: Path, words: str) -> Path:
    """A copy of the Arabic leaflet whose first paragraph says `words` where it says PLAIN."""
    text = ARABIC.read_text(encoding="utf-8")
    assert PLAIN in text
    path = tmp_path / "ar.yaml"
    path.write_text(text.replace(PLAIN, words, 1), encoding="utf-8")
    return path


def errors(capsys: pytest.CaptureFixture[str], content: Path, *more: str) -> tuple[int, list[str]]:
    status, _, err = cli(capsys, "check", "--content", str(content), "--brand", str(BRAND), *more)
    assert "Traceback" not in err
    return status, [line for line in err.splitlines() if ": error: " in line]


@pytest.mark.parametrize(
    ("words", "said"),
    [
        ("علاج \u202dللبشرة\u202c.", "U+202D (LEFT-TO-RIGHT OVERRIDE)"),  # would print the word's letters backwards
        ("علاج \u202eABC 123\u202c للبشرة.", "U+202E (RIGHT-TO-LEFT OVERRIDE)"),
        ("علاج \u202aABC للبشرة.", "U+202A (LEFT-TO-RIGHT EMBEDDING)"),
        ("علاج \u202c للبشرة.", "U+202C (POP DIRECTIONAL FORMATTING)"),
        ("علاج \u2066ABC للبشرة.", "U+2066 (LEFT-TO-RIGHT ISOLATE) that no U+2069 closes"),
        ("علاج \u2069 للبشرة.", "U+2069 (POP DIRECTIONAL ISOLATE) with no U+2066"),
        ("علاج 12\u200f34 للبشرة.", "the number '1234' has U+200F (RIGHT-TO-LEFT MARK)"),  # printed '3412'
        ("علاج 24\u200f–48 للبشرة.", "the number '24–48' has U+200F"),  # printed '48–24'
        ("علاج ١٢\u061c٣٤ للبشرة.", "U+061C (ARABIC LETTER MARK)"),
        ("علاج للبشرة. \u064b\u064c\u064d\u064e\u064f\u0650", "U+064B (ARABIC FATHATAN) with no letter before it"),
    ],
)
def test_direction_controls_that_reorder_the_words_are_refused_at_their_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], words: str, said: str
) -> None:
    content = leaflet(tmp_path, words)
    status, errs = errors(capsys, content)
    assert status == 1 and len(errs) == 1, errs
    found = LINE.match(errs[0])
    assert found is not None and found["file"] == str(content)
    at_fault = chr(int(said.split("U+")[1][:4], 16))  # said at the character: an invisible one is found by column
    line = content.read_text(encoding="utf-8").splitlines()[29]
    assert (found["line"], found["col"]) == ("30", str(line.index(at_fault) + 1)) and line.index(at_fault) > 15
    assert said in errs[0] and "[at sections[0].blocks[0].text]" in errs[0] and "(hint: " in errs[0]


@pytest.mark.parametrize(
    "words",
    [
        "علاج \u2067\u2066ABC 1\u2069\u2069 للبشرة.",  # isolates that close
        "علاج \u200e30\u200f للبشرة.",  # marks beside a number
        "علاج 1\u200e000 للبشرة.",  # a left-to-right mark inside one: it prints 1000
        "عِلاجٌ لِلْبَشَرَةِ.",  # vowel marks on their letters
        "علاج " + "\u2066\u2067" * 900 + "ABC" + "\u2069" * 1800 + " للبشرة.",  # deep, but closed
    ],
)
def test_direction_marks_and_closed_isolates_still_build(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], words: str
) -> None:
    status, errs = errors(capsys, leaflet(tmp_path, words))
    assert status == 0 and not errs, errs


@pytest.mark.parametrize(
    "words",
    [
        "علاج " + "بتثجحخ" * 84 + " للبشرة.",  # a 504-letter word
        "علاج ع" + "\u0640" * 400 + "ج للبشرة.",  # a run of tatweel
        "علاج للبشرة. راسلنا أو https://clearwaterskin.co.uk/book/very/long/path?x=1 اليوم.",  # at a line's end
    ],
)
def test_an_arabic_word_too_long_for_its_column_is_the_words_error_not_a_layout_bug(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], words: str
) -> None:
    """Set flush right, such a word ran past the column's left edge: it was blamed on the layout (text over text,
    text on the fold, 'please report it')."""
    status, errs = errors(capsys, leaflet(tmp_path, words))
    assert status == 1 and errs, errs
    assert all("too long for its column in 'what-is-it'" in e for e in errs), errs
    assert not any("layout bug" in e for e in errs), errs


def test_a_bold_part_of_an_arabic_word_joins_the_letters_beside_it(tmp_path: Path) -> None:
    """'**للب**شرة': the bold BEH took its final form (U+FE90) as if the word ended there, breaking the word in two;
    joined, it is the medial BEH (U+FE92) the whole word has, and the SHEEN after it joins it too."""
    src, diags = api.load(leaflet(tmp_path, "علاج **للب**شرة."), BRAND)
    assert src is not None, [d.format() for d in diags]
    result = api.build(src, api.Options())
    assert result.ok and result.layout is not None, [d.format() for d in result.diagnostics]
    line = next(t for p in result.layout.pages for t in p.items if isinstance(t, Text) and "علاج للبشرة." in t.text)
    runs = sorted(line.runs, key=lambda r: -r.x)  # from the right, as the line reads
    at = next(i for i, r in enumerate(runs) if "Bold" in r.font)
    bold, rest = runs[at], runs[at + 1]
    assert "\ufe92" in bold.text and "\ufe90" not in bold.text  # BEH MEDIAL FORM, not BEH FINAL FORM
    assert "Bold" not in rest.font and rest.text[-1] not in "\u0634\ufeb5\ufeb7"  # SHEEN joined on its right


@pytest.mark.parametrize(
    ("key", "line", "col", "noun"),
    [
        ("title: ", 20, 8, "a word in the title"),
        ("  kicker: ", 23, 11, "a word in the kicker"),
        ("  qr_label: ", 165, 13, "a word in the QR code's label"),
    ],
)
def test_an_arabic_word_too_long_for_a_cover_or_back_line_is_reported_at_its_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], key: str, line: int, col: int, noun: str
) -> None:
    """Such a word was an error at the file's first line, 1:1, 'at outside/cover': the check that names the key
    measured only left-to-right lines."""
    text = ARABIC.read_text(encoding="utf-8")
    start = text.index("\n" + key) + 1 + len(key)
    end = text.index("\n", start)
    content = tmp_path / "ar.yaml"
    content.write_text(text[:start] + "بتثجحخ" * 12 + text[end:], encoding="utf-8")
    status, errs = errors(capsys, content)
    assert status == 1 and len(errs) == 1, errs
    found = LINE.match(errs[0])
    assert found is not None and (int(found["line"]), int(found["col"])) == (line, col), errs
    assert noun in errs[0] and "too long for its line" in errs[0], errs
