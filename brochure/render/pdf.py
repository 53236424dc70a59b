"""A Layout's frames + document metadata (+ the office edition's structure) -> PDF bytes (the only stage that draws
on a canvas, and all it draws).

Every item is drawn from its data: text lines run by run, shapes from their paths, pictures from their bytes,
links and bookmarks. Given a Structure (render/structure.py), what is drawn is marked as it is drawn: each stretch
of an element's content between `/Tag <</MCID n>> BDC` and `EMC`, decoration between `/Artifact BMC` and `EMC`
(output/pdfua.py then writes the structure tree that the MCIDs point into). Nothing process-wide is changed for a
build: the canvas is given its own base font, and the one ReportLab setting brochure relies on (binary, not
ASCII85, streams) is set once, on import, as is a quicker stand-in for ReportLab's encoding of the PDF's plain text
(`_pdfdoc_encoded`: the same bytes).
"""

from __future__ import annotations

import hashlib
import io
import re
import time
import zlib
from collections.abc import Callable, Iterator, Mapping
from functools import lru_cache
from typing import Any

from reportlab import rl_config
from reportlab.lib.colors import CMYKColor, CMYKColorSep, Color
from reportlab.lib.rl_accel import fp_str
from reportlab.lib.utils import ImageReader, TimeStamp, _digester
from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.pdfdoc import PDFStream
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfbase.ttfonts import ShapedStr
from reportlab.pdfgen.canvas import FILL_EVEN_ODD, FILL_NON_ZERO, PATH_OPS, Canvas
from reportlab.pdfgen.pathobject import PDFPathObject

from brochure.frozen import frozen
from brochure.layout.model import Clip, Frame, Ink, Layout, Page, Picture, Run, Segment, Shape, Text
from brochure.remembered import by_identity
from brochure.render.structure import ARTIFACT, Marked, Structure
from brochure.theme.fonts import forget_document
from brochure.vocabulary import direction

rl_config.useA85 = 0  # binary streams: smaller files, faster builds (read when a stream is written; never toggled)

_NOT_PLAIN = re.compile("[^\t\n\r\x20-\x7e]")  # what PDFDocEncoding does not write as ASCII writes it
_encoded_by_codec = pdfdoc.pdfdocEnc


def _pdfdoc_encoded(x: object) -> object:
    """ReportLab's `pdfdocEnc` (the text of every number, name and string of the PDF's objects, in PDFDocEncoding),
    the same bytes, the same errors: plain ASCII text (nearly all of it) encoded as ASCII, the rest by ReportLab's
    codec. Its codec, written in Python, took 15 M of a tri-fold's 120 M instructions of writing: about 1,600 short
    strings, mostly the fonts' widths."""
    if isinstance(x, str) and x.isascii() and not _NOT_PLAIN.search(x):
        return x.encode("ascii")
    return _encoded_by_codec(x)


pdfdoc.pdfdocEnc = _pdfdoc_encoded  # (once, on import: pure, the same output; pdfdoc's format reads it by name)


@frozen
class Meta:
    title: str
    author: str
    subject: str
    keywords: tuple[str, ...]
    language: str
    base_font: str
    press: bool = False
    created: int = 0  # seconds since 1970 (UTC): the file's creation and modification date


class _Embedded(ImageReader):  # type: ignore[misc]
    """ReportLab's ImageReader, but a JPEG is named by its bytes instead of by decoding every pixel.

    ReportLab names each image by a digest of its decoded pixels, though it embeds a JPEG's own bytes:
    for a 40-megapixel photo that costs 240 MB and a second or so, for nothing.
    """

    def getRGBData(self) -> bytes:
        if self.jpeg_fh() is None:  # PNG pixels are needed anyway
            return bytes(super().getRGBData())
        self._dataA = None  # the alpha ReportLab's canvas reads after this call: a JPEG has none
        fh = self.jpeg_fh()
        data = fh.read()
        fh.seek(0)
        return bytes(data)


