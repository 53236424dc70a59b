"""A picture file (content image or PNG logo) -> its checked, decoded-once PictureData, or why it cannot be used.

Pictures are recognised by their content, never by their name: only PNG and JPEG are opened, and anything
else (GIF, WebP, TIFF, EPS, which Pillow would hand to Ghostscript, ...) is refused unopened, named for what it is.
The size is read from the header and held to the budgets in `brochure.limits` before any pixel is decoded;
then the whole picture is decoded once, so a truncated file is an error here, not a crash or a partial
picture later. What would print wrong is normalised: 16-bit greys to 8-bit, EXIF orientation applied,
CMYK JPEGs to RGB, RGB in its own colour profile (Display P3, Adobe RGB) to sRGB, palettes with transparency to
RGBA. Plain 8-bit PNG and JPEG in sRGB (or no profile) keep their bytes as they are.
"""

from __future__ import annotations

import io
import math
import re
import struct
import threading
import warnings
from collections.abc import Callable
from dataclasses import replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from brochure import limits
from brochure.frozen import frozen
from brochure.geometry.sheet import PAPER_SIZES
from brochure.inputs.files import read_bytes
from brochure.remembered import content_key

if TYPE_CHECKING:
    from PIL import Image

FILE_HINT = f"use a PNG or JPEG file of at most {limits.PICTURE_BYTES // limits.MIB} MB"  # (one it cannot read)
R = TypeVar("R")
_ORIENTATION = 0x0112  # the EXIF tag a phone writes instead of turning the pixels
_KEEP = {("PNG", "1"), ("PNG", "L"), ("PNG", "LA"), ("PNG", "P"), ("PNG", "RGB"), ("PNG", "RGBA")}
_KEEP |= {("JPEG", "L"), ("JPEG", "RGB")}
_SIGNATURES = (  # what a refused file really is, by its first bytes (at an offset)
    (0, b"GIF8", "a GIF picture"),
    (0, b"BM", "a BMP picture"),
    (0, b"II*\x00", "a TIFF picture"),
    (0, b"MM\x00*", "a TIFF picture"),
    (0, b"%!PS", "an EPS (PostScript) file"),
    (0, b"\xc5\xd0\xd3\xc6", "an EPS (PostScript) file"),
    (0, b"%PDF", "a PDF document"),
    (0, b"8BPS", "a Photoshop (PSD) file"),
    (0, b"\x00\x00\x01\x00", "an icon (ICO) file"),
    (0, b"\xff\x4f\xff\x51", "a JPEG 2000 picture"),
    (4, b"jP  ", "a JPEG 2000 picture"),
    (0, b"\xff\x0a", "a JPEG XL picture"),
    (4, b"JXL ", "a JPEG XL picture"),
    (8, b"WEBP", "a WebP picture"),
    (4, b"ftypavif", "an AVIF picture"),
    (4, b"ftyphei", "a HEIC picture (an iPhone photo)"),
    (4, b"ftypmif1", "a HEIC picture (an iPhone photo)"),
    (0, b"PK\x03\x04", "a ZIP archive (a Word or PowerPoint file?)"),
)


@frozen
class PictureData:
    """A picture as it will be embedded: PNG or JPEG bytes, its pixel size as printed, and where it came from."""

    data: bytes
    pixels: tuple[int, int]  # width, height after EXIF orientation
    source: Path
    decoded: int = 0  # the pixels decoded to read it (its own, before it was made smaller); 0: as many as `pixels`
    plates: bytes = b""  # a CMYK picture's own plates (a CMYK JPEG as `data` is upright and sized, with its own
    # profile if it has one), which the press edition prints as separated rather than through sRGB (theme/cmyk.py)

    @cached_property
    def key(self) -> bytes:
        """What answers worked out from the picture are remembered by: its bytes' digest, and its plates' (worked out
        once a picture: a 40 MB one took 0.4 s, and a build places a content picture at each size it tries)."""
        return content_key(self.data) + (content_key(self.plates) if self.plates else b"")

    @property
    def cost(self) -> int:
        """The pixels it took to read: what the build's budget (limits.BUILD_PIXELS) counts."""
        return self.decoded or self.pixels[0] * self.pixels[1]


