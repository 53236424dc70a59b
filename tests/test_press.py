"""The press edition, with the PDF as the oracle: boxes, bleed, CMYK only, PDF/X-1a structure, marks."""

from __future__ import annotations

import itertools
import re
import shutil
from dataclasses import replace
from decimal import Decimal
from functools import cache
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pytest
from conftest import Inputs, edit, position
from helpers import BRAND, CONTENT, MAPLE, ROOT, frames_layout, reopen, result_of, sources, text_item

from brochure import api
from brochure.art.skin import skin_section
from brochure.geometry.sheet import INCH, MM, Rect
from brochure.layout.boxes import bounds, meet
from brochure.layout.drawings import Painted, walk
from brochure.layout.model import Ink, Shape, Text
from brochure.layout.paint import RICH_BLACK
from brochure.preflight.contrast import Colours
from brochure.preflight.press import HAIRLINE, LINE_SHAPE, check_registration, is_logo
from brochure.theme.cmyk import build_profile, cmyk_to_rgb, convert, shipped_profile
from brochure.theme.colors import difference, hex_to_color, palette_from_hex


@cache
def press(brand: Path = BRAND, paper: str | None = None, marks: bool = False) -> bytes:
    result = result_of(sources(CONTENT, brand), api.Options(paper=paper, target="press", marks=marks))
    assert result.ok and result.pdf, [d.format() for d in result.diagnostics]
    return result.pdf


def box(page: pikepdf.Page, key: str) -> list[float]:
    return [float(v) for v in page.obj[key]]


PAPERS = [
    pytest.param(BRAND, "a4", 297 * MM, 210 * MM, 3 * MM, id="a4"),
    pytest.param(MAPLE, "letter", 11 * INCH, 8.5 * INCH, 0.125 * INCH, id="letter"),
]


@pytest.mark.parametrize(("brand", "paper", "w", "h", "bleed"), PAPERS)
def test_media_is_trim_plus_bleed_with_trim_and_bleed_boxes(
    brand: Path, paper: str, w: float, h: float, bleed: float
) -> None:
    doc = reopen(press(brand, paper))
    for page in doc.pages:
        assert box(page, "/MediaBox") == pytest.approx([0, 0, w + 2 * bleed, h + 2 * bleed], abs=0.02)
        assert box(page, "/TrimBox") == pytest.approx([bleed, bleed, w + bleed, h + bleed], abs=0.02)
        assert box(page, "/BleedBox") == pytest.approx([0, 0, w + 2 * bleed, h + 2 * bleed], abs=0.02)


@pytest.mark.parametrize(("brand", "paper", "w", "h", "bleed"), PAPERS)
def test_marks_grow_the_media_and_keep_the_boxes(brand: Path, paper: str, w: float, h: float, bleed: float) -> None:
    doc = reopen(press(brand, paper, marks=True))
    slug = 9 * MM  # (2 mm clear of the bleed, 5 mm of marks, 2 mm of media beyond them)
    for page in doc.pages:
        edge = bleed + slug
        assert box(page, "/MediaBox") == pytest.approx([0, 0, w + 2 * edge, h + 2 * edge], abs=0.02)
        assert box(page, "/TrimBox") == pytest.approx([edge, edge, w + edge, h + edge], abs=0.02)
        assert box(page, "/BleedBox") == pytest.approx([slug, slug, w + edge + bleed, h + edge + bleed], abs=0.02)
        ops = [str(i.operator) for i in pikepdf.parse_content_stream(page)]
        assert "SCN" in ops  # registration colour (Separation /All) for the marks
    assert "/All" in doc.pages[0].Resources.ColorSpace


def test_no_marks_unless_asked() -> None:
    doc = reopen(press())
    assert "/ColorSpace" not in doc.pages[0].Resources


@pytest.mark.parametrize("brand", [BRAND, MAPLE], ids=["clearwater", "maple"])
def test_only_cmyk_colour_and_at_most_300_percent_ink(brand: Path) -> None:
    doc = reopen(press(brand))
    for page in doc.pages:
        for instruction in pikepdf.parse_content_stream(page):
            op = str(instruction.operator)
            assert op not in ("rg", "RG", "g", "G", "sc", "SC"), op
            if op in ("k", "K"):
                assert sum(float(v) for v in instruction.operands) <= 3.0
        for image in page.get_images().values():
            assert image.ColorSpace == "/DeviceCMYK"


def test_body_text_is_100_percent_black() -> None:
    doc = reopen(press())
    fills = {
        tuple(float(v) for v in i.operands)
        for p in doc.pages
        for i in pikepdf.parse_content_stream(p)
        if str(i.operator) == "k"
    }
    assert (0.0, 0.0, 0.0, 1.0) in fills
    assert not any(c > 0 and m > 0 and y > 0 and k > 0.9 for c, m, y, k in fills)  # no rich black


def test_pdfx_1a_structure() -> None:
    doc = reopen(press())
    assert doc.pdf_version == "1.3"
    assert str(doc.docinfo.GTS_PDFXVersion) == "PDF/X-1:2001"
    assert str(doc.docinfo.GTS_PDFXConformance) == "PDF/X-1a:2001"
    assert doc.docinfo.Trapped == pikepdf.Name("/False")
    assert str(doc.docinfo.Title)
    (intent,) = doc.Root.OutputIntents
    assert intent.S == "/GTS_PDFX"
    assert str(intent.OutputConditionIdentifier) == "FOGRA39"
    assert intent.DestOutputProfile.N == 4
    assert intent.DestOutputProfile.read_bytes()[36:40] == b"acsp"  # an ICC profile
    assert "/ID" in doc.trailer
    for page in doc.pages:
        assert "/Annots" not in page.obj
        for _, font in page.Resources.Font.items():
            assert "/FontFile2" in font.FontDescriptor
    assert doc.check_pdf_syntax() == []  # qpdf --check


def test_the_cover_colour_field_really_extends_into_the_bleed() -> None:
    data = press()
    doc = pdfium.PdfDocument(data)
    image = doc[0].render(scale=1).to_pil().convert("RGB")
    w, h = image.size
    bleed = 3 * MM
    x_in_bleed = round(w - bleed / 2)  # halfway through the right-hand bleed
    y = round(h * 0.4)  # through the colour field, measured from the top
    r, g, b = image.getpixel((x_in_bleed, y))  # type: ignore[misc]
    assert (r, g, b) != (255, 255, 255)
    assert b > r  # the teal field, not paper


def test_press_builds_are_byte_identical() -> None:
    src = sources()
    options = api.Options(target="press", marks=True)
    assert api.build(src, options).pdf == api.build(src, options).pdf


def test_office_edition_keeps_links_duplex_hint_and_no_bleed() -> None:
    from helpers import built

    doc = reopen(built().pdf or b"")
    assert any("/Annots" in p.obj for p in doc.pages)
    assert doc.Root.ViewerPreferences.Duplex == "/DuplexFlipShortEdge"
    assert "/TrimBox" not in doc.pages[0].obj
    assert "/OutputIntents" not in doc.Root
    assert len(built().pdf or b"") < len(press())


