"""A ToUnicode CMap as ReportLab writes it -> the same without its entries for U+0000, in blocks of at most 100, and
its font's name without the mark of its file.

ReportLab maps every code of a font's first subset, the control codes no text uses included, to U+0000, which
a PDF/UA checker refuses; every code a page shows keeps its character. theme/fonts.py mends each map as ReportLab
makes it, so the office and the press editions carry the same maps.
"""

from __future__ import annotations

import re
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
    copied or searched, an Arabic joined form reads as its letter, lam-alef as its two letters."""
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
