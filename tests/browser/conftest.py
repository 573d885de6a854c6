"""Browser fixtures: the real app and a hostile second origin, one Chromium per session, a fresh context
(empty localStorage) per test, and a check that no test page logged an error."""
from __future__ import annotations

import pytest
from playwright.sync_api import sync_playwright

from server import assets, create_app
from tests.browser.harness import Server, launch, pages_app

# The listen suite's servers, one per session for every module here.
from tests.browser.listen_fixtures import (  # noqa: F401 (fixtures)
    listen_app,
    listen_browser,
    listen_google,
    listen_page,
    listen_server,
    third_party,
)
from tests.fake_google import FakeGoogle

SAMPLE = "/articles/dak-song-kiem-tra-cai-cach-hanh-chinh-2023"


def serve_trodoc(folder, google: FakeGoogle, **config) -> Server:
    """The Trợ Đọc app on its own port, its data under ``folder``, speaking through ``google`` (the local
    fake of Google's endpoint: tests never reach for the real one); ``config`` adds settings."""
    app = create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{folder / 'trodoc.db'}",
                      "AUDIO_DIR": str(folder / "audio"), "GTTS_URL": google.url, "TTS_ENGINES": "gtts", **config})
    assets.build(app)  # from the current sources: pytest alone must not test a stale build
    return Server(app)


@pytest.fixture(scope="session")
def widget_server(tmp_path_factory):
    with FakeGoogle() as google:
        server = serve_trodoc(tmp_path_factory.mktemp("widget"), google)
        yield server
        server.close()


# A long article (1,201 elements in the target), for what page.css does to long articles.
LONG_PAGE = ('<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Bài dài</title>'
             '<link rel="icon" href="data:,"><link rel="stylesheet" href="hostile.css">'
             '<script src="{{WIDGET}}/widget.js" defer></script></head><body><main class="container"><article>'
             + '<p>Người dân <a href="#">tra cứu</a> hồ sơ <b>trực tuyến</b> tại <em>cổng dịch vụ công</em>.</p>' * 300
             + '<p id="cuoi">Hết bài.</p></article></main></body></html>')


@pytest.fixture(scope="session")
def pages_server(widget_server):
    server = Server(pages_app(widget_server.url, {"long.html": LONG_PAGE}))
    yield server
    server.close()


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="vi-VN")
    yield context
    context.close()


@pytest.fixture
def page(context):
    """A page whose console errors and uncaught exceptions fail the test."""
    page = context.new_page()
    errors = []
    # The portal's own pages have no favicon; the browser's request for one is not the widget's error.
    page.on("console", lambda message: message.type == "error"
            and not message.location.get("url", "").endswith("/favicon.ico") and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    assert errors == []


@pytest.fixture
def sample_url(widget_server):
    return widget_server.url + SAMPLE
