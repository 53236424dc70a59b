"""A brand's logo file (SVG or PNG) -> a vector Drawing or a checked picture, or a Diagnostic."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from lxml import etree
from reportlab.graphics.shapes import Drawing, Group, String
from svglib.svglib import SvgRenderer

from brochure.diagnostics import Diagnostic, Location, error
from brochure.load.pictures import check_picture

SVG_NS = "{http://www.w3.org/2000/svg}"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"


@dataclass(frozen=True)
class Logo:
    """Exactly one of drawing (SVG) or picture (PNG) is set; size in points or pixels."""

    drawing: Drawing | None
    picture: Path | None
    width: float
    height: float


def load_logo(path: Path, at: Location) -> tuple[Logo | None, Diagnostic | None]:
    if path.suffix.lower() == ".png":
        size, problem = check_picture(path)
        if size is None:
            return None, error(
                at, f"logo cannot be used: {problem}", "use an SVG logo, or a PNG of at least 1200 pixels wide"
            )
        return Logo(None, path, float(size[0]), float(size[1])), None
    return _load_svg(path, at)


def _load_svg(path: Path, at: Location) -> tuple[Logo | None, Diagnostic | None]:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.parse(str(path), parser).getroot()
    except (etree.XMLSyntaxError, OSError) as exc:
        return None, error(at, f"logo is not a readable SVG file: {exc}", "export the logo again as plain SVG")
    if root.tag != SVG_NS + "svg":
        return None, error(at, "logo file is not an SVG document", "the root element must be <svg>")
    for el in root.iter():
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in (SVG_NS + "text", SVG_NS + "tspan"):
            return None, error(
                at,
                "logo contains SVG text, which would print in a substitute font",
                "convert the text to outlines (paths) in your drawing program",
            )
        href = el.get(XLINK_HREF) or el.get("href") or ""
        if href and not href.startswith("#"):
            return None, error(
                at,
                f"logo refers to an outside file or address '{href[:60]}'",
                "embed everything in the SVG; no linked images or fonts",
            )
    logging.getLogger("svglib").setLevel(logging.ERROR)
    drawing = SvgRenderer(str(path)).render(root)
    if drawing is None or drawing.width <= 0 or drawing.height <= 0:
        return None, error(at, "logo SVG has no size", "give the <svg> a viewBox")
    if _has_text(drawing):
        return None, error(at, "logo contains text", "convert the text to outlines")
    return Logo(drawing, None, float(drawing.width), float(drawing.height)), None


def _has_text(node: Group | Drawing) -> bool:
    for child in node.getContents():
        if isinstance(child, String):
            return True
        if isinstance(child, Group) and _has_text(child):
            return True
    return False
