"""Benchmark: whole-process build time, in-process rebuild time, peak memory; prints the figures.

Run with `make bench`. Record results, with machine and date, in docs/performance.md.
Targets (2-core machine): the tri-fold office build <= 55 ms in process (issue 9; 80 ms in issue 2), press
under 1.8 x office, <= 0.7 s whole process, peak memory <= 120 MB. Also: the preflight's share of a build,
and builds per second in 1, 2 and 4 threads (builds share nothing, so threads are safe; the GIL decides
how much they gain).
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
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


PREFLIGHT = (  # the checks api.build runs, by the names it calls them
    "check_dates",
    "check_producer",
    "check_glyphs",
    "check_placement",
    "check_design",
    "check_pdf",
    "check_qr_decodes",
)
STAGES = ("lay_out", "render", "structure_of", "make_pdfua", "make_pdfx", *PREFLIGHT)


def stage_shares(target: str, runs: int = 20) -> tuple[float, dict[str, float]]:
    """ms per build, and ms per build in each stage api.build calls (timed by wrapping them here)."""
    src, _ = api.load(ROOT / "content.yaml", ROOT / "assets/brand.yaml")
    assert src is not None
    spent: Counter[str] = Counter()
    saved = {name: getattr(api, name) for name in STAGES}

    def timed(name: str, f: Callable[..., object]) -> Callable[..., object]:
        def run(*args: object, **kw: object) -> object:
            t = time.perf_counter()
            try:
                return f(*args, **kw)
            finally:
                spent[name] += time.perf_counter() - t

        return run

    options = api.Options(target=target)
    api.build(src, options)
    try:
        for name, f in saved.items():
            setattr(api, name, timed(name, f))
        t0 = time.perf_counter()
        for _ in range(runs):
            api.build(src, options)
        total = (time.perf_counter() - t0) * 1000 / runs
    finally:
        for name, f in saved.items():
            setattr(api, name, f)
    return total, {name: spent[name] * 1000 / runs for name in STAGES}


def threads(n: int, editions: int = 24) -> float:
    """Builds per second of `editions` mixed editions (3 layouts x 2 targets x 2 papers, twice) in n threads."""
    src, _ = api.load(ROOT / "content.yaml", ROOT / "assets/brand.yaml")
    assert src is not None
    jobs = list(itertools.product(("trifold", "bifold", "flyer"), ("office", "press"), ("a4", "letter"))) * 2
    jobs = jobs[:editions]

    def one(job: tuple[str, str, str]) -> bool:
        layout, target, paper = job
        return api.build(src, api.Options(layout=layout, target=target, paper=paper)).ok  # type: ignore[arg-type]

    assert all(map(one, jobs[:12]))  # warm
    t0 = time.perf_counter()
    with ThreadPoolExecutor(n) as pool:
        assert all(pool.map(one, jobs))
    return len(jobs) / (time.perf_counter() - t0)


def batch_figures() -> tuple[int, float, float]:
    """The shipped editions.yaml as `brochure batch` builds it into out/bench/: (editions, cold s, unchanged s)."""
    text = (ROOT / "editions.yaml").read_text(encoding="utf-8")
    text = text.replace('output: "out/', 'output: "out/bench/', 1)
    spec = ROOT / ".bench-editions.yaml"
    spec.write_text(text, encoding="utf-8")
    try:
        times = []
        by_kind: dict[str, list[float]] = {}
        for extra in (["--force"], []):
            t0 = time.perf_counter()
            done = subprocess.run(
                [sys.executable, "-m", "brochure", "batch", str(spec.name), *extra],
                cwd=ROOT, capture_output=True, text=True, check=False,
            )  # fmt: skip
            times.append(time.perf_counter() - t0)
            if extra:  # the cold run: each edition's time in its worker
                manifest = json.loads((ROOT / "out" / "bench" / "manifest.json").read_text(encoding="utf-8"))
                for e in manifest["editions"]:
                    _, _, layout, _, target = str(e["edition"]).split("/")
                    by_kind.setdefault(f"{layout} {target}", []).append(float(e["seconds"]))
        count = sum(1 for line in done.stdout.splitlines() if line.strip().startswith(("built", "unchanged", "failed")))
        print(
            "batch, per edition in a worker: "
            + ", ".join(f"{k} {statistics.mean(v) * 1000:.0f} ms" for k, v in sorted(by_kind.items()))
        )
        return count, times[0], times[1]
    finally:
        spec.unlink(missing_ok=True)
        shutil.rmtree(ROOT / "out" / "bench", ignore_errors=True)


def main() -> None:
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1796083200")
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.platform()}"
    )
    for target in ("office", "press"):  # first, while this process is small (a child's peak counts its fork)
        wall, peak = whole_process(target)
        print(
            f"whole process, {target}: `python -m brochure build`, median of {RUNS_PROCESS}: {wall:.3f} s "
            f"(target <= 0.7 s); peak memory {peak:.0f} MB (target <= 120 MB)"
        )
    mean_ms, median_ms, first_ms = in_process()
    print(
        f"in process, office: first build {first_ms:.0f} ms; then {RUNS_INPROCESS} rebuilds with changed names and "
        f"colours: mean {mean_ms:.1f} ms, median {median_ms:.1f} ms per leaflet (target <= 55 ms)"
    )
    p_mean, p_median, p_first = in_process("press")
    print(
        f"in process, press: first build {p_first:.0f} ms; then mean {p_mean:.1f} ms, median {p_median:.1f} ms "
        f"per leaflet: {p_mean / mean_ms:.2f} x office (target < 1.8 x)"
    )
    for layout in ("bifold", "flyer"):
        l_mean, l_median, _ = in_process("office", layout)
        print(f"in process, {layout} office: mean {l_mean:.1f} ms, median {l_median:.1f} ms per leaflet")
    for target in ("office", "press"):
        total, stages = stage_shares(target)
        check = sum(stages[name] for name in PREFLIGHT)
        shown = ", ".join(f"{name} {ms:.1f}" for name, ms in stages.items() if ms >= 0.5)
        print(
            f"stages, tri-fold {target}: {total:.1f} ms per build; preflight {check:.1f} ms ({check / total:.0%}); "
            f"ms by stage: {shown}"
        )
    count, cold, warm = batch_figures()
    print(
        f"batch, the shipped editions.yaml: {count} editions, whole process {cold:.1f} s from nothing built, "
        f"{warm:.2f} s when nothing changed (target: 120 editions in <= 4 s; <= 0.5 s unchanged)"
    )
    rates = {n: threads(n) for n in (1, 2, 4)}
    print(
        "threads, 24 mixed editions: "
        + ", ".join(f"{n} thread{'s' if n > 1 else ''} {rate:.1f} builds/s" for n, rate in rates.items())
        + f" ({rates[4] / rates[1]:.2f} x with 4)"
    )
    inproc_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"in process: peak memory {inproc_peak:.0f} MB")


if __name__ == "__main__":
    main()
