"""`brochure batch` attacked the way a careless or hostile user would: a broken output pattern, a hostile or
misplaced manifest, --json at the wrong place, an out/ that is a file, Ctrl-C, duplicate editions, a kit folder
that holds the outputs, a failed kit, a changed output pattern. Tests marked xfail(strict) describe bugs not fixed
yet."""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import reportlab
from conftest import CONTENT, LOGO, Inputs, edit, position
from helpers import ROOT, TESTED, batch, cli, editions_file

from brochure import batch as batch_module
from brochure.batch import plan
from brochure.commands import batch as commands_batch

PYTHON = [sys.executable, "-P", "-m", "brochure"]
ENV = {**os.environ, "PYTHONPATH": TESTED}
INTERNAL = "internal error"

EDITIONS = """\
output: "out/{brand}/{language}/{layout}-{paper}-{target}.pdf"
layouts: [trifold]
targets: [office]
brands:
  - kit: assets/brand.yaml
    languages: [content.yaml]
"""


def _editions(inputs: Inputs, text: str = EDITIONS) -> Path:
    return editions_file(inputs, text)


def _hidden(folder: Path) -> list[str]:
    return sorted(str(p) for p in folder.rglob(".*"))


# --- the output pattern ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "pattern",
    [
        "out/}/{brand}/{language}/{layout}-{paper}-{target}.pdf",
        "out/{/{brand}/{language}/{layout}-{paper}-{target}.pdf",
    ],
    ids=["lone-close", "lone-open"],
)
def test_an_unbalanced_brace_in_the_output_pattern_is_an_error_where_it_is_written(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], pattern: str
) -> None:
    text = EDITIONS.replace("out/{brand}/{language}/{layout}-{paper}-{target}.pdf", pattern)
    status, _, err = batch(capsys, _editions(inputs, text))
    line, col = position(text, f'"{pattern}"')
    assert status == 1 and INTERNAL not in err, err
    assert f"editions.yaml:{line}:{col}: error: " in err, err


# --- a hostile manifest ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "manifest",
    [
        '{"editions": [{"edition": "x", "status": "built", "pages": "abc"}]}',
        '{"editions": [{"edition": "x", "status": "built", "pages": 1.5}]}',
        '{"editions": [{"edition": "x", "status": "built", "pages": NaN}]}',
        '{"editions": [{"edition": "x", "status": "built", "thumbs": 5}]}',
        '{"editions": ' + "[" * 100_000 + "]" * 100_000 + "}",
    ],
    ids=["pages-text", "pages-float", "pages-nan", "thumbs-number", "deep"],
)
def test_a_hostile_manifest_is_ignored_and_every_edition_built(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], manifest: str
) -> None:
    """The manifest only saves work: one that cannot be understood means 'build everything', never a crash."""
    (inputs.content.parent / "out").mkdir()
    (inputs.content.parent / "out" / "manifest.json").write_text(manifest, encoding="utf-8")
    status, out, err = batch(capsys, _editions(inputs))
    assert status == 0 and "1 built" in out and INTERNAL not in err, err


@pytest.mark.parametrize(
    "pattern",
    [
        "out" + "a" * 300 + "/{brand}/{language}/{layout}-{paper}-{target}.pdf",
        "out/{brand}" + "é" * 130 + "/{language}/{layout}-{paper}-{target}.pdf",
    ],
    ids=["in-its-folder", "made-with-the-brand"],
)
def test_a_name_too_long_for_the_file_system_is_an_error_where_the_pattern_is_written(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], pattern: str
) -> None:
    """A folder or file name over 255 bytes (about 85 letters of Vietnamese) was an internal error, exit 3, before
    or after the editions were built: it is an error at `output:`, before anything is built."""
    path = _editions(inputs, EDITIONS.replace("out/{brand}/{language}/{layout}-{paper}-{target}.pdf", pattern))
    status, _, err = batch(capsys, path)
    assert status == 1 and INTERNAL not in err and "editions.yaml:1:9: error: the output pattern makes a name" in err
    assert "bytes, over the 250 a file or folder may have" in err
    assert not any(p.suffix == ".pdf" for p in inputs.content.parent.rglob("*"))


def test_a_huge_manifest_is_not_parsed(inputs: Inputs, capsys: pytest.CaptureFixture[str]) -> None:
    """A manifest of 10 MB of empty objects, under the 50 MB a manifest may be, took 290 MB and 2.7 s to parse (at
    50 MB, 1.3 GB and 10 s): one with far more values than the editions could have written is not ours, and every
    edition is built, without it being parsed."""
    path = _editions(inputs)
    batch(capsys, path)
    hostile = '{"tool": "brochure", "editions_file": "../editions.yaml", "editions": [' + ",".join(["{}"] * 300_000)
    (inputs.content.parent / "out" / "manifest.json").write_text(hostile + '], "kept_for_failed": []}', "utf-8")
    parsed: list[int] = []
    loads = json.loads
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(json, "loads", lambda text, *a, **k: parsed.append(len(text)) or loads(text, *a, **k))
        status, out, err = batch(capsys, path)
    assert status == 0 and "1 built, 0 unchanged" in out and INTERNAL not in err, err
    assert all(size < 100_000 for size in parsed), parsed


