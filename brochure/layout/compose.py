"""Content + Theme + frames -> flowed sections (fill, overflow messages), and what the cover and the back share."""

from __future__ import annotations

import math
import re
from dataclasses import replace

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

from brochure.diagnostics import Diagnostic, Location, error
from brochure.frozen import frozen
from brochure.geometry.sheet import MM, Rect, Sheet
from brochure.inputs.blocks import Callout, Text
from brochure.inputs.brand import Brand
from brochure.inputs.chars import NBSP
from brochure.inputs.content import Content, Section
from brochure.inputs.inline import escape_text, plain
from brochure.inputs.numbers import place
from brochure.layout import flowables, hints
from brochure.layout.balancing import balance, rewrap
from brochure.layout.blocks import Blocks
from brochure.layout.citations import NONE, Citations, block_texts
from brochure.layout.document import DocumentBlock, document_block
from brochure.layout.flow import FlowResult, Frame, Item, floor_of, flow, height_of
from brochure.layout.model import Placed
from brochure.layout.para import OVERRUN, Para, overrun
from brochure.theme.styles import Theme
from brochure.vocabulary import LayoutName

GROSS = 2.0  # words whose least possible height is this many times their room are reported before measuring


@frozen
class Inputs:
    """Everything a layout needs, passed as one value."""

    content: Content
    brand: Brand
    theme: Theme
    sheet: Sheet
    links: bool = True
    label: str = "tri-fold"  # the layout's name in messages
    sections: tuple[Section, ...] = ()  # the sections this layout shows, with places resolved
    citations: Citations = NONE  # the references those sections (and the cover, back) cite, numbered
    keep_sections: bool = False  # a short section is never split across frames (the bi-fold's two pages)
    over_page: bool = False  # a short section is never split over a page (a flyer's front and back)
    full_sources: bool = False  # the references print in full after the sections, not in short on the back
    trial: bool = False  # an attempt that is not the last: words that cannot fit need not be measured exactly
    layout: LayoutName = "trifold"  # which layout this is (the kit may set the logo's height per layout)
    inside: Theme | None = None  # the main flow's own, set larger where its words left the panels short (else theme)
    grow: bool = True  # the main flow's words may be set larger to fill its panels (engine._larger); not to see
    # whether they fit (api.fits)
    fine_flows: int = 0  # of the back's fine print (FINE), how many texts flow after the main flow's words instead
    # (large print's and the tri-fold's, when the back cannot hold them: not an error; engine.Plan.fine_flows)


def flow_items(
    inp: Inputs, sections: list[Section], width: float, main: bool = False
) -> tuple[list[Item], list[Diagnostic]]:
    """The sections as flow items for a column of this width, and what in them cannot be drawn there; after them,
    in the `main` flow, the references in full where the plan prints them so (`full_sources`), and the back's fine
    print that flows after the words (`fine_flows`)."""
    strings = {at.key: at for _, at in inp.content.strings}
    content = inp.content
    blocks = Blocks(
        inp.theme, width, inp.links, strings.get, inp.citations, content.tool_words, content.language, inp.brand.contact
    )
    items: list[Item] = []
    for i, s in enumerate(sections):
        items.extend(blocks.section(s, i == 0))
    for k in blocks.kit_lines:  # (a section's `contact:` block)
        also = f"; or leave '{k.name}' out of the contact: block ({place(k.at)})"
        blocks.problems += too_wide(
            inp, [(k.key, k.text, k.style.fontName)], k.style.fontSize, k.width, "", f"in section '{k.section}'", also
        )
    if main and inp.full_sources:
        items.extend(blocks.sources(not items))
    if main:
        items.extend(_fine_items(inp, blocks, bool(items)))
    return items, blocks.problems


FINE = ("disclaimer", "document")  # the back's fine print that may flow after the words instead, in this order
FINE_GAP = 0.4  # body leadings between the fine print's texts (on the back, and where they flow)


