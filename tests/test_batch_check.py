"""`brochure batch --check`: every edition validated, laid out and preflighted as `brochure check` does one, the same
table printed, exit 1 if any fails, and nothing written: no PDF, page picture, manifest, contact sheet or lock."""

from __future__ import annotations

import json
import re
import shutil
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import Inputs, edit, position
from helpers import batch, editions_file

from brochure import batch as batch_module
from brochure.inputs.editions import load_editions

EDITIONS = """\
output: "out/{brand}/{language}/{layout}-{paper}-{target}.pdf"
layouts: [trifold, large-print]
targets: [office]
brands:
  - kit: assets/brand.yaml
    languages: [content.yaml, es.yaml, gone.yaml]
"""


def _files(folder: Path) -> dict[str, tuple[int, bytes]]:
    """Every file under the folder, by its path: its time of change and its bytes."""
    return {p.relative_to(folder).as_posix(): (p.stat().st_mtime_ns, p.read_bytes()) for p in folder.rglob("*")
            if p.is_file()}  # fmt: skip


def _lines(out: str) -> dict[str, str]:
    """Each edition's line in the table, by its name: its status."""
    return {m[2]: m[1] for m in re.finditer(r"^ +(\w+)  (\S+)  \d+\.\d\d s", out, re.M)}


def test_a_check_of_every_edition_writes_nothing(inputs: Inputs, capsys: pytest.CaptureFixture[str]) -> None:
    """Each edition is laid out and preflighted, the editions that stand as the last run made them too (a check is
    of every edition, not of what changed): a finding of the layout's or preflight's (a review date passed), one of
    the words and a content file that is not there fail their editions; the others are checked. The table and the
    report say so, and not a file of the folder is made, changed or removed."""
    folder = inputs.content.parent
    spanish = inputs.content.read_text(encoding="utf-8").replace("language: en-GB", "language: es")
    (folder / "es.yaml").write_text(spanish, encoding="utf-8")
    path = editions_file(inputs, EDITIONS.replace(", gone.yaml", ""))
    assert batch(capsys, path)[0] == 0  # (a batch's outputs, manifest and contact sheet, to be left as they are)
    editions_file(inputs, EDITIONS)
    edit(folder / "es.yaml", "review: 2028-12-01", "review: 2026-06-01")  # (passed: an error of the build's)
    before = _files(folder)
    status, out, err = batch(capsys, path, "--check", "--json", "-")
    assert status == 1 and _files(folder) == before, err
    assert _lines(err) == {  # (the table on standard error: the report is on standard output)
        "test-clinic/gone/trifold/a4/office": "failed",
        "test-clinic/gone/large-print/a4/office": "failed",
        "test-clinic/en-gb/trifold/a4/office": "checked",
        "test-clinic/en-gb/large-print/a4/office": "checked",
        "test-clinic/es/trifold/a4/office": "failed",
        "test-clinic/es/large-print/a4/office": "failed",
    }, err
    assert re.search(r"^6 editions in \d+\.\d s: 2 checked, 4 failed; nothing written \(--check\)$", err, re.M), err
    failed = [line for line in err.splitlines() if line.startswith("failed: ")]
    assert len(failed) == 4 and all("es.yaml" in f and "review" in f for f in failed if "/es/" in f), failed
    report = json.loads(out[out.index("{") :])
    assert {e["edition"]: e["status"] for e in report["editions"]} == _lines(err)
    checked = next(e for e in report["editions"] if e["status"] == "checked")
    assert checked["pages"] >= 2 and checked["output"] == "out/test-clinic/en-gb/trifold-a4-office.pdf"
    assert checked["thumbs"] == [] and checked["sha256"] is None and checked["size"] is None  # (nothing written)
    assert all(e["sha256"] is e["size"] is e["pages"] is None for e in report["editions"] if e["status"] == "failed")

    # Nothing to check but good editions: exit 0; and no output folder is made where there is none.
    editions_file(inputs, EDITIONS.replace(", es.yaml, gone.yaml", ""))
    shutil.rmtree(folder / "out")
    status, out, err = batch(capsys, path, "--check")
    assert status == 0 and "2 checked, 0 failed; nothing written" in out and not (folder / "out").exists(), out + err


