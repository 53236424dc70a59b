"""A booking URL -> a vector QR code Drawing with a light quiet zone (the encoding and outline cached per address)."""

from __future__ import annotations

import itertools
from functools import lru_cache

import zxingcpp
from reportlab.graphics.shapes import Drawing
from reportlab.lib.colors import Color

from brochure.art.fixed import Fixed, Pen, Segment, made
from brochure.art.nodes import Rect
from brochure.geometry.sheet import MM

QUIET_MODULES = 4
LEAST_MODULE = 0.25 * MM  # about two pixels at the 200 dpi a phone's camera resolves a page at reading distance:
# smaller modules blur into their neighbours (a 200 dpi rendering read such a code or not by where its edges fell)


@lru_cache(maxsize=64)
def module_rows(url: str) -> tuple[tuple[bool, ...], ...]:
    """The code's modules, dark or light, row by row: a QR code at error correction level M, encoded by zxing-cpp
    (in C++, under a millisecond; ReportLab's encoder, in Python, took 7 ms an address), the library preflight reads
    it back with."""
    code = zxingcpp.create_barcode(url, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    image = zxingcpp.write_barcode_to_image(code, scale=1, add_quiet_zones=False)  # (a module a pixel, dark 0)
    height, width = image.shape
    pixels = bytes(image)  # type: ignore[call-overload]  # (a buffer, which its type stubs do not say)
    return tuple(tuple(p == 0 for p in pixels[r * width : (r + 1) * width]) for r in range(height))


def modules(url: str) -> int:
    """How many modules a side the code has (without the quiet zone)."""
    return len(module_rows(url))


def least_size(url: str) -> float:
    """The smallest the code of `url` may print, its quiet zone included: modules of LEAST_MODULE."""
    return LEAST_MODULE * (modules(url) + 2 * QUIET_MODULES)


def qr_drawing(url: str, size: float, dark: Color, light: Color) -> Drawing:
    """A size x size Drawing: a light square, then the dark modules as one path, 4 modules of quiet zone.

    Made afresh for each build (a Drawing is mutable: a cached one would be shared); the slow parts, encoding
    the address and tracing its modules, are made once per address and size (immutable tuples)."""
    d = Drawing(size, size)
    d.add(Rect(0, 0, size, size, fillColor=light, strokeColor=None, strokeWidth=0))
    d.add(Fixed(made(_dark_modules, url, size), fillColor=dark, strokeColor=None, strokeWidth=0))
    return d


def _dark_modules(url: str, size: float) -> tuple[Segment, ...]:
    """The dark modules' outline, a square of `size`: each row's runs of dark modules as rectangles."""
    rows = module_rows(url)
    unit = size / (len(rows) + 2 * QUIET_MODULES)
    path = Pen()
    for r, row in enumerate(rows):
        top = size - (r + QUIET_MODULES) * unit
        c = 0
        for is_dark, run in itertools.groupby(row):
            n = len(list(run))
            if is_dark:
                x0, x1 = (c + QUIET_MODULES) * unit, (c + n + QUIET_MODULES) * unit
                path.moveTo(x0, top)
                path.lineTo(x1, top)
                path.lineTo(x1, top - unit)
                path.lineTo(x0, top - unit)
                path.closePath()
            c += n
    return tuple(path.segments)
