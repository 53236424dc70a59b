"""An Arabic leaflet (tests/data/content-ar.yaml, the kit's Latin family with IBM Plex Sans Arabic as its fallback),
measured in its frames and its PDF: every mark, icon, rule and label stands on the reading side of its words,
the skin drawing and the cover's colour field are mirror images, and the outline reads as the leaflet does."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest
from conftest import BRAND, LOGO
from helpers import copied_text, miscopied_words, result_of

from brochure import api
from brochure.layout.blocks import CALL_TO_ACTION
from brochure.layout.model import Frame, Layout, Page, Shape, Text
from brochure.theme.shaping import shape
from brochure.vocabulary import LayoutName

DATA = Path(__file__).parent / "data"
LABELS = ("إبر دقيقة", "البشرة", "كولاجين جديد", "الأدمة")  # as content-ar.yaml writes them
BODY = "  body: {family: Be Vietnam Pro}\n"


def kit(folder: Path, content: str, fallback: str = "IBM Plex Sans Arabic") -> api.Sources:
    (folder / "logo.svg").write_text(LOGO, encoding="utf-8")
    (folder / "brand.yaml").write_text(BRAND.replace(BODY, BODY + f"  fallbacks: [{fallback}]\n"), encoding="utf-8")
    (folder / "content.yaml").write_text(content, encoding="utf-8")
    src, diags = api.load(folder / "content.yaml", folder / "brand.yaml")
    assert src is not None, [d.format() for d in diags]
    return src


@pytest.fixture(scope="module")
def arabic(tmp_path_factory: pytest.TempPathFactory) -> api.Sources:
    return kit(tmp_path_factory.mktemp("ar"), (DATA / "content-ar.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> api.Sources:
    """The same leaflet's geometry in English words (the comparison for what the mirror image must be)."""
    text = (DATA / "content-ar.yaml").read_text(encoding="utf-8").replace("language: ar", "language: en", 1)
    text = text[: text.index("\nwords:")] + "\n"
    return kit(tmp_path_factory.mktemp("en"), text)


_built: dict[tuple[int, str], api.Result] = {}


def built(src: api.Sources, layout: LayoutName = "trifold") -> api.Result:
    key = (id(src), layout)
    if key not in _built:
        result = api.build(src, api.Options(layout=layout))
        assert result.pdf is not None and result.layout is not None
        assert not [d.format() for d in result.diagnostics if d.is_error]
        _built[key] = result
    return _built[key]


def lay(src: api.Sources, layout: LayoutName = "trifold") -> Layout:
    result = built(src, layout)
    assert result.layout is not None
    return result.layout


def items(layout: Layout) -> Iterator[tuple[Page, Frame]]:
    for page in layout.pages:
        for item in page.items:
            yield page, item


def inside(box: Frame, outer: Frame) -> bool:
    b, o = box.box, outer.box
    return o.x - 0.5 <= b.x and b.right <= o.right + 0.5 and o.y - 0.5 <= b.y and b.top <= o.top + 0.5


# -- the skin drawing -------------------------------------------------------------------------------------------


def drawing(layout: Layout) -> tuple[list[Text], list[Shape]]:
    labels = [i for _, i in items(layout) if isinstance(i, Text) and i.role == "label" and i.element.startswith("#")]
    labels = [t for t in labels if t.entry is None]
    figure = labels[0].element
    shapes = [i for _, i in items(layout) if isinstance(i, Shape) and i.element == figure]
    return labels, shapes


def test_the_skin_drawing_is_mirrored_its_labels_at_the_left_flush_right_against_their_leaders(
    arabic: api.Sources, english: api.Sources
) -> None:
    labels, shapes = drawing(lay(arabic))
    assert sorted(t.text for t in labels) == sorted(LABELS)  # as written
    skin = [s for s in shapes if s.fill is not None and s.box.w > 50]  # the layers of skin
    assert max(t.box.right for t in labels) < min(s.box.x for s in skin)  # every label left of the skin
    rights = [t.box.right for t in labels]
    assert max(rights) - min(rights) < 0.5  # flush right: each ends where its leader starts
    for t in labels:
        leaders = [
            s
            for s in shapes
            if s.fill is None
            and s.stroke is not None
            and t.box.right < s.box.x < t.box.right + 8
            and s.box.y < t.box.top
            and s.box.top > t.box.y
        ]
        assert leaders, t.text  # a leader starts just right of the label and runs right, into the drawing
        assert max(s.box.right for s in leaders) > min(x.box.x for x in skin)
    # the mirror image of the English drawing: the pen as far from the column's left as it is from its right there
    en_labels, en_shapes = drawing(lay(english))
    assert min(t.box.x for t in en_labels) > max(s.box.right for s in en_shapes if s.fill is not None and s.box.w > 50)
    column, en_column = labels[0].measure, en_labels[0].measure
    pen = max((s for s in shapes if s.fill is not None), key=lambda s: s.box.top)  # the pen's body, at the top
    en_pen = max((s for s in en_shapes if s.fill is not None), key=lambda s: s.box.top)
    assert column.right - pen.box.right == pytest.approx(en_pen.box.x - en_column.x, abs=0.5)


