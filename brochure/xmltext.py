"""Text -> the same text as XML character data or as a quoted attribute value, as xml.sax.saxutils gives them.

Without importing xml.sax.saxutils, which loads urllib.request, http.client, ssl and email."""

from __future__ import annotations

_CHARS = (("&", "&amp;"), (">", "&gt;"), ("<", "&lt;"))  # the ampersand first
_QUOTES = (('"', "&quot;"), ("'", "&#39;"))
_CONTROLS = (("\n", "&#10;"), ("\r", "&#13;"), ("\t", "&#9;"))


def escape(text: str, quotes: bool = False) -> str:
    """'&', '<' and '>' as entities; with quotes, '"' and "'" too."""
    for char, entity in _CHARS + _QUOTES if quotes else _CHARS:
        text = text.replace(char, entity)
    return text


def quoteattr(text: str) -> str:
    """An attribute value in quotes: escaped, line breaks and tabs as character references, and quoted with
    the quote it does not contain ('"' as &quot; when it contains both)."""
    for char, entity in _CHARS + _CONTROLS:
        text = text.replace(char, entity)
    if '"' not in text:
        return f'"{text}"'
    if "'" not in text:
        return f"'{text}'"
    return '"' + text.replace('"', "&quot;") + '"'
