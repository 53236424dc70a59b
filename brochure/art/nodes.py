"""ReportLab's shape classes -> the same for the tool's own art, set without ReportLab's per-assignment check.

ReportLab checks every attribute a shape is given against its class's table of allowed values (`shapeChecking`, a
process-wide setting read when ReportLab is imported: left as it is). The tool's own art gives its shapes values
it makes itself, the same build after build, and every piece of it is drawn by the tests; a kit's logo, read by
svglib, keeps the check. A tri-fold's art sets about 1,400 such attributes a build (about 2 ms of checking).
"""

from __future__ import annotations

from typing import Any

from reportlab.graphics import shapes


def _unchecked(shape: type) -> Any:
    """A subclass of the shape class whose attributes are set as on any object."""
    return type(shape.__name__, (shape,), {"__setattr__": object.__setattr__, "__module__": __name__})


Circle = _unchecked(shapes.Circle)
Ellipse = _unchecked(shapes.Ellipse)
Polygon = _unchecked(shapes.Polygon)
PolyLine = _unchecked(shapes.PolyLine)
Rect = _unchecked(shapes.Rect)
Path = _unchecked(shapes.Path)
