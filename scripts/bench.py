"""Benchmark: whole-process build time, in-process rebuild time, peak memory; prints the figures.

Run with `make bench`. Record results, with machine and date, in docs/performance.md.
Targets (2-core machine): the tri-fold office build <= 55 ms in process (issue 9; 30 ms in issue 12), press
under 1.8 x office, a whole `brochure build` under 0.3 s of CPU (issue 12), peak memory <= 120 MB. Also: the
preflight's share of a build, and builds per second in 1, 2 and 4 threads (builds share nothing, so threads
are safe; the GIL decides how much they gain).

The machine's speed drifts (up to a third within an hour): a fixed reference workload is timed at the start and
the end, so runs made at different hours compare in proportion. Times are given as CPU time (user + system: what
the build itself costs, which other work on a shared machine inflates far less than wall time) and, where it says
so, as wall time.
"""

from __future__ import annotations

import dataclasses
import http.client
import itertools
import json
import os
import platform
import queue
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from brochure import api  # noqa: E402
from brochure.collector import for_many_builds  # noqa: E402

RUNS_PROCESS = 10
RUNS_INPROCESS = 50


def whole_process(target: str, args: tuple[str, ...] = ()) -> tuple[float, float, float]:
    """`python -m brochure build` (or `args` instead of `build ...`), RUNS_PROCESS times: the median CPU time
    (user + system) and wall time of a run, in seconds, and the children's peak RSS in MB."""
    cpu, wall = [], []
    with tempfile.TemporaryDirectory() as tmp:
        command = list(args) or ["build", "--target", target, "-o", f"{tmp}/leaflet.pdf"]
        for _ in range(RUNS_PROCESS):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-m", "brochure", *command], cwd=ROOT, check=True, capture_output=True)
            wall.append(time.perf_counter() - t0)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return statistics.median(cpu), statistics.median(wall), peak_kb / 1024


def in_process(target: str = "office", layout: str = "trifold") -> tuple[float, float, float, float]:
    """Over rebuilds with changed clinic names and colours: the median CPU ms (user + system) of a leaflet, its
    mean and median wall ms; and the first build's wall ms."""
    src, diags = api.load(ROOT / "content.yaml", ROOT / "assets/brand.yaml")
    assert src is not None, diags
    t0 = time.perf_counter()
    options = api.Options(layout=layout, target=target)
    assert api.build(src, options).ok
    first = (time.perf_counter() - t0) * 1000
    times, cpu = [], []
    for i in range(RUNS_INPROCESS):
        colors = dict(src.brand.colors)
        colors["primary"] = f"#{0x14 + i % 9:02X}{0x48 + i % 7:02X}{0x50 + i % 11:02X}"  # dark enough to read
        colors["accent"] = f"#{(0xE07A5F + i * 0x030102) & 0xFFFFFF:06X}"
        brand = dataclasses.replace(src.brand, name=f"Clinic number {i}", colors=tuple(colors.items()))
        variant = dataclasses.replace(src, brand=brand)
        c, t = time.process_time(), time.perf_counter()
        result = api.build(variant, options)
        times.append((time.perf_counter() - t) * 1000)
        cpu.append((time.process_time() - c) * 1000)
        assert result.ok, result.diagnostics
    return statistics.median(cpu), statistics.mean(times), statistics.median(times), first


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
    """CPU ms per build, and CPU ms per build in each stage api.build calls (timed by wrapping them here)."""
    src, _ = api.load(ROOT / "content.yaml", ROOT / "assets/brand.yaml")
    assert src is not None
    spent: Counter[str] = Counter()
    saved = {name: getattr(api, name) for name in STAGES}

    def timed(name: str, f: Callable[..., object]) -> Callable[..., object]:
        def run(*args: object, **kw: object) -> object:
            t = time.process_time()
            try:
                return f(*args, **kw)
            finally:
                spent[name] += time.process_time() - t

        return run

    options = api.Options(target=target)
    api.build(src, options)
    try:
        for name, f in saved.items():
            setattr(api, name, timed(name, f))
        t0 = time.process_time()
        for _ in range(runs):
            api.build(src, options)
        total = (time.process_time() - t0) * 1000 / runs
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


def batch_figures() -> tuple[int, float, float, float]:
    """The shipped editions.yaml as `brochure batch` builds it into out/bench/: (editions, cold s, unchanged s,
    cold CPU s: the batch's process and its workers, user + system)."""
    text = (ROOT / "editions.yaml").read_text(encoding="utf-8")
    text = text.replace('output: "out/', 'output: "out/bench/', 1)
    spec = ROOT / ".bench-editions.yaml"
    spec.write_text(text, encoding="utf-8")
    try:
        times, cpu = [], []
        by_kind: dict[str, list[float]] = {}
        for extra in (["--force"], []):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.perf_counter()
            with subprocess.Popen(
                [sys.executable, "-m", "brochure", "batch", str(spec.name), *extra],
                cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            ) as proc:  # fmt: skip
                peaks: dict[int, float] = {}
                watcher = threading.Thread(target=_watch_workers, args=(proc, peaks), daemon=True)
                watcher.start()
                out, _ = proc.communicate()
                watcher.join()
            done = subprocess.CompletedProcess(proc.args, proc.returncode, out, "")
            times.append(time.perf_counter() - t0)
            if extra and peaks:
                print(
                    f"batch, peak memory of each worker: {', '.join(f'{mb:.0f}' for mb in sorted(peaks.values()))} MB "
                    "(target < 150 MB)"
                )
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
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
        return count, times[0], times[1], cpu[0]
    finally:
        spec.unlink(missing_ok=True)
        shutil.rmtree(ROOT / "out" / "bench", ignore_errors=True)


