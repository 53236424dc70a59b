"""The large-print edition: portrait pages of 16 pt words, numbered, the references in full, read from the PDF."""

from __future__ import annotations

import dataclasses
import re
from functools import cache
from itertools import pairwise
from pathlib import Path

import pikepdf
import pypdfium2
import pytest
from conftest import Inputs, edit
from helpers import BRAND, CONTENT, MAPLE, read_qr, reopen, result_of, sources, words_written

from brochure import api
from brochure.geometry.sheet import Rect
from brochure.layout.model import Frame, Layout, Shape, Text
from brochure.preflight.design import check_type_sizes
from brochure.theme.styles import LARGE_PRINT
from brochure.vocabulary import PaperName, Target

EDITIONS = [
    pytest.param(BRAND, "a4", "office", id="clearwater-a4-office"),
    pytest.param(BRAND, "letter", "press", id="clearwater-letter-press"),
    pytest.param(MAPLE, "letter", "office", id="maple-letter-office"),
    pytest.param(MAPLE, "a4", "press", id="maple-a4-press"),
]


@cache
def large(brand: Path = BRAND, paper: PaperName = "a4", target: Target = "office") -> api.Result:
    result = result_of(sources(CONTENT, brand), api.Options(layout="large-print", paper=paper, target=target))
    assert result.ok, [d.format() for d in result.diagnostics]
    return result


def _pdf_pages(pdf: bytes) -> list[str]:
    doc = pypdfium2.PdfDocument(pdf)
    try:
        return [doc[i].get_textpage().get_text_range() for i in range(len(doc))]
    finally:
        doc.close()


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\ufffe", "").replace("\u00ad", "")).strip()


@pytest.mark.parametrize(("brand", "paper", "target"), EDITIONS)
def test_builds_clean_on_portrait_pages_each_numbered(brand: Path, paper: PaperName, target: Target) -> None:
    """Portrait pages (a booklet, not a fold), as few as the words need, every page but the cover saying
    'Page n of N'; no finding but the Maple kit's known ones (the UK words' producer, numbers and NHS in a US kit)."""
    result = large(brand, paper, target)
    known = ("producer", "urgent help", "the UK's health service", "as written in GB")
    assert not [d for d in result.diagnostics if not any(k in d.message for k in known)]
    doc = reopen(result.pdf or b"")
    assert 3 <= len(doc.pages) <= 16 and len(doc.pages) == result.pages
    for page in doc.pages:
        x0, y0, x1, y1 = (float(v) for v in page.trimbox)
        assert y1 - y0 > x1 - x0  # portrait
    texts = _pdf_pages(result.pdf or b"")
    total = len(texts)
    assert "Page 1 of" not in texts[0]
    for n, text in enumerate(texts[1:], 2):
        assert f"Page {n} of {total}" in _flat(text)
    assert result.layout is not None and result.layout.qr is not None  # its QR code, as printed, reads right
    qr, b = result.layout.qr, result.layout.qr.box
    assert read_qr(result.pdf or b"", qr.page, (b.x, b.y, b.w, b.h), result.layout.sheet.media.h) == [qr.url]


def test_the_office_edition_prints_two_sided_flipped_on_the_long_edge() -> None:
    """Portrait pages printed on both sides turn like a book's: the long edge."""
    doc = reopen(large().pdf or b"")
    assert doc.Root.ViewerPreferences.Duplex == pikepdf.Name.DuplexFlipLongEdge


@pytest.mark.parametrize(("brand", "paper", "target"), EDITIONS)
def test_every_word_is_16_pt_or_more(brand: Path, paper: PaperName, target: Target) -> None:
    """From the PDF: every font size set is at least 16 pt, the layout's stated least (RNIB clear print: no text
    smaller than the body); the fine print, sources, drawing labels, page numbers, step numbers and the citations'
    numbers included (they were superscripts at 80 %, 12.8 pt), and nothing is raised off its line."""
    sizes, rises = [], []
    for page in reopen(large(brand, paper, target).pdf or b"").pages:
        for operands, operator in pikepdf.parse_content_stream(page):
            if str(operator) == "Tf":
                sizes.append(float(operands[1]))
            elif str(operator) == "Ts":
                rises.append(float(operands[0]))
    assert sizes and min(sizes) >= LARGE_PRINT.floor - 0.01 == 16.0 - 0.01
    assert set(rises) <= {0.0}
    layout = large(brand, paper, target).layout
    assert layout is not None
    runs = [r for p in layout.pages for t in p.items if isinstance(t, Text) for r in t.runs if r.text.strip()]
    assert [r.size for r in runs if r.size < 15.99] == []


