"""A part of the deployment fails and listening goes on: a failing engine, a full audio disk, Redis down.
Each is reported by ``/healthz`` as ``degraded`` (200), and each recovers by itself."""
from __future__ import annotations

import os
import signal
import time
import uuid

import pytest
from prometheus_client.parser import text_string_to_metric_families

from server.audio import audio_service
from server.audio.mp3 import audio_frames
from server.audio.singleflight import FallbackLocker, FileLocker, RedisLocker
from tests.full_disk import fill, read_only, small_disk
from tests.private_redis import PrivateRedis, free_port


def health(app) -> dict:
    response = app.test_client().get("/healthz")
    assert response.status_code == 200
    return response.get_json()


def metric(app, auth, name: str, **labels: str) -> float:
    """One sample of ``/metrics`` (0 when absent)."""
    text = app.test_client().get("/metrics", headers=auth).get_data(as_text=True)
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            if sample.name == name and sample.labels == labels:
                return sample.value
    return 0.0


def test_an_open_breaker_is_a_degraded_engine(audio_app, registered, fake_google, auth):
    app = audio_app(TTS_ENGINES="gtts,espeak", TTS_BREAKER_THRESHOLD=1)
    first, = registered(app, "Giọng đọc dự phòng khi Google lỗi.")
    failures = metric(app, auth, "trodoc_upstream_failures_total", engine="gtts", kind="http_5xx")
    fallbacks = metric(app, auth, "trodoc_recordings_total", engine="espeak", primary="false")
    fake_google.fail("500")
    assert app.test_client().get(f"/audio/{first.id}.mp3").status_code == 200  # espeak reads instead
    body = health(app)
    assert body["status"] == "degraded"
    assert body["parts"]["engines"] == {"gtts": {"status": "down"}, "espeak": {"status": "ok"}}
    assert metric(app, auth, "trodoc_upstream_failures_total", engine="gtts", kind="http_5xx") == failures + 1
    assert metric(app, auth, "trodoc_recordings_total", engine="espeak", primary="false") == fallbacks + 1
    assert metric(app, auth, "trodoc_part_up", part="engine:gtts") == 0


@pytest.fixture
def disk(tmp_path):
    with small_disk(tmp_path / "disk") as mount:
        yield mount


def test_a_full_disk_serves_recordings_uncached_and_recovers(audio_app, registered, disk):
    app = audio_app(AUDIO_DIR=str(disk / "audio"), AUDIO_STATS_FLUSH=0)
    first, second = registered(app, "Ổ đĩa đầy vẫn đọc được.", "Ổ đĩa trống lại thì lưu như cũ.")
    client = app.test_client()
    assert client.get("/healthz").get_json()["parts"]["audio_disk"]["status"] == "degraded"  # 1 MiB < 64 MiB
    filler = fill(disk)

    response = client.get(f"/audio/{first.id}.mp3")
    assert response.status_code == 200 and response.mimetype == "audio/mpeg" and audio_frames(response.data)
    assert "immutable" not in response.headers["Cache-Control"]
    assert client.get(f"/audio/{first.id}.mp3", headers={"Range": "bytes=0-99"}).status_code == 206
    # Nothing half-written is left behind, and health says why.
    assert [name for _, _, names in os.walk(disk / "audio") for name in names if name.endswith(".mp3")
            or name.startswith(".tmp-")] == []
    disk = client.get("/healthz").get_json()["parts"]["audio_disk"]
    assert disk["writable"] is False and "No space left" in disk["error"]
    assert audio_service(app).cache.counters.local()["store_failures"] >= 1

    os.unlink(filler)
    assert client.get(f"/audio/{second.id}.mp3").status_code == 200
    assert audio_service(app).cache.find(second.id) is not None
    disk = client.get("/healthz").get_json()["parts"]["audio_disk"]
    assert disk["writable"] is True and "error" not in disk


