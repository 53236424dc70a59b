"""A batch's outcomes -> out/manifest.json (what each edition was made of and became) and its contact sheet; the
last run's manifest -> what it made, and what is no longer an edition."""

from __future__ import annotations

import contextlib
import json
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from brochure import __version__
from brochure.batch.records import Entries, Kits, Known, Outcome
from brochure.diagnostics import Diagnostic, Location, error
from brochure.inputs.editions import Editions
from brochure.inputs.files import read_bytes
from brochure.output.files import BATCH_MANIFEST, Refused, same_file, write_atomic

MANIFEST = "manifest.json"


MANIFEST_BYTES = 50 * 2**20  # a manifest larger than this is not ours: every edition is built again
# Nor one with more values (counted by their commas and colons, findings' words too) than this per edition the file
# names, and this many besides (the editions it no longer names, earlier PDFs kept): a shipped edition's entry holds
# about 60; a manifest of 10 MB of empty objects took 290 MB and 2.7 s to parse
MANIFEST_VALUES_EACH = 2_000
MANIFEST_VALUES_MORE = 100_000


INDEX = "index.html"


THUMBS = "thumbs"


def record_stopped(editions: Editions, every: list[Outcome]) -> list[str]:
    """A run stopped before its end (Ctrl-C, a signal), `every` edition as it ended or "stopped": the manifest of the
    editions finished (built, unchanged or failed, as this run's contact sheet shows them), and the last run's
    entries of the others (their files are as that run left them), so that the next run builds only what is left
    (332 PDFs written, and no manifest: the next run built them all again). Nothing is said now of outputs no
    longer editions: a finished edition's last output, if it was written elsewhere or the edition failed, is kept
    in the manifest's list (`kept_for_failed`), so that the next run lists it; the outputs the last run left in
    place stay listed, but for those an edition of this run writes. A PDF there of an edition named again and
    stopped before it was built (left in place, or kept for it when it failed, by the last run) is kept for it
    (`kept_for_failed`): listed once the edition is dropped again, as a failed one's is. The outputs left in
    place, as recorded; a manifest that cannot be written is left as it was."""
    done = [o for o in every if o.status != "stopped"]
    last, kept_last, left = _last_run(editions)
    names = {o.edition for o in done}
    previous = [*(e for n, e in last.items() if n in names), *kept_last]
    gone, held = _gone([*previous, *left], every)  # (every edition's output is made: a stopped one's next time)
    there = editions.path.parent
    lingering = [e for e in _entries_of(left, gone) if os.path.isfile(there / str(e["output"]))]
    left_there = {e["output"] for e in lingering}
    kept = held + [e for e in _entries_of(previous, gone) if e["output"] not in left_there]
    entries = [o.report() for o in done] + [e for n, e in last.items() if n not in names]
    named = {e.get("output") for e in entries} | {e["output"] for e in kept}
    waiting = sorted({o.output for o in every if o.status == "stopped" and o.output} - named)
    before_stop = _entries_of([*kept_last, *left], waiting)  # (their PDFs, as the last run recorded them)
    kept += [e for e in before_stop if os.path.isfile(there / str(e["output"]))]
    shown = {t for e in entries for t in _list(e.get("thumbs"))}
    pictures = [t for ts in recorded_thumbs(editions).values() for t in ts if t not in shown]  # (for a whole run
    # to remove: a finished edition's pages it no longer has)
    with contextlib.suppress(OSError, Refused):
        _write_manifest(editions, entries, kept, pictures, lingering)
    return [str(e["output"]) for e in lingering]


def write_index(
    editions: Editions, outcomes: list[Outcome], kits: Kits | None = None, left: Sequence[str] = ()
) -> Path:
    """out/index.html, the contact sheet of these outcomes (output/contact_sheet.py), beside the manifest; each
    clinic under its name where its kit was read (`kits`, as plan.read_kits reads them), with the warnings about
    its kit the batch said before the editions (plan.kit_warnings); `left`: the outputs of editions no longer in
    the file, left in place (relative to editions.yaml's folder)."""
    from brochure.batch.plan import kit_warnings
    from brochure.output.contact_sheet import write_contact_sheet

    names = {kit[0]: kit[4] for kit in (kits or {}).values() if kit is not None}
    notes: dict[str, list[str]] = {}
    for clinic, said in kit_warnings(editions, kits or {}):
        notes.setdefault(clinic, []).append(said.format())
    index = manifest_path(editions).parent / INDEX
    base = editions.path.parent
    held = [str(e["output"]) for e in _last_run(editions)[1] if isinstance(e.get("output"), str)]  # (as just recorded)
    kept = [o for o in held if _could_be_output(o) and o not in left and (base / o).is_file()]
    return write_contact_sheet(index, base, outcomes, names, left, notes, kept)


