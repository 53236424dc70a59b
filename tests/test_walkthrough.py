"""README's "Your clinic's leaflet in ten minutes", followed command by command as written there: choose a font
from `brochure fonts`, make the kit with `brochure init`, copy and edit the words, set the logo's height, build,
preview."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest
from conftest import ROOT
from helpers import cli
from PIL import Image

from brochure import api
from brochure.geometry.sheet import MM
from brochure.layout.model import Picture

TITLE = "## Your clinic's leaflet in ten minutes"


def steps() -> list[list[str]]:
    """The commands of the walk-through's shell blocks, in order, without `.venv/bin/brochure`."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split(TITLE, 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)```", section, re.S)
    lines = "\n".join(blocks).replace("\\\n", " ").splitlines()
    commands = [shlex.split(line) for line in lines if line.strip()]
    assert all(c[0] == ".venv/bin/brochure" for c in commands)
    return [c[1:] for c in commands]


def logo_line() -> str:
    """The `logo:` line the walk-through's YAML block gives the kit."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split(TITLE, 1)[1].split("\n## ", 1)[0]
    (block,) = re.findall(r"```yaml\n(.*?)```", section, re.S)
    return next(line for line in block.splitlines() if line.startswith("logo: "))


def option(argv: list[str], name: str) -> str:
    return argv[argv.index(name) + 1]


def test_the_walkthrough_runs_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("BROCHURE_INDEX_URL", "http://127.0.0.1:9/simple/")  # no network: the shipped list answers
    shutil.copy(ROOT / "content.yaml", tmp_path / "content.yaml")  # the project folder's words
    commands = steps()
    assert [c[0] for c in commands] == ["fonts", "fonts", "init", "init", "build", "preview"]
    fonts, search, init, words, build, preview = commands

    # 1. The font the kit names is one `brochure fonts` lists as usable; the search gives the pip line.
    status, out, _ = cli(capsys, *fonts)
    assert status == 0
    family = option(init, "--font")
    assert any(line.startswith(f"{family}  (") and "cannot be used" not in line for line in out.splitlines())
    status, out, _ = cli(capsys, *search)
    assert status == 0 and ".venv/bin/pip install fontpkg-lato==" in out

    # 2. The kit, from options, with the clinic's logo.
    shutil.copy(ROOT / "assets/brands/harbour-lane/logo.png", tmp_path / option(init, "--logo"))
    status, out, err = cli(capsys, *init)
    assert status == 0, err
    kit = Path(init[1]) / "brand.yaml"
    assert f"ok: {kit} builds" in out

    # 3. The words, and the edit it asks for first: the producer is the clinic's name.
    status, out, err = cli(capsys, *words)
    assert status == 0, err
    producer = next(line for line in out.splitlines() if "document.producer" in line).strip()
    file, line = producer.split(":")[:2]
    name = producer.rsplit(": ", 1)[1]
    assert name == option(init, "--name")
    text = Path(file).read_text(encoding="utf-8").splitlines(keepends=True)
    text[int(line) - 1] = re.sub(r"producer: .*", f"producer: {name}", text[int(line) - 1])
    Path(file).write_text("".join(text), encoding="utf-8")

    # 4. The logo's height: the kit's logo line as the README writes it.
    line = logo_line()
    kit.write_text(re.sub(r"(?m)^logo: .*$", line, kit.read_text(encoding="utf-8"), count=1), encoding="utf-8")
    height = float(re.findall(r"height: (\d+)", line)[0])

    # 5. Build and preview, as written: the PDF and pictures named in the README, no warning about the producer.
    status, out, err = cli(capsys, *build)
    assert status == 0, err
    assert "producer" not in err
    sources, _ = api.load(Path(option(build, "--content")), kit)
    assert sources is not None
    layout = api.build(sources, api.Options()).layout
    assert layout is not None
    (logo,) = [i for i in layout.pages[0].items if isinstance(i, Picture) and i.region == "cover"]
    assert logo.box.h == pytest.approx(height * MM, abs=0.01)
    assert (tmp_path / "out/riverside-skin-clinic-en-gb-trifold-a4-office.pdf").is_file()
    status, out, err = cli(capsys, *preview)
    assert status == 0, err
    stem = tmp_path / "out/preview/riverside-skin-clinic-en-gb-trifold-a4-office"
    for suffix in ("-page1.png", "-page2.png", "-mockup.png"):
        assert Image.open(f"{stem}{suffix}").size[0] > 500
