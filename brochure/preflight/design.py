"""A Layout's frames -> Diagnostics on what a reader sees: type sizes, line widths, picture resolution, the QR code.

Read from what is printed: the size of every run set, every line against its column, every picture's pixels
over its drawn size, the QR code's modules as drawn and what is drawn around them. Contrast is in
preflight/contrast.py.
"""

from __future__ import annotations

import io
import itertools
import re
from collections import Counter

from PIL import Image as PILImage

from brochure.diagnostics import Diagnostic, Location, error, merged, shorten, warning
from brochure.geometry.sheet import MM, Rect
from brochure.inputs.brand import Brand
from brochure.inputs.chars import NBSP
from brochure.inputs.content import Content
from brochure.inputs.controls import LOGO_MM
from brochure.inputs.inline import display_url
from brochure.layout.model import Frame, Layout, Page, Picture, Run, Segment, Shape, Text
from brochure.layout.para import OVERRUN
from brochure.layout.qr import LEAST_MODULE
from brochure.limits import GOOD_PPI
from brochure.patterns import Later
from brochure.preflight.contrast import Colours, check_contrast, contrast
from brochure.preflight.pdf import MAX_INK, peak_ink
from brochure.preflight.placement import overset, place, run_place, where
from brochure.preflight.press import check_press, is_logo
from brochure.preflight.seen import check_artwork_seen, check_dots_seen, check_logo_seen
from brochure.remembered import by_identity
from brochure.theme.colors import ratio_text
from brochure.theme.styles import LARGE_PRINT

MIN_TYPE = 7.0  # pt: nothing smaller
MIN_BODY = 9.0  # pt: body text smaller than this is hard to read for many patients
MIN_PPI = 150.0
SLIVER_MM = 8.0  # a picture printed narrower or shorter than this shows nothing (a 300 x 5000 pixel one: 3 mm wide)
MIN_QR = 20 * MM  # the code with its quiet zone
QUIET = 4  # modules of clear, light space around the code
GOOD_MODULE = 0.33 * MM  # what phones read reliably
MIN_QR_CONTRAST = 3.0  # dark modules against the light ground: WCAG 2.1's least for graphics (1.4.11)
LIGHT = 1.5  # a colour within 1.5:1 of paper white counts as light ground for the QR code's quiet zone


def _texts(layout: Layout) -> list[Text]:
    return [i for page in layout.pages for i in page.items if isinstance(i, Text)]


RunAt = tuple[Run, int, Text]  # a run with its page and line: where it is printed (`run_place`), when it is asked


def _runs(layout: Layout) -> list[RunAt]:
    """Every run that prints something, with its page and line."""
    return [
        (r, n, t)
        for n, page in enumerate(layout.pages)
        for t in page.items
        if isinstance(t, Text)
        for r in t.runs
        if r.text.strip()
    ]


def check_type_sizes(layout: Layout, brand: Brand, content: Content | None = None) -> list[Diagnostic]:
    """No type under 7 pt anywhere (words, superscripts, drawing labels); body text at least 9 pt.

    The body size is the size most letters of the sections' paragraphs and lists are set in."""
    runs = _runs(layout)
    diags: list[Diagnostic] = []
    where_ = brand.where("fonts.body")
    if runs and min(r.size for r, _, _ in runs) < MIN_TYPE - 0.01:
        smallest, n, line = min(runs, key=lambda rp: rp[0].size)
        diags.append(
            error(
                where_,
                f"the smallest type is {smallest.size:.1f} pt ('{smallest.text.strip()[:30]}'), under {MIN_TYPE:g} pt",
                "shorten the words so nothing needs to shrink",
            ).at(run_place(n, line, smallest))
        )
    letters: Counter[float] = Counter()
    for t in _texts(layout):
        if t.role in ("paragraph", "list_item") and t.section:  # the sections' words, not the fine print
            for r in t.runs:
                letters[round(r.size, 2)] += len(r.text)
    diags += _large_print_sizes(layout, runs, where_, content)
    diags += _large_print_face(layout, brand)
    if letters:
        body = letters.most_common(1)[0][0]
        if body < MIN_BODY - 0.01:
            diags.append(
                warning(
                    where_,
                    f"body text is set in {body:g} pt, under {MIN_BODY:g} pt",
                    "patients read 9.5-10.5 pt body type comfortably: shorten the words so they need not shrink",
                )
            )
    return diags


