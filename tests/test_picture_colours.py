"""A picture's own colour profile: an RGB photo tagged Adobe RGB or Display P3 prints the colours it shows."""

from __future__ import annotations

import io
import itertools
import struct
from pathlib import Path

import pikepdf
import pytest
from conftest import Inputs, edit, position
from helpers import build, reopen
from PIL import Image, ImageCms

from brochure.inputs.pictures import PictureData, load_picture

GREEN = (40, 160, 60)


def _s15(x: float) -> bytes:
    return struct.pack(">i", round(x * 65536))


def _wide_profile() -> bytes:
    """An RGB profile with Adobe RGB (1998)'s primaries and a 2.2 gamma (its matrix and curves, as LittleCMS reads
    them): a picture's numbers in it mean more saturated colours than the same numbers in sRGB."""

    def xyz(x: float, y: float, z: float) -> bytes:
        return b"XYZ " + b"\0" * 4 + _s15(x) + _s15(y) + _s15(z)

    curve = b"curv" + b"\0" * 4 + struct.pack(">IH", 1, round(2.2 * 256)) + b"\0\0"
    text = b"Wide RGB test\0"
    desc = b"desc" + b"\0" * 4 + struct.pack(">I", len(text)) + text + b"\0" * 8 + b"\0" * 3 + b"\0" * 67
    tags = [
        (b"desc", desc),
        (b"wtpt", xyz(0.9642, 1.0, 0.8249)),
        (b"rXYZ", xyz(0.6097, 0.3111, 0.0195)),
        (b"gXYZ", xyz(0.2053, 0.6257, 0.0609)),
        (b"bXYZ", xyz(0.1492, 0.0632, 0.7446)),
        (b"rTRC", curve),
        (b"gTRC", curve),
        (b"bTRC", curve),
        (b"cprt", b"text" + b"\0" * 4 + b"none\0\0\0\0"),
    ]
    offset, table, data = 128 + 4 + 12 * len(tags), b"", b""
    for sig, body in tags:
        body += b"\0" * (-len(body) % 4)
        table += sig + struct.pack(">II", offset + len(data), len(body))
        data += body
    body = struct.pack(">I", len(tags)) + table + data
    header = struct.pack(">I", 128 + len(body)) + b"lcms" + bytes([2, 0x10, 0, 0]) + b"mntr" + b"RGB " + b"XYZ "
    header += b"\0" * 12 + b"acsp" + b"APPL" + b"\0" * 24 + _s15(0.9642) + _s15(1.0) + _s15(0.8249) + b"\0" * 48
    return header + body


def _as_srgb(colour: tuple[int, int, int], icc: bytes) -> tuple[int, int, int]:
    pixel = Image.new("RGB", (1, 1), colour)
    own = ImageCms.ImageCmsProfile(io.BytesIO(icc))
    out = ImageCms.profileToProfile(pixel, own, ImageCms.createProfile("sRGB"), outputMode="RGB")
    assert out is not None
    value: tuple[int, int, int] = out.getpixel((0, 0))  # type: ignore[assignment]
    return value


def _decoded(picture: PictureData | object) -> Image.Image:
    assert isinstance(picture, PictureData), picture
    return Image.open(io.BytesIO(picture.data))


def test_a_photo_in_a_wide_profile_is_taken_into_srgb_at_load(tmp_path: Path) -> None:
    """A JPEG of (40, 160, 60) in Adobe RGB's numbers: as sRGB about (0, 161, 47). It printed (40, 160, 60), the
    numbers read as sRGB's, in the office and the press edition alike (duller and shifted)."""
    icc = _wide_profile()
    path = tmp_path / "wide.jpg"
    Image.new("RGB", (300, 200), GREEN).save(path, quality=95, icc_profile=icc)
    expected = _as_srgb(GREEN, icc)
    assert expected != GREEN
    got = _decoded(load_picture(path)).convert("RGB").getpixel((150, 100))
    assert isinstance(got, tuple) and all(abs(a - b) <= 3 for a, b in zip(got, expected, strict=True)), (got, expected)


