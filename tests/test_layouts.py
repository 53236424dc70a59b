"""The layout family: geometry of each layout, every layout x paper x target building cleanly, fitting, routing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import Inputs, edit, position
from helpers import BRAND, CONTENT, MAPLE, ROOT, build, read_qr, result_of, sources, texts
from PIL import Image
from reportlab.platypus import Spacer

from brochure import api, cli
from brochure.geometry.sheet import INCH, MM, Rect, bifold, flyer
from brochure.layout import engine
from brochure.layout.blocks import CALL_TO_ACTION
from brochure.layout.flow import Frame, Item, even_up, flow, growth
from brochure.theme.styles import LARGE_PRINT, Scale

# --- geometry ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("paper", "half", "short"), [("a4", 148.5 * MM, 210 * MM), ("letter", 5.5 * INCH, 8.5 * INCH)])
def test_bifold_is_a_landscape_sheet_folded_in_half(paper: str, half: float, short: float) -> None:
    sheet = bifold(paper, "office")
    outside, inside = sheet.sides
    assert [p.name for p in outside.panels] == ["back", "cover"]
    assert [p.name for p in inside.panels] == ["inside-1", "inside-2"]
    for side in sheet.sides:
        assert [p.trim.w for p in side.panels] == pytest.approx([half, half])
        assert side.folds == pytest.approx((half,))
        for p in side.panels:
            assert p.trim.h == pytest.approx(short)
            assert p.content.x >= p.trim.x + 8 * MM - 0.01 and p.content.right <= p.trim.right - 8 * MM + 0.01


@pytest.mark.parametrize(("paper", "w", "h"), [("a4", 210 * MM, 297 * MM), ("letter", 8.5 * INCH, 11 * INCH)])
def test_flyer_is_a_portrait_sheet_without_folds(paper: str, w: float, h: float) -> None:
    sheet = flyer(paper, "press")
    assert (sheet.trim.w, sheet.trim.h) == pytest.approx((w, h))
    assert sheet.media.w == pytest.approx(w + 2 * sheet.paper.bleed)
    assert [s.name for s in sheet.sides] == ["front", "back"]
    assert all(s.folds == () for s in sheet.sides)
    assert all(sheet.safe.contains(p.content) for p in sheet.panels())


# --- every layout builds and passes preflight ------------------------------------------------------

COMBOS = [
    pytest.param(layout, paper, target, id=f"{layout}-{paper}-{target}")
    for layout in ("trifold", "bifold", "flyer")
    for paper in ("a4", "letter")
    for target in ("office", "press")
]


@pytest.mark.parametrize(("layout", "paper", "target"), COMBOS)
def test_every_layout_builds_clean_on_both_papers_and_targets(layout: str, paper: str, target: str) -> None:
    result = result_of(sources(CONTENT, BRAND), api.Options(layout=layout, paper=paper, target=target))
    assert result.ok, [d.format() for d in result.diagnostics]
    assert result.layout is not None and 9.0 <= result.layout.body_size <= 10.5  # (tightened, or set larger to fill)
    assert not [d for d in result.diagnostics if d.is_error]
    qr = result.layout.qr  # the QR code as printed: the PDF rendered by PDFium, as a phone sees the sheet
    assert qr is not None and result.pdf is not None
    b = qr.box
    assert read_qr(result.pdf, qr.page, (b.x, b.y, b.w, b.h), result.layout.sheet.media.h) == [qr.url]


@pytest.mark.parametrize("layout", ["bifold", "flyer"])
def test_the_second_brand_builds_every_layout(layout: str) -> None:
    assert result_of(sources(CONTENT, MAPLE), api.Options(layout=layout, target="press")).ok


def test_the_same_words_reach_every_layout_with_per_layout_choices() -> None:
    headings = {}
    for layout in ("trifold", "bifold", "flyer"):
        result = result_of(sources(), api.Options(layout=layout))
        assert result.layout is not None
        headings[layout] = [key for _, key in result.layout.outline]
        regions = {i.section: i.region for p in result.layout.pages for i in p.items if i.section}
        if layout == "trifold":
            assert regions["right-for-me"] == regions["other-options"] == "flap"
            assert regions["risks"] not in ("flap", "back") and regions["contact-us"] not in ("flap", "back")
        else:  # the bi-fold's back holds "When to contact us", the flyer's the risks
            on_the_back = "contact-us" if layout == "bifold" else "risks"
            assert regions[on_the_back] == "back" and regions["right-for-me"] != "flap"
            assert {s for s, r in regions.items() if r == "back"} == {on_the_back}
    assert set(headings["trifold"]) == set(headings["bifold"]) == set(headings["flyer"])


# --- fitting ---------------------------------------------------------------------------------------


LINE = "Words that keep going to fill the column. "


def grow(inputs: Inputs, paragraphs: int, words: str = LINE * 8) -> None:
    edit(
        inputs.content,
        '      - text: "Fine needles',
        "".join(f'      - text: "{words}"\n' for _ in range(paragraphs)) + '      - text: "Fine needles',
    )


def test_words_that_fit_are_not_tightened(inputs: Inputs) -> None:
    result = build(inputs, layout="flyer")
    assert result.ok and result.layout is not None and 9.5 <= result.layout.body_size <= 10.5


def test_the_sizes_tried_to_fill_short_panels_stop_at_10_5_pt() -> None:
    """Words that fill 75 % of their panels at 9.5 pt might fill them at 9.5 / sqrt(0.75) = 11 pt: the sizes tried
    stop at 10.5 pt (the top of the design's body sizes), largest first; at 97 % none is worth trying; a kit's
    11 pt and large print's 16 pt are never set larger. Type set larger keeps its rules and icons as drawn."""
    assert Scale().larger(0.75) == (10.5, 10.25, 10.0, 9.75)
    assert Scale().larger(0.9) == (10.0, 9.75)
    assert Scale().larger(0.97) == Scale().larger(1.0) == ()
    assert Scale(body=11.0).larger(0.5) == LARGE_PRINT.larger(0.5) == ()
    grown = Scale().tightened(10.5)
    assert (grown.body, grown.leading, grown.zoom, grown.pictures) == (10.5, 14.37, 1.0, 1.0)


def test_words_slightly_over_fit_after_tightening(inputs: Inputs) -> None:
    sizes = set()
    for n in range(12, 26):
        edit_inputs = inputs.content.read_text()
        grow(inputs, n)
        result = build(inputs, layout="bifold")
        inputs.content.write_text(edit_inputs)
        if result.ok and result.layout is not None:
            sizes.add(result.layout.body_size)
    assert {9.25, 9.0} & sizes, sizes  # some amount of words only fits once the body type is tightened


def test_too_many_words_fail_naming_layout_region_section_and_amount(inputs: Inputs) -> None:
    grow(inputs, 60)
    result = build(inputs, layout="bifold", paper="letter")
    assert result.pdf is None
    (msg,) = [d.format() for d in result.diagnostics if d.is_error]
    text = inputs.content.read_text()
    line, col = position(text, "- id: what-is-it")
    assert msg.startswith(f"{inputs.content}:{line}:{col + 2}: error: the words do not fit: from section 'what-is-it'")
    assert "inside-1 to inside-2 regions (bi-fold, letter, body type 9 pt)" in msg
    assert " mm of content spills" in msg and "layouts:" in msg
    assert "at least " in msg and "hint: cut at least " in msg  # far too many: reported from a lower bound at once


# --- routing: places and layouts --------------------------------------------------------------------


def test_a_place_the_layout_lacks_falls_back_with_a_warning(inputs: Inputs) -> None:
    result = build(inputs, layout="bifold")
    assert result.ok
    (msg,) = [d.format() for d in result.diagnostics if not d.is_error and "empty: the words fill" not in d.message]
    assert "warning: a bi-fold has no 'flap' region: section 'risks' goes to the main flow" in msg


def test_a_place_per_layout_needs_no_warning(inputs: Inputs) -> None:
    edit(inputs.content, "    place: flap", "    place: {trifold: flap, bifold: back}")
    result = build(inputs, layout="bifold")
    assert result.ok and result.layout is not None
    assert [d for d in result.diagnostics if "empty: the words fill" not in d.message] == []  # (the test words'
    # one inside section, under half a page, is kept whole on the first page: the second is empty, and said so)
    assert {i.region for p in result.layout.pages for i in p.items if i.section == "risks"} == {"back"}


def test_sections_and_blocks_can_be_left_out_of_a_layout(inputs: Inputs) -> None:
    edit(inputs.content, "    place: flap", "    place: flap\n    layouts: [trifold]")
    edit(inputs.content, "      - cards:", "      - layouts: [trifold, bifold]\n        cards:")
    result = build(inputs, layout="flyer")
    assert result.ok and result.layout is not None
    sections = {i.section for p in result.layout.pages for i in p.items if i.section}
    assert "risks" not in sections
    assert [key for _, key in result.layout.outline] == ["what-is-it", CALL_TO_ACTION]
    printed = {t.text.strip() for t in texts(result.layout)}
    assert "Can smooth texture" not in printed and "Dark patches may fade" not in printed  # the cards are left out


@pytest.mark.parametrize(
    ("old", "new", "needle", "message"),
    [
        ("    place: flap", "    place: flap\n    layouts: [trifold, leaflet]", "leaflet", "'leaflet' is not a valid"),
        ("    place: flap", "    place: {trifold: flip}", "flip", "'flip' is not a valid value"),
        ("    place: flap", "    place: {tryfold: flap}", "tryfold", "unknown key 'tryfold'"),
    ],
    ids=["unknown-layout", "unknown-place", "unknown-layout-in-place"],
)
def test_bad_layout_names_are_errors(inputs: Inputs, old: str, new: str, needle: str, message: str) -> None:
    text = edit(inputs.content, old, new)
    src, diags = api.load(inputs.content, inputs.brand)
    assert src is None
    (msg,) = [d.format() for d in diags]
    line, col = position(text, needle)
    assert msg.startswith(f"{inputs.content}:{line}:{col}: error: {message}")


# --- spreading spare space -----------------------------------------------------------------------------


def test_a_panel_evens_up_through_its_gaps_section_gaps_first() -> None:
    """A frame's gaps take extra room alike: section gaps first (2 mm each at most), then the others (1 mm)."""
    frames = [Frame("a", Rect(0, 0, 100, 100)), Frame("b", Rect(200, 0, 100, 100))]
    items = [
        Item(Spacer(100, 20), "s1", bookmark="One"),
        Item(Spacer(100, 10), "s1", space_before=5),
        Item(Spacer(100, 20), "s2", space_before=5, bookmark="Two"),
        Item(Spacer(100, 80), "s3", space_before=5, bookmark="Three"),
    ]
    res = flow(items, frames)
    assert res.spare[0] == 40
    evened = even_up(res.placed[0], 40)
    assert evened[0].box.top == 100  # the first piece stays at the top
    moved = [round(res.placed[0][i].box.top - evened[i].box.top, 3) for i in range(3)]
    assert moved == [0, round(1 * MM, 3), round(3 * MM, 3)]  # the block gap 1 mm, the section gap 2 mm more
    assert growth(res.placed[0], 40) == pytest.approx(3 * MM)


# --- mock-ups ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("layout", "views"), [("trifold", 4), ("bifold", 3), ("flyer", 2)])
def test_preview_writes_pages_and_a_folded_mockup(layout: str, views: int, tmp_path: Path) -> None:
    stem = f"{layout}-office"
    assert cli.main(["preview", "--layout", layout, "--dpi", "20", "-o", str(tmp_path), "--stem", stem]) == 0
    mock = tmp_path / f"{layout}-office-mockup.png"
    assert (tmp_path / f"{layout}-office-page1.png").exists() and mock.exists()
    result = result_of(sources(), api.Options(layout=layout))
    assert result.layout is not None and len(result.layout.views) == views
    assert Image.open(mock).height > Image.open(tmp_path / f"{layout}-office-page1.png").height


def test_a_flyer_is_one_sided_when_the_words_fit(inputs: Inputs) -> None:
    import io

    import pikepdf

    short = build(inputs, layout="flyer")
    assert short.ok and short.layout is not None
    assert len(short.layout.pages) == 1 and short.layout.views == (((0, "front"),),)
    assert len(pikepdf.open(io.BytesIO(short.pdf or b"")).pages) == 1
    full = result_of(sources(), api.Options(layout="flyer"))
    assert full.layout is not None and len(full.layout.pages) == 2


def test_a_paragraph_split_across_panels_leaves_no_single_line(inputs: Inputs) -> None:
    from reportlab.platypus import Paragraph

    src, _ = api.load(inputs.content, inputs.brand)
    assert src is not None
    from brochure.theme.styles import make_theme

    style = make_theme(src.brand, src.fonts).style("body")
    para = Paragraph("word " * 400, style)
    leading = style.leading
    for room in (1.5, 2.5, 3.5):  # room for one, two or three lines at the foot of the first frame
        frames = [Frame("a", Rect(0, 0, 200, 100)), Frame("b", Rect(300, 0, 200, 400))]
        res = flow([Item(Spacer(200, 100 - room * leading), "s"), Item(para, "s")], frames)
        first = [p for p in res.placed[0] if p.flowable is not res.placed[0][0].flowable]
        lines_before = round(first[0].box.h / leading) if first else 0
        assert lines_before != 1
        assert not res.leftover or res.leftover[0].flowable is not para


def test_a_paragraph_a_later_balancing_trial_could_not_split_still_prints(inputs: Inputs) -> None:
    """Balancing flows the words again in shorter frames; a paragraph placed whole in the chosen flow may be asked
    to split in a later trial where it cannot, which drops the lines ReportLab keeps (the flyer used to stop with
    an internal error here)."""
    words = "Words that keep going to fill the column, line after line. " * 3
    more = "".join(f'      - text: "{words}"\n' for _ in range(13))
    edit(inputs.content, '      - text: "Fine needles', more + '      - text: "Fine needles')
    second = "".join(f'      - text: "{words}"\n' for _ in range(5))
    edit(
        inputs.content, "  - id: risks\n", f"  - id: second\n    heading: Second\n    blocks:\n{second}  - id: risks\n"
    )
    result = build(inputs, layout="flyer")
    assert result.ok and result.pages == 2
    assert result.layout is not None and "Second" in {t.text for t in texts(result.layout, role="heading")}


HARBOUR_LANE = BRAND.parent / "brands" / "harbour-lane" / "brand.yaml"


@pytest.mark.parametrize(
    ("brand", "layout", "lines"),
    [
        (HARBOUR_LANE, "bifold", ["3 Harbour Lane, Bristol", "BS1 5TT"]),  # not 'Bristol BS1' / '5TT'
        (BRAND, "bifold", ["14 Harbour Street, Bristol", "BS1 4QA"]),  # where it broke already
        (BRAND, "trifold", ["14 Harbour Street, Bristol BS1 4QA"]),  # as written where it fits
    ],
)
def test_an_address_keeps_its_postcode_on_one_line(brand: Path, layout: str, lines: list[str]) -> None:
    result = result_of(sources(brand=brand), api.Options(layout=layout))
    assert result.layout is not None
    address = lines[0].split()[0]
    first = next(t for t in texts(result.layout, region="back") if t.text.startswith(address))
    printed = [t.text for t in texts(result.layout, element=first.element)]
    assert [t.replace("\u00a0", " ") for t in printed] == lines
    if len(lines) == 1:
        assert printed == lines  # (a line that fits is left as written)


def test_a_leaflet_of_one_sentence_is_warned_that_its_inside_panels_are_empty(inputs: Inputs) -> None:
    """One sentence fills one inside panel: the rest print blank, which a clinic would notice only on paper. A
    warning at the sections names the empty panels (the test leaflet's usual words, two of three, are not)."""
    assert not [d for d in build(inputs, layout="trifold").diagnostics if "empty: the words fill" in d.message]
    edit(inputs.content, "      - cards:\n", "      - xcards:\n")  # (the cards dropped below)
    text = inputs.content.read_text(encoding="utf-8")
    start = text.index("      - xcards:\n")
    end = text.index("  - id: risks")
    inputs.content.write_text(text[:start] + text[end:], encoding="utf-8")
    result = build(inputs, layout="trifold")
    assert result.ok
    (found,) = [d for d in result.diagnostics if "empty: the words fill" in d.message]
    assert not found.is_error and "'s inside-2, inside-3 panels are empty: the words fill 1 of its 3" in found.message
    assert "--layout flyer" in found.hint
    result = build(inputs, layout="bifold")  # (a page's two columns are one panel: its words fill both of page 1's)
    (found,) = [d for d in result.diagnostics if "empty: the words fill" in d.message]
    assert "the bi-fold's inside-2 panel is empty: the words fill 1 of its 2 inside panels" in found.message


@pytest.mark.parametrize("language", ["pl", "es", "es-US"])
def test_the_covers_subtitle_breaks_into_even_lines(language: str) -> None:
    """The subtitle ended "…i ciemne / plamy", "…y manchas / oscuras": one word alone on its last line, as a
    heading's no longer does. Its lines, read from the frames, are about even, and still inside the cover (the US
    Spanish in its US clinic's kit, on Letter: its words are a line too long for the A4 tri-fold of the default kit)."""
    kit = MAPLE if language == "es-US" else BRAND
    result = result_of(sources(CONTENT.parent / "translations" / f"{language}.yaml", kit), api.Options())
    assert result.layout is not None
    cover = texts(result.layout, region="cover")
    title = next(i for i, t in enumerate(cover) if t.role == "title")
    subtitle = [t for t in cover if t.element == cover[title + 1].element]
    assert len(subtitle) == 2, [t.text for t in subtitle]
    first, last = (t.box.w for t in subtitle)
    assert last >= 0.5 * first, [t.text for t in subtitle]
    measure = subtitle[0].measure
    assert all(t.box.x >= measure.x - 0.01 and t.box.right <= measure.right + 0.5 for t in subtitle)


@pytest.mark.parametrize("layout", ["trifold", "large-print"])
def test_a_long_clinic_name_on_the_cover_breaks_into_even_lines(inputs: Inputs, layout: str) -> None:
    """ "The Harley Street Dermatology & Laser Skin Rejuvenation / Centre": the cover's clinic name left its last word
    alone on a line (a layout designer, 2026-12-07). Its lines, read from the frames, are about even."""
    long = "The Harley Street Dermatology & Laser Skin Rejuvenation Centre"
    edit(inputs.brand, "name: Test Clinic", f"name: {long}")
    result = build(inputs, layout=layout)
    assert result.layout is not None
    name = set(long.split())
    lines = [t for t in texts(result.layout, region="cover") if t.text.split() and set(t.text.split()) <= name]
    assert len(lines) == 2, [t.text for t in lines]
    first, last = (t.box.w for t in lines)
    assert last >= 0.6 * first, [t.text for t in lines]


def test_a_section_whose_blocks_all_leave_a_layout_is_warned_of(tmp_path: Path) -> None:
    """`layouts: [bifold]` on the one block of a section: the tri-fold left the section out, heading and all, with
    no word of it (the section itself names every layout); the bi-fold prints it, with no warning."""
    words = tmp_path / "content.yaml"
    words.write_text(CONTENT.read_text(encoding="utf-8"), encoding="utf-8")
    edit(
        words,
        '      - text: "Acne scars are harmless',
        '      - layouts: [bifold]\n        text: "Acne scars are harmless',
    )
    trifold = result_of(sources(words), api.Options())
    said = [d for d in trifold.diagnostics if "section 'other-options' has no block in the tri-fold" in d.message]
    assert trifold.ok and trifold.layout is not None and len(said) == 1
    assert said[0].location.line == position(words.read_text(encoding="utf-8"), "- id: other-options")[0]
    assert "Other options" not in " ".join(t.text for t in texts(trifold.layout))
    bifold = result_of(sources(words), api.Options(layout="bifold"))
    assert bifold.ok and not [d for d in bifold.diagnostics if "has no block in the" in d.message]


@pytest.mark.parametrize(
    ("content", "brand"),
    [(CONTENT, BRAND), (ROOT / "translations/ar.yaml", BRAND), (ROOT / "translations/en-US.yaml", MAPLE)],
)
def test_the_bifold_backs_fine_print_runs_in_two_columns_ending_level(content: Path, brand: Path) -> None:
    """A print designer's finding: the bi-fold's back set its disclaimer, sources and document details across the
    whole A5 page, 125 characters a line. Two columns now, each under half the back, ending within a line or two
    of each other; the first at the left (at the right, right to left)."""
    result = result_of(sources(content, brand), api.Options(layout="bifold"))
    assert result.ok and result.layout is not None
    sheet = result.layout.sheet
    back = next(p for side in sheet.sides for p in side.panels if p.name == "back").content
    fine = [t for t in texts(result.layout, region="back") if t.measure.w < back.w / 2 and t.runs[0].size < 8.5]
    left = [t for t in fine if t.box.x < back.x + back.w / 2]
    right = [t for t in fine if t.box.x >= back.x + back.w / 2]
    assert len(left) > 3 and len(right) > 3
    assert all(t.box.w <= back.w / 2 for t in fine)
    leading = max(t.box.h for t in fine)
    assert abs(min(t.box.y for t in left) - min(t.box.y for t in right)) < 2.5 * leading  # (they end about level)
    first = right if sheet.direction == "rtl" else left
    assert max(t.box.top for t in first) >= max(t.box.top for t in fine) - 0.01  # (the reading starts there)


def test_a_bifold_back_too_full_at_first_is_told_and_tried_smaller_not_a_bug(tmp_path: Path) -> None:
    """A call to action six times as long: the back over-full at the first sizes tried, its fine print in two
    columns (the sources parted between them) was blamed piece by piece against its three texts, and the build
    stopped with an internal error; it is tried smaller, and builds, as it did before the columns."""
    words = tmp_path / "content.yaml"
    said = "Not sure if it is right for you? We will talk through your options, with no pressure."
    words.write_text(CONTENT.read_text(encoding="utf-8").replace(said, " ".join([said] * 6)), encoding="utf-8")
    result = result_of(sources(words), api.Options(layout="bifold"))
    assert result.ok, [d.format() for d in result.diagnostics if d.is_error]


def test_a_tri_fold_back_too_full_for_its_fine_print_ends_the_words_with_the_disclaimer(tmp_path: Path) -> None:
    """A US clinic's long email (two lines) and two-line address left the Letter tri-fold's back 3.3 mm over-full,
    an error (its hint: shorten the sources, which are the tool's): the disclaimer ends the inside's words instead,
    as large print's booking page lets it; printed once, nothing lost."""
    result = api.build(sources(CONTENT, _us_kit(tmp_path)), api.Options())
    assert result.ok and result.layout, [d.format() for d in result.diagnostics if d.is_error]
    disclaimer = "This is general information"
    found = [t for t in texts(result.layout) if t.text.startswith(disclaimer)]
    assert len(found) == 1 and found[0].region == "inside-3", [(t.region, t.text) for t in found]
    inside = [t for t in texts(result.layout, region="inside-3") if t.text.strip()]
    at = inside.index(found[0])
    assert at > 0 and inside[at - 1].box.y > found[0].box.top  # (under the words: after the last of them)
    assert all(t.element == found[0].element for t in inside[at:])  # (nothing after it)
    assert not any(t.text.startswith(disclaimer) for t in texts(result.layout, region="back"))


def _us_kit(tmp_path: Path) -> Path:
    """The shipped kit as a US clinic's with a long email address and domain and a long address, on Letter."""
    from helpers import copied_kit

    kit = copied_kit(tmp_path)
    text = kit.read_text(encoding="utf-8")
    for old, new in (
        ("hello@clearwaterskin.co.uk", "appointments@lonestarskinandlaserdermatology.com"),  # (its lines too)
        ("clearwaterskin.co.uk", "lonestarskinandlaserdermatology.com"),  # (the website and booking page)
        ("14 Harbour Street, Bristol BS1 4QA", "12400 N Lamar Blvd, Suite 210, Austin, TX 78753"),
        ("paper: a4", "paper: letter"),
    ):
        assert old in text
        text = text.replace(old, new)
    kit.write_text(text, encoding="utf-8")
    return kit


def test_words_that_spill_are_said_with_the_fine_print_moved_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Spanish words spilt 7.2 mm out of that kit's Letter tri-fold: the error said 73 mm, the spill of the
    words with the disclaimer and document details moved after them (the last try). It says the words' own spill
    (11.6 mm since they grew a line, 18.9 mm since the clinic's number is given under "Call us"), and the back
    over-full with its fine print; the words that spill are not laid out again with more after them."""
    from brochure.layout import engine

    src = sources(ROOT / "translations/es-US.yaml", _us_kit(tmp_path))
    tries: list[int] = []
    sized = engine._sized
    monkeypatch.setattr(engine, "_sized", lambda plans, layout, inp, told=None: tries.append(inp.fine_flows) or sized(
        plans, layout, inp, told))  # fmt: skip
    result = api.build(src, api.Options())
    errors = [d.message for d in result.diagnostics if d.is_error]
    inside = [m for m in errors if "spills out of the inside-1 to inside-3 regions" in m]
    assert len(inside) == 1 and " 18.9 mm of content" in inside[0], errors
    assert any("the back region is over-full" in m and "disclaimer" in m for m in errors), errors
    assert tries == [0], tries


def test_a_disclaimer_too_long_for_the_back_and_the_words_is_said_to_be_on_the_back(tmp_path: Path) -> None:
    """Moved after the words, a disclaimer four times as long as the shipped one makes them spill: the error is the
    back's, where it belongs, not the words' spill by what was moved after them."""
    from helpers import words_written

    disclaimer = "This is general information, not a substitute for our consultation and health check. Results vary."
    text = CONTENT.read_text(encoding="utf-8")
    assert text.count(disclaimer) == 1
    words = words_written(tmp_path, text.replace(disclaimer, " ".join([disclaimer] * 4)), _us_kit(tmp_path))
    errors = [d.message for d in api.build(words, api.Options()).diagnostics if d.is_error]
    assert any("the back region is over-full" in m and "disclaimer" in m for m in errors), errors
    assert not any("spills out of the inside" in m for m in errors), errors


def test_fits_says_whether_the_words_fit_without_setting_them_larger_or_rendering() -> None:
    """`api.fits` (init's trial of the tool's translations) lays the words out at the kit's size or smaller and
    checks them, as a build does, without the larger sizes a build tries to fill the panels (most of its time) and
    without a PDF: the Maple & Main bi-fold a build sets at 10.5 pt is found to fit at the kit's 9.5 pt."""
    src = sources(CONTENT, MAPLE)
    built, fitted = result_of(src, api.Options(layout="bifold")), api.fits(src, api.Options(layout="bifold"))
    assert built.ok and built.body_size == 10.5 and fitted.pdf is None and fitted.body_size == 9.5
    assert not [d for d in fitted.diagnostics if d.is_error]


@pytest.mark.parametrize("layout", ["trifold", "bifold", "flyer"])
def test_the_sizes_tried_larger_share_one_back_and_cover(layout: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The Arabic words leave these layouts' panels short, so larger sizes are tried before their own: the back and
    the cover (which keep the kit's size) are made once for all of them, not again at each (a guard of the build's
    time, 8 ms a back: the same bytes either way, tests/test_golden.py; the Arabic tri-fold made its back 3 times,
    the bi-fold twice, the flyer 3 times)."""
    made: list[tuple[object, ...]] = []
    back, cover = engine.back, engine.cover

    def counted_back(inp: Any, place: Any, page: int) -> Any:
        made.append(("back", inp.theme.scale.body, inp.keep_sections, inp.fine_flows, inp.trial, place, page))
        return back(inp, place, page)

    def counted_cover(inp: Any, area: Any) -> Any:
        made.append(("cover", inp.theme.scale.body, inp.keep_sections, inp.fine_flows, inp.trial, area))
        return cover(inp, area)

    monkeypatch.setattr(engine, "back", counted_back)
    monkeypatch.setattr(engine, "cover", counted_cover)
    tried = []
    larger = engine._larger
    monkeypatch.setattr(engine, "_larger", lambda *a: tried.append(1) or larger(*a))
    result = api.build(sources(ROOT / "translations" / "ar.yaml"), api.Options(layout=layout))  # type: ignore[arg-type]
    assert result.ok and tried
    assert len(made) == len(set(made)), made
