"""Balanced panels, measured from the PDF's pixels: the panels one flow of words runs through on a side of the
sheet end within 12 mm of each other in every shipped layout, and the gaps between sections vary by no more than
3 mm."""

from __future__ import annotations

import itertools
import json
import random
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import yaml
from conftest import Inputs, edit
from helpers import BRAND, CONTENT, MAPLE, ROOT, build, copied_kit, result_of, sources, texts
from reportlab.pdfbase.pdfmetrics import stringWidth

from brochure import api, cli
from brochure.geometry.sheet import MM
from brochure.layout import PLANS, together
from brochure.layout.flow import Frame
from brochure.layout.model import Item, Layout, Text
from brochure.vocabulary import LayoutName, PaperName

DPI = 72
EDITIONS = list(itertools.product((BRAND, MAPLE), ("trifold", "bifold", "flyer"), ("a4", "letter")))
IDS = [f"{'maple' if b == MAPLE else 'clearwater'}-{layout}-{paper}" for b, layout, paper in EDITIONS]


def _foot(image: object, left: float, right: float, bottom: float, top: float, media_h: float) -> float:
    """How far above `bottom` (pt) the lowest inked pixel between left and right lies."""
    crop = image.crop((round(left), round(media_h - top), round(right), round(media_h - bottom))).convert("L")  # type: ignore[attr-defined]
    w, h = crop.size
    pixels = crop.load()
    for row in range(h - 1, -1, -1):
        if any(pixels[x, row] < 200 for x in range(w)):
            return float(h - 1 - row)
    return float(h)


def risks_on_the_back(tmp_path: Path, content: Path) -> Path:
    """A copy of a shipped content file with the risks placed on the bi-fold's back and "When to contact us" in
    the main flow (as the words were placed before 2026-12-04): a longer section on the back and room to spare
    inside, to measure how the engine balances both."""
    text = content.read_text(encoding="utf-8")
    assert text.count("    place: {bifold: back}\n") == 1 and text.count("place: {flyer: back}") == 1
    text = text.replace("    place: {bifold: back}\n", "").replace(
        "place: {flyer: back}", "place: {bifold: back, flyer: back}"
    )
    path = tmp_path / content.name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(("brand", "layout", "paper"), EDITIONS, ids=IDS)
def test_the_panels_of_the_main_flow_end_within_12mm_of_each_other(brand: Path, layout: str, paper: str) -> None:
    result = result_of(sources(CONTENT, brand), api.Options(layout=layout, paper=paper))  # type: ignore[arg-type]
    assert result.ok and result.pdf and result.layout
    plan = PLANS[layout](result.layout.sheet)[0 if result.pages == 1 else -1]
    frames = plan.flows["main"]
    doc = pdfium.PdfDocument(result.pdf)
    try:
        images = [doc[i].render(scale=DPI / 72).to_pil() for i in range(len(doc))]
    finally:
        doc.close()
    media_h = result.layout.sheet.media.h
    # (the bi-fold's four columns over two pages, its short sections kept whole on one page: within 20 mm)
    limit = 20.0 if layout == "bifold" else 12.0
    for page in {f.page for f in frames}:  # the panels a reader sees side by side, the bi-fold's opened spread
        feet = [
            _foot(images[f.page], f.box.x, f.box.right, f.box.y, f.box.top, media_h) / MM
            for f in frames
            if f.page == page and any(t.region == f.region for t in texts(result.layout))
        ]
        assert max(feet) - min(feet) <= limit, [round(v, 1) for v in feet]


@pytest.mark.parametrize(
    ("brand", "paper", "level"),
    [(BRAND, "a4", 3.0), (BRAND, "letter", 20.0), (MAPLE, "a4", 3.0), (MAPLE, "letter", 12.0)],
    ids=["clearwater-a4", "clearwater-letter", "maple-a4", "maple-letter"],
)
def test_the_bifolds_inside_spread_ends_level(tmp_path: Path, brand: Path, paper: str, level: float) -> None:
    """The bi-fold's inside pages are two columns each, seen together when it is opened: the four columns end
    about level over both pages (filling the first page and balancing the second left the second's columns 40-105
    mm short of the first's), and every line stays in its column. Measured with the risks on the back, so that the
    words fill neither page (the shipped words fill both). How level: within 20 mm, as balanced now within `level`
    (Maple & Main's A4 inside, set at 10.5 pt, ends within 0.1 mm; balanced only coarsely, 16 mm apart)."""
    content = risks_on_the_back(tmp_path, CONTENT)
    result = result_of(sources(content, brand), api.Options(layout="bifold", paper=paper))  # type: ignore[arg-type]
    assert result.ok and result.layout
    frames = PLANS["bifold"](result.layout.sheet)[0].flows["main"]
    assert len(frames) == 4 and len({f.seen for f in frames}) == 2
    items = [i for i in result.layout.pages[1].items if i.section]
    feet = [min((i.box.y for i in items if f.box.contains(i.box, 0.5)), default=f.box.top) - f.box.y for f in frames]
    assert max(feet) - min(feet) <= level * MM, [round(v / MM, 1) for v in feet]
    assert max(feet) >= 10 * MM, [round(v / MM, 1) for v in feet]  # (these words, set larger, fill neither page)
    line = [t for t in texts(result.layout) if t.region.startswith("inside") and t.role == "paragraph"]
    assert line and max(t.box.w for t in line) <= frames[0].box.w + 0.5  # every line in its column


