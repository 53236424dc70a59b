"""The mean stroke width of a filled outline (geometry/outline.py), as the press check judges a logo's lettering."""

from __future__ import annotations

import itertools
import math

import pytest

from brochure.geometry.outline import stroke_width
from brochure.layout.model import Segment

K = 4 * (math.sqrt(2) - 1) / 3  # a quarter circle's control points, as ReportLab and SVG draw a circle


def disc(cx: float, cy: float, r: float, clockwise: bool = False) -> tuple[Segment, ...]:
    """A circle of four cubic curves, anticlockwise (or clockwise: a counter)."""
    s = -1.0 if clockwise else 1.0
    pts = [(cx + r, cy), (cx, cy + s * r), (cx - r, cy), (cx, cy - s * r), (cx + r, cy)]
    out: list[Segment] = [("m", pts[0])]
    for (x0, y0), (x3, y3) in itertools.pairwise(pts):
        dx0, dy0 = (y0 - cy) * -s, (x0 - cx) * s  # (the tangent at each end, a quarter turn from the radius)
        dx3, dy3 = (y3 - cy) * -s, (x3 - cx) * s
        out.append(("c", (x0 + K * dx0, y0 + K * dy0, x3 - K * dx3, y3 - K * dy3, x3, y3)))
    out.append(("h", ()))
    return tuple(out)


def test_a_bar_measures_about_its_width() -> None:
    """A 0.5 pt bar 20 pt long: twice its area over its outline, 10 / 20.5."""
    bar: tuple[Segment, ...] = (("m", (0, 0)), ("l", (20, 0)), ("l", (20, 0.5)), ("l", (0, 0.5)), ("h", ()))
    assert stroke_width(bar) == pytest.approx(2 * 10 / 41)
    assert stroke_width((("re", (0, 0, 20, 0.5)),)) == pytest.approx(2 * 10 / 41)


def test_a_disc_measures_its_radius_its_curves_followed() -> None:
    """A disc of radius 3 drawn as four curves measures 3 within 1 % (as chords, a square: 2.12)."""
    assert stroke_width(disc(10, 10, 3)) == pytest.approx(3, rel=0.01)


def test_a_letter_o_measures_its_ring_not_its_disc() -> None:
    """An "o": a disc of radius 3 less a counter of radius 2 drawn the other way round, a ring 1 wide: twice
    5 pi over 10 pi, 1; its counter is not filled."""
    ring = disc(10, 10, 3) + disc(10, 10, 2, clockwise=True)
    assert stroke_width(ring) == pytest.approx(1.0, rel=0.02)


def test_a_path_with_no_outline_measures_nothing() -> None:
    assert stroke_width(()) == 0.0
    assert stroke_width((("m", (0, 0)), ("l", (5, 0)))) == 0.0


def test_an_even_odd_letter_o_measures_its_ring_whichever_way_its_counter_runs() -> None:
    """Filled even-odd (fill-rule="evenodd", as many design programs export outlined type), a counter drawn the same
    way round as its letter is a hole all the same: the "o" measures its ring, 1, not 9.5 (its disc and counter
    added), and an "o" inside a larger "O" is a letter again; drawn the other way round, it measures alike."""
    same = disc(10, 10, 3) + disc(10, 10, 2)
    assert stroke_width(same, even_odd=True) == pytest.approx(1.0, rel=0.02)
    assert stroke_width(disc(10, 10, 3) + disc(10, 10, 2, clockwise=True), even_odd=True) == pytest.approx(
        1.0, rel=0.02
    )
    nested = disc(10, 10, 6) + disc(10, 10, 5) + same  # (two rings 1 wide: twice 11 pi + 5 pi over 32 pi)
    assert stroke_width(nested, even_odd=True) == pytest.approx(1.0, rel=0.02)
    row = tuple(s for i in range(30) for s in disc(10 * i, 0, 3) + disc(10 * i, 0, 2))  # (a line of letters)
    assert stroke_width(row, even_odd=True) == pytest.approx(1.0, rel=0.02)
