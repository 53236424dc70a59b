"""An SVG logo file -> a checked vector Drawing, trimmed to what it draws, or a Diagnostic (inputs/logo.py's SVG half).

An SVG is held to budgets (bytes, elements counting every <use> copy) before svglib sees it; what of its elements
would print otherwise than a browser draws them is refused at its tag (inputs/svgmarkup.py); what svglib raises on
odd input is reported as the logo's problem; the drawing must have finite, sensible bounds.
Imported only when a logo is an SVG: lxml, svglib and ReportLab's shapes are not loaded to read a kit otherwise.
"""

from __future__ import annotations

import copy
import logging
import math
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lxml import etree
from reportlab.graphics.shapes import Drawing, Group, Shape, String, mmult
from reportlab.graphics.shapes import Path as Outline

from brochure import limits
from brochure.diagnostics import Diagnostic, Location, error
from brochure.frozen import frozen
from brochure.inputs.files import read_bytes
from brochure.inputs.logo import SVG_HINT as _HINT
from brochure.inputs.logo import THINNEST, TRIM, trim_box
from brochure.inputs.svgmarkup import (
    SVG_FAILURES,
    SVG_NS,
    colour_problem,
    content_problem,
    line_and_column,
    numbers_problem,
    size_problem,
    tag_at,
    use_problem,
)
from brochure.patterns import Later

if TYPE_CHECKING:
    from svglib.svglib import SvgRenderer


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
    crowded = next((el for el in elements if len(el.attrib) > limits.SVG_ATTRIBUTES), None)
    if crowded is not None:
        many = f"an element with {len(crowded.attrib):,} attributes; at most {limits.SVG_ATTRIBUTES} are allowed"
        hint = "a shape needs a dozen: export the logo again as plain SVG"
        return None, _at_tag((f"logo SVG has {many}", hint, crowded), data, elements, path, at)
    content = content_problem(elements)
    if content is not None:  # (said at the element, in the SVG file: a drawing program's export has hundreds)
        return None, _at_tag(content, data, elements, path, at)
    problem, hint = numbers_problem(elements) or size_problem(root) or use_problem(root, elements) or ("", "")
    if problem:
        return None, error(at, problem, hint)
    logging.getLogger("svglib").setLevel(logging.CRITICAL)  # its complaints are ours to word
    colour = colour_problem(elements)
    if colour is not None:
        return None, _at_tag(colour, data, elements, path, at)
    try:
        drawing = _renderer()(str(path)).render(root)
    except Stretched as exc:
        return None, _stretched_stroke(exc.element, data, elements, path, at)
    except SVG_FAILURES as exc:
        return None, error(at, f"logo SVG cannot be drawn: {_short(exc)}", _HINT)
    problem, hint = _drawing_problem(drawing)
    if problem:
        return None, error(at, problem, hint)
    return _trim_drawing(drawing), None


def _at_tag(
    found: tuple[str, str, etree._Element], data: bytes, elements: list[etree._Element], path: Path, at: Location
) -> Diagnostic:
    """What an element of the logo has that cannot print, said where its tag starts in the SVG file (with where the
    kit names the logo)."""
    problem, hint, el = found
    return error(Location(_shown(path, at), *tag_at(data, el, elements)), f"{problem} (named at {at.prefix()})", hint)


def _stretched_stroke(
    el: etree._Element, data: bytes, elements: list[etree._Element], path: Path, at: Location
) -> Diagnostic:
    """A non-scaling stroke on a shape stretched one way (a skew, or a scale unequal across and up), said at the
    element's `vector-effect`; for a copy a <use> made, at that <use> (the copy stretched: the shape itself may be
    drawn unstretched elsewhere), naming the shape it copies and where it is written."""
    hint = (
        "expand the stroke to a filled shape in your drawing program (Path > Stroke to Path, or Object > Expand), "
        "or remove the skew or unequal scale from its transform"
    )
    if el in elements:
        line, column = _attribute_at(data, tag_at(data, el, elements), "vector-effect")
        problem = 'logo SVG gives a stretched shape vector-effect="non-scaling-stroke"'
    else:
        use, shape = _copied(el, elements)
        line, column = tag_at(data, use, elements)
        problem = f"logo SVG's <use> stretches a copy of {_named(shape, data, elements)}, a shape with "
        problem += 'vector-effect="non-scaling-stroke"'
        hint = hint.replace("from its transform", "from this <use>'s transform (or its groups')")
    problem += ": a browser strokes it as wide every way, which print cannot"  # (one sentence either way)
    return error(Location(_shown(path, at), line, column), f"{problem} (named at {at.prefix()})", hint)


