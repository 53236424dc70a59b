"""Document control (issue 8): the `document:` block and the brand's other formats and feedback, printed on the
back of every layout; the review date watched against SOURCE_DATE_EPOCH; dates written as the language writes
them; the reading order of the back (sections before the booking panel) and of the bi-fold spread (a short
section kept together)."""

from __future__ import annotations

import calendar
import io
from dataclasses import replace
from datetime import date
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pytest
from conftest import Inputs, edit, position
from helpers import BRAND, CONTENT, MAPLE, ROOT, build, copied_kit, page_texts, reopen, result_of, section_text, sources
from reportlab.platypus import Spacer

from brochure import api, words
from brochure.cli import main
from brochure.diagnostics import Diagnostic
from brochure.geometry.sheet import MM, Rect
from brochure.inputs.brand import load_brand
from brochure.inputs.content import load_content
from brochure.layout.flow import SHORT, Frame, Item, flow
from brochure.layout.model import Layout, Text
from brochure.preflight.dates import check_dates, months_after, source_date
from brochure.vocabulary import LAYOUTS, PAPERS, TARGETS, LayoutName, PaperName
from brochure.words import long_date, month_year, words_for


def epoch(day: str) -> str:
    """SOURCE_DATE_EPOCH for 00:00 UTC on a YYYY-MM-DD day."""
    return str(calendar.timegm(date.fromisoformat(day).timetuple()))


def content_errors(path: Path) -> list[Diagnostic]:
    content, diags = load_content(path)
    found = [d for d in diags if d.is_error]
    assert content is None and found, [d.format() for d in diags]
    return found


def the_finding(diags: list[Diagnostic], text: str, at: str, key: str) -> Diagnostic:
    """The one finding a mistake gives, pointing at `at` in the file's text."""
    assert len(diags) == 1, [d.format() for d in diags]
    d = diags[0]
    assert (d.location.line, d.location.column, d.location.key) == (*position(text, at), key), d.format()
    return d


# --- printed on every layout x paper x target --------------------------------------------------------------

MATRIX = [(layout, paper, target) for layout in LAYOUTS for paper in PAPERS for target in TARGETS]


@pytest.mark.parametrize(("layout", "paper", "target"), MATRIX, ids=["-".join(m) for m in MATRIX])
def test_the_document_block_is_printed_on_the_back_of_every_edition(layout: str, paper: str, target: str) -> None:
    result = result_of(sources(CONTENT, BRAND), api.Options(layout=layout, paper=paper, target=target))
    assert result.ok and result.pdf and result.layout and result.layout.qr, [d.format() for d in result.diagnostics]
    back = page_texts(result.pdf)[result.layout.qr.page]  # the page the booking panel (the back) is on
    for printed in (
        "Clearwater Skin Clinic leaflet CSC-MN-001, version 1.2.",
        "Published 1 December 2026.",
        "Review due December 2029.",
        "Written by Amira Okafor (Lead aesthetic nurse,",
        "checked by Dr Tom Hale (Consultant dermatologist, GMC 7012345).",
        "Produced by the clinic, which provides this treatment. No outside funding.",
        "Other formats: large print, other languages, audio \u2014 call 0117 496 0321 or email",
        "Tell us what you think of this leaflet: hello@clearwaterskin.co.uk",
    ):
        assert printed in back, (printed, back[-700:])
    assert back.index("Book a consultation") < back.index("CSC-MN-001")  # in the fine print at the foot
    with pikepdf.open(io.BytesIO(result.pdf)) as pdf:
        info = {key: str(value) for key, value in pdf.docinfo.items()}
    assert "CSC-MN-001" in info["/Keywords"] and "version 1.2" in info["/Keywords"]
    assert info["/Subject"].startswith("Patient information leaflet")


def test_the_document_block_keeps_to_the_back_panel_in_small_type() -> None:
    layout = result_of(sources(CONTENT, MAPLE), api.Options(layout="trifold")).layout
    assert layout is not None
    lines = _document_block(layout)
    assert lines and {t.region for t in lines} == {"back"}
    assert min(r.size for t in lines for r in t.runs) >= 7  # small, never under 7 pt
    panel = layout.sheet.sides[0].panel("back").content
    box = _union(lines)
    assert panel.x <= box.x + 0.01 and box.right <= panel.right + 0.01 and box.y >= panel.y - 0.01


def _document_block(layout: Layout) -> list[Text]:
    """The lines of the paragraph that prints the document details."""
    for page in layout.pages:
        first = next((t for t in page.items if isinstance(t, Text) and "CSC-MN-001" in t.text), None)
        if first is not None:
            return [t for t in page.items if isinstance(t, Text) and t.piece == first.piece]
    return []


def _union(lines: list[Text]) -> Rect:
    x, y = min(t.box.x for t in lines), min(t.box.y for t in lines)
    return Rect(x, y, max(t.box.right for t in lines) - x, max(t.box.top for t in lines) - y)


def test_a_kit_without_other_formats_prints_the_rest(inputs: Inputs) -> None:
    result = build(inputs)
    assert result.ok and result.pdf
    back = page_texts(result.pdf)[0]
    assert "Test Clinic leaflet TC-001, version 1.0. Published 1 December 2026. Review due December 2028." in back
    assert "Written by Ann Writer (Lead nurse); checked by Dr Bo Checker (Dermatologist). No outside funding." in back
    assert "Other formats" not in back


def test_translation_credits_are_printed(inputs: Inputs) -> None:
    edit(
        inputs.content,
        '  conflicts: "No outside funding."\n',
        '  conflicts: "No outside funding."\n'
        "  translation:\n"
        "    translator: {name: Ana Ruiz, role: Medical translator}\n"
        "    reviewer: {name: Dr Luis Gil, role: Dermatologist}\n",
    )
    result = build(inputs)
    assert result.ok and result.pdf
    assert (
        "Translated by Ana Ruiz (Medical translator); translation checked by Dr Luis Gil (Dermatologist)."
        in page_texts(result.pdf)[0]
    )


def test_a_translation_no_one_has_checked_says_so_and_warns(inputs: Inputs) -> None:
    """Document control: the leaflet says its translation is not yet checked, and `check` warns at the block."""
    text = edit(
        inputs.content,
        '  conflicts: "No outside funding."\n',
        '  conflicts: "No outside funding."\n'
        "  translation:\n    translator: {name: Ana Ruiz, role: Medical translator}\n",
    )
    _, diags = load_content(inputs.content)
    d = the_finding(diags, text, "translator: {name: Ana", "document.translation")
    result = build(inputs)
    assert result.ok and result.pdf
    assert not d.is_error and "has not been checked" in d.message and "clinician" in d.hint
    back = " ".join(page_texts(result.pdf)[0].split())
    assert "Translated by Ana Ruiz (Medical translator); translation not yet checked." in back


