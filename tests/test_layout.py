"""Layout numbers: where every piece lands on the tri-fold, for both papers and both brands."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from helpers import BRAND, CONTENT, MAPLE, built

from brochure.geometry.sheet import FOLD_CLEAR, MM
from brochure.layout.flowables import Art, SectionHeading
from brochure.layout.model import Layout

CASES = [
    pytest.param(BRAND, "a4", id="clearwater-a4"),
    pytest.param(BRAND, "letter", id="clearwater-letter"),
    pytest.param(MAPLE, "letter", id="maple-letter"),
    pytest.param(MAPLE, "a4", id="maple-a4"),
]


def layout_of(brand: Path, paper: str) -> Layout:
    layout = built(CONTENT, brand, paper).layout
    assert layout is not None
    return layout


@pytest.mark.parametrize(("brand", "paper"), CASES)
def test_every_text_item_stays_in_its_panel_content_box(brand: Path, paper: str) -> None:
    layout = layout_of(brand, paper)
    for page in layout.pages:
        panels = {p.name: p for p in page.side.panels}
        for item in page.items:
            if item.text:
                box = panels[item.region].content
                assert box.contains(item.box, tol=0.01), (item.region, item.section, item.box, box)


@pytest.mark.parametrize(("brand", "paper"), CASES)
def test_text_keeps_5mm_from_sheet_edge_and_3mm_from_folds(brand: Path, paper: str) -> None:
    layout = layout_of(brand, paper)
    for page in layout.pages:
        for item in page.items:
            if not item.text:
                continue
            b = item.box
            assert b.x >= 5 * MM - 0.01 and b.y >= 5 * MM - 0.01
            assert b.right <= layout.sheet.trim.right - 5 * MM + 0.01
            assert b.top <= layout.sheet.trim.top - 5 * MM + 0.01
            for fold in page.side.folds:
                assert b.right <= fold - FOLD_CLEAR or b.x >= fold + FOLD_CLEAR


@pytest.mark.parametrize(("brand", "paper"), CASES)
def test_sections_land_in_their_regions(brand: Path, paper: str) -> None:
    layout = layout_of(brand, paper)
    outside, inside = layout.pages
    regions = {item.section: item.region for page in layout.pages for item in page.items if item.section}
    assert regions["right-for-me"] == "flap"
    assert regions["other-options"] == "flap"
    assert regions["what-is-it"] == "inside-1"
    assert regions["risks"] == regions["contact-us"] == "inside-3"  # the back keeps room for the sources
    inside_sections = [i.section for i in inside.items]
    assert inside_sections.index("what-is-it") < inside_sections.index("aftercare")
    assert inside_sections.index("aftercare") < inside_sections.index("risks") < inside_sections.index("contact-us")
    assert not [i for i in outside.items if i.region == "back" and i.section]
    assert {i.region for i in inside.items} == {"inside-1", "inside-2", "inside-3"}
    assert {i.region for i in outside.items} == {"flap", "back", "cover"}


@pytest.mark.parametrize(("brand", "paper"), CASES)
def test_no_heading_ends_a_panel(brand: Path, paper: str) -> None:
    layout = layout_of(brand, paper)
    for page in layout.pages:
        for region in {i.region for i in page.items}:
            flowed = [i for i in page.items if i.region == region and i.section]
            if flowed:
                assert not isinstance(flowed[-1].flowable, SectionHeading), region


@pytest.mark.parametrize(("brand", "paper"), CASES)
def test_nothing_overlaps_within_a_panel(brand: Path, paper: str) -> None:
    layout = layout_of(brand, paper)
    for page in layout.pages:
        for region in {i.region for i in page.items}:
            boxes = sorted((i.box for i in page.items if i.region == region and i.text), key=lambda b: -b.top)
            for upper, lower in itertools.pairwise(boxes):
                overlap_x = min(upper.right, lower.right) - max(upper.x, lower.x)
                assert lower.top <= upper.y + 0.01 or overlap_x <= 0, (region, upper, lower)


def test_qr_code_is_at_least_20mm_with_quiet_zone() -> None:
    layout = layout_of(BRAND, "a4")
    outside = layout.pages[0]
    back = [i for i in outside.items if i.region == "back"]
    art = [i.flowable.icon for i in back if getattr(i.flowable, "icon", None) is not None]
    qr = max(art, key=lambda a: a.width)
    assert isinstance(qr, Art)
    assert qr.width >= 20 * MM
    # The booking link covers the QR box.
    assert outside.links[0].url == "https://clearwaterskin.co.uk/book"


def test_cover_field_reaches_the_trim_edge_and_fold() -> None:
    layout = layout_of(BRAND, "a4")
    cover = layout.sheet.sides[0].panel("cover")
    field = next(i for i in layout.pages[0].items if i.region == "cover" and not i.text)
    assert field.box.x == pytest.approx(cover.trim.x)
    assert field.box.right == pytest.approx(cover.trim.right)


def test_one_bookmark_per_section_in_reading_order() -> None:
    layout = layout_of(BRAND, "a4")
    result = built(CONTENT, BRAND, "a4")
    assert result.layout is layout
    ids = [key for _, key in layout.outline]
    marks = {m.key for page in layout.pages for m in page.bookmarks}
    assert ids == [s for s in ids if s in marks]
    assert len(ids) == len(set(ids)) == 8
