"""The audio service: what the web layer and the commands ask of the audio layer.

A recording is a cache hit (a file) or, on a miss, one single-flight synthesis through the engine chain
(``recorder``, ``chain``); what follows a play happens in the background (``background``); many segments at
once are ``warm`` and ``stream``.
"""
from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Protocol

from flask import Flask

from ..speech import Segment, article_blocks, segment_blocks
from . import registry
from .background import Background, PruneTimer
from .cache import AudioCache, CachedAudio
from .chain import EngineChain
from .engines import Deadline, Engine
from .errors import AudioUnavailable, UnknownSegment
from .recorder import Budgets, Recorder
from .registry import SpeechJob, Voice
from .singleflight import SingleFlight
from .stream import stream_mp3
from .warm import WarmSummary, warm

SEGMENT_ID = re.compile(r"[0-9a-f]{32}")


class ArticleLike(Protocol):
    """What the service reads of an article."""

    title: str
    lead: str
    body: str
    lang: str


class AudioService:
    """Per-app audio machinery; lives in ``app.extensions["trodoc_audio"]``."""

    def __init__(self, app: Flask, *, cache: AudioCache, engines: dict[str, Engine], flights: SingleFlight,
                 budgets: Budgets, concurrency: int, lookahead: int, max_waiting: int = 0,
                 playlist_max: int, abbreviations: Mapping[str, str] | None = None) -> None:
        self.cache = cache
        self.chain = EngineChain(engines, cache.counters, fallback_reserve=budgets.fallback_reserve)
        self.recorder = Recorder(cache, self.chain, flights)
        self.budgets = budgets
        self.concurrency = concurrency
        self.abbreviations = abbreviations
        self.playlist_max = playlist_max
        self.background = Background(app, self.recorder, self.chain, workers=concurrency + 1,
                                     budget=budgets.background, lookahead=lookahead)
        self.pruner = PruneTimer(app)
        # Distinct new recordings that request threads may wait for at once (0: no bound). Beyond that the
        # answer is 503 at once, so a slow or dead upstream cannot take every server thread from pages and
        # cached audio. Listeners of a recording already under way join it without counting.
        self._waiting = threading.BoundedSemaphore(max_waiting) if max_waiting else None

    @property
    def engines(self) -> dict[str, Engine]:
        """The configured engines, in ``TTS_ENGINES`` order."""
        return self.chain.engines

    @property
    def flights(self) -> SingleFlight:
        """The single-flight lock shared with other processes."""
        return self.recorder.flights

    # -- playlists --------------------------------------------------------------------------------------

    def voice(self, lang: str) -> Voice:
        """The voice every playlist in ``lang`` is read with: the primary engine at normal speed."""
        return Voice(lang, self.chain.primary)

    def segments(self, blocks: list[str], lang: str) -> list[Segment]:
        """Cut text blocks into segments the way every playlist is cut (the primary voice, the abbreviations)."""
        voice = self.voice(lang)
        return segment_blocks(blocks, lang=voice.lang, engine=self.chain.engines[voice.engine].identity,
                              speed=voice.speed, abbreviations=self.abbreviations)

    def register(self, segments: list[Segment], lang: str, *, admit_new: Callable[[int], None] | None = None) -> None:
        """Register segments handed out in a playlist, so ``/audio/<id>.mp3`` can record them.

        ``admit_new`` is for text strangers send (see :func:`registry.register_playlist`); raises
        :class:`registry.RegistryFull` when it would exceed the cap on never-played segments.
        """
        registry.register_playlist(segments, self.voice(lang), admit_new=admit_new)

    def article_jobs(self, article: ArticleLike) -> list[SpeechJob]:
        """Segment and register an article, in reading order; ids match those of its playlist."""
        segments = self.segments(article_blocks(article.title, article.lead, article.body), article.lang)
        self.register(segments, article.lang)
        voice = self.voice(article.lang)
        return [SpeechJob(seg.id, seg.spoken, voice) for seg in segments]

    def reader(self, segment_id: str) -> dict:
        """Which engine reads ``segment_id`` and its rank: the one that made its recording, or else the one a
        new recording would come from now."""
        found = self.cache.find(segment_id)
        if found is not None and found.engine in self.engines:
            name = found.engine
        else:
            name = self.chain.first_healthy(self.chain.primary)
        return {"engine": name, "rank": self.rank(name)}

    def rank(self, engine: str) -> int:
        """How natural ``engine``'s voice is (``ROBOTIC``, ``NATURAL``); 0 for an engine no longer configured."""
        return self.chain.rank(engine)

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
                self.background.upgrade_later(segment_id)
            self.background.played(segment_id)
            return found
        job = registry.find_job(segment_id)
        if job is None:
            raise UnknownSegment(segment_id)
        if before_synthesis is not None:
            before_synthesis()
        self.background.played(segment_id)
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
        return self.recorder.record(job, deadline, upgrade=upgrade)

    def listened(self, segment_id: str) -> None:
        """A listener's widget started reading at ``segment_id``: its recorded segments from there on count as
        played (in the background), so those the web server serves from disk are not pruned as never played.

        Only registered segments that have a recording are stamped. Raises :class:`UnknownSegment` for what
        is not a segment id.
        """
        if not SEGMENT_ID.fullmatch(segment_id):
            raise UnknownSegment(segment_id)
        self.background.listened(segment_id, self.playlist_max)

    def on_request(self) -> None:
        """Called on every request this process serves: starts the prune timer, and takes the queue of
        published articles up again now and then."""
        self.pruner.start()
        self.background.poll_queue()

    def drain_soon(self) -> None:
        """Record the queue of published articles in the background."""
        self.background.drain_soon()

    # -- many segments at once --------------------------------------------------------------------------

    def warm(self, jobs: Iterable[SpeechJob], progress: Callable[[], None] = lambda: None) -> WarmSummary:
        """Record every missing segment of ``jobs``, ``concurrency`` at a time."""
        return warm(self.recorder, jobs, concurrency=self.concurrency, budget=self.budgets.background,
                    progress=progress)

    def stream_mp3(self, jobs: list[SpeechJob]) -> Iterator[bytes]:
        """One MP3 stream of ``jobs`` in order (see :func:`stream.stream_mp3`)."""
        return stream_mp3(self.recorder, jobs, concurrency=self.concurrency, budgets=self.budgets)

    # -- operations -------------------------------------------------------------------------------------

    def health(self) -> dict:
        """The parts the service depends on, for ``/healthz``: the audio disk, each engine (``down`` while
        its circuit breaker refuses calls) and, when there is one, the lock's store (Redis)."""
        parts: dict = {"audio_disk": self.cache.health(), "engines": self.chain.health()}
        lock = self.flights.locker.health()
        if lock is not None:
            parts["redis"] = lock
        return parts

    def close(self) -> None:
        """Stop background work and the prune timer, and release engine resources."""
        self.pruner.close()
        self.background.close()
        self.chain.close()
        self.cache.counters.flush()
