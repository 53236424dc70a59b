"""A bi-fold Sheet -> its Plan: outside back | cover, inside a two-page spread of the main flow."""

from __future__ import annotations

from brochure.geometry.sheet import Sheet
from brochure.layout.cover import CoverArea
from brochure.layout.engine import Plan
from brochure.layout.flow import Frame


def plans(sheet: Sheet) -> tuple[Plan, ...]:
    outside, inside = sheet.sides
    plan = Plan(
        label="bi-fold",
        cover_page=0,
        cover=CoverArea.panel(outside.panel("cover")),
        back_page=0,
        back=outside.panel("back").content,
        flows={"main": tuple(Frame(p.name, p.content, 1) for p in inside.panels)},
        places={"back": "back"},
        fallback="main",
        views=(((0, "cover"),), tuple((1, p.name) for p in inside.panels), ((0, "back"),)),
        keep_sections=True,  # the inside is two pages: a short section is never split between them
    )
    return (plan,)
