"""A bi-fold Sheet -> its Plan: outside back | cover, inside a two-page spread of the main flow, two columns a page."""

from __future__ import annotations

from brochure.geometry.sheet import MM, Panel, Sheet
from brochure.layout.cover import CoverArea
from brochure.layout.engine import Plan
from brochure.layout.flow import Frame

GUTTER = 6 * MM  # between a page's two columns


def columns(panel: Panel, rtl: bool) -> tuple[Frame, Frame]:
    """A page's two columns in reading order: from the right in a right-to-left leaflet."""
    left, right = panel.content.halves(GUTTER)
    first, second = (right, left) if rtl else (left, right)
    page = panel.name  # (the two are columns of one page: balanced together, a short section may run on)
    return Frame(panel.name, first, panel.side, leaf=page), Frame(panel.name, second, panel.side, leaf=page)


def plans(sheet: Sheet) -> tuple[Plan, ...]:
    outside, inside = sheet.sides
    plan = Plan(
        label="bi-fold",
        cover_page=0,
        cover=CoverArea.panel(outside.panel("cover")),
        back_page=0,
        back=outside.panel("back").content,
        flows={"main": tuple(f for p in inside.panels for f in columns(p, sheet.direction == "rtl"))},
        places={"back": "back"},
        fallback="main",
        views=(((0, "cover"),), tuple((1, p.name) for p in inside.panels), ((0, "back"),)),
        keep_sections=True,  # the inside is two pages: a short section is never split between them
    )
    return (plan,)
