"""assets/brand.yaml (a clinic's brand kit) -> a frozen Brand object, or Diagnostics."""

from __future__ import annotations

import io
import os
import re
import unicodedata
from dataclasses import field, replace
from pathlib import Path

import yaml

from brochure import limits
from brochure.diagnostics import Diagnostic, Location, shorten
from brochure.frozen import frozen
from brochure.inputs.contact import (
    CONTACT_KEYS,
    Contact,
    contact_problem,
    read_contact,
    read_country,
    read_press,
)
from brochure.inputs.controls import DESIGN_TYPE, OWN_HEIGHTS, LogoHeights, TypeSpec, read_logo, read_type
from brochure.inputs.files import inside, name_problem, near, read_bytes
from brochure.inputs.logo import PICTURE_LOGOS, Logo, load_logo, unread_problem
from brochure.inputs.names import short_name
from brochure.inputs.pictures import icc_damage
from brochure.inputs.reader import Reader, load_file
from brochure.inputs.yamltree import PARSER, Node
from brochure.patterns import Later
from brochure.remembered import content_key
from brochure.vocabulary import PAPERS, Condition, LayoutName, PaperName, is_paper, language_base, language_problem

COLOR_KEYS = ("primary", "secondary", "accent", "text", "background")
FACES = ("regular", "bold", "italic", "bold_italic")
ID_CHARS = 40  # a brand id's most characters (it names output files and folders)
_ID = re.compile(rf"^[a-z0-9][a-z0-9-]{{0,{ID_CHARS - 1}}}$")
_HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")

AS_WRITTEN = frozenset({"name", *(f"contact.{k}" for k in CONTACT_KEYS)})  # the kit's texts printed as written
# (read with `literal=True`: no inline markup, so a bracket or an asterisk in them is a character like any other)
LANGUAGE_ADDRESSES = ("website", "booking_url")  # what `languages: TAG:` may give in place of `contact:`'s


@frozen
class FontSpec:
    """One role's font: an installed family (with a weight for headings) or four TTF files."""

    family: str | None
    weight: int
    files: tuple[tuple[str, Path], ...]  # (face, path) when given as files
    at: Location
    places: tuple[tuple[str, Location], ...] = ()  # (face, where its file is named) when given as files


@frozen
class OtherFormats:
    """What a patient can ask for instead of this leaflet (large print, other languages, audio), and how."""

    formats: tuple[str, ...]
    contact: str


@frozen
class KitLanguage:
    """The kit in another language (`languages: TAG:`): its other-formats and feedback lines written in it, and
    its web addresses for that language's readers (a booking page in Spanish) where they differ from `contact:`'s."""

    tag: str
    other_formats: OtherFormats | None = None
    feedback: str | None = None
    addresses: tuple[tuple[str, str], ...] = ()  # (website | booking_url, address)


def as_written(key: str) -> bool:
    """Whether the kit's text at `key` prints as written (no inline markup): its name and contact lines, and a
    language's own addresses."""
    parts = key.split(".")
    return key in AS_WRITTEN or (len(parts) == 3 and parts[0] == "languages" and parts[2] in LANGUAGE_ADDRESSES)


@frozen
class Profile:
    """A CMYK ICC profile as read once (a kit's when the kit is loaded, a shipped one when first asked for): the file it
    was read from, its bytes and their digest (`content_key`), which every answer worked out through it is kept by.
    A build converts, proofs, checks and embeds these bytes and never reads the file again: a profile replaced at the
    same path is another Profile at the next load, and never mixes with the one it replaced."""

    source: Path
    key: bytes  # content_key(data): what it compares and hashes by (with `source`), not its bytes
    data: bytes = field(compare=False, repr=False)


def icc_profile(source: Path, data: bytes) -> Profile:
    """A profile's bytes, read from `source`, as a Profile."""
    return Profile(source, content_key(data), data)


