"""Layout hints in the words: a section kept whole (`keep: together`) or starting a new panel, column or page
(`break: before`) in every layout, or an error at the hint saying why it cannot be; line breaks in titles and
headings, which the PDF's title and outline do not carry."""

from __future__ import annotations

import pytest
from conftest import Inputs, edit, position
from helpers import build, check, reopen, texts
from reportlab.platypus import Spacer

from brochure.geometry.sheet import MM, SHEETS, Rect
from brochure.layout import PLANS
from brochure.layout.flow import Frame, Item, flow
from brochure.layout.model import Layout
from brochure.vocabulary import LayoutName

WORDS = "Words that keep going to fill the column, line after line. " * 3


def with_second(inputs: Inputs, before: int, own: int, hint: str = "") -> str:
    """The small leaflet with `before` more paragraphs in its first section and, after it, a section 'second' of
    `own` paragraphs (with the hint's lines); the content file's text."""
    paragraphs = "".join(f'      - text: "{WORDS}"\n' for _ in range(before))
    edit(inputs.content, '      - text: "Fine needles', paragraphs + '      - text: "Fine needles')
    second = "".join(f'      - text: "{WORDS}"\n' for _ in range(own))
    return edit(
        inputs.content,
        "  - id: risks\n",
        f"  - id: second\n    heading: Second\n{hint}    blocks:\n{second}  - id: risks\n",
    )


def regions(layout: Layout, section: str) -> list[str]:
    """The regions a section's pieces are printed in, in reading order."""
    return list(dict.fromkeys(i.region for p in layout.pages for i in p.items if i.section == section))


def frame_box(layout: LayoutName, region: str, plan: int = -1) -> tuple[float, float]:
    """(top, height) of a frame of a layout's main flow (A4, office), by its region's name."""
    sheet = SHEETS[layout]("a4", "office", False)
    frame = next(f for f in PLANS[layout](sheet)[plan].flows["main"] if f.region == region)
    return frame.box.top, frame.box.h


def laid_out(inputs: Inputs, layout: LayoutName) -> Layout:
    result = build(inputs, layout=layout)
    assert result.ok and result.layout is not None, [d.format() for d in result.diagnostics]
    return result.layout


def top_of(layout: Layout, section: str) -> float:
    return max(i.box.top for p in layout.pages for i in p.items if i.section == section)


# --- the flow, in numbers ---------------------------------------------------------------------------------------

FRAMES = [Frame("a", Rect(0, 0, 100, 100)), Frame("b", Rect(200, 0, 100, 100))]


def second_section(**hint: bool) -> list[Item]:
    """60 points of a first section, then a second: a 10-point heading over two 20-point pieces."""
    return [
        Item(Spacer(100, 60), "s1"),
        Item(Spacer(100, 10), "s2", keep_with_next=True, bookmark="Second", **hint),
        Item(Spacer(100, 20), "s2"),
        Item(Spacer(100, 20), "s2"),
    ]


def placed_in(items: list[Item], section: str) -> list[tuple[str, float]]:
    res = flow(items, FRAMES)
    assert not res.leftover
    return [(p.region, p.box.top) for frame in res.placed for p in frame if p.section == section]


def test_the_flow_splits_a_section_where_the_frame_ends() -> None:
    assert placed_in(second_section(), "s2") == [("a", 40.0), ("a", 30.0), ("b", 100.0)]


def test_the_flow_moves_a_section_kept_whole_to_the_top_of_the_next_frame() -> None:
    assert placed_in(second_section(whole=True), "s2") == [("b", 100.0), ("b", 90.0), ("b", 70.0)]


def test_the_flow_starts_a_section_that_breaks_before_at_the_top_of_the_next_frame() -> None:
    items = second_section(fresh=True)[:2]  # (it would fit under the first section)
    assert placed_in(items, "s2") == [("b", 100.0)]


# --- keep: together --------------------------------------------------------------------------------------------

# (not the bi-fold: a section it would split between its pages is taller than half a page, and its four columns are
# balanced over both pages; a section kept together there is kept whole between pages by the layout itself, and
# tests/test_balance.py holds it)
KEEPS = [  # layout, paragraphs before, the section's paragraphs, where the flow splits it, where it is kept whole
    ("trifold", 1, 3, ["inside-2", "inside-3"], "inside-3"),
    ("flyer", 12, 8, ["front-right", "back-left"], "back-left"),  # (the front filled first)
    ("large-print", 1, 5, ["page-2", "page-3"], "page-3"),
]


