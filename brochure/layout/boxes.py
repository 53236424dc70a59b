"""Runs and paths -> the boxes they print: a line's ink, a path's extent (clipped), two boxes' overlap."""

from __future__ import annotations

from functools import lru_cache

from reportlab.pdfbase.pdfmetrics import getFont, stringWidth

from brochure.geometry.sheet import Rect
from brochure.layout.model import Run, Segment
from brochure.remembered import by_identity


def trailing(run: Run) -> float:
    """The advance of the spaces a run ends with."""
    n = len(run.text) - len(run.text.rstrip(" "))
    return n * (stringWidth(" ", run.font, run.size) + run.char_space + run.word_space) if n else 0.0


@lru_cache(maxsize=256)
def ascent(font: str) -> float:
    """A registered font's ascent, per point of size (remembered: a font's name names its file's contents)."""
    return float(getFont(font).face.ascent) / 1000


@lru_cache(maxsize=256)
def descent(font: str) -> float:
    """A registered font's descent, per point of size (remembered likewise)."""
    return float(getFont(font).face.descent) / 1000


def bounds(path: tuple[Segment, ...], width: float) -> Rect:
    """The extent of a path's points (its control points included), widened by half the line width; a path
    placed again (the cover's dots, a rule at the same place, a clip) is measured once (`_extent`)."""
    extent = _extent(path)
    if extent is None:
        return Rect(0, 0, 0, 0)
    x0, y0, x1, y1 = extent
    pad = width / 2
    return Rect(x0 - pad, y0 - pad, x1 - x0 + 2 * pad, y1 - y0 + 2 * pad)


@by_identity(2048)
def _extent(path: tuple[Segment, ...]) -> tuple[float, float, float, float] | None:
    """The least and greatest x and y of a path's points (None: it has none)."""
    xs = [v for _, pts in path for v in pts[0::2]]
    ys = [v for _, pts in path for v in pts[1::2]]
    if not xs:
        return None
    return min(xs), min(ys), max(xs), max(ys)


def meet(a: Rect, b: Rect) -> Rect:
    x, y = max(a.x, b.x), max(a.y, b.y)
    return Rect(x, y, max(0.0, min(a.right, b.right) - x), max(0.0, min(a.top, b.top) - y))