def test_a_check_stopped_midway_writes_nothing(inputs: Inputs, capsys: pytest.CaptureFixture[str]) -> None:
    """Ctrl-C during a check: the report of each edition as it ended, or stopped; the last run's manifest and contact
    sheet are left as they were (a stopped batch writes its own)."""
    folder = inputs.content.parent
    path = editions_file(inputs, EDITIONS.replace(", es.yaml, gone.yaml", ""))
    assert batch(capsys, path)[0] == 0
    before = _files(folder)
    editions, _ = load_editions(path, alone=True)
    assert editions is not None
    reported: list[list[str]] = []

    def stop(o: batch_module.Outcome) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        batch_module.run(
            editions,
            ThreadPoolExecutor(max_workers=1),
            False,
            stop,
            stopped=lambda every, left: reported.append([o.status for o in every]),
            check=True,
        )
    assert _files(folder) == before and reported and set(reported[0]) <= {"checked", "stopped"}, reported


class _Older(ThreadPoolExecutor):
    """Workers of an older brochure, which knows no check: each task is built, whatever it asks."""

    def submit(self, fn, /, *args, **kwargs):  # type: ignore[no-untyped-def]
        import dataclasses

        return super().submit(fn, *(dataclasses.replace(a, check=False) for a in args), **kwargs)


def test_a_check_writes_nothing_a_worker_built_instead(inputs: Inputs) -> None:
    """A guard (a hand-made executor): a cluster's worker running an older brochure ignores the check and sends back
    a built PDF; the check writes nothing of it and fails the edition, saying why."""
    folder = inputs.content.parent
    path = editions_file(inputs, EDITIONS.replace(", es.yaml, gone.yaml", ""))
    editions, _ = load_editions(path, alone=True)
    assert editions is not None
    before = _files(folder)
    outcomes = batch_module.run(editions, _Older(max_workers=1), False, lambda o: None, check=True)
    assert _files(folder) == before
    assert {o.status for o in outcomes} == {"failed"}
    assert all("its worker built the edition instead of checking it" in o.first for o in outcomes)


def _second_clinic(inputs: Inputs, name: str) -> None:
    """A second clinic's kit, `name`, in galway/ beside the test's content file (its own address, phone and site)."""
    second = inputs.content.parent / "galway"
    second.mkdir()
    (second / "logo.svg").write_bytes((inputs.kit / "logo.svg").read_bytes())
    kit = inputs.brand.read_text(encoding="utf-8").replace("name: Test Clinic", f"name: {name}")
    for old, new in (("1 High Street, Bristol", "2 Quay Street, Galway"), ("+44 117 496 0321", "+353 91 123 456"),
                     ("example.com", "galway.example")):  # fmt: skip
        kit = kit.replace(old, new)
    (second / "brand.yaml").write_text(kit, encoding="utf-8")


def _other_clinics(inputs: Inputs) -> list[str]:
    """The other-clinic warnings of an editions file printing the test's content file with its kit and galway's."""
    path = editions_file(
        inputs,
        "brands:\n  - kit: assets/brand.yaml\n    languages: [content.yaml]\n"
        "  - kit: galway/brand.yaml\n    languages: [content.yaml]\n",
    )
    editions, _ = load_editions(path, alone=True)
    assert editions is not None
    loaded, kits = batch_module.read_contents(editions), batch_module.read_kits(editions)
    return [d.format() for d in batch_module.other_clinics(editions, loaded, kits)]


def test_a_citations_key_naming_another_clinic_is_not_warned(inputs: Inputs) -> None:
    """'[^galway-audit]' (the group's audit at its Galway clinic, cited) prints as a number, not its key's words: no
    warning where 'Galway' is another clinic of the file; the clinic's name printed in the same text is."""
    _second_clinic(inputs, "Galway")
    edit(inputs.content, "first.", "first.[^galway-audit]")
    with inputs.content.open("a", encoding="utf-8") as file:
        file.write('references:\n  - id: galway-audit\n    text: "Group clinical audit, Galway, 2025."\n')
    assert _other_clinics(inputs) == []
    text = edit(inputs.content, "first.[^galway-audit]", "first in Galway.[^galway-audit]")
    row, col = position(text, "Galway.[")
    (warned,) = _other_clinics(inputs)
    assert warned.startswith(f"{inputs.content}:{row}:{col}: warning: the words name Galway, another clinic"), warned


