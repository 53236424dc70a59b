"""Editions (editions.yaml) -> every edition built by an executor's workers, skipped when nothing it depends on changed.

Each task is one brand kit with one content file and their editions of one layout, handed out the longest first:
a worker loads and checks the inputs once for all the tasks of a kit and content file it gets (fonts, logo, the
translation against its source) and builds each edition; it reads the inputs and writes nothing. The batch's own
process writes each PDF and its page pictures atomically as they come back, so workers may run on other machines
(brochure/cluster.py) that share the inputs' paths but not the output folder. An edition's stamp is a hash of
everything it depends on (the tool's version, the installed font packages, its content file and source, every
file of its brand kit, what today's date makes of its review date, SOURCE_DATE_EPOCH, its layout, paper and
target); an edition whose stamp and output are as the last manifest recorded is not built again. A failure is one
edition's outcome: it never stops the others.

The package, stage by stage: plan.py reads the editions file and stamps and settles the editions, worker.py builds
them (in worker processes, or on a cluster: brochure/cluster.py), manifest.py records what each became (with the
contact sheet), records.py holds the words they pass between them; this module runs a batch.
"""

from __future__ import annotations

import contextlib
import math
import os
from collections import Counter
from collections.abc import Callable
from concurrent.futures import BrokenExecutor, Executor, Future, as_completed
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any, BinaryIO

from brochure.batch.manifest import (
    INDEX,
    MANIFEST,
    THUMBS,
    manifest_path,
    read_manifest,
    record_stopped,
    recorded_thumbs,
    shared_outputs,
    write_index,
    write_manifest,
)
from brochure.batch.names import other_clinics
from brochure.batch.plan import (
    Held,
    collisions,
    held,
    outputs,
    read_contents,
    read_kits,
    settle,
    shared_contacts,
    tasks,
    unchecked_translations,
)
from brochure.batch.records import (
    Entries,
    Job,
    Kits,
    Loaded,
    Made,
    Outcome,
    Task,
    TaskLost,
    failed_name,
    from_base,
    name_and_output,
    thumb_names,
)
from brochure.batch.thumbs import prune_thumbs, unshown
from brochure.batch.worker import all_failed, initializer, run_task
from brochure.collector import load_api
from brochure.inputs.brand import kit_identity
from brochure.inputs.content import Content
from brochure.inputs.editions import Editions
from brochure.output.files import PDF, PNG, Refused, in_the_way, write_all, written_into
from brochure.vocabulary import LayoutName, PaperName, direction

__all__ = [
    "INDEX",
    "LOCK",
    "MANIFEST",
    "STOPPED",
    "THUMBS",
    "Deferred",
    "Job",
    "Outcome",
    "Task",
    "TaskLost",
    "collisions",
    "keep",
    "local",
    "manifest_path",
    "not_built",
    "nothing_to_build",
    "other_clinics",
    "outputs",
    "prune_thumbs",
    "read_contents",
    "read_kits",
    "read_manifest",
    "record_stopped",
    "recorded_thumbs",
    "run",
    "run_task",
    "settle",
    "shared_contacts",
    "shared_outputs",
    "tasks",
    "unchecked_translations",
    "unshown",
    "write_index",
    "write_manifest",
]

Names = dict[Path, tuple[str, PaperName] | None]  # each kit's id and paper, None where it cannot be read


STOPPED = "not built: the batch was stopped before this edition was made (run it again to build what is left)"
LOCK = ".batch.lock"  # held while a batch writes to the folder, removed when it ends (output/files.py only_one)


def local(jobs: int) -> Executor:
    """The executor of a batch on this machine: `jobs` worker processes (1: a thread of this process), made when
    the first task is handed out (`Deferred`)."""

    def make() -> Executor:
        from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor  # (multiprocessing: when used)

        if jobs <= 1:
            return ThreadPoolExecutor(max_workers=1)
        return ProcessPoolExecutor(max_workers=jobs, initializer=initializer, initargs=(os.getpid(),))

    return Deferred(make, jobs)


