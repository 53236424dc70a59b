"""Words that belong together stay on one line: a number and what it counts, an acronym and its number, a range's
second number and the word before it (layout/together.py), measured on paragraphs and on the printed leaflets."""

from __future__ import annotations

import itertools
from dataclasses import replace

import pytest
from helpers import BRAND, CONTENT, MAPLE, ROOT, built, result_of, sources, texts
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph

from brochure import api
from brochure.inputs.inline import escape_text
from brochure.layout import together
from brochure.layout.document import document_block
from brochure.layout.para import Para

STYLE = ParagraphStyle("body", fontName="Helvetica", fontSize=9, leading=11, splitLongWords=0)  # (as theme/styles.py)
WORDS = (
    "Have three or more sessions, 4 weeks apart. Use SPF 30+ every day, even on cloudy days. It takes 15 to 60 minutes."
)


@pytest.mark.parametrize(
    ("before", "after", "kept"),
    [
        ("sessions, 4", "weeks apart.", True),  # a number and what it counts
        ("on 16", "Feb 2018.", True),
        ("Use SPF", "30+ every day.", True),  # an acronym and its number
        ("GMC", "7012345).", True),
        ("It takes 15 to", "60 minutes.", True),  # a range's word and its second number
        ("trong 3 đến", "7 ngày", True),
        ("khoảng 4", "tuần.", True),
        ("review due December 2029.", "Written by", False),  # a sentence ends: break there
        ("Suite 4,", "Burlington", False),
        ("version 1.2.", "Published", False),
        ("Use sunscreen", "every day", False),
        ("in the", "30s", False),  # (no number ends the line)
        ("about", "4 weeks", False),  # (a plain word before a number)
        ("przed zabiegiem i", "po nim", True),  # a one-letter word
        ("teraz lub w", "domu", True),
        ("Usually 3 or more sessions, about a", "course", True),
        ("Litchman G", "et al.", False),  # (an initial is its name's)
        ("bleeding are normal. A", "course is usually", True),  # a capital that opens a sentence is a word
        ("laser and fillers. A", "mix often works best.", True),
        ("zabieg trwa godzinę.” W", "domu", True),
        ("Is it for me? A", "consultation", True),
        ("and I", "think", False),
        ("filtrowi i kremom.6 W", "Irlandii", True),  # a citation's superscript after a sentence's end
        ("Is it for me?1,2 A", "consultation", True),
        ("zabieg trwa godzinę.”1-3 W", "domu", True),
        ("a current of 1.5 A", "flows", False),  # (a number's decimals are no citation)
        ("checked by Dr", "Tom Hale (Consultant", True),  # a title and its name
        ("weryfikacja: Dr", "Tom Hale", True),
        ("Dr", "is short for doctor", False),
        ("sans danger", ": rien n'oblige", True),  # a mark typed apart from its word, as French is typed
        ("comme les «", "ondulées »", True),
        ("vous ?", "Consultez", False),
        ("(creux", "»), nodules", True),
        ("Inquiet", "? Appelez", True),
        ("in ca. 10", "% der Fälle", True),  # a number and its unit set apart, as German and French type them
        ("bei 30", "°C waschen", True),
        ("Audio – Tel.", "0117 496 0321", True),  # a shortened word and its number
        ("siehe S.", "12", True),
        ("call us on Tel:", "0117 496 0321", True),
        ("Dermatol Surg.", "2019;45:1-9.", False),  # (a journal's name is no such word)
        ("das heißt, d.", "h. die Haut", True),  # an abbreviation typed apart
        ("die ‚Narbe‘", "– so ist es", True),  # a dash set apart starts no line
        ("die Narbe –", "so ist es", False),
        ("anti-", "–Falten", False),
        ("ab dem 1.", "Dezember", True),  # an ordinal and its word, as German types them
        ("nach der 3.", "Sitzung", True),
        ("am 24.", "12. 2026", False),  # (a date in numbers: the digits' own rules)
        ("בהפרש של כ-4", "שבועות.", True),  # a Hebrew number with its prefix ('about 4 / weeks' was parted)
        ("ב\u05be12", "החודשים", True),
        ("לכ-", "4 שבועות", False),
    ],
)
def test_a_break_parts_a_number_from_its_word_or_not(before: str, after: str, kept: bool) -> None:
    assert together.parted(before.split(), after.split()) is kept


