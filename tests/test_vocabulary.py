"""One definition of each vocabulary (issue 9): Options refuses unknown words clearly, every table keyed by a
vocabulary covers it, the command line offers the same words, and the public API is small, typed and light."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import Inputs, edit
from helpers import ROOT, TESTED

import brochure
from brochure import api
from brochure.cli import main
from brochure.geometry.sheet import PAPER_SIZES, SHEETS, TRIFOLD_WIDTHS
from brochure.layout import PLANS
from brochure.vocabulary import LAYOUTS, PAPERS, PLACES, TARGETS, language_problem

TESTED_ENV = {**os.environ, "PYTHONPATH": TESTED}  # (a process a test starts imports the brochure under test)


def test_each_vocabulary_lists_the_words_users_write() -> None:
    assert LAYOUTS == ("trifold", "bifold", "flyer", "large-print")
    assert PAPERS == ("a4", "letter")
    assert TARGETS == ("office", "press")
    assert PLACES == ("flap", "back", "main")


def test_every_table_keyed_by_a_vocabulary_covers_it() -> None:
    assert set(SHEETS) == set(PLANS) == set(LAYOUTS)
    assert set(PAPER_SIZES) == set(TRIFOLD_WIDTHS) == set(PAPERS)
    assert all(PAPER_SIZES[name].name == name for name in PAPERS)


@pytest.mark.parametrize(
    ("given", "says"),
    [
        (
            {"layout": "zfold"},
            "Options.layout: 'zfold' is not a layout; did you mean 'bifold'? valid: trifold, bifold, flyer",
        ),
        ({"layout": "tri-fold"}, "Options.layout: 'tri-fold' is not a layout; did you mean 'trifold'? valid: "),
        ({"target": "web"}, "Options.target: 'web' is not a target; valid: office, press"),
        ({"paper": "a5"}, "Options.paper: 'a5' is not a paper; valid: a4, letter or None for the brand's paper"),
        ({"layout": None}, "Options.layout: None is not a layout; valid: trifold, bifold, flyer"),
    ],
)
def test_options_refuse_a_word_outside_the_vocabulary_naming_field_value_and_valid_words(
    given: dict[str, object], says: str
) -> None:
    with pytest.raises(ValueError, match=re.escape(says)):
        api.Options(**given)  # type: ignore[arg-type]


def test_options_accept_every_word_of_the_vocabulary() -> None:
    for layout in LAYOUTS:
        for paper in (None, *PAPERS):
            for target in TARGETS:
                assert api.Options(layout, paper, target, marks=target == "press").layout == layout


def test_marks_for_the_office_stay_a_refusal_of_build_not_of_options(inputs: Inputs) -> None:
    options = api.Options(marks=True)  # the command line reports it as a usage error (exit 2)
    src, diags = api.load(inputs.content, inputs.brand)
    assert src is not None, diags
    with pytest.raises(ValueError, match="--marks needs --target press"):
        api.build(src, options)


@pytest.mark.parametrize(("option", "words"), [("--layout", LAYOUTS), ("--paper", PAPERS), ("--target", TARGETS)])
def test_the_command_line_offers_the_vocabulary(
    option: str, words: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", option, "web"]) == 2
    assert f"(choose from {', '.join(repr(w) for w in words)})" in capsys.readouterr().err


def test_a_place_outside_the_vocabulary_is_an_error_listing_the_places(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(inputs.content, "place: flap", "place: middle")
    assert main(["check", "--content", str(inputs.content), "--brand", str(inputs.brand)]) == 1
    assert "'middle' is not a valid value [at sections[1].place] (hint: expected one of: back, flap, main)" in (
        capsys.readouterr().err
    )


def test_the_public_api_is_five_typed_names() -> None:
    assert sorted(brochure.__all__) == ["Options", "Result", "Sources", "__version__", "build", "load"]
    assert (brochure.load, brochure.build, brochure.Options) == (api.load, api.build, api.Options)
    assert (brochure.Result, brochure.Sources) == (api.Result, api.Sources)
    assert (ROOT / "brochure" / "py.typed").is_file()
    with pytest.raises(AttributeError, match="no attribute 'Layout'"):
        _ = brochure.Layout  # type: ignore[attr-defined]


def test_load_is_the_function_whatever_was_imported_before() -> None:
    """`brochure.load` is the public function, whatever the loading stage (brochure/inputs/) imported before."""
    code = (
        "import brochure.inputs.content\n"
        "from brochure.inputs import blocks\n"
        "from brochure import load\n"
        "import brochure\n"
        "print(callable(load), brochure.load is load, blocks.__name__)"
    )
    done = subprocess.run(
        [sys.executable, "-P", "-c", code], capture_output=True, text=True, cwd=ROOT, check=True, env=TESTED_ENV
    )
    assert done.stdout.split() == ["True", "True", "brochure.inputs.blocks"]


def test_importing_brochure_does_not_import_reportlab() -> None:
    code = (
        "import sys, brochure; "
        "print(sorted({m.split('.')[0] for m in sys.modules if m.split('.')[0] in ('reportlab', 'PIL', 'yaml')}))"
    )
    done = subprocess.run(
        [sys.executable, "-P", "-c", code], capture_output=True, text=True, cwd=ROOT, check=True, env=TESTED_ENV
    )
    assert done.stdout.strip() == "[]"


def test_the_documented_example_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The example in docs/architecture.md, run as written in a folder holding the shipped leaflet."""
    doc = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    section = doc.split("## Using brochure from Python", 1)[1]
    example = section.split("```python\n", 1)[1].split("```", 1)[0]
    shutil.copy(ROOT / "content.yaml", tmp_path / "content.yaml")
    shutil.copytree(ROOT / "assets", tmp_path / "assets")
    monkeypatch.chdir(tmp_path)
    exec(compile(example, "docs/architecture.md", "exec"), {})
    ok, pages, body_size, *_ = capsys.readouterr().out.split()
    assert (ok, pages) == ("True", "2") and 9.0 <= float(body_size) <= 10.5
    assert (tmp_path / "leaflet.pdf").read_bytes().startswith(b"%PDF-1.3")  # press: PDF/X-1a


