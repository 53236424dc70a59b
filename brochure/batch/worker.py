"""(In a worker.) A task -> each of its editions built from inputs read once per worker, as its PDF's and page
pictures' bytes (nothing written here); a worker ends with its batch."""

from __future__ import annotations

import os
import signal
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from brochure.batch.records import (
    Findings,
    Job,
    Known,
    Made,
    Outcome,
    Task,
    digest,
    failed_name,
    files_digest,
    inputs_of,
    kit_digest,
    name_and_output,
    pictures_of,
    reached,
    thumb_names,
    tool,
    unchanged,
)
from brochure.collector import for_many_builds
from brochure.diagnostics import Diagnostic
from brochure.inputs.content import Content
from brochure.remembered import Kept

if TYPE_CHECKING:
    from brochure import api


THUMB_DPI = 24.0  # a page 200-280 pixels tall


ORPHAN_CHECK_S = 1.0  # how often a worker looks whether its batch is still there


KITS_KEPT = 8  # kits a worker keeps read, by the hash of their files


SOURCES_KEPT = 16  # content files a worker keeps read with their kits, by the hashes of their files


CHECKS_KEPT = 16  # translations' checks against their sources a worker keeps, by the hashes of their files


def initializer(parent: int) -> None:
    """A worker leaves Ctrl-C to the batch's process, which stops the queue; it ends the task it is on. SIGTERM
    (and SIGHUP, unless ignored) ends it at once (the command line's handler, inherited, waited for a main loop a
    worker does not run), and so does its batch's end however it came: a worker whose parent is gone (a batch
    killed outright) exits within a second rather than wait for tasks for ever. Its cycle collector is set for many
    builds (brochure/collector.py), once for its life. `parent`: the batch's process id, taken before the worker
    was started (a batch killed between the fork and this left a worker that took its new parent, init, for its
    batch and waited for ever). A worker the batch forked watches its parent change; one another process started
    (a fork server, Python 3.14's way on Linux) watches the batch's process live."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if signal.getsignal(signal.SIGHUP) not in (signal.SIG_IGN, None):  # (its batch's handler, forked: as SIGTERM)
        signal.signal(signal.SIGHUP, signal.SIG_DFL)
    forked = os.getppid() == parent
    if not forked and not _alive(parent):
        os._exit(1)
    threading.Thread(target=_orphaned, args=(parent, forked), daemon=True, name="brochure-parent-watch").start()
    for_many_builds()


def _orphaned(parent: int, forked: bool) -> None:
    """(In a worker's own thread.) End the worker once its batch is gone: its parent changed (`forked`), or the
    batch's process has ended."""
    while os.getppid() == parent if forked else _alive(parent):
        time.sleep(ORPHAN_CHECK_S)
    os._exit(1)


def _alive(pid: int) -> bool:
    """Whether a process of this id exists (a batch killed and not yet reaped counts until it is)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def run_task(task: Task) -> list[Made]:
    """(In a worker.) Build a task's editions; read the inputs, write nothing. A bug while building is that task's
    editions' failure, not the whole run's."""
    try:
        if task.tool and task.tool != tool():
            return all_failed(task, _other_versions(tool(), task.tool))
        unseen = _unseen(task)
        if unseen:
            return all_failed(task, unseen)
        inputs = inputs_of(task)
        if task.seen and inputs != task.seen:
            return all_failed(task, _differs(task, inputs))
        return list(_run_task(task, inputs))
    except _Other as exc:  # (the kit or words read here are not those the batch stamped its editions with)
        return all_failed(task, str(exc))
    except Exception as exc:
        what = f"{type(exc).__name__}: {' '.join(str(exc).split())[:200]}"
        return all_failed(task, f"internal error: {what} (please report it with the inputs)")


def _other_versions(mine: str, batch: str) -> str:
    """What differs between this worker's tools and the batch's, and what to install: the same brochure (its code
    differs where only a checkout was changed, the version the same), Python, zlib or packages."""
    parts = dict(zip(("brochure", "Python", "zlib", "packages"), mine.split(", "), strict=False))
    theirs = dict(zip(("brochure", "Python", "zlib", "packages"), batch.split(", "), strict=False))
    differ = [k for k in parts if parts[k] != theirs.get(k)] or list(parts)
    fix = {
        "brochure": "the same brochure (the same commit of the checkout, or the same wheel)",
        "Python": "the same Python, to the patch release",
        "zlib": "the same zlib (the same Python build)",
        "packages": "the same pinned packages (pip install -r requirements.txt) and font packages",
    }
    has = ", ".join(parts[k] for k in differ)
    return (
        f"this worker ({socket.gethostname()}) has {has}, the batch {', '.join(theirs.get(k, '?') for k in differ)}:"
        f" install {' and '.join(fix[k] for k in differ)} on every machine (docs/cluster.md)"
    )


def _unseen(task: Task) -> str:
    """Why this worker cannot build the task when it cannot see the task's words or kit where the batch's machine
    does ('' when it sees them): workers read the inputs at the same paths."""
    for path in (task.content, task.kit, *((task.source,) if task.source is not None else ())):
        at = reached(task, path)
        if not os.path.lexists(at):
            return (
                f"the worker building it ({socket.gethostname()}) cannot see {path} (at {at}): put it back if it was"
                " moved; on a cluster, workers read the inputs at the same paths as the batch's machine: give every"
                " worker the same folder at the same place (a shared checkout or network file system: docs/cluster.md)"
            )
    return ""


class _Other(Exception):
    """The kit or words a worker loaded are not those the batch stamped the task's editions with, and why (raised
    where they are loaded, so that what a worker keeps read is only ever what the batch stamped)."""


_ON_A_CLUSTER = (
    "it changed while the batch ran (run the batch again), or, on a cluster, this worker's machine has other files"
    " or links at those paths (one that missed an update): give every worker the same files (a shared checkout or"
    " network file system: docs/cluster.md)"
)


def _differs(task: Task, inputs: tuple[tuple[str, str], ...]) -> str:
    """Why this worker does not build the task when the bytes it reads at the inputs' paths are not those the batch
    read (the batch's stamps, the manifest and the outputs' names are made from the batch's): the first file that
    differs, and the two ways it comes about."""
    theirs = dict(task.seen)
    name, sha = next(((n, h) for n, h in inputs if theirs.get(n) != h), inputs[0])
    was = theirs.get(name, "")
    said = "cannot be read" if not sha else f"has other bytes (SHA-256 {sha[:12]}, the batch read {was[:12] or '-'})"
    return f"{name} {said} where the worker building it ({socket.gethostname()}) reads it: {_ON_A_CLUSTER}"


def all_failed(task: Task, message: str) -> list[Made]:
    """Every edition of the task failed, for one reason."""
    return [
        Made(
            Outcome(
                failed_name(task, job),
                "",
                "failed",
                0.0,
                job.stamp,
                (f"{task.at()}: error: {message}",),
                inputs=inputs_of(task),  # (so its last output is not taken for one of an edition no longer named)
            )
        )
        for job in task.jobs
    ]


def _run_task(task: Task, inputs: tuple[tuple[str, str], ...]) -> Iterator[Made]:
    t0 = time.perf_counter()
    content, kit = reached(task, task.content), reached(task, task.kit)
    source = reached(task, task.source) if task.source is not None else None
    if task.kit_hash and task.words_hash:
        src, found = _sources_once(content, source, kit, task.kit_hash, task.words_hash)
    else:
        src, found = _sources(content, source, kit, task.kit_hash, task.words_hash)
    diags = [_as_given(d, task.root) for d in found]
    load_s = time.perf_counter() - t0
    known = {k.stamp: k for k in task.known}
    for job in task.jobs:
        t = time.perf_counter()
        if src is None or any(d.is_error for d in diags):
            name, output = (
                name_and_output(task, job, (src.brand.id, src.brand.paper), src.content.language)
                if src is not None  # (words that read, with errors: where it goes is known, said as for others)
                else (failed_name(task, job), "")
            )
            said = tuple(d.format() for d in diags)
            yield Made(Outcome(name, output, "failed", load_s, job.stamp, said, inputs=inputs))
        else:
            made = _edition(task, job, src, diags, known, inputs)
            yield replace(made, outcome=replace(made.outcome, seconds=round(time.perf_counter() - t, 3)))


def _sources(
    content: Path, source: Path | None, kit: Path, kit_hash: str, words_hash: str
) -> tuple[api.Sources | None, Findings]:
    """A task's content file read with its kit, and what reading them found (a translation checked against its
    source too). _Other when the words read, their source and pictures, are not those of `words_hash` (the
    batch's stamp; '': not checked)."""
    from brochure import api  # (a worker's: the batch's process loads it only when something is to be built)

    src, diags = api.load_with(content, _kit(kit, kit_hash))
    if src is not None and words_hash:
        files = [content, *((source,) if source is not None else ()), *pictures_of(src.content)]
        if files_digest(files) != words_hash:  # (a file removed since it was read counts as such)
            raise _Other(
                f"the words, their source or pictures the worker building it ({socket.gethostname()}) read are not"
                f" those the batch read: {_ON_A_CLUSTER}"
            )
    if src is not None and source is not None:
        diags += _translation_check(source, content, src.content, words_hash)
    return src, tuple(diags)


_CHECKS: Kept[tuple[Diagnostic, ...]] = Kept(CHECKS_KEPT)  # a worker's translation checks, by their files' hash


def _translation_check(source: Path, path: Path, content: Content, words_hash: str) -> tuple[Diagnostic, ...]:
    """A translation's findings against its source (frozen, in a tuple), made once per worker for every kit that
    prints the words (one translation under two brands), kept by the hash of the words, their source and pictures
    (known by now to be the batch's); made anew without it."""
    from brochure import api

    def make() -> tuple[Diagnostic, ...]:
        return tuple(api.check_translation(source, content))

    return _CHECKS.answer((source, path, words_hash), make) if words_hash else make()


def _sources_once(
    content: Path, source: Path | None, kit: Path, kit_hash: str, words_hash: str
) -> tuple[api.Sources | None, Findings]:
    """_sources, read once per worker for all the parts of a task it gets, by the hashes of the files (a build
    never changes what it is given: the words, brand and fonts are frozen). Only words and a kit that were read,
    and matched the hashes, are kept: what could not be read is read again each time (it may be mended)."""
    try:
        return _sources_kept(content, source, kit, kit_hash, words_hash)
    except _NotKept as exc:
        return exc.sources


class _NotKept(Exception):
    """What reading a kit or its words gave when it is not to be kept (raised so that lru_cache keeps nothing)."""

    def __init__(self, sources: tuple[api.Sources | None, Findings]) -> None:
        super().__init__("not kept")
        self.sources = sources


@lru_cache(maxsize=SOURCES_KEPT)
def _sources_kept(
    content: Path, source: Path | None, kit: Path, kit_hash: str, words_hash: str
) -> tuple[api.Sources | None, Findings]:
    """(_sources_once's: _NotKept for what could not be read; _Other where the files are not the batch's.)"""
    found = _sources(content, source, kit, kit_hash, words_hash)
    if found[0] is None:
        raise _NotKept(found)
    return found


def _kit(path: Path, digest: str) -> api.Kit:
    """A kit read, with its fonts and logo: read once per worker for all its tasks when the batch gave the hash of
    its files (the Clearwater kit, named with five content files, took 13-25 ms to read each time); a kit that
    cannot be read is read again each time (what is wrong with it may be mended meanwhile)."""
    from brochure import api

    if not digest:
        return api.load_kit(path)
    try:
        return _kit_read(path, digest)
    except _Unread as exc:
        return exc.kit


class _Unread(Exception):
    """A kit that could not be read, and what reading it found (raised so that lru_cache keeps nothing of it)."""

    def __init__(self, kit: api.Kit) -> None:
        super().__init__("the kit could not be read")
        self.kit = kit


@lru_cache(maxsize=KITS_KEPT)
def _kit_read(path: Path, digest: str) -> api.Kit:
    """(The kit is never changed by a build: its brand and fonts are frozen, and a caller adds to its own list of
    findings, never to the kit's.) _Other when the files it was read from, links followed, are not those of
    `digest` (the batch's stamp): nothing is kept."""
    from brochure import api

    kit = api.load_kit(path)
    if kit[0] is None:
        raise _Unread(kit)
    if kit_digest(kit[0][0]) != digest:
        raise _Other(
            f"the kit {path.name} in {path.parent.name}/ as the worker building it ({socket.gethostname()}) read it"
            f" (its brand file, logo, fonts and profile, links followed) is not the one the batch read: {_ON_A_CLUSTER}"
        )
    return kit


def _as_given(d: Diagnostic, root: str) -> Diagnostic:
    """A finding with the paths as the batch was given them (relative to its working folder, not a worker's)."""
    if not root:
        return d
    prefix = root.rstrip(os.sep) + os.sep
    file = d.location.file.removeprefix(prefix)
    message, hint = d.message.replace(prefix, ""), d.hint.replace(prefix, "")
    return replace(d, location=replace(d.location, file=file), message=message, hint=hint)


def _edition(
    task: Task,
    job: Job,
    src: api.Sources,
    load_diags: list[Diagnostic],
    known: dict[str, Known],
    inputs: tuple[tuple[str, str], ...],
) -> Made:
    name, output = name_and_output(task, job, (src.brand.id, src.brand.paper), src.content.language)
    was = known.get(job.stamp)
    if was is not None and was.output == output:  # (its file checked where the outputs are: _present)
        return Made(unchanged(name, output, job, was, inputs))
    from brochure import api

    options = api.Options(layout=job.layout, paper=job.paper, target=job.target)
    result = api.build(src, options, {"SOURCE_DATE_EPOCH": task.epoch})
    findings = tuple(_as_given(d, task.root).format() for d in [*load_diags, *result.diagnostics])
    if not result.ok or result.pdf is None:
        return Made(Outcome(name, output, "failed", 0.0, job.stamp, findings, inputs=inputs))
    if task.check:  # (laid out and preflighted: nothing more is made, nor sent back)
        return Made(Outcome(name, output, "checked", 0.0, job.stamp, findings, pages=result.pages, inputs=inputs))
    from brochure.output.preview import page_images  # (a worker's)

    pictures = tuple(page_images(result.pdf, THUMB_DPI))
    thumbs = thumb_names(task, output, len(pictures))
    sha, size = digest(result.pdf), len(result.pdf)
    shas = tuple(digest(png) for png in pictures)
    outcome = Outcome(name, output, "built", 0.0, job.stamp, findings, sha, result.pages, size, inputs, thumbs, shas)
    return Made(outcome, result.pdf, pictures)
