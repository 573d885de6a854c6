"""Servers and browser for the Nghe bài viết tests.

``listen_server``: the Trợ Đọc app with its sample articles, speaking through the local fake of Google's endpoint.
``third_party``: another origin serving ``tests/browser/pages`` (the host site) and ``widget/`` sources, so a page can
load either the real ``widget.js`` from ``listen_server`` or ``listen-harness.js`` (the modules straight from source).
"""
from __future__ import annotations

import threading
from pathlib import Path

import pytest
from flask import Flask, Response, abort, request, send_from_directory
from werkzeug.serving import make_server

from server import assets, create_app
from server.bootstrap import prepare
from tests.fake_google import FakeGoogle

ROOT = Path(__file__).resolve().parents[2]
PAGES = Path(__file__).resolve().parent / "pages"


class Served:
    """A WSGI app on 127.0.0.1 in a background thread."""

    def __init__(self, app) -> None:
        self.server = make_server("127.0.0.1", 0, app, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()


@pytest.fixture(scope="session")
def listen_google():
    # 10 ms of audio per character: a sentence plays in well under a second at 2×.
    with FakeGoogle(seconds_per_char=0.01) as fake:
        yield fake


@pytest.fixture(scope="session")
def listen_app(tmp_path_factory, listen_google):
    folder = tmp_path_factory.mktemp("listen")
    app = create_app({
        "TESTING": True, "DATABASE_URL": f"sqlite:///{folder / 'trodoc.db'}", "AUDIO_DIR": str(folder / "audio"),
        "GTTS_URL": listen_google.url, "TTS_ENGINES": "gtts", "ALLOWED_ORIGINS": "*",
        "RATELIMIT_ENABLED": False,
    })
    assets.build(app)  # from the current sources: never test a stale widget.js
    with app.app_context():
        prepare()  # the tests read the usage counts before the first request
    return app


@pytest.fixture(scope="session")
def listen_server(listen_app):
    served = Served(listen_app)
    yield served
    served.close()


@pytest.fixture(scope="session")
def third_party(listen_server):
    """The host site on another origin; ``/pages/<name>.html?mode=harness|widget`` picks what is embedded."""
    site = Flask("third_party")

    @site.get("/pages/<path:name>")
    def page(name: str) -> Response:
        if not name.endswith(".html"):
            return send_from_directory(PAGES, name)
        path = PAGES / name
        if not path.is_file():
            abort(404)
        if request.args.get("mode") == "harness":
            tag = f'<script type="module" src="/pages/listen-harness.js?server={listen_server.url}"></script>'
        else:
            tag = f'<script src="{listen_server.url}/widget.js" defer data-target="#content" data-lang="vi"></script>'
        return Response(path.read_text(encoding="utf-8").replace("<!--TRODOC-->", tag), mimetype="text/html")

    @site.get("/favicon.ico")
    def favicon() -> Response:
        return Response(status=204)

    @site.get("/widget/<path:name>")
    def widget(name: str) -> Response:
        return send_from_directory(ROOT / "widget", name)

    served = Served(site)
    yield served
    served.close()


@pytest.fixture(scope="session")
def listen_browser(browser):
    # One Playwright per process: a second sync_playwright() fails while another is running, so the
    # listen tests share the session browser of tests/browser/conftest.py.
    return browser


@pytest.fixture
def listen_page(listen_browser):
    """A fresh page that fails the test on console errors and page errors."""
    context = listen_browser.new_context(locale="vi-VN")
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.errors = errors
    yield page
    context.close()
