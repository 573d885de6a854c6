"""Playlists over HTTP: the article's and the host page's, in the documented shape (docs/)."""
from __future__ import annotations

import pytest
import sqlalchemy as sa

from server.db import db

DAK_SONG = "dak-song-kiem-tra-cai-cach-hanh-chinh-2023"
KEYS = ["id", "block", "start", "end", "text", "spoken", "audio", "engine", "rank"]


def registered(app) -> int:
    with app.app_context():
        return db.session.scalar(sa.text("SELECT count(*) FROM speech_segments"))


def test_article_playlist_reads_title_lead_then_body(client):
    playlist = client.get(f"/api/v1/articles/{DAK_SONG}/speech").get_json()
    assert playlist["lang"] == "vi"
    blocks, segments = playlist["blocks"], playlist["segments"]
    assert blocks[0].startswith("HỘI NGHỊ CÔNG BỐ") and blocks[1].startswith("Ngày 28/9 Đoàn kiểm tra")
    assert "Quang cảnh buổi kiểm tra." in blocks and blocks[-1].startswith("Trên cơ sở kết luận")
    assert len(segments) > 30
    for segment in segments:
        assert list(segment) == KEYS
        assert blocks[segment["block"]][segment["start"]:segment["end"]] == segment["text"]
        assert len(segment["spoken"]) <= 100
        assert segment["audio"] == f"/audio/{segment['id']}.mp3"
    spoken = " ".join(s["spoken"] for s in segments)
    assert "Ủy ban nhân dân tỉnh Đăk Nông" in spoken and "ngày hai mươi tám tháng chín" in spoken.lower()
    assert "UBND" not in spoken and "CCHC" not in spoken


def test_article_playlist_registers_each_segment_once(app, client):
    first = client.get(f"/api/v1/articles/{DAK_SONG}/speech").get_json()
    count = registered(app)
    assert count == len({s["id"] for s in first["segments"]})
    assert client.get(f"/api/v1/articles/{DAK_SONG}/speech").get_json() == first
    assert registered(app) == count


def test_playlist_of_unknown_article_is_404(client):
    response = client.get("/api/v1/articles/khong-co/speech")
    assert response.status_code == 404 and response.mimetype == "application/problem+json"


def test_posted_blocks_keep_their_offsets(client):
    blocks = ["  Ngày 28/9/2023, UBND TP.HCM chi 1.500.000đ.  Hội nghị kết thúc lúc 11h30. ",
              "Liên hệ: 0261 3544 123."]
    playlist = client.post("/api/v1/speech", json={"lang": "vi", "blocks": blocks}).get_json()
    assert playlist["blocks"] == blocks
    texts = [s["text"] for s in playlist["segments"]]
    assert "UBND TP.HCM chi 1.500.000đ." in texts and "Hội nghị kết thúc lúc 11h30." in texts
    for segment in playlist["segments"]:
        assert blocks[segment["block"]][segment["start"]:segment["end"]] == segment["text"]
    spoken = " ".join(s["spoken"] for s in playlist["segments"])
    assert "một triệu năm trăm nghìn đồng" in spoken and "Thành phố Hồ Chí Minh" in spoken


def test_english_text_is_segmented_without_vietnamese_rules(client):
    playlist = client.post("/api/v1/speech", json={"lang": "en", "blocks": ["It costs 15%. Really?"]}).get_json()
    assert [s["text"] for s in playlist["segments"]] == ["It costs 15%.", "Really?"]
    assert playlist["lang"] == "en"


@pytest.mark.parametrize("body, field", [
    (["x"], "(body)"),
    ({"blocks": []}, "blocks"),
    ({"blocks": "văn bản"}, "blocks"),
    ({"blocks": ["a", 3]}, "blocks"),
    ({"lang": "fr", "blocks": ["a"]}, "lang"),
    ({"blocks": ["a"], "voice": "male"}, "voice"),
])
def test_invalid_speech_requests_are_422(app, client, body, field):
    before = registered(app)
    response = client.post("/api/v1/speech", json=body)
    assert response.status_code == 422 and response.get_json()["field"] == field
    assert registered(app) == before


def test_too_much_text_is_413_and_nothing_registered(make_app):
    app = make_app(SPEECH_MAX_CHARS=1000, SPEECH_MAX_SEGMENTS=5)
    client = app.test_client()
    before = registered(app)
    long = client.post("/api/v1/speech", json={"blocks": ["Câu văn. " * 200]})
    assert long.status_code == 413 and "1000" in long.get_json()["detail"]
    many = client.post("/api/v1/speech", json={"blocks": ["Một. Hai. Ba. Bốn. Năm. Sáu. Bảy."]})
    assert many.status_code == 413 and "at most 5" in many.get_json()["detail"]
    assert registered(app) == before


def test_operator_abbreviations_extend_the_dictionary(make_app, tmp_path):
    extra = tmp_path / "viet-tat.tsv"
    extra.write_text("# tên riêng của huyện\nTTHCC\tTrung tâm Hành chính công\n", encoding="utf-8")
    client = make_app(ABBREVIATIONS=str(extra)).test_client()
    playlist = client.post("/api/v1/speech", json={"blocks": ["Nộp hồ sơ tại TTHCC huyện."]}).get_json()
    assert playlist["segments"][0]["spoken"] == "Nộp hồ sơ tại Trung tâm Hành chính công huyện."
