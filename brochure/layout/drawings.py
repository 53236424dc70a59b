"""A vector Drawing (our art, a logo, a QR code) and where it is placed -> its shapes and words, in page coordinates.

ReportLab's renderPDF draws a Drawing too, but it reads process-wide defaults and writes `_parent` into the
Drawing as it goes, so one Drawing cannot be drawn by two builds at once. This walks the tree and only reads
it: every shape states its own inks, widths and font; the geometry of circles, ellipses and rounded corners is
ReportLab's own (its path object, collected instead of written), so what is printed is what renderPDF drew.
A leaflet's art is drawn at the same places build after build: a plain shape's path where it is placed (a
rectangle, circle, ellipse, line, polygon or path, by its numbers and the matrix, kept apart where they compare
equal but the frames hold them apart: `art.fixed.exact`) is worked out once and remembered, an immutable tuple,
as art/fixed.py places fixed geometry.
"""

from __future__ import annotations

import math
import threading
from array import array
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from reportlab.graphics.shapes import (
    Circle,
    Ellipse,
    Group,
    Line,
    Path,
    Polygon,
    PolyLine,
    Rect,
    Shape,
    String,
    UserNode,
    _renderPath,
)
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import FILL_NON_ZERO
from reportlab.pdfgen.pathobject import PDFPathObject
from reportlab.pdfgen.pdfgeom import bezierArc

from brochure.art.fixed import Fixed, Geometry, exact, mapped, placed
from brochure.frozen import frozen
from brochure.inputs.chars import INVISIBLE
from brochure.layout.lettering import Glyphs, Lettering, letter
from brochure.layout.model import Clip, Ink, Segment, ink_of
from brochure.theme.fonts import no_break_printed
from brochure.theme.shaping import rtl as has_rtl

Matrix = tuple[float, float, float, float, float, float]


@frozen
class Painted:
    """One shape of a drawing as printed."""

    path: tuple[Segment, ...]
    fill: Ink | None
    stroke: Ink | None
    line_width: float
    cap: int
    join: int
    dash: tuple[tuple[float, ...], float]
    even_odd: bool
    clip: tuple[Clip, ...]


@frozen
class Lettered:
    """One string of a drawing (a label) as printed: its baseline's start, font, size and ink; a label in more
    than one font, or shaped, is several, each but the first `joined` to the one before on its line (the first
    of a shaped label carries its words as written, `actual`)."""

    text: str
    font: str
    size: float
    ink: Ink
    x: float
    y: float
    width: float
    rise: float = 0.0
    actual: str | None = None
    joined: bool = False


def then(m: Matrix, n: Matrix) -> Matrix:
    """m then n (PDF's row-vector convention: a point p maps to p * m * n)."""
    a, b, c, d, e, f = m
    A, B, C, D, E, F = n
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def scale_of(m: Matrix) -> float:
    return float(abs(m[0] * m[3] - m[1] * m[2]) ** 0.5)


class _Collector(PDFPathObject):  # type: ignore[misc]
    """ReportLab's path object, but its segments are kept (in page coordinates) instead of written."""

    def __init__(self, m: Matrix) -> None:  # (not ReportLab's: it keeps a bound method of itself, a cycle)
        self._code: list[str] = []
        self.m = m
        self.segments: list[Segment] = []

    def moveTo(self, x: float, y: float) -> None:
        self.segments.append(mapped(self.m, "m", (x, y)))

    def lineTo(self, x: float, y: float) -> None:
        self.segments.append(mapped(self.m, "l", (x, y)))

    def curveTo(self, x1: float, y1: float, x2: float, y2: float, x3: float, y3: float) -> None:
        self.segments.append(mapped(self.m, "c", (x1, y1, x2, y2, x3, y3)))

    def close(self) -> None:
        self.segments.append(("h", ()))

    def ellipse(self, x: float, y: float, width: float, height: float) -> None:
        box = (x, y, x + width, y + height)
        self._curves(_arcs(*box, signs=tuple(math.copysign(1.0, v) for v in box)))

    def rect(self, x: float, y: float, width: float, height: float) -> None:
        self.moveTo(x, y)
        self.lineTo(x + width, y)
        self.lineTo(x + width, y + height)
        self.lineTo(x, y + height)
        self.close()


