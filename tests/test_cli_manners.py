"""Command-line manners: every option's help says its default and choices, `build --help` shows examples that
run, and a mistake in an option names the option, its valid words and the one probably meant."""

from __future__ import annotations

import argparse
import shlex
from pathlib import Path

import pytest
from conftest import ROOT
from helpers import cli

from brochure.arguments import EXAMPLES, make_parser
from brochure.diagnostics import shorten
from brochure.vocabulary import LAYOUTS


def commands() -> dict[str, argparse.ArgumentParser]:
    sub = next(a for a in make_parser()._actions if isinstance(a, argparse._SubParsersAction))
    return dict(sub.choices)


@pytest.mark.parametrize("command", sorted(commands()))
def test_every_option_says_its_default_and_its_choices(command: str) -> None:
    parser = commands()[command]
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction):
            continue
        name = "/".join(action.option_strings) or action.dest
        assert action.help, f"{command} {name} has no help"
        assert "default" in action.help, f"{command} {name}: the help does not say its default: {action.help}"
        for choice in action.choices or ():
            assert str(choice) in action.help, f"{command} {name}: the help does not name {choice}"


def test_build_help_shows_two_examples(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = cli(capsys, "build", "--help")
    assert status == 0
    examples = out[out.index("examples:") :]
    assert examples.count("\n  brochure build") == 2
    assert "(default: trifold)" in " ".join(out.split())  # argparse wraps the help's lines


@pytest.mark.parametrize("command", sorted(EXAMPLES))
def test_the_examples_are_command_lines_brochure_accepts(command: str) -> None:
    """Each example in the help parses as written (a renamed option would make an example lie)."""
    lines = EXAMPLES[command].replace("\\\n", " ").splitlines()
    runs = [line.split("  ", 2)[1] if "  " in line.strip() else line for line in lines if line.startswith("  brochure")]
    assert runs
    for run in runs:
        words = [w for w in shlex.split(run.strip())[1:] if w != "..."]
        make_parser().parse_args(words)


def test_an_unknown_layout_names_the_option_and_the_layouts(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = cli(capsys, "build", "--layout", "zfold")
    assert status == 2 and out == ""
    line = err.strip().splitlines()[-1]
    assert line.startswith("brochure build: error: argument --layout: invalid choice: 'zfold' (choose from")
    assert all(layout in line for layout in LAYOUTS)


def test_a_misspelt_value_gets_the_word_meant(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = cli(capsys, "build", "--target", "pres")
    assert status == 2
    said = "argument --target: invalid choice: 'pres' (choose from 'office', 'press') (hint: did you mean --target"
    assert said in err


def test_a_misspelt_option_gets_the_option_meant(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = cli(capsys, "preview", "--dip", "60")
    assert status == 2
    assert err.startswith("usage: brochure preview")  # the command's own usage, not the top level's
    assert "unrecognized arguments: --dip 60 (hint: did you mean --dpi? `brochure preview --help`" in err


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (
            ("batch", "--jobs", "two"),
            "argument --jobs: invalid int value: 'two' (hint: --jobs takes a whole number, e.g. --jobs 2)",
        ),
        (("preview", "--dpi", "high"), "--dpi: invalid float value: 'high' (hint: --dpi takes a number, e.g."),
        (
            ("buidl",),
            "'buidl' is not a command; the commands are build, check, preview, batch, watch, serve, fonts, init",
        ),
        (("check", "--marks"), "--marks needs --target press"),
    ],
)
def test_option_errors_point_at_the_option(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], expected: str
) -> None:
    status, out, err = cli(capsys, *argv)
    assert status == 2 and out == ""
    assert expected in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["batch", "--jobs", "2", "--scheduler", "tcp://127.0.0.1:1"], "--jobs and --scheduler cannot both be given"),
        (["watch", "--language", "es", "--content", "content.yaml"], "--language and --content cannot both be given"),
        (["serve", "--language=es", "--content=content.yaml"], "--language and --content cannot both be given"),
        (["watch", "--dpi", "100"], "--dpi sets the served page pictures' resolution: give it with --serve"),
        (["watch", "--port", "28776"], "--port sets the port the page is served on: give it with --serve"),
        (["watch", "--host=0.0.0.0"], "--host sets the address the page is served on: give it with --serve"),
        (
            ["watch", "--edition", "maple-main/en-us/trifold", "--layout", "bifold"],
            "--edition maple-main/en-us/trifold names the layout, and so does --layout: give one of them",
        ),
        (
            ["serve", "--edition=maple-main/en-us/trifold/letter/office", "--target=press"],
            "--edition maple-main/en-us/trifold/letter/office names the target, and so does --target",
        ),
        (
            ["watch", "--edition", "maple-main/en-us", "--brand", "assets/brand.yaml"],
            "--edition maple-main/en-us names the kit assets/brands/maple-main/brand.yaml, and --brand names another, "
            "assets/brand.yaml: give one of them",
        ),
        (
            ["serve", "--edition", "clearwater/es", "--content", "content.yaml"],
            "--edition clearwater/es names the content file (its language's) translations/es.yaml, and --content "
            "names another, content.yaml",
        ),
        (
            ["watch", "--edition", "maple-main/en-us/trifold", "--lay", "bifold"],  # (argparse takes it for --layout)
            "--edition maple-main/en-us/trifold names the layout, and so does --layout",
        ),
        (["watch", "--lang", "es", "--cont", "content.yaml"], "--language and --content cannot both be given"),
        (
            ["serve", "--edition", "maple-main/en-us", "--language", "es"],
            "--edition maple-main/en-us names the language, and so does --language",
        ),
    ],
)
def test_options_that_would_be_dropped_are_a_usage_error(
    capsys: pytest.CaptureFixture[str], argv: list[str], says: str
) -> None:
    """`watch --language es --content content.yaml` built the Spanish file and dropped --content without a word;
    `watch --dpi` did nothing without --serve; `batch --jobs 2 --scheduler ...` dropped --jobs; `watch --edition
    maple-main/en-us/trifold --layout bifold` built the tri-fold, and `--language` took the place of an edition's
    language."""
    status, _, err = cli(capsys, *argv)
    assert status == 2 and err.startswith(f"brochure: error: {says}"), err


