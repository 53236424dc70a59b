"""Translations beside the source: the shipped ones build clean, and the translation check finds seeded mistakes."""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import Inputs, edit, position
from helpers import BRAND, CONTENT, MAPLE, ROOT, cli, copied_kit, cpu_growth, page_texts, result_of, sources, texts

from brochure import api
from brochure.cli import main
from brochure.diagnostics import Diagnostic
from brochure.inputs.content import Content, load_content
from brochure.inputs.translation import _one_apart, compare
from brochure.layout.model import Text

HANG_GUARD = 30.0  # seconds: a hang detector, not a timing test

SPANISH = ROOT / "translations" / "es.yaml"
POLISH = ROOT / "translations" / "pl.yaml"
VIETNAMESE = ROOT / "translations" / "vi.yaml"
US = ROOT / "translations" / "en-US.yaml"
ARABIC = ROOT / "translations" / "ar.yaml"
SHIPPED = [
    pytest.param(SPANISH, BRAND, id="es-clearwater"),
    pytest.param(POLISH, BRAND, id="pl-clearwater"),
    pytest.param(VIETNAMESE, BRAND, id="vi-clearwater"),
    pytest.param(US, MAPLE, id="en-US-maple"),
    pytest.param(ROOT / "translations" / "es-US.yaml", MAPLE, id="es-US-maple"),
    pytest.param(ARABIC, BRAND, id="ar-clearwater"),
]


@pytest.mark.parametrize(("content", "brand"), SHIPPED)
def test_the_shipped_translations_pass_the_check(content: Path, brand: Path) -> None:
    """Same sections, blocks and list items as content.yaml, every number and link kept; the only finding is
    that no clinician has checked them yet (a warning, said on the leaflet too). (The Polish tri-fold, whose panels
    are full, leaves out the clinic's number under "Call us", which a translation may: the back prints it.)"""
    source, _ = load_content(CONTENT)
    translation, diags = load_content(content)
    assert source is not None and translation is not None
    assert [d.message for d in diags] == ["the translation has not been checked: no 'reviewer' in document.translation"]
    assert compare(source, translation) == []


@pytest.mark.parametrize(("content", "brand"), SHIPPED)
@pytest.mark.parametrize(
    ("layout", "target"), list(itertools.product(("trifold", "bifold", "flyer", "large-print"), ("office", "press")))
)
def test_every_shipped_translation_builds_clean_in_every_layout(
    content: Path, brand: Path, layout: str, target: str
) -> None:
    result = result_of(sources(content, brand), api.Options(layout=layout, target=target))  # type: ignore[arg-type]
    assert result.ok, [d.format() for d in result.diagnostics]
    assert [d.format() for d in result.diagnostics] == []


def test_the_spanish_leaflet_prints_spanish_throughout() -> None:
    """Its words, the tool's own words and the kit's other-formats and feedback lines: no English on the back."""
    result = result_of(sources(SPANISH, BRAND), api.Options())
    assert result.pdf is not None
    outside = " ".join(page_texts(result.pdf)[0].split())
    for spanish in ("Pida una consulta", "Fuentes 1", "Publicado el 1 de diciembre de 2026.", "Otros formatos:",
                    "Folleto CSC-MN-001-ES, Clearwater Skin Clinic, versión 1.2.",  # (no "de", which a name may
                    # want with its article: "de la Clínica Sol")
                    "letra grande, otros idiomas, audio", "Díganos qué le parece este folleto",
                    "traducción aún sin revisar", "Completas, con DOI: edición en letra grande."):  # fmt: skip
        assert spanish in outside, spanish
    for english in ("Other formats", "Tell us what you think", "Published", "Sources"):
        assert english not in outside, english


def test_the_arabic_leaflet_prints_arabic_throughout() -> None:
    """The tool's words from its Arabic table (Arabic month names, the Arabic comma between formats), the kit's
    lines for 'ar': no English words on the back but names, addresses and the references' Latin."""
    result = result_of(sources(ARABIC, BRAND), api.Options())
    assert result.layout is not None
    page = result.layout.pages[0]
    outside = " ".join(" ".join(t.text for t in texts(replace(result.layout, pages=(page,)))).split())
    for arabic in ("احجز استشارة", "المصادر 1", "تاريخ النشر: 1 ديسمبر 2026.", "موعد المراجعة: ديسمبر 2029.",
                   "صيغ أخرى: خط كبير، لغات أخرى، تسجيل صوتي", "أخبرنا برأيك في هذه النشرة",
                   "لم تُراجَع الترجمة بعد", "امسح الرمز للحجز"):  # fmt: skip
        assert arabic in outside, arabic
    for english in ("Other formats", "Tell us what you think", "Published", "Sources", "Scan to book"):
        assert english not in outside, english


def test_the_polish_leaflet_prints_polish_throughout() -> None:
    result = result_of(sources(POLISH, BRAND), api.Options())
    assert result.pdf is not None
    outside = " ".join(page_texts(result.pdf)[0].split())
    for polish in ("Umów konsultację", "Źródła 1", "Data wydania: 1 grudnia 2026 r.", "Przegląd do grudnia 2029 r.",
                   "Inne formaty: duży druk, inne języki, audio", "Co sądzisz o tej ulotce?",
                   "tłumaczenie jeszcze niezweryfikowane"):  # fmt: skip
        assert polish in outside, polish
    for english in ("Other formats", "Tell us what you think", "Published", "Sources"):
        assert english not in outside, english


def test_the_vietnamese_leaflet_prints_vietnamese_with_its_stacked_accents() -> None:
    """Read back from the PDF as written (Be Vietnam Pro has every precomposed letter)."""
    result = result_of(sources(VIETNAMESE, BRAND), api.Options())
    assert result.pdf is not None
    text = " ".join(" ".join(page_texts(result.pdf)).split())
    for vietnamese in ("Đặt lịch tư vấn", "Phát hành ngày 1 tháng 12 năm 2026.", "Định dạng khác: chữ lớn",
                       "Dịch: Clearwater Skin Clinic (bản nháp); bản dịch chưa được kiểm tra.",
                       "Thoa kem chống nắng SPF 30 trở lên mỗi ngày"):  # fmt: skip
        assert vietnamese in text, vietnamese


def test_the_us_adaptation_prints_us_words_and_911() -> None:
    result = result_of(sources(US, MAPLE), api.Options())
    assert result.pdf is not None
    text = " ".join(" ".join(page_texts(result.pdf)).split())
    assert "Call 911" in text and "999" not in text and "NHS" not in text
    assert "moisturizer" in text and "fibers" in text and "December 1, 2026" in text


# --- the check finds what a reviewer would -----------------------------------------------------------------------


def _seeded(tmp_path: Path, old: str, new: str) -> tuple[list[str], str]:
    """The check's findings (as the command line prints them) for the Spanish file with one mistake seeded."""
    text = SPANISH.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    text = text.replace(old, new)
    path = tmp_path / "es.yaml"
    path.write_text(text, encoding="utf-8")
    translation, diags = load_content(path)
    source, _ = load_content(CONTENT)
    assert translation is not None and source is not None, [d.format() for d in diags]
    return [d.format() for d in compare(source, translation)], text


def test_a_changed_duration_is_an_error_naming_the_source(tmp_path: Path) -> None:
    """'3 to 7 days' that became '3 to 5' in a medical leaflet: an error at the translation's line, with the
    source's line."""
    lines, text = _seeded(tmp_path, "De 3 a 7 días, sin retinoides", "De 3 a 5 días, sin retinoides")
    (line,) = lines
    row, col = position(text, "5 días, sin retinoides")  # (at the number given instead, not the text's start)
    assert line.startswith(f"{tmp_path / 'es.yaml'}:{row}:{col}: error: the source's 7 (in 'For 3 to 7 days")
    source_row, source_col = position(CONTENT.read_text(encoding="utf-8"), '"For 3 to 7 days')
    assert f"content.yaml:{source_row}:{source_col}" in line and "it has 5 instead" in line and "in digits" in line


_SUNBURN = (
    '"Puede tener la piel roja, como una quemadura solar leve, de 1 a 3 días, a veces una semana.[^chu2021] Le '
    "daremos una hoja de cuidados. Use solo productos que aprobemos. Retome las cremas recetadas, como la crema "
    'triple, cuando se lo digamos. Use SPF 30+ todos los días. ¿Le preocupa algo? Vea **Cuándo llamarnos**."'
)
_REST = (
    "a veces una semana.[^chu2021] Le daremos una hoja de cuidados. Use solo productos que aprobemos. Retome las "
    "cremas recetadas, como la crema triple, cuando se lo digamos. Use SPF 30+ todos los días. ¿Le preocupa algo? "
    "Vea **Cuándo llamarnos**."
)
_LEAD = "Puede tener la piel roja, como una quemadura solar leve,"


@pytest.mark.parametrize(
    ("written", "number"),
    [
        pytest.param(f"{_LEAD}\n          de 1 a 4 días, {_REST}", "4 días", id="plain"),
        pytest.param(f'"{_LEAD}\n\n          \\u00a1de 1 a 4 días, {_REST}"', "4 días", id="double-quoted"),
        pytest.param(
            f'"Puede tener la piel roja, como \\\n   una quemadura solar leve, de 1 a 4 días, {_REST}"',
            "4 días",
            id="escaped-break",
        ),
        pytest.param(f"'{_LEAD} ''de'' 1 a 4 días, {_REST}'", "4 días", id="single-quoted"),
        pytest.param(f">\n          {_LEAD}\n\n          de 1 a 4 días, {_REST}\n", "4 días", id="folded"),
        pytest.param(f">-\n          {_LEAD}\n          de 1 a 4 días, {_REST}\n", "4 días", id="folded-stripped"),
        pytest.param(f"|\n          {_LEAD} de 1 a\n          4 días, {_REST}\n", "4 días", id="literal"),
        pytest.param(f">2\n            {_LEAD} de 1 a 4 días, {_REST}\n", ">2", id="indicator-start"),
        pytest.param(f"&one {_LEAD} de 1 a 4 días, {_REST}", "&one", id="anchor-start"),
    ],
)
def test_a_changed_number_is_said_at_its_own_line_and_column_in_every_style(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], written: str, number: str
) -> None:
    """`check` said a number changed in translating at the start of its text (a long paragraph, over several lines:
    the reviewer looked for it): it says it at the number given instead, on its own line, however the text is
    written (plain, quoted with escapes, a block, lines joined as YAML joins them); where that cannot be known (an
    indentation indicator, an anchor) at the text's start, as before."""
    text = SPANISH.read_text(encoding="utf-8").replace(_SUNBURN, written)
    path = tmp_path / "es.yaml"
    path.write_text(text, encoding="utf-8")
    row, col = position(text, number)
    status, _, err = cli(capsys, "check", "--brand", str(BRAND), "--source", str(CONTENT), "--content", str(path))
    said = f"{path}:{row}:{col}: error: the source's 3 (in 'Your skin may be red, like"
    assert status == 1 and said in err and "it has 4 instead" in err, err


@pytest.mark.parametrize(
    ("old", "new", "says"),
    [
        ("De 3 a 7 días, sin retinoides", "De 7 a 3 días, sin retinoides", "gives 7 before 3, where the source's"),
        ("SPF 30 o más", "SPF 30% o más", "the translation has a percentage where the source's text"),
    ],
)
def test_a_range_turned_round_or_a_percent_sign_added_is_a_warning(
    tmp_path: Path, old: str, new: str, says: str
) -> None:
    """The same numbers, but a range the other way round ('3 to 7 days' as 'De 7 a 3 días') or a plain number made
    a percentage: passed as correct, exit 0. A warning at the translation's line now (a language may spell 'per
    cent', or order two numbers joined by a word otherwise)."""
    lines, text = _seeded(tmp_path, old, new)
    (line,) = lines
    row, col = position(text, new)
    col += len(new.split(" ", 1)[0]) + 1  # (at the number: the range's first, the percentage's)
    assert f"{tmp_path / 'es.yaml'}:{row}:{col}: warning: " in line and says in line, line


@pytest.mark.parametrize("given", [False, True], ids=["kept", "given-in-numbers"])
def test_a_number_counting_another_unit_of_time_is_an_error(tmp_path: Path, given: bool) -> None:
    """'30 to 45 minutes' as 'de 30 a 45 horas': every number kept, so it passed as correct with exit 0; then a
    warning, exit 0 (a patient told to wait 45 hours, or 12 weeks for 12 months: a translations tester,
    2026-12-07). An error, as a changed number is; a warning where `numbers:` gives the number (an adaptation's
    '12 months' as '1 year')."""
    old = "La aplicamos de 30 a 45 minutos antes."
    new = "La aplicamos de 30 a 45 horas antes."
    if given:
        text = SPANISH.read_text(encoding="utf-8").replace(old, new)
        text = text.replace("    translator:", '    numbers: {"45": "45"}\n    translator:', 1)
        assert '"45": "45"' in text
        (tmp_path / "es.yaml").write_text(text, encoding="utf-8")
        translation, _ = load_content(tmp_path / "es.yaml")
        source, _ = load_content(CONTENT)
        assert translation is not None and source is not None
        lines = [d.format() for d in compare(source, translation) if "counts 45" in d.message]
    else:
        lines, text = _seeded(tmp_path, old, new)
    (line,) = lines
    row, col = position(text, "45 horas")  # (at the number)
    said = "warning" if given else "error"
    assert f"{tmp_path / 'es.yaml'}:{row}:{col}: {said}: the translation counts 45 in hours where" in line
    assert "counts it in minutes" in line and "(hint: keep each number's unit as the source has it" in line


@pytest.mark.parametrize(
    ("was", "now"),
    [
        ("Avoid the sun for 12 months", "Przez 12 miesięcy unikaj słońca"),
        ("for the next 12 months", "w ciągu następnych 12 miesiącach"),  # (a case of its own: the same unit)
        ("Wait 2 weeks", "2週間待ってください"),
        ("Wait 2 weeks", "Hãy đợi 2 tuần"),
        ("Wait 2 weeks", "انتظر 2 أسبوعين"),
        ("Wait 24 hours", "۲۴ ساعت صبر کنید"),  # (Persian: its own words and digits)
        ("Wait 2 weeks", "۲ هفته\u200cای صبر کنید"),
        ("Wait 2 weeks and 3 days", "3 días y 2 semanas"),  # (each number its own unit, in another order)
        ("In 3 sessions, 4 weeks apart", "En 3 sesiones, cada 4 semanas"),  # (a count: no unit of time)
    ],
)
def test_the_same_unit_in_another_language_or_form_is_no_finding(was: str, now: str) -> None:
    from brochure.inputs.numbers import check_units

    source, _ = load_content(CONTENT)
    assert source is not None
    at = source.document.where("document")
    assert check_units(was, now, at, at, {}) == []


