"""A batch's outcomes -> its contact sheet, out/index.html: a small picture of every page of every edition, a card
per edition grouped by clinic and language, each linked to its PDF, failures in red with their messages, an
edition's warnings under it, and the warnings about a clinic's kit under its name."""

from __future__ import annotations

import html
import os
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from brochure.output.files import HTML, write_atomic

if TYPE_CHECKING:
    from brochure.batch import Outcome


def write_contact_sheet(
    path: Path,
    base: Path,
    outcomes: Sequence[Outcome],
    names: Mapping[str, str] | None = None,
    left: Sequence[str] = (),
    kit_notes: Mapping[str, Sequence[str]] | None = None,
    kept: Sequence[str] = (),
) -> Path:
    """The contact sheet at `path` (out/index.html; `base`: editions.yaml's folder, which the outcomes' paths are
    relative to): every page of every edition, by clinic (under its name, from `names` by the kit's id, beside the
    id the editions are named by) and language; failures in red with their messages; the PDFs of editions no
    longer in editions.yaml that are left in place (`left`), and the earlier PDFs kept for editions that failed
    (`kept`), listed, as the folder sent whole holds them; under a
    clinic's name, the warnings about its kit (`kit_notes`, by the kit's id, each as the command line prints it),
    folded as an edition's are. Offline: the pictures are files beside it, and the page's own policy lets the
    browser fetch nothing else."""
    folder = path.parent
    notes = kit_notes or {}
    clinics: dict[str, dict[str, list[Outcome]]] = {}
    for o in outcomes:
        clinic, language, *_ = [*o.edition.split("/"), "", ""]
        clinics.setdefault(clinic, {}).setdefault(language, []).append(o)
    for clinic in notes:  # (a clinic warned of shows its warnings, editions or none)
        clinics.setdefault(clinic, {})
    failed = [o for o in outcomes if o.status == "failed"]
    stopped = ("stopped",) if any(o.status == "stopped" for o in outcomes) else ()  # (a batch stopped before its end)
    statuses = ("built", "unchanged", "failed", *stopped)
    counts = ", ".join(f"{sum(o.status == s for o in outcomes)} {s}" for s in statuses)
    warned = sum(bool(_warnings(o)) for o in outcomes)
    counts += f"; {warned} with warnings" if warned else ""
    about = sum(len(n) for n in notes.values())
    counts += f"; {about} warning{'' if about == 1 else 's'} about the kits" if about else ""
    editions = f"{len(outcomes)} edition{'' if len(outcomes) == 1 else 's'}"
    parts = [_INDEX_HEAD, f'<p class="summary">{editions}: {counts}</p>']
    if failed:
        links = "".join(f'<li><a href="#{_anchor(o)}">{html.escape(o.edition)}</a></li>' for o in failed)
        parts.append(f'<nav class="failures"><p>Failed:</p><ul>{links}</ul></nav>')
    if left:
        parts.append(
            _files(
                left,
                base,
                folder,
                "Left in place, no longer editions (delete them, or leave them out of what you send)",
            )
        )
    if kept:  # (the folder is sent whole: an edition's red card said nothing of its earlier PDF beside it)
        parts.append(
            _files(
                kept,
                base,
                folder,
                "Kept from an earlier run for editions that failed this time: not this run's words or kit (delete "
                "them, or leave them out of what you send)",
            )
        )
    for clinic, languages in clinics.items():
        name = (names or {}).get(clinic, "")
        title = f'{html.escape(name)} <span class="id">{html.escape(clinic)}</span>' if name else html.escape(clinic)
        parts.append(f'<section class="clinic" data-clinic="{html.escape(clinic)}"><h2>{title}</h2>')
        if notes.get(clinic):
            parts.append(_folded(notes[clinic], " about the kit", "kit"))
        for language, items in languages.items():
            parts.append(
                f'<section class="language" data-language="{html.escape(language)}"><h3>{html.escape(language)}</h3>'
                '<div class="editions">'
            )
            parts += [_card(o, base, folder) for o in items]
            parts.append("</div></section>")
        parts.append("</section>")
    parts.append("</body></html>\n")
    write_atomic(path, "\n".join(parts).encode("utf-8"), HTML)
    return path


def _files(files: Sequence[str], base: Path, folder: Path, said: str) -> str:
    """A list of output files at the top of the sheet, each linked, under what is to be said of them."""
    hrefs = [html.escape(_url(os.path.relpath(base / f, folder))) for f in files]
    items = "".join(f'<li><a href="{href}">{html.escape(f)}</a></li>' for href, f in zip(hrefs, files, strict=True))
    return f'<aside class="left"><p>{html.escape(said)}:</p><ul>{items}</ul></aside>'


