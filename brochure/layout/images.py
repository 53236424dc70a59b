"""A loaded picture and a box (+ the press profile) -> an Image flowable scaled to fit, keeping its shape."""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.platypus import Image

from brochure.diagnostics import Location
from brochure.load.pictures import PictureData
from brochure.theme.cmyk import picture_to_cmyk


class Picture(Image):  # type: ignore[misc]
    """An Image that remembers its pixel size and where the content asked for it (for preflight)."""

    def __init__(self, source: str | io.BytesIO, width: float, height: float, pixels: tuple[int, int], at: Location):
        super().__init__(source, width=width, height=height)
        self.pixels = pixels
        self.at = at


def picture(pic: PictureData, max_w: float, max_h: float, press_profile: Path | None, at: Location) -> Picture:
    """A Picture scaled to fit max_w x max_h; converted to CMYK for the press edition. Reads nothing from disk."""
    w, h = pic.pixels
    s = min(max_w / w, max_h / h)
    data = pic.data if press_profile is None else picture_to_cmyk(pic.data, press_profile)
    return Picture(io.BytesIO(data), w * s, h * s, (w, h), at)