class Deferred(Executor):
    """An executor made when the first task is submitted to it: a batch with nothing to build neither imports
    multiprocessing nor starts a worker (with Pillow left unloaded too, about 0.1 s of the 0.8 s it took). Made
    again (`restart`) when a worker process was lost: `workers` of them at once."""

    def __init__(self, make: Callable[[], Executor], workers: int = 1) -> None:
        self._make = make
        self._made: Executor | None = None
        self.workers = workers

    def restart(self) -> None:
        """A new pool for what is handed out next: the one whose worker was lost (killed by the out-of-memory
        killer or a signal, a crash in a library) fails every task it held, and takes no more."""
        if self._made is not None:
            _end_workers(self._made)
            self._made.shutdown(wait=False, cancel_futures=True)
        self._made = None

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        if self._made is None:
            self._made = self._make()
        return self._made.submit(fn, *args, **kwargs)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        if self._made is not None:
            self._made.shutdown(wait=wait, cancel_futures=cancel_futures)


def _end_workers(pool: Executor) -> None:
    """A pool that lost a worker: its other workers ended at once (what they held is handed out again). One left
    blocked writing its answer to a pipe the broken pool no longer read kept the process that ran the batch from
    ending (seen in a test process that had run many batches): the pool's own end of them had not ended it."""
    processes = getattr(pool, "_processes", None)  # (a ProcessPoolExecutor's, by process id; not public)
    for process in list(processes.values()) if isinstance(processes, dict) else []:
        with contextlib.suppress(Exception):  # (ended meanwhile)
            if process.is_alive():
                process.kill()
                process.join(1.0)  # (gone before the new pool starts: no process of the old one outlives the batch)


def run(
    editions: Editions,
    executor: Executor,
    force: bool,
    progress: Callable[[Outcome], None] = lambda o: None,
    loaded: Loaded | None = None,
    kits: Kits | None = None,
    stopped: Callable[[list[Outcome], list[str]], None] = lambda every, left: None,
    check: bool = False,
) -> list[Outcome]:
    """Every edition, each task run by the executor (local(jobs), or a cluster's: brochure/cluster.py), which this
    shuts down; each PDF written here as its task ends. An edition the last run made, and whose stamp, output
    and file are as it left them, is settled here: a worker gets only what must be built (none when nothing
    changed, so none starts). The outcomes in the editions' order. `loaded`, `kits`: the content files and kits
    as read_contents and read_kits read them, if the caller has them already. `stopped`: told every edition as it
    ended, or "stopped", and the outputs left in place when the run is stopped (the --json report's), before the
    stop is raised again. `check` (batch --check): every edition laid out and preflighted ("checked" or "failed"),
    and nothing written, a stop's manifest and contact sheet neither."""
    last = read_manifest(editions)
    previous = {} if force or check else last
    loaded = read_contents(editions) if loaded is None else loaded
    kits = read_kits(editions) if kits is None else kits
    work = [replace(t, check=check) for t in tasks(editions, previous, loaded, kits)]
    reads = held(editions, work, loaded)  # (no output is written over one)
    names = _names(kits)
    base = editions.path.parent
    outcomes: dict[int, list[Outcome]] = {}
    asked: dict[int, Task] = {}  # what is left of each task for a worker
    pending: dict[Future[list[Made]], int] = {}  # each task handed out, and its part's number
    count = _expected_names(work, names, loaded)
    memo: dict[Path, str] = {}  # each input's hash, read once in this run
    told = progress
    progress = lambda o: told(_distinct_one(o, count))  # noqa: E731
    try:
        for i, task in enumerate(work):
            kit, words = _read(task, names, loaded)
            outcomes[i], asked[i] = settle(task, kit, words, memo)
            for o in outcomes[i]:
                progress(o)
        parts = [(i, part) for i, task in asked.items() for part in _parts(task)]
        if parts:  # (loaded here, before a worker starts: the workers this process forks start with it loaded)
            load_api()
        cost = [_cost(t, *_read(t, names, loaded), last) for _, t in parts]
        order = sorted(range(len(parts)), key=lambda n: -cost[n])  # the longest first
        lost: Counter[int] = Counter()  # each part's lost workers

        def answered(n: int, future: Future[list[Made]]) -> None:
            part = parts[n][1]
            made = [_kept(m, part, names, loaded, base, reads) for m in _answer(future, part)]
            outcomes[parts[n][0]] += made  # (before they are told: a stop while they are is recorded with them)
            for o in made:
                progress(o)

        barren = 0  # pools in a row that lost a worker before they built anything
        while order:  # (again after a pool lost a worker: what it held, a part lost twice alone, before the rest)
            alone = lost[order[0]] >= LOST_WORKERS
            handing, order = (order[:1], order[1:]) if alone else (order, [])
            unsent = _hand_out(executor, handing, parts, pending)  # (a pool may break while they are handed out)
            broken: list[tuple[int, Future[list[Made]]]] = []
            built = False
            for future in as_completed(list(pending)):
                n = pending.pop(future)
                if isinstance(executor, Deferred) and _pool_lost(future):
                    broken.append((n, future))
                else:
                    answered(n, future)
                    built = True
            if not (broken or unsent):
                continue
            barren = 0 if built else barren + 1
            if not isinstance(executor, Deferred) or barren >= LOST_POOLS:  # (a pool of ours, not lost for ever)
                why = (broken or unsent)[0][1]
                for n, future in [*broken, *unsent, *((n, why) for n in order)]:
                    answered(n, future)
                order = []
                continue
            executor.restart()
            if alone and broken:  # it lost its worker with no other part beside it: it fails
                answered(*broken[0])
            rank = {n: k for k, n in enumerate(handing)}
            ranked = sorted(broken, key=lambda b: rank[b[0]]) if not alone else []
            order = _again(ranked, lost, executor.workers) + [n for n, _ in unsent] + order
        for i, task in enumerate(work):
            by_stamp = {o.stamp: o for o in outcomes[i]}
            outcomes[i] = [by_stamp[job.stamp] for job in task.jobs]  # (in the editions' order)
        executor.shutdown()  # (a stop while the workers end is a stop: every edition recorded, and reported)
    except BaseException as exc:  # Ctrl-C, a signal: nothing queued starts; what the tasks running make is written
        for future in pending:  # whole
            future.cancel()
        executor.shutdown(wait=True)
        for future, n in pending.items():
            if future.done() and not future.cancelled() and future.exception() is None:
                part = parts[n][1]
                for answer in future.result():
                    outcomes.setdefault(-1, []).append(_kept(answer, part, names, loaded, base, reads))
        with contextlib.suppress(Exception):  # (nothing here may take the stop's place)
            every = [_distinct_one(o, count) for o in _with_stopped(work, outcomes, names, loaded)]
            left = record_stopped(editions, every) if not check else []
            with contextlib.suppress(Exception):  # (the contact sheet of what there is now: the last run's was not)
                if not check:
                    write_index(editions, every, kits, left)
            if not isinstance(exc, Exception):  # (a stop, not a bug: the report of a stopped run)
                stopped(every, left)
        with contextlib.suppress(Exception):  # (each finished after the stop has its line, as the others had: last,
            for o in outcomes.get(-1, []):  # as a second stop may come while they are told)
                progress(o)
        raise
    return [_distinct_one(o, count) for i in sorted(outcomes) for o in outcomes[i]]  # (named as the lines were)


