"""Arabic paragraphs ordered by the Unicode bidirectional algorithm, read back from the built leaflet: numbers,
Latin words, phone numbers, addresses and brackets in their place inside the Arabic sentence, each line ordered on
its own and set at the right, the paragraph's direction from the leaflet's language, the text copied as written,
and links inside Arabic sentences clickable over exactly their words and tagged as links."""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

import pikepdf
import pypdf
import pytest
from conftest import BRAND, CONTENT, LOGO, Inputs, edit
from helpers import ROOT, actual_texts, build, miscopied_words, pdfua_findings, poppler_text, read_qr, texts
from tagged import Tagged

from brochure import api
from brochure.layout.model import Link, Run, Text
from brochure.theme.shaping import shape

DATA = Path(__file__).parent / "data"
KIT = (
    ("heading: {family: Be Vietnam Pro, weight: 600}", "heading: {family: IBM Plex Sans Arabic, weight: 600}"),
    ("body: {family: Be Vietnam Pro}", "body: {family: IBM Plex Sans Arabic}"),
)

# (a sentence, what runs left to right in it, the Arabic word before it, the Arabic word after it)
IN_PLACE = {
    "a number": ("العلاج في 3 جلسات", "3", "في", "جلسات"),
    "a Latin word": ("مع جهاز Dermapen الحديث", "Dermapen", "جهاز", "الحديث"),
    "a range": ("يزول التورم خلال 24–48 ساعة", "24–48", "خلال", "ساعة"),
    "a decimal": ("هذا الإصدار 1.0 من النشرة", "1.0", "الإصدار", "من"),
    "a percentage": ("تتحسن بنسبة 30% تقريبا", "30%", "بنسبة", "تقريبا"),
    "an Arabic percent sign": ("تتحسن بنسبة 30٪ تقريبا", "30٪", "بنسبة", "تقريبا"),
    "a phone number": ("اتصل على +44 117 496 0321 اليوم", "+44 117 496 0321", "على", "اليوم"),
    "an email address": ("راسلنا على hello@clearwaterskin.co.uk اليوم", "hello@clearwaterskin.co.uk", "على", "اليوم"),
    "a web address": ("زوروا https://clinic.example/book/ اليوم", "https://clinic.example/book/", "زوروا", "اليوم"),
    "a sun protection factor": ("استخدم واقي SPF 30+ يوميا", "SPF 30+", "واقي", "يوميا"),
    "a name after a prefix and hyphen": ("اتصل بـ-NHS 111 الآن", "NHS 111", "بـ-", "الآن"),
    "a price after a prefix and hyphen": ("الدفع بـ-£20 فقط", "£20", "بـ-", "فقط"),
    "a phone number after a prefix and hyphen": ("اتصل بـ-+44 117 496 0321 الآن", "+44 117 496 0321", "بـ-", "الآن"),
    "a Persian decimal": ("عمق \u06f0\u066b\u06f5 میلیمتر", "\u06f0\u066b\u06f5", "عمق", "میلیمتر"),
    "a Persian thousand": (
        "حدود \u06f1\u066c\u06f0\u06f0\u06f0 تومان",
        "\u06f1\u066c\u06f0\u06f0\u06f0",
        "حدود",
        "تومان",
    ),
}
RANGE = "احمرار لمدة 1 إلى 3 أيام"
FULL_STOP = "هذا هو الإصدار 1.0."
BRACKETS = "في الطبقة العميقة (الأدمة) استخدم واقيا (SPF 30) مع جهاز (Dermapen Pro) الحديث"
LATIN_FIRST = "Dermapen هو الجهاز الذي نستخدمه في العيادة."
LINKS = (
    "للحجز [زوروا موقعنا](https://clearwaterskin.co.uk/book) أو اتصلوا على [0117 496 0321](tel:+441174960321) اليوم."
)
LINKS_AS_WRITTEN = "للحجز زوروا موقعنا أو اتصلوا على 0117 496 0321 اليوم."
INDIC = "تتحسن بنسبة ٣٠٪ خلال ٢٤–٤٨ ساعة"
LONG = " ".join(["تجرى جلسة واحدة كل 4 أسابيع، وتستغرق الجلسة نحو 45 دقيقة مع جهاز Dermapen الحديث."] * 5)
SENTENCES = [*(s for s, _, _, _ in IN_PLACE.values()), RANGE, FULL_STOP, BRACKETS, LATIN_FIRST, LINKS, INDIC, LONG]