def fine_print(inp: Inputs, blocks: Blocks, doc: DocumentBlock | None = None) -> list[tuple[Paragraph, str]]:
    """The back's fine print but the sources, in order, each with the FINE name it has: the disclaimer and the
    document block (code, version, dates, authors, other formats, feedback; `doc`, where made already)."""
    doc = doc or document_block(inp.content, inp.brand)
    return [
        (blocks.para(inp.content.disclaimer, "note"), "disclaimer"),
        (Para(doc.markup(blocks.md), inp.theme.style("fine")), "document"),
    ]


def _fine_items(inp: Inputs, blocks: Blocks, after: bool) -> list[Item]:
    """The fine print that flows after the words (`fine_flows` of it), kept together, a section's gap above it."""
    if not inp.fine_flows:  # (as a rule: the back holds it)
        return []
    moved = fine_print(inp, blocks)[: inp.fine_flows]
    L = inp.theme.scale.leading
    return [
        Item(f, "", (1.25 * L if after else 0.0) if i == 0 else FINE_GAP * L, i < len(moved) - 1)
        for i, (f, _) in enumerate(moved)
    ]


@frozen
class Plain:
    """A flow's sections as items, what in them cannot be drawn, and the items flowed plain (each frame filled in
    turn); `final`: fill ends with these (nothing to flow, or words far too many: `problems` says so). Made once by
    `flow_plain` for the fills of one flow at one size: the plain fill that measures it, then the attempt's, whose
    balancing flows the same items again."""

    items: tuple[Item, ...]
    problems: tuple[Diagnostic, ...]
    res: FlowResult
    final: bool = False


def flow_plain(
    inp: Inputs,
    sections: list[Section],
    frames: list[Frame],
    main: bool = False,
    given: tuple[list[Item], list[Diagnostic]] | None = None,
) -> Plain:
    """The sections (and in the `main` flow what flow_items adds) flowed through the frames, each filled before the
    next; `given`: their items and problems (flow_items) as the caller made them, some of them placed already (a
    heading across columns). Words far too many for the frames are reported at once, from a lower bound of their
    height (linear in their length), before they are measured line by line."""
    width = min(f.box.w for f in frames)
    items, diags = flow_items(inp, sections, width, main) if given is None else given
    keep = (inp.keep_sections, inp.over_page)  # (what the flow keeps whole)
    if not items:
        return Plain((), tuple(diags), flow(items, frames, *keep), final=True)
    floors = floor_of(items, width)
    room = sum(f.box.h for f in frames) + len(frames) * max(i.space_before for i in items)  # gaps at frame tops drop
    if sum(floors) > (1.0 if inp.trial else GROSS) * room:  # (a trial is dropped anyway: no exact figure needed)
        placed = flow(items, frames, *keep)  # as far as the frames hold: linear in the room
        sid = placed.leftover[0].section if placed.leftover else items[-1].section
        section = next((s for s in sections if s.id == sid), sections[-1])  # (or the references after them)
        spill = _spill(inp, section, sum(floors) - room, frames, at_least=True)
        return Plain(tuple(items), (*diags, spill), placed, final=True)  # (what was placed: its lines are checked
        # when the leaflet fails, a word too long in them said with the words that spill)
    return Plain(tuple(items), tuple(diags), flow(items, frames, *keep))


def fill(
    inp: Inputs,
    sections: list[Section],
    frames: list[Frame],
    balanced: bool = True,
    main: bool = False,
    flowed: Plain | None = None,
    facing: tuple[tuple[int, ...], ...] = (),
) -> tuple[FlowResult, list[Diagnostic]]:
    """Flow the sections (and in the `main` flow what flow_items adds) through the frames; balanced, the frames end
    about level (columns and panels), else each is filled before the next (pages), and the two pages of the spread
    the words end on, if they end on its second (`facing`, `ended_spread`), end about level: not a full page
    facing a page of a few lines. `flowed`: their plain flow (`flow_plain`) with these same inputs, made already
    (the main flow's, measured before its attempt); else made here."""
    p = flow_plain(inp, sections, frames, main) if flowed is None else flowed
    if p.final:
        return p.res, list(p.problems)
    items, res = list(p.items), p.res
    keep = (inp.keep_sections, inp.over_page)
    spread = () if balanced else ended_spread(facing, res)  # (balanced: over the side the words end on)
    if (balanced or len(spread) > 1) and not res.leftover and len(frames) > 1:
        res = balance(items, frames, keep, res, spread)
        rewrap(res)
    unheld = hints.unheld(inp, sections, items, frames, res)  # `keep: together`, `break: before` that cannot hold
    broke = bool(res.leftover) and res.leftover[0].fresh  # (what spills is that section: said at its hint)
    return res, [*p.problems, *unheld, *([] if broke else overflow(inp, res, frames, sections, items, keep))]


