"""A Layout and its Theme -> Diagnostics on what a reader sees: type sizes, contrast, picture resolution, QR size."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from reportlab.graphics.shapes import Drawing, Group, String
from reportlab.lib.colors import CMYKColor, Color
from reportlab.platypus import Flowable, Paragraph

from brochure.diagnostics import Diagnostic, Location, error, warning
from brochure.geometry.sheet import MM
from brochure.inputs.brand import Brand
from brochure.inputs.content import Content
from brochure.layout.flowables import OVERRUN, Art, Box, Bullet, Column, SectionHeading, Stack, StepRow, overrun
from brochure.layout.images import Picture
from brochure.layout.model import Layout
from brochure.theme.colors import contrast_ratio, mix, palette_from_hex
from brochure.theme.styles import Theme

MIN_TYPE = 7.0  # pt: nothing smaller
MIN_BODY = 9.0  # pt: body text smaller than this is hard to read for many patients
MIN_PPI, GOOD_PPI = 150.0, 300.0
MIN_QR = 20 * MM
MIN_QR_CONTRAST = 3.0  # dark modules against the light ground: WCAG 2.1's least for graphics (1.4.11)


def _children(f: Flowable) -> Iterator[Flowable]:
    if isinstance(f, SectionHeading | Bullet):
        yield f.para
    elif isinstance(f, Stack):
        yield from (p for p, _ in f.parts)
    elif isinstance(f, Column):
        yield from f.parts
    elif isinstance(f, Box):
        yield f.stack
        if f.icon is not None:
            yield f.icon
    elif isinstance(f, StepRow):
        yield f.stack


def _walk(f: Flowable) -> Iterator[Flowable]:
    yield f
    for child in _children(f):
        yield from _walk(child)


def _strings(node: Drawing | Group, scale: float) -> Iterator[float]:
    for child in node.getContents():
        if isinstance(child, String):
            yield child.fontSize * scale
        elif isinstance(child, Group):
            yield from _strings(child, scale * abs(child.transform[0]) if child.transform else scale)


def check_type_sizes(layout: Layout, theme: Theme, brand: Brand) -> list[Diagnostic]:
    """No type under 7 pt anywhere (text and drawing labels); body type at least 9 pt."""
    sizes: set[float] = set()
    for page in layout.pages:
        for item in page.items:
            for f in _walk(item.flowable):
                if isinstance(f, Paragraph):
                    sizes.add(float(f.style.fontSize))
                elif isinstance(f, Art):
                    d = f.drawing
                    s = min(f.width / d.width, f.height / d.height)
                    sizes.update(round(v, 2) for v in _strings(d, s))
    diags: list[Diagnostic] = []
    where = brand.where("fonts.body")
    if sizes and min(sizes) < MIN_TYPE:
        diags.append(
            error(
                where,
                f"the smallest type is {min(sizes):.1f} pt, under {MIN_TYPE:g} pt",
                "shorten the words so nothing needs to shrink",
            )
        )
    if theme.scale.body < MIN_BODY:
        diags.append(
            warning(
                where,
                f"body type is {theme.scale.body:g} pt, under {MIN_BODY:g} pt",
                "patients read 9.5-10.5 pt body type comfortably",
            )
        )
    return diags


def check_line_widths(layout: Layout, content: Content) -> list[Diagnostic]:
    """No line wider than its column: a word too long to break would run over the panel's edge."""
    sections = {s.id: s.at for s in content.sections}
    diags: list[Diagnostic] = []
    for page in layout.pages:
        for item in page.items:
            for f in _walk(item.flowable):
                if not isinstance(f, Paragraph) or not hasattr(f, "blPara"):
                    continue
                over = overrun(f)
                if over > OVERRUN:
                    where = item.section or item.region
                    diags.append(
                        error(
                            replace(
                                sections.get(item.section, Location(str(content.path), 1, 1)),
                                key=f"{page.side.name}/{item.region}/{where}",
                            ),
                            f"a word is {over / MM:.1f} mm too long for its column in '{where}'",
                            "break the long word or address (e.g. put a web address on its own line, or shorten it)",
                        )
                    )
    return diags


def check_contrast(brand: Brand) -> list[Diagnostic]:
    """Every text colour against every background it is set on (WCAG 2: 4.5:1 text, 3:1 large headings)."""
    c = dict(brand.colors)
    p = palette_from_hex(c["primary"], c["secondary"], c["accent"], c["text"], c["background"])
    card = mix(p.secondary, p.background, 0.16)
    note = mix(p.primary, p.background, 0.08)
    warn = mix(p.accent, p.background, 0.13)
    pairs = [
        ("body text", "colors.text", p.text, "colors.background", p.background, 4.5),
        ("text in cards", "colors.text", p.text, "colors.secondary", card, 4.5),
        ("text in notes", "colors.text", p.text, "colors.primary", note, 4.5),
        ("text in warnings", "colors.text", p.text, "colors.accent", warn, 4.5),
        ("headings", "colors.primary", p.primary, "colors.background", p.background, 3.0),
        ("links, labels and card titles", "colors.primary", p.primary, "colors.background", p.background, 4.5),
        ("card titles", "colors.primary", p.primary, "colors.secondary", card, 4.5),
        ("step numbers", "colors.background", p.white, "colors.primary", p.primary, 4.5),
    ]
    diags: list[Diagnostic] = []
    for role, fg_key, fg, bg_key, bg, need in pairs:
        ratio = contrast_ratio(fg, bg)
        if ratio < need:
            diags.append(
                error(
                    brand.where(fg_key),
                    f"{role} have a contrast of {ratio:.1f}:1 against {bg_key.split('.')[1]}, under {need:g}:1",
                    f"darken {fg_key} or lighten {bg_key}",
                )
            )
    return diags


