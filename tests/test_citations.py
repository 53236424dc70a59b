"""Cited claims (issue 8): [^key] citations print as superscript numbers, numbered per layout in order of first
citation; each layout lists exactly the references it cites; every mistake is named at its line and column."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from conftest import CONTENT as VALID
from conftest import Inputs, position
from helpers import BRAND, CONTENT, LINE, assert_at, build, built, check, result_of, sources, uris
from pypdf import PdfReader

from brochure import api, limits
from brochure.geometry.sheet import SHEETS
from brochure.inputs.content import load_content
from brochure.inputs.inline import Run, parse, plain, repeated_citations, to_markup
from brochure.inputs.references import Reference
from brochure.layout import PLANS, citations
from brochure.layout.citations import Citations, block_texts, number
from brochure.layout.engine import route
from brochure.preflight import glyphs as checks
from brochure.vocabulary import LAYOUTS, LayoutName, Target

# chu2021 is cited first everywhere; juhasz2020 only in a block the tri-fold alone prints.
CITED = """\
language: en-GB
title: Micro-needling
subtitle: for acne scars
sections:
  - id: what-is-it
    heading: What is it?
    blocks:
      - text: "Fine needles make tiny pricks.[^chu2021]"
      - layouts: [trifold]
        text: "Only the tri-fold prints this.[^juhasz2020]"
      - cards:
          - title: Smoother texture
            text: "New collagen can even out rough skin.[^harris2015][^alam2014]"
            icon: smooth
  - id: risks
    heading: Risks
    place: flap
    blocks:
      - bullets:
          - "Redness for 1 to 3 days [^alam2014][^chu2021][^harris2015]"
call_to_action:
  heading: Book a consultation
  text: "We will check your skin first."
disclaimer: "General information only."
references:
  - id: alam2014
    text: "Alam M, Han S. Efficacy of a needling device. JAMA Dermatol. 2014;150(8):844-9."
    doi: 10.1001/jamadermatol.2013.8687
  - id: harris2015
    text: "Harris AG, Naidoo C. Skin needling. Int J Womens Dermatol. 2015;1(2):77-81."
  - id: juhasz2020
    text: "Juhasz MLW, Cohen JL. Microneedling for scars. Clin Cosmet Investig Dermatol. 2020;13:997-1003."
    url: https://www.dovepress.com/microneedling
  - id: chu2021
    text: "Chu S, Foulad DP. Safety profile for microneedling. Dermatol Surg. 2021;47(9):1249-54."
""" + VALID[VALID.index("document:\n") :]  # the test kit's document block


@pytest.fixture
def cited(inputs: Inputs) -> Inputs:
    inputs.content.write_text(CITED, encoding="utf-8")
    return inputs


def write(inputs: Inputs, old: str, new: str) -> str:
    """CITED with one stretch replaced, written as the content file; returns the text."""
    assert CITED.count(old) == 1, old
    text = CITED.replace(old, new)
    inputs.content.write_text(text, encoding="utf-8")
    return text


def pdf_of(inputs: Inputs, layout: LayoutName, target: Target = "office") -> bytes:
    result = build(inputs, layout=layout, target=target)
    assert result.pdf is not None, [d.format() for d in result.diagnostics]
    return result.pdf


def fragments(pdf: bytes) -> list[tuple[str, float]]:
    """Every stretch of text drawn, with its font size, in drawing order."""
    out: list[tuple[str, float]] = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        page.extract_text(visitor_text=lambda t, cm, tm, font, size: out.append((t.strip(), size)) if t.strip() else 0)
    return out


def text_of(pdf: bytes) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages)


def sources_of(pdf: bytes) -> str:
    """The printed references list, from its heading to the end of the back page's text."""
    text = text_of(pdf)
    return text[text.index("Sources") :]


# --- the syntax ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "runs"),
    [
        ("scars[^alam2014]", [Run("scars"), Run("", cites=("alam2014",))]),
        ("scars [^a][^b-2] more", [Run("scars"), Run("", cites=("a", "b-2")), Run(" more")]),
        ("x[^a] [^b].", [Run("x"), Run("", cites=("a", "b")), Run(".")]),
        ("**bold[^a]**[^b] and", [Run("bold", bold=True), Run("", cites=("a", "b")), Run(" and")]),
    ],
    ids=["one", "adjacent-and-space-before", "spaced-pair-merges", "inside-bold"],
)
def test_citations_become_runs_without_the_marks(text: str, runs: list[Run]) -> None:
    assert list(parse(text))[: len(runs)] == runs
    assert "[^" not in plain(text)


