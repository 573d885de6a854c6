"""The third-party site of the engine scenarios: ``pages/`` under the strict policy of
``tests.browser.harness.pages_app``, every answer uncacheable (each navigation fetches everything again,
as a first visit does). The same pages come in variants, each under its own folder:

* ``/slow/``: the stylesheets come late, long after the widget's script has arrived, so the widget must
  wait for them before it measures the page;
* ``/floating/``: the tag asks for the floating bar (``data-position="floating"``).
"""
from __future__ import annotations

import time
from pathlib import Path

from tests.browser.harness import pages_app

PAGES = Path(__file__).with_name("pages")
SLOW = "slow/"
FLOATING = "floating/"
SLOW_CSS_SECONDS = 0.8
# Every page's <head> ends so (pages say <!--SITE-HEAD-->): probe.js first, to record all that follows; the
# stylesheet; the widget's tag after it, in <head> with defer as the embed instructions say.
SITE_HEAD = """<link rel="icon" href="data:,">
<script src="probe.js"></script>
<link rel="stylesheet" href="site.css">
<script src="{{WIDGET}}/widget.js" defer{{TAG}}></script>"""
# The tag's extra attributes in each variant.
VARIANTS = {"": "", SLOW: "", FLOATING: ' data-position="floating"'}


def site_app(widget_origin: str):
    """The WSGI app of the pages for a widget served from ``widget_origin``."""
    texts = {path.name: path.read_text(encoding="utf-8") for path in PAGES.iterdir()}
    files = {folder + name: text.replace("<!--SITE-HEAD-->", SITE_HEAD.replace("{{TAG}}", tag))
             for folder, tag in VARIANTS.items() for name, text in texts.items()}
    pages = pages_app(widget_origin, files)

    def app(environ, start_response):
        path = environ.get("PATH_INFO", "")
        if path.startswith("/" + SLOW) and path.endswith(".css"):
            time.sleep(SLOW_CSS_SECONDS)

        def start(status, headers, exc_info=None):
            return start_response(status, [*headers, ("Cache-Control", "no-store")], exc_info)

        return pages(environ, start)

    return app
