"""GET /embed (the operators' page) and GET /embed/preview (the sample article with a chosen tag)."""
from __future__ import annotations

import html
import json
import re
import subprocess

import pytest

from server.input_rules import LANGS
from server.web import embed

DAK_SONG = "dak-song-kiem-tra-cai-cach-hanh-chinh-2023"


def code(page: str, element_id: str) -> str:
    """The text a reader sees in ``<code id=…>`` (markup removed, references resolved)."""
    match = re.search(rf'<code id="{element_id}">(.*?)</code>', page, re.S)
    assert match, element_id
    return html.unescape(re.sub(r"<[^>]+>", "", match.group(1)))


def test_embed_page_shows_the_tag_for_this_server(client):
    response = client.get("/embed", base_url="https://portal.example.gov.vn")
    assert response.status_code == 200 and response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    assert code(page, "embed-tag") == (
        '<script src="https://portal.example.gov.vn/widget.js" data-target="#content" data-lang="vi"></script>')
    assert '<html lang="vi">' in page and 'lang="en"' in page
    assert 'title="Xem trước"' in page
    assert 'src="/embed/preview?target=%23content&amp;lang=vi&amp;position=before-target"' in page
    assert "Sao chép / " in page and 'role="status"' in page
    # The strict page policy: no inline script or style, the script is a file of static/.
    assert "<script>" not in page and "style=" not in page
    assert '<script src="/static/portal/embed.js" defer></script>' in page


def test_csp_checklist_names_this_origin(client):
    page = client.get("/embed", base_url="https://portal.example.gov.vn").get_data(as_text=True)
    for directive in ("script-src", "connect-src", "media-src", "style-src"):
        assert f"<code>{directive} https://portal.example.gov.vn</code>" in page
    assert "<code>img-src</code>" in page
    assert code(page, "csp-example") == (
        "Content-Security-Policy: default-src 'self'; script-src 'self' https://portal.example.gov.vn; "
        "connect-src 'self' https://portal.example.gov.vn; media-src 'self' https://portal.example.gov.vn; "
        "style-src 'self' https://portal.example.gov.vn")


def test_instructions_cover_html_wordpress_and_any_cms(client):
    page = client.get("/embed?target=.entry-content&lang=en&position=floating").get_data(as_text=True)
    # WordPress: the plugin first, then a child theme's snippet with the selectors of block and classic
    # themes (not the form's target), the tag printed at the end of <head>, without defer, as the plugin does.
    assert page.index("Upload Plugin") < page.index('id="wordpress-snippet"')
    assert code(page, "wordpress-constant") == "define('TRODOC_SERVER_URL', 'http://localhost');"
    assert code(page, "wordpress-snippet") == """add_action('wp_head', function () {
    if (is_singular(array('post', 'page'))) {
        wp_print_script_tag(array(
            'src' => 'http://localhost/widget.js',
            'data-target' => '.wp-block-post-content, .entry-content',
            'data-title' => '.wp-block-post-title, .entry-title',
            'data-lang' => 'en',
            'data-position' => 'floating',
        ));
    }
}, 99);"""
    assert "strategy" not in page and "script_loader_tag" not in page
    assert "Plain HTML" in page and "Any CMS with a footer script field" in page


def test_the_wordpress_selectors_are_the_plugins_defaults():
    source = (embed.PLUGIN_ZIP.parents[1] / "integrations" / "wordpress" / "tro-doc" / "includes" / "options.php")
    defaults = dict(re.findall(r"'trodoc_(target|title)'\s*=> array\('([^']*)'", source.read_text(encoding="utf-8")))
    assert defaults == {"target": embed.WORDPRESS_TARGET, "title": embed.WORDPRESS_TITLE}


def test_the_plugin_zip_is_served_when_built(client):
    subprocess.run(["make", "-s", "wordpress-plugin"], cwd=embed.PLUGIN_ZIP.parents[1], check=True, capture_output=True)
    page = client.get("/embed").get_data(as_text=True)
    assert '<a href="/embed/tro-doc.zip" download>' in page
    response = client.get("/embed/tro-doc.zip")
    assert response.status_code == 200 and response.mimetype == "application/zip"
    assert response.headers["Content-Disposition"] == "attachment; filename=tro-doc.zip"
    assert response.data == embed.PLUGIN_ZIP.read_bytes()


def test_the_plugin_zip_not_built_is_a_problem(client, monkeypatch, tmp_path):
    monkeypatch.setattr(embed, "PLUGIN_ZIP", tmp_path / "tro-doc.zip")
    response = client.get("/embed/tro-doc.zip")
    assert response.status_code == 404 and response.mimetype == "application/problem+json"
    assert "make wordpress-plugin" in response.get_json()["detail"]
    assert "make wordpress-plugin" in client.get("/embed").get_data(as_text=True)


