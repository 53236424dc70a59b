"""The operators a flowable emitted on the Recorder -> frame items: text lines, shapes, pictures and links.

A small interpreter of the PDF operators ReportLab writes for what we draw: q/Q, cm, BT/ET, Tf, TL, Tc, Tw, Tz,
Ts, Tm, Td, TD, T*, rg/RG, k/K, g/G, w, J, j, d, m, l, c, v, y, re, h, f, f*, S, s, B, B*, b, b*, n, W, W*; and
the Recorder's own notes (`ut` for the words as written, `at` for the words shaped glyphs stand for, BMC/EMC for
roles, Do for pictures and links). Text
and shapes come out in page coordinates, with inks in the edition's colour space, sizes as printed.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import field
from functools import lru_cache
from typing import Any

from PIL import Image as PILImage
from reportlab.pdfbase.pdfmetrics import stringWidth

from brochure.frozen import mutable
from brochure.geometry.sheet import Rect
from brochure.layout.boxes import ascent, bounds, descent, meet, trailing
from brochure.layout.drawings import Matrix, Painted, scale_of, then, walk
from brochure.layout.model import (
    Clip,
    Entry,
    Frame,
    Ink,
    Language,
    Link,
    Picture,
    Run,
    Segment,
    Shape,
    Text,
)
from brochure.layout.recorder import Mark, Recorder
from brochure.layout.setting import Op
from brochure.vocabulary import LANGUAGE_LINK, Role

IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
BLACK = Ink("gray", (0.0,))
TEXT_ROLES: tuple[Role, ...] = ("title", "heading", "paragraph", "list_item", "label", "caption", "folio")


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


_TOKEN = re.compile(
    r"\((?:\\.|[^\\()])*\)"  # a string (the words are read from the notes, not from here)
    r"|/[^\s/\[\]()<>]+"  # a name
    r"|[+-]?(?:\d+\.?\d*|\.\d+)"  # a number
    r"|[\[\]]"
    r"|[A-Za-z'\"*]+"  # an operator
)


@mutable
class _State:
    ctm: Matrix = IDENTITY
    fill: Ink = BLACK
    stroke: Ink = BLACK
    line_width: float = 1.0
    cap: int = 0
    join: int = 0
    dash: tuple[tuple[float, ...], float] = ((), 0.0)
    clip: tuple[Clip, ...] = ()
    fill_alpha: float = 1.0
    stroke_alpha: float = 1.0
    # text state (kept across BT/ET, as in PDF)
    leading: float = 0.0
    char_space: float = 0.0
    word_space: float = 0.0
    h_scale: float = 100.0
    rise: float = 0.0

    def saved(self) -> _State:
        """A copy, for q to push (a plain copy of the fields: copy.copy goes the long way round)."""
        s = _State.__new__(_State)
        s.__dict__.update(self.__dict__)
        return s


@mutable
class Tags:
    """Whose the items are: the placed flowable's panel and section, and whether it may bleed."""

    region: str
    panel: str
    section: str
    bleeds: bool
    measure: Rect
    piece: int


