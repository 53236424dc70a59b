"""Text and a registered font -> HarfBuzz's glyphs for it (as the characters that print them, left to right) and
whether the font can shape a script at all.

Each glyph is written as a character the font maps to it: its own character, or the private-use code point
theme/fonts.py gave a glyph of no character of its own (a joined form, a ligature). HarfBuzz fonts are made once
per registered font (read-only afterwards, as HarfBuzz allows for shaping in threads).
"""

from __future__ import annotations

import re
import threading
import unicodedata
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

from reportlab.pdfbase import pdfmetrics

from brochure.frozen import frozen

if TYPE_CHECKING:
    import uharfbuzz as hb

RTL_CLASSES = ("R", "AL")
SHAPED_SCRIPTS = {"ARABIC": "arab", "HEBREW": "hebr"}  # the scripts brochure shapes: Unicode name -> OpenType tag

_fonts: dict[str, hb.Font] = {}
_LOCK = threading.Lock()


@frozen
class Glyph:
    """One glyph: the character that prints it, how far it moves the pen, and where it sits from the pen (points);
    `natural` is how far a PDF viewer moves the pen for that character (the font's own advance)."""

    char: str
    advance: float
    dx: float
    dy: float
    natural: float


@frozen
class Shaped:
    """A piece of text shaped in one font and size: its glyphs left to right, as printed."""

    text: str
    font: str
    size: float
    glyphs: tuple[Glyph, ...]
    rtl: bool

    @cached_property
    def width(self) -> float:  # (asked for each word again and again as lines are broken)
        return sum(g.advance for g in self.glyphs)


def _hb_font(font: str) -> hb.Font:
    """The HarfBuzz font for a registered font (HarfBuzz itself is loaded here first, under the lock: see
    brochure/__init__.py, _LazyHarfBuzz)."""
    with _LOCK:
        made = _fonts.get(font)
        if made is None:
            import uharfbuzz as hb

            face = pdfmetrics.getFont(font).face
            made = _fonts[font] = hb.Font(hb.Face(hb.Blob(bytes(face._ttf_data))))
        return made


# Every character written right to left (bidirectional class R or AL) lies in these blocks (tests/test_startup.py
# checks it over all of Unicode): a text with none of them is known at C speed to have none.
MAYBE_RTL = re.compile("[\u0590-\u08ff\u200f\ufb1d-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]")


def rtl(text: str) -> bool:
    """Whether text has a letter written right to left (Arabic, Hebrew, ...)."""
    return any(unicodedata.bidirectional(m.group()) in RTL_CLASSES for m in MAYBE_RTL.finditer(text))


def shape(text: str, font: str, size: float, direction: str = "", context: tuple[str, str] = ("", "")) -> Shaped:
    """text shaped by HarfBuzz in font at size (direction, 'ltr' or 'rtl', and script from the text itself unless
    given: punctuation set right to left is mirrored, '(' printing as ')'); context is the rest of its word before
    and after it (a part of a word set in bold joins the letters beside it as the whole word would).

    Remembered for the most recent words: a layout tries several sizes and page counts, and sets the same words
    at the same size in each (a registered font's name names its file's contents, so the answer never changes)."""
    return _shape(text, font, size, direction, context)


@lru_cache(maxsize=16384)
def _shape(text: str, font: str, size: float, direction: str, context: tuple[str, str]) -> Shaped:
    face = pdfmetrics.getFont(font).face
    before, after = context
    hb_font = _hb_font(font)  # (first: it loads HarfBuzz)
    import uharfbuzz as hb

    buf = hb.Buffer()
    buf.add_str(before + text + after, len(before), len(text))
    buf.guess_segment_properties()
    if direction:
        buf.direction = direction
    hb.shape(hb_font, buf, {"kern": True, "liga": True})
    scale = size / float(face.unitsPerEm)
    glyphs: list[Glyph] = []
    for info, pos in zip(buf.glyph_infos, buf.glyph_positions, strict=True):
        codes = face.glyphToChar.get(info.codepoint) or [0]
        code = min(codes)
        natural = face.charWidths.get(code, face.defaultWidth) * size / 1000
        glyphs.append(Glyph(chr(code), pos.x_advance * scale, pos.x_offset * scale, pos.y_offset * scale, natural))
    return Shaped(text, font, size, tuple(glyphs), buf.direction == "rtl")


def script_of(ch: str) -> str:
    """A character's script as the first word of its Unicode name ('ARABIC', 'HEBREW'); Arabic-Indic digits are
    Arabic."""
    name = unicodedata.name(ch, "?")
    if name.startswith(("ARABIC-INDIC ", "EXTENDED ARABIC-INDIC ")):
        return "ARABIC"
    return name.split(" ")[0]


def can_shape(font: str, script: str) -> bool:
    """Whether the font has rules for the script: Arabic's joined forms (GSUB), Hebrew's marks (GSUB or GPOS)."""
    tag = SHAPED_SCRIPTS.get(script)
    if tag is None:
        return False
    face = _hb_font(font).face
    tables = ("GSUB",) if tag == "arab" else ("GSUB", "GPOS")
    return any(tag in face.get_table_script_tags(table) for table in tables)
