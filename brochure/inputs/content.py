"""content.yaml (the words) -> a frozen Content object, or Diagnostics for every problem found."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import quote

from brochure import limits
from brochure.diagnostics import Diagnostic, Location, closest, did_you_mean
from brochure.inputs.blocks import Block, read_blocks, read_layouts
from brochure.inputs.inline import KEY, citations, near_citations
from brochure.inputs.links import web_problem
from brochure.inputs.reader import Reader, load_file
from brochure.inputs.yamltree import Node
from brochure.vocabulary import LAYOUTS, PLACES, LayoutName, Place, is_layout

_LANG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class Section:
    id: str
    heading: str
    place: Place | None  # where it goes when a layout does not say otherwise (None: the main flow)
    blocks: tuple[Block, ...]
    at: Location
    layouts: tuple[LayoutName, ...] = LAYOUTS  # the layouts this section appears in
    places: tuple[tuple[LayoutName, Place], ...] = ()  # layout -> place, from `place: {trifold: flap, ...}`
    block_layouts: tuple[tuple[LayoutName, ...], ...] = ()  # for each block, the layouts it appears in

    def place_in(self, layout: LayoutName) -> Place | None:
        """Where this section goes in a layout: a region name, or None for the main flow."""
        place = dict(self.places).get(layout, self.place)
        return None if place == "main" else place

    def blocks_in(self, layout: LayoutName) -> tuple[Block, ...]:
        if not self.block_layouts:
            return self.blocks
        return tuple(b for b, names in zip(self.blocks, self.block_layouts, strict=True) if layout in names)


@dataclass(frozen=True)
class Cover:
    kicker: str | None
    lead: str | None


@dataclass(frozen=True)
class CallToAction:
    heading: str
    text: str
    qr_label: str


@dataclass(frozen=True)
class Person:
    """Someone credited in the document block: a name and a role (or registration)."""

    name: str
    role: str


@dataclass(frozen=True)
class Translation:
    translator: Person
    reviewer: Person


@dataclass(frozen=True)
class Document:
    """Document control: what identifies this leaflet, when it was published and is due for review, and who
    wrote, checked and produced it. Printed in small type on the back of every layout."""

    code: str
    version: str
    published: date
    review: date
    author: Person
    reviewer: Person
    producer: str
    conflicts: str
    translation: Translation | None
    at: tuple[tuple[str, Location], ...]  # key path (e.g. 'document.review') -> where it is written

    def where(self, key: str) -> Location:
        """Where a key (e.g. 'document.review') is written; `document:` itself for any other."""
        found = dict(self.at)
        return found.get(key) or found["document"]


@dataclass(frozen=True)
class Reference:
    """One source: `id` is what a text cites as [^id]; `text` the full Vancouver reference; `short` the form a
    folded leaflet prints (first author, journal, year, volume and pages); a DOI or a web address."""

    id: str
    text: str
    doi: str | None
    url: str | None
    at: Location
    short: str | None = None

    @property
    def doi_url(self) -> str:
        """The DOI as a link to its resolver ('' without a DOI)."""
        return "https://doi.org/" + quote(self.doi, safe="/:;()._-") if self.doi else ""


@dataclass(frozen=True)
class Content:
    """The whole leaflet's words, in reading order, with where each string came from."""

    path: Path
    language: str
    title: str
    subtitle: str
    cover: Cover
    sections: tuple[Section, ...]
    call_to_action: CallToAction
    document: Document
    disclaimer: str
    references: tuple[Reference, ...]
    strings: tuple[tuple[str, Location], ...]


TOP_REQUIRED = ("language", "title", "subtitle", "sections", "call_to_action", "disclaimer")
TOP_OPTIONAL = ("cover", "references", "document")  # `document` is required: _read_document says how to write it


def load_content(path: Path) -> tuple[Content | None, list[Diagnostic]]:
    """Read and validate content.yaml; the Content is None when any error was found."""
    return load_file(
        path,
        "content",
        "pass --content PATH, or run from the project folder",
        lambda r, root: _read_content(r, root, path),
    )


