"""An icon name, size and colour -> a Drawing in one outline style (24-unit grid, round strokes)."""

from __future__ import annotations

import math

from reportlab.graphics.shapes import Drawing, Group
from reportlab.lib.colors import Color

from brochure.art.fixed import Fixed, Pen, Segment, made
from brochure.art.nodes import Circle
from brochure.art.paths import (
    IDENTITY,
    Affine,
    Pt,
    circle_d,
    rotation,
    rounded_poly_d,
    rrect_d,
    smooth_d,
    star_d,
    trace,
)
from brochure.vocabulary import ICON_NAMES

# --------------------------------------------------------------------------------------------
# Icons: outline style on a 24-unit grid (y down, like SVG), 1.8-unit stroke, round caps/joins
# --------------------------------------------------------------------------------------------

_GRID = 24.0
_STROKE = 1.8

Dot = tuple[float, float, float]
Stroke = str | tuple[str, Affine]  # path data, optionally with a transform on the grid

_PEN_TILT = rotation(28.0, 12.0, 19.2)  # the pen leans right, needle tip stays on the skin line


def _helix_d(sign: float) -> str:
    """One of two strands twisting together along the diagonal (the collagen icon)."""
    pts: list[Pt] = []
    for i in range(41):
        t = i / 40
        off = sign * 3.6 * math.cos(2 * math.pi * 1.5 * t)
        pts.append((5.2 + 13.6 * t + off * 0.7071, 18.8 - 13.6 * t + off * 0.7071))
    return smooth_d(pts)


