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
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import signal
import stat
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, Future, as_completed
from dataclasses import asdict, field, replace
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import fontpkg

from brochure import __version__, limits
from brochure.collector import for_many_builds, load_api
from brochure.diagnostics import Diagnostic, Location, error
from brochure.frozen import frozen
from brochure.inputs.blocks import Image
from brochure.inputs.brand import Brand, kit_files, kit_identity, load_brand
from brochure.inputs.content import Content, declared_language, load_content
from brochure.inputs.editions import Editions, Group
from brochure.inputs.files import read_bytes
from brochure.output.files import BATCH_MANIFEST, PDF, PNG, Refused, in_the_way, same_file, write_atomic
from brochure.preflight.dates import check_dates, today
from brochure.vocabulary import LayoutName, PaperName, Target, direction

if TYPE_CHECKING:
    from brochure import api

MANIFEST = "manifest.json"
MANIFEST_BYTES = 50 * 2**20  # a manifest larger than this is not ours: every edition is built again
INDEX = "index.html"
THUMBS = "thumbs"
LOCK = ".batch.lock"  # held while a batch writes to the folder, removed when it ends (output/files.py only_one)
THUMB_DPI = 24.0  # a page 200-280 pixels tall
ORPHAN_CHECK_S = 1.0  # how often a worker looks whether its batch is still there
PICTURE_BYTES = 4 * 2**20  # a page picture the manifest records is never larger (they are 20-60 KB)
KITS_KEPT = 8  # kits a worker keeps read, by the hash of their files
KIT_FILE_BYTES = max(limits.FONT_BYTES, limits.PICTURE_BYTES, limits.SVG_BYTES)  # a kit's or picture's file hashed
SOURCES_KEPT = 16  # content files a worker keeps read with their kits, by the hashes of their files


@frozen
class Job:
    """One edition to make: which layout, paper (None: the brand's) and target, and its stamp."""

    layout: LayoutName
    paper: PaperName | None
    target: Target
    stamp: str


@frozen
class Known:
    """An edition the last manifest records as made: if its stamp and file are the same, it is not made again."""

    stamp: str
    output: str
    sha256: str
    pages: int
    thumbs: tuple[str, ...]
    findings: tuple[str, ...]  # its warnings, reported again for it
    size: int = 0  # its PDF's size, as the manifest records it (and the file still has)
    thumbs_sha256: tuple[str, ...] = ()  # the SHA-256 of each page picture, in the order of `thumbs`


@frozen
class Task:
    """What one worker does in one go: one kit and one content file, their editions (`tasks` makes one with all of
    them; `run` hands them to the workers a layout at a time: `_parts`)."""

    kit: Path
    content: Path
    source: Path | None
    base: Path  # editions.yaml's folder: outputs are relative to it
    output: str  # the pattern
    jobs: tuple[Job, ...]
    known: tuple[Known, ...] = ()  # what the last run made of these editions, and is still in place
    thumbs: str = ""  # the folder of the page pictures, relative to editions.yaml's folder
    root: str = ""  # the batch's working folder when the paths above are relative to it (a worker's may differ)
    tool: str = ""  # the version and font packages the stamps were made with: a worker must have the same
    epoch: str = ""  # the batch's SOURCE_DATE_EPOCH: a worker builds with it, whatever its own environment says
    kit_hash: str = ""  # every file the kit is read from, as the stamps hash them ('': the worker reads it again)
    words_hash: str = ""  # the content file, its source and pictures, as the stamps hash them (the same)
    others: tuple[Path, ...] = ()  # the other files its editions are made of: the kit's logo, fonts and colour
    # profile in its folder, and the pictures (listed with their hashes in the manifest)


@frozen
class Outcome:
    """What became of one edition."""

    edition: str  # brand/language/layout/paper/target
    output: str  # relative to editions.yaml's folder
    status: str  # "built", "unchanged" or "failed"
    seconds: float
    stamp: str
    findings: tuple[str, ...] = ()  # each as the command line prints it
    sha256: str = ""
    pages: int = 0
    size: int = 0
    inputs: tuple[tuple[str, str], ...] = field(default_factory=tuple)  # file (from editions.yaml's folder) -> sha256
    thumbs: tuple[str, ...] = ()  # a small picture of each page, relative to editions.yaml's folder
    thumbs_sha256: tuple[str, ...] = ()  # each picture's SHA-256 (a picture changed or damaged is made again)

    def report(self) -> dict[str, object]:
        """As the manifest and --json write it."""
        return {**asdict(self), "inputs": dict(self.inputs), "findings": list(self.findings), "first": self.first}

    @property
    def first(self) -> str:
        return next((f for f in self.findings if ": error: " in f), self.findings[0] if self.findings else "")


@frozen
class Made:
    """A worker's answer for one edition: its outcome and, when built, the bytes of its PDF and of its page pictures
    (in the order of outcome.thumbs), which the batch's own process writes."""

    outcome: Outcome
    pdf: bytes = b""
    pictures: tuple[bytes, ...] = ()


