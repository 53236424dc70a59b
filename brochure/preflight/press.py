"""A press edition's frames -> Diagnostics a print shop would raise: see-through colours PDF/X-1a cannot print,
lines thinner than a press holds, and small type or hairlines built from three or four plates, which fringe when
the plates misregister."""

from __future__ import annotations

import io
import math
from functools import partial

from reportlab.lib.colors import CMYKColor

from brochure.diagnostics import MOST_PLACES, Diagnostic, Place, error, merged, warning
from brochure.geometry.outline import stroke_width
from brochure.inputs.brand import Brand, Profile
from brochure.layout.model import Frame, Ink, Layout, Picture, Run, Shape, Text
from brochure.preflight.contrast import Colours
from brochure.preflight.pdf import MAX_INK
from brochure.preflight.placement import place, run_place
from brochure.remembered import Kept, content_key
from brochure.theme.cmyk import cmyk_to_rgb, convert
from brochure.theme.colors import difference, hex_to_color
from brochure.theme.styles import COLOURED_TEXT

FINE_TEXT = COLOURED_TEXT  # coloured text under this, set in three or four plates, blurs when the plates misregister
HAIRLINE = 0.5  # pt: likewise a coloured line thinner than this
THINNEST = 0.2  # pt: a line thinner than this, in any colour, breaks up or vanishes on press (print-facts.md)
MANY_PLATES = 3
FINE_DETAIL = 0.85  # pt: a filled shape whose strokes are finer than this on average (geometry/outline.py), as
# fine as 10 pt type's (FINE_TEXT), is small lettering or detail: in three or four plates it fringes as the type does


FAR = 25.0  # delta E an override may print farther from the kit's colour than its own conversion: another colour


def check_overrides(brand: Brand, profile: Profile) -> list[Diagnostic]:
    """A `cmyk:` override that prints far farther from the kit's own colour than the printing condition's own
    conversion of it does: the print shop's edition would not look like the office proof the clinic approved
    (`background: [0, 0, 100, 0]` for white printed every tint yellow). A vivid colour no press prints (#00FFFF)
    is judged against the best the press does with it, not against the screen's."""
    colours = dict(brand.colors)
    diags: list[Diagnostic] = []
    if "text" not in dict(brand.cmyk):
        diags += _text_made_black(brand, colours["text"], profile)
    for key, plates in brand.cmyk:
        if sum(plates) > MAX_INK * 100 + 0.5:
            diags.append(_too_much_ink(brand, key, plates))
            continue
        apart, best = _apart(tuple(v / 100 for v in plates), colours[key], profile)
        if apart - best > FAR:
            shown = "/".join(f"{v:g}" for v in plates)
            diags.append(
                warning(
                    brand.where(f"colors.cmyk.{key}"),
                    f"the press edition prints {key} as {shown} % CMYK, far from the kit's {key} {colours[key]}: a "
                    f"colour difference of {apart:.0f} from it, where the printing condition's own conversion "
                    f"prints {best:.0f} (10 is plain to see); the print shop's leaflet will not look like the office "
                    "proof",
                    "check the override against the clinic's colour guide, or leave it out to print the colour "
                    "converted through the printing condition's profile",
                )
            )
    return diags


def _too_much_ink(brand: Brand, key: str, plates: tuple[float, float, float, float]) -> Diagnostic:
    """An override that lays down more ink than a press takes (MAX_INK): said at its own line, with the same colour
    of less ink (cyan, magenta and yellow taken down alike, black kept), not at `colors:` by the page that prints
    it (the PDF's check), whose hint was to give the colour an override."""
    c, m, y, k = plates
    share = (MAX_INK * 100 - k) / (c + m + y)
    less = ", ".join(f"{math.floor(v * share):g}" for v in (c, m, y)) + f", {k:g}"
    shown = ", ".join(f"{v:g}" for v in plates)
    return error(
        brand.where(f"colors.cmyk.{key}"),
        f"the press edition's {key}, [{shown}], lays down {sum(plates):g} % ink, over the {MAX_INK * 100:g} % a press "
        "takes",
        f"take cyan, magenta and yellow down and keep black, e.g. [{less}]",
    )


