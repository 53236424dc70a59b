"""The office edition is a tagged PDF/UA-1: its structure tree, read back with pikepdf alone (tests/tagged.py),
holds every word printed exactly once, in the folded leaflet's reading order, with headings, lists, figures and
links as a screen reader needs them; independent PDF/UA-1 checkers find nothing; the press edition stays
PDF/X-1a and untagged."""

from __future__ import annotations

import dataclasses
import io
import itertools
import re
import tempfile
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import page as page_validation
import pdfua
import pikepdf
import pytest
from conftest import Inputs, edit, position
from helpers import BRAND, CONTENT, MAPLE, ROOT, actual_texts, build, cli, reopen, result_of, sources, words_written
from PIL import Image
from tagged import Tagged

from brochure import api
from brochure.inputs.brand import load_brand
from brochure.inputs.editions import load_editions
from brochure.inputs.inline import display_url, plain
from brochure.layout.blocks import CALL_TO_ACTION
from brochure.layout.citations import block_texts
from brochure.layout.model import Layout, Text
from brochure.render.structure import Content, structure_of
from brochure.vocabulary import LAYOUTS

SPANISH = ROOT / "translations" / "es.yaml"
ELM = ROOT / "assets/brands/elm-park/brand.yaml"
AMERICAN = ROOT / "translations" / "en-US.yaml"


@cache
def _built(content: Path = CONTENT, brand: Path = BRAND, layout: str = "trifold", target: str = "office") -> api.Result:
    result = result_of(sources(content, brand), api.Options(layout=layout, target=target))  # type: ignore[arg-type]
    assert result.ok and result.pdf is not None and result.layout is not None, [d.format() for d in result.diagnostics]
    return result


def _open(result: api.Result) -> Tagged:
    assert result.pdf is not None
    return Tagged(pikepdf.open(io.BytesIO(result.pdf)))


def _office_editions() -> list[tuple[Path, Path, str]]:
    """(content, kit, layout) of every office edition editions.yaml ships."""
    editions, diags = load_editions(ROOT / "editions.yaml")
    assert editions is not None, [d.format() for d in diags]
    return [
        (content, group.kit, layout)
        for group in editions.groups
        if "office" in group.targets
        for content in group.contents
        for layout in group.layouts
    ]


def _name(edition: tuple[Path, Path, str]) -> str:
    content, kit, layout = edition
    return f"{kit.parent.name}-{content.stem}-{layout}"


# -- an independent checker ------------------------------------------------------------------------------------


@pytest.mark.parametrize("edition", _office_editions(), ids=_name)
def test_every_shipped_office_edition_passes_independent_pdfua_checkers(edition: tuple[Path, Path, str]) -> None:
    """page-validation (a PDF/UA-1 validator that passes veraPDF's test corpus: 104 machine-checkable rules) and
    pdfua (16 rules, on pikepdf) find nothing in any office edition: every brand, language and layout shipped."""
    content, kit, layout = edition
    pdf = _built(content, kit, layout).pdf
    assert pdf is not None
    report = page_validation.validate_pdf_bytes(pdf, profile="ua1")
    assert [(f.rule_id, f.message) for f in report.failures] == []
    assert report.is_compliant and report.rules.total >= 100
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(pdf)
        f.flush()
        assert [(x.rule_id, x.message) for x in pdfua.validate(f.name).findings] == []


def test_the_shipped_editions_cover_every_layout_brand_and_language() -> None:
    """The checker above runs on all four layouts, all four clinics and every language shipped."""
    editions = _office_editions()
    assert {layout for _, _, layout in editions} == set(LAYOUTS)
    assert len({kit for _, kit, _ in editions}) == 4
    shipped = {CONTENT.name} | {p.name for p in (ROOT / "translations").glob("*.yaml")}
    assert {content.name for content, _, _ in editions} == shipped


# -- every word once -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_word_printed_is_in_exactly_one_element_or_an_artifact(layout: str) -> None:
    """Page by page: nothing is painted outside marked content, no marked content is nested, every MCID belongs to
    exactly one element (and the ParentTree says so), and the words in elements and in artifacts are the words
    of the frames' text lines, in the order they are printed (page numbers the only words in artifacts)."""
    result = _built(layout=layout)
    assert result.layout is not None
    doc = _open(result)
    assert doc.root is not None
    owners = Counter(k for node in doc.root.walk() for k in node.own)
    parents = doc.pdf.Root.StructTreeRoot.ParentTree.Nums
    for number, (page, frames) in enumerate(zip(doc.pages, result.layout.pages, strict=True)):
        assert page.unmarked == [] and all(m.depth == 0 for m in page.marked)
        tagged = [m for m in page.marked if m.mcid is not None]
        assert all(owners[(number, m.mcid)] == 1 for m in tagged)
        assert len(owners) >= len(tagged) and sorted(m.mcid for m in tagged) == list(range(len(tagged)))
        tree = dict(zip(parents[0::2], parents[1::2], strict=True))[int(doc.pdf.pages[number].StructParents)]
        for node in doc.root.walk():
            for p, mcid in node.own:
                if p == number:
                    assert tree[mcid].objgen == node.obj.objgen
        assert all(m.tag == "Artifact" for m in page.marked if m.mcid is None)
        lines = sorted((i for i in frames.items if isinstance(i, Text)), key=lambda i: i.z)
        words = "".join(w for m in tagged for _, w in m.words)
        assert _bare(words) == _bare("".join(t.text for t in lines if t.role != "folio"))
        artifacts = "".join(m.text for m in page.marked if m.mcid is None)
        assert _bare(artifacts) == _bare("".join(t.text for t in lines if t.role == "folio"))