def _large_print_sizes(layout: Layout, runs: list[RunAt], at: Location, content: Content | None) -> list[Diagnostic]:
    """A large-print edition keeps every word at its body size or more, its citation numbers too (RNIB clear print:
    no text smaller than the body): a drawing's long label shrunk to fit beside it would break that promise. Named
    at the label where it is one."""
    large = layout.body_size is not None and layout.body_size >= LARGE_PRINT.floor - 0.01
    if not large:
        return []
    least = LARGE_PRINT.floor
    small = [placed for placed in runs if placed[0].size < least - 0.01]
    if not small:
        return []
    smallest = min(placed[0].size for placed in small)  # (a drawing's labels shrink together: named by the longest,
    r, n, line = max((p for p in small if p[0].size <= smallest + 0.01), key=lambda rp: len(rp[2].text.strip()))
    said = line.text.strip()  # the one that made them shrink)
    if content is not None and line.role == "label":
        at = next((a for value, a in content.strings if ".labels." in a.key and said in value), at)
    return [
        warning(
            at,
            f"the large-print edition sets '{shorten(said)}' in {r.size:.1f} pt, under its {least:g} pt",
            "shorten the words that had to shrink (a drawing's labels, a long word in the title)",
        ).at(run_place(n, line, r))
    ]


def _large_print_face(layout: Layout, brand: Brand) -> list[Diagnostic]:
    """A large-print edition set in a body family that is not a sans-serif (clear-print guidance: a plain
    sans-serif face), as the fontpkg list names its kind: warned of at the kit's `fonts.body`. A family given as
    files, or one the list does not know, is not judged."""
    family = brand.body_font.family
    if layout.body_size is None or layout.body_size < LARGE_PRINT.floor - 0.01 or family is None:
        return []
    import fontpkg

    from brochure.theme.catalog import family_kinds  # (large print only)

    kinds = family_kinds().get(fontpkg.slugify(family), ())
    if not kinds or "sans-serif" in kinds:
        return []
    return [
        warning(
            brand.body_font.at,
            f"the large-print edition is set in {family}, a {kinds[0]} face: clear-print guidance asks for a plain"
            " sans-serif one, whose letters are told apart most easily",
            "name a sans-serif body family in the kit (`brochure fonts` lists them: Be Vietnam Pro, Atkinson"
            " Hyperlegible...); one kit sets every edition",
        )
    ]


def check_line_widths(layout: Layout, content: Content) -> list[Diagnostic]:
    """No line wider than its column: a word too long to break would run over the panel's edge."""
    diags: list[Diagnostic] = []
    for n, page in enumerate(layout.pages):
        for t in page.items:
            if not isinstance(t, Text) or (t.entry is not None and t.entry.list.endswith(".contact")):
                continue  # (a `contact:` block's line is the kit's: said at the kit, by layout/compose.py)
            over = t.overrun
            if over > OVERRUN:
                name = t.section or t.region
                word = max(_UNBROKEN.split(t.text), key=len, default=t.text)  # (words joined by no-break spaces
                # are one: the whole run is what cannot be broken)
                what, hint = _too_long(word)
                at = _written(content, page, t, word)
                if at.key.startswith("references["):
                    what, hint = _REFERENCE.get(at.key.rpartition(".")[2], (what, hint))
                diags.append(
                    error(
                        at,
                        f"{what} is {over / MM:.1f} mm too long for its column in '{name}' "
                        f"('{shorten(word.replace(NBSP, ' '))}')",
                        hint,
                    ).at(place(n, t.box))
                )
    return diags


_UNBROKEN = re.compile(r"[ \t]+")  # where a line may break between words (not at a no-break space)
_ADDRESS = Later(r"^(?:https?://|www\.)|\.[a-z]{2,}/", re.IGNORECASE)  # a web address, as written in text