@pytest.mark.parametrize("text", ["x[^]", "[^Bad Key] y", "[^UPPER]", "see [^a b]", "[^a_b]", "[^-a]"])
def test_what_is_not_a_citation_prints_as_written(text: str) -> None:
    assert plain(text) == text
    assert to_markup(text, cite=lambda keys: "CITED") == text.replace("&", "&amp;")


def test_a_group_of_citations_prints_one_label() -> None:
    refs = tuple(Reference(k, k, None, None, None) for k in "abcdef")  # type: ignore[arg-type]
    cites = Citations(refs)
    assert cites.label(["a", "b"]) == "1,2"
    assert cites.label(["c", "a", "b"]) == "1-3"
    assert cites.label(["a", "c", "d", "e", "a"]) == "1,3-5"
    assert cites.label(["f", "b", "d"]) == "2,4,6"
    assert cites.label(["zz"]) == ""
    assert re.fullmatch(r'<super size="7.6" rise="3.1[34]">1,2</super>', cites.markup(("a", "b"), 9.5))
    assert 'size="7"' in cites.markup(("a",), 8.0)  # never under the 7 pt floor


# --- numbering per layout ------------------------------------------------------------------------------------


def numbers(content: Path, layout: str) -> list[str]:
    src, _ = load_content(content)
    assert src is not None
    plan = PLANS[layout](SHEETS[layout]("a4", "office", False))[0]
    sections, _ = route(src.sections, layout, plan)
    return [ref.id for ref in number(src, sections).references]


def test_each_layout_numbers_in_order_of_first_citation_among_what_it_prints(cited: Inputs) -> None:
    assert numbers(cited.content, "trifold") == ["chu2021", "juhasz2020", "harris2015", "alam2014"]
    assert numbers(cited.content, "bifold") == ["chu2021", "harris2015", "alam2014"]  # no juhasz2020 block
    assert numbers(cited.content, "flyer") == ["chu2021", "harris2015", "alam2014"]


def test_the_tri_fold_prints_superscripts_and_all_four_references(cited: Inputs) -> None:
    pdf = pdf_of(cited, "trifold")
    sizes = dict(fragments(pdf))
    body = sizes["Fine needles make tiny pricks."]  # (these few words are set larger to fill the inside's panels)
    assert 9.5 <= body <= 10.5
    assert sizes["3,4"] == pytest.approx(0.8 * body)  # harris2015, alam2014 on the card: smaller than the text
    assert sizes["1,3,4"] == pytest.approx(7.6)  # 1, 3, 4 is no run of three (on the flap, at 9.5 pt)
    listed = sources_of(pdf)
    assert re.search(r"Sources 1 Chu S.*2 Juhasz MLW.*3 Harris AG.*4 Alam M", listed)
    assert "doi:" not in listed and "dovepress" not in listed  # short forms: DOIs and addresses are linked


def test_a_reference_cited_only_in_a_block_a_layout_leaves_out_is_not_printed_there(cited: Inputs) -> None:
    pdf = pdf_of(cited, "bifold")
    frags = fragments(pdf)
    labels = [t for t, size in frags if size < 9 and re.fullmatch(r"[0-9,-]+", t)]
    assert "2,3" in labels and "1-3" in labels  # harris2015, alam2014; then alam2014, chu2021, harris2015
    listed = sources_of(pdf)
    assert re.search(r"Sources 1 Chu S.*2 Harris AG.*3 Alam M", listed)
    assert "Juhasz" not in text_of(pdf) and "Only the tri-fold" not in text_of(pdf)


def test_a_layout_that_cites_nothing_prints_no_sources(inputs: Inputs) -> None:
    assert "Sources" not in text_of(pdf_of(inputs, "trifold"))


def test_the_sources_keep_their_fine_type(cited: Inputs) -> None:
    frags = fragments(pdf_of(cited, "trifold"))
    listed = [size for t, size in frags if t.startswith(("Sources", "Chu S", "Alam M"))]
    assert len(listed) >= 3 and set(listed) == {8.0}  # the least for older readers


# --- the DOI link ----------------------------------------------------------------------------------------------


