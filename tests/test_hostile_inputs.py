"""Generated careless and hostile inputs -> the command line ends cleanly, within budget, with outputs and inputs safe.

Each case mutates the shipped content.yaml and brand kit (values, unicode, control characters, YAML features,
sizes, links, asset files, output options) and runs `brochure` in a forked child, so that a hang is stopped and
its time and memory are measured. For every case:
- the exit status is 0, 1 or 2 (never an internal error), and nothing printed a traceback;
- exit 1 prints at least one `error:` line, and errors about the content or brand file carry line:col;
- the child stayed within the memory budget, and finished (a hang guard, generous: machines are noisy);
- the inputs are byte-for-byte unchanged, and a failed build left the earlier output untouched;
- a built PDF links only to http(s), mailto and tel addresses that pass the link validator;
- nothing was read from outside the content and kit folders (Python's own files and the tool's aside).

Seeded and bounded: `HOSTILE_EXAMPLES` (default 60) cases per generated test.
"""

from __future__ import annotations

import copy
import io
import json
import os
import re
import resource
import signal
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pikepdf
import pytest
import yaml
from helpers import TESTED
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from PIL import Image

import brochure
from brochure.inputs.links import link_problem

ROOT = Path(__file__).resolve().parents[1]
CONTENT = yaml.safe_load((ROOT / "content.yaml").read_text(encoding="utf-8"))
BRAND = yaml.safe_load((ROOT / "assets" / "brand.yaml").read_text(encoding="utf-8"))
LOGO = (ROOT / "assets" / "logo.svg").read_bytes()
EXAMPLES = int(os.environ.get("HOSTILE_EXAMPLES", "60"))
MEMORY_BUDGET = 500 * 1024 * 1024  # bytes a case may add to the process
HANG_GUARD = 30.0  # seconds: not a timing test, a hang detector (the budget, 5 s, is measured by scripts/hostile.py)
PACKAGE = Path(brochure.__file__).resolve().parent  # where brochure is imported from (a copy, under make mutants)
ALLOWED_READS = (sys.prefix, sys.base_prefix, str(PACKAGE), str(ROOT / "brochure.egg-info"))
EARLIER = b"%PDF-1.4 the earlier output, which a failed build must not touch\n"
ERROR_LINE = re.compile(r"^(?P<file>.+?)(?::(?P<line>\d+):(?P<col>\d+))?: error: ")

settings.register_profile(
    "hostile",
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,  # the same cases on every run: a CI failure can be repeated
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
    database=None,
    phases=(Phase.explicit, Phase.generate),  # no shrinking: a failing case is printed whole, and CI stays bounded
)


# ---------------------------------------------------------------- running a case in a child process


@dataclass
class Outcome:
    status: int | None  # None: it crashed with a traceback, or hung
    stdout: str
    stderr: str
    seconds: float
    memory: int  # bytes over the parent's resident size at fork
    reads: list[str] = field(default_factory=list)
    crash: str = ""


