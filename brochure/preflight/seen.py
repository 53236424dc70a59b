"""A Layout's logo, list dots and drawings + the edition's colours -> a finding when they would print all but invisible.

A kit's logo is often drawn in a reversed version too, white for dark grounds; given as `logo:` it printed white on
the white paper above the cover's colour field, exit 0, with screen readers told of a logo no reader could see. The
logo is judged as printed: a vector logo by its inks, a picture by its pixels (the press edition's flattened onto
white), each against what is painted beneath the logo, in the edition's colours. A logo has no contrast to meet
(WCAG exempts logotypes), only to be seen: a part of it of at least SEEN_SHARE must differ from the ground by SEEN,
a colour difference (CIE 1976 delta E: a gold or yellow logo differs from white in hue, not in lightness).
"""

from __future__ import annotations

import io

from PIL import Image

from brochure.diagnostics import Diagnostic, error, warning
from brochure.geometry.sheet import Rect
from brochure.inputs.brand import Brand
from brochure.layout.model import Frame, Ink, Layout, Picture, Shape
from brochure.preflight.contrast import Colours, contrast, inside, made_of
from brochure.preflight.placement import place
from brochure.preflight.press import is_logo
from brochure.remembered import Kept, content_key
from brochure.theme.colors import MARKS_CONTRAST, difference, ratio_text

SEEN = 10.0  # a colour difference (delta E) under which a colour all but vanishes on its ground (#EEEEEE on white:
# 5.9; #E0E0E0: 10.8; gold, #FFD700, 88, though its contrast ratio is only 1.4)
SEEN_SHARE = 0.005  # the least share of the logo's area that must stand out from its ground
SEEN_ALPHA = 0.3  # an ink more see-through than this does not count (a 2 % black box prints as nothing)
_SAMPLE = 256  # a picture logo is judged from a copy at most this many pixels on its longer side, laid on its ground
_COLOURS = 64  # ... in at most this many colours
Field = tuple[Shape, float, float, float, float]  # a filled shape and its box's edges: left, bottom, right, top


_BUILDS = (
    "; on press, a colour of the logo that is one of the kit's prints as the kit's 'cmyk:' build of it: check those "
    "builds (colors.cmyk)"
)


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
                "use the version of the logo made for light backgrounds (a white, 'reversed' logo is for dark ones)"
                + (_BUILDS if colours.press and brand.cmyk else ""),
            ).at(place(n, box))
        )
    return diags


