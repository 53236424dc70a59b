"""A loaded picture and a box (+ the press profile) -> an Image flowable scaled to fit, keeping its shape."""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.lib.utils import ImageReader
from reportlab.platypus import Image

from brochure.diagnostics import Location
from brochure.load.pictures import PictureData
from brochure.theme.cmyk import picture_to_cmyk


class _Embedded(ImageReader):  # type: ignore[misc]
    """ReportLab's ImageReader, but a JPEG is named by its bytes instead of by decoding every pixel.

    ReportLab names each image by a digest of its decoded pixels, though it embeds a JPEG's own bytes:
    for a 40-megapixel photo that costs 240 MB and a second or so, for nothing.
    """

    def getRGBData(self) -> bytes:
        if self.jpeg_fh() is None:  # PNG pixels are needed anyway
            return bytes(super().getRGBData())
        self._dataA = None
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


PRESS_PPI, PRESS_MOST_PPI = 300, 450  # as a print shop's preset: pictures over 450 ppi are resampled to 300


def picture(pic: PictureData, max_w: float, max_h: float, press_profile: Path | None, at: Location) -> Picture:
    """A Picture scaled to fit max_w x max_h; converted to CMYK for the press edition. Reads nothing from disk."""
    w, h = pic.pixels
    s = min(max_w / w, max_h / h)
    if press_profile is None:
        return Picture(io.BytesIO(pic.data), w * s, h * s, (w, h), at)
    k = PRESS_PPI / 72 * s  # pixels per pixel at 300 ppi, placed
    size = (max(1, round(w * k)), max(1, round(h * k))) if 72 / s > PRESS_MOST_PPI else (w, h)
    return Picture(io.BytesIO(picture_to_cmyk(pic.data, press_profile, size)), w * s, h * s, size, at)
