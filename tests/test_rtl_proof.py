"""An Arabic-reading typesetter's proof of a copy of the shipped Arabic leaflet (translations/ar.yaml, the shipped
kit), with words a clinic might write in its first paragraph: what prints must read, right to left, as written.

Each test is a defect found by proofing the printed page (tri-fold, office; and large print), now mended: a full
stop or Arabic comma after a Latin word or number, and the citation after it, print at the word's left, where the
sentence goes on (layout/bidi.py: the citation is no part of the Latin phrase, and is isolated in the paragraph's
direction); a phone number's groups stay on one line whatever mark closes it (layout/together.py: NEXT_DIGITS)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from helpers import BRAND, ROOT

from brochure import api
from brochure.layout.model import Run, Text

ARABIC = ROOT / "translations" / "ar.yaml"
PLAIN = "علاج للبشرة."  # in the first paragraph of ar.yaml (sections[0].blocks[0].text, line 30)


def built(tmp_path: Path, words: str, layout: str = "trifold") -> api.Result:
    """The Arabic tri-fold whose first paragraph says `words` where it says PLAIN."""
    text = ARABIC.read_text(encoding="utf-8")
    assert PLAIN in text
    path = tmp_path / "ar.yaml"
    path.write_text(text.replace(PLAIN, words, 1), encoding="utf-8")
    src, diags = api.load(path, BRAND)
    assert src is not None, [d.format() for d in diags]
    result = api.build(src, api.Options(layout=layout))  # type: ignore[arg-type]
    assert result.ok and result.layout is not None, [d.format() for d in result.diagnostics if d.is_error]
    return result


def line_with(result: api.Result, words: str) -> Text:
    assert result.layout is not None
    return next(t for p in result.layout.pages for t in p.items if isinstance(t, Text) and words in t.text)


def lines_of(result: api.Result) -> list[str]:
    assert result.layout is not None
    return [t.text for p in result.layout.pages for t in p.items if isinstance(t, Text)]


def left_to_right(line: Text) -> list[Run]:
    return sorted(line.runs, key=lambda r: r.x)


def printed_between(line: Text, latin: str) -> list[Run]:
    """The runs printed from the Latin phrase that starts with `latin` to the Arabic word at its right (the word
    before it as the line reads): the phrase's own, and whatever was printed between them."""
    runs = left_to_right(line)
    i = next(k for k, r in enumerate(runs) if r.text.startswith(latin) and not r.rise)
    out = []
    for r in runs[i:]:
        if not r.rise and any(unicodedata.category(c) == "Lo" for c in r.text):
            break  # an Arabic word (its letters, as printed, not a mark)
        out.append(r)
    return out


# --- 1. Punctuation and citation after a Latin word or a number, before a citation -----------------------------


@pytest.mark.parametrize(
    ("words", "latin", "mark"),
    [
        ("انتظر 48.[^chu2021] ثم نعالج.", "4", "."),  # a full stop after a number, then its citation
        ("ضع واقي SPF 30.[^chu2021] ثم نعالج.", "SPF", "."),  # after a Latin phrase
        ("نستعمل جهاز Dermapen.[^chu2021] ثم نعالج.", "Derma", "."),  # after a Latin word
        ("نستعمل جهاز Dermapen،[^chu2021] ثم نعالج.", "Derma", "\u060c"),  # the Arabic comma
        ("انتظر ٤٨.[^chu2021] ثم نعالج.", "٤٨", "."),  # Arabic-Indic digits: the same
    ],
)
def test_the_mark_that_ends_an_arabic_sentence_prints_at_the_left_of_a_latin_word_with_a_citation(
    tmp_path: Path, words: str, latin: str, mark: str
) -> None:
    """The full stop after '48' or 'Dermapen' prints at its left, where the Arabic sentence ends (README: "a full
    stop after `1.0` prints at its left"), with a citation after it too ('48.[^a]'): the full stop (or the Arabic
    comma '،') and then the superscript at its left, read after it. (They were taken into the Latin phrase and
    printed at its RIGHT, between the Arabic word before it and the number: 'انتظر ¹.48 ثم', as if the sentence
    ended before '48'.)"""
    line = line_with(built(tmp_path, words), words.split("[")[0])
    between = printed_between(line, latin)
    assert not any(mark in r.text or r.rise for r in between), (
        f"'{mark}' or the citation printed at the right of {latin!r}: {[r.text for r in left_to_right(line)]}"
    )


