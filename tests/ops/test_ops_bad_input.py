"""The bad-input battery: each answered with the right 4xx problem+json, nothing stored, server still healthy."""
from __future__ import annotations

import json

import pytest
import sqlalchemy as sa

from server.db import db

JSON = {"Content-Type": "application/json"}
NESTED = ("[" * 100_000 + "]" * 100_000).encode()
HUGE = json.dumps({"lang": "vi", "blocks": ["x" * (2 * 1024 * 1024)]}).encode()

# (name, method, path, body, headers, expected status)
BATTERY = [
    ("malformed JSON", "POST", "/api/v1/speech", b'{"lang": "vi", "blocks": [', JSON, 400),
    ("not JSON at all", "POST", "/api/v1/speech", b"lang=vi&blocks=x", JSON, 400),
    ("form content type", "POST", "/api/v1/speech", b"lang=vi", {"Content-Type": "application/x-www-form-urlencoded"},
     415),
    ("no content type", "POST", "/api/v1/speech", b'{"blocks": ["a"]}', {}, 415),
    ("array body", "POST", "/api/v1/speech", b'["a", "b"]', JSON, 422),
    ("blocks a string", "POST", "/api/v1/speech", b'{"lang": "vi", "blocks": "abc"}', JSON, 422),
    ("blocks numbers", "POST", "/api/v1/speech", b'{"lang": "vi", "blocks": [1, 2]}', JSON, 422),
    ("blocks nested", "POST", "/api/v1/speech", b'{"lang": "vi", "blocks": [["a"]]}', JSON, 422),
    ("blocks empty", "POST", "/api/v1/speech", b'{"lang": "vi", "blocks": []}', JSON, 422),
    ("lang unknown", "POST", "/api/v1/speech", b'{"lang": "xx", "blocks": ["a"]}', JSON, 422),
    ("lang a number", "POST", "/api/v1/speech", b'{"lang": 5, "blocks": ["a"]}', JSON, 422),
    ("unknown field", "POST", "/api/v1/speech", b'{"lang": "vi", "blocks": ["a"], "voice": "x"}', JSON, 422),
    ("null body", "POST", "/api/v1/speech", b"null", JSON, 422),
    ("huge body", "POST", "/api/v1/speech", HUGE, JSON, 413),
    ("deeply nested JSON", "POST", "/api/v1/speech", NESTED, JSON, 400),
    ("invalid UTF-8", "POST", "/api/v1/speech", b'{"lang": "vi", "blocks": ["\xff\xfe\xc3("]}', JSON, 400),
    ("too many characters", "POST", "/api/v1/speech",
     json.dumps({"lang": "vi", "blocks": ["Một câu. " * 4000]}).encode(), JSON, 413),
    ("too many blocks", "POST", "/api/v1/speech",
     json.dumps({"lang": "vi", "blocks": ["a"] * 2001}).encode(), JSON, 422),
    ("control characters", "POST", "/api/v1/speech",
     json.dumps({"lang": "vi", "blocks": ["Xin\x00 chào\x07\x1b[31m các bạn."]}).encode(), JSON, 422),
    ("DEL and C1 controls", "POST", "/api/v1/speech",
     json.dumps({"lang": "vi", "blocks": ["Chào\x7f\x85 bạn."]}).encode(), JSON, 422),
    ("article write without token", "POST", "/api/v1/articles", b'{"title": "x"}', JSON, 401),
    ("path traversal encoded", "GET", "/audio/..%2f..%2fetc%2fpasswd.mp3", None, {}, 404),
    ("path traversal plain", "GET", "/audio/../../etc/passwd.mp3", None, {}, 404),
    ("path traversal backslash", "GET", "/audio/..%5c..%5cwindows.mp3", None, {}, 404),
    ("audio id with NUL", "GET", "/audio/%00" + "a" * 31 + ".mp3", None, {}, 404),
    ("audio id upper case", "GET", "/audio/" + "A" * 32 + ".mp3", None, {}, 404),
    ("audio id unregistered", "GET", "/audio/" + "ab" * 16 + ".mp3", None, {}, 404),
    ("audio id too long", "GET", "/audio/" + "a" * 5000 + ".mp3", None, {}, 404),
    ("unknown slug speech", "GET", "/api/v1/articles/khong-ton-tai/speech", None, {}, 404),
    ("unknown slug audio", "GET", "/api/v1/articles/khong-ton-tai/audio.mp3", None, {}, 404),
    ("unknown slug json", "GET", "/api/v1/articles/%2e%2e%2fetc", None, {}, 404),
    ("unknown slug page", "GET", "/articles/khong-ton-tai", None, {"Accept": "application/json"}, 404),
]