def render(layout: Layout, meta: Meta, structure: Structure | None = None) -> bytes:
    """Draw every page (marked as the structure says, if one is given); the same inputs always give the same
    bytes."""
    buf = io.BytesIO()
    sheet = layout.sheet
    trim, bleed = sheet.trim, sheet.bleed_box
    canvas = Canvas(
        buf,
        pagesize=(sheet.media.w, sheet.media.h),
        invariant=1,
        pageCompression=1,
        initialFontName=meta.base_font,
        initialFontSize=10,
        lang=meta.language,
        trimBox=(trim.x, trim.y, trim.right, trim.top) if meta.press else None,
        bleedBox=(bleed.x, bleed.y, bleed.right, bleed.top) if meta.press else None,
        # No enforceColorSpace: ReportLab's CMYK modes turn any dark CMYK colour whose RGB preview is
        # grey into plain black. Colours are converted before this stage; preflight proves no RGB is left.
    )
    canvas._doc._timeStamp = _time_stamp(meta.created)  # ours, not the process's SOURCE_DATE_EPOCH or 2000-01-01
    canvas.setTitle(meta.title)
    canvas.setAuthor(meta.author)
    canvas.setSubject(meta.subject)
    canvas.setKeywords(", ".join(meta.keywords))
    canvas.setCreator("brochure")
    canvas.setProducer("brochure (ReportLab)")
    if not meta.press:  # the office edition: how to print it on both sides (a folded sheet is landscape), at its
        canvas.setViewerPreference("Duplex", duplex(layout))  # size: "fit to the printable area" would move the
        canvas.setViewerPreference("PrintScaling", "None")  # folds a few millimetres off the panels' edges
    canvas.setViewerPreference("DisplayDocTitle", "true")
    if direction(meta.language) == "rtl":  # pages side by side (two-up, large print) read from the right
        canvas.setViewerPreference("Direction", "R2L")
    try:
        for i, page in enumerate(layout.pages):
            _draw_page(canvas, page, meta.press, structure.marks[i] if structure is not None else None)
            canvas.showPage()
        for title, key in layout.outline:
            canvas.addOutlineEntry(title, key, level=0)
        canvas.showOutline()
        _compress_pages(canvas)
        canvas.save()
    finally:
        forget_document(canvas._doc, list(canvas._doc.fontMapping))
    return _own_id(buf.getvalue())


PAGE_FLATE_LEVEL = 4  # zlib level of the page streams: a third of the default's time, files about 5 % larger


class _PageFlate:
    """A Flate filter at PAGE_FLATE_LEVEL (ReportLab's own compresses at zlib's default, 6). Given to each page's
    stream of this canvas only: nothing process-wide changes."""

    pdfname = "FlateDecode"

    def encode(self, text: str | bytes) -> bytes:
        data = text.encode("utf8") if isinstance(text, str) else text
        return zlib.compress(data, PAGE_FLATE_LEVEL)


def _compress_pages(canvas: Canvas) -> None:
    """Give every page its content stream now, compressed by _PageFlate (ReportLab makes it on save otherwise).
    The page streams are most of a leaflet's bytes to compress (vector artwork): level 6 took about 9 ms a
    tri-fold, level 4 takes 3."""
    for page in canvas._doc.Pages.pages:
        if page.Contents is None and page.stream:
            stream = PDFStream(content=page.stream, filters=[_PageFlate()])
            stream.__Comment__ = "page stream"
            page.Contents = stream


def _time_stamp(created: int) -> TimeStamp:
    """ReportLab's time stamp, set to `created` (UTC) whatever the environment says."""
    ts = TimeStamp(True)
    lt = time.gmtime(created)
    ts.t, ts.lt, ts.YMDhms, ts.dhh, ts.dmm, ts.tzname = created, lt, tuple(lt)[:6], 0, 0, "UTC"
    return ts


_ID = re.compile(rb"/ID\s*\n?\[<([0-9a-fA-F]{32})><([0-9a-fA-F]{32})>\]|\n\[<([0-9a-fA-F]{32})><([0-9a-fA-F]{32})>\]")


def _own_id(pdf: bytes) -> bytes:
    """The file identifier made from the file itself (ReportLab's depends only on the document's information, so
    every edition of a leaflet had the same, and on the process's SOURCE_DATE_EPOCH, so a worker with another
    environment gave another): an MD5 of the bytes without ReportLab's, written over it in place (same length)."""
    m = _ID.search(pdf, max(pdf.rfind(b"trailer"), 0))  # (looked for in the trailer, at the file's end: from the
    # file's start, the search was a tenth of rendering a tri-fold)
    if m is None:
        return pdf
    start, end = (m.start(1), m.end(2)) if m.group(1) else (m.start(3), m.end(4))
    digest = hashlib.md5(pdf[:start] + pdf[end:], usedforsecurity=False).hexdigest().encode()
    return pdf[:start] + digest + b"><" + digest + pdf[end:]


