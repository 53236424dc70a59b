"""Brand FontSpecs -> checked, registered ReportLab TrueType fonts (FontSet); the only module that registers fonts.

Every file is read once (within limits.FONT_BYTES), recognised by its content, and proven usable before it is
registered: a complete table directory, no `fvar` (variable) table, sane metrics, a glyph index inside the
glyph data, and a trial subset of every glyph (about 1 ms), so a damaged font is an error at its key, never a crash.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.resources
import io
import json
import re
import struct
import threading
import unicodedata
import zlib
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from dataclasses import replace
from functools import lru_cache
from itertools import chain, pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any

import fontpkg
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfdoc import PDFArray, PDFName
from reportlab.pdfbase.ttfonts import TTFError, TTFont, TTFontFace, TTFontParser

from brochure import limits
from brochure.diagnostics import Diagnostic, Location, error, warning
from brochure.frozen import frozen
from brochure.inputs import inline
from brochure.inputs.blocks import Image
from brochure.inputs.brand import Brand, FontSpec
from brochure.inputs.chars import NO_BREAK
from brochure.inputs.files import read_bytes
from brochure.theme.catalog import licence_problem
from brochure.theme.tounicode import FILE_MARK_FORMAT, mended, named

if TYPE_CHECKING:
    from brochure.inputs.content import Content


@frozen
class FontSet:
    """ReportLab font names for each role; `family` maps <b>/<i> in body paragraphs."""

    heading: str
    regular: str
    bold: str
    italic: str
    bold_italic: str
    family: str
    upright_italic: bool = False  # the body font has no italic: `italic` is the upright face
    regular_bold: bool = False  # the body font has no bold: `bold` is the regular face
    fallbacks: tuple[tuple[str, tuple[str, ...]], ...] = ()  # a face above -> its fallback faces, first choice first
    fallback_families: tuple[str, ...] = ()  # the fallbacks as the kit names them (for messages)

    def fallbacks_for(self, font: str) -> tuple[str, ...]:
        """The fallback faces (first choice first) for characters one of the kit's faces lacks."""
        return dict(self.fallbacks).get(font, ())


# ReportLab's font registry is process-wide: fonts are added to it once, under one lock (two loads in two threads
# may meet here), and never changed or removed: loading adds to it, builds only read it.
_registered: dict[str, str] = {}  # SHA-1 of a font file's bytes -> the name it is registered under
_families: set[str] = set()
_LOCK = threading.Lock()
_TTF_FAILURES = (TTFError, struct.error, IndexError, KeyError, ValueError, TypeError, AttributeError, ArithmeticError)
_BASIC_LATIN = [*range(0x41, 0x5B), *range(0x61, 0x7B)]  # A-Z, a-z: their widths show broken metrics
# and the rest of printable ASCII, with the spaces: a space, digit or full stop of no width (or a page's) printed
# words run together or figures on top of one another, and text copied without its spaces
_MEASURED = [*_BASIC_LATIN, 0x20, 0xA0, *(c for c in range(0x21, 0x7F) if c not in _BASIC_LATIN)]
_SIGNATURES = {
    b"OTTO": "an OpenType font with PostScript (CFF) outlines, which cannot be embedded",
    b"wOFF": "a WOFF web font",
    b"wOF2": "a WOFF2 web font",
    b"ttcf": "a font collection (.ttc) under another name, of several fonts, of which only the first would print",
}


def _register(path: Path, installed: bool = False) -> tuple[str, str]:
    """(registered name, '') for a usable TrueType file, or ('', why not); the same bytes register once.
    `installed`: a file of a font package pip installed (a `family:`), not one a kit brings: its glyph data are
    not subset on trial (about 3 ms a face, 25 ms for an Arabic family), the rest of the checks still run."""
    data, problem = read_bytes(path, limits.FONT_BYTES)
    if data is None:
        return "", problem
    with _LOCK:
        return _register_bytes(path, data, installed)


def _register_bytes(path: Path, data: bytes, installed: bool = False, waited: str = "") -> tuple[str, str]:
    """`_register`'s work, under the lock; `waited`: a waiting face's name (`_register_later`), registered now.
    The same bytes are one font, registered once (a waiting face is registered at once when another kit loads its
    bytes), and known by each file's own name (`_alias`)."""
    digest = hashlib.sha1(data).hexdigest()
    name = waited or _name(path, digest)
    known = _registered.get(digest)
    if known is not None and (known != name or not waited):  # (not a waiting face's own registration)
        if known in _waiting:
            _register_waiting_locked(known)
        if known in _unusable:
            return "", _unusable[known][1]
        return _alias(known, name), ""
    font: TTFont | None = None
    try:
        problem = _font_problem(data)
        if not problem:
            font = TTFont(name, io.BytesIO(data))
            _forget_notdef(font.face)
            _map_unmapped(font.face)  # (before the trial subset: the glyphs only shaping reaches are tried too)
            problem = _face_problem(font.face, trial=not installed)
            font.face.__class__ = _Face  # (after the trial: its subsets are not worth keeping)
            font.face.registered = name
    except _TTF_FAILURES as exc:
        problem = f"the file is damaged ({str(exc)[:80] or type(exc).__name__})"
    if problem or font is None:
        return "", problem or "the file cannot be read"
    _register_font(font, digest)
    _registered.setdefault(digest, name)
    _waiting.pop(name, None)  # (after it is registered: `cmap` reads a face no longer waiting at once)
    return name, ""


