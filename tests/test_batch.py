"""`brochure batch`: every edition of editions.yaml in worker processes, incremental, with a manifest and a report."""

from __future__ import annotations

import dataclasses
import hashlib
import html
import json
import multiprocessing
import os
import re
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import date, timedelta
from pathlib import Path
from typing import Any, TypeVar

import pytest
from conftest import Inputs, edit, position
from helpers import ROOT, TESTED, batch, cli, editions_file

from brochure import batch as batch_module
from brochure.batch import read_contents, run_task, tasks
from brochure.batch import run as runs
from brochure.batch.plan import collisions
from brochure.batch.records import Made, Task
from brochure.inputs.content import load_content
from brochure.inputs.editions import load_editions
from brochure.remembered import Kept

T = TypeVar("T")

EDITIONS = """\
output: "out/{brand}/{language}/{layout}-{paper}-{target}.pdf"
source: content.yaml
layouts: [trifold, large-print]
targets: [office]
brands:
  - kit: assets/brand.yaml
    languages: [content.yaml]
"""


def _editions(inputs: Inputs, text: str = EDITIONS) -> Path:
    return editions_file(inputs, text)


def _manifest(inputs: Inputs) -> dict[str, dict[str, object]]:
    data = json.loads((inputs.content.parent / "out" / "manifest.json").read_text(encoding="utf-8"))
    return {e["edition"]: e for e in data["editions"]}


