"""File paths and options -> loaded inputs -> Result(pdf bytes, diagnostics, ...): the pipeline in one place.

The public API, re-exported by `brochure`: `load`, `build`, `Options`, `Sources` and `Result` (see
docs/architecture.md, "Using brochure from Python"). The rest of this module serves the command line.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import date
from pathlib import Path

from brochure.diagnostics import Diagnostic, Location, closest, error, warning
from brochure.frozen import frozen
from brochure.geometry.sheet import sheet_for
from brochure.inputs.blocks import Image
from brochure.inputs.brand import Brand, KitLanguage, kit_files, load_brand, other_clinic_with_id
from brochure.inputs.content import Content, load_content
from brochure.inputs.inline import one_line, plain
from brochure.inputs.names import short_name
from brochure.layout import PLANS, SCALES
from brochure.layout.compose import Inputs
from brochure.layout.document import keywords as document_keywords
from brochure.layout.engine import lay_out
from brochure.layout.model import Layout
from brochure.output.pdfua import make_pdfua
from brochure.output.pdfx import make_pdfx
from brochure.preflight.checks import (
    check_contact_lines,
    check_emergency_numbers,
    check_language_region,
    check_printed_addresses,
    check_producer,
)
from brochure.preflight.contrast import colours_for
from brochure.preflight.dates import check_dates, source_date, stamp, today
from brochure.preflight.design import check_design, check_line_widths
from brochure.preflight.glyphs import check_glyphs, cjk_language
from brochure.preflight.labels import check_link_labels
from brochure.preflight.pdf import Where, check_pdf
from brochure.preflight.placement import check_placement
from brochure.preflight.press import check_overrides
from brochure.preflight.qr import check_qr_decodes
from brochure.render.pdf import Meta, render
from brochure.render.structure import structure_of
from brochure.theme.cmyk import build_profile, output_condition, press_brand, press_palette, printing_condition
from brochure.theme.fonts import FontSet, bold_warning, fallback_bold_warning, italic_warning, load_fonts
from brochure.theme.shaping import rtl
from brochure.theme.styles import make_theme
from brochure.vocabulary import (
    LAYOUTS,
    PAPERS,
    TARGETS,
    LayoutName,
    PaperName,
    Target,
    direction,
    in_arabic_letters,
    language_base,
)
from brochure.words import WORDS, words_for


@frozen
class Options:
    """What to build: the same choices as the command line's options. A word outside a vocabulary
    (`Options(layout="zfold")`, `target="web"`) is a ValueError here; `marks` with an office target is
    refused by `build` (the command line reports it as a usage error)."""

    layout: LayoutName = "trifold"
    paper: PaperName | None = None  # None: the brand's paper
    target: Target = "office"
    marks: bool = False  # crop and fold marks (press only)
    allow_expired: bool = False  # a passed review date is a warning, not an error
    today: date | None = None  # the date the review date is checked against (None: SOURCE_DATE_EPOCH, else the clock)

    def __post_init__(self) -> None:
        _check_word("layout", self.layout, LAYOUTS)
        if self.paper is not None:
            _check_word("paper", self.paper, PAPERS, "or None for the brand's paper")
        _check_word("target", self.target, TARGETS)


def _check_word(field: str, value: object, words: tuple[str, ...], more: str = "") -> None:
    """A ValueError naming the field, the value given and the valid words, when value is not one of them."""
    if value in words:
        return
    close = closest(value, words) if isinstance(value, str) else None
    guess = f"did you mean '{close}'? " if close else ""
    raise ValueError(
        f"Options.{field}: {value!r} is not a {field}; {guess}valid: {', '.join(words)}{' ' + more if more else ''}"
    )


@frozen
class Sources:
    """The loaded, validated inputs."""

    content: Content
    brand: Brand
    fonts: FontSet


@frozen
class Result:
    """One build's outcome, as plain data: `pdf` (the file's bytes, None when an error stopped it), `diagnostics`
    (every error and warning), `ok`, `pages` (pages printed) and `body_size` (the inside's body type size, in
    points, as the words were fitted).

    `layout` is the frames (brochure/layout/model.py): every page's positioned text lines, shapes, pictures and
    links with their roles, as plain frozen data; None when the words could not be laid out.
    """

    pdf: bytes | None
    layout: Layout | None
    diagnostics: tuple[Diagnostic, ...]

    @property
    def ok(self) -> bool:
        return self.pdf is not None and not any(d.is_error for d in self.diagnostics)

    @property
    def pages(self) -> int:
        """The pages laid out (1 or 2; 0 when the words could not be laid out)."""
        return len(self.layout.pages) if self.layout is not None else 0

    @property
    def body_size(self) -> float | None:
        """The inside's body type size in points (tightened from the kit's size when the words need it, or set larger
        when they leave the inside's panels short), or None."""
        return self.layout.body_size if self.layout is not None else None


