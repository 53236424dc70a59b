"""The blocks of a section (text, bullets, cards, steps, ...) as frozen objects, and their readers."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

from brochure.diagnostics import Location, shorten
from brochure.frozen import frozen
from brochure.inputs.files import PICTURE_ENDINGS, inside, name_problem, near
from brochure.inputs.inline import citations, links, spoken
from brochure.inputs.pictures import PictureData, Refusal, load_picture
from brochure.inputs.reader import Reader, one_language
from brochure.inputs.yamltree import Node
from brochure.vocabulary import CONTACT_LINES, ICON_NAMES, LAYOUTS, ContactLine, LayoutName

ILLUSTRATIONS = {"skin-section": ("epidermis", "dermis", "needles", "collagen")}


@frozen
class Text:
    text: str
    at: Location


@frozen
class Subheading:
    text: str
    at: Location


@frozen
class Bullets:
    items: tuple[str, ...]
    at: Location


@frozen
class Card:
    title: str
    text: str
    icon: str | None


@frozen
class Cards:
    cards: tuple[Card, ...]
    at: Location


@frozen
class Step:
    title: str | None
    text: str


@frozen
class Steps:
    steps: tuple[Step, ...]
    at: Location


@frozen
class Callout:
    title: str | None
    text: str
    tone: Literal["note", "warning"]
    at: Location


@frozen
class Image:
    src: PictureData  # the picture, read and checked at load (src.source is its file, links followed)
    alt: str
    caption: str | None
    at: Location
    written: str = ""  # src as the content file writes it (`brochure init --words` copies the picture there)
    alt_at: Location | None = None  # where alt is written (a translation's is compared with its source's)
    decorative: bool = False  # `decorative: true`: decoration (a texture, a mood photo), not read; no alt


@frozen
class Illustration:
    name: str
    caption: str | None
    labels: tuple[tuple[str, str], ...]
    at: Location


@frozen
class FaqItem:
    q: str
    a: str


@frozen
class Faq:
    items: tuple[FaqItem, ...]
    at: Location


@frozen
class ContactLines:
    """`contact: [phone]`: the clinic's own contact lines, from its kit, printed in the section as the back prints
    them (an icon and the words, linked): a group's shared words give each clinic's number where they say "call us"."""

    lines: tuple[ContactLine, ...]
    at: Location


Block = Text | Subheading | Bullets | Cards | Steps | Callout | Image | Illustration | Faq | ContactLines
BLOCK_TYPES = (
    "text", "subheading", "bullets", "cards", "steps", "callout", "image", "illustration", "faq", "contact"
)  # fmt: skip


def read_layouts(r: Reader, node: Node | None, path: str) -> tuple[LayoutName, ...] | None:
    """An optional list of layout names; without it the section or block appears in every layout."""
    if node is None:
        return LAYOUTS
    items = r.seq(node, path)
    if items is None:
        return None
    names = [r.choice(n, f"{path}[{i}]", LAYOUTS) for i, n in enumerate(items)]
    if any(n is None for n in names):
        return None
    return tuple(n for n in names if n)


def read_blocks(
    r: Reader, node: Node | None, path: str, base: Path
) -> list[tuple[Block, tuple[LayoutName, ...]]] | None:
    """Each block with the layouts it appears in (a block may carry `layouts:` beside its type)."""
    items = r.seq(node, path)
    if items is None:
        return None
    out: list[tuple[Block, tuple[LayoutName, ...]]] = []
    for i, item in enumerate(items):
        p = f"{path}[{i}]"
        kinds = [k for k in item.value if k != "layouts"] if isinstance(item.value, dict) else []
        if not isinstance(item.value, dict) or len(kinds) != 1:
            r.fail(
                r.at(item, p),
                "a block is one 'type: value' pair (and an optional 'layouts:' list)",
                "block types: " + ", ".join(BLOCK_TYPES),
            )
            continue
        kind = kinds[0]
        if kind not in BLOCK_TYPES:
            r.mapping(item, p, (), (*BLOCK_TYPES, "layouts"))  # reports the unknown type with a suggestion
            continue
        layouts = read_layouts(r, item.value.get("layouts"), f"{p}.layouts")
        block = _read_block(r, kind, item.value[kind], f"{p}.{kind}", base)
        if isinstance(block, Text) and i < len(items) - 1:  # (a heading has words after it: the section's last
            _heading_in_bold(r, block)  # block is none)
        if block is not None and layouts is not None:
            out.append((block, layouts))
    return out


def _heading_in_bold(r: Reader, block: Text) -> None:
    """A warning at a paragraph that is a heading typed in bold: a few words (HEADING_WORDS at most), all bold, no
    sentence (no closing stop, question or colon), no figure or link ("**Call 999 in an emergency**", a phone
    number, a call to action linked are instructions, not headings), with blocks after it. It prints as written."""
    bold = _BOLD_ALONE.fullmatch(block.text.strip())
    words = bold.group(1).strip() if bold is not None else ""
    if not words or len(words.split()) > HEADING_WORDS or any(c.isdigit() or c in "[]" for c in words):
        return
    if words.rstrip(_CLOSING).endswith(_SENTENCE_ENDS):  # ("**\"Stop if it hurts.\"**": a sentence)
        return
    r.warn(
        block.at,
        "the text is a few words all in bold, as a heading is set, but it is a paragraph: a screen reader's list of"
        " headings leaves it out, and its reader hears no heading",
        f"make it a subheading: block (subheading: {shorten(words, 40)}), which prints as one and is tagged as one",
    )


def _read_block(r: Reader, kind: str, node: Node, path: str, base: Path) -> Block | None:
    at = r.at(node, path)
    if kind == "text":
        t = inline_text(r, node, path)
        return Text(t, at) if t else None
    if kind == "subheading":
        t = r.text(node, path)
        return Subheading(t, at) if t else None
    if kind == "bullets":
        items = r.seq(node, path)
        if items is None:
            return None
        texts = [inline_text(r, n, f"{path}[{i}]") for i, n in enumerate(items)]
        for i, (n, t) in enumerate(zip(items, texts, strict=True)):
            typed = _TYPED_BULLET.match(t or "")
            if typed:  # (prints as written: a warning, as it may be meant)
                mark = next(group for group in typed.groups() if group)
                r.warn(
                    r.at(n, f"{path}[{i}]"),
                    f"the item starts with '{mark}', and the list prints its own bullet before it: it would print two",
                    f"remove the '{mark}' (a list pasted from a word processor keeps its bullets)",
                )
        return Bullets(tuple(t for t in texts if t), at) if all(texts) else None
    if kind == "cards":
        return _read_cards(r, node, path, at)
    if kind == "steps":
        return _read_steps(r, node, path, at)
    if kind == "callout":
        m = r.mapping(node, path, ("text",), ("title", "tone"))
        if m is None:
            return None
        text = inline_text(r, m.get("text"), f"{path}.text")
        title = r.text(m.get("title"), f"{path}.title")
        tone = r.choice(m.get("tone"), f"{path}.tone", ("note", "warning")) if "tone" in m else "note"
        if text is None or tone is None:
            return None
        if tone == "warning" and not title and not text.startswith("**"):  # (its icon is decoration: a screen
            # reader reads neither it nor the tint; a bold lead-in may say it)
            r.warn(
                r.at(m["tone"], f"{path}.tone"),
                "a warning callout with no title: only its icon and colour show it is a warning, and a screen reader"
                " reads neither",
                "give it a title that says so (title: Warning), or begin its text with it in bold (**Warning:** ...)",
            )
        return Callout(title, text, "warning" if tone == "warning" else "note", at)
    if kind == "image":
        return _read_image(r, node, path, base)
    if kind == "illustration":
        return _read_illustration(r, node, path, at)
    if kind == "contact":
        return _read_contact(r, node, path, at)
    return _read_faq(r, node, path, at)


def _read_contact(r: Reader, node: Node, path: str, at: Location) -> ContactLines | None:
    """The kit's contact lines a section prints: a list of CONTACT_LINES, each named once."""
    items = r.seq(node, path)
    if items is None:
        return None
    lines: list[ContactLine] = []
    for i, n in enumerate(items):
        line = r.choice(n, f"{path}[{i}]", CONTACT_LINES)
        if line is None:
            return None
        if line in lines:
            r.fail(
                r.at(n, f"{path}[{i}]"),
                f"'{line}' is named twice: the line would print twice",
                "name each of the kit's contact lines once",
            )
            return None
        lines.append(line)
    return ContactLines(tuple(lines), at)


