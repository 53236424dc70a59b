"""A Palette, size and label words -> a Drawing of skin in cross-section with needles and new collagen."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from functools import lru_cache
from types import MappingProxyType

from reportlab.graphics.shapes import Drawing, Group, String

from brochure.art.fixed import Fixed, Geometry, Pen
from brochure.art.labels import Label, Measure, fit_beside, width_in
from brochure.art.nodes import Circle, Ellipse, Path, Polygon, PolyLine, Rect
from brochure.art.paths import (
    Pt,
    add_smooth,
    sample,
)
from brochure.frozen import frozen
from brochure.theme.colors import Palette, mix

# --------------------------------------------------------------------------------------------
# Skin cross-section ("how it works")
# --------------------------------------------------------------------------------------------

_LABEL_ORDER = ("needles", "epidermis", "collagen", "dermis")


def label_texts(labels: Mapping[str, str]) -> dict[str, str]:
    """The labels the drawing prints, in its order, blank ones left out; without soft hyphens and zero-width spaces,
    which say where a word may break and a label breaks only at a space (a font prints a soft hyphen as '-':
    'Fine nee-dles')."""
    kept = {key: labels.get(key, "").replace("\xad", "").replace("\u200b", "").strip() for key in _LABEL_ORDER}
    return {key: text for key, text in kept.items() if text}


_FIBRES = (0.22, 0.42, 0.62, 0.82)  # the dermal fibres' heights, as fractions of the dermis
# the new collagen strands (centre line, sign, phase, inset left, inset right): a crossing pair, then one below
_STRANDS = ((0.30, 1.0, 0.0, 0.00, 0.02), (0.30, -1.0, 0.0, 0.00, 0.02), (0.72, 1.0, 1.9, 0.04, 0.06))


@frozen
class _Block:
    """The skin block's size: its curves are a pure function of it (made once per size, art/fixed.py)."""

    W: float
    H: float
    bx1: float  # the block's right edge (the labels' gutter lies beyond it)
    bx0: float = 0.0

    @property
    def k(self) -> float:  # detail scale
        return max(0.6, min(2.5, math.sqrt(self.W * self.H / (230.0 * 150.0))))

    @property
    def bw(self) -> float:
        return self.bx1 - self.bx0

    @property
    def ys(self) -> float:  # mean skin surface
        return 0.60 * self.H

    @property
    def te(self) -> float:  # epidermis thickness
        return 0.085 * self.H

    @property
    def fat_top(self) -> float:
        return 0.17 * self.H

    @property
    def step(self) -> float:
        return max(1.5, self.bw / 90)

    @property
    def treated(self) -> tuple[float, float]:
        return (self.bx0 + 0.57 * self.bw, self.bx0 + 0.97 * self.bw)

    def _dips(self) -> tuple[tuple[float, float, float], ...]:
        bx0, bw, H = self.bx0, self.bw, self.H
        return ((bx0 + 0.14 * bw, 0.050 * H, 0.038 * bw), (bx0 + 0.77 * bw, 0.034 * H, 0.060 * bw))

    def surface(self, x: float) -> float:
        v = self.ys + 0.9 * self.k * math.sin(0.7 + 2 * math.pi * 2.3 * (x - self.bx0) / self.bw)
        for cx, depth, sig in self._dips():
            v -= depth * math.exp(-(((x - cx) / sig) ** 2))
        return v

    def junction(self, x: float) -> float:  # epidermis / dermis boundary with soft rete ridges
        k, bx0 = self.k, self.bx0
        v = self.ys + 0.9 * k * math.sin(0.7 + 2 * math.pi * 2.3 * (x - bx0) / self.bw) - self.te
        for cx, depth, sig in self._dips():
            v -= 0.75 * depth * math.exp(-(((x - cx) / (1.3 * sig)) ** 2))
        return v - 1.1 * k * (0.5 + 0.5 * math.sin(2 * math.pi * (x - bx0) / (9.5 * k)))

    def fat_line(self, x: float) -> float:
        return self.fat_top + 1.6 * self.k * math.sin(1.9 + 2 * math.pi * 1.4 * (x - self.bx0) / self.bw)

    def strands(self) -> list[list[Pt]]:
        """The points of the new collagen strands under the channels."""
        k, bw, H = self.k, self.bw, self.H
        tx0, tx1 = self.treated
        coll_top = self.ys - self.te - 0.05 * H
        coll_bot = self.ys - self.te - 0.24 * H
        span = coll_top - coll_bot
        per = 0.15 * bw
        out: list[list[Pt]] = []
        for frac, sign, phase, in_l, in_r in _STRANDS:
            yc = coll_top - span * frac

            def strand(x: float, yc: float = yc, sign: float = sign, phase: float = phase) -> float:
                return yc + sign * 2.5 * k * math.sin(phase + 2 * math.pi * (x - tx0) / per)

            out.append(sample(strand, tx0 + in_l * bw, tx1 - in_r * bw, self.step / 2))
        return out

    @property
    def collagen_end(self) -> Pt:
        """Where the first collagen strand ends (its label's leader points there)."""
        return self.strands()[0][-1]


