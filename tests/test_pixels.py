"""Each kind of artwork and flowable, rendered alone, checked at the pixels that matter (no whole-image goldens).

The harness places one flowable (or a coloured ground and one on top of it) on a small page of its own, paints it
into frames (layout/paint.py), renders the frames (render/pdf.py) and rasterises the page at 150 dpi with PDFium
(output/preview.py). The flowables are the ones the layout makes of each kind of block (layout/blocks.py), in the
shipped brand's office and press themes. Where to look comes from the frames (a disc's box, a label's line) or from
the artwork's own proportions. A colour is expected as PDFium shows a flat patch of it: in the office edition the
brand's #RRGGBB exactly; in the press edition its CMYK ink, which PDFium converts by a table of its own (not through
the output profile). So a flat fill is compared exactly; edges are anti-aliased, so points are read well inside a
fill, and a glyph by its best pixel.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

import pytest
from helpers import read_qr, result_of, sources
from PIL import Image
from reportlab.lib.colors import CMYKColor, Color
from reportlab.platypus import Flowable

from brochure import art
from brochure.diagnostics import Location
from brochure.geometry.sheet import MM, Panel, Paper, Rect, Sheet, Side
from brochure.inputs import blocks as c
from brochure.inputs.content import Section
from brochure.inputs.pictures import PictureData
from brochure.layout.blocks import Blocks
from brochure.layout.flowables import Art
from brochure.layout.hanging import StepRow
from brochure.layout.model import Draft, DraftLayout, Frame, Ink, Layout, Picture, Placed, Shape, Text
from brochure.layout.paint import paint
from brochure.layout.qr import modules, qr_drawing
from brochure.output.preview import page_images
from brochure.preflight.contrast import ink_of
from brochure.render.pdf import Meta, render
from brochure.theme.cmyk import DEFAULT_PROFILE, press_brand, press_palette, rgb_to_cmyk, shipped_profile
from brochure.theme.colors import Palette
from brochure.theme.styles import Theme, make_theme
from brochure.vocabulary import ICON_NAMES, LayoutName, Target

DPI = 150
K = DPI / 72  # pixels per point
MARGIN = 24.0  # paper around the piece: 50 pixels, so the piece's origin falls on a pixel corner
COLUMN = 238.0  # a tri-fold panel's column, in points
TARGETS: tuple[Target, ...] = ("office", "press")

RGB = tuple[int, int, int]


# -- the harness -----------------------------------------------------------------------------------------------


@cache
def theme(target: Target) -> Theme:
    """The shipped brand's theme for the edition, made as api.build makes it."""
    src = sources()
    if target == "office":
        return make_theme(src.brand, src.fonts)
    profile = shipped_profile(DEFAULT_PROFILE)
    colours = press_palette(src.brand, profile)
    return make_theme(press_brand(src.brand, profile, colours), src.fonts, colours, profile)


def palette(target: Target) -> Palette:
    return theme(target).palette


class Ground(Flowable):  # type: ignore[misc]
    """A flat rectangle of one colour: the ground a piece is drawn over, or a patch to see how an ink renders."""

    def __init__(self, color: Color, width: float, height: float) -> None:
        super().__init__()
        self.color, self.width, self.height = color, width, height

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self.canv.setFillColor(self.color)
        self.canv.rect(0, 0, self.width, self.height, stroke=0, fill=1)


@dataclass(frozen=True)
class Shot:
    """One piece on a page of its own: its frames, the PDF and the page rasterised at DPI."""

    layout: Layout
    pdf: bytes
    image: Image.Image
    box: Rect  # where the (last) piece was placed, in page points

    @property
    def items(self) -> tuple[Frame, ...]:
        return self.layout.pages[0].items

    def piece(self, n: int = -1) -> list[Frame]:
        """The frames drawn by the n-th placed piece (the last by default)."""
        pieces = sorted({i.piece for i in self.items})
        return [i for i in self.items if i.piece == pieces[n]]

    def at(self, x: float, y: float) -> RGB:
        """The pixel under the point (x, y) of the page (points, origin at the bottom left)."""
        px, py = int(x * K), int((self.layout.sheet.media.h - y) * K)
        r, g, b = self.image.getpixel((px, py))  # type: ignore[misc]
        return r, g, b

    def pixels(self, box: Rect) -> Iterator[RGB]:
        """Every pixel whose centre lies in box."""
        h = self.layout.sheet.media.h
        for py in range(round((h - box.top) * K), round((h - box.y) * K)):
            for px in range(round(box.x * K), round(box.right * K)):
                r, g, b = self.image.getpixel((px, py))  # type: ignore[misc]
                yield r, g, b


