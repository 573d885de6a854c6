"""Where the tag goes: with the tag in <head> without defer (what the README recommends), a saved size is
applied before the first paint even when the page's stylesheet and the widget's server are slow; other
placements apply it as soon as the loader runs, and the page may be painted once before that."""
from __future__ import annotations

import time

import pytest

from tests.browser.harness import Server, pages_app

SAVED = "localStorage.setItem('trodoc', JSON.stringify({scale: 1.25, contrast: 'normal', spacing: false}));"
# When the first element got its size tag, against the first paint the browser reports.
WATCH = """
window.__applied = null;
// The document, not <html>: the parser has not created <html> yet when this runs.
new MutationObserver(() => { if (__applied === null) __applied = performance.now(); })
  .observe(document, { subtree: true, attributes: true, attributeFilter: ['data-trodoc-fs'] });
"""
PAINTED_BEFORE_SIZED = """() => {
  const paint = performance.getEntriesByName('first-paint')[0];
  return paint.startTime < __applied;
}"""
CSS = "article h1 { font-size: 24px; line-height: 1.25 } article p { font-size: 17px; line-height: 1.6 }"


def page_with(tag: str, where: str) -> str:
    head, body = (tag, "") if where == "head" else ("", tag)
    return ('<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Vị trí thẻ</title>'
            f'<link rel="icon" href="data:,"><link rel="stylesheet" href="slow.css">{head}</head><body><main><article>'
            '<h1>Thông báo</h1>' + '<p>Người dân tra cứu hồ sơ trực tuyến tại cổng dịch vụ công.</p>' * 40
            + f'</article></main>{body}</body></html>')


PLACEMENTS = {
    "head": ('<script src="{{WIDGET}}/widget.js"></script>', "head"),
    "head-defer": ('<script src="{{WIDGET}}/widget.js" defer></script>', "head"),
    "body-end": ('<script src="{{WIDGET}}/widget.js"></script>', "body"),
}


@pytest.fixture(scope="module")
def placement_server(widget_server):
    pages = {f"{name}.html": page_with(*spec) for name, spec in PLACEMENTS.items()}
    pages["slow.css"] = CSS
    server = Server(pages_app(widget_server.url, pages))
    yield server
    server.close()


def slow(page, pattern: str, seconds: float):
    def handle(route):
        time.sleep(seconds)  # the browser goes on parsing and painting meanwhile
        route.continue_()
    page.route(pattern, handle)


@pytest.mark.parametrize("name", PLACEMENTS)
def test_a_saved_size_and_when_it_is_applied(context, placement_server, name):
    page = context.new_page()
    page.goto(placement_server.url + "/head.html")
    page.evaluate(SAVED)
    page.add_init_script(WATCH)
    slow(page, "**/slow.css", 0.5)
    slow(page, "**/widget.js", 1.5)
    page.goto(f"{placement_server.url}/{name}.html")
    page.locator("trodoc-bar[data-ready]").wait_for(state="attached")
    sizes = page.evaluate("() => ['h1', 'p'].map((s) => getComputedStyle(document.querySelector(s)))"
                          ".map((c) => [c.fontSize, c.lineHeight])")
    assert sizes == [["30px", "37.5px"], ["21.25px", "34px"]]
    # Only the recommended placement holds the first paint until the loader has run; the others are
    # painted while widget.js is still on its way (which is why the README recommends <head>).
    assert page.evaluate(PAINTED_BEFORE_SIZED) is (name != "head")


def test_the_bundle_waits_for_idle_and_a_button_pressed_before_it_arrives_still_works(context, placement_server):
    page = context.new_page()
    slow(page, "**/static/gen/trodoc-*.js", 1.0)
    page.goto(f"{placement_server.url}/head.html", wait_until="domcontentloaded")
    asked = "() => performance.getEntriesByType('resource').filter((e) => /trodoc-[0-9a-f]+\\.js/.test(e.name)).length"
    assert page.evaluate(asked) == 0  # reading needs none of it: nothing fetched before the page is idle
    page.get_by_role("button", name="Tăng cỡ chữ").click()  # the bar is drawn; its behaviour is on its way
    page.locator("trodoc-bar[data-ready]").wait_for(state="attached")
    scales = page.evaluate("() => [document.documentElement.dataset.trodocScale, TroDoc.getState().scale]")
    assert scales == ["1.125", 1.125]
    assert page.evaluate("() => document.querySelector('trodoc-bar').hasAttribute('data-pending')") is False
