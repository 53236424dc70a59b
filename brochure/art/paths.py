"""SVG-style path data, curves and sampled functions -> ReportLab Path shapes (shared by all artwork)."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator, Sequence
from typing import Protocol

from brochure.art.nodes import Path

Pt = tuple[float, float]


class Pen(Protocol):
    """What draws a path: a ReportLab Path, or art/fixed.py's Pen (which keeps the segments)."""

    def moveTo(self, x: float, y: float) -> None: ...
    def lineTo(self, x: float, y: float) -> None: ...
    def curveTo(self, x1: float, y1: float, x2: float, y2: float, x3: float, y3: float) -> None: ...
    def closePath(self) -> None: ...


# --------------------------------------------------------------------------------------------
# Path helpers
# --------------------------------------------------------------------------------------------

TOKEN = re.compile(r"[MmLlHhVvCcSsQqAaZz]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
ARGC = {"M": 2, "L": 2, "H": 1, "V": 1, "C": 6, "S": 4, "Q": 4, "A": 7, "Z": 0}


def arc_to_beziers(
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
IDENTITY: Affine = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


class XfPath:
    """Collects path operators into a ReportLab Path, mapping every point through an affine transform."""

    def __init__(self, path: Pen, xf: Affine) -> None:
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


def rotation(deg: float, cx: float, cy: float) -> Affine:
    """Rotation by deg degrees (clockwise on a y-down grid) about (cx, cy)."""
    a = math.radians(deg)
    c, s = math.cos(a), math.sin(a)
    return (c, s, -s, c, cx - c * cx + s * cy, cy - s * cx - c * cy)


def svg_path(d: str, xf: Affine = IDENTITY, **props: object) -> Path:
    """Build a ReportLab Path from SVG path data (M L H V C S Q A Z, absolute and relative)."""
    result = Path(**props)
    trace(d, xf, result)
    return result


def trace(d: str, xf: Affine, target: Pen) -> None:
    """Draw SVG path data (M L H V C S Q A Z, absolute and relative) with target, every point mapped by xf."""
    path = XfPath(target, xf)
    tokens = TOKEN.findall(d)
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
        args = [float(v) for v in tokens[i : i + ARGC[up]]]
        i += ARGC[up]
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
            for seg in arc_to_beziers(x, y, args[0], args[1], args[2], bool(args[3]), bool(args[4]), *e):
                path.curveTo(*seg)
            x, y = e
            last_c = None


def catmull(points: Sequence[Pt]) -> Iterator[tuple[float, float, float, float, float, float]]:
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


def smooth_d(points: Sequence[Pt]) -> str:
    """SVG path data for a smooth curve through the points."""
    parts = [f"M {points[0][0]:.3f} {points[0][1]:.3f}"]
    parts += ["C " + " ".join(f"{v:.3f}" for v in seg) for seg in catmull(points)]
    return " ".join(parts)


def add_smooth(path: Pen, points: Sequence[Pt], move: bool) -> None:
    """Append a smooth curve through the points to a Path (moving to the first point if asked)."""
    if move:
        path.moveTo(*points[0])
    else:
        path.lineTo(*points[0])
    for seg in catmull(points):
        path.curveTo(*seg)


def sample(f: Callable[[float], float], x0: float, x1: float, step: float) -> list[Pt]:
    """Points (x, f(x)) from x0 to x1 inclusive, about `step` apart."""
    n = max(2, math.ceil(abs(x1 - x0) / step))
    return [(x0 + (x1 - x0) * i / n, f(x0 + (x1 - x0) * i / n)) for i in range(n + 1)]


def circle_subpath(p: Pen, cx: float, cy: float, r: float) -> None:
    """Add a circle to a path as four Bezier quarter arcs."""
    k = 0.5523 * r
    p.moveTo(cx + r, cy)
    p.curveTo(cx + r, cy + k, cx + k, cy + r, cx, cy + r)
    p.curveTo(cx - k, cy + r, cx - r, cy + k, cx - r, cy)
    p.curveTo(cx - r, cy - k, cx - k, cy - r, cx, cy - r)
    p.curveTo(cx + k, cy - r, cx + r, cy - k, cx + r, cy)
    p.closePath()


def circle_d(cx: float, cy: float, r: float) -> str:
    return f"M {cx - r} {cy} A {r} {r} 0 1 0 {cx + r} {cy} A {r} {r} 0 1 0 {cx - r} {cy} Z"


def rrect_d(x: float, y: float, w: float, h: float, r: float) -> str:
    return (
        f"M {x + r} {y} H {x + w - r} A {r} {r} 0 0 1 {x + w} {y + r} V {y + h - r} "
        f"A {r} {r} 0 0 1 {x + w - r} {y + h} H {x + r} A {r} {r} 0 0 1 {x} {y + h - r} "
        f"V {y + r} A {r} {r} 0 0 1 {x + r} {y} Z"
    )


def star_d(cx: float, cy: float, r: float) -> str:
    """A four-point sparkle with concave sides."""
    a, b = 0.1 * r, 0.34 * r
    return (
        f"M {cx} {cy - r} C {cx + a} {cy - b} {cx + b} {cy - a} {cx + r} {cy} "
        f"C {cx + b} {cy + a} {cx + a} {cy + b} {cx} {cy + r} "
        f"C {cx - a} {cy + b} {cx - b} {cy + a} {cx - r} {cy} "
        f"C {cx - b} {cy - a} {cx - a} {cy - b} {cx} {cy - r} Z"
    )


def rounded_poly_d(points: Sequence[Pt], r: float) -> str:
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


def rounded_rect(w: float, h: float, radii: tuple[float, float, float, float], **style: object) -> Path:
    """A w x h rectangle from the origin with rounded corners (bottom left, bottom right, top right, top left;
    0 is square), as one closed Path; quarter circles as Bezier arcs."""
    bl, br, tr, tl = radii
    k = 0.5523
    p = Path(**style)
    p.moveTo(bl, 0)
    p.lineTo(w - br, 0)
    if br:
        p.curveTo(w - br + k * br, 0, w, br - k * br, w, br)
    p.lineTo(w, h - tr)
    if tr:
        p.curveTo(w, h - tr + k * tr, w - tr + k * tr, h, w - tr, h)
    p.lineTo(tl, h)
    if tl:
        p.curveTo(tl - k * tl, h, 0, h - tl + k * tl, 0, h - tl)
    p.lineTo(0, bl)
    if bl:
        p.curveTo(0, bl - k * bl, bl - k * bl, 0, bl, 0)
    p.closePath()
    return p
