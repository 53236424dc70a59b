"""The brand kit's logo and type controls: the logo's printed height, its transparent padding trimmed, the body size
(or `auto`, by x-height) that fitting starts from; each wrong value an error at its line with a hint."""

from __future__ import annotations

import io
import math
from pathlib import Path

import pytest
from conftest import Inputs, edit, position
from helpers import build, check, texts
from PIL import Image

from brochure import api
from brochure.geometry.sheet import MM, Rect, trifold
from brochure.inputs.brand import load_brand
from brochure.layout.model import Layout, Picture, Shape
from brochure.limits import GOOD_PPI
from brochure.output.preview import page_images
from brochure.theme.fonts import x_height

PADDED = (  # a 40 x 40 mark in the middle of a 200 x 100 artboard: 80 % of the width and 60 % of the height padding
    '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100">'
    '<rect x="80" y="30" width="40" height="40" fill="#1D5C63"/></svg>'
)
STROKED = (  # a stroked square: its 8-unit stroke reaches 4 units outside the outline getBounds reports
    '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100">'
    '<rect x="80" y="30" width="40" height="40" fill="none" stroke="#1D5C63" stroke-width="8"/></svg>'
)


def logo_box(layout: Layout, page: int = 0) -> Rect:
    """The extent of what the logo draws on the cover (its shapes, or its picture)."""
    boxes = [i.box for i in layout.pages[page].items if i.region in ("cover", "front") and i.role == "figure"]
    assert boxes, "no logo on the cover"
    x0, y0 = min(b.x for b in boxes), min(b.y for b in boxes)
    return Rect(x0, y0, max(b.right for b in boxes) - x0, max(b.top for b in boxes) - y0)


def cover_top(layout: str = "trifold") -> float:
    """The top of the text box of the trifold's cover (A4, office): where the logo's top sits."""
    return trifold("a4", "office").sides[0].panel("cover").content.top


def built(inputs: Inputs, **options: object) -> api.Result:
    result = build(inputs, **options)
    assert result.ok and result.layout is not None, [d.format() for d in result.diagnostics]
    return result


# --- the logo's height ---------------------------------------------------------------------------------------


def test_the_logo_is_15mm_tall_unless_the_kit_says(inputs: Inputs) -> None:
    layout = built(inputs).layout
    assert layout is not None
    box = logo_box(layout)
    assert box.h == pytest.approx(15 * MM, abs=0.01) and box.top == pytest.approx(cover_top(), abs=0.01)


def test_the_kit_sets_the_logo_height_in_every_layout(inputs: Inputs) -> None:
    edit(inputs.brand, "logo: logo.svg", "logo: {file: logo.svg, height: 22}")
    for layout, page in (("trifold", 0), ("bifold", 0), ("large-print", 0)):
        result = built(inputs, layout=layout)
        assert result.layout is not None
        assert logo_box(result.layout, page).h == pytest.approx(22 * MM, abs=0.01), layout


def test_a_height_per_layout_leaves_the_others_at_their_own(inputs: Inputs) -> None:
    edit(inputs.brand, "logo: logo.svg", "logo:\n  file: logo.svg\n  height: {bifold: 12, large-print: 30}")
    sizes = {}
    for layout in ("trifold", "bifold", "large-print"):
        result = built(inputs, layout=layout)
        assert result.layout is not None
        sizes[layout] = round(logo_box(result.layout).h / MM, 2)
    assert sizes == {"trifold": 15.0, "bifold": 12.0, "large-print": 30.0}


def test_a_taller_logo_moves_the_colour_field_down_by_as_much(inputs: Inputs) -> None:
    before = built(inputs).layout
    edit(inputs.brand, "logo: logo.svg", "logo: {file: logo.svg, height: 25}")
    after = built(inputs).layout
    assert before is not None and after is not None

    def field(layout: Layout) -> Rect:
        return next(i.box for i in layout.pages[0].items if isinstance(i, Shape) and i.bleeds)

    assert field(before).top - field(after).top == pytest.approx(10 * MM, abs=0.05)
    (title,) = texts(before, role="title")
    assert [t.baseline for t in texts(after, role="title")] == [title.baseline]  # the title keeps its place


@pytest.mark.parametrize(
    ("written", "at", "message", "hint"),
    [
        ("height: 60", "60", "a logo 60 mm tall is out of range", "write a height from 8 to 40 mm"),
        ("height: 5", "5", "a logo 5 mm tall is out of range", "under 8 mm a logo's lettering is too small"),
        ("height: 40.0000001", "40.0000001", "a logo 40.0000001 mm tall is out of range", "from 8 to 40 mm"),
        ("height: tall", "height", "expected a height in millimetres, found text", "e.g. 'height: 20'"),
        ("height: {trifold: 45}", "45", "a logo 45 mm tall is out of range", "write a height from 8 to 40 mm"),
        ("height: {trifolds: 20}", "trifolds", "unknown key 'trifolds'", "did you mean 'trifold'?"),
    ],
    ids=["too-tall", "too-small", "a-hair-too-tall", "words", "per-layout", "misspelt-layout"],
)
def test_a_wrong_height_is_an_error_at_its_value(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], written: str, at: str, message: str, hint: str
) -> None:
    text = edit(inputs.brand, "logo: logo.svg", f"logo:\n  file: logo.svg\n  {written}")
    status, errors, _ = check(inputs, capsys)
    assert status == 1 and len(errors) == 1, errors
    line, col = position(text, written)
    col += written.index(at)
    assert errors[0].startswith(f"{inputs.brand}:{line}:{col}: error: {message}"), errors[0]
    assert hint in errors[0]


