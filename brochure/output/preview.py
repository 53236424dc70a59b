"""PDF bytes -> PNG pictures of every page (pypdfium2), written atomically into a folder."""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2 as pdfium

from brochure.output.files import write_atomic


def page_images(pdf: bytes, dpi: float) -> list[bytes]:
    """PNG bytes for each page, rendered at dpi."""
    doc = pdfium.PdfDocument(pdf)
    out: list[bytes] = []
    try:
        for i in range(len(doc)):
            page = doc[i]
            image = page.render(scale=dpi / 72).to_pil()
            buf = io.BytesIO()
            image.save(buf, format="PNG", optimize=False)
            out.append(buf.getvalue())
            page.close()
    finally:
        doc.close()
    return out


def write_previews(pdf: bytes, folder: Path, stem: str, dpi: float) -> list[Path]:
    """Write <stem>-page1.png, <stem>-page2.png ... and return their paths."""
    paths: list[Path] = []
    for i, png in enumerate(page_images(pdf, dpi), 1):
        path = folder / f"{stem}-page{i}.png"
        write_atomic(path, png)
        paths.append(path)
    return paths
