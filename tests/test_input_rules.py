"""The input rules of server/input_rules.py and web/query.py hold on every route that takes such input, and the
OpenAPI document states the bounds the routes enforce."""
from __future__ import annotations

import pytest

from server.input_rules import CONTROL_CHARACTER, CONTROL_IN_TEXT, LANGS

ORIGIN = "https://daksong.daknong.gov.vn"
# One of each kind: C0 (NUL, ESC, U+001F), DEL, C1 (U+0085, U+009F).
CONTROLS = ["\x00", "\x1b", "\x1f", "\x7f", "\x85", "\x9f"]
TEXT_SPACING = ["\t", "\n", "\x0b", "\x0c", "\r"]


def test_the_rule_in_one_line_values_and_in_text():
    for character in CONTROLS:
        assert CONTROL_CHARACTER.search(character) and CONTROL_IN_TEXT.search(character), repr(character)
    for character in TEXT_SPACING:
        assert CONTROL_CHARACTER.search(character) and not CONTROL_IN_TEXT.search(character), repr(character)
    for text in ("Đăk Song", " ", "\u00a0", "\u200b", "\u202e", "\ufeff", "🙂"):
        assert not CONTROL_CHARACTER.search(text), repr(text)


@pytest.fixture
def client(make_app):
    return make_app(ALLOWED_ORIGINS=ORIGIN, RATELIMIT_ENABLED=False).test_client()


@pytest.mark.parametrize("character", CONTROLS)
def test_control_characters_are_refused_by_every_route(client, auth, character):
    speech = client.post("/api/v1/speech", json={"blocks": [f"Xin{character} chào."]})
    assert speech.status_code == 422 and speech.get_json()["field"] == "blocks"
    event = client.post("/api/v1/events", json={"event": "listen_start", "article": f"bai{character}a"},
                        headers={"Origin": ORIGIN})
    assert event.status_code == 422 and event.get_json()["field"] == "article"
    preview = client.get("/embed/preview", query_string={"target": f"#con{character}tent"})
    assert preview.status_code == 400 and preview.get_json()["field"] == "target"
    # Stored text is cleaned rather than refused: imported articles often carry stray controls.
    article = client.put("/api/v1/articles/kiem-tra", headers=auth,
                         json={"title": f"Kiểm{character} tra", "body": "<p>Nội dung.</p>"})
    assert article.status_code == 201 and article.get_json()["title"] == "Kiểm tra"


def test_text_keeps_its_whitespace_controls(client, auth):
    speech = client.post("/api/v1/speech", json={"blocks": ["Xin\tchào\r\ncác\x0bbạn\x0c."]})
    assert speech.status_code == 200
    event = client.post("/api/v1/events", json={"event": "listen_start", "article": "bai\ta"},
                        headers={"Origin": ORIGIN})
    assert event.status_code == 422


def test_languages_are_the_same_everywhere(client, auth):
    spec = client.get("/api/v1/openapi.json").get_json()
    schemas = spec["components"]["schemas"]
    assert schemas["SpeechRequest"]["properties"]["lang"]["enum"] == list(LANGS)
    assert schemas["ArticleInput"]["properties"]["lang"]["enum"] == list(LANGS)
    for lang in LANGS:
        assert client.post("/api/v1/speech", json={"lang": lang, "blocks": ["Xin chào."]}).status_code == 200
        assert client.get("/embed/preview", query_string={"lang": lang}).status_code == 200
    assert client.post("/api/v1/speech", json={"lang": "fr", "blocks": ["Bonjour."]}).status_code == 422
    assert client.get("/embed/preview?lang=fr").status_code == 400
    stored = client.put("/api/v1/articles/bonjour", headers=auth, json={"title": "Bonjour", "body": "<p>x</p>",
                                                                        "lang": "fr"})
    assert stored.status_code == 422 and stored.get_json()["field"] == "lang"


def test_query_integers_are_enforced_as_documented(client, auth):
    spec = client.get("/api/v1/openapi.json").get_json()
    checked = 0
    for path, item in spec["paths"].items():
        for parameter in item.get("get", {}).get("parameters", []):
            if parameter["in"] != "query":
                continue
            name, schema = parameter["name"], parameter["schema"]
            assert schema["type"] == "integer"
            for value, status in ((schema["minimum"], 200), (schema["maximum"], 200), ("", 200),
                                  (schema["minimum"] - 1, 400), (schema["maximum"] + 1, 400), ("2x", 400)):
                response = client.get(path, query_string={name: value}, headers=auth)
                assert response.status_code == status, (path, name, value)
                if status == 400:
                    assert response.get_json()["parameter"] == name
                    assert f"from {schema['minimum']} to {schema['maximum']}" in response.get_json()["detail"]
            checked += 1
    assert checked == 3  # page, per_page, days