def shoot(*pieces: Flowable, target: Target = "office", width: float = COLUMN) -> Shot:
    """Each piece wrapped to width and placed at the same spot on a one-panel page, painted, rendered, rasterised."""
    src = sources()
    sizes = [f.wrap(width, 10_000) for f in pieces]
    w, h = max(s[0] for s in sizes), max(s[1] for s in sizes)
    media = Rect(0, 0, w + 2 * MARGIN, h + 2 * MARGIN)
    panel = Panel("inside-1", 0, media, media.inset(MARGIN, MARGIN, MARGIN, MARGIN), True, True)
    sheet = Sheet(Paper("a4", media.w, media.h, 0.0), target, media, media, 0.0, (Side("inside", (panel,), ()),))
    placed = tuple(
        Placed(f, Rect(MARGIN, MARGIN + h - fh, fw, fh), "inside-1", "s")
        for f, (fw, fh) in zip(pieces, sizes, strict=True)
    )
    draft = DraftLayout(sheet, (Draft(sheet.sides[0], placed, (), ()),), (), None, (), 9.5)
    layout = paint(draft, src.fonts.regular)
    meta = Meta("pixels", "test", "test", (), "en-GB", src.fonts.regular, press=target == "press")
    pdf = render(layout, meta)
    image = Image.open(io.BytesIO(page_images(pdf, DPI)[0])).convert("RGB")
    return Shot(layout, pdf, image, placed[-1].box)


@cache
def _patch(space: str, values: tuple[float, ...]) -> RGB:
    color = CMYKColor(*values) if space == "cmyk" else Color(*values)
    shot = shoot(Ground(color, 20, 20), target="press" if space == "cmyk" else "office")
    return shot.at(shot.box.x + 10, shot.box.y + 10)


def shown(color: Color) -> RGB:
    """How PDFium shows a flat patch of the colour (an RGB colour as written, give or take its rounding of halves;
    a CMYK ink by PDFium's own table): what a fill of this colour must look like, exactly."""
    ink = ink_of(color)
    return _patch(ink.space, ink.values)


def distance(a: RGB, b: RGB) -> int:
    """The largest channel difference."""
    return max(abs(x - y) for x, y in zip(a, b, strict=True))


def between(p: RGB, a: RGB, b: RGB) -> int:
    """How far p lies from the blends of a into b (0: p is a mix of the two, as an anti-aliased edge is)."""
    d = [y - x for x, y in zip(a, b, strict=True)]
    dd = sum(v * v for v in d) or 1
    t = min(1.0, max(0.0, sum((q - x) * v for q, x, v in zip(p, a, d, strict=True)) / dd))
    return max(abs(q - (x + t * v)) for q, x, v in zip(p, a, d, strict=True))


def best(pixels: Iterator[RGB], colour: RGB) -> int:
    """How close the closest pixel comes to colour (0: some pixel is exactly it)."""
    return min(distance(p, colour) for p in pixels)


def centre(box: Rect) -> tuple[float, float]:
    return box.x + box.w / 2, box.y + box.h / 2


def same(ink: Ink, color: Color) -> bool:
    """The frame's ink is the colour (frames hold what the PDF says: six decimals)."""
    want = ink_of(color)
    return ink.space == want.space and all(abs(x - y) < 1e-5 for x, y in zip(ink.values, want.values, strict=True))


def shapes(items: list[Frame], fill: Color) -> list[Shape]:
    """The shapes filled with this colour."""
    return [i for i in items if isinstance(i, Shape) and i.fill is not None and same(i.fill, fill)]


AT = Location("content.yaml", 1, 1, "sections[0].blocks[0]")


def made(block: c.Block, target: Target) -> Flowable:
    """The one flowable the layout makes of a block in a tri-fold column (layout/blocks.py)."""
    (item,) = Blocks(theme(target), COLUMN).block(block, "s", 0.0)
    return item.flowable


PAPER: RGB = (255, 255, 255)


