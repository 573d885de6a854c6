"""The segment registry: idempotent, cheap on repeat, successor links for look-ahead."""
from __future__ import annotations

import sqlalchemy as sa

from server.audio.recent import ExpiringSet
from server.audio.registry import RECENT_SIZE, RECENT_TTL, SpeechSegment, Voice, find_job, next_jobs, register_playlist
from server.db import db
from tests.audio.conftest import seg

VOICE = Voice("vi", "gtts")


def fresh() -> ExpiringSet:
    """An empty memo of registered playlists, as a new process has."""
    return ExpiringSet(RECENT_SIZE, ttl=RECENT_TTL)


def statements_during(action) -> list[str]:
    seen: list[str] = []
    listener = lambda conn, cursor, statement, *rest: seen.append(statement)  # noqa: E731
    sa.event.listen(db.engine, "before_cursor_execute", listener)
    try:
        action()
    finally:
        sa.event.remove(db.engine, "before_cursor_execute", listener)
    return seen


def test_register_is_idempotent_and_links_successors(audio_app):
    app = audio_app()
    a, b, c = seg("Một."), seg("Hai."), seg("Ba.")
    with app.app_context():
        register_playlist([a, b, c], VOICE, recent=fresh())
        register_playlist([a, b, c], VOICE, recent=fresh())
        assert db.session.scalar(sa.select(sa.func.count()).select_from(SpeechSegment)) == 3
        assert find_job(a.id).spoken == "Một." and find_job("f" * 32) is None
        assert [job.segment_id for job in next_jobs(a.id, 3)] == [b.id, c.id]
        # The same sentence in another playlist: its successor is the one of the latest playlist.
        d = seg("Bốn.")
        register_playlist([b, d], VOICE, recent=fresh())
        assert [job.segment_id for job in next_jobs(a.id, 3)] == [b.id, d.id]
        assert next_jobs(d.id, 3) == []


def test_a_repeat_registration_costs_one_select_then_nothing(audio_app):
    app = audio_app()
    playlist = [seg(f"Câu {n}.") for n in range(40)]
    recent = fresh()
    with app.app_context():
        register_playlist(playlist, VOICE, recent=recent)
        again = statements_during(lambda: register_playlist(playlist, VOICE, recent=fresh()))
        assert len(again) == 1 and again[0].lstrip().upper().startswith("SELECT")
        memo = statements_during(lambda: register_playlist(playlist, VOICE, recent=recent))
        assert memo == []


def test_a_concurrent_insert_of_the_same_segments_is_absorbed(audio_app, monkeypatch):
    from server.audio import registry

    app = audio_app()
    a, b = seg("Một."), seg("Hai.")
    with app.app_context():
        register_playlist([a], VOICE, recent=fresh())
        real = registry._existing_successors
        calls = []

        def stale_once(ids):  # the first read misses the row another process has just inserted
            calls.append(ids)
            return {} if len(calls) == 1 else real(ids)

        monkeypatch.setattr(registry, "_existing_successors", stale_once)
        register_playlist([a, b], VOICE, recent=fresh())
        assert len(calls) == 2
        assert [job.segment_id for job in next_jobs(a.id, 3)] == [b.id]
