"""content.yaml (the words) -> a frozen Content object, or Diagnostics for every problem found."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from brochure.diagnostics import Diagnostic, Location
from brochure.load import inline
from brochure.load.pictures import check_picture
from brochure.load.reader import Reader
from brochure.load.yamltree import Node, parse

ICONS = frozenset(
    (
        "smooth",
        "scar",
        "clock",
        "spot",
        "collagen",
        "droplet",
        "sun",
        "shield",
        "alert",
        "needle",
        "check",
        "calendar",
        "sparkle",
        "heart",
    )
)
ILLUSTRATIONS = {"skin-section": ("epidermis", "dermis", "needles", "collagen")}
PLACES = ("flap", "back")
_LANG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class Text:
    text: str
    at: Location


@dataclass(frozen=True)
class Subheading:
    text: str
    at: Location


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]
    at: Location


@dataclass(frozen=True)
class Card:
    title: str
    text: str
    icon: str | None


@dataclass(frozen=True)
class Cards:
    cards: tuple[Card, ...]
    at: Location


@dataclass(frozen=True)
class Step:
    title: str | None
    text: str


@dataclass(frozen=True)
class Steps:
    steps: tuple[Step, ...]
    at: Location


@dataclass(frozen=True)
class Callout:
    title: str | None
    text: str
    tone: Literal["note", "warning"]
    at: Location


@dataclass(frozen=True)
class Image:
    src: Path
    alt: str
    caption: str | None
    at: Location


@dataclass(frozen=True)
class Illustration:
    name: str
    caption: str | None
    labels: tuple[tuple[str, str], ...]
    at: Location


@dataclass(frozen=True)
class FaqItem:
    q: str
    a: str


@dataclass(frozen=True)
class Faq:
    items: tuple[FaqItem, ...]
    at: Location


Block = Text | Subheading | Bullets | Cards | Steps | Callout | Image | Illustration | Faq
BLOCK_TYPES = ("text", "subheading", "bullets", "cards", "steps", "callout", "image", "illustration", "faq")


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
    file = str(path)
    try:
        source = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, [
            _file_error(file, "content file not found", "pass --content PATH, or run from the project folder")
        ]
    except (OSError, UnicodeDecodeError) as exc:
        return None, [_file_error(file, f"cannot read the content file: {exc}", "save it as UTF-8 text")]
    root, diags = parse(source, file)
    if root is None:
        return None, diags
    r = Reader(file, diags)
    content = _read_content(r, root, path)
    if any(d.is_error for d in r.diags):
        return None, r.diags
    return content, r.diags


def _file_error(file: str, message: str, hint: str) -> Diagnostic:
    from brochure.diagnostics import error

    return error(Location(file), message, hint)


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
        blocks = _read_blocks(r, m.get("blocks"), f"{path}.blocks", base)
        if sid is None or heading is None or blocks is None:
            ok = False
            continue
        out.append(Section(sid, heading, place, tuple(blocks), r.at(item, path)))
    return out if ok else None


def _read_blocks(r: Reader, node: Node | None, path: str, base: Path) -> list[Block] | None:
    items = r.seq(node, path)
    if items is None:
        return None
    out: list[Block] = []
    for i, item in enumerate(items):
        p = f"{path}[{i}]"
        if not isinstance(item.value, dict) or len(item.value) != 1:
            r.fail(r.at(item, p), "a block is one 'type: value' pair", "block types: " + ", ".join(BLOCK_TYPES))
            continue
        ((kind, value),) = item.value.items()
        if kind not in BLOCK_TYPES:
            r.mapping(item, p, (), BLOCK_TYPES)  # reports the unknown type with a suggestion
            continue
        block = _read_block(r, kind, value, f"{p}.{kind}", base)
        if block is not None:
            out.append(block)
    return out


def _read_block(r: Reader, kind: str, node: Node, path: str, base: Path) -> Block | None:
    at = r.at(node, path)
    if kind == "text":
        t = _inline_text(r, node, path)
        return Text(t, at) if t else None
    if kind == "subheading":
        t = r.text(node, path)
        return Subheading(t, at) if t else None
    if kind == "bullets":
        items = r.seq(node, path)
        if items is None:
            return None
        texts = [_inline_text(r, n, f"{path}[{i}]") for i, n in enumerate(items)]
        return Bullets(tuple(t for t in texts if t), at) if all(texts) else None
    if kind == "cards":
        return _read_cards(r, node, path, at)
    if kind == "steps":
        return _read_steps(r, node, path, at)
    if kind == "callout":
        m = r.mapping(node, path, ("text",), ("title", "tone"))
        if m is None:
            return None
        text = _inline_text(r, m.get("text"), f"{path}.text")
        title = r.text(m.get("title"), f"{path}.title")
        tone = r.choice(m.get("tone"), f"{path}.tone", ("note", "warning")) if "tone" in m else "note"
        if text is None or tone is None:
            return None
        return Callout(title, text, "warning" if tone == "warning" else "note", at)
    if kind == "image":
        return _read_image(r, node, path, at, base)
    if kind == "illustration":
        return _read_illustration(r, node, path, at)
    return _read_faq(r, node, path, at)


def _inline_text(r: Reader, node: Node | None, path: str) -> str | None:
    text = r.text(node, path)
    if text is not None and node is not None:
        for href in inline.bad_links(text):
            r.fail(
                r.at(node, path),
                f"link target '{href}' is not a web, mail or phone address",
                "write links as [label](https://...), [label](mailto:...) or [label](tel:...)",
            )
    return text


def _read_cards(r: Reader, node: Node, path: str, at: Location) -> Cards | None:
    items = r.seq(node, path)
    if items is None:
        return None
    cards: list[Card] = []
    for i, item in enumerate(items):
        p = f"{path}[{i}]"
        m = r.mapping(item, p, ("title", "text"), ("icon",))
        if m is None:
            continue
        title = r.text(m.get("title"), f"{p}.title")
        text = _inline_text(r, m.get("text"), f"{p}.text")
        icon = r.choice(m.get("icon"), f"{p}.icon", ICONS) if "icon" in m else None
        if title and text and ("icon" not in m or icon):
            cards.append(Card(title, text, icon))
    return Cards(tuple(cards), at) if len(cards) == len(items) else None


def _read_steps(r: Reader, node: Node, path: str, at: Location) -> Steps | None:
    items = r.seq(node, path)
    if items is None:
        return None
    steps: list[Step] = []
    for i, item in enumerate(items):
        p = f"{path}[{i}]"
        if isinstance(item.value, str):
            t = _inline_text(r, item, p)
            if t:
                steps.append(Step(None, t))
            continue
        m = r.mapping(item, p, ("text",), ("title",))
        if m is None:
            continue
        title = r.text(m.get("title"), f"{p}.title")
        text = _inline_text(r, m.get("text"), f"{p}.text")
        if text and ("title" not in m or title):
            steps.append(Step(title, text))
    return Steps(tuple(steps), at) if len(steps) == len(items) else None


def _read_image(r: Reader, node: Node, path: str, at: Location, base: Path) -> Image | None:
    m = r.mapping(node, path, ("src", "alt"), ("caption",))
    if m is None:
        return None
    src = r.text(m.get("src"), f"{path}.src", printed=False)
    alt = r.text(m.get("alt"), f"{path}.alt", printed=False)
    caption = r.text(m.get("caption"), f"{path}.caption")
    if src is None or alt is None:
        return None
    full = (base / src).resolve()
    if not full.is_file():
        r.fail(
            r.at(m["src"], f"{path}.src"),
            f"picture '{src}' not found",
            f"paths are relative to the content file's folder ({base})",
        )
        return None
    _, problem = check_picture(full)
    if problem:
        r.fail(
            r.at(m["src"], f"{path}.src"),
            f"picture '{src}' cannot be used: {problem}",
            "use a PNG or JPEG of at most a few thousand pixels a side, at 300 ppi for its printed size",
        )
        return None
    return Image(full, alt, caption, r.at(m["src"], f"{path}.src"))


def _read_illustration(r: Reader, node: Node, path: str, at: Location) -> Illustration | None:
    m = r.mapping(node, path, ("name",), ("caption", "labels"))
    if m is None:
        return None
    name = r.choice(m.get("name"), f"{path}.name", ILLUSTRATIONS)
    caption = r.text(m.get("caption"), f"{path}.caption")
    labels: list[tuple[str, str]] = []
    if name is not None and "labels" in m:
        lm = r.mapping(m["labels"], f"{path}.labels", (), ILLUSTRATIONS[name])
        for key, child in (lm or {}).items():
            if key in ILLUSTRATIONS[name]:
                value = r.text(child, f"{path}.labels.{key}")
                if value:
                    labels.append((key, value))
    if name is None:
        return None
    return Illustration(name, caption, tuple(labels), at)


def _read_faq(r: Reader, node: Node, path: str, at: Location) -> Faq | None:
    items = r.seq(node, path)
    if items is None:
        return None
    out: list[FaqItem] = []
    for i, item in enumerate(items):
        p = f"{path}[{i}]"
        m = r.mapping(item, p, ("q", "a"))
        if m is None:
            continue
        q = _inline_text(r, m.get("q"), f"{p}.q")
        a = _inline_text(r, m.get("a"), f"{p}.a")
        if q and a:
            out.append(FaqItem(q, a))
    return Faq(tuple(out), at) if len(out) == len(items) else None
