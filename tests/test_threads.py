"""Builds share nothing: the same editions built in 8 threads at once give the bytes serial builds give."""

from __future__ import annotations

import hashlib
import io
import shutil
import threading
import time
import warnings
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import fontpkg
import pytest
from conftest import Inputs, edit
from helpers import BRAND, CONTENT, MAPLE, sources
from PIL import Image
from reportlab.lib.fonts import ps2tt, tt2ps

from brochure import api
from brochure.inputs import pictures
from brochure.vocabulary import LAYOUTS, TARGETS

# 8 editions: every layout in both kits (each on its paper: A4, Letter), the two in turn, in opposite targets
EDITIONS = [
    (brand, layout, TARGETS[(i + j) % 2]) for i, layout in enumerate(LAYOUTS) for j, brand in enumerate((BRAND, MAPLE))
]


def _digest(edition: tuple[object, ...], loaded: dict[object, api.Sources]) -> str:
    brand, layout, target = edition
    result = api.build(loaded[brand], api.Options(layout=layout, target=target))  # type: ignore[arg-type]
    assert result.ok and result.pdf, [d.format() for d in result.diagnostics]
    return hashlib.sha256(result.pdf).hexdigest()


def test_8_editions_in_8_threads_equal_serial_builds_and_leave_no_trace() -> None:
    """4 layouts x 2 brands (Clearwater on A4, Maple & Main on Letter), each layout in one brand's office edition and
    the other's press edition, in 8 threads (each brand's words and kit loaded once and shared by every thread, as a
    server would), the brands' builds interleaved so that every thread builds beside another kit's on another paper
    and for another target: every PDF byte-identical to the serial build of the same edition, and a serial build of
    each layout afterwards (both brands, both targets) equal to the one before. (16 editions, every layout in both
    targets of both kits, took twice the time and tested nothing more.)"""
    loaded = {brand: sources(CONTENT, brand) for brand in (BRAND, MAPLE)}
    before = {e: _digest(e, loaded) for e in EDITIONS}
    with ThreadPoolExecutor(8) as pool:
        threaded = list(pool.map(lambda e: _digest(e, loaded), EDITIONS))
    assert [e for e, h in zip(EDITIONS, threaded, strict=True) if h != before[e]] == []
    after = [EDITIONS[i] for i in (0, 2, 5, 7)]  # (each layout once more, serially: both brands, both targets)
    assert {e: _digest(e, loaded) for e in after} == {e: before[e] for e in after}


def test_a_kit_sharing_a_regular_face_keeps_its_own_bold(inputs: Inputs) -> None:
    """Two kits with the same regular file but different bold files, loaded in one process: each prints its own
    bold for **bold**, and the first kit's PDF is the same before and after the second is loaded."""
    family = {f.weight: f.path for f in fontpkg.family("Be Vietnam Pro").files if f.style == "normal"}
    shutil.copy(family[400], inputs.kit / "Regular.ttf")
    shutil.copy(family[900], inputs.kit / "Black.ttf")
    first = api.build(sources(CONTENT, BRAND), api.Options())
    edit(inputs.brand, "  body: {family: Be Vietnam Pro}", "  body: {regular: Regular.ttf, bold: Black.ttf}")
    other, diags = api.load(inputs.content, inputs.brand)
    assert other is not None, [d.format() for d in diags]
    shipped = sources(CONTENT, BRAND).fonts
    for fonts in (shipped, other.fonts):  # as a paragraph finds **bold**: the regular face's family, then its bold
        assert tt2ps(ps2tt(fonts.regular)[0], 1, 0) == fonts.bold
    assert "Black" in other.fonts.bold and "Black" not in shipped.bold
    assert api.build(sources(CONTENT, BRAND), api.Options()).pdf == first.pdf


def test_arabic_editions_in_threads_equal_serial_builds() -> None:
    """The Arabic editions' font maps are completed from shaping, once per face (theme/shaping.py `given_texts`):
    built first in 2 threads at once, then serially, every PDF is byte-identical (what a face's glyphs stand for does
    not depend on which build asked first)."""
    from helpers import ROOT

    loaded = sources(ROOT / "translations" / "ar.yaml", BRAND)
    editions = [api.Options(layout="trifold"), api.Options(layout="large-print", target="press")]

    def digest(options: api.Options) -> str:
        result = api.build(loaded, options)
        assert result.ok and result.pdf, [d.format() for d in result.diagnostics]
        return hashlib.sha256(result.pdf).hexdigest()

    with ThreadPoolExecutor(2) as pool:
        threaded = list(pool.map(digest, editions))
    assert threaded == [digest(options) for options in editions]


def test_pictures_read_in_threads_leave_the_processs_warning_filters_as_they_were(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Python's warning filters are the process's, and a picture is read with Pillow's warnings turned into words of
    ours: eight threads reading pictures at once (`serve`'s builds) each restored the filters another had found,
    leaving the process ignoring every warning, or a picture read under none of ours. Each reading now holds them
    alone (none starts while another is inside), and the filters after are those before."""
    inside, most = 0, 0
    count = threading.Lock()
    real = pictures._decoded

    def counted(*args: Any, **kw: Any) -> Any:
        nonlocal inside, most
        with count:
            inside += 1
            most = max(most, inside)
        try:
            time.sleep(0.002)  # (a reading long enough for another thread to start one meanwhile)
            return real(*args, **kw)
        finally:
            with count:
                inside -= 1

    monkeypatch.setattr(pictures, "_decoded", counted)
    buf = io.BytesIO()
    Image.new("RGB", (40, 30), "teal").save(buf, format="PNG")
    before = list(warnings.filters)
    with ThreadPoolExecutor(8) as pool:
        read = list(pool.map(lambda _: pictures.read_picture(buf.getvalue(), Path("photo.png")), range(64)))
    assert all(isinstance(r, pictures.PictureData) for r in read)
    assert most == 1
    assert warnings.filters == before
