"""Brand + registered fonts -> a Theme: palette, type scale and paragraph styles on one vertical rhythm."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from dataclasses import replace
from types import MappingProxyType

from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from brochure.frozen import frozen
from brochure.inputs.brand import Brand, Profile
from brochure.inputs.controls import BODY_PT, TypeSpec
from brochure.theme.colors import Palette, palette_from_hex
from brochure.theme.fonts import FontSet, cmap, x_height
from brochure.theme.shaping import arabic_height
from brochure.vocabulary import Direction

DESIGN_BODY = 9.5  # pt: the folded leaflets' body size, which the sizes of rules, dots and icons are drawn for
REFERENCE_X_HEIGHT = 0.53  # ems: the x-height of Be Vietnam Pro (OS/2 sxHeight 530/1000), which the design is set in
STEP = 0.25  # pt: fitting tightens the body by this much at a time
FILL_TO = 10.5  # pt: the largest body fitting sets to fill panels the words leave short (the top of the design's
# body sizes; a kit's larger size, and large print, are never set larger)
COLOURED_TEXT = 10.0  # pt: the least size for type in a brand colour (three or four plates fringe on press under it)


@frozen
class Scale:
    """Type sizes in points; `leading` is the body leading, the unit of vertical rhythm."""

    body: float = 9.5
    leading: float = 13.0
    small: float = 9.5
    note: float = 8.0
    fine: float = 8.0  # the least for older readers (the sources and document details)
    subheading: float = 11.0
    heading: float = 14.0
    cover_title: float = 32.0
    cover_subtitle: float = 15.0
    kicker: float = COLOURED_TEXT
    pictures: float = 1.0  # share of their design height that pictures and drawings take
    floor: float = 9.0  # the least body size fitting may tighten to (pt)
    capitals: bool = True  # the cover's kicker in capitals (clear-print guidance for large print avoids them)
    italics: bool = True  # emphasis and captions in italics (large print: emphasis in bold, captions upright)
    raised: bool = True  # citations as raised numbers (large print: bracketed numbers at the words' own size)
    spacing: float = 0.0  # every paragraph's line spacing as a share of its type (large print: 1.5); 0: as designed
    apparent: float = 1.0  # how much larger than the design the body family is set, to look the design's size
    grown: float = 1.0  # how much larger than its own fitting set the body (rules, dots and icons stay as drawn)

    @property
    def zoom(self) -> float:
        """How much larger than the folded leaflets' design this scale's type looks (1 for them, tightened or not,
        whatever the body family): rules, dots, discs and icons beside the words grow with it."""
        return max(1.0, self.body / (DESIGN_BODY * self.apparent * self.grown))

    def tightened(self, body: float) -> Scale:
        """The same scale with body (and small) type at `body` pt, leading in proportion, pictures a little
        smaller (down to 80 % of their design height at the floor, 0.5 pt under the design size); or, `body`
        over its own (`larger`), pictures, rules and icons as they are."""
        ratio = self.leading / self.body
        pictures = self.pictures * min(1.0, max(0.8, 1.0 - (self.body - body) / self.apparent * 0.4))
        grown = self.grown * max(1.0, body / self.body)
        return replace(self, body=body, small=body, leading=round(body * ratio, 2), pictures=pictures, grown=grown)

    def steps(self) -> tuple[float, ...]:
        """The body sizes fitting tries, in order: this scale's own, then STEP pt less at a time to the floor."""
        below = [q * STEP for q in range(math.ceil(self.body / STEP) - 1, math.ceil(self.floor / STEP) - 1, -1)]
        return (self.body, *(size for size in below if self.floor - 1e-9 <= size < self.body))

    def larger(self, fill: float) -> tuple[float, ...]:
        """The body sizes over this scale's own that might still fit words filling `fill` of their panels at it,
        largest first, STEP pt apart: a text's height grows as its size squared (its lines longer and more of them),
        so up to its size / sqrt(fill), never over FILL_TO."""
        if not 0.0 < fill < 1.0:
            return ()
        top = min(self.body / math.sqrt(fill), FILL_TO)
        sizes = [q * STEP for q in range(math.floor(top / STEP + 1e-9), math.floor(self.body / STEP), -1)]
        return tuple(size for size in sizes if size > self.body + 1e-9)

    def set_for(self, start: float) -> Scale:
        """This scale with the body family's type set from a body of `start` pt at the folded leaflets' design
        size: body, leading, small, notes, fine print, sub-headings, kicker and subtitle in proportion, and the
        floor fitting may tighten to with them (never under 9 pt); the heading family's sizes stay. A larger
        scale (large print's) grows by as much, never shrinks (its body stays 16 pt or more)."""
        factor = start / DESIGN_BODY
        if factor == 1.0 or (self.body > DESIGN_BODY and factor < 1.0):
            return self
        body = round(self.body * factor, 2)
        return replace(
            self,
            body=body,
            leading=round(self.leading * factor, 2),
            small=round(self.small * factor, 2),
            note=round(self.note * factor, 2),
            fine=round(self.fine * factor, 2),
            subheading=round(self.subheading * factor, 2),
            kicker=max(COLOURED_TEXT, round(self.kicker * factor, 2)),
            cover_subtitle=round(self.cover_subtitle * factor, 2),
            floor=body if self.floor >= self.body else min(body, max(BODY_PT[0], round(self.floor * factor, 2))),
            apparent=factor,
        )


