"""The sheet's edges and folds as printed: nothing inked in the office printer's 5 mm border, nothing within
3 mm of a fold, and the duplex hint that prints the back the right way up. Measured from the PDFs' pixels."""

from __future__ import annotations

import dataclasses
import io
import itertools
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pytest
from conftest import Inputs, edit
from helpers import (
    BRAND,
    CONTENT,
    MAPLE,
    build,
    frames_layout,
    page_texts,
    reopen,
    result_of,
    sources,
    text_item,
    texts,
)
from PIL import Image

from brochure import api
from brochure.geometry.sheet import MM, Rect
from brochure.inputs.inline import display_url
from brochure.layout import lettering
from brochure.layout.back import booking_lines as set_booking_lines
from brochure.layout.back import name_lines
from brochure.layout.model import Ink, Run, Text
from brochure.preflight.design import check_addresses

DPI = 100
EDITIONS = list(itertools.product((BRAND, MAPLE), ("trifold", "bifold", "flyer"), ("a4", "letter")))
IDS = [f"{'maple' if b == MAPLE else 'clearwater'}-{layout}-{paper}" for b, layout, paper in EDITIONS]


def pages(brand: Path, layout: str, paper: str, target: str) -> tuple[api.Result, list[Image.Image]]:
    result = result_of(sources(CONTENT, brand), api.Options(layout=layout, paper=paper, target=target))  # type: ignore[arg-type]
    assert result.ok and result.pdf is not None, [d.format() for d in result.diagnostics]
    doc = pdfium.PdfDocument(result.pdf)
    try:
        return result, [doc[i].render(scale=DPI / 72).to_pil().convert("RGB") for i in range(len(doc))]
    finally:
        doc.close()


def inked(image: Image.Image, box: tuple[int, int, int, int]) -> int:
    """How many pixels in box are not paper white (a level of tolerance for anti-aliasing)."""
    crop = image.crop(box).convert("L")
    return sum(n for level, n in enumerate(crop.histogram()) if level < 250)


@pytest.mark.parametrize(("brand", "layout", "paper"), EDITIONS, ids=IDS)
def test_nothing_is_inked_in_the_office_edge(brand: Path, layout: str, paper: str) -> None:
    """An office printer cannot print the outer 5 mm: the office edition leaves it white, colour field too."""
    _, images = pages(brand, layout, paper, "office")
    edge = round(5 * MM * DPI / 72) - 1  # (less a pixel: the ring's inner edge is anti-aliased)
    for image in images:
        w, h = image.size
        ring = [(0, 0, w, edge), (0, h - edge, w, h), (0, 0, edge, h), (w - edge, 0, w, h)]
        assert [inked(image, box) for box in ring] == [0, 0, 0, 0]


@pytest.mark.parametrize(("brand", "layout", "paper"), EDITIONS, ids=IDS)
@pytest.mark.parametrize("target", ["office", "press"])
def test_nothing_is_inked_within_3mm_of_a_fold(brand: Path, layout: str, paper: str, target: str) -> None:
    """Folding is never exact: within 3 mm of a fold nothing is printed (no sliver of the cover's colour on
    the next panel, no white line on the cover)."""
    result, images = pages(brand, layout, paper, target)
    assert result.layout is not None
    sheet = result.layout.sheet
    for page, image in zip(result.layout.pages, images, strict=True):
        for fold in page.side.folds:
            x = (fold - sheet.media.x) * DPI / 72
            band = (round(x - 2.9 * MM * DPI / 72), 0, round(x + 2.9 * MM * DPI / 72), image.size[1])
            assert inked(image, band) == 0, (page.side.name, fold / MM)


@pytest.mark.parametrize(("layout", "flip"), [("trifold", "/DuplexFlipShortEdge"), ("bifold", "/DuplexFlipShortEdge")])
def test_a_folded_sheet_turns_over_its_short_edge(layout: str, flip: str) -> None:
    result = result_of(sources(CONTENT, BRAND), api.Options(layout=layout))
    assert reopen(result.pdf or b"").Root.ViewerPreferences.Duplex == flip


