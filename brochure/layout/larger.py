"""A main flow's words at their own body size -> the larger sizes worth trying to fill it, and whether a draft set
larger may be taken (its frames ending about level, no word past its column). layout/engine.py attempts them."""

from __future__ import annotations

from brochure.diagnostics import Diagnostic
from brochure.geometry.sheet import MM
from brochure.layout.compose import Inputs, Plain, fill, flow_plain
from brochure.layout.flow import Frame
from brochure.layout.model import DraftLayout, Layout, Text
from brochure.layout.para import OVERRUN

LEVEL_PANELS = 12 * MM  # how far apart a side's main frames may end, set larger (a page's panels or columns)
LEVEL_SPREAD = 20 * MM  # (the bi-fold's inside, two pages of two columns seen together opened)


def sizes_to_try(frames: tuple[Frame, ...], inp: Inputs) -> tuple[tuple[float, ...] | list[Diagnostic], Plain | None]:
    """The main flow flowed plain (each frame filled in turn) at the words' own size: the larger sizes its filled
    share says might fit (Scale.larger: an estimate, as if every line grew; headings and pictures do not), largest
    first; none when the kit's size is FILL_TO or more, or the words end before the last page of a bi-fold's
    inside (too few: larger type would only spread them thinner; the balancing leaves its second page empty).
    The flow's findings when it leaves words over (a flow that leaves words over is not balanced: an attempt at
    this size would flow the same, and fail on it). With them, the plain flow when it placed every word (None when
    none was made): the attempt at the own size, if made, balances it rather than flow it again."""
    sections = [s for s in inp.sections if (s.place or "main") == "main"]
    if not frames or not sections or not inp.theme.scale.larger(0.01):  # (no size over the kit's to try)
        return (), None
    flowed = flow_plain(inp, sections, list(frames), True)
    res, diags = fill(inp, sections, list(frames), False, True, flowed)
    if res.leftover:
        return diags, None
    kept = None if flowed.final else flowed
    used = [i for i, placed in enumerate(res.placed) if placed]
    if any(d.is_error for d in diags) or not used or frames[used[-1]].seen != frames[-1].seen:
        return (), kept
    return inp.theme.scale.larger(1.0 - sum(res.spare) / sum(f.box.h for f in frames)), kept  # (the share filled)


def level(frames: tuple[Frame, ...], draft: DraftLayout) -> bool:
    """Whether the main frames of a draft set larger all hold words and end about level: each side's within
    LEVEL_PANELS of each other (a side of two pages, LEVEL_SPREAD), as the balancing leaves the words at their own
    size (a section moved whole over a page turn or to a narrow panel may leave one short)."""
    feet = _feet(frames, draft)
    if feet is None:
        return False
    by_side: dict[int, list[float]] = {}
    pages: dict[int, set[str]] = {}
    for f, foot in zip(frames, feet, strict=True):
        by_side.setdefault(f.page, []).append(foot)
        pages.setdefault(f.page, set()).add(f.leaf)
    return all(
        max(ys) - min(ys) <= (LEVEL_SPREAD if len(pages[side]) > 1 else LEVEL_PANELS) for side, ys in by_side.items()
    )


def in_columns(frames: tuple[Frame, ...], painted: Layout) -> bool:
    """No line of the main flow, as painted, runs past its column (a long web address at a larger size)."""
    regions = {f.region for f in frames}
    return not any(
        isinstance(t, Text) and t.region in regions and t.overrun > OVERRUN
        for page in painted.pages
        for t in page.items
    )


def _feet(frames: tuple[Frame, ...], draft: DraftLayout) -> list[float] | None:
    """Where the words placed in each main frame end (the lowest foot of what it holds); None when a frame holds
    nothing."""
    feet: list[float] = []
    pages = {draft.sheet.sides.index(page.side): page.items for page in draft.pages}
    for f in frames:  # (a bi-fold page's two columns are one region: its items are told apart by where they start)
        ys = [p.box.y for p in pages.get(f.page, ()) if p.region == f.region and f.box.x <= p.box.x + 0.5 < f.box.right]
        if not ys:
            return None
        feet.append(min(ys))
    return feet
