"""Nothing -> the names of layouts, papers, targets, places and roles: each word content.yaml, brand.yaml, the command
line and the code share, defined once.

Each vocabulary is a `Literal` type (so mypy catches a typo such as "tri-fold" in the code) and a tuple of its
words derived from it (for the YAML readers, argparse's choices and `Options`' check), in the order they are
listed to users.
"""

from __future__ import annotations

import re
from functools import cache
from types import MappingProxyType
from typing import Literal, TypeGuard, get_args

# what a number counts (inputs/units.py)
TimeUnit = Literal["seconds", "minutes", "hours", "days", "weeks", "months", "years"]
Measure = Literal["micrograms", "milligrams", "grams", "millilitres", "millimetres", "centimetres"]  # a dose, a depth
LayoutName = Literal["trifold", "bifold", "flyer", "large-print"]
PaperName = Literal["a4", "letter"]
Target = Literal["office", "press"]
Condition = Literal["fogra39", "gracol"]  # a press's printing condition (docs/press.md)
Place = Literal["flap", "back", "main"]  # a section's `place:`; "main" is the layout's main flow
ContactLine = Literal["phone", "email", "website", "address"]  # the kit's contact lines a `contact:` block prints
# What a printed item is to a reader (frames carry it; preflight and the tagged PDF read it). An artifact is
# decoration that says nothing the words do not; a folio is a page's number (pagination, not words to read); a
# mark is a crop or fold mark outside the trim.
Role = Literal[
    "title", "heading", "paragraph", "list_item", "label", "caption", "figure", "qr", "artifact", "folio", "mark"
]
# Which way a leaflet's lines run, panels follow one another and the sheet folds: from its language.
Direction = Literal["ltr", "rtl"]
# Numbers to call for urgent help somewhere (999 in GB, 911 in North America, 112 in Europe, 000 in Australia, 111 in
# New Zealand and NHS 111 in England): words that give one are read for the country they were written for.
EMERGENCY = ("000", "111", "112", "911", "999")
AMBULANCE = ("000", "112", "911", "999")  # of those, the ones that are nowhere a line for what is not an emergency
URGENT = "to call for urgent help"  # how a warning of such a number says it, one given where it is none or one a
# translation drops (a batch's line shows it before the edition's other warnings: batch/records.py)
# Languages written right to left (BCP 47 primary subtags): Arabic, Hebrew, Persian, Urdu, Pashto, Sindhi, Kurdish
# (Sorani), Uyghur, Dhivehi, Yiddish, Syriac, N'Ko.
RTL_LANGUAGES = frozenset({"ar", "he", "fa", "ur", "ps", "sd", "ckb", "ug", "dv", "yi", "syr", "nqo"})
# Of those, the languages written in Arabic letters.
ARABIC_SCRIPT = frozenset({"ar", "fa", "ur", "ps", "sd", "ckb", "ug"})
# How a list marks its items: a dot (bullets), a number (steps, references) or nothing it prints (contact lines).
Numbering = Literal["disc", "decimal", "none"]

LANGUAGE_LINK = "lang:"  # `[words](lang:es)` in a text, and "lang:es" as a link in markup: its words are Spanish (read
# so by a screen reader: a Span with /Lang in the tagged edition), printed as the words around them, never a link
# The icons a card may name (`icon:`), each drawn by art/icons.py.
ICON_NAMES = frozenset(
    {
        "smooth", "scar", "clock", "spot", "collagen", "droplet", "sun", "shield", "alert", "needle", "check",
        "calendar", "sparkle", "heart", "phone", "mail", "globe", "pin",
    }
)  # fmt: skip

LAYOUTS: tuple[LayoutName, ...] = get_args(LayoutName)
PAPERS: tuple[PaperName, ...] = get_args(PaperName)
TARGETS: tuple[Target, ...] = get_args(Target)
PLACES: tuple[Place, ...] = get_args(Place)
CONDITIONS: tuple[Condition, ...] = get_args(Condition)
CONTACT_LINES: tuple[ContactLine, ...] = get_args(ContactLine)
ROLES: tuple[Role, ...] = get_args(Role)


def is_layout(word: str) -> TypeGuard[LayoutName]:
    return word in LAYOUTS


def is_paper(word: str) -> TypeGuard[PaperName]:
    return word in PAPERS


def is_target(word: str) -> TypeGuard[Target]:
    return word in TARGETS


