"""A Palette, size and corners -> the cover's colour field with waves and micro-channel dots."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from reportlab.graphics.shapes import Drawing, Group

from brochure.art.fixed import Fixed, Pen, Segment, made
from brochure.art.paths import add_smooth, circle_subpath, rounded_rect, sample
from brochure.theme.colors import Palette, mix


def cover_field(
    width: float,
    height: float,
    palette: Palette,
    corners: tuple[float, float, float, float] = (0, 0, 0, 0),
    mirrored: bool = False,
) -> Drawing:
    """A primary colour field with micro-channel dots and soft skin-like waves at the foot.

    `corners` rounds the field's corners (bottom left, bottom right, top right, top left): a side that stops
    short of a fold or of an office printer's unprinted edge ends in a deliberate rounded shape; a side that
    runs into the bleed stays square (it is trimmed). `mirrored` (a right-to-left leaflet): the dots and waves
    as in a mirror, the calm corner at the top right (the corners stay where they are given)."""
    W, H = float(width), float(height)
    drawing = Drawing(W, H)
    d = Group()
    if any(corners):
        d.add(rounded_rect(W, H, corners, isClipPath=1, fillColor=None, strokeColor=None))
    drawing.add(d)
    if mirrored:  # inside the clip: what follows it in its group is clipped
        inner = Group(transform=(-1, 0, 0, 1, W, 0))
        d.add(inner)
        d = inner
    m = min(W, H)
    d.add(Fixed(made(_field, W, H), fillColor=palette.primary, strokeColor=None, strokeWidth=0))
    dots = mix(palette.white, palette.primary, 0.22)
    d.add(Fixed(made(_dots, W, H), fillColor=dots, strokeColor=None, strokeWidth=0))  # one path: fast
    if palette.far_hues("secondary", "primary"):  # (a blend would be a brown or grey of neither: the secondary
        back, middle = mix(palette.white, palette.primary, 0.16), palette.secondary  # itself, on a lighter primary)
    else:
        back, middle = palette.blend("secondary", "primary", 0.26), palette.blend("secondary", "primary", 0.55)
    layers = (("back", back), ("middle", middle), ("front", palette.background))
    for name, color in layers:
        d.add(Fixed(made(_layer, W, H, name), fillColor=color, strokeColor=None, strokeWidth=0))
    # a fine light line riding just above the middle wave, like a contour of the skin
    line = mix(palette.white, palette.primary, 0.38)
    d.add(Fixed(made(_contour, W, H), fillColor=None, strokeColor=line, strokeWidth=max(0.5, m / 450), strokeLineCap=0))
    return drawing


# -- the geometry: a pure function of the field's size, made once per size (art/fixed.py) --------------------------


def _waves(W: float, H: float) -> dict[str, Callable[[float], float]]:
    """The top edges of the three layers: a tilted baseline plus a few broad sine terms."""
    amp = min(0.035 * H, 0.045 * W)  # wave height follows the field, wave length the width

    def wave(base: float, tilt: float, terms: Sequence[tuple[float, float, float]]) -> Callable[[float], float]:
        """Top edge of a layer: a tilted baseline plus a few broad sine terms (amplitude, periods, phase)."""

        def f(x: float) -> float:
            u = x / W
            return H * (base + tilt * (u - 0.5)) + amp * sum(
                a * math.sin(ph + 2 * math.pi * n * u) for a, n, ph in terms
            )

        return f

    return {
        "back": wave(0.345, 0.09, ((1.0, 0.8, 0.3), (0.25, 1.9, 1.0))),
        "middle": wave(0.255, 0.05, ((1.0, 0.7, 2.1), (0.2, 1.7, 0.2))),
        "front": wave(0.125, -0.07, ((1.0, 0.75, 4.0), (0.2, 1.6, 2.6))),
    }


UNDER = 1.0  # pt: how far the colour above the background wave reaches under it


def _under(W: float, H: float) -> list[tuple[float, float]]:
    """Where the colour layers stop, from the right side to the left: UNDER below the background wave's top edge,
    so that no sliver of them shows under its anti-aliased edge, and, at the field's sides, where its edge and
    theirs meet in one pixel, a seam no taller than that (it was the height of the wave above its lowest point, a
    hairline 3-4 mm long in viewers and previews)."""
    front = _waves(W, H)["front"]
    return [(x, max(0.0, y - UNDER)) for x, y in reversed(sample(front, 0.0, W, max(2.0, W / 80)))]


def _field(W: float, H: float) -> tuple[Segment, ...]:
    """The primary colour field: the full width, from the top down to under the background wave (`_under`)."""
    pen = Pen()
    pen.moveTo(0.0, H)
    pen.lineTo(W, H)
    for x, y in _under(W, H):
        pen.lineTo(x, y)
    pen.closePath()
    return tuple(pen.segments)


def _dots(W: float, H: float) -> tuple[Segment, ...]:
    """Micro-channel dots: a hexagonal grid, fading out towards the calm top-left."""
    back = _waves(W, H)["back"]
    m = min(W, H)
    gap = max(7.0, m / 34)
    r_max = max(0.6, gap * 0.125)
    pen = Pen()
    row = 0
    y = gap * 0.6
    while y < H - gap * 0.3:
        x = gap * (0.5 if row % 2 else 0.0) + gap * 0.4
        while x < W - 0.3 * gap:
            u, v = x / W, y / H
            dist = math.hypot(u - 1.0, (v - 0.36) * 1.25)
            strength = max(0.0, 1.0 - dist / 0.8)
            calm = min(1.0, max(0.0, (0.66 - u) / 0.16)) * min(1.0, max(0.0, (v - 0.58) / 0.12))
            strength *= 1.0 - calm  # nothing in the calm top-left (logo area)
            r = r_max * strength**0.7
            if r >= 0.3 and y > back(x) + gap * 0.5:
                circle_subpath(pen, x, y, r)
            x += gap
        y += gap * 0.866
        row += 1
    return tuple(pen.segments)


def _layer(W: float, H: float, name: str) -> tuple[Segment, ...]:
    """A layer filled from its wavy top edge down (the front one to the foot, reaching a hair past both sides,
    so anti-aliasing shows no coloured seam there; the others to under the front one, `_under`)."""
    f = _waves(W, H)[name]
    step = max(2.0, W / 80)
    over = 0.75 if name == "front" else 0.0
    pen = Pen()
    pen.moveTo(-over, f(0))
    add_smooth(pen, sample(f, 0, W, step), move=False)
    pen.lineTo(W + over, f(W))
    if name == "front":
        pen.lineTo(W + over, 0.0)
        pen.lineTo(-over, 0.0)
    else:
        for x, y in _under(W, H):
            pen.lineTo(x, y)
    pen.closePath()
    return tuple(pen.segments)


def _contour(W: float, H: float) -> tuple[Segment, ...]:
    middle = _waves(W, H)["middle"]
    pen = Pen()
    add_smooth(pen, sample(lambda x: middle(x) + 0.022 * H, 0, W, max(2.0, W / 80)), move=True)
    return tuple(pen.segments)
