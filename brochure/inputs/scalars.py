"""A YAML file's text + where one of its texts starts -> where each character of that text is typed (its line and
column), so that a finding about a part of a text (a number a translation changed) is said where that part is.

A text is read as YAML reads it, in each of its styles: plain, single- or double-quoted (with a double-quoted
text's escapes, `\\u00e9`, `\\n`, a backslash at a line's end), literal (`|`) or folded (`>`) blocks; lines are
joined as YAML joins them (a line break in a plain, quoted or folded text is a space, a blank line a line break;
the spaces about a break are no part of the text). The characters so read are held to the text as the reader
kept it (NFC, stripped; a text typed decomposed is composed so, each letter where it is typed): where they differ
(a style read otherwise, an indentation indicator, an anchor or a tag before the text) no position is given, and
the finding is said at the text's start, as before.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from brochure.diagnostics import Location
from brochure.inputs.inline import plain, unprinted
from brochure.inputs.numbers import Pin
from brochure.inputs.yamltree import LINE_BREAK

Typed = list[tuple[str, int, int]]  # each character of a text, with the 0-based line and column it is typed at

_ESCAPES = {
    "0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v", "f": "\f", "r": "\r", "e": "\x1b",
    " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\x85", "_": "\xa0", "L": "\u2028", "P": "\u2029",
}  # fmt: skip
_HEX = {"x": 2, "u": 4, "U": 8}
_BLANK = " \t"
_LINES_OF_A_TEXT = 400  # lines read for one text at most (a text is seldom longer)


def typed(lines: list[str], line: int, column: int) -> Typed | None:
    """The characters of the text that starts at (1-based) line and column, each where it is typed; None where its
    style is not one read here (an anchor, a tag, an alias before it)."""
    if not 0 < line <= len(lines) or not 0 < column <= len(lines[line - 1]):
        return None
    row, col = line - 1, column - 1
    first = lines[row][col]
    if first in "\"'":
        return _quoted(lines, row, col + 1, first)
    if first in "|>":
        return _block(lines, row, col, first == ">")
    if first in "&!*%@`":
        return None
    return _plain(lines, row, col)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _fold(out: Typed, lines: list[str], row: int, stop: int) -> tuple[int, int] | None:
    """The line break after `row` inside a flow text (plain or quoted): the spaces before it dropped, a space for it,
    or a line break for each blank line after it; the next line's row and the column its words start at (None at
    the end of `stop`)."""
    while out and out[-1][0] in _BLANK and out[-1][1] == row and out[-1][2] >= 0:
        out.pop()
    blanks = 0
    row += 1
    while row < stop and not lines[row].strip(_BLANK):
        blanks += 1
        row += 1
    if row >= stop:
        return None
    at = len(lines[row - 1])
    out.extend([("\n", row - 1, at)] * blanks if blanks else [(" ", row - 1, at)])
    return row, len(lines[row]) - len(lines[row].lstrip(_BLANK))


def _quoted(lines: list[str], row: int, col: int, quote: str) -> Typed | None:
    out: Typed = []
    stop = min(len(lines), row + _LINES_OF_A_TEXT)
    while True:
        text = lines[row]
        while col < len(text):
            ch = text[col]
            if ch == quote and quote == "'" and text[col + 1 : col + 2] == "'":
                out.append(("'", row, col))
                col += 2
            elif ch == quote:
                return out
            elif ch == "\\" and quote == '"':
                if col + 1 == len(text):  # (an escaped line break: the lines join with nothing between)
                    row += 1
                    if row >= stop:
                        return None
                    col = len(lines[row]) - len(lines[row].lstrip(_BLANK))
                    break
                code = text[col + 1]
                if code in _HEX:
                    digits = text[col + 2 : col + 2 + _HEX[code]]
                    if len(digits) != _HEX[code] or not all(c in "0123456789abcdefABCDEF" for c in digits):
                        return None
                    out.append((chr(int(digits, 16)), row, -1 - col))  # (escaped: a space so written is kept)
                    col += 2 + _HEX[code]
                elif code in _ESCAPES:
                    out.append((_ESCAPES[code], row, -1 - col))
                    col += 2
                else:
                    return None
            else:
                out.append((ch, row, col))
                col += 1
        else:
            folded = _fold(out, lines, row, stop)
            if folded is None:
                return None
            row, col = folded
    return out  # pragma: no cover - (the loop returns)


_FLOW_END = re.compile(r"[ \t]#|:(?=[ \t]|$)|[,\[\]{}]")  # where a plain text in brackets ends on its line
_BLOCK_END = re.compile(r"[ \t]#|:(?=[ \t]|$)")  # and one that is not
_KEY = re.compile(r"^[ ]*(?:-[ ]+)*")  # a line's indent, and the dashes of the lists it starts


def _plain(lines: list[str], row: int, col: int) -> Typed:
    before = lines[row][:col]
    flow = before.count("{") + before.count("[") > before.count("}") + before.count("]")
    end = _FLOW_END if flow else _BLOCK_END
    parent = len(_KEY.match(before).group()) if not flow else -1  # type: ignore[union-attr]
    if before.strip(" -") == "" and before.strip(" "):  # (a list's item itself: indented past its dash)
        parent = before.rstrip(" ").rfind("-")
    out: Typed = []
    stop = min(len(lines), row + _LINES_OF_A_TEXT)
    while True:
        text = lines[row]
        found = end.search(text, col)
        last = found.start() if found else len(text)
        out.extend((ch, row, n) for n, ch in enumerate(text[col:last], col))
        if found:
            break
        nxt = row + 1
        while nxt < stop and not lines[nxt].strip(_BLANK):
            nxt += 1
        if nxt >= stop or flow or _indent(lines[nxt]) <= parent or lines[nxt].lstrip(_BLANK).startswith("#"):
            break
        folded = _fold(out, lines, row, stop)
        if folded is None:  # pragma: no cover - (a next line was found above)
            break
        row, col = folded
    while out and out[-1][0] in _BLANK:
        out.pop()
    return out


def _block(lines: list[str], row: int, col: int, folded: bool) -> Typed | None:
    header = lines[row][col + 1 :].split("#", 1)[0].strip()
    if any(c.isdigit() for c in header) or header.strip("+-"):  # (an indentation indicator: from the parent's)
        return None
    body = row + 1
    stop = min(len(lines), body + _LINES_OF_A_TEXT)
    first = next((n for n in range(body, stop) if lines[n].strip(" ")), None)
    if first is None:
        return []
    indent = _indent(lines[first])
    rows: list[int] = []
    for n in range(body, stop):
        if lines[n].strip(" ") and _indent(lines[n]) < indent:
            break
        rows.append(n)
    while rows and not lines[rows[-1]].strip(" "):
        rows.pop()
    out: Typed = []
    for i, n in enumerate(rows):
        text = lines[n]
        out.extend((ch, n, c) for c, ch in enumerate(text[indent:], indent))
        if i + 1 == len(rows):
            break
        if not folded or not text[indent:] or text[indent:][0] in _BLANK:
            out.append(("\n", n, len(text)))
            continue
        later = next((m for m in rows[i + 1 :] if lines[m][indent:]), None)
        if later is None or lines[later][indent:][0] in _BLANK:
            out.append(("\n", n, len(text)))
        elif later == rows[i + 1]:
            out.append((" ", n, len(text)))
        # (else the blank lines that follow give the line breaks, and this one is dropped)
    return out


def number_at(lines: list[str], at: Location, text: str, number: str, nth: int = 0) -> Location:
    """Where `number` (as written, read in the text's printed characters) is typed in the file whose lines are
    `lines` (`LINE_BREAK.split` of its text, once a file: not once a finding, which made a file of thousands of
    findings quadratic), for the text `text` (as the reader kept it) at `at`: the first digit's line and column of
    its `nth` copy (0: the first; a number the translation adds, given twice where the source gives it once, is its
    second), where the number is written as often in the text as it is printed (no address or mark holds it too),
    else `at`."""
    if not lines or not at.line or not number:
        return at
    pattern = re.compile(rf"(?<!\d)(?<!\d[.,:\u066b\u066c]){re.escape(number)}(?!\d)(?![.,:\u066b\u066c]\d)")
    shown = len(pattern.findall(plain(text)))
    chars = typed(lines, at.line, at.column)
    if not shown or chars is None:
        return at
    raw = "".join(ch for ch, _, _ in chars)
    if unicodedata.normalize("NFC", raw).strip() != text:  # (not read as the reader read it)
        return at
    found = list(pattern.finditer(unprinted(raw)))  # (not a copy in a link's address or a citation's key)
    if len(found) != shown or nth >= shown:
        return at
    _, row, col = chars[found[nth].start()]
    return Location(at.file, row + 1, (col if col >= 0 else -1 - col) + 1, at.key)


def places(lines: list[str], at: Location, text: str) -> Callable[[int], Location]:
    """Where each character of a text (as the reader kept it, at `at`) is typed in the file whose lines are `lines`:
    text[index]'s line and column, read once a text; `at` where the text is not read here as the reader read it (a
    style not read, characters the reader normalised otherwise than by composing them)."""
    chars = typed(lines, at.line, at.column) if lines and at.line else None
    if chars is not None and "".join(ch for ch, _, _ in chars) != text:
        chars = _composed(chars, text)
    if chars is None:
        return lambda _: at

    def place(index: int) -> Location:
        if not 0 <= index < len(chars):
            return at
        _, row, col = chars[index]
        return Location(at.file, row + 1, (col if col >= 0 else -1 - col) + 1, at.key)

    return place


def _composed(chars: Typed, text: str) -> Typed | None:
    """The characters of a text typed decomposed (an accent as a mark of its own after its letter, as macOS may save
    a file), composed as the reader keeps the text (NFC): each composed letter where its letter is typed; None where
    they are not the text so."""
    out: Typed = []
    i = 0
    while i < len(chars):
        j = i + 1
        while j < len(chars) and unicodedata.combining(chars[j][0]):
            j += 1
        _, row, col = chars[i]
        out += [(ch, row, col) for ch in unicodedata.normalize("NFC", "".join(ch for ch, _, _ in chars[i:j]))]
        i = j
    return out if "".join(ch for ch, _, _ in out) == text else None


def file_lines(source: str) -> list[str]:
    """A file's text as the lines `number_at` reads (none for no text)."""
    return LINE_BREAK.split(source) if source else []


def pin(lines: list[str], at: Location, text: str) -> Pin:
    """`number_at` for one text."""
    return lambda number, nth: number_at(lines, at, text, number, nth)