_WEB_ADDRESS = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*://")  # a picture named by its address (https://...)
_WORDS_ALONE = re.compile(r"[^\W\d_]+(?: [^\W\d_]+)*")  # letters and single spaces: words, not a file's name
# A bullet typed before a list item's words: a dot (a space after it or none), a dash or star and a space, or Word's
# own as it pastes them: an 'o' then a tab or spaces (its second level), a '§' (its square bullet) before a word.
_BOLD_ALONE = re.compile(r"\*\*([^*\n]{1,80})\*\*")  # a text that is only a few words in bold: a heading typed in
HEADING_WORDS = 8
_CLOSING = "\"'\u201d\u2019\u00bb\u203a)]\u300d "  # quotes and brackets that close after a sentence's stop
_SENTENCE_ENDS = (".", "!", "?", ":", ";", "\u2026", "\u061f")  # ("**Call 999 if you cannot breathe.**" is emphasis)
_TYPED_BULLET = re.compile(
    "([\u2022\u00b7\u25aa\u25ab\u25cf\u25cb\u25e6\u2023\u2043\u2219\uf0b7])\\s*(?=\\S)|([*\u2013\u2014-])\\s"
    "|(o)(?:\\t|\\s\\s)\\s*(?=\\S)|(\u00a7)\\s+(?=[^\\W\\d_])"
)


