"""Shared test helpers: build leaflets in process, run the command line, read its messages, reopen PDFs."""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import re
import time
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pikepdf
import pypdfium2
import pytest
import zxingcpp
from conftest import SHARED_BUILDS, Inputs, position

from brochure import api
from brochure.cli import main
from brochure.geometry.sheet import MM, Rect, trifold
from brochure.layout.model import Frame, Ink, Layout, Page, Run, Text
from brochure.pdfium import open_pdf
from brochure.theme.fonts import cmap
from brochure.vocabulary import PaperName, Role, Target

ROOT = Path(__file__).resolve().parent.parent
TESTED = str(Path(api.__file__).resolve().parent.parent)  # where the brochure under test is imported from (a
# mutant's copy, scripts/mutants.py): what a `brochure` process a test starts must import too
DATA = Path(__file__).resolve().parent / "data"
CONTENT = ROOT / "content.yaml"
BRAND = ROOT / "assets" / "brand.yaml"
MAPLE = ROOT / "assets" / "brands" / "maple-main" / "brand.yaml"
TEST_BRAND = DATA / "testbrand" / "brand.yaml"
SMALL = DATA / "content-small.yaml"

# One message line as the command line prints it: file:line:col: severity: message [at key] (hint: ...)
LINE = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): (?P<severity>error|warning): (?P<message>.+)$")


def copied_kit(tmp_path: Path, brand: Path = BRAND) -> Path:
    """A copy of a shipped brand kit's files (not its sub-kits) in tmp_path/kit; the path of its brand.yaml."""
    kit = tmp_path / "kit"
    kit.mkdir()
    for f in brand.parent.iterdir():
        if f.is_file():
            (kit / f.name).write_bytes(f.read_bytes())
    return kit / brand.name


@cache
def sources(content: Path = CONTENT, brand: Path = BRAND) -> api.Sources:
    src, diags = api.load(content, brand)
    assert src is not None, [d.format() for d in diags]
    if all(p.resolve().is_relative_to(ROOT) and not p.resolve().is_relative_to(ROOT / "out") for p in (content, brand)):
        _SHIPPED[id(src)] = f"{content.resolve()}\0{brand.resolve()}"  # (the repository's files, which no test
        # writes to: a build of them is the same in every test process)
    return src


_SHIPPED: dict[int, str] = {}  # the Sources `sources` loaded from the repository's files: their paths


def words_written(tmp_path: Path, text: str, brand: Path = BRAND) -> api.Sources:
    """The sources of these words, written to content.yaml in tmp_path, with the kit (the shipped one)."""
    (tmp_path / "content.yaml").write_text(text, "utf-8")
    return sources(tmp_path / "content.yaml", brand)


def fallback_face(font: str, brand: Path = BRAND) -> str:
    """The first fallback face of one of the kit's faces, ready to set words in (a fallback family from a font
    package is registered when a character first needs it, `theme.fonts.cmap`, as a paragraph's words do)."""
    name = dict(sources(brand=brand).fonts.fallbacks)[font][0]
    cmap(name)
    return name


_RESULTS: dict[tuple[int, api.Options, str], tuple[api.Sources, api.Result]] = {}


def result_of(src: api.Sources, options: api.Options) -> api.Result:
    """`api.build(src, options)`, made once per test process for the same loaded inputs (`sources`, remembered),
    options and SOURCE_DATE_EPOCH: a build is a pure function of them (test_pdf.py and test_threads.py build twice,
    in processes and threads, and compare bytes), so the tests that only read a leaflet share it. Tests that patch
    the engine or compare two builds call `api.build` themselves."""
    key = (id(src), options, os.environ.get("SOURCE_DATE_EPOCH", ""))
    if key not in _RESULTS:
        _RESULTS[key] = (src, _shared(src, options))  # (src is kept: its id is not given to another object)
    return _RESULTS[key][1]


def _shared(src: api.Sources, options: api.Options) -> api.Result:
    """`api.build(src, options)`; of the repository's own files (`sources`), made once per test session: the first
    test process to ask builds it and leaves it (pickled) in the session's folder (conftest.py: SHARED_BUILDS), and
    the others read it there (a file's tests run in one process, pytest-xdist's loadfile, and the files that build
    the same shipped editions in several: 21 s of the suite's CPU)."""
    folder, shipped = os.environ.get(SHARED_BUILDS, ""), _SHIPPED.get(id(src))
    if not folder or shipped is None:
        return api.build(src, options)
    name = f"{shipped}\0{options!r}\0{os.environ.get('SOURCE_DATE_EPOCH', '')}"
    path = Path(folder) / (hashlib.sha256(name.encode()).hexdigest() + ".pickle")
    try:
        result: api.Result = pickle.loads(path.read_bytes())
        return result
    except FileNotFoundError:
        result = api.build(src, options)
        part = path.with_name(f"{path.name}.{os.getpid()}")
        part.write_bytes(pickle.dumps(result, protocol=5))
        os.replace(part, path)  # (whole or not there: another process reads it at once)
        return result