def test_no_transparency_anywhere() -> None:
    doc = reopen(press())
    for page in doc.pages:
        for _, gs in page.Resources.get("/ExtGState", {}).items():
            assert float(gs.get("/CA", 1)) == 1 and float(gs.get("/ca", 1)) == 1
            assert gs.get("/SMask", pikepdf.Name.None_) in (pikepdf.Name.None_, None)
        for image in page.get_images().values():
            assert "/SMask" not in image


def _output_intent(brand: Path) -> dict[str, str]:
    """The press edition's one output intent, its keys' values as text, for the words and this kit."""
    src, diags = api.load(CONTENT, brand)
    assert src is not None, [d.format() for d in diags]
    result = api.build(src, api.Options(target="press"))
    assert result.ok, [d.format() for d in result.diagnostics]
    doc = reopen(result.pdf or b"")
    (intent,) = doc.Root.OutputIntents
    return {key: str(value) for key, value in intent.items() if not isinstance(value, pikepdf.Stream)}


def test_a_brand_can_name_its_printers_own_profile(inputs_with_profile: Path) -> None:
    intent = _output_intent(inputs_with_profile)
    assert intent["/OutputConditionIdentifier"] == "Custom"
    assert "FOGRA39" in intent["/OutputCondition"]


def test_a_profiles_description_is_written_into_the_output_intent_without_its_control_characters(
    inputs_with_profile: Path,
) -> None:
    """A kit's own profile describes itself with an escape and a line break inside: the output intent (what a print
    shop's preflight shows of the printing condition) says it on one line, each such character a space."""
    profile = inputs_with_profile.parent / "printer.icc"
    data = profile.read_bytes()
    profile.write_bytes(data.replace(b"FOGRA39 coated", b"FOG\x1bA\n9 coated", 1))
    intent = _output_intent(inputs_with_profile)
    for key in ("/OutputCondition", "/Info"):
        assert intent[key] == "Brochure FOG A 9 coated 300% (FOGRA39L data)"


def test_an_rgb_profile_is_refused(inputs_with_profile: Path) -> None:
    from PIL import ImageCms

    (inputs_with_profile.parent / "printer.icc").write_bytes(
        ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    )
    src, diags = api.load(CONTENT, inputs_with_profile)
    assert src is None
    (msg,) = [d.format() for d in diags]
    assert "the profile is for RGB, not CMYK" in msg and "[at colors.profile]" in msg


@pytest.fixture
def inputs_with_profile(tmp_path: Path) -> Path:
    """A copy of the default brand kit that names its own printer profile."""
    import shutil

    from brochure.theme.cmyk import DEFAULT_PROFILE

    kit = tmp_path / "kit"
    shutil.copytree(BRAND.parent, kit, ignore=shutil.ignore_patterns("brands"))
    shutil.copy(DEFAULT_PROFILE, kit / "printer.icc")
    text = (kit / "brand.yaml").read_text()
    (kit / "brand.yaml").write_text(text.replace("  cmyk:", "  profile: printer.icc\n  cmyk:", 1))
    return kit / "brand.yaml"


def test_a_press_build_leaves_the_next_office_build_in_the_process_unchanged() -> None:
    """Builds share nothing: the press edition's colour conversion must not reach the brand's own drawings."""
    src, _ = api.load(CONTENT, BRAND)
    assert src is not None
    first = api.build(src, api.Options())
    api.build(src, api.Options(target="press"))
    again = api.build(src, api.Options())
    assert first.pdf == again.pdf


def _intent(data: bytes) -> tuple[str, bytes]:
    doc = reopen(data)
    intent = doc.Root.OutputIntents[0]
    return str(intent.OutputConditionIdentifier), intent.DestOutputProfile.read_bytes()


def test_a_letter_kit_prints_for_a_us_press_and_an_a4_kit_for_a_european_one() -> None:
    """The printing condition follows the kit's paper: Maple & Main (Letter, Vermont) goes through the GRACoL
    profile and declares CGATS TR 006; Clearwater (A4, Bristol) FOGRA39."""
    from brochure.theme.cmyk import PRINTING_CONDITIONS

    us = result_of(sources(CONTENT, MAPLE), api.Options(target="press"))
    uk = result_of(sources(), api.Options(target="press"))
    assert us.ok and uk.ok
    assert _intent(us.pdf or b"") == ("CGATS TR 006", PRINTING_CONDITIONS["gracol"].profile.read_bytes())
    assert _intent(uk.pdf or b"") == ("FOGRA39", PRINTING_CONDITIONS["fogra39"].profile.read_bytes())


def test_a_kit_may_choose_its_printing_condition(inputs: Inputs) -> None:
    edit(inputs.brand, "paper: a4\n", "paper: a4\npress: {condition: gracol}\n")
    src, _ = api.load(inputs.content, inputs.brand)
    assert src is not None
    result = api.build(src, api.Options(target="press"))
    assert result.ok and _intent(result.pdf or b"")[0] == "CGATS TR 006"


def test_a_condition_that_is_not_one_is_an_error_at_its_key(inputs: Inputs) -> None:
    edit(inputs.brand, "paper: a4\n", "paper: a4\npress: {condition: swop}\n")
    _, diags = api.load(inputs.content, inputs.brand)
    (d,) = [d for d in diags if d.is_error]
    assert d.location.key == "press.condition" and "fogra39" in d.format() and "gracol" in d.format()


def _text_overprint(page: pikepdf.Page) -> list[tuple[tuple[float, ...], bool]]:
    """(fill colour, overprint on) for every text-showing operator of the page, read from its content stream."""
    states = page.Resources.get("/ExtGState", {})
    op, fill, stack, out = False, (), [], []
    for operands, operator in pikepdf.parse_content_stream(page):
        name = str(operator)
        if name == "q":
            stack.append((op, fill))
        elif name == "Q":
            op, fill = stack.pop()
        elif name == "gs":
            op = bool(states[operands[0]].get("/op", op))
        elif name in ("k", "rg", "g"):
            fill = tuple(round(float(v), 3) for v in operands)
        elif name in ("Tj", "TJ", "'", '"'):
            out.append((fill, op))
    return out


@pytest.mark.parametrize("brand", [BRAND, MAPLE], ids=["clearwater", "maple"])
def test_black_text_overprints_and_coloured_text_knocks_out(brand: Path) -> None:
    """In the press edition 100 % K text overprints (mode 1), so a hair of misregistration never shows a white
    edge around the letters; text in any other colour knocks out as usual."""
    doc = reopen(result_of(sources(CONTENT, brand), api.Options(target="press")).pdf or b"")
    shown = [fo for page in doc.pages for fo in _text_overprint(page)]
    black = [op for fill, op in shown if fill == (0.0, 0.0, 0.0, 1.0)]
    other = [op for fill, op in shown if fill != (0.0, 0.0, 0.0, 1.0)]
    assert black and all(black) and other and not any(other)
    states = [dict(v) for page in doc.pages for v in page.Resources.ExtGState.values()]
    assert {"/OPM": 1} in states


