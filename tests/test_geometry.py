"""Tri-fold sheet geometry in numbers: panel widths, folds, bleed, and the boxes text must stay in."""

from __future__ import annotations

from itertools import pairwise
from unittest import mock

import pytest
from hypothesis import given
from hypothesis import strategies as st

from brochure.geometry import sheet as geometry
from brochure.geometry.sheet import INCH, MM, Rect, Sheet, trifold

TOL = 0.01 * MM  # 0.01 mm, in points
EDITIONS = [(paper, target) for paper in ("a4", "letter") for target in ("office", "press")]
EDITION_IDS = [f"{paper}-{target}" for paper, target in EDITIONS]


@pytest.fixture(params=EDITIONS, ids=EDITION_IDS)
def sheet(request: pytest.FixtureRequest) -> Sheet:
    return trifold(*request.param)


def widths(s: Sheet, side: int) -> list[float]:
    return [p.trim.w for p in s.sides[side].panels]


@pytest.mark.parametrize("target", ["office", "press"])
@pytest.mark.parametrize(
    ("paper", "unit", "inside"),
    [("a4", MM, (100, 100, 97)), ("letter", INCH, (3.6875, 3.6875, 3.625))],
    ids=["a4-mm", "letter-in"],
)
def test_panel_widths_match_the_print_shop_table(
    paper: str, unit: float, inside: tuple[float, ...], target: str
) -> None:
    s = trifold(paper, target)
    assert [sd.name for sd in s.sides] == ["outside", "inside"]  # page 1 is the cover side
    assert widths(s, 1) == pytest.approx([w * unit for w in inside], abs=TOL)
    assert widths(s, 0) == pytest.approx([w * unit for w in reversed(inside)], abs=TOL)


def test_the_narrow_panel_is_the_flap_outside_and_on_the_right_inside(sheet: Sheet) -> None:
    outside, inside = sheet.sides
    assert [p.name for p in outside.panels] == ["flap", "back", "cover"]
    narrowest_outside = min(outside.panels, key=lambda p: p.trim.w)
    narrowest_inside = min(inside.panels, key=lambda p: p.trim.w)
    assert narrowest_outside is outside.panels[0]
    assert narrowest_inside is inside.panels[-1]
    # The cover and back are full width: the flap is the one that is 3 mm (1/16 in) narrower.
    assert outside.panels[1].trim.w - outside.panels[0].trim.w == pytest.approx(
        3 * MM if sheet.paper.name == "a4" else INCH / 16, abs=TOL
    )


def test_panels_tile_the_trim_with_no_gap_or_overlap(sheet: Sheet) -> None:
    for side in sheet.sides:
        panels = side.panels
        assert panels[0].trim.x == pytest.approx(sheet.trim.x, abs=TOL)
        for left, right in pairwise(panels):
            assert right.trim.x == pytest.approx(left.trim.right, abs=TOL)
        assert panels[-1].trim.right == pytest.approx(sheet.trim.right, abs=TOL)
        assert sum(p.trim.w for p in panels) == pytest.approx(sheet.trim.w, abs=TOL)
        for p in panels:
            assert (p.trim.y, p.trim.h) == pytest.approx((sheet.trim.y, sheet.trim.h), abs=TOL)


@pytest.mark.parametrize("target", ["office", "press"])
@pytest.mark.parametrize(
    ("paper", "unit", "outside", "inside"),
    [("a4", MM, (97, 197), (100, 200)), ("letter", INCH, (3.625, 7.3125), (3.6875, 7.375))],
    ids=["a4-mm", "letter-in"],
)
def test_folds_sit_at_the_panel_boundaries(
    paper: str, unit: float, outside: tuple[float, ...], inside: tuple[float, ...], target: str
) -> None:
    s = trifold(paper, target)
    from_trim_left = [[f - s.trim.x for f in side.folds] for side in s.sides]
    assert from_trim_left[0] == pytest.approx([x * unit for x in outside], abs=TOL)
    assert from_trim_left[1] == pytest.approx([x * unit for x in inside], abs=TOL)
    for side in s.sides:
        assert list(side.folds) == pytest.approx([p.trim.right for p in side.panels[:-1]], abs=TOL)