def _read_content(r: Reader, root: Node, path: Path) -> Content | None:
    top = r.mapping(root, "", TOP_REQUIRED, TOP_OPTIONAL)
    if top is None:
        return None
    language = r.text(top.get("language"), "language", printed=False)
    if language is not None and not _LANG.match(language):
        r.fail(
            r.at(top["language"], "language"),
            f"'{language}' is not a language tag",
            "write a BCP 47 tag such as en-GB, en-US, pl or vi",
        )
    title = r.text(top.get("title"), "title")
    subtitle = r.text(top.get("subtitle"), "subtitle")
    cover = _read_cover(r, top.get("cover"))
    sections = _read_sections(r, top.get("sections"), path.parent)
    cta = _read_cta(r, top.get("call_to_action"))
    document = _read_document(r, root, top.get("document"))
    disclaimer = r.text(top.get("disclaimer"), "disclaimer")
    refs = _read_references(r, top.get("references"))
    _check_printed_total(r)
    if None in (language, title, subtitle, sections, cta, disclaimer, refs):
        return None
    assert language and title and subtitle and sections is not None and cta and disclaimer and refs is not None
    if document is None:
        return None
    return Content(
        path=path,
        language=language,
        title=title,
        subtitle=subtitle,
        cover=cover,
        sections=tuple(sections),
        call_to_action=cta,
        document=document,
        disclaimer=disclaimer,
        references=refs,
        strings=tuple(r.strings),
    )


def _check_printed_total(r: Reader) -> None:
    """All the printed text together stays within limits.PRINTED_CHARS (reported at the text that crosses it)."""
    total = sum(len(value) for value, _ in r.strings)
    if total <= limits.PRINTED_CHARS:
        return
    running = 0
    for value, at in r.strings:
        running += len(value)
        if running > limits.PRINTED_CHARS:
            r.fail(
                at,
                f"all the printed text adds up to {total:,} characters; a leaflet may hold at most"
                f" {limits.PRINTED_CHARS:,}, and this text goes past that",
                "a leaflet has room for far less: shorten the text, or split it into several leaflets",
            )
            return


_DOI = re.compile(r"^10\.[0-9]{4,9}/\S+$")
_DOI_PREFIX = re.compile(r"^(?:doi:\s*|https?://(?:dx\.)?doi\.org/)", re.IGNORECASE)


def _read_references(r: Reader, node: Node | None) -> tuple[Reference, ...] | None:
    """`references:` as a list of {id, text, doi?, url?}; then every citation in the printed texts is checked
    against the ids (an unknown one is an error at its text), and a reference nothing cites is a warning."""
    items = r.seq(node, "references") if node is not None else []
    if items is None:
        return None
    refs: list[Reference] = []
    ids: dict[str, Location] = {}  # every well-formed id, so one bad field does not make its citations unknown
    ok = True
    for i, item in enumerate(items):
        ref = _read_reference(r, item, f"references[{i}]", ids)
        ok = ok and ref is not None
        if ref is not None:
            refs.append(ref)
    _check_citations(r, ids)
    return tuple(refs) if ok else None


def _read_reference(r: Reader, item: Node, path: str, ids: dict[str, Location]) -> Reference | None:
    if isinstance(item.value, str):
        r.fail(
            r.at(item, path),
            "a reference is now a mapping with an id, not a line of text",
            f"write '- id: {_suggest_id(item.value)}' with the words under it as 'text: ...' (and 'doi: 10....' if it "
            f"has one), then cite it after the claim it supports as [^{_suggest_id(item.value)}]",
        )
        return None
    m = r.mapping(item, path, ("id", "text"), ("short", "doi", "url"))
    if m is None:
        return None
    rid = r.text(m.get("id"), f"{path}.id", printed=False)
    if rid is not None:
        at = r.at(m["id"], f"{path}.id")
        if not re.fullmatch(KEY, rid):
            r.fail(
                at,
                f"reference id '{rid}' has characters other than a-z, 0-9 and '-'",
                f"use lowercase letters, digits and hyphens, e.g. '{_suggest_id(rid)}' (first author and year)",
            )
            rid = None
        elif rid in ids:
            r.fail(at, f"reference id '{rid}' is used twice", f"first used at line {ids[rid].line}; ids must be unique")
            rid = None
        else:
            ids[rid] = r.at(item, path)
    text = _reference_text(r, m, path, "text")
    short = _reference_text(r, m, path, "short") if "short" in m else None
    doi = _read_doi(r, m.get("doi"), f"{path}.doi") if "doi" in m else None
    url = r.text(m.get("url"), f"{path}.url", printed=False) if "url" in m else None
    if url is not None:
        why = web_problem(url)
        if why:
            r.fail(r.at(m["url"], f"{path}.url"), f"the address '{url}' {why}", "write the full https:// address")
            url = None
    if rid is None or text is None or ("doi" in m and doi is None) or ("url" in m and url is None):
        return None
    if "short" in m and short is None:
        return None
    return Reference(rid, text, doi, url, r.at(item, path), short)


