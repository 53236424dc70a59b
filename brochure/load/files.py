"""A folder and a path written in a YAML file -> the file inside that folder, and its bytes within a size budget."""

from __future__ import annotations

import os
import stat
from pathlib import Path


def inside(folder: Path, written: str) -> Path | None:
    """The file `written` names, relative to `folder`, if it stays inside it (symbolic links followed); else None.

    An absolute path, `..` that climbs out, or a link pointing elsewhere all give None: inputs may only
    use files that travel with them (the brand kit's folder, the content file's folder).
    """
    try:
        root = folder.resolve()
        full = (root / written).resolve()
    except (OSError, RuntimeError, ValueError):  # a link loop, an unreadable folder, a NUL
        return None
    return full if full.is_relative_to(root) else None


def read_bytes(path: Path, most: int) -> tuple[bytes | None, str]:
    """The bytes of a regular file of at most `most` bytes, read once; or None and why not."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))  # a FIFO must not block the open
    except FileNotFoundError:
        return None, "the file is not there"
    except OSError as exc:
        return None, f"the file cannot be read ({exc.strerror or exc})"
    with os.fdopen(fd, "rb") as f:
        info = os.fstat(f.fileno())
        if not stat.S_ISREG(info.st_mode):
            return None, "it is not a regular file"
        if info.st_size > most:
            return None, f"the file is over the {_size(most)} allowed ({info.st_size:,} bytes)"
        try:
            data = f.read(most + 1)
        except OSError as exc:
            return None, f"the file cannot be read ({exc.strerror or exc})"
    if len(data) > most:  # it grew while being read
        return None, f"the file is over the {_size(most)} allowed"
    return data, ""


def _size(n: int) -> str:
    """A budget in words: '2 MB', '512 KB', '100 bytes'."""
    for unit, name in ((1024 * 1024, "MB"), (1024, "KB")):
        if n >= unit:
            return f"{n / unit:.3g} {name}"
    return f"{n} bytes"
