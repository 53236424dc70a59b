"""A PNG whose transparency is one colour made transparent (a tRNS chunk on a grey or RGB picture, not a palette):
the press edition printed that colour as a solid ground, and a picture logo kept it as opaque pixels."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from brochure.diagnostics import Location
from brochure.inputs.logo import load_logo
from brochure.theme.cmyk import ICC, picture_to_cmyk

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
    profile = next(ICC.glob("*.icc"))
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
