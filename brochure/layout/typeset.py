"""Frames -> frames with display typography refined where a font's own glyphs fall short (pure data, no canvas).

At display sizes a font's hyphen-minus is often drawn for text sizes: Be Vietnam Pro's is 0.61 em wide, and at
36 pt it reads as an en dash ('Micro–needling'). A typesetter narrows it. Here a hyphen in a display line wider
than half an em is set at half an em by horizontal scaling (Tz): the character stays '-' (the words print as
written, and copy as written), only its glyph is narrower, and the rest of the line closes up behind it.
"""

from __future__ import annotations

from dataclasses import replace

from reportlab.pdfbase.pdfmetrics import stringWidth

from brochure.geometry.sheet import Rect
from brochure.layout.model import Frame, Run, Text

DISPLAY = 18.0  # pt: from this size a line is display type
HYPHEN_EM = 0.5  # the widest a display hyphen may be, in em


def refine(items: list[Frame]) -> list[Frame]:
    """The items with display lines' hyphens narrowed (other items as they are)."""
    return [_narrow_hyphens(i) if isinstance(i, Text) and _display(i) else i for i in items]


def _display(line: Text) -> bool:
    return any(r.size >= DISPLAY and "-" in r.text for r in line.runs)


def _narrow_hyphens(line: Text) -> Text:
    runs: list[Run] = []
    shift = 0.0  # how far the line has closed up so far
    for run in line.runs:
        hyphen = stringWidth("-", run.font, run.size)
        if run.actual is not None or run.size < DISPLAY or "-" not in run.text or hyphen <= HYPHEN_EM * run.size:
            runs.append(replace(run, x=run.x - shift))
            continue
        x = run.x - shift
        for i, part in enumerate(run.text.split("-")):
            if i:  # the hyphen before this part, at half an em
                scale = HYPHEN_EM * run.size / hyphen
                runs.append(replace(run, text="-", x=x, width=HYPHEN_EM * run.size, h_scale=run.h_scale * scale))
                x += HYPHEN_EM * run.size
                shift += hyphen - HYPHEN_EM * run.size
            if part:
                width = stringWidth(part, run.font, run.size) + run.char_space * len(part)
                runs.append(replace(run, text=part, x=x, width=width))
                x += width
    left = min(r.x for r in runs)
    right = max(r.x + r.width for r in runs)
    return replace(line, runs=tuple(runs), box=Rect(left, line.box.y, right - left, line.box.h))