_ICONS: dict[str, tuple[tuple[Stroke, ...], tuple[Dot, ...]]] = {
    "smooth": (
        ("M 3 15 C 9 13.4 15 13.4 21 15", "M 4.5 20 H 19.5", star_d(12, 6.8, 4.6)),
        ((19.0, 4.6, 1.05), (5.2, 8.4, 0.85)),
    ),
    "scar": (
        (
            "M 2.5 12 H 4.4 C 5.7 12 6.2 17 8.1 17 C 10 17 10.5 12 11.8 12 H 13.6 "
            "C 14.7 12 15.1 15 16.4 15 C 17.7 15 18.1 12 19.2 12 H 21.5",
            "M 4.5 20 H 19.5",
        ),
        (),
    ),
    "clock": ((circle_d(12, 12, 9), "M 12 7 V 12 L 15.5 14.2"), ()),
    "spot": (
        (circle_d(12, 12, 9),),
        ((9.2, 9.4, 1.55), (14.9, 10.0, 1.15), (11.6, 14.9, 1.35), (15.6, 15.1, 0.9), (7.9, 13.9, 0.85)),
    ),
    "collagen": (tuple(_helix_d(sign) for sign in (1.0, -1.0)), ()),
    "droplet": (
        (
            "M 12 2.8 C 12 2.8 18.8 9.9 18.8 14.6 A 6.8 6.8 0 0 1 5.2 14.6 C 5.2 9.9 12 2.8 12 2.8 Z",
            "M 8.6 15.2 A 3.4 3.4 0 0 0 11.6 18.2",
        ),
        (),
    ),
    "sun": (
        (
            circle_d(12, 12, 4),
            *(
                f"M {12 + 7.2 * math.cos(a):.3f} {12 + 7.2 * math.sin(a):.3f} "
                f"L {12 + 9.6 * math.cos(a):.3f} {12 + 9.6 * math.sin(a):.3f}"
                for a in (i * math.pi / 4 for i in range(8))
            ),
        ),
        (),
    ),
    "shield": (
        (
            "M 12 21.5 C 12 21.5 19.5 18 19.5 11.6 V 5.8 L 12 2.8 L 4.5 5.8 V 11.6 C 4.5 18 12 21.5 12 21.5 Z",
            "M 8.7 12 L 11 14.3 L 15.4 9.9",
        ),
        (),
    ),
    "alert": (
        (rounded_poly_d(((12, 3.0), (21.8, 20.2), (2.2, 20.2)), 2.2), "M 12 9.4 V 13.6"),
        ((12, 16.9, 1.15),),
    ),
    "needle": (
        (
            (rrect_d(9.6, 1.4, 4.8, 9.4, 2.4), _PEN_TILT),
            ("M 10.2 10.8 L 10.9 14.6 H 13.1 L 13.8 10.8", _PEN_TILT),
            ("M 12 14.6 V 17.4", _PEN_TILT),
            "M 3.5 19.8 H 20.5",
        ),
        (),
    ),
    "check": ((circle_d(12, 12, 9), "M 8 12.3 L 10.8 15.1 L 16.2 9.6"), ()),
    "calendar": (
        (rrect_d(3.5, 5, 17, 16, 2.4), "M 3.5 10 H 20.5", "M 8 3 V 7", "M 16 3 V 7"),
        ((8, 14, 1.1), (12, 14, 1.1), (16, 14, 1.1), (8, 17.5, 1.1), (12, 17.5, 1.1)),
    ),
    "sparkle": ((star_d(10.2, 13.4, 7.6), star_d(18.6, 5.6, 3.0)), ()),
    "heart": (
        (
            "M 12 20.4 C 6 16.2 2.6 12.6 2.6 8.7 C 2.6 5.9 4.8 3.9 7.4 3.9 C 9.4 3.9 11.1 5.1 12 6.9 "
            "C 12.9 5.1 14.6 3.9 16.6 3.9 C 19.2 3.9 21.4 5.9 21.4 8.7 C 21.4 12.6 18 16.2 12 20.4 Z",
        ),
        (),
    ),
    "phone": (
        (
            "M 5.10 3.00 Q 3.50 3.00 3.57 4.60 A 17.5 17.5 0 0 0 19.40 20.43 Q 21.00 20.50 21.00 18.90 "
            "L 21.00 15.80 Q 21.00 14.20 19.41 14.09 A 11.2 11.2 0 0 1 18.29 13.87 "
            "C 17.17 13.52 15.31 15.79 14.00 15.12 A 14.0 14.0 0 0 1 8.88 10.00 "
            "C 8.21 8.69 10.48 6.83 10.13 5.71 A 11.2 11.2 0 0 1 9.91 4.59 Q 9.80 3.00 8.20 3.00 Z",
        ),
        (),
    ),
    "mail": ((rrect_d(2.5, 5, 19, 14, 2.2), "M 3.2 6.6 L 12 13 L 20.8 6.6"), ()),
    "globe": (
        (
            circle_d(12, 12, 9),
            "M 3 12 H 21",
            "M 12 3 C 14.6 5.5 16 8.6 16 12 C 16 15.4 14.6 18.5 12 21 C 9.4 18.5 8 15.4 8 12 C 8 8.6 9.4 5.5 12 3 Z",
        ),
        (),
    ),
    "pin": (
        (
            "M 12 21.5 C 12 21.5 19 15.2 19 9.8 A 7 7 0 0 0 5 9.8 C 5 15.2 12 21.5 12 21.5 Z",
            circle_d(12, 9.8, 2.6),
        ),
        (),
    ),
}

if set(_ICONS) != ICON_NAMES:  # (the vocabulary names what is drawn here: inputs read it without the drawings)
    raise ImportError(f"art/icons.py draws {sorted(_ICONS)}, vocabulary.ICON_NAMES names {sorted(ICON_NAMES)}")


def icon(name: str, size: float, color: Color) -> Drawing:
    """A size x size outline icon in one colour; KeyError for an unknown name."""
    strokes, dots = _ICONS[name]
    s = size / _GRID
    g = Group()
    g.transform = (s, 0, 0, -s, 0, size)  # 24-unit grid, y down -> points, y up
    for stroke in strokes:
        d, xf = (stroke, IDENTITY) if isinstance(stroke, str) else stroke
        g.add(
            Fixed(
                made(_stroke, d, xf),
                strokeColor=color,
                strokeWidth=_STROKE,
                strokeLineCap=1,
                strokeLineJoin=1,
                fillColor=None,
            )
        )
    for cx, cy, r in dots:
        g.add(Circle(cx, cy, r, fillColor=color, strokeColor=None))
    drawing = Drawing(size, size)
    drawing.add(g)
    return drawing


def _stroke(d: str, xf: Affine) -> tuple[Segment, ...]:
    """An icon's stroke as segments on its 24-unit grid (made once per process: art/fixed.py)."""
    pen = Pen()
    trace(d, xf, pen)
    return tuple(pen.segments)