def _named_here(made: Made, task: Task) -> Made:
    """A failed edition as this machine names it: a worker that could not read the kit (another machine, whose
    files differ or are not there) named it by the kit's folder and a paper "kit" ('assets/ar/large-print/kit/...')."""
    if made.outcome.status != "failed":
        return made
    job = next((j for j in task.jobs if j.stamp == made.outcome.stamp), None)
    name = failed_name(task, job) if job is not None else made.outcome.edition
    return made if name == made.outcome.edition else replace(made, outcome=replace(made.outcome, edition=name))


def _read(task: Task, names: Names, loaded: Loaded) -> tuple[tuple[str, PaperName] | None, Content | None]:
    """The task's kit (id and paper) and words as this process read them (None where they have errors)."""
    return names.get(kit_identity(task.kit)), loaded.get(task.content.resolve())


def _kept(made: Made, task: Task, names: Names, loaded: Loaded, base: Path, reads: Held) -> Outcome:
    """A worker's answer, named and checked as this machine expects it, and written (`keep`); in a check, never
    written: a worker that built an edition it was to check (an older brochure's, on a cluster) fails it."""
    made = _expected(_named_here(made, task), task, names, loaded)
    if task.check and made.outcome.status == "built":
        said = f"{task.named_at}: error: " if task.named_at else "error: "
        why = "its worker built the edition instead of checking it (an older brochure?): nothing was written"
        hint = "give every worker the same brochure as this machine (docs/cluster.md)"
        return made.outcome.failing((*made.outcome.findings, f"{said}{why} (hint: {hint})"))
    return keep(made, base, reads, task.named_at)


