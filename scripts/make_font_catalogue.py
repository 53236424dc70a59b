"""fontpkg's family catalogue + which packages are on PyPI + a few wheels read -> brochure/data/fontpkg-families.json.

`brochure fonts --search WORD` reads the file this writes: for every fontpkg family, its package, version, static
upright weights, italics, whether it comes only as a variable font, its kinds, and whether it was on PyPI.

    python scripts/make_font_catalogue.py --catalog catalog.json --published names.txt \
        --inspect fontpkg-lato fontpkg-montserrat

--catalog   fontpkg's catalog.json (the file `fontpkg search` reads; a path or an address; default: fontpkg's own,
            or FONTPKG_CATALOG_URL): every family with its static weights and whether it is variable.
--published a file naming the packages on PyPI, one per line (the first word of a line counts, so a registry's
            name list filtered to fontpkg-* works); without it, PyPI's simple API is asked about each family
            (some 1,800 requests: for a maintainer, not for every run).
--inspect   packages whose newest wheel is read from PyPI (by range requests, a few kilobytes each): their
            metadata.json replaces the catalogue's row, and any verdict that differs is printed (exit 1), so
            the catalogue's data is checked against what pip would install.
The fontpkg families installed here are always compared with their rows (no network).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import sys
import urllib.request
from pathlib import Path

import fontpkg

from brochure.theme.fontindex import KINDS, Index, IndexProblem, Installable, from_metadata, judge_wheel

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "brochure" / "data" / "fontpkg-families.json"
CATALOG = "https://raw.githubusercontent.com/Fontpkg/fontpkg/main/catalog.json"


def read_catalog(where: str) -> dict[str, dict[str, object]]:
    if Path(where).is_file():
        return dict(json.loads(Path(where).read_text(encoding="utf-8")))
    with urllib.request.urlopen(urllib.request.Request(where, headers={"User-Agent": "brochure"}), timeout=60) as r:
        return dict(json.loads(r.read().decode("utf-8")))


def row(entry: dict[str, object], on_pypi: bool | None) -> Installable:
    """A catalogue entry: `weights` lists the static weights (empty for a variable-only family)."""
    weights = entry.get("weights") or []
    styles = entry.get("styles") or []
    categories = entry.get("category") or []
    assert isinstance(weights, list) and isinstance(styles, list) and isinstance(categories, list)
    return Installable(
        str(entry["family"]),
        str(entry["package"]),
        str(entry["version"]),
        tuple(sorted(int(w) for w in weights)),
        "italic" in styles and bool(weights),
        bool(entry.get("variable")),
        tuple(KINDS.get(str(c), str(c).lower()) for c in categories),
        on_pypi,
    )


def verdict(f: Installable) -> str:
    return f.problem or f"usable, weights {list(f.weights)}, italic {f.italic}"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    p.add_argument("--catalog", default=os.environ.get("FONTPKG_CATALOG_URL") or CATALOG)
    p.add_argument("--published", type=Path, default=None)
    p.add_argument("--inspect", nargs="*", default=[])
    p.add_argument("--date", default=datetime.date.today().isoformat(), help="the date the list is made")
    p.add_argument("-o", "--output", type=Path, default=OUT)
    args = p.parse_args(argv)

    catalog = read_catalog(args.catalog)
    index = Index(os.environ.get("BROCHURE_INDEX_URL") or "https://pypi.org/simple/", seconds=3600)
    if args.published is not None:
        lines = args.published.read_text(encoding="utf-8").splitlines()
        published = {line.split()[0] for line in lines if line.strip()}
        on_pypi = {str(e["package"]): str(e["package"]) in published for e in catalog.values()}
    else:
        on_pypi = {str(e["package"]): index.newest_wheel(str(e["package"])) is not None for e in catalog.values()}
    rows = {str(e["package"]): row(e, on_pypi[str(e["package"])]) for e in catalog.values()}

    differ = 0
    for package in args.inspect:
        try:
            wheel = index.newest_wheel(package)
            if wheel is None:
                print(f"{package}: not on PyPI", file=sys.stderr)
                differ += 1
                continue
            read = judge_wheel(index, wheel, package)
        except IndexProblem as exc:
            print(f"{package}: {exc}", file=sys.stderr)
            return 1
        listed = rows.get(package)
        if listed is None or verdict(listed) != verdict(read):
            print(f"{package}: the catalogue says {listed and verdict(listed)}, the wheel {verdict(read)}")
            differ += listed is not None
        rows[package] = read
        print(f"{package} {wheel['filename']}: {verdict(read)}")
    for fam in fontpkg.families().values():
        package = f"fontpkg-{fam.slug}"
        files = [{"style": f.style, "weight": f.weight, "variable": f.variable} for f in fam.files]
        here = from_metadata({"family": fam.name, "version": fam.version, "files": files}, package, True)
        listed = rows.get(package)
        if listed is None or verdict(listed) != verdict(here):
            print(f"{package} (installed): the catalogue says {listed and verdict(listed)}, the files {verdict(here)}")
            differ += 1

    families = sorted(rows.values(), key=lambda f: f.name.lower())
    source = (
        f"fontpkg's catalogue of {len(catalog)} families; on PyPI: "
        + (f"the names in {args.published.name}" if args.published else "PyPI's simple API")
        + f"; wheels read: {', '.join(args.inspect) or 'none'}"
    )
    lines = [
        json.dumps([f.name, f.package, f.version, list(f.weights), f.italic, f.variable, list(f.kinds), f.on_pypi])
        for f in families
    ]
    text = (
        "{\n"
        f'  "made": {json.dumps(args.date)},\n'
        f'  "source": {json.dumps(source)},\n'
        '  "columns": ["family", "package", "version", "static upright weights", "italic", "variable", '
        '"kinds", "on PyPI"],\n'
        '  "families": [\n    ' + ",\n    ".join(lines) + "\n  ]\n}\n"
    )
    args.output.write_text(text, encoding="utf-8")
    usable = sum(not f.problem for f in families)
    print(f"wrote {args.output}: {len(families)} families, {usable} usable, {sum(bool(f.on_pypi) for f in families)}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
