"""Content + Theme + a region of the sheet -> placed pieces: the cover, the back (call to action), flowed sections."""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

from brochure import art
from brochure.diagnostics import Diagnostic, Location, error
from brochure.geometry.sheet import MM, Panel, Rect, Sheet
from brochure.layout.blocks import WIDE, Blocks
from brochure.layout.flow import Frame, Item, flow, height_of
from brochure.layout.flowables import Art, Box, SectionHeading, Stack
from brochure.layout.images import picture
from brochure.layout.model import Link, Placed, QrPlacement
from brochure.layout.qr import QUIET_MODULES, modules, qr_drawing
from brochure.load.brand import Brand
from brochure.load.content import Content, Section
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
    label: str = "tri-fold"  # the layout's name in messages
    sections: tuple[Section, ...] = ()  # the sections this layout shows, with places resolved


def flow_items(inp: Inputs, sections: list[Section], width: float) -> list[Item]:
    blocks = Blocks(inp.theme, width, inp.links)
    items: list[Item] = []
    for i, s in enumerate(sections):
        items.extend(blocks.section(s, i == 0))
    return items


def overflow(inp: Inputs, leftover: tuple[Item, ...], frames: list[Frame], sections: list[Section]) -> list[Diagnostic]:
    if not leftover:
        return []
    last = frames[-1]
    over = height_of(leftover, last.box.w)
    section = next((s for s in sections if s.id == leftover[0].section), sections[-1])
    words = max(1, round(over / inp.theme.scale.leading * 7))
    where = f"the {last.region} region" if len(frames) == 1 else f"the {frames[0].region} to {last.region} regions"
    msg = (
        f"the words do not fit: from section '{section.id}' on, {over / MM:.1f} mm of content spills out of "
        f"{where} ({inp.label}, {inp.sheet.paper.name}, body type {inp.theme.scale.body:g} pt)"
    )
    hint = (
        f"cut about {words} words from the sections that flow there, drop a block, "
        f"or leave a section out of this layout with 'layouts:'"
    )
    return [error(section.at, msg, hint)]


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