def duplex(layout: Layout) -> str:
    """The office printer's duplex setting: one side only, or turn the sheet over its short edge (landscape) or
    its long edge (portrait), so the back prints the right way up."""
    if len(layout.pages) < 2:
        return "Simplex"
    media = layout.sheet.media
    return "DuplexFlipLongEdge" if media.h > media.w else "DuplexFlipShortEdge"


def _black(ink: Ink) -> bool:
    """100 % black and nothing else: the ink a press lays over whatever is beneath (no white gap if misregistered)."""
    return ink.space == "cmyk" and not ink.spot and ink.values == (0.0, 0.0, 0.0, 1.0)


def _overprinted(canvas: Canvas, item: Any, press: bool, overprint: bool, draw: Callable[[Canvas, Any], None]) -> None:
    """Black text and thin black strokes overprint in the press edition (PDF/X-1a allows it; mode 1, so the
    other plates beneath show through instead of being knocked out)."""
    if not (press and overprint):
        draw(canvas, item)
        return
    canvas.saveState()
    canvas.setFillOverprint(True)
    canvas.setStrokeOverprint(True)
    canvas.setOverprintMask(1)
    draw(canvas, item)
    canvas.restoreState()


def _draw_page(canvas: Canvas, page: Page, press: bool, marks: Mapping[int, tuple[Marked, ...]] | None) -> None:
    """The page's items in paint order; with `marks`, each marked as what it is (decoration in a row, under the
    same clips, shares one artifact sequence)."""
    clipped: tuple[Clip, ...] = ()  # the clip paths in force: shapes in a row under the same clips share them
    artifact = False  # an artifact sequence is open
    for item in page.painted():
        clip = item.clip if isinstance(item, Shape) else ()
        spans = marks.get(item.z, ()) if marks is not None else ()
        decoration = bool(spans) and all(m.tag == ARTIFACT and not m.artifact for m in spans)
        if artifact and (clip != clipped or not decoration):
            canvas.addLiteral("EMC")
            artifact = False
        if clip != clipped:
            if clipped:
                canvas.restoreState()
            if clip:
                canvas.saveState()
                for c in clip:
                    _clip(canvas, c)
            clipped = clip
        if decoration and not artifact:
            canvas.addLiteral(f"/{ARTIFACT} BMC")
            artifact = True
        _draw_item(canvas, item, press, () if decoration else spans)
    if artifact:
        canvas.addLiteral("EMC")
    if clipped:
        canvas.restoreState()
    for link in page.links:  # (annotations: output/pdfua.py ties each to its Link element)
        b = link.box
        canvas.linkURL(link.url, (b.x, b.y, b.right, b.top), relative=0, thickness=0)
    for mark in page.bookmarks:
        canvas.bookmarkPage(mark.key, fit="XYZ", top=mark.top)


def _draw_item(canvas: Canvas, item: Frame, press: bool, spans: tuple[Marked, ...]) -> None:
    """One item; `spans` mark a text line's runs, or (one span) a whole shape or picture."""
    if isinstance(item, Text):
        if not press:  # (only the press edition overprints: no need to ask whether the line is black)
            _text(canvas, item, spans)
            return
        black = all(_black(r.ink) for r in item.runs if r.text.strip())
        _overprinted(canvas, item, press, black, lambda c, line: _text(c, line, spans))
        return
    if spans:
        canvas.addLiteral(_begin(spans[0]))
    if isinstance(item, Shape):
        thin = item.fill is None and item.stroke is not None and _black(item.stroke) and item.line_width <= 1.0
        _overprinted(canvas, item, press, thin, _shape)
    elif isinstance(item, Picture):
        b = item.box
        _picture(canvas, item.data, b.x, b.y, b.w, b.h)
    if spans:
        canvas.addLiteral("EMC")


PICTURE_FLATE_BYTES = 12_000_000  # of a document's pictures' pixel data (about 4 megapixels) compressed at zlib's
# default level (6, as ReportLab does); the rest at its fastest (1): level 6 took 2.4 s for one noisy 10-megapixel
# picture, 0.3 s at level 1, and a photo's file is half as large again at level 1 (1.7 megapixels: 503 -> 793 KB)
FAST_FLATE_LEVEL = 1