def _bare(text: str) -> str:
    return "".join(text.split())


def test_every_glyph_maps_to_unicode_and_the_document_says_what_it_is() -> None:
    """Every code a page shows has a character in its font's ToUnicode map (none maps to U+0000); the catalog
    names the language, says it is tagged, shows the title and carries XMP with the PDF/UA-1 identifier."""
    for content, language in ((CONTENT, "en-GB"), (SPANISH, "es")):
        result = _built(content)
        doc = _open(result)
        assert all(page.unmapped == [] for page in doc.pages)
        for page in doc.pdf.pages:  # not even a code no text uses (a PDF/UA checker refuses U+0000)
            for font in page.Resources.Font.values():
                assert not re.search(rb"<[0-9A-Fa-f]+> <0000>", font.ToUnicode.read_bytes())
        root = doc.pdf.Root
        assert str(root.Lang) == language and bool(root.MarkInfo.Marked)
        assert bool(root.ViewerPreferences.DisplayDocTitle)
        assert doc.pdf.pdf_version == "1.7"
        assert all(page.obj.Tabs == "/S" and "/StructParents" in page.obj for page in doc.pdf.pages)
        xmp = root.Metadata.read_bytes().decode()
        assert "<pdfuaid:part>1</pdfuaid:part>" in xmp
        title = str(doc.pdf.docinfo.Title)
        assert f'<rdf:li xml:lang="x-default">{title}</rdf:li>' in xmp and title.startswith("Micro")


def test_the_press_edition_stays_untagged_pdf_x() -> None:
    pdf = _built(target="press").pdf
    assert pdf is not None
    with reopen(pdf) as doc:
        assert "/StructTreeRoot" not in doc.Root and "/MarkInfo" not in doc.Root
        assert str(doc.docinfo["/GTS_PDFXVersion"]) == "PDF/X-1:2001"
        assert b"BDC" not in b"".join(
            pikepdf.unparse_content_stream(pikepdf.parse_content_stream(p)) for p in doc.pages
        )


# -- order, headings, figures, lists, links --------------------------------------------------------------------


def _headings(doc: Tagged) -> list[tuple[int, str]]:
    assert doc.root is not None
    return [(int(n.kind[1]), " ".join(doc.text(n).split())) for n in doc.root.walk() if re.fullmatch(r"H\d", n.kind)]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_the_structure_is_in_the_folded_reading_order(layout: str) -> None:
    """The title, then the sections where a reader meets them (the outline, made from the layout's views: on the
    tri-fold the flap's sections after the first inside panel's), then the call to action; a section that runs on
    into a later panel is one Sect."""
    result = _built(layout=layout)
    assert result.layout is not None
    doc = _open(result)
    headings = [text for level, text in _headings(doc) if level <= 2]
    assert headings == ["Micro-needling", *(title for title, _ in result.layout.outline)]  # (the call to action's
    assert result.layout.outline[-1][0] == "Book a consultation"  # last, an entry of the outline as the sections)
    assert doc.root is not None
    kinds = [n.kind for n in doc.root.elements]
    assert kinds == ["Sect"] * (len(result.layout.outline) + 1) and doc.root.own == []  # (the cover's, each
    # section's, and the back's with the call to action and the fine print)
    if layout == "trifold":
        assert headings[1:5] == [
            "What is micro-needling?",
            "What it can and cannot do",
            "Is it right for me?",
            "Other options",
        ]


def _heading_order(layout: Layout) -> list[str]:
    """The level-2 headings of the structure made from these frames, in structure order."""
    structure = structure_of(layout)
    words: dict[tuple[int, int], str] = {}
    for p, page in enumerate(layout.pages):
        for item in page.items:
            for m in structure.marks[p].get(item.z, ()):
                if isinstance(item, Text) and m.mcid >= 0:
                    words[(p, m.mcid)] = "".join(r.text for r in item.runs[m.start : m.end])
    return [
        "".join(words[(k.page, k.mcid)] for k in kids if isinstance(k, Content)).strip()
        for element, kids in zip(structure.elements, structure.kids, strict=True)
        if element.kind == "H2"
    ]


def test_the_structure_follows_the_layouts_reading_steps_alone() -> None:
    """Mirror the tri-fold's reading steps (as a right-to-left leaflet opens): the flap is met before the first
    inside panel, and its sections come first; nothing else changes."""
    layout = _built().layout
    assert layout is not None
    mirrored = dataclasses.replace(layout, views=tuple(tuple(reversed(view)) for view in layout.views))
    order, flipped = _heading_order(layout), _heading_order(mirrored)
    assert order.index("What is micro-needling?") < order.index("Is it right for me?")
    assert flipped.index("Is it right for me?") < flipped.index("What is micro-needling?")
    assert sorted(order) == sorted(flipped) and order[-1] == flipped[-1] == "Book a consultation"


