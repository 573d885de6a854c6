"""A slow upstream cannot take every request thread: distinct new recordings waited for are bounded."""
from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.fake_google import FakeGoogle


@pytest.fixture
def fake():
    with FakeGoogle(delay=1.0) as running:
        yield running


def timed(client, path):
    start = time.monotonic()
    response = client.get(path)
    return response.status_code, response.headers.get("Retry-After"), time.monotonic() - start


def test_waiting_for_new_recordings_is_bounded(make_app, fake):
    app = make_app(TTS_ENGINES="gtts", GTTS_URL=fake.url, TTS_MAX_WAITING=2, TTS_CONCURRENCY=4,
                   TTS_READ_TIMEOUT=3.0, TTS_REQUEST_BUDGET=4.0, TTS_LOOKAHEAD=0, LOAD_SAMPLES=False,
                   RATELIMIT_ENABLED=False)
    client = app.test_client()
    segments = client.post("/api/v1/speech", json={"lang": "vi", "blocks": [
        "Một. Hai. Ba. Bốn. Năm."]}).get_json()["segments"]
    assert len(segments) == 5
    with ThreadPoolExecutor(5) as pool:
        results = list(pool.map(lambda s: timed(app.test_client(), s["audio"]), segments))
    ok = [r for r in results if r[0] == 200]
    refused = [r for r in results if r[0] == 503]
    assert len(ok) == 2 and len(refused) == 3, results
    assert all(r[1] == "1" and r[2] < 0.5 for r in refused), refused  # answered at once, not after the budget


def test_listeners_of_one_recording_all_wait_for_it(make_app, fake):
    app = make_app(TTS_ENGINES="gtts", GTTS_URL=fake.url, TTS_MAX_WAITING=1, TTS_READ_TIMEOUT=3.0,
                   TTS_REQUEST_BUDGET=4.0, TTS_LOOKAHEAD=0, LOAD_SAMPLES=False, RATELIMIT_ENABLED=False)
    client = app.test_client()
    segment = client.post("/api/v1/speech", json={"lang": "vi", "blocks": ["Một câu được chia sẻ."]}
                          ).get_json()["segments"][0]
    with ThreadPoolExecutor(20) as pool:
        first = pool.submit(timed, app.test_client(), segment["audio"])
        time.sleep(0.2)  # the first listener leads the recording; the others join it
        rest = list(pool.map(lambda _: timed(app.test_client(), segment["audio"]), range(19)))
    assert first.result()[0] == 200 and [r[0] for r in rest] == [200] * 19
    assert fake.calls == 1
