"""A filled path's segments (page space) -> how wide its strokes are on average: twice its area over its outline's
length (pure math). A bar w wide measures w, a disc its radius, a line of lettering about its letters' stems (10 pt
Be Vietnam Pro Regular 0.86 pt, IBM Plex Serif 0.65 pt, as measured from the fonts' own outlines)."""

from __future__ import annotations

import math
from collections.abc import Iterator

Point = tuple[float, float]
Segment = tuple[str, tuple[float, ...]]  # as layout/model.py's: ("m"|"l"|"c"|"re"|"h", coordinates)

CURVE_STEPS = 8  # straight pieces a cubic curve is measured as (its length within 1 % for a logo's curves)


def stroke_width(path: tuple[Segment, ...]) -> float:
    """Twice the filled area over the outline's length (0 for a path with no outline). A hole drawn the other way
    round (a letter's counter, as fonts and design programs draw it) takes its area off; one drawn the same way
    adds it, so such a path measures wider than it is, never finer."""
    area = 0.0
    length = 0.0
    for ring in _rings(path):
        for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
            area += x0 * y1 - x1 * y0
            length += math.hypot(x1 - x0, y1 - y0)
    return abs(area) / length if length > 0 else 0.0  # (the shoelace sum is twice the area)


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
