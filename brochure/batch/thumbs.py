"""The page pictures the last manifest records, and this run's outcomes -> those no edition shows, removed or kept.

A whole run removes the pictures the last run recorded (brochure/batch/manifest.py `recorded_thumbs`) of pages an
edition no longer has and of editions no longer in the file; when an edition failed, those of the editions not
made are kept (a failed edition keeps its last PDF, and its pictures with it: it may be named otherwise this time,
its words unreadable) and recorded as kept, for a later run to remove. Nothing the batch did not record is touched,
nor anything outside out/thumbs (links followed), nor a file that is not a PNG.
"""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path

from brochure.batch.manifest import THUMBS, manifest_path
from brochure.batch.records import Outcome
from brochure.inputs.editions import Editions
from brochure.output.files import PNG, target_problem

_PAGE_PICTURE = re.compile(r"-p[1-9][0-9]*\.png\Z")  # (as worker.py names them)


def unshown(editions: Editions, outcomes: list[Outcome], recorded: dict[str, list[str]]) -> tuple[list[str], list[str]]:
    """Of the recorded pictures no edition of this run shows: (those to remove, those to keep for now), each once,
    as the manifest names them (relative to editions.yaml's folder). A file an edition of this run reads is
    neither (a content's picture put where a page picture was)."""
    base = editions.path.parent
    shown = {os.path.normpath(base / t) for o in outcomes for t in o.thumbs}
    shown |= {os.path.realpath(base / name) for o in outcomes for name, _ in o.inputs}
    made = {o.edition for o in outcomes if o.status != "failed"}
    failures = any(o.status == "failed" for o in outcomes)
    remove: dict[str, None] = {}
    keep: dict[str, None] = {}
    for name, thumbs in recorded.items():
        for t in thumbs:
            if os.path.normpath(base / t) not in shown and os.path.realpath(base / t) not in shown:
                (keep if failures and name not in made else remove)[t] = None
    return list(remove), [t for t in keep if t not in remove]


def prune_thumbs(editions: Editions, pictures: list[str]) -> int:
    """Remove these recorded pictures (`unshown`'s first list) where each is still a page picture inside out/thumbs,
    and the folders that leaves empty up to it; the number removed."""
    base = editions.path.parent
    folder = os.path.normpath(manifest_path(editions).parent / THUMBS)
    real = os.path.realpath(folder)
    removed = 0
    emptied: set[str] = set()
    for t in pictures:
        path = os.path.normpath(base / t)
        if not _PAGE_PICTURE.search(path) or not _inside(path, real):
            continue
        if _a_picture(Path(path)):
            with contextlib.suppress(OSError):
                os.unlink(path)
                removed += 1
                emptied.add(os.path.dirname(path))
    for start in sorted(emptied, key=len, reverse=True):  # (each folder it emptied, and those above it, to thumbs/)
        here = start
        while here.startswith(folder + os.sep):
            try:
                os.rmdir(here)  # (a folder with anything left in it stays)
            except OSError:
                break
            here = os.path.dirname(here)
    return removed


def _inside(path: str, real_folder: str) -> bool:
    """Whether the file's folder, links followed, is out/thumbs or inside it (a linked folder may lead elsewhere)."""
    try:
        where = os.path.realpath(os.path.dirname(path))
    except (OSError, ValueError):
        return False
    return where == real_folder or where.startswith(real_folder + os.sep)


def _a_picture(path: Path) -> bool:
    """A file the batch may have written as a page picture: a PNG, not a link (anything else is someone's)."""
    try:
        return not path.is_symlink() and path.stat().st_size > 0 and not target_problem(path, PNG)
    except (OSError, ValueError):
        return False
