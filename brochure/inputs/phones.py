"""Text -> the telephone numbers written in it, read without a country's rules, and the number each one dials."""

from __future__ import annotations

import re
import unicodedata

import phonenumbers
from phonenumbers import PhoneNumberFormat

from brochure.patterns import Later

# Digits grouped as numbers are written; not ending where a number goes on after a time's colon or a decimal comma
# ('01.12.2026 10:00' is a date and a time, not a number '01.12.2026 10' and a '00'). Only from a run's first digit,
# and at most RUN characters long: a run of thousands of digits was tried from each of them, each try given back a
# character at a time (0.8 s a text, hours for a file of such texts)
RUN = 30
_PHONE_LIKE = re.compile(rf"(?<!\d)\+?\(?\d[\d \u00a0\u2009\u202f().\-/]{{0,{RUN}}}\d(?![:,\u066b\u066c]?\d)")
_PHONE_DIGITS = (7, 15)  # how many digits a telephone number has, at least and at most (E.164)
_GAP = "[-. \u00a0\u2009\u202f]"  # between a number's groups: a dash, a dot, a space (no-break ones too)
# North America's number with the 1 dialled before it at home (1-802-555-0148, 1 (514) 555-0148): +1 802 555 0148
_LONG_DISTANCE = re.compile(rf"1{_GAP}(?:\d{{3}}|\(\d{{3}}\)){_GAP}\d{{3}}{_GAP}\d{{4}}")
_DIALLED = Later(rf"[+(0]|\d{{3}}{_GAP}\d{{3}}{_GAP}\d{{4}}$|{_LONG_DISTANCE.pattern}$")  # as a number to dial
# starts: '+', an area code's bracket, a trunk prefix (0117 ..., 01 ..., Belgium's 02/555 01 23); or North
# America's 802-555-0148 (514 555-0148, its groups parted by no-break spaces too), 1-802-555-0148
_NOT_DIALLED = Later(  # what else is written with digits so grouped: a date, a time's range, a ZIP+4 code, a
    # decimal of many places (0.0000001)
    r"\d+\.\d+|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[.:]\d{2}\s*[-\u2013]\s*\d{1,2}[.:]\d{2}|\d{5}-\d{4}"
)


_AREA_SLASH = re.compile(r"0\d{1,3}/[^/]*")  # the one slash a number is written with: after Belgium's area code


def phone_spans(said: str) -> list[tuple[int, int]]:
    """Where a text writes a telephone number, read without a country's rules ('0117 496 0321' in a kit whose
    country is now the US): 7 to 15 digits grouped by spaces, brackets, dots or dashes, starting as a number to dial
    does; not a date, a time's range or a ZIP+4 code (01.12.2026, 08.00-18.00, 05401-1234), nor a registration
    number (1123456), nor years or dates parted by slashes."""
    low, high = _PHONE_DIGITS
    runs = [(m.start(), _lone_digit_off(m.group())) for m in _PHONE_LIKE.finditer(said)]
    runs = [(start, run) for start, run in runs if low <= sum(ch.isdigit() for ch in run) <= high]
    return [(start, start + len(run)) for start, run in runs if _dialled(run)]


_LONE_DIGIT = re.compile(r"(?<=\d\d)[ \u00a0\u2009\u202f]\d$")  # a last group of one digit after longer ones: no
# number is written so (digits spaced one by one, '0 1 1 7 ...', are read out as one number)


def _lone_digit_off(run: str) -> str:
    """A run of digits without a last group of one digit, a number of its own after a telephone number ('0117 496
    0321 2 veces' is the number and a 2, not a number '0117 496 0321 2'), where what is left has a telephone
    number's digits. Not a number in the international form that its country writes so (Luxembourg's '+352 22 12
    34 5')."""
    found = _LONE_DIGIT.search(run)
    if found is None or sum(ch.isdigit() for ch in run[: found.start()]) < _PHONE_DIGITS[0]:
        return run
    return run if _valid_whole(run) else run[: found.start()]


def _valid_whole(run: str) -> bool:
    """Whether digits written in the international form ('+352 ...', '00352 ...') are a valid number whole."""
    digits = _digits(run)
    if not run.startswith("+") and not digits.startswith("00"):
        return False
    parsed = _international(digits)
    return parsed is not None and phonenumbers.is_valid_number(parsed)


def _digits(number: str) -> str:
    """A number's digits, as 0-9 whatever the script they are written in."""
    return "".join(str(unicodedata.decimal(ch)) for ch in number if ch.isdecimal())


def _international(digits: str) -> phonenumbers.PhoneNumber | None:
    """Digits of a number in the international form (after '+' or '00'), read by its country code; None unread."""
    try:
        return phonenumbers.parse("+" + digits.removeprefix("00"), None)
    except phonenumbers.NumberParseException:
        return None


def _dialled(run: str) -> bool:
    """Whether digits grouped as a number to dial are one: not a date, a time's range, a ZIP+4 code, nor years or
    dates parted by slashes ('(2018/2019)', '01/12/26-05/12/26': a slash is only Belgium's area code's, 02/555 0123);
    in whatever digits ('٠١١٧ ٤٩٦ ٠٣٢١', as Arabic writes 0117 496 0321)."""
    run = "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in run)
    if "/" in run and not _AREA_SLASH.fullmatch(run):
        return False
    return _DIALLED.match(run) is not None and not _NOT_DIALLED.fullmatch(run)


def phone_like(said: str) -> list[str]:
    """The telephone numbers a text writes (`phone_spans`), each as written."""
    return [said[start:end] for start, end in phone_spans(said)]


def dialled(number: str) -> str:
    """A telephone number as compared, whatever its groups and its form: its digits (0-9) as its country writes it
    at home, the international form's country code read ('+353 87 123 4567', '00353 87 123 4567' and
    '087 123 45 67' are each '0871234567'; '+48 22 123 45 67' is '221234567': Poland dials no trunk prefix)."""
    digits = _digits(number)
    if _LONG_DISTANCE.fullmatch(number):  # (1-802-555-0148 dials +1 802 555 0148: '8025550148')
        return digits[1:]
    parsed = _international(digits) if number.startswith(("+", "00")) else None
    if parsed is None:
        return digits
    return "".join(ch for ch in phonenumbers.format_number(parsed, PhoneNumberFormat.NATIONAL) if ch.isdigit())
