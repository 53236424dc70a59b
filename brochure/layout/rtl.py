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
    """A word (between spaces): its pieces in logical order, its direction, and the space after it."""

    pieces: tuple[Piece, ...]
    kind: str  # "R" (has a right-to-left letter), "L" (a left-to-right letter or a digit), "N" (neither)
    space: float  # the width of a space in the word's last piece's font

    @property
    def width(self) -> float:
        return sum(p.shaped.width for p in self.pieces)

    @property
    def text(self) -> str:
        return "".join(p.shaped.text for p in self.pieces)


def words(frags: list[Any]) -> list[Word]:
    """A paragraph's fragments as shaped words (a word spanning two fragments keeps a piece of each)."""
    out: list[Word] = []
    current: list[Piece] = []
    for frag in frags:
        text = getattr(frag, "text", "")
        font, size = frag.fontName, float(frag.fontSize)
        for i, part in enumerate(text.split(" ")):
            if i and current:
                out.append(_word(current))
                current = []
            if part:
                current.append(Piece(shape(part, font, size), frag.textColor, float(getattr(frag, "rise", 0) or 0)))
    if current:
        out.append(_word(current))
    return out


def _word(pieces: list[Piece]) -> Word:
    text = "".join(p.shaped.text for p in pieces)
    classes = [unicodedata.bidirectional(ch) for ch in text]
    kind = (
        "R" if any(c in RTL_CLASSES for c in classes) else "L" if any(c in ("L", "EN", "AN") for c in classes) else "N"
    )
    last = pieces[-1].shaped
    return Word(tuple(pieces), kind, stringWidth(" ", last.font, last.size))


def lines(ws: list[Word], width: float) -> list[list[Word]]:
    """Words broken greedily into lines no wider than width (a word wider than a line has a line of its own)."""
    out: list[list[Word]] = []
    line: list[Word] = []
    used = 0.0
    for w in ws:
        need = w.width if not line else used + line[-1].space + w.width
        if line and need > width + EPSILON:
            out.append(line)
            line, need = [], w.width
        line.append(w)
        used = need
    if line:
        out.append(line)
    return out


def line_width(line: list[Word]) -> float:
    return sum(w.width for w in line) + sum(w.space for w in line[:-1])


def visual(line: list[Word]) -> list[Word]:
    """A right-to-left line's words from left to right: left-to-right groups keep their order, the rest runs
    right to left."""
    kinds = [w.kind for w in line]
    for i, k in enumerate(kinds):  # a neutral word between two left-to-right ones runs with them
        if k == "N":
            before = next((kinds[j] for j in range(i - 1, -1, -1) if kinds[j] != "N"), "R")
            after = next((kinds[j] for j in range(i + 1, len(kinds)) if kinds[j] != "N"), "R")
            kinds[i] = "L" if before == after == "L" else "R"
    groups: list[tuple[str, list[Word]]] = []
    for w, k in zip(line, kinds, strict=True):
        if k == "L" and groups and groups[-1][0] == "L":
            groups[-1][1].append(w)
        else:
            groups.append((k, [w]))
    return [w for _, g in reversed(groups) for w in g]


def draw(canvas: Any, ws: list[Word], width: float, height: float, leading: float, size: float, align: int) -> None:
    """The lines of a right-to-left paragraph, right-aligned in width (centred when its style centres), the first
    baseline a font size under the top, as ReportLab sets a paragraph."""
    y = height - size
    for line in lines(ws, width):
        w = line_width(line)
        x = (width - w) / 2 if align == TA_CENTER else width - w
        tx = canvas.beginText()
        note = canvas.actual(" ".join(word.text for word in line))
        order = visual(line)
        for n, word in enumerate(order):
            pieces = reversed(word.pieces) if word.kind == "R" else word.pieces
            for piece in pieces:
                x, note = _piece(tx, piece, x, y, note, canvas)
            if n + 1 < len(order):
                x += word.space
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
