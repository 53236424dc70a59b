"""A Layout's frames + the edition's colours -> Diagnostics where text is printed too faint on what is beneath it.

Each run of text is judged against what is actually painted under it (a card's tint, a step's disc, the cover's
colour field, or the paper), in the edition's own colours: the press edition's CMYK as it will look on paper,
through the output profile. WCAG 2: 4.5:1 for text, 3:1 for large text (18 pt, or 14 pt bold). A failure names
the brand colour to change. What can be beneath a line is its own piece's shapes or decoration that bleeds:
anything else under it is an overlap, which preflight/placement.py reports.
"""

from __future__ import annotations

import colorsys
from dataclasses import replace

from reportlab.lib.colors import Color

from brochure.diagnostics import MOST_PLACES, Diagnostic, Location, Place, error
from brochure.frozen import frozen
from brochure.inputs.brand import Brand, Profile
from brochure.layout.model import Ink, Layout, Segment, Shape, Text, ink_of
from brochure.preflight.placement import run_place
from brochure.remembered import by_identity
from brochure.theme.cmyk import cmyk_to_rgb, convert
from brochure.theme.colors import Palette, contrast_ratio, hex_to_color, mix, ratio_text, relative_luminance
from brochure.theme.fonts import FontSet

TEXT, LARGE = 4.5, 3.0
PAPER = "paper white"


@frozen
class Colours:
    """The edition's colours: how to see an ink as printed, and which brand key each palette ink comes from."""

    press: bool
    profile: Profile | None
    names: tuple[tuple[Ink, str], ...]  # palette inks -> 'colors.primary' (or 'colors.cmyk.primary' for press)
    places: tuple[tuple[str, Location], ...]
    bold: frozenset[str]  # fonts that count as bold for WCAG's large-text rule
    written: tuple[tuple[str, str], ...] = ()  # 'colors.primary' -> its #RRGGBB, where the press converts it
    proof: Profile | None = None  # the press's profile, the office edition's too: a colour suggested reads as printed

    def rgb(self, ink: Ink | None) -> tuple[float, float, float]:
        if ink is None:
            return 1.0, 1.0, 1.0
        if ink.space == "gray":
            return ink.values[0], ink.values[0], ink.values[0]
        if ink.space == "cmyk":
            c, m, y, k = ink.values
            if self.profile is not None:
                return cmyk_to_rgb((c, m, y, k), self.profile)
            return (1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k)
        r, g, b = ink.values
        return r, g, b

    def key_of(self, ink: Ink | None, ground: bool = False, drawn: str = "") -> str:
        """The brand key an ink is, or is a tint of (a mix with the background, as the layout makes tints).

        An ink that is both a brand colour and white is named as the brand colour when it is the text's (the
        brand chose it), and as white when it is what the text is printed on; one that is two brand colours (a
        secondary and accent alike) as the one it is `drawn` in ('accent'), where the caller knows it."""
        if ink is None:
            return PAPER
        exact = [name for known, name in self.names if _same(known, ink)]
        if exact:
            return PAPER if ground and PAPER in exact else next((n for n in exact if n.endswith(f".{drawn}")), exact[0])
        tint = self.tint_of(ink)
        if tint is not None:
            share, name = tint
            return f"{_a(round(share * 100))} {share:.0%} tint of {name}"
        seen = self.rgb(ink)
        nearest = min(self.names, key=lambda kn: sum((a - b) ** 2 for a, b in zip(self.rgb(kn[0]), seen, strict=True)))
        return f"a colour near {nearest[1]}"

    def tint_of(self, ink: Ink) -> tuple[float, str] | None:
        """The share and brand key of the colour an ink is a tint of (mixed with the background, as the layout makes
        tints), the closest fit (a pale secondary's tint is near a pale primary's too, which it was taken for)."""
        background = self.background()[0]
        fits = [  # (equal fits, a colour that is two keys' alike: the first in names, where tints' colours come first)
            (fit[1], fit[0], i, name)
            for i, (known, name) in enumerate(self.names)
            if (fit := _tint_fit(known, background, ink))
        ]
        if not fits:
            return None
        _, share, _, name = min(fits)
        return share, name

    def background(self) -> tuple[Ink, str]:
        """The kit's background colour (what the tints are mixed into) and its brand key."""
        return next((ink, name) for ink, name in self.names if name.endswith(".background"))

    def at(self, key: str) -> Location:
        key = key.rpartition(" ")[2]  # 'a 16% tint of colors.secondary' is fixed at colors.secondary
        places = dict(self.places)
        return places.get(key) or places.get("colors", Location("brand.yaml", 1, 1, key))


