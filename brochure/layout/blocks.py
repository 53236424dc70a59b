"""Content sections and blocks + Theme -> flow Items (styled flowables with rhythm spacing)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

from brochure import art
from brochure.art.labels import Measure, fit_beside
from brochure.art.skin import label_texts
from brochure.diagnostics import Diagnostic, Location, error, shorten
from brochure.frozen import frozen
from brochure.geometry.sheet import MM
from brochure.inputs import blocks as c
from brochure.inputs.contact import Contact
from brochure.inputs.content import Section
from brochure.inputs.inline import escape_text, one_line, plain, read_whole, to_markup
from brochure.layout import citations, contactlines, images, lettering
from brochure.layout.citations import Citations
from brochure.layout.flow import Item
from brochure.layout.flowables import Art, Box, Bullet, Column, SectionHeading, Stack
from brochure.layout.hanging import Numbered, StepRow
from brochure.layout.model import Entry
from brochure.layout.para import Para
from brochure.theme.colors import color_markup
from brochure.theme.styles import Theme
from brochure.vocabulary import Role, language_base
from brochure.words import Words, words_for

WIDE = 110 * MM  # a back at least this wide (at 9.5 pt; wider for larger type) sets the QR box and the contact
# lines side by side, and its sections in two columns (layout/back.py)
SOURCES = "sources"  # the id of the references list when it is a section of its own (the large-print edition)
CALL_TO_ACTION = "call_to_action"  # the outline's key of the back's booking panel, whose heading has a bookmark
# though it is no section (no section of the words has this id: theirs are a-z, 0-9 and '-')
LABEL_PT = 7.5  # the labels of drawings, before they shrink to fit (never under 7 pt)


def is_wide(width: float, theme: Theme) -> bool:
    """Whether a back this wide sets its QR box and contact lines side by side and its sections in two columns
    (a bi-fold's A5 page)."""
    return width >= WIDE * theme.scale.zoom


@frozen
class KitLine:
    """A kit's contact line as a section's `contact:` block prints it (a part of it, where it is broken): its key in
    brand.yaml, its words, style and the width they have, the section, where the block is written, the line's name."""

    key: str
    text: str
    style: ParagraphStyle
    width: float
    section: str
    at: Location
    name: str


class Blocks:
    """Turns blocks into Items for one theme and column width; what cannot be drawn there goes to `problems`."""

    def __init__(
        self,
        theme: Theme,
        width: float,
        links: bool = True,
        locate: Callable[[str], Location | None] | None = None,
        cites: Citations | None = None,
        words: Words | None = None,
        language: str = "en",
        contact: Contact | None = None,
    ) -> None:
        self.t = theme
        self.language = language  # the leaflet's (a reference in another is marked so for a screen reader)
        self.width = width
        self.links = links
        self.L = theme.scale.leading
        self.wide = is_wide(width, theme)
        scale = theme.scale  # a drawing's labels as the body family's small type; large print: at the body size
        self.label_pt = LABEL_PT * scale.apparent if scale.zoom == 1 else scale.body
        self.locate = locate  # a key path -> where it is written (for problems found while laying out)
        self.cites = cites or Citations()  # the layout's citation numbers
        self.problems: list[Diagnostic] = []
        self.words = words or words_for("en")[0]  # the words the tool writes itself (headings, text alternatives)
        self.contact = contact  # the kit's contact lines (a `contact:` block prints them)
        self.kit_lines: list[KitLine] = []  # the lines `contact:` blocks print, as measured (compose.flow_items)

    def md(self, text: str, size: float = 0.0, breaks: bool = False, bare: bool = True) -> str:
        """Text as paragraph markup; its citations as superscript numbers for type of `size` pt (body size if 0), or
        in brackets at that size where the scale says (large print);
        with `breaks` (a title or heading), its line breaks kept; without `bare`, addresses typed bare unlinked."""
        size = size or self.t.scale.body
        return to_markup(
            text,
            color_markup(self.t.palette.primary),
            self.links,
            cite=lambda keys: self.cites.markup(keys, size, self.t.scale.raised),
            italics=self.t.scale.italics,
            breaks=breaks,
            bare=bare,
        )

    def said(self, text: str) -> str:
        """What a title or heading written broken after a hyphen reads as (its /ActualText), its citations read
        as they are printed; '' for any other text."""
        return read_whole(text, partial(self.cites.said, raised=self.t.scale.raised))

    def para(self, text: str, style: str, element: str = "", breaks: bool = False, level: int = 0) -> Paragraph:
        """A paragraph of `text`; `element` keys one that may be split across panels (the flow's own); with
        `breaks` (a title or heading), its line breaks kept; with `level`, a heading of that level (a card's title
        under a subheading: 4)."""
        st = self.t.style(style)
        role: tuple[Role, int] | None = ("heading", level) if level else None
        said = self.said(text) if breaks else ""  # (a line broken after a hyphen: the word read whole)
        return Para(self.md(text, st.fontSize, breaks), st, element=element, role=role, said=said)

    def section(self, s: Section, first: bool) -> list[Item]:
        heading = SectionHeading(self.md(s.heading, self.t.scale.heading, breaks=True), self.t, self.said(s.heading))
        gap = 0.0 if first else 1.25 * self.L
        whole, fresh = s.hint("keep") is not None, s.hint("break") is not None
        items = [Item(heading, s.id, gap, True, one_line(plain(s.heading)), whole=whole, fresh=fresh)]
        titles = 3  # the level of card titles, questions and callout titles: under the section's heading, or (4)
        for i, block in enumerate(s.blocks):  # under a subheading before them, as a reader meets them
            gap = 0.45 * self.L if i == 0 else 0.6 * self.L
            if isinstance(block, c.ContactLines):  # the clinic's number goes with the words that say to call it
                items[-1] = replace(items[-1], keep_with_next=True)  # ("Call us if ...": not alone at a foot)
            items.extend(self.block(block, s.id, gap, titles))
            if isinstance(block, c.Subheading):
                titles = 4
        if items[-1].keep_with_next:  # a subheading last in its section heads nothing of the next section's
            items[-1] = replace(items[-1], keep_with_next=False)
        return items

    def sources(self, first: bool) -> list[Item]:
        """The references in full (Vancouver, with DOI), numbered to match, as a section of their own: where the
        type is large enough for them to need pages, not a corner of the back."""
        if not self.cites.references:
            return []
        title = self.words.sources
        heading = SectionHeading(escape_text(title), self.t)
        items = [Item(heading, SOURCES, 0.0 if first else 1.25 * self.L, True, title)]
        entries = citations.entries_markup(self.cites, self.t, self.links, full=True, numbered=False)
        note = self.t.style("note")
        numeral = note.clone(f"{note.name}_number", alignment=TA_RIGHT)  # each number flush right in its column,
        # "9" over "10"'s last digit (right to left too: a number reads left to right, its column at the right)
        column = max(stringWidth(str(n), self.t.fonts.bold, note.fontSize) for n in range(1, len(entries) + 1))
        gap = 0.5 * note.fontSize  # (the widest number, in the numbers' bold: not the last, whose figures may be
        # narrower ("11" in proportional figures), and half an em beside it)
        for i, (entry, ref) in enumerate(zip(entries, self.cites.references, strict=True)):
            language = ref.language or ""
            if language_base(language) == language_base(self.language):
                language = ""  # (en in an en-GB leaflet: the leaflet's own)
            number = Para(f"<b>{i + 1}</b>", numeral, role=("label", 0))  # (the list item's label: its Lbl)
            text = Stack([(Para(entry, note), 0.0)])
            rtl = self.t.direction == "rtl"
            whole = Numbered(number, text, (column, gap), Entry(SOURCES, i, "decimal", language), rtl)  # never split
            last_two = i == len(entries) - 2  # nor is the last left alone on a page
            items.append(Item(whole, SOURCES, (0.45 if i == 0 else 0.3) * self.L, last_two))
        return items

    def block(self, b: c.Block, sid: str, gap: float, titles: int = 3) -> list[Item]:
        """The block's items; `titles`: the heading level of its titles (a card's, a callout's, a question)."""
        L, pal = self.L, self.t.palette
        key, rtl = b.at.key, self.t.direction == "rtl"
        if isinstance(b, c.Text):
            return [Item(self.para(b.text, "body", key), sid, gap)]
        if isinstance(b, c.Subheading):
            return [Item(self.para(b.text, "subheading", key, breaks=True), sid, gap, True)]
        if isinstance(b, c.Bullets):
            bullets: list[Flowable] = [Bullet(self.md(t), self.t, Entry(key, i, "disc")) for i, t in enumerate(b.items)]
            return _group(bullets, sid, gap, 0.2 * L)
        if isinstance(b, c.Cards):
            boxes: list[Flowable] = []
            for card in b.cards:
                title = self.para(card.title, "card_title", level=titles)
                stack = Stack([(title, 0.0), (self.para(card.text, "card_text"), 1.5)])
                z = 18 * self.t.scale.zoom
                icon = Art(partial(art.icon, card.icon, z, pal.primary), z, z) if card.icon else None
                boxes.append(Box(stack, pal.tint(pal.secondary, 0.16), pad=6.0, icon=icon, rtl=rtl))
            return [Item(Column(boxes, 0.3 * L), sid, gap)]
        if isinstance(b, c.Steps):
            rows: list[Flowable] = []
            for i, step in enumerate(b.steps):
                parts = [(self.para(step.title, "card_title"), 0.0)] if step.title else []
                parts.append((self.para(step.text, "small"), 1.0 if step.title else 0.0))
                rows.append(StepRow(i + 1, Stack(parts), self.t, Entry(key, i, "decimal")))
            return _group(rows, sid, gap, 0.45 * L)
        if isinstance(b, c.Callout):
            parts = [(self.para(b.title, "card_title", level=titles), 0.0)] if b.title else []
            parts.append((self.para(b.text, "small"), 1.5 if b.title else 0.0))
            warn = b.tone == "warning"
            fill = pal.tint(pal.accent, 0.13) if warn else pal.tint(pal.primary, 0.08)
            bar = pal.accent if warn else pal.primary
            z = 16 * self.t.scale.zoom
            icon = Art(partial(art.icon, "alert", z, bar), z, z) if warn else None
            return [Item(Box(Stack(parts), fill, pad=8.0, icon=icon, bar=bar, rtl=rtl), sid, gap)]
        if isinstance(b, c.Illustration):
            labels = {key: plain(text) for key, text in b.labels}
            self._check_labels(b, labels)
            h = min(self.width * 0.72, 62 * MM) * self.t.scale.pictures
            font = self.t.fonts.regular
            drawing = partial(
                art.skin_section, self.width, h, pal, labels, font, self.label_pt, self._lettering(), rtl
            )  # a right-to-left leaflet: the drawing's mirror image, its labels at the left
            items = [Item(Art(drawing, self.width, h, "figure", self._alt(labels)), sid, gap, bool(b.caption))]
            if b.caption:
                items.append(Item(self.para(b.caption, "caption", f"{key}.caption"), sid, 0.25 * L))
            return items
        if isinstance(b, c.Image):
            max_h = self.width * 0.75 * self.t.scale.pictures
            flow = images.picture(b.src, self.width, max_h, self.t.press_profile, b.at, plain(b.alt), b.decorative)
            items = [Item(flow, sid, gap, bool(b.caption))]
            if b.caption:
                items.append(Item(self.para(b.caption, "caption", f"{key}.caption"), sid, 0.25 * L))
            return items
        if isinstance(b, c.ContactLines):
            return self._contact_lines(b, sid, gap)
        out = []
        for i, qa in enumerate(b.items):
            q = self.para(qa.q, "card_title", f"{key}[{i}].q", level=titles)
            a = self.para(qa.a, "body", f"{key}[{i}].a")
            out.append(Item(q, sid, gap if i == 0 else 0.6 * L, True))
            out.append(Item(a, sid, 1.0))
        return out

    def _contact_lines(self, b: c.ContactLines, sid: str, gap: float) -> list[Item]:
        """The kit's contact lines a section names, as the back prints them (an icon, the words linked; an email
        broken before its '@' and dots, an address's postcode kept whole), kept together; a line with a word too
        long for the column is a problem of the kit's (`kit_lines`, read by compose.flow_items)."""
        contact = self.contact
        if contact is None:
            raise ValueError("a contact: block is laid out with the kit's contact lines")
        style, width = self.t.style("contact"), contactlines.row_width(self.t, self.width)
        rows: list[Flowable] = []
        for i, line in enumerate(b.lines):
            icon, key, label, url = contactlines.kit_line(contact, line)
            shown = contactlines.last_words_kept(label, style, width) if line == "address" else label
            parts = contactlines.name_lines(label, style, width) if line in ("email", "website") else None
            rows.append(
                contactlines.contact_row(self.t, icon, shown, url, self.links, Entry(b.at.key, i, "none"), parts)
            )
            self.kit_lines += [KitLine(key, part, style, width, sid, b.at, line) for part in parts or [shown]]
        return [Item(Column(rows, 0.3 * self.L), sid, gap)]

    def _alt(self, labels: dict[str, str]) -> str:
        """The skin drawing's text alternative, in the content's language: what it shows, named by its labels (as
        they print: without the soft hyphens and zero-width spaces that say where a word may break); with none, what
        it shows alone ("labelled: ." said none)."""
        words = self.words
        said = [v.replace("\xad", "").replace("\u200b", "") for v in labels.values()]
        if not any(said):  # (none printed: what it shows, its words before the comma that leads to the labels)
            head = words.skin_drawing.split("{labels}")[0]
            cut = max(head.rfind(","), head.rfind("\u060c"))  # (an Arabic comma too)
            return (head[:cut] if cut > 0 else head.rstrip(" :")) + "."
        return words.skin_drawing.format(labels=words.list_separator.join(v for v in said if v))

    def _lettering(self) -> tuple[Measure, tuple[str, ...]]:
        """How a drawing's labels measure as they print, and the fallback fonts they may be set in."""
        font = self.t.fonts.regular
        fallbacks = self.t.fonts.fallbacks_for(font)
        return lettering.measure(font, fallbacks), fallbacks

    def _check_labels(self, b: c.Illustration, labels: dict[str, str]) -> None:
        """A label too wide for the drawing, even at 7 pt on two lines, is the writer's to shorten."""
        fit = fit_beside(label_texts(labels), self._lettering()[0], self.label_pt, self.width)
        for name, over in fit.too_wide:
            key = f"{b.at.key}.labels.{name}"
            at = (self.locate(key) if self.locate else None) or replace(b.at, key=key)
            one_word = len(labels[name].split()) < 2
            self.problems.append(
                error(
                    at,
                    f"the label '{shorten(labels[name])}' is {over / MM:.1f} mm too wide for the drawing beside it "
                    f"in a {self.width / MM:.0f} mm column, even at 7 pt{'' if one_word else ' on two lines'}",
                    "use a shorter word: a label breaks only at a space"
                    if one_word
                    else "shorten the label to a word or two",
                )
            )


def _group(parts: list[Flowable], sid: str, gap: float, between: float) -> list[Item]:
    """A list's items in the flow: the first never ends a panel alone, nor does the last start one alone; between
    the columns of one page (the bi-fold's) the last may start the next column, the others beside it."""
    n = len(parts)
    return [
        Item(
            p,
            sid,
            gap if i == 0 else between,
            keep_with_next=n >= 2 and (i == 0 or i == n - 2),
            apart_in_columns=0 < i == n - 2,
        )
        for i, p in enumerate(parts)
    ]
