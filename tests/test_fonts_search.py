"""`brochure fonts --search WORD`: the installable fontpkg families, static (usable) or not, from brochure's own
list and, for what the list cannot say, a package index (here a fake one on 127.0.0.1: no test needs the network)."""

from __future__ import annotations

import io
import json
import threading
import zipfile
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from helpers import cli

from brochure.theme.catalog import installed
from brochure.theme.fontindex import listing, matches

OFFLINE_INDEX = "http://127.0.0.1:9/simple/"  # the discard port: nothing listens, the connection is refused at once


@pytest.fixture(autouse=True)
def no_real_index(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every search in these tests asks a local address, never PyPI itself."""
    monkeypatch.setenv("BROCHURE_INDEX_URL", OFFLINE_INDEX)


def section(out: str, title: str) -> str:
    """The lines printed under one heading of the search's answer."""
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip().startswith(title))
    rest = lines[start + 1 :]
    end = next((i for i, line in enumerate(rest) if not line.startswith("    ")), len(rest))
    return "\n".join(rest[:end])


@pytest.mark.parametrize("family", ["Lato", "Tajawal", "Amiri"])  # (not installed here)
def test_static_families_can_be_used_with_the_pip_line_to_add_them(
    capsys: pytest.CaptureFixture[str], family: str
) -> None:
    status, out, err = cli(capsys, "fonts", "--search", family, "--offline")
    assert status == 0 and err == ""
    usable = section(out, "can be used")
    package = "fontpkg-" + family.lower().replace(" ", "-")
    assert f"{family}  ({package}" in usable
    assert f".venv/bin/pip install {package}==" in usable
    assert "requirements.txt" in out


@pytest.mark.parametrize("family", ["Montserrat", "Source Sans 3", "Noto Sans", "Noto Sans Arabic"])
def test_variable_only_families_are_refused(capsys: pytest.CaptureFixture[str], family: str) -> None:
    """The families a practice manager tried first (issue 15): each said to be unusable, and why."""
    status, out, _ = cli(capsys, "fonts", "--search", family, "--offline")
    assert status == 0
    refused = section(out, "cannot be used")
    assert f"{family}  (fontpkg-{family.lower().replace(' ', '-')}): variable font only" in refused
    assert f"{family}  (" not in out.split("cannot be used")[0]


