"""PDF bytes (+ the Layout) -> PNG pictures of every page and a folded mock-up, written atomically (pypdfium2)."""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2 as pdfium

from brochure.layout.model import Layout
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


def write_mockup(pdf: bytes, layout: Layout, path: Path, dpi: float) -> Path:
    """One picture of the folded leaflet as a reader meets it: each view's panels side by side, views in rows."""
    from PIL import Image, ImageDraw

    pages = [Image.open(io.BytesIO(png)).convert("RGB") for png in page_images(pdf, dpi)]
    scale = dpi / 72
    media_h = layout.sheet.media.h
    rows: list[Image.Image] = []
    for view in layout.views:
        crops = []
        for page, name in view:
            panel = layout.sheet.sides[page].panel(name)
            t = panel.trim
            # one pixel in from each edge, so a neighbour's colour at a fold does not show as a line
            box = (
                round(t.x * scale) + 1,
                round((media_h - t.top) * scale) + 1,
                round(t.right * scale) - 1,
                round((media_h - t.y) * scale) - 1,
            )
            crops.append(pages[page].crop(box))
        gap = max(2, round(scale))  # a hairline between panels, like a fold
        row = Image.new(
            "RGB", (sum(c.width for c in crops) + gap * (len(crops) - 1), max(c.height for c in crops)), "#9a9a9a"
        )
        x = 0
        for c in crops:
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
    buf = io.BytesIO()
    sheet.save(buf, format="PNG")
    write_atomic(path, buf.getvalue())
    return path