Loaded = dict[Path, "Content | None"]  # each content file the editions name, read once (None: it has errors)
Kit = tuple[str, PaperName, str, tuple[Path, ...]]  # a kit's id, paper, files' hash and own files (`_kit_own_files`)
Kits = dict[Path, "Kit | None"]  # each kit, read once (None: it has errors)
Entries = dict[str, dict[str, object]]  # a manifest's editions by name
Findings = tuple[Diagnostic, ...]


def read_contents(editions: Editions) -> Loaded:
    """Every content file the editions name, read once in this process (for the clash check and the stamps)."""
    loaded: Loaded = {}
    for group in editions.groups:
        for content in group.contents:
            if content.resolve() not in loaded:
                loaded[content.resolve()] = load_content(content)[0]
    return loaded


def read_kits(editions: Editions) -> Kits:
    """Every kit the editions name, read once in this process: its id and paper (the outputs' names), the hash of
    its files (the editions' stamps), and its own files (the manifest's inputs)."""
    kits: Kits = {}
    for group in editions.groups:
        if kit_identity(group.kit) not in kits:
            brand, _ = load_brand(group.kit, logo=False)  # (its logo is read where it is built)
            kits[kit_identity(group.kit)] = (
                (brand.id, brand.paper, _kit_digest(brand), _kit_own_files(group.kit, brand))
                if brand is not None
                else None
            )
    return kits


def collisions(editions: Editions, loaded: Loaded, kits: Kits | None = None) -> list[Diagnostic]:
    """Editions that would be written to one file: a kit and content file named twice, two kits with one id, two
    content files in one language. One error per content file named, where it is named."""
    seen: dict[str, str] = {}
    found: list[Diagnostic] = []
    named: dict[tuple[object, Path], set[tuple[str, str, str]]] = {}  # a kit and content file -> its editions
    kits = read_kits(editions) if kits is None else kits
    for group in editions.groups:
        kit = kits.get(kit_identity(group.kit))
        paper = kit[1] if kit is not None else "kit"
        jobs = {(lo, pa or paper, ta) for lo in group.layouts for pa in group.papers or (None,) for ta in group.targets}
        for content, at in zip(group.contents, group.content_at, strict=True):
            before = named.setdefault((kit_identity(group.kit), content.resolve()), set())
            again = sorted(before & jobs)
            if again:  # (named twice with editions in common: each would be built twice, to one file)
                found.append(
                    error(at, f"'{content.name}' is named twice for the kit {group.kit}: {'/'.join(again[0])}", _TWICE)
                )
                continue
            before |= jobs
            words = loaded.get(content.resolve())
            if kit is None or words is None:
                continue  # (its editions fail, each with the reason)
            who = f"{group.kit} with {content}"
            outputs = _outputs(editions, group, kit, words.language)
            clash = next((o for o in outputs if seen.get(o, who) != who), None)
            if clash is not None:
                found.append(error(at, f"two editions would be written to {clash}: {seen[clash]}, and {who}", _TWICE))
                continue
            seen.update(dict.fromkeys(outputs, who))
    return found


_TWICE = "give the kits different ids, and each brand one content file per language, named once"


def _outputs(editions: Editions, group: Group, kit: Kit, language: str) -> list[str]:
    """The output paths (as the pattern gives them, relative to editions.yaml's folder) of a kit's editions in a
    language."""
    return [
        editions.output.format(brand=kit[0], language=language.lower(), layout=lo, paper=pa, target=ta)
        for lo in group.layouts
        for pa in group.papers or (kit[1],)
        for ta in group.targets
    ]


def outputs(editions: Editions, loaded: Loaded, kits: Kits) -> list[Path]:
    """Every edition's output file (of the kits and content files that load)."""
    found: list[Path] = []
    for group in editions.groups:
        kit = kits.get(kit_identity(group.kit))
        for content in group.contents:
            words = loaded.get(content.resolve())
            if kit is not None and words is not None:
                found += [editions.path.parent / o for o in _outputs(editions, group, kit, words.language)]
    return found


def tasks(
    editions: Editions, previous: dict[str, dict[str, object]], loaded: Loaded, kits: Kits | None = None
) -> list[Task]:
    """The work, grouped by kit and content file, each edition stamped with what it depends on (`kits`: as
    read_kits reads them, if the caller has them already)."""
    known = [k for k in (_known(e) for e in previous.values()) if k is not None]
    thumbs = (manifest_path(editions).parent / THUMBS).relative_to(editions.path.parent).as_posix()
    root = "" if editions.path.is_absolute() else str(Path.cwd())
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    kits = read_kits(editions) if kits is None else kits
    out: list[Task] = []
    for group in editions.groups:
        read = kits.get(kit_identity(group.kit))
        kit = read[2] if read is not None else ""  # ('': a worker reads the kit again and says what is wrong)
        for content in group.contents:
            same = editions.source is not None and editions.source.resolve() == content.resolve()
            source = None if same else editions.source
            inputs = (content, *((source,) if source else ()), *_pictures(loaded.get(content.resolve())))
            words = _files_digest(inputs)
            dated = _dated(loaded.get(content.resolve()))
            jobs = tuple(
                Job(
                    layout,
                    paper,
                    target,
                    _digest(f"{tool()}|{kit}|{words}|{dated}|{epoch}|{layout}|{paper}|{target}".encode()),
                )
                for layout in group.layouts
                for paper in (group.papers or (None,))
                for target in group.targets
            )
            present = _present(known, {j.stamp for j in jobs}, editions)
            base, pattern = editions.path.parent, editions.output
            others = (*(read[3] if read is not None else ()), *_pictures(loaded.get(content.resolve())))
            task = Task(
                group.kit,
                content,
                source,
                base,
                pattern,
                jobs,
                present,
                thumbs,
                root,
                tool(),
                epoch,
                kit,
                words,
                others,
            )
            out.append(task)
    return out


