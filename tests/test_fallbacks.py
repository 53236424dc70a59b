"""A brand kit's fallback fonts (`fonts.fallbacks`): Greek, Cyrillic and Latin letters its own family lacks print in
the first fallback that has them, word by word; what no font has is an error at the text, naming the fallbacks."""

from __future__ import annotations

import shutil
from itertools import pairwise
from pathlib import Path

import pytest
import reportlab
from conftest import Inputs, edit, position
from helpers import build, check, page_texts, reopen, texts

from brochure.inputs.content import load_content
from brochure.layout.model import Text
from brochure.theme.fonts import css_weight, display_name

# Be Vietnam Pro (the test kit's family) has no Greek, no Cyrillic and no Romanian 'ș'; Alegreya Sans has all three.
TEXT = "Fine needles make **tiny** pricks. See [our site](https://example.com)."
GREEK = "Fine needles make **tiny** pricks (μικροβελόνωση), in Russian микроиглы. The word științific."
FALLBACKS = "  body: {family: Be Vietnam Pro}\n"

EVERY_FACE = (  # a character the family lacks: each of its faces named, the body text's among them
    "the heading, body, bold and italic fonts "
    "(BeVietnamPro-SemiBold, BeVietnamPro-Regular, BeVietnamPro-Bold, BeVietnamPro-Italic)"
)


def with_fallbacks(inputs: Inputs, fallbacks: str) -> str:
    return edit(inputs.brand, FALLBACKS, FALLBACKS + f"  fallbacks: {fallbacks}\n")


def runs(inputs: Inputs, **options: object) -> dict[str, str]:
    """Each run of the first section's text -> the font it is printed in (as its file is called)."""
    result = build(inputs, **options)
    assert result.pdf is not None, [d.format() for d in result.diagnostics if d.is_error]
    lines: list[Text] = texts(result.layout, section="what-is-it")
    return {run.text: display_name(run.font) for line in lines for run in line.runs}