RUNS_WATCH = 20


def _p90(values: list[float]) -> float:
    return sorted(values)[max(0, round(0.9 * len(values)) - 1)]


def watch_figures() -> tuple[list[float], list[float], float, float]:
    """`brochure serve` on a copy of the shipped words and kit (office tri-fold): for each of RUNS_WATCH saves (by
    rename, as editors save), ms from the save to the new PDF on disk, and to both new page pictures fetched from
    the server as a page does when told by its event stream; and the server's CPU ms per save (Linux: /proc),
    which other work on the machine does not inflate; and its resident memory at the end, in MB."""
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        shutil.copy(ROOT / "content.yaml", project / "content.yaml")
        (project / "assets").mkdir()
        for f in (ROOT / "assets").iterdir():
            if f.is_file():
                shutil.copy(f, project / "assets" / f.name)
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        proc = subprocess.Popen(
            [sys.executable, "-m", "brochure", "serve", "--port", "0", "-o", "out/leaflet.pdf"],
            cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
        )  # fmt: skip
        try:
            assert proc.stdout is not None
            port = int(proc.stdout.readline().rsplit(":", 1)[1].strip(" /\n"))
            states: queue.Queue[dict[str, object]] = queue.Queue()
            threading.Thread(target=_listen, args=(port, states), daemon=True).start()
            pdf = project / "out" / "leaflet.pdf"
            text = (project / "content.yaml").read_text(encoding="utf-8")
            _settled(states)
            to_pdf, to_page = [], []
            cpu = _cpu_ms(proc.pid)
            for i in range(RUNS_WATCH):
                before = pdf.stat().st_ino
                tmp_file = project / ".content.yaml.saving"
                tmp_file.write_text(text.replace("title: Micro-needling", f"title: Micro-needling {i}"), "utf-8")
                t0 = time.perf_counter()
                os.replace(tmp_file, project / "content.yaml")
                while not pdf.exists() or pdf.stat().st_ino == before:
                    time.sleep(0.0005)
                to_pdf.append((time.perf_counter() - t0) * 1000)
                state = _settled(states)
                pages = state["pages"]
                assert isinstance(pages, dict)
                for n in range(1, int(pages["count"]) + 1):
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/pages/{pages['id']}/page{n}.jpg") as r:
                        r.read()
                to_page.append((time.perf_counter() - t0) * 1000)
                time.sleep(0.3)  # let the machine settle between saves
            return to_pdf, to_page, (_cpu_ms(proc.pid) - cpu) / RUNS_WATCH, _rss_mb(proc.pid)
        finally:
            proc.send_signal(signal.SIGINT)
            proc.wait(30)


def _cpu_ms(pid: int) -> float:
    """CPU time a process has used, in ms (user and system; 0 where /proc is not there)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def _watch_workers(proc: subprocess.Popen[str], peaks: dict[int, float]) -> None:
    """While the batch runs, each of its worker processes' peak resident memory (VmHWM), in MB, by pid."""
    while proc.poll() is None:
        try:
            children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split()
        except OSError:
            children = []
        for pid in map(int, children):
            peaks[pid] = max(peaks.get(pid, 0.0), _status_mb(pid, "VmHWM:"))
        time.sleep(0.05)


def _status_mb(pid: int, field: str) -> float:
    """A field of a process's /proc status in MB (0 where it cannot be read)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    return next((int(line.split()[1]) / 1024 for line in status.splitlines() if line.startswith(field)), 0.0)


def _rss_mb(pid: int) -> float:
    """A process's resident memory in MB (0 where /proc is not there)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    return next((int(line.split()[1]) / 1024 for line in status.splitlines() if line.startswith("VmRSS:")), 0.0)


def _listen(port: int, states: queue.Queue[dict[str, object]]) -> None:
    """Each state the server's event stream sends, as the page receives it."""
    conn = http.client.HTTPConnection("127.0.0.1", port)
    conn.request("GET", "/events")
    stream = conn.getresponse()
    for line in stream.fp:
        if line.startswith(b"data: "):
            states.put(json.loads(line[6:]))


def _settled(states: queue.Queue[dict[str, object]]) -> dict[str, object]:
    """The next state with fresh pages and nothing being built."""
    while True:
        state = states.get(timeout=60)
        result = state.get("result")
        if not state["busy"] and isinstance(result, dict) and result.get("status") == "built" and state["pages"]:
            return state


