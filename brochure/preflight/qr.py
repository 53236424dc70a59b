"""A Layout's frames -> a Diagnostic unless the QR code, as drawn, is printed whole, is the booking address's code
the right way round, and decodes to it."""

from __future__ import annotations

from functools import lru_cache

import zxingcpp
from PIL import Image

from brochure.diagnostics import Diagnostic, Location, Place, error
from brochure.layout.model import Layout, Page, Segment, Shape, Text
from brochure.layout.qr import module_rows
from brochure.preflight.design import QUIET, module_runs, module_size, qr_modules
from brochure.remembered import by_identity

PX = 4  # pixels a module for the decoder
LARGEST = 177  # modules a side of the largest QR code (version 40)
_QR = zxingcpp.BarcodeFormat.QRCode  # (looked for alone: 0.1 ms, against 0.8 for every kind of code)

Grid = tuple[tuple[bool, ...], ...]  # the dark modules, row by row from the top, without the quiet zone


def check_qr_decodes(layout: Layout, where: Location) -> list[Diagnostic]:
    """The QR code as drawn: nothing painted over its modules or cutting them, its modules those of the booking
    address's code, the right way round, and what a decoder reads in them exactly the booking address. (The tests
    also decode every layout's code from the PDF as PDFium renders it.)"""
    qr = layout.qr
    if qr is None:
        return []
    b = qr.box
    page = layout.pages[qr.page]
    spot = Place(qr.page, b.x, b.y, b.w, b.h)
    found = qr_modules(page)
    problem = "it has no modules" if found is None else _hidden(page, found[0], found[1])
    if not problem and found is not None:
        grid = drawn_grid(found[0].path)
        read = list(_decoded(grid)) if grid is not None else []
        if grid is None:
            problem = "its modules are not drawn as rows of squares"
        elif read != [qr.url]:
            problem = f"it reads {read[0]!r}" if read else "no phone could read it"
        elif grid != module_rows(qr.url):
            problem = "its modules are not the code made for it (drawn turned, mirrored or otherwise changed)"
    if not problem:
        return []
    message = f"the QR code does not decode to {qr.url}: {problem}"
    return [error(where, message, "this is a bug: please report it").at(spot)]


def _hidden(page: Page, dark: Shape, light: Shape | None) -> str:
    """What keeps the dark modules from printing as drawn: outlined, clipped, under their light square, or under
    anything else painted over them ('' if nothing)."""
    if dark.stroke is not None:
        return "its modules are outlined, so they print wider than drawn"
    if dark.clip:
        return "its modules are drawn inside a clip"
    if light is not None and light.z > dark.z:
        return "its light square is painted over its modules"
    code = dark.box
    for item in page.items:
        if item.z <= dark.z or item is light:
            continue
        b = item.box
        if b.x < code.right and code.x < b.right and b.y < code.top and code.y < b.top and b.w > 0 and b.h > 0:
            what = "a line of text" if isinstance(item, Text) else "a picture" if item.role == "figure" else "a shape"
            return f"{what} is painted over its modules"
    return ""


@by_identity(16)
def drawn_grid(path: tuple[Segment, ...]) -> Grid | None:
    """The dark modules the path draws, row by row from the top; None unless every run lies on the grid of one
    module (a pure function of the path: the same object in every build of one address and size)."""
    runs, unit = module_runs(path), module_size(path)
    if runs is None or not unit:
        return None
    left, top = min(r[0] for r in runs), max(r[3] for r in runs)
    cols = round((max(r[2] for r in runs) - left) / unit)
    rows = round((top - min(r[1] for r in runs)) / unit)
    if not 0 < cols <= LARGEST or not 0 < rows <= LARGEST:
        return None
    dark = bytearray(cols * rows)
    for x0, y0, x1, y1 in runs:
        edges = ((x0 - left) / unit, (x1 - left) / unit, (top - y1) / unit, (top - y0) / unit)
        c0, c1, r0, r1 = (round(e) for e in edges)
        if any(abs(e - round(e)) > 0.01 for e in edges):
            return None  # (off the grid)
        for r in range(r0, r1):
            dark[r * cols + c0 : r * cols + c1] = b"\x01" * (c1 - c0)
    return tuple(tuple(bool(v) for v in dark[r * cols : (r + 1) * cols]) for r in range(rows))


@lru_cache(maxsize=16)
def _decoded(grid: Grid) -> tuple[str, ...]:
    """What zxing-cpp reads in the grid's modules: black on white, PX pixels a module, with the quiet zone the
    standard asks for. (Not the page at a camera's resolution: at 200 dpi a code of 0.28 mm modules read or not by
    where its edges fell on the pixel grid, and read at 150, 300 and 600 dpi; how small a phone resolves is the
    module size's check, preflight/design.py.)"""
    cols, rows = len(grid[0]) + 2 * QUIET, len(grid) + 2 * QUIET
    side = b"\xff" * QUIET  # the quiet zone's columns, and its rows above and below
    lines = [side + bytes(0 if dark else 255 for dark in row) + side for row in grid]
    image = Image.frombytes("L", (cols, rows), side * cols + b"".join(lines) + side * cols)
    image = image.resize((cols * PX, rows * PX), Image.Resampling.NEAREST)
    read = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormats(_QR))
    return tuple(r.text for r in read if r.format == _QR)
