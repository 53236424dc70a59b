"""Located YAML Nodes + expected shapes -> plain typed values, recording a Diagnostic per mismatch."""

from __future__ import annotations

import re
import shlex
import unicodedata
from collections.abc import Callable, Collection
from dataclasses import field, replace
from pathlib import Path
from typing import TypeVar

from brochure import limits
from brochure.diagnostics import Diagnostic, Location, closest, did_you_mean, error, shorten, warning
from brochure.frozen import mutable
from brochure.inputs import chars, inline
from brochure.inputs.chars import BLANKS, SELECTOR
from brochure.inputs.links import link_problem
from brochure.inputs.source import read_source
from brochure.inputs.yamltree import LINE_BREAK, Node, parse
from brochure.patterns import Later
from brochure.vocabulary import language_problem

W = TypeVar("W", bound=str)  # a word of a vocabulary (see Reader.choice)
_LINES_OF_A_TEXT = 200  # lines looked through for a character at fault (Reader.at_char); a text is seldom longer


@mutable
class Reader:
    """Reads one file's tree; every problem goes to `diags`, and readers return None for bad values."""

    file: str
    diags: list[Diagnostic] = field(default_factory=list)
    strings: list[tuple[str, Location]] = field(default_factory=list)
    pixels: int = 0  # pixels of the pictures read so far from this file (held to limits.BUILD_PIXELS with `logo`)
    logo: int = 0  # the pixels of the logo of the kit the file is built with
    required: set[str] = field(default_factory=set)  # the paths of the keys read so far that must be given
    source: str = ""  # the file's text, where a character at fault is looked for (at_char)
    lines: list[str] = field(default_factory=list)  # its lines, as YAML breaks them (made by at_char)
    top: frozenset[str] = frozenset()  # the keys its top level takes (a key of them written indented is told so)

    def at(self, node: Node, path: str) -> Location:
        return Location(self.file, node.line, node.column, path)

    def at_char(self, node: Node, path: str, ch: str, nth: int = 0) -> Location:
        """Where the text at node has its `nth` ch (a character, or characters as typed), as typed or as a
        double-quoted text's escape: an invisible character is said at its column; the text's start where it is not
        found. Only the text's own lines are read (node.end), its first from its start and its last to its end."""
        if ch and self.source:
            typed = f"\\\\(?:u{ord(ch):04x}|U{ord(ch):08x}|x{ord(ch):02x})" if len(ch) == 1 else "(?!)"
            escapes = re.compile(f"{re.escape(ch)}|{typed}", re.IGNORECASE)
            self.lines = self.lines or LINE_BREAK.split(self.source)
            last = node.end[0] or node.line + _LINES_OF_A_TEXT - 1
            for n, line in enumerate(self.lines[node.line - 1 : last], node.line):
                start = node.column - 1 if n == node.line else 0
                end = node.end[1] - 1 if n == node.end[0] else len(line)
                for found in escapes.finditer(line, start, end):
                    if nth == 0:
                        return Location(self.file, n, found.start() + 1, path)
                    nth -= 1
        return self.at(node, path)

    def _joined_lines(self, node: Node) -> str:
        """The lines a text is typed on after its first, each after a line break, where YAML joined them with spaces
        (a plain or folded text: 'Tell us if you have' then '- a cold sore' is 'Tell us if you have - a cold sore');
        '' for a text of one line, or where its lines are not known."""
        last, column = node.end
        last = min(last - (column <= 1), node.line + _LINES_OF_A_TEXT)  # (a folded text ends at the next line's start)
        if not self.source or last <= node.line:
            return ""
        self.lines = self.lines or LINE_BREAK.split(self.source)
        return "".join(f"\n{line}" for line in self.lines[node.line : last])

    def blank_line_in(self, node: Node) -> bool:
        """Whether a text is typed over lines with a blank one (or one of spaces) between its first and its last."""
        end, column = node.end
        last = min(end - (column <= 1), node.line + _LINES_OF_A_TEXT)
        if not self.source or last <= node.line + 1:
            return False
        self.lines = self.lines or LINE_BREAK.split(self.source)
        typed = self.lines[node.line - 1 : last]
        whole = last == end - (column <= 1)  # (a text longer than the lines looked at goes on after them)
        while whole and typed and not typed[-1].strip():  # (blank lines after a block's text: the file's)
            typed.pop()
        if typed and typed[0][node.column - 1 :].lstrip()[:1] in ("|", ">"):  # (a block's text starts on the next
            typed = typed[1:]  # line, its blank lines before its first the file's too)
            while typed and not typed[0].strip():
                typed.pop(0)
        return any(not line.strip() for line in typed[1:])

    def _typed_first(self, node: Node) -> str:
        """The character a text's first line has where the text starts: its quote, for a quoted text."""
        if not self.source or node.line < 1:
            return ""
        self.lines = self.lines or LINE_BREAK.split(self.source)
        line = self.lines[node.line - 1] if node.line <= len(self.lines) else ""
        return line[node.column - 1 : node.column]

    def key_at(self, node: Node, path: str) -> Location:
        """The position of the key that holds node (better for 'wrong type' messages)."""
        if node.key_line:
            return Location(self.file, node.key_line, node.key_column, path)
        return self.at(node, path)

    def fail(self, loc: Location, message: str, hint: str = "", awaits: Path | None = None) -> None:
        """An error here (`awaits`: the file whose coming or change may mend it, Diagnostic.awaits)."""
        found = error(loc, message, hint)
        self.diags.append(replace(found, awaits=str(awaits)) if awaits is not None else found)

    def warn(self, loc: Location, message: str, hint: str = "") -> None:
        self.diags.append(warning(loc, message, hint))

    def mapping(
        self,
        node: Node,
        path: str,
        required: Collection[str],
        optional: Collection[str] = (),
    ) -> dict[str, Node] | None:
        """A mapping with exactly these keys: unknown keys and missing required ones are errors."""
        if not isinstance(node.value, dict):
            self.fail(
                self.key_at(node, path),
                f"expected a mapping here, found {node.kind}",
                "write 'key: value' lines indented under it",
            )
            return None
        allowed = set(required) | set(optional)
        if not path:
            self.top = frozenset(allowed)
        self.required.update(_join(path, key) for key in required)
        misspelt: set[str] = set()  # required keys already reported as "did you mean" for an unknown key
        for key, child in node.value.items():
            hidden = chars.INVISIBLE.search(key)
            if hidden is not None and key not in allowed:  # (which looks the same on screen as the key meant)
                shown = self._hidden_in_key(child, path, key, hidden.group(), allowed)
                misspelt.add(shown if shown in allowed else closest(shown, allowed) or "")
            elif key not in allowed:
                social = path == "contact" and key.casefold() in _SOCIAL
                above = path and key in self.top and not closest(key, allowed)  # (a top-level key indented under
                hint = (  # another: `words:` under `document:`)
                    f"'{key}' is a key of the top level: write it at the start of its line, not under '{path}'"
                    if above
                    else _SOCIAL_HINT.format(key=key.capitalize())
                    if social
                    else did_you_mean(key, allowed)
                )
                self.fail(
                    Location(self.file, child.key_line, child.key_column, _join(path, key)),
                    f"unknown key '{key}'" + (": a kit's contact lines are its phone, email and web pages" * social),
                    hint,
                )
                misspelt.add(closest(key, allowed) or "")
        for key in required:
            if key not in node.value and key not in misspelt:
                self.fail(
                    self.at(node, _join(path, key)),
                    f"missing key '{key}'",
                    f"add '{key}:' to {path or 'the top level'}",
                )
        return node.value

    def _hidden_in_key(self, child: Node, path: str, key: str, ch: str, allowed: Collection[str]) -> str:
        """A key with an invisible character in it (a zero-width space pasted with it): named, at its column, as
        'unknown key' with a hint of the key it shows would not say what is wrong. The key as it shows."""
        shown = chars.INVISIBLE.sub("", key)
        at = self.at_char(Node(key, child.key_line, child.key_column), _join(path, shown), ch)
        if shown in allowed:
            said, hint = f"the key '{shown}' has", "delete it, or retype the key"
        else:
            said, hint = f"unknown key '{shown}', with", f"retype the key without it; {did_you_mean(shown, allowed)}"
        self.fail(at, f"{said} {chars.describe(ch)} in it, which does not show", hint)
        return shown

    def text(self, node: Node | None, path: str, *, printed: bool = True, literal: bool = False) -> str | None:
        """A non-empty piece of text; numbers are not silently turned into text. A `printed` text takes inline
        markup (its links are checked) unless it is `literal`, printed as written (a clinic's name and contact
        lines: `[Co](https://...)` in one is words, not a link)."""
        if node is None:
            return None
        if not isinstance(node.value, str):
            self.fail(
                self.key_at(node, path),
                f"expected text, found {node.kind}",
                "put the words in quotes if YAML reads them as something else",
            )
            return None
        value = unicodedata.normalize("NFC", node.value).strip()  # (the same text: an accent typed as a mark of
        # its own, 'e' + U+0301, is the letter é the fonts draw, as ReportLab cannot place a mark over its letter)
        if not value:
            self.fail(self.key_at(node, path), "this text is empty", _EMPTY_HINTS[self._kind_of_place(path)])
            return None
        problem, hint, ch, nth = text_fault(value)
        if problem:
            self.fail(self.at_char(node, path, ch, nth), problem, hint)
            return None
        for href in () if literal or not printed else inline.links(value):  # (an unsafe link first: it is named)
            why = link_problem(href)
            if why:
                spoken = href.lower().startswith("lang:")  # (words marked as in another language, as some markups do)
                hint = "write links as [label](https://...), [label](mailto:...) or [label](tel:+...)"
                self.fail(
                    self.at(node, path), f"link target '{shorten(href, 60)}' {why}", _LANGUAGE_HINT if spoken else hint
                )
                return None
        for tag in () if literal or not printed else inline.spoken(value):
            why = language_problem(tag)
            if why:
                self.fail(
                    self.at_char(node, path, f"](lang:{tag})"),  # (at the mark: a paragraph may be long)
                    f"words marked as in another language (lang:{shorten(tag, 30)}): {why}",
                    "write a BCP 47 tag after 'lang:', such as [gracias](lang:es) or [merci](lang:fr)",
                )
                return None
        if not any(_visible(ch) for ch in (value if literal or not printed else inline.plain(value))):
            # (also for what is not printed: an alternative text of a zero-width space is no description)
            self.fail(self.at(node, path), "this text has no visible characters", "write the text, or remove the key")
            return None
        if printed:
            for problem, hint in () if literal else inline.link_label_problems(value, _visible):
                self.fail(self.at(node, path), problem, hint)
                return None
            self.strings.append((value, self.at(node, path)))
        lines = self._joined_lines(node) if "\n" not in value else ""
        for message, hint in as_typed(value, node.comment, printed and not literal, lines):
            self.warn(self.at(node, path), message, hint)  # (prints as written: a warning, as it may be meant)
        if printed and value[:1] in _CURLY_OPEN and value[-1:] in _CURLY_CLOSE and self._typed_first(node) == value[0]:
            self.warn(
                self.at(node, path),
                f"the text is in curly quotes, {value[0]}...{value[-1]}, which print: YAML takes only straight quotes"
                " (\" or ') around a text as its quotes, and a word processor made these curly",
                "write straight quotes around the text, or none; to print quotes around a quotation, put straight"
                f" quotes around them: '{value[0]}...{value[-1]}'",
            )
        passage = inline.shouted(value) if printed and not literal else ""
        if passage:
            self.warn(
                self.at_char(node, path, *_first_word(value, passage.split()[0])),
                f"'{shorten(passage, 40)}' is in capitals: words in capitals are harder to read (read letter by"
                " letter, their shape lost; clear-print guidance asks for none in passages)",
                "write them in small letters with capitals where a sentence or a name starts; to stress words, make"
                " them **bold**",
            )
        for key, nth in inline.repeated_citations(value) if printed and not literal else ():
            self.warn(
                self.at_char(node, path, f"[^{key}]", nth),
                f"the source '{key}' is cited twice in a row here ([^{key}] again): its number is printed once",
                f"remove one of the two [^{key}] marks",
            )
        return value

    def text_list(self, node: Node | None, path: str) -> list[tuple[str, Location]] | None:
        items = self.seq(node, path)
        if items is None:
            return None
        out: list[tuple[str, Location]] = []
        for i, item in enumerate(items):
            p = f"{path}[{i}]"
            value = self.text(item, p)
            if value is not None:
                out.append((value, self.at(item, p)))
        return out

    def seq(self, node: Node | None, path: str, *, min_items: int = 1) -> list[Node] | None:
        if node is None:
            return None
        if not isinstance(node.value, list):
            self.fail(
                self.key_at(node, path),
                f"expected a list, found {node.kind}",
                "start each item on its own line with '- '",
            )
            return None
        if len(node.value) > limits.LIST_ITEMS:
            self.fail(
                self.key_at(node, path),
                f"the list has {len(node.value)} items; at most {limits.LIST_ITEMS} are allowed",
                "a leaflet has room for far fewer: shorten the list",
            )
            return None
        if len(node.value) < min_items:
            items = f"{min_items} item{'' if min_items == 1 else 's'}"
            self.fail(self.key_at(node, path), f"the list needs at least {items}", "add items, or remove the key")
            return None
        return node.value

    def choice(self, node: Node | None, path: str, choices: Collection[W]) -> W | None:
        """One of the words in choices (typed as they are: a vocabulary's Literal stays that Literal)."""
        value = self.text(node, path, printed=False)
        if value is None or node is None:
            return None
        word = next((c for c in choices if c == value), None)
        if word is None:
            self.fail(self.at(node, path), f"'{value}' is not a valid value", did_you_mean(value, choices))
        return word

    def _kind_of_place(self, path: str) -> str:
        """What holds the text at `path`: a key that must be given, a list's item, or a key that may be left out."""
        if path in self.required:
            return "required"
        return "block" if _BLOCK.search(path) else "item" if path.endswith("]") else "key"

    def number(self, node: Node | None, path: str, lo: float, hi: float) -> float | None:
        if node is None:
            return None
        v = node.value
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            self.fail(
                self.key_at(node, path),
                f"expected a number, found {node.kind}",
                f"write a number from {lo:g} to {hi:g}",
            )
            return None
        if not lo <= v <= hi:
            self.fail(self.at(node, path), f"{v:.15g} is out of range", f"write a number from {lo:g} to {hi:g}")
            return None
        return float(v)


