"""Arabic text shaped with HarfBuzz and ordered right to left: letters joined (the glyphs in the PDF are
HarfBuzz's), a number and a Latin word inside an Arabic sentence left to right, lines right-aligned and no wider
than their column, and the text copied out of the PDF in the order it was written."""

from __future__ import annotations

import unicodedata
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import fontpkg
import pytest
from conftest import Inputs, edit
from helpers import actual_texts, build, check, pdfua_findings, texts

from brochure import api
from brochure.layout.model import Run, Text
from brochure.theme.fonts import _register, display_name
from brochure.theme.shaping import can_shape, shape

DATA = Path(__file__).parent / "data"

ARABIC = "يساعد العلاج بالإبر الدقيقة على تجديد الكولاجين في 3 جلسات مع جهاز Dermapen الحديث."
TEXT = "Fine needles make **tiny** pricks. See [our site](https://example.com)."
BODY = "  body: {family: Be Vietnam Pro}\n"


def with_arabic(inputs: Inputs, text: str = ARABIC) -> None:
    edit(inputs.content, f'"{TEXT}"', f'"{text}"')
    edit(inputs.brand, BODY, BODY + "  fallbacks: [IBM Plex Sans Arabic]\n")


def lines_of(inputs: Inputs) -> list[Text]:
    result = build(inputs)
    assert result.pdf is not None, [d.format() for d in result.diagnostics if d.is_error]
    return [t for t in texts(result.layout, section="what-is-it") if any(r.actual for r in t.runs)]


def test_arabic_words_print_as_harfbuzz_shapes_them_joined_not_isolated(inputs: Inputs) -> None:
    with_arabic(inputs)
    lines = lines_of(inputs)
    runs = [r for line in lines for r in line.runs if "IBMPlexSansArabic" in r.font]
    assert runs, "the Arabic words print in the Arabic fallback"
    printed = "".join(r.text for r in runs)
    word = "الكولاجين"
    font = runs[0].font
    glyphs = "".join(g.char for g in shape(word, font, runs[0].size).glyphs)
    assert glyphs in printed  # HarfBuzz's glyphs for the word, in their order
    assert word not in printed  # not the letters as typed (isolated forms, left to right)
    assert all(line.text in ARABIC for line in lines)  # the frames keep the words as written


def printed(line: Text) -> str:
    """A line's glyphs as printed, left to right."""
    return "".join(r.text for r in sorted(line.runs, key=lambda r: r.x))


def glyphs(word: str, run: Run) -> str:
    return "".join(g.char for g in shape(word, run.font, run.size).glyphs)


def test_a_number_and_a_latin_word_run_left_to_right_inside_the_arabic_sentence(inputs: Inputs) -> None:
    """'... في 3 جلسات ...' prints (left to right) جلسات, then 3, then في; 'جهاز Dermapen الحديث.' prints
    'الحديث.', then 'Dermapen' left to right, then جهاز."""
    with_arabic(inputs, "العلاج في 3 جلسات مع جهاز Dermapen الحديث.")
    (line,) = lines_of(inputs)
    arabic = next(r for r in line.runs if "IBMPlexSansArabic" in r.font)
    seen = printed(line)
    order = [seen.index(glyphs(w, arabic)) for w in ("الحديث.", "جهاز")]
    assert order[0] < seen.index("Dermapen") < order[1]
    order = [seen.index(glyphs(w, arabic)) for w in ("جلسات", "في")]
    assert order[0] < seen.index("3") < order[1]
    assert seen.index(glyphs("جهاز", arabic)) < seen.index(glyphs("جلسات", arabic))  # the sentence right to left


def test_lines_are_right_aligned_and_no_wider_than_their_column(inputs: Inputs) -> None:
    with_arabic(inputs, " ".join([ARABIC] * 4))
    lines = lines_of(inputs)
    assert len(lines) > 3
    for line in lines:
        assert line.box.right == pytest.approx(line.measure.right, abs=0.6)
        assert line.box.x >= line.measure.x - 0.01


def test_a_screen_reader_is_given_the_words_in_the_order_they_were_written(inputs: Inputs) -> None:
    """Each shaped line's glyphs are a Span element whose /ActualText is its words as written (read here with
    pikepdf from the structure tree: what assistive technology reads)."""
    with_arabic(inputs)
    result = build(inputs)
    assert result.pdf is not None
    assert "".join(actual_texts(result.pdf)) == ARABIC  # (read one after another: each line ends at its space)


