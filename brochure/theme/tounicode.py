"""A ToUnicode CMap as ReportLab writes it -> the same without its entries for U+0000, in blocks of at most 100, and
its font's name without the mark of its file.

ReportLab maps every code of a font's first subset, the control codes no text uses included, to U+0000, which
a PDF/UA checker refuses; every code a page shows keeps its character. theme/fonts.py mends each map as ReportLab
makes it, so the office and the press editions carry the same maps.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

_CHARS = re.compile(rb"\d+ beginbfchar\n(.*?)endbfchar\n", re.S)
_PAIR = re.compile(rb"<([0-9A-Fa-f]+)> <([0-9A-Fa-f]+)>")
BLOCK = 100  # entries in one bfchar block, at most (the CMap format's limit)
# The mark of its file a registered font's subset names end in (theme/fonts.py, _register_font: two files of one
# PostScript name in one leaflet are two sets of objects), left out of the finished PDF's names (output/subsets.py).
FILE_MARK_FORMAT = "~{}"  # and 8 hex digits of the file's SHA-1
FILE_MARK = re.compile(r"~[0-9a-f]{8}(?![0-9A-Za-z])")


def mended_cmap(data: bytes) -> bytes | None:
    """A ReportLab ToUnicode CMap without its U+0000 entries, or None when it has none (or is not one of its)."""
    found = _CHARS.search(data)
    if found is None:
        return None
    pairs = [(code, char) for code, char in _PAIR.findall(found.group(1)) if int(char, 16) != 0]
    blocks = [pairs[i : i + BLOCK] for i in range(0, len(pairs), BLOCK)]
    if len(blocks) == 1 and len(pairs) == len(_PAIR.findall(found.group(1))):
        return None
    body = b"".join(
        b"%d beginbfchar\n" % len(block) + b"".join(b"<%s> <%s>\n" % pair for pair in block) + b"endbfchar\n"
        for block in blocks
    )
    return data[: found.start()] + body + data[found.end() :]


@lru_cache(maxsize=256)
def mended(text: str) -> str:
    """The map ReportLab made (text: it is ASCII), mended; made once per map (a subset's, named for its font)."""
    text = FILE_MARK.sub("", text)
    fixed = mended_cmap(text.encode("ascii"))
    return text if fixed is None else fixed.decode("ascii")


_ENTRY = re.compile(r"<([0-9A-F]{2})> <([0-9A-F]{4,})>")


def named(text: str, face: Any) -> str:
    """A subset's ToUnicode map (text) with each private-use code point the tool gave a glyph of no character
    (theme/fonts.py) replaced by what the glyph stands for, where shaping tells (theme/shaping.py, given_texts):
    copied or searched, an Arabic joined form reads as its letter, lam-alef as its two letters. So is a joined
    form the font's own map gives a presentation form's code point (`letters_of_forms`)."""
    text = letters_of_forms(text)
    given: frozenset[int] = face.__dict__.get("given_codes", frozenset())
    if not given:
        return text
    codes = {int(v, 16) for _, v in _ENTRY.findall(text)} & given
    if not codes:
        return text
    from brochure.theme.shaping import given_texts

    texts = given_texts(face, codes)

    def entry(m: re.Match[str]) -> str:
        stands = texts.get(int(m.group(2), 16))
        return m.group() if stands is None else f"<{m.group(1)}> <{stands.encode('utf-16-be').hex().upper()}>"

    return _ENTRY.sub(entry, text)


_FORM = re.compile(r"<([0-9A-F]{2})> <(F[B-E][0-9A-F]{2})>")  # an entry of one code point from U+FB00 to U+FEFF


def letters_of_forms(text: str) -> str:
    """A ToUnicode map with each entry of an Arabic presentation form (U+FB50-U+FDFF, U+FE70-U+FEFE: the code
    points a font's own map gives its joined forms, as IBM Plex Sans Arabic's does) read as its letters (its
    compatibility decomposition, without the space an isolated mark's has): 'ﺎ' as 'ا'. A ligature of two letters
    or more (lam-alef 'ﻻ', yeh-reh 'ﲑ': about a tenth of the glyphs of the shipped Arabic tri-fold) keeps its code
    point, which viewers fold after ordering the line: written as its letters, PDFium and poppler, which turn a
    right-to-left line's characters round to read it, turned them round too ('ال' copied 'لا'), and written
    turned round, pypdf, which does not, read them so. A copy or
    search that does not fold them (pypdf's, a screen reader's where no /ActualText is read: the press edition)
    read the leaflet's words as presentation forms, and a search for a word as typed found none of them."""

    def entry(m: re.Match[str]) -> str:
        code = int(m.group(2), 16)
        if not (0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFE):
            return m.group()
        letters = unicodedata.normalize("NFKC", chr(code)).strip(" ")
        if len(letters) != 1 or letters == chr(code):  # (a ligature's letters, lam-alef's, stay as the font has
            return m.group()  # them: a viewer turns a right-to-left line's characters round, theirs with them)
        return f"<{m.group(1)}> <{letters.encode('utf-16-be').hex().upper()}>"

    return _FORM.sub(entry, text)