@pytest.mark.parametrize("content", [CONTENT, SPANISH, AMERICAN])
def test_headings_nest_without_skipping_a_level(content: Path) -> None:
    brand = MAPLE if content == AMERICAN else BRAND
    for layout in LAYOUTS:
        levels = [level for level, _ in _headings(_open(_built(content, brand, layout)))]
        assert levels[0] == 1 and levels.count(1) == 1, layout
        assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), (layout, levels)
        assert levels.count(2) >= 8 and 3 in levels


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_title_written_broken_after_a_hyphen_reads_as_one_word(inputs: Inputs, layout: str) -> None:
    """The title written 'Micro-' + 'needling' (on two lines, as the README shows) prints on two lines and reads
    'Micro-needling' from the PDF's tags, not 'Micro- needling'; a section heading, a subheading and the call to
    action's heading likewise. A line broken at a space still reads as two words."""
    edit(inputs.content, "title: Micro-needling", 'title: "Micro-\\nneedling"')
    edit(inputs.content, "heading: What is it?", 'heading: "What is micro-\\nneedling?"')
    edit(inputs.content, "      - cards:", '      - subheading: "Skin-\\ndeep\\nor not"\n      - cards:')
    edit(inputs.content, "heading: Book a consultation", 'heading: "Book a follow-\\nup"')
    result = build(inputs, layout=layout)
    assert result.ok and result.pdf is not None and result.layout is not None, [d.format() for d in result.diagnostics]
    title = [t.text for p in result.layout.pages for t in p.items if isinstance(t, Text) and t.role == "title"]
    assert title == ["Micro-", "needling"]  # (as written: two lines)
    said = _open(result).read_aloud()
    assert "heading level 1: Micro-needling" in said, said
    assert "heading level 2: What is micro-needling?" in said, said
    assert "heading level 3: Skin-deep or not" in said, said
    assert "heading level 2: Book a follow-up" in said, said
    assert not [line for line in said if "- " in line and "needling" in line]
    assert page_validation.validate_pdf_bytes(result.pdf, profile="ua1").failures == []


@pytest.mark.parametrize(("layout", "cited"), [("trifold", "[1]"), ("large-print", "\xa0[1]")])
def test_a_title_broken_after_a_hyphen_reads_its_citation_too(tmp_path: Path, layout: str, cited: str) -> None:
    """The title's /ActualText stands for all its words: a citation printed in it ('Micro-needling' + '1' raised, or
    '[1]' in brackets in large print) is read from it too, as the Reference's words or as printed; it was lost."""
    text = CONTENT.read_text(encoding="utf-8")
    assert text.count("title: Micro-needling\n") == 1
    src = words_written(tmp_path, text.replace("title: Micro-needling\n", 'title: "Micro-\\nneedling[^alam2014]"\n'))
    result = api.build(src, api.Options(layout=layout))
    assert result.ok and result.pdf is not None, [d.format() for d in result.diagnostics]
    doc = _open(result)
    assert doc.root is not None
    (title,) = [n for n in doc.root.walk() if n.kind == "H1"]
    assert str(title.obj.ActualText) == f"Micro-needling{cited}"


@pytest.mark.parametrize("layout", LAYOUTS)
def test_titles_under_a_subheading_nest_under_it(inputs: Inputs, layout: str) -> None:
    """A card's title, a callout's title and a question after a `subheading:` are headings one level under it
    (H4 under its H3), up to the section's end; without a subheading before them they are H3 under the section's
    H2. A subheading is always H3 (a second one is not nested in the first)."""
    edit(
        inputs.content,
        "      - cards:",
        "      - subheading: What it can do\n      - cards:",
    )
    edit(
        inputs.content,
        '          - "Redness for 1 to 3 days"\n',
        '          - "Redness for 1 to 3 days"\n'
        "      - callout: {title: Call us, text: If it lasts longer.}\n"
        "      - subheading: Questions\n"
        "      - faq:\n"
        "          - {q: Does it hurt?, a: A little.}\n"
        "      - subheading: Later\n"
        "      - callout: {title: Sun, text: Wear sunscreen.}\n",
    )
    result = build(inputs, layout=layout)
    assert result.ok and result.pdf is not None, [d.format() for d in result.diagnostics]
    headings = _headings(_open(result))
    assert headings[:2] == [(1, "Micro-needling"), (2, "What is it?")]
    assert [h for h in headings if h[1] not in ("Micro-needling", "Book a consultation")] == [
        (2, "What is it?"),
        (3, "What it can do"),
        (4, "Smoother texture"),
        (2, "Risks"),
        (3, "Call us"),
        (3, "Questions"),
        (4, "Does it hurt?"),
        (3, "Later"),
        (4, "Sun"),
    ]


@pytest.mark.parametrize(
    ("content", "drawing", "qr"),
    [
        (CONTENT, "Drawing of a cross-section of skin, labelled: ", "QR code that opens clearwaterskin.co.uk/book"),
        (SPANISH, "Dibujo de un corte de la piel, con las etiquetas: ", "Código QR que abre clearwaterskin.co.uk/book"),
    ],
)
def test_every_figure_has_a_text_alternative_in_the_leaflets_language(content: Path, drawing: str, qr: str) -> None:
    """The logo, the skin drawing (named by its labels, in the content's language) and the QR code are figures
    with /Alt and a bounding box on their page; icons beside words, tints and the colour field are artifacts."""
    for layout in ("trifold", "large-print"):
        doc = _open(_built(content, layout=layout))
        assert doc.root is not None
        figures = [n for n in doc.root.walk() if n.kind == "Figure"]
        alts = [n.alt for n in figures]
        assert all(alt.strip() for alt in alts)
        assert alts[0] == "Clearwater Skin Clinic" and alts[-1] == qr
        assert sum(alt.startswith(drawing) for alt in alts) == 1 and len(figures) == 3
        for node in figures:
            x1, y1, x2, y2 = (float(v) for v in node.obj.A.BBox)
            media = node.obj.Pg.MediaBox
            assert 0 <= x1 < x2 <= float(media[2]) and 0 <= y1 < y2 <= float(media[3])


