"""Brand FontSpecs -> registered ReportLab TrueType fonts (FontSet); the only module that registers fonts."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import fontpkg
from reportlab import rl_config
from reportlab.graphics.shapes import STATE_DEFAULTS
from reportlab.lib.colors import CMYKColor
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from brochure.diagnostics import Diagnostic, error
from brochure.load.brand import Brand, FontSpec


@dataclass(frozen=True)
class FontSet:
    """ReportLab font names for each role; `family` maps <b>/<i> in body paragraphs."""

    heading: str
    regular: str
    bold: str
    italic: str
    bold_italic: str
    family: str

    def faces(self) -> tuple[str, ...]:
        return (self.heading, self.regular, self.bold, self.italic, self.bold_italic)


_registered: dict[Path, str] = {}
_families: set[str] = set()


def _font_name(path: Path) -> str:
    """A stable name derived from the file, so two brands' fonts never share a name."""
    digest = hashlib.sha1(str(path).encode()).hexdigest()[:8]
    return f"{path.stem.replace(' ', '')[:40]}-{digest}"


def _register(path: Path) -> str:
    name = _registered.get(path)
    if name is None:
        name = _font_name(path)
        pdfmetrics.registerFont(TTFont(name, str(path)))
        _registered[path] = name
    return name


def _family_file(spec: FontSpec, weight: int, italic: bool) -> tuple[Path | None, str]:
    assert spec.family is not None
    try:
        fam = fontpkg.family(spec.family)
    except fontpkg.FamilyNotInstalled:
        slug = fontpkg.slugify(spec.family)
        return (
            None,
            f"font family '{spec.family}' is not installed "
            f"(try: pip install fontpkg-{slug}; then add it to requirements.txt)",
        )
    try:
        chosen = fontpkg.select_file(fam, weight, "italic" if italic else "normal", nearest=True)
    except fontpkg.FontpkgError:
        if italic:
            return _family_file(spec, weight, False)
        return None, f"font family '{spec.family}' has no file for weight {weight}"
    if chosen.variable:
        return None, f"font family '{spec.family}' comes only as a variable font, which prints its default weight"
    return chosen.path, ""


def _paths(spec: FontSpec, heading: bool) -> tuple[dict[str, Path], list[str]]:
    """face -> TTF path for one role, with problems as messages."""
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
    """Resolve and register the brand's heading and body fonts (idempotent, cached per file)."""
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
        try:
            names[face] = _register(path)
        except (TTFError, OSError, ValueError) as exc:
            spec = brand.heading_font if face == "heading" else brand.body_font
            diags.append(error(spec.at, f"cannot use font file {path.name}: {exc}", "use a TrueType (.ttf) file"))
    if diags:
        return None, diags
    family = "fam-" + names["regular"]
    if family not in _families:
        pdfmetrics.registerFontFamily(
            family, normal=names["regular"], bold=names["bold"], italic=names["italic"], boldItalic=names["bold_italic"]
        )
        _families.add(family)
    return FontSet(names["heading"], names["regular"], names["bold"], names["italic"], names["bold_italic"], family), []


@contextmanager
def engine_defaults(font: str, cmyk: bool) -> Iterator[None]:
    """Set ReportLab's process-wide defaults for one render, then restore them.

    The canvas and every Drawing start with `font` (otherwise a non-embedded Helvetica slips in);
    with `cmyk`, vector drawings start in CMYK black instead of RGB black; streams stay binary.
    """
    saved = (rl_config.canvas_basefontname, rl_config.defaultGraphicsFontName, rl_config.useA85)
    saved_state = {k: STATE_DEFAULTS[k] for k in ("fillColor", "strokeColor")}
    rl_config.canvas_basefontname = font
    rl_config.defaultGraphicsFontName = font
    rl_config.useA85 = 0  # binary streams: smaller files, faster builds
    if cmyk:
        STATE_DEFAULTS["fillColor"] = STATE_DEFAULTS["strokeColor"] = CMYKColor(0, 0, 0, 1)
    try:
        yield
    finally:
        rl_config.canvas_basefontname, rl_config.defaultGraphicsFontName, rl_config.useA85 = saved
        STATE_DEFAULTS.update(saved_state)


def covers(font_name: str, ch: str) -> bool:
    """Whether the registered TrueType font has a glyph for the character."""
    font = pdfmetrics.getFont(font_name)
    return ord(ch) in font.face.charToGlyph
