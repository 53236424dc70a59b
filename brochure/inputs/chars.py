"""One character -> how a message names it (U+000B (LINE TABULATION, Shift+Enter in Word)) and what to do."""

from __future__ import annotations

import re
import unicodedata

from brochure.patterns import Letters

# Variation selectors: they ask for a character's emoji or text form ('©\ufe0f', pasted from phones and Word) and
# print nothing themselves. A leaflet prints the text form, so they are left out where words are set and drawn.
SELECTORS = "\ufe00-\ufe0f\U000e0100-\U000e01ef"
SELECTOR = re.compile(f"[{SELECTORS}]")

# Characters with no printed form that only shaping or line breaking reads (zero-width space, joiners, direction
# marks, embeddings and isolates, word joiner, the zero-width no-break space), and the variation selectors: where
# words are set and drawn they are left out (a font without a glyph for one would draw its empty box as a gap:
# 'a\u200db' printed 'a b'). The soft hyphen is not among them: words break there.
INVISIBLES = f"\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u061c\ufeff{SELECTORS}"
INVISIBLE = re.compile(f"[{INVISIBLES}]")

# Letters and symbols that print blank though Unicode counts them as neither spaces nor controls: the Hangul fillers
# and the blank braille pattern (used to pass "empty" names through forms that refuse spaces).
BLANKS = frozenset("\u115f\u1160\u2800\u3164\uffa0")

# The no-break spaces a typesetter types that ReportLab would part words at and print as plain spaces: the figure
# space (U+2007) and the narrow no-break space (U+202F, French "aiguillage ?", "« ondulées »", "1 500"). Kept
# inside their words (layout/para.py), each is printed as written, so a font must have it (preflight/glyphs.py).
NO_BREAK = "\u2007\u202f"
NBSP = "\u00a0"  # the no-break space ReportLab keeps words together at (a postcode's parts, a phone number's groups)

# The spaces digits are grouped (10 000) or spelled out (9 9 9) with: a space, a no-break, thin or narrow no-break one.
# A letter of Chinese, Japanese or Korean (Hangul jamo and syllables, kana, CJK ideographs): each a word of its own,
# with no space between words (compiled for a text that may have one: patterns.Letters)
CJK_LETTER = Letters(
    "[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]", "\u1100"
)
# Chinese and Japanese letters: Han (every block, the supplementary planes' too), hiragana, katakana (but the Korean
# middle dot U+30FB and the double hyphen U+30A0), bopomofo, kanbun, half-width katakana; a character class's body.
HAN_KANA = (
    "\u3040-\u309f\u30a1-\u30fa\u30fc-\u30ff\u3100-\u312f\u3190-\u31bf\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\uff66-\uff9f\U0001aff0-\U0001b16f\U00020000-\U0003ffff"
)
DIGIT_SPACES = " \u00a0\u2009\u202f"
SPELLED_DIGITS = re.compile(rf"\d(?:[{DIGIT_SPACES}]\d){{2}}")  # three digits spaced to be read out one by one

# Unicode's names for the C0 controls (unicodedata has none for them), with where Word users meet them.
_C0 = (
    "NULL",
    "START OF HEADING",
    "START OF TEXT",
    "END OF TEXT",
    "END OF TRANSMISSION",
    "ENQUIRY",
    "ACKNOWLEDGE",
    "BELL",
    "BACKSPACE",
    "CHARACTER TABULATION",
    "LINE FEED",
    "LINE TABULATION",
    "FORM FEED",
    "CARRIAGE RETURN",
    "SHIFT OUT",
    "SHIFT IN",
    "DATA LINK ESCAPE",
    "DEVICE CONTROL ONE",
    "DEVICE CONTROL TWO",
    "DEVICE CONTROL THREE",
    "DEVICE CONTROL FOUR",
    "NEGATIVE ACKNOWLEDGE",
    "SYNCHRONOUS IDLE",
    "END OF TRANSMISSION BLOCK",
    "CANCEL",
    "END OF MEDIUM",
    "SUBSTITUTE",
    "ESCAPE",
    "FILE SEPARATOR",
    "GROUP SEPARATOR",
    "RECORD SEPARATOR",
    "UNIT SEPARATOR",
)
_WHERE = {0x0B: "Shift+Enter in Word", 0x0C: "a page break in Word"}


def name(ch: str) -> str:
    """The character's Unicode name, or a description when it has none (controls, surrogates)."""
    cp = ord(ch)
    if cp < 0x20:
        return ", ".join(filter(None, (_C0[cp], _WHERE.get(cp))))
    if cp == 0x7F:
        return "DELETE"
    if cp == 0x85:
        return "NEXT LINE"
    if 0x80 <= cp <= 0x9F:
        return "a C1 control character"
    if 0xD800 <= cp <= 0xDFFF:
        return "a lone surrogate, half of a broken character"
    return unicodedata.name(ch, "a noncharacter")


def describe(ch: str) -> str:
    """`U+000B (LINE TABULATION, Shift+Enter in Word)`."""
    return f"U+{ord(ch):04X} ({name(ch)})"


def advice(ch: str) -> str:
    """What to do about a character that cannot stay in the file."""
    cp = ord(ch)
    if cp in (0x0B, 0x0C):
        return "replace it with a space or a line break"
    if cp in (0x2028, 0x2029):
        return "replace it with a line break"
    if cp == 0xFEFF:
        return "remove it: an invisible byte-order mark, often left where two files were joined"
    if 0x80 <= cp <= 0x9F:
        try:
            meant = bytes([cp]).decode("cp1252")
        except UnicodeDecodeError:
            return "remove it; it usually comes from text converted from an old Windows encoding"
        return f"it is probably a '{meant}' converted from an old Windows encoding: write '{meant}' instead"
    return "remove it, or replace it with a space"
