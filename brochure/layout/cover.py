"""Content + brand + the cover's area -> the cover placed: logo, colour field into the bleed, title, clinic name."""

from __future__ import annotations

import math
from functools import partial

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from brochure import art
from brochure.diagnostics import Diagnostic, Location, error, warning
from brochure.frozen import frozen
from brochure.geometry.sheet import MM, OFFICE_EDGE, Panel, Rect, Sheet
from brochure.inputs.chars import INVISIBLE
from brochure.inputs.controls import LOGO_MM
from brochure.inputs.inline import display_url, escape_text, link_markup, one_line, plain, to_markup
from brochure.layout.blocks import Blocks
from brochure.layout.compose import Inputs, overset, stack_down, too_wide, where
from brochure.layout.flow import EPS
from brochure.layout.flowables import Art, Balanced
from brochure.layout.images import picture
from brochure.layout.model import Placed
from brochure.layout.para import Para
from brochure.theme.colors import color_markup


@frozen
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
    def panel(cls, panel: Panel, words: float = 0.42) -> CoverArea:
        """A whole folded panel as the cover: the title keeps the lower 42 % (or `words` of it), the field runs out to
        the trim."""
        return cls(panel.trim, panel.content, panel.bleed_left, panel.bleed_right, panel.trim.h * words)


@frozen
class Cover:
    items: list[Placed]
    diagnostics: list[Diagnostic]


COVER_GAP = 4 * MM  # under the colour field, and above the clinic's name
LOGO_HEIGHT = 15 * MM  # the most the logo takes (less for a wide logo), at the top of the cover, unless the kit says
LOGO_WIDTH = 0.78  # the most of the cover's width the logo takes at its own height (all of it at the kit's height)
LOGO_GAP = 6 * MM  # between the logo's band and the colour field
FIELD_LEAST = 15 * MM  # the colour field keeps at least this height under a tall logo
BALANCED = ("title", "subtitle")  # set with their lines about even (`flowables.Balanced`)
COVER_TEXTS = {"cover.kicker": "kicker", "title": "title", "subtitle": "subtitle", "cover.lead": "lead"}


def cover(inp: Inputs, area: CoverArea) -> Cover:
    """Logo, a colour field running into the bleed, kicker, title, subtitle, lead and the clinic's name;
    words taller than the room between the field and the name are an error at the tallest of them."""
    t, content, sheet = inp.theme, inp.content, inp.sheet
    pal, box, region = t.palette, area.content, area.region
    blocks = Blocks(t, box.w, inp.links, cites=inp.citations, words=inp.content.tool_words)
    items: list[Placed] = []

    # The colour field runs across the area. At the sheet's edge it runs on into the bleed (press) or stops at
    # the office printer's 5 mm unprinted edge; at a fold it stops FIELD_FOLD_CLEAR short, so folding never shows
    # a sliver of it on the next panel, and a fold a millimetre or two out does not show as a strip of paper
    # uneven along it. Where it stops, its corners are rounded: a shape, not a cut.
    logo_f, logo_room, diags = _logo(inp, area)  # the logo's band over the field (larger for large print)
    field_top = box.top - logo_room - LOGO_GAP
    field_bottom = area.trim.y + area.title_room
    left, round_left = _field_edge(area.bleed_left, sheet)
    right, round_right = _field_edge(area.bleed_right, sheet)
    left, right = area.trim.x - left, area.trim.right + right
    fw, fh = right - left, field_top - field_bottom
    corners = (round_left, round_right, round_right, round_left)
    mirrored = t.direction == "rtl"  # its dots gather at the left, across from the words set flush right
    field = Art(partial(art.cover_field, fw, fh, pal, corners, mirrored), fw, fh)
    items.append(Placed(field, Rect(left, field_bottom, fw, fh), region, text=False))
    logo_x = box.right - logo_f.width if t.direction == "rtl" else box.x  # where the words start
    items.append(Placed(logo_f, Rect(logo_x, box.top - logo_f.height, logo_f.width, logo_f.height), region))

    title_style = t.style("cover_title")
    size = _fit_size(plain(content.title), title_style.fontName, title_style.fontSize, box.w)
    title = Para(
        blocks.md(content.title, size, breaks=True),
        title_style.clone("cover_title_fit", fontSize=size, leading=size * 1.08),
        said=blocks.said(content.title),  # (written 'Micro-' + 'needling': read 'Micro-needling')
    )
    texts: list[tuple[str, Flowable, float]] = []  # (key, paragraph, gap above it)
    if content.cover.kicker:
        cite = partial(inp.citations.markup, size=t.scale.kicker, raised=t.scale.raised)
        kicker = to_markup(
            content.cover.kicker,
            color_markup(pal.primary),
            inp.links,
            capitals=t.scale.capitals,
            cite=cite,
            language=content.language,
            bare=False,  # (words alone, read as written where they print in capitals)
        )
        said = one_line(plain(content.cover.kicker)) if t.scale.capitals else ""  # (read as written)
        texts.append(("cover.kicker", Para(kicker, t.style("kicker"), said=said), 0.0))
    texts.append(("title", title, 4.0 if texts else 0.0))
    texts.append(("subtitle", blocks.para(content.subtitle, "cover_subtitle", breaks=True), 5.0))
    if content.cover.lead:
        texts.append(("cover.lead", blocks.para(content.cover.lead, "body"), 9.0))
    top = field_bottom - COVER_GAP
    shown = [(Balanced(f, t.direction == "rtl") if key in BALANCED else f, gap) for key, f, gap in texts]
    placed, y = stack_down(shown, box, region, top)
    items.extend(placed)
    bottom = box.y
    if area.footer:
        footer, footer_diags = _footer(inp, box)
        diags += footer_diags
        _, fh2 = footer.wrap(box.w, 1e6)
        items.append(Placed(footer, Rect(box.x, box.y, box.w, fh2), region))
        bottom += fh2 + COVER_GAP
    diags += overset(inp, [(f, where(content, key), f"the {COVER_TEXTS[key]}") for key, f, _ in texts], region)
    if y < bottom - EPS:
        heights = [(p.box.h, where(content, key)) for (key, _, _), p in zip(texts, placed, strict=True)]
        if area.footer:  # a long clinic's name takes the words' room too
            heights.append((items[-1].box.h, inp.brand.where("name")))
        diags.append(_cover_too_tall(inp, area, top - bottom, top - y, [key for key, _, _ in texts], heights))
    return Cover(items, diags)


