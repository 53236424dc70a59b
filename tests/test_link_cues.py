"""A link in the words is told from the words around it by more than its colour (WCAG 2.1, 1.4.1): in every layout's
office edition it is underlined in its colour, read from the PDF (the line drawn under its words, inside its link
annotation's rectangle)."""

from __future__ import annotations

import ctypes
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pikepdf
import pypdfium2
import pypdfium2.raw as pdfium_c
import pytest
from conftest import Inputs
from helpers import BRAND, CONTENT, ROOT, actual_texts, build, reopen, result_of, sources
from reportlab.lib.styles import ParagraphStyle

from brochure import api
from brochure.layout.model import Text
from brochure.theme import styles
from brochure.vocabulary import LAYOUTS

Box = tuple[float, float, float, float]  # left, bottom, right, top
Colour = tuple[int, int, int]


def _colour(get: object, obj: pypdfium2.PdfObject) -> Colour:
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    assert get(obj.raw, r, g, b, a)  # type: ignore[operator]
    return r.value, g.value, b.value


WIDTHS: dict[Box, float] = {}  # each line's stroke width, by the box of its path (_painted)


def _painted(pdf: bytes, page: int) -> tuple[list[tuple[Box, Colour]], list[tuple[Box, Colour]]]:
    """Every line drawn on the page (a stroked path at most 3 pt tall: the box of its path, and its stroke colour;
    its width noted in WIDTHS), and every text object (its box and fill colour)."""
    doc = pypdfium2.PdfDocument(pdf)
    try:
        lines, texts = [], []
        for obj in doc[page].get_objects(max_depth=8):
            box = tuple(float(v) for v in obj.get_bounds())
            if obj.type == pdfium_c.FPDF_PAGEOBJ_PATH and box[3] - box[1] <= 3.0:
                width = ctypes.c_float()  # (PDFium's box holds the stroke's width on every side: the path's own)
                assert pdfium_c.FPDFPageObj_GetStrokeWidth(obj.raw, width)
                w = width.value
                path = (box[0] + w, box[1] + w, box[2] - w, box[3] - w)
                lines.append((path, _colour(pdfium_c.FPDFPageObj_GetStrokeColor, obj)))
                WIDTHS[path] = w
            elif obj.type == pdfium_c.FPDF_PAGEOBJ_TEXT:
                texts.append((box, _colour(pdfium_c.FPDFPageObj_GetFillColor, obj)))
        return lines, texts  # type: ignore[return-value]
    finally:
        doc.close()


def _inside(inner: Box, outer: Box, slack: float = 0.6) -> bool:
    return all(
        (
            inner[0] >= outer[0] - slack,
            inner[1] >= outer[1] - slack,
            inner[2] <= outer[2] + slack,
            inner[3] <= outer[3] + slack,
        )
    )


def _underlined(pdf: bytes, chosen: Callable[[str], bool]) -> int:
    """How many of the links whose words (/Contents) are `chosen` have a line under their words, as wide as them and
    in their colour, inside the link annotation's rectangle, and no line running on beside it (asserted)."""
    found = 0
    with reopen(pdf) as doc:
        for p, page in enumerate(doc.pages):
            for annot in page.obj.get("/Annots", []):
                if not chosen(str(annot.get("/Contents", ""))):
                    continue
                rect: Box = tuple(float(v) for v in annot.Rect)  # type: ignore[assignment]
                lines, texts = _painted(pdf, p)
                words = [(b, c) for b, c in texts if _inside(b, rect, 1.0)]
                assert words, rect
                (colour,) = {c for _, c in words}
                left, right = min(b[0] for b, _ in words), max(b[2] for b, _ in words)
                under = [
                    b
                    for b, c in lines
                    if c == colour and _inside(b, rect) and b[0] <= left + 1.0 and b[2] >= right - 1.0
                ]
                assert under, (rect, lines)
                low, high = min(w[1] for w, _ in words), max(w[3] for w, _ in words)
                assert all(b[3] <= low + 0.3 * (high - low) for b in under), "under the words, not through them"
                thick = [WIDTHS[b] / (high - low) for b in under]  # (as thick as a font's underline: 1 pt at 8 pt
                assert all(0.045 < t < 0.095 for t in thick), thick  # was heavy, 0.14: at 16 pt light)
                band = [b for b, _ in lines if rect[1] - 2.0 <= b[1] <= rect[3]]  # (lines drawn along its line)
                assert all(rect[0] - 0.6 <= b[0] and b[2] <= rect[2] + 0.6 for b in band), "a line beside the words"
                found += 1
    return found


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_link_in_the_words_is_underlined_in_its_colour_inside_its_link_area(inputs: Inputs, layout: str) -> None:
    """The test words' "See [our site](https://example.com)." (the link printed in the brand's primary colour, the
    words around it in the text colour): a line under "our site", as wide as its words and in their colour, inside
    the link annotation; no line runs on under the words beside it ("See")."""
    result = build(inputs, layout=layout)
    assert result.ok and result.pdf is not None, [d.format() for d in result.diagnostics]
    assert _underlined(result.pdf, lambda said: said == "our site") == 1, layout


