"""The layout's output as data: pages of frames (positioned text lines, shapes, pictures, links), in sheet coordinates.

Frames are what is printed, measured from what ReportLab sets (layout/paint.py): every text run with its font,
size and ink in the edition's colour space, every shape's path and inks, every picture's box and pixels. Each item
carries its section, its panel (region), a role, the element of the words it is part of (a paragraph, a heading,
a figure; a list item's entry) and its paint order (z); a page lists them in the folded leaflet's reading order.
render/ draws them (and tags them for the office edition) and nothing else; preflight/ reads them. Nothing here
holds a ReportLab object.

`Placed` (a measured flowable at its place) is the layout's own working form, before painting; it never leaves
layout/.
"""

from __future__ import annotations

from dataclasses import field, replace
from typing import Any, Literal

from reportlab.platypus import Flowable

from brochure.diagnostics import Location
from brochure.frozen import frozen
from brochure.geometry.sheet import Rect, Sheet, Side
from brochure.vocabulary import Numbering, Role

Space = Literal["rgb", "cmyk", "gray"]


@frozen
class Ink:
    """A colour as printed: its colour space and values (0..1), its opacity, and a spot name for marks."""

    space: Space
    values: tuple[float, ...]
    alpha: float = 1.0
    spot: str = ""  # "All" for registration marks (prints on every plate)


def ink_of(colour: object) -> Ink:
    """A ReportLab colour (Color, CMYKColor or a registration colour) as an Ink: the one conversion."""
    spot = getattr(colour, "spotName", None) or ""
    alpha = float(getattr(colour, "alpha", 1.0) if getattr(colour, "alpha", None) is not None else 1.0)
    c: Any = colour
    if hasattr(c, "cyan"):
        return Ink("cmyk", (float(c.cyan), float(c.magenta), float(c.yellow), float(c.black)), alpha, spot)
    return Ink("rgb", (float(c.red), float(c.green), float(c.blue)), alpha)


@frozen
class Run:
    """Text set in one font, size and ink on a line: `x` is where it starts, `width` how far it runs."""

    text: str  # as written (logical order)
    font: str  # the registered font's name
    size: float  # as printed, in points
    ink: Ink
    x: float
    width: float
    rise: float = 0.0  # superscripts sit above the baseline
    char_space: float = 0.0
    word_space: float = 0.0
    h_scale: float = 100.0  # horizontal scale, in percent
    actual: str | None = None  # shaped text: `text` holds the glyphs as printed (left to right), `actual` the
    # words they stand for in logical order, for this run and the runs after it that have "" (one line's worth);
    # SOFT_HYPHEN for the '-' added where a line broke at a soft hyphen in the words


SOFT_HYPHEN = "\xad"  # (a tagged PDF reads an added hyphen as U+00AD: PDF Reference 1.7, "Incidental Artifacts")


Segment = tuple[str, tuple[float, ...]]  # ("m"|"l"|"c"|"re"|"h", coordinates in page space)


@frozen
class Clip:
    path: tuple[Segment, ...]
    even_odd: bool = False


@frozen
class Entry:
    """An item of a list (a bullet, a step, a contact line, a reference): the list's key (unique in the layout),
    the item's place in it (from 0), how the list marks its items, and its language where it is another."""

    list: str
    number: int
    numbering: Numbering
    language: str = ""  # the item's language where it is not the leaflet's (an English source in a Spanish one)


@frozen(kw_only=True)
class Item:
    """What every frame item carries: where it is, whose it is, what it is to a reader, and when it is painted."""

    box: Rect  # what is drawn (glyph boxes, a path's extent, a picture's placed size)
    region: str  # the layout's region it was placed in (cover, back, flap, inside-1, front-left, ...)
    panel: str = ""  # the sheet's panel that region lies on (front-left and front-right lie on the flyer's front)
    section: str = ""
    role: Role = "artifact"
    level: int = 0  # a heading's level (1: the title)
    alt: str = ""  # a figure's text alternative
    element: str = ""  # the element it is part of (key unique in the layout): the lines of a paragraph, heading or
    # caption share it, also when the paragraph is split across panels or pages; a figure's shapes and labels too
    entry: Entry | None = None  # the list item it is part of
    z: int = 0  # paint order on its page
    piece: int = 0  # the placed piece it was drawn as part of (a paragraph, a card, a drawing), per page
    bleeds: bool = False  # decoration meant to run into the bleed and across folds (the cover field)


