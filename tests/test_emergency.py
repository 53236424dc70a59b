"""Emergency numbers: words written for one country's patients, built for a clinic in another, are warned at the
line that gives a number patients there cannot call."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Inputs, edit, position
from helpers import CONTENT, MAPLE, ROOT, cli, result_of, sources

from brochure import api
from brochure.inputs.brand import load_brand
from brochure.inputs.content import load_content
from brochure.preflight.checks import ambulance, emergency_numbers, foreign_numbers

EN_US = ROOT / "translations" / "en-US.yaml"


def test_the_uk_words_built_for_the_us_clinic_are_warned_at_999_and_nhs_111(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, _, err = cli(capsys, "check", "--brand", str(MAPLE))
    assert status == 0  # a warning: the words are valid, the pairing is for the clinic to decide
    text = CONTENT.read_text(encoding="utf-8")
    for number, needle in (("111", '"**Out of hours**, call NHS 111"'), ("999", '"**Call 999** if your face')):
        line, col = position(text, needle)
        assert (
            f"content.yaml:{line}:{col}: warning: the words give {number}, a number to call for urgent help "
            "elsewhere, but the clinic is in US (country: US in brand.yaml), where it is no number to call "
            "(an ambulance there: 911)"
        ) in err
    assert "translations/en-US.yaml adapts the en-GB words" in err
    line, col = position(text, '"Acne scars are harmless')  # ("... not usually available on the NHS")
    assert (
        f"content.yaml:{line}:{col}: warning: the words name the NHS, the UK's health service, but the clinic is in US"
        " (country: US in brand.yaml): its patients have another"
    ) in err
    assert err.count("the NHS, the UK's health service") == 1  # (not again at "call NHS 111": said at its number)


@pytest.mark.parametrize(
    ("content", "brand"),
    [(CONTENT, ROOT / "assets" / "brand.yaml"), (EN_US, MAPLE)],
    ids=["uk-words-uk-clinic", "us-words-us-clinic"],
)
def test_words_built_for_their_own_country_are_not_warned(content: Path, brand: Path) -> None:
    result = result_of(sources(content, brand), api.Options())
    assert result.ok
    assert not [d for d in result.diagnostics if "urgent help" in d.message]


def test_the_clinics_country_is_its_phone_numbers_when_the_kit_does_not_say(inputs: Inputs) -> None:
    edit(inputs.content, '"Redness for 1 to 3 days"', '"Redness for 1 to 3 days"\n          - "Call 999 at once"')
    kit, _ = load_brand(inputs.brand)
    words, _ = load_content(inputs.content)
    assert kit is not None and words is not None and kit.clinic_country()[0] == "GB"
    assert foreign_numbers(words, kit) == []  # a UK phone number: 999 is the UK's
    edit(inputs.brand, 'phone: "+44 117 496 0321"', 'phone: "+1 802 555 0148"')
    kit, _ = load_brand(inputs.brand)
    assert kit is not None and kit.clinic_country()[0] == "US"
    ((number, at),) = foreign_numbers(words, kit)
    line, col = position(inputs.content.read_text(encoding="utf-8"), '"Call 999 at once"')
    assert (number, at.line, at.column) == ("999", line, col)
    src, _ = api.load(inputs.content, inputs.brand)
    assert src is not None
    (d,) = [d for d in api.build(src, api.Options()).diagnostics if "urgent help" in d.message]
    assert "(the country of contact.phone, US in brand.yaml)" in d.message


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Call 999 now", ["999"]),
        ("Ring ٩٩٩ or 112", ["999"]),  # Arabic-Indic digits read as theirs; 112 is dialled in the US too
        ("Price: 10 000 zł, or 1,000 or 1.000.000", []),  # grouped digits are one number, not 000
        ("Tel. 0117 496 0321; ref 9990", []),
        ("NHS 111, then 000", ["111", "000"]),
        ("(999) or 999.", ["999"]),  # (once a text)
        ("Call 999\u2014do not wait, or 999/911", ["999"]),  # (an em dash closed up, a slash: as US words write them)
        ("From $999 or £111; code DP-999; 100–111 days; 999 % of 111th; 999mg", []),  # no number to call
        ("Alam M. 2014;150(8):999-1003, volume 111(8)", []),  # a reference's pages and issue
        ("Arabic grouping: ١٬٠٠٠ and 1٬000", []),
        ("1-800-111-2345 (toll free)", []),
        ("Ring 9 9 9, or 1\u00a01\u00a02", ["999 (written 9 9 9)"]),  # spaced to be read out (112: US too)
        ("اتصل بالرقم ٩ ٩ ٩", ["999 (written ٩ ٩ ٩)"]),
        ("Call 999, or 9 9 9", ["999"]),  # (once a text, as first written)
        ("Tel. 0 117 496 0321; 1 2 3 4; 1.1.1; 1,1,1; 9 99", []),  # spaced, but not three digits one by one
        ("Tarda ٢٫٥ ساعة، ١,٥ o ٩ ٩", []),  # (Arabic-Indic digits with a decimal point, two spaced: no number)
        ("If in doubt, call 9-9-9", ["999 (written 9-9-9)"]),  # hyphenated to be read out one by one
        ("Set 1-1-1-1; code DP-9-9-9; 1-3 days; 9-9-99", []),  # (four, a code, a range: no number to call)
    ],
)
def test_only_whole_numbers_that_are_emergency_numbers_elsewhere_are_found(
    inputs: Inputs, text: str, found: list[str]
) -> None:
    edit(inputs.content, '"Redness for 1 to 3 days"', f'"{text}"')
    edit(inputs.brand, 'phone: "+44 117 496 0321"', 'phone: "+1 802 555 0148"')
    kit, _ = load_brand(inputs.brand)
    words, _ = load_content(inputs.content)
    assert kit is not None and words is not None
    assert [n for n, _ in foreign_numbers(words, kit)] == found


def test_every_text_that_gives_the_number_is_named_not_only_the_first(inputs: Inputs) -> None:
    """A price of 999 before 'Call 999' neither hides the real one nor is warned itself; two texts that tell
    patients to call 999 are both named (a user who fixes the first must not print the second)."""
    bullets = '"Redness for 1 to 3 days"\n          - "A course costs $999"\n          - "Call 999 at once"'
    text = edit(inputs.content, '"Redness for 1 to 3 days"', bullets + '\n          - "Or dial 999"')
    edit(inputs.brand, 'phone: "+44 117 496 0321"', 'phone: "+1 802 555 0148"')
    kit, _ = load_brand(inputs.brand)
    words, _ = load_content(inputs.content)
    assert kit is not None and words is not None
    found = [(n, at.line, at.column) for n, at in foreign_numbers(words, kit)]
    assert found == [("999", *position(text, '"Call 999 at once"')), ("999", *position(text, '"Or dial 999"'))]


def test_the_sources_document_block_and_clinics_own_details_are_not_read(inputs: Inputs) -> None:
    """The document block (a grant's number) and the clinic's street and suite numbers are no numbers to call."""
    edit(inputs.content, 'conflicts: "No outside funding."', 'conflicts: "No outside funding; grant 999 declined."')
    edit(inputs.brand, 'phone: "+44 117 496 0321"', 'phone: "+1 802 555 0148"')
    brand = inputs.brand.read_text(encoding="utf-8")
    address = brand.split("address:", 1)[1].split("\n", 1)[0]
    edit(inputs.brand, "address:" + address, 'address: "111 Main Street, Suite 999"')
    kit, _ = load_brand(inputs.brand)
    words, _ = load_content(inputs.content)
    assert kit is not None and words is not None
    assert foreign_numbers(words, kit) == []


def test_a_telephone_number_of_no_country_leaves_the_country_unknown(inputs: Inputs) -> None:
    """+800 (international freephone) is no country's: the check is not made, rather than one for country '001'."""
    edit(inputs.content, '"Redness for 1 to 3 days"', '"Call 999 at once"')
    edit(inputs.brand, 'phone: "+44 117 496 0321"', 'phone: "+800 1234 5678"')
    kit, _ = load_brand(inputs.brand)
    words, _ = load_content(inputs.content)
    assert kit is not None and words is not None
    assert kit.clinic_country()[0] == ""
    assert foreign_numbers(words, kit) == []


def test_each_countrys_emergency_numbers_come_from_the_phone_number_data() -> None:
    assert emergency_numbers("US") == ("911", "112")
    assert emergency_numbers("GB") == ("999", "112")
    assert emergency_numbers("AU") == ("000", "112", "106")
    assert emergency_numbers("ES")[0] == "112"  # (before Spain's regional 085 and 088)
    assert "15" in emergency_numbers("FR")  # (two digits: the SAMU)
    assert emergency_numbers("KR") == ("119", "112")  # (the ambulance before the police)
    assert emergency_numbers("JP")[0] == "119" and emergency_numbers("NL")[0] == "112"
    assert [emergency_numbers(c)[0] for c in ("VN", "TH", "EG", "SG", "AE")] == ["115", "1669", "123", "995", "998"]


def test_init_words_for_a_clinic_abroad_points_at_the_numbers_to_change(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "lakeside"
    answers = ["--name", "Lakeside Skin", "--country", "US", "--phone", "(802) 555-0199", "--yes"]
    answers += ["--email", "hello@lakeside.example", "--website", "https://lakeside.example"]
    answers += ["--booking-url", "https://lakeside.example/book", "--address", "1 Lake St, Burlington VT"]
    assert cli(capsys, "init", str(folder), *answers)[0] == 0
    status, out, _ = cli(capsys, "init", str(folder), "--words")
    assert status == 0
    copy = (folder / "content.yaml").read_text(encoding="utf-8")
    line, col = position(copy, '"**Call 999** if your face')
    said = "no number to call in US: write the clinic's own (an ambulance there: 911)"
    assert f"content.yaml:{line}:{col}: 999: {said}" in out
    line, col = position(copy, '"Acne scars are harmless')
    nhs = "NHS: the UK's health service; the clinic is in US: say what applies there"
    assert f"content.yaml:{line}:{col}: {nhs}" in out
    line, col = position(copy, "en-GB\n")  # (British English, which names the PDFs: ...-en-gb-...)
    told = "language: en-GB is its form in GB; the clinic is in US: en-US if its words are written for there"
    assert f"content.yaml:{line}:{col}: {told}" in out


@pytest.mark.parametrize(("country", "number"), [("ES", "112"), ("US", "911"), ("GB", "999"), ("KR", "119")])
def test_the_number_told_for_a_clinic_abroad_is_the_one_for_an_ambulance_alone(country: str, number: str) -> None:
    """What to write instead of another country's number: the one for an ambulance there; not the country's other
    emergency lines, which read as its equals (Spain's 085 and 088 are regional fire and police lines)."""
    assert ambulance(country) == f"an ambulance there: {number}"
