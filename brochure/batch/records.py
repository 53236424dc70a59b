"""A batch's words: the jobs, tasks and outcomes handed between its process and its workers -> their names, the
inputs they list and the hashes that stamp them."""

from __future__ import annotations

import hashlib
import json
import os
import platform
import zlib
from collections.abc import Sequence
from dataclasses import asdict, field, replace
from functools import cache, lru_cache
from pathlib import Path, PurePosixPath

import fontpkg

from brochure import __version__, limits
from brochure.diagnostics import Diagnostic, Location
from brochure.frozen import frozen
from brochure.inputs.blocks import Image
from brochure.inputs.brand import Brand, declared_names, kit_files, load_brand
from brochure.inputs.content import Content, declared_language
from brochure.inputs.document import UNCHECKED
from brochure.inputs.files import read_bytes
from brochure.vocabulary import URGENT, LayoutName, PaperName, Target, language_problem

KIT_FILE_BYTES = max(limits.FONT_BYTES, limits.PICTURE_BYTES, limits.SVG_BYTES)  # a kit's or picture's file hashed


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
    seen: tuple[tuple[str, str], ...] = ()  # inputs_of as the batch's machine read them: a worker that reads other
    # bytes at those paths (a cluster's machine that missed an update, a file changed while the batch ran) fails it
    named_at: str = ""  # where editions.yaml names the content file for this kit (file:line:col): a failure of
    # the task's own, not of a line of its words, is said there
    check: bool = False  # (batch --check) its editions laid out and preflighted only: no PDF or pictures sent back
    unread: tuple[str, ...] = ()  # what editions.yaml says of its content file, kit or source where it names one
    # that is not a file (file:line:col: error: ...): its editions fail as the batch settles them, no worker given them

    def at(self) -> str:
        """Where a failure of the whole task is said: where editions.yaml names its content file for its kit (the
        content file itself where no editions.yaml line is known)."""
        return self.named_at or str(self.content)


@frozen
class Outcome:
    """What became of one edition."""

    edition: str  # brand/language/layout/paper/target
    output: str  # relative to editions.yaml's folder
    status: str  # "built", "unchanged" or "failed"; "checked" (batch --check: passed, nothing written)
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
        """As the manifest and --json write it. An edition this run left without a PDF (failed, checked, stopped) has
        no sha256 or size (null: its `output` is where it goes, null where it could not be named), and a failed or
        stopped one no pages."""
        made = self.status in ("built", "unchanged")
        return {
            **asdict(self),
            "output": self.output or None,
            "inputs": dict(self.inputs),
            "findings": list(self.findings),
            "first": self.first,
            **({} if made else {"sha256": None, "size": None}),
            **({} if made or self.status == "checked" else {"pages": None}),
        }

    def failing(self, findings: tuple[str, ...]) -> Outcome:
        """The edition failed after all, with these findings: no PDF, pages or pictures of its own."""
        return replace(
            self, status="failed", findings=findings, sha256="", pages=0, size=0, thumbs=(), thumbs_sha256=()
        )

    @property
    def first(self) -> str:
        """Its first error, else its first warning of a number to call for urgent help (one that is none where
        the clinic is, one a translation drops: a patient's safety), else its first warning but a translation's
        standing one, not checked (every edition of such a translation has it first: a number changed in
        translating, warned after it, went unseen), else that."""
        errors = [f for f in self.findings if ": error: " in f]
        urgent = [f for f in self.findings if URGENT in f]
        telling = [f for f in self.findings if UNCHECKED not in f]
        return (errors or urgent or telling or [*self.findings, ""])[0]

    @property
    def more(self) -> int:
        """How many findings it has besides the one its line shows (`first`)."""
        return max(0, len(set(self.findings)) - 1)


@frozen
class Made:
    """A worker's answer for one edition: its outcome and, when built, the bytes of its PDF and of its page pictures
    (in the order of outcome.thumbs), which the batch's own process writes."""

    outcome: Outcome
    pdf: bytes = b""
    pictures: tuple[bytes, ...] = ()


class TaskLost(Exception):
    """A task an executor could not run, and why, in words a failed edition shows whole (a cluster that lost
    every worker, or its scheduler: brochure/cluster.py)."""


Loaded = dict[Path, "Content | None"]  # each content file the editions name, read once (None: it has errors)


Kit = tuple[str, PaperName, str, tuple[Path, ...], str, "Reached"]  # a kit's id, paper, files' hash, own files
# (`_kit_own_files`), the clinic's name, and how patients reach it
Reached = tuple[str, tuple[tuple[str, str, Location], ...]]  # its group (or ''), and each contact line: its key,
# its value as compared (a phone number in full, an address in lower case and single spaces), where it is written


Kits = dict[Path, "Kit | None"]  # each kit, read once (None: it has errors)


Entries = dict[str, dict[str, object]]  # a manifest's editions by name


Findings = tuple[Diagnostic, ...]


