"""Right-to-left leaflets: the mirrored sheets in numbers (panels, folds, fold marks) on both papers, and the
right-to-left builds of every layout (where the cover, back and inside land, reading order, the mock-up)."""

from __future__ import annotations

from dataclasses import fields

import pytest
import yaml
from helpers import BRAND, CONTENT, result_of, sources

from brochure import api
from brochure.geometry.marks import marks
from brochure.geometry.sheet import INCH, MM, SHEETS, Sheet, sheet_for, trifold
from brochure.layout import PLANS
from brochure.layout.model import Frame, Layout, Text
from brochure.vocabulary import LAYOUTS, LayoutName, PaperName, Target
from brochure.words import WORDS

TOL = 0.01 * MM
PAPERS: tuple[PaperName, ...] = ("a4", "letter")
TARGETS: tuple[Target, ...] = ("office", "press")


def rtl(layout: LayoutName, paper: PaperName, target: Target = "office", marks: bool = False) -> Sheet:
    return sheet_for(layout, paper, target, marks, "rtl")


def left_to_right(sheet: Sheet, side: int) -> list[str]:
    return [p.name for p in sorted(sheet.sides[side].panels, key=lambda p: p.trim.x)]


@pytest.mark.parametrize("target", TARGETS)
@pytest.mark.parametrize(
    ("paper", "unit", "inside"), [("a4", MM, (100, 100, 97)), ("letter", INCH, (3.6875, 3.6875, 3.625))]
)
def test_the_mirrored_trifold_reads_cover_back_flap_and_folds_in_from_the_left(
    paper: PaperName, unit: float, inside: tuple[float, ...], target: Target
) -> None:
    s = rtl("trifold", paper, target)
    outside, inner = s.sides
    assert left_to_right(s, 0) == ["cover", "back", "flap"]
    assert left_to_right(s, 1) == ["inside-3", "inside-2", "inside-1"]
    assert [p.trim.w for p in sorted(inner.panels, key=lambda p: p.trim.x)] == pytest.approx(
        [w * unit for w in reversed(inside)], abs=TOL
    )
    assert min(inner.panels, key=lambda p: p.trim.w).trim.x == pytest.approx(s.trim.x, abs=TOL)  # narrow: left
    assert outside.panel("cover").trim.x == pytest.approx(s.trim.x, abs=TOL)
    assert outside.panel("flap").trim.right == pytest.approx(s.trim.right, abs=TOL)
    # the panels tile the trim; each fold is where two panels meet
    for side in s.sides:
        ordered = sorted(side.panels, key=lambda p: p.trim.x)
        assert sum(p.trim.w for p in ordered) == pytest.approx(s.trim.w, abs=TOL)
        assert list(side.folds) == pytest.approx([p.trim.right for p in ordered[:-1]], abs=TOL)
    # outside and inside fold along the same lines: the inside is seen from the other face of the sheet
    mirror = [2 * s.trim.x + s.trim.w - f for f in outside.folds]
    assert sorted(mirror) == pytest.approx(list(inner.folds), abs=TOL)


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_mirrored_sheet_is_the_mirror_image_of_its_left_to_right_sheet(
    paper: PaperName, layout: LayoutName
) -> None:
    ltr, mirrored = SHEETS[layout](paper, "press", True), rtl(layout, paper, "press", True)
    assert (mirrored.media, mirrored.trim, mirrored.bleed, mirrored.slug) == (ltr.media, ltr.trim, ltr.bleed, ltr.slug)
    t = ltr.trim
    for a, b in zip(ltr.sides, mirrored.sides, strict=True):
        assert [p.name for p in a.panels] == [p.name for p in b.panels]  # reading order kept
        for p, q in zip(a.panels, b.panels, strict=True):
            assert q.trim.right == pytest.approx(2 * t.x + t.w - p.trim.x, abs=TOL)
            assert q.content.x == pytest.approx(2 * t.x + t.w - p.content.right, abs=TOL)
            assert (q.trim.y, q.trim.w, q.trim.h) == (p.trim.y, p.trim.w, p.trim.h)
            assert (q.bleed_left, q.bleed_right) == (p.bleed_right, p.bleed_left)
    assert mirrored.safe == ltr.safe


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("layout", ["trifold", "bifold"])
def test_fold_marks_of_a_mirrored_sheet_sit_on_its_folds(paper: PaperName, layout: LayoutName) -> None:
    s = rtl(layout, paper, "press", True)
    for side in s.sides:
        folds = sorted({x1 for kind, (x1, _, x2, _) in marks(s, side) if kind == "fold" and x1 == x2})
        assert folds == pytest.approx(list(side.folds), abs=TOL)
        assert len(folds) == len(side.panels) - 1


