"""Preflight: every check has an input that trips it, and the message points where the user can fix it."""

from __future__ import annotations

import dataclasses
import io
import json
from pathlib import Path

import pytest
from conftest import Inputs, edit, position
from helpers import BRAND, CONTENT, build, built, sources
from PIL import Image as PILImage
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from brochure import api, cli
from brochure.diagnostics import Location
from brochure.geometry.sheet import MM, Rect, trifold
from brochure.layout.images import Picture
from brochure.layout.model import Layout, Page, Placed
from brochure.preflight.checks import check_safe_zone
from brochure.preflight.design import check_pictures, check_qr_geometry, check_type_sizes
from brochure.preflight.pdf import Where, check_pdf
from brochure.preflight.qr import check_qr_decodes

HERE = Location("x.yaml", 1, 1)
WHERE = Where(HERE, HERE, HERE)


def one_item_layout(item: Placed, target: str = "office") -> Layout:
    sheet = trifold("a4", target)
    return Layout(sheet, (Page(sheet.sides[1], (item,), (), ()),), ())


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


def test_a_stretched_picture_is_an_error(tmp_path: Path) -> None:
    png = tmp_path / "p.png"
    PILImage.new("RGB", (3000, 3000)).save(png)
    pic = Picture(str(png), 200, 100, (3000, 3000), HERE)  # a square picture squashed to half its height
    item = Placed(pic, Rect(30 * MM, 30 * MM, 200, 100), "inside-1")
    msgs = [d.message for d in check_pictures(one_item_layout(item))]
    assert any("stretched" in m for m in msgs)


def test_pictures_in_the_press_edition_are_cmyk(inputs: Inputs) -> None:
    add_picture(inputs, (1000, 750))
    import pikepdf

    doc = pikepdf.open(io.BytesIO(build(inputs, target="press").pdf or b""))
    images = [img for p in doc.pages for img in p.get_images().values()]
    assert images and all(img.ColorSpace == "/DeviceCMYK" for img in images)


# --- safe zone and folds ------------------------------------------------------------------------


def test_text_over_a_fold_is_an_error() -> None:
    fold = trifold("a4", "office").sides[1].folds[0]
    item = Placed(Paragraph("x"), Rect(fold - 20, 100, 40, 12), "inside-1", "s")
    (d,) = check_safe_zone(one_item_layout(item), "c.yaml")
    assert "within 3 mm of a fold" in d.message and d.location.key == "inside/inside-1/s"


def test_text_at_the_sheet_edge_is_an_error() -> None:
    item = Placed(Paragraph("x"), Rect(2 * MM, 100, 40, 12), "inside-1", "s")
    (d,) = check_safe_zone(one_item_layout(item), "c.yaml")
    assert "too close to the sheet edge" in d.message


# --- type size ------------------------------------------------------------------------------------


def test_type_under_7pt_is_an_error_and_body_under_9pt_a_warning() -> None:
    src = sources()
    theme_result = built()
    assert theme_result.layout is not None
    from brochure.theme.styles import Scale, make_theme

    theme = make_theme(src.brand, src.fonts)
    tiny = Paragraph("tiny", theme.style("body").clone("tiny", fontSize=6))
    item = Placed(tiny, Rect(30 * MM, 30 * MM, 100, 10), "inside-1")
    small_theme = dataclasses.replace(theme, scale=Scale(body=8.5))
    diags = check_type_sizes(one_item_layout(item), small_theme, src.brand)
    assert [d.severity.value for d in diags] == ["error", "warning"]
    assert "6.0 pt, under 7 pt" in diags[0].message
    assert "body type is 8.5 pt" in diags[1].message
    assert diags[0].location.key == "fonts.body" and diags[0].location.line > 0


# --- contrast ------------------------------------------------------------------------------------


def test_pale_body_text_is_an_error_pointing_at_the_colour(inputs: Inputs) -> None:
    text = edit(inputs.brand, 'text: "#1F2A2E"', 'text: "#A0A8AA"')
    msgs = messages(build(inputs))
    line, col = position(text, '"#A0A8AA"')
    assert msgs and all(m.startswith(f"{inputs.brand}:{line}:{col}: error:") for m in msgs)
    assert "body text have a contrast of" in msgs[0] and "under 4.5:1" in msgs[0]