def _register_font(font: TTFont, digest: str) -> None:
    """Registered under its own name. ReportLab keeps one font for each PostScript name: a second file of that name
    (another kit's version of the same font, a font edited since) was registered as the first one's font, and
    printed with its glyphs and widths, in whichever process met them in that order. While it is registered, its
    face goes by a name of its bytes. Its subsets' names end in a mark of its bytes (FILE_MARK: ReportLab names a
    PDF's objects by the subset's name, and two files of one name in one leaflet were one object twice), which the
    finished PDF's font names leave out again (output/subsets.py, theme/tounicode.py)."""
    face = font.face
    face.subfontNameX = bytes(face.subfontNameX) + FILE_MARK_FORMAT.format(digest[:8]).encode("ascii")
    own = face.name
    face.name = f"brochure-{digest}".encode("ascii")
    try:
        pdfmetrics.registerFont(font)
    finally:
        face.name = own


def _alias(known: str, name: str) -> str:
    """(The lock held.) The registered font `known` under `name` too, the name the file a kit brings gives it (the
    same bytes under another file's name: a kit's copy of an installed family's file), so that what a kit's
    build says and records names its own file whichever kit loaded the bytes first; one font, so one subset in a
    PDF that sets it under both names. A name already taken by another font (a file of the same name whose bytes'
    digest starts alike) keeps `known`'s. A waiting face asked for under its own name leaves the waiting list."""
    if name == known:
        return known
    font = pdfmetrics.getFont(known)
    taken = pdfmetrics._fonts.get(name)
    if taken is not None and taken is not font:
        return known
    if taken is None:
        pdfmetrics._fonts[name] = font
        pdfmetrics.registerFontFamily(name)
    _waiting.pop(name, None)
    return name


def _name(path: Path, digest: str) -> str:
    return f"{path.stem.replace(' ', '')[:40]}-{digest[:8]}"  # two brands' different files never share a name


# A fallback face from a font package (a `family:`), read and checked at load but registered only when a character
# first needs it (`_register_later`, `cmap`): most leaflets never set a word in their kit's fallbacks.
_waiting: dict[str, tuple[Path, bytes]] = {}  # the name it will be registered under -> its file and its bytes
_unusable: dict[str, tuple[Path, str]] = {}  # a waiting face ReportLab could not read after all (it has no
# characters) -> its file and why


def _register_later(path: Path) -> tuple[str, str]:
    """(the name a fallback face from a font package is registered under, '') or ('', why not): its file is read
    and its header checked now, and the name is its bytes' from now on (as `_register` names them); its tables are
    read by ReportLab (about 5 ms a face, 20 ms for an Arabic family) when a character first needs it (`cmap`)."""
    data, problem = read_bytes(path, limits.FONT_BYTES)
    if data is None:
        return "", problem
    problem = _font_problem(data)
    if problem:
        return "", problem
    digest = hashlib.sha1(data).hexdigest()
    name = _name(path, digest)
    with _LOCK:
        known = _registered.get(digest)
        if known is None:
            _registered[digest] = name
        if known in _unusable:
            _unusable[name] = (path, _unusable[known][1])
        elif known is None or known in _waiting:  # (registered under the first of its names when one is asked for)
            _waiting.setdefault(name, (path, data))
        else:
            name = _alias(known, name)
    return name, ""


def _register_waiting(name: str) -> None:
    """Register a waiting fallback face (`_register_later`), once."""
    with _LOCK:
        _register_waiting_locked(name)


def _register_waiting_locked(name: str) -> None:
    """(`_register_waiting`, the lock held.) A face ReportLab cannot read after all is `_unusable`, with why. It
    leaves `_waiting` only once it is registered or found unusable (`cmap` reads the registry without the lock)."""
    waiting = _waiting.get(name)
    if waiting is None:
        return
    registered, problem = _register_bytes(*waiting, installed=True, waited=name)
    if registered != name:
        _unusable[name] = (waiting[0], problem or "the file cannot be read")
        del _waiting[name]


