"""A pure function of one large immutable value (a path's segments) -> the same function, its answers kept per object;
and a bounded memory of answers by a key (`Kept`).

`functools.lru_cache` hashes its argument on every call, and Python does not keep a tuple's hash: a path of hundreds
of segments was hashed whole each time it was measured, written or outlined (about 11,000 segments a tri-fold build,
two thirds of them paths seen before). The paths a build draws again are mostly the same objects (fixed artwork placed
once per matrix, a clip that many shapes are drawn under), so an answer is looked up by the object's identity; the
object is kept beside its answer, so its id cannot be reused while the answer is kept. An equal value that is another
object is answered anew (as cheap as hashing it was). The last `size` objects are kept. For pure functions only: an
answer depends on nothing but the value, so builds still share nothing they could change.
"""

from __future__ import annotations

import functools
import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def by_identity(size: int) -> Callable[[Callable[[T], R]], Callable[[T], R]]:
    """Decorate a pure function of one immutable argument: its answers kept for the last `size` objects asked."""

    def decorate(f: Callable[[T], R]) -> Callable[[T], R]:
        kept: dict[int, tuple[T, R]] = {}
        lock = threading.Lock()  # (writers only: a read is one dictionary look-up)

        def remembered(value: T) -> R:
            entry = kept.get(id(value))
            if entry is not None and entry[0] is value:
                return entry[1]
            answer = f(value)
            with lock:
                kept[id(value)] = (value, answer)
                while len(kept) > size:
                    del kept[next(iter(kept))]  # the oldest kept
            return answer

        return functools.update_wrapper(remembered, f)

    return decorate


class Kept(Generic[R]):
    """The last `size` answers, by a key that says all an answer depends on (the caller's to make complete); safe
    in threads. For answers that are never changed once made (frozen records, tuples), so that builds sharing them
    share nothing they could change."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._kept: OrderedDict[Hashable, R] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._kept)

    def answer(self, key: Hashable, make: Callable[[], R]) -> R:
        """The answer kept for key, else make() kept for it (the oldest forgotten past `size`)."""
        with self._lock:
            found = key in self._kept
            if found:
                self._kept.move_to_end(key)
                return self._kept[key]
        made = make()
        with self._lock:
            self._kept[key] = made
            while len(self._kept) > self.size:
                self._kept.popitem(last=False)
        return made


def content_key(data: bytes) -> bytes:
    """A key for an answer about a file's bytes (a picture up to 40 MB): their digest, so that a `Kept` holds 16
    bytes of each, not the file (a watch kept the last 16 versions of a saved logo whole)."""
    return hashlib.blake2b(data, digest_size=16).digest()