@pytest.mark.parametrize("layout", ["trifold", "bifold", "flyer", "large-print"])
def test_the_office_edition_asks_to_be_printed_at_its_size(layout: str) -> None:
    """A print dialog's "fit to the printable area" shrank the sheet to about 97 %, moving the tri-fold's folds
    1.5 mm off its panels' edges: the office PDF asks for its own size (/PrintScaling /None); the press PDF, a
    PDF/X-1a file of PDF 1.3 for a print shop, has no viewer's preferences of the kind."""
    src = sources(CONTENT, BRAND)
    office = reopen(result_of(src, api.Options(layout=layout)).pdf or b"")
    assert office.Root.ViewerPreferences.PrintScaling == "/None"
    press = reopen(result_of(src, api.Options(layout=layout, target="press")).pdf or b"")
    assert "/PrintScaling" not in press.Root.get("/ViewerPreferences", {})


def test_a_two_sided_flyer_turns_over_its_long_edge_and_a_one_sided_one_prints_simplex(inputs: Inputs) -> None:
    """A portrait flyer printed on both sides turns over its long edge, or its back prints upside down; a flyer
    whose words fit one side asks for one side."""
    two = result_of(sources(CONTENT, BRAND), api.Options(layout="flyer"))
    assert two.pages == 2 and reopen(two.pdf or b"").Root.ViewerPreferences.Duplex == "/DuplexFlipLongEdge"
    one = build(inputs, layout="flyer")
    assert one.pages == 1 and reopen(one.pdf or b"").Root.ViewerPreferences.Duplex == "/Simplex"


def booking_lines(result: api.Result, address: str) -> list[str]:
    """The booking address as printed beside the QR code, line by line (read from the PDF with PDFium)."""
    assert result.ok and result.pdf and result.layout and result.layout.qr, [d.format() for d in result.diagnostics]
    qr = result.layout.qr.box
    doc = pdfium.PdfDocument(result.pdf)
    try:
        text = doc[result.layout.qr.page].get_textpage().get_text_bounded(qr.right, qr.y - 30, qr.right + 400, qr.top)
    finally:
        doc.close()
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    first = next(i for i, line in enumerate(lines) if address.startswith(line))
    parts = [lines[first]]
    for line in lines[first + 1 :]:  # the lines that go on with the address: each starts with its '/'
        if not (line.startswith("/") and address.startswith("".join(parts) + line)):
            break
        parts.append(line)
    return parts


@pytest.mark.parametrize(("brand", "layout", "paper"), EDITIONS, ids=IDS)
def test_the_booking_address_prints_whole_or_breaks_only_before_a_slash(brand: Path, layout: str, paper: str) -> None:
    """Its lines joined are the address, and no line of it ends inside a name ('clearwaterskin.co.' / 'uk'
    reads as two addresses)."""
    result = result_of(sources(CONTENT, brand), api.Options(layout=layout, paper=paper))  # type: ignore[arg-type]
    address = display_url(sources(CONTENT, brand).brand.contact.booking_url)
    assert "".join(booking_lines(result, address)) == address


def test_a_long_booking_path_breaks_before_its_slashes(inputs: Inputs) -> None:
    long = "https://example.com/book/online/consultation/micro-needling/acne-scars/first-visit"
    edit(inputs.brand, "booking_url: https://example.com/book", f"booking_url: {long}")
    parts = booking_lines(build(inputs, layout="bifold"), display_url(long))
    assert "".join(parts) == display_url(long) and len(parts) > 1 and all(p.startswith("/") for p in parts[1:])