def _text_made_black(brand: Brand, text: str, profile: Profile) -> list[Diagnostic]:
    """The kit's text colour, which the press edition prints as 100 % K, when it is a colour (#8B0000, #2A2A6E)
    that black is far from: the office proof's text was red or navy, the print shop's is black, unsaid."""
    apart, best = _apart((0.0, 0.0, 0.0, 1.0), text, profile)
    if apart - best <= FAR:
        return []
    return [
        warning(
            brand.where("colors.text"),
            f"the press edition prints the text in black (100 % K), not in the kit's text colour {text}: the print "
            "shop's leaflet will not look like the office proof (small type on one plate stays sharp on press)",
            "choose a text colour near black for both editions, or give the press its own: colors.cmyk.text, of one "
            "or two plates",
        )
    ]


def _apart(plates: tuple[float, ...], colour: str, profile: Profile) -> tuple[float, float]:
    """How far `plates` (0..1) print from a kit's colour (#RRGGBB), and how far the printing condition's own
    conversion of the colour prints from it (colour differences, seen through the profile)."""
    screen = hex_to_color(colour)
    want = (screen.red, screen.green, screen.blue)
    given = cmyk_to_rgb((plates[0], plates[1], plates[2], plates[3]), profile)
    return difference(given, want), difference(cmyk_to_rgb(_plates(convert(screen, profile)), profile), want)


def _plates(c: CMYKColor) -> tuple[float, float, float, float]:
    return c.cyan, c.magenta, c.yellow, c.black


def check_press(layout: Layout, brand: Brand, colours: Colours) -> list[Diagnostic]:
    return [
        *check_opaque(layout, brand),
        *check_registration(layout, brand, colours),
        *check_logo_picture(layout, brand),
    ]


DARK_K = 128  # of 255: a pixel of 50 % K or more, built with two more plates of OTHER_PLATE or more, is a dark
OTHER_PLATE = 26  # colour on three or four plates (10 %): its fine lines and edges show the other plates' fringes
DARK_SHARE = 0.02  # of a picture logo's inked pixels in such fine dark strokes: warned (the one-pixel
# seam where two kit colours meet, a palette's or a shadow's edge: under 1 %)


def check_logo_picture(layout: Layout, brand: Brand) -> list[Diagnostic]:
    """Press only: a PNG logo (one whose inks `press_brand` noted) whose printed pixels are dark on three or four
    plates in strokes finer than 10 pt type's (a colour of it that is not the kit's, printed through the profile,
    or a kit colour whose build is such: theme/cmyk.py), as a vector logo's fine lettering is warned of
    (check_registration): it fringes on press. Not a JPEG logo (printed through the profile as before, its noise
    read as fine detail)."""
    if layout.sheet.target != "press" or not brand.logo.inks:
        return []
    at = brand.where("logo")
    for n, page in enumerate(layout.pages):
        for item in page.items:
            if not (isinstance(item, Picture) and item.at == at and item.space == "CMYK"):
                continue
            across = max(3, round(FINE_DETAIL * min(item.ppi) / 72) | 1)  # (the finest stroke kept, in pixels)
            key = (content_key(item.data), across)  # (a batch checks the same logo, converted once, each edition)
            share, sample = _DARK.answer(key, partial(_dark_on_many_plates, item.data, across))
            if share >= DARK_SHARE:
                build = " ".join(f"{p} {round(v / 2.55)}%" for p, v in zip("CMYK", sample, strict=True) if v)
                return [
                    warning(
                        at,
                        f"the logo picture prints lettering or details finer than {FINE_TEXT:g} pt type's strokes"
                        f" ({share:.0%} of its inked pixels) in dark colours built from three or four plates (such"
                        f" as {build}): they show coloured fringes when the plates misregister on press",
                        "colour the logo's fine dark lettering black or in the kit's text colour (each prints as"
                        " 100 % K); where it is another of the kit's colours, give that colour a build of one or two"
                        " plates in the kit's 'cmyk:' colours; or give the logo as SVG",
                    ).at(place(n, item.box))
                ]
    return []


_DARK: Kept[tuple[float, tuple[int, ...]]] = Kept(8)  # by the printed picture's digest and the stroke's width