def back(inp: Inputs, box: Rect, page: int, region: str = "back") -> Back:
    """Call to action, QR code, contact lines, sections placed on the back, disclaimer and sources, in `box`."""
    t, cta, contact = inp.theme, inp.content.call_to_action, inp.brand.contact
    pal, L = t.palette, t.scale.leading
    blocks = Blocks(t, box.w, inp.links)
    link_hex = color_markup(pal.primary)

    qr_size = 26 * MM
    qr = Art(qr_drawing(contact.booking_url, qr_size, pal.text, pal.white), qr_size, qr_size)
    wide = box.w >= WIDE
    booking = re.sub(r"^https?://", "", contact.booking_url).split("?")[0]
    host, _, rest = booking.partition("/")
    url_markup = _link(booking, contact.booking_url, link_hex, inp.links)
    if wide and rest:  # beside the contact lines the box is narrow: host and path on lines of their own
        url_markup = _link(host, contact.booking_url, link_hex, inp.links) + "<br/>"
        url_markup += _link("/" + rest, contact.booking_url, link_hex, inp.links)
    qr_text = Stack([(blocks.para(cta.qr_label, "subheading"), 0.0), (Paragraph(url_markup, t.style("url")), 2.0)])
    qr_box = Box(qr_text, pal.tint(pal.secondary, 0.16), pad=6.0, icon=qr)

    site = re.sub(r"^https?://", "", contact.website)
    contact_labels = [(contact.phone, "phone"), (contact.email, "mail"), (site, "globe")]
    lines = [
        ("phone", _link(contact.phone, "tel:" + re.sub(r"[^0-9+]", "", contact.phone), link_hex, inp.links)),
        ("mail", _link(contact.email, "mailto:" + contact.email, link_hex, inp.links)),
        ("globe", _link(site, contact.website, link_hex, inp.links)),
        ("pin", _esc(contact.address)),
    ]
    top_items: list[tuple[Flowable, float]] = [
        (SectionHeading(blocks.md(cta.heading), t), 0.0),
        (blocks.para(cta.text, "cta"), 0.45 * L),
        (qr_box, 0.75 * L),
    ]
    contact_rows: list[tuple[Flowable, float]] = []
    for i, (icon, markup) in enumerate(lines):
        row = Box(
            Stack([(Paragraph(markup, t.style("contact")), 0.0)]),
            None,
            pad=0.0,
            icon=Art(art.icon(icon, 13, pal.primary), 13, 13),
        )
        contact_rows.append((row, (0.75 if i == 0 else 0.3) * L))
    split = _qr_share(box, [label for label, _ in contact_labels], t) if wide else 0.0
    if split:  # a wide panel sets the QR box and the contact lines side by side
        placed, y_qr = stack_down(top_items, Rect(box.x, box.y, split, box.h), region, box.top)
        right = Rect(box.x + split + 6 * MM, box.y, box.w - split - 6 * MM, box.h)
        rows, y_rows = stack_down(contact_rows, right, region, placed[2].box.top + 0.75 * L)
        placed, y = placed + rows, min(y_qr, y_rows)
    else:
        placed, y = stack_down(top_items + contact_rows, box, region, box.top)

    bottom: list[tuple[Flowable, float]] = [(blocks.para(inp.content.disclaimer, "note"), 0.0)]
    if inp.content.references:
        refs = " ".join(f"<b>{i}</b>\u00a0{blocks.md(r)}" for i, r in enumerate(inp.content.references, 1))
        bottom.append(
            (Paragraph(f"<b>{_esc(_sources_word(inp.content.language))}</b> {refs}", t.style("fine")), 0.4 * L)
        )
    need = sum(f.wrap(box.w, 1e6)[1] + g for f, g in bottom)
    bottom_placed, _ = stack_down(bottom, box, region, box.y + need)
    gap = 1.0 * L
    middle = Frame(region, Rect(box.x, box.y + need + gap, box.w, max(0.0, y - gap - (box.y + need + gap))), page)
    sections = [s for s in inp.sections if s.place == "back"]
    res = flow(flow_items(inp, sections, box.w), [middle])
    diags = overflow(inp, res.leftover, [middle], sections)
    if y - gap < box.y + need:
        over = (box.y + need) - (y - gap)
        diags.append(
            error(
                _where(inp.content, "disclaimer"),
                f"the {region} region is over-full by {over / MM:.1f} mm ({inp.label}) "
                "(call to action, contact, disclaimer and references)",
                "shorten the disclaimer, the call to action or the references",
            )
        )
    links = (Link(contact.booking_url, placed[2].box),) if inp.links else ()
    b = placed[2].box
    qr_at = Rect(b.x + qr_box.pad, b.top - qr_box.pad - qr_size, qr_size, qr_size)
    qr_place = QrPlacement(contact.booking_url, page, qr_at, modules(contact.booking_url), QUIET_MODULES)
    return Back([*placed, *res.placed[0], *bottom_placed], links, qr_place, diags)


def _qr_share(box: Rect, labels: list[str], t: Theme) -> float:
    """The width for the QR box beside the contact lines, leaving the longest unbreakable line room;
    0 when the two do not fit side by side."""
    style = t.style("contact")
    widest = max(stringWidth(label, style.fontName, style.fontSize) for label in labels) + 13 + 7 + 2
    split = min(box.w * 0.6, box.w - 6 * MM - widest)
    return split if split >= box.w * 0.45 else 0.0


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


def cover(inp: Inputs, area: CoverArea) -> list[Placed]:
    """Logo, a colour field running into the bleed, kicker, title, subtitle, lead and the clinic's name."""
    t, content, sheet = inp.theme, inp.content, inp.sheet
    pal, box, region = t.palette, area.content, area.region
    blocks = Blocks(t, box.w, inp.links)
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
    placed, _ = stack_down(stack, box, region, field_bottom - 4 * MM)
    items.extend(placed)
    if not area.footer:
        return items

    site = re.sub(r"^https?://", "", inp.brand.contact.website).rstrip("/")
    footer = Paragraph(
        f'<font name="{t.fonts.bold}" color="{color_markup(pal.primary)}">{_esc(inp.brand.name)}</font>'
        f"<br/>{_esc(site)}",
        t.style("note"),
    )
    _, fh2 = footer.wrap(box.w, 1e6)
    items.append(Placed(footer, Rect(box.x, box.y, box.w, fh2), region))
    return items


def _fit_size(text: str, font: str, size: float, width: float) -> float:
    """The largest size up to `size` (down to 60 %) at which the longest word fits the width."""
    longest = max(text.split(), key=lambda w: stringWidth(w, font, size))
    w = stringWidth(longest, font, size)
    return size if w <= width else max(size * 0.6, size * width / w * 0.98)
