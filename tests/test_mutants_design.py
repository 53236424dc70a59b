"""Design checks a reader would feel: text on each tinted box readable, text clear of every fold.

Written for mutants that survived the suite (scripts/mutants.py, docs/mutation.md).
"""

from __future__ import annotations

import pytest
from conftest import Inputs, edit, position
from helpers import CONTENT, frames_layout, sources, text_item

from brochure import api
from brochure.geometry.sheet import MM, Rect, trifold
from brochure.inputs.content import load_content
from brochure.layout.model import Ink, Run, Segment, Shape, Text, ink_of
from brochure.preflight.contrast import check_contrast, colours_for
from brochure.preflight.placement import check_placement
from brochure.theme.styles import make_theme

# Each brand trips exactly one pair: the colour printed beneath the text is a tint of another brand colour, so a
# text colour that reads well on white can fall under 4.5:1 on a card, a note or a warning.
TINTS = {
    "cards": (
        {'secondary: "#7FB7BE"': 'secondary: "#000000"', 'text: "#1F2A2E"': 'text: "#666666"'},
        '"#666666"',
        "Body text printed in colors.text on a 16% tint of colors.secondary has a contrast of 4.0:1, under 4.5:1",
        "colors.text",
    ),
    "notes": (
        {'primary: "#1D5C63"': 'primary: "#000000"', 'text: "#1F2A2E"': 'text: "#6C6C6C"'},
        '"#6C6C6C"',
        "Body text printed in colors.text on an 8% tint of colors.primary has a contrast of 4.4:1, under 4.5:1",
        "colors.text",
    ),
    "warnings": (
        {'accent: "#E07A5F"': 'accent: "#000000"', 'text: "#1F2A2E"': 'text: "#666666"'},
        '"#666666"',
        "Body text printed in colors.text on a 13% tint of colors.accent has a contrast of 4.3:1, under 4.5:1",
        "colors.text",
    ),
    "titles": (
        {'secondary: "#7FB7BE"': 'secondary: "#000000"', 'primary: "#1D5C63"': 'primary: "#107474"'},
        '"#107474"',
        "Subheadings and the back's lines printed in colors.primary on a 16% tint of colors.secondary have a "
        "contrast of 3.8:1",
        "colors.primary",
    ),
}


@pytest.mark.parametrize(("edits", "needle", "message", "key"), TINTS.values(), ids=TINTS.keys())
def test_each_tinted_box_has_its_own_contrast_check(
    inputs: Inputs, edits: dict[str, str], needle: str, message: str, key: str
) -> None:
    """Text on a card, a note or a warning, and card titles, each against their own tint: one error each,
    at the colour to change, though every colour passes on the white page."""
    for old, new in edits.items():
        text = edit(inputs.brand, old, new)
    tone = "warning" if "accent" in message else "note"
    callout = f'      - callout: {{text: "Ask us first.", tone: {tone}}}\n'
    edit(inputs.content, "            icon: smooth\n", "            icon: smooth\n" + callout)
    src, diags = api.load(inputs.content, inputs.brand)
    assert src is not None, [d.format() for d in diags]
    result = api.build(src, api.Options())
    (error,) = [d for d in result.diagnostics if d.is_error]
    line, col = position(text, needle)
    assert error.format().startswith(f"{inputs.brand}:{line}:{col}: error: {message}")
    assert error.location.key == key


# --- folds --------------------------------------------------------------------------------------------------


def test_step_numbers_are_judged_against_their_disc(inputs: Inputs) -> None:
    """The number on a step's disc is white on the primary colour: judged against the disc it sits on, not the
    card or paper further down."""
    text = edit(inputs.brand, 'primary: "#1D5C63"', 'primary: "#8FC1C6"')
    steps = '      - steps:\n          - {title: Consultation, text: "We check your skin."}\n'
    edit(inputs.content, "            icon: smooth\n", "            icon: smooth\n" + steps)
    src, diags = api.load(inputs.content, inputs.brand)
    assert src is not None, [d.format() for d in diags]
    found = [d for d in api.build(src, api.Options()).diagnostics if d.is_error and "Labels" in d.message]
    line, col = position(text, '"#8FC1C6"')
    assert [d.format().split(": error: ")[1].split(" have")[0] for d in found] == [
        "Labels printed in white on colors.primary"
    ]
    assert (found[0].location.line, found[0].location.column) == (line, col)


# --- folds --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("right_of_fold", "flagged"), [(-1.0, True), (-2.9, True), (-3.1, False), (1.0, True)])
def test_text_near_a_fold_but_not_over_it_is_an_error(right_of_fold: float, flagged: bool) -> None:
    """A guard, tripped here by a hand-made frame (the panels' margins keep text 8 mm from every fold): text
    that ends, or starts, within 3 mm of a fold without crossing it is still in the crease."""
    fold = trifold("a4", "office").sides[1].folds[0]
    if right_of_fold < 0:  # text ending left of the fold
        box = Rect(fold + right_of_fold * MM - 40, 100, 40, 12)
    else:  # text starting right of it
        box = Rect(fold + right_of_fold * MM, 100, 40, 12)
    region = "inside-1" if right_of_fold < 0 else "inside-2"
    content, _ = load_content(CONTENT)
    assert content is not None
    found = [d.message for d in check_placement(frames_layout(text_item(box, region)), content)]
    assert found == (["text is within 3 mm of a fold"] if flagged else [])


def test_text_is_judged_against_the_topmost_shape_beneath_it() -> None:
    """White words on a dark disc that sits on a light card read well: the disc is what they are printed on."""
    src = sources()
    palette = make_theme(src.brand, src.fonts).palette
    colours = colours_for(src.brand, palette, src.fonts, None)
    box = Rect(100, 100, 60, 20)
    card = Shape(
        box=Rect(90, 90, 80, 40),
        region="inside-1",
        z=1,
        path=_rect(Rect(90, 90, 80, 40)),
        fill=_ink(palette.background),
    )
    disc = Shape(box=box, region="inside-1", z=2, path=_rect(box), fill=_ink(palette.primary))
    white = Run("1", src.fonts.bold, 9.0, _ink(palette.white), 120, 6)
    label = Text(
        box=Rect(120, 105, 6, 9), region="inside-1", role="label", z=3, runs=(white,), baseline=107, measure=box
    )
    assert check_contrast(frames_layout(card, disc, label), colours) == []


def _rect(b: Rect) -> tuple[Segment, ...]:
    return (("m", (b.x, b.y)), ("l", (b.right, b.y)), ("l", (b.right, b.top)), ("l", (b.x, b.top)), ("h", ()))


def _ink(colour: object) -> Ink:
    return ink_of(colour)
