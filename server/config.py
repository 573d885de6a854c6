"""Configuration: one typed table of the settings an operator sets, and the values that follow from them.

An operator sets :data:`SETTINGS` as ``TRODOC_<NAME>`` environment variables; the README's configuration
table is this table (a test keeps them equal). Every other value the code reads is in :data:`DERIVED`: it
follows from the settings (upstream timeouts from the request budget, the limiter's storage from the Redis
URL, the playlist bounds from the character bound) or is a constant with its reason. Both are parsed once,
in :func:`load_config`, and a bad value stops the start with the variable's name and what it expects.

Names of earlier releases keep working: :data:`RENAMED` maps them to the new names, and a derived value can
still be given under its own name (:data:`DERIVED`), with a warning, for deployments that set one before.
``create_app(config)`` takes any of these names directly (tests use it to shorten timeouts).
"""
from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from flask import Flask

PREFIX = "TRODOC_"
log = logging.getLogger(__name__)


class SettingError(ValueError):
    """A setting's value cannot be used; the message names the variable and what it takes."""


def _text(value: str) -> str:
    return value


def _whole(value: str) -> int:
    number = int(value)
    if number < 0:
        raise ValueError("negative")
    return number


def _seconds(value: str) -> float:
    number = float(value)
    if not number > 0:
        raise ValueError("not positive")
    return number


def _flag(value: str) -> bool:
    lowered = value.strip().lower()
    if lowered in ("1", "true", "yes", "on"):
        return True
    if lowered in ("0", "false", "no", "off", ""):
        return False
    raise ValueError("not a flag")


def _http_url(value: str) -> str:
    if value and not value.startswith(("http://", "https://")):
        raise ValueError("not an http(s) URL")
    return value


# What each parser expects, for the error message.
EXPECTS: dict[Callable[[str], Any], str] = {
    _text: "text",
    _whole: "a whole number ≥ 0",
    _seconds: "a number of seconds > 0",
    _flag: "true or false",
    _http_url: "an http:// or https:// URL",
}


@dataclass(frozen=True)
class Setting:
    """One operator setting: ``TRODOC_<name>``, parsed by ``parse``; ``default`` may be a function of the
    settings read so far (those above it in the table)."""

    name: str
    parse: Callable[[str], Any]
    default: Any
    help: str
    shown: str = ""  # the default as the README shows it, when it is a function

    def default_text(self) -> str:
        """The default in words: ``shown``, or the value (``none`` for an empty one)."""
        if self.shown:
            return self.shown
        if isinstance(self.default, bool):
            return "true" if self.default else "false"
        return str(self.default) if self.default != "" else "none"


def _instance(path: str) -> Callable[[Mapping[str, Any]], str]:
    return lambda values: os.path.join(values["INSTANCE_PATH"], path)


