"""The article's title outside the target (WordPress block themes print it above the post's content):
found, enlarged, spaced and painted with the article; the site's name is not taken; data-title and
data-scope="page"."""
from __future__ import annotations

import pytest

from tests.browser.harness import Server, pages_app
from tests.browser.probes import open_widget, sized

WP_CSS = """body { margin: 0; font: 18px/1.6 sans-serif; color: #1e1e1e; background: #f9f9f9; }
header.wp-block-template-part { background: #2c3e50; color: #ecf0f1; padding: 8px 16px; }
header.wp-block-template-part h1 { font-size: 20px; margin: 0; }
.wp-block-post-title { font-size: 2.5rem; line-height: 1.2; color: #333; }
.entry-title, .site-name { font-size: 30px; line-height: 1.25; }
.entry-content p { margin: 0 0 1.2rem; }
footer { background: #eee; color: #555; padding: 8px 16px; }"""


def wordpress(tag: str = "", before: str = "", heading: str = "<h1 class=\"wp-block-post-title\">") -> str:
    """A post of a WordPress block theme: the site header's h1, then the post title in its own group
    above the post content (the target); `tag` adds data-* to the embed tag."""
    closing = "</" + heading[1:3] + ">"
    return ('<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Bài viết</title>'
            '<link rel="icon" href="data:,"><link rel="stylesheet" href="wp.css">'
            f'<script src="{{{{WIDGET}}}}/widget.js" defer data-target=".entry-content"{tag}></script></head>'
            '<body><div class="wp-site-blocks">'
            '<header class="wp-block-template-part"><h1>Tin xã Nâm N\'Jang</h1></header>'
            f'<main>{before}<div class="wp-block-group">{heading}'
            f'Đắk Song đẩy mạnh dịch vụ công trực tuyến{closing}</div>'
            '<div class="entry-content wp-block-post-content is-layout-constrained">'
            '<p>Năm 2023, huyện Đắk Song tiếp tục đẩy mạnh <a href="#">cải cách hành chính</a>.</p>'
            '<p>Người dân ở các xã xa trung tâm được cán bộ một cửa hướng dẫn tận nơi.</p>'
            '<figure><img src="bg.svg" width="120" height="60" alt="Bộ phận một cửa"></figure></div></main>'
            '<footer class="wp-block-template-part"><p>Cơ quan chủ quản: Ủy ban nhân dân xã.</p></footer>'
            '</div></body></html>')


PAGES = {
    "wp.css": WP_CSS,
    "wp.html": wordpress(),
    "wp-scope.html": wordpress(' data-scope="page"'),
    # A theme that prints the site's name as an h1 in the page (not in a header) and the post title as
    # an h2: only data-title finds the title.
    "wp-title.html": wordpress(' data-title=".entry-title"',
                               before='<div class="brand"><h1 class="site-name">Tin xã</h1></div>',
                               heading='<h2 class="entry-title">'),
}
TITLE = ".wp-block-post-title"
SITE = "header h1"
# [font-size px, line-height px, colour, background colour] of each selector.
LOOK = """(selectors) => selectors.map((s) => { const c = getComputedStyle(document.querySelector(s));
  return [parseFloat(c.fontSize), parseFloat(c.lineHeight), c.color, c.backgroundColor]; })"""
BLACK, WHITE = "rgb(0, 0, 0)", "rgb(255, 255, 255)"


@pytest.fixture(scope="module")
def wp_server(widget_server):
    server = Server(pages_app(widget_server.url, PAGES))
    yield server
    server.close()


def look(page, *selectors):
    return page.evaluate(LOOK, list(selectors))


def tagged(page, selector):
    return page.evaluate("(s) => document.querySelector(s).hasAttribute('data-trodoc-title')", selector)


def test_the_post_title_outside_the_target_grows_with_the_article(page, wp_server):
    open_widget(page, wp_server.url + "/wp.html")
    assert tagged(page, TITLE) and not tagged(page, SITE)  # the site's name is not the article's title
    (title, title_line, *_), (site, *_), (text, *_) = look(page, TITLE, SITE, ".entry-content p")
    assert (title, title_line, site, text) == (40, 48, 20, 18)
    page.evaluate("() => TroDoc.setScale(2)")
    sized(page)
    assert [row[:2] for row in look(page, TITLE, SITE, ".entry-content p")] \
        == [[80, 96], [20, pytest.approx(32)], [36, pytest.approx(57.6)]]
    page.evaluate("() => TroDoc.setScale(1)")
    assert look(page, TITLE)[0][:2] == [40, 48]


def test_a_saved_size_reaches_the_title_before_the_first_paint(page, wp_server):
    open_widget(page, wp_server.url + "/wp.html")
    page.evaluate("() => TroDoc.setScale(1.5)")
    open_widget(page, wp_server.url + "/wp.html")
    assert [row[0] for row in look(page, TITLE, SITE, ".entry-content p")] == [60, 20, 27]


def test_the_title_is_painted_and_spaced_with_the_article_the_site_header_is_not(page, wp_server):
    open_widget(page, wp_server.url + "/wp.html")
    header = look(page, SITE)[0][2:]
    page.evaluate("() => TroDoc.setContrast('max')")
    assert look(page, TITLE)[0][2:] == [WHITE, BLACK]
    assert look(page, ".entry-content p")[0][2:] == [WHITE, BLACK]
    assert look(page, SITE)[0][2:] == header and look(page, "body")[0][3] == "rgb(249, 249, 249)"
    page.evaluate("() => document.documentElement.setAttribute('data-trodoc-spacing', 'on')")
    (size, line, *_), (site, site_line, *_) = look(page, TITLE, SITE)
    assert (line, site_line) == (1.5 * size, pytest.approx(1.6 * site))  # 1.2 → 1.5; the header keeps its own


def test_data_title_names_the_title(page, wp_server):
    open_widget(page, wp_server.url + "/wp-title.html")
    assert tagged(page, ".entry-title") and not tagged(page, ".site-name") and not tagged(page, SITE)
    page.evaluate("() => TroDoc.setScale(1.5)")
    assert [row[0] for row in look(page, ".entry-title", ".site-name")] == [45, 30]


def test_data_scope_page_paints_the_whole_page_but_not_its_images(page, wp_server):
    open_widget(page, wp_server.url + "/wp-scope.html")
    assert page.evaluate("() => document.documentElement.getAttribute('data-trodoc-scope')") == "page"
    page.evaluate("() => TroDoc.setContrast('max')")
    for row in look(page, "body", "header", SITE, "footer p", TITLE, ".entry-content p"):
        assert row[2:] == [WHITE, BLACK]
    link = page.evaluate("() => getComputedStyle(document.querySelector('.entry-content a')).color")
    assert link == "rgb(255, 255, 0)"
    image = page.evaluate("() => { const c = getComputedStyle(document.querySelector('img')); "
                          "return [c.filter, c.mixBlendMode, c.opacity]; }")
    assert image == ["none", "normal", "1"]
    page.evaluate("() => TroDoc.setContrast('normal')")
    assert look(page, "body")[0][2:] == ["rgb(30, 30, 30)", "rgb(249, 249, 249)"]