@pytest.mark.parametrize(("layout", "before", "own", "split", "whole"), KEEPS, ids=[k[0] for k in KEEPS])
def test_a_section_kept_together_starts_the_next_panel_whole(
    inputs: Inputs, layout: LayoutName, before: int, own: int, split: list[str], whole: str
) -> None:
    original = inputs.content.read_text()
    with_second(inputs, before, own)
    assert regions(laid_out(inputs, layout), "second") == split  # as the words fall, it is split...
    inputs.content.write_text(original)
    with_second(inputs, before, own, "    keep: together\n")
    kept = laid_out(inputs, layout)
    assert regions(kept, "second") == [whole]  # ...kept together, it starts the next one, whole
    assert top_of(kept, "second") == pytest.approx(frame_box(layout, whole)[0], abs=0.01)


ENDS_IN_A_SUBHEADING = [*KEEPS, ("large-print", 8, 5, [], "page-4")]  # (where the old tie made it fail to fit; the
# first section ends on page 3, its lines 1.5 times the type)


@pytest.mark.parametrize(
    ("layout", "before", "own", "split", "whole"),
    ENDS_IN_A_SUBHEADING,
    ids=[*(k[0] for k in KEEPS), "large-print-later"],
)
def test_a_section_kept_together_that_ends_in_a_subheading_starts_the_next_panel_whole(
    inputs: Inputs, layout: LayoutName, before: int, own: int, split: list[str], whole: str
) -> None:
    """A subheading last in its section (heading nothing yet, as a section being written may) is not tied to the
    next section's heading: the section kept together starts the next panel whole, with no error."""
    with_second(inputs, before, own, "    keep: together\n")
    edit(inputs.content, "  - id: risks\n", '      - subheading: "Still to come"\n  - id: risks\n')
    kept = laid_out(inputs, layout)
    assert regions(kept, "second") == [whole]


def test_a_subheading_last_in_its_section_stays_on_its_sections_page(inputs: Inputs) -> None:
    """A subheading last in its section (heading nothing yet, as a section being written may) ends its section
    where the section ends, at page 3's foot in this large print: tied to the next section's heading, it went over
    the page with it, to the top of page 4, above another section's heading."""
    with_second(inputs, 8, 4)
    edit(inputs.content, "  - id: risks\n", '      - subheading: "Still to come"\n  - id: risks\n')
    layout = laid_out(inputs, "large-print")
    (sub,) = [t for t in texts(layout) if "Still to come" in "".join(r.text for r in t.runs)]
    second = [i for p in layout.pages for i in p.items if i.section == "second" and i is not sub]
    assert (sub.section, sub.region) == ("second", second[-1].region) == ("second", "page-3")
    assert sub.box.top < second[-1].box.y  # (under the section's last words)