@mutable
class Reader:
    """Reads one placed flowable's operators into items (appended to `out`)."""

    rec: Recorder
    tags: Tags
    out: list[Frame]
    z: Iterator[int]
    state: _State = field(default_factory=_State)
    stack: list[_State] = field(default_factory=list)
    roles: list[Mark] = field(default_factory=list)  # open role marks, their measure in page coordinates
    path: list[Segment] = field(default_factory=list)
    pending_clip: bool | None = None  # W (False) or W* (True) waiting for the painting operator
    tm: Matrix = IDENTITY
    tlm: Matrix = IDENTITY
    line: list[Run] = field(default_factory=list)
    line_base: float | None = None
    line_ctm: Matrix = IDENTITY
    links: list[Link] = field(default_factory=list)
    languages: list[Language] = field(default_factory=list)
    point: tuple[float, float] = (0.0, 0.0)  # the current point of the path being built
    start: tuple[float, float] = (0.0, 0.0)  # where its subpath began
    actual: str | None = None  # the next string is shaped glyphs standing for this (`at`)
    context: tuple[Mark | None, int, Mark | None, Entry | None] | None = None  # what the open marks give an item

    def read(self, code: str) -> None:
        operands: list[str] = []
        in_array = False
        ops = _OPS
        for tok in _TOKEN.findall(code):
            c = tok[0]
            if c == "[":
                in_array = True
            elif c == "]":
                in_array = False
            elif in_array or c in "(/+-.0123456789":
                operands.append(tok)
            else:
                handler = ops.get(tok)
                if handler is not None:  # Tj and TJ encode words already noted by `ut`; others are not emitted
                    handler(self, tok, operands)
                operands = []
        self._flush_line()

    def replay(self, ops: list[Op]) -> None:
        """Operators given as data (layout/setting.py: a paragraph's), read as if written and parsed."""
        for op, n in ops:
            _DATA_OPS[op](self, op, n)

    # -- operators ---------------------------------------------------------------------------------------

    def _save(self, op: str, args: list[str]) -> None:
        self.stack.append(self.state.saved())

    def _restore(self, op: str, args: list[str]) -> None:
        self._flush_line()
        self.state = self.stack.pop()

    def _concat(self, op: str, args: list[str]) -> None:
        self._cm(op, _numbers(args))

    def _cm(self, op: str, n: Sequence[float]) -> None:
        self.state.ctm = then((n[0], n[1], n[2], n[3], n[4], n[5]), self.state.ctm)

    def _colour(self, op: str, args: list[str]) -> None:
        self._set_colour(op, tuple(_numbers(args)))

    def _set_colour(self, op: str, values: tuple[float, ...]) -> None:
        s = self.state
        if op.islower():
            s.fill = Ink(_SPACES[op], values, s.fill_alpha)
        else:
            s.stroke = Ink(_SPACES[op.lower()], values, s.stroke_alpha)

    def _alpha(self, op: str, args: list[str]) -> None:
        self._opacity(op, (float(args[-1]),))

    def _opacity(self, op: str, n: tuple[float, ...]) -> None:
        s, a = self.state, n[-1]
        if op == "ba":
            f = s.fill
            s.fill_alpha, s.fill = a, Ink(f.space, f.values, a, f.spot)
        else:
            f = s.stroke
            s.stroke_alpha, s.stroke = a, Ink(f.space, f.values, a, f.spot)

    def _width(self, op: str, n: tuple[float, ...]) -> None:
        self.state.line_width = n[0]

    def _graphics_state(self, op: str, args: list[str]) -> None:
        s, n = self.state, _numbers(args)
        if op == "w":
            s.line_width = n[0]
        elif op == "J":
            s.cap = int(n[0])
        elif op == "j":
            s.join = int(n[0])
        else:  # d
            s.dash = (tuple(n[:-1]), n[-1])

    def _path_op(self, op: str, args: list[str]) -> None:
        self._segment(op, _numbers(args))

    def _clip_op(self, op: str, args: list[str]) -> None:
        self.pending_clip = op == "W*"

    def _text_object(self, op: str, args: list[str]) -> None:
        self._flush_line()
        self.tm = self.tlm = IDENTITY

    def _text_op(self, op: str, args: list[str]) -> None:
        self._text_state(op, _numbers(args))

    def _move_op(self, op: str, args: list[str]) -> None:
        self._move(op, _numbers(args))

    def _noted(self, op: str, args: list[str]) -> None:
        self._run(int(args[0][2:]))

    def _actual(self, op: str, args: list[str]) -> None:
        self.actual = self.rec.actuals[int(args[0][2:])]

    def _begin_mark(self, op: str, args: list[str]) -> None:
        index = int(args[0][2:])
        mark = self.rec.marks[index]
        element = mark.element or f"#{index}"  # else what it draws is an element of its own (numbered per build)
        measure = mark.measure
        if measure is not None:
            b, ctm = measure, self.state.ctm
            (x1, y1), (x2, y2) = _apply(ctm, b.x, b.y), _apply(ctm, b.right, b.top)
            measure = Rect(min(x1, x2), min(y1, y2), abs(x2 - x1), abs(y2 - y1))
        if element != mark.element or measure is not mark.measure:
            mark = Mark(mark.role, mark.level, mark.alt, measure, element, mark.entry)
        self._flush_line()
        self.roles.append(mark)
        self.context = None

    def _end_mark(self, op: str, args: list[str]) -> None:
        self._flush_line()
        self.roles.pop()
        self.context = None

    def _do(self, op: str, args: list[str]) -> None:
        self._placeholder(args[0][1:])

    def _text_state(self, op: str, n: Sequence[float]) -> None:
        s = self.state
        if op == "TL":
            s.leading = n[0]
        elif op == "Tc":
            s.char_space = n[0]
        elif op == "Tw":
            s.word_space = n[0]
        elif op == "Tz":
            s.h_scale = n[0]
        elif op == "Ts":
            s.rise = n[0]

    def _move(self, op: str, n: Sequence[float]) -> None:
        if op == "Tm":
            self.tm = self.tlm = (n[0], n[1], n[2], n[3], n[4], n[5])
            return
        if op in ("Td", "TD"):
            tx, ty = n[0], n[1]
            if op == "TD":
                self.state.leading = -ty
        else:  # T*, ' and " move to the next line
            tx, ty = 0.0, -self.state.leading
        self.tlm = then((1, 0, 0, 1, tx, ty), self.tlm)
        self.tm = self.tlm

    # -- text ----------------------------------------------------------------------------------------------

    def _run(self, index: int) -> None:
        self._words(*self.rec.texts[index])

    def _words(self, text: str, font: str, size: float) -> None:
        s = self.state
        m = then(self.tm, s.ctm)
        if abs(m[1]) > 1e-9 or abs(m[2]) > 1e-9 or m[0] <= 0 or m[3] <= 0 or s.clip:
            raise ValueError(f"frames hold upright, unclipped text only: {text[:30]!r} is turned or clipped")
        base = _apply(m, 0.0, 0.0)[1]
        if self.line_base is None or abs(base - self.line_base) > 0.01 or self.line_ctm != s.ctm:
            self._flush_line()
            self.line_base, self.line_ctm = base, s.ctm
        k = s.h_scale / 100
        advance = (_width(text, font, size) + s.char_space * len(text) + s.word_space * text.count(" ")) * k
        x = _apply(m, 0.0, 0.0)[0]
        scale = scale_of(m)
        self.line.append(
            Run(
                text,
                font,
                round(size * scale, 4),
                s.fill,
                x,
                advance * m[0],
                s.rise * scale,
                s.char_space * scale,
                s.word_space * scale,
                s.h_scale,
                self.actual,
            )
        )
        self.actual = None
        self.tm = then((1, 0, 0, 1, advance, 0), self.tm)

    def _flush_line(self) -> None:
        if not self.line or self.line_base is None:
            if self.line:  # (an empty line is kept: most calls find none, and a new list each was a cost)
                self.line = []
            self.line_base = None
            return
        runs, base = tuple(self.line), self.line_base
        self.line, self.line_base = [], None
        top = max(base + r.rise + ascent(r.font) * r.size for r in runs)
        bottom = min(base + r.rise + descent(r.font) * r.size for r in runs)
        inked = [r for r in runs if r.text.strip()] or list(runs)
        left = min(r.x for r in inked)
        right = max(r.x + r.width - trailing(r) for r in inked)  # a space at the end of a line prints nothing
        mark = self._mark()
        role: Role = "paragraph"
        if mark is not None:
            role = mark.role if mark.role in TEXT_ROLES else "label"
        self.out.append(
            Text(
                **self._item(Rect(left, bottom, right - left, top - bottom), role),
                runs=runs,
                baseline=base,
                measure=self._measure(),
            )
        )

    def _measure(self) -> Rect:
        for mark in reversed(self.roles):  # the innermost open mark's column
            if mark.measure is not None:
                return mark.measure
        return self.tags.measure

    # -- paths ---------------------------------------------------------------------------------------------

    def _segment(self, op: str, n: Sequence[float]) -> None:
        ctm = self.state.ctm
        if op == "h":
            self.path.append(("h", ()))
            self.point = self.start
        elif op == "re":
            x, y, w, h = n
            corners = [_apply(ctm, x, y), _apply(ctm, x + w, y), _apply(ctm, x + w, y + h), _apply(ctm, x, y + h)]
            self.path.append(("m", corners[0]))
            self.path.extend(("l", p) for p in corners[1:])
            self.path.append(("h", ()))
            self.point = self.start = corners[0]
        elif op == "v":  # the first control point is the current point
            end = _apply(ctm, n[2], n[3])
            self.path.append(("c", (*self.point, *_apply(ctm, n[0], n[1]), *end)))
            self.point = end
        elif op == "y":  # the last control point is the end point
            end = _apply(ctm, n[2], n[3])
            self.path.append(("c", (*_apply(ctm, n[0], n[1]), *end, *end)))
            self.point = end
        else:
            coords = [c for i in range(0, len(n), 2) for c in _apply(ctm, n[i], n[i + 1])]
            self.path.append((op, tuple(coords)))
            self.point = (coords[-2], coords[-1])
            if op == "m":
                self.start = self.point

    def _paint(self, op: str, args: list[str]) -> None:
        s = self.state
        path, self.path = tuple(self.path), []
        if self.pending_clip is not None:
            s.clip = (*s.clip, Clip(path, self.pending_clip))
            self.pending_clip = None
        if op == "n" or not path:
            return
        fill = s.fill if op in ("f", "F", "f*", "B", "B*", "b", "b*") else None
        stroke = s.stroke if op in ("S", "s", "B", "B*", "b", "b*") else None
        if op in ("s", "b", "b*"):
            path = (*path, ("h", ()))
        k = scale_of(s.ctm)
        dash = (tuple(v * k for v in s.dash[0]), s.dash[1] * k)
        self._shape(Painted(path, fill, stroke, s.line_width * k, s.cap, s.join, dash, op.endswith("*"), s.clip))

    def _shape(self, p: Painted) -> None:
        mark = self._mark()
        role: Role = mark.role if mark is not None and mark.role in ("figure", "qr", "mark", "label") else "artifact"
        box = bounds(p.path, p.line_width if p.stroke else 0.0)
        for clip in p.clip:  # what is drawn is what the clips leave
            box = meet(box, bounds(clip.path, 0.0))
        self.out.append(
            Shape(
                **self._item(box, role),
                path=p.path,
                fill=p.fill,
                stroke=p.stroke,
                line_width=p.line_width,
                cap=p.cap,
                join=p.join,
                dash=p.dash,
                even_odd=p.even_odd,
                clip=p.clip,
            )
        )

    def _drawing(self, index: int) -> None:
        """A drawing's shapes and labels, placed by the current matrix (and inside the current clip)."""
        self._flush_line()
        for piece in walk(self.rec.drawings[index], self.state.ctm, self.state.clip):
            if isinstance(piece, Painted):
                self._flush_line()
                self._shape(piece)
                continue
            p = piece  # a label's run
            run = Run(p.text, p.font, p.size, p.ink, p.x, p.width, p.rise, actual=p.actual)
            if p.joined:  # the next run of the label before it, on its line
                self.line.append(run)
            else:
                self._flush_line()
                self.line, self.line_base = [run], p.y
        self._flush_line()

    # -- pictures and links ---------------------------------------------------------------------------------

    def _placeholder(self, name: str) -> None:
        kind, index = name[0], int(name[1:])
        ctm = self.state.ctm
        if kind == "P":
            if self.state.clip:
                raise ValueError("frames hold unclipped pictures only")
            note = self.rec.pictures[index]
            (x1, y1), (x2, y2) = _apply(ctm, 0, 0), _apply(ctm, note.w, note.h)
            box = Rect(min(x1, x2), min(y1, y2), abs(x2 - x1), abs(y2 - y1))
            with PILImage.open(io.BytesIO(note.data)) as im:
                space = im.mode
            fields = self._item(box, "artifact" if note.decorative else "figure")
            if not note.decorative:
                fields["alt"] = note.alt or fields["alt"]
                fields["element"] = f"picture-{index}"  # a figure of its own
            self.out.append(Picture(**fields, data=note.data, pixels=note.pixels, space=space, at=note.at))
        elif kind == "D":
            self._drawing(index)
        elif kind == "W":
            self.replay(self.rec.paragraphs[index])
        elif kind == "L":
            self._link(*self.rec.link_notes[index])

    def _link(self, url: str, b: Rect, relative: bool) -> None:
        if relative:
            ctm = self.state.ctm
            (x1, y1), (x2, y2) = _apply(ctm, b.x, b.y), _apply(ctm, b.right, b.top)
            b = Rect(min(x1, x2), min(y1, y2), abs(x2 - x1), abs(y2 - y1))
        if url.startswith(LANGUAGE_LINK):  # (words in another language: no link)
            self.languages.append(Language(url[len(LANGUAGE_LINK) :], b))
        elif b.w > 0.01:  # (none over no words: a line's end whose linked word went whole to the next line left
            # one, a second link to one place, named by its address, in a screen reader's list of links)
            self.links.append(Link(url, b))

    def _link_data(self, op: str, n: tuple[str, tuple[float, float, float, float]]) -> None:
        """A link written by a paragraph (layout/setting.py), noted as the Recorder notes a relative one."""
        url, (x1, y1, x2, y2) = n
        self._link(url, Rect(min(x1, x2), min(y1, y2), abs(x2 - x1), abs(y2 - y1)), True)

    # -- common ----------------------------------------------------------------------------------------------

    def _mark(self) -> Mark | None:
        return self.roles[-1] if self.roles else None

    def _item(self, box: Rect, role: Role) -> dict[str, Any]:
        context = self.context
        if context is None:  # (worked out once for the marks open now: every item drawn inside them shares it)
            figure = next((m for m in reversed(self.roles) if m.role in ("figure", "qr")), None)
            level = next((m.level for m in reversed(self.roles) if m.level), 0)
            entry = next((m.entry for m in reversed(self.roles) if m.entry is not None), None)
            context = self.context = (figure, level, figure or self._mark(), entry)  # (a figure's shapes and
            # labels are the figure's)
        figure, level, inner, entry = context
        element = inner.element if inner is not None and role not in ("artifact", "mark") else ""
        return {
            "box": box,
            "region": self.tags.region,
            "panel": self.tags.panel,
            "section": self.tags.section,
            "role": role,
            "level": level if role in ("title", "heading") else 0,
            "alt": figure.alt if figure is not None else inner.alt if inner is not None and role in TEXT_ROLES else "",
            "element": element,
            "entry": entry,
            "z": next(self.z),
            "piece": self.tags.piece,
            "bleeds": self.tags.bleeds,
        }