def _dark_on_many_plates(data: bytes, across: int) -> tuple[float, tuple[int, ...]]:
    """Of a CMYK picture's pixels that print ink, the share that are dark on three or four plates (DARK_K of K and
    two more plates of OTHER_PLATE) in strokes narrower than `across` pixels (those an opening of that size takes
    away: lettering and hairlines, not a solid mark or a bold word), and one such pixel's plates (0-255); (0, ())
    when there is none."""
    from PIL import Image, ImageChops, ImageFilter

    with Image.open(io.BytesIO(data)) as im:
        cmyk = im.convert("CMYK")
    c, m, y, k = cmyk.split()
    on = [band.point(lambda v: 255 if v >= OTHER_PLATE else 0) for band in (c, m, y)]
    two = ImageChops.lighter(
        ImageChops.lighter(ImageChops.multiply(on[0], on[1]), ImageChops.multiply(on[0], on[2])),
        ImageChops.multiply(on[1], on[2]),
    )
    dark = ImageChops.multiply(k.point(lambda v: 255 if v >= DARK_K else 0), two)
    opened = dark.filter(ImageFilter.MinFilter(across)).filter(ImageFilter.MaxFilter(across))
    dark = ImageChops.subtract(dark, opened)  # (what is left: its fine strokes)
    inked = ImageChops.lighter(ImageChops.lighter(c, m), ImageChops.lighter(y, k)).point(lambda v: 255 if v else 0)
    count, total = dark.histogram()[255], inked.histogram()[255]
    box = dark.getbbox()
    if not count or not total or box is None:
        return 0.0, ()
    x = next(i for i in range(box[0], box[2]) if dark.getpixel((i, box[1])) == 255)  # (its top row has one)
    sample = cmyk.getpixel((x, box[1]))
    assert isinstance(sample, tuple)
    return count / total, tuple(int(v) for v in sample)


def check_opaque(layout: Layout, brand: Brand) -> list[Diagnostic]:
    """The press edition (PDF/X-1a) allows no transparency: a see-through colour in the logo or a picture with
    a transparent part (pictures are flattened onto white for press; a vector logo's opacity cannot be)."""
    if layout.sheet.target != "press":
        return []
    diags: list[Diagnostic] = []
    for n, page in enumerate(layout.pages):
        for item in page.items:
            at_page = place(n, item.box)
            inks = [r.ink for r in item.runs] if isinstance(item, Text) else []
            if isinstance(item, Shape):
                inks = [i for i in (item.fill, item.stroke) if i is not None]
            if isinstance(item, Picture) and item.space in ("RGBA", "LA", "PA"):
                clear = "the picture is partly transparent, which PDF/X-1a cannot print"
                diags.append(error(item.at, clear, _OPAQUE).at(at_page))
            elif any(i.alpha < 1 for i in inks):
                what = "the logo" if is_logo(item) else "a colour"
                at = brand.where("logo") if what == "the logo" else brand.where("colors")
                diags.append(
                    error(at, f"{what} is see-through (opacity), which PDF/X-1a cannot print", _OPAQUE).at(at_page)
                )
    return merged(diags)


_OPAQUE = "export it again with opaque colours (no opacity or transparency) for the press edition"


def plates(ink: Ink) -> int:
    """How many printing plates an ink is made of (CMYK inks: its channels that print; 1 for gray; 0 for RGB)."""
    if ink.space == "cmyk":
        return sum(v > 0 for v in ink.values)
    return 1 if ink.space == "gray" else 0


