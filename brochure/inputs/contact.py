"""The contact block of brand.yaml, the clinic's country and its press's printing condition -> checked values.

Every contact value must make a safe link; the phone number must be a real number of its country (read with
the clinic's `country:` when written without +country), printed in the country's style and linked as a global
`tel:+...` number.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

import phonenumbers

from brochure import limits
from brochure.diagnostics import closest, shorten
from brochure.frozen import frozen
from brochure.inputs import links
from brochure.inputs.reader import Reader
from brochure.inputs.yamltree import Node
from brochure.patterns import Later, Letters
from brochure.vocabulary import CONDITIONS, Condition

CONTACT_KEYS = ("address", "phone", "email", "website", "booking_url")


@frozen
class Contact:
    address: str
    phone: str  # as written
    email: str
    website: str
    booking_url: str
    phone_link: str = ""  # tel:+441174960321 (RFC 3966: with its country code)
    phone_printed: str = ""  # in the clinic's own country's style: 0117 496 0321, (802) 555-0148
    phone_region: str = ""  # the phone number's country (ISO 3166 code): GB, US


def read_press(r: Reader, node: Node | None) -> tuple[bool, Condition | None]:
    """`press: {condition: gracol}` (optional): the print shop's printing condition; (False, None) when wrong."""
    if node is None:
        return True, None
    m = r.mapping(node, "press", ("condition",))
    if m is None:
        return False, None
    choice = r.choice(m.get("condition"), "press.condition", CONDITIONS)
    return (choice is not None), choice


def read_country(r: Reader, node: Node | None) -> tuple[bool, str | None]:
    """`country: GB` (optional): the clinic's country, as an ISO 3166 code, for phone numbers written without
    their country code; (False, None) when it is not a country."""
    if node is None:
        return True, None
    value = r.text(node, "country", printed=False)
    if value is None:
        return False, None
    problem, hint = country_problem(value)
    if problem:
        r.fail(r.at(node, "country"), problem, hint)
        return False, None
    return True, value.strip().upper()


def country_problem(value: str) -> tuple[str, str]:
    """Why a text is not a country's ISO 3166 code that phone numbers know, with a hint; ('', '') when it is."""
    code = value.strip().upper()
    if code in phonenumbers.SUPPORTED_REGIONS:
        return "", ""
    if code in _iso_codes():  # (AQ, Antarctica: a country, but no numbering plan's; its numbers are +672, Norfolk's)
        return (
            f"'{code}' is a country code, but no phone numbering plan belongs to it, so a phone number cannot be"
            " read as one of its own",
            "give no country, and write the phone number with its country code, e.g. '+44 117 496 0321'",
        )
    near = "GB" if code == "UK" else _two_letters(code) or _named(value)
    near = near or closest(code, sorted(phonenumbers.SUPPORTED_REGIONS)) or ""
    guess = f"did you mean {near}? " if near else ""
    hint = f"{guess}write the two-letter ISO 3166 code, e.g. GB, US, IE, CA"
    return f"'{shorten(value, 20)}' is not a country code", hint


@cache
def _iso_codes() -> frozenset[str]:
    """Every two-letter ISO 3166 code (data/country-codes.json, made by scripts/make_country_codes.py)."""
    import json
    from importlib import resources

    codes: dict[str, str] = json.loads(
        resources.files("brochure").joinpath("data/country-codes.json").read_text(encoding="utf-8")
    )
    return frozenset(codes.values())


def _named(value: str) -> str:
    """The two-letter code of a country written by its name, in English ('United Kingdom', 'south korea', 'Wales':
    data/country-names.json, made by scripts/make_country_codes.py), or ''."""
    import json
    from importlib import resources

    names: dict[str, str] = json.loads(
        resources.files("brochure").joinpath("data/country-names.json").read_text(encoding="utf-8")
    )
    found = names.get(" ".join(value.split()).casefold(), "")
    return found if found in phonenumbers.SUPPORTED_REGIONS else ""


def _two_letters(code: str) -> str:
    """The two-letter code a three-letter ISO 3166 code stands for (GBR -> GB, IRL -> IE), or '' (read only for a
    mistake: data/country-codes.json, made by scripts/make_country_codes.py)."""
    if len(code) != 3:
        return ""
    import json
    from importlib import resources

    codes: dict[str, str] = json.loads(
        resources.files("brochure").joinpath("data/country-codes.json").read_text(encoding="utf-8")
    )
    found = codes.get(code, "")
    return found if found in phonenumbers.SUPPORTED_REGIONS else ""  # (ATA is AQ, which phone numbers do not know)