FRENCH = (
    "Les cicatrices d'acné sont sans danger : rien n'oblige personne. Comme les « ondulées » elles peuvent "
    "s'atténuer ; parlez-en !"  # (no digit nor one-letter word: the marks alone have the paragraph looked at)
)


@pytest.mark.parametrize("width", [float(w) for w in range(80, 200, 4)])
def test_a_mark_typed_apart_from_its_word_never_starts_or_ends_a_line(width: float) -> None:
    """French is typed with a space before : ; ! ? » and after «, most often a plain one: no line starts with the
    mark alone nor ends with the «, wherever the column's edge falls (a lone ':' began a line of the bi-fold)."""
    lines = lines_of(FRENCH, width)
    assert " ".join(w for words, _ in lines for w in words) == FRENCH
    for (before, _), (after, _) in itertools.pairwise(lines):
        assert after[0][0] not in ":;!?»" and before[-1] != "«", (width, lines)


NARROW = (
    "Qu'est-ce que le micro-aiguillage\u202f? Les cicatrices «\u202fondulées\u202f» s'atténuent\u202f; environ "
    "1\u202f500 patients l'ont fait\u202f!"
)


@pytest.mark.parametrize("width", [float(w) for w in range(60, 200, 8)])
def test_a_narrow_no_break_space_typed_keeps_its_words_together_as_a_no_break_space(width: float) -> None:
    """French typed as its typography asks, with U+202F before ? ; ! and inside « », printed each as a plain space
    where a line could break (ReportLab parts words at it): it parts no words now, and a font without it (none
    brochure ships has it) prints U+00A0 in its place, the same space, no break."""
    lines = lines_of(NARROW, width)
    assert " ".join(w for words, _ in lines for w in words) == NARROW.replace("\u202f", "\u00a0"), (width, lines)


def test_a_drawings_label_with_a_narrow_no_break_space_prints_a_space_not_an_empty_glyph() -> None:
    """A French label, 'Couche «\u202fderme\u202f»', drew U+202F, which the kit's font lacks: its missing glyph, a
    gap of the wrong width that copies as nothing. It prints the font's no-break space, as a paragraph does."""
    from reportlab.graphics.shapes import String

    from brochure.layout.drawings import _string

    font = texts(built().layout)[0].runs[0].font  # (a kit font, registered by the build)
    node = String(0, 0, "Couche «\u202fderme\u202f»", fontName=font, fontSize=8)
    (run,) = list(_string(node, (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)))
    assert run.text == "Couche «\u00a0derme\u00a0»"


GERMAN = (
    "Rötungen treten in ca. 10 % der Fälle auf; waschen Sie bei 30 °C, d. h. lauwarm, und fragen Sie uns – wir "
    "helfen gern. Rufen Sie an: Tel. 0117 496 0321, oder lesen Sie S. 12."
)


@pytest.mark.parametrize("width", [float(w) for w in range(80, 200, 4)])
def test_a_unit_an_abbreviations_number_and_a_dash_set_apart_stay_with_their_words(width: float) -> None:
    """German is typed with a space before % and °C, abbreviations with a space inside ("d. h."), numbers after
    "Tel." and "S.", and a dash set apart: "10 / %", "Tel. / 0117", "d. / h." and a line opening with "–" were
    printed (a German translator's findings), wherever the column's edge falls."""
    lines = lines_of(GERMAN, width)
    assert " ".join(w for words, _ in lines for w in words) == GERMAN
    for (before, _), (after, _) in itertools.pairwise(lines):
        assert after[0][0] not in "%°–" and before[-1] not in ("Tel.", "S.", "d."), (width, lines)


@pytest.mark.parametrize("width", [float(w) for w in range(76, 260, 3)])
def test_a_carried_number_does_not_leave_its_acronym_behind(width: float) -> None:
    """ "SPF 30+ / chaque" parts a number from the word after it; carrying "30+" over left "SPF / 30+ chaque" where
    "SPF" could not follow it (the line would be too short): the first breaking, the lesser parting, is kept
    (25 of the widths from 70 to 260 pt left "SPF" alone at a line's end)."""
    text = "Ne vous exposez pas au soleil quand nous vous le dirons. Mettez un écran SPF 30+ chaque jour."
    lines = lines_of(text, width)
    assert not [(a, b) for (a, _), (b, _) in itertools.pairwise(lines) if a[-1] == "SPF" and b[0] == "30+"], lines


