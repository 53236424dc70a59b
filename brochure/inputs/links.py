"""A link target or contact value -> '' when it is safe to print and link, or the reason it is not."""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

import phonenumbers
from phonenumbers import PhoneNumberFormat

from brochure.frozen import frozen

SCHEMES = ("https", "http", "mailto", "tel")
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_HOST = re.compile(rf"^(?:{_LABEL}\.)+(?:[A-Za-z]{{2,63}}|xn--[A-Za-z0-9-]{{1,59}})$")
_LOCAL = re.compile(r"^[A-Za-z0-9!#$&*+/=?^_~-]+(?:\.[A-Za-z0-9!#$&*+/=?^_~-]+)*$")  # (no '%': a mail link
# reads it as the start of an escape, and mails another address)
_PHONE_CHARS = re.compile(r"^\+?\(?[0-9][0-9 ()\-.]*$")
_UNSAFE = set("\"'<>`\\{}|^")
_BROKEN_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")
_REFUSED = re.compile(r"[\s\x00-\x1f\x7f-\x9f" + re.escape("".join(sorted(_UNSAFE))) + "]")  # link_problem refuses


def host_problem(host: str) -> str:
    """'' for a domain name such as clinic.co.uk (letters, digits, hyphens, at least one dot)."""
    if len(host) > 253 or not _HOST.match(host):
        return f"'{host}' is not a domain name such as example.com"
    return ""


def email_problem(address: str) -> str:
    """'' for an address such as hello@clinic.co.uk."""
    local, at, host = address.rpartition("@")
    if not at or not local or len(local) > 64 or not _LOCAL.match(local):
        return "is not an e-mail address such as hello@example.com"
    problem = host_problem(host)
    return f"has a bad domain: {problem}" if problem else ""


def phone_digits(phone: str) -> str:
    """The digits of a phone number (and a leading +), as a tel: link wants them."""
    return ("+" if phone.strip().startswith("+") else "") + re.sub(r"[^0-9]", "", phone)


_WIDE_SPACES = str.maketrans(dict.fromkeys("\u00a0\u2007\u2009\u202f", " "))  # no-break, figure, thin and narrow
# no-break spaces: a number copied from a web page or a word processor has them; each is a space here


# An extension written after the number: 'ext. 2', 'extension 12', 'x 2', '#2' (a tel: link, and the QR code's
# contact card, dial the number: the extension is said to the switchboard or keyed in after it answers)
_EXTENSION = re.compile(r"[\s,;]*(?:ext(?:ension)?\b\.?|x|#)\s*\d{1,6}\s*$", re.IGNORECASE)


def phone_extension(phone: str) -> str:
    """The extension written after a phone number, as written ('ext. 2'); '' when there is none. (No-break and
    other wide spaces read as spaces, as phone_problem reads them.)"""
    phone = phone.translate(_WIDE_SPACES)
    found = _EXTENSION.search(phone)
    return found.group().strip(" ,;") if found and _PHONE_CHARS.match(phone[: found.start()].strip()) else ""


def phone_problem(phone: str) -> str:
    """'' for a number written with digits, spaces (no-break ones too), brackets, dots, hyphens and an optional
    leading +."""
    phone = phone.translate(_WIDE_SPACES)
    if phone_extension(phone):
        return f"has an extension ('{phone_extension(phone)}'), which the leaflet's phone link cannot dial"
    if not _PHONE_CHARS.match(phone.strip()):
        return "is not a phone number: use digits, spaces, brackets, hyphens and an optional leading +"
    digits = len(phone_digits(phone).lstrip("+"))
    if not 3 <= digits <= 15:
        return f"has {digits} digits; a phone number has 3 to 15"
    return ""


@frozen
class Phone:
    """A phone number with its country: as a tel: link (RFC 3966, +country...) and as printed for the clinic's
    own country (its local style, e.g. '0117 496 0321', '(802) 555-0148'; another country's in full)."""

    link: str
    printed: str
    region: str  # the number's country (ISO 3166 code)


def phone_number(text: str, country: str | None) -> tuple[Phone | None, str]:
    """The number, read with the clinic's country when it has no +country code; or why it cannot be dialled."""
    problem = phone_problem(text)
    if problem:
        return None, problem
    text = text.translate(_WIDE_SPACES)
    try:
        number = phonenumbers.parse(text, country)
    except phonenumbers.NumberParseException:
        if not text.strip().startswith("+") and country is None:
            return None, "has no country code, so phones abroad (and tel: links) cannot dial it"
        return None, "cannot be read as a phone number"
    region = phonenumbers.region_code_for_number(number) or ""
    if not phonenumbers.is_valid_number(number):
        return None, f"is not a valid phone number {_where(text, number, country, region)}"
    style = PhoneNumberFormat.NATIONAL if region == (country or region) else PhoneNumberFormat.INTERNATIONAL
    link = "tel:" + phonenumbers.format_number(number, PhoneNumberFormat.E164)
    printed = phonenumbers.format_number(number, style).replace(" ", "\u00a0")  # never broken across lines
    return Phone(link, printed, region), ""


