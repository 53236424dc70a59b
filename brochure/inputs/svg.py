"""An SVG logo file -> a checked vector Drawing, trimmed to what it draws, or a Diagnostic (inputs/logo.py's SVG half).

An SVG is held to budgets (bytes, elements counting every <use> copy) before svglib sees it; its size must be
finite numbers in known units; every <use> must point at an element in the file and never at itself; what
svglib raises on odd input is reported as the logo's problem; the drawing must have finite, sensible bounds.
Imported only when a logo is an SVG: lxml, svglib and ReportLab's shapes are not loaded to read a kit otherwise.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lxml import etree
from reportlab.graphics.shapes import Drawing, Group, Shape, String, mmult

from brochure import limits
from brochure.diagnostics import Diagnostic, Location, error
from brochure.inputs.files import read_bytes
from brochure.inputs.logo import SVG_HINT as _HINT
from brochure.inputs.logo import THINNEST, TRIM, trim_box

SVG_NS = "{http://www.w3.org/2000/svg}"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
_NUMBER = r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?"
_DIGITS = re.compile(r"\d+(?:\.\d*)?|\.\d+")  # each number in path data (an exponent counts twice)
_LENGTH = re.compile(rf"^\s*({_NUMBER})\s*([a-zA-Z%]*)\s*$")
_UNITS = {"": 1.0, "px": 1.0, "pt": 96 / 72, "pc": 16.0, "mm": 96 / 25.4, "cm": 96 / 2.54, "in": 96.0, "%": None}
_SIZES = (0.01, 1e5)  # a logo's width, height and viewBox sides, in CSS pixels (a few hundred is usual)
if TYPE_CHECKING:
    from svglib.svglib import SvgRenderer

_SVG_FAILURES = (ValueError, TypeError, KeyError, IndexError, AttributeError, ArithmeticError, RecursionError)


# An entity reference other than XML's five and character references (&#38;, &#x26;).
_ENTITY = re.compile(rb"&(?!(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)[A-Za-z_:][-A-Za-z0-9._:]*;")


def load_svg(path: Path, at: Location) -> tuple[Drawing | None, Diagnostic | None]:
    data, problem = read_bytes(path, limits.SVG_BYTES)
    if data is None:
        return None, error(at, f"logo cannot be used: {problem}", _HINT)
    data = _line_ends(data)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        if "Excessive depth" in str(exc):  # (libxml2's own words named an option of its, XML_PARSE_HUGE)
            return None, error(
                at,
                "logo SVG nests its elements more than 256 deep",
                "ungroup the logo's layers in the drawing program, then export it again as plain SVG",
            )
        line, column = exc.position if exc.position else (0, 0)
        said = re.sub(r",? line \d+, column \d+(?: \(<string>, line \d+\))?$", "", str(exc.msg or exc)).strip()
        return None, error(
            Location(_shown(path, at), line, column),  # (where in the SVG file, not the kit's line naming it)
            f"logo is not a readable SVG file: {said} (named at {at.prefix()})",
            "export the logo again as plain SVG (it may be cut short: a copy or download that did not finish)",
        )
    if root is not None and root.tag == "svg":  # (<svg> without its namespace: a browser shows it, in HTML)
        return None, error(
            at,
            "logo SVG's <svg> element has no SVG namespace, so it is not read as an SVG drawing",
            'add xmlns="http://www.w3.org/2000/svg" to its <svg> tag, or export the logo again as plain SVG',
        )
    if root is None or root.tag != SVG_NS + "svg":
        return None, error(at, "logo file is not an SVG document", "the root element must be <svg>")
    named = _ENTITY.search(data)  # (in an attribute, `fill="&brand;"`, the parser leaves an empty value, no node)
    entity = next(root.iter(etree.Entity), None)
    dtd = root.getroottree().docinfo.internalDTD  # (a DOCTYPE naming SVG 1.1's DTD, as exports write it, is fine)
    if named or entity is not None or (dtd is not None and next(dtd.iterentities(), None) is not None):  # (never
        # expanded: what they stand for, a colour, was dropped and the logo printed otherwise, black)
        used = named.group().decode("ascii", "replace") if named else entity.text if entity is not None else ""
        what = f"uses the entity {used}" if used else "declares entities (<!DOCTYPE svg [...]>)"
        return None, error(at, f"logo SVG {what}", "export the logo again as plain SVG, without a DOCTYPE")
    elements = list(root.iter(etree.Element))
    if len(elements) > limits.SVG_ELEMENTS:
        return None, error(
            at,
            f"logo SVG has {len(elements):,} elements; at most {limits.SVG_ELEMENTS:,} are allowed",
            "a logo needs a few dozen shapes: simplify it, or export it again without hidden layers",
        )
    content = _content_problem(elements)
    if content is not None:  # (said at the element, in the SVG file: a drawing program's export has hundreds)
        problem, hint, el = content
        return None, error(_element_at(path, at, data, el, elements), f"{problem} (named at {at.prefix()})", hint)
    problem, hint = _numbers_problem(elements) or _size_problem(root) or _use_problem(root, elements) or ("", "")
    if problem:
        return None, error(at, problem, hint)
    logging.getLogger("svglib").setLevel(logging.CRITICAL)  # its complaints are ours to word
    problem, hint = _colour_problem(elements) or ("", "")
    if problem:
        return None, error(at, problem, hint)
    try:
        drawing = _renderer()(str(path)).render(root)
    except _SVG_FAILURES as exc:
        return None, error(at, f"logo SVG cannot be drawn: {_short(exc)}", _HINT)
    problem, hint = _drawing_problem(drawing)
    if problem:
        return None, error(at, problem, hint)
    return _trim_drawing(drawing), None


@cache
def _renderer() -> type[SvgRenderer]:
    """svglib's renderer, reading `currentColor` as SVG does: the colour of the element painted (its own `color`,
    else its parent's ...). svglib read it from the parent first, so a shape with its own `color` printed in its
    group's, or black. (svglib and what it imports only for an SVG logo; a renderer is made for each logo.)"""
    from svglib.svglib import CSSMatcher, Svg2RlgAttributeConverter, Svg2RlgShapeConverter, SvgRenderer

    class Attributes(Svg2RlgAttributeConverter):
        painted: Any = None  # the element whose style is being read

        def findAttr(self, svgNode: Any, name: str) -> str:
            painted = self.painted
            if name != "color" or painted is None:
                return str(super().findAttr(svgNode, name))
            self.painted = None  # (once: it looks on up the parents from there)
            try:
                return str(super().findAttr(painted, name))  # (asked of the parent: for currentColor)
            finally:
                self.painted = painted

    class Shapes(Svg2RlgShapeConverter):
        def applyStyleOnShape(self, shape: Any, node: Any, only_explicit: bool = False) -> None:
            attributes = self.attrConverter
            assert isinstance(attributes, Attributes)
            was, attributes.painted = attributes.painted, node
            try:
                super().applyStyleOnShape(shape, node, only_explicit)
            finally:
                attributes.painted = was

    class Renderer(SvgRenderer):
        def __init__(self, path: str) -> None:
            super().__init__(path)
            self.attrConverter = Attributes()
            self.attrConverter.css_rules = CSSMatcher()
            self.shape_converter = Shapes(path, self.attrConverter)
            self.handled_shapes = self.shape_converter.get_handled_shapes()

    return Renderer