def test_a_leaflets_direction_comes_from_its_languages_primary_subtag() -> None:
    from brochure.vocabulary import direction

    assert [direction(t) for t in ("ar", "ar-EG", "AR", "he-IL", "fa", "ur-PK")] == ["rtl"] * 6
    assert [direction(t) for t in ("en-GB", "es", "vi", "pl", "en-US", "arn")] == ["ltr"] * 6


@pytest.mark.parametrize(
    ("tag", "problem"),
    [
        ("en", ""),
        ("es-419", ""),
        ("zh-Hant", ""),
        ("csb", ""),  # (Kashubian: ISO 639 has three letters only)
        ("eng", "'eng' is not a language tag: write 'en' for 'eng'"),
        ("fre", "'fre' is not a language tag: write 'fr' for 'fre'"),
        ("xx", "'xx' is not a language tag: ISO 639 has no language 'xx'"),
        ("esp", "'esp' is not a language tag: ISO 639 has no language 'esp': is it 'es'?"),
        ("esp-MX", "'esp-MX' is not a language tag: ISO 639 has no language 'esp': is it 'es'?"),
        ("xyz", "'xyz' is not a language tag: ISO 639 has no language 'xyz'"),
        ("yue-HK", ""),  # (Cantonese: ISO 639-3, no two-letter code)
        ("fil", ""),
        ("ast", ""),  # (Asturian: ISO 639-2, though 'as' is Assamese)
        ("sla", ""),  # (a collection, ISO 639-5)
        ("qaa-x-clinic", ""),  # (for private use)
        ("und", "'und' names no language a leaflet is written in: ISO 639's 'und' is 'undetermined'"),
        ("zxx", "'zxx' names no language a leaflet is written in: ISO 639's 'zxx' is 'no linguistic content'"),
        ("mul", "'mul' names no language"),
        ("English", "'English' is not a language tag: write 'en' for English"),  # (a language's name)
        ("french", "'french' is not a language tag: write 'fr' for french"),
        ("pl_PL", "'pl_PL' is not a language tag: write 'pl-PL' (a hyphen, not an underscore)"),  # (a locale's name)
        ("xx_YY", "'xx_YY' is not a language tag"),
        ("zh-Hant-TW", ""),
        ("sr-Latn-RS", ""),
        ("de-CH-1996", ""),
        ("en-US-x-twain", ""),
        ("es-ES-ES", "'es-ES-ES' is not a language tag"),  # (two regions)
        ("en-UK", "'en-UK' is not a language tag: 'UK' is no country (ISO 3166): the United Kingdom is GB (en-GB)"),
        ("es-SP", "'es-SP' is not a language tag: 'SP' is no country (ISO 3166), as its region must be"),
        ("en-gb", ""),  # (a tag's case says nothing)
        ("zh-yue-HK", ""),  # (an extended language subtag before the region)
        ("en-EU", ""),  # (regions BCP 47 takes that ISO 3166 reserves)
        ("en-XK", ""),  # (a user-assigned code: Kosovo)
        ("es-IC", ""),  # (a region the IANA registry takes that ISO 3166-1 does not assign: the Canary Islands)
        ("sr-CS", ""),  # (a code withdrawn, valid in tags written before)
        ("en-GB-Latn", "'en-GB-Latn' is not a language tag"),  # (a script after the region)
        ("en-GB-x-" + "-".join(["abcdefgh"] * 6), ""),  # (61 characters)
        ("en-GB-x-" + "-".join(["abcdefgh"] * 6) + "-a", ""),  # (63)
        ("en-GB-x-" + "-".join(["abcdefgh"] * 6) + "-ab", "'en-GB-x-abcdefgh-abcdefg...' is 64 characters long"),
        ("en-GB-x-" + "-".join(["abcdefgh"] * 7), "'en-GB-x-abcdefgh-abcdefg...' is 70 characters long: a language"),
    ],
)
def test_a_language_tag_names_a_language_as_bcp_47_writes_it(tag: str, problem: str) -> None:
    """A screen reader knows 'en', not 'eng' nor 'xx': the leaflet's, a source's and the kit's languages are
    refused when ISO 639 has no such language or writes it with two letters, or a region is no country's ('en-UK',
    'es-SP': they named output folders and told screen readers a dialect of nowhere)."""
    found = language_problem(tag)
    assert found.startswith(problem) and bool(found) == bool(problem)