def test_a_section_too_long_to_keep_whole_gives_both_heights(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    text = with_second(inputs, 0, 30, "    keep: together\n")
    status, errors, _ = check(inputs, capsys)
    assert status == 1 and len(errors) == 1, errors
    line, col = position(text, "keep: together")
    panel = frame_box("trifold", "inside-1")[1] / MM
    message = errors[0]
    assert message.startswith(f"{inputs.content}:{line}:{col + 6}: error: section 'second' cannot be kept whole")
    assert f"mm tall, and a panel of its flow is {panel:.1f} mm tall (tri-fold, a4, body type 9 pt)" in message
    tall = float(message.split("(keep: together): it is ")[1].split(" mm")[0])
    assert tall > panel and f"shorten it by {tall - panel:.0f} mm or more" in message
    assert "[at sections[1].keep]" in message


def test_keep_in_one_layout_leaves_the_others_to_split_it(inputs: Inputs) -> None:
    with_second(inputs, 1, 3, "    keep: {bifold: together}\n")
    assert regions(laid_out(inputs, "trifold"), "second") == ["inside-2", "inside-3"]


# --- break: before ----------------------------------------------------------------------------------------------

BREAKS = [  # layout, where the section falls, where it starts when it asks for a new panel, column or page
    ("trifold", "inside-3", "inside-2"),
    ("flyer", "front-left", "front-right"),  # (the flyer takes its back to have a second column)
    ("large-print", "page-2", "page-3"),
]


@pytest.mark.parametrize(("layout", "falls", "starts"), BREAKS, ids=[b[0] for b in BREAKS])
def test_a_section_that_breaks_before_starts_a_panel_of_its_own(
    inputs: Inputs, layout: LayoutName, falls: str, starts: str
) -> None:
    original = inputs.content.read_text()
    with_second(inputs, 0, 1)
    plain = laid_out(inputs, layout)
    assert regions(plain, "second")[0] == falls
    inputs.content.write_text(original)
    with_second(inputs, 0, 1, "    break: before\n")
    broken = laid_out(inputs, layout)
    assert regions(broken, "second")[0] == starts
    assert top_of(broken, "second") == pytest.approx(frame_box(layout, starts)[0], abs=0.01)
    assert starts not in regions(broken, "what-is-it")  # nothing of the section before it shares the panel


def test_on_the_bifold_a_break_starts_the_second_page(inputs: Inputs) -> None:
    with_second(inputs, 0, 1, "    break: before\n")
    layout = laid_out(inputs, "bifold")
    assert regions(layout, "what-is-it") == ["inside-1"] and regions(layout, "second") == ["inside-2"]
    assert top_of(layout, "second") == pytest.approx(frame_box("bifold", "inside-2")[0], abs=0.01)


def test_a_break_at_the_top_of_a_flow_is_already_honoured(inputs: Inputs) -> None:
    edit(inputs.content, "    place: flap\n", "    place: flap\n    break: before\n")
    layout = laid_out(inputs, "trifold")
    assert regions(layout, "risks") == ["flap"]


def test_a_break_with_no_panel_left_is_an_error_at_the_hint(inputs: Inputs, capsys: pytest.CaptureFixture[str]) -> None:
    text = edit(
        inputs.content,
        "call_to_action:",
        "  - id: more-risks\n    heading: More risks\n    place: flap\n    break: before\n"
        '    blocks:\n      - text: "Swelling."\ncall_to_action:',
    )
    status, errors, _ = check(inputs, capsys)
    line, col = position(text, "break: before")
    assert status == 1 and len(errors) == 1, errors
    assert errors[0].startswith(
        f"{inputs.content}:{line}:{col + 7}: error: section 'more-risks' cannot start a new panel (break: before): "
        "the flap is a single panel, and other words come before it there"
    )
    assert "hint: remove 'break: before'" in errors[0]
    assert build(inputs, layout="large-print").ok  # a page of its own in large print


def test_breaks_past_the_last_panel_are_an_error_at_the_one_that_has_none(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    sections = "".join(
        f'  - id: part-{n}\n    heading: Part {n}\n    break: before\n    blocks:\n      - text: "Part {n}."\n'
        for n in range(2, 5)
    )
    text = edit(inputs.content, "  - id: risks\n", sections + "  - id: risks\n")
    status, errors, _ = check(inputs, capsys)
    assert status == 1 and len(errors) == 1, errors
    line = position(text, "part-4")[0] + 2
    assert errors[0].startswith(f"{inputs.content}:{line}:")
    assert "section 'part-4'" in errors[0] and "inside-3 panel, the last of its flow" in errors[0]
    assert build(inputs, layout="large-print").ok


# --- what the hints may say --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("hint", "at", "message"),
    [
        ("keep: yes", "yes", "'keep' takes 'together', not true/false"),
        ("break: after", "after", "'break' takes 'before', not 'after'"),
        (
            "keep: togther",
            "togther",
            "'keep' takes 'together', not 'togther' [at sections[0].keep] (hint: did you mean",
        ),
        ("break: {trifold: before, zfold: before}", "zfold", "unknown key 'zfold'"),
    ],
    ids=["true", "after", "misspelt", "unknown-layout"],
)
def test_a_wrong_hint_is_an_error_at_its_value(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], hint: str, at: str, message: str
) -> None:
    text = edit(inputs.content, "    heading: What is it?\n", f"    heading: What is it?\n    {hint}\n")
    status, errors, _ = check(inputs, capsys)
    line, col = position(text, hint)
    assert status == 1 and len(errors) == 1, errors
    assert errors[0].startswith(f"{inputs.content}:{line}:{col + hint.index(at)}: error: {message}"), errors[0]


# --- line breaks in titles and headings ----------------------------------------------------------------------------


