"""Answers (from options or questions) -> a new clinic's brand kit folder (a commented brand.yaml and a logo), or
a copy of the words (content.yaml) for that clinic; each answer checked as the brand loader checks it.

This module writes files and says nothing: commands/init.py asks the questions and prints.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import unicodedata
from collections.abc import Callable, Mapping
from pathlib import Path

from brochure.diagnostics import Location
from brochure.frozen import frozen
from brochure.patterns import Later
from brochure.vocabulary import CJK_LANGUAGES, LANGUAGE_NAMES, PAPERS, language_base, language_problem

# The input checks (brand, contact, reader) are imported where they are used: this module's options are
# part of every command line, and `brochure --help` should not load the whole reader and ReportLab.

Answers = Mapping[str, str]
Check = Callable[[str, Answers], tuple[str, str]]  # (problem, hint); ('', '') when the answer is good
SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"  # the JSON Schemas, beside the package in a checkout
LETTER_COUNTRIES = ("US", "CA", "MX", "PH", "CL", "CO")  # where offices print on US Letter


@frozen
class Question:
    """One thing `brochure init` needs: asked on a terminal, or given as --KEY (underscores as hyphens)."""

    key: str
    ask: str  # the question
    default: Callable[[Answers], str] | None  # from the answers before it; None: an answer is needed
    check: Check
    help: str  # the option's help (its default is added)
    asked: bool = True  # asked on a terminal (else its option or its default, as with --yes)

    @property
    def option(self) -> str:
        return "--" + self.key.replace("_", "-")


def _text(value: str, answers: Answers) -> tuple[str, str]:
    if not value.strip():
        return "this answer is empty", "write it, e.g. as it should print on the leaflet"
    found = _BREAK.search(value)
    if found:  # (each answer is one line of brand.yaml: a line break would end it, and start a key of its own)
        from brochure.inputs import chars

        return (
            f"the answer contains {chars.describe(found.group())}: it is one line",
            "write it on one line (a name or address copied from a document may carry a line break or tab)",
        )
    from brochure.inputs.reader import text_problem

    return text_problem(value)


# What would end an answer's line in brand.yaml, or that YAML refuses inside it: line breaks of every kind, tab,
# and the byte-order mark (text_problem lets a content file's text have line breaks and tabs).
_BREAK = Later("[\t\n\r\x0b\x0c\x85\u2028\u2029\ufeff]")


def _id(value: str, answers: Answers) -> tuple[str, str]:
    from brochure.inputs.brand import id_problem

    problem = id_problem(value)
    if not problem:
        other = kit_with_id(value)
        if other is None:
            return "", ""
        return (  # (a clinic named as another kit here is named: "Elm Park" beside Elm Park Aesthetics' elm-park)
            f"'{value}' is the id of the kit {other} already: the two clinics' leaflets would be written to the same "
            "files (out/" + value + "-...pdf), each replacing the other's",
            f"give the new kit another id (--id), e.g. '{value}-2' or one with its town",
        )
    long = "characters long" in problem
    return (
        problem,
        "shorten it, e.g. 'riverside'" if long else "use a short lowercase name joined by hyphens, e.g. 'riverside'",
    )


def kit_with_id(value: str) -> Path | None:
    """The brand file of a kit of this project (inputs/brand.project_kits) whose id is `value`, or None."""
    from brochure.inputs.brand import declared_quick, project_kits

    return next((path for path in project_kits() if declared_quick(path)[0] == value), None)


def _country(value: str, answers: Answers) -> tuple[str, str]:
    from brochure.inputs.contact import country_problem

    return country_problem(value) if value else ("", "")


def _paper(value: str, answers: Answers) -> tuple[str, str]:
    """A paper as answered: 'A4' as well as a4 (written in the kit as brand.yaml takes it: `paper_word`)."""
    if paper_word(value) in PAPERS:
        return "", ""
    return f"'{value}' is not a paper", f"write {' or '.join(PAPERS)}"


def paper_word(value: str) -> str:
    """A paper's word as brand.yaml takes it ('A4' answered, a4 written)."""
    return value.strip().lower()


def _color(value: str, answers: Answers) -> tuple[str, str]:
    from brochure.inputs.brand import color_problem

    return color_problem(value, in_yaml=False)