@lru_cache(maxsize=32)
def _curves(b: _Block) -> Mapping[str, Geometry]:
    """The block's smooth curves by name, made once per size (the same segments a ReportLab Path would draw);
    read-only, as builds share them."""
    bx0, bx1, bw, step, k, H = b.bx0, b.bx1, b.bw, b.step, b.k, b.H
    surf_pts = sample(b.surface, bx0, bx1, step)
    junc_pts = sample(b.junction, bx0, bx1, step / 2)
    fat_pts = sample(b.fat_line, bx0, bx1, step * 2)
    r_corner = min(4.0 * k, 0.04 * H)

    def outline(top: Sequence[Pt]) -> Pen:
        """A closed path: a smooth top edge, the block's sides and its rounded bottom corners."""
        path = Pen()
        add_smooth(path, top, move=True)
        path.lineTo(bx1, r_corner)
        path.curveTo(bx1, r_corner * 0.45, bx1 - r_corner * 0.45, 0, bx1 - r_corner, 0)
        path.lineTo(bx0 + r_corner, 0)
        path.curveTo(bx0 + r_corner * 0.45, 0, bx0, r_corner * 0.45, bx0, r_corner)
        path.closePath()
        return path

    def smooth(*parts: Sequence[Pt]) -> Pen:
        path = Pen()
        for i, pts in enumerate(parts):
            add_smooth(path, pts, move=i == 0)
        return path

    pens = {"dermis": outline(surf_pts), "fat": outline(fat_pts), "fat edge": smooth(fat_pts)}
    for j, frac in enumerate(_FIBRES):
        yc = b.fat_top + (b.ys - b.te - b.fat_top) * frac
        amp = 1.6 * k
        per = (0.55 + 0.1 * j) * bw

        def fibre(x: float, yc: float = yc, amp: float = amp, per: float = per, j: int = j) -> float:
            return yc + amp * math.sin(j * 1.7 + 2 * math.pi * (x - bx0) / per)

        x_end = bx1 + step if frac < 0.5 else b.treated[0] - 0.03 * bw
        x_start = bx0 - step if j % 2 == 0 else bx0 + 0.10 * bw
        pens[f"fibre {j}"] = smooth(sample(fibre, x_start, x_end, step * 2))
    for j, pts in enumerate(b.strands()):
        pens[f"strand {j}"] = smooth(pts)
    pens["epidermis"] = smooth(surf_pts, list(reversed(junc_pts)))
    pens["epidermis"].closePath()
    pens["junction"] = smooth(junc_pts)
    pens["surface"] = smooth(surf_pts)
    return MappingProxyType({name: Geometry.of(("skin", b, name), p.segments) for name, p in pens.items()})


_PEEK = 0.5  # pt: a fat lobule shows at least this much of itself inside the block, or is not drawn (a sliver of
# one, cut by the block's edge, printed as a line under 0.2 pt, which the press check warned of at the kit's colours)


