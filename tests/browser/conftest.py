"""Browser fixtures: the real app and a hostile second origin, one Chromium per session, a fresh context
(empty localStorage) per test, and a check that no test page logged an error."""
from __future__ import annotations

import pytest
from filelock import FileLock
from playwright.sync_api import sync_playwright

from server import create_app
from tests.browser.harness import Server, launch, pages_app

SAMPLE = "/articles/dak-song-kiem-tra-cai-cach-hanh-chinh-2023"


def build_widget(app):
    """Build the bundles from the current sources (``make test`` does too; pytest alone must not test a
    stale build). The lock keeps parallel workers from writing the same files at once."""
    env = app.jinja_env.assets_environment
    with FileLock(app.config["ASSETS_CACHE"] + ".lock"), app.app_context():
        for bundle in env:
            bundle.build()


@pytest.fixture(scope="session")
def widget_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("widget")
    app = create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{folder / 'trodoc.db'}",
                      "AUDIO_DIR": str(folder / "audio")})
    build_widget(app)
    server = Server(app)
    yield server
    server.close()


@pytest.fixture(scope="session")
def pages_server(widget_server):
    server = Server(pages_app(widget_server.url))
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
