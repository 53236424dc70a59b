"""The clinic's contact lines (the kit's phone, email, website, address) -> rows of an icon and words, linked; and
names and addresses broken over lines where they read well. The back's lines and a section's `contact:` block."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth

from brochure import art
from brochure.inputs.contact import Contact
from brochure.inputs.inline import display_url, escape_text, link_markup
from brochure.layout.flowables import Art, Box, Stack
from brochure.layout.model import Entry
from brochure.layout.para import OVERRUN, Para
from brochure.theme.colors import color_markup
from brochure.theme.styles import Theme
from brochure.vocabulary import ContactLine

CONTACT_ICON = 13.0  # pt, beside each contact line (larger with large print)
CONTACT = "contact"  # the key of the back's contact lines' list
ICONS: dict[ContactLine, str] = {"phone": "phone", "email": "mail", "website": "globe", "address": "pin"}


def kit_line(contact: Contact, line: ContactLine) -> tuple[str, str, str, str]:
    """One of the kit's contact lines: (its icon, its key in brand.yaml, its words as printed, its link target)."""
    if line == "phone":
        return ICONS[line], "contact.phone", contact.phone_printed, contact.phone_link
    if line == "email":
        return ICONS[line], "contact.email", contact.email, "mailto:" + contact.email
    if line == "website":
        return ICONS[line], "contact.website", display_url(contact.website), contact.website
    return ICONS[line], "contact.address", contact.address, ""


def contact_row(
    t: Theme, icon: str, label: str, url: str, links: bool, entry: Entry, parts: list[str] | None = None
) -> Box:
    """A contact line: its icon, and its words linked to `url` (where the edition has links); `parts`: an address
    broken over lines (read whole, one link)."""
    link_hex = color_markup(t.palette.primary)
    markup, said = link_markup(escape_text(label), url, link_hex, links) if url else escape_text(label), ""
    if parts is not None and len(parts) > 1:
        markup, said = link_markup("<br/>".join(escape_text(p) for p in parts), url, link_hex, links), label
    size = CONTACT_ICON * t.scale.zoom
    return Box(
        Stack([(Para(markup, t.style("contact"), said=said), 0.0)]),
        None,
        pad=0.0,
        icon=Art(partial(art.icon, icon, size, t.palette.primary), size, size),
        entry=entry,  # the contact lines are a list (their icons say what the words do)
        rtl=t.direction == "rtl",
    )


def row_width(t: Theme, width: float) -> float:
    """The room a contact line's words have in a column this wide (beside its icon)."""
    return width - contact_row(t, ICONS["phone"], "", "", False, Entry(CONTACT, 0, "none")).text_x()


def fits(text: str, style: ParagraphStyle, width: float) -> bool:
    """Whether a line of text fits `width` in `style` (OVERRUN over, as ReportLab lets a line run)."""
    return float(stringWidth(text, style.fontName, style.fontSize)) <= width + OVERRUN


def name_lines(text: str, style: ParagraphStyle, width: float) -> list[str]:
    """An email or web address too wide for `width` as printed over lines: broken before its '@', then before the
    dots of what is still too wide, as few lines as fit (a line that starts with '@' or '.' says the address goes
    on: no hyphen is added, which would read as part of it; Chicago 14.18); whole if it fits, or if it has no
    such mark."""
    if fits(text, style, width):
        return [text]
    for mark in "@.":
        pieces = [p for p in re.split(f"(?={re.escape(mark)})", text) if p]
        if len(pieces) < 2:
            continue
        lines = [pieces[0]]
        for piece in pieces[1:]:
            if fits(lines[-1] + piece, style, width):
                lines[-1] += piece
            else:
                lines.append(piece)
        return [n for line in lines for n in name_lines(line, style, width)]
    return [text]


# A postcode of two parts, or a US state and its ZIP code, anywhere in an address: never parted by a line break
_POSTCODE = re.compile(
    r"\b(?:[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}"  # the UK's (BS1 4QA, SW1A 1AA)
    r"|[A-Z][0-9][A-Z] [0-9][A-Z][0-9]"  # Canada's (K1A 0B1)
    r"|[A-Z]{2} [0-9]{5}(?:-[0-9]{4})?"  # a US state and ZIP code (VT 05401)
    r"|[1-9][0-9]{3} [A-Z]{2}"  # the Netherlands' (1012 AB)
    r"|[0-9]{3} [0-9]{2}"  # Sweden's, Czechia's, Slovakia's, Greece's (114 55)
    r"|(?:[AC-FHKNPRTV-Y][0-9]{2}|D6W) [0-9AC-FHKNPRTV-Y]{4})\b"  # Ireland's Eircode (D02 X285)
)


def last_words_kept(text: str, style: ParagraphStyle, width: float) -> str:
    """An address as set in `width`: a postcode's parts held together by a no-break space where a line would end
    between them, wherever it stands ('City of Bristol BS1' / '4QA, United Kingdom'), and so its last two words
    ('12 Elm Park Road, Leeds LS6' / '2AB': a postcode, or 'VT 05401', reads whole), unless they end in one held
    already; else as written."""

    def wide(t: str) -> float:
        return float(stringWidth(t, style.fontName, style.fontSize))

    last_kept = False
    while True:  # (each hold moves the lines' ends: the next is looked for in the lines it leaves)
        breaks = _breaks(text, wide, width, float(getattr(style, "spaceShrinkage", 0.0)))
        parted = next((m for m in _POSTCODE.finditer(text) if m.start() + m.group().index(" ") in breaks), None)
        if parted is not None:
            text = text[: parted.start()] + parted.group().replace(" ", "\u00a0") + text[parted.end() :]
            continue
        words = text.split(" ")
        if last_kept or "\u00a0" in words[-1] or len(words) < 3 or len(text) - len(words[-1]) - 1 not in breaks:
            return text
        text, last_kept = " ".join(words[:-1]) + "\u00a0" + words[-1], True


def _breaks(text: str, wide: Callable[[str], float], width: float, shrink: float = 0.0) -> set[int]:
    """Where in the text (the spaces' positions) the lines of `width` end, broken greedily as ReportLab breaks:
    a line may run past its width by `shrink` (the style's spaceShrinkage) of a space for each word on it."""
    words = text.split(" ")
    line, at, out, count = words[0], len(words[0]), set(), 1
    give = shrink * wide(" ")
    for word in words[1:]:
        if wide(line + " " + word) <= width + give * count:
            line += " " + word
            count += 1
        else:
            out.add(at)
            line, count = word, 1
        at += 1 + len(word)
    return out