@pytest.mark.parametrize(
    ("was", "now", "says"),
    [
        ("Wait 2 weeks", "Poczekaj 2 miesiące", "counts 2 in months where"),
        ("In the last 12 weeks", "W ostatnich 12 miesiącach", "counts 12 in months where"),  # (a case's own form)
        ("Wait 2 weeks", "2日間", "counts 2 in days where"),
        ("Wait 2 weeks", "等待2个小时", "counts 2 in hours where"),
        ("Wait 2 days", "等待2个星期", "counts 2 in weeks where"),
        ("Wait 2 weeks", "2ヵ月", "counts 2 in months where"),
        ("Wait 2 weeks", "2日に", ""),  # ('日' alone may be a date: not read, no finding)
        ("Wait 2 weeks", "请等待2个月", "counts 2 in months where"),
        ("Wait 45 minutes", "انتظر 45 ساعة", "counts 45 in hours where"),
        ("No make-up for 24 hours", "تا ۲۴ دقیقه آرایش نکنید", "counts 24 in minutes where"),  # (Persian: passed)
        ("Wait 3 days", "۳ هفته صبر کنید", "counts 3 in weeks where"),
        ("For adults aged 18 years and over", "适用于年满18周岁的成人", ""),  # (an age in years: not weeks, '周')
        ("10 years of care", "开业10周年", ""),  # (an anniversary)
        ("10 years of care", "10주년", ""),
        ("Wait 45 minutes", "Espere 45  horas", "counts 45 in hours where"),  # (two spaces)
        ("Wait 2 weeks", "انتظر شهرا 2", ""),  # (a unit before the number is not read)
        ("Wait 2 weeks", "انتظر 2 شهرا", "counts 2 in months where"),  # (the accusative)
        # seconds: 'numbing cream 30 to 45 minutes before' as '45 segundos' passed (a unit no list had)
        ("Put it on 45 minutes before", "Aplíquela 45 segundos antes", "counts 45 in seconds where"),
        ("Wait 10 minutes", "等待10秒", "counts 10 in seconds where"),
        ("Wait 10 seconds", "10초 기다리세요", ""),
        # a word between the number and its unit: the isotretinoin wait of 12 months as 12 weeks passed in French
        ("in the last 12 months", "dans les 12 dernières semaines", "counts 12 in weeks where"),
        ("in the last 12 months", "in den letzten 12 Wochen", "counts 12 in weeks where"),
        ("in the last 12 months", "dans les 12 derniers mois", ""),
        ("after 4 more weeks", "après 4 autres séances", ""),  # (sessions: no unit of time)
        # Hebrew: 'no make-up for 24 hours' as '24 ימים' (days) passed, as did minutes as hours
        ("No make-up for 24 hours", "ללא איפור במשך 24 ימים", "counts 24 in days where"),
        ("Put it on 45 minutes before", "נמרח אותו 45 שעות לפני", "counts 45 in hours where"),
        ("in the last 12 months", "ב-12 השבועות האחרונים", "counts 12 in weeks where"),  # (with its article)
        ("in the last 12 months", "ב-12 החודשים האחרונים", ""),
        ("about 4 weeks apart", "בהפרש של כ-4 שבועות", ""),
        # a dose or a depth: '2.5 mg' as '2,5 g' (a thousand times the dose) passed; so did '0.5 mm' as '0,5 cm'
        ("Take 2.5 mg", "Tome 2,5 g", "counts 2.5 in grams where"),
        ("needles 0.5 mm deep", "agujas de 0,5 cm", "counts 0.5 in centimetres where"),
        ("needles 0.5 mm deep", "igły na 0,5 mm", ""),
        ("Take 2.5 mg", "Примите 2,5 мг", ""),
        ("Take 2.5 mg", "تناول 2.5 ملغ", ""),
        ("Take 5 mcg", "服用5毫克", "counts 5 in milligrams where"),
        ("Use 5 ml", "Use 5 mL", ""),
        ("Use 5 ml", "Utilisez 5 g", "counts 5 in grams where"),
    ],
)
def test_units_of_time_dose_and_depth_are_read_in_each_script(was: str, now: str, says: str) -> None:
    from brochure.inputs.numbers import check_units

    source, _ = load_content(CONTENT)
    assert source is not None
    at = source.document.where("document")
    found = check_units(was, now, at, at, {})
    assert [says in d.message and d.is_error for d in found] == ([True] if says else [])


def test_numbers_joined_by_a_word_in_the_languages_order_are_no_range_turned_round(tmp_path: Path) -> None:
    """'Call 999 or 111' may read '111 or 999' in another language: not a range (the source's pair descends), no
    finding; nor '2 to 3 times, every 4 weeks' reordered clause by clause (not adjacent)."""
    source, _ = load_content(CONTENT)
    assert source is not None
    was = "Call 999 or 111 today. Come back 2 to 3 times"
    now = "Llame al 111 o al 999 hoy. Vuelva de 2 a 3 veces"
    from brochure.inputs.numbers import check_percent_and_ranges  # (the check of one text's numbers)

    at = source.document.where("document")
    assert check_percent_and_ranges(was, now, at, at, {}) == []
    was, now = "Usually 3 sessions, 4 weeks apart", "Normalmente cada 4 semanas, 3 sesiones"  # (two clauses)
    assert check_percent_and_ranges(was, now, at, at, {}) == []
    was, now = "2 times in 14 days", "in 14 Tagen 2-mal"  # (the language's order: no range in the source)
    assert check_percent_and_ranges(was, now, at, at, {}) == []
    was, now = "3 to 7 times", "7天内做3次"  # (a Chinese sentence's words, each a letter: 'within 7 days, 3 times')
    assert check_percent_and_ranges(was, now, at, at, {}) == []
    was, now = "3 sessions, 3-7 days apart, within 7 days", "7天内3次，间隔3至7天"  # (two letters, still a sentence)
    assert check_percent_and_ranges(was, now, at, at, {}) == []
    was, now = "3 to 7 days; 3 sessions every 7 days", "3~7일; 7일간 3회"
    assert check_percent_and_ranges(was, now, at, at, {}) == []


@pytest.mark.parametrize(
    ("was", "now", "says"),
    [
        ("For 3–7 days", "Durante 7–3 días", "gives 7 before 3"),  # (a range by a dash: the dash is no minus)
        ("For 3-7 days", "Durante 7-3 días", "gives 7 before 3"),
        ("For 3 to 7 days", "7至3天", "gives 7 before 3"),  # (Chinese: one letter joins a range)
        ("For 3 to 7 days", "7から3日間", "gives 7 before 3"),  # (Japanese: a range's word)
        ("For 3 to 7 days", "7天至3天", "gives 7 before 3"),  # (a range's word after the first number's unit)
        ("In 10%-20% of people", "20%至10%的人", "gives 20 before 10"),
        ("In 10%-20% of people", "20％～10％の人", "gives 20 before 10"),  # (full-width percent signs)
        ("For 3 to 7 days", "7～3日間", "gives 7 before 3"),  # (Japanese: a wave dash)
        ("In 10%-20% of people", "En el 20-10 % de las personas", "gives 20 before 10"),
        ("In 10% of people", "En 10 de las personas", "the translation has no percentage where the source's"),
    ],
)
def test_each_way_a_range_or_a_percentage_is_turned_is_said(was: str, now: str, says: str) -> None:
    from brochure.inputs.numbers import check_percent_and_ranges

    source, _ = load_content(CONTENT)
    assert source is not None
    at = source.document.where("document")
    (found,) = check_percent_and_ranges(was, now, at, at, {})
    assert says in found.message and not found.is_error, found.message


def test_a_missing_section_is_an_error(tmp_path: Path) -> None:
    text = SPANISH.read_text(encoding="utf-8")
    start, end = text.index("  - id: other-options"), text.index("  - id: your-treatment")
    path = tmp_path / "es.yaml"
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    translation, _ = load_content(path)
    source, _ = load_content(CONTENT)
    assert translation is not None and source is not None
    found = [d.format() for d in compare(source, translation)]
    row, col = position(text[:start] + text[end:], "  - id: your-treatment")
    assert len(found) == 1, found  # the sections after it are not wrong, nor are their numbers
    src_row, src_col = position(CONTENT.read_text(encoding="utf-8"), "  - id: other-options")
    assert (  # (the source's section named where it is: a group's every clinic's words are called content.yaml)
        f"es.yaml:{row}:{col + 4}: error: section 'other-options' of the source ({CONTENT}:{src_row}:{src_col + 4}) "
        "is missing here, after 'right-for-me'" in found[0]
    )


def test_sections_in_another_order_are_named_not_their_numbers(tmp_path: Path) -> None:
    text = SPANISH.read_text(encoding="utf-8")
    a, b, c = (text.index(f"  - id: {s}") for s in ("other-options", "your-treatment", "aftercare"))
    path = tmp_path / "es.yaml"
    path.write_text(text[:a] + text[b:c] + text[a:b] + text[c:], encoding="utf-8")
    translation, _ = load_content(path)
    source, _ = load_content(CONTENT)
    assert translation is not None and source is not None
    found = [d.message for d in compare(source, translation)]
    assert found == [
        f"section 4 is 'your-treatment' here, but 'other-options' in the source ({CONTENT})",
        f"section 5 is 'other-options' here, but 'your-treatment' in the source ({CONTENT})",
    ]


def test_a_citation_changed_or_added_in_a_translation_is_an_error(tmp_path: Path) -> None:
    """A claim keeps its evidence: a translation that cites another source, or one the source text does not."""
    lines, _ = _seeded(tmp_path, "cicatrices,[^statpearls]", "cicatrices,[^hou2017]")
    (line,) = lines
    assert "error: the citations differ from the source's" in line
    assert "missing [^statpearls]; added [^hou2017]" in line
    lines, _ = _seeded(tmp_path, "Los resultados varían.", "Los resultados varían.[^spring2017]")
    (line,) = lines
    assert "[at disclaimer]" in line and "added [^spring2017]" in line


def test_a_citation_left_off_one_claim_of_a_translation_is_a_warning(tmp_path: Path) -> None:
    """The source's text cites connolly2017 after two claims; the translation kept it after the first only: the
    same set of sources, so nothing was said, and "Las marcas de granos suelen irse solas." lost its evidence. The
    same citation written twice in one place ('[^a][^a]', one superscript) is not a second claim."""
    lines, text = _seeded(tmp_path, "irse solas.[^connolly2017]", "irse solas.")
    (line,) = lines
    row, col = position(text, '"Las cicatrices de acné no son dañinas')
    assert line.startswith(f"{tmp_path / 'es.yaml'}:{row}:{col}: warning: this text cites [^connolly2017] once,")
    assert "the source's text twice" in line and "a claim left without its source?" in line
    lines, _ = _seeded(tmp_path, "irse solas.[^connolly2017]", "irse solas.[^connolly2017][^connolly2017]")
    assert lines == []


def test_arabic_indic_digits_are_the_same_numbers(tmp_path: Path) -> None:
    """'٣٠ إلى ٤٥ دقيقة' keeps the source's 30 to 45 minutes; '٣٥' for 30 is still an error."""
    source, _ = load_content(CONTENT)
    assert source is not None
    text = ARABIC.read_text(encoding="utf-8")
    assert text.count("بمدة 30 إلى 45 دقيقة") == 1

    def found(digits: str) -> list[str]:
        (tmp_path / "ar.yaml").write_text(text.replace("بمدة 30 إلى 45 دقيقة", digits), encoding="utf-8")
        arabic, _ = load_content(tmp_path / "ar.yaml")
        assert arabic is not None
        return [d.message for d in compare(source, arabic)]

    assert found("بمدة ٣٠ إلى ٤٥ دقيقة") == []
    (message,) = found("بمدة ٣٥ إلى ٤٥ دقيقة")
    assert "the source's 30" in message and "it has ٣٥ instead" in message  # (each as written)


@pytest.mark.parametrize(
    ("source", "translated", "number"),
    [
        ("£1,000", "1 000 £", "1,000"),
        ("£1,000", "1000 £", "1,000"),
        ("£1,000", "1.000 £", "1,000"),
        ("2.5 ml", "2,5 ml", "2.5"),
        ("at 1:30", "a las 1.30", "1:30"),
        ("at 14:30", "à 14 h 30", "14:30"),  # (a time as French writes it, spaced or not)
        ("at 14:30", "à 14h30", "14:30"),
        ("at -20 °C", "ב\u05be-20 °C", "-20"),  # (a minus after a Hebrew prefix and its maqaf or hyphen)
        ("at -20 °C", "ב-\u221220 °C", "-20"),
        ("take 2 500 mg", "tome 2 de 500 mg", "2 500"),  # (two tablets of 500 mg: grouped by a space, or two numbers)
        ("at -20 °C", "a \u221220 °C", "-20"),  # (a hyphen or the minus sign)
        ("at \u221220 °C", "a \u201320 °C", "\u221220"),  # (or an en dash, as Polish may set a minus)
        ("for 1-3 days", "durante 1-3 días", "1, 3"),  # (a range: no minus sign)
        ("for 1 -3 days", "durante 1-3 días", "1, 3"),
        ("by 10%-20%", "un 10-20 %", "10, 20"),  # (a range after a percent sign, or a degree sign)
        ("call 9 9 9", "llame al 999", "9 9 9"),  # (digits spaced to be read out one by one: one number)
        ("call 911", "composez le 9-1-1", "911"),  # (or hyphenated, as Canada writes it: one number, not 9, 1, 1)
        ("call 9-1-1", "llame al 911", "9-1-1"),
        ("2.5 ml", "\u06f2\u066b\u06f5 ml", "2.5"),  # (Persian's digits and decimal separator: one number)
        ("£1,000", "\u06f1\u066c\u06f0\u06f0\u06f0 £", "1,000"),  # (and its thousands separator)
        ("0.5 mm", "\u0660\u066b\u0665 mm", "0.5"),  # (Arabic-Indic digits, Arabic's decimal separator)
        ("call 0117 496 0321", "llame al 0117 496 0321", "0117 496 0321"),  # (a telephone number whole: not '496 032'
        # and '1', nor its groups)
        ("ref. 496 0321", "ref. 496 0321", "0321, 496"),  # (no telephone number: two numbers, not '496 032' and '1')
    ],
)
def test_the_same_number_written_the_languages_way_is_no_error(
    tmp_path: Path, source: str, translated: str, number: str
) -> None:
    """Thousands grouped with a space or a point, or not at all; a decimal comma; a time's colon as a point."""
    src, es = _added(tmp_path, f"It costs {source}.", f"Cuesta {translated}.")
    assert [d.message for d in compare(src, es)] == []
    src, es2 = _added(tmp_path, f"It costs {source}.", "Cuesta 100 £.")
    (message,) = [d.message for d in compare(src, es2)]
    assert f"the source's {number} (in " in message and "it has 100 instead" in message  # (as the source writes it)


IRISH, NORTH_AMERICAN = ("087 123 4567", "+353 87 123 4568"), ("(802) 555-0148", "1-802-555-0149")