def _a(number: int) -> str:
    """The article a number said aloud takes: 'an' 8, 11, 18 and 80-89 per cent ("an 8% tint"), else 'a'."""
    return "an" if number in (8, 11, 18) or 80 <= number <= 89 else "a"


def made_of(colour: Ink, ground: Ink, ink: Ink) -> bool:
    """Whether ink is the colour itself or a tint of it (mixed into ground, as the layout makes tints)."""
    return _same(colour, ink) or _tint(colour, ground, ink) is not None


def _tint(colour: Ink, ground: Ink, ink: Ink) -> float | None:
    """t when ink is t of colour mixed into ground (0 < t < 1), channel by channel; else None."""
    fit = _tint_fit(colour, ground, ink)
    return fit[0] if fit else None


def _tint_fit(colour: Ink, ground: Ink, ink: Ink) -> tuple[float, float] | None:
    """t when ink is t of colour mixed into ground (0 < t < 1), channel by channel, and how far off the furthest
    channel is; else None."""
    if not (colour.space == ground.space == ink.space):
        return None
    d = [c - g for c, g in zip(colour.values, ground.values, strict=True)]
    span = sum(v * v for v in d)
    if span < 1e-9:
        return None
    t = sum((i - g) * v for i, g, v in zip(ink.values, ground.values, d, strict=True)) / span
    off = max(abs(g + t * v - i) for i, g, v in zip(ink.values, ground.values, d, strict=True))
    return (t, off) if off < 2e-3 and 0 < t < 1 else None


def _same(a: Ink, b: Ink) -> bool:
    return a.space == b.space and all(abs(x - y) < 2e-3 for x, y in zip(a.values, b.values, strict=True))


def colours_for(
    brand: Brand, palette: Palette, fonts: FontSet, profile: Profile | None, proof: Profile | None = None
) -> Colours:
    """The edition's colours: office (RGB as written) or press (CMYK, seen through `profile`); `proof`: the press's
    profile, for the office edition's colour suggestions (each reads as the press prints it too)."""
    press = profile is not None
    own = {key for key, _ in brand.cmyk}
    names: list[tuple[Ink, str]] = []
    for key in ("primary", "secondary", "accent", "text", "white", "background"):  # tints are of the first three
        name = PAPER if key == "white" else f"colors.cmyk.{key}" if press and key in own else f"colors.{key}"
        names.append((ink_of(getattr(palette, key)), name))
    places = [(name, _where(brand, name)) for _, name in names if name != PAPER]
    places.append(("colors", brand.where("colors")))
    heavy = brand.heading_font.family is None or brand.heading_font.weight >= 600  # a file font: its bold face
    heavy_faces = (fonts.bold, fonts.bold_italic, *((fonts.heading,) if heavy else ()))
    bold = frozenset(face for own in heavy_faces for face in (own, *fonts.fallbacks_for(own)))  # and their fallbacks
    written = tuple(  # (the press edition's body text is black ink alone, whatever colors.text is)
        (f"colors.{key}", value) for key, value in brand.colors if key not in own and key != "text"
    )
    return Colours(press, profile, tuple(names), tuple(places), bold, written, proof or profile)


def _where(brand: Brand, key: str) -> Location:
    at = brand.where(key)
    if not at.line:  # nested CMYK keys may not be recorded: point at the 'cmyk:' block
        at = replace(brand.where("colors.cmyk" if ".cmyk." in key else "colors"), key=key)
    return at


def contrast(colours: Colours, a: Ink | None, b: Ink | None) -> float:
    """WCAG 2 contrast ratio of two inks as printed (None: the paper)."""
    la = _luminance(colours.rgb(a))
    lb = _luminance(colours.rgb(b))
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def _luminance(rgb: tuple[float, float, float]) -> float:
    return relative_luminance(Color(*rgb))


