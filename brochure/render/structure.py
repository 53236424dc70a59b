"""A Layout's frames -> the office edition's logical structure: its elements in the folded leaflet's reading order,
and what each printed item is marked as (the content of an element, or an artifact). Pure data: no canvas, no PDF.

The structure follows the frames alone. Items are read in the order a reader meets them (the layout's views, panel
by panel, each panel's items in the order they are painted), and each is added under the element it is part of:
the document, a section (the cover, each content section, the back), a list and its items (bullets, steps, contact
lines, references), then its own element (a heading, a paragraph, a caption, a figure). An element is made where a
reader first meets it, so a section or a paragraph that runs on into a later panel or page stays one element; a
layout that mirrors its views (right-to-left) mirrors the structure with no change here. A run of text inside a
link's area is the content of a Link element inside its paragraph, which also owns the link's annotation. A
stretch of shaped glyphs (Arabic, Hebrew) is a Span whose /ActualText is its words as written; a citation's raised
number is a Reference whose /ActualText is the number in brackets ("[2]", not a digit run into the word before).
Decoration (colour fields, tints, rules, icons beside words that say the same, list dots, page numbers) is marked as
an artifact.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import field
from typing import Any, TypeVar

from brochure.frozen import frozen, mutable
from brochure.geometry.sheet import Rect
from brochure.inputs.inline import display_url
from brochure.layout.model import SOFT_HYPHEN, Frame, Language, Layout, Run, Shape, Text
from brochure.vocabulary import Numbering

ARTIFACT = "Artifact"  # the tag of marked content that is not part of the structure
DECORATION = ("artifact", "folio", "mark")  # roles that are never read


@frozen
class Element:
    """A structure element: its standard type (Document, Sect, H1, P, L, LI, Lbl, LBody, Figure, Caption, Link, Span),
    its parent (-1 for the document), a figure's text alternative and box (page, rectangle), a list's numbering,
    a link's description, its language where it is not the document's, and a Span's words where its glyphs are
    shaped (a citation's Reference: its number in brackets)."""

    kind: str
    parent: int
    alt: str = ""
    box: tuple[int, Rect] | None = None
    numbering: Numbering | None = None
    description: str = ""
    language: str = ""  # where it is not the document's (an English source in a Spanish leaflet)
    actual: str | None = None  # a Span of shaped glyphs: the words they stand for, as written (its /ActualText); a
    # citation's Reference: its raised number in brackets (a reader meets "scars[2]", not "scars2")


@frozen
class Content:
    """Marked content of an element: its page and its MCID there."""

    page: int
    mcid: int


@frozen
class Annotation:
    """A link's annotation: its page and its index among the page's links (the order they are drawn in)."""

    page: int
    index: int


Kid = int | Content | Annotation  # an element (by index), marked content or an annotation


@frozen
class Marked:
    """A stretch of an item's marked content: the runs [start, end) of a text line (0, 0 for a shape or a
    picture: all of it), the tag it is marked with (the element's type, or ARTIFACT) and its MCID (-1 for an
    artifact), or the artifact's type."""

    start: int
    end: int
    tag: str
    mcid: int = -1
    artifact: str = ""  # an artifact's type, where it has one: "Pagination" for a page number


@frozen
class Structure:
    """Elements in document order (parents before children) with their kids in reading order; per page, what each
    item (by its paint order, z) is marked as, the element of each MCID, and the Link element of each link."""

    elements: tuple[Element, ...]
    kids: tuple[tuple[Kid, ...], ...]
    marks: tuple[Mapping[int, tuple[Marked, ...]], ...]
    parents: tuple[tuple[int, ...], ...]
    links: tuple[tuple[int, ...], ...]


def structure_of(layout: Layout) -> Structure:
    """The logical structure of a laid-out leaflet, in the order a reader meets it."""
    builder = _Builder(layout)
    for page, item in reading_order(layout):
        builder.add(page, item)
    return builder.done()


def reading_order(layout: Layout) -> list[tuple[int, Frame]]:
    """(page, item) of every item, in the order a reader meets them: view by view, panel by panel as each view
    lists them, each panel's items in the order they are painted. Items on no panel a reader sees come last."""
    step: dict[tuple[int, str], tuple[int, int]] = {}
    for v, view in enumerate(layout.views):
        for i, (page, panel) in enumerate(view):
            step.setdefault((page, panel), (v, i))
    unseen = (len(layout.views), 0)
    keyed = [
        (step.get((p, item.panel), unseen), p, item.z, item)
        for p, page in enumerate(layout.pages)
        for item in page.items
    ]
    keyed.sort(key=lambda k: k[:3])
    return [(p, item) for _, p, _, item in keyed]


Area = tuple[float, float, float, float, float, int]  # a link's left, right, foot, top, size and index


@mutable
class _Builder:
    layout: Layout
    elements: list[Element] = field(default_factory=lambda: [Element("Document", -1)])
    kids: list[list[Kid]] = field(default_factory=lambda: [[]])
    nodes: dict[tuple[object, ...], int] = field(default_factory=dict)
    marks: list[dict[int, tuple[Marked, ...]]] = field(default_factory=list)
    parents: list[list[int]] = field(default_factory=list)
    link_nodes: dict[tuple[int, int], int] = field(default_factory=dict)  # (page, link) -> its Link element
    link_texts: dict[int, list[str]] = field(default_factory=dict)
    urls: dict[int, str] = field(default_factory=dict)  # Link element -> where it leads
    figures: dict[str, tuple[str, int, Rect]] = field(default_factory=dict)  # element key -> alt, page, box
    _areas: dict[int, tuple[Area, ...]] = field(default_factory=dict)  # page -> its links' areas
    _tongues: dict[int, tuple[Area, ...]] = field(default_factory=dict)  # page -> where words in other languages are
    link_languages: dict[int, str] = field(default_factory=dict)  # Link element -> its words' language, if another

    def __post_init__(self) -> None:
        self.marks = [{} for _ in self.layout.pages]
        self.parents = [[] for _ in self.layout.pages]
        self.figures = _figures(self.layout)

    # -- elements ------------------------------------------------------------------------------------------------

    def _node(self, key: tuple[object, ...], kind: str, parent: int, **fields: Any) -> int:
        """The element under `key`; made, Element(kind, parent, **fields), as the last kid of its parent when a reader
        first meets it (and only then: most items belong to an element already made)."""
        index = self.nodes.get(key)
        if index is None:
            index = len(self.elements)
            self.elements.append(Element(kind, parent, **fields))
            self.kids.append([])
            self.kids[parent].append(index)
            self.nodes[key] = index
        return index

    def _content(self, page: int, element: int) -> int:
        """New marked content of `element` on `page`: its MCID."""
        mcid = len(self.parents[page])
        self.parents[page].append(element)
        self.kids[element].append(Content(page, mcid))
        return mcid

    # -- items ---------------------------------------------------------------------------------------------------

    def add(self, page: int, item: Frame) -> None:
        whole = len(item.runs) if isinstance(item, Text) else 0  # (runs [0, whole): all of the item)
        if item.role in DECORATION or (isinstance(item, Shape) and item.role == "label"):  # (a list's dot)
            kind = "Pagination" if item.role == "folio" else ""
            self.marks[page][item.z] = (Marked(0, whole, ARTIFACT, artifact=kind),)
            return
        sect = self._node(("sect", item.section or f"part:{item.region}"), "Sect", 0)
        figure = self.figures.get(item.element)
        if figure is not None:
            alt, at, box = figure
            node = self._node(("element", item.element), "Figure", self._parent(item, sect), alt=alt, box=(at, box))
            self.marks[page][item.z] = (Marked(0, whole, "Figure", self._content(page, node)),)
            return
        if not isinstance(item, Text):  # a shape or picture that is no figure's: decoration
            self.marks[page][item.z] = (Marked(0, 0, ARTIFACT),)
            return
        parent = self._parent(item, sect)
        kind = self._kind(item)
        said = item.alt or None  # (its words as written, where they print otherwise: a kicker in capitals)
        node = self._node(("element", item.element or f"line:{page}.{item.z}"), kind, parent, actual=said)
        self.marks[page][item.z] = tuple(self._runs(page, item, node))

    def _parent(self, item: Frame, sect: int) -> int:
        """Where the item's element goes: its section, or inside the list item it is part of."""
        e = item.entry
        if e is None:
            return sect
        lst = self._node(("list", e.list), "L", sect, numbering=e.numbering)
        entry = self._node(("entry", e.list, e.number), "LI", lst, language=e.language)
        if item.role == "label" and isinstance(item, Text):  # a step's number
            return entry
        return self._node(("body", e.list, e.number), "LBody", entry)

    @staticmethod
    def _kind(line: Text) -> str:
        if line.role == "label" and line.entry is not None:
            return "Lbl"
        if line.role in ("title", "heading") and line.entry is None:  # (a step's title is part of the step)
            return f"H{max(1, min(6, line.level))}"
        if line.role == "caption":
            return "Caption"
        return "P"

    def _runs(self, page: int, line: Text, node: int) -> Iterator[Marked]:
        """The line's runs, a stretch per element: the paragraph's own, a link's inside it, or a Span of words in
        another language than the leaflet's (a link's words in another language say it on the link)."""
        areas = self._areas.get(page)
        if areas is None:
            areas = self._areas[page] = _areas(tuple(link.box for link in self.layout.pages[page].links))
        tongues = self._tongues.get(page)
        if tongues is None:
            tongues = self._tongues[page] = _areas(tuple(t.box for t in self.layout.pages[page].languages))
        targets = _joined(line, [self._owned(page, _link_of(line, run, areas), node) for run in line.runs])
        spoken = self.layout.pages[page].languages
        languages = (
            _joined(line, [_language(spoken, _link_of(line, r, tongues)) for r in line.runs]) if spoken else None
        )
        whole = bool(line.runs) and line.runs[0].actual is not None  # (a line shaped whole, a paragraph with Arabic
        # or Hebrew words in it: its words, the number's digits among them, are its first run's, one Span)
        cited = [r.rise > 0 and r.actual is None and not whole for r in line.runs]  # a citation's raised number
        added = [r.actual == SOFT_HYPHEN for r in line.runs]  # a hyphen added where a word broke: a Span of its own
        start = 0
        for end in range(1, len(line.runs) + 1):
            same = end < len(line.runs) and targets[end] == targets[start] and cited[end] == cited[start]
            same = same and added[end] == added[start]
            if same and (languages is None or languages[end] == languages[start]):
                continue
            link, language = targets[start], languages[start] if languages is not None else ""
            if link is not None:
                owner = self._link(page, link, node)
                if language:
                    self.link_languages[owner] = language
            else:
                owner = self._span(node, language) if language else node
            runs = line.runs[start:end]
            if link is not None:
                texts = (r.text if r.actual is None else r.actual for r in runs)  # (shaped: as written)
                self.link_texts.setdefault(owner, []).extend(texts)
            words = "".join(r.text if r.actual is None else r.actual for r in runs)
            if words and any(r.actual is not None for r in runs):  # (none: glyphs whose words the Span before gave)
                owner = self._shaped(owner, words)
            elif words and cited[start]:
                owner = self._node(("cited", len(self.elements)), "Reference", owner, actual=f"[{words}]")
            yield Marked(start, end, self.elements[owner].kind, self._content(page, owner))
            start = end

    def _shaped(self, parent: int, words: str) -> int:
        """A Span of shaped glyphs (Arabic, Hebrew: joined forms, in the order they show) with the words they
        stand for as written, as its /ActualText: what a screen reader reads. On the element, not round the glyphs
        in the content: viewers built on PDFium (Chrome's) read a marked-content /ActualText as words in visual
        order and reversed right-to-left ones; from the glyphs themselves they read them as written."""
        return self._node(("shaped", len(self.elements)), "Span", parent, actual=words)

    def _owned(self, page: int, link: int | None, node: int) -> int | None:
        """The link, unless its words began in another element (they are then that element's own words here)."""
        if link is None or (page, link) not in self.link_nodes:
            return link
        return link if self.elements[self.link_nodes[(page, link)]].parent == node else None

    def _link(self, page: int, link: int, node: int) -> int:
        """The Link element of a link's words: one of its own, or the one just before it in the same paragraph
        when that leads to the same place (a link broken across lines has an annotation per line)."""
        key = (page, link)
        if key not in self.link_nodes:
            this = self.layout.pages[page].links[link]
            last = self.kids[node][-1] if self.kids[node] else None
            same = isinstance(last, int) and self.urls.get(last) == this.url
            if same:  # (two links to one place side by side on a line are two links: a broken one is on two lines)
                lines = [
                    self.layout.pages[p].links[i].box
                    for (p, i), n in self.link_nodes.items()
                    if n == last and p == page
                ]
                same = not any(_one_line(b, this.box) for b in lines)
            self.link_nodes[key] = last if same and isinstance(last, int) else self._new_link(node, this.url)
        return self.link_nodes[key]

    def _span(self, parent: int, language: str) -> int:
        """The Span element of words in another language: the paragraph's last kid when it is one of the same
        language (the words run on from the line before), else one of its own."""
        last = self.kids[parent][-1] if self.kids[parent] else None
        if isinstance(last, int) and self.elements[last] == Element("Span", parent, language=language):
            return last
        return self._node(("span", len(self.elements)), "Span", parent, language=language)

    def _new_link(self, parent: int, url: str) -> int:
        node = self._node(("link", len(self.elements)), "Link", parent)
        self.urls[node] = url
        return node

    # -- the whole -----------------------------------------------------------------------------------------------

    def done(self) -> Structure:
        for p, page in enumerate(self.layout.pages):  # a link over no words (none today): at the end of the page
            for i, link in enumerate(page.links):
                if (p, i) not in self.link_nodes:
                    last = self.parents[p][-1] if self.parents[p] else 0
                    self.link_nodes[(p, i)] = self._new_link(_sect_of(self.elements, last), link.url)
        for (p, i), node in sorted(self.link_nodes.items()):
            self.kids[node].append(Annotation(p, i))
            said = " ".join(self.link_texts.get(node, []))
            words = " ".join(_SOFT_BREAK.sub("", said).split())  # (a word broken at a soft hyphen: read whole)
            if "".join(words.split()) in (display_url(self.urls[node]), self.urls[node]):  # (an address broken over
                words = "".join(words.split())  # lines where it allows: read whole, as printed without the breaks)
            language = self.link_languages.get(node, "")
            self.elements[node] = Element(
                "Link", self.elements[node].parent, description=words or self.urls[node], language=language
            )
        links = [[self.link_nodes[(p, i)] for i in range(len(page.links))] for p, page in enumerate(self.layout.pages)]
        return Structure(
            tuple(self.elements),
            tuple(tuple(k) for k in self.kids),
            tuple(self.marks),
            tuple(tuple(p) for p in self.parents),
            tuple(tuple(p) for p in links),
        )


def _figures(layout: Layout) -> dict[str, tuple[str, int, Rect]]:
    """Each figure's element key -> its text alternative, its page and the box of what it draws there (its shapes
    and its labels)."""
    keys = {i.element for page in layout.pages for i in page.items if i.role in ("figure", "qr") and i.element}
    found: dict[str, tuple[str, int, Rect]] = {}
    for p, page in enumerate(layout.pages):
        for item in page.items:
            if item.element not in keys:
                continue
            alt, at, box = found.get(item.element, (item.alt, p, item.box))
            found[item.element] = (alt or item.alt, at, _union(box, item.box) if at == p else box)
    return found


def _areas(boxes: tuple[Rect, ...]) -> tuple[Area, ...]:
    return tuple((b.x, b.right, b.y, b.top, b.w * b.h, i) for i, b in enumerate(boxes))


def _language(spoken: tuple[Language, ...], index: int | None) -> str:
    return "" if index is None else spoken[index].language


def _link_of(line: Text, run: Run, links: tuple[Area, ...]) -> int | None:
    """The link (or words in another language) whose area holds the middle of the run (the smallest, where areas
    nest), or None."""
    if not links or not run.text:
        return None
    x, y = run.x + run.width / 2, line.baseline + run.rise + run.size * 0.3
    found = [(size, i) for left, right, foot, top, size, i in links if left <= x <= right and foot <= y <= top]
    return min(found)[1] if found else None


def _one_line(a: Rect, b: Rect) -> bool:
    """Whether two links' boxes lie on one line (they overlap by most of the lower one's height)."""
    return min(a.top, b.top) - max(a.y, b.y) > 0.5 * min(a.h, b.h)


def _sect_of(elements: list[Element], index: int) -> int:
    while index > 0 and elements[index].kind != "Sect":
        index = elements[index].parent
    return index


def _union(a: Rect, b: Rect) -> Rect:
    x, y = min(a.x, b.x), min(a.y, b.y)
    return Rect(x, y, max(a.right, b.right) - x, max(a.top, b.top) - y)


T = TypeVar("T")
_SOFT_BREAK = re.compile(rf"\s*{SOFT_HYPHEN}\s*")


def _joined(line: Text, owners: list[T]) -> list[T]:
    """Each run's owner, an empty run's (a line broken by `<br/>` ends with one, past its words) the run's before
    it: its own stretch, the paragraph's, parted a link from its next line's words (two links read, the first
    named as the site alone: "clearwaterskin.co.uk", "/book")."""
    for k in range(1, len(owners)):
        if line.runs[k].text == "" and line.runs[k].actual is None:
            owners[k] = owners[k - 1]
    return owners