def test_the_drawing_labels_are_shaped_joined_and_copy_out_as_written(arabic: api.Sources) -> None:
    labels, _ = drawing(lay(arabic))
    for t in labels:
        runs = [r for r in t.runs if "IBMPlexSansArabic" in r.font]
        assert runs, t.text  # in the Arabic fallback
        seen = "".join(r.text for r in sorted(t.runs, key=lambda r: r.x))
        for word in t.text.split():
            assert "".join(g.char for g in shape(word, runs[0].font, runs[0].size).glyphs) in seen  # HarfBuzz's
        assert t.text not in seen or len(t.text) == 1
    result = built(arabic)
    copied = " ".join(copied_text(result.pdf or b"").split())  # (a figure's labels: copied from their glyphs; a
    # screen reader reads the figure's text alternative)
    for label in LABELS:
        assert all(word in copied for word in label.split()), label
    assert miscopied_words(result)[1] == []


# -- the cover ------------------------------------------------------------------------------------------------------


def dots_centre(layout: Layout) -> float:
    """Where the cover field's micro-channel dots gather, from the field's left (0) to its right (1)."""
    cover = [i for _, i in items(layout) if isinstance(i, Shape) and i.region == "cover"]
    field = max(cover, key=lambda s: s.box.w * s.box.h)
    dots = max(cover, key=lambda s: len(s.path))  # one path of many small circles
    xs = [v[-2] for op, v in dots.path if op in ("m", "l", "c")]
    return (sum(xs) / len(xs) - field.box.x) / field.box.w


def test_the_cover_field_is_mirrored_its_dots_across_from_the_words(arabic: api.Sources, english: api.Sources) -> None:
    assert dots_centre(lay(english)) > 0.6  # English: the words flush left, the dots gather at the right
    assert dots_centre(lay(arabic)) == pytest.approx(1 - dots_centre(lay(english)), abs=0.01)


# -- marks, icons and rules at the right of their words -------------------------------------------------------------


def texts_in(layout: Layout, box: Frame) -> list[Text]:
    return [i for _, i in items(layout) if isinstance(i, Text) and inside(i, box) and i.z > box.z]


def test_every_heading_rule_stands_over_the_right_end_of_its_heading(arabic: api.Sources) -> None:
    layout = lay(arabic)
    headings = [i for _, i in items(layout) if isinstance(i, Text) and i.role == "heading" and i.entry is None]
    ruled = 0
    for h in headings:
        rules = [
            i
            for _, i in items(layout)
            if isinstance(i, Shape)
            and i.fill is not None
            and i.box.h < 3
            and i.box.w < 30
            and i.section == h.section
            and i.panel == h.panel
            and 0 < i.box.y - h.box.top < 12
        ]
        if rules:
            ruled += 1
            (rule,) = rules
            assert rule.box.right == pytest.approx(h.measure.right, abs=0.5)
            assert rule.box.right == pytest.approx(h.box.right, abs=1.0)
    assert ruled >= 4  # the sections' headings and the call to action's


def test_bullets_and_step_numbers_stand_right_of_every_line_of_their_words(arabic: api.Sources) -> None:
    layout = lay(arabic)
    entries: dict[object, list[Frame]] = {}
    for _, i in items(layout):
        if i.entry is not None and i.entry.list != "contact":
            entries.setdefault(i.entry, []).append(i)
    kinds = set()
    for entry, parts in entries.items():
        words = [i for i in parts if isinstance(i, Text) and i.role != "label"]
        marks = [i for i in parts if i not in words]
        assert marks and words
        assert min(m.box.x for m in marks) > max(w.box.right for w in words), entry
        kinds.add(entry.numbering)  # type: ignore[attr-defined]
    assert kinds == {"disc", "decimal"}