_SUBSETS_KEPT = 256  # (each about 5-15 KB, compressed)
_subsets: OrderedDict[tuple[str, tuple[int, ...]], bytes] = OrderedDict()
_SUBSETS_LOCK = threading.Lock()


class _Face(TTFontFace):  # type: ignore[misc]
    """A registered face whose subsets are made and compressed once per set of characters (per process).

    ReportLab makes each subset of a face a document uses, and compresses it, anew for every PDF: about 3 ms of a
    tri-fold's build, for the same bytes as the last edition in the same fonts and words. A subset is a pure
    function of the face's file and the characters in it, so the last _SUBSETS_KEPT are kept, compressed (what
    ReportLab measures is decompressed again, in a twentieth of the time it takes to make)."""

    registered = ""  # the name it is registered under (unique to its file's bytes)

    def _packed(self, subset: list[int]) -> tuple[bytes, bytes | None]:
        """The subset compressed, and as made when it was made now (None when it was kept)."""
        key = (self.registered, tuple(subset))
        with _SUBSETS_LOCK:
            packed = _subsets.get(key)
            if packed is not None:
                _subsets.move_to_end(key)
                return packed, None
            # (ReportLab reads the face through one cursor: one subset made at a time)
            raw = bytes(super().makeSubset(subset))
        packed = zlib.compress(raw)  # (ReportLab's own Flate filter: the same bytes as before)
        with _SUBSETS_LOCK:
            _subsets[key] = packed
            while len(_subsets) > _SUBSETS_KEPT:
                _subsets.popitem(last=False)
        return packed, raw

    def makeSubset(self, subset: list[int]) -> bytes:
        packed, raw = self._packed(subset)
        return raw if raw is not None else zlib.decompress(packed)

    def addSubsetObjects(self, doc: Any, fontname: str, subset: list[int]) -> Any:
        """ReportLab's font objects, with the subset's stream already compressed (from what was kept) and its
        ToUnicode map mended."""
        ref = super().addSubsetObjects(doc, fontname, subset)
        cmap = doc.idToObject.get(f"toUnicodeCMap:{fontname}")  # (made just before, by TTFont.addObjects)
        if cmap is not None and isinstance(cmap.content, str):
            cmap.content = named(mended(cmap.content), self)  # without the U+0000 entries, and each glyph of no
            # character of its own read as what it stands for (theme/tounicode.py)
        stream = doc.idToObject[f"fontFile:{self.filename}({fontname})"]
        if stream.filters:
            stream.content, stream.filters = self._packed(subset)[0], None
            stream.dictionary["Filter"] = PDFArray([PDFName("FlateDecode")])
        return ref


def _forget_notdef(face: TTFontFace) -> None:
    """Characters the font's cmap sends to glyph 0 (.notdef: a gap inside one of its ranges) are characters it
    lacks: ReportLab keeps them as mapped, and they printed as nothing, never reported nor set in a fallback."""
    for code in [code for code, glyph in face.charToGlyph.items() if glyph == 0]:
        del face.charToGlyph[code]


PRIVATE_USE = (range(0xE000, 0xF900), range(0xF0000, 0xFFFFE))  # where glyphs of no character of their own go


def _map_unmapped(face: TTFontFace) -> None:
    """A font that substitutes glyphs (a GSUB table: the joined forms of Arabic letters, ligatures) gets a
    private-use code point for every glyph no character maps to, in glyph order, the first free ones: so a glyph
    HarfBuzz chose (theme/shaping.py) is written like any character, through ReportLab's subsetting. Done once,
    when the font is registered (under the lock), before any build reads it; the same file always maps the same."""
    if "GSUB" not in face.table:
        return
    taken = face.charToGlyph
    free = (code for code in chain.from_iterable(PRIVATE_USE) if code not in taken)
    units = float(face.unitsPerEm)
    given: list[int] = []
    for glyph in range(1, face.numGlyphs):
        if face.glyphToChar.get(glyph):
            continue
        code = next(free, None)
        if code is None:
            break
        taken[code] = glyph
        face.glyphToChar[glyph] = [code]
        face.charWidths[code] = face.hmetrics[glyph][0] * 1000 / units
        given.append(code)
    face.given_codes = frozenset(given)


def given_codes(font_name: str) -> frozenset[int]:
    """The private-use code points _map_unmapped gave the registered font's glyphs of no character: a character of
    the words that is one of them is one the font lacks (an icon font's U+E0B0, pasted from a web page, would print
    as whatever glyph took that place: an Arabic letter's joined form)."""
    codes: frozenset[int] = getattr(pdfmetrics.getFont(font_name).face, "given_codes", frozenset())
    return codes