def test_a_flat_patch_shows_the_brand_colour_as_written() -> None:
    """The oracle above: in the office edition a patch of each brand colour is its #RRGGBB exactly; in the press
    edition the brand's own CMYK primary shows as PDFium converts it, not as the RGB hex."""
    src = sources()
    office = palette("office")
    for key, value in src.brand.colors:
        want = tuple(int(value[i : i + 2], 16) for i in (1, 3, 5))
        assert shown(getattr(office, key)) == want, key
    press = palette("press")
    assert ink_of(press.primary) == Ink("cmyk", (0.85, 0.35, 0.4, 0.25))  # assets/brand.yaml colors.cmyk.primary
    assert shown(press.white) == PAPER and distance(shown(press.primary), shown(office.primary)) > 5


# -- icons -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(ICON_NAMES))
def test_each_icon_is_drawn_in_the_primary_colour_and_leaves_the_ground_showing(name: str) -> None:
    """Over a tinted ground, every pixel of the icon's box is the ground, the primary colour or a blend of the two;
    its strokes reach the primary colour exactly and the box's corners show the ground (nothing fills it)."""
    pal = palette("office")
    size = 48.0
    ground = pal.tint(pal.secondary, 0.3)
    shot = shoot(Ground(ground, size, size), Art(art.icon(name, size, pal.primary), size, size))
    primary, under = shown(pal.primary), shown(ground)
    box = shot.box
    assert shot.box == Rect(MARGIN, MARGIN, size, size)
    for x, y in ((box.x, box.y), (box.right, box.y), (box.x, box.top), (box.right, box.top)):
        assert shot.at(x + (1 if x == box.x else -1), y + (1 if y == box.y else -1)) == under, (name, x, y)
    pixels = list(shot.pixels(box))
    assert max(between(p, under, primary) for p in pixels) <= 3, name
    assert sum(p == primary for p in pixels) >= 30, name  # solid strokes, not only their anti-aliased edges
    drawn = shot.piece()
    assert drawn and all(isinstance(i, Shape) for i in drawn)
    inks = {ink for i in drawn if isinstance(i, Shape) for ink in (i.fill, i.stroke) if ink is not None}
    assert inks and all(same(ink, pal.primary) for ink in inks), name


# -- the skin drawing ------------------------------------------------------------------------------------------

LABELS = (
    ("needles", "Fine needles"),
    ("epidermis", "Top layer (epidermis)"),
    ("collagen", "New collagen"),
    ("dermis", "Deeper layer (dermis)"),
)


@pytest.mark.parametrize("target", TARGETS)
def test_the_skin_drawing_shows_its_layers_and_its_labels(target: Target) -> None:
    """Near the block's left edge, away from fibres, cells and the pen: the epidermis band, the dermis under it and
    the fat layer's lobules, each in its tint; every label is printed beside the drawing, in the text colour."""
    pal = palette(target)
    figure = made(c.Illustration("skin-section", None, LABELS, AT), target)
    assert isinstance(figure, Art) and figure.role == "figure"
    shot = shoot(figure, target=target)
    h = figure.make().height
    (dermis,) = shapes(shot.piece(), pal.tint(pal.secondary, 0.17))  # the block under the skin's surface
    block = dermis.box
    # The proportions the drawing is made to (art/skin.py): the surface at 60 % of its height, the epidermis 8.5 %
    # thick under it, the fat layer up to 17 %, filled with rows of lobules (radius 0.9 r, 2 r apart, rows 1.75 r
    # apart and offset by r, the first row's centres 0.85 r under the fat's top). Near the block's left edge no
    # fibre, cell, channel or pen is drawn over them.
    ys, te, fat_top, r = 0.60 * h, 0.085 * h, 0.17 * h, max(3.0, 0.05 * h)
    edge = 0.03 * block.w
    layers = (
        ("epidermis", edge, ys - te / 2, pal.tint(pal.secondary, 0.50)),
        ("dermis", edge, fat_top + 0.42 * (ys - te - fat_top), pal.tint(pal.secondary, 0.17)),
        ("fat lobule", 2 * r, fat_top - 0.85 * r, pal.tint(pal.accent, 0.07)),
        ("fat between lobules", r, fat_top - (0.85 + 0.583) * r, pal.tint(pal.accent, 0.13)),
        ("paper above the skin", edge, h - 2, pal.background),
    )
    for name, dx, dy, colour in layers:
        assert shot.at(block.x + dx, block.y + dy) == shown(colour), name
    labels = [t for t in shot.items if isinstance(t, Text) and t.role == "label"]
    assert " ".join(t.text for t in labels).split() == " ".join(text for _, text in LABELS).split()
    for line in labels:
        assert line.box.x > block.right, line.text  # beside the block, not over it
        assert all(same(r.ink, pal.text) for r in line.runs)
        assert best(shot.pixels(line.box), shown(pal.text)) <= 40, line.text  # 7.5 pt: its stems nearly solid


