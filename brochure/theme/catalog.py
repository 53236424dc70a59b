"""The font families installed with pip (fontpkg packages) -> which a brand kit can use, their weights and scripts.

A kit names a family (`fonts: {body: {family: Be Vietnam Pro}}`); brochure then needs static TrueType files for
the regular and bold weights (a variable-only family is refused: ReportLab cannot set a variable font's
weights). The scripts a family covers are read from its regular face's character map: each needs every letter
of a short sample (Polish needs ą, ł, ż..., Vietnamese ơ, ư, ạ...). `brochure fonts` prints this catalogue.
"""

from __future__ import annotations

import stat
import struct
from functools import lru_cache
from pathlib import Path

import fontpkg
from reportlab.pdfbase.ttfonts import TTFError, TTFontFile, TTFontParser

from brochure.diagnostics import closest
from brochure.frozen import frozen
from brochure.limits import FONT_BYTES


@lru_cache(maxsize=1)
def family_kinds() -> dict[str, tuple[str, ...]]:
    """Each fontpkg family's kinds (sans-serif, serif, display, handwriting, monospace: Google Fonts' categories), by
    its package's slug (`fontpkg.slugify` of a name a kit may give: "IBM Plex Serif", "ibm-plex-serif"), from the
    list brochure ships (data/fontpkg-families.json: theme/fontindex.py reads it for `brochure fonts --search`)."""
    import json
    from importlib import resources

    data = json.loads(resources.files("brochure").joinpath("data/fontpkg-families.json").read_text(encoding="utf-8"))
    return {str(row[1]).removeprefix("fontpkg-"): tuple(str(k) for k in row[6]) for row in data["families"]}


# The letters a script needs (lower and upper case where it has them): enough to tell coverage, not a full set.
SCRIPTS: tuple[tuple[str, str], ...] = (
    ("Latin", "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"),
    ("Latin: Western European (es, fr, de, pt)", "áéíóúñçàèìòùâêîôûäëïöüßÁÉÍÓÚÑÇ¿¡"),
    ("Latin: Polish", "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ"),
    ("Latin: Czech, Slovak", "čďěňřšťůžýČĎĚŇŘŠŤŮŽÝ"),
    ("Latin: Romanian", "ăâîșțĂÂÎȘȚ"),
    ("Latin: Vietnamese", "ăâđêôơưĂÂĐÊÔƠƯạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"),
    ("Greek", "αβγδεζηθικλμνξοπρστυφχψωΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ"),
    ("Cyrillic", "абвгдежзийклмнопрстуфхцчшщъыьэюяАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"),
    ("Arabic", "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"),
    ("Hebrew", "אבגדהוזחטיכלמנסעפצקרשת"),
)
REGULAR, BOLD = 400, 700


@frozen
class FamilyReport:
    """What a kit can expect of one installed family."""

    name: str
    package: str  # the pip package it came from
    weights: tuple[int, ...]  # static upright weights
    italics: tuple[int, ...]  # static italic weights
    variable: bool  # ships (also) as a variable font
    scripts: tuple[str, ...]  # the scripts its regular face covers
    problem: str  # why a kit cannot use it ('' if it can)
    covers: frozenset[int] = frozenset()  # the characters its regular face maps

    @property
    def usable(self) -> bool:
        return not self.problem


def installed() -> list[FamilyReport]:
    """Every family fontpkg finds installed, by name."""
    return sorted((report(slug) for slug in fontpkg.families()), key=lambda r: r.name.lower())


def report(slug: str) -> FamilyReport:
    fam = fontpkg.family(slug)
    static = [f for f in fam.files if not f.variable]
    weights = tuple(sorted({f.weight for f in static if f.style == "normal" and f.weight is not None}))
    italics = tuple(sorted({f.weight for f in static if f.style == "italic" and f.weight is not None}))
    variable = any(f.variable for f in fam.files)
    problem = family_problem(weights, variable)
    upright = [f for f in static if f.style == "normal"]
    regular, bold = _nearest(upright, REGULAR), _nearest(upright, BOLD)
    covered, licence = _read(Path(regular.path)) if regular is not None else (None, "")
    scripts = tuple(name for name, sample in SCRIPTS if all(ord(ch) in covered for ch in sample)) if covered else ()
    bolded, bold_licence = _read(Path(bold.path)) if bold is not None and bold is not regular else (set(), "")
    if not problem and regular is not None and covered is None:
        problem = _unread("regular", Path(regular.path), fam.slug)
    elif not problem and bold is not None and bolded is None:
        problem = _unread("bold", Path(bold.path), fam.slug)
    elif not problem and (licence or bold_licence):
        problem = licence or bold_licence
    covers = frozenset(covered or ())
    return FamilyReport(fam.name, f"fontpkg-{fam.slug}", weights, italics, variable, scripts, problem, covers)