_EMAIL = Later(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}", re.IGNORECASE)


def _too_long(word: str) -> tuple[str, str]:
    """What a run that cannot be broken is (a web or email address, or a word) and what to do about it."""
    if _ADDRESS.search(word):
        return "a web address", (
            "give a shorter address (the site's own page for it, or its home page), or write it as a link on words, "
            "[NHS: acne](https://...): a printed copy shows the words"
        )
    if _EMAIL.search(word):
        return "an email address", "give a shorter address, or write it as a link on words, [email us](mailto:...)"
    if "/" in word.strip("/"):  # ('Contraindications/complications/side-effects': no line breaks at a slash)
        return "a word", "words joined by slashes break only at a space: write 'a / b' (or 'a, b'), or shorten them"
    return "a word", (
        "shorten it, or mark where it may break with a soft hyphen (U+00AD, in double quotes "
        '"Mikronadelungs\\u00adbehandlung": a hyphen prints only where the line breaks); words joined by no-break '
        "spaces break only at a plain space"
    )


_REFERENCE = {  # a reference's address too long for its column (large print prints it in full): what, and the hint
    "url": (
        "a reference's web address",
        "give the reference a shorter address (its page without the query, or the site's page for it), or leave "
        "`url:` out where its DOI or text finds it",
    ),
    "doi": (
        "a reference's DOI",
        "a DOI cannot be shortened: leave `doi:` out and give the reference's web address as `url:`",
    ),
}


def _written(content: Content, page: Page, t: Text, word: str) -> Location:
    """Where the text a line prints is written: its own key path (a paragraph's, a list item's), else a reference's
    `doi:` or `url:` that the word prints, else the first text of its section (its heading, a card) with the whole
    line in it, or the word; else the section, keyed by where it prints."""
    strings = content.strings
    keys = {t.element, f"{t.entry.list}[{t.entry.number}]" if t.entry else ""}
    own = next((at for _, at in strings if at.key in keys), None)
    if own is not None:
        return own
    found = [
        (len(value), ref, name)
        for ref in content.references
        for name, value in (("doi", ref.doi), ("url", ref.url))
        if value and value in word
    ]
    if found:  # (the longest address the word prints: another reference's may begin the same way)
        _, ref, name = max(found, key=lambda f: f[0])
        return ref.field_at(name)
    index = next((i for i, s in enumerate(content.sections) if s.id == t.section), None)
    prefix = f"sections[{index}]." if index is not None else ""
    mine = [(value, at) for value, at in strings if at.key.startswith(prefix) and word in value]
    line = t.text.strip()
    return next((at for value, at in mine if line in value), mine[0][1] if mine else where(content, page, t))


def check_pictures(layout: Layout) -> list[Diagnostic]:
    """Effective resolution of every picture at its drawn size; equal across and down."""
    press = layout.sheet.target == "press"
    diags: list[Diagnostic] = []
    for n, page in enumerate(layout.pages):
        for f in page.items:
            if not isinstance(f, Picture):
                continue
            at = place(n, f.box)
            ppi_x, ppi_y = f.ppi
            low = min(ppi_x, ppi_y)
            near = low + 0.5  # within half a ppi: a picture resampled to fit is rounded to whole pixels
            size = f"{f.box.w / MM:.0f} x {f.box.h / MM:.0f} mm"
            if min(f.box.w, f.box.h) < SLIVER_MM * MM and not is_logo(f):
                tall = f.box.w < f.box.h
                thin = f"{min(f.box.w, f.box.h) / MM:.1f} mm {'wide' if tall else 'tall'}"
                times = max(f.box.w, f.box.h) / min(f.box.w, f.box.h)
                shape = f"{times:.0f} times as {'tall as it is wide' if tall else 'wide as it is tall'}"
                diags.append(
                    warning(f.at, f"the picture prints {thin}, too thin to show ({size}: {shape})", _SLIVER).at(at)
                )
            if _stretched(f):
                diags.append(
                    error(f.at, f"the picture is stretched ({ppi_x:.0f} x {ppi_y:.0f} ppi)", _PROPORTIONS).at(at)
                )
            if press and f.space == "CMYK":  # (its plates print as they are: the picture's, not a brand colour's)
                with PILImage.open(io.BytesIO(f.data)) as im:
                    ink = peak_ink(im.convert("CMYK"))
                if ink > MAX_INK + 0.005:
                    diags.append(
                        error(
                            f.at,
                            f"the CMYK picture needs {ink:.0%} total ink where darkest, over {MAX_INK:.0%}",
                            "its plates print as they are: convert it again to the printing condition's profile "
                            "(at most 300 % total ink), or give it in RGB, which is converted for you",
                        ).at(at)
                    )
            logo = _logo_hint(f)
            if near < MIN_PPI:
                diags.append(
                    error(
                        f.at,
                        f"the picture is {low:.0f} ppi at {size}: it will print soft",
                        logo or f"use at least {MIN_PPI:.0f} ppi, ideally {GOOD_PPI:.0f} ppi",
                    ).at(at)
                )
            elif press and near < GOOD_PPI:
                diags.append(
                    warning(
                        f.at,
                        f"the picture is {low:.0f} ppi at {size}; print shops ask for 300",
                        logo or f"use a picture of {f.box.w / 72 * GOOD_PPI:.0f} pixels wide or more",
                    ).at(at)
                )
    return diags


