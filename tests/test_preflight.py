"""Preflight: every check has an input that trips it, and the message points where the user can fix it."""

from __future__ import annotations

import colorsys
import dataclasses
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import Inputs, edit, position
from helpers import BRAND, CONTENT, ROOT, SMALL, build, built, copied_kit, frames_layout, result_of, sources, text_item
from PIL import Image as PILImage
from PIL import ImageDraw
from reportlab.pdfgen.canvas import Canvas

from brochure import api, cli
from brochure.diagnostics import Location
from brochure.geometry.sheet import MM, Rect, trifold
from brochure.inputs.content import Content, load_content
from brochure.layout.model import Clip, Layout, Picture, Segment, Shape, Text
from brochure.preflight.contrast import colours_for
from brochure.preflight.design import check_pictures, check_qr, check_type_sizes, qr_modules
from brochure.preflight.pdf import Where, check_pdf
from brochure.preflight.placement import check_placement
from brochure.preflight.qr import check_qr_decodes
from brochure.theme.styles import make_theme

HERE = Location("x.yaml", 1, 1)
WHERE = Where(HERE, HERE, HERE)


def shipped_content() -> Content:
    content, _ = load_content(CONTENT)
    assert content is not None
    return content


def picture_item(box: Rect, pixels: tuple[int, int] = (3000, 3000), region: str = "inside-1") -> Picture:
    return Picture(
        box=box, region=region, panel=region, section="s", role="figure", data=b"", pixels=pixels, space="RGB", at=HERE
    )


def messages(result: api.Result, severity: str = "error") -> list[str]:
    return [d.format() for d in result.diagnostics if d.severity.value == severity]


# --- fonts ---------------------------------------------------------------------------------------


def test_a_font_that_is_not_embedded_is_an_error() -> None:
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(trifold("a4", "office").media.w, trifold("a4", "office").media.h))
    c.setFont("Helvetica", 10)
    c.drawString(100, 100, "Helvetica is not embedded")
    c.save()
    (msg,) = [d.message for d in check_pdf(buf.getvalue(), trifold("a4", "office"), WHERE)]
    assert "font /Helvetica on page 1 is not embedded" in msg


# --- pictures ------------------------------------------------------------------------------------


def add_picture(inputs: Inputs, pixels: tuple[int, int]) -> str:
    PILImage.new("RGB", pixels, (200, 120, 100)).save(inputs.content.parent / "photo.png")
    return edit(
        inputs.content,
        '      - text: "Fine needles',
        '      - image: {src: photo.png, alt: "A photo"}\n      - text: "Fine needles',
    )


def test_a_soft_picture_is_an_error(inputs: Inputs) -> None:
    text = add_picture(inputs, (120, 90))  # about 37 ppi across an 82 mm column
    (msg,) = messages(build(inputs))
    line, col = position(text, "photo.png")
    assert msg.startswith(f"{inputs.content}:{line}:{col}: error: the picture is 3")
    assert "ppi" in msg and "will print soft" in msg


def test_a_200_ppi_picture_is_fine_for_office_and_a_warning_for_press(inputs: Inputs) -> None:
    add_picture(inputs, (660, 495))  # about 200 ppi
    assert build(inputs).ok and not messages(build(inputs), "warning")
    press = build(inputs, target="press")
    assert press.ok
    (msg,) = messages(press, "warning")
    assert "print shops ask for 300" in msg


def test_a_stretched_picture_is_an_error() -> None:
    """A guard: a square picture drawn at half its height (the layout always keeps proportions)."""
    item = picture_item(Rect(30 * MM, 30 * MM, 200, 100))
    msgs = [d.message for d in check_pictures(frames_layout(item))]
    assert any("stretched" in m for m in msgs)


def test_a_picture_drawn_across_the_folds_is_seen_where_it_lands() -> None:
    """A guard: a picture drawn 3.5 times wider than its column runs over two folds, out of its panel and
    over the next panel's words; each is reported from the drawn box, not the frame it was meant for."""
    sheet = trifold("a4", "office")
    column = sheet.sides[1].panel("inside-1").content
    wide = picture_item(Rect(column.x, 300, column.w * 3.5, 200))
    words = text_item(Rect(sheet.sides[1].panel("inside-2").content.x, 400, 100, 12), "inside-2", piece=2)
    msgs = [d.message for d in check_placement(frames_layout(wide, words), shipped_content())]
    assert "a picture is within 3 mm of a fold" in msgs
    assert "a picture runs out of its panel (inside-1)" in msgs
    assert "text is printed over a picture" in msgs


def test_pictures_in_the_press_edition_are_cmyk(inputs: Inputs) -> None:
    add_picture(inputs, (1000, 750))
    import pikepdf

    doc = pikepdf.open(io.BytesIO(build(inputs, target="press").pdf or b""))
    images = [img for p in doc.pages for img in p.get_images().values()]
    assert images and all(img.ColorSpace == "/DeviceCMYK" for img in images)


# --- safe zone and folds ------------------------------------------------------------------------


def test_text_over_a_fold_is_an_error() -> None:
    fold = trifold("a4", "office").sides[1].folds[0]
    item = text_item(Rect(fold - 20, 100, 40, 12), "inside-1", "s")
    diags = check_placement(frames_layout(item), shipped_content())
    d = next(d for d in diags if "fold" in d.message)
    assert "within 3 mm of a fold" in d.message and d.location.key == "inside/inside-1/s"


def test_text_at_the_sheet_edge_is_an_error() -> None:
    item = text_item(Rect(2 * MM, 100, 40, 12), "inside-1", "s")
    msgs = [d.message for d in check_placement(frames_layout(item), shipped_content())]
    assert "text comes too close to the sheet edge" in msgs


# --- type size ------------------------------------------------------------------------------------


def test_type_under_7pt_is_an_error_and_body_under_9pt_a_warning() -> None:
    """Read from the runs set: a 6 pt line anywhere, and a section's words set in 8.5 pt."""
    src = sources()
    tiny = text_item(Rect(30 * MM, 30 * MM, 100, 10), size=6.0, section="")
    body = [text_item(Rect(30 * MM, 60 * MM + 12 * i, 100, 10), size=8.5, piece=2 + i) for i in range(3)]
    diags = check_type_sizes(frames_layout(tiny, *body), src.brand)
    assert [d.severity.value for d in diags] == ["error", "warning"]
    assert "6.0 pt" in diags[0].message and "under 7 pt" in diags[0].message
    assert "body text is set in 8.5 pt" in diags[1].message
    assert diags[0].location.key == "fonts.body" and diags[0].location.line > 0


def test_the_shipped_leaflet_prints_its_body_at_9_pt_or_more() -> None:
    layout = built().layout
    assert layout is not None
    assert check_type_sizes(layout, sources().brand) == []


# --- contrast ------------------------------------------------------------------------------------


def test_pale_body_text_is_an_error_pointing_at_the_colour(inputs: Inputs) -> None:
    text = edit(inputs.brand, 'text: "#1F2A2E"', 'text: "#A0A8AA"')
    msgs = messages(build(inputs))
    line, col = position(text, '"#A0A8AA"')
    assert msgs and all(m.startswith(f"{inputs.brand}:{line}:{col}: error:") for m in msgs)
    assert any("printed in colors.text on white have a contrast of" in m and "under 4.5:1" in m for m in msgs), msgs


def test_pale_headings_are_an_error(inputs: Inputs) -> None:
    edit(inputs.brand, 'primary: "#1D5C63"', 'primary: "#9FD3D9"')
    msgs = messages(build(inputs))
    assert any(
        m.split(": error: ")[1].startswith("Headings and the title printed in colors.primary on white")
        and "under 3:1" in m
        for m in msgs
    )


def test_a_near_white_press_primary_is_an_error_at_its_cmyk_key(inputs: Inputs) -> None:
    """Press colours are judged as printed: a primary of [4, 2, 2, 0] prints headings, card titles and step
    numbers that cannot be seen, though its RGB colour reads well."""
    text = edit(inputs.brand, "primary: [85, 35, 40, 25]", "primary: [4, 2, 2, 0]")
    steps = '      - steps:\n          - {title: Consultation, text: "We check your skin."}\n'
    edit(inputs.content, "            icon: smooth\n", "            icon: smooth\n" + steps)
    assert build(inputs).ok
    msgs = messages(build(inputs, target="press"))
    line, col = position(text, "[4, 2, 2, 0]")
    logo = [m for m in msgs if "the logo would print all but invisible" in m]  # (its square is the primary's teal,
    # printed as the kit's build of it)
    assert len(logo) == 1 and "check those builds (colors.cmyk)" in logo[0], msgs
    msgs = [m for m in msgs if m not in logo]
    assert msgs and all(m.startswith(f"{inputs.brand}:{line}:{col}: error: ") for m in msgs), msgs
    assert any("Headings" in m and "printed in colors.cmyk.primary on white" in m and "as printed" in m for m in msgs)
    assert any("Labels printed in white on colors.cmyk.primary" in m for m in msgs)


