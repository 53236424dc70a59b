"""A run of text, its font and the kit's fallback fonts -> the run in pieces, each in the first font that has all
its characters: a word (or the part of a word in one script) changes font as a whole, never letter by letter."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from functools import lru_cache

from brochure.theme.fonts import cmap

Piece = tuple[str, str]  # (text, registered font name)


def pieces(text: str, font: str, fallbacks: Sequence[str]) -> list[Piece]:
    """text in font where font has its characters; elsewhere each word (or script's part of a word) in the first
    fallback that has all of it, else each character in the first that has it (none: font's, an empty box the
    glyph check reports before anything is laid out)."""
    return list(_pieces(text, font, tuple(fallbacks)))


@lru_cache(maxsize=1024)
def _pieces(text: str, font: str, fallbacks: tuple[str, ...]) -> tuple[Piece, ...]:
    """(`pieces`, remembered: a layout sets the same paragraphs at each size and page count it tries; a registered
    font's name names its file's contents, so the answer never changes.)"""
    return tuple(_split(text, font, fallbacks))


def _split(text: str, font: str, fallbacks: tuple[str, ...]) -> list[Piece]:
    own = cmap(font)
    if not fallbacks or all(ord(ch) in own for ch in text):
        return [(text, font)]
    maps = [(name, cmap(name)) for name in fallbacks]
    out: list[Piece] = []
    for segment in _segments(text):
        if all(ord(ch) in own for ch in segment):
            _add(out, segment, font)
            continue
        whole = next((name for name, glyphs in maps if all(ord(ch) in glyphs for ch in segment)), None)
        if whole is not None:
            _add(out, segment, whole)
            continue
        for ch in segment:
            code = ord(ch)
            _add(out, ch, font if code in own else next((n for n, g in maps if code in g), font))
    return out


def _add(out: list[Piece], text: str, font: str) -> None:
    if out and out[-1][1] == font:
        out[-1] = (out[-1][0] + text, font)
    else:
        out.append((text, font))


def _segments(text: str) -> list[str]:
    """Words split where their letters change script ('DNA' 'полимераза'), and every other character alone;
    marks stay with the letter they sit on."""
    out: list[str] = []
    script = ""  # the script of the letters of the segment being built ('' after a character that is no letter)
    for ch in text:
        kind = unicodedata.category(ch)[0]
        if kind == "M" and script:
            out[-1] += ch
            continue
        if kind == "L":
            own = _script(ch)
            if own == script:
                out[-1] += ch
                continue
            out.append(ch)
            script = own
            continue
        out.append(ch)
        script = ""
    return out


def _script(ch: str) -> str:
    """A letter's script as the first word of its Unicode name ('LATIN', 'GREEK', 'CYRILLIC'); a letter of no
    script's own (a modifier letter) goes with the letters around it."""
    name = unicodedata.name(ch, "")
    first = name.split(" ")[0] if name else "?"
    return first if first not in ("MODIFIER", "SMALL", "FULLWIDTH") else "LATIN"


def fallback_frags(frags: list[object], fallbacks: Mapping[str, tuple[str, ...]]) -> list[object]:
    """A paragraph's fragments (ReportLab's ParaFrags), those with characters their font lacks split into pieces
    in the fallback fonts (same size, colour, link and style)."""
    if not fallbacks:
        return frags
    whole = _fallen_back(frags, fallbacks)
    out: list[object] = []
    for frag in frags:
        text = getattr(frag, "text", "")
        faces = fallbacks.get(getattr(frag, "fontName", ""), ())
        if not text or not faces or getattr(frag, "cbDefn", None) is not None:
            out.append(frag)
            continue
        face = next((f for f in faces if all(ord(ch) in cmap(f) for ch in text)), None) if whole else None
        if face is not None:  # (the paragraph is in the fallback's letters: its figures and stops too)
            out.append(frag.clone(fontName=face))  # type: ignore[attr-defined]
            continue
        parts = pieces(text, frag.fontName, faces)  # type: ignore[attr-defined]
        if len(parts) == 1:
            if parts[0][1] != frag.fontName:  # type: ignore[attr-defined]
                frag = frag.clone(fontName=parts[0][1])  # type: ignore[attr-defined]
            out.append(frag)
            continue
        out.extend(frag.clone(text=t, fontName=name) for t, name in parts)  # type: ignore[attr-defined]
    return out


SET_ALIKE = frozenset(("LATIN", "GREEK", "CYRILLIC", "ARMENIAN", "GEORGIAN", "COPTIC"))  # scripts set as Latin is,
# whose letters share its figures and stops: a paragraph in them is set in one family


def _fallen_back(frags: list[object], fallbacks: Mapping[str, tuple[str, ...]]) -> bool:
    """Whether most of a paragraph's letters are letters its fonts lack, of scripts set as Latin is (a Greek
    paragraph in a kit of Latin faces): then each run is set wholly in the first fallback that has all of it, its
    figures, stops and Latin words too (they were in the kit's face between Greek words in another: "Για 3 έως 7
    ημέρες" changed family at each figure). A Latin paragraph with a Greek word keeps its family; an Arabic or
    Hebrew one, shaped and set right to left, is not changed here."""
    runs = [(font, text) for f in frags if (text := getattr(f, "text", "")) and (font := getattr(f, "fontName", ""))]
    runs = [(font, text) for font, text in runs if font in fallbacks]
    if all(set(map(ord, text)) <= cmap(font).keys() for font, text in runs):
        return False  # (every character in its own face: the most paragraphs, told at C speed)
    letters = lacked = 0
    for font, text in runs:
        own = cmap(font)
        for ch in text:
            if not ch.isalpha():
                continue
            letters += 1
            if ord(ch) not in own:
                if _script(ch) not in SET_ALIKE:
                    return False
                lacked += 1
    return 2 * lacked > letters