def _text_color(value: str, answers: Answers) -> tuple[str, str]:
    """Body text must read on the background, 4.5:1 at least (the build checks every line the same way); the
    background is a light tint (_background), so dark text that reads on it reads on the white paper too."""
    ground = answers.get("background", "#FFFFFF").upper()
    problem, ratio = _on(value, answers, ground)
    if problem[0]:
        return problem
    if ratio < 4.5:
        from brochure.theme.colors import ratio_text

        on = "white paper" if ground == "#FFFFFF" else f"a {ground} background"
        return (
            f"text in {value} on {on} has a contrast of {ratio_text(ratio, 4.5)}:1; body text needs 4.5:1",
            "choose a darker text colour (near-black reads best)",
        )
    return "", ""


def _on(value: str, answers: Answers, ground: str) -> tuple[tuple[str, str], float]:
    """The colour's own problem if it has one, else none and its contrast on `ground`."""
    problem = _color(value, answers)
    if problem[0]:
        return problem, 0.0
    from brochure.theme.colors import contrast_ratio, hex_to_color

    return ("", ""), contrast_ratio(hex_to_color(value), hex_to_color(ground))


def _background(value: str, answers: Answers) -> tuple[str, str]:
    """The background is a paper's tint that the soft tints are mixed with: body text prints on it and on white,
    so it must be light (near-black text on it 10:1 at least)."""
    problem, ratio = _on(value, answers, "#000000")
    if problem[0]:
        return problem
    if ratio < 10:
        return (
            f"a {value} background is too dark: the body text prints on it and on the white paper, and no text colour "
            "reads on both",
            "leave it white, or give the light tint of the stock it prints on (e.g. #F7F3EE)",
        )
    return "", ""


def _accent(value: str, answers: Answers) -> tuple[str, str]:
    """The accent draws list bullets, step numbers, icons and the rules above headings on white paper: one so light
    that it hardly shows there (under MARKS_CONTRAST, 1.5:1) leaves them out of the leaflet (`build` warns)."""
    problem, ratio = _on(value, answers, "#FFFFFF")
    if problem[0]:
        return problem
    from brochure.theme.colors import MARKS_CONTRAST, ratio_text

    if ratio < MARKS_CONTRAST:
        return (
            f"an accent of {value} has a contrast of {ratio_text(ratio, MARKS_CONTRAST)}:1 on the white paper: the "
            "list bullets, step numbers, icons and rules drawn in it would hardly show",
            "choose a stronger colour (the shipped kit's accent, #E07A5F, has about 3:1)",
        )
    return "", ""


def _font(value: str, answers: Answers) -> tuple[str, str]:
    from brochure.theme.catalog import font_problem

    return font_problem(value)


def _fallbacks(value: str, answers: Answers) -> tuple[str, str]:
    """Installed families a kit can name as fallbacks, comma-separated ('' or NONE: none): a fallback needs no
    bold."""
    if _none(value):
        return "", ""
    from brochure.theme.catalog import font_problem

    for family in (f.strip() for f in value.split(",")):
        if family:
            problem = font_problem(family, fallback=True)
            if problem[0]:
                return problem
    return "", ""


def _languages(value: str, answers: Answers) -> tuple[str, str]:
    """Languages the kit has lines in besides English, as tags of KIT_LINES (a region's, pl-PL, as its language's)
    or their names (Polish, polski), separated by commas or spaces (NONE: none; English is always written)."""
    if _none(value):
        return "", ""
    known = ", ".join(t for t in KIT_LINES if t != "en")
    for word in _words(value):
        if _tag(word) in KIT_LINES:
            continue
        hyphened = word.replace("_", "-")
        if _tag(word) in CJK_LANGUAGES:  # (not a kit's lines to add: no leaflet in it can be built)
            return (
                f"brochure cannot set Chinese or Japanese text yet ('{word}'): its lines break only at spaces",
                f"write some of {known}, or none",
            )
        problem = "" if word.lower() in LANGUAGE_NAMES else language_problem(hyphened)
        if problem:  # (said of the word as answered)
            hint = f"write some of {known} (the languages the tool's translations are in)"
            return problem.replace(hyphened, word, 1), hint
        return (
            f"the tool has no lines in '{word}' to write",
            f"write some of {known}, or none; then add the kit's lines in '{word}' yourself in brand.yaml, under "
            f"languages: {_tag(word)}: {{other_formats: {{formats: [...], contact: ...}}, feedback: ...}}",
        )
    return "", ""


