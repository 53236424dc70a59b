"""content.yaml (the words) -> a frozen Content object, or Diagnostics for every problem found."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import field
from pathlib import Path

from brochure import limits
from brochure.diagnostics import Diagnostic, Location, shorten
from brochure.frozen import frozen
from brochure.inputs.blocks import Block, read_blocks, read_layouts
from brochure.inputs.document import Document, read_document
from brochure.inputs.hints import HINT_KEYS, Hint, HintKind, read_hints
from brochure.inputs.inline import links
from brochure.inputs.reader import Reader, load_file, one_language, text_fault
from brochure.inputs.references import Reference, read_references
from brochure.inputs.yamltree import Node
from brochure.patterns import Later
from brochure.vocabulary import (
    ARABIC_SCRIPT,
    LAYOUTS,
    PLACES,
    LayoutName,
    Place,
    direction,
    is_layout,
    language_base,
    language_problem,
)
from brochure.words import MONTHS, NAMES, Words, fields_of, needs, words_for

NOWHERE = Location("")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@frozen
class Section:
    id: str
    heading: str
    place: Place | None  # where it goes when a layout does not say otherwise (None: the main flow)
    blocks: tuple[Block, ...]
    at: Location
    layouts: tuple[LayoutName, ...] = LAYOUTS  # the layouts this section appears in
    places: tuple[tuple[LayoutName, Place], ...] = ()  # layout -> place, from `place: {trifold: flap, ...}`
    block_layouts: tuple[tuple[LayoutName, ...], ...] = ()  # for each block, the layouts it appears in
    hints: tuple[Hint, ...] = ()  # `keep: together`, `break: before` (once routed to a layout: those it applies in)

    def hint(self, kind: HintKind) -> Hint | None:
        """The section's hint of this kind ('keep', 'break'), if it has one."""
        return next((h for h in self.hints if h.kind == kind), None)

    def place_in(self, layout: LayoutName) -> Place | None:
        """Where this section goes in a layout: a region name, or None for the main flow."""
        place = dict(self.places).get(layout, self.place)
        return None if place == "main" else place

    def blocks_in(self, layout: LayoutName) -> tuple[Block, ...]:
        if not self.block_layouts:
            return self.blocks
        return tuple(b for b, names in zip(self.blocks, self.block_layouts, strict=True) if layout in names)


@frozen
class Cover:
    kicker: str | None
    lead: str | None


@frozen
class CallToAction:
    heading: str
    text: str
    qr_label: str | None  # None: the language's own words ('Scan to book')


@frozen
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
    words: tuple[tuple[str, str | tuple[str, ...]], ...] = ()  # `words:`: the tool's own words, as written here
    language_at: Location = NOWHERE  # where `language:` is written
    source: str = field(default="", compare=False, repr=False)  # the file's text, where a part of a text is found
    # (a number a translation changed: inputs/scalars.py)

    @property
    def qr_label(self) -> str:
        """The words beside the QR code: the call to action's, else the language's own."""
        return self.call_to_action.qr_label or self.tool_words.qr_label

    @property
    def tool_words(self) -> Words:
        """The words the tool prints itself, in this content's language (its `words:` over the built-in table)."""
        return words_for(self.language, dict(self.words))[0]


TOP_REQUIRED = ("language", "title", "subtitle", "sections", "call_to_action", "disclaimer")
TOP_OPTIONAL = ("cover", "references", "document", "words")  # `document` is required: read_document says how


def load_content(path: Path, option: str = "--content", logo: int = 0) -> tuple[Content | None, list[Diagnostic]]:
    """Read and validate content.yaml; the Content is None when any error was found. `option` names the
    command-line option the file was given with, for messages about finding it ('--source' for the source
    of a translation); `logo`: the pixels of the logo it is built with (its pictures' budget takes them)."""
    what = "content" if option == "--content" else "source content"
    return load_file(
        path,
        what,
        f"pass {option} PATH" + (", or run from the project folder" if option == "--content" else ""),
        lambda r, root: _read_content(r, root, path, logo),
    )