SETTINGS: tuple[Setting, ...] = (
    Setting("DATABASE_URL", _text, lambda v: "sqlite:///" + _instance("trodoc.db")(v),
            "SQLAlchemy URL (`postgresql+psycopg://…` for PostgreSQL); the schema is created on first start",
            "sqlite:///<instance>/trodoc.db"),
    Setting("LOAD_SAMPLES", _flag, True, "load the bundled sample articles into an empty database on first start"),
    Setting("API_TOKEN", _text, "", "bearer token for article writes, `/api/v1/stats` and `/metrics`",
            "none (refused)"),
    Setting("AUDIO_DIR", _text, _instance("audio"), "audio cache folder", "<instance>/audio"),
    Setting("AUDIO_CACHE_MB", _whole, 1024, "audio cache cap; least recently used recordings are evicted"),
    Setting("REDIS_URL", _text, "",
            "Redis (`redis://…`) shared by every process and machine: the single-flight lock and, by default, "
            "the rate limits", "none: lock files, per-process limits"),
    Setting("TTS_ENGINES", _text, "gtts,espeak",
            "engines tried in order, comma separated: `gtts` (Google), `openai` (a self-hosted server), "
            "`espeak` (offline, robotic)"),
    Setting("GTTS_URL", _http_url, "", "full URL of Google's batchexecute endpoint (egress proxies, tests)",
            "Google's, via gTTS"),
    Setting("OPENAI_TTS_URL", _http_url, "",
            "engine `openai`: base URL, without `/v1`, of a server with the OpenAI-compatible "
            "`POST /v1/audio/speech` (Piper, Kokoro or VieNeu servers offer it)"),
    Setting("OPENAI_TTS_MODEL", _text, "tts-1", "engine `openai`: the model"),
    Setting("OPENAI_TTS_VOICE", _text, "alloy", "engine `openai`: the voice"),
    Setting("OPENAI_TTS_KEY", _text, "", "engine `openai`: bearer key, if the server wants one"),
    Setting("ESPEAK_ACCENT", _text, "northern",
            "the offline voice: espeak-ng's `northern`, `central` or `southern` Vietnamese (the accent and "
            "the rate are in the segment ids of an espeak-first server, so a change is never served stale)"),
    Setting("TTS_CONCURRENCY", _whole, 4,
            "upstream requests in flight per process; twice as many listeners may wait for new recordings"),
    Setting("TTS_REQUEST_BUDGET", _seconds, 4.0,
            "seconds a listener's request may wait for a new recording before a 503; upstream timeouts, "
            "retries and the background budget follow from it"),
    Setting("TTS_RECORD_ON_PUBLISH", _flag, True,
            "record an article's segments in the background when it is created or replaced (API, import), "
            "from a queue table that survives restarts"),
    Setting("ALLOWED_ORIGINS", _text, "", "origins allowed to embed with speech, comma separated, `*` = any",
            "the server's own origin"),
    Setting("TRUSTED_PROXIES", _whole, 0, "reverse proxies in front, whose `X-Forwarded-*` give the client address"),
    Setting("RATELIMIT_STORAGE_URL", _text, lambda v: v["REDIS_URL"] or "memory://",
            "rate-limit storage (`memory://`, `redis://…`)", "TRODOC_REDIS_URL, else memory://"),
    Setting("RATELIMIT_PER_CLIENT", _text, "60 per minute;600 per hour",
            "playlists of host pages' text and usage events, per client address"),
    Setting("RATELIMIT_PER_ORIGIN", _text, "600 per minute", "playlists of host pages' text, per page origin"),
    Setting("RATELIMIT_SYNTHESIS", _text, "120 per minute;2000 per hour",
            "requests that make a new recording, per client address (cached audio is never limited)"),
    Setting("PLAYLIST_MAX_CHARS", _whole, 30_000,
            "characters of one playlist request; its blocks and segments are bounded in proportion"),
    Setting("REGISTRY_MAX_UNPLAYED", _whole, 50_000,
            "registered sentences of host pages nobody has played yet; more are refused (503) until some expire"),
    Setting("ABBREVIATIONS", _text, "",
            "a UTF-8 TSV file of extra abbreviations and words (`UBND<TAB>Ủy ban nhân dân`), or a folder of files"
            " named like the built-in data (`abbreviations.tsv`, `units.tsv`, `loanwords.tsv`, …), read at start"),
)


@dataclass(frozen=True)
class Derived:
    """A value the code reads that an operator does not set: ``rule`` computes it from the settings."""

    name: str
    rule: Callable[[Mapping[str, Any]], Any]
    help: str


