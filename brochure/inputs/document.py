"""The `document:` block of content.yaml (document control) -> a frozen Document, or Diagnostics."""

from __future__ import annotations

import re
from datetime import date

from brochure import limits
from brochure.diagnostics import Location, shorten
from brochure.frozen import frozen
from brochure.inputs.reader import Reader
from brochure.inputs.yamltree import Node
from brochure.patterns import Later

UNCHECKED = "the translation has not been checked"  # (a warning every edition of such a translation has)


@frozen
class Person:
    """Someone credited in the document block: a name and a role (or registration)."""

    name: str
    role: str


@frozen
class Translation:
    translator: Person
    reviewer: Person | None  # who checked the translation (a clinician who reads the language); None: not yet
    numbers: tuple[tuple[str, str], ...] = ()  # numbers changed on purpose (an adaptation: 999 -> 911; '' dropped)
    same: tuple[str, ...] = ()  # texts the same in both languages on purpose (French 'Consultation'): not flagged


@frozen
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


DOCUMENT_KEYS = ("code", "version", "published", "review", "author", "reviewer", "producer", "conflicts")
DOCUMENT_EXAMPLE = (
    "document: {code: CSC-MN-001, version: '1.1', published: 2026-12-01, review: 2029-12-01, "
    "author: {name: ..., role: ...}, reviewer: {name: ..., role: ...}, producer: ..., conflicts: ...}"
)
_ASCII_NUMBER = re.compile(r"[0-9]+(?:[.,][0-9]+)*")
_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$")
_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")  # ASCII digits: \d also takes ٢٠٢٦


def read_document(r: Reader, root: Node, node: Node | None) -> Document | None:
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
            f"'{shorten(code)}' is not a leaflet code: use up to 40 letters, digits, '-', '.' and '/'",
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
        written = _as_typed(r.file, node) or f"{node.value}"
        r.fail(
            r.at(node, "document.version"),  # (at the number: the key is not what is wrong)
            f"expected the version as text, found the number {written} (YAML reads 1.10 as 1.1)",
            f'write the version in quotes: version: "{written}"',
        )
        return None
    return r.text(node, "document.version")


def _as_typed(file: str, node: Node) -> str:
    """A scalar as it is typed at its place in the file ('' when it cannot be read there): 1.10, not 1.1."""
    try:
        with open(file, encoding="utf-8-sig") as f:
            line = next((text for n, text in enumerate(f, 1) if n == node.line), "")
    except (OSError, UnicodeDecodeError, ValueError):
        return ""
    found = re.match(r"(?:[&!]\S*\s+)*([^\s#,\]}]+)", line[node.column - 1 :]) if node.column > 0 else None
    return found.group(1) if found else ""  # (after an anchor or a tag: `&v 1.10`)


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
        meant = _meant_date(value)
        hint = f"did you mean {meant.isoformat()}? write it YYYY-MM-DD" if meant else "e.g. 2026-12-01"
        r.fail(r.at(node, path), f"'{shorten(value)}' is not a date written YYYY-MM-DD", hint)
    return parsed


_YEAR_FIRST = Later(r"\s*([0-9]{4})[-/. ]([0-9]{1,2})[-/. ]([0-9]{1,2})\s*")  # (2026/12/06, 2026-12-6)
_DAY_FIRST = Later(r"\s*([0-9]{1,2})[-/. ]([0-9]{1,2})[-/. ]([0-9]{4})\s*")  # (25/12/2026: the day over 12 alone)
_NAMED = Later(r"\s*([0-9]{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,})\.?,?\s+([0-9]{4})\s*")  # (6 December 2026)
_MONTH_FIRST = Later(r"\s*([A-Za-z]{3,})\.?\s+([0-9]{1,2})(?:st|nd|rd|th)?,?\s+([0-9]{4})\s*")  # (Dec 6, 2026)


