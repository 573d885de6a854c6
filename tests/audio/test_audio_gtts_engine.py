"""The gtts engine against the fake: real gTTS request preparation, our session, retries, breaker."""
from __future__ import annotations

import io
import time

import gtts.tts
import pytest

from server.audio.breaker import CircuitBreaker
from server.audio.engines import Deadline, EngineError, EngineUnavailable
from server.audio.engines.gtts import GttsEngine
from server.audio.mp3 import audio_frames, duration_seconds
from server.audio.retry import RetryPolicy

TEXT = "Huyện Đăk Song kiểm tra công tác cải cách hành chính năm 2023."


def engine(fake, *, tries=3, threshold=5, cooldown=30.0, concurrency=4, read_timeout=0.5, sleeps=None):
    return GttsEngine(url=fake.url, concurrency=concurrency, connect_timeout=0.5, read_timeout=read_timeout,
                      retry=RetryPolicy(tries=tries, base=0.02, cap=0.1), breaker=CircuitBreaker(threshold, cooldown),
                      sleep=(sleeps.append if sleeps is not None else time.sleep))


def test_stock_gtts_understands_the_fake(fake_google, monkeypatch):
    # The fake is only worth testing against if gTTS's own code accepts its answers.
    monkeypatch.setattr(gtts.tts, "_translate_url", lambda tld="com", path="": fake_google.url)
    out = io.BytesIO()
    gtts.tts.gTTS(TEXT, lang="vi", lang_check=False).write_to_fp(out)
    assert audio_frames(out.getvalue()) == audio_frames(fake_google.audio_for(TEXT))


def test_round_trip_sends_gtts_request_through_our_session(fake_google):
    tts = engine(fake_google)
    audio = tts.synthesize(TEXT, "vi", "normal", Deadline(5))
    assert fake_google.requests == [(TEXT, "vi", None)]
    assert duration_seconds(audio) == pytest.approx(fake_google.duration_for(TEXT))
    assert tts.session.verify is True  # gTTS itself sends with verify=False
    tts.synthesize(TEXT, "vi", "slow", Deadline(5))
    assert fake_google.requests[-1] == (TEXT, "vi", True)


def test_connections_are_reused(fake_google):
    tts = engine(fake_google)
    for n in range(3):
        tts.synthesize(f"câu số {n}", "vi", "normal", Deadline(5))
    assert fake_google.calls == 3 and fake_google.connections == 1  # gTTS opens one per request


@pytest.mark.parametrize("fault", ["429", "500", "slow"])
def test_transient_faults_are_retried_with_growing_backoff(fake_google, fault):
    fake_google.slow_seconds = 1.0
    fake_google.fail(fault, times=2)
    sleeps = []
    audio = engine(fake_google, sleeps=sleeps, read_timeout=0.2).synthesize(TEXT, "vi", "normal", Deadline(5))
    assert audio and fake_google.calls == 3
    assert len(sleeps) == 2 and 0.01 <= sleeps[0] <= 0.02 and 0.02 <= sleeps[1] <= 0.04


def test_retries_stop_after_three_tries(fake_google):
    fake_google.fail("429")
    with pytest.raises(EngineUnavailable) as caught:
        engine(fake_google).synthesize(TEXT, "vi", "normal", Deadline(5))
    assert fake_google.calls == 3 and caught.value.retry_after >= 1


def test_retry_after_header_is_honoured_within_the_deadline(fake_google):
    fake_google.retry_after = 30
    fake_google.fail("429")
    started = time.monotonic()
    with pytest.raises(EngineUnavailable) as caught:
        engine(fake_google).synthesize(TEXT, "vi", "normal", Deadline(2))
    # Waiting 30 s would blow the deadline: give up at once and pass the hint on.
    assert fake_google.calls == 1 and caught.value.retry_after == 30
    assert time.monotonic() - started < 1


@pytest.mark.parametrize("fault", ["empty", "garbage"])
def test_answers_without_valid_audio_fail_without_retry(fake_google, fault):
    fake_google.fail(fault)
    with pytest.raises(EngineError) as caught:
        engine(fake_google).synthesize(TEXT, "vi", "normal", Deadline(5))
    assert not isinstance(caught.value, EngineUnavailable)
    assert fake_google.calls == 1


def test_breaker_opens_fails_fast_then_recovers(fake_google):
    fake_google.fail("500")
    tts = engine(fake_google, tries=1, threshold=3, cooldown=0.3)
    for _ in range(3):
        with pytest.raises(EngineUnavailable):
            tts.synthesize(TEXT, "vi", "normal", Deadline(5))
    assert not tts.healthy() and not tts.working()
    started = time.monotonic()
    with pytest.raises(EngineUnavailable) as caught:
        tts.synthesize(TEXT, "vi", "normal", Deadline(5))
    assert fake_google.calls == 3 and time.monotonic() - started < 0.05
    assert 0 < caught.value.retry_after <= 0.3
    fake_google.heal()
    time.sleep(0.35)
    # Cooled down: a trial call may go, but nothing has shown the upstream well again.
    assert tts.healthy() and not tts.working()
    assert tts.synthesize(TEXT, "vi", "normal", Deadline(5))
    assert tts.healthy() and tts.working() and fake_google.calls == 4


def test_in_flight_requests_are_capped(fake_google):
    from concurrent.futures import ThreadPoolExecutor

    fake_google.delay = 0.1
    tts = engine(fake_google, concurrency=2)
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(lambda n: tts.synthesize(f"câu {n}", "vi", "normal", Deadline(5)), range(8)))
    assert fake_google.calls == 8 and fake_google.max_in_flight == 2