def _font_problem(data: bytes) -> str:
    """What the file's header and table directory say is wrong, before ReportLab reads the tables."""
    if data[:4] not in (b"\x00\x01\x00\x00", b"true"):  # (a collection's first font printed whatever role it had)
        return "it is " + _SIGNATURES.get(data[:4], "not a TrueType font file")
    parser = TTFontParser(io.BytesIO(data))
    for tag, record in parser.table.items():
        if record["offset"] + record["length"] > len(data):
            return f"the file is cut short or damaged (its '{tag.strip()}' table runs past the end)"
    if "fvar" in parser.table:
        return "it is a variable font, which prints only its default weight"
    if "head" not in parser.table:
        return "the file is damaged (it has no 'head' table)"
    units = parser.get_ushort(parser.get_table_pos("head")[0] + 18)
    if not 16 <= units <= 16384:
        return f"its metrics are broken ({units} units per em; fonts use 16 to 16384)"
    return licence_problem(parser)


_PS_NAME_MOST = 63  # a PostScript name's length at most (the OpenType spec's 'name' table, ID 6)
_PS_NAME = re.compile(rb"[!-~]+")  # printable ASCII, without the PDF's delimiters and '#' (_PS_NAME_DELIMITERS)
_PS_NAME_DELIMITERS = frozenset(b"[](){}<>/%#")


def _name_problem(name: bytes) -> str:
    """Why the font's PostScript name (the PDF's name for it) cannot be written into a PDF ('' when it can).
    ReportLab refuses some characters, not all: a '#' or a control character went into the PDF's font name as it
    is, a name PDF readers misread or cannot read (pdffonts lost the font); over 127 bytes, past what a reader must
    read."""
    if len(name) <= _PS_NAME_MOST and _PS_NAME.fullmatch(name) and not _PS_NAME_DELIMITERS & set(name):
        return ""
    shown = name[:_PS_NAME_MOST].decode("latin-1").encode("unicode_escape").decode("ascii")
    more = "..." if len(name) > _PS_NAME_MOST else ""
    return (
        f"its PostScript name ('{shown}'{more}) is not one a PDF can hold (at most {_PS_NAME_MOST} letters, digits"
        " and marks other than [](){}<>/%#)"
    )


MOST_ASCENT, MOST_DESCENT = 2000, 1000  # a font's ascent above and descent below the baseline, in 1/1000 em, at most


def _face_problem(face: TTFontFace, trial: bool = True) -> str:
    """Metrics that would print garbled spacing, and glyph data that subsetting would trip over (`trial`: every
    glyph subset once, as printing will)."""
    problem = _name_problem(bytes(face.name))
    if problem:
        return problem
    if face.ascent <= 0:
        return "its metrics are broken (the ascent is not above the baseline)"
    if face.ascent > MOST_ASCENT or face.descent < -MOST_DESCENT:  # (a line's box far taller than its letters: the
        # layout placed lines by it, past the sheet's safe zone; real fonts keep within about 1.35 em and 0.65 em,
        # Noto Nastaliq Urdu's typographic ascender 1.9 em)
        high, low = face.ascent / 1000, -face.descent / 1000
        return (
            f"its metrics are broken (its lines reach {high:.3g} em above the baseline and {low:.3g} em below it;"
            f" at most {MOST_ASCENT / 1000:g} and {MOST_DESCENT / 1000:g} can be set)"
        )
    bad = next((c for c in _MEASURED if c in face.charWidths and not 50 <= face.charWidths[c] <= 2500), None)
    if bad is not None:
        what = (
            f"the letter '{chr(bad)}'"
            if bad in _BASIC_LATIN
            else f"'{chr(bad)}' (U+{bad:04X} {unicodedata.name(chr(bad))})"
        )
        return f"its metrics are broken ({what} is {face.charWidths[bad]:.0f}/1000 em wide)"
    glyf = face.table.get("glyf")
    pos = face.glyphPos
    if glyf is None or any(b < a for a, b in pairwise(pos)) or pos[-1] > glyf["length"]:
        return "the file is damaged (its glyph index points outside the glyph data)"
    if not trial:
        return ""
    chars = sorted(face.charToGlyph)  # subset every glyph, as printing will (256 a time), so damage shows now
    for start in range(0, len(chars), 256):
        face.makeSubset(chars[start : start + 256])
    return ""


_PACKAGE_WORDS = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")  # a fontpkg package's name after 'fontpkg-'


@lru_cache(maxsize=64)
def _installed(name: str) -> fontpkg.Family:
    """fontpkg.family(name), read from the package named for the family (fontpkg-SLUG) when there is one: fontpkg's
    registry reads the entry points of every installed distribution (about 170 here) to find it, about 5 ms of a
    process. Another package registering the family (or none) is found by the registry, as before."""
    slug = fontpkg.slugify(name)
    try:
        dist = importlib.metadata.distribution(f"fontpkg-{slug}")
        for entry in dist.entry_points.select(group="fontpkg.family"):
            root = importlib.resources.files(entry.load())
            meta = json.loads((root / "metadata.json").read_text(encoding="utf-8"))
            fam = fontpkg.family_from_metadata(meta, root)
            if fam.slug == slug:
                return fam
    except (importlib.metadata.PackageNotFoundError, ImportError, OSError, ValueError, KeyError, TypeError):
        pass
    return fontpkg.family(name)


