"""The command line as a user meets it: exit status, what is printed, and which files are (not) written."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, Inputs, edit
from helpers import BRAND, CONTENT, TESTED, cli
from PIL import Image
from pypdf import PdfReader

from brochure.cli import main
from brochure.geometry.sheet import MM
from brochure.inputs.brand import KIT_BYTES

ERROR_LINE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): error: .+ \[at \S+\] \(hint: .+\)$")


def files_under(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize(
    ("brand", "page_mm"),
    [("assets/brand.yaml", (297, 210)), ("assets/brands/maple-main/brand.yaml", (279.4, 215.9))],
    ids=["clearwater-a4", "maple-main-letter"],
)
def test_build_the_shipped_leaflets(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], brand: str, page_mm: tuple[float, float]
) -> None:
    out = tmp_path / "x.pdf"
    status = main(["build", "--content", str(ROOT / "content.yaml"), "--brand", str(ROOT / brand), "-o", str(out)])
    captured = capsys.readouterr()
    assert status == 0, captured.err
    assert captured.out.startswith(f"wrote {out}")
    pages = PdfReader(out).pages
    assert len(pages) == 2  # outside (cover) side, then inside
    for page in pages:
        size = (float(page.mediabox.width) / MM, float(page.mediabox.height) / MM)
        assert size == pytest.approx(page_mm, abs=0.1)
    assert [p.name for p in tmp_path.iterdir()] == ["x.pdf"]  # no temporary file left beside it


def test_build_names_the_edition_by_default(
    inputs: Inputs, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(inputs.content.parent)
    assert main(["build"]) == 0, capsys.readouterr().err
    assert main(["build", "--target", "press", "--marks", "--layout", "flyer", "--paper", "letter"]) == 0
    # the test kit has no `id:`, so its name is made from the clinic's name, 'Test Clinic'
    assert sorted(p.name for p in (inputs.content.parent / "out").iterdir()) == [
        "test-clinic-en-gb-flyer-letter-press-marks.pdf",
        "test-clinic-en-gb-trifold-a4-office.pdf",
    ]


@pytest.mark.parametrize(
    ("brand", "stem"),
    [
        ("assets/brand.yaml", "clearwater-en-gb-trifold-a4-office"),
        ("assets/brands/maple-main/brand.yaml", "maple-main-en-gb-trifold-letter-office"),
    ],
    ids=["clearwater", "maple-main"],
)
def test_default_names_of_the_shipped_brands(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], brand: str, stem: str
) -> None:
    monkeypatch.chdir(tmp_path)
    given = ["--content", str(ROOT / "content.yaml"), "--brand", str(ROOT / brand)]
    assert main(["build", *given]) == 0
    kib, paper = (tmp_path / "out" / f"{stem}.pdf").stat().st_size // 1024, stem.split("-")[-2]
    body = {"a4": "9.25", "letter": "9.75"}[paper]  # (the words fill Maple & Main's Letter panels at 9.75 pt)
    assert (
        capsys.readouterr().out == f"wrote out/{stem}.pdf ({kib} KiB, trifold, {paper}, office, body type {body} pt)\n"
    )
    assert main(["preview", *given, "--dpi", "12"]) == 0
    assert files_under(tmp_path).keys() == {
        f"out/{stem}.pdf",
        f"out/preview/{stem}-page1.png",
        f"out/preview/{stem}-page2.png",
        f"out/preview/{stem}-mockup.png",
    }
    assert capsys.readouterr().out.splitlines()[0] == f"wrote out/preview/{stem}-page1.png"


def _kit_copied_with_its_id(tmp_path: Path) -> Path:
    """A project (here) with the group's kit in assets/, and a new clinic's kit made by copying Harbour Lane's with
    the id changed to the group's, as a designer starting a kit from another's brand.yaml did."""
    shutil.copytree(ROOT / "assets", tmp_path / "assets", ignore=shutil.ignore_patterns("brands"))
    kit = tmp_path / "clinics/riverside"
    shutil.copytree(ROOT / "assets/brands/harbour-lane", kit)
    edit(kit / "brand.yaml", "id: harbour-lane", "id: clearwater")
    return kit / "brand.yaml"


def test_a_kit_with_another_clinics_id_does_not_write_over_that_clinics_pdf(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A kit copied with its `id:` kept wrote its clinic's leaflet over the other clinic's, out/clearwater-...pdf,
    on every build and save, exit 0 (a live-editing tester, 2026-12-07). It is an error at the id, nothing written;
    -o, or the kit given its own id, builds; so does a copy of the same clinic's kit (its name the same)."""
    monkeypatch.chdir(tmp_path)
    brand = _kit_copied_with_its_id(tmp_path)
    given = ["--content", str(ROOT / "content.yaml"), "--brand", str(brand)]
    status, _, err = cli(capsys, "build", *given)
    assert status == 1 and not (tmp_path / "out").exists(), err
    (line,) = [x for x in err.splitlines() if ": error: " in x]
    row = brand.read_text(encoding="utf-8").splitlines().index("id: clearwater") + 1
    assert line.startswith(f"{brand}:{row}:5: error: the kit's id 'clearwater' is the id of Clearwater Skin Clinic's")
    assert "out/clearwater-en-gb-trifold-a4-office.pdf" in line and "(hint: give this kit its own id (id: " in line
    status, _, err = cli(capsys, "preview", *given, "--dpi", "12")  # (its pictures are named for it too)
    assert status == 1 and "out/preview/clearwater-en-gb-trifold-a4-office-page1.png" in err, err
    assert not (tmp_path / "out").exists()
    assert cli(capsys, "build", *given, "-o", str(tmp_path / "riverside.pdf"))[0] == 0
    assert cli(capsys, "preview", *given, "--dpi", "12", "--stem", "riverside")[0] == 0
    edit(brand, "paper: a4", "paper: letter")  # (on Letter: out/clearwater-...-letter-...: no A4 kit's file)
    assert cli(capsys, "build", *given)[0] == 0
    status, _, err = cli(capsys, "build", *given, "--paper", "a4")
    assert status == 1 and "out/clearwater-en-gb-trifold-a4-office.pdf" in err, err
    edit(brand, "name: Harbour Lane Skin Clinic", "name: CLEARWATER  Skin Clinic")  # (the same clinic's copy)
    assert cli(capsys, "build", *given, "--paper", "a4")[0] == 0