def _line_ends(data: bytes) -> bytes:
    """An SVG file's lone carriage returns (an old Mac export's line ends) as line feeds, as XML reads them: libxml2
    counted none of them, so a problem on the fifth line was said on the first, hundreds of columns in. A file in
    UTF-16 or UTF-32 (a byte 0 in its first four) is left as it is: a 13 byte there may be half a character."""
    if b"\r" not in data or b"\0" in data[:4] or data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data
    return re.sub(rb"\r\n?", b"\n", data)


def _shown(path: Path, at: Location) -> str:
    """The SVG file as messages name files: beside the brand.yaml naming it, as that is named (from here, where it
    is given so), not its absolute path."""
    kit = Path(at.file).parent
    try:
        return str(kit / path.resolve().relative_to(kit.resolve()))
    except (ValueError, OSError):
        return str(path)


def _trim_drawing(drawing: Drawing) -> Drawing:
    """The drawing cut down to what it draws (strokes included), where its padding is over the hairline margin:
    a new Drawing of the trimmed size holding the same shapes, moved; the drawing itself when nothing is cut."""
    w, h = float(drawing.width), float(drawing.height)
    bounds = drawing.getBounds()
    if tuple(drawing.transform) != (1, 0, 0, 1, 0, 0) or bounds is None:
        return drawing
    drawn = _drawn_bounds(drawing, (1, 0, 0, 1, 0, 0)) or bounds
    margin = min(w, h) * TRIM
    x0, y0, x1, y1 = drawn
    spills = x0 < 0 or y0 < 0 or x1 > w or y1 > h  # (a stroke reaching past the artboard's edge: the box grows to
    # hold it, or the logo printed past its place, into the fold or the sheet's edge)
    if not (spills or x0 > margin or y0 > margin or w - x1 > margin or h - y1 > margin):
        return drawing
    left, bottom, right, top = trim_box((0.0, 0.0, w, h), drawn, margin)
    left, bottom, right, top = min(left, x0), min(bottom, y0), max(right, x1), max(top, y1)
    trimmed = Drawing(right - left, top - bottom)
    trimmed.add(Group(*drawing.contents, transform=(1, 0, 0, 1, -left, -bottom)))
    return trimmed


