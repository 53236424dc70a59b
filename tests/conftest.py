"""Shared fixtures: a small valid content file and brand kit in tmp_path, and a helper to find positions."""

from __future__ import annotations

import gc
import os
import shutil
import signal
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def pytest_configure(config: pytest.Config) -> None:
    """The test process collects its youngest generation of objects as a batch's worker does (brochure/collector.py,
    MANY_BUILDS_THRESHOLD allocations apart, not Python's 700): it builds thousands of leaflets and keeps many of
    them (helpers.result_of), and each collection walked them all again: a quarter of the suite's time, the same
    peak memory. The brochure processes the tests start keep Python's own."""
    from brochure.collector import MANY_BUILDS_THRESHOLD

    gc.set_threshold(MANY_BUILDS_THRESHOLD, *gc.get_threshold()[1:])
    if not hasattr(config, "workerinput"):  # (the session's own process, not one of its pytest-xdist workers,
        # which are started after this and given the folder in their environment; an outer session's folder is not
        # taken: a session of mutated code, scripts/mutants.py, builds its own)
        os.environ[SHARED_BUILDS] = tempfile.mkdtemp(prefix="brochure-tests-builds-")
        config.add_cleanup(lambda: shutil.rmtree(os.environ.pop(SHARED_BUILDS), ignore_errors=True))


SHARED_BUILDS = "BROCHURE_TESTS_SHARED_BUILDS"  # a folder of the session's builds of the shipped files, pickled
# (helpers.result_of): made by the session's first process, removed when it ends; the tool never reads it


# "Today" for the review-date checks, as `make` sets it (2026-12-01, the shipped leaflet's publication date):
# the suite gives the same results whatever the clock says.
os.environ.setdefault("SOURCE_DATE_EPOCH", "1796083200")

# A small, valid leaflet: every test mutates one thing in it, so the expected error is the only one.
CONTENT = """\
language: en-GB
title: Micro-needling
subtitle: for acne scars
sections:
  - id: what-is-it
    heading: What is it?
    blocks:
      - text: "Fine needles make **tiny** pricks. See [our site](https://example.com)."
      - cards:
          - title: Smoother texture
            text: "New collagen can even out rough skin."
            icon: smooth
  - id: risks
    heading: Risks
    place: flap
    blocks:
      - bullets:
          - "Redness for 1 to 3 days"
call_to_action:
  heading: Book a consultation
  text: "We will check your skin first."
disclaimer: "General information only."
document:
  code: TC-001
  version: "1.0"
  published: 2026-12-01
  review: 2028-12-01
  author: {name: Ann Writer, role: Lead nurse}
  reviewer: {name: Dr Bo Checker, role: Dermatologist}
  producer: Test Clinic
  conflicts: "No outside funding."
"""

BRAND = """\
name: Test Clinic
colors:
  primary: "#1D5C63"
  secondary: "#7FB7BE"
  accent: "#E07A5F"
  text: "#1F2A2E"
  background: "#FFFFFF"
  cmyk:
    primary: [85, 35, 40, 25]
fonts:
  heading: {family: Be Vietnam Pro, weight: 600}
  body: {family: Be Vietnam Pro}
logo: logo.svg
contact:
  address: 1 High Street, Bristol
  phone: "+44 117 496 0321"
  email: hello@example.com
  website: https://example.com
  booking_url: https://example.com/book
paper: a4
"""

LOGO = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" viewBox="0 0 120 40">'
    '<rect x="0" y="0" width="40" height="40" fill="#1D5C63"/></svg>'
)


@dataclass(frozen=True)
class Inputs:
    """Paths of a valid content file and brand kit, written into a test's tmp_path."""

    content: Path
    brand: Path

    @property
    def kit(self) -> Path:
        return self.brand.parent


@pytest.fixture(autouse=True)
def _stop_signals_as_they_were() -> Iterator[None]:
    """Each test ends with the stop signals handled as before it: a command run in process that received one
    leaves it ignored (its process is ending), and the processes later tests start would inherit that (a child
    Python keeps SIGINT ignored: Ctrl-C sent to a `watch` a test started did nothing)."""
    stops = [signal.SIGINT, signal.SIGTERM, signal.SIGHUP]
    before = {s: signal.getsignal(s) for s in stops}
    yield
    for s, handler in before.items():
        if handler is not None and signal.getsignal(s) is not handler:
            signal.signal(s, handler)


@pytest.fixture
def inputs(tmp_path: Path) -> Inputs:
    kit = tmp_path / "assets"
    kit.mkdir()
    (kit / "logo.svg").write_text(LOGO, encoding="utf-8")
    (kit / "brand.yaml").write_text(BRAND, encoding="utf-8")
    content = tmp_path / "content.yaml"
    content.write_text(CONTENT, encoding="utf-8")
    return Inputs(content, kit / "brand.yaml")


def edit(path: Path, old: str, new: str) -> str:
    """Replace the one occurrence of old in the file; return the new text."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} should occur once in {path.name}"
    text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    return text


def fill_inside(inputs: Inputs) -> None:
    """The test words' tri-fold inside filled to about 50 mm of its foot (two long paragraphs in its first section),
    so that the back's fine print, too much for the back, cannot end the words instead (they would spill)."""
    words = "Fine needles make tiny pricks, and the skin makes new collagen as it heals over the weeks after. " * 29
    edit(inputs.content, "      - cards:\n", f'      - text: "{words}"\n      - text: "{words}"\n      - cards:\n')


def position(text: str, needle: str) -> tuple[int, int]:
    """1-based (line, column) of the one occurrence of needle in text."""
    assert text.count(needle) == 1, f"{needle!r} should occur once"
    i = text.index(needle)
    return text.count("\n", 0, i) + 1, i - text.rfind("\n", 0, i)


from browser import browser  # noqa: E402,F401  (the headless Chromium fixture, for the browser tests)