DERIVED: tuple[Derived, ...] = (
    # The upstream's timeouts and retries fit in the request budget: a listener hears a fallback voice
    # (or gets a 503) within it, never after it.
    Derived("TTS_CONNECT_TIMEOUT", lambda v: min(3.0, v["TTS_REQUEST_BUDGET"] * 0.75),
            "seconds to connect upstream: ¾ of the request budget, at most 3"),
    Derived("TTS_READ_TIMEOUT", lambda v: v["TTS_REQUEST_BUDGET"],
            "seconds to wait for an upstream answer: the request budget"),
    Derived("TTS_RETRY_TRIES", lambda v: 3, "upstream tries on 429, 5xx and timeouts: 3"),
    Derived("TTS_RETRY_BASE", lambda v: v["TTS_REQUEST_BUDGET"] / 8,
            "first backoff (s), doubled with jitter: ⅛ of the request budget"),
    Derived("TTS_RETRY_CAP", lambda v: v["TTS_REQUEST_BUDGET"], "longest backoff (s): the request budget"),
    Derived("TTS_BACKGROUND_BUDGET", lambda v: v["TTS_REQUEST_BUDGET"] * 2,
            "seconds a background recording may take (nobody waits on it): twice the request budget"),
    Derived("TTS_FALLBACK_RESERVE", lambda v: v["TTS_REQUEST_BUDGET"] * 0.375,
            "seconds of a budget kept for the fallback engines: 0.375 × the request budget"),
    Derived("TTS_BREAKER_THRESHOLD", lambda v: 5, "failures in a row that open an engine's circuit breaker: 5"),
    Derived("TTS_BREAKER_COOLDOWN", lambda v: 30.0, "seconds an open breaker fails fast: 30"),
    # Below gunicorn's 16 threads per worker, so pages and cached audio always find a free thread.
    Derived("TTS_MAX_WAITING", lambda v: max(1, v["TTS_CONCURRENCY"] * 2),
            "new recordings a process waits for at once (more: immediate 503): twice TTS_CONCURRENCY"),
    Derived("TTS_LOOKAHEAD", lambda v: 3, "following segments recorded in the background when one is requested: 3"),
    # The rate at which bench/intelligibility.py measured espeak-ng most intelligible.
    Derived("ESPEAK_RATE", lambda v: 130, "espeak-ng's words per minute: 130"),
    Derived("AUDIO_FALLBACK_MAX_AGE", lambda v: 300, "cache lifetime (s) of a fallback engine's recording: 300"),
    # Recordings made ahead of listeners must still be in the cache when they come: the queue holds at most
    # half the cache, at about 25 KB a recording (a phrase of 100 characters is 4-5 s at 32 kbit/s).
    Derived("PUBLISH_QUEUE_MAX", lambda v: v["AUDIO_CACHE_MB"] * 20,
            "segments of published articles waiting to be recorded, newest kept: 20 per MB of AUDIO_CACHE_MB"),
    Derived("AUDIO_STATS_FLUSH", lambda v: 10.0,
            "seconds between merges of a process's cache counters into the audio folder: 10"),
    # A maximal playlist is read-aloud text of a long article: a block is at least a sentence of a
    # dozen characters, a segment about twenty.
    Derived("PLAYLIST_MAX_BLOCKS", lambda v: v["PLAYLIST_MAX_CHARS"] // 15,
            "blocks of one playlist request: PLAYLIST_MAX_CHARS / 15"),
    Derived("PLAYLIST_MAX_SEGMENTS", lambda v: v["PLAYLIST_MAX_CHARS"] // 20,
            "segments of one playlist: PLAYLIST_MAX_CHARS / 20"),
    Derived("RATELIMIT_NEW_SEGMENTS", lambda v: "10000 per hour",
            "new sentences of host pages' text registered per client address: 10000 per hour"),
    Derived("REGISTRY_UNPLAYED_DAYS", lambda v: 7.0, "days after which a sentence nobody played is forgotten: 7"),
    Derived("ARTICLES_PER_PAGE", lambda v: 20, "default `per_page` of `GET /api/v1/articles`: 20"),
    # Far above the largest playlist request (PLAYLIST_MAX_CHARS as JSON) and any article.
    Derived("MAX_CONTENT_LENGTH", lambda v: 1024 * 1024, "largest request body in bytes (413 beyond): 1 MiB"),
    Derived("SQLALCHEMY_DATABASE_URI", lambda v: v["DATABASE_URL"], "Flask-SQLAlchemy's name for DATABASE_URL"),
    Derived("SQLALCHEMY_ENGINE_OPTIONS", lambda v: {"pool_pre_ping": True},
            "connections are checked before use, so a restarted database costs no request"),
)