def declared_language(path: Path) -> str | None:
    """The `language:` a content file declares, where the file parses and it is a language tag, whatever else is
    wrong in it (a batch names an edition whose words fail by it, as it names the others)."""

    def read(r: Reader, root: Node) -> str | None:
        node = root.value.get("language") if isinstance(root.value, dict) else None
        tag = node.value if node is not None else None
        return tag if isinstance(tag, str) and not language_problem(tag) else None

    found, _ = load_file(path, "content", "", read)
    return found


def _read_content(r: Reader, root: Node, path: Path, logo: int = 0) -> Content | None:
    r.logo = logo
    top = r.mapping(root, "", TOP_REQUIRED, TOP_OPTIONAL)
    if top is None:
        return None
    language = r.text(top.get("language"), "language", printed=False)
    if language is not None and language_problem(language):
        r.fail(
            r.at(top["language"], "language"),
            language_problem(language),
            "write a BCP 47 tag such as en-GB, en-US, pl or vi",
        )
    title = r.text(top.get("title"), "title")
    subtitle = r.text(top.get("subtitle"), "subtitle")
    cover = _read_cover(r, top.get("cover"))
    sections = _read_sections(r, top.get("sections"), path.parent)
    cta = _read_cta(r, top.get("call_to_action"))
    document = read_document(r, root, top.get("document"))
    disclaimer = r.text(top.get("disclaimer"), "disclaimer")
    refs = read_references(r, top.get("references"))
    words = _read_words(r, top.get("words"))
    _check_printed_total(r)
    if None in (language, title, subtitle, sections, cta, disclaimer, refs, words):
        return None
    assert language is not None
    _check_script(r, language, r.at(top["language"], "language"))
    _check_letters(r, language, r.at(top["language"], "language"))
    _check_digits(r, language)
    _check_arabic_letters(r, language, r.at(top["language"], "language"))
    if direction(language) == "ltr":
        _check_first_letters(r, language)
    else:
        _check_trailing_plus(r)
    assert words is not None
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
        words=words,
        language_at=r.at(top["language"], "language"),
        source=r.source,
    )


SEPARATOR_CHARS = 10  # a list separator (', ', ' · ') is a few characters


def _separator(r: Reader, node: Node, path: str) -> str | None:
    """`list_separator` keeps its spaces (', '), unlike other texts; it is held to the same character rules."""
    value = node.value if isinstance(node.value, str) else None
    if value is None or not value.strip() or len(value) > SEPARATOR_CHARS:
        why = (
            "is not text"
            if value is None
            else "is empty"
            if not value
            else "is only spaces, and the items it joins would read as one"
            if not value.strip()
            else f"is {len(value)} characters long (at most {SEPARATOR_CHARS})"
        )
        r.fail(
            r.at(node, path),
            f"the list separator, written as {shorten(str(node.value))!r}, {why}",
            f'write up to {SEPARATOR_CHARS} characters in quotes, a mark among them, such as ", " or " \u00b7 "',
        )
        return None
    problem, hint, ch, nth = text_fault(value)
    if problem:
        r.fail(r.at_char(node, path, ch, nth), problem, hint)
        return None
    r.strings.append((value, r.at(node, path)))  # printed: held to the glyph check
    return value


def _read_words(r: Reader, node: Node | None) -> tuple[tuple[str, str | tuple[str, ...]], ...] | None:
    """`words:`: any of the tool's own words in this language, each with the {names} its English pattern fills."""
    if node is None:
        return ()
    m = r.mapping(node, "words", (), NAMES)
    if m is None:
        return None
    out: list[tuple[str, str | tuple[str, ...]]] = []
    for name, child in m.items():
        if name not in NAMES:  # (reported by r.mapping)
            continue
        path = f"words.{name}"
        if name in ("months", "months_alone"):
            months = r.text_list(child, path)
            written = len(child.value) if isinstance(child.value, list) else 0
            if months is not None and len(months) == written != MONTHS:  # (a bad name is reported by itself)
                r.fail(r.at(child, path), f"'{name}' lists {len(months)} names", "write the 12 months, January first")
            elif months is not None and len(months) == MONTHS:
                out.append((name, tuple(value for value, _ in months)))
            continue
        value = _separator(r, child, path) if name == "list_separator" else r.text(child, path)
        if value is None or one_language(
            r,
            child,
            path,
            value,
            "the tool's words",
            "they are labels set in the leaflet's language, several of them in one piece (a link, a page's foot)",
            "write them in the leaflet's language",
        ):
            continue
        try:
            have = fields_of(value)
        except ValueError as e:
            spec = str(e).startswith("'{")
            r.fail(
                r.at(child, path),
                f"{e} carries a format: write the plain name" if spec else "a '{' or '}' is not part of a {name}",
                "write {name}: nothing after the name (no ':' or '!')" if spec else "write braces only around a name",
            )
            continue
        need = needs(name)
        if have != need:
            names = ", ".join("{" + n + "}" for n in sorted(need)) or "no {name}"
            r.fail(
                r.at(child, path),
                f"'{name}' fills in {names} (the tool puts its values there), not "
                + (", ".join("{" + n + "}" for n in sorted(have)) or "none"),
                f"write the words around {names}, e.g. as the English: '{getattr(words_for('en')[0], name)}'",
            )
            continue
        out.append((name, value))
    return tuple(out)


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