def css_weight(weights: list[int | None], wanted: int) -> int:
    """The weight of a family's faces that prints `wanted`, as CSS's font matching chooses it: the weight itself,
    else for 400 to 500 the heavier up to 500, then the lighter nearest first, then the heavier; under 400 the
    lighter nearest first; over 500 the heavier nearest first. A heading of weight 600 in a family of 500 and 700
    is set bold (it was set medium: a Greek heading in Alegreya Sans lighter than the English one's SemiBold).
    `wanted` where the family has no static face."""
    have = sorted({w for w in weights if w is not None})
    if not have or wanted in have:
        return wanted
    lighter = [w for w in reversed(have) if w < wanted]
    heavier = [w for w in have if w > wanted]
    if 400 <= wanted <= 500:
        within = [w for w in heavier if w <= 500]
        return (within + lighter + [w for w in heavier if w > 500])[0]
    return ((lighter + heavier) if wanted < 400 else (heavier + lighter))[0]


def _select(fam: fontpkg.Family, weight: int, style: str) -> fontpkg.FontFile:
    """The family's file that prints `weight` in `style` (`css_weight`); FontpkgError where it has no such style."""
    return fontpkg.select_file(fam, css_weight([f.weight for f in fam.files if f.style == style], weight), style, True)


def _family_file(spec: FontSpec, weight: int, italic: bool) -> tuple[Path | None, str]:
    assert spec.family is not None
    try:
        fam = _installed(spec.family)
    except fontpkg.FamilyNotInstalled:
        slug = fontpkg.slugify(spec.family)
        if not _PACKAGE_WORDS.fullmatch(slug):  # (no package is so named; a command to paste must run nothing else:
            return None, f"font family '{spec.family}' is not installed (see `brochure fonts`)"  # 'x$(id)')
        from brochure.theme.catalog import not_installed  # (reads the installed families: only for this error)

        return None, f"font family '{spec.family}' is not installed ({not_installed(spec.family)})"
    try:
        chosen = _select(fam, weight, "italic" if italic else "normal")
    except fontpkg.FontpkgError:
        if italic:
            return _family_file(spec, weight, False)
        return None, f"font family '{spec.family}' has no file for weight {weight}"
    if chosen.variable:
        return None, f"font family '{spec.family}' comes only as a variable font, which prints its default weight"
    return chosen.path, ""


def _paths(spec: FontSpec, heading: bool) -> tuple[dict[str, Path], list[str]]:
    """face -> TTF path for one role, with problems as messages; a missing italic is the upright file."""
    problems: list[str] = []
    out: dict[str, Path] = {}
    if spec.family is None:
        files = dict(spec.files)
        reg = files["regular"]
        out = {
            "regular": reg,
            "bold": files.get("bold", reg),
            "italic": files.get("italic", reg),
            "bold_italic": files.get("bold_italic", files.get("bold", reg)),
        }
        if heading:
            out["heading"] = files.get("bold", reg)
        return out, problems
    wanted = {"regular": (400, False), "bold": (700, False), "italic": (400, True), "bold_italic": (700, True)}
    if heading:
        wanted = {"heading": (spec.weight, False)}
    for face, (weight, italic) in wanted.items():
        path, problem = _family_file(spec, weight, italic)
        if path is None:
            problems.append(problem)
        else:
            out[face] = path
    return out, sorted(set(problems))


def load_fonts(brand: Brand) -> tuple[FontSet | None, list[Diagnostic]]:
    """Resolve, check and register the brand's heading and body fonts (idempotent, keyed by each file's bytes)."""
    diags: list[Diagnostic] = []
    head, p1 = _paths(brand.heading_font, True)
    body, p2 = _paths(brand.body_font, False)
    for spec, problems in ((brand.heading_font, p1), (brand.body_font, p2)):
        for msg in problems:
            diags.append(error(spec.at, msg, "use a static TrueType family installed with pip, or give TTF files"))
    if diags:
        return None, diags
    names: dict[str, str] = {}
    for face, path in {**head, **body}.items():
        spec = brand.heading_font if face == "heading" else brand.body_font
        name, problem = _register(path, installed=spec.family is not None)
        if problem and not (spec.family and any(d.location == spec.at for d in diags)):  # (a family's: once)
            diags.append(_unusable_file(spec, path, problem))
        names[face] = name
    if diags:
        return None, _unique(diags)
    upright = _one_font(names["italic"], names["regular"])  # (a copy of the regular's file under another name too)
    plain = _one_font(names["bold"], names["regular"])  # (a kit without a bold file, or a family of one
    # weight)
    names.update(_family(names))
    fs = FontSet(
        names["heading"], names["regular"], names["bold"], names["italic"], names["bold_italic"], names["family"]
    )
    faces, diags = _fallbacks(brand)
    if diags:
        return None, diags
    fallbacks = tuple((names[face], tuple(faces[face])) for face in ("heading", *BODY_FACES) if faces[face])
    families = tuple(_spec_name(spec) for spec in brand.fallbacks)
    fs = replace(fs, upright_italic=upright, regular_bold=plain, fallbacks=fallbacks, fallback_families=families)
    return fs, _weight_warnings(brand.heading_font, brand.where("fonts.heading.weight"))