@pytest.mark.parametrize(
    ("number", "written"),
    [
        *((IRISH, w) for w in ("087 123 45 67", "+353 87 123 4567", "00353 87 123 4567", "(087) 123-4567")),
        *((NORTH_AMERICAN, w) for w in ("1-802-555-0148", "1 (802) 555-0148", "+1 802 555 0148", "802.555.0148")),
    ],
)
def test_a_telephone_number_in_other_groups_or_its_international_form_is_the_same_number(
    tmp_path: Path, number: tuple[str, str], written: str
) -> None:
    """'087 123 4567' translated as '087 123 45 67' or '+353 87 123 4567' dials the same number: no error (its groups
    were read as numbers: "the source's 4567 ... it has 45, 67 instead"); so does '(802) 555-0148' as
    '1-802-555-0148', North America's long-distance form (read as 1, 802, 555 and 0148). Another number is an error
    that quotes each as written, never a group of it."""
    source, other = number
    english = f"**Out of hours**, call our on-call nurse on {source}."
    src, es = _added(tmp_path, english, f"**Fuera de horario**, llame a la enfermera de guardia al {written}.")
    assert [d.message for d in compare(src, es)] == []
    src, es = _added(tmp_path, english, f"**Fuera de horario**, llame a la enfermera de guardia al {other}.")
    (message,) = [d.message for d in compare(src, es)]
    assert message.startswith(f"the source's {source} (in "), message
    assert message.endswith(f"; it has {other} instead"), message


@pytest.mark.parametrize(
    ("source", "written"),
    [
        ("+1 802 555 0148", "1-802-555-0148"),  # (North America's long-distance 1, as a Québec leaflet writes it)
        ("1-802-555-0148", "+1 802 555 0148"),
        ("(514) 555-0148", "1 (514) 555-0148"),
        ("(514) 555-0148", "514\u00a0555-0148"),  # (its groups parted by a no-break space, or a narrow one)
        ("(514) 555-0148", "514\u202f555\u202f0148"),
        ("+32 2 555 01 23", "02/555 01 23"),  # (Belgium's area code and its slash)
    ],
)
def test_a_telephone_number_written_as_north_america_or_belgium_write_it_is_the_same_number(
    tmp_path: Path, source: str, written: str
) -> None:
    """A French translator's forms of a number (Montréal, Brussels) were read as its groups, an error: "the source's
    +1 802 555 0148 ... it has 0148, 1, 555, 802 instead". They dial the same number; another number is an error."""
    src, es = _added(tmp_path, f"Call us on {source}.", f"Llámenos al {written}.")
    assert [d.message for d in compare(src, es)] == []
    src, es = _added(tmp_path, f"Call us on {source}.", f"Llámenos al {written[:-1]}9.")
    (message,) = [d.message for d in compare(src, es)]
    assert message.startswith(f"the source's {source} (in ") and message.endswith(f"it has {written[:-1]}9 instead")


@pytest.mark.parametrize(
    ("english", "spanish"),
    [
        ("Figures (2018/2019).", "Cifras (2018 y 2019)."),  # (years in brackets: a bracket starts a number to dial)
        ("Closed 01/12/26-05/12/26.", "Cerrado del 01/12/26 al 05/12/26."),  # (two dates: 12 digits from a 0)
    ],
)
def test_years_or_dates_parted_by_slashes_are_no_telephone_number(tmp_path: Path, english: str, spanish: str) -> None:
    """Belgium's area-code slash (02/555 01 23) let a slash into a telephone number anywhere: '(2018/2019)' was
    read as one number to dial, and its translation '(2018 y 2019)' an error ("the source's (2018/2019 ... it has
    2018, 2019 instead") that a translator could not mend."""
    src, es = _added(tmp_path, english, spanish)
    assert [d.message for d in compare(src, es)] == []


def test_a_luxembourg_number_ending_in_one_digit_is_read_whole(tmp_path: Path) -> None:
    """Luxembourg writes some numbers with a last group of one digit ('+352 22 12 34 5'): read whole, the same number
    as '+352 2212345' (its last digit was cut off as a number of its own, an error: "the source's +352 22 12 34")."""
    src, es = _added(tmp_path, "Call +352 22 12 34 5 to book.", "Llame al +352 2212345 para reservar.")
    assert [d.message for d in compare(src, es)] == []


@pytest.mark.parametrize(
    ("english", "spanish"),
    [
        ("Ring 0117 496 0321 2 times.", "Llame al 0117 496 0321 2 veces."),
        ("Ring 0117 496 0321 2 times.", "Llame 2 veces al 0117 496 0321."),  # (the count moved before the number)
        (
            "Ring 0117 496 0321 2 times.",
            "Llame al \u0660\u0661\u0661\u0667 \u0664\u0669\u0666 \u0660\u0663\u0662\u0661 \u0662 veces.",
        ),
    ],
)
def test_a_number_after_a_telephone_number_is_a_number_of_its_own(tmp_path: Path, english: str, spanish: str) -> None:
    """'0117 496 0321 2 veces' was read as one telephone number, '0117 496 0321 2', another than the source's: an
    error the translator could not mend. A last group of one digit is no telephone number's: a number of its own."""
    src, es = _added(tmp_path, english, spanish)
    assert [d.message for d in compare(src, es)] == []
    src, es = _added(tmp_path, english, spanish.replace(" 2 ", " 3 ").replace(" \u0662 ", " \u0663 "))
    (message,) = [d.message for d in compare(src, es) if d.is_error]  # (the count changed: said as the count)
    assert message.startswith("the source's 2 (in ") and message.endswith(("it has 3 instead", "it has \u0663 instead"))


def test_another_countrys_emergency_number_is_an_error_whose_hint_names_the_adaptation(tmp_path: Path) -> None:
    """'Call 999' translated for Belgium as 'Appelez le 112': the error told the translator only to keep the source's
    number; its hint names document.translation.numbers, the way an adaptation says so. A dose changed is not
    given that way out."""
    src, es = _added(tmp_path, "Call 999 now.", "Llame al 112 ahora.")
    (found,) = [d for d in compare(src, es) if "the source's 999" in d.message]
    assert found.hint.endswith('name the change in document.translation.numbers: {"999": "112"}'), found.hint
    src, es = _added(tmp_path, "Take 45 mg.", "Tome 40 mg.")
    (found,) = [d for d in compare(src, es) if "the source's 45" in d.message]
    assert "document.translation.numbers" not in found.hint


@pytest.mark.parametrize("translated", ["a 20 °C", "a - 20 °C", "a 2-20 °C", "ב-20 °C"])
def test_a_dropped_minus_sign_is_a_number_not_in_the_translation(tmp_path: Path, translated: str) -> None:
    """'-20 °C' translated as '20 °C' gives the patient another temperature: an error, as any other number."""
    src, es = _added(tmp_path, "Store it at -20 °C.", f"Guárdelo {translated}.")
    (message,) = [d.message for d in compare(src, es) if d.is_error]
    assert "the source's -20 (in " in message and "is not in the translation" in message


def _added(tmp_path: Path, english: str, spanish: str) -> tuple[Content, Content]:
    """The shipped words and their Spanish translation, each with a sentence added to the same text."""
    text = CONTENT.read_text(encoding="utf-8").replace("Never share one.", f"Never share one. {english}")
    (tmp_path / "content.yaml").write_text(text, encoding="utf-8")
    translated = SPANISH.read_text(encoding="utf-8").replace("Nunca los comparta.", f"Nunca los comparta. {spanish}")
    (tmp_path / "es.yaml").write_text(translated, encoding="utf-8")
    src, _ = load_content(tmp_path / "content.yaml")
    es, _ = load_content(tmp_path / "es.yaml")
    assert src is not None and es is not None
    return src, es


@pytest.mark.parametrize(
    ("english", "spanish", "number", "says"),
    [
        ("Wait 7 days. For 3 to 7 days.", "Espere 7 días. De 7 a 3 días.", "7 a 3", "gives 7 before 3"),
        ("Use SPF 30 or more, 30 minutes before.", "Use FPS 30 o más, 30% antes.", "30% antes", "has a percentage"),
        ("Wait 2 hours, then 2 days.", "Espere 2 horas, luego 2 minutos.", "2 minutos", "counts 2 in minutes"),
    ],
    ids=["range-turned", "percent-added", "unit-changed"],
)
def test_a_range_percentage_or_unit_is_said_at_its_own_copy_of_the_number(
    tmp_path: Path, english: str, spanish: str, number: str, says: str
) -> None:
    """'Espere 7 días. De 7 a 3 días' for 'Wait 7 days. For 3 to 7 days': the range turned round was said at the
    text's first 7, which is not the range's; so were a percent sign added to a number given twice, and a number
    given twice counting another unit in its second copy. Each is said at the copy it is about."""
    src, es = _added(tmp_path, english, spanish)
    row, col = position((tmp_path / "es.yaml").read_text(encoding="utf-8"), number)
    lines = [d.format() for d in compare(src, es)]
    said = "error" if "counts" in says else "warning"  # (a unit changed is an error)
    assert any(x.startswith(f"{tmp_path / 'es.yaml'}:{row}:{col}: {said}: the translation {says}") for x in lines), (
        lines
    )


def test_a_number_the_translation_repeats_is_said_to_be_given_more_times_not_missing(tmp_path: Path) -> None:
    """'30 a 45 minutos (30-45 min)' for '30 to 45 minutes': told "the translation gives 30, 45, which the source's
    text does not", which it does, once each: it gives them more times."""
    src, es = _added(tmp_path, "Wait 30 to 45 minutes.", "Espere de 30 a 45 minutos (30-45 min).")
    (message,) = [d.message for d in compare(src, es)]
    assert message.startswith("the translation gives 30, 45 more often than the source's text ("), message
    src, es = _added(tmp_path, "Wait 30 to 45 minutes.", "Espere de 30 a 45 minutos, 2 veces.")
    (message,) = [d.message for d in compare(src, es)]
    assert message.startswith("the translation gives 2, which the source's text (") and message.endswith("does not")


def test_a_sentence_of_the_source_left_in_a_translated_text_is_warned(tmp_path: Path) -> None:
    """'Wait 30 to 45 minutes. Then we start.' translated as 'Espere de 30 a 45 minutos. Then we start.': only a
    text left wholly as the source wrote it was warned; a sentence of four words or more left so is, at the text.
    A short one ('Call 999.') or one named in document.translation.same is not."""
    src, es = _added(
        tmp_path,
        "Wait 30 to 45 minutes. Then we start the treatment.",
        "Espere de 30 a 45 minutos. Then we start the treatment.",
    )
    (warned,) = [d for d in compare(src, es) if "a sentence of this text" in d.message]
    assert "('Then we start the treatment.'): probably not translated" in warned.message, warned.message
    src, es = _added(tmp_path, "Wait 30 to 45 minutes. Call 999.", "Espere de 30 a 45 minutos. Call 999.")
    assert not [d for d in compare(src, es) if "a sentence of this text" in d.message]


def test_an_english_sentence_not_from_the_source_in_a_translated_text_is_warned(tmp_path: Path) -> None:
    """A sentence in English added to a Spanish text, not one of the source's (pasted from another text, a note
    left): the check warned only of the source's own sentences left as written. It reads as English: a warning at
    the text; a Spanish sentence with an English name in it is not."""
    src, es = _added(
        tmp_path, "Wait 30 to 45 minutes.", "Espere de 30 a 45 minutos. Ask us about the price before you book."
    )
    (warned,) = [d for d in compare(src, es) if "reads as English" in d.message]
    assert "('Ask us about the price before you book.'), not as es" in warned.message, warned.message
    src, es = _added(tmp_path, "Wait 30 to 45 minutes.", "Espere de 30 a 45 minutos. Llame al Skin Clinic de Bath.")
    assert not [d for d in compare(src, es) if "reads as English" in d.message]


def test_texts_of_thousands_of_digits_are_checked_at_once_a_hang_guard(tmp_path: Path) -> None:
    """(A hang guard, not a timing test: 30 s for what takes milliseconds.) A run of 3,800 digits then ':1' took the
    telephone pattern 0.8 s a look, each try from each digit given back a character at a time; the translation check
    looks at each text several times: a file of such texts ran for minutes. Checked in a child process, which ends."""
    import multiprocessing

    run = "1" * 3800 + ":1"  # (with the rest of the text, under the 4,000 characters a text may have)
    src, es = _added(tmp_path, f"Wait {run}.", f"Espere {run}.")

    def look() -> None:
        for _ in range(20):
            compare(src, es)

    child = multiprocessing.get_context("fork").Process(target=look)
    child.start()
    child.join(HANG_GUARD)
    ended = not child.is_alive()
    child.kill()
    assert ended and child.exitcode == 0, child.exitcode


def test_a_missing_list_item_is_one_error_at_the_list_not_a_cascade(tmp_path: Path) -> None:
    """A list of 6 that became 5 (the second item dropped): one error at the list, with both counts; the items
    after it are not paired with the wrong source items (no false 'the source's 24 ... has 3 instead')."""
    lines, text = _seeded(tmp_path, '          - "Sin maquillaje durante 24 horas"\n', "")
    (line,) = lines
    row, col = position(text, '"Lávese con suavidad')
    assert line.startswith(
        f"{tmp_path / 'es.yaml'}:{row}:{col}: error: 'sections[5].blocks[1].bullets' has 5 items here, 6 in the source"
    )
    assert "translate each of the source's 6 items, one for one, in its order" in line
    assert "the source's sections[5].blocks[1].bullets[1] ('No make-up for 24 hours') has no translation here" in line


def test_a_dropped_item_alike_another_is_named_when_the_rest_tell_which(tmp_path: Path) -> None:
    """The aftercare list's first and fifth items keep no number: dropping the fifth was 'one item short', unnamed,
    though the other four (each with its numbers) paired only one way. Two alike side by side stay unnamed."""
    dropped = '          - "Use solo productos que aprobemos. Retome las cremas recetadas, como la crema triple (lleva '
    dropped += 'tretinoína), cuando se lo digamos"\n'
    (line,) = _seeded(tmp_path, dropped, "")[0]
    assert "the source's sections[5].blocks[1].bullets[4] ('Only use products we approve." in line, line
    a, b, c = (("1",), (), (), ()), ((), (), (), ()), (("2",), (), (), ())
    assert _one_apart([a, b, c], [a, c]) == [1] and _one_apart([a, b, b, c], [a, b, c]) == []
    assert _one_apart([b, a, c, b], [a, c, b]) == [0] and _one_apart([a, c], [a]) == [1]


def test_a_missing_list_item_is_named_where_what_each_item_keeps_tells_them_apart(tmp_path: Path) -> None:
    """The treatment's steps differ in their numbers and citations: the one dropped is named (not the last)."""
    step = (
        "          - title: Tratamiento\n"
        '            text: "Le trata una enfermera o un médico formados. Dura de 15 a 60 minutos y se nota como un '
        'raspado. Es normal sangrar en puntitos."\n'
    )
    (line,) = _seeded(tmp_path, step, "")[0]
    assert "'sections[4].blocks[0].steps' has 3 items here, 4 in the source" in line
    assert "the source's sections[4].blocks[0].steps[2] ('Treatment') has no translation here" in line


def test_a_paragraph_left_in_english_is_flagged(tmp_path: Path) -> None:
    english = "Most people cope well, but there are risks.[^chu2021]"
    lines, _ = _seeded(tmp_path, "La mayoría lo tolera bien, pero hay riesgos.[^chu2021]", english)
    (line,) = lines
    assert "warning: this text is as the source wrote it ('Most people cope well" in line and "probably not" in line


