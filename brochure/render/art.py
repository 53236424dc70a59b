"""Sizes + a Palette (+ label words) -> vector artwork as ReportLab Drawings: icons, skin cross-section, cover field."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator, Mapping, Sequence

from reportlab.graphics.shapes import (
    Circle,
    Drawing,
    Ellipse,
    Group,
    Path,
    Polygon,
    PolyLine,
    Rect,
    String,
)
from reportlab.lib.colors import Color
from reportlab.pdfbase.pdfmetrics import stringWidth

from brochure.theme.colors import Palette, mix

Pt = tuple[float, float]

__all__ = ["ICON_NAMES", "cover_field", "icon", "skin_section"]

# --------------------------------------------------------------------------------------------
# Path helpers
# --------------------------------------------------------------------------------------------

_TOKEN = re.compile(r"[MmLlHhVvCcSsQqAaZz]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_ARGC = {"M": 2, "L": 2, "H": 1, "V": 1, "C": 6, "S": 4, "Q": 4, "A": 7, "Z": 0}


def _arc_to_beziers(
    x1: float,
    y1: float,
    rx: float,
    ry: float,
    phi_deg: float,
    large: bool,
    sweep: bool,
    x2: float,
    y2: float,
) -> list[tuple[float, float, float, float, float, float]]:
    """Convert an SVG elliptical arc (endpoint form) into cubic Bezier segments."""
    if rx == 0 or ry == 0 or (x1 == x2 and y1 == y2):
        return [(x1, y1, x2, y2, x2, y2)]
    phi = math.radians(phi_deg)
    cos_p, sin_p = math.cos(phi), math.sin(phi)
    dx, dy = (x1 - x2) / 2, (y1 - y2) / 2
    x1p = cos_p * dx + sin_p * dy
    y1p = -sin_p * dx + cos_p * dy
    rx, ry = abs(rx), abs(ry)
    lam = (x1p * x1p) / (rx * rx) + (y1p * y1p) / (ry * ry)
    if lam > 1:
        rx, ry = rx * math.sqrt(lam), ry * math.sqrt(lam)
    num = rx * rx * ry * ry - rx * rx * y1p * y1p - ry * ry * x1p * x1p
    den = rx * rx * y1p * y1p + ry * ry * x1p * x1p
    coef = math.sqrt(max(0.0, num / den)) if den else 0.0
    if large == sweep:
        coef = -coef
    cxp, cyp = coef * rx * y1p / ry, -coef * ry * x1p / rx
    cx = cos_p * cxp - sin_p * cyp + (x1 + x2) / 2
    cy = sin_p * cxp + cos_p * cyp + (y1 + y2) / 2

    def angle(ux: float, uy: float, vx: float, vy: float) -> float:
        return math.atan2(ux * vy - uy * vx, ux * vx + uy * vy)

    t1 = angle(1, 0, (x1p - cxp) / rx, (y1p - cyp) / ry)
    dt = angle((x1p - cxp) / rx, (y1p - cyp) / ry, (-x1p - cxp) / rx, (-y1p - cyp) / ry)
    if not sweep and dt > 0:
        dt -= 2 * math.pi
    elif sweep and dt < 0:
        dt += 2 * math.pi
    n = max(1, math.ceil(abs(dt) / (math.pi / 2) - 1e-9))
    step = dt / n
    k = 4 / 3 * math.tan(step / 4)

    def at(ux: float, uy: float) -> Pt:
        return (cx + rx * cos_p * ux - ry * sin_p * uy, cy + rx * sin_p * ux + ry * cos_p * uy)

    out: list[tuple[float, float, float, float, float, float]] = []
    a = t1
    for _ in range(n):
        b = a + step
        c1 = at(math.cos(a) - k * math.sin(a), math.sin(a) + k * math.cos(a))
        c2 = at(math.cos(b) + k * math.sin(b), math.sin(b) - k * math.cos(b))
        e = at(math.cos(b), math.sin(b))
        out.append((c1[0], c1[1], c2[0], c2[1], e[0], e[1]))
        a = b
    return out


Affine = tuple[float, float, float, float, float, float]
_IDENTITY: Affine = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


class _XfPath:
    """Collects path operators into a ReportLab Path, mapping every point through an affine transform."""

    def __init__(self, path: Path, xf: Affine) -> None:
        self.path = path
        self.xf = xf

    def _map(self, x: float, y: float) -> Pt:
        a, b, c, d, e, f = self.xf
        return (a * x + c * y + e, b * x + d * y + f)

    def moveTo(self, x: float, y: float) -> None:  # mirrors the ReportLab Path API
        self.path.moveTo(*self._map(x, y))

    def lineTo(self, x: float, y: float) -> None:
        self.path.lineTo(*self._map(x, y))

    def curveTo(self, x1: float, y1: float, x2: float, y2: float, x3: float, y3: float) -> None:
        self.path.curveTo(*self._map(x1, y1), *self._map(x2, y2), *self._map(x3, y3))

    def closePath(self) -> None:
        self.path.closePath()


def _rotation(deg: float, cx: float, cy: float) -> Affine:
    """Rotation by deg degrees (clockwise on a y-down grid) about (cx, cy)."""
    a = math.radians(deg)
    c, s = math.cos(a), math.sin(a)
    return (c, s, -s, c, cx - c * cx + s * cy, cy - s * cx - c * cy)


def _svg_path(d: str, xf: Affine = _IDENTITY, **props: object) -> Path:
    """Build a ReportLab Path from SVG path data (M L H V C S Q A Z, absolute and relative)."""
    result = Path(**props)
    path = _XfPath(result, xf)
    tokens = _TOKEN.findall(d)
    i, cmd = 0, ""
    x = y = sx = sy = 0.0
    last_c: Pt | None = None
    while i < len(tokens):
        tok = tokens[i]
        if tok.isalpha():
            cmd = tok
            i += 1
            if cmd in "Zz":
                path.closePath()
                x, y, last_c = sx, sy, None
                continue
        up = cmd.upper()
        rel = cmd.islower()
        args = [float(v) for v in tokens[i : i + _ARGC[up]]]
        i += _ARGC[up]
        ox, oy = (x, y) if rel else (0.0, 0.0)
        if up == "M":
            x, y = args[0] + ox, args[1] + oy
            sx, sy = x, y
            path.moveTo(x, y)
            cmd = "l" if rel else "L"
            last_c = None
        elif up == "L":
            x, y = args[0] + ox, args[1] + oy
            path.lineTo(x, y)
            last_c = None
        elif up == "H":
            x = args[0] + (x if rel else 0.0)
            path.lineTo(x, y)
            last_c = None
        elif up == "V":
            y = args[0] + (y if rel else 0.0)
            path.lineTo(x, y)
            last_c = None
        elif up in "CS":
            if up == "C":
                c1 = (args[0] + ox, args[1] + oy)
                rest = args[2:]
            else:
                c1 = (2 * x - last_c[0], 2 * y - last_c[1]) if last_c else (x, y)
                rest = args
            c2 = (rest[0] + ox, rest[1] + oy)
            e = (rest[2] + ox, rest[3] + oy)
            path.curveTo(c1[0], c1[1], c2[0], c2[1], e[0], e[1])
            x, y = e
            last_c = c2
        elif up == "Q":
            q = (args[0] + ox, args[1] + oy)
            e = (args[2] + ox, args[3] + oy)
            path.curveTo(
                x + 2 / 3 * (q[0] - x),
                y + 2 / 3 * (q[1] - y),
                e[0] + 2 / 3 * (q[0] - e[0]),
                e[1] + 2 / 3 * (q[1] - e[1]),
                e[0],
                e[1],
            )
            x, y = e
            last_c = None
        elif up == "A":
            e = (args[5] + ox, args[6] + oy)
            for seg in _arc_to_beziers(x, y, args[0], args[1], args[2], bool(args[3]), bool(args[4]), *e):
                path.curveTo(*seg)
            x, y = e
            last_c = None
    return result


def _catmull(points: Sequence[Pt]) -> Iterator[tuple[float, float, float, float, float, float]]:
    """Cubic Bezier segments of a Catmull-Rom spline through the points."""
    n = len(points)
    for i in range(n - 1):
        p0 = points[max(i - 1, 0)]
        p1, p2 = points[i], points[i + 1]
        p3 = points[min(i + 2, n - 1)]
        yield (
            p1[0] + (p2[0] - p0[0]) / 6,
            p1[1] + (p2[1] - p0[1]) / 6,
            p2[0] - (p3[0] - p1[0]) / 6,
            p2[1] - (p3[1] - p1[1]) / 6,
            p2[0],
            p2[1],
        )


def _smooth_d(points: Sequence[Pt]) -> str:
    """SVG path data for a smooth curve through the points."""
    parts = [f"M {points[0][0]:.3f} {points[0][1]:.3f}"]
    parts += ["C " + " ".join(f"{v:.3f}" for v in seg) for seg in _catmull(points)]
    return " ".join(parts)


def _add_smooth(path: Path, points: Sequence[Pt], move: bool) -> None:
    """Append a smooth curve through the points to a Path (moving to the first point if asked)."""
    if move:
        path.moveTo(*points[0])
    else:
        path.lineTo(*points[0])
    for seg in _catmull(points):
        path.curveTo(*seg)


def _sample(f: Callable[[float], float], x0: float, x1: float, step: float) -> list[Pt]:
    """Points (x, f(x)) from x0 to x1 inclusive, about `step` apart."""
    n = max(2, math.ceil(abs(x1 - x0) / step))
    return [(x0 + (x1 - x0) * i / n, f(x0 + (x1 - x0) * i / n)) for i in range(n + 1)]


def _circle_subpath(p: Path, cx: float, cy: float, r: float) -> None:
    """Add a circle to a path as four Bezier quarter arcs."""
    k = 0.5523 * r
    p.moveTo(cx + r, cy)
    p.curveTo(cx + r, cy + k, cx + k, cy + r, cx, cy + r)
    p.curveTo(cx - k, cy + r, cx - r, cy + k, cx - r, cy)
    p.curveTo(cx - r, cy - k, cx - k, cy - r, cx, cy - r)
    p.curveTo(cx + k, cy - r, cx + r, cy - k, cx + r, cy)
    p.closePath()


def _circle_d(cx: float, cy: float, r: float) -> str:
    return f"M {cx - r} {cy} A {r} {r} 0 1 0 {cx + r} {cy} A {r} {r} 0 1 0 {cx - r} {cy} Z"


def _rrect_d(x: float, y: float, w: float, h: float, r: float) -> str:
    return (
        f"M {x + r} {y} H {x + w - r} A {r} {r} 0 0 1 {x + w} {y + r} V {y + h - r} "
        f"A {r} {r} 0 0 1 {x + w - r} {y + h} H {x + r} A {r} {r} 0 0 1 {x} {y + h - r} "
        f"V {y + r} A {r} {r} 0 0 1 {x + r} {y} Z"
    )


def _star_d(cx: float, cy: float, r: float) -> str:
    """A four-point sparkle with concave sides."""
    a, b = 0.1 * r, 0.34 * r
    return (
        f"M {cx} {cy - r} C {cx + a} {cy - b} {cx + b} {cy - a} {cx + r} {cy} "
        f"C {cx + b} {cy + a} {cx + a} {cy + b} {cx} {cy + r} "
        f"C {cx - a} {cy + b} {cx - b} {cy + a} {cx - r} {cy} "
        f"C {cx - b} {cy - a} {cx - a} {cy - b} {cx} {cy - r} Z"
    )


def _rounded_poly_d(points: Sequence[Pt], r: float) -> str:
    """A closed polygon with its corners rounded by about r."""
    n = len(points)
    parts: list[str] = []
    for i in range(n):
        p0, p1, p2 = points[i - 1], points[i], points[(i + 1) % n]
        d0 = math.dist(p0, p1)
        d2 = math.dist(p1, p2)
        t0 = min(r / d0, 0.5)
        t2 = min(r / d2, 0.5)
        a = (p1[0] + (p0[0] - p1[0]) * t0, p1[1] + (p0[1] - p1[1]) * t0)
        b = (p1[0] + (p2[0] - p1[0]) * t2, p1[1] + (p2[1] - p1[1]) * t2)
        parts.append(f"{'M' if i == 0 else 'L'} {a[0]:.3f} {a[1]:.3f}")
        parts.append(f"Q {p1[0]:.3f} {p1[1]:.3f} {b[0]:.3f} {b[1]:.3f}")
    return " ".join(parts) + " Z"


def _wave_d(x0: float, x1: float, yc: float, amp: float, periods: float, phase: float) -> str:
    pts = _sample(lambda x: yc + amp * math.sin(phase + 2 * math.pi * periods * (x - x0) / (x1 - x0)), x0, x1, 1.0)
    return _smooth_d(pts)


# --------------------------------------------------------------------------------------------
# Icons: outline style on a 24-unit grid (y down, like SVG), 1.8-unit stroke, round caps/joins
# --------------------------------------------------------------------------------------------

_GRID = 24.0
_STROKE = 1.8

Dot = tuple[float, float, float]
Stroke = str | tuple[str, Affine]  # path data, optionally with a transform on the grid

_PEN_TILT = _rotation(28.0, 12.0, 19.2)  # the pen leans right, needle tip stays on the skin line


def _helix_d(sign: float) -> str:
    """One of two strands twisting together along the diagonal (the collagen icon)."""
    pts: list[Pt] = []
    for i in range(41):
        t = i / 40
        off = sign * 3.6 * math.cos(2 * math.pi * 1.5 * t)
        pts.append((5.2 + 13.6 * t + off * 0.7071, 18.8 - 13.6 * t + off * 0.7071))
    return _smooth_d(pts)


_ICONS: dict[str, tuple[tuple[Stroke, ...], tuple[Dot, ...]]] = {
    "smooth": (
        ("M 3 15 C 9 13.4 15 13.4 21 15", "M 4.5 20 H 19.5", _star_d(12, 6.8, 4.6)),
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
    "clock": ((_circle_d(12, 12, 9), "M 12 7 V 12 L 15.5 14.2"), ()),
    "spot": (
        (_circle_d(12, 12, 9),),
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
            _circle_d(12, 12, 4),
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
        (_rounded_poly_d(((12, 3.0), (21.8, 20.2), (2.2, 20.2)), 2.2), "M 12 9.4 V 13.6"),
        ((12, 16.9, 1.15),),
    ),
    "needle": (
        (
            (_rrect_d(9.6, 1.4, 4.8, 9.4, 2.4), _PEN_TILT),
            ("M 10.2 10.8 L 10.9 14.6 H 13.1 L 13.8 10.8", _PEN_TILT),
            ("M 12 14.6 V 17.4", _PEN_TILT),
            "M 3.5 19.8 H 20.5",
        ),
        (),
    ),
    "check": ((_circle_d(12, 12, 9), "M 8 12.3 L 10.8 15.1 L 16.2 9.6"), ()),
    "calendar": (
        (_rrect_d(3.5, 5, 17, 16, 2.4), "M 3.5 10 H 20.5", "M 8 3 V 7", "M 16 3 V 7"),
        ((8, 14, 1.1), (12, 14, 1.1), (16, 14, 1.1), (8, 17.5, 1.1), (12, 17.5, 1.1)),
    ),
    "sparkle": ((_star_d(10.2, 13.4, 7.6), _star_d(18.6, 5.6, 3.0)), ()),
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
    "mail": ((_rrect_d(2.5, 5, 19, 14, 2.2), "M 3.2 6.6 L 12 13 L 20.8 6.6"), ()),
    "globe": (
        (
            _circle_d(12, 12, 9),
            "M 3 12 H 21",
            "M 12 3 C 14.6 5.5 16 8.6 16 12 C 16 15.4 14.6 18.5 12 21 C 9.4 18.5 8 15.4 8 12 C 8 8.6 9.4 5.5 12 3 Z",
        ),
        (),
    ),
    "pin": (
        (
            "M 12 21.5 C 12 21.5 19 15.2 19 9.8 A 7 7 0 0 0 5 9.8 C 5 15.2 12 21.5 12 21.5 Z",
            _circle_d(12, 9.8, 2.6),
        ),
        (),
    ),
}

ICON_NAMES: frozenset[str] = frozenset(_ICONS)


def icon(name: str, size: float, color: Color) -> Drawing:
    """A size x size outline icon in one colour; KeyError for an unknown name."""
    strokes, dots = _ICONS[name]
    s = size / _GRID
    g = Group()
    g.transform = (s, 0, 0, -s, 0, size)  # 24-unit grid, y down -> points, y up
    for stroke in strokes:
        d, xf = (stroke, _IDENTITY) if isinstance(stroke, str) else stroke
        g.add(
            _svg_path(
                d,
                xf,
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


# --------------------------------------------------------------------------------------------
# Skin cross-section ("how it works")
# --------------------------------------------------------------------------------------------

_LABEL_ORDER = ("needles", "epidermis", "collagen", "dermis")
_MIN_LABEL_PT = 7.0


def _wrap2(text: str, font_name: str, size: float) -> list[str]:
    """Split a label into two balanced lines at a space (or keep it whole if it has none)."""
    words = text.split()
    if len(words) < 2:
        return [text]
    best: list[str] = [text]
    best_w = stringWidth(text, font_name, size)
    for i in range(1, len(words)):
        lines = [" ".join(words[:i]), " ".join(words[i:])]
        w = max(stringWidth(t, font_name, size) for t in lines)
        if w < best_w:
            best, best_w = lines, w
    return best


def _fit_labels(
    texts: Mapping[str, str], font_name: str, font_size: float, room: float
) -> tuple[float, dict[str, list[str]], float]:
    """Choose a size (>= 7 pt), line breaks and the widest line for labels within `room` points."""

    def widest(lines: Mapping[str, list[str]], size: float) -> float:
        return max((stringWidth(t, font_name, size) for ls in lines.values() for t in ls), default=0.0)

    single = {k: [v] for k, v in texts.items()}
    w = widest(single, font_size)
    if w <= room:
        return font_size, single, w
    size = max(_MIN_LABEL_PT, font_size * room / w)
    if widest(single, size) <= room or size == font_size:
        return size, single, widest(single, size)
    wrapped = {k: _wrap2(v, font_name, font_size) for k, v in texts.items()}
    ww = widest(wrapped, font_size)
    if ww <= room:
        return font_size, wrapped, ww
    size2 = max(_MIN_LABEL_PT, font_size * room / ww)
    wrapped = {k: _wrap2(v, font_name, size2) for k, v in texts.items()}
    # at the 7 pt floor the text may still be wider than the room: the caller widens the gutter
    single_w = widest(single, size)
    wrapped_w = widest(wrapped, size2)
    if size2 > size or wrapped_w < single_w:
        return size2, wrapped, wrapped_w
    return size, single, single_w


def skin_section(
    width: float,
    height: float,
    palette: Palette,
    labels: Mapping[str, str],
    font_name: str,
    font_size: float,
) -> Drawing:
    """A labelled cross-section of skin with a micro-needling pen, channels and new collagen."""
    W, H = float(width), float(height)
    k = max(0.6, min(2.5, math.sqrt(W * H / (230.0 * 150.0))))  # detail scale

    def sw(v: float) -> float:
        return max(0.3, v * k)

    font_size = max(_MIN_LABEL_PT, font_size)  # nothing in the leaflet is set under 7 pt
    texts = {key: labels[key].strip() for key in _LABEL_ORDER if labels.get(key, "").strip()}
    lead = max(9.0, 0.05 * W)  # room for the leader between the block and the text
    if texts:
        size, lines, text_w = _fit_labels(texts, font_name, font_size, 0.40 * W - lead)
        gutter = max(lead + text_w + 0.5, 0.20 * W)  # grows past 40 % only if 7 pt text needs it
    else:
        size, lines, text_w, gutter = font_size, {}, 0.0, 0.0
    bx0, bx1 = 0.0, W - gutter  # the skin block
    bw = bx1 - bx0

    # ---- geometry ---------------------------------------------------------------------------
    ys = 0.60 * H  # mean skin surface
    te = 0.085 * H  # epidermis thickness
    fat_top = 0.17 * H
    pen_x = bx0 + 0.44 * bw
    dips = ((bx0 + 0.14 * bw, 0.050 * H, 0.038 * bw), (bx0 + 0.77 * bw, 0.034 * H, 0.060 * bw))
    treated = (bx0 + 0.57 * bw, bx0 + 0.97 * bw)

    def surface(x: float) -> float:
        v = ys + 0.9 * k * math.sin(0.7 + 2 * math.pi * 2.3 * (x - bx0) / bw)
        for cx, depth, sig in dips:
            v -= depth * math.exp(-(((x - cx) / sig) ** 2))
        return v

    def junction(x: float) -> float:  # epidermis / dermis boundary with soft rete ridges
        v = ys + 0.9 * k * math.sin(0.7 + 2 * math.pi * 2.3 * (x - bx0) / bw) - te
        for cx, depth, sig in dips:
            v -= 0.75 * depth * math.exp(-(((x - cx) / (1.3 * sig)) ** 2))
        return v - 1.1 * k * (0.5 + 0.5 * math.sin(2 * math.pi * (x - bx0) / (9.5 * k)))

    def fat_line(x: float) -> float:
        return fat_top + 1.6 * k * math.sin(1.9 + 2 * math.pi * 1.4 * (x - bx0) / bw)

    step = max(1.5, bw / 90)
    surf_pts = _sample(surface, bx0, bx1, step)
    junc_pts = _sample(junction, bx0, bx1, step / 2)
    fat_pts = _sample(fat_line, bx0, bx1, step * 2)

    c_epi = palette.tint(palette.secondary, 0.50)
    c_derm = palette.tint(palette.secondary, 0.17)
    c_fat = palette.tint(palette.accent, 0.13)
    c_lobule = palette.tint(palette.accent, 0.07)
    c_lobule_edge = palette.tint(palette.accent, 0.34)
    c_fibre = palette.tint(palette.primary, 0.16)
    c_cell = palette.tint(palette.primary, 0.20)
    c_nucleus = palette.tint(palette.primary, 0.42)
    c_line = palette.tint(palette.primary, 0.42)
    c_steel = mix(palette.text, palette.background, 0.62)
    c_coll = palette.accent
    c_coll_soft = palette.tint(palette.accent, 0.45)

    d = Drawing(W, H)
    r_corner = min(4.0 * k, 0.04 * H)

    def block_outline(top: Sequence[Pt], **props: object) -> Path:
        """A closed path: a smooth top edge, the block's sides and its rounded bottom corners."""
        path = Path(**props)
        _add_smooth(path, top, move=True)
        path.lineTo(bx1, r_corner)
        path.curveTo(bx1, r_corner * 0.45, bx1 - r_corner * 0.45, 0, bx1 - r_corner, 0)
        path.lineTo(bx0 + r_corner, 0)
        path.curveTo(bx0 + r_corner * 0.45, 0, bx0, r_corner * 0.45, bx0, r_corner)
        path.closePath()
        return path

    # dermis: the whole block below the surface
    d.add(block_outline(surf_pts, fillColor=c_derm, strokeColor=None))
    dermis = Group(block_outline(surf_pts, isClipPath=1, fillColor=None, strokeColor=None))
    d.add(dermis)

    # fat layer: a honeycomb of lobules, clipped to the layer
    d.add(block_outline(fat_pts, fillColor=c_fat, strokeColor=None))
    fat = Group(block_outline(fat_pts, isClipPath=1, fillColor=None, strokeColor=None))
    d.add(fat)
    r_lob = max(3.0, 0.05 * H)
    row, yy = 0, fat_top - 0.85 * r_lob
    while yy > -r_lob:
        xx = bx0 + (r_lob if row % 2 else 0.0)
        while xx < bx1 + r_lob:
            fat.add(Circle(xx, yy, r_lob * 0.9, fillColor=c_lobule, strokeColor=c_lobule_edge, strokeWidth=sw(0.4)))
            xx += 2 * r_lob
        yy -= 1.75 * r_lob
        row += 1
    fat_edge = Path(fillColor=None, strokeColor=c_lobule_edge, strokeWidth=sw(0.5))
    _add_smooth(fat_edge, fat_pts, move=True)
    d.add(fat_edge)

    # existing dermal fibres: soft, long, wavy
    coll_top = ys - te - 0.05 * H
    coll_bot = ys - te - 0.24 * H
    for j, frac in enumerate((0.22, 0.42, 0.62, 0.82)):
        yc = fat_top + (ys - te - fat_top) * frac
        amp = 1.6 * k
        per = (0.55 + 0.1 * j) * bw

        def fibre(x: float, yc: float = yc, amp: float = amp, per: float = per, j: int = j) -> float:
            return yc + amp * math.sin(j * 1.7 + 2 * math.pi * (x - bx0) / per)

        x_end = bx1 + step if frac < 0.5 else treated[0] - 0.03 * bw
        x_start = bx0 - step if j % 2 == 0 else bx0 + 0.10 * bw
        p = Path(fillColor=None, strokeColor=c_fibre, strokeWidth=sw(0.75), strokeLineCap=1)
        _add_smooth(p, _sample(fibre, x_start, x_end, step * 2), move=True)
        dermis.add(p)

    # fibroblast cells (deterministic scatter), kept out of the new-collagen zone
    cells = (
        (0.08, 0.52),
        (0.22, 0.30),
        (0.31, 0.66),
        (0.17, 0.80),
        (0.53, 0.34),
        (0.66, 0.17),
        (0.86, 0.30),
        (0.40, 0.18),
    )
    for fx, fy in cells:
        cx = bx0 + fx * bw
        cy = fat_top + (ys - te - fat_top) * fy
        if treated[0] - 4 * k < cx < treated[1] and cy > coll_bot - 4 * k:
            continue
        dermis.add(Ellipse(cx, cy, 2.6 * k, 1.35 * k, fillColor=c_cell, strokeColor=None))
        dermis.add(Circle(cx + 0.3 * k, cy, 0.65 * k, fillColor=c_nucleus, strokeColor=None))

    # new collagen in the treated area: interwoven accent strands under the channels
    tx0, tx1 = treated
    strand_pts: list[list[Pt]] = []
    span = coll_top - coll_bot
    per = 0.15 * bw
    # (centre line, sign, phase, inset left, inset right): a crossing pair, then a single strand below
    specs = ((0.30, 1.0, 0.0, 0.00, 0.02), (0.30, -1.0, 0.0, 0.00, 0.02), (0.72, 1.0, 1.9, 0.04, 0.06))
    for frac, sign, phase, in_l, in_r in specs:
        yc = coll_top - span * frac

        def strand(x: float, yc: float = yc, sign: float = sign, phase: float = phase) -> float:
            return yc + sign * 2.5 * k * math.sin(phase + 2 * math.pi * (x - tx0) / per)

        strand_pts.append(_sample(strand, tx0 + in_l * bw, tx1 - in_r * bw, step / 2))
    for j, pts in enumerate(strand_pts):
        p = Path(fillColor=None, strokeColor=c_coll_soft if j == 1 else c_coll, strokeWidth=sw(0.95), strokeLineCap=1)
        _add_smooth(p, pts, move=True)
        dermis.add(p)
    tip_y = ys - te - 0.09 * H

    # epidermis band (between surface and junction)
    epi = Path(fillColor=c_epi, strokeColor=None)
    _add_smooth(epi, surf_pts, move=True)
    _add_smooth(epi, list(reversed(junc_pts)), move=False)
    epi.closePath()
    d.add(epi)
    jl = Path(fillColor=None, strokeColor=c_line, strokeWidth=sw(0.45))
    _add_smooth(jl, junc_pts, move=True)
    d.add(jl)

    # micro-channels left behind in the treated area
    n_ch = 4
    for i in range(n_ch):
        cx = tx0 + (bx0 + 0.90 * bw - tx0) * (i + 0.5) / n_ch
        top = surface(cx)
        bottom = junction(cx) - 0.07 * H
        half = 0.8 * k
        d.add(
            Polygon(
                [cx - half, top + 0.3, cx + half, top + 0.3, cx + 0.12 * k, bottom, cx - 0.12 * k, bottom],
                fillColor=palette.background,
                strokeColor=c_line,
                strokeWidth=sw(0.3),
                strokeLineJoin=1,
            )
        )

    # surface line (stratum corneum)
    sl = Path(fillColor=None, strokeColor=palette.primary, strokeWidth=sw(0.8), strokeLineJoin=1)
    _add_smooth(sl, surf_pts, move=True)
    d.add(sl)

    # ---- micro-needling pen ------------------------------------------------------------------
    pen_w = max(10.0, 0.105 * bw)
    cart_h = 0.10 * H
    air = 0.05 * H
    cart_bot = max(surface(pen_x - 0.4 * pen_w), surface(pen_x), surface(pen_x + 0.4 * pen_w)) + air
    cart_top = cart_bot + cart_h
    collar_h = 0.035 * H
    body_bot = cart_top + collar_h
    body_top = H - 0.5
    needle_xs = [pen_x + (i - 2) * 0.16 * pen_w for i in range(5)]
    for nx in needle_xs:  # needles run from inside the cartridge into the upper dermis
        d.add(
            PolyLine(
                [nx, cart_top - 0.3 * cart_h, nx, tip_y],
                strokeColor=c_steel,
                strokeWidth=sw(0.55),
                strokeLineCap=1,
            )
        )
    cart_half_bot = 0.36 * pen_w
    cart = Polygon(
        [
            pen_x - 0.43 * pen_w,
            cart_top,
            pen_x + 0.43 * pen_w,
            cart_top,
            pen_x + cart_half_bot,
            cart_bot,
            pen_x - cart_half_bot,
            cart_bot,
        ],
        fillColor=palette.tint(palette.secondary, 0.30),
        strokeColor=palette.primary,
        strokeWidth=sw(0.55),
        strokeLineJoin=1,
    )
    d.add(cart)
    for nx in needle_xs:  # visible through the clear cartridge
        d.add(
            PolyLine(
                [nx, cart_top - 0.3 * cart_h, nx, cart_bot],
                strokeColor=c_steel,
                strokeWidth=sw(0.55),
            )
        )
    rt = 0.3 * pen_w  # rounded top end, square bottom (hidden by the collar)
    body = Path(fillColor=palette.primary, strokeColor=None)
    body.moveTo(pen_x - pen_w / 2, body_bot - 0.5)
    body.lineTo(pen_x - pen_w / 2, body_top - rt)
    body.curveTo(
        pen_x - pen_w / 2,
        body_top - 0.45 * rt,
        pen_x - pen_w / 2 + 0.45 * rt,
        body_top,
        pen_x - pen_w / 2 + rt,
        body_top,
    )
    body.lineTo(pen_x + pen_w / 2 - rt, body_top)
    body.curveTo(
        pen_x + pen_w / 2 - 0.45 * rt,
        body_top,
        pen_x + pen_w / 2,
        body_top - 0.45 * rt,
        pen_x + pen_w / 2,
        body_top - rt,
    )
    body.lineTo(pen_x + pen_w / 2, body_bot - 0.5)
    body.closePath()
    d.add(body)
    d.add(
        Rect(
            pen_x - 0.30 * pen_w,
            body_bot + 0.12 * (body_top - body_bot),
            0.12 * pen_w,
            0.80 * (body_top - body_bot),
            rx=0.06 * pen_w,
            ry=0.06 * pen_w,
            fillColor=mix(palette.white, palette.primary, 0.28),
            strokeColor=None,
        )
    )
    d.add(
        Rect(
            pen_x - 0.47 * pen_w,
            cart_top,
            0.94 * pen_w,
            collar_h,
            rx=0.6 * k,
            ry=0.6 * k,
            fillColor=mix(palette.primary, palette.text, 0.55),
            strokeColor=None,
        )
    )
    btn_y = body_bot + 0.45 * (body_top - body_bot)
    d.add(
        Circle(
            pen_x + 0.16 * pen_w, btn_y, 0.12 * pen_w, fillColor=palette.tint(palette.accent, 0.75), strokeColor=None
        )
    )

    # ---- labels -------------------------------------------------------------------------------
    if not texts:
        return d
    lx_feature: dict[str, Pt] = {
        "needles": (needle_xs[-1], cart_bot - 0.5 * air),
        "epidermis": (bx1 - 0.045 * bw, (surface(bx1 - 0.045 * bw) + junction(bx1 - 0.045 * bw)) / 2),
        "collagen": strand_pts[0][-1],
        "dermis": (bx1 - 0.10 * bw, fat_top + 0.34 * (coll_bot - fat_top)),
    }
    line_h = size * 1.18
    order = [key for key in _LABEL_ORDER if key in texts]
    heights = {key: line_h * (len(lines[key]) - 1) + size * 0.72 for key in order}  # cap-height block
    ys_lab = {key: lx_feature[key][1] for key in order}
    min_gap = size * 0.75
    top_limit = H - 0.5
    bottom_limit = 0.5
    # top-down then bottom-up passes keep labels apart and inside the drawing
    prev_bottom = top_limit
    for key in order:
        half = heights[key] / 2
        ys_lab[key] = min(ys_lab[key], prev_bottom - half)
        prev_bottom = ys_lab[key] - half - min_gap
    prev_top = bottom_limit
    for key in reversed(order):
        half = heights[key] / 2
        ys_lab[key] = max(ys_lab[key], prev_top + half)
        prev_top = ys_lab[key] + half + min_gap

    text_x = bx1 + lead
    for key in order:
        fx, fy = lx_feature[key]
        cy = ys_lab[key]
        elbow = bx1 + 0.35 * lead
        end = text_x - 0.25 * lead
        leader = [fx, fy, elbow, fy, end, cy] if abs(cy - fy) > 0.3 else [fx, fy, end, fy]
        d.add(PolyLine(leader, strokeColor=palette.text, strokeWidth=0.4, strokeLineCap=1, strokeLineJoin=1))
        d.add(
            Circle(fx, fy, max(0.9, 1.05 * k), fillColor=palette.text, strokeColor=palette.background, strokeWidth=0.3)
        )
        first_base = cy + heights[key] / 2 - size * 0.72
        for i, t in enumerate(lines[key]):
            d.add(
                String(
                    text_x,
                    first_base - i * line_h,
                    t,
                    fontName=font_name,
                    fontSize=size,
                    fillColor=palette.text,
                    textAnchor="start",
                )
            )
    return d