def test_an_srgb_photo_keeps_its_bytes_and_transparency_survives_the_conversion(tmp_path: Path) -> None:
    """A JPEG tagged sRGB is printed from its own bytes, as an untagged one is; a PNG with transparency in a wide
    profile keeps its transparency."""
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    path = tmp_path / "srgb.jpg"
    Image.new("RGB", (300, 200), GREEN).save(path, quality=95, icc_profile=srgb)
    picture = load_picture(path)
    assert isinstance(picture, PictureData) and picture.data == path.read_bytes()
    clear = Image.new("RGBA", (300, 200), (*GREEN, 255))
    clear.paste((0, 0, 0, 0), (0, 0, 150, 200))
    png = tmp_path / "wide.png"
    clear.save(png, icc_profile=_wide_profile())
    out = _decoded(load_picture(png))
    assert out.mode == "RGBA" and out.getpixel((10, 10))[3] == 0 and out.getpixel((200, 100))[3] == 255
    assert out.getpixel((200, 100))[:3] != GREEN


def test_the_printed_picture_has_the_colours_its_profile_says(inputs: Inputs) -> None:
    """From the PDF: the office edition's picture XObject holds the picture's colours in sRGB."""
    icc = _wide_profile()
    picture = inputs.content.parent / "wide.jpg"
    Image.new("RGB", (600, 400), GREEN).save(picture, quality=95, icc_profile=icc)
    edit(
        inputs.content,
        '      - text: "Fine needles',
        '      - image: {src: wide.jpg, alt: A green square}\n      - text: "Fine needles',
    )
    result = build(inputs)
    assert result.pdf is not None, [d.format() for d in result.diagnostics]
    expected = _as_srgb(GREEN, icc)
    with reopen(result.pdf) as pdf:
        images = [
            pikepdf.PdfImage(x).as_pil_image()
            for page in pdf.pages
            for x in page.get_images().values()
            if int(x.Width) == 600 and int(x.Height) == 400
        ]
    assert images, "the picture is not in the PDF"
    got = images[0].convert("RGB").getpixel((300, 200))
    assert isinstance(got, tuple) and all(abs(a - b) <= 3 for a, b in zip(got, expected, strict=True)), (got, expected)


def test_a_palette_picture_in_a_wide_profile_is_taken_into_srgb_too(tmp_path: Path) -> None:
    """A palette PNG (and one with a transparent colour) in a wide profile was kept as it was, its numbers read as
    sRGB's: it is converted as an RGB one is."""
    icc = _wide_profile()
    expected = _as_srgb(GREEN, icc)
    plain = Image.new("RGB", (300, 200), GREEN).convert("P", palette=Image.Palette.ADAPTIVE)
    plain.save(tmp_path / "palette.png", icc_profile=icc)
    clear = Image.new("RGB", (300, 200), GREEN).convert("P", palette=Image.Palette.ADAPTIVE)
    clear.paste(255, (0, 0, 10, 10))
    clear.save(tmp_path / "clear.png", icc_profile=icc, transparency=255)
    for name in ("palette.png", "clear.png"):
        got = _decoded(load_picture(tmp_path / name)).convert("RGB").getpixel((150, 100))
        assert isinstance(got, tuple) and all(abs(a - b) <= 3 for a, b in zip(got, expected, strict=True)), name


def test_a_picture_with_nothing_in_it_is_refused(tmp_path: Path) -> None:
    """A picture every pixel of which is transparent (RGBA, grey with alpha, a palette's transparent colour) printed
    as a blank box, its alternative text read out, with exit 0; now it is refused. One opaque pixel is enough."""
    from brochure.inputs.pictures import Refusal

    palette = Image.new("P", (40, 30), 0)
    palette.info["transparency"] = 0
    for name, im in {
        "rgba": Image.new("RGBA", (120, 80), (0, 0, 0, 0)),
        "la": Image.new("LA", (120, 80), (255, 0)),
        "palette": palette,
    }.items():
        im.save(tmp_path / f"{name}.png", **({"transparency": 0} if name == "palette" else {}))
        refused = load_picture(tmp_path / f"{name}.png")
        assert isinstance(refused, Refusal) and "every pixel is transparent" in refused.message, name
    one = Image.new("RGBA", (120, 80), (0, 0, 0, 0))
    one.putpixel((60, 40), (20, 90, 100, 255))
    one.save(tmp_path / "one.png")
    assert isinstance(load_picture(tmp_path / "one.png"), PictureData)


