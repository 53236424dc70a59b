"""Fitting and printing every character: what does not fit or cannot print is an error, never clipped or a box."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import Inputs, edit, fill_inside, position
from helpers import BRAND, CONTENT, build
from reportlab.platypus import Spacer

from brochure import api
from brochure.geometry.sheet import Rect
from brochure.layout.flow import Frame, Item, flow

LONG = "Words that keep going and going to fill the panel well past its foot. " * 6


def errors(result: api.Result) -> list[str]:
    return [d.format() for d in result.diagnostics if d.is_error]


def test_the_small_leaflet_fits(inputs: Inputs) -> None:
    result = build(inputs)
    assert result.ok and result.pdf


def test_too_many_words_on_the_flap_name_the_region_section_and_amount(inputs: Inputs) -> None:
    text = edit(
        inputs.content,
        '          - "Redness for 1 to 3 days"\n',
        '          - "Redness for 1 to 3 days"\n' + "".join(f'      - text: "{LONG}"\n' for _ in range(8)),
    )
    result = build(inputs)
    assert result.pdf is None
    (msg,) = errors(result)
    line, col = position(text, "- id: risks")
    assert msg.startswith(f"{inputs.content}:{line}:{col + 2}: error: the words do not fit")
    assert "section 'risks'" in msg and "flap region (tri-fold, a4, body type 9 pt)" in msg
    assert " mm of content spills" in msg and "hint: cut about" in msg


@pytest.mark.parametrize("layout", ["trifold", "flyer"])
def test_the_words_to_cut_are_about_the_words_that_must_go(tmp_path: Path, layout: str) -> None:
    """'Cut about 97 words', and 124 had to go: a text's last, short line was counted as a whole line of words, so
    a line held fewer words than a full one does. Cutting the words said, less 15 %, still spills; plus 15 % fits."""
    words = ("Our nurses check your skin before each session and answer any question you have about it " * 30).split()
    shipped = CONTENT.read_text(encoding="utf-8")
    at = shipped.index("      - text: ", shipped.index("  - id: other-options\n"))

    def check(extra: int) -> list[str]:
        path = tmp_path / "content.yaml"
        path.write_text(shipped[:at] + f'      - text: "{" ".join(words[:extra])}."\n' + shipped[at:], encoding="utf-8")
        src, diags = api.load(path, BRAND)
        assert src is not None, [d.format() for d in diags]
        return [d.format() for d in api.build(src, api.Options(layout)).diagnostics if "do not fit" in d.message]

    (msg,) = check(200)
    said = int(re.search(r"cut about (\d+) words", msg).group(1))  # type: ignore[union-attr]
    assert check(200 - round(said * 0.85)) and not check(200 - round(said * 1.15)), said


def test_too_many_words_inside_name_the_inside_panels(inputs: Inputs) -> None:
    edit(
        inputs.content,
        '      - text: "Fine needles',
        "".join(f'      - text: "{LONG}"\n' for _ in range(30)) + '      - text: "Fine needles',
    )
    (msg,) = errors(build(inputs))
    assert "section 'what-is-it'" in msg and "inside-1 to inside-3 regions" in msg


def test_an_overfull_back_panel_points_at_the_disclaimer(inputs: Inputs) -> None:
    """(The inside nearly full: the disclaimer moved after its words would make them spill.)"""
    fill_inside(inputs)
    text = edit(inputs.content, 'disclaimer: "General information only."', f'disclaimer: "{LONG * 9}"')
    (msg,) = errors(build(inputs))
    line, col = position(text, f'"{LONG * 9}"')
    assert msg.startswith(f"{inputs.content}:{line}:{col}: error: the back region is over-full by")
    code, _ = position(text, "code:")  # (the document details' own words, not the tool's "Published ..." counted
    assert "the document details (content.yaml:" in msg and f"(content.yaml:{code})" not in msg, msg  # at code:)


def test_an_overfull_backs_hint_names_the_next_tallest_texts_where_they_are_written(inputs: Inputs) -> None:
    """A back made over-full by longer document details was told at the tallest of its texts (the disclaimer, the
    sources) "shorten ... or the others", not which: the hint names the next tallest and where each is written;
    the document details at their longest text (the statement that grew), not the producer before it."""
    long = "The clinic's lead nurse and consultant wrote it with patients, and review it every three years. " * 4
    fill_inside(inputs)  # (the fine print cannot end the words instead)
    text = edit(inputs.content, 'conflicts: "No outside funding."', f'conflicts: "{long}"')
    edit(inputs.content, 'disclaimer: "General information only."', f'disclaimer: "{LONG * 5}"')
    (msg,) = errors(build(inputs))
    line, _ = position(text, long)
    assert "back region is over-full by" in msg and f"the document details (content.yaml:{line})" in msg, msg


@pytest.mark.parametrize(("char", "code"), [("✓", "U+2713"), ("☃", "U+2603")], ids=["check-mark", "snowman"])
def test_a_character_the_fonts_cannot_print_is_an_error(inputs: Inputs, char: str, code: str) -> None:
    text = edit(inputs.content, "heading: What is it?", f"heading: What is it {char}")
    result = build(inputs)
    assert result.pdf is None
    (msg,) = errors(result)
    line, col = position(text, f"What is it {char}")
    assert msg.startswith(f"{inputs.content}:{line}:{col}: error: the heading, body, bold and italic fonts (")
    assert f"'{char}' ({code}" in msg and "[at sections[0].heading]" in msg


def test_polish_and_vietnamese_print(inputs: Inputs) -> None:
    edit(inputs.content, "heading: What is it?", "heading: Zażółć gęślą jaźń, Tiếng Việt có dấu")
    assert build(inputs).ok


@pytest.mark.parametrize(("lines", "moved"), [(4, True), (5, False), (6, False)])
def test_a_heading_never_ends_a_frame_with_two_lines_its_paragraphs_last_line_kept_from(
    lines: int, moved: bool
) -> None:
    """Room for three lines under a question at a page's foot, and a four-line answer: its last line may not go
    overleaf alone, so two lines stood under the question, two overleaf (a designer's large print, 2026-12-07).
    The question goes overleaf with its answer; a longer answer leaves three lines under it, as before."""
    from helpers import sources
    from reportlab.lib.styles import ParagraphStyle

    from brochure.layout.para import Para

    font = sources().fonts.regular
    body = ParagraphStyle("a", fontName=font, fontSize=10, leading=12, allowWidows=0, allowOrphans=0)
    answer = Para("<br/>".join(f"Line {n} of the answer" for n in range(lines)), body)
    frames = [Frame("a", Rect(0, 0, 200, 100)), Frame("b", Rect(300, 0, 200, 100))]
    items = [
        Item(Spacer(200, 52), "s"),  # (48 points left: the question's 12 and three lines, 36)
        Item(Para("A question?", body), "s", keep_with_next=True),
        Item(answer, "s", 0.0),
    ]
    res = flow(items, frames)
    assert [len(p) for p in res.placed] == ([1, 2] if moved else [3, 1]), res.placed
    if not moved:
        assert res.placed[0][2].box.h == pytest.approx(36.0)  # (three lines under the question)


def test_a_heading_is_carried_to_the_next_frame_with_what_follows() -> None:
    frames = [Frame("a", Rect(0, 0, 100, 100)), Frame("b", Rect(200, 0, 100, 100))]
    items = [
        Item(Spacer(100, 70), "s1"),
        Item(Spacer(100, 20), "s2", keep_with_next=True, bookmark="Heading"),
        Item(Spacer(100, 40), "s2"),
    ]
    res = flow(items, frames)
    assert [len(p) for p in res.placed] == [1, 2]
    assert res.placed[1][0].box.top == 100  # the heading starts frame b
    assert res.bookmarks == (("Heading", "s2", 100, 1),)


def test_space_before_is_dropped_at_the_top_of_a_frame_and_leftovers_reported() -> None:
    frames = [Frame("a", Rect(0, 0, 100, 100))]
    items = [Item(Spacer(100, 60), "s", space_before=30), Item(Spacer(100, 50), "s", space_before=5)]
    res = flow(items, frames)
    assert res.placed[0][0].box.top == 100
    assert len(res.leftover) == 1 and res.spare == (40,)


def test_a_list_never_leaves_its_first_item_alone_under_a_heading_at_a_panel_foot() -> None:
    frames = [Frame("a", Rect(0, 0, 100, 100)), Frame("b", Rect(200, 0, 100, 100))]
    items = [
        Item(Spacer(100, 50), "s1"),
        Item(Spacer(100, 15), "s2", keep_with_next=True, bookmark="Steps"),  # heading
        Item(Spacer(100, 20), "s2", keep_with_next=True),  # first step: fits, but the second does not
        Item(Spacer(100, 20), "s2"),
    ]
    res = flow(items, frames)
    assert [len(p) for p in res.placed] == [1, 3]
    assert res.bookmarks[0][3] == 1  # the heading moved with its list


@pytest.mark.parametrize("columns", [True, False], ids=["columns-of-one-page", "panels"])
def test_a_lists_last_item_may_start_the_next_column_of_a_page_alone_never_the_next_panel(columns: bool) -> None:
    """A list of three in a frame with room for two of them: between the columns of one page (the bi-fold's) its
    last item starts the next column and the first two stay beside it; over a panel or page, the item before the
    last goes on with it, and so the first with them, as ever (a list of three is never split over a panel: its first
    item never ends one alone, nor its last starts one alone)."""
    from brochure.layout.blocks import _group

    leaf = "page" if columns else ""
    frames = [Frame("a", Rect(0, 0, 100, 100), leaf=leaf), Frame("b", Rect(200, 0, 100, 100), leaf=leaf)]
    items = [Item(Spacer(100, 50), "s1"), *_group([Spacer(100, 20) for _ in range(3)], "s2", 0.0, 0.0)]
    res = flow(items, frames)
    assert [len(p) for p in res.placed] == ([3, 1] if columns else [1, 3])
    assert not res.leftover


def test_balancing_a_pages_columns_may_start_the_next_with_a_lists_last_item() -> None:
    """A heading and its list of three fill a page's first column, a paragraph the second: evening the columns
    moves the list's last item to the head of the second (70 and 60 pt tall, not 100 and 30), which between the
    columns of one page leaves nothing stranded."""
    from brochure.layout.balancing import balance
    from brochure.layout.blocks import _group

    frames = [Frame("a", Rect(0, 0, 100, 100), leaf="page"), Frame("b", Rect(200, 0, 100, 100), leaf="page")]
    heading = Item(Spacer(100, 10), "s", keep_with_next=True, bookmark="Risks")
    items = [heading, *_group([Spacer(100, 30) for _ in range(3)], "s", 0.0, 0.0), Item(Spacer(100, 30), "s")]
    plain = flow(items, frames)
    assert [len(p) for p in plain.placed] == [4, 1]
    evened = balance(items, frames, (False, False), plain)
    assert [len(p) for p in evened.placed] == [3, 2] and not evened.leftover


WORDS = "Words that keep going to fill the page, line after line, in large print. " * 3


@pytest.mark.parametrize("hint", ["", "    keep: together\n", "    break: before\n"], ids=["plain", "keep", "break"])
def test_large_print_takes_the_pages_that_trying_every_page_count_takes(
    inputs: Inputs, monkeypatch: pytest.MonkeyPatch, hint: str
) -> None:
    """The large print's page count is found by flowing the words once through the most pages it may have
    (engine._fewest), not by trying each count from the fewest up: for words from a page to more than the most
    pages hold, with a section kept whole or starting a page, the same PDF and the same findings as trying each."""
    from brochure.layout import engine

    seen: set[int] = set()
    for before, own in ((0, 1), (4, 2), (11, 3), (23, 6), (150, 2)):
        content = inputs.content.read_text(encoding="utf-8")
        paragraphs = "".join(f'      - text: "{WORDS}"\n' for _ in range(before))
        second = "".join(f'      - text: "{WORDS}"\n' for _ in range(own))
        edit(inputs.content, '      - text: "Fine needles', paragraphs + '      - text: "Fine needles')
        edit(
            inputs.content,
            "  - id: risks\n",
            f"  - id: second\n    heading: Second\n{hint}    blocks:\n{second}  - id: risks\n",
        )
        src, diags = api.load(inputs.content, inputs.brand)
        assert src is not None, [d.format() for d in diags]
        epoch = {"SOURCE_DATE_EPOCH": "1764547200"}
        found = api.build(src, api.Options(layout="large-print"), epoch)
        with monkeypatch.context() as m:
            m.setattr(engine, "_grows", lambda plans: False)  # every page count in turn, fewest first
            tried = api.build(src, api.Options(layout="large-print"), epoch)
        assert [d.format() for d in found.diagnostics] == [d.format() for d in tried.diagnostics]
        assert found.pdf == tried.pdf and found.pages == tried.pages
        seen.add(found.pages if found.ok else 0)
        inputs.content.write_text(content, encoding="utf-8")
    assert 0 in seen and len(seen) >= 4, seen  # (words too many for the most pages among them)


def _over_by(tmp_path: Path, words: int) -> tuple[bool, float, int]:
    """The shipped leaflet with `words` more words in its aftercare (tri-fold): whether it fits, and if not the
    millimetres and the words its message says to cut."""
    content = tmp_path / "content.yaml"
    text = CONTENT.read_text(encoding="utf-8")
    anchor = '          - "Wear SPF 30 or higher every day"\n'
    content.write_text(text.replace(anchor, anchor + f'      - text: "Filler.{" word" * words}"\n'), "utf-8")
    src, diags = api.load(content, BRAND)
    assert src is not None, [d.format() for d in diags]
    result = api.build(src, api.Options(layout="trifold"))
    if result.ok:
        return True, 0.0, 0
    (msg,) = errors(result)
    amount, cut = re.search(r"([\d.]+) mm of content spills", msg), re.search(r"cut about (\d+) words", msg)
    assert amount and cut, msg
    return False, float(amount.group(1)), int(cut.group(1))


def test_the_amount_that_spills_is_what_the_words_lack_not_all_that_is_left_over(tmp_path: Path) -> None:
    """Words one line too many say about a line, not the whole list or section left over at the end (the
    shipped tri-fold one word over used to say '13.9 mm ... cut about 22 words', and three lines over '45.3 mm
    ... cut about 73 words', the whole last section); more words over say more."""
    fits = 0
    last = 96
    while last - fits > 1:  # the most words that still fit
        mid = (fits + last) // 2
        fits, last = (mid, last) if _over_by(tmp_path, mid)[0] else (fits, mid)
    _, one, cut_one = _over_by(tmp_path, last)  # a word over
    _, three, cut_three = _over_by(tmp_path, last + 40)  # about five lines over (of eight words each)
    assert one <= 6.0 and cut_one <= 10, (one, cut_one)
    assert 8.0 <= three <= 24.0 and cut_one < cut_three <= 48, (three, cut_three)


def _spill_with(tmp_path: Path, extra: int) -> tuple[float, int] | None:
    """The shipped words with `extra` more words in the risks section, built as a tri-fold: the room the error
    says they lack (mm) and the words its hint says to cut; None when they fit."""
    text = CONTENT.read_text(encoding="utf-8")
    assert text.count("disappear.") >= 1
    path = tmp_path / f"content-{extra}.yaml"
    path.write_text(text.replace("disappear.", "disappear" + " more" * extra + ".", 1), encoding="utf-8")
    src, _ = api.load(path, BRAND)
    assert src is not None
    result = api.build(src, api.Options())
    spills = [d for d in result.diagnostics if "the words do not fit" in d.message]
    if not spills:
        assert result.ok
        return None
    (d,) = spills
    mm = re.search(r"([\d.]+) mm of content spills", d.message)
    words = re.search(r"cut about (\d+) words", d.hint)
    assert mm is not None and words is not None
    return float(mm.group(1)), int(words.group(1))


def test_the_room_the_words_lack_grows_with_them_and_cutting_what_it_says_nearly_fits(tmp_path: Path) -> None:
    """Words added before a list that is kept together: what spills is the list's last items, with what moves on
    with them. The error says the room they lack as the flow needs it (not what is left over, less the room at
    the foot, which stayed at one line however many words were added), so a writer who cuts about the words the
    hint says (and a few more) sees the leaflet fit, and more words mean more to cut."""
    fewer, more = _spill_with(tmp_path, 47), _spill_with(tmp_path, 54)
    assert fewer is not None and more is not None
    assert more[0] > fewer[0] and more[1] > fewer[1]
    for extra, (_, cut) in ((47, fewer), (54, more)):
        assert _spill_with(tmp_path, extra - cut - 3) is None, (extra, cut)


def _short_items(tmp_path: Path, count: int) -> str | None:
    """The shipped words with `count` one-word items added to a list, as a tri-fold: the error's hint, or None."""
    text = CONTENT.read_text(encoding="utf-8")
    anchor = '          - "Wear SPF 30 or higher every day"\n'
    path = tmp_path / f"items-{count}.yaml"
    path.write_text(text.replace(anchor, anchor + "".join(f'          - "Item{n}"\n' for n in range(count))), "utf-8")
    src, _ = api.load(path, BRAND)
    assert src is not None
    result = api.build(src, api.Options())
    spills = [d for d in result.diagnostics if "the words do not fit" in d.message]
    return spills[0].hint if spills else None


def test_words_over_in_short_list_items_are_told_in_lines_too(tmp_path: Path) -> None:
    """Eighteen one-word items over: "cut about 127 words" (of running text), where cutting twelve items (a dozen
    words) fits. The hint says the lines too, a short item being one: cutting that many items fits."""
    hint = _short_items(tmp_path, 18)
    assert hint is not None
    found = re.search(r"\(or (\d+) lines of them: a short list item is one\)", hint)
    assert found, hint
    assert _short_items(tmp_path, 18 - int(found.group(1))) is None


def _sections(tmp_path: Path, sections: str) -> str:
    """The shipped words with their sections replaced, built as a tri-fold: the fit error's hint."""
    text = CONTENT.read_text(encoding="utf-8")
    found = re.search(r"^sections:\n.*?(?=^\S)", text, re.S | re.M)
    assert found is not None
    path = tmp_path / "sections.yaml"
    path.write_text(text[: found.start()] + "sections:\n" + sections + text[found.end() :], encoding="utf-8")
    src, diags = api.load(path, BRAND)
    assert src is not None, [d.format() for d in diags]
    (d,) = [d for d in api.build(src, api.Options()).diagnostics if "the words do not fit" in d.message]
    return d.hint


def _cut(hint: str) -> tuple[int, int]:
    found = re.search(r"cut (?:about|at least) (\d+) words .*\(or (\d+) lines? of them", hint)
    assert found is not None, hint
    return int(found.group(1)), int(found.group(2))


def test_the_words_to_cut_are_never_more_than_the_flow_has(tmp_path: Path) -> None:
    """200 list items of two words (400 words): 'cut about 1403 words' counted full lines of running text; a
    line of this list holds two. 200 sections of a word each: 'cut at least 7839 words' of 200. The hint says a
    share of the words the flow has, and no more lines than words."""
    flap = '  - id: flap\n    heading: Flap\n    place: {trifold: flap}\n    blocks:\n      - text: "Short."\n'
    items = "".join(f'          - "Item {n}"\n' for n in range(200))
    words, lines = _cut(
        _sections(tmp_path, flap + "  - id: main\n    heading: Main\n    blocks:\n      - bullets:\n" + items)
    )
    assert 2 * lines - 10 <= words <= 2 * lines + 10 and words < 400, (words, lines)
    many = "".join(f'  - id: s{n}\n    heading: H{n}\n    blocks:\n      - text: "T{n}."\n' for n in range(200))
    words, lines = _cut(_sections(tmp_path, many))
    assert lines <= words < 400, (words, lines)


def test_a_callout_taller_than_a_panel_or_page_is_named_at_the_callout(tmp_path: Path) -> None:
    """A callout of 400 words: its box is never split, so no cut elsewhere helps. The error named the section and
    asked to cut about 128 words from the sections (and, in large print, blamed the pages); it names the callout,
    at its line, with its height and the room a panel or page has."""
    sentences = " ".join(f"Sentence number {n} tells you something useful about the skin." for n in range(40))
    main = '  - id: main\n    heading: Main\n    blocks:\n      - text: "Short."\n'
    main += f'      - callout:\n          text: "{sentences}"\n'
    flap = '  - id: flap\n    heading: Flap\n    place: {trifold: flap}\n    blocks:\n      - text: "Short."\n'
    text = CONTENT.read_text(encoding="utf-8")
    found = re.search(r"^sections:\n.*?(?=^\S)", text, re.S | re.M)
    assert found is not None
    path = tmp_path / "callout.yaml"
    path.write_text(text[: found.start()] + "sections:\n" + flap + main + text[found.end() :], encoding="utf-8")
    src, diags = api.load(path, BRAND)
    assert src is not None, [d.format() for d in diags]
    line = path.read_text(encoding="utf-8").splitlines().index("      - callout:") + 2  # (its text, the next line)
    for layout, frame in (("trifold", "panel"), ("large-print", "page")):
        result = api.build(src, api.Options(layout=layout))
        (d,) = [d for d in result.diagnostics if d.is_error]
        assert "a callout in section 'main' is " in d.message and f"taller than a whole {frame} of the" in d.message
        assert "a callout's box is never split" in d.message and d.location.line == line, d.format()
        assert d.hint.startswith("shorten the callout's words by more than ")


def test_a_callout_that_a_wider_panel_holds_is_no_callout_too_tall() -> None:
    """A long callout measured at the tri-fold's narrowest panel (81 mm: 202 mm tall) was said to be taller than
    any panel (191 mm), where at 84 mm (186 mm) the next panel holds it: the words do not fit, and the error says
    that, not that the callout can never fit (tests/data/content-tall-callout.yaml)."""
    from helpers import TEST_BRAND

    src, diags = api.load(Path(__file__).parent / "data" / "content-tall-callout.yaml", TEST_BRAND)
    assert src is not None, [d.format() for d in diags]
    result = api.build(src, api.Options())
    assert not result.ok
    assert [d for d in result.diagnostics if "the words do not fit" in d.message]
    assert not [d for d in result.diagnostics if "a callout in section" in d.message]


def _placed_on_the_back(tmp_path: Path, words: int) -> tuple[Path, list[str]]:
    """The shipped words with 'When to contact us' placed on the tri-fold's back too, its bullets `words` words."""
    shipped = CONTENT.read_text(encoding="utf-8").replace(
        "place: {bifold: back}", "place: {bifold: back, trifold: back}"
    )
    start, end = shipped.index("  - id: contact-us\n"), shipped.index("call_to_action:")
    text = " ".join(("Call us if pain, heat or swelling gets worse after your treatment " * 40).split()[:words])
    section = shipped[start:end].split("    blocks:\n")[0] + f'    blocks:\n      - text: "{text}"\n\n'
    path = tmp_path / "content.yaml"
    path.write_text(shipped[:start] + section + shipped[end:], encoding="utf-8")
    src, diags = api.load(path, BRAND)
    assert src is not None, [d.format() for d in diags]
    return path, [d.format() for d in api.build(src, api.Options("trifold")).diagnostics if d.is_error]


def test_a_section_the_back_has_no_room_for_is_told_to_move_not_to_cut(tmp_path: Path) -> None:
    """The tri-fold's back keeps about 10 mm under its call to action: a section placed there does not fit even cut
    to one word, and the hint said 'cut about 1 words'. It says the room there and what the heading takes, and to
    take 'back' out of the section's place:, which then builds."""
    path, (msg,) = _placed_on_the_back(tmp_path, 1)
    line = position(path.read_text(encoding="utf-8"), "- id: contact-us")[0]
    assert "spills out of the back region" in msg and "cut about" not in msg
    room, least = map(float, re.findall(r"room for ([\d.]+) mm of sections.*takes ([\d.]+) mm", msg)[0])
    assert 5 < room < least < 25, msg
    assert f"take 'trifold: back' out of the 'place:' of section 'contact-us' (line {line}), so that it flows" in msg
    path.write_text(path.read_text(encoding="utf-8").replace("trifold: back}", "trifold: main}"), encoding="utf-8")
    src, _ = api.load(path, BRAND)
    assert src is not None and api.build(src, api.Options("trifold")).ok


def test_a_placed_section_that_can_be_cut_is_told_both(inputs: Inputs) -> None:
    """Words placed on the flap that spill: cut them, or let the section flow inside ('1 word', not '1 words')."""
    edit(
        inputs.content,
        '          - "Redness for 1 to 3 days"\n',
        '          - "Redness for 1 to 3 days"\n' + f'      - text: "{LONG}"\n' * 8,
    )
    (msg,) = errors(build(inputs))
    assert "hint: cut about" in msg and "; or take 'flap' out of the 'place:' of section 'risks' (line" in msg
    assert "so that it flows with the other sections" in msg and " 1 words" not in msg
