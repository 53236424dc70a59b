"""Frames: the layout's description of what is printed agrees with the PDF, carries roles and reading order,
holds no ReportLab objects, and is all the renderer draws."""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Iterator
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pytest
from helpers import BRAND, CONTENT, ROOT, built, result_of, sources, texts
from painted import painted

from brochure import api
from brochure.geometry.sheet import Rect
from brochure.layout.model import Ink, Layout, Shape, Text
from brochure.render.pdf import Meta, render


def _layout(brand: object = BRAND, **options: object) -> tuple[Layout, bytes]:
    result = result_of(sources(CONTENT, brand), api.Options(**options))  # type: ignore[arg-type]
    assert result.ok and result.layout is not None and result.pdf is not None
    return result.layout, result.pdf


def _core(line: Text) -> Rect:
    size = max(r.size for r in line.runs)
    return Rect(line.box.x, line.baseline + 0.05 * size, line.box.w, 0.4 * size)


@pytest.mark.parametrize(
    ("layout", "target"), [("trifold", "office"), ("bifold", "press"), ("flyer", "office"), ("large-print", "office")]
)
def test_every_text_line_is_printed_where_its_frame_says(layout: str, target: str) -> None:
    """Each line's words, read back from the PDF inside the line's box (PDFium), are the line's words."""
    lay, pdf = _layout(layout=layout, target=target)
    doc = pdfium.PdfDocument(pdf)
    try:
        checked = 0
        for number, page in enumerate(lay.pages):
            textpage = doc[number].get_textpage()
            for line in page.items:
                if not isinstance(line, Text) or not line.text.strip():
                    continue
                b = _core(line)
                printed = textpage.get_text_bounded(b.x - 0.5, b.y, b.right + 0.5, b.top)
                assert "".join(printed.split()) == "".join(line.text.split()), (line.region, line.text)
                checked += 1
    finally:
        doc.close()
    assert checked > 80  # every line of the leaflet (about a hundred or more)


def test_the_inks_of_the_text_are_the_inks_printed() -> None:
    """Every fill colour the PDF sets text in (pikepdf, read from the content streams) is a run's ink."""
    lay, pdf = _layout(target="press")
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        printed = {tuple(round(v, 3) for v in fill) for page in doc.pages for fill in painted(page).text_fills}
    framed = {tuple(round(v, 3) for v in r.ink.values) for t in texts(lay) for r in t.runs}
    assert printed == framed
    assert all(r.ink.space == "cmyk" for t in texts(lay) for r in t.runs)  # the press edition's own colours


def test_citation_numbers_are_set_above_the_baseline() -> None:
    """A citation prints as a small raised number: its run sits above the line's baseline, in smaller type."""
    lay = built().layout
    assert lay is not None
    cites = [(t, r) for t in texts(lay) for r in t.runs if r.rise > 0]
    assert cites and all(r.text.strip().replace(",", "").replace("-", "").isdigit() for _, r in cites)
    for line, run in cites:
        body = max(r.size for r in line.runs)
        assert run.size < body and run.rise >= 0.25 * body


def test_roles_name_what_a_reader_meets() -> None:
    lay = built().layout
    assert lay is not None
    (title,) = texts(lay, role="title")
    assert title.level == 1 and title.region == "cover" and "Micro-needling" in title.text
    headings = {t.text.strip() for t in texts(lay, role="heading", level=2)}
    assert {h for h, _ in lay.outline} <= headings and "Book a consultation" in headings
    items = [i for page in lay.pages for i in page.items]
    figures = {i.alt for i in items if i.role == "figure"}
    assert "Clearwater Skin Clinic" in figures  # the logo
    assert any(alt.startswith("Drawing of a cross-section of skin, labelled: ") for alt in figures)
    assert {i.alt for i in items if i.role == "qr"} == {"QR code that opens clearwaterskin.co.uk/book"}
    assert texts(lay, role="list_item") and texts(lay, role="label")  # the steps' numbers
    for page in lay.pages:  # each list item has one label: its dot, drawn as part of it
        pieces = {i.piece for i in page.items if isinstance(i, Text) and i.role == "list_item"}
        for piece in pieces:
            labels = [i for i in page.items if i.piece == piece and i.role == "label"]
            assert len(labels) == 1 and isinstance(labels[0], Shape), piece
    assert all(i.role == "artifact" for i in items if isinstance(i, Shape) and i.bleeds)