@pytest.mark.parametrize(
    ("paper", "long"),
    [
        ("a4", "https://clearwaterskinclinicbristol.co.uk/book"),
        ("letter", "https://clearwaterskinclinicbristol.co.uk/book"),
        ("a4", "https://example.com/appointments/micro-needling/first-consultation-booking-form"),
    ],
    ids=["long-host-a4", "long-host-letter", "long-path-part-a4"],
)
def test_a_booking_address_too_wide_beside_the_code_puts_the_contact_lines_under_it(
    inputs: Inputs, paper: str, long: str
) -> None:
    """A clinic's domain as long as elmparkaesthetics.co.uk or longer, or a part of its booking path as long: the
    bi-fold set its QR box beside the contact lines, too narrow for it, and said "'...' is 12.0 mm too wide for its
    line on the back (hint: use a shorter address, or break the text with spaces)". The contact lines go under the
    QR box, and the address prints whole."""
    edit(inputs.brand, "booking_url: https://example.com/book", f"booking_url: {long}")
    if "clearwater" in long:
        edit(inputs.brand, "website: https://example.com", "website: https://clearwaterskinclinicbristol.co.uk")
    result = build(inputs, layout="bifold", paper=paper)
    assert result.ok, [d.format() for d in result.diagnostics]
    assert "".join(booking_lines(result, display_url(long))) == display_url(long)
    assert result.layout is not None and result.layout.qr is not None
    phone = next(t for t in texts(result.layout) if "0321" in t.text)
    assert phone.box.top < result.layout.qr.box.y  # (under the code, not beside it)


def test_a_booking_path_with_no_room_for_a_part_of_it_says_to_shorten_it_not_to_add_spaces(inputs: Inputs) -> None:
    """The tri-fold's back on Letter has no room for '/first-consultation-booking-form-for-new-patients' on a line,
    even set smaller: the hint said "or break the text with spaces", which a web address cannot take."""
    long = "https://example.com/appointments/micro-needling/first-consultation-booking-form-for-new-patients"
    edit(inputs.brand, "booking_url: https://example.com/book", f"booking_url: {long}")
    (found,) = [d for d in build(inputs, paper="letter").diagnostics if "too wide for its line" in d.message]
    assert "a short path, such as /book" in found.hint and "spaces" not in found.hint, found.format()


LONG_EMAIL = "appointments@lonestarskinandlaserdermatology.com"  # (a clinic's, 49 characters)


@pytest.mark.parametrize("layout", ["trifold", "flyer"])
def test_a_long_email_address_breaks_before_its_at_sign_and_stays_one_link(inputs: Inputs, layout: str) -> None:
    """An email address too wide for the back's line (8.4 mm on the tri-fold's) was an error, "use a shorter email
    address", which a clinic cannot: it prints over two lines, broken before its '@', as one mailto link, read
    whole."""
    edit(inputs.brand, "email: hello@example.com", f"email: {LONG_EMAIL}")
    result = build(inputs, layout=layout)
    assert result.ok and result.pdf and result.layout, [d.format() for d in result.diagnostics]
    lines = [t for page in result.layout.pages for t in page.items if isinstance(t, Text)]
    first = next(t for t in lines if t.text.strip() == "appointments")
    second = next(t for t in lines if t.text.strip() == "@lonestarskinandlaserdermatology.com")
    assert abs(first.box.x - second.box.x) < 0.5 and first.box.y > second.box.y  # (the next line, under it)
    with pikepdf.open(io.BytesIO(result.pdf)) as pdf:
        links = [str(a.A.URI) for page in pdf.pages for a in page.get("/Annots", []) if "lonestar" in str(a.A.URI)]
    assert len(links) == 2 and set(links) == {f"mailto:{LONG_EMAIL}"}, links  # (a rectangle a line, one place)
    assert first.element == second.element and first.alt == second.alt == LONG_EMAIL  # (one line's words, read whole)


