"""A flow's sections, items, frames and result -> the layout hints it could not honour, as errors at the hint.

`keep: together` holds when the section's pieces all lie in one frame; `break: before` when its heading starts a
frame. A section too tall for a frame cannot be kept whole, and one whose words before it reach the flow's last
frame cannot start a new one: each is an error at the hint's line, with the heights that make it impossible.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from brochure.diagnostics import Diagnostic, error
from brochure.geometry.sheet import MM
from brochure.inputs.content import Section
from brochure.layout.flow import EPS, FlowResult, Frame, Item, height_of

if TYPE_CHECKING:
    from brochure.layout.compose import Inputs


def unit(inp: Inputs, brk: bool = False) -> str:
    """What one frame of a flow is called in this layout: a panel, a column (the flyer, the bi-fold's pages) or a
    page (large print); what a break starts on the bi-fold is a page (`brk`)."""
    if inp.layout == "bifold":
        return "page" if brk else "column"
    return {"flyer": "column", "large-print": "page"}.get(inp.layout, "panel")


def split_whole(items: list[Item], res: FlowResult) -> bool:
    """Whether a section that is to be kept whole lies in more than one frame (or partly left over)."""
    whole = {i.section for i in items if i.whole}
    if not whole:
        return False
    seen: dict[str, int] = {}
    for index, placed in enumerate(res.placed):
        for p in placed:
            if p.section in whole and seen.setdefault(p.section, index) != index:
                return True
    return any(i.section in seen for i in res.leftover)


def _breaks(items: list[Item], res: FlowResult) -> dict[str, int]:
    """The frame each section that asks for a new frame starts in."""
    fresh = {i.section for i in items if i.fresh}
    starts: dict[str, int] = {}
    for index, placed in enumerate(res.placed):
        for p in placed:
            if p.section in fresh:
                starts.setdefault(p.section, index)
    return starts


def as_held(items: list[Item], plain: FlowResult, trial: FlowResult) -> bool:
    """Whether a trial flow (balancing shortens the frames) honours the hints as the plain flow does: no section
    kept whole there split, and every section that starts a new frame there starting the same one."""
    if not any(i.whole or i.fresh for i in items):
        return True
    if split_whole(items, trial) and not split_whole(items, plain):
        return False
    return _breaks(items, trial) == _breaks(items, plain)


def unheld(
    inp: Inputs, sections: list[Section], items: list[Item], frames: list[Frame], res: FlowResult
) -> list[Diagnostic]:
    """Errors for the hints of these sections that the flow could not honour."""
    diags: list[Diagnostic] = []
    where: dict[str, list[int]] = {}
    for index, placed in enumerate(res.placed):
        for p in placed:
            where.setdefault(p.section, []).append(index)
    left = {i.section for i in res.leftover}
    for s in sections:
        keep, brk = s.hint("keep"), s.hint("break")
        frames_in = sorted(set(where.get(s.id, [])))
        if keep is not None and len(frames_in) > 1 and s.id not in left:
            own = [i for i in items if i.section == s.id]
            height = height_of(tuple(own), frames[frames_in[0]].box.w)
            diags.append(_too_tall(inp, s, height, frames, frames_in[0]))
        if brk is not None and res.leftover and res.leftover[0].section == s.id and res.leftover[0].fresh:
            diags.append(_no_frame_left(inp, s, frames, res))
    return diags


def _about(inp: Inputs) -> str:
    return f"({inp.label}, {inp.sheet.paper.name}, body type {inp.theme.scale.body:g} pt)"


def _too_tall(inp: Inputs, s: Section, height: float, frames: list[Frame], start: int) -> Diagnostic:
    """A section kept whole that was split all the same (it starts in frames[start]): it is taller than every
    frame of its flow, or than the next frame it could have moved to; or, where frames differ in height (a
    flyer's columns), it came at the top of a frame too short for it, which the words never leave empty."""
    keep = s.hint("keep")
    assert keep is not None
    noun = unit(inp)
    tallest = max(f.box.h for f in frames)
    into = frames[start + 1]  # (it runs on into it: there is one)
    if height > tallest + EPS:
        room = f"{'the' if len(frames) == 1 else 'a'} {noun} of its flow is {tallest / MM:.1f} mm tall"
        cut = f"shorten it by {(height - tallest) / MM:.0f} mm or more, or "
    elif height > into.box.h + EPS:
        room = f"the {into.region} {noun}, the next it could start at the top of, is {into.box.h / MM:.1f} mm tall"
        cut = f"shorten it to {into.box.h / MM:.0f} mm or less, or "
    else:
        first = frames[start]
        room = (
            f"it starts at the top of the {first.region} {noun}, {first.box.h / MM:.1f} mm tall (the words never "
            f"leave a {noun} empty to reach a taller one)"
        )
        cut = f"shorten it to {first.box.h / MM:.0f} mm or less, or "
    return error(
        keep.at,
        f"section '{s.id}' cannot be kept whole ({keep.written}): it is {height / MM:.1f} mm tall, and {room} "
        f"{_about(inp)}",
        f"{cut}remove '{keep.written}' so that it may be split between {noun}s",
    )


def _no_frame_left(inp: Inputs, s: Section, frames: list[Frame], res: FlowResult) -> Diagnostic:
    """A section that asks to start a new frame, after the words before it have reached the flow's last frame."""
    brk = s.hint("break")
    assert brk is not None
    noun, last = unit(inp, brk=True), frames[-1]
    if len(frames) == 1:
        why = f"the {last.region} is a single {noun}, and other words come before it there"
    else:
        why = f"the words before it reach the {last.region} {noun}, the last of its flow"
    need = height_of(res.leftover, last.box.w)
    return error(
        brk.at,
        f"section '{s.id}' cannot start a new {noun} ({brk.written}): {why}; the {need / MM:.1f} mm of words "
        f"from it on have nowhere to go {_about(inp)}",
        f"remove '{brk.written}', cut the words before it, or ask for the break only in the layouts with room "
        f"for it, e.g. 'break: {{large-print: before}}'",
    )