def test_fold_marks_are_dashed_and_crop_marks_solid() -> None:
    """A folder reads a dashed mark as 'fold here', a cutter a solid one as 'cut here'."""
    doc = reopen(result_of(sources(), api.Options(target="press", marks=True)).pdf or b"")
    dashes = [
        [float(v) for v in operands[0]]
        for operands, operator in pikepdf.parse_content_stream(doc.pages[0])
        if str(operator) == "d"
    ]
    assert dashes == [[3.0, 2.0]] * 4  # the two folds' four marks; the eight crop marks keep the solid default


@pytest.mark.parametrize("brand", [BRAND, MAPLE], ids=["clearwater", "maple"])
def test_no_tint_asks_a_plate_for_1_to_4_percent(brand: Path) -> None:
    """Tints (cards, notes, the cover's layers) and converted brand colours: each plate 0 or at least 5 %, as
    set in the PDF (a 2 % dot prints unevenly)."""
    doc = reopen(result_of(sources(CONTENT, brand), api.Options(target="press")).pdf or b"")
    values = {
        round(float(v), 4)
        for page in doc.pages
        for operands, operator in pikepdf.parse_content_stream(page)
        if str(operator) in ("k", "K")
        for v in operands
    }
    assert values and not [v for v in values if 0 < v < 0.0499], sorted(values)


def test_the_creation_date_is_the_leaflets_own_without_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without SOURCE_DATE_EPOCH the PDF is dated the leaflet's publication day (document control), not the
    writer's 2000-01-01; with it, that time. Either way the same inputs give the same bytes."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    first = api.build(sources(), api.Options())
    doc = reopen(first.pdf or b"")
    assert str(doc.docinfo["/CreationDate"]) == "D:20261201000000+00'00'"  # published: 2026-12-01
    assert api.build(sources(), api.Options()).pdf == first.pdf
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1798761600")  # 2027-01-01
    later = reopen(api.build(sources(), api.Options()).pdf or b"")
    assert str(later.docinfo["/CreationDate"]).startswith("D:20270101")


def test_each_edition_has_its_own_file_identifier() -> None:
    ids = set()
    for layout, target in itertools.product(("trifold", "bifold", "flyer"), ("office", "press")):
        pdf = result_of(sources(), api.Options(layout=layout, target=target)).pdf or b""
        ids.add(bytes(reopen(pdf).trailer.ID[0]))
    assert len(ids) == 6


Inked = list[tuple[float, tuple[float, ...]]]


def _fine_inks(page: pikepdf.Page) -> tuple[Inked, Inked]:
    """(size as printed, CMYK fill) of every text-showing operator and (width, CMYK stroke) of every stroke."""
    fill: tuple[float, ...] = ()
    stroke: tuple[float, ...] = ()
    width, size, scale = 1.0, 0.0, 1.0
    stack: list[tuple[tuple[float, ...], tuple[float, ...], float, float, float]] = []
    shown: Inked = []
    stroked: Inked = []
    for operands, operator in pikepdf.parse_content_stream(page):
        name, n = str(operator), [float(v) for v in operands if isinstance(v, (int, float, Decimal))]
        if name == "q":
            stack.append((fill, stroke, width, size, scale))
        elif name == "Q":
            fill, stroke, width, size, scale = stack.pop()
        elif name == "k":
            fill = tuple(n)
        elif name == "K":
            stroke = tuple(n)
        elif name == "w":
            width = n[0]
        elif name == "Tf":
            size = float(operands[1])
        elif name == "Tm":
            scale = n[3]
        elif name in ("Tj", "TJ"):
            shown.append((size * scale, fill))
        elif name in ("S", "s", "B", "B*", "b", "b*"):
            stroked.append((width, stroke))
    return shown, stroked


@pytest.mark.parametrize("layout", ["trifold", "bifold", "flyer"])
@pytest.mark.parametrize("brand", [BRAND, MAPLE], ids=["clearwater", "maple"])
def test_no_small_coloured_type_or_hairline_is_built_from_three_plates(brand: Path, layout: str) -> None:
    """Read from the press PDF: coloured text under 10 pt and lines under 0.5 pt use at most two plates (the
    kicker, card titles and the clinic's name on the cover were 8-9.5 pt in the brand colour, the drawing's
    hairlines 0.3-0.45 pt in tints of three plates); black text and marks are one plate."""
    result = result_of(sources(CONTENT, brand), api.Options(layout=layout, target="press"))  # type: ignore[arg-type]
    assert result.ok, [d.format() for d in result.diagnostics]
    assert not [d for d in result.diagnostics if "misregistration" in d.message]
    shown: Inked = []
    stroked: Inked = []
    for page in reopen(result.pdf or b"").pages:
        s, k = _fine_inks(page)
        shown += s
        stroked += k

    def plates(ink: tuple[float, ...]) -> int:
        return sum(v > 0 for v in ink)

    assert shown and stroked
    assert not [(size, ink) for size, ink in shown if size < 9.99 and plates(ink) >= 3]
    assert not [(w, ink) for w, ink in stroked if w < 0.495 and plates(ink) >= 3]
    assert [size for size, ink in shown if plates(ink) >= 3 and size < 10.5]  # brand colour at 10 pt is used


def _with_a_logo_line(inputs: Inputs, colour: str, width: float, filled: bool = False) -> api.Sources:
    """The test kit with a logo of a square and a line in `colour`, `width` units wide (about that in points):
    stroked, or `filled` (a rectangle, as a drawing program outlines a stroke)."""
    line = (
        f'<rect x="50" y="5" width="60" height="{width:g}" fill="{colour}"/>'
        if filled
        else f'<path d="M50 5 L110 5" stroke="{colour}" stroke-width="{width:g}"/>'
    )
    return _with_logo(inputs, line)


def _with_logo(inputs: Inputs, drawn: str) -> api.Sources:
    """The test kit's sources with a logo of a teal square and `drawn` (SVG elements) beside it, 120 x 40 units."""
    (inputs.kit / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" viewBox="0 0 120 40">'
        f'<rect x="0" y="0" width="40" height="40" fill="#1D5C63"/>{drawn}</svg>',
        encoding="utf-8",
    )
    src, diags = api.load(inputs.content, inputs.brand)
    assert src is not None, [d.format() for d in diags]
    return src


