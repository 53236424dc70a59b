"""`brochure batch`: a content file, kit or source editions.yaml names where there is no file fails only the editions
that name it, said where it is named; every other edition is built, and the next run builds its editions once the
file is there."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from conftest import Inputs, position
from helpers import batch, editions_file

from brochure.inputs.editions import load_editions

EDITIONS = """\
output: "out/{brand}/{language}/{layout}-{paper}-{target}.pdf"
layouts: [trifold]
targets: [office]
brands:
  - kit: assets/brand.yaml
    languages:
      - content.yaml
      - words/pl.yaml
      - content: narrow.yaml
        layouts: [flyer]
  - kit: elsewhere/brand.yaml
    languages: [content.yaml]
"""

HINT = "(hint: check the path (relative to editions.yaml))"


def _said(path: Path, needle: str, value: str, key: str) -> str:
    """The error editions.yaml's reading gives where `value`, at `needle`, names no file."""
    line, col = position(path.read_text(encoding="utf-8"), needle)
    return f"{path}:{line}:{col}: error: '{value}' is not a file [at {key}] {HINT}"


def _report(folder: Path) -> dict[str, dict[str, object]]:
    data = json.loads((folder / "report.json").read_text(encoding="utf-8"))
    return {e["edition"]: e for e in data["editions"]}


@pytest.mark.parametrize(("named", "word"), [("words/ga/content.yaml", "ga"), ("northgate/content.yaml", "content")])
def test_a_languages_content_yaml_not_there_is_named_by_its_folder(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], named: str, word: str
) -> None:
    """A language's words in a folder of its own (clinics/northgate/ga/content.yaml, as `init --words` makes them)
    not there: its editions are named by the folder, "ga", not "content" (every such file failed as "content", in
    the manifest and on the contact sheet); a clinic's folder (northgate) names no language."""
    folder = inputs.content.parent
    path = editions_file(inputs, EDITIONS.replace("      - words/pl.yaml\n", f"      - {named}\n"))
    status, out, err = batch(capsys, path, "--json", str(folder / "report.json"))
    assert status == 1 and f"test-clinic/{word}/trifold/a4/office" in _report(folder), out + err


def test_a_kits_folder_named_as_the_kit_is_told_its_brand_file(inputs: Inputs) -> None:
    """`kit: assets/` (the kit's folder, not its brand.yaml) was "'assets/' is not a file", with no suggestion, and
    the hint named editions.yaml whatever the file is called: the brand file in that folder is suggested, and the
    file's own name given."""
    path = inputs.content.parent / "group.yaml"
    path.write_text(EDITIONS.replace("  - kit: assets/brand.yaml\n", "  - kit: assets/\n"), encoding="utf-8")
    _, diags = load_editions(path)
    (said,) = [d for d in diags if "'assets/' is not a file" in d.message]
    assert said.hint == "did you mean 'assets/brand.yaml'? check the path (relative to group.yaml)", said.hint