def test_a_greek_word_the_family_lacks_is_an_error_at_the_text_without_fallbacks(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    text = edit(inputs.content, TEXT, GREEK)
    status, errors, _ = check(inputs, capsys)
    assert status == 1
    line, col = position(text, GREEK)
    assert errors[0].startswith(f"{inputs.content}:{line}:{col - 1}: error: {EVERY_FACE}")  # (a body text's)
    assert "have no glyph for 'μ' (U+03BC GREEK SMALL LETTER MU) and " in errors[0] and " more like it ('" in errors[0]
    assert "add a fallback family that has them to fonts.fallbacks" in errors[0] and "`brochure fonts`" in errors[0]
    assert len(errors) == 3, errors  # (one error for each script's letters, Greek, Cyrillic and the 'ș' of Latin,
    # not one a letter: a Russian phrase was 17)
    assert "have no glyph for 'м' (U+043C CYRILLIC SMALL LETTER EM) and " in errors[1]
    assert "have no glyph for 'ș' (U+0219 LATIN SMALL LETTER S WITH COMMA BELOW) and 1 more like it ('ț')" in errors[2]


def test_with_a_fallback_greek_cyrillic_and_missing_latin_letters_print_in_it_word_by_word(inputs: Inputs) -> None:
    """Each word the family cannot set goes wholly to the fallback ('științific', though the family has all its
    letters but 'ș'); the Latin words around it stay in the family; the PDF embeds the fallback, and a reader who
    copies the text gets the words back."""
    edit(inputs.content, TEXT, GREEK)
    with_fallbacks(inputs, "[Alegreya Sans]")
    fonts = runs(inputs)
    assert fonts["μικροβελόνωση"] == "AlegreyaSans-Regular"
    assert fonts["микроиглы"] == "AlegreyaSans-Regular"
    assert fonts["științific"] == "AlegreyaSans-Regular"
    assert fonts["tiny"] == "BeVietnamPro-Bold"
    latin = [text for text, font in fonts.items() if "Fine needles" in text or "The word" in text]
    assert latin and all(fonts[t] == "BeVietnamPro-Regular" for t in latin)
    result = build(inputs)
    assert result.pdf is not None
    with reopen(result.pdf) as pdf:
        embedded = {str(f.BaseFont) for page in pdf.pages for f in page.Resources.Font.values()}
    assert any("AlegreyaSans-Regular" in name for name in embedded), embedded
    words = " ".join(page_texts(result.pdf))
    assert "(μικροβελόνωση)" in words and "микроиглы" in words and "științific" in words


@pytest.mark.parametrize(
    ("written", "printed"),
    [
        ("Πληροφορίες για ασθενείς", "ΠΛΗΡΟΦΟΡΙΕΣ ΓΙΑ ΑΣΘΕΝΕΙΣ"),  # (Greek capitals carry no accents)
        ("Προϊόντα, τσάι και ρολόι", "ΠΡΟΪΟΝΤΑ, ΤΣΑΪ ΚΑΙ ΡΟΛΟΪ"),  # (a dialytika kept, or added where the accent
        ("ευρώ, άυλος, αΐδιος", "ΕΥΡΩ, ΑΫΛΟΣ, ΑΪΔΙΟΣ"),  # kept two vowels apart: άι is two sounds, αι one)
        ("Ἀθῆναι", "ΑΘΗΝΑΙ"),  # (polytonic breathings and circumflex too)
        ("τσάι ή καφές, ήπια", "ΤΣΑΪ Ή ΚΑΦΕΣ, ΗΠΙΑ"),  # ('ή', or, keeps its accent: 'Η' is the article)
        ("Straße, информация", "STRASSE, ИНФОРМАЦИЯ"),  # (other letters as Python upper-cases them)
    ],
)
def test_a_greek_kicker_prints_in_capitals_without_accents(inputs: Inputs, written: str, printed: str) -> None:
    """The cover's kicker is set in capitals: Greek kept its accents there (ΠΛΗΡΟΦΟΡΊΕΣ ΓΙΑ ΑΣΘΕΝΕΊΣ), which Greek
    capitals never carry."""
    edit(inputs.content, "sections:\n", f'cover:\n  kicker: "{written}"\nsections:\n')
    with_fallbacks(inputs, "[Alegreya Sans]")
    result = build(inputs)
    assert result.pdf is not None and result.layout is not None, [d.format() for d in result.diagnostics]
    kicker = [t.text for p in result.layout.pages for t in p.items if isinstance(t, Text) and t.text.isupper()]
    assert printed in " ".join(kicker), kicker


def test_bold_italic_and_headings_take_the_fallback_face_of_their_own_weight(inputs: Inputs) -> None:
    edit(inputs.content, TEXT, "Set **Θεραπεία** and *Терапия* apart.")
    edit(inputs.content, "heading: What is it?", "heading: What is it (Θεραπεία)?")
    with_fallbacks(inputs, "[{family: Alegreya Sans, weight: 700}]")
    fonts = runs(inputs)
    assert fonts["Θεραπεία"] == "AlegreyaSans-Bold"  # the bold word, and the heading at the weight given
    assert fonts["Терапия"] == "AlegreyaSans-Italic"
    assert fonts["What is it ("] == "BeVietnamPro-SemiBold" and fonts[")?"] == "BeVietnamPro-SemiBold"


def test_a_greek_paragraph_is_set_wholly_in_the_fallback_its_figures_and_stops_too(inputs: Inputs) -> None:
    """A paragraph mostly in letters the family lacks (a Greek leaflet in a kit of Latin faces) is set in the
    fallback whole: its figures, brackets, stops and Latin words changed family between the Greek words ("Για 3
    έως 7 ημέρες": the figures in Be Vietnam Pro, larger and heavier). A Latin paragraph with a Greek word keeps its
    family (test_with_a_fallback_greek_cyrillic_and_missing_latin_letters_print_in_it_word_by_word)."""
    greek = "Για **3** έως **7** ημέρες (ρετινόλη), με SPF 50+ κάθε πρωί."
    edit(inputs.content, TEXT, greek)
    with_fallbacks(inputs, "[Alegreya Sans]")
    fonts = {t: f for t, f in runs(inputs).items() if t.strip() and t.strip() in greek}
    assert fonts["3"] == fonts["7"] == "AlegreyaSans-Bold", fonts
    assert {f for t, f in fonts.items() if t not in ("3", "7")} == {"AlegreyaSans-Regular"}, fonts
    assert "SPF 50+" in "".join(fonts), fonts


def test_a_heading_weight_the_fallback_lacks_is_its_heavier_as_css_chooses(inputs: Inputs) -> None:
    """A fallback takes the kit's heading weight (600): Alegreya Sans has 500 and 700, and its Greek headings were
    set at 500, lighter than the English headings' SemiBold; CSS's font matching takes the heavier over 500."""
    edit(inputs.content, "heading: What is it?", "heading: Τι είναι;")
    with_fallbacks(inputs, "[Alegreya Sans]")
    result = build(inputs)
    assert result.layout is not None, [d.format() for d in result.diagnostics]
    heading = [r for p in result.layout.pages for t in p.items if isinstance(t, Text) for r in t.runs if "Τι" in r.text]
    assert heading and {display_name(r.font) for r in heading} == {"AlegreyaSans-Bold"}


@pytest.mark.parametrize(
    ("weights", "wanted", "chosen"),
    [
        ([100, 300, 400, 500, 700, 800, 900], 600, 700),  # (over 500: the heavier first)
        ([100, 300, 400, 500, 700, 800, 900], 450, 500),  # (400 to 500: up to 500 first)
        ([300, 700], 400, 300),  # (then the lighter)
        ([300, 700], 500, 300),
        ([100, 600], 300, 100),  # (under 400: the lighter first)
        ([600, 800], 700, 800),
        ([100], 700, 100),  # (then the lighter)
        ([None], 600, 600),  # (a variable face: the weight asked)
    ],
)
def test_a_weight_a_family_lacks_is_chosen_as_css_chooses(weights: list[int | None], wanted: int, chosen: int) -> None:
    assert css_weight(weights, wanted) == chosen


def test_a_word_of_two_scripts_changes_font_where_the_script_changes(inputs: Inputs) -> None:
    edit(inputs.content, TEXT, "The DNAполимераза enzyme.")
    with_fallbacks(inputs, "[Alegreya Sans]")
    fonts = runs(inputs)
    assert fonts["The DNA"] == "BeVietnamPro-Regular"
    assert fonts["полимераза"] == "AlegreyaSans-Regular"


def test_fallbacks_are_tried_in_order(inputs: Inputs) -> None:
    """IBM Plex Serif has Cyrillic but no Greek: Cyrillic goes to it, the first; Greek to Alegreya Sans."""
    edit(inputs.content, TEXT, "In Greek: μικροβελόνωση, and in Russian: микроиглы, both words for it.")  # (a
    # paragraph mostly in the family's letters: each word in the first fallback that has it)
    with_fallbacks(inputs, "[IBM Plex Serif, Alegreya Sans]")
    fonts = runs(inputs)
    assert fonts["микроиглы"] == "IBMPlexSerif-Regular"
    assert fonts["μικροβελόνωση"] == "AlegreyaSans-Regular"


def test_a_character_no_font_has_is_an_error_naming_the_fallbacks_tried(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    text = edit(inputs.content, TEXT, "Tick the box \u2713, not the star \u2605 \u2192 then book.")
    with_fallbacks(inputs, "[IBM Plex Serif, Alegreya Sans]")
    status, errors, _ = check(inputs, capsys)
    assert status == 1
    line, col = position(text, "Tick the box")  # (the message points at the quote before the text)
    (error,) = errors  # the tick is in IBM Plex Serif, the arrow in both: the star in neither
    assert error.startswith(f"{inputs.content}:{line}:{col - 1}: error: {EVERY_FACE} have no")
    assert "glyph for '\u2605' (U+2605 BLACK STAR), nor have their fallbacks (IBM Plex Serif, Alegreya Sans)" in error


def test_an_icon_fonts_private_use_character_is_one_the_fonts_lack(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    """U+E0B0 and U+E0BE (an icon font's "call" and "email", pasted from a web page) printed as two Arabic joined
    forms: the tool gives glyphs of no character (the fallback's joined forms, the family's alternates) private-use
    code points, which the check took for characters the fonts have. They are errors, named as what they are."""
    text = edit(inputs.content, TEXT, "Call \ue0b0 or email \ue0be us, and \ue001 too.")
    status, errors, _ = check(inputs, capsys)
    assert status == 1
    line, col = position(text, "Call ")
    (error,) = errors
    assert error.startswith(f"{inputs.content}:{line}:{col - 1}: error: {EVERY_FACE} have no glyph for '\ue0b0'")
    assert "(U+E0B0 a private-use character: an icon font's, pasted from a web page or app) and 2 more" in error
    assert "hint: write what the icon stands for in words" in error


@pytest.mark.parametrize(
    ("written", "runs"),
    [
        ("Deeper Χόριο", [("Deeper", "BeVietnamPro-Regular"), ("Χόριο", "AlegreyaSans-Regular")]),
        ("Χόριο", [("Χόριο", "AlegreyaSans-Regular")]),  # wholly in the fallback: its run, not the body font's boxes
    ],
)
def test_a_drawing_label_prints_its_words_in_the_fallback_that_has_them(
    inputs: Inputs, written: str, runs: list[tuple[str, str]]
) -> None:
    edit(
        inputs.content,
        "      - cards:\n",
        f"      - illustration: {{name: skin-section, labels: {{dermis: {written}}}}}\n      - cards:\n",
    )
    with_fallbacks(inputs, "[Alegreya Sans]")
    result = build(inputs)
    assert result.layout is not None, [d.format() for d in result.diagnostics if d.is_error]
    (label,) = texts(result.layout, role="label", section="what-is-it")
    assert label.text == written
    assert [(r.text.strip(), display_name(r.font)) for r in label.runs] == runs
    for a, b in pairwise(label.runs):  # one line of words
        assert b.x == pytest.approx(a.x + a.width, abs=0.01)


def test_a_variation_selector_pasted_after_a_sign_prints_the_sign_and_blocks_nothing(inputs: Inputs) -> None:
    """'©\ufe0f' and '™\ufe0f' (the emoji form asked for, as phones and Word paste them): no font has a glyph for
    the selector, which prints nothing anyway; the sign prints in a paragraph and in a drawing's label, and the
    build is not refused for a character that cannot be seen."""
    edit(inputs.content, '"Redness for 1 to 3 days"', '"Redness \u00a9\ufe0f for 1 to 3 days"')
    edit(
        inputs.content,
        "      - cards:\n",
        '      - illustration: {name: skin-section, labels: {dermis: "Dermis\u2122\ufe0f"}}\n      - cards:\n',
    )
    result = build(inputs)
    assert result.ok and result.layout is not None, [d.format() for d in result.diagnostics if d.is_error]
    printed = [t.text for t in texts(result.layout)]
    assert "Redness \u00a9 for 1 to 3 days" in printed and "Dermis\u2122" in printed
    assert not any("\ufe0f" in r.text for t in texts(result.layout) for r in t.runs)


def test_a_heading_of_variation_selectors_alone_is_refused_as_empty(inputs: Inputs) -> None:
    """A selector prints nothing, so a text of selectors alone is an empty heading: refused at its line, as one
    of a zero-width space is (it printed an empty heading)."""
    text = edit(inputs.content, "heading: What is it?", 'heading: "\ufe0f"')
    words, diags = load_content(inputs.content)
    line, col = position(text, '"\ufe0f"')
    assert words is None
    assert next(d.format() for d in diags if d.is_error).startswith(
        f"{inputs.content}:{line}:{col}: error: this text has no visible characters"
    )


@pytest.mark.parametrize(
    ("fallbacks", "message"),
    [
        ("[Comic Neue Sans]", "fallback font family 'Comic Neue Sans' is not installed (no font package of that name"),
        ("[{regular: broken.ttf}]", "cannot use fallback font file broken.ttf: it is not a TrueType font file"),
        ("Alegreya Sans", "expected a list, found"),
        # (a name no package has gets no command to paste: 'pip install fontpkg-x$(id)' ran `id`)
        ('["x$(id)"]', "fallback font family 'x$(id)' is not installed (see `brochure fonts`)"),
    ],
)
def test_a_fallback_that_cannot_be_used_is_an_error_at_its_key(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], fallbacks: str, message: str
) -> None:
    (inputs.kit / "broken.ttf").write_bytes(b"not a font at all" * 10)
    text = with_fallbacks(inputs, fallbacks)
    status, errors, _ = check(inputs, capsys)
    assert status == 1
    error = errors[0]
    needle = {"[Comic Neue Sans]": "Comic Neue Sans", "Alegreya Sans": "fallbacks:", '["x$(id)"]': '"x$(id)"'}.get(
        fallbacks, "broken.ttf"
    )
    line, col = position(text, needle)
    assert error.startswith(f"{inputs.brand}:{line}:{col}: error: "), error
    assert message in error and "pip install fontpkg-x" not in error, error


def test_fallbacks_change_nothing_where_the_family_has_every_character(inputs: Inputs, tmp_path: Path) -> None:
    """A kit may name fallbacks for the languages to come: a leaflet that needs none prints byte for byte as
    without them (nor does it embed them)."""
    before = build(inputs).pdf
    with_fallbacks(inputs, "[Alegreya Sans, {regular: Vera.ttf}]")
    shutil.copy(Path(reportlab.__file__).parent / "fonts/Vera.ttf", inputs.kit / "Vera.ttf")
    after = build(inputs).pdf
    assert before is not None and before == after


def test_a_script_the_kits_fonts_lack_is_one_error_for_all_its_texts() -> None:
    """The Arabic words with a kit whose fonts have no Arabic: 84 errors, one a text, where one change in the kit
    mends them all. Now one error, at the first text, counting the rest."""
    from dataclasses import replace

    from brochure import api
    from brochure.preflight import glyphs as checks

    root = Path(__file__).resolve().parent.parent
    src, diags = api.load(root / "translations" / "ar.yaml", root / "assets" / "brand.yaml")
    assert src is not None, [d.format() for d in diags]
    bare = replace(src.fonts, fallbacks=(), fallback_families=())  # (the kit's own faces: no Arabic among them)
    errors = [d for d in checks.check_glyphs(src.content, src.brand, bare) if d.is_error]
    (one,) = [d for d in errors if "Arabic letters" in d.message]
    assert one.location.key == "title" and "more of the leaflet's texts" in one.message, one.message
    assert int(one.message.split("; the same in ")[1].split(" ")[0]) > 50  # (every Arabic text of the leaflet)


def test_an_icon_the_fonts_lack_is_named_in_each_text_that_has_it() -> None:
    """A private-use icon pasted into five texts: no fallback family sets it, so no one change mends them all;
    each text is named (the Arabic letters of a kit without Arabic are one error: a fallback mends them)."""
    from dataclasses import replace

    from brochure import api
    from brochure.preflight import glyphs as checks

    root = Path(__file__).resolve().parent.parent
    src, diags = api.load(root / "content.yaml", root / "assets" / "brand.yaml")
    assert src is not None, [d.format() for d in diags]
    strings = tuple(("\ue000 " + text, at) if i < 5 else (text, at) for i, (text, at) in enumerate(src.content.strings))
    content = replace(src.content, strings=strings)
    errors = [d for d in checks.check_glyphs(content, src.brand, src.fonts) if "U+E000" in d.message]
    assert len(errors) == 5 and not [d for d in errors if "more of the leaflet's texts" in d.message]


@pytest.mark.parametrize(
    ("language", "written", "printed"),
    [
        ("tr", "hasta bilgisi içindir, ılık su", "HASTA BİLGİSİ İÇİNDİR, ILIK SU"),  # (i's capital is İ, ı's I)
        ("az-Latn", "bilgi", "BİLGİ"),
        ("en-GB", "patient information", "PATIENT INFORMATION"),
        ("", "bilgi", "BILGI"),
    ],
)
def test_a_turkish_kicker_prints_its_dotted_capital_i(language: str, written: str, printed: str) -> None:
    """A Turkish kicker printed HASTA BILGISI: without its dot, the capital of another letter, ı (another word)."""
    from brochure.inputs.inline import to_markup, upper

    assert upper(written, language) == printed
    assert to_markup(written, capitals=True, language=language) == printed
