"""The press edition as a print shop sees it: black text, marks outside the bleed, ink counted, the cover's bleed.

Written for mutants that survived the suite (scripts/mutants.py, docs/mutation.md): each test says what the
mutant broke and a print shop would notice.
"""

from __future__ import annotations

import io
from collections import Counter
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pytest
from conftest import Inputs
from helpers import BRAND, CONTENT, MAPLE, sources
from painted import painted
from reportlab.pdfgen.canvas import Canvas

from brochure import api
from brochure.diagnostics import Location
from brochure.geometry.sheet import MM, trifold
from brochure.preflight.pdf import Where, check_pdf

HERE = Location("x.yaml", 1, 1)
PURE_BLACK = (0.0, 0.0, 0.0, 1.0)


def reopen(data: bytes | None) -> pikepdf.Pdf:
    assert data is not None
    return pikepdf.open(io.BytesIO(data))


def press(src: api.Sources, **options: object) -> bytes:
    result = api.build(src, api.Options(target="press", **options))  # type: ignore[arg-type]
    assert result.ok and result.pdf, [d.format() for d in result.diagnostics]
    return result.pdf


# --- body text --------------------------------------------------------------------------------------------


def test_press_body_text_is_pure_black_without_an_override(inputs: Inputs) -> None:
    """A brand with no `cmyk: text:` still prints its text in 100 % K: one plate, sharp small type, never a
    rich black that smears when the plates are a hair out of register."""
    src, diags = api.load(inputs.content, inputs.brand)
    assert src is not None and "text" not in dict(src.brand.cmyk), [d.format() for d in diags]
    doc = reopen(press(src))
    fills = Counter(fill for page in doc.pages for fill in painted(page).text_fills)
    (most, _), *_ = fills.most_common()
    assert most == PURE_BLACK, fills
    rich = [f for f in fills if len(f) == 4 and min(f[:3]) > 0 and f[3] > 0.5]
    assert not rich, rich


# --- crop and fold marks --------------------------------------------------------------------------------------

MARK = 5 * MM
GAP = 2 * MM  # between the bleed's edge and a mark: a mark that touches the bleed is queried by a print shop
FOLDS_MM = {0: (97, 197), 1: (100, 200)}  # a4 roll fold, from the trim's left: outside, inside


def expected_marks(trim: list[float], bleed: list[float], folds: tuple[float, ...]) -> set[tuple[float, ...]]:
    """Two marks per trim corner, level with the trim edges and starting 2 mm beyond the bleed's edge, pointing
    away from the sheet; one mark above and one below each fold, also beyond the bleed."""
    x0, y0, x1, y1 = trim
    bx0, by0, bx1, by1 = bleed[0] - GAP, bleed[1] - GAP, bleed[2] + GAP, bleed[3] + GAP
    marks = set()
    for x, bx, dx in ((x0, bx0, -1), (x1, bx1, 1)):
        for y, by, dy in ((y0, by0, -1), (y1, by1, 1)):
            marks.add(_segment((bx, y), (bx + dx * MARK, y)))
            marks.add(_segment((x, by), (x, by + dy * MARK)))
    for fold in folds:
        marks.add(_segment((fold, by1), (fold, by1 + MARK)))
        marks.add(_segment((fold, by0), (fold, by0 - MARK)))
    return marks


def _segment(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, ...]:
    return tuple(round(v, 1) for v in sorted([a, b]) for v in v)


def test_crop_and_fold_marks_lie_outside_the_bleed() -> None:
    """With --marks, each side of the a4 tri-fold carries 8 crop marks and 2 fold marks per fold, all in the
    slug beyond the bleed (a mark inside it would print on the leaflet), where the cutter and folder look."""
    doc = reopen(press(sources(CONTENT, BRAND), marks=True))
    for side, page in enumerate(doc.pages):
        trim = [float(v) for v in page.obj.TrimBox]
        bleed = [float(v) for v in page.obj.BleedBox]
        folds = tuple(trim[0] + x * MM for x in FOLDS_MM[side])
        want = expected_marks(trim, bleed, folds)
        got = {_segment(a, b) for a, b in painted(page).segments}
        bx0, by0, bx1, by1 = (v + d for v, d in zip(bleed, (0.1, 0.1, -0.1, -0.1), strict=True))
        beyond = {s for s in got if max(s[0], s[2]) < bx0 or min(s[0], s[2]) > bx1 or max(s[1], s[3]) < by0}
        beyond |= {s for s in got if min(s[1], s[3]) > by1}
        assert beyond == want, (sorted(want - beyond), sorted(beyond - want))
        assert len(want) == 8 + 2 * len(folds)


