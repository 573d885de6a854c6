"""Which voice reads each segment: in the playlist (``engine``, ``rank``) and on the audio (``X-Trodoc-Engine``,
``X-Trodoc-Voice-Rank``), so that the widget can prefer the device's voice to a robotic one."""
from __future__ import annotations

import time

from server.audio.engines.base import NATURAL, ROBOTIC


def playlist(app, *texts: str) -> list[dict]:
    response = app.test_client().post("/api/v1/speech", json={"lang": "vi", "blocks": list(texts)})
    assert response.status_code == 200
    return response.get_json()["segments"]


def voice_of(app, segment: dict) -> tuple[str, str]:
    response = app.test_client().get(segment["audio"])
    assert response.status_code == 200
    assert "X-Trodoc-Voice-Rank" in response.headers["Access-Control-Expose-Headers"]
    return response.headers["X-Trodoc-Engine"], response.headers["X-Trodoc-Voice-Rank"]


def test_an_intranet_server_with_only_espeak_says_its_voice_is_robotic(audio_app):
    app = audio_app(TTS_ENGINES="espeak")
    first, = playlist(app, "Chỉ có giọng đọc ngoại tuyến.")
    assert (first["engine"], first["rank"]) == ("espeak", ROBOTIC)
    assert voice_of(app, first) == ("espeak", str(ROBOTIC))


def test_google_answering_is_a_natural_voice(audio_app):
    app = audio_app(TTS_ENGINES="gtts,espeak")
    first, = playlist(app, "Giọng Google tự nhiên hơn.")
    assert (first["engine"], first["rank"]) == ("gtts", NATURAL)
    assert voice_of(app, first) == ("gtts", str(NATURAL))


def test_the_voice_follows_google_down_and_back(audio_app, fake_google):
    app = audio_app(TTS_ENGINES="gtts,espeak", TTS_BREAKER_THRESHOLD=1, TTS_BREAKER_COOLDOWN=0.3)
    fake_google.fail("500")
    first, second = playlist(app, "Câu thứ nhất khi Google lỗi.", "Câu thứ hai.")
    assert first["engine"] == "gtts"  # nothing has failed yet
    assert voice_of(app, first) == ("espeak", str(ROBOTIC))  # the breaker opens; espeak reads it
    again = playlist(app, "Câu thứ nhất khi Google lỗi.", "Câu thứ hai.")
    assert [(s["engine"], s["rank"]) for s in again] == [("espeak", ROBOTIC), ("espeak", ROBOTIC)]
    fake_google.heal()
    time.sleep(0.35)  # the breaker's cooldown: a trial call may go through
    assert voice_of(app, second) == ("gtts", str(NATURAL))
    assert playlist(app, "Câu thứ hai.")[0]["engine"] == "gtts"