def test_the_first_kit_of_an_id_builds_whatever_a_copy_of_it_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A colleague's copy of the group's kit in assets/brands/, its name changed and its id kept, stopped the group's
    own `make leaflet` with an error at assets/brand.yaml's id (a review): the kit that comes first keeps its id
    (assets/brand.yaml, then assets/brands/ by path), and the copy is told."""
    monkeypatch.chdir(tmp_path)
    shutil.copytree(ROOT / "assets", tmp_path / "assets", ignore=shutil.ignore_patterns("brands"))
    (tmp_path / "assets/brands/riverside").mkdir(parents=True)
    copy = tmp_path / "assets/brands/riverside/brand.yaml"
    shutil.copy(tmp_path / "assets/brand.yaml", copy)
    shutil.copy(tmp_path / "assets/logo.svg", copy.parent / "logo.svg")
    edit(copy, "name: Clearwater Skin Clinic", "name: Riverside Skin Clinic")
    content = ["--content", str(ROOT / "content.yaml")]
    assert cli(capsys, "build", *content, "--brand", "assets/brand.yaml")[0] == 0
    status, _, err = cli(capsys, "build", *content, "--brand", str(copy))
    assert status == 1 and "the kit's id 'clearwater' is the id of Clearwater Skin Clinic's kit" in err, err


def test_two_clinics_kits_in_clinics_of_one_id_do_not_write_over_each_other(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two clinics' kits where the README's walkthrough makes them (clinics/...), of one id: each build wrote its
    leaflet over the other's, exit 0 (only assets/ was looked in, a tester, 2026-12-07). The first, by folder,
    builds; the second is an error at its id that names the first."""
    monkeypatch.chdir(tmp_path)
    for folder, name in (("bath", "Bath Skin"), ("other", "Other Bath")):
        shutil.copytree(ROOT / "assets/brands/harbour-lane", tmp_path / "clinics" / folder)
        kit = tmp_path / "clinics" / folder / "brand.yaml"
        edit(kit, "id: harbour-lane", "id: bath-skin")
        edit(kit, "name: Harbour Lane Skin Clinic", f"name: {name}")
    content = ["--content", str(ROOT / "content.yaml")]
    assert cli(capsys, "build", *content, "--brand", "clinics/bath/brand.yaml")[0] == 0
    status, _, err = cli(capsys, "build", *content, "--brand", "clinics/other/brand.yaml")
    assert status == 1 and "the kit's id 'bath-skin' is the id of Bath Skin's kit (clinics/bath/brand.yaml)" in err


