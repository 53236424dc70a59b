"""A brand's logo file (SVG, PNG or JPEG) -> a checked vector Drawing or a loaded picture, or a Diagnostic.

An SVG is read and checked by inputs/svg.py, imported only for an SVG logo (lxml, svglib and ReportLab's shapes
are not loaded to read a kit otherwise, nor when a batch reads its kits for their names and files alone).

Transparent padding around the artwork (an artboard larger than the drawing, a PNG's clear border) is trimmed, so
the logo's printed height is the artwork's: a PNG by the bounds of its alpha channel's non-zero pixels (and a PNG's
or JPEG's by what of it is not white: the paper it prints on is), an SVG by
the bounds of what it draws (ReportLab's, which take the control points of curves, so never too small) widened
by its widest stroke. A side is trimmed only when its padding is over TRIM of the logo's shorter side: the hairline
margin exporters leave is kept. Trimming reads the file alone, so the same logo always gives the same bytes.
"""

from __future__ import annotations

import io
import math
from contextlib import nullcontext
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from brochure import limits
from brochure.diagnostics import Diagnostic, Location, error
from brochure.frozen import frozen
from brochure.geometry.sheet import MM, PAPER_SIZES
from brochure.inputs.controls import LOGO_MM
from brochure.inputs.files import PICTURE_ENDINGS, read_bytes, unreadable
from brochure.inputs.pictures import EMPTY, FILE_HINT, PictureData, Refusal, read_picture_then
from brochure.limits import GOOD_PPI
from brochure.remembered import Kept, content_key

if TYPE_CHECKING:
    from PIL import Image
    from reportlab.graphics.shapes import Drawing

TRIM = 0.02  # padding over this share of the logo's shorter side is trimmed; a hairline margin is kept
THINNEST = 50  # a logo's longer side over this many times its shorter one prints as a sliver (SVG or picture)
SVG_HINT = "export the logo again as plain SVG (shapes only), or use a PNG"
LOGO_HINT = f"use an SVG file, or {FILE_HINT.removeprefix('use ')}"  # (a logo file that cannot be read)
PICTURE_LOGOS = PICTURE_ENDINGS  # a logo with one of these endings is a picture (what it holds is checked)


Inks = tuple[tuple[tuple[int, int, int], tuple[float, float, float, float]], ...]  # sRGB (0-255) -> CMYK (0..1)


@frozen
class Logo:
    """Exactly one of drawing (SVG) or picture (PNG or JPEG) is set; size in points (SVG) or pixels (picture).
    Neither, in a kit read for its names and files alone (`unread`: a batch's stamps need the logo's path, not its
    artwork)."""

    drawing: Drawing | None
    picture: PictureData | None
    width: float
    height: float
    source: Path  # the file it was read from
    inks: Inks = ()  # a PNG's colours that print as given on press (the kit's colours' builds, its blacks 100 % K:
    # theme/cmyk.press_brand), set for the press edition

    @classmethod
    def unread(cls, path: Path) -> Logo:
        """The logo file named by a kit, not read."""
        return cls(None, None, 0.0, 0.0, path)