def arabic_leaflet(inputs: Inputs, paragraphs: list[str], **options: object) -> api.Result:
    """tests/data/content-ar.yaml with these paragraphs first in its first section, in IBM Plex Sans Arabic."""
    content = (DATA / "content-ar.yaml").read_text(encoding="utf-8")
    blocks = "".join(f'      - text: "{p}"\n' for p in paragraphs)
    inputs.content.write_text(content.replace("    blocks:\n", "    blocks:\n" + blocks, 1), encoding="utf-8")
    return built_in_arabic(inputs, **options)


def built_in_arabic(inputs: Inputs, **options: object) -> api.Result:
    """The inputs' kit set in IBM Plex Sans Arabic (KIT), built with these Options: it must build without error."""
    for old, new in KIT:
        edit(inputs.brand, old, new)
    result = build(inputs, **options)
    assert result.pdf is not None and result.layout is not None, [d.format() for d in result.diagnostics]
    assert not [d.format() for d in result.diagnostics if d.is_error]
    return result


@pytest.fixture(scope="module")
def leaflet(tmp_path_factory: pytest.TempPathFactory) -> api.Result:
    """The Arabic leaflet with every sentence above, built once for the tests that only read it."""
    folder = tmp_path_factory.mktemp("bidi")
    (folder / "assets").mkdir()
    (folder / "assets" / "logo.svg").write_text(LOGO, encoding="utf-8")
    (folder / "assets" / "brand.yaml").write_text(BRAND, encoding="utf-8")
    (folder / "content.yaml").write_text(CONTENT, encoding="utf-8")
    return arabic_leaflet(Inputs(folder / "content.yaml", folder / "assets" / "brand.yaml"), SENTENCES)


def paragraph(result: api.Result, written: str) -> list[Text]:
    """The lines of the paragraph that begins as written (its links' marks removed)."""
    assert result.layout is not None
    lines = list(texts(result.layout))
    first = next(t for t in lines if t.text and (written.startswith(t.text) or t.text.startswith(written)))
    return [t for t in lines if t.element == first.element]


def printed(line: Text) -> str:
    """A line's glyphs as printed, left to right (the spaces between words are gaps, not characters)."""
    return "".join(r.text for r in sorted(line.runs, key=lambda r: r.x))


def arabic_run(line: Text) -> Run:
    return next(r for r in line.runs if "IBMPlexSansArabic" in r.font)


def glyphs(words: str, run: Run, direction: str = "") -> str:
    """The glyphs HarfBuzz prints for words (each word shaped alone), in the line's font, left to right as
    they would print in a left-to-right stretch."""
    return "".join("".join(g.char for g in shape(w, run.font, run.size, direction).glyphs) for w in words.split())


@pytest.mark.parametrize("case", list(IN_PLACE))
def test_numbers_latin_words_and_addresses_run_left_to_right_in_their_place(leaflet: api.Result, case: str) -> None:
    """'في 3 جلسات' prints, from the left, جلسات then 3 then في; a phone number, an address or 'SPF 30+' keeps its
    own order (its parts left to right, its signs with it) between the Arabic words around it."""
    sentence, ltr, before, after = IN_PLACE[case]
    (line,) = paragraph(leaflet, sentence)
    run, seen = arabic_run(line), printed(line)
    latin = glyphs(ltr, run, "ltr")
    assert latin in seen, (seen, latin)
    assert seen.index(glyphs(after, run)) < seen.index(latin) < seen.index(glyphs(before, run))


def test_two_numbers_of_a_sentence_keep_the_sentence_order(leaflet: api.Result) -> None:
    """'1 إلى 3 أيام': read from the right, 1 comes first, so it prints at the right of 3."""
    (line,) = paragraph(leaflet, RANGE)
    run, seen = arabic_run(line), printed(line)
    assert seen.index(glyphs("أيام", run)) < seen.index("3") < seen.index(glyphs("إلى", run)) < seen.index("1")


def test_a_hyphen_joining_a_prefix_to_a_latin_name_stays_between_them(leaflet: api.Result) -> None:
    """'بـ-NHS 111' (Hebrew's 'ל-NHS' alike): read from the right, the prefix, its hyphen, then 'NHS 111'; printed
    from the left 'NHS 111', the hyphen, the prefix."""
    sentence, latin, prefix, _ = IN_PLACE["a name after a prefix and hyphen"]
    (line,) = paragraph(leaflet, sentence)
    run, seen = arabic_run(line), printed(line)
    at = seen.index(glyphs(latin, run, "ltr")) + len(glyphs(latin, run, "ltr"))
    assert seen[at:].startswith(glyphs(prefix, run)) and glyphs(prefix, run).startswith("-"), seen