_ROLES = {
    "title": "the title",
    "heading": "headings",
    "paragraph": "body text",
    "list_item": "list items",
    "label": "labels",
    "caption": "captions",
    "folio": "page numbers",
}


def _role(line: Text) -> str:
    """What a line is, as the message names it: a paragraph of no section is a line of the cover or back (the
    kicker, the contact lines: 'body text' sent clinics to colors.text, which prints the sections' words)."""
    if line.role == "heading" and line.level >= 3:
        return "subheadings"
    if line.role == "paragraph" and not line.section and line.region in ("cover", "front", "back"):
        return f"the {line.region}'s lines"
    return _ROLES[line.role]


def check_contrast(layout: Layout, colours: Colours) -> list[Diagnostic]:
    """Every run of text against what is painted beneath it, as printed."""
    found: dict[tuple[str, str, float], tuple[set[str], float]] = {}
    spots: dict[tuple[str, str, float], list[Place]] = {}
    ratios: dict[tuple[Ink, Ink | None], float] = {}  # a few pairs of inks, met hundreds of times
    inks: dict[tuple[str, str, float], tuple[Ink, Ink | None]] = {}  # (the inks of each pair of keys)
    met: dict[tuple[Ink, Ink | None, float], None] = {}  # every pair of inks met and the contrast it asks (in order)
    for n, page in enumerate(layout.pages):
        grounds: dict[int, list[tuple[Shape, float, float, float, float]]] = {}  # each with its box's edges
        for item in page.items:
            if isinstance(item, Shape) and item.fill is not None and item.role != "mark":
                b = item.box
                grounds.setdefault(-1 if item.bleeds else item.piece, []).append((item, b.x, b.y, b.right, b.top))
        for line in page.items:
            if not isinstance(line, Text):
                continue
            beneath = [g for g in (*grounds.get(line.piece, ()), *grounds.get(-1, ())) if g[0].z < line.z]  # (painted
            # before the line: once for all its runs)
            for run in line.runs:
                if not run.text.strip():
                    continue
                x, y = run.x + run.width / 2, line.baseline + run.rise + run.size * 0.3
                under = [s for s, x0, y0, x1, y1 in beneath if x0 <= x <= x1 and y0 <= y <= y1 and inside(s, x, y)]
                ground = max(under, key=lambda s: s.z).fill if under else None
                pair = (run.ink, ground)
                ratio = ratios.get(pair)
                if ratio is None:
                    ratio = ratios[pair] = contrast(colours, *pair)
                large = run.size >= 18 or (run.size >= 14 and run.font in colours.bold)
                need = LARGE if large else TEXT
                met[(*pair, need)] = None
                if ratio >= need:
                    continue
                fg, bg = colours.key_of(run.ink), colours.key_of(ground, ground=True)
                role = _role(line)
                roles, worst = found.get((fg, bg, need), (set(), 99.0))
                found[(fg, bg, need)] = (roles | {role}, min(worst, ratio))
                inks.setdefault((fg, bg, need), pair)
                spots.setdefault((fg, bg, need), []).append(run_place(n, line, run))
    diags: list[Diagnostic] = []
    asked: dict[str, list[Wanted]] = {}  # a brand colour -> (it, against, need, the share if against is its tint)
    blamed = {_blamed(fg, bg) for fg, bg, _ in found}
    for ink, ground, need in met if found else ():  # (the pairs that pass too: a lighter colour suggested on a dark
        fg, bg = colours.key_of(ink), colours.key_of(ground, ground=True)  # background failed white labels on it)
        blame = _blamed(fg, bg)
        if blame in blamed and blame.startswith("colors."):
            tint = colours.tint_of(ground) if ground is not None and bg.endswith(f" tint of {blame}") else None
            share = tint[0] if tint is not None else 0.0  # (its own tint changes with it)
            asked.setdefault(blame, []).append((ground, ink, need, 0.0) if blame == bg else (ink, ground, need, share))
    values = {key: _reaching(wanted, colours, key) for key, wanted in asked.items()}
    for (fg, bg, need), (roles, worst) in sorted(found.items()):
        blame = _blamed(fg, bg)
        value = values.get(blame, "")
        way = _way(value, dict(colours.written).get(blame), inks[(fg, bg, need)], blame == bg) if value else ""
        said = f" (such as {value}: {way} in the same hue)" if value else ""
        names = sorted(roles)
        plural = len(names) > 1 or names[0].endswith("s")  # ('the title', 'body text'; 'headings')
        diags.append(
            error(
                colours.at(blame),
                f"{_join(names)} printed in {_name(fg)} on {_name(bg)} {'have' if plural else 'has'} a "
                f"contrast of {ratio_text(worst, need)}:1{' as printed' if colours.press else ''}, under {need:g}:1",
                f"change {blame.rpartition(' ')[2]} so the two differ more{said}" + _mixed(colours, bg),
            ).at(*spots[(fg, bg, need)][:MOST_PLACES])
        )
    return diags


