"""Getting a recording: cache hit → file; miss → single-flight synthesis through the engine chain → cache.

Also look-ahead (when segment N is asked for, its registered successors are recorded in the background),
upgrading fallback recordings once the primary engine answers again, warm-up and whole-article streaming.
"""
from __future__ import annotations

import logging
import re
import threading
import time
from collections import OrderedDict
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

from flask import Flask

from ..metrics import RECORDINGS
from . import registry
from .cache import AudioCache, CachedAudio
from .engines import Deadline, Engine, EngineError, EngineUnavailable
from .mp3 import audio_frames
from .registry import SpeechJob
from .singleflight import LockTimeout, SingleFlight

SEGMENT_ID = re.compile(r"[0-9a-f]{32}")
QUEUE_POLL = 30.0  # seconds between looks at the queue of published articles, per process
log = logging.getLogger(__name__)


class UnknownSegment(LookupError):
    """No playlist registered this id (or it is not an id at all)."""


class AudioUnavailable(Exception):
    """No engine could make the recording now; ``permanent`` when retrying will not help."""

    def __init__(self, message: str, *, retry_after: float, permanent: bool = False) -> None:
        super().__init__(message)
        self.retry_after = retry_after
        self.permanent = permanent


@dataclass(frozen=True)
class Budgets:
    """Seconds a synthesis may take: on a listener's request, in the background, and kept for fallbacks."""

    request: float = 4.0
    background: float = 8.0
    fallback_reserve: float = 1.5


@dataclass
class WarmSummary:
    segments: int = 0
    cached: int = 0
    synthesized: int = 0
    failed: int = 0


class RecentSet:
    """A bounded, thread-safe set of recently seen keys with a time-to-live."""

    def __init__(self, size: int, ttl: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.size, self.ttl, self._clock = size, ttl, clock
        self._lock = threading.Lock()
        self._items: OrderedDict[str, float] = OrderedDict()

    def check_and_add(self, key: str) -> bool:
        """True when ``key`` was added less than ``ttl`` ago; otherwise add it and return False."""
        now = self._clock()
        with self._lock:
            added = self._items.get(key)
            if added is not None and now - added < self.ttl:
                return True
            self._items[key] = now
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)
            return False


