"""Hostile and careless input meets clear messages: every link is safe, and every problem a user caused is named
at the key they wrote, with its line and column, in their terms (issue 7, classes 2, 3 and 7)."""

from __future__ import annotations

import io
import re
from functools import cache
from pathlib import Path

import pikepdf
import pytest
from conftest import ROOT, Inputs, edit, fill_inside, position
from helpers import (
    BRAND,
    LINE,
    MAPLE,
    SMALL,
    TEST_BRAND,
    assert_at,
    check,
    page_texts,
    result_of,
    sources,
    the_error,
    uris,
)
from pypdf import PdfReader

from brochure import api
from brochure.cli import main
from brochure.diagnostics import Location
from brochure.geometry.sheet import SHEETS
from brochure.inputs.contact import country_problem
from brochure.inputs.inline import display_url, escape_text, link_markup, to_markup
from brochure.inputs.links import SCHEMES, link_problem
from brochure.preflight.pdf import Where, check_pdf
from brochure.vocabulary import LAYOUTS, TARGETS

BRANDS = {"clearwater": BRAND, "maple-main": MAPLE}


# --- class 3: links ------------------------------------------------------------------------------------------

CONTACT_MISTAKES = {
    "quote-in-website": ("website: https://example.com", 'website: "https://example.com/\\"onclick"', "website"),
    "javascript-booking": (
        "booking_url: https://example.com/book",
        "booking_url: 'https://example.com/\" href=\"javascript:alert(1)'",
        "booking_url",
    ),
    "mailto-as-website": ("website: https://example.com", "website: mailto:a@example.com", "website"),
    "quote-in-email": ("email: hello@example.com", "email: 'hel\"lo@example.com'", "email"),
    "email-with-space": ("email: hello@example.com", "email: hello @example.com", "email"),
    "phone-with-letters": ('phone: "+44 117 496 0321"', 'phone: "+44 117 CALL NOW"', "phone"),
    "phone-too-long": ('phone: "+44 117 496 0321"', 'phone: "+44 117 496 0321 0321 0321"', "phone"),
    "booking-too-long-for-a-qr": (
        "booking_url: https://example.com/book",
        "booking_url: https://example.com/book?" + "a" * 480,
        "booking_url",
    ),
    "user-before-host": ("website: https://example.com", "website: https://example.com@evil.test", "website"),
}


@pytest.mark.parametrize(("old", "new", "key"), CONTACT_MISTAKES.values(), ids=CONTACT_MISTAKES.keys())
def test_a_contact_field_that_makes_no_safe_link_is_an_error_at_its_key(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], old: str, new: str, key: str
) -> None:
    text = edit(inputs.brand, old, new)
    status, errors, _ = check(inputs, capsys)
    assert status == 1
    line = the_error(errors)
    assert_at(line, inputs.brand, text, new.split(": ", 1)[1], f"contact.{key}")
    assert f"is not a valid {key.replace('_', ' ')}: it " in line


def test_a_phone_number_in_brackets_makes_a_tel_link_with_its_country(inputs: Inputs, tmp_path: Path) -> None:
    """A US number written locally, with the clinic's country: printed in the US style, linked as a global
    number (RFC 3966: tel:+1...), as a phone abroad or a softphone needs it."""
    edit(inputs.brand, 'phone: "+44 117 496 0321"', 'phone: "(802) 555-0148"')
    edit(inputs.brand, "name: Test Clinic\n", "name: Test Clinic\ncountry: US\n")
    out = tmp_path / "x.pdf"
    assert main(["build", "--content", str(inputs.content), "--brand", str(inputs.brand), "-o", str(out)]) == 0
    assert "tel:+18025550148" in uris(out.read_bytes())
    assert "(802) 555-0148" in page_texts(out.read_bytes())[0]