def inline_text(r: Reader, node: Node | None, path: str) -> str | None:
    """Printed text with inline marks (every printed text's links are checked by Reader.text). A blank line typed
    inside it is a warning: it prints as a space, and what reads as two paragraphs in the file runs on as one."""
    t = r.text(node, path)
    if t is not None and node is not None and r.blank_line_in(node):
        r.warn(
            r.at(node, path),
            "the text has a blank line in it, which prints as a space: what is typed as two paragraphs prints run"
            " on as one",
            "make each paragraph a text block of its own (- text: ...), or remove the blank line"
            if re.search(r"blocks\[\d+\]\.text$", path)  # (a text block's own text)
            else "remove the blank line: this text is one paragraph (put a second in a text block after the block)",
        )
    return t


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
        text = inline_text(r, m.get("text"), f"{p}.text")
        icon = r.choice(m.get("icon"), f"{p}.icon", ICON_NAMES) if "icon" in m else None
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
            t = inline_text(r, item, p)
            if t:
                steps.append(Step(None, t))
            continue
        m = r.mapping(item, p, ("text",), ("title",))
        if m is None:
            continue
        title = r.text(m.get("title"), f"{p}.title")
        text = inline_text(r, m.get("text"), f"{p}.text")
        if text and ("title" not in m or title):
            steps.append(Step(title, text))
    return Steps(tuple(steps), at) if len(steps) == len(items) else None


def _marked(alt: str) -> tuple[str, str, str, str] | None:
    """A citation, a link or words marked as in another language in a picture's text alternative, none of which a
    screen reader can use there: the mark as typed, what it is, why, and what to do instead; None when there is
    none."""
    cited, linked, other = citations(alt), links(alt), spoken(alt)
    if cited:
        return f"[^{cited[0]}]", f"a citation ('[^{cited[0]}]')", "a citation is not read there", "cite the source"
    if linked:
        address = linked[0]
        return (
            f"]({address}",
            f"a link ('{shorten(address, 40)}')",
            "a link there cannot be followed",
            "give the address",
        )
    if other:
        return (
            f"](lang:{other[0]}",
            f"words marked as in another language ('lang:{shorten(other[0], 20)}')",
            "a text alternative is read in one language, the leaflet's",
            "give those words",
        )
    return None