_PROPORTIONS = "keep its proportions"
_SLIVER = "crop it nearer to square: a picture reads at up to about 3 times as wide as it is tall, or as tall as wide"


def _logo_hint(f: Picture) -> str:
    """For the logo (the picture on the cover): the pixels it needs at the height it prints, and the ways out (a
    smaller height only where one a kit may give is sharp enough: not below the smallest a logo prints)."""
    if not is_logo(f):
        return ""
    tall, pixels, least = f.box.h / MM, f.pixels[1], LOGO_MM[0]
    sharp = int(pixels * 25.4 / GOOD_PPI)  # (the tallest it prints at 300 ppi, in whole millimetres)
    enough = int(pixels * 25.4 / MIN_PPI)  # (and at 150, above which it is no error)
    if sharp >= least and sharp < tall:
        smaller = f", or print it at most {sharp} mm tall with logo: {{file: ..., height: {sharp}}}"
    elif enough >= least and enough < tall:
        span = f"{least:g} to {enough}" if enough > least else f"{enough}"  # ("8 to 8 mm" is one height)
        height = "..." if enough > least else f"{enough}"
        smaller = f", or print it {span} mm tall with logo: {{file: ..., height: {height}}} (softer than 300)"
    elif tall < least + 0.5:
        smaller = f" ({least:g} mm is the smallest a logo prints)"
    else:
        smaller = f" (at {least:g} mm, the smallest a logo prints, it needs {least * GOOD_PPI / 25.4:.0f} pixels)"
    return (
        f"a picture logo needs 12 pixels per millimetre of its printed height for 300 ppi: "
        f"{tall * GOOD_PPI / 25.4:.0f} pixels tall at {tall:.0f} mm (its artwork has {pixels}); export it larger, or"
        f" use the SVG{smaller}"
    )


def _stretched(f: Picture) -> bool:
    """Drawn out of proportion by more than a pixel: the shape the pixels would fill at the drawn width, against
    the drawn height."""
    w, h = f.pixels
    return abs(f.box.h - f.box.w * h / w) > f.box.h * (1 / h + 1 / w + 0.01)


def qr_modules(page: Page) -> tuple[Shape, Shape | None, float] | None:
    """The QR code's dark modules as drawn, the light square under them, and one module's size; None if none."""
    shapes = [i for i in page.items if isinstance(i, Shape) and i.role == "qr" and i.fill is not None]
    if not shapes:
        return None
    light = max(shapes, key=lambda s: s.box.w * s.box.h) if len(shapes) > 1 else None
    dark = next(s for s in shapes if s is not light)
    return dark, light, module_size(dark.path) or dark.box.h


Box = tuple[float, float, float, float]  # left, bottom, right, top