@frozen
class Brand:
    """A clinic's identity: colours (with optional CMYK overrides), fonts, logo, contact, paper."""

    path: Path
    name: str
    colors: tuple[tuple[str, str], ...]
    cmyk: tuple[tuple[str, tuple[float, float, float, float]], ...]
    heading_font: FontSpec
    body_font: FontSpec
    logo: Logo
    contact: Contact
    paper: PaperName
    id: str = "brand"  # short name for output files, e.g. 'clearwater' (default: made from the name)
    profile: Profile | None = None  # the printer's own CMYK profile for the press edition, as read at load
    locations: tuple[tuple[str, Location], ...] = ()  # key path -> where it is written
    other_formats: OtherFormats | None = None  # printed with the document block
    feedback: str | None = None  # how to comment on the leaflet, printed with the document block
    condition: Condition | None = None  # the press's printing condition (None: by the paper)
    language: str = "en"  # the language of the kit's own printed texts (other formats, feedback)
    translations: tuple[KitLanguage, ...] = ()  # `languages:`: the kit's lines and addresses in other languages
    logo_heights: LogoHeights = OWN_HEIGHTS  # `logo: {height: ...}`: the logo's printed height per layout, in mm
    type_spec: TypeSpec = DESIGN_TYPE  # `type: {body_size: ...}`: the body's starting size
    fallbacks: tuple[FontSpec, ...] = ()  # `fonts.fallbacks`: for characters the kit's own fonts lack, in order
    country: str | None = None  # `country:` (ISO 3166), as given
    group: str | None = None  # `group:`: the clinic group that produces the words this clinic prints

    def clinic_country(self) -> tuple[str, Location]:
        """The clinic's country (ISO 3166 code), and where the kit says it: its `country:`, else its phone
        number's country; ('', ...) when neither says."""
        if self.country:
            return self.country, self.where("country")
        region = self.contact.phone_region  # ('001' for a number of no country: +800 freephone, +882 ...)
        return (region if len(region) == 2 and region.isalpha() else ""), self.where("contact.phone")

    def logo_height(self, layout: LayoutName) -> tuple[float | None, Location]:
        """The logo's printed height the kit asks for in a layout, in mm (None: the layout's own), and where it
        is written (for messages about it)."""
        at = dict(self.locations)
        return self.logo_heights.get(layout), at.get(f"logo.height.{layout}") or self.where("logo.height")

    def in_language(self, language: str) -> tuple[Brand, bool]:
        """The kit as a leaflet in `language` prints it, from its `languages:` entries for the leaflet's tag and then
        each shorter one (zh-Hant-TW, zh-Hant, zh), each line and address from the first that gives it, else the
        kit's own; and whether the kit has, in this language, every line it prints in its own (False: they would
        print in the kit's language; a leaflet in the kit's language, en-US for an en kit, has the kit's)."""
        found = {entry.tag.lower(): entry for entry in self.translations}
        entries = [found[t] for t in _shorter(language) if t in found]
        kit = self._with_addresses(entries)
        own = language_base(language) == language_base(self.language)  # (the kit's lines are in it already)
        formats = next((e for e in entries if e.other_formats), None)
        feedback = next((e for e in entries if e.feedback), None)
        if not own and ((self.other_formats and formats is None) or (self.feedback and feedback is None)):
            return kit, False  # a line the kit prints in its own language, missing in this one
        if formats is None and feedback is None:
            return kit, True
        at = dict(kit.locations)
        for entry, line in ((formats, "other_formats"), (feedback, "feedback")):
            if entry is not None:  # (messages about the line point where the language gives it)
                prefix = f"languages.{entry.tag}."
                at.update({key[len(prefix) :]: loc for key, loc in self.locations if key.startswith(prefix + line)})
        return replace(
            kit,
            other_formats=formats.other_formats if formats is not None else self.other_formats,
            feedback=feedback.feedback if feedback is not None else self.feedback,
            locations=tuple(at.items()),
        ), True

    def _with_addresses(self, entries: list[KitLanguage]) -> Brand:
        """The kit with a language's own web addresses in its contact lines (each from the first entry that gives
        it); messages about them point where the language gives them."""
        given = {key: (entry, address) for entry in reversed(entries) for key, address in entry.addresses}
        if not given:
            return self
        at = dict(self.locations)
        for key, (entry, _) in given.items():
            at[f"contact.{key}"] = self.where(f"languages.{entry.tag}.{key}")
        addresses = {key: address for key, (_, address) in given.items()}
        return replace(self, contact=replace(self.contact, **addresses), locations=tuple(at.items()))

    def language_entry(self, language: str) -> Location:
        """Where `languages:` gives the language (its own tag, else a shorter one, else another region's or
        script's: `others_for`), or `languages:` itself."""
        tags = {entry.tag.lower(): entry.tag for entry in self.translations}
        tag = next((tags[t] for t in _shorter(language) if t in tags), None)
        others = self.others_for(language)
        if tag is None and others:
            tag = others[0].tag
        return self.where(f"languages.{tag}" if tag is not None else "languages")

    def others_for(self, language: str) -> tuple[KitLanguage, ...]:
        """The `languages:` entries in the leaflet's language that a leaflet in `language` does not read, when no
        entry serves it: another region's or script's (es-MX, for an es-US leaflet, where the kit has no es-US or
        es entry). An entry serves leaflets in its tag and longer ones."""
        serves, base = set(_shorter(language)), language_base(language)
        own = base == language_base(self.language)  # (the kit's lines serve it: an en-GB kit's en-US entry is en-US's)
        if own or any(entry.tag.lower() in serves for entry in self.translations):
            return ()
        return tuple(entry for entry in self.translations if language_base(entry.tag) == base)

    def where(self, key: str) -> Location:
        """Where a key (e.g. 'colors.primary') is written in brand.yaml, for messages about it."""
        return dict(self.locations).get(key, Location(str(self.path), 0, 0, key))

    def printed(self) -> list[tuple[str, Location]]:
        """Every text of the kit that is printed on the leaflet, with where it is written."""
        texts = [(self.name, "name"), *((getattr(self.contact, k), f"contact.{k}") for k in CONTACT_KEYS)]
        texts.append((self.contact.phone_printed, "contact.phone"))  # as printed, in the country's style
        if self.other_formats is not None:
            texts += [(f, f"other_formats.formats[{i}]") for i, f in enumerate(self.other_formats.formats)]
            texts.append((self.other_formats.contact, "other_formats.contact"))
        if self.feedback is not None:
            texts.append((self.feedback, "feedback"))
        return [(text, self.where(key)) for text, key in texts]


def _shorter(tag: str) -> list[str]:
    """A language tag and each shorter form of it, in lower case: zh-Hant-TW, zh-Hant, zh."""
    parts = tag.lower().split("-")
    return ["-".join(parts[:n]) for n in range(len(parts), 0, -1)]


