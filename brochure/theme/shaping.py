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
from collections.abc import Mapping
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Any

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


ARABIC_BOWLS = "\u0647\u0645\u0635"  # heh, meem, sad alone: letters with no ascender, dot or tail above their bowl


@lru_cache(maxsize=64)
def arabic_height(font: str) -> float | None:
    """How tall an Arabic face's letters are, in ems, as a Latin face's x-height says how tall its small letters
    are: the middle of the tops of heh, meem and sad alone (IBM Plex Sans Arabic: 0.41, where its Latin x is 0.516);
    None for a face without them."""
    face = pdfmetrics.getFont(font).face
    glyphs = [face.charToGlyph.get(ord(ch)) for ch in ARABIC_BOWLS]
    if any(g is None for g in glyphs):
        return None
    hb_font = _hb_font(font)
    tops = sorted(hb_font.get_glyph_extents(g).y_bearing for g in glyphs if g is not None)
    return float(tops[1]) / float(face.unitsPerEm) if tops[1] > 0 else None


def given_texts(face: Any, needed: set[int]) -> dict[int, str]:
    """What the private-use code points theme/fonts.py gave a font's glyphs of no character stand for, for those of
    `needed` it can tell (for the PDF's ToUnicode map: copied or searched, a joined form reads as its letter, a
    ligature as its letters, not as a private-use character). Found by shaping probes (`_probes`) and reading each
    glyph's cluster: a glyph alone in its cluster stands for the cluster's characters; the first probe to reach
    it says. The probes of pairs of letters are shaped only when the others leave a needed code unknown. Kept on
    the face: the answers are the font's alone, the same whichever build asks first."""
    with _LOCK:
        known: dict[int, str] | None = face.__dict__.get("given_texts")
        if known is None or (needed - known.keys() and not face.__dict__.get("given_texts_all")):
            import uharfbuzz as hb

            font = hb.Font(hb.Face(hb.Blob(bytes(face._ttf_data))))
            known = _read_probes(font, face, _probes(face.charToGlyph, pairs=False), {})
            if needed - known.keys():
                known = _read_probes(font, face, _probes(face.charToGlyph, pairs=True), known)
                face.given_texts_all = True
            face.given_texts = known
        return {code: known[code] for code in needed if code in known}


def _probes(cmap: Mapping[int, int], pairs: bool) -> list[str]:
    """Texts whose shaping reaches a font's glyphs of no character: each Arabic letter alone, before, between and
    after a joining letter (beh), lam with each alef, a letter with shadda and a vowel, and the Latin letters that
    form ligatures; with `pairs`, every two Arabic letters (a form some fonts give a letter before another)."""
    arabic = [chr(c) for c in sorted(cmap) if 0x0600 <= c <= 0x06FF or 0x0750 <= c <= 0x077F or 0x08A0 <= c <= 0x08FF]
    beh = "\u0628"
    if pairs:
        letters = [ch for ch in arabic if unicodedata.category(ch) == "Lo" and ord(ch) <= 0x064A]
        return [text for a in letters for b in letters for text in (a + b, beh + a + b + beh)]
    marks = [ch for ch in arabic if 0x064B <= ord(ch) <= 0x065F or ord(ch) == 0x0670]
    out = [text for ch in arabic for text in (ch, ch + beh, beh + ch + beh, beh + ch)]
    out += [text for alef in "\u0627\u0623\u0625\u0622\u0671" for text in ("\u0644" + alef, beh + "\u0644" + alef)]
    shadda = "\u0651"
    out += [text for m in marks for text in (beh + shadda + m, beh + m + shadda, beh + shadda + m + beh)]
    out += [chr(c) for c in sorted(cmap) if 0x0590 <= c <= 0x05FF]
    return [*out, "ff", "fi", "fl", "ffi", "ffl", "ft", "fb", "fh", "fj", "fk", "tt", "Th", "st", "ct"]


def _read_probes(font: Any, face: Any, probes: list[str], known: dict[int, str]) -> dict[int, str]:
    """`known` and what the probes' glyphs of a cluster of their own stand for (the first probe to reach one)."""
    import uharfbuzz as hb

    given: frozenset[int] = face.__dict__.get("given_codes", frozenset())
    known = dict(known)
    for text in probes:
        buf = hb.Buffer()
        buf.add_str(text)
        buf.guess_segment_properties()
        buf.cluster_level = hb.BufferClusterLevel.MONOTONE_CHARACTERS  # (a mark its own cluster, unless joined)
        hb.shape(font, buf, {"kern": True, "liga": True})
        starts = sorted({info.cluster for info in buf.glyph_infos})
        ends = dict(zip(starts, [*starts[1:], len(text)], strict=True))
        glyphs: dict[int, int] = {}
        for info in buf.glyph_infos:
            glyphs[info.cluster] = glyphs.get(info.cluster, 0) + 1
        for info in buf.glyph_infos:
            if glyphs[info.cluster] != 1:
                continue
            for code in face.glyphToChar.get(info.codepoint) or ():
                if code in given and code not in known:  # (marks in their canonical order, as typed text is
                    # searched: shadda after the vowel)
                    known[code] = unicodedata.normalize("NFC", text[info.cluster : ends[info.cluster]])
    return known


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
