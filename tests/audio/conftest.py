"""Fixtures for the audio suite: the fake Google endpoint and apps wired to it with test-sized timeouts."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

import pytest

from server.audio import audio_service
from server.audio.registry import Voice, register_playlist

# Small timeouts and backoff keep failure tests fast; the ratios between them match production's.
FAST = {
    "TTS_ENGINES": "gtts",
    "TTS_CONNECT_TIMEOUT": 0.5,
    "TTS_READ_TIMEOUT": 0.5,
    "TTS_RETRY_BASE": 0.02,
    "TTS_RETRY_CAP": 0.1,
    "TTS_BREAKER_THRESHOLD": 5,
    "TTS_BREAKER_COOLDOWN": 30.0,
    "TTS_REQUEST_BUDGET": 2.0,
    "TTS_BACKGROUND_BUDGET": 2.0,
    "TTS_FALLBACK_RESERVE": 1.0,
    "TTS_LOOKAHEAD": 0,
    "LOAD_SAMPLES": False,
}


@dataclass(frozen=True)
class Seg:
    """A hand-built stand-in for ``server.speech.Segment``: what the registry reads."""

    id: str
    spoken: str


def seg(text: str) -> Seg:
    """A segment whose id is a content hash, like the real pipeline's."""
    return Seg(hashlib.md5(f"test|gtts|vi|normal|{text}".encode()).hexdigest(), text)


@pytest.fixture
def audio_app(make_app, fake_google):
    """Make an app whose gTTS engine talks to ``fake_google``; keyword arguments override config."""
    made = []

    def make(**config):
        app = make_app(**{**FAST, "GTTS_URL": fake_google.url, **config})
        made.append(app)
        return app

    yield make
    for app in made:
        audio_service(app).close()


@pytest.fixture
def registered():
    """Register texts as one playlist in ``app``; returns their segments in order."""

    def register(app, *texts: str, engine: str = "gtts") -> list[Seg]:
        segments = [seg(text) for text in texts]
        with app.app_context():
            register_playlist(segments, Voice("vi", engine))
        return segments

    return register
