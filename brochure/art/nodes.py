"""ReportLab's shape classes -> the same for the tool's own art, set without ReportLab's per-assignment check.

ReportLab checks every attribute a shape is given against its class's table of allowed values (`shapeChecking`, a
process-wide setting read when ReportLab is imported: left as it is). The tool's own art gives its shapes values
it makes itself, the same build after build, and every piece of it is drawn by the tests; a kit's logo, read by
svglib, keeps the check. A tri-fold's art sets about 1,400 such attributes a build (about 2 ms of checking).
"""

from __future__ import annotations

from reportlab.graphics import shapes


class Circle(shapes.Circle):  # type: ignore[misc]
    __setattr__ = object.__setattr__


class Ellipse(shapes.Ellipse):  # type: ignore[misc]
    __setattr__ = object.__setattr__


class Polygon(shapes.Polygon):  # type: ignore[misc]
    __setattr__ = object.__setattr__


class PolyLine(shapes.PolyLine):  # type: ignore[misc]
    __setattr__ = object.__setattr__


class Rect(shapes.Rect):  # type: ignore[misc]
    __setattr__ = object.__setattr__


class Path(shapes.Path):  # type: ignore[misc]
    __setattr__ = object.__setattr__
