"""Rate limits: playlist creation per address and per origin, synthesis of uncached audio, proxies, Redis."""
from __future__ import annotations

import json
import uuid

import pytest

from tests.conftest import REDIS_URL
from tests.fake_google import FakeGoogle
from tests.ops.conftest import get, post_json

PORTAL = "https://cong-thong-tin.gov.vn"


def body(n: int = 0) -> dict:
    return {"lang": "vi", "blocks": [f"Câu số {n} của bài {uuid.uuid4().hex[:6]}."]}


def assert_429(response) -> None:
    assert response.status_code == 429 and response.mimetype == "application/problem+json"
    assert response.get_json()["status"] == 429
    assert 1 <= int(response.headers["Retry-After"]) <= 60


def test_playlist_creation_per_client_address(make_app):
    client = make_app(RATELIMIT_PER_CLIENT="3 per minute", LOAD_SAMPLES=False).test_client()
    for n in range(3):
        assert client.post("/api/v1/speech", json=body(n)).status_code == 200
    assert_429(client.post("/api/v1/speech", json=body(9)))
    other = client.post("/api/v1/speech", json=body(10), environ_base={"REMOTE_ADDR": "10.0.0.7"})
    assert other.status_code == 200  # another address has its own bucket


def test_playlist_creation_per_origin(make_app):
    client = make_app(ALLOWED_ORIGINS=PORTAL, RATELIMIT_PER_ORIGIN="2 per minute", LOAD_SAMPLES=False).test_client()
    for n in range(2):
        response = client.post("/api/v1/speech", json=body(n), headers={"Origin": PORTAL},
                               environ_base={"REMOTE_ADDR": f"10.0.1.{n}"})
        assert response.status_code == 200
    assert_429(client.post("/api/v1/speech", json=body(5), headers={"Origin": PORTAL},
                           environ_base={"REMOTE_ADDR": "10.0.1.99"}))


def test_proxy_fix_uses_x_forwarded_for(make_app):
    client = make_app(RATELIMIT_PER_CLIENT="2 per minute", TRUSTED_PROXIES=1, LOAD_SAMPLES=False).test_client()
    for n in range(2):
        response = client.post("/api/v1/speech", json=body(n), headers={"X-Forwarded-For": "203.0.113.5"})
        assert response.status_code == 200
    assert_429(client.post("/api/v1/speech", json=body(3), headers={"X-Forwarded-For": "203.0.113.5"}))
    # Same proxy (REMOTE_ADDR), another citizen behind it: not limited.
    assert client.post("/api/v1/speech", json=body(4), headers={"X-Forwarded-For": "203.0.113.6"}).status_code == 200


def test_without_trusted_proxies_x_forwarded_for_is_ignored(make_app):
    client = make_app(RATELIMIT_PER_CLIENT="2 per minute", LOAD_SAMPLES=False).test_client()
    for n in range(2):
        response = client.post("/api/v1/speech", json=body(n), headers={"X-Forwarded-For": f"198.51.100.{n}"})
        assert response.status_code == 200
    assert_429(client.post("/api/v1/speech", json=body(3), headers={"X-Forwarded-For": "198.51.100.77"}))


@pytest.fixture
def fake():
    with FakeGoogle() as running:
        yield running


def test_synthesis_limited_but_cached_audio_never(make_app, fake):
    app = make_app(RATELIMIT_SYNTHESIS="2 per minute", TTS_ENGINES="gtts", GTTS_URL=fake.url, TTS_LOOKAHEAD=0,
                   TTS_READ_TIMEOUT=2.0)
    client = app.test_client()
    segments = client.post("/api/v1/speech", json={"lang": "vi", "blocks": [
        "Câu thứ nhất. Câu thứ hai. Câu thứ ba."]}).get_json()["segments"]
    assert len(segments) == 3
    assert client.get(segments[0]["audio"]).status_code == 200
    assert client.get(segments[1]["audio"]).status_code == 200
    refused = client.get(segments[2]["audio"])
    assert_429(refused)
    assert refused.headers["Access-Control-Allow-Origin"] == "*"
    assert fake.calls == 2
    for _ in range(20):  # cached audio: as often as anyone likes
        assert client.get(segments[0]["audio"]).status_code == 200
        assert client.get(segments[1]["audio"], headers={"Range": "bytes=0-1"}).status_code == 206
    # Another listener is not affected by this one's limit.
    assert client.get(segments[2]["audio"], environ_base={"REMOTE_ADDR": "10.0.2.2"}).status_code == 200
    assert fake.calls == 3


def test_whole_article_audio_limited_only_when_uncached(make_app, fake):
    app = make_app(RATELIMIT_SYNTHESIS="1 per minute", TTS_ENGINES="gtts", GTTS_URL=fake.url, TTS_LOOKAHEAD=0,
                   TTS_READ_TIMEOUT=2.0)
    client = app.test_client()
    slug = client.get("/api/v1/articles").get_json()["items"][-1]["slug"]
    first = client.get(f"/api/v1/articles/{slug}/audio.mp3")
    assert first.status_code == 200 and len(first.data) > 1000
    calls = fake.calls
    for _ in range(3):  # every segment is recorded now: not limited, no upstream call
        assert client.get(f"/api/v1/articles/{slug}/audio.mp3").status_code == 200
    assert fake.calls == calls
    other = client.get("/api/v1/articles").get_json()["items"][0]["slug"]
    assert other != slug
    assert_429(client.get(f"/api/v1/articles/{other}/audio.mp3"))


@pytest.mark.skipif(not REDIS_URL, reason="TRODOC_TEST_REDIS_URL is not set (Redis-backed limits not run)")
def test_redis_limit_shared_by_two_app_processes(service, tmp_path):
    prefix = f"trodoc-test-{uuid.uuid4().hex[:8]}"
    env = {"TRODOC_RATELIMIT_STORAGE_URL": REDIS_URL, "TRODOC_RATELIMIT_PER_CLIENT": "4 per minute"}
    # Flask-Limiter's own key, for the app factory: this test's counters apart from any other run's.
    tuning = {"RATELIMIT_KEY_PREFIX": prefix}
    one = service(data_dir=tmp_path / "one", workers=1, env=env, tuning=tuning)
    two = service(data_dir=tmp_path / "two", workers=1, env=env, tuning=tuning)
    statuses = [post_json(server.port, "/api/v1/speech", body(n))[0] for n, server in enumerate([one, two] * 2)]
    assert statuses == [200] * 4
    for server in (one, two):
        status, headers, raw = post_json(server.port, "/api/v1/speech", body(9))
        assert status == 429 and headers["content-type"].startswith("application/problem+json")
        assert int(headers["retry-after"]) >= 1 and json.loads(raw)["status"] == 429
    assert get(one.port, "/healthz")[0] == 200


def test_rate_limit_storage_down_fails_open_not_500(make_app, fake):
    """Redis (the limits' storage) unreachable: requests are served, limited per process meanwhile."""
    app = make_app(RATELIMIT_STORAGE_URL="redis://127.0.0.1:1/0", RATELIMIT_PER_CLIENT="3 per minute",
                   TTS_ENGINES="gtts", GTTS_URL=fake.url, TTS_LOOKAHEAD=0, LOAD_SAMPLES=False)
    client = app.test_client()
    response = client.post("/api/v1/speech", json=body())
    assert response.status_code == 200
    assert client.get(response.get_json()["segments"][0]["audio"]).status_code == 200
    statuses = [client.post("/api/v1/speech", json=body(n)).status_code for n in range(3)]
    assert statuses[-1] == 429 and 500 not in statuses  # the in-memory fallback still limits
