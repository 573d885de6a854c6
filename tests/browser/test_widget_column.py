"""The bar on the article's column (widget/column.js).

On a block theme (WordPress 6.1, Twenty Twenty-Three: ``pages/blocktheme.html``) the target
``.entry-content`` is as wide as the page and centres its blocks at 650 px, so the bar takes the text
column's width and left edge: column.js sets ``--trodoc-col-left|width|x`` on ``<trodoc-bar>`` and
bar.css places the bar (in the flow, or floating) with them. On a classic page the target is the column
and nothing changes.
"""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.browser.conftest import LONG_PAGE
from tests.browser.harness import PAGES, Server, pages_app, strict_csp
from tests.browser.probes import open_widget

ROOT = Path(__file__).resolve().parents[2]
TAG = '<script src="{{WIDGET}}/widget.js" data-target=".entry-content" data-lang="vi"></script>'
BLOCK_THEME = (PAGES / "blocktheme.html").read_text(encoding="utf-8")
MODULE = '<script type="module" src="column-timing.js"></script>'
TOLERANCE = 24  # px between the bar's edges and the column's

VIEWPORTS = {
    "desktop": {"viewport": {"width": 1280, "height": 800}},
    "phone-360": {"viewport": {"width": 360, "height": 740}, "has_touch": True, "is_mobile": True},
    "phone-390": {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True},
}

# The properties on the host, and the boxes they are about: left and right edges in viewport px.
READ = """() => {
  const host = document.querySelector('trodoc-bar');
  const target = document.querySelector('[data-trodoc-target]');
  const edges = (el) => { const r = el.getBoundingClientRect(); return [r.left, r.right]; };
  const content = (el) => { const r = el.getBoundingClientRect(), s = getComputedStyle(el);
    return [r.left + parseFloat(s.borderLeftWidth) + parseFloat(s.paddingLeft),
            r.right - parseFloat(s.borderRightWidth) - parseFloat(s.paddingRight)]; };
  const style = getComputedStyle(host);
  const root = host.shadowRoot;
  const paragraph = target.querySelector(':scope > p');
  return {
    props: Object.fromEntries(['left', 'width', 'x']
      .map((k) => [k, style.getPropertyValue('--trodoc-col-' + k).trim()])),
    bar: edges(host), toggle: root.querySelector('.toggle') && edges(root.querySelector('.toggle')),
    toolbar: root.querySelector('.bar').getClientRects().length ? edges(root.querySelector('.bar')) : null,
    paragraph: paragraph && edges(paragraph), target: edges(target), content: content(target),
    containing: content(host.parentElement),
    viewport: document.documentElement.clientWidth, fixed: style.position === 'fixed',
  };
}"""
PROPS = "() => { const s = getComputedStyle(document.querySelector('trodoc-bar'));" \
        " return ['left', 'width', 'x'].map((k) => s.getPropertyValue('--trodoc-col-' + k).trim()); }"
# The properties say the first paragraph's width.
FOLLOWED = """() => { const host = document.querySelector('trodoc-bar');
  const p = document.querySelector('[data-trodoc-target] > p');
  const width = parseFloat(getComputedStyle(host).getPropertyValue('--trodoc-col-width'));
  return Math.abs(width - p.getBoundingClientRect().width) < 0.5; }"""
NEXT_FRAMES = "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"


def numbers(props: dict[str, str]) -> dict[str, float]:
    assert all(value.endswith("px") for value in props.values()), props
    return {key: float(value[:-2]) for key, value in props.items()}


def column_values(read: dict, column: list[float]) -> dict[str, float]:
    """What the properties must say for a column with these edges."""
    left, right = column
    start = 0 if read["fixed"] else read["containing"][0]
    return {"left": left - start, "width": right - left, "x": left}


