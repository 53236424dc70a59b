"""A large-print Sheet -> its Plans: a cover page, pages of the words in one column, then the booking page.

One plan per page count, fewest first: the first whose pages hold the words wins, so the edition takes as many
pages as its words need at 16 pt (it never shrinks the type). Each page is filled in turn, but where the words end
on the right-hand page of a spread, the two pages facing each other end about level (`facing`). Every section
flows through the pages in the content's order (a folded leaflet's flap and back are pages here too), followed by
the references in full; the booking page closes it, with the disclaimer and document details (where it cannot
hold them, they end the words instead, the disclaimer first). Every page but the cover carries
its number.
"""

from __future__ import annotations

from brochure.geometry.sheet import Panel, Sheet
from brochure.layout.cover import CoverArea
from brochure.layout.engine import Plan
from brochure.layout.flow import Frame

FEWEST_PAGES = 3  # a cover, a page of words, the booking page
COVER_WORDS = 0.44  # of the cover page under its colour field, for its words: their lines 1.5 times their type apart
# (the kicker, subtitle and clinic's name took 5.5 mm more than at the folded leaflets' 42 %)


def plans(sheet: Sheet) -> tuple[Plan, ...]:
    pages = [side.panels[0] for side in sheet.sides]
    return tuple(_plan(pages[:n]) for n in range(FEWEST_PAGES, len(pages) + 1))


def _plan(pages: list[Panel]) -> Plan:
    last = len(pages) - 1
    return Plan(
        label="large-print edition",
        cover_page=0,
        cover=CoverArea.panel(pages[0], COVER_WORDS),
        back_page=last,
        back=pages[last].content,
        flows={"main": tuple(Frame(p.name, p.content, p.side) for p in pages[1:last])},
        places={"flap": "main", "back": "main"},
        fallback="main",
        views=_spreads(pages),
        balanced=False,
        keep_sections=True,  # a section up to half a page tall is never split between pages
        folios=True,
        full_sources=True,
        facing=_facing(pages),
        fine_flows=True,  # a booking page too full for the disclaimer and document details: they end the words
    )


def _facing(pages: list[Panel]) -> tuple[tuple[int, ...], ...]:
    """The main flow's frames (indices: pages[1:-1]) that lie side by side when the stapled pages are open, as
    `_spreads` pairs them: the words' last two pages end about level when they face each other."""
    frames = [p.name for p in pages[1:-1]]
    return tuple(
        group
        for view in _spreads(pages)
        if len(group := tuple(frames.index(name) for _, name in view if name in frames)) > 1
    )


def _spreads(pages: list[Panel]) -> tuple[tuple[tuple[int, str], ...], ...]:
    """What a reader sees at each turn of the stapled pages: the cover alone, then two pages side by side."""
    first, rest = pages[0], pages[1:]
    pairs = [rest[i : i + 2] for i in range(0, len(rest), 2)]
    return (((first.side, first.name),), *(tuple((p.side, p.name) for p in pair) for pair in pairs))
