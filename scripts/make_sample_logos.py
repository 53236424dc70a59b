"""The two sample kits' PNG logos (a mark and the clinic's name in the kit's own heading font) -> assets/brands/.

Run once with the project's venv: `.venv/bin/python scripts/make_sample_logos.py`; the PNGs are committed.
A PNG logo keeps its words as pixels (an SVG logo's text is refused: it would need the font to print).
"""

from __future__ import annotations

from pathlib import Path

import fontpkg
from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
W, H = 1800, 420


def _font(family: str, weight: int, size: int) -> ImageFont.FreeTypeFont:
    path = fontpkg.select_file(fontpkg.family(family), weight, "normal", nearest=True).path
    return ImageFont.truetype(str(path), size)


def harbour_lane() -> Image.Image:
    im = Image.new("RGBA", (W, H), (255, 255, 255, 0))
    d = ImageDraw.Draw(im)
    navy, sky, coral = (31, 58, 95), (167, 196, 224), (228, 87, 46)
    d.ellipse((20, 30, 380, 390), fill=navy)  # a harbour light: a disc, a wave, a beam
    d.rectangle((20, 250, 380, 300), fill=sky)
    d.polygon([(200, 70), (250, 210), (150, 210)], fill=coral)
    d.text((430, 60), "Harbour Lane", font=_font("Alegreya Sans", 800, 170), fill=navy)
    d.text((436, 270), "SKIN CLINIC", font=_font("Be Vietnam Pro", 500, 80), fill=coral)
    return im


def elm_park() -> Image.Image:
    im = Image.new("RGBA", (W, H), (255, 255, 255, 0))
    d = ImageDraw.Draw(im)
    green, sage, gold = (47, 93, 80), (185, 215, 201), (201, 162, 39)
    d.ellipse((40, 20, 360, 340), fill=green)  # an elm: a crown, a trunk, a golden leaf
    d.rectangle((175, 300, 225, 400), fill=green)
    d.ellipse((210, 90, 310, 190), fill=gold)
    d.ellipse((90, 150, 170, 230), fill=sage)
    d.text((420, 50), "Elm Park", font=_font("IBM Plex Serif", 600, 180), fill=green)
    d.text((426, 275), "AESTHETICS & SKIN", font=_font("Be Vietnam Pro", 500, 78), fill=gold)
    return im


def _trimmed(im: Image.Image) -> Image.Image:
    """Cropped to what is drawn (a margin of transparent pixels would print the logo smaller), on white."""
    box = im.getbbox()
    assert box is not None
    im = im.crop(box)
    flat = Image.new("RGB", im.size, "white")
    flat.paste(im, mask=im.getchannel("A"))
    return flat


if __name__ == "__main__":
    _trimmed(harbour_lane()).save(ROOT / "assets/brands/harbour-lane/logo.png", optimize=True)
    _trimmed(elm_park()).save(ROOT / "assets/brands/elm-park/logo.png", optimize=True)
