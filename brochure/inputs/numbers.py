"""A source text + its translation -> Diagnostics where the numbers differ: each number, its sign, a range's order,
a per cent sign, the unit of time it counts, a telephone number by the number it dials (translation.py pairs the
texts)."""

from __future__ import annotations

import heapq
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from functools import lru_cache
from itertools import pairwise

from brochure.diagnostics import Diagnostic, Location, error, shorten, warning
from brochure.inputs.chars import CJK_LETTER, DIGIT_SPACES, SPELLED_DIGITS
from brochure.inputs.inline import plain
from brochure.inputs.ordinals import in_digits, spelled
from brochure.inputs.phones import dialled, phone_spans
from brochure.inputs.units import unit_after
from brochure.vocabulary import AMBULANCE

# A number as written: three digits spaced to be read out one by one ('9 9 9', as an emergency number may be
# written), digits grouped by thousands with a space ('1 000', as French and Polish write them), or digits with
# points, commas and colons between them ('1,000', '2,5', '13:30'); with the dash before it, which `read_numbers`
# keeps as its minus sign where it is one ('-20 °C', '−20', '–20'), not where it joins a range ('1-3', '10 %-20 %').
_DASHES = "-\u2212\u2012\u2013"  # a hyphen, the minus sign, a figure dash, an en dash (as Polish sets a minus)
_SIGN = r"(?:[-\u2212\u2012\u2013](?=\d))?"
_SPACE = f"[{DIGIT_SPACES}]"
_ONE_BY_ONE = (
    rf"(?<!\d)(?<!\d{_SPACE})\d(?:{_SPACE}\d){{2}}(?!{_SPACE}?\d)"
    r"|(?<![\w\-])\d-\d-\d(?![\w\-])"  # (or hyphenated, as Canada writes its emergency number: 9-1-1)
)
_MARKS_IN = ".,:\u066b\u066c"  # what joins a number's digits: points, commas, a time's colon; Arabic's and Persian's
# decimal and thousands separators ('۰٫۵' is 0.5, '۱٬۰۰۰' 1,000)
_CLOCK = rf"(?<!\d)(?:[01]?\d|2[0-3]){_SPACE}?h{_SPACE}?[0-5]\d(?!\d)"  # a time as French writes it: 14 h 30 = 14:30
_HOURS_MARK = re.compile(rf"{_SPACE}?h{_SPACE}?")
NUMBER = re.compile(
    _SIGN + rf"(?:{_CLOCK}|{_ONE_BY_ONE}|\d{{1,3}}(?:{_SPACE}\d{{3}})+(?!\d|[{_MARKS_IN}]\d)|\d+(?:[{_MARKS_IN}]\d+)*)"
)
_UNSPACED = re.compile(_SIGN + rf"(?:{_CLOCK}|{_ONE_BY_ONE}|\d+(?:[{_MARKS_IN}]\d+)*)")  # ('2 500 mg': 2 tablets of
# 500 mg?)
_GROUPED = re.compile(rf"(\d{{1,3}})((?:([{DIGIT_SPACES}'’.,\u066c])\d{{3}})(?:\3\d{{3}})*)([.,\u066b]\d+)?")


_HYPHENED = re.compile(r"\d-\d-\d")  # three digits hyphenated to be read out one by one: 9-1-1 = 911
_DIGIT = re.compile(r"\d")  # (any script's: what NUMBER, a telephone number and an ordinal in digits start with)
Pin = Callable[[str, int], Location]  # a number as the translation's text writes it, and which of its copies
# there (0: the first) -> where that copy is typed


def place(at: Location) -> str:
    """Where a text is, as a message names it: file:line:col."""
    return f"{at.file}:{at.line}:{at.column}"


def read_numbers(pattern: re.Pattern[str], text: str) -> list[str]:
    """The numbers of the text as `pattern` reads them, each with the dash before it where that is its minus sign:
    where the dash begins a word (the text's start, a space or an opening bracket before it) that follows no
    number ('1 -3' and '10 % -20 %' are ranges, as '10%-20%' and '30°-45°' are). A telephone number is one number,
    whole as written, whatever its groups ('087 123 45 67' is not 087, 123, 45 and 67)."""
    spans = phone_spans(text)
    phones = [(start, text[start:end]) for start, end in spans]
    ends = [0, *(i for span in spans for i in span), len(text)]  # (blanked, so that no group of a telephone number
    text = "".join(  # is read as a number of its own; in one pass: linear in the text's telephone numbers)
        text[a:b] if k % 2 == 0 else " " * (b - a) for k, (a, b) in enumerate(pairwise(ends))
    )
    others = []
    for m in pattern.finditer(text):
        number = m.group()
        if number[0] in _DASHES and not _signed(text, m.start()):
            number = number[1:]
        others.append((m.start(), number))
    return [number for _, number in heapq.merge(phones, others)]  # (in the text's order, where `_beyond` reads them)


