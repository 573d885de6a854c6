"""The bar on the article's column in each engine: the block theme page of ``tests/browser``
(WordPress 6.1, Twenty Twenty-Three: a full-width ``.entry-content`` whose blocks are centred at 650 px),
with ``probe.js`` first in its <head> so that the WebKit drivers see the page's errors too. The
properties column.js sets are the first paragraph's edges, and the bar stands on them."""
from __future__ import annotations

import pytest

from tests.browser.harness import Server, pages_app
from tests.browser.test_widget_column import BLOCK_THEME, READ, TOLERANCE, column_values, numbers
from tests.engines.bar import open_widget
from tests.engines.drivers import Engine
from tests.engines.site import PAGES

ICON = '<link rel="icon" href="data:,">'
PAGE_NAMES = {"in-flow": "/blocktheme.html", "floating": "/blocktheme-floating.html"}


@pytest.fixture(scope="module")
def block_site(listen_server):
    """The block theme page (``tests/browser/pages``), in the flow and floating, on its own origin."""
    page = BLOCK_THEME.replace(ICON, ICON + '\n<script src="probe.js"></script>')
    extra = {"blocktheme.html": page, "probe.js": (PAGES / "probe.js").read_text(encoding="utf-8"),
             "blocktheme-floating.html": page.replace('data-lang="vi"', 'data-lang="vi" data-position="floating"')}
    server = Server(pages_app(listen_server.url, extra))
    yield server
    server.close()


@pytest.mark.parametrize("position", PAGE_NAMES)
def test_the_bar_takes_the_columns_width_and_left_edge(engine: Engine, block_site, position):
    open_widget(engine, block_site.url + PAGE_NAMES[position])
    read = engine.evaluate(READ)
    assert read["target"][1] - read["target"][0] == pytest.approx(read["viewport"], abs=1), engine.name
    assert numbers(read["props"]) == pytest.approx(column_values(read, read["paragraph"]), abs=0.5), engine.name
    left, right = read["paragraph"]
    if position == "in-flow":
        assert abs(read["bar"][0] - left) <= TOLERANCE and abs(read["bar"][1] - right) <= TOLERANCE, (engine.name, read)
    else:
        assert abs(read["toggle"][1] - right) <= TOLERANCE, (engine.name, read)
