"""A paragraph's fragments (font, size, colour, link per piece of text) -> its words shaped with HarfBuzz, broken
into lines on their shaped widths, each line in visual order by the Unicode bidirectional algorithm (layout/bidi.py:
levels for the paragraph, rules L1 and L2 for each line), drawn glyph by glyph where HarfBuzz moves a glyph from
where the font's own advance would put it, with a link annotation over the words of each link and a line under
the words the markup underlines (a link in the office editions, in its colour: `_rules`); on the Recorder, the same
operators are given as data (`ops`, as layout/setting.py gives a left-to-right paragraph's), not drawn and read
back.

What is drawn is noted with the words as written (`Recorder.actual`), which the PDF's structure carries as a Span
element's /ActualText (render/structure.py): each line is drawn in the order it was written (its pieces placed
where they show), one note for the line, or one for each stretch in or out of a link, so a screen reader reads the
words as written and a link's words are its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterator
from dataclasses import replace
from functools import lru_cache
from typing import Any

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.pdfbase.pdfmetrics import stringWidth

from brochure.frozen import frozen
from brochure.inputs.chars import NBSP
from brochure.inputs.inline import BRACKETED
from brochure.layout import bidi, together
from brochure.layout.setting import Op, colour_ops, dynamic, fx, rule_place
from brochure.remembered import Kept
from brochure.theme.shaping import Glyph, Shaped, shape
from brochure.vocabulary import LANGUAGE_LINK

EPSILON = 0.005  # pt: closer than this, a glyph is where the font's own advance puts it
SOFT_HYPHEN = "\u00ad"  # where a word may break: a Word's `after`, a '-' printed only where its line ends there
WORDS_KEPT = 256  # paragraphs' words kept for the next attempt or build (an Arabic tri-fold sets 119 a build; 2 MB)
OPS_KEPT = 128  # paragraphs' operators kept for the next build (an Arabic tri-fold draws 71, its large print 94; 3 MB)


@frozen
class Piece:
    """Part of a word in one fragment: shaped in its font and size, drawn in its colour and rise, underlined as its
    fragment is (ReportLab's `us_lines` entries of kind "underline": number, kind, colour, width, offset, rise,
    repeats, gap)."""

    shaped: Shaped
    colour: Any
    rise: float
    underlines: tuple[tuple[Any, ...], ...] = ()


@frozen
class Word:
    """A stretch of a word in one fragment at one embedding level (odd: right to left): its piece, the space after
    it (0 inside a word) and that space's level, whether a line may end after it, the link it is part of and its
    language where it is another than the leaflet's. An isolate the algorithm was given is a word with no text
    (nothing is drawn for it)."""

    piece: Piece
    level: int
    space: float
    after: str = " "  # what follows it: a space, a no-break space, "" (inside a word), "\n" (<br/>)
    space_level: int = 0
    link: str = ""
    language: str = ""  # its words' language where it is not the leaflet's (a link to "lang:TAG" in markup)

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


@frozen
class Paragraph:
    """A right-to-left paragraph's words, and its level (1: right to left; 0: a left-to-right paragraph with a
    right-to-left word in a left-to-right leaflet)."""

    words: list[Word]
    level: int


def words(frags: list[Any], rtl_leaflet: bool) -> Paragraph:
    """A paragraph's fragments as shaped words, each cut where its fragment or its level changes; the paragraph's
    level from the leaflet's direction (a right-to-left leaflet's paragraphs read right to left, whatever letter
    they begin with), else from its first letter."""
    chars: list[str] = []
    owner: list[int] = []  # the fragment of each character
    for n, frag in enumerate(frags):
        if getattr(frag, "lineBreak", False):
            chars.append("\u2028")
            owner.append(n)
            continue
        text = getattr(frag, "text", "")
        chars.extend(text)
        owner.extend([n] * len(text))
    text = "".join(chars)
    base = bidi.paragraph_level(text, rtl_leaflet)
    frag_urls = [_url(frag) for frag in frags]
    urls = tuple(frag_urls[n] for n in owner)
    cuts = _cuts(text, tuple(owner), urls, base, _citations(text, [_raised(frags[n]) for n in owner]))
    out: list[Word] = []
    for c in cuts:
        link, language = _link_and_language(frags[c.frag])
        word = _word(frags[c.frag], c.text, c.level, c.after, c.space_level, link, context=c.context)
        out.append(replace(word, language=language) if language else word)
    return Paragraph(out, base)


_kept_words: Kept[Paragraph] = Kept(WORDS_KEPT)
_kept_ops: Kept[tuple[Op, ...] | None] = Kept(OPS_KEPT)


def remembered_words(key: Hashable | None, frags: list[Any], rtl_leaflet: bool) -> Paragraph:
    """`words`, remembered by `key` (what the fragments are made of: the markup, the style's values and its colours'
    values, layout/parsed.py), the last WORDS_KEPT of them: a layout makes each paragraph again for every size and
    plan it tries (an Arabic tri-fold 194 paragraphs a build, 120 of them different), and a rebuild makes them all
    again. The words are frozen and each paragraph is given its own list of them; None: worked out anew."""
    if key is None:
        return words(frags, rtl_leaflet)
    known = _kept_words.answer(key, lambda: words(frags, rtl_leaflet))
    return Paragraph(list(known.words), known.level)


@frozen
class _Cut:
    """Where a word was cut (`_cuts`): its fragment, text, level, what follows it and at which level, its link, and
    the rest of its word on either side."""

    frag: int
    text: str
    level: int
    after: str
    space_level: int
    link: str
    context: tuple[str, str]


def _raised(frag: Any) -> bool:
    return float(getattr(frag, "rise", 0) or 0) > 0


BRACKETED_CITATION = re.compile(re.escape(BRACKETED[:-1]) + r"(\[\d+(?:[,-]\d+)*\])")  # large print's ' [1,3-5]'


def _citations(text: str, raised: list[bool]) -> tuple[tuple[int, int], ...]:
    """Where the paragraph's citations' numbers are: each stretch of raised characters (only a citation's number is
    raised, layout/citations.py) and each number in brackets after a no-break space (large print's, its brackets
    with it)."""
    out = [m.span(1) for m in BRACKETED_CITATION.finditer(text)]
    start = None
    for i, up in enumerate([*raised, False]):
        if up and start is None:
            start = i
        elif not up and start is not None:
            out.append((start, i))
            start = None
    return tuple(sorted(out))


@lru_cache(maxsize=256)
def _cuts(
    text: str, owner: tuple[int, ...], urls: tuple[str, ...], base: int, cites: tuple[tuple[int, int], ...] = ()
) -> tuple[_Cut, ...]:
    """The paragraph's words as the bidirectional algorithm and its fragments cut them; remembered, as a layout
    sets the same paragraph at each size and page count it tries (only the characters, their fragments, links and
    citations and the paragraph's level decide it)."""
    marked, index = bidi.isolated(text, _spans(list(urls)), base, cites)
    lv = bidi.levels(marked, base)
    return tuple(_cut(marked, index, lv, owner, urls))


def _url(frag: Any) -> str:
    """What a fragment's words are isolated by, as one link's: its innermost link (words in another language: the
    link to "lang:TAG" that says so, where they are in no other)."""
    link = getattr(frag, "link", None) or ()
    return str(link[-1][1]) if link else ""


def _link_and_language(frag: Any) -> tuple[str, str]:
    """A fragment's innermost link, and its words' language where the markup says it is another (LANGUAGE_LINK)."""
    link, language = "", ""
    for _, url in getattr(frag, "link", None) or ():
        url = str(url)
        if url.startswith(LANGUAGE_LINK):
            language = url[len(LANGUAGE_LINK) :]
        else:
            link = url
    return link, language


def _spans(urls: list[str]) -> list[tuple[int, int]]:
    """Where each link's words start and end in the paragraph's text."""
    out: list[tuple[int, int]] = []
    for i, url in enumerate(urls):
        if url and (i == 0 or urls[i - 1] != url):
            out.append((i, i))
        if url and out and out[-1][1] == i:
            out[-1] = (out[-1][0], i + 1)
    return out


def _cut(marked: str, index: list[int], lv: list[int], owner: tuple[int, ...], urls: tuple[str, ...]) -> list[_Cut]:
    """The characters (isolates among them) as words: cut at spaces, line breaks, isolates and where the fragment
    or the level changes."""
    out: list[_Cut] = []
    run: list[str] = []
    at: tuple[int, int] = (0, 0)  # the run's fragment and level

    def emit(after: str = "", space_level: int = 0) -> None:
        frag, level = at
        context = _context(marked, start, start + len(run))
        out.append(_Cut(frag, "".join(run), level, after, space_level, urls_of[frag], context))
        run.clear()

    urls_of = {owner[i]: urls[i] for i in range(len(owner))}
    last_frag = 0
    start = 0  # where the run starts in marked
    for k, (ch, i, level) in enumerate(zip(marked, index, lv, strict=True)):
        if not run:
            start = k
        if i < 0:  # an isolate: a word of its own, glued to what is around it
            if run:
                emit()
            at = (last_frag, level)
            emit()
            continue
        frag = owner[i]
        last_frag = frag
        if ch == SOFT_HYPHEN:  # (a place the word may break: its pieces are words glued by it, nothing printed)
            if run:
                emit(SOFT_HYPHEN, level)
            continue
        if ch in bidi.SPACES:
            after = "\n" if ch == "\u2028" else ch
            if run:
                emit(after, level)
            elif out:
                out[-1] = replace(out[-1], after=after, space_level=level)
            continue
        if run and at != (frag, level):
            emit()
            start = k
        at = (frag, level)
        run.append(ch)
    if run:
        emit()
    return out


CONTEXT = 8  # characters of a word either side of a piece that HarfBuzz sees to join the piece's letters to them


def _context(marked: str, start: int, end: int) -> tuple[str, str]:
    """The letters of the word on either side of marked[start:end], up to a space, a line break or an isolate."""
    stops = (*bidi.SPACES, *bidi.ISOLATES)
    a = start
    while a > max(0, start - CONTEXT) and marked[a - 1] not in stops:
        a -= 1
    b = end
    while b < min(len(marked), end + CONTEXT) and marked[b] not in stops:
        b += 1
    return marked[a:start], marked[end:b]


def _word(
    frag: Any,
    text: str,
    level: int,
    after: str,
    space_level: int,
    link: str,
    piece: Piece | None = None,
    context: tuple[str, str] = ("", ""),
) -> Word:
    font, size = frag.fontName, float(frag.fontSize)
    if piece is None:
        direction = "rtl" if level % 2 else "ltr"
        shaped = shape(text, font, size, direction, context) if text else Shaped("", font, size, (), False)
        rules = tuple(u for u in getattr(frag, "us_lines", None) or () if u[1] == "underline")
        piece = Piece(shaped, frag.textColor, float(getattr(frag, "rise", 0) or 0), rules)
    space = _space_width(after, font, size) if after in (" ", NBSP) else 0.0
    return Word(piece, level, space, after, space_level, link)


@lru_cache(maxsize=1024)
def _space_width(space: str, font: str, size: float) -> float:
    """A space's width in a registered face (its name is unique to its file: the same width in every build)."""
    return float(stringWidth(space, font, size))


def lines(ws: list[Word], width: float, parts: bool = True) -> list[list[Word]]:
    """Words broken into lines no wider than width, at spaces, soft hyphens and forced breaks only (words glued
    together stay on one line, which may then run past width, as a word longer than the line does; a line that ends
    at a soft hyphen prints a '-' there, `_hyphenated`): greedily, then with what
    belongs together kept on a line and no last word alone on the last line, as layout/together.py keeps
    ReportLab's lines, where the line giving up its last word keeps MIN_FILL of the width (`parts`: whether the
    paragraph may have words to keep together, `together.may_part`)."""
    units: list[list[Word]] = []
    for w in ws:
        if units and units[-1][-1].glued:
            units[-1].append(w)
        else:
            units.append([w])
    out = _greedy(units, width)
    start = 0
    for _ in range(together.MOVES if parts else 0):
        i = next((k for k in range(start, len(out) - 1) if _parted(out[k], out[k + 1])), None)
        if i is None:
            break
        if len(out[i]) == 1 and i > 0 and len(out[i - 1]) >= 3 and _may_give(out[i - 1], width):
            down = _greedy([out[i - 1][-1], *(u for line in out[i:] for u in line)], width)  # (a word alone, parted
            if len(down[0]) >= 2 and not _parted(out[i - 1][:-1], down[0]):  # from the next: the word before
                out[i - 1 :] = [out[i - 1][:-1], *down]  # it goes down to it, as together.py's `_down_with`)
                start = i
                continue
        if not _may_give(out[i], width):
            start = i + 1
            continue
        carried = out[i].pop()
        after = _greedy([carried, *(u for line in out[i + 1 :] for u in line)], width)
        if len(after) > 1 and len(after[0]) < 2:  # (it would stand alone: the word it goes with is too long for
            out[i].append(carried)  # a line with it, as together.py's `_alone`)
            start = i + 1
            continue
        out[i + 1 :] = after
        start = i
    runt = len(out) >= 2 and len(out[-1]) == 1 and _width(out[-1]) < together.RUNT * width
    if runt and len(out[-2]) >= 3 and _may_give(out[-2], width):
        moved = [out[-2][-1], out[-1][0]]
        if _width(moved) <= width + EPSILON and not _parted(out[-2][:-1], moved):
            out[-2:] = [out[-2][:-1], moved]
    return [_hyphenated([w for u in line for w in u]) for line in out]


def _hyphen_width(s: Shaped) -> float:
    return float(stringWidth("-", s.font, s.size))


def _hyphenated(line: list[Word]) -> list[Word]:
    """A line that ends where a word breaks at a soft hyphen, with a '-' printed at the piece's end (at its left in
    right-to-left letters); its text stays the word's as written, the soft hyphen after it (read whole)."""
    if not line or line[-1].after != SOFT_HYPHEN:
        return line
    last = line[-1]
    s = last.piece.shaped
    w = _hyphen_width(s)
    dash = Glyph("-", w, 0.0, 0.0, w)
    glyphs = (dash, *s.glyphs) if s.rtl else (*s.glyphs, dash)
    shaped = Shaped(s.text, s.font, s.size, glyphs, s.rtl)
    return [*line[:-1], replace(last, piece=replace(last.piece, shaped=shaped))]


def _greedy(units: list[list[Word]], width: float) -> list[list[list[Word]]]:
    """Units (words glued together) broken greedily into lines of units."""
    out: list[list[list[Word]]] = []
    line: list[list[Word]] = []
    widths = spaces = 0.0  # the line's words' widths and all their spaces, summed in order as line_width does
    for unit in units:
        wide, gaps = widths, spaces
        for word in unit:
            wide += word.width
        for word in unit[:-1]:
            gaps += word.space
        hyphen = _hyphen_width(unit[-1].piece.shaped) if unit[-1].after == SOFT_HYPHEN else 0.0  # (if it ends there)
        if line and (line[-1][-1].end or wide + gaps + hyphen > width + EPSILON):  # line_width(line + unit)
            out.append(line)
            line = []
            wide, gaps = 0.0, 0.0
            for word in unit:
                wide += word.width
            for word in unit[:-1]:
                gaps += word.space
        line.append(unit)
        widths, spaces = wide, gaps + unit[-1].space
    if line:
        out.append(line)
    return out


def _width(units: list[list[Word]]) -> float:
    return line_width([w for u in units for w in u])


def _texts(units: list[list[Word]]) -> list[str]:
    """The units' words as written, a no-break space kept where it joins two ('0117 496 0321' is no number)."""
    return ["".join(w.text + (NBSP if w.after == NBSP else "") for w in u) for u in units]


def _parted(line: list[list[Word]], after: list[list[Word]]) -> bool:
    """Whether a line ends with words that belong with those the next begins with (layout/together.py: it reads
    the line's last two words and the next line's first)."""
    return bool(line and after) and not line[-1][-1].end and together.parted(_texts(line[-2:]), _texts(after[:1]))


def _may_give(line: list[list[Word]], width: float) -> bool:
    """Whether a line may give up its last unit: it keeps another, MIN_FILL of the width, and no forced break."""
    return len(line) >= 2 and not line[-1][-1].end and _width(line[:-1]) >= together.MIN_FILL * width


def line_width(line: list[Word]) -> float:
    return sum(w.width for w in line) + sum(w.space for w in line[:-1])


def visual(line: list[Word], base: int) -> list[Word | float]:
    """A line's words and the spaces between them (as widths) from left to right: the bidirectional algorithm's
    rules L1 and L2 on the levels of its words, spaces and isolates."""
    items: list[tuple[int, bool, Word | float]] = []
    for i, w in enumerate(line):
        items.append((w.level, not w.text, w))
        if i < len(line) - 1 and w.space:
            items.append((w.space_level, True, w.space))
    return bidi.reorder(items, base)


def draw(canvas: Any, broken: list[list[Word]], level: int, width: float, height: float, style: Any) -> None:
    """The lines of a paragraph set by this module (`broken`: its words broken into lines at width, by `lines`):
    at the right of width in a right-to-left paragraph or where its style says, centred where it centres, else at
    the left; the first baseline a font size under the top, as ReportLab sets a paragraph in its style; a link
    annotation over each link's words as they show, and a line under the words underlined (`_rules`)."""
    for line, order, at, y in _placed_lines(broken, level, width, height, style):
        _links(canvas, order, at, y)
        for thick, colour, x1, x2, under in _rules(order, at, y):
            canvas.setLineWidth(thick)
            canvas.setStrokeColor(colour)
            canvas.line(x1, under, x2, under)
        tx = canvas.beginText()
        for drawn, text in _notes(line):
            note = canvas.actual(text)
            for word in drawn:
                _, note = _piece(tx, word.piece, at[id(word)], y, note, canvas)
        canvas.drawText(tx)


def ops(
    broken: list[list[Word]], level: int, width: float, height: float, style: Any, x: float, y: float
) -> list[Op] | None:
    """The operators `draw` writes on the Recorder for the paragraph drawn at (x, y) (as a Flowable is drawn: its
    state saved, moved there), as data (layout/setting.py's, read by operators.py's Reader.replay); None where
    the data would read otherwise (a spot colour; a font not embedded as a subset), and the paragraph draws."""
    return _at(_ops_body(broken, level, width, height, style), x, y)


def remembered_ops(
    key: Hashable | None,
    broken: list[list[Word]],
    level: int,
    width: float,
    height: float,
    style: Any,
    x: float,
    y: float,
) -> list[Op] | None:
    """`ops`, what follows the move to (x, y) remembered by `key` (the paragraph's words' key, `remembered_words`, with
    the width and height it is set in: the same words set alike), the last OPS_KEPT of them; None: worked out anew."""
    if key is None:
        return ops(broken, level, width, height, style, x, y)
    return _at(_kept_ops.answer(key, lambda: _ops_body(broken, level, width, height, style)), x, y)


def _at(body: tuple[Op, ...] | None, x: float, y: float) -> list[Op] | None:
    """A paragraph's operators drawn at (x, y): its state saved, moved there (as a Flowable is drawn)."""
    return None if body is None else [("q", ()), ("cm", (1.0, 0.0, 0.0, 1.0, fx(x), fx(y))), *body, ("Q", ())]


def _ops_body(broken: list[list[Word]], level: int, width: float, height: float, style: Any) -> tuple[Op, ...] | None:
    out: list[Op] = []
    fill: list[Op] = []  # the fill colour's operators as last written, and the rise and leading: a word in the same
    written: dict[str, tuple[float, ...]] = {}  # colour, rise or size writes none again (the reader keeps them, as
    # a PDF's graphics and text state does: a third of an Arabic paragraph's operators, read back at every build)
    for line, order, at, base in _placed_lines(broken, level, width, height, style):
        out += [("link", box) for box in _link_boxes(order, at, base)]  # (noted before the line's text object)
        for thick, colour, x1, x2, under in _rules(order, at, base):  # (then the lines under words, as `draw`)
            out.append(("w", (fx(thick),)))
            if not colour_ops(out, colour, stroke=True):
                return None
            out += [("n", ()), ("m", (fx(x1), fx(under))), ("l", (fx(x2), fx(under))), ("S", ())]
        out += [("BT", ()), ("Tm", (1.0, 0.0, 0.0, 1.0, 0.0, 0.0))]  # (beginText: its origin)
        for drawn, text in _notes(line):
            note = text
            for word in drawn:
                piece = word.piece
                s = piece.shaped
                inks: list[Op] = []
                if not dynamic(s.font) or not colour_ops(inks, piece.colour):  # (setFont writes nothing for such a
                    return None  # font: its words are noted, each followed by the leading of its size)
                if inks != fill:
                    out += inks
                    fill = inks
                for p in printed(s, at[id(word)])[0]:
                    out.append(("Tm", (1.0, 0.0, 0.0, 1.0, fx(p.x), fx(base))))
                    _state(out, written, "Ts", fx(piece.rise + p.rise))
                    out += [("at", (note,)), ("ut", (p.text, s.font, s.size))]
                    note = ""
                    if p.text:
                        _state(out, written, "TL", fx(s.size * 1.2))  # (setFont's leading when none is given)
        out.append(("ET", ()))
    return tuple(out)


def _state(out: list[Op], written: dict[str, tuple[float, ...]], op: str, value: float) -> None:
    """A text state operator (Ts, TL) written unless it sets the value it last set."""
    if written.get(op) != (value,):
        out.append((op, (value,)))
        written[op] = (value,)


def _placed_lines(
    broken: list[list[Word]], level: int, width: float, height: float, style: Any
) -> Iterator[tuple[list[Word], list[Word | float], dict[int, float], float]]:
    """Each line of the paragraph as `draw` sets it: its words, them and the spaces between from left to right,
    each word's left edge (by id), and its baseline."""
    y, leading, align = height - float(style.fontSize), float(style.leading), int(style.alignment)
    for line in broken:
        order = visual(line, level)
        x = _start(width, line_width(line), align, level)
        at: dict[int, float] = {}  # each word's left edge
        for item in order:
            if isinstance(item, Word):
                at[id(item)] = x
                x += item.width
            else:
                x += item
        yield line, order, at, y
        y -= leading


def _start(width: float, used: float, align: int, level: int) -> float:
    if align == TA_CENTER:
        return (width - used) / 2
    if align == TA_RIGHT or level % 2:
        return width - used
    return 0.0


def _notes(line: list[Word]) -> list[tuple[list[Word], str]]:
    """The line's stretches (`_stretches`) that draw glyphs, each with the words it stands for as written: a
    link's words without the space after them (that is the next stretch's; at the line's end, the link's own),
    a stretch that draws nothing noted with the next. A line that ends at a space ends with it (read as the
    Span's /ActualText, the line's words and the next line's would run together: "ومايمكنك"); a paragraph's
    last word has none after it."""
    out: list[tuple[list[Word], str]] = []
    carry = ""
    for stretch in _stretches(line):
        text = carry + _written(stretch)
        carry = ""
        if any(w.link or w.language for w in stretch if w.text):
            kept = text.rstrip(" \u00a0")
            text, carry = kept, text[len(kept) :]
        drawn = [w for w in stretch if w.piece.shaped.glyphs]
        if drawn:
            out.append((drawn, text))
        else:
            carry = text + carry
    if carry and out:
        out[-1] = (out[-1][0], out[-1][1] + carry)
    return out


def _written(stretch: list[Word]) -> str:
    """A stretch's words as written, a citation's raised number in brackets ("48[3] hours", as render/structure.py
    reads one in a left-to-right line: run into the number before it, "483 hours" was read). Only a citation's
    number is raised (layout/citations.py), a word of its own ("3,4" and "3-5" each one level: bidi rule W4)."""
    return "".join((f"[{w.text}]" if w.piece.rise > 0 and w.text else w.text) + w.after for w in stretch)


def _stretches(line: list[Word]) -> list[list[Word]]:
    """A line's words in the order written, a stretch for each link (and words in another language) and each
    stretch between them (isolates go with the stretch they are in)."""
    out: list[list[Word]] = []
    key: tuple[str, str] | None = None
    for w in line:
        if out and (not w.text or (w.link, w.language) == key):
            out[-1].append(w)
        else:
            out.append([w])
            key = (w.link, w.language)
    return out


def _links(canvas: Any, order: list[Word | float], at: dict[int, float], y: float) -> None:
    """A link annotation over each stretch of a link's words that shows unbroken on the line (`_link_boxes`)."""
    for url, box in _link_boxes(order, at, y):
        canvas.linkURL(url, box, relative=1)


def _link_boxes(
    order: list[Word | float], at: dict[int, float], y: float
) -> list[tuple[str, tuple[float, float, float, float]]]:
    """Each stretch of a link's words that shows unbroken on the line, from its first glyph's left to its last
    glyph's right; as high as ReportLab makes a link: from a fifth of the type size below the baseline to the type
    size above it. (url, (x1, y1, x2, y2)) in the paragraph's coordinates. Words in another language are noted
    so too, as a link to "lang:TAG" (LANGUAGE_LINK: the reader keeps it as their language, no link)."""
    out = _boxes(order, at, y, lambda w: w.link)
    return out + [(LANGUAGE_LINK + tag, box) for tag, box in _boxes(order, at, y, lambda w: w.language)]


def _boxes(
    order: list[Word | float], at: dict[int, float], y: float, key: Callable[[Word], str]
) -> list[tuple[str, tuple[float, float, float, float]]]:
    """`_link_boxes` for the words of each value of `key` (a link, a language)."""
    out: list[tuple[str, tuple[float, float, float, float]]] = []
    for url in dict.fromkeys(key(w) for w in order if isinstance(w, Word) and key(w) and w.text):
        box: list[float] = []  # left, right, bottom, top
        for item in [*order, None]:
            if isinstance(item, float) or (isinstance(item, Word) and not item.text):
                continue
            if isinstance(item, Word) and key(item) == url:
                s, left = item.piece.shaped, at[id(item)]
                rise = item.piece.rise
                edges = [left, left + item.width, rise - 0.2 * s.size, rise + s.size]
                box = edges if not box else [min(box[0], edges[0]), max(box[1], edges[1]), *_span(box, edges)]
                continue
            if box:
                out.append((url, (box[0], y + box[2], box[1], y + box[3])))
                box = []
    return out


def _rules(order: list[Word | float], at: dict[int, float], y: float) -> list[tuple[float, Any, float, float, float]]:
    """A line under each stretch of underlined words that shows unbroken on the line (as `_boxes` finds a link's),
    from its first glyph's left to its last glyph's right, as ReportLab's `_do_post_text` draws a left-to-right
    line's: as thick as the markup says, a share of the largest size of its words (F) or of the first's (f, L), at
    the offset it says under the baseline (an eighth of the size where it says none), raised as the words are, in
    its colour or the first word's (a link's). (thickness, colour, x1, x2, height) in the paragraph's coordinates;
    none for an underline whose thickness is not given (ReportLab's is then the canvas's line at the time)."""
    out: list[tuple[float, Any, float, float, float]] = []
    words = [w for w in order if isinstance(w, Word) and w.text]
    for rule in dict.fromkeys(r for w in words for r in w.piece.underlines):
        run: list[Word] = []
        for item in [*order, None]:
            if isinstance(item, float) or (isinstance(item, Word) and not item.text):
                continue
            if isinstance(item, Word) and rule in item.piece.underlines:
                run.append(item)
                continue
            if run:
                out += _rule(rule, run, at, y)
            run = []
    return out


def _rule(
    rule: tuple[Any, ...], run: list[Word], at: dict[int, float], y: float
) -> list[tuple[float, Any, float, float, float]]:
    """The lines of one underline under a stretch of words (`_rules`), none where its thickness is not given."""
    first = run[0].piece.shaped.size
    placed = rule_place(rule, {"L": first, "f": first, "F": max(w.piece.shaped.size for w in run)}, y)
    if placed is None:
        return []
    x1, x2 = at[id(run[0])], at[id(run[-1])] + run[-1].width
    return [(placed[0], rule[2] or run[0].piece.colour, x1, x2, h) for h in placed[1]]


def _span(a: list[float], b: list[float]) -> list[float]:
    return [min(a[2], b[2]), max(a[3], b[3])]


def _piece(tx: Any, piece: Piece, x: float, y: float, note: str, canvas: Any) -> tuple[float, str]:
    """A piece's glyphs from x (as `printed` puts them), each string noted with the line's copy text."""
    s = piece.shaped
    tx.setFont(s.font, s.size)
    tx.setFillColor(piece.colour)
    strings, end = printed(s, x)
    for p in strings:
        tx.setTextOrigin(p.x, y)
        tx.setRise(piece.rise + p.rise)
        tx._code.append(note)
        note = canvas.actual("")
        tx.textOut(p.text)
    return end, note


@frozen
class Printed:
    """Glyphs printed as one string at x, raised by rise: a run of glyphs where the font's own advances put them,
    or one glyph HarfBuzz moved (`alone`: its own advance)."""

    text: str
    x: float
    rise: float = 0.0
    alone: float | None = None


def printed(s: Shaped, x: float) -> tuple[list[Printed], float]:
    """A shaped piece's glyphs from x as the strings that print them, and the pen's position after them."""
    out: list[Printed] = []
    run: list[str] = []
    start = x
    for g in s.glyphs:
        if g.dx == 0 and g.dy == 0 and abs(g.advance - g.natural) < EPSILON:
            if not run:
                start = x
            run.append(g.char)
            x += g.advance
            continue
        if run:
            out.append(Printed("".join(run), start))
            run = []
        out.append(Printed(g.char, x + g.dx, g.dy, g.natural))
        x += g.advance
    if run:
        out.append(Printed("".join(run), start))
    return out, x