def check_registration(layout: Layout, brand: Brand, colours: Colours) -> list[Diagnostic]:
    """Press only: coloured text under 10 pt, lines under 0.5 pt, and the logo's lettering as fine as such text's
    (FINE_DETAIL), built from three or four plates. On press the
    plates never land exactly on one another; a small letter or a hairline made of three of them shows coloured
    fringes. A warning per colour, naming it (or the logo, for a colour of its own), where it is first used."""
    if layout.sheet.target != "press":
        return []
    found: dict[tuple[str, str], tuple[str, Ink]] = {}
    spots: dict[tuple[str, str], list[Place]] = {}
    smallest: dict[tuple[str, str], float] = {}  # (the smallest text of each colour is the one named)
    for n, page in enumerate(layout.pages):
        for item in page.items:
            if isinstance(item, Text):
                for r in item.runs:
                    kind = _small_text(r) if r.text.strip() and r.size < FINE_TEXT - 0.01 else ""
                    if kind:
                        what = f"text under {FINE_TEXT:g} pt ({r.size:g} pt '{r.text.strip()[:30]}', {item.region})"
                        key = (kind, _colour_name(colours, item, r.ink))
                        if r.size < smallest.get(key, FINE_TEXT):
                            found[key], smallest[key] = (what, r.ink), r.size
                        spots.setdefault(key, []).append(run_place(n, item, r))
            elif isinstance(item, Shape) and item.stroke is not None and _too_thin(item, item.stroke):
                what = f"lines under {THINNEST:g} pt ({item.line_width:.2f} pt, {_drawn_in(item)})"
                key = ("thin", LOGO_COLOUR if is_logo(item) else _colour_name(colours, item, item.stroke))  # (the
                # logo's to redraw, whatever brand colour its line's ink matches)
                found.setdefault(key, (what, item.stroke))
                spots.setdefault(key, []).append(place(n, item.box))
            elif isinstance(item, Shape) and item.stroke is not None and _hairline(item, item.stroke):
                what = f"lines under {HAIRLINE:g} pt ({item.line_width:.2f} pt, {_drawn_in(item)})"
                key = ("line", _colour_name(colours, item, item.stroke))
                found.setdefault(key, (what, item.stroke))
                spots.setdefault(key, []).append(place(n, item.box))
            elif isinstance(item, Shape) and item.fill is not None and not item.fill.spot and _across(item) < HAIRLINE:
                # (a line drawn as a filled shape: an outlined stroke, "Expand Appearance" in a drawing program)
                across = _across(item)
                thin = across < THINNEST - 0.005
                if across > 0 and (thin or plates(item.fill) >= MANY_PLATES):
                    least = THINNEST if thin else HAIRLINE
                    what = f"filled lines under {least:g} pt ({across:.2f} pt across, {_drawn_in(item)})"
                    name = LOGO_COLOUR if thin and is_logo(item) else _colour_name(colours, item, item.fill)
                    key = ("thin" if thin else "line", name)
                    found.setdefault(key, (what, item.fill))
                    spots.setdefault(key, []).append(place(n, item.box))
            elif (
                isinstance(item, Shape) and item.fill is not None and is_logo(item) and (fine := _fine(item, item.fill))
            ):
                what = f"lettering or details finer than {FINE_TEXT:g} pt type's strokes ({fine:.2f} pt across on "
                what += "average, the logo)"
                key = ("detail", _colour_name(colours, item, item.fill))  # (each colour said: a kit's to rebuild)
                found.setdefault(key, (what, item.fill))
                spots.setdefault(key, []).append(place(n, item.box))
    diags: list[Diagnostic] = []
    for (kind, name), (what, ink) in found.items():
        build = " ".join(f"{p} {v:.0%}" for p, v in zip("CMYK", ink.values, strict=True) if v > 0)
        logo = name == LOGO_COLOUR or kind == "detail"
        if kind == "tint":
            diags.append(
                warning(
                    colours.at(name),
                    f"{what} printed in {name}, a tint of one plate ({build}): screened, small type prints with "
                    "ragged edges, and it knocks out of what is under it",
                    "give small text a solid ink: the text colour as 100 % K (colors.cmyk.text: [0, 0, 0, 100]), or"
                    f" set such text at {FINE_TEXT:g} pt or more",
                ).at(*spots[(kind, name)][:MOST_PLACES])
            )
            continue
        if kind == "thin":
            diags.append(
                warning(
                    brand.where("logo") if logo else colours.at(name),
                    f"{what} printed in {name}: a press does not hold a line that thin (it breaks up or vanishes)",
                    f"draw the lines at least {THINNEST:g} pt wide as printed (at least {HAIRLINE:g} pt in a colour "
                    "of three or four plates)",
                ).at(*spots[(kind, name)][:MOST_PLACES])
            )
            continue
        diags.append(
            warning(
                brand.where("logo") if logo else colours.at(name),
                f"{what} printed in {name}, built from {plates(ink)} plates ({build}): a misregistration risk on "
                "press (coloured fringes)",
                _logo_hint(kind, name)
                if logo
                else f"set such text at {FINE_TEXT:g} pt or more and lines at {HAIRLINE:g} pt or more, or give the "
                "colour a build of one or two plates in the brand's 'cmyk:' colours",
            ).at(*spots[(kind, name)][:MOST_PLACES])
        )
    return diags


