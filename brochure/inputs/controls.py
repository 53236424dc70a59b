"""brand.yaml's `logo:` (its file and printed height) and `type:` (the body size) -> checked values, or Diagnostics.

logo: logo.svg                                  # the file alone: the layouts' own logo heights
logo: {file: logo.svg, height: 20}              # printed 20 mm tall in every layout
logo: {file: logo.svg, height: {trifold: 18, large-print: 30}}   # per layout (others: their own)
type: {body_size: 10}                           # the body's starting size in points, 9 to 11
type: {body_size: auto}                         # the size at which the family's x-height matches the design's
"""

from __future__ import annotations

import re

from brochure.frozen import frozen
from brochure.inputs.reader import Reader
from brochure.inputs.yamltree import Node
from brochure.patterns import Later
from brochure.vocabulary import LAYOUTS, LayoutName, is_layout

LOGO_MM = (8.0, 40.0)  # the printed heights a kit may ask for: smaller is unreadable, larger crowds the cover
BODY_PT = (9.0, 11.0)  # a patient handout's body sizes (9 pt is the floor; over 11 pt is large print's business)
AUTO = "auto"
_MM = Later(r"\s*(\d+(?:\.\d*)?)\s*mm\s*", re.IGNORECASE)
_PT = re.compile(r"\s*(\d+(?:\.\d*)?)\s*pt\s*", re.IGNORECASE)


@frozen
class LogoHeights:
    """The logo's printed height in millimetres for the layouts the kit names (the others keep their own)."""

    heights: tuple[tuple[LayoutName, float], ...] = ()

    def get(self, layout: LayoutName) -> float | None:
        return dict(self.heights).get(layout)


@frozen
class TypeSpec:
    """The body's starting size: None for the design size (9.5 pt), a size in points, or `auto` (by x-height)."""

    body_size: float | None = None
    auto: bool = False


OWN_HEIGHTS = LogoHeights()  # no height set: each layout's own
DESIGN_TYPE = TypeSpec()  # no body size set: the design size


def read_logo(r: Reader, node: Node | None) -> tuple[Node | None, str, LogoHeights | None]:
    """`logo:` as a file name or a mapping {file, height}: (the file's node, its key path, the heights);
    the heights are None when they are wrong (reported)."""
    if node is None or not isinstance(node.value, dict):
        return node, "logo", OWN_HEIGHTS
    m = r.mapping(node, "logo", ("file",), ("height",))
    if m is None:
        return None, "logo.file", None
    return m.get("file"), "logo.file", _read_heights(r, m.get("height"))


def _read_heights(r: Reader, node: Node | None) -> LogoHeights | None:
    if node is None:
        return OWN_HEIGHTS
    if not isinstance(node.value, dict):
        mm = _millimetres(r, node, "logo.height")
        return None if mm is None else LogoHeights(tuple((layout, mm) for layout in LAYOUTS))
    m = r.mapping(node, "logo.height", (), LAYOUTS)
    if m is None:
        return None
    out: list[tuple[LayoutName, float]] = []
    for layout, child in m.items():
        mm = _millimetres(r, child, f"logo.height.{layout}") if is_layout(layout) else None
        if mm is None or not is_layout(layout):
            return None
        out.append((layout, mm))
    return LogoHeights(tuple(out))


def _millimetres(r: Reader, node: Node, path: str) -> float | None:
    lo, hi = LOGO_MM
    value = node.value
    written = _MM.fullmatch(value) if isinstance(value, str) else None
    if written:  # "20 mm": the unit is understood
        value = float(written.group(1))
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        r.fail(
            r.key_at(node, path),
            f"expected a height in millimetres, found {node.kind}",
            f"write a number from {lo:g} to {hi:g} (millimetres), e.g. 'height: 20'",
        )
        return None
    if not lo <= value <= hi:
        r.fail(
            r.at(node, path),
            f"a logo {value:.15g} mm tall is out of range",  # (as written: 40.0000001 is not 40)
            f"write a height from {lo:g} to {hi:g} mm: under {lo:g} mm a logo's lettering is too small to read; "
            f"over {hi:g} mm it crowds the cover",
        )
        return None
    return float(value)


def read_type(r: Reader, node: Node | None) -> TypeSpec | None:
    """`type: {body_size: 10}` or `{body_size: auto}` (optional)."""
    if node is None:
        return DESIGN_TYPE
    m = r.mapping(node, "type", (), ("body_size",))
    if m is None:
        return None
    size = m.get("body_size")
    if size is None:
        return DESIGN_TYPE
    if isinstance(size.value, str) and size.value.strip() == AUTO:
        return TypeSpec(auto=True)
    lo, hi = BODY_PT
    written = _PT.fullmatch(size.value) if isinstance(size.value, str) else None
    value = float(written.group(1)) if written else size.value  # "10 pt": the unit is understood
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        r.fail(
            r.key_at(size, "type.body_size"),
            f"expected a size in points or 'auto', found {size.kind}",
            f"write a size from {lo:g} to {hi:g} (points), or 'auto' to match the design's x-height",
        )
        return None
    if not lo <= value <= hi:
        r.fail(
            r.at(size, "type.body_size"),
            f"a body size of {value:g} pt is out of range",
            f"write a size from {lo:g} to {hi:g} pt (patient leaflets are read at 9.5 to 10.5 pt; the large-print "
            "edition has its own), or 'auto'",
        )
        return None
    return TypeSpec(body_size=float(value))
