"""The mutation check's list still fits the code: each snippet occurs once, each chosen test exists.

`make mutants` refuses to run a rotten list; this keeps `make test` from letting it rot in the first place.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import mutants  # noqa: E402


def test_every_snippet_occurs_exactly_once() -> None:
    assert mutants.rotten(mutants.MUTANTS) == []


def test_every_chosen_test_exists() -> None:
    missing = []
    for mu in mutants.MUTANTS:
        for test in mu.tests:
            file, _, name = test.partition("::")
            name = name.partition("[")[0]  # a parametrized test's case: its function is what must exist
            path = ROOT / file
            if not path.is_file() or (name and not re.search(rf"^def {re.escape(name)}\(", path.read_text(), re.M)):
                missing.append(f"{mu.name}: {test}")
    assert missing == []


def test_a_snippet_that_moved_on_is_reported() -> None:
    gone = mutants.Mutant("gone", "geometry/sheet.py", "no such code", "x", ("tests/test_geometry.py",))
    twice = mutants.Mutant("twice", "geometry/sheet.py", "return", "pass", ("tests/test_geometry.py",))
    assert mutants.rotten((gone, twice)) == [
        "gone: its snippet occurs 0 times in brochure/geometry/sheet.py, not once: 'no such code'",
        f"twice: its snippet occurs {(ROOT / 'brochure/geometry/sheet.py').read_text().count('return')} times in "
        "brochure/geometry/sheet.py, not once: 'return'",
    ]
