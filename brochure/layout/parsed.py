"""A paragraph's markup and style values -> its parsed pieces (ReportLab's frags), and their first breaking into
lines at a width; both remembered for the next build, whatever the style's colours.

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

Neither the parse nor the breaking looks at the style's colours: the parser only hands its colour objects to the
pieces. So both are kept by the style's other values, with the colours they carry (`palette`), and handed to a
style that differs in its colours only (a press edition after the office one, a clinic's other colours) with
those objects swapped for the asking style's (`_swap`; equal ones of the same kind are kept as they are: they
print alike). A colour the markup names is an object of its own and stays; a colour inside a piece's list (an
underline's) is not looked into: such pieces are parsed again. In a batch's order (each layout office, then press,
64 editions of four kits in one process) an edition costs about 10 % less.
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from typing import Any

from reportlab.lib.abag import ABag
from reportlab.lib.colors import Color

MAX_KEPT = 512  # (a leaflet's paragraphs at each body size tried: about 400)
MAX_LINES = 256  # (a leaflet's first breakings: about 200 a build; 10-20 KB each)
# (The shipped 72 editions built in one process in a batch's order: twice as many kept were found 0.3 % (parses) and
# 3 % (breakings) more often, in the same time, for 4 MB more memory.)

Numbers = tuple[tuple[str, object], ...]  # attributes a breaking sets on its paragraph, by name
Palette = tuple[tuple[str, Any], ...]  # a style's colours, by attribute name
_kept: OrderedDict[tuple[object, ...], tuple[str, tuple[Any, ...], Palette]] = OrderedDict()
_lines: OrderedDict[tuple[object, ...], tuple[Any, list[Any] | None, Numbers, Palette]] = OrderedDict()
_styles: dict[tuple[object, ...], tuple[object, ...]] = {}  # style values -> the one tuple of them kept
_COLOUR = "(a colour)"  # what a style's colour is in a key
_lock = threading.Lock()
_seen: dict[int, tuple[weakref.ref[Any], tuple[object, ...] | None, Palette]] = {}  # id(style) -> its values, colours
_new = object.__new__
_swaps: dict[tuple[int, int], tuple[Palette, Palette, dict[int, Any] | None]] = {}  # (was, now) -> _swap's answer


def key(text: str | None, style: Any, bullet: Any) -> tuple[object, ...] | None:
    """What the parse depends on: the markup, the bullet text and every value of the style (each with its type:
    an integer and a float may compare equal) but its colours, which the parse only copies onto the pieces (see
    `palette`); None when a value cannot be a key."""
    if not isinstance(text, str) or not isinstance(bullet, (str, type(None))):
        return None
    values = _style(style)[0]
    return None if values is None else (text, bullet, values)


def palette(style: Any) -> Palette:
    """The style's colours, by name: what the pieces parsed or broken for a key carry of the style."""
    return _style(style)[1]


def _style(style: Any) -> tuple[tuple[object, ...] | None, Palette]:
    """A style's values but its colours (one tuple kept for equal ones), or None when they cannot be a key; and
    its colours. Worked out once per style object, which the theme makes once and never changes (a style made
    anew, `clone` or another body size, is another object): a build asks about 360 times."""
    seen = _seen.get(id(style))
    if seen is not None and seen[0]() is style:
        return seen[1], seen[2]
    d = {n: (_COLOUR if isinstance(v, Color) else v) for n, v in style.__dict__.items() if n != "parent"}
    # (the parent's values are the style's own already)
    found: tuple[object, ...] = (tuple(d.items()), tuple(map(type, d.values())))
    values: tuple[object, ...] | None
    colours = tuple((n, v) for n, v in style.__dict__.items() if isinstance(v, Color) and n != "parent")
    try:
        with _lock:  # one tuple of values per style kept (a paragraph's key would be 5 KB of them otherwise)
            if len(_styles) > MAX_KEPT:
                _styles.clear()
            values = _styles.setdefault(found, found)
    except TypeError:
        values = None
    with _lock:
        if len(_seen) > MAX_KEPT:
            _seen.clear()
        _seen[id(style)] = (weakref.ref(style), values, colours)
    return values, colours


