"""Placed flowables -> frames: each is drawn once onto a recording canvas, and what it sets is read back as items.

ReportLab measures and breaks the lines (layout/flow.py); here each placed flowable draws itself onto a
`Recorder` (layout/recorder.py), a canvas that is never saved, and layout/operators.py reads the operators it
emitted into positioned text lines, shapes, pictures and links. The items of each page are listed in the folded
leaflet's reading order; crop and fold marks are added as items too. The Recorder is made per build: nothing
here is shared between builds.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from brochure.geometry.marks import marks
from brochure.geometry.sheet import Sheet
from brochure.layout.boxes import bounds
from brochure.layout.flowables import Art
from brochure.layout.images import Picture
from brochure.layout.model import (
    Draft,
    DraftLayout,
    Frame,
    Ink,
    Language,
    Layout,
    Page,
    Placed,
    Segment,
    Shape,
)
from brochure.layout.operators import Reader, Tags
from brochure.layout.para import place
from brochure.layout.recorder import Recorder
from brochure.layout.typeset import refine
from brochure.theme.fonts import forget_document

MARK_WIDTH = 0.25  # pt
FOLD_DASH: tuple[tuple[float, ...], float] = ((3.0, 2.0), 0.0)  # pt on, pt off: a fold mark, not a cut
REGISTRATION = Ink("cmyk", (1.0, 1.0, 1.0, 1.0), spot="All")  # prints on every plate
BLACK = Ink("cmyk", (0.0, 0.0, 0.0, 1.0))  # 100 % K: the press palette's black (type, lines)
RICH_BLACK = Ink("cmyk", (0.4, 0.4, 0.4, 1.0))  # a large black field's ink in the press edition: 220 %, within the
# 300 % a press takes (and digital's 240 %); 100 % K alone prints a dark grey there, uneven over a large area
RICH_LEAST = 25 * 72 / 25.4  # a field at least this many points across both ways is large (25 mm: not a disc, a
# badge or a bar that type is knocked out of, where four plates would fringe the letters)


# -- pages -------------------------------------------------------------------------------------------------------


def paint(draft: DraftLayout, base_font: str) -> Layout:
    """Every placed flowable drawn once and read back; the items of each page listed in reading order."""
    sheet = draft.sheet
    rec = Recorder(sheet, base_font)
    try:
        pages = tuple(_page(rec, sheet, d, draft.views) for d in draft.pages)
    finally:
        forget_document(rec._doc, list(rec._doc.fontMapping))
    return Layout(sheet, pages, draft.outline, draft.qr, draft.views, draft.body_size)


def _page(rec: Recorder, sheet: Sheet, draft: Draft, views: tuple[tuple[tuple[int, str], ...], ...]) -> Page:
    out: list[Frame] = []
    links = list(draft.links)
    languages: list[Language] = []
    z = iter(range(1_000_000))
    for piece, placed in enumerate(draft.items, start=1):
        reader = _read(rec, placed, _panel(draft, placed), piece, out, z, sheet.direction == "rtl")
        links += reader.links
        languages += reader.languages
    if sheet.slug:
        out += _marks(sheet, draft, z)
    if sheet.target == "press":
        out = [_rich(item) if isinstance(item, Shape) else item for item in out]
    out = refine(out)
    index = sheet.sides.index(draft.side)
    step = {name: i for i, view in enumerate(views) for page, name in view if page == index}
    order = sorted(out, key=lambda item: (step.get(item.panel, len(step)), item.z))
    return Page(draft.side, tuple(order), tuple(links), draft.bookmarks, tuple(languages))


def _panel(draft: Draft, placed: Placed) -> str:
    """The panel a piece was placed on: the one its left edge starts in (where the layout put it)."""
    x = placed.box.x + 0.5
    for p in draft.side.panels:
        if p.trim.x <= x < p.trim.right:
            return p.name
    return min(draft.side.panels, key=lambda p: abs(p.trim.x + p.trim.w / 2 - x)).name


def _read(
    rec: Recorder, placed: Placed, panel: str, piece: int, out: list[Frame], z: Iterator[int], rtl: bool = False
) -> Reader:
    start = len(rec._code)
    rec.saveState()
    x, f = placed.box.x, placed.flowable
    if rtl and isinstance(f, Art | Picture) and f.width < placed.box.w - 0.01:
        x = placed.box.right - f.width  # a drawing or picture narrower than its column: at its right, read first
    place(rec, f, x, placed.box.y)
    rec.restoreState()
    code = "\n".join(rec._code[start:])
    del rec._code[start:]
    tags = Tags(placed.region, panel, placed.section, not placed.text, placed.box, piece)
    reader = Reader(rec, tags, out, z)
    reader.read(code)
    return reader


def _rich(item: Shape) -> Shape:
    """A large field of 100 % K (a cover band in a black brand colour) filled with rich black, as prepress builds
    one; lettering, lines, icons, a logo, the QR code (figures, not decoration) and small shapes stay one plate.
    Made here, in the frames, so that preflight reads the ink that prints."""
    if item.fill != BLACK or item.role != "artifact":
        return item
    if min(item.box.w, item.box.h) < RICH_LEAST:
        return item
    return replace(item, fill=RICH_BLACK)


def _marks(sheet: Sheet, draft: Draft, z: Iterator[int]) -> list[Frame]:
    out: list[Frame] = []
    for kind, (x1, y1, x2, y2) in marks(sheet, draft.side):
        path: tuple[Segment, ...] = (("m", (x1, y1)), ("l", (x2, y2)))
        out.append(
            Shape(
                box=bounds(path, MARK_WIDTH),
                region="slug",
                panel="slug",
                role="mark",
                z=next(z),
                bleeds=True,
                path=path,
                stroke=REGISTRATION,
                line_width=MARK_WIDTH,
                dash=FOLD_DASH if kind == "fold" else ((), 0.0),  # crop marks solid, fold marks dashed
            )
        )
    return out