def _expected(made: Made, task: Task, names: Names, loaded: Loaded) -> Made:
    """A worker's answer as this machine expects it: an edition it made (or found standing) under the name, at the
    output and with the page pictures this machine's kit and words give, else failed, nothing written (a worker
    that read other files than the batch, were it not told: another clinic's PDF written under this one's name)."""
    o = made.outcome
    if o.status == "failed":
        return made
    kit, words = _read(task, names, loaded)
    job = next((j for j in task.jobs if j.stamp == o.stamp), None)
    if job is not None and kit is not None and words is not None:
        name, output = name_and_output(task, job, kit, words.language)
        if (o.edition, o.output, o.thumbs) == (name, output, thumb_names(task, output, len(o.thumbs))):
            return made
        here = f"this machine's kit and words make {name} (at {output})"
    else:  # (this machine could not read its kit or words, or the worker answered for an edition not asked of it)
        name, output = (failed_name(task, job), "") if job is not None else (o.edition, "")
        here = "this machine could not read its kit or words" if job is not None else "it was not asked for it"
    why = (
        f"{task.at()}: error: the worker building it made {o.edition} (to be written to {o.output}), where {here}:"
        " nothing was written (hint: the kit or words changed while the batch ran, or, on a cluster, the worker reads"
        " other files at the same paths: run the batch again, and give every worker the same files, docs/cluster.md)"
    )
    return Made(replace(o, edition=name, output=output).failing((why,)))


def _names(kits: Kits) -> Names:
    return {path: (kit[0], kit[1]) if kit is not None else None for path, kit in kits.items()}


def nothing_to_build(editions: Editions, loaded: Loaded, kits: Kits) -> bool:
    """Whether every edition stands as the last run made it: a worker would be given nothing (`--scheduler` need
    not reach the cluster, as this machine starts no worker process)."""
    names = _names(kits)
    work = tasks(editions, read_manifest(editions), loaded, kits)
    memo: dict[Path, str] = {}
    return all(not settle(t, *_read(t, names, loaded), memo)[1].jobs for t in work)


def not_built(
    editions: Editions, loaded: Loaded, kits: Kits, why: str, status: str = "failed", force: bool = False
) -> list[Outcome]:
    """Every edition failed (or `status`), for one reason, before any was handed out (a cluster that cannot be
    reached; a stop while it is asked), but those that stand as the last run made them ("unchanged", as a run
    would say; none with `force`): the --json report a script reads names each, as a run would."""
    work, names = tasks(editions, {} if force else read_manifest(editions), loaded, kits), _names(kits)
    memo: dict[Path, str] = {}
    settled = {i: settle(t, *_read(t, names, loaded), memo)[0] for i, t in enumerate(work)}
    return _with_stopped(work, settled, names, loaded, status, why)


def _with_stopped(
    work: list[Task],
    outcomes: dict[int, list[Outcome]],
    names: Names,
    loaded: Loaded,
    status: str = "stopped",
    why: str = STOPPED,
) -> list[Outcome]:
    """After a stop: every edition in the editions' order, each as it ended, or "stopped" (not built by this run)."""
    ended = {o.stamp: o for made in outcomes.values() for o in made}
    out = []
    for task in work:
        kit, words = _read(task, names, loaded)
        for job in task.jobs:
            if job.stamp in ended:
                out.append(ended[job.stamp])
                continue
            if kit is not None and words is not None:
                name, output = name_and_output(task, job, kit, words.language)
            else:
                name, output = failed_name(task, job), ""
            out.append(Outcome(name, output, status, 0.0, job.stamp, (why,)))
    return out


def _distinct_one(o: Outcome, count: Counter[str]) -> Outcome:
    """An outcome, a failed edition named like another (its words declare the language of another file of the
    kit's, or none that can be read) with its words' file beside its language: one name, one edition in the
    manifest and on the contact sheet (it took the other's place, which was then built again on every run). Where
    that name is another's too (kits that cannot be read, named by folders of one name, with one content file), its
    kit's file beside the kit's name instead, else both. `count`: how many editions have each name, and each of
    these (_expected_names)."""
    if o.status == "failed" and count[o.edition] > 1 and len(o.inputs) >= 2 and o.edition.count("/") >= 2:
        *others, both = _distinct_names(o.edition, o.inputs[0][0], o.inputs[1][0])
        return replace(o, edition=next((name for name in others if count[name] <= 1), both))
    return o