def _reference_text(r: Reader, m: dict[str, Node], path: str, key: str) -> str | None:
    """A reference's `text` or `short`: printed text that may not itself cite."""
    text = r.text(m.get(key), f"{path}.{key}")
    if text is not None and citations(text):
        r.fail(
            r.at(m[key], f"{path}.{key}"),
            f"a reference cites '[^{citations(text)[0]}]': references cannot cite",
            "remove the [^...] mark from the reference",
        )
        return None
    return text


def _read_doi(r: Reader, node: Node | None, path: str) -> str | None:
    """A DOI as written after 'doi:', e.g. 10.1001/jamadermatol.2013.8687."""
    doi = r.text(node, path, printed=False)
    if doi is None or node is None:
        return None
    bare = _DOI_PREFIX.sub("", doi)
    if bare != doi and _DOI.match(bare):
        r.fail(r.at(node, path), f"'{doi}' has a prefix before the DOI", f"write the DOI alone: {bare}")
        return None
    if not _DOI.match(doi):
        r.fail(
            r.at(node, path),
            f"'{doi}' is not a DOI",
            "a DOI starts with '10.', 4 to 9 digits and '/', e.g. 10.1001/jamadermatol.2013.8687"
            "; for a source without one, use 'url:'",
        )
        return None
    return doi


def _suggest_id(text: str) -> str:
    """An id for a reference written as text: its first word and first year, e.g. 'alam2014'."""
    word = re.sub(r"[^a-z0-9-]", "", (text.split() or ["ref"])[0].lower()) or "ref"
    year = re.search(r"(?:19|20)[0-9]{2}", text)
    return word + (year.group(0) if year else "")


def _check_citations(r: Reader, ids: dict[str, Location]) -> None:
    """Every [^key] in a printed text names a reference (error at the text); every reference is cited (warning).
    At most limits.CITATION_PROBLEMS unknown citations, and marks that only look like one, are named one by one."""
    cited: set[str] = set()
    unknown: list[tuple[str, Location]] = []
    near: list[tuple[str, Location]] = []
    for text, at in list(r.strings):
        if at.key.startswith("references["):
            continue
        keys = citations(text)
        unknown += [(key, at) for key in keys if key not in ids]
        if keys and ".labels." in at.key:
            r.fail(at, "a drawing's label cannot carry a citation", "cite the source in the drawing's caption")
        cited.update(keys)
        near += [(mark, at) for mark in dict.fromkeys(near_citations(text))]
    most = limits.CITATION_PROBLEMS
    for key, at in unknown[:most]:
        hint = _which(key, ids)
        r.fail(at, f"the citation '[^{key}]' names no reference", hint)
    if len(unknown) > most:
        r.fail(
            unknown[most][1],
            f"{len(unknown) - most} more citations name no reference",
            "each [^id] must match an 'id:' under 'references:'",
        )
    for mark, at in near[:most]:
        r.warn(
            at,
            f"'{_shorten(mark)}' is not a citation (a reference's id is lowercase letters, digits and hyphens), "
            "so it prints as written",
            "write the id as it is under 'references:', e.g. [^alam2014]",
        )
    if len(near) > most:
        r.warn(near[most][1], f"{len(near) - most} more marks look like citations but are not", "")
    for rid, at in ids.items():
        if rid not in cited:
            r.warn(
                at,
                f"reference '{rid}' is not cited anywhere, so no layout prints it",
                f"cite it after the claim it supports as [^{rid}], or remove it",
            )


def _which(key: str, ids: dict[str, Location]) -> str:
    """A hint for a citation of an unknown key: the id it likely means, else how to find or add one."""
    if not ids:
        return f"add a reference with 'id: {key}' under 'references:'"
    if closest(key, ids) or len(ids) <= 8:
        return did_you_mean(key, ids)
    return "each [^id] must match an 'id:' under 'references:'"


def _shorten(text: str, most: int = 40) -> str:
    return text if len(text) <= most else text[: most - 1] + "…"