@pytest.mark.parametrize("layout", ["trifold", "bifold", "flyer"])
def test_each_page_lists_its_items_in_the_folded_reading_order(layout: str) -> None:
    lay, _ = _layout(layout=layout)
    for number, page in enumerate(lay.pages):
        step = {name: i for i, view in enumerate(lay.views) for p, name in view if p == number}
        steps = [step.get(i.panel, len(lay.views)) for i in page.items]
        assert steps == sorted(steps) and len(lay.views) not in steps  # every item is on a panel a reader meets
        for region in {i.region for i in page.items}:
            zs = [i.z for i in page.items if i.region == region]
            assert zs == sorted(zs)  # within a panel, in the order the words flow


def _values(value: object) -> Iterator[object]:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from _values(getattr(value, f.name))
    elif isinstance(value, tuple):
        for v in value:
            yield from _values(v)
    else:
        yield value


def test_frames_hold_plain_data_only() -> None:
    """No ReportLab object leaves layout/: every value in the layout is a number, a string, bytes or our own."""
    lay = built().layout
    assert lay is not None
    kinds = {type(v) for v in _values(lay)}
    assert kinds <= {int, float, str, bytes, bool, type(None)}, kinds


def test_the_renderer_draws_the_frames_and_nothing_else() -> None:
    """Change a frame and the PDF changes with it: a line's words and ink, a shape taken away."""
    lay, _ = _layout()
    meta = Meta("t", "a", "s", (), "en-GB", sources().fonts.regular)
    assert render(lay, meta) == render(lay, meta)  # the same frames, the same bytes
    page = lay.pages[0]
    title = next(i for i in page.items if isinstance(i, Text) and i.role == "title")
    red = Ink("rgb", (1.0, 0.0, 0.0))
    changed = dataclasses.replace(title, runs=tuple(dataclasses.replace(r, ink=red) for r in title.runs))
    field = {i for i in page.items if isinstance(i, Shape) and i.bleeds}
    items = tuple(changed if i is title else i for i in page.items if i not in field)
    out = render(dataclasses.replace(lay, pages=(dataclasses.replace(page, items=items), *lay.pages[1:])), meta)
    with pikepdf.open(io.BytesIO(out)) as doc:
        fills = painted(doc.pages[0]).text_fills
    assert (1.0, 0.0, 0.0) in [tuple(round(v, 3) for v in f) for f in fills]
    doc2 = pdfium.PdfDocument(out)
    try:
        b = title.box
        top = doc2[0].render(scale=1).to_pil().convert("RGB")
        cover = lay.sheet.sides[0].panel("cover").trim
        pixel = top.getpixel((int(cover.x + cover.w / 2), int(lay.sheet.media.h - (b.top + 60))))
    finally:
        doc2.close()
    assert pixel == (255, 255, 255)  # the colour field above the title is gone with its frames


def test_a_display_hyphen_is_at_most_half_an_em_and_still_a_hyphen() -> None:
    """The cover title's hyphen (Be Vietnam Pro's is 0.61 em, an en dash at 30 pt) is set at half an em, read
    back from the PDF's glyph box; the words still read 'Micro-needling'."""
    lay, pdf = _layout()
    (title,) = texts(lay, role="title")
    (hyphen,) = [r for r in title.runs if r.text == "-"]
    assert hyphen.width <= 0.5 * hyphen.size + 0.01 and hyphen.h_scale < 100
    doc = pdfium.PdfDocument(pdf)
    try:
        page = doc[0].get_textpage()
        text = page.get_text_range()
        assert "Micro-needling" in text
        i = text.index("Micro-needling") + len("Micro")
        left, _, right, _ = page.get_charbox(i)
    finally:
        doc.close()
    assert right - left <= 0.5 * hyphen.size


