"""The bundled samples: parsed correctly, loaded on first start, and only once."""
from __future__ import annotations

from server.articles.samples import parse_portal_text, sample_articles


def test_portal_text_is_split_into_title_lead_captions_and_byline():
    text = ("A- A A+ | Tăng tương phản Giảm tương phản\n\nTIÊU ĐỀ BÀI VIẾT.\n\nĐoạn mở đầu.\n\n \u00a0\u00a0  \n"
            "      Chú thích ảnh.\n\n      " + "Đoạn thân bài rất dài. " * 10 + "\n\n\u00a0\u00a0 Người viết.")
    record = parse_portal_text(text, slug="bai", published="2023-09-28")
    assert record["title"] == "TIÊU ĐỀ BÀI VIẾT"
    assert record["lead"] == "Đoạn mở đầu."
    assert record["author"] == "Người viết"
    assert "<figcaption>Chú thích ảnh.</figcaption>" in record["body"]
    assert record["body"].count("<p>") == 1 and "Tăng tương phản" not in record["body"]


def test_samples_cover_the_required_kinds():
    records = sample_articles()
    assert len(records) >= 4
    bodies = " ".join(r["body"] + r["lead"] for r in records)
    assert "<ul>" in bodies and "<h2>" in bodies
    for needle in ("UBND", "HĐND", "TTHC", "CCHC", "TP.HCM", "đồng", "%", "28/9"):
        assert needle in bodies


def test_samples_load_once_across_restarts(make_app):
    first = make_app()
    count = first.test_client().get("/api/v1/articles").get_json()["total"]
    assert count == len(sample_articles())
    again = make_app()  # same database file: a restart
    assert again.test_client().get("/api/v1/articles").get_json()["total"] == count


def test_deleted_samples_stay_deleted_while_other_articles_exist(make_app, auth):
    app = make_app()
    client = app.test_client()
    client.delete("/api/v1/articles/dak-song-kiem-tra-cai-cach-hanh-chinh-2023", headers=auth)
    make_app()
    assert client.get("/api/v1/articles/dak-song-kiem-tra-cai-cach-hanh-chinh-2023").status_code == 404