def _resident() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def run_isolated(argv: list[str], cwd: Path) -> Outcome:
    """Run `brochure argv` in a forked child (warm imports, real isolation); stop it if it hangs."""
    from brochure.cli import main

    out_file, err_file, res_file = (cwd / f".case.{n}" for n in ("out", "err", "json"))
    base = _resident()
    start = time.monotonic()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        result: dict[str, Any] = {"status": None, "reads": [], "crash": ""}
        try:
            # a runaway case fails with MemoryError here instead of taking the machine down
            with open("/proc/self/statm") as f:
                virtual = int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
            resource.setrlimit(resource.RLIMIT_AS, (virtual + 3 * MEMORY_BUDGET, virtual + 3 * MEMORY_BUDGET))
            os.chdir(cwd)
            for fd, path in ((1, out_file), (2, err_file)):
                os.dup2(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC), fd)
            sys.stdout = io.TextIOWrapper(io.FileIO(1, "w", closefd=False), encoding="utf-8", write_through=True)
            sys.stderr = io.TextIOWrapper(io.FileIO(2, "w", closefd=False), encoding="utf-8", write_through=True)
            reads: list[str] = result["reads"]

            def audit(event: str, args: tuple[Any, ...]) -> None:
                if event == "open" and isinstance(args[0], (str, bytes)):
                    mode, flags = args[1], args[2]
                    if (mode is not None and "r" in str(mode)) or (isinstance(flags, int) and flags & 3 == 0):
                        reads.append(os.path.abspath(os.fsdecode(args[0])))

            sys.addaudithook(audit)
            result["status"] = main(argv)
        except BaseException:  # a traceback is exactly what the test looks for
            result["crash"] = traceback.format_exc()
        try:
            res_file.write_text(json.dumps(result))
        finally:
            os._exit(0)
    status = None
    while True:
        waited, _, usage = os.wait4(pid, os.WNOHANG)
        if waited:
            break
        if time.monotonic() - start > HANG_GUARD:
            os.kill(pid, signal.SIGKILL)
            _, _, usage = os.wait4(pid, 0)
            return Outcome(None, "", "", HANG_GUARD, 0, crash=f"still running after {HANG_GUARD:.0f} s")
        time.sleep(0.005)
    seconds = time.monotonic() - start
    try:
        result = json.loads(res_file.read_text())
    except (OSError, ValueError):
        result = {"status": None, "reads": [], "crash": "the child died without a result"}
    status = result["status"]
    text = {p: p.read_text(errors="replace") if p.exists() else "" for p in (out_file, err_file)}
    for p in (out_file, err_file, res_file):
        p.unlink(missing_ok=True)
    return Outcome(
        status,
        text[out_file],
        text[err_file],
        seconds,
        max(0, usage.ru_maxrss * 1024 - base),
        result["reads"],
        result["crash"],
    )


# ---------------------------------------------------------------- a case: files in a folder, and the arguments


@dataclass
class Case:
    content: Any = field(default_factory=lambda: copy.deepcopy(CONTENT))
    brand: Any = field(default_factory=lambda: copy.deepcopy(BRAND))
    content_text: Callable[[str], bytes] | None = None  # a mutation of the serialised YAML
    brand_text: Callable[[str], bytes] | None = None
    files: dict[str, bytes] = field(default_factory=dict)  # extra or replaced files, relative to the case folder
    args: list[str] = field(default_factory=list)
    command: str = "build"


def dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


def lay_down(case: Case, folder: Path) -> list[str]:
    """Write the case's files; return the argument list."""
    kit = folder / "kit"
    kit.mkdir(parents=True, exist_ok=True)
    (kit / "logo.svg").write_bytes(LOGO)
    content_yaml, brand_yaml = dump(case.content), dump(case.brand)
    (folder / "content.yaml").write_bytes(
        case.content_text(content_yaml) if case.content_text else content_yaml.encode("utf-8")
    )
    (kit / "brand.yaml").write_bytes(case.brand_text(brand_yaml) if case.brand_text else brand_yaml.encode("utf-8"))
    for rel, data in case.files.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    (folder / "out").mkdir(exist_ok=True)
    (folder / "out" / "leaflet.pdf").write_bytes(EARLIER)
    args = [case.command, "--content", "content.yaml", "--brand", "kit/brand.yaml", *case.args]
    if case.command == "build" and "-o" not in case.args:
        args += ["-o", "out/leaflet.pdf"]
    return args


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in folder.rglob("*")
        if p.is_file() and not p.name.startswith(".case.") and p.parts[len(folder.parts)] != "out"
    }