def _read_cover(r: Reader, node: Node | None) -> Cover:
    if node is None:
        return Cover(None, None)
    m = r.mapping(node, "cover", (), ("kicker", "lead"))
    if m is None:
        return Cover(None, None)
    return Cover(r.text(m.get("kicker"), "cover.kicker"), r.text(m.get("lead"), "cover.lead"))


def _read_cta(r: Reader, node: Node | None) -> CallToAction | None:
    if node is None:
        return None
    m = r.mapping(node, "call_to_action", ("heading", "text"), ("qr_label",))
    if m is None:
        return None
    heading = r.text(m.get("heading"), "call_to_action.heading")
    text = r.text(m.get("text"), "call_to_action.text")
    qr = r.text(m.get("qr_label"), "call_to_action.qr_label") if "qr_label" in m else "Scan to book"
    if heading is None or text is None or qr is None:
        return None
    return CallToAction(heading, text, qr)


def _read_sections(r: Reader, node: Node | None, base: Path) -> list[Section] | None:
    items = r.seq(node, "sections")
    if items is None:
        return None
    out: list[Section] = []
    seen: dict[str, Location] = {}
    ok = True
    for i, item in enumerate(items):
        path = f"sections[{i}]"
        m = r.mapping(item, path, ("id", "heading", "blocks"), ("place", "layouts"))
        if m is None:
            ok = False
            continue
        sid = r.text(m.get("id"), f"{path}.id", printed=False)
        if sid is not None:
            if not _ID.match(sid):
                r.fail(
                    r.at(m["id"], f"{path}.id"),
                    f"section id '{sid}' has characters other than a-z, 0-9 and '-'",
                    "use lowercase words joined by hyphens, e.g. 'aftercare'",
                )
            elif sid in seen:
                r.fail(
                    r.at(m["id"], f"{path}.id"),
                    f"section id '{sid}' is used twice",
                    f"first used at line {seen[sid].line}; ids must be unique",
                )
            seen.setdefault(sid, r.at(m["id"], f"{path}.id"))
        heading = r.text(m.get("heading"), f"{path}.heading")
        place, places = _read_place(r, m.get("place"), f"{path}.place")
        blocks = read_blocks(r, m.get("blocks"), f"{path}.blocks", base)
        if sid is None or heading is None or blocks is None:
            ok = False
            continue
        layouts = read_layouts(r, m.get("layouts"), f"{path}.layouts")
        if layouts is None or places is None:
            ok = False
            continue
        out.append(
            Section(
                sid,
                heading,
                None if place == "main" else place,
                tuple(b for b, _ in blocks),
                r.at(item, path),
                layouts,
                places,
                tuple(names for _, names in blocks),
            )
        )
    return out if ok else None


def _read_place(
    r: Reader, node: Node | None, path: str
) -> tuple[Place | None, tuple[tuple[LayoutName, Place], ...] | None]:
    """`place: flap`, or per layout `place: {trifold: flap, bifold: back}` (others: the main flow)."""
    if node is None:
        return None, ()
    if not isinstance(node.value, dict):
        return r.choice(node, path, PLACES), ()
    m = r.mapping(node, path, (), LAYOUTS) or {}
    pairs = [(k, r.choice(v, f"{path}.{k}", PLACES)) for k, v in m.items() if is_layout(k)]
    if len(pairs) != len(m) or any(p is None for _, p in pairs):
        return None, None
    return None, tuple((k, p) for k, p in pairs if p is not None)


DOCUMENT_KEYS = ("code", "version", "published", "review", "author", "reviewer", "producer", "conflicts")
DOCUMENT_EXAMPLE = (
    "document: {code: CSC-MN-001, version: '1.1', published: 2026-12-01, review: 2029-12-01, "
    "author: {name: ..., role: ...}, reviewer: {name: ..., role: ...}, producer: ..., conflicts: ...}"
)
_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$")
_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")  # ASCII digits: \d also takes ٢٠٢٦


