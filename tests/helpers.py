"""Shared test helpers: build leaflets in process and reopen them."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from brochure import api

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
CONTENT = ROOT / "content.yaml"
BRAND = ROOT / "assets" / "brand.yaml"
MAPLE = ROOT / "assets" / "brands" / "maple-main" / "brand.yaml"
TEST_BRAND = DATA / "testbrand" / "brand.yaml"
SMALL = DATA / "content-small.yaml"


@cache
def sources(content: Path = CONTENT, brand: Path = BRAND) -> api.Sources:
    src, diags = api.load(content, brand)
    assert src is not None, [d.format() for d in diags]
    return src


@cache
def built(content: Path = CONTENT, brand: Path = BRAND, paper: str | None = None) -> api.Result:
    result = api.build(sources(content, brand), api.Options(paper=paper))
    assert result.ok, [d.format() for d in result.diagnostics]
    return result