def check(case: Case, tmp: Path) -> Outcome:
    """Run one case and assert everything the suite promises; return the outcome for further checks."""
    folder = Path(tempfile.mkdtemp(dir=tmp))
    args = lay_down(case, folder)
    before = snapshot(folder)
    outcome = run_isolated(args, folder)
    shown = f"brochure {' '.join(args)}\n--- stderr:\n{outcome.stderr[-3000:]}\n--- crash:\n{outcome.crash}"
    assert not outcome.crash, shown
    assert outcome.status in (0, 1, 2), shown
    assert "Traceback" not in outcome.stderr, shown
    assert outcome.memory < MEMORY_BUDGET, f"{outcome.memory / 2**20:.0f} MB: {shown}"
    assert snapshot(folder) == before, f"an input was changed: {shown}"
    outside = [
        p
        for p in outcome.reads
        if not p.startswith((str(folder), *ALLOWED_READS)) and not p.startswith("/proc/") and p != "/dev/urandom"
    ]
    assert not outside, f"read outside the content and kit folders: {outside[:5]}\n{shown}"
    earlier = (folder / "out" / "leaflet.pdf").read_bytes()
    if outcome.status != 0:
        assert earlier == EARLIER, f"a failed build touched the earlier output: {shown}"
    if outcome.status == 1:
        errors = [m for m in map(ERROR_LINE.match, outcome.stderr.splitlines()) if m]
        assert errors, f"exit 1 without an error line: {shown}"
        for m in errors:
            name = Path(m["file"]).name
            if name in ("content.yaml", "brand.yaml") and (folder / m["file"]).exists():
                assert m["line"], f"an error about {name} without line:col: {shown}"
    if outcome.status == 0 and case.command == "build":
        pdf = folder / "out" / "leaflet.pdf" if "-o" not in case.args else folder / case.args[case.args.index("-o") + 1]
        assert_safe_links(pdf.read_bytes())
    return outcome


def assert_safe_links(pdf: bytes) -> None:
    """Every annotation is a URI link to a safe http(s), mailto or tel address."""
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        for page in doc.pages:
            for annot in page.obj.get("/Annots", []):
                action = annot.get("/A")
                assert action is not None and action.get("/S") == "/URI", f"an annotation that is not a link: {annot}"
                uri = bytes(action.URI).decode("latin-1")
                assert not link_problem(uri), f"unsafe link {uri!r}: {link_problem(uri)}"


# ---------------------------------------------------------------- what to mutate with

