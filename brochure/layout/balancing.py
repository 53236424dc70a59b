"""Items flowed plain through frames -> the same flowed so that the frames of the side the words end on end about
level (balance), and each placed piece wrapped again at the width it is placed at (rewrap)."""

from __future__ import annotations

from dataclasses import replace

from brochure.geometry.sheet import Rect
from brochure.layout import hints
from brochure.layout.flow import EPS, FlowResult, Frame, Item, evened, flow, stranded

BALANCE_STEPS = 12  # shortenings tried, from none to the last frame's whole spare room
REFINE_STEPS = 4  # and between the best of those and its neighbours, in this many steps each way


def balance(
    items: list[Item], frames: list[Frame], keep: tuple[bool, bool], res: FlowResult, over: tuple[int, ...] = ()
) -> FlowResult:
    """The words flowed so that the frames of the side they end on end about level, as a typesetter balances
    columns: every frame of that side but its last is shortened from the foot by the same amount, and of the
    shortenings tried the one whose frames' ends lie closest together wins (BALANCE_STEPS of them, then
    REFINE_STEPS each way around the best). The frames of the sides before it are filled to their feet first (a
    flyer's front, before its words go on), and nothing goes on to a later side; the trials flow only what the
    plain flow left for that side (`FlowResult.queued`). A side of two pages is balanced whole, as a reader sees
    it opened: the bi-fold's inside, its four columns over two pages (filling the first page and balancing the
    second left the second's columns 40-105 mm short of the first's). The frames keep their tops; nothing is cut
    (the plain flow when nothing evens it). The hints hold as in the plain flow: a section kept whole is not split
    to even them, nor one that starts a new frame moved on to another; nor is a heading left at a frame's foot
    when what it heads cannot be split (a card group); a short section the bi-fold keeps whole on one page stays
    whole. The trials after the winner wrapped the same flowables in other frames (see `rewrap`). A cut that
    would place the words as one flowed already does is not flowed (`placed_alike`): about half the trials.
    `over`: the frames to balance instead (pages of their own facing each other: large print's last spread)."""
    side = list(over) or _end_side(frames, res)
    if len(side) < 2 or side != list(range(side[0], side[-1] + 1)):
        return res
    first, last = side[0], side[-1]
    best, spread_best = res, _spread(res, side)
    alone = stranded(items, res, frames)
    step = res.spare[last] / BALANCE_STEPS
    # each cut flowed, and the room its shortened frames left under their words (`placed_alike`)
    flowed: list[tuple[float, tuple[float, ...]]] = []
    if first == 0 or frames[first - 1].turns_to(frames[first]):  # (the plain flow is the trial at no cut only where
        # the side's first frame starts a page: a trial's first frame is never a page's second column)
        flowed.append((0.0, _rooms(res, first, last)))

    def trial_at(cut: float) -> FlowResult | None:
        """The flow with the side's frames but its last shortened by `cut`, if it keeps what the plain flow kept;
        None if not (an empty result if words are left over: shorter still leaves them over too)."""
        short = [
            replace(f, box=Rect(f.box.x, f.box.y + cut, f.box.w, f.box.h - cut), full=f.whole) if i < last else f
            for i, f in enumerate(frames[first : last + 1], start=first)
        ]
        trial = flow(list(res.queued[first]), short, *keep)
        flowed.append((cut, _rooms(trial, 0, last - first)))
        if trial.leftover:
            return FlowResult((), trial.leftover, ())
        after = frames[last + 1 :]
        candidate = FlowResult(
            (*res.placed[:first], *trial.placed, *(() for _ in after)),
            (),
            (*res.spare[:first], *_spare(trial, frames[first : last + 1]), *(f.box.h for f in after)),
        )
        if not hints.as_held(items, res, candidate):
            return None  # a section kept whole split, or one that starts a new frame moved on
        if stranded(items, candidate, frames) > alone:
            return None  # a heading (or a list's first item) left at a frame's foot, what it heads moved on
        return candidate

    best_cut, stop = 0.0, BALANCE_STEPS + 1
    for n in range(1, BALANCE_STEPS + 1):
        if placed_alike(flowed, step * n):  # (weighed already: a trial wins only when strictly more level)
            continue
        candidate = trial_at(step * n)
        if candidate is not None and candidate.leftover:
            stop = n
            break
        if candidate is not None and (spread := _spread(candidate, side)) < spread_best - 0.5:
            best, spread_best, best_cut = candidate, spread, step * n
    fine = step / REFINE_STEPS
    for k in (*range(-REFINE_STEPS + 1, 0), *range(1, REFINE_STEPS)):
        cut = best_cut + fine * k
        if 0 < cut < step * stop and not placed_alike(flowed, cut):
            candidate = trial_at(cut)
            if (
                candidate is not None
                and not candidate.leftover
                and (spread := _spread(candidate, side)) < spread_best - 0.5
            ):
                best, spread_best = candidate, spread
    return best


def placed_alike(flowed: list[tuple[float, tuple[float, ...]]], cut: float) -> bool:
    """Whether one of the cuts flowed already places the words as `cut` would: `flowed` gives each cut and the
    room its shortened frames left under their words (`_rooms`). When each of those frames left more room than the
    larger cut takes off it (by 2 EPS, the flow's tolerance), every fit the flow found there holds in the shorter
    frames and none it refused fits in them: the flow places the same words in the same places."""
    return any(c < cut and all(room >= cut - c + 2 * EPS for room in rooms) for c, rooms in flowed)


def _rooms(res: FlowResult, start: int, stop: int) -> tuple[float, ...]:
    """The room frames start..stop-1 of a flow left under their words, for `placed_alike`; none (-1) for a frame
    that ended where a section kept whole moved on because the next frame holds it: a shorter next frame may not,
    and the section is then split there instead."""
    moved = res.moved_on or (False,) * len(res.spare)
    return tuple(-1.0 if moved[i] else res.spare[i] for i in range(start, stop))


def _end_side(frames: list[Frame], res: FlowResult) -> list[int]:
    """The frames (indices) of the side the words end on, in flow order: the frames a flow is balanced over. Of a
    side of two pages (the bi-fold's inside), both pages' columns when the words run over both; the first page's
    alone when they end on it (a few words stay on one page, the other left empty, and warned of, not spread thin
    over both)."""
    used = [i for i, placed in enumerate(res.placed) if placed]
    end = frames[used[-1]] if used else frames[-1]
    side = [i for i, f in enumerate(frames) if f.page == end.page]
    if any(frames[i].seen != end.seen for i in used if i in side):
        return side
    return [i for i in side if frames[i].seen == end.seen]


def _spread(res: FlowResult, side: list[int]) -> float:
    """How far apart the feet of a page's frames lie, once their gaps have grown towards its fullest (`evened`)."""
    return _range(evened(FlowResult(tuple(res.placed[i] for i in side), (), tuple(res.spare[i] for i in side))))


def rewrap(res: FlowResult) -> None:
    """Each placed flowable wrapped again at the width it is placed at: balancing tried it in other frames after
    the one that won, and a paragraph draws the lines it was last broken into (a right-to-left one is set from
    the right of that width)."""
    for placed in res.placed:
        for p in placed:
            p.flowable.wrap(p.box.w, p.box.h)


def _range(ends: tuple[float, ...]) -> float:
    return max(ends) - min(ends)


def _spare(res: FlowResult, frames: list[Frame]) -> tuple[float, ...]:
    """Each frame's room left under its words, measured in the full frame."""
    return tuple(
        (min(p.box.y for p in placed) - f.box.y) if placed else f.box.h
        for placed, f in zip(res.placed, frames, strict=True)
    )