@pytest.mark.parametrize("paper", PAPERS)
def test_the_mirrored_bifold_has_its_cover_on_the_left_of_the_outside(paper: PaperName) -> None:
    s = rtl("bifold", paper)
    assert left_to_right(s, 0) == ["cover", "back"]
    assert left_to_right(s, 1) == ["inside-2", "inside-1"]
    assert s.sides[0].folds == pytest.approx((s.trim.x + s.trim.w / 2,), abs=TOL)


def test_a_left_to_right_sheet_is_unchanged() -> None:
    assert sheet_for("trifold", "a4", "press", True, "ltr") == trifold("a4", "press", True)


@pytest.fixture(scope="module")
def arabic(tmp_path_factory: pytest.TempPathFactory) -> api.Sources:
    """The shipped leaflet in `language: ar` (Latin placeholder words: its geometry is what is tested), with the
    tool's words given in `words:` and the kit's lines for 'ar' in placeholder words too."""
    folder = tmp_path_factory.mktemp("rtl")
    en = WORDS["en"]
    words = {f.name: list(v) if isinstance(v := getattr(en, f.name), tuple) else v for f in fields(en)}
    words = {name: v for name, v in words.items() if v != []}  # (an optional list not given: months_alone)
    text = CONTENT.read_text(encoding="utf-8").replace("language: en-GB", "language: ar", 1)
    (folder / "content.yaml").write_text(text + "\n" + yaml.safe_dump({"words": words}, width=1000), encoding="utf-8")
    kit = folder / "kit"
    kit.mkdir()
    for f in BRAND.parent.iterdir():
        if f.is_file():
            (kit / f.name).write_bytes(f.read_bytes())
    brand = (kit / "brand.yaml").read_text(encoding="utf-8")
    ar = (  # the kit's own lines for 'ar' in Latin placeholder words too (they are the last of brand.yaml)
        "  ar:\n    other_formats:\n      formats: [large print, audio]\n"
        '      contact: "call 0117 496 0321"\n    feedback: "Tell us what you think: hello@clearwaterskin.co.uk"\n'
    )
    (kit / "brand.yaml").write_text(brand[: brand.index("\n  ar:\n") + 1] + ar, encoding="utf-8")
    src, diags = api.load(folder / "content.yaml", kit / "brand.yaml")
    assert src is not None, [d.format() for d in diags]
    return src


def built_rtl(src: api.Sources, layout: LayoutName, paper: PaperName = "a4", target: Target = "office") -> Layout:
    result = api.build(src, api.Options(layout=layout, paper=paper, target=target, marks=target == "press"))
    assert result.ok, [d.format() for d in result.diagnostics if d.is_error]
    assert result.layout is not None
    return result.layout


@pytest.mark.parametrize("target", TARGETS)
@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_layout_builds_mirrored_with_a_clean_preflight(
    arabic: api.Sources, layout: LayoutName, paper: PaperName, target: Target
) -> None:
    lay = built_rtl(arabic, layout, paper, target)
    assert lay.sheet.direction == "rtl"
    assert lay.sheet.paper.name == paper


@pytest.mark.parametrize("paper", PAPERS)
def test_the_mirrored_trifold_puts_cover_back_and_flap_where_it_folds_right_to_left(
    arabic: api.Sources, paper: PaperName
) -> None:
    lay = built_rtl(arabic, "trifold", paper)
    outside = lay.pages[0]
    by_region = {r: [i.box for i in outside.items if i.region == r] for r in ("cover", "back")}
    third = lay.sheet.trim.x + lay.sheet.trim.w / 3
    assert all(b.right <= third + 1 for b in by_region["cover"] if not b.w > lay.sheet.trim.w / 3)
    assert min(b.x for b in by_region["back"]) > third
    title = next(i for i in outside.items if isinstance(i, Text) and i.role == "title")
    assert title.box.right < third  # the cover is the left panel of the outside
    # the leaflet's outline reads as the left-to-right one does: the same sections in the same order
    ltr = result_of(sources(CONTENT, BRAND), api.Options(layout="trifold", paper=paper)).layout
    assert ltr is not None
    assert [key for _, key in lay.outline] == [key for _, key in ltr.outline]
    assert lay.views == ltr.views  # the reading steps: cover, inside-1 with the flap, the inside, the back