def _kit_own_files(kit: Path, brand: Brand) -> tuple[Path, ...]:
    """The files in a kit's folder it is read from besides its brand file (its logo, fonts and colour profile), as
    the editions file names the kit: what the manifest lists of the kit with their hashes (the installed font
    families are the tool's, in every edition's stamp)."""
    folder = kit.parent.resolve()
    found = [path for _, path in kit_files(brand)[1:] if path.resolve().is_relative_to(folder)]
    return tuple(kit.parent / path.resolve().relative_to(folder) for path in dict.fromkeys(found))


def _dated(words: Content | None) -> str:
    """What today's date makes of the leaflet's dates (a review date near or passed, a publication date to come),
    as a part of its editions' stamps: an edition made before its review date came near is made again, and
    reports it, not left as it was. Nothing when the dates are fine (or the words or the date cannot be read:
    the build reports those)."""
    if words is None:
        return ""
    try:
        day = today(os.environ)
    except ValueError:
        return ""
    return "; ".join(d.format() for d in check_dates(words.document, day))


@cache
def tool() -> str:
    """The version of brochure and of every installed font package, as one text (a part of every stamp)."""
    fonts = _digest(json.dumps(sorted((s, fontpkg.family(s).version) for s in fontpkg.families())).encode())
    return f"brochure {__version__}, font packages {fonts[:12]}"


def _present(known: list[Known], stamps: set[str], editions: Editions) -> tuple[Known, ...]:
    """The editions of these stamps the last manifest records whose PDF is still the one it made, and whose page
    pictures are still there (read here, where the outputs are: a worker may not see them). Only a path the output
    pattern can give is read."""
    shape = re.compile(r"[^/\\]+".join(re.escape(piece) for piece in re.split(r"\{[a-z]+\}", editions.output)))
    base = editions.path.parent
    folder = (manifest_path(editions).parent / THUMBS).relative_to(base).as_posix() + "/"
    out = []
    for was in known:
        if was.stamp not in stamps or not shape.fullmatch(was.output) or ".." in Path(was.output).parts:
            continue
        if not all(_could_be_picture(t, folder) for t in was.thumbs):  # (read only where the batch writes them)
            continue
        pictures = zip(was.thumbs, was.thumbs_sha256, strict=True)  # (the contact sheet shows them)
        if _same(base / was.output, was.size, was.sha256) and all(_same(base / t, -1, h) for t, h in pictures):
            out.append(was)
    return tuple(out)


def _could_be_picture(path: str, folder: str) -> bool:
    """Whether a path a manifest records could be one of the batch's page pictures (in its folder of pictures)."""
    return path.startswith(folder) and path.endswith(".png") and ".." not in Path(path).parts and path.isprintable()


def _same(path: Path, size: int, sha: str) -> bool:
    """Whether the file is a regular file of that size (-1: at most PICTURE_BYTES) and SHA-256: its size is
    looked at before it is read (a file put in an output's place may be of any size)."""
    try:
        st = path.stat()
    except OSError:
        return False
    if not stat.S_ISREG(st.st_mode) or (st.st_size != size if size >= 0 else st.st_size > PICTURE_BYTES):
        return False
    try:
        return _digest(path.read_bytes()) == sha
    except OSError:
        return False


def count(editions: Editions) -> int:
    """How many editions the file names (a brand's own paper counts once)."""
    return sum(len(g.contents) * len(g.layouts) * max(1, len(g.papers)) * len(g.targets) for g in editions.groups)


def local(jobs: int) -> Executor:
    """The executor of a batch on this machine: `jobs` worker processes (1: a thread of this process), made when
    the first task is handed out (`Deferred`)."""

    def make() -> Executor:
        from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor  # (multiprocessing: when used)

        if jobs <= 1:
            return ThreadPoolExecutor(max_workers=1)
        return ProcessPoolExecutor(max_workers=jobs, initializer=_worker, initargs=(os.getpid(),))

    return Deferred(make)


class Deferred(Executor):
    """An executor made when the first task is submitted to it: a batch with nothing to build neither imports
    multiprocessing nor starts a worker (with Pillow left unloaded too, about 0.1 s of the 0.8 s it took)."""

    def __init__(self, make: Callable[[], Executor]) -> None:
        self._make = make
        self._made: Executor | None = None

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        if self._made is None:
            self._made = self._make()
        return self._made.submit(fn, *args, **kwargs)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        if self._made is not None:
            self._made.shutdown(wait=wait, cancel_futures=cancel_futures)


