"""A filled path's segments (page space) -> how wide its strokes are on average, twice its area over its outline.

A bar w wide measures w, a disc its radius, a line of lettering about its letters' stems (10 pt Be Vietnam Pro
Regular 0.86 pt, IBM Plex Serif 0.65 pt, as measured from the fonts' own outlines). Pure maths.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

Point = tuple[float, float]
Segment = tuple[str, tuple[float, ...]]  # as layout/model.py's: ("m"|"l"|"c"|"re"|"h", coordinates)

CURVE_STEPS = 8  # straight pieces a cubic curve is measured as (its length within 1 % for a logo's curves)
NESTED_MOST = 500  # outlines of one even-odd path tried inside one another (a line of lettering has a few dozen;
# a hostile path of thousands nested would take seconds): past this, measured as drawn, as a nonzero fill is


def stroke_width(path: tuple[Segment, ...], even_odd: bool = False) -> float:
    """Twice the filled area over the outline's length (0 for a path with no outline). A hole drawn the other way
    round (a letter's counter, as fonts and design programs draw it) takes its area off; one drawn the same way
    adds it, so such a path measures wider than it is, never finer, unless it is filled `even_odd`: then every
    outline inside an odd number of others is a hole, whichever way it is drawn."""
    rings = list(_rings(path))
    areas = [_area(ring) for ring in rings]
    length = sum(_length(ring) for ring in rings)
    area = _even_odd_area(rings, areas) if even_odd and len(rings) <= NESTED_MOST else sum(areas)
    return abs(area) / length if length > 0 else 0.0  # (the shoelace sum is twice the area)


def _area(ring: list[Point]) -> float:
    """Twice the ring's area, by the shoelace sum: positive anticlockwise, negative clockwise."""
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True))


def _length(ring: list[Point]) -> float:
    """The closed ring's outline length."""
    return sum(math.hypot(x1 - x0, y1 - y0) for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True))


def _even_odd_area(rings: list[list[Point]], areas: list[float]) -> float:
    """Twice the area an even-odd fill covers: each ring's own, taken off where it lies inside an odd number of the
    others (a counter), added where inside an even number. The rings swept from the left, each tried only against
    those whose box holds its own (a line of letters: its neighbours)."""
    boxes = [_box(ring) for ring in rings]
    open_: list[int] = []  # (rings whose box reaches this far right)
    total = 0.0
    for i in sorted(range(len(rings)), key=lambda k: (boxes[k][0], -boxes[k][2])):
        x0, y0, x1, y1 = boxes[i]
        open_ = [j for j in open_ if boxes[j][2] >= x0]
        depth = sum(
            1
            for j in open_
            if boxes[j][1] <= y0 and x1 <= boxes[j][2] and y1 <= boxes[j][3] and _inside(rings[i][0], rings[j])
        )
        total += -abs(areas[i]) if depth % 2 else abs(areas[i])
        open_.append(i)
    return total


def _box(ring: list[Point]) -> tuple[float, float, float, float]:
    xs, ys = [x for x, _ in ring], [y for _, y in ring]
    return min(xs), min(ys), max(xs), max(ys)


def _inside(point: Point, ring: list[Point]) -> bool:
    """Whether a point lies inside a ring, by the crossings of a ray to its right."""
    x, y = point
    inside = False
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            inside = not inside
    return inside


def _rings(path: tuple[Segment, ...]) -> Iterator[list[Point]]:
    """Each closed outline of the path as points (an open one is closed, as a fill closes it)."""
    ring: list[Point] = []
    for op, v in path:
        if op == "re":
            x, y, w, h = v
            yield [(x, y), (x + w, y), (x + w, y + h), (x, y + h)]
        elif op == "m":
            if len(ring) > 2:
                yield ring
            ring = [(v[0], v[1])]
        elif op == "l" and ring:
            ring.append((v[0], v[1]))
        elif op == "c" and ring:
            ring.extend(_curve(ring[-1], v))
        elif op == "h":
            if len(ring) > 2:
                yield ring
            ring = ring[:1]  # (a path goes on from the start of the outline it closed)
    if len(ring) > 2:
        yield ring


def _curve(start: Point, v: tuple[float, ...]) -> list[Point]:
    """A cubic curve from `start` through its two control points to its end, as CURVE_STEPS points."""
    (x0, y0), (x1, y1, x2, y2, x3, y3) = start, v
    out: list[Point] = []
    for i in range(1, CURVE_STEPS + 1):
        t = i / CURVE_STEPS
        u = 1 - t
        a, b, c, d = u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t
        out.append((a * x0 + b * x1 + c * x2 + d * x3, a * y0 + b * y1 + c * y2 + d * y3))
    return out