def manifest_path(editions: Editions) -> Path:
    """Beside the outputs: in the fixed folder the output pattern starts with (out/ for the default)."""
    fixed = editions.output.split("{", 1)[0]
    folder = Path(fixed).parent if not fixed.endswith("/") else Path(fixed)
    return editions.path.parent / folder / MANIFEST


def read_manifest(editions: Editions) -> Entries:
    """The last run's editions by name ({} when there is none, or it cannot be read: every edition is built)."""
    editions_, _, _ = _last_run(editions)
    return editions_


def _last_run(editions: Editions) -> tuple[Entries, list[dict[str, object]], list[dict[str, object]]]:
    """The last manifest's editions by name, the earlier PDFs it records as kept for editions that failed, and the
    outputs it found left in place (of editions no longer in the file: listed by each run while they are there)."""
    data = _manifest(editions)
    try:
        entries = {str(e["edition"]): e for e in data["editions"] if isinstance(e, dict) and "edition" in e}
        was, now = data.get("findings_from"), _findings_from(editions)
        if isinstance(was, str) and was != now:  # (run from another folder: its findings name the files from there)
            for e in entries.values():
                if isinstance(e.get("findings"), list):
                    e["findings"] = [_rebased(f, was, now) if isinstance(f, str) else f for f in e["findings"]]
        kept, left = _list(data.get("kept_for_failed")), _list(data.get("left_in_place"))
        return entries, [e for e in kept if isinstance(e, dict)], [e for e in left if isinstance(e, dict)]
    except (KeyError, TypeError):
        return {}, [], []


def _manifest(editions: Editions) -> dict[str, Any]:
    """The last manifest as written ({} when there is none, is no regular file, cannot be read or is no JSON object,
    or holds far more values than the editions could have written: not parsed, since parsing them is what costs)."""
    path = manifest_path(editions)
    try:
        raw, _ = read_bytes(path, MANIFEST_BYTES)  # (a pipe or device in its place is not opened: it would wait, or
        if raw is None:  # never end)
            return {}
        if raw.count(b",") + raw.count(b":") > MANIFEST_VALUES_EACH * editions.count() + MANIFEST_VALUES_MORE:
            return {}
        data = json.loads(raw.decode("utf-8"))
    except (OSError, ValueError, RecursionError):
        return {}
    return data if isinstance(data, dict) else {}


def shared_outputs(editions: Editions) -> list[Diagnostic]:
    """An error when the manifest where this file's outputs go was written by another editions file that is still
    there: the two would build every edition again on each run, list each other's PDFs as no longer editions,
    and leave the contact sheet of whichever ran last. (A manifest naming a file that is gone, as when
    editions.yaml was renamed, is taken over.)"""
    path = manifest_path(editions)
    last = _manifest(editions)
    owner = last.get("editions_file")
    if not isinstance(owner, str) or not owner.isprintable() or not owner.endswith((".yaml", ".yml")):
        return []
    elsewhere = _linked_owner(last.get("written_from"), editions, path.parent)
    if elsewhere is not None:  # (another project whose out/ is a link to the same folder as this one's)
        return [_shared(editions, path, elsewhere)]
    here = Path(os.path.abspath(path.parent))  # (as the manifest names it, from the output folder as written:
    other = Path(os.path.normpath(here / owner))  # out/ may be a link to a shared drive, where '..' is elsewhere)
    if other.parent not in (here, *here.parents):  # (where an editions file writing into this folder can be;
        return []  # nothing else is looked at)
    if not other.is_file() or same_file(other, editions.path):
        return []
    return [_shared(editions, path, Path(os.path.relpath(other, os.path.abspath(editions.path.parent))))]


WRITTEN_FROM_CHARS = 4096  # a path's length, at most (PATH_MAX): a longer one in a manifest was not written by a run