@pytest.mark.parametrize("brand", [BRAND, BRAND.parent / "brands/elm-park/brand.yaml"], ids=["clearwater", "elm-park"])
def test_the_bifold_backs_second_column_starts_level_with_the_first_columns_words(brand: object) -> None:
    """ "When to contact us" in two columns on the bi-fold's back: the second column's first line was level with
    the heading's rule, above the heading's words. It is level with the first column's first line under it."""
    lay, _ = _layout(brand, layout="bifold")
    lines = [i for i in lay.pages[0].items if isinstance(i, Text) and i.region == "back"]
    first = next(i for i in lines if i.text.startswith("Call us if pain"))
    second = next(i for i in lines if i.text.startswith("Out of hours"))
    assert second.box.x > first.box.right  # (the second column)
    assert abs(second.baseline - first.baseline) < 0.5, (first.baseline, second.baseline)


@pytest.mark.parametrize("language", ["pl", "ar"])
def test_the_bifold_backs_one_section_has_its_heading_across_both_columns(language: str) -> None:
    """A back's one section in two columns has its heading set across both: the Polish "Kiedy się z nami
    kontaktować" broke in two in the first column ("Kiedy się z nami / kontaktować"), half the back's width
    beside it empty. Under it, the columns start level, clear of the heading; in Arabic the heading is at the
    right, where the first column is."""
    result = result_of(sources(ROOT / "translations" / f"{language}.yaml", BRAND), api.Options(layout="bifold"))
    assert result.ok and result.layout
    back = result.layout.sheet.sides[0].panel("back").content
    lines = [t for t in texts(result.layout) if t.region == "back" and t.section == "contact-us"]
    heading = max(lines, key=lambda t: t.baseline)
    assert heading.measure.w > back.w * 0.9, heading.measure  # (set across the back, not in a column)
    assert heading.box.w > back.w / 2 or language == "ar", heading.text  # (one line, wider than a column)
    words = [t for t in lines if t is not heading]
    tops = [
        max((t for t in words if (t.box.x < back.x + back.w / 2) == left), key=lambda t: t.baseline)
        for left in (True, False)
    ]
    assert abs(tops[0].baseline - tops[1].baseline) < 0.5, [t.text for t in tops]
    assert all(heading.box.y - t.box.top > 2.0 for t in tops), (heading.box, [t.box for t in tops])
    assert [t.text for t in lines].count(heading.text) == 1 and heading.text.count(" ") >= 2
    if language == "ar":
        assert abs(heading.box.right - back.right) < 1.0 and tops[1].z < tops[0].z  # (the right column read first)
    else:
        assert heading.text == "Kiedy się z nami kontaktować" and tops[0].z < tops[1].z


def test_a_long_right_to_left_heading_breaks_into_even_lines(tmp_path: Path) -> None:
    """A long Arabic heading across the bi-fold's back broke 110 mm and 24 mm: right-to-left headings were not
    balanced. Its two lines are about even, as a left-to-right heading's are, at the back's right edge."""
    long = "متى تتصل بنا على وجه السرعة، ليلًا أو نهارًا، بعد علاج الوخز بالإبر الدقيقة"
    text = (ROOT / "translations" / "ar.yaml").read_text(encoding="utf-8")
    assert text.count("    heading: متى تتصل بنا\n") == 1
    words = tmp_path / "ar.yaml"
    words.write_text(text.replace("    heading: متى تتصل بنا\n", f"    heading: {long}\n"), encoding="utf-8")
    result = result_of(sources(words, BRAND), api.Options(layout="bifold"))
    assert result.ok and result.layout
    back = result.layout.sheet.sides[0].panel("back").content
    lines = [t for t in texts(result.layout) if t.region == "back" and t.section == "contact-us"]
    size = max(max(r.size for r in t.runs) for t in lines)
    heading = [t for t in lines if max(r.size for r in t.runs) == size]
    assert len(heading) == 2 and min(t.box.w for t in heading) > 0.6 * max(t.box.w for t in heading), heading
    assert all(abs(t.box.right - back.right) < 1.0 for t in heading)