def test_a_picture_whose_embedded_profile_is_cut_short_is_refused(tmp_path: Path) -> None:
    """A CMYK photo with a GRACoL profile cut short converted through the numbers LittleCMS found past its end: its
    100 % K black printed 99/81/77/226, unsaid. A picture whose profile is not whole is refused at load, named."""
    from brochure.theme.cmyk import ICC

    press = (ICC / "brochure-gracol-300.icc").read_bytes()
    photo = tmp_path / "cmyk.jpg"
    Image.new("CMYK", (64, 48), (0, 0, 0, 255)).save(photo, quality=95, icc_profile=press[: len(press) * 2 // 3])
    refused = load_picture(photo)
    assert not isinstance(refused, PictureData)
    assert f"the ICC profile is cut short ({len(press) * 2 // 3:,} of its {len(press):,} bytes)" in refused.message
    assert "embedded colour profile is damaged" in refused.message and "export the picture again" in refused.hint
    wide = tmp_path / "wide.png"
    Image.new("RGB", (64, 48), GREEN).save(wide, icc_profile=_wide_profile()[:100])
    refused = load_picture(wide)
    assert not isinstance(refused, PictureData) and "no ICC header" in refused.message
    Image.new("CMYK", (64, 48), (0, 0, 0, 255)).save(photo, quality=95, icc_profile=press)
    assert isinstance(load_picture(photo), PictureData)  # (whole, it loads as before)


def _printed_logo(inputs: Inputs, target: str = "press") -> Image.Image:
    """The cover logo's picture as the PDF holds it (the first page's one picture)."""
    result = build(inputs, target=target)
    assert result.pdf is not None, [d.format() for d in result.diagnostics]
    with reopen(result.pdf) as pdf:
        (image,) = pdf.pages[0].get_images().values()
        return pikepdf.PdfImage(image).as_pil_image()


def test_a_picture_logos_kit_colours_print_as_the_kits_builds_and_its_black_on_one_plate(inputs: Inputs) -> None:
    """A PNG logo's teal printed as the profile converts it (C64 M1 Y22 K64) beside the cover's teal in the kit's
    `cmyk:` build (C85 M35 Y40 K25, about 8 Delta E apart), and its dark lettering (the kit's text colour, and
    black) on four plates (C51 M30 Y27 K85, 264 % for black), fringed on press (a print-shop tester, 2026-12-07).
    Its pixels of a kit colour print as the press edition prints that colour (its build; the text colour and black
    100 % K), and a blend of one with the paper (an edge) as its tint; another colour through the profile, as
    before; a photo in the words keeps the profile's colours."""
    from PIL import ImageDraw

    im = Image.new("RGB", (1200, 400), "white")
    draw = ImageDraw.Draw(im)
    draw.rectangle((0, 0, 399, 399), fill=(29, 92, 99))  # the kit's primary, whose build is [85, 35, 40, 25]
    draw.rectangle((400, 0, 799, 399), fill=(31, 42, 46))  # the kit's text colour
    draw.rectangle((800, 0, 999, 399), fill=(0, 0, 0))  # black
    draw.rectangle((1000, 0, 1099, 399), fill=(142, 173, 177))  # the primary half on the paper: an edge's blend
    draw.rectangle((1100, 0, 1199, 399), fill=(200, 30, 120))  # no kit colour
    (inputs.kit / "logo.png").write_bytes(_png(im))
    edit(inputs.brand, "logo: logo.svg", "logo: logo.png")
    logo = _printed_logo(inputs)
    assert logo.mode == "CMYK"
    w, h = logo.size

    def at(x: int) -> tuple[int, ...]:  # (the middle of a stripe, in percent)
        value = logo.getpixel((round(x / 1200 * w), h // 2))
        assert isinstance(value, tuple)
        return tuple(round(v / 2.55) for v in value)

    assert at(200) == (85, 35, 40, 25)
    assert at(600) == (0, 0, 0, 100) and at(900) == (0, 0, 0, 100)
    half = at(1050)
    assert all(abs(a - b / 2) <= 2 for a, b in zip(half, (85, 35, 40, 25), strict=True)), half
    other = at(1150)
    assert other[1] > 60 and other[3] < 50, other  # (through the profile: a magenta, no build of the kit's)
    picture = inputs.content.parent / "teal.png"
    Image.new("RGB", (600, 400), (29, 92, 99)).save(picture)
    edit(
        inputs.content,
        '      - text: "Fine needles',
        '      - image: {src: teal.png, alt: A teal square}\n      - text: "Fine needles',
    )
    result = build(inputs, target="press")
    assert result.pdf is not None, [d.format() for d in result.diagnostics]
    with reopen(result.pdf) as pdf:
        (photo,) = [
            pikepdf.PdfImage(x).as_pil_image()
            for page in pdf.pages
            for x in page.get_images().values()
            if int(x.Width) == 600 and int(x.Height) == 400
        ]
    value = photo.getpixel((300, 200))
    assert isinstance(value, tuple) and tuple(round(v / 2.55) for v in value) != (85, 35, 40, 25), value


def _png(im: Image.Image) -> bytes:
    buf = io.BytesIO()
    im.save(buf, format="PNG")
    return buf.getvalue()


@pytest.mark.parametrize(
    ("ink", "stroke", "warned"),
    [((60, 20, 80), 4, True), ((60, 20, 80), 16, False), ((31, 42, 46), 4, False), ((29, 92, 99), 4, False)],
    ids=["plum", "plum-bold", "text-colour", "primary"],
)
def test_a_picture_logos_fine_lettering_in_a_dark_colour_of_four_plates_is_warned(
    inputs: Inputs, ink: tuple[int, int, int], stroke: int, warned: bool
) -> None:
    """A PNG logo's small lettering in a dark colour none of the kit's (a plum: C62 M85 Y31 K36 through the profile)
    printed on four plates with no word, where an SVG logo's is warned (a print-shop tester, 2026-12-07). Read from
    the picture as printed: dark pixels of three or four plates in strokes finer than 10 pt type's are warned at
    `logo:`; bold strokes (a word of the mark), or in the kit's text colour (100 % K) or its primary, not."""
    from PIL import ImageDraw

    im = Image.new("RGB", (1200, 400), "white")
    draw = ImageDraw.Draw(im)
    draw.rectangle((0, 0, 399, 399), fill=(29, 92, 99))  # a solid mark in the kit's primary
    for x in range(450, 1180, 24 + stroke):  # (lettering: strokes of 4 pixels, under 2 as printed 15 mm tall)
        draw.rectangle((x, 60, x + stroke - 1, 340), fill=ink)
    (inputs.kit / "logo.png").write_bytes(_png(im))
    edit(inputs.brand, "logo: logo.svg", "logo: logo.png")
    result = build(inputs, target="press")
    said = [d for d in result.diagnostics if "the logo picture prints lettering or details" in d.message]
    assert len(said) == warned, [d.message for d in said]
    if said:
        line, _ = position(inputs.brand.read_text(encoding="utf-8"), "logo.png")
        assert said[0].location.line == line and not said[0].is_error and said[0].places, said[0].format()
        assert "black or in the kit's text colour" in said[0].hint
    office = build(inputs)
    assert not [d for d in office.diagnostics if "the logo picture prints" in d.message]


def test_a_picture_logos_grey_kit_colour_prints_as_its_build_and_a_darker_shade_through_the_profile(
    inputs: Inputs,
) -> None:
    """A kit whose text colour is a grey (#333333, 100 % K on press): a PNG logo's pixels of it printed at K80, as
    a tint of black, where the kit's text and an SVG logo print it at 100 % K; and a shade darker than the kit's
    teal printed as the teal's build (a reviewer, 2026-12-07). The kit's own builds are read last; a darker shade
    is no blend of the ink with the paper, and goes through the profile."""
    from PIL import ImageDraw

    edit(inputs.brand, 'text: "#1F2A2E"', 'text: "#333333"')
    im = Image.new("RGB", (1200, 400), "white")
    draw = ImageDraw.Draw(im)
    draw.rectangle((0, 0, 599, 399), fill=(51, 51, 51))
    draw.rectangle((600, 0, 1199, 399), fill=(14, 81, 89))  # (darker than the primary #1D5C63 along its line)
    (inputs.kit / "logo.png").write_bytes(_png(im))
    edit(inputs.brand, "logo: logo.svg", "logo: logo.png")
    logo = _printed_logo(inputs)
    w, h = logo.size
    grey, darker = (logo.getpixel((round(x / 1200 * w), h // 2)) for x in (300, 900))
    assert isinstance(grey, tuple) and isinstance(darker, tuple)
    assert tuple(round(v / 2.55) for v in grey) == (0, 0, 0, 100), grey
    assert tuple(round(v / 2.55) for v in darker) != (85, 35, 40, 25) and darker[3] > 128, darker


def test_a_jpeg_logos_colours_print_through_the_profile_evenly_and_unwarned(inputs: Inputs) -> None:
    """A JPEG logo's lettering in the kit's teal: its noisy pixels printed as the kit's build and as the profile's
    teal by turns (K 25 % beside K 66 %), and were warned as dark lettering of four plates (a reviewer,
    2026-12-07). A JPEG logo prints through the profile, as before, and is not read for lettering."""
    from PIL import ImageDraw

    im = Image.new("RGB", (1200, 400), "white")
    draw = ImageDraw.Draw(im)
    for x in range(0, 1180, 28):
        draw.rectangle((x, 60, x + 3, 340), fill=(29, 92, 99))
    buf = io.BytesIO()
    im.save(buf, format="JPEG", quality=90)
    (inputs.kit / "logo.jpg").write_bytes(buf.getvalue())
    edit(inputs.brand, "logo: logo.svg", "logo: logo.jpg")
    result = build(inputs, target="press")
    assert result.pdf is not None, [d.format() for d in result.diagnostics]
    assert not [d for d in result.diagnostics if "the logo picture prints" in d.message]
    with reopen(result.pdf) as pdf:
        (image,) = pdf.pages[0].get_images().values()
        logo = pikepdf.PdfImage(image).as_pil_image()
    teal = tuple(round(v * 2.55) for v in (85, 35, 40, 25))  # (the kit's build of its teal)
    colours = [c for _, c in logo.getcolors(1 << 24) or []]  # (each colour the picture holds)
    kept = [v for v in colours if all(abs(a - b) <= 3 for a, b in zip(v, teal, strict=True))]
    assert kept == [], kept  # (none of the build: the profile's teal and its blends with the paper)


def test_a_picture_logos_noisy_kit_colour_and_gradient_print_without_speckle_or_stripes(inputs: Inputs) -> None:
    """A PNG logo saved once as a JPEG (its teal noisy by a few units) printed 17 % of its teal pixels in the
    profile's separation (M 0 %) among the build's (M 35 %), speckled letters; a gradient from the kit's teal printed
    stripes where its pixels left the teal's blends (a print-shop tester, 2026-12-08). Near a kit colour's blends the
    build fades into the profile's colour by how far: no pixel of the noisy teal flips to the profile's, and the
    gradient changes by small steps."""
    import random

    from PIL import ImageDraw

    rng = random.Random(7)
    im = Image.new("RGB", (1200, 400), "white")
    for x in range(0, 500):
        for y in range(0, 400):
            im.putpixel((x, y), tuple(max(0, min(255, c + rng.randint(-6, 6))) for c in (29, 92, 99)))
    draw = ImageDraw.Draw(im)
    for x in range(600, 1200):  # (teal to aqua, the kit's secondary #7FB7BE)
        t = (x - 600) / 599
        fill = tuple(round(a + (b - a) * t) for a, b in zip((29, 92, 99), (127, 183, 190), strict=True))
        draw.line((x, 0, x, 399), fill=fill)
    (inputs.kit / "logo.png").write_bytes(_png(im))
    edit(inputs.brand, "logo: logo.svg", "logo: logo.png")
    logo = _printed_logo(inputs)
    w, h = logo.size
    noisy = [logo.getpixel((x, y)) for x in range(3, round(w * 480 / 1200)) for y in range(3, h - 3)]
    magenta = sorted(p[1] for p in noisy if isinstance(p, tuple))
    assert magenta[0] > 40, magenta[:10]  # (the build's 35 % is 89; the profile's teal 0-3)
    row = [logo.getpixel((x, h // 2)) for x in range(round(w * 610 / 1200), w - 3)]
    steps = [max(abs(a - b) for a, b in zip(p, q, strict=True)) for p, q in itertools.pairwise(row)]  # type: ignore[arg-type]
    assert max(steps) <= 20, max(steps)


def test_a_picture_logo_of_two_kit_colours_meeting_is_not_warned_as_fine_lettering(inputs: Inputs) -> None:
    """A teal disc with a coral centre, smoothly drawn: the one-pixel seam where the two meet is neither colour's
    blend with the paper and prints through the profile, dark on four plates; it was near the share warned as fine
    lettering (a print-shop tester, 2026-12-08). A seam is under DARK_SHARE: no warning."""
    from PIL import ImageDraw

    big = Image.new("RGB", (4800, 1600), "white")
    draw = ImageDraw.Draw(big)
    draw.ellipse((0, 0, 1599, 1599), fill=(29, 92, 99))
    draw.ellipse((400, 400, 1199, 1199), fill=(224, 122, 95))
    draw.rectangle((1800, 400, 4700, 1200), fill=(29, 92, 99))
    im = big.resize((1200, 400), Image.Resampling.LANCZOS)  # (smooth edges, as a drawing program exports them)
    (inputs.kit / "logo.png").write_bytes(_png(im))
    edit(inputs.brand, "logo: logo.svg", "logo: logo.png")
    result = build(inputs, target="press")
    assert result.pdf is not None, [d.format() for d in result.diagnostics]
    assert not [d.message for d in result.diagnostics if "the logo picture prints" in d.message]


def test_an_untagged_cmyk_picture_shows_the_colours_its_plates_print_in_the_office_edition(inputs: Inputs) -> None:
    """A CMYK JPEG logo saved without a profile printed, in the office edition, as Pillow sums its plates: the kit's
    teal build (C85 M35 Y40 K25) green, its coral pink (a print-shop tester, 2026-12-07), where the press edition
    prints the plates as they are. Its plates are read as the default printing condition's (coated offset,
    FOGRA39), as the press prints them."""
    im = Image.new("CMYK", (1800, 600), (217, 89, 102, 64))
    buf = io.BytesIO()
    im.save(buf, format="JPEG", quality=95)
    (inputs.kit / "logo.jpg").write_bytes(buf.getvalue())
    edit(inputs.brand, "logo: logo.svg", "logo: logo.jpg")
    logo = _printed_logo(inputs, target="office")
    shown = logo.convert("RGB").getpixel((logo.size[0] // 2, logo.size[1] // 2))
    pixel = Image.new("CMYK", (1, 1), (217, 89, 102, 64))
    fogra = Path(__file__).resolve().parent.parent / "brochure/data/icc/brochure-fogra39-300.icc"
    expected = ImageCms.profileToProfile(pixel, str(fogra), ImageCms.createProfile("sRGB"), outputMode="RGB")
    assert expected is not None
    want = expected.getpixel((0, 0))
    assert isinstance(shown, tuple) and isinstance(want, tuple)
    assert all(abs(a - b) <= 4 for a, b in zip(shown, want, strict=True)), (shown, want)
    assert shown[1] < shown[2], shown  # (a teal: more blue than green, where the plates summed read green)