@pytest.mark.parametrize(
    ("labels", "alt"),
    [
        ("", "Drawing of a cross-section of skin."),
        (", labels: {epidermis: Top, dermis: Deep}", "Drawing of a cross-section of skin, labelled: Top, Deep."),
    ],
)
def test_the_skin_drawing_with_no_labels_is_named_by_what_it_shows(inputs: Inputs, labels: str, alt: str) -> None:
    """A skin drawing given no labels prints none, and its text alternative read "Drawing of a cross-section of
    skin, labelled: ." (an accessibility review, 2026-12-06): it says what the drawing shows, and no more."""
    edit(inputs.content, "      - cards:", f"      - illustration: {{name: skin-section{labels}}}\n      - cards:")
    result = build(inputs)
    assert result.ok, [d.format() for d in result.diagnostics]
    doc = _open(result)
    assert doc.root is not None
    assert [n.alt for n in doc.root.walk() if n.kind == "Figure" and "skin" in n.alt] == [alt]


def test_a_picture_is_a_figure_with_the_contents_alt_and_its_caption_follows(inputs: Inputs) -> None:
    Image.new("RGB", (1200, 800), (200, 180, 160)).save(inputs.content.parent / "room.png")
    edit(
        inputs.content,
        "      - cards:",
        '      - image: {src: room.png, alt: "A reclining chair under a lamp", caption: "Our treatment room"}\n'
        "      - cards:",
    )
    result = build(inputs)
    assert result.ok and result.pdf is not None, [d.format() for d in result.diagnostics]
    assert page_validation.validate_pdf_bytes(result.pdf, profile="ua1").failures == []
    doc = _open(result)
    assert doc.root is not None
    (sect,) = [n for n in doc.root.elements if any(k.alt == "A reclining chair under a lamp" for k in n.elements)]
    kinds = [(k.kind, k.alt or " ".join(doc.text(k).split())) for k in sect.elements]
    at = kinds.index(("Figure", "A reclining chair under a lamp"))
    assert kinds[at + 1] == ("Caption", "Our treatment room")


def test_lists_steps_and_contact_lines_are_lists() -> None:
    """Bullets: L (disc) of LI > LBody > P; steps: L (decimal) of LI > Lbl (the number) + LBody (title, text);
    the back's contact lines: a list of four, three of them links; the number under "Call us" (a `contact:`
    block): a list of one, a link."""
    doc = _open(_built())
    assert doc.root is not None
    lists = [n for n in doc.root.walk() if n.kind == "L"]
    numbering = Counter(str(n.obj.A.ListNumbering) for n in lists)
    assert numbering == {"/Disc": 8, "/Decimal": 1, "/None": 2}  # as content.yaml's tri-fold has them
    for node in lists:
        items = node.elements
        assert items and all(i.kind == "LI" for i in items)
        for item in items:
            kinds = [k.kind for k in item.elements]
            assert kinds == (["Lbl", "LBody"] if node.obj.A.ListNumbering == "/Decimal" else ["LBody"])
    (steps,) = [n for n in lists if n.obj.A.ListNumbering == "/Decimal"]
    labels = [doc.text(n) for n in steps.walk() if n.kind == "Lbl"]
    assert labels == ["1", "2", "3", "4"]
    bodies = [n for n in steps.walk() if n.kind == "LBody"]
    assert all([k.kind for k in body.elements] == ["P", "P"] for body in bodies)  # a step's title is no heading
    call_us, contact = [n for n in lists if n.obj.A.ListNumbering == "/None"]  # (in reading order: the back last)
    assert [" ".join(doc.text(n).split()) for n in call_us.elements] == ["0117 496 0321"]
    assert sum(1 for n in call_us.walk() if n.kind == "Link") == 1
    assert [" ".join(doc.text(n).split()) for n in contact.elements] == [
        "0117 496 0321",
        "hello@clearwaterskin.co.uk",
        "clearwaterskin.co.uk",
        "14 Harbour Street, Bristol BS1 4QA",
    ]
    assert sum(1 for n in contact.walk() if n.kind == "Link") == 3


@pytest.mark.parametrize("content", [CONTENT, ROOT / "translations" / "ar.yaml"], ids=["en", "ar"])
def test_the_large_prints_sources_are_a_numbered_list_each_item_its_number_then_its_text(content: Path) -> None:
    """The sources in full: L (decimal) of LI > Lbl (its number, printed hanging beside it) + LBody (its text), as
    the steps' list is and as a screen reader announces a numbered item; the number is no part of the text (right
    to left too)."""
    doc = _open(_built(content, BRAND, "large-print"))
    assert doc.root is not None
    refs = sources(content).content.references
    lists = [n for n in doc.root.walk() if n.kind == "L" and n.obj.A.ListNumbering == "/Decimal"]
    (listed,) = [n for n in lists if any(plain(r.text)[:20] in " ".join(doc.text(n).split()) for r in refs)]
    assert len(listed.elements) >= 10
    for number, item in enumerate(listed.elements, 1):
        assert item.kind == "LI"
        assert [k.kind for k in item.elements] == ["Lbl", "LBody"]
        label, body = item.elements
        assert doc.text(label).strip() == str(number)
        said = " ".join(doc.text(body).split())
        assert any(plain(r.text)[:20] in said for r in refs) and not said.startswith(str(number))


@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_link_is_tagged_with_its_words(layout: str) -> None:
    """Each link annotation names its Link element (StructParent, through the ParentTree), which owns it (OBJR)
    and holds the words it covers; its /Contents says them; the links are the frames' links."""
    result = _built(layout=layout)
    assert result.layout is not None
    doc = _open(result)
    assert doc.root is not None
    parents = doc.pdf.Root.StructTreeRoot.ParentTree.Nums
    by_key = dict(zip(parents[0::2], parents[1::2], strict=True))
    links = {n.obj.objgen: n for n in doc.root.walk() if n.kind == "Link"}
    annotations = [a for page in doc.pdf.pages for a in page.obj.get("/Annots", [])]
    assert len(annotations) == sum(len(p.links) for p in result.layout.pages) > 0
    for annot in annotations:
        node = links[by_key[int(annot.StructParent)].objgen]
        assert annot.objgen in [a.objgen for a in node.annotations]
        words = " ".join(doc.text(node).split())
        whole = "".join(words.split())  # (an address broken over lines where it allows is described whole)
        assert words and str(annot.Contents) == (whole if whole in str(annot.A.URI) else words)
    assert sum(len(n.annotations) for n in links.values()) == len(annotations)