def load(content_path: Path, brand_path: Path) -> tuple[Sources | None, list[Diagnostic]]:
    """Read and validate both input files and the logo; every problem is reported together."""
    return load_with(content_path, load_kit(brand_path))


Kit = tuple[tuple[Brand, FontSet] | None, list[Diagnostic]]  # a brand kit read and its fonts loaded, or why not


def load_kit(brand_path: Path) -> Kit:
    """Read and validate a brand kit (its logo, fonts and profile too)."""
    brand, diags = load_brand(brand_path)
    if brand is None:
        return None, diags
    fonts, font_diags = load_fonts(brand)
    return ((brand, fonts) if fonts is not None else None), diags + font_diags


def load_with(content_path: Path, kit: Kit) -> tuple[Sources | None, list[Diagnostic]]:
    """Read and validate a content file, with a brand kit already read (`brochure watch` reads a kit again only
    when one of its files changed)."""
    loaded, kit_diags = kit
    logo = loaded[0].logo.picture if loaded is not None else None
    content, diags = load_content(content_path, logo=logo.cost if logo is not None else 0)  # (one budget: the logo's
    # pixels and the pictures')
    diags += kit_diags
    if content is None or loaded is None:
        return None, diags
    brand, fonts = loaded
    diags += italic_warning(brand, fonts, content) + bold_warning(brand, fonts)
    diags += fallback_bold_warning(brand, fonts, content)
    return Sources(content, brand, fonts), diags


def check_translation(source_path: Path, translation: Content) -> list[Diagnostic]:
    """A translation against the content file it translates (brochure/inputs/translation.py): the source's own
    problems first, if it has any."""
    return translation_check(source_path, translation)[1]


def translation_check(source_path: Path, translation: Content) -> tuple[Content | None, list[Diagnostic]]:
    """The source content read (None when it cannot be), and check_translation's findings."""
    source, diags = load_content(source_path, "--source")
    if source is None:
        return None, [d for d in diags if d.is_error]
    if cjk_language(translation) is not None:  # (its build says it cannot be set, alone: not what to mend first)
        return source, []
    from brochure.inputs.translation import compare  # (only a translation is compared: not on every build's import)

    return source, compare(source, translation)


def option_problem(options: Options, environ: Mapping[str, str] | None = None) -> str:
    """Why these options cannot be built, or '' (the command line reports it as a usage error)."""
    if options.marks and options.target != "press":
        return "--marks needs --target press (office printers cannot print marks outside the sheet)"
    return source_date(os.environ if environ is None else environ)[1]  # read by the PDF writer too


def build(src: Sources, options: Options, environ: Mapping[str, str] | None = None) -> Result:
    """Lay out, check and render one leaflet; no file is written here. SOURCE_DATE_EPOCH is read from `environ`
    (default: this process's environment; a batch gives its workers its own, so that a worker on another machine
    builds the same bytes)."""
    return _build(src, options, environ, rendered=True)


def fits(src: Sources, options: Options, environ: Mapping[str, str] | None = None) -> Result:
    """Whether the words fit, and what stops them, as `build` finds it: laid out at the kit's size or smaller (not
    set larger to fill the panels, which is most of a layout's time) and checked, not rendered (`pdf` None); in
    about a fifth of a build's time (init's trial of the tool's translations)."""
    return _build(src, options, environ, rendered=False)