@pytest.mark.parametrize(
    "given",
    [
        ["--brand", "assets/brands/maple-main/brand.yaml"],
        ["--brand", "assets/brands/maple-main/../maple-main/brand.yaml", "--content", "translations/en-US.yaml"],
    ],
    ids=["its-kit", "its-kit-and-words-spelt-otherwise"],
)
def test_the_kit_and_words_an_edition_names_given_as_well_are_taken(
    given: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`brochure serve --edition maple-main/en-us --brand assets/brands/maple-main/brand.yaml` (a script that gives
    the kit always) was refused: 'names the kit, and so does --brand', though both named one kit. The same files,
    however spelt, are taken, and the edition is built."""
    from brochure.arguments import make_parser
    from brochure.cli import Console
    from brochure.live.command import _choose

    monkeypatch.chdir(ROOT)
    args = make_parser().parse_args(["serve", "--edition", "maple-main/en-us/bifold", *given])
    _, choice, _ = _choose(args, Console())
    assert choice.kit.resolve() == (ROOT / "assets/brands/maple-main/brand.yaml").resolve()
    assert (choice.content.resolve(), choice.layout) == ((ROOT / "translations/en-US.yaml").resolve(), "bifold")


def test_an_edition_with_another_kit_given_is_refused_before_anything_is_watched(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The edition's kit and another, or its language's words and another file: which to build is not known."""
    from brochure.arguments import make_parser
    from brochure.cli import Console
    from brochure.live.command import _choose

    monkeypatch.chdir(ROOT)
    for given in (["--brand", "assets/brand.yaml"], ["--content", "translations/es.yaml"]):
        args = make_parser().parse_args(["serve", "--edition", "maple-main/en-us", *given])
        with pytest.raises(Exception, match=f"names another, {given[1]}: give one of them"):
            _choose(args, Console())


@pytest.mark.parametrize(
    "argv",
    [["--edition", "nowhere/es", "--layout", "bifold"], ["--edition", "nowhere/es/bifold", "--layout", "bifold"]],
    ids=["a-part-it-leaves-out", "the-same-layout"],
)
def test_an_option_an_edition_leaves_to_it_is_taken(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    """--layout with an edition that names none (or the same): no conflict; the edition is looked for."""
    status, _, err = cli(capsys, "watch", *argv)
    assert status == 2 and f"--edition {argv[1]}: no brand 'nowhere'" in err, err


@pytest.mark.parametrize(("missing", "status"), [("phonenumbers", 2), ("brochure.layout.nothing", 3)])
def test_a_python_without_brochures_packages_is_told_which_python_to_use(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, missing: str, status: int
) -> None:
    """`python -m brochure build` with the system's Python (not the project's .venv) was an internal error, "this
    is a bug in brochure: please report it": it names the package this Python lacks and the Python to use. A
    module of brochure's own that cannot be found stays a bug."""
    from brochure import cli as cli_module

    def lacking(*args: object) -> int:
        raise ModuleNotFoundError(f"No module named {missing!r}", name=missing)

    monkeypatch.setattr(cli_module, "_run", lacking)
    got, _, err = cli(capsys, "build")
    assert got == status, err
    if status == 2:
        assert f"lacks {missing}, a package brochure needs (hint: run .venv/bin/brochure" in err, err
    else:
        assert "internal error" in err, err


def test_an_invalid_number_in_the_clinics_country_is_told_to_check_its_digits() -> None:
    """'01225 496 0000' (a digit too many) with the clinic's country given was "not a valid phone number anywhere
    (hint: ... or give the clinic's country ...)", the country given already."""
    from brochure.inputs.contact import contact_problem

    problem, hint = contact_problem("phone", "01225 496 0000", "GB")
    assert problem.endswith("is not a valid phone number in GB") and hint.startswith("check its digits"), problem
    assert "give the clinic's country" not in hint
    problem, _ = contact_problem("phone", "+44 21 496 0123", "IE")  # (a Cork number written with the UK's code: it
    assert problem.endswith("is not a valid phone number in GB (+44)"), problem  # said "in IE")
    problem, _ = contact_problem("phone", "+1 416 555 01", "CA")  # (+1 is Canada's too: the clinic's country)
    assert problem.endswith("is not a valid phone number in CA"), problem
    problem, _ = contact_problem("phone", "+800 1234", "GB")  # (a code of no country)
    assert problem.endswith("is not a valid phone number anywhere (+800)"), problem


@pytest.mark.parametrize(
    ("key", "value", "meant"),
    [
        ("website", "rosehillskin.co.uk", "https://rosehillskin.co.uk"),
        ("booking_url", "www.example.com/book", "https://www.example.com/book"),
        ("website", "Rosehill", ""),
    ],
)
def test_a_web_address_without_https_is_answered_with_the_one_meant(key: str, value: str, meant: str) -> None:
    """A website typed as people say it (rosehillskin.co.uk) was told "write the whole address, starting with
    https://", with no address offered, where a colour without its # is offered with it."""
    from brochure.inputs.contact import contact_problem

    problem, hint = contact_problem(key, value)
    assert "does not start with https://" in problem
    assert hint.startswith(f"did you mean '{meant}'? ") if meant else not hint.startswith("did you mean"), hint


def test_a_message_shortened_for_a_line_ends_between_words() -> None:
    """A batch's line cut its first finding at 120 characters, mid-word ("no 'reviewer' in document.translati"): it
    ends after a whole word, with '…'; a value with no space in its end is cut where it must be."""
    said = "es.yaml:14:5: warning: the translation has not been checked: no 'reviewer' in document.translation"
    assert shorten(said, 90) == "es.yaml:14:5: warning: the translation has not been checked: no 'reviewer' in…"
    assert shorten("x" * 50, 40) == "x" * 39 + "…" and shorten("short", 40) == "short"


def test_a_line_break_or_an_escape_in_a_name_is_printed_on_the_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A content path with a line break printed the error over two lines, the second reading as another file's
    error ("fake.yaml:1:1: error: everything is fine"); a terminal's escape sequence in a name was sent to it."""
    from brochure.cli import main

    monkeypatch.chdir(tmp_path)
    assert main(["check", "--content", "content.yaml\nfake.yaml:1:1: error: all is well \x1b[2J"]) == 1
    err = capsys.readouterr().err
    first = err.splitlines()[0]  # (then the brand file's: there is none here)
    assert first.startswith("content.yaml\\nfake.yaml:1:1: error: all is well \\x1b[2J: error:"), err
    assert "\x1b" not in err and len(err.splitlines()) == 2
