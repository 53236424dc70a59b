"""Brand colours, pictures and logo drawings + a CMYK ICC profile -> their press (CMYK-only) versions."""

from __future__ import annotations

import io
import math
from copy import deepcopy
from dataclasses import replace
from functools import cache, cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from PIL import Image as PILImage
from reportlab.graphics.shapes import Drawing, Group, Shape
from reportlab.lib.attrmap import AttrMap
from reportlab.lib.colors import CMYKColor, Color

from brochure.frozen import frozen
from brochure.inputs.brand import Brand, Profile, icc_profile
from brochure.inputs.logo import Inks
from brochure.inputs.pictures import ICC, UNTAGGED_CMYK
from brochure.remembered import Kept, content_key
from brochure.theme.colors import Palette, hex_to_color, lab, palette_from_hex, printable
from brochure.vocabulary import Condition

if TYPE_CHECKING:
    from PIL import ImageCms


@frozen
class PrintingCondition:
    """A press's printing condition: the profile colours go through, and how the PDF/X output intent names it."""

    name: Condition
    profile: Path  # (brochure/data/icc: read by shipped_profile)
    identifier: str  # in the ICC's registry of characterisation data (color.org)
    description: str  # the OutputCondition: what the print shop reads


PRINTING_CONDITIONS: dict[Condition, PrintingCondition] = {
    "fogra39": PrintingCondition(
        "fogra39",
        UNTAGGED_CMYK,  # (the default condition's profile: an untagged CMYK picture's too)
        "FOGRA39",
        "Offset printing, according to ISO 12647-2:2004/Amd 1, OFCOM, paper type 1 or 2 = coated art, "
        "115 g/m2, tone value increase curves A (CMY) and B (K)",
    ),
    "gracol": PrintingCondition(
        "gracol",
        ICC / "brochure-gracol-300.icc",
        "CGATS TR 006",
        "Commercial and specialty offset printing, sheet-fed, on grade 1 coated paper (GRACoL), "
        "according to CGATS TR 006-2007 (ISO 12647-2 paper type 1)",
    ),
}
DEFAULT_PROFILE = PRINTING_CONDITIONS["fogra39"].profile


@cache
def shipped_profile(path: Path) -> Profile:
    """A profile brochure ships (a printing condition's, in brochure/data/icc: not a kit's, which is read with its
    kit), read once a process."""
    return icc_profile(path, path.read_bytes())


def build_profile(brand: Brand) -> Profile:
    """The profile a brand's editions print through: its own (`colors.profile`, as read with the kit), else its
    printing condition's."""
    return brand.profile or shipped_profile(printing_condition(brand).profile)


def printing_condition(brand: Brand) -> PrintingCondition:
    """The brand's printing condition: its `press: {condition: ...}`, else by its paper (Letter: a US press,
    GRACoL; A4: a European one, FOGRA39). A brand's own profile (`colors.profile`) replaces the profile."""
    name: Condition = brand.condition or ("gracol" if brand.paper == "letter" else "fogra39")
    return PRINTING_CONDITIONS[name]


def output_condition(own_profile: Profile | None, condition: PrintingCondition) -> tuple[str, str]:
    """(OutputCondition, OutputConditionIdentifier) for the PDF/X output intent: the condition's, or a brand's
    own profile described by itself."""
    if own_profile is None:
        return condition.description, condition.identifier
    from PIL import ImageCms  # (LittleCMS: for the press edition and a kit's own profile only)

    said = ImageCms.getProfileDescription(ImageCms.ImageCmsProfile(io.BytesIO(own_profile.data)))
    description = " ".join("".join(c if c.isprintable() else " " for c in said).split())[:DESCRIPTION_MOST]
    return description or own_profile.source.stem, "Custom"


DESCRIPTION_MOST = 200  # characters of a kit's own profile's description written into the output intent (its
# control characters, line breaks and runs of spaces as one space: they were written into the PDF as they were)


