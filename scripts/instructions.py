"""A build's cost in machine instructions (valgrind), which a shared, noisy machine does not move: for comparing trees.

    python scripts/instructions.py [--tree PATH ...] [--layout L] [--target T] [--content FILE]

For each tree (default: this one) it runs, under valgrind's cachegrind (no cache simulation), a process that loads
the shipped words and kit and rebuilds the leaflet N times with the clinic's name and colours changed, as
scripts/bench.py's in-process figure does; once with 2 rebuilds and once with 6. The difference over 4 is one
rebuild's instructions; the first run, less two rebuilds, is what a process pays before them (starting, importing,
loading, the first build). Hash seeds are fixed, so a tree gives the same count to about 0.1 % run after run, where
CPU time moved by 20 % between two runs on this machine (docs/performance.md). About a minute a tree.

Instructions are not time (a cache miss or a C library's loop counts alike), but a change that removes work shows
in them whatever else runs beside it. Needs valgrind (Debian: `apt-get install valgrind`); not part of `make test`.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = """
import dataclasses, os, sys
from pathlib import Path
from brochure import api
n, layout, target, content = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
src, diags = api.load(Path(content), Path("assets/brand.yaml"))
assert src is not None, diags
options = api.Options(layout=layout, target=target)
assert api.build(src, options).ok
for i in range(n):
    colors = dict(src.brand.colors)
    colors["primary"] = f"#{0x14 + i % 9:02X}{0x48 + i % 7:02X}{0x50 + i % 11:02X}"
    colors["accent"] = f"#{(0xE07A5F + i * 0x030102) & 0xFFFFFF:06X}"
    brand = dataclasses.replace(src.brand, name=f"Clinic number {i}", colors=tuple(colors.items()))
    assert api.build(dataclasses.replace(src, brand=brand), options).ok
"""

FEW, MANY = 2, 6


def instructions(tree: Path, rebuilds: int, layout: str, target: str, content: str = "content.yaml") -> int:
    """The instructions a process of `rebuilds` rebuilds executes (all of it: start-up, imports, builds)."""
    env = dict(os.environ, PYTHONPATH=str(tree), PYTHONHASHSEED="0", SOURCE_DATE_EPOCH="1796083200")
    cmd = [
        "valgrind",
        "--tool=cachegrind",
        "--cache-sim=no",
        "--cachegrind-out-file=/dev/null",
        sys.executable,
        "-P",  # (the tree's package, not the one in the working folder: `-c` puts that first on the path)
        "-c",
        CHILD,
        str(rebuilds),
        layout,
        target,
        content,
    ]
    done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    found = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
    if done.returncode != 0 or found is None:
        sys.exit(f"instructions.py: the build under valgrind failed:\n{done.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", action="append", type=Path, help="a checkout to measure (default: this one)")
    parser.add_argument("--layout", default="trifold")
    parser.add_argument("--target", default="office")
    parser.add_argument(
        "--content", default="content.yaml", help="the words, from the project's root (e.g. translations/ar.yaml)"
    )
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("instructions.py: needs valgrind (Debian: apt-get install valgrind)")
    for tree in args.tree or [ROOT]:
        few = instructions(tree.resolve(), FEW, args.layout, args.target, args.content)
        many = instructions(tree.resolve(), MANY, args.layout, args.target, args.content)
        rebuild = (many - few) / (MANY - FEW)
        first = few - FEW * rebuild
        print(
            f"{tree}: {args.content} {args.layout} {args.target}: {rebuild / 1e6:.1f} M instructions a rebuild; "
            f"{first / 1e6:.0f} M to start a process, load and build once"
        )


if __name__ == "__main__":
    main()
