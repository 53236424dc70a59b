"""Picture goldens: every page of the shipped leaflet in 8 editions, and of the small test leaflet in each layout,
rendered by one pinned renderer (pypdfium2) and compared exactly: every channel of every pixel.

The editions: the shipped content.yaml with both shipped brands (Clearwater, Maple & Main), office and press, A4
and Letter, as tri-folds; the small leaflet (tests/data) as tri-fold, bi-fold and flyer; and the shipped
Vietnamese and Arabic translations as Clearwater's office tri-fold, at SCRIPT_DPI, where a Vietnamese letter's
stacked marks and an Arabic word's joins are drawn apart.

60 dpi is the lowest resolution at which a step number shows its colour: a 17 pt disc is 14 pixels across and its
9 pt bold number reaches white in both brands (Maple's old-style figures are only 4-5 pt tall; at 50 dpi they
blur into the disc). A card's 16 % tint is a flat fill and shows at any resolution, to the level: 0.16 against
0.17 is one or two levels a channel, which only an exact comparison sees.

On a mismatch <name>-actual.png and <name>-diff.png (the golden faded, each pixel that differs in red) are written
beside the golden, and the failure says how many pixels differ, by how much at most and where. To accept a
deliberate visual change: `UPDATE_GOLDENS=1 make test`, then look at the new PNGs before committing them. A
missing golden is written and the test fails until it has been looked at.
"""

from __future__ import annotations

import io
import os
from functools import cache
from pathlib import Path

import pytest
from helpers import BRAND, CONTENT, MAPLE, SMALL, TEST_BRAND, result_of, sources
from PIL import Image, ImageChops

from brochure import api
from brochure.output.preview import page_images
from brochure.vocabulary import LAYOUTS, PAPERS, TARGETS

GOLDEN = Path(__file__).resolve().parent / "golden"
DPI = 60
SCRIPT_DPI = 100
TRANSLATIONS = Path(__file__).resolve().parent.parent / "translations"

SCRIPTS = ("vi", "ar")  # the translations whose pages are compared at SCRIPT_DPI

# name -> (content, brand, options); both pages of each are compared
EDITIONS: dict[str, tuple[Path, Path, api.Options]] = {
    **{
        f"trifold-{brand}-{target}-{paper}": (CONTENT, path, api.Options(target=target, paper=paper))
        for brand, path in (("clearwater", BRAND), ("maple", MAPLE))
        for target in TARGETS
        for paper in PAPERS
    },
    **{f"small-{layout}": (SMALL, TEST_BRAND, api.Options(layout=layout)) for layout in LAYOUTS},
    **{f"trifold-clearwater-{lang}": (TRANSLATIONS / f"{lang}.yaml", BRAND, api.Options()) for lang in SCRIPTS},
}
PAGES = [(name, page) for name in EDITIONS for page in (1, 2)]


@cache
def rendered(name: str) -> tuple[Image.Image, ...]:
    """The edition's pages as RGB pictures at DPI (built once for both of its pages)."""
    content, brand, options = EDITIONS[name]
    result = result_of(sources(content, brand), options)
    assert result.ok and result.pdf is not None, [d.format() for d in result.diagnostics]
    dpi = dpi_of(name)
    return tuple(Image.open(io.BytesIO(png)).convert("RGB") for png in page_images(result.pdf, dpi))


def dpi_of(name: str) -> int:
    return SCRIPT_DPI if name.rsplit("-", 1)[-1] in SCRIPTS else DPI


def difference(actual: Image.Image, expected: Image.Image, dpi: int = DPI) -> tuple[str, Image.Image | None]:
    """('', None) when the pictures are equal in every channel of every pixel, else what differs and a picture of it."""
    if actual.size != expected.size:
        return f"the page is {actual.size[0]} x {actual.size[1]} pixels, the golden {expected.size}", None
    diff = ImageChops.difference(actual, expected)
    box = diff.getbbox()
    if box is None:
        return "", None
    r, g, b = diff.split()
    most = ImageChops.lighter(ImageChops.lighter(r, g), b)  # each pixel's largest channel difference
    histogram = most.histogram()
    changed = sum(histogram[1:])
    largest = max(v for v in range(256) if histogram[v])
    left, top, right, bottom = box
    where = f"x {left}-{right - 1}, y {top}-{bottom - 1} (pixels from the top left at {dpi} dpi"
    where += f"; {left * 72 / dpi:.0f}-{right * 72 / dpi:.0f} x {top * 72 / dpi:.0f}-{bottom * 72 / dpi:.0f} pt)"
    message = f"{changed} pixels differ, by up to {largest} levels in a channel, within {where}"
    picture = expected.convert("L").point(lambda v: 192 + v // 4).convert("RGB")
    picture.paste((255, 0, 0), mask=most.point(lambda v: 255 if v else 0))
    return message, picture


@pytest.mark.parametrize(("name", "page"), PAGES, ids=[f"{name}-page{page}" for name, page in PAGES])
def test_the_page_looks_as_approved(name: str, page: int) -> None:
    actual = rendered(name)[page - 1]
    stem = f"{name}-page{page}"
    golden = GOLDEN / f"{stem}.png"
    actual_path, diff_path = GOLDEN / f"{stem}-actual.png", GOLDEN / f"{stem}-diff.png"
    if os.environ.get("UPDATE_GOLDENS") or not golden.exists():
        GOLDEN.mkdir(exist_ok=True)
        actual.save(golden, optimize=True)
        if not os.environ.get("UPDATE_GOLDENS"):
            pytest.fail(f"no golden yet: wrote {golden}; look at it, then run again")
    with Image.open(golden) as stored:
        expected = stored.convert("RGB")
    message, picture = difference(actual, expected, dpi_of(name))
    if not message:
        actual_path.unlink(missing_ok=True)  # what an earlier failure left
        diff_path.unlink(missing_ok=True)
        return
    actual.save(actual_path, optimize=True)
    if picture is not None:
        picture.save(diff_path, optimize=True)
    pytest.fail(f"{stem}: {message} (see {actual_path.name} and {diff_path.name})")
