"""content.yaml (the words) -> a frozen Content object, or Diagnostics for every problem found."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from brochure.diagnostics import Diagnostic, Location
from brochure.load.blocks import (
    LAYOUTS,
    Block,
    read_blocks,
    read_layouts,
)
from brochure.load.reader import Reader, load_file
from brochure.load.yamltree import Node

PLACES = ("flap", "back", "main")
_LANG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class Section:
    id: str
    heading: str
    place: str | None  # where it goes when a layout does not say otherwise (None: the main flow)
    blocks: tuple[Block, ...]
    at: Location
    layouts: tuple[str, ...] = LAYOUTS  # the layouts this section appears in
    places: tuple[tuple[str, str], ...] = ()  # layout -> place, from `place: {trifold: flap, ...}`
    block_layouts: tuple[tuple[str, ...], ...] = ()  # for each block, the layouts it appears in

    def place_in(self, layout: str) -> str | None:
        """Where this section goes in a layout: a region name, or None for the main flow."""
        place = dict(self.places).get(layout, self.place)
        return None if place == "main" else place

    def blocks_in(self, layout: str) -> tuple[Block, ...]:
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
class Content:
    """The whole leaflet's words, in reading order, with where each string came from."""

    path: Path
    language: str
    title: str
    subtitle: str
    cover: Cover
    sections: tuple[Section, ...]
    call_to_action: CallToAction
    disclaimer: str
    references: tuple[str, ...]
    strings: tuple[tuple[str, Location], ...]


TOP_REQUIRED = ("language", "title", "subtitle", "sections", "call_to_action", "disclaimer")
TOP_OPTIONAL = ("cover", "references")


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
    disclaimer = r.text(top.get("disclaimer"), "disclaimer")
    refs = r.text_list(top.get("references"), "references") if "references" in top else []
    if None in (language, title, subtitle, sections, cta, disclaimer, refs):
        return None
    assert language and title and subtitle and sections is not None and cta and disclaimer and refs is not None
    return Content(
        path=path,
        language=language,
        title=title,
        subtitle=subtitle,
        cover=cover,
        sections=tuple(sections),
        call_to_action=cta,
        disclaimer=disclaimer,
        references=tuple(t for t, _ in refs),
        strings=tuple(r.strings),
    )


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


def _read_place(r: Reader, node: Node | None, path: str) -> tuple[str | None, tuple[tuple[str, str], ...] | None]:
    """`place: flap`, or per layout `place: {trifold: flap, bifold: back}` (others: the main flow)."""
    if node is None:
        return None, ()
    if not isinstance(node.value, dict):
        return r.choice(node, path, PLACES), ()
    m = r.mapping(node, path, (), LAYOUTS) or {}
    pairs = [(k, r.choice(v, f"{path}.{k}", PLACES)) for k, v in m.items() if k in LAYOUTS]
    if len(pairs) != len(m) or any(p is None for _, p in pairs):
        return None, None
    return None, tuple((k, p) for k, p in pairs if p is not None)