def test_a_hairline_in_the_logo_built_from_four_plates_is_named(inputs: Inputs) -> None:
    """A 0.3 pt grey line in the logo converts to four plates: press warns at 'logo'; office says nothing."""
    src = _with_a_logo_line(inputs, "#555555", 0.3)
    press_result = api.build(src, api.Options(target="press"))
    (d,) = [d for d in press_result.diagnostics if "misregistration" in d.message]
    assert d.location.key == "logo" and "4 plates" in d.message and "0.3" in d.message and press_result.ok
    assert not [d for d in api.build(src, api.Options()).diagnostics if "misregistration" in d.message]


def test_a_line_too_thin_for_a_press_is_named_in_any_colour(inputs: Inputs) -> None:
    """A 0.05 pt black line in the logo (one plate: no misregistration) passed in silence; a press holds no line
    under 0.2 pt (print-facts.md): a warning at 'logo'; office says nothing."""
    src = _with_a_logo_line(inputs, "#000000", 0.05)
    press_result = api.build(src, api.Options(target="press"))
    (d,) = [d for d in press_result.diagnostics if "does not hold a line that thin" in d.message]
    assert d.location.key == "logo" and "lines under 0.2 pt (0.05 pt, the logo)" in d.message and press_result.ok
    assert not [d for d in press_result.diagnostics if "misregistration" in d.message]
    assert not [d for d in api.build(src, api.Options()).diagnostics if "line that thin" in d.message]


@pytest.mark.parametrize(("colour", "width", "said"), [("#000000", 0.05, "thin"), ("#555555", 0.3, "4 plates")])
def test_a_line_drawn_as_a_filled_shape_is_judged_as_a_line(
    inputs: Inputs, colour: str, width: float, said: str
) -> None:
    """A line outlined into a filled rectangle (a drawing program's "Expand Appearance", the hint for a refused
    SVG) passed where the same stroke was warned: judged by its width across, as a line is."""
    press_result = api.build(_with_a_logo_line(inputs, colour, width, filled=True), api.Options(target="press"))
    (d,) = [d for d in press_result.diagnostics if "filled lines under" in d.message]
    (inputs.kit / "logo.svg").write_text(  # (dots as small are no lines: not said to be)
        (inputs.kit / "logo.svg")
        .read_text(encoding="utf-8")
        .replace(
            f'<rect x="50" y="5" width="60" height="{width:g}"',
            f'<rect x="50" y="5" width="{width:g}" height="{width:g}"',
        ),
        encoding="utf-8",
    )
    dots, _ = api.load(inputs.content, inputs.brand)
    assert dots is not None
    assert not [d for d in api.build(dots, api.Options(target="press")).diagnostics if "filled lines" in d.message]
    assert d.location.key == "logo" and said in d.message and " pt across, the logo)" in d.message, d


def _with_logo_lettering(inputs: Inputs, colour: str, *more: str) -> api.Sources:
    """The test kit with a logo of a square and a line of "lettering" under it: twelve bars 0.6 units wide and 5
    tall in `colour`, one path, as a drawing program outlines small type (0.54 pt across on average, as printed in
    a tri-fold: finer than 10 pt type's strokes); a line more above it for each of `more`'s colours."""
    lines = "".join(
        f'<path d="{"".join(f"M{50 + 4 * i} {30 - 8 * n} h0.6 v5 h-0.6 Z " for i in range(12))}" fill="{c}"/>'
        for n, c in enumerate((colour, *more))
    )
    return _with_logo(inputs, lines)


def test_small_lettering_in_the_logo_built_from_three_plates_is_named(inputs: Inputs) -> None:
    """The shipped logos' 2 mm taglines ("SKIN CLINIC") printed in three and four plates, unjudged (only lines
    were): lettering as fine as 10 pt type's, in a grey the profile builds of four plates, is warned at 'logo' on
    press; in the kit's text colour (printed 100 % K, as the kit's text is) or in large print (the logo taller,
    its strokes 0.9 pt) it is not, nor in the office edition."""
    grey = _with_logo_lettering(inputs, "#555555")
    press_result = api.build(grey, api.Options(target="press"))
    (d,) = [d for d in press_result.diagnostics if "misregistration" in d.message]
    assert d.location.key == "logo" and "4 plates" in d.message and "lettering or details finer than 10 pt" in d.message
    assert "0.5" in d.message and "small lettering in a colour of one or two plates" in (d.hint or "")
    large = api.build(grey, api.Options(target="press", layout="large-print"))
    assert large.ok and not [d for d in large.diagnostics if "misregistration" in d.message]
    assert not [d for d in api.build(grey, api.Options()).diagnostics if "misregistration" in d.message]
    text_colour = api.build(_with_logo_lettering(inputs, "#1F2A2E"), api.Options(target="press"))
    assert text_colour.ok and not [d for d in text_colour.diagnostics if "misregistration" in d.message]


def test_small_lettering_filled_even_odd_is_named_whichever_way_its_counters_run(inputs: Inputs) -> None:
    """Lettering filled even-odd (fill-rule="evenodd") whose counters run the same way round as their letters: its
    counters were counted as filled, the rings (0.35 units wide, 0.3 pt as printed) measured 3 pt across and the
    misregistration risk went unwarned; drawn the other way round, it was warned."""
    for sweep in ("1", "0"):
        rings = "".join(
            f"M{50 + 6 * i} 32 a2.5 2.5 0 1 1 5 0 a2.5 2.5 0 1 1 -5 0 Z "
            f"M{50.35 + 6 * i} 32 a2.15 2.15 0 1 {sweep} 4.3 0 a2.15 2.15 0 1 {sweep} -4.3 0 Z"
            for i in range(12)
        )
        (inputs.kit / "logo.svg").write_text(
            '<svg xmlns="http://www.w3.org/2000/svg" width="130" height="40" viewBox="0 0 130 40">'
            '<rect x="0" y="0" width="40" height="40" fill="#1D5C63"/>'
            f'<path d="{rings}" fill="#555555" fill-rule="evenodd"/></svg>',
            encoding="utf-8",
        )
        src, diags = api.load(inputs.content, inputs.brand)
        assert src is not None, [d.format() for d in diags]
        result = api.build(src, api.Options(target="press"))
        (d,) = [d for d in result.diagnostics if "misregistration" in d.message]
        assert d.location.key == "logo" and "lettering or details finer than 10 pt" in d.message, (sweep, d)


def test_small_lettering_in_the_logo_is_said_for_each_colour_a_kits_told_to_rebuild(inputs: Inputs) -> None:
    """A tagline in the kit's accent (three plates) and a copy in a grey (four): only the first colour was said, the
    second seen once the first was mended; each is said at 'logo', the accent's hint naming its `cmyk:` build."""
    src = _with_logo_lettering(inputs, "#E07A5F", "#777777")
    said = [d for d in api.build(src, api.Options(target="press")).diagnostics if "lettering or details" in d.message]
    assert len(said) == 2 and all(d.location.key == "logo" for d in said), [d.format() for d in said]
    accent = next(d for d in said if "colors.accent" in d.message)
    assert "colors.cmyk.accent" in (accent.hint or "") and "3 plates" in accent.message
    assert any("4 plates" in d.message and "colors.accent" not in d.message for d in said)


