"""`brochure fonts`: the installed families a kit can name, with their weights, italics and scripts."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import fontpkg
import pytest
from conftest import Inputs, edit
from helpers import ROOT, cli

from brochure import limits
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


@pytest.mark.parametrize("damage", ["cut-short", "garbage", "missing", "too-large", "bold-cut-short"])
def test_a_damaged_installed_family_is_listed_as_unusable_not_a_crash(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, damage: str
) -> None:
    """A font package whose files were cut short by a failed download, replaced, removed or made huge: `brochure
    fonts` lists the family as one a kit cannot use (as the build would refuse it), without reading a huge file
    whole; it was an internal error, or listed as usable with scripts."""
    real = fontpkg.family("be-vietnam-pro")
    upright = {f.weight: f for f in real.files if f.style == "normal" and not f.variable}
    regular, bold = tmp_path / "X-Regular.ttf", tmp_path / "X-Bold.ttf"
    regular.write_bytes(Path(upright[400].path).read_bytes())
    bold.write_bytes(Path(upright[700].path).read_bytes())
    broken = bold if damage == "bold-cut-short" else regular
    if damage in ("cut-short", "bold-cut-short"):
        broken.write_bytes(broken.read_bytes()[:30_000])
    elif damage == "garbage":
        broken.write_bytes(b"\x00\x01\x00\x00" + bytes(range(256)) * 200)
    elif damage == "missing":
        broken.unlink()
    else:
        with broken.open("ab") as f:
            f.truncate(limits.FONT_BYTES + 1)  # (sparse: no disk taken)
    files = [replace(upright[400], path=regular), replace(upright[700], path=bold)]
    fake = replace(real, name="Damaged Sans", slug="damaged-sans", files=files)
    monkeypatch.setattr(fontpkg, "families", lambda: ["damaged-sans"])
    monkeypatch.setattr(fontpkg, "family", lambda name: fake)
    status, out, err = cli(capsys, "fonts")
    face = "bold" if damage == "bold-cut-short" else "regular"
    assert status == 0 and "internal error" not in err, err
    assert f"Damaged Sans  (fontpkg-damaged-sans): cannot be used: its {face} face" in out, out
    what = "is missing" if damage == "missing" else "cannot be read: damaged, too large or not TrueType"
    assert f"face ({broken.name}) {what} (install it again: pip install --force-reinstall fontpkg-damaged-sans)" in out


def test_a_kit_naming_an_installed_family_whose_files_are_gone_is_told_to_install_it_again(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A font package whose files were removed after pip installed it: the kit is told once for each place it
    names the family, to install the package again (it was told five times to use a TrueType font "e.g. from a
    fontpkg package", the one it had named)."""
    from brochure.theme import fonts

    real = fontpkg.family("be-vietnam-pro")
    gone = [replace(f, path=tmp_path / "gone" / Path(f.path).name) for f in real.files]
    monkeypatch.setattr(fonts, "_installed", lambda name: replace(real, files=gone))
    status, _, err = cli(capsys, "check")
    lines = [line for line in err.splitlines() if "error:" in line]
    assert status == 1 and len(lines) == 2, err  # (fonts.heading.family and fonts.body.family)
    assert all("font family 'Be Vietnam Pro' is installed, but its files are missing or damaged" in x for x in lines)
    assert all("pip install --force-reinstall fontpkg-be-vietnam-pro" in line for line in lines)
    assert "assets/brand.yaml:17:21: error:" in lines[0] and "assets/brand.yaml:18:18: error:" in lines[1]


def test_an_installed_family_whose_licence_forbids_embedding_is_listed_as_unusable(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """`brochure fonts` agrees with the build: a family whose licence flags (OS/2 fsType) forbid embedding is one a
    kit cannot use (it was listed as usable, and the kit then refused it)."""
    from test_font_files import with_licence

    real = fontpkg.family("be-vietnam-pro")
    upright = {f.weight: f for f in real.files if f.style == "normal" and not f.variable}
    regular, bold = tmp_path / "X-Regular.ttf", tmp_path / "X-Bold.ttf"
    regular.write_bytes(with_licence(Path(upright[400].path).read_bytes(), 0x0002))
    bold.write_bytes(Path(upright[700].path).read_bytes())
    files = [replace(upright[400], path=regular), replace(upright[700], path=bold)]
    fake = replace(real, name="Kept Sans", slug="kept-sans", files=files)
    monkeypatch.setattr(fontpkg, "families", lambda: ["kept-sans"])
    monkeypatch.setattr(fontpkg, "family", lambda name: fake)
    status, out, _ = cli(capsys, "fonts")
    assert status == 0
    assert "Kept Sans  (fontpkg-kept-sans): cannot be used: its licence forbids embedding it in a document" in out


@pytest.mark.parametrize(
    ("family", "said"),
    [
        ("Be Vietnam", "is not installed (did you mean 'Be Vietnam Pro'?"),  # (one word short of the one installed)
        ("Lato", "is not installed (install it: .venv/bin/pip install fontpkg-lato=="),  # (a package brochure knows)
        ("Comic Neue Sans", "is not installed (no font package of that name is known: `brochure fonts --search"),
    ],
)
def test_a_family_not_installed_is_told_what_is_there_never_a_made_up_package(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], family: str, said: str
) -> None:
    """A family a kit names that is not installed: the installed one it was probably meant to be, or the pip line
    of a package brochure's list knows, pinned; never `pip install fontpkg-be-vietnam`, a package that does not
    exist (and that a stranger could register)."""
    edit(inputs.brand, "heading: {family: Be Vietnam Pro, weight: 600}", f"heading: {{family: {family}, weight: 600}}")
    status, _, err = cli(capsys, "check", "--content", str(inputs.content), "--brand", str(inputs.brand))
    assert status == 1 and f"font family '{family}' {said}" in err, err
    assert "pip install fontpkg-be-vietnam " not in err and "pip install fontpkg-comic" not in err


def test_the_pip_line_works_from_a_groups_own_folder(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A coordinator running brochure from the group's own folder was told `.venv/bin/pip install fontpkg-lato==...`
    (no such file there) and to add it to requirements.txt (none there): the pip of the Python running brochure,
    by its whole path, and the requirements the group installs from. From the checkout, as before."""
    import sys

    edit(inputs.brand, "heading: {family: Be Vietnam Pro, weight: 600}", "heading: {family: Lato, weight: 600}")
    monkeypatch.chdir(inputs.content.parent)
    status, _, err = cli(capsys, "check", "--content", str(inputs.content), "--brand", str(inputs.brand))
    pip = Path(sys.executable).parent / "pip"
    assert status == 1 and f"(install it: {pip} install fontpkg-lato==" in err, err
    assert "to the requirements every machine that builds your leaflets installs from" in err
    status, out, _ = cli(capsys, "fonts")
    assert f"then {pip} install fontpkg-NAME" in out
    monkeypatch.chdir(ROOT)
    status, _, err = cli(capsys, "check", "--content", str(inputs.content), "--brand", str(inputs.brand))
    assert "(install it: .venv/bin/pip install fontpkg-lato==" in err and "to requirements.txt" in err
