"""`pip install .` alone gives a working tool: pyproject.toml names every package brochure/ imports and every font
family the shipped kits name (the pinned requirements.txt is not the only way in)."""

from __future__ import annotations

import ast
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
OPTIONAL = {"brochure", "distributed"}  # itself; `brochure[cluster]`, imported by brochure/cluster.py alone


def _dependencies() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {canonicalize_name(Requirement(d).name) for d in project["dependencies"]}


def _imported() -> set[str]:
    """The top-level modules brochure/ imports (at module level or inside a function)."""
    out: set[str] = set()
    for path in (ROOT / "brochure").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                out.update(a.name.split(".")[0] for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                out.add(node.module.split(".")[0])
    return out


def test_every_package_brochure_imports_is_a_dependency() -> None:
    owners = packages_distributions()
    needed = {canonicalize_name(d) for module in _imported() for d in owners.get(module, ())}
    assert sorted(needed - _dependencies() - OPTIONAL) == []


def test_every_font_family_a_shipped_kit_names_is_a_dependency() -> None:
    import yaml

    families: set[str] = set()
    for brand in (ROOT / "assets").rglob("brand.yaml"):
        fonts = yaml.safe_load(brand.read_text(encoding="utf-8"))["fonts"]
        for spec in [fonts.get("heading"), fonts.get("body"), *fonts.get("fallbacks", [])]:
            name = spec if isinstance(spec, str) else (spec or {}).get("family")
            if name:
                families.add(name)
    assert families
    packages = {canonicalize_name("fontpkg-" + "-".join(f.lower().split())) for f in families}
    assert sorted(packages - _dependencies()) == []
