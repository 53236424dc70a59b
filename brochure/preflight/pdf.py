"""Finished PDF bytes -> Diagnostics a print shop would raise: fonts, colour spaces, ink, boxes, annotations."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pikepdf
from PIL import Image as PILImage
from PIL import ImageMath

from brochure.diagnostics import Diagnostic, Location, error
from brochure.frozen import frozen
from brochure.geometry.sheet import Sheet
from brochure.inputs.links import link_problem

MAX_INK = 3.00  # total area coverage, 300 %
RGB_OPERATORS = {"rg", "RG"}
RGB_SPACES = {"/DeviceRGB", "/CalRGB"}


@frozen
class Where:
    """Where to point messages about the PDF: the brand's colours, fonts, and the content file."""

    colors: Location
    fonts: Location
    content: Location


def check_pdf(pdf: bytes, sheet: Sheet, where: Where) -> list[Diagnostic]:
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        diags = [*_fonts(doc, where), *_boxes(doc, sheet, where), *_links(doc, where)]
        if sheet.target == "press":
            diags += [*_press_colour(doc, where), *_press_structure(doc, where)]
    return diags


def _fonts(doc: pikepdf.Pdf, where: Where) -> Iterator[Diagnostic]:
    for n, page in enumerate(doc.pages, 1):
        for _, font in page.Resources.get("/Font", {}).items():
            fd = font.get("/FontDescriptor")
            if font.get("/DescendantFonts"):
                fd = font.DescendantFonts[0].get("/FontDescriptor")
            if fd is None or not any(k in fd for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                yield error(
                    where.fonts,
                    f"font {font.get('/BaseFont')} on page {n} is not embedded",
                    "use TrueType fonts from the brand kit",
                )


def _boxes(doc: pikepdf.Pdf, sheet: Sheet, where: Where) -> Iterator[Diagnostic]:
    """MediaBox is the sheet; for press, TrimBox is the trimmed leaflet and BleedBox the trim plus bleed."""
    want = {"/MediaBox": sheet.media}
    if sheet.target == "press":
        want |= {"/TrimBox": sheet.trim, "/BleedBox": sheet.bleed_box}
    for n, page in enumerate(doc.pages, 1):
        for key, rect in want.items():
            value = page.obj.get(key)
            expected = (rect.x, rect.y, rect.right, rect.top)
            got = tuple(float(v) for v in value) if value is not None else None
            if got is None or any(abs(a - b) > 0.02 for a, b in zip(got, expected, strict=True)):
                shown = "missing" if got is None else "[" + " ".join(f"{v:.2f}" for v in got) + "]"
                yield error(
                    where.content,
                    f"page {n}: {key[1:]} is {shown}, expected [{' '.join(f'{v:.2f}' for v in expected)}]",
                    "this is a bug in the layout: please report it",
                )


def _links(doc: pikepdf.Pdf, where: Where) -> Iterator[Diagnostic]:
    """A guard, tripped only by a bug: every link and address is checked when the inputs are read, and the
    markup makes no link from an unsafe one. Here the finished file is reopened: every annotation must be a
    link, on its page, whose one action opens a safe https:, http:, mailto: or tel: address (no JavaScript,
    Launch, GoToR, SubmitForm or other action), and nothing may run when the file or a page opens."""
    hint = "this is a bug: links are checked when the inputs are read; please report it with the inputs"
    names = doc.Root.get("/Names")
    actions = [key[1:] for key in ("/OpenAction", "/AA", "/AcroForm") if key in doc.Root]
    actions += [key[1:] for key in ("/JavaScript", "/EmbeddedFiles") if names is not None and key in names]
    if actions:
        yield error(where.content, f"the PDF has {', '.join(actions)}", hint)
    for n, page in enumerate(doc.pages, 1):
        if "/AA" in page.obj:
            yield error(where.content, f"page {n} has an action that runs when it opens", hint)
        for annot in page.obj.get("/Annots", []):
            problem = _annotation_problem(annot, [float(v) for v in page.mediabox])
            if problem:
                yield error(where.content, f"page {n} has {problem}", hint)


def _annotation_problem(annot: pikepdf.Object, media: list[float]) -> str:
    """'' for a link annotation on the page that opens a safe address, else what it is."""
    subtype, action = str(annot.get("/Subtype")), annot.get("/A")
    if action is None or subtype != "/Link" or str(action.get("/S")) != "/URI" or "/AA" in annot:
        return f"a {subtype[1:]} annotation with action {action.get('/S') if action is not None else 'none'}"
    uri = bytes(action.get("/URI", b"")).decode("latin-1")
    problem = link_problem(uri)
    if problem:
        return f"a link to '{uri[:80]}', which {problem}"
    x0, y0, x1, y1 = media
    left, bottom, right, top = (float(v) for v in annot.get("/Rect", [0, 0, 0, 0]))
    if not (x0 <= min(left, right) and max(left, right) <= x1 and y0 <= min(bottom, top) and max(bottom, top) <= y1):
        return f"a link to '{uri[:80]}' outside the page"
    return ""


# The operators _colour_ops looks at (and inline images'): QPDF skips the others' tokens as it parses, instead
# of making a Python object of every number of a page's paths and text (about 20 ms a press build).
_COLOUR_OPERATORS = "k K rg RG cs CS BI ID EI"


def _colour_ops(doc: pikepdf.Pdf) -> Iterator[tuple[int, str, list[float]]]:
    """(page, operator, operands) for colour-setting operators in page content."""
    for n, page in enumerate(doc.pages, 1):
        for instruction in pikepdf.parse_content_stream(page, _COLOUR_OPERATORS):
            if isinstance(instruction, pikepdf.ContentStreamInlineImage):
                if str(instruction.iimage.colorspace) in ("/DeviceRGB", "/RGB"):
                    yield n, "rgb-space", []
                continue
            operands, name = instruction.operands, str(instruction.operator)
            if name in ("k", "K", "rg", "RG"):
                yield n, name, [float(v) for v in operands]
            elif name in ("cs", "CS") and str(operands[0]) in RGB_SPACES:
                yield n, "rgb-space", []


def _press_colour(doc: pikepdf.Pdf, where: Where) -> Iterator[Diagnostic]:
    worst: dict[int, float] = {}
    rgb_pages: set[int] = set()
    for n, op, values in _colour_ops(doc):
        if op in RGB_OPERATORS or op == "rgb-space":
            rgb_pages.add(n)
        elif op in ("k", "K") and len(values) == 4:
            worst[n] = max(worst.get(n, 0.0), sum(values))
    for n in sorted(rgb_pages):
        yield error(
            where.content,
            f"page {n} has RGB colour in the press edition",
            "this is a bug: every colour should be converted to CMYK; please report it",
        )
    for n, page in enumerate(doc.pages, 1):
        for name, image in page.get_images().items():
            if not isinstance(image, pikepdf.Stream):
                continue
            pdfimage = pikepdf.PdfImage(image)
            icc_rgb = pdfimage.colorspace == "/ICCBased" and image.ColorSpace[1].get("/N") == 3
            if pdfimage.colorspace in RGB_SPACES or icc_rgb:
                yield error(
                    where.content,
                    f"picture {name} on page {n} is RGB in the press edition",
                    "pictures are converted to CMYK: please report this",
                )
            elif pdfimage.colorspace == "/DeviceCMYK":
                peak = peak_ink(pdfimage.as_pil_image())
                worst[n] = max(worst.get(n, 0.0), peak)
    for n, ink in sorted(worst.items()):
        if ink > MAX_INK + 0.005:
            yield error(
                where.colors,
                f"page {n} needs {ink:.0%} total ink, over {MAX_INK:.0%}",
                "give darker colours a CMYK override with less ink (colors.cmyk), e.g. K-heavy blacks",
            )


_STRIPE = 256  # rows of a picture summed at a time


def peak_ink(image: PILImage.Image) -> float:
    """The most ink any pixel of a CMYK picture lays down, C + M + Y + K (1.0 = 100 %), summed in Pillow's C code
    (a Python loop over the pixels took 15 ms a logo)."""
    width, height = image.size
    peak = 0
    for top in range(0, height, _STRIPE):  # (in stripes: the sum is held as 32-bit numbers, 4 bytes a pixel)
        c, m, y, k = image.crop((0, top, width, min(height, top + _STRIPE))).split()
        total = ImageMath.lambda_eval(lambda b: b["c"] + b["m"] + b["y"] + b["k"], c=c, m=m, y=y, k=k)
        extrema = total.getextrema()  # (None for a picture no pixel wide)
        peak = max(peak, int(extrema[1])) if extrema else peak
    return peak / 255


def _press_structure(doc: pikepdf.Pdf, where: Where) -> Iterator[Diagnostic]:
    for n, page in enumerate(doc.pages, 1):
        if page.obj.get("/Annots"):
            yield error(
                where.content,
                f"page {n} has links or notes; print files must not",
                "this is a bug in the press edition: please report it",
            )
    if not doc.Root.get("/OutputIntents"):
        yield error(where.content, "the press PDF has no output intent", "this is a bug: please report it")
    if doc.docinfo.get("/GTS_PDFXVersion") is None:
        yield error(where.content, "the press PDF does not declare PDF/X", "this is a bug: please report it")
