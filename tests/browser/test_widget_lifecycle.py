"""The widget as a part of someone else's page: the title read first, reading from the keyboard's point,
TroDoc's events, and TroDoc.destroy() leaving the page as it found it, ready for a new tag."""
from __future__ import annotations

import pytest

from tests.browser.harness import Server, pages_app
from tests.browser.probes import LIVE_REGION, open_widget

# A block theme's post: the title outside the content the tag targets.
POST = ('<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Bài viết</title>'
        '<link rel="icon" href="data:,">'
        '<script src="{{WIDGET}}/widget.js" data-target=".entry-content"></script></head><body>'
        '<header class="wp-block-template-part"><h1>Cổng thông tin huyện</h1></header>'
        '<main class="wp-block-group"><div class="wp-block-group"><h1 class="wp-block-post-title">'
        'Lịch tiếp công dân tháng mười hai</h1></div>'
        '<div class="entry-content"><p id="one">Ủy ban nhân dân huyện tiếp công dân vào thứ năm hằng tuần.</p>'
        '<p id="two">Người dân mang theo căn cước. Buổi chiều tiếp đến năm giờ.</p>'
        + '<p>Thông tin thêm về thủ tục hành chính của huyện.</p>' * 30 + '</div></main></body></html>')


@pytest.fixture(scope="module")
def post_url(listen_server):
    # On another origin than the reading server, which allows any (as a portal's operator sets it).
    server = Server(pages_app(listen_server.url, {"post.html": POST}))
    yield server.url + "/post.html"
    server.close()


def first_segment(page) -> str:
    page.wait_for_function("() => TroDoc.getState().segment !== null")
    return page.evaluate("() => [...CSS.highlights.get('trodoc-reading')][0].toString()")


def test_the_post_title_outside_the_target_is_read_first(page, post_url):
    open_widget(page, post_url)
    assert page.locator("[data-trodoc-title]").inner_text() == "Lịch tiếp công dân tháng mười hai"
    page.get_by_role("button", name="Nghe bài viết").click()
    assert first_segment(page) == "Lịch tiếp công dân tháng mười hai"


def test_alt_shift_h_reads_from_the_selection_or_the_first_sentence_on_screen(page, post_url):
    open_widget(page, post_url)
    page.evaluate("""() => { const text = document.querySelector('#two').firstChild;
        const r = document.createRange(); r.setStart(text, 32); r.collapse(true);
        getSelection().removeAllRanges(); getSelection().addRange(r); }""")
    page.keyboard.press("Alt+Shift+KeyH")
    assert first_segment(page) == "Buổi chiều tiếp đến năm giờ."
    page.evaluate("() => { TroDoc.stop(); getSelection().removeAllRanges(); }")
    on_screen = page.evaluate("""() => { scrollBy(0, 400); return [...document.querySelectorAll('.entry-content p')]
        .findIndex((p) => p.getBoundingClientRect().bottom > 0); }""")
    assert on_screen > 2
    page.keyboard.press("Alt+Shift+KeyH")
    page.wait_for_function("() => TroDoc.getState().segment !== null")
    # The first paragraph on screen is the one read.
    assert page.evaluate("""(i) => [...CSS.highlights.get('trodoc-reading')][0].startContainer.parentElement
        === document.querySelectorAll('.entry-content p')[i]""", on_screen)


def test_the_end_of_the_article_is_announced(page, post_url):
    open_widget(page, post_url)
    page.get_by_role("button", name="Nghe bài viết").click()
    page.wait_for_function("() => TroDoc.getState().segment !== null")
    last = page.evaluate("() => document.querySelectorAll('.entry-content p').length")  # one sentence each, but #two
    page.evaluate(f"() => {{ for (let i = 0; i < {last + 1}; i++) document.querySelector('trodoc-bar').shadowRoot"
                  ".querySelector('[data-key=next]').click(); }")
    page.wait_for_function("() => TroDoc.getState().segment === null")
    page.wait_for_timeout(150)
    assert page.evaluate(LIVE_REGION) == "Đã đọc hết bài"


def test_a_listener_that_throws_is_reported_and_stops_no_other(context, post_url):
    page = context.new_page()  # not the page fixture: this page's error is expected
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    open_widget(page, post_url)
    page.evaluate("""() => { window.__seen = [];
        TroDoc.on('change', () => { throw new Error('operator bug'); });
        const off = TroDoc.on('change', (s) => window.__seen.push(s.scale));
        TroDoc.setScale(1.5); off(); TroDoc.setScale(2); }""")
    assert page.evaluate("window.__seen") == [1.5]
    assert errors == ["operator bug", "operator bug"]
    with pytest.raises(Exception, match="unknown event"):
        page.evaluate("() => TroDoc.on('nope', () => {})")


def test_destroy_removes_everything_and_a_new_tag_starts_again(page, post_url, listen_server):
    open_widget(page, post_url)
    page.evaluate("() => { TroDoc.setScale(1.5); TroDoc.setContrast('max'); }")
    page.get_by_role("button", name="Nghe bài viết").click()
    page.wait_for_function("() => TroDoc.getState().playing")
    page.evaluate("() => TroDoc.destroy()")
    left = page.evaluate("""() => ({
        bar: document.querySelectorAll('trodoc-bar').length,
        tagged: document
          .querySelectorAll('[data-trodoc-fs], [data-trodoc-s], [data-trodoc-target], [data-trodoc-title]').length,
        html: document.documentElement.getAttributeNames().filter((n) => n.startsWith('data-trodoc')),
        sheets: document.adoptedStyleSheets
          .filter((s) => [...s.cssRules].some((r) => r.cssText.includes('trodoc'))).length,
        global: 'TroDoc' in window,
        size: getComputedStyle(document.querySelector('#one')).fontSize })""")
    assert left == {"bar": 0, "tagged": 0, "html": [], "sheets": 0, "global": False, "size": "16px"}
    # The listeners went too: the shortcuts do nothing, no audio plays.
    page.keyboard.press("Alt+Shift+KeyN")
    page.wait_for_timeout(300)
    assert page.evaluate("() => document.querySelectorAll('trodoc-bar').length") == 0
    # A portal that replaces its content adds the tag again: the widget starts over, with the saved choices.
    page.evaluate("""(src) => { const s = document.createElement('script'); s.src = src;
        s.dataset.target = '.entry-content'; document.head.append(s); }""", listen_server.url + "/widget.js")
    page.locator("trodoc-bar[data-ready]").wait_for(state="attached")
    assert page.evaluate("() => TroDoc.getState().scale") == 1.5
    assert page.evaluate("() => document.querySelectorAll('trodoc-bar').length") == 1
