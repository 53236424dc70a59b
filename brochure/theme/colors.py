"""Brand colours (#RRGGBB strings, or CMYK for press) -> a Palette of ReportLab colours with tints and contrast."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from reportlab.lib.colors import CMYKColor, Color

from brochure.frozen import frozen

if TYPE_CHECKING:
    from brochure.inputs.brand import Profile


def hex_to_color(value: str) -> Color:
    """Turn '#RRGGBB' into a ReportLab RGB colour (the string is validated by the loader)."""
    v = value.lstrip("#")
    return Color(int(v[0:2], 16) / 255, int(v[2:4], 16) / 255, int(v[4:6], 16) / 255)


def color_markup(c: Color) -> str:
    """A colour as paragraph markup understands it: '#RRGGBB', or 'cmyk(c,m,y,k)' for press colours."""
    if isinstance(c, CMYKColor):
        return f"cmyk({c.cyan:.4f},{c.magenta:.4f},{c.yellow:.4f},{c.black:.4f})"
    return f"#{round(c.red * 255):02X}{round(c.green * 255):02X}{round(c.blue * 255):02X}"


MARKS_CONTRAST = 1.5  # the least contrast with the paper of the accent, which draws list dots, step numbers' discs,
# icons and the rules above headings: small marks are seen by their lightness, not their hue (a pale yellow, 1.2:1,
# differs from white by a colour difference of 30, yet its dots all but vanish)
LEAST_DOT = 0.05  # a plate carrying less than 5 % prints unevenly (dots that come and go): 0 or 5 % instead


def printable(v: float) -> float:
    """A CMYK channel a press prints evenly: 1-4 % becomes 0 (under 2.5 %) or 5 %."""
    if 0 < v < LEAST_DOT:
        return 0.0 if v < LEAST_DOT / 2 else LEAST_DOT
    return v


def mix(a: Color, b: Color, t: float) -> Color:
    """Blend t of colour a into colour b (t=0.12 gives a 12 % tint of a on b), in the colours' own model."""
    if isinstance(a, CMYKColor) and isinstance(b, CMYKColor):
        return CMYKColor(
            printable(a.cyan * t + b.cyan * (1 - t)),
            printable(a.magenta * t + b.magenta * (1 - t)),
            printable(a.yellow * t + b.yellow * (1 - t)),
            printable(a.black * t + b.black * (1 - t)),
        )
    return Color(
        a.red * t + b.red * (1 - t),
        a.green * t + b.green * (1 - t),
        a.blue * t + b.blue * (1 - t),
    )


def relative_luminance(c: Color) -> float:
    """WCAG 2 relative luminance of an sRGB colour."""

    def lin(v: float) -> float:
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * lin(c.red) + 0.7152 * lin(c.green) + 0.0722 * lin(c.blue)


def contrast_ratio(a: Color, b: Color) -> float:
    """WCAG 2 contrast ratio between two colours (1.0 to 21.0)."""
    la, lb = relative_luminance(a), relative_luminance(b)
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


@frozen
class Palette:
    """The colours every drawing stage uses; nothing downstream invents a colour of its own."""

    primary: Color
    secondary: Color
    accent: Color
    text: Color
    background: Color
    white: Color
    code_ink: Color | None = None  # the QR code's modules, where not the text colour (press: 100 % K, always)
    srgb: Palette | None = None  # (a press palette) the kit's own sRGB colours, which two of its colours blend in
    profile: Profile | None = None  # (a press palette) the press's profile, that blend printed through it
    built: frozenset[str] = frozenset()  # (a press palette) its colours printed as builds of their own (`cmyk:`)

    @property
    def code(self) -> Color:
        """The ink of the QR code's modules: one plate on press (a four-plate code fringes), whatever the text's."""
        return self.code_ink if self.code_ink is not None else self.text

    def blend(self, a: str, b: str, t: float) -> Color:
        """t of the palette's colour `a` ('secondary') blended into its colour `b` ('primary'), as the office edition
        shows it: mixed in sRGB, and in a press edition that mixture printed as the press prints an sRGB colour.
        (Mixing two colours' CMYK builds gives another colour where their hues differ: orange into a deep blue, a
        grey mauve where the screen and the office print show a brown.) A colour the press prints as a build of its
        own (a kit's `cmyk:`, the text's 100 % K) is mixed as built."""
        srgb, profile = self.srgb, self.profile
        if srgb is None or profile is None or a in self.built or b in self.built:
            return mix(getattr(self, a), getattr(self, b), t)
        from brochure.theme.cmyk import convert  # (which converts through a profile: it reads this module)

        return convert(mix(getattr(srgb, a), getattr(srgb, b), t), profile)

    def far_hues(self, a: str, b: str) -> bool:
        """Whether the palette's colours `a` and `b` (as the kit gives them, in sRGB) are of hues far apart, both
        coloured (not greys): orange and a deep blue, whose blends are browns and greys of neither."""
        srgb = self.srgb or self
        (_, ca, ha), (_, cb, hb) = (_lch(getattr(srgb, k)) for k in (a, b))
        apart = abs(ha - hb) % 360
        return min(ca, cb) >= HUED and min(apart, 360 - apart) > HUES_APART

    def tint(self, c: Color, t: float) -> Color:
        """A tint of c on the page background (t in 0..1)."""
        return mix(c, self.background, t)


def palette_from_hex(primary: str, secondary: str, accent: str, text: str, background: str) -> Palette:
    """Build a Palette from the brand's five '#RRGGBB' colours."""
    return Palette(
        primary=hex_to_color(primary),
        secondary=hex_to_color(secondary),
        accent=hex_to_color(accent),
        text=hex_to_color(text),
        background=hex_to_color(background),
        white=Color(1, 1, 1),
    )


def difference(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    """The CIE 1976 colour difference (delta E) of two sRGB colours (0 to 1 each)."""
    la, lb = lab(a), lab(b)
    return math.dist(la, lb)


HUED = 10.0  # the least CIELAB chroma of a colour that has a hue (a grey has none to clash)
HUES_APART = 60.0  # degrees of CIELAB hue past which two colours' blends are of neither (the shipped kits': under 20)


def _lch(c: Color) -> tuple[float, float, float]:
    """An sRGB colour's CIELAB lightness, chroma and hue (degrees)."""
    lightness, a, b = lab((c.red, c.green, c.blue))
    return lightness, math.hypot(a, b), math.degrees(math.atan2(b, a)) % 360


def lab(rgb: tuple[float, float, float]) -> tuple[float, float, float]:
    """An sRGB colour in CIE L*a*b* (D65 white)."""
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883
    fx, fy, fz = (t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116 for t in (x, y, z))
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def ratio_text(ratio: float, need: float) -> str:
    """A contrast ratio to one decimal, or two where one would round up to what it falls short of (4.49, not 4.5:
    "a contrast of 4.5:1; body text needs 4.5:1" said nothing)."""
    return f"{ratio:.1f}" if round(ratio, 1) < need else f"{math.floor(ratio * 100) / 100:.2f}"