def test_a_line_break_in_the_title_and_a_heading_breaks_the_line_there(inputs: Inputs) -> None:
    edit(inputs.content, "title: Micro-needling\n", "title: |-\n  Micro-\n  needling\n")
    edit(inputs.content, "    heading: What is it?\n", '    heading: "What is\\nit?"\n')
    for layout in ("trifold", "large-print"):
        printed = laid_out(inputs, layout)
        assert [t.text for t in texts(printed, role="title")] == ["Micro-", "needling"], layout
        lines = texts(printed, role="heading", section="what-is-it")
        assert [t.text for t in lines][:2] == ["What is", "it?"], layout


def test_the_pdfs_title_and_outline_carry_no_line_break(inputs: Inputs) -> None:
    edit(inputs.content, "title: Micro-needling\n", "title: |-\n  Micro-\n  needling\n")
    edit(inputs.content, "    heading: What is it?\n", "    heading: |\n      What is\n      it?\n")
    result = build(inputs)
    assert result.pdf is not None
    with reopen(result.pdf) as pdf, pdf.open_outline() as outline:
        assert str(pdf.docinfo.Title) == "Micro-needling: for acne scars"
        assert "What is it?" in [item.title for item in outline.root]
        assert "Micro-needling" in str(pdf.docinfo.Keywords) and "\n" not in str(pdf.docinfo.Keywords)


def test_the_pdfs_title_keywords_and_outline_carry_no_soft_hyphen(inputs: Inputs) -> None:
    """'Micro<U+00AD>needling' (a hyphen only where the line breaks): the title and keywords were written with byte
    0xAD, which their encoding leaves undefined (a viewer read U+0000), and the outline said 'Micro needling'."""
    edit(inputs.content, "title: Micro-needling\n", 'title: "Micro\\u00adneedling"\n')
    edit(inputs.content, "    heading: What is it?\n", '    heading: "What is\\u00adit?\\u200b"\n')
    result = build(inputs)
    assert result.pdf is not None, [d.format() for d in result.diagnostics]
    with reopen(result.pdf) as pdf, pdf.open_outline() as outline, pdf.open_metadata() as xmp:
        assert str(pdf.docinfo.Title) == "Microneedling: for acne scars" == xmp.get("dc:title")
        assert "What isit?" in [item.title for item in outline.root]
        assert str(pdf.docinfo.Keywords).startswith("Microneedling, What isit?,")


def test_a_titles_joiners_and_direction_marks_stay_in_its_one_line_form() -> None:
    """Persian spells with the zero-width non-joiner: 'می\u200cخواهم' is not 'میخواهم'. Only soft hyphens and
    zero-width spaces, which say where a line may break, leave the PDF's title, keywords and outline."""
    from brochure.inputs.inline import one_line

    assert (
        one_line("\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645")
        == "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"
    )
    assert one_line("a\u200db\u200e c\u2066d\u2069") == "a\u200db\u200e c\u2066d\u2069"
    assert one_line("Micro\u00adneed\u200bling") == "Microneedling"


def test_the_pdfs_title_keywords_and_xmp_print_a_titles_words_not_its_marks(inputs: Inputs) -> None:
    """A title or heading with emphasis, a link or an escaped star: the PDF's title (a viewer's window, a screen
    reader's first words), subject, keywords and XMP say the words as the cover prints them."""
    edit(
        inputs.content,
        "title: Micro-needling\n",
        'title: "Micro-needling \\\\* for *acne* [scars](https://example.org)"\n',
    )
    edit(inputs.content, "    heading: What is it?\n", "    heading: What is **it**?\n")
    result = build(inputs)
    assert result.pdf is not None
    with reopen(result.pdf) as pdf, pdf.open_metadata() as xmp:
        assert str(pdf.docinfo.Title) == "Micro-needling * for acne scars: for acne scars"
        assert str(pdf.docinfo.Subject).endswith("Micro-needling * for acne scars for acne scars")
        keywords = str(pdf.docinfo.Keywords)
        assert "Micro-needling * for acne scars, What is it?," in keywords
        assert xmp.get("dc:title") == "Micro-needling * for acne scars: for acne scars"


def test_a_line_break_in_a_paragraph_is_a_space_as_before(inputs: Inputs) -> None:
    edit(inputs.content, '"Fine needles make', '"Fine needles\\nmake')
    printed = laid_out(inputs, "trifold")
    assert "Fine needles make tiny pricks." in " ".join(t.text for t in texts(printed, section="what-is-it"))


