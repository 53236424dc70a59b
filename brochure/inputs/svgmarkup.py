"""An SVG file's parsed elements -> what of them would print otherwise than a browser draws them, or could not be
read (text, paint by reference, effects, markers, unread styles, colours, sizes, `<use>` references), and where an
element's tag is in the file (inputs/svg.py's checks before svglib draws it)."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator

from lxml import etree

from brochure import limits
from brochure.patterns import Later

SVG_NS = "{http://www.w3.org/2000/svg}"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
_NUMBER = r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?"
_DIGITS = re.compile(r"\d+(?:\.\d*)?|\.\d+")  # each number in path data (an exponent counts twice)
_LENGTH = re.compile(rf"^\s*({_NUMBER})\s*([a-zA-Z%]*)\s*$")
_UNITS = {"": 1.0, "px": 1.0, "pt": 96 / 72, "pc": 16.0, "mm": 96 / 25.4, "cm": 96 / 2.54, "in": 96.0, "%": None}
_SIZES = (0.01, 1e5)  # a logo's width, height and viewBox sides, in CSS pixels (a few hundred is usual)
SVG_FAILURES = (ValueError, TypeError, KeyError, IndexError, AttributeError, ArithmeticError, RecursionError)


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


def content_problem(elements: list[etree._Element]) -> tuple[str, str, etree._Element] | None:
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
        if el.tag == SVG_NS + "a":  # (a link around shapes, as Canva exports one: they draw; paper has no links)
            return None
        if el.tag == SVG_NS + "image":  # (an embedded one is refused too: "embed it" led nowhere)
            return (
                f"logo SVG links a picture, '{href[:60]}', which is not supported",
                "use the picture itself as the logo (a PNG), or a logo drawn in shapes only",
            )
        return (
            f"logo refers to an outside file or address '{href[:60]}'",
            "embed everything in the SVG; no linked images or fonts",
        )
    return None


def tag_at(data: bytes, el: etree._Element, elements: list[etree._Element]) -> tuple[int, int]:
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
        return ends, 1
    return line_and_column(text, starts[-1 - after])


def line_and_column(text: str, index: int) -> tuple[int, int]:
    """The 1-based line and column of text[index], lines parted by '\\n' (an SVG file's, decoded)."""
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1


_UNMARKED = Later(r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>", re.DOTALL)  # (blanked but for their line breaks)


def _painting_problem(el: etree._Element, root: bool) -> str:
    """What of this element would print otherwise than drawn: a gradient or pattern paint, a mask, a filter, an
    <svg> inside the <svg> (placed at another size)."""
    if el.tag == SVG_NS + "svg" and not root:
        return "logo SVG has an <svg> inside it, which would print at another size and place"
    sheets = [_UNCOMMENTED.sub(" ", el.text or "")] if el.tag == SVG_NS + "style" else []  # (a rule commented out
    # is none)
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
    blend = _BLEND.search(declared)  # (in CSS only: no attribute of SVG's, a browser does not read one)
    if blend and blend.group(1).strip().lower() not in ("normal", "inherit", "initial", "unset"):
        return f"logo SVG blends a shape into what is under it (mix-blend-mode: {blend.group(1)[:20]}), {_UNBLENDED}"
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
_AT_RULE = re.compile(r"@[-\w]+[^{;]*")  # an @ rule's name and what it asks (up to its block)
_DARK = Later(r"^@media\s*\(\s*prefers-color-scheme\s*:\s*dark\s*\)\s*$", re.IGNORECASE)
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
    at_rule = next((m for m in _AT_RULE.finditer(sheet) if not _DARK.search(m.group())), None)
    if at_rule is not None:  # (svglib reads no @ rule; a browser applies @media all, print, screen ...: not a
        # dark-mode one, which paper, and a page in light mode, leave out as svglib does)
        said = " ".join(at_rule.group().split())[:40]
        return f"logo SVG's style sheet has an @ rule ('{said}'), which would be left out"
    important = _IMPORTANT.search(sheet)  # (in a style sheet it outweighs a shape's own style in a browser; svglib
    if (
        important
    ):  # reads it as any other rule, and the shape's own style won. In a shape's own style it changes nothing)
        said = " ".join(important.group().split())[:40]
        return f"logo SVG's style sheet gives '{said}': !important is not read, and the shape would print otherwise"
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


def numbers_problem(elements: list[etree._Element]) -> tuple[str, str] | None:
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


_SMALLER_HINT = (
    "export the logo again at a smaller scale in your drawing program (Inkscape: Document Properties > Scale;"
    " Illustrator: Export As SVG, Responsive off), so that its drawing and its viewBox shrink together: the viewBox's"
    " numbers changed alone leave the drawing outside it"
)


def size_problem(root: etree._Element) -> tuple[str, str] | None:
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
            if min(w, h) < _SIZES[0]:
                return f'logo SVG has viewBox="{box[:40]}": its width and height must be positive and sensible', hint
            return (
                f'logo SVG has viewBox="{box[:40]}": its width and height must each be at most {_SIZES[1]:,.0f}'
                " (a few hundred is usual)",
                _SMALLER_HINT,
            )
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


def use_problem(root: etree._Element, elements: list[etree._Element]) -> tuple[str, str] | None:
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


def colour_problem(elements: list[etree._Element]) -> tuple[str, str, etree._Element] | None:
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
                return (*_unreadable(value), el)
        style = el.get("style")
        if style and _ICC.search(style):
            style = _ICC.sub("", style)
            el.set("style", style)
        texts = [style or ""]
        if etree.QName(el).localname == "style":
            texts.append(_UNCOMMENTED.sub(" ", el.text or ""))  # (a rule commented out is none)
        for text in texts:
            for m in _DECLARATION.finditer(text):
                value = _ICC.sub("", m.group(2).strip())
                if not _readable(convert, value):
                    return (*_unreadable(value), el)
    return None


def _readable(convert: Callable[[str], object], value: str) -> bool:
    v = value.strip()
    if v.lower() in _NOT_COLOURS or v.lower().startswith("url("):
        return True
    try:
        return convert(v) is not None
    except SVG_FAILURES:
        return False


def _unreadable(value: str) -> tuple[str, str]:
    return (
        f"logo SVG paints with a colour brochure cannot read: '{value.strip()[:60]}' (the shape would not print)",
        "write it as #rrggbb, rgb(r, g, b) with values 0-255 or 0-100%, hsl(...) or a colour name; export the logo "
        "again as plain SVG with sRGB colours",
    )