class _Through:
    """Colours worked out through one profile's bytes: LittleCMS's transforms, made when first needed, and the
    answers, kept with them (one a profile's digest: `_through`)."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.rgb_to_cmyk = lru_cache(maxsize=1024)(self._rgb_to_cmyk)
        self.cmyk_to_rgb = lru_cache(maxsize=1024)(self._cmyk_to_rgb)

    def opened(self) -> ImageCms.ImageCmsProfile:
        """The profile, opened anew (LittleCMS's profile objects are not shared by threads)."""
        from PIL import ImageCms  # (LittleCMS: for the press edition and a kit's own profile only)

        return ImageCms.ImageCmsProfile(io.BytesIO(self.data))

    @cached_property
    def transform(self) -> ImageCms.ImageCmsTransform:
        """sRGB -> the press profile, relative colorimetric with black point compensation."""
        from PIL import ImageCms

        return ImageCms.buildTransform(
            ImageCms.createProfile("sRGB"),
            self.opened(),
            "RGB",
            "CMYK",
            renderingIntent=ImageCms.Intent.RELATIVE_COLORIMETRIC,
            # NOCACHE: LittleCMS keeps the last pixel in the transform; builds in threads share this transform
            flags=ImageCms.Flags.BLACKPOINTCOMPENSATION | ImageCms.Flags.NOCACHE,
        )

    @cached_property
    def proof(self) -> ImageCms.ImageCmsTransform:
        """The press profile -> sRGB: how a CMYK colour will look on paper (for contrast checks). Each colour is
        worked out through the profile's own tables (NOOPTIMIZE): LittleCMS would otherwise first sample the whole
        CMYK space into a table of its own (about 20 ms a process and profile) for the few dozen colours a leaflet
        checks, and then answer from that table to within a few units."""
        from PIL import ImageCms

        return ImageCms.buildTransform(
            self.opened(),
            ImageCms.createProfile("sRGB"),
            "CMYK",
            "RGB",
            renderingIntent=ImageCms.Intent.RELATIVE_COLORIMETRIC,
            flags=ImageCms.Flags.NOCACHE  # shared by builds in threads (see transform)
            | ImageCms.Flags.NOOPTIMIZE,
        )

    def _rgb_to_cmyk(self, red: int, green: int, blue: int) -> tuple[float, float, float, float]:
        if (red, green, blue) == (255, 255, 255):
            return 0.0, 0.0, 0.0, 0.0
        from PIL import ImageCms

        pixel = PILImage.new("RGB", (1, 1), (red, green, blue))
        c, m, y, k = ImageCms.applyTransform(pixel, self.transform).getpixel((0, 0))  # type: ignore[union-attr,misc]
        return c / 255, m / 255, y / 255, k / 255

    def _cmyk_to_rgb(self, cmyk: tuple[float, float, float, float]) -> tuple[float, float, float]:
        from PIL import ImageCms

        pixel = PILImage.new("CMYK", (1, 1), tuple(round(v * 255) for v in cmyk))
        r, g, b = ImageCms.applyTransform(pixel, self.proof).getpixel((0, 0))  # type: ignore[union-attr,misc]
        return r / 255, g / 255, b / 255


_THROUGH: Kept[_Through] = Kept(8)  # by the profile's digest: a profile replaced at the same path is a new one


def _through(profile: Profile) -> _Through:
    return _THROUGH.answer(profile.key, lambda: _Through(profile.data))


def rgb_to_cmyk(red: int, green: int, blue: int, profile: Profile) -> CMYKColor:
    """One sRGB colour through the profile; white stays paper white. A new colour each time (colours are
    mutable objects); the conversion itself is kept."""
    return CMYKColor(*_through(profile).rgb_to_cmyk(red, green, blue))


def cmyk_to_rgb(cmyk: tuple[float, float, float, float], profile: Profile) -> tuple[float, float, float]:
    """A CMYK colour (0..1) as printed under the profile's condition, in sRGB (0..1)."""
    return _through(profile).cmyk_to_rgb(cmyk)


NEAR_BLACK = 0x30  # an sRGB black whose channels are at most this, and within NEUTRAL of one another, prints as
NEUTRAL = 12  # 100 % K: design programs write 100 % K as #231F20, and through the profile any such black is a rich
# black of 250-290 % whose small type and lettering fringe on four plates (prepress keeps black one plate)
BLACK_LIGHTNESS = 12.5  # ... and so does any colour no lighter than #231F20 (CIELAB L* 12.2) whose hue is too faint
BLACK_CHROMA = 6.0  # to see (chroma at most this): a brown-black #1A0F0A (L* 5, C* 5.5) printed 40/46/40/94, its
# 10 pt headings and knocked-out step numbers on four plates; a navy-black #101828 (C* 12) keeps its blue


def convert(color: Color, profile: Profile) -> CMYKColor:
    """An sRGB colour through the profile, each plate 0 or at least 5 % (a CMYK colour is kept as given); a black
    (NEAR_BLACK) as 100 % K."""
    if isinstance(color, CMYKColor):
        return color
    if _black(color):
        return CMYKColor(0, 0, 0, 1)
    c = rgb_to_cmyk(round(color.red * 255), round(color.green * 255), round(color.blue * 255), profile)
    return CMYKColor(*(printable(v) for v in (c.cyan, c.magenta, c.yellow, c.black)))


def press_palette(brand: Brand, profile: Profile) -> Palette:
    """The brand's colours in CMYK: its own `cmyk:` overrides first; body text as 100 % K (no rich black)."""
    overrides = {key: CMYKColor(*(v / 100 for v in cmyk)) for key, cmyk in brand.cmyk}
    hexes = dict(brand.colors)

    def pick(key: str) -> CMYKColor:
        if key in overrides:
            return overrides[key]
        if key == "text":
            return CMYKColor(0, 0, 0, 1)  # a new colour per palette: colours are mutable
        return convert(hex_to_color(hexes[key]), profile)

    return Palette(
        primary=pick("primary"),
        secondary=pick("secondary"),
        accent=pick("accent"),
        text=pick("text"),
        background=pick("background"),
        white=CMYKColor(0, 0, 0, 0),
        code_ink=CMYKColor(0, 0, 0, 1),  # (a `cmyk: text` override of four plates is not the QR code's)
        srgb=palette_from_hex(*(hexes[k] for k in ("primary", "secondary", "accent", "text", "background"))),
        profile=profile,
        built=frozenset({*overrides, "text"}),
    )


Builds = dict[tuple[int, int, int], tuple[float, float, float, float]]  # sRGB (0-255) -> its press build (0..1)


def drawing_to_cmyk(drawing: Drawing, profile: Profile, builds: Builds | None = None) -> Drawing:
    """A copy of a vector drawing (a logo) with every fill and stroke colour converted to CMYK: a colour that is
    one of the kit's (the same #RRGGBB) printed as the press edition prints that colour (`builds`: its `cmyk:`
    build, the text colour's 100 % K), any other through the profile.

    A deep copy: ReportLab's Drawing.copy() shares its children, so converting them would turn the
    brand's own logo CMYK for every later build in the process (an office edition with press colours)."""
    copy: Drawing = deepcopy(drawing, _made_at_once(drawing, {}))
    _convert_node(copy, profile, builds or {})
    return copy


def _made_at_once(node: Shape, memo: dict[int, object]) -> dict[int, object]:
    """A deepcopy memo holding copies deepcopy would make slowly (most of a logo's millisecond): each list of plain
    numbers (a path's points, operators) as a new list of them, and each attribute map (a group's) as ReportLab's
    own copy of a group makes it (`clone`: a new map of the same entries, which say what an attribute may be)."""
    for value in vars(node).values():
        if type(value) is list and all(type(v) is float or type(v) is int for v in value):
            memo[id(value)] = value[:]
        elif type(value) is AttrMap:
            memo[id(value)] = value.clone()
    if isinstance(node, Group):
        for child in node.contents:
            _made_at_once(child, memo)
    return memo


def kit_builds(brand: Brand, palette: Palette) -> Builds:
    """The kit's colours, each as the press edition prints it (its `press_palette`), by its sRGB value; of two kit
    colours with the same value, the first the kit lists."""
    builds: Builds = {}
    for key, hexed in brand.colors:
        ink = getattr(palette, key)
        value = hex_to_color(hexed)
        rgb = (round(value.red * 255), round(value.green * 255), round(value.blue * 255))
        builds.setdefault(rgb, (ink.cyan, ink.magenta, ink.yellow, ink.black))
    return builds


def _black(color: Color) -> bool:
    """Whether an sRGB colour is a black (NEAR_BLACK, BLACK_LIGHTNESS): #000000, #231F20, #1A1A1A, #1A0F0A; not a
    dark colour (#1F3A5F, #101828)."""
    rgb: list[int] = [round(float(v) * 255) for v in (color.red, color.green, color.blue)]
    if max(rgb) <= NEAR_BLACK and max(rgb) - min(rgb) <= NEUTRAL:
        return True
    lightness, a, b = lab((rgb[0] / 255, rgb[1] / 255, rgb[2] / 255))
    return lightness <= BLACK_LIGHTNESS and math.hypot(a, b) <= BLACK_CHROMA


def _convert_node(node: Shape, profile: Profile, builds: Builds) -> None:
    for attr in ("fillColor", "strokeColor"):
        value = getattr(node, attr, None)
        if isinstance(value, Color):
            setattr(node, attr, _logo_ink(value, profile, builds))
    if isinstance(node, (Group, Drawing)):
        for child in node.contents:
            _convert_node(child, profile, builds)


def _logo_ink(value: Color, profile: Profile, builds: Builds) -> CMYKColor:
    """A drawing's colour on press: a kit colour's build (a new colour each time: colours are mutable), else
    converted."""
    if isinstance(value, CMYKColor):
        return value
    build = builds.get((round(value.red * 255), round(value.green * 255), round(value.blue * 255)))
    return CMYKColor(*build) if build is not None else convert(value, profile)


PICTURE_BLACKS = ((0, 0, 0), (0x23, 0x1F, 0x20))  # a picture logo's blacks (design programs write 100 % K as
# #231F20) that print as 100 % K, as a vector logo's do: through the profile, 260 % on four plates, its lettering
# fringed


def picture_to_cmyk(
    data: bytes,
    profile: Profile,
    size: tuple[int, int] | None = None,
    plates: bytes = b"",
    digest: bytes = b"",
    inks: Inks = (),
) -> bytes:
    """A loaded picture's PNG or JPEG bytes in CMYK through the profile, at `size` if smaller: a JPEG (quality 92)
    as a JPEG, a PNG as a TIFF (lossless); a CMYK picture's own `plates` (PictureData.plates) as they are, or from
    its own profile to the press's. An RGB picture's pixels of one of `inks` (a logo's kit colours and blacks), and
    those that blend one with the paper (a letter's smoothed edge), print as its build, in tint (`_inked`). Kept by
    the digests of the picture and its plates (`digest`: PictureData.key, worked out once a picture; else here), the
    profile and the inks."""
    key = (digest or content_key(data) + (content_key(plates) if plates else b""), profile.key, size, inks)
    return _CMYK_PICTURES.answer(key, lambda: _picture_to_cmyk(data, profile, size, plates, inks))


_CMYK_PICTURES: Kept[bytes] = Kept(4)  # a batch converts the same few pictures for every press edition (by their
# digests, not their bytes, which a watch would keep for the last four versions of a saved picture)


def _picture_to_cmyk(
    data: bytes, profile: Profile, size: tuple[int, int] | None, plates: bytes, inks: Inks = ()
) -> bytes:
    from PIL import ImageCms

    cmyk: PILImage.Image | None
    if plates:
        with PILImage.open(io.BytesIO(plates), formats=["JPEG"]) as im:
            cmyk = _own_plates(im, size or im.size, profile)
    else:
        with PILImage.open(io.BytesIO(data), formats=["PNG", "JPEG"]) as im:
            rgb = _flat_rgb(im, size or im.size, flat=bool(inks))
        cmyk = ImageCms.applyTransform(rgb, _through(profile).transform)
        if cmyk is not None:
            for rgb_ink, build in inks:
                _inked(rgb, cmyk, rgb_ink, build)
    assert cmyk is not None
    buf = io.BytesIO()
    if plates or data.startswith(b"\xff\xd8"):
        cmyk.save(buf, format="JPEG", quality=92, dpi=(300, 300))  # (no profile of its own: DeviceCMYK, the press's)
    else:  # a PNG (a logo, a diagram: flat colours and sharp edges) kept lossless, as the office edition keeps it: as
        # a JPEG, the paper around a logo carried 1-10 % of ink. An uncompressed TIFF, which ReportLab compresses
        from PIL import TiffImagePlugin  # noqa: F401  (registered, so that ReportLab's reading it loads no other)

        cmyk.save(buf, format="TIFF")
    return buf.getvalue()


BLEND_TOLERANCE = 3  # of 255, per channel: how far a PNG's pixel may be from a blend of an ink with the paper
# (rounding, an edge made smaller by averaging) and still print as that ink's tint
BLEND_FALLOFF = 16  # of 255: past the tolerance, how far a pixel's build fades into the profile's colour (a saved
# JPEG's noise, a gradient away from a kit colour, a shadow's edge: a soft change, where all or nothing printed the
# build and the profile's quite other separation by turns, speckled letters and striped gradients)
INK_LEAST = 24  # of 255: an ink lighter than this against white has no blends to tell apart from the paper


def _inked(rgb: PILImage.Image, cmyk: PILImage.Image, ink: tuple[int, int, int], build: tuple[float, ...]) -> None:
    """In `cmyk`, the pixels of `rgb` that are the ink or a blend of it with the paper white (a share t of the ink:
    each channel 255 - t * (255 - ink)), set to the ink's build at t, as a vector logo's colour and its edges print;
    those a little farther from such a blend (BLEND_FALLOFF) mixed from the build's tint and the profile's colour,
    by how far. A blend with another colour (two inks touching), or a darker shade, stays as the profile converted
    it."""
    from PIL import ImageChops

    depth = [255 - v for v in ink]
    k = max(range(3), key=lambda i: depth[i])
    if depth[k] < INK_LEAST:
        return
    channels = rgb.split()
    share = channels[k].point(lambda v: min(255, round((255 - v) * 255 / depth[k])))  # t, 0..255
    far = PILImage.new("L", share.size)  # (each pixel's farthest channel from the blend its share says)
    for j in range(3):  # (each channel where the share puts it, the share's own too: a darker pixel is none)
        expected = share.point(lambda v, d=depth[j]: round(255 - v * d / 255))
        far = ImageChops.lighter(far, ImageChops.difference(channels[j], expected))
    weight = far.point(lambda v: max(0, min(255, round(255 * (1 - (v - BLEND_TOLERANCE) / BLEND_FALLOFF)))))
    weight = ImageChops.multiply(weight, share.point(lambda v: 255 if v else 0))
    if weight.getbbox() is None:
        return
    plates = [share.point(lambda v, q=q: round(v * q)) for q in build]
    cmyk.paste(PILImage.merge("CMYK", plates), mask=weight)  # (a mask of 0-255: mixed by it)


def _own_plates(im: PILImage.Image, size: tuple[int, int], profile: Profile) -> PILImage.Image:
    """A CMYK picture's plates at `size`: as separated when it has no profile of its own (made for the press it is
    sent to) or the press's own, else converted from its profile to the press's (colorimetric: its black may then
    print on four plates, as any other printing condition's would)."""
    from PIL import ImageCms

    icc = im.info.get("icc_profile")
    if size != im.size:
        im.draft("CMYK", size)  # (a JPEG decodes straight at 1/2, 1/4 or 1/8 of its size)
        im = im.resize(size, PILImage.Resampling.LANCZOS)
    im.load()  # (decoded here: the file it is read from closes after)
    if not icc or _same_condition(icc, profile):
        return im
    try:
        own = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        press = _through(profile).opened()
        converted = ImageCms.profileToProfile(
            im,
            own,
            press,
            renderingIntent=ImageCms.Intent.RELATIVE_COLORIMETRIC,
            outputMode="CMYK",
            flags=ImageCms.Flags.BLACKPOINTCOMPENSATION,
        )
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        return im  # (a profile that cannot be read: the plates as they are, as for one without)
    return converted if converted is not None else im


def _same_condition(icc: bytes, profile: Profile) -> bool:
    """Whether a picture's embedded profile is the press's own (the same bytes, or the same description); kept by
    both profiles' digests."""
    return _SAME.answer((content_key(icc), profile.key), lambda: _same(icc, profile.data))


_SAME: Kept[bool] = Kept(8)


def _same(icc: bytes, press: bytes) -> bool:
    from PIL import ImageCms

    if icc == press:
        return True
    try:
        return bool(
            ImageCms.getProfileDescription(ImageCms.ImageCmsProfile(io.BytesIO(icc))).strip()
            == ImageCms.getProfileDescription(ImageCms.ImageCmsProfile(io.BytesIO(press))).strip()
        )
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        return False


def _flat_rgb(im: PILImage.Image, size: tuple[int, int], flat: bool = False) -> PILImage.Image:
    """RGB pixels at `size`, transparency flattened onto paper white (PDF/X-1a allows none). `flat`: art of flat
    colours (a logo whose inks are read, `_inked`), made smaller by averaging, which keeps each edge a blend of its
    colour and the paper (a photo's sharper filter rang past them: a thin letter's pixels darker than its colour,
    four plates again)."""
    alpha = im.mode in ("RGBA", "LA", "PA") or "transparency" in im.info  # (a palette's, or one grey or RGB colour
    # made transparent by a PNG's tRNS: that colour printed as a solid ground, a green-keyed logo on a green box)
    if size != im.size:
        im.draft(None, size)  # a JPEG decodes straight at 1/2, 1/4 or 1/8 of its size: far less memory
        if im.mode in ("1", "P", "PA") or (alpha and im.mode not in ("RGBA", "LA")):  # (palettes resize only by
            # nearest neighbour; a colour key, blended with its neighbours, would no longer be the key)
            im = im.convert("RGBA" if alpha else "RGB")
        way = PILImage.Resampling.BOX if flat else PILImage.Resampling.LANCZOS
        im = im.resize(size, way)  # before any copy: the full size is held once
    if not alpha:
        return im.convert("RGB")
    rgba = im.convert("RGBA")
    rgb = PILImage.new("RGB", rgba.size, (255, 255, 255))
    rgb.paste(rgba, mask=rgba.getchannel("A"))
    return rgb


def press_brand(brand: Brand, profile: Profile, palette: Palette) -> Brand:
    """The brand with its logo converted to CMYK (vector logos colour by colour, a kit colour as the press edition
    prints it, in `palette`, the brand's `press_palette`); a PNG logo's inks noted (its kit colours' builds and its
    blacks', which `picture_to_cmyk` prints its pixels of them as), a JPEG logo through the profile."""
    logo = brand.logo
    if logo.drawing is not None:
        logo = replace(logo, drawing=drawing_to_cmyk(logo.drawing, profile, kit_builds(brand, palette)))
    elif logo.picture is not None and logo.source.suffix.lower() == ".png":  # (its pixels of a kit colour,
        # and their blends with the paper, as that build; not a JPEG's: its colours are near the kit's, not at them,
        # and a letter's noisy pixels printed as the build and as the profile's colour by turns)
        blacks = {rgb: (0.0, 0.0, 0.0, 1.0) for rgb in PICTURE_BLACKS}
        inks = {**blacks, **kit_builds(brand, palette)}  # (the kit's own builds last: a grey of the kit's
        # prints as its build, not as a tint of black)
        logo = replace(logo, inks=tuple(inks.items()))
    return replace(brand, logo=logo)
