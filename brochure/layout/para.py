"""Paragraph markup + a style -> Para (lines broken once per width, its overrun, a height floor); `place` draws it."""

from __future__ import annotations

import copy
import re
from typing import Any

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
