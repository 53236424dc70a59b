"""A PNG whose transparency is one colour made transparent (a tRNS chunk on a grey or RGB picture, not a palette):
the press edition printed that colour as a solid ground, and a picture logo kept it as opaque pixels; the office
edition printed it as a ground too, and made smaller it fringed the picture's edges with it."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from conftest import Inputs, edit
from helpers import build
from PIL import Image, ImageDraw

from brochure.diagnostics import Location
from brochure.inputs.logo import load_logo
from brochure.layout.model import Picture
from brochure.output.preview import page_images
from brochure.theme.cmyk import ICC, picture_to_cmyk, shipped_profile

KEY = {"RGB": (0, 255, 0), "L": 200}
INK = {"RGB": (0, 0, 0), "L": 0}


def _keyed(mode: str, size: tuple[int, int]) -> bytes:
    im = Image.new(mode, size, KEY[mode])
    w, h = size
    ImageDraw.Draw(im).ellipse((w * 0.2, h * 0.2, w * 0.8, h * 0.8), fill=INK[mode])
    buf = io.BytesIO()
    im.save(buf, format="PNG", transparency=KEY[mode])
    return buf.getvalue()


@pytest.mark.parametrize("mode", ["RGB", "L"])
@pytest.mark.parametrize("size", [None, (150, 100)])
def test_a_colour_keyed_pngs_transparent_colour_prints_no_ink_in_the_press_edition(
    mode: str, size: tuple[int, int] | None
) -> None:
    profile = shipped_profile(next(ICC.glob("*.icc")))
    out = picture_to_cmyk(_keyed(mode, (300, 200)), profile, size)
    with Image.open(io.BytesIO(out)) as im:
        assert im.mode == "CMYK"
        assert im.getpixel((1, 1)) == (0, 0, 0, 0)  # (the key's place is paper, not 100 % green)


@pytest.mark.parametrize("mode", ["RGB", "L"])
def test_a_big_colour_keyed_png_logo_is_trimmed_to_its_artwork_and_keeps_no_key_pixels(
    mode: str, tmp_path: Path
) -> None:
    path = tmp_path / "logo.png"
    path.write_bytes(_keyed(mode, (6000, 3000)))
    logo, problem = load_logo(path, Location(str(tmp_path / "brand.yaml"), 1, 1, "logo"))
    assert problem is None and logo is not None and logo.picture is not None
    assert (logo.width, logo.height) == (3601, 1801)  # (the keyed margin is transparent: trimmed)
    with Image.open(io.BytesIO(logo.picture.data)) as im:
        rgba = im.convert("RGBA")
        key = KEY["RGB"] if mode == "RGB" else (200, 200, 200)
        colours = rgba.getcolors(1 << 24) or []
        shown = [p[:3] for _, p in colours if p[3] > 0]
        assert shown and key not in shown
        assert not any(g > 150 and r < 100 for r, g, _ in shown if mode == "RGB")


MAGENTA = (255, 0, 255)


@pytest.mark.parametrize("mode", ["RGB", "L"])
@pytest.mark.parametrize("size", [(3000, 2000), (600, 400)])  # (over 450 ppi where it is placed: made smaller; not)
def test_a_colour_keyed_content_picture_shows_none_of_its_key_in_the_office_edition(
    inputs: Inputs, mode: str, size: tuple[int, int]
) -> None:
    """A photo cut out on a magenta (or grey) ground made transparent by a tRNS colour key: the office edition
    printed the ground (ReportLab drops a grey or RGB key), and a picture made smaller blended the key into its
    edges, a magenta halo round the photo. The ground is paper, and no pixel at the edge carries the key."""
    key, ink = (MAGENTA, (190, 140, 120)) if mode == "RGB" else (200, 60)
    im = Image.new(mode, size, key)
    w, h = size
    ImageDraw.Draw(im).ellipse((w * 0.1, h * 0.1, w * 0.9, h * 0.9), fill=ink)
    im.save(inputs.content.parent / "cut-out.png", transparency=key)
    edit(
        inputs.content,
        '      - text: "Fine needles',
        '      - image: {src: "cut-out.png", alt: "A cut-out photo"}\n      - text: "Fine needles',
    )
    result = build(inputs)
    assert result.ok and result.layout is not None and result.pdf is not None, result.diagnostics
    ((n, placed),) = [
        (n, i)
        for n, p in enumerate(result.layout.pages)
        for i in p.items
        if isinstance(i, Picture) and i.region != "cover"
    ]
    dpi = 150
    page = Image.open(io.BytesIO(page_images(result.pdf, dpi)[n])).convert("RGB")
    r, k = placed.box, dpi / 72
    shown = page.crop(
        (round(r.x * k), page.height - round(r.top * k), round(r.right * k), page.height - round(r.y * k))
    )
    assert shown.getpixel((2, 2)) == shown.getpixel((shown.width - 3, shown.height - 3)) == (255, 255, 255)  # paper
    middle = shown.getpixel((shown.width // 2, shown.height // 2))
    want = (ink, ink, ink) if isinstance(ink, int) else ink
    assert max(abs(a - b) for a, b in zip(middle, want, strict=True)) <= 3  # (the photo prints)
    if mode == "RGB":  # (magenta's cast: red and blue over green)
        keyed = [(count, p) for count, p in shown.getcolors(1 << 24) or [] if min(p[0], p[2]) - p[1] > 30]
        assert not keyed, f"{sum(count for count, _ in keyed)} pixels carry the key's magenta, such as {keyed[:3]}"


@pytest.mark.parametrize("keyed", [True, False])
def test_a_picture_made_smaller_is_remembered_by_its_digest_not_kept_whole(keyed: bool) -> None:
    """A content picture made smaller (or unkeyed) for the office edition is remembered by the picture's digest: its
    bytes (up to 40 MB) were the key, and a watch whose picture was saved again and again held the last four."""
    import sys

    from brochure.inputs.pictures import PictureData
    from brochure.layout.images import picture

    if keyed:
        data = _keyed("RGB", (3000, 2000))
    else:
        buf = io.BytesIO()
        Image.new("RGB", (3000, 2000), (29, 92, 99)).save(buf, format="PNG")
        data = buf.getvalue()
    pic = PictureData(data, (3000, 2000), Path("room.png"))
    held = sys.getrefcount(data)
    small = picture(pic, 100, 100, None, Location("content.yaml", 1, 1))
    assert small.pixels == (417, 278)  # (made smaller: 300 ppi where it is placed)
    del pic, small
    assert sys.getrefcount(data) == held - 1  # (the PictureData's reference gone; none kept by the memory of answers)
    again = picture(PictureData(bytes(data), (3000, 2000), Path("room.png")), 100, 100, None, Location("c", 1, 1))
    assert again.pixels == (417, 278)


@pytest.mark.parametrize("cmyk", [False, True])
def test_a_picture_converted_for_the_press_is_remembered_by_its_digest_not_kept_whole(cmyk: bool) -> None:
    """A picture converted to CMYK for the press edition is remembered by the digests of its bytes, its own plates
    and the profile: its bytes (up to 40 MB) were the key, and a watch whose picture was saved again and again held
    the last four."""
    import sys

    from brochure.inputs.pictures import PictureData
    from brochure.layout.images import picture

    profile = shipped_profile(next(ICC.glob("*.icc")))
    buf = io.BytesIO()
    Image.new("CMYK" if cmyk else "RGB", (1200, 800), (29, 92, 99, 0) if cmyk else (29, 92, 99)).save(buf, "JPEG")
    data = buf.getvalue()
    pic = PictureData(data, (1200, 800), Path("room.jpg"), plates=data if cmyk else b"")
    held = sys.getrefcount(data)
    pressed = picture(pic, 100, 100, profile, Location("content.yaml", 1, 1))
    assert pressed.pixels == (417, 278) and pressed.data.startswith(b"\xff\xd8")  # (a CMYK JPEG, made smaller)
    del pic, pressed
    assert sys.getrefcount(data) == held - (2 if cmyk else 1)  # (the PictureData's references gone; none kept)
    again = picture(PictureData(bytes(data), (1200, 800), Path("room.jpg")), 100, 100, profile, Location("c", 1, 1))
    assert again.pixels == (417, 278)
    plated = PictureData(data, (1200, 800), Path("room.jpg"), plates=data if cmyk else b"")
    assert len(plated.key) == (32 if cmyk else 16)  # (what it is remembered by: digests, not a copy of its plates)


@pytest.mark.parametrize("target", ["office", "press"])
def test_a_content_picture_is_digested_once_however_often_a_build_places_it(
    target: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build places a content picture at each size and page count it tries (about four times): each time its
    bytes were digested whole to look up what was made of them (a 35 MB picture: 0.4 s a time, 1 s more a
    rebuild). The digest is worked out once a picture."""
    from brochure import remembered
    from brochure.inputs import pictures
    from brochure.inputs.pictures import PictureData
    from brochure.layout.images import picture
    from brochure.theme import cmyk

    digested: list[int] = []

    def counted(data: bytes) -> bytes:
        digested.append(len(data))
        return remembered.content_key(data)

    monkeypatch.setattr(pictures, "content_key", counted)
    monkeypatch.setattr(cmyk, "content_key", counted)
    buf = io.BytesIO()
    Image.new("RGB", (3000, 2000), (29, 92, 99)).save(buf, format="PNG")
    pic = PictureData(buf.getvalue(), (3000, 2000), Path("room.png"))
    profile = shipped_profile(next(ICC.glob("*.icc"))) if target == "press" else None
    for _ in range(4):  # (as one build's layout tries sizes and page counts)
        assert picture(pic, 100, 100, profile, Location("content.yaml", 1, 1)).pixels == (417, 278)
    assert digested == [len(pic.data)]