class _Pixels(pdfdoc.PDFImageXObject):  # type: ignore[misc]
    """ReportLab's image XObject, its pixels (and their transparency) compressed at `level`."""

    mask: object

    def __init__(self, name: str, source: ImageReader, mask: object, level: int) -> None:
        self.level = level
        super().__init__(name, source, mask=mask)

    def loadImageFromSRC(self, im: ImageReader) -> None:
        fp = im.jpeg_fh()
        if fp:  # a JPEG's own bytes
            self.loadImageFromJPEG(fp)
            return
        self.width, self.height = im.getSize()
        self.streamContent = zlib.compress(im.getRGBData(), self.level)
        self._filters = ("FlateDecode",)
        self.colorSpace = pdfdoc._mode2CS[im.mode]
        self.bitsPerComponent = 8
        if self.mask == "auto" and im._dataA:  # its alpha as a soft mask, made the same way
            self.mask = None
            self._smask = _Pixels(_digester(im._dataA.getRGBData()), im._dataA, None, self.level)
            self._smask._decode = [0, 1]
        else:
            self._checkTransparency(im)


def _picture(canvas: Canvas, data: bytes, x: float, y: float, w: float, h: float) -> None:
    """A picture drawn as ReportLab's `drawImage` draws it (the same XObject names: a digest of its pixels), its
    pixels compressed by _Pixels at zlib's default level while the document's pictures come to PICTURE_FLATE_BYTES,
    else at FAST_FLATE_LEVEL (counted on this canvas: a build's own); a picture's transparent parts show the paper."""
    image, mask = _Embedded(io.BytesIO(data)), "auto" if _see_through(data) else None
    try:
        _draw_picture(canvas, image, mask, x, y, w, h)
    finally:  # (ReportLab's reader of a JPEG holds itself, `jpeg_fh = self._jpeg_fh`: it, its file and its picture
        # were freed only by Python's cycle collector, so a watch or serve held some 26 builds' pictures, 14 MB each
        # for a 14 MB logo, before it ran; all is in the PDF's objects by now)
        image.__dict__.pop("jpeg_fh", None)


def _draw_picture(canvas: Canvas, image: ImageReader, mask: str | None, x: float, y: float, w: float, h: float) -> None:
    pixels, alpha = image.getRGBData(), image._dataA
    clear = alpha.getRGBData() if mask and alpha else b""  # (its transparency, where it is drawn with it)
    name = _digester(pixels + (clear or str(mask).encode()))
    doc = canvas._doc
    key = doc.getXObjectName(name)
    if key not in doc.idToObject:  # (a picture drawn before is drawn again by name)
        size = 0 if image.jpeg_fh() else len(pixels) + len(clear)
        xobject = _Pixels(name, image, mask, _flate_level(canvas, size))
        canvas._setXObjects(xobject)
        doc.Reference(xobject, key)
        doc.addForm(name, xobject)
        smask = getattr(xobject, "_smask", None)
        if smask is not None:
            smask_key = doc.getXObjectName(smask.name)
            if smask_key in doc.idToObject:  # the same transparency as a picture's before
                xobject.smask = pdfdoc.PDFObjectReference(smask_key)
            else:
                canvas._setXObjects(smask)
                xobject.smask = doc.Reference(smask, smask_key)
            del xobject._smask
    canvas._currentPageHasImages = 1
    canvas.saveState()
    canvas.translate(x, y)
    canvas.scale(w, h)
    canvas._code.append(f"/{key} Do")
    canvas.restoreState()
    canvas._formsinuse.append(name)


def _flate_level(canvas: Canvas, size: int) -> int:
    """The zlib level of a picture's `size` bytes of pixels: the default while the canvas's pictures come to
    PICTURE_FLATE_BYTES, else FAST_FLATE_LEVEL. (The count is the canvas's: one build's.)"""
    flated = canvas.__dict__.get("_flated", 0) + size
    canvas._flated = flated
    return zlib.Z_DEFAULT_COMPRESSION if flated <= PICTURE_FLATE_BYTES else FAST_FLATE_LEVEL