# -- the cover field -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("target", TARGETS)
def test_the_cover_field_is_the_primary_colour_where_no_wave_is(target: Target) -> None:
    pal = palette(target)
    w, h = 100 * MM, 140 * MM
    shot = shoot(Art(art.cover_field(w, h, pal), w, h), target=target, width=w)
    x0, y0 = shot.box.x, shot.box.y
    # the calm top left (no micro-channel dots), the top edge, and the left side above the waves
    for u, v in ((0.3, 0.8), (0.1, 0.95), (0.5, 0.995), (0.02, 0.6), (0.2, 0.5)):
        assert shot.at(x0 + u * w, y0 + v * h) == shown(pal.primary), (u, v)
    for u in (0.1, 0.5, 0.9):  # the front wave at the foot is the page background
        assert shot.at(x0 + u * w, y0 + 0.02 * h) == shown(pal.background), u


# -- the QR code -----------------------------------------------------------------------------------------------

URL = "https://clearwaterskin.co.uk/book"


@pytest.mark.parametrize("target", TARGETS)
def test_the_qr_code_decodes_with_dark_modules_in_the_text_colour_on_white(target: Target) -> None:
    """It decodes (preflight's reader); its finder patterns' dark modules are the text colour, the light ones and
    a quiet zone of 4 modules all round (what ISO/IEC 18004 asks for) are white."""
    pal = palette(target)
    size = 24 * MM
    shot = shoot(Art(qr_drawing(URL, size, pal.text, pal.white), size, size, "qr", URL), target=target, width=size)
    box = shot.box
    assert read_qr(shot.pdf, 0, (box.x, box.y, box.w, box.h), shot.layout.sheet.media.h) == [URL]
    n = modules(URL)
    q = 4
    side = n + 2 * q
    unit = size / side

    def cell(col: int, row: int) -> RGB:  # the pixel at a module's centre, quiet zone included, from the top left
        return shot.at(box.x + (col + 0.5) * unit, box.top - (row + 0.5) * unit)

    dark, light = shown(pal.text), shown(pal.white)
    assert light == PAPER
    for c0, r0 in ((q, q), (q + n - 7, q), (q, q + n - 7)):  # a dark ring, a light ring, a dark 3 x 3 core
        assert cell(c0, r0) == dark and cell(c0 + 6, r0 + 6) == dark and cell(c0 + 3, r0 + 3) == dark
        assert cell(c0 + 1, r0 + 1) == light and cell(c0 + 3, r0 + 5) == light
    for i in range(q - 1):  # the quiet zone's outer modules (the inner one touches the code's anti-aliased edge)
        for j in range(side):
            for col, row in ((i, j), (j, i), (side - 1 - i, j), (j, side - 1 - i)):
                assert cell(col, row) == light, (col, row)


# -- flowables, as the layout makes them of each kind of block -------------------------------------------------


@pytest.mark.parametrize("target", TARGETS)
def test_a_section_heading_has_an_accent_rule_above_words_in_the_primary_colour(target: Target) -> None:
    pal = palette(target)
    (item,) = Blocks(theme(target), COLUMN).section(Section("risks", "Risks and side effects", None, (), AT), True)
    shot = shoot(item.flowable, target=target)
    (rule,) = shapes(shot.piece(), pal.accent)
    (line,) = [t for t in shot.items if isinstance(t, Text)]
    assert line.role == "heading" and line.text == "Risks and side effects"
    assert shot.at(*centre(rule.box)) == shown(pal.accent)
    assert rule.box.y > line.box.top and rule.box.x == shot.box.x  # above the words, at the column's left
    primary = shown(pal.primary)
    glyphs = list(shot.pixels(line.box))
    assert best(iter(glyphs), primary) <= 2  # 14 pt bold: its stems are solid primary
    assert max(between(p, PAPER, primary) for p in glyphs) <= 3  # and nothing but primary on paper


