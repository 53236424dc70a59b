"""Items in reading order + a chain of frames -> placements per frame and what did not fit (pure measuring)."""

from __future__ import annotations

import itertools
from collections import deque
from dataclasses import replace

from reportlab.platypus import Flowable

from brochure.frozen import frozen
from brochure.geometry.sheet import MM, Rect
from brochure.layout.flowables import Art, Column
from brochure.layout.images import Picture
from brochure.layout.model import Placed
from brochure.layout.para import Para, floor_height

EPS = 0.01
AFTER_HEADING = 3  # lines of a paragraph, at least, under a heading at a frame's foot when the rest goes on
SHORT = 0.5  # with keep_sections, a section at most this share of a frame tall is kept whole (moving a longer one
# would leave more than half a page empty: it breaks, its heading kept with its first lines)


@frozen
class Item:
    """A flowable in the flow; space_before is dropped at the top of a frame."""

    flowable: Flowable
    section: str
    space_before: float = 0.0
    keep_with_next: bool = False
    bookmark: str = ""
    whole: bool = False  # the section this heading starts is kept whole (`keep: together`)
    fresh: bool = False  # the section this heading starts begins a new frame (`break: before`)
    apart_in_columns: bool = False  # kept with the next over a page or panel only: the next may start the next
    # column of the same page alone (a list's last item, several lines long, at the head of a column beside it)

    def kept(self, turn: bool) -> bool:
        """Whether it is kept with the next piece where the flow goes on to the next frame: over a page or panel
        (`turn`), or to the next column of the same page."""
        return self.keep_with_next and (turn or not self.apart_in_columns)


@frozen
class Frame:
    """A box that a flow fills, on page `page` (0: the first side of the sheet). The frames of a side are balanced
    together (a tri-fold's panels, the bi-fold's four inside columns); where a side holds more than one page,
    `leaf` names the page a frame is a column of (a bi-fold's inside: two pages, each in two columns), and a short
    section is kept whole (keep_sections) between pages, not between columns."""

    region: str
    box: Rect
    page: int = 0
    full: float = 0.0  # the frame's whole height where `box` is a balancing trial's shortened one (0: box.h)
    leaf: str = ""

    @property
    def seen(self) -> tuple[int, str]:
        """The columns of one page (`leaf`), else the frames of one side: where a short section runs on from one to
        the next (`turns_to`), and whose section gaps grow alike towards the fullest (layout/engine.py)."""
        return (self.page, self.leaf)

    def turns_to(self, after: Frame) -> bool:
        """Whether the flow goes on to another page from here: to a frame of another page, or from a frame that is
        a page of its own (no `leaf`); not to the next column of the same page."""
        return not self.leaf or after.seen != self.seen

    @property
    def whole(self) -> float:
        """The height of the whole frame: a card group taller than this splits between its rows, never one shorter
        (a balancing trial's shortened frame does not split a group the frame itself holds)."""
        return self.full or self.box.h


@frozen
class FlowResult:
    placed: tuple[tuple[Placed, ...], ...]  # one tuple per frame
    leftover: tuple[Item, ...]
    spare: tuple[float, ...]  # unused height at the foot of each frame
    queued: tuple[tuple[Item, ...], ...] = ()  # what was still to place as each frame began (a split piece's rest
    # first): a flow through the frames from one of them on, given these, places what this one placed there
    moved_on: tuple[bool, ...] = ()  # per frame: whether it ended where a section kept whole moved on to the next
    # frame because that one holds it (a decision a shorter next frame can undo: see balancing.placed_alike)

    @property
    def bookmarks(self) -> tuple[tuple[str, str, float, int], ...]:
        """(title, section, top, frame index) of every heading placed."""
        return tuple(
            (p.bookmark, p.section, p.box.top, i) for i, frame in enumerate(self.placed) for p in frame if p.bookmark
        )


def _fits_after(items: deque[Item], start: int, width: float, avail: float, whole: float, turn: bool) -> bool:
    """Whether the items kept together from `start` on, and the first piece of the one after, fit in avail (of a
    frame `whole` tall: a card group taller than that splits between its rows; `turn`: the next frame is over a
    page or panel, not the next column of the same page)."""
    for k, item in enumerate(itertools.islice(items, start, None), start):
        avail -= item.space_before
        if avail <= 0:
            return False
        f = item.flowable
        _, h = f.wrap(width, avail)
        if not item.kept(turn):
            if h <= avail + EPS and _lead_in(items, k, width):
                avail -= h  # (one line between a heading and the rest of its section: the rest's first piece too)
                continue
            if h > avail + EPS and _too_few_after(items, k, avail, width):
                return False  # (a heading and a line or two of its paragraph at a frame's foot: it goes on with them)
            tall = isinstance(f, Column) and h > whole + EPS
            return h <= avail + EPS or bool(f.split(width, avail)) or (tall and bool(f.split_rows(width, avail)))
        if h > avail + EPS:
            return False
        avail -= h
    return True