def _quarter(size: float) -> float:
    """A size to the nearest STEP."""
    return round(size / STEP) * STEP


def body_start(spec: TypeSpec, fonts: FontSet) -> float:
    """The body's starting size in points for the folded leaflets: the kit's `type: body_size`, or with `auto` the
    size at which the body family's x-height matches the design's (Be Vietnam Pro's at 9.5 pt), to the nearest
    quarter point, within 9 to 11 pt; the design size when the kit says nothing (or the font has no 'x')."""
    if spec.body_size is not None:
        return spec.body_size
    height = x_height(fonts.regular) if spec.auto else None
    if height is None:
        return DESIGN_BODY
    return min(BODY_PT[1], max(BODY_PT[0], _quarter(DESIGN_BODY * REFERENCE_X_HEIGHT / height)))


LARGE_MOST = 18.0  # pt: the body size UKAAF calls ideal for large print, the most its x-height rule sets


def large_start(start: float, fonts: FontSet, body: float, arabic: bool = False, words: str = "") -> float:
    """Large print's starting size (for a `body` pt scale): the kit's, or larger where the body family's letters
    are smaller than the design's (its x-height as `type: {body_size: auto}` matches it), whatever the kit says for
    its folded leaflets, up to a body of LARGE_MOST: 16 pt of Alegreya Sans (x-height 0.458) looks like 13.8 pt of
    Be Vietnam Pro, which is not large; it is set at 18 pt. A leaflet in Arabic letters (`arabic`) is matched by
    its Arabic face's letters (shaping.arabic_height): 16 pt of IBM Plex Sans Arabic looked like 12.4 pt; one whose
    `words` (its title and headings) are mostly in letters the body family lacks, by the fallback face that sets
    most of them (a Greek or Russian leaflet of a Latin kit, set in Alegreya Sans, looked like 13.8 pt)."""
    matched = body_start(TypeSpec(auto=True), fonts)
    faces = (fonts.regular, *fonts.fallbacks_for(fonts.regular)) if arabic else ()  # (a fallback is registered
    # when first asked: only an Arabic leaflet asks)
    face = next((f for f in faces if 0x0647 in cmap(f)), None)
    height = arabic_height(face) if face is not None else None
    if height is None and not arabic:
        setter = _setting_fallback(fonts, words)
        height = x_height(setter) if setter is not None else None
    if height is not None:
        matched = max(matched, min(BODY_PT[1], _quarter(DESIGN_BODY * REFERENCE_X_HEIGHT / height)))
    return max(start, min(matched, DESIGN_BODY * LARGE_MOST / body))