def contact_problem(key: str, value: str, country: str | None = None) -> tuple[str, str]:
    """Why a contact line (phone, email, website, booking_url) cannot be printed and linked, with a hint; ('', '')
    when it can. The phone number is read with the clinic's country when it has no +country code."""

    def too_long(url: str) -> str:  # a QR code of a longer address has modules too small for a phone
        most = limits.QR_URL_CHARS
        return f"is {len(url):,} characters long; a QR code holds {most} readably" if len(url) > most else ""

    checks: dict[str, tuple[Callable[[str], str], str]] = {
        "phone": (
            lambda v: links.phone_number(v, country)[1],
            "write the number with its country code, e.g. '+44 117 496 0321' or '+1 802 555 0148', or give the "
            "clinic's country at the top of brand.yaml (country: GB), and digits, spaces, brackets or hyphens"
            if country is None
            else f"check its digits (a number in {country} as the clinic's own phone shows it; one abroad with its"
            " country code, e.g. '+44 117 496 0321'), written with digits, spaces, brackets or hyphens",
        ),
        "email": (
            lambda v: links.email_problem(v) or links.link_problem("mailto:" + v),
            "write an address such as hello@example.com",
        ),
        "website": (links.web_problem, "write the whole address, starting with https://"),
        "booking_url": (
            lambda v: links.web_problem(v) or too_long(v),
            "write the whole address, starting with https:// (a short one makes a QR code phones read easily)",
        ),
    }
    if key not in checks:
        return "", ""
    problem, hint = checks[key]
    why = problem(value)
    if not why:
        return "", ""
    web = key in ("website", "booking_url") and "://" not in value
    if web and not checks[key][0]("https://" + value.strip()):  # (rosehillskin.co.uk, www.example.com/book)
        hint = f"did you mean 'https://{value.strip()}'? {hint}"
    extension = links.phone_extension(value) if key == "phone" else ""
    if extension:  # (the contact lines have no place for one: the leaflet's words do)
        hint = (
            f"give the number without '{extension}' here, and the extension in the leaflet's words where they say "
            f"to call (content.yaml: 'call us and ask for extension {''.join(filter(str.isdigit, extension))}')"
        )
    return f"'{shorten(value, 60)}' is not a valid {key.replace('_', ' ')}: it {why}", hint


_LINES = re.compile(r"\r\n?|\n")


_LATIN_LETTER = Later("[A-Za-z\u00c0-\u024f]")
_ARABIC_LETTER = Letters("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]", "\u0600")


def one_line_address(address: str) -> str:
    """An address written on several lines (a YAML block, `|`), on the one line it prints on: each line break a
    comma and a space ('14 Harbour Street\nBristol' -> '14 Harbour Street, Bristol'; a line that ends in a comma
    or semicolon keeps its own; in Arabic letters the Arabic comma, '،'), blank lines dropped; one line as written."""
    lines = [line.strip() for line in _LINES.split(address)]
    lines = [line for line in lines if line]
    if len(lines) < 2:
        return address
    arabic = len(_ARABIC_LETTER.findall(address)) > len(_LATIN_LETTER.findall(address))  # (most of its letters:
    # a Latin address with the clinic's name in Arabic keeps its commas)
    comma = "\u060c " if arabic else ", "
    joined = lines[0]
    for line in lines[1:]:
        joined += (" " if joined[-1] in ",;\u060c\u061b" else comma) + line
    return joined


def read_contact(r: Reader, node: Node | None, country: str | None = None) -> Contact | None:
    """The contact lines: phone, e-mail and web addresses must each make a safe link; the address is text.
    The phone number is read with the clinic's country when it has no +country code of its own."""
    if node is None:
        return None
    keys = CONTACT_KEYS
    m = r.mapping(node, "contact", keys)
    if m is None:
        return None
    vals = {k: r.text(m.get(k), f"contact.{k}", literal=True) for k in keys}  # (printed as written)
    for key in ("phone", "email", "website", "booking_url"):
        v = vals[key]
        why, hint = contact_problem(key, v, country) if v is not None else ("", "")
        if v is not None and why:
            r.fail(r.at(m[key], f"contact.{key}"), why, hint)
            vals[key] = None
    if any(v is None for v in vals.values()):
        return None
    vals["address"] = one_line_address(str(vals["address"]))
    phone, _ = links.phone_number(str(vals["phone"]), country)
    assert phone is not None  # checked above
    return Contact(
        **{k: str(v) for k, v in vals.items()},
        phone_link=phone.link,
        phone_printed=phone.printed,
        phone_region=phone.region,
    )
