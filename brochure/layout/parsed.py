"""A paragraph's markup and style values -> its parsed pieces (ReportLab's frags), remembered for the next build.

ReportLab parses a paragraph's markup anew for every Paragraph made, and a build makes about 120 of them, once per
body size tried; a batch or a live session makes the same ones again and again. The parse depends on the text and
the style's values alone, so the pieces are kept (the last MAX_KEPT) and each paragraph is handed shallow copies:
ReportLab and the layout set attributes on a paragraph's pieces, never on what those attributes hold (strings,
numbers, colours, tuples, and the lists of links and underlines the parser makes anew for each piece).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

MAX_KEPT = 1024  # (a leaflet's paragraphs at each body size tried: about 400)

_kept: OrderedDict[tuple[object, ...], tuple[str, tuple[Any, ...]]] = OrderedDict()
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
