"""A Dask scheduler's address -> an Executor whose tasks run on that cluster's workers, or why there is none.

`brochure batch --scheduler ADDRESS` hands each task (one kit and content file, brochure/batch/) to the workers
of a Dask distributed cluster instead of this machine's processes: the same tasks through another
concurrent.futures executor. Workers read the inputs at the same paths as this machine (a shared checkout or a
network file system) and send back the PDFs and page pictures; this process writes them. dask.distributed is an
optional extra (`pip install 'brochure[cluster]'`), imported only here.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from concurrent.futures import Executor, Future, InvalidStateError
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

from brochure.batch.records import TaskLost

if TYPE_CHECKING:
    from distributed import Client

P = ParamSpec("P")
T = TypeVar("T")

SCHEDULER_SECONDS = 5  # how long to wait for the scheduler to answer: an address where none listens is an error
WORKERS_SECONDS = 10  # how long to wait for a first worker to join a scheduler that has none
NO_WORKER_SECONDS = 30  # how long tasks wait on a cluster that has lost every worker (or its scheduler): then they
# fail, saying so (a worker without brochure ends as soon as it is given a task; the batch waited for ever)
LOOK_SECONDS = 1.0  # how often the cluster is asked how many workers it has while tasks wait
ASK_SECONDS = 5.0  # how long that question waits for the scheduler's answer (a frozen scheduler never gives one)
INSTALL = "pip install 'brochure[cluster]' (or: pip install -r requirements-cluster.txt, the version it pins)"


class Unavailable(Exception):
    """No cluster to run on. The message says why and what to do; `status` is the command's exit status."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


def installed(address: str) -> None:
    """Unavailable (status 2) when Dask's distributed package is not installed here, or the address is no
    scheduler's (no host, a port out of range): said when nothing is to be built too (the cluster is not asked then,
    and the next run with work to hand out would fail)."""
    if not _has_dask():
        raise Unavailable(f"--scheduler needs Dask's distributed package, not installed here: {INSTALL}", 2)
    _written(address)


def _has_dask() -> bool:
    import importlib.util

    return importlib.util.find_spec("distributed") is not None


def connect(address: str) -> Executor:
    """An executor on the cluster whose scheduler is at `address` (tcp://host:8786, host:8786), with at least one
    worker; Unavailable (status 2: Dask is not installed, or the address is not one; 1: no scheduler answers
    there within SCHEDULER_SECONDS, or it has no worker within WORKERS_SECONDS)."""
    try:
        from distributed import Client
    except ImportError as exc:
        raise Unavailable(f"--scheduler needs Dask's distributed package, not installed here: {INSTALL}", 2) from exc
    import logging

    for name in [
        "distributed",
        "tornado.application",
        *(n for n in logging.root.manager.loggerDict if n.startswith("distributed.")),
    ]:
        logging.getLogger(name).setLevel(logging.CRITICAL)  # (Dask's warnings and tracebacks about a worker or a
        # scheduler lost ran into the batch's lines, the editions' failures say what happened; Dask's configuration
        # gives some of its loggers a level of their own: each is set)
    _reach(address)  # (a Client that fails half-way keeps its event loop, and takes 10 s to give up at exit)
    try:
        client = Client(address, timeout=SCHEDULER_SECONDS, set_as_default=False)
    except Exception as exc:  # the scheduler went away in between
        raise Unavailable(f"--scheduler {address}: the scheduler did not answer ({_why(exc)})", 1) from exc
    try:
        _first_worker(client)
    except (OSError, TimeoutError) as exc:
        client.close()
        if isinstance(exc, _Silent):
            raise Unavailable(f"--scheduler {address}: {exc}", 1) from exc
        raise Unavailable(
            f"--scheduler {address}: the scheduler has no worker (waited {WORKERS_SECONDS} s); start workers with "
            f"`dask worker {address} --nworkers -1 --nthreads 1` (a process a core) on machines that see the inputs "
            "at the same paths",
            1,
        ) from exc
    return Cluster(client)


class _Silent(TimeoutError):
    """The scheduler stopped answering while the batch waited for a first worker."""


def _first_worker(client: Client) -> None:
    """Return once the cluster has a worker; TimeoutError after WORKERS_SECONDS without one, _Silent when the
    scheduler does not answer within ASK_SECONDS (Dask's own wait asks it with no time limit: a scheduler frozen
    while the batch waited for a first worker was waited on for ever)."""
    end = time.monotonic() + WORKERS_SECONDS
    while True:
        try:
            if client.nthreads(callback_timeout=ASK_SECONDS):
                return
        except OSError as exc:  # (TimeoutError among them)
            raise _Silent(
                f"the scheduler stopped answering ({_why(exc)}): restart it, then its workers (a service manager can"
                " restart both)"
            ) from exc
        if time.monotonic() >= end:
            raise TimeoutError
        time.sleep(min(LOOK_SECONDS / 5, max(0.0, end - time.monotonic())))