def test_a_logo_colour_of_the_kit_prints_as_the_kit_prints_it() -> None:
    """The logo's teal is the kit's primary, whose press build the kit gives (`cmyk: primary: [85, 35, 40, 25]`):
    the cover's field printed that build and the logo beside it the profile's own conversion (64/0/22/64), two
    teals side by side, and a kit's one- or two-plate build (the hint for a fringing logo) did not reach the logo.
    Read from the frames and the PDF: the logo's fills are the kit's builds, and no fill is the conversion."""
    result = result_of(sources(), api.Options(target="press"))
    assert result.layout is not None and result.pdf is not None
    profile = build_profile(sources().brand)
    converted = convert(hex_to_color("#1D5C63"), profile)
    conversion = (converted.cyan, converted.magenta, converted.yellow, converted.black)
    logo = [
        i.fill.values for p in result.layout.pages for i in p.items if is_logo(i) and isinstance(i, Shape) and i.fill
    ]
    assert (0.85, 0.35, 0.4, 0.25) in logo and logo.count((0.0, 0.0, 0.0, 1.0)) == 1  # (the tagline: text colour)
    pdf = reopen(result.pdf)
    fills = [
        tuple(float(v) for v in operands)
        for operands, op in pikepdf.parse_content_stream(pdf.pages[0])
        if str(op) == "k"
    ]
    assert fills and not [f for f in fills if max(abs(a - b) for a, b in zip(f, conversion, strict=True)) < 0.002]


def test_small_text_in_a_brand_colour_of_three_plates_is_named_a_guard() -> None:
    """A guard (the styles set brand-coloured type at 10 pt or more): a hand-made 9 pt line in the primary's
    CMYK is named as colors.cmyk.primary; at 10 pt, or in black, it is not."""
    src = sources()
    primary = Ink("cmyk", (0.85, 0.35, 0.4, 0.25))
    names = ((primary, "colors.cmyk.primary"), (Ink("cmyk", (0, 0, 0, 0)), "colors.background"))
    colours = Colours(True, None, names, (), frozenset())

    def line(size: float, ink: Ink) -> list[str]:
        item = text_item(Rect(100, 100, 50, 10), size=size)
        item = replace(item, runs=tuple(replace(r, ink=ink) for r in item.runs))
        return [d.message for d in check_registration(frames_layout(item, target="press"), src.brand, colours)]

    (message,) = line(9.0, primary)
    assert "colors.cmyk.primary" in message and "4 plates" in message and "9 pt" in message
    (three,) = line(9.0, Ink("cmyk", (0.32, 0.74, 0.0, 0.59)))  # Maple's plum: three plates fringe as well
    assert "3 plates (C 32% M 74% K 59%)" in three
    assert line(9.0, Ink("cmyk", (1.0, 0.0, 0.0, 0.3))) == []  # two plates: fine
    assert line(10.0, primary) == [] and line(9.0, Ink("cmyk", (0, 0, 0, 1.0))) == []


@pytest.mark.parametrize("brand", [BRAND, MAPLE], ids=["clearwater", "maple-main"])
def test_every_font_maps_its_codes_to_characters_and_none_to_nothing(brand: Path) -> None:
    """Copying text from the press PDF (a print shop's proof, a search) gives the words: every font's ToUnicode map
    gives each code a character, and none maps a code to U+0000 (ReportLab writes such entries for the unused
    control codes of a font's first subset; they are left out, as in the office edition)."""
    pdf = reopen(press(brand))
    fonts = [o for o in pdf.objects if isinstance(o, pikepdf.Dictionary) and o.get("/Type") == "/Font"]
    maps = [f.ToUnicode.read_bytes() for f in fonts if "/ToUnicode" in f]
    assert maps and len(maps) == len([f for f in fonts if f.get("/Subtype") == "/TrueType"])
    for cmap in maps:
        pairs = re.findall(rb"<([0-9A-Fa-f]+)> <([0-9A-Fa-f]+)>", cmap.split(b"endcodespacerange", 1)[1])
        assert pairs and all(int(char, 16) != 0 for _, char in pairs)


PAPER_WHITE = ((0.0, 0.0, 0.0, 0.0), (1.0, 1.0, 1.0))  # (the quiet zone, in CMYK and in RGB)


def test_the_qr_code_prints_in_black_alone_whatever_the_text_colour(inputs: Inputs) -> None:
    """A kit's `cmyk: text` of four plates (a rich black) printed the QR code's modules on four plates too, which
    fringe when the plates land apart: the modules are 100 % K; the office edition's are the text colour."""
    edit(inputs.brand, "    primary: [85, 35, 40, 25]", "    primary: [85, 35, 40, 25]\n    text: [60, 40, 40, 100]")
    src, diags = api.load(inputs.content, inputs.brand)
    assert src is not None, [d.format() for d in diags]
    text = (0x1F / 255, 0x2A / 255, 0x2E / 255)  # (the kit's text colour, #1F2A2E)
    for target, dark in (("press", (0.0, 0.0, 0.0, 1.0)), ("office", text)):
        result = api.build(src, api.Options(target=target))
        assert result.ok and result.layout is not None, [d.format() for d in result.diagnostics]
        modules = {
            i.fill.values
            for page in result.layout.pages
            for i in page.items
            if isinstance(i, Shape) and i.role == "qr" and i.fill is not None and i.fill.values not in PAPER_WHITE
        }
        body = {i.runs[0].ink.values for page in result.layout.pages for i in page.items if isinstance(i, Text)}
        assert modules == {dark}
        assert target == "office" or (0.6, 0.4, 0.4, 1.0) in body  # (the override still colours the text)


def test_a_logos_black_prints_on_the_black_plate_alone(inputs: Inputs) -> None:
    """#000000 through the press profile is a rich black of about 260 % (67/59/45/93 in FOGRA39): a logo's small
    black lettering printed on four plates, with no word; #231F20 (100 % K as a design program exports it) was 292 %.
    Black is 100 % K; the logo's other colours convert."""
    (inputs.kit / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" viewBox="0 0 120 40">'
        '<rect width="40" height="40" fill="#1D5C63"/><rect x="50" width="70" height="6" fill="#000000"/>'
        '<rect x="50" y="10" width="70" height="6" fill="#231F20"/></svg>',  # (100 % K as design programs write it)
        encoding="utf-8",
    )
    src, diags = api.load(inputs.content, inputs.brand)
    assert src is not None, [d.format() for d in diags]
    result = api.build(src, api.Options(target="press"))
    assert result.ok and result.pdf, [d.format() for d in result.diagnostics]
    fills = {
        tuple(round(float(v), 3) for v in i.operands)
        for p in reopen(result.pdf).pages
        for i in pikepdf.parse_content_stream(p)
        if str(i.operator) == "k"
    }
    assert not [f for f in fills if f[3] > 0.9 and sum(f[:3]) > 0], fills  # no rich black
    assert (0.0, 0.0, 0.0, 1.0) in fills and len([f for f in fills if f[3] < 0.9 and min(f[:2]) > 0]) >= 1