def _card(o: Outcome, base: Path, folder: Path) -> str:
    """One edition on the contact sheet: its layout, paper and target (a link to its PDF), status, pages, errors."""
    name = html.escape(o.edition)
    label = html.escape(" \u00b7 ".join(o.edition.split("/")[2:]) or o.edition)
    link = html.escape(_url(os.path.relpath(base / o.output, folder))) if o.output else ""
    title = f'<a href="{link}">{label}</a>' if link and o.status in ("built", "unchanged") else label
    pages = []
    for i, t in enumerate(o.thumbs, 1):
        size = _png_size(base / t)
        dims = f' width="{size[0]}" height="{size[1]}"' if size else ""
        src = html.escape(_url(os.path.relpath(base / t, folder)))
        pages.append(f'<img src="{src}" alt="{name}, page {i}"{dims}>')
    notes = "".join(f"<li>{html.escape(f)}</li>" for f in o.findings if ": error: " in f or o.status == "stopped")
    warnings = _warnings(o)  # (a translation not yet checked, a picture that prints soft: said before it is printed)
    warned = " warned" if warnings else ""
    return (
        f'<article class="edition {o.status}{warned}" id="{_anchor(o)}" data-edition="{name}"'
        f' data-pages="{len(o.thumbs)}"><h4>{title} <span class="status">{o.status}</span></h4>'
        + (f'<div class="pages">{"".join(pages)}</div>' if pages else "")
        + (f'<ul class="findings">{notes}</ul>' if notes else "")
        + (_folded(warnings) if warnings else "")
        + "</article>"
    )


def _folded(warnings: Sequence[str], about: str = "", kind: str = "") -> str:
    """Warnings, folded under how many there are ("2 warnings", "1 warning about the kit"), each as the command
    line prints it, escaped."""
    said = f"{len(warnings)} warning{'' if len(warnings) == 1 else 's'}{about}"
    items = "".join(f"<li>{html.escape(f)}</li>" for f in warnings)
    return f'<details class="warnings{" " + kind if kind else ""}"><summary>{said}</summary><ul>{items}</ul></details>'


def _warnings(o: Outcome) -> list[str]:
    """An edition's warnings, as the command line prints them (a failed edition shows its errors instead)."""
    return [f for f in o.findings if ": warning: " in f] if o.status in ("built", "unchanged") else []


def _anchor(o: Outcome) -> str:
    return "e-" + re.sub(r"[^A-Za-z0-9_-]+", "-", o.edition)


def _url(relative: str) -> str:
    """A relative file path as a link (each part percent-encoded: a space or '#' in a name stays a name)."""
    return "/".join(quote(part) for part in Path(relative).as_posix().split("/"))


def _png_size(path: Path) -> tuple[int, int] | None:
    """A PNG's width and height from its header (so the page is laid out before the pictures arrive)."""
    try:
        with path.open("rb") as f:
            head = f.read(24)
    except OSError:
        return None
    if len(head) < 24 or not head.startswith(b"\x89PNG\r\n\x1a\n"):
        return None
    return int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")


_INDEX_HEAD = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy"
 content="default-src 'none'; img-src 'self' file:; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Every edition</title><style>
:root{--ink:#1f2328;--muted:#656d76;--line:#d0d7de;--fail:#b00020;--fail-bg:#fdf0f2;--warn:#7a4a00}
*{box-sizing:border-box}
body{margin:0;padding:24px 32px 48px;background:#f6f8fa;color:var(--ink);
 font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}
h1{font-size:26px;margin:0 0 2px} .summary{margin:0 0 20px;color:var(--muted)}
.failures{border-left:4px solid var(--fail);background:var(--fail-bg);color:var(--fail);
 padding:8px 14px;margin:0 0 24px}
.left{border-left:4px solid var(--muted);padding:8px 12px;margin:0 0 16px;color:var(--muted)}
.left p{margin:0;font-weight:600} .left ul{margin:4px 0 0;padding-left:1.2em;overflow-wrap:anywhere}
.failures p{margin:0;font-weight:600} .failures ul{margin:4px 0 0;padding-left:1.2em;overflow-wrap:anywhere}
.failures a{color:var(--fail)}
.clinic{margin:0 0 36px} h2{font-size:21px;margin:0 0 4px;padding-bottom:4px;border-bottom:2px solid var(--line)}
h2 .id{font-size:14px;font-weight:400;color:var(--muted);margin-left:6px}
h3{font-size:15px;font-weight:600;color:var(--muted);margin:14px 0 8px}
.editions{display:flex;flex-wrap:wrap;gap:14px;align-items:flex-start}
.edition{min-width:0;max-width:100%;background:#fff;border:1px solid var(--line);border-radius:6px;padding:10px 12px}
.edition h4{margin:0 0 8px;font-size:14px;font-weight:600;display:flex;flex-wrap:wrap;gap:4px 10px;align-items:baseline}
.edition a{color:#0550ae;text-decoration:none} .edition a:hover{text-decoration:underline}
.status{font-size:12px;font-weight:400;color:var(--muted)}
.pages{display:flex;flex-wrap:wrap;gap:6px}
.pages img{display:block;height:150px;width:auto;max-width:100%;object-fit:contain;background:#fff;
 border:1px solid #c4c9cf}
.edition.failed{border-color:var(--fail);background:var(--fail-bg);max-width:min(100%,56em)}
.edition.failed h4,.edition.failed .status,.findings{color:var(--fail)}
.edition.stopped{border-style:dashed;max-width:min(100%,56em)} .edition.stopped .findings{color:var(--muted)}
.findings{margin:0;padding-left:1.2em;font-size:13px;overflow-wrap:anywhere}
.edition.warned{max-width:min(100%,56em)} .warnings{margin:8px 0 0;font-size:13px;color:var(--warn)}
.warnings summary{cursor:pointer;font-weight:600}
.warnings ul{margin:4px 0 0;padding-left:1.2em;overflow-wrap:anywhere}
</style></head><body><h1>Every edition</h1>"""
