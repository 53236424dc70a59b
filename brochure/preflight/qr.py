"""A Layout's frames -> a Diagnostic unless the QR code's modules, as drawn, decode to the booking address."""

from __future__ import annotations

import zxingcpp
from PIL import Image

from brochure.diagnostics import Diagnostic, Location, Place, error
from brochure.layout.model import Layout, Page, Segment
from brochure.preflight.design import QUIET, module_size, qr_corners, qr_modules
from brochure.remembered import by_identity

PX = 4  # pixels a module for the decoder (at 200 dpi, the rendered page gave a 26 mm code about 6)
_QR = zxingcpp.BarcodeFormat.QRCode  # (looked for alone: 0.1 ms, against 0.8 for every kind of code)


def read_drawn_qr(page: Page) -> list[str]:
    """Texts a decoder reads in the QR code's dark modules as the page's frames draw them: each closed run of the
    dark path filled, on the grid of one module, black on white with the quiet zone the standard asks for. A code
    read turned or mirrored (drawn upside down, say) is given with the angle it was read at."""
    found = qr_modules(page)
    return [] if found is None else list(_read(found[0].path))


@by_identity(16)
def _read(path: tuple[Segment, ...]) -> tuple[str, ...]:
    """What the dark path reads as (a pure function of the path: the same object is drawn in every build of one
    booking address and size)."""
    corners, unit = qr_corners(path), module_size(path)
    if not corners or not unit:
        return ()
    xs = [x for ends in corners for x, _ in ends]
    ys = [y for ends in corners for _, y in ends]
    left, top = min(xs), max(ys)
    cols = round((max(xs) - left) / unit) + 2 * QUIET
    rows = round((top - min(ys)) / unit) + 2 * QUIET
    grid = bytearray(b"\xff" * (cols * rows))
    for (x0, y0), (x1, y1) in corners:
        c0 = max(round((min(x0, x1) - left) / unit) + QUIET, 0)
        c1 = min(round((max(x0, x1) - left) / unit) + QUIET, cols)
        r0 = round((top - max(y0, y1)) / unit) + QUIET
        r1 = round((top - min(y0, y1)) / unit) + QUIET
        for r in range(max(r0, 0), min(r1, rows)):
            grid[r * cols + c0 : r * cols + c1] = bytes(max(c1 - c0, 0))
    image = Image.frombytes("L", (cols, rows), bytes(grid)).resize((cols * PX, rows * PX), Image.Resampling.NEAREST)
    read = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormats(_QR))
    return tuple(r.text if r.orientation == 0 else f"{r.text} (read turned {r.orientation}°)" for r in read)


def check_qr_decodes(layout: Layout, where: Location) -> list[Diagnostic]:
    """Decode the QR code as drawn: it must say exactly the booking address. (The PDF's rendering of it is read by
    the tests for every layout and target: tests/test_pdf.py.)"""
    qr = layout.qr
    if qr is None:
        return []
    b = qr.box
    found = read_drawn_qr(layout.pages[qr.page])
    if found == [qr.url]:
        return []
    what = f"it reads {found[0]!r}" if found else "no phone could read it"
    spot = Place(qr.page, b.x, b.y, b.w, b.h)
    message = f"the QR code does not decode to {qr.url}: {what}"
    return [error(where, message, "this is a bug: please report it").at(spot)]