def test_every_edition_is_built_with_a_manifest_of_what_was_made(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = batch(capsys, _editions(inputs))
    assert status == 0 and "2 editions in" in out and "2 built, 0 unchanged, 0 failed" in out
    manifest = _manifest(inputs)
    assert set(manifest) == {"test-clinic/en-gb/trifold/a4/office", "test-clinic/en-gb/large-print/a4/office"}
    for entry in manifest.values():
        pdf = inputs.content.parent / str(entry["output"])
        assert pdf.read_bytes().startswith(b"%PDF-") and entry["size"] == pdf.stat().st_size
        assert entry["status"] == "built" and int(str(entry["pages"])) >= 2 and len(str(entry["sha256"])) == 64
        assert any(str(f).endswith("content.yaml") for f in dict(entry["inputs"]))  # type: ignore[arg-type]
        logo = hashlib.sha256((inputs.kit / "logo.svg").read_bytes()).hexdigest()
        assert dict(entry["inputs"])["assets/logo.svg"] == logo  # type: ignore[arg-type]  # (the kit's files too)


def test_only_what_changed_is_built_again(inputs: Inputs, capsys: pytest.CaptureFixture[str]) -> None:
    """Nothing changed: nothing built. A changed content file: its editions again. --force: all."""
    path = _editions(inputs)
    batch(capsys, path)
    built = {name: e["sha256"] for name, e in _manifest(inputs).items()}
    status, out, _ = batch(capsys, path)
    assert (
        status == 0
        and "0 built, 2 unchanged" in out
        and {n: e["sha256"] for n, e in _manifest(inputs).items()} == built
    )
    edit(inputs.content, "Redness for 1 to 3 days", "Redness for 1 to 3 days, sometimes a week")
    assert "2 built, 0 unchanged" in batch(capsys, path)[1]
    assert "2 built, 0 unchanged" in batch(capsys, path, "--force")[1]


def test_a_broken_edition_never_stops_the_others(inputs: Inputs, capsys: pytest.CaptureFixture[str]) -> None:
    """A second clinic's words with a mistake: its editions fail (each named, with the mistake's place), the first
    clinic's are built, and the run ends with exit 1."""
    broken = inputs.content.parent / "broken.yaml"
    broken.write_text(
        inputs.content.read_text(encoding="utf-8").replace("language: en-GB", "language: en-GB\nlanguag: x")
    )
    status, out, err = batch(
        capsys,
        _editions(
            inputs,
            EDITIONS.replace("source: content.yaml\n", "")
            + "  - kit: assets/brand.yaml\n    languages: [broken.yaml]\n",
        ),
    )
    assert status == 1 and "2 built, 0 unchanged, 2 failed" in out
    assert err.count("failed: ") == 2 and "broken.yaml:2:1: error: unknown key 'languag'" in err
    assert len(list((inputs.content.parent / "out").rglob("*.pdf"))) == 2


def test_editions_whose_words_cannot_be_read_are_told_first(inputs: Inputs, capsys: pytest.CaptureFixture[str]) -> None:
    """Editions that fail at once (their words cannot be read) are handed out first, not last: their failure is the
    first line a user sees, and a batch stopped a moment after it started shows them failed rather than stopped."""
    broken = inputs.content.parent / "broken.yaml"
    broken.write_text(inputs.content.read_text(encoding="utf-8").replace("language: en-GB", "language: en-GB\nx: 1"))
    text = EDITIONS.replace("source: content.yaml\n", "") + "  - kit: assets/brand.yaml\n    languages: [broken.yaml]\n"
    status, out, _ = batch(capsys, _editions(inputs, text), "--jobs", "1")
    lines = [line.split() for line in out.splitlines() if line.startswith("   ")]
    assert status == 1 and [w[0] for w in lines] == ["failed", "failed", "built", "built"], out


def test_a_failed_edition_is_named_by_its_words_language_and_never_takes_another_editions_name(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    """Polish words with a mistake in a file named like another language's (pl in es.yaml) were named by the file:
    the Spanish edition's name, so the contact sheet showed one and the manifest kept one, and the good one was
    built again on every run. A failed edition is named by the language its words declare; one whose name another
    edition has (the same language, broken) carries its words' file in its name."""
    folder = inputs.content.parent
    (folder / "y").mkdir()
    words = inputs.content.read_text(encoding="utf-8")
    (folder / "es.yaml").write_text(words.replace("language: en-GB", "language: es"), encoding="utf-8")
    (folder / "z").mkdir()
    for other in ("y", "z"):  # (two broken Polish files, each named es.yaml)
        (folder / other / "es.yaml").write_text(words.replace("language: en-GB", "language: pl\nbogus: 1"), "utf-8")
    (folder / "broken.yaml").write_text(words.replace("language: en-GB", "language: en-GB\nbogus: 1"), "utf-8")
    path = _editions(
        inputs,
        EDITIONS.replace("source: content.yaml\n", "")
        .replace("layouts: [trifold, large-print]", "layouts: [trifold]")
        .replace("[content.yaml]", "[content.yaml, es.yaml, y/es.yaml, z/es.yaml, broken.yaml]"),
    )
    status, out, _ = batch(capsys, path)
    assert status == 1
    told = [line.strip().split("  ")[1] for line in out.splitlines() if line.strip().startswith("failed  ")]
    assert sorted(told) == [  # (each edition's line as it ends names it as the summary does, not by the shared name)
        "test-clinic/en-gb (broken.yaml)/trifold/a4/office",
        "test-clinic/pl (y\u2215es.yaml)/trifold/a4/office",
        "test-clinic/pl (z\u2215es.yaml)/trifold/a4/office",
    ], out
    assert set(_manifest(inputs)) == {
        "test-clinic/en-gb/trifold/a4/office",
        "test-clinic/es/trifold/a4/office",
        "test-clinic/pl (y\u2215es.yaml)/trifold/a4/office",  # (failed: its file is es.yaml; and so did z's)
        "test-clinic/pl (z\u2215es.yaml)/trifold/a4/office",
        "test-clinic/en-gb (broken.yaml)/trifold/a4/office",  # (failed, and en-gb is the good one's)
    }
    _, out, _ = batch(capsys, path)
    assert "0 built, 2 unchanged, 3 failed" in out


class _Gated(ThreadPoolExecutor):
    """One worker, every task after the first held until `gate` is set (at the stop): the stop then finds the second
    running and the rest not started, however fast the editions build (a warm process built the second and started
    the third before the first was told of)."""

    def __init__(self) -> None:
        super().__init__(max_workers=1)
        self.gate = threading.Event()
        self.given = 0

    def submit(self, fn, /, *args, **kwargs):  # type: ignore[no-untyped-def]
        self.given += 1
        if self.given == 1:
            return super().submit(fn, *args, **kwargs)

        def held(*a: Any, **k: Any) -> Any:
            self.gate.wait(timeout=60)
            return fn(*a, **k)

        return super().submit(held, *args, **kwargs)


def test_a_batch_stopped_midway_records_what_it_built_and_the_next_run_builds_the_rest(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ctrl-C after some editions were written left no manifest: the next run built them all again. A run stopped
    records the editions it finished, the one being told of included, and keeps the last run's entries of the
    others; a finished edition's last PDF, written elsewhere before, is listed by the next run."""
    three = EDITIONS.replace("layouts: [trifold, large-print]", "layouts: [trifold, large-print, bifold]")
    path = _editions(inputs, three)
    batch(capsys, path)  # (a first run: the three editions recorded)
    first = _manifest(inputs)
    edit(inputs.content, "Redness for 1 to 3 days", "Redness for 1 to 3 days, sometimes a week")
    _editions(inputs, three.replace("{layout}-{paper}", "{layout}_{paper}"))  # (written elsewhere now)
    editions, _ = load_editions(path)
    assert editions is not None
    told: list[batch_module.Outcome] = []
    pool = _Gated()

    def stop_at_the_first(o: batch_module.Outcome) -> None:
        if o.status == "built":
            told.append(o)
            if len(told) == 1:  # (those finished after the stop are told of too, each with its line)
                pool.gate.set()
                raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        runs(editions, pool, False, stop_at_the_first)
    stopped = told[0]
    assert {o.edition for o in told[1:]} <= set(first) - {stopped.edition}
    recorded = _manifest(inputs)
    assert (
        recorded[stopped.edition]["sha256"] == stopped.sha256 and recorded[stopped.edition]["output"] == stopped.output
    )
    assert set(recorded) == set(first)  # (the others: a new entry if its task ran on, else the last run's: the
    # third is never started, one worker being busy with the second when the first is told of)
    assert any(recorded[n] == first[n] for n in first)
    sheet = (inputs.content.parent / "out" / "index.html").read_text(encoding="utf-8")  # (the contact sheet of
    # what there is now: the finished edition's new pages, the others not built this time marked as stopped)
    cards = {
        name: status
        for status, name in re.findall(
            r'<article class="edition (\w+)(?: warned)?" id="[^"]*" data-edition="([^"]*)"', sheet
        )
    }
    assert set(cards) == set(first) and cards[stopped.edition] == "built"
    assert {n for n, status in cards.items() if status == "stopped"} == {n for n in first if recorded[n] == first[n]}
    assert "not built: the batch was stopped" in sheet and "0 failed, " in sheet  # (the bi-fold warned of, if
    assert re.search(r" stopped(; 1 with warnings)?</p>", sheet)  # built: which part is left depends on its cost)
    _, out, _ = batch(capsys, path)
    again = sum(recorded[n]["sha256"] == first[n]["sha256"] for n in first)  # (not built this time: built now)
    assert f"{again} built, {3 - again} unchanged, 0 failed" in out
    assert f"no longer an edition (left in place): {path.parent / first[stopped.edition]['output']}" in out


def test_a_batch_stopped_midway_records_its_failures_as_the_contact_sheet_shows_them(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """An edition that failed before the stop is failed in the manifest, its last PDF left in place, as the contact
    sheet and the report show it: the manifest kept the last run's entry, "built", and an interrupted
    run's manifest read by a script said every edition was good. The report (--json's) is told every edition as it
    ended, or "stopped"."""
    three = EDITIONS.replace("layouts: [trifold, large-print]", "layouts: [trifold, large-print, bifold]")
    path = _editions(inputs, three)
    batch(capsys, path)
    first = _manifest(inputs)
    edit(inputs.content, "Redness for 1 to 3 days", "Redness for 1 to 3 days, sometimes a week")
    real = batch_module.write_all

    def refused(files: Any) -> None:
        if any("large-print" in str(at) for at, _, _ in files):
            raise OSError(13, "Permission denied", str(files[-1][0].parent / ".large-print.pdf.1234.tmp"))
        real(files)

    monkeypatch.setattr(batch_module, "write_all", refused)
    editions, _ = load_editions(path)
    assert editions is not None
    reported: list[list[batch_module.Outcome]] = []

    def report(every: list[batch_module.Outcome], left: list[str]) -> None:
        reported.append(every)

    def stop_at_the_failure(o: batch_module.Outcome) -> None:
        if o.status == "failed":
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        runs(editions, ThreadPoolExecutor(max_workers=1), False, stop_at_the_failure, stopped=report)
    name = "test-clinic/en-gb/large-print/a4/office"
    recorded = _manifest(inputs)
    assert recorded[name]["status"] == "failed" and recorded[name] != first[name]
    assert recorded[name]["output"] == first[name]["output"]  # (its last PDF, left there)
    assert (inputs.content.parent / str(first[name]["output"])).read_bytes()[:5] == b"%PDF-"
    (every,) = reported
    statuses = {o.edition: o.status for o in every}
    assert set(statuses) == set(first) and statuses[name] == "failed"
    assert set(statuses.values()) <= {"built", "failed", "stopped"}
    failed = next(o for o in every if o.edition == name)
    assert failed.first.endswith("(hint: check the folder is writable and the disk has room)")
    folder = inputs.content.parent / "out/test-clinic/en-gb"
    said = f"cannot write its PDF and page pictures into {folder}: Permission denied"
    assert said in failed.first and ".tmp" not in failed.first


def test_an_edition_named_again_that_fails_keeps_its_pdf_not_left_in_place(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    """A language dropped from the file leaves its PDFs in place (listed); named again with words that cannot be
    read, its editions fail and their last PDFs are kept for them (`kept_for_failed`), not listed as left in place
    for a script to delete. A run stopped before it builds them does not list them either, in the manifest nor in
    its report; they are kept for them, and listed when the language is dropped again."""
    (inputs.content.parent / "other.yaml").write_text(
        inputs.content.read_text(encoding="utf-8").replace("language: en-GB", "language: es"), encoding="utf-8"
    )
    one = EDITIONS.replace("source: content.yaml\n", "")  # (not a translation: the same words, marked Spanish)
    both = one.replace("languages: [content.yaml]", "languages: [content.yaml, other.yaml]")
    path = _editions(inputs, both)
    first = batch(capsys, path)
    assert first[0] == 0, first
    _editions(inputs, one)
    _, out, _ = batch(capsys, path)
    spanish = "out/test-clinic/es/trifold-a4-office.pdf"
    assert f"no longer an edition (left in place): {path.parent / spanish}" in out
    manifest = inputs.content.parent / "out/manifest.json"
    _editions(inputs, both)
    edit(inputs.content.parent / "other.yaml", "language: es", "language: es\nbroken: yes")
    status, out, _ = batch(capsys, path)
    data = json.loads(manifest.read_text(encoding="utf-8"))
    assert status == 1 and "failed  test-clinic/es/trifold/a4/office" in out and "no longer an edition" not in out, out
    assert data["left_in_place"] == [] and spanish in [e["output"] for e in data["kept_for_failed"]]
    _editions(inputs, one)  # (dropped again, then named again with good words, and stopped at once)
    batch(capsys, path)
    assert spanish in [e["output"] for e in json.loads(manifest.read_text(encoding="utf-8"))["left_in_place"]]
    edit(inputs.content.parent / "other.yaml", "language: es\nbroken: yes", "language: es")
    _editions(inputs, both)
    editions, _ = load_editions(path)
    assert editions is not None
    reported: list[list[str]] = []

    def stop(o: batch_module.Outcome) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        runs(editions, ThreadPoolExecutor(max_workers=1), True, stop, stopped=lambda every, left: reported.append(left))
    recorded = [e["output"] for e in json.loads(manifest.read_text(encoding="utf-8"))["left_in_place"]]
    assert reported == [recorded] and spanish not in recorded
    _editions(inputs, one)  # (dropped again: its PDF, there all along, is listed; it was in no list of the
    _, out, _ = batch(capsys, path)  # stopped run's manifest, and no later run said it was there)
    assert f"no longer an edition (left in place): {path.parent / spanish}" in out
    assert spanish in [e["output"] for e in json.loads(manifest.read_text(encoding="utf-8"))["left_in_place"]]


def test_a_stopped_batch_writes_its_report(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """--json FILE of a run stopped by Ctrl-C: the report of each edition as it ended, and the outputs left in
    place (it wrote none, and an earlier report stayed, as if it were this run's)."""
    path = _editions(inputs)
    report = inputs.content.parent / "report.json"
    report.write_text('{"editions": "an earlier run\'s"}', encoding="utf-8")
    real = batch_module.run

    def stopped_midway(*args: Any, **kwargs: Any) -> Any:
        def stop(o: batch_module.Outcome) -> None:
            raise KeyboardInterrupt

        return real(*args[:3], stop, *args[4:], **kwargs)

    batch(capsys, path)
    _editions(inputs, EDITIONS.replace("layouts: [trifold, large-print]", "layouts: [trifold]"))
    batch(capsys, path)  # (the large print's PDF left in place)
    monkeypatch.setattr(batch_module, "run", stopped_midway)
    status, _, _ = cli(capsys, "batch", str(path), "--jobs", "1", "--force", "--json", str(report))
    data = json.loads(report.read_text(encoding="utf-8"))
    assert status == 130 and [e["status"] for e in data["editions"]] in (["built"], ["stopped"])
    assert data["left_in_place"] == ["out/test-clinic/en-gb/large-print-a4-office.pdf"]


def test_a_stop_while_the_manifest_is_written_records_and_reports_every_edition(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C after the last edition was built, while the manifest was being written: no --json report was
    written, and the manifest stayed the last run's (the next run built every edition again). Each edition is
    recorded as it ended and reported."""
    path = _editions(inputs)
    report = inputs.content.parent / "report.json"

    def stopped(*args: Any, **kwargs: Any) -> Any:
        raise KeyboardInterrupt

    monkeypatch.setattr(batch_module, "write_manifest", stopped)
    status, _, _ = cli(capsys, "batch", str(path), "--jobs", "1", "--json", str(report))
    data = json.loads(report.read_text(encoding="utf-8"))
    assert status == 130 and [e["status"] for e in data["editions"]] == ["built", "built"]
    recorded = _manifest(inputs)
    assert {n: e["status"] for n, e in recorded.items()} == {e["edition"]: "built" for e in data["editions"]}
    monkeypatch.undo()
    _, out, _ = batch(capsys, path)
    assert "0 built, 2 unchanged, 0 failed" in out


def test_a_stop_while_the_workers_end_records_and_reports_every_edition(inputs: Inputs) -> None:
    """Ctrl-C as the batch waited for its workers to end, every edition built: the stop was raised with no report
    and no manifest of them."""
    path = _editions(inputs)
    editions, _ = load_editions(path)
    assert editions is not None
    reported: list[list[batch_module.Outcome]] = []

    class Ending(ThreadPoolExecutor):
        ended = False

        def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
            super().shutdown(wait, cancel_futures=cancel_futures)
            if not self.ended:
                self.ended = True
                raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        runs(editions, Ending(max_workers=1), False, stopped=lambda every, left: reported.append(every))
    (every,) = reported
    assert [o.status for o in every] == ["built", "built"]
    assert {n: e["status"] for n, e in _manifest(inputs).items()} == {o.edition: "built" for o in every}


def test_a_picture_is_not_replaced_when_its_pdf_cannot_be_written(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """An edition's page pictures and PDF are written as one: a PDF that cannot be written leaves its pictures as
    they were (they showed the new words beside the last PDF, kept, and the manifest kept them as that PDF's)."""
    from brochure.output import files

    path = _editions(inputs)
    batch(capsys, path)
    folder = inputs.content.parent / "out"
    pictures = {p: p.read_bytes() for p in (folder / "thumbs").rglob("*.png")}
    pdfs = {p: p.read_bytes() for p in folder.rglob("*.pdf")}
    edit(inputs.content, "Redness for 1 to 3 days", "Redness for 1 to 3 days, sometimes a week")
    real = files.os.open

    def no_pdf(at: Any, *rest: Any) -> int:
        if str(at).endswith(".tmp") and ".pdf." in str(at):
            raise OSError(28, "No space left on device", str(at))
        return real(at, *rest)

    monkeypatch.setattr(files.os, "open", no_pdf)
    status, _, err = batch(capsys, path)
    monkeypatch.undo()
    assert status == 1 and "No space left on device" in err
    assert {p: p.read_bytes() for p in (folder / "thumbs").rglob("*.png")} == pictures
    assert {p: p.read_bytes() for p in folder.rglob("*.pdf")} == pdfs
    assert not list(folder.rglob("*.tmp"))


def test_a_paper_named_as_the_kits_own_is_the_same_edition(inputs: Inputs, capsys: pytest.CaptureFixture[str]) -> None:
    """`papers: [a4]` for a kit on A4 names the editions it had: nothing is built again (the stamp read the paper
    as none when it was not named, and each edition was built again when it was, and again when it was not)."""
    path = _editions(inputs)
    batch(capsys, path)
    _editions(
        inputs, EDITIONS.replace("layouts: [trifold, large-print]", "layouts: [trifold, large-print]\npapers: [a4]")
    )
    status, out, _ = batch(capsys, path)
    assert status == 0 and "0 built, 2 unchanged, 0 failed" in out


def test_the_editions_of_a_kit_that_cannot_be_read_are_named_by_its_paper(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    """A kit whose logo is gone, or whose colour is not one, fails its editions, each named as it would be built:
    by the kit's id and the paper its brand file gives (it was '.../kit/office', so a search for the edition by its
    name found nothing)."""
    path = _editions(inputs)
    edit(inputs.brand, "paper: a4", "paper: letter")
    (inputs.kit / "logo.svg").unlink()
    status, out, _ = batch(capsys, path)
    assert status == 1 and "failed  test-clinic/en-gb/trifold/letter/office" in out, out
    edit(inputs.brand, "paper: letter", "")  # (none given: A4)
    status, out, _ = batch(capsys, path)
    assert status == 1 and "failed  test-clinic/en-gb/large-print/a4/office" in out, out
    assert "/kit/" not in out


def test_an_edition_dropped_from_the_file_is_listed_not_deleted(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Listed from where the batch runs, as its manifest is (a group's file run from the folder above it named
    'out/...', a folder that is not there, beside 'clinic/out/manifest.json')."""
    made = _editions(inputs)
    monkeypatch.chdir(made.parent.parent)
    path = Path(made.parent.name) / made.name
    batch(capsys, path)
    _editions(inputs, EDITIONS.replace("layouts: [trifold, large-print]", "layouts: [trifold]"))
    status, out, _ = batch(capsys, path)
    large = path.parent / "out/test-clinic/en-gb/large-print-a4-office.pdf"
    assert status == 0 and f"no longer an edition (left in place): {large}" in out and not large.is_absolute()
    assert (inputs.content.parent / "out/test-clinic/en-gb/large-print-a4-office.pdf").is_file()
    report = inputs.content.parent / "report.json"  # (each run lists it while it is there, and the report too:
    status, out, _ = batch(capsys, path, "--json", str(report))  # it was said once, and only on the console)
    left = ["out/test-clinic/en-gb/large-print-a4-office.pdf"]
    assert status == 0 and f"no longer an edition (left in place): {path.parent / left[0]}" in out
    assert json.loads(report.read_text(encoding="utf-8"))["left_in_place"] == left
    data = json.loads((inputs.content.parent / "out/manifest.json").read_text(encoding="utf-8"))
    assert [e["output"] for e in data["left_in_place"]] == left
    sheet = (inputs.content.parent / "out/index.html").read_text(encoding="utf-8")  # (the folder is sent whole: the
    assert '<aside class="left">' in sheet  # contact sheet names the PDF it holds that is no edition's)
    assert '<li><a href="test-clinic/en-gb/large-print-a4-office.pdf">' + left[0] + "</a></li>" in sheet
    (inputs.content.parent / left[0]).unlink()
    _, out, _ = batch(capsys, path)
    assert "no longer an edition" not in out
    assert '<aside class="left">' not in (inputs.content.parent / "out/index.html").read_text(encoding="utf-8")


def test_page_pictures_of_pages_and_editions_no_longer_there_are_removed_after_a_whole_run(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    """Pictures of a dropped edition's pages stayed in out/thumbs for ever; its PDF is left in place (listed), the
    pictures the last run recorded, which only the contact sheet showed, are removed. Nothing else is touched:
    not a picture of the same name the batch never recorded (another batch's, a user's), nor a folder of the
    user's, nor anything but a PNG."""
    path = _editions(inputs)
    batch(capsys, path)
    thumbs = inputs.content.parent / "out" / "thumbs" / "test-clinic" / "en-gb"
    large = sorted(p.name for p in thumbs.glob("large-print-*.png"))
    assert large and sorted(thumbs.glob("trifold-*.png"))
    (thumbs / "notes.txt").write_text("mine", encoding="utf-8")
    mine = thumbs.parent.parent / "mine"
    mine.mkdir()
    (mine / "holiday-p1.png").write_bytes((thumbs / large[0]).read_bytes())  # (named as the batch names them)
    (mine / "empty").mkdir()
    (thumbs / "flyer-a4-office-p1.png").write_text("not a picture", encoding="utf-8")
    (thumbs / large[-1]).write_text("my notes now", encoding="utf-8")  # (recorded, but no longer a picture)
    _editions(inputs, EDITIONS.replace("layouts: [trifold, large-print]", "layouts: [trifold]"))
    status, out, _ = batch(capsys, path)
    assert status == 0 and "0 built, 1 unchanged" in out
    assert [p.name for p in thumbs.glob("large-print-*.png")] == [large[-1]]
    assert (thumbs / large[-1]).read_text(encoding="utf-8") == "my notes now"
    kept = _manifest(inputs)["test-clinic/en-gb/trifold/a4/office"]["thumbs"]
    assert kept and all((inputs.content.parent / str(t)).is_file() for t in kept)  # type: ignore[union-attr]
    assert (thumbs / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert (thumbs / "flyer-a4-office-p1.png").read_text(encoding="utf-8") == "not a picture"
    assert (mine / "holiday-p1.png").is_file() and (mine / "empty").is_dir()
    assert (inputs.content.parent / "out/test-clinic/en-gb/large-print-a4-office.pdf").is_file()


def test_an_edition_that_fails_keeps_its_page_pictures_with_its_last_pdf(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _editions(inputs)
    batch(capsys, path)
    pictures = sorted((inputs.content.parent / "out" / "thumbs").rglob("*.png"))
    edit(inputs.content, "title: Micro-needling", "title: [Micro-needling](http://example.com/ sp ace)")
    status, out, _ = batch(capsys, path)
    assert status == 1 and "2 failed" in out
    assert sorted((inputs.content.parent / "out" / "thumbs").rglob("*.png")) == pictures


def test_pictures_kept_by_a_failed_run_are_removed_by_a_later_whole_run(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    """A failed run keeps the pictures of editions it did not make, and records them as kept: the next whole run
    that no longer has their edition removes them (they stayed for ever: the failed entry listed none)."""
    path = _editions(inputs)
    batch(capsys, path)
    thumbs = inputs.content.parent / "out" / "thumbs" / "test-clinic" / "en-gb"
    assert list(thumbs.glob("large-print-*.png"))
    good = inputs.content.read_text(encoding="utf-8")
    edit(inputs.content, "title: Micro-needling", "title: [Micro-needling](http://example.com/ sp ace)")
    assert batch(capsys, path)[0] == 1 and list(thumbs.glob("large-print-*.png"))
    inputs.content.write_text(good, encoding="utf-8")
    _editions(inputs, EDITIONS.replace("layouts: [trifold, large-print]", "layouts: [trifold]"))
    status, out, _ = batch(capsys, path)
    assert status == 0 and not list(thumbs.glob("large-print-*.png")) and list(thumbs.glob("trifold-*.png"))
    assert "removed 3 page pictures no edition shows" in out


def test_pruning_never_reaches_outside_out_thumbs(inputs: Inputs, capsys: pytest.CaptureFixture[str]) -> None:
    """A hand-edited manifest may record any name: a picture outside out/thumbs, one through a linked folder that
    leads out of it, or a name with a NUL in it (an internal error), is never removed."""
    path = _editions(inputs)
    batch(capsys, path)
    root = inputs.content.parent
    manifest = root / "out" / "manifest.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    picture = (root / str(data["editions"][0]["thumbs"][0])).read_bytes()
    (root / "mine-p1.png").write_bytes(picture)
    (root / "elsewhere").mkdir()
    (root / "elsewhere" / "x-p1.png").write_bytes(picture)
    (root / "out" / "thumbs" / "link").symlink_to(root / "elsewhere")
    data["kept_thumbs"] = [
        "mine-p1.png",
        "out/thumbs/../../mine-p1.png",
        "out/thumbs/link/x-p1.png",
        "out/x\u0000-p1.png",
    ]
    manifest.write_text(json.dumps(data), encoding="utf-8")
    status, out, err = batch(capsys, path)
    assert status == 0 and "internal error" not in err and "removed" not in out
    assert (root / "mine-p1.png").read_bytes() == picture == (root / "elsewhere" / "x-p1.png").read_bytes()


def test_the_report_as_json(inputs: Inputs, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = batch(capsys, _editions(inputs), "--json", "-")
    report = json.loads(out[out.index("{") :])["editions"]
    assert status == 0 and {r["status"] for r in report} == {"built"} and all(r["seconds"] >= 0 for r in report)


@pytest.mark.parametrize(
    ("old", "new", "needle", "message"),
    [
        ("layouts: [trifold, large-print]", "layout: [trifold]", "layout:", "unknown key 'layout'"),
        ("layouts: [trifold, large-print]", "layouts: [trifold, tri-fold]", "tri-fold",
         "'tri-fold' is not a valid value"),
        ('output: "out/{brand}/{language}/{layout}-{paper}-{target}.pdf"', 'output: "out/{brand}-{layout}.pdf"',
         '"out/{brand}', "the output pattern leaves out {language}: two editions would be written to one file"),
        ("/{language}/", "/{lang}/", '"out/{brand}',  # (a name misspelt: the one meant)
         "the output pattern has an unknown {lang}: {language}?"),
        ('output: "out/{brand}', 'output: "out/}}{brand}', '"out/}}',  # (its PDFs were never found again)
         "the output pattern has a '{{' or '}}': braces stand only round a {name}"),
        ('output: "out/{brand}', 'output: "out/\\n{brand}', '"out/\\n',  # (a file name that breaks scripts)
         "the output pattern has a control character (U+000A), which breaks file names in scripts"),
        ('output: "out/{brand}/', 'output: "out\\\\{brand}\\\\', '"out',  # (one file named 'out\\test-clinic\\...')
         "the output pattern has a '\\': folders are divided by '/' (out/{brand}/...), on Windows too"),
        ('{target}.pdf"', '{target}/.pdf"', '"out/{brand}',  # (a PDF no file browser shows)
         "the output pattern names a hidden file or folder (a name starting with '.'), which a file browser does"),
        ("kit: assets/brand.yaml", "kit: ../elsewhere/brand.yaml", "../elsewhere",
         "'../elsewhere/brand.yaml' is outside the folder of editions.yaml"),
        # a file of another kind where one is named (each edition failed, told to give it with --brand)
        ("source: content.yaml", "source: assets/brand.yaml", "assets/brand.yaml\nlayouts",
         "'assets/brand.yaml' is a brand file (a kit's brand.yaml), not a content file"),
        ("languages: [content.yaml]", "languages: [assets/brand.yaml]", "assets/brand.yaml]",
         "'assets/brand.yaml' is a brand file (a kit's brand.yaml), not a content file"),
        ("kit: assets/brand.yaml", "kit: content.yaml", "content.yaml\n    languages",
         "'content.yaml' is a content file (a leaflet's words), not a brand file"),
        ("kit: assets/brand.yaml", "kit: editions.yaml", "editions.yaml\n",
         "'editions.yaml' is an editions file, not a brand"),
    ],
)  # fmt: skip
def test_a_mistake_in_the_editions_file_is_an_error_where_it_is_written(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], old: str, new: str, needle: str, message: str
) -> None:
    text = EDITIONS.replace(old, new)
    status, _, err = batch(capsys, _editions(inputs, text))
    line, col = position(text, needle)
    assert status == 1 and f"editions.yaml:{line}:{col}: error: {message}" in err, err


def test_two_editions_for_one_file_are_refused_before_anything_is_built(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two content files in one language for one brand would overwrite each other's PDFs: exit 1, nothing built."""
    copy = inputs.content.parent / "copy.yaml"
    copy.write_text(inputs.content.read_text(encoding="utf-8"), encoding="utf-8")
    text = EDITIONS.replace("languages: [content.yaml]", "languages: [content.yaml, copy.yaml]")
    status, _, err = batch(capsys, _editions(inputs, text))
    assert status == 1 and "two editions would be written to out/test-clinic/en-gb/trifold-a4-office.pdf" in err
    assert not (inputs.content.parent / "out").exists()


def test_the_contact_sheet_shows_every_page_and_each_failure_in_red(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    """out/index.html: a picture of every page (files beside it, nothing fetched), each edition linked; a failed
    edition with its class 'failed' and its error, escaped."""
    broken = inputs.content.parent / "broken.yaml"
    broken.write_text(inputs.content.read_text(encoding="utf-8").replace("language: en-GB", "language: en-GB\nx<b>: 1"))
    text = EDITIONS.replace("source: content.yaml\n", "") + "  - kit: assets/brand.yaml\n    languages: [broken.yaml]\n"
    batch(capsys, _editions(inputs, text))
    out = inputs.content.parent / "out"
    page = (out / "index.html").read_text(encoding="utf-8")
    images = re.findall(r'<img src="([^"]+)"', page)
    assert len(images) == sum(int(str(e["pages"])) for e in _manifest(inputs).values() if e["status"] == "built")
    assert images and all((out / src).is_file() and (out / src).read_bytes().startswith(b"\x89PNG") for src in images)
    assert '<a href="test-clinic/en-gb/trifold-a4-office.pdf">' in page and not re.search("https?://", page)
    assert page.count('<article class="edition failed"') == 2 and "unknown key &#x27;x&lt;b&gt;&#x27;" in page
    again = batch(capsys, _editions(inputs, text))[1]
    assert "0 built, 2 unchanged" in again and (out / "index.html").read_text(encoding="utf-8").count("<img") == len(
        images
    )


def test_a_failed_editions_earlier_pdf_still_in_the_folder_is_said_on_the_contact_sheet(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    """An edition that failed this run keeps its earlier PDF in the folder (kept_for_failed, in the manifest): the
    contact sheet showed the card red and said nothing of the file, and the folder is sent whole to the print shop
    (a tester, 2026-12-07). The sheet lists the files at its top, linked, saying they are not this run's."""
    path = _editions(inputs)
    batch(capsys, path)
    edit(inputs.content, "language: en-GB", "language: en-GB\nbroken: yes")
    status, _, _ = batch(capsys, path)
    page = (inputs.content.parent / "out" / "index.html").read_text(encoding="utf-8")
    assert status == 1 and page.count('<article class="edition failed"') == 2
    kept = re.search(r"<aside class=\"left\"><p>Kept from an earlier run for editions that failed this time: not this "
                     r"run&#x27;s words or kit[^<]*</p><ul>(.*?)</ul></aside>", page)  # fmt: skip
    assert kept is not None, page[:2000]
    said = re.findall(r'<a href="([^"]+)">([^<]+)</a>', kept.group(1))
    assert sorted(name for _, name in said) == [
        "out/test-clinic/en-gb/large-print-a4-office.pdf",
        "out/test-clinic/en-gb/trifold-a4-office.pdf",
    ]
    assert all((inputs.content.parent / "out" / href).is_file() for href, _ in said)
    edit(inputs.content, "language: en-GB\nbroken: yes", "language: en-GB")
    batch(capsys, path)  # (built again: nothing kept, nothing said)
    assert "Kept from an earlier run" not in (inputs.content.parent / "out" / "index.html").read_text(encoding="utf-8")


def test_a_changed_picture_builds_its_editions_again(inputs: Inputs, capsys: pytest.CaptureFixture[str]) -> None:
    """A photo the words show is one of the edition's inputs: replacing it (same name) builds again."""
    from PIL import Image

    pictures = inputs.content.parent / "pictures"
    pictures.mkdir()
    Image.new("RGB", (1200, 800), "#88aacc").save(pictures / "p.png")
    bullets = '      - bullets:\n          - "Redness for 1 to 3 days"\n'
    edit(inputs.content, bullets, bullets + "      - image: {src: pictures/p.png, alt: A photo}\n")
    path = _editions(inputs)
    assert "2 built" in batch(capsys, path)[1]
    assert "2 unchanged" in batch(capsys, path)[1]
    Image.new("RGB", (1200, 800), "#cc8866").save(pictures / "p.png")
    assert "2 built" in batch(capsys, path)[1]


@pytest.mark.parametrize("linked", [False, True], ids=["there", "through-a-linked-folder"])
def test_a_page_picture_is_never_written_over_a_picture_the_words_show(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], linked: bool
) -> None:
    """A photo the words show, kept where the batch puts an edition's first page picture (or named through a link
    to that folder): the batch wrote its 281 x 199 thumbnail over the photo, and read it back as the photo the
    next time ("it will print soft"). That edition fails, saying the file is read; the photo is as it was."""
    from PIL import Image

    at = inputs.content.parent / "out/thumbs/test-clinic/en-gb/trifold-a4-office-p1.png"
    at.parent.mkdir(parents=True)
    Image.new("RGB", (1200, 800), "#88aacc").save(at)
    before = at.read_bytes()
    if linked:
        (inputs.content.parent / "pics").symlink_to(at.parent, target_is_directory=True)
    src = f"pics/{at.name}" if linked else at.relative_to(inputs.content.parent).as_posix()
    bullets = '      - bullets:\n          - "Redness for 1 to 3 days"\n'
    edit(inputs.content, bullets, bullets + f"      - image: {{src: {src}, alt: A photo}}\n")
    for said in ("1 built, 0 unchanged, 1 failed", "0 built, 1 unchanged, 1 failed"):
        status, out, err = batch(capsys, _editions(inputs))
        assert status == 1 and said in out, out + err
        assert "failed: test-clinic/en-gb/trifold/a4/office:" in err and "which the batch reads" in err, err
        shown = at.relative_to(inputs.content.parent).as_posix()  # (the picture as its loader reached it)
        said = f"editions.yaml:7:17: error: its page picture {shown} would be written over {shown},"  # (at the line
        assert said in err, err  # naming the words, where output: is said to be changed)
        assert at.read_bytes() == before


def test_a_page_picture_is_not_written_over_a_picture_named_by_words_that_do_not_load(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    """Spanish words with a typo name the English edition's page picture as their photo: they fail, and the English
    edition built its picture over the photo (read back as the photo once the typo was mended). The English
    edition fails too, saying the file is read; the photo is as it was."""
    from PIL import Image

    at = inputs.content.parent / "out/thumbs/test-clinic/en-gb/trifold-a4-office-p1.png"
    at.parent.mkdir(parents=True)
    Image.new("RGB", (1200, 800), "#88aacc").save(at)
    before = at.read_bytes()
    bullets = '      - bullets:\n          - "Redness for 1 to 3 days"\n'
    src = at.relative_to(inputs.content.parent).as_posix()
    words = inputs.content.read_text(encoding="utf-8").replace("language: en-GB", "language: es\ntitel: typo")
    spanish = inputs.content.parent / "es.yaml"
    spanish.write_text(words.replace(bullets, bullets + f'      - image: {{src: "{src}", alt: A photo}}\n'), "utf-8")
    two = EDITIONS.replace("source: content.yaml\n", "").replace("[content.yaml]", "[content.yaml, es.yaml]")
    status, out, err = batch(capsys, _editions(inputs, two))
    assert status == 1 and "unknown key 'titel'" in err, out + err
    assert f"editions.yaml:6:17: error: its page picture {src} would be written over {src}," in err, err
    assert at.read_bytes() == before


def test_a_page_picture_no_longer_shown_is_not_removed_when_the_words_show_it(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    """A photo put where an edition's page picture was, the edition no longer named and the photo shown in the
    words: the batch removes the pictures of editions no longer named, but not a file the words show."""
    from PIL import Image

    assert batch(capsys, _editions(inputs))[0] == 0
    at = inputs.content.parent / "out/thumbs/test-clinic/en-gb/large-print-a4-office-p1.png"
    assert at.is_file()
    Image.new("RGB", (1200, 800), "#88aacc").save(at)
    before = at.read_bytes()
    bullets = '      - bullets:\n          - "Redness for 1 to 3 days"\n'
    src = at.relative_to(inputs.content.parent).as_posix()
    edit(inputs.content, bullets, bullets + f"      - image: {{src: {src}, alt: A photo}}\n")
    status, out, err = batch(capsys, _editions(inputs, EDITIONS.replace("[trifold, large-print]", "[trifold]")))
    assert status == 0 and "1 built" in out, out + err
    assert at.read_bytes() == before
    assert not at.with_name("large-print-a4-office-p2.png").exists()  # (the others no edition shows are removed)


def test_an_edition_whose_pdf_cannot_be_written_fails_alone(inputs: Inputs, capsys: pytest.CaptureFixture[str]) -> None:
    """A file of another kind where a PDF goes is never overwritten: that edition fails, named, the others build."""
    taken = inputs.content.parent / "out/test-clinic/en-gb/trifold-a4-office.pdf"
    taken.parent.mkdir(parents=True)
    taken.write_text("my notes, not a PDF", encoding="utf-8")
    status, out, err = batch(capsys, _editions(inputs))
    assert status == 1 and "1 built, 0 unchanged, 1 failed" in out and "internal error" not in err
    assert "failed: test-clinic/en-gb/trifold/a4/office:" in err and "is not a PDF" in err
    assert taken.read_text(encoding="utf-8") == "my notes, not a PDF"


def test_an_unchanged_edition_keeps_its_warnings(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not built again, an edition's warnings still stand in the manifest and the report. A translation not checked
    yet is said so whole on its first edition's line, and as above on the others' (every edition of it has it: 54
    lines of a group's 88 said it whole)."""
    monkeypatch.chdir(inputs.content.parent)  # (its files named from here: lines short enough to show them whole)
    edit(
        inputs.content,
        '  conflicts: "No outside funding."\n',
        '  conflicts: "No outside funding."\n  translation:\n    translator: {name: Ana Ruiz, role: Translator}\n',
    )
    path = Path(_editions(inputs).name)
    batch(capsys, path)
    status, out, err = batch(capsys, path, "--json", "-")
    editions = json.loads(out[out.index("{") :])["editions"]
    assert status == 0 and {e["status"] for e in editions} == {"unchanged"}
    assert all(any("has not been checked" in f for f in e["findings"]) for e in editions)
    said = [*out.splitlines(), *err.splitlines()]  # (a line each, the warning said whole once)
    lines = [line for line in said if line.lstrip().startswith("unchanged")]
    assert len(lines) == 2 and re.search(r"  content\.yaml:\d+:\d+: warning: the translation has not been", lines[0])
    assert re.search(r"  content\.yaml:\d+:\d+: the translation has not been checked \(as above\)$", lines[1]), lines


def test_an_unchanged_editions_warnings_name_the_files_from_where_the_batch_runs(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Built from the folder above (`brochure batch clinic/editions.yaml`), then run from the clinic's own folder:
    the unchanged editions' warnings named 'clinic/content.yaml', a file the second run's folder does not have."""
    edit(
        inputs.content,
        '  conflicts: "No outside funding."\n',
        '  conflicts: "No outside funding."\n  translation:\n    translator: {name: Ana Ruiz, role: Translator}\n',
    )
    folder = inputs.content.parent
    _editions(inputs)
    monkeypatch.chdir(folder.parent)
    batch(capsys, Path(folder.name) / "editions.yaml")
    monkeypatch.chdir(folder)
    status, out, _ = batch(capsys, Path("editions.yaml"))
    unchanged = [line for line in out.splitlines() if line.strip().startswith("unchanged")]
    assert status == 0 and len(unchanged) == 2, out
    assert all(" content.yaml:" in line and f"{folder.name}/" not in line for line in unchanged), unchanged
    monkeypatch.chdir(folder.parent)  # (and back: named from there again)
    status, out, _ = batch(capsys, Path(folder.name) / "editions.yaml")
    again = [line for line in out.splitlines() if line.strip().startswith("unchanged")]
    assert len(again) == 2 and all(f" {folder.name}/content.yaml:" in line for line in again), out


class _Recording(ThreadPoolExecutor):
    """The batch's executor of one thread, noting each edition it is asked to build."""

    def __init__(self) -> None:
        super().__init__(max_workers=1)
        self.asked: list[str] = []

    def submit(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> Future[T]:
        self.asked.extend(f"{job.layout}/{job.target}" for job in args[0].jobs)
        return super().submit(fn, *args, **kwargs)


def test_what_stands_as_it_was_is_settled_without_a_worker(inputs: Inputs, capsys: pytest.CaptureFixture[str]) -> None:
    """Nothing changed: no worker is asked for anything (none starts), so an unchanged batch takes as long as
    reading its inputs. A layout added: a worker builds that edition alone, and the report keeps the order."""
    path = _editions(inputs)
    batch(capsys, path)
    editions, _ = load_editions(path)
    assert editions is not None
    idle = _Recording()
    outcomes = runs(editions, idle, force=False)
    assert idle.asked == [] and [o.status for o in outcomes] == ["unchanged", "unchanged"]
    edit(path, "layouts: [trifold, large-print]", "layouts: [trifold, bifold, large-print]")
    editions, _ = load_editions(path)
    assert editions is not None
    some = _Recording()
    outcomes = runs(editions, some, force=False)
    assert some.asked == ["bifold/office"]
    assert [(o.edition.split("/")[2], o.status) for o in outcomes] == [
        ("trifold", "unchanged"),
        ("bifold", "built"),
        ("large-print", "unchanged"),
    ]


def test_a_batch_with_nothing_to_build_reads_no_logo_and_starts_no_worker(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    """Run as a marketing team runs it again (a process of its own), with nothing changed: it settles every edition
    from the kit's and words' files alone. It neither draws the logo (svglib, lxml) nor loads the layout engine
    (ReportLab), Pillow or worker processes (multiprocessing): 0.8 s of CPU for the shipped 72 editions became
    about 0.5 s (docs/performance.md)."""
    path = _editions(inputs)
    batch(capsys, path)
    heavy = ("reportlab", "svglib", "lxml", "PIL", "multiprocessing", "pikepdf")
    probe = (
        "import sys\nfrom brochure.cli import main\nstatus = main(['batch', sys.argv[1], '--jobs', '2'])\n"
        f"print(status, sorted({{m.split('.')[0] for m in sys.modules}} & set({heavy!r})))"
    )
    env = dict(os.environ, PYTHONPATH=TESTED)
    command = [sys.executable, "-c", probe, str(path)]  # (run in the folder of the inputs: never this checkout's)
    done = subprocess.run(command, cwd=path.parent, env=env, capture_output=True, text=True, check=False)
    assert "0 built, 2 unchanged" in done.stdout and done.stdout.splitlines()[-1] == "0 []", done.stdout + done.stderr
    edit(inputs.kit / "logo.svg", "<svg", "<svg><broken")  # (the logo is read where an edition is built)
    status, out, err = batch(capsys, path)
    assert status == 1 and "0 built, 0 unchanged, 2 failed" in out, out
    assert "logo is not a readable SVG file" in err, err
    assert "failed: test-clinic/en-gb/trifold/a4/office:" in err, err  # (named as the clinic's others are)


@pytest.mark.parametrize("kind", ["logo-pipe", "logo-huge", "font-pipe"])
def test_a_kit_file_the_batch_cannot_read_is_refused_unopened(inputs: Inputs, kind: str) -> None:
    """A batch reads each kit for its names and files, not its logo's artwork; a logo that is a named pipe hung it
    (hashing the kit's files waited on the pipe for ever), and one of gigabytes was read whole, three times, into
    3 GB of memory before it was refused; a font file that is a pipe hung it too. Each is refused as `brochure
    build` refuses it, at its line in brand.yaml, without being opened (a process of its own, stopped after a
    minute: a hang fails the test)."""
    path = _editions(inputs)
    name, said = "logo.svg", "logo cannot be used: it is a named pipe (FIFO)"
    if kind == "font-pipe":
        edit(inputs.brand, "  body: {family: Be Vietnam Pro}", "  body: {regular: body.ttf}")
        name, said = "body.ttf", "cannot use font file body.ttf: it is a named pipe (FIFO)"
    else:
        (inputs.kit / name).unlink()
    if kind == "logo-huge":
        with (inputs.kit / name).open("wb") as f:
            f.truncate(3 * 2**30)  # (sparse: no disk taken)
        said = "logo cannot be used: it has 3,221,225,472 bytes"
    else:
        os.mkfifo(inputs.kit / name)
    command = [sys.executable, "-m", "brochure", "batch", str(path), "--jobs", "2"]
    env = dict(os.environ, PYTHONPATH=TESTED)
    done = subprocess.run(command, cwd=path.parent, env=env, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 1 and "0 built, 0 unchanged, 2 failed" in done.stdout, done.stdout + done.stderr
    assert f"brand.yaml:{position(inputs.brand.read_text(encoding='utf-8'), name)[0]}:" in done.stderr
    assert said in done.stderr, done.stderr


def test_a_copied_kit_whose_logo_cannot_be_read_fails_alone(inputs: Inputs, capsys: pytest.CaptureFixture[str]) -> None:
    """A second kit copied from the first (one id) with a logo that cannot be read is a broken kit, as before a
    batch read kits without their logos: its editions fail at the logo's line, and the first kit's are built."""
    kit2 = inputs.kit.parent / "kit2"
    kit2.mkdir()
    (kit2 / "brand.yaml").write_text(inputs.brand.read_text(encoding="utf-8"), encoding="utf-8")
    os.mkfifo(kit2 / "logo.svg")
    path = _editions(inputs, EDITIONS + "  - kit: kit2/brand.yaml\n    languages: [content.yaml]\n")
    status, out, err = batch(capsys, path)
    assert status == 1 and "2 built, 0 unchanged, 2 failed" in out, out + err
    assert "kit2/brand.yaml" in err and "logo cannot be used: it is a named pipe (FIFO)" in err, err
    assert "would be written to" not in err, err


def test_an_input_gone_while_the_batch_settles_fails_its_editions_and_the_batch_goes_on(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    """The batch reads each task's files again as it settles its editions: a content file removed since (by another
    program, while the batch reported the editions before it) is left to a worker, whose editions fail saying
    where and why; the other editions stand, and nothing escapes as a traceback."""
    spanish = inputs.content.parent / "es.yaml"
    words = inputs.content.read_text(encoding="utf-8").replace("language: en-GB", "language: es")
    spanish.write_text(words, encoding="utf-8")
    two = EDITIONS.replace("source: content.yaml\n", "").replace("[content.yaml]", "[content.yaml, es.yaml]")
    path = _editions(inputs, two)
    assert batch(capsys, path)[0] == 0
    editions, _ = load_editions(path)
    assert editions is not None

    def progress(outcome: Any) -> None:
        spanish.unlink(missing_ok=True)  # (as the first edition is reported, before the second task is settled)

    outcomes = runs(editions, ThreadPoolExecutor(max_workers=1), force=False, progress=progress)
    assert [(o.edition.split("/")[1], o.status) for o in outcomes] == [
        ("en-gb", "unchanged"),
        ("en-gb", "unchanged"),
        ("es", "failed"),
        ("es", "failed"),
    ]
    said = re.compile(rf"{re.escape(str(path))}:\d+:\d+: error: .*cannot see {re.escape(str(spanish))} ")
    assert all(said.match(o.first) for o in outcomes[2:]), outcomes[2].first  # (where editions.yaml names it)


def test_an_edition_is_made_again_when_its_review_date_comes_near(
    inputs: Inputs, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing in the files changed, but today's date now warns of the review date: the editions' stamps change,
    so they are built again and report it (not left 'unchanged' with their old findings). On two ordinary days
    the stamps are the same; another SOURCE_DATE_EPOCH (the date written in the PDF) changes them too."""
    editions, _ = load_editions(_editions(inputs))
    assert editions is not None
    review = load_content(inputs.content)[0]
    assert review is not None
    due = review.document.review

    def stamps(day: date) -> list[str]:
        monkeypatch.setattr(batch_module.plan, "today", lambda environ: day)
        return [job.stamp for task in tasks(editions, {}, read_contents(editions)) for job in task.jobs]

    ordinary = stamps(due - timedelta(days=400))
    assert stamps(due - timedelta(days=401)) == ordinary
    near = stamps(due - timedelta(days=30))
    assert set(near).isdisjoint(ordinary) and set(stamps(due + timedelta(days=1))).isdisjoint(near)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796169600")  # a day later than the tests build with
    assert set(stamps(due - timedelta(days=400))).isdisjoint(ordinary)


def test_a_change_to_the_tools_own_code_builds_every_edition_again(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A clinic's checkout is installed in place (`make leaflet`: pip install -e): `git pull` brings a new layout
    under the same version number. The editions' stamps hold brochure's own files, so its editions are built again
    (not left 'unchanged', in the old layout, until --force). Python's compiled files do not count."""
    package = tmp_path / "brochure"
    package.mkdir()
    (package / "layout.py").write_text("GUTTER = 5.0\n", encoding="utf-8")
    was = batch_module.records.code_digest(package)
    (package / "__pycache__").mkdir()
    (package / "__pycache__" / "layout.cpython-311.pyc").write_bytes(b"compiled")
    (package / ".#layout.py").symlink_to("user@host.1234:1700000000")  # (an editor's lock: a link to nothing)
    (package / ".layout.py.swp").write_bytes(b"swap")
    (package / "layout.py.orig").write_text("GUTTER = 4.0\n", encoding="utf-8")
    assert batch_module.records.code_digest(package) == was  # (what an installed copy of the code has, alone)
    (package / "layout.py").write_text("GUTTER = 6.0\n", encoding="utf-8")
    assert batch_module.records.code_digest(package) != was
    own = batch_module.records.code_digest(Path(batch_module.__file__).parents[1])
    assert f"(code {own[:12]})" in batch_module.records.tool()

    path = _editions(inputs)
    batch(capsys, path)
    assert "0 built, 2 unchanged" in batch(capsys, path)[1]
    monkeypatch.setattr(batch_module.records, "code_digest", lambda package: "0" * 64)  # the code changed
    batch_module.records.tool.cache_clear()
    try:
        assert "2 built, 0 unchanged" in batch(capsys, path)[1]
    finally:
        monkeypatch.undo()
        batch_module.records.tool.cache_clear()


def test_a_font_package_of_other_files_under_the_same_version_is_another_tool(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A cluster's machine whose font package was built again (or patched) under the same version number printed
    other glyphs under the same stamps: the tool's text holds each font package's files' sizes, so its workers are
    told they have other packages, and its editions are stamped apart."""
    import fontpkg

    records = batch_module.records
    was = records.tool()
    real = fontpkg.family
    face = real("be-vietnam-pro").files[0]
    other = tmp_path / face.path.name
    other.write_bytes(face.path.read_bytes() + b"\0" * 4)  # (a table padded: the same version, other bytes)

    def family(slug: str) -> Any:
        found = real(slug)
        if found.slug != "be-vietnam-pro":
            return found
        return dataclasses.replace(found, files=(dataclasses.replace(face, path=other), *found.files[1:]))

    monkeypatch.setattr(fontpkg, "family", family)
    records.tool.cache_clear()
    try:
        now = records.tool()
        assert now != was and now.split(", packages ")[0] == was.split(", packages ")[0]  # (its packages' part)
    finally:
        monkeypatch.undo()
        records.tool.cache_clear()
    assert records.tool() == was


def _dies_once(task: Task) -> list[Made]:
    """(In a worker.) run_task, but the first part handed out in this folder kills its worker process, as the
    out-of-memory killer or a signal would."""
    marker = Path(task.base) / "died"
    if not marker.exists():
        marker.write_text("", encoding="utf-8")
        os._exit(9)
    return run_task(task)


def _dies_on_spanish(task: Task) -> list[Made]:
    """(In a worker.) run_task, but the Spanish words' parts kill their worker every time (a crash in a library)."""
    if task.content.name == "es.yaml":
        os._exit(9)
    return run_task(task)


def _two_languages(inputs: Inputs) -> Path:
    words = inputs.content.read_text(encoding="utf-8")
    (inputs.content.parent / "es.yaml").write_text(words.replace("language: en-GB", "language: es"), "utf-8")
    return _editions(
        inputs, EDITIONS.replace("source: content.yaml\n", "").replace("[content.yaml]", "[content.yaml, es.yaml]")
    )


def test_a_worker_lost_once_costs_nothing_but_time(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker process killed midway broke the whole pool: every edition it held or had waiting failed ('16 built,
    56 failed'). What it held is handed to a new pool, and built."""
    path = _two_languages(inputs)
    monkeypatch.setattr(batch_module, "run_task", _dies_once)
    status, out, _ = batch(capsys, path)
    assert (inputs.content.parent / "died").exists()  # (a worker did die)
    assert multiprocessing.active_children() == []  # (the lost pool's other worker too: one left blocked writing its
    # answer kept the test process from ending, once)
    assert status == 0 and "4 built, 0 unchanged, 0 failed" in out, out
    told = sorted(" ".join(line.split()[:2]) for line in out.splitlines() if line.startswith(" "))
    layouts = ("large-print", "trifold")
    assert told == [f"built test-clinic/{w}/{lo}/a4/office" for w in ("en-gb", "es") for lo in layouts], out


def test_an_edition_that_kills_its_worker_fails_alone(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """An edition whose build kills its worker each time fails, saying so, once it has killed one alone; the
    editions that were built beside it when it did are built."""
    path = _two_languages(inputs)
    monkeypatch.setattr(batch_module, "run_task", _dies_on_spanish)
    status, out, err = batch(capsys, path)
    assert status == 1 and "2 built, 0 unchanged, 2 failed" in out, out
    failed = [line for line in err.splitlines() if line.startswith("failed: ")]
    assert len(failed) == 2 and all("test-clinic/es/" in line and "BrokenProcessPool" in line for line in failed)
    assert {e["status"] for n, e in _manifest(inputs).items() if "/en-gb/" in n} == {"built"}


def _always_dies(task: Task) -> list[Made]:
    """(In a worker.) A build that kills its worker every time (a library that crashes on every edition)."""
    os._exit(9)


def _three_languages(inputs: Inputs) -> Path:
    words = inputs.content.read_text(encoding="utf-8")
    for language in ("es", "pl"):
        (inputs.content.parent / f"{language}.yaml").write_text(
            words.replace("language: en-GB", f"language: {language}"), "utf-8"
        )
    return _editions(
        inputs,
        EDITIONS.replace("source: content.yaml\n", "").replace("[content.yaml]", "[content.yaml, es.yaml, pl.yaml]"),
    )


def test_a_pool_that_breaks_while_parts_are_handed_out_is_made_again(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A part that kills its worker at once broke the pool before the others were handed to it, and handing out the
    next raised: an internal error, exit 3. They go to the next pool; only that part's editions fail."""
    path = _three_languages(inputs)
    monkeypatch.setattr(batch_module, "run_task", _dies_on_spanish)
    submit = batch_module.Deferred.submit

    def slowly(self: batch_module.Deferred, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> Future[T]:
        future = submit(self, fn, *args, **kwargs)
        time.sleep(0.2)  # (the Spanish part's worker dies meanwhile)
        return future

    monkeypatch.setattr(batch_module.Deferred, "submit", slowly)
    status, out, err = batch(capsys, path)
    assert status == 1 and "internal error" not in err and "4 built, 0 unchanged, 2 failed" in out, (out, err)
    assert all("test-clinic/es/" in line for line in err.splitlines() if line.startswith("failed: "))


def test_a_build_that_kills_every_worker_ends_the_batch_after_a_few_pools(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every edition kills its worker (a library that crashes on all of them): each fails, saying its worker was
    lost, after at most LOST_POOLS new pools, not one pool per edition."""
    path = _three_languages(inputs)
    monkeypatch.setattr(batch_module, "run_task", _always_dies)
    restarts: list[int] = []
    restart = batch_module.Deferred.restart
    monkeypatch.setattr(batch_module.Deferred, "restart", lambda self: restarts.append(1) or restart(self))
    status, out, err = batch(capsys, path)
    assert status == 1 and "0 built, 0 unchanged, 6 failed" in out, out
    failed = [line for line in err.splitlines() if line.startswith("failed: ")]
    assert len(failed) == 6 and all("the worker process building it was lost" in line for line in failed), failed
    assert len(restarts) < batch_module.LOST_POOLS, restarts


class _Order(ThreadPoolExecutor):
    """The batch's executor of one thread, noting each part it is handed (content file and layouts), in order."""

    def __init__(self) -> None:
        super().__init__(max_workers=1)
        self.order: list[str] = []

    def submit(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> Future[T]:
        layouts = dict.fromkeys(job.layout for job in args[0].jobs)
        self.order.append(f"{args[0].content.name} {' '.join(layouts)}")
        return super().submit(fn, *args, **kwargs)


def test_the_longest_work_goes_to_the_workers_first(inputs: Inputs) -> None:
    """So that a batch does not end waiting on one worker's last long task: a task's editions go to the workers a
    layout at a time, the larger first (a large-print edition before a flyer), whatever their place in the file;
    once a batch has run, by the seconds it recorded for each edition. The report keeps the file's order."""
    other = inputs.content.parent / "other.yaml"
    other.write_text(inputs.content.read_text(encoding="utf-8").replace("en-GB", "en-US"), encoding="utf-8")
    text = EDITIONS.replace("source: content.yaml\n", "").replace("[trifold, large-print]", "[flyer]")
    more = "  - kit: assets/brand.yaml\n    languages: [other.yaml]\n    layouts: [flyer, large-print]\n"
    editions, _ = load_editions(_editions(inputs, text + more))
    assert editions is not None
    first = _Order()
    outcomes = runs(editions, first, force=True)
    assert first.order == ["other.yaml large-print", "content.yaml flyer", "other.yaml flyer"]
    assert [(o.edition, o.status) for o in outcomes] == [
        ("test-clinic/en-gb/flyer/a4/office", "built"),
        ("test-clinic/en-us/flyer/a4/office", "built"),
        ("test-clinic/en-us/large-print/a4/office", "built"),
    ]
    batch_module.write_manifest(editions, outcomes)
    manifest = batch_module.manifest_path(editions)
    data = json.loads(manifest.read_text(encoding="utf-8"))
    for entry, seconds in zip(data["editions"], (0.2, 9.5, 1.0), strict=True):  # (the en-US flyer, as a slow
        entry["seconds"] = seconds  # machine timed it; the others set too: how long they took here varies)
    manifest.write_text(json.dumps(data), encoding="utf-8")
    again = _Order()
    runs(editions, again, force=True)
    assert again.order == ["other.yaml flyer", "other.yaml large-print", "content.yaml flyer"]


def test_a_worker_checks_a_translation_against_its_source_once_for_every_kit_that_prints_it(
    inputs: Inputs, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One translation under two brands was checked against its source for each (about 50 ms each): a worker keeps
    the check by the hash of the words, their source and pictures, once it knows they are the batch's; words
    that changed since are refused before they are checked, and a task the batch gave no hash is checked again."""
    from brochure import api
    from brochure.batch import worker
    from brochure.batch.records import files_digest

    spanish = inputs.content.parent / "es.yaml"
    spanish.write_text(inputs.content.read_text(encoding="utf-8").replace("language: en-GB", "language: es"), "utf-8")
    checks: list[Path] = []
    check = api.check_translation
    monkeypatch.setattr(api, "check_translation", lambda s, c: checks.append(s) or check(s, c))
    monkeypatch.setattr(worker, "_CHECKS", Kept(worker.CHECKS_KEPT))
    stamp = files_digest([spanish, inputs.content])
    first = worker._sources(spanish, inputs.content, inputs.brand, "", stamp)
    assert worker._sources(spanish, inputs.content, inputs.brand, "", stamp)[1] == first[1] and len(checks) == 1
    worker._sources(spanish, inputs.content, inputs.brand, "", "")
    assert len(checks) == 2
    edit(spanish, "language: es", "language: es ")
    with pytest.raises(worker._Other):
        worker._sources(spanish, inputs.content, inputs.brand, "", files_digest([spanish, inputs.content])[::-1])
    assert len(checks) == 2 and len(worker._CHECKS) == 1  # (files not the batch's: refused before any check)
    worker._sources(spanish, inputs.content, inputs.brand, "", files_digest([spanish, inputs.content]))
    assert len(checks) == 3 and len(worker._CHECKS) == 2  # (the words changed, the batch's: checked again)


def test_a_kit_changed_between_two_batches_of_one_process_is_read_again(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker keeps the kits it has read for its next tasks, by the hash of their files: a colour changed
    since is built in the new colour, as `brochure build` makes it."""
    from brochure import api

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    path = _editions(inputs, EDITIONS.replace("layouts: [trifold, large-print]", "layouts: [trifold]"))
    assert cli(capsys, "batch", str(path), "--jobs", "1")[0] == 0
    edit(inputs.brand, 'primary: "#1D5C63"', 'primary: "#7A2E8F"')
    assert "1 built, 0 unchanged" in cli(capsys, "batch", str(path), "--jobs", "1")[1]
    src, _ = api.load(inputs.content, inputs.brand)
    assert src is not None
    fresh = api.build(src, api.Options(layout="trifold", target="office"), {"SOURCE_DATE_EPOCH": "1700000000"}).pdf
    built = inputs.content.parent / str(_manifest(inputs)["test-clinic/en-gb/trifold/a4/office"]["output"])
    assert built.read_bytes() == fresh


def test_a_language_narrows_its_brands_matrix_and_may_be_named_again_with_another(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    """The US practice publishes en-US in every layout and its Spanish in fewer: a language is a path, or `content:`
    with its own layouts, papers or targets. One content file may be named twice with other ones (a flyer on Letter
    besides its A4 editions); twice with the same is an error where it is named the second time."""
    (inputs.content.parent / "es.yaml").write_text(
        inputs.content.read_text(encoding="utf-8").replace("language: en-GB", "language: es"), encoding="utf-8"
    )
    text = EDITIONS.replace("source: content.yaml\n", "").replace(
        "    languages: [content.yaml]\n",
        "    languages:\n"
        "      - content.yaml\n"
        "      - content: es.yaml\n"
        "        layouts: [trifold]\n"
        "      - content: content.yaml\n"
        "        layouts: [flyer]\n"
        "        papers: [letter]\n",
    )
    editions, diags = load_editions(_editions(inputs, text))
    assert editions is not None, [d.format() for d in diags]
    names = [(g.contents[0].name, g.layouts, g.papers) for g in editions.groups]
    assert names == [
        ("content.yaml", ("trifold", "large-print"), ()),
        ("es.yaml", ("trifold",), ()),
        ("content.yaml", ("flyer",), ("letter",)),
    ]
    status, _, err = batch(capsys, _editions(inputs, text))
    assert status == 0, err
    assert set(_manifest(inputs)) == {
        "test-clinic/en-gb/trifold/a4/office",
        "test-clinic/en-gb/large-print/a4/office",
        "test-clinic/es/trifold/a4/office",
        "test-clinic/en-gb/flyer/letter/office",
    }
    for again, common in (
        ("      - content: es.yaml\n        layouts: [trifold]\n", "under this brand's languages (first at line"),
        ("      - content: content.yaml\n        layouts: [bifold, large-print]\n", "large-print/a4/office"),
        ("      - content: ./content.yaml\n        layouts: [flyer]\n        papers: [a4, letter]\n", "flyer/letter/"),
    ):  # (the same editions, or some in common: each was built twice, to one file, and listed twice)
        twice = text + again
        status, _, err = batch(capsys, _editions(inputs, twice))
        i = twice.rindex(again.split("content: ")[1].split("\n")[0])  # (the second naming)
        line, col = twice.count("\n", 0, i) + 1, i - twice.rfind("\n", 0, i)
        assert status == 1 and f"editions.yaml:{line}:{col}: error: '" in err and "' is named twice" in err, err
        assert common in err, err
        if "under this" not in common:  # (narrowing one entry is the remedy: the kits' ids have nothing to do with it)
            assert "with editions in common: " in err and "(hint: narrow one of the two entries' layouts:" in err, err


@pytest.mark.parametrize("again", ["content.yaml", "./words/../content.yaml"])
def test_a_content_file_named_twice_in_a_brands_languages_is_said_so(inputs: Inputs, again: str) -> None:
    """`languages: [content.yaml, ./content.yaml]` was "'content.yaml' is named twice for the kit ...:
    trifold/a4/office", one edition of those in common named as if only it were, with the hint to give the kits
    different ids: the file is named twice under that brand's languages, at the second naming, with the hint to
    remove one."""
    (inputs.content.parent / "words").mkdir()
    text = EDITIONS.replace("languages: [content.yaml]", f"languages: [content.yaml, {again}]")
    editions, diags = load_editions(_editions(inputs, text))
    assert editions is not None, [d.format() for d in diags]
    (said,) = collisions(editions, read_contents(editions))
    line, col = position(text, again + "]")
    assert (said.location.line, said.location.column) == (line, col), said.format()
    assert said.message == (
        "'content.yaml' is named twice under this brand's languages (first at line 7, column 17): each of its "
        "editions would be built twice"
    ), said.message
    assert said.hint == "remove one of the two"


@pytest.mark.parametrize(
    ("entry", "at", "says"),
    [
        ("      - {contnet: es.yaml}\n", "contnet", "unknown key 'contnet'"),
        ("      - {content: es.yaml, layouts: [trifould]}\n", "trifould", "'trifould'"),
        ("      - {layouts: [flyer]}\n", "{layouts", "missing key 'content'"),
    ],
    ids=["misspelt-key", "unknown-layout", "no-content"],
)
def test_a_narrowed_language_with_a_mistake_is_an_error_at_it(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], entry: str, at: str, says: str
) -> None:
    (inputs.content.parent / "es.yaml").write_text(inputs.content.read_text(encoding="utf-8"), encoding="utf-8")
    text = EDITIONS.replace("    languages: [content.yaml]\n", "    languages:\n      - content.yaml\n" + entry)
    status, _, err = batch(capsys, _editions(inputs, text))
    line, col = position(text, at)
    assert status == 1 and f"editions.yaml:{line}:{col}: error: " in err and says in err, err


def test_a_brand_with_words_of_its_own_names_them_as_its_source(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    """A clinic that writes its own words (another number than the group's) in a group whose `source:` is the
    group's words: each of its editions failed as a bad translation ("the source's 1, 3 ... is not in the
    translation"). A brand's own `source:` names the words its content files translate: its own, not checked, and
    its Spanish checked against them."""
    folder = inputs.content.parent
    (folder / "riverside").mkdir()
    for name in ("brand.yaml", "logo.svg"):
        (folder / "riverside" / name).write_bytes((inputs.kit / name).read_bytes())
    edit(folder / "riverside/brand.yaml", "name: Test Clinic", "name: Riverside Clinic")
    own = inputs.content.read_text(encoding="utf-8").replace("1 to 3 days", "2 to 4 days")
    (folder / "riverside/content.yaml").write_text(own, encoding="utf-8")
    spanish = own.replace("language: en-GB", "language: es")
    (folder / "riverside/es.yaml").write_text(spanish.replace("2 to 4 days", "1 to 3 days"), encoding="utf-8")
    group = EDITIONS.replace("layouts: [trifold, large-print]", "layouts: [flyer]")
    riverside = "  - kit: riverside/brand.yaml\n    languages: [riverside/content.yaml, riverside/es.yaml]\n"
    status, _, err = batch(capsys, _editions(inputs, group + riverside))  # (its own words, said so once: each
    # number it changed was told to be put back, as the group's source has it)
    (own_words,) = [line for line in err.splitlines() if line.startswith("failed: riverside-clinic/en-gb/")]
    assert status == 1 and "riverside/content.yaml:" in own_words and "the clinic's own words, not a" in own_words
    assert "give their brand its own `source:`" in own_words and "is not in the translation" not in own_words, err
    own_source = riverside.replace("    languages:", "    source: riverside/content.yaml\n    languages:")
    status, out, err = batch(capsys, _editions(inputs, group + own_source))
    failed = [line for line in err.splitlines() if line.startswith("failed: ")]
    assert status == 1 and len(failed) == 1 and "riverside-clinic/es/" in failed[0], err
    assert "the source's 2, 4" in failed[0] and "1 built, 1 unchanged" in out, (
        out + err
    )  # (its Spanish, against its own)


def test_a_kit_that_could_not_be_read_is_read_again_by_a_worker(inputs: Inputs) -> None:
    """A worker keeps the kits and words it read by the hashes the batch gave; a kit that failed (its logo broken)
    was kept so too, and the kit mended still failed in that worker under those hashes. Only what was read whole is
    kept, the kit and the words with it."""
    from brochure.batch import worker
    from brochure.batch.records import files_digest, kit_digest
    from brochure.inputs.brand import load_brand

    brand, _ = load_brand(inputs.brand)
    assert brand is not None
    digest, words = kit_digest(brand), files_digest([inputs.content])  # (the kit as it will be once mended)
    logo = (inputs.kit / "logo.svg").read_bytes()
    (inputs.kit / "logo.svg").write_text("<svg", encoding="utf-8")
    assert worker._kit(inputs.brand, digest)[0] is None
    assert worker._sources_once(inputs.content, None, inputs.brand, digest, words)[0] is None
    (inputs.kit / "logo.svg").write_bytes(logo)
    assert worker._kit(inputs.brand, digest)[0] is not None
    assert worker._sources_once(inputs.content, None, inputs.brand, digest, words)[0] is not None


def test_an_edition_is_built_again_when_its_source_moves(inputs: Inputs, capsys: pytest.CaptureFixture[str]) -> None:
    """The source moved to a file of the same bytes (editions.yaml names the new one): its translations' editions
    stood "unchanged", their saved findings naming the source at its old path. They are built again."""
    folder = inputs.content.parent
    spanish = inputs.content.read_text(encoding="utf-8").replace("language: en-GB", "language: es")
    spanish = spanish.replace(
        "document:\n",
        "document:\n  translation: {translator: {name: Ana Ruiz, role: Translator}, reviewer: "
        "{name: Luis Gil, role: Nurse}}\n",
    )
    (folder / "es.yaml").write_text(spanish.replace("language: es", "language: en-US"), encoding="utf-8")  # (an
    # adaptation of the source, as translations/en-US.yaml is: the English words tagged Spanish are an error)
    text = EDITIONS.replace("layouts: [trifold, large-print]", "layouts: [flyer]").replace(
        "[content.yaml]", "[content.yaml, es.yaml]"
    )
    status, out, err = batch(capsys, _editions(inputs, text))
    assert status == 0, err
    (folder / "words").mkdir()
    (folder / "words/content.yaml").write_bytes(inputs.content.read_bytes())
    status, out, err = batch(
        capsys, _editions(inputs, text.replace("source: content.yaml", "source: words/content.yaml"))
    )
    assert status == 0 and "2 built, 0 unchanged" in out, out + err


def test_a_translations_first_finding_is_what_it_got_wrong_not_that_it_is_unchecked(tmp_path: Path) -> None:
    """Every edition of a translation with no reviewer has the warning that it is not checked, first: a batch's table
    and report showed only that, and a number counted in hours where the source counts minutes (numbing cream on for
    45 hours, an error now) went unseen; so would a range turned round. An edition's first finding is its first
    error, else its first other warning."""
    from brochure.api import translation_check
    from brochure.batch.records import Outcome

    words = tmp_path / "pl.yaml"
    text = (ROOT / "translations" / "pl.yaml").read_text(encoding="utf-8")
    assert text.count("30 do 45 minut przed") == 1
    words.write_text(text.replace("30 do 45 minut przed", "45 do 30 minut przed"), encoding="utf-8")
    translation, diags = load_content(words)
    assert translation is not None
    findings = tuple(d.format() for d in [*diags, *translation_check(ROOT / "content.yaml", translation)[1]])
    assert "has not been checked" in findings[0] and len(findings) == 2
    outcome = Outcome("clearwater/pl/trifold/a4/office", "out/x.pdf", "built", 0.1, "stamp", findings)
    assert "gives 45 before 30" in outcome.first
    assert outcome.report()["first"] == outcome.first
    assert Outcome("e", "o", "built", 0.1, "s", findings[:1]).first == findings[0]  # (alone, it is the first)
    failed = Outcome("e", "o", "failed", 0.1, "s", (*findings, "x.yaml:1:1: error: a problem"))
    assert failed.first == "x.yaml:1:1: error: a problem"
    us = tmp_path / "en-US.yaml"  # (a translation that drops the emergency number: shown before another warning)
    text = (ROOT / "translations" / "en-US.yaml").read_text(encoding="utf-8")
    text = text.replace('{"999": "911", "111": ""}', '{"999": "", "111": ""}').replace(
        "**Call 911** if", "**Call us** if"
    )
    us.write_text(text.replace("30 to 45 minutes", "45 to 30 minutes"), encoding="utf-8")
    translation, diags = load_content(us)
    assert translation is not None
    found = tuple(d.format() for d in [*diags, *translation_check(ROOT / "content.yaml", translation)[1]])
    dropped = [f for f in found if "the number to call for urgent help" in f]
    assert dropped and found.index(dropped[0]) > 0, found
    assert Outcome("e", "o", "built", 0.1, "s", found).first == dropped[0]


def test_an_editions_line_shows_a_wrong_emergency_number_first_and_how_many_more_findings_it_has(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    """A clinic in Cork printing the group's UK words: its batch line showed one warning (the producer named another
    clinic), cut short, and not the two of 111 and 999, numbers no one answers in Ireland, which `check` gave. An
    edition's line shows a warning of an emergency number first, and says how many more findings it has."""
    inputs.content.write_bytes((ROOT / "content.yaml").read_bytes())
    edit(inputs.brand, "name: Test Clinic\n", "name: Test Clinic\ncountry: IE\n")
    path = _editions(inputs, EDITIONS.replace("[trifold, large-print]", "[trifold]"))
    report = inputs.content.parent / "report.json"
    status, out, _ = batch(capsys, path, "--check", "--json", str(report))
    (line,) = [x for x in out.splitlines() if x.lstrip().startswith("checked")]  # (its first finding cut to fit)
    (edition,) = json.loads(report.read_text(encoding="utf-8"))["editions"]
    assert status == 0 and re.search(r"content\.yaml:\d+:\d+: warning: the words give 111, a", edition["first"])
    assert line.endswith(f" (+{len(set(edition['findings'])) - 1} more)") and len(edition["findings"]) >= 3, line


def test_a_kit_copied_for_another_clinic_with_the_firsts_contact_lines_is_warned(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    """A coordinator copied one clinic's kit to start another's and changed its name: the second clinic's leaflets
    printed the first's address, phone, email, website and QR code, exit 0. A warning at the second kit's first
    shared line, before the editions; a group's clinics that share a phone line and booking site (each naming the
    group) are no warning, nor one hospital's address, nor a kit of the same clinic (another paper), nor kits with
    their own details; a kit that gives all of another's is, in one group or not."""
    second = inputs.content.parent / "second"
    second.mkdir()
    (second / "logo.svg").write_bytes((inputs.kit / "logo.svg").read_bytes())
    kit = second / "brand.yaml"
    kit.write_text(inputs.brand.read_text(encoding="utf-8").replace("Test Clinic", "Galway Clinic"), encoding="utf-8")
    path = _editions(inputs, EDITIONS + "  - kit: second/brand.yaml\n    languages: [content.yaml]\n")
    status, _, err = batch(capsys, path, "--json", str(inputs.content.parent / "report.json"))
    warned = [line for line in err.splitlines() if "gives the same" in line]
    row, col = position(kit.read_text(encoding="utf-8"), "1 High Street, Bristol")
    assert status == 0 and len(warned) == 1, err
    assert warned[0].startswith(f"{kit}:{row}:{col}: warning: Galway Clinic")
    assert "the same address, phone number, email, website and booking address as Test Clinic" in warned[0]
    _, out, _ = batch(capsys, path, "--json", str(inputs.content.parent / "report.json"))  # (said again: the
    report = json.loads((inputs.content.parent / "report.json").read_text(encoding="utf-8"))  # editions scroll it away)
    assert "; 1 warning about the kits, above;" in out and report["warnings"] == warned, (out, report["warnings"])
    own = {"1 High Street, Bristol": "2 Quay Street, Galway", '"+44 117 496 0321"': '"+353 91 123 456"'}
    edit(kit, "1 High Street, Bristol", own["1 High Street, Bristol"])  # (its own address; the rest still shared)
    status, _, err = batch(capsys, path)
    assert "gives the same phone number, email, website and booking address as Test Clinic" in err, err
    kit.write_text("group: Test Clinic\n" + kit.read_text(encoding="utf-8"), encoding="utf-8")  # (Test Clinic's group:
    status, _, err = batch(capsys, path)  # its own kit names no group)
    assert "gives the same" not in err, err  # (one group's clinics: a shared line and site)
    edit(kit, own["1 High Street, Bristol"], "1 High Street, Bristol")  # (all of Test Clinic's, group or not)
    status, _, err = batch(capsys, path)
    assert "(a kit copied to start another clinic's keeps the first clinic's)" in err, err
    edit(kit, 'phone: "+44 117 496 0321"', 'phone: "+44 117 496 0999"')  # (one hospital's address: in one group)
    status, _, err = batch(capsys, path)
    assert "gives the same" not in err, err
    edit(kit, "group: Test Clinic\n", "")
    status, _, err = batch(capsys, path)
    assert "say so in its kit: group: Test Clinic" in err, err
    edit(kit, "Galway Clinic", "Test Clinic")  # (the same clinic's second kit)
    edit(kit, 'phone: "+44 117 496 0999"', 'phone: "+44 117 496 0321"')
    edit(kit, "name: Test Clinic", "name: Test Clinic\nid: test-clinic-letter")
    status, _, err = batch(capsys, path)
    assert "gives the same" not in err, err


def test_the_warnings_about_a_kit_are_on_the_contact_sheet_under_its_clinic(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    """A kit that gives another clinic's contact lines was warned of on the command line and in the --json report,
    but the contact sheet, what a coordinator opens, said nothing of it. The warning is under the name of the clinic
    it concerns (the copied kit's, not the one it copies), as printed, escaped, folded as an edition's warnings; a
    run stopped midway writes it too."""
    second = inputs.content.parent / "second"
    second.mkdir()
    (second / "logo.svg").write_bytes((inputs.kit / "logo.svg").read_bytes())
    kit = second / "brand.yaml"
    kit.write_text(inputs.brand.read_text(encoding="utf-8").replace("Test Clinic", "Galway <b>& Co</b>"), "utf-8")
    path = _editions(inputs, EDITIONS + "  - kit: second/brand.yaml\n    languages: [content.yaml]\n")
    status, _, err = batch(capsys, path)
    (warned,) = [line for line in err.splitlines() if "gives the same" in line]
    assert status == 0 and warned.startswith(f"{kit}:") and "Galway <b>& Co</b> (" in warned, err
    sheet = inputs.content.parent / "out/index.html"
    clinics = re.findall(r'<section class="clinic" data-clinic="([^"]*)">(.*?)(?=<section class="clinic"|</body>)',
                         sheet.read_text(encoding="utf-8"), re.S)  # fmt: skip
    folded = '<details class="warnings kit"><summary>1 warning about the kit</summary>'
    assert [(clinic, folded in part) for clinic, part in clinics] == [("test-clinic", False), ("galway-b-co-b", True)]
    assert f"{folded}<ul><li>{html.escape(warned)}</li></ul></details>" in clinics[1][1] and "<b>&" not in clinics[1][1]
    assert "; 1 warning about the kits</p>" in sheet.read_text(encoding="utf-8")
    editions, _ = load_editions(path)
    assert editions is not None
    sheet.unlink()

    def stop(o: batch_module.Outcome) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        runs(editions, ThreadPoolExecutor(max_workers=1), True, stop)
    assert f"<li>{html.escape(warned)}</li>" in sheet.read_text(encoding="utf-8")


def test_a_translation_named_with_no_source_is_said_to_be_unchecked_and_where_a_failed_one_goes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An editions file with no `source:` built a translation whose number had changed ('3 to 5 days' for '3 to
    7') with "2 checked, 0 failed" and no word that it had not been checked, which `brochure check` says of it: a
    warning at the translation's line in editions.yaml, in the summary and the report; none with a source. A
    translation that fails its check is reported with where it would go, as `--check` says of every edition (its
    `output` was null)."""
    (tmp_path / "assets").mkdir()
    for name in ("content.yaml", "translations/es.yaml", "assets/brand.yaml", "assets/logo.svg"):
        copy = tmp_path / (Path(name).name if name.startswith("translations") else name)
        copy.write_bytes((ROOT / name).read_bytes())
    text = (
        "output: out/{brand}-{language}-{layout}-{paper}-{target}.pdf\nlayouts: [trifold]\ntargets: [office]\n"
        "brands:\n  - kit: assets/brand.yaml\n    languages: [content.yaml, es.yaml]\n"
    )
    path = tmp_path / "editions.yaml"
    path.write_text(text, encoding="utf-8")
    status, out, err = batch(capsys, path, "--check", "--json", str(tmp_path / "report.json"))
    row, col = position(text, "es.yaml]")
    (warned,) = [line for line in err.splitlines() if "not checked against" in line]
    assert status == 0 and warned.startswith(f"{path}:{row}:{col}: warning: es.yaml is a translation"), err
    assert "1 warning about editions.yaml, above" in out
    assert json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))["warnings"] == [warned]
    path.write_text("source: content.yaml\n" + text, encoding="utf-8")
    assert "not checked against" not in batch(capsys, path, "--check")[2]
    edit(tmp_path / "es.yaml", "De 3 a 7 días", "De 3 a 5 días")  # (failed: where it would go is still said)
    status, _, err = batch(capsys, path, "--check", "--json", str(tmp_path / "report.json"))
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    (failed,) = [e for e in report["editions"] if e["status"] == "failed"]
    assert status == 1 and failed["output"] == "out/clearwater-es-trifold-a4-office.pdf", failed