def _words(value: str) -> list[str]:
    """The languages answered, separated by commas or spaces (a name of two words, tiếng việt, kept whole; a name
    typed in decomposed letters, as some keyboards give them, read as composed)."""
    out: list[str] = []
    for part in (" ".join(p.split()) for p in unicodedata.normalize("NFC", value).split(",")):
        out += [part] if part.lower() in LANGUAGE_NAMES else part.split()
    return out


def _tag(word: str) -> str:
    """A language answered as the tag of its language (pl-PL and pl_PL: pl; Polish: pl)."""
    return LANGUAGE_NAMES.get(word.lower()) or language_base(word.replace("_", "-"))


def _tags(value: str) -> list[str]:
    """The languages answered as tags of KIT_LINES (each once, English left out: always written); none for NONE."""
    if _none(value):
        return []
    return [t for t in dict.fromkeys(_tag(w) for w in _words(value)) if t in KIT_LINES and t != "en"]


def chosen_languages(answers: Answers) -> list[str]:
    """The languages besides English the kit's lines are written in: those answered, else every one of KIT_LINES."""
    given = answers.get("languages")
    return [t for t in KIT_LINES if t != "en"] if given is None else _tags(given)


def _logo(value: str, answers: Answers) -> tuple[str, str]:
    """An SVG, PNG or JPEG file the brand loader accepts ('' : a plain mark in the brand's colours, to replace)."""
    if not value:
        return "", ""
    path = logo_path(value)
    from brochure.inputs.logo import PICTURE_LOGOS

    if path.suffix.lower() not in (".svg", *PICTURE_LOGOS):
        return (
            f"'{value}' is not an SVG, PNG or JPEG file",
            "use an SVG logo (text converted to outlines), a PNG or a JPEG",
        )
    if not path.is_file():
        kind = _kind(path)
        if kind:
            return f"'{value}' is {kind}, not a logo file", "give the logo file's path"
        from brochure.inputs.files import PICTURE_ENDINGS, near

        said = near(_as_meant(value), path, (".svg", *PICTURE_ENDINGS))  # (a letter out, other capitals, ...)
        return f"file '{value}' not found", f"{said}give the logo's path, relative to the folder you run brochure in"
    from brochure.inputs.logo import load_logo

    at = Location(str(path), 0, 0, "logo")
    _, problem = load_logo(path, at)
    if problem is None:
        return "", ""
    message = problem.message.removesuffix(f" (named at {at.prefix()})")  # (the file is the answer itself)
    line = problem.location.line
    return (f"line {line} of the file: {message}" if line else message), as_options(problem.hint)


def heading_weight(family: str) -> int:
    """600 (semibold) for the headings where the family has it; else the weight CSS would take for 600, the next
    heavier, else the next lighter (Alegreya Sans has 500 and 700: 700). A family not installed: 600 (its error is
    said where the kit is checked)."""
    from brochure.theme.fonts import family_weights

    weights = family_weights(family)
    if not weights or 600 in weights:
        return 600
    heavier = [w for w in weights if w > 600]
    return min(heavier) if heavier else max(weights)


def as_options(hint: str) -> str:
    """A hint written for brand.yaml's keys, as `brochure init` takes the answers: its options."""
    hint = hint.replace("at the top of brand.yaml (country: GB)", "with --country (e.g. GB)")
    hint = hint.replace("add it to fonts.fallbacks in brand.yaml", "give it with --fallbacks")
    hint = re.sub(
        r"add (a fallback family that has (?:it|them)) to fonts\.fallbacks in brand\.yaml",
        r"give \1 with --fallbacks",
        hint,
    )
    hint = _LOGO_HEIGHT.sub("", hint)  # (init has no option for the logo's height: its other ways out stand)
    hint = hint.replace(", and name it so in the kit", ", and give that name to --logo")  # (no kit yet)
    return re.sub(r"\bcolors\.(primary|secondary|accent|text|background)\b", r"--\1", hint)