# Odd but harmless text: accepted (200), stored once, never executed or echoed as markup.
ODD_TEXT = [
    ("whitespace controls and bidi marks", ["Xin\tchào\r\ncác\x0bbạn\x0c.\u202e\u200b"]),
    ("100 KB single word", ["a" * 29_000]),
    ("HTML and script", ['<script>alert("x")</script><img src=x onerror=alert(1)> Chào bạn.']),
    ("only whitespace and symbols", ["   \t\n  ", "!!!???..."]),
]


def counts(app) -> tuple[int, int]:
    with app.app_context():
        segments = db.session.scalar(sa.text("SELECT COUNT(*) FROM speech_segments"))
        articles = db.session.scalar(sa.text("SELECT COUNT(*) FROM articles"))
    return segments, articles


@pytest.fixture
def app(make_app):
    return make_app(RATELIMIT_ENABLED=False, TTS_ENGINES="gtts", GTTS_URL="http://127.0.0.1:9/none",
                    TTS_CONNECT_TIMEOUT=0.2, TTS_REQUEST_BUDGET=0.5)


def test_bad_input_battery(app):
    client = app.test_client()
    before = counts(app)
    failures = []
    for name, method, path, data, headers, expected in BATTERY:
        response = client.open(path, method=method, data=data, headers=headers)
        problem = response.mimetype == "application/problem+json" and response.get_json(silent=True)
        if response.status_code != expected or not problem or problem.get("status") != expected:
            failures.append(f"{name}: {response.status_code} {response.mimetype} {response.data[:120]!r}")
        elif not {"type", "title", "status", "detail"} <= problem.keys():
            failures.append(f"{name}: incomplete problem {problem}")
    assert not failures, "\n".join(failures)
    assert counts(app) == before  # nothing stored
    assert client.get("/healthz").status_code == 200


@pytest.mark.parametrize("name, blocks", ODD_TEXT, ids=[n for n, _ in ODD_TEXT])
def test_odd_text_is_handled_safely(app, name, blocks):
    client = app.test_client()
    response = client.post("/api/v1/speech", json={"lang": "vi", "blocks": blocks})
    assert response.status_code in (200, 413, 422), response.data[:200]
    if response.status_code != 200:
        assert response.mimetype == "application/problem+json"
    else:
        # Markup in text is text: it comes back only inside JSON (nosniff), never as a page.
        assert response.mimetype == "application/json"
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert "Content-Security-Policy" not in response.headers or "script-src 'self'" in response.headers[
            "Content-Security-Policy"]
    assert client.get("/healthz").status_code == 200


NGINX_ONLY = [
    ("request line of 20 KB", "GET", "/audio/" + "a" * 20_000 + ".mp3", None, {}, 400),
    ("header of 20 KB", "GET", "/healthz", None, {"X-Junk": "j" * 20_000}, 400),
]


def test_server_healthy_after_battery_over_real_processes(stack):
    """The same battery against gunicorn and through nginx: problem+json 4xx, no 5xx, processes stay up."""
    from tests.ops.conftest import get, request

    for port, battery in ((stack["app"].port, BATTERY), (stack["nginx"].port, BATTERY + NGINX_ONLY)):
        for name, method, path, data, headers, _expected in battery:
            status, answer_headers, _ = request(port, method, path, body=data, headers=headers)
            assert 400 <= status < 500, (name, status)
            assert answer_headers["content-type"].startswith("application/problem+json"), (name, port)
        assert get(port, "/healthz")[0] == 200
    assert stack["app"].process.poll() is None