def test_a_text_the_same_in_both_languages_may_be_named_as_such(tmp_path: Path) -> None:
    """French writes 'Consultation' as English does: named in document.translation.same, it is not called
    probably not translated (it was, on every edition, with no way to say so); another text left in English
    still is."""
    text = SPANISH.read_text(encoding="utf-8").replace("- title: Consulta\n", "- title: Consultation\n", 1)
    path = tmp_path / "es.yaml"
    path.write_text(text, encoding="utf-8")
    source, _ = load_content(CONTENT)
    translation, _ = load_content(path)
    assert source is not None and translation is not None
    (said,) = compare(source, translation)
    assert "('Consultation'): probably not translated" in said.message
    assert "name them in document.translation.same: [...]" in said.hint
    marked = text.replace("    translator: {", "    same: [Consultation]\n    translator: {", 1)
    path.write_text(marked, encoding="utf-8")
    translation, diags = load_content(path)
    assert translation is not None, [d.format() for d in diags]
    assert compare(source, translation) == []


def test_a_block_the_source_lacks_is_an_error_where_it_is_written(tmp_path: Path) -> None:
    """A block added to the translation alone: the error is at the added block, not at the section's first (a
    translator looked for the mistake where nothing had changed)."""
    old = "          tone: note\n\n  - id: what-it-can-do\n"
    added = '      - text: "Una frase que el original no tiene."\n'
    (line,) = _seeded(tmp_path, old, "          tone: note\n" + added + "\n  - id: what-it-can-do\n")[0]
    text = (tmp_path / "es.yaml").read_text(encoding="utf-8")
    row, col = position(text, '"Una frase que el original')
    assert line.startswith(f"{tmp_path / 'es.yaml'}:{row}:{col}: error: 'sections[0].blocks' has"), line
    assert "sections[0].blocks[3] ('Una frase que el original no tiene.') is not in the source" in line


def test_a_block_added_beside_one_of_another_kind_with_no_numbers_is_named(tmp_path: Path) -> None:
    """A text with no number, citation or link added before the drawing (its labels have none either): the two are
    told apart by their kind (a text, a drawing's labels), so the error names the added one, not 'an item'."""
    old = "      - layouts: [trifold, flyer, large-print]\n        illustration:\n          name: skin-section"
    added = '      - text: "Una frase que el original no tiene."\n'
    (line,) = _seeded(tmp_path, old, added + old)[0]
    assert "sections[0].blocks[1] ('Una frase que el original no tiene.') is not in the source" in line, line


@pytest.mark.parametrize(
    ("alt", "warned"),
    [("A nurse holding the pen over a cheek", True), ("Una enfermera sostiene el bolígrafo sobre la mejilla", False)],
)
def test_a_pictures_text_alternative_left_untranslated_is_warned(tmp_path: Path, alt: str, warned: bool) -> None:
    """A picture's alt: is read by a screen reader in place of the picture, but it is not printed: the translation
    check never compared it, and a Spanish leaflet's figure kept its English alt, read in a Spanish voice (an
    accessibility review, 2026-12-06)."""
    from PIL import Image

    Image.new("RGB", (1200, 800), (200, 180, 160)).save(tmp_path / "pen.png")
    picture = '      - image: {{src: pen.png, alt: "{alt}"}}\n      - callout:'
    source = CONTENT.read_text(encoding="utf-8").replace(
        "      - callout:", picture.format(alt="A nurse holding the pen over a cheek"), 1
    )
    (tmp_path / "source.yaml").write_text(source, encoding="utf-8")
    spanish = SPANISH.read_text(encoding="utf-8").replace("      - callout:", picture.format(alt=alt), 1)
    (tmp_path / "es.yaml").write_text(spanish, encoding="utf-8")
    (theirs, _), (ours, diags) = load_content(tmp_path / "source.yaml"), load_content(tmp_path / "es.yaml")
    assert theirs is not None and ours is not None, [d.format() for d in diags]
    said = [d for d in compare(theirs, ours) if d.location.key.endswith(".image.alt")]
    assert len(said) == warned, [d.format() for d in said]
    for d in said:
        assert "probably not translated" in d.message and (d.location.line, d.location.column) == position(
            spanish, f'"{alt}"'
        )


def test_a_changed_link_is_an_error(tmp_path: Path) -> None:
    """The source links a word to a page; the translation links it elsewhere."""
    source, _ = load_content(CONTENT)
    assert source is not None
    text = CONTENT.read_text(encoding="utf-8").replace(
        "Results vary.", "[Results vary](https://clearwaterskin.co.uk/book)."
    )
    (tmp_path / "source.yaml").write_text(text, encoding="utf-8")
    linked, _ = load_content(tmp_path / "source.yaml")
    lines, _ = _seeded(tmp_path, "Los resultados varían.", "[Los resultados varían](https://example.com/cita).")
    assert linked is not None and any("the links differ" in line for line in lines)  # the shipped source: none
    translation, _ = load_content(tmp_path / "es.yaml")
    assert translation is not None
    (d,) = compare(linked, translation)
    assert "the links differ from the source's" in d.message and "clearwaterskin.co.uk/book" in d.message


@pytest.mark.parametrize(
    ("old", "new", "says"),
    [
        (
            "doi: 10.1001/jamadermatol.2013.8687",
            "doi: 10.9999/fake.123",
            "reference 'alam2014' has the DOI 10.9999/fake.123, and the source's has 10.1001/jamadermatol.2013.8687",
        ),
        (
            "url: https://pubmed.ncbi.nlm.nih.gov/34448760/",
            "url: https://pills.example/buy",
            "has the web address https://pills.example/buy, and the source's has https://pubmed.ncbi.nlm.nih.gov/",
        ),
    ],
    ids=["doi", "web-address"],
)
def test_a_reference_whose_doi_or_address_changed_is_an_error(tmp_path: Path, old: str, new: str, says: str) -> None:
    """The office edition links each reference: a translation that changed one's DOI sent its readers to another
    paper (or a shop), and `check` said ok."""
    lines, _ = _seeded(tmp_path, old, new)
    (line,) = [line for line in lines if "reference '" in line]
    assert line.startswith(f"{tmp_path / 'es.yaml'}:") and says in line and ": error: " in line


def test_a_doi_written_in_other_capitals_is_the_same_doi(tmp_path: Path) -> None:
    """DOIs are the same in any case (10.1001/JAMADERMATOL.2013.8687 is the source's)."""
    lines, _ = _seeded(tmp_path, "doi: 10.1001/jamadermatol.2013.8687", "doi: 10.1001/JAMADERMATOL.2013.8687")
    assert not [line for line in lines if "reference '" in line]


@pytest.mark.parametrize(
    ("old", "new", "at", "says"),
    [
        (
            'version: "1.2"',
            'version: "1.0"',
            '"1.0"',
            "this translation is of version 1.0, and the source is version 1.2 (CONTENT:6:12): its words may be",
        ),
        (
            "published: 2026-12-01",
            "published: 2026-06-01",
            "2026-06-01",
            "this translation was published on 2026-06-01, before its source's words (2026-12-01, CONTENT:7:14)",
        ),
        (
            "review: 2029-12-01",
            "review: 2030-06-01",
            "2030-06-01",
            "this translation is due for review on 2030-06-01, after its source (2029-12-01, CONTENT:8:11)",
        ),
        (  # (it was told to translate what changed since 1.10 and set version "1.1": a step back)
            'version: "1.2"',
            'version: "1.10"',
            '"1.10"',
            "this translation is of version 1.10, newer than its source's 1.2 (CONTENT:6:12): one of the two is",
        ),
    ],
    ids=["earlier-version", "published-before-the-source", "review-after-the-source", "newer-version"],
)
def test_a_translation_of_other_words_than_the_sources_is_a_warning_at_its_date(
    tmp_path: Path, old: str, new: str, at: str, says: str
) -> None:
    """A translation made from version 1.0 of the words passed the check in silence after the source became 1.1 (a
    risk added in English, missing in Spanish), as did one published before its source or reviewed after it."""
    lines, text = _seeded(tmp_path, old, new)
    row, col = position(text, at)
    (line,) = [line for line in lines if "this translation" in line]
    assert line.startswith(f"{tmp_path / 'es.yaml'}:{row}:{col}: warning: {says.replace('CONTENT', str(CONTENT))}"), (
        line
    )


def test_spanish_words_marked_in_the_sources_language_are_a_warning_at_language(tmp_path: Path) -> None:
    """A Spanish file marked en-GB passed in silence: read in an English voice, with English labels printed. Most
    of its texts differ from the source's, as an adaptation's (en-US: 8 of 105) do not."""
    lines, text = _seeded(tmp_path, "language: es", "language: en-GB")
    (line,) = [line for line in lines if "are they in another language?" in line]
    row, col = position(text, "en-GB  ")  # (the `language:` line's)
    assert line.startswith(f"{tmp_path / 'es.yaml'}:{row}:{col}: warning: the words are marked 'en-GB', the ")
    assert "the source's language (en-GB), yet 74 of their 105 texts are reworded throughout" in line


def test_the_command_line_checks_a_translation_against_its_source(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = SPANISH.read_text(encoding="utf-8").replace("de 30 a 45 minutos antes", "de 30 a 40 minutos antes")
    path = tmp_path / "es.yaml"
    path.write_text(text, encoding="utf-8")
    status = main(["check", "--source", str(CONTENT), "--content", str(path)])
    err = capsys.readouterr().err
    assert status == 1 and "error: the source's 45 (in 'We put it on 30 to 45 minutes before.'" in err
    assert main(["check", "--source", str(CONTENT), "--content", str(SPANISH)]) == 0


def test_a_translation_checked_without_its_source_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`check --content translations/es.yaml` said "ok" and nothing of the source it was not compared with (a number
    changed in translation passed unseen); it says so now, with the command that compares them (content.yaml where
    it runs). The source's own check, and a translation checked with its source, say nothing more."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "content.yaml").write_bytes(CONTENT.read_bytes())
    status, out, err = cli(capsys, "check", "--brand", str(BRAND), "--content", str(SPANISH))
    assert status == 0 and out.startswith("ok: "), err
    note = f"hint: brochure check --source content.yaml --content {SPANISH} --brand {BRAND})"  # (the kit given)
    assert "is a translation (document.translation), not checked against the words it translates" in err and note in err
    (tmp_path / "clinic/pl").mkdir(parents=True)  # (a clinic's own words, and their translation beside them, as
    (tmp_path / "clinic/content.yaml").write_bytes(CONTENT.read_bytes())  # `init --words` lays them out: the
    (tmp_path / "clinic/pl/content.yaml").write_bytes(SPANISH.read_bytes())  # group's words here are not theirs)
    status, _, err = cli(capsys, "check", "--brand", str(BRAND), "--content", "clinic/pl/content.yaml")
    note = f"(hint: brochure check --source clinic/content.yaml --content clinic/pl/content.yaml --brand {BRAND})"
    assert status == 0 and note in err, err
    (tmp_path / "clinic/pl/m.yaml").write_bytes(SPANISH.read_bytes())  # (beside a translation in its language: that
    status, _, err = cli(capsys, "check", "--brand", str(BRAND), "--content", "clinic/pl/m.yaml")  # is no source)
    assert status == 0 and "--source clinic/content.yaml --content clinic/pl/m.yaml" in err, err
    odd = tmp_path / "t\nes.yaml"  # (a name with a line break: the command printed reads back as it)
    odd.write_bytes(SPANISH.read_bytes())
    status, _, err = cli(capsys, "check", "--brand", str(BRAND), "--content", str(odd))
    assert status == 0 and f"--content $'{tmp_path}/t\\nes.yaml' --brand {BRAND})" in err, err
    for given in (["--content", "content.yaml"], ["--content", str(SPANISH), "--source", "content.yaml"]):
        status, out, err = cli(capsys, "check", "--brand", str(BRAND), *given)
        assert status == 0 and "note:" not in err, err


def test_a_translation_built_where_editions_yaml_names_its_source_is_checked_against_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`build` and `preview` of a translation without --source skipped the source check that `batch` and `watch`
    make (a number changed in translating printed, exit 0): where ./editions.yaml names the kit and the words, they
    are checked against its source, as the batch checks them, and a note says so; elsewhere a translation built
    without --source is said to be unchecked, as `check` says it."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "content.yaml").write_bytes(CONTENT.read_bytes())
    text = SPANISH.read_text(encoding="utf-8")
    (tmp_path / "es.yaml").write_text(text.replace("de 30 a 45 minutos antes", "de 30 a 40 minutos antes"), "utf-8")
    (tmp_path / "ok.yaml").write_text(text, encoding="utf-8")
    kit = str(copied_kit(tmp_path).relative_to(tmp_path))  # (editions.yaml names what lies beside it)
    editions = f"source: content.yaml\nbrands:\n  - kit: {kit}\n    languages: [content.yaml, es.yaml, ok.yaml]\n"
    for command in ("build", "preview", "check"):
        status, _, err = cli(capsys, command, "--brand", kit, "--content", "es.yaml")  # (no editions.yaml yet)
        assert status == 0 and "es.yaml is a translation (document.translation), not checked" in err, err
    (tmp_path / "editions.yaml").write_text(editions, encoding="utf-8")
    for command in ("build", "preview", "check"):
        status, _, err = cli(capsys, command, "--brand", kit, "--content", "es.yaml")
        assert status == 1 and "es.yaml:" in err and "error: the source's 45 (in 'We put it on 30" in err, err
        assert "note: es.yaml was checked against content.yaml, the words editions.yaml says" in err  # (why it is)
        status, _, err = cli(capsys, command, "--brand", kit, "--content", "ok.yaml")
        said = "note: ok.yaml was checked against content.yaml, the words editions.yaml says it translates"
        assert status == 0 and said in err, err
    status, _, err = cli(capsys, "build", "--brand", str(MAPLE), "--content", "es.yaml")  # (not this kit's words)
    assert status == 0 and "not checked against the words it translates" in err, err
    (tmp_path / "editions.yaml").write_text(editions + "  - kit: nowhere/brand.yaml\n", encoding="utf-8")
    status, _, err = cli(capsys, "build", "--brand", kit, "--content", "es.yaml")
    assert status == 0 and "and ./editions.yaml, which would name it, has errors (`brochure batch` says them)" in err


def test_an_adaptation_may_change_a_number_it_names(tmp_path: Path) -> None:
    """en-US says 999 becomes 911 and NHS 111 goes: no finding; a 999 it forgot to name would be an error."""
    source, _ = load_content(CONTENT)
    us, _ = load_content(US)
    assert source is not None and us is not None and compare(source, us) == []
    text = US.read_text(encoding="utf-8").replace('numbers: {"999": "911", "111": ""}', 'numbers: {"111": ""}')
    (tmp_path / "en-US.yaml").write_text(text, encoding="utf-8")
    changed, _ = load_content(tmp_path / "en-US.yaml")
    assert changed is not None
    (d,) = compare(source, changed)
    assert "the source's 999" in d.message and "911 instead" in d.message


@pytest.mark.parametrize(
    ("number", "said"),
    [("", "still gives 999, which its document.translation.numbers changes (999: dropped)"),
     ("911", "(as 911, document.translation.numbers)")],  # (an error: the 911 it promises is not there)
    ids=["dropped", "changed"],
)  # fmt: skip
def test_a_number_the_translation_says_it_changes_but_still_gives_is_said_so(
    tmp_path: Path, number: str, said: str
) -> None:
    """numbers: {"999": ""} with the text still saying 999: it was told "the translation gives 999, which the
    source's text ('Call 999 ...') does not", which it does."""
    text = SPANISH.read_text(encoding="utf-8").replace(
        "    translator:", f'    numbers: {{"999": "{number}"}}\n    translator:', 1
    )
    (tmp_path / "es.yaml").write_text(text, encoding="utf-8")
    source, _ = load_content(CONTENT)
    changed, diags = load_content(tmp_path / "es.yaml")
    assert source is not None and changed is not None, [d.format() for d in diags]
    found = [d for d in compare(source, changed) if "999" in d.message]
    assert found and all("which the source's text" not in d.message for d in found), [d.message for d in found]
    assert any(said in d.message for d in found), [d.message for d in found]


@pytest.mark.parametrize(
    ("number", "written", "said"),
    [("", "Llame a urgencias", "drops it"), ("998", "Llame al 998", "changes it to '998'")],
    ids=["dropped", "changed"],
)
def test_a_translation_that_changes_the_number_to_call_for_urgent_help_to_none_is_warned(
    tmp_path: Path, number: str, written: str, said: str
) -> None:
    """numbers: {"999": ""} (or "998") quiets the comparison of numbers, and the Spanish leaflet built with no number
    to call when a throat swells, exit 0 and no word (NHS 111, which it kept, is none). A warning at the line; an
    adaptation to another country's number (999 -> 911) is not one."""
    text = SPANISH.read_text(encoding="utf-8").replace("Llame al 999", written)
    text = text.replace("    translator:", f'    numbers: {{"999": "{number}"}}\n    translator:', 1)
    (tmp_path / "es.yaml").write_text(text, encoding="utf-8")
    source, _ = load_content(CONTENT)
    changed, diags = load_content(tmp_path / "es.yaml")
    assert source is not None and changed is not None, [d.format() for d in diags]
    (d,) = compare(source, changed)
    line, col = position(text, f'"**{written}**')
    assert not d.is_error and (d.location.line, d.location.column) == (line, col)
    assert d.message.startswith("the source gives 999, the number to call for urgent help, and document.translation")
    assert said in d.message and "not told what to call" in d.message
    us, _ = load_content(US)
    assert us is not None and compare(source, us) == []
    # New Zealand's number is 111: an adaptation to it gives one (its NHS 111 line dropped); so does a translation
    # that drops 999 and gives Europe's 112 instead
    for numbers, call in (('{"999": "111", "111": ""}', "Call 111"), ('{"999": "", "111": ""}', "Call 112")):
        nz = US.read_text(encoding="utf-8").replace('numbers: {"999": "911", "111": ""}', f"numbers: {numbers}")
        (tmp_path / "en-NZ.yaml").write_text(nz.replace("Call 911", call), encoding="utf-8")
        adapted, diags = load_content(tmp_path / "en-NZ.yaml")
        assert adapted is not None, [d.format() for d in diags]
        assert not [d.message for d in compare(source, adapted) if "urgent help" in d.message], numbers


def test_a_kit_without_the_leaflets_language_is_an_error(tmp_path: Path) -> None:
    """The Spanish leaflet with a kit whose other-formats and feedback lines are English only."""
    brand = copied_kit(tmp_path)
    text = brand.read_text(encoding="utf-8")
    brand.write_text(text[: text.index("languages:")], encoding="utf-8")
    result = result_of(sources(SPANISH, brand), api.Options())
    (d,) = [d for d in result.diagnostics if d.is_error]
    assert not result.ok and "are in 'en', and the leaflet is in 'es'" in d.message and d.location.key == "feedback"


@pytest.mark.parametrize(
    ("words", "script"),
    [
        ("ܪܘܫܐ", "Syriac"),
        ("त्वचा विशेषज्ञ", "Devanagari"),
        ("แพทย์ผิวหนัง", "Thai"),
        ("ত্বক বিশেষজ্ঞ।", "Bengali"),  # (its full stop is in Devanagari's block: Bengali alone is said)
        ("\u0915\u1cf2", "Devanagari"),  # (a Vedic sign printed with exit 0 beside a refused letter: one error)
        ("\U00011013\U00011038", "Brahmi"),
        ("\ua9a0\ua9c0", "Javanese"),
    ],
)
def test_a_script_brochure_cannot_shape_is_an_error_at_its_text(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], words: str, script: str
) -> None:
    """Arabic once built with exit 0, letters unjoined and left to right: never silent output. One error per
    text, where it is written, naming the script; nothing is written."""
    text = edit(inputs.content, "Fine needles make **tiny** pricks.", f"Fine needles make **tiny** pricks. {words}.")
    status, _, err = cli(capsys, "build", "--content", str(inputs.content), "--brand", str(inputs.brand), "-o",
                         str(inputs.content.parent / "x.pdf"))  # fmt: skip
    errors = [line for line in err.splitlines() if ": error: " in line]
    (line,) = errors
    row, col = position(text, '"Fine needles make')
    assert status == 1 and f"content.yaml:{row}:{col}: error: brochure cannot set {script} text yet" in line
    assert not (inputs.content.parent / "x.pdf").exists()