def _distinct_names(name: str, words: str, kit: str) -> tuple[str, str, str]:
    """An edition's name with its words' file beside its language, with its kit's file beside the kit's name, and
    with both (each path from editions.yaml's folder, a slash that divides no name: two broken es.yaml in two
    folders are two editions)."""
    brand, language, rest = name.split("/", 2)
    words, kit = words.replace("/", "\u2215"), kit.replace("/", "\u2215")
    return (
        f"{brand}/{language} ({words})/{rest}",
        f"{brand} ({kit})/{language}/{rest}",
        f"{brand} ({kit})/{language} ({words})/{rest}",
    )


def _expected_names(work: list[Task], names: Names, loaded: Loaded) -> Counter[str]:
    """How many editions will have each name, and each name _distinct_one may give them, known before any is built
    (so that the progress lines name a failed edition as the summary does)."""
    count: Counter[str] = Counter()
    for task in work:
        kit, words = _read(task, names, loaded)
        files = (from_base(task, task.content), from_base(task, task.kit))  # (as the outcomes' inputs name them)
        for job in task.jobs:
            name = name_and_output(task, job, kit, words.language)[0] if kit and words else failed_name(task, job)
            count.update([name, *(_distinct_names(name, *files) if name.count("/") >= 2 else ())])
    return count


def _parts(task: Task) -> list[Task]:
    """A task's editions to build, a part for each layout: parts of about the same size, which the workers share
    out evenly (a batch does not end with one worker building a whole task alone while the other waits). A
    worker reads a task's inputs once for all the parts it gets (_sources)."""
    layouts = dict.fromkeys(job.layout for job in task.jobs)
    return [replace(task, jobs=tuple(job for job in task.jobs if job.layout == layout)) for layout in layouts]


# An edition's seconds when the last run did not time it: a tri-fold's, and the others' relative to it, measured
# over the shipped group (docs/performance.md, "A batch's editions"); a right-to-left language costs more.
_EDITION_SECONDS = 0.18


_LAYOUT_COST: dict[LayoutName, float] = {"trifold": 1.0, "bifold": 0.8, "flyer": 0.8, "large-print": 1.3}


_RTL_COST = 1.6


def _cost(task: Task, kit: tuple[str, PaperName] | None, words: Content | None, last: Entries) -> float:
    """How long a task's editions take, to hand the longest to workers first (so that the batch does not end
    waiting for one worker's last long task): each edition's seconds as the last run recorded them when it built
    it, else an estimate by its layout and the language's direction; endless for editions that fail at once."""
    if kit is None or words is None:  # (its editions fail at once: handed out first, they are told first, and a
        return math.inf  # batch stopped a moment after it started shows them failed, not stopped)
    rtl = _RTL_COST if direction(words.language) == "rtl" else 1.0
    total = 0.0
    for job in task.jobs:
        was = last.get(name_and_output(task, job, kit, words.language)[0], {})
        seconds = was.get("seconds")
        if was.get("status") == "built" and isinstance(seconds, float) and 0 < seconds < 3600:
            total += seconds
        else:
            total += _EDITION_SECONDS * _LAYOUT_COST.get(job.layout, 1.0) * rtl
    return total


def _pool_lost(future: Future[list[Made]]) -> bool:
    """Whether the task's worker pool broke under it (a worker process lost, its own or another's)."""
    return not future.cancelled() and isinstance(future.exception(), BrokenExecutor)


def _hand_out(
    executor: Executor, handing: list[int], parts: list[tuple[int, Task]], pending: dict[Future[list[Made]], int]
) -> list[tuple[int, Future[list[Made]]]]:
    """Hand the parts to the executor (`pending`: each future and its part); those a pool that broke meanwhile
    would not take (a part that kills its worker at once, before the rest were handed out), each with a future
    that says so."""
    for k, n in enumerate(handing):
        try:
            pending[executor.submit(run_task, parts[n][1])] = n
        except BrokenExecutor as exc:
            refused: Future[list[Made]] = Future()
            refused.set_exception(exc)
            return [(m, refused) for m in handing[k:]]
    return []


LOST_POOLS = 5  # pools in a row that lose a worker and build nothing: what is left fails (a library that crashes on
# every edition; a part that kills its worker takes two pools with others and one alone)


LOST_WORKERS = 2  # a part that was building when its pool lost a worker this often is built alone, to tell


