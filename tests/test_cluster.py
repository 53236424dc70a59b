"""`brochure batch --scheduler ADDRESS`: the same editions on a Dask cluster's workers (here a local cluster of two
worker processes), the same bytes and the same manifest as on this machine; a clear error, and no hang, when there
is no Dask, no scheduler or no worker."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

import pytest
from conftest import LOGO, Inputs, edit
from helpers import cli
from PIL import Image

from brochure import batch, cluster
from brochure.inputs.editions import load_editions

T = TypeVar("T")

# A handful of editions: two languages in two targets, and a content file that fails on purpose.
EDITIONS = """\
output: "out/{brand}/{language}/{layout}-{paper}-{target}.pdf"
layouts: [trifold]
targets: [office, press]
brands:
  - kit: assets/brand.yaml
    languages: [content.yaml, us.yaml, broken.yaml]
"""


@pytest.fixture
def scheduler() -> Iterator[str]:
    """A local Dask cluster of two worker processes whose SOURCE_DATE_EPOCH is another than the batch's (a worker on
    another machine need not have the batch's environment): its scheduler's address."""
    distributed = pytest.importorskip("distributed", reason="make test installs it (requirements-cluster.txt)")
    with distributed.LocalCluster(
        n_workers=2,
        processes=True,
        threads_per_worker=1,
        dashboard_address=":0",
        env={"SOURCE_DATE_EPOCH": "1800000000"},
    ) as local:
        yield str(local.scheduler_address)


def _inputs(inputs: Inputs) -> Path:
    folder = inputs.content.parent
    text = inputs.content.read_text(encoding="utf-8")
    (folder / "us.yaml").write_text(text.replace("language: en-GB", "language: en-US"), encoding="utf-8")
    (folder / "broken.yaml").write_text(text.replace("language: en-GB", "language: en-GB\nlanguag: x"), "utf-8")
    (folder / "editions.yaml").write_text(EDITIONS, encoding="utf-8")
    return folder


def _files(folder: Path) -> dict[str, bytes]:
    """Every file the batch wrote (PDFs, page pictures, the contact sheet) but the manifest (it has timings)."""
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.name != "manifest.json")
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in files}


def _manifest(folder: Path) -> list[dict[str, object]]:
    """The manifest, timings apart."""
    data = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    return [{k: v for k, v in e.items() if k != "seconds"} for e in data["editions"]]


def test_a_cluster_builds_the_same_bytes_as_this_machine(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], scheduler: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Run from editions.yaml's folder with a relative path (the workers' own working folder is another): the PDFs,
    page pictures, contact sheet and manifest are those of the local run; a second run on the cluster builds
    nothing."""
    folder = _inputs(inputs)
    monkeypatch.chdir(folder)
    status, out, err = cli(capsys, "batch", "editions.yaml", "--jobs", "2")
    assert status == 1 and "4 built, 0 unchanged, 2 failed" in out, out + err
    (folder / "out").rename(folder / "here")

    status, out, err = cli(capsys, "batch", "editions.yaml", "--scheduler", scheduler)
    assert status == 1 and "4 built, 0 unchanged, 2 failed" in out, out + err
    assert (
        "failed: test-clinic/en-gb (broken.yaml)/trifold/a4/office: broken.yaml:2:1: error: unknown key 'languag'"
        in err
    )
    assert _files(folder / "out") == _files(folder / "here") and len(_files(folder / "out")) == 4 + 4 * 2 + 1
    assert _manifest(folder / "out") == _manifest(folder / "here")

    status, out, _ = cli(capsys, "batch", "editions.yaml", "--scheduler", scheduler)
    assert status == 1 and "0 built, 4 unchanged, 2 failed" in out


