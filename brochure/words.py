"""A content language tag (and the content's own `words:`) -> the words the tool itself prints in that language.

ONE table, keyed by language: a tag is looked up as written (en-US), then by its language alone (es). Every
word the tool prints itself is here: the document block's labels and dates, the sources' heading, page
numbers, the text alternatives of the QR code and the skin drawing, and the PDF's subject. A content file may
give any of them in a `words:` block (its own wording, or a language the table lacks): a language the table
lacks must give them all (api.py reports the missing ones as an error).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields, replace
from datetime import date
from string import Formatter

from brochure.frozen import frozen

Given = Mapping[str, "str | tuple[str, ...]"]  # a content file's `words:`: name -> pattern (months: 12 names)


@frozen
class Words:
    """Patterns with {names} that the tool fills in, and how dates are written."""

    leaflet: str  # the document block's first, bold sentence: who produced the leaflet, its code and version
    version: str  # also a PDF keyword
    published: str
    review: str  # the review date is given to the month
    written: str
    translated: str
    translated_unchecked: str  # a translation no one has checked yet
    person: str
    other_formats: str  # the label before what the brand offers (large print, ...)
    ask: str  # the formats and how to ask for them
    months: tuple[str, ...]
    date: str  # a whole date: {day} {month} {year}
    month_year: str
    list_separator: str
    skin_drawing: str  # the skin drawing's text alternative: {labels} are its labels (with none: the words before
    # the comma before them)
    qr_code: str  # the QR code's text alternative: {url} is where it leads
    qr_label: str  # beside the QR code, unless the content's call_to_action gives its own
    page: str  # a page's number at its foot (the large-print edition): {number} of {total}
    sources: str  # the heading of the references list
    in_full: str  # after a folded leaflet's short sources: where the full references are
    subject: str  # the PDF's subject: {title}
    first_day: str = "{day}"  # how a date writes the month's first day (optional: French '{day}er', 1er décembre)
    pdf_title: str = "{title}: {subtitle}"  # the PDF's title (optional: French '{title} : {subtitle}')
    months_alone: tuple[str, ...] = ()  # the months as `month_year` writes them, where not as a date does (optional:
    # Greek's 'Δεκέμβριος 2028' beside '7 Δεκεμβρίου 2026'); `months` where not given


_EN = Words(
    leaflet="{producer} leaflet {code}, {version}.",
    version="version {version}",
    published="Published {date}.",
    review="Review due {month}.",
    written="Written by {author}; checked by {reviewer}.",
    translated="Translated by {translator}; translation checked by {reviewer}.",
    translated_unchecked="Translated by {translator}; translation not yet checked.",
    person="{name} ({role})",
    other_formats="Other formats:",
    ask="{formats} \u2014 {contact}.",
    months=(
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    date="{day}\u00a0{month}\u00a0{year}",  # no-break spaces: a date is never broken across lines
    month_year="{month}\u00a0{year}",
    list_separator=", ",
    skin_drawing="Drawing of a cross-section of skin, labelled: {labels}.",
    qr_code="QR code that opens {url}",
    qr_label="Scan to book",
    page="Page {number} of {total}",
    sources="Sources",
    in_full="In full, with DOIs: our large-print edition.",
    subject="Patient information leaflet: {title}",
)

_ES = Words(
    leaflet="Folleto {code}, {producer}, {version}.",  # (no "de {producer}": a clinic's name may want its article,
    # "de la Clínica Sol", which the tool cannot know)
    version="versi\u00f3n {version}",
    published="Publicado el {date}.",
    review="Pr\u00f3xima revisi\u00f3n: {month}.",
    written="Redactado por {author}; revisado por {reviewer}.",
    translated="Traducido por {translator}; traducci\u00f3n revisada por {reviewer}.",
    translated_unchecked="Traducido por {translator}; traducci\u00f3n a\u00fan sin revisar.",
    person="{name} ({role})",
    other_formats="Otros formatos:",
    ask="{formats} \u2014 {contact}.",
    months=(
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ),
    date="{day}\u00a0de\u00a0{month}\u00a0de\u00a0{year}",  # 1 de diciembre de 2026
    month_year="{month}\u00a0de\u00a0{year}",
    list_separator=", ",
    skin_drawing="Dibujo de un corte de la piel, con las etiquetas: {labels}.",
    qr_code="C\u00f3digo QR que abre {url}",
    qr_label="Escanee para pedir cita",
    page="P\u00e1gina {number} de {total}",
    sources="Fuentes",
    in_full="Completas, con DOI: edici\u00f3n en letra grande.",
    subject="Folleto de informaci\u00f3n para pacientes: {title}",
)

_PL = Words(
    leaflet="Ulotka {code}, {producer}, {version}.",
    version="wersja {version}",
    published="Data wydania: {date}.",
    review="Przegl\u0105d do {month}.",
    written="Opracowanie: {author}; weryfikacja: {reviewer}.",
    translated="T\u0142umaczenie: {translator}; weryfikacja t\u0142umaczenia: {reviewer}.",
    translated_unchecked="T\u0142umaczenie: {translator}; t\u0142umaczenie jeszcze niezweryfikowane.",
    person="{name} ({role})",
    other_formats="Inne formaty:",
    ask="{formats} \u2013 {contact}.",
    months=(  # in the genitive, as dates write them: 1 grudnia 2026, do grudnia 2029
        "stycznia",
        "lutego",
        "marca",
        "kwietnia",
        "maja",
        "czerwca",
        "lipca",
        "sierpnia",
        "wrze\u015bnia",
        "pa\u017adziernika",
        "listopada",
        "grudnia",
    ),
    date="{day}\u00a0{month}\u00a0{year}\u00a0r.",
    month_year="{month}\u00a0{year}\u00a0r.",
    list_separator=", ",
    skin_drawing="Rysunek przekroju sk\u00f3ry, z opisami: {labels}.",
    qr_code="Kod QR otwieraj\u0105cy {url}",
    qr_label="Zeskanuj, aby si\u0119 um\u00f3wi\u0107",
    page="Strona {number} z {total}",
    sources="\u0179r\u00f3d\u0142a",
    in_full="Pe\u0142ne \u017ar\u00f3d\u0142a z DOI: wydanie z du\u017cym drukiem.",
    subject="Ulotka informacyjna dla pacjenta: {title}",
)

_VI = Words(
    leaflet="T\u1edd th\u00f4ng tin {code} c\u1ee7a {producer}, {version}.",
    version="phi\u00ean b\u1ea3n {version}",
    published="Ph\u00e1t h\u00e0nh {date}.",
    review="Xem x\u00e9t l\u1ea1i v\u00e0o {month}.",
    written="Bi\u00ean so\u1ea1n: {author}; th\u1ea9m \u0111\u1ecbnh: {reviewer}.",
    translated="D\u1ecbch: {translator}; ki\u1ec3m tra b\u1ea3n d\u1ecbch: {reviewer}.",
    translated_unchecked="D\u1ecbch: {translator}; b\u1ea3n d\u1ecbch ch\u01b0a \u0111\u01b0\u1ee3c ki\u1ec3m tra.",
    person="{name} ({role})",
    other_formats="\u0110\u1ecbnh d\u1ea1ng kh\u00e1c:",
    ask="{formats} \u2013 {contact}.",
    months=tuple(f"th\u00e1ng\u00a0{n}" for n in range(1, 13)),  # ng\u00e0y 1 th\u00e1ng 12 n\u0103m 2026
    date="ng\u00e0y\u00a0{day}\u00a0{month}\u00a0n\u0103m\u00a0{year}",  # (never parted: 'ngày 1 / tháng 12')
    month_year="{month}\u00a0n\u0103m\u00a0{year}",
    list_separator=", ",
    skin_drawing="H\u00ecnh c\u1eaft ngang c\u1ee7a da, c\u00f3 ch\u00fa th\u00edch: {labels}.",
    qr_code="M\u00e3 QR m\u1edf {url}",
    qr_label="Qu\u00e9t \u0111\u1ec3 \u0111\u1eb7t l\u1ecbch",
    page="Trang {number}/{total}",
    sources="Ngu\u1ed3n",
    in_full="\u0110\u1ea7y \u0111\u1ee7, k\u00e8m DOI: b\u1ea3n ch\u1eef l\u1edbn.",
    subject="T\u1edd th\u00f4ng tin cho ng\u01b0\u1eddi b\u1ec7nh: {title}",
)

_AR = Words(  # Modern Standard Arabic; months as used across the Arab world (and in the UK's Arabic leaflets)
    leaflet="نشرة {producer} رقم {code}، {version}.",
    version="الإصدار {version}",
    published="تاريخ النشر: {date}.",
    review="موعد المراجعة: {month}.",
    written="كتبها {author}؛ وراجعها {reviewer}.",
    translated="ترجمها {translator}؛ وراجع الترجمة {reviewer}.",
    translated_unchecked="ترجمها {translator}؛ لم تُراجَع الترجمة بعد.",
    person="{name} ({role})",
    other_formats="صيغ أخرى:",
    ask="{formats} \u2014 {contact}.",
    months=(
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "مايو",
        "يونيو",
        "يوليو",
        "أغسطس",
        "سبتمبر",
        "أكتوبر",
        "نوفمبر",
        "ديسمبر",
    ),
    date="{day}\u00a0{month}\u00a0{year}",  # 1 ديسمبر 2026, digits as the content writes them
    month_year="{month}\u00a0{year}",
    list_separator="، ",  # the Arabic comma
    skin_drawing="رسم لمقطع عرضي من الجلد، عليه التسميات: {labels}.",
    qr_code="رمز QR يفتح {url}",
    qr_label="امسح الرمز للحجز",
    page="الصفحة {number} من {total}",
    sources="المصادر",
    in_full="المصادر كاملة مع أرقام DOI: في طبعتنا بالخط الكبير.",
    subject="نشرة معلومات للمرضى: {title}",
)

_EN_MONTH_FIRST = replace(_EN, date="{month}\u00a0{day}, {year}")

WORDS: dict[str, Words] = {
    "en": _EN,  # en-GB and most English: 1 December 2026
    "en-us": _EN_MONTH_FIRST,  # December 1, 2026
    "en-ca": _EN_MONTH_FIRST,  # Canada's English writes the month first too (as the CLDR's long dates of en-CA,
    "en-ph": _EN_MONTH_FIRST,  # en-PH)
    "es": _ES,
    "pl": _PL,
    "vi": _VI,
    "ar": _AR,
}

NAMES: tuple[str, ...] = tuple(f.name for f in fields(Words))  # the keys a content file's `words:` may give
OPTIONAL = frozenset(("first_day", "pdf_title", "months_alone"))  # of them, those a language the table lacks need
# not give
MONTHS = 12


def fields_of(pattern: str) -> set[str]:
    """The {names} a pattern fills in; ValueError for a brace that opens no {name}, or a {name} with a format
    ({day:s}, {url!r}): a format can fail or pad a word out to any width, so none is allowed."""
    names = set()
    for _, name, spec, conversion in Formatter().parse(pattern):
        if name is None:
            continue
        if spec or conversion or not name.isidentifier():
            raise ValueError(f"'{{{name}{'!' + conversion if conversion else ''}{':' + spec if spec else ''}}}'")
        names.add(name)
    return names


def needs(name: str) -> set[str]:
    """The {names} a word's pattern must contain (as in the English table): a pattern without them would lose
    what it is for ('Review due.' without the month)."""
    value = getattr(_EN, name)
    return fields_of(value) if isinstance(value, str) else set()


def table_words(language: str) -> Words | None:
    """The table's words for a BCP 47 tag (as written, then by its language alone), or None."""
    tag = language.lower()
    while tag:
        if tag in WORDS:
            return WORDS[tag]
        tag = tag.rpartition("-")[0]
    return None


def words_for(language: str, given: Given | None = None) -> tuple[Words, tuple[str, ...]]:
    """The words for a language: the table's, with the content's own `words:` over them; and the names neither
    gives (the table lacks the language and `words:` does not give them all: English fills them in)."""
    given = given or {}
    base = table_words(language)
    missing = () if base is not None else tuple(n for n in NAMES if n not in given and n not in OPTIONAL)
    words = replace(base or _EN, **dict(given))  # type: ignore[arg-type]
    return words, missing


def long_date(day: date, words: Words) -> str:
    """A date as the language writes it in running text: '1 December 2026' (en-GB), 'December 1, 2026' (en-US),
    '1er décembre 2026' (a French `words:` with `first_day: "{day}er"`)."""
    number = words.first_day.format(day=day.day) if day.day == 1 else str(day.day)
    return words.date.format(day=number, month=words.months[day.month - 1], year=day.year)


def month_year(day: date, words: Words) -> str:
    return words.month_year.format(month=(words.months_alone or words.months)[day.month - 1], year=day.year)
