"""Who may ask for speech: allowed origins, CORS preflight, public playlists and audio, and ``Vary``."""
from __future__ import annotations

import pytest

BODY = {"lang": "vi", "blocks": ["Xin chào các bạn."]}
PORTAL = "https://cong-thong-tin.gov.vn"


@pytest.fixture
def client(make_app):
    return make_app(ALLOWED_ORIGINS=f"{PORTAL}, https://so-y-te.gov.vn", LOAD_SAMPLES=False,
                    TTS_ENGINES="gtts", RATELIMIT_ENABLED=False).test_client()


def is_problem(response, status):
    return (response.status_code == status and response.mimetype == "application/problem+json"
            and response.get_json()["status"] == status)


def test_allowed_origin_gets_its_origin_back(client):
    response = client.post("/api/v1/speech", json=BODY, headers={"Origin": PORTAL})
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == PORTAL
    assert "Origin" in response.vary


def test_other_origin_is_refused_and_nothing_stored(client):
    response = client.post("/api/v1/speech", json=BODY, headers={"Origin": "https://evil.example"})
    assert is_problem(response, 403)
    assert response.headers.get("Access-Control-Allow-Origin") in (None, "*")  # never the caller's origin
    assert "evil.example" in response.get_json()["detail"]


def test_own_origin_and_programs_without_origin_are_allowed(client):
    assert client.post("/api/v1/speech", json=BODY, headers={"Origin": "http://localhost"}).status_code == 200
    assert client.post("/api/v1/speech", json=BODY).status_code == 200


def test_preflight_allowed_and_refused(client):
    headers = {"Origin": PORTAL, "Access-Control-Request-Method": "POST",
               "Access-Control-Request-Headers": "content-type"}
    response = client.options("/api/v1/speech", headers=headers)
    assert response.status_code == 204
    assert response.headers["Access-Control-Allow-Origin"] == PORTAL
    assert "POST" in response.headers["Access-Control-Allow-Methods"]
    assert "content-type" in response.headers["Access-Control-Allow-Headers"].lower()
    assert "Origin" in response.vary
    refused = client.options("/api/v1/speech", headers={**headers, "Origin": "https://evil.example"})
    assert is_problem(refused, 403)
    assert "Access-Control-Allow-Origin" not in refused.headers


def test_any_origin_with_star(make_app):
    client = make_app(ALLOWED_ORIGINS="*", LOAD_SAMPLES=False, RATELIMIT_ENABLED=False).test_client()
    for origin in ("https://a.example", "https://b.example"):
        response = client.post("/api/v1/speech", json=BODY, headers={"Origin": origin})
        assert response.status_code == 200
        assert response.headers["Access-Control-Allow-Origin"] == origin  # reflected, so Vary must say so
        assert "Origin" in response.vary
        preflight = client.options("/api/v1/speech", headers={"Origin": origin,
                                                              "Access-Control-Request-Method": "POST"})
        assert preflight.status_code == 204 and preflight.headers["Access-Control-Allow-Origin"] == origin


def test_portal_playlists_and_audio_are_public(make_app):
    app = make_app(ALLOWED_ORIGINS=PORTAL, TTS_ENGINES="gtts", RATELIMIT_ENABLED=False)
    client = app.test_client()
    slug = client.get("/api/v1/articles").get_json()["items"][0]["slug"]
    for origin in (None, "https://anyone.example"):
        headers = {"Origin": origin} if origin else {}
        playlist = client.get(f"/api/v1/articles/{slug}/speech", headers=headers)
        assert playlist.status_code == 200 and playlist.headers["Access-Control-Allow-Origin"] == "*"
        assert "Origin" not in playlist.vary  # the same answer for every origin: cacheable once
        article = client.get(f"/api/v1/articles/{slug}", headers=headers)
        assert article.status_code == 200 and article.headers["Access-Control-Allow-Origin"] == "*"
    segment = playlist.get_json()["segments"][0]
    missing = client.get("/audio/" + "0" * 32 + ".mp3", headers={"Origin": "https://anyone.example"})
    assert missing.status_code == 404 and missing.headers["Access-Control-Allow-Origin"] == "*"
    assert segment["audio"].startswith("/audio/")


def test_widget_loader_vary(make_app):
    client = make_app(LOAD_SAMPLES=False).test_client()
    response = client.get("/widget.js", headers={"Origin": "https://anyone.example"})
    if response.status_code == 503:
        pytest.fail("the widget is not built: run `flask --app server widget build`")
    assert response.headers["Access-Control-Allow-Origin"] == "*" and "Origin" not in response.vary
    assert "Accept-Encoding" not in response.vary  # compression (and its Vary) is nginx's job
    page = client.get("/")
    assert "Accept" in page.vary  # HTML or problem+json by Accept


def test_errors_to_an_allowed_origin_are_readable(make_app):
    client = make_app(ALLOWED_ORIGINS=PORTAL, RATELIMIT_PER_ORIGIN="1 per minute", LOAD_SAMPLES=False).test_client()
    invalid = client.post("/api/v1/speech", json={"lang": "xx", "blocks": ["a"]}, headers={"Origin": PORTAL})
    assert is_problem(invalid, 422)
    assert invalid.headers["Access-Control-Allow-Origin"] == PORTAL and "Origin" in invalid.vary
    assert client.post("/api/v1/speech", json=BODY, headers={"Origin": PORTAL}).status_code in (200, 429)
    limited = client.post("/api/v1/speech", json=BODY, headers={"Origin": PORTAL})
    assert is_problem(limited, 429)
    # The widget can read the problem and when to try again.
    assert limited.headers["Access-Control-Allow-Origin"] == PORTAL and "Origin" in limited.vary
    assert "Retry-After" in limited.headers["Access-Control-Expose-Headers"]
    refused = client.post("/api/v1/speech", json=BODY, headers={"Origin": "https://evil.example"})
    assert refused.status_code in (403, 429) and "Access-Control-Allow-Origin" not in refused.headers
    assert "Origin" in refused.vary
