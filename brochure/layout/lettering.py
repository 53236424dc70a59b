"""A drawing's line of words, its font, size and the kit's fallback fonts -> its runs of glyphs left to right.

A label in the font's own letters is one run, as it always was. Where the font lacks a letter, each word goes to
the first fallback that has it (theme/fallback.py, as in paragraphs); a label with Arabic or Hebrew letters is
shaped with HarfBuzz and ordered right to left as a paragraph's line is (layout/rtl.py), its first run carrying
the words as written (a label of a figure is read by the figure's text alternative; elsewhere, a Span's
/ActualText).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth

from brochure.art.labels import Measure
from brochure.frozen import frozen
from brochure.inputs.chars import INVISIBLE
from brochure.layout import rtl
from brochure.theme.fallback import pieces
from brochure.theme.shaping import Shaped
from brochure.theme.shaping import rtl as has_rtl

UNBROKEN = float("inf")  # a label's line is never broken again


@frozen
class Glyphs:
    """Glyphs printed as one string from `x` (from the label's left), in one font, raised by `rise`."""

    text: str
    font: str
    x: float
    width: float
    rise: float = 0.0


@frozen
class Lettering:
    """A label as printed: its runs left to right, how wide it is, and the words as written when shaped."""

    runs: tuple[Glyphs, ...]
    width: float
    actual: str | None = None


@frozen
class _Frag:
    """A piece of a label in one font, as layout/rtl.py reads a paragraph's fragments."""

    text: str
    fontName: str  # (ReportLab's names)
    fontSize: float
    textColor: Any = None
    rise: float = 0.0


def letter(text: str, font: str, size: float, fallbacks: Sequence[str] = ()) -> Lettering:
    """text as printed in font at size, words the font lacks in the first fallback that has them (variation
    selectors, which print nothing, left out of a left-to-right label; HarfBuzz reads them in a shaped one)."""
    if not has_rtl(text):
        parts = pieces(INVISIBLE.sub("", text), font, fallbacks)
        runs, x = [], 0.0
        for t, f in parts:
            w = stringWidth(t, f, size)
            runs.append(Glyphs(t, f, x, w))
            x += w
        return Lettering(tuple(runs), x)
    parts = pieces(text, font, fallbacks)
    para = rtl.words([_Frag(t, f, size) for t, f in parts], False)  # a label's direction: its first letter's
    line = [w for ws in rtl.lines(para.words, UNBROKEN, parts=False) for w in ws]
    out: list[Glyphs] = []
    x = 0.0
    for item in rtl.visual(line, para.level):
        x = _glyphs(item.piece.shaped, x, out) if isinstance(item, rtl.Word) else x + item
    return Lettering(tuple(out), rtl.line_width(line), text)


def _glyphs(s: Shaped, x: float, out: list[Glyphs]) -> float:
    """A shaped piece's glyphs from x, as the strings that print them (layout/rtl.printed); the pen's position
    after it."""
    strings, end = rtl.printed(s, x)
    for p in strings:
        width = p.alone if p.alone is not None else stringWidth(p.text, s.font, s.size)
        out.append(Glyphs(p.text, s.font, p.x, width, p.rise))
    return end


def measure(font: str, fallbacks: Sequence[str]) -> Measure:
    """How wide a label prints in font with these fallbacks (the font's own widths when it has every letter)."""
    chosen = tuple(fallbacks)

    def width(text: str, size: float) -> float:
        if not chosen and not has_rtl(text):
            return float(stringWidth(INVISIBLE.sub("", text), font, size))
        return letter(text, font, size, chosen).width

    return width