# A clinic's social media accounts, which a kit's contact lines do not print: where to write one instead
_SOCIAL = frozenset(
    ("instagram", "facebook", "tiktok", "twitter", "x", "linkedin", "youtube", "whatsapp", "pinterest", "threads")
)
_SOCIAL_HINT = (
    "remove it from brand.yaml, and write the account in the words where it should print, with its link: such as"
    " call_to_action.text: 'Follow us on {key}: [@yourclinic](https://...)'"
)
_BLOCK = re.compile(r"\.blocks\[\d+\]\.\w+$")  # a block's own key: sections[0].blocks[2].text
_EMPTY_HINTS = {  # (removing a key that must be given was the next error)
    "required": "write the text (the key must be given)",
    "item": "write the text, or remove the item",
    "block": "write the text, or remove the block",  # (a block is its one key: `- text: ""`)
    "key": "write the text, or remove the key",
}


# A superscript number after a word or a sentence's end, as a word processor's footnote pastes it ('scars¹', 'so²'):
# not after a digit (10⁶) or as a unit's square or cube (m², cm³).
_SUPERSCRIPTS = "\u00b9\u00b2\u00b3\u2070\u2074-\u2079"
_SUPERSCRIPT = re.compile(f"[{_SUPERSCRIPTS}]")
_TYPED_CITATION = Later(rf"([^\W\d_{_SUPERSCRIPTS}]+|[.,;:)\]])([{_SUPERSCRIPTS}]+)")
_UNITS = frozenset(("m", "cm", "mm", "km", "dm", "\u00b5m", "\u03bcm", "in", "ft", "yd", "mi", "s"))