@frozen
class Refusal:
    """Why a picture cannot be used, in the user's terms, and what to do about it."""

    message: str
    hint: str


_AGAIN = "open it in a photo editor and save it again as PNG or JPEG"
EMPTY = "the picture has nothing in it (every pixel is transparent)"
_SMALLER = (
    "scale it down: 300 ppi at its printed size is plenty (about 1,000 pixels across for a full column; a phone's"
    " 48-megapixel photo saved at 12 megapixels, or 2,000 pixels across, is more than enough)"
)


def load_picture(path: Path, used: int = 0, logo: int = 0) -> PictureData | Refusal:
    """The picture at path, checked and decoded; `used` is the pixels already taken by the build's other pictures
    (`logo` of them its logo's)."""
    data, problem = read_bytes(path, limits.PICTURE_BYTES)
    if data is None:
        return Refusal(problem, FILE_HINT)
    return read_picture(data, path, used, logo)


def read_picture(data: bytes, path: Path, used: int = 0, logo: int = 0) -> PictureData | Refusal:
    """A picture file's bytes (read from path), checked and decoded, as load_picture."""
    return _read(data, path, used, logo, _itself, whole=False)


def read_picture_then(data: bytes, path: Path, then: Callable[[PictureData, Image.Image | None], R]) -> R | Refusal:
    """As read_picture, then `then` of the picture and the pixels the check decoded, while they are held: the file's
    own (a JPEG's too, at its own size), or None when the picture is a new encoding of them (normalised: then
    smaller than the sheet). A logo is trimmed from the pixels that were checked: a 40-megapixel one was decoded
    twice, once to check it and once to trim it."""
    return _read(data, path, 0, 0, then, whole=True)


# Python's warning filters are the process's, and `catch_warnings` restores what it found when it ends (before
# Python 3.14, not per thread): two builds reading pictures in threads at once (`serve`, a program's threads) each
# restored the other's filters, leaving the process ignoring every warning, or reading a picture under none of
# these. One reading at a time holds them (re-entrant: `then` may read another).
_WARNINGS = threading.RLock()


def _itself(pic: PictureData, pixels: Image.Image | None) -> PictureData:
    return pic


def _read(
    data: bytes, path: Path, used: int, logo: int, then: Callable[[PictureData, Image.Image | None], R], whole: bool
) -> R | Refusal:
    kind = _kind(data)
    if kind not in ("PNG", "JPEG"):
        if kind:
            return Refusal(f"the file is really {kind}: only PNG and JPEG pictures can be printed", _AGAIN)
        return Refusal(f"not a readable picture (the file is {'empty' if not data else 'not PNG or JPEG'})", _AGAIN)
    from PIL import Image  # (Pillow: when a picture is read)

    with _WARNINGS, warnings.catch_warnings():  # Pillow's warnings (a bomb, corrupt EXIF) are ours to word, not lines
        warnings.simplefilter("ignore")  # on stderr
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        return _decoded(data, kind, path, (used, logo), then, whole)