def kit_identity(path: Path) -> Path:
    """Which kit a brand file is: the file in its folder, that folder resolved. A brand file that is a link to
    another kit's is read with the files of its own folder (the logo, fonts and profile it names), so it is
    another kit; two paths to one folder are one kit."""
    return path.parent.resolve() / path.name


def load_brand(path: Path, logo: bool = True) -> tuple[Brand | None, list[Diagnostic]]:
    """Read and validate a brand kit; asset paths must stay inside the kit's folder. `logo=False` reads it for its
    names and files alone (a batch's outputs and stamps): the logo must be a regular file within its size, but is
    not read (`Logo.unread`); such a Brand is never built from."""
    return load_file(
        path, "brand", "pass --brand PATH to a brand.yaml", lambda r, root: _read_brand(r, root, path, logo)
    )


def declared_names(path: Path) -> tuple[str | None, PaperName | None]:
    """The id and paper a brand file declares, where the file parses and they are well formed, whatever else is
    wrong in it (a batch names the editions of a kit that cannot be read by them, as it names its others): the id
    as `id:` gives it or as made from `name:`, the paper as `paper:` gives it (A4 when it gives none)."""
    brand_id, _, paper = _declared(path)
    return brand_id, paper


def _declared(path: Path) -> tuple[str | None, str | None, PaperName | None]:
    """The id, clinic name and paper a brand file declares (declared_names)."""

    def read(r: Reader, root: Node) -> tuple[str | None, str | None, PaperName | None]:
        if not isinstance(root.value, dict):
            return None, None, None
        return _names_of({k: v.value for k, v in root.value.items()})

    found, _ = load_file(path, "brand", "", read)
    return found if found is not None else (None, None, None)


def _names_of(top: dict[str, object]) -> tuple[str | None, str | None, PaperName | None]:
    """A brand file's id (as `id:` gives it, or made from `name:`), clinic name and paper (A4 when it gives none),
    from its top-level values; None for each that is not well formed."""
    given, name, paper = (_as_read(top[k]) if k in top else None for k in ("id", "name", "paper"))
    if isinstance(given, str):
        brand_id = None if id_problem(given) else given
    else:
        brand_id = short_name(name) if isinstance(name, str) and "id" not in top else None
    chosen = paper if "paper" in top else "a4"
    named = name if isinstance(name, str) else None
    return brand_id, named, chosen if isinstance(chosen, str) and is_paper(chosen) else None


KITS_LOOKED_AT = 200  # the project's kits whose ids are compared with a kit's (the first, by path)


# Where a project's kits are, after assets/brand.yaml: the shipped clinics', and where the README's walkthrough
# has `init` make a new clinic's (clinics/riverside).
KIT_FOLDERS = (Path("assets") / "brands", Path("clinics"))


def project_kits() -> list[Path]:
    """The brand files of this project's kits, where `init` puts them: assets/brand.yaml, then those in
    assets/brands/, then those in clinics/ (each folder's by path; KITS_LOOKED_AT in all), as found from the
    working folder (two clinics' kits of one id in clinics/ wrote each other's leaflets, no word said)."""
    here = Path.cwd().resolve()
    found: list[Path] = []
    for folder in KIT_FOLDERS:
        try:
            found += sorted(folder.glob("*/brand.yaml")) if folder.is_dir() and _within(folder, here) else []
        except OSError:
            continue
    kits = (Path("assets") / "brand.yaml", *found[:KITS_LOOKED_AT])
    return [p for p in kits if p.is_file() and _within(p, here)]


def _within(path: Path, here: Path) -> bool:
    """Whether a path, its links followed, is in the working folder: a kit folder linked elsewhere (clinics -> /)
    is not the project's, and is not read."""
    try:
        return path.resolve().is_relative_to(here)
    except (OSError, RuntimeError):  # (a loop of links)
        return False


KIT_BYTES = 64 * 1024  # a project kit's brand file read for its id, name and paper, at most (the shipped: 1-3 KB)
_DECLARED = re.compile(r"^(id|name|paper)[ \t]*:[ \t]*(.*)$", re.M)  # a top-level key's line


def declared_quick(path: Path) -> tuple[str | None, str | None, PaperName | None]:
    """The id, clinic name and paper a project's kit declares, read from its top-level lines (its brand file of at
    most KIT_BYTES, or nothing): a build compares every kit's (up to KITS_LOOKED_AT), and parsing each whole,
    200 of a megabyte each, took 17 s. As `_declared` reads them, for a kit written as brand files are."""
    data, _ = read_bytes(path, KIT_BYTES)
    if data is None:
        return None, None, None
    try:
        lines = dict(_DECLARED.findall(data.decode("utf-8-sig")))
        top = {k: yaml.load(f"v: {v}", Loader=PARSER)["v"] for k, v in lines.items()}
    except (UnicodeDecodeError, yaml.YAMLError, TypeError, KeyError):
        return None, None, None
    return _names_of(top)