def test_citations_print_as_numbers_in_brackets_at_the_words_size() -> None:
    """The citations' numbers read in the words' own size, in brackets after the word they belong to (kept to it by
    a no-break space) and before the punctuation written before them, as bracketed numbers go ("cure. [8] There"
    read [8] with the next sentence); the sources list numbers them the same."""
    text = _flat(" ".join(_pdf_pages(large().pdf or b"")))
    assert "improve scars [1] and may make skin firmer and soften fine lines [2]." in text.replace("\xa0", " ")
    assert "It is not right for everyone [9], and we only treat adults." in text.replace("\xa0", " ")


def test_a_citation_in_the_kicker_prints_in_brackets_at_its_size(tmp_path: Path) -> None:
    """The cover's kicker cites at its own size too (16 pt), not in a 12.8 pt superscript."""
    text = CONTENT.read_text(encoding="utf-8")
    assert text.count("kicker: Patient information\n") == 1
    cited = text.replace("kicker: Patient information\n", 'kicker: "Patient information[^alam2014]"\n')
    src = words_written(tmp_path, cited)
    result = api.build(src, api.Options(layout="large-print"))
    assert result.ok and result.layout is not None, [d.format() for d in result.diagnostics]
    (kicker,) = [t for t in result.layout.pages[0].items if isinstance(t, Text) and "Patient information" in t.text]
    assert kicker.text == "Patient information\xa0[1]"
    assert {r.size for r in kicker.runs if r.text.strip()} == {16.0} and {r.rise for r in kicker.runs} == {0.0}


def test_a_text_under_16_pt_in_large_print_is_warned_of_also_a_raised_number() -> None:
    """The preflight holds large print to 16 pt for every run, a raised one too (a citation was once 12.8 pt)."""
    result = large()
    assert result.layout is not None
    pages = list(result.layout.pages)
    page = pages[1]
    line = next(i for i in page.items if isinstance(i, Text) and i.role == "paragraph" and i.text.strip())
    k = max(j for j, r in enumerate(line.runs) if r.text.strip())
    runs = (*line.runs[:k], dataclasses.replace(line.runs[k], size=12.8, rise=5.0), *line.runs[k + 1 :])
    pages[1] = dataclasses.replace(
        page, items=tuple(dataclasses.replace(i, runs=runs) if i is line else i for i in page.items)
    )
    layout = dataclasses.replace(result.layout, pages=tuple(pages))
    brand = sources().brand
    assert not [d for d in check_type_sizes(result.layout, brand) if "large-print" in d.message]
    (warned,) = [d for d in check_type_sizes(layout, brand) if "large-print" in d.message]
    assert "in 12.8 pt, under its 16 pt" in warned.message


def test_the_references_print_in_full_with_their_dois_numbered_as_cited() -> None:
    """The Vancouver text of every reference the edition cites, and its DOI, in the order of first citation:
    the full list the folded leaflets have no room for."""
    src = sources()
    text = _flat(" ".join(_pdf_pages(large().pdf or b"")))
    refs = {r.id: r for r in src.content.references}
    start = text.index("Sources 1 ")
    listed = text[start:]
    for ref in refs.values():
        assert _flat(ref.text)[:60] in listed, ref.id
        if ref.doi:
            assert f"doi:{ref.doi}" in listed
    numbers = [int(n) for n in re.findall(r"(?:^|\s)(\d{1,2}) [A-Z][a-zA-Z-]+ [A-Z]", listed[len("Sources ") - 1 :])]
    assert numbers[: len(refs)] == list(range(1, len(refs) + 1))