def _signed(text: str, at: int) -> bool:
    before = text[max(0, at - 32) : at].rstrip(_MARKS)  # (what is just before it: linear in a text's numbers)
    if _PREFIXED.search(before):  # (a Hebrew prefix joined to the number by a hyphen or maqaf: ב־-20, ב-−20)
        return True
    if before and not (before[-1].isspace() or before[-1] in "([{\"'\u201c\u2018\u00ab"):
        return False
    rest = before.rstrip().rstrip(_MARKS)
    return not rest or not (rest[-1].isdecimal() or rest[-1] in "%\u2030\u00b0")


_MARKS = "\u061c\u200e\u200f\u2066\u2067\u2068\u2069"  # (direction marks and isolates: invisible)
_PREFIXED = re.compile("(?<![\u05d0-\u05ea])[\u05d0-\u05ea]{1,3}[-\u05be][\u061c\u200e\u200f\u2066-\u2069]*$")


@lru_cache(maxsize=4096)
def western(number: str) -> str:
    """A number as compared: its digits as 0-9 whatever their script (Arabic-Indic '٣٠' is 30), thousands ungrouped
    (1,000 = 1.000 = 1 000 = 1000), '.' for a decimal comma (2,5 = 2.5) and for the colon of a time (13:30 = 13.30,
    as several languages write it); three digits spaced or hyphenated one by one as one number (9 9 9 = 9-9-9 =
    999); a minus sign as '-' (whichever dash it is written with)."""
    if phone_spans(number) == [(0, len(number))]:  # (a telephone number, by the number it dials: its groups, or
        return dialled(number)  # its international form, as the other language writes it)
    sign = "-" if number[:1] in _DASHES else ""
    number = _HOURS_MARK.sub(":", number.lstrip(_DASHES))  # (14 h 30 = 14:30)
    if SPELLED_DIGITS.fullmatch(number) or _HYPHENED.fullmatch(number):
        number = number[::2]
    digits = "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in number)
    grouped = _GROUPED.fullmatch(digits)
    if grouped is not None and (grouped.group(4) is None or grouped.group(4)[0] != grouped.group(3)):
        digits = grouped.group(1) + re.sub(r"\D", "", grouped.group(2)) + (grouped.group(4) or "")
    return sign + digits.replace("\u066c", "").replace("\u066b", ".").replace(",", ".").replace(":", ".")