def _where(text: str, number: phonenumbers.PhoneNumber, country: str | None, region: str) -> str:
    """Where a number that is none was read for, as its message says it: in the country its own +code names (+44,
    the UK's, for a clinic in Ireland; +800, no country's: anywhere), else in the clinic's (+1 for a clinic in
    Canada: Canada's, not the United States' the code is listed under)."""
    calling = number.country_code
    ours = country is not None and phonenumbers.country_code_for_region(country) == calling
    if text.strip().startswith("+") and calling and not ours:
        code = phonenumbers.region_code_for_country_code(calling)
        return f"in {code} (+{calling})" if code not in ("ZZ", "001") else f"anywhere (+{calling})"
    return f"in {region or country}" if region or country else "anywhere"


def web_problem(url: str) -> str:
    """'' for an https: or http: address that can be printed and linked safely (a website, a booking page)."""
    if not url.lower().startswith(("https://", "http://")):
        return "does not start with https:// (or http://)"
    return link_problem(url)


def link_problem(url: str) -> str:
    """'' when url is an https:, http:, mailto: or tel: address that can be printed and linked safely."""
    if not url:
        return "is empty"
    bad: list[str] = []
    if _REFUSED.search(url) is not None:  # (most addresses have none: their characters are then not looked at)
        bad = sorted({c for c in url if c.isspace() or c in _UNSAFE or ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F})
    if bad:
        shown = ", ".join("a space" if c == " " else repr(c) for c in bad)
        return f"contains {shown}, which a link may not (percent-encode it, e.g. a space as %20)"
    if not url.isascii():
        at = next(i for i, c in enumerate(url) if not c.isascii())
        mend = (
            "it does not show: remove it"
            if _hidden(url[at])
            else "percent-encode them, and write the domain in its xn-- form"
        )
        return f"has characters outside ASCII, the first {_named(url[at])} after '{url[max(0, at - 12) : at]}' ({mend})"
    scheme, colon, rest = url.partition(":")
    scheme = scheme.lower()
    if not colon or scheme not in SCHEMES:
        return "is not a web, mail or phone address (only https:, http:, mailto: and tel: links are allowed)"
    if scheme == "mailto":
        problem = email_problem(rest.split("?", 1)[0])
        return f"{problem}" if problem else ""
    if scheme == "tel":  # RFC 3966: a global number, '+' and its country code; a local one needs a context
        if not rest.startswith("+"):
            return (
                "is not a global phone number: write it with its country code (tel:+44 and the number without its "
                "first 0, in the UK), or, for a number that has none (an emergency or helpline number, such as 999 "
                "or 116 123), print it in the words without a link"
            )
        return phone_number(rest, None)[1]  # (a number no phone can dial, tel:+44999, is refused as the kit's is)
    if not rest.startswith("//"):
        return f"needs '//' after '{scheme}:' (e.g. https://example.com)"
    if _BROKEN_ESCAPE.search(url):
        return "has a '%' that is not followed by two hex digits (a percent sign itself is written %25)"
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        return f"is not a valid web address ({exc})"
    if "@" in parts.netloc:
        return "has a user name before the domain ('@'), which hides where the link goes"
    if port is not None and not 1 <= port <= 65535:
        return "has an impossible port number"
    problem = host_problem(parts.hostname or "")
    return f"has a bad domain: {problem}" if problem else ""


def _named(ch: str) -> str:
    """A character as a message names it: its code and name, and itself where it shows (a soft hyphen, a
    zero-width or no-break space does not: 'clearwater\u00adskin' looks like the address it is not)."""
    import unicodedata

    name = f"U+{ord(ch):04X} {unicodedata.name(ch, 'unnamed character')}"
    return name if _hidden(ch) else f"'{ch}' ({name})"


def _hidden(ch: str) -> bool:
    """Whether a character shows nothing of its own: a format character, a space, a combining mark, a control."""
    import unicodedata

    return unicodedata.category(ch) in ("Cf", "Zs", "Mn", "Cc")


def opened(url: str) -> str:
    """The email address a `mailto:` link writes to, or the number a `tel:` link calls, as written (its query, a
    subject, left out; percent-escapes read); '' for a link of another scheme."""
    scheme, _, rest = url.partition(":")
    return unquote(rest.split("?")[0]) if scheme.casefold() in ("mailto", "tel") else ""