def load_logo(path: Path, at: Location) -> tuple[Logo | None, Diagnostic | None]:
    mismatch = _misnamed(path, at)
    if mismatch is not None:
        return None, mismatch
    if path.suffix.lower() in PICTURE_LOGOS:
        data, unread = read_bytes(path, limits.PICTURE_BYTES)
        if data is None:
            return None, error(at, f"logo cannot be used: {unread}", LOGO_HINT)
        key = content_key(data)
        pic, (w, h) = _PICTURE_LOGOS.answer(key, lambda: _picture_logo(data, path))
        del data  # (up to 40 MB: not held while the logo is checked)
        if isinstance(pic, Refusal) and pic.message == EMPTY:
            return None, error(at, "logo is a picture with nothing in it (every pixel is transparent)", _AGAIN)
        if isinstance(pic, Refusal):
            return None, error(at, f"logo cannot be used: {pic.message}", pic.hint)
        if pic is None:
            return None, error(at, "logo is a picture with nothing in it (every pixel is transparent)", _AGAIN)
        if max(w / h, h / w) > THINNEST:  # (a sliver a pixel or two tall: its rounding read as "stretched")
            return None, error(
                at,
                f"logo is {w:,} x {h:,} pixels, too long and thin to print",
                "use a version of the logo with the mark above or beside the name, about as tall as it is wide",
            )
        pic = pic if pic.source == path else replace(pic, source=path)  # (the same bytes under another name)
        return Logo(None, pic, float(w), float(h), path), None  # (its size the artwork's own pixels, not the copy's)
    from brochure.inputs.svg import load_svg  # (lxml, svglib and ReportLab's shapes only for an SVG logo)

    drawing, problem = load_svg(path, at)
    if drawing is None:
        return None, problem
    return Logo(drawing, None, float(drawing.width), float(drawing.height), path), None


_AGAIN = "export the logo again with its artwork in it, or use the SVG"

_PICTURE_LOGOS: Kept[tuple[PictureData | Refusal | None, tuple[int, int]]] = Kept(2)  # by the file's digest: init
# reads the logo it is given three times (the answer checked, the trial, the proof), and a watch reads a kit again


def _picture_logo(data: bytes, path: Path) -> tuple[PictureData | Refusal | None, tuple[int, int]]:
    """A PNG or JPEG logo's bytes -> the picture to print (trimmed, and no larger than it prints: `kept_size`), and
    the trimmed artwork's own size in pixels (what its shape, and any judgement of its pixels, is read from); a
    Refusal when it cannot be read, None when nothing of it shows (the size then (0, 0))."""
    trimmed = read_picture_then(data, path, lambda pic, pixels: _trim_picture(pic, pixels) or (None, (0, 0)))
    return (trimmed, (0, 0)) if isinstance(trimmed, Refusal) else trimmed


# The most a logo prints at: LOGO_MM's tallest (the cover's own LOGO_HEIGHT, grown for large print, is under it),
# and no wider than the longest side of any paper; KEPT_PPI at that size is kept, twice what print asks for, so that
# wherever it prints it is still over MOST_PPI and layout/images.py resamples it to GOOD_PPI as it did the whole
# picture (and a logo up to twice the tallest would still print at GOOD_PPI).
LOGO_MOST = (max(p.long for p in PAPER_SIZES.values()), LOGO_MM[1] * MM)  # points: wide, tall
KEPT_PPI = 2 * GOOD_PPI


def kept_size(pixels: tuple[int, int]) -> tuple[int, int]:
    """The pixels a picture logo of `pixels` keeps: KEPT_PPI at LOGO_MOST (its shape kept), or all it has if that
    is no more. A 6,600 x 6,000 logo was read, resampled and converted whole for each edition built (1.6 s a load,
    and init loads it three times); kept at this size, every build works on about a megapixel."""
    w, h = pixels
    k = KEPT_PPI / 72 * min(LOGO_MOST[0] / w, LOGO_MOST[1] / h)  # pixels kept per pixel
    return pixels if k >= 1 else (max(1, math.ceil(w * k)), max(1, math.ceil(h * k)))


_HELD = ((b"\x89PNG\r\n\x1a\n", "a PNG picture", ".png"), (b"\xff\xd8\xff", "a JPEG picture", ".jpg"))