POLISH = (
    'Ostuda może się poprawić dzięki samemu filtrowi i kremom.<super size="7.2" rise="2.97">6</super> W Irlandii '
    "zwykle płatne."
)


@pytest.mark.parametrize("width", [float(w) for w in range(90, 300, 4)])
def test_a_one_letter_word_after_a_citation_goes_on_with_its_word(width: float) -> None:
    """A sentence's end with a citation's superscript after it prints "kremom.6": the tri-fold's Polish flap ended a
    line with "W" (in) before "Irlandii", as it never did without the citation."""
    lines = lines_of(POLISH, width)
    assert not [(a, b) for (a, _), (b, _) in itertools.pairwise(lines) if a[-1] == "W"], lines


def lines_of(text: str, width: float, style: ParagraphStyle = STYLE) -> list[tuple[list[str], float]]:
    p = Para(text, style)
    p.wrap(width, 1000)
    return [(together.words(line), together.spare(line)) for line in p.blPara.lines]


@pytest.mark.parametrize("width", [95.0, 100.0, 105.0, 110.0, 120.0, 130.0, 150.0])
@pytest.mark.parametrize("markup", [WORDS, WORDS.replace("three or more", "<b>three or more</b>")])
def test_a_paragraph_keeps_its_numbers_with_their_words_and_every_word_as_written(markup: str, width: float) -> None:
    lines = lines_of(markup, width)
    assert " ".join(w for words, _ in lines for w in words) == WORDS  # nothing added, dropped or changed
    assert all(spare > -1.0 for _, spare in lines)  # no line runs past the width
    for (before, _), (after, _) in itertools.pairwise(lines):
        if together.parted(before, after):  # (only where carrying over would leave a line under MIN_FILL: its last
            # word, or its last two where the last would part them in turn, "SPF 30+ / every")
            carried = 2 if together.parted(before[:-1], before[-1:]) else 1
            rest = stringWidth(" ".join(before[:-carried]), "Helvetica", 9)  # (in the regular face; bold is wider)
            assert rest < together.MIN_FILL * width + 3, (before, after)


def test_the_break_is_moved_where_ReportLab_parted_a_number_from_its_word() -> None:
    """At 100 pt ReportLab's greedy breaking ends a line "… sessions, 4" (the plain style); at 95 pt "Use SPF":
    the number goes on with "weeks", "SPF" with "30+" where the line keeps most of its width."""
    for width in (80.0, 85.0, 90.0, 100.0, 120.0):
        lines = lines_of(WORDS, width)
        ends = [words[-1] for words, _ in lines]
        assert "4" not in ends and "15" not in ends and "to" not in ends, (width, lines)


def test_a_line_would_be_left_too_short_so_the_break_stays() -> None:
    """Carrying "4" over from "Book 4" would leave a line of one short word, under half of its width."""
    lines = lines_of("Book 4 weeks ahead, every time without exception.", 45.0)
    assert lines[0][0] == ["Book", "4"]


@pytest.mark.parametrize("width", [100.0, 105.0])
def test_a_number_goes_on_with_its_word_even_where_its_line_is_left_short(width: float) -> None:
    """A Polish bi-fold printed "w ostatnich 12 / miesiącach" (a proofreader's finding): carrying "12" over left
    its line under MIN_FILL, so the break stayed. A number and what it counts are kept as a no-break space keeps
    them, where the line keeps two words or more."""
    lines = lines_of("Leki: izotretynoina teraz lub w ostatnich 12 miesiącach. Doradzimy termin.", width)
    assert ["lub", "w", "ostatnich"] in [words for words, _ in lines], lines
    assert not [words for words, _ in lines if words[-1] == "12"], lines


def test_a_number_held_with_its_word_leaves_no_line_nearly_empty_and_adds_none() -> None:
    """A number is held with its word over a short line only where that line keeps HELD_FILL of its width ("up to"
    alone would be a line a third full) and the paragraph keeps its number of lines (carrying "12345" made the
    paragraph three lines, its first half empty)."""
    lines = [" ".join(words) for words, _ in lines_of("Take it for at least 12 weeks and up to 24 months.", 52.0)]
    assert "up to 24" in lines, lines
    assert [" ".join(words) for words, _ in lines_of("Use it on 12345 weeks later now.", 70.0)] == [
        "Use it on 12345",
        "weeks later now.",
    ]