def test_name_lines_break_before_the_at_sign_then_before_dots() -> None:
    """An address too wide is broken before its '@' first, then before the dots of what is still too wide; never
    after a dot or inside a name; whole when it fits or has no mark to break before."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase.pdfmetrics import stringWidth

    style = ParagraphStyle("t", fontName="Helvetica", fontSize=10)
    assert name_lines(LONG_EMAIL, style, 1000) == [LONG_EMAIL]
    assert name_lines(LONG_EMAIL, style, 200) == ["appointments", "@lonestarskinandlaserdermatology.com"]
    assert name_lines(LONG_EMAIL, style, 160) == ["appointments", "@lonestarskinandlaserdermatology", ".com"]
    host = "www.lonestarskinandlaserdermatology"
    assert name_lines(host + ".com", style, stringWidth(host, "Helvetica", 10)) == [
        "www.lonestarskinandlaserdermatology",
        ".com",
    ]
    assert name_lines("abcdefghijklmnopqrstuvwxyz", style, 20) == ["abcdefghijklmnopqrstuvwxyz"]


def test_a_long_booking_domain_is_set_smaller_beside_the_code_then_broken_before_its_dots() -> None:
    """A clinic's long domain too wide for the room beside the QR code (9.4 mm on the Letter tri-fold) was an error
    hinting at "a short path, such as /book", which it had: it is set smaller, down to the fine print's size, whole
    where that fits; broken before its dots only past that, its last part and the path on one line."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase.pdfmetrics import stringWidth

    url = ParagraphStyle("url", fontName="Helvetica", fontSize=9.5, leading=11)
    fine = ParagraphStyle("fine", fontName="Helvetica", fontSize=8.0, leading=10.4)
    host = "lonestarskinandlaserdermatology.com"
    room = stringWidth(host, "Helvetica", 9.0)  # (too narrow at 9.5 pt, wide enough at 9)
    style, lines = set_booking_lines(host + "/book", url, fine, room)
    assert lines == [host, "/book"] and style.fontSize == 9.0 and style.leading == pytest.approx(11 * 9 / 9.5)
    style, lines = set_booking_lines("www." + host + "/book", url, fine, stringWidth(host, "Helvetica", 8.0))
    assert style.fontSize == 8.0 and lines == ["www", ".lonestarskinandlaserdermatology", ".com/book"], lines
    style, lines = set_booking_lines("example.com/book", url, fine, 200)
    assert style is url and lines == ["example.com/book"]


def test_a_booking_domain_too_long_even_broken_is_told_to_use_another_domain(inputs: Inputs) -> None:
    """The hint for a domain's name too wide for its line is not to shorten the path (it was "a short path, such
    as /book")."""
    long = "https://lonestarskinandlaserdermatologyofnorthaustintexasandroundrock.com/book"  # (60 letters)
    edit(inputs.brand, "booking_url: https://example.com/book", f"booking_url: {long}")
    found = [d for d in build(inputs, paper="letter").diagnostics if "too wide for its line" in d.message]
    assert found and all("shorter domain" in d.hint and "/book" not in d.hint for d in found), found


def test_an_address_broken_inside_a_name_is_an_error() -> None:
    """A guard (the layout breaks addresses only before a '/', '@' or '.'): a booking address set as
    'clearwaterskin.co.' and 'uk/book' on two lines of one piece is found in what is printed; an email address
    broken before its '@' is not."""
    src = sources()
    first = dataclasses.replace(text_item(Rect(300, 300, 100, 9), "back", ""), runs=(_run("clearwaterskin.co."),))
    second = dataclasses.replace(text_item(Rect(300, 290, 100, 9), "back", ""), runs=(_run("uk/book"),))
    found = {d.location.key: d.message for d in check_addresses(frames_layout(first, second), src.brand)}
    message = "'clearwaterskin.co.uk/book' is printed broken across lines as 'clearwaterskin.co.' / 'uk/book'"
    assert message in found["contact.booking_url"] and "contact.website" in found  # the website, inside it
    kit = dataclasses.replace(src.brand, contact=dataclasses.replace(src.brand.contact, email=LONG_EMAIL))
    first = dataclasses.replace(text_item(Rect(300, 300, 100, 9), "back", ""), runs=(_run("appointments"),))
    second = dataclasses.replace(
        text_item(Rect(300, 290, 100, 9), "back", ""), runs=(_run("@lonestarskinandlaserdermatology.com"),)
    )
    assert check_addresses(frames_layout(first, second), kit) == []