def _misnamed(path: Path, at: Location) -> Diagnostic | None:
    """A logo whose bytes are of the other kind than its name's ending says (a PNG named logo.svg, an SVG named
    logo.png): read as its ending says, it was 'not well-formed XML' or 'not a PNG or JPEG'. Only a regular file's
    first bytes are read (a pipe is never waited on: the loaders refuse it)."""
    try:
        if not path.is_file():
            return None
        with path.open("rb") as f:
            head = f.read(512)
    except OSError:
        return None
    held = next(((what, end) for magic, what, end in _HELD if head.startswith(magic)), None)
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    svg = text.startswith(b"<svg") or (text.startswith(b"<?xml") and b"<svg" in head.lower())
    if held is None and svg:
        held = ("an SVG drawing", ".svg")
    if held is None or (held[1] == ".svg") == (path.suffix.lower() not in PICTURE_LOGOS):
        return None
    return error(
        at,
        f"logo '{path.name}' holds {held[0]}, not what its name's ending says: it is read by its ending",
        f"rename the file {path.stem}{held[1]}, and name it so in the kit",
    )


def unread_problem(path: Path, at: Location) -> Diagnostic | None:
    """What load_logo says of a logo file it would refuse unopened (not there, not a regular file, over its size),
    found without reading it: for a kit read for its names and files alone (`Logo.unread`). A pipe is never waited
    on, nor a file of gigabytes hashed for a batch's stamps before it is refused."""
    svg = path.suffix.lower() not in PICTURE_LOGOS
    problem = unreadable(path, limits.SVG_BYTES if svg else limits.PICTURE_BYTES)
    if not problem:
        return None
    return error(at, f"logo cannot be used: {problem}", SVG_HINT if svg else LOGO_HINT)


def _trim_picture(pic: PictureData, pixels: Image.Image | None = None) -> tuple[PictureData, tuple[int, int]] | None:
    """The picture with its border trimmed where nothing shows on the white paper the logo prints on: transparent
    pixels, and white ones (within NEAR_WHITE: a JPEG's white is never quite 255), as a picture exported on a white
    canvas has round its artwork (it printed the logo smaller, and moved in from the words' edge, by an invisible
    box), and its trimmed size. None when it is transparent throughout; kept as it is where its border is within
    the hairline margin. A margin of another colour (a badge's own ground) shows, and is kept. A CMYK picture's is
    read in its printable pixels, and its own plates cut alike (`_trimmed_plates`).

    The trimmed picture is resampled to `kept_size` in the same step (its cost still the whole picture's), except
    a CMYK picture's (its own plates print as they are: theme/cmyk.py) and a JPEG with nothing trimmed (the office
    edition embeds its bytes as they are, never decoded).

    `pixels`: the picture's bytes as decoded already (by the check that read it, its pixels whole), or None: they
    are decoded here."""
    from PIL import Image  # (a PNG logo: Pillow is loaded by then)

    with Image.open(io.BytesIO(pic.data)) if pixels is None else nullcontext(pixels) as im:  # (held: the caller's)
        w, h = im.size
        clear = im.mode in ("LA", "RGBA", "PA") or "transparency" in im.info  # (a grey or RGB colour key too)
        rgba = (im if im.mode in ("LA", "RGBA") else im.convert("RGBA")) if clear else None
        box = rgba.getchannel("A").getbbox() if rgba is not None else (0, 0, w, h)
        if box is None:
            return None
        if im.mode in _SHOWN:  # (a CMYK picture's too, read in its printable pixels: its plates cut alike)
            shown = _shown_box(rgba if rgba is not None else im)
            if shown is not None:  # (white throughout, a logo for dark grounds: it prints as its alpha says)
                box = (max(box[0], shown[0]), max(box[1], shown[1]), min(box[2], shown[2]), min(box[3], shown[3]))
        left, top, right, bottom = (int(v) for v in trim_box((0, 0, w, h), box, min(w, h) * TRIM))
        trimmed = (right - left, bottom - top)
        whole = (left, top, right, bottom) == (0, 0, w, h)
        size = trimmed if pic.plates or (whole and pic.data.startswith(b"\xff\xd8")) else kept_size(trimmed)
        if whole and size == trimmed:
            return pic, trimmed
        src = rgba if rgba is not None else im
        if size == trimmed:
            out = src.crop((left, top, right, bottom))
        else:  # (trimmed and made smaller at once: the trimmed picture is never written whole)
            if src.mode in ("1", "P"):  # (Pillow resamples these by the nearest pixel alone)
                src = src.convert("L" if src.mode == "1" else "RGB")
            out = src.resize(size, Image.Resampling.LANCZOS, box=(left, top, right, bottom))
        buf = io.BytesIO()
        icc = im.info.get("icc_profile")
        out.save(buf, format="PNG", compress_level=0, **({"icc_profile": icc} if icc else {}))  # (same pixels,
        # same bytes; stored as it is: ReportLab decodes it and compresses it again)
    plates = _trimmed_plates(pic.plates, (left, top, right, bottom), (w, h)) if pic.plates else b""
    return PictureData(buf.getvalue(), out.size, pic.source, pic.cost, plates), trimmed


