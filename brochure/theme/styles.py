"""Brand + registered fonts -> a Theme: palette, type scale and paragraph styles on one vertical rhythm."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from types import MappingProxyType

from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle

from brochure.inputs.brand import Brand
from brochure.theme.colors import Palette, palette_from_hex
from brochure.theme.fonts import FontSet

DESIGN_BODY = 9.5  # pt: the folded leaflets' body size, which the sizes of rules, dots and icons are drawn for
COLOURED_TEXT = 10.0  # pt: the least size for type in a brand colour (three or four plates fringe on press under it)


@dataclass(frozen=True)
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

    @property
    def zoom(self) -> float:
        """How much larger than the folded leaflets' design this scale's type is (1 for them, tightened or not):
        rules, dots, discs and icons beside the words grow with it."""
        return max(1.0, self.body / DESIGN_BODY)

    def tightened(self, body: float) -> Scale:
        """The same scale with body (and small) type at `body` pt, leading in proportion, pictures a little
        smaller (down to 80 % of their design height at the 9 pt floor)."""
        ratio = self.leading / self.body
        pictures = self.pictures * min(1.0, max(0.8, 1.0 - (self.body - body) * 0.4))
        return replace(self, body=body, small=body, leading=round(body * ratio, 2), pictures=pictures)


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
)


@dataclass(frozen=True)
class Theme:
    """What every later stage styles with; built once per brand."""

    palette: Palette
    fonts: FontSet
    scale: Scale
    styles: Mapping[str, ParagraphStyle]
    press_profile: Path | None = None  # set for the press edition: pictures are converted through it

    def style(self, name: str) -> ParagraphStyle:
        return self.styles[name]

    def with_body(self, body: float) -> Theme:
        """This theme with tighter body type (the fitting step), styles rebuilt to match."""
        scale = self.scale.tightened(body)
        return replace(self, scale=scale, styles=MappingProxyType(_styles(scale, self.fonts, self.palette)))


def make_theme(
    brand: Brand,
    fonts: FontSet,
    palette: Palette | None = None,
    press_profile: Path | None = None,
    scale: Scale | None = None,
) -> Theme:
    """The office theme from the brand's RGB colours, or the press theme from a given CMYK palette; at the
    folded leaflets' type sizes unless another scale (the large-print edition's) is given."""
    c = dict(brand.colors)
    palette = palette or palette_from_hex(c["primary"], c["secondary"], c["accent"], c["text"], c["background"])
    s = scale or Scale()
    return Theme(palette, fonts, s, MappingProxyType(_styles(s, fonts, palette)), press_profile)


def _styles(s: Scale, f: FontSet, p: Palette) -> dict[str, ParagraphStyle]:
    body = ParagraphStyle(
        "body",
        fontName=f.regular,
        fontSize=s.body,
        leading=s.leading,
        textColor=p.text,
        alignment=TA_LEFT,
        allowWidows=0,
        allowOrphans=0,
        splitLongWords=0,
        hyphenationLang="",
    )
    return {
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
            fontSize=max(s.body, COLOURED_TEXT),
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