def run(
    editions: Editions,
    executor: Executor,
    force: bool,
    progress: Callable[[Outcome], None] = lambda o: None,
    loaded: Loaded | None = None,
    kits: Kits | None = None,
) -> list[Outcome]:
    """Every edition, each task run by the executor (local(jobs), or a cluster's: brochure/cluster.py), which this
    shuts down; each PDF written here as its task ends. An edition the last run made, and whose stamp, output
    and file are as it left them, is settled here: a worker gets only what must be built (none when nothing
    changed, so none starts). The outcomes in the editions' order. `loaded`, `kits`: the content files and kits
    as read_contents and read_kits read them, if the caller has them already."""
    last = read_manifest(editions)
    previous = {} if force else last
    loaded = read_contents(editions) if loaded is None else loaded
    kits = read_kits(editions) if kits is None else kits
    work = tasks(editions, previous, loaded, kits)
    names = {path: (kit[0], kit[1]) if kit is not None else None for path, kit in kits.items()}
    base = editions.path.parent
    outcomes: dict[int, list[Outcome]] = {}
    asked: dict[int, Task] = {}  # what is left of each task for a worker
    pending: dict[Future[list[Made]], tuple[int, Task]] = {}
    count = _expected_names(work, names, loaded)
    told = progress
    progress = lambda o: told(_distinct_one(o, count))  # noqa: E731
    try:
        for i, task in enumerate(work):
            outcomes[i], asked[i] = settle(task, names.get(kit_identity(task.kit)), loaded.get(task.content.resolve()))
            for o in outcomes[i]:
                progress(o)
        parts = [(i, part) for i, task in asked.items() for part in _parts(task)]
        if parts:  # (loaded here, before a worker starts: the workers this process forks start with it loaded)
            load_api()
        cost = [_cost(t, names.get(kit_identity(t.kit)), loaded.get(t.content.resolve()), last) for _, t in parts]
        for n in sorted(range(len(parts)), key=lambda n: -cost[n]):  # the longest first
            pending[executor.submit(run_task, parts[n][1])] = parts[n]
        for future in as_completed(list(pending)):
            i, part = pending.pop(future)
            made = [keep(m, base) for m in _answer(future, part)]
            outcomes[i] += made  # (before they are told: a stop while they are is recorded with them)
            for o in made:
                progress(o)
        for i, task in enumerate(work):
            by_stamp = {o.stamp: o for o in outcomes[i]}
            outcomes[i] = [by_stamp[job.stamp] for job in task.jobs]  # (in the editions' order)
    except BaseException:  # Ctrl-C, a signal: nothing queued starts; what the tasks running make is written whole
        for future in pending:
            future.cancel()
        executor.shutdown(wait=True)
        for future in pending:
            if future.done() and not future.cancelled() and future.exception() is None:
                for answer in future.result():
                    outcomes.setdefault(-1, []).append(keep(answer, base))
        _record_stopped(editions, [o for made in outcomes.values() for o in made if o.status != "failed"])
        raise
    executor.shutdown()
    return [_distinct_one(o, count) for i in sorted(outcomes) for o in outcomes[i]]  # (named as the lines were)


def _record_stopped(editions: Editions, done: list[Outcome]) -> None:
    """A run stopped before its end (Ctrl-C, a signal): the manifest of the editions finished, and the last run's
    entries of the others, so that the next run builds only what is left (332 PDFs written, and no manifest: the
    next run built them all again). Nothing is said now of outputs no longer editions: a finished edition's last
    output, if it was written elsewhere, is kept in the manifest's list (`kept_for_failed`), so that the next run
    lists it. A manifest that cannot be written is left as it was."""
    last, kept = _last_run(editions)
    names, made = {o.edition for o in done}, {o.output for o in done}
    moved = [e for n, e in last.items() if n in names and e.get("output") not in made and "output" in e]
    kept = kept + [{"edition": e.get("edition"), "output": e["output"], "inputs": e.get("inputs")} for e in moved]
    with contextlib.suppress(OSError, Refused):
        _write_manifest(editions, [o.report() for o in done] + [e for n, e in last.items() if n not in names], kept)


def _distinct_one(o: Outcome, count: Counter[str]) -> Outcome:
    """An outcome, a failed edition named like another (its words declare the language of another file of the
    kit's, or none that can be read) with its words' file beside its language: one name, one edition in the
    manifest and on the contact sheet (it took the other's place, which was then built again on every run).
    `count`: how many editions have each name (_expected_names)."""
    if o.status == "failed" and count[o.edition] > 1 and o.inputs and o.edition.count("/") >= 2:
        brand, language, rest = o.edition.split("/", 2)
        words = o.inputs[0][0].replace("/", "\u2215")  # (its path from editions.yaml, a slash that divides
        # no name: two broken es.yaml in two folders are two editions)
        return replace(o, edition=f"{brand}/{language} ({words})/{rest}")
    return o