def test_an_editions_file_naming_one_long_path_thousands_of_times_is_read_at_once(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 10 KB editions file (a kit's path of 4,000 characters, named by alias for 100 brands of 190 languages
    each) took 49 s and printed 79 MB: each of 19,000 entries resolved the long path again, and each was an error
    of its own. Each path written is resolved once, and the errors after the first 20 are counted. (50 brands of one
    layout and target here: a file of more than 10,000 editions is refused as such, test_a_file_of_more_editions_...)"""
    (inputs.content.parent / "docs").mkdir()
    kit = "docs/../" * 495 + "assets/brand.yaml"
    languages = ", ".join(["content.yaml"] * 190)
    lines = ['output: "o/{brand}/{language}/{layout}-{paper}-{target}.pdf"', "layouts: [trifold]", "targets: [office]"]
    lines += ["brands:", f'  - kit: &k "{kit}"', f"    languages: &L [{languages}]"]
    lines += ["  - {kit: *k, languages: *L}"] * 49
    resolved: list[Path] = []
    resolve = Path.resolve
    monkeypatch.setattr(Path, "resolve", lambda self, strict=False: resolved.append(self) or resolve(self, strict))
    status, _, err = cli(capsys, "batch", str(_editions(inputs, "\n".join(lines) + "\n")))
    monkeypatch.undo()
    errors = [line for line in err.splitlines() if ": error: " in line]
    assert status == 1 and len(errors) == 21 and "and 9479 more kits and content files named twice" in errors[-1]
    assert len(resolved) < 200, len(resolved)


def test_a_file_of_more_editions_than_a_batch_builds_is_an_error_where_its_brands_are_named(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """An editions file naming 200 kits of 40 languages (64,000 editions, none of their files there) took 5 minutes
    and 425 MB, and wrote a manifest of 58 MB, over the 50 MB a manifest may be: the next run did not read it (a batch
    of 25,000 editions built would have built them all again on every run). A file of more than 10,000 editions is
    an error where its brands are named, before anything is read or written."""
    languages = ", ".join(f"words/w{j}.yaml" for j in range(200))
    lines = ['output: "o/{brand}/{language}/{layout}-{paper}-{target}.pdf"', "papers: [a4, letter]", "brands:"]
    lines += [f"  - kit: kit{i}/brand.yaml\n    languages: [{languages}]" for i in range(4)]  # (12,800 editions)
    path = _editions(inputs, "\n".join(lines) + "\n")
    import brochure.batch as batches

    read: list[str] = []
    monkeypatch.setattr(batches, "read_contents", lambda *a: read.append("words"))  # (none is read)
    monkeypatch.setattr(batches, "read_kits", lambda *a: read.append("kits"))
    status, out, err = batch(capsys, path)
    assert status == 1 and INTERNAL not in err and read == [], err
    assert f"{path}:3:1: error: the file names 12,800 editions" in err and "at most 10,000" in err, err
    assert not (inputs.content.parent / "o").exists() and "built" not in out
    monkeypatch.undo()
    three = "\n".join(lines[:-1]) + "\n"  # (9,600 editions: built, each failing as its files are not there)
    status, out, err = batch(capsys, _editions(inputs, three))
    assert status == 1 and "0 built, 0 unchanged, 9600 failed" in out, err[-2000:]


def test_a_translation_named_in_a_file_of_more_editions_than_a_batch_builds_is_checked_against_its_source(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The limit on editions is a batch's: `brochure check` of a translation named in ./editions.yaml (a group's
    file of 10,408 editions) reads the file for the words it translates, and checks it against them, as it did
    before the limit (it said the file had errors, and checked nothing); the batch refuses the file."""
    for name in ("assets", "translations"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "content.yaml", tmp_path / "content.yaml")
    (tmp_path / "words").mkdir()
    for j in range(100):
        shutil.copy(tmp_path / "translations" / "es.yaml", tmp_path / "words" / f"w{j}.yaml")
    lines = ['output: "out/{brand}/{language}/{layout}-{paper}-{target}.pdf"', "source: content.yaml", "brands:"]
    lines += ["  - kit: assets/brand.yaml", "    languages: [translations/es.yaml]"]
    words = ", ".join(f"words/w{j}.yaml" for j in range(100))
    for i in range(13):  # (13 kits of 100 languages, 4 layouts and 2 targets: 10,400 editions, and the 8 above)
        (tmp_path / f"kit{i}").mkdir()
        shutil.copy(tmp_path / "assets" / "brand.yaml", tmp_path / f"kit{i}" / "brand.yaml")
        lines += [f"  - kit: kit{i}/brand.yaml", f"    languages: [{words}]"]
    (tmp_path / "editions.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    status, _, err = cli(capsys, "check", "--content", "translations/es.yaml")
    assert status == 0 and "translations/es.yaml was checked against content.yaml" in err, err
    assert "has errors" not in err and "10,000" not in err, err
    status, _, err = cli(capsys, "batch", "editions.yaml", "--check")
    assert status == 1 and "editions.yaml:3:1: error: the file names 10,408 editions" in err, err


@pytest.mark.parametrize("elsewhere", ["out/../../outside.pdf", "/dev/zero"])
def test_a_manifest_naming_another_file_as_an_output_is_not_trusted(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], elsewhere: str
) -> None:
    """An entry copied from the last manifest with its output moved elsewhere: that file is never read as the
    edition's output (nor a device), and the edition is built again."""
    path = _editions(inputs)
    assert "1 built" in batch(capsys, path)[1]
    manifest = inputs.content.parent / "out" / "manifest.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    outside = inputs.content.parent.parent / "outside.pdf"
    pdf = (inputs.content.parent / data["editions"][0]["output"]).read_bytes()
    outside.write_bytes(pdf)  # the same bytes, so its hash matches: only where it is gives it away
    data["editions"][0]["output"] = elsewhere
    manifest.write_text(json.dumps(data), encoding="utf-8")
    status, out, err = batch(capsys, path)
    assert status == 0 and "1 built, 0 unchanged" in out and INTERNAL not in err, out + err
    assert outside.read_bytes() == pdf


@pytest.mark.parametrize("what", ["fifo", "link-to-dev-zero"])
def test_a_pipe_or_device_at_the_manifest_is_an_error_not_a_hang(inputs: Inputs, what: str) -> None:
    """A named pipe at out/manifest.json hung the batch for good (reading it waited for a writer), and a link to
    /dev/zero read until memory ran out: each is the output folder's error, at once, and left as it is."""
    out = inputs.content.parent / "out"
    out.mkdir()
    manifest = out / "manifest.json"
    os.mkfifo(manifest) if what == "fifo" else manifest.symlink_to("/dev/zero")
    run = subprocess.run([*PYTHON, "batch", str(_editions(inputs))], env=ENV, capture_output=True, text=True,
                         timeout=30)  # fmt: skip
    kind = "a named pipe (FIFO)" if what == "fifo" else "a device"
    assert run.returncode == 1 and f"out/manifest.json is {kind}, not a file [at output]" in run.stderr, run.stderr
    assert manifest.is_fifo() if what == "fifo" else os.readlink(manifest) == "/dev/zero"


@pytest.mark.parametrize("what", ["manifest-folder", "manifest-list", "out-file"])
def test_a_manifest_that_cannot_be_written_is_an_error_not_a_bug(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], what: str
) -> None:
    out = inputs.content.parent / "out"
    if what == "manifest-folder":
        (out / "manifest.json").mkdir(parents=True)
    elif what == "manifest-list":
        out.mkdir()
        (out / "manifest.json").write_text("[1, 2]", encoding="utf-8")
    else:
        out.write_text("not a folder", encoding="utf-8")
    status, _, err = batch(capsys, _editions(inputs))
    assert status in (1, 2) and INTERNAL not in err and "out" in err, err
    assert _hidden(inputs.content.parent) == []


# --- --json ------------------------------------------------------------------------------------------------------