def _build(src: Sources, options: Options, environ: Mapping[str, str] | None, rendered: bool = True) -> Result:
    env = os.environ if environ is None else environ
    problem = option_problem(options, env)
    if problem:
        raise ValueError(problem)
    fonts = src.fonts
    refused = cjk_language(src.content)
    if refused is not None:  # (alone: the words and kit lines it lacks are work on a leaflet that cannot be set)
        return Result(None, None, (refused,))
    diags = check_dates(src.content.document, options.today or today(env), options.allow_expired)
    diags += _language_words(src.content)
    kit, translated = src.brand.in_language(src.content.language)  # its other formats and feedback lines
    if not translated:
        diags.append(_kit_language(src))
    else:
        diags += _entries_not_read(src)
    diags += check_producer(src.content, kit)
    diags += check_language_region(src.content, kit)
    diags += check_printed_addresses(kit)
    diags += check_contact_lines(kit)
    diags += check_link_labels(src.content, kit)
    diags += check_emergency_numbers(src.content, kit)
    diags += check_glyphs(src.content, kit, fonts)
    if any(d.is_error for d in diags):
        return Result(None, None, tuple(diags))
    press = options.target == "press"
    condition = printing_condition(kit)
    brand, profile = kit, build_profile(kit)
    palette = press_palette(brand, profile) if press else None  # (of the kit's colours: the logo's aside)
    if palette is not None:
        diags += check_overrides(kit, profile)
        brand = press_brand(brand, profile, palette)
    way = direction(src.content.language)
    heads = (src.content.title, *(section.heading for section in src.content.sections))
    arabic = in_arabic_letters(src.content.language) and rtl(" ".join(heads))  # (in its letters, not another's)
    scale = SCALES.get(options.layout)
    theme = make_theme(brand, fonts, palette, profile if press else None, scale, way, arabic, " ".join(heads))
    sheet = sheet_for(options.layout, options.paper or brand.paper, options.target, options.marks, way)
    layout, ldiags = lay_out(
        PLANS[options.layout](sheet),
        options.layout,
        Inputs(src.content, brand, theme, sheet, links=not press, layout=options.layout, grow=rendered),
        lambda placed: check_line_widths(placed, src.content),  # (words too long, said with words that spill)
    )
    diags += ldiags
    if layout is None:
        return Result(None, None, tuple(diags))
    diags += check_placement(layout, src.content)
    diags += check_design(
        layout, brand, src.content, colours_for(brand, theme.palette, fonts, profile if press else None, profile)
    )
    diags += check_qr_decodes(layout, brand.where("contact.booking_url"))
    if any(d.is_error for d in diags) or not rendered:
        return Result(None, layout, tuple(diags))
    c = src.content
    meta = _meta(src, press, env)
    if press:  # PDF/X-1a, untagged
        pdf = make_pdfx(render(layout, meta), profile, *output_condition(brand.profile, condition))
    else:  # tagged: PDF/UA-1
        structure = structure_of(layout)
        pdf = make_pdfua(render(layout, meta, structure), structure, meta)
    content_at = Location(str(c.path), 1, 1)
    where = Where(colors=brand.where("colors"), fonts=brand.where("fonts"), content=content_at)
    diags += check_pdf(pdf, sheet, where)
    if any(d.is_error for d in diags):
        return Result(None, layout, tuple(diags))
    return Result(pdf, layout, tuple(diags))


def _printed(text: str) -> str:
    """A title's or heading's words as printed, on one line (for the PDF's title, subject and keywords): its marks
    and escapes read as the page prints them, its line breaks (which are for the cover) spaces."""
    return one_line(plain(text))


def _meta(src: Sources, press: bool, env: Mapping[str, str]) -> Meta:
    c = src.content
    title, subtitle = _printed(c.title), _printed(c.subtitle)
    return Meta(
        title=c.tool_words.pdf_title.format(title=title, subtitle=subtitle),
        author=src.brand.name,
        subject=c.tool_words.subject.format(title=f"{title} {subtitle}"),
        keywords=(title, *(_printed(s.heading) for s in c.sections), src.brand.name, *document_keywords(c)),
        language=c.language,
        base_font=src.fonts.regular,
        press=press,
        created=stamp(env, c.document.published),
    )


def draft(src: Sources, options: Options, layout: Layout) -> bytes:
    """The pages a build laid out but refused to finish (preflight found errors), rendered to look at: the live
    preview shows them with their findings. Never a file to print: it has not passed preflight (nor been made
    PDF/X or tagged)."""
    return render(layout, _meta(src, options.target == "press", os.environ))


def _kit_language(src: Sources) -> Diagnostic:
    """A leaflet in a language the kit's other-formats and feedback lines are not written in."""
    b, language = src.brand, src.content.language
    given = (("other_formats", b.other_formats), ("feedback", b.feedback))
    lines = " and ".join(name for name, value in given if value)
    others = b.others_for(language)
    other = f" (its entry '{others[0].tag}' serves leaflets in '{others[0].tag}' only)" if others else ""
    return error(
        b.language_entry(language) if b.translations else b.where("feedback" if b.feedback else "other_formats"),
        f"the brand kit's {lines} lines are in '{b.language}', and the leaflet is in '{language}': the kit has "
        f"no '{language}' version of each under languages:{other}, so they would print in another language",
        f"add them in the kit: {_lines_for(b, language_base(language), [n for n, value in given if value])}"
        + (f", or rename the entry '{others[0].tag}' to '{language_base(language)}'" if others else ""),
    )


