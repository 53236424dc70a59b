"""A Sheet with a slug -> crop marks at the trim corners and fold marks at each fold, drawn outside the bleed."""

from __future__ import annotations

from reportlab.lib.colors import CMYKColorSep
from reportlab.pdfgen.canvas import Canvas

from brochure.geometry.sheet import MARK_LENGTH, Sheet, Side

MARK_WIDTH = 0.25  # pt
REGISTRATION = CMYKColorSep(1, 1, 1, 1, spotName="All", density=1)  # prints on every plate


def mark_lines(sheet: Sheet, side: Side) -> list[tuple[float, float, float, float]]:
    """(x1, y1, x2, y2) of every mark: two per trim corner, one above and one below each fold."""
    t, off, n = sheet.trim, sheet.bleed, MARK_LENGTH
    lines: list[tuple[float, float, float, float]] = []
    for x, dx in ((t.x, -1), (t.right, 1)):
        for y, dy in ((t.y, -1), (t.top, 1)):
            lines.append((x + dx * off, y, x + dx * (off + n), y))  # horizontal, level with the trim edge
            lines.append((x, y + dy * off, x, y + dy * (off + n)))  # vertical
    for fold in side.folds:
        lines.append((fold, t.top + off, fold, t.top + off + n))
        lines.append((fold, t.y - off, fold, t.y - off - n))
    return lines


def draw_marks(canvas: Canvas, sheet: Sheet, side: Side) -> None:
    canvas.saveState()
    canvas.setStrokeColor(REGISTRATION)
    canvas.setLineWidth(MARK_WIDTH)
    for fold_or_crop in mark_lines(sheet, side):
        canvas.line(*fold_or_crop)
    canvas.restoreState()
