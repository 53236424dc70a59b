"""A folder and a path written in a YAML file -> the file inside that folder, and its bytes within a size budget; a
path as typed from the folder a command runs in."""

from __future__ import annotations

import os
import re
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


NOT_FOUND = "the file is not there"
NAME_BYTES, PATH_BYTES = 255, 4095  # the longest name of a file or folder, and path, a file system takes (Linux's)


def name_problem(written: str) -> str:
    """Why a path written in an input cannot name a file on any common system ('' if it can): a folder's or file's
    name in it over NAME_BYTES, or the whole over PATH_BYTES (asked of the system, it failed: 'File name too long')."""
    longest = max(_bytes(part) for part in written.replace("\\", "/").split("/"))
    if longest > NAME_BYTES:
        return f"a name in it is {longest:,} bytes long, longer than any file's"
    if _bytes(written) > PATH_BYTES:
        return f"it is {_bytes(written):,} bytes long, longer than any file's path"
    return ""


def _bytes(text: str) -> int:
    return len(text.encode("utf-8", "replace"))


YAML_ENDINGS = (".yaml", ".yml")  # what a content, kit or editions file may be named
PICTURE_ENDINGS = (".png", ".jpg", ".jpeg")  # a picture's (PNG or JPEG)
NAMES_LOOKED_AT = 2000  # a folder's entries read for a name near a misspelt one (a folder of many is not listed)
_DRIVE = re.compile(r"[A-Za-z]:[\\/]")  # a Windows drive's path (C:\\Users\\...): a file on another computer
NEAR = 0.7  # how alike two names' stems must be to suggest one for the other (difflib's ratio: 'pll' and 'pl' 0.8)


def near(written: str, full: Path, endings: tuple[str, ...] = ()) -> str:
    """'did you mean 'translations/pl.yaml'? ' for a file written `written` and not found at `full`: the file in
    the folder it was looked for in named so in other capitals, else with another ending (pl.yml: pl.yaml), else
    the one of its ending whose stem is nearest (a letter out), written as the path was; '' when none is near (or
    the folder is not there). Only a file of one of `endings` is offered, where given (a logo's: not logo.ai); and
    for a name that is a language's tag, no other language's file (not Pashto's ps.yaml for Dari's prs.yaml; for
    log.svg, a language's tag too, logo.svg)."""
    import difflib  # (only for a file not found: not on every build's import)

    from brochure.vocabulary import language_problem

    if "\\" in written:  # (a Windows path: '\\' is a letter of a name here)
        if _DRIVE.match(written):
            return "that is a path on a Windows computer: copy the file into the folder and name it from there; "
        slashed = written.replace("\\", "/")
        there = full.parent / full.name.replace("\\", "/")
        said = f"did you mean '{slashed}'? " if there.is_file() else near(slashed, there, endings)
        return f"{said}folders are written with '/' on every system, not '\\'; "

    folder, slash, _ = written.rpartition("/")
    parent = full.parent
    if folder and not parent.is_dir():  # (Clinics/Rosehill/content.yaml for clinics/rosehill/content.yaml)
        found = _folder_in_other_capitals(parent, folder)
        if found is None:  # (or a letter out: translation/pl.yaml for translations/pl.yaml)
            return _near_folder(written, full, endings)
        parent, folder = found
    names = _entries(parent, folders=False)
    if names is None:
        return _near_folder(written, full, endings)
    names = [n for n in names if not endings or Path(n).suffix.casefold() in endings]
    same = [n for n in names if Path(n).stem.casefold() == full.stem.casefold()]  # (photo.jpg: photo.png)
    same.sort(key=lambda n: (n.casefold() != full.name.casefold(), n))  # (Photo.PNG: photo.png before photo.jpg)
    ending = full.suffix.casefold()
    stems = {Path(n).stem: n for n in sorted(names) if Path(n).suffix.casefold() == ending}
    if not language_problem(full.stem):  # (a language's tag: another language's file is not offered for it)
        stems = {stem: name for stem, name in stems.items() if language_problem(stem)}
    alike = difflib.get_close_matches(full.stem, list(stems), n=1, cutoff=NEAR)
    close = same[0] if same else stems[alike[0]] if alike else None
    if close is None or (close == full.name and parent == full.parent):
        return ""
    return f"did you mean '{folder}{slash}{close}'? "


