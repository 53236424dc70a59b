"""A Layout + document metadata -> PDF bytes (the only stage that draws on a canvas)."""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas

from brochure.layout.model import Layout, Page
from brochure.render.marks import draw_marks
from brochure.theme.fonts import engine_defaults


@dataclass(frozen=True)
class Meta:
    title: str
    author: str
    subject: str
    keywords: tuple[str, ...]
    language: str
    base_font: str
    press: bool = False


def render(layout: Layout, meta: Meta) -> bytes:
    """Draw every page; the same layout and meta always give the same bytes."""
    with engine_defaults(meta.base_font, cmyk=meta.press):
        return _render(layout, meta)


def _render(layout: Layout, meta: Meta) -> bytes:
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
    canvas.setTitle(meta.title)
    canvas.setAuthor(meta.author)
    canvas.setSubject(meta.subject)
    canvas.setKeywords(", ".join(meta.keywords))
    canvas.setCreator("brochure")
    canvas.setProducer("brochure (ReportLab)")
    if not meta.press:
        canvas.setViewerPreference("Duplex", "DuplexFlipShortEdge")  # the office edition prints duplex
    canvas.setViewerPreference("DisplayDocTitle", "true")
    for page in layout.pages:
        _draw_page(canvas, page)
        if sheet.slug:
            draw_marks(canvas, sheet, page.side)
        canvas.showPage()
    for title, key in layout.outline:
        canvas.addOutlineEntry(title, key, level=0)
    canvas.showOutline()
    canvas.save()
    return buf.getvalue()


def _draw_page(canvas: Canvas, page: Page) -> None:
    for item in page.items:
        item.flowable.drawOn(canvas, item.box.x, item.box.y)
    for link in page.links:
        b = link.box
        canvas.linkURL(link.url, (b.x, b.y, b.right, b.top), relative=0, thickness=0)
    for mark in page.bookmarks:
        canvas.bookmarkPage(mark.key, fit="XYZ", top=mark.top)
