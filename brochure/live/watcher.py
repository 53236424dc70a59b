"""The files a leaflet is made from -> a call for each burst of saves to them (watchfiles: inotify, FSEvents, ...).

The folders holding the files are watched, not the files: an editor that saves by writing a new file and renaming
it over the old one (vim, VS Code, most others) replaces the file a watch on the file itself would follow. The
events of one save (a rename, a write, a backup removed) and a burst of saves arrive together: watchfiles gathers
events until STEP_MS passes without a new one (at most DEBOUNCE_MS), so a save reaches the builder 5 to 10 ms
after it happens. Which files count is asked again whenever the builder says they changed (a picture added, a
kit switched): the watch is then started again on the new folders.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

STEP_MS = 5  # a burst ends when no event came for this long
DEBOUNCE_MS = 200  # the longest a steady stream of events is gathered before a rebuild is asked for
RETRY_S = 0.5  # a folder that cannot be watched (removed meanwhile) is tried again after this long
_EDITOR_LITTER = ("~", ".swp", ".swx", ".tmp", ".bak")  # backups and swap files editors write beside a file


@dataclass(frozen=True)
class Watched:
    """What counts as a change: the input files (resolved), and any other file directly in the kit's folder
    except hidden files, editors' backups and the outputs."""

    files: frozenset[Path]
    kit: Path
    outputs: frozenset[Path] = frozenset()

    def folders(self) -> list[Path]:
        """The folders to watch (those that exist), each once."""
        return sorted({p for p in (*(f.parent for f in self.files), self.kit) if p.is_dir()})

    def accepts(self, change: object, path: str) -> bool:
        """watchfiles' filter: whether a change to this path counts."""
        return self.covers(Path(path))

    def covers(self, path: Path) -> bool:
        if path in self.outputs:
            return False
        if path in self.files:
            return True
        name = path.name
        return path.parent == self.kit and not name.startswith(".") and not name.endswith(_EDITOR_LITTER)


def watched(files: list[Path], kit_folder: Path, outputs: list[Path]) -> Watched:
    return Watched(frozenset(_real(f) for f in files), _real(kit_folder), frozenset(_real(o) for o in outputs))


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
    """Watches what `wanted()` names and calls `changed(paths)` for each burst of changes to it, until `stop`."""

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

    def again(self) -> None:
        """The files to watch changed: start watching them (within one step)."""
        self._again.set()

    def run(self, stop: threading.Event) -> None:
        import watchfiles

        told = ""
        while not stop.is_set():
            self._again.clear()
            now = self._wanted()
            folders = now.folders()
            if not folders:
                stop.wait(RETRY_S)
                continue
            try:
                for changes in watchfiles.watch(
                    *folders,
                    watch_filter=now.accepts,
                    debounce=DEBOUNCE_MS,
                    step=STEP_MS,
                    stop_event=_Either(stop, self._again),
                    recursive=False,
                    raise_interrupt=False,
                ):
                    self._changed(frozenset(Path(p) for _, p in changes))
                    told = ""
            except (OSError, RuntimeError) as exc:  # a folder removed while watched, a watch limit reached
                why = f"cannot watch {', '.join(map(str, folders)) or 'the inputs'}: {exc}"
                if why != told:
                    self._problem(why + " (trying again)")
                    told = why
                stop.wait(RETRY_S)