def _unread(face: str, path: Path, slug: str) -> str:
    """Why a family's face cannot be used, and what mends it: a file gone or damaged since its package was
    installed is the package to install again."""
    what = "is missing" if not path.exists() else "cannot be read: damaged, too large or not TrueType"
    return f"its {face} face ({path.name}) {what} (install it again: pip install --force-reinstall fontpkg-{slug})"


NO_BOLD = "no bold weight (600 or more) for headings and emphasis"  # (a fallback needs none: its letters are
# set in the weight it has)


def family_problem(weights: tuple[int, ...], variable: bool) -> str:
    """Why a family with these static upright weights cannot be a kit's ('' if it can): it needs static files
    (ReportLab sets a variable font at its default weight only) and a bold (600 or more)."""
    if not weights:
        return "variable font only: brochure needs static .ttf files" if variable else "no upright face"
    if not any(w >= 600 for w in weights):
        return NO_BOLD
    return ""


def _nearest(files: list[fontpkg.FontFile], weight: int) -> fontpkg.FontFile | None:
    return min(files, key=lambda f: abs((f.weight or REGULAR) - weight), default=None)


def _read(path: Path) -> tuple[set[int] | None, str]:
    """The characters a font file maps, or None when ReportLab cannot read it: missing, not a regular file,
    larger than a kit's font may be (limits.FONT_BYTES: never read whole), damaged or cut short; and what its
    licence flags forbid ('' when nothing: `licence_problem`)."""
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode) or st.st_size > FONT_BYTES:
            return None, ""
        font = TTFontFile(str(path))
        return {code for code, glyph in font.charToGlyph.items() if glyph}, licence_problem(font)  # (glyph 0: none)
    # (ReportLab's parser meets a cut-off or garbage file with whatever its reads raise)
    except (TTFError, OSError, ValueError, struct.error, IndexError, KeyError, TypeError, UnicodeDecodeError):
        return None, ""


def licence_problem(parser: TTFontParser) -> str:
    """What the font's licence flags (OS/2 fsType) forbid of a PDF that embeds a subset of it, as every PDF does."""
    if "OS/2" not in parser.table or parser.table["OS/2"]["length"] < 10:
        return ""
    flags = parser.get_ushort(parser.get_table_pos("OS/2")[0] + 8)
    if flags & 0x000F == 0x0002:  # (the lowest four bits: 2 restricted; 4 print and preview, 8 editable: fine)
        return "its licence forbids embedding it in a document (OS/2 fsType: restricted)"
    if flags & 0x0200:
        return "its licence allows embedding its bitmaps only (OS/2 fsType), and a leaflet embeds outlines"
    if flags & 0x0100:
        return "its licence forbids embedding a subset of it (OS/2 fsType), and a leaflet embeds the letters it uses"
    return ""


def describe(r: FamilyReport) -> list[str]:
    """The lines `brochure fonts` prints for a family."""
    head = f"{r.name}  ({r.package})"
    if r.problem and r.problem != NO_BOLD:
        return [f"{head}: cannot be used: {r.problem}"]
    italic = f"; italic {', '.join(map(str, r.italics))}" if r.italics else "; no italics (emphasis is set upright)"
    only = f" (a fallback only: {NO_BOLD})" if r.problem else ""
    return [
        f"{head}: weights {', '.join(map(str, r.weights))}{italic}{only}",
        f"    scripts: {'; '.join(r.scripts) or 'none of the samples'}",
    ]


def font_problem(family: str, fallback: bool = False) -> tuple[str, str]:
    """Why a kit cannot name this family, with a hint; ('', '') when it can (installed, static, with a bold; a
    `fallback` needs no bold: Varela Round, one weight, sets a kit's Hebrew letters)."""
    hint = (
        "`brochure fonts` lists the families installed that a kit can name; "
        "`brochure fonts --search WORD` finds installable ones"
    )
    try:
        fam = fontpkg.family(family)
    except fontpkg.FontpkgError:
        return f"font family '{family}' is not installed", _installable(family) or _near(family, hint)
    problem = report(fam.slug).problem
    if fallback and problem == NO_BOLD:
        return "", ""
    return (f"font family '{family}' cannot be used: {problem}", hint) if problem else ("", "")