def _see_through(data: bytes) -> bool:
    """Whether a PNG has transparent parts: an alpha channel (grey or colour with alpha), or a tRNS chunk before
    its pixels. (A JPEG never has; the press edition's pictures are flattened JPEGs.)"""
    if not data.startswith(b"\x89PNG\r\n\x1a\n") or len(data) < 26:
        return False
    return data[25] in (4, 6) or b"tRNS" in data[: data.find(b"IDAT")]


def _begin(span: Marked) -> str:
    """The operator that opens a stretch of marked content."""
    if span.tag != ARTIFACT:
        return f"/{span.tag} <</MCID {span.mcid}>> BDC"
    return f"/{ARTIFACT} <</Type /{span.artifact}>> BDC" if span.artifact else f"/{ARTIFACT} BMC"


def colour(ink: Ink) -> Color:
    """An Ink as a ReportLab colour (frames never hold ReportLab objects; this is where they are made)."""
    if ink.spot:
        c, m, y, k = ink.values
        return CMYKColorSep(c, m, y, k, spotName=ink.spot, density=1)
    if ink.space == "cmyk":
        c, m, y, k = ink.values
        return CMYKColor(c, m, y, k, alpha=ink.alpha)
    if ink.space == "gray":
        g = ink.values[0]
        return Color(g, g, g, alpha=ink.alpha)
    r, g, b = ink.values
    return Color(r, g, b, alpha=ink.alpha)


def _fill(target: Canvas, ink: Ink) -> None:
    if ink.space == "gray" and not ink.spot:
        target.setFillGray(ink.values[0])
    else:
        target.setFillColor(colour(ink))


def _text(canvas: Canvas, item: Text, spans: tuple[Marked, ...] = ()) -> None:
    """One line: each run placed at its start; font, ink, rise and spacing set only when they change (text
    state outlives a text object in PDF, so the first run sets them all). `spans` mark its runs, inside the
    text object.

    Written as ReportLab's text object writes it (the same operators, to the byte), without making one: a line
    in a font that is not embedded, or in a spot colour, or of glyphs ReportLab shaped, is written by it."""
    if not all(_plain_run(r) for r in item.runs):
        _text_object(canvas, item, spans)
        return
    doc = canvas._doc
    escape = canvas._escape
    code = ["BT", "1 0 0 1 0 0 Tm"]  # (a text object begins at the origin)
    out = _Code(code)
    font: tuple[str, float] | None = None
    face: Any = None
    subset, leading = -1, 0.0
    ink: Ink | None = None
    rise = char_space = word_space = h_scale = float("nan")
    for run, before, after in _marked_runs(item, spans):
        code += before
        if (run.font, run.size) != font:
            font = (run.font, run.size)
            face, subset, leading = getFont(run.font), -1, run.size * 1.2  # (setFont: its leading by default)
        if run.ink != ink:
            ink = run.ink
            fill, alpha = _fill_code(ink)
            code.append(fill)
            if alpha is not None:  # (as setFillColor sets a colour's opacity: through the canvas's ExtGState)
                doc.ensureMinPdfVersion("transparency")
                canvas._extgstate.set(out, "ca", alpha)
        code.append(f"1 0 0 1 {_number(run.x)} {_number(item.baseline)} Tm")
        if run.rise != rise:
            rise = run.rise
            code.append(f"{_number(rise)} Ts")
        if run.char_space != char_space:
            char_space = run.char_space
            code.append(f"{_number(char_space)} Tc")
        if run.word_space != word_space:
            word_space = run.word_space
            code.append(f"{_number(word_space)} Tw")
        if run.h_scale != h_scale:
            h_scale = run.h_scale
            code.append(f"{_number(h_scale)} Tz")
        words = []
        for piece, data in _split(face, run.text, doc):
            if piece != subset:
                words.append(f"{face.getSubsetInternalName(piece, doc)} {_number(run.size)} Tf {_number(leading)} TL")
                subset = piece
            words.append(f"({escape(data)}) Tj")
        code.append(" ".join(words))
        code += after
    code.append("ET")
    canvas._code.append(" ".join(code))


def _split(font: Any, text: str, doc: Any) -> list[tuple[int, bytes]]:
    """ReportLab's `splitString` (the text as codes of the font's subsets, each character given a code the first
    time the document meets it), the same answer: a text whose every character has a code in the first subset
    already (most lines after the first few) is looked up whole, in C, instead of a character at a time."""
    state = font.state.get(doc)
    if state is not None and text:
        try:
            return [(0, bytes(map(state.assignments.__getitem__, map(ord, text.replace("\xa0", " ")))))]
        except (KeyError, ValueError):  # a character without a code yet, or one in a later subset (code 256 on)
            pass
    return list(font.splitString(text, doc))