_AFTER_A_NUMBER = re.compile(r"\d[\s\u00a0\u202f]?$")  # a unit's place: right after a number (4 см², 4 سم²)


def one_language(r: Reader, node: Node | None, path: str, text: str | None, what: str, why: str, hint: str) -> bool:
    """Whether a text read in the leaflet's language alone marks words as in another (`[x](lang:es)`): an error at
    it, naming `what` the text is and `why` its words are read so. (A text the tagged edition reads as one piece:
    the kicker, read as written in capitals; the QR code's label, inside the box's link; a drawing's label.)"""
    tags = inline.spoken(text) if text else []
    if tags and node is not None:
        r.fail(
            r.at(node, path),
            f"{what} cannot mark words as in another language (lang:{shorten(tags[0], 30)}): {why}",
            hint,
        )
    return bool(tags)


def _typed_citation(value: str) -> re.Match[str] | None:
    """The first superscript number typed after a word or a sentence's end that is no unit's power (m², cm³; a
    word of one or two letters right after a number, in any script: 4 см²)."""
    for found in _TYPED_CITATION.finditer(value):
        before, number = found.groups()
        unit = before in _UNITS or (len(before) <= 2 and _AFTER_A_NUMBER.search(value, 0, found.start()) is not None)
        if not unit or number.strip("\u00b2\u00b3"):
            return found
    return None