def ended_spread(facing: tuple[tuple[int, ...], ...], res: FlowResult) -> tuple[int, ...]:
    """Of the groups of frames that face each other (a plan's `facing`), the one whose last frame the words end
    in; () when they end elsewhere (on a spread's first page, whose second is empty or not theirs)."""
    used = [i for i, placed in enumerate(res.placed) if placed]
    return next((group for group in facing if used and group[-1] == used[-1]), ())


def overflow(
    inp: Inputs,
    res: FlowResult,
    frames: list[Frame],
    sections: list[Section],
    items: list[Item] | None = None,
    keep: tuple[bool, bool] = (False, False),
) -> list[Diagnostic]:
    """'The words do not fit', with the room they lack: how much taller the last frame would have to be for them
    all to fit (found by flowing them again, `_lacking`: what a list, card or section kept whole moves on with
    what spills counts too), at least a line; in an attempt that is dropped anyway, what is left over less the
    room left at the foot of the last frame."""
    if not res.leftover:
        return []
    room = max(f.whole for f in frames)
    for item in res.leftover:  # a card, or a callout, taller than any frame: no cut
        # elsewhere helps
        section = next((s for s in sections if s.id == item.section), sections[-1])
        if isinstance(item.flowable, flowables.Column):
            tallest = item.flowable.tallest_row(frames[-1].box.w)
            if tallest > room + 0.01:
                return [_card_too_tall(inp, section, tallest, room)]
        elif isinstance(item.flowable, flowables.Box):  # (measured in each frame, at its own width)
            heights = [(item.flowable.wrap(f.box.w, 1e6)[1], f.whole) for f in frames]
            if all(tall > whole + 0.01 for tall, whole in heights):
                tall, whole = min(heights, key=lambda hw: hw[0] - hw[1])  # (the frame it comes nearest to fitting)
                return [_callout_too_tall(inp, section, tall, whole)]
    over = height_of(res.leftover, frames[-1].box.w)
    lack = max(over - max(res.spare[-1], 0.0), inp.theme.scale.leading)
    if items is not None and not inp.trial:
        lack = max(_lacking(items, frames, keep, lack, over + sum(i.space_before for i in res.leftover)), lack)
    section = next((s for s in sections if s.id == res.leftover[0].section), sections[-1])
    return [_spill(inp, section, lack, frames)]


def _lacking(items: list[Item], frames: list[Frame], keep: tuple[bool, bool], low: float, high: float) -> float:
    """The least height (to half a millimetre) that the last frame must grow by, at its foot, for every item to
    fit: a section kept whole, or a list's last items kept together, moves on with what spills, so the room they
    lack can be more than what is left over. Between `low` (too little, or just enough) and `high`, which is
    doubled until it is enough; a few flows, on the way to an error only."""

    def fits(extra: float) -> bool:
        last = frames[-1]
        grown = replace(last, box=Rect(last.box.x, last.box.y - extra, last.box.w, last.box.h + extra), full=0.0)
        return not flow(items, [*frames[:-1], grown], *keep).leftover

    if fits(low):
        return low
    first = low  # (the estimate from what is left over)
    while not fits(high):
        if high > 4 * sum(f.box.h for f in frames):  # (a section that starts a panel of its own after what spills
            return first  # never fits a taller last panel: the room lacking cannot be told by growing it)
        low, high = high, 2 * high
    while high - low > 0.5 * MM:
        mid = (low + high) / 2
        low, high = (low, mid) if fits(mid) else (mid, high)
    return high


