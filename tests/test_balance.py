"""Balanced panels, measured from the PDF's pixels: the panels one flow of words runs through on a side of the
sheet end within 12 mm of each other in every shipped layout, and the gaps between sections vary by no more than
3 mm."""

from __future__ import annotations

import itertools
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from helpers import BRAND, CONTENT, MAPLE, sources, texts

from brochure import api
from brochure.geometry.sheet import MM
from brochure.layout import PLANS

DPI = 72
EDITIONS = list(itertools.product((BRAND, MAPLE), ("trifold", "bifold", "flyer"), ("a4", "letter")))
IDS = [f"{'maple' if b == MAPLE else 'clearwater'}-{layout}-{paper}" for b, layout, paper in EDITIONS]


def _foot(image: object, left: float, right: float, bottom: float, top: float, media_h: float) -> float:
    """How far above `bottom` (pt) the lowest inked pixel between left and right lies."""
    crop = image.crop((round(left), round(media_h - top), round(right), round(media_h - bottom))).convert("L")  # type: ignore[attr-defined]
    w, h = crop.size
    pixels = crop.load()
    for row in range(h - 1, -1, -1):
        if any(pixels[x, row] < 200 for x in range(w)):
            return float(h - 1 - row)
    return float(h)


@pytest.mark.parametrize(("brand", "layout", "paper"), EDITIONS, ids=IDS)
def test_the_panels_of_the_main_flow_end_within_12mm_of_each_other(brand: Path, layout: str, paper: str) -> None:
    result = api.build(sources(CONTENT, brand), api.Options(layout=layout, paper=paper))  # type: ignore[arg-type]
    assert result.ok and result.pdf and result.layout
    plan = PLANS[layout](result.layout.sheet)[0 if result.pages == 1 else -1]
    frames = plan.flows["main"]
    doc = pdfium.PdfDocument(result.pdf)
    try:
        images = [doc[i].render(scale=DPI / 72).to_pil() for i in range(len(doc))]
    finally:
        doc.close()
    media_h = result.layout.sheet.media.h
    for page in {f.page for f in frames}:  # the panels a reader sees side by side: one side of the sheet
        feet = [
            _foot(images[page], f.box.x, f.box.right, f.box.y, f.box.top, media_h) / MM
            for f in frames
            if f.page == page and any(t.region == f.region for t in texts(result.layout))
        ]
        assert max(feet) - min(feet) <= 12.0, [round(v, 1) for v in feet]


def test_section_gaps_vary_by_no_more_than_3mm() -> None:
    """From the lowest thing printed of a section to the top of the next section's (its heading's rule), in
    each panel the words flow through: one rhythm, grown by at most 3 mm where a panel is evened up."""
    for brand, layout, paper in EDITIONS:
        lay = api.build(sources(CONTENT, brand), api.Options(layout=layout, paper=paper)).layout  # type: ignore[arg-type]
        assert lay is not None
        gaps = []
        for page in lay.pages:
            for region in {i.region for i in page.items if i.section}:
                order: list[str] = []
                for item in sorted((i for i in page.items if i.region == region and i.section), key=lambda i: i.z):
                    if item.section not in order:
                        order.append(item.section)
                boxes = {sid: [i.box for i in page.items if i.region == region and i.section == sid] for sid in order}
                for a, b in itertools.pairwise(order):
                    gaps.append(min(x.y for x in boxes[a]) - max(x.top for x in boxes[b]))
        assert gaps and (max(gaps) - min(gaps)) / MM <= 3.0 + 0.01, (brand.name, layout, paper, sorted(gaps))
