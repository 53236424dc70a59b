"""Styled content pieces (headings, bullets, cards, steps, callouts, figures) as measurable ReportLab flowables."""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from typing import Any

from reportlab.graphics.shapes import Drawing
from reportlab.lib.colors import Color
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus import paragraph as rl_paragraph

from brochure.geometry.sheet import Rect
from brochure.inputs.chars import INVISIBLE, NO_BREAK
from brochure.layout import bidi, parsed, rtl, setting, together
from brochure.layout.model import Entry
from brochure.layout.recorder import Recorder
from brochure.layout.setting import Op
from brochure.theme.fallback import fallback_frags
from brochure.theme.fonts import no_break_printed
from brochure.theme.shaping import rtl as has_rtl
from brochure.theme.styles import Theme
from brochure.vocabulary import Role

_BROKEN = ("_width_max", "_splitLongWordCount", "_hyphenations", "height")  # what ReportLab's breakLines sets
# What a paragraph's wrap sets: its lines, size and widths, and what breaking the lines sets (a paragraph with
# several styles has its pieces replaced by its words, which a split reads by the lines' indices into them).
_WRAPPED = ("blPara", "width", "_wrapWidths", "frags", *_BROKEN)
OVERRUN = 1.5  # ReportLab lets a line end a point or so past its width; more is a word too long to break

# ReportLab's `split` (a text's words, between which its lines break, then joined by plain spaces) parts words at
# the no-break spaces of chars.NO_BREAK too: each printed as a plain space, where a line could break. Here they stay
# in their word, as U+00A0 does.
_rl_split = rl_paragraph.split
_SPACES = "".join(ch for ch in rl_paragraph._wsc if ch not in NO_BREAK)  # (the spaces ReportLab breaks at, but those)
_BREAKS = re.compile(f"[{re.escape(_SPACES)}]+").split


def _split(text: Any, delim: Any = None) -> list[str]:
    """ReportLab's `split`, the same words, but a narrow no-break or figure space kept inside its word."""
    if delim is not None or not isinstance(text, str) or not any(ch in text for ch in NO_BREAK):
        return list(_rl_split(text, delim))
    words = _BREAKS(text)
    return words if "\xa0" in text else [w for w in words if w]  # (as ReportLab's own: its spaces' empty words)


rl_paragraph.split = _split  # (once, on import: pure; paragraph.py's word breaking reads it by name)


def overrun(p: Paragraph) -> float:
    """How far the widest line of a wrapped paragraph runs past its width (0 when every line fits); a shaped
    (right-to-left) paragraph's lines are its own, at the width it was last wrapped to."""
    if isinstance(p, Para) and p.shaped is not None:
        broken: tuple[float, list[list[rtl.Word]]] | None = p.__dict__.get("_rtl_broken")
        if broken is None:
            return 0.0
        width, lines = broken
        return max(0.0, max((rtl.line_width(line) for line in lines), default=0.0) - width)
    bl = getattr(p, "blPara", None)
    if bl is None:
        return 0.0
    shrink = float(getattr(p.style, "spaceShrinkage", 0.0) or 0.0)
    return max((_past(bl, line, shrink) for line in bl.lines), default=0.0)


def _past(bl: Any, line: Any, shrink: float) -> float:
    """How far a line runs past its width as printed: ReportLab lets its spaces shrink by `shrink` of a space each
    (the style's spaceShrinkage; a line is drawn with them shrunk to fit), so only what is past that is a word too
    long (a large-print call to action's line of 15 words at 16.5 pt, 2.1 pt past, was called a word too long)."""
    if isinstance(line, tuple):  # (space left, words): one font
        spare, words = line
        room: float = shrink * stringWidth(" ", bl.fontName, bl.fontSize) * max(len(words) - 1, 0)
    else:
        spare = line.extraSpace
        room = shrink * sum(f.text.count(" ") * stringWidth(" ", f.fontName, f.fontSize) for f in line.words)
    return max(0.0, -float(spare) - room)