def _logo(inp: Inputs, area: CoverArea) -> tuple[Flowable, float, list[Diagnostic]]:
    """The logo at the cover's top left (right, right to left), and the height of its band: the height the kit
    asks for in this layout (`logo: {height: ...}`, as wide as the cover allows), else LOGO_HEIGHT (grown with
    large print) and at most LOGO_WIDTH of the cover's width. A height that would squeeze the colour field under
    FIELD_LEAST is an error, one the cover's width cannot give a warning, both at the height in brand.yaml."""
    t, box, logo = inp.theme, area.content, inp.brand.logo
    asked, at = inp.brand.logo_height(inp.layout)
    room = LOGO_HEIGHT * t.scale.zoom if asked is None else asked * MM
    widest = box.w * (LOGO_WIDTH if asked is None else 1.0)
    s = min(widest / logo.width, room / logo.height)
    lw, lh = logo.width * s, logo.height * s
    logo_f: Flowable
    if logo.picture is not None:
        at, name = inp.brand.where("logo"), inp.brand.name
        logo_f = picture(logo.picture, lw, lh, t.press_profile, at, name, inks=logo.inks)
    else:
        assert logo.drawing is not None  # a Logo holds exactly one of the two
        logo_f = Art(logo.drawing, lw, lh, "figure", inp.brand.name)
    diags: list[Diagnostic] = []
    where_ = f"on the {area.region} ({inp.label}, {inp.sheet.paper.name})"
    if asked is None:
        if lh < LOGO_MM[0] * MM - 0.01:  # (sized by the cover's width: shorter than a kit may ask for)
            diags.append(
                warning(
                    inp.brand.where("logo"),
                    f"the logo prints only {lh / MM:.1f} mm tall {where_}: it is {logo.width / logo.height:.0f} "
                    f"times as wide as it is tall, and the cover gives it at most {widest / MM:.0f} mm of width",
                    "use a taller version of the logo (the mark above the name, or the name on two lines)",
                )
            )
        return logo_f, room, diags + _narrow(lw, lh, where_, inp)
    exact = (box.top - LOGO_GAP - FIELD_LEAST - area.trim.y - area.title_room) / MM  # the tallest that leaves it
    most = math.floor(exact + 0.01)
    if asked > exact + 0.01:
        diags.append(
            error(
                at,
                f"a logo {asked:g} mm tall leaves too little room for the cover's colour field {where_}: "
                f"at most {most} mm fits",
                f"set a smaller height for this layout, e.g. height: {{{inp.layout}: {most}}}",
            )
        )
    elif lh < room - 0.1 * MM:
        diags.append(
            warning(
                at,
                f"the logo prints {lh / MM:.1f} mm tall, not {asked:g} mm, {where_}: at {asked:g} mm it would be "
                f"{logo.width / logo.height * asked:.0f} mm wide, and the cover is {box.w / MM:.0f} mm wide",
                "a wide logo is sized by the cover's width: use a taller version of the logo (the mark above the "
                "name), or accept the smaller height",
            )
        )
    return logo_f, room, diags + _narrow(lw, lh, where_, inp)