@pytest.mark.parametrize(("layout", "brand"), [("bifold", BRAND), ("flyer", ELM)], ids=["bifold", "flyer-elm-park"])
def test_the_qr_boxs_booking_address_is_read_whole_under_the_boxs_one_link(layout: str, brand: Path) -> None:
    """The back's booking address, too long for the line beside the QR code, prints over two lines: it was two
    links, the first described as the clinic's site ("clearwaterskin.co.uk") though it opens the booking page,
    the second as "/book", their areas under the QR box's own link (the accessibility auditor's findings: two
    tab stops to one place, a focus box far larger than its words). The box's link, over the code, its label and
    the address, is the one link to the booking page there; the address is read whole, printed in the link colour."""
    result = result_of(sources(CONTENT, brand), api.Options(layout=layout))  # type: ignore[arg-type]
    assert result.ok and result.layout is not None and result.layout.qr is not None
    doc = _open(result)
    assert doc.root is not None
    kit = load_brand(brand)[0]
    assert kit is not None
    url = kit.contact.booking_url
    page = result.layout.qr.page
    booked = [a for a in doc.pdf.pages[page].obj.get("/Annots", []) if str(a.A.URI) == url]
    assert len(booked) == 1 and str(booked[0].Contents) == "Scan to book", [str(a.Contents) for a in booked]
    box = next(link.box for link in result.layout.pages[page].links if link.url == url)
    inside = [t for t in result.layout.pages[page].items if isinstance(t, Text) and box.x <= t.box.x < box.right]
    lines = [t for t in inside if box.y <= t.box.y < box.top and t.text and t.text in display_url(url)]
    assert len(lines) == 2 and "".join(t.text for t in lines) == display_url(url)  # (under the box's link)
    assert display_url(url) in doc.read_aloud()  # (read whole: it was read as two words, "clearwaterskin.co.uk /book")


def test_a_paragraph_run_on_into_another_page_is_one_paragraph(tmp_path: Path) -> None:
    """A paragraph too long for one large-print page runs on to the next: one P, whose words are on both pages,
    read as one."""
    text = CONTENT.read_text(encoding="utf-8")
    old = "Micro-needling is a skin treatment."
    assert text.count(old) == 1
    long = " ".join(["Micro-needling makes tiny channels in the skin, which heal over the weeks after."] * 36)
    (tmp_path / "content.yaml").write_text(text.replace(old, long), encoding="utf-8")
    result = result_of(sources(tmp_path / "content.yaml"), api.Options(layout="large-print"))
    assert result.ok and result.layout is not None, [d.format() for d in result.diagnostics if d.is_error]
    pages: dict[str, set[int]] = {}
    for number, page in enumerate(result.layout.pages):
        for item in page.items:
            if isinstance(item, Text) and item.role == "paragraph" and item.element:
                pages.setdefault(item.element, set()).add(number)
    (split,) = [key for key, on in pages.items() if len(on) == 2]
    texts = [t for page in result.layout.pages for t in page.items if isinstance(t, Text)]
    lines = [_cited(t) for t in texts if t.element == split]
    doc = _open(result)
    assert doc.root is not None
    (para,) = [n for n in doc.root.walk() if n.kind == "P" and {p for p, _ in n.contents()} == pages[split]]
    assert _bare(doc.text(para)) == _bare("".join(lines))


def test_the_sources_set_in_two_columns_are_one_paragraph() -> None:
    """The bi-fold's back sets its fine print in two columns, the sources parted between two references: they were
    two P elements, two paragraphs to a screen reader where one is printed (an accessibility review, 2026-12-06)."""
    result = _built(layout="bifold")
    assert result.layout is not None
    xs = {t.box.x for p in result.layout.pages for t in p.items if isinstance(t, Text) and "Dermatol" in t.text}
    assert len(xs) == 2  # (the sources are in both columns)
    doc = _open(result)
    assert doc.root is not None
    said = [" ".join(doc.text(n).split()) for n in doc.root.walk() if n.kind == "P"]
    (cited,) = [s for s in said if "Dermatol" in s]
    assert cited.startswith("Sources 1 Litchman") and cited.endswith("In full, with DOIs: our large-print edition.")