def test_a_kit_folder_linked_outside_the_project_or_a_huge_kit_is_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """clinics/ linked outside the project (clinics -> /) was listed and its kits read: one there with the id of a
    kit here stopped its build (a tester, 2026-12-07). Nor is a kit's brand file of over KIT_BYTES read (200 of a
    megabyte took a build 17 s): only what the project holds, and a kit's first lines, decide."""
    project, outside = tmp_path / "project", tmp_path / "outside"
    shutil.copytree(ROOT / "assets/brands/harbour-lane", project / "kits/hl")
    shutil.copytree(ROOT / "assets/brands/harbour-lane", outside / "evil")
    edit(outside / "evil/brand.yaml", "name: Harbour Lane Skin Clinic", "name: Evil Clinic")
    (project / "clinics").symlink_to(outside)
    monkeypatch.chdir(project)
    content = ["--content", str(ROOT / "content.yaml")]
    assert cli(capsys, "build", *content, "--brand", "kits/hl/brand.yaml")[0] == 0
    (project / "clinics").unlink()
    shutil.copytree(outside / "evil", project / "clinics/evil")
    status, _, err = cli(capsys, "build", *content, "--brand", "kits/hl/brand.yaml")  # (here: it is read)
    assert status == 1 and "is the id of Evil Clinic's kit (clinics/evil/brand.yaml)" in err, err
    kit = project / "clinics/evil/brand.yaml"
    kit.write_text(kit.read_text(encoding="utf-8") + "#" * KIT_BYTES, encoding="utf-8")
    assert cli(capsys, "build", *content, "--brand", "kits/hl/brand.yaml")[0] == 0


