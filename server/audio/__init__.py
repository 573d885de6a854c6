"""Vietnamese audio: engines, the content-addressed cache, single-flight synthesis and look-ahead.

The playlist endpoints cut text with ``audio_service().segments``, register what they hand out with
``audio_service().register``, and link each segment to ``url_for("audio.segment", segment_id=seg.id)``;
``/audio/<id>.mp3`` then makes and serves the recording.
"""
from __future__ import annotations

from flask import Flask, current_app

from ..speech import load_abbreviations
from . import publish
from .cache import AudioCache
from .counters import Counters
from .engines import build_engines
from .errors import AudioUnavailable, UnknownSegment
from .recent import ExpiringSet
from .recorder import Budgets
from .registry import RECENT_EXTENSION, RECENT_SIZE, RECENT_TTL, RegistryFull
from .service import AudioService
from .singleflight import FallbackLocker, FileLocker, Locker, RedisLocker, SingleFlight

__all__ = ["AudioService", "AudioUnavailable", "RegistryFull", "UnknownSegment", "audio_service", "init_app"]
EXTENSION = "trodoc_audio"


def _locker(config, cache: AudioCache, counters: Counters) -> Locker:
    # Redis when the operator has one (several hosts), the lock files beside the recordings while it does
    # not answer; only the lock files otherwise.
    files = FileLocker(cache.lock_path)
    url = config.get("REDIS_URL")
    if not url:
        return files
    return FallbackLocker(RedisLocker.from_url(url), files, on_fallback=lambda: counters.add("lock_fallbacks"))


def _build(app: Flask) -> AudioService:
    config = app.config
    counters = Counters(config["AUDIO_DIR"], flush_interval=config["AUDIO_STATS_FLUSH"])
    engines = build_engines(config)
    cache = AudioCache(config["AUDIO_DIR"], config["AUDIO_CACHE_MB"] * 2**20, counters, engines=list(engines))
    return AudioService(
        app,
        cache=cache,
        engines=engines,
        flights=SingleFlight(_locker(config, cache, counters)),
        budgets=Budgets(request=config["TTS_REQUEST_BUDGET"], background=config["TTS_BACKGROUND_BUDGET"],
                        fallback_reserve=config["TTS_FALLBACK_RESERVE"]),
        concurrency=config["TTS_CONCURRENCY"],
        max_waiting=config["TTS_MAX_WAITING"],
        lookahead=config["TTS_LOOKAHEAD"],
        playlist_max=config["PLAYLIST_MAX_SEGMENTS"],
        # The built-in abbreviations and data tables, with the operator's TRODOC_ABBREVIATIONS file or folder.
        abbreviations=load_abbreviations(config["ABBREVIATIONS"] or None),
    )


def init_app(app: Flask) -> None:
    """Attach the audio service and the memo of playlists registered lately to ``app``.

    Threads start on first use only, so a gunicorn master that preloads the app forks none.
    """
    app.extensions[EXTENSION] = _build(app)
    app.extensions[RECENT_EXTENSION] = ExpiringSet(RECENT_SIZE, ttl=RECENT_TTL)
    publish.init_app(app)


def audio_service(app: Flask | None = None) -> AudioService:
    """The audio service of ``app`` (default: the current app)."""
    return (app or current_app).extensions[EXTENSION]