def _numbers_and_bodies(pdf: bytes) -> dict[int, tuple[float, float]]:
    """Each listed source's number -> the right edge of its number and the left edge of its text as printed (the
    characters' boxes by their advance widths, from the PDF reopened), from the "Sources" heading on."""
    doc = pypdfium2.PdfDocument(pdf)
    found: dict[int, tuple[float, float]] = {}
    try:
        listing = False
        for i in range(len(doc)):
            page = doc[i].get_textpage()
            text = page.get_text_range()
            start = text.find("Sources\r\n") if not listing else 0
            listing = listing or start >= 0
            for m in re.finditer(r"(?m)^(\d{1,2}) (\S)", text[max(start, 0) :] if listing else ""):
                if int(m.group(1)) == len(found) + 1:  # (the next number: not a line's year or page)
                    at = max(start, 0)
                    right = page.get_charbox(at + m.end(1) - 1, loose=True)[2]
                    left = page.get_charbox(at + m.start(2), loose=True)[0]
                    found[len(found) + 1] = (right, left)
    finally:
        doc.close()
    return found


def test_the_sources_numbers_are_flush_right_and_their_texts_start_level() -> None:
    """A numbered list's numbers line up by their last digit: "9" over the "0" of "10" (they were set flush left,
    "9" over the "1"), and every reference's text starts at the same x, half an em past the widest number."""
    found = _numbers_and_bodies(large().pdf or b"")
    assert len(found) >= 10, found
    rights = [r for r, _ in found.values()]
    lefts = [b for _, b in found.values()]
    assert abs(found[9][0] - found[10][0]) <= 0.1, (found[9], found[10])
    assert max(rights) - min(rights) <= 0.1, rights
    assert max(lefts) - min(lefts) <= 0.1, lefts
    assert min(lefts) > max(rights) + 4.0  # (the gap: half an em of 16 pt)


def test_eleven_sources_fit_their_column_though_11_is_narrower_than_10(tmp_path: Path) -> None:
    """The numbers' column is as wide as the widest number, not the last: in Be Vietnam Pro's proportional figures
    "11" is narrower than "10", and eleven sources refused to build ("a word is 1.5 mm too long ... ('10')")."""
    text = CONTENT.read_text(encoding="utf-8")
    for rid in ("hou2017", "friedmann2024", "connolly2017"):
        text = re.sub(rf"  - id: {rid}\n(    .*\n)+", "", text.replace(f"[^{rid}]", ""))
    src = words_written(tmp_path, text)
    result = api.build(src, api.Options(layout="large-print"))
    assert result.ok, [d.format() for d in result.diagnostics]
    found = _numbers_and_bodies(result.pdf or b"")
    assert len(found) == 11, found
    rights = [r for r, _ in found.values()]
    assert max(rights) - min(rights) <= 0.1 and min(b for _, b in found.values()) > max(rights) + 4.0, found


def _sections(layout: Layout) -> list[str]:
    seen: list[str] = []
    for page in layout.pages:
        for item in page.items:
            if item.section and item.section not in seen:
                seen.append(item.section)
    return seen


def test_every_section_in_the_contents_order_then_the_sources() -> None:
    """The same words as the fullest folded leaflet, in the order the content file gives them (no flap or
    back to jump to), the sources after them; nothing on the last page but the booking panel and fine print."""
    src = sources()
    layout = large().layout
    assert layout is not None
    order = _sections(layout)
    assert order == [*(s.id for s in src.content.sections), "sources"]
    last = layout.pages[-1]
    assert not [i for i in last.items if i.section] and any(i.role == "qr" for i in last.items)
    assert "CSC-MN-001" in _flat(_pdf_pages(large().pdf or b"")[-1])


def test_lists_and_cards_are_one_column_and_short_sections_are_never_split() -> None:
    """Clear print: one column. A section up to half a page tall starts on the page it ends on."""
    layout = large().layout
    assert layout is not None
    lefts = {
        round(t.box.x)
        for p in layout.pages
        for t in p.items
        if isinstance(t, Text) and t.role in ("list_item", "paragraph") and t.section
    }
    column = layout.sheet.sides[1].panels[0].content
    assert min(lefts) == round(column.x) and max(lefts) < column.x + column.w / 4, lefts  # indents, no 2nd column
    page_h = column.h
    split = []
    for sid in [s.id for s in sources().content.sections]:
        boxes: dict[int, list[Rect]] = {}
        for i, p in enumerate(layout.pages):
            boxes.update(
                {i: [t.box for t in p.items if t.section == sid]} if any(t.section == sid for t in p.items) else {}
            )
        height = sum(max(b.top for b in bs) - min(b.y for b in bs) for bs in boxes.values())
        if height <= page_h / 2 and len(boxes) > 1:
            split.append(sid)
    assert split == []
    contact = {i for i, p in enumerate(layout.pages) for t in p.items if t.section == "contact-us"}
    assert len(contact) == 1  # the emergency list stays under its heading