def test_a_kind_of_type_finds_families_and_says_how_many_more(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = cli(capsys, "fonts", "--search", "serif", "--offline")
    assert status == 0
    assert "Amiri  (fontpkg-amiri)" in out  # a serif: matched by its kind, not its name
    assert "more: give a longer word" in out


def test_the_list_agrees_with_the_families_installed_here() -> None:
    """Each installed family's verdict in the shipped list is the one `brochure fonts` reads from its files."""
    listed = {f.package: f for f in listing().families}
    for family in installed():
        row = listed[family.package]
        assert row.weights == family.weights and bool(row.problem) == bool(family.problem)
        assert row.on_pypi


def test_installed_families_say_so_and_need_no_pip_line(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = cli(capsys, "fonts", "--search", "Be Vietnam Pro", "--offline")
    usable = section(out, "can be used")
    assert "Be Vietnam Pro  (fontpkg-be-vietnam-pro, installed): weights 100, 200" in usable
    assert "pip install" not in usable


def test_matching_ignores_case_spaces_and_hyphens() -> None:
    names = {f.name for f in matches("ibmplexsans-ARABIC", listing().families)}
    assert names == {"IBM Plex Sans Arabic"}


def test_offline_the_list_answers_and_a_note_says_pypi_was_not_reached(capsys: pytest.CaptureFixture[str]) -> None:
    """PyPI unreachable: the list's answer, a one-line note on standard error, no traceback, exit 0."""
    status, out, err = cli(capsys, "fonts", "--search", "abhaya")
    assert status == 0
    assert "static, but not on PyPI yet (as far as the list knows)" in out and "Abhaya Libre" in out
    assert err.startswith("brochure: note: PyPI could not be reached") and "--offline" in err
    assert len(err.splitlines()) == 1


def test_nothing_found_is_exit_status_1(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = cli(capsys, "fonts", "--search", "qwertyuiop", "--offline")
    assert status == 1
    assert "none: no fontpkg family's name or kind has 'qwertyuiop'" in out
    assert "without its weight" not in out


def test_a_font_named_with_its_weight_is_told_its_familys_name(capsys: pytest.CaptureFixture[str]) -> None:
    """'Lato Bold', as Canva or a font menu names the font, found nothing, and said nothing of why."""
    status, out, _ = cli(capsys, "fonts", "--search", "Lato SemiBold Italic", "--offline")
    assert status == 1
    assert "a family is named without its weight or style: brochure fonts --search 'Lato'" in out, out


def test_a_search_word_of_many_spaces_is_answered_at_once_a_hang_guard() -> None:
    """(A hang guard, not a timing test: 30 s for what takes milliseconds.) A word with a run of 20,000 spaces (a
    paste gone wrong) took the reading of its weight ('Lato Bold') over two minutes, each run of spaces tried from
    each space. Searched in a child process, which ends."""
    import multiprocessing

    from brochure.cli import main

    word = "Lato" + " " * 20_000 + "x"
    child = multiprocessing.get_context("fork").Process(target=main, args=(["fonts", "--search", word, "--offline"],))
    child.start()
    child.join(30.0)
    ended = not child.is_alive()
    child.kill()
    assert ended, "still searching after 30 s"


# A fake package index: PEP 691 JSON pages and wheel files served with HTTP range requests.


def wheel(package: str, family: str, files: list[dict[str, object]]) -> bytes:
    module = package.replace("-", "_")
    meta = {"family": family, "version": "1.5", "category": ["SERIF"], "files": files}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(f"{module}/__init__.py", "")
        z.writestr(f"{module}/files/Padding.ttf", bytes(range(256)) * 800)  # the bytes a range request skips
        z.writestr(f"{module}/metadata.json", json.dumps(meta))
    return buffer.getvalue()


class Index:
    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}
        self.redirects: dict[str, str] = {}  # path -> the address a 302 sends to
        self.requests: list[tuple[str, str]] = []  # (path, Range header)
        self.url = ""

    def add(self, package: str, family: str, files: list[dict[str, object]]) -> None:
        name = f"{package.replace('-', '_')}-1.5-py3-none-any.whl"
        data = wheel(package, family, files)
        self.files[f"/files/{name}"] = data
        page = {"name": package, "files": [{"filename": name, "url": f"{self.url}files/{name}", "size": len(data)}]}
        self.files[f"/simple/{package}/"] = json.dumps(page).encode()


@pytest.fixture
def index(monkeypatch: pytest.MonkeyPatch) -> Iterator[Index]:
    fake = Index()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            fake.requests.append((self.path, self.headers.get("Range", "")))
            if self.path in fake.redirects:
                self.send_response(302)
                self.send_header("Location", fake.redirects[self.path])
                self.end_headers()
                return
            data = fake.files.get(self.path)
            if data is None:
                self.send_error(404)
                return
            status, wanted = 200, self.headers.get("Range", "")
            if wanted.startswith("bytes="):
                first, last = (int(x) for x in wanted[6:].split("-"))
                data, status = data[first : last + 1], 206
            self.send_response(status)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    fake.url = f"http://127.0.0.1:{server.server_address[1]}/"
    monkeypatch.setenv("BROCHURE_INDEX_URL", fake.url + "simple/")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield fake
    server.shutdown()
    server.server_close()


STATIC = [
    {"path": "files/X-Regular.ttf", "style": "normal", "weight": 400, "variable": False},
    {"path": "files/X-Bold.ttf", "style": "normal", "weight": 700, "variable": False},
    {"path": "files/X-Italic.ttf", "style": "italic", "weight": 400, "variable": False},
]
VARIABLE = [{"path": "files/X[wght].ttf", "style": "normal", "weight": None, "variable": True}]


def test_a_family_newer_than_the_list_is_judged_from_its_wheel_on_the_index(
    capsys: pytest.CaptureFixture[str], index: Index
) -> None:
    index.add("fontpkg-clinic-serif", "Clinic Serif", STATIC)
    status, out, err = cli(capsys, "fonts", "--search", "Clinic Serif")
    assert status == 0, err
    assert "Clinic Serif  (fontpkg-clinic-serif): weights 400, 700; italics; serif" in section(out, "can be used")
    assert ".venv/bin/pip install fontpkg-clinic-serif==1.5" in out
    ranges = [r for path, r in index.requests if path.startswith("/files/")]
    assert ranges and all(r.startswith("bytes=") for r in ranges)  # the wheel is never downloaded whole


def test_a_variable_only_wheel_on_the_index_is_refused(capsys: pytest.CaptureFixture[str], index: Index) -> None:
    index.add("fontpkg-wavy-sans", "Wavy Sans", VARIABLE)
    status, out, _ = cli(capsys, "fonts", "--search", "wavy sans")
    assert status == 0
    assert "Wavy Sans  (fontpkg-wavy-sans): variable font only" in section(out, "cannot be used")


def test_a_family_published_since_the_list_was_made_can_be_installed(
    capsys: pytest.CaptureFixture[str], index: Index
) -> None:
    index.add("fontpkg-abhaya-libre", "Abhaya Libre", STATIC)
    status, out, err = cli(capsys, "fonts", "--search", "abhaya")
    assert status == 0 and err == ""
    assert ".venv/bin/pip install fontpkg-abhaya-libre==1.50" in section(out, "can be used")


def test_an_index_that_answers_nonsense_is_a_note_not_a_traceback(
    capsys: pytest.CaptureFixture[str], index: Index
) -> None:
    index.files["/simple/fontpkg-zzbroken/"] = b"<html>not json</html>"
    status, _, err = cli(capsys, "fonts", "--search", "zzbroken")
    assert status == 1
    assert "brochure: note: PyPI's answer about fontpkg-zzbroken is not the JSON simple API" in err
    assert "Traceback" not in err


def _page(index: Index, package: str, files: object) -> None:
    index.files[f"/simple/{package}/"] = json.dumps({"name": package, "files": files}).encode()


def _meta_wheel(index: Index, package: str, meta: object) -> None:
    """A wheel whose metadata.json is `meta` (any JSON; text: as written), on the fake index."""
    module = package.replace("-", "_")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(f"{module}/metadata.json", meta if isinstance(meta, str) else json.dumps(meta))
    name = f"{module}-1.5-py3-none-any.whl"
    index.files[f"/files/{name}"] = buffer.getvalue()
    _page(index, package, [{"filename": name, "url": f"{index.url}files/{name}", "size": len(buffer.getvalue())}])


@pytest.mark.parametrize(
    "what",
    ["weight-word", "top-level-list", "category-number", "weight-huge", "files-number", "files-null", "name-escapes",
     "file-address", "damaged-wheel", "redirect-to-ftp"],
)  # fmt: skip
def test_an_index_that_answers_what_no_fontpkg_family_is_gets_a_note_never_a_bug(
    capsys: pytest.CaptureFixture[str], index: Index, what: str, tmp_path: Path
) -> None:
    """Anyone can publish a fontpkg-* package: what the index or a wheel says is read as data that may be wrong.
    Each is a note (exit 1, nothing found), never an internal error, a file of this machine's read because the
    answer names it, or terminal escapes printed."""
    package = "fontpkg-zzhostile"
    good = {"family": "Zz", "version": "1", "category": ["SERIF"], "files": STATIC}
    if what == "weight-word":
        _meta_wheel(index, package, {**good, "files": [{**STATIC[0], "weight": "bold"}]})
    elif what == "top-level-list":
        _meta_wheel(index, package, [1, 2])
    elif what == "category-number":
        _meta_wheel(index, package, {**good, "category": 5})
    elif what == "weight-huge":  # (1e400 in JSON: Python reads it as infinity)
        _meta_wheel(index, package, json.dumps(good).replace('"weight": 400', '"weight": 1e400', 1))
    elif what == "files-number":
        _page(index, package, 5)
    elif what == "files-null":
        _page(index, package, None)
    elif what == "name-escapes":
        _meta_wheel(index, package, {**good, "family": "\x1b[2J\x1b[31mEVIL\nfake line"})
    elif what == "redirect-to-ftp":  # (urllib follows a redirect to ftp:// and file:// on its own)
        index.redirects[f"/simple/{package}/"] = "ftp://127.0.0.1:1/x.json"
    elif what == "file-address":
        secret = tmp_path / "secret.whl"
        secret.write_bytes(b"PK not a wheel")
        _page(index, package, [{"filename": "x-1-py3-none-any.whl", "url": secret.as_uri(), "size": 14}])
    else:
        _meta_wheel(index, package, good)
        wheel_path = next(k for k in index.files if k.startswith("/files/"))
        data = bytearray(index.files[wheel_path])
        start = data.find(b"metadata.json") + len("metadata.json")  # (the local header's name: its data after)
        data[start + 2 : start + 12] = b"\xff" * 10  # compressed bytes that do not inflate
        index.files[wheel_path] = bytes(data)
    status, out, err = cli(capsys, "fonts", "--search", "zzhostile")
    assert status == 1 and "internal error" not in err and "Traceback" not in err, err
    assert "brochure: note: " in err and "\x1b" not in out + err and "EVIL" not in out, out + err
    if what in ("file-address", "redirect-to-ftp"):
        assert "not a web address" in err, err


@pytest.mark.parametrize("word", ["", " ", ".*", "(", "عربي"])
def test_a_search_word_without_latin_letters_or_digits_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], word: str
) -> None:
    """Such a word names no family: PyPI was asked of a package 'fontpkg-', and said to have none. An Arabic word
    was told to be no word of letters: families are named in Latin letters, a script by its English name."""
    status, _, err = cli(capsys, "fonts", "--search", word, "--offline")
    assert status == 2 and "give a word in Latin letters or digits" in err and "fontpkg-," not in err, err
    assert "'arabic'" in err