def _lines_for(b: Brand, tag: str, lines: list[str]) -> str:
    """A kit's `languages:` entry for a language, with the `lines` the kit has (other_formats, feedback), as a hint
    writes it: the tool's own wording where it has one (as `brochure init` writes a kit's lines), with the clinic's
    phone and email; else their shape."""
    from brochure.kit import KIT_LINES

    known = KIT_LINES.get(tag)
    said = {"phone": b.contact.phone_printed.replace("\u00a0", " "), "email": b.contact.email}
    entries = {
        "other_formats": "other_formats: {formats: [...], contact: ...}"
        if known is None
        else f'other_formats: {{formats: [{", ".join(known[0])}], contact: "{known[1].format_map(said)}"}}',
        "feedback": "feedback: ..." if known is None else f'feedback: "{known[2].format_map(said)}"',
    }
    entry = f"languages: {{{tag}: {{{', '.join(entries[n] for n in lines)}}}}}"
    if known is None:
        return entry
    return f"{entry} (the tool's wording, as `brochure init` writes it: check it says what the clinic offers)"


def _entries_not_read(src: Sources) -> list[Diagnostic]:
    """A kit's `languages:` entry in the leaflet's language that the leaflet does not read (es-MX, for an es-US
    leaflet, with no es-US or es entry): what it gives does not print, and the kit's own lines print instead."""
    language, b = src.content.language, src.brand
    return [
        warning(
            b.where(f"languages.{entry.tag}"),
            f"the brand kit's languages: entry '{entry.tag}' serves leaflets in '{entry.tag}' only, and this one is "
            f"in '{language}': what it gives ({_given(entry)}) does not print here; the kit's own does",
            f"name the entry '{language_base(language)}' to serve every leaflet in that language, or add an entry "
            f"'{language}' of its own",
        )
        for entry in b.others_for(language)
    ]


def _given(entry: KitLanguage) -> str:
    """What a kit's languages: entry gives, in words: 'other_formats, feedback and booking_url'."""
    names = [*(["other_formats"] if entry.other_formats else []), *(["feedback"] if entry.feedback else [])]
    names += [key for key, _ in entry.addresses]
    return ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else "".join(names) or "nothing"


def _language_words(content: Content) -> list[Diagnostic]:
    """A language the built-in words table lacks must give the tool's own words in `words:`: else they would
    print in English in a leaflet in another language."""
    missing = words_for(content.language, dict(content.words))[1]
    if not missing:
        return []
    known = ", ".join(sorted(WORDS))
    return [
        error(
            content.language_at,
            f"brochure has no built-in words for '{content.language}': the content file must give them in a "
            f"'words:' block; missing: {', '.join(missing)}",
            f"translate the English words (README, 'Languages') into a 'words:' block; built in: {known}",
        )
    ]


def input_files(src: Sources) -> list[tuple[str, Path]]:
    """Every file the loaded inputs name, with what it is: content, brand, brand kit files (PNG logo, fonts,
    profile), pictures."""
    return [("the content file (--content)", src.content.path), *kit_files(src.brand), *picture_files(src.content)]


def picture_files(content: Content, whose: str = "the content") -> list[tuple[str, Path]]:
    """The picture files a content file shows, with what each is ('a picture of the content (sections[0]...)')."""
    return [
        (f"a picture of {whose} ({b.at.key or 'src'})", b.src.source)
        for section in content.sections
        for b in section.blocks
        if isinstance(b, Image)
    ]


def other_clinics_file(src: Sources, options: Options, pdf: Path) -> list[Diagnostic]:
    """An error where the file named for the edition (`pdf`, out/ID-...) is another clinic's of this project: a kit
    copied for a new clinic with its `id:` kept wrote the new clinic's leaflet over the other's on every build."""
    b = src.brand
    other = other_clinic_with_id(b, options.paper)
    if other is None:
        return []
    path, name = other
    own = short_name(b.name)
    suggested = own if own and own != b.id else f"{b.id}-2"
    return [
        error(
            b.where("id") if "id" in dict(b.locations) else b.where("name"),
            f"the kit's id '{b.id}' is the id of {name}'s kit ({path}): this leaflet would be written over that "
            f"clinic's, {pdf}",
            f"give this kit its own id (id: {suggested}), or name the file with -o",
        )
    ]


def edition_name(src: Sources, options: Options) -> str:
    """The default stem of an edition's files: brand, language, layout, paper and target, e.g.
    'clearwater-en-gb-trifold-a4-office' ('-marks' added for a press edition with marks)."""
    paper = options.paper or src.brand.paper
    parts = [src.brand.id, src.content.language.lower(), options.layout, paper, options.target]
    return "-".join([*parts, "marks"] if options.marks else parts)