@pytest.mark.parametrize(
    ("content", "brand", "lowest"),
    [(ROOT / "translations" / "en-US.yaml", MAPLE, 55.0), (ROOT / "translations" / "ar.yaml", BRAND, 55.0)],
    ids=["maple-en-US", "clearwater-ar"],
)
def test_words_that_leave_the_bifolds_inside_short_are_set_larger_to_fill_it(
    content: Path, brand: Path, lowest: float
) -> None:
    """Maple & Main's US bi-fold (Letter) and the Arabic one fit their inside at 9.5 pt with every column ending
    56-66 mm above its foot, a quarter of the page left blank: the inside's type is set larger (up to 10.5 pt, the
    top of the design's body sizes) until it fills them, each column ending lower than before. The back, set as
    designed, keeps its 9.5 pt body; rules and icons keep their size. (At 10.5 pt they would end 20-25 mm apart:
    the largest size whose columns end about level is taken.)"""
    result = result_of(sources(content, brand), api.Options(layout="bifold"))
    assert result.ok and result.layout and result.body_size is not None
    assert 9.5 < result.body_size <= 10.5
    frames = PLANS["bifold"](result.layout.sheet)[0].flows["main"]
    inside = [t for t in texts(result.layout) if t.region.startswith("inside")]
    feet = [min(t.box.y for t in inside if f.box.contains(t.box, 0.5)) - f.box.y for f in frames]
    assert max(feet) <= lowest * MM, [round(v / MM) for v in feet]  # (56-66 mm at 9.5 pt)
    assert {t.runs[0].size for t in inside if t.role == "paragraph"} == {result.body_size}
    back = [t for t in texts(result.layout) if t.region == "back" and t.section == "contact-us"]
    assert back and {r.size for t in back for r in t.runs if t.role == "list_item" and r.rise == 0} == {9.5}


def test_words_set_larger_keep_every_word_inside_its_column(tmp_path: Path) -> None:
    """A web address that fits its column at 9.5 pt but not at 10.25 or 10.5: the inside is not set at a size that
    would run it over the column's edge (the build stopped with 'a web address is 5.4 mm too long'); the leaflet
    builds."""
    content = tmp_path / "en-US.yaml"
    text = (ROOT / "translations" / "en-US.yaml").read_text(encoding="utf-8")
    sheet = "You get an aftercare sheet."
    assert text.count(sheet) == 1
    content.write_text(text.replace(sheet, sheet[:-1] + " (maplemainderm.com/aftercareinstruction)."), encoding="utf-8")
    result = api.build(sources(content, MAPLE), api.Options(layout="bifold"))
    assert result.ok, [d.format() for d in result.diagnostics if d.is_error]
    assert result.body_size is not None and 9.5 <= result.body_size <= 10.5