def test_a_search_for_a_script_names_the_installed_families_that_have_its_letters(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`--search hebrew` listed IBM Plex Sans Hebrew (not on PyPI) and variable-only families, and never Varela Round,
    installed, which sets Hebrew as a fallback (the README names it): a clinic concluded nothing would do."""
    status, out, _ = cli(capsys, "fonts", "--search", "hebrew", "--offline")
    head, _, rest = out.partition("fontpkg families matching 'hebrew'")
    assert status == 0 and head.startswith("installed families with Hebrew letters"), out
    assert "Varela Round  (fontpkg-varela-round)" in head and "a fallback only" in head
    assert "Be Vietnam Pro" not in head and "Noto Sans Hebrew" in rest
    for word in ("heb", "fr"):  # (a part of a script's name, or a language tag listed with one: no)
        status, out, _ = cli(capsys, "fonts", "--search", word, "--offline")
        assert "installed families with" not in out, word


@pytest.mark.parametrize(("word", "family"), [("fontpkg-lato", "Lato"), ("Alégreya", "Alegreya"), ("ñandú", "")])
def test_a_search_word_is_read_as_package_names_are_written(
    capsys: pytest.CaptureFixture[str], word: str, family: str
) -> None:
    """A package's name (fontpkg-lato) finds its family; accents are dropped as package names drop them (they
    were dropped with their letters: ñandú searched for 'and' and listed Andika and Khand)."""
    status, out, _ = cli(capsys, "fonts", "--search", word, "--offline")
    if family:
        assert status == 0 and f"\n    {family}  (" in out, out
    else:
        assert status == 1 and "Andika" not in out and "Khand" not in out, out


@pytest.mark.parametrize(
    ("word", "script"), [("thai", "Thai"), ("Japanese", "Chinese or Japanese"), ("hindi", "Devanagari")]
)
def test_a_script_the_build_refuses_is_said_so_first(
    capsys: pytest.CaptureFixture[str], word: str, script: str
) -> None:
    """A search for Thai listed IBM Plex Sans Thai as a family to use: a kit with it would not make a Thai leaflet."""
    _, out, _ = cli(capsys, "fonts", "--search", word, "--offline")
    assert out.splitlines()[0].startswith(f"note: brochure cannot set {script} text yet"), out
