"""Outputs and inputs spelt in odd ways, as a careless or hostile user gives them: nothing is lost, nothing is
read from outside the inputs' folders, and every mistake ends in a message and a documented status."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Inputs, edit, position
from helpers import BRAND, CONTENT, ROOT, batch, cli
from PIL import Image

SPANISH = ROOT / "translations" / "es.yaml"


def given(inputs: Inputs) -> list[str]:
    return ["--content", str(inputs.content), "--brand", str(inputs.brand)]


def test_a_source_that_is_a_symlink_loop_is_an_error_at_the_file_not_an_internal_error(
    inputs: Inputs, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    loop = tmp_path / "es.yaml"
    loop.symlink_to(loop.name)
    status, out, err = cli(capsys, "check", *given(inputs), "--source", str(loop))
    assert status == 1, err
    assert out == ""
    assert err.startswith(f"{loop}: error: cannot read the source content file: ") and "internal error" not in err


def _with_picture(text: str, src: str, alt: str) -> str:
    """The words with a picture before the first section's drawing."""
    anchor = "      - layouts: [trifold, flyer, large-print]"
    assert anchor in text
    return text.replace(anchor, f"      - image: {{src: {src}, alt: {alt}}}\n{anchor}", 1)


def test_a_preview_never_replaces_a_picture_of_the_source_content(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`preview --source`: the source's pictures are inputs too (the preview replaced one, and the next build of
    the source printed a page of the translation where its photo was)."""
    source, translation = tmp_path / "en" / "content.yaml", tmp_path / "es" / "es.yaml"
    shots = source.parent / "shots"
    shots.mkdir(parents=True)
    translation.parent.mkdir()
    Image.new("RGB", (1200, 800), "#7FB7BE").save(shots / "x-page1.png")
    Image.new("RGB", (1200, 800), "#BE7F7F").save(translation.parent / "foto.png")
    source.write_text(_with_picture(CONTENT.read_text(encoding="utf-8"), "shots/x-page1.png", "A photo"), "utf-8")
    translation.write_text(_with_picture(SPANISH.read_text(encoding="utf-8"), "foto.png", "Una foto"), "utf-8")
    picture = (shots / "x-page1.png").read_bytes()
    argv = ["--content", str(translation), "--source", str(source), "--brand", str(BRAND), "--layout", "large-print"]
    status, _, err = cli(capsys, "preview", *argv, "--dpi", "12", "-o", str(shots), "--stem", "x")
    assert status == 2, err
    assert f"the page picture {shots / 'x-page1.png'} is a picture of the source content" in err  # (not -o's)
    assert (shots / "x-page1.png").read_bytes() == picture
    assert sorted(p.name for p in shots.iterdir()) == ["x-page1.png"]


OTHER_JSON = {
    "schema": '{\n  "$schema": "https://json-schema.org/draft/2020-12/schema",\n  "type": "object"\n}\n',
    "flow-yaml": "{language: es, title: Micropunción}\n",
    "manifest": '{\n  "tool": "brochure 1.0",\n  "editions": [],\n  "kept_for_failed": []\n}',
    "package": '{"name": "clinic-site", "version": "1.0.0"}\n',
}


@pytest.mark.parametrize("kind", OTHER_JSON)
def test_a_report_never_replaces_a_json_file_that_is_not_a_report(
    inputs: Inputs, tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    """Any file starting with '{' was taken for a JSON report and replaced: the editor's schema a content file
    names, a batch's manifest (the next batch then rebuilt everything), a translation written in YAML's flow style."""
    other = tmp_path / "other.json"
    other.write_text(OTHER_JSON[kind], encoding="utf-8")
    status, _, err = cli(capsys, "check", *given(inputs), "--json", str(other))
    assert status == 2
    assert f"--json {other} already exists and is not a JSON report (hint: " in err
    assert other.read_text(encoding="utf-8") == OTHER_JSON[kind]


def test_a_report_replaces_an_earlier_report(
    inputs: Inputs, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "report.json"
    assert cli(capsys, "check", *given(inputs), "--json", str(report))[0] == 0
    assert cli(capsys, "check", *given(inputs), "--layout", "flyer", "--json", str(report))[0] == 0
    assert '"layout": "flyer"' in report.read_text(encoding="utf-8")


# --- brochure init FOLDER --words ------------------------------------------------------------------------------


def _words_with_pictures(inputs: Inputs, *srcs: str) -> None:
    """The test words with a picture block for each src (the pictures themselves are made by the test)."""
    blocks = "".join(f"      - image: {{src: {src}, alt: A photo}}\n" for src in srcs)
    edit(inputs.content, "      - cards:\n", blocks + "      - cards:\n")


@pytest.mark.parametrize("how", ["linked-file", "linked-folder"])
def test_words_whose_picture_is_named_through_a_link_are_copied_so_the_copy_builds(
    inputs: Inputs, tmp_path: Path, capsys: pytest.CaptureFixture[str], how: str
) -> None:
    """A picture named through a link inside the words' folder was copied under the file's real name, so the copy
    named a picture that was not there, and init ended with status 1 and no message."""
    real = tmp_path / "pictures" / "photo.png"
    real.parent.mkdir()
    Image.new("RGB", (1200, 800), "#7FB7BE").save(real)
    if how == "linked-file":
        (tmp_path / "shots").mkdir()
        (tmp_path / "shots" / "p.png").symlink_to(Path("..") / "pictures" / "photo.png")
        src = "shots/p.png"
    else:
        (tmp_path / "shots").symlink_to("pictures")
        src = "shots/photo.png"
    _words_with_pictures(inputs, src)
    assert cli(capsys, "check", *given(inputs), "--layout", "large-print")[0] == 0
    clinic = tmp_path / "clinic"
    status, _, err = cli(capsys, "init", str(clinic), "--words", "--from", str(inputs.content))
    assert status == 0, err
    assert (clinic / src).read_bytes() == real.read_bytes() and not (clinic / src).is_symlink()
    argv = ["check", "--content", str(clinic / "content.yaml"), "--brand", str(inputs.brand), "--layout", "large-print"]
    assert cli(capsys, *argv)[0] == 0


def test_words_showing_one_picture_twice_are_copied_with_it_once(
    inputs: Inputs, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same picture in two blocks: it was copied twice, the second copy failed ('File exists', status 1),
    and the content file and the first copy were left behind, so a second try said 'already exists'."""
    Image.new("RGB", (1200, 800), "#7FB7BE").save(tmp_path / "photo.png")
    _words_with_pictures(inputs, "photo.png", "./photo.png")
    clinic = tmp_path / "clinic"
    status, _, err = cli(capsys, "init", str(clinic), "--words", "--from", str(inputs.content))
    assert status == 0, err
    assert sorted(p.name for p in clinic.iterdir()) == ["content.yaml", "photo.png"]
    argv = ["check", "--content", str(clinic / "content.yaml"), "--brand", str(inputs.brand), "--layout", "large-print"]
    assert cli(capsys, *argv)[0] == 0