def _callout_too_tall(inp: Inputs, section: Section, tall: float, room: float) -> Diagnostic:
    """'A callout is taller than a whole page (or panel)': its tinted box is never split."""
    share = math.ceil(100 * (tall - room) / tall)
    frame = "page" if inp.layout == "large-print" else "panel"
    callouts = [b for b in section.blocks if isinstance(b, Callout)]  # (the longest: the one that cannot fit)
    callout = max(callouts, key=lambda b: len(b.text) + len(b.title or ""), default=None)
    return error(
        callout.at if callout is not None else section.at,
        f"a callout in section '{section.id}' is {tall / MM:.1f} mm tall, taller than a whole {frame} of the "
        f"{inp.label} ({room / MM:.1f} mm, {inp.sheet.paper.name}, body type {inp.theme.scale.body:g} pt): a "
        "callout's box is never split",
        f"shorten the callout's words by more than {share} %, or give most of them as paragraphs ('text:') and keep "
        "the callout for what must stand out",
    )


def _card_too_tall(inp: Inputs, section: Section, tallest: float, room: float) -> Diagnostic:
    """'A card is taller than a whole page (or panel)': a card group breaks between its cards, never inside one."""
    share = math.ceil(100 * (tallest - room) / tallest)
    frame = hints.unit(inp)
    return error(
        section.at,
        f"a card in section '{section.id}' is {tallest / MM:.1f} mm tall, taller than a "
        f"whole {frame} of the {inp.label} ({room / MM:.1f} mm, {inp.sheet.paper.name}, body type "
        f"{inp.theme.scale.body:g} pt): a card group breaks between its cards, never inside one",
        f"shorten that card's words by more than {share} %, or give them as paragraphs ('text:') instead of a card",
    )


def _per_line(inp: Inputs, width: float) -> float:
    """About how many of the leaflet's own words a body line of this width holds: its texts' words over the lines
    they take at that width (their words' width in the body face and size, a space each; a text's last line as the
    share of a line it fills, each text a line at least), so long German words make fewer than short English
    ones, and a list of one-word items one a line (it was a full line's, and 200 two-word items were told to cut
    1,403 words of their 410); 7 without words. (Each last line counted whole made the words to cut a fifth too
    few: 97 said, 124 needed.)"""
    style = inp.theme.style("body")
    space = stringWidth(" ", style.fontName, style.fontSize)
    count = lines = 0.0
    for text in (t for s in inp.sections for b in s.blocks for t in block_texts(b)):
        words = plain(text).split()
        if words:
            count += len(words)
            lines += max(1.0, (stringWidth(" ".join(words), style.fontName, style.fontSize) + space) / max(width, 1.0))
    return max(1.0, count / lines) if lines else 7.0


def _to_cut(flowing: list[Section], by_lines: float, over: float, frames: list[Frame]) -> float:
    """The words to cut: as many lines as the room lacking holds (`by_lines`), unless that is more words than the
    flow has (headings and gaps in the room lacking, counted as lines of words); then the flow's words in
    proportion to what spills of them (200 sections of a word or two were told to cut 7,839 words of their 600)."""
    words = sum(len(plain(t).split()) for s in flowing for b in s.blocks for t in block_texts(b))
    return by_lines if by_lines <= words else words * over / (sum(f.box.h for f in frames) + over)