@pytest.mark.parametrize("alignment", [TA_RIGHT, TA_CENTER])
def test_a_line_made_narrower_sits_where_its_width_puts_it(alignment: int) -> None:
    """A narrowed line's spare room is given back: set right (or centred), its words end at the column's edge
    (or sit in its middle), not inside it by what the narrowing took."""
    style = ParagraphStyle("right", parent=STYLE, alignment=alignment)
    space = stringWidth(" ", "Helvetica", 9)
    for width in (80.0, 85.0, 90.0, 120.0):  # (each with a break moved)
        p = Para(WORDS, style)
        p.wrap(width, 1000)
        for line in p.blPara.lines:
            words = together.words(line)
            used = sum(stringWidth(w, "Helvetica", 9) for w in words) + space * (len(words) - 1)
            assert used + together.spare(line) == pytest.approx(width, abs=0.01), (width, words)


@pytest.mark.parametrize(
    ("content", "brand", "layout"),
    [
        (CONTENT, BRAND, "trifold"),
        (CONTENT, BRAND, "bifold"),
        (CONTENT, BRAND, "flyer"),
        (CONTENT, BRAND, "large-print"),
        (CONTENT, MAPLE, "bifold"),
        (ROOT / "translations" / "vi.yaml", BRAND, "trifold"),
        (ROOT / "translations" / "es.yaml", BRAND, "trifold"),
        (ROOT / "translations" / "pl.yaml", BRAND, "trifold"),
        (ROOT / "translations" / "pl.yaml", BRAND, "flyer"),
        (ROOT / "translations" / "ar.yaml", BRAND, "trifold"),  # right to left: "من 15 إلى 60 / دقيقة" was parted
        (ROOT / "translations" / "ar.yaml", BRAND, "bifold"),  # ("SPF / 30+")
        (ROOT / "translations" / "ar.yaml", BRAND, "large-print"),
    ],
)
def test_no_printed_line_parts_a_number_from_its_word(content: object, brand: object, layout: str) -> None:
    """Read from the frames as printed: no line of a paragraph ends with a number whose word begins the next, or
    with a one-letter word (the shipped words had "about 4 / weeks", "SPF / 30+", "15 / to 60 minutes", "16 / Feb
    2018", Polish "przed zabiegiem i / po nim")."""
    result = result_of(sources(content, brand), api.Options(layout=layout))  # type: ignore[arg-type]
    assert result.layout is not None
    lines = [t for t in texts(result.layout) if t.role in ("paragraph", "list_item", "note", "reference")]
    parted = [
        f"{line.text} / {after.text}"
        for line, after in itertools.pairwise(lines)
        if line.element == after.element
        and line.measure == after.measure
        and together.parted(line.text.strip(" ").split(" "), after.text.strip(" ").split(" "))  # (at spaces: not
        # no-break ones; a right-to-left line's words end with the space it broke at)
    ]
    assert not parted


def test_a_paragraphs_last_word_goes_down_with_the_word_before_it() -> None:
    """ReportLab leaves "us." alone on the last line at 130 pt; the line above gives its last word, and the
    paragraph keeps its lines and every word as written."""
    text = "Your skin may be red for 1 to 3 days, sometimes a week. Worried? See when to contact us."
    plain = Paragraph(text, STYLE)
    plain.wrap(130.0, 1000)
    assert together.words(plain.blPara.lines[-1]) == ["us."]
    lines = lines_of(text, 130.0)
    assert len(lines) == len(plain.blPara.lines) and lines[-1][0] == ["contact", "us."], lines
    assert " ".join(w for words, _ in lines for w in words) == text


def test_a_last_word_stays_alone_where_the_line_above_would_be_too_short() -> None:
    """Giving "extraordinarily" to the last line would leave "So it is" a third of its width: the runt stays; and a
    line of two words keeps them both (giving "long" would leave "Extraordinarily" alone on its line instead)."""
    assert lines_of("So it is extraordinarily hard.", 95.0)[-1][0] == ["hard."]
    assert [w for w, _ in lines_of("Go on to it. Extraordinarily long words.", 90.0)][-2:] == [
        ["Extraordinarily", "long"],
        ["words."],
    ]