def test_a_black_brand_colour_prints_on_the_black_plate_alone() -> None:
    """A kit's primary of #050505 printed its 10-14 pt headings and card titles in a rich black of 251 %, which
    fringes on four plates: a black (neutral, every channel at most #30) is 100 % K; so is a brown-black too dark
    for its hue to show (#1A0F0A printed 40/46/40/94 in its headings and knocked-out step numbers); a dark colour
    (a navy-black, a green-black, a deep brown) is not."""
    from brochure.theme.cmyk import convert

    profile = shipped_profile(Path(api.__file__).parent / "data/icc/brochure-fogra39-300.icc")
    for black in ("#000000", "#050505", "#231F20", "#1A1A1A", "#302828", "#1A0F0A", "#0B0D10"):
        c = convert(hex_to_color(black), profile)
        assert (c.cyan, c.magenta, c.yellow, c.black) == (0, 0, 0, 1), black
    for dark in ("#1F3A5F", "#2B2230", "#3A3A3A", "#301010", "#101828", "#0A1A10", "#2B1B17", "#1F2A2E"):
        # (navy, plum-black, a grey, a deep red, navy-black, green-black, a deep brown, the shipped text colour)
        c = convert(hex_to_color(dark), profile)
        assert c.cyan + c.magenta + c.yellow > 0, dark


@pytest.mark.parametrize(("colour", "said"), [("#8B0000", True), ("#2A2A6E", True), ("#1F2A2E", False)])
def test_a_text_colour_the_press_prints_black_is_said(inputs: Inputs, colour: str, said: bool) -> None:
    """Dark red or navy text printed black in the print shop's edition (body text is 100 % K there), unsaid, while
    the office proof the clinic approved was red or navy: a warning at colors.text (not for a near-black)."""
    text = edit(inputs.brand, 'text: "#1F2A2E"', f'text: "{colour}"')
    src, diags = api.load(inputs.content, inputs.brand)
    assert src is not None, [d.format() for d in diags]
    found = [d for d in api.build(src, api.Options(target="press")).diagnostics if "text in black" in d.message]
    assert [d.location.line for d in found] == ([text[: text.index(colour)].count("\n") + 1] if said else [])
    assert all(d.location.key == "colors.text" and colour in d.message for d in found)


def test_a_cmyk_override_far_from_its_colour_is_warned_in_the_press_edition(inputs: Inputs) -> None:
    """`cmyk: {background: [0, 0, 100, 0]}` for a white background printed every card and callout tint yellow in the
    print shop's edition, with no word, while the office proof looked right. An override that prints far from the
    kit's colour is a warning at its line in the press edition; a tuning (the shipped primary's) is none, nor is the
    office edition told (it does not print the override)."""
    text = edit(
        inputs.brand, "    primary: [85, 35, 40, 25]", "    primary: [85, 35, 40, 25]\n    background: [0, 0, 100, 0]"
    )
    src, diags = api.load(inputs.content, inputs.brand)
    assert src is not None, [d.format() for d in diags]
    press, office = (api.build(src, api.Options(target=t)) for t in ("press", "office"))
    (found,) = [d for d in press.diagnostics if "far from the kit's" in d.message]
    line = text[: text.index("background: [0, 0, 100, 0]")].count("\n") + 1
    assert not found.is_error and found.location.line == line and found.location.key == "colors.cmyk.background"
    assert found.message.startswith("the press edition prints background as 0/0/100/0 % CMYK, far from the kit's")
    assert not [d for d in office.diagnostics if "far from the kit's" in d.message]
    shipped = result_of(sources(), api.Options(target="press"))  # (primary: 85/35/40/25, text: 0/0/0/100)
    assert not [d for d in shipped.diagnostics if "far from the kit's" in d.message]


@pytest.mark.parametrize(
    ("key", "colour", "plates", "told"),
    [
        ("primary", "#00FFFF", (100, 0, 0, 0), False),  # a screen's cyan no press prints: process cyan is its best
        ("primary", "#FF00FF", (0, 100, 0, 0), False),
        ("primary", "#005EB8", (100, 50, 0, 0), False),  # a brand blue, matched by hand
        ("secondary", "#7FB7BE", (0, 0, 0, 0), True),  # the artwork's colour as paper white
    ],
)
def test_an_override_is_judged_against_what_the_press_does_with_the_colour(
    key: str, colour: str, plates: tuple[float, float, float, float], told: bool
) -> None:
    """A vivid colour no press can print differs from any CMYK far (a screen's #00FFFF from process cyan by 55): the
    override is told only when it prints far farther from the kit's colour than the condition's own conversion."""
    from brochure.preflight.press import check_overrides

    kit = sources().brand
    colours = dict(kit.colors) | {key: colour}
    kit = replace(kit, colors=tuple(colours.items()), cmyk=((key, plates),))
    assert bool(check_overrides(kit, build_profile(kit))) is told


@pytest.mark.parametrize("width", [150.0, 164.43])
def test_no_fat_lobule_prints_as_a_sliver_at_the_drawings_edge(width: float) -> None:
    """A lobule of the skin drawing's fat layer whose edge the block's edge cut a hair inside printed as a line
    0.02 pt across (a kit in Poppins, the flyer's drawing, its labels' gutter so wide): the press check warned at
    the kit's colours to "draw the lines at least 0.2 pt wide", which a clinic cannot. None shows under 0.5 pt."""
    pal = palette_from_hex("#83636E", "#FCE4EC", "#E91E63", "#1F2A2E", "#FFFFFF")
    labels = {"epidermis": "Top layer (epidermis)", "dermis": "Deeper layer (dermis)", "needles": "Fine needles"}
    drawing = skin_section(
        width, min(width * 0.72, 62 * MM), pal, {**labels, "collagen": "New collagen"}, "Helvetica", 8
    )
    for p in walk(drawing, (1, 0, 0, 1, 0, 0)):
        if isinstance(p, Painted) and p.fill is not None and p.clip:
            box = bounds(p.path, p.line_width if p.stroke else 0)
            for clip in p.clip:
                box = meet(box, bounds(clip.path, 0))
            narrow, long = sorted((box.w, box.h))
            assert not (0 < narrow < HAIRLINE and long >= LINE_SHAPE * narrow), box