def direction(language: str) -> Direction:
    """'rtl' for a language written right to left (its primary subtag: 'ar-EG' is Arabic), else 'ltr'."""
    return "rtl" if language.split("-")[0].lower() in RTL_LANGUAGES else "ltr"


def in_arabic_letters(language: str) -> bool:
    """Whether a language is written in Arabic letters (its primary subtag: 'fa-IR' is Persian)."""
    return language.split("-")[0].lower() in ARABIC_SCRIPT


TAG_CHARS = 63  # a language tag's most characters (RFC 5646 asks for 35 at least): it names output files, with the
# brand's id (brand.py ID_CHARS) and the layout, paper and target, well within a file name's 255 bytes


LANGUAGE_TAG = re.compile(  # a BCP 47 tag (RFC 5646's grammar, in the order of its subtags): en, en-GB, es-419, zh-Hant
    "^[A-Za-z]{2,3}(-[A-Za-z]{3}){0,3}"  # the language (and extended language subtags)
    "(-[A-Za-z]{4})?"  # a script: zh-Hant
    "(-([A-Za-z]{2}|[0-9]{3}))?"  # a region: en-GB, es-419 (one: es-ES-ES is no tag)
    "(-([A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*"  # variants: de-CH-1996
    "(-[0-9A-WY-Za-wy-z](-[A-Za-z0-9]{2,8})+)*"  # extensions: en-u-nu-latn
    "(-[Xx](-[A-Za-z0-9]{1,8})+)?$"  # private use: en-x-clinic
)


CJK_LANGUAGES = frozenset(("zh", "ja", "yue", "cmn", "wuu", "hak", "nan", "gan", "hsn", "cjy"))  # Chinese and
# Japanese: languages whose lines break between characters, which brochure cannot set yet

LANGUAGE_NAMES = {  # a language's name, in English (and the tool's translations' in themselves), as someone may
    # write it for its tag -> the tag: the languages of the UK's and North America's patients most often asked for
    "english": "en",
    "spanish": "es",
    "español": "es",
    "castellano": "es",
    "polish": "pl",
    "polski": "pl",
    "vietnamese": "vi",
    "tiếng việt": "vi",
    "tieng viet": "vi",
    "arabic": "ar",
    "العربية": "ar",
    "french": "fr",
    "français": "fr",
    "german": "de",
    "italian": "it",
    "portuguese": "pt",
    "romanian": "ro",
    "russian": "ru",
    "ukrainian": "uk",
    "lithuanian": "lt",
    "turkish": "tr",
    "greek": "el",
    "hebrew": "he",
    "persian": "fa",
    "farsi": "fa",
    "urdu": "ur",
    "punjabi": "pa",
    "bengali": "bn",
    "gujarati": "gu",
    "hindi": "hi",
    "tamil": "ta",
    "somali": "so",
    "chinese": "zh",
    "mandarin": "zh",
    "cantonese": "yue",
    "japanese": "ja",
    "korean": "ko",
    "tagalog": "tl",
    "irish": "ga",
    "welsh": "cy",
}


def language_problem(tag: str) -> str:
    """Why a text is no language tag ('' when it is one), as a message: not of a tag's form, a language ISO 639
    does not have ('xx', 'esp': is it 'es'?), or ISO 639's three letters for a language BCP 47 writes with two
    ('eng' is en: a screen reader knows the two). Read from data/language-codes.json (scripts/make_country_codes.py)."""
    if len(tag) > TAG_CHARS:  # (it names output files: a longer one made a name the file system refused)
        return f"'{tag[:24]}...' is {len(tag)} characters long: a language tag of at most {TAG_CHARS} is taken"
    if not LANGUAGE_TAG.match(tag):
        hyphened = tag.replace("_", "-")
        if hyphened != tag and not language_problem(hyphened):  # (a locale's name, as programs write it: pl_PL)
            return f"'{tag}' is not a language tag: write '{hyphened}' (a hyphen, not an underscore)"
        named = LANGUAGE_NAMES.get(" ".join(tag.lower().split()))
        if named is not None:  # (a language's name: French)
            return f"'{tag}' is not a language tag: write '{named}' for {tag.strip()}"
        return f"'{tag}' is not a language tag"
    base = language_base(tag)
    two, three = _iso639()
    if len(base) == 2 and base not in two:
        return f"'{tag}' is not a language tag: ISO 639 has no language '{base}'"
    if base in three:
        return f"'{tag}' is not a language tag: write '{three[base]}' for '{base}' (BCP 47 uses the two-letter code)"
    if base in NO_LANGUAGE:
        return f"'{tag}' names no language a leaflet is written in: ISO 639's '{base}' is {NO_LANGUAGE[base]}"
    if len(base) == 3 and not PRIVATE_LANGUAGE.match(base) and base not in _iso639_others():
        like = f": is it '{base[:2]}'?" if base[:2] in two else ""
        return f"'{tag}' is not a language tag: ISO 639 has no language '{base}'{like}"
    region = language_region(tag)
    if region and region not in _regions():
        said = f"'{region}' is no country (ISO 3166)"
        if region == "UK":
            return f"'{tag}' is not a language tag: {said}: the United Kingdom is GB ({base}-GB)"
        return f"'{tag}' is not a language tag: {said}, as its region must be (e.g. es-ES, es-MX, en-US)"
    return ""