@lru_cache(maxsize=4096)
def _number(v: float) -> str:
    """One number as ReportLab writes it (`fp_str`), remembered: a page's lines set a few sizes, spacings and columns'
    edges again and again (fp_str of several numbers is theirs joined by spaces)."""
    return str(fp_str(v))


class _Code:
    """What ReportLab's ExtGState writes its operator into (a text object's code)."""

    def __init__(self, code: list[str]) -> None:
        self._code = code


def _plain_run(run: Any) -> bool:
    """A run written as ReportLab writes it in an embedded font, in a process colour, of unshaped text."""
    return not run.ink.spot and not isinstance(run.text, ShapedStr) and bool(getFont(run.font)._dynamicFont)


@lru_cache(maxsize=256)
def _fill_code(ink: Ink) -> tuple[str, float | None]:
    """A (process) fill colour's operator as a text object's setFillGray or setFillColor writes it, and the
    opacity setFillColor then sets (None: none is set, as for grey)."""
    if ink.space == "gray":
        return f"{fp_str(ink.values[0])} g", None
    c = colour(ink)
    if isinstance(c, CMYKColor):
        d = c.density
        fill = f"{fp_str(d * c.cyan, d * c.magenta, d * c.yellow, d * c.black)} k"
    else:
        fill = f"{fp_str((c.red, c.green, c.blue))} rg"
    alpha = getattr(c, "alpha", None)
    if alpha is not None and not (isinstance(alpha, float | int) and 0 <= alpha <= 1):
        raise ValueError(f"setFillAlpha invalid value {alpha!r}")
    return fill, alpha


def _text_object(canvas: Canvas, item: Text, spans: tuple[Marked, ...]) -> None:
    """One line through ReportLab's text object (what _text does not write itself)."""
    tx = canvas.beginText()
    font: tuple[str, float] | None = None
    ink: Ink | None = None
    rise = char_space = word_space = h_scale = float("nan")
    for run, before, after in _marked_runs(item, spans):
        tx._code += before
        if (run.font, run.size) != font:
            font = (run.font, run.size)
            tx.setFont(run.font, run.size)
        if run.ink != ink:
            ink = run.ink
            _fill(tx, run.ink)
        tx.setTextOrigin(run.x, item.baseline)
        if run.rise != rise:
            rise = run.rise
            tx.setRise(rise)
        if run.char_space != char_space:
            char_space = run.char_space
            tx.setCharSpace(char_space)
        if run.word_space != word_space:
            word_space = run.word_space
            tx.setWordSpace(word_space)
        if run.h_scale != h_scale:
            h_scale = run.h_scale
            tx.setHorizScale(h_scale)
        tx.textOut(run.text)
        tx._code += after
    canvas.drawText(tx)


def _marked_runs(item: Text, spans: tuple[Marked, ...]) -> Iterator[tuple[Run, list[str], list[str]]]:
    """Each run of a line with the marked-content operators to write before and after it: the stretches `spans`
    open and close. (Shaped glyphs carry no /ActualText here: their Span element does, render/structure.py.)"""
    opens = {m.start: m for m in spans}
    ends = {m.end for m in spans}
    for i, run in enumerate(item.runs):
        before = [_begin(opens[i])] if i in opens else []
        after = ["EMC"] if i + 1 in ends else []
        yield run, before, after


class _Path(PDFPathObject):  # type: ignore[misc]
    """A finished path, for the canvas to write: ReportLab's path object without the bound method it keeps of
    itself (its first-segment hook), which made every path drawn a reference cycle, garbage that only the
    cycle collector frees."""

    def __init__(self, code: list[str]) -> None:
        self._code = code


def _path(canvas: Canvas, segments: tuple[Segment, ...]) -> object:
    # ReportLab's path object starts its text with "n" at the first moveto
    return _Path(["n", _path_code(segments)] if segments else [])


_OPERATOR = {"m": "m", "l": "l", "c": "c"}