@lru_cache(maxsize=1024)
def _arcs(x1: float, y1: float, x2: float, y2: float, signs: tuple[float, ...]) -> tuple[tuple[float, ...], ...]:
    """ReportLab's quarter arcs of the ellipse in a box, made once per box (a pure function of it; `signs` keeps
    0.0 and -0.0 apart, which compare equal)."""
    return tuple(tuple(arc) for arc in bezierArc(x1, y1, x2, y2, 0, 360))


def walk(group: Group, m: Matrix, clip: tuple[Clip, ...] = ()) -> Iterator[Painted | Lettered]:
    """Every shape and string of a Drawing or Group (its own transform applied) placed by matrix m, in painting
    order; a clip path clips what follows it in its group."""
    t = tuple(group.transform)
    if t != (1, 0, 0, 1, 0, 0):
        m = then(t, m)
    for node in group.getContents():
        if isinstance(node, UserNode):
            node = node.provideNode()
        if isinstance(node, Group):
            yield from walk(node, m, clip)
        elif isinstance(node, Path) and node.isClipPath:
            path = placed(node.geometry, m) if isinstance(node, Fixed) else _path(node, m, fill=True)[0]
            clip = (*clip, Clip(path, _even_odd(node)))
        elif isinstance(node, String):
            yield from _string(node, m)
        elif isinstance(node, Shape):
            yield from _shape(node, m, clip)
        else:
            raise TypeError(f"cannot draw a {type(node).__name__} in a drawing")


def _even_odd(node: Shape) -> bool:
    """The fill rule renderPDF draws with: the shape's own fillMode, else the canvas's default (even-odd)."""
    return bool(getattr(node, "fillMode", None) != FILL_NON_ZERO)


def _ink(colour: Any, opacity: Any) -> Ink:
    ink = ink_of(colour)
    return ink if opacity is None or opacity >= 1 else Ink(ink.space, ink.values, float(opacity), ink.spot)


def _path(node: Path, m: Matrix, fill: bool) -> tuple[tuple[Segment, ...], bool]:
    p = _Collector(m)
    autoclose = getattr(node, "autoclose", "")
    closed = _renderPath(node, (p.moveTo, p.lineTo, p.curveTo, p.close), forceClose=fill and autoclose == "pdf")
    return tuple(p.segments), bool(closed)


def _geometry(node: Shape, m: Matrix, fill: bool, stroke: bool) -> list[tuple[tuple[Segment, ...], bool, bool]]:
    """(path, fills, strokes) for each part the shape paints (an open SVG path filled and stroked is two); a part
    whose points lie on one line does not fill (a browser fills nothing there; a PDF viewer drew a hairline)."""
    if isinstance(node, Fixed):  # made once per size, placed once per matrix (art/fixed.py)
        path = placed(node.geometry, m)
        if fill:  # (a matrix that keeps areas keeps a line a line)
            fill = not (_flat(node.geometry) if m[0] * m[3] - m[1] * m[2] != 0 else _no_area(path))
        return [(path, fill, stroke)]
    plain = _plain(node)
    if plain is None:
        return _made_geometry(node, m, fill, stroke)
    key = (plain, exact(m), fill, stroke)
    known = _known.get(key)
    if known is None:
        known = tuple(_made_geometry(node, m, fill, stroke))  # (worked out once: _no_area reads every point)
        with _lock:
            if len(_known) >= MAX_KNOWN:
                _known.clear()
            _known[key] = known
    return list(known)


MAX_KNOWN = 512  # (a tri-fold's art: 86 plain shapes, press and office 172; 2,326 over 40 editions held 7 MB)
_known: dict[tuple[object, ...], tuple[tuple[tuple[Segment, ...], bool, bool], ...]] = {}  # a shape where it is
# placed -> its parts there: computed from the key alone, immutable, so builds share nothing that changes
_lock = threading.Lock()