def test_a_full_stop_after_a_number_ends_the_arabic_sentence_at_its_left(leaflet: api.Result) -> None:
    (line,) = paragraph(leaflet, FULL_STOP)
    assert printed(line).startswith(".1.0")


def test_arabic_indic_digits_are_set_by_the_algorithm_alone(leaflet: api.Result) -> None:
    """Arabic-Indic digits are the script's own: '٣٠٪' prints its sign at the left of its digits and '٢٤–٤٨' reads
    from the right (24 at the right), as the algorithm and Arabic typesetting set them."""
    (line,) = paragraph(leaflet, INDIC)
    run, seen = arabic_run(line), printed(line)
    assert seen.index(glyphs("٪", run)) < seen.index(glyphs("٣٠", run, "ltr")) < seen.index(glyphs("بنسبة", run))
    assert seen.index(glyphs("٤٨", run, "ltr")) < seen.index("–") < seen.index(glyphs("٢٤", run, "ltr"))


def test_brackets_pair_and_mirror_around_arabic_and_around_latin_words(leaflet: api.Result) -> None:
    """Each pair of brackets prints round its own words, opening at the right of Arabic words (the glyph drawn is
    the mirrored one), and a Latin phrase in brackets reads left to right inside them, not turned inside out."""
    lines = paragraph(leaflet, BRACKETS)
    seen = "".join(printed(line) for line in lines)
    run = arabic_run(lines[0])
    assert "(" + glyphs("الأدمة", run) + ")" in seen
    assert "(SPF30)" in seen
    assert "(DermapenPro)" in seen
    assert ")Dermapen" not in seen and "Pro(" not in seen


def test_each_line_is_ordered_on_its_own_and_set_at_the_right(leaflet: api.Result) -> None:
    """The algorithm's last rules run on each line: every line begins (as written) at its right edge and ends at
    its left, whatever the paragraph does around it; no line is wider than its column."""
    lines = paragraph(leaflet, LONG)
    assert len(lines) > 3
    for line in lines:
        words = line.text.split()
        run, seen = arabic_run(line), printed(line)
        first, last = words[0], words[-1]
        if not first.isascii():
            assert seen.endswith(glyphs(first, run)), (line.text, first)
        if not last.isascii() and last[-1].isalpha():
            assert seen.startswith(glyphs(last, run)), (line.text, last)
        assert line.box.right == pytest.approx(line.measure.right, abs=0.6)
        assert line.box.x >= line.measure.x - 0.01
    assert "".join(line.text for line in lines) == LONG  # (each line but the last ends at its space)


def test_a_paragraph_beginning_with_a_latin_word_reads_right_to_left_in_an_arabic_leaflet(leaflet: api.Result) -> None:
    (line,) = paragraph(leaflet, LATIN_FIRST)
    assert printed(line).endswith("Dermapen")
    assert line.box.right == pytest.approx(line.measure.right, abs=0.6)


def test_in_a_left_to_right_leaflet_a_paragraph_reads_in_the_direction_of_its_first_letter(inputs: Inputs) -> None:
    """An English sentence with Arabic words in it stays an English sentence, set at the left; an Arabic sentence
    in an English leaflet reads right to left, set at the right."""
    english = "Ask for it in Arabic (النشرة العربية) here."
    arabic = "اطلب النشرة باللغة العربية من الاستقبال."
    edit(inputs.content, '"Fine needles make **tiny** pricks. See [our site](https://example.com)."', f'"{english}"')
    edit(inputs.content, '"New collagen can even out rough skin."', f'"{arabic}"')
    body = "  body: {family: Be Vietnam Pro}\n"
    edit(inputs.brand, body, body + "  fallbacks: [IBM Plex Sans Arabic]\n")
    result = build(inputs)
    assert result.pdf is not None and result.layout is not None
    (line,) = paragraph(result, english)
    run, seen = arabic_run(line), printed(line)
    assert seen.startswith("Askforit")
    assert seen.index(glyphs("العربية", run)) < seen.index(glyphs("النشرة", run))
    assert line.box.x == pytest.approx(line.measure.x, abs=0.6)
    (line,) = paragraph(result, arabic)
    assert printed(line).endswith(glyphs("اطلب", arabic_run(line)))
    assert line.box.right == pytest.approx(line.measure.right, abs=0.6)


