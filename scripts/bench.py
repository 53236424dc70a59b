"""Benchmark: whole-process build time, in-process rebuild time, peak memory; prints the figures.

Run with `make bench`. Record results, with machine and date, in docs/performance.md.
Targets (issue 2, 2-core machine): <= 80 ms per leaflet in process, <= 0.7 s whole process,
peak memory <= 120 MB.
"""

from __future__ import annotations

import dataclasses
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from brochure import api  # noqa: E402

RUNS_PROCESS = 10
RUNS_INPROCESS = 50


def whole_process(target: str) -> tuple[float, float]:
    """Median wall time of `python -m brochure build` and the children's peak RSS in MB."""
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(RUNS_PROCESS):
            t0 = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "brochure", "build", "--target", target, "-o", f"{tmp}/leaflet.pdf"],
                cwd=ROOT,
                check=True,
                capture_output=True,
            )
            times.append(time.perf_counter() - t0)
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return statistics.median(times), peak_kb / 1024


def in_process(target: str = "office", layout: str = "trifold") -> tuple[float, float, float]:
    """Mean and median ms per leaflet over rebuilds with changed clinic names and colours; first build ms."""
    src, diags = api.load(ROOT / "content.yaml", ROOT / "assets/brand.yaml")
    assert src is not None, diags
    t0 = time.perf_counter()
    options = api.Options(layout=layout, target=target)
    assert api.build(src, options).ok
    first = (time.perf_counter() - t0) * 1000
    times = []
    for i in range(RUNS_INPROCESS):
        colors = dict(src.brand.colors)
        colors["primary"] = f"#{0x14 + i % 9:02X}{0x48 + i % 7:02X}{0x50 + i % 11:02X}"  # dark enough to read
        colors["accent"] = f"#{(0xE07A5F + i * 0x030102) & 0xFFFFFF:06X}"
        brand = dataclasses.replace(src.brand, name=f"Clinic number {i}", colors=tuple(colors.items()))
        variant = dataclasses.replace(src, brand=brand)
        t = time.perf_counter()
        result = api.build(variant, options)
        times.append((time.perf_counter() - t) * 1000)
        assert result.ok, result.diagnostics
    return statistics.mean(times), statistics.median(times), first


def main() -> None:
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1796083200")
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.platform()}"
    )
    mean_ms, median_ms, first_ms = in_process()
    print(
        f"in process, office: first build {first_ms:.0f} ms; then {RUNS_INPROCESS} rebuilds with changed names and "
        f"colours: mean {mean_ms:.1f} ms, median {median_ms:.1f} ms per leaflet (target <= 80 ms)"
    )
    p_mean, p_median, p_first = in_process("press")
    print(
        f"in process, press: first build {p_first:.0f} ms; then mean {p_mean:.1f} ms, median {p_median:.1f} ms "
        f"per leaflet: {p_mean / mean_ms:.2f} x office (target <= 2 x)"
    )
    for layout in ("bifold", "flyer"):
        l_mean, l_median, _ = in_process("office", layout)
        print(f"in process, {layout} office: mean {l_mean:.1f} ms, median {l_median:.1f} ms per leaflet")
    inproc_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"in process: peak memory {inproc_peak:.0f} MB")
    for target in ("office", "press"):
        wall, peak = whole_process(target)
        print(
            f"whole process, {target}: `python -m brochure build`, median of {RUNS_PROCESS}: {wall:.3f} s "
            f"(target <= 0.7 s); peak memory {peak:.0f} MB (target <= 120 MB)"
        )


if __name__ == "__main__":
    main()
