"""Paragraphs + a theme -> measurable flowables around them (art, stacks, groups, headings, bullets, tinted boxes)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.graphics.shapes import Drawing
from reportlab.lib.colors import Color
from reportlab.platypus import Flowable, Paragraph

from brochure.layout.model import Entry
from brochure.layout.para import Para, begin_entry, end_entry, floor_height, place
from brochure.theme.styles import Theme
from brochure.vocabulary import Role


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