def _narrow(lw: float, lh: float, where_: str, inp: Inputs) -> list[Diagnostic]:
    """A warning at the logo when it prints narrower than a kit may ask it to be tall (LOGO_MM) and is at least
    TALL times as tall as it is wide: a tall, thin logo (one 40 times as tall as it is wide printed as a 0.4 mm
    line, no word said; a wide one is warned of as short). An ordinary logo at a small height the kit asks for
    (4 by 5, 8 mm tall: 6.4 mm wide) is none."""
    logo = inp.brand.logo
    if lw >= LOGO_MM[0] * MM - 0.01 or lh < TALL * lw:
        return []
    return [
        warning(
            inp.brand.where("logo"),
            f"the logo prints only {lw / MM:.1f} mm wide {where_}: it is {logo.height / logo.width:.0f} times as "
            f"tall as it is wide, and the cover gives it {lh / MM:.0f} mm of height",
            "use a wider version of the logo (the mark beside the name, or the name beside the mark)",
        )
    ]


TALL = 3.0  # a logo this many times as tall as it is wide or more, printed narrower than LOGO_MM, is warned of


FIELD_CORNER = 4 * MM  # the radius of the colour field's corners where it stops short of an edge or a fold
FIELD_FOLD_CLEAR = 6 * MM  # where the field stops short of a fold: twice the text's FOLD_CLEAR (at 3 mm, the least,
# its edge read as a fold slightly out, and a fold 1-2 mm out, as office folding is, left a strip uneven along it)


def _field_edge(sheet_edge: bool, sheet: Sheet) -> tuple[float, float]:
    """How far the field reaches past the area's side (negative: stops short), and its corners' radius there."""
    if sheet_edge and sheet.target == "press":
        return sheet.bleed, 0.0
    return -(OFFICE_EDGE if sheet_edge else FIELD_FOLD_CLEAR), FIELD_CORNER


def _footer(inp: Inputs, box: Rect) -> tuple[Flowable, list[Diagnostic]]:
    """The clinic's name and website under the cover's words (the website a live link in the office edition:
    a full back may leave out its own website line). Small type: the name is set in the text colour, as brand
    colours of three or four plates fringe under 10 pt on press. Balanced, as the headings are: a long name's
    lines about even ("The Harley Street Dermatology & Laser Skin Rejuvenation / Centre" left a word alone)."""
    t, name, site = inp.theme, inp.brand.name, display_url(inp.brand.contact.website)
    style = t.style("note")
    footer = Para(
        f'<font name="{t.fonts.bold}">{escape_text(name)}</font>'
        f"<br/>{link_markup(escape_text(site), inp.brand.contact.website, live=inp.links)}",
        style,
    )
    texts = [("name", name, t.fonts.bold), ("contact.website", site, style.fontName)]
    return Balanced(footer, t.direction == "rtl"), too_wide(inp, texts, style.fontSize, box.w, "cover")


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
    """The largest size up to `size` (down to 60 %) at which the longest word fits the width (as printed: what
    prints nothing, a zero-width joiner, is left out: its font's empty box made the title 6 % smaller)."""
    longest = max(INVISIBLE.sub("", text).split(), key=lambda w: stringWidth(w, font, size))
    w = stringWidth(longest, font, size)
    return size if w <= width else max(size * 0.6, size * width / w * 0.98)
