"""Making a segment's recording: at most once across threads and processes, through the chain, into the cache."""
from __future__ import annotations

from dataclasses import dataclass

from .cache import AudioCache, CachedAudio
from .chain import EngineChain
from .engines import Deadline
from .errors import AudioUnavailable
from .registry import SpeechJob
from .singleflight import LockTimeout, SingleFlight


@dataclass(frozen=True)
class Budgets:
    """Seconds a synthesis may take: on a listener's request, in the background, and kept for fallbacks."""

    request: float = 4.0
    background: float = 8.0
    fallback_reserve: float = 1.5


class Recorder:
    """Records segments into the cache, one synthesis per segment however many ask for it at once."""

    def __init__(self, cache: AudioCache, chain: EngineChain, flights: SingleFlight) -> None:
        self.cache = cache
        self.chain = chain
        self.flights = flights

    def record(self, job: SpeechJob, deadline: Deadline, *, upgrade: bool = False) -> CachedAudio:
        """The recording for ``job``, made if missing (or, with ``upgrade``, if only a fallback one exists).

        No app context needed. Raises :class:`AudioUnavailable`.
        """
        try:
            return self.flights.run(job.segment_id, lambda: self._record_locked(job, deadline, upgrade),
                                    timeout=deadline.remaining())
        except LockTimeout:
            raise AudioUnavailable("another worker is still recording this segment", retry_after=1.0) from None

    def _record_locked(self, job: SpeechJob, deadline: Deadline, upgrade: bool) -> CachedAudio:
        found = self.cache.find(job.segment_id)  # another process may have finished while we waited
        if found is not None and (found.primary or not upgrade):
            return found
        try:
            made = self.chain.synthesize(job, deadline, primary_only=upgrade)
        except AudioUnavailable:
            if found is not None:
                return found  # a failed upgrade: callers sharing this flight still get the fallback
            raise
        return self.cache.store(job.segment_id, made.audio, made.primary, made.engine)