def _first_word(value: str, word: str) -> tuple[str, int]:
    """A word as `at_char` finds it (its letters in any case, inside other words too): the word and how many such
    come before its own place in the text, written in these capitals and whole ('WE' in "as well as. WE DO NOT":
    the second)."""
    own = re.search(rf"(?<!\w){re.escape(word)}", value)
    if own is None:  # (written otherwise than it prints: the text's start)
        return word, 0
    return word, len(re.findall(re.escape(word), value[: own.start()], re.IGNORECASE))


def as_typed(value: str, comment: str, marked: bool, lines: str = "") -> list[tuple[str, str]]:
    """What of a text prints as typed though it reads as meant otherwise, each as a warning's message and hint: a
    comment YAML left out of it, a typed escape; in text that takes marks (`marked`), a star with no pair and a
    superscript number pasted as a footnote's."""
    said: list[tuple[str, str]] = []
    star = inline.stray_star(value) if marked else ""
    if star:
        said.append(
            (
                f"a '*' prints as a star here ('{star}'): bold and italic marks come in pairs, **bold** and *italic*,"
                " and this one has none",
                "close the mark where it ends (**tell us first**), or, to print a star, write it \\* (in double"
                " quotes \\\\*)",
            )
        )
    supers = marked and _SUPERSCRIPT.search(value) is not None  # (seldom: looked at first)
    typed_cite = _typed_citation(value) if supers else None
    if typed_cite:
        before, number = typed_cite.groups()
        said.append(
            (
                f"'{number}' after '{before[-20:]}' is a superscript number typed in,"
                " which prints as written: it is not one of the leaflet's numbered sources, which are numbered as"
                " they are cited",
                "cite the source with [^id] (its id under references:), which prints its number in the sources' order",
            )
        )
    if comment:
        said.append(
            (
                f"'{shorten(comment, 40)}' after the text is a YAML comment, left out of it: a space then '#' starts"
                " one in text that is not in quotes",
                'put the whole text in double quotes to keep those words ("... #1 ..."); a comment meant as one is'
                " written '# ' with a space",
            )
        )
    heading = _TYPED_HEADING.match(value) if marked and value.startswith("#") else None
    if heading:
        said.append(
            (
                f"the text starts with '{heading.group(1)} ' as a Markdown heading does: it prints the"
                f" '{heading.group(1)}', and a screen reader reads a paragraph, not a heading",
                "make it a subheading: block (the section's own heading is its heading:; there is no deeper level)",
            )
        )
    items = _TYPED_ITEM.findall(value if "\n" in value else lines) if marked else []
    if len(items) >= 2:
        said.append(
            (
                f"{len(items)} of the text's lines start with '{items[0]} ' as a list's items do: a text is one"
                " paragraph, its new lines spaces, and they print run on and are read as one sentence",
                "make them a bullets: block (a callout's text is one paragraph: put the list after it), or write them"
                " as a sentence",
            )
        )
    typed = _TYPED_ESCAPE.search(value)
    if typed:
        said.append(
            (
                f"'{typed.group()}' stays as typed, a backslash and letters: YAML reads such an escape as the "
                "character it names only in double quotes, written with one backslash",
                f'write it with one backslash in a text in double quotes ("...{typed.group()}...") to mean the '
                "character",
            )
        )
    return said