def _expected_names(work: list[Task], names: dict[Path, tuple[str, PaperName] | None], loaded: Loaded) -> Counter[str]:
    """How many editions will have each name, known before any is built (so that the progress lines name a failed
    edition as the summary does)."""
    count: Counter[str] = Counter()
    for task in work:
        kit, words = names.get(kit_identity(task.kit)), loaded.get(task.content.resolve())
        for job in task.jobs:
            count[_named(task, job, kit, words.language)[0] if kit and words else _failed_name(task, job)] += 1
    return count


def _parts(task: Task) -> list[Task]:
    """A task's editions to build, a part for each layout: parts of about the same size, which the workers share
    out evenly (a batch does not end with one worker building a whole task alone while the other waits). A
    worker reads a task's inputs once for all the parts it gets (_sources)."""
    layouts = dict.fromkeys(job.layout for job in task.jobs)
    return [replace(task, jobs=tuple(job for job in task.jobs if job.layout == layout)) for layout in layouts]


def settle(task: Task, kit: tuple[str, PaperName] | None, words: Content | None) -> tuple[list[Outcome], Task]:
    """The task's editions that stand as the last run made them (stamp and output the same, the file in place:
    `Task.known`), as outcomes, and the task with the rest of its editions. Nothing is settled for a kit or
    content file with errors, nor for one that can no longer be read: a worker reports them."""
    if not task.known or kit is None or words is None:
        return [], task
    inputs = _inputs(task)
    if not all(sha for _, sha in inputs):
        return [], task
    known = {k.stamp: k for k in task.known}
    done: list[Outcome] = []
    rest: list[Job] = []
    for job in task.jobs:
        name, output = _named(task, job, kit, words.language)
        was = known.get(job.stamp)
        if was is not None and was.output == output:
            done.append(_unchanged(name, output, job, was, inputs))
        else:
            rest.append(job)
    return done, replace(task, jobs=tuple(rest))


# An edition's seconds when the last run did not time it: a tri-fold's, and the others' relative to it, measured
# over the shipped group (docs/performance.md, "A batch's editions"); a right-to-left language costs more.
_EDITION_SECONDS = 0.18
_LAYOUT_COST: dict[LayoutName, float] = {"trifold": 1.0, "bifold": 0.8, "flyer": 0.8, "large-print": 1.3}
_RTL_COST = 1.6


def _cost(task: Task, kit: tuple[str, PaperName] | None, words: Content | None, last: Entries) -> float:
    """How long a task's editions take, to hand the longest to workers first (so that the batch does not end
    waiting for one worker's last long task): each edition's seconds as the last run recorded them when it built
    it, else an estimate by its layout and the language's direction."""
    if kit is None or words is None:
        return 0.0  # (its editions fail at once)
    rtl = _RTL_COST if direction(words.language) == "rtl" else 1.0
    total = 0.0
    for job in task.jobs:
        was = last.get(_named(task, job, kit, words.language)[0], {})
        seconds = was.get("seconds")
        if was.get("status") == "built" and isinstance(seconds, float) and 0 < seconds < 3600:
            total += seconds
        else:
            total += _EDITION_SECONDS * _LAYOUT_COST.get(job.layout, 1.0) * rtl
    return total


def _named(task: Task, job: Job, kit: tuple[str, PaperName], language: str) -> tuple[str, str]:
    """An edition's name (brand/language/layout/paper/target) and its output's path."""
    values = {"brand": kit[0], "language": language.lower(), "layout": job.layout, "paper": job.paper or kit[1],
              "target": job.target}  # fmt: skip
    return "/".join(values[k] for k in ("brand", "language", "layout", "paper", "target")), task.output.format(**values)


def _unchanged(name: str, output: str, job: Job, was: Known, inputs: tuple[tuple[str, str], ...]) -> Outcome:
    return Outcome(
        name,
        output,
        "unchanged",
        0.0,
        job.stamp,
        was.findings,
        was.sha256,
        was.pages,
        was.size,
        inputs,
        was.thumbs,
        was.thumbs_sha256,
    )


def _worker(parent: int) -> None:
    """A worker leaves Ctrl-C to the batch's process, which stops the queue; it ends the task it is on. SIGTERM
    ends it at once (the command line's handler, inherited, waited for a main loop a worker does not run), and so
    does its batch's end however it came: a worker whose parent is gone (a batch killed outright) exits within a
    second rather than wait for tasks for ever. Its cycle collector is set for many builds (brochure/collector.py),
    once for its life. `parent`: the batch's process id, taken before the worker was started (a batch killed
    between the fork and this left a worker that took its new parent, init, for its batch and waited for ever).
    A worker the batch forked watches its parent change; one another process started (a fork server, Python 3.14's
    way on Linux) watches the batch's process live."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
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


def _answer(future: Future[list[Made]], task: Task) -> list[Made]:
    """What a task's worker sent back; a worker that was lost, or could not run the task, fails its editions."""
    try:
        return future.result()
    except Exception as exc:  # a worker process that died; on a cluster, a worker without brochure, a lost one
        what = f"{type(exc).__name__}: {' '.join(str(exc).split())[:200]}"
        return _all_failed(
            task, f"the worker building it stopped: {what} (every worker needs brochure and its packages installed)"
        )