def test_pale_headings_are_an_error(inputs: Inputs) -> None:
    edit(inputs.brand, 'primary: "#1D5C63"', 'primary: "#9FD3D9"')
    msgs = messages(build(inputs))
    assert any("headings have a contrast of" in m and "under 3:1" in m for m in msgs)


# --- ink -----------------------------------------------------------------------------------------


def test_too_much_ink_is_an_error_for_press_only(inputs: Inputs) -> None:
    text = edit(inputs.brand, "primary: [85, 35, 40, 25]", "primary: [100, 90, 90, 80]")
    assert build(inputs).ok
    msgs = messages(build(inputs, target="press"))
    line, col = position(text, 'primary: "#1D5C63"')  # the colours block begins here
    assert msgs and msgs[0].startswith(f"{inputs.brand}:{line}:{col}: error: page 1 needs 360% total ink")


# --- QR code ---------------------------------------------------------------------------------------


def test_a_small_qr_code_is_an_error() -> None:
    layout = built().layout
    assert layout is not None and layout.qr is not None
    small = dataclasses.replace(layout, qr=dataclasses.replace(layout.qr, box=Rect(50, 50, 15 * MM, 15 * MM)))
    msgs = [d.message for d in check_qr_geometry(small, sources().brand)]
    assert any("under 20 mm" in m for m in msgs)


def test_a_qr_code_that_reads_something_else_is_an_error() -> None:
    result = built()
    assert result.layout is not None and result.layout.qr is not None and result.pdf is not None
    wrong = dataclasses.replace(result.layout, qr=dataclasses.replace(result.layout.qr, url="https://example.com/x"))
    (d,) = check_qr_decodes(result.pdf, wrong, HERE)
    assert "does not decode to https://example.com/x" in d.message
    assert "clearwaterskin.co.uk/book" in d.message
    assert check_qr_decodes(result.pdf, result.layout, HERE) == []


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
        result = api.build(sources(CONTENT, BRAND), api.Options(target=target))
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
    edit(inputs.brand, 'text: "#1F2A2E"', 'text: "#A0A8AA"')
    args = ["build", "--content", str(inputs.content), "--brand", str(inputs.brand), "-o", str(out)]
    assert cli.main([*args, "--target", target]) == 1
    assert out.read_bytes() == b"%PDF-1.4 earlier"


def test_a_word_too_long_for_its_column_is_an_error(inputs: Inputs) -> None:
    long_word = "Redness-lasting-one-to-three-days-in-most-people-who-have-it-done"
    text = edit(inputs.content, '"Redness for 1 to 3 days"', f'"{long_word}"')
    msgs = messages(build(inputs))
    line, col = position(text, "- id: risks")
    assert any(
        m.startswith(f"{inputs.content}:{line}:{col + 2}: error: a word is")
        and "too long for its column in 'risks'" in m
        and "[at outside/flap/risks]" in m
        for m in msgs
    ), msgs


def test_a_transparent_picture_is_flattened_onto_white_for_press(inputs: Inputs) -> None:
    import pikepdf

    PILImage.new("RGBA", (1000, 750), (200, 0, 0, 0)).save(inputs.content.parent / "photo.png")
    edit(
        inputs.content,
        '      - text: "Fine needles',
        '      - image: {src: photo.png, alt: "A photo"}\n      - text: "Fine needles',
    )
    result = build(inputs, target="press")
    assert result.ok
    doc = pikepdf.open(io.BytesIO(result.pdf or b""))
    (image,) = [img for p in doc.pages for img in p.get_images().values()]
    assert image.ColorSpace == "/DeviceCMYK" and "/SMask" not in image
    pixels = pikepdf.PdfImage(image).as_pil_image().convert("CMYK").getextrema()
    assert all(hi <= 3 for _, hi in pixels)  # paper white, not the hidden red