def families_with(ch: str) -> tuple[str, ...]:
    """The installed families a kit can name as a fallback whose regular face has `ch`, by name (none for an
    emoji: no family installed with brochure draws one)."""
    return tuple(name for name, codes in _coverage() if ord(ch) in codes)


def fallbacks_for(text: str, families: tuple[str, ...]) -> tuple[str, ...]:
    """The installed families, each once in the order first needed, that have the letters of `text` any of the given
    families' regular faces lacks (a letter no installed family has is left to the build to name); none when a
    given family is not one a kit can use (its letters are not known)."""
    coverage = {name.lower(): codes for name, codes in _coverage()}
    faces = [coverage.get(family_name(f).lower()) for f in families]
    if any(codes is None for codes in faces):
        return ()
    have = frozenset.intersection(*(codes for codes in faces if codes is not None))  # (a letter one face lacks is
    # needed: the body's and the heading's families each print words)
    chosen: dict[str, frozenset[int]] = {}
    for ch in dict.fromkeys(text):
        code = ord(ch)
        if ch.isspace() or code in have or any(code in codes for codes in chosen.values()):
            continue
        found = families_with(ch)
        if found:
            chosen[found[0]] = coverage[found[0].lower()]
    return tuple(chosen)


@lru_cache(maxsize=1)
def _coverage() -> tuple[tuple[str, frozenset[int]], ...]:
    """Each installed family a fallback may be (static, readable), with the characters its regular face maps:
    read once a process, on the way to an error's hint (the installed packages do not change under a run)."""
    return tuple((r.name, r.covers) for r in installed() if r.problem in ("", NO_BOLD))


def not_installed(family: str) -> str:
    """What to do about a family a kit names that is not installed: the pip line when brochure's list of families
    knows its package (a real one, pinned), else the installed family whose name is nearest, else how to find one
    (never a package name made up from what was typed: no such package may exist, or a stranger's may)."""
    known = _installable(family)
    if known:
        return known
    near = _nearest_name(family)
    if near:
        return f"did you mean '{near}'? `brochure fonts` lists the families installed"
    return "no font package of that name is known: `brochure fonts --search WORD` finds installable ones"


def _near(family: str, hint: str) -> str:
    """'did you mean ...?' before the hint when an installed family's name is close to the one given."""
    near = _nearest_name(family)
    return f"did you mean '{near}'? {hint}" if near else hint


def _nearest_name(family: str) -> str:
    """The usable installed family whose name is close to the one given ('' when none is)."""
    names = {r.name.lower(): r.name for r in installed() if not r.problem}
    near = closest(family.lower(), names)
    return names[near] if near else ""


def family_name(family: str) -> str:
    """The family's name as its package spells it ('alegreya sans' -> 'Alegreya Sans'); as given when unknown."""
    try:
        return str(fontpkg.family(family).name)
    except fontpkg.FontpkgError:
        return family


def _installable(family: str) -> str:
    """What brochure's list of installable families says of one not installed ('' when it does not know it)."""
    from brochure.theme.fontindex import listing

    wanted = fontpkg.slugify(family)
    row = next((f for f in listing().families if f.package == f"fontpkg-{wanted}"), None)
    if row is None:
        return ""
    if row.problem:
        static = (  # (a family published as static files too: the kit may name them)
            ", or give the kit its static .ttf files (fonts: body: {regular: fonts/X-Regular.ttf, bold: ...})"
            if "variable" in row.problem
            else ""
        )
        return f"{row.name} cannot be used ({row.problem}): choose another family (`brochure fonts` lists them){static}"
    return f"install it: {pip()} install {row.pin}, and add {row.pin} to {requirements()}"


def pip() -> str:
    """The pip that installs into the Python running brochure, as typed from this folder: `.venv/bin/pip` in a
    checkout's folder, its whole path from another (a group's own folder: `.venv/bin/pip` was no such file), else
    `python -m pip` with this Python."""
    import os
    import shlex
    import sys

    from brochure.inputs.files import from_here

    here = Path(sys.executable).parent / "pip"
    typed = str(from_here(here if here.is_file() else Path(sys.executable)))
    shown = shlex.quote(typed if os.sep in typed else f".{os.sep}{typed}")  # (a bare `pip` runs another one)
    return shown if here.is_file() else f"{shown} -m pip"


def requirements() -> str:
    """Where a project records the font packages it needs: this folder's requirements.txt, where it has one."""
    if Path("requirements.txt").is_file():
        return "requirements.txt"
    return "the requirements every machine that builds your leaflets installs from"
