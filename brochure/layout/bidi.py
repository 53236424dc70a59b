"""A paragraph's text and direction -> each character's embedding level; a line's pieces -> their visual order.

The levels come from the Unicode bidirectional algorithm (UAX #9, from python-bidi, which wraps the Rust crate
unicode-bidi); the visual order from its rules L1 and L2, applied to each line, not to the paragraph.

The tool marks what must read left to right as a whole as an isolate, as a careful author would with U+2066..U+2069,
before the algorithm runs: each link's words (a first-strong isolate: a web address, an email address or a phone
number left to right, Arabic words of a link right to left), and in a right-to-left paragraph each stretch of
Latin words and numbers with their signs ('+44 117 496 0321', 'SPF 30+', '24–48'), without the punctuation at its
edges (a full stop after '1.0' ends the Arabic sentence; brackets around a Latin phrase pair with the sentence's);
and there each citation's number (a superscript's '1,2', the '1' of large print's '[1]') outside such a phrase as
a right-to-left isolate, which the sentence orders as one of its marks: it follows the word it cites as the
sentence reads, at the left of a Latin word or number as at an Arabic word's ('48.¹' reads '48', '.', '¹' from the
right; taken into the phrase with the full stop before it, it printed '¹.48').
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from itertools import pairwise
from typing import TypeVar

from bidi import get_base_level, get_display

from brochure.theme.shaping import RTL_CLASSES

LRI, RLI, FSI, PDI = "\u2066", "\u2067", "\u2068", "\u2069"
ISOLATES = (LRI, RLI, FSI, PDI)
SPACES = (" ", "\u00a0", "\u2028")  # what separates words: a space, a no-break space, a line break (<br/>)

_NOT_LATIN = (*RTL_CLASSES, "AN")  # right-to-left letters, and Arabic-Indic digits (which the algorithm sets as Arabic
# typesetting does: '٣٠٪' with its sign at the left, '٢٤–٤٨' from the right)
_CUT = RTL_CLASSES  # what a word of both is cut at for its Latin parts: right-to-left letters (not an Arabic number's
# digits or separators, which the algorithm orders: '۰٫۵' cut at its separator printed '۵٫۰')
_JOINERS = "-\u2010\u2011"  # a hyphen joining a right-to-left prefix to a Latin word ('ל-NHS', 'ב-£20')
_LTR_WORD = ("L", "EN")  # a word with one of these and none of those is part of a Latin phrase
_PHRASE_EDGE = ("L", "EN", "AN", "ES", "ET", "NSM")  # what a phrase may start and end with ('+44', '30+', '30%')
_PHRASE_ENDS = "/"  # and a web address ('clinic.example/book/')
_OPEN, _CLOSE = "([{\u2045\u207d\u208d\u2329\u3008", ")]}\u2046\u207e\u208e\u232a\u3009"
_LEVEL = re.compile(r"Level\(\s*(\d+),?\s*\)")


def paragraph_level(text: str, rtl_leaflet: bool) -> int:
    """A paragraph's level: 1 (right to left) in a right-to-left leaflet, whatever its first letter; elsewhere from
    its first strong letter (rules P2, P3)."""
    return 1 if rtl_leaflet else int(get_base_level(text))


def isolated(
    text: str, links: Sequence[tuple[int, int]], base: int, cites: Sequence[tuple[int, int]] = ()
) -> tuple[str, list[int]]:
    """text with isolates around each link's span (start, end) and, in a right-to-left paragraph, around each Latin
    phrase outside the links and outside the isolates text holds already (its own U+2066..U+2069, which it keeps),
    and a right-to-left isolate around each citation's number (`cites`: their spans, large print's with its
    brackets, which stay outside it) outside those and the phrases (one between two Latin words of a phrase is the
    phrase's: 'Dermapen¹ Pro'); and for each character of the result its index in text (-1 for an isolate, its own
    among them)."""
    opens: dict[int, str] = {}
    closes: dict[int, int] = {}
    for start, end in links:
        if start < end:
            opens[start] = FSI
            closes[end] = closes.get(end, 0) + 1
    if base % 2:
        authored = _authored(text)
        marks = {i for i, ch in enumerate(text) if ch in ISOLATES}
        edges = sorted({0, len(text), *(i for span in links for i in span), *marks, *(i + 1 for i in marks)})
        apart = [*links, *authored]  # (what no citation's isolate may overlap: and the phrases, as found)
        for a, b in pairwise(edges):
            if a in marks or any(a >= s and b <= e for s, e in (*links, *authored)):
                continue
            for start, end in _phrases(text, a, b, cites):
                opens[start] = LRI
                closes[end] = closes.get(end, 0) + 1
                apart.append((start, end))
        for start, end in cites:
            if start < end and not marks & set(range(start, end)) and not any(s < end and start < e for s, e in apart):
                if end - start > 2 and text[start] in _OPEN and text[end - 1] in _CLOSE:
                    start, end = start + 1, end - 1  # (its brackets the sentence's: they pair and mirror in it)
                opens[start] = RLI  # (a mark of the sentence: where it follows the word it cites)
                closes[end] = closes.get(end, 0) + 1
    out: list[str] = []
    index: list[int] = []
    for i in range(len(text) + 1):
        for _ in range(closes.get(i, 0)):
            out.append(PDI)
            index.append(-1)
        if i in opens:
            out.append(opens[i])
            index.append(-1)
        if i < len(text):
            out.append(text[i])
            index.append(-1 if text[i] in ISOLATES else i)
    return "".join(out), index


def _authored(text: str) -> list[tuple[int, int]]:
    """The spans of the isolates written in text (U+2066..U+2068 to its U+2069; the outermost of nested ones): a
    unit its author, or the tool, set apart (a reference with its number), whose Latin phrases are not marked
    again."""
    out: list[tuple[int, int]] = []
    depth, start = 0, 0
    for i, ch in enumerate(text):
        if ch in (LRI, RLI, FSI):
            start = i if depth == 0 else start
            depth += 1
        elif ch == PDI and depth:
            depth -= 1
            if depth == 0:
                out.append((start, i + 1))
    return out


def _phrases(text: str, a: int, b: int, cites: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """The spans of Latin phrases in text[a:b]: runs of words with a Latin letter or a European digit and no
    right-to-left letter or Arabic-Indic digit, apart from the punctuation at their edges (kept where it pairs a
    bracket inside). A word of both ('ל-NHS', Hebrew's and Arabic's prefixes joined by a hyphen) gives its Latin
    part from its first Latin letter or digit after the right-to-left one (up to its last before one), which runs on
    with the Latin words beside it ('ל-NHS 111' reads 'NHS 111', not '111 NHS'). A citation's number (`cites`) is
    no word: a phrase ends before it and the punctuation before it ('48.¹' gives '48'), unless a Latin word goes
    on after it."""
    out: list[tuple[int, int]] = []
    run: tuple[int, int] | None = None
    for s, e in _words(text, a, b, cites):
        pieces = _latin_pieces(text, s, e)
        if not pieces and run is not None:
            out.extend(_trimmed(text, *run))
            run = None
        for start, end in pieces:
            if run is not None and start == s and "\u2028" not in text[run[1] : start]:
                run = (run[0], end)
            else:
                if run is not None:
                    out.extend(_trimmed(text, *run))
                run = (start, end)
            if end < e:  # (a right-to-left letter after it in its word: nothing runs on past it)
                out.extend(_trimmed(text, *run))
                run = None
    if run is not None:
        out.extend(_trimmed(text, *run))
    return out


def _words(text: str, a: int, b: int, cites: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """The spans of text[a:b]'s words (between the spaces), without the citations' numbers in them (`cites`: a word
    ends where one starts, 'Dermapen.¹' is 'Dermapen.')."""
    apart = {i for s, e in cites for i in range(max(s, a), min(e, b))}
    words: list[tuple[int, int]] = []
    i = a
    while i < b:
        if text[i] in SPACES or i in apart:
            i += 1
            continue
        j = i
        while j < b and text[j] not in SPACES and j not in apart:
            j += 1
        words.append((i, j))
        i = j
    return words


def _latin_pieces(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """A word's Latin parts: the whole word when it has a Latin letter or European digit and no right-to-left
    letter or Arabic-Indic digit or separator (`۰٫۵`, Persian's 0.5, is the algorithm's to order: cut at its
    separator, it printed '۵٫۰'); in a word with a right-to-left letter, each stretch between its right-to-left
    letters that has one, but the hyphen that joins it to them (the hyphen of 'ל-NHS' stays with the 'ל'; the pound
    sign of 'ב-£20' goes with the 20, as the edges of a phrase are set)."""
    kinds = [unicodedata.bidirectional(ch) for ch in text[s:e]]
    if not any(k in _CUT for k in kinds):
        latin = not set(kinds) & set(_NOT_LATIN) and bool(set(kinds) & set(_LTR_WORD))
        return [(s, e)] if latin else []
    pieces: list[tuple[int, int]] = []
    i = 0
    while i < len(kinds):
        if kinds[i] in _CUT:
            i += 1
            continue
        j = i
        while j < len(kinds) and kinds[j] not in _CUT:
            j += 1
        if any(kinds[k] in _LTR_WORD for k in range(i, j)):
            start = i + 1 if i > 0 and text[s + i] in _JOINERS else i  # (its hyphen stays with the prefix before it)
            end = j - 1 if j < len(kinds) and text[s + j - 1] in _JOINERS else j  # (or the suffix after it)
            pieces.append((s + start, s + end))
        i = j
    return pieces


def _trimmed(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """A phrase without the punctuation at its edges, but with a bracket whose pair is inside it; none when its
    brackets do not pair."""
    start, end = s, e
    while start < end and unicodedata.bidirectional(text[start]) not in _PHRASE_EDGE:
        start += 1
    while end > start and not _ends_phrase(text[end - 1]):
        end -= 1
    if start == end:
        return []
    depth = 0
    for ch in text[start:end]:
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth -= 1
    while depth > 0 and end < e:  # an opening bracket inside: up to its closing one
        depth -= text[end] in _CLOSE
        depth += text[end] in _OPEN
        end += 1
    while depth < 0 and start > s:  # a closing bracket inside: from its opening one
        start -= 1
        depth += text[start] in _OPEN
        depth -= text[start] in _CLOSE
    return [(start, end)] if depth == 0 else []


def _ends_phrase(ch: str) -> bool:
    return ch in _PHRASE_ENDS or unicodedata.bidirectional(ch) in _PHRASE_EDGE


def levels(text: str, base: int) -> list[int]:
    """Each character's resolved embedding level (rules up to I2; L1 is the line's) in a paragraph of the given
    level: python-bidi gives the levels of its Rust algorithm, per byte of UTF-8, with `debug=True`."""
    if not text:
        return []
    report = str(get_display(text, base_dir="R" if base % 2 else "L", debug=True))
    start = report.find("\n    levels: [\n")
    end = report.find("\n    ],\n", start + 1)
    per_byte = [int(n) for n in _LEVEL.findall(report, start, end)] if start >= 0 and end >= 0 else []
    encoded = [len(ch.encode("utf-8")) for ch in text]
    if len(per_byte) != sum(encoded):
        raise RuntimeError(f"python-bidi gave {len(per_byte)} levels for {sum(encoded)} bytes of text")
    out: list[int] = []
    at = 0
    for n in encoded:
        out.append(per_byte[at])
        at += n
    return out


T = TypeVar("T")


def reorder(items: Sequence[tuple[int, bool, T]], base: int) -> list[T]:
    """A line's pieces (level, whether it is white space or an isolate, the piece) in logical order -> the pieces
    from left to right: white space and isolates at the line's end at the paragraph's level (L1), then each
    stretch at a level or higher reversed, from the highest level down to the lowest odd one (L2)."""
    lv = [level for level, _, _ in items]
    n = len(items)
    while n and items[n - 1][1]:
        n -= 1
        lv[n] = base
    order = list(range(len(items)))
    top = max(lv, default=0)
    lowest_odd = min((v for v in lv if v % 2), default=top + 1)
    for k in range(top, lowest_odd - 1, -1):
        i = 0
        while i < len(order):
            if lv[order[i]] < k:
                i += 1
                continue
            j = i
            while j < len(order) and lv[order[j]] >= k:
                j += 1
            order[i:j] = order[i:j][::-1]
            i = j
    return [items[i][2] for i in order]