def other_clinic_with_id(brand: Brand, paper: str | None = None) -> tuple[Path, str] | None:
    """Another clinic's kit of this project (project_kits) whose id is `brand`'s, and its name: the default names
    of their PDFs on the same paper (`paper`, else each kit's own) are the same (out/ID-...), and each clinic's
    build replaces the other's. The kit that comes first keeps its id (assets/brand.yaml, then assets/brands/ by
    path, then clinics/; a kit elsewhere comes after them all): a colleague's copy never stops the established
    clinic's build. A copy of the same clinic's kit (its name the same, but for case and spaces) is none."""
    own = os.path.abspath(brand.path)
    for path in project_kits():
        if os.path.abspath(path) == own:
            return None  # (the kits after it are told, not it)
        brand_id, name, their_paper = declared_quick(path)
        if brand_id != brand.id or name is None or _same_name(name, brand.name):
            continue
        if (paper or their_paper) == (paper or brand.paper):
            return path, name
    return None


def _same_name(a: str, b: str) -> bool:
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


def _as_read(value: object) -> object:
    """A text as the reader takes it (NFC, without the spaces around it); other values as they are."""
    return unicodedata.normalize("NFC", value).strip() if isinstance(value, str) else value


def _read_brand(r: Reader, root: Node, path: Path, read_logo_file: bool = True) -> Brand | None:
    top = r.mapping(
        root,
        "",
        ("name", "colors", "fonts", "logo", "contact"),
        ("paper", "id", "country", "group", "press", "other_formats", "feedback", "language", "languages", "type"),
    )
    if top is None:
        return None
    kit = path.parent.resolve()
    name = r.text(top.get("name"), "name", literal=True)
    colors, cmyk = _read_colors(r, top.get("colors"))
    fonts = _read_fonts(r, top.get("fonts"), kit)
    logo_node, logo_key, heights = read_logo(r, top.get("logo"))
    logo_path = _asset(r, logo_node, logo_key, kit, (".svg", *PICTURE_LOGOS))
    logo = None
    if logo_path is not None and logo_node is not None and not read_logo_file:
        problem = unread_problem(logo_path, r.at(logo_node, logo_key))
        if problem is None:
            logo = Logo.unread(logo_path)
        else:
            r.diags.append(problem)
    elif logo_path is not None and logo_node is not None:  # load the file here, where its line in brand.yaml is known
        logo, problem = load_logo(logo_path, r.at(logo_node, logo_key))
        if problem is not None:
            r.diags.append(problem)
    type_spec = read_type(r, top.get("type"))
    country_ok, country = read_country(r, top.get("country"))
    press_ok, condition = read_press(r, top.get("press"))
    contact = read_contact(r, top.get("contact"), country)
    paper = r.choice(top.get("paper"), "paper", PAPERS) if "paper" in top else "a4"
    profile = _read_profile(r, top.get("colors"), kit)
    brand_id = _read_id(r, top.get("id"), name)
    formats_ok, other_formats = _read_other_formats(r, top.get("other_formats"))
    feedback = r.text(top.get("feedback"), "feedback") if "feedback" in top else None
    group = r.text(top.get("group"), "group", printed=False) if "group" in top else None
    language = _read_language(r, top.get("language"))
    translations = _read_languages(r, top.get("languages"), country)
    if name is None or colors is None or fonts is None or logo is None or contact is None or paper is None:
        return None
    if not (country_ok and press_ok):
        return None
    if not formats_ok or ("feedback" in top and feedback is None) or ("group" in top and group is None):
        return None
    if language is None or translations is None:
        return None
    if heights is None or type_spec is None:
        return None
    at = _locations(r, top)
    return Brand(
        path,
        name,
        colors,
        cmyk,
        fonts[0],
        fonts[1],
        logo,
        contact,
        paper,
        brand_id,
        profile,
        at,
        other_formats,
        feedback,
        condition,
        language,
        translations,
        heights,
        type_spec,
        fonts[2],
        country,
        group,
    )


def _read_language(r: Reader, node: Node | None) -> str | None:
    """`language:` of the kit's own texts (default en), a BCP 47 tag."""
    if node is None:
        return "en"
    value = r.text(node, "language", printed=False)
    if value is not None and language_problem(value):
        r.fail(r.at(node, "language"), language_problem(value), "write a BCP 47 tag such as en or es")
        return None
    return value


def _read_languages(r: Reader, node: Node | None, country: str | None = None) -> tuple[KitLanguage, ...] | None:
    """`languages: {es: {other_formats: {...}, feedback: ..., booking_url: ...}}`: the kit's printed texts in
    other languages, and its web addresses for their readers (checked as `contact:`'s are)."""
    if node is None:
        return ()
    if not isinstance(node.value, dict):
        r.fail(r.key_at(node, "languages"), f"expected a mapping here, found {node.kind}", "e.g. languages: {es: ...}")
        return None
    out: list[KitLanguage] = []
    ok = True
    tags: dict[str, str] = {}  # a tag in lower case -> as first written (tags ignore case)
    for tag, child in node.value.items():
        path = f"languages.{tag}"
        if language_problem(str(tag)):
            r.fail(r.key_at(child, path), language_problem(str(tag)), "write a BCP 47 tag such as es or pl")
            ok = False
            continue
        first = tags.setdefault(str(tag).lower(), str(tag))
        if first != str(tag):
            r.fail(
                r.key_at(child, path),
                f"the language '{tag}' is given twice under languages: (as '{first}' too: a language tag's case "
                "does not count)",
                "keep one entry for the language",
            )
            ok = False
            continue
        m = r.mapping(child, path, (), ("other_formats", "feedback", *LANGUAGE_ADDRESSES))
        if m is None:
            ok = False
            continue
        formats_ok, formats = _read_other_formats(r, m.get("other_formats"), f"{path}.other_formats")
        feedback = r.text(m.get("feedback"), f"{path}.feedback") if "feedback" in m else None
        addresses = _read_addresses(r, m, path, country)
        if not formats_ok or ("feedback" in m and feedback is None) or addresses is None:
            ok = False
            continue
        out.append(KitLanguage(str(tag), formats, feedback, addresses))
    return tuple(out) if ok else None