Bounds = tuple[float, float, float, float]


def _drawn_bounds(node: Shape, m: tuple[float, ...]) -> Bounds | None:
    """What the drawing paints, in the drawing's units: each shape's outline through its groups' transforms (m),
    widened by its own stroke's reach (its whole width: half for the line itself, the rest for square caps and
    mitred corners). None where it paints nothing."""
    if isinstance(node, Group):
        t = mmult(m, tuple(getattr(node, "transform", (1, 0, 0, 1, 0, 0))))
        return _union([b for child in node.getContents() if (b := _drawn_bounds(child, t)) is not None])
    outline = node.getBounds()
    if outline is None:
        return None
    ma, mb, mc, md, me, mf = m
    corners = [(x, y) for x in (outline[0], outline[2]) for y in (outline[1], outline[3])]
    xs = [ma * x + mc * y + me for x, y in corners]
    ys = [mb * x + md * y + mf for x, y in corners]
    width = getattr(node, "strokeWidth", 0) or 0
    stroked = getattr(node, "strokeColor", None) is not None and isinstance(width, float | int) and width > 0
    reach = float(width) * abs(ma * md - mb * mc) ** 0.5 if stroked else 0.0
    return min(xs) - reach, min(ys) - reach, max(xs) + reach, max(ys) + reach


def _painted_bounds(node: Shape, m: tuple[float, ...]) -> Bounds | None:
    """What the drawing paints that can be seen: as `_drawn_bounds`, but only shapes with a fill or a stroke, and a
    group's within the clip paths it holds (svglib's `ClippingPath`, which clips the shapes after it). None where
    nothing is painted: no fill and no stroke (`fill="none"`), or clipped away to nothing."""
    if isinstance(node, Group):
        t = mmult(m, tuple(getattr(node, "transform", (1, 0, 0, 1, 0, 0))))
        clip: Bounds | None = None
        boxes: list[Bounds] = []
        for child in node.getContents():
            if getattr(child, "isClipPath", 0):
                outline = _drawn_bounds(_unpainted(child), t) or (0.0, 0.0, 0.0, 0.0)
                clip = outline if clip is None else _meet(clip, outline)
            elif (b := _painted_bounds(child, t)) is not None:
                boxes.append(b if clip is None else _meet(b, clip))
        return _union([b for b in boxes if b[2] > b[0] and b[3] > b[1]])
    width = getattr(node, "strokeWidth", 0) or 0
    stroked = getattr(node, "strokeColor", None) is not None and isinstance(width, float | int) and width > 0
    if getattr(node, "fillColor", None) is None and not stroked:
        return None
    return _drawn_bounds(node, m)


def _union(boxes: list[Bounds]) -> Bounds | None:
    """The box round all the boxes; None for none."""
    if not boxes:
        return None
    return min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes)


def _unpainted(node: Shape) -> Shape:
    """A clip path's outline only (a stroke does not widen what it lets through)."""
    copy = node.copy()
    copy.strokeColor = None
    return copy


def _meet(a: Bounds, b: Bounds) -> Bounds:
    x0, y0, x1, y1 = max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3])
    return (x0, y0, max(x0, x1), max(y0, y1))


# Painting svglib does not draw: a fill or stroke by a gradient or pattern (`fill="url(#g)"`, in an attribute, a
# style or a <style> sheet) printed as nothing; a mask or filter was left out (the shape printed unmasked).
_PAINT_BY_REFERENCE = re.compile(r"(?:^|[;{\s])(fill|stroke)\s*:\s*url\(", re.IGNORECASE)
_EFFECT = re.compile(r"(?:^|[;{\s])(mask|filter)\s*:\s*url\(", re.IGNORECASE)
_NOTHING = "which would print as nothing"
_OPACITY = re.compile(r"(?:^|[;{\s])opacity\s*:\s*([^;}\s]+)", re.IGNORECASE)  # (not fill- or stroke-opacity)
_UNBLENDED = "which would print unblended"
_BLEND = re.compile(r"(?:^|[;{\s])mix-blend-mode\s*:\s*([^;}\s]+)", re.IGNORECASE)
_FLATTEN = (
    "flatten it to plain colours in your drawing program (e.g. Object > Expand Appearance, or Path > Object to "
    "Path), or use a PNG"
)


