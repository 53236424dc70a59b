"""A process that makes many builds (a batch's worker, `watch`/`serve`) -> Python's cycle collector set for it, once;
and a command about to build -> brochure.api, loaded with the collector paused and stop signals held (`load_api`);
and stop signals held round work they must not cut in two (`stops_held`).

A build makes millions of short-lived objects, nearly all freed by their counts. With Python's default threshold
(700 allocations) the youngest generation is collected about 13 times a tri-fold build, and every tenth of those
collections walks the next generation too, and so on: about 3.4 ms of a 66 ms build. What such a process has
loaded (the modules, the fonts) lives as long as it does: frozen (`gc.freeze`), no collection walks it again.
The youngest generation is then collected every MANY_BUILDS_THRESHOLD allocations (a few times a build). Over the
shipped group's 68 editions in a batch: 0.78 -> 0.38 s of CPU spent collecting, the same peak memory (at 10,000;
at 50,000, over its 72 editions, 0.69 -> 0.32 s, the older generation's walks nearly gone: 0.21 -> 0.005 s, the
same peak memory again). Set once for the process's life, never per build; `brochure build` (one build) and a
program calling `brochure.build` are left as they are.
"""

from __future__ import annotations

import gc
import signal
import sys
import threading
import types
from collections.abc import Iterator
from contextlib import contextmanager

MANY_BUILDS_THRESHOLD = 50_000  # allocations between two collections of the youngest generation


def for_many_builds() -> None:
    """Freeze what the process holds now and collect the youngest generation less often, for the process's life."""
    gc.freeze()
    gc.set_threshold(MANY_BUILDS_THRESHOLD, *gc.get_threshold()[1:])


def load_api() -> types.ModuleType:
    """brochure.api, loaded the first time with Python's cycle collector paused: the thousands of objects a few
    hundred modules make are not garbage, yet each collection meanwhile walks them (about 20 ms of a 0.5 s
    command). They are then frozen (`gc.freeze`): they live as long as the process, and the collections a build
    triggers no longer walk them either (another 15 ms). Once per process; later calls find the module loaded."""
    loaded = sys.modules.get("brochure.api")
    if loaded is not None:
        return loaded
    collecting = gc.isenabled()
    gc.disable()
    held = _hold_stops()
    try:
        from brochure import api
    finally:
        if collecting:
            gc.freeze()
            gc.enable()
        if held is not None:  # (a stop that came meanwhile is handled now, between two of Python's steps)
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
    return api


_INPUTS_FROZEN = False


def freeze_inputs() -> None:
    """Freeze what a command has loaded (its words, kit, fonts and logo), once per process, before it builds: they
    live until it ends, yet each collection the build triggers would walk them (about 1 % of a `brochure build`'s
    instructions). Only the first command of a process (a program calling `brochure.cli.main` again and again
    freezes one command's inputs, not each one's), and only with the collector on."""
    global _INPUTS_FROZEN
    if _INPUTS_FROZEN or not gc.isenabled():
        return
    _INPUTS_FROZEN = True
    gc.freeze()


@contextmanager
def stops_held() -> Iterator[None]:
    """SIGINT, SIGTERM and SIGHUP held while the block runs, each delivered as it ends (in this thread: the main one
    handles them): for work a stop must not cut in two, as pypdfium2's making and closing of a page, which a stop
    raised inside of left a page its document no longer knew, and a traceback as the process ended."""
    held = _hold_stops()
    try:
        yield
    finally:
        if held is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)


def _hold_stops() -> set[int | signal.Signals] | None:
    """Hold SIGINT, SIGTERM and SIGHUP while the modules load (the mask as it was, to restore; None where signals
    cannot be held): a stop raised inside a compiled module's set-up (pikepdf's, in C++) aborted the process with a
    C++ error and a traceback, exit 134, where a stop is exit 130 or 143 and one line."""
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        return None
    return signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM, signal.SIGHUP})
