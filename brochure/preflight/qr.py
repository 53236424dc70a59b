"""PDF bytes + where the QR code is -> a Diagnostic unless it decodes to the booking address from the rendered page."""

from __future__ import annotations

import zxingcpp

from brochure.diagnostics import Diagnostic, Location, Place, error
from brochure.geometry.sheet import MM
from brochure.layout.model import Layout
from brochure.pdfium import open_pdf

DPI = 200


def read_qr(pdf: bytes, page: int, box: tuple[float, float, float, float], media_h: float) -> list[str]:
    """Texts of the QR codes found in box (x, y, w, h in points) of the rendered page."""
    with open_pdf(pdf) as doc:
        x, y, w, h = box
        margin = 3 * MM
        scale = DPI / 72
        side = doc[page]  # (loading a page parses its whole content stream: once)
        image = (
            side.render(
                scale=scale,
                grayscale=True,  # (what a phone's decoder looks at; a third less to render and convert)
                crop=(x - margin, y - margin, side.get_width() - (x + w + margin), media_h - (y + h + margin)),
            )
            .to_pil()
            .copy()  # pixels of our own: the bitmap's memory goes with the document
        )
    qr = zxingcpp.BarcodeFormat.QRCode  # (looked for alone: 0.1 ms, against 0.8 for every kind of code)
    return [r.text for r in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormats(qr)) if r.format == qr]


def check_qr_decodes(pdf: bytes, layout: Layout, where: Location) -> list[Diagnostic]:
    """Render the QR code's page and decode it: it must say exactly the booking address."""
    qr = layout.qr
    if qr is None:
        return []
    b = qr.box
    found = read_qr(pdf, qr.page, (b.x, b.y, b.w, b.h), layout.sheet.media.h)
    if found == [qr.url]:
        return []
    what = f"it reads {found[0]!r}" if found else "no phone could read it"
    spot = Place(qr.page, b.x, b.y, b.w, b.h)
    message = f"the QR code does not decode to {qr.url}: {what}"
    return [error(where, message, "this is a bug: please report it").at(spot)]
