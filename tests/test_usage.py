"""Anonymous usage counts: recorded from the widget, read by operators, nothing personal kept."""
from __future__ import annotations

import json

import pytest
import sqlalchemy as sa

from server.db import db

ORIGIN = "https://daksong.daknong.gov.vn"


def send(client, origin=ORIGIN, **event):
    return client.post("/api/v1/events", json=event, headers={"Origin": origin})


def test_events_are_counted_per_article_and_origin(make_app, auth):
    app = make_app(ALLOWED_ORIGINS=ORIGIN)
    client = app.test_client()
    for _ in range(3):
        assert send(client, event="listen_start", article="bai-a").status_code == 204
    assert send(client, event="listen_finish", article="bai-a").status_code == 204
    send(client, event="scale", value="1.5", article="bai-a")
    send(client, event="scale", value="1.5", article="bai-b")
    send(client, event="contrast", value="max", article="bai-b")
    response = send(client, event="spacing", value="on", article="bai-b")
    assert response.headers["Access-Control-Allow-Origin"] == "*"

    stats = client.get("/api/v1/stats", headers=auth).get_json()
    assert stats["articles"] == [{"origin": ORIGIN, "article": "bai-a", "listen_start": 3, "listen_finish": 1}]
    assert stats["origins"] == [{"origin": ORIGIN, "listen_start": 3, "listen_finish": 1}]
    assert stats["settings"] == {"scale": {"1.5": 2}, "contrast": {"max": 1}, "spacing": {"on": 1}}

    cli = app.test_cli_runner().invoke(args=["stats", "--json"])
    assert json.loads(cli.output) == stats
    table = app.test_cli_runner().invoke(args=["stats", "--days", "7"]).output
    assert "3 / 1" in table and "Setting contrast: max: 1" in table


def test_nothing_personal_is_stored(make_app):
    app = make_app(ALLOWED_ORIGINS=ORIGIN)
    client = app.test_client()
    client.post("/api/v1/events", json={"event": "listen_start", "article": "bai-a"},
                headers={"Origin": ORIGIN, "X-Forwarded-For": "203.0.113.7", "User-Agent": "Secret/1.0",
                         "Cookie": "session=abc"})
    with app.app_context():
        columns = {c["name"] for c in sa.inspect(db.engine).get_columns("usage_counts")}
        dump = str(db.session.execute(sa.text("SELECT * FROM usage_counts")).all())
    assert columns == {"id", "day", "origin", "article", "event", "value", "count"}
    for secret in ("203.0.113", "127.0.0.1", "Secret", "abc"):
        assert secret not in dump


@pytest.mark.parametrize("event, field", [
    ({"event": "clicked"}, "event"),
    ({"event": "scale", "value": "9"}, "value"),
    ({"event": "contrast", "value": 3}, "value"),
    ({"event": "listen_start", "article": "/bai?email=a@b.vn"}, "article"),
    ({"event": "listen_start", "article": "x" * 201}, "article"),
    ({"event": "listen_start", "article": "bai\u0000a"}, "article"),
])
def test_bad_events_are_422(make_app, event, field):
    client = make_app(ALLOWED_ORIGINS=ORIGIN).test_client()
    response = send(client, **event)
    assert response.status_code == 422 and response.get_json()["field"] == field


def test_events_from_unlisted_origins_are_dropped_quietly(client, auth):
    preflight = client.options("/api/v1/events", headers={"Origin": "https://evil.example",
                                                          "Access-Control-Request-Method": "POST"})
    assert preflight.status_code == 204 and preflight.headers["Access-Control-Allow-Origin"] == "*"
    response = send(client, origin="https://evil.example", event="listen_start")
    assert response.status_code == 204 and response.headers["Access-Control-Allow-Origin"] == "*"
    assert client.get("/api/v1/stats", headers=auth).get_json()["origins"] == []


def test_stats_need_the_token(client, auth):
    assert client.get("/api/v1/stats").status_code == 401
    assert client.get("/api/v1/stats?days=0", headers=auth).status_code == 400