def check_numbers(
    was: str, text: str, at: Location, src_at: Location, changes: dict[str, str], pin: Pin | None = None
) -> list[Diagnostic]:
    """Every number of the source's text in the translation's (a '3 to 7 days' that became '3 to 5' is wrong),
    but those the translation changes on purpose (document.translation.numbers: an emergency number). `pin`: where
    a number of the translation's text is typed (the finding is said there: the 5 of '3 to 5'), else at `at`."""
    pin = pin or (lambda _, __: at)
    source, ours_plain = plain(was), plain(text)
    if not _DIGIT.search(source) and not _DIGIT.search(ours_plain):  # (no number in either: most of a leaflet's
        return []  # texts; a number spelled in one is counted only against digits in the other, `_ordinals`)
    patterns = (NUMBER, _UNSPACED)  # (digits grouped by a space are one number or two: the reading that pairs the
    # two texts best is taken, each text read once each way)
    read_was = [read_numbers(p, source) for p in patterns]
    read_ours = [read_numbers(p, ours_plain) for p in patterns]
    raw, theirs = min(
        ((a, b) for a in read_was for b in read_ours),
        key=lambda pair: _mismatch(pair[0], pair[1], changes),
    )
    written = [western(n) for n in raw]
    shown = dict(zip(written, raw, strict=True))  # (each as the source writes it)
    as_written = dict(zip((western(n) for n in theirs), theirs, strict=True))  # (and as the translation does)
    expected, ours = _ordinals(source, ours_plain, *_counts(raw, theirs, changes))
    lost = expected - ours
    if not lost:
        added = ours - expected - Counter(changes.values())
        if not added:
            return []
        kept = sorted(n for n in added if n in changes)  # (a number the translation says it changes, still given)
        if kept:
            said = "; ".join(
                f"{as_written[n]}: changed to {changes[n]}" if changes[n] else f"{as_written[n]}: dropped" for n in kept
            )
            return [
                warning(
                    pin(as_written[kept[0]], 0),
                    f"the translation still gives {', '.join(as_written[n] for n in kept)}, which its "
                    f"document.translation.numbers changes ({said})",
                    "change the number in this text as document.translation.numbers says, or take it out of "
                    "numbers: there",
                )
            ]
        first = _pointed(theirs, ours, added, as_written)
        again = sorted(as_written[n] for n in added if expected[n])  # (given in the source too, here more times)
        new = sorted(as_written[n] for n in added if not expected[n])
        return [
            warning(
                pin(*first),
                "the translation gives " + _added(again, new, f"('{shorten(source, 50)}', {place(src_at)})"),
                "a number in a patient leaflet is the clinician's to give: add it to the source first (or leave "
                "it out here)",
            )
        ]
    was_written = {changes.get(n, n): n for n in written}
    named = [
        shown.get(n, n) if was_written[n] == n else f"{shown[was_written[n]]} (as {n}, document.translation.numbers)"
        for n in lost
    ]
    extra = ours - expected
    instead_at = _pointed(theirs, ours, extra, as_written) if extra else None  # (the first given instead)
    instead = f"; it has {', '.join(sorted(as_written[n] for n in extra))} instead" if extra else ""
    hint = "keep every number, dose, duration and percentage as the source has it, in digits"
    swapped = [(n, m) for n in lost if n in AMBULANCE and was_written[n] == n for m in extra if m in AMBULANCE]  # (not
    # one numbers: changes already: en-US's 911 for 999, given as 999 again, was told to map 911 to 999)
    mapped = [n for n in lost if was_written[n] != n]
    if mapped:  # (a number numbers: changes, given as the source wrote it: 999 in the US edition)
        hint = (
            f"write {mapped[0]} here, as document.translation.numbers changes {shown[was_written[mapped[0]]]} to it"
            " (or take the change out of numbers:)"
        )
    if swapped:  # (another country's emergency number, 999 -> 112: an adaptation, which names what it changes)
        hint += f"; if this edition is for a country that calls {swapped[0][1]}, name the change in "
        hint += f'document.translation.numbers: {{"{swapped[0][0]}": "{swapped[0][1]}"}}'
    return [
        error(
            pin(*instead_at) if instead_at is not None else at,
            f"the source's {', '.join(sorted(named))} (in '{shorten(source, 50)}', {place(src_at)}) "
            f"is not in the translation{instead}",
            hint,
        )
    ]


_PERCENT = re.compile("[%\u2030\u066a\uff05\ufe6a]")  # a per cent or per mille sign (Arabic's, a wide one)
# What joins two numbers of a range: a dash, or one short word ('-', ' - ', ' to ', ' a ', ' do ', ' đến ', ' إلى '),
# a percent or degree sign before it ('10 %-20 %'); a wave dash too (Japanese '3～7日')
_RANGE = re.compile(r"\s*[%\u2030\u066a\u00b0\uff05]?\s*(?:[-\u2010-\u2015\u2212~\u301c\uff5e]|[^\W\d_]{1,5})\s*")
# Chinese, Japanese and Korean letters between two numbers join a range only as these words ('3至7天', '3から7日',
# '3에서 7일'): any others are a sentence's ('7天内3次': within 7 days, 3 times; '7일간 3회')
_CJK_RANGE_WORDS = ("至", "到", "から", "より", "에서", "내지")  # (after a unit, too: '7天至3天')
_SIGNS = " \u3000%\u2030\u066a\u00b0\uff05"  # (spaces, and a percent or degree sign before the word: '20%至10%')


def check_percent_and_ranges(
    was: str, text: str, at: Location, src_at: Location, changes: dict[str, str], pin: Pin | None = None
) -> list[Diagnostic]:
    """Of a translation that keeps every number: a percent sign where the source's text has none, or none where it
    has one ('SPF 30 or more' as 'SPF 30% o más'), and a range the other way round ('3 to 7 days' as 'De 7 a 3
    días': its numbers descending where the source's ascend). Warnings: a language may spell 'per cent', or join
    two numbers by a word in another order ('999 or 111'); said at the number (`pin`, as check_numbers)."""
    pin = pin or (lambda _, __: at)
    src, ours = plain(was), plain(text)
    out: list[Diagnostic] = []
    added = _PERCENT.search(ours) is not None
    if (_PERCENT.search(src) is not None) != added:  # (not how many: '10 %-20 %' is '10-20 %')
        percent = next((m for m in _UNSPACED.finditer(ours) if _PERCENT_AFTER.match(ours, m.end())), None)
        out.append(
            warning(
                pin(*_copy(ours, percent)) if added and percent else at,
                f"the translation {'has a percentage' if added else 'has no percentage'} where the source's text "
                f"('{shorten(src, 50)}', {place(src_at)}) {'has none' if added else 'has one'}",
                "a percentage is a percentage in every language, a plain number a plain number: keep each as the "
                "source writes it",
            )
        )
    theirs = _adjacent(src, changes)
    for first, a, b in _ranges(ours):  # (the first range turned round, in the text's order: the source's ascends)
        if _numeric(a, b) and float(a) > float(b) and (b, a) in theirs and (a, b) not in theirs:
            out.append(
                warning(
                    pin(*_copy(ours, first)),
                    f"the translation gives {a} before {b}, where the source's text ('{shorten(src, 50)}', "
                    f"{place(src_at)}) gives {b} to {a}: a range the other way round?",
                    "keep a range's numbers in the source's order, lowest first",
                )
            )
            break
    return out


