"""``GET /healthz``: each part and the overall state (ok, degraded with 200, down with 503)."""
from __future__ import annotations

import shutil

from server.db import db
from server.web.health import overall


def test_every_part_is_reported(client):
    response = client.get("/healthz")
    body = response.get_json()
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    assert body["status"] == "ok" and body["database"] == "ok"
    parts = body["parts"]
    assert parts["database"] == {"status": "ok"}
    assert parts["engines"] == {"gtts": {"status": "ok"}, "espeak": {"status": "ok"}}
    assert parts["audio_disk"]["status"] == "ok" and parts["audio_disk"]["writable"] is True
    assert parts["audio_disk"]["free_bytes"] > 0
    assert "redis" not in parts  # none configured


def test_an_unreachable_database_is_down(make_app, tmp_path):
    folder = tmp_path / "db"
    folder.mkdir()
    app = make_app(DATABASE_URL=f"sqlite:///{folder}/trodoc.db")
    with app.app_context():
        db.engine.dispose()
    shutil.rmtree(folder)
    response = app.test_client().get("/healthz")
    body = response.get_json()
    assert response.status_code == 503 and body["status"] == "down" and body["database"] == "down"
    assert body["parts"]["database"] == {"status": "down", "error": "OperationalError"}


def test_the_overall_state_follows_the_parts():
    ok = {"status": "ok"}
    parts = {"database": ok, "audio_disk": ok, "engines": {"gtts": ok, "espeak": ok}}
    assert overall(parts) == "ok"
    assert overall({**parts, "engines": {"gtts": {"status": "down"}, "espeak": ok}}) == "degraded"
    assert overall({**parts, "audio_disk": {"status": "degraded"}}) == "degraded"
    assert overall({**parts, "redis": {"status": "down"}}) == "degraded"
    assert overall({**parts, "database": {"status": "down"}, "redis": {"status": "down"}}) == "down"