@pytest.mark.parametrize("how", ["absolute", "climbing"])
def test_words_naming_a_picture_from_outside_their_folder_are_not_copied(
    inputs: Inputs, tmp_path: Path, capsys: pytest.CaptureFixture[str], how: str
) -> None:
    """A picture named by an absolute path (or '..' and back) could be copied, but the copied words would still
    show the original: an error at the picture's `src`, and nothing written."""
    Image.new("RGB", (1200, 800), "#7FB7BE").save(tmp_path / "photo.png")
    src = str(tmp_path / "photo.png") if how == "absolute" else f"../{tmp_path.name}/photo.png"
    _words_with_pictures(inputs, src)
    assert cli(capsys, "check", *given(inputs), "--layout", "large-print")[0] == 0
    text = inputs.content.read_text(encoding="utf-8")
    clinic = tmp_path / "clinic"
    status, _, err = cli(capsys, "init", str(clinic), "--words", "--from", str(inputs.content))
    line, col = position(text, src)
    assert status == 1 and f"{inputs.content}:{line}:{col}: error: " in err and "the picture from outside" in err, err
    assert not clinic.exists()


INIT = [
    *("--name", "Riverside Skin Clinic", "--country", "GB", "--font", "Be Vietnam Pro"),
    *("--primary", "#2E5E4E", "--accent", "#C8553D", "--address", "2 River Lane, Bath BA1 1AA"),
    *("--phone", "01225 496 000", "--email", "hello@riverside.example", "--website", "https://riverside.example"),
    "--yes",
]


