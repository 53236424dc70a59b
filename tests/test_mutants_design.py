"""Design checks a reader would feel: text on each tinted box readable, text clear of every fold.

Written for mutants that survived the suite (scripts/mutants.py, docs/mutation.md).
"""

from __future__ import annotations

import pytest
from conftest import Inputs, edit, position
from reportlab.platypus import Paragraph

from brochure import api
from brochure.geometry.sheet import MM, Rect, trifold
from brochure.layout.model import Layout, Page, Placed
from brochure.preflight.checks import check_safe_zone

# Each brand trips exactly one pair: the colour beneath the text is a tint of another brand colour, so a text
# colour that reads well on white can fall under 4.5:1 on a card, a note or a warning.
TINTS = {
    "cards": (
        {'secondary: "#7FB7BE"': 'secondary: "#000000"', 'text: "#1F2A2E"': 'text: "#666666"'},
        '"#666666"',
        "text in cards have a contrast of 4.0:1 against secondary, under 4.5:1",
        "colors.text",
    ),
    "notes": (
        {'primary: "#1D5C63"': 'primary: "#000000"', 'text: "#1F2A2E"': 'text: "#6C6C6C"'},
        '"#6C6C6C"',
        "text in notes have a contrast of 4.4:1 against primary, under 4.5:1",
        "colors.text",
    ),
    "warnings": (
        {'accent: "#E07A5F"': 'accent: "#000000"', 'text: "#1F2A2E"': 'text: "#666666"'},
        '"#666666"',
        "text in warnings have a contrast of 4.3:1 against accent, under 4.5:1",
        "colors.text",
    ),
    "titles": (
        {'secondary: "#7FB7BE"': 'secondary: "#000000"', 'primary: "#1D5C63"': 'primary: "#107474"'},
        '"#107474"',
        "card titles have a contrast of 3.8:1 against secondary, under 4.5:1",
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
    src, diags = api.load(inputs.content, inputs.brand)
    assert src is not None, [d.format() for d in diags]
    result = api.build(src, api.Options())
    (error,) = [d for d in result.diagnostics if d.is_error]
    line, col = position(text, needle)
    assert error.format().startswith(f"{inputs.brand}:{line}:{col}: error: {message}")
    assert error.location.key == key


# --- folds --------------------------------------------------------------------------------------------------


def one_text(box: Rect) -> Layout:
    sheet = trifold("a4", "office")
    item = Placed(Paragraph("x"), box, "inside-1", "s")
    return Layout(sheet, (Page(sheet.sides[1], (item,), (), ()),), ())


@pytest.mark.parametrize(("right_of_fold", "flagged"), [(-1.0, True), (-2.9, True), (-3.1, False), (1.0, True)])
def test_text_near_a_fold_but_not_over_it_is_an_error(right_of_fold: float, flagged: bool) -> None:
    """A guard, tripped here by a hand-made layout (the panels' margins keep text 8 mm from every fold): text
    that ends, or starts, within 3 mm of a fold without crossing it is still in the crease."""
    fold = trifold("a4", "office").sides[1].folds[0]
    if right_of_fold < 0:  # text ending left of the fold
        box = Rect(fold + right_of_fold * MM - 40, 100, 40, 12)
    else:  # text starting right of it
        box = Rect(fold + right_of_fold * MM, 100, 40, 12)
    found = [d.message for d in check_safe_zone(one_text(box), "c.yaml")]
    assert found == (["text is within 3 mm of a fold"] if flagged else [])