def _again(broken: list[tuple[int, Future[list[Made]]]], lost: Counter[int], workers: int) -> list[int]:
    """The parts of a pool that lost a worker (in the order they were handed out), to hand to a new one. Such a
    pool fails every part it held, those it was building and those waiting; the first `workers` + 1 may have been
    building when it broke (a pool takes its parts in order, one more than it has workers). A part among those
    LOST_WORKERS times goes first and alone, so that a part that kills its worker (a crash in a library) fails by
    itself and the others are built; a worker lost once (killed by the out-of-memory killer or a signal) costs
    nothing but the time its parts are built again."""
    for n, _ in broken[: workers + 1]:
        lost[n] += 1
    return sorted((n for n, _ in broken), key=lambda n: lost[n] < LOST_WORKERS)  # (stable: in their order)


WHY_CHARS = 600  # of an executor's words for a task it lost: Dask's name the worker last (it was cut at 200)


def _answer(future: Future[list[Made]], task: Task) -> list[Made]:
    """What a task's worker sent back; a worker that was lost, or could not run the task, fails its editions."""
    try:
        return future.result()
    except TaskLost as exc:  # (a cluster that lost every worker, or its scheduler: it says why and what to do)
        return all_failed(task, str(exc))
    except Exception as exc:  # a worker process that died; on a cluster, a worker without brochure, a lost one
        what = f"{type(exc).__name__}: {' '.join(str(exc).split())[:WHY_CHARS]}"
        if isinstance(exc, BrokenExecutor):  # (lost on this machine: killed, or crashed while building it)
            return all_failed(task, f"the worker process building it was lost: it was killed, or crashed ({what})")
        missing = exc.name if isinstance(exc, ImportError) else None
        if missing is not None and (missing == "brochure" or missing.startswith("brochure.")):
            return all_failed(  # (it could not even read the task: another brochure, or none)
                task,
                f"the worker building it has another version of brochure, or none ({what}): install the same "
                "versions of brochure and its packages on every machine (pip install -r requirements.txt)",
            )
        return all_failed(
            task, f"the worker building it stopped: {what} (every worker needs brochure and its packages installed)"
        )


def keep(made: Made, base: Path, reads: Held, at: str = "") -> Outcome:
    """Write a built edition's page pictures and its PDF (base: editions.yaml's folder) as one: each into a
    temporary file beside it, and only when all are written, each renamed into place, the PDF last. A picture or
    PDF that cannot be written where it goes, or would be written over a file the batch reads (`reads`), is that
    edition's failure, its last PDF and pictures left as they were (the pictures were replaced first, and then
    showed the new words beside the PDF kept). Such a failure is said `at` editions.yaml's line naming the edition's
    words (file:line:col), else at the output."""
    o = made.outcome
    if o.status != "built":
        return o
    path = base / o.output
    files = [*((base / rel, PNG, png) for rel, png in zip(o.thumbs, made.pictures, strict=True)), (path, PDF, made.pdf)]
    read = next(((at, name) for at, _, _ in files if (name := reads.which(at))), None)
    if read is not None:
        what = "its page picture" if read[0] != path else "its PDF"
        why = (
            f"{what} would be written over {read[1]}, which the batch reads: an output may never replace an input"
            " (hint: move that file out of the folder the batch writes into, or change 'output:' in editions.yaml)"
        )
        said = f"{at}: error: {what} {os.path.relpath(read[0], base)}" if at else f"{read[0]}: error: {what}"
        return o.failing((*o.findings, f"{said}{why[len(what) :]}"))
    try:
        write_all([(at, kind, partial(_fill, data)) for at, kind, data in files])
    except OSError as exc:  # a folder or a file of another kind there, a full disk, no permission
        blocked = next((b for at, _, _ in files if (b := in_the_way(at)) is not None), None)
        if blocked is not None:
            why = f"{blocked} is a file, where the output pattern puts a folder"
            hint = "move the file away, or change 'output:' in editions.yaml"
        elif isinstance(exc, Refused):  # (a file the batch did not write is in the way: it is left as it is)
            why, hint = str(exc), "move that file away, or change 'output:' in editions.yaml"
        else:
            why = f"cannot write its PDF and page pictures{written_into(exc)}: {exc.strerror or exc}"
            hint = "check the folder is writable and the disk has room"
        why = f"{why} (hint: {hint})"
        failed = (*o.findings, f"{at}: error: {path}: {why}" if at else f"{path}: error: {why}")
        return o.failing(failed)
    return o


def _fill(data: bytes, f: BinaryIO) -> None:
    """Write an output's bytes into its temporary file (write_all's filler)."""
    f.write(data)