@pytest.mark.parametrize(
    "words",
    ["微针是一种皮肤治疗。", "微\u00ad针\u00ad是一种皮肤治疗。", "マイクロニードリングは肌の治療です。"],
    ids=["chinese", "chinese-with-soft-hyphens", "japanese"],
)
def test_chinese_or_japanese_is_one_error_that_no_font_or_soft_hyphen_mends(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], words: str
) -> None:
    """Chinese and Japanese lines break between characters, not at spaces: a sentence was a word too long for its
    line (219 errors without a font for them, each telling to replace the characters), and soft hyphens put in as
    the hint said printed as hyphens inside words, exit 0. One error, at the first text, that says why and that no
    font mends it; nothing is written."""
    text = inputs.content.read_text(encoding="utf-8")
    for old in ("Fine needles make **tiny** pricks.", "What is it?", "Risks", "Book a consultation", "Micro-needling"):
        text = text.replace(old, words)
    inputs.content.write_text(text, encoding="utf-8")
    status, _, err = cli(capsys, "build", "--content", str(inputs.content), "--brand", str(inputs.brand), "-o",
                         str(inputs.content.parent / "x.pdf"))  # fmt: skip
    (line,) = [line for line in err.splitlines() if ": error: " in line]
    assert status == 1 and "error: brochure cannot set Chinese or Japanese text yet (U+" in line, line
    assert "more of the leaflet's texts" in line and "soft hyphens do not help" in line and "kit's fonts" not in line
    assert not (inputs.content.parent / "x.pdf").exists()


@pytest.mark.parametrize(
    ("language", "words", "refused"),
    [
        ("zh-Hans", "微针。", True),  # (a Chinese leaflet: at its first text with Han, however short)
        ("ja", "はい。", True),
        ("en-GB", "Ask for Dr 清水 or see 北京协和医院.", False),  # (names: printed as words are, a font permitting)
        ("ko", "피부(皮膚) 관리: 3・1 안내.", False),  # (Korean's hanja in brackets and its middle dot)
        ("en-GB", "See 微针是一种皮肤治疗方法 here.", True),  # (a sentence's run of eight or more)
    ],
)
def test_chinese_or_japanese_is_refused_by_the_leaflets_language_or_a_sentences_run(
    inputs: Inputs, language: str, words: str, refused: bool
) -> None:
    """Any Han or kana refused the text: a Korean leaflet's middle dot or hanja, a Latin leaflet's clinic name in
    Han. A Chinese or Japanese leaflet is refused; in another, a run of eight or more (a sentence's)."""
    edit(inputs.content, "language: en-GB", f"language: {language}")
    edit(inputs.content, "Fine needles make **tiny** pricks.", words)
    src, diags = api.load(inputs.content, inputs.brand)
    found = [d.message for d in diags] + ([d.message for d in api.build(src, api.Options()).diagnostics] if src else [])
    said = [m for m in found if "cannot set Chinese or Japanese" in m]
    assert bool(said) == refused, found


@pytest.mark.parametrize("language", ["zh-Hans", "ja", "yue-HK"])
def test_a_chinese_or_japanese_leaflet_is_one_error_at_its_language(inputs: Inputs, language: str) -> None:
    """A leaflet in Chinese or Japanese is refused at its `language:`, alone: it was told to give a `words:` block
    and the kit's lines in its language first, work on a leaflet that cannot be set, and only then that it cannot."""
    edit(inputs.content, "language: en-GB", f"language: {language}")
    edit(inputs.content, "title: Micro-needling", "title: 微针")
    src, diags = api.load(inputs.content, inputs.brand)
    assert src is not None and not [d for d in diags if d.is_error]
    (found,) = api.build(src, api.Options()).diagnostics
    assert found.is_error and found.location.key == "language", found.format()
    assert f"brochure cannot set Chinese or Japanese text yet (the leaflet is in '{language}')" in found.message


def test_a_chinese_translation_checked_against_its_source_is_told_first_it_cannot_be_set(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """With --source, a Chinese translation was told what to mend against its source first (a number it changed),
    and only once mended that no leaflet in it can be built: the refusal is said alone."""
    text = (
        (ROOT / "translations/es.yaml").read_text(encoding="utf-8").replace("language: es ", "language: zh-Hant-TW ", 1)
    )
    (tmp_path / "zh.yaml").write_text(text.replace("999", "998"), encoding="utf-8")
    status, _, err = cli(capsys, "check", "--content", str(tmp_path / "zh.yaml"), "--source", str(CONTENT))
    errors = [line for line in err.splitlines() if ": error: " in line]
    assert status == 1 and len(errors) == 1, err
    assert "brochure cannot set Chinese or Japanese text yet (the leaflet is in 'zh-Hant-TW')" in errors[0], err


def test_every_chinese_and_japanese_letter_is_caught_and_no_korean_one() -> None:
    """Han (every block, the supplementary planes' too), hiragana, katakana and bopomofo are refused; Hangul, set at
    its spaces as Latin is, and the CJK punctuation a Korean text may use (its middle dot, 3・1) are not."""
    import unicodedata

    from brochure.preflight.glyphs import _CJK as _UNSHAPED

    def named(prefixes: tuple[str, ...], ch: str) -> bool:
        return unicodedata.name(ch, "").startswith(prefixes)

    letters = [chr(c) for c in range(0x2E80, 0x32000) if unicodedata.category(chr(c)).startswith("L")]
    cjk = ("CJK UNIFIED", "CJK COMPATIBILITY IDEOGRAPH", "HIRAGANA", "KATAKANA", "BOPOMOFO", "HALFWIDTH KATAKANA")
    assert [ch for ch in letters if named(cjk, ch) and not _UNSHAPED.match(ch)] == []
    korean = [ch for ch in letters if named(("HANGUL",), ch)] + [chr(c) for c in range(0x3000, 0x3040)] + ["\u30fb"]
    assert len(korean) > 11_000 and [ch for ch in korean if _UNSHAPED.match(ch)] == []


@pytest.mark.parametrize(("words", "script"), [("طبيب الجلدية", "Arabic"), ("רופא עור", "Hebrew")])
def test_arabic_or_hebrew_without_a_font_made_for_it_is_one_error_at_its_text(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], words: str, script: str
) -> None:
    """brochure shapes Arabic and Hebrew, in a font that has their letters: the kit's Latin family has none, so
    one error at the text names the font and the script, and says where to find a family; nothing is written."""
    text = edit(inputs.content, "Fine needles make **tiny** pricks.", f"Fine needles make **tiny** pricks. {words}.")
    status, _, err = cli(capsys, "build", "--content", str(inputs.content), "--brand", str(inputs.brand), "-o",
                         str(inputs.content.parent / "x.pdf"))  # fmt: skip
    (line,) = [line for line in err.splitlines() if ": error: " in line]
    row, col = position(text, '"Fine needles make')
    assert status == 1 and f"content.yaml:{row}:{col}: error: the heading, body, bold and italic fonts" in line
    assert f"have no {script} letters" in line and f"`brochure fonts --search {script.lower()}`" in err
    assert not (inputs.content.parent / "x.pdf").exists()


def test_vietnamese_letters_are_not_taken_for_a_complex_script(inputs: Inputs) -> None:
    """Vietnamese is Latin with stacked accents (precomposed or combining): set as written, in a font that has them."""
    edit(inputs.content, "Fine needles make **tiny** pricks.", "Kim nhỏ tạo những vết chích li ti. Việt Nam.")
    src, _ = api.load(inputs.content, inputs.brand)
    assert src is not None
    result = api.build(src, api.Options())
    assert result.ok, [d.format() for d in result.diagnostics]
    assert "Kim nhỏ tạo những vết chích li ti." in " ".join(page_texts(result.pdf or b""))


def test_every_right_to_left_letter_is_caught() -> None:
    """The pattern of scripts brochure cannot set covers every letter Unicode writes right to left (but the
    invisible right-to-left mark, which prints nothing)."""
    import unicodedata

    from brochure.preflight.glyphs import _UNSHAPED

    rtl = (chr(c) for c in range(0x110000) if unicodedata.bidirectional(chr(c)) in ("R", "AL"))
    assert [hex(ord(ch)) for ch in rtl if not _UNSHAPED.match(ch)] == ["0x200f"]


def test_a_block_moved_to_other_layouts_is_an_error_at_the_block(tmp_path: Path) -> None:
    """The bi-fold's treatment paragraph marked for the flyer in the translation: the Spanish bi-fold would print
    no treatment words; the check names the block and both lists of layouts."""
    old = '      - layouts: [bifold]\n        text: "**En la consulta**'
    lines, text = _seeded(tmp_path, old, old.replace("[bifold]", "[flyer]"))
    (line,) = lines
    row, col = position(text, '"**En la consulta**')
    assert line.startswith(
        f"{tmp_path / 'es.yaml'}:{row}:{col}: error: sections[4].blocks[1] is in the layouts flyer here, bifold in"
    )


@pytest.mark.parametrize(
    ("new", "at", "says"),
    [
        ("      - layouts: [large-print]\n        contact: [phone]", "", ""),  # (left out of the tri-fold: the
        ("      - layouts: [trifold]\n        contact: [phone]", "", ""),  # back prints it; out of large print)
        (
            "      - layouts: [bifold, trifold, large-print]\n        contact: [phone]",
            "[phone]",
            "error: sections[7].blocks[1] is in the layouts bifold, large-print, trifold here",
        ),
        (
            "      - layouts: [bifold, large-print]\n        contact: [phone]",
            "[phone]",
            "error: sections[7].blocks[1] is in the layouts bifold, large-print here",
        ),
        (
            "      - layouts: [trifold, large-print]\n        contact: [email]",
            "[email]",
            f"error: the contact block gives email here, phone in the source ({CONTENT}:153:18)",
        ),
        (
            "      - layouts: [trifold, large-print]\n        contact: [phone, address]",
            "[phone, address]",
            "error: the contact block gives phone, address here, phone in the source",
        ),
        (
            "",
            '"**Llámenos** si el dolor',
            f"error: 'sections[7].blocks' has 2 items here, 3 in the source ({CONTENT}:149:13): the source's "
            "sections[7].blocks[1] ('the contact block sections[7].blocks[1]') has no translation here",
        ),
    ],
    ids=[
        "out-of-the-trifold",
        "out-of-large-print",
        "added-to-the-bifold",
        "moved",
        "other-line",
        "more-lines",
        "dropped",
    ],
)
def test_a_contact_block_left_out_of_a_layout_is_allowed_and_changed_or_dropped_an_error(
    tmp_path: Path, new: str, at: str, says: str
) -> None:
    """The clinic's number under "Call us" (a `contact:` block) has no words to lose: a translation too long for a
    layout may leave it out there (the back prints the number); one that adds it to a layout the source leaves it
    out of, or moves it, is the error a moved block is; one that gives other lines, or none, is an error at the
    block, naming it (a block of no text was not seen: a translation that gave the email for the phone passed)."""
    old = "      - layouts: [trifold, large-print]\n        contact: [phone]"
    lines, text = _seeded(tmp_path, old + "\n", new + "\n" if new else "")
    if not says:
        assert lines == []
        return
    (line,) = lines
    row, col = position(text, at)
    assert line.startswith(f"{tmp_path / 'es.yaml'}:{row}:{col}: {says}"), line


