"""A Layout's logo + the edition's colours -> an error when the logo would print (almost) invisible on its ground.

A kit's logo is often drawn in a reversed version too, white for dark grounds; given as `logo:` it printed white on
the white paper above the cover's colour field, exit 0, with screen readers told of a logo no reader could see. The
logo is judged as printed: a vector logo by its inks, a picture by its pixels (the press edition's flattened onto
white), each against what is painted beneath the logo, in the edition's colours. A logo has no contrast to meet
(WCAG exempts logotypes), only to be seen: a part of it of at least SEEN_SHARE must differ from the ground by SEEN,
a colour difference (CIE 1976 delta E: a gold or yellow logo differs from white in hue, not in lightness).
"""

from __future__ import annotations

import io
import math
from functools import lru_cache

from PIL import Image

from brochure.diagnostics import Diagnostic, error
from brochure.geometry.sheet import Rect
from brochure.inputs.brand import Brand
from brochure.layout.model import Frame, Ink, Layout, Picture, Shape
from brochure.preflight.contrast import Colours, inside
from brochure.preflight.placement import place
from brochure.preflight.press import is_logo

SEEN = 10.0  # a colour difference (delta E) under which a colour all but vanishes on its ground (#EEEEEE on white:
# 5.9; #E0E0E0: 10.8; gold, #FFD700, 88, though its contrast ratio is only 1.4)
SEEN_SHARE = 0.02  # the least share of a picture logo's area that must stand out from its ground
_SAMPLE = 64  # a picture logo is judged from a copy at most this many pixels on its longer side


def check_logo_seen(layout: Layout, brand: Brand, colours: Colours) -> list[Diagnostic]:
    """An error at `logo` for each page whose logo would print invisible on what is beneath it."""
    diags: list[Diagnostic] = []
    for n, page in enumerate(layout.pages):
        logo = [item for item in page.items if is_logo(item)]
        if not logo:
            continue
        box = _union([item.box for item in logo])
        ground = _ground(page.items, box, min(item.z for item in logo))
        if _seen(logo, ground, colours):
            continue
        name = "white" if ground is None else colours.key_of(ground, ground=True)
        diags.append(
            error(
                brand.where("logo"),
                f"the logo would print all but invisible on {'the paper' if name == 'paper white' else name}: "
                f"no part of it differs from its ground by a colour difference (delta E) of {SEEN:g}"
                f"{' as printed' if colours.press else ''}",
                "use the version of the logo made for light backgrounds (a white, 'reversed' logo is for dark ones)",
            ).at(place(n, box))
        )
    return diags


def _seen(logo: list[Frame], ground: Ink | None, colours: Colours) -> bool:
    rgb = colours.rgb(ground)
    for item in logo:
        if isinstance(item, Picture) and _standing_out(item.data, rgb) >= SEEN_SHARE:
            return True
        if isinstance(item, Shape):
            for ink in (item.fill, item.stroke):
                if ink is not None and ink.alpha > 0 and difference(colours.rgb(ink), rgb) >= SEEN:
                    return True
    return False


@lru_cache(maxsize=16)
def _standing_out(data: bytes, ground: tuple[float, float, float]) -> float:
    """The share of a picture's area painted in colours that differ from the ground by SEEN (its transparent parts
    show the ground)."""
    with Image.open(io.BytesIO(data)) as image:
        image.draft("RGB", (_SAMPLE, _SAMPLE))  # (a JPEG decodes at a fraction of its size)
        small = image.convert("RGBA")
    small.thumbnail((_SAMPLE, _SAMPLE))
    area = small.width * small.height
    out = 0
    for n, colour in small.getcolors(area) or []:  # (each colour once: a logo has few)
        r, g, b, a = colour if isinstance(colour, tuple) else (colour,) * 4
        if a >= 128 and difference((r / 255, g / 255, b / 255), ground) >= SEEN:
            out += n
    return out / area if area else 0.0


def difference(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    """The CIE 1976 colour difference (delta E) of two sRGB colours (0 to 1 each)."""
    la, lb = _lab(a), _lab(b)
    return math.dist(la, lb)


def _lab(rgb: tuple[float, float, float]) -> tuple[float, float, float]:
    """An sRGB colour in CIE L*a*b* (D65 white)."""
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883
    fx, fy, fz = (t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116 for t in (x, y, z))
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def _ground(items: tuple[Frame, ...], box: Rect, z: int) -> Ink | None:
    """The fill painted beneath the middle of a box before z (None: the paper)."""
    x, y = box.x + box.w / 2, box.y + box.h / 2
    under = [
        s
        for s in items
        if isinstance(s, Shape) and s.fill is not None and s.role != "mark" and s.z < z and inside(s, x, y)
    ]
    return max(under, key=lambda s: s.z).fill if under else None


def _union(boxes: list[Rect]) -> Rect:
    x0, y0 = min(b.x for b in boxes), min(b.y for b in boxes)
    x1, y1 = max(b.right for b in boxes), max(b.top for b in boxes)
    return Rect(x0, y0, x1 - x0, y1 - y0)