@pytest.mark.parametrize("layout", LAYOUTS)
def test_lines_end_at_their_columns_right_and_marks_stand_right_of_their_words(
    arabic: api.Sources, layout: LayoutName
) -> None:
    lay = built_rtl(arabic, layout)
    lines = [i for p in lay.pages for i in p.items if isinstance(i, Text) and i.role in ("paragraph", "list_item")]
    assert lines
    ragged_left = [t for t in lines if abs(t.box.right - t.measure.right) > 1.0]
    assert len(ragged_left) <= len(lines) // 50, [t.text for t in ragged_left[:5]]  # (a line with a trailing space)
    for page in lay.pages:
        entries: dict[object, list[Frame]] = {}
        for item in page.items:
            if item.entry is not None and item.entry.list != "contact":
                entries.setdefault(item.entry, []).append(item)
        for entry, items in entries.items():
            marks_ = [i for i in items if i.role == "label"]
            words = [i for i in items if isinstance(i, Text) and i.role != "label"]
            if marks_ and words:  # a bullet's dot or a step's disc and number: right of every line of its words
                assert min(m.box.x for m in marks_) > max(w.box.right for w in words) - 0.5, entry


def contact_rows(lay: Layout) -> dict[int, tuple[list[Frame], list[Text]]]:
    """The back's contact lines: (icon's shapes, words) by line."""
    rows: dict[int, tuple[list[Frame], list[Text]]] = {}
    for i in lay.pages[0].items:
        if i.entry is not None and i.entry.list == "contact":
            icon, words = rows.setdefault(i.entry.number, ([], []))
            (words if isinstance(i, Text) else icon).append(i)  # type: ignore[arg-type]
    return rows


@pytest.mark.parametrize("paper", PAPERS)
def test_the_back_mirrors_its_qr_box_and_contact_lines(arabic: api.Sources, paper: PaperName) -> None:
    lay = built_rtl(arabic, "trifold", paper)
    ltr = result_of(sources(CONTENT, BRAND), api.Options(layout="trifold", paper=paper)).layout
    assert ltr is not None and lay.qr is not None and ltr.qr is not None
    back, ltr_back = lay.sheet.sides[0].panel("back").content, ltr.sheet.sides[0].panel("back").content
    label = next(i for i in lay.pages[0].items if isinstance(i, Text) and i.region == "back" and "Scan" in i.text)
    assert lay.qr.box.x > label.box.right  # the QR code at the right of its label
    assert back.right - lay.qr.box.right == pytest.approx(ltr.qr.box.x - ltr_back.x, abs=0.5)  # as far in
    rows, ltr_rows = contact_rows(lay), contact_rows(ltr)
    # (either back's sources may cost it the website's line, which the QR label repeats: phone, email, website,
    # address; Letter's English back gives it up, its Arabic sources a line each keep it)
    assert abs(len(rows) - len(ltr_rows)) <= 1 and rows
    lines, ltr_lines = ([r[n] for n in sorted(r)] for r in (rows, ltr_rows))
    if len(lines) != len(ltr_lines):  # (the third line, the website's, left out of the one that has it)
        lines, ltr_lines = (
            [*r[:2], *r[3:]] if len(r) > min(len(rows), len(ltr_rows)) else r for r in (lines, ltr_lines)
        )
    for (icon, words), (ltr_icon, _) in zip(lines, ltr_lines, strict=True):
        assert icon and words
        assert min(i.box.x for i in icon) > max(w.box.right for w in words)  # the icon at the right of its line
        assert back.right - max(i.box.right for i in icon) == pytest.approx(
            min(i.box.x for i in ltr_icon) - ltr_back.x, abs=0.5
        )  # its mirror image's place


