"""The ``openai`` engine against a real local synthesis server (Piper behind ``/v1/audio/speech``)."""
from __future__ import annotations

import pytest

from server import create_app
from server.audio import audio_service
from server.audio.mp3 import audio_frames
from tests.piper_server import PiperServer

KEY = "khoa-bi-mat"
# A neural voice takes most of a second of CPU per sentence, more on a busy machine: these tests give it the
# time a self-hosted server needs (the audio suite's sub-second timeouts are for the fake Google) and run
# with the serial part, away from the parallel workers.
pytestmark = pytest.mark.serial
NEURAL_TIMING = {"TTS_READ_TIMEOUT": 15.0, "TTS_REQUEST_BUDGET": 20.0, "TTS_BACKGROUND_BUDGET": 20.0}


@pytest.fixture(scope="module")
def piper():
    with PiperServer(key=KEY) as server:
        yield server


@pytest.fixture
def openai_app(audio_app, piper):
    piper.fault = None
    piper.requests.clear()
    return audio_app(TTS_ENGINES="openai,espeak", OPENAI_TTS_URL=piper.url + "/", OPENAI_TTS_MODEL="piper",
                     OPENAI_TTS_VOICE="joe", OPENAI_TTS_KEY=KEY, TTS_BREAKER_THRESHOLD=1, **NEURAL_TIMING)


def first_segment(app, text: str) -> dict:
    response = app.test_client().post("/api/v1/speech", json={"lang": "en", "blocks": [text]})
    assert response.status_code == 200
    return response.get_json()["segments"][0]


def test_a_self_hosted_voice_reads(openai_app, piper):
    segment = first_segment(openai_app, "The district office opens at eight.")
    assert (segment["engine"], segment["rank"]) == ("openai", 2)
    response = openai_app.test_client().get(segment["audio"])
    assert response.status_code == 200 and audio_frames(response.data)
    assert response.headers["X-Trodoc-Engine"] == "openai" and "immutable" in response.headers["Cache-Control"]
    asked, = piper.requests
    assert asked["authorization"] == f"Bearer {KEY}"
    assert asked["body"] == {"model": "piper", "voice": "joe", "input": segment["spoken"],
                             "response_format": "mp3", "speed": 1.0}


@pytest.mark.parametrize("fault", ["wav", "empty", "503"])
def test_a_wrong_answer_is_a_failure_and_the_fallback_reads(openai_app, piper, fault):
    piper.fault = fault
    segment = first_segment(openai_app, f"A wrong answer of kind {fault}.")
    response = openai_app.test_client().get(segment["audio"])
    assert response.status_code == 200 and audio_frames(response.data)
    assert response.headers["X-Trodoc-Engine"] == "espeak"  # never the broken answer, never cached as openai


def test_the_engine_needs_its_url(make_app):
    with pytest.raises(ValueError, match="TRODOC_OPENAI_TTS_URL"):
        make_app(TTS_ENGINES="openai,espeak")


def test_create_app_reads_the_openai_settings_from_the_environment(monkeypatch, tmp_path, piper):
    monkeypatch.setenv("TRODOC_TTS_ENGINES", "openai")
    monkeypatch.setenv("TRODOC_OPENAI_TTS_URL", piper.url)
    monkeypatch.setenv("TRODOC_OPENAI_TTS_VOICE", "joe")
    app = create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{tmp_path / 'db'}", "AUDIO_DIR": str(tmp_path),
                      "LOAD_SAMPLES": False})
    engine = audio_service(app).engines["openai"]
    assert engine.endpoint == piper.url + "/v1/audio/speech" and engine.voice == "joe"
    audio_service(app).close()
