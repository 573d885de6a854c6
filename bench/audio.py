"""Benchmark audio delivery against the naive way, on a fake Google that takes 200 ms per request.

Run: ``.venv/bin/python -m bench.audio``. Both sides talk to the same local fake of Google's endpoint
(``tests/fake_google.py``), in the same run, starting from an empty cache:

1. time to the first audio byte of the Đăk Song article: the naive way is ``gTTS(whole_text).save()`` and then
   serving the file; ours is fetching the playlist and then its first ``/audio/<id>.mp3`` over real HTTP;
2. time until the whole article is cached: sequential gTTS vs our warm-up at ``TTS_CONCURRENCY=4``;
3. first audio of a just-published article (``POST /api/v1/articles``, then its playlist and first segment):
   with recording on publish, once the background queue is done, against the cold path (recording on publish
   off) in the same run. Target: a cache hit, under 50 ms.

Prints a markdown table; ratios are naive / ours.
"""
from __future__ import annotations

import argparse
import logging
import os
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import gtts.tts
import requests
from werkzeug.serving import make_server

from server import create_app
from server.articles.store import get_article
from server.audio import audio_service
from server.bootstrap import prepare
from tests.fake_google import FakeGoogle

SLUG = "dak-song-kiem-tra-cai-cach-hanh-chinh-2023"
logging.getLogger("werkzeug").setLevel(logging.ERROR)  # no access log lines in the table output


@dataclass
class Run:
    seconds: float
    upstream_calls: int


def article_text(app) -> str:
    """The article as the naive integration would speak it: its readable blocks joined."""
    from server.speech import article_blocks

    with app.app_context():
        article = get_article(SLUG)
        return "\n".join(article_blocks(article.title, article.lead, article.body))


def fresh_app(folder: str, fake: FakeGoogle, concurrency: int, **config):
    """An app on an empty database and audio cache, speaking through ``fake``."""
    os.makedirs(folder, exist_ok=True)
    app = create_app({"DATABASE_URL": f"sqlite:///{folder}/trodoc.db", "AUDIO_DIR": f"{folder}/audio",
                      "GTTS_URL": fake.url, "TTS_ENGINES": "gtts", "TTS_CONCURRENCY": concurrency, **config})
    with app.app_context():
        prepare()  # the benchmark reads the article before any request would
    return app


@contextmanager
def serving(app) -> Iterator[str]:
    """``app`` on a real threaded HTTP server; yields its base URL."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()


def naive(fake: FakeGoogle, text: str, folder: str) -> Run:
    """``gTTS(text).save()``: the file (and so its first byte) exists once every request is done."""
    calls = fake.calls
    original = gtts.tts._translate_url
    gtts.tts._translate_url = lambda tld="com", path="": fake.url
    try:
        started = time.perf_counter()
        gtts.tts.gTTS(text, lang="vi", lang_check=False).save(f"{folder}/naive.mp3")
        with open(f"{folder}/naive.mp3", "rb") as handle:
            handle.read(1)
        return Run(time.perf_counter() - started, fake.calls - calls)
    finally:
        gtts.tts._translate_url = original


def first_audio_url(base: str, app) -> str:
    """The playlist's first audio URL (the in-process equivalent when the playlist endpoint is absent)."""
    response = requests.get(f"{base}/api/v1/articles/{SLUG}/speech", timeout=10)
    if response.ok:
        return base + response.json()["segments"][0]["audio"]
    with app.app_context():
        return f"{base}/audio/{audio_service(app).article_jobs(get_article(SLUG))[0].segment_id}.mp3"


def ours_first_byte(fake: FakeGoogle, folder: str, concurrency: int) -> Run:
    """Playlist, then the first segment's first byte, through a real HTTP server."""
    app = fresh_app(folder, fake, concurrency=concurrency)
    calls = fake.calls
    with serving(app) as base:
        started = time.perf_counter()
        with requests.get(first_audio_url(base, app), stream=True, timeout=10) as response:
            response.raise_for_status()
            next(response.iter_content(1))
        elapsed = time.perf_counter() - started
    audio_service(app).close()
    return Run(elapsed, fake.calls - calls)


