"""The engine chain: a segment's own engine first, then the others in ``TTS_ENGINES`` order as fallbacks."""
from __future__ import annotations

import logging
from dataclasses import dataclass

from ..metrics import RECORDINGS
from .counters import Counters
from .engines import Deadline, Engine, EngineError, EngineUnavailable
from .errors import AudioUnavailable
from .registry import SpeechJob

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Synthesized:
    """A new recording and who made it (``primary``: the segment's own engine)."""

    audio: bytes
    engine: str
    primary: bool


class EngineChain:
    """The configured engines, tried in order until one answers within the deadline."""

    def __init__(self, engines: dict[str, Engine], counters: Counters, *, fallback_reserve: float) -> None:
        self.engines = engines
        self.counters = counters
        self.fallback_reserve = fallback_reserve

    @property
    def primary(self) -> str:
        """The engine playlists ask for: the first of ``TTS_ENGINES``."""
        return next(iter(self.engines))

    def candidates(self, engine: str, primary_only: bool = False) -> list[tuple[Engine, bool]]:
        """The engines to try for a segment registered with ``engine``, each with whether it is that one."""
        own = self.engines.get(engine)
        chain = [(own, True)] if own is not None else []
        if not primary_only:
            chain += [(other, False) for name, other in self.engines.items() if name != engine]
        return chain

    def synthesize(self, job: SpeechJob, deadline: Deadline, *, primary_only: bool = False) -> Synthesized:
        """A new recording of ``job``; raises :class:`AudioUnavailable` when every engine failed."""
        chain = self.candidates(job.voice.engine, primary_only)
        errors: list[EngineError] = []
        for position, (engine, primary) in enumerate(chain):
            has_fallback = position + 1 < len(chain)
            # Leave the fallback engines time to answer within the listener's deadline.
            share = Deadline(deadline.remaining() - (self.fallback_reserve if has_fallback else 0))
            try:
                audio = engine.synthesize(job.spoken, job.voice.lang, job.voice.speed, share)
            except EngineError as error:
                log.warning("engine %s failed on segment %s: %s", engine.name, job.segment_id, error)
                errors.append(error)
                continue
            self.counters.add("synthesized")
            RECORDINGS.labels(engine=engine.name, primary=str(primary).lower()).inc()
            return Synthesized(audio, engine.name, primary)
        self.counters.add("failed")
        raise _all_failed(errors)

    def first_healthy(self, engine: str) -> str:
        """The engine a new recording of a segment registered with ``engine`` would come from now (its
        breaker closed); ``engine`` itself when none is."""
        return next((candidate.name for candidate, _ in self.candidates(engine) if candidate.healthy()), engine)

    def rank(self, engine: str) -> int:
        """How natural ``engine``'s voice is (``ROBOTIC``, ``NATURAL``); 0 for an engine no longer configured."""
        return self.engines[engine].rank if engine in self.engines else 0

    def health(self) -> dict:
        """Each engine: ``down`` from the failures that opened its circuit breaker until a call succeeds."""
        return {name: {"status": "ok" if engine.working() else "down"} for name, engine in self.engines.items()}

    def close(self) -> None:
        """Release every engine's resources."""
        for engine in self.engines.values():
            engine.close()


def _all_failed(errors: list[EngineError]) -> AudioUnavailable:
    # The soonest any engine may answer again; "permanent" when none said it was only busy or down.
    waits = [error.retry_after for error in errors if isinstance(error, EngineUnavailable)]
    message = "; ".join(str(error) for error in errors) or "no speech engine is configured"
    if waits:
        return AudioUnavailable(message, retry_after=min(waits))
    return AudioUnavailable(message, retry_after=60.0, permanent=True)
