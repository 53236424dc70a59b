"""A checked picture file and a box -> an Image flowable scaled to fit, keeping its aspect ratio."""

from __future__ import annotations

from pathlib import Path

from PIL import Image as PILImage
from reportlab.platypus import Image


def picture(path: Path, max_w: float, max_h: float) -> Image:
    """An Image flowable scaled to fit max_w x max_h keeping its aspect ratio."""
    with PILImage.open(path) as im:
        w, h = im.size
    s = min(max_w / w, max_h / h)
    return Image(str(path), width=w * s, height=h * s)