def _width(text: str, font: str, size: float) -> float:
    """ReportLab's width of a run's words; of plain words, remembered (a font's name names its file's contents: the
    answer never changes; a rebuild sets the same words again). Shaped glyphs (a `ShapedStr`, equal to the same text
    as a plain string) are measured anew."""
    return _plain_width(text, font, size) if type(text) is str else float(stringWidth(text, font, size))


@lru_cache(maxsize=4096)
def _plain_width(text: str, font: str, size: float) -> float:
    return float(stringWidth(text, font, size))


def _numbers(args: list[str]) -> list[float]:
    return [float(a) for a in args if a[0] not in "(/"]


_SPACES: dict[str, Any] = {"rg": "rgb", "k": "cmyk", "g": "gray"}
_Handler = Callable[[Reader, str, list[str]], None]
_OPS: dict[str, _Handler] = {
    "q": Reader._save,
    "Q": Reader._restore,
    "cm": Reader._concat,
    **dict.fromkeys(("rg", "RG", "k", "K", "g", "G"), Reader._colour),
    **dict.fromkeys(("ba", "BA"), Reader._alpha),
    **dict.fromkeys(("w", "J", "j", "d"), Reader._graphics_state),
    **dict.fromkeys(("m", "l", "c", "v", "y", "re", "h"), Reader._path_op),
    **dict.fromkeys(("W", "W*"), Reader._clip_op),
    **dict.fromkeys(("f", "F", "f*", "S", "s", "B", "B*", "b", "b*", "n"), Reader._paint),
    **dict.fromkeys(("BT", "ET"), Reader._text_object),
    **dict.fromkeys(("Tf", "TL", "Tc", "Tw", "Tz", "Ts", "Tr"), Reader._text_op),
    **dict.fromkeys(("Td", "TD", "Tm", "T*", "'", '"'), Reader._move_op),
    "ut": Reader._noted,
    "at": Reader._actual,
    "BMC": Reader._begin_mark,
    "EMC": Reader._end_mark,
    "Do": Reader._do,
}
_DataHandler = Callable[[Reader, str, Any], None]
_DATA_OPS: dict[str, _DataHandler] = {  # (what layout/setting.py gives)
    "q": Reader._save,  # (these take no operands)
    "Q": Reader._restore,
    **dict.fromkeys(("BT", "ET"), Reader._text_object),
    "cm": Reader._cm,
    **dict.fromkeys(("rg", "k", "g", "RG", "K"), Reader._set_colour),
    **dict.fromkeys(("ba", "BA"), Reader._opacity),
    "w": Reader._width,
    **dict.fromkeys(("TL", "Tw", "Ts"), Reader._text_state),
    **dict.fromkeys(("Tm", "Td", "T*"), Reader._move),
    "ut": lambda reader, op, n: reader._words(*n),
    "at": lambda reader, op, n: setattr(reader, "actual", n[0]),
    "link": Reader._link_data,
    **dict.fromkeys(("m", "l", "c", "re", "h"), Reader._segment),  # (a path the Recorder gives as data)
    **dict.fromkeys(("f", "f*", "S", "B", "B*", "n"), Reader._paint),
}
