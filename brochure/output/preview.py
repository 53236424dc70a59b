"""PDF bytes (+ the Layout) -> PNG pictures of every page and a folded mock-up, one page in memory at a time.

Memory stays flat at any allowed dpi: each page is rendered by pypdfium2 in bands of at most
limits.PREVIEW_BAND_PIXELS into one picture, written straight into its file, then freed; the mock-up is
made from pages rendered at no more than limits.MOCKUP_DPI (it is a picture to look at, not to print).
"""

from __future__ import annotations

import math
import stat
import struct
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

import pypdfium2 as pdfium
from PIL import Image, ImageDraw

from brochure.collector import stops_held
from brochure.layout.model import Layout
from brochure.limits import MOCKUP_DPI, PREVIEW_BAND_PIXELS, PREVIEW_PAGES
from brochure.output.files import PNG, same_file, write_all
from brochure.pdfium import open_pdf


def preview_paths(folder: Path, stem: str, pages: int, mockup: bool) -> list[Path]:
    """The files a preview writes: <stem>-page1.png ... and <stem>-mockup.png."""
    paths = [folder / f"{stem}-page{i}.png" for i in range(1, pages + 1)]
    return [*paths, folder / f"{stem}-mockup.png"] if mockup else paths


def render_page(page: pdfium.PdfPage, dpi: float) -> Image.Image:
    """One page as an RGB picture at dpi, rendered in bands so the page is held in memory only once."""
    scale = dpi / 72
    width, height = math.ceil(page.get_width() * scale), math.ceil(page.get_height() * scale)
    rows = max(1, PREVIEW_BAND_PIXELS // width)
    if rows >= height:  # one band: the page as pdfium renders it (the same call a first band makes)
        bitmap = page.render(scale=scale, crop=(0.0, 0.0, 0.0, 0.0), rev_byteorder=True, may_draw_forms=False)
        try:
            whole: Image.Image = bitmap.to_pil()
            return whole
        finally:
            bitmap.close()
    image = Image.new("RGB", (width, height))
    for top in range(0, height, rows):
        bottom = min(height, top + rows)
        # pypdfium2 crops ceil(points * scale) pixels: half a pixel short of each edge lands exactly on it
        crop = (0.0, max(0, height - bottom - 0.5) / scale, 0.0, max(0, top - 0.5) / scale)
        bitmap = page.render(scale=scale, crop=crop, rev_byteorder=True, may_draw_forms=False)
        try:
            band = bitmap.to_pil()  # a copy of the band only: RGB pictures are never shared with pdfium
            image.paste(band, (0, top))
            band.close()
        finally:
            bitmap.close()
    return image


def page_images(pdf: bytes, dpi: float) -> list[bytes]:
    """PNG bytes for each page, rendered at dpi (for small pictures: a batch's contact sheet, tests, goldens)."""
    out: list[bytes] = []
    with open_pdf(pdf) as doc:
        for i in range(len(doc)):
            image = _rendered(doc, i, dpi)
            out.append(png_bytes(image))
            image.close()
    return out


def _rendered(doc: pdfium.PdfDocument, i: int, dpi: float) -> Image.Image:
    """Page i rendered at dpi, a stop signal held until it is (a second or so at the most dots per inch): a stop
    raised inside pypdfium2's making or closing of a page or its bitmaps left objects their document no longer knew,
    which asserted as the process ended, a traceback under "brochure: terminated" (one run in ten of a test)."""
    with stops_held():
        page = doc[i]
        try:
            return render_page(page, dpi)
        finally:
            page.close()


def png_bytes(image: Image.Image) -> bytes:
    """An RGB picture as PNG bytes, its rows unfiltered, at zlib level 3. Pillow tries every PNG filter on every
    row; for pages of flat colour and type, rows as they are compress smaller (58 KB instead of 69 KB for the
    tri-fold's two pages at 24 dpi) in half the time (about 1 ms a page instead of 2)."""
    width, height = image.size
    raw = image.tobytes()
    stride = 3 * width
    rows: list[bytes] = []
    for top in range(0, stride * height, stride):
        rows += (b"\0", raw[top : top + stride])  # each row: filter type 0 (none), then its pixels
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8 bits, RGB, deflate, filtered, no interlace
    data = zlib.compress(b"".join(rows), 3)
    return _PNG_SIGNATURE + _chunk(b"IHDR", header) + _chunk(b"IDAT", data) + _chunk(b"IEND", b"")


_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def write_previews(pdf: bytes, folder: Path, stem: str, dpi: float, layout: Layout | None = None) -> list[Path]:
    """Write <stem>-page1.png, <stem>-page2.png ... (and <stem>-mockup.png for a folded `layout`), each page
    rendered as its file is filled, and return their paths. Written as one (output/files.py write_all): a disk that
    fills on the last page leaves every earlier picture as it was, not a mix of new pages and old."""
    with open_pdf(pdf) as doc:
        paths = preview_paths(folder, stem, len(doc), mockup=bool(layout and layout.views))
        files = [(path, PNG, _page_writer(doc, i, dpi)) for i, path in enumerate(paths[: len(doc)])]
        if layout is not None and layout.views:
            files.append((paths[-1], PNG, _mockup_writer(pdf, layout, dpi)))
        write_all(files)
    return paths


def _page_writer(doc: pdfium.PdfDocument, i: int, dpi: float) -> Callable[[BinaryIO], None]:
    def fill(f: BinaryIO) -> None:
        image = _rendered(doc, i, dpi)
        try:
            _png_writer(image, dpi)(f)
        finally:
            image.close()  # frees the picture now (leaving a `with` block does not)

    return fill


def _mockup_writer(pdf: bytes, layout: Layout, dpi: float) -> Callable[[BinaryIO], None]:
    def fill(f: BinaryIO) -> None:
        sheet = _mockup_picture(pdf, layout, dpi)
        try:
            _png_writer(sheet, min(dpi, MOCKUP_DPI))(f)
        finally:
            sheet.close()

    return fill


def remove_stale_pages(folder: Path, stem: str, pages: int, inputs: list[Path]) -> list[Path]:
    """Remove the pictures of pages this leaflet no longer has that an earlier preview of the same name left
    (<stem>-page10.png beside a new 9-page preview shows older words as if they were this leaflet's), and return
    their paths. Only PNG pictures named as a preview names them, from the page after the last one on, are
    removed, and never one of the leaflet's inputs (a picture the words show, named so); any other file is left as
    it is, and so are those after it."""
    removed: list[Path] = []
    for n in range(pages + 1, PREVIEW_PAGES + 1):
        path = folder / f"{stem}-page{n}.png"
        try:
            if not stat.S_ISREG(path.lstat().st_mode) or any(same_file(path, i) for i in inputs):
                break
            with path.open("rb") as f:
                if f.read(len(_PNG_SIGNATURE)) != _PNG_SIGNATURE:
                    break
            path.unlink()
        except OSError:
            break
        removed.append(path)
    return removed


def _png_writer(image: Image.Image, dpi: float) -> Callable[[BinaryIO], None]:
    """The picture as a PNG that says its resolution (an image editor or a print dialog shows it at its size)."""
    return lambda f: image.save(f, format="PNG", dpi=(dpi, dpi))


def _mockup_picture(pdf: bytes, layout: Layout, dpi: float) -> Image.Image:
    """The mock-up's picture, made at min(dpi, limits.MOCKUP_DPI), so a 600 dpi preview does not hold a dozen
    page-sized pictures."""
    dpi = min(dpi, MOCKUP_DPI)
    pages = page_pictures(pdf, dpi)
    try:
        return mockup(pages, layout, dpi)
    finally:
        for p in pages:
            p.close()


def page_pictures(pdf: bytes, dpi: float) -> list[Image.Image]:
    """Every page as a picture at dpi (the caller closes them)."""
    pages = []
    with open_pdf(pdf) as doc:
        for i in range(len(doc)):
            pages.append(_rendered(doc, i, dpi))
    return pages


def mockup(pages: list[Image.Image], layout: Layout, dpi: float) -> Image.Image:
    """The folded mock-up made from the pages rendered at dpi: each view's panels side by side (the first at the
    right in a right-to-left leaflet), views in rows."""
    scale = dpi / 72
    media_h = layout.sheet.media.h
    rows: list[Image.Image] = []
    for view in layout.views:
        crops = []
        for page_no, name in view:
            t = layout.sheet.sides[page_no].panel(name).trim
            # one pixel in from each edge, so a neighbour's colour at a fold does not show as a line
            box = (
                round(t.x * scale) + 1,
                round((media_h - t.top) * scale) + 1,
                round(t.right * scale) - 1,
                round((media_h - t.y) * scale) - 1,
            )
            crops.append(pages[page_no].crop(box))
        gap = max(2, round(scale))  # a hairline between panels, like a fold
        row = Image.new(
            "RGB", (sum(c.width for c in crops) + gap * (len(crops) - 1), max(c.height for c in crops)), "#9a9a9a"
        )
        x = 0
        for c in crops if layout.sheet.direction == "ltr" else reversed(crops):  # right to left: first at the right
            row.paste(c, (x, 0))
            x += c.width + gap
        rows.append(row)
    margin = round(12 * scale)
    width = max(r.width for r in rows) + 2 * margin
    height = sum(r.height for r in rows) + margin * (len(rows) + 1)
    sheet = Image.new("RGB", (width, height), "#e4e4e4")
    draw = ImageDraw.Draw(sheet)
    y = margin
    for i, row in enumerate(rows, 1):
        sheet.paste(row, ((width - row.width) // 2, y))
        draw.text((margin // 3, y), str(i), fill="#555555")
        y += row.height + margin
    return sheet