def _way(value: str, written: str | None, pair: tuple[Ink, Ink | None], ground: bool) -> str:
    """'darker' or 'lighter': the colour suggested against the one it replaces (the kit's #RRGGBB where it has one:
    the press's ink is CMYK)."""
    was = pair[1] if ground else pair[0]
    rgb = was.values if was is not None and was.space == "rgb" else (1.0, 1.0, 1.0)
    before = hex_to_color(written) if written else Color(*rgb)
    return "darker" if relative_luminance(hex_to_color(value)) < relative_luminance(before) else "lighter"


def _blamed(fg: str, bg: str) -> str:
    """The colour a contrast error is said at: the brand's choice, not the paper."""
    return bg if fg == PAPER or fg.endswith("colors.background") else fg


Wanted = tuple[Ink | None, Ink | None, float, float]  # a colour, what it meets, the contrast asked, its tint's share


def _reaching(wanted: list[Wanted], colours: Colours, key: str) -> str:
    """The colour nearest a brand colour (`key`) in its own hue, darker or lighter, that reaches each contrast asked
    of it against what it meets ('#1A4D53'), for the hint: its lightness changed, its hue and saturation kept (HSL,
    as a design tool's 'darken' does; mixed with black, a pale pink #FFF0F5 became a grey #696264); '' when it is
    no RGB colour or none does. Against its own tint it is asked of the tint as it is and of the candidate's (a
    pale secondary's tint is near a pale primary's, and may be taken for it). Each is seen as printed in this
    edition and, for a colour the press converts (`written`), as printed by the press too: the suggestion builds
    both editions."""
    hexes = dict(colours.written)
    ink = wanted[0][0]
    if key in hexes:
        rgb: tuple[float, ...] = tuple(hex_to_color(hexes[key]).rgb())
    elif colours.press or ink is None or ink.space != "rgb":
        return ""  # (a colour the kit gives in CMYK itself, or no colour of the kit's)
    else:
        rgb = ink.values
    # Each pair is asked for 4.5:1, a large heading's too: the kit's colour prints in every layout, and in each as
    # small text somewhere (the back's lines, a link: large print's 16 pt at 3:1 is the folded leaflets' 8 pt).
    views: list[tuple[bool, Profile | None, float]] = [(colours.press, colours.profile, 0.0)]
    if not colours.press and key in hexes and colours.proof is not None:  # (the office's grounds converted stand
        views.append((True, colours.proof, PRESS_MARGIN))  # for the press's, whose tints its least dots move)
    elif colours.press and key in hexes:  # (the office prints the colour as written, and the press's grounds seen
        views.append((False, None, PRESS_MARGIN))  # stand for its own: a tint printed in least dots is near)
    hue, light, saturation = colorsys.rgb_to_hls(*rgb[:3])
    for end in (0.0, 1.0):  # (darker first: text and the colours it prints on are dark)
        for step in range(1, 101):  # (its lightness in steps of 1 % towards black or white: the first that reads)
            shade = colorsys.hls_to_rgb(hue, light + (end - light) * step / 100, saturation)
            mixed = [round(v * 255) for v in shade]
            colour = Color(*(m / 255 for m in mixed))
            if all(_reads(colours, colour, wanted, *view) for view in views):
                return "#" + "".join(f"{m:02X}" for m in mixed)
    return ""


