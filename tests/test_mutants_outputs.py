"""Outputs never land on an input, even one reached by another name (a hard link).

Written for mutants that survived the suite (scripts/mutants.py, docs/mutation.md).
"""

from __future__ import annotations

import os

import pytest
from conftest import Inputs, edit
from PIL import Image

from brochure.cli import main


def test_a_preview_page_that_is_a_hard_link_to_a_picture_of_the_content_is_refused(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    """The preview's first page would be shots/x-page1.png, which is the content's photo under a second name
    (a hard link: no symlink to follow, the same file all the same). A PNG over a PNG, so only knowing that
    the two names are one file refuses it: exit 2, nothing written, the photo and its second name intact."""
    root = inputs.content.parent
    Image.new("RGB", (1200, 800), "#7FB7BE").save(root / "photo.png")
    edit(inputs.content, "      - cards:\n", "      - image: {src: photo.png, alt: A photo}\n      - cards:\n")
    (root / "shots").mkdir()
    os.link(root / "photo.png", root / "shots" / "x-page1.png")
    photo = (root / "photo.png").read_bytes()
    argv = ["preview", "--content", str(inputs.content), "--brand", str(inputs.brand), "--dpi", "12"]
    status = main([*argv, "-o", str(root / "shots"), "--stem", "x"])
    err = capsys.readouterr().err
    assert status == 2
    assert f"the page picture {root / 'shots' / 'x-page1.png'} is a picture of the content" in err
    assert os.path.samefile(root / "photo.png", root / "shots" / "x-page1.png")
    assert (root / "photo.png").read_bytes() == photo
    assert sorted(p.name for p in (root / "shots").iterdir()) == ["x-page1.png"]