def floor_height(f: Flowable, aw: float) -> float:
    """A lower bound of the height f takes at width aw, without breaking lines (cheap: linear in its text).

    Used to see at once that the words are far too many for the room, before measuring them properly."""
    if isinstance(f, Para) and f.shaped is not None:  # right to left: its lines (no cheaper bound holds)
        return len(f.rtl_lines(aw)) * float(f.style.leading)
    if isinstance(f, Paragraph):
        return _paragraph_floor(f, aw)
    floor = getattr(f, "floor", None)
    if callable(floor):
        return float(floor(aw))
    return float(f.wrap(aw, 1e6)[1])  # drawings and pictures: a fixed size, cheap to ask


def _paragraph_floor(p: Paragraph, aw: float) -> float:
    """At least one line; at least as many lines as the text's width over the line's (a space dropped per break)."""
    style = p.style
    width = sum(stringWidth(getattr(f, "text", ""), f.fontName, f.fontSize) for f in p.frags)
    space = stringWidth(" ", style.fontName, style.fontSize)
    lines = max(1.0, 0.95 * width / (max(aw, 1.0) + space))
    return float(lines * style.leading)


ZERO_WIDTH_SPACE = "\u200b"


def _visible(frag: Any) -> Any:
    """A piece of a paragraph without the characters that print nothing."""
    text = getattr(frag, "text", "")
    return frag.clone(text=INVISIBLE.sub("", text)) if text and INVISIBLE.search(text) else frag


def _no_break(frag: Any) -> Any:
    """A piece of a paragraph whose font lacks a no-break space of NO_BREAK (U+202F: none of the fonts brochure
    ships has it) with U+00A0 in its place: the font's space, as ReportLab prints U+00A0, and still no break."""
    text = getattr(frag, "text", "")
    printed = no_break_printed(text, frag.fontName) if text else text
    return frag.clone(text=printed) if printed != text else frag