def test_the_brand_texts_of_the_block_are_held_to_the_glyph_check(inputs: Inputs) -> None:
    text = edit(
        inputs.brand,
        "paper: a4\n",
        'paper: a4\nother_formats:\n  formats: [large print]\n  contact: "call \u260e 0117 496 0321"\n',
    )
    errors = [d for d in build(inputs).diagnostics if d.is_error]
    the_finding(errors, text, '"call \u260e', "other_formats.contact")
    assert "no glyph for '\u260e'" in errors[0].message


def test_the_tools_own_words_are_held_to_the_glyph_check(inputs: Inputs, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(words.WORDS, "en", replace(words.WORDS["en"], published="\u2603 {date}."))
    errors = [d for d in build(inputs).diagnostics if d.is_error]
    d = the_finding(errors, inputs.content.read_text(), "code: TC-001", "document")
    assert "'\u2603'" in d.message and "own words for en-GB" in d.hint


# --- validation ----------------------------------------------------------------------------------------------


def test_a_content_file_without_a_document_block_is_refused(inputs: Inputs) -> None:
    text = inputs.content.read_text()
    inputs.content.write_text(text[: text.index("document:")])
    (d,) = content_errors(inputs.content)
    assert d.format().startswith(f"{inputs.content}:1:1: error: missing key 'document'")
    assert "code" in d.message and "review" in d.message and "document: {code: CSC-MN-001" in d.hint


@pytest.mark.parametrize(
    ("old", "new", "at", "key", "message", "hint"),
    [
        ("  reviewer: {name: Dr Bo Checker, role: Dermatologist}\n", "", "code:", "document.reviewer",
         "missing key 'reviewer'", "add 'reviewer:'"),
        ("role: Lead nurse}", "roll: Lead nurse}", "roll:", "document.author.roll", "unknown key 'roll'",
         "did you mean 'role'?"),
        ("published: 2026-12-01", "published: 2026-02-30", "2026-02-30", "document.published",
         "'2026-02-30' is not a real date", "month"),
        ("published: 2026-12-01", "published: 1/12/2026", "1/12/2026", "document.published",
         "'1/12/2026' is not a date written YYYY-MM-DD", "2026-12-01"),
        ("published: 2026-12-01", "published: 1 December 2026", "1 December", "document.published",
         "is not a date written YYYY-MM-DD", "did you mean 2026-12-01? write it YYYY-MM-DD"),
        ("published: 2026-12-01", "published: 30/11/2026", "30/11", "document.published",
         "is not a date written YYYY-MM-DD", "did you mean 2026-11-30?"),
        ("published: 2026-12-01", 'published: "December 1, 2026"', '"December', "document.published",
         "is not a date written YYYY-MM-DD", "did you mean 2026-12-01?"),
        ("published: 2026-12-01", "published: Dec 1 2026", "Dec 1", "document.published",
         "is not a date written YYYY-MM-DD", "did you mean 2026-12-01?"),
        ("published: 2026-12-01", "published: 01/01/2026", "01/01", "document.published",
         "is not a date written YYYY-MM-DD", "did you mean 2026-01-01?"),
        ("review: 2028-12-01", "review: 2026-11-30", "2026-11-30", "document.review",
         "the review date 2026-11-30 is not after the publication date 2026-12-01", "after publication"),
        ('version: "1.0"', "version: 1.10", "1.10", "document.version",
         "expected the version as text, found the number 1.10", 'version: "1.10"'),
        ('version: "1.0"', "version: &v 1.10", "&v 1.10", "document.version",
         "expected the version as text, found the number 1.10", 'version: "1.10"'),
        ("code: TC-001", "code: TC 001 (draft)", "TC 001", "document.code", "is not a leaflet code", "CSC-MN-001"),
        ("producer: Test Clinic", "producer: ''", "producer:", "document.producer", "this text is empty", ""),
        ("  conflicts:", "  translation: {reviewer: {name: A, role: B}}\n  conflicts:", "{reviewer",
         "document.translation.translator", "missing key 'translator'", ""),
        ("published: 2026-12-01", "published: ٢٠٢٦-١٢-٠١", "٢٠٢٦", "document.published",
         "is not a date written YYYY-MM-DD", "2026-12-01"),
    ],
    ids=["missing-key", "misspelt-key", "no-such-day", "not-iso", "month-named", "day-first", "month-first",
         "month-first-short", "day-and-month-alike", "review-first",
         "version-number", "version-number-anchored", "bad-code",
         "empty-producer", "translation-half", "arabic-digits"],
)  # fmt: skip
def test_document_mistakes_point_at_the_line_and_column(
    inputs: Inputs, old: str, new: str, at: str, key: str, message: str, hint: str
) -> None:
    text = edit(inputs.content, old, new)
    d = the_finding(content_errors(inputs.content), text, at, key)
    assert message in d.message and hint in d.hint


def test_a_review_date_more_than_5_years_on_is_a_warning(inputs: Inputs) -> None:
    text = edit(inputs.content, "review: 2028-12-01", "review: 2032-06-01")
    content, diags = load_content(inputs.content)
    assert content is not None
    d = the_finding(diags, text, "2032-06-01", "document.review")
    assert not d.is_error and "5.5 years after publication" in d.message and "2 to 3 years" in d.message


@pytest.mark.parametrize(
    ("old", "new", "at", "key", "message"),
    [
        ("paper: a4\n", "paper: a4\nother_formats: {formats: [audio]}\n", "{formats", "other_formats.contact",
         "missing key 'contact'"),
        ("paper: a4\n", "paper: a4\nother_formats: {formats: audio, contact: call us}\n", "formats: audio",
         "other_formats.formats", "expected a list"),
        ("paper: a4\n", "paper: a4\nother_formats: {formats: [], contact: call us}\n", "formats: []",
         "other_formats.formats", "at least 1 item"),
        ("paper: a4\n", "paper: a4\nfeedback: 42\n", "feedback:", "feedback", "expected text, found a number"),
        ("paper: a4\n", "paper: a4\nfeedbak: Tell us\n", "feedbak:", "feedbak", "did you mean"),
    ],
    ids=["no-contact", "formats-not-a-list", "no-formats", "feedback-number", "misspelt"],
)  # fmt: skip
def test_brand_other_formats_and_feedback_mistakes(
    inputs: Inputs, old: str, new: str, at: str, key: str, message: str
) -> None:
    text = edit(inputs.brand, old, new)
    brand, diags = load_brand(inputs.brand)
    assert brand is None
    d = the_finding([d for d in diags if d.is_error], text, at, key)
    assert message in d.message + " " + d.hint


def test_the_shipped_kits_offer_other_formats_and_feedback() -> None:
    for path, phone in ((BRAND, "0117 496 0321"), (MAPLE, "(802) 555-0148")):
        brand, diags = load_brand(path)
        assert brand is not None and not diags and brand.other_formats and brand.feedback
        assert brand.other_formats.formats == ("large print", "other languages", "audio")
        assert phone in brand.other_formats.contact and brand.contact.email in brand.feedback


# --- the review date, against SOURCE_DATE_EPOCH ------------------------------------------------------------


def run(inputs: Inputs, command: str, *extra: str, out: Path | None = None) -> int:
    args = [command, "--content", str(inputs.content), "--brand", str(inputs.brand), *extra]
    if command == "build":
        args += ["-o", str(out or inputs.kit.parent / "out" / "leaflet.pdf")]
    if command == "preview":
        args += ["-o", str(inputs.kit.parent / "preview"), "--dpi", "20"]
    return main(args)


@pytest.mark.parametrize("command", ["build", "check", "preview"])
def test_a_review_date_2_months_away_warns_and_builds(
    inputs: Inputs, command: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch("2028-10-01"))
    assert run(inputs, command) == 0
    line, col = position(inputs.content.read_text(), "2028-12-01")
    err = capsys.readouterr().err
    assert f"{inputs.content}:{line}:{col}: warning: the leaflet's review date 2028-12-01 is 61 days away" in err
    assert "(today is 2028-10-01) [at document.review]" in err


@pytest.mark.parametrize("command", ["build", "check", "preview"])
def test_a_passed_review_date_is_an_error_and_nothing_is_written(
    inputs: Inputs, command: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch("2029-01-01"))
    out = inputs.kit.parent / "out" / "leaflet.pdf"
    assert run(inputs, command, out=out) == 1
    line, col = position(inputs.content.read_text(), "2028-12-01")
    err = capsys.readouterr().err
    assert f"{inputs.content}:{line}:{col}: error: the leaflet's review date 2028-12-01 has passed" in err
    assert "it is 31 days out of date" in err and "[at document.review]" in err
    assert "(hint: have the leaflet reviewed" in err and "or pass --allow-expired" in err
    assert not out.exists() and not (inputs.kit.parent / "preview").exists()


def test_allow_expired_turns_the_error_into_a_warning(
    inputs: Inputs, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch("2029-01-01"))
    out = inputs.kit.parent / "out" / "leaflet.pdf"
    assert run(inputs, "build", "--allow-expired", out=out) == 0
    err = capsys.readouterr().err
    assert "warning: the leaflet's review date 2028-12-01 has passed" in err and "--allow-expired" in err
    assert " error: " not in err and out.exists()
    assert run(inputs, "check", "--allow-expired") == 0


def test_a_publication_date_after_today_is_a_warning(
    inputs: Inputs, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch("2026-01-01"))
    assert run(inputs, "check") == 0
    line, col = position(inputs.content.read_text(), "2026-12-01")
    assert (
        f"{inputs.content}:{line}:{col}: warning: the leaflet's publication date 2026-12-01 is after today "
        "(today is 2026-01-01) [at document.published]" in capsys.readouterr().err
    )


@pytest.mark.parametrize("value", ["yesterday", "-5", "1.5e9", "99999999999999", "²"])
def test_a_source_date_epoch_that_is_not_a_time_is_a_usage_error(
    inputs: Inputs, value: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    assert run(inputs, "check") == 2
    assert "SOURCE_DATE_EPOCH=" in capsys.readouterr().err


def test_today_comes_from_source_date_epoch_and_the_clock_only_without_it() -> None:
    assert source_date({"SOURCE_DATE_EPOCH": "1796083200"}) == (date(2026, 12, 1), "")
    assert source_date({"SOURCE_DATE_EPOCH": "1796169599"}) == (date(2026, 12, 1), "")  # 23:59:59 UTC
    assert source_date({}) == (None, "")


def test_expiry_windows_by_calendar_month(inputs: Inputs) -> None:
    content, _ = load_content(inputs.content)
    assert content is not None
    doc = content.document  # published 2026-12-01, review 2028-12-01

    def found(day: str, allow: bool = False) -> list[tuple[bool, str]]:
        return [(d.is_error, d.location.key) for d in check_dates(doc, date.fromisoformat(day), allow)]

    assert found("2028-08-31") == []  # more than 3 months ahead
    assert found("2028-09-01") == [(False, "document.review")]  # 3 months ahead: warned
    assert found("2028-12-01") == [(False, "document.review")]  # due today: still a warning
    assert found("2028-12-02") == [(True, "document.review")]
    assert found("2028-12-02", allow=True) == [(False, "document.review")]
    assert found("2026-11-30") == [(False, "document.published")]
    assert months_after(date(2028, 8, 31), 3) == date(2028, 11, 30)
    assert months_after(date(9999, 11, 1), 3) == date.max


# --- dates and words by language ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "published", "review", "known"),
    [
        ("en-GB", "1 December 2026", "December 2029", True),
        ("en", "1 December 2026", "December 2029", True),
        ("en-AU", "1 December 2026", "December 2029", True),
        ("en-US", "December 1, 2026", "December 2029", True),
        ("EN-us", "December 1, 2026", "December 2029", True),
        ("en-CA", "December 1, 2026", "December 2029", True),  # Canada's English writes the month first
        ("es", "1 de diciembre de 2026", "diciembre de 2029", True),
        ("es-MX", "1 de diciembre de 2026", "diciembre de 2029", True),
        ("pl", "1 grudnia 2026 r.", "grudnia 2029 r.", True),
        ("vi", "ngày 1 tháng 12 năm 2026", "tháng 12 năm 2029", True),
        ("fr", "1 December 2026", "December 2029", False),  # no French words: English, and `words:` must give them
    ],
)
def test_dates_are_written_as_the_language_writes_them(language: str, published: str, review: str, known: bool) -> None:
    w, missing = words_for(language)
    assert (missing == ()) is known
    assert long_date(date(2026, 12, 1), w).replace("\u00a0", " ") == published
    assert month_year(date(2029, 12, 1), w).replace("\u00a0", " ") == review
    assert "\u00a0" in long_date(date(2026, 12, 1), w)  # a date is never broken across lines


@pytest.mark.parametrize(
    ("language", "warned"),
    [
        ("en-US", True),
        ("en-AU", True),
        ("en-GB", False),
        ("en", False),
        ("es", False),
        ("es-419", False),
        ("pl-PL", False),  # (not the kit's language: a UK clinic's leaflet for its patients from Poland)
    ],
)
def test_words_of_another_countrys_form_of_their_language_are_warned(
    inputs: Inputs, language: str, warned: bool
) -> None:
    """A clinic in the UK (its phone's country) building words tagged en-US printed "Published December 1, 2026"
    and US spelling with no word said: a warning at `language:` names the clinic's form of it (a language with no
    country, es, pl, or a region of no country, es-419, says nothing of one)."""
    text = edit(inputs.content, "language: en-GB", f"language: {language}")
    result = build(inputs)
    found = [d for d in result.diagnostics if "as written in" in d.message]
    assert result.ok and bool(found) == warned, [d.format() for d in result.diagnostics]
    if warned:
        (d,) = found
        line, col = position(text, f"{language}\n")
        assert (d.location.line, d.location.column, d.location.key) == (line, col, "language")
        assert f"the words' language is {language}, as written in {language[-2:]}, but the clinic is in GB" in d.message
        assert "the country of contact.phone, GB" in d.message and "write language: en-GB if the words" in d.hint


def test_a_us_leaflet_prints_us_dates(inputs: Inputs) -> None:
    edit(inputs.content, "language: en-GB", "language: en-US")
    result = build(inputs)  # (with a UK clinic's kit: warned, test_words_of_another_countrys_form_...)
    assert result.ok and result.pdf and [d.location.key for d in result.diagnostics] == ["language"]
    assert "Published December 1, 2026. Review due December 2028." in page_texts(result.pdf)[0]


def test_a_language_without_words_is_an_error_naming_the_missing_words(inputs: Inputs) -> None:
    """A French leaflet would print 'Published', 'Sources', 'Page 2 of 9' in English: the content file must
    give the tool's words itself; the error names every missing one, at `language:`."""
    text = edit(inputs.content, "language: en-GB", "language: fr")
    result = build(inputs)
    assert not result.ok and result.pdf is None
    d = the_finding(list(result.diagnostics), text, "fr\ntitle", "language")
    assert d.is_error and "no built-in words for 'fr'" in d.message
    assert "missing: leaflet, version, published, review" in d.message and "subject" in d.message


POLISH = """words:
  leaflet: "Ulotka {code} ({producer}), {version}."
  version: "wersja {version}"
  published: "Opublikowano {date}."
  review: "Przegląd: {month}."
  written: "Autor: {author}; sprawdził(a): {reviewer}."
  translated: "Tłumaczenie: {translator}; sprawdził(a): {reviewer}."
  translated_unchecked: "Tłumaczenie: {translator}; jeszcze niesprawdzone."
  person: "{name} ({role})"
  other_formats: "Inne formaty:"
  ask: "{formats} – {contact}."
  months: [stycznia, lutego, marca, kwietnia, maja, czerwca, lipca, sierpnia, września, października, listopada,
    grudnia]
  date: "{day} {month} {year}"
  month_year: "{month} {year}"
  list_separator: ", "
  skin_drawing: "Rysunek przekroju skóry z opisami: {labels}."
  qr_code: "Kod QR otwierający {url}"
  qr_label: "Zeskanuj, aby umówić wizytę"
  page: "Strona {number} z {total}"
  sources: "Źródła"
  in_full: "Pełne źródła z DOI: w wydaniu z dużym drukiem."
  subject: "Ulotka dla pacjenta: {title}"
"""


def test_a_content_file_may_give_the_tools_words_for_its_language(inputs: Inputs) -> None:
    """With every word given in `words:`, a leaflet in a language the table lacks builds and prints them (its
    dates too): Polish words under a Kashubian tag."""
    edit(inputs.content, "language: en-GB", "language: csb")
    inputs.content.write_text(inputs.content.read_text(encoding="utf-8") + POLISH, encoding="utf-8")
    result = build(inputs)
    assert result.ok and result.pdf, [d.format() for d in result.diagnostics]
    back = " ".join(page_texts(result.pdf)[0].split())
    assert "Opublikowano 1 grudnia 2026." in back and "Przegląd: grudnia 2028." in back
    doc = reopen(result.pdf)
    assert str(doc.docinfo["/Subject"]).startswith("Ulotka dla pacjenta: ")


def test_a_language_may_write_the_months_first_day_as_it_does(inputs: Inputs) -> None:
    """French writes the 1st as '1er décembre', the other days plainly: `first_day` (optional, a language the table
    lacks need not give it) gives the 1st's form; the others are as the date pattern writes them. `pdf_title`
    (optional too) punctuates the PDF's title as the language does ("{title}: {subtitle}" was English's alone)."""
    edit(inputs.content, "language: en-GB", "language: csb")
    given = POLISH.replace(
        '  date: "{day} {month} {year}"\n', '  date: "{day} {month} {year}"\n  first_day: "{day}er"\n'
    )
    given += '  pdf_title: "{title} : {subtitle}"\n'  # (and the PDF's title as French punctuates it)
    inputs.content.write_text(inputs.content.read_text(encoding="utf-8") + given, encoding="utf-8")
    result = build(inputs)
    assert result.ok and result.pdf, [d.format() for d in result.diagnostics]
    assert "Opublikowano 1er grudnia 2026." in " ".join(page_texts(result.pdf)[0].split())
    doc = reopen(result.pdf)
    assert " : " in str(doc.docinfo["/Title"])
    w, missing = words_for("fr", {"first_day": "{day}er"})
    assert "first_day" not in missing and long_date(date(2026, 12, 2), w) == "2\u00a0December\u00a02026"


def test_a_language_may_write_a_month_alone_in_another_case(inputs: Inputs) -> None:
    """Greek writes a date's month in the genitive ("7 Δεκεμβρίου 2026") and a month with its year alone in the
    nominative ("Δεκέμβριος 2028"): one list of months printed "Review due Δεκεμβρίου 2028". `months_alone`
    (optional) gives the second; a list of another length is an error at it."""
    edit(inputs.content, "language: en-GB", "language: csb")
    alone = (
        "[styczeń, luty, marzec, kwiecień, maj, czerwiec, lipiec, sierpień, wrzesień, październik, listopad, grudzień]"
    )
    given = POLISH + f"  months_alone: {alone}\n"
    inputs.content.write_text(inputs.content.read_text(encoding="utf-8") + given, encoding="utf-8")
    result = build(inputs)
    assert result.ok and result.pdf, [d.format() for d in result.diagnostics]
    back = " ".join(page_texts(result.pdf)[0].split())
    assert "Opublikowano 1 grudnia 2026." in back and "Przegląd: grudzień 2028." in back
    edit(inputs.content, ", grudzień]", "]")
    src, diags = api.load(inputs.content, inputs.brand)
    assert src is None and [d.location.key for d in diags if "'months_alone' lists 11 names" in d.message] == [
        "words.months_alone"
    ]


def test_a_content_file_may_reword_a_built_in_word(inputs: Inputs) -> None:
    """`words:` over the built-in table: one word changed, the others kept."""
    inputs.content.write_text(
        inputs.content.read_text(encoding="utf-8") + 'words:\n  published: "First published {date}."\n',
        encoding="utf-8",
    )
    result = build(inputs)
    assert result.ok and result.pdf
    assert "First published 1 December 2026. Review due December 2028." in " ".join(page_texts(result.pdf)[0].split())


@pytest.mark.parametrize(
    ("words", "needle", "message"),
    [
        ('  publshed: "x {date}"\n', "publshed", "unknown key 'publshed'"),
        ('  published: "Published."\n', "Published.", "'published' fills in {date}"),
        ('  page: "Page {number} of {pages}"\n', "Page {number}", "not {number}, {pages}"),
        ('  page: "Page {number of {total}"\n', "Page {number", "is not part of a {name}"),
        ("  months: [Jan, Feb]\n", "[Jan", "'months' lists 2 names"),
        ('  first_day: "1st"\n', "1st", "'first_day' fills in {day}"),
    ],
)
def test_a_mistake_in_the_words_is_an_error_where_it_is_written(
    inputs: Inputs, words: str, needle: str, message: str
) -> None:
    text = inputs.content.read_text(encoding="utf-8") + "words:\n" + words
    inputs.content.write_text(text, encoding="utf-8")
    diags = content_errors(inputs.content)
    (d,) = [d for d in diags if d.is_error]
    line, _ = position(text, needle)
    assert message in d.message and d.location.line == line, d.format()


# --- reading order: the back --------------------------------------------------------------------------------


def booking_top(layout: Layout) -> float:
    """The top of the call to action's heading (the booking panel's first line)."""
    page = layout.pages[layout.qr.page] if layout.qr else layout.pages[0]
    return max(t.box.top for t in page.items if isinstance(t, Text) and t.role == "heading" and not t.section)


# The shipped words place "When to contact us" on the bi-fold's back (the risks stay inside, beside the aftercare) and
# the risks on the flyer's back (its front holds the rest).
BACK_SECTIONS = {"bifold": ("contact-us", "When to contact us"), "flyer": ("risks", "Risks and side effects")}


@pytest.mark.parametrize(("layout", "paper"), [(lo, pa) for lo in ("bifold", "flyer") for pa in PAPERS])
def test_the_section_placed_on_the_back_comes_before_the_booking_panel(layout: str, paper: str) -> None:
    result = result_of(sources(CONTENT, BRAND), api.Options(layout=layout, paper=paper))
    assert result.ok and result.layout and result.layout.qr and result.pdf
    lay = result.layout
    section, heading = BACK_SECTIONS[layout]
    back = [p for p in lay.pages[lay.qr.page].items if p.region == "back"]
    placed = [p for p in back if p.section == section]
    assert placed and min(p.box.y for p in placed) > booking_top(lay) > lay.qr.box.top
    text = page_texts(result.pdf)[lay.qr.page]
    assert text.index(heading) < text.index("Book a consultation") < text.index("Scan to book")
    assert text.index("When to contact us") < text.index("Book a consultation")
    if layout == "bifold":  # the risks print inside, with the aftercare, not on the back
        inside = page_texts(result.pdf)[1 - lay.qr.page]
        assert "Risks and side effects" in inside and "Risks and side effects" not in text


@pytest.mark.parametrize("layout", ["trifold", "bifold", "flyer"])
def test_every_section_placed_on_the_back_comes_before_the_booking_panel(inputs: Inputs, layout: str) -> None:
    edit(inputs.content, "    place: flap\n", "    place: back\n")
    result = build(inputs, layout=layout)
    assert result.ok and result.layout
    risks = [p for page in result.layout.pages for p in page.items if p.section == "risks"]
    assert risks and {p.region for p in risks} == {"back"}
    assert min(p.box.y for p in risks) > booking_top(result.layout)


def test_aftercare_points_to_when_to_contact_us() -> None:
    for layout in LAYOUTS:
        lay = result_of(sources(CONTENT, BRAND), api.Options(layout=layout)).layout
        assert lay is not None
        order = [sid for _, sid in lay.outline]
        next_to = order[order.index("aftercare") + 1] == "contact-us"
        assert next_to or "See When to contact us" in section_text(lay, "aftercare"), layout


@pytest.mark.parametrize(
    ("content", "brand", "number", "tel"),
    [
        (CONTENT, BRAND, "0117\u00a0496\u00a00321", "tel:+441174960321"),  # (printed with no-break spaces)
        (ROOT / "translations" / "en-US.yaml", MAPLE, "(802)\u00a0555-0148", "tel:+18025550148"),
    ],
    ids=["clearwater", "maple-main"],
)
def test_when_to_contact_us_gives_the_clinics_own_number_under_call_us(
    content: Path, brand: Path, number: str, tel: str
) -> None:
    """The shipped words' `contact: [phone]`: each clinic's number from its kit, in the section that says "Call us"
    (a patient in trouble found it on the other side of the sheet, or three pages on in large print), linked in the
    office edition; the bi-fold's back and the flyer's back page hold that section beside the number already."""
    for layout in LAYOUTS:
        lay = result_of(sources(content, brand), api.Options(layout=layout)).layout
        assert lay is not None
        lines = [t for page in lay.pages for t in page.items if isinstance(t, Text) and t.section == "contact-us"]
        said = [t.text for t in lines]
        if layout in ("bifold", "flyer"):
            assert number not in said, layout
            continue
        at = said.index(number)
        assert said[at - 1].endswith("dark patches"), (layout, said)
        assert said[at + 1].startswith(("Out of hours", "After hours")), (layout, said)
        row = lines[at]
        links = [k for page in lay.pages for k in page.links if k.url == tel]
        assert any(
            k.box.x <= row.box.x + 1 and k.box.right >= row.box.right - 1 and k.box.y <= row.baseline <= k.box.top
            for k in links
        ), layout


@pytest.mark.parametrize("target", ["office", "press"])
def test_a_contact_block_prints_each_line_it_names_linked_where_the_edition_has_links(
    inputs: Inputs, target: str
) -> None:
    """`contact: [phone, email, website, address]`: the kit's four lines in the section, in that order, as the
    back prints them; linked (tel:, mailto:, the site) in the office edition, in none in the press edition."""
    edit(
        inputs.content,
        '      - bullets:\n          - "Redness',
        '      - contact: [phone, email, website, address]\n      - bullets:\n          - "Redness',
    )
    result = build(inputs, target=target)
    assert result.ok and result.layout is not None, [d.format() for d in result.diagnostics]
    lines = [t for page in result.layout.pages for t in page.items if isinstance(t, Text) and t.section == "risks"]
    said = [t.text.replace("\u00a0", " ") for t in lines]
    assert said[1:5] == ["0117 496 0321", "hello@example.com", "example.com", "1 High Street, Bristol"], said
    urls = {k.url for page in result.layout.pages for k in page.links}
    wanted = {"tel:+441174960321", "mailto:hello@example.com", "https://example.com"}
    assert wanted <= urls if target == "office" else not urls


def test_the_number_under_call_us_never_starts_a_page_without_the_words_that_say_to_call_it(tmp_path: Path) -> None:
    """A long "When to contact us" (more reasons to call, added to its first list) breaks over a page in large print:
    the clinic's number (a `contact:` block) went to the top of the next page alone, under the page's end "Call us if
    ..."; it goes with the line before it. Laid out as `api.fits` does (the same flow, at the kit's size)."""
    text = CONTENT.read_text(encoding="utf-8")
    anchor = '          - "**Call us** for cold sores, redness after a week, or new lumps or dark patches"\n'
    for n in range(20, 30):
        more = "".join(f'          - "**Call us** if item {k} happens to you today"\n' for k in range(n))
        path = tmp_path / f"content-{n}.yaml"
        path.write_text(text.replace(anchor, anchor + more), encoding="utf-8")
        src, _ = api.load(path, BRAND)
        assert src is not None
        layout = api.fits(src, api.Options(layout="large-print")).layout
        assert layout is not None, n
        lines = [t for page in layout.pages for t in page.items if isinstance(t, Text) and t.role != "folio"]
        at = next(i for i, t in enumerate(lines) if t.section == "contact-us" and t.text == "0117\u00a0496\u00a00321")
        assert lines[at - 1].region == lines[at].region, (n, lines[at - 1].text, lines[at].region)


def test_a_kit_line_too_wide_for_a_contact_blocks_column_is_said_once_at_the_kit_naming_the_block(
    tmp_path: Path,
) -> None:
    """A kit's address with a word too long for the column a section's `contact:` block sets it in (the shipped
    words' "When to contact us" on the flyer's back page): an error at the kit's address that names the section and
    says the block may leave it out, beside the back's own; it was said on "the panels" of a flyer, and again at the
    content's section, with a soft hyphen to add to words the content never wrote."""
    long = "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch"
    brand = copied_kit(tmp_path)
    kit = brand.read_text(encoding="utf-8")
    brand.write_text(kit.replace("address: 14 Harbour Street, Bristol BS1 4QA", f"address: 1 {long}"), "utf-8")
    text = CONTENT.read_text(encoding="utf-8").replace("contact: [phone]", "contact: [address]")
    text = text.replace(
        "      - layouts: [trifold, large-print]   # the clinic's", "      - layouts: [flyer]   # the clinic's"
    )
    content = tmp_path / "content.yaml"
    content.write_text(text, encoding="utf-8")
    result = result_of(sources(content, brand), api.Options(layout="flyer"))
    said = [d.format() for d in result.diagnostics if d.is_error]
    block = [f for f in said if "in section 'contact-us'" in f]
    row, col = position(text, "[address]")
    assert len(block) == 1 and block[0].startswith(f"{brand}:"), said
    assert f"or leave 'address' out of the contact: block ({content}:{row}:{col})" in block[0], block
    assert not [f for f in said if f.startswith(str(content))], said  # (not the content's words)
    assert len(said) == 2 and "on the back (flyer, a4)" in said[1], said  # (and the back's own line)


# --- reading order: a short section is kept together ------------------------------------------------------


def test_no_short_section_of_the_shipped_bifold_is_split_across_the_spread() -> None:
    for brand in (BRAND, MAPLE):
        for paper in PAPERS:
            result = result_of(sources(CONTENT, brand), api.Options(layout="bifold", paper=paper))
            assert result.layout is not None and not [d for d in result.diagnostics if "split" in d.message]
            inside = result.layout.pages[1]
            page = inside.side.panels[0].content.h
            for sid in {p.section for p in inside.items}:
                parts = [p for p in inside.items if p.section == sid]
                regions = {p.region for p in parts}
                if len(regions) > 1:  # only a long section breaks, its heading with its first lines
                    extent = sum(
                        max(p.box.top for p in parts if p.region == r) - min(p.box.y for p in parts if p.region == r)
                        for r in regions
                    )
                    assert extent > SHORT * page, sid
                    first = [p for p in parts if p.region == parts[0].region]
                    lines = [p for p in parts if isinstance(p, Text)]
                    assert (lines[0].role, lines[0].level) == ("heading", 2) and len(first) >= 2, sid


def _section(sid: str, heights: list[float]) -> list[Item]:
    heading = Item(Spacer(100, 10), sid, 5.0, keep_with_next=True, bookmark=sid)
    return [heading, *(Item(Spacer(100, h), sid, 2.0) for h in heights)]


def test_a_short_section_that_does_not_fit_the_rest_of_a_frame_starts_the_next_whole() -> None:
    frames = [Frame("left", Rect(0, 0, 100, 100)), Frame("right", Rect(200, 0, 100, 100))]
    items = _section("a", [50]) + _section("b", [15, 15])  # b: 10 + 2 + 15 + 2 + 15 = 44 tall; 33 left after a
    res = flow(items, frames, keep_sections=True)
    assert {p.section for p in res.placed[0]} == {"a"}
    assert [p.section for p in res.placed[1]] == ["b", "b", "b"] and not res.leftover
    assert res.placed[1][0].box.top == 100  # at the top of the next frame


PAGES = [  # two pages of two columns each (the bi-fold's inside)
    Frame("page-1", Rect(0, 0, 100, 100), leaf="page-1"),
    Frame("page-1", Rect(110, 0, 100, 100), leaf="page-1"),
    Frame("page-2", Rect(300, 0, 100, 100), leaf="page-2"),
    Frame("page-2", Rect(410, 0, 100, 100), leaf="page-2"),
]


def test_a_short_section_runs_on_into_a_pages_next_column_and_is_kept_whole_over_a_page() -> None:
    """Between the columns of one page a short section runs on, as in any columns; at the page turn it is kept
    whole (keep_sections), starting the next page."""
    items = _section("a", [50]) + _section("b", [15, 15])  # b: 44 tall; 38 left under a
    res = flow(items, PAGES, keep_sections=True)
    assert [p.section for p in res.placed[0]] == ["a", "a", "b", "b"] and [p.section for p in res.placed[1]] == ["b"]
    items = _section("a", [50]) + _section("z", [80]) + _section("b", [15, 15])  # z fills the second column
    res = flow(items, PAGES, keep_sections=True)
    assert "b" not in {p.section for p in res.placed[1]} and [p.section for p in res.placed[2]] == ["b", "b", "b"]


def test_a_section_that_breaks_before_starts_the_next_page_not_the_next_column() -> None:
    items = [*_section("a", [20]), replace(_section("b", [20])[0], fresh=True), *_section("b", [20])[1:]]
    res = flow(items, PAGES)
    assert [len(p) for p in res.placed] == [2, 0, 2, 0] and res.placed[2][0].box.top == 100  # page 2, at the top
    full = [*_section("a", [88]), replace(_section("b", [20])[0], fresh=True), *_section("b", [20])[1:]]
    res = flow(full, PAGES)  # (a fills the first column to its foot: b would start the second)
    assert [len(p) for p in res.placed] == [2, 0, 2, 0]


def test_a_section_over_half_a_frame_still_splits_with_its_heading_kept_with_its_first_block() -> None:
    frames = [Frame("left", Rect(0, 0, 100, 100)), Frame("right", Rect(200, 0, 100, 100))]
    items = _section("a", [50]) + _section("b", [15, 40])  # b is 69 tall: more than half a frame (SHORT)
    res = flow(items, frames, keep_sections=True)
    assert [p.section for p in res.placed[0]] == ["a", "a", "b", "b"]  # heading and its first block
    assert [p.section for p in res.placed[1]] == ["b"]


def test_a_short_section_in_the_last_frame_is_not_held_back() -> None:
    frames = [Frame("only", Rect(0, 0, 100, 100))]
    items = _section("a", [50]) + _section("b", [15, 15])
    res = flow(items, frames, keep_sections=True)
    assert [p.section for p in res.placed[0]] == ["a", "a", "b", "b"]  # as much as fits, the rest left over
    assert [i.section for i in res.leftover] == ["b"]


@pytest.mark.parametrize("layout", ["trifold", "bifold", "flyer"])
def test_the_document_block_room_on_the_back(layout: str) -> None:
    """The block's height on each back panel, for the report (and a bound: it must not grow by accident)."""
    lay = result_of(sources(CONTENT, BRAND), api.Options(layout=layout)).layout
    assert lay is not None
    block = _document_block(lay)
    most = 50 if layout == "bifold" else 36  # mm (the bi-fold's in a column of half its back: as many words)
    assert block and _union(block).h < most * MM


def test_over_the_page_a_short_section_goes_whole_and_between_columns_it_runs_on() -> None:
    """A flyer's front and back (`over_page`): a short section the front's foot cannot hold goes over the page whole
    (it straddled the page turn); between the columns of one page it runs on where it falls."""
    pages = [Frame("front", Rect(0, 0, 100, 100), page=0), Frame("back", Rect(0, 0, 100, 100), page=1)]
    items = _section("a", [50]) + _section("b", [15, 15])  # b: 44 tall; 33 left on the front after a
    res = flow(items, pages, over_page=True)
    assert {p.section for p in res.placed[0]} == {"a"} and [p.section for p in res.placed[1]] == ["b", "b", "b"]
    columns = [Frame("left", Rect(0, 0, 100, 100), page=0), Frame("right", Rect(200, 0, 100, 100), page=0)]
    res = flow(_section("a", [50]) + _section("b", [15, 15]), columns, over_page=True)
    assert [p.section for p in res.placed[0]] == ["a", "a", "b", "b"] and [p.section for p in res.placed[1]] == ["b"]


def test_with_keep_sections_off_a_short_section_splits_where_it_falls() -> None:
    frames = [Frame("left", Rect(0, 0, 100, 100)), Frame("right", Rect(200, 0, 100, 100))]
    res = flow(_section("a", [50]) + _section("b", [15, 20]), frames, keep_sections=False)
    assert [p.section for p in res.placed[0]] == ["a", "a", "b", "b"] and [p.section for p in res.placed[1]] == ["b"]


SENTENCE = "Fine needles make tiny pricks in the skin and the skin heals. "


def _tight(inputs: Inputs, first: int) -> None:
    """A bi-fold inside where a short section 'bb' falls at the foot of the left page and 'cc' fills the right:
    'aa' is `first` sentences, in paragraphs of up to 20."""
    blocks = "".join(f'      - text: "{SENTENCE * 6}"\n' for _ in range(6))
    own = "".join(f'      - text: "{SENTENCE * min(20, first - n)}"\n' for n in range(0, first, 20))
    sections = (
        f"  - id: aa\n    heading: First\n    blocks:\n{own}"
        f'  - id: bb\n    heading: Second\n    blocks:\n      - text: "{SENTENCE * 3}"\n'
        f'      - text: "{SENTENCE * 3}"\n'
        f"  - id: cc\n    heading: Third\n    blocks:\n{blocks}"
    )
    edit(inputs.content, "sections:\n", "sections:\n" + sections)


def test_a_short_section_is_split_only_when_the_words_fit_no_other_way_and_then_with_a_warning(
    inputs: Inputs,
) -> None:
    original = inputs.content.read_text()
    warned = 0
    for first in range(40, 54, 2):  # 'aa' grows: 'bb' is kept whole (at smaller type if need be), then split
        inputs.content.write_text(original)
        _tight(inputs, first)
        result = build(inputs, layout="bifold")
        if not result.ok or result.layout is None:
            continue
        regions = {p.region for p in result.layout.pages[1].items if p.section == "bb"}
        splits = [d for d in result.diagnostics if "is split across" in d.message]
        assert len(regions) == 1 + len(splits)  # split only with a warning
        if splits:
            warned += 1
            (d,) = splits
            line, col = position(inputs.content.read_text(), "- id: bb")
            assert (d.location.line, d.location.column, d.is_error) == (line, col + 2, False)
            assert "section 'bb' is split across the bi-fold's inside-1 and inside-2 panels" in d.message
            assert "even at 9 pt" in d.message and "layouts:" in d.hint
    assert warned  # some length of 'aa' fits only with 'bb' split


# --- a full back gives way where nothing is lost -----------------------------------------------------------


def back_text(result: api.Result) -> str:
    """The text printed on the back panel alone, as a reader copies it."""
    assert result.pdf and result.layout and result.layout.qr
    page = result.layout.qr.page
    trim = result.layout.sheet.sides[page].panel("back").trim
    doc = pdfium.PdfDocument(result.pdf)
    try:
        text = doc[page].get_textpage().get_text_bounded(trim.x, trim.y, trim.right, trim.top)
    finally:
        doc.close()
    return " ".join(text.split())


FEEDBACK = 'feedback: "Tell us what you think of this leaflet: hello@clearwaterskin.co.uk'
LONGER = (
    FEEDBACK + " We read every comment and use it when we review this leaflet."
)  # (a back made full to a line: one line more and it is over-full by 0.1 mm)


def test_a_full_back_shrinks_the_qr_code_and_drops_the_website_line_the_qr_label_repeats(tmp_path: Path) -> None:
    """A back made fuller (a longer feedback line in the kit) gives way: the QR code, then the website line."""
    longer = shipped_with(tmp_path, FEEDBACK, LONGER)
    assert longer is not None
    full = api.build(longer, api.Options(layout="trifold", paper="letter"))
    roomy = result_of(sources(CONTENT, MAPLE), api.Options(layout="trifold", paper="letter"))
    assert full.ok and roomy.ok and full.layout and roomy.layout and full.layout.qr and roomy.layout.qr
    assert round(full.layout.qr.box.w / MM) == 22 and round(roomy.layout.qr.box.w / MM) == 26
    back = back_text(full)
    assert "clearwaterskin.co.uk/book" in back  # the QR label shows the website ...
    assert "hello@clearwaterskin.co.uk 14 Harbour Street" in back  # ... so its own line gave way
    assert "maplemainderm.com/book" in back_text(roomy) and "maplemainderm.com 210 Main Street" in back_text(roomy)
    cover = page_texts(full.pdf or b"")[0]
    assert "Clearwater Skin Clinic clearwaterskin.co.uk" in cover  # and on the cover, a live link (office)


def shipped_with(tmp_path: Path, old: str, new: str, *more: tuple[str, str]) -> api.Sources | None:
    """The shipped words with a copy of the shipped brand kit in which `old` is written `new` (and more such)."""
    brand = copied_kit(tmp_path)
    text = brand.read_text(encoding="utf-8")
    for was, now in ((old, new), *more):
        assert text.count(was) == 1, was
        text = text.replace(was, now)
    brand.write_text(text, encoding="utf-8")
    return api.load(CONTENT, brand)[0]


def test_the_website_line_stays_when_nothing_else_shows_the_website(tmp_path: Path) -> None:
    booking = ("booking_url: https://clearwaterskin.co.uk/book", "booking_url: https://book.example.org/cw")
    src = shipped_with(tmp_path, FEEDBACK, LONGER, booking)
    assert src is not None
    result = api.build(src, api.Options(layout="trifold", paper="letter"))
    assert result.ok, [d.format() for d in result.diagnostics if d.is_error]  # (4.4 mm over: the disclaimer moved)
    back = back_text(result)
    assert "clearwaterskin.co.uk 14 Harbour Street" in back  # the website line stays (it was the error's)
    assert "general information" not in back and "general information" in " ".join(page_texts(result.pdf or b""))


def test_a_brand_other_than_the_producer_is_warned_that_its_back_names_another_clinic(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["check", "--brand", str(MAPLE)]) == 0  # a warning: it still builds
    err = capsys.readouterr().err
    line, col = position(CONTENT.read_text(encoding="utf-8"), "Clearwater Skin Clinic\n  conflicts")
    assert f"content.yaml:{line}:{col}: warning: the leaflet's document details name Clearwater Skin Clinic" in err
    assert "built for Maple & Main Dermatology" in err and "[at document.producer]" in err
    assert main(["check"]) == 0
    assert "warning" not in capsys.readouterr().err


def test_dates_at_the_end_of_the_calendar_are_read_without_a_crash(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(inputs.content, "published: 2026-12-01", "published: 9998-01-01")
    edit(inputs.content, "review: 2028-12-01", "review: 9999-06-01")
    assert run(inputs, "check") in (0, 1)
    assert "internal error" not in capsys.readouterr().err


def test_a_given_today_still_checks_source_date_epoch_which_the_pdf_writer_reads(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "abc")
    with pytest.raises(ValueError, match="SOURCE_DATE_EPOCH='abc' is not a time"):
        api.build(sources(CONTENT, BRAND), api.Options(today=date(2026, 12, 1)))


def test_the_website_line_stays_when_the_booking_host_only_begins_like_the_website(tmp_path: Path) -> None:
    website = ("website: https://clearwaterskin.co.uk", "website: https://clearwaterskin.co")
    src = shipped_with(tmp_path, FEEDBACK, LONGER, website)
    assert src is not None
    result = api.build(src, api.Options(layout="trifold", paper="letter"))
    assert result.ok, [d.format() for d in result.diagnostics if d.is_error]  # (the disclaimer moved inside)
    assert "clearwaterskin.co 14 Harbour Street" in back_text(result)  # (.../book does not show clearwaterskin.co)


@pytest.mark.parametrize("layout", ["trifold", "bifold", "flyer"])
@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_no_word_on_a_folded_leaflet_is_under_8_pt(layout: LayoutName, paper: PaperName) -> None:
    """The disclaimer, the sources and the document details at 8 pt at least, for older readers (they were
    7.5 pt); only citation numbers (superscripts) and the labels inside the skin drawing are smaller."""
    result = result_of(sources(CONTENT, BRAND), api.Options(layout=layout, paper=paper))
    assert result.ok and result.layout is not None
    texts = [t for p in result.layout.pages for t in p.items if isinstance(t, Text)]
    small = [
        (t.text, r.size)
        for t in texts
        for r in t.runs
        if r.text.strip() and r.rise == 0 and r.size < 7.995 and not t.alt
    ]
    assert small == []
    fine = [r.size for t in texts if t.region == "back" for r in t.runs if r.rise == 0 and r.size < 9]
    assert fine and min(fine) == 8.0


def test_a_clinic_of_the_group_that_produced_the_words_is_not_warned(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    """`group:` in brand.yaml names the clinic group that produces the words a clinic prints: a leaflet whose
    document block names that group as producer is not warned (the shipped group's other clinics print
    Clearwater's words); any other producer still is, and the hint says how to name a group."""
    edit(inputs.brand, "name: Test Clinic", "name: Harbour Test Clinic")
    assert run(inputs, "check") == 0
    err = capsys.readouterr().err
    assert "name Test Clinic as producer, but it is built for Harbour Test Clinic" in err
    assert "say so in its brand.yaml: group: Test Clinic" in err
    edit(inputs.brand, "name: Harbour Test Clinic", "name: Harbour Test Clinic\ngroup: Test Clinic")
    assert run(inputs, "check") == 0
    assert "producer" not in capsys.readouterr().err
    edit(inputs.brand, "group: Test Clinic", "group: ''")
    assert run(inputs, "check") == 1
    line, col = position(inputs.brand.read_text(encoding="utf-8"), "group: ''")
    assert f"brand.yaml:{line}:{col}: error: this text is empty [at group]" in capsys.readouterr().err


def test_the_shipped_groups_clinics_print_its_words_without_a_producer_warning() -> None:
    for kit in ("harbour-lane", "elm-park"):
        result = result_of(sources(CONTENT, ROOT / "assets" / "brands" / kit / "brand.yaml"), api.Options())
        assert result.ok and not [d for d in result.diagnostics if "producer" in d.message], kit


@pytest.mark.parametrize("language", ["en-GB", "es", "pl", "vi", "ar"])
def test_a_version_and_a_date_are_never_parted_across_lines(language: str) -> None:
    """'wersja / 1.1.' and 'versión / 1.1.' ended lines, and 'ngày 1 / tháng 12 năm 2026' split a Vietnamese date:
    the tool's words in the version and the dates are joined by no-break spaces (a space of the content's own is
    left as it is)."""
    from brochure.layout.document import document_block

    w, _ = words_for(language)
    for text in (long_date(date(2026, 12, 1), w), month_year(date(2029, 12, 1), w)):
        assert " " not in text, (language, text)
    src = sources(ROOT / ("content.yaml" if language == "en-GB" else f"translations/{language}.yaml"), BRAND)
    block = document_block(src.content, src.brand)
    version = w.version.format(version=src.content.document.version)
    assert version.replace(" ", "\u00a0") in block.plain(), (version, block.plain()[:200])
