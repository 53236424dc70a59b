"""A sheet and a base font -> a Recorder: the canvas flowables draw on once, so that layout/paint.py can read back
what they set. It is never saved; it notes beside the operators what they cannot carry: each string as written
and its font, the words a string of shaped glyphs stands for, the role marks, pictures and links.
"""

from __future__ import annotations

import io
import math
from functools import lru_cache

from reportlab.graphics.shapes import Drawing
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfbase.ttfonts import ShapedStr
from reportlab.pdfgen.canvas import PATH_OPS, Canvas
from reportlab.pdfgen.pathobject import PDFPathObject
from reportlab.pdfgen.textobject import PDFTextObject

from brochure.diagnostics import Location
from brochure.frozen import frozen
from brochure.geometry.sheet import Rect, Sheet
from brochure.layout.model import Entry
from brochure.layout.setting import Op, fx
from brochure.vocabulary import Role


@frozen
class Mark:
    """A role opened by a flowable around what it draws; `measure` is a paragraph's column (local coordinates);
    `element` the key of what it draws when that key must outlive the drawing (a paragraph split across panels
    keeps its key: '' gives it one of its own); `entry` the list item it draws."""

    role: Role
    level: int = 0
    alt: str = ""
    measure: Rect | None = None
    element: str = ""
    entry: Entry | None = None


@frozen
class _PictureNote:
    data: bytes
    pixels: tuple[int, int]
    at: Location
    alt: str
    w: float
    h: float
    decorative: bool = False  # decoration, no figure: not read (`decorative: true` on a content picture)


class _NotesOpacity:
    """Opacity noted as a value beside ReportLab's ExtGState name (which the reader cannot look up)."""

    _code: list[str]

    def setFillAlpha(self, a: float) -> None:
        super().setFillAlpha(a)  # type: ignore[misc]
        self._code.append(f"{float(a):.4f} ba")

    def setStrokeAlpha(self, a: float) -> None:
        super().setStrokeAlpha(a)  # type: ignore[misc]
        self._code.append(f"{float(a):.4f} BA")


class _RecordingText(_NotesOpacity, PDFTextObject):  # type: ignore[misc]
    """A text object that notes each string as written (and its font) beside the operators that encode it."""

    def _formatText(self, text: str) -> str:
        canvas: Recorder = self._canvas
        n = len(canvas.texts)
        canvas.texts.append((text, self._fontname, self._fontsize))
        if not text or not getFont(self._fontname)._dynamicFont or isinstance(text, ShapedStr):
            return f"/T{n} ut " + str(super()._formatText(text))
        # An embedded font's words need not be encoded (nothing reads them): only the leading its encoding sets
        # (the same at every change of subset) is kept, for T* to move by.
        self._curSubset = 0
        return f"/T{n} ut {fp_str(self._leading)} TL"


def _at(*values: float) -> tuple[float, ...]:
    """Coordinates as ReportLab writes them and the reader reads them back; one that is not a number is an error
    (ReportLab writes it `nan`, which the reader of its text could not read either)."""
    out = tuple(fx(v) for v in values)
    if not all(math.isfinite(v) for v in out):
        raise ValueError(f"a shape's coordinates are not numbers: {values!r}")
    return out


class _DataPath(PDFPathObject):  # type: ignore[misc]
    """ReportLab's path object, its segments given as data (each number as ReportLab writes it) instead of text."""

    def __init__(self) -> None:  # (not ReportLab's: it keeps a bound method of itself, a cycle)
        self.ops: list[Op] = [("n", ())]  # (ReportLab's path begins so)

    def moveTo(self, x: float, y: float) -> None:
        self.ops.append(("m", _at(x, y)))

    def lineTo(self, x: float, y: float) -> None:
        self.ops.append(("l", _at(x, y)))

    def curveTo(self, x1: float, y1: float, x2: float, y2: float, x3: float, y3: float) -> None:
        self.ops.append(("c", _at(x1, y1, x2, y2, x3, y3)))

    def close(self) -> None:
        self.ops.append(("h", ()))


@lru_cache(maxsize=256, typed=True)
def _ellipse(x1: float, y1: float, x2: float, y2: float) -> tuple[Op, ...]:
    """An ellipse's segments (its four curves), remembered: a list's dots are drawn at the same places build after
    build. (Each number is rounded as ReportLab writes it, which writes 0.0 and -0.0 alike.)"""
    path = _DataPath()
    path.ellipse(x1, y1, x2 - x1, y2 - y1)
    return tuple(path.ops)


