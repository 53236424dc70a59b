"""Careless and hostile outputs and process conditions (issue 7, classes 5 and 6), as a user meets them.

Outputs: an output never replaces an input, another output or something that is not a file; `--json -`
is standard output; a failed or interrupted run leaves earlier files byte for byte. Process: Ctrl-C,
SIGTERM, a closed stdout, an ASCII-only locale and a bug each end in one line and a documented status.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import stat
import subprocess
import sys
import time
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest
import reportlab
from conftest import ROOT, Inputs, edit
from helpers import TESTED, cli
from PIL import Image

from brochure import api
from brochure.cli import main
from brochure.output import files

PYTHON = [sys.executable, "-P", "-m", "brochure"]
ENV = {**os.environ, "PYTHONPATH": TESTED}
STEM = "test-clinic-en-gb-trifold-a4-office"  # the default name of the test kit's office tri-fold
PNG_BYTES = (ROOT / "docs" / "preview" / "trifold-office-page1.png").read_bytes()


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under folder (symlinks as their targets' names): its bytes and mtime."""
    out: dict[str, tuple[bytes, int]] = {}
    for p in sorted(folder.rglob("*")):
        if p.is_symlink():
            out[str(p.relative_to(folder))] = (os.readlink(p).encode(), 0)
        elif p.is_file():
            out[str(p.relative_to(folder))] = (p.read_bytes(), p.stat().st_mtime_ns)
    return out


def given(inputs: Inputs) -> list[str]:
    return ["--content", str(inputs.content), "--brand", str(inputs.brand)]


def break_the_build(inputs: Inputs) -> None:
    """Text too pale to read: the inputs load, the build fails (exit 1)."""
    edit(inputs.brand, 'text: "#1F2A2E"', 'text: "#A0A8AA"')


def break_the_content(inputs: Inputs) -> None:
    """A misspelt key: the content does not load (exit 1)."""
    edit(inputs.content, "subtitle:", "subtitel:")


# --- an output is never an input ---------------------------------------------------------------------


@pytest.fixture
def full_kit(inputs: Inputs) -> Inputs:
    """The test kit with font files (its body's and a fallback's), a colour profile and a picture in the content,
    besides its logo."""
    import fontpkg_be_vietnam_pro

    fonts = inputs.kit / "fonts"
    fonts.mkdir()
    shutil.copy(Path(fontpkg_be_vietnam_pro.__file__).parent / "files" / "BeVietnamPro-Regular.ttf", fonts / "B.ttf")
    shutil.copy(ROOT / "brochure" / "data" / "icc" / "brochure-fogra39-300.icc", inputs.kit / "printer.icc")
    shutil.copy(Path(reportlab.__file__).parent / "fonts" / "Vera.ttf", fonts / "Vera.ttf")
    edit(
        inputs.brand,
        "body: {family: Be Vietnam Pro}",
        "body: {regular: fonts/B.ttf}\n  fallbacks: [{regular: fonts/Vera.ttf}]",
    )
    edit(inputs.brand, "  cmyk:\n", "  profile: printer.icc\n  cmyk:\n")
    Image.new("RGB", (1200, 800), "#7FB7BE").save(inputs.content.parent / "photo.png")
    edit(inputs.content, "      - cards:\n", "      - image: {src: photo.png, alt: A photo}\n      - cards:\n")
    return inputs


TARGETS: dict[str, tuple[Callable[[Inputs], Path], str]] = {
    "content": (lambda i: i.content, "is the content file (--content)"),
    "brand": (lambda i: i.brand, "is the brand file (--brand)"),
    "logo": (lambda i: i.kit / "logo.svg", "is the brand's logo (logo)"),
    "font": (lambda i: i.kit / "fonts" / "B.ttf", "is a font of the brand (fonts.body.regular)"),
    "fallback font": (lambda i: i.kit / "fonts" / "Vera.ttf", "is a font of the brand (fonts.fallbacks[0].regular)"),
    "profile": (lambda i: i.kit / "printer.icc", "is the brand's colour profile (colors.profile)"),
    "picture": (lambda i: i.content.parent / "photo.png", "is a picture of the content"),
    "symlink-to-content": (lambda i: i.content.parent / "link.pdf", "is the content file (--content)"),
}