def built(content: Path = CONTENT, brand: Path = BRAND, paper: PaperName | None = None) -> api.Result:
    """The shipped words and kit built (once per test process: `result_of`), which must build."""
    result = result_of(sources(content, brand), api.Options(paper=paper))
    assert result.ok, [d.format() for d in result.diagnostics]
    return result


def cpu_growth(work: Callable[[int], object], n: int) -> float:
    """How many times longer `work(4 * n)` takes than `work(n)`, in this process's CPU time (the best of three
    each): about 4 for work linear in n, 16 for quadratic. A ratio, not a time: it holds on a machine however
    busy (tests assert no durations: the machines are shared and noisy)."""

    def best(size: int) -> float:
        times = []
        for _ in range(3):
            t = time.process_time()
            work(size)
            times.append(time.process_time() - t)
        return max(min(times), 1e-6)

    best(n)  # (warm: what is made once is not counted)
    return best(4 * n) / best(n)


def build(inputs: Inputs, **options: object) -> api.Result:
    """Build the test's inputs (which must load) in process with these Options."""
    src, diags = api.load(inputs.content, inputs.brand)
    assert src is not None, [d.format() for d in diags]
    return api.build(src, api.Options(**options))  # type: ignore[arg-type]


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run the command line in process: the exit status, standard output and standard error."""
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def editions_file(inputs: Inputs, text: str) -> Path:
    """An editions.yaml beside the test's content file."""
    path = inputs.content.parent / "editions.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def batch(capsys: pytest.CaptureFixture[str], path: Path, *more: str) -> tuple[int, str, str]:
    """`brochure batch PATH --jobs 2 ...`: (status, out, err)."""
    return cli(capsys, "batch", str(path), "--jobs", "2", *more)


def check(inputs: Inputs, capsys: pytest.CaptureFixture[str], *options: str) -> tuple[int, list[str], list[str]]:
    """`brochure check` on the inputs: the exit status, the error lines and the warning lines."""
    status, _, err = cli(capsys, "check", "--content", str(inputs.content), "--brand", str(inputs.brand), *options)
    lines = err.splitlines()
    return status, [x for x in lines if ": error: " in x], [x for x in lines if ": warning: " in x]


def the_error(lines: list[str]) -> str:
    """The one error line."""
    assert len(lines) == 1, lines
    return lines[0]


def assert_at(line: str, file: Path, text: str, needle: str, key: str, offset: int = 0) -> None:
    """The line is an error at file:line:col of needle in the file's text (plus offset columns) and names the key."""
    row, col = position(text, needle)
    m = LINE.match(line)
    assert m, line
    assert (m["file"], int(m["line"]), int(m["col"]), m["severity"]) == (str(file), row, col + offset, "error"), line
    assert f"[at {key}]" in line, line


def reopen(data: bytes) -> pikepdf.Pdf:
    return pikepdf.open(io.BytesIO(data))


def actual_texts(pdf: bytes) -> list[str]:
    """The /ActualText of every structure element that has one (the Spans of shaped glyphs), in structure order:
    the words a screen reader reads for them."""
    out: list[str] = []

    def walk(node: pikepdf.Object) -> None:
        kids = node.get("/K")
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []:
            if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/StructElem":
                if "/ActualText" in kid:
                    out.append(str(kid.ActualText))
                walk(kid)

    with reopen(pdf) as doc:
        walk(doc.Root.StructTreeRoot)
    return out


