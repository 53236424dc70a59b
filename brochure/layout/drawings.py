"""A vector Drawing (our art, a logo, a QR code) -> the canvas operators that draw it, with no shared state.

ReportLab's renderPDF draws a Drawing too, but it reads process-wide defaults and writes `_parent` into the
Drawing as it goes, so one Drawing cannot be drawn by two builds at once. This walks the tree and reads it only:
every shape states its own inks, widths and font, as renderPDF would have drawn them.
"""

from __future__ import annotations

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
from reportlab.pdfgen.pathobject import PDFPathObject

FILL_EVEN_ODD, FILL_NON_ZERO = 0, 1  # ReportLab's fillMode values


def draw_drawing(canvas: Any, group: Group) -> None:
    """Draw a Drawing or Group's contents in the canvas's current coordinates."""
    for node in group.getContents():
        _node(canvas, node)


def _node(canvas: Any, node: Any) -> None:
    if isinstance(node, UserNode):
        node = node.provideNode()
    if isinstance(node, Group):
        canvas.saveState()
        t = tuple(node.transform)
        if t != (1, 0, 0, 1, 0, 0):
            canvas.transform(*t)
        draw_drawing(canvas, node)
        canvas.restoreState()
        return
    if isinstance(node, Path) and node.isClipPath:  # clips what follows in its group (the group restores it)
        path, _ = _path(canvas, node, fill=True)
        canvas.clipPath(path, stroke=0, fill=0, fillMode=_fill_mode(node))
        return
    if not isinstance(node, Shape):
        raise TypeError(f"cannot draw a {type(node).__name__} in a drawing")
    canvas.saveState()
    fill, stroke = _style(canvas, node)
    if fill or stroke:
        _shape(canvas, node, fill, stroke)
    canvas.restoreState()


def _style(canvas: Any, node: Shape) -> tuple[bool, bool]:
    """Set the shape's own inks, width, caps, joins and dashes; (fills, strokes)."""
    fill_color = getattr(node, "fillColor", None)
    stroke_color = getattr(node, "strokeColor", None)
    width = getattr(node, "strokeWidth", 1)
    fill, stroke = fill_color is not None, stroke_color is not None and width is not None and width > 0
    if fill:
        canvas.setFillColor(fill_color)
        _alpha(canvas, getattr(node, "fillOpacity", None), "ba")
    if stroke:
        canvas.setStrokeColor(stroke_color)
        canvas.setLineWidth(width)
        canvas.setLineCap(getattr(node, "strokeLineCap", 0) or 0)
        canvas.setLineJoin(getattr(node, "strokeLineJoin", 0) or 0)
        dash = getattr(node, "strokeDashArray", None)
        if dash:
            phase, array = (dash[0], dash[1]) if len(dash) == 2 and isinstance(dash[1], list | tuple) else (0, dash)
            canvas.setDash(list(array), phase)
        _alpha(canvas, getattr(node, "strokeOpacity", None), "BA")
    return fill, stroke


def _alpha(canvas: Any, value: float | None, op: str) -> None:
    """Opacity, noted for the frame reader (the renderer sets it from the frames)."""
    if value is not None and value < 1:
        canvas._code.append(f"{float(value):.4f} {op}")


def _fill_mode(node: Shape) -> int:
    mode = getattr(node, "fillMode", None)
    return FILL_EVEN_ODD if mode == FILL_EVEN_ODD else FILL_NON_ZERO


def _path(canvas: Any, node: Path, fill: bool) -> tuple[PDFPathObject, bool]:
    p = canvas.beginPath()
    autoclose = getattr(node, "autoclose", "")
    closed = _renderPath(node, (p.moveTo, p.lineTo, p.curveTo, p.close), forceClose=fill and autoclose == "pdf")
    return p, bool(closed)


def _shape(canvas: Any, node: Shape, fill: bool, stroke: bool) -> None:
    f, s = int(fill), int(stroke)
    if isinstance(node, Rect):
        if node.rx == node.ry == 0:
            canvas.rect(node.x, node.y, node.width, node.height, stroke=s, fill=f)
        else:
            canvas.roundRect(node.x, node.y, node.width, node.height, node.rx, stroke=s, fill=f)
    elif isinstance(node, Circle):
        canvas.circle(node.cx, node.cy, node.r, stroke=s, fill=f)
    elif isinstance(node, Ellipse):
        canvas.ellipse(node.cx - node.rx, node.cy - node.ry, node.cx + node.rx, node.cy + node.ry, stroke=s, fill=f)
    elif isinstance(node, Line):
        if stroke:
            canvas.line(node.x1, node.y1, node.x2, node.y2)
    elif isinstance(node, Polygon | PolyLine):
        pts = node.points
        p = canvas.beginPath()
        p.moveTo(pts[0], pts[1])
        for i in range(2, len(pts), 2):
            p.lineTo(pts[i], pts[i + 1])
        if isinstance(node, Polygon):
            p.close()
            canvas.drawPath(p, stroke=s, fill=f)
        elif stroke:
            canvas.drawPath(p, stroke=1, fill=0)
    elif isinstance(node, Path):
        _draw_path(canvas, node, fill, stroke)
    elif isinstance(node, String):
        _string(canvas, node)
    elif hasattr(node, "asPolygon"):  # a Wedge
        _shape(canvas, node.asPolygon(), fill, stroke)
    else:
        raise TypeError(f"cannot draw a {type(node).__name__} in a drawing")


def _draw_path(canvas: Any, node: Path, fill: bool, stroke: bool) -> None:
    """As renderPDF draws a Path: an open path is filled only when the drawing asks for it (SVG or PDF rules)."""
    p, closed = _path(canvas, node, fill)
    mode = _fill_mode(node)
    autoclose = getattr(node, "autoclose", "")
    if autoclose == "svg" and fill and stroke and not closed:
        canvas.drawPath(p, stroke=0, fill=1, fillMode=mode)
        canvas.drawPath(p, stroke=1, fill=0, fillMode=mode)
        return
    if not autoclose and not closed:
        fill = False
    canvas.drawPath(p, stroke=int(stroke), fill=int(fill), fillMode=mode)


def _string(canvas: Any, node: String) -> None:
    if node.fillColor is None:
        return
    x = node.x
    anchor = node.textAnchor
    if anchor in ("end", "middle"):
        width = stringWidth(node.text, node.fontName, node.fontSize)
        x -= width if anchor == "end" else width / 2
    canvas.setFont(node.fontName, node.fontSize)
    canvas.drawString(x, node.y, node.text)
