"""File paths and options -> loaded inputs -> Result(pdf bytes, layout, diagnostics): the pipeline in one place."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from brochure.diagnostics import Diagnostic
from brochure.geometry.sheet import trifold
from brochure.layout.model import Layout
from brochure.layout.trifold import Inputs, layout_trifold
from brochure.load.brand import Brand, load_brand
from brochure.load.content import Content, load_content
from brochure.preflight.checks import check_glyphs, check_safe_zone
from brochure.render.pdf import Meta, render
from brochure.theme.fonts import FontSet, load_fonts
from brochure.theme.styles import make_theme

LAYOUTS = ("trifold", "bifold", "flyer")
TARGETS = ("office", "press")
PAPERS = ("a4", "letter")


@dataclass(frozen=True)
class Options:
    layout: str = "trifold"
    paper: str | None = None  # None: the brand's paper
    target: str = "office"
    marks: bool = False


@dataclass(frozen=True)
class Sources:
    """The loaded, validated inputs."""

    content: Content
    brand: Brand
    fonts: FontSet


@dataclass(frozen=True)
class Result:
    pdf: bytes | None
    layout: Layout | None
    diagnostics: tuple[Diagnostic, ...]

    @property
    def ok(self) -> bool:
        return self.pdf is not None and not any(d.is_error for d in self.diagnostics)


def load(content_path: Path, brand_path: Path) -> tuple[Sources | None, list[Diagnostic]]:
    """Read and validate both input files and the logo; every problem is reported together."""
    content, diags = load_content(content_path)
    brand, brand_diags = load_brand(brand_path)
    diags += brand_diags
    fonts = None
    if brand is not None:
        fonts, font_diags = load_fonts(brand)
        diags += font_diags
    if content is None or brand is None or fonts is None:
        return None, diags
    return Sources(content, brand, fonts), diags


def unavailable(options: Options) -> str:
    """The option this version cannot build yet, or '' (the command line reports it as a usage error)."""
    if options.layout != "trifold":
        return f"--layout {options.layout}"
    if options.target != "office":
        return f"--target {options.target}"
    return "--marks" if options.marks else ""


def build(src: Sources, options: Options) -> Result:
    """Lay out, check and render one leaflet; no file is written here."""
    missing = unavailable(options)
    if missing:
        raise ValueError(f"{missing} is not available in this version")
    fonts = src.fonts
    diags = check_glyphs(src.content, src.brand, fonts)
    if any(d.is_error for d in diags):
        return Result(None, None, tuple(diags))
    theme = make_theme(src.brand, fonts)
    sheet = trifold(options.paper or src.brand.paper, options.target)
    layout, ldiags = layout_trifold(Inputs(src.content, src.brand, theme, sheet))
    diags += ldiags
    if layout is None:
        return Result(None, None, tuple(diags))
    diags += check_safe_zone(layout, str(src.content.path))
    if any(d.is_error for d in diags):
        return Result(None, layout, tuple(diags))
    c = src.content
    meta = Meta(
        title=f"{c.title}: {c.subtitle}",
        author=src.brand.name,
        subject=f"Patient information leaflet: {c.title} {c.subtitle}",
        keywords=(c.title, *(s.heading for s in c.sections), src.brand.name),
        language=c.language,
        base_font=fonts.regular,
    )
    return Result(render(layout, meta), layout, tuple(diags))