def _copied(el: etree._Element, elements: list[etree._Element]) -> tuple[etree._Element, etree._Element]:
    """Of an element svglib copied to draw a <use> (the copy hangs under it, not in the file's `elements`): the <use>
    written in the file that holds the copy, and the element of the file copied (of the same tag, written on the
    same line with the same attributes); the copy itself where none is (never: each copy is of one)."""
    written = set(elements)
    use = el
    while use not in written and use.getparent() is not None:
        use = use.getparent()
    own = _written(el)
    shape = next((e for e in elements if e.tag == el.tag and e.sourceline == el.sourceline and _written(e) == own), el)
    return use, shape


def _written(el: etree._Element) -> dict[str, str]:
    """An element's attributes as the file writes them (without svglib's mark on what a <use> copies)."""
    return {str(k): str(v) for k, v in el.attrib.items() if k != "__use_origin"}


def _named(el: etree._Element, data: bytes, elements: list[etree._Element]) -> str:
    """An element as a message names it: its tag and id, and the line its tag starts on ('<circle id="dot"> (line
    4)')."""
    name = etree.QName(el).localname
    said = f'<{name} id="{str(el.get("id"))[:40]}">' if el.get("id") else f"<{name}>"
    if el not in elements:
        return said  # pragma: no cover - (`_copied` finds every copy's element)
    return f"{said} (line {tag_at(data, el, elements)[0]})"


def _attribute_at(data: bytes, tag: tuple[int, int], name: str) -> tuple[int, int]:
    """Where an attribute (or a style's property) of that name is written in the tag starting at `tag` (line,
    column); the tag's own start where it is not written there (given by a style sheet)."""
    lines = data.decode("utf-8-sig", "replace").split("\n")
    start = sum(len(t) + 1 for t in lines[: tag[0] - 1]) + tag[1] - 1
    text = "\n".join(lines)
    end = text.find(">", start)
    named = re.compile(rf"(?<![\w:.-]){re.escape(name)}\s*[=:]")  # (the attribute or a style's property, not
    found = m.start() if (m := named.search(text, start, end if end >= 0 else len(text))) else -1  # words in a value)
    if found < 0:
        return tag
    return line_and_column(text, found)


# a reference in quotes or spaces: each quote its own branch, so that no run of spaces can be shared out between two
# `\s*` (an optional quote between them tried every split of 100,000 spaces: 74 s for a 100 KB logo)
_ID = r"""(#[^'")\s]*)"""
_QUOTED_URL = Later(rf"""url\(\s*(?:"\s*{_ID}\s*"|'\s*{_ID}\s*'|{_ID})\s*\)""")


def _unquoted(m: re.Match[str]) -> str:
    """url(#c) for a reference `_QUOTED_URL` found, whichever way it was written."""
    return f"url({m[1] or m[2] or m[3]})"