def _check_script(r: Reader, language: str, at: Location) -> None:
    """A warning when the language's direction and the words' letters disagree: a right-to-left language whose
    words have no right-to-left letter (the leaflet would be mirrored around left-to-right words), or a
    left-to-right one whose letters are mostly right-to-left (Arabic words set in a left-to-right leaflet)."""
    letters = backwards = 0
    for value, _ in r.strings:
        letters += sum(map(str.isalpha, value))
        if not value.isascii():  # (no ASCII letter is right to left)
            backwards += sum(unicodedata.bidirectional(ch) in ("R", "AL") for ch in filter(str.isalpha, value))
    if direction(language) == "rtl" and letters and not backwards:
        r.warn(
            at,
            f"'{language}' is written right to left, but no word here is: the leaflet is laid out mirrored, its "
            "words set flush right",
            "give the words' own language (e.g. 'en-GB'), or translate the words",
        )
    elif direction(language) == "ltr" and backwards > letters / 2:
        r.warn(
            at,
            f"most of the words are written right to left, but '{language}' is not: the leaflet is laid out left "
            "to right around them",
            "give the words' own language (e.g. 'ar' for Arabic, 'he' for Hebrew)",
        )


# Letters only one of the shipped languages writes (Vietnamese's horn and stacked tone marks, Polish's ogonek,
# stroke and acute consonants): words full of them are that language's, whatever `language:` says (Spanish's ñ
# and opening marks are too few in a leaflet to tell it by).
OWN_LETTERS = {
    "vi": frozenset("ăđơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"),
    "pl": frozenset("ąćęłńśźż"),
}
OWN_LETTERS_LEAST = 20  # of a language's own letters, in all the texts, before its words are taken for its
# Letters a language's words always have some of, though other languages write them too (Spanish's accents, ñ and
# opening marks; Polish's and Vietnamese's own): a shipped translation has 1 in 90 (Spanish) to 1 in 10
# (Vietnamese). Words tagged with the language that have almost none of them are another language's.
SOME_LETTERS = {**OWN_LETTERS, "es": frozenset("áéíóúñü¿¡")}
SOME_LETTERS_TEXT = 300  # letters in all the texts before their lack of a language's letters tells (a short file
SOME_LETTERS_SHARE = 1 / 1000  # may have no accent at all); fewer than this share of its letters: not its words
LIKELY_SHARE = 1 / 200  # of another language's such letters, the words are named as perhaps its (Spanish 1 in 90)


def _check_letters(r: Reader, language: str, at: Location) -> None:
    """A warning at `language:` when the words are full of letters another language alone writes (Vietnamese words
    tagged 'es' built the Spanish edition: its file name, dates, hyphenation and a screen reader's voice Spanish,
    its words Vietnamese, no word said), or have almost none of the letters the language's own words always have
    (`_check_lacking`)."""
    base = language_base(language)
    counts = _letters_of(r, SOME_LETTERS)  # (each language's such letters in all the texts, counted once)
    _check_lacking(r, language, at, counts)
    tag, most = max(((t, n) for t, n in counts.items() if t in OWN_LETTERS and t != base), key=lambda kv: kv[1])
    if most >= OWN_LETTERS_LEAST:
        shown = ", ".join(sorted({ch for value, _ in r.strings for ch in value.lower() if ch in OWN_LETTERS[tag]})[:5])
        r.warn(
            at,
            f"the words are written with letters of '{tag}' ({shown}: {most} of them), but language: is"
            f" '{language}': the leaflet is named, dated, hyphenated and read aloud as '{language}'",
            f"give the words' own language (language: {tag}), or check the file is the translation you meant",
        )


