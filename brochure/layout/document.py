"""Content's `document:` + the brand's other formats and feedback -> the small-type document block's text.

The block reads, for the shipped leaflet: "Clearwater Skin Clinic leaflet CSC-MN-001, version 1.1. Published
1 December 2026. Review due December 2029. Written by ...; checked by .... <conflicts> / Other formats: ... —
<how to ask>. <feedback>". Its labels come from the language's Words (brochure/words.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from string import Formatter

from brochure.diagnostics import Location
from brochure.frozen import frozen
from brochure.inputs.brand import Brand
from brochure.inputs.content import Content
from brochure.inputs.document import Person
from brochure.inputs.inline import escape_text, plain
from brochure.words import Words, long_date, month_year

_STOPS = ".!?"
_DIGIT_SPACE = re.compile(r"(?<=\d) (?=\d)")


@frozen
class Piece:
    """A stretch of the block: text a user wrote (inline marks allowed), or the tool's own words (at None)."""

    text: str
    at: Location | None
    bold: bool = False

    @property
    def printed(self) -> str:
        return plain(self.text) if self.at is not None else self.text


@frozen
class DocumentBlock:
    """The block as lines of pieces; `at` is where `document:` is written."""

    lines: tuple[tuple[Piece, ...], ...]
    at: Location

    def plain(self) -> str:
        return "\n".join("".join(p.printed for p in line) for line in self.lines)

    def fixed(self) -> str:
        """The tool's own words as printed (labels, formatted dates): what the glyph check adds for this block."""
        return "".join(p.text for line in self.lines for p in line if p.at is None)

    def markup(self, md: Callable[[str], str]) -> str:
        """ReportLab markup: the user's texts through `md` (their marks and links; the spaces inside a number such
        as a phone number made no-break), the tool's words escaped."""
        out = []
        for line in self.lines:
            parts = [md(_DIGIT_SPACE.sub("\u00a0", p.text)) if p.at is not None else escape_text(p.text) for p in line]
            out.append("".join(f"<b>{s}</b>" if p.bold else s for p, s in zip(line, parts, strict=True)))
        return "<br/>".join(out)

    def texts(self) -> list[tuple[str, Location]]:
        """(printed text, where it is written) of every piece; the tool's words at `document:`."""
        return [(p.printed, p.at or self.at) for line in self.lines for p in line]


def document_block(content: Content, brand: Brand) -> DocumentBlock:
    """The leaflet's identity, dates, people and conflicts; then the brand's other formats and feedback."""
    d = content.document
    w = content.tool_words
    strings = {at.key: at for _, at in content.strings}

    def user(text: str, key: str) -> list[Piece]:
        return [Piece(text, strings.get(key) or d.where("document"))]

    def person(p: Person, key: str) -> list[Piece]:
        return fill(w.person, {"name": user(p.name, f"{key}.name"), "role": user(p.role, f"{key}.role")})

    version = _bound(fill(w.version, {"version": user(d.version, "document.version")}))
    first = fill(
        w.leaflet,
        {"producer": user(d.producer, "document.producer"), "code": user(d.code, "document.code"), "version": version},
        bold=True,
    )
    dates = [
        *fill(w.published, {"date": [Piece(long_date(d.published, w), None)]}),
        Piece(" ", None),
        *fill(w.review, {"month": [Piece(month_year(d.review, w), None)]}),
    ]
    people = fill(
        w.written, {"author": person(d.author, "document.author"), "reviewer": person(d.reviewer, "document.reviewer")}
    )
    if d.translation is not None:
        key, t = "document.translation", d.translation
        credits = {"translator": person(t.translator, f"{key}.translator")}
        if t.reviewer is not None:
            credits["reviewer"] = person(t.reviewer, f"{key}.reviewer")
        people += [Piece(" ", None), *fill(w.translated if t.reviewer else w.translated_unchecked, credits)]
    lines = [_spaced([first, dates, people, user(d.conflicts, "document.conflicts")])]
    lines += _brand_lines(brand, w)
    return DocumentBlock(tuple(tuple(line) for line in lines if line), d.where("document"))


def _brand_lines(brand: Brand, w: Words) -> list[list[Piece]]:
    """The kit's other formats (and how to ask for them) and its feedback line, on a line of their own."""
    parts: list[list[Piece]] = []
    if brand.other_formats is not None:
        formats: list[Piece] = []
        for i, text in enumerate(brand.other_formats.formats):
            if i:
                formats.append(Piece(w.list_separator, None))
            formats.append(Piece(text, brand.where(f"other_formats.formats[{i}]")))
        contact = [Piece(brand.other_formats.contact, brand.where("other_formats.contact"))]
        parts.append(
            [
                Piece(w.other_formats, None, bold=True),
                Piece(" ", None),
                *fill(w.ask, {"formats": formats, "contact": contact}),
            ]
        )
    if brand.feedback is not None:
        parts.append([Piece(brand.feedback, brand.where("feedback"))])
    return [_spaced(parts)] if parts else []


def fill(pattern: str, values: dict[str, list[Piece]], bold: bool = False) -> list[Piece]:
    """A pattern's words and its {names} filled with pieces; a full stop after a value that already ends a
    sentence ('... co.uk.' + '.') is dropped."""
    out: list[Piece] = []
    for literal, name, _, _ in Formatter().parse(pattern):
        if literal:
            if literal[0] == "." and out and out[-1].printed.rstrip()[-1:] in _STOPS:
                literal = literal[1:]
            if literal:
                out.append(Piece(literal, None, bold))
        if name is not None:
            out.extend(Piece(p.text, p.at, bold or p.bold) for p in values[name])
    return out


def _spaced(sentences: list[list[Piece]]) -> list[Piece]:
    out: list[Piece] = []
    for s in sentences:
        if out and s:
            out.append(Piece(" ", None))
        out.extend(s)
    return out


def _bound(pieces: list[Piece]) -> list[Piece]:
    """The tool's words with their spaces made no-break: 'version 1.1' is never parted from its number ('wersja /
    1.1.')."""
    return [Piece(p.text.replace(" ", "\u00a0"), None, p.bold) if p.at is None else p for p in pieces]


def keywords(content: Content) -> tuple[str, ...]:
    """The leaflet's code and version, as PDF keywords."""
    w = content.tool_words
    return (content.document.code, w.version.format(version=content.document.version))
