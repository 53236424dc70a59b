"""Content + Theme + a region of the sheet -> placed pieces: the cover, the back (call to action), flowed sections."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

from brochure import art
from brochure.diagnostics import Diagnostic, Location, error
from brochure.geometry.sheet import MM, Panel, Rect, Sheet
from brochure.inputs.brand import Brand
from brochure.inputs.content import Content, Section
from brochure.inputs.inline import display_url, escape_text, link_markup, plain, to_markup
from brochure.inputs.links import phone_digits
from brochure.layout import citations, flowables
from brochure.layout.blocks import WIDE, Blocks
from brochure.layout.citations import NONE, Citations
from brochure.layout.document import document_block
from brochure.layout.flow import EPS, FlowResult, Frame, Item, floor_of, flow, height_of
from brochure.layout.flowables import Art, Box, SectionHeading, Stack
from brochure.layout.images import picture
from brochure.layout.model import Link, Placed, QrPlacement
from brochure.layout.qr import QUIET_MODULES, modules, qr_drawing
from brochure.theme.colors import color_markup
from brochure.theme.styles import Theme

GROSS = 2.0  # words whose least possible height is this many times their room are reported before measuring
GIVE_WAY = (  # (the website's contact line, the QR code in mm, body leadings above the fine print), tried in order
    (True, 26.0, 1.0),  # the design
    (True, 22.0, 1.0),  # on a full back, what can give way without losing anything (see back())
    (True, 22.0, 0.5),
    (False, 22.0, 0.5),
)
SECTION_GAP = 1.25  # body leadings between the back's sections and the call to action under them, as between sections


@dataclass(frozen=True)
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


def flow_items(inp: Inputs, sections: list[Section], width: float) -> tuple[list[Item], list[Diagnostic]]:
    """The sections as flow items for a column of this width, and what in them cannot be drawn there."""
    strings = {at.key: at for _, at in inp.content.strings}
    blocks = Blocks(inp.theme, width, inp.links, strings.get, inp.citations)
    items: list[Item] = []
    for i, s in enumerate(sections):
        items.extend(blocks.section(s, i == 0))
    return items, blocks.problems


def fill(inp: Inputs, sections: list[Section], frames: list[Frame]) -> tuple[FlowResult, list[Diagnostic]]:
    """Flow the sections through the frames. Words far too many for the frames are reported at once, from a
    lower bound of their height (linear in their length), before they are measured line by line."""
    width = min(f.box.w for f in frames)
    items, diags = flow_items(inp, sections, width)
    if not items:
        return flow(items, frames, inp.keep_sections), diags
    floors = floor_of(items, width)
    room = sum(f.box.h for f in frames) + len(frames) * max(i.space_before for i in items)  # gaps at frame tops drop
    if sum(floors) > GROSS * room:
        ends = itertools.accumulate(floors)
        sid = next(item.section for item, end in zip(items, ends, strict=False) if end > room)
        section = next(s for s in sections if s.id == sid)
        empty = FlowResult(tuple(() for _ in frames), tuple(items), tuple(f.box.h for f in frames))
        return empty, [*diags, _spill(inp, section, sum(floors) - room, frames, at_least=True)]
    res = flow(items, frames, inp.keep_sections)
    return res, [*diags, *overflow(inp, res.leftover, frames, sections)]


def overflow(inp: Inputs, leftover: tuple[Item, ...], frames: list[Frame], sections: list[Section]) -> list[Diagnostic]:
    if not leftover:
        return []
    over = height_of(leftover, frames[-1].box.w)
    section = next((s for s in sections if s.id == leftover[0].section), sections[-1])
    return [_spill(inp, section, over, frames)]


def _spill(inp: Inputs, section: Section, over: float, frames: list[Frame], at_least: bool = False) -> Diagnostic:
    """'The words do not fit' at the section from which they spill out of the frames."""
    first, last = frames[0], frames[-1]
    words = max(1, round(over / inp.theme.scale.leading * 7))
    where = f"the {last.region} region" if len(frames) == 1 else f"the {first.region} to {last.region} regions"
    amount = f"{'at least ' if at_least else ''}{over / MM:.1f} mm"
    msg = (
        f"the words do not fit: from section '{section.id}' on, {amount} of content spills out of "
        f"{where} ({inp.label}, {inp.sheet.paper.name}, body type {inp.theme.scale.body:g} pt)"
    )
    hint = (
        f"cut {'at least' if at_least else 'about'} {words} words from the sections that flow there, drop a block, "
        f"or leave a section out of this layout with 'layouts:'"
    )
    return error(section.at, msg, hint)


def stack_down(items: list[tuple[Flowable, float]], box: Rect, region: str, top: float) -> tuple[list[Placed], float]:
    """Place flowables top-down from `top` with gaps; returns the placements and the new top."""
    placed: list[Placed] = []
    y = top
    for f, gap in items:
        _, h = f.wrap(box.w, 1e6)
        y -= gap + h
        placed.append(Placed(f, Rect(box.x, y, box.w, h), region))
    return placed, y


@dataclass(frozen=True)
class Back:
    items: list[Placed]
    links: tuple[Link, ...]
    qr: QrPlacement
    diagnostics: list[Diagnostic]


def back(inp: Inputs, box: Rect, page: int) -> Back:
    """In `box`, top down: the sections placed on the back, then the call to action, QR code and contact lines
    (the booking panel closes the reading, after the risks and when to contact us); at the foot the disclaimer,
    the sources and the document block (code, version, dates, authors, other formats, feedback) in small type.

    A back too full for all of it gives way where nothing is lost (GIVE_WAY, in order): the QR code shrinks
    from 26 to 22 mm (above the 20 mm print guidance asks for), the space above the fine print narrows, then
    the website's contact line goes when the booking address under the QR code already shows the website.
    If it still does not fit, the errors are those of the last, tightest attempt: the least there is to cut."""
    contact = inp.brand.contact
    host = display_url(contact.website).split("/")[0]  # the booking address shows the website's own host
    shown = display_url(contact.booking_url).split("/")[0] == host
    foot = _foot(inp, box)  # the fine print at the foot is the same whatever gives way above it
    last: Back | None = None
    for website, qr_mm, gap in GIVE_WAY:
        if not (website or shown):
            break
        last = _back(inp, box, page, website, qr_mm, gap, foot)
        if not any(d.is_error for d in last.diagnostics):
            return last
    assert last is not None
    return last


@dataclass(frozen=True)
class Foot:
    """The back's fine print, set at the foot of the back: disclaimer, sources and document block."""

    items: list[tuple[Flowable, float]]  # (flowable, gap above it)
    keys: list[Location]  # where each is written, for messages about the back's height
    floors: list[float]  # the least height each can take (cheap), to see a gross overflow at once
    need: float  # the height they take, gaps included (0 when `gross`: not measured)
    placed: list[Placed]
    diagnostics: list[Diagnostic]