def _letters_of(r: Reader, sets: dict[str, frozenset[str]]) -> dict[str, int]:
    """How many of each language's letters (`sets`) all the texts have."""
    counts = dict.fromkeys(sets, 0)
    for value, _ in r.strings:
        if value.isascii():
            continue
        low = value.lower()
        for tag, own in sets.items():
            counts[tag] += sum(ch in own for ch in low)
    return counts


def _check_lacking(r: Reader, language: str, at: Location, counts: dict[str, int]) -> None:
    """A warning at `language:` when the words have almost none of the letters the language's words always have
    (Spanish words tagged 'pl' built the Polish edition, named as the Polish one and read aloud in Polish, no word
    said; English words tagged 'es' the Spanish one), naming the language whose letters they have where one does.
    `counts`: each language's SOME_LETTERS in the texts."""
    base = language_base(language)
    some = SOME_LETTERS.get(base)
    if some is None:
        return
    letters = sum(sum(map(str.isalpha, value)) for value, _ in r.strings)
    have = counts[base]
    if letters >= SOME_LETTERS_TEXT and have < letters * SOME_LETTERS_SHARE:
        shown = " ".join(sorted(some - {"ü", "¿", "¡"})[:8])
        tag, most = max(((t, n) for t, n in counts.items() if t != base), key=lambda kv: kv[1])
        likely = tag if most >= letters * LIKELY_SHARE else ""  # (the language whose letters they have)
        r.warn(
            at,
            f"language: is '{language}', but the words have {have} of the letters its words write ({shown}) in"
            f" {letters:,} letters: they read as another language's"
            + (f" ({most} letters of '{likely}')" if likely else "")
            + f", and the leaflet is named, dated, hyphenated and read aloud as '{language}'",
            "give the words' own language"
            + (f" (language: {likely}, if they are in it)" if likely else "")
            + ", or translate them: a file copied from another language's is not translated until its words are",
        )


def _check_first_letters(r: Reader, language: str) -> None:
    """A warning at each text of a left-to-right leaflet that starts with right-to-left letters though most of its
    letters are left to right ('«الوخز بالإبر» La micropunción es...'): a paragraph reads in the direction of its
    first letter, so it is set right to left, flush right, its first words moved to the end of its line."""
    for value, at in r.strings:
        if value.isascii() or next((k for k in map(unicodedata.bidirectional, value) if k in _STRONG), "L") == "L":
            continue  # (a Latin text: its first letter, read alone)
        kinds = [unicodedata.bidirectional(ch) for ch in value]
        if kinds.count("L") > kinds.count("R") + kinds.count("AL"):
            r.warn(
                at,
                "this text starts with right-to-left letters, so it reads right to left, set flush right, though "
                f"most of its words are left to right (in a left-to-right leaflet, '{language}', a paragraph reads "
                "in the direction of its first letter)",
                "start it with a left-to-right word, or put the left-to-right mark (U+200E, written \\u200e in "
                "double quotes) before its first letters",
            )


_STRONG = ("L", "R", "AL")  # the bidirectional classes that set a paragraph's direction


_TRAILING_PLUS = Later(r"\d[\d.,]*\+(?![\d\u200e\u2069])")  # '30+' not followed by a digit, U+200E or U+2069


def _check_trailing_plus(r: Reader) -> None:
    """A warning at each text of a right-to-left leaflet with a plus sign after a number ('SPF 30+'): the Unicode
    bidirectional algorithm, which every reader of the PDF follows, sets it on the number's far side ('+SPF 30')."""
    for value, at in r.strings:
        found = _TRAILING_PLUS.search(value)
        if found is not None:
            r.warn(
                at,
                f"'{found.group()}' prints as '+{found.group()[:-1]}' here: in right-to-left words, a plus sign after a"
                " number goes to its far side",
                f"put the left-to-right mark after it ('{found.group()}\\u200e', in double quotes), or say 'or more'"
                " in words",
            )