@by_identity(1024)
def _path_code(segments: tuple[Segment, ...]) -> str:
    """A path's operators, as ReportLab's path object writes them; a path drawn again (the cover's dots, a rule
    at the same place, a clip) is written once (the text depends on the segments alone)."""
    return " ".join("h" if op == "h" else f"{fp_str(*v)} {_OPERATOR[op]}" for op, v in segments)


def _clip(canvas: Canvas, clip: Clip) -> None:
    mode = FILL_EVEN_ODD if clip.even_odd else FILL_NON_ZERO
    canvas.clipPath(_path(canvas, clip.path), stroke=0, fill=0, fillMode=mode)


def _shape(canvas: Canvas, item: Shape) -> None:
    """A path filled and/or stroked (inside the clips _draw_page has set), written as ReportLab's canvas writes
    it (the same operators, to the byte), without its calls; a shape in a spot colour is drawn by the canvas."""
    if not _plain_shape(item):
        _canvas_shape(canvas, item)
        return
    code = ["q"]
    saved = canvas._extgstate  # (saveState: opacity set inside is forgotten at restoreState)
    canvas._extgstate = saved.pushCopy()
    out = _Code(code)
    try:
        if item.fill is not None:
            fill, alpha = _fill_code(item.fill)
            code.append(fill)
            if alpha is not None:
                canvas._doc.ensureMinPdfVersion("transparency")
                canvas._extgstate.set(out, "ca", alpha)
        if item.stroke is not None:
            stroke, alpha = _stroke_code(item.stroke)
            code.append(stroke)
            if alpha is not None:
                canvas._doc.ensureMinPdfVersion("transparency")
                canvas._extgstate.set(out, "CA", alpha)
            code.append(f"{_number(item.line_width)} w")
            code.append(f"{_mode(item.cap, 'caps')} J")
            code.append(f"{_mode(item.join, 'joins')} j")
            if item.dash[0]:
                code.append(_dash_code(item.dash))
        mode = FILL_EVEN_ODD if item.even_odd else FILL_NON_ZERO
        code.append(" ".join(["n", _path_code(item.path)] if item.path else []))
        code.append(PATH_OPS[int(item.stroke is not None), int(item.fill is not None), mode])
        code.append("Q")
    finally:
        canvas._extgstate = saved
    canvas._code.extend(code)


def _plain_shape(item: Shape) -> bool:
    """A shape written as the canvas writes it: in process colours."""
    return not ((item.fill is not None and item.fill.spot) or (item.stroke is not None and item.stroke.spot))


def _mode(value: int, what: str) -> int:
    if value not in (0, 1, 2):
        raise AssertionError(f"Line {what} allowed: 0, 1, 2")
    return value


@lru_cache(maxsize=256)
def _stroke_code(ink: Ink) -> tuple[str, float | None]:
    """A (process) stroke colour's operator as the canvas's setStrokeGray or setStrokeColor writes it, and the
    opacity setStrokeColor then sets (None: none is set, as for grey)."""
    fill, alpha = _fill_code(ink)
    value, op = fill.rsplit(" ", 1)
    return f"{value} {op.upper()}", alpha


def _dash_code(dash: tuple[tuple[float, ...], float]) -> str:
    """setDash's operator (its checks too)."""
    array, phase = list(dash[0]), dash[1]
    if any(v < 0 for v in array) or phase < 0 or sum(array) <= 0:
        raise ValueError(f"setDash: array={array!r} phase={phase!r}")
    return f"[{fp_str(array)}] {phase} d"


def _canvas_shape(canvas: Canvas, item: Shape) -> None:
    """A shape through the canvas's calls (what _shape does not write itself)."""
    canvas.saveState()
    if item.fill is not None:
        _fill(canvas, item.fill)
    if item.stroke is not None:
        if item.stroke.space == "gray" and not item.stroke.spot:
            canvas.setStrokeGray(item.stroke.values[0])
        else:
            canvas.setStrokeColor(colour(item.stroke))
        canvas.setLineWidth(item.line_width)
        canvas.setLineCap(item.cap)
        canvas.setLineJoin(item.join)
        if item.dash[0]:
            canvas.setDash(list(item.dash[0]), item.dash[1])
    mode = FILL_EVEN_ODD if item.even_odd else FILL_NON_ZERO
    canvas.drawPath(
        _path(canvas, item.path), stroke=int(item.stroke is not None), fill=int(item.fill is not None), fillMode=mode
    )
    canvas.restoreState()