def test_a_contact_block_moved_to_where_the_source_has_another_block_is_not_taken_as_left_out(tmp_path: Path) -> None:
    """A translation that moves the clinic's number to the end of its section pairs it with the source's list there,
    printed in every layout: its fewer layouts are a block moved out of them (an error), not the number left out of
    a layout its words have no room in."""
    block = "      - layouts: [trifold, large-print]\n        contact: [phone]\n"
    text = SPANISH.read_text(encoding="utf-8")
    start = text.index("  - id: contact-us")
    end = text.index("\n\ncall_to_action", start)
    moved = text[start:end].replace(block, "") + "\n" + block.rstrip("\n")
    lines, _ = _seeded(tmp_path, text[start:end], moved)
    assert any("error: sections[7].blocks[2] is in the layouts large-print, trifold here" in line for line in lines), (
        lines
    )
    assert any("'sections[7].blocks[1].contact' of the source (the clinic's contact lines, " in f for f in lines), lines


def test_the_findings_of_items_moved_in_a_list_come_in_one_order_in_every_process(tmp_path: Path) -> None:
    """Four errors at one line and column (the items of lists that moved) came in the order of a set of their keys,
    which differs from process to process (Python hashes text with a seed of its own): the same file checked twice
    printed them in two orders. They come in the order of their keys."""
    import os
    import subprocess
    import sys

    block = "      - layouts: [trifold, large-print]\n        contact: [phone]\n"
    text = SPANISH.read_text(encoding="utf-8")
    start = text.index("  - id: contact-us")
    end = text.index("\n\ncall_to_action", start)
    path = tmp_path / "es.yaml"  # (the clinic's number moved to the end of its section)
    path.write_text(text[:start] + text[start:end].replace(block, "") + "\n" + block.rstrip() + text[end:], "utf-8")
    code = (
        "import sys; from pathlib import Path; from brochure.inputs.content import load_content; "
        "from brochure.inputs.translation import compare; s, _ = load_content(Path(sys.argv[1])); "
        "t, _ = load_content(Path(sys.argv[2])); print('\\n'.join(d.format() for d in compare(s, t)))"
    )
    said = [
        subprocess.run(
            [sys.executable, "-P", "-c", code, str(CONTENT), str(path)],  # (-P: the brochure installed or on
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in map(str, range(5))
    ]  # fmt: skip (PYTHONPATH, as the mutation check puts its copy there; not the working folder's)
    assert said[0].count("error:") >= 2 and len(set(said)) == 1, said
    first, second = (said[0].index(f"'sections[7].blocks[2].bullets[{i}]' of the source") for i in (0, 1))
    assert first < second, said[0]  # (in their keys' order: a set's is one order in 2 for each process)


def test_a_number_the_source_does_not_give_is_a_warning(tmp_path: Path) -> None:
    """A translator who adds a figure ('HbA1c over 64') changes the clinical content: warned at the text."""
    old = '"Lávese con suavidad; use una crema hidratante sencilla"'
    lines, text = _seeded(tmp_path, old, '"Lávese con suavidad 2 veces; use una crema hidratante sencilla"')
    (line,) = lines
    row, col = position(text, "2 veces")  # (at the number)
    assert line.startswith(f"{tmp_path / 'es.yaml'}:{row}:{col}: warning: the translation gives 2, which the source's")


@pytest.mark.parametrize(
    ("new", "number", "says"),
    [  # (each seeded number is the text's second copy: the first is the source's own 3)
        ("De 3 a 7 días, 3 veces, sin retinoides", "3 veces", "warning: the translation gives 3 more often than"),
        ("De 3 a 3 días, sin retinoides", "3 días, sin", "error: the source's 7 (in 'For 3 to 7 days"),
    ],
)
def test_a_number_the_translation_adds_is_said_at_the_added_copy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], new: str, number: str, says: str
) -> None:
    """'De 3 a 7 días, 3 veces' for 'For 3 to 7 days': the added 3 was said at the first 3 of the text, which is the
    source's; `check` says it at the copy the source's numbers do not account for (and so a 3 given instead)."""
    text = SPANISH.read_text(encoding="utf-8").replace("De 3 a 7 días, sin retinoides", new)
    path = tmp_path / "es.yaml"
    path.write_text(text, encoding="utf-8")
    row, col = position(text, number)
    status, _, err = cli(capsys, "check", "--brand", str(BRAND), "--source", str(CONTENT), "--content", str(path))
    assert status == int(says.startswith("error:")) and f"{path}:{row}:{col}: {says}" in err, err


def test_a_dropped_block_is_one_error_not_a_cascade_of_layouts(tmp_path: Path) -> None:
    """A block dropped from a section: its blocks do not pair, which the list's error says; the blocks after it
    are not compared with the wrong source blocks' layouts."""
    block = (
        "      - layouts: [trifold, large-print]\n"
        '        text: "Las cicatrices *en picahielos* (estrechas y profundas) suelen necesitar además '
        'otros tratamientos.[^connolly2017]"\n'
    )
    (line,) = _seeded(tmp_path, block, "")[0]
    assert "'sections[1].blocks' has 7 items here, 8 in the source" in line


SPANISH_US = ROOT / "translations" / "es-US.yaml"


def _uris(pdf: bytes) -> set[str]:
    import io

    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as doc:
        return {str(a.A.URI) for page in doc.pages for a in page.get("/Annots", []) if "/A" in a}


def test_a_language_has_its_own_booking_address() -> None:
    """Maple & Main's Spanish leaflet: the QR code and the booking link open the Spanish booking page
    (`languages: es: booking_url:`); its English leaflet keeps the kit's own."""
    spanish = result_of(sources(SPANISH_US, MAPLE), api.Options())
    english = result_of(sources(US, MAPLE), api.Options())
    assert spanish.ok and english.ok and spanish.layout is not None and english.layout is not None
    assert spanish.layout.qr is not None and spanish.layout.qr.url.endswith("lang=es")
    assert english.layout.qr is not None and english.layout.qr.url.endswith("lang=en")
    assert spanish.pdf is not None and english.pdf is not None
    spanish_links, english_links = _uris(spanish.pdf), _uris(english.pdf)
    assert "https://maplemainderm.com/book?src=leaflet&lang=es" in spanish_links
    assert not any(u.endswith("lang=en") for u in spanish_links)
    assert "https://maplemainderm.com/book?src=leaflet&lang=en" in english_links


def test_a_languages_address_is_checked_and_named_where_it_is_written(tmp_path: Path) -> None:
    """A language's booking address is refused as contact's is, at its own line; a finding about the address
    a Spanish leaflet prints points there, not at contact:."""
    brand = copied_kit(tmp_path, MAPLE)
    text = brand.read_text(encoding="utf-8")
    old = "booking_url: https://maplemainderm.com/book?src=leaflet&lang=es"
    assert old in text
    brand.write_text(text.replace(old, "booking_url: ftp://x"), encoding="utf-8")
    src, diags = api.load(SPANISH_US, brand)
    (d,) = [d for d in diags if d.is_error]
    row, col = position(brand.read_text(encoding="utf-8"), "ftp://x")
    assert src is None and (d.location.line, d.location.column) == (row, col)
    assert d.location.key == "languages.es.booking_url" and "is not a valid booking url" in d.message
    brand.write_text(text, encoding="utf-8")
    src = sources(SPANISH_US, brand)
    kit, translated = src.brand.in_language("es-US")
    assert translated and kit.where("contact.booking_url").key == "languages.es.booking_url"
    assert kit.where("contact.website").key == "contact.website"  # (the language gives no website of its own)
    assert kit.where("other_formats.contact").key == "languages.es.other_formats.contact"


def test_a_language_may_give_only_its_addresses() -> None:
    """A kit with no other-formats or feedback lines, whose `languages: es:` gives a website alone: the Spanish
    leaflet prints it, and the English one the kit's."""
    from brochure.inputs.brand import KitLanguage, as_written

    brand = sources(CONTENT, BRAND).brand
    es = KitLanguage("es", addresses=(("website", "https://example.com/es"),))
    plain = replace(brand, other_formats=None, feedback=None, translations=(es,))
    kit, translated = plain.in_language("es")
    assert translated and kit.contact.website == "https://example.com/es"
    assert kit.contact.booking_url == brand.contact.booking_url
    assert plain.in_language("en-GB")[0].contact.website == brand.contact.website
    assert as_written("languages.es.booking_url") and not as_written("languages.es.feedback")


def _kit_languages(tmp_path: Path, block: str, lines: bool = True) -> Path:
    """Maple & Main's kit with its `languages:` block replaced (and, unless `lines`, without its own other-formats
    and feedback lines)."""
    brand = copied_kit(tmp_path, MAPLE)
    text = brand.read_text(encoding="utf-8")
    text = text[: text.index("languages:")] + block
    if not lines:
        start, end = text.index("other_formats:"), text.index("languages:")
        text = text[:start] + text[end:]
    brand.write_text(text, encoding="utf-8")
    return brand


SPANISH_LINES = """    other_formats: {formats: [letra extragrande], contact: "llame al (802) 555-0148"}
    feedback: "Díganos qué le parece: care@maplemainderm.com"
"""


def test_a_languages_own_tag_and_the_language_alone_each_give_what_they_have(tmp_path: Path) -> None:
    """`es:` gives the Spanish lines and booking page, `es-US:` a website alone: the es-US leaflet prints the
    es-US website, and the es lines and booking page (an entry for the tag does not hide the language's)."""
    block = (
        "languages:\n  es:\n"
        + SPANISH_LINES
        + "    booking_url: https://maplemainderm.com/book?lang=es\n"
        + "  es-US:\n    website: https://maplemainderm.com/es\n"
    )
    src = sources(SPANISH_US, _kit_languages(tmp_path, block))
    kit, translated = src.brand.in_language("es-US")
    assert translated and kit.contact.booking_url.endswith("lang=es")
    assert kit.contact.website == "https://maplemainderm.com/es"
    assert kit.feedback is not None and kit.feedback.startswith("Díganos")
    assert kit.where("contact.website").key == "languages.es-US.website"
    assert kit.where("feedback").key == "languages.es.feedback"
    result = api.build(src, api.Options())
    assert result.ok and result.layout is not None and result.layout.qr is not None
    assert result.layout.qr.url == "https://maplemainderm.com/book?lang=es"


def test_a_languages_lines_print_when_the_kit_has_none_of_its_own(tmp_path: Path) -> None:
    """A kit without other-formats or feedback lines of its own, whose `languages: es:` has them: the Spanish
    leaflet prints them (they were dropped without a word)."""
    block = "languages:\n  es:\n" + SPANISH_LINES
    src = sources(SPANISH_US, _kit_languages(tmp_path, block, lines=False))
    assert src.brand.other_formats is None and src.brand.feedback is None
    result = api.build(src, api.Options())
    assert result.ok, [d.format() for d in result.diagnostics]
    assert result.pdf is not None
    words = " ".join(page_texts(result.pdf))
    assert "letra extragrande" in words and "Díganos qué le parece" in words


def test_a_language_given_twice_in_other_cases_is_an_error(tmp_path: Path) -> None:
    """`es:` and `ES:` are one language (a tag's case does not count): an error at the second, as a key given
    twice is, not the last one printed."""
    block = "languages:\n  es:\n" + SPANISH_LINES + "  ES:\n" + SPANISH_LINES
    brand = _kit_languages(tmp_path, block)
    src, diags = api.load(SPANISH_US, brand)
    (d,) = [d for d in diags if d.is_error]
    row, col = position(brand.read_text(encoding="utf-8"), "ES:")
    assert src is None and (d.location.line, d.location.column) == (row, col)
    assert "'ES' is given twice under languages: (as 'es' too" in d.message


def test_every_wrong_address_of_a_language_is_reported(tmp_path: Path) -> None:
    block = "languages:\n  es:\n" + SPANISH_LINES + "    website: ftp://a\n    booking_url: https://localhost/%zz\n"
    src, diags = api.load(SPANISH_US, _kit_languages(tmp_path, block))
    errors = [d for d in diags if d.is_error]
    assert src is None and [d.location.key for d in errors] == ["languages.es.website", "languages.es.booking_url"]
    assert "it has a '%' that is not followed by two hex digits" in errors[1].message


def test_a_missing_language_is_named_at_its_entry(tmp_path: Path) -> None:
    """`es-US:` gives a booking page alone and no entry the Spanish lines: the error points at the es-US entry."""
    block = "languages:\n  pl:\n" + SPANISH_LINES + "  es-US:\n    booking_url: https://maplemainderm.com/b\n"
    brand = _kit_languages(tmp_path, block)
    result = result_of(sources(SPANISH_US, brand), api.Options())
    (d,) = [d for d in result.diagnostics if d.is_error]
    row, col = position(brand.read_text(encoding="utf-8"), "es-US:")
    assert not result.ok and (d.location.line, d.location.column) == (row, col)
    assert "the kit has no 'es-US' version" in d.message


def test_a_back_over_full_with_a_kits_long_line_is_told_at_that_line(tmp_path: Path) -> None:
    """A kit's feedback line (here the Spanish one, under languages:) long enough to overfill the back: the error
    points at it in brand.yaml and names it, where it pointed at the content file's document details."""
    long = "Díganos qué le parece este folleto, con todo detalle y sin prisa, " * 24
    block = (
        "languages:\n  es:\n"
        + '    other_formats: {formats: [letra grande], contact: "llame al (802) 555-0148"}\n'
        + f'    feedback: "{long}care@maplemainderm.com"\n'
    )
    brand = _kit_languages(tmp_path, block)
    result = result_of(sources(SPANISH_US, brand), api.Options())
    (d,) = [d for d in result.diagnostics if d.is_error]
    row, col = position(brand.read_text(encoding="utf-8"), f'"{long}')
    assert not result.ok and "the back region is over-full" in d.message
    assert (d.location.file, d.location.line, d.location.column) == (str(brand), row, col)
    assert d.hint.startswith("shorten the feedback line (the longest of them)")