def test_the_json_report_can_be_written_again_over_the_last_one(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    report = tmp_path / "report.json"
    assert batch(capsys, _editions(inputs), "--json", str(report))[0] == 0
    status, _, err = batch(capsys, _editions(inputs), "--json", str(report))
    assert status == 0 and INTERNAL not in err, err
    assert json.loads(report.read_text(encoding="utf-8"))["editions"][0]["status"] == "unchanged"


def test_json_at_a_file_of_another_kind_is_refused_with_what_to_do(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """`--json package.json` (a web project's file): refused, as `build` refuses it, and with its hint (none was
    given), before anything is built."""
    other = tmp_path / "package.json"
    other.write_text('{"name": "site"}', encoding="utf-8")
    status, out, err = batch(capsys, _editions(inputs), "--json", str(other))
    assert status == 2 and not (inputs.content.parent / "out").exists(), out + err
    assert f"--json {other} already exists and is not a JSON report (hint: choose another name, or remove" in err
    assert other.read_text(encoding="utf-8") == '{"name": "site"}'


def test_json_at_the_manifest_does_not_break_later_runs(inputs: Inputs, capsys: pytest.CaptureFixture[str]) -> None:
    path = _editions(inputs)
    batch(capsys, path)
    batch(capsys, path, "--json", str(inputs.content.parent / "out" / "manifest.json"))
    status, _, err = batch(capsys, path)
    assert status in (0, 2) and INTERNAL not in err, err


@pytest.mark.parametrize(
    "where",
    [
        "content.yaml",
        "editions.yaml",
        "assets",
        "/dev/null",
        "out/test-clinic/en-gb/trifold-a4-office.pdf",
        "out/index.html",
        "out/thumbs",
        "out/thumbs/report.json",
        "content.yaml/report.json",
        "out/.batch.lock",  # (the next batch took it for its lock, and removed it)
    ],
)
def test_json_at_an_input_or_a_folder_is_refused_before_anything_is_built(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], where: str
) -> None:
    path = _editions(inputs)
    before = {p: p.read_bytes() for p in (inputs.content, path)}
    target = where if where.startswith("/") else str(inputs.content.parent / where)
    status, _, err = batch(capsys, path, "--json", target)
    assert status == 2 and INTERNAL not in err and "--json" in err, err
    assert not (inputs.content.parent / "out").exists()
    assert {p: p.read_bytes() for p in before} == before


def test_a_file_where_the_page_pictures_go_is_one_error_before_anything_is_built(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file named `thumbs` in the output folder: one error naming it, not every edition failed with an OS error."""
    path = _editions(inputs)
    (inputs.content.parent / "out").mkdir()
    (inputs.content.parent / "out" / "thumbs").write_text("x", encoding="utf-8")
    status, _, err = batch(capsys, path)
    assert status == 1 and INTERNAL not in err, err
    assert err.count("error") == 1 and "out/thumbs is a file" in err, err
    assert sorted(p.name for p in (inputs.content.parent / "out").iterdir()) == ["thumbs"]


# --- the matrix --------------------------------------------------------------------------------------------------


def test_an_edition_listed_twice_is_an_error_or_built_once(inputs: Inputs, capsys: pytest.CaptureFixture[str]) -> None:
    text = EDITIONS + "  - kit: assets/brand.yaml\n    languages: [content.yaml, ./content.yaml]\n"
    status, out, err = batch(capsys, _editions(inputs, text))
    manifest = inputs.content.parent / "out" / "manifest.json"
    if status == 0:
        names = [e["edition"] for e in json.loads(manifest.read_text(encoding="utf-8"))["editions"]]
        assert names == ["test-clinic/en-gb/trifold/a4/office"] and "1 edition in" in out
    else:
        line, col = position(text, "./content.yaml")
        assert status == 1 and f"editions.yaml:{line}:{col}: error: " in err, err


def test_two_editions_for_one_file_are_refused_where_they_are_written(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    (inputs.content.parent / "copy.yaml").write_text(inputs.content.read_text(encoding="utf-8"), encoding="utf-8")
    text = EDITIONS.replace("[content.yaml]", "[content.yaml, copy.yaml]")
    status, _, err = batch(capsys, _editions(inputs, text))
    line, col = position(text, "copy.yaml")
    assert status == 1 and f"editions.yaml:{line}:{col}: error: two editions would be written" in err, err


@pytest.mark.parametrize("layout", ["kit-beside-editions", "output-in-kit"])
def test_outputs_inside_the_kit_folder_do_not_rebuild_every_edition_every_time(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], layout: str
) -> None:
    text = EDITIONS
    if layout == "kit-beside-editions":
        for p in list(inputs.kit.iterdir()):
            p.rename(inputs.content.parent / p.name)
        text = text.replace("assets/brand.yaml", "brand.yaml")
    else:
        text = text.replace('"out/{brand}/', '"assets/out/{brand}/')
    path = _editions(inputs, text)
    assert "1 built" in batch(capsys, path)[1]
    status, out, _ = batch(capsys, path)
    assert status == 0 and "0 built, 1 unchanged" in out, out


@pytest.mark.parametrize(
    "pattern",
    ["{brand}/{language}/{layout}-{paper}-{target}.pdf", "assets/{brand}/{language}/{layout}-{paper}-{target}.pdf"],
    ids=["beside-editions", "in-kit-folder"],
)
def test_a_changed_kit_is_built_again_whatever_folder_the_outputs_go_to(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], pattern: str
) -> None:
    """A new colour in the kit builds its editions again, also when the outputs (and so the manifest) go to
    editions.yaml's own folder or to the kit's folder."""
    path = _editions(inputs, EDITIONS.replace("out/{brand}/{language}/{layout}-{paper}-{target}.pdf", pattern))
    assert "1 built" in batch(capsys, path)[1]
    assert "0 built, 1 unchanged" in batch(capsys, path)[1]
    edit(inputs.brand, 'primary: "#1D5C63"', 'primary: "#1D5C64"')
    status, out, _ = batch(capsys, path)
    assert status == 0 and "1 built, 0 unchanged" in out, out


@pytest.mark.parametrize("broken", ["kit", "content"])
def test_an_edition_that_fails_is_not_listed_as_no_longer_an_edition(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], broken: str
) -> None:
    """A kit or content file with a mistake fails its editions; their last PDFs are still theirs, not files of
    editions dropped from editions.yaml."""
    path = _editions(inputs)
    assert batch(capsys, path)[0] == 0
    if broken == "kit":
        edit(inputs.brand, 'primary: "#1D5C63"', "primary: [1, 2")
    else:
        edit(inputs.content, "language: en-GB", "language: en-GB\nlanguag: x")
    status, out, _ = batch(capsys, path)
    assert status == 1 and "1 failed" in out and "no longer an edition" not in out, out
    assert (inputs.content.parent / "out/test-clinic/en-gb/trifold-a4-office.pdf").is_file()


def test_the_last_pdf_of_an_edition_that_failed_is_listed_once_it_is_no_longer_an_edition(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    """A kit that cannot be read fails its editions before they are named; their PDFs stay in place and the
    manifest keeps them, so that when the edition is dropped later its PDF is listed (it was forgotten)."""
    path = _editions(inputs)
    assert batch(capsys, path)[0] == 0
    edit(inputs.brand, 'primary: "#1D5C63"', "primary: [1, 2")
    assert batch(capsys, path)[0] == 1
    assert batch(capsys, path)[0] == 1  # (failed twice: still kept)
    edit(inputs.brand, "primary: [1, 2", 'primary: "#1D5C63"')
    _editions(inputs, EDITIONS.replace("layouts: [trifold]", "layouts: [bifold]"))
    status, out, _ = batch(capsys, path)
    old = "out/test-clinic/en-gb/trifold-a4-office.pdf"
    assert status == 0 and f"no longer an edition (left in place): {path.parent / old}" in out, out
    assert (inputs.content.parent / old).is_file()


def test_an_edition_that_failed_before_it_was_ever_written_is_not_listed_as_left_in_place(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    """'Left in place' names a file that is there: an edition that never made its PDF, or one whose PDF was since
    deleted, is not listed when it is dropped from the file."""
    path = _editions(inputs)
    edit(inputs.brand, 'primary: "#1D5C63"', "primary: [1, 2")
    assert batch(capsys, path)[0] == 1  # (failed: nothing written)
    edit(inputs.brand, "primary: [1, 2", 'primary: "#1D5C63"')
    _editions(inputs, EDITIONS.replace("layouts: [trifold]", "layouts: [bifold]"))
    status, out, _ = batch(capsys, path)
    assert status == 0 and "no longer an edition" not in out, out
    _editions(inputs, EDITIONS.replace("layouts: [trifold]", "layouts: [flyer]"))
    (inputs.content.parent / "out/test-clinic/en-gb/bifold-a4-office.pdf").unlink()  # (deleted by hand)
    status, out, _ = batch(capsys, path)
    assert status == 0 and "no longer an edition" not in out, out


@pytest.mark.parametrize("linked", [False, True], ids=["folder", "out-a-link-to-a-shared-drive"])
def test_two_editions_files_writing_to_one_folder_are_an_error_before_anything_is_built(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], tmp_path_factory: pytest.TempPathFactory, linked: bool
) -> None:
    """flyers.yaml writing into editions.yaml's out/: refused where its `output:` is written, nothing built or
    written (each run rebuilt everything and listed the other's PDFs as gone); editions.yaml renamed is fine. Also
    when out/ is a link to a folder elsewhere (the manifest's '../editions.yaml' was looked for beside that
    folder, and the other file taken over the manifest)."""
    path = _editions(inputs)
    if linked:
        (inputs.content.parent / "out").symlink_to(tmp_path_factory.mktemp("shared"), target_is_directory=True)
    assert batch(capsys, path)[0] == 0
    text = EDITIONS.replace("layouts: [trifold]", "layouts: [flyer]")
    flyers = path.with_name("flyers.yaml")
    flyers.write_text(text, encoding="utf-8")
    out = inputs.content.parent / "out"
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    status, _, err = batch(capsys, flyers)
    line, col = position(text, '"out/{brand}')
    assert status == 1 and f"flyers.yaml:{line}:{col}: error: the outputs go to out/, where the editions of " in err
    assert "editions.yaml are" in err and "its own folder in 'output:'" in err, err
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    path.unlink()  # (renamed: the new file takes the folder over)
    status, out_text, _ = batch(capsys, flyers)
    assert status == 0 and "1 built" in out_text, out_text


def test_an_editions_file_that_wrote_the_folder_while_another_waited_for_its_cluster_is_told(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """flyers.yaml's batch ran to its end into an empty out/ while editions.yaml's waited for its cluster (the check
    ran before): that batch then replaced its manifest and contact sheet, removed its page pictures and listed its
    PDFs as no longer editions, exit 0. It is the shared folder's error, the other's files left as they are."""
    path = _editions(inputs)
    flyers = path.with_name("flyers.yaml")
    flyers.write_text(EDITIONS.replace("layouts: [trifold]", "layouts: [flyer]"), encoding="utf-8")
    out = inputs.content.parent / "out"
    made: dict[Path, bytes] = {}

    def connected(args: object) -> object:  # (while "the cluster" is asked, the other batch runs)
        if not made:
            made[flyers] = b""  # (its own batch is given its workers)
            assert batch(capsys, flyers)[0] == 0
            made.update({p: p.read_bytes() for p in out.rglob("*") if p.is_file()})
        return batch_module.local(1)

    monkeypatch.setattr(commands_batch, "_executor", connected)
    status, _, err = cli(capsys, "batch", str(path))
    assert status == 1 and "error: the outputs go to out/, where the editions of " in err and "flyers.yaml" in err, err
    del made[flyers]
    assert made and {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == made


def test_two_projects_whose_out_links_to_one_shared_folder_are_an_error(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Two projects, each with out/ a link to one folder on a shared drive: each manifest named '../editions.yaml',
    its own, so neither was told; each run built every edition again. The second is refused, naming the first's
    editions file; a project copied with its out/ (a folder of its own) is not."""
    import shutil

    first = _editions(inputs)
    project = inputs.content.parent
    shared = tmp_path_factory.mktemp("shared-drive")
    other = tmp_path_factory.mktemp("second-project") / "clinic"
    shutil.copytree(project, other)
    copied = tmp_path_factory.mktemp("copied") / "clinic"
    (project / "out").symlink_to(shared, target_is_directory=True)
    (other / "out").symlink_to(shared, target_is_directory=True)
    assert batch(capsys, first)[0] == 0
    shutil.copytree(project, copied, symlinks=False)  # (its out/ a folder of its own, the manifest in it)
    before = {p: p.read_bytes() for p in shared.rglob("*") if p.is_file()}
    status, _, err = batch(capsys, other / "editions.yaml")
    assert status == 1 and "error: the outputs go to out/, where the editions of " in err, err
    assert f"{first.parent.name}/editions.yaml are" in err, err
    assert {p: p.read_bytes() for p in shared.rglob("*") if p.is_file()} == before
    status, out, err = batch(capsys, copied / "editions.yaml")
    assert status == 0 and "0 built, 1 unchanged" in out, out + err


def test_outputs_left_by_a_changed_output_pattern_are_listed(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same edition written to a new path: the file at the old path is listed, not deleted."""
    path = _editions(inputs)
    batch(capsys, path)
    _editions(inputs, EDITIONS.replace("{layout}-{paper}-{target}", "{layout}_{paper}_{target}"))
    status, out, _ = batch(capsys, path)
    old = "out/test-clinic/en-gb/trifold-a4-office.pdf"
    assert status == 0 and f"no longer an edition (left in place): {path.parent / old}" in out, out
    assert "no longer an edition (left in place): out/test-clinic/en-gb/trifold_a4_office.pdf" not in out
    assert (inputs.content.parent / old).is_file()


def test_an_edition_whose_page_pictures_were_removed_is_built_again(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    """out/thumbs/ cleared away: the next batch makes the pictures again, so the contact sheet shows every page."""
    path = _editions(inputs)
    batch(capsys, path)
    thumbs = inputs.content.parent / "out" / "thumbs"
    for picture in thumbs.rglob("*.png"):
        picture.unlink()
    status, out, _ = batch(capsys, path)
    assert status == 0 and "1 built, 0 unchanged" in out, out
    index = (inputs.content.parent / "out" / "index.html").read_text(encoding="utf-8")
    pictures = re.findall(r'<img src="([^"]+)"', index)
    assert pictures and all((inputs.content.parent / "out" / p).is_file() for p in pictures)


def test_a_source_date_epoch_that_is_not_a_time_is_a_usage_error_before_anything_is_built(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """As `brochure build` says it: once, exit 2, not each edition's "internal error" with its outputs listed as
    no longer editions."""
    path = _editions(inputs)
    batch(capsys, path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "abc")
    status, out, err = batch(capsys, path)
    assert status == 2 and "SOURCE_DATE_EPOCH='abc' is not a time" in err and INTERNAL not in err + out, err
    assert "editions in" not in out and "no longer an edition" not in out


def test_an_edition_whose_worker_failed_is_not_listed_as_no_longer_an_edition(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A task that ends in an internal error fails its editions; their last PDFs are still theirs."""
    path = _editions(inputs)
    batch(capsys, path)
    edit(inputs.content, "Redness for 1 to 3 days", "Redness for 1 to 3 days, sometimes a week")

    def broken(task: object) -> object:
        raise RuntimeError("a bug")

    monkeypatch.setattr(batch_module.worker, "_run_task", broken)
    status, out, err = cli(capsys, "batch", str(path), "--jobs", "1")
    assert status == 1 and INTERNAL in out + err and "no longer an edition" not in out, out


def test_a_change_to_a_kit_inside_another_kits_folder_builds_only_its_own_editions(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    """A second clinic's kit in a folder inside the first's, its file not named brand.yaml: a new colour in it
    builds its editions again, not the first clinic's."""
    inner = inputs.kit / "second"
    inner.mkdir()
    (inner / "logo.svg").write_bytes((inputs.kit / "logo.svg").read_bytes())
    kit = inputs.brand.read_text(encoding="utf-8").replace("name: Test Clinic", "name: Second Clinic")
    (inner / "kit.yaml").write_text(kit, encoding="utf-8")
    path = _editions(inputs, EDITIONS + "  - kit: assets/second/kit.yaml\n    languages: [content.yaml]\n")
    assert "2 built" in batch(capsys, path)[1]
    edit(inner / "kit.yaml", 'primary: "#1D5C63"', 'primary: "#1D5C64"')
    status, out, _ = batch(capsys, path)
    assert status == 0 and "1 built, 1 unchanged" in out and "built  second-clinic/" in out, out


def test_only_the_files_a_kit_is_read_from_build_its_editions_again(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    """A kit beside editions.yaml: a --json report written there, notes or a draft logo left there build nothing
    again (every edition was built again on each run); its logo or a fallback font file changed builds them."""
    for p in list(inputs.kit.iterdir()):
        p.rename(inputs.content.parent / p.name)
    folder = inputs.content.parent
    fallback = folder / "Vera.ttf"
    fallback.write_bytes((Path(reportlab.__file__).parent / "fonts" / "Vera.ttf").read_bytes())
    edit(folder / "brand.yaml", "  body: {family: Be Vietnam Pro}\n", "  body: {family: Be Vietnam Pro}\n"
         "  fallbacks: [{regular: Vera.ttf}]\n")  # fmt: skip
    path = _editions(inputs, EDITIONS.replace("assets/brand.yaml", "brand.yaml"))
    assert "1 built" in batch(capsys, path, "--json", str(folder / "report.json"))[1]
    (folder / "notes.txt").write_text("call the printer", encoding="utf-8")
    (folder / "logo-draft.svg").write_bytes((folder / "logo.svg").read_bytes())
    status, out, _ = batch(capsys, path, "--json", str(folder / "report.json"))
    assert status == 0 and "0 built, 1 unchanged" in out, out
    edit(folder / "logo.svg", "</svg>", "<!-- a new version --></svg>")
    assert "1 built, 0 unchanged" in batch(capsys, path)[1]
    with fallback.open("ab") as f:
        f.write(b"\0" * 4)  # (padding after the tables: the font still reads)
    status, out, _ = batch(capsys, path)
    assert status == 0 and "1 built, 0 unchanged" in out, out


# --- Ctrl-C ------------------------------------------------------------------------------------------------------


def test_ctrl_c_stops_a_batch_without_building_the_rest(inputs: Inputs) -> None:
    folder = inputs.content.parent
    names = []
    for i in range(20):
        name = f"c{i:02d}.yaml"
        text = inputs.content.read_text(encoding="utf-8").replace("language: en-GB", f"language: en-x-c{i:02d}")
        (folder / name).write_text(text, encoding="utf-8")
        names.append(name)
    path = _editions(
        inputs,
        "layouts: [trifold, bifold, flyer, large-print]\ntargets: [office, press]\nbrands:\n"
        + "".join(f"  - kit: assets/brand.yaml\n    languages: [{n}]\n" for n in names),
    )  # 160 editions: several seconds on two cores
    proc = subprocess.Popen(
        [*PYTHON, "batch", str(path), "--jobs", "2"],
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 120
        while not list((folder / "out").rglob("*.pdf")):
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline, "no PDF appeared"
            time.sleep(0.01)
        os.killpg(proc.pid, signal.SIGINT)  # as a terminal's Ctrl-C: the workers get it too
        _, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 130 and "brochure: interrupted" in err
    built = len(list((folder / "out").rglob("*.pdf")))
    assert built < 80, f"{built} of 160 editions were built: the queued work went on after Ctrl-C"
    assert _hidden(folder) == []


def test_a_file_where_an_editions_folder_goes_is_named_with_a_hint(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file where the output pattern puts a brand's folder fails that edition, naming the file in the way and
    what to do (it said "[Errno 17] File exists: 'out/test-clinic'")."""
    path = _editions(inputs)
    (inputs.content.parent / "out").mkdir()
    (inputs.content.parent / "out" / "test-clinic").write_text("notes", encoding="utf-8")
    status, out, err = batch(capsys, path)
    assert status == 1 and "1 failed" in out, out
    blocked = "out/test-clinic is a file, where the output pattern puts a folder"
    assert blocked in err and "(hint: move the file away, or change 'output:' in editions.yaml)" in err, err
    assert (inputs.content.parent / "out" / "test-clinic").read_text(encoding="utf-8") == "notes"  # (untouched)


# --- a hand-edited manifest's entries of earlier outputs ---------------------------------------------------------


def _manifest_with(inputs: Inputs, key: str, entries: list[object]) -> Path:
    """The last manifest, its list `key` ("editions" or "kept_for_failed") extended with entries written by hand."""
    manifest = inputs.content.parent / "out" / "manifest.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    data[key] = [*data.get(key, []), *entries]
    manifest.write_text(json.dumps(data), encoding="utf-8")
    return manifest


@pytest.mark.parametrize("key", ["editions", "kept_for_failed"])
@pytest.mark.parametrize("name", [["x"], {"a": 1}], ids=["list", "object"])
def test_an_earlier_edition_named_by_a_list_or_object_is_not_a_crash(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], key: str, name: object
) -> None:
    """An entry whose edition is not a name: the batch ends as usual (its manifest and contact sheet written), not
    with an internal error at every run after."""
    path = _editions(inputs)
    assert batch(capsys, path)[0] == 0
    _manifest_with(inputs, key, [{"edition": name, "output": "out/x/en-gb/trifold-a4-office.pdf"}])
    for _ in range(2):
        status, out, err = batch(capsys, path)
        assert status == 0 and "1 unchanged" in out and INTERNAL not in err, out + err


@pytest.mark.parametrize("key", ["editions", "kept_for_failed"])
def test_a_manifest_naming_files_the_batch_never_writes_does_not_list_them(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], key: str
) -> None:
    """Outputs are relative paths ending .pdf inside editions.yaml's folder: an entry naming another file (the
    batch's own files, one outside the folder, a name with terminal escapes) is not listed as an output left in
    place, and nothing is written in its name."""
    path = _editions(inputs)
    assert batch(capsys, path)[0] == 0
    hostile = ["../../etc/passwd", "/etc/passwd", "editions.yaml", "out/manifest.json", "\x1b[2J.pdf\nfailed: x.pdf"]
    _manifest_with(inputs, key, [{"edition": f"e{i}", "output": o} for i, o in enumerate(hostile)])
    before = (path.read_bytes(), Path("/etc/passwd").read_bytes())
    status, out, err = batch(capsys, path)
    assert status == 0 and "no longer an edition" not in out and "\x1b" not in out + err, out + err
    assert (path.read_bytes(), Path("/etc/passwd").read_bytes()) == before


def test_a_failed_edition_keeps_its_pdf_whatever_folder_the_batch_is_run_from(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`brochure batch` in the clinic's folder, then `brochure batch clinic/editions.yaml` from the folder above
    while the kit has a mistake: the failed edition's PDF is still its own, not listed as no longer an edition
    (the manifest named the inputs relative to the folder the batch was run from)."""
    folder = inputs.content.parent
    _editions(inputs)
    monkeypatch.chdir(folder)
    assert batch(capsys, Path("editions.yaml"))[0] == 0
    edit(inputs.brand, 'primary: "#1D5C63"', "primary: [1, 2")
    monkeypatch.chdir(folder.parent)
    status, out, _ = batch(capsys, Path(folder.name) / "editions.yaml")
    assert status == 1 and "1 failed" in out and "no longer an edition" not in out, out
    monkeypatch.chdir(folder)
    status, out, _ = batch(capsys, Path("editions.yaml"))
    assert status == 1 and "no longer an edition" not in out, out
    entries = json.loads((folder / "out" / "manifest.json").read_text(encoding="utf-8"))["editions"]
    assert list(entries[0]["inputs"]) == ["content.yaml", "assets/brand.yaml"]


def test_a_kit_whose_brand_file_is_a_link_to_another_kits_is_stamped_with_its_own_logo(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    """A second clinic's folder whose brand.yaml is a link to the first's, beside its own logo: its logo is read
    from its own folder (as `brochure build` reads it), so a new logo there builds its editions again; the batch
    took the kit for the first one and left its PDF with the old logo."""
    folder = inputs.content.parent
    other = folder / "other"
    other.mkdir()
    (other / "brand.yaml").symlink_to(Path("..") / "assets" / "brand.yaml")
    (other / "logo.svg").write_text(LOGO, encoding="utf-8")
    (folder / "us.yaml").write_text(CONTENT.replace("language: en-GB", "language: en-US"), encoding="utf-8")
    path = _editions(inputs, EDITIONS + "  - kit: other/brand.yaml\n    languages: [us.yaml]\n")
    assert batch(capsys, path)[1].count("  built  ") == 2
    (other / "logo.svg").write_text(LOGO.replace("#1D5C63", "#E07A5F"), encoding="utf-8")
    status, out, _ = batch(capsys, path)
    assert status == 0 and "1 built, 1 unchanged" in out and "built  test-clinic/en-us/" in out, out


# --- what is in the outputs' place ------------------------------------------------------------------------------


def _first(inputs: Inputs) -> dict[str, object]:
    data = json.loads((inputs.content.parent / "out" / "manifest.json").read_text(encoding="utf-8"))
    entry: dict[str, object] = data["editions"][0]
    return entry


def test_an_edition_whose_picture_cannot_be_written_fails_and_keeps_its_last_pdf(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file of another kind where a page picture goes: the edition fails and its last PDF is left as it was
    (the PDF is written last), with a hint that says what is in the way, not that the disk may be full."""
    path = _editions(inputs)
    batch(capsys, path)
    entry = _first(inputs)
    pdf = inputs.content.parent / str(entry["output"])
    before = pdf.read_bytes()
    picture = inputs.content.parent / str(entry["thumbs"][0])  # type: ignore[index]
    picture.write_text("not a picture", encoding="utf-8")
    edit(inputs.content, "title: Micro-needling", "title: New micro-needling")
    status, out, err = batch(capsys, path)
    assert status == 1 and "1 failed" in out and "already exists and is not a PNG picture" in err, out + err
    assert "(hint: move that file away, or change 'output:' in editions.yaml)" in err and "disk" not in err, err
    assert pdf.read_bytes() == before and picture.read_text(encoding="utf-8") == "not a picture"


@pytest.mark.parametrize("damage", ["junk", "truncated"])
def test_an_edition_whose_page_picture_was_damaged_is_built_again(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], damage: str
) -> None:
    """A page picture overwritten or cut short (the contact sheet would show a broken image): the manifest
    records each picture's SHA-256, so the edition is built again and its pictures made anew."""
    path = _editions(inputs)
    batch(capsys, path)
    picture = inputs.content.parent / str(_first(inputs)["thumbs"][0])  # type: ignore[index]
    good = picture.read_bytes()
    if damage == "junk":
        picture.write_bytes(b"\x89PNG\r\n\x1a\n" + b"junk")
    else:
        picture.write_bytes(good[:100])
    status, out, _ = batch(capsys, path)
    assert status == 0 and "1 built, 0 unchanged" in out, out
    assert picture.read_bytes() == good


def test_bytes_moved_from_one_picture_file_to_the_next_build_again(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    """The words' files are hashed each with its length: bytes moved from the end of one picture's file to the
    start of the next (a PNG reader ignores what follows a picture's end) make another edition, built again."""
    from PIL import Image as PILImage

    folder = inputs.content.parent
    red, blue, green = folder / "red.png", folder / "blue.png", folder / "green.png"
    for picture, ink in ((red, "#C04040"), (blue, "#4040C0"), (green, "#40C040")):
        PILImage.new("RGB", (2400, 1600), ink).save(picture)
    r, b, g = red.read_bytes(), blue.read_bytes(), green.read_bytes()
    bullets = '      - bullets:\n          - "Redness for 1 to 3 days"\n'
    shown = "".join(f"      - image: {{src: {n}.png, alt: A photo}}\n" for n in ("one", "two"))
    edit(inputs.content, bullets, bullets + shown)
    (folder / "one.png").write_bytes(r + b)  # (red, with blue's bytes after its end)
    (folder / "two.png").write_bytes(g)
    path = _editions(inputs, EDITIONS.replace("[trifold]", "[large-print]"))
    first = batch(capsys, path)
    assert "1 built" in first[1], first[2]
    (folder / "one.png").write_bytes(r)
    (folder / "two.png").write_bytes(b + g)  # (blue, with green's bytes after it: the same bytes in all)
    status, out, err = batch(capsys, path)
    assert status == 0 and "1 built, 0 unchanged" in out, out + err


def test_a_large_file_in_an_outputs_place_is_not_read(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file of another size where the last PDF was (a copy of something large): its size says it is not the
    edition's, so it is not read into memory to be hashed; the edition is built again."""
    path = _editions(inputs)
    batch(capsys, path)
    pdf = inputs.content.parent / str(_first(inputs)["output"])
    with pdf.open("ab") as f:
        f.truncate(pdf.stat().st_size + 2**30)  # (sparse: no disk taken)
    read = plan.read_bytes

    def refuse(at: Path, most: int) -> tuple[bytes | None, str]:
        assert at.resolve() != pdf.resolve(), "the large file was read"
        return read(at, most)

    monkeypatch.setattr(plan, "read_bytes", refuse)
    status, out, err = batch(capsys, path, "--jobs", "1")
    assert status == 0 and "1 built, 0 unchanged" in out, out + err


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("thumbs", ["/etc/hostname"]),
        ("thumbs", ["out/thumbs/../../../etc/hostname.png"]),
        ("findings", ["content.yaml:1:1: warning: \x1b[31mred\x1b[0m"]),
        ("thumbs_sha256", []),
    ],
    ids=["picture-elsewhere", "picture-climbs-out", "terminal-escape", "no-picture-hashes"],
)
def test_a_hand_edited_manifest_entry_is_not_trusted(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], key: str, value: object
) -> None:
    """A manifest entry whose pictures are files the batch never writes, or whose findings would print terminal
    escapes: the edition is built again, and nothing of the entry reaches the contact sheet or the terminal."""
    path = _editions(inputs)
    batch(capsys, path)
    manifest = inputs.content.parent / "out" / "manifest.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    data["editions"][0][key] = value
    manifest.write_text(json.dumps(data), encoding="utf-8")
    status, out, err = batch(capsys, path)
    assert status == 0 and "1 built, 0 unchanged" in out and "\x1b" not in out + err, out + err
    sheet = (inputs.content.parent / "out" / "index.html").read_text(encoding="utf-8")
    assert "hostname" not in sheet and "\x1b" not in manifest.read_text(encoding="utf-8")


def test_a_second_batch_writing_to_the_same_folder_is_an_error_while_the_first_runs(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two batches at once would each write the manifest of its own run over the other's PDFs: while one holds
    the folder, another is an error before it builds anything; the folder is free again once the first ends
    (however it ended: a lock file left by a killed batch is no lock), and no lock file is left behind."""
    from brochure.output.files import only_one

    path = _editions(inputs)
    out = inputs.content.parent / "out"
    out.mkdir()
    with only_one(out / batch_module.LOCK) as busy:  # (as a batch running in another process holds it)
        assert busy == ""
        status, _, err = batch(capsys, path)
        assert status == 1 and "another `brochure batch` is writing to" in err and "run one at a time" in err, err
        assert not (out / "manifest.json").exists() and not list(out.rglob("*.pdf"))
    (out / batch_module.LOCK).write_text("", encoding="utf-8")  # (what a batch killed with SIGKILL leaves)
    status, out_text, err = batch(capsys, path)
    assert status == 0 and "1 built" in out_text, err
    assert _hidden(inputs.content.parent) == []


def test_an_output_pattern_nested_too_deep_is_an_error_where_it_is_written(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    """A pattern of a thousand folders (2 KB, under the length limit) is refused where it is written, before
    anything is built: making its folders was an internal error (a recursion too deep) after PDFs were written."""
    pattern = "out/{brand}/{language}/" + "x/" * 1000 + "{layout}-{paper}-{target}.pdf"
    text = EDITIONS.replace("out/{brand}/{language}/{layout}-{paper}-{target}.pdf", pattern)
    status, _, err = batch(capsys, _editions(inputs, text))
    line, col = position(text, f'"{pattern}"')
    assert status == 1 and INTERNAL not in err, err
    assert f"editions.yaml:{line}:{col}: error: the output pattern nests its PDFs 1003 folders deep: at most 32" in err
    assert not (inputs.content.parent / "out").exists()


@pytest.mark.parametrize(
    ("pattern", "said"),
    [
        ("../out/{brand}/{language}/{layout}-{paper}-{target}.pdf", "has '..': write it without"),
        ("out/{brand}/../{language}/{layout}-{paper}-{target}.pdf", "has '..': write it without"),
        ("/srv/out/{brand}/{language}/{layout}-{paper}-{target}.pdf", "starts with '/': it is a path from the"),
        ("C:/out/{brand}/{language}/{layout}-{paper}-{target}.pdf", "starts with 'C:': it is a path from the"),
        ("out/{brand}/{language}/{layout}-{paper}-{target}.PDF", "does not end .pdf (in small letters)"),
    ],
    ids=["up-first", "up-inside", "absolute", "windows-drive", "capitals"],
)
def test_an_output_pattern_outside_its_folder_is_told_what_is_wrong_with_it(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], pattern: str, said: str
) -> None:
    """Each is told what is wrong with it: all were told "not a relative path ending .pdf", of a pattern that is
    relative and ends .pdf."""
    text = EDITIONS.replace("out/{brand}/{language}/{layout}-{paper}-{target}.pdf", pattern)
    status, _, err = batch(capsys, _editions(inputs, text))
    line, col = position(text, f'"{pattern}"')
    assert status == 1 and f"editions.yaml:{line}:{col}: error: the output pattern {said}" in err, err


def test_a_lock_or_manifest_that_cannot_be_written_is_told_with_a_hint(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder where the batch keeps its lock, and a manifest the system refuses to write, each say what to do;
    neither names a hidden temporary file (they gave the error alone, the second with "[Errno 13] ... .tmp")."""
    path = _editions(inputs)
    out = inputs.content.parent / "out"
    (out / batch_module.LOCK).mkdir(parents=True)
    status, _, err = batch(capsys, path)
    assert status == 1 and "where the batch keeps its lock (hint: move it away, or give the editions" in err, err
    (out / batch_module.LOCK).rmdir()
    (out / batch_module.LOCK).symlink_to("/nowhere")  # (never followed)
    status, _, err = batch(capsys, path)
    assert status == 1 and f"{out / batch_module.LOCK} is a link, where the batch keeps its lock (hint: move" in err
    (out / batch_module.LOCK).unlink()

    def refused(*args: object) -> object:
        raise PermissionError(13, "Permission denied", str(out / ".manifest.json.1a2b3c4d.tmp"))

    monkeypatch.setattr(batch_module, "write_manifest", refused)
    status, _, err = batch(capsys, path)
    said = f"brochure: error: the manifest or contact sheet could not be written into {out}: Permission denied "
    assert status == 1 and said + "(hint: check the output folder is writable" in err, err
    assert ".tmp" not in err


def test_a_report_in_a_folder_that_cannot_be_written_is_refused_before_anything_is_built(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """--json into a folder the user may not write is a usage error before any edition is built, as the README
    says of the batch's files (it was found after every edition was built)."""
    import brochure.commands.batch

    path = _editions(inputs)
    locked = inputs.content.parent / "reports"
    locked.mkdir()
    real = os.access
    monkeypatch.setattr(brochure.commands.batch.os, "access", lambda p, mode: Path(p) != locked and real(p, mode))
    status, _, err = batch(capsys, path, "--json", str(locked / "r.json"))
    assert status == 2 and f"--json {locked / 'r.json'}: {locked} is not writable; give the report a path" in err
    assert not (inputs.content.parent / "out").exists()


def test_two_editions_files_sharing_the_default_folder_are_an_error_at_a_line_and_column(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    """With no `output:` (the default out/ folder), the error about another editions file's folder still says
    where: the file's start, as every error says a line and column."""
    bare = "\n".join(line for line in EDITIONS.splitlines() if not line.startswith("output:")) + "\n"
    assert batch(capsys, _editions(inputs, bare))[0] == 0
    other = inputs.content.parent / "flyers.yaml"
    other.write_text(bare.replace("[trifold]", "[flyer]"), encoding="utf-8")
    status, _, err = batch(capsys, other)
    assert status == 1 and "flyers.yaml:1:1: error: the outputs go to out/" in err, err


def test_a_manifest_naming_a_copy_of_a_picture_elsewhere_is_not_trusted(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    """A page picture the manifest names outside the batch's folder of pictures, even one with the right bytes,
    is never read (nor shown by the contact sheet): the edition is built again with its own pictures."""
    path = _editions(inputs)
    batch(capsys, path)
    manifest = inputs.content.parent / "out" / "manifest.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    picture = inputs.content.parent / data["editions"][0]["thumbs"][0]
    (inputs.content.parent / "copy.png").write_bytes(picture.read_bytes())
    data["editions"][0]["thumbs"][0] = "copy.png"
    manifest.write_text(json.dumps(data), encoding="utf-8")
    status, out, err = batch(capsys, path)
    assert status == 0 and "1 built, 0 unchanged" in out, out + err
    assert "copy.png" not in (inputs.content.parent / "out" / "index.html").read_text(encoding="utf-8")


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads a process's children from /proc")
def test_a_batch_killed_outright_leaves_its_folder_free_and_its_workers_end(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    """A batch killed with SIGKILL (the out-of-memory killer) left its forked workers behind, holding what it had
    open and waiting for tasks for ever: the lock is the batch's own (a record lock, not one on the open file they
    share), so the next batch runs (every later batch said another was writing until the workers were found), and
    the workers see their batch gone and end."""
    path = _editions(
        inputs, EDITIONS.replace("[trifold]", "[trifold, bifold, flyer]").replace("[office]", "[office, press]")
    )
    proc = subprocess.Popen(
        [*PYTHON, "batch", str(path), "--jobs", "2"],
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 120
        while len(workers := [w for w in _forked(proc.pid) if _watching(w)]) < 2:  # (both its workers, each watching
            # its batch: one killed before it started to watch ends by its first look, whatever the watch does)
            assert proc.poll() is None and time.monotonic() < deadline, "the batch ended before it started workers"
            time.sleep(0.01)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=60)
        from brochure.output.files import only_one

        with only_one(inputs.content.parent / "out" / batch_module.LOCK) as busy:  # (at once: the workers, which
            assert busy == "", busy  # end within a second, must not hold it meanwhile)
        status, out, err = batch(capsys, path)
        assert status == 0 and "another `brochure batch`" not in err and "6 editions" in out, out + err
        end = time.monotonic() + 30  # (a guard against workers left for ever, not a measure: they end within 1 s)
        while any(Path(f"/proc/{pid}").exists() and "zombie" not in _state(pid) for pid in workers):
            assert time.monotonic() < end, "the workers of a batch killed outright waited for tasks for ever"
            time.sleep(0.05)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)  # (the workers it left)


def _watching(pid: int) -> bool:
    """Whether a batch's worker has started the thread that watches its batch (batch/worker.py `_orphaned`): its
    second thread (a worker's others start after it)."""
    try:
        return len(os.listdir(f"/proc/{pid}/task")) >= 2
    except OSError:
        return False


def _forked(pid: int) -> list[int]:
    """The children of a process that are forks of it (its command line): its workers, not a helper it started
    with a command of its own."""
    own = Path(f"/proc/{pid}/cmdline").read_bytes()
    forks = []
    for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split():
        with contextlib.suppress(OSError):
            if Path(f"/proc/{child}/cmdline").read_bytes() == own:
                forks.append(int(child))
    return forks


def _state(pid: int) -> str:
    """A process's state as /proc says it ('sleeping', 'zombie' ...); '' when it is gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return ""
    return next((line.split("(")[-1].rstrip(")") for line in status.splitlines() if line.startswith("State:")), "")


def test_a_worker_whose_batch_died_before_it_started_ends() -> None:
    """A batch killed between forking a worker and the worker's start-up left that worker with init for a parent,
    which it took for its batch: it waited for tasks for ever (seen under load, as a flaky test). The batch's
    process id is the worker's from before the fork: a worker that starts with another parent ends at once."""
    code = f"import time\nfrom brochure.batch import worker\nworker.initializer({_ended_pid()})\ntime.sleep(60)\n"
    done = subprocess.run([sys.executable, "-P", "-c", code], env=ENV, timeout=30, capture_output=True)
    assert done.returncode == 1 and done.stderr == b"", done.stderr  # (not a TypeError's exit)


def _ended_pid() -> int:
    """The id of a process that has ended and been reaped."""
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


@pytest.mark.parametrize("method", ["fork", "forkserver", "spawn"])
def test_workers_started_every_way_run_their_tasks(method: str) -> None:
    """A worker told its batch's process id runs its tasks however it was started: a fork server (Python 3.14's
    default on Linux) is its parent, not the batch, and an earlier version took that for its batch's end."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(
        max_workers=1,
        mp_context=multiprocessing.get_context(method),
        initializer=batch_module.worker.initializer,
        initargs=(os.getpid(),),
    ) as pool:
        assert pool.submit(os.getpid).result(timeout=60) != os.getpid()


def test_a_pipe_or_huge_file_among_the_words_is_hashed_without_waiting_or_reading_it(tmp_path: Path) -> None:
    """The stamps' hash of the words read each file whole with no look first: a source swapped for a named pipe
    mid-run hung the batch for good (SIGTERM did not end it), and a 700 MB source took 1.4 GB. Each is looked at
    first, counted as what it is, and never opened or read."""
    from brochure.batch.records import KIT_FILE_BYTES, files_digest

    fifo, huge, plain = tmp_path / "src.yaml", tmp_path / "huge.yaml", tmp_path / "plain.yaml"
    os.mkfifo(fifo)
    with huge.open("wb") as f:
        f.truncate(KIT_FILE_BYTES + 1)  # (sparse: nothing written)
    plain.write_text("language: en\n", encoding="utf-8")
    said: list[str] = []
    hashing = threading.Thread(target=lambda: said.append(files_digest([plain, fifo, huge])), daemon=True)
    hashing.start()
    hashing.join(timeout=30)  # (a guard against a hang: it takes a millisecond)
    assert not hashing.is_alive() and len(said) == 1
    assert said[0] != files_digest([plain, plain, plain])


def test_json_at_a_source_no_brand_takes_is_refused(inputs: Inputs, capsys: pytest.CaptureFixture[str]) -> None:
    """A top-level `source:` that every brand replaces with its own was no longer counted as an input: `--json` at
    it wrote the report over it, exit 0."""
    folder = inputs.content.parent
    unused = folder / "group-words.yaml"
    unused.write_bytes(inputs.content.read_bytes())
    text = EDITIONS.replace("brands:\n", "source: group-words.yaml\nbrands:\n").replace(
        "    languages: [content.yaml]", "    source: content.yaml\n    languages: [content.yaml]"
    )
    before = unused.read_bytes()
    status, _, err = batch(capsys, _editions(inputs, text), "--json", str(unused))
    assert status == 2 and "it names an input" in err, err
    assert unused.read_bytes() == before


def test_a_kit_and_content_file_named_with_two_sources_is_an_error(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two entries of one kit naming one content file, one with a `source:` of its own: the batch checked its
    editions against two sources, and `serve` took the first. An error where it is named again."""
    folder = inputs.content.parent
    (folder / "es.yaml").write_text(
        inputs.content.read_text(encoding="utf-8").replace("language: en-GB", "language: es"), encoding="utf-8"
    )
    text = EDITIONS.replace("brands:\n", "source: content.yaml\nbrands:\n") + (
        "  - kit: assets/brand.yaml\n    source: es.yaml\n    layouts: [flyer]\n    languages: [content.yaml]\n"
    )
    status, _, err = batch(capsys, _editions(inputs, text))
    at = text.rindex("content.yaml]")  # (the second entry's, where the file is named again)
    line, col = text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at)
    assert status == 1 and "'content.yaml' is named for the kit assets/brand.yaml again with another source" in err
    assert f"editions.yaml:{line}:{col}: error:" in err and not (folder / "out").exists(), err