def colour_values(colours: Palette) -> tuple[object, ...] | None:
    """A palette as values (each colour's kind and fields: equal ones print alike, as `_swapped` reads them), for
    a key of what its pieces print; None when a value cannot be a key."""
    values = tuple((n, type(c).__name__, tuple(sorted(c.__dict__.items()))) for n, c in colours)
    try:
        hash(values)
    except TypeError:
        return None
    return values


def recall(k: tuple[object, ...], colours: Palette) -> tuple[str, list[Any], Palette] | None:
    """The text as ReportLab cleaned it, copies of the pieces parsed for `k` before in the colours given (the
    style's own where they differ from the kept style's), and the colours the pieces now carry; or None."""
    with _lock:
        known = _kept.get(k)
        if known is None:
            return None
        _kept.move_to_end(k)
    text, frags, was = known
    swap = _swap(was, colours)
    if swap is None:
        return None
    out = [_clone(f) for f in frags]
    if swap and any(_recoloured(f, swap) is None for f in out):
        return None
    return text, out, tuple((n, swap.get(id(c), c)) for n, c in was)


def keep(k: tuple[object, ...], text: str, frags: list[Any], colours: Palette) -> None:
    """Remember the cleaned text and copies of `frags` as what `k` parses to in these colours (the paragraph keeps
    its own)."""
    copies = tuple(_clone(f) for f in frags)
    with _lock:
        _kept[k] = (text, copies, colours)
        _kept.move_to_end(k)
        while len(_kept) > MAX_KEPT:
            _kept.popitem(last=False)


def recall_lines(k: tuple[object, ...], colours: Palette) -> tuple[Any, list[Any] | None, Numbers] | None:
    """Copies of what the first breaking for `k` (a parse key and the widths) gave before, in the colours given:
    ReportLab's ParaLines, the paragraph's words (None when it kept its pieces) and the numbers it set on the
    paragraph; or None."""
    with _lock:
        known = _lines.get(k)
        if known is None:
            return None
        _lines.move_to_end(k)
    lines, words, numbers, was = known
    swap = _swap(was, colours)
    if swap is None:
        return None
    out_lines = _recoloured_lines(_copy_lines(lines), swap)
    out_words = _recoloured_words(_copy_words(words), swap)
    if out_lines is None or (words is not None and out_words is None):
        return None
    return out_lines, out_words, numbers


def keep_lines(k: tuple[object, ...], lines: Any, words: list[Any] | None, numbers: Numbers, colours: Palette) -> None:
    """Remember copies of a first breaking's lines and words, in these colours (the paragraph keeps its own)."""
    kept = (_copy_lines(lines), _copy_words(words), numbers, colours)
    with _lock:
        _lines[k] = kept
        _lines.move_to_end(k)
        while len(_lines) > MAX_LINES:
            _lines.popitem(last=False)


def _copy_lines(lines: Any) -> Any:
    """ParaLines with lines of their own: a plain paragraph's (space left, [words]) pairs with their own lists and
    words; a styled one's lines (FragLine) with their own pieces."""
    out = _clone(lines)
    out.lines = [
        (line[0], [_copy_word(w) for w in line[1]], *line[2:])
        if isinstance(line, tuple)
        else _clone(line, [_clone(w) for w in line.words])
        for line in lines.lines
    ]
    return out


def _clone(bag: Any, words: list[Any] | None = None) -> Any:
    """`bag.clone()` (or `bag.clone(words=words)`) for ReportLab's pieces and lines, six times as fast: a new
    object of its class with a copy of its attributes. (ABag's clone calls the class with every attribute as a
    keyword; these classes take them so and do nothing else.)"""
    cls = bag.__class__
    if cls.__init__ is not _ABAG_INIT or cls.clone is not _ABAG_CLONE:
        return bag.clone() if words is None else bag.clone(words=words)
    out = _new(cls)
    out.__dict__ = bag.__dict__.copy()
    if words is not None:
        out.words = words
    return out


