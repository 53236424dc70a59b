"""Label words, a font and the room beside a drawing -> a size (never under 7 pt) and line breaks that fit."""

from __future__ import annotations

from collections.abc import Mapping

from reportlab.pdfbase.pdfmetrics import stringWidth

MIN_LABEL_PT = 7.0


def wrap2(text: str, font_name: str, size: float) -> list[str]:
    """Split a label into two balanced lines at a space (or keep it whole if it has none)."""
    words = text.split()
    if len(words) < 2:
        return [text]
    best: list[str] = [text]
    best_w = stringWidth(text, font_name, size)
    for i in range(1, len(words)):
        lines = [" ".join(words[:i]), " ".join(words[i:])]
        w = max(stringWidth(t, font_name, size) for t in lines)
        if w < best_w:
            best, best_w = lines, w
    return best


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
    size = max(MIN_LABEL_PT, font_size * room / w)
    if widest(single, size) <= room or size == font_size:
        return size, single, widest(single, size)
    wrapped = {k: wrap2(v, font_name, font_size) for k, v in texts.items()}
    ww = widest(wrapped, font_size)
    if ww <= room:
        return font_size, wrapped, ww
    size2 = max(MIN_LABEL_PT, font_size * room / ww)
    wrapped = {k: wrap2(v, font_name, size2) for k, v in texts.items()}
    # at the 7 pt floor the text may still be wider than the room: the caller widens the gutter
    single_w = widest(single, size)
    wrapped_w = widest(wrapped, size2)
    if size2 > size or wrapped_w < single_w:
        return size2, wrapped, wrapped_w
    return size, single, single_w