def _one_font(a: str, b: str) -> bool:
    """Whether two registered names are one font (the same bytes, one under a name of its file's: `_alias`)."""
    return a == b or pdfmetrics.getFont(a) is pdfmetrics.getFont(b)


def family_weights(family: str) -> list[int]:
    """The weights an installed family has upright static files for ([] when it is not installed)."""
    try:
        fam = _installed(family)
    except fontpkg.FontpkgError:
        return []
    return sorted({f.weight for f in fam.files if f.style == "normal" and f.weight is not None and not f.variable})


def _weight_warnings(spec: FontSpec, weight_at: Location) -> list[Diagnostic]:
    """A heading weight the family has no file for: another is used (Alegreya Sans has no 600: its 700), which
    the kit should say rather than leave to be found in print; said at the weight (`weight_at`, where the kit gives
    one; else at the family)."""
    if spec.family is None:
        return []
    try:
        fam = _installed(spec.family)
        chosen = _select(fam, spec.weight, "normal")
    except fontpkg.FontpkgError:
        return []  # (said as an error already)
    if chosen.weight is None or chosen.weight == spec.weight:
        return []
    weights = ", ".join(str(w) for w in family_weights(spec.family))
    return [
        warning(
            weight_at if weight_at.line else spec.at,
            f"font family '{spec.family}' has no weight {spec.weight}: its headings print at {chosen.weight}, "
            f"{'the heavier' if chosen.weight > spec.weight else 'the lighter'} nearest it has (as CSS chooses)",
            f"name a weight it has ({weights}) as fonts.heading's weight",
        )
    ]


def _fallbacks(brand: Brand) -> tuple[dict[str, list[str]], list[Diagnostic]]:
    """Each role's fallback faces (heading, regular, bold, ...), in the order `fonts.fallbacks` names them."""
    faces: dict[str, list[str]] = {face: [] for face in ("heading", *BODY_FACES)}
    diags: list[Diagnostic] = []
    hint = "choose a family whose 'scripts:' line in `brochure fonts` has the letters, or give its TTF files"
    for spec in brand.fallbacks:
        head, p1 = _paths(spec, True)
        body, p2 = _paths(spec, False)
        for msg in sorted(set(p1 + p2)):
            diags.append(error(spec.at, msg.replace("font family", "fallback font family", 1), hint))
        if p1 or p2:
            continue
        for face, path in {**head, **body}.items():
            name, problem = _register_later(path) if spec.family is not None else _register(path)
            if problem:
                diags.append(error(_file_at(spec, path), f"cannot use fallback font file {path.name}: {problem}", hint))
            elif name not in faces[face]:
                faces[face].append(name)
    return faces, _unique(diags)


def _spec_name(spec: FontSpec) -> str:
    """A fallback as the kit names it: its family, or its regular file's name."""
    return spec.family or next((path.name for face, path in spec.files if face == "regular"), "?")


BODY_FACES = ("regular", "bold", "italic", "bold_italic")


def _family(names: dict[str, str]) -> dict[str, str]:
    """The body faces under names of this kit's own, and their family (which maps <b> and <i> to them).

    ReportLab maps bold and italic by the regular face's name, process-wide: two kits sharing a regular file
    but not a bold one would print each other's bold. So each combination of the four files gets its own
    names (the same faces, registered again under them) and its own family, once in the process. A file that
    serves two faces (a kit with no bold, whose bold is its regular) has a name for each: a face's fallbacks are
    found by its name (the regular's Arabic words, under the bold's name, printed in the fallback's bold). Each
    name ends in digests only, as `display_name` reads them."""
    key = hashlib.sha1("|".join(names[f] for f in BODY_FACES).encode()).hexdigest()[:8]
    own: dict[str, str] = {}
    for face in BODY_FACES:
        name = f"{names[face]}-{key}"
        mark = hashlib.sha1(face.encode()).hexdigest()[:8]  # (a digest's shape: display_name drops it)
        own[face] = name if name not in own.values() else f"{name}-{mark}"
    family = f"fam-{key}"
    with _LOCK:
        for face in BODY_FACES:  # the face's own font under another name, as registerFont would make it for a font
            # of a face it knows (by PostScript name, which `_register_font` does not give it): one font, so one
            # subset in a PDF that sets it under both names (a heading in the body's bold)
            _alias(names[face], own[face])
        if family not in _families:
            pdfmetrics.registerFontFamily(
                family, normal=own["regular"], bold=own["bold"], italic=own["italic"], boldItalic=own["bold_italic"]
            )
            _families.add(family)
    return {**own, "family": family}