@pytest.mark.parametrize("paper", PAPERS)
def test_the_mirrored_flyer_reads_its_columns_from_the_right(arabic: api.Sources, paper: PaperName) -> None:
    lay = built_rtl(arabic, "flyer", paper)
    first = lay.outline[0][1]
    heading = next(i for p in lay.pages for i in p.items if i.role == "heading" and i.section == first)
    middle = lay.sheet.trim.x + lay.sheet.trim.w / 2
    assert heading.box.x > middle  # the first section starts in the right column


def test_the_mock_up_shows_each_view_right_to_left(arabic: api.Sources) -> None:
    from PIL import Image

    from brochure.output.preview import mockup

    lay = built_rtl(arabic, "trifold")
    w, h = round(lay.sheet.media.w), round(lay.sheet.media.h)
    pages = [Image.new("RGB", (w, h), colour) for colour in ("#ff0000", "#0000ff")]  # outside red, inside blue
    picture = mockup(pages, lay, 72)
    rows = [y for y in range(picture.height) if picture.getpixel((picture.width // 2, y)) != (228, 228, 228)]
    second_row = rows[len(rows) // 4 + len(rows) // 8]  # in the second view: the flap and inside-1
    xs = [x for x in range(picture.width) if picture.getpixel((x, second_row)) in ((255, 0, 0), (0, 0, 255))]
    assert picture.getpixel((xs[0] + 5, second_row)) == (255, 0, 0)  # the flap (outside) at the left
    assert picture.getpixel((xs[-1] - 5, second_row)) == (0, 0, 255)  # inside-1 at the right


def test_large_print_page_numbers_stand_flush_right(arabic: api.Sources) -> None:
    lay = built_rtl(arabic, "large-print")
    folios = [(p, i) for p in lay.pages for i in p.items if isinstance(i, Text) and i.role == "folio"]
    assert len(folios) == len(lay.pages) - 1  # every page but the cover
    for page, f in folios:
        assert f.box.right == pytest.approx(page.side.panels[0].content.right, abs=1.0)


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("layout", ["trifold", "bifold"])
def test_the_printed_fold_marks_of_a_mirrored_press_edition_sit_on_its_folds(
    arabic: api.Sources, layout: LayoutName, paper: PaperName
) -> None:
    lay = built_rtl(arabic, layout, paper, "press")  # with --marks
    t = lay.sheet.trim
    for page in lay.pages:
        xs = {
            round(i.box.x + i.box.w / 2, 1)
            for i in page.items
            if i.role == "mark" and i.box.w < 2 and t.x + 1 < i.box.x < t.right - 1  # vertical, not at the trim
        }
        assert sorted(xs) == pytest.approx(list(page.side.folds), abs=0.2)
        assert len(xs) == len(page.side.panels) - 1


def test_the_live_preview_folds_its_mock_up_right_to_left(arabic: api.Sources) -> None:
    from brochure.live.view import Shown, picture

    result = api.build(arabic, api.Options(layout="trifold"))
    assert result.pdf is not None and result.layout is not None
    shown = picture(result.pdf, result.layout, 20, Shown(1, "tri-fold", False), lambda: False)
    assert shown is not None
    opened = shown.views[1]  # the second step: the flap and inside-1, as the page shows them from the left
    assert [page for page, *_ in opened] == [0, 1]  # the flap (outside) at the left, inside-1 at the right
    inside = [x for _, x, *_ in shown.views[2]]
    assert inside == sorted(inside)  # the whole inside as printed: inside-3 | inside-2 | inside-1


def test_a_heading_broken_into_even_lines_stands_at_its_columns_right(arabic: api.Sources) -> None:
    """The bi-fold's column breaks 'What it can and cannot do' into two even lines, narrower than the column:
    right to left, they end at the column's right edge, where the reader's eye starts, as the paragraphs do."""
    lay = built_rtl(arabic, "bifold")
    frames = PLANS["bifold"](lay.sheet)[0].flows["main"]
    heading = [i for p in lay.pages for i in p.items if isinstance(i, Text) and i.role == "heading"]
    wrapped = [t for t in heading if sum(1 for u in heading if u.element == t.element) > 1]
    assert wrapped
    for t in wrapped:
        (column,) = [f.box for f in frames if f.box.x - 0.5 <= t.box.x and t.box.right <= f.box.right + 0.5]
        assert abs(t.box.right - column.right) <= 1.0, (t.text, t.box.right, column.right)