class Para(Paragraph):  # type: ignore[misc]
    """A Paragraph that does not break its lines again at a width it was broken at before.

    The flow asks a paragraph's height several times at the same width (to place it, to see what fits after
    it, to share spare room); ReportLab breaks the lines anew each time. Its lines (`blPara`) are always those
    of the last width asked, which is the width it is drawn at.

    `element` names the words' element where it must outlive a split (the parts of a paragraph split across
    panels are one paragraph to a reader); `role` sets what it is to a reader where its style does not say; `said`
    gives the words as written where they print otherwise (a kicker set in capitals is read as written).

    A paragraph with a right-to-left letter, or with an isolate (U+2066..U+2069) in a right-to-left leaflet (a
    Latin reference, its number at the reading side), is shaped and set by layout/rtl.py instead of ReportLab's lines
    (`shaped` holds its words, shaped once, and `level` its direction; its parts after a split hold theirs)."""

    def __init__(
        self,
        text: str | None,
        style: Any = None,
        *args: Any,
        element: str = "",
        role: tuple[Role, int] | None = None,
        said: str = "",
        **kw: Any,
    ) -> None:
        if text is not None and "\xa0" in text and ZERO_WIDTH_SPACE in text:  # (ReportLab splits the words of a
            # text with a no-break space at every space it knows, a zero-width one too, and joins them with a space)
            text = text.replace(ZERO_WIDTH_SPACE, "")
        super().__init__(text, style, *args, **kw)
        self.element = element
        self.fixed_role = role
        self.said = said  # the words as written where they print otherwise (a kicker in capitals): what is read
        frags: list[Any] = self.__dict__["frags"]
        self.shaped: list[rtl.Word] | None = None
        self.words_key: tuple[object, ...] | None = None  # what its shaped words are remembered by (all of them)
        self.level = 0  # a shaped paragraph's level (1: right to left)
        text = "".join(getattr(f, "text", "") for f in frags)
        self.may_part = together.may_part(text) or not text  # (a split part's pieces are words: it says so itself)
        rtl_leaflet = getattr(self.style, "direction", "ltr") == "rtl"
        if has_rtl(text) or (rtl_leaflet and any(ch in bidi.ISOLATES for ch in text)):
            parse = self.__dict__.get("_parsed")  # (what the pieces were parsed from, if that can be a key)
            values = parsed.colour_values(self.__dict__.get("_colours", ()))
            key = None if parse is None or values is None else (parse, values)
            para = rtl.remembered_words(key, frags, rtl_leaflet)
            self.shaped, self.level, self.words_key = para.words, para.level, key
        elif INVISIBLE.search(text):
            self.__dict__["frags"] = [_visible(f) for f in frags]

    def rtl_lines(self, aw: float) -> list[list[rtl.Word]]:
        """A right-to-left paragraph's lines at width aw, broken once per width (the flow asks again and again)."""
        last: tuple[float, list[list[rtl.Word]]] | None = self.__dict__.get("_rtl_broken")
        if last is None or last[0] != aw:
            last = self.__dict__["_rtl_broken"] = (aw, rtl.lines(self.shaped or [], aw, self.may_part))
        return last[1]

    def _rtl_wrap(self, aw: float) -> tuple[float, float]:
        self.width, self.height = aw, len(self.rtl_lines(aw)) * float(self.style.leading)
        return aw, self.height

    def _rtl_split(self, aw: float, ah: float) -> list[Flowable]:
        """Its lines as ReportLab splits a paragraph: as many as fit, no first line alone at the foot nor last
        alone at the head unless the style allows it (`allowOrphans`, `allowWidows`)."""
        broken = self.rtl_lines(aw)
        leading = float(self.style.leading)
        fit = int((ah + 1e-6) // leading)
        if fit >= len(broken):
            return [self]
        if len(broken) - fit == 1 and not getattr(self.style, "allowWidows", 1):
            fit -= 1
        if fit < 1 or (fit == 1 and not getattr(self.style, "allowOrphans", 0)):
            return []
        parts: list[Flowable] = []
        for part in (broken[:fit], broken[fit:]):
            p = copy.copy(self)
            p.shaped = [w for line in part for w in line]
            p.words_key = None  # (some of its words)
            p.width, p.height = aw, len(part) * leading
            p.__dict__.pop("_wrapped", None)
            p.__dict__.pop("_rtl_broken", None)
            p.__dict__.pop("_broken", None)
            parts.append(p)
        return parts

    def _setup(self, text: str | None, style: Any, bullet: Any, frags: Any, *args: Any) -> None:
        """ReportLab's parse, then the characters the kit's fonts lack in its fallback fonts (`fonts.fallbacks`,
        which the theme's styles carry): where the words' fonts are chosen, before any line is broken.

        The parse is a pure function of the markup and the style's values: it is remembered (parsed.py), and
        each paragraph gets its own copies of the pieces."""
        key = parsed.key(text, style, bullet) if frags is None else None
        colours = parsed.palette(style) if key is not None else ()
        known = parsed.recall(key, colours) if key is not None else None
        d = self.__dict__
        if known is not None:
            d["text"], d["frags"], d["style"], d["bulletText"], d["debug"] = known[0], known[1], style, bullet, 0
            d["_parsed"], d["_colours"] = key, known[2]  # (the colour objects its pieces carry)
            return
        super()._setup(text, style, bullet, frags, *args)
        fallbacks: tuple[tuple[str, tuple[str, ...]], ...] = getattr(self.style, "fallbacks", ())
        if fallbacks:
            d["frags"] = fallback_frags(d["frags"], dict(fallbacks))
        if any(ch in getattr(f, "text", "") for f in d["frags"] for ch in NO_BREAK):
            d["frags"] = [_no_break(f) for f in d["frags"]]
        # (markup that sets its own style or bullet, <para> or <bullet>, is not remembered)
        if key is not None and d["style"] is style and d["bulletText"] is bullet:
            parsed.keep(key, d["text"], d["frags"], colours)
            d["_parsed"], d["_colours"] = key, colours

    def breakLines(self, width: Any) -> Any:
        """ReportLab's lines; a first breaking of pieces as parsed is remembered (parsed.py) with what it sets."""
        d = self.__dict__
        key = d.pop("_parsed", None)  # (only the pieces as parsed: a second breaking starts from the words)
        if key is None:
            return self._kept_together(width)
        widths = tuple(width) if isinstance(width, list | tuple) else (width,)
        k = (key, widths)
        known = parsed.recall_lines(k, parsed.palette(self.style))
        if known is None:
            pieces = d["frags"]
            lines = self._kept_together(width)
            words = d["frags"] if d["frags"] is not pieces else None
            after = tuple(width) if isinstance(width, list | tuple) else (width,)
            numbers = (*((a, d[a]) for a in _BROKEN if a in d), ("_widths", after))
            parsed.keep_lines(k, lines, words, numbers, d["_colours"])  # (in the colours its pieces carry)
            return lines
        lines, words, numbers = known
        if words is not None:
            d["frags"] = words
        for a, v in numbers:
            if a != "_widths":
                d[a] = v
            elif isinstance(width, list) and isinstance(v, tuple):
                width[:] = v  # (ReportLab narrows the first line for a bullet, in the list it is given)
        return lines

    def _kept_together(self, width: Any) -> Any:
        """ReportLab's lines, with no line ending between a number and its word (layout/together.py)."""
        given = list(width) if isinstance(width, list | tuple) else [width]
        lines = super().breakLines(width)
        if self.bulletText or len(lines.lines) < 2:  # (a bullet: ReportLab narrows its first line)
            return self._mended(lines)
        return self._mended(together.kept_together(lines, given, super().breakLines, self.may_part))

    def _mended(self, lines: Any) -> Any:
        """Lines as ReportLab broke them, with the pieces of words broken at soft hyphens marked, and no space
        doubled after such a word's styled rest (layout/setting.py)."""
        return setting.single_spaced(setting.mark_breaks(lines, self.__dict__.get("_hyphenations", 0)))

    def split(self, aw: float, ah: float) -> list[Flowable]:
        if self.shaped is not None:
            return self._rtl_split(aw, ah)
        parts: list[Flowable] = super().split(aw, ah)
        for p in parts:  # ReportLab makes the parts anew: they keep what the paragraph is
            p.element, p.fixed_role = self.element, self.fixed_role
            p.may_part, p.said = self.may_part, self.said
        return parts

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        if self.shaped is not None:
            return self._rtl_wrap(aw)
        d = self.__dict__
        last: tuple[float, tuple[float, float]] | None = d.get("_wrapped")
        if last is not None and last[0] == aw and "blPara" in d:  # (a split drops the lines)
            return last[1]
        broken: dict[float, tuple[tuple[float, float], dict[str, Any]]] = d.setdefault("_broken", {})
        known = broken.get(aw)
        if known is not None:  # broken at this width before (balancing tries a paragraph in frames of two widths)
            d.update(known[1])
            d["_wrapped"] = (aw, known[0])
            return known[0]
        size: tuple[float, float] = super().wrap(aw, ah)
        d["_wrapped"] = (aw, size)
        broken[aw] = (size, {a: d[a] for a in _WRAPPED if a in d})
        return size

    def _rebroken(self) -> None:
        """Its lines as last broken; broken again at that width when a later trial (balancing the frames
        tries several) asked to split it where it could not be, which drops them."""
        last: tuple[float, tuple[float, float]] | None = self.__dict__.get("_wrapped")
        if "blPara" not in self.__dict__ and last is not None:
            super().wrap(last[0], last[1][1])

    def ops(self, x: float, y: float) -> list[Op] | None:
        """The operators drawing it at (x, y) would write, as data (layout/setting.py); None: it draws itself."""
        if self.shaped is not None:
            key = None if self.words_key is None else (self.words_key, self.width, self.height)
            lines = self.rtl_lines(self.width)
            return rtl.remembered_ops(key, lines, self.level, self.width, self.height, self.style, x, y)
        self._rebroken()
        return setting.paragraph_ops(self, x, y)

    def draw(self) -> None:
        if self.shaped is not None:
            rtl.draw(self.canv, self.rtl_lines(self.width), self.level, self.width, self.height, self.style)
            return
        self._rebroken()
        super().draw()


def paragraph_role(p: Paragraph) -> tuple[Role, int]:
    """What a paragraph is to a reader, from the style it is set in (and a heading's level), unless it says."""
    fixed: tuple[Role, int] | None = getattr(p, "fixed_role", None)
    if fixed is not None:
        return fixed
    name = str(p.style.name)
    if name.startswith("cover_title"):
        return "title", 1
    if name == "heading":
        return "heading", 2
    if name in ("subheading", "card_title"):
        return "heading", 3
    if name == "bullet":
        return "list_item", 0
    if name == "caption":
        return "caption", 0
    return "paragraph", 0


def place(canvas: Any, f: Flowable, x: float, y: float) -> None:
    """Draw f at (x, y) on the recording canvas (layout/paint.py); a paragraph is marked with its role and column.

    Our other flowables mark what they draw themselves: pieces of decoration are artifacts unless marked."""
    if isinstance(f, Paragraph):
        role, level = paragraph_role(f)
        element = str(getattr(f, "element", ""))
        said = str(getattr(f, "said", ""))
        box = Rect(x, y, float(f.width), float(f.height))
        canvas.begin_role(role, level, alt=said, measure=box, element=element)
        ops = f.ops(x, y) if isinstance(f, Para) and isinstance(canvas, Recorder) else None
        if ops is not None:
            canvas.paragraph(ops)
        else:
            f.drawOn(canvas, x, y)
        canvas.end_role()
    else:
        f.drawOn(canvas, x, y)


def begin_entry(canvas: Any, entry: Entry | None) -> None:
    """Open a list item around what a flowable draws (nothing for a flowable that is not one)."""
    if entry is not None:
        canvas.begin_role("list_item", entry=entry)


def end_entry(canvas: Any, entry: Entry | None) -> None:
    if entry is not None:
        canvas.end_role()


class Art(Flowable):  # type: ignore[misc]
    """A vector Drawing scaled to a fixed box (keeps its aspect ratio, centred); a figure, a QR code or decoration.

    The drawing may be given as a function that makes it: it is then made only when the Art is drawn (once, for
    the attempt that is printed), not for every body size the words are tried at."""

    def __init__(
        self,
        drawing: Drawing | Callable[[], Drawing],
        width: float,
        height: float,
        role: Role = "artifact",
        alt: str = "",
    ) -> None:
        super().__init__()
        self.make = drawing if callable(drawing) else (lambda: drawing)
        self.width = width
        self.height = height
        self.role: Role = role
        self.alt = alt

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        d = self.make()
        s = min(self.width / d.width, self.height / d.height)
        c = self.canv
        c.saveState()
        c.translate((self.width - d.width * s) / 2, (self.height - d.height * s) / 2)
        c.scale(s, s)
        c.begin_role(self.role, alt=self.alt)
        c.drawing(d)
        c.end_role()
        c.restoreState()


class Stack(Flowable):  # type: ignore[misc]
    """Paragraphs drawn one under another with fixed gaps; measured once per width. With `balanced`, its first
    paragraph (a label) breaks into lines about even, as a section heading does ("Escanee para / pedir cita", not
    "Escanee para pedir / cita")."""

    def __init__(self, parts: list[tuple[Paragraph, float]], entry: Entry | None = None, balanced: bool = False):
        super().__init__()
        self.parts = parts  # (paragraph, gap before it)
        self.entry = entry  # the list item it is, if it is one (a reference in full)
        self.balanced = balanced
        self._sizes: list[float] = []
        self._widths: list[float] = []  # each paragraph's lines' width
        self._width = self._height = 0.0  # (as last wrapped)

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        if self._sizes and aw == self._width:  # (its paragraphs hold their lines at the width last asked)
            return aw, self._height
        self._widths = [
            balanced_width(p, aw) if i == 0 and self.balanced and isinstance(p, Para) else aw
            for i, (p, _) in enumerate(self.parts)
        ]
        self._sizes = [p.wrap(w, 10_000)[1] for (p, _), w in zip(self.parts, self._widths, strict=True)]
        self.width = self._width = aw
        self.height = self._height = sum(self._sizes) + sum(g for _, g in self.parts)
        return aw, self._height

    def floor(self, aw: float) -> float:
        return sum(floor_height(p, aw) + g for p, g in self.parts)

    def draw_at(self, x: float, top: float) -> None:
        y = top
        begin_entry(self.canv, self.entry)
        for (p, gap), h, w in zip(self.parts, self._sizes, self._widths, strict=True):
            y -= gap + h
            rtl = getattr(p.style, "direction", "ltr") == "rtl"
            place(self.canv, p, x + (self.width - w if rtl else 0.0), y)  # (narrower: at the reading side)
        end_entry(self.canv, self.entry)

    def draw(self) -> None:
        self.draw_at(0, self.height)


class Column(Flowable):  # type: ignore[misc]
    """Flowables kept together, one under another (a card group never splits, but between its cards when it is
    taller than a whole frame)."""

    def __init__(self, parts: list[Flowable], gap: float):
        super().__init__()
        self.parts = parts
        self.gap = gap
        self._rows: list[float] = []

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self._rows = [p.wrap(aw, ah)[1] for p in self.parts]
        self.width = aw
        self.height = sum(self._rows) + self.gap * (len(self._rows) - 1)
        return aw, self.height

    def tallest_row(self, aw: float) -> float:
        """The height of its tallest piece at width aw: a group breaks between pieces, so no frame lower than this
        can hold it."""
        self.wrap(aw, 1e6)
        return max(self._rows, default=0.0)

    def floor(self, aw: float) -> float:
        return sum(floor_height(p, aw) for p in self.parts) + self.gap * (len(self.parts) - 1)

    def split_rows(self, aw: float, ah: float) -> list[Flowable]:
        """The group in two, between whole pieces, its first part as tall as fits in ah; [] when not even one
        fits. For a group taller than the whole frame it is in only (layout/flow.py asks then): a card group is
        otherwise never split."""
        for count in range(len(self.parts) - 1, 0, -1):
            first = Column(self.parts[:count], self.gap)
            if first.wrap(aw, ah)[1] <= ah + 0.01:
                return [first, Column(self.parts[count:], self.gap)]
        return []

    def draw(self) -> None:
        y = self.height
        for part, h in zip(self.parts, self._rows, strict=True):
            y -= h
            place(self.canv, part, 0.0, y + h - part.height)
            y -= self.gap


class SectionHeading(Flowable):  # type: ignore[misc]
    """A short accent rule over the section heading; keeps with what follows."""

    RULE_W = 18.0
    RULE_H = 2.4
    GAP = 5.0

    def __init__(self, text: str, theme: Theme, said: str = "") -> None:
        super().__init__()
        self.text = text
        self.para = Para(text, theme.style("heading"), said=said)  # (`said`: its words as written, where they read
        # otherwise: a line broken after a hyphen)
        self.rule_color = theme.palette.accent
        self.rtl = theme.direction == "rtl"  # the rule over the heading's first letter: at the right
        self.words = Balanced(self.para, self.rtl)
        z = theme.scale.zoom
        self.rule_w, self.rule_h, self.gap = self.RULE_W * z, self.RULE_H * z, self.GAP * z

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        _, ph = self.words.wrap(aw, ah)
        self.width, self.height = aw, ph + self.rule_h + self.gap
        return self.width, self.height

    def floor(self, aw: float) -> float:
        return floor_height(self.para, aw) + self.rule_h + self.gap

    def draw(self) -> None:
        c = self.canv
        c.setFillColor(self.rule_color)
        x = self.width - self.rule_w if self.rtl else 0.0
        c.rect(x, self.height - self.rule_h, self.rule_w, self.rule_h, stroke=0, fill=1)
        self.words.put(c, 0.0)


class Balanced(Flowable):  # type: ignore[misc]
    """A display paragraph (a section heading, the cover's title and subtitle) set at its balanced width
    (`balanced_width`): its lines about even, no word alone on the last ("for acne scars and dark / patches"); at the
    right, right to left."""

    def __init__(self, para: Para, rtl: bool) -> None:
        super().__init__()
        self.para, self.rtl, self.inner = para, rtl, 0.0

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.inner = balanced_width(self.para, aw)
        _, ph = self.para.wrap(self.inner, ah)
        self.width, self.height = aw, ph
        return self.width, self.height

    def put(self, canvas: Any, y: float) -> None:
        """Draw the paragraph at height y of the column it was wrapped in (a heading draws it under its rule)."""
        place(canvas, self.para, self.width - self.inner if self.rtl else 0.0, y)

    def draw(self) -> None:
        self.put(self.canv, 0.0)


BALANCE_TRIES = 8  # halvings of the range a heading's balanced width is looked for in (to 1/256 of a column)


def balanced_width(para: Para, aw: float) -> float:
    """The narrowest width, at most aw, at which a heading or a label breaks into as many lines as at aw: its lines
    about even, no word left alone on its last line ("What it can and cannot / do"), right to left too (its lines as
    layout/rtl.py breaks them). One line and a heading with a word wider than aw (the overrun check tells it) keep
    aw. Remembered per width on the paragraph (the flow asks again and again)."""
    known: dict[float, float] = para.__dict__.setdefault("_balanced", {})
    if aw in known:
        return known[aw]
    width = aw
    if para.shaped is not None:  # (right to left: its lines as layout/rtl.py breaks them; a long Arabic heading
        # across the bi-fold's back broke 110 mm and 24 mm)
        width = _narrowest(lambda w: len(para.rtl_lines(w)), 0.0, aw)
    elif para.minWidth() < aw:  # (a word wider than the column is told as too long, at aw)

        def lines_at(w: float) -> int:
            para.wrap(w, 1e6)
            return len(para.blPara.lines)

        width = _narrowest(lines_at, para.minWidth(), aw)
    known[aw] = width
    return width


def _narrowest(lines_at: Callable[[float], int], least: float, aw: float) -> float:
    """The narrowest width, found in BALANCE_TRIES halvings, at which `lines_at` counts as many lines as at aw (and
    no narrower than `least`); aw for one line."""
    count = lines_at(aw)
    low, high = max(aw / max(count, 1), least), aw
    for _ in range(BALANCE_TRIES if count > 1 else 0):
        mid = (low + high) / 2
        low, high = (low, mid) if lines_at(mid) == count else (mid, high)
    return high


class Bullet(Flowable):  # type: ignore[misc]
    """One list item: a small accent dot and a hanging-indented paragraph (the dot at the right, right to left)."""

    INDENT = 12.0

    def __init__(self, markup: str, theme: Theme, entry: Entry | None = None) -> None:
        super().__init__()
        self.para = Para(markup, theme.style("bullet"))
        self.entry = entry
        self.dot = theme.palette.accent
        self.font_size = theme.scale.body
        self.zoom = theme.scale.zoom
        self.indent = self.INDENT * self.zoom
        self.rtl = theme.direction == "rtl"

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        _, h = self.para.wrap(aw - self.indent, ah)
        self.width, self.height, self.text_h = aw, h, h
        return aw, h

    def floor(self, aw: float) -> float:
        return floor_height(self.para, aw - self.indent)

    def draw(self) -> None:
        c = self.canv
        begin_entry(c, self.entry)
        c.setFillColor(self.dot)
        y = self.height - self.font_size * 0.68
        c.begin_role("label")  # the list item's label: its dot
        dot_x = 3.0 * self.zoom
        c.circle(self.width - dot_x if self.rtl else dot_x, y, 1.9 * self.zoom, stroke=0, fill=1)
        c.end_role()
        text_x = 0.0 if self.rtl else self.indent
        place(c, self.para, text_x, self.height - self.text_h)  # top-aligned, also in a taller grid row
        end_entry(c, self.entry)


class Box(Flowable):  # type: ignore[misc]
    """A tinted, rounded panel holding an optional icon at the left (at the right with `rtl`) and stacked
    paragraphs; a bar, if any, along the same edge."""

    def __init__(
        self,
        stack: Stack,
        fill: Color | None,
        *,
        pad: float = 7.0,
        icon: Art | None = None,
        bar: Color | None = None,
        entry: Entry | None = None,
        rtl: bool = False,
    ) -> None:
        super().__init__()
        self.entry = entry  # the list item it is, if it is one (a contact line)
        self.rtl = rtl
        self.stack = stack
        self.fill = fill
        self.pad = pad
        self.icon = icon
        self.bar = bar

    def text_x(self) -> float:
        x = self.pad + (3.0 if self.bar else 0.0)
        if self.icon:
            x += self.icon.width + 7.0
        return x

    def icon_x(self) -> float:
        """Where the icon's left edge is in the box (its width known once wrapped)."""
        x = self.pad + (3.0 if self.bar else 0.0)
        return self.width - x - self.icon.width if self.rtl and self.icon else x

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        _, sh = self.stack.wrap(aw - self.text_x() - self.pad, ah)
        ih = self.icon.height if self.icon else 0.0
        self.width, self.height = aw, max(sh, ih) + 2 * self.pad
        return self.width, self.height

    def floor(self, aw: float) -> float:
        ih = self.icon.height if self.icon else 0.0
        return max(self.stack.floor(aw - self.text_x() - self.pad), ih) + 2 * self.pad

    def draw(self) -> None:
        c = self.canv
        begin_entry(c, self.entry)
        if self.fill is not None:
            c.setFillColor(self.fill)
            c.roundRect(0, 0, self.width, self.height, 4, stroke=0, fill=1)
        if self.bar:
            c.setFillColor(self.bar)
            c.rect(self.width - 3.0 if self.rtl else 0.0, 0, 3.0, self.height, stroke=0, fill=1)
        if self.icon:
            place(c, self.icon, self.icon_x(), self.height - self.pad - self.icon.height)
        self.stack.canv = c
        self.stack.draw_at(self.pad if self.rtl else self.text_x(), self.height - self.pad)
        end_entry(c, self.entry)


class Hanging(Flowable):  # type: ignore[misc]
    """A list item whose label hangs in a column of its own at the left (at the right, right to left), its
    paragraphs beside it past `indent`, the label's column and the gap after it; as tall as the taller of the two.

    What the label is, how tall it is and how it is drawn are the subclass's (`label_wrap`, `label_floor`,
    `draw_label`): a step's disc, a reference's number."""

    def __init__(self, stack: Stack, indent: float, entry: Entry | None, rtl: bool) -> None:
        super().__init__()
        self.stack = stack
        self.indent = indent
        self.entry = entry
        self.rtl = rtl

    def label_wrap(self, ah: float) -> float:
        """The label's height, the label measured (in ah)."""
        raise NotImplementedError

    def label_floor(self) -> float:
        """A lower bound of the label's height, cheap (see `floor_height`)."""
        raise NotImplementedError

    def draw_label(self, c: Any) -> None:
        """Draw the label on c, in the item as wrapped."""
        raise NotImplementedError

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        lh = self.label_wrap(ah)
        _, sh = self.stack.wrap(aw - self.indent, ah)
        self.width, self.height = aw, max(sh, lh)
        return aw, self.height

    def floor(self, aw: float) -> float:
        return max(self.stack.floor(aw - self.indent), self.label_floor())

    def draw(self) -> None:
        c = self.canv
        begin_entry(c, self.entry)
        self.draw_label(c)
        self.stack.canv = c
        self.stack.draw_at(0.0 if self.rtl else self.indent, self.height)
        end_entry(c, self.entry)


class StepRow(Hanging):
    """A numbered step: a filled disc with the number, then the step's title and text (the disc at the right,
    right to left)."""

    DISC = 17.0
    INDENT = 26.0

    def __init__(self, number: int, stack: Stack, theme: Theme, entry: Entry | None = None) -> None:
        z = theme.scale.zoom
        super().__init__(stack, self.INDENT * z, entry, theme.direction == "rtl")
        self.number = str(number)
        self.disc = theme.palette.primary
        self.ink = theme.palette.white
        self.font = theme.fonts.bold
        self.disc_d = self.DISC * z
        self.size = 9.0 if z == 1 else theme.scale.body  # large print: the number as large as the words

    def label_wrap(self, ah: float) -> float:
        return self.disc_d

    def label_floor(self) -> float:
        return self.disc_d

    def draw_label(self, c: Any) -> None:
        r = self.disc_d / 2
        cx, cy = (self.width - r if self.rtl else r), self.height - r + 1.5
        c.setFillColor(self.disc)
        c.circle(cx, cy, r, stroke=0, fill=1)
        c.setFillColor(self.ink)
        c.setFont(self.font, self.size)
        c.begin_role("label")
        c.drawCentredString(cx, cy - 3.2 * self.size / 9.0, self.number)
        c.end_role()


class Numbered(Hanging):
    """A numbered list item with its number hanging (a reference in full): the number in a column of its own at the
    left (at the right, right to left), the list item's label to a reader, and its paragraphs beside it.

    `column` is (the number column's width, the gap after it): the number is set in the column as its style aligns
    it (flush right: "9" over the "0" of "10"), the paragraphs all start past the gap."""

    def __init__(
        self, number: Para, stack: Stack, column: tuple[float, float], entry: Entry | None = None, rtl: bool = False
    ):
        super().__init__(stack, column[0] + column[1], entry, rtl)
        self.number = number
        self.column = column[0]  # the number's column

    def label_wrap(self, ah: float) -> float:
        return float(self.number.wrap(self.column, ah)[1])

    def label_floor(self) -> float:
        return floor_height(self.number, self.column)

    def draw_label(self, c: Any) -> None:
        place(c, self.number, self.width - self.column if self.rtl else 0.0, self.height - self.number.height)