def _foot(inp: Inputs, box: Rect) -> Foot:
    """The disclaimer, sources and document block, measured and placed once for every attempt at the back."""
    t, L = inp.theme, inp.theme.scale.leading
    blocks = Blocks(t, box.w, inp.links, cites=inp.citations)
    items: list[tuple[Flowable, float]] = [(blocks.para(inp.content.disclaimer, "note"), 0.0)]
    sources = citations.sources(inp.citations, t, inp.content.language, inp.links)
    if sources is not None:
        items.append((sources, 0.4 * L))
    doc = document_block(inp.content, inp.brand)
    items.append((Paragraph(doc.markup(blocks.md), t.style("fine")), 0.4 * L))
    keys = [*_bottom_keys(inp), doc.at]
    floors = floor_of([Item(f, "", g) for f, g in items], box.w)
    if sum(floors) > GROSS * box.h:  # far too long for the whole back: not worth measuring every line
        return Foot(items, keys, floors, 0.0, [], [])
    need = sum(f.wrap(box.w, 1e6)[1] + g for f, g in items)
    fine = t.style("fine")

    def width(text: str) -> float:  # of the longest word
        return max((stringWidth(w, fine.fontName, fine.fontSize) for w in text.split()), default=0.0)

    widest = [*_bottom_keys(inp, width), max(doc.texts(), key=lambda ta: width(ta[0]))[1]]
    diags = _overset(inp, [(f, at, _noun(at)) for (f, _), at in zip(items, widest, strict=True)], "back")
    placed, _ = stack_down(items, box, "back", box.y + need)
    return Foot(items, keys, floors, need, placed, diags)