def _run(text: str) -> Run:
    return Run(text, sources().fonts.regular, 9.0, Ink("gray", (0.0,)), 300, 90)


def _word_width(pdf: bytes, word: str) -> float:
    """How wide the first printed 'micro...needling' is, from its first letter to its last, in points."""
    doc = pdfium.PdfDocument(pdf)
    try:
        for n in range(len(doc)):
            page = doc[n].get_textpage()
            text = page.get_text_range()
            at = text.find("General micro")
            if at >= 0:
                first = at + len("General ")
                last = text.index("needling", first) + len("needling") - 1
                return float(page.get_charbox(last)[2] - page.get_charbox(first)[0])
    finally:
        doc.close()
    raise AssertionError(f"{word!r} is not in the PDF")


@pytest.mark.parametrize(
    "invisible",
    ["\u200b", "\u200c", "\u200d", "\u2060", "\u200e", "\u2066", "\\ufeff"],
    ids=["zero-width-space", "zwnj", "zwj", "word-joiner", "lrm", "isolate", "zwnbsp-escaped"],
)
def test_a_character_that_prints_nothing_leaves_no_gap_in_a_word(inputs: Inputs, invisible: str) -> None:
    """Pasted from a web page or Word: 'micro<U+200B>needling' prints as 'microneedling' does, not with a gap
    where the font's empty box was drawn, and copies out without a stray character."""
    word = f"micro{invisible}needling" + ("\u2069" if invisible == "\u2066" else "")
    edit(inputs.content, 'disclaimer: "General information only."', 'disclaimer: "General microneedling only."')
    plain = build(inputs)
    edit(inputs.content, 'disclaimer: "General microneedling only."', f'disclaimer: "General {word} only."')
    result = build(inputs)
    assert plain.pdf is not None and result.pdf is not None, [d.format() for d in result.diagnostics]
    assert abs(_word_width(result.pdf, word) - _word_width(plain.pdf, "microneedling")) < 0.01
    assert any("General microneedling only." in t for t in page_texts(result.pdf))


def test_a_zero_width_space_beside_a_no_break_space_leaves_no_gap(inputs: Inputs) -> None:
    """Text pasted from Word often has both: 'micro<U+200B>needling ... £<U+00A0>150' printed 'micro needling', a
    word's gap in it (ReportLab splits a text with a no-break space at every space it knows, a zero-width one too)."""
    edit(inputs.content, 'disclaimer: "General information only."', 'disclaimer: "Micro\u200bneedling, £\u00a0150."')
    result = build(inputs)
    assert result.pdf is not None, [d.format() for d in result.diagnostics]
    assert any("Microneedling, £\u00a0150." in t or "Microneedling, £ 150." in t for t in page_texts(result.pdf))


def test_an_arabic_letter_mark_in_english_words_is_no_arabic_letter(inputs: Inputs) -> None:
    """U+061C prints nothing, like the other direction marks: it is no letter a font must have or shape (it was
    "the ... fonts have no Arabic letters ('\u061c' U+061C ARABIC LETTER MARK)"), and U+FEFF is no script ("brochure
    cannot set Zero text yet")."""
    edit(inputs.content, 'disclaimer: "General information only."', 'disclaimer: "General micro\u061cneedling\\ufeff."')
    result = build(inputs)
    assert result.pdf is not None, [d.format() for d in result.diagnostics]
    assert any("General microneedling." in t for t in page_texts(result.pdf))


def test_a_title_with_a_joiner_pasted_in_prints_at_its_size(inputs: Inputs) -> None:
    """'Micro<ZWJ>-needling' as the title: the joiner prints nothing, yet the font's empty box was measured, and the
    title was set about 6 % smaller than the same title without it."""

    def title_size() -> float:
        result = build(inputs)
        assert result.ok and result.layout is not None, [d.format() for d in result.diagnostics]
        return max(r.size for t in texts(result.layout) if t.role == "title" for r in t.runs)

    edit(inputs.content, "title: Micro-needling", "title: Microneedlingcare")
    plain = title_size()
    edit(inputs.content, "title: Microneedlingcare", 'title: "Microneedling\u200dcare"')
    assert title_size() == plain


