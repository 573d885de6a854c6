"""A circuit breaker: after repeated upstream failures, fail fast for a while instead of queueing."""
from __future__ import annotations

import threading
import time
from collections.abc import Callable


class CircuitOpen(Exception):
    """Calls are refused until ``retry_after`` seconds have passed."""

    def __init__(self, retry_after: float) -> None:
        super().__init__(f"circuit open for {retry_after:.1f} s more")
        self.retry_after = retry_after


class CircuitBreaker:
    """Closed → open after ``threshold`` consecutive failures → half-open after ``cooldown`` seconds.

    Half-open lets exactly one trial call through; its success closes the circuit, its failure re-opens it.
    """

    def __init__(self, threshold: int, cooldown: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.threshold = threshold
        self.cooldown = cooldown
        self._clock = clock
        self._lock = threading.Lock()
        self._failures = 0
        self._opened_at: float | None = None
        self._trial_running = False

    def before_call(self) -> None:
        """Raise :class:`CircuitOpen` unless a call may go ahead now."""
        with self._lock:
            if self._opened_at is None:
                return
            waited = self._clock() - self._opened_at
            if waited < self.cooldown:
                raise CircuitOpen(self.cooldown - waited)
            if self._trial_running:
                raise CircuitOpen(1.0)
            self._trial_running = True

    def succeeded(self) -> None:
        """Record a successful call."""
        with self._lock:
            self._failures = 0
            self._opened_at = None
            self._trial_running = False

    def failed(self) -> None:
        """Record a failed call."""
        with self._lock:
            self._failures += 1
            if self._trial_running or self._failures >= self.threshold:
                self._opened_at = self._clock()
            self._trial_running = False

    def closed(self) -> bool:
        """Whether the last calls went well: False from the failure that opens the circuit until a call
        succeeds again, cooled down or not (health reports this, so a dead upstream does not look well
        again merely because nobody has called it since)."""
        with self._lock:
            return self._opened_at is None

    def wait_time(self) -> float:
        """Seconds until a call would be let through again; 0 when closed or cooled down."""
        with self._lock:
            if self._opened_at is None:
                return 0.0
            return max(0.0, self.cooldown - (self._clock() - self._opened_at))
