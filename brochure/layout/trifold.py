"""A tri-fold Sheet -> its Plan: outside flap | back | cover, inside three panels of the main flow."""

from __future__ import annotations

from brochure.geometry.sheet import Sheet
from brochure.layout.cover import CoverArea
from brochure.layout.engine import Plan
from brochure.layout.flow import Frame


def plans(sheet: Sheet) -> tuple[Plan, ...]:
    outside, inside = sheet.sides
    plan = Plan(
        label="tri-fold",
        cover_page=0,
        cover=CoverArea.panel(outside.panel("cover")),
        back_page=0,
        back=outside.panel("back").content,
        flows={
            "flap": (Frame("flap", outside.panel("flap").content, 0),),
            "main": tuple(Frame(p.name, p.content, 1) for p in inside.panels),
        },
        places={"flap": "flap", "back": "back"},
        fallback="main",
        views=(
            ((0, "cover"),),
            ((1, "inside-1"), (0, "flap")),
            tuple((1, p.name) for p in inside.panels),
            ((0, "back"),),
        ),
        fine_flows=True,
    )
    return (plan,)