def test_the_large_prints_doi_links_in_the_sources_are_underlined_in_their_colour() -> None:
    """The sources in full: each DOI (a link in the primary colour, in a reference's text-coloured words) is
    underlined in its colour, as a link in the words is."""
    result = result_of(sources(CONTENT, BRAND), api.Options(layout="large-print"))
    assert result.ok and result.pdf is not None
    assert _underlined(result.pdf, lambda said: said.startswith("doi:")) >= 8  # (every one: each is asserted)


def _edited(path: Path, old: str, new: str, tmp_path: Path) -> Path:
    """A copy of a shipped content file with `old` (written once in it) replaced by `new`."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    out = tmp_path / path.name
    out.write_text(text.replace(old, new), encoding="utf-8")
    return out


def test_a_word_broken_at_a_soft_hyphen_beside_an_underlined_link_is_read_whole(tmp_path: Path) -> None:
    """A paragraph with an underlined link was drawn by ReportLab, which printed the hyphen added where a word broke
    at a soft hyphen as a typed one: "Mikronadelungs- behandlungsgeräte" read as two words. Set by brochure (its
    underline drawn the same), that hyphen is a Span whose /ActualText is U+00AD, and the link is still underlined."""
    long = "Mikro\\u00adnadelungs\\u00adbehandlungs\\u00adger\\u00e4te"
    words = f"Never share one. Ask about our {long} and {long} on [our care page](https://clearwaterskin.co.uk/care)."
    content = _edited(CONTENT, "Never share one.", words, tmp_path)
    result = result_of(sources(content), api.Options(layout="trifold"))
    assert result.ok and result.layout is not None and result.pdf is not None
    texts = [t for page in result.layout.pages for t in page.items if isinstance(t, Text)]
    (element,) = {t.element for t in texts if "care page" in t.text}
    broken = [t for t in texts if t.element == element and [r.actual for r in t.runs if r.text][-1:] == ["\xad"]]
    assert len(broken) >= 1, [t.text for t in texts if t.element == element]
    assert actual_texts(result.pdf).count("\xad") == len(broken)  # (the content has no other soft hyphens)
    assert _underlined(result.pdf, lambda said: said == "our care page") == 1


@pytest.mark.parametrize(
    ("content", "old", "new"),
    [
        (
            ROOT / "translations" / "ar.yaml",
            "لا تشارك جهازك مع أحد أبدًا.",
            "لا تشارك جهازك مع أحد أبدًا. [احجز موعدك](https://clearwaterskin.co.uk/book) اليوم.",
        ),
        (
            CONTENT,
            "Never share one.",
            "Never share one (لا تشارك). Read [the aftercare details](https://clearwaterskin.co.uk/care).",
        ),
    ],
    ids=["arabic", "an-arabic-word-in-english"],
)
def test_a_link_in_right_to_left_words_is_underlined_in_its_colour(
    tmp_path: Path, content: Path, old: str, new: str
) -> None:
    """A paragraph with right-to-left letters is set by layout/rtl.py, which drew no underline: its links were told
    by colour alone. In the office edition, a line under the link's words, in their colour, inside its link area."""
    said = new.split("[")[1].split("]")[0]
    result = result_of(sources(_edited(content, old, new, tmp_path)), api.Options(layout="trifold"))
    assert result.ok and result.pdf is not None
    assert _underlined(result.pdf, lambda words: words == said) >= 1  # (on each line it runs over: each is asserted)


