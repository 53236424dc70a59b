"""Content + Theme + Logo + tri-fold Sheet -> a Layout (outside: flap, back, cover; inside: the main flow)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from reportlab.platypus import Flowable, Paragraph

from brochure import art
from brochure.diagnostics import Diagnostic, Location, error
from brochure.geometry.sheet import MM, Panel, Rect, Sheet
from brochure.layout.blocks import Blocks
from brochure.layout.flow import Frame, Item, flow, height_of
from brochure.layout.flowables import Art, Box, SectionHeading, Stack
from brochure.layout.images import picture
from brochure.layout.model import Bookmark, Layout, Link, Page, Placed, QrPlacement
from brochure.layout.qr import QUIET_MODULES, modules, qr_drawing
from brochure.load.brand import Brand
from brochure.load.content import Content, Section
from brochure.load.inline import plain
from brochure.theme.colors import color_markup
from brochure.theme.styles import Theme


@dataclass(frozen=True)
class Inputs:
    """Everything a layout needs, passed as one value."""

    content: Content
    brand: Brand
    theme: Theme
    sheet: Sheet
    links: bool = True


def layout_trifold(inp: Inputs) -> tuple[Layout | None, list[Diagnostic]]:
    diags: list[Diagnostic] = []
    outside, inside = inp.sheet.sides
    flap_sections = [s for s in inp.content.sections if s.place == "flap"]
    main_sections = [s for s in inp.content.sections if s.place is None]

    flap = outside.panel("flap")
    flap_items = _flow_items(inp, flap_sections, flap.content.w)
    flap_frames = [Frame("flap", flap.content)]
    flap_res = flow(flap_items, flap_frames)
    diags += _overflow(inp, flap_res.leftover, flap_frames, flap_sections)

    frames = [Frame(p.name, p.content) for p in inside.panels]
    main_items = _flow_items(inp, main_sections, min(f.box.w for f in frames))
    main_res = flow(main_items, frames)
    diags += _overflow(inp, main_res.leftover, frames, main_sections)

    back = _back(inp, outside.panel("back"))
    diags += back.diagnostics
    cover_items = _cover(inp, outside.panel("cover"))

    out_marks = tuple(Bookmark(t, s, top) for t, s, top, _ in flap_res.bookmarks) + back.bookmarks
    in_marks = tuple(Bookmark(t, s, top) for t, s, top, _ in main_res.bookmarks)
    pages = (
        Page(outside, (*cover_items, *back.items, *[p for f in flap_res.placed for p in f]), back.links, out_marks),
        Page(inside, tuple(p for f in main_res.placed for p in f), (), in_marks),
    )
    if any(d.is_error for d in diags):
        return None, diags
    outline = tuple((plain(s.heading), s.id) for s in inp.content.sections)
    return Layout(inp.sheet, pages, outline, back.qr), diags


def _flow_items(inp: Inputs, sections: list[Section], width: float) -> list[Item]:
    blocks = Blocks(inp.theme, width, inp.links)
    items: list[Item] = []
    for i, s in enumerate(sections):
        items.extend(blocks.section(s, i == 0))
    return items


def _overflow(
    inp: Inputs, leftover: tuple[Item, ...], frames: list[Frame], sections: list[Section]
) -> list[Diagnostic]:
    if not leftover:
        return []
    last = frames[-1]
    over = height_of(leftover, last.box.w)
    section = next((s for s in sections if s.id == leftover[0].section), sections[-1])
    words = max(1, round(over / inp.theme.scale.leading * 7))
    where = (
        f"the {last.region} panel" if len(frames) == 1 else f"the inside panels ({frames[0].region} to {last.region})"
    )
    msg = (
        f"the words do not fit: from section '{section.id}' on, {over / MM:.1f} mm of content spills out of "
        f"{where} (tri-fold, {inp.sheet.paper.name})"
    )
    hint = f"cut about {words} words from the sections that flow there, or drop a block"
    return [error(section.at, msg, hint)]


def _stack_down(items: list[tuple[Flowable, float]], box: Rect, region: str, top: float) -> tuple[list[Placed], float]:
    """Place flowables top-down from `top` with gaps; returns the placements and the new top."""
    placed: list[Placed] = []
    y = top
    for f, gap in items:
        _, h = f.wrap(box.w, 1e6)
        y -= gap + h
        placed.append(Placed(f, Rect(box.x, y, box.w, h), region))
    return placed, y


@dataclass(frozen=True)
class _Back:
    items: list[Placed]
    links: tuple[Link, ...]
    bookmarks: tuple[Bookmark, ...]
    qr: QrPlacement
    diagnostics: list[Diagnostic]


def _back(inp: Inputs, panel: Panel) -> _Back:
    t, cta, contact = inp.theme, inp.content.call_to_action, inp.brand.contact
    pal, L, box = t.palette, t.scale.leading, panel.content
    blocks = Blocks(t, box.w, inp.links)
    link_hex = color_markup(pal.primary)

    qr_size = 26 * MM
    qr = Art(qr_drawing(contact.booking_url, qr_size, pal.text, pal.white), qr_size, qr_size)
    booking = re.sub(r"^https?://", "", contact.booking_url).split("?")[0]
    qr_text = Stack(
        [
            (blocks.para(cta.qr_label, "subheading"), 0.0),
            (Paragraph(_link(booking, contact.booking_url, link_hex, inp.links), t.style("small")), 2.0),
        ]
    )
    qr_box = Box(qr_text, pal.tint(pal.secondary, 0.16), pad=6.0, icon=qr)

    lines = [
        ("phone", _link(contact.phone, "tel:" + re.sub(r"[^0-9+]", "", contact.phone), link_hex, inp.links)),
        ("mail", _link(contact.email, "mailto:" + contact.email, link_hex, inp.links)),
        ("globe", _link(re.sub(r"^https?://", "", contact.website), contact.website, link_hex, inp.links)),
        ("pin", _esc(contact.address)),
    ]
    top_items: list[tuple[Flowable, float]] = [
        (SectionHeading(blocks.md(cta.heading), t), 0.0),
        (blocks.para(cta.text, "cta"), 0.45 * L),
        (qr_box, 0.75 * L),
    ]
    for i, (icon, markup) in enumerate(lines):
        row = Box(
            Stack([(Paragraph(markup, t.style("contact")), 0.0)]),
            None,
            pad=0.0,
            icon=Art(art.icon(icon, 13, pal.primary), 13, 13),
        )
        top_items.append((row, (0.75 if i == 0 else 0.3) * L))
    placed, y = _stack_down(top_items, box, "back", box.top)

    bottom: list[tuple[Flowable, float]] = [(blocks.para(inp.content.disclaimer, "note"), 0.0)]
    if inp.content.references:
        refs = " ".join(f"<b>{i}</b>\u00a0{blocks.md(r)}" for i, r in enumerate(inp.content.references, 1))
        bottom.append(
            (Paragraph(f"<b>{_esc(_sources_word(inp.content.language))}</b> {refs}", t.style("fine")), 0.4 * L)
        )
    need = sum(f.wrap(box.w, 1e6)[1] + g for f, g in bottom)
    bottom_placed, _ = _stack_down(bottom, box, "back", box.y + need)
    gap = 1.0 * L
    middle = Frame("back", Rect(box.x, box.y + need + gap, box.w, max(0.0, y - gap - (box.y + need + gap))))
    sections = [s for s in inp.content.sections if s.place == "back"]
    res = flow(_flow_items(inp, sections, box.w), [middle])
    diags = _overflow(inp, res.leftover, [middle], sections)
    if y - gap < box.y + need:
        over = (box.y + need) - (y - gap)
        diags.append(
            error(
                _where(inp.content, "disclaimer"),
                f"the back panel is over-full by {over / MM:.1f} mm "
                "(call to action, contact, disclaimer and references)",
                "shorten the disclaimer, the call to action or the references",
            )
        )
    marks = tuple(Bookmark(t, s, top) for t, s, top, _ in res.bookmarks)
    links = (Link(contact.booking_url, placed[2].box),) if inp.links else ()
    b = placed[2].box
    qr_at = Rect(b.x + qr_box.pad, b.top - qr_box.pad - qr_size, qr_size, qr_size)
    qr_place = QrPlacement(contact.booking_url, 0, qr_at, modules(contact.booking_url), QUIET_MODULES)
    return _Back([*placed, *res.placed[0], *bottom_placed], links, marks, qr_place, diags)


def _where(content: Content, key: str) -> Location:
    """The location of a top-level text in content.yaml."""
    return next((at for _, at in content.strings if at.key == key), Location(str(content.path)))


def _sources_word(language: str) -> str:
    return "Sources" if language.startswith("en") else "Sources / References"


def _esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _link(label: str, url: str, color: str, live: bool) -> str:
    if not live:
        return _esc(label)
    return f'<a href="{_esc(url)}" color="{color}">{_esc(label)}</a>'


def _cover(inp: Inputs, panel: Panel) -> list[Placed]:
    t, content, sheet = inp.theme, inp.content, inp.sheet
    pal, box = t.palette, panel.content
    blocks = Blocks(t, box.w, inp.links)
    items: list[Placed] = []

    # The colour field runs from the fold to the trim edge and on into the bleed.
    field_top = panel.trim.top - 31 * MM
    field_bottom = panel.trim.y + panel.trim.h * 0.42
    right = panel.trim.right + (sheet.bleed if panel.bleed_right else 0.0)
    fw, fh = right - panel.trim.x, field_top - field_bottom
    field = Art(art.cover_field(fw, fh, pal), fw, fh)
    items.append(Placed(field, Rect(panel.trim.x, field_bottom, fw, fh), "cover", text=False))

    logo = inp.brand.logo
    max_w, max_h = box.w * 0.78, 15 * MM
    s = min(max_w / logo.width, max_h / logo.height)
    lw, lh = logo.width * s, logo.height * s
    logo_f: Flowable = (
        Art(logo.drawing, lw, lh)
        if logo.drawing is not None
        else picture(logo.picture or Path(), lw, lh, t.press_profile, inp.brand.where("logo"))
    )
    items.append(Placed(logo_f, Rect(box.x, box.top - lh, lw, lh), "cover"))

    title_style = t.style("cover_title")
    size = _fit_size(content.title, title_style.fontName, title_style.fontSize, box.w)
    title = Paragraph(
        blocks.md(content.title), title_style.clone("cover_title_fit", fontSize=size, leading=size * 1.08)
    )
    stack: list[tuple[Flowable, float]] = []
    if content.cover.kicker:
        stack.append((Paragraph(_esc(content.cover.kicker.upper()), t.style("kicker")), 0.0))
    stack.append((title, 4.0 if stack else 0.0))
    stack.append((blocks.para(content.subtitle, "cover_subtitle"), 5.0))
    if content.cover.lead:
        stack.append((blocks.para(content.cover.lead, "body"), 9.0))
    placed, _ = _stack_down(stack, box, "cover", field_bottom - 4 * MM)
    items.extend(placed)

    site = re.sub(r"^https?://", "", inp.brand.contact.website).rstrip("/")
    footer = Paragraph(
        f'<font name="{t.fonts.bold}" color="{color_markup(pal.primary)}">{_esc(inp.brand.name)}</font>'
        f"<br/>{_esc(site)}",
        t.style("note"),
    )
    _, fh2 = footer.wrap(box.w, 1e6)
    items.append(Placed(footer, Rect(box.x, box.y, box.w, fh2), "cover"))
    return items


def _fit_size(text: str, font: str, size: float, width: float) -> float:
    """The largest size up to `size` (down to 60 %) at which the longest word fits the width."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    longest = max(text.split(), key=lambda w: stringWidth(w, font, size))
    w = stringWidth(longest, font, size)
    return size if w <= width else max(size * 0.6, size * width / w * 0.98)
