"""Work off the request path: stamping plays and recording what follows them (look-ahead), upgrading fallback
recordings once the primary engine answers again, recording the queue of published articles, and pruning
registered segments nobody played.

Threads start on first use only, so a gunicorn master that preloads the app forks none.
"""
from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from flask import Flask

from . import publish, registry
from .chain import EngineChain
from .engines import Deadline
from .errors import AudioUnavailable, UnknownSegment
from .recent import ExpiringSet
from .recorder import Recorder

QUEUE_POLL = 30.0  # seconds between looks at the queue of published articles, per process
PRUNE_EVERY = 600.0  # seconds between prunes of never-played segments, per serving process
PLAY_STAMP_TTL = 300.0  # a segment's play is stamped at most this often per process
log = logging.getLogger(__name__)


class Background:
    """A bounded pool of background tasks, each keyed so the same work is never queued twice."""

    def __init__(self, app: Flask, recorder: Recorder, chain: EngineChain, *, workers: int, budget: float,
                 lookahead: int, max_pending: int = 256, fallback_retry_interval: float = 60.0) -> None:
        self.app = app
        self.recorder = recorder
        self.chain = chain
        self.budget = budget
        self.lookahead = lookahead
        self.max_pending = max_pending
        self._executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="trodoc-audio")
        self._pending: set[str] = set()
        self._pending_lock = threading.Lock()
        self._played_recently = ExpiringSet(4096, ttl=PLAY_STAMP_TTL)
        self._listened_recently = ExpiringSet(4096, ttl=PLAY_STAMP_TTL)
        self._upgrade_tried = ExpiringSet(4096, ttl=fallback_retry_interval)
        self._queue_polled = -QUEUE_POLL  # the first request of a process takes the queue up

    def submit(self, key: str, task: Callable[[], object]) -> None:
        """Run ``task`` in an app context in the background, unless ``key`` is already queued or too much is."""
        with self._pending_lock:
            if key in self._pending or len(self._pending) >= self.max_pending:
                return  # already queued, or overloaded: background work is an optimisation, drop it
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

    def played(self, segment_id: str) -> None:
        """A listener got ``segment_id``: stamp it played (segments nobody played are pruned) and record the
        ones that follow it, ahead of the listener."""
        if not self._played_recently.check_and_add(segment_id):
            self.submit("played:" + segment_id, lambda: self._after_play(segment_id))

    def listened(self, segment_id: str, limit: int) -> None:
        """A listener's widget says a listening run started at ``segment_id``: stamp it and the segments that
        follow it (at most ``limit`` in all) played, those that are recorded, since the web server may serve
        recordings from disk without the app. Unrecorded ones are stamped when the app serves them."""
        if not self._listened_recently.check_and_add(segment_id):
            self.submit("listened:" + segment_id, lambda: self._stamp_recorded(segment_id, limit))

    def _stamp_recorded(self, segment_id: str, limit: int) -> None:
        cache = self.recorder.cache
        registry.mark_played([found for found in registry.playlist_from(segment_id, limit)
                              if cache.find(found) is not None])

    def _after_play(self, segment_id: str) -> None:
        registry.mark_played([segment_id])
        if not self.lookahead:
            return
        for job in registry.next_jobs(segment_id, self.lookahead):
            if self.recorder.cache.find(job.segment_id) is None:
                self.submit(job.segment_id, lambda job=job: self.recorder.record(job, Deadline(self.budget)))

    def upgrade_later(self, segment_id: str) -> None:
        """A fallback recording was served: make the primary engine's, once it answers again."""
        if self._upgrade_tried.check_and_add(segment_id):
            return

        def upgrade() -> None:
            job = registry.find_job(segment_id)
            primary = job and self.chain.engines.get(job.voice.engine)
            if primary is not None and primary.healthy():
                self.recorder.record(job, Deadline(self.budget), upgrade=True)

        self.submit("upgrade:" + segment_id, upgrade)

    def drain_soon(self) -> None:
        """Record the queue of published articles in the background (one task per process at a time)."""
        self._queue_polled = time.monotonic()
        self.submit("queue", self._drain)

    def poll_queue(self) -> None:
        """Take the queue up again every ``QUEUE_POLL`` seconds, for what a restart, an upstream outage or an
        import by another process left in it."""
        if time.monotonic() - self._queue_polled >= QUEUE_POLL:
            self.drain_soon()

    def _drain(self) -> None:
        while segment_ids := publish.next_queued():
            for segment_id in segment_ids:
                job = registry.find_job(segment_id)
                if job is not None and self.recorder.cache.find(segment_id) is None:
                    # AudioUnavailable ends the drain with the rest still queued, for the next poll.
                    self.recorder.record(job, Deadline(self.budget))
                publish.done(segment_id)

    def close(self) -> None:
        """Drop queued tasks; running ones finish on their own."""
        self._executor.shutdown(wait=False, cancel_futures=True)


class PruneTimer:
    """Forgets registered segments nobody played (``registry.prune_unplayed``) every ``interval`` seconds."""

    def __init__(self, app: Flask, interval: float = PRUNE_EVERY) -> None:
        self.app = app
        self.interval = interval
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        """Whether the timer's thread is alive."""
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        """Start the timer's daemon thread (once; later calls do nothing)."""
        if self._thread is not None:
            return
        with self._lock:
            if self._thread is None and not self._stop.is_set():
                self._thread = threading.Thread(target=self._run, name="trodoc-prune", daemon=True)
                self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            try:
                with self.app.app_context():
                    removed = registry.prune_unplayed()
            except Exception:  # the database may be restarting: try again next time
                log.exception("pruning never-played segments failed")
                continue
            if removed:
                log.info("pruned %d never-played segments", removed)

    def close(self, timeout: float = 5.0) -> None:
        """Stop the timer and wait up to ``timeout`` seconds for a prune under way."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
