"""``GET /audio/<id>.mp3``: synthesis on a miss, HTTP caching, Range, errors, fallback and look-ahead."""
from __future__ import annotations

import time

import pytest

from server.audio import audio_service
from server.audio.mp3 import audio_frames
from server.audio.registry import SpeechSegment
from server.config import resolve
from server.db import db

TEXTS = ["Huyện Đăk Song kiểm tra cải cách hành chính.", "Đoàn làm việc tại UBND xã.",
         "Kết quả được đánh giá cao.", "Người dân hài lòng.", "Cuối cùng là lời cảm ơn."]


def wait_until(condition, timeout=3.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.02)
    return False


def test_miss_synthesizes_then_hit_serves_from_cache(audio_app, registered, fake_google):
    app = audio_app()
    first, *_ = registered(app, *TEXTS[:2])
    client = app.test_client()
    response = client.get(f"/audio/{first.id}.mp3")
    assert response.status_code == 200 and response.mimetype == "audio/mpeg"
    assert audio_frames(response.data) == audio_frames(fake_google.audio_for(first.spoken))
    assert response.headers["Content-Length"] == str(len(response.data))
    assert response.headers["Accept-Ranges"] == "bytes"
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    cache_control = response.headers["Cache-Control"]
    assert "public" in cache_control and "max-age=31536000" in cache_control and "immutable" in cache_control
    assert response.headers["ETag"] == f'"{first.id}"'
    again = client.get(f"/audio/{first.id}.mp3")
    assert again.data == response.data and fake_google.calls == 1
    counters = audio_service(app).cache.counters.local()
    assert counters["hits"] == 1 and counters["misses"] == 1


def test_range_and_conditional_requests(audio_app, registered):
    app = audio_app()
    first, = registered(app, TEXTS[0])
    client = app.test_client()
    url = f"/audio/{first.id}.mp3"
    # Safari's probe: the very first request is a two-byte range.
    probe = client.get(url, headers={"Range": "bytes=0-1"})
    full = client.get(url)
    assert probe.status_code == 206 and probe.data == full.data[:2]
    assert probe.headers["Content-Range"] == f"bytes 0-1/{len(full.data)}"
    assert probe.headers["Content-Length"] == "2"
    tail = client.get(url, headers={"Range": "bytes=100-"})
    assert tail.status_code == 206 and tail.data == full.data[100:]
    assert client.get(url, headers={"Range": f"bytes={len(full.data) + 5}-"}).status_code == 416
    not_modified = client.get(url, headers={"If-None-Match": full.headers["ETag"]})
    assert not_modified.status_code == 304 and not not_modified.data
    assert client.head(url).headers["Content-Length"] == str(len(full.data))


@pytest.mark.parametrize("segment_id", ["0" * 32, "not-an-id", "A" * 32, "0" * 31])
def test_unknown_or_malformed_id_is_a_404_problem(audio_app, segment_id, fake_google):
    response = audio_app().test_client().get(f"/audio/{segment_id}.mp3")
    assert response.status_code == 404 and response.mimetype == "application/problem+json"
    assert response.json["status"] == 404 and fake_google.calls == 0


@pytest.mark.parametrize("fault", ["500", "slow", "429"])
def test_upstream_down_and_nothing_cached_is_a_quick_503(audio_app, registered, fake_google, fault):
    fake_google.fail(fault)
    fake_google.slow_seconds = 10
    defaults = resolve({}, {}, instance_path="")
    production = {key: value for key, value in defaults.items() if key.startswith("TTS_") and key != "TTS_ENGINES"}
    app = audio_app(**production)
    first, = registered(app, TEXTS[0])
    started = time.monotonic()
    response = app.test_client().get(f"/audio/{first.id}.mp3")
    assert time.monotonic() - started < 5
    assert response.status_code == 503 and response.mimetype == "application/problem+json"
    assert int(response.headers["Retry-After"]) >= 1
    assert "no-store" in response.headers["Cache-Control"]
    assert not audio_service(app).cache.find(first.id)  # nothing half-made was kept


def test_cached_audio_is_still_served_while_upstream_is_down(audio_app, registered, fake_google):
    app = audio_app(TTS_BREAKER_THRESHOLD=1)
    cached, missing = registered(app, *TEXTS[:2])
    client = app.test_client()
    assert client.get(f"/audio/{cached.id}.mp3").status_code == 200
    fake_google.fail("500")
    assert client.get(f"/audio/{missing.id}.mp3").status_code == 503
    assert client.get(f"/audio/{cached.id}.mp3").status_code == 200
    assert client.get(f"/audio/{cached.id}.mp3", headers={"Range": "bytes=0-1"}).status_code == 206


def test_fallback_recording_is_short_lived_and_replaced_when_google_is_back(audio_app, registered, fake_google):
    fake_google.fail("500")
    app = audio_app(TTS_ENGINES="gtts,espeak", TTS_BREAKER_COOLDOWN=0.2, TTS_BREAKER_THRESHOLD=1)
    first, = registered(app, TEXTS[0])
    client = app.test_client()
    fallback = client.get(f"/audio/{first.id}.mp3")
    assert fallback.status_code == 200
    assert "immutable" not in fallback.headers["Cache-Control"]
    assert "max-age=300" in fallback.headers["Cache-Control"]
    assert fallback.headers["ETag"] == f'"{first.id}-fallback"'
    assert audio_frames(fallback.data)  # espeak's real MP3
    fake_google.heal()
    time.sleep(0.25)  # the breaker's cool-down
    client.get(f"/audio/{first.id}.mp3")  # still the fallback; the primary is recorded in the background
    cache = audio_service(app).cache
    assert wait_until(lambda: cache.find(first.id).primary)
    primary = client.get(f"/audio/{first.id}.mp3")
    assert "immutable" in primary.headers["Cache-Control"]
    assert audio_frames(primary.data) == audio_frames(fake_google.audio_for(first.spoken))
    # The primary recording is visible (renamed into place) a moment before the fallback one is deleted.
    assert wait_until(lambda: cache.usage().fallback_files == 0)


def test_look_ahead_records_the_next_three_segments(audio_app, registered, fake_google):
    app = audio_app(TTS_LOOKAHEAD=3)
    segments = registered(app, *TEXTS)
    app.test_client().get(f"/audio/{segments[0].id}.mp3")
    cache = audio_service(app).cache
    assert wait_until(lambda: all(cache.find(s.id) for s in segments[1:4]))
    time.sleep(0.1)
    assert cache.find(segments[4].id) is None
    assert sorted(text for text, _, _ in fake_google.requests) == sorted(TEXTS[:4])


def test_an_upstream_answer_without_audio_is_never_cached(audio_app, registered, fake_google):
    app = audio_app()
    first, = registered(app, TEXTS[0])
    client = app.test_client()
    fake_google.fail("empty", times=1)
    failed = client.get(f"/audio/{first.id}.mp3")
    assert failed.status_code == 503 and int(failed.headers["Retry-After"]) >= 1
    assert audio_service(app).cache.usage().files == 0
    assert client.get(f"/audio/{first.id}.mp3").status_code == 200


def test_a_served_recording_is_marked_played_without_look_ahead(audio_app, registered):
    """Unplayed segments are pruned: a segment a listener got must count as played, look-ahead off too."""
    app = audio_app(TTS_LOOKAHEAD=0)
    first, = registered(app, "Câu đã có người nghe.")

    def played():
        with app.app_context():
            return db.session.get(SpeechSegment, first.id).last_played_at

    assert played() is None
    assert app.test_client().get(f"/audio/{first.id}.mp3").status_code == 200
    assert wait_until(lambda: played() is not None)