def test_a_hyphen_added_where_a_word_breaks_at_a_soft_hyphen_is_read_as_part_of_the_word(tmp_path: Path) -> None:
    """A long word given soft hyphens ("sub\\u00adcision") prints '-' where its line breaks there, as a typed
    hyphen prints: a screen reader and a copy read the two halves as two words ("sub- cision"). The added hyphen is
    a Span whose /ActualText is U+00AD (the soft hyphen a tagged PDF represents it by), read as part of the word;
    it prints as before."""
    lines = CONTENT.read_text(encoding="utf-8").split("\n")
    for i, line in enumerate(lines):  # every long word of the double-quoted texts given a soft hyphen each 3 letters
        if line.lstrip().startswith(("text:", "- text:", '- "')):
            lines[i] = re.sub(r"(?<![\\\w^\[/.:])[a-z]{7,}(?![\w\]/])", lambda m: _softly(m.group()), line)
    words = "\n".join(lines).replace("collagen: New collagen", 'collagen: "New col\\u00adla\\u00adgen"')
    (tmp_path / "content.yaml").write_text(words, encoding="utf-8")
    result = result_of(sources(tmp_path / "content.yaml"), api.Options(layout="trifold"))
    assert result.ok and result.layout is not None and result.pdf is not None
    doc = _open(result)
    assert doc.root is not None
    drawn = [n.alt for n in doc.root.walk() if n.kind == "Figure" and "collagen" in n.alt]
    assert len(drawn) == 1 and "New collagen" in drawn[0], drawn  # (a label's soft hyphens say nothing)
    texts = [t for page in result.layout.pages for t in page.items if isinstance(t, Text)]
    broken = [t for t in texts if t.runs and [r.actual for r in t.runs if r.text][-1:] == ["\xad"]]
    assert len(broken) >= 5  # (9: plain and styled paragraphs, list items)
    assert all(t.text.endswith("\xad") and [r.text for r in t.runs if r.text][-1] == "-" for t in broken)
    assert not any(r.actual == "\xad" for t in texts if t not in broken for r in t.runs)  # (only where a word broke)
    assert [a for a in actual_texts(result.pdf) if a == "\xad"] == ["\xad"] * len(broken)
    heard = " ".join(line for line in doc.read_aloud())
    for t in broken:  # the word read whole: its first part and the next line's first word, with no break
        after = texts[texts.index(t) + 1].text.split()[0]
        word = t.text.split()[-1][:-1] + after
        assert word.strip(".,;:)") in heard.split() or word in heard, word
    assert "- " not in re.sub(r"\d-\d|\s-\s", "", heard)  # (no word heard as broken in two)


def _softly(word: str) -> str:
    return "\\u00ad".join(word[i : i + 3] for i in range(0, len(word), 3))


def _cited(line: Text) -> str:
    """A line's words as a reader meets them: a citation's raised number in brackets."""
    return "".join(f"[{r.text}]" if r.rise > 0 else r.text for r in line.runs)


def test_a_citations_number_is_read_as_a_reference_in_brackets_not_run_into_its_word() -> None:
    """A citation: "scars¹" was read (and copied) as "scars1", "fine lines.²" as "lines.2": each raised number is a
    Reference element that says "[1]", in the paragraph it is part of."""
    result = _built()
    assert result.layout is not None
    doc = _open(result)
    assert doc.root is not None
    raised = [r.text for p in result.layout.pages for t in p.items if isinstance(t, Text) for r in t.runs if r.rise]
    references = [n for n in doc.root.walk() if n.kind == "Reference"]
    assert len(references) == len(raised) > 10
    assert sorted(str(n.obj.ActualText) for n in references) == sorted(f"[{text}]" for text in raised)
    assert all(str(n.obj.P.S) in ("/P", "/LBody", "/Link") for n in references)
    (para,) = [n for n in doc.root.walk() if n.kind == "P" and "slowly improve scars" in doc.text(n)]
    assert "improve scars[1] and may make skin firmer and soften fine lines.[2]" in " ".join(doc.text(para).split())


# -- read aloud ------------------------------------------------------------------------------------------------


def _letters(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalpha())


def _expected(layout: Layout, content: Path, name: str) -> list[str]:
    """What the content file says a reader hears, in order: the cover's words, each section as the outline
    orders it (its heading, then its blocks' texts in the content's order), the call to action, the disclaimer."""
    c = sources(content).content
    by_id = {s.id: s for s in c.sections}
    out = [t for t in (c.cover.kicker, c.title, c.subtitle, c.cover.lead) if t]
    for title, sid in layout.outline:
        if sid == CALL_TO_ACTION:  # (its entry last in the outline: its words follow)
            continue
        section = by_id.get(sid)
        if section is None:  # the sources in full (large print)
            out.append(title)
            continue
        out.append(section.heading)
        for block in section.blocks_in(name):  # type: ignore[arg-type]
            out.extend(block_texts(block))
    cta = c.call_to_action
    return [*(plain(t) for t in out), plain(cta.heading), plain(cta.text), plain(c.disclaimer)]


@pytest.mark.parametrize("content", [CONTENT, SPANISH])
@pytest.mark.parametrize("layout", LAYOUTS)
def test_the_tagged_text_reads_aloud_in_the_content_files_order(content: Path, layout: str) -> None:
    """Extracted in structure order (headings, paragraphs, list items, captions; figures by their text
    alternative), the words come in the order of the content file's texts, section by section where a reader
    meets them: nothing out of place, nothing missing."""
    result = _built(content, layout=layout)
    assert result.layout is not None
    heard = _letters(" ".join(text for _, text in _open(result).blocks()))
    at = 0
    for text in _expected(result.layout, content, layout):
        start = _letters(text)[:40]
        found = heard.find(start, at)
        assert found >= 0, (text, heard[at : at + 200])
        at = found + len(start)


def test_page_numbers_are_not_read() -> None:
    """The large-print edition's 'Page 2 of 10' is pagination: marked as a pagination artifact, in no element."""
    doc = _open(_built(layout="large-print"))
    heard = " ".join(text for _, text in doc.blocks())
    assert "Page 2 of" not in heard
    assert any(m.mcid is None and m.text.startswith("Page 2 of") for m in doc.pages[1].marked)
    content = pikepdf.unparse_content_stream(pikepdf.parse_content_stream(doc.pdf.pages[1]))
    assert b"/Type /Pagination" in content


# -- a change of language ----------------------------------------------------------------------------------------


