"""Plays the app does not see: the web server serves recorded audio from disk, so the widget's listening event
names the segment a run starts at, and the recorded segments from there on are stamped played."""
from __future__ import annotations

import time

from server.audio import audio_service
from server.audio.engines import Deadline
from server.audio.registry import SpeechSegment, find_job
from server.db import db

ORIGIN = "https://cong-thong-tin.example"
TEXTS = ["Câu thứ nhất đã được ghi âm.", "Câu thứ hai cũng vậy.", "Câu thứ ba thì chưa."]


def played_at(app, segments) -> list:
    with app.app_context():
        db.session.expire_all()
        return [db.session.get(SpeechSegment, seg.id).last_played_at for seg in segments]


def wait_for(condition, seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.05)


def recorded_playlist(audio_app, registered):
    """A playlist of three whose first two are recorded ahead of any listener (as warm-up or publishing do)."""
    app = audio_app(ALLOWED_ORIGINS=ORIGIN)
    segments = registered(app, *TEXTS)
    service = audio_service(app)
    with app.app_context():
        for seg in segments[:2]:
            service.record(find_job(seg.id), Deadline(5))
    return app, segments


def listen_start(app, segment_id, origin=ORIGIN):
    return app.test_client().post("/api/v1/events", headers={"Origin": origin},
                                  json={"event": "listen_start", "article": "/tin-tuc/1", "segment": segment_id})


def test_a_listening_event_stamps_the_recorded_segments_of_the_run(audio_app, registered):
    app, segments = recorded_playlist(audio_app, registered)
    assert played_at(app, segments) == [None, None, None]  # recorded, but never served by the app
    assert listen_start(app, segments[0].id).status_code == 204
    wait_for(lambda: None not in played_at(app, segments[:2]))
    first, second, third = played_at(app, segments)
    assert first is not None and second is not None
    assert third is None  # not recorded: the app serves it, and stamps it then


def test_ids_nobody_registered_stamp_nothing_and_non_ids_are_refused(audio_app, registered):
    app, segments = recorded_playlist(audio_app, registered)
    assert listen_start(app, "f" * 32).status_code == 204
    bad = listen_start(app, "../../etc/passwd")
    assert bad.status_code == 422 and bad.get_json()["field"] == "segment"
    on_another_event = app.test_client().post("/api/v1/events", headers={"Origin": ORIGIN}, json={
        "event": "listen_finish", "segment": segments[0].id})
    assert on_another_event.status_code == 422
    time.sleep(0.3)
    assert played_at(app, segments) == [None, None, None]


def test_events_from_unlisted_origins_stamp_nothing(audio_app, registered):
    app, segments = recorded_playlist(audio_app, registered)
    assert listen_start(app, segments[0].id, origin="https://la.example").status_code == 204
    time.sleep(0.3)
    assert played_at(app, segments) == [None, None, None]