def _back(inp: Inputs, box: Rect, page: int, website: bool, qr_mm: float, gap_leadings: float, foot: Foot) -> Back:
    region = "back"
    t, cta, contact = inp.theme, inp.content.call_to_action, inp.brand.contact
    pal, L = t.palette, t.scale.leading
    blocks = Blocks(t, box.w, inp.links, cites=inp.citations)
    link_hex = color_markup(pal.primary)

    def link(label: str, url: str) -> str:
        return link_markup(escape_text(label), url, link_hex, inp.links) if url else escape_text(label)

    qr_size = qr_mm * MM
    qr = Art(qr_drawing(contact.booking_url, qr_size, pal.text, pal.white), qr_size, qr_size)
    wide = box.w >= WIDE
    booking = display_url(contact.booking_url)
    host, _, rest = booking.partition("/")
    url_markup = link(booking, contact.booking_url)
    if wide and rest:  # beside the contact lines the box is narrow: host and path on lines of their own
        url_markup = link(host, contact.booking_url) + "<br/>" + link("/" + rest, contact.booking_url)
    heading, cta_text = SectionHeading(blocks.md(cta.heading), t), blocks.para(cta.text, "cta")
    qr_label = blocks.para(cta.qr_label, "subheading")
    qr_text = Stack([(qr_label, 0.0), (Paragraph(url_markup, t.style("url")), 2.0)])
    qr_box = Box(qr_text, pal.tint(pal.secondary, 0.16), pad=6.0, icon=qr)

    lines = [  # (icon, key in brand.yaml, as printed, link target)
        ("phone", "contact.phone", contact.phone, "tel:" + phone_digits(contact.phone)),
        ("mail", "contact.email", contact.email, "mailto:" + contact.email),
        ("globe", "contact.website", display_url(contact.website), contact.website),
        ("pin", "contact.address", contact.address, ""),
    ]
    if not website:
        lines = [line for line in lines if line[1] != "contact.website"]
    top_items: list[tuple[Flowable, float]] = [
        (heading, 0.0),
        (cta_text, 0.45 * L),
        (qr_box, 0.75 * L),
    ]
    contact_rows: list[tuple[Box, float]] = []
    for i, (icon, _, label, url) in enumerate(lines):
        row = Box(
            Stack([(Paragraph(link(label, url), t.style("contact")), 0.0)]),
            None,
            pad=0.0,
            icon=Art(art.icon(icon, 13, pal.primary), 13, 13),
        )
        contact_rows.append((row, (0.75 if i == 0 else 0.3) * L))
    split = _qr_share(box, [label for _, _, label, _ in lines[:3]], t) if wide else 0.0
    row_w = (box.w - split - 6 * MM if split else box.w) - contact_rows[0][0].text_x()
    style = t.style("contact")
    diags = _too_wide(inp, [(key, label, style.fontName) for _, key, label, _ in lines], style.fontSize, row_w, region)
    if split:  # a wide panel sets the QR box and the contact lines side by side
        placed, y_qr = stack_down(top_items, Rect(box.x, box.y, split, box.h), region, box.top)
        right = Rect(box.x + split + 6 * MM, box.y, box.w - split - 6 * MM, box.h)
        rows, y_rows = stack_down(list(contact_rows), right, region, placed[2].box.top + 0.75 * L)
        placed, y = placed + rows, min(y_qr, y_rows)
    else:
        placed, y = stack_down(top_items + list(contact_rows), box, region, box.top)
    diags += _overset(
        inp,
        [
            (heading.para, _where(inp.content, "call_to_action.heading"), "the call to action's heading"),
            (cta_text, _where(inp.content, "call_to_action.text"), "the call to action"),
            (qr_label, _where(inp.content, "call_to_action.qr_label"), "the QR code's label"),
        ],
        region,
    )

    def book(b: Rect) -> tuple[tuple[Link, ...], QrPlacement]:
        """The booking link and the QR code's place, for the QR box at b."""
        qr_at = Rect(b.x + qr_box.pad, b.top - qr_box.pad - qr_size, qr_size, qr_size)
        qr_place = QrPlacement(contact.booking_url, page, qr_at, modules(contact.booking_url), QUIET_MODULES)
        return ((Link(contact.booking_url, b),) if inp.links else ()), qr_place

    gap = gap_leadings * L
    blame = [  # what takes the back's height, by where it is written
        (heading.height, _where(inp.content, "call_to_action.heading")),
        (cta_text.height, _where(inp.content, "call_to_action.text")),
        (qr_label.height, _where(inp.content, "call_to_action.qr_label")),
        (placed[-1].box.h, inp.brand.where("contact.address")),
    ]
    if sum(foot.floors) > GROSS * (y - gap - box.y):  # far too long: say so before measuring every line
        blame += list(zip(foot.floors, foot.keys, strict=True))
        diags.append(_overfull(inp, region, sum(foot.floors) - (y - gap - box.y), blame, at_least=True))
        return Back(placed, *book(placed[2].box), diags)
    diags += foot.diagnostics
    need, bottom_placed, keys = foot.need, foot.placed, foot.keys
    above = box.y + need + gap + (box.top - y) + SECTION_GAP * L  # the sections keep above the call to action
    middle = Frame(region, Rect(box.x, above, box.w, max(0.0, box.top - above)), page)
    res, flow_diags = fill(inp, [s for s in inp.sections if s.place == "back"], [middle])
    diags += flow_diags
    if res.placed[0]:  # the call to action moves down under the sections
        shift = box.top - min(p.box.y for p in res.placed[0]) + SECTION_GAP * L
        placed, y = [p.moved(-shift) for p in placed], y - shift
    if y - gap < box.y + need - EPS:
        blame += [(p.box.h, at) for p, at in zip(bottom_placed, keys, strict=True)]
        diags.append(_overfull(inp, region, (box.y + need) - (y - gap), blame))
    return Back([*res.placed[0], *placed, *bottom_placed], *book(placed[2].box), diags)