# The digits a language's readers read besides 0-9 (and 0-9's full-width forms, read by all), by the start of the
# digits' Unicode names: a number in others ('Llame al ٩٩٩' in a Spanish leaflet) prints as its readers cannot read.
_OWN_DIGITS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(ARABIC_SCRIPT, ("ARABIC-INDIC", "EXTENDED ARABIC-INDIC")),
    **dict.fromkeys(("hi", "mr", "ne", "sa"), ("DEVANAGARI",)),
    **dict.fromkeys(("bn", "as"), ("BENGALI",)),
    "th": ("THAI",), "lo": ("LAO",), "my": ("MYANMAR",), "km": ("KHMER",), "bo": ("TIBETAN",), "gu": ("GUJARATI",),
    "pa": ("GURMUKHI",), "ta": ("TAMIL",), "te": ("TELUGU",), "kn": ("KANNADA",), "ml": ("MALAYALAM",),
    "or": ("ORIYA",), "mn": ("MONGOLIAN",), "dv": (),
}  # fmt: skip


def _check_digits(r: Reader, language: str) -> None:
    """A warning at each text that writes a number in digits the leaflet's readers do not read: Arabic-Indic ٩٩٩ in
    a Spanish leaflet (pasted from an Arabic one), Devanagari in an English one."""
    own = _OWN_DIGITS.get(language_base(language), ())
    for value, at in r.strings:
        if value.isascii() or not _OTHER_DIGIT.search(value):
            continue
        runs = [m.group() for m in re.finditer(r"\d+", value)]  # (digits of any script)
        foreign = next((run for run in runs if any(_foreign(ch, own) for ch in run)), None)
        if foreign is None:
            continue
        family = _named(next(ch for ch in foreign if _foreign(ch, own))).title()
        western = "".join(str(unicodedata.digit(ch)) for ch in foreign)
        r.warn(
            at,
            f"this text writes {foreign} in {family} digits, which readers of '{language}' do not read as a number",
            f"write it in the digits 0-9 ({western})" + (" or the language's own" if own else ""),
        )


_OTHER_DIGIT = re.compile(r"(?![0-9])\d")  # a digit of another script than 0-9
PERSIAN_LETTERS = "\u06cc\u06a9\u067e\u0686\u0698\u06af"  # ی ک پ چ ژ گ: Persian's and Urdu's, not Arabic's
ARABIC_KAF_YEH = "\u064a\u0643"  # ي ك: Arabic's yeh and kaf, which Persian and Urdu write ی ک
ARABIC_DIGITS = "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"  # Persian's own: ۰-۹
PERSIAN_ENOUGH = 5  # letters of Persian's own: fewer may be a name or a loanword in Arabic words


def _check_arabic_letters(r: Reader, language: str, at: Location) -> None:
    """Warnings where Arabic and Persian (or Urdu) are mixed up: words typed with Persian letters (ی ک پ گ ...)
    whose `language:` is Arabic (a screen reader reads them in an Arabic voice, the PDF is named ...-ar-...), and
    words in Persian or Urdu typed with Arabic's ي and ك or its digits ٤ ٥ ٦ (an Arabic keyboard's: a Persian font
    draws ي with dots under it at a word's end, and ٤٥٦ are shaped otherwise than ۴۵۶)."""
    base = language_base(language)
    if base == "ar":
        text = "".join(value for value, _ in r.strings)
        persian = [ch for ch in PERSIAN_LETTERS if ch in text]
        found = sum(text.count(ch) for ch in PERSIAN_LETTERS)
        if found >= PERSIAN_ENOUGH and found > sum(text.count(ch) for ch in ARABIC_KAF_YEH):
            r.warn(
                at,
                f"the words are written with Persian letters ({' '.join(persian)}: {found} of them, more than Arabic's"
                f" ي and ك), but their language is '{language}': a screen reader reads them in an Arabic voice",
                "write language: fa if the words are Persian (ur if Urdu); if they are Arabic, type ي for ی and ك for"
                " ک (an Arabic keyboard)",
            )
    elif base in ("fa", "ur"):
        for chars, what, should in (
            (ARABIC_KAF_YEH, "Arabic's yeh or kaf", "ی and ک"),
            (ARABIC_DIGITS, "Arabic's digits", "its own digits (۴۵۶) or 0-9"),
        ):
            texts = [where for value, where in r.strings if any(ch in value for ch in chars)]
            if not texts:
                continue
            typed = "".join(sorted({ch for value, _ in r.strings for ch in value if ch in chars}))
            more = f" and {len(texts) - 1} more" if len(texts) > 1 else ""
            r.warn(
                texts[0],
                f"this text{more} is typed with {what} ({' '.join(typed)}), where '{language}' writes {should}: an"
                " Arabic keyboard's, which print otherwise",
                f"type them with a keyboard for '{language}', or replace them: {should}",
            )


