"""Pruning runs off the request path: the service's timer forgets never-played segments and stops on close."""
from __future__ import annotations

import datetime as dt
import time

import sqlalchemy as sa

from server.audio import audio_service
from server.audio.background import PruneTimer
from server.audio.registry import SpeechSegment, prune_unplayed
from server.db import db


def _age_unplayed(app, days: float) -> None:
    with app.app_context():
        past = dt.datetime.now(dt.UTC) - dt.timedelta(days=days)
        if db.engine.dialect.name == "sqlite":
            past = past.replace(tzinfo=None)
        db.session.execute(sa.update(SpeechSegment).where(SpeechSegment.last_played_at.is_(None))
                           .values(created_at=past))
        db.session.commit()


def _ids(app) -> set[str]:
    with app.app_context():
        return set(db.session.scalars(sa.select(SpeechSegment.id)))


def test_a_playlist_fetch_never_prunes(audio_app, registered):
    app = audio_app()
    old, = registered(app, "Đã hết hạn mà chưa ai nghe.")
    _age_unplayed(app, days=30)
    fresh = app.test_client().post("/api/v1/speech", json={"lang": "vi", "blocks": ["Câu mới."]})
    assert fresh.status_code == 200
    assert old.id in _ids(app)


def test_the_timer_prunes_expired_unplayed_segments_and_stops_on_close(audio_app, registered):
    app = audio_app()
    old, kept = registered(app, "Đã hết hạn mà chưa ai nghe.", "Cũng cũ nhưng đã nghe.")
    _age_unplayed(app, days=30)
    with app.app_context():
        db.session.execute(sa.update(SpeechSegment).where(SpeechSegment.id == kept.id)
                           .values(last_played_at=sa.func.now()))
        db.session.commit()
    timer = PruneTimer(app, interval=0.05)
    timer.start()
    try:
        deadline = time.monotonic() + 10
        while old.id in _ids(app) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _ids(app) == {kept.id}
    finally:
        timer.close()
    assert not timer.running


def test_the_service_starts_its_timer_on_the_first_request_and_stops_it_on_close(audio_app):
    app = audio_app()
    service = audio_service(app)
    assert not service.pruner.running  # constructing the app (a command, a preloading master) starts nothing
    assert app.test_client().get("/api/v1/articles").status_code == 200
    assert service.pruner.running
    service.close()
    assert not service.pruner.running


def test_a_prune_elsewhere_is_seen_at_this_process_next_prune(audio_app):
    """Two processes on one database: one prunes; the other, which remembers the playlist as registered,
    checks the database again after its own prune, even though that one found nothing left to remove."""
    here, elsewhere = audio_app(), audio_app()
    text = {"lang": "vi", "blocks": ["Một câu cũ chưa ai nghe."]}
    segment = here.test_client().post("/api/v1/speech", json=text).get_json()["segments"][0]
    _age_unplayed(here, days=30)
    with elsewhere.app_context():
        assert prune_unplayed() == 1
    with here.app_context():
        assert prune_unplayed() == 0
    assert here.test_client().post("/api/v1/speech", json=text).status_code == 200
    assert segment["id"] in _ids(here)