def _reach(address: str) -> None:
    """Unavailable unless `address` is an address where a Dask scheduler answers, within SCHEDULER_SECONDS."""
    import asyncio

    from distributed.comm.core import connect as comm
    from distributed.security import Security

    tls = Security().get_connection_args("client")  # Dask's configuration, as the Client will use it
    _checked(address, bool(tls.get("ssl_context")))

    async def knock() -> None:
        async def answered() -> None:
            await (await comm(address, timeout=SCHEDULER_SECONDS, **tls)).close()

        # (the whole knock within the time: Dask's own timeout covers the connection, not the handshake, so a
        # port that takes the connection and says nothing would be waited on for ever)
        await asyncio.wait_for(answered(), SCHEDULER_SECONDS)

    try:
        asyncio.run(knock())
    except (ValueError, TypeError) as exc:
        what = f"--scheduler {address}: not a scheduler's address ({_why(exc)}); e.g. tcp://host:8786"
        raise Unavailable(what, 2) from exc
    except (OSError, TimeoutError) as exc:
        raise Unavailable(
            f"--scheduler {address}: no Dask scheduler answered within {SCHEDULER_SECONDS} s ({_why(exc)}); start "
            "one with `dask scheduler` on that machine, and check the host, the port (the scheduler's, 8786 by "
            "default, not its dashboard's, 8787) and firewalls",
            1,
        ) from exc
    except Exception as exc:  # something else listens there (it sent what Dask cannot read: an SSH server's words)
        raise Unavailable(
            f"--scheduler {address}: another program answers there, not a Dask scheduler (it sent what Dask cannot "
            f"read: {_why(exc)}); check the port (a scheduler's is 8786 by default)",
            1,
        ) from exc


def _written(address: str) -> tuple[str, str, int] | None:
    """The address's scheme, host and port (None where Dask's own connect is left to say what is wrong: it cannot
    read it; and for a scheduler in this process, inproc://ip/pid/number); Unavailable (status 2) for no host,
    another scheme than tcp:// and tls://, or a port out of range."""
    from distributed.comm.addressing import parse_address, parse_host_port

    try:
        scheme, where = parse_address(address)
        host, port = parse_host_port(where, 8786)
    except ValueError:
        return None
    if not host.strip():
        raise Unavailable(f"--scheduler {address!r}: no host; e.g. tcp://host:8786", 2)
    if scheme == "inproc" and where.count("/") == 2:
        return None  # (a scheduler in this process, as Dask names it: ip/pid/number)
    if scheme not in ("tcp", "tls"):  # (ws:// and ucx:// need packages the workers do not have; `inproc://x` said
        # "not enough values to unpack")
        raise Unavailable(f"--scheduler {address}: a scheduler is reached at tcp:// or tls://; e.g. tcp://host:8786", 2)
    if not 0 < port < 65536:
        raise Unavailable(f"--scheduler {address}: {port} is not a port (1 to 65535; a scheduler's is 8786)", 2)
    return scheme, host, port


def _checked(address: str, tls: bool) -> None:
    """Unavailable for an address no scheduler can have: no host or a port out of range (status 2: _written), a
    tls:// address without Dask's TLS settings (2), a host name that does not resolve (1)."""
    import socket

    parts = _written(address)
    if parts is None:
        return
    scheme, host, port = parts
    if scheme == "tls" and not tls:
        raise Unavailable(
            f"--scheduler {address}: a tls:// scheduler needs Dask's TLS settings, and none are set here: give "
            "distributed.comm.tls.ca-file, .client.cert and .client.key in Dask's configuration (~/.config/dask/"
            "*.yaml, or DASK_DISTRIBUTED__COMM__TLS__CA_FILE and the like), as docs/cluster.md shows",
            2,
        )
    try:
        socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise Unavailable(
            f"--scheduler {address}: the host name '{host}' is not known here ({exc.strerror}): check its spelling, "
            "or give the scheduler machine's IP address",
            1,
        ) from exc