# --------------------------------------------------------------------------------------------
# Cover colour field
# --------------------------------------------------------------------------------------------


def cover_field(width: float, height: float, palette: Palette) -> Drawing:
    """A full-bleed primary colour field with micro-channel dots and soft skin-like waves at the foot."""
    W, H = float(width), float(height)
    d = Drawing(W, H)
    m = min(W, H)
    amp = min(0.035 * H, 0.045 * W)  # wave height follows the field, wave length the width

    def wave(base: float, tilt: float, terms: Sequence[tuple[float, float, float]]) -> Callable[[float], float]:
        """Top edge of a layer: a tilted baseline plus a few broad sine terms (amplitude, periods, phase)."""

        def f(x: float) -> float:
            u = x / W
            return H * (base + tilt * (u - 0.5)) + amp * sum(
                a * math.sin(ph + 2 * math.pi * n * u) for a, n, ph in terms
            )

        return f

    back = wave(0.345, 0.09, ((1.0, 0.8, 0.3), (0.25, 1.9, 1.0)))
    middle = wave(0.255, 0.05, ((1.0, 0.7, 2.1), (0.2, 1.7, 0.2)))
    front = wave(0.125, -0.07, ((1.0, 0.75, 4.0), (0.2, 1.6, 2.6)))
    # Colour layers stop above the foot so no sliver of them shows under the background wave's
    # anti-aliased bottom edge (a visible hairline seam in print previews otherwise).
    floor = max(0.0, min(y for _, y in _sample(front, 0.0, W, max(2.0, W / 80))) - 1.0)
    d.add(Rect(0, floor, W, H - floor, fillColor=palette.primary, strokeColor=None, strokeWidth=0))
    layers = [
        (back, mix(palette.secondary, palette.primary, 0.26)),
        (middle, mix(palette.secondary, palette.primary, 0.55)),
        (front, palette.background),
    ]

    # micro-channel dots: a hexagonal grid, fading out towards the calm top-left
    gap = max(7.0, m / 34)
    r_max = max(0.6, gap * 0.125)
    dot_color = mix(palette.white, palette.primary, 0.22)
    dots = Path(fillColor=dot_color, strokeColor=None, strokeWidth=0)  # one path: fast to build and draw
    row = 0
    y = gap * 0.6
    while y < H - gap * 0.3:
        x = gap * (0.5 if row % 2 else 0.0) + gap * 0.4
        while x < W - 0.3 * gap:
            u, v = x / W, y / H
            dist = math.hypot(u - 1.0, (v - 0.36) * 1.25)
            strength = max(0.0, 1.0 - dist / 0.8)
            calm = min(1.0, max(0.0, (0.66 - u) / 0.16)) * min(1.0, max(0.0, (v - 0.58) / 0.12))
            strength *= 1.0 - calm  # nothing in the calm top-left (logo area)
            r = r_max * strength**0.7
            if r >= 0.3 and y > back(x) + gap * 0.5:
                _circle_subpath(dots, x, y, r)
            x += gap
        y += gap * 0.866
        row += 1
    d.add(dots)

    step = max(2.0, W / 80)
    for f, color in layers:
        # The background wave reaches a hair past both sides, so anti-aliasing shows no coloured seam there.
        bottom, over = (0.0, 0.75) if f is front else (floor, 0.0)
        p = Path(fillColor=color, strokeColor=None, strokeWidth=0)
        p.moveTo(-over, f(0))
        _add_smooth(p, _sample(f, 0, W, step), move=False)
        p.lineTo(W + over, f(W))
        p.lineTo(W + over, bottom)
        p.lineTo(-over, bottom)
        p.closePath()
        d.add(p)
    # a fine light line riding just above the middle wave, like a contour of the skin
    line = Path(
        fillColor=None,
        strokeColor=mix(palette.white, palette.primary, 0.38),
        strokeWidth=max(0.5, m / 450),
        strokeLineCap=0,
    )
    _add_smooth(line, _sample(lambda x: middle(x) + 0.022 * H, 0, W, step), move=True)
    d.add(line)
    return d
