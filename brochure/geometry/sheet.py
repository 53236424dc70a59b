"""Paper, layout panel widths and target -> a Sheet: media, trim, bleed, folds, panels and safe zones (pure math)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import field, replace

from brochure.frozen import frozen
from brochure.vocabulary import Direction, LayoutName, PaperName, Target

MM = 72 / 25.4
INCH = 72.0


@frozen
class Rect:
    """An axis-aligned box in points, origin at the bottom left of the page."""

    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def top(self) -> float:
        return self.y + self.h

    def inset(self, left: float, bottom: float, right: float, top: float) -> Rect:
        return Rect(self.x + left, self.y + bottom, self.w - left - right, self.h - bottom - top)

    def halves(self, gutter: float) -> tuple[Rect, Rect]:
        """Two columns of the box, left and right, `gutter` apart."""
        w = (self.w - gutter) / 2
        return Rect(self.x, self.y, w, self.h), Rect(self.right - w, self.y, w, self.h)

    def contains(self, other: Rect, tol: float = 1e-6) -> bool:
        return (
            other.x >= self.x - tol
            and other.y >= self.y - tol
            and other.right <= self.right + tol
            and other.top <= self.top + tol
        )


@frozen
class Paper:
    """A sheet size (landscape for folds is decided by the layout) and its print-shop bleed."""

    name: PaperName
    short: float
    long: float
    bleed: float


PAPER_SIZES: dict[PaperName, Paper] = {
    "a4": Paper("a4", 210 * MM, 297 * MM, 3 * MM),
    "letter": Paper("letter", 8.5 * INCH, 11 * INCH, 0.125 * INCH),
}

# Roll-fold panel widths, left to right on the INSIDE side; the narrow panel folds in.
TRIFOLD_WIDTHS: dict[PaperName, tuple[float, float, float]] = {
    "a4": (100 * MM, 100 * MM, 97 * MM),
    "letter": (3.6875 * INCH, 3.6875 * INCH, 3.625 * INCH),
}

OFFICE_EDGE = 5 * MM  # office printers cannot print closer to the sheet edge
FOLD_CLEAR = 3 * MM  # keep text this far from a fold
TRIM_CLEAR = 3 * MM  # keep text this far inside the trim
MARGIN_SIDE = 8 * MM  # panel margin at trim edges and folds
MARGIN_TOP = 10 * MM
FLYER_MARGIN = 12 * MM  # a flat sheet has no folds: wider outer margins
MARK_GAP = 2 * MM  # crop and fold marks start this far beyond the bleed's edge (clear of it, as shops ask)
MARK_LENGTH = 5 * MM  # and are this long
MARK_MARGIN = 2 * MM  # media beyond the end of the marks
MARGIN_BOTTOM = 9 * MM
LARGE_PRINT_PAGES = 16  # the most pages a large-print edition may take
LARGE_PRINT_MARGINS = (18 * MM, 24 * MM, 18 * MM)  # sides, foot (where the page number is), top: generous


@frozen
class Panel:
    """One panel of one side: its area on the trimmed sheet and the box text must stay in."""

    name: str
    side: int
    trim: Rect
    content: Rect
    bleed_left: bool
    bleed_right: bool


@frozen
class Side:
    name: str
    panels: tuple[Panel, ...]
    folds: tuple[float, ...]

    def panel(self, name: str) -> Panel:
        return next(p for p in self.panels if p.name == name)


@frozen
class Sheet:
    """Everything about the flat sheet: media = trim + bleed (+ a slug for marks); media coordinates."""

    paper: Paper
    target: Target
    media: Rect
    trim: Rect
    bleed: float
    sides: tuple[Side, ...]
    slug: float = 0.0  # room beyond the bleed for crop and fold marks (0: no marks)
    # which way it reads: 'rtl' is the mirror image of the 'ltr' sheet (left out of repr: the panels say it)
    direction: Direction = field(default="ltr", repr=False)

    @property
    def bleed_box(self) -> Rect:
        """The trim grown by the bleed on every side: what the printer may print on."""
        b = self.bleed
        return self.trim.inset(-b, -b, -b, -b)

    @property
    def safe(self) -> Rect:
        """The area text must stay inside: clear of the office edge or inside the trim tolerance."""
        clear = OFFICE_EDGE if self.target == "office" else TRIM_CLEAR
        return self.trim.inset(clear, clear, clear, clear)

    def panels(self) -> tuple[Panel, ...]:
        return tuple(p for s in self.sides for p in s.panels)


def _frame(
    paper_name: PaperName, target: Target, marks: bool, landscape: bool
) -> tuple[Paper, float, float, Rect, Rect]:
    """(paper, bleed, slug, media, trim) for a sheet in either orientation."""
    paper = PAPER_SIZES[paper_name]
    bleed = paper.bleed if target == "press" else 0.0
    slug = MARK_GAP + MARK_LENGTH + MARK_MARGIN if marks and target == "press" else 0.0
    edge = bleed + slug
    tw, th = (paper.long, paper.short) if landscape else (paper.short, paper.long)
    return paper, bleed, slug, Rect(0, 0, tw + 2 * edge, th + 2 * edge), Rect(edge, edge, tw, th)


def trifold(paper_name: PaperName, target: Target, marks: bool = False) -> Sheet:
    """A roll-fold tri-fold on a landscape sheet: outside flap|back|cover, inside 1|2|3 (narrow right)."""
    paper, bleed, slug, media, trim = _frame(paper_name, target, marks, landscape=True)
    inside_w = TRIFOLD_WIDTHS[paper_name]
    outside_w = tuple(reversed(inside_w))
    sides = (
        _side("outside", 0, trim, outside_w, ("flap", "back", "cover")),
        _side("inside", 1, trim, inside_w, ("inside-1", "inside-2", "inside-3")),
    )
    return Sheet(paper, target, media, trim, bleed, sides, slug)


def bifold(paper_name: PaperName, target: Target, marks: bool = False) -> Sheet:
    """A landscape sheet folded once to A5 (or half-letter): outside back|cover, inside a two-page spread."""
    paper, bleed, slug, media, trim = _frame(paper_name, target, marks, landscape=True)
    half = (trim.w / 2, trim.w / 2)
    sides = (
        _side("outside", 0, trim, half, ("back", "cover")),
        _side("inside", 1, trim, half, ("inside-1", "inside-2")),
    )
    return Sheet(paper, target, media, trim, bleed, sides, slug)


def flyer(paper_name: PaperName, target: Target, marks: bool = False) -> Sheet:
    """A portrait sheet printed both sides, no folds: front and back, each one panel with wider margins."""
    paper, bleed, slug, media, trim = _frame(paper_name, target, marks, landscape=False)
    sides = (
        _side("front", 0, trim, (trim.w,), ("front",), FLYER_MARGIN),
        _side("back", 1, trim, (trim.w,), ("back",), FLYER_MARGIN),
    )
    return Sheet(paper, target, media, trim, bleed, sides, slug)


def large_print(paper_name: PaperName, target: Target, marks: bool = False) -> Sheet:
    """Portrait pages printed one after another (stapled or clipped, not folded), each one panel with wide
    margins; the layout uses as few of the LARGE_PRINT_PAGES as its words need."""
    paper, bleed, slug, media, trim = _frame(paper_name, target, marks, landscape=False)
    sides = tuple(
        _side(f"page-{i}", i - 1, trim, (trim.w,), (f"page-{i}",), *LARGE_PRINT_MARGINS)
        for i in range(1, LARGE_PRINT_PAGES + 1)
    )
    return Sheet(paper, target, media, trim, bleed, sides, slug)


def _side(
    name: str,
    index: int,
    trim: Rect,
    widths: tuple[float, ...],
    names: tuple[str, ...],
    margin: float = MARGIN_SIDE,
    foot: float = MARGIN_BOTTOM,
    top: float = MARGIN_TOP,
) -> Side:
    panels: list[Panel] = []
    x = trim.x
    for i, (w, pname) in enumerate(zip(widths, names, strict=True)):
        box = Rect(x, trim.y, w, trim.h)
        content = box.inset(margin, foot, margin, top)
        panels.append(Panel(pname, index, box, content, i == 0, i == len(widths) - 1))
        x += w
    folds = tuple(p.trim.right for p in panels[:-1])
    return Side(name, tuple(panels), folds)


def mirrored(sheet: Sheet) -> Sheet:
    """The right-to-left sheet: `sheet` seen in a mirror, every panel and fold reflected about the trim's middle
    (a tri-fold's outside reads cover | back | flap from the left, its narrow fold-in panel is on the left of the
    inside). Each side's panels keep their reading order (inside-1 first, now at the right); folds run left to
    right."""
    t = sheet.trim

    def flip(r: Rect) -> Rect:
        return Rect(2 * t.x + t.w - r.right, r.y, r.w, r.h)

    def panel(p: Panel) -> Panel:
        return replace(
            p, trim=flip(p.trim), content=flip(p.content), bleed_left=p.bleed_right, bleed_right=p.bleed_left
        )

    sides = tuple(
        Side(s.name, tuple(panel(p) for p in s.panels), tuple(sorted(2 * t.x + t.w - f for f in s.folds)))
        for s in sheet.sides
    )
    return replace(sheet, sides=sides, direction="rtl")


def sheet_for(layout: LayoutName, paper: PaperName, target: Target, marks: bool, direction: Direction) -> Sheet:
    """The layout's sheet, mirrored for a right-to-left language."""
    sheet = SHEETS[layout](paper, target, marks)
    return mirrored(sheet) if direction == "rtl" else sheet


SHEETS: dict[LayoutName, Callable[[PaperName, Target, bool], Sheet]] = {
    "trifold": trifold,
    "bifold": bifold,
    "flyer": flyer,
    "large-print": large_print,
}
