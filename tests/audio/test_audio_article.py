"""The whole article as one MP3, and the ``flask speech`` commands."""
from __future__ import annotations

import json
import subprocess

import pytest

from server.articles.samples import load_samples_if_empty
from server.articles.store import get_article
from server.audio import audio_service

SLUG = "dak-song-kiem-tra-cai-cach-hanh-chinh-2023"


def ffprobe(path) -> dict:
    out = subprocess.run(["ffprobe", "-v", "error", "-show_entries", "format=duration,format_name:stream=codec_name",
                          "-of", "json", str(path)], capture_output=True, check=True, text=True).stdout
    return json.loads(out)


@pytest.fixture
def sample_app(audio_app):
    # Whole articles, 8 recordings at a time: the fake's answers are instant, but on a machine busy with
    # the rest of the suite the audio suite's 0.5 s read timeout was missed now and then (failed: 2).
    app = audio_app(TTS_CONCURRENCY=8, TTS_READ_TIMEOUT=5.0, TTS_REQUEST_BUDGET=10.0, TTS_BACKGROUND_BUDGET=10.0)
    with app.app_context():
        load_samples_if_empty()
    return app


def test_whole_article_is_one_valid_mp3_of_the_expected_length(sample_app, fake_google, tmp_path):
    with sample_app.app_context():
        spoken = [job.spoken for job in audio_service().article_jobs(get_article(SLUG))]
    response = sample_app.test_client().get(f"/api/v1/articles/{SLUG}/audio.mp3")
    assert response.status_code == 200 and response.mimetype == "audio/mpeg"
    assert response.is_streamed
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith("attachment;") and f'filename="{SLUG}.mp3"' in disposition
    assert "filename*=UTF-8''" in disposition
    data = response.get_data()
    assert b"ID3" not in data  # every recording's tag was stripped, not just the first
    path = tmp_path / "article.mp3"
    path.write_bytes(data)
    probe = ffprobe(path)
    assert probe["streams"][0]["codec_name"] == "mp3"
    expected = sum(fake_google.duration_for(text) for text in spoken)
    assert expected > 60
    assert float(probe["format"]["duration"]) == pytest.approx(expected, rel=0.01)
    assert fake_google.calls == len(set(spoken))


def test_whole_article_503_when_upstream_is_down(sample_app, fake_google):
    fake_google.fail("500")
    response = sample_app.test_client().get(f"/api/v1/articles/{SLUG}/audio.mp3")
    assert response.status_code == 503 and "Retry-After" in response.headers


def test_whole_article_of_an_unknown_slug_is_404(sample_app):
    assert sample_app.test_client().get("/api/v1/articles/khong-co/audio.mp3").status_code == 404


@pytest.mark.parametrize("group", ["audio", "speech"])  # the group's name, and its former one
def test_warm_then_stats(sample_app, fake_google, group):
    runner = sample_app.test_cli_runner()
    result = runner.invoke(args=[group, "warm", SLUG])
    assert result.exit_code == 0, result.output
    summary = result.output.strip().splitlines()[-1]
    with sample_app.app_context():
        unique = len({job.segment_id for job in audio_service().article_jobs(get_article(SLUG))})
    assert summary == f"segments: {unique}  cached: 0  synthesized: {unique}  failed: 0"
    again = runner.invoke(args=[group, "warm", "--all"]).output.strip().splitlines()[-1]
    assert f"cached: {unique}" in again and "failed: 0" in again
    # a listener then plays one segment from the cache
    with sample_app.app_context():
        first = audio_service().article_jobs(get_article(SLUG))[0]
    assert sample_app.test_client().get(f"/audio/{first.segment_id}.mp3").status_code == 200
    stats = runner.invoke(args=[group, "stats"]).output
    assert f"files:       {fake_google.calls} (0 fallback)" in stats
    assert "hit ratio:   100.0% (1 hits, 0 misses" in stats


def test_warm_reports_failures_and_unknown_slugs(sample_app, fake_google):
    runner = sample_app.test_cli_runner()
    assert runner.invoke(args=["audio", "warm", "khong-co"]).exit_code == 2
    assert runner.invoke(args=["audio", "warm"]).exit_code == 2
    fake_google.fail("500")
    result = runner.invoke(args=["audio", "warm", SLUG])
    assert result.exit_code == 1 and "synthesized: 0" in result.output and "failed: 0" not in result.output
