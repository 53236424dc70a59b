"""A paragraph's fragments (font, size, colour per piece of text) -> its words shaped with HarfBuzz, broken into
lines on their shaped widths, each line in visual order (right to left, Latin words and numbers left to right in
it), drawn glyph by glyph where HarfBuzz moves a glyph from where the font's own advance would put it.

The order within a line is the part of the Unicode bidirectional algorithm a right-to-left paragraph of words
needs: a word with a right-to-left letter runs right to left (its glyphs come from HarfBuzz in visual order);
words with left-to-right letters or digits, and neutral words between two of them, run left to right as a group;
the line's words and groups then run right to left. What is drawn is noted with the line's words in logical
order (`Recorder.actual`), which the PDF carries as /ActualText: copied text comes back as written.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

from reportlab.lib.enums import TA_CENTER
from reportlab.pdfbase.pdfmetrics import stringWidth

from brochure.theme.shaping import RTL_CLASSES, Shaped, shape

EPSILON = 0.005  # pt: closer than this, a glyph is where the font's own advance puts it


@dataclass(frozen=True)
class Piece:
    """Part of a word in one fragment: shaped in its font and size, drawn in its colour and rise."""

    shaped: Shaped
    colour: Any
    rise: float


@dataclass(frozen=True)
class Word:
    """A stretch of a word in one fragment and one direction: its piece, its direction ("R" right to left, "L"
    left to right), the space after it (0 inside a word) and whether a line may end after it."""

    piece: Piece
    kind: str
    space: float
    after: str = " "  # what follows it: a space, a no-break space, "" (inside a word), "\n" (<br/>)

    @property
    def glued(self) -> bool:
        """No line break after it (inside a word, or before a no-break space)."""
        return self.after in ("", NBSP)

    @property
    def end(self) -> bool:
        """A forced line break after it."""
        return self.after == "\n"

    @property
    def width(self) -> float:
        return self.piece.shaped.width

    @property
    def text(self) -> str:
        return self.piece.shaped.text


NEUTRAL = "N"
_Token = tuple[str, str, Any, str]  # (text, kind: R, L or N, fragment, what follows it: "" glued, " ", NBSP, "\n")


def words(frags: list[Any]) -> list[Word]:
    """A paragraph's fragments as shaped words: each word cut where its direction changes, punctuation at the
    edge of a left-to-right stretch apart (it runs with the sentence: '... 1.0.' in Arabic ends with the full
    stop at the left of '1.0'), taking the direction of the words around it (right to left where they differ)."""
    tokens: list[_Token] = []
    for frag in frags:
        if getattr(frag, "lineBreak", False):
            if tokens:
                tokens[-1] = (*tokens[-1][:3], "\n")
            continue
        text = getattr(frag, "text", "")
        for word, sep in _split(text):
            tokens.extend((t, k, frag, "") for t, k in _stretches(word))
            if tokens and sep:
                tokens[-1] = (*tokens[-1][:3], sep)
    kinds = _resolve([k for _, k, _, _ in tokens])
    out: list[Word] = []
    for (text, _, frag, after), kind in zip(tokens, kinds, strict=True):
        font, size = frag.fontName, float(frag.fontSize)
        shaped = shape(text, font, size, "rtl" if kind == "R" else "ltr")
        piece = Piece(shaped, frag.textColor, float(getattr(frag, "rise", 0) or 0))
        space = stringWidth(after, font, size) if after in (" ", NBSP) else 0.0
        out.append(Word(piece, kind, space, after))
    return out


NBSP = "\u00a0"


def _split(text: str) -> list[tuple[str, str]]:
    """(word, the space after it: ' ', a no-break space or '') for each word of a fragment's text; a word is
    empty before a space that starts the text or follows another."""
    out: list[tuple[str, str]] = []
    word = ""
    for ch in text:
        if ch in (" ", NBSP):
            out.append((word, ch))
            word = ""
        else:
            word += ch
    out.append((word, ""))
    return out


def _class(ch: str) -> str:
    c = unicodedata.bidirectional(ch)
    return "R" if c in RTL_CLASSES else "L" if c in ("L", "EN", "AN") else NEUTRAL


def _stretches(word: str) -> list[tuple[str, str]]:
    """A word cut where its direction changes: punctuation next to a right-to-left letter goes with it (so it is
    shaped, and mirrored, with it); between left-to-right letters and digits with them ('1.0', 'TC-001'); at the
    edge of a left-to-right stretch alone."""
    runs: list[list[str]] = []  # [kind, text]
    for ch in word:
        k = _class(ch)
        if runs and runs[-1][0] == k:
            runs[-1][1] += ch
        else:
            runs.append([k, ch])
    for i, run in enumerate(runs):
        if run[0] != NEUTRAL:
            continue
        before = runs[i - 1][0] if i else ""
        after = runs[i + 1][0] if i + 1 < len(runs) else ""
        if "R" in (before, after):
            run[0] = "R"
        elif before == after == "L":
            run[0] = "L"
    merged: list[list[str]] = []
    for k, t in runs:
        if merged and merged[-1][0] == k:
            merged[-1][1] += t
        else:
            merged.append([k, t])
    return [(t, k) for k, t in merged]


def _resolve(kinds: list[str]) -> list[str]:
    """Neutral stretches take the direction of the stretches around them: left to right between two left-to-right
    ones, else right to left (the paragraph's own direction)."""
    out = list(kinds)
    for i, k in enumerate(kinds):
        if k == NEUTRAL:
            before = next((kinds[j] for j in range(i - 1, -1, -1) if kinds[j] != NEUTRAL), "R")
            after = next((kinds[j] for j in range(i + 1, len(kinds)) if kinds[j] != NEUTRAL), "R")
            out[i] = "L" if before == after == "L" else "R"
    return out


def lines(ws: list[Word], width: float) -> list[list[Word]]:
    """Words broken greedily into lines no wider than width, at spaces and forced breaks only (words glued
    together stay on one line, which may then run past width, as a word longer than the line does)."""
    units: list[list[Word]] = []
    for w in ws:
        if units and units[-1][-1].glued:
            units[-1].append(w)
        else:
            units.append([w])
    out: list[list[Word]] = []
    line: list[Word] = []
    for unit in units:
        if line and (line[-1].end or line_width(line + unit) > width + EPSILON):
            out.append(line)
            line = []
        line.extend(unit)
    if line:
        out.append(line)
    return out


def line_width(line: list[Word]) -> float:
    return sum(w.width for w in line) + sum(w.space for w in line[:-1])


def visual(line: list[Word]) -> list[Word]:
    """A right-to-left line's words from left to right: left-to-right groups keep their order, the rest runs
    right to left."""
    groups: list[tuple[str, list[Word]]] = []
    for w in line:
        if w.kind == "L" and groups and groups[-1][0] == "L":
            groups[-1][1].append(w)
        else:
            groups.append((w.kind, [w]))
    return [w for _, g in reversed(groups) for w in g]


def gaps(line: list[Word], order: list[Word]) -> list[float]:
    """The space after each word of a line in visual order: the space written between it and the word to its
    right, which is the space after whichever of the two comes first in the sentence."""
    at = {id(w): i for i, w in enumerate(line)}
    out = [0.0] * len(order)
    for n in range(len(order) - 1):
        a, b = order[n], order[n + 1]
        out[n] = a.space if at[id(a)] < at[id(b)] else b.space
    return out


def draw(canvas: Any, ws: list[Word], width: float, height: float, leading: float, size: float, align: int) -> None:
    """The lines of a right-to-left paragraph, right-aligned in width (centred when its style centres), the first
    baseline a font size under the top, as ReportLab sets a paragraph."""
    y = height - size
    for line in lines(ws, width):
        w = line_width(line)
        x = (width - w) / 2 if align == TA_CENTER else width - w
        tx = canvas.beginText()
        note = canvas.actual("".join(w.text + w.after for w in line[:-1]) + line[-1].text)
        order = visual(line)
        for word, gap in zip(order, gaps(line, order), strict=True):
            x, note = _piece(tx, word.piece, x, y, note, canvas)
            x += gap
        canvas.drawText(tx)
        y -= leading


def _piece(tx: Any, piece: Piece, x: float, y: float, note: str, canvas: Any) -> tuple[float, str]:
    """A piece's glyphs from x: those where the font's own advances put them as one string, each other alone."""
    s = piece.shaped
    tx.setFont(s.font, s.size)
    tx.setFillColor(piece.colour)
    run: list[str] = []
    start = x

    def flush(at: float, text: str, rise: float) -> None:
        nonlocal note
        tx.setTextOrigin(at, y)
        tx.setRise(piece.rise + rise)
        tx._code.append(note)
        note = canvas.actual("")
        tx.textOut(text)

    for g in s.glyphs:
        if g.dx == 0 and g.dy == 0 and abs(g.advance - g.natural) < EPSILON:
            if not run:
                start = x
            run.append(g.char)
            x += g.advance
            continue
        if run:
            flush(start, "".join(run), 0.0)
            run = []
        flush(x + g.dx, g.char, g.dy)
        x += g.advance
    if run:
        flush(start, "".join(run), 0.0)
    return x, note