NO_DESCRIPTION = frozenset(  # a text alternative that names only the kind of thing, in the languages of leaflets
    (
        "image", "picture", "photo", "photograph", "graphic", "figure", "illustration", "diagram", "drawing",
        "img", "pic", "alt", "alt text", "untitled", "placeholder", "logo", "icon",
        "imagen", "foto", "fotografía", "ilustración", "dibujo",  # es
        "obraz", "obrazek", "zdjęcie", "ilustracja", "rysunek",  # pl
        "hình", "ảnh", "hình ảnh", "hình minh họa",  # vi
        "صورة", "رسم",  # ar
    )
)  # fmt: skip
_CAMERA_NAME = re.compile(  # a camera's or phone's name for a picture, its ending dropped: IMG_2041, DSC_0001
    r"(?:img|dsc|dscn|dscf|pxl|mvimg|p|image|photo|pic|picture|scan|screenshot|screen shot|foto|imagen|zdjęcie)"
    r"[ _-]*\d[\d _-]*"
)
_ARTICLES = ("a ", "an ", "the ", "un ", "una ", "el ", "la ", "ein ", "eine ", "le ", "une ")  # before a
# kind of picture ('An image')
ALT_LONGEST = 250  # characters: a longer text alternative is warned of (read whole, in place of the picture)
_DECORATIVE_HINT = "a picture that is decoration alone (a texture, a mood photo) may say 'decorative: true' instead"


def _kind(named: str) -> str:
    """A text alternative (casefolded) without a full stop at its end or an article at its start ('an image.'):
    the word NO_DESCRIPTION may hold."""
    named = named.strip(".")
    return named.removeprefix(next((a for a in _ARTICLES if named.startswith(a)), ""))


def _read_image(r: Reader, node: Node, path: str, base: Path) -> Image | None:
    m = r.mapping(node, path, ("src",), ("alt", "caption", "decorative"))
    if m is None:
        return None
    src = r.text(m.get("src"), f"{path}.src", printed=False)
    decorative = _decorative(r, m, path)
    if decorative is None:
        return None
    if decorative:
        alt: str | None = ""  # (decoration: a screen reader passes it by)
    elif "alt" not in m:
        r.fail(
            r.at(node, f"{path}.alt"),
            "missing key 'alt': a screen reader reads it in place of the picture",
            f"add 'alt:' to {path}, saying what the picture shows in the leaflet's language; {_DECORATIVE_HINT}",
        )
        return None
    elif m["alt"].value is None or (isinstance(m["alt"].value, str) and not m["alt"].value.strip()):  # ('', ' ', ~)
        r.fail(
            r.key_at(m["alt"], f"{path}.alt"), "this text is empty", f"say what the picture shows; {_DECORATIVE_HINT}"
        )
        return None
    else:
        alt = r.text(m.get("alt"), f"{path}.alt", printed=False)
    marked = _marked(alt) if alt else None
    if marked is not None:  # (a screen reader reads the alternative in place of the picture: a number there means
        typed, what, why, hint = marked  # nothing, a link cannot be followed; the marks were dropped without a word)
        r.fail(
            r.at_char(m["alt"], f"{path}.alt", typed),
            f"a picture's text alternative cannot carry {what}: a screen reader reads it in place of the picture,"
            f" and {why}",
            f"{hint} in the picture's caption, or in the text beside it",
        )
        alt = None
    if alt is not None and len(alt) > ALT_LONGEST:
        r.warn(
            r.at(m["alt"], f"{path}.alt"),
            f"this text alternative is {len(alt)} characters long: a screen reader reads it whole in place of the"
            " picture, with no way to skip part of it",
            f"say what the picture shows in a sentence or two (under {ALT_LONGEST} characters); put more in its"
            " caption, which every reader may read or pass by",
        )
    caption = r.text(m.get("caption"), f"{path}.caption")
    if src is None or alt is None:
        return None
    named = alt.strip().casefold()
    worded = _WORDS_ALONE.fullmatch(named) is not None  # ('Nurse' for nurse.jpg says what it shows; IMG_2041 does not)
    if named and not any(ch.isalnum() for ch in named):  # ('': decoration's; '999' is a number's picture)
        r.warn(
            r.at(m["alt"], f"{path}.alt"),
            f"the picture's text alternative, '{shorten(alt, 40)}', has no words: a screen reader reads out its marks,"
            " or nothing, in place of the picture",
            "say what the picture shows, in the leaflet's language (alt: Nurse treating a cheek with the pen)",
        )
    elif (
        (not worded and named in (Path(src).name.casefold(), Path(src).stem.casefold()))  # (its file's name)
        or named.endswith(PICTURE_ENDINGS)
        or _CAMERA_NAME.fullmatch(named)
    ):
        r.warn(
            r.at(m["alt"], f"{path}.alt"),
            f"the picture's text alternative is a file name ('{shorten(alt, 40)}'): a screen reader reads it out"
            " in place of the picture",
            "say what the picture shows, in the leaflet's language (alt: Nurse treating a cheek with the pen)",
        )
    elif _kind(named) in NO_DESCRIPTION:
        r.warn(
            r.at(m["alt"], f"{path}.alt"),
            f"the picture's text alternative, '{shorten(alt, 40)}', says only that there is a picture: a screen"
            " reader says that much already, and its reader learns nothing of what it shows",
            "say what the picture shows, in the leaflet's language (alt: Nurse treating a cheek with the pen)",
        )
    where = r.at(m["src"], f"{path}.src")
    if _WEB_ADDRESS.match(src):
        local = src.lower().startswith("file:")
        r.fail(
            where,
            f"picture '{shorten(src, 60)}' is {'a file address' if local else 'a web address'}: a picture is named"
            f" by its path from the content file's folder{'' if local else ' (brochure reads nothing from the web)'}",
            f"{'copy' if local else 'download'} the picture into {base.resolve()} (or a folder in it) and name the"
            " file there",
        )
        return None
    problem = name_problem(src)
    if problem:
        r.fail(where, f"picture '{shorten(src, 60)}' cannot name a file: {problem}", "give the picture's path")
        return None
    full = inside(base, src)
    if full is None:
        r.fail(
            where,
            f"picture '{src}' is outside the content file's folder",
            f"copy the picture into {base.resolve()} (or a folder in it) and name it from there",
        )
        return None
    if not full.exists():
        hint = f"{near(src, full, PICTURE_ENDINGS)}paths are relative to the content file's folder ({base})"
        r.fail(where, f"picture '{src}' not found", hint, full)
        return None
    picture = load_picture(full, r.pixels + r.logo, r.logo)
    if isinstance(picture, Refusal):
        r.fail(where, f"picture '{src}' cannot be used: {picture.message}", picture.hint, full)  # (it may be
        return None  # being copied in: watched)
    r.pixels += picture.cost
    alt_at = r.at(m["alt"], f"{path}.alt") if "alt" in m else None
    return Image(picture, alt, caption, where, src, alt_at, decorative)


