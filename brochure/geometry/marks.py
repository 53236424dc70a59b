"""A Sheet with a slug and one of its sides -> the crop and fold marks, clear of the bleed (pure maths)."""

from __future__ import annotations

from brochure.geometry.sheet import MARK_GAP, MARK_LENGTH, Sheet, Side


def mark_lines(sheet: Sheet, side: Side) -> list[tuple[float, float, float, float]]:
    """(x1, y1, x2, y2) of every mark: two per trim corner, then one above and one below each fold."""
    return [line for _, line in marks(sheet, side)]


def marks(sheet: Sheet, side: Side) -> list[tuple[str, tuple[float, float, float, float]]]:
    """("crop" or "fold", (x1, y1, x2, y2)) of every mark: crop marks are cut along, fold marks folded along."""
    t, off, n = sheet.trim, sheet.bleed + MARK_GAP, MARK_LENGTH  # (from beyond the bleed's edge, pointing away)
    lines: list[tuple[str, tuple[float, float, float, float]]] = []
    for x, dx in ((t.x, -1), (t.right, 1)):
        for y, dy in ((t.y, -1), (t.top, 1)):
            lines.append(("crop", (x + dx * off, y, x + dx * (off + n), y)))  # horizontal, level with the trim
            lines.append(("crop", (x, y + dy * off, x, y + dy * (off + n))))  # vertical
    for fold in side.folds:
        lines.append(("fold", (fold, t.top + off, fold, t.top + off + n)))
        lines.append(("fold", (fold, t.y - off, fold, t.y - off - n)))
    return lines