@pytest.mark.parametrize(("brand", "paper", "target"), EDITIONS)
def test_the_last_two_pages_facing_each_other_end_about_level(brand: Path, paper: PaperName, target: Target) -> None:
    """Where the words end on the right-hand page of a spread, its two pages end about level (within a sixth of a
    page): not a full page facing a page of two references (the English A4 edition's page 9 held two, 175 mm above
    page 8's foot). Every other page is filled to its foot, as before."""
    layout = large(brand, paper, target).layout
    assert layout is not None
    feet = [
        min((t.box.y for t in p.items if isinstance(t, Text) and t.role != "folio"), default=None) for p in layout.pages
    ]
    column = layout.sheet.sides[1].panels[0].content
    if len(feet) % 2:  # the words end on a left-hand page, facing the booking page (the English words on Letter, their
        # lines 1.5 times their type apart): nothing to even; the pages before it filled
        assert all(f is not None and f - column.y < column.h / 2 for f in feet[1:-2])
        return
    left, right = feet[-3], feet[-2]  # (pages 2-3, 4-5, ... face each other)
    assert left is not None and right is not None
    assert abs(left - right) < column.h / 6, (round(left), round(right), round(column.h))
    assert all(f is not None and f - column.y < column.h / 2 for f in feet[1:-3])  # (the others: mostly filled)
    assert layout.body_size is not None
    if max(left, right) - column.y < 1.5 * layout.body_size:
        return  # both pages full to their feet (within a line): nothing to even
    gaps = [_gaps_between_pieces(p.items) for p in layout.pages[-3:-1]]  # the shorter page's gaps grew towards
    shorter, fuller = (gaps[0], gaps[1]) if left > right else (gaps[1], gaps[0])  # the fuller's foot
    assert min(shorter) > min(fuller) + 0.5, gaps


def _gaps_between_pieces(items: tuple[Frame, ...]) -> list[float]:
    """From one baseline to the next where a piece (a paragraph, a reference) ends and the next begins."""
    lines = [t for t in items if isinstance(t, Text) and t.role not in ("folio", "label")]  # (a number beside its
    lines.sort(key=lambda t: -t.baseline)  # first line, a reference's or a step's, is part of its piece)
    return [a.baseline - b.baseline for a, b in pairwise(lines) if a.element != b.element]


@pytest.mark.parametrize(
    ("key", "was", "long"),
    [
        ("needles", "Fine needles", "Fine sterile needles, used once and then thrown away safely"),
        ("collagen", "New collagen", "New collagen and elastin fibres, made by the skin over months"),
    ],
)
def test_a_drawing_label_that_has_to_shrink_is_named(tmp_path: Path, key: str, was: str, long: str) -> None:
    """A label too long for the drawing's side at 16 pt shrinks to fit: the edition warns, naming it (the labels
    shrink together: it named the first of them, whichever was too long)."""
    text = CONTENT.read_text(encoding="utf-8")
    assert text.count(f"{key}: {was}") == 1
    (tmp_path / "content.yaml").write_text(text.replace(f"{key}: {was}", f"{key}: {long}"), "utf-8")
    src, _ = api.load(tmp_path / "content.yaml", BRAND)
    assert src is not None
    result = api.build(src, api.Options(layout="large-print"))
    warnings = [d for d in result.diagnostics if "large-print edition sets" in d.message]
    assert result.ok and len(warnings) == 1 and "under its 16 pt" in warnings[0].message
    at = warnings[0].location  # (at the label as written, not at the brand's body font)
    assert at.file == str(tmp_path / "content.yaml") and at.key.endswith(f".labels.{key}"), at
    quoted = warnings[0].message.split("'")[1]  # (a line of the label as printed, not cut inside a word)
    assert long.startswith(quoted) and long[len(quoted) :][:1] in ("", " "), quoted


LONGER = {  # labels of six or seven words each: too long for one line beside the drawing at 16 pt
    "Top layer (epidermis)": "The top protective outer layer called epidermis",
    "Deeper layer (dermis)": "The deeper supporting layer called dermis",
    "Fine needles": "Very fine sterile single use needles",
    "New collagen": "New collagen fibres forming as skin heals",
}


