"""Vietnamese audio: engines, the content-addressed cache, single-flight synthesis and look-ahead.

The playlist endpoints call :func:`register_playlist` for the segments they hand out, and link each segment to
``url_for("audio.segment", segment_id=seg.id)``; ``/audio/<id>.mp3`` then makes and serves the recording.
"""
from __future__ import annotations

from flask import Flask, current_app

from . import publish
from .cache import AudioCache
from .engines import build_engines
from .registry import RECENT_EXTENSION, RecentPlaylists, register_playlist
from .service import AudioService, AudioUnavailable, Budgets, UnknownSegment
from .singleflight import FallbackLocker, FileLocker, Locker, RedisLocker, SingleFlight
from .stats import Counters

__all__ = ["AudioService", "AudioUnavailable", "UnknownSegment", "audio_service", "init_app",
           "register_playlist"]
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
    counters = Counters(config["AUDIO_DIR"], flush_interval=float(config["AUDIO_STATS_FLUSH"]))
    engines = build_engines(config)
    cache = AudioCache(config["AUDIO_DIR"], int(float(config["AUDIO_CACHE_MB"]) * 1024 * 1024), counters,
                       engines=list(engines))
    return AudioService(
        app,
        cache=cache,
        engines=engines,
        flights=SingleFlight(_locker(config, cache, counters)),
        budgets=Budgets(request=float(config["TTS_REQUEST_BUDGET"]),
                        background=float(config["TTS_BACKGROUND_BUDGET"]),
                        fallback_reserve=float(config["TTS_FALLBACK_RESERVE"])),
        concurrency=int(config["TTS_CONCURRENCY"]),
        max_waiting=int(config["TTS_MAX_WAITING"]),
        lookahead=int(config["TTS_LOOKAHEAD"]),
    )


def init_app(app: Flask) -> None:
    """Attach the audio service and the playlist memo to ``app``.

    Worker threads start on first use only, so a gunicorn master that preloads the app forks no threads.
    """
    app.extensions[EXTENSION] = _build(app)
    app.extensions[RECENT_EXTENSION] = RecentPlaylists()
    publish.init_app(app)


def audio_service(app: Flask | None = None) -> AudioService:
    """The audio service of ``app`` (default: the current app)."""
    return (app or current_app).extensions[EXTENSION]