@pytest.mark.parametrize("words", [False, True], ids=["kit", "words"])
def test_init_takes_a_broken_link_for_a_file_that_is_there_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], words: bool
) -> None:
    """A link to nothing where brand.yaml (or content.yaml) goes: init wrote the logo, then failed ('File exists',
    status 1), and a second try said the logo it had left already existed."""
    kit = tmp_path / "kit"
    kit.mkdir()
    name = "content.yaml" if words else "brand.yaml"
    (kit / name).symlink_to("elsewhere.yaml")
    argv = ["--words", "--from", str(CONTENT)] if words else INIT
    status, out, err = cli(capsys, "init", str(kit), *argv)
    assert status == 2, err
    assert f"{kit / name} already exists" in err and out == ""
    assert [p.name for p in kit.iterdir()] == [name]


def test_init_uses_a_logo_already_in_the_kits_folder_where_it_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--logo kit/logo.png` (the logo put in the new kit's folder first): it was refused as a file init would
    replace, though it is the very file named."""
    kit = tmp_path / "kit"
    kit.mkdir()
    Image.new("RGBA", (600, 240), (46, 94, 78, 255)).save(kit / "logo.png")
    logo = (kit / "logo.png").read_bytes()
    status, out, err = cli(capsys, "init", str(kit), *INIT, "--logo", str(kit / "logo.png"))
    assert status == 0, err
    assert f"wrote {kit / 'brand.yaml'}" in out and f"wrote {kit / 'logo.png'}" not in out
    assert (kit / "logo.png").read_bytes() == logo
    assert "\nlogo: logo.png " in (kit / "brand.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("option", ["-o", "--json"])
def test_an_output_written_as_a_folder_is_refused_not_written_as_a_file_of_that_name(
    inputs: Inputs, tmp_path: Path, capsys: pytest.CaptureFixture[str], option: str
) -> None:
    """`-o pdfs/` wrote the leaflet to a file called `pdfs` (status 0), where the user meant a folder."""
    folder = tmp_path / "pdfs"
    status, out, err = cli(capsys, "build", *given(inputs), option, f"{folder}/")
    assert status == 2 and out == ""
    assert err.startswith(f"brochure: error: {option} {folder}/ names a folder (hint: name a file to write, e.g. ")
    assert not folder.exists()


def test_a_preview_under_a_file_names_the_file_in_the_way(
    inputs: Inputs, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`preview -o out/preview` where out is a file said only 'Not a directory'; build names the file."""
    (tmp_path / "out").write_text("my notes", encoding="utf-8")
    folder = tmp_path / "out" / "preview"
    status, _, err = cli(capsys, "preview", *given(inputs), "--dpi", "12", "-o", str(folder))
    assert status == 1
    assert f"{folder}: error: cannot write the previews: {tmp_path / 'out'} is a file, not a folder (hint: " in err
    assert f"(hint: rename or move the file {tmp_path / 'out'}, or give -o a path in another folder;" in err, err
    assert (tmp_path / "out").read_text(encoding="utf-8") == "my notes"


@pytest.mark.parametrize(
    ("command", "name", "says"),
    [
        ("build", "leaflet.png", "-o {o}: build writes a PDF (hint: name it {dir}/leaflet.pdf; `brochure preview` "),
        ("build", "leaflet.txt", "-o {o}: build writes a PDF, not a .txt file (hint: name it {dir}/leaflet.pdf)"),
        ("build", "leaflet", "-o {o} does not end in .pdf (hint: name it {dir}/leaflet.pdf, so that it opens as a"),
        ("build", "leaflet.v2", "-o {o} does not end in .pdf (hint: name it {dir}/leaflet.v2.pdf, so that it opens"),
        ("watch", "leaflet.png", "-o {o}: watch writes a PDF (hint: name it {dir}/leaflet.pdf;"),
        ("build", "leaflet.pdf.png", "-o {o}: build writes a PDF (hint: name it {dir}/leaflet.pdf;"),
        ("build", ".pdf", "-o {o} names no file, only an ending (hint: name it {dir}/leaflet.pdf)"),
        ("build", "leaflet.pdf ", "-o '{o}' ends in a space (hint: name it '{dir}/leaflet.pdf')"),
        ("build", "report.json", "-o {o}: build writes a PDF here (hint: name it {dir}/report.pdf; --json {o} "),
        ("preview", "pages.pdf", "-o {o} names a file, and preview writes its pictures into a folder (hint: give a"),
    ],
    ids=[
        "png",
        "txt",
        "no-ending",
        "other-ending",
        "watch-png",
        "pdf-png",
        "only-ending",
        "space",
        "json",
        "preview-pdf",
    ],
)
def test_an_output_named_as_another_kind_of_file_is_refused(
    inputs: Inputs, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str, name: str, says: str
) -> None:
    """`build -o leaflet.png` wrote a PDF called leaflet.png (exit 0), which no picture viewer opens; `preview -o
    pages.pdf` made a folder called pages.pdf."""
    out = tmp_path / "out" / name
    status, stdout, err = cli(capsys, command, *given(inputs), "-o", str(out))
    assert status == 2 and stdout == "" and err.startswith("brochure: error: " + says.format(o=out, dir=out.parent))
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("command", ["build", "preview"])
def test_a_report_of_a_run_whose_output_cannot_be_written_says_so(
    inputs: Inputs, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    """The report was written first, "errors": 0, and then the PDF could not be (a full disk): a script reading the
    report took the run for a success (exit 1). The outputs are written first now, and the report has their error."""
    import errno
    import json

    from brochure.output import files, preview  # (preview imported first: imported while files.write_all was the
    # full disk's, it kept that for the rest of the process, and a later test's previews failed "No space left")

    real = files.write_all

    def full(todo: list[tuple[Path, object, object]]) -> None:
        if any(path.suffix in (".pdf", ".png") for path, _, _ in todo):
            raise OSError(errno.ENOSPC, "No space left on device")
        real(todo)  # type: ignore[arg-type]

    monkeypatch.setattr(files, "write_all", full)
    monkeypatch.setattr(preview, "write_all", full)
    out = tmp_path / ("x.pdf" if command == "build" else "previews")
    report = tmp_path / "report.json"
    more = ["--dpi", "12"] if command == "preview" else []
    status, _, err = cli(capsys, command, *given(inputs), *more, "-o", str(out), "--json", str(report))
    data = json.loads(report.read_text(encoding="utf-8"))
    assert status == 1 and data["errors"] == 1 and "No space left on device (hint: free some space" in err
    (found,) = [f for f in data["findings"] if f["severity"] == "error"]
    assert found["message"].startswith("cannot write the ") and found["file"] == str(out)


def test_a_preview_folder_named_with_a_slash_is_a_folder_whatever_its_name(
    inputs: Inputs, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "shots.png"
    assert cli(capsys, "preview", *given(inputs), "--dpi", "12", "-o", f"{folder}/")[0] == 0
    assert folder.is_dir() and sorted(folder.glob("*-page1.png"))


def test_a_link_to_nothing_named_without_the_ending_is_refused(
    inputs: Inputs, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A dangling link is no PDF there already: its name is checked as a new file's (it was replaced by a file)."""
    link = tmp_path / "leaflet"
    link.symlink_to(tmp_path / "nowhere")
    assert cli(capsys, "build", *given(inputs), "-o", str(link))[0] == 2 and link.is_symlink()


def test_an_existing_pdf_without_the_ending_may_be_written_again(
    inputs: Inputs, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file there already is told of as what it is: a PDF written by an earlier version is replaced."""
    out = tmp_path / "leaflet"
    out.write_bytes(b"%PDF-1.7\n")
    assert cli(capsys, "build", *given(inputs), "-o", str(out))[0] == 0 and out.read_bytes() != b"%PDF-1.7\n"


def test_a_preview_the_disk_cannot_hold_leaves_the_earlier_pictures_as_they_were(
    inputs: Inputs, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A disk full by the mock-up left the new pages beside the old mock-up, and the hint said to check the
    folder was writable. The pictures are written as one now: all, or none; the hint says the disk is full."""
    import errno

    from brochure.output import preview

    folder = tmp_path / "previews"
    assert cli(capsys, "preview", *given(inputs), "--dpi", "12", "-o", str(folder))[0] == 0
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    assert sum(n.endswith("-mockup.png") for n in before) == 1 and len(before) == 3, sorted(before)

    def full(*args: object) -> object:
        def fill(f: object) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        return fill

    monkeypatch.setattr(preview, "_mockup_writer", full)
    edit(inputs.content, "title: Micro-needling", "title: New micro-needling")
    status, _, err = cli(capsys, "preview", *given(inputs), "--dpi", "12", "-o", str(folder))
    assert status == 1 and f"{folder}: error: cannot write the previews: No space left on device (hint: free" in err
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before  # (no new page beside an old mock-up, and
    # no temporary file left)


def test_preview_pictures_say_their_resolution(
    inputs: Inputs, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A 150 dpi page opened at 72 dpi in an image editor or print dialog: twice its size. Each says its own."""
    assert cli(capsys, "preview", *given(inputs), "--dpi", "50", "-o", str(tmp_path))[0] == 0
    for name in ("test-clinic-en-gb-trifold-a4-office-page1.png", "test-clinic-en-gb-trifold-a4-office-mockup.png"):
        with Image.open(tmp_path / name) as picture:
            assert tuple(round(v) for v in picture.info["dpi"]) == (50, 50), name


# --- a batch's own files ---------------------------------------------------------------------------------------

AT_THE_TOP = """\
output: "{brand}-{language}-{layout}-{paper}-{target}.pdf"
layouts: [trifold]
targets: [office]
brands:
  - kit: assets/brand.yaml
    languages: [content.yaml]
"""

WEBSITE = {
    "index.html": '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Riverside</title></head></html>\n',
    "manifest.json": '{\n  "name": "Riverside Skin Clinic",\n  "start_url": "/",\n  "display": "standalone"\n}\n',
}


@pytest.mark.parametrize("name", WEBSITE)
def test_a_batch_never_replaces_a_web_page_or_json_file_it_did_not_write(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    """An output pattern writing beside editions.yaml puts the contact sheet and manifest there: a clinic website's
    index.html or web-app manifest.json was replaced by them (any file starting '<!doctype html>' or '{')."""
    root = inputs.content.parent
    (root / name).write_text(WEBSITE[name], encoding="utf-8")
    (root / "editions.yaml").write_text(AT_THE_TOP, encoding="utf-8")
    status, _, err = batch(capsys, root / "editions.yaml")
    assert status == 1
    line, col = position(AT_THE_TOP, '"{brand}')  # (said at `output:`, the pattern that puts the files there)
    assert f"{root / 'editions.yaml'}:{line}:{col}: error: {root / name} already exists and is not " in err
    assert "(hint: change the output pattern, or move what is in the way)" in err
    assert (root / name).read_text(encoding="utf-8") == WEBSITE[name]
    (root / name).unlink()
    assert batch(capsys, root / "editions.yaml")[0] == 0
    assert batch(capsys, root / "editions.yaml")[0] == 0  # its own files, written again


def test_a_long_name_in_a_script_of_wide_letters_is_written(
    inputs: Inputs, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """80 CJK letters (244 bytes with '.pdf') is a valid file name, but its temporary file, named after 200 of its
    characters, was not: 'File name too long', status 1."""
    pdf = tmp_path / ("日" * 80 + ".pdf")
    status, _, err = cli(capsys, "build", *given(inputs), "-o", str(pdf))
    assert status == 0, err
    assert pdf.read_bytes().startswith(b"%PDF-")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