def test_drawing_labels_too_long_for_one_line_go_on_two_at_a_larger_size(tmp_path: Path) -> None:
    """Labels that fit on one line only shrunk to 7.5 pt printed so (exit 0, a warning) when on two lines they fit
    at 12 pt and more: the larger of the two settings is chosen."""
    text = CONTENT.read_text(encoding="utf-8")
    for old, new in LONGER.items():
        assert text.count(f": {old}\n") == 1
        text = text.replace(f": {old}\n", f": {new}\n")
    (tmp_path / "content.yaml").write_text(text, "utf-8")
    src, _ = api.load(tmp_path / "content.yaml", BRAND)
    assert src is not None
    result = api.build(src, api.Options(layout="large-print"))
    assert result.ok and result.layout
    labels = [t for p in result.layout.pages for t in p.items if isinstance(t, Text) and t.role == "label"]
    drawn = [t for t in labels if t.element.startswith("#") and t.entry is None]
    assert len(drawn) == 8 and min(r.size for t in drawn for r in t.runs) >= 12.0, sorted(
        {t.runs[0].size for t in drawn}
    )


def test_a_line_set_with_its_spaces_shrunk_is_no_word_too_long(tmp_path: Path) -> None:
    """ReportLab sets a line a little past its width where its spaces may shrink to fit it (5 % of a space each): at
    16.5 pt a call to action of natural words ("Our nurse will talk through your options") had a line 2.1 pt past,
    printed with its spaces shrunk to the column, and the build failed with "a word in the call to action is 0.8 mm
    too long" (no word was). It builds, and every line prints within its column."""
    text = CONTENT.read_text(encoding="utf-8")
    old = "We will talk through your options, with no pressure."
    new = "Our nurse will talk through your options, with no pressure."
    assert text.count(old) == 1
    (tmp_path / "content.yaml").write_text(text.replace(old, new).replace("Not sure if", "Not sure whether"), "utf-8")
    result = result_of(sources(tmp_path / "content.yaml"), api.Options(layout="large-print"))
    assert result.ok and result.layout is not None, [d.format() for d in result.diagnostics if d.is_error]
    lines = [t for page in result.layout.pages for t in page.items if isinstance(t, Text) and "Our nurse" in t.text]
    (line,) = lines
    assert line.runs[0].word_space < 0  # (its spaces shrunk)
    assert line.box.right <= line.measure.right + 0.01


def test_no_italics_and_no_capitals_for_emphasis() -> None:
    """Clear print: emphasis in bold, not italics (melasma, rolling scars); the cover's kicker as written, not in
    capitals; no italic face anywhere in the edition."""
    src = sources()
    layout = large().layout
    assert layout is not None
    fonts = {r.font for p in layout.pages for t in p.items if isinstance(t, Text) for r in t.runs}
    assert src.fonts.italic not in fonts and src.fonts.bold_italic not in fonts
    melasma = [
        r for p in layout.pages for t in p.items if isinstance(t, Text) for r in t.runs if r.text.strip() == "melasma"
    ]
    assert melasma and all(r.font == src.fonts.bold for r in melasma)
    cover = _flat(_pdf_pages(large().pdf or b"")[0])
    assert "Patient information" in cover and "PATIENT INFORMATION" not in cover


def test_a_family_with_small_letters_is_set_larger_to_look_large() -> None:
    """From the PDF: Maple & Main's body family (Alegreya Sans, x-height 0.458) is set at 18 pt, where 16 pt
    of it looked like 13.8 pt of Be Vietnam Pro; Clearwater's (Be Vietnam Pro) stays at 16 pt. The most common
    size set is the body's."""

    def body(pdf: bytes) -> float:
        sizes: dict[float, int] = {}
        for page in reopen(pdf).pages:
            for operands, operator in pikepdf.parse_content_stream(page):
                if str(operator) == "Tf":
                    size = round(float(operands[1]), 2)
                    sizes[size] = sizes.get(size, 0) + 1
        return max(sizes, key=lambda s: sizes[s])

    assert body(large(MAPLE, "letter", "office").pdf or b"") == 18.0
    assert body(large().pdf or b"") == 16.0


