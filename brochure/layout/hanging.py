"""A stack of paragraphs + its label -> a list item, the label hanging beside it (a step's disc, a source's number)."""

from __future__ import annotations

from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from brochure.layout.flowables import Stack
from brochure.layout.model import Entry
from brochure.layout.para import Para, begin_entry, end_entry, floor_height, place
from brochure.theme.fallback import pieces
from brochure.theme.styles import Theme


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
    FILL = 0.7  # the most of the disc's width its number takes (within the circle at its top and foot too)

    def __init__(self, number: int, stack: Stack, theme: Theme, entry: Entry | None = None) -> None:
        z = theme.scale.zoom
        super().__init__(stack, self.INDENT * z, entry, theme.direction == "rtl")
        self.number = str(number)
        self.disc = theme.palette.primary
        self.ink = theme.palette.white
        self.font = _disc_font(self.number, theme.fonts.bold, theme.fonts.fallbacks_for(theme.fonts.bold))
        self.disc_d = self.DISC * z
        size = 9.0 if z == 1 else theme.scale.body  # large print: the number as large as the words
        wide = stringWidth("8" * len(self.number), self.font, size)  # (as wide as a number of its figures may be:
        # every number of as many figures at one size)
        self.size = min(size, size * self.FILL * self.disc_d / wide) if wide else size  # (a number of three
        # figures, the 100th step's, ran past both edges of its disc, white on the page)

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


def _disc_font(number: str, bold: str, fallbacks: tuple[str, ...]) -> str:
    """The face a step's number prints in: the body's bold, else the first of its fallbacks that has every digit of
    it, as a paragraph's words choose (a kit's bold without digits printed empty discs); the bold when none has
    them (the character check reports them at the steps block)."""
    (piece, *more) = pieces(number, bold, fallbacks)
    return piece[1] if not more else bold


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