def _month(name: str) -> int:
    """The month an English month's name or its abbreviation names ('Dec', 'december', 'Sept'), or 0."""
    from brochure.words import words_for

    said = name.casefold()
    months = [m.casefold() for m in words_for("en")[0].months]
    return next((i for i, m in enumerate(months, 1) if len(said) >= 3 and m.startswith(said)), 0)


def _meant_date(value: str) -> date | None:
    """The date a text written otherwise than YYYY-MM-DD plainly means (2026/12/06, 6 December 2026, December 6,
    2026, 25/12/2026, 12/12/2026); None when it means none, or might mean two (06/12/2026: 6 December in the UK, June
    12 in the US)."""
    found = _YEAR_FIRST.fullmatch(value)
    parts: tuple[int, int, int] | None = None
    if found:
        parts = int(found[1]), int(found[2]), int(found[3])
    elif found := _DAY_FIRST.fullmatch(value):
        day, month, year = int(found[1]), int(found[2]), int(found[3])
        parts = (year, month, day) if day > 12 >= month or day == month else None
        parts = parts or ((year, day, month) if month > 12 >= day else None)
    elif found := _NAMED.fullmatch(value):
        month = _month(found[2])
        parts = (int(found[3]), month, int(found[1])) if month else None
    elif found := _MONTH_FIRST.fullmatch(value):
        month = _month(found[1])
        parts = (int(found[3]), month, int(found[2])) if month else None
    try:
        return date(*parts) if parts else None
    except ValueError:
        return None


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
    m = r.mapping(node, "document.translation", ("translator",), ("reviewer", "numbers", "same"))
    if m is None:
        return False, None
    translator = _read_person(r, m.get("translator"), "document.translation.translator")
    reviewer = _read_person(r, m["reviewer"], "document.translation.reviewer") if "reviewer" in m else None
    numbers = _read_numbers(r, m.get("numbers"))
    same = _read_same(r, m.get("same"))
    if translator is None or ("reviewer" in m and reviewer is None) or numbers is None or same is None:
        return False, None
    if reviewer is None:
        r.warn(
            r.at(node, "document.translation"),
            f"{UNCHECKED}: no 'reviewer' in document.translation",
            "have a clinician who reads the language check it against the source, then add "
            "'reviewer: {name: ..., role: ...}'",
        )
    return True, Translation(translator, reviewer, numbers, same)


def _read_same(r: Reader, node: Node | None) -> tuple[str, ...] | None:
    """`same: [Consultation]`: texts a translation keeps as the source wrote them on purpose (the same words in
    both languages), which the translation check then does not call probably not translated."""
    if node is None:
        return ()
    path = "document.translation.same"
    items = r.seq(node, path)
    if items is None:
        return None
    texts = [r.text(item, f"{path}[{i}]", printed=False) for i, item in enumerate(items)]
    return None if any(t is None for t in texts) else tuple(t for t in texts if t is not None)


def _read_numbers(r: Reader, node: Node | None) -> tuple[tuple[str, str], ...] | None:
    """`numbers: {"999": "911", "111": ""}`: the source's numbers an adaptation changes (or drops) on purpose."""
    if node is None:
        return ()
    path = "document.translation.numbers"
    if not isinstance(node.value, dict):
        r.fail(r.key_at(node, path), f"expected a mapping here, found {node.kind}", 'e.g. numbers: {"999": "911"}')
        return None
    out: list[tuple[str, str]] = []
    for key, child in node.value.items():
        value = child.value if isinstance(child.value, str) else None
        shown = f"'{shorten(value)}'" if value is not None else child.kind
        if not _ASCII_NUMBER.fullmatch(str(key)) or value is None or not _ASCII_NUMBER.fullmatch(value or "0"):
            r.fail(
                r.at(child, f"{path}.{key}"),
                f"'{shorten(str(key))}' changed to {shown}: both must be numbers written in digits 0-9",
                'write the source\'s number and the translation\'s, both in quotes: "999": "911" ("" if it is dropped)',
            )
            return None
        out.append((str(key), value))
    return tuple(out)
