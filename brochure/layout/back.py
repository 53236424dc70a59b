"""Content + brand + the back's box -> the back placed: its sections, call to action, QR code, contacts, fine print."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Literal

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from brochure.diagnostics import Diagnostic, Location, error
from brochure.frozen import frozen
from brochure.geometry.sheet import MM, Rect
from brochure.inputs.content import Section
from brochure.inputs.inline import display_url, escape_text, one_line, plain
from brochure.layout import citations
from brochure.layout.blocks import Blocks, is_wide
from brochure.layout.compose import (
    FINE,
    FINE_GAP,
    GROSS,
    Inputs,
    fill,
    fine_print,
    flow_items,
    flow_plain,
    overset,
    region_words,
    stack_down,
    too_wide,
    where,
)
from brochure.layout.contactlines import (
    CONTACT,
    CONTACT_ICON,
    contact_row,
    fits,
    kit_line,
    last_words_kept,
    name_lines,
    row_width,
)
from brochure.layout.document import document_block
from brochure.layout.flow import EPS, Frame, Item, floor_of
from brochure.layout.flowables import Art, Box, SectionHeading, Stack
from brochure.layout.model import Entry, Link, Placed, QrPlacement
from brochure.layout.para import OVERRUN, Para, overrun
from brochure.layout.qr import QUIET_MODULES, least_size, modules, qr_drawing
from brochure.theme.colors import color_markup
from brochure.theme.styles import Theme
from brochure.vocabulary import CONTACT_LINES
from brochure.xmltext import quoteattr

Columns = Literal["span", "level", "one"]  # a back's sections: one section in two columns under its heading set
# across both, two columns starting level, one column


GIVE_WAY = (  # (the website's contact line, the QR code in mm, body leadings above the fine print), tried in order
    (True, 26.0, 1.0),  # the design
    (True, 22.0, 1.0),  # on a full back, what can give way without losing anything (see back())
    (True, 22.0, 0.5),
    (False, 22.0, 0.5),
    (False, 20.0, 0.5),  # the least print guidance asks for: the last resort before smaller type
)
GUTTER = 6 * MM  # between the two columns of a wide back's sections (as between the bi-fold's)
SECTION_GAP = 1.25  # body leadings between the back's sections and the call to action under them, as between sections


@frozen
class Back:
    items: list[Placed]
    links: tuple[Link, ...]
    qr: QrPlacement
    diagnostics: list[Diagnostic]
    full: bool = False  # too full for what it holds (large print's fine print then ends the words instead)


def back(inp: Inputs, box: Rect, page: int) -> Back:
    """In `box`, top down: the sections placed on the back, then (halfway down the room they leave, when there
    are any) the call to action, QR code and contact lines (the booking panel closes the reading, after the risks
    and when to contact us); at the foot the disclaimer,
    the sources and the document block (code, version, dates, authors, other formats, feedback) in small type.

    The sections run in two columns on a wide back (the bi-fold's; a section alone there under its heading set
    across both, else the columns start level), and in one when two do not hold them with
    everything below given way. A back too full for all of it gives way where nothing is lost (GIVE_WAY, in
    order): the QR code shrinks from 26 to 22 mm (above the 20 mm print guidance asks for), the space above the
    fine print narrows, then the website's contact line goes when the booking address under the QR code already
    shows the website, and last the QR code takes the 20 mm print guidance allows. The code never shrinks below
    what keeps its modules LEAST_MODULE (a long booking address's). A right-to-left leaflet's sources, each on a
    line of its own, run on as the last resort of the last attempt, at the smallest type. If it still does not
    fit, the errors are those of the last, tightest attempt: the least there is to cut."""
    contact = inp.brand.contact
    host = display_url(contact.website).split("/")[0]  # the booking address shows the website's own host
    shown = display_url(contact.booking_url).split("/")[0] == host
    # The fine print at the foot is the same whatever gives way above it. A right-to-left leaflet's sources each
    # start a line; in the last attempt, at the smallest type, they run on when that is all that fits.
    rtl = inp.theme.direction == "rtl"
    ways = [(False, True)]  # (run on, two columns): each foot made when an attempt first needs it
    if is_wide(box.w, inp.theme):  # (its fine print in two columns first; across the back when they do not fit)
        ways.append((False, False))
    if rtl and not inp.trial:
        ways.append((True, False))
    made: dict[tuple[bool, bool], Foot] = {}
    least = least_size(contact.booking_url)  # (a long booking address's code keeps modules a phone tells apart)
    last: Back | None = None
    here = [s for s in inp.sections if s.place == "back"]
    two = is_wide(box.w, inp.theme) and bool(here)
    span = len(here) == 1 and bool(here[0].blocks)  # (a heading alone is set as in level columns: not tried twice)
    tried: tuple[Columns, ...] = (("span", "level", "one") if span else ("level", "one")) if two else ("one",)
    for columns in tried:  # (one section's heading across both columns, columns level, one column)
        for way in ways:
            foot = made.get(way) or made.setdefault(way, _foot(inp, box, *way))
            for website, qr_mm, gap in GIVE_WAY:
                if not (website or shown):
                    break
                if last is not None and qr_mm * MM < least:
                    continue
                last = _back(inp, box, page, website, qr_mm, gap, foot, columns)
                if not any(d.is_error for d in last.diagnostics):
                    return last
    assert last is not None
    return last


@frozen
class Foot:
    """The back's fine print, set at the foot of the back: disclaimer, sources and document block."""

    items: list[tuple[Flowable, float]]  # (flowable, gap above it)
    keys: list[Location]  # where each is written, for messages about the back's height
    floors: list[float]  # the least height each can take (cheap), to see a gross overflow at once
    need: float  # the height they take, gaps included (0 when `gross`: not measured)
    placed: list[Placed]
    diagnostics: list[Diagnostic]
    heights: tuple[float, ...] = ()  # the height each takes (in two columns, its share of their height)


def _foot(inp: Inputs, box: Rect, run_on: bool = False, two: bool = True) -> Foot:
    """The disclaimer, sources and document block, measured and placed once for every attempt at the back (the
    sources run on, one after another, in a left-to-right leaflet or with `run_on`)."""
    t, L = inp.theme, inp.theme.scale.leading
    words, links = inp.content.tool_words, inp.links
    count = 0 if inp.full_sources else len(inp.citations.references)
    two = two and is_wide(box.w, t) and count > 0 and not inp.fine_flows  # (a wide back's fine print in two
    # columns: 125 characters a line)
    width = (box.w - GUTTER) / 2 if two else box.w
    blocks = Blocks(t, width, inp.links, cites=inp.citations, words=inp.content.tool_words)
    doc = document_block(inp.content, inp.brand)
    (disclaimer, _), (document, _) = fine_print(inp, blocks, doc)
    here = FINE[inp.fine_flows :]  # (what flows after the words is not at the foot: large print's, when need be)
    items: list[tuple[Flowable, float]] = [(disclaimer, 0.0)] if "disclaimer" in here else []

    def sources_of(part: tuple[int, int] | None = None) -> Para | None:
        language = inp.content.language
        return citations.sources(inp.citations, t, words, links, run_on=run_on, language=language, part=part)

    sources = None if inp.full_sources else sources_of()
    if sources is not None:
        items.append((sources, FINE_GAP * L if items else 0.0))
    if "document" in here:
        items.append((document, FINE_GAP * L if items else 0.0))
    keys = _kept(here, [*_bottom_keys(inp), _longest(doc.texts(), doc.at)])
    floors = floor_of([Item(f, "", g) for f, g in items], box.w)
    if sum(floors) > GROSS * box.h:  # far too long for the whole back: not worth measuring every line
        return Foot(items, keys, floors, 0.0, [], [])
    columns = _two_columns(disclaimer, sources_of, count, document, width, 0.4 * L) if two else None
    if columns is not None and not _better_in_two(columns, width):
        columns, width = None, box.w  # (a word too long for half the back: across it, as before)
    heights = tuple(f.wrap(width, 1e6)[1] / (2 if columns else 1) for f, _ in items)
    need = _tall(items, width)
    fine = t.style("fine")

    def longest(text: str) -> float:  # the width of its longest word
        return max((stringWidth(w, fine.fontName, fine.fontSize) for w in text.split()), default=0.0)

    diags: list[Diagnostic] = []
    if any(overrun(f) > OVERRUN for f, _ in items):  # (each text's widest word, to say where: only then)
        widest = _kept(here, [*_bottom_keys(inp, longest), max(doc.texts(), key=lambda ta: longest(ta[0]))[1]])
        diags = overset(inp, [(f, at, _noun(at)) for (f, _), at in zip(items, widest, strict=True)], "back")
    if columns is not None:
        need, placed = _placed_in_two(columns, box, width, t.direction == "rtl")
    else:
        placed, _ = stack_down(items, box, "back", box.y + need)
    return Foot(items, keys, floors, need, placed, diags, heights)


def _kept(here: tuple[str, ...], keys: list[Location]) -> list[Location]:
    """Of the foot's keys (the disclaimer's, the sources', the document block's), those of the texts still `here`."""
    return [keys[0]] * ("disclaimer" in here) + keys[1:-1] + [keys[-1]] * ("document" in here)


Pieces = list[tuple[Flowable, float]]  # flowables and the gap above each


def _two_columns(
    disclaimer: Para,
    sources: Callable[[tuple[int, int]], Para | None],
    count: int,
    document: Para,
    width: float,
    gap: float,
) -> tuple[Pieces, Pieces]:
    """The fine print in two columns: the disclaimer and the first references, then the rest of them and the
    document block, parted between two references (never inside one: its words, link and language are one) where
    the columns come nearest level (the first column grows as the second shrinks: found by halving)."""

    def parted(k: int) -> tuple[Pieces, Pieces, float, float]:
        first, rest = sources((0, k)), sources((k, count))
        left: Pieces = [(disclaimer, 0.0), *([(first, gap)] if first is not None else [])]
        right: Pieces = [*([(rest, 0.0)] if rest is not None else []), (document, gap if rest is not None else 0.0)]
        h1, h2 = _tall(left, width), _tall(right, width)
        return left, right, h1, h2

    low, high = 0, count  # (the least k whose first column is as tall as the second, or taller)
    while low < high:
        mid = (low + high) // 2
        _, _, h1, h2 = parted(mid)
        low, high = (low, mid) if h1 >= h2 else (mid + 1, high)
    tried = [parted(k) for k in {max(0, low - 1), low}]
    left, right, _, _ = min(tried, key=lambda c: (max(c[2], c[3]), abs(c[2] - c[3])))
    return left, right


def _better_in_two(columns: tuple[Pieces, Pieces], width: float) -> bool:
    """Whether every word fits half the back (else the fine print is set across it, as before)."""
    for column in columns:
        _tall(column, width)  # (each piece wrapped at the column's width)
    return not any(overrun(f) > OVERRUN for column in columns for f, _ in column)


def _tall(column: Pieces, width: float) -> float:
    """How tall a column of pieces is at this width, their gaps included."""
    return float(sum(f.wrap(width, 1e6)[1] + g for f, g in column))


def _placed_in_two(columns: tuple[Pieces, Pieces], box: Rect, width: float, rtl: bool) -> tuple[float, list[Placed]]:
    """The two columns at the back's foot, the first at the left (at the right, right to left), both from the same
    top: their height and their pieces placed."""
    tall = max(_tall(column, width) for column in columns)
    xs = (box.right - width, box.x) if rtl else (box.x, box.right - width)
    placed: list[Placed] = []
    for column, x in zip(columns, xs, strict=True):
        placed += stack_down(column, Rect(x, box.y, width, box.h), "back", box.y + tall)[0]
    return tall, placed


def _back(
    inp: Inputs,
    box: Rect,
    page: int,
    website: bool,
    qr_mm: float,
    gap_leadings: float,
    foot: Foot,
    columns: Columns,
) -> Back:
    """One attempt at the back, its sections in `columns` (Columns)."""
    region = "back"
    t, cta, contact = inp.theme, inp.content.call_to_action, inp.brand.contact
    pal, L = t.palette, t.scale.leading
    blocks = Blocks(t, box.w, inp.links, cites=inp.citations, words=inp.content.tool_words)
    link_hex = color_markup(pal.primary)

    qr_size = qr_mm * MM
    qr_alt = inp.content.tool_words.qr_code.format(url=display_url(contact.booking_url))
    qr = Art(partial(qr_drawing, contact.booking_url, qr_size, pal.code, pal.white), qr_size, qr_size, "qr", qr_alt)
    wide = blocks.wide  # (as wide as a wide column at this type size)
    heading = SectionHeading(blocks.md(cta.heading, breaks=True), t, blocks.said(cta.heading))
    cta_text = blocks.para(cta.text, "cta")
    qr_label = Para(blocks.md(inp.content.qr_label, bare=False), t.style("subheading"), role=("paragraph", 0))  # (in
    # the QR box's link: none of its own)
    qr_text = Stack([(qr_label, 0.0)], balanced=True)  # (the label's lines about even)
    rtl = t.direction == "rtl"  # the QR code at the right of its box, the icons at the right of their lines
    qr_box = Box(qr_text, pal.tint(pal.secondary, 0.16), pad=6.0, icon=qr, rtl=rtl)

    lines = [kit_line(contact, line) for line in CONTACT_LINES if website or line != "website"]
    top_items: list[tuple[Flowable, float]] = [
        (heading, 0.0),
        (cta_text, 0.45 * L),
        (qr_box, 0.75 * L),
    ]
    style = t.style("contact")

    def contact_row_at(i: int, icon: str, label: str, url: str, parts: list[str] | None = None) -> Box:
        return contact_row(t, icon, label, url, inp.links, Entry(CONTACT, i, "none"), parts)

    split = _qr_share(box, [label for _, _, label, _ in lines[:3]], t) if wide else 0.0
    if split and not _fits_beside(display_url(contact.booking_url), t.style("url"), _url_width(split, qr_box)):
        split = 0.0  # the booking address would not fit beside the code: the contact lines go under it
    row_w = row_width(t, box.w - split - 6 * MM if split else box.w)
    contact_rows: list[tuple[Box, float]] = []
    printed: list[tuple[str, str, str]] = []  # (key, a line as printed, font): each checked for its width
    for i, (icon, key, label, url) in enumerate(lines):
        shown = last_words_kept(label, style, row_w) if key == "contact.address" else label
        parts = name_lines(label, style, row_w) if key == "contact.email" else None  # (a website gives way)
        contact_rows.append((contact_row_at(i, icon, shown, url, parts), (0.75 if i == 0 else 0.3) * L))
        printed += [(key, part, style.fontName) for part in parts or [label]]
    diags = too_wide(inp, printed, style.fontSize, row_w, region)
    url_w = _url_width(split or box.w, qr_box)
    url_font, parts = booking_lines(display_url(contact.booking_url), t.style("url"), t.style("fine"), url_w)
    url_markup = "<br/>".join(escape_text(part) for part in parts)  # (no link of its own: the QR box's link covers
    # it, and a second one there was a second tab stop to one place, its area under the box's; in the link colour)
    url_markup = f"<font color={quoteattr(link_hex)}>{url_markup}</font>" if inp.links else url_markup
    said = display_url(contact.booking_url) if len(parts) > 1 else ""  # (over lines: read whole, not as two words)
    qr_text.parts.append((Para(url_markup, url_font, said=said), 2.0))
    diags += too_wide(
        inp, [("contact.booking_url", part, url_font.fontName) for part in parts], url_font.fontSize, url_w, region
    )
    if split:  # a wide panel sets the QR box and the contact lines side by side (the QR box first, as read)
        rest = box.w - split - 6 * MM
        qr_x, rows_x = (box.x, box.x + split + 6 * MM) if not rtl else (box.right - split, box.x)
        placed, y_qr = stack_down(top_items, Rect(qr_x, box.y, split, box.h), region, box.top)
        beside = Rect(rows_x, box.y, rest, box.h)
        rows, y_rows = stack_down(list(contact_rows), beside, region, placed[2].box.top + 0.75 * L)
        placed, y = placed + rows, min(y_qr, y_rows)
    else:
        placed, y = stack_down(top_items + list(contact_rows), box, region, box.top)
    title = one_line(plain(cta.heading))  # (its heading an entry of the outline, as the sections' are)
    placed = [replace(p, bookmark=title) if p.flowable is heading else p for p in placed]
    diags += overset(
        inp,
        [
            (heading.para, where(inp.content, "call_to_action.heading"), "the call to action's heading"),
            (cta_text, where(inp.content, "call_to_action.text"), "the call to action"),
            (qr_label, where(inp.content, "call_to_action.qr_label"), "the QR code's label"),
        ],
        region,
    )

    def book(b: Rect) -> tuple[tuple[Link, ...], QrPlacement]:
        """The booking link and the QR code's place, for the QR box at b."""
        qr_x = b.right - qr_box.pad - qr_size if rtl else b.x + qr_box.pad
        qr_at = Rect(qr_x, b.top - qr_box.pad - qr_size, qr_size, qr_size)
        qr_place = QrPlacement(contact.booking_url, page, qr_at, modules(contact.booking_url), QUIET_MODULES)
        return ((Link(contact.booking_url, b),) if inp.links else ()), qr_place

    gap = gap_leadings * L
    blame = [  # what takes the back's height, by where it is written
        (heading.height, where(inp.content, "call_to_action.heading")),
        (cta_text.height, where(inp.content, "call_to_action.text")),
        (qr_label.height, where(inp.content, "call_to_action.qr_label")),
        (placed[-1].box.h, inp.brand.where("contact.address")),
    ]
    if sum(foot.floors) > GROSS * (y - gap - box.y):  # far too long: say so before measuring every line
        blame += list(zip(foot.floors, foot.keys, strict=True))
        diags.append(_overfull(inp, region, sum(foot.floors) - (y - gap - box.y), blame, at_least=True))
        return Back(placed, *book(placed[2].box), diags, full=True)
    diags += foot.diagnostics
    need, bottom_placed, keys = foot.need, foot.placed, foot.keys
    above = box.y + need + gap + (box.top - y) + SECTION_GAP * L  # the sections keep above the call to action
    middle = Rect(box.x, above, box.w, max(0.0, box.top - above))
    here = [s for s in inp.sections if s.place == "back"]
    head, under = _spanned(inp, here, middle, region) if columns == "span" else ([], ([], []))
    flowed = None
    if head:  # (the columns start under the heading, the gap above the section's first words kept)
        middle = Rect(middle.x, middle.y, middle.w, max(0.0, middle.h - head[0].box.h - under[0][0].space_before))
        flowed = flow_plain(inp, here, _frames(middle, page, True, rtl), given=under)
    res, flow_diags = fill(inp, here, _frames(middle, page, columns != "one", rtl), flowed=flowed)
    diags += flow_diags
    sections = [*head, *(p for frame in res.placed for p in frame)]
    if sections:  # the call to action moves down under the sections, and halfway down the room left above the
        # fine print (it left a hole of 35-53 mm between the booking block and the fine print: the back's middle)
        shift = box.top - min(p.box.y for p in sections) + SECTION_GAP * L
        shift += max(0.0, (y - shift - gap) - (box.y + need)) / 2
        placed, y = [p.moved(-shift) for p in placed], y - shift
    full = y - gap < box.y + need - EPS
    if full:
        blame += list(zip(foot.heights, keys, strict=True))  # (by what is written: two columns part the sources)
        diags.append(_overfull(inp, region, (box.y + need) - (y - gap), blame))
    return Back([*sections, *placed, *bottom_placed], *book(placed[2].box), diags, full=full)


def _frames(box: Rect, page: int, two: bool, rtl: bool) -> list[Frame]:
    """The frames the back's sections flow through: with `two` (a wide back: the bi-fold's) two columns, balanced,
    for lines of a readable length (one column across an A5 page ran 80-96 characters); else one."""
    if not two:
        return [Frame("back", box, page)]
    left, right = box.halves(GUTTER)
    return [Frame("back", r, page, leaf="back") for r in ((right, left) if rtl else (left, right))]


def _spanned(
    inp: Inputs, sections: list[Section], box: Rect, region: str
) -> tuple[list[Placed], tuple[list[Item], list[Diagnostic]]]:
    """A back's one section in two columns under its heading set across both (in the first column, the heading
    broke in two where the width of the back held it in one: "Kiedy się z nami / kontaktować"; the second column
    started level with its rule): the heading placed at the top of `box`, and the section's other items, for
    columns of half its width, and what in them cannot be drawn there. Nothing placed where the section has no more
    than its heading."""
    items, problems = flow_items(inp, sections, box.halves(GUTTER)[0].w)
    if len(items) < 2 or not isinstance(items[0].flowable, SectionHeading):
        return [], ([], problems)
    first = items[0]
    h = float(first.flowable.wrap(box.w, 1e6)[1])
    heading = Placed(first.flowable, Rect(box.x, box.top - h, box.w, h), region, first.section, bookmark=first.bookmark)
    return [heading], (items[1:], problems)


def _bottom_keys(inp: Inputs, rate: Callable[[str], float] = len) -> list[Location]:
    """Where the disclaimer and the sources are written (the printed source that `rate` rates highest: the longest)."""
    keys = [where(inp.content, "disclaimer")]
    if (
        inp.citations.references and not inp.full_sources
    ):  # the source whose printed form rates highest, at the key that form is written
        top = max(inp.citations.references, key=lambda ref: rate(citations.listed(ref)[0]))
        keys.append(where(inp.content, f"{top.at.key}.{citations.listed(top)[1]}"))
    return keys


def _longest(texts: list[tuple[str, Location]], default: Location) -> Location:
    """Where the most of a block's words are written, a line at a time (the content's document details, the kit's
    other-formats line with its list, its feedback line), at the longest text of that line, a list's items as one
    (document details made longer by their statement: at `conflicts`, not at the producer before it; a long list of
    formats at its first item): a long kit line is told to the kit's file, not the content's."""
    sizes: dict[tuple[str, str], int] = {}
    parts: dict[tuple[str, str], dict[str, int]] = {}  # a line's keys (a list's items as one) -> their length
    first: dict[tuple[str, str, str], Location] = {}
    opening: dict[tuple[str, str], Location] = {}  # each line's first piece
    for text, at in texts:
        line, key = (at.file, _line_of(at.key)), at.key.split("[")[0]
        sizes[line] = sizes.get(line, 0) + len(text)
        opening.setdefault(line, at)
        part = parts.setdefault(line, {})
        if at != default:  # (the tool's own words, at `default`, are no part to shorten: "Published ...")
            part[key] = part.get(key, 0) + len(text)
            first.setdefault((*line, key), at)
    if not sizes:
        return default
    line = max(sizes, key=lambda line: sizes[line])
    if not parts[line]:
        return opening[line]
    return first[(*line, max(parts[line], key=lambda key: parts[line][key]))]


def _line_of(key: str) -> str:
    """The line of the document block a text's key belongs to: document, other_formats or feedback."""
    return _kit_key(key).split(".")[0].split("[")[0]


def _noun(at: Location) -> str:
    return {
        "call_to_action.heading": "the call to action's heading",
        "call_to_action.text": "the call to action",
        "call_to_action.qr_label": "the QR code's label",
        "disclaimer": "the disclaimer",
        "contact.address": "the address",
    }.get(at.key) or _DOCUMENT_NOUN.get(_line_of(at.key), "the sources")


def _kit_key(key: str) -> str:
    """A kit's key as the kit's own line's: `languages.es.feedback` is the feedback line."""
    return key.split(".", 2)[2] if key.startswith("languages.") and key.count(".") >= 2 else key


_DOCUMENT_NOUN = {  # texts of the document block, by their top-level key
    "document": "the document details",
    "other_formats": "the other formats line",
    "feedback": "the feedback line",
}


def _overfull(
    inp: Inputs, region: str, over: float, blame: list[tuple[float, Location]], at_least: bool = False
) -> Diagnostic:
    """The back's fixed pieces do not fit: named at the tallest text among them, the next tallest in the hint with
    where each is written (the tallest may not be what grew: document details made longer were told to shorten
    the sources, with no word of them)."""
    ranked = sorted(blame, key=lambda hb: -hb[0])
    at = ranked[0][1]
    others: dict[str, Location] = {}
    for _, there in ranked[1:]:
        if _noun(there) != _noun(at):
            others.setdefault(_noun(there), there)
    named = [f"{noun} ({Path(there.file).name}:{there.line})" for noun, there in list(others.items())[:OTHERS]]
    return error(
        at,
        f"{region_words(inp, region, ' region')} is over-full by {'at least ' if at_least else ''}{over / MM:.1f} mm "
        f"({inp.label}, {inp.sheet.paper.name}): {_held(inp)} do not fit",
        f"shorten {_noun(at)} (the longest of them), or the others" + (f": {', '.join(named)}" if named else ""),
    )


OTHERS = 3  # the next tallest of the back's texts an over-full back's hint names


def _held(inp: Inputs) -> str:
    """What the back holds besides its sections, as `_overfull` lists it: its fine print but what flows elsewhere."""
    here = FINE[inp.fine_flows :]
    held = [
        "the call to action",
        "QR code",
        "contact lines",
        *(["disclaimer"] if "disclaimer" in here else []),
        *([] if inp.full_sources else ["sources"]),
        *(["document details"] if "document" in here else []),
    ]
    return ", ".join(held[:-1]) + " and " + held[-1]


def address_lines(address: str, style: ParagraphStyle, width: float) -> list[str]:
    """A web address as printed in `width`: whole if it fits, else its host and then its path's parts, each
    starting with its '/' (never a break inside a name: 'clearwaterskin.co.' / 'uk' reads as two addresses)."""

    def fits(text: str) -> bool:
        return float(stringWidth(text, style.fontName, style.fontSize)) <= width + 1.0

    if fits(address):
        return [address]
    host, *path = address.split("/")
    lines = [host]
    for part in path:
        if fits(lines[-1] + "/" + part) and len(lines) > 1:
            lines[-1] += "/" + part
        else:
            lines.append("/" + part)
    return lines


def booking_lines(
    address: str, style: ParagraphStyle, least: ParagraphStyle, width: float
) -> tuple[ParagraphStyle, list[str]]:
    """The booking address beside the QR code: its style and lines (address_lines). Where its host or a part of
    its path is too wide for the room, it is set smaller, in quarter points down to `least`'s size (the fine
    print's: the code carries the address; a clinic's long domain name, 'lonestarskinandlaserdermatology.com', is
    read better whole a little smaller than broken); at that size a part still too wide breaks before its dots."""

    def widest(lines: list[str], size: float) -> float:
        return max(float(stringWidth(line, style.fontName, size)) for line in lines)

    lines = address_lines(address, style, width)
    size = style.fontSize
    if widest(lines, size) <= width + OVERRUN or size <= least.fontSize:
        return style, lines
    size = max(least.fontSize, math.floor(4 * style.fontSize * width / widest(lines, size)) / 4)
    smaller = style.clone(f"{style.name}-smaller", fontSize=size, leading=style.leading * size / style.fontSize)
    whole = address_lines(address, smaller, width)
    broken = [n for line in whole for n in name_lines(line, smaller, width)]
    lines = broken[:1]
    for piece in broken[1:]:  # (a host broken before its dots: its last part and the path after it, on one line)
        if len(broken) > len(whole) and fits(lines[-1] + piece, smaller, width):
            lines[-1] += piece
        else:
            lines.append(piece)
    return smaller, lines


def _url_width(width: float, qr_box: Box) -> float:
    """The width the booking address has beside the QR code, in a QR box this wide."""
    return width - qr_box.text_x() - qr_box.pad


def _fits_beside(address: str, style: ParagraphStyle, width: float) -> bool:
    """Whether a web address fits a width, broken as address_lines breaks it (its host, then before each '/'):
    a host or a part of its path too wide for the room beside the code puts the contact lines under the QR box."""
    parts = address_lines(address, style, width)
    return all(float(stringWidth(p, style.fontName, style.fontSize)) <= width + OVERRUN for p in parts)


def _qr_share(box: Rect, labels: list[str], t: Theme) -> float:
    """The width for the QR box beside the contact lines, leaving the longest unbreakable line room;
    0 when the two do not fit side by side."""
    style = t.style("contact")
    icon = CONTACT_ICON * t.scale.zoom
    widest = max(stringWidth(label, style.fontName, style.fontSize) for label in labels) + icon + 7 + 2
    split = min(box.w * 0.6, box.w - 6 * MM - widest)
    return split if split >= box.w * 0.45 else 0.0
