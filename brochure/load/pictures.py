"""A picture file -> its pixel size, or the reason it cannot be used (unreadable, absurdly large)."""

from __future__ import annotations

from pathlib import Path

from PIL import Image as PILImage

MAX_PIXELS = 60_000_000  # larger pictures are refused: nothing in a leaflet needs them
MAX_BYTES = 80 * 1024 * 1024


def check_picture(path: Path) -> tuple[tuple[int, int] | None, str]:
    """(width, height) in pixels, or None and a reason the picture cannot be used."""
    try:
        if path.stat().st_size > MAX_BYTES:
            return None, f"the file is over {MAX_BYTES // 1024 // 1024} MB"
        with PILImage.open(path) as im:
            size = im.size
            if size[0] * size[1] > MAX_PIXELS:
                return None, f"{size[0]} x {size[1]} pixels is absurdly large"
            im.verify()
        return size, ""
    except (OSError, SyntaxError, ValueError, PILImage.DecompressionBombError) as exc:
        return None, f"not a readable picture ({exc})"