CONTROL = ["\x00", "\x07", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\x9b", "\u2028", "\ufeff"]
TRICKY = [
    "",
    " ",
    "\u200b",
    "\u202e",
    "**",
    "*",
    "***bold italic***",
    "**unclosed",
    "[x](javascript:alert(1))",
    "[x](file:///etc/passwd)",
    '[x](https://a.com/"onclick=1)',
    "[x](https://user@evil.com)",
    "[x](mailto:nobody)",
    "[x](tel:1)",
    "[x](https://example.com)",
    "[](https://example.com)",
    "& &amp; < <b> </para> <a href='x'>",
    "ß µ ﬁ İ ŉ",
    "日本語",
    "مرحبا",
    "🙂",
    "Ж" * 30,
    "word " * 900,
    "x" * 5000,
    "a" * 300,
    "https://" + "a" * 300 + ".com",
    "%s %n {0} ${x}",
    "../../etc/passwd",
    "/etc/passwd",
    "/dev/zero",
    "#GGGGGG",
    "#000000",
    "#FFFFFF",
    "tel:+441174960321",
    'https://x.com/"><script>alert(1)</script>',
    "javascript:alert(1)",
    "https://example.com",
    "hello@example.com",
    "a@b",
    "+44 117 496 0321",
    "12",
]
ALPHABET = st.sampled_from(["a", " ", "*", "[", "]", "(", ")", "&", "<", "\n", "\t", "é", "ß", *CONTROL])
SCALARS = st.one_of(
    st.sampled_from(TRICKY),
    st.text(ALPHABET, max_size=30),
    st.sampled_from(CONTROL).map(lambda c: f"before{c}after"),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
)
VALUES = st.one_of(
    SCALARS,
    st.lists(SCALARS, max_size=3),
    st.dictionaries(st.sampled_from(["text", "title", "q", "a", "src", "x"]), SCALARS, max_size=2),
)


def leaves(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value in nested dicts and lists (containers included)."""
    out = [path]
    if isinstance(data, dict):
        for k, v in data.items():
            out += leaves(v, (*path, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            out += leaves(v, (*path, i))
    return out


def put(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    get_parent(data, path)[path[-1]] = value
    return data


def get_parent(data: Any, path: tuple[Any, ...]) -> Any:
    for key in path[:-1]:
        data = data[key]
    return data


@st.composite
def mutated_tree(draw: st.DrawFn, base: Any) -> Any:
    """The shipped data with one to three values replaced, keys dropped or added, or lists repeated."""
    data = copy.deepcopy(base)
    for _ in range(draw(st.integers(1, 3))):
        paths = leaves(data)
        path = draw(st.sampled_from(paths))
        how = draw(st.sampled_from(["replace", "replace", "replace", "drop", "add", "repeat"]))
        parent = get_parent(data, path) if path else None
        if how == "replace" or not path:
            data = put(data, path, draw(VALUES))
        elif how == "drop":
            del parent[path[-1]]
        elif how == "add" and isinstance(parent, dict):
            parent[draw(st.sampled_from(["colour", "extra", "Title", "layout", "place"]))] = draw(SCALARS)
        elif how == "repeat" and isinstance(parent, list):
            parent.extend([parent[path[-1]]] * draw(st.sampled_from([2, 30, 250])))
    return data


YAML_SNIPPETS = [
    "&a ",
    "*a",
    "*nowhere",
    "!!python/object/apply:os.system ['echo hacked'] ",
    "!!binary aGVsbG8= ",
    "!!int ",
    "!custom ",
    "<<: {x: 1}\n",
    "? [a, b]\n: c\n",
    "[" * 300,
    "{" * 60,
    "\t",
    "---\n",
    "...\n",
    "%YAML 1.1\n",
    "x: &s [*s]\n",
    "2026-12-01",
    "1:30",
    "0x1F",
    ".nan",
    "~",
    "\x0b",
    "\x00",
]
LAUGHS = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
)


@st.composite
def text_mutation(draw: st.DrawFn) -> Callable[[str], bytes]:
    """Insert YAML features, raw bytes or another encoding into the serialised file."""
    kind = draw(st.sampled_from(["insert", "insert", "laughs", "encoding", "truncate", "bytes"]))
    where = draw(st.floats(0, 1))
    snippet = draw(st.sampled_from(YAML_SNIPPETS))
    encoding = draw(st.sampled_from(["utf-16", "cp1252", "latin-1", "utf-8-sig"]))
    junk = draw(st.binary(min_size=1, max_size=8))

    def apply(text: str) -> bytes:
        at = int(len(text) * where)
        if kind == "insert":
            return (text[:at] + snippet + text[at:]).encode("utf-8")
        if kind == "laughs":
            return (LAUGHS + text).encode("utf-8")
        if kind == "encoding":
            return text.replace("e", "é", 3).encode(encoding, errors="replace")
        if kind == "truncate":
            return text[:at].encode("utf-8")
        return text.encode("utf-8")[:at] + junk + text.encode("utf-8")[at:]

    return apply


def _png(size: tuple[int, int] = (600, 400), mode: str = "RGB") -> bytes:
    buf = io.BytesIO()
    Image.new(mode, size, 128 if mode in ("L", "I;16") else (200, 120, 90)).save(buf, format="PNG")
    return buf.getvalue()


def _bomb() -> bytes:
    """A small PNG whose header claims 30,000 x 30,000 pixels."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", 30000, 30000, 1, 0, 0, 0, 0)
    idat = chunk(b"IDAT", zlib.compress(b"\0" * 4000))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + idat + chunk(b"IEND", b"")


def _other(fmt: str) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (300, 200), (10, 200, 30)).save(buf, format=fmt)
    return buf.getvalue()