def _list_items_by_language(pdf: bytes) -> tuple[str, list[str]]:
    """The document's language, and each list item's own (/Lang, or '' where it has none), in reading order."""
    doc = pikepdf.open(io.BytesIO(pdf))
    found: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, pikepdf.Array):
            for kid in node:
                walk(kid)
        elif isinstance(node, pikepdf.Dictionary) and node.get("/Type") == "/StructElem":
            if node.get("/S") == "/LI":
                found.append(str(node.get("/Lang", "")))
            walk(node.get("/K"))

    walk(doc.Root.StructTreeRoot.K)
    return str(doc.Root.Lang), found


@pytest.mark.parametrize("content", ["es", "ar"])
def test_english_sources_in_a_translated_large_print_say_they_are_english(content: str) -> None:
    """A translation's references are English sources (`language: en` on each): in the large print, where they
    are a list, each item says so (/Lang en), so that a screen reader reads them in English; the rest of the
    leaflet keeps the document's language. The English leaflet's own sources say nothing of the kind."""
    result = result_of(sources(ROOT / "translations" / f"{content}.yaml", BRAND), api.Options(layout="large-print"))
    assert result.pdf is not None
    language, items = _list_items_by_language(result.pdf)
    assert language == content
    assert items.count("en") == 14 and set(items) <= {"", "en"}  # the 14 sources, and lists of the words' own
    english = result_of(sources(CONTENT, BRAND), api.Options(layout="large-print")).pdf
    assert english is not None and set(_list_items_by_language(english)[1]) == {""}


@pytest.mark.parametrize("layout", ["trifold", "bifold", "flyer"])
@pytest.mark.parametrize("content", ["es", "ar"])
def test_english_sources_in_a_translated_folded_leaflet_say_they_are_english(content: str, layout: str) -> None:
    """A folded leaflet prints its sources as one paragraph, in short form: each English source in it is an
    element that says it is English (/Lang en), a Link where it leads to its DOI or address and a Span where it
    leads nowhere, so that a screen reader reads its words in English and the paragraph's own words (the word
    'Sources', the numbers) in the leaflet's language. Right to left too, where each source is set left to right.
    The English leaflet's sources say nothing of the kind."""
    src = sources(ROOT / "translations" / f"{content}.yaml", BRAND)
    result = api.build(src, api.Options(layout=layout))
    assert result.pdf is not None
    tagged = Tagged(pikepdf.open(io.BytesIO(result.pdf)))
    assert tagged.root is not None and str(tagged.pdf.Root.Lang) == content
    english = [n for n in tagged.root.walk() if str(n.obj.get("/Lang", "")) == "en"]
    refs = {" ".join(plain(r.short or r.text).split()): r for r in src.content.references}
    said = [" ".join(tagged.text(n).split()) for n in english]
    squeezed = {k.replace(" ", ""): k for k in refs}  # (right to left, the words of a Span of shaped text are
    said = [squeezed.get(s.replace(" ", ""), s) for s in said]  # read without spaces here: its glyphs alone)
    assert len(said) >= 8 and len(set(said)) == len(said) and set(said) <= set(refs), said
    for node, words in zip(english, said, strict=True):
        leads = refs[words].doi or refs[words].url
        assert node.kind == ("Link" if leads else "Span"), (words, node.kind)
    plain_leaflet = result_of(sources(CONTENT, BRAND), api.Options(layout=layout)).pdf
    assert plain_leaflet is not None
    own = Tagged(pikepdf.open(io.BytesIO(plain_leaflet)))
    assert own.root is not None and not [n for n in own.root.walk() if "/Lang" in n.obj or n.kind == "Span"]


def test_a_sources_language_must_be_a_language_tag(inputs: Inputs) -> None:
    """`language:` on a reference is a BCP 47 tag; anything else is an error at its line."""
    text = inputs.content.read_text(encoding="utf-8").replace(
        "document:", 'references:\n  - id: alam2014\n    text: "Alam M. A trial."\n    language: English!\ndocument:', 1
    )
    inputs.content.write_text(text.replace("pricks.", "pricks.[^alam2014]", 1), encoding="utf-8")
    src, diags = api.load(inputs.content, inputs.brand)
    assert src is None
    (found,) = [d.format() for d in diags if d.is_error]
    line = text.splitlines().index("    language: English!") + 1
    assert found.startswith(f"{inputs.content}:{line}:15: error: 'English!' is not a language tag"), found