def _near_folder(written: str, full: Path, endings: tuple[str, ...] = ()) -> str:
    """'did you mean 'translations/pl.yaml'? ' for 'translation/pl.yaml': the folder a file is looked for in is not
    there, and one a letter out beside it holds a file of that name (or one `near` it: 'translation/PL.yaml');
    '' otherwise."""
    import difflib

    folder, slash, name = written.rpartition("/")
    if not folder or not slash:
        return ""
    alike = difflib.get_close_matches(full.parent.name, _entries(full.parent.parent) or [], n=1, cutoff=NEAR)
    if not alike:
        return ""
    above, slash, _ = folder.rpartition("/")
    meant = f"{above}{slash}{alike[0]}/{name}"
    there = full.parent.parent / alike[0] / full.name
    return f"did you mean '{meant}'? " if there.is_file() else near(meant, there, endings)


def _entries(folder: Path, folders: bool = True) -> list[str] | None:
    """The names of a folder's folders (or files), at most NAMES_LOOKED_AT of its entries read; None when it cannot
    be listed."""
    try:
        with os.scandir(folder) as entries:
            return [
                e.name
                for _, e in zip(range(NAMES_LOOKED_AT), entries, strict=False)
                if (e.is_dir() if folders else e.is_file())
            ]
    except (OSError, ValueError):
        return None


def _folder_in_other_capitals(parent: Path, written: str) -> tuple[Path, str] | None:
    """The folder `parent` (written `written`, its last parts) named so in other capitals, and how to write it;
    None when one of its folders is not there in any capitals (or the path climbs: '..')."""
    parts = written.split("/")
    said = parts[:1] if parts[0] in ("", ".") else []  # (an absolute path's '/', or './')
    parts = parts[len(said) :]
    if any(part in ("", ".", "..") for part in parts) or len(parent.parents) < len(parts):
        return None
    base = parent.parents[len(parts) - 1]
    for part in parts:
        alike = sorted(n for n in _entries(base) or [] if n.casefold() == part.casefold())
        if not alike:
            return None
        base = base / alike[0]
        said.append(alike[0])
    return base, "/".join(said)


def read_bytes(path: Path, most: int) -> tuple[bytes | None, str]:
    """The bytes of a regular file of at most `most` bytes, read once; or None and why not.

    The path is looked at (stat) before it is opened: a folder, device, pipe or socket is refused
    without being opened (opening a pipe would wait for a writer), and so is a file over budget.
    """
    problem = unreadable(path, most)
    if problem:
        return None, problem
    try:
        # O_NONBLOCK: should the path turn into a pipe after the stat, the open must not wait for a writer.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as f:
            mode = os.fstat(f.fileno()).st_mode
            if not stat.S_ISREG(mode):
                return None, _not_regular(mode)
            data = f.read(most + 1)  # the file may have grown since the stat
    except (FileNotFoundError, NotADirectoryError):
        return None, NOT_FOUND
    except PermissionError:
        return None, "the file cannot be read: permission denied"
    except (OSError, ValueError) as exc:
        return None, f"the file cannot be read ({getattr(exc, 'strerror', None) or exc})"
    if len(data) > most:
        return None, f"the file grew past the {_size(most)} allowed while it was read"
    return data, ""


def unreadable(path: Path, most: int) -> str:
    """Why read_bytes would refuse the file before reading a byte of it ('' if it would read it): not there, not a
    regular file (a folder, device, pipe or socket), over `most` bytes, or not to be read. Looked at (stat) only:
    the file is never opened."""
    try:
        info = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return NOT_FOUND
    except PermissionError:
        return "the file cannot be read: permission denied"
    except (OSError, ValueError) as exc:
        return f"the file cannot be read ({getattr(exc, 'strerror', None) or exc})"
    if not stat.S_ISREG(info.st_mode):
        return _not_regular(info.st_mode)
    if info.st_size > most:
        return f"it has {info.st_size:,} bytes; at most {most:,} ({_size(most)}) are allowed"
    if not os.access(path, os.R_OK):
        return "the file cannot be read: permission denied"
    return ""


def file_kind(mode: int) -> str:
    """What a path that is not a regular file is, in words ('a folder', 'a device' ...); '' for a regular file."""
    if stat.S_ISREG(mode):
        return ""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def _not_regular(mode: int) -> str:
    kind = file_kind(mode)
    return "it is a folder" if kind == "a folder" else f"it is {kind}; only a regular file is read"


def _size(n: int) -> str:
    """A budget in words: '2 MB', '512 KB', '100 bytes'."""
    for unit, name in ((1024 * 1024, "MB"), (1024, "KB")):
        if n >= unit:
            return f"{n / unit:.3g} {name}"
    return f"{n} bytes"


def from_here(path: Path) -> Path:
    """A path as typed from this folder: relative when it is under it (`.venv/bin/brochure`), else as it is."""
    relative = os.path.relpath(path)
    return Path(relative) if not relative.startswith("..") else path