def check_units(
    was: str, text: str, at: Location, src_at: Location, changes: dict[str, str], pin: Pin | None = None
) -> list[Diagnostic]:
    """Of a translation that keeps every number: a number that counts another unit than the source's ('45 minutes'
    as '45 horas', '2.5 mg' as '2,5 g', '12 months' as '12 semanas'; inputs/units.py reads the word after it). An
    error, as a changed number is (it was a warning: a patient would wait 45 hours, or weeks for months), once per
    text, at the number (`pin`, as check_numbers); a warning where `numbers:` gives the number (an adaptation's
    '12 months' as '1 year', 12 given as 1)."""
    theirs, ours = _counted(plain(was), changes), _counted(plain(text), {})
    for n, units in ours.items():
        was_units = theirs.get(n, set())
        if was_units and units - was_units and was_units - units:
            printed = plain(text)
            counted = next(
                (m for m in _UNSPACED.finditer(printed) if _counts_in(printed, m, n, units - was_units)), None
            )
            said = warning if n in changes.values() else error
            return [
                said(
                    pin(*_copy(printed, counted)) if pin and counted else at,
                    f"the translation counts {n} in {' or '.join(sorted(units - was_units))} where the source's "
                    f"text ('{shorten(plain(was), 50)}', {place(src_at)}) counts it in "
                    f"{' or '.join(sorted(was_units - units))}",
                    "keep each number's unit as the source has it: minutes are minutes, and milligrams milligrams,"
                    " in every language",
                )
            ]
    return []


_PERCENT_AFTER = re.compile(f"[{DIGIT_SPACES}]?{_PERCENT.pattern}")


def _added(again: list[str], new: list[str], source: str) -> str:
    """What a translation adds, said: the numbers the source's text gives fewer times (`again`), and those it never
    gives (`new`), each as the translation writes it; `source` names the source's text."""
    more = f"{', '.join(again)} more often than the source's text {source} does" if again else ""
    if not new:
        return more
    return (
        f"{more}, and {', '.join(new)}, which it does not"
        if more
        else f"{', '.join(new)}, which the source's text {source} does not"
    )


def _pointed(theirs: list[str], ours: Counter[str], added: Counter[str], as_written: dict[str, str]) -> tuple[str, int]:
    """`_beyond`: the copy a finding is said at; `as_written` (each number as compared -> as the translation writes
    it) then names that number as written there, so that the message says the copy it points at ('10.30', not the
    '10,30' after it)."""
    first = _beyond(theirs, ours, added)
    as_written[western(first[0])] = first[0]
    return first


def _beyond(theirs: list[str], ours: Counter[str], added: Counter[str]) -> tuple[str, int]:
    """The first number the translation gives (`theirs`, as written, in the text's order) beyond the copies the
    source's text accounts for (the first `ours` less `added` copies of each, as compared), as written, and which
    copy of it so written it is (0: the first): '2 días, 2 veces' for 'Wait 2 days' is the second 2."""
    seen: Counter[str] = Counter()  # (copies so far, as compared)
    alike: Counter[str] = Counter()  # (and as written)
    for n in theirs:
        w = western(n)
        if w in added and seen[w] >= ours[w] - added[w]:
            return n, alike[n]
        seen[w] += 1
        alike[n] += 1
    return theirs[0], 0  # pragma: no cover - (an added number is one the translation gives)


def _copy(text: str, found: re.Match[str]) -> tuple[str, int]:
    """A number `_UNSPACED` found in the text, as written (without a dash before it), and which copy of it so
    written it is (0: the first): where `pin` says it ('7 días. De 7 a 3': the range's 7 is the second)."""
    written = found.group().lstrip(_DASHES)
    return written, sum(m.group().lstrip(_DASHES) == written for m in _UNSPACED.finditer(text, 0, found.start()))