def test_words_naming_another_clinic_of_the_editions_are_warned_where_they_are(
    inputs: Inputs, capsys: pytest.CaptureFixture[str]
) -> None:
    """A group's shared words that name one of its clinics ('at Galway Test Clinic') printed as written in another
    clinic's editions, exit 0, with no word: a warning at the words' own line and column, naming the clinic and the
    brands that print them (not the clinic named, nor the words of its own name that hold another's: 'Test Clinic'
    in 'Galway Test Clinic'); whatever the case and spaces; not in a link's address, nor the document block."""
    _second_clinic(inputs, "Galway Test Clinic")
    edit(inputs.content, "We will check your skin first.", "We will check your skin first at\n    GALWAY  test Clinic.")
    edit(inputs.content, "(https://example.com)", "(https://example.com/Galway-Test-Clinic)")  # (an address: not read)
    edit(inputs.content, "producer: Test Clinic", "producer: Galway Test Clinic")  # (check_producer's, with group:)
    path = editions_file(
        inputs,
        'output: "out/{brand}/{language}/{layout}-{paper}-{target}.pdf"\nlayouts: [trifold]\ntargets: [office]\n'
        "brands:\n  - kit: assets/brand.yaml\n    languages: [content.yaml]\n"
        "  - kit: galway/brand.yaml\n    languages: [content.yaml]\n",
    )
    status, out, err = batch(capsys, path, "--check", "--json", "-")
    row, col = position(inputs.content.read_text(encoding="utf-8"), "GALWAY")
    warned = [line for line in err.splitlines() if "another clinic of" in line]
    assert warned == [
        f"{inputs.content}:{row}:{col}: warning: the words name 'GALWAY  test Clinic' (Galway Test Clinic), another "
        "clinic of editions.yaml; Test Clinic prints them as written: its patients would read another clinic's name "
        "[at call_to_action.text] (hint: name the clinic in words that suit every clinic that prints them ('the "
        "clinic', 'we': the cover prints each one's own name; content files have no placeholder for it), or give Test "
        "Clinic a content file of its own (`brochure init KIT --words`), named in the editions file with its own "
        "`source:`)"
    ], err
    assert json.loads(out)["warnings"] == warned
    edit(inputs.content, "GALWAY  test Clinic.", "the clinic.")  # (words that suit both)
    status, out, err = batch(capsys, path, "--check")
    assert status == 0 and "another clinic of" not in err, err


def test_words_that_spell_a_clinics_name_in_lower_case_are_no_naming_of_it(inputs: Inputs) -> None:
    """A clinic called 'The Clinic' was warned of in every 'call the clinic' (the very words the warning's hint
    asks for), and one called 'Care' in 'skin care': words in lower case, or capitalised only as a sentence's first,
    are words; capitalised where the name is ('at The Clinic') they name it."""
    _second_clinic(inputs, "The Clinic")
    edit(inputs.content, "We will check your skin first.", "The clinic will check your skin: call the clinic.")
    assert _other_clinics(inputs) == []
    text = edit(inputs.content, "call the clinic.", "call The Clinic.")
    row, col = position(text, "The Clinic.")
    (warned,) = _other_clinics(inputs)
    assert warned.startswith(f"{inputs.content}:{row}:{col}: warning: the words name The Clinic, another clinic")


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("Maple & Main Dermatology", "Maple and Main Dermatology"),
        ("Maple and Main Dermatology", "Maple & Main Dermatology"),
        ("Maple & Main Dermatology", "Maple y Main Dermatology"),
        ("Maple & Main Dermatology", "Maple\uff06Main Dermatology"),
        ("Maple + Main Dermatology", "Maple & Main Dermatology"),
        ("Clínica del Mar", "Clinica del Mar"),
        ("Clinica del Mar", "CLÍNICA del Mar"),
    ],
)
def test_words_naming_another_clinic_with_and_for_its_ampersand_or_without_its_accents_are_warned(
    inputs: Inputs, name: str, words: str
) -> None:
    """'Maple and Main Dermatology' names the clinic whose kit says 'Maple & Main Dermatology' (and 'y', as Spanish
    writes it; a full-width '＆', as Japanese does; or its '&' is another punctuation mark between the words),
    'Clinica del Mar' the 'Clínica del Mar': said at the words' first letter."""
    _second_clinic(inputs, name)
    text = edit(inputs.content, "We will check your skin first.", f"We will check your skin first at {words}.")
    row, col = position(text, words)
    (warned,) = _other_clinics(inputs)
    assert warned.startswith(f"{inputs.content}:{row}:{col}: warning: the words name '{words}' ({name}), another")