def keep(made: Made, base: Path) -> Outcome:
    """Write a built edition's page pictures, then its PDF (base: editions.yaml's folder), each atomically; a
    picture or PDF that cannot be written where it goes is that edition's failure, its last PDF left as it was."""
    o = made.outcome
    if o.status != "built":
        return o
    path = base / o.output
    written = path
    try:
        for rel, png in zip(o.thumbs, made.pictures, strict=True):  # (the PDF last: if a picture cannot be
            written = base / rel  # written, the edition fails and its last PDF is left as it was)
            write_atomic(written, png, PNG)
        written = path
        write_atomic(path, made.pdf, PDF)
    except OSError as exc:  # a folder or a file of another kind there, a full disk, no permission
        blocked = in_the_way(written)
        if blocked is not None:
            why = f"{blocked} is a file, where the output pattern puts a folder"
            hint = "move the file away, or change 'output:' in editions.yaml"
        elif isinstance(exc, Refused):  # (a file the batch did not write is in the way: it is left as it is)
            why, hint = str(exc), "move that file away, or change 'output:' in editions.yaml"
        else:
            why, hint = str(exc), "check the folder is writable and the disk has room"
        why = f"{why} (hint: {hint})"
        failed = (*o.findings, f"{path}: error: {why}")
        return replace(o, status="failed", findings=failed, sha256="", pages=0, size=0, thumbs=(), thumbs_sha256=())
    return o


def run_task(task: Task) -> list[Made]:
    """(In a worker.) Build a task's editions; read the inputs, write nothing. A bug while building is that task's
    editions' failure, not the whole run's."""
    try:
        if task.tool and task.tool != tool():
            return _all_failed(
                task,
                f"this worker has {tool()}, the batch {task.tool}: install the same versions of brochure and its "
                "packages on every machine (pip install -r requirements.txt)",
            )
        return list(_run_task(task))
    except Exception as exc:
        what = f"{type(exc).__name__}: {' '.join(str(exc).split())[:200]}"
        return _all_failed(task, f"internal error: {what} (please report it with the inputs)")


def _all_failed(task: Task, message: str) -> list[Made]:
    """Every edition of the task failed, for one reason."""
    return [
        Made(
            Outcome(
                _failed_name(task, job),
                "",
                "failed",
                0.0,
                job.stamp,
                (f"{task.content}: error: {message}",),
                inputs=_inputs(task),  # (so its last output is not taken for one of an edition no longer named)
            )
        )
        for job in task.jobs
    ]


def _run_task(task: Task) -> Iterator[Made]:
    t0 = time.perf_counter()
    content, kit = _here(task, task.content), _here(task, task.kit)
    source = _here(task, task.source) if task.source is not None else None
    if task.kit_hash and task.words_hash:
        src, found = _sources_kept(content, source, kit, task.kit_hash, task.words_hash)
    else:
        src, found = _sources(content, source, kit, task.kit_hash)
    diags = [_as_given(d, task.root) for d in found]
    inputs = _inputs(task)
    load_s = time.perf_counter() - t0
    known = {k.stamp: k for k in task.known}
    for job in task.jobs:
        t = time.perf_counter()
        if src is None or any(d.is_error for d in diags):
            name = _failed_name(task, job)
            yield Made(Outcome(name, "", "failed", load_s, job.stamp, tuple(d.format() for d in diags), inputs=inputs))
        else:
            made = _edition(task, job, src, diags, known, inputs)
            yield replace(made, outcome=replace(made.outcome, seconds=round(time.perf_counter() - t, 3)))


def _sources(content: Path, source: Path | None, kit: Path, kit_hash: str) -> tuple[api.Sources | None, Findings]:
    """A task's content file read with its kit, and what reading them found (a translation checked against its
    source too)."""
    from brochure import api  # (a worker's: the batch's process loads it only when something is to be built)

    src, diags = api.load_with(content, _kit(kit, kit_hash))
    if src is not None and source is not None:
        diags += api.check_translation(source, src.content)
    return src, tuple(diags)


@lru_cache(maxsize=SOURCES_KEPT)
def _sources_kept(
    content: Path, source: Path | None, kit: Path, kit_hash: str, words_hash: str
) -> tuple[api.Sources | None, Findings]:
    """_sources, read once per worker for all the parts of a task it gets, by the hashes of the files (a build
    never changes what it is given: the words, brand and fonts are frozen)."""
    return _sources(content, source, kit, kit_hash)


def _kit(path: Path, digest: str) -> api.Kit:
    """A kit read, with its fonts and logo: read once per worker for all its tasks when the batch gave the hash of
    its files (the Clearwater kit, named with five content files, took 13-25 ms to read each time)."""
    from brochure import api

    return _kit_read(path, digest) if digest else api.load_kit(path)