def _lead_in(items: deque[Item], k: int, width: float) -> bool:
    """Whether items[k] is a paragraph of one or two lines right after what is kept with it, with more of its section
    after it: a heading and those lines alone at a page's foot, the section (the list they lead into) overleaf, read
    as a stranded heading."""
    if k == 0 or k + 1 >= len(items) or not items[k - 1].keep_with_next:
        return False
    if isinstance(items[k - 1].flowable, (Art, Picture)):  # (a caption under its figure: no lead-in, a picture and
        return False  # its caption alone at a page's foot were sent overleaf, leaving three quarters of it blank)
    item, after = items[k], items[k + 1]
    if after.section != item.section or after.bookmark or not isinstance(item.flowable, Para):
        return False
    para = item.flowable
    lines = len(para.rtl_lines(width)) if para.shaped is not None else len(para.blPara.lines)
    return lines <= 2


def _too_few_after(items: deque[Item], k: int, avail: float, width: float) -> bool:
    """Whether items[k], a paragraph split right after a heading or subheading kept with it, would leave fewer than
    AFTER_HEADING of its lines under it at the frame's foot (the rest in the next column or overleaf). Room for
    just AFTER_HEADING lines of a paragraph one line longer leaves one line fewer: its last line is never alone
    overleaf (allowWidows), so a question and two lines of its four-line answer stood at a page's foot."""
    if k == 0 or not items[k - 1].keep_with_next or not isinstance(items[k].flowable, Para):
        return False
    para = items[k].flowable
    leading = float(para.style.leading)
    if avail < AFTER_HEADING * leading - EPS:
        return True
    if getattr(para.style, "allowWidows", 1) or int((avail + 1e-6) // leading) != AFTER_HEADING:
        return False
    lines = len(para.rtl_lines(width)) if para.shaped is not None else len(para.blPara.lines)  # (wrapped at width)
    return lines == AFTER_HEADING + 1


def _section_fits(items: deque[Item], width: float, room: float) -> bool:
    """Whether the section that starts at items[0] (its items up to the next section's) fits in `room`,
    its first gap left out. Stops measuring as soon as it does not: never more than `room` of words is wrapped."""
    sid, used = items[0].section, 0.0
    for i, item in enumerate(items):
        if item.section != sid or (i and item.bookmark):
            break
        used += (item.space_before if i else 0.0) + item.flowable.wrap(width, 1e6)[1]
        if used > room + EPS:
            return False
    return True


def _starts_next(queue: deque[Item], width: float, avail: float, after: Rect | None, keep_sections: bool) -> bool:
    """Whether the section that starts at queue[0] starts the next frame instead of this one's rest: it asks to
    (`fresh`); or it is kept whole (`whole`, or short with keep_sections) and the rest of this frame cannot
    hold it while the next frame can."""
    item = queue[0]
    if item.fresh:
        return True
    if after is None or not (item.whole or keep_sections):
        return False
    room = after.h if item.whole else SHORT * after.h
    return not _section_fits(queue, width, avail) and _section_fits(queue, after.w, room)


def flow(items: list[Item], frames: list[Frame], keep_sections: bool = False, over_page: bool = False) -> FlowResult:
    """Fill frames in order; split flowables that allow it; never strand a keep_with_next item.

    With `keep_sections`, a short section (at most SHORT of the next frame) is never split across frames:
    when the rest of this frame cannot hold it, it starts at the top of the next, whole (as a typesetter keeps
    a short section together across a page turn); between the columns of one page (`Frame.leaf`) it runs on.
    A longer section starts where it falls, its heading kept with its first lines. With `over_page`, a short
    section is kept whole so where the next frame is on another page only (a flyer's front and back): not split
    over the page. A section whose heading is `whole` is kept so at any length the next frame holds; one whose
    heading is `fresh` starts a frame of its own, or the first column of a page of its own where the frames are
    columns (after the last frame: it is left over)."""
    queue = deque(items)
    placed_all: list[tuple[Placed, ...]] = []
    spare: list[float] = []
    queued: list[tuple[Item, ...]] = []
    moved_on: list[bool] = []
    for index, frame in enumerate(frames):
        queued.append(tuple(queue))
        box = frame.box
        y = box.top
        placed: list[Placed] = []
        column = index > 0 and not frames[index - 1].turns_to(frame)  # (a page's second column, or later)
        after = frames[index + 1].box if index + 1 < len(frames) else None
        turn = after is not None and frame.turns_to(frames[index + 1])  # (not to the next column of a page)
        over = turn or after is None  # (what is kept with the next goes on with it: not between a page's columns)
        keep = (keep_sections and turn) or (over_page and after is not None and frames[index + 1].page != frame.page)
        moved = False
        while queue:
            item = queue[0]
            gap = item.space_before if placed else 0.0
            avail = y - gap - box.y
            if item.bookmark and (placed or (item.fresh and column)) and _starts_next(queue, box.w, avail, after, keep):
                moved = not item.fresh
                break  # the section starts the next frame (whole, or as it asks: a page, not a column)
            _, h = item.flowable.wrap(box.w, max(avail, 0.0))
            if h <= avail + EPS:
                if (
                    item.kept(over)
                    and placed
                    and len(queue) > 1
                    and not _fits_after(queue, 1, box.w, avail - h, frame.whole, over)
                ):
                    break
                top = y - gap
                rect = Rect(box.x, top - h, box.w, h)
                placed.append(Placed(item.flowable, rect, frame.region, item.section, bookmark=item.bookmark))
                y = top - h
                queue.popleft()
                continue
            parts = item.flowable.split(box.w, avail) if avail > 0 and not item.keep_with_next else []
            if not parts and avail > 0 and isinstance(item.flowable, Column) and h > frame.whole + EPS:
                parts = item.flowable.split_rows(box.w, avail)  # taller than a whole frame: between rows
            if len(parts) >= 2:
                queue.popleft()
                rest = [Item(p, item.section) for p in parts[1:]]
                queue.extendleft(reversed([replace(item, flowable=parts[0]), *rest]))
                continue
            break
        placed_all.append(tuple(placed))
        spare.append(y - box.y)
        moved_on.append(moved)
    return FlowResult(tuple(placed_all), tuple(queue), tuple(spare), tuple(queued), tuple(moved_on))


def stranded(items: list[Item], res: FlowResult, frames: list[Frame]) -> int:
    """How many frames end in a piece kept with the next (a heading, a sub-heading, a list's first item or the
    one before its last) while words follow in a later frame: what balancing must not make of a flow. (A list's
    item before its last may end a column whose page goes on in the next: `Item.kept`.)"""
    kept = {id(i.flowable): i for i in items if i.keep_with_next}
    used = [i for i, placed in enumerate(res.placed) if placed]
    last = used[-1] if used and not res.leftover else len(res.placed)
    return sum(
        1
        for i in used
        if i < last
        and (item := kept.get(id(res.placed[i][-1].flowable))) is not None
        and item.kept(i + 1 >= len(frames) or frames[i].turns_to(frames[i + 1]))
    )


GAP_GROWTH = 2 * MM  # a frame's section gaps may grow by this much to end level with the others (gaps within 3 mm)
BLOCK_GROWTH = 1 * MM  # and the gaps between its other pieces by this much, once the section gaps have grown


def _gaps(placed: tuple[Placed, ...]) -> tuple[int, int]:
    """(section gaps, other gaps) between a frame's pieces."""
    starts = sum(1 for i, p in enumerate(placed) if i > 0 and p.bookmark)
    return starts, max(0, len(placed) - 1 - starts)


def growth(placed: tuple[Placed, ...], extra: float) -> float:
    """How much of `extra` a frame's gaps can take (GAP_GROWTH a section gap, BLOCK_GROWTH any other)."""
    starts, others = _gaps(placed)
    return min(max(extra, 0.0), starts * GAP_GROWTH + others * BLOCK_GROWTH)


def evened(res: FlowResult) -> tuple[float, ...]:
    """Each frame's spare room once its gaps have grown towards the fullest frame's foot."""
    level = min(res.spare)
    return tuple(spare - growth(placed, spare - level) for placed, spare in zip(res.placed, res.spare, strict=True))


def even_up(placed: tuple[Placed, ...], extra: float) -> tuple[Placed, ...]:
    """The frame's pieces moved down to take `extra` (at most its growth): section gaps first, alike, up to
    GAP_GROWTH each; then the other gaps, alike, up to BLOCK_GROWTH each."""
    take = growth(placed, extra)
    starts, others = _gaps(placed)
    if take <= 0:
        return placed
    per_start = min(GAP_GROWTH, take / starts) if starts else 0.0
    per_other = min(BLOCK_GROWTH, (take - per_start * starts) / others) if others else 0.0
    out: list[Placed] = []
    shift = 0.0
    for i, p in enumerate(placed):
        if i > 0:
            shift += per_start if p.bookmark else per_other
        out.append(p.moved(-shift))
    return tuple(out)


def height_of(items: tuple[Item, ...], width: float) -> float:
    """The height items would need in one column of this width."""
    total = 0.0
    for i, item in enumerate(items):
        total += (item.space_before if i else 0.0) + item.flowable.wrap(width, 1e6)[1]
    return total


def floor_of(items: list[Item], width: float) -> list[float]:
    """A lower bound of each item's height with its gap, in one column of this width (no line breaking)."""
    return [item.space_before + floor_height(item.flowable, width) for item in items]
