"""A booking URL -> a vector QR code Drawing with a white quiet zone (cached: encoding is slow)."""

from __future__ import annotations

from functools import lru_cache

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing, Rect
from reportlab.lib.colors import Color

QUIET_MODULES = 4


@lru_cache(maxsize=64)
def qr_drawing(url: str, size: float, dark: Color, light: Color) -> Drawing:
    """A size x size Drawing: light square, then the code's dark modules, 4 modules of quiet zone."""
    widget = QrCodeWidget(url, barLevel="M", barBorder=QUIET_MODULES, barFillColor=dark, barStrokeColor=dark)
    widget.barWidth = widget.barHeight = size
    d = Drawing(size, size)
    d.add(Rect(0, 0, size, size, fillColor=light, strokeColor=None))
    d.add(widget)
    return d


def modules(url: str) -> int:
    """How many modules a side the code has (without the quiet zone)."""
    widget = QrCodeWidget(url, barLevel="M", barBorder=0)
    widget.draw()
    return int(widget.qr.getModuleCount())
