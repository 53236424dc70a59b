"""Loaded inputs and a Layout -> Diagnostics a print shop or patient would notice (glyphs, safe zone, folds)."""

from __future__ import annotations

import unicodedata

from brochure.diagnostics import Diagnostic, Location, error
from brochure.geometry.sheet import FOLD_CLEAR, MM
from brochure.layout.model import Layout
from brochure.load.brand import Brand
from brochure.load.content import Content
from brochure.load.inline import plain
from brochure.theme.fonts import FontSet, covers


def check_glyphs(content: Content, brand: Brand, fonts: FontSet) -> list[Diagnostic]:
    """Every printed character must exist in every face it may be set in: never an empty box."""
    faces = (("heading", fonts.heading), ("body", fonts.regular), ("bold", fonts.bold), ("italic", fonts.italic))
    brand_strings = [
        (brand.name, Location(str(brand.path), 0, 0, "name")),
        *(
            (getattr(brand.contact, k), Location(str(brand.path), 0, 0, f"contact.{k}"))
            for k in ("address", "phone", "email", "website", "booking_url")
        ),
    ]
    diags: list[Diagnostic] = []
    for text, at in [*content.strings, *brand_strings]:
        reported: set[str] = set()
        for ch in plain(text):
            if ch in reported or ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf"):
                continue
            for role, font in faces:
                if not covers(font, ch):
                    reported.add(ch)
                    name = unicodedata.name(ch, "unnamed character")
                    diags.append(
                        error(
                            at,
                            f"the {role} font ({font.rsplit('-', 1)[0]}) has no glyph for '{ch}' "
                            f"(U+{ord(ch):04X} {name})",
                            "replace the character, or choose a font family that covers it",
                        )
                    )
                    break
    return diags


def check_safe_zone(layout: Layout, file: str) -> list[Diagnostic]:
    """Text stays inside the safe area and at least 3 mm from every fold."""
    sheet = layout.sheet
    safe = sheet.safe
    diags: list[Diagnostic] = []
    for page in layout.pages:
        for item in page.items:
            if not item.text:
                continue
            b = item.box
            where = Location(
                file, 0, 0, f"{page.side.name}/{item.region}" + (f"/{item.section}" if item.section else "")
            )
            if not safe.contains(b):
                diags.append(
                    error(
                        where,
                        "text comes too close to the sheet edge",
                        "this is a layout bug: please report it with the inputs",
                    )
                )
            for fold in page.side.folds:
                if b.x < fold + FOLD_CLEAR and b.right > fold - FOLD_CLEAR:
                    diags.append(
                        error(
                            where,
                            f"text is within {FOLD_CLEAR / MM:.0f} mm of a fold",
                            "this is a layout bug: please report it with the inputs",
                        )
                    )
    return diags