def _bottom_keys(inp: Inputs, rate: Callable[[str], float] = len) -> list[Location]:
    """Where the disclaimer and the sources are written (the printed source that `rate` rates highest: the longest)."""
    keys = [_where(inp.content, "disclaimer")]
    if inp.citations.references:  # the source whose printed form rates highest, at the key that form is written
        top = max(inp.citations.references, key=lambda ref: rate(citations.listed(ref)[0]))
        keys.append(_where(inp.content, f"{top.at.key}.{citations.listed(top)[1]}"))
    return keys


def _noun(at: Location) -> str:
    return {
        "call_to_action.heading": "the call to action's heading",
        "call_to_action.text": "the call to action",
        "call_to_action.qr_label": "the QR code's label",
        "disclaimer": "the disclaimer",
        "contact.address": "the address",
    }.get(at.key) or _DOCUMENT_NOUN.get(at.key.split(".")[0].split("[")[0], "the sources")


_DOCUMENT_NOUN = {  # texts of the document block, by their top-level key
    "document": "the document details",
    "other_formats": "the other formats line",
    "feedback": "the feedback line",
}


def _overset(inp: Inputs, pieces: list[tuple[Paragraph, Location, str]], region: str) -> list[Diagnostic]:
    """Texts set in a fixed place with a word too long to break, which would run over the panel's edge."""
    return [
        error(
            at,
            f"a word in {noun} is {flowables.overrun(p) / MM:.1f} mm too long for its line on the {region} "
            f"({inp.label}, {inp.sheet.paper.name})",
            "break the long word or address (e.g. put a web address on its own line), or shorten it",
        )
        for p, at, noun in pieces
        if flowables.overrun(p) > flowables.OVERRUN
    ]


def _overfull(
    inp: Inputs, region: str, over: float, blame: list[tuple[float, Location]], at_least: bool = False
) -> Diagnostic:
    """The back's fixed pieces do not fit: named at the tallest text among them."""
    at = max(blame, key=lambda hb: hb[0])[1]
    what = _noun(at)
    return error(
        at,
        f"the {region} region is over-full by {'at least ' if at_least else ''}{over / MM:.1f} mm "
        f"({inp.label}, {inp.sheet.paper.name}): the call to action, QR code, contact lines, disclaimer, "
        "sources and document details do not fit",
        f"shorten {what} (the longest of them), or the others",
    )