PICTURES = {
    "good": lambda: _png(),
    "truncated": lambda: _png()[:300],
    "junk": lambda: b"\x89PNG\r\n\x1a\n" + b"\x00" * 64,
    "gif": lambda: _other("GIF"),
    "bmp": lambda: _other("BMP"),
    "eps": lambda: b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\nquit\n",
    "sixteen-bit": lambda: _png((400, 300), "I;16"),
    "bomb": _bomb,
    "empty": lambda: b"",
}
SVGS = {
    "attributes": b'<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect width="9" height="9" '
    + b" ".join(b'data-a%d="x"' % i for i in range(60_000))
    + b"/></svg>",  # (svglib read them in time that grows with their square: 20,000 took 6 s)
    "nan": b'<svg xmlns="http://www.w3.org/2000/svg" width="nan" height="40"><rect width="9" height="9"/></svg>',
    "huge": b'<svg xmlns="http://www.w3.org/2000/svg" width="1e300" height="1e300"><rect width="9" height="9"/></svg>',
    "units": b'<svg xmlns="http://www.w3.org/2000/svg" width="4furlongs" height="2"><rect width="9" height="9"/></svg>',
    "circular": b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink" width="40" '
    b'height="40"><g id="a"><use x:href="#b"/></g><g id="b"><use x:href="#a"/></g></svg>',
    "entity": b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
    b'<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><title>&e;</title></svg>',
    "many": b'<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40">'
    + b'<rect width="1" height="1"/>' * 20000
    + b"</svg>",
    "truncated": LOGO[: len(LOGO) // 2],
    "not-svg": b"<html><body>hello</body></html>",
    "binary": bytes(range(256)),
}


@st.composite
def cases(draw: st.DrawFn) -> Case:
    case = Case()
    target = draw(st.sampled_from(["content", "content", "brand", "content-text", "brand-text", "picture", "logo"]))
    if target == "content":
        case.content = draw(mutated_tree(CONTENT))
    elif target == "brand":
        case.brand = draw(mutated_tree(BRAND))
    elif target == "content-text":
        case.content_text = draw(text_mutation())
    elif target == "brand-text":
        case.brand_text = draw(text_mutation())
    elif target == "picture":
        name = draw(st.sampled_from(sorted(PICTURES)))
        src = draw(st.sampled_from(["pictures/p.png", "pictures/p.jpg", "/etc/passwd", "../outside.png", "kit/x.png"]))
        if not src.startswith(("/", "..")):
            case.files[src] = PICTURES[name]()
        section = draw(st.integers(0, len(case.content["sections"]) - 1))
        case.content["sections"][section]["blocks"].append(
            {"image": {"src": src, "alt": "A picture", "caption": "Caption"}}
        )
    else:
        name = draw(st.sampled_from(sorted(SVGS)))
        case.files["kit/logo.svg"] = SVGS[name]
        if draw(st.booleans()):
            case.files["kit/logo.png"] = PICTURES[draw(st.sampled_from(sorted(PICTURES)))]()
            case.brand["logo"] = "logo.png"
    case.args = draw(
        st.sampled_from(
            [
                [],
                [],
                ["--target", "press"],
                ["--layout", "bifold"],
                ["--layout", "flyer", "--paper", "letter"],
                ["--target", "press", "--marks"],
            ]
        )
    )
    return case


# ---------------------------------------------------------------- the tests


@settings(settings.get_profile("hostile"))
@given(case=cases())
def test_generated_inputs_end_cleanly(case: Case, tmp_path_factory: pytest.TempPathFactory) -> None:
    check(case, tmp_path_factory.mktemp("case"))


OUTPUT_ARGS = [
    ["-o", "content.yaml"],
    ["-o", "kit/brand.yaml"],
    ["-o", "kit/logo.svg"],
    ["-o", "kit"],
    ["-o", "out/leaflet.pdf", "--json", "out/leaflet.pdf"],
    ["-o", "out/leaflet.pdf", "--json", "content.yaml"],
    ["-o", "out/leaflet.pdf", "--json", "kit/brand.yaml"],
    ["-o", "out/leaflet.pdf", "--json", "-"],
    ["-o", "out"],
    ["--layout", "zfold"],
    ["--paper", "a3"],
    ["--marks"],
]


@pytest.mark.parametrize("args", OUTPUT_ARGS, ids=[" ".join(a) for a in OUTPUT_ARGS])
def test_outputs_never_overwrite_inputs(args: list[str], tmp_path: Path) -> None:
    check(Case(args=args), tmp_path)


@pytest.mark.parametrize("name", sorted(SVGS))
def test_hostile_logos(name: str, tmp_path: Path) -> None:
    outcome = check(Case(files={"kit/logo.svg": SVGS[name]}), tmp_path)
    assert outcome.status == 1


def test_a_36_megapixel_logo_with_a_white_border_is_trimmed_within_the_memory_budget(tmp_path: Path) -> None:
    """A 6000 x 6000 PNG logo (under the 40-megapixel cap) with a white border round its mark: finding the border to
    trim (tests/test_kit_controls.py) made a copy of the picture in RGBA and more, 533 MB added, over the budget; it
    reads a channel at a time now."""
    from PIL import Image, ImageDraw

    im = Image.new("RGB", (6000, 6000), "white")
    ImageDraw.Draw(im).rectangle((1500, 2000, 4500, 4000), fill=(29, 92, 99))
    data = io.BytesIO()
    im.save(data, "PNG", compress_level=1)
    case = Case(files={"kit/logo.png": data.getvalue()})
    case.brand["logo"] = "logo.png"
    assert check(case, tmp_path).status == 0


@pytest.mark.parametrize("name", sorted(set(PICTURES) - {"good"}))
def test_hostile_pictures(name: str, tmp_path: Path) -> None:
    case = Case(files={"pictures/p.png": PICTURES[name]()})
    case.content["sections"][0]["blocks"].append({"image": {"src": "pictures/p.png", "alt": "A picture"}})
    outcome = check(case, tmp_path)
    assert outcome.status == 1


def test_billion_laughs_is_refused_at_once(tmp_path: Path) -> None:
    laughs = LAUGHS.replace("lol", "x")
    outcome = check(Case(content_text=lambda text: (laughs + text).encode()), tmp_path)
    assert outcome.status == 1
    assert "content.yaml:" in outcome.stderr


def test_a_fifo_as_content_does_not_block(tmp_path: Path) -> None:
    case = Case()
    folder = tmp_path / "f"
    args = lay_down(case, folder)
    (folder / "content.yaml").unlink()
    os.mkfifo(folder / "content.yaml")
    outcome = run_isolated(args, folder)
    assert outcome.status == 1, outcome.stderr + outcome.crash
    assert "content.yaml" in outcome.stderr


def test_the_shipped_leaflet_passes_the_same_checks(tmp_path: Path) -> None:
    """The harness itself: an unmutated case builds, and its links are safe."""
    outcome = check(Case(), tmp_path)
    assert outcome.status == 0, outcome.stderr


def test_reportlab_startup_files_are_never_run(tmp_path: Path) -> None:
    """ReportLab runs `reportlab_mods.py` from sys.path (the current folder under `python -m`) on import."""
    import subprocess

    (tmp_path / "reportlab_mods.py").write_text("open('ran', 'w').write('x')\n")
    (tmp_path / "reportlab_settings.py").write_text("open('ran2', 'w').write('x')\n")
    env = {**os.environ, "PYTHONPATH": TESTED}
    subprocess.run(
        [
            sys.executable,
            "-m",
            "brochure",
            "check",
            "--content",
            str(ROOT / "content.yaml"),
            "--brand",
            str(ROOT / "assets" / "brand.yaml"),
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        check=True,
        timeout=120,
    )
    assert not (tmp_path / "ran").exists() and not (tmp_path / "ran2").exists()