_LOGO_HEIGHT = Later(  # a picture logo's hint to print it smaller (design.py _logo_hint), in brand.yaml's terms
    r", or print it (?:at most \d+|[\d.]+ to \d+|\d+) mm tall with logo: \{file: \.\.\., height: (?:\d+|\.\.\.)\}"
    r"(?: \(softer than 300\))?"
)


def logo_path(value: str) -> Path:
    """The logo's path as answered: a path dragged onto a terminal comes in quotes ('/my logos/logo.png'), or, from
    macOS's Terminal, with a backslash before each space and bracket (/my\\ logos/logo\\ \\(2\\).png)."""
    return Path(_as_meant(value)).expanduser()


def _as_meant(value: str) -> str:
    """The logo's path as `logo_path` reads it, written as the answer is (a misspelt one is offered so): without the
    quotes a dragged path comes in, and without the backslashes macOS's Terminal types before a space or bracket."""
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        value = value[1:-1]
    if "\\" in value and not Path(value).expanduser().exists() and _SHELL_ESCAPED.fullmatch(value):
        return re.sub(r"\\(.)", r"\1", value)  # (found or not: my\\ logos is my logos)
    return value


# a path with a backslash only before what a shell would read otherwise (a space, a bracket, a quote): not a Windows
# path, whose backslashes part its folders (C:\\Users\\...)
_SHELL_ESCAPED = re.compile(r"""(?:[^\\]|\\[ ()\[\]{}'"&;!$`*?#~<>|\\])*""")


def _kind(path: Path) -> str:
    """What a path that is no regular file is ('a folder', 'a device'), or '' when there is nothing there."""
    from brochure.inputs.files import file_kind

    try:
        return file_kind(path.stat().st_mode) or ""
    except OSError:
        return ""


def _contact(key: str) -> Check:
    def check(value: str, answers: Answers) -> tuple[str, str]:
        found = _text(value, answers)
        if found[0]:
            return found
        from brochure.inputs.contact import contact_problem

        problem, hint = contact_problem(key, value, answers.get("country", "").upper() or None)  # (`fr` is FR)
        return problem, as_options(hint)

    return check


def _short_name(name: str) -> str:
    """The default id: as a kit without `id:` is named (a name without Latin letters gets one of its own)."""
    if not name.strip():
        return "clinic"
    from brochure.inputs.names import short_name

    return short_name(name)


NONE = "none"  # the fallbacks' answer for none (on a terminal, Enter takes the default, which may name some)


def _none(value: str) -> bool:
    return value.strip().lower() == NONE


def _default_fallbacks(answers: Answers) -> str:
    """The installed families the kit's fonts need for the letters of its own lines in each of its languages
    (KIT_LINES, `chosen_languages`), comma-separated: a kit made with the defaults builds the leaflet in each."""
    from brochure.theme.catalog import fallbacks_for

    fonts = tuple(dict.fromkeys(answers[k] for k in ("font", "heading_font") if answers.get(k)))
    lines = [KIT_LINES[tag] for tag in ("en", *chosen_languages(answers))]
    letters = "".join(text for formats, contact, feedback in lines for text in (*formats, contact, feedback))
    return ", ".join(fallbacks_for(letters, fonts)) if fonts else ""


def _default_paper(answers: Answers) -> str:
    return "letter" if answers.get("country", "").upper() in LETTER_COUNTRIES else "a4"


