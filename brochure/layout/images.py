"""A loaded picture and a box (+ the press profile) -> an Image flowable scaled to fit, keeping its shape."""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

from PIL import Image as PILImage
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Image

from brochure.diagnostics import Location
from brochure.inputs.pictures import PictureData
from brochure.theme.cmyk import picture_to_cmyk


class _Embedded(ImageReader):  # type: ignore[misc]
    """ReportLab's ImageReader, but a JPEG is named by its bytes instead of by decoding every pixel.

    ReportLab names each image by a digest of its decoded pixels, though it embeds a JPEG's own bytes:
    for a 40-megapixel photo that costs 240 MB and a second or so, for nothing.
    """

    def getRGBData(self) -> bytes:
        if self.jpeg_fh() is None:  # PNG pixels are needed anyway
            return bytes(super().getRGBData())
        self._dataA = None  # the alpha ReportLab's canvas reads after this call: a JPEG has none
        fh = self.jpeg_fh()
        data = fh.read()
        fh.seek(0)
        return bytes(data)


class Picture(Image):  # type: ignore[misc]
    """An Image that remembers its pixel size and where the content asked for it (for preflight)."""

    def __init__(self, source: str | io.BytesIO, width: float, height: float, pixels: tuple[int, int], at: Location):
        super().__init__(source, width=width, height=height)
        self._img = _Embedded(source)
        self.pixels = pixels
        self.at = at


GOOD_PPI, MOST_PPI = 300, 450  # as a print shop's preset: pictures over 450 ppi are resampled to 300


def picture(pic: PictureData, max_w: float, max_h: float, press_profile: Path | None, at: Location) -> Picture:
    """A Picture scaled to fit max_w x max_h; converted to CMYK for the press edition. Reads nothing from disk.

    A picture far sharper than print needs (over 450 ppi where it is placed) is resampled to 300 ppi, except
    a JPEG in the office edition, whose own bytes are embedded as they are (ReportLab does not decode them).
    """
    w, h = pic.pixels
    s = min(max_w / w, max_h / h)
    k = GOOD_PPI / 72 * s  # pixels per pixel at 300 ppi where it is placed
    size = (max(1, round(w * k)), max(1, round(h * k))) if 72 / s > MOST_PPI else (w, h)
    if press_profile is not None:
        data = picture_to_cmyk(pic.data, press_profile, size)
    elif size != (w, h) and not pic.data.startswith(b"\xff\xd8"):
        data = _smaller_png(pic.data, size)  # ReportLab decodes and recompresses a PNG anyway
    else:
        data, size = pic.data, (w, h)
    return Picture(io.BytesIO(data), w * s, h * s, size, at)


@lru_cache(maxsize=4)
def _smaller_png(data: bytes, size: tuple[int, int]) -> bytes:
    with PILImage.open(io.BytesIO(data), formats=["PNG"]) as im:
        small = im.resize(size, PILImage.Resampling.LANCZOS)
    buf = io.BytesIO()
    small.save(buf, format="PNG")
    return buf.getvalue()