def late_app(widget_origin: str, cut: str, seconds: float):
    """``/late.html``: the block theme page sent in two parts, the second ``seconds`` after the first,
    which ends just after ``cut``; anything else as ``pages_app`` serves it."""
    pages = pages_app(widget_origin)
    text = BLOCK_THEME.replace("{{WIDGET}}", widget_origin)
    at = text.index(cut) + len(cut)

    def app(environ, start_response):
        if environ.get("PATH_INFO") != "/late.html":
            return pages(environ, start_response)
        start_response("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                  ("Content-Security-Policy", strict_csp(widget_origin))])

        def body():
            yield text[:at].encode()
            time.sleep(seconds)
            yield text[at:].encode()

        return body()

    return app


@pytest.fixture(scope="module")
def column_server(widget_server):
    extra = {
        "blocktheme-floating.html": BLOCK_THEME.replace('data-lang="vi"', 'data-lang="vi" data-position="floating"'),
        "blocktheme-rtl.html": BLOCK_THEME.replace('<html lang="vi">', '<html lang="vi" dir="rtl">'),
        "blocktheme-module.html": BLOCK_THEME.replace(TAG, MODULE),
        "long-module.html": LONG_PAGE.replace('<script src="{{WIDGET}}/widget.js" defer></script>', MODULE),
        "column.js": (ROOT / "widget" / "column.js").read_text(encoding="utf-8"),
    }
    assert TAG in BLOCK_THEME and MODULE in extra["long-module.html"]
    server = Server(pages_app(widget_server.url, extra))
    yield server
    server.close()


@pytest.fixture
def viewer(browser):
    """``viewer(name)``: a page in a new context of the named viewport (``VIEWPORTS``); the test fails
    if any of its pages logged an error."""
    contexts, errors = [], []

    def open_page(name: str = "desktop"):
        context = browser.new_context(locale="vi-VN", **VIEWPORTS[name])
        contexts.append(context)
        page = context.new_page()
        page.on("console", lambda message: message.type == "error" and errors.append(message.text))
        page.on("pageerror", lambda error: errors.append(str(error)))
        return page

    yield open_page
    for context in contexts:
        context.close()
    assert errors == []


@pytest.mark.parametrize("name", VIEWPORTS)
@pytest.mark.parametrize("position", ["in-flow", "floating"])
def test_the_properties_are_the_columns_edges(viewer, column_server, name, position):
    page = viewer(name)
    open_widget(page, column_server.url
                + ("/blocktheme.html" if position == "in-flow" else "/blocktheme-floating.html"))
    read = page.evaluate(READ)
    assert read["target"][1] - read["target"][0] == pytest.approx(read["viewport"], abs=1)  # the full-width target
    assert numbers(read["props"]) == pytest.approx(column_values(read, read["paragraph"]), abs=0.5)
    if name == "desktop":
        assert read["paragraph"] == pytest.approx([315, 965], abs=0.5)


@pytest.mark.parametrize("name", VIEWPORTS)
def test_the_bar_stands_on_the_column(viewer, column_server, name):
    page = viewer(name)
    open_widget(page, column_server.url + "/blocktheme.html")
    read = page.evaluate(READ)
    (bar_left, bar_right), (left, right) = read["bar"], read["paragraph"]
    assert abs(bar_left - left) <= TOLERANCE and abs(bar_right - right) <= TOLERANCE, (read["bar"], read["paragraph"])


def test_the_floating_bar_ends_at_the_columns_right_edge(viewer, column_server):
    page = viewer("desktop")
    open_widget(page, column_server.url + "/blocktheme-floating.html")
    read = page.evaluate(READ)
    right = read["paragraph"][1]
    assert abs(read["toggle"][1] - right) <= TOLERANCE
    page.get_by_role("button", name="Trợ Đọc").click()
    assert abs(page.evaluate(READ)["toolbar"][1] - right) <= TOLERANCE


@pytest.mark.parametrize("name", ["desktop", "phone-360"])
def test_on_a_classic_page_the_target_is_the_column_and_nothing_moves(viewer, pages_server, name):
    page = viewer(name)
    open_widget(page, pages_server.url + "/hostile.html")
    read = page.evaluate(READ)
    # The column is the host's whole width: the bar keeps its place, and the fixed player gets the column.
    assert numbers(read["props"]) == pytest.approx(column_values(read, read["containing"]), abs=0.5)
    assert read["bar"] == pytest.approx(read["containing"], abs=0.5)
    assert read["target"][0] - 0.5 <= read["bar"][0] and read["bar"][1] <= read["target"][1] + 0.5


def test_a_classic_floating_bar_ends_at_the_articles_right_edge(viewer, pages_server):
    page = viewer("desktop")
    open_widget(page, pages_server.url + "/floating.html")
    read = page.evaluate(READ)
    # The article fills .container (1140 px centred, 12 px padding): its box is the column.
    article = page.evaluate("() => { const r = document.querySelector('article').getBoundingClientRect(); "
                            "return [r.left, r.right]; }")
    assert numbers(read["props"]) == pytest.approx(column_values(read, article), abs=0.5)
    assert abs(read["toggle"][1] - article[1]) <= TOLERANCE


def test_right_to_left_the_bar_keeps_its_width(viewer, column_server):
    page = viewer("desktop")
    open_widget(page, column_server.url + "/blocktheme-rtl.html")
    read = page.evaluate(READ)
    assert read["props"] == {"left": "", "width": "", "x": ""}
    assert read["bar"] == pytest.approx(read["containing"], abs=0.5)


def test_the_column_follows_the_window(viewer, column_server):
    page = viewer("desktop")
    open_widget(page, column_server.url + "/blocktheme.html")
    assert page.evaluate(PROPS) == ["315px", "650px", "315px"]
    for width in (900, 600):  # at 600 px the column is narrower than 650 px: the root padding
        page.set_viewport_size({"width": width, "height": 800})
        page.wait_for_function(FOLLOWED)
        read = page.evaluate(READ)
        assert numbers(read["props"]) == pytest.approx(column_values(read, read["paragraph"]), abs=0.5)
    assert page.evaluate(PROPS) == ["30px", "540px", "30px"]


def test_the_column_follows_its_blocks(viewer, column_server):
    """The blocks narrow while the target keeps its width (a content size in em under a new text size, a
    late stylesheet): the column follows them."""
    page = viewer("desktop")
    open_widget(page, column_server.url + "/blocktheme.html")
    page.evaluate("() => document.body.style.setProperty('--wp--style--global--content-size', '500px')")
    page.wait_for_function(FOLLOWED)
    assert page.evaluate(PROPS) == ["390px", "500px", "390px"]


def test_the_target_parsed_after_the_bar_is_drawn(viewer, widget_server):
    """The tag in <head> without defer: the loader draws the bar as soon as .entry-content exists, before
    its paragraphs are parsed; the column is found when they come."""
    cut = '<div class="entry-content wp-block-post-content has-global-padding is-layout-constrained">'
    server = Server(late_app(widget_server.url, cut, 0.8))
    try:
        page = viewer("desktop")
        page.goto(server.url + "/late.html", wait_until="commit")
        page.wait_for_function("() => { const t = document.querySelector('.entry-content');"
                               " return !!document.querySelector('trodoc-bar') && !!t && t.children.length === 0; }")
        read = page.evaluate(READ)
        # No paragraph yet: meanwhile the target's content box (inside the root padding) is the column.
        assert read["paragraph"] is None
        assert numbers(read["props"]) == pytest.approx(column_values(read, read["content"]), abs=0.5)
        page.locator("trodoc-bar[data-ready]").wait_for(state="attached")
        read = page.evaluate(READ)
        assert numbers(read["props"]) == pytest.approx(column_values(read, read["paragraph"]), abs=0.5)
        assert read["props"]["width"] == "650px"
    finally:
        server.close()


def test_stop_stops_following(viewer, column_server):
    page = viewer("desktop")
    page.goto(column_server.url + "/blocktheme-module.html")
    page.wait_for_function("() => window.__times")
    assert page.evaluate(PROPS) == ["315px", "650px", "315px"]
    page.evaluate("() => window.__stop()")
    page.set_viewport_size({"width": 900, "height": 800})
    page.evaluate(NEXT_FRAMES)
    assert page.evaluate(PROPS) == ["315px", "650px", "315px"]