def test_an_indented_paragraph_wholly_a_link_is_underlined_under_its_words_on_every_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A one-style paragraph with a left indent (no shipped style has one: a list item's words are hung past their
    dot by the item, not by their style) that is wholly a link: ReportLab drew its lines after the first an underline
    starting where an unindented line would, the indent to the left of their words. Read from the PDF, on each line
    the line under the link's words, in their colour, lies within their extent."""

    def indented(*args: Any) -> dict[str, ParagraphStyle]:
        out = made(*args)
        out["bullet"] = ParagraphStyle("bullet", parent=out["bullet"], leftIndent=12.0)
        return out

    made = styles._styles
    monkeypatch.setattr(styles, "_styles", indented)
    said = "Wear SPF 30 or higher every day, as our aftercare page explains"
    link = f'"[{said}](https://clearwaterskin.co.uk/care)"'
    result = api.build(sources(_edited(CONTENT, '"Wear SPF 30 or higher every day"', link, tmp_path)), api.Options())
    assert result.ok and result.pdf is not None, [d.format() for d in result.diagnostics]
    with reopen(result.pdf) as doc:
        rects = [
            (p, tuple(float(v) for v in a.Rect))
            for p, page in enumerate(doc.pages)
            for a in page.obj.get("/Annots", [])
            if str(a.get("/Contents", "")) == said
        ]
    assert len(rects) >= 2  # (a link's area on each line it runs over)
    for p, rect in rects:
        lines, texts = _painted(result.pdf, p)
        words = [(b, c) for b, c in texts if _inside(b, rect, 1.0)]
        (colour,) = {c for _, c in words}
        low, high = min(b[1] for b, _ in words), max(b[3] for b, _ in words)
        left, right = min(b[0] for b, _ in words), max(b[2] for b, _ in words)
        under = [b for b, c in lines if c == colour and rect[1] - 0.6 <= b[1] <= low + 0.3 * (high - low)]
        assert under and all(left - 0.6 <= b[0] and b[2] <= right + 0.6 for b in under), (rect, words, under)


def test_the_kits_email_in_its_fine_print_is_a_link_in_the_office_edition() -> None:
    """The kit's other-formats and feedback lines give the clinic's email bare ("... or email
    hello@clearwaterskin.co.uk"): it printed with no link; the office PDF links each where it is printed (the
    contact line's own link besides), the press edition none."""
    office = result_of(sources(), api.Options())
    assert office.ok and office.layout and office.pdf
    mail = [
        link for page in office.layout.pages for link in page.links if link.url == "mailto:hello@clearwaterskin.co.uk"
    ]
    assert len(mail) == 3, mail  # (the contact line, "or email ...", "Tell us what you think ...: ...")
    with pikepdf.open(io.BytesIO(office.pdf)) as pdf:
        uris = [str(a.A.URI) for page in pdf.pages for a in page.get("/Annots", []) if "/A" in a]
    assert uris.count("mailto:hello@clearwaterskin.co.uk") == 3, uris
    press = result_of(sources(), api.Options(target="press"))
    assert press.ok and press.layout and not any(page.links for page in press.layout.pages)


def test_an_address_typed_bare_where_words_must_be_alone_prints_unlinked(tmp_path: Path) -> None:
    """The cover's kicker and the QR code's label must be words alone: an address typed bare there was refused as
    "a link" once bare addresses were linked (the leaflet built before); it builds, printed with no link of its
    own (the label's would lie inside the QR box's)."""
    from helpers import words_written

    text = CONTENT.read_text(encoding="utf-8")
    for old, new in (("kicker: Patient information", "kicker: Patient information www.example.com"),
                     ("qr_label: Scan to book", "qr_label: Scan to book at www.example.com/book")):  # fmt: skip
        assert text.count(old) == 1
        text = text.replace(old, new)
    result = api.build(words_written(tmp_path, text), api.Options())
    assert result.ok and result.layout, [d.format() for d in result.diagnostics if d.is_error]
    urls = [link.url for page in result.layout.pages for link in page.links]
    assert not any("example.com" in url for url in urls), urls


def test_an_address_typed_bare_beside_a_link_or_in_a_linked_source_is_one_link_of_its_own(tmp_path: Path) -> None:
    """Beside a link typed in the same paragraph, a bare address was checked as a typed link's words and warned of
    as "a web address other than the one it opens" (its brackets, its %20); inside a source's short form, which
    links to its DOI, it made a link inside that link. Neither now."""
    from helpers import words_written

    text = CONTENT.read_text(encoding="utf-8")
    for old, new in (
        (
            "We will talk through your options, with no pressure.",
            "See [the NHS](https://www.nhs.uk), https://example.com/leaflet%20v2.pdf and"
            " (https://en.wikipedia.org/wiki/Acne_(disease)).",
        ),
        ('short: "Alam M et al. JAMA Dermatol. 2014;150(8):844-9."', 'short: "Alam M et al. www.example.com/alam."'),
    ):
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    result = api.build(words_written(tmp_path, text), api.Options())
    assert result.ok and result.layout, [d.format() for d in result.diagnostics if d.is_error]
    assert not [d.message for d in result.diagnostics if "other than the one it opens" in d.message]
    urls = [link.url for page in result.layout.pages for link in page.links]
    assert "https://example.com/leaflet%20v2.pdf" in urls and "https://www.example.com/alam" not in urls, urls