def _spill(inp: Inputs, section: Section, over: float, frames: list[Frame], at_least: bool = False) -> Diagnostic:
    """'The words do not fit' at the section from which they spill out of the frames."""
    first, last = frames[0], frames[-1]
    flowing = [s for s in inp.sections if s.place == section.place]
    whole = math.ceil(over / inp.theme.scale.leading - 0.1)  # (cutting words shortens a text by whole lines: 2.3
    # lines lacking are 3 lines to cut, and the words to cut are theirs)
    words = max(1, round(_to_cut(flowing, whole * _per_line(inp, last.box.w), over, frames)))
    where = f"the {last.region} region" if len(frames) == 1 else f"the {first.region} to {last.region} regions"
    amount = f"{'at least ' if at_least else ''}{over / MM:.1f} mm"
    msg = (
        f"the words do not fit: from section '{section.id}' on, {amount} of content spills out of "
        f"{where} ({inp.label}, {inp.sheet.paper.name}, body type {inp.theme.scale.body:g} pt)"
    )
    lines = max(1, min(words, whole))  # (a line cut is a word cut at least)
    hint = (
        f"cut {'at least' if at_least else 'about'} {words} word{'s' if words > 1 else ''} from the sections that "
        f"flow there (or {lines} line{'s' if lines > 1 else ''} of them: a short list item is one), drop a block, or "
        "leave a section out of this layout with 'layouts:'"
    )
    if section.place is not None:  # (a section placed on the back or a flap may flow inside instead)
        hint = _placed_hint(inp, flowing, frames, hint)
    # (hints take room too; not in a flow of one frame, nor on its first section, which starts a frame already)
    hinted = [(s, h) for s in flowing[1:] for h in s.hints] if len(frames) > 1 else []
    hint += "".join(f"; or drop '{h.written}' from section '{s.id}' (line {h.at.line})" for s, h in hinted[:2])
    scale = inp.theme.scale  # (a body already at the least fitting tightens to is helped by no smaller body_size)
    if (inp.brand.type_spec.auto or inp.brand.type_spec.body_size is not None) and scale.body > scale.floor + 1e-6:
        hint += "; or set a smaller body size in the brand kit (type: body_size)"
    return error(section.at, msg, hint)


def _placed_hint(inp: Inputs, flowing: list[Section], frames: list[Frame], cut: str) -> str:
    """The hint for words placed on the back or a flap that do not fit there: they may flow with the other sections
    instead. When even their headings and a line of each do not fit (the tri-fold's back keeps little room under its
    call to action), cutting words cannot help: say so, and how much room there is."""
    many = len(flowing) > 1
    named = ", ".join(f"'{s.id}' (line {s.at.line})" for s in flowing[:3]) + (", ..." if len(flowing) > 3 else "")
    move = f"take {_written_place(inp, flowing[0])} out of the 'place:' of section{'s' if many else ''} {named}"
    flow = f"so that {'they flow' if many else 'it flows'} with the other sections"
    room = sum(f.box.h for f in frames)
    least = 0.0 if inp.trial else _least(inp, flowing, frames[-1].box.w)  # (a trial's findings are dropped)
    if room >= least:
        return f"{cut}; or {move}, {flow}"
    return (
        f"the {frames[-1].region} has room for {room / MM:.1f} mm of sections ({inp.label}, {inp.sheet.paper.name}), "
        f"and {'their headings with a line each take' if many else 'its heading with a line takes'} "
        f"{least / MM:.1f} mm, so cutting words cannot make {'them' if many else 'it'} fit: {move}, {flow}, or "
        f"leave {'them' if many else 'it'} out of this layout with 'layouts:'"
    )


def _written_place(inp: Inputs, section: Section) -> str:
    """A section's place for this layout as its `place:` writes it: 'back', or 'trifold: back' from a mapping."""
    written = next((s for s in inp.content.sections if s.id == section.id), section)
    mapped = dict(written.places).get(inp.layout)
    return f"'{inp.layout}: {mapped}'" if mapped is not None else f"'{section.place}'"


def _least(inp: Inputs, sections: list[Section], width: float) -> float:
    """The height the sections would take with their words cut to a word each: their headings, rules and gaps."""
    stubs = [replace(s, blocks=(Text("x", s.at),), hints=()) for s in sections]
    items, _ = flow_items(replace(inp, sections=tuple(stubs)), stubs, width)
    return height_of(tuple(items), width)


def stack_down(items: list[tuple[Flowable, float]], box: Rect, region: str, top: float) -> tuple[list[Placed], float]:
    """Place flowables top-down from `top` with gaps; returns the placements and the new top."""
    placed: list[Placed] = []
    y = top
    for f, gap in items:
        _, h = f.wrap(box.w, 1e6)
        y -= gap + h
        placed.append(Placed(f, Rect(box.x, y, box.w, h), region))
    return placed, y