def _fills(pdf: bytes, page: int) -> list[tuple[tuple[float, ...], bool, tuple[float, float, float, float] | None]]:
    """Each fill on a page of the PDF, in order: its CMYK colour, whether it paints text, and the box round the
    path it fills (None for text)."""
    colour: tuple[float, ...] = ()
    in_text = False
    points: list[float] = []
    found: list[tuple[tuple[float, ...], bool, tuple[float, float, float, float] | None]] = []
    doc = reopen(pdf)
    for i in pikepdf.parse_content_stream(doc.pages[page]):
        op, args = str(i.operator), [float(v) for v in i.operands if isinstance(v, int | float | Decimal)]
        if op == "k":
            colour = tuple(round(v, 3) for v in args)
        elif op in ("BT", "ET"):
            in_text = op == "BT"
        elif op in ("Tj", "TJ") and in_text:
            found.append((colour, True, None))
        elif op == "re":
            x, y, w, h = args
            points += [x, y, x + w, y + h]
        elif op in ("m", "l", "c", "v", "y"):
            points += args
        elif op in ("f", "f*", "B", "B*", "b", "b*", "F") and points:
            xs, ys = points[0::2], points[1::2]
            found.append((colour, False, (min(xs), min(ys), max(xs), max(ys))))
            points = []
        elif op in ("n", "S", "s"):
            points = []
    return found


def test_a_large_black_figure_stays_on_the_black_plate_a_guard() -> None:
    """(A guard: no shipped or writable content paints a figure of 100 % K 25 mm across; the QR code is 20 mm.) A
    large field of 100 % K is decoration and prints rich black; a figure as large (a logo, a QR code, a drawing)
    stays on the black plate alone, as its lettering does: four plates would fringe its edges."""
    from brochure.layout.paint import BLACK, _rich

    square: tuple[tuple[str, tuple[float, ...]], ...] = (("re", (0.0, 0.0, 30 * MM, 30 * MM)),)
    for role, ink in (("artifact", RICH_BLACK), ("figure", BLACK), ("qr", BLACK)):
        shape = Shape(box=Rect(0, 0, 30 * MM, 30 * MM), region="cover", role=role, path=square, fill=BLACK)
        assert _rich(shape).fill == ink, role
    small = Shape(box=Rect(0, 0, 20 * MM, 30 * MM), region="cover", path=square, fill=BLACK)
    assert _rich(small).fill == BLACK  # (under 25 mm one way: a disc, a badge, a bar)


@pytest.mark.parametrize("black", ["#000000", "#231F20", "#1A0F0A"])
def test_a_black_brand_colours_large_field_prints_rich_black_and_its_type_black_alone(
    inputs: Inputs, black: str
) -> None:
    """A kit whose primary is a black (#231F20, 100 % K as design programs write it): the cover's colour field, a
    97 x 80 mm area, printed in 100 % K alone, which a press lays down as a flat dark grey. It prints a rich black,
    40/40/40/100 (220 %, within the 300 % a press takes), as prepress builds one for large areas; the headings in
    that colour, the lettering and the QR code stay on the black plate alone."""
    text = inputs.brand.read_text(encoding="utf-8")
    text = re.sub(r'  primary: "#[0-9A-Fa-f]{6}"', f'  primary: "{black}"', text)
    inputs.brand.write_text(re.sub(r"\n  cmyk:\n    primary: \[[^]]*\]", "", text), encoding="utf-8")
    src, diags = api.load(inputs.content, inputs.brand)
    assert src is not None, [d.format() for d in diags]
    result = api.build(src, api.Options(target="press"))
    assert result.ok and result.pdf, [d.format() for d in result.diagnostics]
    cover = _fills(result.pdf, 0)
    rich = [where for colour, _, where in cover if colour == (0.4, 0.4, 0.4, 1.0)]
    assert len(rich) == 1 and rich[0] is not None, cover
    x0, y0, x1, y1 = rich[0]
    assert x1 - x0 > 95 * MM and y1 - y0 > 50 * MM  # the field, into the bleed
    inside = _fills(result.pdf, 1)
    assert (0.0, 0.0, 0.0, 1.0) in {colour for colour, is_text, _ in inside if is_text}  # headings: the black plate
    rich_elsewhere = [f for f in cover + inside if f[0][3] > 0.9 and sum(f[0][:3]) > 0 and f[2] != rich[0]]
    assert not rich_elsewhere, rich_elsewhere  # (small shapes, lettering, the QR code: one plate)
    if black == "#000000":  # large print's step numbers, knocked out of 10 mm discs: four plates would fringe them
        shipped, _ = api.load(CONTENT, inputs.brand)  # (the shipped words: their steps)
        assert shipped is not None
        steps = api.build(shipped, api.Options(target="press", layout="large-print")).layout
        assert steps is not None
        shapes = [i for p in steps.pages for i in p.items if isinstance(i, Shape) and i.fill is not None]
        discs = [i for i in shapes if i.fill.values == (0.0, 0.0, 0.0, 1.0) and 9 * MM < i.box.w < 12 * MM]
        assert discs and not [i.box for i in shapes if i.fill == RICH_BLACK and i.box.w < 25 * MM]
    assert result.layout is not None  # the frames preflight reads carry the ink that prints: the field's alone
    framed = [i.box for p in result.layout.pages for i in p.items if isinstance(i, Shape) and i.fill == RICH_BLACK]
    assert len(framed) == 1 and framed[0].w > 95 * MM, framed


def test_an_override_over_the_ink_limit_is_an_error_at_its_line_with_one_within_it(inputs: Inputs) -> None:
    """An override of 305 % was said as 'page 1 needs 305% total ink' at `colors:`, hinted to give darker colours
    an override: it is said at the override, with the same colour of less ink (its black kept)."""
    text = edit(inputs.brand, "primary: [85, 35, 40, 25]", "primary: [90, 80, 60, 75]")
    src, diags = api.load(inputs.content, inputs.brand)
    assert src is not None, [d.format() for d in diags]
    result = api.build(src, api.Options(target="press"))
    errors = [d for d in result.diagnostics if d.is_error]
    assert not result.ok and len(errors) == 1, [d.format() for d in errors]
    assert errors[0].location.key == "colors.cmyk.primary"
    assert errors[0].location.line == text[: text.index("[90, 80")].count("\n") + 1
    assert "[90, 80, 60, 75], lays down 305 % ink, over the 300 % a press takes" in errors[0].message
    assert errors[0].hint.endswith("e.g. [88, 78, 58, 75]")  # (299 %)
    edit(inputs.brand, "[90, 80, 60, 75]", "[88, 78, 58, 75]")
    src, _ = api.load(inputs.content, inputs.brand)
    assert src is not None and api.build(src, api.Options(target="press")).ok