def reference_ms() -> float:
    """The machine's speed now: the median CPU ms of a fixed pure-Python workload (objects made, floats formatted,
    dicts and lists filled and sorted, much as a build spends its time). This machine's speed drifts by up to a
    third within an hour: figures from two runs compare only in proportion to their reference times."""
    times = []
    for _ in range(9):
        c = time.process_time()
        out: list[str] = []
        for i in range(60_000):
            d = {"x": i * 0.75, "y": i / 7.0, "name": f"item {i}"}
            out.append(f"{d['x']:.4f} {d['y']:.4f} {d['name']}")
        out.sort(key=lambda text: (len(text), text))
        times.append((time.process_time() - c) * 1000)
    return statistics.median(times)


def main() -> None:
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1796083200")
    start = reference_ms()
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.platform()}"
    )
    print(f"load average {' / '.join(f'{x:.1f}' for x in os.getloadavg())} (1, 5, 15 minutes)")
    print(f"machine speed: the reference workload takes {start:.1f} ms CPU (the lower, the faster the machine now)")
    for target in ("office", "press"):  # first, while this process is small (a child's peak counts its fork)
        cpu, wall, peak = whole_process(target)
        print(
            f"whole process, {target}: `python -m brochure build`, median of {RUNS_PROCESS}: {cpu:.3f} s CPU "
            f"(target < 0.3 s), {wall:.3f} s wall; peak memory {peak:.0f} MB (target <= 120 MB)"
        )
    cpu, wall, _ = whole_process("office", ("--help",))
    print(f"whole process, `python -m brochure --help`: {cpu:.3f} s CPU, {wall:.3f} s wall")
    cpu_ms, mean_ms, median_ms, first_ms = in_process()
    print(
        f"in process, office: first build {first_ms:.0f} ms; then {RUNS_INPROCESS} rebuilds with changed names and "
        f"colours: median {cpu_ms:.1f} ms CPU (targets: <= 55 ms, issue 9; <= 30 ms, issue 12); "
        f"wall mean {mean_ms:.1f} ms, median {median_ms:.1f} ms"
    )
    p_cpu, p_mean, p_median, p_first = in_process("press")
    print(
        f"in process, press: first build {p_first:.0f} ms; then median {p_cpu:.1f} ms CPU, {p_cpu / cpu_ms:.2f} x "
        f"office (target < 1.8 x); wall mean {p_mean:.1f} ms, median {p_median:.1f} ms"
    )
    for layout in ("bifold", "flyer"):
        l_cpu, l_mean, l_median, _ = in_process("office", layout)
        print(
            f"in process, {layout} office: median {l_cpu:.1f} ms CPU; wall mean {l_mean:.1f}, median {l_median:.1f} ms"
        )
    for target in ("office", "press"):
        total, stages = stage_shares(target)
        check = sum(stages[name] for name in PREFLIGHT)
        shown = ", ".join(f"{name} {ms:.1f}" for name, ms in stages.items() if ms >= 0.5)
        print(
            f"stages, tri-fold {target}: {total:.1f} ms CPU per build; preflight {check:.1f} ms ({check / total:.0%}); "
            f"ms by stage: {shown}"
        )
    count, cold, warm, cold_cpu = batch_figures()
    print(
        f"batch, the shipped editions.yaml: {count} editions, whole process {cold:.1f} s from nothing built "
        f"({cold_cpu:.1f} s CPU, workers included), "
        f"{warm:.2f} s when nothing changed (target: 120 editions in <= 4 s; <= 0.5 s unchanged)"
    )
    rates = {n: threads(n) for n in (1, 2, 4)}
    print(
        "threads, 24 mixed editions: "
        + ", ".join(f"{n} thread{'s' if n > 1 else ''} {rate:.1f} builds/s" for n, rate in rates.items())
        + f" ({rates[4] / rates[1]:.2f} x with 4)"
    )
    load = os.getloadavg()[0]
    to_pdf, to_page, cpu, rss = watch_figures()
    print(
        f"watch, office tri-fold, {RUNS_WATCH} saves by rename (load average {load:.1f}): save to new PDF median "
        f"{statistics.median(to_pdf):.0f} ms, fastest {min(to_pdf):.0f}, 90th percentile {_p90(to_pdf):.0f} (target "
        f"<= 150 ms); save to new page pictures served median {statistics.median(to_page):.0f} ms, fastest "
        f"{min(to_page):.0f}, 90th percentile {_p90(to_page):.0f}; the server's CPU per save {cpu:.0f} ms, its memory "
        f"after them {rss:.0f} MB"
    )
    inproc_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"in process: peak memory {inproc_peak:.0f} MB")
    for_many_builds()  # (last: from here on this process collects as `watch` and a batch's workers do)
    for target in ("office", "press"):
        m_cpu, m_mean, _, _ = in_process(target)
        print(
            f"in process, {target}, the cycle collector set as `watch` and batch workers set it "
            f"(brochure/collector.py): median {m_cpu:.1f} ms CPU; wall mean {m_mean:.1f} ms"
        )
    end = reference_ms()
    print(f"machine speed at the end: the reference workload takes {end:.1f} ms CPU (at the start {start:.1f})")


if __name__ == "__main__":
    main()