def _linked_owner(written: object, editions: Editions, folder: Path) -> Path | None:
    """The other editions file a manifest was written from, where its output folder, as it named it, is this
    file's output folder by another path (both projects' out/ links to one shared folder), and it is still there;
    None otherwise (a project copied with its out/ has a folder of its own: not the same)."""
    if not (isinstance(written, list) and len(written) == 2 and all(isinstance(w, str) for w in written)):
        return None
    if not all(len(w) <= WRITTEN_FROM_CHARS and w.isprintable() for w in written):
        return None  # (a guard: edited by hand, a path no run writes; a path of megabytes took realpath seconds)
    other, their_folder = (Path(w) for w in written)
    try:
        if not (other.is_absolute() and their_folder.is_absolute()) or not other.is_file():
            return None
        if same_file(other, editions.path) or their_folder == Path(os.path.abspath(folder)):
            return None
        return other if same_file(their_folder, folder) else None
    except (OSError, ValueError):  # (another user's folder this one may not read: not told apart)
        return None


def _shared(editions: Editions, path: Path, shown: Path) -> Diagnostic:
    folder = path.parent.relative_to(editions.path.parent).as_posix()
    return error(
        editions.output_at or Location(str(editions.path), 1, 1),  # (no 'output:': the default's folder)
        f"the outputs go to {folder}/, where the editions of {shown.as_posix()} are: each run would build every "
        "edition again and list the other file's PDFs as no longer editions",
        f"give each editions file its own folder in 'output:' (e.g. 'out-{editions.path.stem}/{{brand}}/"
        f"{{language}}/{{layout}}-{{paper}}-{{target}}.pdf'), or delete {folder}/{MANIFEST} if {shown.as_posix()} is"
        " no longer used",
    )


def known_of(entry: dict[str, object]) -> Known | None:
    """A made edition the last manifest records, if the entry is well formed (else it is made again): its output
    a path the batch could have written, a picture's SHA-256 for each of its page pictures, and its findings
    lines with no control characters (they are printed again: a manifest edited by hand could hold terminal
    escapes)."""
    stamp, output, sha, pages, size, thumbs, shas, findings = (
        entry.get(k) for k in ("stamp", "output", "sha256", "pages", "size", "thumbs", "thumbs_sha256", "findings")
    )
    if entry.get("status") not in ("built", "unchanged") or not all(isinstance(v, str) for v in (stamp, output, sha)):
        return None
    if not all(isinstance(n, int) and not isinstance(n, bool) for n in (pages, size)):
        return None
    lists = (thumbs, shas, findings)
    if not all(isinstance(v, list) and all(isinstance(t, str) for t in v) for v in lists):
        return None
    assert isinstance(thumbs, list) and isinstance(shas, list) and isinstance(findings, list)
    assert isinstance(pages, int) and isinstance(size, int)
    if len(shas) != len(thumbs) or any(_CONTROL.search(f) for f in findings):
        return None
    return Known(str(stamp), str(output), str(sha), pages, tuple(thumbs), tuple(findings), size, tuple(shas))


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def write_manifest(editions: Editions, outcomes: list[Outcome], pictures: Sequence[str] = ()) -> tuple[Path, list[str]]:
    """The manifest of this run; and the outputs of the last run that are no longer editions (left in place).
    `pictures`: page pictures no edition shows that are kept for now (batch/thumbs.py), for a later run to remove."""
    previous, kept, left = _last_run(editions)
    candidates = [*previous.values(), *kept, *left]
    gone, held = _gone(candidates, outcomes)
    gone = [o for o in gone if os.path.isfile(editions.path.parent / o)]  # (left in place: a file there; a name
    # the system refuses, too long or unreadable, is none)
    lingering = _entries_of(candidates, gone)
    return _write_manifest(editions, [o.report() for o in outcomes], held, list(pictures), lingering), gone


def _list(value: object) -> list[object]:
    return value if isinstance(value, list) else []


def _entries_of(candidates: list[dict[str, object]], outputs: list[str]) -> list[dict[str, object]]:
    """An entry (the edition's name, output and inputs) for each of these outputs, from the first entry naming it:
    kept with its name and inputs, so that an edition named again that fails keeps its last PDF (`_gone`), as any
    failing edition does, rather than have it listed as left in place."""
    by_output: dict[object, dict[str, object]] = {}
    for e in candidates:
        entry = {"edition": e.get("edition"), "output": e.get("output"), "inputs": e.get("inputs")}
        by_output.setdefault(e.get("output"), entry)
    return [by_output[o] for o in outputs if o in by_output]