def test_preview_stem_names_the_files(inputs: Inputs, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "docs"
    given = ["--content", str(inputs.content), "--brand", str(inputs.brand)]
    assert main(["preview", *given, "--dpi", "12", "-o", str(folder), "--stem", "trifold-office"]) == 0
    assert sorted(files_under(folder)) == [
        "trifold-office-mockup.png",
        "trifold-office-page1.png",
        "trifold-office-page2.png",
    ]
    assert main(["preview", *given, "--stem", "../escape"]) == 2
    assert "--stem '../escape' may only have" in capsys.readouterr().err
    assert main(["preview", *given, "--stem", "a" * 101]) == 2  # (its letters are fine: its length is not)
    assert "--stem is 101 characters long: at most 100" in capsys.readouterr().err
    assert main(["preview", *given, "--stem", ".hidden"]) == 2  # (its letters are fine: its first is not)
    assert "--stem '.hidden' starts with '.': start it with a letter or digit" in capsys.readouterr().err


def test_a_preview_with_fewer_pages_removes_the_pages_an_earlier_one_left(
    inputs: Inputs, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A large print of several pages, then a tri-fold of two under the same name: the earlier preview's page 3 on
    (older words, looking like this leaflet's) are removed and said so; a file of another kind with such a name,
    and what follows it, is left as it is."""
    folder = tmp_path / "docs"
    given = ["--content", str(inputs.content), "--brand", str(inputs.brand), "--dpi", "12", "-o", str(folder)]
    assert main(["preview", *given, "--layout", "large-print", "--stem", "x"]) == 0
    earlier = sorted(p.name for p in folder.glob("x-page*.png"))
    assert len(earlier) >= 3, earlier
    capsys.readouterr()
    assert main(["preview", *given, "--stem", "x"]) == 0
    out = capsys.readouterr().out
    assert sorted(p.name for p in folder.glob("x-page*.png")) == ["x-page1.png", "x-page2.png"]
    assert f"removed {folder / 'x-page3.png'} (an earlier preview's: this leaflet has 2 pages)" in out, out
    assert main(["preview", *given, "--layout", "large-print", "--stem", "x"]) == 0
    (folder / "x-page3.png").write_text("my notes", encoding="utf-8")
    (folder / "x-page4.png").write_bytes((folder / "x-page1.png").read_bytes())
    assert main(["preview", *given, "--stem", "x"]) == 0
    assert (folder / "x-page3.png").read_text(encoding="utf-8") == "my notes" and (folder / "x-page4.png").exists()


def _break_both_files(inputs: Inputs) -> None:
    edit(inputs.content, "subtitle:", "subtitel:")
    edit(inputs.content, "place: flap", "place: flpa")
    edit(inputs.brand, 'accent: "#E07A5F"', "accent: red")


def test_bad_inputs_exit_1_with_every_error_on_its_own_line(
    inputs: Inputs, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _break_both_files(inputs)
    out = tmp_path / "out" / "x.pdf"
    status = main(["build", "--content", str(inputs.content), "--brand", str(inputs.brand), "-o", str(out)])
    captured = capsys.readouterr()
    assert status == 1
    assert "Traceback" not in captured.err
    *lines, last = captured.err.splitlines()
    assert last == "brochure: nothing written: fix the errors above"  # (as after a layout's errors)
    matches = [ERROR_LINE.match(line) for line in lines]
    assert all(matches), lines
    assert [(m["file"], int(m["line"]), int(m["col"])) for m in matches if m] == [
        (str(inputs.content), 3, 1),
        (str(inputs.content), 15, 12),
        (str(inputs.brand), 5, 11),
    ]
    assert captured.out == ""
    assert not out.parent.exists()


def test_failed_build_leaves_the_earlier_pdf_untouched(
    inputs: Inputs, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "leaflets" / "leaflet.pdf"
    out.parent.mkdir()
    earlier = b"%PDF-1.4 the leaflet that went to the printer yesterday"
    out.write_bytes(earlier)
    before = out.stat().st_mtime_ns
    _break_both_files(inputs)
    status = main(["build", "--content", str(inputs.content), "--brand", str(inputs.brand), "-o", str(out)])
    assert status == 1
    assert "error:" in capsys.readouterr().err
    assert out.read_bytes() == earlier
    assert out.stat().st_mtime_ns == before
    assert [p.name for p in out.parent.iterdir()] == ["leaflet.pdf"]


@pytest.mark.parametrize(
    "breakage",
    ["directory", "binary", "top-level-list", "empty-brand"],
)
def test_unreadable_inputs_give_errors_not_tracebacks(
    inputs: Inputs, breakage: str, capsys: pytest.CaptureFixture[str]
) -> None:
    content, brand = inputs.content, inputs.brand
    if breakage == "directory":
        content = inputs.kit
    elif breakage == "binary":
        content.write_bytes(b"\xff\xfe\x00garbage\x9c")
    elif breakage == "top-level-list":
        content.write_text("- title: Micro-needling\n", encoding="utf-8")
    else:
        brand.write_text("", encoding="utf-8")
    status = main(["check", "--content", str(content), "--brand", str(brand)])
    err = capsys.readouterr().err
    assert status == 1
    assert err and "Traceback" not in err
    assert all(": error: " in line for line in err.splitlines()), err


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["build", "--frobnicate"], "unrecognized arguments: --frobnicate"),
        (["build", "--layout", "nonsense"], "invalid choice: 'nonsense'"),
        (["build", "--paper", "a5"], "invalid choice: 'a5'"),
        (["preview", "--dpi", "0"], "--dpi"),
        (["preview", "--dpi", "many"], "invalid float value"),
        ([], "required"),
        (["publish"], "invalid choice: 'publish'"),
        (
            ["build", "--marks"],
            "--marks needs --target press (office printers cannot print marks outside the sheet)"
            " (hint: add --target press, or leave out --marks)",
        ),
    ],
    ids=[
        "unknown-option",
        "bad-layout",
        "bad-paper",
        "dpi-zero",
        "dpi-not-a-number",
        "no-command",
        "bad-command",
        "marks-without-press",
    ],
)
def test_usage_errors_exit_2_and_write_nothing(
    inputs: Inputs, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], argv: list[str], says: str
) -> None:
    root = inputs.content.parent
    monkeypatch.chdir(root)
    before = files_under(root)
    assert main(argv) == 2
    assert says in capsys.readouterr().err
    assert files_under(root) == before


def test_help_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    assert "build" in capsys.readouterr().out


def test_check_reports_ok_and_writes_nothing(
    inputs: Inputs, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = inputs.content.parent
    monkeypatch.chdir(root)  # so the default inputs are the tmp copies and out/ would land here
    before = files_under(root)
    assert main(["check"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("ok: content.yaml with assets/brand.yaml: trifold, a4, office")
    assert "error" not in captured.err
    assert files_under(root) == before


def test_preview_writes_pages_and_a_mockup(inputs: Inputs, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "prev"
    status = main(
        ["preview", "--content", str(inputs.content), "--brand", str(inputs.brand), "-o", str(folder), "--dpi", "20"]
    )
    assert status == 0, capsys.readouterr().err
    names = sorted(p.name for p in folder.iterdir())
    stem = "test-clinic-en-gb-trifold-a4-office"
    assert names == [f"{stem}-mockup.png", f"{stem}-page1.png", f"{stem}-page2.png"]
    for name in names[1:]:
        with Image.open(folder / name) as im:
            assert im.format == "PNG"
            # A4 landscape at 20 dpi: 297 x 210 mm -> 233.9 x 165.4 px
            assert im.size[0] == pytest.approx(297 / 25.4 * 20, abs=1)
            assert im.size[1] == pytest.approx(210 / 25.4 * 20, abs=1)


def test_python_dash_m_brochure_check_from_the_project_folder() -> None:
    env = {**os.environ, "PYTHONPATH": TESTED}
    proc = subprocess.run(
        [sys.executable, "-P", "-m", "brochure", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("ok: content.yaml with assets/brand.yaml")
    assert "Traceback" not in proc.stderr


def test_the_version_is_printed(capsys: pytest.CaptureFixture[str]) -> None:
    from brochure import __version__
    from brochure.cli import main

    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"brochure {__version__}"


def test_a_preview_never_removes_a_picture_the_words_show(inputs: Inputs, capsys: pytest.CaptureFixture[str]) -> None:
    """A photo the words show, named as a preview's third page would be (scan-page3.png), in the folder the
    two-page preview goes to: it is an input, never taken for an earlier preview's page and removed."""
    folder = inputs.content.parent
    Image.new("RGB", (1200, 800), "#88aacc").save(folder / "scan-page3.png")
    bullets = '      - bullets:\n          - "Redness for 1 to 3 days"\n'
    edit(inputs.content, bullets, bullets + "      - image: {src: scan-page3.png, alt: A photo}\n")
    given = ["--content", str(inputs.content), "--brand", str(inputs.brand), "--dpi", "12", "-o", str(folder)]
    assert main(["preview", *given, "--stem", "scan"]) == 0, capsys.readouterr().err
    assert (folder / "scan-page3.png").is_file() and "removed" not in capsys.readouterr().out


def test_a_preview_too_large_for_its_budget_is_a_usage_error_naming_the_dpi_that_fits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Large print's ten pages at 600 dpi are 348 megapixels: 8 s of PNG writing, over the five seconds any input
    is held to. A usage error says the dpi that fits, before anything is written; the tri-fold's two sides at 600
    dpi are within it."""
    from brochure import api
    from brochure.cli import _check_preview_pixels

    monkeypatch.chdir(ROOT)
    out = tmp_path / "p"
    status, _, err = cli(capsys, "preview", "--layout", "large-print", "--dpi", "600", "-o", str(out))
    assert status == 2 and not out.exists(), err
    said = re.search(r"--dpi 600: the (\d+) pages come to (\d+) megapixels .* \(hint: --dpi (\d+) or less", err)
    assert said is not None, err
    src, _ = api.load(CONTENT, BRAND)
    assert src is not None
    large = api.build(src, api.Options(layout="large-print")).layout
    trifold = api.build(src, api.Options()).layout
    assert large is not None and trifold is not None and int(said.group(1)) == len(large.pages)
    _check_preview_pixels(float(said.group(3)), large)  # (the dpi it names fits)
    _check_preview_pixels(600.0, trifold)


@pytest.mark.parametrize("command", ["build", "watch"])
def test_a_source_that_is_the_translation_itself_says_which_is_which(
    command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--source X --content X` was a usage error that read as an instruction with no hint ("--source names the file
    --content does: give the source ..."); with no --content, it named "the file --content does", an option not
    given. Each says which file is which, with an example; nothing is written."""
    monkeypatch.chdir(ROOT)
    out = tmp_path / "leaflet.pdf"
    es = "translations/es.yaml"
    status, _, err = cli(capsys, command, "--source", es, "--content", f"./{es}", "-o", str(out))
    assert status == 2 and f"--source {es} names the same file as --content's (hint: --source is the file" in err, err
    assert "e.g. --content translations/es.yaml --source content.yaml)" in err
    status, _, err = cli(capsys, command, "--source", "content.yaml", "-o", str(out))
    assert status == 2, err
    assert (
        "--source content.yaml names the same file as content.yaml, the words built when --content is not given" in err
    )
    assert not out.exists()


def test_watch_checks_the_source_against_the_words_language_picks(monkeypatch: pytest.MonkeyPatch) -> None:
    """`watch --language es --source content.yaml` (the right use) was refused: --source was compared with
    content.yaml, the default --content, not with translations/es.yaml, the words --language picks; and
    `--source translations/es.yaml` with them was taken, the translation checked against itself."""
    from brochure.arguments import make_parser
    from brochure.cli import Console
    from brochure.live.command import _choose

    monkeypatch.chdir(ROOT)
    args = make_parser().parse_args(["watch", "--language", "es", "--source", "content.yaml"])
    _, first, _ = _choose(args, Console())
    assert first.content.resolve() == (ROOT / "translations/es.yaml").resolve()
    args = make_parser().parse_args(["watch", "--language", "es", "--source", "translations/es.yaml"])
    with pytest.raises(Exception) as refused:
        _choose(args, Console())
    assert str(refused.value) == (
        "--source translations/es.yaml names the same file as translations/es.yaml, the words --language es picks"
        " (hint: --source is the file the words built were translated from, e.g. --language es --source"
        " content.yaml)"
    )


@pytest.mark.parametrize("broken", [False, True], ids=["written", "errors"])
def test_a_build_ends_its_process_at_once_with_every_line_said(inputs: Inputs, tmp_path: Path, broken: bool) -> None:
    """`brochure build` skips the interpreter's tear-down (about 25 ms of a 0.45 s process): what it wrote to a pipe
    (buffered, not a terminal) still arrives whole, and its status is the command's. A guard of the mechanism too: an
    exit handler does not run after `build`, and does after a command that keeps the usual ending."""
    if broken:
        edit(inputs.content, "\ntitle: Micro-needling", "\ntitel: Micro-needling")
    out = tmp_path / "leaflet.pdf"
    code = (
        "import atexit, sys; atexit.register(lambda: print('torn down', file=sys.stderr)); "
        "from brochure.cli import run; run()"
    )
    env = dict(os.environ, PYTHONPATH=TESTED)
    argv = ["build", "--content", str(inputs.content), "--brand", str(inputs.brand), "-o", str(out)]
    run = {"env": env, "cwd": tmp_path, "capture_output": True, "text": True, "check": False}  # (elsewhere than a
    # checkout: `-c` imports from the folder it runs in first)
    done = subprocess.run([sys.executable, "-c", code, *argv], **run)  # type: ignore[call-overload]
    if broken:
        assert done.returncode == 1 and "error: unknown key 'titel'" in done.stderr, done.stderr
        assert done.stderr.rstrip().endswith("nothing written: fix the errors above"), done.stderr  # (its last line)
    else:
        assert done.returncode == 0 and done.stdout.startswith(f"wrote {out} (") and out.is_file(), done
    assert "torn down" not in done.stderr
    argv = [sys.executable, "-c", code, "--version"]
    other = subprocess.run(argv, **run)  # type: ignore[call-overload]
    assert other.returncode == 0 and "torn down" in other.stderr, other