PRESS_MARGIN = 0.25  # of contrast, asked beyond the need of an office suggestion seen as the press prints it
# (its grounds are the office's converted, not the press's own tints: a suggestion read 4.5:1 so, 4.4:1 printed)


def _reads(
    colours: Colours,
    colour: Color,
    wanted: list[Wanted],
    press: bool,
    profile: Profile | None,
    margin: float = 0.0,
) -> bool:
    """Whether a candidate colour reaches each contrast asked of it, at least 4.5:1 (and `margin` more), seen as
    the office prints it (its RGB) or as the press does (`press`: converted through `profile` and seen through
    it)."""

    def seen(c: Color | Ink | None) -> Color:
        if isinstance(c, Ink) and c.space == "rgb":  # (an office ink: as the press prints it, in the press's view)
            c = Color(*c.values)
        if isinstance(c, Color):
            return Color(*cmyk_to_rgb(_plates(convert(c, profile)), profile)) if press and profile else c
        return Color(*colours.rgb(c))

    it, paper = seen(colour), seen(colours.background()[0])
    for _, other, asked, share in wanted:
        need = max(asked, TEXT) + margin
        if contrast_ratio(it, seen(other)) < need:
            return False
        if share and contrast_ratio(it, mix(it, paper, share)) < need:
            return False
    return True


def _plates(c: Color) -> tuple[float, float, float, float]:
    return (c.cyan, c.magenta, c.yellow, c.black)


DARKER = 1.5  # a background this much darker than white (a contrast ratio) darkens the tints made with it


def _mixed(colours: Colours, ground: str) -> str:
    """What a tint beneath the text is mixed with, for the hint, when the background is dark enough to darken every
    tint (a lighter one would help)."""
    ink, background = colours.background()
    if " tint of " not in ground or contrast(colours, ink, None) < DARKER:  # (a white or pale background: no help)
        return ""
    return f", or {background}: the tint beneath is {ground.rpartition(' ')[2]} mixed into it"


def _name(key: str) -> str:
    return "white" if key == PAPER else key


def _join(words: list[str]) -> str:
    text = ", ".join(words[:-1]) + (" and " if len(words) > 1 else "") + words[-1]
    return text[0].upper() + text[1:]


def inside(shape: Shape, x: float, y: float) -> bool:
    """Whether (x, y) is inside the shape's filled area (curves followed closely enough for text)."""
    b = shape.box
    if not (b.x <= x <= b.right and b.y <= y <= b.top):
        return False
    winding, crossings = 0, 0
    for (x1, y1), (x2, y2) in _edges(shape):
        if (y1 <= y) != (y2 <= y):
            at = x1 + (y - y1) * (x2 - x1) / (y2 - y1)
            if at > x:
                crossings += 1
                winding += 1 if y2 > y1 else -1
    return crossings % 2 == 1 if shape.even_odd else winding != 0


Edge = tuple[tuple[float, float], tuple[float, float]]


def _edges(shape: Shape) -> tuple[Edge, ...]:
    return _path_edges(shape.path)


@by_identity(512)
def _path_edges(path: tuple[Segment, ...]) -> tuple[Edge, ...]:
    """A path's outline as straight edges, its curves in 8 steps (geometry alone, made once per path)."""
    edges: list[Edge] = []
    start = cur = (0.0, 0.0)
    for op, v in path:
        if op == "m":
            if cur != start:
                edges.append((cur, start))
            start = cur = (v[0], v[1])
        elif op == "l":
            edges.append((cur, (v[0], v[1])))
            cur = (v[0], v[1])
        elif op == "c":
            p0, p1, p2, p3 = cur, (v[0], v[1]), (v[2], v[3]), (v[4], v[5])
            prev = p0
            for i in range(1, 9):
                t = i / 8
                u = 1 - t
                pt = (
                    u**3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t**3 * p3[0],
                    u**3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t**3 * p3[1],
                )
                edges.append((prev, pt))
                prev = pt
            cur = p3
        elif op == "h":
            edges.append((cur, start))
            cur = start
    if cur != start:
        edges.append((cur, start))
    return tuple(edges)