QUESTIONS: tuple[Question, ...] = (
    Question("name", "The clinic's name, as printed", None, _text, "the clinic's name, as printed"),
    Question(
        "id",
        "A short name for file names",
        lambda a: _short_name(a.get("name", "")),
        _id,
        "the short name in output file names (default: made from --name)",
    ),
    Question(
        "country",
        "The clinic's country, as its two-letter code (GB, US, IE, ...), for phone numbers; empty for none",
        lambda a: "",
        _country,
        "the clinic's country (ISO 3166, e.g. GB): phone numbers print in its style (default: none; the phone "
        "number then needs its +country code)",
    ),
    Question(
        "paper",
        "Paper (a4 or letter)",
        _default_paper,
        _paper,
        "a4 or letter (default: letter in the US, Canada, Mexico, the Philippines, Chile and Colombia, else a4)",
    ),
    Question("primary", "Primary colour, #RRGGBB (headings, bands)", lambda a: "#1D5C63", _color, "headings, bands"),
    Question("secondary", "Secondary colour (artwork, soft tints)", lambda a: "#7FB7BE", _color, "artwork, soft tints"),
    Question("accent", "Accent colour (numbers, icons, one highlight)", lambda a: "#E07A5F", _accent, "numbers, icons"),
    Question(
        "background",
        "Background colour (tints are mixed with it; the paper stays white)",
        lambda a: "#FFFFFF",
        _background,
        "the colour the soft tints are mixed with; the leaflet prints on white paper, so leave it white unless it "
        "prints on tinted stock",
    ),
    Question("text", "Text colour (body text: near-black)", lambda a: "#1F2A2E", _text_color, "body text"),
    Question(
        "font",
        "Font family for headings and body (see `brochure fonts`)",
        lambda a: "Be Vietnam Pro",
        _font,
        "an installed static family for headings and body text; `brochure fonts` lists them",
    ),
    Question(
        "heading_font",
        "Font family for headings",
        lambda a: a.get("font", "Be Vietnam Pro"),
        _font,
        "another family for headings (default: --font)",
    ),
    Question(
        "languages",
        "Languages the clinic prints leaflets in besides English, comma-separated (es, pl, vi, ar); none for none",
        lambda a: ", ".join(t for t in KIT_LINES if t != "en"),
        _languages,
        "the languages besides English the kit's lines (on asking for other formats, on commenting) are written "
        "in, comma-separated; a leaflet in another is an error until the kit has its lines; not asked on a "
        "terminal (default: es, pl, vi, ar: those of the tool's translations)",
        asked=False,
    ),
    Question(
        "fallbacks",
        "Fallback font families for letters those fonts lack (Greek, Hebrew, Arabic, ...), comma-separated; "
        "none for none",
        _default_fallbacks,
        _fallbacks,
        "families, comma-separated, for the letters the fonts above lack (a clinic name in Hebrew or Arabic, "
        "Greek or Cyrillic words); `brochure fonts` lists each family's scripts (default: those the kit's lines "
        "in other languages need, e.g. IBM Plex Sans Arabic for its Arabic lines; none for none)",
    ),
    Question(
        "logo",
        "The logo file (SVG, PNG or JPEG); empty for a plain mark to replace later",
        lambda a: "",
        _logo,
        "the logo, an SVG (text converted to outlines), a PNG or a JPEG, copied into the kit (default: a plain mark in "
        "the brand's colours, logo.svg, to replace)",
    ),
    Question("address", "Address, on one line", None, _contact("address"), "the clinic's address, on one line"),
    Question("phone", "Phone number", None, _contact("phone"), "the phone number, e.g. +44 117 496 0321"),
    Question("email", "Email address", None, _contact("email"), "the email address"),
    Question("website", "Website (https://...)", None, _contact("website"), "the website, https://..."),
    Question(
        "booking_url",
        "Booking page (the QR code on the back opens it)",
        lambda a: a.get("website", ""),
        _contact("booking_url"),
        "the booking page the QR code opens (default: --website)",
    ),
)


def add_init_arguments(p: argparse.ArgumentParser) -> None:
    """The options of `brochure init`: one per question, and the words mode."""
    p.add_argument(
        "folder",
        nargs="?",
        type=Path,
        default=None,
        help="the new kit's folder (default: assets/brands/ID, from the clinic's name)",
    )
    for q in QUESTIONS:
        said = "default" in q.help  # (else worked out for the help; the fallbacks' reads the fonts: not here)
        default = q.default({"name": "", "font": "--font", "website": "--website"}) if q.default and not said else None
        text = q.help if said else f"{q.help} (default: {default})" if default else f"{q.help} (default: asked)"
        p.add_argument(q.option, dest=q.key, default=None, metavar=q.key.upper().replace("_", "-"), help=text)
    p.add_argument(
        "--yes",
        action="store_true",
        help="ask nothing: take the defaults and fail on a missing answer (default: ask on a terminal)",
    )
    p.add_argument(
        "--words",
        action="store_true",
        help="instead of a kit, copy the words (--from) into the folder, to edit for this clinic (default: off)",
    )
    p.add_argument(
        "--from",
        dest="words_from",
        type=Path,
        default=Path("content.yaml"),
        metavar="FILE",
        help="with --words: the content file to copy (default: content.yaml)",
    )