def recorded_thumbs(editions: Editions) -> dict[str, list[str]]:
    """The page pictures the last manifest records, by edition ('': those it kept though no edition shows them);
    read before this run's manifest replaces it. Only names a batch could have written (no control character)."""
    data = _manifest(editions)
    out = {str(e.get("edition")): _list(e.get("thumbs")) for e in _list(data.get("editions")) if isinstance(e, dict)}
    out[""] = _list(data.get("kept_thumbs"))
    return {name: [t for t in ts if isinstance(t, str) and not _CONTROL.search(t)] for name, ts in out.items()}


def _write_manifest(
    editions: Editions,
    entries: list[dict[str, object]],
    held: list[dict[str, object]],
    pictures: list[str],
    left: list[dict[str, object]],
) -> Path:
    """The manifest, written whole: the tool, the editions file, an entry per edition, the PDFs kept for failed ones,
    the page pictures kept though no edition shows them and the outputs left in place of editions no longer in the
    file."""
    path = manifest_path(editions)
    data = {
        "tool": f"brochure {__version__}",
        "editions_file": Path(os.path.relpath(editions.path, path.parent)).as_posix(),
        "written_from": [os.path.abspath(editions.path), os.path.abspath(path.parent)],  # (the editions file and
        # the output folder as this machine named them: another project whose out/ links to the same folder)
        "findings_from": _findings_from(editions),
        "editions": entries,
        "kept_for_failed": held,
        "kept_thumbs": pictures,
        "left_in_place": left,
    }
    write_atomic(path, json.dumps(data, indent=2, ensure_ascii=False).encode("utf-8"), BATCH_MANIFEST)
    return path


def _findings_from(editions: Editions) -> str:
    """The folder of editions.yaml as this run names it: its findings name the files in it from there (`.`: the
    batch's own folder)."""
    return str(editions.path.parent)


def _rebased(finding: str, was: str, now: str) -> str:
    """A finding a run from another folder printed, its file named as this run names it (`was`, `now`: the folder
    of editions.yaml as each named it); a finding that does not start in that folder as it was named, as it was."""
    before, after = ("" if f == "." else f.rstrip(os.sep) + os.sep for f in (was, now))
    if (before and not finding.startswith(before)) or (not before and os.path.isabs(finding.split(":", 1)[0])):
        return finding
    return after + finding[len(before) :]


def _gone(previous: list[dict[str, object]], outcomes: list[Outcome]) -> tuple[list[str], list[dict[str, object]]]:
    """The outputs of the last run that no edition of this run makes: those of editions no longer in the file, or
    now written elsewhere (a changed output pattern). An edition that failed keeps its last output, also when it
    failed before it could be named as before (its kit or content file could not be read): such outputs are
    returned apart, to be kept in the manifest (`kept_for_failed`), so that they are listed once their editions
    are no longer in the file."""
    made = {o.output for o in outcomes if o.output}
    unwritten = {o.edition for o in outcomes if not o.output}  # (failed before its output was named)
    failed = {tuple(dict(o.inputs))[:2] for o in outcomes if o.status == "failed" and o.inputs}  # (content, kit)
    gone: set[str] = set()
    held: dict[str, dict[str, object]] = {}
    for entry in previous:
        name, output, inputs = entry.get("edition"), entry.get("output"), entry.get("inputs")
        if not isinstance(output, str) or not _could_be_output(output) or output in made:
            continue
        if not isinstance(name, str):  # (a manifest edited by hand: nothing is kept in its name)
            name = ""
        if name in unwritten or (isinstance(inputs, dict) and tuple(inputs)[:2] in failed):
            held[output] = {"edition": name, "output": output, "inputs": inputs}
            continue
        gone.add(output)
    return sorted(gone), [held[o] for o in sorted(held)]


def _could_be_output(output: str) -> bool:
    """Whether a path a manifest records could be an output of an output pattern (a relative path ending .pdf, in
    editions.yaml's folder, printable): only such a path is listed as left in place, never a hand-edited
    manifest's other file (editions.yaml, a file outside the folder, a name with terminal escapes)."""
    path = Path(output)
    return output.endswith(".pdf") and not path.is_absolute() and ".." not in path.parts and output.isprintable()