def _read_document(r: Reader, root: Node, node: Node | None) -> Document | None:
    """The `document:` block (required): leaflet code, version, dates, people, producer and conflicts."""
    if node is None:
        r.fail(
            r.at(root, "document"),
            "missing key 'document': every leaflet carries its code, version, publication and review dates, "
            "author, clinical reviewer and producer",
            f"add a block such as {DOCUMENT_EXAMPLE} (see README.md)",
        )
        return None
    m = r.mapping(node, "document", DOCUMENT_KEYS, ("translation",))
    if m is None:
        return None
    code = r.text(m.get("code"), "document.code")
    if code is not None and not _CODE.match(code):
        r.fail(
            r.at(m["code"], "document.code"),
            f"'{_short(code)}' is not a leaflet code: use up to 40 letters, digits, '-', '.' and '/'",
            "e.g. code: CSC-MN-001",
        )
        code = None
    version = _read_version(r, m.get("version"))
    published = _read_date(r, m.get("published"), "document.published")
    review = _read_date(r, m.get("review"), "document.review")
    author = _read_person(r, m.get("author"), "document.author")
    reviewer = _read_person(r, m.get("reviewer"), "document.reviewer")
    producer = r.text(m.get("producer"), "document.producer")
    conflicts = r.text(m.get("conflicts"), "document.conflicts")
    translation_ok, translation = _read_translation(r, m.get("translation"))
    if published is not None and review is not None:
        _check_review_span(r, m["review"], published, review)
    at = (("document", r.at(node, "document")), *((f"document.{k}", r.at(v, f"document.{k}")) for k, v in m.items()))
    if None in (code, version, published, review, author, reviewer, producer, conflicts) or not translation_ok:
        return None
    assert code and version and published and review and author and reviewer and producer and conflicts
    return Document(code, version, published, review, author, reviewer, producer, conflicts, translation, at)


def _read_version(r: Reader, node: Node | None) -> str | None:
    """A version is text: YAML reads 1.10 as the number 1.1, so a bare number is refused."""
    if node is not None and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
        r.fail(
            r.key_at(node, "document.version"),
            "expected the version as text, found a number (YAML reads 1.10 as 1.1)",
            'write the version in quotes, e.g. version: "1.1"',
        )
        return None
    return r.text(node, "document.version")


def _read_date(r: Reader, node: Node | None, path: str) -> date | None:
    """A real calendar date written YYYY-MM-DD (the YAML reader keeps dates as the text written)."""
    value = r.text(node, path, printed=False)
    if value is None or node is None:
        return None
    parsed = None
    if _DATE.match(value):
        try:
            parsed = date.fromisoformat(value)
        except ValueError:
            r.fail(r.at(node, path), f"'{value}' is not a real date", "check the month (01-12) and the day")
            return None
    if parsed is None:
        r.fail(r.at(node, path), f"'{_short(value)}' is not a date written YYYY-MM-DD", "e.g. 2026-12-01")
    return parsed


def _check_review_span(r: Reader, node: Node, published: date, review: date) -> None:
    """The review date comes after publication, and usually within 2 to 3 years of it."""
    at = r.at(node, "document.review")
    if review <= published:
        r.fail(
            at,
            f"the review date {review.isoformat()} is not after the publication date {published.isoformat()}",
            "set the review date after publication, usually 2 to 3 years later",
        )
    elif review > _years_after(published, limits.REVIEW_MOST_YEARS):
        years = (review - published).days / 365.25
        r.warn(
            at,
            f"the review date {review.isoformat()} is {years:.1f} years after publication; "
            f"patient leaflets are usually reviewed every 2 to 3 years",
            "set an earlier review date, unless your governance process says otherwise",
        )


def _years_after(day: date, years: int) -> date:
    """The same day `years` later (29 February becomes 28 February; past the year 9999, the last day there is)."""
    if day.year + years > date.max.year:
        return date.max
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def _read_person(r: Reader, node: Node | None, path: str) -> Person | None:
    if node is None:
        return None
    m = r.mapping(node, path, ("name", "role"))
    if m is None:
        return None
    name = r.text(m.get("name"), f"{path}.name")
    role = r.text(m.get("role"), f"{path}.role")
    return Person(name, role) if name is not None and role is not None else None


def _read_translation(r: Reader, node: Node | None) -> tuple[bool, Translation | None]:
    """The optional translation credits (who translated, who checked the translation); (False, None) when wrong."""
    if node is None:
        return True, None
    m = r.mapping(node, "document.translation", ("translator", "reviewer"))
    if m is None:
        return False, None
    translator = _read_person(r, m.get("translator"), "document.translation.translator")
    reviewer = _read_person(r, m.get("reviewer"), "document.translation.reviewer")
    if translator is None or reviewer is None:
        return False, None
    return True, Translation(translator, reviewer)


def _short(text: str, most: int = 40) -> str:
    return text if len(text) <= most else text[: most - 1] + "…"