def test_a_paragraphs_lines_read_one_after_another_keep_their_word_breaks(leaflet: api.Result) -> None:
    """A reader that follows the standard reads a paragraph as its Spans' /ActualText one after another, adding
    nothing: a line that breaks at a space ends with it (the words either side of every line break ran together,
    "ومايمكنك", 61 times in the Arabic tri-fold)."""
    assert leaflet.pdf is not None
    read = "".join(actual_texts(leaflet.pdf))
    for sentence in [LONG, LINKS_AS_WRITTEN, RANGE, BRACKETS]:
        assert sentence in read


def test_a_screen_reader_reads_the_shaped_words_as_written_links_and_all(leaflet: api.Result) -> None:
    """Each stretch of shaped glyphs is a Span element whose /ActualText is its words as written."""
    assert leaflet.pdf is not None
    read = " ".join(" ".join(actual_texts(leaflet.pdf)).split())  # (a line's words, then the next line's)
    for sentence in [*(s for s, _, _, _ in IN_PLACE.values()), RANGE, FULL_STOP, BRACKETS, LINKS_AS_WRITTEN]:
        assert sentence in read


def test_a_pdfium_viewer_copies_each_arabic_word_as_written(leaflet: api.Result) -> None:
    """Chrome's viewer (PDFium) reads a marked-content /ActualText as words in visual order and turned the Arabic
    ones round (486 of 734 words of the shipped leaflet); it copies the glyphs, printed left to right, as written.
    (How it orders the words of a line around numbers and Latin words is its own.)"""
    count, wrong = miscopied_words(leaflet)
    assert count > 100 and wrong == []


def test_poppler_copies_each_arabic_word_as_written(leaflet: api.Result) -> None:
    """poppler's pdftotext, a second viewer's reading: it too turned a marked-content /ActualText's Arabic words
    round (649 of the shipped leaflet's 730)."""
    count, wrong = miscopied_words(leaflet, copy=poppler_text)
    assert count > 100 and wrong == []


def links_of(result: api.Result, line: Text) -> list[Link]:
    assert result.layout is not None
    page = next(p for p in result.layout.pages if line in p.items)
    return [link for link in page.links if link.box.y <= line.baseline <= link.box.top]


def test_links_inside_an_arabic_sentence_are_clickable_over_exactly_their_words(leaflet: api.Result) -> None:
    """Each link's area runs from the left of its first glyph to the right of its last as printed, and covers
    no other word of the line; the PDF carries it as a /Link annotation to its address."""
    (line,) = paragraph(leaflet, LINKS_AS_WRITTEN)
    run = arabic_run(line)
    links = {link.url: link.box for link in links_of(leaflet, line)}
    assert set(links) == {"https://clearwaterskin.co.uk/book", "tel:+441174960321"}
    for url, words, direction in (
        ("https://clearwaterskin.co.uk/book", "زوروا موقعنا", ""),
        ("tel:+441174960321", "0117 496 0321", "ltr"),
    ):
        box = links[url]
        inside = [r for r in line.runs if box.x - 0.01 <= r.x and r.x + r.width <= box.right + 0.01]
        beside = [r for r in line.runs if r not in inside]
        covered = "".join(r.text for r in sorted(inside, key=lambda r: r.x))
        order = words.split() if direction else words.split()[::-1]  # Arabic words: the last at the left
        assert covered == "".join(glyphs(w, run, direction) for w in order)
        assert min(r.x for r in inside) == pytest.approx(box.x, abs=0.01)
        assert max(r.x + r.width for r in inside) == pytest.approx(box.right, abs=0.01)
        assert all(r.x + r.width <= box.x + 0.01 or r.x >= box.right - 0.01 for r in beside)
    assert leaflet.pdf is not None
    with pikepdf.open(io.BytesIO(leaflet.pdf)) as pdf:
        annots = [a for page in pdf.pages for a in page.obj.get("/Annots", [])]
        rects = {str(a.A.URI): [float(v) for v in a.Rect] for a in annots if a.Subtype == "/Link"}
    box = links["tel:+441174960321"]
    assert rects["tel:+441174960321"] == pytest.approx([box.x, box.y, box.right, box.top], abs=0.01)


def test_links_inside_arabic_sentences_are_tagged_as_links_with_their_words(leaflet: api.Result) -> None:
    """The office edition's Link elements own their annotations and read the link's words as written, the
    annotation's /Contents says them; independent PDF/UA-1 checkers find nothing."""
    assert leaflet.pdf is not None
    doc = Tagged(pikepdf.open(io.BytesIO(leaflet.pdf)))
    assert doc.root is not None
    named = {" ".join(doc.text(n).split()): n for n in doc.root.walk() if n.kind == "Link"}
    for words in ("زوروا موقعنا", "0117 496 0321"):
        node = named[words]
        (annot,) = node.annotations
        assert str(annot.Contents) == words
    assert pdfua_findings(leaflet.pdf) == []