@lru_cache(maxsize=KITS_KEPT)
def _kit_read(path: Path, digest: str) -> api.Kit:
    """(The kit is never changed by a build: its brand and fonts are frozen, and a caller adds to its own list of
    findings, never to the kit's.)"""
    from brochure import api

    return api.load_kit(path)


def _inputs(task: Task) -> tuple[tuple[str, str], ...]:
    """The task's content file, kit, source and the other files its editions are made of (`Task.others`), each by
    its path relative to editions.yaml's folder (as the
    outputs are, whatever folder the batch is run from) with the SHA-256 of its bytes ('' when it cannot be read,
    as when another program removed it while the batch ran: its loader says where and why)."""
    files = (task.content, task.kit, *((task.source,) if task.source else ()), *task.others)
    out = []
    for path in files:
        name = Path(os.path.relpath(_here(task, path), _here(task, task.base))).as_posix()
        data, _ = read_bytes(_here(task, path), KIT_FILE_BYTES)
        out.append((name, "" if data is None else _digest(data)))
    return tuple(out)


def _here(task: Task, path: Path) -> Path:
    """A path of the batch's as this worker reaches it (the same path on every machine)."""
    return Path(task.root) / path if task.root else path


def _as_given(d: Diagnostic, root: str) -> Diagnostic:
    """A finding with the paths as the batch was given them (relative to its working folder, not a worker's)."""
    if not root:
        return d
    prefix = root.rstrip(os.sep) + os.sep
    file = d.location.file.removeprefix(prefix)
    message, hint = d.message.replace(prefix, ""), d.hint.replace(prefix, "")
    return replace(d, location=replace(d.location, file=file), message=message, hint=hint)


def _failed_name(task: Task, job: Job) -> str:
    """A failed edition's name: its clinic's id when the kit can be read (so the contact sheet shows it with the
    clinic's others: its logo's artwork is not read, so a kit whose logo alone is broken keeps its name), the
    language its words declare when that can be read (else the content file's name: a Polish file named es.yaml
    took the Spanish edition's name, and its place in the manifest)."""
    try:
        brand, _ = load_brand(_here(task, task.kit), logo=False)
        language = declared_language(_here(task, task.content)) or task.content.stem
    except Exception:  # (a bug, or files this machine cannot see: the edition is named by the kit's folder)
        brand, language = None, task.content.stem
    kit = Path(os.path.relpath(_here(task, task.kit), _here(task, task.base)))  # (as editions.yaml names it,
    # whatever folder the batch runs from)
    who = brand.id if brand is not None else kit.parent.name or kit.stem
    paper = job.paper or (brand.paper if brand is not None else "kit")
    return f"{who}/{language.lower()}/{job.layout}/{paper}/{job.target}"


def _edition(
    task: Task,
    job: Job,
    src: api.Sources,
    load_diags: list[Diagnostic],
    known: dict[str, Known],
    inputs: tuple[tuple[str, str], ...],
) -> Made:
    name, output = _named(task, job, (src.brand.id, src.brand.paper), src.content.language)
    was = known.get(job.stamp)
    if was is not None and was.output == output:  # (its file checked where the outputs are: _present)
        return Made(_unchanged(name, output, job, was, inputs))
    from brochure import api

    options = api.Options(layout=job.layout, paper=job.paper, target=job.target)
    result = api.build(src, options, {"SOURCE_DATE_EPOCH": task.epoch})
    findings = tuple(_as_given(d, task.root).format() for d in [*load_diags, *result.diagnostics])
    if not result.ok or result.pdf is None:
        return Made(Outcome(name, output, "failed", 0.0, job.stamp, findings, inputs=inputs))
    beside = os.path.relpath(output, Path(task.thumbs).parent)  # the output's path inside the manifest's folder
    stem = f"{task.thumbs}/{beside.removesuffix('.pdf')}"
    from brochure.output.preview import page_images  # (a worker's)

    pictures = tuple(page_images(result.pdf, THUMB_DPI))
    thumbs = tuple(f"{stem}-p{i}.png" for i in range(1, len(pictures) + 1))
    sha, size = _digest(result.pdf), len(result.pdf)
    shas = tuple(_digest(png) for png in pictures)
    outcome = Outcome(name, output, "built", 0.0, job.stamp, findings, sha, result.pages, size, inputs, thumbs, shas)
    return Made(outcome, result.pdf, pictures)


def write_index(editions: Editions, outcomes: list[Outcome]) -> Path:
    """out/index.html, the contact sheet of these outcomes (output/contact_sheet.py), beside the manifest."""
    from brochure.output.contact_sheet import write_contact_sheet

    return write_contact_sheet(manifest_path(editions).parent / INDEX, editions.path.parent, outcomes)


def manifest_path(editions: Editions) -> Path:
    """Beside the outputs: in the fixed folder the output pattern starts with (out/ for the default)."""
    fixed = editions.output.split("{", 1)[0]
    folder = Path(fixed).parent if not fixed.endswith("/") else Path(fixed)
    return editions.path.parent / folder / MANIFEST


def read_manifest(editions: Editions) -> Entries:
    """The last run's editions by name ({} when there is none, or it cannot be read: every edition is built)."""
    editions_, _ = _last_run(editions)
    return editions_


