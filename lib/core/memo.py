"""A small, bounded, thread-safe memo for results that several reruns (and sessions) ask for again.

Sessions run in threads of one server process, so the memo is shared and locked. It keeps the
``size`` most recently used results: a slider moved back and forth during a discussion finds its
earlier positions here, and the number of distinct links opened never grows the process.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

T = TypeVar("T")


class BoundedMemo(Generic[T]):
    """Results by key, the ``size`` most recently used kept; the computation runs outside the lock."""

    def __init__(self, size: int) -> None:
        if size < 1:
            raise ValueError("a memo keeps at least one result")
        self.size = size
        self._kept: OrderedDict[Hashable, T] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        with self._lock:
            if key in self._kept:
                self._kept.move_to_end(key)
                return self._kept[key]
        # Two sessions asking for one key at once may both compute it: cheaper than holding the
        # lock (and every other session) through a computation.
        result = compute()
        with self._lock:
            self._kept[key] = result
            self._kept.move_to_end(key)
            while len(self._kept) > self.size:
                self._kept.popitem(last=False)
        return result

    def __len__(self) -> int:
        return len(self._kept)
