"""Bounded registry: unplayed segments are capped and expire (SQLite and PostgreSQL)."""
from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from server.audio.registry import SpeechSegment, prune_unplayed, unplayed_count
from server.db import db


def post(client, text):
    return client.post("/api/v1/speech", json={"lang": "vi", "blocks": [text]})


def age(app, days: float, played: bool = False) -> None:
    """Make every segment ``days`` old (and played or not)."""
    with app.app_context():
        past = dt.datetime.now(dt.UTC) - dt.timedelta(days=days)
        if db.engine.dialect.name == "sqlite":
            past = past.replace(tzinfo=None)
        db.session.execute(sa.update(SpeechSegment).values(created_at=past,
                                                           last_played_at=past if played else None))
        db.session.commit()


def test_unplayed_segments_are_capped(make_app):
    app = make_app(SPEECH_MAX_UNPLAYED=3, LOAD_SAMPLES=False, RATELIMIT_ENABLED=False)
    client = app.test_client()
    assert post(client, "Một. Hai.").status_code == 200
    assert post(client, "Ba.").status_code == 200
    full = post(client, "Bốn.")
    assert full.status_code == 503 and full.mimetype == "application/problem+json"
    assert full.headers["Retry-After"] == "600"
    assert post(client, "Một. Hai.").status_code == 200  # already registered: costs nothing, still served
    with app.app_context():
        assert unplayed_count() == 3
    # A request never prunes: the cap holds until pruning (the timer, or the command) forgets expired ones.
    age(app, days=8)
    assert post(client, "Bốn.").status_code == 503
    assert app.test_cli_runner().invoke(args=["audio", "prune"]).exit_code == 0
    assert post(client, "Bốn.").status_code == 200
    with app.app_context():
        assert unplayed_count() == 1


def test_prune_forgets_only_old_unplayed_segments(make_app):
    app = make_app(LOAD_SAMPLES=False, RATELIMIT_ENABLED=False)
    client = app.test_client()
    post(client, "Cũ và đã nghe.")
    age(app, days=30, played=True)
    post(client, "Cũ chưa nghe.")
    with app.app_context():
        past = dt.datetime.now(dt.UTC) - dt.timedelta(days=8)
        if db.engine.dialect.name == "sqlite":
            past = past.replace(tzinfo=None)
        db.session.execute(sa.update(SpeechSegment).where(SpeechSegment.last_played_at.is_(None))
                           .values(created_at=past))
        db.session.commit()
    post(client, "Mới chưa nghe.")
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(SpeechSegment)) == 3
        assert prune_unplayed() == 1  # only the 8-day-old unplayed one (default: 7 days)
        texts = set(db.session.scalars(sa.select(SpeechSegment.spoken)))
    assert len(texts) == 2 and not any("Cũ chưa" in t or "cũ chưa" in t for t in texts)


def test_prune_command_and_re_registration(make_app):
    app = make_app(LOAD_SAMPLES=False, RATELIMIT_ENABLED=False)
    client = app.test_client()
    segment = post(client, "Sẽ hết hạn.").get_json()["segments"][0]
    age(app, days=10)
    result = app.test_cli_runner().invoke(args=["speech", "prune"])
    assert result.exit_code == 0 and "pruned: 1" in result.output, result.output
    assert client.get(segment["audio"]).status_code == 404  # forgotten…
    again = post(client, "Sẽ hết hạn.").get_json()["segments"][0]  # …until a playlist registers it again
    assert again["id"] == segment["id"]
    with app.app_context():
        assert db.session.get(SpeechSegment, segment["id"]) is not None
    result = app.test_cli_runner().invoke(args=["speech", "prune", "--days", "0"])
    assert result.exit_code == 0 and "pruned: 1" in result.output


def test_articles_are_never_refused_by_the_cap(make_app):
    app = make_app(SPEECH_MAX_UNPLAYED=2, RATELIMIT_ENABLED=False)
    client = app.test_client()
    assert post(client, "Một. Hai.").status_code == 200
    assert post(client, "Ba.").status_code == 503  # host-page text: refused when full
    slug = client.get("/api/v1/articles").get_json()["items"][0]["slug"]
    playlist = client.get(f"/api/v1/articles/{slug}/speech")  # the operator's own article: always served
    assert playlist.status_code == 200 and len(playlist.get_json()["segments"]) > 2


def test_new_segments_per_client_are_limited(make_app):
    app = make_app(RATELIMIT_NEW_SEGMENTS="3 per hour", LOAD_SAMPLES=False)
    client = app.test_client()
    assert post(client, "Một. Hai.").status_code == 200
    assert post(client, "Một. Hai.").status_code == 200  # already registered: free
    assert post(client, "Ba.").status_code == 200
    refused = post(client, "Bốn.")
    assert refused.status_code == 429 and refused.mimetype == "application/problem+json"
    assert int(refused.headers["Retry-After"]) > 0
    other = client.post("/api/v1/speech", json={"lang": "vi", "blocks": ["Bốn."]},
                        environ_base={"REMOTE_ADDR": "10.9.9.9"})
    assert other.status_code == 200
    with app.app_context():
        assert unplayed_count() == 4
