"""The demo portal pages and the health check."""
from __future__ import annotations

from server.articles.samples import sample_articles

DAK_SONG = "dak-song-kiem-tra-cai-cach-hanh-chinh-2023"


def test_home_lists_every_article(client):
    page = client.get("/").get_data(as_text=True)
    for record in sample_articles():
        assert f'href="/articles/{record["slug"]}"' in page
    assert "Tin tức – Sự kiện" in page


def test_article_page_has_the_article_and_the_one_embed_tag(client):
    response = client.get(f"/articles/{DAK_SONG}")
    assert response.status_code == 200 and response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    assert '<html lang="vi">' in page
    assert '<article id="content"' in page
    assert "HỘI NGHỊ CÔNG BỐ DỰ THẢO KẾT QUẢ KIỂM TRA" in page
    assert '<time datetime="2023-09-28">28/09/2023</time>' in page
    assert page.count("<figcaption>") == 4
    assert "Đồng chí, Phó Chủ tịch UBND huyện, Võ Quốc Tuấn phát biểu tại hội nghị" in page
    assert page.count("widget.js") == 1 and 'data-target="#content"' in page
    assert "A- A A+" not in page  # the portal's own toolbar line is not article text


def test_unknown_article_page_is_html_for_browsers_and_problem_for_programs(client):
    browser = client.get("/articles/khong-co", headers={"Accept": "text/html,*/*;q=0.8"})
    assert browser.status_code == 404 and browser.mimetype == "text/html"
    assert "Về trang chủ" in browser.get_data(as_text=True)
    program = client.get("/articles/khong-co", headers={"Accept": "application/json"})
    assert program.status_code == 404 and program.mimetype == "application/problem+json"


def test_unknown_url_is_problem(client):
    response = client.get("/khong/co/trang/nay")
    assert response.status_code == 404 and response.mimetype == "application/problem+json"


def test_wrong_method_is_405_problem(client):
    response = client.patch("/api/v1/articles")
    assert response.status_code == 405 and response.mimetype == "application/problem+json"
    assert "GET" in response.headers["Allow"]


def test_pages_send_a_strict_policy_and_hardening_headers(client):
    headers = client.get(f"/articles/{DAK_SONG}").headers
    csp = headers["Content-Security-Policy"]
    assert "script-src 'self';" in csp and "'unsafe-inline'" not in csp and "object-src 'none'" in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "microphone=()" in headers["Permissions-Policy"]
    assert "Accept" in headers["Vary"]


def test_pages_have_no_inline_script_or_style(client):
    page = client.get(f"/articles/{DAK_SONG}").get_data(as_text=True)
    assert "<style" not in page and " style=" not in page and " on" + "click" not in page
    for tag in page.split("<script")[1:]:
        assert " src=" in tag.split(">")[0]


def test_public_reads_allow_any_origin(client):
    response = client.get("/api/v1/articles", headers={"Origin": "https://baodaknong.vn"})
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
