"""A Layout's frames -> Diagnostics on where things are printed: safe zone, folds, panels, overlaps.

Read from every drawn glyph line, picture and shape box (layout/paint.py measures them from what ReportLab set),
so a picture drawn too wide is seen where it lands, not where its frame was. Decoration meant to bleed (the
cover's colour field) and the marks are exempt. The layout keeps all of this by construction: these checks are
guards against a layout bug, and say so.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from brochure.diagnostics import Diagnostic, Location, Place, error, merged
from brochure.geometry.sheet import FOLD_CLEAR, MM, Rect
from brochure.inputs.content import Content
from brochure.layout.compose import FOLIO
from brochure.layout.model import Frame, Layout, Page, Picture, Run, Shape, Text
from brochure.layout.para import OVERRUN

GUARD = "this is a layout bug: please report it with the inputs"


def overset(item: Frame) -> bool:
    """A line run past its column: a word too long to break, reported as the words' problem (design.py), so
    where it lands is not also blamed on the layout."""
    return isinstance(item, Text) and item.overrun > OVERRUN


def _underlines(page: Page) -> set[int]:
    """The shapes drawn under an overset line's words (a link's underline, as long as the word run past its
    column): the words' problem too, which design.py reports once, not a layout bug where the line lands."""
    lines = [item for item in page.items if overset(item)]
    if not lines:  # (nearly every page: none)
        return set()
    return {
        id(item)
        for item in page.items
        if isinstance(item, Shape)
        and any(
            item.piece == line.piece
            and line.box.x - OVERLAP <= item.box.x
            and item.box.right <= line.box.right + OVERLAP
            and line.box.y - OVERLAP <= item.box.y
            and item.box.top <= line.box.top + OVERLAP
            for line in lines
        )
    }


Bounds = tuple[float, float, float, float]  # a box's left, bottom, right and top (as its Rect gives them)
OVERLAP = 0.5  # pt: boxes may touch; more than this across and down is one thing printed over another


def check_placement(layout: Layout, content: Content) -> list[Diagnostic]:
    """Everything printed stays in the safe area, clear of the folds, inside its own panel and off other pieces."""
    diags: list[Diagnostic] = []
    for n, page in enumerate(layout.pages):
        under = _underlines(page)
        shown = [item for item in page.items if not (item.role == "mark" or overset(item) or id(item) in under)]
        diags += _edges(layout, n, page, shown, content)
        diags += _overlaps(n, page, shown, content)
    return merged(diags)


def place(page: int, box: Rect) -> Place:
    """A box on the page'th page, as a finding shows it."""
    return Place(page, box.x, box.y, box.w, box.h)


def run_place(page: int, line: Text, run: Run) -> Place:
    """Where one run of a line is printed: from its descenders to its ascenders."""
    low = line.baseline + run.rise - 0.25 * run.size
    return Place(page, run.x, low, run.width, run.size)


def _what(item: Frame) -> str:
    if isinstance(item, Text):
        return "text"
    if item.bleeds:
        return "the cover's colour field"
    if isinstance(item, Picture) or item.role == "figure":
        return "a picture"
    if item.role == "qr":
        return "the QR code"
    return "a shape"


def where(content: Content, page: Page, item: Frame) -> Location:
    """The item's section in content.yaml (or the file), keyed by side, panel and section."""
    at = next((s.at for s in content.sections if s.id == item.section), Location(str(content.path), 1, 1))
    return replace(at, key=f"{page.side.name}/{item.region}" + (f"/{item.section}" if item.section else ""))


def _edges(layout: Layout, n: int, page: Page, shown: list[Frame], content: Content) -> Iterator[Diagnostic]:
    """Everything printed keeps to the safe area (office: nothing at all in the 5 mm the printer cannot print),
    3 mm clear of every fold, and inside its panel; in the press edition, decoration meant to bleed may run
    past the trim at the sheet's edge (it is cut there), never across a fold."""
    press = layout.sheet.target == "press"
    safe = _within(layout.sheet.safe)
    panels = {p.name: _within(p.trim) for p in page.side.panels}
    folds = [(fold + FOLD_CLEAR - 0.01, fold - FOLD_CLEAR + 0.01) for fold in page.side.folds]
    for item in shown:  # (the page's items but marks and overset lines)
        b = item.box
        left, bottom, right, top = b.x, b.y, b.right, b.top
        trimmed = item.bleeds and press  # runs on into the bleed, by design
        if not trimmed and not _inside(safe, left, bottom, right, top):
            at = where(content, page, item)
            yield error(at, f"{_what(item)} comes too close to the sheet edge", GUARD).at(place(n, b))
        for before, after in folds:
            if left < before and right > after:
                at = where(content, page, item)
                yield error(at, f"{_what(item)} is within {FOLD_CLEAR / MM:.0f} mm of a fold", GUARD).at(place(n, b))
        panel = panels.get(item.panel)
        if panel is not None and not trimmed and not _inside(panel, left, bottom, right, top):
            at = where(content, page, item)
            yield error(at, f"{_what(item)} runs out of its panel ({item.panel})", GUARD).at(place(n, b))