def test_a_language_tag_too_long_to_name_a_file_is_an_error_at_language(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    """A valid tag of 367 characters (private use subtags) passed `check`, and `build` failed writing its PDF
    ("File name too long", at the output): it is an error at `language`, nothing written."""
    tag = "en-GB-x-" + "-".join(["abcdefgh"] * 40)
    text = edit(inputs.content, "language: en-GB", f"language: {tag}")
    out = inputs.content.parent / "out"
    status, _, err = cli(
        capsys, "build", "--content", str(inputs.content), "--brand", str(inputs.brand), "-o", str(out / "x.pdf")
    )
    line, col = position(text, tag)
    assert (
        status == 1 and f"{inputs.content}:{line}:{col}: error: 'en-GB-x-abcdefgh-abcdefg...' is 367 characters" in err
    )
    assert not out.exists()


def test_two_links_to_one_address_side_by_side_are_two_links(tmp_path: Path) -> None:
    """`[alpha](u)[beta](u)` on one line was one Link holding both annotations, each said as 'alpha beta': each is a
    Link of its own with its own words (a link broken across lines stays one Link: the test above)."""
    text = CONTENT.read_text(encoding="utf-8")
    old = "Never share one."
    assert text.count(old) == 1
    new = "Never share one. See [alpha](https://example.com/same)[beta](https://example.com/same)."
    (tmp_path / "content.yaml").write_text(text.replace(old, new), encoding="utf-8")
    doc = _open(_built(tmp_path / "content.yaml"))
    assert doc.root is not None
    said = {
        " ".join(doc.text(n).split()): [str(a.Contents) for a in n.annotations]
        for n in doc.root.walk()
        if n.kind == "Link" and n.annotations and "example.com/same" in str(n.annotations[0].A.URI)
    }
    assert said == {"alpha": ["alpha"], "beta": ["beta"]}, said


def _link_elements(first: Text, second: Text, url: str) -> list[Any]:
    """The Link elements of a hand-made layout of two lines of one element, each under a link to `url` (over the
    lines' boxes)."""
    from dataclasses import replace as changed

    from helpers import frames_layout

    from brochure.layout.model import Link, Page

    layout = frames_layout(first, second)
    page = layout.pages[0]
    links = (Link(url, first.box), Link(url, second.box))
    layout = changed(layout, pages=(Page(page.side, page.items, links, ()),))
    return [e for e in structure_of(layout).elements if e.kind == "Link"]


def test_a_link_broken_by_a_line_break_is_one_link_described_whole() -> None:
    """A guard (a hand-made layout: the shipped backs' booking address is no link of its own since the QR box's
    link covers it): a link over two lines parted by a line break, whose first line ends with the empty run the
    break leaves, is one Link with an annotation a line, not two parted by that run; an address broken over lines
    is described whole, as it is printed without the breaks."""
    from dataclasses import replace as changed

    from helpers import text_item

    from brochure.geometry.sheet import Rect as Box

    first = text_item(Box(40, 300, 98, 12), region="back", section="contact")
    second = text_item(Box(40, 288, 29, 12), region="back", section="contact")
    run = first.runs[0]
    first = changed(first, element="url", runs=(changed(run, text="clearwaterskin.co.uk", width=98), changed(
        run, text="", x=138, width=0)))  # fmt: skip
    second = changed(second, element="url", z=1, runs=(changed(run, text="/book", width=29),))
    owners = _link_elements(first, second, "https://clearwaterskin.co.uk/book")
    assert len(owners) == 1 and owners[0].description == "clearwaterskin.co.uk/book", owners


def test_a_links_words_broken_at_a_soft_hyphen_are_described_whole() -> None:
    """A guard (a hand-made layout): a link's words broken at a soft hyphen over two lines ("Nachsorge- / hinweise")
    are described as one word, as a screen reader reads them: the added hyphen (U+00AD) and the line break read
    nothing ("Nachsorge \\xad hinweise" read as two words)."""
    from dataclasses import replace as changed

    from helpers import text_item

    from brochure.geometry.sheet import Rect as Box
    from brochure.layout.model import SOFT_HYPHEN

    first = text_item(Box(40, 300, 60, 12), region="inside-1", section="aftercare")
    second = text_item(Box(40, 288, 40, 12), region="inside-1", section="aftercare")
    run = first.runs[0]
    first = changed(first, element="p", runs=(changed(run, text="Nachsorge", width=54), changed(
        run, text="-", x=94, width=6, actual=SOFT_HYPHEN)))  # fmt: skip
    second = changed(second, element="p", z=1, runs=(changed(run, text="hinweise", width=40),))
    owners = _link_elements(first, second, "https://example.org/nachsorge")
    assert [o.description for o in owners] == ["Nachsorgehinweise"], owners


@pytest.mark.parametrize("content", [CONTENT, SPANISH])
def test_the_kicker_printed_in_capitals_is_read_as_written(content: Path) -> None:
    """The folded leaflets print the cover's kicker in capitals ("PATIENT INFORMATION"; German "MASSE" for both
    "Maße" and "Masse"): a screen reader read the capitals, which some spell out letter by letter. Its element says
    the words as written (/ActualText); it prints as before."""
    from brochure.inputs.inline import plain

    result = _built(content)
    assert result.layout is not None
    kicker = plain(sources(content).content.cover.kicker or "")
    printed = [t for p in result.layout.pages for t in p.items if isinstance(t, Text) and t.region == "cover"]
    assert any(t.text == kicker.upper() for t in printed), [t.text for t in printed]
    doc = _open(result)
    assert doc.root is not None
    said = [str(n.obj.ActualText) for n in doc.root.walk() if n.kind == "P" and "/ActualText" in n.obj]
    assert said == [kicker]
    assert doc.read_aloud()[1] == kicker


def test_the_screen_reader_script_says_what_it_cannot_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`python tests/tagged.py FILE` (README) printed a traceback for a file missing, damaged or untagged (the press
    edition): one line on standard error, exit 1; a tagged edition is read aloud."""
    import tagged

    (tmp_path / "bad.pdf").write_bytes(b"not a PDF")
    press = result_of(sources(CONTENT, BRAND), api.Options(target="press")).pdf
    office = result_of(sources(CONTENT, BRAND), api.Options()).pdf
    assert press is not None and office is not None
    (tmp_path / "press.pdf").write_bytes(press)
    (tmp_path / "office.pdf").write_bytes(office)
    for name, said in (("none.pdf", "is not a file"), ("bad.pdf", "as a PDF"), ("press.pdf", "is not tagged")):
        assert tagged.main([str(tmp_path / name)]) == 1
        err = capsys.readouterr().err
        assert err.startswith("tagged.py: error: ") and said in err and err.count("\n") == 1, err
    assert tagged.main([str(tmp_path / "office.pdf")]) == 0
    assert "heading level 1: Micro-needling" in capsys.readouterr().out