@pytest.mark.parametrize(
    ("content", "layout"),
    [("translations/es.yaml", "bifold"), ("translations/pl.yaml", "flyer"), ("translations/ar.yaml", "trifold")],
)
def test_the_own_sizes_attempt_balances_the_plain_flow_made_to_measure_it(
    monkeypatch: pytest.MonkeyPatch, content: str, layout: LayoutName
) -> None:
    """The main flow, flowed plain at the kit's size to measure how much of its frames the words take (whether to
    set them larger), is handed to the attempt at that size, which balances it rather than make and flow its items
    again: the same PDF and findings as flowing them again, one plain flow fewer (a Spanish bi-fold whose larger
    size does not fit, a Polish flyer with no room to grow, an Arabic tri-fold set at 9.25 pt after both)."""
    from brochure.layout import compose, larger

    flows: list[int] = []
    flow_plain = compose.flow_plain

    def counted(*args: object) -> compose.Plain:
        flows.append(1)
        return flow_plain(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(compose, "flow_plain", counted)
    monkeypatch.setattr(larger, "flow_plain", counted)
    src, options, epoch = (
        sources(ROOT / content, BRAND),
        api.Options(layout=layout),
        {"SOURCE_DATE_EPOCH": "1764547200"},
    )
    handed = api.build(src, options, epoch)
    handed_flows = len(flows)
    flows.clear()
    sizes_to_try = larger.sizes_to_try
    monkeypatch.setattr(larger, "sizes_to_try", lambda *args: (sizes_to_try(*args)[0], None))  # (none handed on)
    again = api.build(src, options, epoch)
    assert handed.ok and handed.pdf == again.pdf
    assert [d.format() for d in handed.diagnostics] == [d.format() for d in again.diagnostics]
    assert handed_flows == len(flows) - 1, (handed_flows, len(flows))


def _variant(seed: int) -> str:
    """The shipped words with, by a seeded draw, paragraphs repeated or dropped, list items dropped, and a section
    or two kept whole or starting a new column: words that balance differently from the shipped ones."""
    rng = random.Random(seed)
    lines = CONTENT.read_text(encoding="utf-8").splitlines(keepends=True)
    out: list[str] = []
    for line, after in zip(lines, [*lines[1:], ""], strict=True):
        if line.startswith('      - text: "') and not after.startswith("        "):  # (a paragraph alone)
            draw = rng.random()
            if draw < 0.15:
                continue  # (a paragraph dropped)
            out.append(line)
            if draw > 0.75:
                out.append(line)  # (repeated)
        elif line.startswith('          - "') and rng.random() < 0.2:
            continue  # (a list item dropped)
        elif line.startswith("    heading: ") and rng.random() < 0.3:
            out += [line, rng.choice(("    keep: together\n", "    break: before\n"))]
        else:
            out.append(line)
    return "".join(out)


@pytest.mark.parametrize(
    ("seed", "brand", "paper"),
    [(2, MAPLE, "letter"), (7, BRAND, "a4"), (184, MAPLE, "a4")],
    ids=["2-maple", "7-clearwater", "184-maple-a4"],
)
def test_balancing_flows_again_only_cuts_that_could_place_the_words_otherwise(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, seed: int, brand: Path, paper: PaperName
) -> None:
    """Balancing tries cuts off the side's frames and keeps the most level; a cut is not flowed when one flowed
    already places the words as it would (balancing.placed_alike: every shortened frame left more room under its
    words than the larger cut takes off, and none ended where a section kept whole moved on because the next frame
    holds it: a shorter next frame may not, and the section is split instead, as seed 184's bi-fold showed). Over
    seeded variants of the shipped words in the tri-fold, bi-fold and flyer of two kits, the same PDF and findings
    as flowing every cut, with fewer flows."""
    from brochure.layout import balancing, compose

    content = tmp_path / "content.yaml"
    content.write_text(_variant(seed), encoding="utf-8")
    src, epoch = sources(content, brand), {"SOURCE_DATE_EPOCH": "1764547200"}
    flows: list[int] = []
    flow = compose.flow

    def counted(*args: object) -> object:
        flows.append(1)
        return flow(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(compose, "flow", counted)  # (the plain flow)
    monkeypatch.setattr(balancing, "flow", counted)  # (the trials)
    counts = []
    for layout in ("trifold", "bifold", "flyer"):
        options = api.Options(layout=layout, paper=paper)  # type: ignore[arg-type]
        flows.clear()
        skipping = api.build(src, options, epoch)
        skipped = len(flows)
        flows.clear()
        with monkeypatch.context() as m:
            m.setattr(balancing, "placed_alike", lambda flowed, cut: False)  # (every cut flowed)
            every = api.build(src, options, epoch)
        assert skipping.pdf == every.pdf, layout
        assert [d.format() for d in skipping.diagnostics] == [d.format() for d in every.diagnostics], layout
        counts.append((skipped, len(flows)))
    assert all(a <= b for a, b in counts) and sum(a for a, _ in counts) < sum(b for _, b in counts), counts


def test_words_set_larger_leave_the_tri_folds_panels_level(tmp_path: Path) -> None:
    """Without its treatment steps the tri-fold's words fill its inside at 9.5 pt with room to spare; at 10.25 pt
    'Risks and side effects' went whole to the narrow third panel, which ended 20 mm above the other two. The
    size taken leaves the three panels ending within 12 mm of each other."""
    words = yaml.safe_load(CONTENT.read_text(encoding="utf-8"))
    words["sections"] = [s for s in words["sections"] if s["id"] != "your-treatment"]
    content = tmp_path / "content.yaml"
    content.write_text(yaml.safe_dump(words, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = api.build(sources(content, BRAND), api.Options(layout="trifold"))
    assert result.ok and result.layout and result.body_size is not None and result.body_size > 9.5
    frames = PLANS["trifold"](result.layout.sheet)[0].flows["main"]
    inside = [t for t in texts(result.layout) if t.region.startswith("inside")]
    feet = [min(t.box.y for t in inside if t.region == f.region) for f in frames]
    assert max(feet) - min(feet) <= 12 * MM, [round((y - frames[0].box.y) / MM) for y in feet]


def test_a_bifolds_few_words_stay_on_its_first_page(inputs: Inputs) -> None:
    """Words that end on the first inside page are balanced over its two columns, not spread thin over both pages,
    four columns a quarter full each: the second page is left empty, and warned of."""
    words = "Micro-needling makes tiny pricks in the skin so that it heals with new collagen, over weeks. " * 3
    more = "".join(f'      - text: "{words.strip()}"\n' for _ in range(7))
    edit(inputs.content, "  - id: risks\n", f"  - id: more\n    heading: More\n    blocks:\n{more}  - id: risks\n")
    result = build(inputs, layout="bifold")
    assert result.ok and result.layout
    columns = PLANS["bifold"](result.layout.sheet)[0].flows["main"]
    inside = [i for i in result.layout.pages[1].items if i.section]
    used = [f for f in columns if any(f.box.contains(i.box, 0.5) for i in inside)]
    assert [f.seen for f in used] == [columns[0].seen] * 2, [f.seen for f in used]  # (both of page 1's columns)
    assert any("the bi-fold's inside-2 panel is empty" in d.message for d in result.diagnostics)


@pytest.mark.parametrize("content", [CONTENT, ROOT / "translations" / "ar.yaml"], ids=["en", "ar"])
def test_the_bifolds_back_sets_its_sections_in_two_columns(content: Path) -> None:
    """The bi-fold's back is an A5 page: the sections placed there ("When to contact us") run in two columns, read
    from the left (from the right in Arabic), so that their lines are as short as the inside's, not 80-96
    characters; its second list (out of hours, 999) heads the second column."""
    result = result_of(sources(content, BRAND), api.Options(layout="bifold"))
    assert result.ok and result.layout
    back = result.layout.sheet.sides[0].panel("back").content
    lines = [t for t in texts(result.layout) if t.region == "back" and t.section == "contact-us"]
    assert lines and max(t.box.w for t in lines) <= back.w / 2
    middle = back.x + back.w / 2
    first, last = min(lines, key=lambda t: t.z), max(lines, key=lambda t: t.z)
    reads = (first.box.x < middle, last.box.x < middle)
    assert reads == ((False, True) if content.name == "ar.yaml" else (True, False))
    second = [t for t in lines if (t.box.x < middle) == (content.name == "ar.yaml")]
    assert second and "111" in max(second, key=lambda t: t.box.top).text  # (the out-of-hours line first)


@pytest.mark.parametrize(
    "content", ["content.yaml", "translations/ar.yaml", "translations/pl.yaml", "translations/vi.yaml"]
)
def test_the_bifolds_back_columns_end_level(tmp_path: Path, content: str) -> None:
    """The risks on the bi-fold's back, in two columns, end within 9 mm of each other (two lines: the second column
    starts under the heading, level with the first's words, and the columns break between items): their three-item
    list may break between the columns of that one page, its last item at the head of the second (the English
    back's second column ended 36 mm above the first, the whole list kept in the first; the Polish and Vietnamese
    backs ran in one column of 80-96 characters a line). The shipped words place the risks inside: placed on the
    back here."""
    result = result_of(sources(risks_on_the_back(tmp_path, ROOT / content), BRAND), api.Options(layout="bifold"))
    assert result.ok and result.layout
    back = result.layout.sheet.sides[0].panel("back").content
    middle = back.x + back.w / 2
    lines = [t for t in texts(result.layout) if t.region == "back" and t.section == "risks"]
    columns = [[t.box.y for t in lines if (t.box.x < middle) == left] for left in (True, False)]
    assert all(columns), "the risks run in one column"
    ends = [min(column) for column in columns]
    assert abs(ends[0] - ends[1]) <= 9 * MM, [e / MM for e in ends]


@pytest.mark.parametrize(
    ("brand", "content", "paper"),
    [
        (BRAND, CONTENT, "a4"),
        (MAPLE, ROOT / "translations" / "en-US.yaml", "letter"),
        (BRAND, ROOT / "translations" / "ar.yaml", "a4"),
    ],
    ids=["clearwater", "maple-letter", "arabic"],
)
def test_the_bifolds_back_spaces_its_booking_block_between_the_sections_and_the_fine_print(
    brand: Path, content: Path, paper: str
) -> None:
    """The booking block sat 6 mm under the sections and 35-53 mm above the fine print at the foot, a hole in the
    back's middle: the room left is shared, the gaps above and under the block within 3 mm of each other."""
    result = result_of(sources(content, brand), api.Options(layout="bifold", paper=paper))  # type: ignore[arg-type]
    assert result.ok and result.layout
    items = [i for i in result.layout.pages[0].items if i.region == "back"]
    lines = [t for t in items if isinstance(t, Text)]
    section = min(t.box.y for t in lines if t.section == "contact-us")
    small = min(max(r.size for r in t.runs) for t in lines)
    fine = max(t.box.top for t in lines if max(r.size for r in t.runs) <= small + 0.01)
    block = [i for i in items if i.box.top < section - 1 and i.box.y > fine + 0.5]
    above, under = section - max(i.box.top for i in block), min(i.box.y for i in block) - fine
    assert under > 5 * MM and abs(above - under) <= 3 * MM, (above / MM, under / MM)


def test_a_bifolds_back_too_full_for_two_columns_keeps_one(tmp_path: Path) -> None:
    """The risks placed on the back with 30 words more fill it: in two columns they do not leave the booking block
    its room, so the section runs in one column across the back, and the edition builds. The Spanish risks as
    written (which ran in one column while their heading broke in two lines in the first column) fit two columns
    under their heading across both."""
    content = risks_on_the_back(tmp_path, CONTENT)
    text = content.read_text(encoding="utf-8")
    at = text.index("    blocks:\n", text.index("  - id: risks")) + len("    blocks:\n")
    more = " ".join(["Ask at your consultation which care your skin needs after each session."] * 3)
    content.write_text(f'{text[:at]}      - text: "{more}"\n{text[at:]}', encoding="utf-8")
    spanish = risks_on_the_back(tmp_path, ROOT / "translations" / "es.yaml")
    for words, one in ((content, True), (spanish, False)):
        result = result_of(sources(words, BRAND), api.Options(layout="bifold"))
        assert result.ok and result.layout
        back = result.layout.sheet.sides[0].panel("back").content
        lines = [t for t in texts(result.layout) if t.region == "back" and t.section == "risks"][1:]  # (its words)
        assert lines and (max(t.box.w for t in lines) > back.w * 0.75) == one, words  # (across the back, or half)


def test_section_gaps_vary_by_no_more_than_3mm() -> None:
    """From the lowest thing printed of a section to the top of the next section's (its heading's rule), in
    each panel the words flow through: one rhythm, grown by at most 3 mm where a panel is evened up."""
    for brand, layout, paper in EDITIONS:
        lay = result_of(sources(CONTENT, brand), api.Options(layout=layout, paper=paper)).layout  # type: ignore[arg-type]
        assert lay is not None
        frames = [f for plan in PLANS[layout](lay.sheet) for flow in plan.flows.values() for f in flow]
        gaps = []
        for page in lay.pages:
            for column in {_column(i, frames) for i in page.items if i.section}:
                own = [i for i in page.items if i.section and _column(i, frames) == column]
                order: list[str] = []
                for item in sorted(own, key=lambda i: i.z):
                    if item.section not in order:
                        order.append(item.section)
                boxes = {sid: [i.box for i in own if i.section == sid] for sid in order}
                for a, b in itertools.pairwise(order):
                    gaps.append(min(x.y for x in boxes[a]) - max(x.top for x in boxes[b]))
        assert gaps and (max(gaps) - min(gaps)) / MM <= 3.0 + 0.01, (brand.name, layout, paper, sorted(gaps))


def _column(item: Item, frames: list[Frame]) -> tuple[str, float]:
    """The frame (a panel, or a column of a page) an item was set in: its region, and the left of the frame it
    starts in."""
    x = item.box.x + 0.5
    inside = [f for f in frames if f.region == item.region and f.box.x <= x < f.box.right]
    return (item.region, inside[0].box.x if inside else 0.0)


def test_check_reports_the_white_space_at_the_foot_of_each_panel(tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    assert cli.main(["check", "--json", str(report)]) == 0
    found = json.loads(report.read_text())
    panels = found["panels"]
    assert found["body_pt"] == 9.25  # the inside's body type as fitted (the shipped words tightened from 9.5 pt)
    assert [(p["side"], p["panel"]) for p in panels] == [
        ("outside", "flap"),
        ("outside", "back"),
        ("outside", "cover"),
        ("inside", "inside-1"),
        ("inside", "inside-2"),
        ("inside", "inside-3"),
    ]
    inside = [p["white_at_foot_mm"] for p in panels if p["side"] == "inside"]
    assert all(0 <= v <= 20 for v in inside) and max(inside) - min(inside) <= 12


@pytest.mark.parametrize(
    ("small", "kit_size"),
    [(True, None), (False, None), (False, "10")],
    ids=["few-words", "shipped-words", "shipped-words-from-10pt"],
)
def test_a_two_sided_flyer_fills_its_front_before_its_words_go_over_the_page(
    tmp_path: Path, small: bool, kit_size: str | None
) -> None:
    """The flyer's columns are balanced on the side its words end on, as a leaflet's panels are: the front is
    filled first. The small test leaflet's words all fit the front's two columns, so the back holds only the call
    to action (its front was two thirds empty, its second section moved to the back, when the front's columns
    were evened with the back's across the page turn); the shipped words go over the page with the front's
    columns full to within 25 mm of their feet, the section that goes over the page whole (also from a kit's 10 pt,
    tightened to 9.75: set there, 'Other options' would straddle the page turn)."""
    from helpers import SMALL, TEST_BRAND

    brand = BRAND
    if kit_size is not None:
        brand = copied_kit(tmp_path)
        brand.write_text(brand.read_text(encoding="utf-8") + f"type: {{body_size: {kit_size}}}\n", encoding="utf-8")
    src = sources(SMALL, TEST_BRAND) if small else sources(CONTENT, brand)
    result = api.build(src, api.Options(layout="flyer"))
    assert result.ok and result.layout is not None and result.pages == 2
    plan = PLANS["flyer"](result.layout.sheet)[-1]
    front, back = [f for f in plan.flows["main"] if f.page == 0], plan.flows["main"][-1]
    on_back = {t.section for t in texts(result.layout, region=back.region) if t.section}
    if small:
        assert on_back == set()
        return
    assert on_back
    for frame in front:
        foot = min(t.box.y for t in texts(result.layout, region=frame.region))
        assert (foot - frame.box.y) / MM < 25.0, f"{frame.region}: {(foot - frame.box.y) / MM:.0f} mm empty"
    on_front = {t.section for f in front for t in texts(result.layout, region=f.region) if t.section}
    assert not on_front & on_back  # (no section split over the page)


SHORT_WORDS = """\
sections:
  - id: aftercare
    heading: Aftercare
    blocks:
      - text: "Micro-needling is a skin treatment. Our pen-shaped device has fine, sterile needles, used once."
      - bullets: ["No make-up for 24 hours", "Wear SPF 30 or higher every day", "Call us if it gets worse"]
call_to_action:"""


def test_balancing_never_splits_a_short_section_over_the_bifolds_pages(inputs: Inputs) -> None:
    """Words of one section about 25 mm tall: the bi-fold put its heading and paragraph on one inside page and its
    bullets alone at the top of the other, to even the pages, and the warning that half the inside was empty never
    came. The section stays on one page (as the README says: a section at most half a page tall is never split
    between the two); the warning comes."""
    layout = "bifold"
    text = inputs.content.read_text(encoding="utf-8")
    start, end = text.index("sections:"), text.index("call_to_action:")
    inputs.content.write_text(text[:start] + SHORT_WORDS + text[end + len("call_to_action:") :], encoding="utf-8")
    result = build(inputs, layout=layout)
    assert result.ok and result.layout is not None, [d.format() for d in result.diagnostics]
    panels = {item.panel for page in result.layout.pages for item in page.items if item.section == "aftercare"}
    assert len(panels) == 1, panels
    assert any("inside-2" in d.message and "empty" in d.message for d in result.diagnostics), result.diagnostics


@pytest.mark.parametrize("content", ["content.yaml", "es.yaml", "pl.yaml", "vi.yaml"])
def test_a_heading_that_wraps_breaks_into_lines_about_even(content: str) -> None:
    """A section heading too long for its column breaks into lines about as long as each other, as a designer
    breaks it: the bi-fold's columns printed 'What it can and cannot / do', a word alone on the last line."""
    path = CONTENT if content == "content.yaml" else ROOT / "translations" / content
    result = result_of(sources(path, BRAND), api.Options(layout="bifold"))
    assert result.ok and result.layout
    headings: dict[str, list[float]] = {}
    for t in texts(result.layout):
        if t.role == "heading":
            headings.setdefault(t.element, []).append(t.box.w)
    wrapped = [widths for widths in headings.values() if len(widths) > 1]
    assert wrapped  # (each of these editions has a heading too long for a column)
    assert all(min(widths) >= 0.5 * max(widths) for widths in wrapped), wrapped


@pytest.mark.parametrize("content", ["es.yaml", "pl.yaml"])
def test_the_qr_codes_label_breaks_into_lines_about_even(content: str) -> None:
    """Beside the bi-fold back's QR code, the Spanish label printed 'Escanee para pedir / cita' and the Polish
    'Zeskanuj, aby się / umówić', a word alone under three. They break as a designer breaks them: 'Escanee para /
    pedir cita', 'Zeskanuj, aby / się umówić'."""
    src = sources(ROOT / "translations" / content, BRAND)
    result = api.build(src, api.Options(layout="bifold"))
    assert result.ok and result.layout
    words = src.content.qr_label
    label = [t for t in texts(result.layout, region="back") if t.text.strip() and t.text.strip() in words]
    assert len(label) == 2 and " ".join(t.text.strip() for t in label) == words, [t.text for t in label]
    widths = [t.box.w for t in label]
    assert min(widths) >= 0.6 * max(widths), [t.text for t in label]
    back = texts(result.layout, region="back")
    address = back[back.index(label[-1]) + 1]  # (the booking address under it, flush with it at the left)
    assert "clearwaterskin.co.uk" in address.text, address.text
    assert all(abs(t.box.x - address.box.x) < 0.5 for t in label), [(t.text, t.box.x, address.box.x) for t in label]


def test_a_qr_label_of_five_words_breaks_into_lines_about_even(tmp_path: Path) -> None:
    """Not only a word alone under the others (which the runt rule of layout/together.py mends too): a label whose
    greedy breaking leaves two words under three is balanced ('Escanee para / pedir una cita')."""
    text = (ROOT / "translations" / "es.yaml").read_text(encoding="utf-8")
    label = "Escanee para pedir una cita"
    assert text.count("\n  qr_label: ") == 1
    start = text.index("\n  qr_label: ") + len("\n  qr_label: ")
    text = text[:start] + label + text[text.index("\n", start) :]
    (tmp_path / "es.yaml").write_text(text, encoding="utf-8")
    result = result_of(sources(tmp_path / "es.yaml", BRAND), api.Options(layout="bifold"))
    assert result.ok and result.layout
    lines = [t for t in texts(result.layout, region="back") if t.text.strip() and t.text.strip() in label]
    assert [t.text.strip() for t in lines] == ["Escanee para", "pedir una cita"]  # (not "… pedir / una cita")


@pytest.mark.parametrize("layout", ["trifold", "bifold"])
def test_a_heading_with_a_word_wider_than_its_column_is_told_not_set_wider(inputs: Inputs, layout: str) -> None:
    """Balancing a heading's lines never sets it wider than its column: a word too long for the column is the
    error that says so, as before (it was set 277 pt wide in a 179 pt column, over the next column's words)."""
    edit(inputs.content, "heading: What is it?", "heading: Supercalifragilisticexpialidociousnessitudeness treatment")
    result = build(inputs, layout=layout)
    errors = [d.message for d in result.diagnostics if d.is_error]
    assert result.pdf is None and any("too long for its column" in m for m in errors), errors


def test_a_paragraph_balanced_into_the_narrow_panel_and_back_is_set_at_the_width_it_prints_at(tmp_path: Path) -> None:
    """The tri-fold's third inside panel is narrower than the other two (it folds in). Balancing tries the words
    in each panel; a paragraph it last tried in the narrow panel but placed in a wide one drew the narrow lines,
    and on Letter, with the first two sections left out, the 'risks' section was printed over its neighbour (a
    build that failed). Every paragraph is set at its own panel's width: its lines keep to the column, and each
    line but a paragraph's last is full (the next line's first word would not have fitted on it), unless that word
    was carried over to stay with the words after it (a number and what it counts, a last word not left alone:
    layout/together.py)."""
    data = yaml.safe_load(CONTENT.read_text(encoding="utf-8"))
    data["sections"] = [s for s in data["sections"] if s["id"] not in ("what-is-it", "what-it-can-do")]
    content = tmp_path / "content.yaml"
    content.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for paper in ("a4", "letter"):
        result = result_of(sources(content, BRAND), api.Options(layout="trifold", paper=paper))
        assert result.ok and result.layout is not None, [d.format() for d in result.diagnostics]
        lines = [
            t for t in texts(result.layout) if t.role in ("paragraph", "list_item") and t.region.startswith("inside")
        ]
        assert lines and all(t.overrun < 0.5 for t in lines), [t.text for t in lines if t.overrun >= 0.5]
        for line, after, then in zip(lines, lines[1:], [*lines[2:], None], strict=False):
            if line.element != after.element or line.measure != after.measure or not after.text.split():
                continue  # (not the same paragraph's next line)
            word, run = after.text.split()[0], after.runs[0]
            if together.parted([*line.text.split(), word], after.text.split()[1:]):
                continue  # (carried over on purpose)
            if len(after.text.split()) == 2 and (then is None or then.element != after.element):
                continue  # (carried over so that the last word is not alone on its line)
            needs = stringWidth(" " + word, run.font, run.size)
            assert line.box.right + needs > line.measure.right - 0.5, (paper, line.text, word)


def test_a_bifold_back_of_two_sections_starts_its_columns_level(tmp_path: Path) -> None:
    """The risks (shortened) and "When to contact us" both on the back: the second column goes on with the risks at
    the columns' top, as columns do (lowered by the first heading's height, it put the next heading 10 mm below the
    first's, or ran on under it)."""
    text = CONTENT.read_text(encoding="utf-8").replace("place: {flyer: back}", "place: {flyer: back, bifold: back}")
    cut = '      - text: "It may not work as well as you hoped'
    text = "\n".join(line for line in text.splitlines() if not line.startswith(cut)) + "\n"
    path = tmp_path / "content.yaml"
    path.write_text(text, encoding="utf-8")
    result = result_of(sources(path, BRAND), api.Options(layout="bifold"))
    assert result.ok and result.layout
    back = result.layout.sheet.sides[0].panel("back").content
    lines = [t for t in texts(result.layout) if t.region == "back" and t.section in ("risks", "contact-us")]
    first = [t for t in lines if t.box.x < back.x + back.w / 2]
    second = [t for t in lines if t.box.x >= back.x + back.w / 2]
    words = max(t.baseline for t in first if t.text != "Risks and side effects")  # (the first column's first words)
    assert second and max(t.baseline for t in second) > words + 5 * MM, (
        words / MM,
        max(t.baseline for t in second) / MM,
    )


def test_a_bifold_back_of_one_long_section_keeps_two_columns(tmp_path: Path) -> None:
    """ "When to contact us" with five more items: two columns hold it when its second column starts at the columns'
    top (lowered by its heading's height, it ran in one column of 80-96 characters a line)."""
    more = "".join(
        f'          - "**Call us** if extra symptom number {i} appears or lasts longer than expected"\n'
        for i in range(5)
    )
    text = CONTENT.read_text(encoding="utf-8")
    anchor = '          - "**Call us** for cold sores, redness after a week, or new lumps or dark patches"\n'
    assert text.count(anchor) == 1
    path = tmp_path / "content.yaml"
    path.write_text(text.replace(anchor, anchor + more), encoding="utf-8")
    result = result_of(sources(path, BRAND), api.Options(layout="bifold"))
    assert result.ok and result.layout
    back = result.layout.sheet.sides[0].panel("back").content
    lines = [t for t in texts(result.layout) if t.region == "back" and t.section == "contact-us"]
    assert any(t.box.x >= back.x + back.w / 2 for t in lines), "one column"


def _headings_left_short(layout: Layout) -> list[tuple[str, int]]:
    """Each section's heading that ends a column (a page, a panel or a bi-fold's column) with fewer than three lines
    of its section under it, its section going on in a later column: (its words, the lines under it)."""
    short = []
    for p, page in enumerate(layout.pages):
        lines = [t for t in page.items if isinstance(t, Text) and t.section]
        for i, head in enumerate(lines):
            if head.role != "heading" or head.level != 2:
                continue
            column = (head.measure.x - 0.5, head.measure.right)
            rest = [t for t in lines[i + 1 :] if t.section == head.section]
            under = [t for t in rest if column[0] <= t.box.x < column[1]]
            later = len(under) < len(rest) or any(
                isinstance(t, Text) and t.section == head.section for q in layout.pages[p + 1 :] for t in q.items
            )
            in_a_card = bool(under) and abs(under[0].measure.x - head.measure.x) > 0.5  # (a card whole: a unit)
            if later and len(under) < 3 and not in_a_card:
                short.append((head.text, len(under)))
    return short


@pytest.mark.parametrize(
    ("content", "brand", "layout", "paper"),
    [
        ("content.yaml", BRAND, "large-print", "letter"),  # "Is it right for me?" and its lead-in, the list overleaf
        ("translations/pl.yaml", BRAND, "bifold", "a4"),  # "Po zabiegu" and two lines, the rest in the next column
        ("translations/ar.yaml", BRAND, "large-print", "a4"),
        ("translations/en-US.yaml", MAPLE, "large-print", "letter"),
    ],
)
def test_no_heading_ends_a_column_with_a_line_or_two_under_it(
    content: str, brand: Path, layout: str, paper: str
) -> None:
    """The designer's findings: a heading with a two-line lead-in at a page's foot, its list overleaf, and one with
    two lines of its paragraph at a column's foot, the rest in the next. Such a heading goes on with them."""
    result = result_of(sources(ROOT / content, brand), api.Options(layout=layout, paper=paper))  # type: ignore[arg-type]
    assert result.layout is not None
    assert _headings_left_short(result.layout) == []


def test_a_frame_a_section_moved_on_from_is_never_taken_as_placed_alike_guard() -> None:
    """A guard (a hand-made flow result; seed 184's bi-fold, where a shorter next frame split a section that had
    moved on whole, is laid out otherwise since a heading keeps its lead-in): a frame that ended where a section
    kept whole moved on leaves no room a larger cut could be judged by, so that cut is flowed again."""
    from brochure.layout.balancing import _rooms, placed_alike
    from brochure.layout.flow import FlowResult

    res = FlowResult(placed=((), ()), leftover=(), spare=(30.0, 10.0), moved_on=(True, False))
    rooms = _rooms(res, 0, 2)
    assert rooms == (-1.0, 10.0)
    assert not placed_alike([(2.0, rooms)], 5.0)  # (30 mm of room would have taken the 5 mm cut as alike)
    assert placed_alike([(2.0, (30.0, 10.0))], 5.0)