_ABAG_INIT, _ABAG_CLONE = ABag.__init__, ABag.clone


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


# -- colours -------------------------------------------------------------------------------------------------------
# ReportLab's parse gives each piece the style's colour objects themselves (`textColor`, `backColor`, ...) unless
# the markup names its own: so pieces kept for one style serve another that differs in its colours only, each of
# the kept style's colour objects swapped for the other's (by identity: a colour the markup names is a new object,
# kept as it is, even where it equals the style's).


def _swap(was: Palette, now: Palette) -> dict[int, Any] | None:
    """The kept style's colour objects (by id) -> this style's, where they differ; {} when they are the same (or
    equal, of the same kind: they print alike, and the kept ones are kept, so what is kept next says so); None
    when they cannot be told apart (one object in two roles, kept in one and swapped in the other, or other colour
    names). Worked out once per pair of palettes (a style's is one tuple, `_style`; a build asks about 240 times,
    for a few pairs); the answer is only read. (The palettes are held with it: no other can take their addresses.)"""
    known = _swaps.get((id(was), id(now)))
    if known is not None and known[0] is was and known[1] is now:
        return known[2]
    swap = _swapped(was, now)
    with _lock:
        if len(_swaps) >= MAX_KEPT:
            _swaps.clear()
        _swaps[(id(was), id(now))] = (was, now, swap)
    return swap


def _swapped(was: Palette, now: Palette) -> dict[int, Any] | None:
    if [n for n, _ in was] != [n for n, _ in now]:
        return None
    swap: dict[int, Any] = {}
    kept: set[int] = set()
    for (_, old), (_, new) in zip(was, now, strict=True):
        if old is new or (type(old) is type(new) and old.__dict__ == new.__dict__):  # (prints alike: kept)
            kept.add(id(old))
        elif swap.setdefault(id(old), new) is not new:
            return None
    return None if kept & swap.keys() else swap


def _recoloured(piece: Any, swap: dict[int, Any], skip: tuple[str, ...] = ()) -> Any:
    """A copied piece (or line) with the kept style's colours swapped; None when one sits inside a value (an
    underline's or a link's list), which is not looked into. `skip`: attributes holding other pieces."""
    d = piece.__dict__
    for name, value in list(d.items()):
        if isinstance(value, Color):
            new = swap.get(id(value))
            if new is not None:
                d[name] = new
        elif isinstance(value, list | tuple) and name not in skip and _holds_colour(value, swap):
            return None
    return piece


def _holds_colour(value: Any, swap: dict[int, Any]) -> bool:
    return any(
        id(v) in swap or (isinstance(v, list | tuple) and v is not value and _holds_colour(v, swap)) for v in value
    )


def _recoloured_lines(lines: Any, swap: dict[int, Any]) -> Any:
    """Copied ParaLines with the kept style's colours swapped: its own (a plain paragraph's) and its lines'
    pieces (a styled one's); None when a piece holds a colour inside a value."""
    if not swap:
        return lines
    if _recoloured(lines, swap, ("lines",)) is None:
        return None
    for line in lines.lines:
        if isinstance(line, tuple):
            continue
        if _recoloured(line, swap, ("words",)) is None or any(_recoloured(w, swap) is None for w in line.words):
            return None
    return lines


def _recoloured_words(words: list[Any] | None, swap: dict[int, Any]) -> list[Any] | None:
    """Copied word lists whose pieces (shared with the kept ones, only read) are swapped for recoloured copies,
    one copy per kept piece; None when a piece holds a colour inside a value."""
    if words is None or not swap:
        return words
    memo: dict[int, Any] = {}
    for w in words:
        for i in range(1, len(w)):
            piece, text = w[i]
            copy = memo.get(id(piece))
            if copy is None:
                copy = memo[id(piece)] = _recoloured(_clone(piece), swap)
                if copy is None:
                    return None
            w[i] = (copy, text)
    return words