OUTPUT_PACKAGES = (  # the installed packages whose versions may change what an edition's bytes or findings are
    "reportlab", "rl_accel", "pillow", "svglib", "lxml", "pypdfium2", "pikepdf", "uharfbuzz", "python-bidi",
    "phonenumbers", "zxing-cpp", "PyYAML",
)  # fmt: skip


@cache
def tool() -> str:
    """What builds an edition, as one text (a part of every stamp): brochure's version and its own files (a
    checkout's or an editable install's change to the code changes it, with the version the same), the versions
    of Python, zlib, the packages that make or check the PDF and every installed font package (its files' sizes
    too)."""
    from importlib.metadata import PackageNotFoundError, version

    def installed(name: str) -> str:
        try:
            return version(name)
        except PackageNotFoundError:
            return "-"

    families = [fontpkg.family(s) for s in fontpkg.families()]
    fonts = sorted((f.slug, f.version, _sizes(f)) for f in families)
    packages = [(name, installed(name)) for name in OUTPUT_PACKAGES]
    others = digest(json.dumps([packages, fonts]).encode())
    code = code_digest(Path(__file__).parents[1])[:12]
    runtime = f"Python {platform.python_version()}, zlib {zlib.ZLIB_RUNTIME_VERSION}"
    return f"brochure {__version__} (code {code}), {runtime}, packages {others[:12]}"


def _sizes(family: fontpkg.Family) -> list[int]:
    """The sizes of a font package's files (-1: not there): a package of the same version with other files (built
    again, or patched on one machine of a cluster) names other glyphs' widths under the same stamp."""
    out = []
    for face in family.files:
        try:
            out.append(face.path.stat().st_size)
        except OSError:
            out.append(-1)
    return out


CODE_FILES = (".py", ".json", ".icc", ".html", ".js", ".css")  # what the package is made of: its code and data


def code_digest(package: Path) -> str:
    """The SHA-256 of a package folder's code and data files (CODE_FILES), by their paths within it: not
    `__pycache__` (Python writes its compiled files as it pleases), hidden files (an editor's lock or swap file) or
    others (notes, a patch's leftovers), which an installed copy of the same code does not have. A file that cannot
    be read counts as such, by its name."""
    h = hashlib.sha256()
    for folder, subfolders, files in os.walk(package):
        subfolders[:] = sorted(d for d in subfolders if d != "__pycache__" and not d.startswith("."))
        for name in sorted(f for f in files if f.endswith(CODE_FILES) and not f.startswith(".")):
            path = Path(folder, name)
            try:
                data = path.read_bytes()
            except OSError:  # (a link to nothing, a file without permission to read)
                data = b"\0unreadable"
            h.update(f"{path.relative_to(package).as_posix()}\0{len(data)}\0".encode() + data)
    return h.hexdigest()


def name_and_output(task: Task, job: Job, kit: tuple[str, PaperName], language: str) -> tuple[str, str]:
    """An edition's name (brand/language/layout/paper/target) and its output's path."""
    values = {"brand": kit[0], "language": language.lower(), "layout": job.layout, "paper": job.paper or kit[1],
              "target": job.target}  # fmt: skip
    return "/".join(values[k] for k in ("brand", "language", "layout", "paper", "target")), task.output.format(**values)


def unchanged(name: str, output: str, job: Job, was: Known, inputs: tuple[tuple[str, str], ...]) -> Outcome:
    """An edition that stands as the last run made it: what the manifest recorded of it, with today's inputs."""
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


def inputs_of(task: Task, memo: dict[Path, str] | None = None) -> tuple[tuple[str, str], ...]:
    """The task's content file, kit, source and the other files its editions are made of (`Task.others`), each by
    its path relative to editions.yaml's folder (as the outputs are, whatever folder the batch is run from) with the
    SHA-256 of its bytes ('' when it cannot be read, as when another program removed it while the batch ran: its
    loader says where and why). `memo`: each file's hash as this run read it already (a kit's files are read once
    for all its content files)."""
    files = (task.content, task.kit, *((task.source,) if task.source else ()), *task.others)
    out = []
    for path in files:
        at = reached(task, path)
        name = from_base(task, path)
        sha = memo.get(at) if memo is not None else None
        if sha is None:
            data, _ = read_bytes(at, KIT_FILE_BYTES)
            sha = "" if data is None else digest(data)
            if memo is not None:
                memo[at] = sha
        out.append((name, sha))
    return tuple(out)


def from_base(task: Task, path: Path) -> str:
    """A path of the task's as the manifest names it: relative to editions.yaml's folder, with '/'."""
    return Path(os.path.relpath(reached(task, path), reached(task, task.base))).as_posix()


def thumb_names(task: Task, output: str, pages: int) -> tuple[str, ...]:
    """Where an edition's page pictures go (relative to editions.yaml's folder): in the task's folder of pictures,
    at the output's path inside the manifest's folder, a picture a page."""
    beside = os.path.relpath(output, Path(task.thumbs).parent)  # the output's path inside the manifest's folder
    stem = f"{task.thumbs}/{beside.removesuffix('.pdf')}"
    return tuple(f"{stem}-p{i}.png" for i in range(1, pages + 1))


