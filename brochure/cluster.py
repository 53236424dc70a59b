"""A Dask scheduler's address -> an Executor whose tasks run on that cluster's workers, or why there is none.

`brochure batch --scheduler ADDRESS` hands each task (one kit and content file, brochure/batch/) to the workers
of a Dask distributed cluster instead of this machine's processes: the same tasks through another
concurrent.futures executor. Workers read the inputs at the same paths as this machine (a shared checkout or a
network file system) and send back the PDFs and page pictures; this process writes them. dask.distributed is an
optional extra (`pip install 'brochure[cluster]'`), imported only here.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Executor, Future
from typing import TYPE_CHECKING, ParamSpec, TypeVar

if TYPE_CHECKING:
    from distributed import Client

P = ParamSpec("P")
T = TypeVar("T")

SCHEDULER_SECONDS = 5  # how long to wait for the scheduler to answer: an address where none listens is an error
WORKERS_SECONDS = 10  # how long to wait for a first worker to join a scheduler that has none
INSTALL = "pip install 'brochure[cluster]' (or: pip install distributed, the version requirements-dev.txt pins)"


class Unavailable(Exception):
    """No cluster to run on. The message says why and what to do; `status` is the command's exit status."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


def connect(address: str) -> Executor:
    """An executor on the cluster whose scheduler is at `address` (tcp://host:8786, host:8786), with at least one
    worker; Unavailable (status 2: Dask is not installed, or the address is not one; 1: no scheduler answers
    there within SCHEDULER_SECONDS, or it has no worker within WORKERS_SECONDS)."""
    try:
        from distributed import Client
    except ImportError as exc:
        raise Unavailable(f"--scheduler needs Dask's distributed package, not installed here: {INSTALL}", 2) from exc
    _reach(address)  # (a Client that fails half-way keeps its event loop, and takes 10 s to give up at exit)
    try:
        client = Client(address, timeout=SCHEDULER_SECONDS, set_as_default=False)
    except Exception as exc:  # the scheduler went away in between
        raise Unavailable(f"--scheduler {address}: the scheduler did not answer ({_why(exc)})", 1) from exc
    try:
        client.wait_for_workers(1, timeout=WORKERS_SECONDS)
    except (OSError, TimeoutError) as exc:
        client.close()
        raise Unavailable(
            f"--scheduler {address}: the scheduler has no worker (waited {WORKERS_SECONDS} s); start workers with "
            f"`dask worker {address}` on machines that see the inputs at the same paths",
            1,
        ) from exc
    return Cluster(client)


def _reach(address: str) -> None:
    """Unavailable unless `address` is an address where a Dask scheduler answers, within SCHEDULER_SECONDS."""
    import asyncio

    from distributed.comm.core import connect as comm
    from distributed.security import Security

    tls = Security().get_connection_args("client")  # Dask's configuration, as the Client will use it

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
            "one with `dask scheduler` on that machine, and check the host, the port (8786 by default) and firewalls",
            1,
        ) from exc
    except Exception as exc:  # something else listens there (it sent what Dask cannot read)
        raise Unavailable(
            f"--scheduler {address}: what answered there is not a Dask scheduler ({_why(exc)})", 1
        ) from exc


class Cluster(Executor):
    """The cluster's executor (tasks are not pure: a task is run each time it is submitted); shutting it down
    also closes the connection."""

    def __init__(self, client: Client) -> None:
        self._client = client
        self._executor = client.get_executor(pure=False)

    def submit(self, fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> Future[T]:
        future: Future[T] = self._executor.submit(fn, *args, **kwargs)
        return future

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        try:
            self._executor.shutdown(wait=wait)
        finally:
            self._client.close()


def _why(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200] or type(exc).__name__