def test_a_font_that_cannot_shape_arabic_is_an_error_and_so_is_syriac(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(inputs.content, f'"{TEXT}"', '"ܫܠܡܐ"')
    status, errors, _ = check(inputs, capsys)
    assert status == 1 and "cannot set Syriac text yet" in errors[0]


def test_a_script_brochure_cannot_set_does_not_hide_another_character_the_fonts_lack(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    """Both are said at once: the Syriac words, and the snowman beside them (one round of fixes, not two)."""
    edit(inputs.content, f'"{TEXT}"', '"ܫܠܡܐ \u2603"')
    status, errors, _ = check(inputs, capsys)
    assert status == 1 and len(errors) == 2, errors
    assert "cannot set Syriac text yet" in errors[0] and "U+2603 SNOWMAN" in errors[1]


def test_each_script_brochure_cannot_set_is_said_once_also_in_the_kicker(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    """Syriac and Thai in one kicker: both scripts said, each once (the kicker is checked as written and in
    capitals, which do not change a script's letters)."""
    edit(inputs.content, "sections:\n", 'cover:\n  kicker: "ܫܠܡܐ information ไทย"\nsections:\n')
    status, errors, _ = check(inputs, capsys)
    assert status == 1, errors
    kicker = [e for e in errors if "[at cover.kicker]" in e]
    assert len(kicker) == 2, kicker
    assert "cannot set Syriac text yet" in kicker[0] and "cannot set Thai text yet" in kicker[1], kicker


ARABIC_KIT = (
    ("heading: {family: Be Vietnam Pro, weight: 600}", "heading: {family: IBM Plex Sans Arabic, weight: 600}"),
    ("body: {family: Be Vietnam Pro}", "body: {family: IBM Plex Sans Arabic}"),
)


def arabic_leaflet(inputs: Inputs) -> None:
    """tests/data/content-ar.yaml (`language: ar`, its own `words:`) with IBM Plex Sans Arabic as the kit's family."""
    inputs.content.write_text((DATA / "content-ar.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    for old, new in ARABIC_KIT:
        edit(inputs.brand, old, new)


@pytest.mark.parametrize("layout", ["trifold", "large-print"])
def test_an_arabic_leaflet_builds_with_a_clean_preflight_and_copies_as_written(inputs: Inputs, layout: str) -> None:
    """(Vowel marks moved down to their letters by HarfBuzz are not taken for text printed over the next line.)"""
    arabic_leaflet(inputs)
    result = build(inputs, layout=layout)
    assert result.pdf is not None
    assert not [d.format() for d in result.diagnostics if d.is_error]
    copied = " ".join(actual_texts(result.pdf))
    for written in ("الوخز بالإبر الدقيقة", "لِعلاج نُدَب حَبِّ الشباب", "احمرار لمدة 1 إلى 3 أيام", "تاريخ النشر: 1"):
        assert written in copied


def test_marks_sit_on_their_letters_where_harfbuzz_puts_them(inputs: Inputs) -> None:
    """Each vowel mark of the subtitle is drawn at its letter (the glyph drawn next, from the same pen position),
    raised or lowered as HarfBuzz says; none is left where the font's own advance would put it."""
    arabic_leaflet(inputs)
    result = build(inputs)
    assert result.layout is not None
    (line,) = [t for t in texts(result.layout) if t.text == "لِعلاج نُدَب حَبِّ الشباب"]
    runs = [r for r in line.runs if r.text.strip()]
    marks = [i for i, r in enumerate(runs) if unicodedata.category(r.text[0]) == "Mn"]
    assert len(marks) >= 4  # kasra, damma, fatha, fatha (shadda with kasra is one glyph of its own)
    offsets = {round(g.dy, 3) for w in ("لِعلاج", "نُدَب", "حَبِّ") for g in shape(w, runs[0].font, runs[0].size).glyphs}
    for i in marks:
        mark, base = runs[i], runs[i + 1]
        assert base.x - 0.6 <= mark.x <= base.x + base.width, (mark, base)
        assert round(mark.rise, 3) in offsets


def test_arabic_without_an_arabic_font_is_an_error_at_the_text(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(inputs.content, f'"{TEXT}"', '"مرحبا"')
    status, errors, _ = check(inputs, capsys)
    faces = "BeVietnamPro-SemiBold, BeVietnamPro-Regular, BeVietnamPro-Bold, BeVietnamPro-Italic"
    lack = f"the heading, body, bold and italic fonts ({faces}) have no Arabic letters ('م'"  # (each face named)
    assert status == 1 and lack in errors[0], errors[0]
    assert "choose a family that has them (installed: IBM Plex Sans Arabic;" in errors[0]  # (installed here)
    assert not can_shape(build_font("Be Vietnam Pro"), "ARABIC")  # a Latin family has no Arabic rules to shape


def test_arabic_letters_a_text_lacks_name_only_the_faces_without_them(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    """A kit whose headings are set in an Arabic family and its body in a Latin one: Arabic words in a paragraph
    are reported against the body's faces, not the heading's, which has them."""
    edit(inputs.brand, "heading: {family: Be Vietnam Pro, weight: 600}", "heading: {family: IBM Plex Sans Arabic}")
    edit(inputs.content, f'"{TEXT}"', '"مرحبا"')
    status, errors, _ = check(inputs, capsys)
    faces = "BeVietnamPro-Regular, BeVietnamPro-Bold, BeVietnamPro-Italic"
    assert status == 1 and f"the body, bold and italic fonts ({faces}) have no Arabic letters" in errors[0], errors
    assert "heading" not in errors[0].split(" have no ")[0]


def build_font(family: str) -> str:
    """A family's regular face, registered."""
    path = fontpkg.select_file(fontpkg.family(family), 400, "normal").path
    name, problem = _register(Path(path))
    assert not problem
    return name


def test_the_arabic_office_edition_passes_the_pdfua_checkers(inputs: Inputs) -> None:
    """The Spans of shaped glyphs, with their /ActualText, are elements as PDF/UA allows."""
    arabic_leaflet(inputs)
    result = build(inputs)
    assert result.pdf is not None
    assert pdfua_findings(result.pdf) == []


def test_arabic_leaflets_built_in_threads_print_the_same_bytes(inputs: Inputs) -> None:
    """Glyphs of no character have their code points from the font's registration, not from the order builds
    shape words in: builds in parallel threads give the bytes of a build alone."""
    arabic_leaflet(inputs)
    alone = build(inputs).pdf
    with ThreadPoolExecutor(max_workers=3) as pool:
        together = list(pool.map(lambda layout: build(inputs, layout=layout).pdf, ["trifold", "flyer", "trifold"]))
    assert together[0] == together[2] == alone


def test_a_body_font_of_one_file_sets_its_arabic_words_in_the_fallbacks_regular(inputs: Inputs) -> None:
    """A kit whose body font is one file (no bold, no italic: each face is that file): the regular's Arabic words
    printed in the fallback's bold (its four faces had one name, so the last face's fallbacks served them all),
    every paragraph of an Arabic leaflet in bold, and the kit was told its fallback, which has a bold, had none.
    The regular's words in the fallback's regular, a **bold** word in its bold; no word of the fallback's bold."""
    with_arabic(inputs, "يساعد **العلاج** بالإبر الدقيقة على تجديد الكولاجين.")
    regular = fontpkg.select_file(fontpkg.family("Be Vietnam Pro"), 400, "normal").path
    (inputs.kit / "Body.ttf").write_bytes(Path(regular).read_bytes())
    edit(inputs.brand, BODY, "  body: {regular: Body.ttf}\n")
    src, diags = api.load(inputs.content, inputs.brand)
    assert src is not None and src.fonts.regular_bold and src.fonts.upright_italic
    assert not [d for d in diags if "fallback family" in d.message], [d.format() for d in diags]
    runs = [r for line in lines_of(inputs) for r in line.runs if "IBMPlexSansArabic" in r.font]
    faces = {display_name(f): "".join(r.text for r in runs if r.font == f) for f in {r.font for r in runs}}
    assert set(faces) == {"IBMPlexSansArabic-Regular", "IBMPlexSansArabic-Bold"}, faces
    assert glyphs("العلاج", next(r for r in runs if "Bold" in r.font)) in faces["IBMPlexSansArabic-Bold"]
    assert glyphs("الكولاجين", next(r for r in runs if "Regular" in r.font)) in faces["IBMPlexSansArabic-Regular"]
