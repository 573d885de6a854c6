"""The article API: reading, writing with a token, and every error shape."""
from __future__ import annotations

import pytest

from server.articles.samples import sample_articles

DAK_SONG = "dak-song-kiem-tra-cai-cach-hanh-chinh-2023"
ARTICLE = {
    "slug": "le-ra-quan-chuyen-doi-so",
    "title": "Lễ ra quân Tháng cao điểm chuyển đổi số",
    "lead": "Sáng 5/10, huyện tổ chức lễ ra quân.",
    "body": "<p>Đoàn viên thanh niên hướng dẫn người dân cài đặt VNeID.</p>",
    "published": "2023-10-05",
}


def assert_problem(response, status: int) -> dict:
    assert response.status_code == status
    assert response.mimetype == "application/problem+json"
    body = response.get_json(force=True)
    assert body["status"] == status
    assert body["type"] and body["title"] and body["detail"]
    return body


def test_list_is_paginated_newest_first(client):
    first = client.get("/api/v1/articles?per_page=2").get_json()
    assert first["total"] == len(sample_articles()) and first["pages"] == 2
    assert len(first["items"]) == 2 and "body" not in first["items"][0]
    dates = [item["published"] for item in first["items"]]
    assert dates == sorted(dates, reverse=True)
    second = client.get(first["links"]["next"]).get_json()
    assert {i["slug"] for i in first["items"]}.isdisjoint(i["slug"] for i in second["items"])
    assert "prev" in second["links"]


@pytest.mark.parametrize("query", ["page=0", "page=x", "per_page=1000", "per_page=-1"])
def test_bad_pagination_is_400(client, query):
    body = assert_problem(client.get(f"/api/v1/articles?{query}"), 400)
    assert body["parameter"] in query


def test_show_returns_vietnamese_text(client):
    response = client.get(f"/api/v1/articles/{DAK_SONG}")
    article = response.get_json()
    assert article["title"].startswith("HỘI NGHỊ CÔNG BỐ DỰ THẢO")
    assert article["author"] == "Lê Xuân"
    assert "<figcaption>Quang cảnh buổi kiểm tra.</figcaption>" in article["body"]
    assert "Đoàn kiểm tra số 346" in article["lead"]
    assert "A- A A+" not in article["body"] + article["lead"]
    assert "Đăk Song".encode() in response.data  # UTF-8, not \u escapes


def test_unknown_slug_is_404_problem(client):
    assert "khong-co" in assert_problem(client.get("/api/v1/articles/khong-co"), 404)["detail"]


def test_create_read_replace_delete(client, auth):
    created = client.post("/api/v1/articles", json=ARTICLE, headers=auth)
    assert created.status_code == 201
    assert created.headers["Location"].endswith(f"/api/v1/articles/{ARTICLE['slug']}")
    assert client.get(f"/api/v1/articles/{ARTICLE['slug']}").get_json()["lead"] == ARTICLE["lead"]

    assert_problem(client.post("/api/v1/articles", json=ARTICLE, headers=auth), 409)

    replaced = client.put(f"/api/v1/articles/{ARTICLE['slug']}", json={**ARTICLE, "title": "Tiêu đề mới"},
                          headers=auth)
    assert replaced.status_code == 200 and replaced.get_json()["title"] == "Tiêu đề mới"

    assert client.delete(f"/api/v1/articles/{ARTICLE['slug']}", headers=auth).status_code == 204
    assert_problem(client.get(f"/api/v1/articles/{ARTICLE['slug']}"), 404)
    assert_problem(client.delete(f"/api/v1/articles/{ARTICLE['slug']}", headers=auth), 404)


def test_put_creates_at_new_slug(client, auth):
    response = client.put("/api/v1/articles/bai-moi", json={k: v for k, v in ARTICLE.items() if k != "slug"},
                          headers=auth)
    assert response.status_code == 201 and response.get_json()["slug"] == "bai-moi"


def test_slug_is_derived_from_vietnamese_title(client, auth):
    data = {"title": "Đường giao thông nông thôn ở xã Đắk Môl", "body": "<p>Nội dung.</p>"}
    assert client.post("/api/v1/articles", json=data, headers=auth).get_json()["slug"] == \
        "duong-giao-thong-nong-thon-o-xa-dak-mol"