def test_a_local_number_without_a_country_is_an_error_at_the_number(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    text = edit(inputs.brand, 'phone: "+44 117 496 0321"', 'phone: "(802) 555-0148"')
    status, errors, _ = check(inputs, capsys)
    line = the_error(errors)
    assert status == 1 and "has no country code" in line and "country: GB" in line
    assert_at(line, inputs.brand, text, '"(802) 555-0148"', "contact.phone")


@pytest.mark.parametrize(
    ("country", "said", "hint"),
    [
        ("UK", "'UK' is not a country code", "GB"),
        ("AQ", "'AQ' is a country code, but no phone numbering plan belongs to it", "with its country code"),
    ],
    ids=["not-a-country", "no-numbering-plan"],
)
def test_a_country_that_is_not_one_or_has_no_numbering_plan_is_an_error_saying_which(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], country: str, said: str, hint: str
) -> None:
    """AQ (Antarctica) is an ISO 3166 code, but phone numbers have no plan of its own: it was 'not a country code'."""
    text = edit(inputs.brand, "name: Test Clinic\n", f"name: Test Clinic\ncountry: {country}\n")
    status, errors, _ = check(inputs, capsys)
    line = the_error(errors)
    assert status == 1 and said in line and hint in line, line
    assert ("not a country code" in line) == (country == "UK"), line
    assert_at(line, inputs.brand, text, country, "country")
    assert country_problem("bv")[0].startswith("'BV' is a country code")  # (Bouvet Island: no plan either)


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("AUS", "AU"),
        ("IRL", "IE"),
        ("GBR", "GB"),
        ("usa", "US"),
        ("UK", "GB"),
        ("United Kingdom", "GB"),  # (a country by its name: none was suggested, or the nearest spelling of its
        ("wales", "GB"),  # letters)
        ("South  Korea", "KR"),
        ("Ireland", "IE"),
    ],
)
def test_a_three_letter_country_code_or_a_name_suggests_its_two_letters(written: str, meant: str) -> None:
    """ISO's three-letter codes are common in clinic data: GBR is GB, not the nearest spelling (GR, Greece); a
    clinic owner writes her country's name ('United Kingdom', 'Wales'), which got no suggestion."""
    problem, hint = country_problem(written)
    assert problem == f"'{written}' is not a country code"
    assert hint.startswith(f"did you mean {meant}? ")
    assert not country_problem("Narnia")[1].startswith("did you mean")


def test_a_content_tel_link_must_be_a_global_number() -> None:
    assert "global phone number" in link_problem("tel:01174960321")
    assert link_problem("tel:+441174960321") == ""


def test_a_tel_link_no_phone_can_dial_is_refused() -> None:
    """`tel:+44999` (a country code before an emergency number) passed, a link that dials nothing: a number is read
    as the kit's own phone number is, and one that is no number anywhere is refused."""
    assert link_problem("tel:+44999") == "is not a valid phone number in GB (+44)"
    assert link_problem("tel:+3531234") == "is not a valid phone number in IE (+353)"
    assert link_problem("tel:+18025550148") == "" and link_problem("tel:+33142685300") == ""


@pytest.mark.parametrize("number", ["999", "911", "112", "1-1-1", "116123", "01174960321"])
def test_a_tel_link_without_a_country_code_says_what_to_do_for_every_kind_of_number(number: str) -> None:
    """`[999](tel:999)` was told to write the number with its country code, 'e.g. tel:+441174960321' (the clinic's
    own number): an emergency or helpline number has no global form. The message says both ways: a country code, or
    the number in the words without a link; it gives no number of its own as the example."""
    problem = link_problem(f"tel:{number}")
    assert problem.startswith("is not a global phone number") and "without a link" in problem and "116 123" in problem
    assert "441174960321" not in problem


def test_a_percent_sign_is_an_escape_in_a_web_address_and_refused_in_a_mail_address() -> None:
    """`/es%` is no address (a browser reads '%' as an escape); in a mail address a '%' is refused as it is, not told
    to be written %25 (the leaflet would print that), and `care%de@` would mail another address."""
    assert "a '%' that is not followed by two hex digits" in link_problem("https://example.com/es%")
    assert link_problem("https://example.com/es%20b") == ""
    for address in ("mailto:care%q@example.com", "mailto:care%de@example.com"):
        assert link_problem(address).startswith("is not an e-mail address"), address


def test_one_escaping_function_prints_every_character_and_never_opens_an_attribute() -> None:
    assert escape_text("a & b < c > \"d\" 'e'") == "a &amp; b &lt; c &gt; &quot;d&quot; &#39;e&#39;"
    assert link_markup("x", 'https://a.com/" onclick="x', "#000000") == "x"  # an unsafe target makes no link
    assert link_markup("x", "javascript:alert(1)") == "x"
    assert (
        link_markup("x", "https://a.com/?p=1&q=2", "#000000")
        == '<a href="https://a.com/?p=1&amp;q=2" color="#000000">x</a>'
    )
    assert link_markup("x", "https://a.com", live=False) == "x"
    assert to_markup("[x](javascript:alert(1))") == "x"
    assert display_url("https://clinic.co.uk/book/?src=leaflet#top") == "clinic.co.uk/book"
    assert display_url("http://clinic.co.uk/") == "clinic.co.uk"