def test_a_flyer_title_broken_too_tall_for_its_header_is_the_titles_error(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    text = edit(inputs.content, "title: Micro-needling\n", 'title: "Micro-\\nneedling\\nfor\\nyou"\n')
    status, errors, _ = check(inputs, capsys, "--layout", "flyer")
    line, col = position(text, '"Micro-')
    assert status == 1 and errors and errors[0].startswith(f"{inputs.content}:{line}:{col}: error: the cover's words")


def test_words_that_do_not_fit_name_only_the_hints_that_take_room(inputs: Inputs) -> None:
    """'The words do not fit' offers to drop a hint only where dropping it could give room back: not a hint on a
    flow's first section (it starts a panel already), nor one in a flow of a single panel (the flap), where
    it used to say "or drop 'keep: together' from section 'risks'", which changed nothing."""
    text = edit(inputs.content, "    place: flap\n", "    place: flap\n    keep: together\n")
    edit(inputs.content, '          - "Redness for 1 to 3 days"\n', f'          - "{WORDS * 12}"\n')
    (flap,) = [d.format() for d in build(inputs).diagnostics if d.is_error]
    assert "the words do not fit" in flap and "flap region" in flap and "or drop" not in flap, flap
    inputs.content.write_text(text.replace("    keep: together\n", ""), encoding="utf-8")
    text = with_second(inputs, 45, 1, "    keep: together\n")
    text = edit(inputs.content, "  - id: what-is-it\n", "  - id: what-is-it\n    break: before\n")
    (inside,) = [d.format() for d in build(inputs).diagnostics if d.is_error]
    assert "the words do not fit" in inside and "inside-1 to inside-3" in inside, inside
    keep = position(text, "keep: together")[0]
    assert f"or drop 'keep: together' from section 'second' (line {keep})" in inside  # it takes room
    assert "'break: before'" not in inside  # the first section starts the first panel anyway


def test_a_flyer_section_too_tall_for_the_front_columns_names_the_column_it_could_not_start(
    inputs: Inputs,
) -> None:
    """On the flyer the front's columns are shorter (184 mm on A4) than the back's (278 mm). A section kept
    together too tall for a front column, which the words would reach only after it, cannot be kept whole: the
    error says so by the column it could not start at the top of, shorter than the section (it said "it is 265.2
    mm tall, and the back-left column, the next it could start at the top of, is 278.0 mm tall"), and how short it
    must be."""
    filler = "".join(f'      - text: "{WORDS}"\n' for _ in range(16))
    edit(
        inputs.content,
        "  - id: risks\n",
        f"  - id: tall\n    heading: Tall\n    keep: together\n    blocks:\n{filler}  - id: risks\n",
    )
    (error,) = [d for d in build(inputs, layout="flyer").diagnostics if d.is_error]
    message = error.format()
    tall = float(message.split("): it is ")[1].split(" mm")[0])
    column = float(message.split("the next it could start at the top of, is ")[1].split(" mm")[0])
    assert "section 'tall' cannot be kept whole" in message and "front-right column" in message, message
    assert column < tall and f"shorten it to {column:.0f} mm or less" in message, message


def test_on_the_bifold_a_section_kept_whole_must_fit_a_column_and_a_break_needs_a_page_left(inputs: Inputs) -> None:
    """The bi-fold's pages are two columns each: a section kept together must fit one column (the message says
    so), and a break asks for a new page, which the words before it may have used up."""
    original = inputs.content.read_text()
    with_second(inputs, 0, 14, "    keep: together\n")
    result = build(inputs, layout="bifold")
    (message,) = [d.message for d in result.diagnostics if d.is_error]
    column = frame_box("bifold", "inside-1")[1] / MM
    assert "section 'second' cannot be kept whole (keep: together)" in message
    assert f"mm tall, and a column of its flow is {column:.1f} mm tall (bi-fold, a4, body type 9 pt)" in message
    inputs.content.write_text(original)
    with_second(inputs, 18, 1, "    break: before\n")
    result = build(inputs, layout="bifold")
    (message,) = [d.message for d in result.diagnostics if d.is_error]
    assert "section 'second' cannot start a new page (break: before): the words before it reach" in message
    assert " the inside-2 page, the last of its flow" in message