def answer_problem(q: Question, value: str, answers: Answers) -> tuple[str, str]:
    return q.check(value.strip(), answers)


_FIELDS = {"font": ("fonts.body",), "heading_font": ("fonts.heading",), "fallbacks": ("fonts.fallbacks",)}


def question_for(key: str) -> Question | None:
    """The question whose answer a brand.yaml key path comes from (`colors.primary`, `logo.height`,
    `contact.phone`), or None."""
    for q in QUESTIONS:
        for path in (q.key, f"colors.{q.key}", f"contact.{q.key}", *_FIELDS.get(q.key, ())):
            if key == path or key.startswith((path + ".", path + "[")):
                return q
    return None


def schema_header(folder: Path, name: str) -> str:
    """The comment that lets the YAML language server check a file against its schema: relative to the file's
    folder inside the project, else the schema's file:// address; '' when the schemas are not beside the package
    (an installed copy)."""
    schema = SCHEMAS / f"{name}.schema.json"
    if not schema.is_file():
        return ""
    here = folder.resolve()
    if SCHEMAS.parent not in (here, *here.parents):  # a folder outside the project: the schema's file address
        return f"# yaml-language-server: $schema={schema.as_uri()}\n"
    return f"# yaml-language-server: $schema={Path(os.path.relpath(schema, here)).as_posix()}\n"


def _fallbacks_line(value: str) -> str:
    """`  fallbacks: [...]` for the families given, each once, in the order given ('' : no line)."""
    from brochure.theme.catalog import family_name

    if _none(value):
        return ""
    families = list(dict.fromkeys(family_name(f.strip()) for f in value.split(",") if f.strip()))
    return f"  fallbacks: [{', '.join(_q(f) for f in families)}]" if families else ""


def _note(line: str, column: int) -> str:
    """A line padded for the comment after it to start at `column`, and at least one space before it (a long id or
    logo name would otherwise run into the '#' and make the comment part of its value)."""
    return f"{line} ".ljust(column)


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is YAML's)."""
    return json.dumps(text, ensure_ascii=False)


def _id_scalar(id_: str) -> str:
    """An id as YAML reads it back as text: as it is, or quoted where YAML would read a number, a date or
    true/false (a clinic named "1990" or "No" made the id 1990 or no: the kit it wrote did not build)."""
    import yaml

    try:
        plain = isinstance(yaml.safe_load(id_), str)
    except yaml.YAMLError:
        plain = False
    return id_ if plain else _q(id_)


def brand_yaml(folder: Path, a: Answers, logo: str) -> str:
    """brand.yaml for the answers, with comments saying what each line does."""
    from brochure.theme.catalog import family_name

    font, heading = family_name(a["font"]), family_name(a["heading_font"])
    country = f"country: {a['country'].upper()}" if a.get("country") else "# country: GB"
    lines = [
        schema_header(folder, "brand").rstrip("\n"),
        f"# {_BREAK.sub(' ', a['name'])}: the brand kit, made by `brochure init`. README.md, "
        '"Changing the brand", says more.',
        "# Paths are relative to this file and may not leave this folder.",
        f"name: {_q(a['name'])}",
        _note(f"id: {_id_scalar(a['id'])}", 28) + "# the short name in output file names",
        _note(country, 28) + "# phone numbers print in this country's style",
        "colors:                     # #RRGGBB, in quotes (YAML reads # as a comment)",
        _note(f"  primary: {_q(a['primary'].upper())}", 28) + "# headings, bands",
        _note(f"  secondary: {_q(a['secondary'].upper())}", 28) + "# artwork, soft tints",
        _note(f"  accent: {_q(a['accent'].upper())}", 28) + "# numbers, icons, one highlight",
        _note(f"  text: {_q(a['text'].upper())}", 28) + "# body text",
        f"  background: {_q(a['background'].upper())}",
        "fonts:                      # `brochure fonts` lists the families you can name",
        f"  heading: {{family: {_q(heading)}, weight: {heading_weight(heading)}}}",
        f"  body: {{family: {_q(font)}}}",
        _fallbacks_line(a.get("fallbacks", "")),
        _note(f"logo: {logo}", 28) + "# SVG (text as outlines), PNG or JPEG",
        _note(f"# logo: {{file: {logo}, height: 20}}", 42) + "# its printed height, 8 to 40 mm (default 15)",
        _note("# type: {body_size: auto}", 42) + "# body type by the font's x-height (README)",
        "contact:",
        f"  address: {_q(a['address'])}",
        f"  phone: {_q(a['phone'])}",
        f"  email: {_q(a['email'])}",
        f"  website: {_q(a['website'])}",
        f"  booking_url: {_q(a['booking_url'])}".ljust(28) + "  # the QR code on the back opens it",
        _note(f"paper: {paper_word(a['paper'])}", 28) + "# a4 or letter",
        *_printed_lines(a),
    ]
    return "\n".join(line for line in lines if line) + "\n"


