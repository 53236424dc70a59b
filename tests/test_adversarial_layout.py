"""What an editor's words can do to the layout: a panel never ends in a heading with nothing under it, however
the words are balanced."""

from __future__ import annotations

import pytest
from conftest import Inputs, edit, position
from helpers import build, texts

from brochure.layout import PLANS
from brochure.layout.model import Layout
from brochure.vocabulary import LayoutName

CARD = '          - title: Smoother texture\n            text: "New collagen can even out rough skin."\n'


def _cards(inputs: Inputs, count: int) -> None:
    """The test leaflet's one card made a group of `count`."""
    card = "          - {{title: Card {}, text: Some words on the card that wrap., icon: check}}\n"
    edit(inputs.content, CARD + "            icon: smooth\n", "".join(card.format(n) for n in range(1, count + 1)))
    text = '      - text: "Fine needles make **tiny** pricks. See [our site](https://example.com)."\n'
    edit(inputs.content, text, "")  # (the heading heads the cards)


def _heading_feet(layout: Layout, layout_name: LayoutName) -> list[str]:
    """The main-flow panels whose lowest line is a section heading (a heading with nothing of its section under it)."""
    plan = PLANS[layout_name](layout.sheet)[-1]
    stranded = []
    for frame in plan.flows["main"]:
        lines = texts(layout, region=frame.region)
        if lines and min(lines, key=lambda t: t.box.y).role == "heading":
            stranded.append(frame.region)
    return stranded


@pytest.mark.parametrize("layout", ["trifold", "flyer"])
def test_balancing_never_leaves_a_heading_alone_above_a_card_group_moved_on(inputs: Inputs, layout: LayoutName) -> None:
    """A section of a heading and a group of ten cards (never split) fits in the first panel; balancing the panels
    must not move the group on to the next panel and leave the heading alone at the top of the first."""
    _cards(inputs, 10)
    result = build(inputs, layout=layout)
    assert result.ok and result.layout is not None, [d.format() for d in result.diagnostics]
    assert _heading_feet(result.layout, layout) == []
    heading = next(t for t in texts(result.layout) if t.text == "What is it?")
    first = next(t for t in texts(result.layout) if t.text == "Card 1")
    assert first.region == heading.region


@pytest.mark.parametrize(("layout", "count"), [("trifold", 4), ("trifold", 6), ("bifold", 6), ("flyer", 6)])
def test_a_card_group_a_panel_can_hold_stays_in_one_panel_when_the_panels_are_balanced(
    inputs: Inputs, layout: LayoutName, count: int
) -> None:
    """The words are short, so balancing tries the panels shortened from the foot: a card group the whole panel
    holds is not broken between its rows to even the panels (only one taller than the whole panel breaks)."""
    _cards(inputs, count)
    result = build(inputs, layout=layout)
    assert result.ok and result.layout is not None, [d.format() for d in result.diagnostics]
    titles = [t for t in texts(result.layout) if t.text.startswith("Card ")]
    assert [t.text for t in titles] == [f"Card {n}" for n in range(1, count + 1)]
    assert len({(t.region, t.panel) for t in titles}) == 1, {t.text: t.region for t in titles}


@pytest.mark.parametrize("layout", ["trifold", "large-print"])
def test_a_heading_of_one_word_too_long_for_its_column_is_an_error_at_the_heading(
    inputs: Inputs, layout: LayoutName
) -> None:
    """A 60-letter word as a section's heading cannot break: the error points at the heading's own line and key,
    quotes the word, and its hint's parentheses close where they open."""
    word = "Pneumonoultramicroscopicsilicovolcanoconiosisextraordinarily"
    text = edit(inputs.content, "heading: Risks", f"heading: {word}")
    result = build(inputs, layout=layout)
    (found,) = [d.format() for d in result.diagnostics if "too long for its column" in d.message]
    line, col = position(text, word)
    assert found.startswith(f"{inputs.content}:{line}:{col}: error: a word is"), found
    assert "in 'risks' ('Pneumonoultramicroscopicsilicovolcanoco…')" in found
    assert "[at sections[1].heading]" in found
    assert "(hint: shorten it, or mark where it may break with a soft hyphen (U+00AD" in found


def test_a_heading_of_words_joined_by_slashes_is_told_to_space_them(inputs: Inputs) -> None:
    """'Contraindications/complications/side-effects' is one word to the line breaker: the hint says a slash gives
    no break, a space does."""
    text = edit(inputs.content, "heading: Risks", "heading: Contraindications/complications/side-effects")
    (found,) = [d.format() for d in build(inputs).diagnostics if "too long for its column" in d.message]
    line, col = position(text, "Contraindications/")
    assert found.startswith(f"{inputs.content}:{line}:{col}: error: a word is"), found
    assert "words joined by slashes break only at a space: write 'a / b'" in found


@pytest.mark.parametrize(("layout", "count"), [("large-print", 40), ("trifold", 16)])
def test_a_card_group_taller_than_a_page_breaks_between_its_cards(
    inputs: Inputs, layout: LayoutName, count: int
) -> None:
    """A card group is kept whole where a panel or page can hold it; one taller than a whole page (a clinic's
    long list of cards in large print) breaks between its rows, never inside a card, instead of failing with
    'the words do not fit'. The heading stays with the first cards."""
    _cards(inputs, count)
    result = build(inputs, layout=layout)
    assert result.ok and result.layout is not None, [d.format() for d in result.diagnostics]
    lines = texts(result.layout)
    titles = [t for t in lines if t.text.startswith("Card ")]
    assert [t.text for t in titles] == [f"Card {n}" for n in range(1, count + 1)]  # each once, in order
    assert len({(t.region, t.panel) for t in titles}) >= 2  # over more than one page or panel
    for i, line in enumerate(lines):  # each card's words under its title, on its page (in reading order)
        if line.text.startswith("Card "):
            words = lines[i + 1]
            assert words.text.startswith("Some words") and (words.region, words.panel) == (line.region, line.panel)
            assert words.box.top <= line.box.y + 0.1
    heading = next(t for t in lines if t.text == "What is it?")
    assert (heading.region, heading.panel) == (titles[0].region, titles[0].panel)
    assert _heading_feet(result.layout, layout) == []


@pytest.mark.parametrize(("layout", "frame"), [("large-print", "page"), ("trifold", "panel"), ("bifold", "column")])
def test_a_card_taller_than_a_whole_page_is_an_error_that_says_so(
    inputs: Inputs, layout: LayoutName, frame: str
) -> None:
    """One card of 400 words cannot be split (a group breaks between cards only): the error says that card is
    taller than a whole page or panel, at its section, instead of counting words to cut from the sections."""
    words = " ".join(f"word{n}" for n in range(400))
    text = edit(inputs.content, '"New collagen can even out rough skin."', f'"New collagen {words}."')
    result = build(inputs, layout=layout)
    (found,) = [d for d in result.diagnostics if d.is_error]
    line, col = position(text, "- id: what-is-it")
    assert (found.location.line, found.location.column) == (line, col + 2)  # (at the section: its first key)
    assert found.message.startswith("a card in section 'what-is-it' is ")
    assert f"taller than a whole {frame} of the " in found.message
    assert "never inside one" in found.message and "shorten that card's words by more than" in found.hint
