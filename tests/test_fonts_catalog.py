"""`brochure fonts`: the installed families a kit can name, with their weights, italics and scripts."""

from __future__ import annotations

import pytest
from helpers import cli

from brochure.theme.catalog import FamilyReport, describe, installed


def test_the_command_lists_the_installed_families_and_how_to_add_one(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = cli(capsys, "fonts")
    assert status == 0
    assert "Be Vietnam Pro  (fontpkg-be-vietnam-pro): weights 100, 200, 300, 400, 500, 600, 700, 800, 900" in out
    assert "Alegreya Sans" in out and "IBM Plex Serif" in out
    assert "pip install fontpkg-NAME" in out and "requirements.txt" in out


def test_scripts_are_read_from_the_fonts_own_character_map() -> None:
    """Be Vietnam Pro has Vietnamese and Polish letters but no Cyrillic; IBM Plex Serif has Cyrillic, no Greek."""
    found = {r.name: r for r in installed()}
    vietnam, plex = found["Be Vietnam Pro"], found["IBM Plex Serif"]
    assert "Latin: Vietnamese" in vietnam.scripts and "Latin: Polish" in vietnam.scripts
    assert "Cyrillic" not in vietnam.scripts and "Cyrillic" in plex.scripts and "Greek" not in plex.scripts
    varela = found.pop("Varela Round")  # (the Hebrew tests' fallback) one weight: a fallback, not a kit's family
    assert "Hebrew" in varela.scripts and not varela.usable and "no bold weight" in varela.problem
    assert all(r.usable for r in found.values())


def test_a_variable_only_family_is_named_as_unusable() -> None:
    """(A guard: no variable-only family is installed here.) What a kit author reads for one."""
    r = FamilyReport("Montserrat", "fontpkg-montserrat", (), (), True, (), "variable font only: brochure needs static")
    assert not r.usable
    assert describe(r) == [
        "Montserrat  (fontpkg-montserrat): cannot be used: variable font only: brochure needs static"
    ]