def test_a_clinic_name_with_a_joiner_pasted_in_is_still_the_producer(inputs: Inputs) -> None:
    """A brand name pasted with a zero-width joiner ('Test Cli<ZWJ>nic') printed as the producer's name, yet the
    check said the back names another clinic's staff."""
    edit(inputs.brand, "name: Test Clinic", 'name: "Test Cli\u200dnic"')
    result = build(inputs)
    assert result.ok and not [d for d in result.diagnostics if "as producer" in d.message], result.diagnostics


def test_a_letter_that_prints_blank_is_refused_in_a_text(inputs: Inputs) -> None:
    """A Hangul filler (U+3164: pasted to make a name look empty) in the words was "a glyph the fonts lack", with
    the hint to add fallback fonts: it prints blank in every font, and is an error at its text."""
    edit(inputs.content, 'disclaimer: "General information only."', 'disclaimer: "General\u3164information only."')
    src, diags = api.load(inputs.content, inputs.brand)
    assert src is None
    (found,) = [d for d in diags if d.is_error]
    assert "U+3164 (HANGUL FILLER), which cannot be printed" in found.message and "fallback" not in found.hint


def test_a_drawing_label_leaves_out_what_prints_nothing(inputs: Inputs) -> None:
    """A drawing's label pasted with a zero-width space or joiner prints as it does without one: no gap where the
    font's empty box was (labels left out variation selectors only)."""
    src = sources()
    measure = lettering.measure(src.fonts.regular, ())
    for invisible in ("\u200b", "\u200d", "\u2060", "\ufeff"):
        assert measure(f"Deeper{invisible} layer", 8.0) == measure("Deeper layer", 8.0)
        set_as = lettering.letter(f"Deeper{invisible} layer", src.fonts.regular, 8.0)
        assert "".join(g.text for g in set_as.runs) == "Deeper layer"


def test_a_drawing_label_prints_no_soft_hyphen(tmp_path: Path) -> None:
    """A soft hyphen in a drawing's label (as the README suggests for a long German word) printed as a hyphen,
    "Fine nee-dles", wherever the label was: a label breaks only at a space, so it prints the word whole."""
    text = CONTENT.read_text(encoding="utf-8")
    for old, new in (("needles: Fine needles", 'needles: "Fine nee\\u00addles"'), ("collagen: New collagen",
                     'collagen: "New col\\u00adla\\u200bgen"')):  # fmt: skip
        assert text.count(old) == 1
        text = text.replace(old, new)
    (tmp_path / "content.yaml").write_text(text, encoding="utf-8")
    result = result_of(sources(tmp_path / "content.yaml"), api.Options())
    assert result.ok and result.layout is not None, [d.format() for d in result.diagnostics if d.is_error]
    labels = [t.text for p in result.layout.pages for t in p.items if isinstance(t, Text) and t.role == "label"]
    assert "Fine needles" in labels and "New collagen" in labels, labels
    assert not any("\xad" in t or "-" in t for t in labels), labels