def overset(inp: Inputs, pieces: list[tuple[Paragraph, Location, str]], region: str) -> list[Diagnostic]:
    """Texts set in a fixed place with a word too long to break, which would run over the panel's edge."""
    return [
        error(
            at,
            f"a word in {noun} is {overrun(p) / MM:.1f} mm too long for its line on "
            f"{region_words(inp, region)} ({inp.label}, {inp.sheet.paper.name})",
            "shorten the long word, or mark where it may break with a soft hyphen (\\u00ad in double quotes); a web "
            "address: a shorter one, or a link on words",
        )
        for p, at, noun in pieces
        if overrun(p) > OVERRUN
    ]


def region_words(inp: Inputs, region: str, noun: str = "") -> str:
    """A region in words: 'the back', 'the cover' (with `noun`: 'the back region'); large print's back is its last
    page (it has no back)."""
    return "the last page" if region == "back" and inp.layout == "large-print" else f"the {region}{noun}"


def too_wide(
    inp: Inputs, texts: list[tuple[str, str, str]], size: float, width: float, region: str, on: str = "", also: str = ""
) -> list[Diagnostic]:
    """Brand texts (key, text, font) with a word too long for the line they are set on (on `region`, or where `on`
    says; `also`: what else to do, after the hint)."""
    diags: list[Diagnostic] = []
    for key, text, font in texts:
        widest = max(
            (stringWidth(w, font, size) for w in re.split(r"[ \t\r\n]+", text)), default=0.0
        )  # (no-break spaces hold)
        host = text.split("/")[0] if key in ("contact.booking_url", "contact.website") else ""
        if widest > width + 1.5:  # as much as ReportLab lets a line run over
            diags.append(
                error(
                    inp.brand.where(key),
                    f"'{text.replace(NBSP, ' ')}' is {(widest - width) / MM:.1f} mm too wide for its line "
                    f"{on or 'on ' + region_words(inp, region)} ({inp.label}, {inp.sheet.paper.name})",
                    _too_wide_hint(key, bool(host) and stringWidth(host, font, size) > width + 1.5) + also,
                )
            )
    return diags


def _too_wide_hint(key: str, host_too_wide: bool) -> str:
    """What to do about a brand text too wide for its line: a web or email address cannot take spaces; its path can
    be shorter, a domain's name too wide for the line (`host_too_wide`) only another domain."""
    if key in ("contact.booking_url", "contact.website") and not host_too_wide:
        return "use a shorter address (a short path, such as /book, on the clinic's own domain)"
    if key in ("contact.booking_url", "contact.website"):
        return (
            "the domain's name is too long to print even broken before its dots: use a shorter domain that opens"
            " the same page"
        )
    if key == "contact.email":
        return "use a shorter email address"
    if key.startswith("contact."):
        return "use a shorter form of it, or break the text with spaces"
    return "break the name with spaces (it may take two lines), or give a shorter form of it"


def where(content: Content, key: str) -> Location:
    """The location of a text in content.yaml by its key path."""
    return next((at for _, at in content.strings if at.key == key), Location(str(content.path)))


FOLIO = "folio"  # the region a page's number is placed in
FOLIO_FROM_FOOT = 10 * MM  # the page number's baseline region starts this far above the page's foot


def folio(inp: Inputs, page: int, number: int, total: int) -> Placed:
    """The page's number ('Page 2 of 9'), at the foot of its panel, under the words, aligned with them (flush
    right, right to left)."""
    text = inp.content.tool_words.page.format(number=number, total=total)
    para = Para(escape_text(text), inp.theme.style("note"), role=("folio", 0))
    panel = inp.sheet.sides[page].panels[0]
    _, h = para.wrap(panel.content.w, 1e6)
    return Placed(para, Rect(panel.content.x, panel.trim.y + FOLIO_FROM_FOOT, panel.content.w, h), FOLIO)