def check_dots_seen(layout: Layout, colours: Colours) -> list[Diagnostic]:
    """An error at the dots' colour (the kit's accent) where the dots of a list's items would print all but invisible
    on what is beneath them (a white accent on the paper): the items then run together as one paragraph; a warning
    where they differ from it in hue but not in lightness (under MARKS_CONTRAST: a pale yellow), as `init` refuses
    such an accent. One finding for each colour and ground, at the first such dot."""
    diags: list[Diagnostic] = []
    said: set[tuple[str, str]] = set()
    judged: dict[tuple[Ink, Ink | None], tuple[float, float]] = {}  # a dot's ink and ground -> how far apart, contrast
    for n, page in enumerate(layout.pages):
        grounds = {
            None,
            *(s.fill for s in page.items if isinstance(s, Shape) and s.fill is not None and s.role != "label"),
        }
        # (the paper, and what the page paints beneath: not the dots themselves, each at no distance from itself, which
        # sent every dot to look up its ground)
        clear: dict[Ink, bool] = {}  # a dot's ink -> it stands out from every ground on the page
        fields: tuple[Field, ...] | None = None  # the page's filled shapes, listed once for the dots looked up
        for item in page.items:
            if not (isinstance(item, Shape) and item.role == "label" and item.fill is not None):
                continue
            ink = item.fill
            if ink not in clear:
                seen = [
                    difference(colours.rgb(ink), colours.rgb(g)) >= SEEN and contrast(colours, ink, g) >= MARKS_CONTRAST
                    for g in grounds
                ]
                clear[ink] = all(seen) and ink.alpha >= SEEN_ALPHA
            if clear[ink]:
                continue  # (where it lies need not be looked up)
            if fields is None:
                fields = _fields(page.items)
            ground = _ground_among(fields, item.box, item.z)
            pair = (item.fill, ground)
            if pair not in judged:  # (a page's dots lie on a few grounds)
                judged[pair] = difference(colours.rgb(item.fill), colours.rgb(ground)), contrast(colours, *pair)
            apart, ratio = judged[pair]
            if item.fill.alpha >= SEEN_ALPHA and apart >= SEEN and ratio >= MARKS_CONTRAST:
                continue
            key, name = colours.key_of(item.fill, drawn="accent"), colours.key_of(ground, ground=True)  # (the dots'
            # colour, however many brand colours are alike)
            if (key, name) in said:
                continue
            said.add((key, name))
            if item.fill.alpha >= SEEN_ALPHA and apart >= SEEN:  # (seen by its hue: faint, as a pale yellow is)
                diags.append(_faint(colours, key, name, ratio).at(place(n, item.box)))
                continue
            diags.append(
                error(
                    colours.at(key),
                    f"the dots of the list items would print all but invisible on "
                    f"{'the paper' if name == 'paper white' else name}: {key} differs from it by a colour difference "
                    f"(delta E) of {apart:.1f}{' as printed' if colours.press else ''}, under {SEEN:g}",
                    f"choose a darker or more colourful {key.rpartition(' ')[2]}: the dots (and the rules above "
                    "headings) print in it, on the paper and the panels' tints",
                ).at(place(n, item.box))
            )
    return diags


def _faint(colours: Colours, key: str, ground: str, ratio: float) -> Diagnostic:
    on = "the paper" if ground == "paper white" else ground
    return warning(
        colours.at(key),
        f"the dots of the list items, and the rules above headings, print faint on {on}: {key} has a contrast of "
        f"{ratio_text(ratio, MARKS_CONTRAST)}:1 with it{' as printed' if colours.press else ''}, under "
        f"{MARKS_CONTRAST:g}:1 (small marks are seen by their lightness, not their hue)",
        f"choose a darker {key.rpartition('.')[2]} (the shipped kit's, #E07A5F, has about 3:1 on white); "
        "`brochure init` refuses one this light",
    )


ARTWORK_SEEN = 1.5 * SEEN  # the artwork's colour against the paper: its layers are tints of it, the lightest 17 %


def check_artwork_seen(layout: Layout, colours: Colours) -> list[Diagnostic]:
    """A warning at the artwork's colour (the kit's secondary) where a drawing's layers, filled with it and its tints,
    would print all but invisible: the colour itself differs from the paper by less than ARTWORK_SEEN (a white
    secondary left the skin drawing's layers blank, its labels pointing at nothing). The shipped kits' differ by 21
    to 35."""
    secondary, key = next((ink, name) for ink, name in colours.names if name.endswith(".secondary"))
    ground = colours.background()[0]
    apart = difference(colours.rgb(secondary), colours.rgb(ground))
    if apart >= ARTWORK_SEEN:
        return []
    for n, page in enumerate(layout.pages):
        layers = [
            item
            for item in page.items
            if isinstance(item, Shape)
            and item.role == "figure"
            and item.fill is not None
            and made_of(secondary, ground, item.fill)
        ]
        if layers:
            return [
                warning(
                    colours.at(key),
                    f"the drawings' layers are filled with {key} and tints of it, which differ from the paper by a "
                    f"colour difference (delta E) of {apart:.1f}{' as printed' if colours.press else ''}, under "
                    f"{ARTWORK_SEEN:g}: they print all but invisible, their labels pointing at blank paper",
                    f"choose a more colourful or darker {key.rpartition('.')[2]} colour (the shipped kits' differ "
                    "by 21 to 35)",
                ).at(place(n, max(layers, key=lambda s: s.box.w * s.box.h).box))
            ]
    return []