# The lines a patient leaflet gives on asking for it in another format and on commenting on it (printed with the
# document details on the back), in the kit's own language (English) and in the languages of the shipped
# translations, worded as the shipped kits word them: the formats the tool itself makes (large print, other
# languages), how to ask (the clinic's phone and email), where to comment. A leaflet in a language a kit with these
# lines has none for is an error, so a new kit has them in every language it can be built in here.
KIT_LINES: dict[str, tuple[tuple[str, ...], str, str]] = {
    "en": (
        ("large print", "other languages"),
        "call {phone} or email {email}",
        "Tell us what you think of this leaflet: {email}",
    ),
    "es": (
        ("letra grande", "otros idiomas"),
        "llame al {phone} o escriba a {email}",
        "Díganos qué le parece este folleto: {email}",
    ),
    "pl": (
        ("duży druk", "inne języki"),
        "zadzwoń pod {phone} lub napisz na {email}",
        "Co sądzisz o tej ulotce? Napisz: {email}",
    ),
    "vi": (
        ("chữ lớn", "ngôn ngữ khác"),
        "gọi {phone} hoặc email {email}",
        "Hãy cho chúng tôi biết ý kiến về tờ thông tin này: {email}",
    ),
    "ar": (
        ("خط كبير", "لغات أخرى"),
        "اتصل بالرقم {phone} أو راسلنا على {email}",
        "أخبرنا برأيك في هذه النشرة: {email}",
    ),
}


def _printed_lines(a: Answers) -> list[str]:
    """`other_formats:` and `feedback:` with the clinic's phone (as the leaflet prints it) and email, and the same
    under `languages:` for each of its other languages (`chosen_languages`)."""
    from brochure.inputs.links import phone_number

    phone, _ = phone_number(a["phone"], a.get("country", "").upper() or None)
    said = {"phone": phone.printed.replace("\u00a0", " ") if phone is not None else a["phone"], "email": a["email"]}

    def block(tag: str, indent: str) -> list[str]:
        formats, contact, feedback = KIT_LINES[tag]
        return [
            f"{indent}other_formats:",
            f"{indent}  formats: [{', '.join(_q(f) for f in formats)}]",
            f"{indent}  contact: {_q(contact.format_map(said))}",
            f"{indent}feedback: {_q(feedback.format_map(said))}",
        ]

    first = block("en", "")
    first[0] = _note(first[0], 28) + "# printed with the document details: add audio, Braille or easy read if offered"
    others = [line for tag in chosen_languages(a) for line in (f"  {tag}:", *block(tag, "    "))]
    if not others:
        return first
    return [*first, _note("languages:", 28) + "# the lines above in the languages of the translations", *others]


def placeholder_logo(a: Answers) -> str:
    """A plain mark in the brand's colours (shapes only), for a kit made without a logo: replace it."""
    primary, accent = a["primary"].upper(), a["accent"].upper()
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="240" height="80" viewBox="0 0 240 80">\n'
        f'  <circle cx="40" cy="40" r="36" fill="{primary}"/>\n'
        f'  <circle cx="40" cy="40" r="14" fill="{accent}"/>\n'
        f'  <rect x="92" y="22" width="140" height="12" rx="6" fill="{primary}"/>\n'
        f'  <rect x="92" y="46" width="96" height="12" rx="6" fill="{accent}"/>\n'
        "</svg>\n"
    )


