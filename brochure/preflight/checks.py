"""Loaded inputs -> Diagnostics a print shop or patient would notice before layout: producer, printed addresses, the
kit's lines' phone numbers and emails, emergency numbers (the character check is preflight/glyphs.py)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import phonenumbers
from phonenumbers.phonemetadata import PhoneMetadata

from brochure.diagnostics import Diagnostic, Location, warning
from brochure.inputs.brand import Brand, as_written
from brochure.inputs.chars import DIGIT_SPACES, INVISIBLE, SPELLED_DIGITS
from brochure.inputs.content import Content
from brochure.inputs.inline import display_url, links, plain
from brochure.inputs.links import opened
from brochure.inputs.phones import phone_like
from brochure.patterns import Later
from brochure.vocabulary import EMERGENCY, URGENT, clinic_form, language_base, language_region


def check_producer(content: Content, brand: Brand) -> list[Diagnostic]:
    """The document block names the clinic (or the clinic group, the kit's `group:`) that produced the words:
    building them under another clinic's brand prints that clinic's staff and conflict-of-interest line on this
    one's leaflet."""
    document = content.document

    def named(text: str) -> str:  # (as printed: a zero-width joiner pasted into the name prints nothing)
        return " ".join(INVISIBLE.sub("", text).split()).casefold()

    if named(document.producer) in (named(brand.name), named(brand.group or brand.name)):
        return []
    return [
        warning(
            document.where("document.producer"),
            f"the leaflet's document details name {document.producer} as producer, "
            f"but it is built for {brand.name}: its back will print another clinic's authors and reviewer",
            f"in {brand.name}'s own content file (`brochure init KIT --words` makes one), write its own "
            f"'document:' block: its producer, authors, reviewer and conflicts line; or, if {document.producer} "
            f"produces the words of a group of clinics that {brand.name} belongs to, say so in its brand.yaml: "
            f"group: {document.producer}",
        )
    ]


def check_language_region(content: Content, brand: Brand) -> list[Diagnostic]:
    """Words whose `language:` names another country's form of their language than the clinic's (en-US words for
    a clinic in Australia): their dates are that country's (December 7, 2026), so is their spelling, and the PDF is
    named and read aloud as that form. A language with no region (es, pl) says nothing of a country, nor does a
    language other than the kit's own (a UK clinic's pt-BR leaflet is for its Brazilian patients)."""
    country, said = brand.clinic_country()
    tag = clinic_form(content.language, country)
    if not tag or language_base(content.language) != language_base(brand.language):
        return []
    region, source = language_region(content.language), _said_country(country, said)
    return [
        warning(
            content.language_at,
            f"the words' language is {content.language}, as written in {region}, but the clinic is in {country} "
            f"({source} in {Path(said.file).name}): its patients would read {region}'s dates and spelling",
            f"write language: {tag} if the words are written for there (it names the PDFs: ...-{tag.lower()}-...), "
            f"or build them with the kit of a clinic in {region}",
        )
    ]


def _said_country(country: str, said: Location) -> str:
    """Where the kit says the clinic's country, for messages: its `country:`, else its phone number's."""
    return f"country: {country}" if said.key == "country" else f"the country of contact.phone, {country}"


# What a web address's query may carry that a page opens the same without: where the reader came from, and a
# language (the page falls back to its own). Anything else may choose the page (`?clinic=bath`, `?owner=12345`).
TRACKING = Later(r"utm_\w+|src|source|ref|referrer|campaign|medium|lang|language|locale|hl|fbclid|gclid|mc_\w+")


def check_printed_addresses(brand: Brand) -> list[Diagnostic]:
    """The booking address and website print without their query and fragment: where the query may choose the
    page, or the fragment is a web app's route (`#/book`, `#!/book`), a patient who types the printed address (a code
    that will not scan, a leaflet read aloud) opens another."""
    diags: list[Diagnostic] = []
    for key in ("booking_url", "website"):
        url = getattr(brand.contact, key)
        parts = urlsplit(url)
        pairs = [(*part.split("=", 1), "")[:2] for part in parts.query.split("&") if part]
        chosen = [(name, value) for name, value in pairs if name and not TRACKING.fullmatch(name.lower())]
        route = parts.fragment.lstrip("!/") if parts.fragment.startswith(("/", "!")) else ""
        if not chosen and not route:
            continue
        name, value = chosen[0] if chosen else ("", "")
        what = f"'{name}={value}'" if chosen else f"'#{parts.fragment}' (the route its web app opens)"
        short = f"{display_url(url).split('/')[0]}/{value or name or _route_name(route)}"
        diags.append(
            warning(
                brand.where(f"contact.{key}"),
                f"the leaflet prints {display_url(url)} for {url}: the QR code and link keep it whole, but a patient "
                f"who types the printed address opens a page without {what} (another clinic's, or none)",
                f"give an address that opens the same page as printed (a short redirect, such as {short}), or check "
                "that the page opens without it",
            )
        )
    return diags


EMAIL = re.compile(r"[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")  # (ASCII: Chinese, Japanese and Thai
# write an address with no space beside it, and their letters are word characters)
_OWN_LINES = frozenset(  # numbers a clinic gives beside its own on purpose: free, shared-cost and national lines
    {phonenumbers.PhoneNumberType.TOLL_FREE, phonenumbers.PhoneNumberType.SHARED_COST, phonenumbers.PhoneNumberType.UAN}
)
_PHONE_LINES = (("other_formats.contact", "how to ask for another format"), ("feedback", "where to comment"))


def check_contact_lines(brand: Brand) -> list[Diagnostic]:
    """The kit's other-formats and feedback lines (in the leaflet's language) give the clinic's own phone number and
    email where they give one: `init` writes them into those lines, so a kit whose `contact:` changed since (or a
    kit copied for another clinic) printed the old ones beside the new."""
    c = brand.contact
    region = c.phone_region or brand.clinic_country()[0] or None
    own = _phone(c.phone, region)
    lines = [(key, what, text) for key, what, text in _kit_lines(brand) if text]
    diags: list[Diagnostic] = []
    domains = {_domain(c.email), display_url(c.website).split("/")[0].casefold().removeprefix("www.")}
    for key, what, text in lines:
        printed = plain(text)
        said = " ".join((printed, *_reached(text)))  # (what it prints, and the addresses its links open)
        found = list(phonenumbers.PhoneNumberMatcher(said, region or "ZZ"))
        phones = [
            (m.raw_string, _e164(m.number)) for m in found if phonenumbers.number_type(m.number) not in _OWN_LINES
        ]
        if not found and own:  # (a number written as another country writes it: a kit copied from a clinic there)
            phones = [(run, "") for run in phone_like(said) if not _same_number(run, own)]
        if phones and own and all(_e164(m.number) != own for m in found):
            number = (c.phone_printed or c.phone).replace("\xa0", " ")  # (its groups kept together on the leaflet)
            other = _other_contact(brand, key, what, "phone number", phones[0][0], number, printed, f"tel:{own}")
            diags.append(other)
        emails = [e.rstrip(".") for e in EMAIL.findall(said)]
        others = [e for e in emails if _domain(e) not in domains]  # (feedback@ the clinic's own domain is its own)
        if others and all(e.casefold() != c.email.casefold() for e in emails):
            diags.append(_other_contact(brand, key, what, "email", others[0], c.email, printed, f"mailto:{c.email}"))
    return diags


def _same_number(run: str, own: str) -> bool:
    """Whether a number written in any country's way is the clinic's own (E.164, '+18025550148'): its national
    number after nothing, a trunk prefix (0, 1) or the country code (+1, 001, 011 1)."""
    digits = "".join(ch for ch in run if ch.isdigit())
    parsed = phonenumbers.parse(own)
    national, code = str(parsed.national_number), str(parsed.country_code)
    before = digits[: len(digits) - len(national)]
    return digits.endswith(national) and before in ("", "0", "1", code, f"00{code}", f"011{code}", f"{code}0")


def _reached(text: str) -> list[str]:
    """The email addresses and phone numbers a line's `mailto:` and `tel:` links open, which a label such as "email
    us" does not print: a copied kit's link opened the other clinic's inbox."""
    return [said for said in map(opened, links(text)) if said]


def _domain(email: str) -> str:
    return email.rpartition("@")[2].casefold().removeprefix("www.")


def _kit_lines(brand: Brand) -> list[tuple[str, str, str]]:
    formats = brand.other_formats.contact if brand.other_formats is not None else ""
    return [(key, what, text) for (key, what), text in zip(_PHONE_LINES, (formats, brand.feedback or ""), strict=True)]


def _phone(number: str, region: str | None) -> str:
    try:
        return _e164(phonenumbers.parse(number, region))
    except phonenumbers.NumberParseException:
        return ""


def _e164(number: phonenumbers.PhoneNumber) -> str:
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _other_contact(
    brand: Brand, key: str, what: str, kind: str, given: str, own: str, printed: str, target: str
) -> Diagnostic:
    """`printed`: the line's words as printed; a `given` not among them is what one of its links opens, which the
    link's `target` form of the clinic's own (tel:+44..., mailto:...) would mend."""
    if given not in printed:
        return warning(
            brand.where(key),
            f"the brand kit's {key} line ({what}) links to the {kind} {given}, and the clinic's own (contact:) is "
            f"{own}: the link opens another {kind} than the leaflet gives, perhaps another clinic's or one no longer "
            "answered",
            f"make the link {target}, or, if {given} is another {kind} on purpose, check it is right",
        )
    return warning(
        brand.where(key),
        f"the brand kit's {key} line ({what}) gives the {kind} {given}, and the clinic's own (contact:) is {own}: "
        f"the leaflet prints both, one of them perhaps another clinic's or one no longer answered",
        f"write {own} in the line (`brochure init` wrote the kit's {kind} there when it made it), or, if {given} is "
        f"another {kind} on purpose, check it is right",
    )


def _route_name(route: str) -> str:
    """A word for a short address of a web app's route: its last part ('#/clinics/bath': bath), else what its query
    chooses ('#/?clinic=bath': bath)."""
    inner = urlsplit("/" + route)
    last = next((part for part in reversed(inner.path.split("/")) if part), "")
    chosen = [value or name for name, _, value in (p.partition("=") for p in inner.query.split("&")) if name]
    return last or (chosen[0] if chosen else "book")


# The emergency numbers of the countries whose leaflets are most often adapted for others: the UK and Ireland (999,
# 112), North America (911), Australia (000), New Zealand (111; in the UK, NHS 111 is for what is not an
# emergency). A leaflet written for one of them tells patients to call one of these.
_DIGIT = re.compile(r"\d")
_NUMBER = re.compile(rf"\d+(?:[{DIGIT_SPACES}.,\u066b\u066c]\d+)*")  # digits, grouped (10 000, 1,000, ١٬٠٠٠)
_DASHES = "-\u2010\u2011\u2012\u2013\u2212"  # (not the em dash: 'call 911\u2014do not wait' is punctuation)
_NOT_BEFORE = frozenset(_DASHES + ":;#+=&_")  # a code (DP-999), a range (100-111), a reference's pages (8):999
_NOT_AFTER = frozenset(_DASHES + ":(_%\u2030\u00b0")  # a range, a code, a volume's issue 111(8), 999 %, 111°
_NOT_DIRECTIONS = ("references", "document.")  # where a number is never one to call: sources, the document block


UK_HEALTH_SERVICE = ("GB", "IM", "JE", "GG")  # where patients have the NHS (the islands' services go by it too)
_NHS = Later(r"(?<![\w-])NHS(?![\w-])")


def foreign_health_service(content: Content, brand: Brand) -> list[Location]:
    """Each text of the words that names the NHS, the UK's health service, where the clinic is in another country
    (none when the kit does not say where it is): words written for a UK clinic ("not usually available on the
    NHS"), built for one in Spain. The sources and the document block are not read."""
    country, _ = brand.clinic_country()
    if not country or country in UK_HEALTH_SERVICE:
        return []
    return [
        at
        for text, at in content.strings
        if "NHS" in text and not at.key.startswith(_NOT_DIRECTIONS) and _NHS.search(plain(text))
    ]


def check_emergency_numbers(content: Content, brand: Brand) -> list[Diagnostic]:
    """Words that give patients an emergency number (999, 911, 112, 000, 111) that is no number to call in the
    clinic's country (its `country:`, else its phone number's): words written for one country, built for a clinic
    in another. Each text that gives one is named (a price or a page number that happens to be 999 does not count:
    only a number standing alone, as a number to call is written); so is each that names the NHS where the clinic
    is outside the UK (`foreign_health_service`)."""
    found = foreign_numbers(content, brand)
    country, said = brand.clinic_country()
    source = _said_country(country, said)
    told = {at for _, at in found}
    service = [
        warning(
            at,
            f"the words name the NHS, the UK's health service, but the clinic is in {country} ({source} in "
            f"{Path(said.file).name}): its patients have another",
            f"say what applies in {country} (its public health service or insurance), as translations/en-US.yaml "
            "adapts the en-GB words for a clinic in the US; or build them with the kit of a clinic in the UK",
        )
        for at in foreign_health_service(content, brand)
        if at not in told  # (a text that gives NHS 111 is said once, at its number)
    ]
    if not found:  # (the country's own numbers are worked out only to be named: about 17 ms, once a process)
        return service
    own = ambulance(country)
    return service + [
        warning(
            at,
            f"the words give {number}, a number {URGENT} elsewhere, but the clinic is in {country} "
            f"({source} in {Path(said.file).name}), where it is no number to call ({own})",
            f"give these words the numbers patients call in {country}, as translations/en-US.yaml adapts the "
            'en-GB words for a clinic in the US (and says so: document.translation.numbers: {"999": "911"}); or '
            "build them with the kit of a clinic in the country they were written for",
        )
        for number, at in found
    ]


def foreign_numbers(content: Content, brand: Brand) -> list[tuple[str, Location]]:
    """Each emergency number the words give that is no number to call in the clinic's country, at every text that
    gives it (once a text); none when the kit does not say where the clinic is. The sources, the document block and
    the clinic's own name, address, telephone number and addresses are not read: a number there is none to call."""
    country, _ = brand.clinic_country()
    if not country:
        return []
    found: dict[tuple[str, Location], str] = {}  # (number, text) -> the number as named: as first written there
    kit = [(text, at) for text, at in brand.printed() if not as_written(at.key)]  # (its name and addresses)
    for text, at in [*content.strings, *kit]:
        if not _DIGIT.search(text) or at.key.startswith(_NOT_DIRECTIONS):  # (most texts have no number)
            continue
        for number, written in _numbers(plain(text)):
            if number in EMERGENCY and not _dialled(number, country):
                found.setdefault((number, at), number if len(written) == 3 else f"{number} (written {written})")
    return [(shown, at) for (_, at), shown in found.items()]


def _numbers(text: str) -> list[tuple[str, str]]:
    """Each number of three digits standing alone in the text (as the emergency numbers are written), in ASCII
    digits (Arabic-Indic and other digits read as theirs), and as written; also three digits spaced to be read out
    one by one (9 9 9, 1 1 2) or hyphenated (9-9-9). Not one: a number grouped with others (10 000, 1,000), a price
    ($999), part of a code, a range or a reference (DP-999, 100-111, 150(8):999-1003), a share (999 %), an ordinal or
    a unit run on (111th, 999mg)."""
    found = [
        m.group()
        for m in _NUMBER.finditer(text)
        if ((len(m.group()) == 3 and m.group().isdecimal()) or SPELLED_DIGITS.fullmatch(m.group()))
        and _alone(text, m.start(), m.end())
    ]
    out = [("".join(str(unicodedata.digit(ch)) for ch in n[:: 1 if len(n) == 3 else 2]), n) for n in found]
    return out + [("".join(str(unicodedata.digit(d)) for d in m.groups()), m.group()) for m in _HYPHENED.finditer(text)]


_HYPHENED = re.compile(r"(?<![\w\-])(\d)-(\d)-(\d)(?![\w\-])")  # 9-9-9, as a number to call is spelled out too


def _alone(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] stands alone: no letter, digit, currency sign or joining mark right before or after."""
    before, after = text[start - 1 : start], text[end : end + 1]
    for ch, refused in ((before, _NOT_BEFORE), (after, _NOT_AFTER)):
        if ch and (ch.isalnum() or ch in refused or unicodedata.category(ch) == "Sc"):
            return False
    return text[end:].lstrip(" \u00a0\u202f")[:1] not in ("%", "\u2030")  # (999 %, as French sets a share)


@lru_cache(maxsize=256)
def _dialled(number: str, country: str) -> bool:
    """Whether a short number is one to call in the country (an emergency or other service: NHS 111 in GB)."""
    try:
        return bool(phonenumbers.is_valid_short_number_for_region(phonenumbers.parse(number, country), country))
    except phonenumbers.NumberParseException:
        return False


_FIRST = ("911", "999", "000", "112")  # the numbers a country's others are named after, where it has one of them (the
# metadata gives no order: Spain's 085 and 088, regional lines, came before its 112)
_AMBULANCE = {  # where the number for an ambulance is not the first of those (Korea's and Japan's police on 112 and
    # 110; the Netherlands' 911 a redirect; Vietnam's police 113, Thailand's 191, Singapore's and the Emirates' 999)
    **{"JP": "119", "KR": "119", "TW": "119", "CN": "120", "BR": "192", "NL": "112", "PE": "117"},
    **{"VN": "115", "TH": "1669", "EG": "123", "SG": "995", "AE": "998"},
}


def ambulance(country: str) -> str:
    """The number a patient there calls for an ambulance, as a message gives it ('an ambulance there: 112'): the
    first of `emergency_numbers`, not the others (Spain's 085 and 088 are regional fire and police lines)."""
    numbers = emergency_numbers(country)
    return f"an ambulance there: {numbers[0]}" if numbers else "no emergency number known there"


@lru_cache(maxsize=64)
def emergency_numbers(country: str) -> tuple[str, ...]:
    """The country's emergency numbers of two to four digits (phonenumbers' metadata): ('911', '112') for US; the
    one a patient is told to call first for an ambulance (911, 999, 000, then 112, unless the country's ambulance has
    its own: Korea's 119), the others after it, shortest first."""
    data = PhoneMetadata.short_metadata_for_region(country)
    pattern = data.emergency.national_number_pattern if data is not None and data.emergency is not None else None
    if not pattern:
        return ()
    rule = re.compile(pattern)
    candidates = (f"{n:0{width}d}" for width in (2, 3, 4) for n in range(10**width))
    found = {c for c in candidates if rule.fullmatch(c)}
    first = (_AMBULANCE.get(country, ""), *_FIRST)
    return tuple(sorted(found, key=lambda c: (first.index(c) if c in first else len(first), len(c), c)))