# --- ink -----------------------------------------------------------------------------------------


def test_too_much_ink_is_an_error_for_press_only(inputs: Inputs) -> None:
    text = edit(inputs.brand, "primary: [85, 35, 40, 25]", "primary: [100, 90, 90, 80]")
    assert build(inputs).ok
    msgs = messages(build(inputs, target="press"))
    line, col = position(text, "[100, 90, 90, 80]")  # (the override, not the colours block: tests/test_press.py)
    assert msgs and msgs[0].startswith(f"{inputs.brand}:{line}:{col}: error: the press edition's primary, [100, 90")
    assert "lays down 360 % ink" in msgs[0]


# --- QR code ---------------------------------------------------------------------------------------


def _scaled_qr(layout: Layout, k: float) -> Layout:
    """The layout with its QR code drawn k times its size (about its lower left corner)."""
    assert layout.qr is not None
    page = layout.pages[layout.qr.page]
    qr = [i for i in page.items if isinstance(i, Shape) and i.role == "qr"]
    x0, y0 = min(i.box.x for i in qr), min(i.box.y for i in qr)

    def scale(item: Shape) -> Shape:
        path = tuple(
            (op, tuple((x0 + (v - x0) * k) if n % 2 == 0 else (y0 + (v - y0) * k) for n, v in enumerate(pts)))
            for op, pts in item.path
        )
        b = item.box
        box = Rect(x0 + (b.x - x0) * k, y0 + (b.y - y0) * k, b.w * k, b.h * k)
        return dataclasses.replace(item, path=path, box=box)

    items = tuple(scale(i) if i in qr else i for i in page.items)
    pages = tuple(dataclasses.replace(p, items=items) if p is page else p for p in layout.pages)
    return dataclasses.replace(layout, pages=pages)


def test_a_small_qr_code_is_an_error() -> None:
    """Measured from the modules as drawn: a code drawn at 60 % is under 20 mm and its modules shrink."""
    layout = built().layout
    assert layout is not None
    src = sources()
    theme = make_theme(src.brand, src.fonts)
    colours = colours_for(src.brand, theme.palette, src.fonts, None)
    assert check_qr(layout, src.brand, colours) == []
    msgs = [d.message for d in check_qr(_scaled_qr(layout, 0.6), src.brand, colours)]
    assert any("under 20 mm" in m for m in msgs), msgs


def _booking(url: str) -> api.Sources:
    """The small test words with the Clearwater kit, its booking address changed."""
    src = sources(SMALL)
    contact = dataclasses.replace(src.brand.contact, booking_url=url)
    return dataclasses.replace(src, brand=dataclasses.replace(src.brand, contact=contact))


LONGEST = ("https://clearwaterskin.co.uk/book/" + "".join(f"seg{i:02d}/" for i in range(80)))[:500]  # the cap


@pytest.mark.parametrize("layout", ["trifold", "bifold", "large-print"])
@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_the_longest_booking_address_keeps_modules_a_phone_tells_apart(layout: str, paper: str) -> None:
    """At the 500 characters the input check allows, the code is dense (0.28 mm modules at 26 mm: a warning), and a
    full back does not shrink it below what keeps its modules 0.25 mm (at 20 mm they were 0.22 mm): it prints, or
    the back is over-full, never a code too dense to read."""
    result = api.build(_booking(LONGEST), api.Options(layout=layout, paper=paper))  # type: ignore[arg-type]
    said = [d.message for d in result.diagnostics]
    assert not [m for m in said if "cannot tell them apart" in m], said
    if result.ok:
        assert any("phones read 0.33 mm" in m for m in said), said
    else:
        assert any("over-full" in m for m in said), said


def test_qr_modules_under_a_quarter_millimetre_are_an_error() -> None:
    """A guard (the back keeps the code large enough, above): the longest address's code drawn at 85 % has 0.24 mm
    modules, though it is still over 20 mm."""
    result = api.build(_booking(LONGEST), api.Options(layout="trifold", paper="a4"))
    assert result.ok and result.layout is not None
    src = sources()
    colours = colours_for(src.brand, make_theme(src.brand, src.fonts).palette, src.fonts, None)
    msgs = [d.message for d in check_qr(_scaled_qr(result.layout, 0.85), src.brand, colours) if d.is_error]
    assert msgs == ["QR modules are 0.24 mm; under 0.25 mm a phone cannot tell them apart"], msgs


def test_a_qr_code_crowded_by_text_has_too_small_a_quiet_zone() -> None:
    """Text drawn within 4 modules of the code (a guard: the layout leaves the quiet zone clear)."""
    layout = built().layout
    assert layout is not None and layout.qr is not None
    src = sources()
    colours = colours_for(src.brand, make_theme(src.brand, src.fonts).palette, src.fonts, None)
    page = layout.pages[layout.qr.page]
    dark = max((i for i in page.items if isinstance(i, Shape) and i.role == "qr"), key=lambda s: -s.box.w)
    near = dataclasses.replace(text_item(Rect(dark.box.right + 1, dark.box.y + 10, 40, 9), "back", piece=999), z=10**6)
    crowded = dataclasses.replace(page, items=(*page.items, near))
    pages = tuple(crowded if p is page else p for p in layout.pages)
    msgs = [d.message for d in check_qr(dataclasses.replace(layout, pages=pages), src.brand, colours)]
    assert any("quiet zone is" in m and "under 4" in m for m in msgs), msgs


def test_a_qr_code_that_reads_something_else_is_an_error() -> None:
    result = built()
    assert result.layout is not None and result.layout.qr is not None and result.pdf is not None
    wrong = dataclasses.replace(result.layout, qr=dataclasses.replace(result.layout.qr, url="https://example.com/x"))
    (d,) = check_qr_decodes(wrong, HERE)
    assert "does not decode to https://example.com/x" in d.message
    assert "clearwaterskin.co.uk/book" in d.message
    assert check_qr_decodes(result.layout, HERE) == []


def _qr_redrawn(layout: Layout, redraw: Callable[[Shape], Shape]) -> Layout:
    """The layout with its QR code's dark modules redrawn."""
    assert layout.qr is not None
    page = layout.pages[layout.qr.page]
    found = qr_modules(page)
    assert found is not None
    dark = found[0]
    items = tuple(redraw(i) if i is dark else i for i in page.items)
    pages = tuple(dataclasses.replace(p, items=items) if p is page else p for p in layout.pages)
    return dataclasses.replace(layout, pages=pages)


def test_a_qr_code_drawn_upside_down_or_with_modules_lost_is_an_error() -> None:
    """The decoder reads the modules as the frames draw them: mirrored top to bottom, the code still scans on a
    phone but as a mirror image (read turned); with a third of its module runs gone, it does not scan at all."""
    layout = built().layout
    assert layout is not None and layout.qr is not None
    found = qr_modules(layout.pages[layout.qr.page])
    assert found is not None
    mid = 2 * found[0].box.y + found[0].box.h  # (y -> mid - y turns the modules over, top to bottom)

    def flipped(s: Shape) -> Shape:
        path = tuple((op, tuple(v if i % 2 == 0 else mid - v for i, v in enumerate(vs))) for op, vs in s.path)
        return dataclasses.replace(s, path=path)

    def holed(s: Shape) -> Shape:
        runs: list[list[Segment]] = []  # each closed run of the path
        run: list[Segment] = []
        for seg in s.path:
            run.append(seg)
            if seg[0] == "h":
                runs.append(run)
                run = []
        return dataclasses.replace(s, path=tuple(seg for i, r in enumerate(runs) if i % 3 for seg in r))

    (d,) = check_qr_decodes(_qr_redrawn(layout, flipped), HERE)
    assert "drawn turned, mirrored" in d.message and "this is a bug" in (d.hint or "")
    (d,) = check_qr_decodes(_qr_redrawn(layout, holed), HERE)
    assert "no phone could read it" in d.message