def test_a_brand_name_with_markup_characters_prints_as_written(inputs: Inputs) -> None:
    edit(inputs.brand, "name: Test Clinic", "name: 'Test <b>Clinic</b> & \"Co\"'")
    src, diags = api.load(inputs.content, inputs.brand)
    assert src is not None, diags
    result = api.build(src, api.Options())
    assert result.ok and result.pdf
    assert 'Test <b>Clinic</b> & "Co"' in PdfReader(io.BytesIO(result.pdf)).pages[0].extract_text()


@pytest.mark.parametrize(
    ("written", "address"),
    [("Test [Co](https://x.y)", "1 [High] Street (rear)"), ("Test [Co](https://example.com)", "**Unit 4**, Leeds")],
)
def test_a_brand_name_or_address_that_looks_like_a_link_prints_as_written(
    inputs: Inputs, written: str, address: str
) -> None:
    """The name and contact lines are printed as written, so what looks like a link in them is words: not checked as
    a link (an invalid one was an error at the name, a valid one printed as written anyway)."""
    edit(inputs.brand, "name: Test Clinic", f"name: '{written}'")
    edit(inputs.brand, "address: 1 High Street, Bristol", f"address: '{address}'")
    src, diags = api.load(inputs.content, inputs.brand)
    assert src is not None, [d.format() for d in diags]
    result = api.build(src, api.Options())
    assert result.ok and result.pdf
    printed = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(result.pdf)).pages)
    assert written in printed and address in printed


def test_a_character_the_fonts_lack_in_what_looks_like_a_links_address_in_a_name_is_found(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    """The name prints as written, brackets and all: the character check reads it as written too (read as Markdown,
    the snowman was the address of a link, dropped, and printed as an empty box)."""
    text = edit(inputs.brand, "name: Test Clinic", "name: 'Test [Clinic](\u2603)'")
    status, errors, _ = check(inputs, capsys)
    assert status == 1 and len(errors) == 1, errors
    assert_at(errors[0], inputs.brand, text, "'Test [Clinic](\u2603)'", "name")
    assert "U+2603 SNOWMAN" in errors[0]


def _retarget_links(pdf: bytes, action: pikepdf.Dictionary) -> bytes:
    doc = pikepdf.open(io.BytesIO(pdf))
    for page in doc.pages:
        for annot in page.obj.get("/Annots", []):
            annot.A = action
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    "action",
    [
        {"/S": "/URI", "/URI": "javascript:app.alert(1)"},
        {"/S": "/URI", "/URI": "file:///etc/passwd"},
        {"/S": "/Launch", "/F": "calc.exe"},
        {"/S": "/JavaScript", "/JS": "app.alert(1)"},
        {"/S": "/GoToR", "/F": "other.pdf"},
        {"/S": "/SubmitForm", "/F": "https://evil.test"},
    ],
    ids=["javascript-uri", "file-uri", "launch", "javascript", "gotor", "submitform"],
)
def test_the_pdf_guard_refuses_any_link_but_web_mail_and_phone(action: dict[str, str]) -> None:
    pdf = _office_pdf()
    assert uris(pdf)
    objects = {k: (pikepdf.Name(v) if k == "/S" else pikepdf.String(v)) for k, v in action.items()}
    bad = _retarget_links(pdf, pikepdf.Dictionary(objects))
    where = Where(*(Location(str(ROOT / "content.yaml"), 1, 1) for _ in range(3)))
    diags = check_pdf(bad, SHEETS["trifold"]("a4", "office", False), where)
    assert diags and all(d.is_error and "this is a bug" in d.hint for d in diags)


def test_the_pdf_guard_refuses_a_link_off_its_page() -> None:
    doc = pikepdf.open(io.BytesIO(_office_pdf()))
    for page in doc.pages:
        for annot in page.obj.get("/Annots", []):
            annot.Rect = pikepdf.Array([-500, -500, -400, -400])
    out = io.BytesIO()
    doc.save(out)
    where = Where(*(Location(str(ROOT / "content.yaml"), 1, 1) for _ in range(3)))
    diags = check_pdf(out.getvalue(), SHEETS["trifold"]("a4", "office", False), where)
    assert diags and all("outside the page" in d.message and "this is a bug" in d.hint for d in diags)


@cache
def _office_pdf() -> bytes:
    pdf = api.build(*_shipped("clearwater", "trifold", "office")).pdf
    assert pdf is not None
    return pdf


def _shipped(brand: str, layout: str, target: str) -> tuple[api.Sources, api.Options]:
    return sources(ROOT / "content.yaml", BRANDS[brand]), api.Options(layout=layout, target=target)


BUILDS = [(b, lay, t) for b in BRANDS for lay in LAYOUTS for t in TARGETS] + [
    ("test", lay, "office") for lay in LAYOUTS
]