@cache
def _renderer() -> type[SvgRenderer]:
    """svglib's renderer, reading `currentColor` as SVG does: the colour of the element painted (its own `color`,
    else its parent's ...). svglib read it from the parent first, so a shape with its own `color` printed in its
    group's, or black; and painting as a browser paints what svglib does not read (`_as_browser`: `paint-order`,
    `vector-effect`). (svglib and what it imports only for an SVG logo; a renderer is made for each logo.)"""
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
        def __init__(self, path: str, attributes: Attributes) -> None:
            super().__init__(path, attributes)
            self.painting: dict[int, Painting] = {}  # (by the id of the shape drawn, held by it)

        def applyStyleOnShape(self, shape: Any, node: Any, only_explicit: bool = False) -> None:
            attributes = self.attrConverter
            assert isinstance(attributes, Attributes)
            was, attributes.painted = attributes.painted, node
            try:
                super().applyStyleOnShape(shape, node, only_explicit)
            finally:
                attributes.painted = was
            if shape.__class__ is Group or only_explicit or getattr(shape, "isClipPath", False):
                return  # (a group's shapes are each styled; a <use>'s copy is its child, and reads its paint-order)
            order = attributes.findAttr(node, "paint-order").split()  # (inherited; read after the style sheets)
            fill = order.index("fill") if "fill" in order else len(order)
            first = "stroke" in order and order.index("stroke") < fill
            unscaled = str(node.attrib.get("vector-effect", "")).strip() == "non-scaling-stroke"  # (not inherited)
            if first or unscaled:
                self.painting[id(shape)] = Painting(shape, first, unscaled, node.etree_element)

        def convertPath(self, node: Any) -> Any:
            drawn = super().convertPath(node)  # (an open path filled: a Group of a filled, closed copy and itself)
            if isinstance(drawn, Group) and drawn.contents and id(drawn.contents[-1]) in self.painting:
                how = self.painting[id(drawn.contents[-1])]
                for shape in drawn.contents[:-1]:
                    self.painting[id(shape)] = Painting(shape, how.stroke_first, how.unscaled, how.element)
            return drawn

    class Renderer(SvgRenderer):
        def __init__(self, path: str) -> None:
            super().__init__(path)
            self.attrConverter = Attributes()
            self.attrConverter.css_rules = CSSMatcher()
            self.shapes = Shapes(path, self.attrConverter)
            self.shape_converter = self.shapes
            self.handled_shapes = self.shape_converter.get_handled_shapes()

        def render(self, svg_node: Any) -> Drawing:
            # (every style sheet read before anything is drawn, in the file's order, as a browser reads them: svglib
            # read one where it stands, so the shapes before a <style> at the file's end printed black)
            rules = self.attrConverter.css_rules
            assert rules is not None  # (made in __init__)
            for sheet in svg_node.iter(SVG_NS + "style"):
                rules.add_styles(sheet.text or "")
            drawing = super().render(svg_node)
            painting = self.shapes.painting
            unscalable = _as_browser(drawing, (1, 0, 0, 1, 0, 0), painting) if painting else None
            if unscalable is not None:
                raise Stretched(unscalable)
            return drawing

        def renderStyle(self, node: Any) -> None:
            pass  # (read already: render)

        def get_clippath(self, node: Any) -> Any:
            # (a clip-path given in CSS, a style sheet's class or a style attribute, as Illustrator writes a clipping
            # mask: svglib read the attribute alone, and the artwork printed unclipped; its rules applied first)
            self.attrConverter.findAttr(node, "clip-path")
            said = str(node.attrib.get("clip-path", ""))
            if said:  # (url("#c") and url( #c ), as CSS allows and a browser reads: svglib read url(#c) alone)
                node.attrib["clip-path"] = _QUOTED_URL.sub(_unquoted, said)
            return super().get_clippath(node)

    return Renderer


class Stretched(Exception):
    """A non-scaling stroke on a shape stretched one way (`_as_browser`): the element saying so."""

    def __init__(self, element: etree._Element) -> None:
        super().__init__("non-scaling stroke on a stretched shape")
        self.element = element


@frozen
class Painting:
    """How a browser paints a shape otherwise than svglib draws it: its stroke under its fill (`paint-order:
    stroke`), its stroke as wide whatever scales it (`vector-effect: non-scaling-stroke`); the element drawn."""

    shape: Shape
    stroke_first: bool
    unscaled: bool
    element: etree._Element


def _as_browser(group: Group, m: tuple[float, ...], painting: dict[int, Painting]) -> etree._Element | None:
    """The drawing's shapes painted as a browser paints them (`Painting`), in place: a non-scaling stroke as wide in
    the SVG's own pixels (its width and height, as the whole logo scales) as it says, whatever transforms its shape,
    and an element whose stroke is painted first as its strokes then its fills (svglib draws an open path filled
    and stroked as two shapes). The element whose non-scaling stroke is stretched (a skew, or a scale unequal
    across and up: a browser's stroke is then as wide every way, which a PDF's cannot be) is given back; None when
    all is drawn."""
    t = mmult(m, tuple(getattr(group, "transform", (1, 0, 0, 1, 0, 0))))
    contents: list[Shape] = []
    held: list[Shape] = []  # (an element's fills, painted after its strokes)
    drawn: etree._Element | None = None  # (the element they are of)
    for child in group.contents:
        how = painting.get(id(child))
        how = how if how is not None and how.shape is child else None
        if how is None or how.element is not drawn:
            contents += held
            held, drawn = [], None
        if isinstance(child, Group):
            unscalable = _as_browser(child, t, painting)
            if unscalable is not None:
                return unscalable
        if how is None:
            contents.append(child)
            continue
        if how.unscaled and not _unscaled(child, t):
            return how.element
        if not how.stroke_first:
            contents.append(child)
            continue
        said = child.getProperties()  # (as ReportLab's renderers ask: svglib's NoStrokePath has no stroke; a line
        # has no fill at all)
        if said.get("fillColor") is not None and said.get("strokeColor") is not None:
            stroke, fill = copy.copy(child), copy.copy(child)
            stroke.fillColor = None
            fill.strokeColor = None
            contents.append(stroke)
            held.append(fill)
        elif said.get("fillColor") is not None:
            held.append(child)
        else:
            contents.append(child)
        drawn = how.element
    group.contents = contents + held
    return None


