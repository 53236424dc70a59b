"""Bytes for a PDF, PNG or JSON report -> a file on disk, written atomically, never over an input or a non-file.

A failed or interrupted write leaves the old file untouched and no temporary file behind: data goes to a
hidden temporary file beside the target, which is renamed over the target only when complete, and removed
on any exception (Ctrl-C and SIGTERM included: the command line turns both into exceptions). Several files (a
preview's pictures) are written as one: all are filled before any is renamed.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from brochure.frozen import frozen
from brochure.inputs.files import file_kind


@frozen
class Kind:
    """What an output is; an existing file is replaced only when it is empty or already of this kind: one that
    brochure wrote, as far as its first bytes tell (compared without white space when `spaced`)."""

    name: str  # for messages: "a PDF"
    magic: tuple[bytes, ...]  # how such a file starts (any of these)
    spaced: bool = False  # JSON and HTML: white space left out of both (a report indented or not is alike)


PDF = Kind("a PDF", (b"%PDF-",))
PNG = Kind("a PNG picture", (b"\x89PNG\r\n\x1a\n",))
# Not any JSON or HTML: '{' or '<!doctype html>' alone let a report replace a schema or a YAML file in flow
# style, and a batch replace a website's index.html or web-app manifest.json beside editions.yaml.
JSON = Kind("a JSON report", (b'{"layout":', b'{"editions":'), spaced=True)  # (build, check, preview; batch)
BATCH_MANIFEST = Kind("a batch manifest", (b'{"tool":"brochure', b'{"editions":'), spaced=True)
_HEAD = b'<!doctypehtml><htmllang="en"><head><metacharset="utf-8">'
HTML = Kind(  # the contact sheet, as every version wrote it
    "brochure's contact sheet",
    (_HEAD + b'<metahttp-equiv="Content-Security-Policy"', _HEAD + b"<title>Everyedition</title>"),
    spaced=True,
)
_HEAD_BYTES = 256  # enough for the longest magic with its white space


class Refused(OSError):
    """The target is no place for this output (see target_problem); nothing was written."""


_temporaries: set[Path] = set()  # temporary files not yet renamed into place (see remove_temporaries)


def target_problem(path: Path, kind: Kind | None) -> str:
    """Why `path` may not receive this output, or '' when it may.

    Refused: a folder, device (/dev/null included), FIFO or socket (symlinks followed), and, unless `kind`
    is None, an existing non-empty file that is not `kind` (so a PDF never lands on a content file, a logo
    or a font, whatever the file is called). A path that cannot be checked is not refused here: the write
    itself will say why.
    """
    try:
        st = path.stat()
    except OSError:
        return ""
    problem = _type_problem(st.st_mode)
    if problem or st.st_size == 0 or kind is None:
        return problem
    try:  # non-blocking, and checked again on the open file, in case it was swapped for a FIFO meanwhile
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError:
        return ""
    try:
        problem = _type_problem(os.fstat(fd).st_mode)
        if problem:
            return problem
        head = os.read(fd, _HEAD_BYTES)
    finally:
        os.close(fd)
    start = re.sub(rb"\s", b"", head) if kind.spaced else head.lstrip()
    if not start.startswith(kind.magic):
        return f"already exists and is not {kind.name}"
    return ""


def _type_problem(mode: int) -> str:
    kind = file_kind(mode)
    if kind in ("", "a folder", "not a regular file"):
        return f"is {kind}" if kind else ""
    return f"is {kind}, not a file"


def same_file(a: Path, b: Path) -> bool:
    """True when both paths name one file: the same path after following symlinks, or a hard link."""
    try:
        if a.resolve() == b.resolve():
            return True
        return os.path.samefile(a, b)
    except (OSError, RuntimeError):
        return False


def clash(path: Path, others: Iterable[Path]) -> Path | None:
    """The first of `others` that is the same file as `path`, if any."""
    return next((o for o in others if same_file(path, o)), None)


def in_the_way(path: Path) -> Path | None:
    """The nearest existing folder above `path` that is not a folder (a file where an output's folder should be),
    or None."""
    for parent in path.parents:
        try:
            if parent.exists() or parent.is_symlink():
                return None if parent.is_dir() else parent
        except OSError:  # (a name too long for the file system: nothing is there, and writing it says so)
            continue
    return None


def written_into(exc: OSError) -> str:
    """' into FOLDER' for an error writing a file (its temporary file's folder: the hidden name is not the user's to
    see), or '' when the error names no file."""
    return f" into {Path(exc.filename).parent}" if isinstance(exc.filename, str) else ""


def write_atomic(path: Path, data: bytes, kind: Kind) -> None:
    """Write `data` to a temporary file beside `path`, then rename it over `path` (see write_with)."""
    write_with(path, kind, lambda f: f.write(data))


def write_with(path: Path, kind: Kind, fill: Callable[[BinaryIO], object]) -> None:
    """Let `fill` write the file's bytes to a temporary file beside `path`, then rename it over `path`.

    Raises Refused when `path` is no place for `kind` (checked again just before the rename), OSError when
    the file cannot be written; in every case, and on any exception, the temporary file is removed.
    """
    write_all([(path, kind, fill)])


def write_all(files: Sequence[tuple[Path, Kind, Callable[[BinaryIO], object]]]) -> None:
    """Write several files as one: each filled into a temporary file beside it, and only when every one is written
    (a full disk stops them all) renamed over its path, in order; on any exception while filling, the temporary
    files are removed and no file is touched. (Each rename is atomic, the group is not: a rename that fails, which
    needs no room on the disk, may leave the earlier ones done.) Raises as write_with does."""
    written: list[tuple[Path, Path, Kind]] = []
    try:
        for path, kind, fill in files:
            problem = target_problem(path, kind)
            if problem:
                raise Refused(f"{path} {problem}")
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.parent / f".{path.name[:60]}.{os.urandom(4).hex()}.tmp"  # (60 letters: at most 240 bytes)
            _temporaries.add(tmp)  # (before the file exists, so no moment leaves it unrecorded)
            written.append((path, tmp, kind))
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
            with os.fdopen(fd, "wb") as f:
                fill(f)
            with contextlib.suppress(OSError):  # (a file replaced keeps its own permissions: a private one stays so)
                os.chmod(tmp, stat.S_IMODE(os.stat(path).st_mode))
        for path, _, kind in written:
            problem = target_problem(path, kind)
            if problem:
                raise Refused(f"{path} {problem}")
        for path, tmp, _ in written:
            os.replace(tmp, path)
    finally:
        for _, tmp, _ in written:
            tmp.unlink(missing_ok=True)
            _temporaries.discard(tmp)


def remove_temporaries() -> None:
    """Remove every temporary file still on disk (called once more when the command is interrupted)."""
    for tmp in list(_temporaries):
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        _temporaries.discard(tmp)


@contextlib.contextmanager
def only_one(path: Path) -> Iterator[str]:
    """Hold the lock file `path` while the block runs (one batch at a time writes to an output folder): yields ''
    when this process holds it, else why it cannot (another process holds it; the file cannot be made). The lock
    is the operating system's record lock of this process (POSIX `lockf`; Windows `msvcrt.locking`): a process that
    ends, however it ends, leaves none behind, and the worker processes a batch forks do not hold it (a lock on the
    open file, `flock`, was shared with them, and workers orphaned by a batch killed outright held it for good).
    The file is removed when the block ends. A file that is not ours there (a link, a folder) is not opened."""
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0), 0o644)
    except OSError as exc:
        if path.is_symlink():  # (never followed: O_NOFOLLOW)
            yield f"{path} is a link, where the batch keeps its lock"
        elif path.is_dir():
            yield f"{path} is a folder, where the batch keeps its lock"
        else:
            yield f"{path} cannot be made: {exc.strerror or exc}"
        return
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            yield f"{path} is {file_kind(os.fstat(fd).st_mode)}, where the batch keeps its lock"
            return
        st = os.fstat(fd)
        key = (st.st_dev, st.st_ino)
        with _holding:  # (a record lock is the process's: another holder in this process is told apart here)
            free = key not in _held and _locked(fd) and _same_inode(fd, path)  # (or removed by its holder as it
            if free:  # ended)
                _held.add(key)
        if not free:
            yield f"another `brochure batch` is writing to {path.parent} (it holds {path}); run one at a time"
            return
        try:
            yield ""
        finally:
            with contextlib.suppress(OSError):
                path.unlink()  # (before the lock is let go: a batch waiting opens the file anew)
            with _holding:
                _held.discard(key)
    finally:
        os.close(fd)


_held: set[tuple[int, int]] = set()  # the lock files (device, inode) this process holds
_holding = threading.Lock()


def _locked(fd: int) -> bool:
    """Whether this process now holds the lock on the open file (not waiting for it)."""
    try:
        if sys.platform == "win32":
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _same_inode(fd: int, path: Path) -> bool:
    try:
        a, b = os.fstat(fd), os.stat(path, follow_symlinks=False)
    except OSError:
        return False
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)