def _decoded(
    data: bytes,
    kind: str,
    path: Path,
    budget: tuple[int, int],
    then: Callable[[PictureData, Image.Image | None], R],
    whole: bool,
) -> R | Refusal:
    """Sizes from the header checked against the budgets first (`budget`: the pixels the build's other pictures
    took, and its logo's of them); then every byte decoded once (a plain JPEG at 1/8 of its size unless `whole`),
    and the picture and its pixels handed to `then`."""
    used, logo = budget
    from PIL import Image

    most = f"{limits.PICTURE_PIXELS / 1e6:.0f} megapixels"
    try:
        im = Image.open(io.BytesIO(data), formats=[kind])
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return Refusal(f"the picture has too many pixels to read: at most {most} are allowed for one picture", _SMALLER)
    except (OSError, SyntaxError, ValueError) as exc:
        return Refusal(f"not a readable picture ({_said(exc)})", _AGAIN)
    with im:
        w, h = im.size
        if w * h > limits.PICTURE_PIXELS:
            return Refusal(f"{w} x {h} pixels is more than a picture may have: at most {most}", _SMALLER)
        if used + w * h > limits.BUILD_PIXELS:
            before = "the pictures before it"
            if logo:
                before = "the logo and the pictures before it" if used > logo else "the logo"
            return Refusal(
                f"with {before}, the leaflet's pictures come to {(used + w * h) / 1e6:.0f} megapixels; "
                f"at most {limits.BUILD_PIXELS / 1e6:.0f} are allowed together",
                "scale the pictures down to 300 ppi at their printed size"
                + (
                    f"; the kit's logo counts {logo / 1e6:.0f} of them, and printed it needs about 1,000 pixels across:"
                    " a smaller logo file leaves the rest to the pictures"
                    if logo >= 1_000_000
                    else ""
                ),
            )
        if w < 1 or h < 1:
            return Refusal("the picture has no pixels", _AGAIN)
        damage = icc_damage(im.info["icc_profile"]) if im.info.get("icc_profile") else ""
        if damage:  # (its colours cannot be known: converted through it, they print other colours, unsaid)
            return Refusal(
                f"its embedded colour profile is damaged: {damage}",
                "export the picture again with its colour profile embedded (or with none: sRGB for an RGB picture,"
                " the press's own for CMYK)",
            )
        as_is = kind == "JPEG" and _as_is(im, kind)
        if as_is and not whole:  # only checking: every byte is still decoded, at 1/8 size (1/64 of the memory)
            im.draft(None, (max(1, w // 8), max(1, h // 8)))
        try:
            im.load()
            if _transparent_throughout(im):  # (it printed as a blank box, its alternative text read out)
                return Refusal(EMPTY, "export the picture again with its pixels in it (was every layer hidden?)")
            if as_is or _as_is(im, kind):  # (a PNG's EXIF may come after its pixels)
                pic, pixels = PictureData(data, (w, h), path), (im if whole else None)
            else:
                pic, pixels = replace(_normalised(im, kind, path, data), decoded=w * h), None
        except (OSError, SyntaxError, ValueError, EOFError) as exc:
            if "truncated" in str(exc) or isinstance(exc, EOFError):
                return Refusal(
                    "the picture data stops part-way (the file is cut short or damaged)",
                    "copy or export the picture again: this file did not arrive whole",
                )
            return Refusal(f"not a readable picture ({_said(exc)})", _AGAIN)
        return then(pic, pixels)  # (outside the try: what `then` raises is its own, not an unreadable picture)


def icc_damage(data: bytes) -> str:
    """Why an embedded or given ICC profile is not whole ('' if it is): no header, or fewer bytes than its header
    says. LittleCMS reads such a profile without complaint, and converts with the numbers it finds past its end:
    a CMYK photo's 100 % K black printed 99/81/77/226 through a GRACoL profile cut short."""
    if len(data) < 128 or data[36:40] != b"acsp":
        return "not a readable ICC profile (no ICC header)"
    declared = int.from_bytes(data[:4], "big")
    if declared > len(data):
        return f"the ICC profile is cut short ({len(data):,} of its {declared:,} bytes)"
    return ""


def _transparent_throughout(im: Image.Image) -> bool:
    """Whether every pixel of a picture with transparency is wholly transparent (it would print nothing)."""
    if im.mode in ("LA", "RGBA", "PA"):
        return im.getchannel("A").getbbox() is None
    if "transparency" in im.info:  # (a palette's transparent entry, or one RGB or grey colour made transparent)
        return im.convert("RGBA").getchannel("A").getbbox() is None
    return False


def _said(exc: BaseException) -> str:
    """What a picture library said went wrong, without the Python objects it names ("cannot identify image file
    <_io.BytesIO object at 0x7f...>": the file, as the message names it already)."""
    return re.sub(r"\s*<[^<>]* object at 0x[0-9a-fA-F]+>", "", str(exc)).strip() or type(exc).__name__


def _kind(data: bytes) -> str:
    """'PNG', 'JPEG', or what else the bytes are ('a GIF picture', ...), or '' when unknown."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if data.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    for offset, magic, name in _SIGNATURES:
        if data[offset : offset + len(magic)] == magic:
            return name
    text = data[:256].lstrip().lower()
    if text.startswith((b"<svg", b"<?xml")) or b"<svg" in text:
        return "an SVG drawing"
    return ""


_TURNS = {  # EXIF orientation -> what puts the picture upright (a name of Pillow's Image.Transpose)
    2: "FLIP_LEFT_RIGHT",
    3: "ROTATE_180",
    4: "FLIP_TOP_BOTTOM",
    5: "TRANSPOSE",
    6: "ROTATE_270",
    7: "TRANSVERSE",
    8: "ROTATE_90",
}


def _turn(im: Image.Image) -> Image.Transpose | None:
    """How to put the picture upright by its EXIF orientation (a phone's 'turn me'), if it says so."""
    try:
        value = im.getexif().get(_ORIENTATION)
    except (OSError, SyntaxError, ValueError, TypeError, KeyError, IndexError, struct.error):
        return None  # EXIF too damaged to say: print the pixels as stored
    from PIL import Image

    name = _TURNS.get(value) if isinstance(value, int) else None
    return None if name is None else Image.Transpose[name]


def _as_is(im: Image.Image, kind: str) -> bool:
    """Whether ReportLab prints the file's own bytes right: 8-bit PNG or JPEG, upright, no palette transparency,
    its colours sRGB (no profile, or an sRGB one)."""
    palette_alpha = im.mode == "P" and "transparency" in im.info
    plain = (kind, im.mode) in _KEEP and _turn(im) is None and not palette_alpha and im.format == kind  # (not MPO)
    return plain and _own_profile(im) is None


def _own_profile(im: Image.Image) -> bytes | None:
    """An RGB picture's embedded colour profile when it is not sRGB (an iPhone's Display P3, an agency's Adobe RGB):
    its numbers mean other colours than the same numbers in sRGB, which is what the PDF and the press conversion
    read them as. None for a picture without one, with an sRGB one, or with one that cannot be read."""
    icc = im.info.get("icc_profile")
    if not icc or im.mode not in ("RGB", "RGBA", "P", "PA"):  # (a palette's colours are RGB)
        return None
    from PIL import ImageCms  # (colour management only for a picture with its own profile)

    try:
        profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        description = ImageCms.getProfileDescription(profile)
        space = profile.profile.xcolor_space
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError, AttributeError):
        return None
    return None if "srgb" in (description or "").lower() or space.strip() != "RGB" else bytes(icc)


def _to_srgb(im: Image.Image) -> Image.Image:
    """An RGB(A) picture with its own profile (_own_profile) in sRGB, its transparency kept: as it looks."""
    icc = _own_profile(im)
    if icc is None:
        return im
    from PIL import ImageCms

    try:
        own, srgb = ImageCms.ImageCmsProfile(io.BytesIO(icc)), ImageCms.createProfile("sRGB")
        rgb = ImageCms.profileToProfile(im.convert("RGB"), own, srgb, outputMode="RGB")
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        return im
    if rgb is None:
        return im
    if im.mode == "RGBA":
        rgb.putalpha(im.getchannel("A"))
    return rgb


def _normalised(im: Image.Image, kind: str, path: Path, data: bytes) -> PictureData:
    """A deterministic re-encoding that prints right: EXIF orientation applied, 8-bit L/RGB(A) pixels, at most
    as many as the sheet takes at 300 ppi (`_at_most_the_sheet`)."""
    turn = _turn(im)
    upright = im if turn is None else im.transpose(turn)
    out = _at_most_the_sheet(upright)
    buf = io.BytesIO()
    if kind == "JPEG" and out.mode in ("L", "RGB"):
        out.save(buf, format="JPEG", quality=95)
    else:  # (the layout decodes it and ReportLab compresses it again: quick to write beats small, so it is stored
        # uncompressed; a 40-megapixel palette PNG with transparency took 16 s at the default level, 1.6 s at 1)
        out.save(buf, format="PNG", compress_level=0)
    plates = b"" if im.mode != "CMYK" else data if turn is None else _plates(upright, out.size)
    return PictureData(buf.getvalue(), out.size, path, plates=plates)


def _plates(im: Image.Image, size: tuple[int, int]) -> bytes:
    """A CMYK picture turned upright, its own plates at `size`, as a JPEG with its own profile (one that needs no
    turn keeps its file's bytes, read and made smaller by the press edition only): through sRGB and back, a 100 % K
    black came out 67/59/45/93 and a 100 % C cyan 39/0/16/0."""
    from PIL import Image

    plates = im if im.size == size else im.resize(size, Image.Resampling.LANCZOS)
    buf = io.BytesIO()
    plates.save(buf, format="JPEG", quality=95, icc_profile=im.info.get("icc_profile"))
    return buf.getvalue()


# The most pixels a picture's longer side can use: the longest sheet's longer side at 300 ppi. Placed anywhere on a
# sheet, such a picture has 300 ppi or more; one with more pixels is resampled where it is placed anyway.
SHEET_PIXELS = math.ceil(max(p.long for p in PAPER_SIZES.values()) / 72 * limits.GOOD_PPI)


STRIP_PIXELS = 2_000_000  # of a picture made smaller at load, the pixels made printable and resized at a time


def _at_most_the_sheet(im: Image.Image) -> Image.Image:
    """A picture in its printable form (`_printable_mode`), made no larger than SHEET_PIXELS on its longer side (a
    40-megapixel one was written, read and resampled at that size three times over: 20 s), a strip of rows at a
    time, each with the rows the filter reaches on either side: the picture is never whole in its printable form
    at its own size (a 40-megapixel palette with transparency, four bytes a pixel, took 530 MB)."""
    w, h = im.size
    if max(w, h) <= SHEET_PIXELS:
        return _printable_mode(im)
    from PIL import Image

    k = SHEET_PIXELS / max(w, h)
    size = (max(1, round(w * k)), max(1, round(h * k)))
    scale = h / size[1]  # source rows an output row stands for
    reach = math.ceil(3 * max(scale, 1.0)) + 2  # the Lanczos filter's rows on either side (its support is 3)
    rows = max(1, math.floor(STRIP_PIXELS / w / scale))  # output rows a strip makes
    out: Image.Image | None = None
    for y0 in range(0, size[1], rows):
        y1 = min(size[1], y0 + rows)
        top, bottom = max(0, math.floor(y0 * scale) - reach), min(h, math.ceil(y1 * scale) + reach)
        strip = _printable_mode(im.crop((0, top, w, bottom)))
        part = strip.resize(
            (size[0], y1 - y0), Image.Resampling.LANCZOS, box=(0, y0 * scale - top, w, y1 * scale - top)
        )
        out = out or Image.new(part.mode, size)
        out.paste(part, (0, y0))
    assert out is not None
    return out


def _printable_mode(im: Image.Image) -> Image.Image:
    """L, RGB or (with transparency) LA/RGBA pixels with 8 bits a channel, RGB in sRGB."""
    if im.mode in ("RGB", "RGBA"):
        return _to_srgb(im)
    if im.mode in ("L", "LA"):
        return im
    if im.mode.startswith("I") or im.mode == "F":  # 16-bit greys (I;16): scale to 8 bits, do not clip
        return im.convert("I").point(lambda v: v * (255 / 65535)).convert("L")
    if im.mode == "CMYK":
        return _cmyk_to_rgb(im)
    if im.mode in ("PA", "P") and ("transparency" in im.info or im.mode == "PA"):
        return _to_srgb(im.convert("RGBA"))  # (its own profile kept with it: `convert` keeps `info`)
    if im.mode == "1":
        return im.convert("L")
    return _to_srgb(im.convert("RGB"))


ICC = Path(__file__).resolve().parent.parent / "data" / "icc"  # the shipped printing conditions' profiles
UNTAGGED_CMYK = ICC / "brochure-fogra39-300.icc"  # what an untagged CMYK picture's plates are taken to mean: coated
# offset (FOGRA39), the default printing condition's, as the press edition prints them as they are (theme/cmyk.py)


def _cmyk_to_rgb(im: Image.Image) -> Image.Image:
    """A CMYK picture in RGB, through its own embedded profile when it has a readable one, else through
    UNTAGGED_CMYK (Pillow's own sum of plates turned the kit's teal green and coral pink in the office edition)."""
    from PIL import ImageCms  # (colour management only for a CMYK picture)

    icc = im.info.get("icc_profile")
    srgb = ImageCms.createProfile("sRGB")
    for source in ((io.BytesIO(icc),) if icc else ()) + (str(UNTAGGED_CMYK),):
        try:
            rgb = ImageCms.profileToProfile(im, ImageCms.ImageCmsProfile(source), srgb, outputMode="RGB")
        except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
            continue
        if rgb is not None:
            return rgb
    return im.convert("RGB")