class Cluster(Executor):
    """The cluster's executor (tasks are not pure: a task is run each time it is submitted); shutting it down
    also closes the connection. While tasks wait, it asks the scheduler how many workers it has: when it has had
    none (or could not be asked, within ASK_SECONDS) for NO_WORKER_SECONDS, the tasks waiting fail with TaskLost, as
    do those the cluster drops (the scheduler lost)."""

    def __init__(self, client: Client) -> None:
        self._client = client
        self._executor = client.get_executor(pure=False)
        self._lock = threading.Lock()
        self._waiting: dict[Future[Any], Future[Any]] = {}  # each task's future as handed out -> Dask's
        self._stop = threading.Event()
        self._watch = threading.Thread(target=self._watch_workers, name="brochure-cluster-watch", daemon=True)
        self._watch.start()

    def submit(self, fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> Future[T]:
        theirs: Future[T] = self._executor.submit(fn, *args, **kwargs)
        ours: Future[T] = Future()
        with self._lock:
            self._waiting[ours] = theirs

        def settled(done: Future[T]) -> None:
            if done.cancelled():
                _end(ours, self._lock, self._waiting, TaskLost(_dropped(self._client)))
            elif done.exception() is not None:
                _end(ours, self._lock, self._waiting, done.exception())
            else:
                _end(ours, self._lock, self._waiting, None, done.result())

        def cancelled(done: Future[T]) -> None:  # (Ctrl-C: the batch cancels what it handed out, and Dask's with it)
            if done.cancelled():
                with self._lock:
                    self._waiting.pop(ours, None)
                theirs.cancel()

        ours.add_done_callback(cancelled)
        theirs.add_done_callback(settled)
        return ours

    def _watch_workers(self) -> None:
        """Fail what waits once the cluster has had no worker for NO_WORKER_SECONDS."""
        since: float | None = None
        while not self._stop.wait(LOOK_SECONDS):
            with self._lock:
                waiting = list(self._waiting.items())
            if not waiting:
                since = None
                continue
            try:
                workers, answered = len(self._client.nthreads(callback_timeout=ASK_SECONDS)), True
            except Exception:  # (the scheduler cannot be asked: lost, restarting, or frozen)
                workers, answered = 0, False
            now = time.monotonic()
            since = None if workers else since if since is not None else now
            if since is None or now - since < NO_WORKER_SECONDS:
                continue
            lost = not answered and self._client.status != "running"  # (the connection to it closed, not frozen)
            why = TaskLost(_no_worker() if answered else _dropped(self._client) if lost else _no_answer())
            for ours, theirs in waiting:
                _end(ours, self._lock, self._waiting, why)
                theirs.cancel()  # (after: cancelling settles it at once, as one the cluster dropped)
            since = None

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        self._stop.set()
        if cancel_futures:
            with self._lock:
                waiting = list(self._waiting)
            for ours in waiting:
                ours.cancel()
        try:  # (never waiting: every task handed out is settled or cancelled by now; Dask would recompute the results
            # of those whose workers are gone, and wait for ever on a cluster with none)
            self._executor.shutdown(wait=False)
        finally:
            self._client.close()


def _end(
    ours: Future[Any],
    lock: threading.Lock,
    waiting: dict[Future[Any], Future[Any]],
    exc: BaseException | None,
    result: object = None,
) -> None:
    """Settle a task's future (once: the watch and Dask may both come to it; not one the batch cancelled)."""
    with lock:
        if waiting.pop(ours, None) is None:
            return
    with contextlib.suppress(InvalidStateError):  # (cancelled by the batch a moment ago)
        if exc is not None:
            ours.set_exception(exc)
        else:
            ours.set_result(result)


def _no_worker() -> str:
    return (
        f"the cluster has had no worker for {NO_WORKER_SECONDS} s (each stopped, was lost, or could not run"
        " brochure: a worker without it, or with another version, ends as soon as it is given a task; its"
        " log says why): start workers with the same brochure and packages as this machine"
    )


def _no_answer() -> str:
    return (
        f"the scheduler has not answered for {NO_WORKER_SECONDS} s (its machine or process is frozen, or the"
        " network to it is down): restart the scheduler, then its workers (a service manager can restart both)"
    )


def _dropped(client: Client) -> str:
    """Why Dask dropped a task (it says nothing: a CancelledError with no words)."""
    lost = client.status != "running"
    return (
        "the cluster dropped it: the connection to the scheduler was lost (its workers end with it): start the "
        "scheduler and then its workers again (a service manager can restart both)"
        if lost
        else "the cluster dropped it (the scheduler cancelled it, or restarted): run the batch again"
    )


def _why(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200] or type(exc).__name__
