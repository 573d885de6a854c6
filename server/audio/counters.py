"""Counters (hits, misses, synthesized, failed, …) shared by every process using one audio folder.

Each process counts in memory and merges its deltas into ``<audio dir>/stats.json`` under a file lock, at most
once per ``flush_interval`` and at exit, so ``flask audio stats`` sees the whole service since the counters
were started (or reset), not just its own process.
"""
from __future__ import annotations

import atexit
import json
import logging
import os
import threading
import time
import weakref
from collections import Counter
from collections.abc import Callable

from filelock import FileLock

from ..metrics import AUDIO_EVENTS
from .atomic import write_atomically

STATS_FILE = "stats.json"
log = logging.getLogger(__name__)


class Counters:
    """Thread-safe counters with periodic merging into a shared file."""

    def __init__(self, folder: str, *, flush_interval: float = 10.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.path = os.path.join(folder, STATS_FILE)
        self.flush_interval = flush_interval
        self._clock = clock
        self._lock = threading.Lock()
        self._pending: Counter[str] = Counter()
        self._local: Counter[str] = Counter()
        self._flushed_at = clock()
        ref = weakref.ref(self)
        atexit.register(lambda: (counters := ref()) and counters.flush())

    def add(self, name: str, amount: int = 1) -> None:
        """Count ``amount`` more of ``name``."""
        if not amount:
            return
        AUDIO_EVENTS.labels(event=name).inc(amount)
        with self._lock:
            self._pending[name] += amount
            self._local[name] += amount
            due = self._clock() - self._flushed_at >= self.flush_interval
        if due:
            try:
                self.flush()
            except OSError as error:  # a full or read-only disk must not fail the request that counted
                log.warning("could not merge audio counters into %s: %s", self.path, error)

    def local(self) -> dict[str, int]:
        """What this process has counted since it started."""
        with self._lock:
            return dict(self._local)

    def flush(self) -> None:
        """Merge this process's uncounted deltas into the shared file."""
        with self._lock:
            pending, self._pending = self._pending, Counter()
            self._flushed_at = self._clock()
        if not pending:
            return
        os.makedirs(os.path.dirname(self.path), exist_ok=True)
        with FileLock(self.path + ".lock", timeout=5):
            shared = self._read()
            totals = Counter(shared.get("counters", {}))
            totals.update(pending)
            started = shared.get("started") or time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
            write_atomically(self.path, json.dumps({"started": started, "counters": dict(totals)}).encode())

    def shared(self) -> dict:
        """The shared totals, with this process's unflushed deltas merged in first."""
        self.flush()
        return self._read()

    def reset(self) -> None:
        """Start counting from zero (for every process)."""
        with FileLock(self.path + ".lock", timeout=5):
            try:
                os.unlink(self.path)
            except FileNotFoundError:
                pass

    def _read(self) -> dict:
        try:
            with open(self.path, encoding="utf-8") as handle:
                return json.load(handle)
        except (FileNotFoundError, ValueError):
            return {}
