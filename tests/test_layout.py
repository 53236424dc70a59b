"""Layout numbers: where every piece lands on the tri-fold, for both papers and both brands."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import BRAND, CONTENT, MAPLE, built, texts

from brochure.geometry.sheet import FOLD_CLEAR, MM, Rect
from brochure.layout.blocks import CALL_TO_ACTION
from brochure.layout.model import Layout, Text
from brochure.preflight.design import QUIET, qr_modules

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
            if isinstance(item, Text):
                box = panels[item.region].content
                assert box.contains(item.box, tol=0.01), (item.region, item.section, item.text, item.box, box)


@pytest.mark.parametrize(("brand", "paper"), CASES)
def test_text_keeps_5mm_from_sheet_edge_and_3mm_from_folds(brand: Path, paper: str) -> None:
    layout = layout_of(brand, paper)
    for page in layout.pages:
        for item in page.items:
            if not isinstance(item, Text):
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
            flowed = [i for i in page.items if isinstance(i, Text) and i.region == region and i.section]
            if flowed:
                assert not (flowed[-1].role == "heading" and flowed[-1].level == 2), (region, flowed[-1].text)


@pytest.mark.parametrize(("brand", "paper"), CASES)
def test_nothing_overlaps_within_a_panel(brand: Path, paper: str) -> None:
    """No two pieces' lines share ink: each line from its descenders to its capitals, against every other piece's."""
    layout = layout_of(brand, paper)
    lines = [(t, _ink(t)) for t in texts(layout)]
    for t, a in lines:
        for u, b in lines:
            if t.piece < u.piece and t.region == u.region:
                assert min(a.right, b.right) <= max(a.x, b.x) or min(a.top, b.top) <= max(a.y, b.y), (t.text, u.text)


def _ink(t: Text) -> Rect:
    low = t.baseline - 0.2 * max(r.size for r in t.runs)
    return Rect(t.box.x, low, t.box.w, t.baseline + 0.72 * max(r.size for r in t.runs) - low)


def test_qr_code_is_at_least_20mm_with_quiet_zone() -> None:
    layout = layout_of(BRAND, "a4")
    outside = layout.pages[0]
    found = qr_modules(outside)
    assert found is not None
    dark, light, module = found
    assert light is not None and dark.box.w + 2 * QUIET * module >= 20 * MM
    assert min(dark.box.x - light.box.x, light.box.right - dark.box.right) >= QUIET * module - 0.01
    # The booking link covers the QR box.
    assert outside.links[0].url == "https://clearwaterskin.co.uk/book"
    b = outside.links[0].box
    assert b.x <= light.box.x and b.right >= light.box.right and b.y <= light.box.y and b.top >= light.box.top


def test_cover_field_stops_short_of_the_fold_and_the_office_edge() -> None:
    """The office cover's colour field keeps 6 mm from the fold (twice what text keeps) and 5 mm from the sheet's
    edge (frames)."""
    layout = layout_of(BRAND, "a4")
    cover = layout.sheet.sides[0].panel("cover")
    field = [i.box for i in layout.pages[0].items if i.region == "cover" and i.bleeds]
    assert min(b.x for b in field) == pytest.approx(cover.trim.x + 6 * MM, abs=0.01)
    assert max(b.right for b in field) == pytest.approx(cover.trim.right - 5 * MM, abs=0.01)


def test_one_bookmark_per_section_in_reading_order() -> None:
    layout = layout_of(BRAND, "a4")
    result = built(CONTENT, BRAND, "a4")
    assert result.layout is layout
    ids = [key for _, key in layout.outline]
    marks = {m.key for page in layout.pages for m in page.bookmarks}
    assert ids == [s for s in ids if s in marks]
    assert len(ids) == len(set(ids)) == 9  # (the eight sections, and the call to action read last: it had none)
    assert ids[-1] == CALL_TO_ACTION and layout.outline[-1][0] == "Book a consultation"
