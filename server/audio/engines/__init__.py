"""Speech engines and the chain ``TTS_ENGINES`` builds from them (tried in order)."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..breaker import CircuitBreaker
from ..retry import RetryPolicy
from .base import Deadline, Engine, EngineError, EngineUnavailable
from .espeak import EspeakEngine
from .gtts import GttsEngine
from .openai import OpenAiEngine

__all__ = ["Deadline", "Engine", "EngineError", "EngineUnavailable", "build_engines", "parse_engine_names"]


def _http(config: Mapping[str, Any]) -> dict[str, Any]:
    # What every HTTP engine takes from the settings: each gets its own pool, retries and breaker.
    return {
        "concurrency": config["TTS_CONCURRENCY"],
        "connect_timeout": config["TTS_CONNECT_TIMEOUT"],
        "read_timeout": config["TTS_READ_TIMEOUT"],
        "retry": RetryPolicy(tries=config["TTS_RETRY_TRIES"], base=config["TTS_RETRY_BASE"],
                             cap=config["TTS_RETRY_CAP"]),
        "breaker": CircuitBreaker(config["TTS_BREAKER_THRESHOLD"], config["TTS_BREAKER_COOLDOWN"]),
    }


def _gtts(config: Mapping[str, Any]) -> Engine:
    return GttsEngine(url=config.get("GTTS_URL") or None, **_http(config))


def _openai(config: Mapping[str, Any]) -> Engine:
    url = config["OPENAI_TTS_URL"]
    if not url.startswith(("http://", "https://")):
        raise ValueError("TTS_ENGINES names openai: set TRODOC_OPENAI_TTS_URL to the server's base URL "
                         "(without /v1), e.g. http://127.0.0.1:8880")
    return OpenAiEngine(url=url, model=config["OPENAI_TTS_MODEL"], voice=config["OPENAI_TTS_VOICE"],
                        key=config["OPENAI_TTS_KEY"], **_http(config))


def _espeak(config: Mapping[str, Any]) -> Engine:
    return EspeakEngine(accent=config["ESPEAK_ACCENT"], words_per_minute=config["ESPEAK_RATE"],
                        timeout=config["TTS_READ_TIMEOUT"] * 2)


FACTORIES = {"gtts": _gtts, "openai": _openai, "espeak": _espeak}


def parse_engine_names(value: str | list[str]) -> list[str]:
    """``"gtts, espeak"`` → ``["gtts", "espeak"]``; raises ValueError on an unknown name."""
    names = value if isinstance(value, list) else [name.strip() for name in str(value).split(",")]
    names = [name for name in names if name]
    unknown = [name for name in names if name not in FACTORIES]
    if unknown or not names:
        raise ValueError(f"TTS_ENGINES: unknown engine(s) {unknown}; choose from {sorted(FACTORIES)}")
    return names


def build_engines(config: Mapping[str, Any]) -> dict[str, Engine]:
    """The configured engines by name, in the order they are tried."""
    return {name: FACTORIES[name](config) for name in parse_engine_names(config["TTS_ENGINES"])}
