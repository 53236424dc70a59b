"""A booking URL -> a vector QR code Drawing with a light quiet zone (cached: encoding is slow)."""

from __future__ import annotations

import importlib
import importlib.util
import itertools
import sys
import threading
import types
from functools import lru_cache
from pathlib import Path as FilePath

import reportlab.graphics
from reportlab.graphics.shapes import Drawing, Path, Rect
from reportlab.lib.colors import Color

QUIET_MODULES = 4
_ENCODER = "reportlab.graphics.barcode.qrencoder"
_LOCK = threading.Lock()


def _encoder() -> types.ModuleType:
    """ReportLab's QR encoder (the module its QrCodeWidget encodes with), without its package's `__init__`, which
    imports and registers every barcode widget ReportLab has (Code 39, Code 128, EAN, USPS, Data Matrix: about
    5 ms, none of them used here); the encoder imports only `re` and `itertools`. It is put in place under its own
    name, so the package, if imported later, finds it as its own."""
    with _LOCK:
        module = sys.modules.get(_ENCODER)
        if module is not None:
            return module
        if "reportlab.graphics.barcode" in sys.modules:
            return importlib.import_module(_ENCODER)
        source = FilePath(reportlab.graphics.__file__).parent / "barcode" / "qrencoder.py"
        spec = importlib.util.spec_from_file_location(_ENCODER, source)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        sys.modules[_ENCODER] = module
        return module


@lru_cache(maxsize=64)
def _modules(url: str) -> tuple[tuple[bool, ...], ...]:
    """The code's modules, dark or light, row by row, as ReportLab's QrCodeWidget(url, barLevel="M") encodes them."""
    encoder = _encoder()
    qr = encoder.QRCode(None, encoder.QRErrorCorrectLevel.M)
    qr.addData(url)
    qr.make()
    return tuple(tuple(bool(m) for m in row) for row in qr.modules)


def modules(url: str) -> int:
    """How many modules a side the code has (without the quiet zone)."""
    return len(_modules(url))


def qr_drawing(url: str, size: float, dark: Color, light: Color) -> Drawing:
    """A size x size Drawing: a light square, then the dark modules as one path, 4 modules of quiet zone.

    Made afresh for each build (a Drawing is mutable: a cached one would be shared); the slow part, encoding
    the address, is cached as a tuple."""
    rows = _modules(url)
    unit = size / (len(rows) + 2 * QUIET_MODULES)
    path = Path(fillColor=dark, strokeColor=None, strokeWidth=0)
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
    d = Drawing(size, size)
    d.add(Rect(0, 0, size, size, fillColor=light, strokeColor=None, strokeWidth=0))
    d.add(path)
    return d