def _too_wide(
    inp: Inputs, texts: list[tuple[str, str, str]], size: float, width: float, region: str
) -> list[Diagnostic]:
    """Brand texts (key, text, font) with a word too long for the line they are set on."""
    diags: list[Diagnostic] = []
    for key, text, font in texts:
        widest = max((stringWidth(w, font, size) for w in text.split()), default=0.0)
        if widest > width + 1.5:  # as much as ReportLab lets a line run over
            diags.append(
                error(
                    inp.brand.where(key),
                    f"'{text}' is {(widest - width) / MM:.1f} mm too wide for its line on the {region} "
                    f"({inp.label}, {inp.sheet.paper.name})",
                    "use a shorter address, or break the text with spaces",
                )
            )
    return diags


def _qr_share(box: Rect, labels: list[str], t: Theme) -> float:
    """The width for the QR box beside the contact lines, leaving the longest unbreakable line room;
    0 when the two do not fit side by side."""
    style = t.style("contact")
    widest = max(stringWidth(label, style.fontName, style.fontSize) for label in labels) + 13 + 7 + 2
    split = min(box.w * 0.6, box.w - 6 * MM - widest)
    return split if split >= box.w * 0.45 else 0.0


def _where(content: Content, key: str) -> Location:
    """The location of a text in content.yaml by its key path."""
    return next((at for _, at in content.strings if at.key == key), Location(str(content.path)))


@dataclass(frozen=True)
class CoverArea:
    """Where the cover goes: its trimmed area, the box text keeps to, which sides run into the bleed,
    how much height under the colour field is kept for the title, and whether the clinic's name closes it."""

    trim: Rect
    content: Rect
    bleed_left: bool
    bleed_right: bool
    title_room: float
    footer: bool = True
    region: str = "cover"

    @classmethod
    def panel(cls, panel: Panel) -> CoverArea:
        """A whole folded panel as the cover: the title keeps the lower 42 %, the field runs out to the trim."""
        return cls(panel.trim, panel.content, panel.bleed_left, panel.bleed_right, panel.trim.h * 0.42)


@dataclass(frozen=True)
class Cover:
    items: list[Placed]
    diagnostics: list[Diagnostic]


COVER_GAP = 4 * MM  # under the colour field, and above the clinic's name
COVER_TEXTS = {"cover.kicker": "kicker", "title": "title", "subtitle": "subtitle", "cover.lead": "lead"}


