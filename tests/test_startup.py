"""What a command loads before it answers: `brochure --help` answers without ReportLab or the PDF libraries, and a
build loads no networking code, no barcode widgets and not HarfBuzz's library (until a right-to-left word is shaped);
patterns compiled on first use match as their own, the QR code is encoded as ReportLab's widget encodes it, and
frozen records compare, hash and print as dataclasses do."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import fontpkg_be_vietnam_pro
import fontpkg_ibm_plex_sans_arabic
import pytest
import zxingcpp
from conftest import Inputs

import brochure
from brochure.patterns import Later, Letters

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("reportlab", "pikepdf", "pypdfium2", "PIL", "yaml", "phonenumbers", "lxml", "svglib", "uharfbuzz")
NETWORK = ("http.client", "ssl", "urllib.request", "xml.sax.saxutils")


def _modules_after(argv: list[str], cwd: Path) -> tuple[int, set[str], str]:
    """Run the command line in a fresh interpreter: its exit status, the modules it had loaded, its output."""
    code = (
        "import json, sys\n"
        "from brochure.cli import main\n"
        f"status = main({argv!r})\n"
        "print(json.dumps([status, sorted(sys.modules)]), file=sys.stderr)\n"
    )
    done = _fresh(code, cwd)
    status, modules = json.loads(done.stderr.strip().splitlines()[-1])
    return status, set(modules), done.stdout


def test_help_answers_without_loading_the_pdf_libraries() -> None:
    status, modules, out = _modules_after(["--help"], ROOT)
    assert status == 0 and "build" in out and "preview" in out
    assert sorted({m.split(".")[0] for m in modules} & set(HEAVY)) == []


def test_a_usage_error_answers_without_loading_the_pdf_libraries() -> None:
    status, modules, _ = _modules_after(["build", "--layout", "zfold"], ROOT)
    assert status == 2
    assert sorted({m.split(".")[0] for m in modules} & set(HEAVY)) == []


def test_a_build_loads_no_networking_code(tmp_path: Path) -> None:
    out = tmp_path / "leaflet.pdf"
    status, modules, _ = _modules_after(["build", "-o", str(out)], ROOT)
    assert status == 0 and out.read_bytes().startswith(b"%PDF-")
    assert sorted(modules & set(NETWORK)) == []
    assert "reportlab.graphics.barcode" not in modules  # (the QR encoder alone: no barcode widgets registered)
    assert "uharfbuzz._harfbuzz" not in modules  # (HarfBuzz loads when a right-to-left word is shaped)


def test_reportlabs_address_pattern_matches_as_its_own() -> None:
    """ReportLab hyphenates a word that looks like a web address by this pattern (brochure compiles it on first
    use, in a fresh interpreter as a command runs): it matches exactly as the pattern compiled the usual way."""
    code = (
        "import json, re, brochure\n"
        "from reportlab.platypus import paragraph\n"
        "stand_in = paragraph.uri_pat\n"
        "real = re.compile(*stand_in._args)\n"
        "texts = " + repr(ADDRESSES) + "\n"
        "same = [(a and (a.span(), a.groups())) == (b and (b.span(), b.groups()))\n"
        "        for a, b in ((stand_in.match(t), real.match(t)) for t in texts)]\n"
        "print(json.dumps([type(stand_in).__name__, same, [bool(real.match(t)) for t in texts]]))\n"
    )
    done = _fresh(code)
    kind, same, matched = json.loads(done.stdout)
    assert kind == "_LazyPattern"  # compiled on first use, not on import
    assert same == [True] * len(ADDRESSES)
    assert matched == [True, True, True, True, False, False]


def test_patterns_compiled_on_first_use_match_as_their_own() -> None:
    """CJK characters (ReportLab's wrapping), what YAML and XML cannot hold (PyYAML's pure-Python reader, pikepdf's
    metadata editor), telephone numbers in running text (phonenumbers' matcher), Python source (ReportLab's
    colouring and its evaluator's refused names): compiled on first use, they find what the patterns compiled the
    usual way find."""
    code = (
        "import json, re, brochure\n"
        "from reportlab.lib import textsplit\n"
        "from yaml import reader\n"
        "from pikepdf.models.metadata import _constants\n"
        "from reportlab.lib import PyFontify, rl_safe_eval\n"
        "texts = ['plain text', 'mixed 中文 text', 'tab\\tand\\x07bell', '\\ufffe and \\ud800', 'caf\\u00e9\\x00',\n"
        "         'print(open(x))  # eval']\n"
        "stand_ins = [textsplit.rx, reader.Reader.NON_PRINTABLE, _constants.re_xml_illegal_chars,\n"
        "             PyFontify.matchRE, rl_safe_eval.__rl_unsafe_re__]\n"
        "kinds = [type(s).__name__ for s in stand_ins]\n"
        "found = [[(m.span() if m else None) for m in map(s.search, texts)] for s in stand_ins]\n"
        "real = [[(m.span() if m else None) for m in map(re.compile(*s._args).search, texts)] for s in stand_ins]\n"
        "import phonenumbers\n"
        "from phonenumbers import phonenumbermatcher\n"
        "kinds.append(type(phonenumbermatcher._PATTERN).__name__)\n"
        "text = 'Call 0117 496 0321 (or +44 20 7946 0958) before 2024-01-02 12:30, not 12/10/2024.'\n"
        "numbers = [m.raw_string for m in phonenumbers.PhoneNumberMatcher(text, 'GB')]\n"
        "print(json.dumps([kinds, found == real, [sum(x is not None for x in f) for f in found], numbers]))\n"
    )
    done = _fresh(code)
    kinds, same, hits, numbers = json.loads(done.stdout)
    assert kinds == ["_LazyPattern"] * 6  # compiled on first use, not on import
    assert same and hits == [2, 3, 3, 3, 1]
    assert numbers == ["0117 496 0321", "+44 20 7946 0958"]  # (phonenumbers' matcher, its patterns compiled late)


def _kept_for_later() -> dict[str, Later]:
    """Every pattern a module of brochure's API keeps for later (patterns.Later, Letters), by its module and name."""
    import brochure.api  # noqa: F401  (its modules, loaded)

    return {
        f"{module}.{name}": value
        for module, loaded in list(sys.modules.items())
        if module.startswith("brochure.")
        for name, value in vars(loaded).items()
        if isinstance(value, Later)
    }


def test_character_classes_with_a_floor_match_nothing_below_it() -> None:
    """patterns.Letters answers None below its floor without compiling: no character below it may start a match, and
    the floor itself is in the class (a run of it matches, as the CJK run must, and each method answers it as the
    compiled pattern does)."""
    letters = {name: p for name, p in _kept_for_later().items() if isinstance(p, Letters)}
    assert len(letters) >= 8 and "brochure.preflight.glyphs._CJK_RUN" in letters
    for name, pattern in letters.items():
        compiled = pattern.compiled
        assert [c for c in range(ord(pattern.floor)) if compiled.match(chr(c) * 9)] == [], name
        assert compiled.match(pattern.floor * 9) is not None, name
        assert pattern.search("ab " + pattern.floor * 9) is not None and pattern.findall("ab") == [], name
        run = pattern.floor * 9  # (each of its answers as the compiled pattern's, for a text of the floor itself)
        assert pattern.match(run) is not None and pattern.findall(run) == compiled.findall(run), name
        assert (pattern.fullmatch(run) is None) == (compiled.fullmatch(run) is None), name
        assert [m.span() for m in pattern.finditer(run)] == [m.span() for m in compiled.finditer(run)], name


def test_a_build_of_the_shipped_leaflet_compiles_no_pattern_kept_for_later(tmp_path: Path) -> None:
    """The patterns kept for later (the CJK and unshaped-script classes, 2-3 ms each to compile; dates typed otherwise
    than ISO, Arabic letters in an address, ...) are compiled only for words that may need them: the shipped English
    leaflet compiles one."""
    out = tmp_path / "leaflet.pdf"
    code = (
        "import json, sys\n"
        "from brochure.cli import main\n"
        f"status = main(['build', '-o', {str(out)!r}])\n"
        "from brochure.patterns import Later\n"
        "made = sorted(f'{m}.{n}' for m, loaded in list(sys.modules.items()) if m.startswith('brochure.')\n"
        "              for n, v in vars(loaded).items() if isinstance(v, Later) and 'compiled' in vars(v))\n"
        "kept = sum(isinstance(v, Later) for m in list(sys.modules.values()) for v in vars(m).values())\n"
        "print(json.dumps([status, made, kept]), file=sys.stderr)\n"
    )
    done = _fresh(code)
    status, made, kept = json.loads(done.stderr.strip().splitlines()[-1])
    assert status == 0 and out.read_bytes().startswith(b"%PDF-")
    assert made == ["brochure.preflight.glyphs._UNSHAPED"] and kept >= 20  # (the one whose floor, U+0590, lies
    # below the leaflet's quotation marks and dashes)


@pytest.mark.parametrize(
    "url",
    ["https://clearwaterskin.co.uk/book", "https://example.org/" + "x" * 300, "https://bücher.example/a?b=1"],
)
def test_the_qr_code_reads_back_as_its_address_at_the_size_reportlabs_encoder_gives(url: str) -> None:
    """The booking code's modules (encoded by zxing-cpp) read back as the address, at error correction M, with as
    many modules a side as ReportLab's own QR encoder gives the address (so the layout sizes the code alike)."""
    from PIL import Image
    from reportlab.graphics.barcode.qr import QrCodeWidget

    from brochure.layout import qr

    rows = qr.module_rows(url)
    scale, quiet = 6, qr.QUIET_MODULES
    image = Image.new("L", ((len(rows) + 2 * quiet) * scale,) * 2, 255)
    for r, row in enumerate(rows):
        for c, dark in enumerate(row):
            if dark:
                x, y = (c + quiet) * scale, (r + quiet) * scale
                image.paste(0, (x, y, x + scale, y + scale))
    found = [(b.text, b.ec_level) for b in zxingcpp.read_barcodes(image) if b.format == zxingcpp.BarcodeFormat.QRCode]
    assert found == [(url, "M")]
    widget = QrCodeWidget(url, barLevel="M")
    widget.qr.make()
    assert len(rows) == len(widget.qr.modules) and all(len(row) == len(rows) for row in rows)


ADDRESSES = (
    "https://www.clearwater-clinic.example/book?x=1",
    "ftp://user:pw@10.0.0.1:2121/files/",
    "http://[::1]/",
    "https://bücher.example/straße",
    "not an address",
    "mailto:someone@example.com",
)


def test_a_build_leaves_the_cycle_collector_on(tmp_path: Path) -> None:
    """The command line pauses Python's cycle collector while it loads its modules (they are not garbage); a
    program that runs `brochure.cli.main` finds the collector as it was, and its later garbage collected."""
    code = (
        "import gc\n"
        "from brochure.cli import main\n"
        f"status = main(['build', '-o', {str(tmp_path / 'a.pdf')!r}])\n"
        "on = gc.isenabled()\n"
        "gc.disable()\n"
        f"again = main(['build', '-o', {str(tmp_path / 'b.pdf')!r}])\n"
        "print(status, again, on, gc.isenabled())\n"
    )
    done = _fresh(code)
    assert done.stdout.split()[-4:] == ["0", "0", "True", "False"]  # on after the first; left off when it was off
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()


def test_a_command_freezes_its_inputs_once_per_process(tmp_path: Path) -> None:
    """The first command of a process freezes what it loaded before it builds (collector.freeze_inputs): the build's
    collections skip them. A second command in the same program leaves the collector's frozen generation as it was,
    and the PDFs are the same."""
    code = (
        "import gc\n"
        "from brochure.cli import main\n"
        "from brochure.collector import load_api\n"
        "load_api()\n"
        "loaded = gc.get_freeze_count()\n"
        f"status = main(['build', '-o', {str(tmp_path / 'a.pdf')!r}])\n"
        "first = gc.get_freeze_count()\n"
        f"again = main(['build', '-o', {str(tmp_path / 'b.pdf')!r}])\n"
        "print(status, again, first > loaded, gc.get_freeze_count() == first)\n"
    )
    done = _fresh(code)
    assert done.stdout.split()[-4:] == ["0", "0", "True", "True"]
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()


def test_every_right_to_left_character_is_looked_at() -> None:
    """theme/shaping.rtl looks only at the blocks MAYBE_RTL names: every character of bidirectional class R or AL
    in this Python's Unicode is among them, so a Latin text is passed over at C speed and no Arabic or Hebrew
    letter (nor U+200F) is missed."""
    import unicodedata

    from brochure.theme.shaping import MAYBE_RTL, RTL_CLASSES, rtl

    missed = [
        f"U+{c:04X}"
        for c in range(0x110000)
        if unicodedata.bidirectional(chr(c)) in RTL_CLASSES and not MAYBE_RTL.match(chr(c))
    ]
    assert missed == []
    assert rtl("Ask us — «café» 24–48 h") is False
    assert rtl("see \u200f") and rtl("قروح البرد") and rtl("שלום") and not rtl("\u0660\u0661")  # (digits: AN)


def test_frozen_records_compare_hash_and_print_as_dataclasses_do() -> None:
    """`brochure.frozen` makes records faster to import; what they compare, hash and print stays the dataclass's."""
    import dataclasses
    import math

    from brochure.frozen import frozen, mutable

    def body() -> type:
        class Point:
            x: float
            tags: tuple[str, ...] = ()
            data: bytes = dataclasses.field(default=b"", repr=False)
            note: str = dataclasses.field(default="", compare=False, hash=False)
            items: list[object] = dataclasses.field(default_factory=list, hash=False)

        return Point

    ours, theirs = frozen(body()), dataclasses.dataclass(frozen=True)(body())
    nan = math.nan
    for args in [(1.5,), (nan,), (2.0, ("a", "b"), b"xy", "n", [1])]:
        a, b = ours(*args), theirs(*args)
        assert repr(a) == repr(b) and hash(a) == hash(b)
        assert (a == ours(*args)) == (b == theirs(*args)) and (a == ours(9.0)) == (b == theirs(9.0))
    assert ours(1.0, note="a") == ours(1.0, note="b") and ours(1.0) != theirs(1.0)
    looped = ours(1.0)
    looped.items.append(looped)
    assert repr(looped).endswith(".Point(x=1.0, tags=(), note='', items=[...])")
    with pytest.raises(dataclasses.FrozenInstanceError):
        looped.x = 2.0  # type: ignore[misc]

    with pytest.raises(dataclasses.FrozenInstanceError):
        del looped.x
    assert ours(1.0).items is not ours(1.0).items and ours(x=2.0, items=[3]).items == [3]
    with pytest.raises(TypeError):
        ours()
    with pytest.raises(TypeError):
        ours(1.0, (), b"", "", [], "one too many")

    @frozen(kw_only=True)
    class Labelled(ours):  # type: ignore[valid-type,misc]
        label: str

        def __post_init__(self) -> None:
            if not self.label:
                raise ValueError("a label is needed")

    with pytest.raises(TypeError):
        Labelled(1.0, "L")
    changing, plain = mutable(body()), dataclasses.dataclass(body())
    a, b = changing(1.5, ("t",)), plain(1.5, ("t",))
    assert repr(a) == repr(b) and a == changing(1.5, ("t",)) and a != b
    a.x = 2.0
    assert a.x == 2.0 and a != changing(1.5, ("t",)) and changing.__hash__ is None is plain.__hash__
    with pytest.raises(ValueError, match="a label is needed"):
        Labelled(1.0, label="")

    assert repr(Labelled(1.0, label="L")).endswith(".Labelled(x=1.0, tags=(), note='', items=[], label='L')")


def test_frozen_records_of_one_shape_share_one_compiled_init(monkeypatch: pytest.MonkeyPatch) -> None:
    """`__init__` is compiled once per shape of fields (brochure.frozen._SHAPES), then given each class's own names:
    its parameters, keyword-only defaults and factories are still the dataclass's."""
    import dataclasses

    from brochure import frozen as records

    def body(first: str) -> type:
        namespace = {
            "__annotations__": {first: "float", "tags": "tuple[str, ...]", "items": "list[object]", "n": "int"},
            "tags": (),
            "items": dataclasses.field(default_factory=list),
            "n": dataclasses.field(default=3, kw_only=True),
        }
        return type(f"Made{first}", (), namespace)

    compiled: list[str] = []
    monkeypatch.setattr(records, "compile", lambda *args: compiled.append(args[0]) or compile(*args), raising=False)
    made = [records.frozen(body(first)) for first in ("x", "y", "width")]
    assert len(compiled) <= 1, compiled  # (one shape for the three: compiled once, or not at all when known)
    for cls, first in zip(made, ("x", "y", "width"), strict=True):
        theirs = dataclasses.dataclass(frozen=True)(body(first))
        assert _parameters(cls) == _parameters(theirs)  # (annotations left off)
        one = cls(1.0, ("a",))
        assert repr(one).endswith("(x=1.0, tags=('a',), items=[], n=3)".replace("x=", f"{first}=", 1))
        assert cls(**{first: 2.0}, n=4).n == 4 and cls(2.0).items is not cls(2.0).items
        with pytest.raises(TypeError, match=first):
            cls()


def _parameters(cls: type) -> list[tuple[str, object, str]]:
    import inspect

    return [(p.name, p.kind, repr(p.default)) for p in inspect.signature(cls).parameters.values()]


def test_reportlabs_environment_settings_do_not_change_a_leaflet(tmp_path: Path) -> None:
    """`RL_<setting>` variables in the environment (ReportLab reads them on import) neither change the PDF nor
    stop the build: `RL_uriWasteReduce=0.3` made ReportLab fail with an internal error, others move lines or
    change how words break. The variables are still there for the build's own child processes."""
    import os

    clean = {k: v for k, v in os.environ.items() if not k.startswith("RL_")} | {"SOURCE_DATE_EPOCH": "1764547200"}
    odd = {
        "RL_uriWasteReduce": "0.3",
        "RL_embeddedHyphenation": "1",
        "RL_hyphenationLang": "en_GB",
        "RL_paraFontSizeHeightOffset": "0",
        "RL_shapeChecking": "0",
        "RL_decimalSymbol": ",",
    }
    pdfs = []
    for n, env in enumerate((clean, clean | odd)):
        out = tmp_path / f"{n}.pdf"
        inputs = ["--content", str(ROOT / "content.yaml"), "--brand", str(ROOT / "assets" / "brand.yaml")]
        done = subprocess.run(  # (run elsewhere: the brochure on the path is the one tested)
            [sys.executable, "-P", "-m", "brochure", "build", *inputs, "-o", str(out)],
            cwd=tmp_path,
            env=env,
            capture_output=True,
        )
        assert done.returncode == 0, done.stderr.decode()
        pdfs.append(out.read_bytes())
    assert pdfs[0] == pdfs[1]
    code = "import os, brochure.api, reportlab.rl_config as c; print(c.uriWasteReduce, os.environ['RL_uriWasteReduce'])"
    done = subprocess.run(
        [sys.executable, "-P", "-c", code],
        cwd=tmp_path,
        env=clean | odd | {"PYTHONPATH": TESTED},
        capture_output=True,
        text=True,
    )
    assert done.stdout.split() == ["0", "0.3"]


TESTED = str(Path(brochure.__file__).resolve().parent.parent)  # the brochure these tests import (a mutant's copy)


def _fresh(code: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """`code` run by a fresh interpreter in `cwd` that imports the brochure under test (it must succeed)."""
    return subprocess.run(
        [sys.executable, "-P", "-c", code], capture_output=True, text=True, cwd=cwd, env=_tested(), check=True
    )


def _tested() -> dict[str, str]:
    """The environment of a fresh interpreter (run with -P) that imports the brochure under test, not the one in
    the folder it runs in."""
    return {**os.environ, "PYTHONPATH": TESTED}


_FALLBACK_CODE = """
import hashlib, json, sys, threading
from pathlib import Path
from reportlab.pdfbase import pdfmetrics
from brochure import api
def plex():
    return sorted(n for n in pdfmetrics.getRegisteredFontNames() if n.startswith("IBMPlexSansArabic"))
out = {}
if sys.argv[1] == "english-first":
    src, _ = api.load(Path("content.yaml"), Path("assets/brand.yaml"))
    out["english"] = api.build(src, api.Options()).ok
    out["registered_after_english"] = plex()
arabic, _ = api.load(Path("translations/ar.yaml"), Path("assets/brand.yaml"))
made = []
count = 4 if sys.argv[1] == "english-first" else 1  # (the other process: one build, the PDF to compare with)
ready = threading.Barrier(count)
if count > 1:
    sys.setswitchinterval(1e-5)  # (the threads take turns often: one reads the faces while the others ask for them)
def build():
    ready.wait()
    made.append(api.build(arabic, api.Options()))
threads = [threading.Thread(target=build) for _ in range(count)]
for t in threads:
    t.start()
for t in threads:
    t.join()
out["ok"] = [r.ok for r in made]
out["pdfs"] = sorted({hashlib.sha256(r.pdf or b"").hexdigest() for r in made})
out["registered_after_arabic"] = plex()
print(json.dumps(out))
"""


def test_a_fallback_family_is_read_when_a_word_first_needs_it() -> None:
    """The kit's Arabic fallback family is not read for an English leaflet (about 20 ms of a `brochure build`);
    the first Arabic words read it, in four threads at once, and print the same PDF as in a process that read it
    first thing."""
    env = {"SOURCE_DATE_EPOCH": "1764547200"}
    runs = {}
    for order in ("english-first", "arabic-only"):
        done = subprocess.run(
            [sys.executable, "-P", "-c", _FALLBACK_CODE, order],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=True,
            env={**_tested(), **env},
        )
        runs[order] = json.loads(done.stdout.strip().splitlines()[-1])
    first = runs["english-first"]
    assert first["english"] and first["registered_after_english"] == []
    assert first["ok"] == [True] * 4 and len(first["pdfs"]) == 1
    assert len(first["registered_after_arabic"]) >= 2  # (regular and bold at least)
    assert first["pdfs"] == runs["arabic-only"]["pdfs"]


def test_guard_a_fallback_face_that_cannot_be_read_after_all_is_reported_not_raised() -> None:
    """Guard (a font package damaged after it was checked at load; only a stand-in for ReportLab's reader trips
    it): the Arabic words are an error naming the fallback family, not a traceback."""
    code = (
        "import json\n"
        "from pathlib import Path\n"
        "from brochure import api\n"
        "from brochure.theme import fonts\n"
        "real = fonts.TTFont\n"
        "def reader(name, data):\n"
        "    if name.startswith('IBMPlexSansArabic'):\n"
        "        raise fonts.TTFError('damaged')\n"
        "    return real(name, data)\n"
        "fonts.TTFont = reader\n"
        "src, diags = api.load(Path('translations/ar.yaml'), Path('assets/brand.yaml'))\n"
        "result = api.build(src, api.Options())\n"
        "print(json.dumps([result.ok, [d.message for d in result.diagnostics if d.is_error][:1]]))\n"
    )
    done = _fresh(code)
    ok, errors = json.loads(done.stdout.strip().splitlines()[-1])
    assert not ok and "no Arabic letters" in errors[0] and "IBM Plex Sans Arabic" in errors[0], errors
    assert "IBMPlexSansArabic-SemiBold.ttf (the file is damaged (damaged)) could not be read" in errors[0], errors


_SHARED_FILE_CODE = """
import json, sys
from pathlib import Path
from brochure import api
arabic, _ = api.load(Path(sys.argv[2]), Path("assets/brand.yaml"))
def greek():
    src, diags = api.load(Path(sys.argv[3]), Path(sys.argv[4]))
    assert src is not None, [d.format() for d in diags]
    return src
if sys.argv[1] == "arabic-built-first":
    api.build(arabic, api.Options())
    own = greek()
else:
    own = greek()
    api.build(arabic, api.Options())
print(json.dumps([d.message for d in api.build(own, api.Options()).diagnostics if d.is_error][:1]))
"""


def test_a_kits_messages_do_not_depend_on_which_leaflet_another_kit_built_first(tmp_path: Path) -> None:
    """Two kits loaded in one process (a batch, `brochure watch`): the shipped kit, whose Arabic fallback family
    is read when its words first need it, and a kit whose own heading and body files are copies of that family's
    files. The second kit's messages name its heading font the same whether or not the first kit's Arabic
    leaflet was built before it was loaded."""
    files = Path(fontpkg_ibm_plex_sans_arabic.__file__ or "").parent / "files"  # (the family's files)
    kit = tmp_path / "own"
    kit.mkdir()
    for src, dst in (("SemiBold", "arabic-semibold"), ("Regular", "arabic"), ("Bold", "arabic-bold")):
        (kit / f"{dst}.ttf").write_bytes((files / f"IBMPlexSansArabic-{src}.ttf").read_bytes())
    (kit / "logo.svg").write_bytes((ROOT / "assets" / "logo.svg").read_bytes())
    brand = (ROOT / "assets" / "brand.yaml").read_text(encoding="utf-8")
    for old, new in (
        ("heading: {family: Be Vietnam Pro, weight: 600}", "heading: {regular: arabic-semibold.ttf}"),
        ("body: {family: Be Vietnam Pro}", "body: {regular: arabic.ttf, bold: arabic-bold.ttf}"),
        ("  fallbacks: [IBM Plex Sans Arabic]", "  fallbacks: [Varela Round]"),
    ):
        assert brand.count(old) == 1, old
        brand = brand.replace(old, new)
    (kit / "brand.yaml").write_text(brand, encoding="utf-8")
    content = (ROOT / "content.yaml").read_text(encoding="utf-8")
    old = "Micro-needling is a skin treatment."
    assert content.count(old) == 1
    greek = tmp_path / "content.yaml"
    greek.write_text(content.replace(old, old + " In Greek: μικροβελονισμός."), encoding="utf-8")
    arabic = ROOT / "translations" / "ar.yaml"
    said = _in_orders(_SHARED_FILE_CODE, ("arabic-built-first", "loaded-first"), arabic, greek, kit / "brand.yaml")
    assert said["loaded-first"] and "no glyph for 'μ'" in said["loaded-first"][0], said
    assert said["arabic-built-first"] == said["loaded-first"], said


def test_a_batch_with_nothing_to_build_does_not_load_the_pdf_libraries(inputs: Inputs) -> None:
    """A batch whose editions are all as the last run left them settles them without loading the layout, the PDF
    writers or checkers (about a third of its time); one with something to build loads them, once, before its
    workers start."""
    (inputs.content.parent / "editions.yaml").write_text(
        'output: "out/{brand}/{language}/{layout}-{paper}-{target}.pdf"\nlayouts: [flyer]\ntargets: [office]\n'
        "brands:\n  - kit: assets/brand.yaml\n    languages: [content.yaml]\n",
        encoding="utf-8",
    )
    status, modules, out = _modules_after(["batch", "editions.yaml", "--jobs", "1"], inputs.content.parent)
    assert status == 0 and "1 built" in out and "brochure.api" in modules
    status, modules, out = _modules_after(["batch", "editions.yaml", "--jobs", "1"], inputs.content.parent)
    assert status == 0 and "0 built, 1 unchanged" in out
    assert sorted(m for m in modules if m in ("brochure.api", "pikepdf", "pypdfium2") or "layout" in m) == []


_OWN_NAMES_CODE = """
import json, sys
from pathlib import Path
from brochure import api
from brochure.theme.fonts import display_name
def built(words, kit):
    src, diags = api.load(Path(words), Path(kit))
    assert src is not None, [d.format() for d in diags]
    return api.build(src, api.Options())
def said(kit):
    printed = built("content.yaml", kit).layout
    fonts = sorted({display_name(r.font) for p in printed.pages for t in p.items for r in getattr(t, "runs", ())})
    return [d.message for d in built(sys.argv[2], kit).diagnostics if d.is_error], fonts
kits = sys.argv[3:] if sys.argv[1] == "in-order" else sys.argv[:2:-1]
print(json.dumps({kit: said(kit) for kit in kits}))
"""


def test_a_font_file_another_kit_copied_under_its_own_name_is_named_by_each_kit_as_it_names_it(tmp_path: Path) -> None:
    """Two kits in one process (a batch, `brochure serve`), the second's font files copies of the first's family's
    under names of its own (Good.ttf, B.ttf, I.ttf): each kit's messages and printed lines name its own files, in
    either order. The names were those of whichever kit loaded the bytes first: the shipped kit's message about a
    letter no font has named the other kit's Good, B and I."""
    files = Path(fontpkg_be_vietnam_pro.__file__ or "").parent / "files"
    kit = tmp_path / "own"
    kit.mkdir()
    for src, dst in (("Regular", "Good"), ("Bold", "B"), ("Italic", "I")):
        (kit / f"{dst}.ttf").write_bytes((files / f"BeVietnamPro-{src}.ttf").read_bytes())
    (kit / "logo.svg").write_bytes((ROOT / "assets" / "logo.svg").read_bytes())
    brand = (ROOT / "assets" / "brand.yaml").read_text(encoding="utf-8")
    old = "body: {family: Be Vietnam Pro}"
    assert brand.count(old) == 1
    (kit / "brand.yaml").write_text(
        brand.replace(old, "body: {regular: Good.ttf, bold: B.ttf, italic: I.ttf}"), "utf-8"
    )
    content = (ROOT / "content.yaml").read_text(encoding="utf-8")
    old = "Micro-needling is a skin treatment."
    assert content.count(old) == 1
    words = tmp_path / "content.yaml"
    words.write_text(content.replace(old, old + " Tick \u2605."), encoding="utf-8")  # (a star: no font has it)
    kits = (str(ROOT / "assets" / "brand.yaml"), str(kit / "brand.yaml"))
    said = _in_orders(_OWN_NAMES_CODE, ("in-order", "reversed"), words, *kits)
    shipped, own = (said["in-order"][k] for k in kits)
    assert "(BeVietnamPro-SemiBold, BeVietnamPro-Regular, BeVietnamPro-Bold, BeVietnamPro-Italic)" in shipped[0][0]
    assert "(BeVietnamPro-SemiBold, Good, B, I)" in own[0][0], own
    assert "Good" in own[1] and "BeVietnamPro-Regular" not in own[1], own
    assert said["reversed"] == said["in-order"], said


def _in_orders(code: str, orders: tuple[str, str], *args: str | Path) -> dict[str, Any]:
    """What `code`, run in a fresh interpreter with each of the orders and the args, prints last (JSON), by order."""
    said = {}
    for order in orders:
        done = subprocess.run(
            [sys.executable, "-P", "-c", code, order, *map(str, args)],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=True,
            env={**_tested(), "SOURCE_DATE_EPOCH": "1764547200"},
        )
        said[order] = json.loads(done.stdout.strip().splitlines()[-1])
    return said


_FALLBACK_NAMES_CODE = """
import json, sys
from pathlib import Path
from brochure import api
from brochure.theme.fonts import display_name
def fonts(kit):
    src, diags = api.load(Path(sys.argv[2]), Path(kit))
    assert src is not None, [d.format() for d in diags]
    printed = api.build(src, api.Options()).layout
    return sorted({display_name(r.font) for p in printed.pages for t in p.items for r in getattr(t, "runs", ())})
kits = sys.argv[3:] if sys.argv[1] == "in-order" else sys.argv[:2:-1]
print(json.dumps({kit: fonts(kit) for kit in kits}))
"""


def test_a_fallback_family_a_kit_brings_as_its_own_files_is_named_by_each_kit_as_it_names_it(tmp_path: Path) -> None:
    """The shipped kit's Arabic fallback is an installed family, read when a word first needs it; another kit brings
    the same family's files as its own fallback (Ar.ttf, ArB.ttf). In one process, in either order, each kit's
    Arabic leaflet names its own fallback files: the family's, and Ar and ArB."""
    files = Path(fontpkg_ibm_plex_sans_arabic.__file__ or "").parent / "files"
    kit = tmp_path / "own"
    kit.mkdir()
    for src, dst in (("Regular", "Ar"), ("Bold", "ArB")):
        (kit / f"{dst}.ttf").write_bytes((files / f"IBMPlexSansArabic-{src}.ttf").read_bytes())
    (kit / "logo.svg").write_bytes((ROOT / "assets" / "logo.svg").read_bytes())
    brand = (ROOT / "assets" / "brand.yaml").read_text(encoding="utf-8")
    old = "  fallbacks: [IBM Plex Sans Arabic]"
    assert brand.count(old) == 1
    (kit / "brand.yaml").write_text(brand.replace(old, "  fallbacks: [{regular: Ar.ttf, bold: ArB.ttf}]"), "utf-8")
    kits = (str(ROOT / "assets" / "brand.yaml"), str(kit / "brand.yaml"))
    said = _in_orders(_FALLBACK_NAMES_CODE, ("in-order", "reversed"), ROOT / "translations" / "ar.yaml", *kits)
    shipped, own = (said["in-order"][k] for k in kits)
    assert "IBMPlexSansArabic-Regular" in shipped and "Ar" not in shipped, shipped
    assert "Ar" in own and not [f for f in own if f.startswith("IBMPlexSansArabic")], own
    assert said["reversed"] == said["in-order"], said
