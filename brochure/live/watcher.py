"""The files a leaflet is made from -> a call for each burst of saves to them (watchfiles: inotify, FSEvents, ...).

The folders holding the files are watched, not the files: an editor that saves by writing a new file and renaming
it over the old one (vim, VS Code, most others) replaces the file a watch on the file itself would follow. The
events of one save (a rename, a write, a backup removed) and a burst of saves arrive together: watchfiles gathers
events until STEP_MS passes without a new one (at most DEBOUNCE_MS), so a save reaches the builder 5 to 10 ms
after it happens. Which files count is what the builder last read (a picture added counts from then on); when
they lie in other folders (a picture in a new folder, a kit switched), the watch starts again on those.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from brochure.frozen import frozen

STEP_MS = 5  # a burst ends when no event came for this long
DEBOUNCE_MS = 200  # the longest a steady stream of events is gathered before a rebuild is asked for
CHECK_MS = 200  # this long after a watch starts, the files are checked against what the last build read
RETRY_S = 0.5  # a folder that cannot be watched (removed meanwhile) is tried again after this long
_EDITOR_LITTER = ("~", ".swp", ".swx", ".tmp", ".bak")  # backups and swap files editors write beside a file
# What a kit may be read from (its brand file, logo, fonts, colour profile): of the other files in the kit's folder,
# only these count. A PDF or picture another watch writes there (two watches of one kit, office and press) is no
# input: each rebuilt on the other's output, for ever.
_KIT_SUFFIXES = (".yaml", ".yml", ".svg", ".png", ".jpg", ".jpeg", ".ttf", ".icc", ".icm")

Stamp = tuple[int, int, int, int] | None  # inode, size, modification and change times in ns; None: no such file


def stamp(path: Path) -> Stamp:
    """What tells a file changed: a save by rename makes a new inode, a write a new size or time. The change time
    too: a file copied over with its old time kept (`cp -p`, a backup restored) keeps its size and modification
    time, and the kit read before it was built with again."""
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


@frozen
class Watched:
    """What counts as a change: the input files (resolved, and as named: a link an editor replaces with a file
    when it saves), and any other file directly in the kit's folder a kit could be read from (not hidden files,
    editors' backups or the outputs); and each input file's stamp when it was last read."""

    files: frozenset[Path]
    kit: Path
    outputs: frozenset[Path] = frozenset()
    stamps: tuple[tuple[Path, Stamp], ...] = ()
    awaited: frozenset[Path] = frozenset()  # files not found that the last build needed (a picture named before
    # it was copied in): watched from the nearest folder that exists, so a folder made on the way counts too

    def folders(self) -> list[Path]:
        """The folders to watch (those that exist), each once."""
        held = {p for p in (*(f.parent for f in self.files), self.kit) if p.is_dir()}
        nearest = {p for a in self.awaited if (p := next((q for q in a.parents if q.is_dir()), None)) is not None}
        return sorted(held | nearest)

    def covers(self, path: Path) -> bool:
        if path in self.outputs:
            return False
        if path in self.files or any(path == a or path in a.parents for a in self.awaited):
            return True
        name = path.name
        kit_file = name.lower().endswith(_KIT_SUFFIXES) and not name.startswith(".")
        return path.parent == self.kit and kit_file and not name.endswith(_EDITOR_LITTER)

    def moved(self) -> bool:
        """Whether a file changed since it was last read (a save no watch saw: it came while one was starting), or
        one awaited is there now."""
        return any(stamp(path) != then for path, then in self.stamps) or any(a.exists() for a in self.awaited)


def watched(files: list[Path], kit_folder: Path, outputs: list[Path], awaited: Sequence[Path] = ()) -> Watched:
    named = {f.absolute() for f in files}  # (as named too: content.yaml a link to the words elsewhere)
    return Watched(
        frozenset({_real(f) for f in files} | named),
        _real(kit_folder),
        frozenset(_real(o) for o in outputs),
        awaited=frozenset(_real(a) for a in awaited),
    )


def _folder_ids(folders: list[Path]) -> dict[Path, Stamp]:
    """Each folder's device and inode (None: gone): a folder removed and made again, or replaced by another under
    its name (a kit folder swapped for a new copy), is another folder, whose changes the old watch never sees."""
    out: dict[Path, Stamp] = {}
    for folder in folders:
        try:
            st = folder.stat()
            out[folder] = (st.st_dev, st.st_ino, 0, 0)
        except OSError:
            out[folder] = None
    return out


def _real(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


class _Either:
    """Set when either event is (watchfiles asks `is_set()` between steps)."""

    def __init__(self, a: threading.Event, b: threading.Event) -> None:
        self.a, self.b = a, b

    def is_set(self) -> bool:
        return self.a.is_set() or self.b.is_set()


class Watcher:
    """Watches what `wanted()` names and calls `changed(paths)` for each burst of changes to it, until `stop`.

    Which files count is asked at each change, so a picture named in a folder already watched needs nothing
    more; `again()` starts the watch anew on other folders. A save made while a watch starts would go unseen:
    CHECK_MS after each start, the files are compared with what the last build read, and a difference counts
    as a change.
    """

    def __init__(
        self,
        wanted: Callable[[], Watched],
        changed: Callable[[frozenset[Path]], None],
        problem: Callable[[str], None],
    ) -> None:
        self._wanted = wanted
        self._changed = changed
        self._problem = problem
        self._again = threading.Event()
        self._watching: frozenset[Path] = frozenset()  # the folders the watch under way was started on

    def again(self) -> None:
        """The folders to watch changed: start watching them (within one step)."""
        self._again.set()

    def _accepts(self, change: object, path: str) -> bool:
        """watchfiles' filter: whether a change to this path counts, by what is watched now (a watched folder's
        own removal counts: one removed and made again at once can have the same inode, see `run`)."""
        return Path(path) in self._watching or self._wanted().covers(Path(path))

    def run(self, stop: threading.Event) -> None:
        import watchfiles

        told = ""
        while not stop.is_set():
            self._again.clear()
            folders = self._wanted().folders()
            if not folders:
                stop.wait(RETRY_S)
                continue
            fresh = True  # no change seen since this watch started
            ids = _folder_ids(folders)
            self._watching = frozenset(folders)
            try:
                for changes in watchfiles.watch(
                    *folders,
                    watch_filter=self._accepts,
                    debounce=DEBOUNCE_MS,
                    step=STEP_MS,
                    stop_event=_Either(stop, self._again),
                    rust_timeout=CHECK_MS,
                    yield_on_timeout=True,
                    recursive=False,
                    raise_interrupt=False,
                ):
                    if changes or (fresh and self._wanted().moved()):
                        self._changed(frozenset(Path(p) for _, p in changes))
                        told = ""
                    fresh = False
                    if any(Path(p) in self._watching for _, p in changes):
                        break  # a watched folder removed (and perhaps made again, with the inode it had: the
                        # file system gives a freed inode out again at once): watched anew
                    if not changes and _folder_ids(self._wanted().folders()) != ids:  # (a folder gone, back, or
                        break  # replaced: watched anew, and the files compared with what was read then)
            except (OSError, RuntimeError) as exc:  # a folder removed while watched, a watch limit reached
                why = f"cannot watch {', '.join(map(str, folders)) or 'the inputs'}: {exc}"
                if why != told:
                    self._problem(why + " (trying again)")
                    told = why
                stop.wait(RETRY_S)