def _unscaled(shape: Shape, m: tuple[float, ...]) -> bool:
    """The shape's stroke (and its dashes) made as wide in the drawing as it says in the SVG's pixels, whatever the
    transforms (m) it is drawn through; False, nothing changed, where m stretches it (unequal ways)."""
    a, b, c, d = m[:4]
    scale = abs(a * d - b * c) ** 0.5
    close = {"rel_tol": 1e-6, "abs_tol": 1e-9 * scale}
    turned = math.isclose(a, d, **close) and math.isclose(b, -c, **close)  # (a turn and a scale)
    mirrored = math.isclose(a, -d, **close) and math.isclose(b, c, **close)
    if not (turned or mirrored):
        return False
    if scale > 0:
        from svglib.svglib import PX_TO_PT  # (the drawing is in points; a CSS pixel is three quarters of one)

        k = PX_TO_PT / scale
        shape.strokeWidth = float(getattr(shape, "strokeWidth", 0) or 0) * k
        dashes = getattr(shape, "strokeDashArray", None)
        if isinstance(dashes, list | tuple) and all(isinstance(v, float | int) for v in dashes):
            shape.strokeDashArray = [float(v) * k for v in dashes]
    return True


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
    """The drawing cut down to what it draws within its box (strokes included), where its padding is over the
    hairline margin, and clipped at its box (its viewBox: the artboard) where something is drawn past it, as a
    browser shows an SVG and a drawing program places one: a new Drawing of the trimmed size holding the same
    shapes, moved; the drawing itself when nothing is cut."""
    w, h = float(drawing.width), float(drawing.height)
    bounds = drawing.getBounds()
    if tuple(drawing.transform) != (1, 0, 0, 1, 0, 0) or bounds is None:
        return drawing
    drawn = _drawn_bounds(drawing, (1, 0, 0, 1, 0, 0)) or bounds
    margin = min(w, h) * TRIM
    x0, y0, x1, y1 = drawn
    spills = x0 < 0 or y0 < 0 or x1 > w or y1 > h  # (a shape or stroke past the artboard's edge, which a browser
    # does not show: printed, it grew the logo's box and printed what the designer left off the artboard)
    if not (spills or x0 > margin or y0 > margin or w - x1 > margin or h - y1 > margin):
        return drawing
    left, bottom, right, top = trim_box((0.0, 0.0, w, h), drawn, margin)
    trimmed = Drawing(right - left, top - bottom)
    contents = [_artboard(w, h), *drawing.contents] if spills else drawing.contents
    trimmed.add(Group(*contents, transform=(1, 0, 0, 1, -left, -bottom)))
    return trimmed


def _artboard(w: float, h: float) -> Outline:
    """A clip path of the drawing's own box (0, 0, w, h): what follows it in its group prints inside it only."""
    box = Outline(isClipPath=1, fillColor=None, strokeColor=None, strokeWidth=0)
    box.moveTo(0, 0)
    box.lineTo(w, 0)
    box.lineTo(w, h)
    box.lineTo(0, h)
    box.closePath()
    return box


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
    except SVG_FAILURES as exc:
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
            "logo SVG draws far outside its own box (its viewBox: more than half its size past it), which would be"
            " cut off at the box as a browser shows it: its artboard does not fit its artwork",
            "fit the viewBox to the artwork in your drawing program (e.g. 'fit artboard to artwork')",
        )
    drawn = _drawn_bounds(drawing, (1, 0, 0, 1, 0, 0)) or bounds  # (what its strokes reach, clip paths not
    # counted: a stroke inside an exporter's <g clip-path> was let through)
    px0, py0, px1, py1 = drawn
    if not all(math.isfinite(v) for v in drawn) or px1 - px0 > STROKED * w or py1 - py0 > STROKED * h:
        return (
            "logo SVG has a stroke far wider than the drawing: cut off at its box, it would cover the whole logo",
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