def _read_addresses(
    r: Reader, m: dict[str, Node], path: str, country: str | None
) -> tuple[tuple[str, str], ...] | None:
    """A language's own website and booking address (printed as written, each a safe link); None when wrong."""
    out: list[tuple[str, str]] = []
    ok = True
    for key in LANGUAGE_ADDRESSES:
        if key not in m:
            continue
        value = r.text(m[key], f"{path}.{key}", literal=True)
        why, hint = contact_problem(key, value, country) if value is not None else ("", "")
        if why:
            r.fail(r.at(m[key], f"{path}.{key}"), why, hint)
        if value is None or why:
            ok = False  # (each wrong address is reported, not the first only)
            continue
        out.append((key, value))
    return tuple(out) if ok else None


def _read_other_formats(r: Reader, node: Node | None, path: str = "other_formats") -> tuple[bool, OtherFormats | None]:
    """`other_formats: {formats: [large print, ...], contact: "call ..."}` (optional); (False, None) when wrong."""
    if node is None:
        return True, None
    m = r.mapping(node, path, ("formats", "contact"))
    if m is None:
        return False, None
    formats = r.text_list(m.get("formats"), f"{path}.formats")
    contact = r.text(m.get("contact"), f"{path}.contact")
    if formats is None or contact is None:  # a bad list item is an error too: the kit is refused
        return False, None
    return True, OtherFormats(tuple(text for text, _ in formats), contact)


def _read_id(r: Reader, node: Node | None, name: str | None) -> str:
    """The brand's short name for file names: `id:` if given, else made from the clinic's name."""
    if node is None:
        return short_name(name or "")
    value = r.text(node, "id", printed=False)
    problem = id_problem(value) if value is not None else ""
    if problem:
        r.fail(r.at(node, "id"), problem, "use a short lowercase name joined by hyphens, e.g. 'clearwater'")
    return value or "brand"


def id_problem(value: str) -> str:
    """What is wrong with a brand id ('' when nothing): a-z, 0-9 and '-', a letter or digit first, at most
    ID_CHARS."""
    if _ID.match(value):
        return ""
    if re.search(r"[^a-z0-9-]", value):
        return f"'{value}' has characters other than a-z, 0-9 and '-'"
    if len(value) > ID_CHARS:
        return f"'{value}' is {len(value)} characters long: an id has at most {ID_CHARS}"
    return f"'{value}' must begin with a letter or a digit"


def _locations(r: Reader, top: dict[str, Node]) -> tuple[tuple[str, Location], ...]:
    out = [(key, r.at(node, key)) for key, node in top.items()]
    for section in ("colors", "fonts", "contact", "other_formats", "logo", "type"):
        node = top.get(section)
        if node is not None and isinstance(node.value, dict):
            out.extend((f"{section}.{k}", r.at(n, f"{section}.{k}")) for k, n in node.value.items())
    logo = top.get("logo")
    if logo is not None and isinstance(logo.value, dict):  # the logo's messages point at its file
        file, height = logo.value.get("file"), logo.value.get("height")
        out += [("logo", r.at(file, "logo.file"))] if file is not None else []
        if height is not None and isinstance(height.value, dict):
            out.extend((f"logo.height.{k}", r.at(n, f"logo.height.{k}")) for k, n in height.value.items())
    fonts = top.get("fonts")
    heading = fonts.value.get("heading") if fonts is not None and isinstance(fonts.value, dict) else None
    weight = heading.value.get("weight") if heading is not None and isinstance(heading.value, dict) else None
    out += [("fonts.heading.weight", r.at(weight, "fonts.heading.weight"))] if weight is not None else []
    colors = top.get("colors")
    cmyk = colors.value.get("cmyk") if colors is not None and isinstance(colors.value, dict) else None
    if cmyk is not None and isinstance(cmyk.value, dict):  # a press colour is named at its own line
        out.extend((f"colors.cmyk.{k}", r.at(n, f"colors.cmyk.{k}")) for k, n in cmyk.value.items())
    out += _formats_locations(r, top.get("other_formats"), "other_formats")
    languages = top.get("languages")
    for tag, node in languages.value.items() if languages is not None and isinstance(languages.value, dict) else []:
        if isinstance(node.value, dict):
            prefix = f"languages.{tag}"
            out.append((prefix, r.key_at(node, prefix)))
            out.extend((f"{prefix}.{k}", r.at(n, f"{prefix}.{k}")) for k, n in node.value.items())
            other = node.value.get("other_formats")
            if other is not None and isinstance(other.value, dict):
                key = f"{prefix}.other_formats"
                out.extend((f"{key}.{k}", r.at(n, f"{key}.{k}")) for k, n in other.value.items())
            out += _formats_locations(r, other, f"{prefix}.other_formats")
    return tuple(out)


def _formats_locations(r: Reader, other: Node | None, path: str) -> list[tuple[str, Location]]:
    formats = other.value.get("formats") if other is not None and isinstance(other.value, dict) else None
    if formats is None or not isinstance(formats.value, list):
        return []
    key = f"{path}.formats"
    return [(f"{key}[{i}]", r.at(n, f"{key}[{i}]")) for i, n in enumerate(formats.value)]