def test_arabic_large_print_is_set_by_its_arabic_letters() -> None:
    """From the PDF: the Arabic edition's words are in IBM Plex Sans Arabic, whose letters (heh, meem and sad
    0.41 em tall, against Be Vietnam Pro's x-height of 0.53) made 16 pt look like 12.4 pt: it is set at 18 pt."""
    from helpers import ROOT

    from brochure.theme.fonts import cmap
    from brochure.theme.shaping import arabic_height

    result = result_of(sources(ROOT / "translations" / "ar.yaml", BRAND), api.Options(layout="large-print"))
    assert result.ok and result.layout is not None and result.layout.body_size == 18.0
    runs = [r for p in result.layout.pages for t in p.items if isinstance(t, Text) for r in t.runs]
    arabic = [r.size for r in runs if "IBMPlexSansArabic-Regular" in r.font and r.rise == 0]
    assert max(set(arabic), key=arabic.count) == 18.0  # (the sources and document details too)
    face = next(r.font for r in runs if "IBMPlexSansArabic-Regular" in r.font)
    cmap(face)  # (a fallback face is registered where first asked: this test process may have read the build another
    # test process made, tests/helpers.result_of, and never asked)
    height = arabic_height(face)
    assert height is not None and 0.39 <= height <= 0.43


@pytest.mark.parametrize(
    ("title", "heading", "body"), [("Микроиглы", "Что это такое", 18.0), ("Micro-needling (μ)", "", 16.0)]
)
def test_large_print_in_a_fallbacks_letters_is_set_by_them(
    tmp_path: Path, title: str, heading: str, body: float
) -> None:
    """A Russian (or Greek) leaflet of a Latin kit prints in its fallback, Alegreya Sans (x-height 0.458): its large
    print was 16 pt, which looked like 13.8 pt; it is set at 18 pt, as a kit in that family is. A Latin leaflet
    with a Greek letter in its title keeps its family's 16 pt."""
    from helpers import copied_kit

    brand = copied_kit(tmp_path)
    kit = brand.read_text(encoding="utf-8")
    assert kit.count("fallbacks: [IBM Plex Sans Arabic]") == 1
    brand.write_text(kit.replace("[IBM Plex Sans Arabic]", "[IBM Plex Sans Arabic, Alegreya Sans]"), encoding="utf-8")
    text = CONTENT.read_text(encoding="utf-8").replace("title: Micro-needling", f"title: {title}")
    if heading:
        text = re.sub(r"(?m)^(    heading: ).*$", rf"\g<1>{heading}", text)
    (tmp_path / "content.yaml").write_text(text, encoding="utf-8")
    result = result_of(sources(tmp_path / "content.yaml", brand), api.Options(layout="large-print"))
    assert result.ok and result.layout is not None, [d.format() for d in result.diagnostics if d.is_error]
    assert result.layout.body_size == body


@pytest.mark.parametrize("language", ["es", "pl", "ar"])
def test_a_heading_and_a_one_line_lead_in_are_not_left_at_a_pages_foot(language: str) -> None:
    """Spanish, Polish and Arabic large print left "Risks and side effects" and its one-line lead-in ("Most people
    cope well, but there are risks.") at the foot of page 6, the list overleaf: read from the pages, the heading,
    its lead-in and the list's first item print on one page."""
    result = result_of(sources(CONTENT.parent / "translations" / f"{language}.yaml"), api.Options(layout="large-print"))
    assert result.ok and result.layout is not None
    on = {
        t.role: n
        for n, page in reversed(list(enumerate(result.layout.pages)))
        for t in reversed(page.items)
        if isinstance(t, Text) and t.section == "risks" and t.role in ("heading", "paragraph", "list_item")
    }  # (each role's first page)
    assert on["heading"] == on["paragraph"] == on["list_item"], on