def _unusable_file(spec: FontSpec, path: Path, problem: str) -> Diagnostic:
    """A font file that cannot be used: a kit's own file is to be replaced; an installed family's (its package's
    files removed or damaged since pip installed it) is its package to install again, once for the family."""
    if spec.family is None:
        return error(
            _file_at(spec, path),
            f"cannot use font file {path.name}: {problem}",
            "use a static TrueType (.ttf) font, e.g. from the family's download or a fontpkg package",
        )
    slug = fontpkg.slugify(spec.family)
    again = f"pip install --force-reinstall fontpkg-{slug}" if _PACKAGE_WORDS.fullmatch(slug) else "install it again"
    return error(
        spec.at,
        f"font family '{spec.family}' is installed, but its files are missing or damaged ({path.name}: {problem})",
        f"install its package again ({again}), or choose another family (`brochure fonts`)",
    )


def _file_at(spec: FontSpec, path: Path) -> Location:
    """Where the file is named in brand.yaml: its own key (fonts.body.italic) when given as a file."""
    return next((at for face, at in spec.places if dict(spec.files).get(face) == path), spec.at)


def _unique(diags: list[Diagnostic]) -> list[Diagnostic]:
    """One message per file and place (the same file may serve several faces)."""
    return list(dict.fromkeys(diags))


def italic_warning(brand: Brand, fonts: FontSet, content: Content) -> list[Diagnostic]:
    """A warning at fonts.body when the body font has no italic and the content prints something in italic."""
    if not fonts.upright_italic:
        return []
    emphasis = any(run.italic for text, _ in content.strings for run in inline.parse(text))
    captions = any(isinstance(b, Image) and b.caption for s in content.sections for b in s.blocks)
    if not (emphasis or captions):
        return []
    what = " and ".join(w for w, used in (("*emphasis*", emphasis), ("picture captions", captions)) if used)
    return [
        warning(
            brand.where("fonts.body"),
            f"the body font has no italic: {what} will print upright",
            "add an 'italic:' TTF file to fonts.body, or choose a family that has italics",
        )
    ]


def bold_warning(brand: Brand, fonts: FontSet) -> list[Diagnostic]:
    """A warning at fonts.body when the body font has no bold: every leaflet prints something in it (subheadings,
    the QR code's label, the clinic's name on the cover, **bold** words and large print's emphasis)."""
    if not fonts.regular_bold:
        return []
    regular, bold = fonts.fallbacks_for(fonts.regular), fonts.fallbacks_for(fonts.bold)
    named = fonts.fallback_families
    bolder = [named[i] if i < len(named) else r for i, (r, b) in enumerate(zip(regular, bold, strict=False)) if r != b]
    but = ""
    if bolder:  # (the fallbacks' bold faces: not the regular ones)
        but = f" (the letters {' and '.join(bolder)} sets print in its bold, beside them)"
    return [
        warning(
            brand.where("fonts.body"),
            "the body font has no bold: what the leaflet prints in bold (subheadings, the QR code's label, the "
            f"clinic's name on the cover, **bold** words) will print in the regular weight, its emphasis lost{but}",
            "add a 'bold:' TTF file to fonts.body, or choose a family that has a bold",
        )
    ]


def fallback_bold_warning(brand: Brand, fonts: FontSet, content: Content) -> list[Diagnostic]:
    """A warning at fonts.fallbacks when a fallback family with no bold sets words the leaflet prints in bold or
    as headings (Varela Round, Hebrew's, has one weight: every Hebrew heading and **bold** word printed regular,
    the warnings' emphasis lost, beside the kit's own bold digits and marks)."""
    from brochure.theme.fallback import pieces

    regular, bold = fonts.fallbacks_for(fonts.regular), fonts.fallbacks_for(fonts.bold)
    plain = {r for r, b in zip(regular, bold, strict=False) if r == b}  # (its bold face is its regular one)
    if not plain:
        return []
    heads = [(inline.plain(t), fonts.heading) for t in (content.title, *(s.heading for s in content.sections))]
    strong = [(r.text, fonts.bold) for t, _ in content.strings for r in inline.parse(t) if r.bold]
    found = next(
        (f for text, face in (*heads, *strong) for _, f in pieces(text, face, fonts.fallbacks_for(face)) if f in plain),
        None,
    )
    if found is None:
        return []
    named = fonts.fallback_families
    family = named[regular.index(found)] if regular.index(found) < len(named) else found
    return [
        warning(
            brand.where("fonts.fallbacks"),
            f"the fallback family '{family}' has no bold: the words it sets in headings and **bold** print in its"
            " regular weight, their emphasis lost (the kit's own letters beside them, digits and marks, in bold)",
            "add a fallback family of the same letters that has a bold (`brochure fonts` lists their weights), or"
            " give its bold TTF file",
        )
    ]


