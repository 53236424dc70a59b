"""Editions (editions.yaml) -> every edition built in worker processes, skipped when nothing it depends on changed.

Each task is one brand kit with one content file and all the editions made of them: a worker loads and checks
the inputs once (fonts, logo, the translation against its source) and builds each edition, writing its PDF
atomically. An edition's stamp is a hash of everything it depends on (the tool's version, the installed font
packages, its content file and source, every file of its brand kit, its layout, paper and target); an edition
whose stamp and output are as the last manifest recorded is not built again. A failure is one edition's outcome:
it never stops the others.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import signal
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field
from pathlib import Path

import fontpkg

from brochure import __version__, api
from brochure.diagnostics import Diagnostic, error
from brochure.inputs.blocks import Image
from brochure.inputs.brand import load_brand
from brochure.inputs.content import Content, load_content
from brochure.inputs.editions import Editions, Group
from brochure.output.files import HTML, JSON, PDF, PNG, Refused, write_atomic
from brochure.output.preview import page_images
from brochure.vocabulary import LayoutName, PaperName, Target

MANIFEST = "manifest.json"
MANIFEST_BYTES = 50 * 2**20  # a manifest larger than this is not ours: every edition is built again
INDEX = "index.html"
THUMBS = "thumbs"
THUMB_DPI = 24.0  # a page 200-280 pixels tall


@dataclass(frozen=True)
class Job:
    """One edition to make: which layout, paper (None: the brand's) and target, and its stamp."""

    layout: LayoutName
    paper: PaperName | None
    target: Target
    stamp: str


@dataclass(frozen=True)
class Known:
    """An edition the last manifest records as made: if its stamp and file are the same, it is not made again."""

    stamp: str
    output: str
    sha256: str
    pages: int
    thumbs: tuple[str, ...]
    findings: tuple[str, ...]  # its warnings, reported again for it


@dataclass(frozen=True)
class Task:
    """What one worker does in one go: one kit and one content file, all their editions."""

    kit: Path
    content: Path
    source: Path | None
    base: Path  # editions.yaml's folder: outputs are relative to it
    output: str  # the pattern
    jobs: tuple[Job, ...]
    known: tuple[Known, ...] = ()  # what the last run made
    thumbs: str = ""  # the folder of the page pictures, relative to editions.yaml's folder


@dataclass(frozen=True)
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
    inputs: tuple[tuple[str, str], ...] = field(default_factory=tuple)  # file -> sha256
    thumbs: tuple[str, ...] = ()  # a small picture of each page, relative to editions.yaml's folder

    def report(self) -> dict[str, object]:
        """As the manifest and --json write it."""
        return {**asdict(self), "inputs": dict(self.inputs), "findings": list(self.findings), "first": self.first}

    @property
    def first(self) -> str:
        return next((f for f in self.findings if ": error: " in f), self.findings[0] if self.findings else "")


Loaded = dict[Path, "Content | None"]  # each content file the editions name, read once (None: it has errors)


def read_contents(editions: Editions) -> Loaded:
    """Every content file the editions name, read once in this process (for the clash check and the stamps)."""
    loaded: Loaded = {}
    for group in editions.groups:
        for content in group.contents:
            if content.resolve() not in loaded:
                loaded[content.resolve()] = load_content(content)[0]
    return loaded


def collisions(editions: Editions, loaded: Loaded) -> list[Diagnostic]:
    """Editions that would be written to one file: a kit and content file named twice, two kits with one id, two
    content files in one language. One error per content file named, where it is named."""
    seen: dict[str, str] = {}
    found: list[Diagnostic] = []
    pairs: set[tuple[Path, Path]] = set()
    for group in editions.groups:
        brand, _ = load_brand(group.kit)
        for content, at in zip(group.contents, group.content_at, strict=True):
            pair = (group.kit.resolve(), content.resolve())
            if pair in pairs:
                found.append(error(at, f"'{content.name}' is named twice for the kit {group.kit}", _TWICE))
                continue
            pairs.add(pair)
            words = loaded.get(content.resolve())
            if brand is None or words is None:
                continue  # (its editions fail, each with the reason)
            who = f"{group.kit} with {content}"
            language = words.language.lower()
            outputs = [
                editions.output.format(brand=brand.id, language=language, layout=lo, paper=pa, target=ta)
                for lo in group.layouts
                for pa in group.papers or (brand.paper,)
                for ta in group.targets
            ]
            clash = next((o for o in outputs if seen.get(o, who) != who), None)
            if clash is not None:
                found.append(error(at, f"two editions would be written to {clash}: {seen[clash]}, and {who}", _TWICE))
                continue
            seen.update(dict.fromkeys(outputs, who))
    return found


_TWICE = "give the kits different ids, and each brand one content file per language, named once"


def tasks(editions: Editions, previous: dict[str, dict[str, object]], loaded: Loaded) -> list[Task]:
    """The work, grouped by kit and content file, each edition stamped with what it depends on."""
    fonts = _digest(json.dumps(sorted((s, fontpkg.family(s).version) for s in fontpkg.families())).encode())
    known = tuple(k for k in (_known(e) for e in previous.values()) if k is not None)
    thumbs = (manifest_path(editions).parent / THUMBS).relative_to(editions.path.parent).as_posix()
    out: list[Task] = []
    for group in editions.groups:
        kit = _kit_digest(group, manifest_path(editions).parent)
        for content in group.contents:
            same = editions.source is not None and editions.source.resolve() == content.resolve()
            source = None if same else editions.source
            inputs = (content, *((source,) if source else ()), *_pictures(loaded.get(content.resolve())))
            words = _digest(b"".join(p.read_bytes() for p in inputs))
            jobs = tuple(
                Job(
                    layout,
                    paper,
                    target,
                    _digest(f"{__version__}|{fonts}|{kit}|{words}|{layout}|{paper}|{target}".encode()),
                )
                for layout in group.layouts
                for paper in (group.papers or (None,))
                for target in group.targets
            )
            out.append(Task(group.kit, content, source, editions.path.parent, editions.output, jobs, known, thumbs))
    return out


def count(editions: Editions) -> int:
    """How many editions the file names (a brand's own paper counts once)."""
    return sum(len(g.contents) * len(g.layouts) * max(1, len(g.papers)) * len(g.targets) for g in editions.groups)


def run(
    editions: Editions,
    jobs: int,
    force: bool,
    progress: Callable[[Outcome], None] = lambda o: None,
    loaded: Loaded | None = None,
) -> list[Outcome]:
    """Every edition, in `jobs` worker processes (1: in this process); the outcomes in the editions' order.
    `loaded`: the content files as read_contents read them, if the caller has them already."""
    previous = {} if force else read_manifest(editions)
    work = tasks(editions, previous, read_contents(editions) if loaded is None else loaded)
    outcomes: dict[int, list[Outcome]] = {}
    if jobs <= 1:
        for i, task in enumerate(work):
            outcomes[i] = run_task(task)
            for o in outcomes[i]:
                progress(o)
    else:
        pool = ProcessPoolExecutor(max_workers=jobs, initializer=_worker)
        try:
            futures = {pool.submit(run_task, task): i for i, task in enumerate(work)}
            for future in as_completed(futures):
                outcomes[futures[future]] = future.result()
                for o in outcomes[futures[future]]:
                    progress(o)
        except BaseException:  # Ctrl-C, a signal: nothing queued starts; the tasks running end (atomic writes)
            pool.shutdown(wait=True, cancel_futures=True)
            raise
        pool.shutdown()
    return [o for i in sorted(outcomes) for o in outcomes[i]]


def _worker() -> None:
    """A worker leaves Ctrl-C to the batch's process, which stops the queue; it ends the task it is on."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def run_task(task: Task) -> list[Outcome]:
    """(In a worker process.) A bug while building is that task's editions' failure, not the whole run's."""
    try:
        return list(_run_task(task, lambda o: None))
    except Exception as exc:
        what = f"{type(exc).__name__}: {' '.join(str(exc).split())[:200]}"
        return [
            Outcome(f"{task.kit}|{task.content}|{job.layout}|{job.target}", "", "failed", 0.0, job.stamp,
                    (f"{task.content}: error: internal error: {what} (please report it with the inputs)",))
            for job in task.jobs
        ]  # fmt: skip


def _run_task(task: Task, progress: Callable[[Outcome], None]) -> Iterator[Outcome]:
    t0 = time.perf_counter()
    src, diags = api.load(task.content, task.kit)
    if src is not None and task.source is not None:
        diags += api.check_translation(task.source, src.content)
    files = (task.content, task.kit, *((task.source,) if task.source else ()))
    inputs = tuple((str(p), _digest(p.read_bytes())) for p in files)
    load_s = time.perf_counter() - t0
    known = {k.stamp: k for k in task.known}
    for job in task.jobs:
        t = time.perf_counter()
        options = api.Options(layout=job.layout, paper=job.paper, target=job.target)
        if src is None or any(d.is_error for d in diags):
            name = f"{task.kit.parent.name}/{task.content.stem}/{job.layout}/{job.paper or 'kit'}/{job.target}"
            outcome = Outcome(name, "", "failed", load_s, job.stamp, tuple(d.format() for d in diags), inputs=inputs)
        else:
            outcome = _edition(task, job, src, options, diags, known, inputs)
            outcome = Outcome(**{**asdict(outcome), "seconds": round(time.perf_counter() - t, 3)})
        progress(outcome)
        yield outcome


def _edition(
    task: Task,
    job: Job,
    src: api.Sources,
    options: api.Options,
    load_diags: list[Diagnostic],
    known: dict[str, Known],
    inputs: tuple[tuple[str, str], ...],
) -> Outcome:
    paper = job.paper or src.brand.paper
    values = {"brand": src.brand.id, "language": src.content.language.lower(), "layout": job.layout, "paper": paper,
              "target": job.target}  # fmt: skip
    output = task.output.format(**values)
    name = "/".join(values[k] for k in ("brand", "language", "layout", "paper", "target"))
    path = task.base / output
    was = known.get(job.stamp)
    if was is not None and was.output == output and path.is_file() and _digest(path.read_bytes()) == was.sha256:
        size = path.stat().st_size
        return Outcome(
            name, output, "unchanged", 0.0, job.stamp, was.findings, was.sha256, was.pages, size, inputs, was.thumbs
        )
    result = api.build(src, options)
    findings = tuple(d.format() for d in [*load_diags, *result.diagnostics])
    if not result.ok or result.pdf is None:
        return Outcome(name, output, "failed", 0.0, job.stamp, findings, inputs=inputs)
    try:
        write_atomic(path, result.pdf, PDF)
    except (OSError, Refused) as exc:  # a folder or a file of another kind there, a full disk, no permission
        return Outcome(name, output, "failed", 0.0, job.stamp, (*findings, f"{path}: error: {exc}"), inputs=inputs)
    sha = _digest(result.pdf)
    beside = os.path.relpath(output, Path(task.thumbs).parent)  # the output's path inside the manifest's folder
    thumbs = _thumbnails(result.pdf, task.base, f"{task.thumbs}/{beside.removesuffix('.pdf')}")
    return Outcome(name, output, "built", 0.0, job.stamp, findings, sha, result.pages, len(result.pdf), inputs, thumbs)


def _thumbnails(pdf: bytes, base: Path, stem: str) -> tuple[str, ...]:
    """A small picture of each page for the contact sheet (stem-p1.png, ...), written atomically."""
    out = []
    for i, png in enumerate(page_images(pdf, THUMB_DPI), 1):
        write_atomic(base / f"{stem}-p{i}.png", png, PNG)
        out.append(f"{stem}-p{i}.png")
    return tuple(out)


def write_index(editions: Editions, outcomes: list[Outcome]) -> Path:
    """out/index.html: every page of every edition, by clinic and language; failures in red with their
    messages. Offline: the pictures are files beside it, nothing is fetched."""
    folder = manifest_path(editions).parent
    base = editions.path.parent
    groups: dict[str, list[Outcome]] = {}
    for o in outcomes:
        groups.setdefault("/".join(o.edition.split("/")[:2]), []).append(o)
    parts = [_INDEX_HEAD]
    for group, items in groups.items():
        parts.append(f"<h2>{html.escape(group)}</h2>")
        for o in items:
            rel = [os.path.relpath(base / t, folder) for t in o.thumbs]
            pages = "".join(f'<img src="{html.escape(r)}" alt="page {i}">' for i, r in enumerate(rel, 1))
            link = html.escape(os.path.relpath(base / o.output, folder)) if o.output else ""
            title = (
                f'<a href="{link}">{html.escape(o.edition)}</a>'
                if link and o.status != "failed"
                else html.escape(o.edition)
            )
            notes = "".join(f"<li>{html.escape(f)}</li>" for f in o.findings if ": error: " in f)
            parts.append(
                f'<section class="{o.status}"><h3>{title} <small>{o.status}</small></h3>'
                f"<div>{pages}</div>{f'<ul>{notes}</ul>' if notes else ''}</section>"
            )
    parts.append("</body></html>")
    path = folder / INDEX
    write_atomic(path, "\n".join(parts).encode("utf-8"), HTML)
    return path


_INDEX_HEAD = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Every edition</title><style>
body{font-family:sans-serif;margin:2em;color:#222} h2{margin-top:2em;border-bottom:1px solid #ccc}
section{margin:1em 0} section div{display:flex;gap:8px;flex-wrap:wrap} img{border:1px solid #bbb;height:160px}
section.failed h3,section.failed li{color:#b00020} small{color:#777;font-weight:normal}
</style></head><body><h1>Every edition</h1>"""


def manifest_path(editions: Editions) -> Path:
    """Beside the outputs: in the fixed folder the output pattern starts with (out/ for the default)."""
    fixed = editions.output.split("{", 1)[0]
    folder = Path(fixed).parent if not fixed.endswith("/") else Path(fixed)
    return editions.path.parent / folder / MANIFEST


def read_manifest(editions: Editions) -> dict[str, dict[str, object]]:
    """The last run's editions by name ({} when there is none, or it cannot be read: every edition is built)."""
    path = manifest_path(editions)
    try:
        if path.stat().st_size > MANIFEST_BYTES:
            return {}
        data = json.loads(path.read_text(encoding="utf-8"))
        return {str(e["edition"]): e for e in data["editions"] if isinstance(e, dict) and "edition" in e}
    except (OSError, ValueError, KeyError, TypeError, RecursionError):
        return {}


def _known(entry: dict[str, object]) -> Known | None:
    """A made edition the last manifest records, if the entry is well formed (else it is made again)."""
    stamp, output, sha, pages, thumbs, findings = (
        entry.get(k) for k in ("stamp", "output", "sha256", "pages", "thumbs", "findings")
    )
    if entry.get("status") not in ("built", "unchanged") or not all(isinstance(v, str) for v in (stamp, output, sha)):
        return None
    if not isinstance(pages, int) or isinstance(pages, bool):
        return None
    lists = (thumbs, findings)
    if not all(isinstance(v, list) and all(isinstance(t, str) for t in v) for v in lists):
        return None
    assert isinstance(thumbs, list) and isinstance(findings, list)
    return Known(str(stamp), str(output), str(sha), pages, tuple(thumbs), tuple(findings))


def write_manifest(editions: Editions, outcomes: list[Outcome]) -> tuple[Path, list[str]]:
    """The manifest of this run; and the outputs of the last run that are no longer editions (left in place)."""
    previous = read_manifest(editions)
    current = {o.edition for o in outcomes}
    gone = sorted(str(e.get("output")) for name, e in previous.items() if name not in current and e.get("output"))
    path = manifest_path(editions)
    data = {
        "tool": f"brochure {__version__}",
        "editions": [o.report() for o in outcomes],
    }
    write_atomic(path, json.dumps(data, indent=2, ensure_ascii=False).encode("utf-8"), JSON)
    return path, gone


def _pictures(words: Content | None) -> list[Path]:
    """The picture files a content file shows (a changed photo changes its editions)."""
    if words is None:
        return []
    return [b.src.source for s in words.sections for b in s.blocks if isinstance(b, Image)]


def _kit_digest(group: Group, outputs: Path) -> str:
    """Every file of the kit's folder, but those of other kits inside it (a folder with its own brand.yaml) and
    what batches write (PDFs, and the folder of the manifest, when the kit's folder holds them)."""
    folder = group.kit.parent
    nested = {p.parent for p in folder.rglob("brand.yaml") if p.parent != folder}
    outputs = outputs.resolve()

    def ours(p: Path) -> bool:
        return p.suffix.lower() == ".pdf" or outputs in p.resolve().parents or any(n in p.parents for n in nested)

    files = sorted(p for p in folder.rglob("*") if p.is_file() and not ours(p))
    return _digest(b"".join(p.relative_to(folder).as_posix().encode() + b"\0" + p.read_bytes() for p in files))


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