def cover(inp: Inputs, area: CoverArea) -> Cover:
    """Logo, a colour field running into the bleed, kicker, title, subtitle, lead and the clinic's name;
    words taller than the room between the field and the name are an error at the tallest of them."""
    t, content, sheet = inp.theme, inp.content, inp.sheet
    pal, box, region = t.palette, area.content, area.region
    blocks = Blocks(t, box.w, inp.links, cites=inp.citations)
    items: list[Placed] = []

    # The colour field runs across the area (from a fold or the trim edge) and on into the bleed.
    field_top = area.trim.top - 31 * MM
    field_bottom = area.trim.y + area.title_room
    left = area.trim.x - (sheet.bleed if area.bleed_left else 0.0)
    right = area.trim.right + (sheet.bleed if area.bleed_right else 0.0)
    fw, fh = right - left, field_top - field_bottom
    field = Art(art.cover_field(fw, fh, pal), fw, fh)
    items.append(Placed(field, Rect(left, field_bottom, fw, fh), region, text=False))

    logo = inp.brand.logo
    max_w, max_h = box.w * 0.78, 15 * MM
    s = min(max_w / logo.width, max_h / logo.height)
    lw, lh = logo.width * s, logo.height * s
    logo_f: Flowable
    if logo.picture is not None:
        logo_f = picture(logo.picture, lw, lh, t.press_profile, inp.brand.where("logo"))
    else:
        assert logo.drawing is not None  # a Logo holds exactly one of the two
        logo_f = Art(logo.drawing, lw, lh)
    items.append(Placed(logo_f, Rect(box.x, box.top - lh, lw, lh), region))

    title_style = t.style("cover_title")
    size = _fit_size(plain(content.title), title_style.fontName, title_style.fontSize, box.w)
    title = Paragraph(
        blocks.md(content.title, size), title_style.clone("cover_title_fit", fontSize=size, leading=size * 1.08)
    )
    texts: list[tuple[str, Flowable, float]] = []  # (key, paragraph, gap above it)
    if content.cover.kicker:
        cite = partial(inp.citations.markup, size=t.scale.kicker)
        kicker = to_markup(content.cover.kicker, color_markup(pal.primary), inp.links, capitals=True, cite=cite)
        texts.append(("cover.kicker", Paragraph(kicker, t.style("kicker")), 0.0))
    texts.append(("title", title, 4.0 if texts else 0.0))
    texts.append(("subtitle", blocks.para(content.subtitle, "cover_subtitle"), 5.0))
    if content.cover.lead:
        texts.append(("cover.lead", blocks.para(content.cover.lead, "body"), 9.0))
    top = field_bottom - COVER_GAP
    placed, y = stack_down([(f, gap) for _, f, gap in texts], box, region, top)
    items.extend(placed)
    diags: list[Diagnostic] = []
    bottom = box.y
    if area.footer:
        footer, diags = _footer(inp, box)
        _, fh2 = footer.wrap(box.w, 1e6)
        items.append(Placed(footer, Rect(box.x, box.y, box.w, fh2), region))
        bottom += fh2 + COVER_GAP
    diags += _overset(inp, [(f, _where(content, key), f"the {COVER_TEXTS[key]}") for key, f, _ in texts], region)
    if y < bottom - EPS:
        heights = [(p.box.h, _where(content, key)) for (key, _, _), p in zip(texts, placed, strict=True)]
        if area.footer:  # a long clinic's name takes the words' room too
            heights.append((items[-1].box.h, inp.brand.where("name")))
        diags.append(_cover_too_tall(inp, area, top - bottom, top - y, [key for key, _, _ in texts], heights))
    return Cover(items, diags)


def _footer(inp: Inputs, box: Rect) -> tuple[Paragraph, list[Diagnostic]]:
    """The clinic's name and website under the cover's words (the website a live link in the office edition:
    a full back may leave out its own website line)."""
    t, name, site = inp.theme, inp.brand.name, display_url(inp.brand.contact.website)
    style = t.style("note")
    footer = Paragraph(
        f'<font name="{t.fonts.bold}" color="{color_markup(t.palette.primary)}">{escape_text(name)}</font>'
        f"<br/>{link_markup(escape_text(site), inp.brand.contact.website, live=inp.links)}",
        style,
    )
    texts = [("name", name, t.fonts.bold), ("contact.website", site, style.fontName)]
    return footer, _too_wide(inp, texts, style.fontSize, box.w, "cover")


def _cover_too_tall(
    inp: Inputs, area: CoverArea, room: float, need: float, keys: list[str], heights: list[tuple[float, Location]]
) -> Diagnostic:
    """The cover's words are taller than their room: named at the tallest of them."""
    at = max(heights, key=lambda ha: ha[0])[1]
    names = [COVER_TEXTS[key] for key in keys]
    listed = ", ".join(names[:-1]) + " and " + names[-1]
    under = "between the colour field and the clinic's name" if area.footer else "under the colour field"
    optional = "; the kicker and the lead may be left out" if at.key in ("cover.kicker", "cover.lead") else ""
    has = f"has {room / MM:.1f} mm" if room > 0 else "has no room left"
    return error(
        at,
        f"the cover's words do not fit: the {listed} need {need / MM:.1f} mm, and the {area.region} {has} "
        f"{under}: {(need - room) / MM:.1f} mm too tall ({inp.label}, {inp.sheet.paper.name})",
        f"shorten the {COVER_TEXTS.get(at.key, 'clinic name')}, the longest text on the cover{optional}",
    )


def _fit_size(text: str, font: str, size: float, width: float) -> float:
    """The largest size up to `size` (down to 60 %) at which the longest word fits the width."""
    longest = max(text.split(), key=lambda w: stringWidth(w, font, size))
    w = stringWidth(longest, font, size)
    return size if w <= width else max(size * 0.6, size * width / w * 0.98)
