"""A PDF page -> what its content stream paints, in page coordinates: stroked lines, pictures, text and its fill.

A test oracle read from the finished file alone (pikepdf), independent of the layout that made it: it follows
q/Q and cm, the fill colour (k, rg, g, sc, scn), straight stroked segments (m, l, S) and image XObjects (Do),
inside form XObjects too.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import pikepdf

Matrix = tuple[float, float, float, float, float, float]
Point = tuple[float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
TEXT_SHOWS = {"Tj", "TJ", "'", '"'}
FILLS = {"k", "rg", "g", "sc", "scn"}


@dataclass
class Painted:
    segments: list[tuple[Point, Point]] = field(default_factory=list)  # stroked straight segments
    images: list[tuple[float, float, float, float]] = field(default_factory=list)  # (x0, y0, x1, y1) of each picture
    text_fills: list[tuple[float, ...]] = field(default_factory=list)  # the fill colour of each text-showing operator


def times(m: Matrix, ctm: Matrix) -> Matrix:
    """m applied first, then ctm (PDF's `m ctm cm` order)."""
    a, b, c, d, e, f = m
    aa, bb, cc, dd, ee, ff = ctm
    return (
        a * aa + b * cc,
        a * bb + b * dd,
        c * aa + d * cc,
        c * bb + d * dd,
        e * aa + f * cc + ee,
        e * bb + f * dd + ff,
    )


def apply(ctm: Matrix, x: float, y: float) -> Point:
    a, b, c, d, e, f = ctm
    return (a * x + c * y + e, b * x + d * y + f)


def painted(page: pikepdf.Page) -> Painted:
    out = Painted()
    _walk(page.obj, page.Resources, IDENTITY, out)
    return out


def _numbers(operands: Iterable[Any]) -> tuple[float, ...]:
    return tuple(float(v) for v in operands if isinstance(v, int | float | Decimal))


def _walk(stream: pikepdf.Object, resources: pikepdf.Object, ctm: Matrix, out: Painted) -> None:
    fill: tuple[float, ...] = (0.0,)
    stack: list[tuple[Matrix, tuple[float, ...]]] = []
    here: Point = (0.0, 0.0)
    pending: list[tuple[Point, Point]] = []
    for instruction in pikepdf.parse_content_stream(stream):
        if isinstance(instruction, pikepdf.ContentStreamInlineImage):
            continue
        op, operands = str(instruction.operator), list(instruction.operands)
        if op == "q":
            stack.append((ctm, fill))
        elif op == "Q":
            ctm, fill = stack.pop()
        elif op == "cm":
            ctm = times(_numbers(operands), ctm)  # type: ignore[arg-type]
        elif op in FILLS:
            fill = _numbers(operands)
        elif op == "m":
            here = apply(ctm, *_numbers(operands))
        elif op == "l":
            to = apply(ctm, *_numbers(operands))
            pending.append((here, to))
            here = to
        elif op in ("S", "s", "B", "B*", "b", "b*"):
            out.segments.extend(pending)
            pending = []
        elif op in ("f", "F", "f*", "n"):
            pending = []
        elif op in TEXT_SHOWS:
            out.text_fills.append(fill)
        elif op == "Do":
            xobject = resources.XObject[str(operands[0])]
            if xobject.Subtype == "/Image":
                corners = [apply(ctm, x, y) for x in (0, 1) for y in (0, 1)]
                xs, ys = [p[0] for p in corners], [p[1] for p in corners]
                out.images.append((min(xs), min(ys), max(xs), max(ys)))
            elif xobject.Subtype == "/Form":
                form = times(tuple(float(v) for v in xobject.get("/Matrix", IDENTITY)), ctm)  # type: ignore[arg-type]
                _walk(xobject, xobject.get("/Resources", resources), form, out)