@by_identity(16)
def module_runs(path: tuple[Segment, ...]) -> tuple[Box, ...] | None:
    """Each closed subpath of the QR code's dark path as the box of a run of dark modules; None if one is not an
    upright rectangle (m, three l, h). (The same path object is drawn in every build of one booking address and size:
    fixed geometry, art/fixed.py.)"""
    out: list[Box] = []
    points: list[tuple[float, ...]] = []
    for op, v in path:
        if op == "m":
            points = [v]
        elif op == "l":
            points.append(v)
        elif op == "h" and len(points) == 4:
            xs, ys = {p[0] for p in points}, {p[1] for p in points}
            turns = all((a[0] == b[0]) != (a[1] == b[1]) for a, b in zip(points, points[1:] + points[:1], strict=True))
            if len(xs) != 2 or len(ys) != 2 or not turns:
                return None
            out.append((min(xs), min(ys), max(xs), max(ys)))
            points = []
        else:
            return None  # a curve, an unclosed or a many-sided subpath
    return tuple(out) if out and not points else None


def module_size(path: tuple[Segment, ...]) -> float:
    """The height of the lowest module run: one module (0.0 if the path is not module runs)."""
    runs = module_runs(path)
    return min((top - foot for _, foot, _, top in runs), default=0.0) if runs else 0.0


def check_qr(layout: Layout, brand: Brand, colours: Colours) -> list[Diagnostic]:
    """The QR code as drawn: 20 mm or more with 4 light modules around it, modules a phone reads, dark on light."""
    where_ = brand.where("contact.booking_url")
    diags: list[Diagnostic] = []
    for n, page in enumerate(layout.pages):
        found = qr_modules(page)
        if found is None:
            continue
        dark, light, unit = found
        code = dark.box
        size = code.w + 2 * QUIET * unit
        ring = QUIET * unit
        at = place(n, Rect(code.x - ring, code.y - ring, code.w + 2 * ring, code.h + 2 * ring))
        if size < MIN_QR - 0.01:
            diags.append(
                error(
                    where_,
                    f"the QR code is {size / MM:.1f} mm with its quiet zone, under {MIN_QR / MM:.0f} mm",
                    "a shorter booking address makes a simpler code",
                ).at(at)
            )
        quiet = _quiet(page, dark, light, unit, colours)
        if quiet < QUIET - 0.01:
            diags.append(
                error(
                    where_,
                    f"the QR code's quiet zone is {quiet:.1f} modules, under {QUIET}",
                    "leave white space around it",
                ).at(at)
            )
        if unit < LEAST_MODULE:
            diags.append(
                error(
                    where_,
                    f"QR modules are {unit / MM:.2f} mm; under {LEAST_MODULE / MM:.2f} mm a phone cannot tell them "
                    "apart",
                    "shorten the booking address (fewer modules)",
                ).at(at)
            )
        elif unit < GOOD_MODULE:
            diags.append(
                warning(
                    where_,
                    f"QR modules are {unit / MM:.2f} mm; phones read 0.33 mm and up reliably",
                    "shorten the booking address (fewer modules)",
                ).at(at)
            )
        ground = light.fill if light is not None and light.fill is not None else None
        assert dark.fill is not None
        ratio = contrast(colours, dark.fill, ground)
        if ratio < MIN_QR_CONTRAST:
            key = colours.key_of(dark.fill)
            diags.append(
                error(
                    colours.at(key),
                    f"the QR code is printed in {key} on its light square, and the two differ too little for a "
                    f"phone to read it (contrast {ratio_text(ratio, MIN_QR_CONTRAST)}:1, under {MIN_QR_CONTRAST:g}:1)",
                    "use a dark text colour",  # (the press edition prints the code in 100 % K: never this)
                ).at(at)
            )
    return diags