@pytest.mark.parametrize(
    ("words", "latin", "mark"),
    [
        ("انتظر 48. ثم نعالج.", "4", "."),
        ("نستعمل جهاز Dermapen، ثم نعالج.", "Derma", "\u060c"),
    ],
)
def test_without_a_citation_the_mark_prints_at_the_left_of_the_latin_word(
    tmp_path: Path, words: str, latin: str, mark: str
) -> None:
    """The same words without the citation: the mark prints at the number's or word's left (as it always did)."""
    line = line_with(built(tmp_path, words), words.split(" ثم")[0])
    assert not any(mark in r.text or r.rise for r in printed_between(line, latin))


@pytest.mark.parametrize(
    ("words", "latin"),
    [
        ("نستعمل جهاز Dermapen[^chu2021] في العيادة.", "Derma"),
        ("واقي SPF 30[^chu2021] كل يوم.", "SPF"),
        ("الخدمة الصحية (NHS)[^chu2021] لا تقدمه.", "NHS"),  # (its brackets the sentence's, as without a citation)
    ],
)
def test_a_citation_after_a_latin_word_prints_at_its_left_where_an_arabic_reader_reads_after_it(
    tmp_path: Path, words: str, latin: str
) -> None:
    """'جهاز Dermapen[^a] في': the superscript prints at the left of 'Dermapen', read right to left after it, as
    after an Arabic word. (It printed at its right, between it and 'جهاز', read as citing 'جهاز'.)"""
    line = line_with(built(tmp_path, words), words.split("[")[0])
    between = printed_between(line, latin)
    assert not any(r.rise for r in between), [(r.text, bool(r.rise)) for r in left_to_right(line)]


@pytest.mark.parametrize("layout", ["trifold", "large-print"])
def test_a_citation_between_two_latin_words_stays_in_their_phrase(tmp_path: Path, layout: str) -> None:
    """'جهاز Dermapen[^a] Pro في': the phrase reads left to right with its citation where it was written, after
    'Dermapen' and before 'Pro' ('Pro ¹ Dermapen' would be the words swapped)."""
    line = line_with(built(tmp_path, "نستعمل جهاز Dermapen[^chu2021] Pro في العيادة.", layout), "Dermapen")
    runs = left_to_right(line)
    derma, pro = (next(k for k, r in enumerate(runs) if r.text.startswith(w)) for w in ("Derma", "P"))
    cited = [k for k, r in enumerate(runs) if r.rise or "1" in r.text]
    assert len(cited) == 1 and derma < cited[0] < pro, [r.text for r in runs]


@pytest.mark.parametrize(
    ("words", "latin"),
    [
        ("انتظر 48.[^chu2021] ثم نعالج.", "4"),
        ("نستعمل جهاز Dermapen،[^chu2021] ثم نعالج.", "Derma"),
    ],
)
def test_in_large_print_a_citation_after_a_number_or_latin_word_prints_at_its_left(
    tmp_path: Path, words: str, latin: str
) -> None:
    """Large print sets the citation in brackets on the line ('48 [1].'): it prints at the left of '48', the line
    reading right to left 'انتظر 48 [1]. ثم'. (It printed at the number's right: 'انتظر [1] 48. ثم', the citation
    before the number it cites; '[1] Dermapen، ثم'.)"""
    line = line_with(built(tmp_path, words, "large-print"), words.split("[")[0].rstrip(".\u060c"))  # ('48 [1].')
    between = printed_between(line, latin)
    assert not any("[" in r.text or "]" in r.text for r in between), [r.text for r in left_to_right(line)]


# --- 2. A phone number's groups kept on one line before an Arabic mark ----------------------------------------


@pytest.mark.parametrize("mark", ["\u060c", "\u061f", "\u061b", "!"])  # ، ؟ ؛ !
@pytest.mark.parametrize("before", ["في هذا العلاج من الجلد", "في هذا العلاج من الجلد في"])
def test_a_phone_number_followed_by_a_closing_mark_is_not_broken_across_lines(
    tmp_path: Path, mark: str, before: str
) -> None:
    """'اتصل على 0117 496 0321، أو': the number's groups stay on one line, as before a Latin comma ('0321,'), whatever
    mark closes it: the Arabic comma, question mark or semicolon, an exclamation mark (layout/together.py:
    NEXT_DIGITS). (It broke '0117 496' / '0321،', its last group at the right of the next line.)"""
    words = f"{before} اتصل على 0117 496 0321{mark} أو راسلنا."
    lines = lines_of(built(tmp_path, words))
    ours = [t for t in lines if any(group in t for group in ("0117", "496", "0321"))]
    assert any("0117 496 0321" in t for t in ours), ours