@pytest.mark.parametrize("option", ["-o", "--json"])
@pytest.mark.parametrize("target", TARGETS, ids=list(TARGETS))
def test_an_output_never_replaces_an_input(
    full_kit: Inputs, capsys: pytest.CaptureFixture[str], option: str, target: str
) -> None:
    root = full_kit.content.parent
    (root / "link.pdf").symlink_to("content.yaml")
    path, says = TARGETS[target][0](full_kit), TARGETS[target][1]
    before = snapshot(root)
    status, out, err = cli(capsys, "build", *given(full_kit), option, str(path))
    assert status == 2
    assert out == ""
    assert err.startswith(f"brochure: error: {option} {path} ") and says in err
    assert len(err.splitlines()) == 1
    assert snapshot(root) == before


def test_a_pdf_refused_by_a_race_after_the_checks_is_an_error_in_the_report(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another process puts a link to the words where the PDF goes, after the checks and before the write: the
    PDF is refused (the words untouched), the report is written and says why, exit 1 (it was a usage error with
    no report, and its message read "-o None")."""
    root = inputs.content.parent
    pdf, report = root / "out.pdf", root / "report.json"
    real = files.write_atomic

    def raced(path: Path, data: bytes, kind: files.Kind) -> None:
        if path == pdf:
            pdf.symlink_to("content.yaml")
        real(path, data, kind)

    monkeypatch.setattr(files, "write_atomic", raced)
    before = inputs.content.read_bytes()
    status, out, err = cli(capsys, "build", *given(inputs), "-o", str(pdf), "--json", str(report))
    assert status == 1 and "wrote" not in out
    assert err.splitlines()[-1].startswith(f"{pdf}: error: cannot write the PDF: -o {pdf} ") and "None" not in err, err
    findings = json.loads(report.read_text(encoding="utf-8"))["findings"]
    assert findings[-1]["message"].startswith("cannot write the PDF: -o ") and findings[-1]["severity"] == "error"
    assert inputs.content.read_bytes() == before and pdf.is_symlink()


def test_previews_refused_by_a_race_after_the_checks_are_an_error_in_the_report(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same for `preview`: its pictures refused after the checks are an error in the report, exit 1."""
    from brochure.output import preview

    root = inputs.content.parent
    report = root / "report.json"

    def raced(pdf: bytes, folder: Path, stem: str, *rest: object) -> list[Path]:
        raise files.Refused(f"{folder / stem}-page1.png already exists and is not a PNG picture")

    monkeypatch.setattr(preview, "write_previews", raced)
    args = ("preview", *given(inputs), "--dpi", "12", "-o", str(root), "--stem", "leaflet", "--json", str(report))
    status, _, err = cli(capsys, *args)
    said = f"cannot write the previews: -o {root}/leaflet-page1.png already exists and is not a PNG picture"
    assert status == 1 and err.splitlines()[-1].startswith(f"{root}: error: {said}"), err
    assert json.loads(report.read_text(encoding="utf-8"))["findings"][-1]["message"] == said


@pytest.mark.parametrize("breakage", [break_the_content, break_the_build], ids=["content-fails", "build-fails"])
@pytest.mark.parametrize("target", ["content", "logo"])
def test_a_json_report_of_a_failed_build_never_replaces_an_input(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], breakage: Callable[[Inputs], None], target: str
) -> None:
    breakage(inputs)
    path = inputs.content if target == "content" else inputs.kit / "logo.svg"
    before = snapshot(inputs.content.parent)
    status, _, err = cli(capsys, "build", *given(inputs), "--json", str(path))
    assert status == 2 and f"--json {path}" in err
    assert snapshot(inputs.content.parent) == before


