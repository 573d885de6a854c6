"""No wait for published articles: an article created or replaced is recorded in the background, from a
queue that outlives the process, so its first listener gets a cached recording."""
from __future__ import annotations

import json
import time

from server.audio import audio_service
from server.audio.publish import next_queued
from tests.ops.conftest import wait_until

ARTICLE = {"slug": "thong-bao-moi", "title": "Thông báo lịch tiếp công dân tháng 11",
           "body": "<p>Chủ tịch xã tiếp công dân vào sáng thứ Năm.</p><p>Người dân mang theo căn cước.</p>"}


def publish(app, auth, article=ARTICLE):
    response = app.test_client().post("/api/v1/articles", json=article, headers=auth)
    assert response.status_code == 201
    return app.test_client().get(f"/api/v1/articles/{article['slug']}/speech").get_json()["segments"]


def queued(app) -> list[str]:
    with app.app_context():
        return next_queued()


def cached(app, segments) -> bool:
    return all(audio_service(app).cache.find(s["id"]) is not None for s in segments)


def test_a_published_article_is_recorded_before_anyone_asks(audio_app, fake_google, auth):
    app = audio_app(TTS_RECORD_ON_PUBLISH=True, LOAD_SAMPLES=False)
    segments = publish(app, auth)
    wait_until(lambda: cached(app, segments) and not queued(app), 10, what="the article recorded")
    assert fake_google.calls == len({s["id"] for s in segments})
    hits = audio_service(app).cache.counters.local().get("hits", 0)
    response = app.test_client().get(segments[0]["audio"])
    assert response.status_code == 200 and audio_service(app).cache.counters.local()["hits"] == hits + 1
    assert fake_google.calls == len({s["id"] for s in segments})  # the listener cost no upstream call


def test_the_queue_outlives_an_outage_and_a_restart(audio_app, fake_google, auth):
    app = audio_app(TTS_RECORD_ON_PUBLISH=True, LOAD_SAMPLES=False, TTS_RETRY_TRIES=1)
    fake_google.fail("500")
    segments = publish(app, auth)
    wait_until(lambda: fake_google.calls >= 1, 10, what="a first try")
    time.sleep(0.3)  # the failed try ended the drain (one try, no retries)
    audio_service(app).close()
    fake_google.heal()
    assert len(queued(app)) == 3  # still to record
    restarted = audio_app(TTS_RECORD_ON_PUBLISH=True, LOAD_SAMPLES=False)  # same database and audio folder
    assert restarted.test_client().get("/healthz").status_code == 200  # its first request takes the queue up
    wait_until(lambda: cached(restarted, segments) and not queued(restarted), 10, what="the queue recorded")


def test_an_import_queues_and_the_serving_process_records(audio_app, fake_google, tmp_path):
    app = audio_app(TTS_RECORD_ON_PUBLISH=True, LOAD_SAMPLES=False)
    path = tmp_path / "bai.json"
    path.write_text(json.dumps(ARTICLE, ensure_ascii=False), encoding="utf-8")
    result = app.test_cli_runner().invoke(args=["articles", "import", str(path)])
    assert result.exit_code == 0, result.output
    assert len(queued(app)) == 3 and fake_google.calls == 0  # the command records nothing itself
    app.test_client().get("/healthz")
    segments = app.test_client().get(f"/api/v1/articles/{ARTICLE['slug']}/speech").get_json()["segments"]
    wait_until(lambda: cached(app, segments) and not queued(app), 10, what="the import recorded")


def test_off_records_nothing(audio_app, fake_google, auth):
    app = audio_app(TTS_RECORD_ON_PUBLISH=False, LOAD_SAMPLES=False)
    publish(app, auth)
    assert queued(app) == [] and fake_google.calls == 0


def test_the_queue_keeps_the_newest_segments_when_it_is_full(audio_app, fake_google, auth):
    app = audio_app(TTS_RECORD_ON_PUBLISH=True, LOAD_SAMPLES=False, TTS_RETRY_TRIES=1, PUBLISH_QUEUE_MAX=4)
    fake_google.fail("500")  # nothing gets recorded: the queue only grows
    first = publish(app, auth)
    second = publish(app, auth, {"slug": "thong-bao-khac", "title": "Thông báo lịch họp dân tháng 12",
                                 "body": "<p>Thôn tổ chức họp dân vào tối thứ Sáu.</p><p>Mời đại diện các hộ.</p>"})
    still = queued(app)
    assert len(still) == 4
    assert {s["id"] for s in second} <= set(still)
    assert len({s["id"] for s in first} & set(still)) == 1