Fault = tuple[str, str, str, int]  # (problem, hint, the character at fault, "" where it is the whole text, and which
NO_FAULT: Fault = ("", "", "", 0)  # of its kind in the text it is: 0 the first)


def _nth(value: str, ch: str, at: int) -> int:
    """Which of the text's `ch` the one at `at` is (0: the first)."""
    return value.count(ch, 0, at)


def text_problem(value: str) -> tuple[str, str]:
    """(problem, hint) when a piece of text cannot be printed as written: control characters, or too long."""
    return text_fault(value)[:2]


def text_fault(value: str) -> Fault:
    """text_problem's (problem, hint), and the character at fault, where the error is said (Reader.at_char)."""
    found = _CONTROL.search(value)
    if found:
        ch = found.group()
        return (
            f"the text contains {chars.describe(ch)}, which cannot be printed",
            "remove it (a word processor's line break or tab copied with the text is the usual cause)",
            ch,
            _nth(value, ch, found.start()),
        )
    found = _UNPRINTABLE.search(value) or (_BLANK.search(value) if any(map(_visible, value)) else None)
    if found:
        ch = found.group()
        breaks = ch in "\u2028\u2029"
        return (
            f"the text contains {chars.describe(ch)}, which cannot be printed",
            "replace it with a space, or make two paragraphs or items of the text"
            if breaks
            else "remove it (it prints nothing, or a gap, in every font)",
            ch,
            _nth(value, ch, found.start()),
        )
    for problem in (_direction_problem(value), _lone_mark(value), _piled_marks(value), _loose_accent(value)):
        if problem[0]:
            return problem
    if len(value) > limits.TEXT_CHARS:
        return (
            f"this text is {len(value):,} characters long; one piece of text may have at most {limits.TEXT_CHARS:,}",
            "split it into shorter paragraphs or list items, or shorten it",
            "",
            0,
        )
    return NO_FAULT