def test_without_dask_the_error_says_what_to_install(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if it were not installed
    status, _, err = cli(capsys, "batch", str(_inputs(inputs) / "editions.yaml"), "--scheduler", "tcp://x:8786")
    assert status == 2 and "pip install 'brochure[cluster]'" in err and "Traceback" not in err
    assert not (inputs.content.parent / "out").exists()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.parametrize(
    ("address", "status", "message"),
    [
        (f"tcp://127.0.0.1:{_free_port()}", 1, "no Dask scheduler answered within 1 s"),
        ("tcp://localhost", 2, "not a scheduler's address (missing port number"),
        ("ftp://x:21", 2, "a scheduler is reached at tcp:// or tls://; e.g. tcp://host:8786"),
        ("inproc://x", 2, "a scheduler is reached at tcp:// or tls://"),  # (it said "not enough values to unpack")
        ("tcp://127.0.0.1:99999", 2, "99999 is not a port (1 to 65535"),
        ("tcp://nosuchhost.invalid:8786", 1, "the host name 'nosuchhost.invalid' is not known here"),
        ("tls://127.0.0.1:8786", 2, "a tls:// scheduler needs Dask's TLS settings, and none are set here"),
        ("tcp://:8786", 2, "no host; e.g. tcp://host:8786"),
    ],
    ids=[
        "nobody-there",
        "no-port",
        "not-dask",
        "in-process",
        "no-such-port",
        "no-such-host",
        "tls-without-settings",
        "no-host",
    ],
)
def test_a_scheduler_that_cannot_be_reached_is_an_error_before_anything_is_built(
    inputs: Inputs,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    address: str,
    status: int,
    message: str,
) -> None:
    pytest.importorskip("distributed")
    monkeypatch.setattr(cluster, "SCHEDULER_SECONDS", 1)
    got, _, err = cli(capsys, "batch", str(_inputs(inputs) / "editions.yaml"), "--scheduler", address)
    said = f"'{address}'" if message.startswith("no host") else address
    assert got == status and f"brochure: error: --scheduler {said}: {message}" in err, err
    assert "Traceback" not in err and not (inputs.content.parent / "out").exists()


def test_a_port_that_takes_the_connection_and_says_nothing_is_no_scheduler_within_the_time(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A listener that accepts and never answers (another program, a half-open proxy) is waited on for the
    scheduler's seconds, not for ever: Dask's own timeout covers the connection, not the handshake after it."""
    pytest.importorskip("distributed")
    monkeypatch.setattr(cluster, "SCHEDULER_SECONDS", 1)
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        address = f"tcp://127.0.0.1:{silent.getsockname()[1]}"
        answer: list[tuple[int, str, str]] = []
        args = ("batch", str(_inputs(inputs) / "editions.yaml"), "--scheduler", address)
        run = threading.Thread(target=lambda: answer.append(cli(capsys, *args)), daemon=True)
        run.start()
        run.join(30)  # (a guard against a hang, not a measure of speed: it ends in about 1 s)
    assert answer, "the batch still waits on a port that says nothing"
    status, _, err = answer[0]
    assert status == 1 and f"--scheduler {address}: no Dask scheduler answered within 1 s" in err, err
    assert not (inputs.content.parent / "out").exists()


def test_a_scheduler_without_workers_is_an_error_not_a_hang(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    distributed = pytest.importorskip("distributed")
    monkeypatch.setattr(cluster, "WORKERS_SECONDS", 1)
    with distributed.LocalCluster(n_workers=0, processes=False, dashboard_address=":0") as empty:
        address = str(empty.scheduler_address)
        status, _, err = cli(capsys, "batch", str(_inputs(inputs) / "editions.yaml"), "--scheduler", address)
    assert status == 1 and f"--scheduler {address}: the scheduler has no worker (waited 1 s)" in err, err


def test_a_worker_with_other_versions_fails_its_editions_saying_so(inputs: Inputs) -> None:
    """A worker whose brochure or font packages differ from the batch's would build other bytes under the same
    stamps: it builds nothing, and says what to install."""
    editions, _ = load_editions(_inputs(inputs) / "editions.yaml")
    assert editions is not None
    task = replace(batch.tasks(editions, {}, batch.read_contents(editions))[0], tool="brochure 0.0.1, font packages x")
    made = batch.run_task(task)
    assert len(made) == 2 and all(m.outcome.status == "failed" and not m.pdf for m in made)
    assert all("install the same brochure (the same commit of the checkout, or the same wheel)" in m.outcome.first
               for m in made)  # fmt: skip
    assert all(f"this worker ({socket.gethostname()}) has brochure " in m.outcome.first for m in made)


class _Lost(Executor):
    """An executor whose every worker is lost before it answers (a machine switched off, a worker killed)."""

    def submit(self, fn: Callable[..., T], /, *args: object, **kwargs: object) -> Future[T]:
        future: Future[T] = Future()
        future.set_exception(OSError("Timed out during handshake while connecting to tcp://10.0.0.7:40123"))
        return future


def test_a_lost_worker_fails_its_editions_not_the_batch(inputs: Inputs) -> None:
    editions, _ = load_editions(_inputs(inputs) / "editions.yaml")
    assert editions is not None
    outcomes = batch.run(editions, _Lost(), force=False)
    assert len(outcomes) == 6 and {o.status for o in outcomes} == {"failed"}
    assert all("the worker building it stopped: OSError: Timed out during handshake" in o.first for o in outcomes)
    assert {o.edition.split("/")[0] for o in outcomes} == {"test-clinic"}  # shown with its clinic's editions


class _Older(Executor):
    """An executor whose workers have an older brochure: the task names a module theirs lacks, so they cannot
    even read it (as Dask reports a task it could not unpickle)."""

    def submit(self, fn: Callable[..., T], /, *args: object, **kwargs: object) -> Future[T]:
        future: Future[T] = Future()
        missing = "brochure.batch.worker"
        future.set_exception(ModuleNotFoundError(f"No module named {missing!r}", name=missing))
        return future


def test_a_worker_with_another_brochure_that_cannot_read_the_task_says_so(inputs: Inputs) -> None:
    """Not the bare 'No module named ...' of a worker that stopped: what to install."""
    editions, _ = load_editions(_inputs(inputs) / "editions.yaml")
    assert editions is not None
    outcomes = batch.run(editions, _Older(), force=False)
    assert len(outcomes) == 6 and {o.status for o in outcomes} == {"failed"}
    assert all("has another version of brochure, or none" in o.first for o in outcomes), outcomes[0].first
    assert all("install the same versions of brochure and its packages on every machine" in o.first for o in outcomes)


def test_a_program_that_is_not_a_scheduler_is_named_as_another_program(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """An SSH server's banner at the address was "not a Dask scheduler (MemoryError)": another program answers."""
    pytest.importorskip("distributed")
    monkeypatch.setattr(cluster, "SCHEDULER_SECONDS", 2)
    with socket.socket() as banner:
        banner.bind(("127.0.0.1", 0))
        banner.listen(8)

        def greet() -> None:
            with contextlib.suppress(OSError):
                conn, _ = banner.accept()
                with conn:
                    conn.sendall(b"SSH-2.0-OpenSSH_9.2\r\n" * 64)
                    time.sleep(3)

        threading.Thread(target=greet, daemon=True).start()
        address = f"tcp://127.0.0.1:{banner.getsockname()[1]}"
        status, _, err = cli(capsys, "batch", str(_inputs(inputs) / "editions.yaml"), "--scheduler", address)
    assert status == 1 and "another program answers there, not a Dask scheduler" in err, err


def _slow(seconds: float) -> float:
    time.sleep(seconds)
    return seconds


def test_a_cluster_that_loses_every_worker_fails_what_waits_saying_so(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every worker gone while tasks wait (a worker without brochure ends as soon as it is given one; machines
    switched off): the batch waited for ever, printing nothing. The tasks fail, saying the cluster has no worker."""
    distributed = pytest.importorskip("distributed")
    monkeypatch.setattr(cluster, "NO_WORKER_SECONDS", 1)
    monkeypatch.setattr(cluster, "LOOK_SECONDS", 0.1)
    with distributed.LocalCluster(n_workers=1, processes=False, threads_per_worker=1, dashboard_address=":0") as local:
        on = cluster.connect(str(local.scheduler_address))
        try:
            assert on.submit(_slow, 0.0).result(timeout=30) == 0.0  # (one worker: it runs)
            waiting = on.submit(_slow, 20.0)
            local.scale(0)
            with pytest.raises(batch.TaskLost, match="the cluster has had no worker for 1 s"):
                waiting.result(timeout=30)  # (a guard against a hang: it fails in about 1 s)
        finally:
            on.shutdown(wait=False)


def test_a_frozen_scheduler_fails_what_waits_saying_so(monkeypatch: pytest.MonkeyPatch) -> None:
    """The scheduler's process stopped (SIGSTOP: a frozen machine) while a task waits: the batch waited for ever,
    its question to the scheduler unanswered. The task fails, saying the scheduler has not answered."""
    pytest.importorskip("distributed")
    monkeypatch.setattr(cluster, "NO_WORKER_SECONDS", 1)
    monkeypatch.setattr(cluster, "LOOK_SECONDS", 0.1)
    monkeypatch.setattr(cluster, "ASK_SECONDS", 0.5)
    with _dask(workers=1) as (address, scheduler):
        on = _connected(address)
        try:
            waiting = on.submit(time.sleep, 20.0)
            time.sleep(0.5)
            os.kill(scheduler.pid, signal.SIGSTOP)
            with pytest.raises(batch.TaskLost, match="the scheduler has not answered for 1 s"):
                waiting.result(timeout=30)  # (a guard against a hang: it fails in about 2 s)
        finally:
            on.shutdown(wait=False)


def test_a_scheduler_frozen_while_the_batch_waits_for_a_worker_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """A scheduler with no worker yet, frozen while the batch waited for one (Dask's wait asks it with no time
    limit): the batch hung for good. It is an error, exit 1, saying the scheduler stopped answering."""
    pytest.importorskip("distributed")
    monkeypatch.setattr(cluster, "ASK_SECONDS", 0.5)
    with _dask(workers=0) as (address, scheduler):
        _answering(address)
        first = cluster._first_worker

        def frozen_first(client: object) -> None:
            os.kill(scheduler.pid, signal.SIGSTOP)
            first(client)  # type: ignore[arg-type]

        monkeypatch.setattr(cluster, "_first_worker", frozen_first)
        said: list[BaseException] = []
        asking = threading.Thread(target=lambda: _catch(said, lambda: cluster.connect(address)), daemon=True)
        asking.start()
        asking.join(timeout=30)  # (a guard against a hang: it ends in about a second)
        assert not asking.is_alive() and len(said) == 1 and isinstance(said[0], cluster.Unavailable), said
        assert said[0].status == 1 and "the scheduler stopped answering" in str(said[0]), said


def _catch(said: list[BaseException], call: Callable[[], object]) -> None:
    try:
        call()
    except BaseException as exc:
        said.append(exc)


@contextlib.contextmanager
def _dask(workers: int) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """A Dask scheduler (and `workers` single-thread workers) in processes of their own: its address and process."""
    address = f"tcp://127.0.0.1:{_free_port()}"
    port, quiet = address.rsplit(":", 1)[1], subprocess.DEVNULL
    processes = [subprocess.Popen(
        [sys.executable, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", port,
         "--no-dashboard"], stdout=quiet, stderr=quiet,
    )]  # fmt: skip
    processes += [subprocess.Popen(
        [sys.executable, "-m", "distributed.cli.dask_worker", address, "--nthreads", "1", "--no-nanny",
         "--no-dashboard"], stdout=quiet, stderr=quiet,
    ) for _ in range(workers)]  # fmt: skip
    try:
        yield address, processes[0]
    finally:
        for process in processes:
            process.kill()
            process.wait()


def _answering(address: str) -> None:
    """Once the scheduler just started answers."""
    for _ in range(40):
        try:
            cluster._reach(address)
            return
        except cluster.Unavailable:
            time.sleep(0.5)
    raise AssertionError(f"no scheduler at {address}")


def _connected(address: str) -> Executor:
    """The cluster at the address, once its scheduler (just started) answers and has a worker."""
    for _ in range(40):
        try:
            return cluster.connect(address)
        except cluster.Unavailable:
            time.sleep(0.5)
    raise AssertionError(f"no cluster at {address}")


def test_a_stop_while_the_cluster_is_asked_replaces_the_last_report(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C while the batch waits for the scheduler's answer left the last run's --json report in place (every
    edition "built", read by a script as this run's): the report says every edition was stopped."""
    folder = _inputs(inputs)
    report = folder / "report.json"
    assert cli(capsys, "batch", str(folder / "editions.yaml"), "--jobs", "1", "--json", str(report))[0] == 1

    def stopped(address: str) -> Executor:
        raise KeyboardInterrupt

    monkeypatch.setattr(cluster, "connect", stopped)
    status, _, _ = cli(capsys, "batch", str(folder / "editions.yaml"), "--force", "--scheduler", "tcp://10.0.0.7:8786",
                       "--json", str(report))  # fmt: skip
    data = json.loads(report.read_text(encoding="utf-8"))
    assert status == 130 and len(data["editions"]) == 6, data
    assert {e["status"] for e in data["editions"]} == {"stopped"} and data["editions"][0]["first"] == batch.STOPPED
    edit(folder / "us.yaml", "language: en-US", "language: en-US\n# changed")  # (its editions to build again)
    status, _, _ = cli(capsys, "batch", str(folder / "editions.yaml"), "--scheduler", "tcp://10.0.0.7:8786", "--json",
                       str(report))  # fmt: skip
    data = json.loads(report.read_text(encoding="utf-8"))
    said = [(e["edition"].split("/")[1], e["status"]) for e in data["editions"]]  # (what stands is unchanged)
    assert (
        status == 130 and said == [("en-gb", "unchanged")] * 2 + [("en-us", "stopped")] * 2 + [("en-gb", "stopped")] * 2
    )


def test_with_nothing_to_build_the_cluster_is_not_asked(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run after a complete one builds nothing: with --scheduler it needed the cluster up (exit 1 after 5 s
    when it was down), though no worker is given anything, as none starts on this machine."""
    pytest.importorskip("distributed")
    folder = _inputs(inputs)
    (folder / "editions.yaml").write_text(EDITIONS.replace(", broken.yaml", ""), encoding="utf-8")
    monkeypatch.chdir(folder)
    assert cli(capsys, "batch", "editions.yaml", "--jobs", "1")[0] == 0
    status, out, err = cli(capsys, "batch", "editions.yaml", "--scheduler", f"tcp://127.0.0.1:{_free_port()}")
    assert status == 0 and "0 built, 4 unchanged, 0 failed" in out, out + err
    status, _, err = cli(capsys, "batch", "editions.yaml", "--force", "--scheduler", f"tcp://127.0.0.1:{_free_port()}")
    assert status == 1 and "no Dask scheduler answered" in err, err
    status, _, err = cli(capsys, "batch", "editions.yaml", "--scheduler", "tcp://127.0.0.1:99999")
    assert status == 2 and "99999 is not a port" in err, err  # (no scheduler's address: said though nothing is built)
    monkeypatch.setattr(cluster, "_has_dask", lambda: False)  # (Dask not installed: said though nothing is built)
    status, _, err = cli(capsys, "batch", "editions.yaml", "--scheduler", f"tcp://127.0.0.1:{_free_port()}")
    assert status == 2 and "--scheduler needs Dask's distributed package, not installed here" in err, err


def test_a_cluster_that_loses_its_scheduler_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    """The scheduler killed while tasks wait: each failed as "CancelledError:  (every worker needs brochure and its
    packages installed)", no reason and the wrong hint. It says the connection to the scheduler was lost."""
    distributed = pytest.importorskip("distributed")
    local = distributed.LocalCluster(n_workers=1, processes=False, threads_per_worker=1, dashboard_address=":0")
    on = cluster.connect(str(local.scheduler_address))
    try:
        waiting = on.submit(_slow, 20.0)
        local.close()
        with pytest.raises(batch.TaskLost) as lost:
            waiting.result(timeout=60)  # (a guard against a hang)
        assert "the cluster dropped it: the connection to the scheduler was lost" in str(lost.value), lost.value
    finally:
        on.shutdown(wait=False)


class _Dropped(Executor):
    """A cluster that lost its tasks, saying why (brochure.cluster.Cluster)."""

    def submit(self, fn: Callable[..., T], /, *args: object, **kwargs: object) -> Future[T]:
        future: Future[T] = Future()
        future.set_exception(batch.TaskLost("the cluster has had no worker for 30 s (...): start workers with ..."))
        return future


def test_a_task_the_cluster_lost_fails_with_the_clusters_words_whole(inputs: Inputs) -> None:
    editions, _ = load_editions(_inputs(inputs) / "editions.yaml")
    assert editions is not None
    outcomes = batch.run(editions, _Dropped(), force=False)
    assert len(outcomes) == 6 and {o.status for o in outcomes} == {"failed"}
    said = "the cluster has had no worker for 30 s (...): start workers with ..."
    assert all(o.first.endswith(said) and "every worker needs" not in o.first for o in outcomes), outcomes[0].first


class _Elsewhere(Executor):
    """A cluster whose worker sees the inputs at other paths than the batch's machine (no shared folder there)."""

    def submit(self, fn: Callable[..., T], /, *args: object, **kwargs: object) -> Future[T]:
        task = args[0]
        assert isinstance(task, batch.Task)
        away = Path("/nowhere/shared")
        future: Future[T] = Future()
        future.set_result(fn(replace(task, content=away / task.content.name, kit=away / "assets" / task.kit.name)))
        return future


def test_a_worker_that_cannot_see_the_inputs_says_so_and_the_editions_keep_their_names(inputs: Inputs) -> None:
    """Every edition failed with "content file not found (hint: pass --content PATH, or run from the project
    folder)", named by the kit's folder and a paper "kit" (assets/en-gb/trifold/kit/office) in the lines, the
    manifest and the contact sheet. The worker says it cannot see the file, and the editions keep their names."""
    editions, _ = load_editions(_inputs(inputs) / "editions.yaml")
    assert editions is not None
    outcomes = batch.run(editions, _Elsewhere(), force=False)
    assert len(outcomes) == 6 and {o.status for o in outcomes} == {"failed"}
    assert all(f"the worker building it ({socket.gethostname()}) cannot see /nowhere/shared/" in o.first
               for o in outcomes), outcomes[0].first  # fmt: skip
    assert "--content" not in outcomes[0].first
    assert {o.edition.split("/")[0] for o in outcomes} == {"test-clinic"}
    assert {o.edition.split("/")[3] for o in outcomes} == {"a4"}, [o.edition for o in outcomes]


class _Stale(Executor):
    """A cluster whose worker reads its own copy of the project at the same paths (a machine that missed an update:
    here the copy's folder stands in for the same path), told (`told`) or not what the batch read."""

    def __init__(self, here: Path, copy: Path, told: bool = True) -> None:
        self.here, self.copy, self.told = here, copy, told

    def submit(self, fn: Callable[..., T], /, *args: object, **kwargs: object) -> Future[T]:
        task = args[0]
        assert isinstance(task, batch.Task)
        moved = {k: self.copy / getattr(task, k).relative_to(self.here) for k in ("kit", "content", "base")}
        others = tuple(self.copy / p.relative_to(self.here) for p in task.others)
        future: Future[T] = Future()
        told = {} if self.told else {"seen": (), "kit_hash": "", "words_hash": ""}  # (nothing to check against)
        future.set_result(fn(replace(task, **moved, others=others, **told)))
        return future


def _linked_elsewhere(folder: Path, tmp_path: Path, link: str, there: str) -> list[batch.Outcome]:
    """The batch run with a worker whose copy of the project has the link `link` pointing to `there` instead."""
    copy = _stale_copy(folder, tmp_path)
    (copy / link).unlink()
    (copy / link).symlink_to(there)
    editions, _ = load_editions(folder / "editions.yaml")
    assert editions is not None
    return batch.run(editions, _Stale(folder, copy), force=False)


def _stale_copy(folder: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "worker-copy"
    shutil.copytree(folder, copy)
    return copy


def test_a_worker_reading_other_bytes_fails_their_editions_and_writes_nothing(inputs: Inputs, tmp_path: Path) -> None:
    """A worker whose content.yaml is an older copy built it and reported "built", and later runs kept the stale PDF
    (the stamps are the batch's): its editions fail, naming the file and what to do; the others are built."""
    folder = _inputs(inputs)
    copy = _stale_copy(folder, tmp_path)
    edit(copy / "content.yaml", "language: en-GB", "language: en-GB\n# an older copy")
    editions, _ = load_editions(folder / "editions.yaml")
    assert editions is not None
    outcomes = batch.run(editions, _Stale(folder, copy), force=False)
    status = {o.edition: o.status for o in outcomes}  # (broken.yaml is en-GB too: each named by its file)
    stale = "test-clinic/en-gb (content.yaml)/trifold/a4"
    assert status[f"{stale}/office"] == status[f"{stale}/press"] == "failed", status
    assert status["test-clinic/en-us/trifold/a4/office"] == status["test-clinic/en-us/trifold/a4/press"] == "built"
    said = next(o.first for o in outcomes if o.edition.startswith(stale))
    assert f"content.yaml has other bytes (SHA-256 {_sha(copy / 'content.yaml')[:12]}, the batch read" in said, said
    assert "give every worker the same files" in said
    assert not (folder / "out/test-clinic/en-gb").exists()


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_worker_whose_logo_link_points_elsewhere_fails_its_editions(inputs: Inputs, tmp_path: Path) -> None:
    """The kit's logo a link (logo.svg -> logo-2.svg) that points to another file on the worker's machine: the
    files the batch hashes, links followed, are the same on both, and the worker built the other logo, "built"."""
    folder = _inputs(inputs)
    kit = folder / "assets"
    (kit / "logo-2.svg").write_text(LOGO, encoding="utf-8")
    (kit / "logo-3.svg").write_text(LOGO.replace("#1D5C63", "#7FB7BE"), encoding="utf-8")
    (kit / "logo.svg").unlink()
    (kit / "logo.svg").symlink_to("logo-2.svg")
    outcomes = _linked_elsewhere(folder, tmp_path, "assets/logo.svg", "logo-3.svg")
    assert {o.status for o in outcomes} == {"failed"} and len(outcomes) == 6
    said = next(o.first for o in outcomes if o.edition.startswith("test-clinic/en-us/"))
    assert f"the kit brand.yaml in assets/ as the worker building it ({socket.gethostname()}) read it" in said, said
    assert "links followed) is not the one the batch read" in said
    assert not (folder / "out").exists() or not any((folder / "out").rglob("*.pdf"))


def test_a_worker_whose_picture_link_points_elsewhere_fails_those_editions(inputs: Inputs, tmp_path: Path) -> None:
    """A photo in the words a link (photo.png -> photo-a.png) that points to another picture on the worker's
    machine: its editions fail, naming the words and pictures; the other content file's are built."""
    folder = _inputs(inputs)
    for name, colour in (("photo-a.png", (200, 120, 100)), ("photo-b.png", (20, 120, 200))):
        Image.new("RGB", (1200, 900), colour).save(folder / name)
    (folder / "photo.png").symlink_to("photo-a.png")
    edit(
        inputs.content,
        '      - text: "Fine needles',
        '      - image: {src: photo.png, alt: "A photo"}\n      - text: "Fine needles',
    )
    outcomes = _linked_elsewhere(folder, tmp_path, "photo.png", "photo-b.png")
    status = {o.edition: o.status for o in outcomes}
    assert status["test-clinic/en-us/trifold/a4/office"] == "built", status
    said = next(o.first for o in outcomes if o.edition.startswith("test-clinic/en-gb (content.yaml)/"))
    assert "the words, their source or pictures the worker building it" in said and "are not those the batch" in said


def test_a_kit_changed_after_its_editions_were_stamped_fails_them(inputs: Inputs) -> None:
    """A logo replaced after the batch read the kit (while `--scheduler` waited for a worker) was built and
    recorded under the old logo's stamp; a later run called the PDF unchanged, with the first logo back."""
    folder = _inputs(inputs)
    editions, _ = load_editions(folder / "editions.yaml")
    assert editions is not None
    kits = batch.read_kits(editions)  # (the stamps' reading)
    edit(folder / "assets/logo.svg", "#1D5C63", "#7FB7BE")
    with ThreadPoolExecutor(max_workers=1) as pool:
        outcomes = batch.run(editions, pool, force=True, kits=kits)
    assert {o.status for o in outcomes} == {"failed"}, [o.first for o in outcomes]
    assert all("is not the one the batch read: it changed while the batch ran" in o.first
               for o in outcomes if "(broken.yaml)" not in o.edition)  # fmt: skip


def test_an_answer_for_another_clinic_is_refused_not_written(inputs: Inputs, tmp_path: Path) -> None:
    """Guard (a worker not told what the batch read): a worker whose kit has another clinic's id made that clinic's
    PDFs, which the batch wrote under the other's name (another clinic's leaflet at its path): the batch refuses
    an edition whose name or output it does not expect, and writes nothing."""
    folder = _inputs(inputs)
    copy = _stale_copy(folder, tmp_path)
    edit(copy / "assets/brand.yaml", "name: Test Clinic", "name: Other Clinic")
    editions, _ = load_editions(folder / "editions.yaml")
    assert editions is not None
    outcomes = batch.run(editions, _Stale(folder, copy, told=False), force=False)
    assert {o.status for o in outcomes} == {"failed"} and len(outcomes) == 6
    said = next(o.first for o in outcomes if o.edition == "test-clinic/en-us/trifold/a4/press")
    assert "the worker building it made other-clinic/en-us/trifold/a4/press (to be written to" in said, said
    assert "where this machine's kit and words make test-clinic/en-us/trifold/a4/press" in said
    assert not (folder / "out").exists() or not any((folder / "out").rglob("*.pdf"))


def test_a_stopped_batch_cancels_its_tasks_on_the_cluster(caplog: pytest.LogCaptureFixture) -> None:
    """Ctrl-C cancels what the batch handed out: the cluster's tasks with it (they ran on, the batch waited for them
    and logged an InvalidStateError for each)."""
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=1, processes=False, threads_per_worker=1, dashboard_address=":0") as local:
        on = cluster.connect(str(local.scheduler_address))
        handed = [on.submit(_slow, 6.0) for _ in range(4)]
        assert isinstance(on, cluster.Cluster)
        theirs = list(on._waiting.values())  # (Dask's futures, as it handed them out)
        assert all(f.cancel() for f in handed) and len(theirs) == 4
        assert all(f.cancelled() for f in theirs)
        end = time.monotonic() + 15  # (a guard: the tasks go at once; run on, they would take 24 s)
        while local.scheduler.tasks and time.monotonic() < end:
            time.sleep(0.05)
        assert not local.scheduler.tasks, list(local.scheduler.tasks)
        on.shutdown(wait=True)
    assert not [r for r in caplog.records if "InvalidStateError" in r.getMessage() + str(r.exc_info)]


def test_a_cluster_that_cannot_be_reached_still_writes_the_report(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """--json FILE with no scheduler answering: no report was written (a script reading it found none, or the last
    run's). Every edition is reported failed, saying why; nothing is built."""
    pytest.importorskip("distributed")
    monkeypatch.setattr(cluster, "SCHEDULER_SECONDS", 1)
    folder = _inputs(inputs)
    report = folder / "report.json"
    args = ("batch", str(folder / "editions.yaml"), "--json", str(report))
    status, _, err = cli(capsys, *args, "--scheduler", f"tcp://127.0.0.1:{_free_port()}")
    data = json.loads(report.read_text(encoding="utf-8"))
    assert status == 1 and len(data["editions"]) == 6 and {e["status"] for e in data["editions"]} == {"failed"}, err
    assert all("no Dask scheduler answered within 1 s" in e["first"] for e in data["editions"])
    assert "test-clinic/en-gb/trifold/a4/office" in {e["edition"] for e in data["editions"]}
    assert not (folder / "out").exists()


def test_shutting_down_a_cluster_with_no_worker_left_does_not_wait_for_ever() -> None:
    """Ctrl-C after every worker had gone hung the batch for good: shutting down waited on Dask to compute again the
    results the dead workers held, with no worker to do it."""
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=1, processes=False, threads_per_worker=1, dashboard_address=":0") as local:
        on = cluster.connect(str(local.scheduler_address))
        assert isinstance(on, cluster.Cluster)
        done = on.submit(_slow, 0.0)
        held = list(on._waiting.values())  # (Dask's futures, still held, as the batch's loop held them)
        assert done.result(timeout=30) == 0.0 and held
        local.scale(0)
        time.sleep(0.5)
        ended = threading.Thread(target=lambda: on.shutdown(wait=True), daemon=True)
        ended.start()
        ended.join(20)  # (a guard against a hang, not a measure of speed)
        assert not ended.is_alive(), "shutting down waits on a cluster with no worker"


@pytest.mark.parametrize(
    "written",
    [["/tmp/" + "a" * 5000 + "/editions.yaml", "/tmp/x"], ["/tmp/e.yaml", "/tmp/out\u0000"],
     ["/tmp/e.yaml", "/x\ud800"], ["/tmp/\x1b[31mred/editions.yaml", "/tmp/out"], "not a list", [1, 2]],
    ids=["long", "nul", "surrogate", "escape", "text", "numbers"],
)  # fmt: skip
def test_a_manifest_whose_written_from_was_edited_by_hand_is_not_a_crash(
    inputs: Inputs, capsys: pytest.CaptureFixture[str], written: object
) -> None:
    """A manifest's `written_from` naming a path too long for the system, with a NUL, a lone surrogate or a terminal
    escape was an internal error (exit 3) or printed raw: such a value is no run's, and is passed over."""
    folder = _inputs(inputs)
    (folder / "editions.yaml").write_text(EDITIONS.replace(", broken.yaml", ""), encoding="utf-8")
    assert cli(capsys, "batch", str(folder / "editions.yaml"), "--jobs", "1")[0] == 0
    manifest = folder / "out" / "manifest.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    data["written_from"] = written
    manifest.write_text(json.dumps(data), encoding="utf-8")
    status, out, err = cli(capsys, "batch", str(folder / "editions.yaml"), "--jobs", "1")
    assert status == 0 and "0 built, 4 unchanged" in out and "\x1b" not in out + err, out + err