class Exists(Exception):
    """A file init would write is already there: nothing is replaced."""


def write_kit(folder: Path, a: Answers) -> list[Path]:
    """The kit's files (brand.yaml last, so a kit is whole or not there); never replaces a file. A logo given
    where the kit's logo goes (`--logo kit/logo.png`) is used where it is."""
    from brochure.inputs.logo import PICTURE_LOGOS
    from brochure.output.files import same_file

    brand = folder / "brand.yaml"
    source = logo_path(a["logo"]) if a.get("logo") else None
    logo = folder / (f"logo{source.suffix.lower()}" if source else "logo.svg")
    in_place = source is not None and same_file(source, logo)
    others = () if source else tuple(folder / f"logo{end}" for end in PICTURE_LOGOS)  # (the clinic's own, there: to
    for path in (brand, *(() if in_place else (logo,)), *others):  # be given with --logo, not left beside a mark)
        if os.path.lexists(path):  # (a link to nothing too: writing through it would fail)
            raise Exists(str(path))
    files = [] if in_place else [(logo, source.read_bytes() if source else placeholder_logo(a).encode("utf-8"))]
    files.append((brand, brand_yaml(folder, a, logo.name).encode("utf-8")))
    write_new(files)
    return [brand] if in_place else [brand, logo]


def write_new(files: list[tuple[Path, bytes]]) -> None:
    """Write new files (and the folders they need) as one: none is replaced (Exists), and on any exception while
    writing (a full disk, Ctrl-C, SIGTERM) the files and folders made so far are removed: nothing is left half-made
    (an interrupted init left an empty brand.yaml beside the logo, which the next init refused as a kit there)."""
    made: list[Path] = []  # (each before it is made: a stop between making it and noting it leaves nothing)
    try:
        for path, data in files:
            for parent in reversed([p for p in path.parents if not os.path.lexists(p)]):  # (the outermost first)
                made.append(parent)
                try:
                    parent.mkdir()
                except FileExistsError:
                    made.pop()  # (made meanwhile by another: not ours to remove)
            made.append(path)
            try:
                f = path.open("xb")
            except FileExistsError:
                made.pop()  # (there meanwhile: never ours to remove)
                raise Exists(str(path)) from None
            with f:
                f.write(data)
    except BaseException:
        for path in reversed(made):
            with contextlib.suppress(OSError):
                if path.is_dir() and not path.is_symlink():
                    path.rmdir()  # (only when empty)
                else:
                    path.unlink(missing_ok=True)
        raise


def copy_words(source: Path, folder: Path, pictures: list[tuple[str, Path]]) -> list[Path]:
    """The content file (its schema comment pointed from its new place) and the pictures it shows (each as
    written in it, and the file it names), at the same paths relative to it, each once; never replaces a file."""
    target = folder / "content.yaml"
    base = source.parent.resolve()
    copies: dict[Path, Path] = {}
    for written, picture in pictures:
        copies.setdefault(folder / _copied_name(written, picture, base), picture)
    for path in [target, *copies]:
        if os.path.lexists(path):
            raise Exists(str(path))
    text = source.read_text(encoding="utf-8-sig")
    lines = [line for line in text.splitlines(keepends=True) if not line.startswith("# yaml-language-server:")]
    words = (schema_header(folder, "content") + "".join(lines)).encode("utf-8")
    write_new([(target, words), *((copy, original.read_bytes()) for copy, original in copies.items())])
    return [target, *copies]


def _copied_name(written: str, picture: Path, base: Path) -> Path:
    """Where a picture's copy goes, relative to the copied content file: where the content names it, so the copy
    finds it through no link (a link in the words' folder is not copied); its real place when the name climbs out
    of the folder through a link, or is absolute."""
    if not written or named_from_outside(written):
        return picture.resolve().relative_to(base)
    return Path(os.path.normpath(written))


def named_from_outside(written: str) -> bool:
    """Whether a picture's `src:` names it by an absolute path or through '..' (a copy of the words cannot name
    its copy so)."""
    name = Path(os.path.normpath(written))
    return name.is_absolute() or name.parts[:1] == ("..",)