@pytest.mark.parametrize("content", [CONTENT, ROOT / "translations" / "ar.yaml"], ids=["en", "ar"])
@pytest.mark.parametrize("layout", ["trifold", "bifold", "flyer", "large-print"])
def test_few_paragraphs_end_with_one_word_alone(content: object, layout: str) -> None:
    """Read from the frames as printed: the shipped English leaflets ended 15 paragraphs and list items with one
    word alone ("… See When to contact / us.", "… chemotherapy or / radiotherapy"), the Arabic 19 (set right to
    left by layout/rtl.py); now only where the line above would be left under 60 % full or would end parted ("a
    changing / mole", the QR code's address)."""
    result = result_of(sources(content, BRAND), api.Options(layout=layout))  # type: ignore[arg-type]
    assert result.layout is not None
    lines = [t for t in texts(result.layout) if t.role in ("paragraph", "list_item")]
    runts = [
        f"{line.text} / {last.text}"
        for line, last, after in zip(lines, lines[1:], [*lines[2:], None], strict=False)
        if line.element == last.element
        and (after is None or after.element != last.element)
        and len(last.text.split()) == 1
        and len(line.text.split()) >= 3
        and "/" not in last.text  # (a web address or a DOI: one word however long)
        and "." not in last.text.rstrip(".")
    ]
    assert len(runts) <= 2, runts
    assert not [r for r in runts if r.endswith(" us.")]


def test_a_long_word_alone_on_the_last_line_stands_on_its_own() -> None:
    """Only a short word alone is a runt: an email address half the line wide stays alone rather than take the
    line's last word with it (the Vietnamese "… về tờ thông tin / này: hello@…" parted "this leaflet")."""
    result = result_of(sources(ROOT / "translations" / "vi.yaml", BRAND), api.Options())
    assert result.layout is not None
    lines = [t.text for t in texts(result.layout)]
    at = next(i for i, t in enumerate(lines) if t.strip() == "hello@clearwaterskin.co.uk" and "này" in lines[i - 1])
    assert lines[at - 1].endswith("tờ thông tin này:"), lines[at - 1]


@pytest.mark.parametrize("layout", ["trifold", "flyer", "large-print"])
def test_a_phone_number_in_arabic_stays_with_the_words_before_it(layout: str) -> None:
    """'0117 496 0321' is one word joined by no-break spaces, not a number counting the word after it ("أو", or):
    the Arabic large print had carried it off the line that calls it ("اتصل بالرقم", call the number). It starts
    the next line, whole, only where the line has no room for it (the tri-fold's column; the large print's 18 pt)."""
    result = result_of(sources(ROOT / "translations" / "ar.yaml", BRAND), api.Options(layout=layout))
    assert result.layout is not None
    back = [t for t in texts(result.layout) if t.region == "back"]
    number = "0117\u00a0496\u00a00321"
    calling = next(i for i, t in enumerate(back) if "اتصل" in t.text and "صيغ أخرى" in t.text)
    if number in back[calling].text:
        assert layout == "flyer"  # (the flyer's wide column has room for it)
        return
    run = next(r for r in back[calling + 1].runs if r.text.startswith("0117"))
    assert back[calling + 1].text.startswith(number), back[calling + 1].text  # (the next line starts with it, whole)
    column = [t for t in back if t.box.x + t.box.w >= back[calling].box.x + back[calling].box.w - 1]
    room = back[calling].box.x - min(t.box.x for t in column)  # (flush right: the line's room is at its left)
    assert room < stringWidth(number + " ", run.font, run.size), room  # (moved only where it did not fit)


@pytest.mark.parametrize(
    ("before", "after", "kept"),
    [
        (["call", "(802)"], ["555-0148", "or"], True),  # a phone number's groups
        (["call", "0117"], ["496", "0321."], True),
        (["call", "(01)"], ["555\u00a00123", "or"], True),  # its groups after the bracket joined by no-break spaces
        (["5", "Connolly"], ["D", "et", "al."], True),  # a reference's author and initials
        (["2020;13:997-1003.", "5\u00a0Connolly"], ["D", "et", "al."], True),  # joined to its number by a no-break
        # space, as the sources print it
        (["Litchman"], ["G,", "Nair"], True),
        (["Bailey", "AJM", "et"], ["al.", "J"], True),  # "et al."
        (["apart.", "Use"], ["SPF", "30+"], False),  # an acronym after a word is no author's initials
        (["2014;150(8):844-9."], ["4", "Juhasz"], False),  # a reference's pages and the next one's number
        (["Out", "of"], ["hours,", "call"], False),
    ],
)
def test_a_phone_number_and_a_references_author_are_not_parted(before: list[str], after: list[str], kept: bool) -> None:
    """The designer's findings: "call (802) / 555-0148" on Maple & Main's back, "Connolly / D et al." and "AJM et /
    al." in the sources."""
    assert together.parted(before, after) is kept