def _trimmed_plates(plates: bytes, box: tuple[int, int, int, int], seen: tuple[int, int]) -> bytes:
    """A CMYK picture's own plates (a JPEG) cut to the box its printable pixels (of size `seen`: made smaller than
    the plates where the picture is larger than the sheet takes) were trimmed to, in the plates' own pixels, with
    its profile (at JPEG quality 95: the press edition converts and saves them again, at 92)."""
    from PIL import Image

    with Image.open(io.BytesIO(plates), formats=["JPEG"]) as im:
        icc = im.info.get("icc_profile")
        sx, sy = im.size[0] / seen[0], im.size[1] / seen[1]
        left, top, right, bottom = box
        own = (math.floor(left * sx), math.floor(top * sy), math.ceil(right * sx), math.ceil(bottom * sy))
        cut = im.crop(own)
    buf = io.BytesIO()
    cut.save(buf, format="JPEG", quality=95, **({"icc_profile": icc} if icc else {}))
    return buf.getvalue()


NEAR_WHITE = 12  # a pixel this close to white in every channel (of 255) shows nothing on white paper
_SHOWN = ("1", "L", "LA", "P", "PA", "RGB", "RGBA")  # the modes whose white is read (not CMYK: its plates print)


def _shown_box(im: Image.Image) -> tuple[int, int, int, int] | None:
    """The box round what of the picture shows on white paper: its pixels laid on white, those further from white
    than NEAR_WHITE in any channel. None when nothing does. Read a channel at a time (how far from white it is,
    times its opacity: as laid on white), so a 36-megapixel logo adds two 36 MB channels, not a copy in RGBA."""
    from PIL import ImageChops

    if im.mode in ("P", "PA"):
        im = im.convert("RGBA" if im.mode == "PA" or "transparency" in im.info else "RGB")
    elif im.mode == "1":
        im = im.convert("L")
    bands = im.getbands()
    alpha = im.getchannel("A") if "A" in bands else None
    far = [255 if v > NEAR_WHITE else 0 for v in range(256)]
    boxes = []
    for band in bands:
        if band == "A":
            continue
        off = ImageChops.invert(im.getchannel(band))  # (how far from white)
        if alpha is not None:
            off = ImageChops.multiply(off, alpha)  # (as laid on white paper)
        box = off.point(far).getbbox()
        if box is not None:
            boxes.append(box)
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def trim_box(
    whole: tuple[float, float, float, float], drawn: tuple[float, float, float, float], margin: float
) -> tuple[float, float, float, float]:
    """The box `whole` (x0, y0, x1, y1) with each side moved in to `drawn` where the padding between them is over
    `margin`; the other sides stay where they are."""
    x0, y0, x1, y1 = whole
    a0, b0, a1, b1 = max(drawn[0], x0), max(drawn[1], y0), min(drawn[2], x1), min(drawn[3], y1)
    return (
        a0 if a0 - x0 > margin else x0,
        b0 if b0 - y0 > margin else y0,
        a1 if x1 - a1 > margin else x1,
        b1 if y1 - b1 > margin else y1,
    )