def _plain(node: Shape) -> tuple[object, ...] | None:
    """A shape's kind and the numbers its path depends on (exactly: `art.fixed.exact`), its operators too for a
    path; None for other shapes."""
    if isinstance(node, Path):
        autoclose = getattr(node, "autoclose", "")
        if not isinstance(autoclose, str | None):
            return None
        numbers: tuple[Any, ...] = tuple(node.points)
        extra: tuple[object, ...] = (tuple(node.operators), autoclose)
    elif isinstance(node, Rect):
        numbers, extra = (node.x, node.y, node.width, node.height, node.rx, node.ry), ()
    elif isinstance(node, Circle):
        numbers, extra = (node.cx, node.cy, node.r), ()
    elif isinstance(node, Ellipse):
        numbers, extra = (node.cx, node.cy, node.rx, node.ry), ()
    elif isinstance(node, Line):
        numbers, extra = (node.x1, node.y1, node.x2, node.y2), ()
    elif isinstance(node, Polygon | PolyLine):
        numbers, extra = tuple(node.points), ()
    else:
        return None
    return (type(node), exact(numbers), *extra)


def _made_geometry(node: Shape, m: Matrix, fill: bool, stroke: bool) -> list[tuple[tuple[Segment, ...], bool, bool]]:
    return [(path, fills and not _no_area(path), strokes) for path, fills, strokes in _outlined(node, m, fill, stroke)]


def _outlined(node: Shape, m: Matrix, fill: bool, stroke: bool) -> list[tuple[tuple[Segment, ...], bool, bool]]:
    p = _Collector(m)
    if isinstance(node, Rect):
        if node.rx == node.ry == 0:
            p.rect(node.x, node.y, node.width, node.height)
        else:
            p.roundRect(node.x, node.y, node.width, node.height, node.rx)
    elif isinstance(node, Circle):
        p.circle(node.cx, node.cy, node.r)
    elif isinstance(node, Ellipse):
        p.ellipse(node.cx - node.rx, node.cy - node.ry, 2 * node.rx, 2 * node.ry)
    elif isinstance(node, Line):
        p.moveTo(node.x1, node.y1)
        p.lineTo(node.x2, node.y2)
        fill = False
    elif isinstance(node, Polygon | PolyLine):
        pts = node.points
        p.moveTo(pts[0], pts[1])
        for i in range(2, len(pts), 2):
            p.lineTo(pts[i], pts[i + 1])
        if isinstance(node, Polygon):
            p.close()
        else:
            fill = False
    elif isinstance(node, Path):
        path, closed = _path(node, m, fill)
        autoclose = getattr(node, "autoclose", "")
        if autoclose == "svg" and fill and stroke and not closed:
            return [(path, True, False), (path, False, True)]
        return [(path, fill and (closed or bool(autoclose)), stroke)]
    elif hasattr(node, "asPolygon"):  # a Wedge
        return _geometry(node.asPolygon(), m, fill, stroke)
    else:
        raise TypeError(f"cannot draw a {type(node).__name__} in a drawing")
    return [(tuple(p.segments), fill, stroke)]


