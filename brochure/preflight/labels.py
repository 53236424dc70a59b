"""Content and brand -> warnings for links whose words are an address, number or email other than where they go, or
say nothing of where they go.

`[clearwaterskin.co.uk/book](https://other.example/book)` prints one address and opens another: a patient who types
the printed words, or calls the printed number, reaches another place than one who taps the link in the PDF. Words
that are not themselves an address (`[book online](https://...)`) are not compared. `[click here](https://...)`
says nothing of where it goes (WCAG 2.4.4): a screen reader's list of links reads its words alone, and on paper
there is nothing to click.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from urllib.parse import unquote, urlsplit

import phonenumbers

from brochure.diagnostics import Diagnostic, Location, warning
from brochure.inputs.brand import Brand
from brochure.inputs.content import Content
from brochure.inputs.inline import parse
from brochure.inputs.links import opened
from brochure.patterns import Later

_WEB = Later(r"(?:https?://)?(?:www\.)?((?:[\w-]+\.)+[^\W\d_]{2,})(/[^\s?#]*)?(?:[?#]\S*)?", re.IGNORECASE)
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^\W\d_]{2,}", re.IGNORECASE)
_PHONE = re.compile(r"\+?\d[\d ()\-.\u00a0]{4,}\d")  # (digits of any script: ٠١١٧ ٤٩٦ ٠٣٢١ too)
_TRAILING = ".,;:!?)"  # punctuation a sentence puts after a link's words, inside its brackets
_PLACES = ("http", "https", "mailto", "tel")  # what a link opens, writes to or calls
_AROUND = "¡¿!?.,;:\u060c\u061b\u061f\u06d4 "  # marks a language writes around such words ("¡Pulse aquí!", "هنا،")
NO_PLACE = frozenset(  # a link's whole words that say nothing of where it goes, in the languages of leaflets
    (
        "click here", "click", "here", "this link", "link", "this page", "this", "read more", "more",
        "learn more", "find out more", "more information", "more info",
        "aquí", "haga clic aquí", "pulse aquí", "haz clic aquí", "este enlace", "más información",  # es
        "tutaj", "kliknij tutaj", "kliknij", "ten link", "więcej",  # pl
        "tại đây", "bấm vào đây", "nhấp vào đây", "đây", "xem thêm",  # vi
        "هنا", "اضغط هنا", "انقر هنا",  # ar
        "ici", "cliquez ici", "hier", "klicken sie hier", "qui", "clicca qui",  # fr, de, it
    )
)  # fmt: skip


def check_link_labels(content: Content, brand: Brand) -> list[Diagnostic]:
    """A warning at each text with a link whose words are a web address, email address or phone number that is
    not the one the link opens, writes to or calls."""
    country, _ = brand.clinic_country()
    diags: list[Diagnostic] = []
    for text, at in content.strings:
        if "](" not in text:
            continue
        for label, href in _links(text):
            words = label.strip().rstrip(_TRAILING)
            linked = href.split(":", 1)[0].lower() in _PLACES  # (not words marked as in a language: lang:es)
            if linked and " ".join(words.casefold().strip(_AROUND).split()) in NO_PLACE:
                diags.append(_no_place(at, words, href))
                continue
            kind = _differs(words, href, country or None)
            if kind:
                diags.append(_told(at, label.strip(), href, kind))
    return diags


def _no_place(at: Location, words: str, href: str) -> Diagnostic:
    return warning(
        at,
        f"the link's words '{words}' say nothing of where it goes ({href}): a screen reader's list of links reads"
        " them alone, and on the printed leaflet there is nothing to click",
        "put the link on words that name the place ([the NHS page on acne](https://...)), or print its address",
    )


def _links(text: str) -> Iterator[tuple[str, str]]:
    """Each link's whole words (its bold and plain parts joined) and its address."""
    words: list[str] = []
    href = ""
    for run in (*(r for r in parse(text) if not r.bare), None):  # (an address typed bare links where it reads)
        if run is not None and run.href and run.href == href:
            words.append(run.text)
            continue
        if href:
            yield "".join(words), href
        words, href = ([run.text], run.href) if run is not None and run.href else ([], "")


def _differs(label: str, href: str, country: str | None) -> str:
    """What the words are ('a web address', ...) when they name another place than `href`; '' when they do not, or
    are no address at all."""
    scheme = href.split(":", 1)[0].lower()
    if scheme in ("http", "https") and (m := _WEB.fullmatch(label)):
        parts = urlsplit(href)
        host = _host(parts.hostname or "").removeprefix("www.")
        path = (m.group(2) or "").rstrip("/").lower()
        if _host(m.group(1)).removeprefix("www.") != host or (path and path != unquote(parts.path).rstrip("/").lower()):
            return "a web address"
    elif scheme == "mailto" and _EMAIL.fullmatch(label):
        if _address(label) != _address(opened(href)):
            return "an email address"
    elif scheme == "tel" and _PHONE.fullmatch(label):
        digits = "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in label)
        try:
            printed = phonenumbers.parse(digits, country)
            called = phonenumbers.parse(href[len("tel:") :], country)
        except phonenumbers.NumberParseException:
            return ""
        if (printed.country_code, printed.national_number) != (called.country_code, called.national_number):
            return "a phone number"
    return ""


def _host(name: str) -> str:
    """A host name as its readers write it: lower case, an xn-- label in its own letters (bücher.de)."""
    try:
        return name.lower().encode("ascii").decode("idna").lower() if "xn--" in name.lower() else name.lower()
    except UnicodeError:
        return name.lower()


def _address(email: str) -> str:
    local, _, domain = email.rpartition("@")
    return f"{local.lower()}@{_host(domain)}"


def _told(at: Location, label: str, href: str, kind: str) -> Diagnostic:
    return warning(
        at,
        f"the link's words '{label}' are {kind} other than the one it opens ({href}): a patient who reads the "
        "printed leaflet reaches another place than one who taps the link",
        "make the words and the address the same, or put the link on other words ([call us](tel:...))",
    )