def _within(r: Rect) -> Bounds:
    """The bounds a box must keep to to be inside r (to a hundredth of a point), as Rect.contains compares them."""
    return r.x - 0.01, r.y - 0.01, r.right + 0.01, r.top + 0.01


def _inside(bounds: Bounds, left: float, bottom: float, right: float, top: float) -> bool:
    return left >= bounds[0] and bottom >= bounds[1] and right <= bounds[2] and top <= bounds[3]


def _overlaps(n: int, page: Page, shown: list[Frame], content: Content) -> Iterator[Diagnostic]:
    """Pieces (a paragraph, a card, a drawing) printed over one another: compared piece by piece, then item by item."""
    pieces: dict[int, list[tuple[Bounds, Frame]]] = {}  # each item with what it inks, worked out once
    for item in shown:
        if not item.bleeds:
            pieces.setdefault(item.piece, []).append((_core(item), item))
    boxes = {n: _union([core for core, _ in items]) for n, items in pieces.items()}
    for a, b in _near(boxes):
        hit = next(((x, y) for cx, x in pieces[a] for cy, y in pieces[b] if _crosses(cx, cy)), None)
        if hit is not None:
            x, y = hit
            yield error(
                where(content, page, y if isinstance(y, Text) else x),
                f"{_what(y)} is printed over {_what(x)}"
                + (f" of '{x.section}'" if x.section and x.section != y.section else ""),
                GUARD,
            ).at(place(n, x.box), place(n, y.box))


def _bounds(x: float, y: float, w: float, h: float) -> Bounds:
    """The bounds of Rect(x, y, w, h), worked out as its right and top are (x + w, y + h)."""
    return x, y, x + w, y + h


def _near(boxes: dict[int, Bounds]) -> list[tuple[int, int]]:
    """The pairs of pieces (by number, the lower first) whose boxes cross, in order: found by sweeping across the
    page from the left, each piece compared only with those that start before it ends."""
    order = sorted(boxes, key=lambda n: boxes[n][0])
    pairs = []
    for i, a in enumerate(order):
        ra = boxes[a]
        for b in order[i + 1 :]:
            rb = boxes[b]
            if rb[0] >= ra[2] - OVERLAP:  # (this one and all after it start too far right to cross a)
                break
            if _crosses(ra, rb):
                pairs.append((min(a, b), max(a, b)))
    return sorted(pairs)


def _core(item: Frame) -> Bounds:
    """What an item inks: a text line from its descenders to its capitals (a font's ascent and descent leave room
    above and below that two lines set close may share), anything else its box."""
    b = item.box
    if not isinstance(item, Text):
        return _bounds(b.x, b.y, b.w, b.h)
    size = max(r.size for r in item.runs)
    rise = [0.0 if r.actual is not None else r.rise for r in item.runs]  # (a shaped mark's offset moves its
    # glyph to its letter, wherever the font draws it: it says nothing of where the ink is)
    low = min(item.baseline + up - 0.2 * r.size for r, up in zip(item.runs, rise, strict=True))
    high = max(item.baseline + up + 0.72 * r.size for r, up in zip(item.runs, rise, strict=True))
    return _bounds(b.x, low, b.w, max(high - low, 0.1 * size))


def _crosses(a: Bounds, b: Bounds) -> bool:
    return min(a[2], b[2]) - max(a[0], b[0]) > OVERLAP and min(a[3], b[3]) - max(a[1], b[1]) > OVERLAP


def _union(boxes: list[Bounds]) -> Bounds:
    x, y = min(b[0] for b in boxes), min(b[1] for b in boxes)
    return _bounds(x, y, max(b[2] for b in boxes) - x, max(b[3] for b in boxes) - y)


def panel_feet(layout: Layout) -> list[dict[str, object]]:
    """The white space at the foot of each panel, in mm: from the lowest thing printed to the panel's content
    box (a report for the designer: balanced panels end about level; the cover's colour field and page numbers
    are left out)."""
    out: list[dict[str, object]] = []
    for page in layout.pages:
        for panel in page.side.panels:
            boxes = [
                i.box
                for i in page.items
                if i.panel == panel.name and not i.bleeds and i.role != "mark" and i.region != FOLIO
            ]
            foot = (min(b.y for b in boxes) - panel.content.y) / MM if boxes else panel.content.h / MM
            out.append({"side": page.side.name, "panel": panel.name, "white_at_foot_mm": round(foot, 1)})
    return out