def skin_section(
    width: float,
    height: float,
    palette: Palette,
    labels: Mapping[str, str],
    font_name: str,
    font_size: float,
    lettering: tuple[Measure, tuple[str, ...]] | None = None,
    mirrored: bool = False,
) -> Drawing:
    """A labelled cross-section of skin with a micro-needling pen, channels and new collagen, its labels at the
    right; `mirrored` (a right-to-left leaflet): its mirror image, the labels at the left, flush right against
    their leaders. `lettering`: how the labels measure as they print and the fallback fonts they may be set in
    (default: the font's own widths, no fallbacks)."""
    W, H = float(width), float(height)
    k = max(0.6, min(2.5, math.sqrt(W * H / (230.0 * 150.0))))  # detail scale

    def sw(v: float) -> float:
        return max(0.5, v * k)  # no hairline under 0.5 pt: on press, tints of three plates would fringe

    texts = label_texts(labels)
    measure, fallbacks = lettering or (width_in(font_name), ())
    fit = fit_beside(texts, measure, font_size, W)  # never under 7 pt; the layout reports labels too wide
    size, lines, lead, gutter = fit.size, fit.lines, fit.lead, fit.gutter
    block = _Block(W, H, W - gutter)
    curves = _curves(block)
    bx0, bx1, bw = block.bx0, block.bx1, block.bw
    ys, te, fat_top, pen_x = block.ys, block.te, block.fat_top, bx0 + 0.44 * bw
    surface, junction = block.surface, block.junction
    treated = block.treated

    c_epi = palette.tint(palette.secondary, 0.50)
    c_derm = palette.tint(palette.secondary, 0.17)
    c_fat = palette.tint(palette.accent, 0.13)
    c_lobule = palette.tint(palette.accent, 0.07)
    c_lobule_edge = palette.tint(palette.accent, 0.34)
    c_fibre = palette.tint(palette.primary, 0.16)
    c_cell = palette.tint(palette.primary, 0.20)
    c_nucleus = palette.tint(palette.primary, 0.42)
    c_line = palette.tint(palette.primary, 0.42)
    c_steel = mix(palette.text, palette.background, 0.62)
    c_coll = palette.accent
    c_coll_soft = palette.tint(palette.accent, 0.45)

    d = Drawing(W, H)

    # dermis: the whole block below the surface
    d.add(Fixed(curves["dermis"], fillColor=c_derm, strokeColor=None))
    dermis = Group(Fixed(curves["dermis"], isClipPath=1, fillColor=None, strokeColor=None))
    d.add(dermis)

    # fat layer: a honeycomb of lobules, clipped to the layer
    d.add(Fixed(curves["fat"], fillColor=c_fat, strokeColor=None))
    fat = Group(Fixed(curves["fat"], isClipPath=1, fillColor=None, strokeColor=None))
    d.add(fat)
    r_lob = max(3.0, 0.05 * H)
    row, yy = 0, fat_top - 0.85 * r_lob
    while yy > -r_lob:
        xx = bx0 + (r_lob if row % 2 else 0.0)
        while xx < bx1 + r_lob:
            if xx - 0.9 * r_lob - sw(0.4) / 2 < bx1 - _PEEK:  # (one that would show a sliver at the edge is left out)
                fat.add(Circle(xx, yy, r_lob * 0.9, fillColor=c_lobule, strokeColor=c_lobule_edge, strokeWidth=sw(0.4)))
            xx += 2 * r_lob
        yy -= 1.75 * r_lob
        row += 1
    d.add(Fixed(curves["fat edge"], fillColor=None, strokeColor=c_lobule_edge, strokeWidth=sw(0.5)))

    # existing dermal fibres: soft, long, wavy
    coll_bot = ys - te - 0.24 * H
    for j in range(len(_FIBRES)):
        fibre = curves[f"fibre {j}"]
        dermis.add(Fixed(fibre, fillColor=None, strokeColor=c_fibre, strokeWidth=sw(0.75), strokeLineCap=1))

    # fibroblast cells (deterministic scatter), kept out of the new-collagen zone
    cells = (
        (0.08, 0.52),
        (0.22, 0.30),
        (0.31, 0.66),
        (0.17, 0.80),
        (0.53, 0.34),
        (0.66, 0.17),
        (0.86, 0.30),
        (0.40, 0.18),
    )
    for fx, fy in cells:
        cx = bx0 + fx * bw
        cy = fat_top + (ys - te - fat_top) * fy
        if treated[0] - 4 * k < cx < treated[1] and cy > coll_bot - 4 * k:
            continue
        dermis.add(Ellipse(cx, cy, 2.6 * k, 1.35 * k, fillColor=c_cell, strokeColor=None))
        dermis.add(Circle(cx + 0.3 * k, cy, 0.65 * k, fillColor=c_nucleus, strokeColor=None))

    # new collagen in the treated area: interwoven accent strands under the channels
    tx0 = treated[0]
    for j in range(len(_STRANDS)):
        colour = c_coll_soft if j == 1 else c_coll
        strand = curves[f"strand {j}"]
        dermis.add(Fixed(strand, fillColor=None, strokeColor=colour, strokeWidth=sw(0.95), strokeLineCap=1))
    tip_y = ys - te - 0.09 * H

    # epidermis band (between surface and junction)
    d.add(Fixed(curves["epidermis"], fillColor=c_epi, strokeColor=None))
    d.add(Fixed(curves["junction"], fillColor=None, strokeColor=c_line, strokeWidth=sw(0.45)))

    # micro-channels left behind in the treated area
    n_ch = 4
    for i in range(n_ch):
        cx = tx0 + (bx0 + 0.90 * bw - tx0) * (i + 0.5) / n_ch
        top = surface(cx)
        bottom = junction(cx) - 0.07 * H
        half = 0.8 * k
        d.add(
            Polygon(
                [cx - half, top + 0.3, cx + half, top + 0.3, cx + 0.12 * k, bottom, cx - 0.12 * k, bottom],
                fillColor=palette.background,
                strokeColor=c_line,
                strokeWidth=sw(0.3),
                strokeLineJoin=1,
            )
        )

    # surface line (stratum corneum)
    d.add(Fixed(curves["surface"], fillColor=None, strokeColor=palette.primary, strokeWidth=sw(0.8), strokeLineJoin=1))

    # ---- micro-needling pen ------------------------------------------------------------------
    pen_w = max(10.0, 0.105 * bw)
    cart_h = 0.10 * H
    air = 0.05 * H
    cart_bot = max(surface(pen_x - 0.4 * pen_w), surface(pen_x), surface(pen_x + 0.4 * pen_w)) + air
    cart_top = cart_bot + cart_h
    collar_h = 0.035 * H
    body_bot = cart_top + collar_h
    body_top = H - 0.5
    needle_xs = [pen_x + (i - 2) * 0.16 * pen_w for i in range(5)]
    for nx in needle_xs:  # needles run from inside the cartridge into the upper dermis
        d.add(
            PolyLine(
                [nx, cart_top - 0.3 * cart_h, nx, tip_y],
                strokeColor=c_steel,
                strokeWidth=sw(0.55),
                strokeLineCap=1,
            )
        )
    cart_half_bot = 0.36 * pen_w
    cart = Polygon(
        [
            pen_x - 0.43 * pen_w,
            cart_top,
            pen_x + 0.43 * pen_w,
            cart_top,
            pen_x + cart_half_bot,
            cart_bot,
            pen_x - cart_half_bot,
            cart_bot,
        ],
        fillColor=palette.tint(palette.secondary, 0.30),
        strokeColor=palette.primary,
        strokeWidth=sw(0.55),
        strokeLineJoin=1,
    )
    d.add(cart)
    for nx in needle_xs:  # visible through the clear cartridge
        d.add(
            PolyLine(
                [nx, cart_top - 0.3 * cart_h, nx, cart_bot],
                strokeColor=c_steel,
                strokeWidth=sw(0.55),
            )
        )
    rt = 0.3 * pen_w  # rounded top end, square bottom (hidden by the collar)
    body = Path(fillColor=palette.primary, strokeColor=None)
    body.moveTo(pen_x - pen_w / 2, body_bot - 0.5)
    body.lineTo(pen_x - pen_w / 2, body_top - rt)
    body.curveTo(
        pen_x - pen_w / 2,
        body_top - 0.45 * rt,
        pen_x - pen_w / 2 + 0.45 * rt,
        body_top,
        pen_x - pen_w / 2 + rt,
        body_top,
    )
    body.lineTo(pen_x + pen_w / 2 - rt, body_top)
    body.curveTo(
        pen_x + pen_w / 2 - 0.45 * rt,
        body_top,
        pen_x + pen_w / 2,
        body_top - 0.45 * rt,
        pen_x + pen_w / 2,
        body_top - rt,
    )
    body.lineTo(pen_x + pen_w / 2, body_bot - 0.5)
    body.closePath()
    d.add(body)
    d.add(
        Rect(
            pen_x - 0.30 * pen_w,
            body_bot + 0.12 * (body_top - body_bot),
            0.12 * pen_w,
            0.80 * (body_top - body_bot),
            rx=0.06 * pen_w,
            ry=0.06 * pen_w,
            fillColor=mix(palette.white, palette.primary, 0.28),
            strokeColor=None,
        )
    )
    d.add(
        Rect(
            pen_x - 0.47 * pen_w,
            cart_top,
            0.94 * pen_w,
            collar_h,
            rx=0.6 * k,
            ry=0.6 * k,
            fillColor=palette.blend("primary", "text", 0.55),
            strokeColor=None,
        )
    )
    btn_y = body_bot + 0.45 * (body_top - body_bot)
    d.add(
        Circle(
            pen_x + 0.16 * pen_w, btn_y, 0.12 * pen_w, fillColor=palette.tint(palette.accent, 0.75), strokeColor=None
        )
    )

    # ---- labels -------------------------------------------------------------------------------
    if not texts:
        return _mirror(d) if mirrored else d
    lx_feature: dict[str, Pt] = {
        "needles": (needle_xs[-1], cart_bot - 0.5 * air),
        "epidermis": (bx1 - 0.045 * bw, (surface(bx1 - 0.045 * bw) + junction(bx1 - 0.045 * bw)) / 2),
        "collagen": block.collagen_end,
        "dermis": (bx1 - 0.10 * bw, fat_top + 0.34 * (coll_bot - fat_top)),
    }
    line_h = size * 1.18
    order = [key for key in _LABEL_ORDER if key in texts]
    heights = {key: line_h * (len(lines[key]) - 1) + size * 0.72 for key in order}  # cap-height block
    ys_lab = {key: lx_feature[key][1] for key in order}
    top_limit = H - 0.5
    bottom_limit = 0.5
    # a gap between two labels clearly wider than between a label's own lines (0.46 of the size, cap to baseline),
    # so that two one-line labels do not read as one of two lines: 1.2 of the size where the drawing has the
    # height, never under 0.75
    spare = top_limit - bottom_limit - sum(heights.values())
    min_gap = size * min(1.2, max(0.75, spare / size / max(1, len(order) - 1)))
    # top-down then bottom-up passes keep labels apart and inside the drawing
    prev_bottom = top_limit
    for key in order:
        half = heights[key] / 2
        ys_lab[key] = min(ys_lab[key], prev_bottom - half)
        prev_bottom = ys_lab[key] - half - min_gap
    prev_top = bottom_limit
    for key in reversed(order):
        half = heights[key] / 2
        ys_lab[key] = max(ys_lab[key], prev_top + half)
        prev_top = ys_lab[key] + half + min_gap

    text_x = bx1 + lead
    for key in order:
        fx, fy = lx_feature[key]
        cy = ys_lab[key]
        elbow = bx1 + 0.35 * lead
        end = text_x - 0.25 * lead
        leader = [fx, fy, elbow, fy, end, cy] if abs(cy - fy) > 0.3 else [fx, fy, end, fy]
        d.add(PolyLine(leader, strokeColor=palette.text, strokeWidth=0.4, strokeLineCap=1, strokeLineJoin=1))
        d.add(
            Circle(fx, fy, max(0.9, 1.05 * k), fillColor=palette.text, strokeColor=palette.background, strokeWidth=0.3)
        )
        first_base = cy + heights[key] / 2 - size * 0.72
        for i, t in enumerate(lines[key]):
            d.add(
                Label(
                    text_x,
                    first_base - i * line_h,
                    t,
                    fallbacks,
                    fontName=font_name,
                    fontSize=size,
                    fillColor=palette.text,
                    textAnchor="start",
                )
            )
    return _mirror(d) if mirrored else d


def _mirror(d: Drawing) -> Drawing:
    """The drawing's mirror image: its shapes reflected about its middle, its words upright and flush right
    where they started (they read towards the drawing, at the ends of their leaders)."""
    out = Drawing(d.width, d.height)
    shapes = Group(transform=(-1, 0, 0, 1, d.width, 0))
    out.add(shapes)
    words: list[String] = []
    for node in d.contents:
        if isinstance(node, String):
            node.x, node.textAnchor = d.width - node.x, "end"
            words.append(node)
        else:
            shapes.add(node)
    for node in words:
        out.add(node)
    return out


# --------------------------------------------------------------------------------------------
# Cover colour field
# --------------------------------------------------------------------------------------------