def reached(task: Task, path: Path) -> Path:
    """A path of the batch's as this worker reaches it (the same path on every machine)."""
    return Path(task.root) / path if task.root else path


UNREAD_PAPER = "paper-unknown"  # where a failed edition's name gives its paper when its kit cannot be read (it was
# "kit": 'cork/en-ie/trifold/kit/office', the word "kit" where a paper goes)


def failed_name(task: Task, job: Job) -> str:
    """A failed edition's name: its clinic's id when the kit can be read (so the contact sheet shows it with the
    clinic's others: its logo's artwork is not read, so a kit whose logo alone is broken keeps its name), the
    language its words declare when that can be read (else the content file's name, `_file_word`: a Polish file
    named es.yaml took the Spanish edition's name, and its place in the manifest). Each kit and content file is
    read once for all the editions that name it (again only when it changed): a file naming 200 kits of 40
    languages, none there, read them for each of its 64,000 editions, several times over, in 5 minutes."""
    try:
        kit, content = reached(task, task.kit), reached(task, task.content)
        declared = _declared_names(kit, _state(kit))
        language = _declared_language(content, _state(content)) or _file_word(written(task.content))
    except Exception:  # (a bug, or files this machine cannot see: the edition is named by the kit's folder)
        declared, language = (None, None), _file_word(written(task.content))
    who = declared[0] or _kit_folder(task)
    paper = job.paper or declared[1] or UNREAD_PAPER  # (its paper as its brand file gives it, where that can be read)
    return f"{who}/{language.lower()}/{job.layout}/{paper}/{job.target}"


def _file_word(path: PurePosixPath) -> str:
    """What a content file's name says of its language: its stem (es.yaml), or for a file named content.yaml its
    folder's name where that is a language's tag (clinics/northgate/ga/content.yaml, as `init --words` makes a
    language's folder: "ga", not "content"; a clinic's own folder, northgate/content.yaml, is no language)."""
    folder = path.parent.name
    return folder if path.stem.lower() == "content" and folder and not language_problem(folder) else path.stem


def _state(path: Path) -> tuple[int, ...] | None:
    """A file's device, inode, size, times and kind as they are now (None: nothing there): what failed_name read of
    it is read again when it changed."""
    try:
        st = path.stat()
    except (OSError, ValueError):
        return None
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_mode)


NAMES_KEPT = 4096  # kits and content files whose declared names failed_name keeps


@lru_cache(maxsize=NAMES_KEPT)
def _declared_names(kit: Path, state: tuple[int, ...] | None) -> tuple[str | None, PaperName | None]:
    """The id and paper the brand file at `kit` declares (in this `state`), where they can be read."""
    brand, _ = load_brand(kit, logo=False)
    return (brand.id, brand.paper) if brand is not None else declared_names(kit)


@lru_cache(maxsize=NAMES_KEPT)
def _declared_language(content: Path, state: tuple[int, ...] | None) -> str | None:
    """The language the content file at `content` declares (in this `state`), where it can be read."""
    return declared_language(content)


def written(path: Path) -> PurePosixPath:
    """A path of editions.yaml's with a backslash read as the folder separator Windows writes ('\\' is a letter of a
    name here: a failed edition was named 'clinics\\liffey\\brand/clinics\\liffey\\content/...')."""
    return PurePosixPath(str(path).replace("\\", "/"))


def _kit_folder(task: Task) -> str:
    """The name of the kit's folder as editions.yaml names it (whatever folder the batch runs from): the folder its
    brand file is in, or the folder named as the kit (a kit named 'clinics/liffey/' was named 'clinics'); the brand
    file's stem when it is in editions.yaml's folder, and the folder's real name for '..' or '.'."""
    at = reached(task, task.kit)
    relative = os.path.relpath(at, reached(task, task.base))
    kit = written(Path(relative))
    named = at.is_dir() or relative.endswith("\\")  # (a folder, as it is or written with a Windows separator)
    folder, real = (kit, at) if named else (kit.parent, at.parent)
    if folder.name not in ("", ".."):
        return folder.name
    return kit.stem if not named and not folder.parts else Path(os.path.realpath(real)).name


def pictures_of(words: Content | None) -> list[Path]:
    """The picture files a content file shows (a changed photo changes its editions)."""
    if words is None:
        return []
    return [b.src.source for s in words.sections for b in s.blocks if isinstance(b, Image)]


def kit_digest(brand: Brand) -> str:
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
    return digest(b"\0".join(parts))


def files_digest(paths: Sequence[Path]) -> str:
    """The files' bytes, each after its place in the list and its length: bytes moved from the end of one file to
    the start of the next make another digest. A file that cannot be read (gone, not to be read, a pipe or device,
    over KIT_FILE_BYTES: looked at before it is opened, never waited on nor read whole) counts as such, with why:
    its loader says where and what is wrong."""
    parts = []
    for i, path in enumerate(paths):
        data, why = read_bytes(path, KIT_FILE_BYTES)
        parts.append(b"%d\0%d\0" % (i, len(data)) + data if data is not None else b"%d\0-\0%s" % (i, why.encode()))
    return digest(b"".join(parts))


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