def _read_profile(r: Reader, colors: Node | None, kit: Path) -> Profile | None:
    """An optional `colors.profile`: the printer's CMYK output profile (.icc) inside the kit, read once and proven
    usable."""
    if colors is None or not isinstance(colors.value, dict) or "profile" not in colors.value:
        return None
    node = colors.value["profile"]
    path = _asset(r, node, "colors.profile", kit, (".icc", ".icm"))
    if path is None:
        return None
    data, unread = read_bytes(path, limits.ICC_BYTES)
    problem, hint = (f"the profile cannot be used: {unread}", PROFILE_HINT) if data is None else profile_problem(data)
    if data is None or problem:
        r.fail(r.at(node, "colors.profile"), problem, hint)
        return None
    return icc_profile(path, data)


PROFILE_HINT = "ask your printer for their .icc file (a CMYK output profile such as FOGRA39, GRACoL or SWOP)"


def profile_problem(data: bytes) -> tuple[str, str]:
    """Why an ICC file's bytes cannot be the press profile ('' if they can): whole, CMYK, and sRGB converts through
    it."""
    hint = PROFILE_HINT
    damage = icc_damage(data)
    if damage:
        return damage, hint
    from PIL import Image, ImageCms  # (LittleCMS: for a kit's own profile only)

    try:
        profile = ImageCms.ImageCmsProfile(io.BytesIO(data))
        space = str(profile.profile.xcolor_space).strip()
    except (OSError, ValueError, TypeError, ImageCms.PyCMSError) as exc:
        return f"not a readable ICC profile: {exc}", hint
    if space != "CMYK":
        return f"the profile is for {space}, not CMYK", "the press edition needs a CMYK output profile (FOGRA39, ...)"
    kind = data[12:16].decode("latin-1")
    if kind != "prtr":  # (PDF/X takes an output device's profile as the file's output intent, no other)
        named = {"scnr": "an input device's (a scanner's)", "mntr": "a display's", "spac": "a colour space's"}
        return (
            f"the profile is {named.get(kind, f'a {kind!r} class')} profile, not a printing condition's",
            "the press edition needs a CMYK output profile (its class 'prtr'): " + hint,
        )
    sRGB = ImageCms.createProfile("sRGB")
    intent = ImageCms.Intent.RELATIVE_COLORIMETRIC
    try:  # the press edition converts every colour and picture to CMYK this way: prove it works now
        flags = ImageCms.Flags.BLACKPOINTCOMPENSATION
        transform = ImageCms.buildTransform(sRGB, profile, "RGB", "CMYK", renderingIntent=intent, flags=flags)
        ImageCms.applyTransform(Image.new("RGB", (1, 1), (29, 92, 99)), transform)
    except (OSError, ValueError, TypeError, ImageCms.PyCMSError) as exc:
        return f"the ICC profile is damaged: colours cannot be converted through it ({exc})", hint
    try:  # and back, to check contrast as printed (the profile's A2B tables)
        back = ImageCms.buildTransform(profile, sRGB, "CMYK", "RGB", renderingIntent=intent)
        ImageCms.applyTransform(Image.new("CMYK", (1, 1), (217, 89, 102, 64)), back)
    except (OSError, ValueError, TypeError, ImageCms.PyCMSError) as exc:
        return f"the ICC profile converts colours to CMYK but not back: it has no tables from CMYK ({exc})", hint
    return "", ""


def _read_colors(
    r: Reader, node: Node | None
) -> tuple[tuple[tuple[str, str], ...] | None, tuple[tuple[str, tuple[float, float, float, float]], ...]]:
    if node is None:
        return None, ()
    m = r.mapping(node, "colors", COLOR_KEYS, ("cmyk", "profile"))
    if m is None:
        return None, ()
    out: list[tuple[str, str]] = []
    for key in COLOR_KEYS:
        child = m.get(key)
        if child is not None and child.value is None:  # (`primary: #1D5C63`: YAML reads the colour as a comment)
            r.fail(
                r.key_at(child, f"colors.{key}"),
                "no colour: YAML reads everything after a # that follows a space as a comment",
                f'write the colour in quotes, e.g. {key}: "#1D5C63"',
            )
            continue
        value = r.text(child, f"colors.{key}", printed=False)
        if value is None:
            continue
        problem, hint = color_problem(value)
        if problem:
            r.fail(r.at(m[key], f"colors.{key}"), problem, hint)
            continue
        out.append((key, value.upper()))
    cmyk: list[tuple[str, tuple[float, float, float, float]]] = []
    if "cmyk" in m:
        cm = r.mapping(m["cmyk"], "colors.cmyk", (), COLOR_KEYS) or {}
        for key, child in cm.items():
            if key not in COLOR_KEYS:
                continue
            if child.value is not None and not isinstance(child.value, list):  # (a hex colour, "85 30 40 20", 85)
                found = f"the text '{child.value}'" if isinstance(child.value, str) else child.kind
                r.fail(
                    r.at(child, f"colors.cmyk.{key}"),
                    f"a CMYK colour is a list of four percentages, not {found}",
                    f"write [C, M, Y, K] in percent, e.g. [85, 30, 40, 20]; the kit's colour (colors.{key}) is what "
                    "the office edition prints, and without an override the press prints it converted",
                )
                continue
            items = r.seq(child, f"colors.cmyk.{key}")
            if items is None:
                continue
            if len(items) != 4:
                r.fail(
                    r.at(child, f"colors.cmyk.{key}"),
                    "a CMYK colour has four numbers",
                    "write [C, M, Y, K] in percent, e.g. [85, 30, 40, 20]",
                )
                continue
            vals = [r.number(n, f"colors.cmyk.{key}[{i}]", 0, 100) for i, n in enumerate(items)]
            if all(v is not None for v in vals):
                c, mm, y, k = (float(v or 0) for v in vals)
                if 0 < max(c, mm, y, k) <= 1:  # (0.85 for 85 %, [0, 1, 1, 0] for red: almost white)
                    percent = ", ".join(f"{v * 100:g}" for v in (c, mm, y, k))
                    r.fail(
                        r.at(child, f"colors.cmyk.{key}"),
                        f"the CMYK colour [{c:g}, {mm:g}, {y:g}, {k:g}] is written in fractions of 1: brochure reads "
                        "percent, so it would print almost white",
                        f"write it in percent: [{percent}]",
                    )
                    continue
                cmyk.append((key, (c, mm, y, k)))
    return (tuple(out) if len(out) == len(COLOR_KEYS) else None), tuple(cmyk)