# --- ink ---------------------------------------------------------------------------------------------------------


def ink_errors(pdf: bytes) -> list[str]:
    return [
        d.message for d in check_pdf(pdf, trifold("a4", "press"), Where(HERE, HERE, HERE)) if "total ink" in d.message
    ]


def test_a_cmyk_picture_with_too_much_ink_is_an_error() -> None:
    """A guard, tripped here by a hand-made file: every picture is converted through a press profile that caps
    the ink at 300 %, so only a printer's own profile allowing more (or a bug) could make such a picture.
    A 2 x 2 picture of 100/100/100/100 needs 400 % ink."""
    pdf = pikepdf.new()
    image = pikepdf.Stream(pdf, b"\xff" * 16)
    image.Type, image.Subtype, image.ColorSpace = pikepdf.Name.XObject, pikepdf.Name.Image, pikepdf.Name.DeviceCMYK
    image.Width, image.Height, image.BitsPerComponent = 2, 2, 8
    page = pdf.add_blank_page(page_size=(842, 595))
    page.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=image))
    page.Contents = pikepdf.Stream(pdf, b"q 100 0 0 100 300 300 cm /Im0 Do Q")
    buf = io.BytesIO()
    pdf.save(buf)
    assert ink_errors(buf.getvalue()) == ["page 1 needs 400% total ink, over 300%"]


def test_a_stroke_with_too_much_ink_is_an_error() -> None:
    """A guard, tripped here by a hand-made file: each brand colour is also a fill somewhere (text, rules), so
    a leaflet never has heavy ink in strokes alone; but a stroke's ink (K) counts as much as a fill's (k)."""
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(842, 595))
    c.setStrokeColorCMYK(1, 0.9, 0.9, 0.8)
    c.setLineWidth(4)
    c.line(100, 100, 400, 100)
    c.save()
    assert ink_errors(buf.getvalue()) == ["page 1 needs 360% total ink, over 300%"]


# --- the flyer's cover field --------------------------------------------------------------------------------------


@pytest.mark.parametrize("brand", [BRAND, MAPLE], ids=["a4", "letter"])
def test_the_flyer_cover_field_runs_into_the_bleed_on_both_sides(brand: Path) -> None:
    """The flyer's colour field spans the sheet: in the press edition it must run on into the bleed at the left
    and the right, or a hair of a mis-cut shows a white edge. The pixels halfway through each side's bleed,
    level with the field, are the field's colour (as just inside the trim), not paper white."""
    data = press(sources(CONTENT, brand), layout="flyer")
    doc = reopen(data)
    trim = [float(v) for v in doc.pages[0].obj.TrimBox]
    media_w, media_h = (float(v) for v in doc.pages[0].obj.MediaBox[2:])
    bleed = trim[0]
    scale = 2
    pdf = pdfium.PdfDocument(data)
    try:
        image = pdf[0].render(scale=scale).to_pil().convert("RGB")
    finally:
        pdf.close()
    y = round((media_h - trim[3] + 33 * MM) * scale)  # 2 mm under the top of the field (31 mm under the trim's top)
    for in_bleed, in_trim in ((bleed / 2, bleed + 2 * MM), (media_w - bleed / 2, media_w - bleed - 2 * MM)):
        outside = image.getpixel((round(in_bleed * scale), y))
        inside = image.getpixel((round(in_trim * scale), y))
        assert inside != (255, 255, 255), "the probe missed the colour field"
        assert outside != (255, 255, 255), f"paper white in the bleed at x = {in_bleed:.1f} pt"
        assert all(abs(a - b) <= 8 for a, b in zip(outside, inside, strict=True)), (outside, inside)  # type: ignore[arg-type]