@frozen(kw_only=True)
class Text(Item):
    """One line of text: its runs on a common baseline; `measure` is the column it was set in."""

    runs: tuple[Run, ...]
    baseline: float
    measure: Rect

    @property
    def text(self) -> str:
        """The words as written (logical order, also where they were shaped)."""
        return "".join(r.text if r.actual is None else r.actual for r in self.runs)

    @property
    def overrun(self) -> float:
        """How far the line runs past either side of its column (0 when it keeps to it): past the right as a
        left-to-right word too long for its line does, past the left as a right-to-left one set flush right does."""
        return max(0.0, self.box.right - self.measure.right, self.measure.x - self.box.x)


@frozen(kw_only=True)
class Shape(Item):
    """A path filled and/or stroked; `clip` lists the clip paths in force when it is painted."""

    path: tuple[Segment, ...]
    fill: Ink | None = None
    stroke: Ink | None = None
    line_width: float = 1.0
    cap: int = 0
    join: int = 0
    dash: tuple[tuple[float, ...], float] = ((), 0.0)
    even_odd: bool = False
    clip: tuple[Clip, ...] = ()


@frozen(kw_only=True)
class Picture(Item):
    """A raster picture at its placed box: the bytes embedded, their pixel size and colour space."""

    data: bytes = field(repr=False)
    pixels: tuple[int, int]
    space: str  # "RGB", "CMYK", "L"
    at: Location  # where the content or brand kit names it

    @property
    def ppi(self) -> tuple[float, float]:
        return self.pixels[0] / (self.box.w / 72), self.pixels[1] / (self.box.h / 72)


Frame = Text | Shape | Picture


@frozen
class Link:
    url: str
    box: Rect


@frozen
class Language:
    """Words in a language that is not the leaflet's (an English source in a Spanish one), in a box as a link's
    words are (one a line), so that a screen reader reads them in their own language: a BCP 47 tag."""

    language: str
    box: Rect


@frozen
class Bookmark:
    title: str
    key: str
    top: float


@frozen
class Page:
    """One printed side: its items in reading order (paint them by z), links and outline targets."""

    side: Side
    items: tuple[Frame, ...]
    links: tuple[Link, ...]
    bookmarks: tuple[Bookmark, ...]
    languages: tuple[Language, ...] = ()  # words in another language than the leaflet's, where they are

    def painted(self) -> tuple[Frame, ...]:
        """The items in the order they are painted (later ones over earlier ones)."""
        return tuple(sorted(self.items, key=lambda i: i.z))


@frozen
class Layout:
    """Everything the renderer draws; nothing here touches a canvas."""

    sheet: Sheet
    pages: tuple[Page, ...]
    outline: tuple[tuple[str, str], ...]  # (title, bookmark key) in reading order
    qr: QrPlacement | None = None
    views: tuple[tuple[tuple[int, str], ...], ...] = ()  # (page, panel) seen at each reading step
    body_size: float = 0.0  # the inside's body type size, as the words were fitted (tightened, or set larger)


@frozen
class QrPlacement:
    """Where the QR code sits (page index, box including its quiet zone) and what it must decode to."""

    url: str
    page: int
    box: Rect
    modules: int
    quiet_modules: int


# The layout's working form (never leaves layout/): measured flowables at their places, before painting.


@frozen
class Placed:
    """A measured flowable at its place; `text` marks items that must keep to the safe zone."""

    flowable: Flowable
    box: Rect
    region: str
    section: str = ""
    text: bool = True
    bookmark: str = ""  # set on a section's heading: the outline entry that points here

    def moved(self, dy: float) -> Placed:
        return replace(self, box=Rect(self.box.x, self.box.y + dy, self.box.w, self.box.h))


@frozen
class Draft:
    """A page of placed flowables, as the engine composes it (painted into a Page at the end)."""

    side: Side
    items: tuple[Placed, ...]
    links: tuple[Link, ...]
    bookmarks: tuple[Bookmark, ...]


@frozen
class DraftLayout:
    sheet: Sheet
    pages: tuple[Draft, ...]
    outline: tuple[tuple[str, str], ...]
    qr: QrPlacement | None
    views: tuple[tuple[tuple[int, str], ...], ...]
    body_size: float