@pytest.mark.parametrize("headers, error", [
    ({}, None),
    ({"Authorization": "Basic dXNlcjpwYXNz"}, None),
    ({"Authorization": "Bearer wrong"}, "invalid_token"),
    ({"Authorization": "Bearer "}, None),
])
def test_writes_need_the_token(client, headers, error):
    for method, url in (("POST", "/api/v1/articles"), ("PUT", f"/api/v1/articles/{DAK_SONG}"),
                        ("DELETE", f"/api/v1/articles/{DAK_SONG}")):
        response = client.open(url, method=method, json=ARTICLE, headers=headers)
        assert_problem(response, 401)
        challenge = response.headers["WWW-Authenticate"]
        assert challenge.startswith("Bearer")
        assert (error in challenge) if error else ("error=" not in challenge)
    assert client.get(f"/api/v1/articles/{DAK_SONG}").status_code == 200


def test_writes_refused_without_configured_token(make_app):
    client = make_app(API_TOKEN="").test_client()
    response = client.post("/api/v1/articles", json=ARTICLE, headers={"Authorization": "Bearer "})
    assert "TRODOC_API_TOKEN" in assert_problem(response, 403)["detail"]


@pytest.mark.parametrize("data, reason", [
    (b"{bad json", "Malformed JSON"),
    (b'{"title": "x",}', "Malformed JSON"),
    (b"\xff\xfe{}", "UTF-8"),
    (b"[" * 100_000 + b"]" * 100_000, "Malformed JSON"),
])
def test_malformed_body_is_400_with_reason(client, auth, data, reason):
    response = client.post("/api/v1/articles", data=data, content_type="application/json", headers=auth)
    assert reason in assert_problem(response, 400)["detail"]


def test_wrong_content_type_is_415(client, auth):
    assert_problem(client.post("/api/v1/articles", data="title=x", headers=auth,
                               content_type="application/x-www-form-urlencoded"), 415)


def test_oversized_body_is_413(client, auth):
    body = b'{"title": "x", "body": "' + b"a" * (2 * 1024 * 1024) + b'"}'
    assert_problem(client.post("/api/v1/articles", data=body, content_type="application/json", headers=auth), 413)


@pytest.mark.parametrize("change, field", [
    ({"title": ""}, "title"),
    ({"title": 5}, "title"),
    ({"body": None}, "body"),
    ({"body": "<script>alert(1)</script>"}, "body"),
    ({"published": "28/9/2023"}, "published"),
    ({"published": 20230928}, "published"),
    ({"source_url": "javascript:alert(1)"}, "source_url"),
    ({"lang": "fr"}, "lang"),
    ({"slug": "Có Dấu"}, "slug"),
    ({"slug": "a" * 200}, "slug"),
    ({"colour": "red"}, "colour"),
    ({"title": "x" * 501}, "title"),
])
def test_invalid_article_is_422_naming_the_field(client, auth, change, field):
    response = client.post("/api/v1/articles", json={**ARTICLE, **change}, headers=auth)
    body = assert_problem(response, 422)
    assert body["field"] == field and field in body["detail"]
    assert client.get("/api/v1/articles?per_page=100").get_json()["total"] == len(sample_articles())


def test_non_object_is_422(client, auth):
    assert_problem(client.post("/api/v1/articles", json=["a"], headers=auth), 422)


def test_put_slug_mismatch_is_422(client, auth):
    body = assert_problem(client.put("/api/v1/articles/mot", json={**ARTICLE, "slug": "hai"}, headers=auth), 422)
    assert body["field"] == "slug"


def test_html_is_sanitized_when_stored_and_rendered(client, auth):
    hostile = ('<p onclick="steal()">Xin chào<script>alert("x")</script></p>'
               '<img src="/static/portal/photo.svg" onerror="alert(1)" alt="Ảnh">'
               '<a href="javascript:alert(1)">bấm</a><a href="https://dichvucong.gov.vn">DVC</a>'
               '<style>body{display:none}</style><iframe src="https://evil.example"></iframe>')
    stored = client.post("/api/v1/articles", json={**ARTICLE, "body": hostile}, headers=auth).get_json()["body"]
    page = client.get(f"/articles/{ARTICLE['slug']}").get_data(as_text=True)
    page = page[page.index('<article id="content"'):page.index("</article>")]
    for text in (stored, page):
        for bad in ("<script", "alert(", "onclick", "onerror", "javascript:", "<iframe", "display:none"):
            assert bad not in text
    assert "Xin chào" in stored and 'href="https://dichvucong.gov.vn"' in stored and 'alt="Ảnh"' in stored