class Recorder(_NotesOpacity, Canvas):  # type: ignore[misc]
    """A canvas flowables draw on once, to be read back; it is never saved."""

    def __init__(self, sheet: Sheet, base_font: str) -> None:
        super().__init__(
            io.BytesIO(),
            pagesize=(sheet.media.w, sheet.media.h),
            invariant=1,
            initialFontName=base_font,
            initialFontSize=10,
        )
        self.texts: list[tuple[str, str, float]] = []
        self.marks: list[Mark] = []
        self.pictures: list[_PictureNote] = []
        self.link_notes: list[tuple[str, Rect, bool]] = []
        self.drawings: list[Drawing] = []  # url, box, in the current coordinates
        self.actuals: list[str] = []
        self.paragraphs: list[list[Op]] = []

    def paragraph(self, ops: list[Op]) -> None:
        """A paragraph's operators given as data (layout/setting.py), read where this note stands."""
        self._code.append(f"/W{len(self.paragraphs)} Do")
        self.paragraphs.append(ops)

    # A rectangle, an ellipse (a circle) and a rounded rectangle, as the canvas draws them, given as data: the same
    # segments, each number as ReportLab writes it, without writing them out and reading them back.

    def rect(self, x: float, y: float, width: float, height: float, stroke: int = 1, fill: int = 0) -> None:
        self.paragraph([("n", ()), ("re", _at(x, y, width, height)), (PATH_OPS[stroke, fill, self._fillMode], ())])

    def ellipse(self, x1: float, y1: float, x2: float, y2: float, stroke: int = 1, fill: int = 0) -> None:
        self.paragraph([*_ellipse(x1, y1, x2, y2), (PATH_OPS[stroke, fill, self._fillMode], ())])

    def roundRect(
        self, x: float, y: float, width: float, height: float, radius: float, stroke: int = 1, fill: int = 0
    ) -> None:
        path = _DataPath()
        path.roundRect(x, y, width, height, radius)
        self.paragraph([*path.ops, (PATH_OPS[stroke, fill, self._fillMode], ())])

    def actual(self, text: str) -> str:
        """The note that the next string is shaped glyphs standing for `text` ('' for the rest of such a line):
        a text object's operator, to go before the string."""
        self.actuals.append(text)
        return f"/A{len(self.actuals) - 1} at"

    def beginText(self, x: float = 0, y: float = 0, direction: object = None) -> _RecordingText:
        return _RecordingText(self, x, y, direction=direction)

    def drawText(self, aTextObject: PDFTextObject) -> None:
        super().drawText(aTextObject)
        # A paragraph binds a function to its text object as a method of that object (`_do_line`): a cycle,
        # which kept this canvas and all it noted alive until the cycle collector ran. Drawn, it is not needed.
        aTextObject.__dict__.pop("_do_line", None)

    def begin_role(
        self,
        role: Role,
        level: int = 0,
        alt: str = "",
        measure: Rect | None = None,
        element: str = "",
        entry: Entry | None = None,
    ) -> None:
        self._code.append(f"/R{len(self.marks)} BMC")
        self.marks.append(Mark(role, level, alt, measure, element, entry))

    def end_role(self) -> None:
        self._code.append("EMC")

    def picture(
        self, data: bytes, pixels: tuple[int, int], at: Location, alt: str, w: float, h: float, decorative: bool = False
    ) -> None:
        """A raster picture filling (0, 0, w, h) in the current coordinates; a figure, or `decorative`."""
        self._code.append(f"/P{len(self.pictures)} Do")
        self.pictures.append(_PictureNote(data, pixels, at, alt, w, h, decorative))

    def drawing(self, d: Drawing) -> None:
        """A vector drawing in the current coordinates (read by layout/drawings.py, never written)."""
        self._code.append(f"/D{len(self.drawings)} Do")
        self.drawings.append(d)

    def linkURL(
        self, url: str, rect: tuple[float, float, float, float], relative: int = 0, *args: object, **kw: object
    ) -> None:
        x1, y1, x2, y2 = rect
        self._code.append(f"/L{len(self.link_notes)} Do")
        self.link_notes.append((url, Rect(min(x1, x2), min(y1, y2), abs(x2 - x1), abs(y2 - y1)), bool(relative)))

    def drawImage(self, *args: object, **kw: object) -> None:
        raise TypeError("flowables draw pictures through Recorder.picture, not drawImage")
