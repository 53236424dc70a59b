"""Right-to-left leaflets: the mirrored sheets in numbers (panels, folds, fold marks) on both papers, and the
right-to-left builds of every layout (where the cover, back and inside land, reading order, the mock-up)."""

from __future__ import annotations

import pytest

from brochure.geometry.marks import marks
from brochure.geometry.sheet import INCH, MM, SHEETS, Sheet, sheet_for, trifold
from brochure.vocabulary import LAYOUTS, LayoutName, PaperName, Target

TOL = 0.01 * MM
PAPERS: tuple[PaperName, ...] = ("a4", "letter")
TARGETS: tuple[Target, ...] = ("office", "press")


def rtl(layout: LayoutName, paper: PaperName, target: Target = "office", marks: bool = False) -> Sheet:
    return sheet_for(layout, paper, target, marks, "rtl")


def left_to_right(sheet: Sheet, side: int) -> list[str]:
    return [p.name for p in sorted(sheet.sides[side].panels, key=lambda p: p.trim.x)]


@pytest.mark.parametrize("target", TARGETS)
@pytest.mark.parametrize(
    ("paper", "unit", "inside"), [("a4", MM, (100, 100, 97)), ("letter", INCH, (3.6875, 3.6875, 3.625))]
)
def test_the_mirrored_trifold_reads_cover_back_flap_and_folds_in_from_the_left(
    paper: PaperName, unit: float, inside: tuple[float, ...], target: Target
) -> None:
    s = rtl("trifold", paper, target)
    outside, inner = s.sides
    assert left_to_right(s, 0) == ["cover", "back", "flap"]
    assert left_to_right(s, 1) == ["inside-3", "inside-2", "inside-1"]
    assert [p.trim.w for p in sorted(inner.panels, key=lambda p: p.trim.x)] == pytest.approx(
        [w * unit for w in reversed(inside)], abs=TOL
    )
    assert min(inner.panels, key=lambda p: p.trim.w).trim.x == pytest.approx(s.trim.x, abs=TOL)  # narrow: left
    assert outside.panel("cover").trim.x == pytest.approx(s.trim.x, abs=TOL)
    assert outside.panel("flap").trim.right == pytest.approx(s.trim.right, abs=TOL)
    # the panels tile the trim; each fold is where two panels meet
    for side in s.sides:
        ordered = sorted(side.panels, key=lambda p: p.trim.x)
        assert sum(p.trim.w for p in ordered) == pytest.approx(s.trim.w, abs=TOL)
        assert list(side.folds) == pytest.approx([p.trim.right for p in ordered[:-1]], abs=TOL)
    # outside and inside fold along the same lines: the inside is seen from the other face of the sheet
    mirror = [2 * s.trim.x + s.trim.w - f for f in outside.folds]
    assert sorted(mirror) == pytest.approx(list(inner.folds), abs=TOL)


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_mirrored_sheet_is_the_mirror_image_of_its_left_to_right_sheet(
    paper: PaperName, layout: LayoutName
) -> None:
    ltr, mirrored = SHEETS[layout](paper, "press", True), rtl(layout, paper, "press", True)
    assert (mirrored.media, mirrored.trim, mirrored.bleed, mirrored.slug) == (ltr.media, ltr.trim, ltr.bleed, ltr.slug)
    t = ltr.trim
    for a, b in zip(ltr.sides, mirrored.sides, strict=True):
        assert [p.name for p in a.panels] == [p.name for p in b.panels]  # reading order kept
        for p, q in zip(a.panels, b.panels, strict=True):
            assert q.trim.right == pytest.approx(2 * t.x + t.w - p.trim.x, abs=TOL)
            assert q.content.x == pytest.approx(2 * t.x + t.w - p.content.right, abs=TOL)
            assert (q.trim.y, q.trim.w, q.trim.h) == (p.trim.y, p.trim.w, p.trim.h)
            assert (q.bleed_left, q.bleed_right) == (p.bleed_right, p.bleed_left)
    assert mirrored.safe == ltr.safe


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("layout", ["trifold", "bifold"])
def test_fold_marks_of_a_mirrored_sheet_sit_on_its_folds(paper: PaperName, layout: LayoutName) -> None:
    s = rtl(layout, paper, "press", True)
    for side in s.sides:
        folds = sorted({x1 for kind, (x1, _, x2, _) in marks(s, side) if kind == "fold" and x1 == x2})
        assert folds == pytest.approx(list(side.folds), abs=TOL)
        assert len(folds) == len(side.panels) - 1


@pytest.mark.parametrize("paper", PAPERS)
def test_the_mirrored_bifold_has_its_cover_on_the_left_of_the_outside(paper: PaperName) -> None:
    s = rtl("bifold", paper)
    assert left_to_right(s, 0) == ["cover", "back"]
    assert left_to_right(s, 1) == ["inside-2", "inside-1"]
    assert s.sides[0].folds == pytest.approx((s.trim.x + s.trim.w / 2,), abs=TOL)


def test_a_left_to_right_sheet_is_unchanged() -> None:
    assert sheet_for("trifold", "a4", "press", True, "ltr") == trifold("a4", "press", True)
