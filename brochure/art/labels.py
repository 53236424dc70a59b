"""Label words, a font and a drawing's width -> a size (never under 7 pt), line breaks, the labels too wide."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from reportlab.pdfbase.pdfmetrics import stringWidth

MIN_LABEL_PT = 7.0
ROOM_SHARE = 0.40  # labels are set in at most this share of the drawing's width at their design size ...
MOST_SHARE = 0.50  # ... and, shrunk to 7 pt, never in more than this: a longer label is the writer's to shorten


def wrap2(text: str, font_name: str, size: float) -> list[str]:
    """Split a label into two balanced lines at a space (or keep it whole if it has none); linear in its length."""
    words = text.split()
    if len(words) < 2:
        return [text]
    widths = [stringWidth(w, font_name, size) for w in words]
    space = stringWidth(" ", font_name, size)
    total = sum(widths) + space * (len(words) - 1)
    best_i, best_w, left = 0, stringWidth(text, font_name, size), 0.0
    for i in range(1, len(words)):
        left += widths[i - 1] + (space if i > 1 else 0.0)
        w = max(left, total - left - space)
        if w < best_w:
            best_i, best_w = i, w
    if not best_i:
        return [text]
    return [" ".join(words[:best_i]), " ".join(words[best_i:])]


def fit_labels(
    texts: Mapping[str, str], font_name: str, font_size: float, room: float
) -> tuple[float, dict[str, list[str]], float]:
    """Choose a size (>= 7 pt), line breaks and the widest line for labels within `room` points."""

    def widest(lines: Mapping[str, list[str]], size: float) -> float:
        return max((stringWidth(t, font_name, size) for ls in lines.values() for t in ls), default=0.0)

    single = {k: [v] for k, v in texts.items()}
    w = widest(single, font_size)
    if w <= room:
        return font_size, single, w
    wrapped = {k: wrap2(v, font_name, font_size) for k, v in texts.items()}
    if widest(wrapped, font_size) <= room:  # two lines at the design size rather than one line smaller
        return font_size, wrapped, widest(wrapped, font_size)
    size = max(MIN_LABEL_PT, font_size * room / w)
    if widest(single, size) <= room or size == font_size:
        return size, single, widest(single, size)
    wrapped = {k: wrap2(v, font_name, font_size) for k, v in texts.items()}
    ww = widest(wrapped, font_size)
    if ww <= room:
        return font_size, wrapped, ww
    size2 = max(MIN_LABEL_PT, font_size * room / ww)
    wrapped = {k: wrap2(v, font_name, size2) for k, v in texts.items()}
    # at the 7 pt floor the text may still be wider than the room: the caller widens the gutter (up to MOST_SHARE)
    single_w = widest(single, size)
    wrapped_w = widest(wrapped, size2)
    if size2 > size or wrapped_w < single_w:
        return size2, wrapped, wrapped_w
    return size, single, single_w


@dataclass(frozen=True)
class LabelFit:
    """How labels sit beside a drawing: their size, lines, the leader's length and the gutter they take."""

    size: float
    lines: Mapping[str, list[str]]
    text_w: float
    lead: float  # room for the leader line between the drawing and the words
    gutter: float  # the width kept at the drawing's right for leaders and words
    too_wide: tuple[tuple[str, float], ...]  # (label key, points over) for labels that cannot fit at all


def fit_beside(texts: Mapping[str, str], font_name: str, font_size: float, width: float) -> LabelFit:
    """Labels at the right of a drawing `width` points wide; any label still too wide at 7 pt is named."""
    font_size = max(MIN_LABEL_PT, font_size)
    lead = max(9.0, 0.05 * width)
    if not texts:
        return LabelFit(font_size, {}, 0.0, lead, 0.0, ())
    size, lines, text_w = fit_labels(texts, font_name, font_size, ROOM_SHARE * width - lead)
    most = MOST_SHARE * width - lead - 0.5
    too_wide = []
    for key, ls in lines.items():
        w = max(stringWidth(t, font_name, size) for t in ls)
        if w > most:
            too_wide.append((key, w - most))
    gutter = min(max(lead + text_w + 0.5, 0.20 * width), MOST_SHARE * width)
    return LabelFit(size, lines, text_w, lead, gutter, tuple(too_wide))
