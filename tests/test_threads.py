"""Builds share nothing: the same editions built in 8 threads at once give the bytes serial builds give."""

from __future__ import annotations

import hashlib
import itertools
from concurrent.futures import ThreadPoolExecutor

from helpers import BRAND, CONTENT, MAPLE, sources

from brochure import api
from brochure.vocabulary import LAYOUTS, PAPERS, TARGETS

EDITIONS = list(itertools.product((BRAND, MAPLE), LAYOUTS, TARGETS, PAPERS))  # 24 editions


def _digest(edition: tuple[object, ...]) -> str:
    brand, layout, target, paper = edition
    result = api.build(sources(CONTENT, brand), api.Options(layout=layout, target=target, paper=paper))  # type: ignore[arg-type]
    assert result.ok and result.pdf, [d.format() for d in result.diagnostics]
    return hashlib.sha256(result.pdf).hexdigest()


def test_48_builds_in_8_threads_equal_serial_builds_and_leave_no_trace() -> None:
    """3 layouts x 2 targets x 2 brands x 2 papers, each twice, in 8 threads: every PDF byte-identical to the
    serial build of the same edition, and a serial build afterwards equal to the one before."""
    before = {e: _digest(e) for e in EDITIONS}
    with ThreadPoolExecutor(8) as pool:
        threaded = list(pool.map(_digest, EDITIONS * 2))
    assert [e for e, h in zip(EDITIONS * 2, threaded, strict=True) if h != before[e]] == []
    assert {e: _digest(e) for e in EDITIONS} == before