@pytest.mark.parametrize("target", TARGETS)
def test_a_bullet_has_an_accent_dot_left_of_its_words(target: Target) -> None:
    pal = palette(target)
    shot = shoot(made(c.Bullets(("Redness for 1 to 3 days",), AT), target), target=target)
    (dot,) = shapes(shot.piece(), pal.accent)
    (line,) = [t for t in shot.items if isinstance(t, Text)]
    assert line.role == "list_item" and shot.at(*centre(dot.box)) == shown(pal.accent)
    assert dot.box.w == pytest.approx(3.8, abs=0.05) and dot.box.h == pytest.approx(3.8, abs=0.05)  # as drawn
    assert dot.box.right < line.box.x and line.box.y < centre(dot.box)[1] < line.box.top  # beside the first line
    assert best(shot.pixels(line.box), shown(pal.text)) <= 25


@pytest.mark.parametrize("target", TARGETS)
def test_a_card_is_a_tint_of_the_secondary_colour_with_rounded_corners(target: Target) -> None:
    """A 16 % tint of the secondary colour in its padding and just inside each corner; paper at the very corner
    pixel (a 4 pt radius); the title and the icon in the primary colour."""
    pal = palette(target)
    card = c.Card("Smoother texture", "New collagen can even out rough skin.", "smooth")
    shot = shoot(made(c.Cards((card,), AT), target), target=target)
    b, tint = shot.box, shown(pal.tint(pal.secondary, 0.16))
    mid = b.y + b.h / 2
    for x, y in (
        (b.x + 3, mid),
        (b.right - 3, mid),
        (b.x + b.w / 2, b.y + 3),
        (b.x + 2, b.y + 2),
        (b.right - 2, b.top - 2),
    ):
        assert shot.at(x, y) == tint, (x - b.x, y - b.y)
    for x, y in ((b.x, b.y), (b.right - 0.1, b.y), (b.x, b.top - 0.1), (b.right - 0.1, b.top - 0.1)):
        assert shot.at(x, y) == PAPER, (x - b.x, y - b.y)
    primary = shown(pal.primary)
    (title,) = [t for t in shot.items if isinstance(t, Text) and t.text == "Smoother texture"]
    assert best(shot.pixels(title.box), primary) <= 25 and best(shot.pixels(title.box), shown(pal.text)) > 25
    icon = Rect(b.x + 6, b.top - 6 - 18, 18, 18)  # in the padding, at the top left
    assert best(shot.pixels(icon), primary) == 0


@pytest.mark.parametrize("target", TARGETS)
@pytest.mark.parametrize("tone", ["note", "warning"])
def test_a_callout_has_a_bar_at_its_left_edge(target: Target, tone: Literal["note", "warning"]) -> None:
    """A note: a primary bar on an 8 % primary tint; a warning: an accent bar on a 13 % accent tint, an alert icon."""
    pal = palette(target)
    warn = tone == "warning"
    bar = pal.accent if warn else pal.primary
    fill = pal.tint(pal.accent, 0.13) if warn else pal.tint(pal.primary, 0.08)
    shot = shoot(made(c.Callout("Tell us first", "If you take blood thinners.", tone, AT), target), target=target)
    b = shot.box
    for v in (0.1, 0.5, 0.9):
        assert shot.at(b.x + 1.5, b.y + v * b.h) == shown(bar), v  # the bar, the whole height
        assert shot.at(b.x + 6, b.y + v * b.h) == shown(fill), v  # the tint right of it
    assert shot.at(b.right - 3, b.y + b.h / 2) == shown(fill)
    title = next(t for t in shot.items if isinstance(t, Text))
    assert title.box.x == pytest.approx(b.x + (8 + 3 + 16 + 7 if warn else 8 + 3), abs=1)  # right of the icon
    if warn:
        assert best(shot.pixels(Rect(b.x + 11, b.top - 8 - 16, 16, 16)), shown(bar)) == 0  # the alert icon