def _setting_fallback(fonts: FontSet, words: str) -> str | None:
    """The fallback face that sets most of the words' letters, where most of them are letters the body family
    lacks; None where the family sets most (a Latin leaflet with a Greek word keeps its family's sizes)."""
    own = cmap(fonts.regular)
    letters = [ch for ch in words if ch.isalpha()]
    lacked = [ord(ch) for ch in letters if ord(ch) not in own]
    if not lacked or 2 * len(lacked) <= len(letters):
        return None
    fallbacks = fonts.fallbacks_for(fonts.regular)
    setters = Counter(next((f for f in fallbacks if code in cmap(f)), "") for code in lacked)
    face, _ = setters.most_common(1)[0]
    return face or None


# The large-print edition: clear-print guidance (docs/large-print.md) asks for 16 pt or more for every word a
# reader needs (the fine print too), line spacing about 1.5 times the type, and larger pictures; it never
# tightens: its words take more pages instead.
LARGE_PRINT = Scale(
    body=16.0,
    leading=24.0,
    small=16.0,
    note=16.0,
    fine=16.0,
    subheading=18.0,
    heading=24.0,
    cover_title=44.0,
    cover_subtitle=24.0,
    kicker=16.0,
    pictures=1.4,
    floor=16.0,
    capitals=False,
    italics=False,
    raised=False,
    spacing=1.5,
)


@frozen
class Theme:
    """What every later stage styles with; built once per brand."""

    palette: Palette
    fonts: FontSet
    scale: Scale
    styles: Mapping[str, ParagraphStyle]
    press_profile: Profile | None = None  # set for the press edition: pictures are converted through it
    direction: Direction = "ltr"  # 'rtl': paragraphs set flush right, decoration on the right of its words

    def style(self, name: str) -> ParagraphStyle:
        return self.styles[name]

    def with_body(self, body: float) -> Theme:
        """This theme with tighter body type (the fitting step), or larger (filling the panels), styles rebuilt to
        match."""
        scale = self.scale.tightened(body)
        styles = _styles(scale, self.fonts, self.palette, self.direction)
        return replace(self, scale=scale, styles=MappingProxyType(styles))


def make_theme(
    brand: Brand,
    fonts: FontSet,
    palette: Palette | None = None,
    press_profile: Profile | None = None,
    scale: Scale | None = None,
    direction: Direction = "ltr",
    arabic_letters: bool = False,
    words: str = "",
) -> Theme:
    """The office theme from the brand's RGB colours, or the press theme from a given CMYK palette; at the
    folded leaflets' type sizes unless another scale (the large-print edition's) is given, the body family's
    sizes set from the kit's body size (`type:`); a right-to-left language's paragraphs set flush right; large
    print in Arabic letters (`arabic_letters`) sized by its Arabic face, and one whose `words` (title and headings)
    are mostly in a fallback face's letters by that face (large_start)."""
    c = dict(brand.colors)
    palette = palette or palette_from_hex(c["primary"], c["secondary"], c["accent"], c["text"], c["background"])
    start = body_start(brand.type_spec, fonts)
    s = (scale or Scale()).set_for(start)
    large = scale is not None and scale.body > DESIGN_BODY
    grow = large_start(start, fonts, scale.body, arabic_letters, words) if scale is not None and large else start
    if scale is not None and grow > start:
        # (everything in proportion: the page numbers, labels, disclaimer, sources and document details too, none
        # smaller than the body (UKAAF/RNIB): 16 pt of a face whose letters are small looks smaller than 16 pt)
        s = scale.set_for(grow)
    if not arabic_letters:  # (headings in Arabic letters print in the Arabic face, whatever the Latin one's letters)
        s = replace(s, heading=heading_size(s.heading, fonts))
    styles = MappingProxyType(_styles(s, fonts, palette, direction))
    return Theme(palette, fonts, s, styles, press_profile, direction)


HEADING_GROWTH = 1.15  # the most a heading family with small letters is set larger than the design's headings
SMALL_LETTERS = 0.95  # a heading family's letters are small under this share of the design's x-height (IBM Plex
# Serif's, 98.5 % of it, are not)