def forget_document(doc: object, font_names: Iterable[str]) -> None:
    """Drop what each TrueType font kept about one PDF document (its subsets), so a long-lived process does not
    grow: the one other write to the fonts ReportLab holds for the process, each thread its own document's."""
    for name in font_names:
        state = getattr(pdfmetrics.getFont(name), "state", None)
        if isinstance(state, dict):
            state.pop(doc, None)


def display_name(font_name: str) -> str:
    """A registered font's name as its file is called (without the digests brochure adds): 'BeVietnamPro-Bold'."""
    return re.sub(r"(-[0-9a-f]{8})+$", "", font_name)


X_HEIGHT = (0.3, 0.75)  # x-heights (in ems) outside this are misread metrics: the letter 'x' is measured instead


def x_height(font_name: str) -> float | None:
    """A registered TrueType font's x-height in ems: its OS/2 table's sxHeight (version 2 on), else the height of
    its letter 'x' as drawn; None when neither is there (a font without an 'x')."""
    face = pdfmetrics.getFont(font_name).face
    data: bytes = face._ttf_data
    units = float(face.unitsPerEm)
    os2 = face.table.get("OS/2")
    if os2 is not None and os2["length"] >= 88:
        at = os2["offset"]
        version, (sx_height,) = struct.unpack_from(">H", data, at)[0], struct.unpack_from(">h", data, at + 86)
        if version >= 2 and X_HEIGHT[0] <= sx_height / units <= X_HEIGHT[1]:
            return float(sx_height / units)
    glyph = face.charToGlyph.get(ord("x"))
    glyf = face.table.get("glyf")
    if glyph is None or glyf is None or face.glyphPos[glyph + 1] - face.glyphPos[glyph] < 10:
        return None
    (y_max,) = struct.unpack_from(">h", data, glyf["offset"] + face.glyphPos[glyph] + 8)  # the glyph's top
    return float(y_max / units) if y_max > 0 else None


def unreadable(names: Iterable[str]) -> list[str]:
    """Of these fallback faces, those ReportLab could not read when a character first needed them, each as 'FILE
    (why)': what a message about a character they should have set names (their package is damaged)."""
    return [f"{_unusable[n][0].name} ({_unusable[n][1]})" for n in names if n in _unusable]


@lru_cache(maxsize=64)
def blank(font_name: str) -> frozenset[int]:
    """The code points the registered TrueType font maps to a glyph with no outline though they print ink (letters,
    digits, marks, punctuation, symbols): a damaged or doctored file prints nothing there, as if the letter were
    not in the words. (Remembered: a font's name names its file's contents.)"""
    table = cmap(font_name)
    if not table:
        return frozenset()
    pos = pdfmetrics.getFont(font_name).face.glyphPos
    return frozenset(
        code
        for code, glyph in table.items()
        if glyph + 1 < len(pos) and pos[glyph] == pos[glyph + 1] and unicodedata.category(chr(code))[0] in "LNPSM"
    )


def no_break_printed(text: str, font_name: str) -> str:
    """The text with each no-break space of chars.NO_BREAK (U+202F, U+2007) the font lacks as U+00A0, which every
    font prints as its space (none of the fonts brochure installs has U+202F): the same no break, never the missing
    glyph's empty box."""
    if not any(ch in text for ch in NO_BREAK):
        return text
    glyphs = cmap(font_name) if pdfmetrics.getFont(font_name)._dynamicFont else {}
    return text.translate({ord(ch): "\xa0" for ch in NO_BREAK if ord(ch) not in glyphs})


def cmap(font_name: str) -> Mapping[int, int]:
    """The registered TrueType font's code points -> glyphs (to look many characters up at once); a fallback face
    still waiting (`_register_later`) is registered first. Every use of a fallback face asks this first."""
    if font_name in _waiting:
        _register_waiting(font_name)
    if font_name in _unusable:
        return {}
    table: Mapping[int, int] = pdfmetrics.getFont(font_name).face.charToGlyph
    return table