def boxes(layout: Layout, fill_of: str) -> list[Shape]:
    """The filled panels (cards, callouts) holding words: by the role of their words' first line."""
    out = []
    for _, i in items(layout):
        if isinstance(i, Shape) and i.role == "artifact" and i.fill is not None and i.box.w > 100 and i.box.h > 20:
            inner = texts_in(layout, i)
            if inner and i.region.startswith("inside") and fill_of in inner[0].text:
                out.append(i)
    return out


def icon_and_words(layout: Layout, box: Shape) -> tuple[list[Shape], list[Text]]:
    shapes = [
        i
        for _, i in items(layout)
        if isinstance(i, Shape) and i is not box and inside(i, box) and i.z > box.z and i.box.w < 20
    ]
    return [s for s in shapes if s.box.h > 4 or s.box.w < 8], texts_in(layout, box)


@pytest.mark.parametrize("words", ["بشرة أنعم", "تنبيه"])  # a card, the warning callout
def test_card_and_callout_icons_stand_right_of_their_words(arabic: api.Sources, words: str) -> None:
    layout = lay(arabic)
    (box,) = boxes(layout, words)
    icon, lines = icon_and_words(layout, box)
    assert icon and lines
    assert min(s.box.x for s in icon) > max(t.box.right for t in lines)
    assert box.box.right - max(s.box.right for s in icon) < 12  # near the box's right edge


def test_the_callout_bar_runs_down_the_right_edge_of_its_box(arabic: api.Sources, english: api.Sources) -> None:
    for src, side in ((arabic, "right"), (english, "left")):
        layout = lay(src)
        (box,) = boxes(layout, "تنبيه")
        bars = [
            i
            for _, i in items(layout)
            if isinstance(i, Shape) and i.fill is not None and i.box.w < 4 and i.box.h == pytest.approx(box.box.h)
        ]
        assert len(bars) == 1
        edge = box.box.right if side == "right" else box.box.x
        assert (bars[0].box.right if side == "right" else bars[0].box.x) == pytest.approx(edge, abs=0.5)


def test_the_document_block_and_the_back_s_words_are_set_flush_right(arabic: api.Sources) -> None:
    layout = lay(arabic)
    back = layout.sheet.sides[0].panel("back").content
    lines = [i for _, i in items(layout) if isinstance(i, Text) and i.region == "back" and i.box.y < back.y + 80]
    assert len(lines) >= 3  # the disclaimer and the document block's lines
    for t in lines:
        assert t.box.right == pytest.approx(back.right, abs=0.6), t.text
    assert any("TC-001" in t.text for t in lines)


def test_the_qr_box_and_the_contact_lines_are_mirrored(arabic: api.Sources) -> None:
    layout = lay(arabic)
    assert layout.qr is not None
    back = layout.sheet.sides[0].panel("back").content
    label = next(i for _, i in items(layout) if isinstance(i, Text) and i.text == "امسح الرمز للحجز")
    assert layout.qr.box.x > label.box.right
    assert label.box.right > back.x + back.w / 2  # the label, flush right against the code
    rows: dict[int, tuple[list[Frame], list[Text]]] = {}
    for _, i in items(layout):
        if i.entry is not None and i.entry.list == "contact":
            icon, words = rows.setdefault(i.entry.number, ([], []))
            (words if isinstance(i, Text) else icon).append(i)  # type: ignore[arg-type]
    assert len(rows) == 4
    for icon, words in rows.values():
        assert min(s.box.x for s in icon) > max(w.box.right for w in words)
        assert back.right - max(s.box.right for s in icon) < 3  # at the panel's right edge


# -- the other layouts ----------------------------------------------------------------------------------------------


def test_large_print_page_numbers_stand_flush_right_in_arabic(arabic: api.Sources) -> None:
    layout = lay(arabic, "large-print")
    folios = [(p, i) for p, i in items(layout) if isinstance(i, Text) and i.role == "folio"]
    assert len(folios) == len(layout.pages) - 1
    for page, f in folios:
        assert f.box.right == pytest.approx(page.side.panels[0].content.right, abs=1.0)
        assert f.text.startswith("الصفحة")


def test_the_flyer_reads_its_columns_from_the_right(arabic: api.Sources) -> None:
    layout = lay(arabic, "flyer")
    middle = layout.sheet.trim.x + layout.sheet.trim.w / 2
    first = next(i for _, i in items(layout) if i.role == "heading" and i.section == layout.outline[0][1])
    assert first.box.x > middle
    paragraphs = [i for _, i in items(layout) if isinstance(i, Text) and i.role == "paragraph" and i.section]
    assert paragraphs and all(abs(t.box.right - t.measure.right) < 1.0 for t in paragraphs)


