"""A bounded, thread-safe set of keys that each expire some time after they were added."""
from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable


class ExpiringSet:
    """At most ``size`` keys (the least recently used go first), each kept ``ttl`` seconds after it was added."""

    def __init__(self, size: int, ttl: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.size, self.ttl, self._clock = size, ttl, clock
        self._lock = threading.Lock()
        self._items: OrderedDict[str, float] = OrderedDict()

    def __contains__(self, key: str) -> bool:
        with self._lock:
            return self._fresh(key, self._clock())

    def add(self, key: str) -> None:
        """Remember ``key`` from now on."""
        with self._lock:
            self._add(key, self._clock())

    def check_and_add(self, key: str) -> bool:
        """True when ``key`` is still remembered; otherwise remember it from now on and return False."""
        now = self._clock()
        with self._lock:
            if self._fresh(key, now):
                return True
            self._add(key, now)
            return False

    def clear(self) -> None:
        """Forget every key."""
        with self._lock:
            self._items.clear()

    def _fresh(self, key: str, now: float) -> bool:
        added = self._items.get(key)
        if added is None:
            return False
        if now - added >= self.ttl:
            del self._items[key]
            return False
        self._items.move_to_end(key)
        return True

    def _add(self, key: str, now: float) -> None:
        self._items[key] = now
        self._items.move_to_end(key)
        while len(self._items) > self.size:
            self._items.popitem(last=False)
