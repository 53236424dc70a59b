"""A build's outcome -> what the live page is shown: page pictures, findings with their lines, the result, switches.

These are the parts of the state live/session.py publishes as JSON.
"""

from __future__ import annotations

import io
import os
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from brochure import api
from brochure.diagnostics import Diagnostic
from brochure.frozen import frozen
from brochure.geometry.sheet import Rect
from brochure.layout.model import Layout
from brochure.limits import YAML_BYTES
from brochure.live.choices import Choice, Choices, Kit, Words
from brochure.vocabulary import LAYOUTS, PAPERS, TARGETS

DPI = 96.0  # the page pictures: a CSS pixel per pixel at 100 % zoom
LINE_CHARS = 160  # an offending line longer than this is shown around its column


Crop = tuple[int, float, float, float, float]  # a panel of a page: page index, x, y, w, h in points


@frozen
class Pictures:
    """One set of page pictures: JPEG bytes by name (page1, page2, ...) and what the page needs to lay them out,
    fold them into the mock-up (each reading step's panels) and mark findings on them."""

    id: int
    jpegs: tuple[tuple[str, bytes], ...]
    sides: tuple[str, ...]  # each page's side name (outside, inside, front, ...)
    width: float  # the page, in points
    height: float
    views: tuple[tuple[Crop, ...], ...]  # the folded leaflet as a reader meets it: the panels seen at each step
    label: str  # what they show: 'Clearwater Skin Clinic · en-GB · trifold · a4 · office'
    draft: bool  # drawn though preflight found errors: no PDF was written

    def describe(self, stale: bool) -> dict[str, object]:
        return {
            "id": self.id,
            "count": len(self.sides),
            "sides": list(self.sides),
            "width": self.width,
            "height": self.height,
            "views": [[dict(zip(("page", "x", "y", "w", "h"), crop, strict=True)) for crop in v] for v in self.views],
            "label": self.label,
            "draft": self.draft,
            "stale": stale,
        }


@frozen
class Shown:
    """What a set of pictures is: its number, its label, and whether it is a draft (not written)."""

    id: int
    label: str
    draft: bool


def picture(pdf: bytes, layout: Layout, dpi: float, shown: Shown, superseded: Callable[[], bool]) -> Pictures | None:
    """Pictures of every page at the screen's resolution, and where the mock-up's panels are on them (the page
    folds them itself, from the same pictures); None when `superseded()` says they are no longer wanted."""
    from brochure.output.preview import page_pictures

    pages = page_pictures(pdf, dpi)
    try:
        jpegs = []
        for i, image in enumerate(pages, 1):
            if superseded():
                return None
            jpegs.append((f"page{i}", jpeg(image)))
    finally:
        for image in pages:
            image.close()
    sheet = layout.sheet
    shown_views = layout.views if sheet.direction == "ltr" else tuple(v[::-1] for v in layout.views)  # as seen
    views = tuple(tuple((n, *_box(sheet.sides[n].panel(name).trim)) for n, name in view) for view in shown_views)
    sides = tuple(page.side.name for page in layout.pages)
    return Pictures(shown.id, tuple(jpegs), sides, sheet.media.w, sheet.media.h, views, shown.label, shown.draft)


def offer(choices: Choices, choice: Choice, kit_paper: str) -> dict[str, object]:
    """What the page's switches offer: layouts, papers (the kit's own first), targets, kits and the chosen kit's
    content files."""
    kit = choices.kit(choice.kit)
    return {
        "layouts": list(LAYOUTS),
        "papers": [{"key": "", "label": f"kit's ({kit_paper})" if kit_paper else "kit's"}]
        + [{"key": p, "label": p} for p in PAPERS],
        "targets": list(TARGETS),
        "kits": [{"key": str(k.path), "label": k.name} for k in choices.kits],
        "languages": [{"key": str(w.path), "label": label} for w, label in _labelled(kit)],
    }


