"""A paragraph's markup and style values -> its parsed pieces (ReportLab's frags), and their first breaking into
lines at a width; both remembered for the next build.

ReportLab parses a paragraph's markup anew for every Paragraph made, and a build makes about 120 of them, once per
body size tried; a batch or a live session makes the same ones again and again. The parse depends on the text and
the style's values alone, so the pieces are kept (the last MAX_KEPT) and each paragraph is handed shallow copies:
ReportLab and the layout set attributes on a paragraph's pieces, never on what those attributes hold (strings,
numbers, colours, tuples, and the lists of links and underlines the parser makes anew for each piece).

Breaking a paragraph's parsed pieces into lines (ReportLab's breakLines, about 0.25 ms for a paragraph with bold
words, links or references) depends on them and the widths alone. Besides the lines it sets a few numbers on the
paragraph and, for a paragraph of several pieces, replaces its pieces by its words (lists of pieces), which a split
reads by the lines' indices and changes in place (a word's class, a line's last piece). So all of it is kept, and
handed out as copies: the lines with their own pieces, the words as lists of their own. Only a first breaking is
kept: a paragraph broken again starts from its words, not from the parse. What a breaking sets is ReportLab 5.1's
(requirements.txt pins it): tests/test_remembered.py builds every layout twice in one process, so a ReportLab that
set more would show as a second build printing otherwise.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

MAX_KEPT = 1024  # (a leaflet's paragraphs at each body size tried: about 400)
MAX_LINES = 512  # (a leaflet's first breakings: about 200 a build; 10-20 KB each)

_kept: OrderedDict[tuple[object, ...], tuple[str, tuple[Any, ...]]] = OrderedDict()
Numbers = tuple[tuple[str, object], ...]  # attributes a breaking sets on its paragraph, by name
_lines: OrderedDict[tuple[object, ...], tuple[Any, list[Any] | None, Numbers]] = OrderedDict()
_styles: dict[tuple[object, ...], tuple[object, ...]] = {}  # style values -> the one tuple of them kept
_lock = threading.Lock()


def key(text: str | None, style: Any, bullet: Any) -> tuple[object, ...] | None:
    """What the parse depends on: the markup, the bullet text and every value of the style (each with its type:
    a CMYK colour and an RGB colour may compare equal); None when a value cannot be a key."""
    if not isinstance(text, str) or not isinstance(bullet, (str, type(None))):
        return None
    d = dict(style.__dict__)
    d.pop("parent", None)  # (its values are the style's own already)
    values: tuple[object, ...] = (tuple(d.items()), tuple(map(type, d.values())))
    try:
        with _lock:  # one tuple of values per style kept (a paragraph's key would be 5 KB of them otherwise)
            if len(_styles) > MAX_KEPT:
                _styles.clear()
            values = _styles.setdefault(values, values)
    except TypeError:
        return None
    return (text, bullet, values)


def recall(k: tuple[object, ...]) -> tuple[str, list[Any]] | None:
    """The text as ReportLab cleaned it and copies of the pieces parsed for `k` before, or None."""
    with _lock:
        known = _kept.get(k)
        if known is None:
            return None
        _kept.move_to_end(k)
    return known[0], [f.clone() for f in known[1]]


def keep(k: tuple[object, ...], text: str, frags: list[Any]) -> None:
    """Remember the cleaned text and copies of `frags` as what `k` parses to (the paragraph keeps its own)."""
    copies = tuple(f.clone() for f in frags)
    with _lock:
        _kept[k] = (text, copies)
        _kept.move_to_end(k)
        while len(_kept) > MAX_KEPT:
            _kept.popitem(last=False)


def recall_lines(k: tuple[object, ...]) -> tuple[Any, list[Any] | None, Numbers] | None:
    """Copies of what the first breaking for `k` (a parse key and the widths) gave before: ReportLab's ParaLines,
    the paragraph's words (None when it kept its pieces) and the numbers it set on the paragraph; or None."""
    with _lock:
        known = _lines.get(k)
        if known is None:
            return None
        _lines.move_to_end(k)
    lines, words, numbers = known
    return _copy_lines(lines), _copy_words(words), numbers


def keep_lines(k: tuple[object, ...], lines: Any, words: list[Any] | None, numbers: Numbers) -> None:
    """Remember copies of a first breaking's lines and words (the paragraph keeps its own)."""
    kept = (_copy_lines(lines), _copy_words(words), numbers)
    with _lock:
        _lines[k] = kept
        _lines.move_to_end(k)
        while len(_lines) > MAX_LINES:
            _lines.popitem(last=False)


def _copy_lines(lines: Any) -> Any:
    """ParaLines with lines of their own: a plain paragraph's (space left, [words]) pairs with their own lists and
    words; a styled one's lines (FragLine) with their own pieces."""
    out = lines.clone()
    out.lines = [
        (line[0], [_copy_word(w) for w in line[1]], *line[2:])
        if isinstance(line, tuple)
        else line.clone(words=[w.clone() for w in line.words])
        for line in lines.lines
    ]
    return out


def _copy_word(w: str) -> str:
    """A plain paragraph's word; one with attributes of its own (a word with soft hyphens, ReportLab's _SHYStr) as
    a copy: breaking a split paragraph's part again sets them (`_fsww`), in whatever thread it runs."""
    if not getattr(w, "__dict__", None):
        return w
    c: str = str.__new__(w.__class__, w)
    c.__dict__.update(w.__dict__)
    return c


def _copy_words(words: list[Any] | None) -> list[Any] | None:
    """A paragraph's words (ReportLab's lists of [width, (piece, text), ...], of several list classes, some with
    attributes of their own) as lists of their own; the pieces and texts in them are only read."""
    if words is None:
        return None
    out = []
    for w in words:
        c = w.__class__(w)
        if getattr(w, "__dict__", None):
            c.__dict__.update(w.__dict__)
        out.append(c)
    return out