def heading_size(size: float, fonts: FontSet) -> float:
    """The section headings' size: the design's, set larger for a heading family whose letters are small (an
    x-height under the design's), by up to HEADING_GROWTH and to the nearest quarter point, so that headings stand
    above the body family's bold subheadings as in the design: Alegreya Sans ExtraBold at 14 pt looked 12.4 pt
    beside Be Vietnam Pro, and hardly larger than an 11 pt subheading. A family with letters about as tall keeps it."""
    height = x_height(fonts.heading)
    if height is None or height >= SMALL_LETTERS * REFERENCE_X_HEIGHT:
        return size
    return _quarter(size * min(HEADING_GROWTH, REFERENCE_X_HEIGHT / height))


def _styles(s: Scale, f: FontSet, p: Palette, direction: Direction = "ltr") -> dict[str, ParagraphStyle]:
    body = ParagraphStyle(
        "body",
        fontName=f.regular,
        fontSize=s.body,
        leading=s.leading,
        textColor=p.text,
        alignment=TA_LEFT if direction == "ltr" else TA_RIGHT,
        allowWidows=0,
        allowOrphans=0,
        splitLongWords=0,
        hyphenationLang="",
    )
    body.fallbacks = f.fallbacks  # (the styles made from it inherit it) read by layout/para.Para
    body.direction = direction  # the leaflet's: a right-to-left leaflet's paragraphs read right to left (layout/rtl.py)
    styles = {
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=s.small, leading=s.leading - 1),
        "bullet": ParagraphStyle("bullet", parent=body),
        "heading": ParagraphStyle(
            "heading", parent=body, fontName=f.heading, fontSize=s.heading, leading=s.heading * 1.2, textColor=p.primary
        ),
        "subheading": ParagraphStyle(
            "subheading", parent=body, fontName=f.bold, fontSize=s.subheading, leading=s.leading, textColor=p.primary
        ),
        "card_title": ParagraphStyle(
            "card_title",
            parent=body,
            fontName=f.bold,
            fontSize=max(s.body, COLOURED_TEXT, round(COLOURED_TEXT * s.apparent, 2)),
            leading=max(s.leading - 1, COLOURED_TEXT * 1.2),
            textColor=p.primary,
        ),
        "card_text": ParagraphStyle("card_text", parent=body, fontSize=s.small, leading=s.leading - 1.5),
        "caption": ParagraphStyle(
            "caption",
            parent=body,
            fontName=f.italic if s.italics else f.regular,
            fontSize=s.note,
            leading=s.note * 1.3,
            textColor=p.text,
        ),
        "note": ParagraphStyle("note", parent=body, fontSize=s.note, leading=s.note * 1.3),
        "fine": ParagraphStyle("fine", parent=body, fontSize=s.fine, leading=s.fine * 1.3),
        "kicker": ParagraphStyle(
            "kicker", parent=body, fontName=f.bold, fontSize=s.kicker, leading=s.kicker * 1.3, textColor=p.primary
        ),
        "cover_title": ParagraphStyle(
            "cover_title",
            parent=body,
            fontName=f.heading,
            fontSize=s.cover_title,
            leading=s.cover_title * 1.08,
            textColor=p.primary,
        ),
        "cover_subtitle": ParagraphStyle(
            "cover_subtitle",
            parent=body,
            fontName=f.regular,
            fontSize=s.cover_subtitle,
            leading=s.cover_subtitle * 1.25,
            textColor=p.text,
        ),
        "contact": ParagraphStyle("contact", parent=body, fontSize=s.small, leading=s.leading - 1),
        "url": ParagraphStyle("url", parent=body, fontSize=s.small, leading=s.leading - 1),  # breaks as told
        "cta": ParagraphStyle("cta", parent=body, fontSize=s.body + 0.5, leading=s.leading + 0.5),
    }
    if s.spacing:  # large print: every paragraph's lines `spacing` times its type apart (RNIB: about 1.5), the
        # fine print, captions, cards, steps and the cover's too; headings, larger than the words, keep their own
        for name, style in styles.items():
            if name not in HEADINGS:
                style.leading = round(style.fontSize * s.spacing, 2)
    return styles


HEADINGS = ("heading", "subheading", "cover_title")  # (larger than the words: their lines closer, as designed)
