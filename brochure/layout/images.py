"""A loaded picture and a box (+ the press profile) -> a Picture flowable scaled to fit, keeping its shape."""

from __future__ import annotations

import io
import math

from PIL import Image as PILImage
from reportlab.platypus import Flowable

from brochure.diagnostics import Location
from brochure.inputs.brand import Profile
from brochure.inputs.logo import Inks
from brochure.inputs.pictures import PictureData
from brochure.limits import GOOD_PPI, MOST_PPI
from brochure.remembered import Kept
from brochure.theme.cmyk import picture_to_cmyk


class Picture(Flowable):  # type: ignore[misc]
    """A raster picture at a fixed size: its bytes, pixel size, text alternative (or none: `decorative`, decoration
    that is not read) and where it was asked for."""

    def __init__(
        self,
        data: bytes,
        width: float,
        height: float,
        pixels: tuple[int, int],
        at: Location,
        alt: str = "",
        decorative: bool = False,
    ):
        super().__init__()
        self.data = data
        self.width = self.drawWidth = width
        self.height = self.drawHeight = height
        self.pixels = pixels
        self.at = at
        self.alt = alt
        self.decorative = decorative

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:  # onto the recording canvas (layout/paint.py), which notes it as a frame
        self.canv.picture(self.data, self.pixels, self.at, self.alt, self.width, self.height, self.decorative)


def picture(
    pic: PictureData,
    max_w: float,
    max_h: float,
    press_profile: Profile | None,
    at: Location,
    alt: str = "",
    decorative: bool = False,
    inks: Inks = (),
) -> Picture:
    """A Picture scaled to fit max_w x max_h; converted to CMYK for the press edition. Reads nothing from disk.

    A picture far sharper than print needs (over 450 ppi where it is placed) is resampled to 300 ppi, except
    a JPEG in the office edition, whose own bytes are embedded as they are (ReportLab does not decode them). In the
    office edition a colour-keyed PNG is embedded with an alpha channel (`_unkeyed_png`), made smaller or not.
    """
    w, h = pic.pixels
    s = min(max_w / w, max_h / h)
    k = GOOD_PPI / 72 * s  # pixels per pixel at 300 ppi where it is placed
    size = (max(1, math.ceil(w * k)), max(1, math.ceil(h * k))) if 72 / s > MOST_PPI else (w, h)  # never under 300
    if press_profile is not None:
        data = picture_to_cmyk(pic.data, press_profile, size, pic.plates, pic.key, inks)
    elif colour_keyed(pic.data):
        data = _RESAMPLED.answer((pic.key, size, True), lambda: _unkeyed_png(pic.data, size))
    elif size != (w, h) and not pic.data.startswith(b"\xff\xd8"):  # (ReportLab decodes and recompresses a PNG
        data = _RESAMPLED.answer((pic.key, size, False), lambda: _smaller_png(pic.data, size))  # anyway)
    else:
        data, size = pic.data, (w, h)
    return Picture(data, w * s, h * s, size, at, alt, decorative)


_RESAMPLED: Kept[bytes] = Kept(4)  # (by the picture's digest, as a rebuild asks again: not its bytes, which a watch
# would keep for the last four versions of a saved picture)


def _smaller_png(data: bytes, size: tuple[int, int]) -> bytes:
    with PILImage.open(io.BytesIO(data), formats=["PNG"]) as im:
        small = im.resize(size, PILImage.Resampling.LANCZOS)
    buf = io.BytesIO()
    small.save(buf, format="PNG", compress_level=0)  # (decoded again and compressed by ReportLab: stored as it is)
    return buf.getvalue()


def colour_keyed(data: bytes) -> bool:
    """Whether a PNG is grey or RGB with one colour made transparent (a tRNS chunk before its pixels, not a palette's).
    ReportLab drops such a key: the office edition printed the colour as a solid ground round the picture."""
    if not data.startswith(b"\x89PNG\r\n\x1a\n") or len(data) < 26 or data[25] not in (0, 2):  # (grey, RGB)
        return False
    return b"tRNS" in data[: data.find(b"IDAT")]


def _unkeyed_png(data: bytes, size: tuple[int, int]) -> bytes:
    """A colour-keyed PNG (`colour_keyed`) as grey or RGB with an alpha channel, its key's pixels transparent, at
    `size`. Made smaller with its alpha (Pillow resamples LA and RGBA premultiplied), so the edges blend into
    transparency, not into the key's colour: resampled as it was, a magenta key left a magenta halo round the
    picture, its blended pixels no longer the key. The colour under a transparent pixel is that of the picture's
    pixels near it (a viewer that smooths a picture blends colour and transparency apart: under the key's colour, a
    smoothed edge showed it again)."""
    from PIL import ImageFilter

    with PILImage.open(io.BytesIO(data), formats=["PNG"]) as im:
        grey = im.mode in ("1", "L")
        clear = im.convert("RGBA")
    if clear.size != size:
        clear = clear.resize(size, PILImage.Resampling.LANCZOS)
    alpha = clear.getchannel("A")
    near = clear.convert("RGBa").filter(ImageFilter.BoxBlur(2)).convert("RGB")  # (its edge's colours, spread out)
    out = PILImage.composite(clear.convert("RGB"), near, alpha.point(lambda v: 255 if v else 0))
    out = out.convert("L") if grey else out
    out.putalpha(alpha)
    buf = io.BytesIO()
    out.save(buf, format="PNG", compress_level=0)  # (decoded again and compressed by ReportLab: stored as it is)
    return buf.getvalue()