def check_pictures(layout: Layout) -> list[Diagnostic]:
    """Effective resolution of every picture at its placed size; equal across and down."""
    press = layout.sheet.target == "press"
    diags: list[Diagnostic] = []
    for page in layout.pages:
        for item in page.items:
            for f in _walk(item.flowable):
                if not isinstance(f, Picture):
                    continue
                ppi_x = f.pixels[0] / (f.drawWidth / 72)
                ppi_y = f.pixels[1] / (f.drawHeight / 72)
                low = min(ppi_x, ppi_y)
                size = f"{f.drawWidth / MM:.0f} x {f.drawHeight / MM:.0f} mm"
                if abs(ppi_x - ppi_y) > 0.01 * max(ppi_x, ppi_y):
                    diags.append(
                        error(
                            f.at,
                            f"the picture is stretched ({ppi_x:.0f} x {ppi_y:.0f} ppi)",
                            "keep the picture's proportions",
                        )
                    )
                if low < MIN_PPI:
                    diags.append(
                        error(
                            f.at,
                            f"the picture is {low:.0f} ppi at {size}: it will print soft",
                            f"use at least {MIN_PPI:.0f} ppi, ideally {GOOD_PPI:.0f} ppi",
                        )
                    )
                elif press and low < GOOD_PPI:
                    diags.append(
                        warning(
                            f.at,
                            f"the picture is {low:.0f} ppi at {size}; print shops ask for 300",
                            f"use a picture of {f.drawWidth / 72 * GOOD_PPI:.0f} pixels wide or more",
                        )
                    )
    return diags


def check_qr_geometry(layout: Layout, brand: Brand) -> list[Diagnostic]:
    """The QR code is at least 20 mm with a 4-module quiet zone, and stays inside the safe zone."""
    qr = layout.qr
    if qr is None:
        return []
    where = brand.where("contact.booking_url")
    diags: list[Diagnostic] = []
    if qr.box.w < MIN_QR:
        diags.append(
            error(
                where,
                f"the QR code is {qr.box.w / MM:.1f} mm, under {MIN_QR / MM:.0f} mm",
                "a shorter booking address makes a simpler code",
            )
        )
    if qr.quiet_modules < 4:
        diags.append(error(where, "the QR code's quiet zone is under 4 modules", "leave white space around it"))
    if not layout.sheet.safe.contains(qr.box):
        diags.append(error(where, "the QR code is outside the safe zone", "this is a layout bug: please report it"))
    module = qr.box.w / (qr.modules + 2 * qr.quiet_modules)
    if module < 0.33 * MM:
        diags.append(
            warning(
                where,
                f"QR modules are {module / MM:.2f} mm; phones read 0.33 mm and up reliably",
                "shorten the booking address (fewer modules)",
            )
        )
    return diags


def check_qr_contrast(theme: Theme, brand: Brand) -> list[Diagnostic]:
    """The QR code is drawn in the edition's text colour on white: too little contrast and no phone reads it.

    Press colours are judged by a plain CMYK -> RGB estimate, enough to catch a light or white text colour."""
    pal = theme.palette
    ratio = contrast_ratio(_as_rgb(pal.text), _as_rgb(pal.white))
    if ratio >= MIN_QR_CONTRAST:
        return []
    press = isinstance(pal.text, CMYKColor)
    key = "colors.cmyk.text" if press and "text" in dict(brand.cmyk) else "colors.text"
    at = brand.where(key)
    if not at.line:  # nested CMYK keys may not be recorded: point at the 'cmyk:' block
        at = replace(brand.where("colors.cmyk"), key=key)
    return [
        error(
            at,
            f"the QR code is printed in the text colour ({key}) on white, and the two differ too little for a "
            f"phone to read it (contrast {ratio:.1f}:1, under {MIN_QR_CONTRAST:g}:1)",
            "use a dark text colour, e.g. [0, 0, 0, 100]" if press else "use a dark text colour, e.g. '#1F2A2E'",
        )
    ]


def _as_rgb(c: Color) -> Color:
    """A colour as RGB; CMYK by the plain formula (no profile), as near as a lightness check needs."""
    if isinstance(c, CMYKColor):
        k = 1 - c.black
        return Color((1 - c.cyan) * k, (1 - c.magenta) * k, (1 - c.yellow) * k)
    return c


def check_design(layout: Layout, theme: Theme, brand: Brand, content: Content) -> list[Diagnostic]:
    return [
        *check_line_widths(layout, content),
        *check_type_sizes(layout, theme, brand),
        *check_contrast(brand),
        *check_qr_contrast(theme, brand),
        *check_pictures(layout),
        *check_qr_geometry(layout, brand),
    ]