def _quiet(page: Page, dark: Shape, light: Shape | None, unit: float, colours: Colours) -> float:
    """How many modules of light space surround the code: up to the nearest thing drawn that is not light ground."""
    code = dark.box
    reach = (QUIET + 1) * unit
    near = Rect(code.x - reach, code.y - reach, code.w + 2 * reach, code.h + 2 * reach)
    gap = reach
    for item in page.items:
        if item is dark or item is light or not _meets(item.box, near) or overset(item):
            continue  # (a line run over its column is the words' problem, reported as such)
        if light is not None and item.z < light.z and item.box.contains(light.box):
            continue  # the ground the square is printed on: judged below
        if _is_light(item, colours):
            continue
        apart = _distance(code, item.box)
        if light is not None and item.z < light.z:  # under the square, it shows only beyond the square's edge
            apart = max(apart, _margin(code, light.box))
        gap = min(gap, apart)
    if light is not None and not light.box.contains(code):
        gap = 0.0
    elif light is not None and _ground_under(page, light, colours):
        gap = min(gap, _margin(code, light.box))
    return gap / unit


def _ground_under(page: Page, light: Shape, colours: Colours) -> bool:
    """Whether what lies under the light square is not light too (then the square's own margin is the quiet zone)."""
    under = [i for i in page.items if isinstance(i, Shape) and i.z < light.z and i.box.contains(light.box)]
    return bool(under) and not _is_light(max(under, key=lambda s: s.z), colours)


def _is_light(item: Frame, colours: Colours) -> bool:
    if not isinstance(item, Shape):
        return False
    inks = [i for i in (item.fill, item.stroke) if i is not None]
    return all(contrast(colours, ink, None) < LIGHT for ink in inks)


def _meets(a: Rect, b: Rect) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.top and b.y < a.top


def _distance(a: Rect, b: Rect) -> float:
    """How far b lies outside a, across or down (a quiet zone is a square ring: the larger counts)."""
    dx = max(b.x - a.right, a.x - b.right, 0.0)
    dy = max(b.y - a.top, a.y - b.top, 0.0)
    return max(dx, dy)


def _margin(inner: Rect, outer: Rect) -> float:
    """The narrowest of outer's four margins around inner."""
    return min(inner.x - outer.x, outer.right - inner.right, inner.y - outer.y, outer.top - inner.top)


def check_addresses(layout: Layout, brand: Brand) -> list[Diagnostic]:
    """The clinic's web addresses, e-mail and phone number as printed: a line may break inside an address only
    before a '/', '@' or '.', the mark starting the next line (never 'clearwaterskin.co.' / 'uk' or inside a word;
    a phone number never). (The layout breaks before a dot only a name too wide for its line whole.)"""
    c = brand.contact
    tokens = [
        (display_url(c.booking_url), "contact.booking_url"),
        (display_url(c.website), "contact.website"),
        (c.email, "contact.email"),
        (c.phone_printed, "contact.phone"),
    ]
    diags: list[Diagnostic] = []
    for n, page in enumerate(layout.pages):
        pieces: dict[int, list[Text]] = {}
        for item in page.items:
            if isinstance(item, Text):
                pieces.setdefault(item.piece, []).append(item)
        for lines in pieces.values():
            texts = [t.text.strip(" ") for t in lines]
            joined = "".join(texts)
            ends = list(itertools.accumulate(len(text) for text in texts))[:-1]  # where lines break
            for token, key in tokens:
                start = joined.find(token) if token else -1
                while start >= 0:
                    marks = "" if key == "contact.phone" else "/@."
                    bad = [e - start for e in ends if start < e < start + len(token) and token[e - start] not in marks]
                    if bad:
                        cut = bad[0]
                        diags.append(
                            error(
                                brand.where(key),
                                f"'{token}' is printed broken across lines as '{token[:cut]}' / '{token[cut:]}'",
                                "this is a layout bug: please report it with the inputs",
                            ).at(*(place(n, t.box) for t in lines))
                        )
                    start = joined.find(token, start + 1)
    return merged(diags)


def check_design(layout: Layout, brand: Brand, content: Content, colours: Colours) -> list[Diagnostic]:
    return [
        *check_addresses(layout, brand),
        *check_press(layout, brand, colours),
        *check_line_widths(layout, content),
        *check_type_sizes(layout, brand, content),
        *check_contrast(layout, colours),
        *check_logo_seen(layout, brand, colours),
        *check_dots_seen(layout, colours),
        *check_artwork_seen(layout, colours),
        *check_pictures(layout),
        *check_qr(layout, brand, colours),
    ]