def _seen(logo: list[Frame], ground: Ink | None, colours: Colours) -> bool:
    """Whether some part of the logo, of at least SEEN_SHARE of its box, stands out from the ground: a picture by
    its pixels laid on the ground, a shape by its inks (not one all but see-through, nor a speck)."""
    rgb = colours.rgb(ground)
    box = _union([item.box for item in logo])
    least = SEEN_SHARE * box.w * box.h
    for item in logo:
        if isinstance(item, Picture) and _standing_out(item.data, rgb) >= SEEN_SHARE:
            return True
        if isinstance(item, Shape) and item.box.w * item.box.h >= least:
            for ink in (item.fill, item.stroke):
                if ink is not None and ink.alpha >= SEEN_ALPHA and difference(colours.rgb(ink), rgb) >= SEEN:
                    return True
    return False


_STANDING: Kept[float] = Kept(16)  # by the picture's digest and the ground, not its bytes: a logo embedded as it is
# (a JPEG of up to 40 MB) was kept whole, and a watch whose logo was saved again and again held 16 of them (640 MB)


def _standing_out(data: bytes, ground: tuple[float, float, float]) -> float:
    """The share of a picture's area that differs from the ground by SEEN once laid on it (its transparent parts
    show the ground; thin lines and half see-through ink count as what they print, not as nothing)."""
    key = (content_key(data), ground)
    return _STANDING.answer(key, lambda: _measured(data, ground))


def _measured(data: bytes, ground: tuple[float, float, float]) -> float:
    with Image.open(io.BytesIO(data)) as image:
        image.draft("RGB", (_SAMPLE, _SAMPLE))  # (a JPEG decodes at a fraction of its size)
        picture = image.convert("RGBA")
    r0, g0, b0 = (round(v * 255) for v in ground)
    laid = Image.new("RGBA", picture.size, (r0, g0, b0, 255))
    laid.alpha_composite(picture)
    laid = laid.convert("RGB")
    laid.thumbnail((_SAMPLE, _SAMPLE))
    area = laid.width * laid.height
    quantized = laid.quantize(_COLOURS)
    palette = quantized.getpalette() or []
    out = 0
    for n, index in quantized.getcolors(_COLOURS) or []:  # (each colour once)
        if isinstance(index, int):
            r, g, b = palette[3 * index : 3 * index + 3]
            if difference((r / 255, g / 255, b / 255), ground) >= SEEN:
                out += n
    return out / area if area else 0.0


def _fields(items: tuple[Frame, ...]) -> tuple[Field, ...]:
    """What may be painted beneath something: the filled shapes other than marks, each with its box's edges."""
    return tuple(
        (s, s.box.x, s.box.y, s.box.right, s.box.top)
        for s in items
        if isinstance(s, Shape) and s.fill is not None and s.role != "mark"
    )


def _ground(items: tuple[Frame, ...], box: Rect, z: int) -> Ink | None:
    """The fill painted beneath the middle of a box before z (None: the paper)."""
    return _ground_among(_fields(items), box, z)


def _ground_among(fields: tuple[Field, ...], box: Rect, z: int) -> Ink | None:
    """`_ground`, of the page's fields listed once (by `_fields`)."""
    x, y = box.x + box.w / 2, box.y + box.h / 2
    under = [s for s, x0, y0, x1, y1 in fields if s.z < z and x0 <= x <= x1 and y0 <= y <= y1 and inside(s, x, y)]
    return max(under, key=lambda s: s.z).fill if under else None


def _union(boxes: list[Rect]) -> Rect:
    x0, y0 = min(b.x for b in boxes), min(b.y for b in boxes)
    x1, y1 = max(b.right for b in boxes), max(b.top for b in boxes)
    return Rect(x0, y0, x1 - x0, y1 - y0)