def test_a_back_over_full_with_a_kits_long_formats_list_is_told_at_that_line(tmp_path: Path) -> None:
    """Forty formats in the kit's other-formats line: the list's items are one line to measure, so the error points
    at it in brand.yaml, not at the content's document details (whose tool words are many but short)."""
    brand = copied_kit(tmp_path, MAPLE)
    text = brand.read_text(encoding="utf-8")
    items = ", ".join(f"format number {i} in a longer form than usual" for i in range(40))
    old = "  formats: [large print, other languages, audio]"
    assert old in text
    brand.write_text(text.replace(old, f"  formats: [{items}]"), encoding="utf-8")
    result = result_of(sources(US, brand), api.Options())
    (d,) = [d for d in result.diagnostics if d.is_error]
    row, col = position(brand.read_text(encoding="utf-8"), "format number 0 ")
    assert "the back region is over-full" in d.message and d.hint.startswith("shorten the other formats line")
    assert (d.location.file, d.location.line, d.location.column) == (str(brand), row, col)


def test_an_entry_for_the_kits_own_language_gives_its_lines_too(tmp_path: Path) -> None:
    """An en kit's `languages: en-US:` feedback line and booking page: the en-US leaflet prints both (its booking
    page was taken and its feedback line dropped)."""
    block = 'languages:\n  en-US:\n    feedback: "US FEEDBACK LINE: care@maplemainderm.com"\n'
    block += "    booking_url: https://maplemainderm.com/book?lang=en-us\n"
    result = result_of(sources(US, _kit_languages(tmp_path, block)), api.Options())
    assert result.ok and result.pdf is not None and result.layout is not None and result.layout.qr is not None
    words = " ".join(page_texts(result.pdf))
    assert "US FEEDBACK LINE" in words and "Tell us what you think" not in words
    assert result.layout.qr.url.endswith("lang=en-us")


def test_a_longer_tag_finds_the_entry_for_each_shorter_one() -> None:
    """zh-Hant-TW finds `zh-Hant:` (and `zh:` when zh-Hant has no such line), as es-US finds `es:`."""
    from brochure.inputs.brand import KitLanguage

    brand = sources(CONTENT, BRAND).brand
    hant = KitLanguage("zh-Hant", addresses=(("website", "https://example.com/hant"),))
    zh = KitLanguage("zh", addresses=(("website", "https://example.com/zh"), ("booking_url", "https://example.com/b")))
    plain = replace(brand, other_formats=None, feedback=None, translations=(zh, hant))
    kit, _ = plain.in_language("zh-Hant-TW")
    assert (kit.contact.website, kit.contact.booking_url) == ("https://example.com/hant", "https://example.com/b")
    assert plain.in_language("zh-Hans")[0].contact.website == "https://example.com/zh"


def test_a_number_in_a_languages_address_is_no_emergency_number(tmp_path: Path) -> None:
    """A booking address with 999 in its path says nothing about emergencies, under contact: or languages: alike."""
    block = "languages:\n  es:\n" + SPANISH_LINES + "    booking_url: https://maplemainderm.com/999/book\n"
    result = result_of(sources(SPANISH_US, _kit_languages(tmp_path, block)), api.Options())
    assert result.ok and not [d for d in result.diagnostics if "999" in d.message]


def test_an_entry_for_another_region_is_named_when_the_leaflet_does_not_read_it(tmp_path: Path) -> None:
    """`languages: es-MX:` gives a booking page, and the leaflet is in es-US with no es-US or es entry: the kit's
    own (English) booking page prints, and a warning at the es-MX entry says so (nothing said it). With an `es:`
    entry too, the es-US leaflet reads that one, and nothing is said."""
    block = "languages:\n  es-MX:\n    booking_url: https://maplemainderm.com/book?lang=es-mx\n"
    brand = _kit_languages(tmp_path, block, lines=False)
    result = result_of(sources(SPANISH_US, brand), api.Options())
    assert result.ok and result.layout is not None and result.layout.qr is not None
    assert not result.layout.qr.url.endswith("lang=es-mx")
    (d,) = [d for d in result.diagnostics if "es-MX" in d.message]
    row, col = position(brand.read_text(encoding="utf-8"), "es-MX:")
    assert not d.is_error and (d.location.line, d.location.column) == (row, col)
    assert "serves leaflets in 'es-MX' only, and this one is in 'es-US': what it gives (booking_url)" in d.message
    assert d.hint.startswith("name the entry 'es' to serve every leaflet in that language")
    both = block + "  es:\n    booking_url: https://maplemainderm.com/book?lang=es\n"
    (tmp_path / "2").mkdir()
    result = result_of(sources(SPANISH_US, _kit_languages(tmp_path / "2", both, lines=False)), api.Options())
    assert result.ok and not [d for d in result.diagnostics if "es-MX" in d.message]


def test_a_missing_language_with_another_regions_entry_is_named_at_that_entry(tmp_path: Path) -> None:
    """The kit's Spanish lines under `es-MX:` only, and an es-US leaflet: the error points at the es-MX entry and
    says it serves es-MX leaflets only (it pointed at `languages:`, as if there were no Spanish at all)."""
    block = "languages:\n  pl:\n" + SPANISH_LINES + "  es-MX:\n" + SPANISH_LINES
    brand = _kit_languages(tmp_path, block)
    result = result_of(sources(SPANISH_US, brand), api.Options())
    (d,) = [d for d in result.diagnostics if d.is_error]
    row, col = position(brand.read_text(encoding="utf-8"), "es-MX:")
    assert (d.location.line, d.location.column) == (row, col)
    assert "(its entry 'es-MX' serves leaflets in 'es-MX' only)" in d.message
    assert d.hint.endswith("or rename the entry 'es-MX' to 'es'")


def test_an_entry_for_another_region_of_the_kits_own_language_is_no_warning(tmp_path: Path) -> None:
    """An en kit's `en-US:` entry (a US booking page) and a UK leaflet: the kit's own lines serve it, as they should,
    and nothing says the entry 'does not print here' (the hint to rename it `en` would put US lines in UK leaflets)."""
    block = "languages:\n  en-US:\n    booking_url: https://maplemainderm.com/book?lang=en-us\n"
    result = result_of(sources(CONTENT, _kit_languages(tmp_path, block)), api.Options())
    assert result.ok and not [d for d in result.diagnostics if "serves leaflets in" in d.message]


def test_a_number_in_digits_its_readers_do_not_read_is_warned(tmp_path: Path) -> None:
    """'Llame al ٩٩٩' in the Spanish leaflet (pasted from the Arabic one) built with exit 0: a Spanish reader does
    not read ٩٩٩ as 999. A warning at the text, with the number in 0-9; the Arabic leaflet's own digits are its
    readers' (no warning)."""
    text = SPANISH.read_text(encoding="utf-8").replace("Llame al 999", "Llame al ٩٩٩")
    (tmp_path / "es.yaml").write_text(text, encoding="utf-8")
    words, diags = load_content(tmp_path / "es.yaml")
    assert words is not None
    (d,) = [d for d in diags if "digits" in d.message]
    line, col = position(text, '"**Llame al ٩٩٩**')
    assert not d.is_error and (d.location.line, d.location.column) == (line, col)
    assert d.message == "this text writes ٩٩٩ in Arabic-Indic digits, which readers of 'es' do not read as a number"
    assert d.hint == "write it in the digits 0-9 (999)"
    text = ARABIC.read_text(encoding="utf-8")
    assert text.count("999") == 1
    (tmp_path / "ar.yaml").write_text(text.replace("999", "٩٩٩"), encoding="utf-8")
    arabic, diags = load_content(tmp_path / "ar.yaml")
    assert arabic is not None and not [d for d in diags if "digits" in d.message]
    for language in ("yue", "en-GB"):  # (full-width 0-9 are 0-9 in shape: Cantonese '３０至４５分鐘', or pasted)
        wide = CONTENT.read_text(encoding="utf-8").replace("language: en-GB", f"language: {language}", 1)
        (tmp_path / "wide.yaml").write_text(wide.replace("Call 999", "Call ９９９"), encoding="utf-8")
        words, diags = load_content(tmp_path / "wide.yaml")
        assert words is not None and not [d for d in diags if "digits" in d.message], language


def test_a_paragraph_that_starts_with_arabic_in_a_spanish_leaflet_is_warned(tmp_path: Path) -> None:
    """'«الوخز بالإبر» La micropunción es...' in the Spanish leaflet reads right to left (a paragraph reads in the
    direction of its first letter), flush right, the Arabic term moved to the end of its first line: with no word.
    A warning at the text; the left-to-right mark the hint names sets it left to right, with no warning."""
    text = SPANISH.read_text(encoding="utf-8")
    first = text.index('      - text: "', text.index("sections:")) + len('      - text: "')
    for mark, warned, flush in (("", True, "right"), ("\\u200e", False, "left")):
        (tmp_path / "es.yaml").write_text(text[:first] + mark + "«الوخز بالإبر» " + text[first:], encoding="utf-8")
        src, diags = api.load(tmp_path / "es.yaml", BRAND)
        assert src is not None
        said = [d for d in diags if "starts with right-to-left letters" in d.message]
        assert len(said) == warned and all(d.location.key == "sections[0].blocks[0].text" for d in said)
        assert not warned or "U+200E" in said[0].hint
        layout = api.build(src, api.Options()).layout
        assert layout is not None
        (line,) = [i for p in layout.pages for i in p.items if isinstance(i, Text) and "الوخز" in i.text]
        gap = line.box.x - line.measure.x if flush == "right" else line.measure.right - line.box.right
        assert gap > 5, (flush, line.box, line.measure)


@pytest.mark.parametrize(
    ("english", "translated", "says"),
    [
        ("Your first session takes 1 hour.", "Votre 1re séance dure 1 heure.", ""),
        ("Book your second and third sessions.", "Réservez vos 2e et 3ème séances.", ""),
        ("Come back on the 1st of the month.", "Revenez le premier du mois.", ""),
        ("Come back on the 1st of the month.", "Revenez le 1er du mois.", ""),
        ("The first visit is free.", "La 1.ª visita es gratuita.", ""),
        ("The first check is free.", "El 1.º control es gratuito.", ""),
        ("The first visit is free.", "1. wizyta jest bezpłatna.", ""),
        ("From the 2nd day, wash gently.", "Od drugiego dnia myj delikatnie.", ""),
        ("Your first session takes 1 hour.", "Votre 2e séance dure 1 heure.", "the translation gives 2, which the"),
        ("From the 1st day, wash gently.", "Dès le 2e jour, lavez doucement.", "the source's 1 (in 'Home rollers"),
        ("From the 2nd day, wash gently.", "Dès le troisième jour, lavez doucement.", "the source's 2 (in 'Home"),
        ("Wait a second, then rinse.", "Attendez la 2e, puis rincez.", "the translation gives 2, which the"),
        ("On the 2nd day, rinse for 30 seconds.", "El día 3, enjuague durante 30 segundos.", "the source's 2 (in"),
        ("Come back on the 2nd day.", "Vuelva el día. Espere unos segundos.", "the source's 2 (in 'Home"),
        ("Come back on the 2nd day.", "Vuelva el 3.er día. Espere unos segundos.", "the source's 2 (in 'Home"),
        ("Book your 4th session.", "Reserve su 5.ª sesión en su cuarto.", "the source's 4 (in 'Home rollers"),
        ("Book your 4th session.", "Reserve la sesión en sus cuartos.", "the source's 4 (in 'Home rollers"),
        ("On the 2nd day, rinse.", "ביום השני, שטפו.", ""),
        ("On the 2nd day, rinse.", "ביום, שטפו שנייה.", "the source's 2 (in 'Home rollers"),
    ],
)
def test_an_ordinal_in_digits_or_spelled_is_the_number_it_is(
    tmp_path: Path, english: str, translated: str, says: str
) -> None:
    """'your first session' as 'votre 1re séance' (French, Spanish and Polish write ordinals in digits) was warned
    as a number the source does not give, and '1st' as 'premier' was an error, a number missing: an ordinal is its
    number, in digits or spelled. A wrong one (a 2e for 'first', 'troisième' for '2nd') is still said, and a word
    that is no ordinal ('a second', 'segundos', 'cuartos', Hebrew 'שנייה') stands for none; nor does a spelled one
    where the translation gives another number in the place of the one it lacks (an error, exit 1, not a warning)."""
    src, es = _added(tmp_path, english, translated)
    messages = [d.message for d in compare(src, es)]
    assert any(m.startswith(says) for m in messages) if says else messages == [], messages


_VISIT = "revisamos su piel, salud y medicamentos, y le decimos el precio. No tiene que decidir ese día. **El día**"
_RESULTS = (
    "de 3 sesiones o más, cada unas 4 semanas.[^harris2015] Los resultados llegan en meses y varían. No se sabe cuánto"
    " duran; hay quien"
)


@pytest.mark.parametrize(
    ("old", "new", "warned"),
    [
        ("infecciones.[^aad2018] Nunca los comparta.", "infecciones.[^aad2018]", True),  # (no number in it)
        (
            _RESULTS,
            "de 3 sesiones o más, cada unas 4 semanas.[^harris2015] No se sabe cuánto duran; hay quien",
            True,
        ),  # (one of seven)
        (_VISIT, "revisamos su piel, salud y medicamentos, y le decimos el precio. **El día**", True),  # (the same)
        (
            _RESULTS,
            "de 3 sesiones o más, cada unas 4 semanas.[^harris2015] Los resultados llegan en meses y varían, y no se"
            " sabe cuánto duran; hay quien",
            False,
        ),  # (two joined in one)
        (
            _VISIT,
            "revisamos su piel, salud y medicamentos, y le decimos el precio; no tiene que decidir ese día. **El día**",
            False,  # (two joined)
        ),
    ],
)
def test_a_sentence_left_out_with_no_number_in_it_is_warned(tmp_path: Path, old: str, new: str, warned: bool) -> None:
    """A sentence the translator left out that gives no number, link or citation ("Never share one.") passed the
    check: a text with fewer sentences than the source's is a warning at it, beyond the one a language may join to
    another in a long text."""
    lines, _ = _seeded(tmp_path, old, new)
    said = [line for line in lines if "a sentence left out?" in line]
    assert [line for line in lines if line not in said] == []
    assert bool(said) is warned, lines