def _content_problem(elements: list[etree._Element]) -> tuple[str, str, etree._Element] | None:
    """Text (which would print in a substitute font), painting svglib would leave out (`_painting_problem`), or
    references to anything outside the file; with the element that has it."""
    for el in elements:
        found = _element_problem(el, el is elements[0])
        if found is not None:
            return (*found, el)
    return None


def _element_problem(el: etree._Element, root: bool) -> tuple[str, str] | None:
    if el.tag in (SVG_NS + "text", SVG_NS + "tspan"):
        return (
            "logo contains SVG text, which would print in a substitute font",
            "convert the text to outlines (paths) in your drawing program",
        )
    if el.tag == SVG_NS + "foreignObject":
        return (
            "logo contains a foreignObject (web page content inside the SVG), which would not print",
            "convert it to shapes (text to outlines) in your drawing program, or use a PNG",
        )
    painting = _painting_problem(el, root)
    if painting:
        return painting, _FLATTEN
    unread = _unread_problem(el)
    if unread:
        return unread, _EXPORT
    href = _href(el)
    if href.lower().startswith("data:"):
        return (
            "logo SVG holds an embedded picture (an <image> of pixels), which is not supported",
            "use the picture itself as the logo (a PNG), or a logo drawn in shapes only",
        )
    if href and not href.startswith("#"):
        return (
            f"logo refers to an outside file or address '{href[:60]}'",
            "embed everything in the SVG; no linked images or fonts",
        )
    return None


def _element_at(path: Path, at: Location, data: bytes, el: etree._Element, elements: list[etree._Element]) -> Location:
    """Where an element's tag starts in the SVG file. lxml gives the line its start tag ends on: the tag is looked
    for from there back (a tag over several lines), the n-th from the end, n counted among the elements of its tag
    whose start tags end on that line after it; comments, CDATA and processing instructions are passed over, and a
    tag whose name only begins so (<textPath> for <text>)."""
    ends = el.sourceline or 1
    name = el.prefix + ":" + etree.QName(el).localname if el.prefix else etree.QName(el).localname
    after = sum(1 for e in elements[elements.index(el) + 1 :] if e.sourceline == ends and e.tag == el.tag)
    lines = data.decode("utf-8-sig", "replace").split("\n")  # (a byte order mark is no column)
    text = _UNMARKED.sub(lambda m: re.sub("[^\n]", " ", m.group()), "\n".join(lines[:ends]))
    starts = [m.start() for m in re.finditer(rf"<{re.escape(name)}(?=[\s/>]|$)", text)]
    if len(starts) <= after:
        return Location(_shown(path, at), ends, 1)
    found = starts[-1 - after]
    line = text.count("\n", 0, found) + 1
    return Location(_shown(path, at), line, found - (text.rfind("\n", 0, found) + 1) + 1)


