"""A wrapped paragraph -> the text operators ReportLab's drawPara would write for it, as data (read by operators.py).

Drawn on the Recorder, a paragraph's every position and colour is formatted as PDF text by ReportLab, then parsed
back by layout/operators.py. For the paragraphs brochure sets (no background, border, bullet, inline image, end
dots, automatic leading or right-to-left word wrap; links over a whole one-style paragraph, as a contact line is, or
inside a styled one, as a note's source is, underlined or struck through as thick as the markup says) this gives the
same operators without the text, the same link notes and the same lines under (or through) the words (but under
an indented one-style paragraph's words on its every line: `_under0`): the same sequence, each number rounded as
ReportLab writes it (`fp_str`), so the frames read are the same to the last digit. Any other paragraph gives None
and is drawn by ReportLab. Follows ReportLab 5.1's `Paragraph.drawPara`, `_putFragLine`, `_do_post_text`,
`_do_link_line`, `_doLink`, `_do_under_line`, the `_*DrawParaLine*` functions and `PDFTextObject`;
tests/test_setting.py reads every shipped edition's paragraphs both ways and compares the frames.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise
from typing import Any

from reportlab.lib.colors import CMYKColor, CMYKColorSep, Color
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.pdfbase.ttfonts import ShapedStr
from reportlab.platypus import paragraph as rl_paragraph

from brochure.layout.model import SOFT_HYPHEN

# An operator and its operands, as layout/operators.py's Reader.replay takes them: numbers as read back from
# ReportLab's text; "ut" takes (words, font name, size), the words a text object writes.
Op = tuple[str, tuple[Any, ...]]

_ALIGNMENTS = (TA_LEFT, TA_CENTER, TA_RIGHT, TA_JUSTIFY)
_SCHEME = re.compile("^[a-zA-Z][-+a-zA-Z0-9]+$")  # paragraph.py's _scheme_re
_TRAILING = rl_paragraph._wsc_end_search  # white space at a piece's end (`_trailingSpaceLength`)


@lru_cache(maxsize=4096)
def fx(v: float) -> float:
    """A number as ReportLab writes it and the reader reads it back; remembered (a build rounds about 1,900 numbers,
    most of them seen before: font sizes, leadings, the columns' edges; 0.0 and -0.0 both write "0")."""
    return float(fp_str(v))


# -- a hyphen added where a line breaks at a soft hyphen ---------------------------------------------------------
# ReportLab prints a word broken at a soft hyphen with '-' at the line's end, as it prints a hyphen typed; a reader
# of the PDF (a screen reader, a copy) then reads two words, "Mikronadelungs- behandlung". A tagged PDF represents
# such a hyphen by U+00AD (PDF Reference 1.7, "Incidental Artifacts"; by a ToUnicode mapping or an /ActualText):
# here the hyphen is its own run whose words are "\xad" (a Span with that /ActualText, render/structure.py), drawn
# with the font's hyphen as before. A plain paragraph's broken piece is marked when its lines are broken
# (`mark_breaks`); a styled one's lines are read where they are drawn (`broken_lines`). A paragraph ReportLab draws
# itself (not `_plain`) and a right-to-left one keep a hyphen that reads as typed.


class BrokenWord(rl_paragraph._SHYStr):  # type: ignore[misc]
    """A plain paragraph's word piece before the soft hyphen its line broke at, ending in the '-' added there."""


def mark_breaks(lines: Any, hyphenations: int) -> Any:
    """A plain paragraph's lines (ReportLab's kind 0) with each piece of a word broken at a soft hyphen marked
    (`BrokenWord`): a line's last word that had soft hyphens and ends in '-' where the next line starts with the
    rest of such a word. A word with soft hyphens that ends in a typed hyphen, before another with soft hyphens,
    looks the same: the pieces are marked when there are as many as the breaking counted (`hyphenations`), else
    none. The mark stays with the piece when a paragraph is split and its parts broken again."""
    if getattr(lines, "kind", 1) != 0:
        return lines
    shy = rl_paragraph._SHYStr
    ends = []
    for (_, words), (_, after) in zip(lines.lines, lines.lines[1:], strict=False):
        w: Any = words[-1] if words else None
        if type(w) is shy and w.endswith("-") and after and isinstance(after[0], shy):
            ends.append(words)
    if len(ends) != hyphenations:
        return lines
    for words in ends:
        piece = str.__new__(BrokenWord, words[-1])
        piece.__dict__.update(words[-1].__dict__)
        words[-1] = piece
    return lines


def single_spaced(lines: Any) -> Any:
    """A styled paragraph's lines (ReportLab's kind 1) with no space doubled between two pieces: the rest of a word
    broken at a soft hyphen whose last piece was styled ("Eispickel- / *narben*  brauchen") kept the space after
    it, which the next piece begins with too. The space given up is the line's again (`extraSpace`), as if it had
    been broken so. (ReportLab's parse makes one space of any run of them: two are never the words'.)"""
    if getattr(lines, "kind", 0) != 1:
        return lines
    for line in lines.lines:
        for a, b in pairwise(line.words):
            if a.text.endswith(" ") and b.text.startswith(" "):
                a.text = a.text[:-1]
                line.extraSpace += stringWidth(" ", a.fontName, a.fontSize)
    return lines


def broken_lines(lines: list[Any], hyphenations: int) -> set[int]:
    """The indices of a styled paragraph's lines (ReportLab's kind 1) that end in a hyphen added at a soft hyphen:
    ReportLab ends such a line with an empty break piece after the word's first part, whose '-' it added; a line
    that ends a word typed with '-' before a word that went to the next line whole ends so too. So the lines are
    taken when there are as many as the breaking counted words broken at soft hyphens, else none (their hyphens
    then read as typed)."""
    ends = {i for i, line in enumerate(lines[:-1]) if ends_broken(line.words)}
    return ends if len(ends) == hyphenations else set()


def ends_broken(words: list[Any]) -> bool:
    """Whether a styled line's pieces end as ReportLab ends one broken at a soft hyphen: a piece ending in '-', then
    an empty break piece (or a typed hyphen before a word gone whole to the next line: `broken_lines`)."""
    if not words or words[-1].text or getattr(words[-1], "_fkind", None) != rl_paragraph._FK_BREAK:
        return False
    inked = [f.text for f in words[:-1] if f.text]
    return bool(inked) and inked[-1].endswith("-")


class _Text:
    """The operators of one text object, with ReportLab's own merging of adjacent moves and rises."""

    def __init__(self, ops: list[Op], x: float, y: float) -> None:
        self.ops = ops
        self.start = len(ops)
        ops.append(("BT", ()))
        ops.append(("Tm", (1.0, 0.0, 0.0, 1.0, fx(x), fx(y))))
        self.leading: float | None = None
        self.font: tuple[str, float] | None = None

    def _last(self, op: str) -> bool:
        return len(self.ops) > self.start + 1 and self.ops[-1][0] == op

    def x_pos(self, dx: float) -> None:
        """ReportLab's setXPos (the module's: no move under a millionth of a point), merged into a move just
        before it as PDFTextObject.moveCursor merges."""
        if not (dx > 1e-6 or dx < -1e-6):
            return
        dy = 0.0
        if self._last("Td"):
            last = self.ops.pop()[1]
            dx += last[0]
            dy -= last[1]
        self.ops.append(("Td", (fx(dx), fx(-dy))))

    def word_space(self, ws: float) -> None:
        self.ops.append(("Tw", (fx(ws),)))

    def set_leading(self, leading: float) -> None:
        self.leading = leading
        self.ops.append(("TL", (fx(leading),)))

    def rise(self, rise: float) -> None:
        if self._last("Ts"):
            self.ops.pop()
        self.ops.append(("Ts", (fx(rise),)))

    def text_out(self, text: str, t_star: bool, broken: bool = False) -> None:
        """`_textOut`: the words (and the leading our Recorder notes with them), then T* at a line's end; words
        `broken` at a soft hyphen with their added hyphen a run of its own, standing for U+00AD."""
        assert self.font is not None
        if broken:
            self.text_out(text[:-1], False)
            self.ops.append(("at", (SOFT_HYPHEN,)))
            text = "-"
        self.ops.append(("ut", (text, *self.font)))
        if text:
            self.ops.append(("TL", (fx(self.leading if self.leading is not None else 0.0),)))
        if t_star:
            self.ops.append(("T*", ()))


def colour_ops(ops: list[Op], c: Any, stroke: bool = False) -> bool:
    """A fill colour as ReportLab's setFillColor writes it (a `stroke` colour: setStrokeColor) and the opacity our
    Recorder notes beside it; False for what the reader would not read back alike (a spot colour, anything but a
    ReportLab colour)."""
    if isinstance(c, CMYKColorSep) or not isinstance(c, Color):
        return False
    if isinstance(c, CMYKColor):
        d = c.density
        ops.append(
            ("K" if stroke else "k", tuple(fx(v) for v in (d * c.cyan, d * c.magenta, d * c.yellow, d * c.black)))
        )
    else:
        ops.append(("RG" if stroke else "rg", (fx(c.red), fx(c.green), fx(c.blue))))
    alpha = getattr(c, "alpha", None)
    if alpha is not None:
        if not (isinstance(alpha, float | int) and 0 <= alpha <= 1):
            return False
        ops.append(("BA" if stroke else "ba", (float(f"{float(alpha):.4f}"),)))
    return True


def thickness_given(width: Any) -> bool:
    """Whether an underline's thickness is given (by the markup, `uwidth`, or the style): where it is not, ReportLab
    draws it as thick as the canvas's line happens to be, which the paragraph's data cannot know."""
    return width is not None and not (isinstance(width, str) and not width.strip())


def rule_ops(ops: list[Op], spec: Any, values: dict[str, float], span: tuple[float, float, float], ink: Any) -> bool:
    """One underline (or strike-through) of a line as ReportLab's `_do_under_line` and `_do_post_text` draw it:
    `spec` is ReportLab's (number, kind, colour, width, offset, rise, repeats, gap), `values` the sizes its widths
    and offsets are shares of (L, f, F), `span` (x1, x2, the baseline), `ink` the words' colour (the line's where
    the markup gives none); False where it would read otherwise (a width not given: the canvas's own at the time)."""
    colour = spec[2]
    x1, x2, base = span
    placed = rule_place(spec, values, base)
    if placed is None:
        return False
    lw, heights = placed
    ops.append(("w", (fx(lw),)))
    if not colour_ops(ops, colour or ink, stroke=True):
        return False
    for y in heights:
        ops += [("n", ()), ("m", (fx(x1), fx(y))), ("l", (fx(x2), fx(y))), ("S", ())]
    return True


def rule_place(spec: Any, values: dict[str, float], base: float) -> tuple[float, list[float]] | None:
    """An underline's (or strike-through's) thickness and the height of each of its lines over a baseline, as
    ReportLab's `_do_post_text` works them out (`spec` and `values` as `rule_ops` takes them); None where its
    thickness is not given."""
    _, kind, _, width, offset, rise, repeats, gap = spec
    if not thickness_given(width):
        return None
    under = kind == "underline"
    lw = float(rl_paragraph._usConv(width, values))
    step = lw + float(rl_paragraph._usConv(gap, values, default=1))
    y = (
        base
        + rise
        + float(rl_paragraph._usConv(offset if offset != "" else ("-0.125*L" if under else "0.25*L"), values))
    )
    heights: list[float] = []
    while repeats > 0:
        heights.append(y)
        y -= step if under else -step
        repeats -= 1
    return lw, heights


def _plain(p: Any) -> bool:
    """Whether drawPara would draw nothing but text lines (what this module follows)."""
    style = p.style
    if p.debug or style.backColor or (getattr(style, "borderColor", None) and getattr(style, "borderWidth", None)):
        return False
    if p.bulletText or "_offsets" in p.__dict__ or getattr(style, "endDots", None):
        return False
    auto = getattr(p, "autoLeading", getattr(style, "autoLeading", ""))
    return auto not in ("max", "min") and style.wordWrap != "RTL" and style.alignment in _ALIGNMENTS


def _top(p: Any, first: Any) -> float:
    """drawPara's first baseline: the top less the first line's font size, or its ascent where ReportLab's
    settings say (`paraFontSizeHeightOffset` off, as RL_paraFontSizeHeightOffset=0 in the environment does)."""
    if rl_paragraph.paraFontSizeHeightOffset:
        return float(p.height - first.fontSize)
    return float(p.height - getattr(first, "ascent", first.fontSize))


def dynamic(name: str) -> bool:
    return bool(getattr(getFont(name), "_dynamicFont", False))


def paragraph_ops(p: Any, x: float, y: float) -> list[Op] | None:
    """The operators a wrapped Paragraph drawn at (x, y) writes (drawOn, then drawPara), or None where they
    would be other than text lines (then ReportLab draws it)."""
    if not _plain(p):
        return None
    bl = p.blPara
    ops: list[Op] = [("q", ()), ("cm", (1.0, 0.0, 0.0, 1.0, fx(x), fx(y)))]  # drawOn: saveState, translate
    lines = bl.lines
    if lines:
        done = _kind0(p, bl, ops) if bl.kind == 0 else _kind1(p, lines, ops)
        if not done:
            return None
    ops.append(("Q", ()))
    return ops


def _last_line(p: Any, i: int, n: int, count: int) -> bool:
    last = not getattr(p, "_JustifyLast", False) and i == n - 1
    jllwc = p.style.justifyLastLine
    return not (last and jllwc and count > jllwc) and last


def _kind0(p: Any, bl: Any, ops: list[Op]) -> bool:
    """One font and colour throughout: ReportLab's kind 0 lines, (spare room, words)."""
    style = p.style
    if not dynamic(bl.fontName):
        return False
    ops.append(("q", ()))
    if not colour_ops(ops, bl.textColor):
        return False
    top = _top(p, bl)
    tx = _Text(ops, style.leftIndent, top)
    tx.font, tx.leading = (bl.fontName, bl.fontSize), style.leading
    links: list[Op] = []  # (the canvas's link notes and lines, written as each line is: before the text object's)
    n = len(bl.lines)
    for i, (spare, words) in enumerate(bl.lines):
        if any(isinstance(w, ShapedStr) for w in words):
            return False
        offset = style.firstLineIndent if i == 0 else 0.0
        last = _last_line(p, i, n, len(words))
        x = _line0(tx, style.alignment, offset, spare, words, last) + style.leftIndent  # (where its words start)
        if not _under0(p, bl, links, (i, x, 0.0 if style.alignment != TA_JUSTIFY or last else spare), words):
            return False
        for _, url in bl.link or ():  # `_do_link_line`: the line's words, as wide as they measure unspread
            y = top - i * style.leading - bl.fontSize / 8.0
            width = stringWidth(" ".join(words), bl.fontName, bl.fontSize)
            links += _link(url, (x, y, x + width, y + style.leading))
    ops[tx.start : tx.start] = links
    ops.append(("ET", ()))
    ops.append(("Q", ()))
    return True


def _under0(p: Any, bl: Any, ops: list[Op], line: tuple[int, float, float], words: list[str]) -> bool:
    """`_do_under_line`: a one-style paragraph's underlines (and strike-throughs) under line i, from where its words
    start (`x1`, the paragraph's left indent included), as wide as they measure and the room a justified line
    spreads them over (`spare`). Unlike ReportLab, whose lines after the first start theirs without the left indent
    (a paragraph wholly a link, indented 12 pt: its second line's underline began 12 pt left of its words)."""
    i, x1, spare = line
    if not bl.us_lines:
        return True
    fs = bl.fontSize
    x2 = x1 + stringWidth(" ".join(words), bl.fontName, fs) + spare
    base = _top(p, bl) - i * p.style.leading
    values = {"L": fs, "F": fs, "f": fs}
    return all(rule_ops(ops, spec, values, (x1, x2, base), bl.textColor) for spec in bl.us_lines)


def _spaces(words: list[str]) -> int:
    """The spaces a line's word spacing (Tw) widens or narrows: those between its words. ReportLab counts its
    no-break spaces too, but a PDF applies Tw to character code 32 alone (a TrueType subset's no-break space has
    another): its shrunk lines printed wider than their column (by the no-break spaces' share)."""
    return len(words) - 1


def _line0(tx: _Text, alignment: int, offset: float, spare: float, words: list[str], last: bool) -> float:
    """`_leftDrawParaLine`, `_centerDrawParaLine`, `_rightDrawParaLine`, `_justifyDrawParaLine`; what they return
    (where the line starts, from the paragraph's indent)."""
    text = " ".join(words)
    broken = bool(words) and isinstance(words[-1], BrokenWord)
    if alignment == TA_JUSTIFY:
        tx.x_pos(offset)
        simple = (-1e-8 < spare <= 1e-8) or (last and spare > -1e-8) or _spaces(words) <= 0
        _spread(tx, text, spare, words, simple, broken)
        tx.x_pos(-offset)
        return offset
    simple = spare > -1e-8 or _spaces(words) <= 0
    if alignment == TA_LEFT:
        tx.x_pos(offset)
        _spread(tx, text, spare, words, simple, broken)
        tx.x_pos(-offset)
        return offset
    m = offset
    if simple:
        m = offset + (0.5 * spare if alignment == TA_CENTER else spare)
        tx.x_pos(m)
        tx.text_out(text, True, broken)
    else:
        tx.word_space(spare / float(_spaces(words)))
        tx.x_pos(m)
        tx.text_out(text, True, broken)
        tx.word_space(0)
    tx.x_pos(-m)
    return m


def _link(url: str, rect: tuple[float, float, float, float]) -> list[Op]:
    """`_doLink`: a link over rect (in the paragraph's coordinates), as the Recorder notes it; none for a link
    within the document (ReportLab's linkRect, which the frames do not carry)."""
    if not url or url.startswith("#"):
        return []
    parts = url.split(":", 1)
    scheme = parts[0].lower() if len(parts) == 2 else ""
    if scheme == "document":
        return []
    if scheme == "pdf" and _SCHEME.match(scheme):
        url = parts[1]
    return [("link", (url, rect))]


def _spread(tx: _Text, text: str, spare: float, words: list[str], simple: bool, broken: bool) -> None:
    if simple:
        tx.text_out(text, True, broken)
    else:
        tx.word_space(spare / float(_spaces(words)))
        tx.text_out(text, True, broken)
        tx.word_space(0)


def _kind1(p: Any, lines: list[Any], ops: list[Op]) -> bool:
    """Several fonts or colours: ReportLab's kind 1 lines of styled pieces."""
    style = p.style
    for line in lines:
        for f in line.words:
            if hasattr(f, "cbDefn"):
                return False
            if getattr(f, "backColor", None) or isinstance(f.text, ShapedStr) or not dynamic(f.fontName):
                return False
    ops.append(("q", ()))
    top = _top(p, lines[0])
    tx = _Text(ops, style.leftIndent, top)
    state: dict[str, Any] = {"colour": None, "rise": 0}
    links: list[Op] = []  # (the canvas's link notes and lines, written line by line: before the text object's code)
    y = top  # `xs.cur_y`: each line's baseline, as drawPara steps it down
    n = len(lines)
    broken = broken_lines(lines, getattr(p, "_hyphenations", 0))
    for i, line in enumerate(lines):
        offset = style.firstLineIndent if i == 0 else 0.0
        put = _line1(tx, style, offset, line, _last_line(p, i, n, line.wordCount), state, i in broken)
        if put is None:
            return False
        spans, unders = put
        for (((_, url), x1), lo, hi), x2 in sorted(spans.values()):  # `_do_post_text`
            links += _link(url, (x1, y + lo, x2, y + hi))
        for ((spec, fs, ink, x1), fs_max), x2 in sorted(unders.values()):
            if not rule_ops(links, spec, {"L": lines[0].fontSize, "f": fs, "F": fs_max}, (x1, x2, y), ink):
                return False
        y -= style.leading
    ops[tx.start : tx.start] = links
    ops.append(("ET", ()))
    ops.append(("Q", ()))
    return True


Spans = dict[Any, Any]  # `_putFragLine`'s links of a line: (n, url) -> (((n, url), x1), low, high), x2
# and its underlines: spec -> ((spec, font size, colour, x1), largest font size), x2


def _line1(
    tx: _Text, style: Any, offset: float, line: Any, last: bool, state: dict[str, Any], broken: bool
) -> tuple[Spans, Spans] | None:
    """`_leftDrawParaLineX` and its kin, around `_putFragLine`: the line's links and underlines, or None (not
    followed); a line `broken` at a soft hyphen has its added hyphen apart."""
    spare = line.extraSpace
    alignment = style.alignment
    spaces = line.wordCount - 1  # (Tw's: no no-break space, `_spaces`)
    if alignment == TA_JUSTIFY:
        tx.x_pos(offset)
        simple = line.lineBreak or (-1e-8 < spare <= 1e-8) or (last and spare > -1e-8) or spaces <= 0
        m = offset
    else:
        simple = spare > -1e-8 or spaces <= 0
        m = offset
        if alignment == TA_LEFT:
            tx.x_pos(offset)
        elif simple:
            m = offset + (0.5 * spare if alignment == TA_CENTER else spare)
            tx.x_pos(m)
    ws = 0.0 if simple else spare / float(spaces)  # (`tx._wordSpace`, as set: unrounded)
    if not simple:
        tx.word_space(ws)
    put = _put(tx, style, line, state, m, ws, broken)
    if put is None:
        return None
    if not simple:
        tx.word_space(0)
    tx.x_pos(-m)
    return put


def _put(
    tx: _Text, style: Any, line: Any, state: dict[str, Any], at: float, ws: float, broken: bool
) -> tuple[Spans, Spans] | None:
    """`_putFragLine` for pieces of words only: their operators, where each link runs (from the start of the
    piece it begins in to the end of the words before the piece it ends at, or to the line's end; from the lowest
    to the highest of its pieces, by their size and rise) and where each underline runs (alike, from where the
    piece it begins in starts once spread; with the largest size of its pieces), or None."""
    if tx.leading != style.leading:
        tx.set_leading(style.leading)
    words = line.words
    hyphen = max((i for i, f in enumerate(words) if f.text), default=-1) if broken else -1  # (its last inked piece)
    cur_x = at + style.leftIndent
    spaces = 0
    active: list[Any] = []  # (`AL`)
    spans: Spans = {}
    under: list[Any] = []  # (`LL`)
    unders: Spans = {}
    for i, f in enumerate(words):
        end_x = start_x = cur_x + spaces * ws  # (`cur_x_s`)
        if i > 0 and tx.font is not None:
            trailing = _TRAILING(words[i - 1].text)  # (measured in the font set before this piece's)
            end_x -= stringWidth(trailing.group(), *tx.font) if trailing else 0
        tx.font = (f.fontName, f.fontSize)
        if state["colour"] != f.textColor:
            state["colour"] = f.textColor
            if not colour_ops(tx.ops, f.textColor):
                return None
        if state["rise"] != f.rise:
            state["rise"] = f.rise
            tx.rise(f.rise)
        link, lines = f.link, getattr(f, "us_lines", None) or []
        if under != lines:
            for ended in set(under) - set(lines):
                unders[ended] = (unders[ended], end_x)
        if active != link:
            for ended in set(active) - set(link):
                spans[ended] = (spans[ended], end_x)
        tx.text_out(f.text, f is words[-1], i == hyphen)
        if under != lines:
            for begun in set(lines) - set(under):
                unders[begun] = ((begun, f.fontSize, f.textColor, start_x), f.fontSize)
            under = lines
        for k in under:
            if f.fontSize > unders[k][1]:
                unders[k] = (unders[k][0], f.fontSize)
        low, high = f.rise - 0.2 * f.fontSize, f.rise + f.fontSize
        if active != link:
            for begun in set(link) - set(active):
                spans[begun] = ((begun, cur_x), low, high)
            active = link
        for n in active:
            start, lo, hi = spans[n]
            if low < lo or high > hi:
                spans[n] = (start, min(low, lo), max(high, hi))
        cur_x += stringWidth(f.text, f.fontName, f.fontSize)
        spaces += f.text.count(" ")
    for k in under:
        unders[k] = (unders[k], cur_x + (spaces - 1) * ws)
    for n in active:
        spans[n] = (spans[n], cur_x + (spaces - 1) * ws)
    return spans, unders