def test_a_doi_links_to_its_resolver_in_the_office_edition(cited: Inputs) -> None:
    """The short form is a link to the reference's DOI (or its address) on screen."""
    links = uris(pdf_of(cited, "trifold"))
    assert "https://doi.org/10.1001/jamadermatol.2013.8687" in links
    assert "https://www.dovepress.com/microneedling" in links


def test_the_press_edition_prints_the_doi_without_a_link(cited: Inputs) -> None:
    """Large print prints each reference in full with 'doi:...', a link in the office edition, text on press."""
    pdf = pdf_of(cited, "large-print", "press")
    assert uris(pdf) == []
    assert "doi:10.1001/jamadermatol.2013.8687" in text_of(pdf)
    assert "https://doi.org/10.1001/jamadermatol.2013.8687" in uris(pdf_of(cited, "large-print"))


def test_a_doi_with_brackets_is_linked_encoded() -> None:
    ref = Reference("x", "X.", "10.1002/(SICI)1097-4636<449::AID>3.0.CO;2-O", None, None)  # type: ignore[arg-type]
    assert ref.doi_url == "https://doi.org/10.1002/(SICI)1097-4636%3C449::AID%3E3.0.CO;2-O"


# --- mistakes, named where they are written --------------------------------------------------------------------


def test_an_unknown_citation_is_an_error_at_its_text_with_did_you_mean(
    cited: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    text = write(cited, "tiny pricks.[^chu2021]", "tiny pricks.[^chu2012][^harris2015][^alam2014][^juhasz2020]")
    status, errors, _ = check(cited, capsys)
    assert status == 1
    [line] = errors
    assert_at(line, cited.content, text, '"Fine needles', "sections[0].blocks[0].text")
    assert "the citation '[^chu2012]' names no reference" in line and "did you mean 'chu2021'?" in line


def test_a_citation_with_no_references_at_all_says_how_to_add_one(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    text = inputs.content.read_text().replace('rough skin."', 'rough skin.[^alam2014]"')
    inputs.content.write_text(text)
    status, errors, _ = check(inputs, capsys)
    assert status == 1
    [line] = errors
    assert_at(line, inputs.content, text, '"New collagen', "sections[0].blocks[1].cards[0].text")
    assert "add a reference with 'id: alam2014' under 'references:'" in line


def test_a_reference_nothing_cites_is_a_warning_at_the_reference(
    cited: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    text = CITED.replace("pricks.[^chu2021]", "pricks.").replace("[^alam2014][^chu2021]", "[^alam2014]")
    cited.content.write_text(text, encoding="utf-8")
    status, errors, warnings = check(cited, capsys)
    assert (status, errors) == (0, [])
    [line] = [w for w in warnings if "chu2021" in w]
    row, col = position(text, "- id: chu2021")
    assert line.startswith(f"{cited.content}:{row}:{col + 2}: warning: reference 'chu2021' is not cited anywhere")
    assert "[at references[3]]" in line and "cite it after the claim it supports as [^chu2021]" in line


def test_a_reference_one_layout_prints_is_no_warning(cited: Inputs, capsys: pytest.CaptureFixture[str]) -> None:
    """juhasz2020 is cited in a block only the tri-fold prints: no warning, and the bi-fold simply leaves it out."""
    status, _, warnings = check(cited, capsys)
    assert status == 0 and not [w for w in warnings if "not cited" in w]


def test_a_plain_string_reference_is_an_error_showing_the_new_form(
    cited: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    text = write(cited, "references:\n", 'references:\n  - "Spring LK et al. JAMA Dermatol 2017."\n')
    status, errors, _ = check(cited, capsys)
    assert status == 1
    [line] = errors
    assert_at(line, cited.content, text, '"Spring LK', "references[0]")
    assert "a reference is now a mapping with an id, not a line of text" in line
    assert "write '- id: spring2017'" in line and "'text: ...'" in line and "[^spring2017]" in line


@pytest.mark.parametrize(
    ("old", "new", "needle", "key", "says"),
    [
        (
            "doi: 10.1001/jamadermatol.2013.8687",
            "doi: 10.10/jamadermatol",
            "10.10/jamadermatol",
            "references[0].doi",
            "'10.10/jamadermatol' is not a DOI [at references[0].doi] (hint: a DOI starts with '10.', 4 to 9 digits",
        ),
        (
            "doi: 10.1001/jamadermatol.2013.8687",
            "doi: https://doi.org/10.1001/jamadermatol.2013.8687",
            "https://doi.org/10.1001",
            "references[0].doi",
            "has a prefix before the DOI [at references[0].doi] (hint: write the DOI alone: 10.1001/jamadermatol.2013",
        ),
        (
            "url: https://www.dovepress.com/microneedling",
            "url: www.dovepress.com/microneedling",
            "www.dovepress.com",
            "references[2].url",
            "the address 'www.dovepress.com/microneedling' does not start with https://",
        ),
        (
            "url: https://www.dovepress.com/microneedling",
            'url: "https://www.dovepress.com/a b"',
            '"https://www.dovepress.com/a b"',
            "references[2].url",
            "contains a space, which a link may not",
        ),
        ("- id: harris2015", "- id: Harris 2015", "Harris 2015", "references[1].id", "has characters other than"),
        (
            "- id: harris2015",
            "- id: alam2014",
            'alam2014\n    text: "Harris',
            "references[1].id",
            "'alam2014' is used twice",
        ),
        (
            "    doi: 10.1001",
            "    dio: 10.1001",
            "dio:",
            "references[0].dio",
            "unknown key 'dio' [at references[0].dio] (hint: did you mean 'doi'?)",
        ),
        (
            'text: "Chu S,',
            'text: "See [^alam2014]. Chu S,',
            '"See [^alam2014]',
            "references[3].text",
            "a reference cites '[^alam2014]': references cannot cite",
        ),
    ],
    ids=["bad-doi", "doi-prefix", "url-no-scheme", "url-space", "id-syntax", "duplicate-id", "unknown-key", "cites"],
)
def test_a_bad_reference_is_named_at_its_key(
    cited: Inputs, capsys: pytest.CaptureFixture[str], old: str, new: str, needle: str, key: str, says: str
) -> None:
    text = write(cited, old, new)
    status, errors, _ = check(cited, capsys)
    assert status == 1
    line = next(e for e in errors if f"[at {key}]" in e)
    assert_at(line, cited.content, text, needle, key)
    assert says in line


def test_a_citation_in_a_drawing_label_is_an_error(cited: Inputs, capsys: pytest.CaptureFixture[str]) -> None:
    drawing = '      - illustration:\n          name: skin-section\n          labels: {dermis: "Dermis[^chu2021]"}\n'
    text = write(cited, "      - cards:\n", drawing + "      - cards:\n")
    status, errors, _ = check(cited, capsys)
    assert status == 1
    [line] = errors
    assert_at(line, cited.content, text, '"Dermis[^', "sections[0].blocks[2].illustration.labels.dermis")
    assert "a drawing's label cannot carry a citation" in line


def test_a_mark_that_looks_like_a_citation_warns_and_prints_as_written(
    cited: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    write(cited, "tiny pricks.[^chu2021]", "tiny pricks.[^chu2021] See [^Chu 2021].")
    status, errors, warnings = check(cited, capsys)
    assert (status, errors) == (0, [])
    assert any("'[^Chu 2021]' is not a citation" in w and "prints as written" in w for w in warnings)
    assert "See [^Chu 2021]." in text_of(pdf_of(cited, "trifold"))


def test_a_source_cited_twice_in_a_row_warns_at_the_second_mark_and_prints_one_number(
    cited: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    """'claim[^a][^a]' printed one number, and nothing said the second mark was dropped."""
    text = write(cited, "tiny pricks.[^chu2021]", "tiny pricks.[^chu2021] [^chu2021]")
    status, errors, warnings = check(cited, capsys)
    assert (status, errors) == (0, [])
    [line] = [w for w in warnings if "cited twice in a row" in w]
    m = LINE.match(line)
    assert m, line
    row, col = position(text, ' [^chu2021]"')
    assert (m["file"], int(m["line"]), int(m["col"])) == (str(cited.content), row, col + 1)
    assert "'chu2021'" in line and "printed once" in line and "remove one of the two [^chu2021] marks" in line
    assert "tiny pricks.1 Only" in text_of(pdf_of(cited, "trifold"))


@pytest.mark.parametrize(
    ("text", "repeated"),
    [
        ("claim[^a][^a]", [("a", 1)]),
        ("**claim[^a]**[^a]", [("a", 1)]),
        ("claim[^a][^b][^a]", [("a", 1)]),
        ("\\[^a] claim[^a][^a]", [("a", 2)]),  # (the first prints as written, and is typed as a mark is)
        ("[see[^a]](https://example.org/[^a])[^a]", [("a", 2)]),  # (the second is the link's address)
        ("claim[^a] more[^a], claim[^a][^b]", []),
    ],
)
def test_which_mark_repeats_a_source_is_found_as_written(text: str, repeated: list[tuple[str, int]]) -> None:
    assert repeated_citations(text) == repeated


def test_a_source_cited_again_after_other_words_is_no_warning(
    cited: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    write(cited, "tiny pricks.[^chu2021]", "tiny[^chu2021] pricks.[^chu2021]")
    status, _, warnings = check(cited, capsys)
    assert status == 0 and not any("cited twice" in w for w in warnings)


# --- glyphs ----------------------------------------------------------------------------------------------------


def test_a_doi_character_the_font_lacks_is_named_at_the_reference(
    cited: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    text = write(cited, "doi: 10.1001/jamadermatol.2013.8687", "doi: 10.1001/jamadermatol✓2013")
    status, errors, _ = check(cited, capsys)
    assert status == 1
    [line] = errors
    row, col = position(text, "- id: alam2014")
    assert line.startswith(f"{cited.content}:{row}:{col + 2}: error: ") and "no glyph for '✓'" in line


def test_the_superscript_digits_are_checked_at_the_first_citing_text(
    cited: Inputs, monkeypatch: pytest.MonkeyPatch
) -> None:
    src, _ = api.load(cited.content, cited.brand)
    assert src is not None

    class NoFour(dict[int, int]):  # a font with every character but '4'
        def __contains__(self, code: object) -> bool:
            return code != ord("4")

    monkeypatch.setattr(checks, "cmap", lambda font: NoFour())
    monkeypatch.setattr(checks, "MOST_TEXTS", 1000)  # (each text's error, not one for all: `_one_per_cause`)
    diags = checks.check_glyphs(src.content, src.brand, src.fonts)
    first = [d.message for d in diags if d.location.key == "sections[0].blocks[0].text"]  # a text with no digits
    assert len(first) == 1 and "no glyph for '4' (U+0034 DIGIT FOUR)" in first[0]


# --- the shipped leaflet ---------------------------------------------------------------------------------------

# Sections that give practical instructions only (no medical claim to cite), with the reason.
UNCITED = {"contact-us": "when to call us: what to do, not a claim"}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_section_of_the_shipped_leaflet_cites_a_source_in_each_layout(layout: str) -> None:
    src, _ = load_content(CONTENT)
    assert src is not None
    for plan in PLANS[layout](SHEETS[layout]("a4", "office", False)):
        sections, _ = route(src.sections, layout, plan)
        uncited = [
            s.id
            for s in sections
            if s.id not in UNCITED and not any(citations_in(t) for b in s.blocks for t in (s.heading, *block_texts(b)))
        ]
        assert uncited == [], f"{plan.label}: sections with no citation in the blocks it shows: {uncited}"


def citations_in(text: str) -> bool:
    return any(r.cites for r in parse(text))


def test_the_shipped_references_are_all_cited_and_printed_by_the_tri_fold() -> None:
    src, diags = api.load(CONTENT, BRAND)
    assert src is not None and not [d.format() for d in diags if "cite" in d.message]
    assert set(numbers(CONTENT, "trifold")) == {ref.id for ref in src.content.references}
    for layout in LAYOUTS:
        result = api.build(src, api.Options(layout=layout))
        assert result.ok, layout


def test_the_shipped_references_are_full_vancouver_and_the_leaflet_prints_their_short_forms() -> None:
    """content.yaml keeps each source in full (authors, title, journal, year;volume:pages) with its DOI or
    address; the folded leaflet prints the short form, numbered to match (linked to the DOI on screen), the
    large-print edition the full text with the DOI."""
    loaded, diags = load_content(CONTENT)
    assert loaded is not None and diags == []
    assert len(loaded.references) == 14
    for ref in loaded.references:
        assert ref.short and len(ref.text) > len(ref.short), ref.id
        assert re.search(r"\. (19|20)\d\d[;.]|\b(19|20)\d\d\.$|StatPearls Publishing\.$", ref.text), ref.id
    assert sum(1 for ref in loaded.references if ref.doi) == 9  # the others: PubMed, a news release, no DOI found
    alam = next(ref for ref in loaded.references if ref.id == "alam2014")
    assert citations.printed(alam).endswith("JAMA Dermatol. 2014;150(8):844-9. doi:10.1001/jamadermatol.2013.8687")
    pdf = built().pdf
    assert pdf is not None
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Alam M et al. JAMA Dermatol. 2014;150(8):844-9." in text and "doi:" not in text
    assert "2016;74(2):348-55. In full, with DOIs: our large-print edition." in text  # where the rest is
    assert "Efficacy of a needling device" not in text  # the full title is the large-print edition's
    large = result_of(sources(), api.Options(layout="large-print")).pdf
    assert large is not None
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(large)).pages)
    assert "Efficacy of a needling device for the treatment of acne scars" in text
    assert "doi:10.1001/jamadermatol.2013.8687" in text


def test_the_cover_numbers_first_and_the_disclaimer_last(cited: Inputs) -> None:
    text = CITED.replace(
        "subtitle: for acne scars\n", 'subtitle: for acne scars\ncover:\n  lead: "A lead.[^harris2015]"\n'
    )
    text = text.replace('"General information only."', '"General information only.[^juhasz2020]"')
    text = text.replace('"We will check your skin first."', '"We will check your skin first.[^alam2014]"')
    cited.content.write_text(text.replace('[^juhasz2020]"\n      - cards', '"\n      - cards'), encoding="utf-8")
    assert numbers(cited.content, "bifold") == ["harris2015", "chu2021", "alam2014", "juhasz2020"]


def test_many_unknown_citations_are_named_up_to_a_limit(cited: Inputs, capsys: pytest.CaptureFixture[str]) -> None:
    marks = "".join(f"[^nope{i}]" for i in range(limits.CITATION_PROBLEMS + 7))
    write(cited, "tiny pricks.[^chu2021]", f"tiny pricks.[^chu2021]{marks}")
    status, errors, _ = check(cited, capsys)
    assert status == 1 and len(errors) == limits.CITATION_PROBLEMS + 1
    assert "error: 7 more citations name no reference" in errors[-1]


@pytest.mark.parametrize(
    ("field", "old", "new"),
    [
        (
            "url",
            "url: https://pubmed.ncbi.nlm.nih.gov/34448760/",
            "url: https://www.ncbi.nlm.nih.gov/books/NBK459344/?report=reader&utm_source=leaflet_campaign_2026",
        ),
        (
            "doi",
            "doi: 10.1001/jamadermatol.2013.6955",
            'doi: "10.1002/(SICI)1097-4636(199606)31:2<213::AID-JBM9>3.0.CO;2-K"',
        ),
    ],
)
def test_a_reference_address_too_long_for_large_print_is_told_at_its_line(
    tmp_path: Path, field: str, old: str, new: str
) -> None:
    """Large print prints each reference in full, with its DOI and address: one too long for the column was an error
    at content.yaml:1:1 (its page and region for a key) with the hint to write it as a link on words, which a
    reference's address cannot be. It is told at the reference's own `url:` or `doi:`, with what helps there; not
    at an earlier reference's whose address begins the same way (the review's case: the first one found was told)."""
    text = CONTENT.read_text(encoding="utf-8")
    assert text.count(old) == 1
    text = text.replace(old, new)
    first = '    short: "Litchman G et al. Microneedling. StatPearls (NCBI Bookshelf)."\n'
    prefix = "https://www.ncbi.nlm.nih.gov/books/" if field == "url" else "10.1002/(SICI)1097-4636"  # (shorter)
    text = text.replace(first, first + f'    {field}: "{prefix}"\n', 1)
    content = tmp_path / "content.yaml"
    content.write_text(text, encoding="utf-8")
    src, diags = api.load(content, BRAND)
    assert src is not None, [d.format() for d in diags]
    result = api.build(src, api.Options(layout="large-print"))
    (found,) = [d for d in result.diagnostics if "too long for its column" in d.message]
    line, col = position(text, new.split(": ", 1)[1])
    assert (found.location.line, found.location.column) == (line, col), found.format()
    assert found.location.key.startswith("references[") and found.location.key.endswith(f".{field}"), found.format()
    assert "link on words" not in found.hint and "reference" in found.hint, found.format()
    assert found.message.startswith(f"a reference's {'DOI' if field == 'doi' else 'web address'} is "), found.format()