def language_region(tag: str) -> str:
    """A tag's two-letter region, in capitals ('' when it gives none, or a region of three digits: es-419)."""
    parts = tag.split("-")[1:]
    while parts and len(parts[0]) == 3 and parts[0].isalpha():  # (extended language subtags)
        parts = parts[1:]
    if parts and len(parts[0]) == 4:  # (a script: zh-Hant)
        parts = parts[1:]
    return parts[0].upper() if parts and len(parts[0]) == 2 else ""


def clinic_form(language: str, country: str) -> str:
    """The clinic's country's form of a language written as another country's ('en-AU' for en-US words in
    Australia); '' where the tag names no country (es, es-419), the clinic's own, or the country is not known."""
    region = language_region(language)
    if not country or not region.isalpha() or region == country.upper():
        return ""
    return f"{language_base(language)}-{country.upper()}"


PRIVATE_REGIONS = frozenset(
    {"AA", "ZZ", *(f"Q{c}" for c in "MNOPQRSTUVWXYZ"), *(f"X{c}" for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ")}
)
# (BCP 47's regions for private use), and those the IANA registry takes that ISO 3166-1 does not assign: the
# European Union and eurozone, the UN, Ascension, Clipperton, Diego Garcia, Ceuta and Melilla, the Canary Islands,
# Tristan da Cunha (es-IC is a locale), and codes withdrawn but valid in tags written before (Burma, Serbia and
# Montenegro, East Germany, metropolitan France, the Neutral Zone, East Timor, Yemen, Yugoslavia, Zaire, the
# Netherlands Antilles)
TAKEN_REGIONS = frozenset(
    {"EU", "EZ", "UN", "AC", "CP", "DG", "EA", "IC", "TA", "BU", "CS", "DD", "FX", "NT", "TP", "YD", "YU", "ZR", "AN"}
)


@cache
def _regions() -> frozenset[str]:
    """ISO 3166's two-letter codes (data/country-codes.json), and the others a language tag may give."""
    import json
    from importlib import resources

    codes = json.loads(resources.files("brochure").joinpath("data/country-codes.json").read_text(encoding="utf-8"))
    return frozenset(codes.values()) | PRIVATE_REGIONS | TAKEN_REGIONS


@cache
def _iso639() -> tuple[frozenset[str], MappingProxyType[str, str]]:
    """ISO 639-1's two-letter codes, and the three-letter codes that have one (read once; never changed)."""
    import json
    from importlib import resources

    data = json.loads(resources.files("brochure").joinpath("data/language-codes.json").read_text(encoding="utf-8"))
    return frozenset(data["two"]), MappingProxyType(dict(data["three"]))


PRIVATE_LANGUAGE = re.compile("^q[a-t][a-z]$")  # qaa to qtz: languages for private use
NO_LANGUAGE = {  # ISO 639's codes that name no language: a screen reader told one reads the words as none
    "und": "'undetermined'",
    "mul": "'several languages'",
    "mis": "'a language with no code'",
    "zxx": "'no linguistic content'",
}


@cache
def _iso639_others() -> frozenset[str]:
    """ISO 639's three-letter codes that have no two-letter one (639-2, 639-3, 639-5: yue, fil, sla), read only
    for a tag of three letters."""
    import json
    from importlib import resources

    data = json.loads(resources.files("brochure").joinpath("data/language-codes.json").read_text(encoding="utf-8"))
    return frozenset(data["others"].split())


def language_base(tag: str) -> str:
    """A language tag's language alone, in lower case: 'en-GB' -> 'en'."""
    return tag.split("-")[0].lower()