def test_a_captioned_picture_that_fits_under_its_section_start_is_placed_there(tmp_path: Path) -> None:
    """A 3:2 photo with a caption after a section's first paragraph went overleaf with its caption, leaving three
    quarters of the page blank: the caption was taken for a heading's one-line lead-in, kept with the drawing after
    it, which did not fit. Read from the frames: the picture prints on the section's first page."""
    from PIL import Image

    from brochure.layout.model import Picture

    Image.new("RGB", (3000, 2000), (90, 120, 150)).save(tmp_path / "photo.png")
    text = CONTENT.read_text(encoding="utf-8")
    anchor = "      - layouts: [trifold, flyer, large-print]     # the bi-fold's"
    assert text.count(anchor) == 1
    image = '      - layouts: [large-print]\n        image: {src: photo.png, alt: "A room", caption: "Our room"}\n'
    (tmp_path / "content.yaml").write_text(text.replace(anchor, image + anchor), encoding="utf-8")
    result = result_of(sources(tmp_path / "content.yaml"), api.Options(layout="large-print"))
    assert result.ok and result.layout is not None, [d.format() for d in result.diagnostics if d.is_error]
    pages = result.layout.pages
    (picture,) = [n for n, page in enumerate(pages) for item in page.items if isinstance(item, Picture)]
    heading = next(
        n for n, page in enumerate(pages) for t in page.items if isinstance(t, Text) and t.section == "what-is-it"
    )
    assert picture == heading, (picture, heading)


def test_a_word_too_long_for_the_call_to_action_is_placed_on_the_last_page(tmp_path: Path) -> None:
    """Large print has no back: a word too long in its call to action is said to be on its last page (it said "on
    the back (large-print edition, a4)")."""
    text = CONTENT.read_text(encoding="utf-8")
    old = "We will talk through your options, with no pressure."
    assert text.count(old) == 1
    (tmp_path / "content.yaml").write_text(text.replace(old, "Mikronadelung" * 6 + "."), encoding="utf-8")
    result = result_of(sources(tmp_path / "content.yaml"), api.Options(layout="large-print"))
    (found,) = [d.message for d in result.diagnostics if d.is_error]
    assert " mm too long for its line on the last page (large-print edition, a4)" in found, found


def test_a_kits_text_too_wide_for_large_prints_last_page_is_said_to_be_there(tmp_path: Path) -> None:
    """Large print has no back: a contact line too wide for its last page is said to be there (it said "too wide for
    its line on the back (large-print edition, a4)")."""
    from helpers import copied_kit

    kit = copied_kit(tmp_path)
    text = kit.read_text(encoding="utf-8")
    name = "helloandwelcometotheclearwaterskinclinicpatientservicesteam"  # (no '.' to break before)
    long = f"{name}@clearwaterskin.co.uk"
    kit.write_text(text.replace("  email: hello@clearwaterskin.co.uk\n", f"  email: {long}\n"), encoding="utf-8")
    result = result_of(sources(CONTENT, kit), api.Options(layout="large-print"))
    found = [d.message for d in result.diagnostics if d.is_error and f"'{name}'" in d.message]
    assert found and all("too wide for its line on the last page (large-print edition, a4)" in m for m in found), found


DISCLAIMER = "This is general information, not a substitute for our consultation and health check. Results vary."
CONFLICTS = "Produced by the clinic, which provides this treatment. No outside funding."


def _lengthened(tmp_path: Path, disclaimer: int, conflicts: int = 1) -> api.Result:
    text = CONTENT.read_text(encoding="utf-8")
    assert text.count(DISCLAIMER) == 1 and text.count(CONFLICTS) == 1
    text = text.replace(DISCLAIMER, " ".join([DISCLAIMER] * disclaimer)).replace(
        CONFLICTS, " ".join([CONFLICTS] * conflicts)
    )
    return api.build(words_written(tmp_path, text), api.Options(layout="large-print"))


def _pages_with(pdf: bytes, text: str) -> list[int]:
    return [i for i, page in enumerate(_pdf_pages(pdf)) if text in _flat(page)]


def test_a_disclaimer_too_long_for_the_booking_page_ends_the_words_instead(tmp_path: Path) -> None:
    """Large print adds pages as its words need: a disclaimer the booking page cannot hold with the call to action,
    contact lines and document details (six times the shipped one: "the last page is over-full by 25.2 mm") is
    printed after the references in full, before the booking page, which keeps the document details."""
    result = _lengthened(tmp_path, 6)
    assert result.ok and result.pdf, [d.format() for d in result.diagnostics]
    pages = _pdf_pages(result.pdf)
    last = len(pages) - 1
    said = _pages_with(result.pdf, "Results vary. This is general information")
    assert said and max(said) < last, (said, last)
    assert "Book a consultation" in _flat(pages[last])
    assert _pages_with(result.pdf, "leaflet CSC-MN-001, version 1.2.") == [last]
    sources_at = _pages_with(result.pdf, "Cohen BE, Elbuluk N.")  # (the last reference in full)
    assert sources_at and sources_at[-1] <= min(said), (sources_at, said)