def test_a_cmyk_logo_over_the_ink_limit_is_an_error_at_the_logo_not_the_kits_colours(inputs: Inputs) -> None:
    """A CMYK picture keeps its own plates: one of 400 % was an error 'page 1 needs 400% total ink' at the kit's
    `colors:` with a hint to give darker colours an override, which cannot help. It is said at the picture."""
    from PIL import Image, ImageDraw

    logo = Image.new("CMYK", (600, 200), (0, 0, 0, 0))
    ImageDraw.Draw(logo).rectangle([20, 20, 580, 180], fill=(255, 255, 255, 255))
    logo.save(inputs.kit / "logo.jpg", quality=95)
    edit(inputs.brand, "logo: logo.svg", "logo: logo.jpg")
    src, diags = api.load(inputs.content, inputs.brand)
    assert src is not None, [d.format() for d in diags]
    result = api.build(src, api.Options(target="press"))
    errors = [d.format() for d in result.diagnostics if d.is_error]
    assert not result.ok and len(errors) == 1, errors
    assert "the CMYK picture needs 400% total ink" in errors[0] and "[at logo]" in errors[0], errors
    assert "colors.cmyk" not in errors[0]


def test_a_tint_of_a_black_secondary_is_named_as_the_secondarys_not_the_texts(inputs: Inputs) -> None:
    """A secondary of #000000 prints 100 % K, as a `cmyk: text` of [0, 0, 0, 100] does: a heading on its tint was said
    to be 'on a 16% tint of colors.cmyk.text' (the names' alphabetical order broke the tie), though the layout tints
    the secondary alone and the text colour makes no tints."""
    edit(inputs.brand, 'secondary: "#7FB7BE"', 'secondary: "#000000"')
    edit(inputs.brand, "    primary: [85, 35, 40, 25]", "    primary: [85, 35, 40, 25]\n    text: [0, 0, 0, 100]")
    src, diags = api.load(inputs.content, inputs.brand)
    assert src is not None, [d.format() for d in diags]
    said = [d.message for d in api.build(src, api.Options(target="press")).diagnostics if " tint of " in d.message]
    assert said and all("tint of colors.secondary" in m for m in said), said


def _cover_fills(result: api.Result) -> list[Ink]:
    """The cover field's colours, as painted in turn: the field, its dots, the two waves blending the secondary
    into the primary, the front wave."""
    assert result.layout is not None
    page = result.layout.pages[0]
    return [
        i.fill for i in page.items if isinstance(i, Shape) and i.fill and i.region == "cover" and i.role == "artifact"
    ]


def _recoloured(inputs: Inputs, primary: str, secondary: str) -> api.Sources:
    edit(inputs.brand, "  cmyk:\n    primary: [85, 35, 40, 25]\n", "")
    edit(inputs.brand, 'primary: "#1D5C63"', f'primary: "{primary}"')
    edit(inputs.brand, 'secondary: "#7FB7BE"', f'secondary: "{secondary}"')
    return sources(inputs.content, inputs.brand)


def test_the_covers_waves_print_the_colours_the_office_edition_shows(inputs: Inputs) -> None:
    """The waves blend the secondary into the primary. The press edition blended the two colours' CMYK builds: for a
    bright mint on a dark green, a colour delta E 20 from the office edition's (seen through the press's profile),
    the proof and the office print of one leaflet in two colours. They are blended as the office edition blends them
    and that colour printed as the press prints one: within the profile's own rendering of the kit's colours."""
    src = _recoloured(inputs, "#345C50", "#81FCBF")
    office, press = (_cover_fills(api.build(src, api.Options(target=t))) for t in ("office", "press"))
    profile = build_profile(src.brand)
    assert len(office) == len(press) == 5
    seen = [difference(o.values, cmyk_to_rgb(p.values, profile)) for o, p in zip(office, press, strict=True)]  # type: ignore[arg-type]
    assert max(seen[2:4]) < 5, seen
    assert office[2] != office[3] and press[2] != press[3]


def test_a_secondary_of_a_hue_far_from_the_primarys_is_a_wave_of_its_own_not_a_blend(inputs: Inputs) -> None:
    """An orange secondary on a deep blue (or a dark green) primary: the waves blending them were a muddy brown and an
    olive, of neither colour, with no warning, and the orange appeared nowhere on the cover. Colours of hues more
    than 60 degrees apart are not blended: the middle wave is the secondary itself, the back wave a lighter primary
    (as printed: the press edition's are the kit's colours' builds). The shipped kits' colours, of one hue family
    each, blend as before (their goldens)."""
    src = _recoloured(inputs, "#1F3A6B", "#F28C28")
    office, press = (_cover_fills(api.build(src, api.Options(target=t))) for t in ("office", "press"))
    orange = hex_to_color("#F28C28")
    assert office[3].values == pytest.approx((orange.red, orange.green, orange.blue))
    palette = api.press_palette(src.brand, build_profile(src.brand))
    built = palette.secondary
    assert press[3].values == pytest.approx((built.cyan, built.magenta, built.yellow, built.black))
    r, g, b = office[2].values  # (a lighter blue: 16 % white on the primary, a blend of no orange)
    assert b > r and b > g and office[2] != office[0]


def test_a_kits_press_palette_made_twice_is_one_palette() -> None:
    """A press palette carries the kit's sRGB colours and the profile its blends print through (Palette.blend): by
    value, so that two builds of one kit make equal palettes (an object that converts compared by identity)."""
    brand = sources(CONTENT, MAPLE).brand
    one, two = (api.press_palette(brand, build_profile(brand)) for _ in range(2))
    assert one == two and hash(one) == hash(two) and one is not two


def test_small_text_in_a_tint_of_one_plate_or_in_four_is_warned_at_its_smallest(tmp_path: Path) -> None:
    """A `cmyk: text` of 90 % K printed every word screened, ragged and knocked out, no word said; one of four
    plates was warned of at the first small text met (the cover's 9.25 pt lead), not the smallest (7.4 pt
    sources), a print shop's tester found (2026-12-07). Each is a warning at the colour naming its smallest text."""
    shutil.copytree(ROOT / "assets", tmp_path / "assets", ignore=shutil.ignore_patterns("brands"))
    kit = tmp_path / "assets" / "brand.yaml"
    for build, said in (("[0, 0, 0, 90]", "a tint of one plate (K 90%)"), ("[60, 40, 40, 100]", "built from 4")):
        text = kit.read_text(encoding="utf-8").replace("    text: [0, 0, 0, 100]", f"    text: {build}")
        kit.write_text(text, encoding="utf-8")
        src, diags = api.load(CONTENT, kit)
        assert src is not None, [d.format() for d in diags]
        result = api.build(src, api.Options(target="press"))
        assert result.layout is not None
        sizes = [r.size for p in result.layout.pages for t in p.items if isinstance(t, Text) for r in t.runs]
        (warned,) = [d for d in result.diagnostics if said in d.message and d.message.startswith("text under")]
        line, col = position(text, build)
        assert (warned.location.line, warned.location.column) == (line, col), warned.format()
        assert warned.message.startswith(f"text under 10 pt ({min(sizes):g} pt "), warned.message
        kit.write_text(text.replace(f"    text: {build}", "    text: [0, 0, 0, 100]"), encoding="utf-8")
