"""Problems found anywhere in the pipeline -> Diagnostic records with file, line, column, key and hint."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import field, replace
from enum import Enum

from brochure.frozen import frozen


class Severity(Enum):
    ERROR = "error"
    WARNING = "warning"


@frozen
class Location:
    """Where a problem is: a file and, when known, a 1-based line and column and a key path."""

    file: str
    line: int = 0
    column: int = 0
    key: str = ""

    def prefix(self) -> str:
        if self.line:
            return f"{self.file}:{self.line}:{self.column}"
        return self.file


@frozen
class Place:
    """Where a problem shows on the printed page: a page (0 is the first) and a box in points from the page's
    bottom left (the PDF's own coordinates)."""

    page: int
    x: float
    y: float
    w: float
    h: float

    def as_dict(self) -> dict[str, float]:
        return {"page": self.page, **{k: round(getattr(self, k), 2) for k in ("x", "y", "w", "h")}}


@frozen
class Diagnostic:
    """One problem: how bad, where, what and what to do about it; and, for what preflight finds on the printed
    pages, where it shows there (`places`, left out when findings are compared)."""

    severity: Severity
    location: Location
    message: str
    hint: str = ""
    places: tuple[Place, ...] = field(default=(), compare=False)
    awaits: str = field(default="", compare=False)  # the file whose coming or change may mend it (a picture not
    # found, or not readable yet: being copied in; a logo not found): the live preview watches it

    def format(self) -> str:
        """`file:line:col: error: message (key: a.b[0]) hint: ...` on one line."""
        text = f"{self.location.prefix()}: {self.severity.value}: {self.message}"
        if self.location.key:
            text += f" [at {self.location.key}]"
        if self.hint:
            text += f" (hint: {self.hint})"
        return text

    def as_dict(self) -> dict[str, object]:
        """The finding as plain data for a JSON report (`places`: the boxes on the pages where it shows)."""
        loc = self.location
        return {
            "severity": self.severity.value,
            "file": loc.file,
            "line": loc.line,
            "column": loc.column,
            "key": loc.key,
            "message": self.message,
            "hint": self.hint,
            "places": [p.as_dict() for p in self.places],
        }

    def at(self, *places: Place) -> Diagnostic:
        """The same finding, shown at these places on the pages too."""
        return replace(self, places=self.places + places)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


def error(location: Location, message: str, hint: str = "") -> Diagnostic:
    return Diagnostic(Severity.ERROR, location, message, hint)


def warning(location: Location, message: str, hint: str = "") -> Diagnostic:
    return Diagnostic(Severity.WARNING, location, message, hint)


MOST_PLACES = 40  # boxes one finding keeps (a colour that fails everywhere need not list every line)


def merged(diags: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Findings without repeats, in order: a finding made again at another place gains that place."""
    found: dict[Diagnostic, Diagnostic] = {}
    for d in diags:
        first = found.get(d)
        if first is None:
            found[d] = d
        else:
            more = tuple(p for p in d.places if p not in first.places)
            found[d] = replace(first, places=(first.places + more)[:MOST_PLACES])
    return list(found.values())


def shorten(text: str, most: int = 40) -> str:
    """Text as a message quotes it: at most `most` characters, cut with '…', between words where a word ends in
    its last 40 % (a batch's line ended "no 'reviewer' in document.translati")."""
    if len(text) <= most:
        return text
    cut = text[: most - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space >= 0.6 * most else cut).rstrip() + "…"


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The valid name a misspelt word most likely meant, if any is close enough."""
    import difflib  # (only for a word that is not one of the choices: not on every build's import)

    options = sorted(choices)
    same = next((c for c in options if c.casefold() == word.casefold()), None)  # ('A4' for a4: too short to be close)
    if same is not None:
        return same
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return close[0] if close else None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A 'did you mean ...?' hint for a misspelt key or name, or a list of the valid ones."""
    options = sorted(choices)
    close = closest(word, options)
    if close:
        return f"did you mean '{close}'?"
    return "expected one of: " + ", ".join(options)