LOGO_COLOUR = "a colour of the logo"


def _small_text(r: Run) -> str:
    """What is wrong with a run of small type on press: 'text', built from three or four plates (misregistered
    fringes); 'tint', a tint of one plate (90 % K: screened, ragged, knocked out); '' for neither."""
    if plates(r.ink) >= MANY_PLATES:
        return "text"
    if plates(r.ink) == 1 and r.ink.space == "cmyk" and not r.ink.spot and max(r.ink.values) < 0.995:
        return "tint"
    return ""


def _logo_hint(kind: str, name: str) -> str:
    """What to change in a logo whose fine lines or small lettering (in `name`: a kit's colour, or its own) are
    built from three or four plates."""
    if kind == "detail" and name != LOGO_COLOUR and name.startswith("colors."):
        key = name.removeprefix("colors.").removeprefix("cmyk.")
        return (
            f"give the kit's {key} a build of one or two plates (colors.cmyk.{key}: the logo's {key} prints as it), "
            "draw the logo's small lettering in a colour of one or two plates (the kit's text colour prints as 100 % "
            "K), or make the logo taller (logo: {file: ..., height: ...}, in mm)"
        )
    if kind == "detail":
        return (
            "draw the logo's small lettering in a colour of one or two plates (a colour of the kit prints as the "
            "press edition prints it: the text colour as 100 % K, another as its 'cmyk:' build), or make the logo "
            "taller (logo: {file: ..., height: ...}, in mm)"
        )
    return "draw the logo's lines at least 0.5 pt wide as printed, or in a colour of one or two plates"


def _fine(shape: Shape, fill: Ink) -> float:
    """How wide the strokes of a filled shape of three or four plates are, where finer than FINE_DETAIL (small
    lettering); else 0."""
    if fill.spot or plates(fill) < MANY_PLATES:
        return 0.0
    across = stroke_width(shape.path, shape.even_odd)
    return across if 0 < across < FINE_DETAIL else 0.0


def _too_thin(shape: Shape, stroke: Ink) -> bool:
    """A line under 0.2 pt, in any colour (registration marks aside)."""
    return not stroke.spot and shape.line_width < THINNEST - 0.005


LINE_SHAPE = 4.0  # a filled shape this many times as long as it is wide is a line (a dot is not)


def _across(shape: Shape) -> float:
    """How wide a filled shape that is a line (LINE_SHAPE) is across, as printed (its box's: a thin diagonal is not
    seen); infinite for a shape that is no line."""
    narrow, long = sorted((shape.box.w, shape.box.h))
    return narrow if long >= LINE_SHAPE * narrow else math.inf


def _hairline(shape: Shape, stroke: Ink) -> bool:
    """A line under 0.5 pt in three or four plates (registration marks print on all plates on purpose)."""
    return not stroke.spot and shape.line_width < HAIRLINE - 0.005 and plates(stroke) >= MANY_PLATES


def _colour_name(colours: Colours, item: Frame, ink: Ink) -> str:
    """The brand key an ink is (or is a tint of); a colour of a figure that is no brand colour is the logo's own."""
    key = colours.key_of(ink)
    return LOGO_COLOUR if key.startswith("a colour near") and is_logo(item) else key


def _drawn_in(item: Frame) -> str:
    """What a line is part of, as a clinic names it: 'the logo', else its region and role ('inside figure')."""
    return "the logo" if is_logo(item) else f"{item.region} {item.role}"


def is_logo(item: Frame) -> bool:
    """The logo is the figure on the cover (or the flyer's front); the other figures are the layout's drawings."""
    return item.region in ("cover", "front") and item.role == "figure"
