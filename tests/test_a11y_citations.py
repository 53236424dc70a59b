"""A citation's raised number as a screen reader reads it in a shaped (right-to-left) paragraph: apart from the
number before it, in brackets, as a left-to-right paragraph's Reference element reads it."""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
from helpers import BRAND, CONTENT, ROOT
from tagged import Tagged

from brochure import api

ARABIC = ROOT / "translations" / "ar.yaml"


def _build(content: Path, brand: Path, **options: object) -> api.Result:
    src, diags = api.load(content, brand)
    assert src is not None, [d.format() for d in diags]
    return api.build(src, api.Options(**options))  # type: ignore[arg-type]


def _read(result: api.Result) -> Tagged:
    assert result.ok and result.pdf is not None, [d.format() for d in result.diagnostics]
    return Tagged(pikepdf.open(io.BytesIO(result.pdf)))


def _paragraph_with(doc: Tagged, needle: str) -> str:
    """The words a screen reader reads for the one paragraph (P) that holds the needle."""
    assert doc.root is not None
    found = [" ".join(doc.text(n).split()) for n in doc.root.walk() if n.kind == "P" and needle in doc.text(n)]
    assert len(found) == 1, found
    return found[0]


def test_a_citation_after_a_number_in_an_arabic_paragraph_is_not_read_into_the_number(tmp_path: Path) -> None:
    """Arabic "wait 48[^alam2014] hours before make-up": the tri-fold prints 48 and a raised 3, but the line's
    /ActualText (what a screen reader reads in place of the glyphs) was "انتظر 483 ساعة": the listener was told to
    wait 483 hours. In an English paragraph the citation is a Reference element read "[3]" ("48[3]"); in a shaped
    paragraph it was plain digits run into the number before it; it is "48[3]" too. (ISO 14289-1 7.2 / Matterhorn
    01-006: the text equivalent is not the content; WCAG 1.3.1.)"""
    text = ARABIC.read_text(encoding="utf-8")
    old = 'لا تشارك جهازك مع أحد أبدًا."'
    assert text.count(old) == 1
    content = tmp_path / "ar.yaml"
    content.write_text(text.replace(old, 'لا تشارك جهازك مع أحد أبدًا. انتظر 48[^alam2014] ساعة قبل وضع المكياج."'))
    words = _paragraph_with(_read(_build(content, BRAND)), "انتظر")
    assert "483" not in words, words
    assert "انتظر 48[3] ساعة" in words, words


def test_a_citation_after_a_number_in_an_english_paragraph_with_one_arabic_word_is_not_read_into_it(
    tmp_path: Path,
) -> None:
    """One Arabic word sends an English paragraph through the right-to-left setting (layout/rtl.py); its citations
    then lose their Reference elements: "Use SPF 30[^alam2014][^juhasz2020] daily" was read "Use SPF 303,4 daily"
    (SPF three hundred and three), and "infection.[^aad2018]" as "infection.2". They read as the same paragraph
    without the Arabic word reads: "SPF 30[3,4]", "infection.[2]"."""
    text = CONTENT.read_text(encoding="utf-8")
    old = "Never share one."
    assert text.count(old) == 1
    content = tmp_path / "content.yaml"
    content.write_text(
        text.replace(old, "Never share one. Use SPF 30[^alam2014][^juhasz2020] daily (in Arabic: واقي)."),
        encoding="utf-8",
    )
    words = _paragraph_with(_read(_build(content, BRAND)), "Use SPF")
    assert "SPF 303" not in words, words
    assert "Use SPF 30[3,4] daily" in words, words
    assert "infection.[2] " in words, words  # (the citation before it, apart from the sentence's end)
