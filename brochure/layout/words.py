"""A content language tag -> the words the tool itself prints in it (the document block's labels) and its dates.

ONE table, keyed by language: a tag is looked up as written (en-US), then by its language alone (en).
Languages come with issue 11; until then a language the table lacks prints English labels, with a warning.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date


@dataclass(frozen=True)
class Words:
    """Patterns with {names} that the document block fills in, and how dates are written."""

    leaflet: str  # the first, bold sentence: who produced the leaflet, its code and version
    version: str  # also a PDF keyword
    published: str
    review: str  # the review date is given to the month
    written: str
    translated: str
    person: str
    other_formats: str  # the label before what the brand offers (large print, ...)
    ask: str  # the formats and how to ask for them
    months: tuple[str, ...]
    date: str  # a whole date: {day} {month} {year}
    month_year: str
    list_separator: str
    skin_drawing: str  # the skin drawing's text alternative: {labels} are its labels
    qr_code: str  # the QR code's text alternative: {url} is where it leads
    page: str  # a page's number at its foot (the large-print edition): {number} of {total}
    in_full: str  # after a folded leaflet's short sources: where the full references are


_EN = Words(
    leaflet="{producer} leaflet {code}, {version}.",
    version="version {version}",
    published="Published {date}.",
    review="Review due {month}.",
    written="Written by {author}; checked by {reviewer}.",
    translated="Translated by {translator}; translation checked by {reviewer}.",
    person="{name} ({role})",
    other_formats="Other formats:",
    ask="{formats} \u2014 {contact}.",
    months=(
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    date="{day}\u00a0{month}\u00a0{year}",  # no-break spaces: a date is never broken across lines
    month_year="{month}\u00a0{year}",
    list_separator=", ",
    skin_drawing="Drawing of a cross-section of skin, labelled: {labels}.",
    qr_code="QR code that opens {url}",
    page="Page {number} of {total}",
    in_full="In full, with DOIs: our large-print edition.",
)

WORDS: dict[str, Words] = {
    "en": _EN,  # en-GB and most English: 1 December 2026
    "en-us": replace(_EN, date="{month}\u00a0{day}, {year}"),  # December 1, 2026
}


def words_for(language: str) -> tuple[Words, bool]:
    """The words for a BCP 47 tag, and whether the table has them (False: the English fallback)."""
    tag = language.lower()
    while tag:
        if tag in WORDS:
            return WORDS[tag], True
        tag = tag.rpartition("-")[0]
    return WORDS["en"], False


def long_date(day: date, words: Words) -> str:
    """A date as the language writes it in running text: '1 December 2026' (en-GB), 'December 1, 2026' (en-US)."""
    return words.date.format(day=day.day, month=words.months[day.month - 1], year=day.year)


def month_year(day: date, words: Words) -> str:
    return words.month_year.format(month=words.months[day.month - 1], year=day.year)