def test_a_kits_phone_number_after_a_bracket_stays_whole_in_the_document_block() -> None:
    """An Irish kit's "(01) 555 0123" in its other-formats line: the document block joins the groups after the
    bracket by no-break spaces, and the tri-fold printed "call (01)" / "555 0123" (the bracket's group was kept
    only with a group standing alone, "(802) / 555-0148")."""
    src = sources(CONTENT, BRAND)
    formats = src.brand.other_formats
    assert formats is not None
    contact = "call (01) 555 0123 or email hello@clearwaterskin.co.uk"
    markup = document_block(src.content, replace(src.brand, other_formats=replace(formats, contact=contact)))
    for width in range(120, 300, 5):
        lines = lines_of(markup.markup(escape_text), float(width))
        assert not [w for w, _ in lines if w[-1] == "(01)"], (width, lines)


def test_the_sources_keep_et_al_whole_on_every_shipped_back() -> None:
    """No line of the tri-fold's sources ends with "et" before "al.", nor with an author before the initials."""
    for brand in (BRAND, MAPLE):
        result = result_of(sources(CONTENT, brand), api.Options())
        assert result.layout is not None
        lines = [t.text.split() for t in texts(result.layout, region="back")]
        for before, after in itertools.pairwise(lines):
            if before and after:
                assert not (before[-1] == "et" and after[0] == "al."), (before, after)
                author = together.SURNAME.match(before[-1].rsplit("\u00a0", 1)[-1])
                assert not (author and together.INITIALS.match(after[0])), (before, after)


ADDRESS = "secretariat.dermatologie@clinique-des-lilas-montreal.ca"
FRENCH_ADDRESS = f"Pour toute question sur votre traitement, écrivez à {ADDRESS} ou appelez-nous."


@pytest.mark.parametrize("width", [float(w) for w in range(150, 300, 4)])
def test_a_one_letter_word_before_an_address_goes_with_it_where_both_fit_else_ends_its_line(width: float) -> None:
    """'à' (to) before an e-mail address is carried over to the address's line, where the two fit on a line; where
    they do not (a long address), it was carried all the same, and stood alone on a line of its own ("écrivez / à /
    secretariat@..."): it stays at its line's end now ("écrivez à / secretariat@..."), as a typesetter leaves it."""
    lines = [words for words, _ in lines_of(FRENCH_ADDRESS, width)]
    assert [w for words in lines for w in words] == FRENCH_ADDRESS.split()
    assert ["à"] not in lines, lines
    if stringWidth(f"à {ADDRESS}", "Helvetica", 9) <= width:
        assert ["à", ADDRESS] in [words[:2] for words in lines], lines
    else:
        assert any(words[-1] == "à" for words in lines) and [ADDRESS] in [words[:1] for words in lines], lines
    lead = FRENCH_ADDRESS.split(ADDRESS)[0].split()
    if stringWidth(" ".join(lead), "Helvetica", 9) <= width < stringWidth(f"à {ADDRESS}", "Helvetica", 9):
        assert lines[0] == lead, lines  # (its words all on the first line, as they fit: none sent down for nothing)


@pytest.mark.parametrize("width", [float(w) for w in range(100, 300, 6)])
def test_a_number_before_an_address_in_arabic_stands_alone_on_no_line(width: float) -> None:
    """The same in a right-to-left paragraph (layout/rtl.py breaks its lines): the department's number before an
    address too long to go on a line with it stays at its line's end, not alone on a line."""
    from helpers import fallback_face, sources

    from brochure.layout import rtl

    style = ParagraphStyle("ar", fontName=fallback_face(sources().fonts.regular), fontSize=9, leading=12)
    p = Para(f"لأي سؤال عن العلاج اكتب إلى القسم 5 {ADDRESS} أو اتصل بنا.", style)
    p.wrap(width, 1000)
    lines = [[w.piece.shaped.text for w in line if w.piece.shaped.text.strip()] for line in p.rtl_lines(width)]
    assert ["5"] not in lines, lines
    assert sum(len(line) for line in lines) == sum(
        1 for w in rtl.lines(p.shaped or [], 1e4)[0] if w.piece.shaped.text.strip()
    )