def _shape(node: Shape, m: Matrix, clip: tuple[Clip, ...]) -> Iterator[Painted]:
    fill_colour = getattr(node, "fillColor", None)
    stroke_colour = getattr(node, "strokeColor", None)
    width = getattr(node, "strokeWidth", 1)
    if isinstance(node, Path) and type(node).getProperties is not Path.getProperties:  # (a path that says otherwise
        # of its paint, as ReportLab's renderers ask it: svglib's NoStrokePath, the fill of an open path, never
        # strokes; stroked, its closed outline drew an edge the SVG has not, and a dashed line's gaps solid)
        said = node.getProperties()
        stroke_colour, width = said.get("strokeColor"), said.get("strokeWidth", 1)
    fill = fill_colour is not None
    stroke = stroke_colour is not None and width is not None and width > 0
    if not (fill or stroke):
        return
    k = scale_of(m)
    dash: Any = getattr(node, "strokeDashArray", None) or ()
    phase, array = (dash[0], dash[1]) if len(dash) == 2 and isinstance(dash[1], list | tuple) else (0, dash)
    for path, fills, strokes in _geometry(node, m, fill, stroke):
        if not (fills or strokes):
            continue
        yield Painted(
            path,
            _ink(fill_colour, getattr(node, "fillOpacity", None)) if fills else None,
            _ink(stroke_colour, getattr(node, "strokeOpacity", None)) if strokes else None,
            float(width or 0) * k,
            int(getattr(node, "strokeLineCap", 0) or 0),
            int(getattr(node, "strokeLineJoin", 0) or 0),
            (tuple(float(v) * k for v in array), float(phase) * k),
            _even_odd(node),
            clip,
        )


@lru_cache(maxsize=256)
def _flat(geometry: Geometry) -> bool:
    """Whether fixed art's points lie on one line (`_no_area` where it was made: placing it keeps that)."""
    values = array("d", geometry.values)
    return _on_one_line(list(zip(values[0::2], values[1::2], strict=True)))


def _no_area(path: tuple[Segment, ...]) -> bool:
    """Whether every point of a path (its curves' control points too) lies on one line: filled, it covers nothing
    (the fill of an SVG's open straight line, its default black)."""
    return _on_one_line([(c[i], c[i + 1]) for _, c in path for i in range(0, len(c) - 1, 2)])


def _on_one_line(points: list[tuple[float, float]]) -> bool:
    if len(points) < 3:
        return True
    (x0, y0), far = points[0], max(points, key=lambda p: abs(p[0] - points[0][0]) + abs(p[1] - points[0][1]))
    dx, dy = far[0] - x0, far[1] - y0
    size = abs(dx) + abs(dy)
    return size < 1e-9 or all(abs(dx * (y - y0) - dy * (x - x0)) <= 1e-9 * size * size for x, y in points)


def _string(node: String, m: Matrix) -> Iterator[Lettered]:
    if node.fillColor is None or not node.text:
        return
    if abs(m[1]) > 1e-9 or abs(m[2]) > 1e-9 or m[0] <= 0 or m[3] <= 0:  # (a logo's SVG text is refused at load)
        raise ValueError(f"frames hold upright text only: the drawing's label {node.text[:30]!r} is turned")
    fallbacks = tuple(getattr(node, "fallbacks", ()) or ())
    said = no_break_printed(node.text, node.fontName)  # (a narrow no-break space the font lacks: its space)
    if fallbacks or has_rtl(said):  # (a label wholly in a fallback font is one run, in that font)
        set_as = letter(said, node.fontName, node.fontSize, fallbacks)
    else:
        text = INVISIBLE.sub("", said)  # (a variation selector prints nothing: lettering.letter)
        width = stringWidth(text, node.fontName, node.fontSize)
        set_as = Lettering((Glyphs(text, node.fontName, 0.0, width),), width)
    yield from _lettered(node, m, set_as)


def _lettered(node: String, m: Matrix, set_as: Lettering) -> Iterator[Lettered]:
    """A label's runs (one, or several in fallback fonts or shaped), placed as its anchor says."""
    w = set_as.width
    left = node.x - (w if node.textAnchor == "end" else w / 2 if node.textAnchor == "middle" else 0.0)
    k = scale_of(m)
    a, b, c, d, e, f = m
    for i, g in enumerate(set_as.runs):
        x = left + g.x
        yield Lettered(
            g.text,
            g.font,
            round(node.fontSize * k, 4),
            ink_of(node.fillColor),
            a * x + c * node.y + e,
            b * x + d * node.y + f,
            g.width * k,
            g.rise * k,
            (set_as.actual if i == 0 else "") if set_as.actual is not None else None,
            i > 0,
        )