def _painted_over(layout: Layout, how: str) -> Layout:
    """The layout with something done to its QR code that keeps its modules from printing as drawn."""
    assert layout.qr is not None
    page = layout.pages[layout.qr.page]
    found = qr_modules(page)
    assert found is not None and found[1] is not None
    dark, light = found[0], found[1]
    top = max(i.z for i in page.items) + 1
    b = dark.box
    half = (
        ("m", (b.x, b.y)),
        ("l", (b.right, b.y)),
        ("l", (b.right, b.y + b.h / 2)),
        ("l", (b.x, b.y + b.h / 2)),
        ("h", ()),
    )
    changed = {
        "raised": {light: dataclasses.replace(light, z=top)},
        "clipped": {dark: dataclasses.replace(dark, clip=(Clip(half),))},
        "outlined": {dark: dataclasses.replace(dark, stroke=dark.fill, line_width=b.w / 40)},
    }.get(how, {})
    items = tuple(changed.get(i, i) for i in page.items)
    if how == "covered":  # a white shape over half the modules (white: the quiet zone's check lets it be)
        items += (dataclasses.replace(light, z=top, path=half, box=Rect(b.x, b.y, b.w, b.h / 2)),)
    pages = tuple(dataclasses.replace(p, items=items) if p is page else p for p in layout.pages)
    return dataclasses.replace(layout, pages=pages)


@pytest.mark.parametrize(
    ("how", "said"),
    [
        ("raised", "its light square is painted over its modules"),
        ("clipped", "its modules are drawn inside a clip"),
        ("outlined", "its modules are outlined"),
        ("covered", "a shape is painted over its modules"),
    ],
)
def test_a_qr_code_whose_modules_do_not_print_as_drawn_is_an_error(how: str, said: str) -> None:
    """A guard: the decoder reads the modules as drawn, so what would change how they print is an error of its own
    (each of these printed a page the QR code could not be read from)."""
    layout = built().layout
    assert layout is not None and check_qr_decodes(layout, HERE) == []
    (d,) = check_qr_decodes(_painted_over(layout, how), HERE)
    assert said in d.message and "this is a bug" in (d.hint or ""), d.message


# --- press structure -------------------------------------------------------------------------------


def test_an_office_file_fails_every_press_check() -> None:
    msgs = [d.message for d in check_pdf(built().pdf or b"", trifold("a4", "press"), WHERE)]
    assert any("RGB colour in the press edition" in m for m in msgs)
    assert any("TrimBox is missing" in m for m in msgs)
    assert any("MediaBox is [" in m for m in msgs)
    assert any("has links or notes" in m for m in msgs)
    assert any("no output intent" in m for m in msgs)
    assert any("does not declare PDF/X" in m for m in msgs)


def test_the_real_leaflet_passes_preflight_in_both_editions() -> None:
    for target in ("office", "press"):
        result = result_of(sources(CONTENT, BRAND), api.Options(target=target))
        assert result.ok and result.diagnostics == (), [d.format() for d in result.diagnostics]


# --- report ----------------------------------------------------------------------------------------