def test_a_screen_reader_reads_each_arabic_line_as_written_inside_its_element(leaflet: api.Result) -> None:
    """Page by page, the words of the tagged content (each shaped Span read by its /ActualText, as a screen reader
    reads it) are the words of the frames' lines in the order printed; no marked content nests in other (the
    /ActualText is the Span element's, not a span round the glyphs)."""
    assert leaflet.pdf is not None and leaflet.layout is not None
    doc = Tagged(pikepdf.open(io.BytesIO(leaflet.pdf)))
    assert doc.root is not None
    actual = {c: str(n.obj.ActualText) for n in doc.root.walk() if "/ActualText" in n.obj for c in n.own}
    assert actual and all(actual.values())  # (an empty one would hide its glyphs' words)
    for p, (page, frames) in enumerate(zip(doc.pages, leaflet.layout.pages, strict=True)):
        assert not [m for m in page.marked if m.depth]
        tagged = [m for m in page.marked if m.mcid is not None and m.tag != "Figure"]  # (a figure is read by its
        # /Alt: its labels are not read one by one)
        figures = {i.element for i in frames.items if i.role in ("figure", "qr")}
        lines = sorted(
            (i for i in frames.items if isinstance(i, Text) and i.role != "folio" and i.element not in figures),
            key=lambda i: i.z,
        )
        words = "".join(actual.get((p, m.mcid), m.text) for m in tagged if m.mcid is not None)
        assert "".join(words.split()) == "".join("".join(t.text for t in lines).split())


def test_the_qr_code_of_a_right_to_left_leaflet_reads_as_printed(leaflet: api.Result) -> None:
    """The back of a right-to-left leaflet places its code on the other side of its label; the PDF, as PDFium renders
    it, still reads the booking address (the preflight reads the modules as drawn)."""
    assert leaflet.layout is not None and leaflet.layout.qr is not None and leaflet.pdf is not None
    qr, b = leaflet.layout.qr, leaflet.layout.qr.box
    assert read_qr(leaflet.pdf, qr.page, (b.x, b.y, b.w, b.h), leaflet.layout.sheet.media.h) == [qr.url]


def test_a_plus_sign_after_a_number_in_right_to_left_words_is_warned(tmp_path: Path) -> None:
    """'SPF 30+' in the Arabic aftercare printed '+SPF 30' (the bidirectional algorithm sets the sign on the
    number's far side): a warning at the text, with the mark that keeps it; the shipped words carry the mark."""
    from brochure.inputs.content import load_content

    shipped = (ROOT / "translations/ar.yaml").read_text(encoding="utf-8")
    assert shipped.count("SPF 30+\\u200e") == 1
    plain = tmp_path / "ar.yaml"
    plain.write_text(shipped.replace("SPF 30+\\u200e", "SPF 30+"), encoding="utf-8")
    said = [d.format() for d in load_content(plain)[1] if "plus sign" in d.message]
    assert len(said) == 1 and "'30+' prints as '+30' here" in said[0] and "'30+\\u200e'" in said[0], said
    assert not [d for d in load_content(ROOT / "translations/ar.yaml")[1] if "plus sign" in d.message]


def test_a_search_for_an_arabic_word_as_typed_finds_it(leaflet: api.Result) -> None:
    """IBM Plex Sans Arabic's own map gives its joined forms the presentation forms' code points (U+FE8E for an
    alef that ends a word): the PDF read them so, and a copy or search that does not fold them (pypdf's: 2,825
    presentation forms to 998 letters in the shipped tri-fold) found no word as typed. Each reads as its letter; a
    ligature of letters (lam-alef) keeps its own, which the viewers fold (test_a_pdfium_viewer_copies...)."""
    assert leaflet.pdf is not None
    text = "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(leaflet.pdf)).pages)
    forms = [
        c
        for c in text
        if (0xFB50 <= ord(c) <= 0xFDFF or 0xFE70 <= ord(c) <= 0xFEFE)
        and len(unicodedata.normalize("NFKC", c).strip()) == 1
    ]
    letters = [c for c in text if "\u0621" <= c <= "\u064a"]
    assert forms == [] and len(letters) > 500, (len(forms), len(letters))
    assert all(word in text for word in ("أسابيع", "دقيقة", "جلسة")), text[:300]