RENAMED: dict[str, str] = {
    "SPEECH_MAX_CHARS": "PLAYLIST_MAX_CHARS",
    "SPEECH_MAX_BLOCKS": "PLAYLIST_MAX_BLOCKS",
    "SPEECH_MAX_SEGMENTS": "PLAYLIST_MAX_SEGMENTS",
    "SPEECH_MAX_UNPLAYED": "REGISTRY_MAX_UNPLAYED",
    "SPEECH_UNPLAYED_DAYS": "REGISTRY_UNPLAYED_DAYS",
}

SETTING_NAMES = frozenset(s.name for s in SETTINGS)
DERIVED_NAMES = frozenset(d.name for d in DERIVED)


def _environment(environ: Mapping[str, str]) -> dict[str, str]:
    """The ``TRODOC_*`` variables by their current names (renamed ones under the new name)."""
    found: dict[str, str] = {}
    for key, value in environ.items():
        if key.startswith(PREFIX):
            name = key[len(PREFIX):]
            found[RENAMED.get(name, name)] = value
    return found


def _unquoted(raw: str) -> str:
    # Values used to be parsed as JSON (Flask's from_prefixed_env): a quoted string still means its text.
    if len(raw) >= 2 and raw[0] == raw[-1] == '"':
        try:
            return str(json.loads(raw))
        except ValueError:
            pass
    return raw


def _parse(name: str, parse: Callable[[str], Any], raw: Any) -> Any:
    if not isinstance(raw, str):
        raw = json.dumps(raw) if isinstance(raw, bool) else str(raw)
    try:
        return parse(_unquoted(raw))
    except ValueError:
        raise SettingError(f"{PREFIX}{name}={raw!r}: expected {EXPECTS[parse]}") from None


def _parser_like(value: Any) -> Callable[[str], Any]:
    # A derived value given by hand is parsed as its rule's value would be.
    if isinstance(value, bool):
        return _flag
    if isinstance(value, int):
        return _whole
    if isinstance(value, float):
        return _seconds
    return _text


def resolve(environ: Mapping[str, str], overrides: Mapping[str, Any], instance_path: str) -> dict[str, Any]:
    """Every setting and derived value: ``overrides`` (``create_app(config)``) over the environment over the
    defaults. Raises :class:`SettingError` on a value its type does not take."""
    given = {**_environment(environ), **{RENAMED.get(k, k): v for k, v in overrides.items()}}
    values: dict[str, Any] = {"INSTANCE_PATH": instance_path}
    for setting in SETTINGS:
        if setting.name in given:
            values[setting.name] = _parse(setting.name, setting.parse, given[setting.name])
        else:
            values[setting.name] = setting.default(values) if callable(setting.default) else setting.default
    for derived in DERIVED:
        value = derived.rule(values)
        if derived.name in given:
            if derived.name not in overrides:
                log.warning("%s%s is set by hand; it follows from other settings and may go in a later release",
                            PREFIX, derived.name)
            raw = given[derived.name]
            value = raw if derived.name in overrides else _parse(derived.name, _parser_like(value), raw)
        values[derived.name] = value
    del values["INSTANCE_PATH"]
    # Flask's own keys (SECRET_KEY, TESTING, …) pass through from the caller.
    values.update({k: v for k, v in overrides.items() if k not in values and RENAMED.get(k, k) not in values})
    return values


def load_config(app: Flask, overrides: Mapping[str, Any] | None) -> None:
    """Fill ``app.config`` from the environment and ``overrides``, once, at start."""
    app.config.update(resolve(os.environ, overrides or {}, app.instance_path))