def ours_whole(fake: FakeGoogle, folder: str, concurrency: int) -> Run:
    """Warm the whole article into an empty cache."""
    app = fresh_app(folder, fake, concurrency=concurrency)
    calls = fake.calls
    started = time.perf_counter()
    with app.app_context():
        summary = audio_service(app).warm(audio_service(app).article_jobs(get_article(SLUG)))
    elapsed = time.perf_counter() - started
    assert summary.failed == 0, summary
    audio_service(app).close()
    return Run(elapsed, fake.calls - calls)


TOKEN = "bench-token"
PUBLISHED = {"slug": "thong-bao-vua-dang", "title": "Thông báo lịch tiếp công dân tháng 12",
             "body": "<p>Chủ tịch Ủy ban nhân dân xã tiếp công dân vào sáng thứ Năm hằng tuần.</p>"
                     "<p>Người dân mang theo căn cước công dân và giấy tờ liên quan.</p>"}


def just_published(fake: FakeGoogle, folder: str, record_on_publish: bool) -> Run:
    """Publish an article, wait for the background recordings (when on), then time its first audio."""
    app = fresh_app(folder, fake, 4, API_TOKEN=TOKEN, TTS_RECORD_ON_PUBLISH=record_on_publish)
    with serving(app) as base:
        published = requests.post(f"{base}/api/v1/articles", json=PUBLISHED, timeout=10,
                                  headers={"Authorization": f"Bearer {TOKEN}"})
        published.raise_for_status()
        if record_on_publish:
            from server.audio.publish import next_queued

            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                with app.app_context():
                    if not next_queued():
                        break
                time.sleep(0.05)
        calls = fake.calls
        started = time.perf_counter()
        segments = requests.get(f"{base}/api/v1/articles/{PUBLISHED['slug']}/speech", timeout=10).json()["segments"]
        with requests.get(base + segments[0]["audio"], stream=True, timeout=10) as response:
            response.raise_for_status()
            next(response.iter_content(1))
        elapsed = time.perf_counter() - started
    audio_service(app).close()
    return Run(elapsed, fake.calls - calls)


def row(label: str, naive_run: Run, ours: Run, target: float) -> str:
    ratio = naive_run.seconds / ours.seconds
    verdict = "✅" if ratio >= target else "❌"
    return (f"| {label} | {naive_run.seconds:.2f} s ({naive_run.upstream_calls} req) | "
            f"{ours.seconds:.3f} s ({ours.upstream_calls} req) | {ratio:.1f}× | ≥ {target:g}× {verdict} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--delay", type=float, default=0.2, help="fake upstream seconds per request")
    parser.add_argument("--concurrency", type=int, default=4)
    args = parser.parse_args()
    with FakeGoogle(delay=args.delay) as fake, tempfile.TemporaryDirectory() as folder:
        first = ours_first_byte(fake, f"{folder}/first", args.concurrency)
        whole = ours_whole(fake, f"{folder}/whole", args.concurrency)
        text = article_text(fresh_app(f"{folder}/text", fake, args.concurrency))
        baseline = naive(fake, text, folder)
        cold = just_published(fake, f"{folder}/cold", record_on_publish=False)
        ready = just_published(fake, f"{folder}/ready", record_on_publish=True)
    print(f"Đăk Song article, {len(text)} characters; fake upstream {args.delay * 1000:.0f} ms per request.\n")
    print("| measure | naive gTTS | Trợ Đọc | ratio | target |")
    print("|---|---|---|---|---|")
    print(row("first audio byte, empty cache", baseline, first, 20))
    print(row(f"whole article cached (concurrency {args.concurrency})", baseline, whole, 3))
    print("\nreq = upstream requests made; ours for the first byte include the look-ahead of the next "
          "segments, sent alongside the first.")
    verdict = "✅" if ready.upstream_calls == 0 and ready.seconds < 0.05 else "❌"
    print("\n| just-published article, playlist + first audio byte | cold path (no recording on publish) "
          "| recorded on publish | ratio | target |")
    print("|---|---|---|---|---|")
    print(f"| {PUBLISHED['slug']} | {cold.seconds:.3f} s ({cold.upstream_calls} req) | {ready.seconds:.3f} s "
          f"({ready.upstream_calls} req) | {cold.seconds / ready.seconds:.1f}× | a cache hit, < 50 ms {verdict} |")


if __name__ == "__main__":
    main()