def test_options_in_the_query_shape_the_tag(client):
    page = client.get("/embed?target=main > article&lang=en&position=floating").get_data(as_text=True)
    assert code(page, "embed-tag") == ('<script src="http://localhost/widget.js" data-target="main > article" '
                                       'data-lang="en" data-position="floating"></script>')
    assert 'value="en" checked' in page and 'value="floating" checked' in page


def test_quotes_in_a_selector_are_escaped_in_the_tag(client):
    page = client.get("/embed", query_string={"target": '[data-x="a&b"]'}).get_data(as_text=True)
    assert 'data-target="[data-x=&quot;a&amp;b&quot;]"' in code(page, "embed-tag")


def test_invalid_options_on_the_page_are_reported_and_defaults_used(client):
    response = client.get("/embed?target=<img>&lang=fr")
    assert response.status_code == 400 and response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    assert 'aria-invalid="true"' in page
    assert 'data-target="#content" data-lang="vi"' in code(page, "embed-tag")


def test_integrity_note_only_when_the_widget_provides_it(app, client, monkeypatch):
    page = client.get("/embed").get_data(as_text=True)
    if hasattr(embed.widget, "bundle_integrity"):
        with app.test_request_context():
            value = embed.widget.bundle_integrity()
        assert value.startswith("sha384-") and f'<code id="bundle-integrity">{value}</code>' in page
    monkeypatch.setattr(embed.widget, "bundle_integrity", lambda: None, raising=False)
    assert "SRI" not in client.get("/embed").get_data(as_text=True)
    monkeypatch.setattr(embed.widget, "bundle_integrity", lambda: "sha384-abc", raising=False)
    page = client.get("/embed").get_data(as_text=True)
    assert '<code id="bundle-integrity">sha384-abc</code>' in page


def test_preview_is_the_sample_article_with_the_chosen_tag(client):
    response = client.get("/embed/preview?target=.article-body&lang=en&position=floating")
    assert response.status_code == 200 and response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    assert '<article id="content"' in page and "HỘI NGHỊ CÔNG BỐ DỰ THẢO KẾT QUẢ KIỂM TRA" in page
    assert ('<script src="/widget.js" data-target=".article-body" data-lang="en" '
            'data-position="floating"></script>') in page
    # Same origin may frame it (the embed page does); others may not.
    assert response.headers["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'self'" in response.headers["Content-Security-Policy"]


def test_preview_defaults_are_the_article_page_tag(client):
    preview = client.get("/embed/preview").get_data(as_text=True)
    article = client.get(f"/articles/{DAK_SONG}").get_data(as_text=True)
    tag = '<script src="/widget.js" data-target="#content" data-lang="vi"></script>'
    assert tag in preview and tag in article


@pytest.mark.parametrize("query, field", [
    ("lang=fr", "lang"), ("position=top", "position"), ("target=", "target"), ("target=%3Cscript%3E", "target"),
    ("target=" + "a" * 201, "target"), ("target=a%7Bcolor:red%7D", "target"), ("target=a%0Ab", "target"),
])
def test_invalid_preview_options_are_a_400_problem(client, query, field):
    response = client.get(f"/embed/preview?{query}", headers={"Accept": "text/html"})
    assert response.status_code == 400 and response.mimetype == "application/problem+json"
    body = response.get_json()
    assert body["status"] == 400 and body["title"] == "Invalid embed option" and body["field"] == field


def test_portal_footer_links_to_the_embed_page(client):
    for path in ("/", f"/articles/{DAK_SONG}"):
        assert 'href="/embed"' in client.get(path).get_data(as_text=True)


def test_the_pages_script_fills_in_tags_the_server_built(client):
    # static/portal/embed.js shows these as the operator types; it never builds a tag or a rule of its own.
    page = client.get("/embed").get_data(as_text=True)
    form = re.search(r'<form id="embed-options"[^>]*>', page)[0]
    tags, php = (json.loads(html.unescape(re.search(rf"data-{name}='([^']*)'", form)[1])) for name in ("tags", "php"))
    assert set(tags) == set(php) == {f"{lang} {position}" for lang in LANGS for position in embed.POSITIONS}
    for variant in tags:
        lang, position = variant.split()
        options = embed.Options('[data-x="a&b"]', lang, position)
        assert tags[variant].replace(embed.TARGET_SLOT, "[data-x=&quot;a&amp;b&quot;]") == embed.embed_tag(
            "http://localhost/widget.js", options)
        assert php[variant] == embed.php_attributes(options)
    assert f'data-target-slot="{embed.TARGET_SLOT}"' in form
    assert html.unescape(re.search(r'data-not-in-selector="([^"]*)"', form)[1]) == embed.NOT_IN_SELECTOR.pattern
    assert f'maxlength="{embed.MAX_TARGET}"' in page