@pytest.mark.parametrize(
    ("english", "translated"),
    [
        ("Wash gently. Twice a day is enough.", "轻轻清洗。每天两次就够了。"),  # (no space after a Chinese full stop)
        ("Wash gently. Twice a day is enough.", "優しく洗ってください。1日2回で十分です。"),
        ("Wash gently. Twice a day is enough.", "धीरे से धोएं। दिन में दो बार पर्याप्त है।"),  # (Hindi's danda)
        ("Wash gently. 2 times a day is enough.", "Rửa nhẹ. 2 lần mỗi ngày là đủ."),  # (a short word, no abbreviation)
        ("Ask at St. Mary's, St. John's or St. Luke's.", "Pregunte en Santa María, San Juan o San Lucas."),
        ("Needles vs. Lasers vs. Peels vs. Creams?", "¿Agujas, láseres, peelings o cremas?"),  # ('St.', 'vs.')
        ("Worried? See the risks.", "Ανησυχείτε; Δείτε τους κινδύνους."),  # (Greek asks with a semicolon)
        ("Worried? See the risks.", "Ανησυχείτε\u037e Δείτε τους κινδύνους."),  # (or its own mark, U+037E)
    ],
)
def test_a_translation_with_as_many_sentences_is_not_warned_in_any_script(
    tmp_path: Path, english: str, translated: str
) -> None:
    """Sentences end where each script ends them: Chinese and Japanese full stops and Hindi's danda with no space
    after them (every text of two sentences was warned as one left out), a full stop before a number after a short
    word in Vietnamese ('nhẹ. 2 lần'), Greek's question mark (a semicolon) before a capital, and not after 'St.' or
    'vs.'."""
    src, es = _added(tmp_path, english, translated)
    assert [d.message for d in compare(src, es) if "sentence" in d.message] == []


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Ανησυχείτε; Δείτε τους κινδύνους.", 2),
        ("Ανησυχείτε;1 Δείτε τους κινδύνους.", 2),  # (a citation's number after the mark, as after '?')
        ("Πρωί; απόγευμα; βράδυ.", 1),  # (a semicolon before a small letter: a list)
        ("Πρωί; \u0387 βράδυ.", 1),  # (an ano teleia, a stop, is no capital)
    ],
)
def test_greeks_question_mark_ends_a_sentence_before_a_capital(text: str, count: int) -> None:
    from brochure.inputs.translation import _sentences

    assert _sentences(text) == count


def test_sentences_left_out_of_a_long_text_are_warned(tmp_path: Path) -> None:
    """Two sentences of seven left out are more than a language joins: warned at the text (one of seven is warned
    where the text is short by a sentence: test_one_sentence_left_out_of_a_long_text_is_told_from_two_joined)."""
    old = "No tiene que decidir ese día. **El día**"
    both = SPANISH.read_text(encoding="utf-8").replace(old, "**El día**")
    both = both.replace(
        _RESULTS, "de 3 sesiones o más, cada unas 4 semanas.[^harris2015] No se sabe cuánto duran; hay quien"
    )
    path = tmp_path / "es.yaml"
    path.write_text(both, encoding="utf-8")
    translation, _ = load_content(path)
    source, _ = load_content(CONTENT)
    assert translation is not None and source is not None
    (line,) = [d.format() for d in compare(source, translation)]
    row, col = position(both, '"**En la consulta**')
    assert line.startswith(f"{path}:{row}:{col}: warning: this text has 5 sentences, the source's ('At your"), line
    assert "content.yaml:115:15) 7: a sentence left out?" in line
    assert ": a sentence left out?" in line


def _sentence_cut(text: str, sentence: int, joint: str) -> str:
    """The text as printed with one of its sentences left out (`joint` ''), or joined to the one before it by
    `joint`."""
    from brochure.inputs.inline import plain
    from brochure.inputs.translation import _ends

    text = plain(text)
    cuts = [0, *_ends(text), len(text)]
    if not joint:
        return (text[: cuts[sentence]] + text[cuts[sentence + 1] :]).strip()
    head = text[: cuts[sentence]].rstrip().rstrip(".!?")
    return head + joint + text[cuts[sentence]].lower() + text[cuts[sentence] + 1 :]


@pytest.mark.parametrize(
    ("translated", "cases", "caught"),
    [
        (SPANISH, 30, 25),
        (POLISH, 31, 22),  # (a text of 8 sentences for its source's 7: one left out there is none fewer)
        (VIETNAMESE, 30, 24),
        (ARABIC, 30, 16),
    ],
    ids=["es", "pl", "vi", "ar"],
)
def test_one_sentence_left_out_of_a_long_text_is_told_from_two_joined(
    translated: Path, cases: int, caught: int
) -> None:
    """A text of five sentences or more that lost one (no number, link or citation in it) passed unseen: one fewer
    was forgiven there, as two may be joined in the language's way. It is warned where the text is short by a
    sentence (for the file's usual length against the source's), or its sentences' lengths pair with the source's
    far better with one left out than with two joined. Every sentence of a shipped file's long texts left out in
    turn: most are warned (none were), saying it is judged by the lengths; every two joined (by ', y ', '; ', ', ')
    none is."""
    from brochure.inputs.translation import _fewer_sentences, _sentences, _texts

    source, _ = load_content(CONTENT)
    translation, _ = load_content(translated)
    assert source is not None and translation is not None
    theirs, ours = _texts(source), _texts(translation)
    long = [key for key, (text, _) in ours.items() if key in theirs and _sentences(theirs[key][0]) > 4]
    assert len(long) == 5
    left, joined = [], []
    for key in long:
        text, at = ours[key]
        for n in range(_sentences(text)):
            warned = _fewer_sentences(theirs, {**ours, key: (_sentence_cut(text, n, ""), at)})
            left.append(bool(warned))
            assert all("lengths are short by about a sentence" in d.message for d in warned)  # (a guess, said so)
        for n in range(1, _sentences(text)):
            for joint in (", y ", "; ", ", "):
                cut = _sentence_cut(text, n, joint)
                if _sentences(cut) == _sentences(text) - 1:  # (not where the next sentence starts with a number)
                    joined += _fewer_sentences(theirs, {**ours, key: (cut, at)})
    assert joined == [] and len(left) == cases and sum(left) >= caught, (sum(left), joined)


def test_a_file_of_many_changed_numbers_is_split_into_lines_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each number finding split the whole translation file into lines again to find its line and column: 2,000
    changed numbers in a 750 KB file took 62 s (4 s before). The file is split once a check, and each finding is
    still said at its number."""
    import brochure.inputs.scalars as scalars

    splits: list[int] = []

    class Counting:
        def split(self, text: str) -> list[str]:
            splits.append(len(text))
            return scalars.LINE_BREAK_PATTERN.split(text)

    monkeypatch.setattr(scalars, "LINE_BREAK_PATTERN", scalars.LINE_BREAK, raising=False)
    monkeypatch.setattr(scalars, "LINE_BREAK", Counting())
    text = SPANISH.read_text(encoding="utf-8")
    for old, new in (
        ("De 3 a 7 días, sin retinoides", "De 3 a 5 días, sin retinoides"),
        ("Sin maquillaje durante 24 horas", "Sin maquillaje durante 25 horas"),
        ("durante 24 a 48 horas", "durante 24 a 49 horas"),
    ):
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path = tmp_path / "es.yaml"
    path.write_text(text, encoding="utf-8")
    translation, _ = load_content(path)
    source, _ = load_content(CONTENT)
    assert translation is not None and source is not None
    lines = [d.format() for d in compare(source, translation) if d.is_error]
    assert len(lines) == 3, lines
    for number in ("5 días, sin", "25 horas", "49 horas"):
        row, col = position(text, number)
        assert any(line.startswith(f"{path}:{row}:{col}: error: ") for line in lines), (number, lines)
    assert len(splits) == 1, splits


def test_a_long_run_of_full_stops_is_counted_in_one_pass() -> None:
    """A text of 4,000 dots (the longest a text may be) took 1.5 s to count its sentences, twice a text (the source's
    and the translation's): each mark of the run began a match that took the rest of the run and gave it back one by
    one. 100,000 of them (minutes, before) are counted at once, and a run of marks still ends one sentence."""
    from brochure.inputs.translation import _sentences

    assert cpu_growth(lambda n: _sentences("Wait" + "." * n), 5_000) < 8  # (linear: about 4; quadratic, 16)
    assert _sentences("." * 100_000 + " And then") == 2
    assert _sentences("." * 100_000) == 1  # (a run that ends no sentence: each mark began a match, given back)
    assert _sentences("Wait... Then rest?! Call us.") == 3


def test_a_translation_that_is_mostly_the_sources_words_is_an_error_at_its_language(tmp_path: Path) -> None:
    """The English words tagged fr-CA, with a translation block, built with 77 warnings text by text and exit 0: a
    leaflet in English labelled French, read in a French voice. Most of the texts left as the source wrote them is
    an error at `language:`; a translation with a few is not (the shipped Spanish, a text or two left)."""
    text = CONTENT.read_text(encoding="utf-8").replace("language: en-GB", "language: fr-CA", 1)
    block = "  translation: {translator: {name: Ana Ruiz, role: traductrice}}\n"
    text = text.replace("\ntitle:", f"\n{block}title:", 1) if "\ntitle:" in text else text
    (tmp_path / "fr.yaml").write_text(text, encoding="utf-8")
    (source, _), (french, diags) = load_content(CONTENT), load_content(tmp_path / "fr.yaml")
    assert source is not None and french is not None, [d.format() for d in diags]
    found = compare(source, french)
    (mostly,) = [d for d in found if d.is_error and "most of this translation's texts" in d.message]
    assert (mostly.location.line, mostly.location.column) == position(text, "fr-CA")
    assert re.search(
        r"are the source's as written \(\d+ of \d+\): its leaflet would print en-GB words as fr-CA", mostly.message
    )
    spanish, _ = load_content(SPANISH)
    assert spanish is not None and not [d for d in compare(source, spanish) if "most of this" in d.message]


def test_a_warning_callout_translated_as_a_note_is_an_error(tmp_path: Path) -> None:
    """A translation whose warning callout became a note (`tone: note`) printed it in the note's colour and icon,
    a warning read as a tip, and the check said nothing (a translations tester, 2026-12-07). It is an error at
    the translation's callout, naming the source's."""
    source = tmp_path / "content.yaml"
    text = CONTENT.read_text(encoding="utf-8")
    assert text.count("          tone: note") == 1
    source.write_text(text.replace("          tone: note", "          tone: warning"), encoding="utf-8")
    translation = tmp_path / "es.yaml"
    words = (ROOT / "translations" / "es.yaml").read_text(encoding="utf-8")
    translation.write_text(words, encoding="utf-8")
    src, _ = load_content(source)
    ours, _ = load_content(translation)
    assert src is not None and ours is not None
    (said,) = [d for d in compare(src, ours) if "callout" in d.message]
    line, _ = position(words, "callout:")
    assert said.is_error and said.location.line == line + 1, said.format()  # (the callout's mapping, under its key)
    assert said.message.startswith("this callout is a note where the source's") and "is a warning" in said.message
    translation.write_text(words.replace("          tone: note", "          tone: warning"), encoding="utf-8")
    ours, _ = load_content(translation)
    assert ours is not None and not [d for d in compare(src, ours) if "callout" in d.message]


def _compared_edited(tmp_path: Path, language: str, old: str, new: str) -> tuple[str, list[Diagnostic]]:
    """A shipped translation with `old` (found once) written `new`, checked against content.yaml: its words as
    shipped, and the check's findings."""
    words = (ROOT / "translations" / f"{language}.yaml").read_text(encoding="utf-8")
    assert words.count(old) == 1
    translation = tmp_path / f"{language}.yaml"
    translation.write_text(words.replace(old, new), encoding="utf-8")
    src, _ = load_content(CONTENT)
    ours, _ = load_content(translation)
    assert src is not None and ours is not None
    return words, compare(src, ours)


def test_bold_words_of_the_source_left_plain_in_a_translation_are_warned(tmp_path: Path) -> None:
    """'**Llame al 999** si ...' translated as 'Llame al 999 si ...' lost the emphasis a patient is meant to see
    first, and the check said nothing (a translations tester, 2026-12-07): a warning at the text."""
    words, found = _compared_edited(tmp_path, "es", "**Llame al 999**", "Llame al 999")
    (said,) = [d for d in found if "in bold" in d.message]
    assert not said.is_error and said.location.line == position(words, "**Llame al 999**")[0], said.format()
    assert said.message.startswith("the source sets 'Call 999' in bold"), said.message


def test_a_number_the_edition_changes_given_as_the_source_wrote_it_is_told_the_change(tmp_path: Path) -> None:
    """The US edition, whose numbers: changes 999 to 911, giving 'Call 999' was told to map 911 to 999, the change
    turned round (a translations tester, 2026-12-07): the hint says to write 911, as numbers: says."""
    _, found = _compared_edited(tmp_path, "en-US", '"**Call 911** if your face', '"**Call 999** if your face')
    (said,) = [d for d in found if d.is_error]
    assert "999 (as 911, document.translation.numbers)" in said.message, said.format()
    assert (
        said.hint
        == "write 911 here, as document.translation.numbers changes 999 to it (or take the change out of numbers:)"
    )


@pytest.mark.parametrize(("file", "tag", "own"), [("vi", "es", "vi"), ("pl", "vi", "pl")])
def test_words_full_of_another_languages_own_letters_are_warned_at_language(
    tmp_path: Path, file: str, tag: str, own: str
) -> None:
    """Vietnamese words tagged 'es' built the Spanish edition (its file name, dates, hyphenation and a screen
    reader's voice Spanish), no word said (a translations tester, 2026-12-07): a warning at language:."""
    words = (ROOT / "translations" / f"{file}.yaml").read_text(encoding="utf-8")
    assert words.count(f"\nlanguage: {file}") == 1
    wrong = tmp_path / f"{file}.yaml"
    text = words.replace(f"\nlanguage: {file}", f"\nlanguage: {tag}")
    wrong.write_text(text, encoding="utf-8")
    _, diags = load_content(wrong)
    (said,) = [d for d in diags if "written with letters of" in d.message]
    line, _ = position(text, f"language: {tag}")
    assert not said.is_error and said.location.line == line, said.format()
    assert (
        said.message.startswith(f"the words are written with letters of '{own}'") and f"(language: {own})" in said.hint
    )
    _, shipped = load_content(ROOT / "translations" / f"{file}.yaml")
    assert not [d for d in shipped if "written with letters of" in d.message]


@pytest.mark.parametrize(
    ("file", "tag", "own"),
    [
        ("translations/es.yaml", "pl", "ą ć ę ł ń ś ź ż"),
        ("translations/es.yaml", "vi", "ă đ ơ ư"),
        ("content.yaml", "es", "á é í ñ ó ú"),
    ],
)
def test_words_without_the_letters_their_language_writes_are_warned_at_language(
    tmp_path: Path, file: str, tag: str, own: str
) -> None:
    """Spanish words tagged 'pl' built the Polish edition (named as the Polish one, its tool's words Polish, read
    aloud in Polish), with no word said (a translations tester, 2026-12-07): words with almost none of the letters
    the language's words always have are a warning at language:. The shipped translations and a short file are
    not."""
    words = (ROOT / file).read_text(encoding="utf-8")
    text = re.sub(r"\nlanguage: [A-Za-z-]+", f"\nlanguage: {tag}", words, count=1)
    assert text != words
    wrong = tmp_path / "words.yaml"
    wrong.write_text(text, encoding="utf-8")
    _, diags = load_content(wrong)
    (said,) = [d for d in diags if "read as another language's" in d.message]
    line, _ = position(text, f"language: {tag}")
    assert not said.is_error and said.location.line == line, said.format()
    assert said.message.startswith(f"language: is '{tag}', but the words have ") and f"({own}" in said.message
    spanish = file.endswith("es.yaml")  # (Spanish words: their language named, as perhaps theirs)
    assert ("letters of 'es')" in said.message) == spanish and ("(language: es, if" in said.hint) == spanish
    for shipped in ("content", "translations/es", "translations/es-US", "translations/pl", "translations/vi"):
        _, found = load_content(ROOT / f"{shipped}.yaml")
        assert not [d for d in found if "read as another language's" in d.message], shipped
