"""Pictures in the layout as printed: they give up height before the words give up size, and keep to their column.

Written for mutants that survived the suite (scripts/mutants.py, docs/mutation.md).
"""

from __future__ import annotations

import io

import pikepdf
import pytest
from conftest import Inputs, edit
from painted import painted
from PIL import Image

from brochure import api
from brochure.layout.model import Picture, Shape

LINE = "Words that keep going to fill the column. " * 8


def with_pictures(inputs: Inputs, pixels: tuple[int, int], paragraphs: int = 0, drawing: bool = True) -> None:
    """The small leaflet with a photo (and the skin drawing) at the top of its first section, then words."""
    Image.new("RGB", pixels, (200, 120, 100)).save(inputs.content.parent / "photo.png")
    blocks = '      - image: {src: photo.png, alt: "A photo"}\n'
    blocks += "      - illustration: {name: skin-section}\n" if drawing else ""
    blocks += "".join(f'      - text: "{LINE}"\n' for _ in range(paragraphs))
    edit(inputs.content, '      - text: "Fine needles', blocks + '      - text: "Fine needles')


def build(inputs: Inputs, **options: object) -> api.Result:
    src, diags = api.load(inputs.content, inputs.brand)
    assert src is not None, [d.format() for d in diags]
    return api.build(src, api.Options(**options))  # type: ignore[arg-type]


def heights(result: api.Result) -> tuple[float, float]:
    """(the photo's, the drawing's) printed height in points."""
    assert result.layout is not None
    items = [p for page in result.layout.pages for p in page.items if p.section]
    (photo,) = [p.box.h for p in items if isinstance(p, Picture)]
    shapes = [p.box for p in items if isinstance(p, Shape) and p.role == "figure"]
    return photo, max(b.top for b in shapes) - min(b.y for b in shapes)


def test_pictures_and_drawings_shrink_when_the_type_tightens(inputs: Inputs) -> None:
    """When the words only fit at the 9 pt floor, the photo and the drawing print at 80 % of their design
    height (at 9.5 pt, their full height): pictures give way before the type gets smaller still."""
    original = inputs.content.read_text(encoding="utf-8")
    with_pictures(inputs, (1600, 1200))
    design = build(inputs, layout="bifold")
    assert design.ok and design.layout is not None and design.layout.body_size == 9.5
    full = heights(design)
    tight = None
    for paragraphs in range(4, 20):  # more words, until they fit only at 9 pt
        inputs.content.write_text(original, encoding="utf-8")
        with_pictures(inputs, (1600, 1200), paragraphs)
        result = build(inputs, layout="bifold")
        if not result.ok:
            break
        assert result.layout is not None
        if result.layout.body_size == 9.0:
            tight = result
            break
    assert tight is not None, "no amount of words fits the bi-fold only at 9 pt"
    assert heights(tight) == pytest.approx((0.8 * full[0], 0.8 * full[1]), rel=0.01)


@pytest.mark.parametrize("pixels", [(2800, 700), (700, 2800), (1200, 900)], ids=["panorama", "tall", "4x3"])
def test_a_picture_is_drawn_within_its_column(inputs: Inputs, pixels: tuple[int, int]) -> None:
    """In the finished PDF, a picture lies inside one panel's text column, whatever its shape: a wide one is
    as wide as the column (no wider: it would cross a fold onto the next panel), a tall one as tall as three
    quarters of the column's width (no taller)."""
    with_pictures(inputs, pixels, drawing=False)
    result = build(inputs)
    assert result.ok and result.pdf is not None and result.layout is not None, result.diagnostics
    sheet = result.layout.sheet
    doc = pikepdf.open(io.BytesIO(result.pdf))
    drawn = [(side, box) for side, page in enumerate(doc.pages) for box in painted(page).images]
    assert len(drawn) == 1, drawn
    side, (x0, y0, x1, y1) = drawn[0]
    columns = [p.content for p in sheet.sides[side].panels]
    column = next((c for c in columns if c.x - 0.5 <= x0 and x1 <= c.right + 0.5), None)
    assert column is not None, f"the picture spans x = {x0:.0f} to {x1:.0f} pt, across panels"
    assert column.y - 0.5 <= y0 and y1 <= column.top + 0.5
    w, h = x1 - x0, y1 - y0
    assert w / h == pytest.approx(pixels[0] / pixels[1], rel=0.01)
    assert w <= column.w + 0.5 and h <= 0.75 * column.w + 0.5
    assert max(w / column.w, h / (0.75 * column.w)) > 0.95  # as large as its room allows (the flow's narrowest)
