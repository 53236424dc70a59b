"""Parsed arguments -> the `batch` and `fonts` commands (the other commands are in cli.py, which calls these)."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from brochure.cli import EXIT_ERRORS, EXIT_OK, EXIT_USAGE, STDOUT, Console, _print, _write
from brochure.limits import BATCH_JOBS
from brochure.output.files import HTML, JSON, Refused, same_file, target_problem


def batch(args: argparse.Namespace, console: Console) -> int:
    """`brochure batch`: every edition, a line as each ends, then a table; exit 1 if any failed."""
    from brochure import batch as batches
    from brochure.inputs.editions import load_editions

    if not 1 <= args.jobs <= BATCH_JOBS:
        console.error(f"brochure: error: --jobs must be between 1 and {BATCH_JOBS}")
        return EXIT_USAGE
    editions, diags = load_editions(args.editions)
    _print(console, diags)
    if editions is None:
        return EXIT_ERRORS
    loaded = batches.read_contents(editions)  # once, for the clash check and the editions' stamps
    clashes = batches.collisions(editions, loaded)
    _print(console, clashes)
    if clashes:
        return EXIT_ERRORS
    problem = _batch_outputs(args, editions)  # before anything is built
    if problem:
        console.error(f"brochure: error: {problem}")
        return EXIT_USAGE if problem.startswith("--json") else EXIT_ERRORS
    console.results_to_stderr = args.json == STDOUT
    try:
        executor = _executor(args)  # a cluster that cannot be reached is an error before anything is built
    except Exception as exc:
        from brochure.cluster import Unavailable

        if not isinstance(exc, Unavailable):
            raise
        console.error(f"brochure: error: {exc}")
        return exc.status
    bar = _progress_bar(batches.count(editions))  # on a terminal; else a line per edition

    def progress(o: batches.Outcome) -> None:
        line = f"{o.status:>9}  {o.edition}  {o.seconds:.2f} s  {o.first[:120]}".rstrip()
        if bar is None:
            console.result(line)
            return
        if o.status == "failed":
            bar.write(line, file=sys.stderr)
        bar.update(1)

    t0 = time.perf_counter()
    try:
        outcomes = batches.run(editions, executor, args.force, progress, loaded)
    finally:
        if bar is not None:
            bar.close()
    try:
        path, gone = batches.write_manifest(editions, outcomes)
        index = batches.write_index(editions, outcomes)
    except (OSError, Refused) as exc:  # (checked before building: only a race with another process gets here)
        console.error(f"brochure: error: the manifest or contact sheet could not be written: {exc}")
        return EXIT_ERRORS
    failed = [o for o in outcomes if o.status == "failed"]
    counts = {s: sum(o.status == s for o in outcomes) for s in ("built", "unchanged", "failed")}
    console.result(
        f"{len(outcomes)} editions in {time.perf_counter() - t0:.1f} s: {counts['built']} built, "
        f"{counts['unchanged']} unchanged, {counts['failed']} failed; manifest {path}; every page: {index}"
    )
    for o in failed:
        console.error(f"failed: {o.edition}: {o.first}")
    for output in gone:
        console.result(f"no longer an edition (left in place): {output}")
    if args.json is not None:
        report = json.dumps({"editions": [o.report() for o in outcomes]}, indent=2, ensure_ascii=False)
        if args.json == STDOUT:
            console.data(report.encode("utf-8"))
        elif not _write(console, "--json", Path(args.json), report.encode("utf-8"), JSON, "the report"):
            return EXIT_ERRORS
    return EXIT_ERRORS if failed else EXIT_OK


def _executor(args: argparse.Namespace) -> Any:
    """Where the batch's tasks run: --jobs processes here, or the workers of the Dask cluster at --scheduler."""
    if args.scheduler is None:
        from brochure.batch import local

        return local(args.jobs)
    from brochure.cluster import connect

    return connect(args.scheduler)


def _batch_outputs(args: argparse.Namespace, editions: Any) -> str:
    """Why the batch's own files cannot be written where they go ('' if they can): the manifest, the contact sheet
    and --json, which may not be an input, a folder, a device, the manifest itself or a file of another kind."""
    from brochure import batch

    manifest = batch.manifest_path(editions)
    for path, kind in ((manifest, JSON), (manifest.parent / batch.INDEX, HTML)):
        folder = next((p for p in [path.parent, *path.parent.parents] if p.exists()), None)
        if folder is not None and not folder.is_dir():
            return f"{folder} is a file, and the batch writes its outputs into it (change the output pattern)"
        problem = target_problem(path, kind)
        if problem:
            return f"{path} {problem}"
    if args.json in (None, STDOUT):
        return ""
    report = Path(args.json)
    inputs = [args.editions, *(p for g in editions.groups for p in (g.kit, *g.contents))]
    if editions.source is not None:
        inputs.append(editions.source)
    if any(same_file(report, p) for p in inputs) or same_file(report, manifest):
        return f"--json {report}: it names an input or the manifest; give the report a file of its own"
    problem = target_problem(report, JSON)
    return f"--json {report} {problem}" if problem else ""


def _progress_bar(total: int) -> Any:
    """A progress bar on standard error when it is a terminal (tqdm); None for pipes and files (plain lines)."""
    if not (sys.stderr is not None and sys.stderr.isatty()):
        return None
    from tqdm import tqdm  # type: ignore[import-untyped]

    return tqdm(total=total, unit="edition", file=sys.stderr, leave=False)


def fonts(console: Console) -> int:
    """`brochure fonts`: the installed families, usable ones first, and how to add one."""
    from brochure.theme.catalog import describe, installed

    families = installed()
    for r in sorted(families, key=lambda r: not r.usable):
        for line in describe(r):
            console.result(line)
    console.result(
        "To add a family: .venv/bin/pip install fontpkg-NAME (e.g. fontpkg-lato), add the same line to "
        "requirements.txt, then name it in the kit: fonts: {body: {family: Lato}}. Families that come only "
        "as variable fonts cannot be used."
    )
    return EXIT_OK