def _decorative(r: Reader, m: dict[str, Node], path: str) -> bool | None:
    """Whether the picture is decoration (`decorative: true`: no `alt:`, no caption, not read); None where that is
    written wrong (an error said)."""
    flag = m.get("decorative")
    if flag is None:
        return False
    if not isinstance(flag.value, bool):
        r.fail(r.key_at(flag, f"{path}.decorative"), f"expected true or false, found {flag.kind}", "write: true")
        return None
    if flag.value and "alt" in m:
        r.fail(
            r.key_at(m["alt"], f"{path}.alt"),
            "a decorative picture has no text alternative: a screen reader passes it by",
            "remove 'alt:', or 'decorative: true' if the picture shows something a reader needs",
        )
        return None
    if flag.value and "caption" in m:
        r.fail(
            r.key_at(m["caption"], f"{path}.caption"),
            "a decorative picture has no caption: a caption says the picture means something",
            "remove the caption, or give the picture an 'alt:' in place of 'decorative: true'",
        )
        return None
    return bool(flag.value)


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
                if value and not one_language(
                    r,
                    child,
                    f"{path}.labels.{key}",
                    value,
                    "a drawing's label",
                    "the drawing is read as one figure, its labels in the leaflet's language",
                    "write the label in the leaflet's language, and words in another in the caption or the text",
                ):
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
        q = inline_text(r, m.get("q"), f"{p}.q")
        a = inline_text(r, m.get("a"), f"{p}.a")
        if q and a:
            out.append(FaqItem(q, a))
    return Faq(tuple(out), at) if len(out) == len(items) else None
