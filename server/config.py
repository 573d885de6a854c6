"""Configuration: built-in defaults, ``TRODOC_*`` environment variables, then explicit overrides."""
from __future__ import annotations

import os
from typing import Any, Mapping

from flask import Flask

DEFAULTS: dict[str, Any] = {
    "MAX_CONTENT_LENGTH": 1024 * 1024,
    "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
    "TTS_ENGINES": "gtts,espeak",
    "TTS_CONCURRENCY": 4,
    # Request threads per process that may wait for a new recording at once; keep it below gunicorn's
    # threads (deploy/gunicorn.conf.py: 16) so pages and cached audio always find a free thread.
    "TTS_MAX_WAITING": 8,
    # Audio (server/audio): cache cap, upstream timeouts, retries, breaker and time budgets, in seconds.
    "GTTS_URL": "",
    # A self-hosted OpenAI-compatible speech server (engine "openai"): base URL without /v1, model, voice, key.
    "OPENAI_TTS_URL": "",
    "OPENAI_TTS_MODEL": "tts-1",
    "OPENAI_TTS_VOICE": "alloy",
    "OPENAI_TTS_KEY": "",
    "REDIS_URL": "",
    "AUDIO_CACHE_MB": 1024,
    "AUDIO_FALLBACK_MAX_AGE": 300,
    "AUDIO_STATS_FLUSH": 10,
    "TTS_CONNECT_TIMEOUT": 3.0,
    "TTS_READ_TIMEOUT": 4.0,
    "TTS_RETRY_TRIES": 3,
    "TTS_RETRY_BASE": 0.5,
    "TTS_RETRY_CAP": 4.0,
    "TTS_BREAKER_THRESHOLD": 5,
    "TTS_BREAKER_COOLDOWN": 30.0,
    "TTS_REQUEST_BUDGET": 4.0,
    "TTS_BACKGROUND_BUDGET": 8.0,
    "TTS_FALLBACK_RESERVE": 1.5,
    "TTS_LOOKAHEAD": 3,
    # Record an article's segments in the background when it is created or replaced (API, import).
    "TTS_RECORD_ON_PUBLISH": True,
    # The offline voice: espeak-ng's northern, central or southern Vietnamese, and its words per minute
    # (northern at 130 was the most intelligible in bench/intelligibility.py --espeak-grid).
    "ESPEAK_ACCENT": "northern",
    "ESPEAK_RATE": 130,
    "ALLOWED_ORIGINS": "",
    "API_TOKEN": "",
    "RATELIMIT_STORAGE_URL": "memory://",
    "RATELIMIT_PER_CLIENT": "60 per minute;600 per hour",
    "RATELIMIT_PER_ORIGIN": "600 per minute",
    # Requests for audio not yet recorded (each one costs an upstream call), per client address.
    "RATELIMIT_SYNTHESIS": "120 per minute;2000 per hour",
    # Segments of host-page text registered for the first time, per client address (playlists of text
    # already registered cost nothing).
    "RATELIMIT_NEW_SEGMENTS": "10000 per hour",
    "TRUSTED_PROXIES": 0,
    "ARTICLES_PER_PAGE": 20,
    "LOAD_SAMPLES": True,
    "ABBREVIATIONS": "",
    "SPEECH_MAX_CHARS": 30_000,
    "SPEECH_MAX_BLOCKS": 2_000,
    "SPEECH_MAX_SEGMENTS": 1_500,
    # Registered segments nobody has played yet: at most this many, and forgotten after this many days.
    "SPEECH_MAX_UNPLAYED": 50_000,
    "SPEECH_UNPLAYED_DAYS": 7,
    # The widget's build (server/assets.py): one minified, hash-versioned file per bundle, never the
    # per-source debug output; ASSETS_CACHE, ASSETS_MANIFEST and ASSETS_AUTO_BUILD are derived there.
    "ASSETS_DEBUG": False,
    "ASSETS_VERSIONS": "hash",
    "ASSETS_URL_EXPIRE": False,
}


def load_config(app: Flask, overrides: Mapping[str, Any] | None) -> None:
    """Fill ``app.config`` and derive the paths that default to the instance folder."""
    app.config.update(DEFAULTS)
    # Operators use the documented names (TRODOC_DATABASE_URL, …); Flask's own keys keep theirs.
    app.config.from_prefixed_env("TRODOC")
    if overrides:
        app.config.update(overrides)
    app.config.setdefault("DATABASE_URL", "sqlite:///" + os.path.join(app.instance_path, "trodoc.db"))
    app.config.setdefault("AUDIO_DIR", os.path.join(app.instance_path, "audio"))
    app.config["SQLALCHEMY_DATABASE_URI"] = app.config["DATABASE_URL"]
    # from_prefixed_env parses values as JSON, so a numeric token would arrive as an int.
    app.config["API_TOKEN"] = str(app.config["API_TOKEN"] or "")