# Characters that have no printed form: C0/C1 controls (Unicode's category Cc) but tab and line breaks, and
# surrogates (Cs). One search of the text, not a category look-up per character.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
# Characters a YAML file may not hold, written as escapes in a quoted string ("\\u2028"), and the invisible formatting
# characters no font prints (tags, interlinear annotations, deprecated format controls, the Mongolian vowel
# separator): the line and paragraph separators, the noncharacters (U+FDD0..U+FDEF and the last two of each plane).
# Letters that print blank (chars.BLANKS) are refused too, in a text that prints something else (one of nothing
# else has no visible characters, which the reader says).
_BLANK = re.compile(f"[{''.join(sorted(BLANKS))}]")
_UNPRINTABLE = re.compile(
    "[\u180e\u2028\u2029\u206a-\u206f\ufdd0-\ufdef\ufff9-\ufffb\ufffe\uffff\U000e0000-\U000e007f"
    + "".join(f"{chr(plane << 16 | 0xFFFE)}{chr(plane << 16 | 0xFFFF)}" for plane in range(1, 17))
    + "]"
)


# Embeddings and overrides (U+202A..U+202E): an override prints the letters after it in the order it forces, an
# Arabic word backwards, so that the page shows other words than the file. The tool orders the words itself.
_EMBEDDING = re.compile("[\u202a-\u202e]")
_LANGUAGE_HINT = (
    "to mark words as in another language, write 'lang:' in small letters and a language tag: [gracias](lang:es);"
    " if it is a link, give its address"
)
_CURLY_OPEN = "\u201c\u2018\u201e"  # “ ‘ „: a word processor's quotes, which YAML reads as letters
_CURLY_CLOSE = "\u201d\u2019\u201c"  # ” ’ and the “ that closes a German or Polish „...“
_TYPED_HEADING = re.compile(r"(#{1,6})[ \t]+\S")  # a Markdown heading typed into a text ("### Aftercare")
_TYPED_ITEM = re.compile(r"\n[ \t]*([-*\u2022])[ \t]+(?=\S)")  # a line typed as a list's item ("- one", "• one")
# An escape typed outside double quotes ('\u00ad' in a plain or single-quoted text), which YAML leaves as typed:
_TYPED_ESCAPE = re.compile(r"\\(?:u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|x[0-9A-Fa-f]{2})")
_OPENS, _CLOSE = "\u2066\u2067\u2068", "\u2069"
# A right-to-left mark inside a number ('12\u200f34', '24\u200f–48'): the number's parts print swapped ('3412').
_MARKED_NUMBER = Later(r"\d[\d.,:/\-\u2013\u066b\u066c]*[\u200f\u061c]+[\d.,:/\-\u2013\u066b\u066c]*\d")