def test_a_content_file_or_kit_not_there_fails_only_the_editions_naming_it(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    """One misspelt content file stopped the whole batch before anything was built (`editions.yaml:9:75: error:
    'translations/xx.yaml' is not a file`), against the contract that a broken edition never stops the others.
    Each content file or kit named where there is no file (not there, or a folder) fails its own editions, each
    named by the file's stem (no words to declare a language) and failed with the error where it is named; the
    other editions are built, the run ends with exit 1, and the manifest, the report and the contact sheet say so."""
    folder = inputs.content.parent
    (folder / "narrow.yaml").mkdir()  # (a folder where a content file is named)
    path = editions_file(inputs, EDITIONS)
    status, out, err = batch(capsys, path, "--json", str(folder / "report.json"))
    assert status == 1 and "1 built, 0 unchanged, 3 failed" in out, out + err
    said = {
        "test-clinic/pl/trifold/a4/office": _said(path, "words/pl.yaml", "words/pl.yaml", "brands[0].languages[1]"),
        "test-clinic/narrow/flyer/a4/office": _said(
            path, "narrow.yaml", "narrow.yaml", "brands[0].languages[2].content"
        ),
        # (the kit's folder, and no paper: its brand file is not there)
        "elsewhere/en-gb/trifold/paper-unknown/office": _said(
            path, "elsewhere/brand.yaml", "elsewhere/brand.yaml", "brands[1].kit"
        ),
    }
    for name, error in said.items():
        assert f"failed: {name}: {error}\n" in err, err
        assert re.search(rf"^ +failed  {re.escape(name)}  0\.00 s  {re.escape(str(path))}:", out, re.M), out
    report = _report(folder)
    assert {n: e["status"] for n, e in report.items()} == {
        "test-clinic/en-gb/trifold/a4/office": "built"
    } | dict.fromkeys(said, "failed")
    assert all(report[n]["findings"] == [error] and report[n]["first"] == error for n, error in said.items())
    assert all(report[n]["output"] is report[n]["sha256"] is None for n in said)  # (not named: no file to go to)
    manifest = json.loads((folder / "out/manifest.json").read_text(encoding="utf-8"))
    assert {e["edition"]: e["status"] for e in manifest["editions"]} == {n: e["status"] for n, e in report.items()}
    assert [p.relative_to(folder).as_posix() for p in (folder / "out").rglob("*.pdf")] == [
        "out/test-clinic/en-gb/trifold-a4-office.pdf"
    ]
    sheet = (folder / "out/index.html").read_text(encoding="utf-8")
    for name, error in said.items():
        card = re.search(
            rf'<article class="edition failed" id="[^"]*" data-edition="{re.escape(name)}".*?</article>', sheet
        )
        assert card is not None and f"<li>{html.escape(error)}</li>" in card[0], name
    assert sheet.count('<article class="edition failed"') == 3 and '<nav class="failures">' in sheet

    # The words come: their editions are built by the next run, named by the language they declare; the others stand.
    (folder / "words").mkdir()
    words = inputs.content.read_text(encoding="utf-8").replace("language: en-GB", "language: pl")
    (folder / "words/pl.yaml").write_text(words, encoding="utf-8")
    status, out, _ = batch(capsys, path)
    assert status == 1 and "1 built, 1 unchanged, 2 failed" in out, out
    assert "    built  test-clinic/pl/trifold/a4/office" in out and (folder / "out/test-clinic/pl").is_dir()


def test_a_source_that_is_not_there_fails_the_editions_checked_against_it(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    """A `source:` named where there is no file fails the editions of the content files checked against it, said at
    the `source:` it is named by (the file's, or a brand's own), and no other: a brand whose own source is there
    builds; the source named as a language fails for being named there, once."""
    for language in ("es", "pl"):
        (inputs.content.parent / f"{language}.yaml").write_text(
            inputs.content.read_text(encoding="utf-8").replace("language: en-GB", f"language: {language}"), "utf-8"
        )
    text = """\
output: "out/{brand}/{language}/{layout}-{paper}-{target}.pdf"
source: gone.yaml
layouts: [trifold]
targets: [office]
brands:
  - kit: assets/brand.yaml
    languages: [es.yaml, gone.yaml]
  - kit: assets/brand.yaml
    source: content.yaml
    languages: [content.yaml]
  - kit: assets/brand.yaml
    source: gone-too.yaml
    languages: [pl.yaml]
"""
    path = editions_file(inputs, text)
    status, out, err = batch(capsys, path, "--json", str(inputs.content.parent / "report.json"))
    assert status == 1 and "1 built, 0 unchanged, 3 failed" in out, out + err
    report = _report(inputs.content.parent)
    assert report["test-clinic/en-gb/trifold/a4/office"]["status"] == "built"
    assert report["test-clinic/es/trifold/a4/office"]["findings"] == [
        _said(path, "gone.yaml\nlayouts", "gone.yaml", "source")
    ]
    assert report["test-clinic/gone/trifold/a4/office"]["findings"] == [
        _said(path, "gone.yaml]", "gone.yaml", "brands[0].languages[1]")
    ]
    assert report["test-clinic/pl/trifold/a4/office"]["findings"] == [  # (a brand's own, where it names it)
        _said(path, "gone-too.yaml", "gone-too.yaml", "brands[2].source")
    ]


def test_a_source_not_there_that_no_edition_translates_is_warned(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file's `source:` where there is no file, when every brand names its own (or none is a translation), was
    silently not read: it is warned of where it is named, and every edition is built."""
    text = """\
output: "out/{brand}/{language}/{layout}-{paper}-{target}.pdf"
source: gone.yaml
layouts: [trifold]
targets: [office]
brands:
  - kit: assets/brand.yaml
    source: content.yaml
    languages: [content.yaml]
"""
    path = editions_file(inputs, text)
    status, out, err = batch(capsys, path, "--json", str(inputs.content.parent / "report.json"))
    line, col = position(text, "gone.yaml")
    said = f"{path}:{line}:{col}: warning: 'gone.yaml' is not a file, and no edition translates it"
    assert status == 0 and "1 built, 0 unchanged, 0 failed; 1 warning about editions.yaml, above;" in out, out + err
    assert said in out + err and "remove this 'source:'" in out + err
    warnings = json.loads((inputs.content.parent / "report.json").read_text(encoding="utf-8"))["warnings"]
    assert len(warnings) == 1 and warnings[0].startswith(said)  # (in the report too: CI reads it)


def test_editions_of_files_not_there_have_names_of_their_own(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two content files not there with one name, in two folders, and one named like a language another content
    file of the kit declares: each edition has a name of its own (one edition in the manifest and on the contact
    sheet each), the file's path beside the stem where the stem is another's name. Two kits not there, in one folder
    (each named by it): the kit's file beside the folder's name where the words' file does not tell them apart, else
    both."""
    folder = inputs.content.parent
    (folder / "es").mkdir()
    (folder / "es/words.yaml").write_text(
        inputs.content.read_text(encoding="utf-8").replace("language: en-GB", "language: es"), encoding="utf-8"
    )
    text = EDITIONS.split("  - kit: elsewhere")[0].replace(
        "      - words/pl.yaml\n      - content: narrow.yaml\n        layouts: [flyer]\n",
        "      - a/xx.yaml\n      - b/xx.yaml\n      - es/words.yaml\n      - es.yaml\n",
    )
    text += "  - kit: kits/a.yaml\n    languages: [content.yaml, a/xx.yaml, b/xx.yaml]\n"
    text += "  - kit: kits/b.yaml\n    languages: [content.yaml, a/xx.yaml]\n"
    status, out, _ = batch(capsys, editions_file(inputs, text), "--json", str(folder / "report.json"))
    assert status == 1 and "2 built, 0 unchanged, 8 failed" in out, out
    assert sorted(_report(folder)) == [
        "kits (kits\u2215a.yaml)/en-gb/trifold/paper-unknown/office",
        "kits (kits\u2215a.yaml)/xx (a\u2215xx.yaml)/trifold/paper-unknown/office",
        "kits (kits\u2215b.yaml)/en-gb/trifold/paper-unknown/office",
        "kits (kits\u2215b.yaml)/xx/trifold/paper-unknown/office",
        "kits/xx (b\u2215xx.yaml)/trifold/paper-unknown/office",
        "test-clinic/en-gb/trifold/a4/office",
        "test-clinic/es (es.yaml)/trifold/a4/office",
        "test-clinic/es/trifold/a4/office",
        "test-clinic/xx (a\u2215xx.yaml)/trifold/a4/office",
        "test-clinic/xx (b\u2215xx.yaml)/trifold/a4/office",
    ]


def test_editions_of_a_kit_named_as_a_folder_or_with_backslashes_are_named_by_its_folder(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    """A kit named with Windows' backslashes, or as its folder, cannot be read: its editions are named by the kit's
    folder and their words' language (or file's stem), as a kit's not there are. They were named
    'clinics\\liffey\\brand/words\\pl/...' and 'clinics/en-gb/...' (the folder above the one named)."""
    (inputs.content.parent / "clinics/liffey").mkdir(parents=True)
    text = (
        'output: "out/{brand}/{language}/{layout}-{paper}-{target}.pdf"\nlayouts: [trifold]\ntargets: [office]\n'
        "brands:\n"
        "  - kit: clinics\\liffey\\brand.yaml\n    languages: [words\\pl.yaml]\n"
        "  - kit: clinics/liffey/\n    languages: [content.yaml]\n"
        "  - kit: clinics\\liffey\\\n    languages: [xx.yaml]\n"
    )
    status, out, _ = batch(capsys, editions_file(inputs, text))
    assert status == 1 and "0 built, 0 unchanged, 3 failed" in out, out
    failed = sorted(re.findall(r"^ +failed  (\S+)  ", out, re.M))
    assert failed == [
        "liffey/en-gb/trifold/paper-unknown/office",
        "liffey/pl/trifold/paper-unknown/office",
        "liffey/xx/trifold/paper-unknown/office",
    ]


def test_a_content_file_that_goes_keeps_its_last_pdf_and_is_built_when_it_comes_back(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    """Words built once, then removed while editions.yaml still names them: their editions fail, named as before,
    their last PDFs are kept for them (not listed as no longer editions); put back, they are built again. Dropped
    from the file, their PDFs are listed, not deleted."""
    folder = inputs.content.parent
    (folder / "words").mkdir()
    words = inputs.content.read_text(encoding="utf-8").replace("language: en-GB", "language: pl")
    (folder / "words/pl.yaml").write_text(words, encoding="utf-8")
    text = EDITIONS.split("      - content: narrow")[0]
    path = editions_file(inputs, text)
    assert batch(capsys, path)[0] == 0
    polish = "out/test-clinic/pl/trifold-a4-office.pdf"
    made = (folder / polish).read_bytes()
    (folder / "words/pl.yaml").unlink()
    status, out, _ = batch(capsys, path)
    assert status == 1 and "0 built, 1 unchanged, 1 failed" in out and "no longer an edition" not in out, out
    assert "   failed  test-clinic/pl/trifold/a4/office" in out and (folder / polish).read_bytes() == made
    manifest = json.loads((folder / "out/manifest.json").read_text(encoding="utf-8"))
    assert [e["output"] for e in manifest["kept_for_failed"]] == [polish] and manifest["left_in_place"] == []
    (folder / "words/pl.yaml").write_text(words, encoding="utf-8")
    status, out, _ = batch(capsys, path)
    assert status == 0 and "1 built, 1 unchanged, 0 failed" in out, out
    (folder / "words/pl.yaml").unlink()
    editions_file(inputs, text.replace("      - words/pl.yaml\n", ""))
    status, out, _ = batch(capsys, path)
    assert (
        status == 0
        and f"no longer an edition (left in place): {path.parent / polish}" in out
        and (folder / polish).is_file()
    )


def test_elsewhere_a_file_named_that_is_not_there_is_an_error_of_the_editions_file(inputs: Inputs) -> None:
    """Only a batch fails such editions alone: read for `serve` or `build` (its source), the editions file with a
    content file that is not there has an error, where it is named, as before."""
    path = editions_file(inputs, EDITIONS)
    editions, diags = load_editions(path)
    assert editions is None and [d.format() for d in diags] == [
        _said(path, "words/pl.yaml", "words/pl.yaml", "brands[0].languages[1]"),
        _said(path, "narrow.yaml", "narrow.yaml", "brands[0].languages[2].content"),
        _said(path, "elsewhere/brand.yaml", "elsewhere/brand.yaml", "brands[1].kit"),
    ]
    editions, diags = load_editions(path, alone=True)
    assert editions is not None and diags == []
    assert [[d.location.key for d in g.unread] for g in editions.groups] == [
        [],
        ["brands[0].languages[1]"],
        ["brands[0].languages[2].content"],
        ["brands[1].kit"],
    ]


def test_a_kit_and_words_not_there_are_read_once_for_all_their_editions(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failed edition is named by reading its kit and words (its clinic's id, its language), and each such read
    of a file not there looks through its folders for a name near it. They were read again for every edition,
    several times over: a file naming 25 kits of 40 languages, none there (8,000 editions, each failing at once),
    took 41 s, and 200 kits 5 minutes. Each kit and content file is read once for all the editions naming it,
    and the editions are named as before."""
    from brochure.batch import records

    reads: list[Path] = []
    real = records.declared_language
    monkeypatch.setattr(records, "declared_language", lambda path: reads.append(path) or real(path))
    text = "layouts: [trifold, bifold, flyer, large-print]\nbrands:\n  - kit: gone/brand.yaml\n"
    path = editions_file(inputs, text + "    languages: [words/xx.yaml, words/yy.yaml]\n")
    status, out, err = batch(capsys, path)
    assert status == 1 and "0 built, 0 unchanged, 16 failed" in out, out + err
    assert (
        "failed: gone/xx/large-print/paper-unknown/press: " in err
        and "failed: gone/yy/trifold/paper-unknown/office: " in err
    ), err
    assert sorted(p.name for p in reads) == ["xx.yaml", "yy.yaml"], reads
