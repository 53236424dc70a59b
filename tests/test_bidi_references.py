"""Latin references in an Arabic leaflet, read back from the built PDF's glyph positions: on the back of a folded
leaflet each reference (its number and its short form) reads left to right as a whole and the references follow
one another right to left, line after line, the sources' heading at the right of the first line; in the
large-print edition each reference's number stands at the right of its first line and its text reads left to
right, flush right; a screen reader reads them as written, and a viewer copies each word as written."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pikepdf
import pytest
from conftest import BRAND, LOGO, Inputs
from helpers import actual_texts, miscopied_words, pdfua_findings, texts
from test_bidi import DATA, built_in_arabic, glyphs, printed

from brochure import api
from brochure.layout.model import Run, Text

NBSP = "\u00a0"
# (id, full text, short form, DOI, address): with a DOI, with an address, with neither, with brackets and digits
REFERENCES = (
    (
        "statpearls",
        "Litchman G, Nair PA. Microneedling. In: StatPearls [Internet].",
        "Litchman G et al. Microneedling. StatPearls (NCBI Bookshelf).",
        "",
        "",
    ),
    (
        "alam2014",
        "Alam M, Han S, Pongprutthipan M, et al. Efficacy of a needling device for the treatment of acne "
        "scars. JAMA Dermatol. 2014;150(8):844-9.",
        "Alam M et al. JAMA Dermatol. 2014;150(8):844-9.",
        "10.1001/jamadermatol.2013.8687",
        "",
    ),
    (
        "aad2018",
        "American Academy of Dermatology. Microneedling can help reduce acne scars. News release, 16 Feb 2018.",
        "American Academy of Dermatology. News release, 16 Feb 2018.",
        "",
        "https://www.aad.org/news/microneedling",
    ),
    (
        "juhasz2020",
        "Juhasz MLW, Cohen JL. Microneedling for the treatment of scars: an update for clinicians. "
        "Clin Cosmet Investig Dermatol. 2020;13:997-1003.",
        "Juhasz MLW, Cohen JL. Clin Cosmet Investig Dermatol. 2020;13:997-1003.",
        "10.2147/CCID.S267192",
        "",
    ),
    (
        "bailey2022",
        "Bailey AJM, Li HO-Y, Tan MG. Microneedling as an adjuvant to topical therapies for melasma. "
        "J Am Acad Dermatol. 2022;86(4):797-810.",
        "Bailey AJM et al. J Am Acad Dermatol. 2022;86(4):797-810.",
        "10.1016/j.jaad.2021.03.116",
        "",
    ),
    (
        "chu2021",
        "Chu S, Foulad DP, Atanaskova Mesinkovska N. Safety profile for microneedling: a systematic "
        "review. Dermatol Surg. 2021;47(9):1249-54.",
        "Chu S et al. Dermatol Surg. 2021;47(9):1249-54. PMID 34448760.",
        "",
        "https://pubmed.ncbi.nlm.nih.gov/34448760/",
    ),
)


ARABIC_REFERENCE = (
    "moh",
    "وزارة الصحة. دليل العناية بالبشرة. 2021.",
    "وزارة الصحة. دليل العناية بالبشرة. 2021.",
    "",
    "",
)


def references(copies: int = 1, arabic: bool = False) -> list[tuple[str, str, str, str, str]]:
    """The references above, `copies` times over (each copy's ids its own), and one in Arabic after the first copy."""
    out = [(f"{key}{n or ''}", *rest) for n in range(copies) for key, *rest in REFERENCES]
    return [*out[: len(REFERENCES)], ARABIC_REFERENCE, *out[len(REFERENCES) :]] if arabic else out


def citing(copies: int = 1, arabic: bool = False) -> str:
    """The Arabic sentence citing every reference (each of `copies` copies of them)."""
    keys = "".join(f"[^{key}]" for key, *_ in references(copies, arabic))
    return f"يساعد العلاج على تجديد الكولاجين.{keys}"


HEADING = "المصادر"
IN_FULL = "المصادر كاملة مع DOI: في طبعتنا بالخط الكبير."  # (tests/data/content-ar.yaml's words)


def yaml_references(copies: int = 1, arabic: bool = False) -> str:
    out = ["references:\n"]
    for key, full, short, doi, url in references(copies, arabic):
        out.append(f'  - id: {key}\n    text: "{full}"\n    short: "{short}"\n')
        out.extend([f"    doi: {doi}\n"] if doi else [])
        out.extend([f"    url: {url}\n"] if url else [])
    return "".join(out)


def arabic_leaflet(folder: Path, copies: int = 1, arabic: bool = False, **options: object) -> api.Result:
    """tests/data/content-ar.yaml citing every reference above (`copies` times over, each copy its own) from its
    first paragraph, in IBM Plex Sans Arabic."""
    (folder / "assets").mkdir(exist_ok=True)
    (folder / "assets" / "logo.svg").write_text(LOGO, encoding="utf-8")
    (folder / "assets" / "brand.yaml").write_text(BRAND, encoding="utf-8")
    inputs = Inputs(folder / "content.yaml", folder / "assets" / "brand.yaml")
    content = (DATA / "content-ar.yaml").read_text(encoding="utf-8")
    content = content.replace("    blocks:\n", f'    blocks:\n      - text: "{citing(copies, arabic)}"\n', 1)
    inputs.content.write_text(content + yaml_references(copies, arabic), encoding="utf-8")
    return built_in_arabic(inputs, **options)


@pytest.fixture(scope="module", params=["office", "press"])
def folded(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> api.Result:
    """The Arabic tri-fold, its references linked (office) and not (press)."""
    return arabic_leaflet(tmp_path_factory.mktemp("refs"), target=request.param)


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> api.Result:
    return arabic_leaflet(tmp_path_factory.mktemp("refs-large"), layout="large-print")


def short_entries(copies: int = 1, arabic: bool = False) -> list[str]:
    """Each reference as the back prints it, as written: its number, a no-break space, its short form."""
    return [f"{i}{NBSP}{short}" for i, (_, _, short, _, _) in enumerate(references(copies, arabic), 1)]


def sources_lines(result: api.Result) -> list[Text]:
    assert result.layout is not None
    lines = texts(result.layout)
    first = next(t for t in lines if t.text.startswith(f"{HEADING} 1{NBSP}"))
    return [t for t in lines if t.element == first.element]


def pieces(lines: list[Text], written: list[str], before: str, after: str = "") -> list[list[tuple[int, str]]]:
    """For each line, the parts of the written entries it holds, as written: (entry, its words on this line);
    `before` and `after` are what the paragraph prints ahead of the entries and after them."""
    stream = before + " ".join(written) + after
    starts, at = [], len(before)
    for entry in written:
        starts.append(at)
        at += len(entry) + 1
    out: list[list[tuple[int, str]]] = []
    pos = 0
    for line in lines:
        text = line.text.strip()
        pos = stream.index(text, pos)
        parts: list[tuple[int, str]] = []
        for n, (s, entry) in enumerate(zip(starts, written, strict=True)):
            a, b = max(s, pos), min(s + len(entry), pos + len(text))
            if a < b and stream[a:b].strip():
                parts.append((n, stream[a:b].strip()))
        out.append(parts)
        pos += len(text)
    return out


def test_each_reference_reads_left_to_right_and_the_references_right_to_left(folded: api.Result) -> None:
    """Reading each line's left-to-right stretches from the right, and the lines from the top, gives the
    references in their written order (1, 2, 3, ...), each its number first and its words in order; a reference
    that does not end on its line goes on at the right of the next; the heading is at the right of the first line."""
    lines = sources_lines(folded)
    parts = pieces(lines, short_entries(), HEADING + " ", " " + IN_FULL)
    assert len(lines) >= 3
    read = [n for line in parts for n, _ in line]
    assert read == sorted(read) and list(dict.fromkeys(read)) == list(range(len(REFERENCES)))  # in order
    assert len(read) > len(REFERENCES)  # (some reference goes on from one line to the next)
    for line, held in zip(lines, parts, strict=True):
        seen = printed(line)
        run = next(r for r in line.runs if r.actual is not None or r.text)
        right_to_left = "".join(glyphs(words, run, "ltr") for _, words in reversed(held))
        assert right_to_left in seen, (line.text, seen, right_to_left)
        if line is lines[0]:
            assert seen.endswith(right_to_left + glyphs(HEADING, run))
        elif line is not lines[-1]:
            assert seen.endswith(right_to_left)
        assert line.box.right == pytest.approx(line.measure.right, abs=0.6)


def test_no_line_holds_the_end_of_one_reference_and_the_start_of_the_next(folded: api.Result) -> None:
    """Each reference starts a line of its own: a line with one reference's end at its right and the next one's
    start at its left reads, left to right, as one reference ('13 Friedmann DP et 2021;47(9):1249-54.')."""
    lines = sources_lines(folded)
    parts = pieces(lines, short_entries(), HEADING + " ", " " + IN_FULL)
    assert [len(held) for held in parts] == [1] * len(lines), [line.text for line in lines]
    starts = [n for held in parts for n, words in held if words.startswith(f"{n + 1}{NBSP}")]
    assert starts == list(range(len(REFERENCES)))  # every reference begins a line, in order
    assert len(lines) > len(REFERENCES)  # (and the longer ones go on, alone, on the next)


@pytest.mark.parametrize("arabic", [False, True], ids=["latin", "with-one-in-arabic"])
def test_references_run_on_where_the_back_is_full_read_left_to_right_line_by_line(
    tmp_path_factory: pytest.TempPathFactory, arabic: bool
) -> None:
    """A back with no room for each reference on a line of its own (four times as many): they run on, and each
    line reads left to right, one reference's end then the next one's start, as a Latin paragraph does (a line
    held them right to left, one's start at its left and the one before's end at its right, and read as one
    reference: '12 Chu S et al. Dermatol Surg. Dermatol. 2015;1(2):77-81.'); flush right, the heading at the
    right of the first line and the pointer to the full list at the left of the last. A reference in Arabic among
    them reads right to left, its number at its left as every other's (not at its right, beside the next one's)."""
    result = arabic_leaflet(tmp_path_factory.mktemp("refs-run-on"), copies=4, arabic=arabic)
    lines = sources_lines(result)
    written = short_entries(4, arabic)
    parts = pieces(lines, written, HEADING + " ", " " + IN_FULL)
    assert sum(len(held) >= 2 for held in parts) > len(lines) / 2  # (they run on: most lines hold two)

    def shown(n: int, words: str, run: Run) -> str:  # (a pattern of it as printed, left to right)
        if ARABIC_REFERENCE[2] not in written[n]:
            return re.escape(glyphs(words, run, "ltr"))
        number = f"{n + 1}" if words.startswith(f"{n + 1}{NBSP}") else ""
        return number + r"(?!\d)[^A-Za-z]+"  # (its words right to left, its number at their left)

    for line, held in zip(lines, parts, strict=True):
        seen = printed(line)
        run = next(r for r in line.runs if r.actual is not None or r.text)
        left_to_right = "".join(shown(n, words, run) for n, words in held)
        heading = re.escape(glyphs(HEADING, run)) if line is lines[0] else ""
        tail = line is lines[-1] or any(w in line.text.split() for w in IN_FULL.split()[1:])  # (its first word is
        pointer = ".+" if tail else ""  # the heading's) the pointer to the full list, at their left
        assert re.fullmatch(pointer + left_to_right + heading, seen), (line.text, seen, left_to_right)
        assert line.box.right == pytest.approx(line.measure.right, abs=0.6)


def test_the_numbers_print_at_the_left_of_their_references(folded: api.Result) -> None:
    lines = sources_lines(folded)
    seen = "".join(printed(line) for line in lines)
    for i, (_, _, short, _, _) in enumerate(REFERENCES, 1):
        assert f"{i}{short.split()[0]}" in seen


def test_the_sources_are_read_and_copied_as_written(folded: api.Result) -> None:
    """A screen reader reads them as written (the office edition's structure); a PDFium viewer copies each word of
    them as written, from the glyphs, in both editions."""
    assert folded.pdf is not None
    if folded.layout is not None and folded.layout.sheet.target == "office":
        read = " ".join(" ".join(actual_texts(folded.pdf)).split())  # (a line's stretches, then the next line's)
        assert " ".join(f"{HEADING} {' '.join(short_entries())} {IN_FULL}".split()) in read
    count, wrong = miscopied_words(folded)
    assert count > 50 and wrong == []


def test_each_reference_links_to_its_doi_or_address(tmp_path_factory: pytest.TempPathFactory) -> None:
    result = arabic_leaflet(tmp_path_factory.mktemp("refs-links"))
    assert result.pdf is not None
    with pikepdf.open(io.BytesIO(result.pdf)) as pdf:
        uris = {str(a.A.URI) for page in pdf.pages for a in page.obj.get("/Annots", []) if a.Subtype == "/Link"}
    targets = {f"https://doi.org/{doi}" if doi else url for _, _, _, doi, url in REFERENCES if doi or url}
    assert targets <= uris


def full_entries() -> list[str]:
    out = []
    for full, doi, url in ((full, doi, url) for _, full, _, doi, url in REFERENCES):
        out.append(" ".join([full, *([f"doi:{doi}"] if doi else []), *([url] if url else [])]))
    return out


def test_in_large_print_the_number_is_at_the_right_and_the_reference_reads_left_to_right(large: api.Result) -> None:
    """Each reference is a paragraph of its own: its number hangs at the right of its first line (where an Arabic
    paragraph begins), its words left to right on each line, every line set at the right of its column beside the
    number; the references follow one another top to bottom, 1, 2, 3, ..."""
    assert large.layout is not None
    lines = texts(large.layout)
    numbers = [t for t in lines if t.role == "label" and t.entry is not None and t.entry.numbering == "decimal"]
    tops: list[int] = []
    for i, entry in enumerate(full_entries(), 1):
        number = next(t for t in numbers if t.entry is not None and t.entry.list == "sources" and t.text == str(i))
        first = next(t for t in lines if t.entry == number.entry and t is not number and t.text.strip())
        assert first.baseline == pytest.approx(number.baseline) and number.box.x > first.box.right
        assert number.box.right == pytest.approx(number.measure.right, abs=0.6)
        own = [t for t in lines if t.element == first.element and t.piece == first.piece]
        tops.append(lines.index(first))
        words = " ".join(t.text.strip() for t in own)
        assert words == entry
        run = first.runs[-1]
        seen = printed(first)
        assert seen == glyphs(first.text.strip(), run, "ltr"), (first.text, seen)
        for line in own[1:]:
            assert printed(line) == glyphs(line.text, run, "ltr")
        for line in own:
            assert line.box.right == pytest.approx(line.measure.right, abs=0.6)
    assert tops == sorted(tops)
    assert large.pdf is not None
    copied = " ".join(" ".join(actual_texts(large.pdf)).split())
    for entry in full_entries():
        assert entry in copied


def test_the_leaflets_with_arabic_sources_pass_the_pdf_ua_checkers(
    tmp_path_factory: pytest.TempPathFactory, large: api.Result
) -> None:
    """The sources set as isolates keep the tagged structure whole: independent PDF/UA-1 checkers find nothing
    in the office tri-fold nor in the large-print edition."""
    for result in (arabic_leaflet(tmp_path_factory.mktemp("refs-ua")), large):
        assert result.pdf is not None
        assert pdfua_findings(result.pdf) == []