@pytest.mark.parametrize("language", ["pl", "es", "en"])
def test_drawing_labels_stacked_at_its_side_read_as_separate_labels(language: str) -> None:
    """The skin drawing's labels, set from the PDF's frames: only a label too wide for the room breaks into two lines
    ('Cienkie igły' and 'Nowy kolagen' had been broken because the others were, four two-line blocks in a stack),
    and two labels are clearly further apart than a label's own lines ('Fine needles' and 'Top layer (epidermis)',
    1.4 mm apart, read as one label of two lines)."""
    content = CONTENT if language == "en" else CONTENT.parent / "translations" / f"{language}.yaml"
    result = result_of(sources(content), api.Options())
    assert result.ok and result.layout
    lines = sorted(
        (t for t in texts(result.layout) if t.role == "label" and t.element.startswith("#") and t.entry is None),
        key=lambda t: -t.box.top,
    )
    labels = {"pl": ["Cienkie igły", "Nowy kolagen"], "es": ["Agujas finas", "Colágeno nuevo"], "en": ["Fine needles"]}
    printed = [t.text for t in lines]
    assert all(label in printed for label in labels[language]), printed  # whole, on one line
    size = lines[0].runs[0].size
    groups: list[list[Text]] = []
    for t in lines:  # a label's lines: 1.18 of the size apart, baseline to baseline
        if groups and groups[-1][-1].baseline - t.baseline < 1.25 * size:
            groups[-1].append(t)
        else:
            groups.append([t])
    assert len(groups) == 4, [[t.text for t in g] for g in groups]
    # baseline to baseline: a label's lines 1.18 of the size apart; labels 1.9 (a cap height and a gap of 1.2; they
    # were 1.47, a gap of 0.75, barely more than a line's)
    within = [a.baseline - b.baseline for g in groups for a, b in itertools.pairwise(g)]
    between = [a[-1].baseline - b[0].baseline for a, b in itertools.pairwise(groups)]
    assert min(between) >= 1.8 * size and min(between) >= 1.5 * max(within, default=0.0), (between, within, size)


def test_a_website_with_a_long_path_is_never_broken_inside_its_domain(tmp_path: Path) -> None:
    """Its contact line gives way as it did (the booking address shows the host), or prints whole: it was broken
    before a dot once emails were, 'clearwaterskin.co' / '.uk/patients/first-consultation', two addresses."""
    from helpers import CONTENT, copied_kit, sources, texts

    kit = copied_kit(tmp_path)
    text = kit.read_text(encoding="utf-8")
    kit.write_text(text.replace("website: https://clearwaterskin.co.uk\n", LONG_SITE), encoding="utf-8")
    result = api.build(sources(CONTENT, kit), api.Options())
    assert result.ok and result.layout, [d.format() for d in result.diagnostics if d.is_error]
    lines = [t.text.strip() for t in texts(result.layout)]
    assert not any(line.endswith("clearwaterskin.co") for line in lines), lines
    assert not any(line.startswith(".uk") for line in lines), lines


LONG_SITE = "website: https://clearwaterskin.co.uk/patients/first-consultation\n"


def test_an_address_within_a_lines_overrun_prints_whole() -> None:
    """ReportLab lets a line run OVERRUN (1.5 pt) past its width, as the width checks do: an email 1.1 pt over
    printed whole before emails broke, and does still (it was broken, its PDF changed); so is a booking address
    (it was set smaller)."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase.pdfmetrics import stringWidth

    style = ParagraphStyle("t", fontName="Helvetica", fontSize=10, leading=12)
    email = "appointmentsaaaaaaaat@example.com"
    wide = stringWidth(email, "Helvetica", 10)
    assert name_lines(email, style, wide - 1.2) == [email]
    assert name_lines(email, style, wide - 1.8) == ["appointmentsaaaaaaaat", "@example.com"]
    assert (
        set_booking_lines("example.com/book", style, style, stringWidth("example.com/book", "Helvetica", 10) - 1.2)[0]
        is style
    )


def test_a_web_address_too_wide_for_the_cover_with_a_short_domain_is_told_to_shorten_its_path(inputs: Inputs) -> None:
    """Its domain fits: the hint is the path's ("a short path, such as /book"), not another domain's."""
    site = "https://example.com/patients/first-consultation-booking-form-for-new-patients-of-the-clinic"
    edit(inputs.brand, "website: https://example.com", f"website: {site}")
    found = [d for d in build(inputs).diagnostics if d.is_error and "too wide for its line" in d.message]
    assert found and all("a short path, such as /book" in d.hint for d in found), [d.format() for d in found]