def color_problem(value: str, in_yaml: bool = True) -> tuple[str, str]:
    """Why a text is not a colour written #RRGGBB, with a hint (the colour meant, when it is plain); ('', '') when
    it is one. in_yaml: the hint says to quote it (False: typed at a question)."""
    if _HEX.match(value):
        return "", ""
    bare = value.strip().strip(_CURLY)  # (a word processor's quotes, pasted: '“#6C3483”' was not named)
    digits = bare.strip().removeprefix("#").strip()  # ('# E91E63')
    hint = "write colours as #RRGGBB, e.g. '#1D5C63'" + (" (in quotes: YAML reads # as a comment)" if in_yaml else "")
    if bare != value.strip() and _HEX.match(bare.strip()):
        plain = bare.strip()
        fix = f'write it in straight quotes: "{plain}" (YAML reads # as a comment)' if in_yaml else f"type {plain}"
        return f"'{value}' is not a colour: it is in curly quotes", fix
    if len(digits) == 3 and re.fullmatch(r"[0-9A-Fa-f]{3}", digits):  # (CSS's short form: #63A is #6633AA)
        hint = f"did you mean '#{''.join(c * 2 for c in digits.upper())}'? {hint}"
        return f"'{value}' is not a colour: it has 3 digits after the #, not 6", hint
    rgb = _RGB.fullmatch(bare.strip())  # (CSS's rgb(108, 52, 131), copied from a web page or a design program)
    if rgb and all(0 <= int(v) <= 255 for v in rgb.groups()):
        hint = f"did you mean '#{''.join(f'{int(v):02X}' for v in rgb.groups())}'? {hint}"
    elif re.fullmatch(r"[0-9A-Fa-f]{6}", digits):
        hint = f"did you mean '#{digits.upper()}'? {hint}"
    elif re.fullmatch(r"[0-9A-Fa-f]{6}[Ff]{2}", digits):  # (#RRGGBBAA from a design program, fully opaque)
        hint = f"did you mean '#{digits[:6].upper()}'? {hint}"
        return f"'{value}' is not a colour: it has 8 digits after the #, not 6 (the last two its opacity)", hint
    elif re.fullmatch(r"[0-9A-Fa-f]+", digits):
        return f"'{value}' is not a colour: it has {len(digits)} digits after the #, not 6", hint
    elif _css_name(bare):
        hint = f"did you mean '{_css_name(bare)}' (CSS's {bare.strip().lower().replace(' ', '')})? {hint}"
    return f"'{value}' is not a colour", hint


def _css_name(text: str) -> str:
    """The #RRGGBB of a colour's name as CSS (and Pillow) knows it ('teal': '#008080'), '' for another word: a
    clinic with no designer types the colour's name."""
    from PIL import ImageColor

    name = text.strip().lower().replace(" ", "")
    if not name.isalpha() or name not in ImageColor.colormap:
        return ""
    return "#{:02X}{:02X}{:02X}".format(*ImageColor.getrgb(name)[:3])


_RGB = Later(r"rgb\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*\)", re.IGNORECASE)
_CURLY = "\u201c\u201d\u2018\u2019\u201e\u00ab\u00bb"  # the quotes a word processor puts in


def _read_fonts(r: Reader, node: Node | None, kit: Path) -> tuple[FontSpec, FontSpec, tuple[FontSpec, ...]] | None:
    if node is None:
        return None
    m = r.mapping(node, "fonts", ("heading", "body"), ("fallbacks",))
    if m is None:
        return None
    heading = _read_font(r, m.get("heading"), "fonts.heading", kit, 600)
    body = _read_font(r, m.get("body"), "fonts.body", kit, 400)
    fallbacks = _read_fallbacks(r, m.get("fallbacks"), kit, heading.weight if heading else 600)
    if heading is None or body is None or fallbacks is None:
        return None
    return heading, body, fallbacks


