"""The one interface every speech engine implements: text in, MP3 bytes out."""
from __future__ import annotations

import time
from typing import Protocol


class EngineError(Exception):
    """The engine could not speak this text, and trying again soon will not help."""


class EngineUnavailable(EngineError):
    """The engine is down, overloaded or rate limited; worth trying again after ``retry_after`` seconds."""

    def __init__(self, message: str, *, retry_after: float = 5.0) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class Deadline:
    """A point in time that a whole synthesis (queueing, retries, waiting for other workers) must meet."""

    def __init__(self, seconds: float, clock=time.monotonic) -> None:
        self._clock = clock
        self._end = clock() + seconds

    def remaining(self) -> float:
        """Seconds left, never negative."""
        return max(0.0, self._end - self._clock())

    def expired(self) -> bool:
        """Whether no time is left."""
        return self.remaining() <= 0.0


# How natural an engine's voice is, for the widget's choice between the server's voice and the device's:
# a formant synthesizer is ROBOTIC (a browser's own Vietnamese voice is better), a neural or concatenative
# one NATURAL.
ROBOTIC, NATURAL = 1, 2


class Engine(Protocol):
    """A speech engine. Implementations must be safe to call from many threads at once."""

    name: str
    rank: int  # ROBOTIC or NATURAL
    # The name and the settings that decide how its recordings sound, part of every segment id it is the
    # primary engine for: a changed voice or pace makes new ids, so year-long cached audio is never stale.
    identity: str

    def synthesize(self, text: str, lang: str, speed: str, deadline: Deadline) -> bytes:
        """MP3 bytes for ``text``; raises :class:`EngineUnavailable` or :class:`EngineError`."""
        ...

    def healthy(self) -> bool:
        """Whether a call now would be attempted (False while a circuit breaker is open)."""
        ...

    def working(self) -> bool:
        """Whether the engine is up as far as its last calls tell (what health reports)."""
        ...

    def close(self) -> None:
        """Release pooled connections and other resources."""
        ...