def test_a_preview_never_replaces_a_picture_of_the_content(
    full_kit: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    root = full_kit.content.parent
    status, _, err = cli(capsys, "preview", *given(full_kit), "--dpi", "12", "-o", str(root), "--stem", "photo")
    assert status == 0, err  # photo-page1.png ... do not clash with photo.png
    picture = root / "shots" / "x-page1.png"
    picture.parent.mkdir()
    (root / "photo.png").rename(picture)
    edit(full_kit.content, "src: photo.png", "src: shots/x-page1.png")
    before = snapshot(root)
    status, _, err = cli(capsys, "preview", *given(full_kit), "--dpi", "12", "-o", str(picture.parent), "--stem", "x")
    assert status == 2
    assert f"the page picture {picture} is a picture of the content" in err  # (-o names the folder)
    assert snapshot(root) == before


# --- outputs differ from each other ------------------------------------------------------------------


def test_the_report_and_the_pdf_must_be_different_files(
    inputs: Inputs, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = tmp_path / "out" / "x.pdf"
    pdf.parent.mkdir()
    pdf.write_bytes(b"%PDF-1.4 yesterday's leaflet")
    (tmp_path / "alias.json").symlink_to(pdf)
    before = snapshot(tmp_path)
    for json_path in (pdf, tmp_path / "alias.json"):
        status, _, err = cli(capsys, "build", *given(inputs), "-o", str(pdf), "--json", str(json_path))
        assert status == 2
        assert f"-o {pdf} is the same file as --json {json_path}" in err
    status, _, err = cli(capsys, "build", *given(inputs), "--json", str(pdf))  # a PDF is not a report
    assert status == 2 and "already exists and is not a JSON report" in err
    assert snapshot(tmp_path) == before


def test_the_report_and_a_preview_must_be_different_files(
    inputs: Inputs, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "p" / "x-page2.png"
    status, _, err = cli(capsys, "preview", *given(inputs), "--dpi", "12", "-o", str(page.parent), "--stem", "x")
    assert status == 0, err
    before = snapshot(tmp_path)
    argv = ["preview", *given(inputs), "--dpi", "12", "-o", str(page.parent), "--stem", "x", "--json", str(page)]
    status, _, err = cli(capsys, *argv)
    assert status == 2 and f"is the same file as --json {page}" in err
    assert snapshot(tmp_path) == before


# --- outputs are regular files -----------------------------------------------------------------------


def _node(kind: str, path: Path) -> None:
    if kind == "folder":
        path.mkdir()
    elif kind == "socket":
        s = socket.socket(socket.AF_UNIX)
        s.bind(str(path))
        s.close()
    else:  # a device: the same as /dev/null, made here so a regression cannot replace the real one
        try:
            os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))
        except PermissionError:
            pytest.skip("making a device node needs root")


@pytest.mark.parametrize("option", ["-o", "--json"])
@pytest.mark.parametrize(
    ("kind", "says"),
    [("folder", "is a folder"), ("socket", "is a socket, not a file"), ("device", "is a device, not a file")],
)
def test_an_output_onto_what_is_not_a_file_is_refused(
    inputs: Inputs, tmp_path: Path, capsys: pytest.CaptureFixture[str], option: str, kind: str, says: str
) -> None:
    target = tmp_path / "target"
    _node(kind, target)
    mode = target.lstat().st_mode
    status, out, err = cli(capsys, "build", *given(inputs), option, str(target))
    assert status == 2
    assert err.startswith(f"brochure: error: {option} {target} {says} (hint: ")
    assert out == ""
    assert target.lstat().st_mode == mode
    assert not (tmp_path / "out").exists()


def test_dev_null_is_refused_with_a_pointer_to_check(capsys: pytest.CaptureFixture[str]) -> None:
    assert files.target_problem(Path("/dev/null"), files.PDF) == "is a device, not a file"
    assert main(["build", "--marks", "-o", "/dev/null"]) == 2  # a usage error before any work, file untouched
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    capsys.readouterr()


@pytest.mark.parametrize("option", ["-o", "--json"])
def test_an_output_onto_a_fifo_is_refused_without_hanging(inputs: Inputs, tmp_path: Path, option: str) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    proc = subprocess.run(
        [*PYTHON, "build", *given(inputs), option, str(fifo)], env=ENV, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 2
    assert proc.stderr.startswith(f"brochure: error: {option} {fifo} is a named pipe (FIFO), not a file")
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_file_of_another_kind_is_not_replaced_but_an_empty_one_is(
    inputs: Inputs, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = tmp_path / "notes.pdf"
    notes.write_text("my notes, not a PDF\n", encoding="utf-8")
    status, _, err = cli(capsys, "build", *given(inputs), "-o", str(notes))
    assert status == 2 and f"-o {notes} already exists and is not a PDF (hint: " in err
    assert notes.read_text(encoding="utf-8") == "my notes, not a PDF\n"
    notes.write_bytes(b"")
    assert cli(capsys, "build", *given(inputs), "-o", str(notes))[0] == 0
    assert notes.read_bytes().startswith(b"%PDF-")


# --- the JSON report on standard output ----------------------------------------------------------------


def test_json_dash_writes_only_the_report_to_stdout(
    inputs: Inputs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    status, out, err = cli(capsys, "build", *given(inputs), "--json", "-")
    assert status == 0
    report = json.loads(out)
    assert {k: v for k, v in report.items() if k != "panels"} == {
        "layout": "trifold",
        "target": "office",
        "errors": 0,
        "warnings": 0,
        "findings": [],
        "body_pt": 9.5,  # the inside's body type as fitted
    }
    assert len(report["panels"]) == 6  # the white space at each panel's foot
    assert err.startswith(f"wrote out/{STEM}.pdf")  # the human lines move to stderr
    break_the_build(inputs)
    status, out, err = cli(capsys, "check", *given(inputs), "--json", "-")
    assert status == 1
    report = json.loads(out)
    assert report["errors"] >= 1 and report["findings"][0]["key"] == "colors.text"
    assert "error:" in err
    assert not (tmp_path / "-").exists()


def test_output_to_stdout_is_refused(inputs: Inputs, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = cli(capsys, "build", *given(inputs), "-o", "-")
    assert status == 2 and "-o - : the output cannot go to standard output" in err


# --- a failed or interrupted run leaves earlier outputs alone --------------------------------------------


@pytest.mark.parametrize("breakage", [break_the_content, break_the_build], ids=["content-fails", "build-fails"])
@pytest.mark.parametrize("command", ["build -o", "build default", "preview"])
def test_a_failed_build_never_changes_an_earlier_output(
    inputs: Inputs,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    breakage: Callable[[Inputs], None],
    command: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    earlier = {
        "out/mine.pdf": b"%PDF-1.4 sent to the printer",
        f"out/{STEM}.pdf": b"%PDF-1.4 yesterday's",
        f"out/preview/{STEM}-page1.png": PNG_BYTES,
    }
    for name, data in earlier.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(data)
        os.utime(tmp_path / name, ns=(1_600_000_000_000_000_000,) * 2)
    before = snapshot(tmp_path / "out")
    breakage(inputs)
    argv = {"build -o": ["build", "-o", "out/mine.pdf"], "build default": ["build"], "preview": ["preview"]}[command]
    status, out, err = cli(capsys, *argv, *given(inputs))
    assert status == 1
    assert out == "" and "error:" in err
    assert snapshot(tmp_path / "out") == before


def test_a_failed_write_leaves_no_temporary_file_and_the_old_bytes(tmp_path: Path) -> None:
    target = tmp_path / "leaflet.pdf"
    target.write_bytes(b"%PDF-1.4 old")

    def fail(f: object) -> None:
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space left"):
        files.write_with(target, files.PDF, fail)

    def swap_for_a_fifo(f: object) -> None:  # the target changes while the file is written
        target.unlink()
        os.mkfifo(target)

    with pytest.raises(files.Refused, match="named pipe"):
        files.write_with(target, files.PDF, swap_for_a_fifo)
    assert stat.S_ISFIFO(target.lstat().st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["leaflet.pdf"]


@pytest.mark.parametrize("render", ["page_images", "page_pictures", "write_previews"])
def test_a_stop_signal_waits_while_pdfium_opens_renders_or_closes_a_page(
    render: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A stop signal that came while pypdfium2 made, rendered or closed a page cut its work in two: a page its
    document no longer knew asserted as the process ended, and "Exception ignored in: <finalize object ...>" and a
    traceback followed "brochure: terminated" (one run in ten of the signal test below). SIGINT, SIGTERM and SIGHUP
    wait (held, delivered after) while a document is opened or closed and while each page is rendered."""
    import pypdfium2
    from helpers import built

    from brochure import pdfium as ours
    from brochure.output import preview

    pdf = built().pdf
    assert pdf is not None
    stops = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}
    held: list[tuple[str, bool]] = []

    def mask() -> bool:
        return stops <= signal.pthread_sigmask(signal.SIG_BLOCK, [])

    class Document(pypdfium2.PdfDocument):  # type: ignore[misc]
        def __init__(self, data: bytes) -> None:
            held.append(("open", mask()))
            super().__init__(data)

        def close(self, _by_parent: bool = False) -> bool:
            held.append(("close", mask()))
            return bool(super().close(_by_parent))

    rendered = preview.render_page

    def render_page(page: object, dpi: float) -> Image.Image:
        held.append(("render", mask()))
        return rendered(page, dpi)  # type: ignore[arg-type]

    monkeypatch.setattr(ours.pdfium, "PdfDocument", Document)
    monkeypatch.setattr(preview, "render_page", render_page)
    if render == "write_previews":
        preview.write_previews(pdf, tmp_path, "leaflet", 10)
    else:
        for image in getattr(preview, render)(pdf, 10):
            if isinstance(image, Image.Image):
                image.close()
    assert [kind for kind, _ in held] == ["open", "render", "render", "close"], held
    assert all(was for _, was in held), held
    assert not mask()  # (and let go after)


@pytest.mark.parametrize(
    ("sig", "status", "says"), [(signal.SIGINT, 130, "interrupted"), (signal.SIGTERM, 143, "terminated")]
)
def test_a_signal_ends_in_one_line_a_status_and_no_temporary_file(
    inputs: Inputs, tmp_path: Path, sig: signal.Signals, status: int, says: str
) -> None:
    folder = tmp_path / "prev"
    proc = subprocess.Popen(
        [*PYTHON, "preview", *given(inputs), "--dpi", "600", "-o", str(folder)],
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120
        while not list(folder.glob(".*.tmp")):  # a page is being written: the build is surely running
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline, "no temporary file appeared"
            time.sleep(0.005)
        while proc.poll() is None:  # again and again: a second signal must not cut the clean-up short
            proc.send_signal(sig)
            time.sleep(0.01)
        _, err = proc.communicate(timeout=60)
    finally:
        proc.kill()
    assert (proc.returncode, err) == (status, f"brochure: {says}\n")
    assert not [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize(
    ("sig", "status", "says"), [(signal.SIGINT, 130, "interrupted"), (signal.SIGTERM, 143, "terminated")]
)
def test_a_library_failing_as_a_signal_cuts_it_short_still_ends_as_the_signal(
    sig: signal.Signals, status: int, says: str
) -> None:
    # A signal raised inside a library's half-done call can leave its clean-up failing with an error of its own
    # (a preview at 600 dpi once ended so, exit 3, in one test run of many): the user stopped the command, and is told
    # so, not asked to report a bug. Its objects left half closed may fail again as they are collected at exit
    # (PDFium's pages, a finalizer asserting their document is open): Python printed that as "Exception ignored in"
    # and a traceback, under the one line.
    script = f"""
import gc, os, signal, sys, time, weakref
from brochure import cli
class Page:
    def __del__(self): raise AssertionError("its document is closed")
def broken(): raise AssertionError("its document is closed")
def library(*args):
    global page, other
    page, other = Page(), Page()
    other.cycle = other  # (collected by the cycle collector as the process ends)
    weakref.finalize(page, broken)
    try:
        os.kill(os.getpid(), {int(sig)})
        time.sleep(30)
    finally:
        raise RuntimeError("the library's state is broken")
cli._run = library
code = cli.main(["build"])
del other
gc.collect()  # (as the process ends: its half-closed page found unreachable)
sys.exit(code)
"""
    done = subprocess.run([sys.executable, "-P", "-c", script], env=ENV, capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stdout, done.stderr) == (status, "", f"brochure: {says}\n")


@pytest.mark.parametrize(("ignored", "status", "says"), [(False, 129, "brochure: hung up\n"), (True, 0, "")])
def test_a_closed_terminal_stops_a_command_as_sigterm_does_unless_nohup_ignores_it(
    ignored: bool, status: int, says: str
) -> None:
    """SIGHUP (the terminal closed, an SSH session dropped) ended a batch at once, exit 129, its finished editions
    unrecorded: it now stops a command as SIGTERM does (temporary files removed, one line, 128 + 1). Under
    `nohup`, which asks for it to be ignored, it is."""
    script = f"""
import os, signal, sys, time
signal.signal(signal.SIGHUP, signal.SIG_IGN if {ignored} else signal.SIG_DFL)
from brochure import cli
def command(*args):
    os.kill(os.getpid(), signal.SIGHUP)
    time.sleep(0.5)
    return 0
cli._run = command
sys.exit(cli.main(["build"]))
"""
    done = subprocess.run([sys.executable, "-P", "-c", script], env=ENV, capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stdout, done.stderr) == (status, "", says)


@pytest.mark.parametrize(("sig", "says"), [(signal.SIGINT, "Interrupted"), (signal.SIGTERM, "Terminated")])
def test_a_signal_that_comes_inside_a_finaliser_prints_no_traceback_and_still_stops(
    sig: signal.Signals, says: str
) -> None:
    # A signal handled while Python runs code that cannot raise (a finaliser; the import system's module-lock
    # callbacks, as a preview once met): Python prints "Exception ignored in ..." with a traceback unless the
    # command's hook drops it; the stop is raised at the next check instead.
    script = f"""
import os, signal
from brochure import cli
class Finalised:
    def __del__(self):
        os.kill(os.getpid(), {int(sig)})
        for _ in range(1000):
            pass
with cli._signals_raise() as signals:
    try:
        thing = Finalised()
        del thing
        print("not stopped")
        signals.check()
    except BaseException as exc:
        print(type(exc).__name__)
"""
    done = subprocess.run([sys.executable, "-P", "-c", script], env=ENV, capture_output=True, text=True, timeout=60)
    assert (done.stdout, done.stderr) == (f"not stopped\n{says}\n", "")


def test_a_pdf_written_follows_the_umask_and_one_replaced_keeps_its_permissions(inputs: Inputs, tmp_path: Path) -> None:
    """Every output was made world-readable (0644) whatever the umask, and a private PDF replaced became readable to
    all: a new file is made as the umask allows, a replaced one keeps its own permissions."""
    new, private = tmp_path / "new.pdf", tmp_path / "private.pdf"
    private.write_bytes(b"%PDF-1.7\n")
    private.chmod(0o600)
    for out in (new, private):
        done = subprocess.run(
            ["sh", "-c", 'umask 077 && exec "$@"', "sh", *PYTHON, "build", *given(inputs), "-o", str(out)],
            env=ENV,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        assert stat.S_IMODE(out.stat().st_mode) == 0o600, oct(out.stat().st_mode)
    private.chmod(0o640)
    done = subprocess.run([*PYTHON, "build", *given(inputs), "-o", str(private)], env=ENV, capture_output=True)
    assert done.returncode == 0 and stat.S_IMODE(private.stat().st_mode) == 0o640  # (its own, not the umask's)


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["preview", "-o", ""], "-o '' names nothing: give a folder"),
        (["build", "-o", ""], "-o '' names nothing: give a file"),
        (["check", "--json", ""], "--json '' names nothing: give a file"),
    ],
)
def test_an_empty_output_path_is_a_usage_error_and_nothing_is_written(
    inputs: Inputs,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    says: str,
) -> None:
    """An unset variable in a script (`-o "$PREVIEW_DIR"`): preview wrote its pictures into the working folder (and
    would remove older ones of the same name there)."""
    monkeypatch.chdir(tmp_path)
    before = sorted(p.name for p in tmp_path.iterdir())
    status, _, err = cli(capsys, argv[0], *given(inputs), *argv[1:])
    assert status == 2 and err.startswith(f"brochure: error: {says}"), err
    assert sorted(p.name for p in tmp_path.iterdir()) == before


# --- pipes, locales and bugs ---------------------------------------------------------------------------


def test_a_closed_stdout_pipe_after_the_pdf_is_written_keeps_the_status(inputs: Inputs, tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    proc = subprocess.Popen(
        [*PYTHON, "build", *given(inputs), "-o", str(out)], env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # `brochure build | head -0`: the reader is gone before the 'wrote' line
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 0
    assert err == ""
    assert out.read_bytes().startswith(b"%PDF-")


@pytest.mark.parametrize("json_option", [[], ["--json", "-"]], ids=["plain", "json-dash"])
def test_a_closed_stdout_keeps_the_status(inputs: Inputs, tmp_path: Path, json_option: list[str]) -> None:
    out = tmp_path / "x.pdf"
    argv = [*PYTHON, "build", *given(inputs), "-o", str(out), *json_option]
    proc = subprocess.run(
        ["sh", "-c", 'exec "$@" >&-', "sh", *argv], env=ENV, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0
    assert "Traceback" not in proc.stderr
    assert out.read_bytes().startswith(b"%PDF-")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="a device that is always full")
@pytest.mark.parametrize("command", [["check", "--json", "-"], ["fonts"]], ids=["json-report", "lines"])
def test_a_full_standard_output_is_an_error_not_a_bug(inputs: Inputs, command: list[str]) -> None:
    """Standard output on a full disk (`> /dev/full`): an error saying so, exit 1; not an internal error."""
    argv = [*PYTHON, *command, *(given(inputs) if command[0] == "check" else [])]
    with open("/dev/full", "wb") as full:
        proc = subprocess.run(argv, env=ENV, stdout=full, stderr=subprocess.PIPE, text=True, timeout=120)
    assert proc.returncode == 1 and "internal error" not in proc.stderr, proc.stderr
    assert "standard output" in proc.stderr and "No space left on device" in proc.stderr, proc.stderr


ASCII = {**ENV, "PYTHONIOENCODING": "ascii", "LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}


def test_an_ascii_only_locale_prints_non_ascii_messages_and_names(inputs: Inputs, tmp_path: Path) -> None:
    out = tmp_path / "brochüre → leaflet.pdf"
    argv = [*PYTHON, "build", *given(inputs), "-o", str(out)]
    proc = subprocess.run(argv, env=ASCII, capture_output=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith(b"wrote ") and proc.stdout.isascii()
    assert out.read_bytes().startswith(b"%PDF-")
    edit(inputs.content, "place: flap", "place: flâp…")
    report = tmp_path / "report.json"
    proc = subprocess.run([*argv, "--json", str(report)], env=ASCII, capture_output=True, timeout=120)
    assert proc.returncode == 1
    assert b"Traceback" not in proc.stderr
    assert b"error: " in proc.stderr and b"fl\\xe2p\\u2026" in proc.stderr
    assert "flâp…" in json.loads(report.read_text(encoding="utf-8"))["findings"][0]["message"]


def _boom(*args: object) -> api.Result:
    raise ZeroDivisionError("division by zero\n  on a second line")


def test_an_internal_error_is_one_line_and_status_3(
    inputs: Inputs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(api, "build", _boom)
    monkeypatch.delenv("BROCHURE_DEBUG", raising=False)
    out = tmp_path / "x.pdf"
    status, stdout, err = cli(capsys, "build", *given(inputs), "-o", str(out))
    assert status == 3
    assert stdout == ""
    assert err == (
        "brochure: internal error: ZeroDivisionError: division by zero on a second line (this is a bug in "
        "brochure: please report it with the command and the input files; BROCHURE_DEBUG=1 shows the traceback)\n"
    )
    assert not out.exists()
    monkeypatch.setenv("BROCHURE_DEBUG", "1")
    status, _, err = cli(capsys, "build", *given(inputs), "-o", str(out))
    assert status == 3
    assert err.startswith("Traceback (most recent call last):") and "in _boom" in err
    assert err.splitlines()[-1].startswith("brochure: internal error: ZeroDivisionError")


def test_both_entry_points_go_through_the_same_handler(inputs: Inputs, tmp_path: Path) -> None:
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert scripts == {"brochure": "brochure.cli:run"}
    patch = tmp_path / "patch"
    patch.mkdir()
    (patch / "sitecustomize.py").write_text(
        "import brochure.api\nbrochure.api.build = lambda *a: 1 / 0\n", encoding="utf-8"
    )
    env = {**ENV, "PYTHONPATH": f"{patch}{os.pathsep}{TESTED}"}
    commands = [PYTHON]
    script = shutil.which("brochure", path=str(Path(sys.executable).parent))
    if script:
        commands.append([script])
    for command in commands:
        proc = subprocess.run([*command, "check", *given(inputs)], env=env, capture_output=True, text=True, timeout=120)
        assert proc.returncode == 3, command
        assert proc.stderr.startswith("brochure: internal error: ZeroDivisionError: division by zero (this is a bug")
        assert len(proc.stderr.splitlines()) == 1


def test_a_pdf_under_a_file_names_the_file_in_the_way(
    full_kit: Inputs, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """`-o notes/leaflet.pdf` where notes is a file: exit 1, the file named as what is in the way (it said
    "cannot write the PDF: File exists"), and the file untouched."""
    (tmp_path / "notes").write_text("my notes", encoding="utf-8")
    target = tmp_path / "notes" / "sub" / "leaflet.pdf"
    status, out, err = cli(capsys, "build", *given(full_kit), "-o", str(target))
    assert status == 1 and out == ""
    assert f"{target}: error: cannot write the PDF: {tmp_path / 'notes'} is a file, not a folder (hint:" in err, err
    assert f"(hint: rename or move the file {tmp_path / 'notes'}, or give -o a path in another folder;" in err, err
    assert (tmp_path / "notes").read_text(encoding="utf-8") == "my notes"


STOP_WHILE_LOADING = """\
import importlib.abc, os, signal, sys
signal.signal(signal.SIGINT, signal.default_int_handler)  # (as a terminal's process has it, whatever the tests left)
class Stop(importlib.abc.MetaPathFinder):  # the user's Ctrl-C, as the compiled module starts loading
    def find_spec(self, name, path, target=None):
        if name == "pikepdf":
            os.kill(os.getpid(), signal.SIGINT)
sys.meta_path.insert(0, Stop())
from brochure.collector import load_api
try:
    load_api()
except KeyboardInterrupt:
    print("stopped after loading" if "brochure.api" in sys.modules else "stopped while loading")
"""


def test_a_stop_while_the_modules_load_waits_until_they_have() -> None:
    """A Ctrl-C or SIGTERM that came while pikepdf's compiled module was setting itself up (about one run of `init`
    in 60, stopped a quarter of a second in) raised inside its C++ code: "terminate called after throwing an
    instance of 'nanobind::python_error'", a traceback, exit 134. The stop signals are held while the modules load,
    and the stop is handled once they have."""
    done = subprocess.run(
        [sys.executable, "-P", "-c", STOP_WHILE_LOADING],
        env=ENV,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.stdout.strip() == "stopped after loading", done.stdout + done.stderr


def test_an_output_no_option_names_is_said_for_what_it_is(
    inputs: Inputs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The PDF a build names for its edition, with no -o given, was told of as "-o out/....pdf"."""
    monkeypatch.chdir(tmp_path)
    status, out, err = cli(capsys, "build", *given(inputs))
    assert status == 0, err
    pdf = out.split("wrote ", 1)[1].split(" (", 1)[0]
    status, _, err = cli(capsys, "build", *given(inputs), "--json", pdf)
    assert status == 2 and f"the PDF {pdf} is the same file as --json {pdf}" in err and " -o " not in err, err