def _read_fallbacks(r: Reader, node: Node | None, kit: Path, weight: int) -> tuple[FontSpec, ...] | None:
    """`fonts.fallbacks`: families (or TTF files) for the characters the heading and body fonts lack, first
    choice first; each is used at the kit's own weights (its headings at `weight`, the heading's, unless given)."""
    if node is None:
        return ()
    items = r.seq(node, "fonts.fallbacks")
    if items is None:
        return None
    specs = [_read_font(r, item, f"fonts.fallbacks[{i}]", kit, weight) for i, item in enumerate(items)]
    if any(spec is None for spec in specs):
        return None
    return tuple(spec for spec in specs if spec is not None)


_WEIGHTS = "write a whole number from 100 to 900: 400 regular, 500 medium, 600 semi-bold, 700 bold"


def _read_font(r: Reader, node: Node | None, path: str, kit: Path, default_weight: int) -> FontSpec | None:
    if node is None:
        return None
    at = r.at(node, path)
    if isinstance(node.value, str):
        family = r.text(node, path, printed=False)
        return FontSpec(family, default_weight, (), at) if family else None
    m = r.mapping(node, path, (), ("family", "weight", *FACES))
    if m is None:
        return None
    if "family" in m:
        extra = [k for k in FACES if k in m]
        if extra:
            r.fail(
                r.at(m[extra[0]], f"{path}.{extra[0]}"),
                "give either 'family' or font files, not both",
                "remove 'family' to use your own TTF files",
            )
            return None
        family = r.text(m.get("family"), f"{path}.family", printed=False)
        weight = r.number(m.get("weight"), f"{path}.weight", 100, 900) if "weight" in m else default_weight
        if weight is not None and weight != int(weight):  # (600.5 was read as 600, without a word)
            r.fail(r.at(m["weight"], f"{path}.weight"), f"{weight!r} is not a weight", _WEIGHTS)  # (as written)
            return None
        if family is None or weight is None:
            return None
        return FontSpec(family, int(weight), (), r.at(m["family"], f"{path}.family"))
    if "regular" not in m:
        r.fail(
            at,
            "a font needs 'family', or at least a 'regular' TTF file",
            "e.g. 'family: Be Vietnam Pro', or 'regular: fonts/MyFont-Regular.ttf'",
        )
        return None
    files: list[tuple[str, Path]] = []
    for face in FACES:
        if face in m:
            p = _asset(r, m[face], f"{path}.{face}", kit, (".ttf",))
            if p is None:
                return None
            files.append((face, p))
    places = tuple((face, r.at(m[face], f"{path}.{face}")) for face, _ in files)
    return FontSpec(None, default_weight, tuple(files), at, places)


_SUFFIX_HINTS = {
    ".ttf": "CFF .otf fonts are not supported: use TrueType .ttf",
    ".svg": "use an SVG, PNG or JPEG logo",
    ".icc": "use the printer's ICC profile file (.icc or .icm)",
}


_COLLECTION = (  # a .ttc was told that CFF .otf fonts are not supported, which is not why it is refused
    "a font collection (.ttc) holds several fonts in one file, and brochure takes one font a file: if its fonts"
    " are TrueType, save the one you want as a .ttf (with fontTools, pip install fonttools: from fontTools.ttLib"
    " import TTCollection; TTCollection('file.ttc').fonts[0].save('file.ttf')); one with CFF outlines cannot be used"
)


def _asset(r: Reader, node: Node | None, path: str, kit: Path, suffixes: tuple[str, ...]) -> Path | None:
    """A file inside the kit's folder with one of the given endings (what it holds is checked by its loader)."""
    rel = r.text(node, path, printed=False)
    if rel is None or node is None:
        return None
    at = r.at(node, path)
    problem = name_problem(rel)
    if problem:
        r.fail(at, f"'{shorten(rel, 60)}' cannot name a file: {problem}", "give the file's name in the kit's folder")
        return None
    full = inside(kit, rel)
    if full is None:
        r.fail(at, f"'{rel}' is outside the brand kit's folder", f"copy the file into {kit} and name it from there")
        return None
    if full.suffix.lower() not in suffixes:
        r.fail(
            at,
            f"'{rel}' is not a {' or '.join(s[1:].upper() for s in suffixes)} file",
            _COLLECTION
            if full.suffix.lower() == ".ttc" and suffixes == (".ttf",)
            else _SUFFIX_HINTS.get(suffixes[0], "check the file's name")
            if full.suffix.lower() == ".otf" or suffixes != (".ttf",)
            else "name the font's TrueType file, its name ending in .ttf",  # ('k' was told CFF .otf is not supported)
        )
        return None
    if not full.exists():
        r.fail(
            at,
            f"file '{rel}' not found",
            f"{near(rel, full, suffixes)}paths are relative to the brand file's folder ({kit})",
            full,
        )
        return None
    return full


def kit_files(brand: Brand) -> list[tuple[str, Path]]:
    """Every file a brand kit is read from, with what it is: the brand file, a PNG or SVG logo, font files (its
    fallbacks' too), the colour profile."""
    files = [("the brand file (--brand)", brand.path), ("the brand's logo (logo)", brand.logo.source)]
    roles = [("heading", brand.heading_font), ("body", brand.body_font)]
    roles += [(f"fallbacks[{i}]", spec) for i, spec in enumerate(brand.fallbacks)]
    for role, spec in roles:
        files += [(f"a font of the brand (fonts.{role}.{face})", path) for face, path in spec.files]
    if brand.profile is not None:
        files.append(("the brand's colour profile (colors.profile)", brand.profile.source))
    return files