def test_a_height_written_with_its_unit_is_understood(inputs: Inputs) -> None:
    edit(inputs.brand, "logo: logo.svg", 'logo: {file: logo.svg, height: "18 mm"}')
    layout = built(inputs).layout
    assert layout is not None and logo_box(layout).h == pytest.approx(18 * MM, abs=0.01)


def test_a_logo_too_tall_for_the_flyer_header_says_how_tall_fits(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    text = edit(inputs.brand, "logo: logo.svg", "logo:\n  file: logo.svg\n  height: {flyer: 30, trifold: 30}")
    assert build(inputs).ok  # the tri-fold's cover has room for 30 mm
    status, errors, _ = check(inputs, capsys, "--layout", "flyer")
    line, col = position(text, "30, trifold")
    assert status == 1 and len(errors) == 1, errors
    assert errors[0].startswith(f"{inputs.brand}:{line}:{col}: error: a logo 30 mm tall leaves too little room")
    assert "on the front (flyer, a4): at most 23 mm fits" in errors[0] and "height: {flyer: 23}" in errors[0]
    edit(inputs.brand, "flyer: 30", "flyer: 23")
    assert build(inputs, layout="flyer").ok


def test_a_wide_logo_that_cannot_be_as_tall_as_asked_is_a_warning(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    wide = '<svg xmlns="http://www.w3.org/2000/svg" width="600" height="40"><rect width="600" height="40"/></svg>'
    (inputs.kit / "logo.svg").write_text(wide, encoding="utf-8")
    text = edit(inputs.brand, "logo: logo.svg", "logo: {file: logo.svg, height: 20}")
    status, errors, warnings = check(inputs, capsys)
    assert status == 0 and not errors
    (warned,) = [w for w in warnings if "the logo prints" in w]
    line, col = position(text, "20}")
    assert warned.startswith(f"{inputs.brand}:{line}:{col}: warning: the logo prints 5.6 mm tall, not 20 mm")
    assert "it would be 300 mm wide, and the cover is 84 mm wide" in warned
    layout = built(inputs).layout
    assert layout is not None and logo_box(layout).w == pytest.approx(84 * MM, abs=0.01)  # the whole width


# --- transparent padding -------------------------------------------------------------------------------------


def test_an_svg_logos_padding_is_trimmed_so_the_mark_is_as_tall_as_asked(inputs: Inputs) -> None:
    (inputs.kit / "logo.svg").write_text(PADDED, encoding="utf-8")
    layout = built(inputs).layout
    assert layout is not None
    box = logo_box(layout)
    content = trifold("a4", "office").sides[0].panel("cover").content
    assert box.h == pytest.approx(15 * MM, abs=0.01) and box.w == pytest.approx(15 * MM, abs=0.01)
    assert (box.x, box.top) == (pytest.approx(content.x, abs=0.01), pytest.approx(content.top, abs=0.01))


def test_an_svg_logos_strokes_are_kept_whole_when_trimming(inputs: Inputs) -> None:
    (inputs.kit / "logo.svg").write_text(STROKED, encoding="utf-8")
    layout = built(inputs).layout
    assert layout is not None
    (square,) = [i for i in layout.pages[0].items if isinstance(i, Shape) and i.role == "figure"]
    band = trifold("a4", "office").sides[0].panel("cover").content
    reach = square.line_width / 2  # the stroke's outer edge, past the outline the frame's box gives
    assert square.box.top + reach <= band.top + 0.01 and square.box.x - reach >= band.x - 0.01
    assert square.box.top + reach > band.top - 2.0  # and trimmed (the padding was 30 % of the height)


def test_an_svg_logos_stroke_wider_than_its_artboard_is_clipped_at_it_in_the_logos_place(inputs: Inputs) -> None:
    """A stroke reaching past the artboard's edge printed past the logo's place (into the fold, past the sheet's
    safe edge), and the build stopped with 'a layout bug' at content.yaml:1:1; then the logo's box grew to hold it
    (the mark printed smaller, with what a browser does not show): it is clipped at the artboard, as a browser
    shows it, and the logo is as tall as asked."""
    (inputs.kit / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="100" viewBox="0 0 400 100">'
        '<rect width="400" height="100" fill="#1D5C63" stroke="#E07A5F" stroke-width="200"/></svg>',
        encoding="utf-8",
    )
    result = built(inputs)
    assert result.ok and result.layout is not None, [d.format() for d in result.diagnostics]
    (square,) = [i for i in result.layout.pages[0].items if isinstance(i, Shape) and i.role == "figure"]
    band = trifold("a4", "office").sides[0].panel("cover").content
    (clip,) = square.clip
    xs = [p[0] for _, points in clip.path for p in zip(points[::2], points[1::2], strict=True)]
    ys = [p[1] for _, points in clip.path for p in zip(points[::2], points[1::2], strict=True)]
    assert (min(xs), max(ys)) == (pytest.approx(band.x, abs=0.01), pytest.approx(band.top, abs=0.01))
    assert (max(xs) - min(xs), max(ys) - min(ys)) == (pytest.approx(60 * MM, abs=0.01), pytest.approx(15 * MM))
    assert (square.box.w, square.box.h) == (pytest.approx(60 * MM, abs=0.01), pytest.approx(15 * MM, abs=0.01))


def test_what_an_svg_logo_draws_past_its_artboard_is_not_printed(inputs: Inputs) -> None:
    """A shape drawn off the artboard (its viewBox) printed, exit 0, and grew the logo's box, while a browser and a
    drawing program show the logo without it: the rectangle beside the artboard is gone, the circle on its edge is
    cut there, and the logo is the artboard's two squares' width."""
    (inputs.kit / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100">'
        '<rect width="100" height="100" fill="#1D5C63"/><circle cx="200" cy="50" r="60" fill="#E07A5F"/>'
        '<rect x="-80" y="20" width="60" height="60" fill="#C8553D"/></svg>',
        encoding="utf-8",
    )
    result = built(inputs)
    assert result.ok and result.layout is not None, [d.format() for d in result.diagnostics]
    assert logo_box(result.layout).w == pytest.approx(30 * MM, abs=0.01)  # (200 x 100 at 15 mm tall)
    assert result.pdf is not None
    page = Image.open(io.BytesIO(page_images(result.pdf, 72)[0])).convert("RGB")
    band = trifold("a4", "office").sides[0].panel("cover").content
    top = round(page.height - band.top) + 5
    row = [page.getpixel((x, top + 30)) for x in range(page.width)]  # (a row through the logo's middle)
    left = round(band.x)
    assert all(p == (255, 255, 255) for p in row[left - 40 : left - 1])  # (no rectangle before the artboard)
    assert row[left + 40] != (255, 255, 255) and row[left + 80] != (255, 255, 255)  # the square, the circle
    assert all(p == (255, 255, 255) for p in row[left + 87 : left + 120])  # (the circle cut at 85 pt)


def test_a_logo_filled_to_its_edges_with_a_stroke_inside_keeps_its_box(inputs: Inputs) -> None:
    """A stroke well inside the artboard does not grow the box (the widest stroke anywhere, counted round every
    shape, grew a fill-to-edge logo by 12 units a side and printed it 14 % smaller)."""
    (inputs.kit / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="100" viewBox="0 0 400 100">'
        '<rect width="400" height="100" fill="#1D5C63"/>'
        '<path d="M100 50 L300 50" stroke="#FFFFFF" stroke-width="8"/></svg>',
        encoding="utf-8",
    )
    kit, diags = load_brand(inputs.brand)
    assert kit is not None and kit.logo is not None, [d.format() for d in diags]
    assert (kit.logo.width, kit.logo.height) == (pytest.approx(300.0), pytest.approx(75.0))  # (400 x 100 px in pt)


def test_a_hairline_margin_is_kept(inputs: Inputs) -> None:
    thin = (  # a 1-unit margin round a 98-unit mark: 1 % of the height
        '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="100" viewBox="0 0 300 100">'
        '<rect x="1" y="1" width="298" height="98" fill="#1D5C63"/></svg>'
    )
    (inputs.kit / "logo.svg").write_text(thin, encoding="utf-8")
    layout = built(inputs).layout
    assert layout is not None
    assert logo_box(layout).h == pytest.approx(15 * MM * 98 / 100, abs=0.01)


def png(size: tuple[int, int], mark: tuple[int, int, int, int] | None, mode: str = "RGBA") -> bytes:
    """A PNG of `size` pixels, transparent (or white) but for an opaque `mark` (left, top, right, bottom)."""
    im = Image.new(mode, size, (0, 0, 0, 0) if mode == "RGBA" else (255, 255, 255))
    if mark is not None:
        im.paste((29, 92, 99, 255) if mode == "RGBA" else (29, 92, 99), mark)
    buf = io.BytesIO()
    im.save(buf, format="PNG")
    return buf.getvalue()


def use_png(inputs: Inputs, data: bytes) -> None:
    (inputs.kit / "logo.png").write_bytes(data)
    edit(inputs.brand, "logo: logo.svg", "logo: logo.png")


def cover_picture(result: api.Result) -> Picture:
    assert result.layout is not None
    (logo,) = [i for i in result.layout.pages[0].items if isinstance(i, Picture) and i.region == "cover"]
    return logo


SQUARE = (900, 300, 1500, 900)  # a 600-pixel square mark, 900 pixels of clear space beside it, 300 above and below


def test_a_png_logos_transparent_border_is_trimmed(inputs: Inputs) -> None:
    use_png(inputs, png((2400, 1200), SQUARE))
    result = built(inputs)
    logo = cover_picture(result)
    assert (logo.box.w / MM, logo.box.h / MM) == (pytest.approx(15, abs=0.01), pytest.approx(15, abs=0.01))
    assert logo.box.top == pytest.approx(cover_top(), abs=0.01)
    assert result.pdf == built(inputs).pdf  # the trimmed picture is the same bytes every time


@pytest.mark.parametrize("kind", ["PNG", "JPEG", "CMYK JPEG", "16-bit PNG"])
def test_a_logos_white_margin_is_trimmed_so_the_mark_is_as_tall_as_asked(inputs: Inputs, kind: str) -> None:
    """A logo exported on a white canvas (no transparency: a JPEG, or a PNG saved without it): the white round the
    mark, unseen on the white paper, printed the mark at half its height and 15 mm in from the words' edge. It is
    trimmed as a transparent border is (a JPEG's not-quite-white included), and the mark's ink starts where the
    cover's words do. A CMYK JPEG's and a 16-bit grey PNG's margin too (kept: a print-shop tester, 2026-12-07), the
    CMYK one's own plates cut alike for the press edition."""
    mode, white, ink = {
        "CMYK JPEG": ("CMYK", (0, 0, 0, 0), (217, 89, 102, 64)),
        "16-bit PNG": ("I;16", 65535, 8000),
    }.get(kind, ("RGB", (255, 255, 255), (29, 92, 99)))
    im = Image.new(mode, (2400, 1200), white)  # type: ignore[arg-type]
    im.paste(ink, SQUARE)  # type: ignore[arg-type]
    buf = io.BytesIO()
    im.save(buf, format=kind.split()[-1], **({"quality": 80} if kind.endswith("JPEG") else {}))
    name = "logo.jpg" if kind.endswith("JPEG") else "logo.png"
    (inputs.kit / name).write_bytes(buf.getvalue())
    edit(inputs.brand, "logo: logo.svg", f"logo: {name}")
    result = built(inputs)
    logo = cover_picture(result)
    assert (logo.box.w / MM, logo.box.h / MM) == (pytest.approx(15, abs=0.05), pytest.approx(15, abs=0.05))
    assert result.pdf is not None
    page = Image.open(io.BytesIO(page_images(result.pdf, 72)[0])).convert("RGB")
    band = trifold("a4", "office").sides[0].panel("cover").content
    row = [page.getpixel((x, round(page.height - band.top + 20))) for x in range(page.width)]
    cover = range(round(band.x) - 30, round(band.right))
    inked = [x for x in cover if sum(row[x]) < 3 * 200]  # (the mark's dark teal, through its middle)
    assert inked and abs(inked[0] - band.x) <= 1.5 and inked[-1] - inked[0] == pytest.approx(15 * MM, abs=2)
    if mode == "CMYK":  # (the press edition prints its own plates, cut to the mark)
        press = cover_picture(built(inputs, target="press"))
        assert (press.box.w / MM, press.box.h / MM) == (pytest.approx(15, abs=0.05), pytest.approx(15, abs=0.05))
        with Image.open(io.BytesIO(press.data)) as printed:
            assert printed.mode == "CMYK" and abs(printed.size[0] - printed.size[1]) <= 1, printed.size
            corners = [printed.getpixel((x, y)) for x in (3, printed.size[0] - 4) for y in (3, printed.size[1] - 4)]
        for corner in corners:  # (the mark to its corners: its plates cut, not squeezed whole into its box)
            assert isinstance(corner, tuple) and all(abs(a - b) <= 8 for a, b in zip(corner, ink, strict=True)), corners


def test_a_png_logos_faint_shadow_round_its_mark_is_trimmed_as_the_paper_shows_it(inputs: Inputs) -> None:
    """A mark on a clear ground with a faint dark haze over the rest (a drop shadow at 3 % opacity): laid on white
    paper the haze is white within NEAR_WHITE, nothing shows, and the logo is trimmed to its mark (read by its
    colour alone, the haze's black was the picture's whole)."""
    im = Image.new("RGBA", (2400, 1200), (0, 0, 0, 8))
    im.paste((29, 92, 99, 255), SQUARE)
    buf = io.BytesIO()
    im.save(buf, format="PNG")
    use_png(inputs, buf.getvalue())
    logo = cover_picture(built(inputs))
    assert (logo.box.w / MM, logo.box.h / MM) == (pytest.approx(15, abs=0.01), pytest.approx(15, abs=0.01))


def test_a_png_logos_coloured_margin_is_printed_as_it_is(inputs: Inputs) -> None:
    """A margin of a colour (a badge's own ground) shows on the paper: it is part of the logo, and kept."""
    im = Image.new("RGB", (2400, 1200), (224, 122, 95))
    im.paste((29, 92, 99), SQUARE)
    buf = io.BytesIO()
    im.save(buf, format="PNG")
    use_png(inputs, buf.getvalue())
    logo = cover_picture(built(inputs))
    assert (logo.box.w / MM, logo.box.h / MM) == (pytest.approx(30, abs=0.01), pytest.approx(15, abs=0.01))


def big_logo(size: tuple[int, int], mark: tuple[int, int, int, int]) -> bytes:
    """A logo exported large on a white canvas: a coloured mark with lettering beside and under it."""
    from PIL import ImageDraw

    im = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(im)
    left, top, right, bottom = mark
    draw.ellipse((left, top, left + (bottom - top) // 2, top + (bottom - top) // 2), fill=(29, 92, 99))
    for n in range(6):  # (strokes of lettering, thin and thick)
        x = left + (bottom - top) // 2 + 40 + n * (right - left) // 9
        draw.rectangle((x, top + 40, x + 8 + 20 * (n % 2), top + (bottom - top) // 2), fill=(31, 42, 46))
    draw.rectangle((left, bottom - (bottom - top) // 4, right - 1, bottom - 1), fill=(224, 122, 95))
    buf = io.BytesIO()
    im.save(buf, format="PNG", compress_level=1)
    return buf.getvalue()


def test_a_big_picture_logo_is_kept_at_the_pixels_it_prints_at_and_prints_as_sharp(inputs: Inputs) -> None:
    """A 4,000 x 3,000 logo whose artwork is 2,000 x 1,500 inside a white border: it was kept whole once trimmed,
    and each build read, resampled and converted it again (a 6,600 x 6,000 logo: 3.5 s a build, 10 s for init).
    It is made smaller once, as it is loaded, to 600 ppi at the tallest a logo prints (40 mm: 945 pixels tall);
    its shape, and what it costs of the build's pixels, are still the artwork's, and wherever it prints it is
    resampled to 300 ppi as the whole picture was."""
    use_png(inputs, big_logo((4000, 3000), (1000, 750, 3000, 2250)))
    kit, diags = load_brand(inputs.brand)
    assert kit is not None and kit.logo.picture is not None, diags
    assert (kit.logo.width, kit.logo.height) == (2000, 1500)  # (the trimmed artwork's pixels)
    assert kit.logo.picture.pixels == (1260, 945) and kit.logo.picture.cost == 4000 * 3000
    edit(inputs.brand, "logo: logo.png", "logo: {file: logo.png, height: {large-print: 40}}")
    for layout, target, tall in (("trifold", "office", 15), ("trifold", "press", 15), ("large-print", "office", 40)):
        logo = cover_picture(built(inputs, layout=layout, target=target))
        assert logo.box.h == pytest.approx(tall * MM, abs=0.01), layout
        assert logo.box.w == pytest.approx(tall * MM * 4 / 3, abs=0.01), layout
        assert min(logo.ppi) >= GOOD_PPI - 0.5 and logo.pixels[1] <= math.ceil(tall / 25.4 * GOOD_PPI) + 1, layout


@pytest.mark.parametrize("kind", ["PNG", "RGBA PNG", "JPEG"])
def test_a_big_picture_logos_pixels_are_decoded_once_as_it_is_loaded(
    inputs: Inputs, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    """A 40-megapixel logo was decoded twice as its kit was loaded, once to check it could be read and once to trim
    it (0.6 s and 156 MB a time for an RGBA PNG; a JPEG checked at 1/8 size, then decoded whole): it is trimmed
    from the pixels its check decoded. The picture kept is the same."""
    from PIL import ImageFile

    from brochure.inputs import logo as logo_module
    from brochure.remembered import Kept

    monkeypatch.setattr(logo_module, "_PICTURE_LOGOS", Kept(2))  # (none kept from another test)
    im = Image.open(io.BytesIO(big_logo((4000, 3000), (1000, 750, 3000, 2250))))
    if kind == "RGBA PNG":  # (its border transparent: trimmed by its alpha)
        im = im.convert("RGBA")
        alpha = Image.new("L", im.size, 0)
        alpha.paste(255, (1000, 750, 3000, 2250))
        im.putalpha(alpha)
    name = "logo.jpg" if kind == "JPEG" else "logo.png"
    im.save(inputs.kit / name, quality=95)
    edit(inputs.brand, "logo: logo.svg", f"logo: {name}")
    decoded: list[int] = []
    load = ImageFile.ImageFile.load

    def counted(self: ImageFile.ImageFile) -> object:
        if self.tile:  # (pixels still to decode)
            decoded.append(self.size[0] * self.size[1])
        return load(self)

    monkeypatch.setattr(ImageFile.ImageFile, "load", counted)
    kit, diags = load_brand(inputs.brand)
    assert kit is not None and kit.logo.picture is not None, diags
    assert kit.logo.width == pytest.approx(2000, abs=4) and kit.logo.height == pytest.approx(1500, abs=4)  # (trimmed:
    # a JPEG's edges blur a pixel or two)
    assert kit.logo.picture.pixels[1] == 945 and kit.logo.picture.cost == 4000 * 3000
    assert sum(decoded) == 4000 * 3000


def test_a_transparent_png_logo_is_an_error_at_the_logo(inputs: Inputs, capsys: pytest.CaptureFixture[str]) -> None:
    use_png(inputs, png((600, 300), None))
    status, errors, _ = check(inputs, capsys)
    line, col = position(inputs.brand.read_text(), "logo.png")
    assert status == 1 and len(errors) == 1
    assert errors[0].startswith(f"{inputs.brand}:{line}:{col}: error: logo is a picture with nothing in it")


def test_a_png_logo_too_small_for_its_height_names_the_pixels_it_needs(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    use_png(inputs, png((240, 60), (0, 0, 240, 60)))  # 60 pixels over 15 mm: 102 ppi
    status, errors, _ = check(inputs, capsys)
    assert status == 1
    (error,) = errors
    assert "the picture is 102 ppi at 60 x 15 mm" in error and "177 pixels tall at 15 mm (its artwork has 60)" in error
    assert "or print it 8 to 10 mm tall with logo: {file: ..., height: ...}" in error  # (and so it does)
    edit(inputs.brand, "logo: logo.png", "logo: {file: logo.png, height: 10}")
    assert check(inputs, capsys)[0] == 0
    (inputs.kit / "logo.png").write_bytes(png((192, 48), (0, 0, 192, 48)))  # 48 pixels: 150 ppi at 8 mm alone
    edit(inputs.brand, "height: 10}", "height: 15}")
    (error,) = check(inputs, capsys)[1]
    assert "or print it 8 mm tall with logo: {file: ..., height: 8} (softer than 300)" in error  # (not "8 to 8")
    edit(inputs.brand, "height: 15}", "height: 8}")
    assert check(inputs, capsys)[0] == 0  # (and so it does)
    edit(inputs.brand, "height: 8}", "height: 10}")
    (inputs.kit / "logo.png").write_bytes(png((96, 24), (0, 0, 96, 24)))  # 24 pixels: soft at 8 mm, the smallest
    edit(inputs.brand, "height: 10}", "height: 8}")  # (said without a smaller height to print it at)
    (error,) = check(inputs, capsys)[1]
    assert "(its artwork has 24); export it larger, or use the SVG (8 mm is the smallest a logo prints)" in error, error


# --- the body size -------------------------------------------------------------------------------------------


def body_runs(layout: Layout, font: str) -> set[float]:
    """The sizes the body face's runs are set at in the main flow's paragraphs."""
    return {r.size for t in texts(layout, role="paragraph") for r in t.runs if r.font == font and t.section}


def test_a_body_size_is_where_fitting_starts(inputs: Inputs) -> None:
    inputs.brand.write_text(inputs.brand.read_text() + "type: {body_size: 10.5}\n", encoding="utf-8")
    result = built(inputs)
    src, _ = api.load(inputs.content, inputs.brand)
    assert src is not None and result.body_size == 10.5
    assert result.layout is not None and body_runs(result.layout, src.fonts.regular) == {10.5}


def test_a_larger_body_tightens_from_there_when_the_words_need_it(inputs: Inputs) -> None:
    inputs.brand.write_text(inputs.brand.read_text() + "type: {body_size: 10.5}\n", encoding="utf-8")
    original, sizes, floor = inputs.content.read_text(), set(), ""
    line = "Words that keep going to fill the column. " * 5
    for n in range(17, 23):
        edit(
            inputs.content,
            '      - text: "Fine needles',
            f'      - text: "{line}"\n' * n + '      - text: "Fine needles',
        )
        result = build(inputs, layout="bifold")
        inputs.content.write_text(original)
        sizes.add(result.body_size)
        floor = floor or next((d.message for d in result.diagnostics if d.is_error), "")
    assert {10.5, 10.25, None} <= sizes <= {10.5, 10.25, 10.0, None}, sizes  # a quarter point at a time...
    assert "(bi-fold, a4, body type 10 pt)" in floor  # ...to 9/9.5 of the kit's size, not to the design's 9 pt


@pytest.mark.parametrize(("size", "said"), [(9, False), (10.5, True)])
def test_a_smaller_body_size_is_suggested_only_where_one_would_help(inputs: Inputs, size: float, said: bool) -> None:
    """Words that do not fit at the least body size fitting tightens to (9 pt; 9/9.5 of a kit's larger size) were
    told to "set a smaller body size in the brand kit" though 9 pt was already set: no smaller one is allowed."""
    inputs.brand.write_text(inputs.brand.read_text() + f"type: {{body_size: {size}}}\n", encoding="utf-8")
    line = "Words that keep going to fill the column. " * 5
    edit(
        inputs.content, '      - text: "Fine needles', f'      - text: "{line}"\n' * 40 + '      - text: "Fine needles'
    )
    result = build(inputs)
    (spill,) = [d for d in result.diagnostics if d.is_error and "do not fit" in d.message]
    assert ("set a smaller body size" in spill.hint) is said, spill.format()


def apparent(result: api.Result, src: api.Sources) -> float:
    """The body's x-height as printed, in points: its size times its font's x-height."""
    assert result.layout is not None and result.body_size is not None
    height = x_height(src.fonts.regular)
    assert height is not None
    return result.body_size * height


def alegreya(inputs: Inputs, auto: bool) -> api.Sources:
    edit(inputs.brand, "  body: {family: Be Vietnam Pro}", "  body: {family: Alegreya Sans}")
    if auto:
        inputs.brand.write_text(inputs.brand.read_text() + "type:\n  body_size: auto\n", encoding="utf-8")
    src, diags = api.load(inputs.content, inputs.brand)
    assert src is not None, [d.format() for d in diags]
    return src


def test_auto_sets_a_small_x_height_family_at_the_designs_apparent_size(inputs: Inputs, tmp_path: Path) -> None:
    reference, _ = api.load(inputs.content, inputs.brand)
    assert reference is not None
    design = apparent(api.build(reference, api.Options()), reference)
    plain = alegreya(inputs, auto=False)
    small = apparent(api.build(plain, api.Options()), plain)
    inputs.brand.write_text(inputs.brand.read_text() + "type:\n  body_size: auto\n", encoding="utf-8")
    auto, _ = api.load(inputs.content, inputs.brand)
    assert auto is not None
    result = api.build(auto, api.Options())
    assert result.ok and result.body_size == 11.0  # 9.5 pt x 0.530 / 0.458, to the quarter point
    assert small < design * 0.9  # Alegreya Sans at 9.5 pt looks 14 % smaller...
    assert apparent(result, auto) == pytest.approx(design, rel=0.01)  # ...and at 11 pt as large as the design


def test_auto_grows_the_body_familys_small_type_with_it(inputs: Inputs) -> None:
    src = alegreya(inputs, auto=True)
    result = api.build(src, api.Options())
    assert result.layout is not None
    fine = {r.size for t in texts(result.layout, region="back") for r in t.runs if r.font == src.fonts.regular}
    assert round(8 * 11 / 9.5, 2) in fine  # the disclaimer and document details: 8 pt at the design's x-height


def test_auto_keeps_the_design_for_the_design_family(inputs: Inputs) -> None:
    before = built(inputs).pdf
    inputs.brand.write_text(inputs.brand.read_text() + "type: {body_size: auto}\n", encoding="utf-8")
    assert built(inputs).pdf == before


def test_large_print_grows_by_the_same_factor(inputs: Inputs) -> None:
    src = alegreya(inputs, auto=True)
    result = api.build(src, api.Options(layout="large-print"))
    assert result.ok and result.body_size == pytest.approx(16 * 11 / 9.5, abs=0.01)


@pytest.mark.parametrize(
    ("written", "needle", "message"),
    [
        ("type: {body_size: 14}", "14", "a body size of 14 pt is out of range"),
        ("type: {body_size: 8}", "8", "a body size of 8 pt is out of range"),
        ("type: {body_size: big}", "body_size", "expected a size in points or 'auto', found text"),
        ("type: {size: 10}", "size: 10", "unknown key 'size'"),
    ],
    ids=["too-large", "too-small", "words", "misspelt"],
)
def test_a_wrong_body_size_is_an_error_at_its_value(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], written: str, needle: str, message: str
) -> None:
    text = inputs.brand.read_text() + written + "\n"
    inputs.brand.write_text(text, encoding="utf-8")
    status, errors, _ = check(inputs, capsys)
    assert status == 1 and len(errors) == 1, errors
    line, col = position(text, needle if needle not in ("8", "14") else f" {needle}}}")
    col += 1 if needle in ("8", "14") else 0
    assert errors[0].startswith(f"{inputs.brand}:{line}:{col}: error: {message}"), errors[0]
    assert "hint:" in errors[0]


def test_a_png_logos_transparent_parts_show_the_paper(inputs: Inputs) -> None:
    ring = Image.new("RGBA", (600, 600), (29, 92, 99, 255))
    ring.paste((0, 0, 0, 0), (150, 150, 450, 450))  # a clear middle, black where it is clear
    buf = io.BytesIO()
    ring.save(buf, format="PNG")
    use_png(inputs, buf.getvalue())
    result = built(inputs)
    logo = cover_picture(result)
    assert result.pdf is not None
    (page,) = page_images(result.pdf, 72)[:1]
    with Image.open(io.BytesIO(page)) as im:
        height = im.height
        middle = im.convert("RGB").getpixel(
            (round(logo.box.x + logo.box.w / 2), round(height - logo.box.y - logo.box.h / 2))
        )
        edge = im.convert("RGB").getpixel((round(logo.box.x + 3), round(height - logo.box.y - logo.box.h / 2)))
    assert middle == (255, 255, 255) and edge != (255, 255, 255)  # the paper through the middle, the ring round it


KITS = ["brand.yaml", "brands/harbour-lane/brand.yaml", "brands/maple-main/brand.yaml", "brands/elm-park/brand.yaml"]


@pytest.mark.parametrize("kit", KITS, ids=["clearwater", "harbour-lane", "maple", "elm-park"])
def test_section_headings_look_the_designs_size_whatever_the_heading_family(kit: str) -> None:
    """A heading family with small letters (Harbour Lane's Alegreya Sans ExtraBold) is set larger, so that its
    headings look the design's 14 pt and stand well above the 11 pt bold subheadings; one with letters as tall as
    the design's (Be Vietnam Pro, IBM Plex Serif) stays at 14 pt."""
    root = Path(__file__).resolve().parents[1]
    src, diags = api.load(root / "content.yaml", root / "assets" / kit)
    assert src is not None, diags
    result = api.build(src, api.Options())
    assert result.ok and result.layout
    (size,) = {r.size for t in texts(result.layout) if t.role == "heading" and t.level == 2 for r in t.runs}
    sub = max(r.size for t in texts(result.layout) if t.role == "heading" and t.level == 3 for r in t.runs)
    height, body = x_height(src.fonts.heading), x_height(src.fonts.bold)
    assert height is not None and body is not None
    assert size == (14.0 if height >= 0.52 else 15.75)
    assert size * height >= 0.98 * 14.0 * 0.53  # its letters as tall as the design's (within 2 %)
    assert size * height >= 1.2 * sub * body  # a fifth taller than the subheadings' letters, or more


def test_arabic_headings_keep_their_size_whatever_the_latin_heading_face(tmp_path: Path) -> None:
    """Headings in Arabic letters print in the kit's Arabic face: a Latin heading family with small letters (Alegreya
    Sans ExtraBold) does not make them larger."""
    root = Path(__file__).resolve().parents[1]
    kit = tmp_path / "kit"
    kit.mkdir()
    for f in (root / "assets").iterdir():
        if f.is_file():
            (kit / f.name).write_bytes(f.read_bytes())
    brand = (kit / "brand.yaml").read_text(encoding="utf-8")
    old = "heading: {family: Be Vietnam Pro, weight: 600}"
    assert old in brand
    (kit / "brand.yaml").write_text(brand.replace(old, "heading: {family: Alegreya Sans, weight: 800}"), "utf-8")
    src, diags = api.load(root / "translations" / "ar.yaml", kit / "brand.yaml")
    assert src is not None, diags
    result = api.build(src, api.Options())
    assert result.layout is not None, [d.format() for d in result.diagnostics if d.is_error]
    sizes = {r.size for t in texts(result.layout) if t.role == "heading" and t.level == 2 for r in t.runs}
    assert sizes == {14.0}, sizes


def test_a_cmyk_jpeg_logo_larger_than_the_sheet_takes_has_its_plates_cut_in_their_own_pixels(inputs: Inputs) -> None:
    """A CMYK JPEG logo of 4,800 pixels across, made smaller as it is read (to what the sheet takes at 300 ppi): its
    margin was found in the smaller pixels and cut from its full-size plates at those numbers, so the press edition
    printed the wrong part of it, its top-left corner white and the black band at its right end gone (a reviewer,
    2026-12-07). The box is cut in the plates' own pixels."""
    im = Image.new("CMYK", (4800, 1600), (0, 0, 0, 0))
    im.paste((255, 0, 0, 0), (400, 400, 4400, 1200))  # (cyan, 4,000 x 800, in a white margin of 400)
    im.paste((0, 0, 0, 255), (4200, 400, 4400, 1200))  # (a black band at its right end)
    buf = io.BytesIO()
    im.save(buf, format="JPEG", quality=90)
    (inputs.kit / "logo.jpg").write_bytes(buf.getvalue())
    edit(inputs.brand, "logo: logo.svg", "logo: logo.jpg")
    press = cover_picture(built(inputs, target="press"))
    with Image.open(io.BytesIO(press.data)) as printed:
        w, h = printed.size
        assert abs(w / h - 5) < 0.05, printed.size
        corner, right = printed.getpixel((2, 2)), printed.getpixel((w - 3, h // 2))
    assert isinstance(corner, tuple) and corner[0] > 230 and corner[3] < 20, corner
    assert isinstance(right, tuple) and right[3] > 230 and right[0] < 20, right