def _last_run(editions: Editions) -> tuple[Entries, list[dict[str, object]]]:
    """The last manifest's editions by name, and the earlier PDFs it records as kept for editions that failed."""
    data = _manifest(editions)
    try:
        entries = {str(e["edition"]): e for e in data["editions"] if isinstance(e, dict) and "edition" in e}
        kept = data.get("kept_for_failed", [])
        return entries, [e for e in kept if isinstance(e, dict)] if isinstance(kept, list) else []
    except (KeyError, TypeError):
        return {}, []


def _manifest(editions: Editions) -> dict[str, Any]:
    """The last manifest as written ({} when there is none, or it cannot be read or is no JSON object)."""
    path = manifest_path(editions)
    try:
        if path.stat().st_size > MANIFEST_BYTES:
            return {}
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return {}
    return data if isinstance(data, dict) else {}


def shared_outputs(editions: Editions) -> list[Diagnostic]:
    """An error when the manifest where this file's outputs go was written by another editions file that is still
    there: the two would build every edition again on each run, list each other's PDFs as no longer editions,
    and leave the contact sheet of whichever ran last. (A manifest naming a file that is gone, as when
    editions.yaml was renamed, is taken over.)"""
    path = manifest_path(editions)
    owner = _manifest(editions).get("editions_file")
    if not isinstance(owner, str) or not owner.isprintable() or not owner.endswith((".yaml", ".yml")):
        return []
    other = (path.parent / owner).resolve()
    if other.parent not in (path.parent.resolve(), *path.parent.resolve().parents):  # (where an editions file
        return []  # writing into this folder can be; nothing else is looked at)
    if not other.is_file() or same_file(other, editions.path):
        return []
    folder = path.parent.relative_to(editions.path.parent).as_posix()
    shown = Path(os.path.relpath(other, editions.path.parent.resolve())).as_posix()
    return [
        error(
            editions.output_at or Location(str(editions.path), 1, 1),  # (no 'output:': the default's folder)
            f"the outputs go to {folder}/, where the editions of {shown} are: each run would build every edition "
            f"again and list the other file's PDFs as no longer editions",
            f"give each editions file its own folder in 'output:' (e.g. 'out-{editions.path.stem}/{{brand}}/"
            f"{{language}}/{{layout}}-{{paper}}-{{target}}.pdf'), or delete {folder}/{MANIFEST} if {shown} is no "
            "longer used",
        )
    ]


def _known(entry: dict[str, object]) -> Known | None:
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


def write_manifest(editions: Editions, outcomes: list[Outcome]) -> tuple[Path, list[str]]:
    """The manifest of this run; and the outputs of the last run that are no longer editions (left in place)."""
    previous, kept = _last_run(editions)
    gone, held = _gone([*previous.values(), *kept], outcomes)
    gone = [o for o in gone if os.path.isfile(editions.path.parent / o)]  # (left in place: a file there; a name
    # the system refuses, too long or unreadable, is none)
    return _write_manifest(editions, [o.report() for o in outcomes], held), gone


def _write_manifest(editions: Editions, entries: list[dict[str, object]], held: list[dict[str, object]]) -> Path:
    """The manifest, written whole: the tool, the editions file, an entry per edition, the PDFs kept for failed ones."""
    path = manifest_path(editions)
    data = {
        "tool": f"brochure {__version__}",
        "editions_file": Path(os.path.relpath(editions.path, path.parent)).as_posix(),
        "editions": entries,
        "kept_for_failed": held,
    }
    write_atomic(path, json.dumps(data, indent=2, ensure_ascii=False).encode("utf-8"), BATCH_MANIFEST)
    return path


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


def _pictures(words: Content | None) -> list[Path]:
    """The picture files a content file shows (a changed photo changes its editions)."""
    if words is None:
        return []
    return [b.src.source for s in words.sections for b in s.blocks if isinstance(b, Image)]


def _kit_digest(brand: Brand) -> str:
    """Every file the kit is read from (kit_files: the brand file, its logo, font files and colour profile),
    each by its path in the kit's folder; '' when one can no longer be read. Nothing else in the folder counts:
    the batch's outputs, a report or notes written beside the brand file, another kit inside its folder."""
    here = brand.path.parent.resolve()
    parts = []
    for path in sorted({p.resolve() for _, p in kit_files(brand)}):
        name = path.relative_to(here).as_posix() if here in path.parents else path.as_posix()
        data, _ = read_bytes(path, KIT_FILE_BYTES)  # (a pipe is never waited on, nor a huge file read)
        if data is None:
            return ""
        parts.append(name.encode() + b"\0" + data)
    return _digest(b"\0".join(parts))


def _files_digest(paths: Sequence[Path]) -> str:
    """The files' bytes, each after its place in the list and its length: bytes moved from the end of one file to
    the start of the next make another digest."""
    return _digest(
        b"".join(b"%d\0%d\0" % (i, len(data)) + data for i, data in enumerate(p.read_bytes() for p in paths))
    )


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