_DIRECTIONAL = re.compile("[\u202a-\u202e\u2066-\u2069\u200f\u061c]")
# A combining mark with no letter before it to sit on (at the start, or after a space): a vowel mark or an accent
# typed alone prints as a smudge over nothing, or piled on the next one.
_LONE_MARK = re.compile(r"(?:^|\s)([\u0300-\u036f\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed])")


# Combining marks (accents, Hebrew points, Arabic vowels and the rest of the blocks of marks) piled on one letter:
# more than a script puts there climbs into the line above ("Zalgo" text, a paste gone wrong).
_PILED = re.compile(
    "[\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
    f"\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]{{{limits.MARKS_ON_A_LETTER + 1},}}"
)


def _piled_marks(value: str) -> Fault:
    found = _PILED.search(value)
    if found is None:
        return NO_FAULT
    return (
        f"the text piles {len(found.group())} marks on one letter, which print into the line above",
        f"a letter takes at most {limits.MARKS_ON_A_LETTER} marks (accents, vowel points): remove the extra ones",
        found.group(),  # (as typed: an escape of each is not looked for)
        _nth(value, found.group(), found.start()),
    )


# The combining accents of Latin, Greek and Cyrillic letters (Combining Diacritical Marks and their supplements,
# half marks): set without shaping, as these scripts are, one prints beside its letter, not over it. Arabic and
# Hebrew marks are outside these blocks (their words are shaped, layout/rtl.py).
_ACCENT = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def _loose_accent(value: str) -> Fault:
    """An accent written as a mark of its own that no letter of Unicode's joins with (what NFC, applied as the
    text is read, leaves): it would print beside its letter ('q' + U+0301)."""
    if not _ACCENT.search(value):  # (most texts: one search)
        return NO_FAULT
    value = unicodedata.normalize("NFC", value)  # (as Reader.text reads it)
    found = _ACCENT.search(value)
    if found is None:
        return NO_FAULT
    letter = value[found.start() - 1] if found.start() else ""
    return (
        f"the text has {chars.describe(found.group())} after '{letter}', which prints beside the letter, not over it",
        "write the accented letter as one character, or leave the accent out",
        found.group(),
        _nth(value, found.group(), found.start()),
    )


def _lone_mark(value: str) -> Fault:
    found = _LONE_MARK.search(value)
    if found is None:
        return NO_FAULT
    return (
        f"the text has {chars.describe(found.group(1))} with no letter before it to sit on",
        "put the mark right after its letter, or remove it",
        found.group(1),
        _nth(value, found.group(1), found.start(1)),
    )


def _direction_problem(value: str) -> Fault:
    """(problem, hint) for direction controls that would print the words in another order than they are written:
    an embedding or override, an isolate left open or closed without being opened, a right-to-left mark inside a
    number."""
    if not _DIRECTIONAL.search(value):  # (most texts: one search)
        return NO_FAULT
    found = _EMBEDDING.search(value)
    if found:
        return (
            f"the text contains {chars.describe(found.group())}, which would print the letters or words after it "
            "in another order than they are written",
            "remove it: the tool sets right-to-left and left-to-right words in order itself (to keep a phrase "
            "apart, put it between U+2066 and U+2069)",
            found.group(),
            _nth(value, found.group(), found.start()),
        )
    opened: list[int] = []  # (where each isolate still open starts)
    for i, ch in enumerate(value):
        if ch in _OPENS:
            opened.append(i)
        elif ch == _CLOSE:
            if not opened:
                return (
                    f"the text contains {chars.describe(ch)} with no U+2066, U+2067 or U+2068 before it to close",
                    "remove it, or put the isolate it closes before the phrase",
                    ch,
                    _nth(value, ch, i),
                )
            opened.pop()
    if opened:
        left = value[opened[-1]]
        return (
            f"the text contains {chars.describe(left)} that no U+2069 closes, so every word after it would "
            "print in its direction",
            "close it with U+2069 (POP DIRECTIONAL ISOLATE) after the phrase, or remove it",
            left,
            _nth(value, left, opened[-1]),
        )
    found = _MARKED_NUMBER.search(value)
    if found:
        at = next(found.start() + i for i, ch in enumerate(found.group()) if ch in "\u200f\u061c")
        mark = value[at]
        return (
            f"the number '{found.group().replace(mark, '')}' has {chars.describe(mark)} inside it, which would "
            "print its parts in reverse order",
            "remove the mark: the tool keeps a number's digits left to right itself",
            mark,
            _nth(value, mark, at),
        )
    return NO_FAULT