def test_every_link_of_every_shipped_build_is_safe_and_on_its_page() -> None:
    """2 brands x 3 layouts x 2 targets of the shipped leaflet, and the test brand: every link annotation opens
    an https:, http:, mailto: or tel: address that passes the link check, and lies inside its page."""
    seen = 0
    for brand, layout, target in BUILDS:
        if brand == "test":
            src, diags = api.load(SMALL, TEST_BRAND)
            assert src is not None, diags
            options = api.Options(layout=layout, target=target)
        else:
            src, options = _shipped(brand, layout, target)
        result = result_of(src, options)  # (the shipped builds: shared with the tests that read them too)
        assert result.ok and result.pdf, [d.format() for d in result.diagnostics]
        with pikepdf.open(io.BytesIO(result.pdf)) as doc:
            for page in doc.pages:
                x0, y0, x1, y1 = (float(v) for v in page.mediabox)
                for annot in page.obj.get("/Annots", []):
                    assert annot.Subtype == "/Link" and annot.A.S == "/URI", (brand, layout, target)
                    uri = str(annot.A.URI)
                    assert uri.split(":", 1)[0] in SCHEMES and link_problem(uri) == "", uri
                    left, bottom, right, top = (float(v) for v in annot.Rect)
                    assert x0 <= left <= right <= x1 and y0 <= bottom <= top <= y1, (uri, brand, layout, target)
                    seen += 1
    assert seen >= 30  # the office builds link the booking page, phone, e-mail, website and content links


# --- class 7: the cover and the back -----------------------------------------------------------------------

KICKER = " ".join(["word"] * 110)
LEAD = "How micro-needling works, what it can and cannot do, and what to expect before and after treatment."


@pytest.mark.parametrize("layout", ["trifold", "bifold", "flyer"])
def test_a_long_kicker_does_not_fit_the_cover_and_says_so_at_its_key(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], layout: str
) -> None:
    text = edit(inputs.content, "sections:\n", f"cover:\n  kicker: {KICKER}\n  lead: {LEAD}\nsections:\n")
    status, errors, _ = check(inputs, capsys, "--layout", layout)
    assert status == 1
    line = the_error(errors)
    assert_at(line, inputs.content, text, KICKER, "cover.kicker")
    assert "the cover's words do not fit" in line and re.search(r": \d+\.\d mm too tall \(", line)
    assert "hint: shorten the kicker" in line


@pytest.mark.parametrize(
    ("key", "old", "new"),
    [
        ("subtitle", "subtitle: for acne scars", "subtitle: " + "for acne scars and dark patches " * 12),
        ("title", "title: Micro-needling", "title: " + "Micro-needling for scars " * 8),
        ("cover.lead", "sections:\n", "cover:\n  lead: " + "How it works and what it does. " * 30 + "\nsections:\n"),
    ],
    ids=["subtitle", "title", "lead"],
)
def test_long_cover_words_are_named_at_the_longest_text(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], key: str, old: str, new: str
) -> None:
    text = edit(inputs.content, old, new)
    status, errors, _ = check(inputs, capsys)
    assert status == 1
    line = the_error(errors)
    assert_at(line, inputs.content, text, new.split(": ", 1)[1].strip(), key)
    assert "the cover's words do not fit" in line and "mm too tall (tri-fold, a4)" in line