def _labelled(kit: Kit | None) -> list[tuple[Words, str]]:
    """A kit's content files as the language switch names them: the language and the file's name, or its path from
    the kit's folder where two files share a name (a clinic's words in a folder each, every one content.yaml: the
    switch read "es (content.yaml)", "ar (content.yaml)")."""
    words = kit.languages if kit else ()
    names = [w.path.name for w in words]
    out = []
    for w in words:
        shown = w.path.name
        if names.count(shown) > 1 and kit is not None:
            relative = os.path.relpath(w.path, kit.path.parent)
            shown = Path(relative).as_posix() if not relative.startswith("..") else str(w.path)
        out.append((w, f"{w.language} ({shown})"))
    return out


def result(status: str, pdf: Path | None, pdf_ms: float | None, page_ms: float | None) -> dict[str, object]:
    """How the last build ended: built; errors (not written, the pages drawn); failed (no pages). `pdf`: the
    file written, if any."""
    return {
        "status": status,
        "pdf": str(pdf) if pdf else "",
        "when": time.strftime("%H:%M:%S"),
        "pdf_ms": round(pdf_ms) if pdf_ms is not None else None,
        "page_ms": round(page_ms) if page_ms is not None else None,
    }


def label(sources: api.Sources, options: api.Options) -> str:
    paper = options.paper or sources.brand.paper
    return f"{sources.brand.name} · {sources.content.language} · {options.layout} · {paper} · {options.target}"


def jpeg(image: Any) -> bytes:
    """A page picture for the screen: JPEG at quality 92 with full colour resolution (no subsampling) looks as
    sharp as a PNG at 100 % zoom and is made in a tenth of the time (12 ms against 120 for both sides of a sheet)."""
    buf = io.BytesIO()
    image.save(buf, format="JPEG", quality=92, subsampling=0)
    return buf.getvalue()


def _box(r: Rect) -> tuple[float, float, float, float]:
    return (r.x, r.y, r.w, r.h)


def findings(found: Sequence[Diagnostic]) -> list[dict[str, object]]:
    """The findings as the page shows them, each file read once for all of them (9,500 findings read a 1 MB file
    9,500 times, and the page stayed busy for 9 s)."""
    files: dict[str, list[str] | None] = {}
    return [finding(d, files) for d in found]


def finding(d: Diagnostic, files: dict[str, list[str] | None]) -> dict[str, object]:
    """A finding as the page shows it: as printed, and the offending line of its file with the column marked
    (`files`: each file's lines as read for the findings before it)."""
    loc = d.location
    if loc.line and loc.file not in files:
        files[loc.file] = _lines(Path(loc.file))
    lines = files.get(loc.file)
    return {
        **d.as_dict(),
        "where": loc.prefix(),
        "text": d.format(),
        "source": source_line(lines, loc.line, loc.column) if loc.line and lines is not None else None,
    }


def _lines(path: Path) -> list[str] | None:
    """A file's lines, their ends kept (None when it cannot be read, or is larger than a YAML file may be)."""
    try:
        if not path.is_file() or path.stat().st_size > YAML_BYTES:
            return None
        with path.open(encoding="utf-8", errors="replace") as f:
            return f.readlines()
    except OSError:
        return None


def source_line(lines: list[str], line: int, column: int) -> dict[str, object] | None:
    """The line'th of a file's lines (at most LINE_CHARS of it, around the column), the column within what is
    shown, and the line above it (YAML often notices a mistake on the line after it); None past its end."""
    near = lines[max(0, line - 2) : line]
    if line > 1 and len(near) == 1 and near[0].endswith("\n") and line == len(lines) + 1:
        near = [*near, ""]  # the end of the file, after its last line: where an unclosed bracket or quote is found
    near = [t.rstrip("\r\n").replace("\t", " ") for t in near]
    if len(near) != min(2, line):
        return None
    text = near[-1]
    col = max(1, column)
    start = max(0, min(col - 1 - LINE_CHARS // 2, len(text) - LINE_CHARS))
    return {
        "line": line,
        "text": text[start : start + LINE_CHARS],
        "column": col - start,
        "cut_before": start > 0,
        "cut_after": start + LINE_CHARS < len(text),
        "before": near[0][:LINE_CHARS] if line > 1 else None,
    }