@pytest.mark.parametrize(
    ("paper", "target", "media", "bleed"),
    [
        ("a4", "office", (297 * MM, 210 * MM), 0.0),
        ("a4", "press", (303 * MM, 216 * MM), 3 * MM),
        ("letter", "office", (11 * INCH, 8.5 * INCH), 0.0),
        ("letter", "press", (11.25 * INCH, 8.75 * INCH), 0.125 * INCH),
    ],
    ids=EDITION_IDS,
)
def test_media_is_the_trim_plus_bleed_on_every_edge(
    paper: str, target: str, media: tuple[float, float], bleed: float
) -> None:
    s = trifold(paper, target)
    assert s.bleed == pytest.approx(bleed, abs=TOL)
    assert (s.media.x, s.media.y) == (0, 0)
    assert (s.media.w, s.media.h) == pytest.approx(media, abs=TOL)
    assert (s.trim.x, s.trim.y) == pytest.approx((bleed, bleed), abs=TOL)
    assert s.media.right - s.trim.right == pytest.approx(bleed, abs=TOL)
    assert s.media.top - s.trim.top == pytest.approx(bleed, abs=TOL)
    assert s.trim.w > s.trim.h  # landscape


def test_safe_zone_inside_trim_inside_media(sheet: Sheet) -> None:
    clear = 5 * MM if sheet.target == "office" else 3 * MM  # office printers cannot reach the last ~5 mm
    safe = sheet.safe
    assert (safe.x - sheet.trim.x, safe.y - sheet.trim.y) == pytest.approx((clear, clear), abs=TOL)
    assert (sheet.trim.right - safe.right, sheet.trim.top - safe.top) == pytest.approx((clear, clear), abs=TOL)
    assert sheet.media.contains(sheet.trim)
    assert sheet.trim.contains(safe)


def test_every_content_box_is_in_the_safe_zone_and_clear_of_the_folds(sheet: Sheet) -> None:
    for side in sheet.sides:
        for p in side.panels:
            assert sheet.safe.contains(p.content), p.name
            assert p.trim.contains(p.content), p.name
            assert p.content.w > 60 * MM, p.name  # room for a readable column
            for fold in side.folds:
                gap = p.content.x - fold if fold <= p.trim.x + TOL else fold - p.content.right
                assert gap >= 3 * MM - TOL, (p.name, fold / MM)


def test_only_the_outer_edges_of_the_sheet_bleed(sheet: Sheet) -> None:
    for side in sheet.sides:
        assert [(p.bleed_left, p.bleed_right) for p in side.panels] == [(True, False), (False, False), (False, True)]


# Properties: the rules above hold for any sheet, not just the two paper sizes we ship.

finite = st.floats(min_value=-1000, max_value=1000, allow_nan=False)
size = st.floats(min_value=0, max_value=1000, allow_nan=False)
rects = st.builds(Rect, finite, finite, size, size)


@given(rects, st.tuples(*[st.floats(min_value=0, max_value=1, allow_nan=False)] * 4))
def test_a_rect_contains_itself_shrunk_by_any_inset(r: Rect, fractions: tuple[float, ...]) -> None:
    left, bottom, right, top = fractions
    inner = r.inset(r.w * left / 2, r.h * bottom / 2, r.w * right / 2, r.h * top / 2)
    assert r.contains(r)
    assert r.contains(inner)
    assert inner.w >= -1e-9 and inner.h >= -1e-9
    grown = r.inset(-1, -1, -1, -1)
    assert grown.contains(r) and not r.contains(grown)


@given(
    panel_mm=st.tuples(*[st.floats(min_value=60, max_value=400)] * 3),
    height_mm=st.floats(min_value=60, max_value=400),
    bleed_mm=st.floats(min_value=0, max_value=10),
    target=st.sampled_from(["office", "press"]),
)
def test_any_roll_fold_sheet_tiles_and_nests(
    panel_mm: tuple[float, float, float], height_mm: float, bleed_mm: float, target: str
) -> None:
    paper = geometry.Paper("test", height_mm * MM, sum(panel_mm) * MM, bleed_mm * MM)
    with (
        mock.patch.dict(geometry.PAPER_SIZES, {"test": paper}),
        mock.patch.dict(geometry.TRIFOLD_WIDTHS, {"test": tuple(w * MM for w in panel_mm)}),
    ):
        s = trifold("test", target)
    assert s.media.contains(s.trim) and s.trim.contains(s.safe)
    for side in s.sides:
        xs = [(p.trim.x, p.trim.right) for p in side.panels]
        assert xs[0][0] == pytest.approx(s.trim.x)
        assert xs[-1][1] == pytest.approx(s.trim.right)
        assert all(a[1] == pytest.approx(b[0]) for a, b in pairwise(xs))
        assert all(s.safe.contains(p.content) and p.trim.contains(p.content) for p in side.panels)