def test_check_writes_a_json_report_and_exit_status_follows_errors(inputs: Inputs, tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    args = ["check", "--content", str(inputs.content), "--brand", str(inputs.brand), "--json", str(report)]
    assert cli.main([*args, "--target", "press"]) == 0
    assert json.loads(report.read_text())["errors"] == 0
    edit(inputs.brand, 'text: "#1F2A2E"', 'text: "#A0A8AA"')
    assert cli.main(args) == 1
    doc = json.loads(report.read_text())
    assert doc["errors"] >= 1 and doc["target"] == "office"
    first = doc["findings"][0]
    assert first["severity"] == "error" and first["key"] == "colors.text" and first["line"] > 0 and first["hint"]


@pytest.mark.parametrize("target", ["office", "press"])
def test_errors_leave_an_earlier_output_untouched(inputs: Inputs, tmp_path: Path, target: str) -> None:
    out = tmp_path / "leaflet.pdf"
    out.write_bytes(b"%PDF-1.4 earlier")  # a PDF: brochure refuses to replace a file of another kind
    edit(inputs.brand, 'text: "#1F2A2E"', 'text: "#A0A8AA"')  # pale text in the office edition
    edit(inputs.brand, "primary: [85, 35, 40, 25]", "primary: [4, 2, 2, 0]")  # pale headings on press
    args = ["build", "--content", str(inputs.content), "--brand", str(inputs.brand), "-o", str(out)]
    assert cli.main([*args, "--target", target]) == 1
    assert out.read_bytes() == b"%PDF-1.4 earlier"


@pytest.mark.parametrize(
    ("written", "says", "hint"),
    [
        (
            "See https://www.nhs.uk/conditions/acne/treatment/scarring-and-marks-after-spots-and-what-helps-now",
            "a web address is",
            "write it as a link on words, [NHS: acne](https://...)",
        ),
        ("Write to aftercare-questions.microneedling@clearwaterskin.co.uk", "an email address is", "[email us]"),
        (
            "Most\u00a0people\u00a0feel\u00a0only\u00a0mild\u00a0redness\u00a0for\u00a0a\u00a0day\u00a0or\u00a0two",
            "a word is",
            "words joined by no-break spaces break only at a plain space",
        ),
    ],
    ids=["web-address", "email-address", "no-break-spaces"],
)
def test_what_cannot_be_broken_is_named_whole_with_what_helps(
    inputs: Inputs, written: str, says: str, hint: str
) -> None:
    """A web address too long for its column was "a word", with the hint to put it on its own line, where it was
    still too long; ten words joined by no-break spaces were named by the longest of them ('everybody')."""
    edit(inputs.content, '"Redness for 1 to 3 days"', f'"{written}"')
    (found,) = [d for d in build(inputs).diagnostics if "too long for its column" in d.message]
    assert found.message.startswith(says) and hint in found.hint, found.format()
    named = {"a web address is": "('https://www.nhs.uk/", "an email address is": "('aftercare-questions."}
    assert named.get(says, "('Most people feel only mild") in found.message, found.message


def test_a_word_too_long_for_its_column_is_an_error(inputs: Inputs) -> None:
    long_word = "Redness-lasting-one-to-three-days-in-most-people-who-have-it-done"
    text = edit(inputs.content, '"Redness for 1 to 3 days"', f'"{long_word}"')
    msgs = messages(build(inputs))
    line, col = position(text, f'"{long_word}"')  # at the list item that holds the word, not the section
    assert any(
        m.startswith(f"{inputs.content}:{line}:{col}: error: a word is")
        and "too long for its column in 'risks'" in m
        and "[at sections[1].blocks[0].bullets[0]]" in m
        for m in msgs
    ), msgs


def _pressed_picture(inputs: Inputs, src: str) -> tuple[Any, Any]:
    """The one picture of the press edition of the test's words with the picture `src` (beside them) before their
    first text, as embedded, and the PDF it is in (which must be kept while the picture is read)."""
    import pikepdf

    edit(
        inputs.content,
        '      - text: "Fine needles',
        f'      - image: {{src: {src}, alt: "A picture"}}\n      - text: "Fine needles',
    )
    result = build(inputs, target="press")
    assert result.ok, [d.format() for d in result.diagnostics if d.is_error]
    doc = pikepdf.open(io.BytesIO(result.pdf or b""))
    (image,) = [img for p in doc.pages for img in p.get_images().values()]
    return image, doc


def test_a_transparent_picture_is_flattened_onto_white_for_press(inputs: Inputs) -> None:
    import pikepdf

    photo = PILImage.new("RGBA", (1000, 750), (200, 0, 0, 0))
    photo.putpixel((500, 375), (255, 255, 255, 255))  # (one white pixel: a picture with nothing in it is refused)
    photo.save(inputs.content.parent / "photo.png")
    image, _pdf = _pressed_picture(inputs, "photo.png")
    assert image.ColorSpace == "/DeviceCMYK" and "/SMask" not in image
    pixels = pikepdf.PdfImage(image).as_pil_image().convert("CMYK").getextrema()
    assert all(hi <= 3 for _, hi in pixels)  # paper white, not the hidden red


PLATES = ((0, 0, 0, 255), (0, 0, 0, 128), (255, 0, 0, 0), (0, 0, 255, 0))  # K100, K50, C100, Y100 (0-255)


def _separated(path: Path, icc: bytes | None = None) -> Path:
    """A CMYK JPEG of four blocks of PLATES, 800 x 600 pixels, with `icc` as its own profile."""
    im = PILImage.new("CMYK", (800, 600))
    for i, plates in enumerate(PLATES):
        im.paste(plates, ((i % 2) * 400, (i // 2) * 300, (i % 2) * 400 + 400, (i // 2) * 300 + 300))
    im.save(path, quality=95, **({"icc_profile": icc} if icc else {}))
    return path


def _centres(im: PILImage.Image) -> list[tuple[int, ...]]:
    w, h = im.size
    return [tuple(im.getpixel((w // 4 + (i % 2) * w // 2, h // 4 + (i // 2) * h // 2))) for i in range(4)]


def test_a_cmyk_pictures_plates_print_as_separated(inputs: Inputs) -> None:
    """A CMYK photo went through sRGB and back for the press: its 100 % K black printed 67/59/45/93, its 100 % C cyan
    39/0/16/0. Its plates print as they are (within the JPEG's few units), as a print shop expects of separations."""
    import pikepdf

    _separated(inputs.content.parent / "separated.jpg")
    image, _pdf = _pressed_picture(inputs, "separated.jpg")
    printed = _centres(pikepdf.PdfImage(image).as_pil_image().convert("CMYK"))
    assert all(
        max(abs(a - b) for a, b in zip(got, want, strict=True)) <= 3 for got, want in zip(printed, PLATES, strict=True)
    ), printed


def test_a_png_prints_lossless_in_the_press_edition(inputs: Inputs) -> None:
    """A PNG (a logo, a diagram) was made a JPEG for the press: the paper around its shapes carried 1-10 % of ink
    (a haze a print shop sees). Its CMYK pixels are kept lossless: paper white beside a shape's edge is no ink."""
    import pikepdf

    diagram = PILImage.new("RGB", (800, 600), (255, 255, 255))
    diagram.paste((30, 60, 120), (200, 200, 600, 400))
    diagram.save(inputs.content.parent / "diagram.png")
    image, _pdf = _pressed_picture(inputs, "diagram.png")
    assert "/DCTDecode" not in str(image.get("/Filter")) and image.ColorSpace == "/DeviceCMYK"
    printed = pikepdf.PdfImage(image).as_pil_image()
    assert printed.size == (800, 600) and printed.getpixel((400, 300))[0] > 0
    assert [printed.getpixel(xy) for xy in ((198, 300), (602, 300), (400, 197), (400, 403))] == [(0, 0, 0, 0)] * 4


def test_a_cmyk_picture_in_another_condition_is_converted_to_the_presss(tmp_path: Path) -> None:
    """With the press's own profile embedded, the plates are kept; with another condition's, they are converted
    from it to the press's (not through sRGB: a cyan stays a cyan, a black near black)."""
    from brochure.inputs.pictures import PictureData, load_picture
    from brochure.theme.cmyk import picture_to_cmyk, shipped_profile

    icc = Path(api.__file__).parent / "data/icc"
    fogra, gracol = icc / "brochure-fogra39-300.icc", icc / "brochure-gracol-300.icc"
    junk = tmp_path / "junk.icc"  # (a whole profile that cannot be read: the plates as they are, as for one without)
    junk.write_bytes((256).to_bytes(4, "big") + b"acsp" * 63)
    resaved = tmp_path / "resaved.icc"  # (the press's own, saved again with another date: the same description)
    resaved.write_bytes(fogra.read_bytes()[:24] + b"\x07\xea\x00\x0c" + fogra.read_bytes()[28:])
    assert resaved.read_bytes() != fogra.read_bytes()
    for own, same in ((fogra, True), (gracol, False), (junk, True), (resaved, True)):
        pic = load_picture(_separated(tmp_path / f"{own.stem}.jpg", own.read_bytes()))
        assert isinstance(pic, PictureData) and pic.plates
        with PILImage.open(io.BytesIO(picture_to_cmyk(pic.data, shipped_profile(fogra), (400, 300), pic.plates))) as im:
            assert im.mode == "CMYK" and im.size == (400, 300) and "icc_profile" not in im.info
            printed = _centres(im)
        apart = [
            max(abs(a - b) for a, b in zip(got, want, strict=True)) for got, want in zip(printed, PLATES, strict=True)
        ]
        if same:
            assert max(apart) <= 3, printed
        else:
            assert max(apart) > 3 and printed[2][0] > 200 and printed[0][3] > 200, printed  # (cyan, black kept)


def test_press_text_is_judged_as_it_prints_through_the_profile(inputs: Inputs) -> None:
    """60 % black reads well by the plain formula (5.7:1 on white) but prints at about 3.5:1 on coated paper
    (FOGRA39): an error at the press colour, which only a check through the output profile sees."""
    text = edit(
        inputs.brand, "    primary: [85, 35, 40, 25]\n", "    primary: [85, 35, 40, 25]\n    text: [0, 0, 0, 60]\n"
    )
    msgs = messages(build(inputs, target="press"))
    line, col = position(text, "[0, 0, 0, 60]")
    body = [m for m in msgs if "Body text" in m and "printed in colors.cmyk.text on white" in m]
    assert body and body[0].startswith(f"{inputs.brand}:{line}:{col}: error: ") and "3.5:1 as printed" in body[0], msgs


def test_a_word_too_long_is_the_words_problem_not_a_layout_bug(inputs: Inputs) -> None:
    """A long word runs over its column, and maybe a fold and the next panel: one error, at the section, and
    none of the guards that blame the layout (or the booking address) for it."""
    long_word = "Redness-lasting-one-to-three-days-in-most-people-who-have-it-done-and-then-some-more"
    edit(inputs.content, '"Redness for 1 to 3 days"', f'"{long_word}"')
    msgs = messages(build(inputs))
    assert msgs and all("too long for its column" in m for m in msgs), msgs


@pytest.mark.parametrize("layout", ["trifold", "large-print"])
def test_a_word_too_long_in_a_links_words_is_the_words_problem_not_a_layout_bug(inputs: Inputs, layout: str) -> None:
    """The same word as a link's words: its underline ran as far as the word, past the fold and over the next
    panel's words, and was blamed on the layout three times ("a shape runs out of its panel", "please report it")."""
    long_word = "Redness-lasting-one-to-three-days-in-most-people-who-have-it-done-and-then-some-more"
    edit(inputs.content, '"Redness for 1 to 3 days"', f'"[{long_word}](https://example.com/redness)"')
    msgs = messages(build(inputs, layout=layout))
    assert msgs and all("too long for its column" in m for m in msgs), msgs


def test_a_picture_resampled_for_print_is_not_a_soft_or_stretched_picture(inputs: Inputs) -> None:
    """Pictures far sharper than print needs are resampled to 300 ppi: rounding to whole pixels never makes
    them 299.7 ppi ("print shops ask for 300") or a stretched banner."""
    PILImage.new("RGB", (4000, 40), (200, 120, 100)).save(inputs.content.parent / "photo.png")
    edit(
        inputs.content,
        '      - text: "Fine needles',
        '      - image: {src: photo.png, alt: "A banner"}\n      - text: "Fine needles',
    )
    for target in ("office", "press"):
        result = build(inputs, target=target)
        said = [m for m in messages(result, "warning") if "too thin to show" not in m]  # (a banner 100:1 is)
        assert result.ok and not said, messages(result) + said


def test_a_see_through_logo_is_an_error_for_press_only(inputs: Inputs) -> None:
    """PDF/X-1a allows no transparency: a logo drawn with opacity cannot go to press."""
    logo = inputs.kit / "logo.svg"
    logo.write_text(logo.read_text().replace("<rect ", '<rect fill-opacity="0.5" ', 1))
    assert build(inputs).ok
    msgs = messages(build(inputs, target="press"))
    text = inputs.brand.read_text()
    line, col = position(text, "logo.svg")
    assert msgs and msgs[0].startswith(f"{inputs.brand}:{line}:{col}: error: the logo is see-through"), msgs


@pytest.mark.parametrize("kind", ["svg", "png"])
def test_a_white_logo_on_the_white_paper_is_an_error_at_logo(inputs: Inputs, kind: str) -> None:
    """A kit given its reversed logo (white, for dark grounds) printed it white on the white paper above the cover's
    colour field, exit 0, in both editions. The logo is judged as printed, by its inks or its pixels."""
    if kind == "svg":
        logo = inputs.kit / "logo.svg"
        logo.write_text(logo.read_text().replace('fill="#1D5C63"', 'fill="#FFFFFF"', 1))
    else:
        picture = PILImage.new("RGBA", (360, 120), (0, 0, 0, 0))
        picture.paste((255, 255, 255, 255), (0, 0, 120, 120))  # (white on transparent)
        picture.save(inputs.kit / "logo.png")
        edit(inputs.brand, "logo: logo.svg", "logo: logo.png")
    line, col = position(inputs.brand.read_text(), f"logo.{kind}")
    for target in ("office", "press"):
        result = build(inputs, target=target)
        msgs = messages(result)
        assert not result.ok and msgs, target
        assert msgs[0].startswith(f"{inputs.brand}:{line}:{col}: error: the logo would print all but invisible on"), (
            msgs
        )
    edit(inputs.brand, f"logo: logo.{kind}", "logo: logo.svg")
    (inputs.kit / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" viewBox="0 0 120 40">'
        '<rect width="120" height="40" fill="#FFFFFF"/><rect x="4" y="4" width="8" height="8" fill="#1D5C63"/></svg>'
    )
    assert build(inputs).ok  # (a logo with a part that stands out is seen)
    (inputs.kit / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" viewBox="0 0 120 40">'
        '<rect width="40" height="40" fill="#FFD700"/></svg>'
    )
    assert build(inputs).ok  # (gold on white: a contrast ratio of 1.4, yet plain to see)


def test_text_on_a_tint_darkened_by_a_dark_background_says_the_background_can_change(inputs: Inputs) -> None:
    """A black `background`: the panels' tints are the brand colours mixed into black, and text on them fails. The
    error was at the text's colour, its hint naming only that: it names colors.background too, which the tints
    are mixed into."""
    inputs.content.write_text(CONTENT.read_text(encoding="utf-8"), encoding="utf-8")
    edit(inputs.brand, 'background: "#FFFFFF"', 'background: "#000000"')
    tinted = [m for m in messages(build(inputs)) if " tint of " in m]
    assert tinted and all("or colors.background: the tint beneath is colors." in m for m in tinted), tinted
    assert any("colors.secondary mixed into it" in m for m in tinted)


@pytest.mark.parametrize("accent", ["#FFFFFF", "#F4F1EC"])
def test_list_dots_that_would_print_invisible_are_an_error_at_the_accent(inputs: Inputs, accent: str) -> None:
    """A white (or all but white) accent printed every list item's dot white on the white paper, exit 0: the items
    ran together. One error at colors.accent (colors.cmyk.accent's place for press: the kit gives none, so at
    colors.accent too) in both editions; a pale but plainly coloured accent passes."""
    inputs.content.write_text(CONTENT.read_text(encoding="utf-8"), encoding="utf-8")  # (25 dots in its lists)
    edit(inputs.brand, 'accent: "#E07A5F"', f'accent: "{accent}"')
    line, col = position(inputs.brand.read_text(), f'accent: "{accent}"')
    col += len("accent: ")
    for target in ("office", "press"):
        result = build(inputs, target=target)
        dots = [m for m in messages(result) if "the dots of the list items" in m]
        assert not result.ok and len(dots) == 1, (target, messages(result))
        assert dots[0].startswith(f"{inputs.brand}:{line}:{col}: error: the dots of the list items would print all")
        assert "on the paper" in dots[0]
    edit(inputs.brand, f'accent: "{accent}"', 'accent: "#F2C94C"')  # (a pale yellow: delta E about 40)
    assert not any("the dots" in m for m in messages(build(inputs)))


def _one_warning_each(inputs: Inputs, needle: str) -> list[str]:
    """The one warning that says `needle` in each edition, office then press, each leaflet built."""
    found = []
    for target in ("office", "press"):
        result = build(inputs, target=target)
        said = [m for m in messages(result, "warning") if needle in m]
        assert result.ok and len(said) == 1, (target, messages(result))
        found.append(said[0])
    return found


def test_list_dots_of_a_pale_accent_are_warned_as_init_refuses_it(inputs: Inputs) -> None:
    """`init --accent "#F7E7B0"` is refused (1.2:1 on white: the bullets, step discs and heading rules would hardly
    show), yet a kit given it built, checked and batched with no word: its colour differs from white in hue (delta E
    30), which the dots' error reads. Small marks are seen by their lightness: a warning at colors.accent in both
    editions, under the same 1.5:1 as init's; the leaflet still builds."""
    from brochure import kit

    inputs.content.write_text(CONTENT.read_text(encoding="utf-8"), encoding="utf-8")
    accent = "#F7E7B0"
    assert "would hardly show" in kit._accent(accent, {})[0]  # (init's refusal)
    edit(inputs.brand, 'accent: "#E07A5F"', f'accent: "{accent}"')
    line, col = position(inputs.brand.read_text(), f'"{accent}"')
    for faint in _one_warning_each(inputs, "print faint on the paper"):
        assert faint.startswith(f"{inputs.brand}:{line}:{col}: warning: the dots of the list items, and the rules")
        assert "has a contrast of 1.2:1 with it" in faint and "under 1.5:1" in faint
    edit(inputs.brand, 'secondary: "#7FB7BE"', f'secondary: "{accent}"')  # (the same pale colour twice: the
    for faint in _one_warning_each(inputs, "print faint on the paper"):  # dots' is the accent, not the first alike)
        assert faint.startswith(f"{inputs.brand}:{line}:{col}: warning: ") and "[at colors.accent]" in faint, faint
    edit(inputs.brand, f'secondary: "{accent}"', 'secondary: "#7FB7BE"')
    assert kit._accent("#F2C94C", {}) == ("", "")  # (a yellow of 1.5:1: no refusal, no warning)
    edit(inputs.brand, f'accent: "{accent}"', 'accent: "#F2C94C"')
    assert not any("the dots" in m for m in messages(build(inputs), "warning"))


@pytest.mark.parametrize("secondary", ["#FFFFFF", "#EEF2F3"])
def test_a_drawing_whose_layers_would_print_invisible_is_a_warning_at_the_secondary(
    inputs: Inputs, secondary: str
) -> None:
    """`init --secondary "#FFFFFF"` built every edition with the skin drawing's layers blank (they are tints of the
    secondary), its labels pointing at blank paper: exit 0, no word. A warning at colors.secondary, in both
    editions; the shipped kits' secondaries (delta E 21 to 35 from white) pass."""
    inputs.content.write_text(CONTENT.read_text(encoding="utf-8"), encoding="utf-8")  # (it has the drawing)
    edit(inputs.brand, 'secondary: "#7FB7BE"', f'secondary: "{secondary}"')
    line, col = position(inputs.brand.read_text(), f'secondary: "{secondary}"')
    for said in _one_warning_each(inputs, "the drawings' layers"):
        assert said.startswith(f"{inputs.brand}:{line}:{col + len('secondary: ')}: warning: the drawings' layers")
        assert "print all but invisible" in said
    edit(inputs.brand, f'secondary: "{secondary}"', 'secondary: "#B9D7C9"')  # (Elm Park's sage: 21)
    assert not any("the drawings' layers" in m for m in messages(build(inputs), "warning"))


def test_a_logo_of_thin_lines_is_seen_and_a_faint_speck_is_not(inputs: Inputs) -> None:
    """Line art on a transparent ground (navy strokes 4 px wide on 1,200) was refused as invisible in the office
    edition: judged from a 64-pixel copy in which the lines had all but vanished. A picture is judged as laid on
    its ground; a vector logo's see-through ink or speck does not count as seen."""
    picture = PILImage.new("RGBA", (1200, 300), (0, 0, 0, 0))
    draw = ImageDraw.Draw(picture)
    draw.ellipse((40, 40, 260, 260), outline=(20, 40, 80, 255), width=4)
    draw.rectangle((320, 100, 1160, 200), outline=(20, 40, 80, 110), width=4)  # (half see-through ink too)
    picture.save(inputs.kit / "logo.png")
    edit(inputs.brand, "logo: logo.svg", "logo: logo.png")
    for target in ("office", "press"):
        assert build(inputs, target=target).ok, target
    edit(inputs.brand, "logo: logo.png", "logo: logo.svg")
    white = '<rect width="120" height="40" fill="#FFFFFF"/>'
    for speck in (
        '<rect width="40" height="40" fill="#000000" fill-opacity="0.02"/>',
        '<rect width="0.01" height="0.01"/>',
    ):
        (inputs.kit / "logo.svg").write_text(
            f'<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" viewBox="0 0 120 40">{white}{speck}</svg>'
        )
        assert "the logo would print all but invisible" in " ".join(messages(build(inputs))), speck


def test_colour_in_the_office_edge_or_on_a_fold_is_an_error() -> None:
    """A guard (the cover's field stops 5 mm from the office sheet's edge and 3 mm from a fold by design):
    decoration meant to bleed is still ink, and an office printer cannot print the edge."""

    def field(target: str) -> Shape:  # from the sheet's left edge to its first fold
        fold = trifold("a4", target).sides[1].folds[0]
        path = (("m", (0.0, 100.0)), ("l", (fold, 100.0)), ("l", (fold, 200.0)), ("h", ()))
        return Shape(box=Rect(0, 100, fold, 100), region="inside-1", panel="inside-1", bleeds=True, path=path)

    msgs = [d.message for d in check_placement(frames_layout(field("office")), shipped_content())]
    assert "the cover's colour field comes too close to the sheet edge" in msgs
    assert "the cover's colour field is within 3 mm of a fold" in msgs
    press = [d.message for d in check_placement(frames_layout(field("press"), target="press"), shipped_content())]
    assert press == ["the cover's colour field is within 3 mm of a fold"]  # into the bleed is fine for press


def test_a_finding_on_the_page_says_where_it_is_printed(inputs: Inputs, tmp_path: Path) -> None:
    """The live preview marks a finding on the page: the long word's line is where its place says (on the outside,
    in the flap, running past the column), and the JSON report carries the same boxes."""
    long_word = "Redness-lasting-one-to-three-days-in-most-people-who-have-it-done"
    edit(inputs.content, '"Redness for 1 to 3 days"', f'"{long_word}"')
    result = build(inputs)
    (finding,) = [d for d in result.diagnostics if "too long for its column" in d.message]
    assert result.layout is not None and finding.places
    spot = finding.places[0]
    page = result.layout.pages[spot.page]
    flap = page.side.panel("flap").trim
    (line,) = [t for t in page.items if isinstance(t, Text) and long_word[:20] in t.text]
    assert page.side.name == "outside" and flap.x <= spot.x < flap.right < spot.x + spot.w
    assert (spot.x, spot.y, spot.w, spot.h) == (line.box.x, line.box.y, line.box.w, line.box.h)
    report = tmp_path / "report.json"
    args = ["check", "--content", str(inputs.content), "--brand", str(inputs.brand), "--json", str(report)]
    assert cli.main(args) == 1
    (found,) = [f for f in json.loads(report.read_text())["findings"] if "too long" in f["message"]]
    assert found["places"] == [{"page": 0, "x": round(spot.x, 2), "y": round(spot.y, 2), "w": round(spot.w, 2),
                                "h": round(spot.h, 2)}]  # fmt: skip


def test_text_too_faint_is_marked_at_each_line_it_is_printed(inputs: Inputs) -> None:
    """A brand text colour too pale for body text: one finding, with a box on every body line it fails on (each
    over printed words), so a click shows them all."""
    edit(inputs.brand, 'text: "#1F2A2E"', 'text: "#A0A8AA"')
    result = build(inputs)
    (body,) = [d for d in result.diagnostics if d.message.startswith("Body text, list items")]  # (and the back's)
    assert result.layout is not None and len(body.places) >= 3
    words = [
        r.x for page in result.layout.pages for t in page.items if isinstance(t, Text)
        for r in t.runs if r.text.strip()
    ]  # fmt: skip
    assert all(spot.page in (0, 1) and spot.w > 0 and spot.h > 0 for spot in body.places)
    assert {round(spot.x, 2) for spot in body.places} <= {round(x, 2) for x in words}


@pytest.mark.parametrize(
    ("query", "said"),
    [
        ("?clinic=bath", "'clinic=bath'"),
        ("?utm_source=leaflet&owner=12345&lang=en", "'owner=12345'"),
        ("?src=leaflet&lang=es", None),  # where the reader came from, a language: the page opens the same
        ("?=x&&", None),  # (no name: nothing that chooses a page)
        ("#/bath", "'#/bath' (the route its web app opens)"),  # a web app's route: typed, its home page opens
        ("#!/clinics/bath", "'#!/clinics/bath'"),
        ("#opening-hours", None),  # a place on the same page: typed, the page opens at its top
        ("#/?clinic=bath", "such as example.com/bath)"),  # (the redirect suggested is no address with a query)
    ],
)
def test_a_booking_address_whose_query_chooses_the_page_is_warned(inputs: Inputs, query: str, said: str | None) -> None:
    """The booking address prints without its query and fragment: `?clinic=bath`, or a web app's route `#/bath`,
    typed as printed opens another page. A warning at contact.booking_url says so; tracking, a language and a place on
    the page are no warning (Maple & Main's `?src=leaflet&lang=es`)."""
    text = edit(
        inputs.brand, "  booking_url: https://example.com/book\n", f'  booking_url: "https://example.com/book{query}"\n'
    )
    result = build(inputs)
    assert result.ok
    found = [d for d in result.diagnostics if "a patient who types the printed address" in d.message]
    if said is None:
        assert found == []
        return
    (d,) = found
    row, col = position(text, f'"https://example.com/book{query}"')
    assert not d.is_error and (d.location.line, d.location.column) == (row, col)
    assert (
        d.message.startswith(f"the leaflet prints example.com/book for https://example.com/book{query}:")
        and said in d.message + d.hint
    )


@pytest.mark.parametrize(
    ("link", "kind"),
    [
        ("[0117 496 0321](tel:+441174960999)", "a phone number"),
        ("[example.com/book](https://other-clinic.example/book)", "a web address"),
        ("[www.example.com/book](https://example.com/booking)", "a web address"),
        ("[hello@example.com](mailto:sales@other.example)", "an email address"),
        ("[0117 496 0321](tel:+441174960321)", None),  # the same number, printed in the country's style
        ("[example.com/book](https://www.example.com/book/?src=leaflet)", None),  # as printed, less what prints not
        ("[example.com](https://example.com/book)", None),  # the site, linked to its page
        ("[Hello@Example.com](mailto:hello@example.com)", None),
        ("[**call us**](tel:+441174960999)", None),  # words that are no number are not compared
        ("[hallo@b\u00fccher.de](mailto:hallo@xn--bcher-kva.de)", None),  # the host in its own letters, as linked
        ("[example.com/caf\u00e9](https://example.com/caf%C3%A9)", None),  # the path as its readers write it
    ],
)
def test_a_link_whose_words_are_another_address_is_warned(inputs: Inputs, link: str, kind: str | None) -> None:
    """`[0117 496 0321](tel:+441174960999)` prints one number and calls another: whoever reads the printed leaflet
    reaches another place than whoever taps the link. A warning at the text says so, naming both."""
    text = edit(inputs.content, "[our site](https://example.com)", link)
    result = build(inputs)
    assert result.ok
    found = [d for d in result.diagnostics if "the link's words" in d.message]
    if kind is None:
        assert found == [], [d.format() for d in found]
        return
    (d,) = found
    label, href = link[1:].split("](")
    row, col = position(text, '"Fine needles make')
    assert not d.is_error and (d.location.line, d.location.column) == (row, col), d.format()
    assert d.message.startswith(f"the link's words '{label}' are {kind} other than the one it opens ({href[:-1]})")


@pytest.mark.parametrize(
    ("label", "warned"),
    [
        ("click here", True),
        ("Click  here.", True),
        ("aquí", True),
        ("¡Pulse aquí!", True),
        ("more", True),
        ("the NHS page on acne", False),
    ],
)
def test_a_link_whose_words_say_nothing_of_where_it_goes_is_warned(inputs: Inputs, label: str, warned: bool) -> None:
    """`[click here](https://...)` built with no word (WCAG 2.4.4: a link's words say where it goes): a screen
    reader's list of links read "click here", and the printed leaflet has nothing to click (an accessibility
    officer's review, 2026-12-07)."""
    text = edit(inputs.content, "[our site](https://example.com)", f"[{label}](https://example.com)")
    result = build(inputs)
    assert result.ok
    found = [d for d in result.diagnostics if "say nothing of where it goes" in d.message]
    assert len(found) == warned, [d.format() for d in result.diagnostics]
    for d in found:
        assert not d.is_error and (d.location.line, d.location.column) == position(text, '"Fine needles make')
        assert f"the link's words '{label.rstrip('.!')}' say nothing" in d.message, d.message
        assert "(https://example.com)" in d.message


def test_words_marked_as_in_another_language_are_no_link_that_says_nothing(inputs: Inputs) -> None:
    """`[más información](lang:es)` marks words as Spanish: it is no link, and was warned as one that says nothing
    of where it goes (a review)."""
    edit(
        inputs.content, "[our site](https://example.com)", "[our site](https://example.com) [más información](lang:es)"
    )
    result = build(inputs)
    assert result.ok and not [d for d in result.diagnostics if "say nothing" in d.message], result.diagnostics


def test_a_link_label_in_other_digits_is_the_same_number() -> None:
    """Digits of another script are the same number (as the translation check reads them): an Arabic-Indic label that
    calls another number is told; one that calls its own is not."""
    from brochure.preflight.labels import _differs

    arabic = "\u0660\u0661\u0661\u0667 \u0664\u0669\u0666 \u0660\u0663\u0662\u0661"  # 0117 496 0321
    assert _differs(arabic, "tel:+441174960999", "GB") == "a phone number"
    assert _differs(arabic, "tel:+441174960321", "GB") == ""


def test_the_kits_lines_that_give_another_phone_or_email_than_its_contact_are_warned(tmp_path: Path) -> None:
    """`init` writes the clinic's phone and email into its other-formats and feedback lines, in each language: a kit
    whose contact: changed since, or a kit copied for another clinic, printed the old number and email in the fine
    print beside the new ones on the back. A warning at each line says so (the shipped kits: none)."""

    kit = copied_kit(tmp_path)
    text = edit(kit, 'phone: "+44 117 496 0321"', 'phone: "+44 117 496 0000"')
    text = edit(kit, "  email: hello@clearwaterskin.co.uk\n", "  email: team@cwbath.uk\n")
    text = edit(kit, "  website: https://clearwaterskin.co.uk\n", "  website: https://cwbath.uk\n")
    text = edit(kit, "  booking_url: https://clearwaterskin.co.uk/book\n", "  booking_url: https://cwbath.uk/book\n")
    es = ROOT / "translations" / "es.yaml"
    for content, where in ((CONTENT, ""), (es, "    ")):
        src, diags = api.load(content, kit)
        assert src is not None, diags
        result = api.build(src, api.Options())
        assert result.ok
        found = [d for d in result.diagnostics if "the clinic's own (contact:)" in d.message]
        said = [(d.message.split(" line ")[0], d.message.split(" gives the ")[1].split(",")[0]) for d in found]
        assert said == [
            ("the brand kit's other_formats.contact", "phone number 0117 496 0321"),
            ("the brand kit's other_formats.contact", "email hello@clearwaterskin.co.uk"),
            ("the brand kit's feedback", "email hello@clearwaterskin.co.uk"),
        ], said
        assert "is 0117 496 0000" in found[0].message and "is team@cwbath.uk" in found[1].message
        start = text.index(f"\n{where}  contact: ", text.index("other_formats:" if not where else "  es:"))
        line = text.count("\n", 0, start) + 2
        assert (found[0].location.line, found[0].location.column) == (line, len(where) + 12)
    for brand in (BRAND, ROOT / "assets/brands/maple-main/brand.yaml"):
        result = result_of(sources(CONTENT, brand), api.Options())
        assert not [d for d in result.diagnostics if "the clinic's own (contact:)" in d.message]


@pytest.mark.parametrize(
    ("old", "new", "key"),
    [
        ('text: "#1F2A2E"', 'text: "#9AA0A3"', "colors.text"),
        ('primary: "#1D5C63"', 'primary: "#8FB3B8"', "colors.primary"),
    ],
    ids=["text", "primary"],
)
def test_a_contrast_error_suggests_a_colour_that_reads_where_it_prints(
    inputs: Inputs, old: str, new: str, key: str
) -> None:
    """ "change colors.primary so the two differ more" gave no direction: the hint names the nearest colour in the
    same hue, darker or lighter, that reads on everything the colour meets (one for all its errors), and the kit
    given it builds without a contrast error at that colour."""
    inputs.content.write_text(CONTENT.read_text(encoding="utf-8"), encoding="utf-8")
    edit(inputs.brand, old, new)
    found = [m for m in messages(build(inputs)) if f"[at {key}]" in m and "so the two differ more" in m]
    suggested = {m.split("(such as ")[1][:7] for m in found}
    assert found and len(suggested) == 1, found
    (value,) = suggested
    assert all(f"(such as {value}: darker in the same hue)" in m for m in found)
    edit(inputs.brand, new, new.split('"')[0] + f'"{value}"')
    result = build(inputs)
    assert not [m for m in messages(result) if f"[at {key}]" in m and "contrast" in m], messages(result)


def test_the_colour_suggested_reaches_every_contrast_asked_of_it() -> None:
    """One colour for all the errors at a brand colour: headings ask 3:1 of it on white, body text 4.5:1 on a grey
    panel, labels under white words; the suggestion reaches 4.5:1 against each (a heading's 3:1 too: the kit's
    colour prints as small text in some layout), whichever is asked first."""
    from brochure.layout.model import Ink
    from brochure.preflight.contrast import Colours, _reaching
    from brochure.theme.colors import contrast_ratio, hex_to_color

    teal, white = Ink("rgb", (0x8F / 255, 0xB3 / 255, 0xB8 / 255)), Ink("rgb", (1.0, 1.0, 1.0))
    grey = Ink("rgb", (0xDD / 255,) * 3)
    office = Colours(False, None, ((white, "colors.background"),), (), frozenset())
    asked = [(teal, white, 3.0, 0.0), (teal, None, 4.5, 0.0), (teal, grey, 4.5, 0.0)]
    value = _reaching(asked, office, "colors.primary")
    assert value and contrast_ratio(hex_to_color(value), hex_to_color("#DDDDDD")) >= 4.5
    assert contrast_ratio(hex_to_color(value), hex_to_color("#DDDDDD")) < 4.7  # (the nearest: 1 % steps)
    value = _reaching(asked[:1], office, "colors.primary")  # (a heading's 3:1 alone: 4.5:1 all the same)
    assert 4.5 <= contrast_ratio(hex_to_color(value), hex_to_color("#FFFFFF")) < 4.7
    cmyk = Ink("cmyk", (0.1, 0.1, 0.1, 0.1))
    assert _reaching([(cmyk, white, 4.5, 0.0)], office, "colors.primary") == ""  # (a CMYK ink: no #RRGGBB to suggest)
    pink = hex_to_color("#E8A0B4")  # on its own 16 % tint: the tint darkens with the colour suggested, and must still
    tint = Ink("rgb", tuple(1 + (v - 1) * 0.16 for v in pink.rgb()))  # read against it
    value = _reaching([(Ink("rgb", tuple(pink.rgb())), tint, 4.5, 0.16)], office, "colors.primary")
    own = hex_to_color(value)
    assert (
        contrast_ratio(
            own, hex_to_color("#" + "".join(f"{round(255 - (255 - v * 255) * 0.16):02X}" for v in own.rgb()))
        )
        >= 4.5
    )
    blush = Ink("rgb", tuple(hex_to_color("#FFF0F5").rgb()))  # (a pale pink: mixed with black it was #696264, a grey;
    value = _reaching([(blush, white, 4.5, 0.0)], office, "colors.primary")  # its lightness lowered, a deep pink)
    hue, _, saturation = colorsys.rgb_to_hls(*hex_to_color(value).rgb())
    assert abs(hue * 360 - 340) < 3 and saturation > 0.9, (value, hue * 360, saturation)
    assert 4.5 <= contrast_ratio(hex_to_color(value), hex_to_color("#FFFFFF")) < 4.7
    from brochure.preflight.contrast import _way  # (the press's ink is CMYK: lighter than the kit's colour, said so)

    assert _way("#B7CBCD", "#1D5C63", (cmyk, None), False) == "lighter"
    assert _way("#0E3A3F", "#1D5C63", (cmyk, None), False) == "darker"


def test_the_colour_suggested_builds_both_editions_in_a_kit_of_one_hue(inputs: Inputs) -> None:
    """Primary and secondary of one hue, a grey background, no `cmyk:`: the press took the secondary's tint for
    the primary's (the press's least dots move it), and the colour suggested for the office failed as printed
    (3.8:1). One colour is suggested, reckoned against its own tint and as the press prints it: it builds both."""
    inputs.content.write_text(CONTENT.read_text(encoding="utf-8"), encoding="utf-8")
    edit(inputs.brand, "  cmyk:\n    primary: [85, 35, 40, 25]\n", "")
    for old, new in (("#1D5C63", "#E59325"), ("#7FB7BE", "#EDB76D"), ("#FFFFFF", "#F0F0F0")):
        edit(inputs.brand, f'"{old}"', f'"{new}"')
    for target in ("office", "press"):
        found = [m for m in messages(build(inputs, target=target)) if "[at colors.primary]" in m and "contrast" in m]
        assert found and all("(such as #" in m for m in found), found
        value = found[0].split("(such as ")[1][:7]
        edit(inputs.brand, inputs.brand.read_text(encoding="utf-8").split("primary: ")[1][:9], f'"{value}"')
        for either in ("office", "press"):
            said = [m for m in messages(build(inputs, target=either)) if "[at colors.primary]" in m and "contrast" in m]
            assert not said, (target, value, either, said)
        edit(inputs.brand, f'"{value}"', '"#E59325"')


@pytest.mark.parametrize(
    ("primary", "layout"), [("#FF00FF", "trifold"), ("#3399FF", "large-print")], ids=["magenta", "large-print"]
)
def test_the_colour_suggested_for_the_press_builds_the_office_edition_and_other_layouts(
    inputs: Inputs, primary: str, layout: str
) -> None:
    """A saturated magenta primary, no `cmyk:`: the press edition suggested #C700C7, which reads as the press prints
    it, and the office edition, which prints it as written, then failed (4.4:1 on the secondary's 16 % tint). A
    mid blue in large print, whose 16 pt asks 3:1: the colour suggested failed the folded leaflets' 8 pt. The
    suggestion is reckoned as the office prints it too, each pair at 4.5:1: it builds both, in another layout too."""
    inputs.content.write_text(CONTENT.read_text(encoding="utf-8"), encoding="utf-8")
    edit(inputs.brand, "  cmyk:\n    primary: [85, 35, 40, 25]\n", "")
    edit(inputs.brand, 'primary: "#1D5C63"', f'primary: "{primary}"')
    result = build(inputs, target="press", layout=layout)
    found = [m for m in messages(result) if "[at colors.primary]" in m and "contrast" in m]
    assert found and all("(such as #" in m for m in found), found
    value = found[0].split("(such as ")[1][:7]
    edit(inputs.brand, f'primary: "{primary}"', f'primary: "{value}"')
    for target, other in (("office", layout), ("press", layout), ("office", "trifold"), ("press", "trifold")):
        said = [m for m in messages(build(inputs, target=target, layout=other)) if "[at colors.primary]" in m]
        assert not [m for m in said if "contrast" in m], (value, target, other, said)


@pytest.mark.parametrize("target", ["office", "press"])
def test_the_colour_suggested_builds_beside_pale_colours_and_as_printed(inputs: Inputs, target: str) -> None:
    """Two pale pinks: a 16 % tint of the secondary was taken for a 7 % tint of the primary (alike within the
    measure), so the colour suggested for the primary left text on that tint under 4.5:1; and the press edition,
    whose colours are converted for the press, suggested none. The colour suggested builds, in either edition."""
    inputs.content.write_text(CONTENT.read_text(encoding="utf-8"), encoding="utf-8")
    edit(inputs.brand, 'secondary: "#7FB7BE"', 'secondary: "#F8D7E0"')
    edit(inputs.brand, "  cmyk:\n    primary: [85, 35, 40, 25]\n", "")  # (the press's primary converted, as a kit
    # from `brochure init` has it)
    edit(inputs.brand, 'primary: "#1D5C63"', 'primary: "#E8A0B4"' if target == "office" else 'primary: "#946673"')
    found = [m for m in messages(build(inputs, target=target)) if "[at colors.primary]" in m and "contrast" in m]
    assert found and all("(such as #" in m for m in found), found
    assert not [m for m in found if "tint of colors.primary" in m]  # (the secondary's tint, named so)
    assert target == "press" or any("the back's lines" in m for m in found)  # (the contact lines: not "body text",
    # which sent a clinic to colors.text)
    value = found[0].split("(such as ")[1][:7]
    edit(inputs.brand, inputs.brand.read_text(encoding="utf-8").split("primary: ")[1][:9], f'"{value}"')
    result = build(inputs, target=target)
    assert not [m for m in messages(result) if "[at colors.primary]" in m and "contrast" in m], messages(result)


@pytest.mark.parametrize(
    ("formats", "feedback", "given"),
    [
        ("[call us](tel:+441174960999) for large print", "", "phone number +441174960999"),
        (
            "call 0117 496 0321 for large print",
            "[Email us](mailto:hello@cwbath.uk?subject=Feedback)",
            "email hello@cwbath.uk",
        ),
        ("call 0117 496 0321", "[Email us](mailto:hello%40cwbath.uk)", "email hello@cwbath.uk"),
    ],
    ids=["tel-link", "mailto-link", "mailto-encoded"],
)
def test_a_kits_line_whose_link_opens_another_phone_or_email_is_warned(formats: str, feedback: str, given: str) -> None:
    """A label such as "Email us" prints no address: a copied kit's link still opened the other clinic's inbox (or
    called its number) with no warning. The addresses a line's mailto: and tel: links open are read as its own."""
    from brochure.inputs.brand import OtherFormats, load_brand
    from brochure.preflight.checks import check_contact_lines

    kit = load_brand(BRAND)[0]
    assert kit is not None
    lines = dataclasses.replace(kit, other_formats=OtherFormats(("large print",), formats), feedback=feedback)
    (found,) = check_contact_lines(lines)
    assert f" links to the {given}, and the clinic's own (contact:) is " in found.message, found.message
    assert found.hint.startswith(
        ("make the link tel:+441174960321, ", "make the link mailto:hello@clearwaterskin.co.uk,")
    )
    own = "[call us](tel:+441174960321) or [email us](mailto:HELLO@clearwaterskin.co.uk)"
    assert check_contact_lines(dataclasses.replace(kit, feedback=own, other_formats=None)) == []


@pytest.mark.parametrize(
    ("formats", "feedback"),
    [
        ("請致電0117 496 0321或寫信至hello@clearwaterskin.co.uk", "歡迎來信hello@clearwaterskin.co.uk告訴我們您的意見"),
        ("call 0117 496 0321 or the patient advice line, 0300 311 22 33", "email feedback@clearwaterskin.co.uk"),
        ("call free on 0800 123 4567", "Tell us: www.clearwaterskin.co.uk/feedback or hello@clearwaterskin.co.uk"),
    ],
    ids=["chinese", "national-line-and-own-domain", "free-line"],
)
def test_the_kits_lines_that_give_the_clinics_own_or_its_dedicated_lines_are_not_warned(
    formats: str, feedback: str
) -> None:
    """A review's false warnings: an email with no space beside it in Chinese was read with the letters around it
    ("0321或寫信至hello@..."); a feedback address on the clinic's own domain, a free, shared-cost or national line
    beside the clinic's number, are the clinic's on purpose."""
    from brochure.inputs.brand import OtherFormats, load_brand
    from brochure.preflight.checks import check_contact_lines

    kit = load_brand(BRAND)[0]
    assert kit is not None
    lines = dataclasses.replace(kit, other_formats=OtherFormats(("large print",), formats), feedback=feedback)
    assert check_contact_lines(lines) == []


@pytest.mark.parametrize(
    ("region", "phone", "own"),
    [("US", "+18025550148", "(802) 555-0148"), ("IE", "+35312345678", "01 234 5678")],
    ids=["us", "ie"],
)
def test_a_kit_copied_to_another_country_keeps_no_old_number_unwarned(region: str, phone: str, own: str) -> None:
    """A kit copied to a clinic in another country, its country and phone changed: the other-formats line's old
    number (0117 496 0321, read by the new country's rules as no number) printed beside the new one, no warning.
    Written as numbers are written, read without a country's rules, it is warned; the clinic's own, written in
    any way, is not."""
    from brochure.inputs.brand import OtherFormats, load_brand
    from brochure.preflight.checks import check_contact_lines

    kit = load_brand(BRAND)[0]
    assert kit is not None
    moved = dataclasses.replace(kit, contact=dataclasses.replace(kit.contact, phone=phone, phone_region=region))
    lines = dataclasses.replace(moved, other_formats=OtherFormats(("large print",), "call 0117 496 0321"))
    (found,) = check_contact_lines(lines)
    assert "gives the phone number 0117 496 0321, and the clinic's own (contact:) is " in found.message
    for written in (own, phone, phone.replace("+", "00"), f"{phone[:-7]} {phone[-7:-4]} {phone[-4:]}"):
        mended = OtherFormats(("large print",), f"call {written}, Monday to Friday 9 to 17")
        assert check_contact_lines(dataclasses.replace(moved, other_formats=mended)) == [], written
    for also in ("from 2026-12-01", "open 08.00-18.00", "registered charity 1123456", "ZIP 05401-1234", "01.12.2026"):
        dated = OtherFormats(("large print",), f"ask at reception, {also}")  # (digits that are no number to call)
        assert check_contact_lines(dataclasses.replace(moved, other_formats=dated)) == [], also


def test_no_colour_is_suggested_that_fails_what_passes_now(inputs: Inputs) -> None:
    """A dark background: the primary's text fails on the secondary's tint mixed into it, and a lighter primary was
    suggested, which failed the white labels on it and the headings on white (the next round suggested darker
    again, round after round). A suggestion keeps what passes passing: none reads on both here, and none is said."""
    inputs.content.write_text(CONTENT.read_text(encoding="utf-8"), encoding="utf-8")
    edit(inputs.brand, 'background: "#FFFFFF"', 'background: "#3A3A3A"')
    found = [m for m in messages(build(inputs)) if "[at colors.primary]" in m and "contrast" in m]
    assert found and not [m for m in found if "(such as #" in m], found