@pytest.mark.parametrize(
    ("name", "unnamed", "named"),
    [
        ("Vitamin E Clinic", "Vitamin Clinic", "Vitamin E Clinic"),
        ("Vitamin E Clinic", "Vitamin Clinic", "VITAMIN E CLINIC"),
        ("Rossi & Bianchi", "", "ROSSI E BIANCHI"),  # (in capitals an 'E' may stand for '&')
        ("Clínica Pérez y Gómez", "", "Clínica Pérez Y Gómez"),
    ],
)
def test_a_capital_letter_alone_in_a_clinics_name_is_a_letter_not_and(
    inputs: Inputs, name: str, unnamed: str, named: str
) -> None:
    """Spanish's 'y', Italian's 'e' and Catalan's 'i' stand for '&' in a name; a capital letter alone in the kit's
    name is a letter of it: 'Vitamin Clinic' names no clinic called 'Vitamin E Clinic' (it was warned as naming it).
    In the words, such a letter may be either: 'ROSSI E BIANCHI' names 'Rossi & Bianchi'."""
    _second_clinic(inputs, name)
    was = "We will check your skin first."
    if unnamed:
        was = f"We will check your skin first at {unnamed}."
        edit(inputs.content, "We will check your skin first.", was)
        assert _other_clinics(inputs) == []
    text = edit(inputs.content, was, f"We will check your skin first at {named}.")
    row, col = position(text, f"{named}.")
    (warned,) = _other_clinics(inputs)
    assert warned.startswith(f"{inputs.content}:{row}:{col}: warning: the words name "), warned


def test_words_naming_another_clinic_saved_decomposed_are_warned_where_they_are_typed(inputs: Inputs) -> None:
    """A file saved with its accents as marks of their own (NFD, as macOS may save it) is read composed; its words
    naming another clinic were warned at the text's start, not at the words."""
    _second_clinic(inputs, "Clínica del Mar")
    words = unicodedata.normalize("NFD", "Después, en la Clínica del Mar.")
    text = edit(inputs.content, "We will check your skin first.", f"We will check your skin first. {words}")
    row, col = position(text, unicodedata.normalize("NFD", "Clínica del Mar."))
    (warned,) = _other_clinics(inputs)
    assert warned.startswith(f"{inputs.content}:{row}:{col}: warning: the words name "), warned


def test_two_hundred_clinics_of_short_names_named_thousands_of_times_are_checked_in_little_memory(
    inputs: Inputs,
) -> None:
    """200 brands (the most an editions file has) of one short word each, printing words that name them 10,000
    times: each place's printing brands were kept for it (two million of them: 80 MB, and half a minute), where each
    place's warning needs them only while it is said."""
    import tracemalloc

    from brochure.batch.records import Kits
    from brochure.inputs.brand import kit_identity
    from brochure.inputs.content import load_content

    clinics = 200
    lines = "".join(f'\n          - "at {" ".join(f"Q{(k + j) % clinics}" for j in range(700))}"' for k in range(14))
    edit(inputs.content, '          - "Redness for 1 to 3 days"', lines.lstrip("\n"))
    brands = "".join(f"  - kit: k{i}/brand.yaml\n    languages: [content.yaml]\n" for i in range(clinics))
    path = editions_file(inputs, "brands:\n" + brands)
    editions, _ = load_editions(path, alone=True)
    content, _ = load_content(inputs.content)
    assert editions is not None and content is not None
    kits: Kits = {kit_identity(g.kit): ("k", "a4", "", (), f"Q{i}", ("", ())) for i, g in enumerate(editions.groups)}
    tracemalloc.start()
    try:
        said = batch_module.other_clinics(editions, {inputs.content.resolve(): content}, kits)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(said) == 14 * 700 and "and 196 more print them" in said[0].message
    assert peak < 30_000_000, peak  # (about 16 MB)
