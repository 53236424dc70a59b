"""A leaflet's document dates + today's date -> expiry warnings and errors; SOURCE_DATE_EPOCH -> today's date.

The review date is watched so that an out-of-date leaflet is not printed by accident: within
limits.REVIEW_WARN_MONTHS of it is a warning, past it an error (a warning with --allow-expired).
Today is SOURCE_DATE_EPOCH's UTC date when it is set (the clock is then never read), else the system date.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from datetime import UTC, date, datetime

from brochure import limits
from brochure.diagnostics import Diagnostic, error, shorten, warning
from brochure.inputs.document import Document

LATEST = 253402300799  # 9999-12-31 23:59:59 UTC: the last second a date can hold


def source_date(environ: Mapping[str, str]) -> tuple[date | None, str]:
    """SOURCE_DATE_EPOCH's UTC date (None when it is not set), or why it cannot be read."""
    raw = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not raw:
        return None, ""
    if not (raw.isascii() and raw.isdigit()) or int(raw) > LATEST:  # '²' is a digit to isdigit(), not to int()
        shown = shorten(raw, 30)
        return None, (
            f"SOURCE_DATE_EPOCH='{shown}' is not a time: it should be whole seconds since 1970-01-01 UTC "
            "(e.g. 1796083200 for 2026-12-01); unset it to use today's date"
        )
    return datetime.fromtimestamp(int(raw), UTC).date(), ""


def stamp(environ: Mapping[str, str], published: date) -> int:
    """The time a build writes into its PDF (creation date), in seconds since 1970: SOURCE_DATE_EPOCH when set,
    else the leaflet's own publication date (00:00 UTC): the same inputs give the same file, and the date means
    something, instead of the writer's 2000-01-01."""
    raw = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if raw and not source_date(environ)[1]:
        return int(raw)
    return int(datetime(published.year, published.month, published.day, tzinfo=UTC).timestamp())


def today(environ: Mapping[str, str]) -> date:
    """SOURCE_DATE_EPOCH's UTC date when set (reproducible builds read no clock), else the system's date."""
    fixed, problem = source_date(environ)
    if problem:
        raise ValueError(problem)
    return fixed if fixed is not None else date.today()


def check_dates(doc: Document, today: date, allow_expired: bool = False) -> list[Diagnostic]:
    """A review date passed (error, or warning when allowed) or near, and a publication date still to come."""
    diags: list[Diagnostic] = []
    review, when = doc.review.isoformat(), f"(today is {today.isoformat()})"
    if doc.review < today:
        late = (today - doc.review).days
        message = (
            f"the leaflet's review date {review} has passed {when}: "
            f"it is {late} day{'s' if late != 1 else ''} out of date and should not be handed to patients"
        )
        if allow_expired:
            diags.append(warning(doc.where("document.review"), message + "; built anyway (--allow-expired)"))
        else:
            diags.append(
                error(
                    doc.where("document.review"),
                    message,
                    "have the leaflet reviewed, then set a new review date (and version); or pass --allow-expired "
                    "to build it anyway",
                )
            )
    elif doc.review <= months_after(today, limits.REVIEW_WARN_MONTHS):
        left = (doc.review - today).days
        away = "is today" if left == 0 else f"is {left} day{'s' if left != 1 else ''} away {when}"
        diags.append(
            warning(
                doc.where("document.review"),
                f"the leaflet's review date {review} {away}",
                "plan its review now: once the date has passed, brochure refuses to build it",
            )
        )
    if doc.published > today:
        diags.append(
            warning(
                doc.where("document.published"),
                f"the leaflet's publication date {doc.published.isoformat()} is after today {when}",
                "check document.published (SOURCE_DATE_EPOCH, when set, gives today's date)",
            )
        )
    return diags


def months_after(day: date, months: int) -> date:
    """The same day `months` calendar months later (31 August + 3 months = 30 November)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    if year > date.max.year:
        return date.max
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