def _counts_in(text: str, found: re.Match[str], number: str, units: set[str]) -> bool:
    """Whether the number found in the text is `number` (as compared) counting one of `units` (`_counted`)."""
    return western(found.group().lstrip(_DASHES)) == number and unit_after(text, found.end()) in units


def _counted(text: str, changes: dict[str, str]) -> dict[str, set[str]]:
    """Each number of the text (as compared, `_western`) and the units it counts there."""
    out: dict[str, set[str]] = {}
    for m in _UNSPACED.finditer(text):
        unit = unit_after(text, m.end())
        if unit is not None:
            n = western(m.group().lstrip(_DASHES))
            out.setdefault(changes.get(n, n), set()).add(unit)
    return out


def _adjacent(text: str, changes: dict[str, str]) -> set[tuple[str, str]]:
    """Pairs of numbers (as compared, `_western`) with only a dash or one short word between them, as the two ends
    of a range are written ('3-7', '3 – 7', '3 to 7', 'de 3 a 7')."""
    pairs = {(changes.get(a, a), changes.get(b, b)) for _, a, b in _ranges(text)}
    return {(a, b) for a, b in pairs if _numeric(a, b)}


def _ranges(text: str) -> list[tuple[re.Match[str], str, str]]:
    """Each two numbers of the text written as a range's ends (`_adjacent`), in order: the first as found, and both
    as compared."""
    out = []
    for m, n in pairwise(_UNSPACED.finditer(text)):  # (each from its digits: a range's dash is no minus sign of its
        between = text[m.end() : n.end() - len(n.group().lstrip(_DASHES))]  # second number here)
        if _RANGE.fullmatch(between) and (not CJK_LETTER.search(between) or _cjk_range(between)):
            out.append((m, western(m.group().lstrip(_DASHES)), western(n.group().lstrip(_DASHES))))
    return out


def _numeric(*numbers: str) -> bool:
    """Whether each number (as compared) reads as a float ('3', '2.5'; not a clock's '9.30.15')."""
    return all(_FLOAT.fullmatch(n) for n in numbers)


def _cjk_range(between: str) -> bool:
    """Whether Chinese, Japanese or Korean letters between two numbers join them as a range: a range's word, alone or
    after the first number's unit of time ('7至3天', '7天至3天')."""
    word = between.strip(_SIGNS)
    for w in _CJK_RANGE_WORDS:
        if word == w or (word.endswith(w) and unit_after(word[: -len(w)], 0) is not None and len(word) - len(w) <= 3):
            return True
    return False


_FLOAT = re.compile(r"\d+(?:\.\d+)?")


def _counts(raw: list[str], theirs: list[str], changes: dict[str, str]) -> tuple[Counter[str], Counter[str]]:
    """The numbers the translation should give (the source's, as document.translation.numbers changes them) and
    those it gives, as compared (`_western`)."""
    expected = Counter(changes.get(n, n) for n in (western(n) for n in raw))
    del expected[""]  # (dropped on purpose)
    return expected, Counter(western(n) for n in theirs)


def _ordinals(was: str, text: str, expected: Counter[str], ours: Counter[str]) -> tuple[Counter[str], Counter[str]]:
    """The numbers expected and given (`_counts`), with an ordinal one text writes in digits that the other spells
    ('your first session' as 'votre 1re séance', '1st' as 'primera') counted in both: the same number, written as
    each language writes it (ordinals.py). A spelled ordinal stands for a number the translation lacks only where it
    gives no other number in its place ('the 2nd day' as 'el día 3 ... 30 segundos' lacks the 2, whatever a word
    that looks like 'second' says)."""
    instead = bool(ours - expected)  # (the translation gives a number the source's text does not)
    expected, ours = expected.copy(), ours.copy()
    for n, times in in_digits(text).items():  # (written in digits here, spelled in the source's text)
        expected[n] += min(times, spelled(was)[n], max(0, ours[n] - expected[n]))
    for n, times in in_digits(was).items() if not instead else ():  # (in digits in the source's text, spelled here)
        ours[n] += min(times, spelled(text)[n], max(0, expected[n] - ours[n]))
    return expected, ours


def _mismatch(raw: list[str], theirs: list[str], changes: dict[str, str]) -> tuple[int, int]:
    """How many of the source's numbers the translation lacks, and how many it adds, in one reading of each."""
    expected, ours = _counts(raw, theirs, changes)
    return sum((expected - ours).values()), sum((ours - expected - Counter(changes.values())).values())