def test_a_word_too_long_for_the_cover_is_named_at_the_title(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    text = edit(inputs.content, "title: Micro-needling", "title: Supercalifragilisticexpialidociousmicroneedling")
    status, errors, _ = check(inputs, capsys)
    assert status == 1
    line = the_error(errors)
    assert_at(line, inputs.content, text, "Supercalifragilistic", "title")
    assert "a word in the title is" in line and "too long for its line on the cover" in line


def test_a_word_too_long_is_said_with_the_words_that_spill_over(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    """Words that do not fit were the one error said: the word too long in a section placed before them was said
    only once they were cut (a translator fixed one and met the next). Both are said at once, each where it is."""
    long = "Mikronadelungsbehandlungsvorbereitungsanweisungsdokumentationsblatt"
    edit(inputs.content, "Fine needles make", f"Fine {long} make")
    more = (
        "\n  - id: more\n    heading: More\n    blocks:\n"
        + ('      - text: "' + "More words to overflow the panel. " * 40 + '"\n') * 5
    )
    text = edit(inputs.content, "  - id: risks", more + "  - id: risks")
    status, errors, _ = check(inputs, capsys)
    assert status == 1 and len(errors) == 2, errors
    spill, word = sorted(errors, key=lambda e: "spills" not in e)
    assert "the words do not fit: from section 'more' on" in spill
    assert_at(word, inputs.content, text, f'"Fine {long}', "sections[0].blocks[0].text")
    assert "a word is" in word and f"too long for its column in 'what-is-it' ('{long[:30]}" in word


def test_a_word_too_long_for_the_backs_sources_is_named_at_the_source_it_is_in(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Of the sources printed in short on the back, the one with the longest word is named (not the longest)."""
    inputs = Inputs(tmp_path / "content.yaml", BRAND)
    inputs.content.write_text((ROOT / "content.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    long = "JAMA-Dermatol-2014;150(8):844-9-" + "x" * 80
    old = 'short: "Alam M et al. JAMA Dermatol. 2014;150(8):844-9."'
    edit(inputs.content, old, f'short: "Alam M. {long}"')
    longest = 'short: "Litchman G et al. Microneedling. StatPearls (NCBI Bookshelf)."'
    text = edit(inputs.content, longest, longest[:-2] + " Updated often, and read by many." * 2 + '"')
    status, errors, _ = check(inputs, capsys)
    assert status == 1
    line = the_error(errors)
    assert_at(line, inputs.content, text, '"Alam M. JAMA', "references[1].short")
    assert "a word in the sources is" in line and "too long for its line on the back" in line


SOURCE = "A source. " * 390


@pytest.mark.parametrize(
    ("old", "new", "value", "key"),
    [
        (
            'disclaimer: "General',
            'disclaimer: "' + "General information only. " * 60 + "General",
            "disclaimer: >",
            "disclaimer",
        ),
        (
            'text: "We will',
            'text: "' + "We will check. " * 200 + "We will",
            'text: >"We will check. We',
            "call_to_action.text",
        ),
        (
            'disclaimer: "General information only."\n',
            'disclaimer: "General information only.[^short][^long]"\nreferences:\n  - {id: short, text: "Short."}\n'
            '  - {id: long, text: "' + SOURCE + '"}\n',
            'text: >"' + SOURCE,
            "references[1].text",
        ),
    ],
    ids=["disclaimer", "call-to-action", "longest-reference"],
)
def test_an_overfull_back_is_named_at_its_tallest_text(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], old: str, new: str, value: str, key: str
) -> None:
    """`value` is a unique stretch of the file, '>' marking where the text's value starts. (The inside nearly full:
    the back's fine print cannot end the words instead; the call to action too long for the back without it.)"""
    fill_inside(inputs)
    text = edit(inputs.content, old, new)
    status, errors, _ = check(inputs, capsys)
    assert status == 1
    line = the_error(errors)
    assert_at(line, inputs.content, text, value.replace(">", ""), key, offset=value.index(">"))
    assert "the back region is over-full by" in line and "(tri-fold, a4)" in line


def test_a_website_too_long_for_its_line_is_named_in_the_brand(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    site = "https://a-very-long-clinic-domain-name-for-a-line.example.com/and/a/long/path"
    text = edit(inputs.brand, "website: https://example.com", f"website: {site}")
    status, errors, _ = check(inputs, capsys)
    assert status == 1 and errors
    for line in errors:
        assert_at(line, inputs.brand, text, site, "contact.website")
        assert "too wide for its line" in line


# --- class 7: the QR code, glyphs, labels, the kicker, empty layouts ------------------------------------------


def test_a_white_press_text_colour_is_named_at_the_colour_and_the_qr_code_still_reads(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    """The words in paper white are unreadable, said at the press colour's own line; the QR code prints in 100 % K
    whatever the text's colour, so it is no cause of its own."""
    text = edit(
        inputs.brand, "    primary: [85, 35, 40, 25]\n", "    primary: [85, 35, 40, 25]\n    text: [0, 0, 0, 0]\n"
    )
    status, errors, _ = check(inputs, capsys, "--target", "press")
    assert status == 1
    assert errors and all("[at colors.cmyk.text]" in e for e in errors), errors
    assert not [e for e in errors if "QR code" in e or "this is a bug" in e]
    assert "under 4.5:1" in errors[0]
    assert_at(errors[0], inputs.brand, text, "[0, 0, 0, 0]", "colors.cmyk.text")  # the press colour's own line


def test_a_light_text_colour_on_a_dark_background_makes_an_unreadable_qr_code(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(inputs.brand, 'text: "#1F2A2E"', 'text: "#F4F4F4"')
    text = edit(inputs.brand, 'background: "#FFFFFF"', 'background: "#000000"')
    status, errors, _ = check(inputs, capsys)
    assert status == 1
    (line,) = [e for e in errors if "QR code" in e]
    assert_at(line, inputs.brand, text, '"#F4F4F4"', "colors.text")
    assert "this is a bug" not in line


@pytest.mark.parametrize(
    ("old", "new", "needle", "key"),
    [
        ("name: Test Clinic", "name: Test Clinic ✓", "Test Clinic ✓", "name"),
        ("address: 1 High Street, Bristol", "address: 1 High Street ✓ Bristol", "1 High Street ✓", "contact.address"),
    ],
    ids=["name", "address"],
)
def test_a_glyph_missing_from_a_brand_string_is_named_at_its_line(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], old: str, new: str, needle: str, key: str
) -> None:
    text = edit(inputs.brand, old, new)
    status, errors, _ = check(inputs, capsys)
    assert status == 1
    line = the_error(errors)
    assert_at(line, inputs.brand, text, needle, key)
    assert "no glyph for '✓' (U+2713" in line


ILLUSTRATION = """      - illustration:
          name: skin-section
          labels:
            epidermis: Epidermis
            dermis: {dermis}
"""


def test_a_label_too_long_for_the_drawing_is_named_at_its_key(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    label = "The dermis, the thick layer of living tissue under the epidermis where new collagen is made"
    text = edit(inputs.content, "      - cards:\n", ILLUSTRATION.format(dermis=label) + "      - cards:\n")
    status, errors, _ = check(inputs, capsys)
    assert status == 1
    line = the_error(errors)
    assert_at(line, inputs.content, text, label, "sections[0].blocks[1].illustration.labels.dermis")
    assert "too wide for the drawing beside it" in line


def test_a_one_word_label_too_wide_is_named_alone_and_said_not_to_break(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    """A word too long for the drawing's side even at 7 pt is the only label named, as a word that cannot break (it
    was said to be too wide "on two lines", and made a label of five words that fits on two lines an error too)."""
    labels = ILLUSTRATION.format(dermis="The deeper supporting layer, the dermis").replace(
        "epidermis: Epidermis", "epidermis: Hypergranulosiskeratinocytesandmoremore"
    )
    edit(inputs.content, "      - cards:\n", labels + "      - cards:\n")
    status, errors, _ = check(inputs, capsys)
    assert status == 1
    line = the_error(errors)  # (the one error)
    assert "labels.epidermis" in line and "even at 7 pt [at " in line and "(hint: use a shorter word" in line, line


def test_a_short_label_fits_the_drawing(inputs: Inputs, capsys: pytest.CaptureFixture[str]) -> None:
    edit(inputs.content, "      - cards:\n", ILLUSTRATION.format(dermis="Dermis (living skin)") + "      - cards:\n")
    assert check(inputs, capsys)[:2] == (0, [])


def test_the_kicker_is_checked_for_glyphs_as_it_is_printed_in_capitals(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    text = edit(inputs.content, "sections:\n", "cover:\n  kicker: Needles of 500 µm\nsections:\n")
    status, errors, _ = check(inputs, capsys)
    assert status == 1
    line = the_error(errors)
    assert_at(line, inputs.content, text, "Needles of 500 µm", "cover.kicker")
    assert "U+039C GREEK CAPITAL LETTER MU" in line and "printed in capitals" in line


def test_a_character_the_kicker_lacks_as_written_and_in_capitals_is_said_once(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    """A snowman is its own capital: the kicker checked as written and as printed in capitals names it once."""
    text = edit(inputs.content, "sections:\n", "cover:\n  kicker: Patient \u2603 information\nsections:\n")
    status, errors, _ = check(inputs, capsys)
    assert status == 1 and len(errors) == 1, errors
    assert_at(errors[0], inputs.content, text, "Patient \u2603 information", "cover.kicker")
    assert "U+2603 SNOWMAN" in errors[0]


def test_the_kicker_takes_inline_marks_and_prints_capitals(inputs: Inputs, tmp_path: Path) -> None:
    edit(inputs.content, "sections:\n", 'cover:\n  kicker: "**Patient** information, Straße"\nsections:\n')
    out = tmp_path / "x.pdf"
    assert main(["build", "--content", str(inputs.content), "--brand", str(inputs.brand), "-o", str(out)]) == 0
    page = PdfReader(out).pages[0].extract_text()
    assert "PATIENT INFORMATION, STRASSE" in page and "*" not in page


def test_a_trifold_with_no_section_inside_is_an_error_naming_the_layout(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(inputs.content, "  - id: what-is-it\n", "  - id: what-is-it\n    layouts: [bifold]\n")
    text = edit(inputs.content, "  - id: risks\n", "  - id: risks\n    layouts: [bifold]\n")
    status, errors, _ = check(inputs, capsys)
    assert status == 1
    line = the_error(errors)
    assert_at(line, inputs.content, text, "- id: what-is-it", "sections", offset=2)
    assert "no section flows through the tri-fold's main panels" in line and "hint: add trifold to" in line
    assert check(inputs, capsys, "--layout", "bifold")[0] == 0


def test_a_trifold_whose_sections_are_all_on_the_flap_says_to_move_one_inside(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every section placed on the flap leaves the inside empty: the hint names the placed section and its
    'place:' (it used to say only "add trifold to the 'layouts:' list", which these sections do not have)."""
    text = edit(inputs.content, "  - id: what-is-it\n", "  - id: what-is-it\n    place: flap\n")
    status, errors, _ = check(inputs, capsys)
    assert status == 1
    line = the_error(errors)
    at = position(text, "- id: what-is-it")[0]
    assert "no section flows through the tri-fold's main panels" in line
    assert f"hint: let a section flow inside: section 'what-is-it' (line {at}) is placed on the flap" in line


def test_an_empty_flap_is_a_warning(inputs: Inputs, capsys: pytest.CaptureFixture[str]) -> None:
    edit(inputs.content, "    place: flap\n", "")
    status = main(["check", "--content", str(inputs.content), "--brand", str(inputs.brand)])
    err = capsys.readouterr().err
    assert status == 0
    (line,) = err.splitlines()
    assert "warning: the tri-fold's flap panel is empty" in line and "[at sections]" in line


# --- class 2: far too many words end at once, in the user's terms ------------------------------------------

PARAGRAPH = ("Fine needles make tiny pricks that heal and build collagen over weeks. " * 60)[:3900]  # under the caps


@pytest.mark.parametrize(
    "blocks",
    [
        "".join(f'  - id: s{i}\n    heading: Part {i}\n    blocks:\n      - text: "{PARAGRAPH}"\n' for i in range(15)),
        "  - id: s0\n    heading: Lots\n    blocks:\n      - bullets:\n"
        + "".join(f'          - "{PARAGRAPH[:290]}"\n' for _ in range(200)),
    ],
    ids=["15-sections-of-4000-characters", "200-bullets-of-300-characters"],
)
def test_words_far_too_many_for_the_layout_end_with_the_overflow_error(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], blocks: str
) -> None:
    edit(inputs.content, "sections:\n", "sections:\n" + blocks)
    for layout in LAYOUTS:
        status, errors, _ = check(inputs, capsys, "--layout", layout)
        assert status == 1
        line = the_error(errors)
        assert "the words do not fit: from section 's" in line and "at least " in line, line
        assert re.search(r"\[at sections\[\d+\]\] \(hint: cut at least \d+ words", line), line
        assert LINE.match(line)


def test_a_phone_number_with_no_break_spaces_reads_as_written_with_spaces(inputs: Inputs, tmp_path: Path) -> None:
    """A number copied from a web page keeps its no-break spaces (U+00A0, U+202F): it was refused as 'not a valid
    phone', looking just like the example in the hint; now it reads as the same number written with spaces."""
    edit(inputs.brand, 'phone: "+44 117 496 0321"', 'phone: "+44\u00a0117\u202f496\u00a00321"')
    out = tmp_path / "x.pdf"
    assert main(["build", "--content", str(inputs.content), "--brand", str(inputs.brand), "-o", str(out)]) == 0
    assert "tel:+441174960321" in uris(out.read_bytes())


def test_an_address_written_on_several_lines_prints_on_one_with_commas(inputs: Inputs, tmp_path: Path) -> None:
    """A YAML block (`|`) keeps the address's line breaks, which printed as bare spaces ('14 Harbour Street Bristol
    BS1 4QA'): each is a comma now, and a long address keeps its postcode whole on one line."""
    text = inputs.brand.read_text(encoding="utf-8")
    start = text.index("  address: ")
    end = text.index("\n", start)
    long = "Unit 14B, The Old Sugar Refinery Business Park, Harbourside Industrial Estate, Canons Marsh Road"
    block = f"  address: |\n    {long}\n    City of Bristol BS1 4QA,\n    United Kingdom"
    inputs.brand.write_text(text[:start] + block + text[end:], encoding="utf-8")
    out = tmp_path / "x.pdf"
    assert main(["build", "--content", str(inputs.content), "--brand", str(inputs.brand), "-o", str(out)]) == 0
    printed = " ".join(page_texts(out.read_bytes())).replace("\u00a0", " ")
    flat = " ".join(printed.split())
    assert f"{long}, City of Bristol BS1 4QA, United Kingdom" in flat, flat[-600:]


def test_an_address_in_arabic_letters_on_several_lines_is_joined_with_the_arabic_comma() -> None:
    """'شارع الميناء 14, بريستول': a Latin comma between Arabic words; the Arabic comma reads as written."""
    from brochure.inputs.contact import one_line_address

    assert one_line_address("شارع الميناء 14\nبريستول BS1 4QA") == "شارع الميناء 14\u060c بريستول BS1 4QA"
    assert one_line_address("شارع الميناء 14\u060c\nبريستول") == "شارع الميناء 14\u060c بريستول"  # (its own kept)
    assert one_line_address("14 Harbour Street\nBristol") == "14 Harbour Street, Bristol"
    bilingual = "Office 1203, Al Wasl Tower\nSheikh Zayed Road\nDubai\n(مركز الجلد)"  # (mostly Latin letters)
    assert one_line_address(bilingual) == "Office 1203, Al Wasl Tower, Sheikh Zayed Road, Dubai, (مركز الجلد)"


def test_an_address_keeps_its_postcode_whole_at_any_width() -> None:
    """'City of Bristol BS1' / '4QA, United Kingdom': a postcode inside a long address was parted at the line's
    end (only the last two words were held together). At every width, ReportLab's lines never part one."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    from brochure.layout.back import last_words_kept

    style = ParagraphStyle("a", fontName="Helvetica", fontSize=9, leading=11)
    for address, code in [
        ("Unit 14B, Harbourside Industrial Estate, City of Bristol BS1 4QA, United Kingdom", "BS1 4QA"),
        ("Suite 200, 1 Main Street, Ottawa ON K1A 0B1, Canada", "K1A 0B1"),
        ("2 Church Street, Burlington, VT 05401, United States", "VT 05401"),
        ("Herengracht 500, Grachtengordel-West, 1017 CB Amsterdam, Nederland", "1017 CB"),
        ("Drottninggatan 25, Norrmalm, 111 51 Stockholm, Sverige", "111 51"),
        ("Unit 4, Grand Canal Dock Business Quarter, Dublin 2, D02 X285, Ireland", "D02 X285"),
    ]:
        parted = []
        for width in range(100, 400, 3):  # (a contact line is at least 40 mm wide)
            p = Paragraph(last_words_kept(address, style, width), style)
            p.wrap(width, 1000)
            lines = [" ".join(words).replace("\u00a0", " ") for _, words in p.blPara.lines]
            if not any(code in line for line in lines):
                parted.append(width)
        assert parted == [], (address, parted)
    for width in range(100, 400, 3):  # a postcode held at the end is the last words held: not the word before too
        assert "Bristol\u00a0" not in last_words_kept("3 Harbour Lane, Bristol BS1 5TT", style, width), width


@pytest.mark.parametrize(
    ("url", "said"),
    [
        (
            "https://clearwater\u00adskin.co.uk/nachsorge",
            "has characters outside ASCII, the first U+00AD SOFT HYPHEN after '//clearwater' (it does not show: "
            "remove it)",
        ),
        (
            "https://bücher.de/x",
            "has characters outside ASCII, the first 'ü' (U+00FC LATIN SMALL LETTER U WITH DIAERESIS) after "
            "'https://b' (percent-encode them, and write the domain in its xn-- form)",
        ),
    ],
)
def test_a_link_with_a_character_outside_ascii_names_it(url: str, said: str) -> None:
    """'link target 'https://clearwater­skin.co.uk/nachsorge' has characters outside ASCII' looked like a good
    address in a terminal: its soft hyphen shows nothing (a German translator's finding). The first such character
    is named, where it is; one that does not show is to be removed."""
    assert link_problem(url) == said


def test_a_word_too_long_is_said_with_words_far_too_many(inputs: Inputs, capsys: pytest.CaptureFixture[str]) -> None:
    """Words at least twice the room they have are said at once, from a lower bound of their height; what the
    frames held of them before was not looked at, and a word too long in the sections before went unsaid."""
    long = "Pneumonoultramicroscopicsilicovolcanoconiosisxxxxxxxxxxxx"
    edit(inputs.content, "Fine needles make", f"Fine {long} make")
    more = (
        "\n  - id: more\n    heading: More\n    blocks:\n"
        + ('      - text: "' + "Extra words to overflow the panels of this leaflet. " * 50 + '"\n') * 12
    )
    edit(inputs.content, "  - id: risks", more + "  - id: risks")
    status, errors, _ = check(inputs, capsys)
    assert status == 1 and len(errors) == 2, errors
    assert any("the words do not fit: from section 'more' on, at least " in e for e in errors), errors
    assert any(f"too long for its column in 'what-is-it' ('{long[:30]}" in e for e in errors), errors
