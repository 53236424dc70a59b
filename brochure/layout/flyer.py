"""A flyer Sheet -> its Plan: front = cover header over two columns; back = a column and the call to action.
Right to left, the columns read from the right and the call to action takes the left column."""

from __future__ import annotations

from dataclasses import replace

from brochure.geometry.sheet import MM, Rect, Sheet
from brochure.layout.cover import CoverArea
from brochure.layout.engine import Plan
from brochure.layout.flow import Frame

HEADER = 100 * MM  # the cover strip across the top of the front (logo, colour field, title)
GUTTER = 8 * MM


def plans(sheet: Sheet) -> tuple[Plan, ...]:
    """One side when the words fit (a column of words beside the call to action), else front and back."""
    front, back = sheet.sides[0].panels[0], sheet.sides[1].panels[0]
    header_trim = Rect(front.trim.x, front.trim.top - HEADER, front.trim.w, HEADER)
    header_content = Rect(front.content.x, header_trim.y, front.content.w, front.content.top - header_trim.y)
    body = Rect(front.content.x, front.content.y, front.content.w, header_trim.y - 4 * MM - front.content.y)
    a, b = body.halves(GUTTER)
    c, d = back.content.halves(GUTTER)
    first, second, words, call = ("left", "right", c, d) if sheet.direction == "ltr" else ("right", "left", d, c)
    if sheet.direction == "rtl":
        a, b = b, a
    two_sides = Plan(
        label="flyer",
        cover_page=0,
        cover=CoverArea(header_trim, header_content, True, True, 46 * MM, footer=False, region="front"),
        back_page=1,
        back=call,
        flows={
            "main": (
                Frame(f"front-{first}", a, 0),
                Frame(f"front-{second}", b, 0),
                Frame(f"back-{first}", words, 1),
            )
        },
        places={"back": "back"},
        fallback="main",
        views=(((0, "front"),), ((1, "back"),)),
        over_page=True,  # the front is filled first; a short section goes over the page whole
    )
    one_side = replace(
        two_sides, back_page=0, back=b, flows={"main": (Frame(f"front-{first}", a, 0),)}, views=(((0, "front"),),)
    )
    return (one_side, two_sides)
