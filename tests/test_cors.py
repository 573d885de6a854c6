"""Who may read which answer from another origin (server/web/cors.py): every rule, errors included."""
from __future__ import annotations

import re

import pytest

PORTAL = "https://baodaknong.vn"
STRANGER = "https://evil.example"
DAK_SONG = "dak-song-kiem-tra-cai-cach-hanh-chinh-2023"
AUDIO_EXPOSED = {"Content-Length", "Content-Range", "Accept-Ranges", "ETag", "X-Trodoc-Engine",
                 "X-Trodoc-Voice-Rank"}


def exposed(response) -> set[str]:
    return {name.strip() for name in response.headers.get("Access-Control-Expose-Headers", "").split(",")
            if name.strip()}


@pytest.fixture
def client(make_app):
    return make_app(ALLOWED_ORIGINS=PORTAL).test_client()


def speak(client, origin: str | None, body: object = None):
    headers = {"Origin": origin} if origin else {}
    return client.post("/api/v1/speech", json={"blocks": ["Xin chào."]} if body is None else body, headers=headers)


def test_speech_reflects_an_allowed_origin_once_and_varies_on_origin(client):
    response = speak(client, PORTAL)
    assert response.status_code == 200
    assert response.headers.getlist("Access-Control-Allow-Origin") == [PORTAL]
    assert exposed(response) == {"Retry-After"}
    assert "Origin" in response.vary


def test_speech_problems_of_an_allowed_origin_are_readable(client):
    response = speak(client, PORTAL, {"blocks": []})
    assert response.status_code == 422
    assert response.headers["Access-Control-Allow-Origin"] == PORTAL and exposed(response) == {"Retry-After"}
    assert "Origin" in response.vary


def test_speech_refuses_other_origins_without_cors_headers(client):
    response = speak(client, STRANGER)
    assert response.status_code == 403 and response.mimetype == "application/problem+json"
    assert "Access-Control-Allow-Origin" not in response.headers
    assert "Access-Control-Expose-Headers" not in response.headers
    assert "Origin" in response.vary


def test_speech_without_origin_is_a_program_and_gets_no_cors_headers(client):
    response = speak(client, None)
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response.headers and "Origin" in response.vary


def test_the_servers_own_origin_may_always_ask_for_speech(client):
    response = speak(client, "http://localhost")
    assert response.status_code == 200 and response.headers["Access-Control-Allow-Origin"] == "http://localhost"


def test_speech_preflight_answers_allowed_origins_only(client):
    request = {"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"}
    preflight = client.options("/api/v1/speech", headers={"Origin": PORTAL, **request})
    assert preflight.status_code == 204
    assert preflight.headers.getlist("Access-Control-Allow-Origin") == [PORTAL]
    assert preflight.headers["Access-Control-Allow-Methods"] == "POST, OPTIONS"
    assert preflight.headers["Access-Control-Allow-Headers"] == "Content-Type"
    assert preflight.headers["Access-Control-Max-Age"] == "600"
    assert "Origin" in preflight.vary
    refused = client.options("/api/v1/speech", headers={"Origin": STRANGER, **request})
    assert refused.status_code == 403 and "Access-Control-Allow-Origin" not in refused.headers
    assert "Access-Control-Allow-Methods" not in refused.headers and "Origin" in refused.vary


def test_any_origin_setting_allows_every_page(make_app):
    client = make_app(ALLOWED_ORIGINS="*").test_client()
    assert speak(client, STRANGER).headers["Access-Control-Allow-Origin"] == STRANGER


def test_events_are_open_to_any_page_with_their_own_preflight(client):
    preflight = client.options("/api/v1/events", headers={"Origin": STRANGER,
                                                          "Access-Control-Request-Method": "POST",
                                                          "Access-Control-Request-Headers": "content-type"})
    assert preflight.status_code == 204 and preflight.headers["Access-Control-Allow-Origin"] == "*"
    assert preflight.headers["Access-Control-Allow-Methods"] == "POST, OPTIONS"
    assert preflight.headers["Access-Control-Allow-Headers"] == "Content-Type"
    assert preflight.headers["Access-Control-Max-Age"] == "600"
    assert "Origin" not in preflight.vary
    sent = client.post("/api/v1/events", json={"event": "listen_start"}, headers={"Origin": STRANGER})
    assert sent.status_code == 204 and sent.headers.getlist("Access-Control-Allow-Origin") == ["*"]
    assert "Origin" not in sent.vary


def test_an_invalid_event_is_readable_by_the_page_that_sent_it(client):
    response = client.post("/api/v1/events", json={"event": "nonsense"}, headers={"Origin": STRANGER})
    assert response.status_code == 422 and response.headers["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize("path", ["/api/v1/articles", f"/api/v1/articles/{DAK_SONG}",
                                  f"/api/v1/articles/{DAK_SONG}/speech", "/api/v1/openapi.json",
                                  "/api/v1/articles/no-such-article", "/api/v1/no-such-thing"])
def test_reads_of_the_api_are_open_to_any_origin(client, path):
    for method in (client.get, client.head):
        response = method(path, headers={"Origin": STRANGER})
        assert response.headers.getlist("Access-Control-Allow-Origin") == ["*"], (method, path)
        assert "Origin" not in response.vary and "Access-Control-Expose-Headers" not in response.headers


def test_pages_are_not_open_to_other_origins(client):
    for path in ("/", f"/articles/{DAK_SONG}", "/embed", "/healthz"):
        assert "Access-Control-Allow-Origin" not in client.get(path, headers={"Origin": STRANGER}).headers, path


def test_audio_is_open_and_exposes_its_headers_errors_included(client):
    response = client.get("/audio/" + "0" * 32 + ".mp3", headers={"Origin": STRANGER})
    assert response.status_code == 404
    assert response.headers.getlist("Access-Control-Allow-Origin") == ["*"]
    assert exposed(response) == AUDIO_EXPOSED
    assert response.headers["Cross-Origin-Resource-Policy"] == "cross-origin"
    missing = client.get("/api/v1/articles/no-such-article/audio.mp3", headers={"Origin": STRANGER})
    assert missing.status_code == 404 and exposed(missing) == AUDIO_EXPOSED
    assert missing.headers.getlist("Access-Control-Allow-Origin") == ["*"]
    assert missing.headers["Cross-Origin-Resource-Policy"] == "cross-origin"


def test_the_loader_and_the_bundles_it_names_load_on_any_page(client):
    loader = client.get("/widget.js", headers={"Origin": STRANGER})
    assert loader.status_code == 200, "build the widget first: flask --app server widget build"
    assert loader.headers.getlist("Access-Control-Allow-Origin") == ["*"]
    assert loader.headers["Cross-Origin-Resource-Policy"] == "cross-origin"
    again = client.get("/widget.js", headers={"If-None-Match": loader.headers["ETag"]})
    assert again.status_code == 304 and again.headers["Access-Control-Allow-Origin"] == "*"
    bundle = client.get(re.search(r"""["'](/static/gen/trodoc-[0-9a-f]+\.js)["']""", loader.get_data(as_text=True))[1])
    assert bundle.status_code == 200 and bundle.headers["Access-Control-Allow-Origin"] == "*"
    assert bundle.headers["Cross-Origin-Resource-Policy"] == "cross-origin"
    other = client.get("/static/gen/manifest.json")
    assert "Access-Control-Allow-Origin" not in other.headers

