"""Parsed arguments -> the `batch` command: every edition of an editions file built, its report, manifest and contact
sheet written (cli.py calls it)."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from brochure.arguments import EXIT_ERRORS, EXIT_OK, EXIT_USAGE
from brochure.cli import STDOUT, Console, _print, _write
from brochure.diagnostics import Diagnostic, Location, error, shorten
from brochure.inputs.document import UNCHECKED
from brochure.limits import BATCH_JOBS, NAME_BYTES
from brochure.output.files import (
    BATCH_MANIFEST,
    HTML,
    JSON,
    Refused,
    in_the_way,
    only_one,
    same_file,
    target_problem,
    written_into,
)
from brochure.preflight.dates import source_date


def batch(args: argparse.Namespace, console: Console) -> int:
    """`brochure batch`: every edition, a line as each ends, then a table; exit 1 if any failed. `--check`: each
    laid out and preflighted, and nothing written (the --json report, if asked for, alone)."""
    from brochure import batch as batches
    from brochure.inputs.editions import DEFAULT_OUTPUT, load_editions

    if not 1 <= args.jobs <= BATCH_JOBS:
        console.error(f"brochure: error: --jobs must be between 1 and {BATCH_JOBS}")
        return EXIT_USAGE
    epoch = source_date(os.environ)[1]  # (as `build` reports it: not each edition's internal error)
    if epoch:
        console.error(f"brochure: error: {epoch} (hint: see README.md)")
        return EXIT_USAGE
    editions, diags = load_editions(args.editions, alone=True)  # (a file named that is not one: its editions fail)
    _print(console, diags)
    if editions is None:
        return EXIT_ERRORS
    loaded = batches.read_contents(editions)  # once, for the clash check and the editions' stamps
    kits = batches.read_kits(editions)  # once, for the clash check and the outputs' names
    clashes = batches.collisions(editions, loaded, kits)  # (and, for a batch that writes, another file's folder)
    clashes += batches.shared_outputs(editions) if not args.check else []
    kit_notes = batches.shared_contacts(editions, kits)  # (said first, and again in the summary and the report)
    unchecked = batches.unchecked_translations(editions, loaded)
    unchecked += batches.other_clinics(editions, loaded, kits)  # (words naming another clinic of the file)
    said = [*(d for d in diags if not d.is_error), *unchecked]  # (the editions file's warnings: again in the
    # summary and report)
    _print(console, [*unchecked, *kit_notes, *clashes])
    if clashes:
        return EXIT_ERRORS
    problem = _batch_outputs(args, editions, batches.outputs(editions, loaded, kits))  # before anything is built
    if problem.startswith("--json"):
        console.error(f"brochure: error: {problem}")
        return EXIT_USAGE
    if problem:  # (where the output pattern puts the batch's files: said at `output:`, or the file's top)
        at = editions.output_at or Location(str(args.editions), 1, 1)
        hint = (
            "change the output pattern" if editions.output_at else f"write an 'output:' of your own ({DEFAULT_OUTPUT})"
        )
        _print(console, [error(at, problem, hint + ", or move what is in the way")])
        return EXIT_ERRORS
    console.results_to_stderr = args.json == STDOUT
    try:
        # (a cluster that cannot be reached is an error before anything is built; not asked when nothing changed)
        unchanged = (
            args.scheduler is not None
            and not (args.force or args.check)
            and batches.nothing_to_build(editions, loaded, kits)
        )
        if unchanged:
            from brochure.cluster import installed

            installed(args.scheduler)
        executor = batches.local(1) if unchanged else _executor(args)
    except BaseException as exc:
        from brochure.cluster import Unavailable

        if not isinstance(exc, Exception):  # (a stop while the cluster is asked: the report of a stopped run, not the
            with contextlib.suppress(Exception):  # last run's left in its place)
                _batch_report(
                    console,
                    args.json,
                    batches.not_built(editions, loaded, kits, batches.STOPPED, "stopped", args.force or args.check),
                    [],
                )
            raise
        if not isinstance(exc, Unavailable):
            raise
        console.error(f"brochure: error: {exc}")
        if exc.status == EXIT_ERRORS:  # (no cluster to run on: the report says so of each edition; a usage error
            # writes none)
            why = f"brochure: error: {exc}"
            every = batches.not_built(editions, loaded, kits, why, force=args.force or args.check)
            _batch_report(console, args.json, every, [])
        return exc.status
    if args.check:  # (nothing written: no folder made, no lock taken)
        return _checked(editions, executor, loaded, kits, console, args.json, kit_notes, said)
    folder = batches.manifest_path(editions).parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        executor.shutdown()
        console.error(f"brochure: error: {folder} cannot be made: {exc.strerror or exc}")
        return EXIT_ERRORS
    with only_one(folder / batches.LOCK) as busy:  # (two batches writing one folder would mix their manifests)
        if busy:
            executor.shutdown()
            hint = (
                "wait for it to end"
                if busy.startswith("another")
                else "move it away"
                if busy.endswith("keeps its lock")
                else "check the output folder is writable"
            )
            console.error(f"brochure: error: {busy} (hint: {hint}, or give the editions another folder in 'output:')")
            return EXIT_ERRORS
        shared = batches.shared_outputs(editions)  # (again, now the folder is this batch's: another editions file's
        if shared:  # batch may have written it while this one waited for its cluster)
            executor.shutdown()
            _print(console, shared)
            return EXIT_ERRORS
        t0 = time.perf_counter()
        done = _run_batch(editions, executor, args.force, loaded, kits, console, args.json)
        if isinstance(done, int):
            return done
        outcomes, path, gone, index = done
    failed = [o for o in outcomes if o.status == "failed"]
    counts = {s: sum(o.status == s for o in outcomes) for s in ("built", "unchanged", "failed")}
    warned = _warned(kit_notes, said)
    console.result(
        f"{len(outcomes)} edition{'' if len(outcomes) == 1 else 's'} in {time.perf_counter() - t0:.1f} s: "
        f"{counts['built']} built, "
        f"{counts['unchanged']} unchanged, {counts['failed']} failed{warned}; manifest {path}; every page: {index}"
    )
    for o in failed:
        console.error(f"failed: {o.edition}: {o.first}{_more(o)}")
    for output in gone:
        console.result(f"no longer an edition (left in place): {editions.path.parent / output}")  # (from here,
        # as the manifest's path is said: the report keeps it from editions.yaml's folder, as the manifest does)
    if not _batch_report(console, args.json, outcomes, gone, [*said, *kit_notes]):
        return EXIT_ERRORS
    return EXIT_ERRORS if failed else EXIT_OK


def _checked(
    editions: Any,
    executor: Any,
    loaded: Any,
    kits: Any,
    console: Console,
    json_at: str | None,
    notes: Any,
    said: Sequence[Diagnostic] = (),
) -> int:
    """`batch --check`: every edition laid out and preflighted, a line as each ends, then the table; nothing written
    but the --json report. Exit 1 if any failed."""
    t0 = time.perf_counter()
    outcomes = _run_batch(editions, executor, False, loaded, kits, console, json_at, check=True)  # (every one:
    # a check settles none the last run made)
    failed = [o for o in outcomes if o.status == "failed"]
    console.result(
        f"{len(outcomes)} edition{'' if len(outcomes) == 1 else 's'} in {time.perf_counter() - t0:.1f} s: "
        f"{len(outcomes) - len(failed)} checked, {len(failed)} failed{_warned(notes, said)}; nothing written (--check)"
    )
    for o in failed:
        console.error(f"failed: {o.edition}: {o.first}{_more(o)}")
    if not _batch_report(console, json_at, outcomes, [], [*said, *notes]):
        return EXIT_ERRORS
    return EXIT_ERRORS if failed else EXIT_OK


def _more(o: Any) -> str:
    """After an edition's line: how many findings it has besides the one shown (`--json` and `brochure check` list
    them all): a batch's line showed one, and a kit's two warnings of a wrong emergency number went unseen."""
    return f" (+{o.more} more)" if o.more else ""


def _warned(notes: Sequence[Diagnostic], said: Sequence[Diagnostic] = ()) -> str:
    """The summary's words for the warnings about the editions file (`said`) and the kits said before the editions
    ('' when none)."""
    named = Path(said[0].location.file).name if said else ""
    groups = [(n, what) for n, what in ((len(said), named), (len(notes), "the kits")) if n]
    if not groups:
        return ""
    (n, what), rest = groups[0], groups[1:]
    more = "".join(f", {m} about {w}" for m, w in rest)
    return f"; {n} warning{'' if n == 1 else 's'} about {what}{more}, above"


def _batch_report(
    console: Console, path: str | None, outcomes: Any, gone: list[str], notes: Sequence[Diagnostic] = ()
) -> bool:
    """The --json report (to a file, or to standard output for '-'): every edition as it ended ("stopped" when the
    run was stopped before it was built), the outputs of editions no longer in the file, left in place, and the
    warnings about the kits said before the editions (`warnings`). False when it cannot be written."""
    if path is None:
        return True
    doc = {
        "editions": [o.report() for o in outcomes],
        "left_in_place": gone,
        "warnings": [d.format() for d in notes],
    }
    report = json.dumps(doc, indent=2, ensure_ascii=False).encode("utf-8")
    if path == STDOUT:
        console.data(report)
        return True
    return _write(console, "--json", Path(path), report, JSON, "the report")


def _run_batch(
    editions: Any,
    executor: Any,
    force: bool,
    loaded: Any,
    kits: Any,
    console: Console,
    json_at: str | None = None,
    check: bool = False,
) -> Any:
    """The batch run (a line per edition, or a progress bar on a terminal), its manifest and contact sheet written:
    (outcomes, manifest, outputs no longer editions, contact sheet), or the exit status when they cannot be.
    `check` (batch --check): the outcomes alone, nothing written."""
    from brochure import batch as batches

    bar = _progress_bar(editions.count())  # on a terminal; else a line per edition

    told: set[str] = set()  # an unchecked translation's warning, said in full on its first edition's line

    def progress(o: batches.Outcome) -> None:
        first = o.first
        if UNCHECKED in first:  # (every edition of such a translation has it: 54 lines of a group's 88 said it whole)
            first = f"{first.split(': warning: ')[0]}: {UNCHECKED} (as above)" if first in told else first
            told.add(o.first)
        line = f"{o.status:>9}  {o.edition}  {o.seconds:.2f} s  {shorten(first, 120)}{_more(o)}".rstrip()
        if bar is None:
            console.result(line)
            return
        if o.status == "failed":
            bar.write(line, file=sys.stderr)
        bar.update(1)

    def stopped(every: list[batches.Outcome], left: list[str]) -> None:  # (a run stopped: the report of each
        _batch_report(console, json_at, every, left)  # edition as it ended)

    try:
        outcomes = batches.run(editions, executor, force, progress, loaded, kits, stopped, check)
    finally:
        if bar is not None:
            bar.close()
    if check:
        return outcomes
    try:
        recorded = batches.recorded_thumbs(editions)  # (before the manifest that records them is replaced)
        remove, keep = batches.unshown(editions, outcomes, recorded)
        path, gone = batches.write_manifest(editions, outcomes, keep)
        index = batches.write_index(editions, outcomes, kits, gone)
        pruned = batches.prune_thumbs(editions, remove)
    except (OSError, Refused) as exc:  # (checked before building: only a race with another process gets here)
        console.error(
            f"brochure: error: the manifest or contact sheet could not be written{written_into(exc)}: "
            f"{str(exc) if isinstance(exc, Refused) else exc.strerror or exc} "
            "(hint: check the output folder is writable and the disk has room; the PDFs built are in place)"
        )
        return EXIT_ERRORS
    except BaseException:  # a stop while they are written: recorded as a stopped run's, and its report written
        with contextlib.suppress(Exception):
            stopped(outcomes, batches.record_stopped(editions, outcomes))
        raise
    if pruned:
        plural = "" if pruned == 1 else "s"
        console.result(f"removed {pruned} page picture{plural} no edition shows (of pages or editions no longer there)")
    return outcomes, path, gone, index


def _executor(args: argparse.Namespace) -> Any:
    """Where the batch's tasks run: --jobs processes here, or the workers of the Dask cluster at --scheduler."""
    if args.scheduler is None:
        from brochure.batch import local

        return local(args.jobs)
    from brochure.cluster import connect

    return connect(args.scheduler)


