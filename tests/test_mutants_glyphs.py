"""The glyph check covers every face text may be set in: a character the bold or the italic lacks is an error.

Written for mutants that survived the suite (scripts/mutants.py, docs/mutation.md).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import reportlab
from conftest import Inputs, edit, position

from brochure import api


def font_file(package: str, name: str) -> Path:
    if package == "reportlab":
        return Path(reportlab.__file__).parent / "fonts" / name
    module = __import__(package)
    return Path(module.__file__).parent / "files" / name


VIETNAM = "fontpkg_be_vietnam_pro"
# Be Vietnam Pro has 'ā' (U+0101, as in Māori) in every face; Bitstream Vera's bold and italic do not.
FACES = {
    "bold": (
        {"regular": (VIETNAM, "BeVietnamPro-Regular.ttf"), "bold": ("reportlab", "VeraBd.ttf")},
        "the bold font (VeraBd)",
    ),
    "italic": (
        {"regular": (VIETNAM, "BeVietnamPro-Regular.ttf"), "italic": ("reportlab", "VeraIt.ttf")},
        "the italic font (VeraIt)",
    ),
}


@pytest.mark.parametrize(("faces", "named"), FACES.values(), ids=FACES.keys())
def test_a_glyph_missing_from_one_face_is_named_with_that_face(
    inputs: Inputs, faces: dict[str, tuple[str, str]], named: str
) -> None:
    """A body font whose bold (or italic) face lacks a letter the regular face has: any text may be set in bold
    or italic (a `**word**`, a card title), so the letter is an error naming that face, never an empty box."""
    spec = []
    for face, (package, name) in faces.items():
        shutil.copy(font_file(package, name), inputs.kit / name)
        spec.append(f"{face}: {name}")
    edit(inputs.brand, "body: {family: Be Vietnam Pro}", "body: {" + ", ".join(spec) + "}")
    text = edit(inputs.content, "heading: Risks", "heading: Risks for Māori skin")
    src, diags = api.load(inputs.content, inputs.brand)
    assert src is not None, [d.format() for d in diags]
    result = api.build(src, api.Options())
    assert result.pdf is None
    (error,) = [d.format() for d in result.diagnostics if d.is_error]
    line, col = position(text, "Risks for Māori skin")
    assert error.startswith(f"{inputs.content}:{line}:{col}: error: {named} has no glyph for 'ā' (U+0101")
