"""A layout's Plan (regions of its sheet) + content -> a Layout: sections routed, flowed, fitted, composed."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import TypeVar, cast

from brochure.diagnostics import Diagnostic, error, warning
from brochure.frozen import frozen
from brochure.geometry.sheet import Rect, Sheet
from brochure.inputs.content import Section
from brochure.inputs.inline import one_line, plain
from brochure.layout import citations, larger
from brochure.layout.back import back
from brochure.layout.blocks import CALL_TO_ACTION, SOURCES
from brochure.layout.compose import FINE, Inputs, Plain, ended_spread, fill, folio
from brochure.layout.cover import CoverArea, cover
from brochure.layout.flow import SHORT, FlowResult, Frame, even_up
from brochure.layout.model import Bookmark, Draft, DraftLayout, Layout, Link, Placed
from brochure.layout.paint import paint
from brochure.theme.styles import Theme
from brochure.vocabulary import LayoutName, Place


@frozen
class Plan:
    """What a layout module declares: where the cover and the back go, and the frames of each flow.

    `flows` maps a flow's name ("main", and e.g. "flap") to its frames in reading order; `places`
    maps a section's `place:` to a flow name or "back"; a place the layout lacks falls back to
    `fallback` with a warning. `views` lists the panels a reader sees at each step (for mock-ups).
    `keep_sections`: a short section is never split between the frames of a flow (flow.SHORT); `over_page`: nor
    over a page turn (a two-sided flyer), at any size and without trying first.
    `balanced`: a flow's frames end about level (panels and columns); else each is filled in turn (pages).
    `folios`: every page but the cover carries its number. `full_sources`: the references are printed in full,
    after the main flow's sections, instead of in short at the back's foot. `facing`: of a flow that is not
    balanced, the frames (indices, in flow order) that face each other when the leaflet lies open (large print's
    spreads): where the words end on the last page of a spread, its pages end about level. `fine_flows`: where the
    back cannot hold its fine print, the disclaimer, then the document details too, flow after the main flow's
    words (and the references in full) instead, where they fit (large print's booking page: a page more, not an
    error; the tri-fold's back with a long email address and a two-line address on Letter).
    """

    label: str
    cover_page: int
    cover: CoverArea
    back_page: int
    back: Rect
    flows: Mapping[Place, tuple[Frame, ...]]
    places: Mapping[Place, Place]
    fallback: Place
    views: tuple[tuple[tuple[int, str], ...], ...]
    keep_sections: bool = False
    over_page: bool = False
    balanced: bool = True
    folios: bool = False
    full_sources: bool = False
    facing: tuple[tuple[int, ...], ...] = ()
    fine_flows: bool = False


PlanFor = Callable[[Sheet], tuple[Plan, ...]]  # plans in order of preference (e.g. a one-sided flyer first)


def route(
    sections: tuple[Section, ...], layout: LayoutName, plan: Plan
) -> tuple[tuple[Section, ...], list[Diagnostic]]:
    """The sections this layout shows, each with a place the layout has (missing ones fall back, with a warning)."""
    out: list[Section] = []
    diags: list[Diagnostic] = []
    for s in sections:
        blocks = s.blocks_in(layout)
        if layout in s.layouts and s.blocks and not blocks:  # (left out by its blocks' `layouts:`, not its own)
            diags.append(
                warning(
                    s.at,
                    f"section '{s.id}' has no block in the {plan.label}: each one's 'layouts:' leaves it out, so the "
                    "section, its heading too, is left out of it",
                    f"add {layout} to a block's 'layouts:', or give the section itself 'layouts:' (without {layout}) "
                    "to leave it out on purpose",
                )
            )
        if layout not in s.layouts or not blocks:
            continue
        hints = tuple(h for h in s.hints if layout in h.layouts)  # (those of this layout)
        s = replace(s, place=s.place_in(layout), places=(), blocks=blocks, block_layouts=(), hints=hints)
        if s.place is not None and plan.places.get(s.place) == "main":  # the layout sets that place in its flow
            s = replace(s, place=None)
        elif s.place is not None and s.place not in plan.places:
            diags.append(
                warning(
                    s.at,
                    f"a {plan.label} has no '{s.place}' region: section '{s.id}' goes to the {plan.fallback} flow",
                    f"add 'layouts:' to the section to leave it out of the {plan.label}, or accept the fallback",
                )
            )
            s = replace(s, place=None if plan.fallback == "main" else plan.fallback)
        out.append(s)
    return tuple(out), diags


def lay_out(
    plans: tuple[Plan, ...], layout: LayoutName, inp: Inputs, told: Told | None = None
) -> tuple[Layout | None, list[Diagnostic]]:
    """The plans laid out (`_sized`); where nothing fits and the back cannot hold its fine print, and the plans
    let it flow after the words (`Plan.fine_flows`), again with the disclaimer, then the document details too,
    flowing so, while the words still fit. When none fits, the errors are those of the last try, unless the fine
    print moved made the words spill: then the first try's, the fine print on the back where it belongs (they said
    the words spilled by what was moved after them too, 73 mm for 7)."""
    first = result = _sized(plans, layout, inp, told)
    spill = False
    while result[0] is None and plans[-1].fine_flows and inp.fine_flows < len(FINE) and _back_full(plans, layout, inp):
        spill = _words_spill(plans, layout, inp)
        if spill:
            break
        inp = replace(inp, fine_flows=inp.fine_flows + 1)
        result = _sized(plans, layout, inp, told)
    else:
        spill = result[0] is None and inp.fine_flows > 0 and _words_spill(plans, layout, inp)
    return first if spill else result


def _back_full(plans: tuple[Plan, ...], layout: LayoutName, inp: Inputs) -> bool:
    """Whether the last plan's back, at the floor size, is too full for what it is given (not another error of
    it: a word too long for its line stays at the foot, said there)."""
    plan = plans[-1]
    sections, _ = route(inp.content.sections, layout, plan)
    theme = inp.theme.with_body(inp.theme.scale.steps()[-1])
    attempt = replace(_for_plan(inp, theme, False, plan, sections), trial=False)
    return back(attempt, plan.back, plan.back_page).full


def _words_spill(plans: tuple[Plan, ...], layout: LayoutName, inp: Inputs) -> bool:
    """Whether the last plan's main flow at the floor size, sections split where need be, leaves words over (with
    the fine print `inp` moves after them)."""
    plan = plans[-1]
    if "main" not in plan.flows:
        return False
    sections, _ = route(inp.content.sections, layout, plan)
    theme = inp.theme.with_body(inp.theme.scale.steps()[-1])
    res, _ = _flow_in(plan, replace(_for_plan(inp, theme, False, plan, sections), trial=False), "main")
    return bool(res.leftover)


def _sized(
    plans: tuple[Plan, ...], layout: LayoutName, inp: Inputs, told: Told | None = None
) -> tuple[Layout | None, list[Diagnostic]]:
    """At each body size from the kit's size down to the floor, try the plans in order of preference;
    the first fit wins (at the kit's size, set larger where the words leave the inside short: `_larger`). When
    nothing fits, the errors are those of the last plan at the floor size, and what `told` finds in the part of it
    that was placed (the caller's checks of printed lines: a word too long, said with the words that spill over,
    not after they are cut)."""
    routed = [(plan, *route(inp.content.sections, layout, plan)) for plan in plans]
    empty = _empty_flows(layout, *routed[-1][:2], inp)
    if any(d.is_error for d in empty):
        return None, routed[-1][2] + empty
    errors: list[Diagnostic] = []
    keeps = (True, False) if any(plan.keep_sections for plan in plans) else (False,)
    scale = inp.theme.scale
    sizes = scale.steps()  # from the kit's body size down in 0.25 pt steps to the floor (9 pt for the design)
    grows = _grows(plans)
    for keep in keeps:  # short sections kept whole at any size first; split (with a warning) only if need be
        for size in sizes:
            theme = inp.theme.with_body(size)
            final = keep == keeps[-1] and size == sizes[-1]  # the last plan tried here reports what does not fit
            begin = _fewest(routed, _for_plan(inp, theme, keep, *routed[-1][:2])) if grows else 0
            if begin is None:  # the most pages do not hold the words, so fewer do not either
                if not final:
                    continue
                begin = len(routed) - 1
            for plan, sections, warnings in routed[begin:]:
                made: Made = {}  # (its back and cover, for the sizes tried larger too)
                attempt = _for_plan(inp, theme, keep, plan, sections)
                last = final and plan is routed[-1][0]
                attempt = replace(attempt, trial=not last)
                first = keep == keeps[0] and size == sizes[0] and not grows and inp.grow
                grown = _larger(plan, attempt, made) if first else None
                result: DraftLayout | None
                painted: Layout | None = None
                if isinstance(grown, tuple):  # (the words at their own size left the inside short)
                    result, painted, attempt, errors = grown
                elif isinstance(grown, list) and not last:  # (the main flow does not fit: nor would the attempt)
                    result, errors = None, grown
                else:  # (balancing the main flow's plain flow at this size, when _larger made it)
                    flowed = grown if isinstance(grown, Plain) else None
                    result, errors = _attempt(plan, attempt, complete=last, flowed=flowed, once=made)
                if result is not None:
                    kept = attempt.keep_sections
                    split = _split(result, plan, sections, sizes[-1]) if plan.keep_sections and not kept else []
                    if painted is None:
                        painted = paint(result, theme.fonts.regular)
                    bare = _bare_panels(painted, plan, attempt)
                    return painted, warnings + empty + errors + split + bare  # (its warnings)
    errors += _placed_part(routed[-1], inp, inp.theme.with_body(sizes[-1]), keeps[-1], told, errors)
    return None, routed[-1][2] + errors


Told = Callable[[Layout], list[Diagnostic]]  # what a check finds in laid-out pages (its errors)


def _placed_part(
    routed: tuple[Plan, tuple[Section, ...], list[Diagnostic]],
    inp: Inputs,
    theme: Theme,
    keep: bool,
    told: Told | None,
    said: list[Diagnostic],
) -> list[Diagnostic]:
    """The last attempt again, what of its sections' words was placed painted, and `told`'s errors of it where
    nothing is `said` already (none without `told`)."""
    if told is None or not said:
        return []
    plan, sections, _ = routed
    draft, _ = _attempt(plan, replace(_for_plan(inp, theme, keep, plan, sections), trial=False), partial=True)
    if draft is None:
        return []
    painted = paint(draft, theme.fonts.regular)
    pages = tuple(replace(p, items=tuple(i for i in p.items if i.section)) for p in painted.pages)  # (the cover's and
    # back's own texts are laid out by themselves: their errors are said already)
    flowed = replace(painted, pages=pages)
    taken = {d.location.prefix() for d in said if d.is_error}
    return [d for d in told(flowed) if d.is_error and d.location.prefix() not in taken]


def _larger(
    plan: Plan, inp: Inputs, made: Made | None = None
) -> tuple[DraftLayout, Layout, Inputs, list[Diagnostic]] | list[Diagnostic] | Plain | None:
    """Words that fit the main flow at their own body size and end short of its frames' feet (a kit's narrower
    face, a language's shorter words, a larger paper) set larger to fill them, up to FILL_TO: of the sizes worth
    trying (layout/larger.py), the largest that fits with its frames ending about level and no word past its
    column (painted: the layout is the painted draft). When no size does or none is worth trying, the main flow's
    plain flow at the own size, for its attempt to balance (None when none was made to hand on); the plain flow's
    findings when it leaves words over at this size (the attempt would fail on them). Tried before the own size's
    attempt, whose balancing would be wasted. Only the main flow's type grows: the cover, the back and a
    flap keep the kit's size (the back's columns, a flap's card)."""
    frames = plan.flows.get("main", ())
    sizes, flowed = larger.sizes_to_try(frames, inp)
    if isinstance(sizes, list):
        return sizes
    for size in sizes:
        attempt = replace(inp, inside=inp.theme.with_body(size))
        result, errors = _attempt(plan, attempt, complete=False, once=made)
        if result is None or not larger.level(frames, result):
            continue
        painted = paint(result, inp.theme.fonts.regular)
        if larger.in_columns(frames, painted):
            return result, painted, attempt, errors
    return flowed


def _for_plan(inp: Inputs, theme: Theme, keep: bool, plan: Plan, sections: tuple[Section, ...]) -> Inputs:
    """The inputs of an attempt at a plan, at one body size, short sections kept whole or not."""
    return replace(
        inp,
        theme=theme,
        label=plan.label,
        sections=sections,
        citations=citations.number(inp.content, sections),  # Vancouver numbers over the texts this layout prints
        keep_sections=keep and plan.keep_sections,
        over_page=plan.over_page,
        full_sources=plan.full_sources,
        trial=True,
    )


def _grows(plans: tuple[Plan, ...]) -> bool:
    """Whether the plans differ only in how many frames one flow, filled frame after frame, has (a page count
    each, fewest first: large print's). The frames of each are then the first frames of the next, and the same
    sections flow through them in the same way."""
    flows = [plan.flows.get("main", ()) for plan in plans]
    counts = [len(f) for f in flows]
    last = plans[-1]
    alike = (last.places, last.fallback, last.keep_sections, last.over_page, last.full_sources)
    return (
        len(plans) > 2
        and counts[0] > 0
        and counts == sorted(set(counts))  # (more frames each)
        and all(
            set(p.flows) == {"main"}
            and not p.balanced
            and f == flows[-1][: len(f)]
            and (p.places, p.fallback, p.keep_sections, p.over_page, p.full_sources) == alike
            for p, f in zip(plans, flows, strict=True)
        )
    )


def _fewest(routed: list[tuple[Plan, tuple[Section, ...], list[Diagnostic]]], inp: Inputs) -> int | None:
    """Of plans that grow (`_grows`), the first whose frames hold the words, found by flowing them once through the
    last plan's frames (`inp`: an attempt at it), not through each plan's in turn; None when even those do not.
    A flow filled frame after frame places the same words in its first frames however many follow them (it
    looks ahead only to move a section kept whole to the next frame, which a plan with fewer frames cannot do,
    and then words are left over), so a plan with fewer frames than the words took leaves words over, and the
    plan with as many places them as the last plan did. That plan is tried, and the ones after it if it fails."""
    res, diags = _flow_in(routed[-1][0], inp, "main")
    if res.leftover or any(d.is_error for d in diags):
        return None
    used = max((i + 1 for i, placed in enumerate(res.placed) if placed), default=1)
    return next(i for i, (plan, _, _) in enumerate(routed) if len(plan.flows["main"]) >= used)


def _split(layout: DraftLayout, plan: Plan, sections: tuple[Section, ...], least: float) -> list[Diagnostic]:
    """Warnings for the short sections (flow.SHORT of a frame) that the words only fit split across frames."""
    frames = {f.region: f.box.h for flow in plan.flows.values() for f in flow}
    parts: dict[str, dict[str, list[Placed]]] = {}
    for page in layout.pages:
        for p in page.items:
            if p.section and p.region in frames:
                parts.setdefault(p.section, {}).setdefault(p.region, []).append(p)
    regions = {sid: sorted(by) for sid, by in parts.items()}
    height = {  # the section's extent in each frame, its gaps included, as the flow measured it
        sid: sum(max(p.box.top for p in ps) - min(p.box.y for p in ps) for ps in by.values())
        for sid, by in parts.items()
    }
    return [
        warning(
            s.at,
            f"section '{s.id}' is split across the {plan.label}'s {' and '.join(regions[s.id])} panels, "
            "its last lines apart from its heading: kept whole, the words do not fit, even at "
            f"{least:g} pt",
            f"cut a few lines from the {plan.label}'s sections, or leave a block out of it with 'layouts:', "
            "so that every short section can be kept whole",
        )
        for s in sections
        if len(regions.get(s.id, ())) > 1 and height[s.id] <= SHORT * min(frames[r] for r in regions[s.id])
    ]


def _empty_flows(layout: LayoutName, plan: Plan, sections: tuple[Section, ...], inp: Inputs) -> list[Diagnostic]:
    """A layout whose main flow gets no section would print with no inside: an error. An empty flap: a warning."""
    at = replace(inp.content.sections[0].at, key="sections")
    diags: list[Diagnostic] = []
    for name in sorted(plan.flows, key=lambda n: n != "main"):  # the main flow first: no inside, no flap warning
        if any((s.place or "main") == name for s in sections):
            continue
        if name == "main":
            ids = [s.id for s in inp.content.sections]
            shown = ", ".join(f"'{i}'" for i in ids[:3]) + (", ..." if len(ids) > 3 else "")
            hint = f"add {layout} to the 'layouts:' list of the sections it should show"
            placed = next((s for s in sections if s.place), None)  # shown, but on the flap or the back
            if placed is not None:
                hint = (
                    f"let a section flow inside: section '{placed.id}' (line {placed.at.line}) is placed on the "
                    f"{placed.place} by its 'place:'; remove that, or {hint}"
                )
            diags.append(
                error(
                    at,
                    f"no section flows through the {plan.label}'s main panels, so it would print with no inside: "
                    f"the sections ({shown}) are left out of the {plan.label} with 'layouts:' or placed elsewhere",
                    hint,
                )
            )
        elif not any(d.is_error for d in diags):
            diags.append(
                warning(
                    at,
                    f"the {plan.label}'s {name} panel is empty: no section is placed there",
                    f"give a section 'place: {name}' (e.g. 'Is it right for me?'), or accept an empty panel",
                )
            )
    return diags


def _bare_panels(layout: Layout, plan: Plan, inp: Inputs) -> list[Diagnostic]:
    """Half the main panels or more that the words did not reach (a leaflet of a few lines, two of a tri-fold's
    three panels blank): a warning, as an empty flap is. (One panel of three left short is a leaflet's words
    ending early; the panels are balanced, so that is rare.)"""
    regions = list(dict.fromkeys(f.region for f in plan.flows.get("main", ())))  # (a page's columns are one)
    used = {item.region for page in layout.pages for item in page.items}
    bare = [r for r in regions if r not in used]
    if not bare or len(regions) < 2 or 2 * (len(regions) - len(bare)) > len(regions):
        return []
    at = replace(inp.content.sections[0].at, key="sections")
    filled = len(regions) - len(bare)
    return [
        warning(
            at,
            f"the {plan.label}'s {', '.join(bare)} {'panel is' if len(bare) == 1 else 'panels are'} empty: the words "
            f"fill {filled} of its {len(regions)} inside panels",
            "add words (the sections a clinic's patients need: what it is, risks, aftercare, when to call)"
            + (", or choose a layout for fewer words (--layout flyer)" if inp.layout != "flyer" else ""),
        )
    ]


def _flow_in(plan: Plan, inp: Inputs, name: Place, flowed: Plain | None = None) -> tuple[FlowResult, list[Diagnostic]]:
    """One flow of the plan, filled (and balanced where the plan is); `flowed`: its plain flow with these inputs,
    made already (`compose.flow_plain`)."""
    if name == "main" and inp.inside is not None:
        inp = replace(inp, theme=inp.inside)
    frames = list(plan.flows[name])
    sections = [s for s in inp.sections if (s.place or "main") == name]
    facing = plan.facing if name == "main" else ()
    res, diags = fill(inp, sections, frames, plan.balanced, name == "main", flowed, facing)  # balanced: the frames end
    # about level (facing: the pages of the spread the words end on)
    if len(frames) < 2 or res.leftover:
        return res, diags
    if plan.balanced:
        groups = [[i for i, f in enumerate(frames) if f.page == page] for page in {f.page for f in frames}]
    else:
        groups = [list(ended_spread(facing, res))]
    for group in groups:  # in each, the fullest frame's foot: the others' section gaps grow (alike) to come near it
        if len(group) < 2:
            continue
        level = min(res.spare[i] for i in group)
        grown = {i: even_up(res.placed[i], res.spare[i] - level) for i in group}  # (as flow.evened counts)
        res = replace(res, placed=tuple(grown.get(i, p) for i, p in enumerate(res.placed)))
    return res, diags


def _attempt(
    plan: Plan,
    inp: Inputs,
    complete: bool = True,
    flowed: Plain | None = None,
    partial: bool = False,
    once: Made | None = None,
) -> tuple[DraftLayout | None, list[Diagnostic]]:
    """The plan's flows, back and cover at one body size. Unless `complete`, an attempt stops at the first
    flow that does not fit (the next size or plan is tried anyway); the last attempt reports everything.
    `flowed`: the main flow's plain flow with these inputs, made already (`_larger`), balanced here. `partial`:
    what was placed, whatever did not fit. `once`: the back and cover made for this plan and size (`_once`)."""
    diags: list[Diagnostic] = []
    pages_items: dict[int, list[Placed]] = {i: [] for i in range(len(inp.sheet.sides))}
    pages_links: dict[int, list[Link]] = {i: [] for i in pages_items}
    made: dict[Place, tuple[FlowResult, list[Diagnostic]]] = {}
    for name in sorted(plan.flows, key=lambda n: n != "main"):  # the main flow, likeliest not to fit, first
        made[name] = _flow_in(plan, inp, name, flowed if name == "main" else None)
        if not complete and any(d.is_error for d in made[name][1]):
            return None, made[name][1]
    for name, frames in plan.flows.items():  # in the plan's order: its pages list the flows so
        res, flow_diags = made[name]
        diags += flow_diags
        for frame, placed in zip(frames, res.placed, strict=True):
            pages_items[frame.page].extend(placed)
    b = _once(once, ("back", plan.back, plan.back_page), lambda: back(inp, plan.back, plan.back_page))
    diags += b.diagnostics
    pages_items[plan.back_page].extend(b.items)
    pages_links[plan.back_page].extend(b.links)
    c = _once(once, ("cover", plan.cover), lambda: cover(inp, plan.cover))
    diags += c.diagnostics
    pages_items[plan.cover_page][:0] = c.items
    if any(d.is_error for d in diags) and not partial:
        return None, diags
    if plan.folios:
        used = [i for i, items in pages_items.items() if items]
        for number, i in enumerate(used, 1):
            if i != plan.cover_page:
                pages_items[i].append(folio(inp, i, number, len(used)))
    pages = tuple(
        Draft(
            inp.sheet.sides[i],
            tuple(items),
            tuple(pages_links[i]),
            tuple(Bookmark(p.bookmark, p.section or CALL_TO_ACTION, p.box.top) for p in items if p.bookmark),
        )
        for i, items in pages_items.items()
        if items  # a one-sided plan leaves the second side blank: it is not printed
    )
    order = _reading_order(inp.sheet, pages_items, plan.views)
    headings = {s.id: one_line(plain(s.heading)) for s in inp.sections} | {
        SOURCES: inp.content.tool_words.sources,
        CALL_TO_ACTION: one_line(plain(inp.content.call_to_action.heading)),
    }
    outline = tuple((headings[sid], sid) for sid in order)
    body = (inp.inside or inp.theme).scale.body
    return DraftLayout(inp.sheet, pages, outline, b.qr, plan.views, body), diags


T = TypeVar("T")
Made = dict[tuple[object, ...], object]  # what `_once` made for one plan at one size: its back and cover


def _once(made: Made | None, what: tuple[object, ...], make: Callable[[], T]) -> T:
    """`make()`, made once for the attempts at one plan, size and keeping of sections (`_sized` makes `made` for
    each): they differ only in the main flow's own type (`Inputs.inside`, the sizes `_larger` tries), which neither
    the back nor the cover reads, so they print the same back and cover (the Arabic tri-fold's back, 8 ms, was made
    three times)."""
    if made is None:
        return make()
    if what not in made:
        made[what] = make()
    return cast(T, made[what])


def _reading_order(
    sheet: Sheet, items: Mapping[int, list[Placed]], views: tuple[tuple[tuple[int, str], ...], ...]
) -> list[str]:
    """Section ids (and the call to action's key) by where a reader meets their headings: view by view, panel by
    panel, column by column (from the right in a right-to-left sheet), top to bottom."""
    order: list[str] = []
    side = 1 if sheet.direction == "ltr" else -1
    for view in views:
        for page, name in view:
            trim = sheet.sides[page].panel(name).trim
            here = [p for p in items.get(page, []) if p.bookmark and trim.x <= p.box.x + p.box.w / 2 < trim.right]
            for p in sorted(here, key=lambda p: (round(p.box.x * side), -p.box.top)):
                key = p.section or CALL_TO_ACTION  # (the one heading with a bookmark that is no section's)
                if key not in order:
                    order.append(key)
    return order