def test_document_details_too_long_for_the_booking_page_end_the_words_too(tmp_path: Path) -> None:
    """Where the disclaimer gone from the booking page still leaves it too full, the document details follow it to
    the end of the words: the booking page keeps the call to action and contact lines."""
    result = _lengthened(tmp_path, 4, 14)
    assert result.ok and result.pdf, [d.format() for d in result.diagnostics]
    last = len(_pdf_pages(result.pdf)) - 1
    assert max(_pages_with(result.pdf, "leaflet CSC-MN-001, version 1.2.")) < last
    assert max(_pages_with(result.pdf, "Results vary. This is general information")) < last


def test_a_booking_page_too_full_without_its_fine_print_names_what_it_holds(tmp_path: Path) -> None:
    """A call to action too long for a page of its own is an error that names what the booking page holds: not the
    disclaimer and document details that ended the words, nor sources large print prints in full elsewhere."""
    text = CONTENT.read_text(encoding="utf-8")
    old = "We will talk through your options, with no pressure."
    result = api.build(
        words_written(tmp_path, text.replace(old, " ".join([old] * 70))), api.Options(layout="large-print")
    )
    found = [d.message for d in result.diagnostics if d.is_error]
    assert any(
        "the last page is over-full by" in m and "the call to action, QR code and contact lines do not fit" in m
        for m in found
    ), found


def test_a_folded_leaflets_back_keeps_its_fine_print_and_says_it_is_over_full(tmp_path: Path) -> None:
    """The tri-fold's back too full for a long disclaimer, which moved after the words would make them spill, is an
    error naming it, its sources and document details still there."""
    text = CONTENT.read_text(encoding="utf-8").replace(DISCLAIMER, " ".join([DISCLAIMER] * 6))
    result = api.build(words_written(tmp_path, text), api.Options())
    found = [d for d in result.diagnostics if d.is_error]
    assert len(found) == 1 and "the back region is over-full by" in found[0].message, [d.format() for d in found]
    assert "contact lines, disclaimer, sources and document details do not fit" in found[0].message


def test_a_word_too_long_in_the_fine_print_is_said_on_the_booking_page_not_moved(tmp_path: Path) -> None:
    """A word too long for its line in the document details is no full booking page: the fine print stays there and
    the error says so ("on the last page"); it moved after the sources, and was said to be in 'page-9'."""
    long = "Mikronadelungsbehandlungsverfahrensdokumentationsverantwortlichkeitsregelungen"
    text = CONTENT.read_text(encoding="utf-8").replace(CONFLICTS, f"{CONFLICTS} {long}.")
    result = api.build(words_written(tmp_path, text), api.Options(layout="large-print"))
    found = [d for d in result.diagnostics if d.is_error]
    assert found and all("page-" not in d.message for d in found), [d.format() for d in found]
    assert any("too long for its line on the last page (large-print edition, a4)" in d.message for d in found)


def test_a_step_number_of_three_figures_prints_within_its_disc(inputs: Inputs) -> None:
    """The 100th step's number and those after it ran past both edges of their discs, white on the page, exit 0;
    the 200th was an error calling '200' a word too long for its column (a tester, 2026-12-07). A number of
    three figures is set smaller, within its disc."""
    steps = "".join(f"          - Step {n} of the course.\n" for n in range(1, 121))
    edit(
        inputs.content,
        "sections:\n",
        f"sections:\n  - id: course\n    heading: Course\n    blocks:\n      - steps:\n{steps}",
    )
    src, diags = api.load(inputs.content, inputs.brand)
    assert src is not None, [d.format() for d in diags]
    result = api.build(src, api.Options(layout="large-print"))
    assert result.pdf is not None and result.layout is not None, [d.format() for d in result.diagnostics]
    checked = 0
    for page in result.layout.pages:
        discs = [
            i for i in page.items if isinstance(i, Shape) and i.section == "course" and abs(i.box.w - i.box.h) < 0.5
        ]
        for t in page.items:
            if isinstance(t, Text) and t.section == "course" and t.text.isdigit() and int(t.text) >= 99:
                assert any(d.box.x < t.box.x and t.box.right < d.box.right for d in discs), t.text
                checked += 1
    assert checked == 22