def miscopied_words(
    result: api.Result, letters: str = "\u0590-\u06ff", copy: Callable[[bytes], str] | None = None
) -> tuple[int, list[str]]:
    """Of the words (three letters or more, in `letters`' range; marks set aside) that a viewer copies from the
    leaflet's glyphs (`copy`: PDFium's, as Chrome's viewer; `poppler_text` for poppler's): how many there are,
    and those the leaflet does not print as written (a word turned round, read from a marked-content
    /ActualText as visual order, is one)."""
    import unicodedata

    def bare(text: str) -> str:
        return "".join(c for c in unicodedata.normalize("NFKC", text) if not unicodedata.category(c).startswith("M"))

    assert result.pdf is not None and result.layout is not None
    written = bare(" ".join(i.text for page in result.layout.pages for i in page.items if isinstance(i, Text)))
    runs = re.findall(f"[{letters}]+", bare((copy or copied_text)(result.pdf)))
    words = [w for run in runs for w in re.findall(r"[^\W\d_]+", run) if len(w) >= 3]  # (letters: no digits, signs)
    return len(words), [w for w in words if w not in written]


def poppler_text(pdf: bytes) -> str:
    """The text poppler's `pdftotext` copies from the PDF (the test set-up installs poppler-utils)."""
    import shutil
    import subprocess

    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (Debian's poppler-utils) is not installed: scripts/install-test-tools.sh installs it")
    return subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()


def copied_text(pdf: bytes) -> str:
    """The text a viewer built on PDFium (Chrome's) copies from each page, from the glyphs printed."""
    doc = pypdfium2.PdfDocument(pdf)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in doc)
    finally:
        doc.close()


def pdfua_findings(pdf: bytes) -> list[tuple[str, str]]:
    """What two independent PDF/UA-1 checkers (page-validation, and pdfua on pikepdf) find: (rule, message)."""
    import tempfile

    import page as page_validation
    import pdfua

    found = [(f.rule_id, f.message) for f in page_validation.validate_pdf_bytes(pdf, profile="ua1").failures]
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(pdf)
        f.flush()
        found += [(x.rule_id, x.message) for x in pdfua.validate(f.name).findings]
    return found


def read_qr(pdf: bytes, page: int, box: tuple[float, float, float, float], media_h: float) -> list[str]:
    """Texts of the QR codes found in box (x, y, w, h in points, with 3 mm around it) of the page as PDFium
    renders it at 200 dpi, in grey (what a phone's decoder looks at)."""
    with open_pdf(pdf) as doc:
        x, y, w, h = box
        margin = 3 * MM
        side = doc[page]
        crop = (x - margin, y - margin, side.get_width() - (x + w + margin), media_h - (y + h + margin))
        image = side.render(scale=200 / 72, grayscale=True, crop=crop).to_pil().copy()
    qr = zxingcpp.BarcodeFormat.QRCode
    return [r.text for r in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormats(qr)) if r.format == qr]


def page_texts(pdf: bytes) -> list[str]:
    """Each page's text as a reader copies it, white space (line breaks, no-break spaces) as single spaces."""
    doc = pypdfium2.PdfDocument(pdf)
    try:
        return [" ".join(doc[i].get_textpage().get_text_range().split()) for i in range(len(doc))]
    finally:
        doc.close()


def uris(pdf: bytes) -> list[str]:
    """The web, mail and phone addresses the PDF's link annotations open, page by page."""
    with reopen(pdf) as doc:
        return [str(a.A.URI) for page in doc.pages for a in page.obj.get("/Annots", []) if "/A" in a and "/URI" in a.A]


# --- frames: what the layout says is printed -----------------------------------------------------------


def texts(layout: Layout, **where: object) -> list[Text]:
    """The layout's text lines, in reading order, whose fields equal `where` (e.g. region="back")."""
    return [
        i
        for page in layout.pages
        for i in page.items
        if isinstance(i, Text) and all(getattr(i, k) == v for k, v in where.items())
    ]


def section_text(layout: Layout, section: str) -> str:
    """What a section prints, its lines joined with spaces."""
    return " ".join(t.text for t in texts(layout, section=section))


BLACK = Ink("gray", (0.0,))


def text_item(
    box: Rect, region: str = "inside-1", section: str = "s", size: float = 9.5, role: Role = "paragraph", piece: int = 1
) -> Text:
    """A hand-made line of text filling box (for guards a real layout never trips)."""
    run = Run("x", sources().fonts.regular, size, BLACK, box.x, box.w)
    return Text(
        box=box,
        region=region,
        panel=region,
        section=section,
        role=role,
        piece=piece,
        runs=(run,),
        baseline=box.y,
        measure=box,
    )


def frames_layout(*items: Frame, target: Target = "office") -> Layout:
    """A tri-fold A4 layout whose inside page prints just these items."""
    sheet = trifold("a4", target)
    return Layout(sheet, (Page(sheet.sides[1], tuple(items), (), ()),), ())
