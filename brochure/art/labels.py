"""Label words, a font and a drawing's width -> a size (never under 7 pt), line breaks, the labels too wide."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from reportlab.graphics.shapes import String
from reportlab.lib.attrmap import AttrMap, AttrMapValue
from reportlab.lib.validators import isAnything
from reportlab.pdfbase.pdfmetrics import stringWidth

from brochure.frozen import frozen

MIN_LABEL_PT = 7.0
ROOM_SHARE = 0.40  # labels are set in at most this share of the drawing's width at their design size ...
MOST_SHARE = 0.50  # ... and, shrunk to 7 pt, never in more than this: a longer label is the writer's to shorten

Measure = Callable[[str, float], float]  # (text, size) -> its width in points, as it will print


class Label(String):  # type: ignore[misc]
    """A drawing's line of words: a String that may also be set in the kit's fallback fonts (and shaped, for
    Arabic or Hebrew) where its own font lacks a letter (layout/lettering.py sets it)."""

    _attrMap = AttrMap(BASE=String, fallbacks=AttrMapValue(isAnything, desc="fallback font names, first first"))

    def __init__(self, x: float, y: float, text: str, fallbacks: tuple[str, ...] = (), **style: object) -> None:
        super().__init__(x, y, text, **style)
        self.fallbacks = fallbacks


def width_in(font_name: str) -> Measure:
    """The width of text in one font (no fallbacks, no shaping)."""
    return lambda text, size: float(stringWidth(text, font_name, size))


def wrap2(text: str, measure: Measure, size: float) -> list[str]:
    """Split a label into two balanced lines at a space (or keep it whole if it has none); linear in its length."""
    words = text.split()
    if len(words) < 2:
        return [text]
    widths = [measure(w, size) for w in words]
    space = measure(" ", size)
    total = sum(widths) + space * (len(words) - 1)
    best_i, best_w, left = 0, measure(text, size), 0.0
    for i in range(1, len(words)):
        left += widths[i - 1] + (space if i > 1 else 0.0)
        w = max(left, total - left - space)
        if w < best_w:
            best_i, best_w = i, w
    if not best_i:
        return [text]
    return [" ".join(words[:best_i]), " ".join(words[best_i:])]


def fit_labels(
    texts: Mapping[str, str], measure: Measure, font_size: float, room: float
) -> tuple[float, dict[str, list[str]], float]:
    """Choose a size (>= 7 pt), line breaks and the widest line for labels within `room` points: the larger of the
    size at which every label fits on one line and that at which the labels too wide for one line, broken into
    two, fit (only those: a short label stays whole, so labels stacked at the drawing's side read as separate
    labels); at the 7 pt floor, with those labels broken."""

    def widest(lines: Mapping[str, list[str]], size: float) -> float:
        return max((measure(t, size) for ls in lines.values() for t in ls), default=0.0)

    def wrapped(size: float) -> dict[str, list[str]]:
        return {k: [v] if measure(v, size) <= room else wrap2(v, measure, size) for k, v in texts.items()}

    def fitted(lines_at: Callable[[float], dict[str, list[str]]]) -> tuple[float, dict[str, list[str]], float]:
        wide = widest(lines_at(font_size), font_size)
        size = font_size if wide <= room else max(MIN_LABEL_PT, font_size * room / wide)
        lines = lines_at(size)
        return size, lines, widest(lines, size)

    single = fitted(lambda size: {k: [v] for k, v in texts.items()})
    if single[2] <= room and single[0] == font_size:
        return single
    two = fitted(wrapped)
    # the larger; at the same size (the 7 pt floor) the labels broken, where only a label that cannot break (one
    # long word) may still be too wide: it alone is the writer's to shorten
    return two if two[0] >= single[0] - 0.01 else single


def _remembering(measure: Measure) -> Measure:
    """The measure, each (text, size) measured once (an Arabic label is shaped to be measured)."""
    known: dict[tuple[str, float], float] = {}

    def width(text: str, size: float) -> float:
        found = known.get((text, size))
        if found is None:
            found = known[text, size] = measure(text, size)
        return found

    return width


@frozen
class LabelFit:
    """How labels sit beside a drawing: their size, lines, the leader's length and the gutter they take."""

    size: float
    lines: Mapping[str, list[str]]
    text_w: float
    lead: float  # room for the leader line between the drawing and the words
    gutter: float  # the width kept at the drawing's right for leaders and words
    too_wide: tuple[tuple[str, float], ...]  # (label key, points over) for labels that cannot fit at all


def fit_beside(texts: Mapping[str, str], measure: Measure, font_size: float, width: float) -> LabelFit:
    """Labels beside a drawing `width` points wide (at its right, or at its left when it is mirrored), measured
    as they will print; any label still too wide at 7 pt is named."""
    font_size = max(MIN_LABEL_PT, font_size)
    measure = _remembering(measure)
    lead = max(9.0, 0.05 * width)
    if not texts:
        return LabelFit(font_size, {}, 0.0, lead, 0.0, ())
    size, lines, text_w = fit_labels(texts, measure, font_size, ROOM_SHARE * width - lead)
    most = MOST_SHARE * width - lead - 0.5
    too_wide = []
    for key, ls in lines.items():
        w = max(measure(t, size) for t in ls)
        if w > most:
            too_wide.append((key, w - most))
    gutter = min(max(lead + text_w + 0.5, 0.20 * width), MOST_SHARE * width)
    return LabelFit(size, lines, text_w, lead, gutter, tuple(too_wide))
