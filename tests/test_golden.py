"""Picture goldens: the small test leaflet rendered at low resolution with one pinned renderer (pypdfium2).

On a mismatch, <name>-actual.png and <name>-diff.png are written beside the golden.
To accept a deliberate visual change: `UPDATE_GOLDENS=1 make test`, then look at the new PNGs.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from helpers import SMALL, TEST_BRAND, sources
from PIL import Image, ImageChops, ImageStat

from brochure import api
from brochure.output.preview import page_images

GOLDEN = Path(__file__).resolve().parent / "golden"
DPI = 30
THRESHOLD = 32  # a pixel differs when a channel moves by more than this (0-255)
TOLERANCE = 0.001  # at most this fraction of pixels may differ (anti-aliasing noise)


@pytest.mark.parametrize(
    ("layout", "page"),
    [(layout, page) for layout in ("trifold", "bifold", "flyer") for page in (1, 2)],
    ids=[f"{layout}-page{page}" for layout in ("trifold", "bifold", "flyer") for page in (1, 2)],
)
def test_small_leaflet_looks_as_approved(layout: str, page: int) -> None:
    import io

    result = api.build(sources(SMALL, TEST_BRAND), api.Options(layout=layout))
    pdf = result.pdf or b""
    actual = Image.open(io.BytesIO(page_images(pdf, DPI)[page - 1])).convert("RGB")
    golden = GOLDEN / f"small-{layout}-page{page}.png"
    if os.environ.get("UPDATE_GOLDENS") or not golden.exists():
        actual.save(golden, optimize=True)
        if not os.environ.get("UPDATE_GOLDENS"):
            pytest.fail(f"no golden yet: wrote {golden}; look at it, then run again")
    expected = Image.open(golden).convert("RGB")
    assert actual.size == expected.size
    diff = ImageChops.difference(actual, expected)
    changed = diff.convert("L").point(lambda v: 255 if v > THRESHOLD else 0)
    score = ImageStat.Stat(changed).mean[0] / 255
    if score > TOLERANCE:
        actual.save(GOLDEN / f"small-{layout}-page{page}-actual.png")
        diff.point(lambda v: min(255, v * 8)).save(GOLDEN / f"small-{layout}-page{page}-diff.png")
    assert score <= TOLERANCE, f"page {page}: {score:.2%} of pixels differ (see *-actual.png, *-diff.png)"