class AudioService:
    """Per-app audio machinery; lives in ``app.extensions["trodoc_audio"]``."""

    def __init__(self, app: Flask, *, cache: AudioCache, engines: dict[str, Engine], flights: SingleFlight,
                 budgets: Budgets, concurrency: int, lookahead: int, max_pending: int = 256,
                 fallback_retry_interval: float = 60.0, max_waiting: int = 0) -> None:
        self.app = app
        self.cache = cache
        self.engines = engines
        self.flights = flights
        self.budgets = budgets
        self.concurrency = concurrency
        self.lookahead = lookahead
        self.max_pending = max_pending
        # Distinct new recordings that request threads may wait for at once (0: no bound). Beyond that the
        # answer is 503 at once, so a slow or dead upstream cannot take every server thread from pages and
        # cached audio. Listeners of a recording already under way join it without counting.
        self._waiting = threading.BoundedSemaphore(max_waiting) if max_waiting else None
        self._executor = ThreadPoolExecutor(max_workers=concurrency + 1, thread_name_prefix="trodoc-audio")
        self._pending: set[str] = set()
        self._pending_lock = threading.Lock()
        self._played_recently = RecentSet(4096, ttl=300.0)
        self._upgrade_tried = RecentSet(4096, ttl=fallback_retry_interval)
        self._queue_polled = -QUEUE_POLL  # the first request of a process takes the queue up

    # -- the request path -------------------------------------------------------------------------------

    def audio_for(self, segment_id: str, before_synthesis: Callable[[], None] | None = None) -> CachedAudio:
        """The recording for a registered id, made now if missing. Needs an app context.

        ``before_synthesis`` runs only when the recording must be made (the rate limit on upstream work);
        whatever it raises propagates. Raises :class:`UnknownSegment` or :class:`AudioUnavailable`.
        """
        if not SEGMENT_ID.fullmatch(segment_id):
            raise UnknownSegment(segment_id)
        found = self.cache.lookup(segment_id)
        if found is not None:
            if not found.primary:
                self._upgrade_later(segment_id)
            self._played(segment_id)
            return found
        job = registry.find_job(segment_id)
        if job is None:
            raise UnknownSegment(segment_id)
        if before_synthesis is not None:
            before_synthesis()
        self._played(segment_id)
        if self._waiting is None or self.flights.active(segment_id):
            # Joining a recording already under way costs no upstream call: only new ones are bounded.
            return self.record(job, Deadline(self.budgets.request))
        if not self._waiting.acquire(blocking=False):
            raise AudioUnavailable("too many listeners are already waiting for new recordings", retry_after=1.0)
        try:
            return self.record(job, Deadline(self.budgets.request))
        finally:
            self._waiting.release()

    def record(self, job: SpeechJob, deadline: Deadline, *, upgrade: bool = False) -> CachedAudio:
        """The recording for ``job``, made at most once across threads and processes. No app context needed."""
        try:
            return self.flights.run(job.segment_id, lambda: self._record_locked(job, deadline, upgrade),
                                    timeout=deadline.remaining())
        except LockTimeout:
            raise AudioUnavailable("another worker is still recording this segment", retry_after=1.0) from None

    # -- synthesis --------------------------------------------------------------------------------------

    def _record_locked(self, job: SpeechJob, deadline: Deadline, upgrade: bool) -> CachedAudio:
        found = self.cache.peek(job.segment_id)  # another process may have finished while we waited
        if found is not None and (found.primary or not upgrade):
            return found
        try:
            audio, engine, primary = self._synthesize(job, deadline, primary_only=upgrade)
        except AudioUnavailable:
            if found is not None:
                return found  # a failed upgrade: callers sharing this flight still get the fallback
            raise
        return self.cache.store(job.segment_id, audio, primary, engine)

    def _chain(self, job: SpeechJob, primary_only: bool) -> list[tuple[Engine, bool]]:
        primary = self.engines.get(job.engine)
        chain = [(primary, True)] if primary is not None else []
        if not primary_only:
            chain += [(engine, False) for name, engine in self.engines.items() if name != job.engine]
        return chain

    def _synthesize(self, job: SpeechJob, deadline: Deadline, primary_only: bool) -> tuple[bytes, str, bool]:
        chain = self._chain(job, primary_only)
        errors: list[EngineError] = []
        for position, (engine, primary) in enumerate(chain):
            has_fallback = position + 1 < len(chain)
            # Leave the fallback engines time to answer within the listener's deadline.
            share = Deadline(deadline.remaining() - (self.budgets.fallback_reserve if has_fallback else 0))
            try:
                audio = engine.synthesize(job.spoken, job.lang, job.speed, share)
            except EngineError as error:
                log.warning("engine %s failed on segment %s: %s", engine.name, job.segment_id, error)
                errors.append(error)
                continue
            self.cache.counters.add("synthesized")
            RECORDINGS.labels(engine=engine.name, primary=str(primary).lower()).inc()
            return audio, engine.name, primary
        self.cache.counters.add("failed")
        raise self._unavailable(errors)

    @staticmethod
    def _unavailable(errors: list[EngineError]) -> AudioUnavailable:
        waits = [error.retry_after for error in errors if isinstance(error, EngineUnavailable)]
        message = "; ".join(str(error) for error in errors) or "no speech engine is configured"
        if waits:
            return AudioUnavailable(message, retry_after=min(waits))
        return AudioUnavailable(message, retry_after=60.0, permanent=True)

    # -- background work --------------------------------------------------------------------------------

    def _submit(self, key: str, task: Callable[[], object]) -> None:
        with self._pending_lock:
            if key in self._pending or len(self._pending) >= self.max_pending:
                return  # already queued, or overloaded: look-ahead is an optimisation, drop it
            self._pending.add(key)

        def run() -> None:
            try:
                with self.app.app_context():
                    task()
            except (AudioUnavailable, UnknownSegment) as error:
                log.info("background audio task %s: %s", key, error)
            except Exception:
                log.exception("background audio task %s failed", key)
            finally:
                with self._pending_lock:
                    self._pending.discard(key)

        self._executor.submit(run)

    def _played(self, segment_id: str) -> None:
        # Every recording served by the app is a play (stamped at most every five minutes per process, in
        # the background): unplayed segments are pruned, look-ahead or not.
        if not self._played_recently.check_and_add(segment_id):
            self._submit("played:" + segment_id, lambda: self._after_play(segment_id))

    def _after_play(self, segment_id: str) -> None:
        registry.mark_played(segment_id)
        if not self.lookahead:
            return
        for job in registry.next_jobs(segment_id, self.lookahead):
            if self.cache.peek(job.segment_id) is None:
                self._submit(job.segment_id, lambda job=job: self.record(job, Deadline(self.budgets.background)))

    def _upgrade_later(self, segment_id: str) -> None:
        if self._upgrade_tried.check_and_add(segment_id):
            return

        def upgrade() -> None:
            job = registry.find_job(segment_id)
            primary = job and self.engines.get(job.engine)
            if primary is not None and primary.healthy():
                self.record(job, Deadline(self.budgets.background), upgrade=True)

        self._submit("upgrade:" + segment_id, upgrade)

    # -- published articles -----------------------------------------------------------------------------

    def drain_soon(self) -> None:
        """Record the queue of published articles in the background (one task per process at a time)."""
        self._queue_polled = time.monotonic()
        self._submit("queue", self._drain)

    def poll_queue(self) -> None:
        """On requests: take the queue up again every ``QUEUE_POLL`` seconds (from the first request on), for
        what a restart, an upstream outage or an import by another process left in it."""
        if time.monotonic() - self._queue_polled >= QUEUE_POLL:
            self.drain_soon()

    def _drain(self) -> None:
        from . import publish

        while segment_ids := publish.next_queued():
            for segment_id in segment_ids:
                job = registry.find_job(segment_id)
                if job is not None and self.cache.peek(segment_id) is None:
                    # AudioUnavailable ends the drain with the rest still queued, for the next poll.
                    self.record(job, Deadline(self.budgets.background))
                publish.done(segment_id)

    # -- many segments at once --------------------------------------------------------------------------

    def warm(self, jobs: Iterable[SpeechJob], progress: Callable[[], None] = lambda: None) -> WarmSummary:
        """Record every missing segment of ``jobs``, ``concurrency`` at a time."""
        summary = WarmSummary()
        unique = list({job.segment_id: job for job in jobs}.values())
        summary.segments = len(unique)
        with ThreadPoolExecutor(max_workers=self.concurrency, thread_name_prefix="trodoc-warm") as pool:
            futures = []
            for job in unique:
                if self.cache.peek(job.segment_id) is not None:
                    summary.cached += 1
                    progress()
                else:
                    futures.append(pool.submit(self.record, job, Deadline(self.budgets.background)))
            for future in as_completed(futures):
                try:
                    future.result()
                    summary.synthesized += 1
                except AudioUnavailable:
                    summary.failed += 1
                progress()
        return summary

    def stream_mp3(self, jobs: list[SpeechJob]) -> Iterator[bytes]:
        """One MP3 stream of ``jobs`` in order, yielding each recording's frames as soon as it is ready.

        The first recording is made before this returns, so a failing engine becomes an HTTP error rather
        than an empty 200; later failures are skipped (logged), since the status is already sent by then.
        """
        first = self.record(jobs[0], Deadline(self.budgets.request)) if jobs else None
        return self._stream_rest(first, jobs[1:])

    def _stream_rest(self, first: CachedAudio | None, jobs: list[SpeechJob]) -> Iterator[bytes]:
        if first is not None:
            yield _frames_of(first)
        window = max(1, self.concurrency * 2)
        pool = ThreadPoolExecutor(max_workers=self.concurrency, thread_name_prefix="trodoc-article")
        futures: list[Future] = []
        try:
            for index, job in enumerate(jobs):
                while len(futures) < min(len(jobs), index + window):
                    futures.append(pool.submit(self.record, jobs[len(futures)], Deadline(self.budgets.background)))
                try:
                    yield _frames_of(futures[index].result())
                except (AudioUnavailable, ValueError, OSError) as error:
                    log.warning("whole-article audio: skipping segment %s: %s", job.segment_id, error)
        finally:
            pool.shutdown(wait=False, cancel_futures=True)  # the listener may have hung up mid-stream

    def voice(self, segment_id: str, engine: str) -> dict:
        """Which engine reads ``segment_id`` (asked of ``engine``) and its rank: the one that made its
        recording, or else the first of the chain that would be tried now (its breaker closed)."""
        found = self.cache.peek(segment_id)
        if found is not None and found.engine in self.engines:
            name = found.engine
        else:
            # The order _chain tries them in: the segment's engine, then the others as configured.
            chain = [engine, *(other for other in self.engines if other != engine)]
            name = next((n for n in chain if n in self.engines and self.engines[n].healthy()), chain[0])
        return {"engine": name, "rank": self.rank(name)}

    def rank(self, engine: str) -> int:
        """How natural ``engine``'s voice is (``ROBOTIC``, ``NATURAL``); 0 for an engine no longer configured."""
        return self.engines[engine].rank if engine in self.engines else 0

    def health(self) -> dict:
        """The parts the service depends on, for ``/healthz``: the audio disk, each engine (``down`` while
        its circuit breaker refuses calls) and, when there is one, the lock's store (Redis)."""
        parts: dict = {"audio_disk": self.cache.health(),
                       "engines": {name: {"status": "ok" if engine.healthy() else "down"}
                                   for name, engine in self.engines.items()}}
        lock = self.flights.locker.health()
        if lock is not None:
            parts["redis"] = lock
        return parts

    def close(self) -> None:
        """Stop background work and release engine resources."""
        self._executor.shutdown(wait=False, cancel_futures=True)
        for engine in self.engines.values():
            engine.close()
        self.cache.counters.flush()


def _frames_of(found: CachedAudio) -> bytes:
    return audio_frames(found.read())