def test_the_bifold_has_its_cover_at_the_left_and_its_inside_from_the_right(arabic: api.Sources) -> None:
    layout = lay(arabic, "bifold")
    middle = layout.sheet.trim.x + layout.sheet.trim.w / 2
    title = next(i for _, i in items(layout) if isinstance(i, Text) and i.role == "title")
    assert title.box.right < middle
    first = next(i for _, i in items(layout) if i.role == "heading" and i.section == layout.outline[0][1])
    assert first.box.x > middle and first.panel == "inside-1"


# -- the outline ------------------------------------------------------------------------------------------------


def test_the_pdf_outline_follows_the_leaflet_s_reading_order(arabic: api.Sources) -> None:
    result = built(arabic)
    layout = lay(arabic)
    reader = pypdf.PdfReader(io.BytesIO(result.pdf or b""))
    marks = [m for m in reader.outline if not isinstance(m, list)]
    assert [m.title for m in marks] == [title for title, _ in layout.outline]
    for m, (_, section) in zip(marks, layout.outline, strict=True):
        heading = next(  # (the call to action's heading is no section's)
            (n, i)
            for n, p in enumerate(layout.pages)
            for i in p.items
            if i.role == "heading" and i.section == ("" if section == CALL_TO_ACTION else section)
        )
        assert reader.get_destination_page_number(m) == heading[0]
    inside = [p for p in layout.sheet.sides[1].panels]
    assert [p.name for p in sorted(inside, key=lambda p: -p.trim.x)] == ["inside-1", "inside-2", "inside-3"]


def test_a_picture_narrower_than_its_column_stands_at_its_right(tmp_path: Path) -> None:
    from PIL import Image

    from brochure.layout.model import Picture

    Image.new("RGB", (400, 900), (200, 180, 160)).save(tmp_path / "tall.png")  # narrower than the column
    text = (DATA / "content-ar.yaml").read_text(encoding="utf-8")
    picture = '      - image: {src: tall.png, alt: "كرسي العلاج", caption: "غرفة العلاج"}\n'
    src = kit(tmp_path, text.replace("      - cards:\n", picture + "      - cards:\n", 1))
    layout = lay(src)
    (pic,) = [i for _, i in items(layout) if isinstance(i, Picture)]
    (page, caption) = next((p, i) for p, i in items(layout) if isinstance(i, Text) and i.text == "غرفة العلاج")
    column = page.side.panel(caption.panel).content
    assert pic.box.w < column.w - 20
    assert pic.box.right == pytest.approx(column.right, abs=0.5)  # at the right, as the caption is
    assert caption.measure.right == pytest.approx(column.right, abs=0.5)  # set in the column it is placed in
    assert caption.box.right == pytest.approx(column.right, abs=0.6)


def test_the_pdf_says_its_pages_read_right_to_left_in_office_and_press(
    arabic: api.Sources, english: api.Sources
) -> None:
    """ISO 32000-1 12.2, ViewerPreferences /Direction: a viewer shows pages side by side (two-up, the large-print
    booklet) from the right for a right-to-left document; the default is left to right."""
    for target in ("office", "press"):
        for src, want in ((arabic, "/R2L"), (english, None)):
            result = api.build(src, api.Options(layout="large-print", target=target))
            assert result.pdf is not None
            preferences = pypdf.PdfReader(io.BytesIO(result.pdf)).trailer["/Root"]["/ViewerPreferences"]
            assert preferences.get("/Direction") == want, (target, want)


def test_a_viewer_copies_joined_forms_ligatures_and_mark_ligatures_as_their_letters() -> None:
    """A glyph with no character of its own (a joined form HarfBuzz chose, a ligature, shadda and a vowel as one
    glyph) was mapped in the font's ToUnicode to the private-use code point the tool gave it: copied or searched,
    'مدرَّب' read 'مدر\\ue293ب'. Each now reads as the letters it stands for, its marks in canonical order."""
    import re
    import unicodedata

    from helpers import ROOT, sources

    result = result_of(sources(ROOT / "translations" / "ar.yaml"), api.Options())
    assert result.pdf is not None
    text = copied_text(result.pdf)
    assert re.findall("[\\ue000-\\uf8ff]", text) == []
    for word in ("مدرَّب", "أيٌّ", "خارج"):
        assert unicodedata.normalize("NFC", word) in text