@pytest.mark.parametrize("target", TARGETS)
def test_a_step_has_its_number_in_white_on_a_primary_disc(target: Target) -> None:
    pal = palette(target)
    shot = shoot(made(c.Steps((c.Step("Consultation", "We check your skin."),), AT), target), target=target)
    (disc,) = shapes(shot.piece(), pal.primary)
    cx, cy = centre(disc.box)
    assert disc.box.w == pytest.approx(StepRow.DISC, abs=0.1) and disc.box.x == shot.box.x
    for dx, dy in ((-6, 0), (6, 0), (0, 6), (0, -6.5)):
        assert shot.at(cx + dx, cy + dy) == shown(pal.primary), (dx, dy)  # the disc around the number
    (number,) = [i for i in shot.items if isinstance(i, Text) and i.role == "label"]
    assert number.text == "1" and all(same(r.ink, pal.white) for r in number.runs)
    assert abs(centre(number.box)[0] - cx) < 1.0 and abs(centre(number.box)[1] - cy) < 1.5  # centred in the disc
    assert best(shot.pixels(Rect(cx - 1.5, cy - 1.5, 3, 3)), shown(pal.white)) <= 3  # its stem, white, at the centre


# -- pictures --------------------------------------------------------------------------------------------------

QUADRANTS: tuple[RGB, ...] = ((200, 60, 50), (60, 150, 70), (50, 90, 190), (230, 200, 60))  # tl, tr, bl, br


@cache
def four_colours() -> PictureData:
    im = Image.new("RGB", (40, 30))
    for i, colour in enumerate(QUADRANTS):
        im.paste(colour, ((i % 2) * 20, (i // 2) * 15, (i % 2) * 20 + 20, (i // 2) * 15 + 15))
    buf = io.BytesIO()
    im.save(buf, format="PNG")
    return PictureData(buf.getvalue(), (40, 30), Path("four.png"))


@pytest.mark.parametrize("target", TARGETS)
def test_a_picture_prints_its_pixels_at_its_box(target: Target) -> None:
    """Each quadrant's colour at its centre (in press, the colour converted to CMYK, as a flat patch of that ink
    shows); paper just outside the box; the frame names the box and the colour space embedded."""
    press = target == "press"
    shot = shoot(made(c.Image(four_colours(), "four colours", None, AT), target), target=target)
    (pic,) = [i for i in shot.items if isinstance(i, Picture)]
    b = shot.box
    assert pic.box == b and b.w == COLUMN and b.h == pytest.approx(COLUMN * 0.75)  # the column's width, 4:3
    assert pic.space == ("CMYK" if press else "RGB") and pic.alt == "four colours"
    for i, colour in enumerate(QUADRANTS):
        x, y = b.x + (0.25 + 0.5 * (i % 2)) * b.w, b.top - (0.25 + 0.5 * (i // 2)) * b.h
        want = shown(rgb_to_cmyk(*colour, shipped_profile(DEFAULT_PROFILE))) if press else colour
        assert distance(shot.at(x, y), want) <= (3 if press else 0), (i, shot.at(x, y), want)  # a JPEG in press
    for x, y in ((b.x - 1, b.y + 45), (b.right + 1, b.y + 45), (b.x + 60, b.y - 1), (b.x + 60, b.top + 1)):
        assert shot.at(x, y) == PAPER, (x, y)


@pytest.mark.parametrize("layout", ["trifold", "bifold"])
def test_the_cover_fields_side_shows_no_seam_under_the_wave(layout: LayoutName) -> None:
    """On screen (office editions are read in viewers and previews), the colour field's side ran on below the white
    wave as a faint line 3-4 mm long: the colour under the wave and the wave met in one anti-aliased pixel column.
    The colour now stops just under the wave: at 150 dpi the side's column is white a pixel or two below it (the
    bi-fold's field, 6 mm from its fold, shows it where the tri-fold's no longer meets the wave's edge)."""
    from helpers import BRAND, CONTENT

    from brochure import api
    from brochure.output.preview import page_images

    result = result_of(sources(CONTENT, BRAND), api.Options(layout=layout))
    assert result.pdf is not None
    page = Image.open(io.BytesIO(page_images(result.pdf, 150)[0])).convert("RGB")
    px, (w, h) = page.load(), page.size
    assert px is not None
    row = h // 3  # the field's middle, in the cover (the right third, or half, of the outside)
    start = 2 * w // 3 if layout == "trifold" else w // 2
    left = next(x for x in range(start, w) if sum(px[x, row]) < 600)  # the field's left side
    inside = left + 4
    wave = next(y for y in range(h - 1, row, -1) if sum(px[inside, y]) < 720)  # the wave's top, from below
    tinted = [y for y in range(wave + 1, min(h, wave + 40)) if sum(px[left, y]) < 750]
    assert len(tinted) <= 2, f"the field's side shows {len(tinted)} pixels below the wave"