def _visible(ch: str) -> bool:
    """A character that prints something (a variation selector, a mark, prints nothing: chars.SELECTOR; nor do
    chars.BLANKS)."""
    return not ch.isspace() and unicodedata.category(ch)[0] not in "CZ" and not SELECTOR.match(ch) and ch not in BLANKS


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


T = TypeVar("T")


def load_file(
    path: Path, what: str, missing_hint: str, read: Callable[[Reader, Node], T | None]
) -> tuple[T | None, list[Diagnostic]]:
    """Read a YAML file and turn its tree into a T with `read`; None when any error was found."""
    file = str(path)
    source = read_source(path, what, missing_hint)
    if isinstance(source, Diagnostic):
        return None, [source]
    root, diags = parse(source, file)
    if root is None:
        return None, diags
    wrong = _another_kind(root, what, file)
    if wrong is not None:
        return None, [*diags, wrong]
    r = Reader(file, diags, source=source)
    value = read(r, root)
    if any(d.is_error for d in r.diags):
        return None, r.diags
    return value, r.diags


# Each kind of YAML file by the top-level keys that only it has, and how it is used: a file of one kind given where
# another is asked for (`brochure batch content.yaml`, `--brand content.yaml`) is named as what it is, rather than
# each of its keys being unknown.
_KINDS: dict[str, tuple[frozenset[str], str, str]] = {
    "content": (
        frozenset({"title", "subtitle", "sections", "call_to_action", "disclaimer"}),
        "a content file (a leaflet's words)",
        "build it with `brochure build --content {file}`, or name it under a brand's `languages:` in editions.yaml",
    ),
    "brand": (
        frozenset({"colors", "fonts", "logo", "contact"}),
        "a brand file (a kit's brand.yaml)",
        "give it with `--brand {file}`, or name it as a brand's `kit:` in editions.yaml",
    ),
    "editions": (frozenset({"brands"}), "an editions file", "build its editions with `brochure batch {file}`"),
}
_ASKED = {"source content": "content"}  # (a translation's source is a content file)


def _another_kind(root: Node, what: str, file: str) -> Diagnostic | None:
    """The error for a file of another kind than the one asked for (None: it has some of this kind's keys, or
    is not clearly another's: its keys are then checked one by one)."""
    asked = _ASKED.get(what, what)
    if not isinstance(root.value, dict):
        return None
    kind = other_kind(set(root.value), asked)
    if kind is None:
        return None
    return error(
        Location(file, root.line, root.column),
        f"this is {kind_name(kind)}, not {kind_name(asked).split(' (')[0]}",
        _KINDS[kind][2].format(file=shlex.quote(file)),
    )


def other_kind(keys: Collection[object], asked: str) -> str | None:
    """The kind of file these top-level keys make, when it is not the kind asked for (None: they have some of the
    asked kind's keys, or are not clearly another kind's)."""
    found = set(keys)
    if asked not in _KINDS or found & _KINDS[asked][0]:
        return None
    others = ((k, signature) for k, (signature, _, _) in _KINDS.items() if k != asked)
    return next((k for k, signature in others if len(found & signature) * 2 >= len(signature)), None)


def kind_name(kind: str) -> str:
    """'a brand file (a kit's brand.yaml)', for 'brand'."""
    return _KINDS[kind][1]


_TOP_KEY = re.compile(rb"^([A-Za-z_]+)[ \t]*:", re.MULTILINE)


def kind_of_file(path: Path, asked: str) -> str | None:
    """The kind of YAML file at `path` when it is clearly another than the one asked for, from the keys that start
    its lines (a glance for a file named in the wrong place, not a reading: the file is read in full where it is
    used, and a file this does not place is told of there)."""
    try:
        with path.open("rb") as f:
            head = f.read(limits.YAML_BYTES)
    except OSError:
        return None
    return other_kind({m.decode() for m in _TOP_KEY.findall(head)}, asked)