def test_a_read_only_disk_serves_recordings_uncached_and_recovers(audio_app, registered, disk):
    app = audio_app(AUDIO_DIR=str(disk / "audio"), AUDIO_STATS_FLUSH=0)
    stored, first, second = registered(app, "Bản ghi đã lưu.", "Ổ đĩa chỉ đọc vẫn đọc được.", "Ghi lại được.")
    client = app.test_client()
    assert client.get(f"/audio/{stored.id}.mp3").status_code == 200
    with read_only(disk):
        response = client.get(f"/audio/{first.id}.mp3")
        assert response.status_code == 200 and audio_frames(response.data)
        assert "immutable" not in response.headers["Cache-Control"]
        assert client.get(f"/audio/{stored.id}.mp3").status_code == 200  # what is stored is still served
        state = client.get("/healthz").get_json()["parts"]["audio_disk"]
        assert state["writable"] is False and "Read-only" in state["error"]
    assert client.get(f"/audio/{second.id}.mp3").status_code == 200
    assert audio_service(app).cache.find(second.id) is not None and audio_service(app).cache.find(first.id) is None
    assert client.get("/healthz").get_json()["parts"]["audio_disk"]["writable"] is True


def test_redis_down_falls_back_to_lock_files(audio_app, registered, fake_google, auth):
    dead = f"redis://127.0.0.1:{free_port()}/0"
    app = audio_app(REDIS_URL=dead)
    first, = registered(app, "Redis ngừng thì khóa bằng tệp.")
    assert app.test_client().get(f"/audio/{first.id}.mp3").status_code == 200
    assert fake_google.calls == 1
    assert audio_service(app).cache.counters.local()["lock_fallbacks"] == 1
    assert metric(app, auth, "trodoc_part_up", part="redis") == 0
    body = health(app)
    assert body["status"] == "degraded"
    assert body["parts"]["redis"]["status"] == "down" and body["parts"]["redis"]["locks_from_files"] is True


def test_the_locks_go_back_to_redis_when_it_answers_again(tmp_path):
    now = [0.0]
    redis = PrivateRedis()
    fallbacks = []
    locker = FallbackLocker(RedisLocker.from_url(redis.url, prefix=f"trodoc-test:{uuid.uuid4().hex}:"),
                            FileLocker(lambda key: str(tmp_path / f"{key}.lock")), retry=5.0,
                            on_fallback=lambda: fallbacks.append(1), clock=lambda: now[0])
    started = time.monotonic()
    with locker.hold("a", timeout=1):
        pass
    assert time.monotonic() - started < 0.5 and fallbacks == [1] and locker.redis_down()
    redis.start()
    try:
        with locker.hold("b", timeout=1):  # within the retry interval: still the files, Redis not asked
            pass
        assert fallbacks == [1, 1]
        now[0] += 5.0
        with locker.hold("c", timeout=1):
            assert locker.primary.client.exists(locker.primary.prefix + "c") == 1
        assert fallbacks == [1, 1] and not locker.redis_down()
        assert locker.health() == {"status": "ok", "locks_from_files": False}
    finally:
        redis.stop()


def test_a_hung_redis_costs_one_listener_its_short_timeout(tmp_path):
    """A Redis that accepts connections but never answers (stopped with SIGSTOP): the first lock waits for
    the 100 ms timeout, then the files serve without asking Redis again."""
    redis = PrivateRedis().start()
    locker = FallbackLocker(RedisLocker.from_url(redis.url, prefix=f"trodoc-test:{uuid.uuid4().hex}:"),
                            FileLocker(lambda key: str(tmp_path / f"{key}.lock")))
    with locker.hold("warm", timeout=1):  # the connection is made while Redis answers
        pass
    redis.process.send_signal(signal.SIGSTOP)
    try:
        costs = []
        for key in ("a", "b"):
            started = time.monotonic()
            with locker.hold(key, timeout=2):
                pass
            costs.append(time.monotonic() - started)
    finally:
        redis.process.send_signal(signal.SIGCONT)
        redis.stop()
    print(f"\nhung Redis: first lock {costs[0] * 1000:.0f} ms, the next {costs[1] * 1000:.1f} ms")
    assert locker.redis_down()
    # Without the timeouts the first lock would wait for the whole lock timeout (2 s) and fail.
    assert costs[0] < 1.0