def _batch_outputs(args: argparse.Namespace, editions: Any, pdfs: list[Path]) -> str:
    """Why the batch's own files cannot be written where they go ('' if they can): the manifest, the contact sheet
    and --json, which may not be an input, an edition's PDF, a folder, a device, the manifest itself or a file of
    another kind (with --check, which writes neither manifest nor contact sheet, --json and the PDFs' names only)."""
    from brochure import batch

    long = next((part for pdf in pdfs for part in pdf.parts if len(os.fsencode(part)) > NAME_BYTES), None)
    if long is not None:  # (about 85 letters of Vietnamese or Chinese; writing it failed with the system's error)
        size = len(os.fsencode(long))
        return (
            f"the output pattern makes a name of {size} bytes, over the {NAME_BYTES} a file or folder may have: {long}"
        )
    manifest = batch.manifest_path(editions)
    thumbs = manifest.parent / batch.THUMBS
    if thumbs.exists() and not thumbs.is_dir() and not args.check:
        return f"{thumbs} is a file, and the batch writes its page pictures into that folder"
    for path, kind in ((manifest, BATCH_MANIFEST), (manifest.parent / batch.INDEX, HTML)) if not args.check else ():
        folder = in_the_way(path)
        if folder is not None:
            return f"{folder} is a file, and the batch writes its outputs into it"
        problem = target_problem(path, kind)
        if problem:
            return f"{path} {problem}"
    if args.json in (None, STDOUT):
        return ""
    report = Path(args.json)
    blocked = in_the_way(report)
    if blocked is not None:
        return f"--json {report}: {blocked} is a file, where the report's folder would be; give the report another path"
    inputs = [args.editions, *(p for g in editions.groups for p in (g.kit, *g.contents))]
    inputs += {g.source for g in editions.groups if g.source is not None}
    if editions.source is not None:  # (named, if no brand takes it: still an input, never written over)
        inputs.append(editions.source)
    if any(same_file(report, p) for p in inputs) or same_file(report, manifest):
        return f"--json {report}: it names an input or the manifest; give the report a file of its own"
    if any(report.resolve() == pdf.resolve() for pdf in pdfs):
        return f"--json {report}: it names an edition's PDF, which the batch writes; give the report a file of its own"
    sheet, pictures = (manifest.parent / batch.INDEX).resolve(), thumbs.resolve()
    if report.resolve() == sheet or report.resolve() == pictures or pictures in report.resolve().parents:
        return (
            f"--json {report}: the batch writes its contact sheet and pictures there; give the report a file of its own"
        )
    if report.resolve() == (manifest.parent / batch.LOCK).resolve():  # (the next batch would take it and remove it)
        return f"--json {report}: a batch holds its lock there; give the report a file of its own"
    problem = target_problem(report, JSON)
    if problem.startswith("already exists"):
        hint = "choose another name, or remove the file first if you mean to replace it"
        return f"--json {report} {problem} (hint: {hint})"
    if problem:
        return f"--json {report} {problem}"
    folder = next((p for p in report.absolute().parents if p.exists()), None)  # (the folder it goes in, or the
    if folder is not None and not os.access(folder, os.W_OK | os.X_OK):  # nearest one there, to make it in)
        return f"--json {report}: {folder} is not writable; give the report a path in a folder you can write"
    return ""


def _progress_bar(total: int) -> Any:
    """A progress bar on standard error when it is a terminal (tqdm); None for pipes and files (plain lines)."""
    if not (sys.stderr is not None and sys.stderr.isatty()):
        return None
    from tqdm import tqdm  # type: ignore[import-untyped]

    return tqdm(total=total, unit="edition", file=sys.stderr, leave=False)
