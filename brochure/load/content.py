"""content.yaml (the words) -> a frozen Content object, or Diagnostics for every problem found."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from brochure.diagnostics import Diagnostic, Location
from brochure.load.blocks import (
    Block,
    read_blocks,
)
from brochure.load.reader import Reader, load_file
from brochure.load.yamltree import Node

PLACES = ("flap", "back")
_LANG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class Section:
    id: str
    heading: str
    place: str | None
    blocks: tuple[Block, ...]
    at: Location


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
        m = r.mapping(item, path, ("id", "heading", "blocks"), ("place",))
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
        place = r.choice(m.get("place"), f"{path}.place", PLACES) if "place" in m else None
        blocks = read_blocks(r, m.get("blocks"), f"{path}.blocks", base)
        if sid is None or heading is None or blocks is None:
            ok = False
            continue
        out.append(Section(sid, heading, place, tuple(blocks), r.at(item, path)))
    return out if ok else None
