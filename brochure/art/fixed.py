"""Pure geometry functions of numbers -> paths made once per process and placed once per matrix (immutable, cached).

Artwork whose shape depends only on sizes (the cover's micro-channel dots and waves, the skin drawing's layers)
is made here as plain segments, apart from its colours: a clinic's colours, names and words change from build
to build, its sheet sizes seldom do. `Fixed` is a ReportLab Path node that carries such a geometry;
layout/drawings.py places it through `placed`. Both caches hold immutable values computed from their keys
alone (a geometry's coordinates packed in bytes, its placements tuples), so builds that share them (in threads
too) still share nothing that changes.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Callable, Hashable, Iterator, Sequence
from dataclasses import field
from functools import lru_cache
from typing import Any

from reportlab.lib.attrmap import AttrMap, AttrMapValue
from reportlab.lib.validators import isAnything

from brochure.art.nodes import Path
from brochure.frozen import frozen

Segment = tuple[str, tuple[float, ...]]  # as layout/model.py's: ("m"|"l"|"c"|"h", coordinates)
Matrix = tuple[float, float, float, float, float, float]


ARITY = {"m": 2, "l": 2, "c": 6, "h": 0}  # coordinates a segment of each operator has


@frozen
class Geometry:
    """Segments in drawing coordinates; equal (and hashed) by the function and arguments that made them.

    Kept packed, as it is kept for the process's life: its operators one letter each, its coordinates as the
    doubles they are (bytes: immutable, the same values, signs of zero kept). A batch's worker keeps about 130
    geometries made by `made` (the cover's dots and waves, the icons, the QR code's modules) and the skin
    drawing's layers (about 20 a size); as tuples of Python floats they took about 13 MB (a float alone is 24
    bytes, packed 8), and the worker's peak memory fell by about 15 MB."""

    key: Hashable
    ops: str = field(compare=False, hash=False, repr=False)
    values: bytes = field(compare=False, hash=False, repr=False)

    @staticmethod
    def of(key: Hashable, segments: Sequence[Segment]) -> Geometry:
        """The segments, packed, under key."""
        values = array("d", [x for _, v in segments for x in v]).tobytes()
        return Geometry(key, "".join(op for op, _ in segments), values)

    @property
    def segments(self) -> tuple[Segment, ...]:
        """The segments unpacked (coordinates as floats)."""
        return tuple((op, tuple(v)) for op, v in _unpacked(self))


def _unpacked(geometry: Geometry) -> Iterator[tuple[str, list[float]]]:
    """Each segment's operator and coordinates, unpacked."""
    values = array("d", geometry.values).tolist()
    i = 0
    for op in geometry.ops:
        n = ARITY[op]
        yield op, values[i : i + n]
        i += n


class Pen:
    """Collects segments with the methods of a ReportLab Path (moveTo, lineTo, curveTo, closePath)."""

    def __init__(self) -> None:
        self.segments: list[Segment] = []

    def moveTo(self, x: float, y: float) -> None:
        self.segments.append(("m", (x, y)))

    def lineTo(self, x: float, y: float) -> None:
        self.segments.append(("l", (x, y)))

    def curveTo(self, x1: float, y1: float, x2: float, y2: float, x3: float, y3: float) -> None:
        self.segments.append(("c", (x1, y1, x2, y2, x3, y3)))

    def closePath(self) -> None:
        self.segments.append(("h", ()))


def made(fn: Callable[..., tuple[Segment, ...]], *args: Hashable) -> Geometry:
    """fn(*args), made once per process: fn must be a pure function of its (hashable) arguments."""
    return _made(fn, exact(args))


@lru_cache(maxsize=256)
def _made(fn: Callable[..., tuple[Segment, ...]], key: Exact) -> Geometry:
    return Geometry.of((fn.__module__, fn.__qualname__, key), fn(*key[0]))


def placed(geometry: Geometry, m: Matrix) -> tuple[Segment, ...]:
    """The geometry's segments in page coordinates (m applied as ReportLab's path object would)."""
    return _placed(geometry, exact(m))


@lru_cache(maxsize=256)
def _placed(geometry: Geometry, key: Exact) -> tuple[Segment, ...]:
    m: Matrix = key[0]
    return tuple(mapped(m, op, v) for op, v in _unpacked(geometry))


Exact = tuple[tuple[Any, ...], ...]  # values, their types and (where one is zero) their signs


def exact(values: tuple[Any, ...]) -> Exact:
    """Values as a key that keeps apart what the frames hold apart: values that compare equal but are of other
    types (1 and 1.0), and 0.0 and -0.0 (the PDF writes both "0", but the frames, which the checks and tests read,
    hold each as it is). The values themselves come first."""
    kinds = tuple(map(type, values))
    if 0 in values:  # (equal to 0, 0.0 and -0.0 alike)
        return (values, kinds, tuple(math.copysign(1.0, v) if isinstance(v, float) else 1.0 for v in values))
    return (values, kinds)


def mapped(m: Matrix, op: str, v: Sequence[float]) -> Segment:
    """One segment with its points mapped by m (PDF's convention: x' = a x + c y + e, y' = b x + d y + f)."""
    a, b, c, d, e, f = m
    if op == "c":
        x1, y1, x2, y2, x3, y3 = v
        return (
            "c",
            (
                a * x1 + c * y1 + e,
                b * x1 + d * y1 + f,
                a * x2 + c * y2 + e,
                b * x2 + d * y2 + f,
                a * x3 + c * y3 + e,
                b * x3 + d * y3 + f,
            ),
        )
    if op == "h":
        return ("h", ())
    x, y = v
    return (op, (a * x + c * y + e, b * x + d * y + f))


class Fixed(Path):  # type: ignore[misc]
    """A Path node drawn from a Geometry (its colours and widths set as on any Path)."""

    _attrMap = AttrMap(BASE=Path, geometry=AttrMapValue(isAnything, desc="the segments, made once"))

    def __init__(self, geometry: Geometry, **style: Any) -> None:
        super().__init__(**style)
        self.geometry = geometry