_UNMARKED = re.compile(r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>", re.DOTALL)  # (blanked but for their line breaks)


def _painting_problem(el: etree._Element, root: bool) -> str:
    """What of this element would print otherwise than drawn: a gradient or pattern paint, a mask, a filter, an
    <svg> inside the <svg> (placed at another size)."""
    if el.tag == SVG_NS + "svg" and not root:
        return "logo SVG has an <svg> inside it, which would print at another size and place"
    sheets = [el.text or ""] if el.tag == SVG_NS + "style" else []
    declared = ";".join([el.get("style") or "", *sheets])
    for key in ("fill", "stroke"):
        value = (el.get(key) or "").strip()
        if value.lower().startswith("url("):
            return f'logo SVG paints with a gradient or pattern ({key}="{value[:40]}"), {_NOTHING}'
    painted = _PAINT_BY_REFERENCE.search(declared)
    if painted:
        return f"logo SVG paints with a gradient or pattern ({painted.group(1)}: url(...)), {_NOTHING}"
    for key in ("mask", "filter"):
        value = (el.get(key) or "").strip()
        if value and value.lower() != "none":
            return f'logo SVG uses a {key} ({key}="{value[:40]}"), which would be left out'
    effect = _EFFECT.search(declared)
    if effect:
        return f"logo SVG uses a {effect.group(1)} ({effect.group(1)}: url(...)), which would be left out"
    blend = _BLEND.search(declared)
    for value in (el.get("mix-blend-mode"), blend.group(1) if blend else None):
        if value is not None and value.strip().lower() not in ("normal", "inherit", "initial", "unset", ""):
            return f"logo SVG blends a shape into what is under it (mix-blend-mode: {value.strip()[:20]}), {_UNBLENDED}"
    declared_opacity = _OPACITY.search(declared)
    for value in (el.get("opacity"), declared_opacity.group(1) if declared_opacity else None):
        if value is not None and not _opaque(value):  # (svglib leaves an element's or group's opacity out: a
            # shape at 30 % printed solid; fill-opacity and stroke-opacity it keeps)
            return f'logo SVG uses opacity (opacity="{value.strip()[:20]}"), which would print solid'
    return ""


_EXPORT = (
    "export the logo again as plain SVG (Inkscape: Save As > Plain SVG; Illustrator: SVG 1.1, presentation "
    "attributes, shapes expanded), or use a PNG"
)
_MARKERS = ("marker", "marker-start", "marker-mid", "marker-end")
_DECLARED = re.compile(
    r"(?<![-\w])(marker(?:-start|-mid|-end)?|transform|transform-origin|fill-opacity|stroke-opacity)\s*:\s*([^;}]*)",
    re.IGNORECASE,
)
_IMPORTANT = re.compile(r"[^;{}:]*:[^;{}]*!\s*important", re.IGNORECASE)
_UNCOMMENTED = re.compile(r"/\*.*?\*/", re.DOTALL)
_CURRENT = re.compile(r"(?<![-\w])currentcolor(?![-\w])", re.IGNORECASE)
_SIZED = ("x", "y", "width", "height", "r", "rx", "ry", "cx", "cy", "x1", "y1", "x2", "y2")
_SHAPES = tuple(SVG_NS + t for t in ("rect", "circle", "ellipse", "line", "use"))


def _unread_problem(el: etree._Element) -> str:
    """What of this element svglib would draw otherwise than a browser, or leave out, with the build's exit 0:
    markers, a <symbol>'s own viewBox, a clip in its shape's own units, `currentcolor` not spelt `currentColor`,
    an opacity in percent or below 0, a point list with a coordinate over, a transform in CSS, a shape sized in
    percent or of negative size."""
    tag = el.tag
    declared = dict((m.group(1).lower(), m.group(2).strip()) for m in _DECLARED.finditer(el.get("style") or ""))
    keys = (*_MARKERS, "fill-opacity", "stroke-opacity")
    given = {key: (el.get(key) or declared.get(key) or "").strip() for key in keys}
    if tag == SVG_NS + "marker" or any(given[k] and given[k].lower() != "none" for k in _MARKERS):
        return "logo SVG draws markers (arrowheads or dots at a line's ends), which would be left out"
    if "slice" in (el.get("preserveAspectRatio") or "").split():
        return "logo SVG crops its drawing to its width and height (preserveAspectRatio slice), which would be left out"
    if tag == SVG_NS + "symbol" and el.get("viewBox") is not None:
        return "logo SVG has a <symbol> with a viewBox of its own, which would print at another size and place"
    if tag == SVG_NS + "clipPath" and (el.get("clipPathUnits") or "").strip() == "objectBoundingBox":
        return (
            'logo SVG clips in its shapes\' own units (clipPathUnits="objectBoundingBox"), which would clip them away'
        )
    spelt = [
        m.group() for v in (*(el.get(k) or "" for k in _PAINTS), el.get("style") or "") for m in _CURRENT.finditer(v)
    ]
    sheet = _UNCOMMENTED.sub(" ", el.text or "") if tag == SVG_NS + "style" else ""
    important = _IMPORTANT.search(f"{el.get('style') or ''};{sheet}")
    if important:
        said = " ".join(important.group().split())[:40]
        return f"logo SVG's style gives '{said}': !important is not read, and the shape would print otherwise"
    chosen = next((" ".join(r.split()) for r in re.findall(r"([^{}]*)\{", sheet) if ":" in r or "@" in r), None)
    if chosen is not None:  # (svglib reads a sheet's plain selectors: a pseudo-class, :first-child, or a rule in
        # @media, was left out, and what it styles printed otherwise)
        return f"logo SVG's style sheet has a rule that would be left out ('{chosen[:40]}': a pseudo-class or @ rule)"
    wrong = next((w for w in spelt if w != "currentColor"), None)
    if wrong is not None:
        return f"logo SVG writes the colour currentColor as '{wrong}', which would print nothing"
    for key in ("fill-opacity", "stroke-opacity"):
        value = given[key]
        if value and (value.endswith("%") or value.startswith("-")):
            return f'logo SVG gives {key}="{value[:20]}", which would print solid (write a number from 0 to 1)'
    if tag in (SVG_NS + "polygon", SVG_NS + "polyline") and len(re.findall(_NUMBER, el.get("points") or "")) % 2:
        return f"logo SVG has a <{tag[len(SVG_NS) :]}> with a coordinate over (an odd number), which would be left out"
    if "transform" in declared or "transform-origin" in declared or el.get("transform-origin") is not None:
        return "logo SVG transforms a shape in CSS (transform: or transform-origin), which would be left out"
    if tag in _SHAPES:
        for key in _SIZED:
            value = (el.get(key) or "").strip()
            if value.endswith("%") and key == "r":  # (svglib reads x, y, width and height in percent of the
                # viewBox, as a browser does; a circle's radius against another length than a browser's)
                return f'logo SVG sizes a shape in percent ({key}="{value[:20]}"), which would print at another size'
            if key in ("width", "height", "r", "rx", "ry") and value.startswith("-"):
                return f'logo SVG has a shape of negative size ({key}="{value[:20]}"), which a browser does not draw'
    return ""


def _opaque(value: str) -> bool:
    """Whether an SVG opacity value is fully opaque (1, 100 %, or more)."""
    text = value.strip()
    try:
        number = float(text[:-1]) / 100 if text.endswith("%") else float(text)
    except ValueError:
        return False
    return number >= 1


def _numbers_problem(elements: list[etree._Element]) -> tuple[str, str] | None:
    """Path data and point lists within limits.SVG_NUMBERS numbers: one huge path costs seconds in every build."""
    count = 0
    for el in elements:
        for key in ("d", "points"):
            count += len(_DIGITS.findall(el.get(key) or ""))
    if count > limits.SVG_NUMBERS:
        return (
            f"logo SVG's shapes have {count:,} coordinates; at most {limits.SVG_NUMBERS:,} are allowed",
            "simplify the paths in your drawing program (e.g. Object > Path > Simplify)",
        )
    return None


def _href(el: etree._Element) -> str:
    return str(el.get(XLINK_HREF) or el.get("href") or "").strip()


def _size_problem(root: etree._Element) -> tuple[str, str] | None:
    """The <svg>'s width, height and viewBox: finite numbers in known units, neither zero nor absurd."""
    hint = 'give the <svg> a viewBox of four numbers, e.g. viewBox="0 0 400 100", and a width and height in px'
    box = root.get("viewBox")
    if box is not None:
        parts = box.replace(",", " ").split()
        if len(parts) != 4 or not all(re.fullmatch(_NUMBER, p) for p in parts):
            return f'logo SVG has viewBox="{box[:40]}", which is not four numbers', hint
        x, y, w, h = (float(p) for p in parts)
        if not all(math.isfinite(v) and abs(v) <= _SIZES[1] for v in (x, y)):
            return f'logo SVG has viewBox="{box[:40]}", which starts at an absurd position', hint
        if not all(_SIZES[0] <= v <= _SIZES[1] for v in (w, h)):
            return f'logo SVG has viewBox="{box[:40]}": its width and height must be positive and sensible', hint
    sizes = {k: root.get(k) for k in ("width", "height") if root.get(k) is not None}
    for key, text in sizes.items():
        m = _LENGTH.match(text or "")
        if m is None:
            return f'logo SVG has {key}="{text[:40] if text else ""}", which is not a length', hint
        value, unit = float(m.group(1)), m.group(2).lower()
        if unit not in _UNITS:
            return f"logo SVG has {key}=\"{text}\" in unknown units '{m.group(2)}'", "use px, pt, mm, cm or in"
        if unit == "%" and box is None:
            return f'logo SVG has {key}="{text}" in % but no viewBox', hint
        scale = _UNITS[unit]
        low, high = (0.1, 1000.0) if scale is None else (_SIZES[0] / scale, _SIZES[1] / scale)
        if not (math.isfinite(value) and low <= value <= high):
            return f'logo SVG has {key}="{text}": it must be positive and sensible', hint
    if box is None and len(sizes) < 2:
        return "logo SVG has no size", "give the <svg> a viewBox"
    return None


def _use_problem(root: etree._Element, elements: list[etree._Element]) -> tuple[str, str] | None:
    """Every '#id' reference names an element in the file; none copies itself; copies stay within budget."""
    ids: dict[str, etree._Element] = {}
    for el in elements:
        ident = el.get("id")
        if ident is not None:
            ids.setdefault(ident, el)
    targets: dict[etree._Element, etree._Element] = {}
    for el in elements:
        href = _href(el)
        if href.startswith("#"):
            target = ids.get(href[1:])
            if target is None:
                return (
                    f"logo SVG refers to '{href[:60]}', which is not in the file",
                    "every <use> must point at the id of a shape in the same SVG",
                )
            targets[el] = target
    # Count the elements the drawing expands to (each <use> adds a copy of its target), depth first,
    # without recursion; meeting an element that is still being counted means a circular reference.
    size: dict[etree._Element, int] = {}
    open_: set[etree._Element] = set()
    stack: list[tuple[etree._Element, Iterator[etree._Element]]] = []

    def enter(el: etree._Element) -> None:
        follow = [c for c in el if isinstance(c.tag, str)]
        if el in targets:
            follow.append(targets[el])
        open_.add(el)
        stack.append((el, iter(follow)))

    enter(root)
    while stack:
        el, todo = stack[-1]
        nxt = next(todo, None)
        if nxt is None:
            stack.pop()
            open_.discard(el)
            copied = size[targets[el]] if el in targets else 0
            size[el] = 1 + sum(size[c] for c in el if isinstance(c.tag, str)) + copied
            if size[el] > limits.SVG_ELEMENTS:
                return (
                    f"logo SVG expands to over {limits.SVG_ELEMENTS:,} elements once its <use> copies are drawn",
                    "a logo needs a few dozen shapes: simplify it",
                )
        elif nxt in open_:
            tag = etree.QName(el).localname
            return (
                f'logo SVG has a circular <{tag} href="{_href(el)[:40]}">: it ends up copying itself',
                "point each <use> at a shape, never at a group that contains the <use>",
            )
        elif nxt not in size:
            enter(nxt)
    return None


_PAINTS = ("fill", "stroke", "stop-color", "color", "flood-color")  # the properties that name a colour
_DECLARATION = re.compile(r"(?<![-\w])(fill|stroke|stop-color|color|flood-color)\s*:\s*([^;}!]*)", re.IGNORECASE)
_ICC = re.compile(r"\s+icc-color\([^)]*\)", re.IGNORECASE)  # SVG 1.1: "#2E5E4E icc-color(...)", sRGB first
_NOT_COLOURS = (
    *("", "none", "inherit", "currentcolor", "transparent", "initial", "unset"),
    *("context-fill", "context-stroke"),
)


def _colour_problem(elements: list[etree._Element]) -> tuple[str, str] | None:
    """A colour the logo paints with that svglib cannot read: it drops such a fill or stroke (the shape vanishes
    from the cover) or reads it as black. A colour with an ICC colour after its sRGB one (SVG 1.1, as colour-managed
    drawing programs write it) is given its sRGB colour, in the tree svglib draws."""
    from svglib.svglib import Svg2RlgAttributeConverter

    convert = Svg2RlgAttributeConverter().convertColor
    for el in elements:
        for name in _PAINTS:
            value = el.get(name)
            if value is not None and _ICC.search(value):
                value = _ICC.sub("", value)
                el.set(name, value)
            if value is not None and not _readable(convert, value):
                return _unreadable(value)
        style = el.get("style")
        if style and _ICC.search(style):
            style = _ICC.sub("", style)
            el.set("style", style)
        texts = [style or ""]
        if etree.QName(el).localname == "style":
            texts.append(el.text or "")
        for text in texts:
            for m in _DECLARATION.finditer(text):
                value = _ICC.sub("", m.group(2).strip())
                if not _readable(convert, value):
                    return _unreadable(value)
    return None


def _readable(convert: Callable[[str], object], value: str) -> bool:
    v = value.strip()
    if v.lower() in _NOT_COLOURS or v.lower().startswith("url("):
        return True
    try:
        return convert(v) is not None
    except _SVG_FAILURES:
        return False


def _unreadable(value: str) -> tuple[str, str]:
    return (
        f"logo SVG paints with a colour brochure cannot read: '{value.strip()[:60]}' (the shape would not print)",
        "write it as #rrggbb, rgb(r, g, b) with values 0-255 or 0-100%, hsl(...) or a colour name; export the logo "
        "again as plain SVG with sRGB colours",
    )


def _drawing_problem(drawing: Drawing | None) -> tuple[str, str]:
    """Finite numbers everywhere, something drawn, and bounds near the logo's own box."""
    if drawing is None:
        return "logo SVG cannot be drawn", _HINT
    w, h = float(drawing.width), float(drawing.height)
    if not all(math.isfinite(v) and v > 0 for v in (w, h)):
        return "logo SVG has no size", "give the <svg> a viewBox"
    if max(w / h, h / w) > THINNEST:
        return (
            f"logo SVG is {w:.4g} x {h:.4g} points, too long and thin to print",
            "check its width, height and viewBox",
        )
    if _has_text(drawing):
        return "logo contains text", "convert the text to outlines"
    if not all(math.isfinite(v) for v in _numbers(drawing)):
        return "logo SVG has a number that is not finite (nan or infinity) in a shape", _HINT
    try:
        bounds = drawing.getBounds()
    except _SVG_FAILURES as exc:
        return f"logo SVG cannot be drawn: {_short(exc)}", _HINT
    if bounds is None:
        return "logo SVG draws nothing", "check the file has visible shapes (not only <defs> or hidden layers)"
    x0, y0, x1, y1 = bounds
    if all(math.isfinite(v) for v in bounds) and not (x1 - x0 > w * 1e-3 and y1 - y0 > h * 1e-3):
        return (
            f"logo SVG draws nothing that can be seen: its shapes are {x1 - x0:.3g} x {y1 - y0:.3g} points "
            f"in a {w:.4g} x {h:.4g} box",
            "check the shapes' transforms (a scale of 0 draws nothing) and that the file has visible shapes",
        )
    painted = _painted_bounds(drawing, (1, 0, 0, 1, 0, 0))
    if painted is None:
        return (
            "logo SVG paints nothing: its shapes have no fill and no stroke, or a clip path hides them all",
            'give the shapes a fill colour (not fill="none") and check what clips them, or use a PNG',
        )
    if not all(math.isfinite(v) for v in bounds) or _far_outside(bounds, w, h):
        return (
            "logo SVG draws far outside its own box (its viewBox); it would print over the text beside it",
            "fit the viewBox to the artwork in your drawing program (e.g. 'fit artboard to artwork')",
        )
    drawn = _drawn_bounds(drawing, (1, 0, 0, 1, 0, 0)) or bounds  # (as the logo's box grows to hold its strokes,
    # clip paths not counted: _trim_drawing; a stroke inside an exporter's <g clip-path> was let through)
    px0, py0, px1, py1 = drawn
    if not all(math.isfinite(v) for v in drawn) or px1 - px0 > STROKED * w or py1 - py0 > STROKED * h:
        return (
            "logo SVG has a stroke far wider than the drawing: the logo would be printed as a speck, or not at all",
            "check the shapes' stroke-width in your drawing program",
        )
    return "", ""


STROKED = 10.0  # at most how many times its own box's width and height a logo's strokes may reach (its box grows to
# hold them: at ten times, the drawing prints at a tenth of its place)


def _far_outside(box: Bounds, w: float, h: float) -> bool:
    """Whether what is drawn reaches more than half the logo's width or height outside its own box."""
    x0, y0, x1, y1 = box
    return x0 < -w / 2 or y0 < -h / 2 or x1 > 1.5 * w or y1 > 1.5 * h


def _numbers(node: Shape) -> Iterator[float]:
    """Every number a shape (and its children) will write into the PDF: positions, sizes, transforms."""
    for value in vars(node).values():
        if isinstance(value, float | int) and not isinstance(value, bool):
            yield float(value)
        elif isinstance(value, list | tuple):
            for v in value:
                if isinstance(v, float | int) and not isinstance(v, bool):
                    yield float(v)
                elif isinstance(v, list | tuple):
                    yield from (float(x) for x in v if isinstance(x, float | int) and not isinstance(x, bool))
                elif isinstance(v, Shape):
                    yield from _numbers(v)


def _has_text(node: Group | Drawing) -> bool:
    for child in node.getContents():
        if isinstance(child, String):
            return True
        if isinstance(child, Group) and _has_text(child):
            return True
    return False


def _short(exc: BaseException) -> str:
    """svglib's complaint, when it says something, in one short line."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    if len(text.strip("'\" ")) < 3:
        return f"svglib fails on it ({type(exc).__name__})"
    return text[:120]
