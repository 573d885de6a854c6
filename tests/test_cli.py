"""The ``flask articles`` and ``flask db`` commands, through Flask's CLI runner on a real database."""
from __future__ import annotations

import json

from server.articles.samples import sample_articles

HTML_PAGE = """<!doctype html><html><head><title>Trang</title>
<meta name="description" content="Tóm tắt bài viết."></head><body><nav>Menu</nav>
<article><h1>Thông báo tuyển dụng viên chức năm 2023</h1><time datetime="2023-11-02">02/11/2023</time>
<p>UBND huyện thông báo tuyển dụng.<script>alert(1)</script></p>
<p><a href="javascript:alert(1)" onclick="x()">Chi tiết</a></p></article></body></html>"""


def run(app, *args):
    return app.test_cli_runner().invoke(args=list(args))


def test_import_html_and_json_is_idempotent(app, tmp_path):
    page = tmp_path / "tuyen-dung-2023.html"
    page.write_text(HTML_PAGE, encoding="utf-8")
    records = tmp_path / "bai.json"
    records.write_text(json.dumps([{"slug": "bai-mot", "title": "Bài một", "body": "<p>Một.</p>"},
                                   {"slug": "bai-hai", "title": "Bài hai", "body": "<p>Hai.</p>"}]),
                       encoding="utf-8")
    first = run(app, "articles", "import", str(page), str(records))
    assert first.exit_code == 0, first.output
    assert "created: tuyen-dung-2023" in first.output and "created: bai-hai" in first.output
    again = run(app, "articles", "import", str(page), str(records))
    assert again.exit_code == 0 and "updated: tuyen-dung-2023" in again.output and "created" not in again.output

    client = app.test_client()
    assert client.get("/api/v1/articles").get_json()["total"] == len(sample_articles()) + 3
    article = client.get("/api/v1/articles/tuyen-dung-2023").get_json()
    assert article["title"] == "Thông báo tuyển dụng viên chức năm 2023"
    assert article["lead"] == "Tóm tắt bài viết." and article["published"] == "2023-11-02"
    for bad in ("<script", "alert", "onclick", "javascript:", "Menu", "<h1"):
        assert bad not in article["body"]
    assert "UBND huyện thông báo tuyển dụng." in article["body"]


def test_import_reads_a_stray_marked_section_as_browsers_do(app, tmp_path):
    # Pages saved from word processors carry "<![…]>" markup the standard parser rejects.
    page = tmp_path / "ban-tin.html"
    page.write_text("<html><body><article><h1>Bản tin</h1><p>Một <![0 ghi chú> hai.</p>"
                    "<p><![if !supportLists]>1. <![endif]>Mục</p></article></body></html>", encoding="utf-8")
    result = run(app, "articles", "import", str(page))
    assert result.exit_code == 0, result.output
    body = app.test_client().get("/api/v1/articles/ban-tin").get_json()["body"]
    assert "Một  hai." in body and "1. Mục" in body and "<![" not in body


def test_import_reports_bad_files_and_exits_nonzero(app, tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    invalid = tmp_path / "invalid.json"
    invalid.write_text(json.dumps({"title": "", "body": "<p>x</p>"}), encoding="utf-8")
    other = tmp_path / "notes.txt"
    other.write_text("x", encoding="utf-8")
    result = run(app, "articles", "import", str(broken), str(invalid), str(other))
    assert result.exit_code == 1
    assert "invalid JSON" in result.output and "field 'title' is required" in result.output
    assert "only .json and .html" in result.output


def test_list_and_export_round_trip(app, make_app, tmp_path):
    listing = run(app, "articles", "list")
    assert "dak-song-kiem-tra-cai-cach-hanh-chinh-2023\t2023-09-28\tHỘI NGHỊ" in listing.output
    out = tmp_path / "export.json"
    assert run(app, "articles", "export", "-o", str(out)).exit_code == 0
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert len(exported) == len(sample_articles())

    empty = make_app(DATABASE_URL=f"sqlite:///{tmp_path / 'other.db'}", LOAD_SAMPLES=False)
    assert run(empty, "articles", "import", str(out)).exit_code == 0
    assert json.loads(run(empty, "articles", "export").output) == exported


def test_db_init_keeps_data_and_loads_samples_once(make_app, tmp_path):
    app = make_app(LOAD_SAMPLES=False)
    first = run(app, "db", "init")
    assert f"{len(sample_articles())} sample article(s) loaded" in first.output
    assert "0 sample article(s) loaded" in run(app, "db", "init").output
