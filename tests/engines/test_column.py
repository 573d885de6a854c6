"""The bar on the article's column in each engine: the block theme page of ``tests/browser``
(WordPress 6.1, Twenty Twenty-Three: a full-width ``.entry-content`` whose blocks are centred at 650 px),
with ``probe.js`` first in its <head> so that the WebKit drivers see the page's errors too. The
properties column.js sets are the first paragraph's edges, and the bar stands on them; also when the
page's stylesheet comes late, after the widget has run (the tag with defer: WebKit runs it before the
stylesheet is in), so that only the blocks' widths change."""
from __future__ import annotations

import time

import pytest

from tests.browser.harness import PAGES as BROWSER_PAGES
from tests.browser.harness import Server, pages_app
from tests.browser.test_widget_column import BLOCK_THEME, READ, TAG, TOLERANCE, column_values, numbers
from tests.engines.bar import open_widget
from tests.engines.drivers import Engine
from tests.engines.site import PAGES

ICON = '<link rel="icon" href="data:,">'
PAGE_NAMES = {"in-flow": "/blocktheme.html", "floating": "/blocktheme-floating.html",
              "late-stylesheet": "/blocktheme-late.html"}
# How much later than the widget's script the page's stylesheet arrived, in ms.
LATE_BY = """() => { const end = (path) => performance.getEntriesByType('resource')
  .find((e) => new URL(e.name).pathname.endsWith(path)).responseEnd;
  return end('/blocktheme.css') - end('/widget.js'); }"""
LATE_CSS = "late/blocktheme.css"
LATE_SECONDS = 0.8


@pytest.fixture(scope="module")
def block_site(listen_server):
    """The block theme page (``tests/browser/pages``) on its own origin: in the flow, floating, and with
    the tag deferred and the stylesheet late."""
    page = BLOCK_THEME.replace(ICON, ICON + '\n<script src="probe.js"></script>')
    late = (page.replace('href="blocktheme.css"', f'href="{LATE_CSS}"')
            .replace(TAG, TAG.replace("<script ", "<script defer ")))
    extra = {"blocktheme.html": page, "probe.js": (PAGES / "probe.js").read_text(encoding="utf-8"),
             "blocktheme-floating.html": page.replace('data-lang="vi"', 'data-lang="vi" data-position="floating"'),
             "blocktheme-late.html": late, LATE_CSS: (BROWSER_PAGES / "blocktheme.css").read_text(encoding="utf-8")}
    assert late.count(LATE_CSS) == 1 and "<script defer " in late
    pages = pages_app(listen_server.url, extra)

    def app(environ, start_response):
        if environ.get("PATH_INFO") == "/" + LATE_CSS:
            time.sleep(LATE_SECONDS)
        return pages(environ, start_response)

    server = Server(app)
    yield server
    server.close()


@pytest.mark.parametrize("variant", PAGE_NAMES)
def test_the_bar_takes_the_columns_width_and_left_edge(engine: Engine, block_site, variant):
    open_widget(engine, block_site.url + PAGE_NAMES[variant])
    if variant == "late-stylesheet":
        assert engine.evaluate(LATE_BY) > 300, "the scenario needs the stylesheet to come late"
    read = engine.evaluate(READ)
    assert read["target"][1] - read["target"][0] == pytest.approx(read["viewport"], abs=1), engine.name
    assert numbers(read["props"]) == pytest.approx(column_values(read, read["paragraph"]), abs=0.5), engine.name
    left, right = read["paragraph"]
    if variant == "floating":
        assert abs(read["toggle"][1] - right) <= TOLERANCE, (engine.name, read)
    else:
        assert abs(read["bar"][0] - left) <= TOLERANCE and abs(read["bar"][1] - right) <= TOLERANCE, (engine.name, read)