def _foreign(ch: str, own: tuple[str, ...]) -> bool:
    """A digit not in 0-9 (nor their full-width forms, 0-9 in shape) nor of the language's own digits."""
    return not ch.isascii() and not _named(ch).startswith(("FULLWIDTH", *own))


def _named(digit: str) -> str:
    """The family of a digit by its Unicode name: 'ARABIC-INDIC' for '٩' (ARABIC-INDIC DIGIT NINE)."""
    return unicodedata.name(digit, "").rsplit(" DIGIT ", 1)[0]


def _read_cover(r: Reader, node: Node | None) -> Cover:
    if node is None:
        return Cover(None, None)
    m = r.mapping(node, "cover", (), ("kicker", "lead"))
    if m is None:
        return Cover(None, None)
    kicker = r.text(m.get("kicker"), "cover.kicker")
    if _linked(  # (read as written where it prints in capitals: its element's words stand in for the link's)
        r,
        m.get("kicker"),
        "cover.kicker",
        kicker,
        "the kicker links to '{}': the line above the title is a label, printed in capitals and read out as"
        " written, and a screen reader would not find the link in it",
        "write the kicker as words alone, and put the link in cover.lead or a section's text",
    ) or one_language(
        r,
        m.get("kicker"),
        "cover.kicker",
        kicker,
        "the kicker",
        "it is read out as written, a label in the leaflet's language",
        "write the kicker in the leaflet's language, and words in another in cover.lead or a section's text",
    ):
        kicker = None
    return Cover(kicker, r.text(m.get("lead"), "cover.lead"))


def _linked(r: Reader, node: Node | None, path: str, text: str | None, message: str, hint: str) -> bool:
    """Whether a text that must be words alone links somewhere: an error at it, `message` naming its first link."""
    linked = links(text) if text else []
    if linked and node is not None:
        r.fail(r.at(node, path), message.format(shorten(linked[0], 60)), hint)
    return bool(linked)


def _read_cta(r: Reader, node: Node | None) -> CallToAction | None:
    if node is None:
        return None
    m = r.mapping(node, "call_to_action", ("heading", "text"), ("qr_label",))
    if m is None:
        return None
    heading = r.text(m.get("heading"), "call_to_action.heading")
    text = r.text(m.get("text"), "call_to_action.text")
    qr = r.text(m.get("qr_label"), "call_to_action.qr_label") if "qr_label" in m else None
    if heading is None or text is None or ("qr_label" in m and qr is None):
        return None
    if _linked(  # (its area inside the box's, which is a link: two tab stops, one over the other)
        r,
        m.get("qr_label"),
        "call_to_action.qr_label",
        qr,
        "the QR code's label links to '{}', and the QR box it is in is itself one link, to the booking page: a"
        " link inside a link",
        "write the label as words alone (the box opens contact.booking_url in brand.yaml); put another link in"
        " call_to_action.text",
    ) or one_language(
        r,
        m.get("qr_label"),
        "call_to_action.qr_label",
        qr,
        "the QR code's label",
        "the QR box it is in is one link, read as one piece in the leaflet's language",
        "write the label in the leaflet's language; put words in another in call_to_action.text",
    ):
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
        m = r.mapping(item, path, ("id", "heading", "blocks"), ("place", "layouts", *HINT_KEYS))
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
        hints = read_hints(r, m, path)
        if layouts is None or places is None or hints is None:
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
                hints,
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
