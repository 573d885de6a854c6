"""Fixtures of the engine scenarios: the real app (``tests/browser``'s ``listen_server``), the third-party
site of ``pages/`` on a second origin, and ``engine``: each test once in each of the four engines. A
browser lives for the session (one engine at a time, as pytest orders tests by the parameter); every test
starts in a new, empty profile and fails if the page reported an error."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.harness import Server
from tests.browser.listen_fixtures import listen_app, listen_server  # noqa: F401 (fixtures, see listen_google)
from tests.engines.drivers import ENGINES, Chromium, Engine, Firefox, webkitgtk, wpe
from tests.engines.site import site_app
from tests.engines.system import PulseAudio, Xvfb
from tests.fake_google import FakeGoogle


@pytest.fixture(scope="session")
def listen_google():
    """The fake Google behind ``listen_server`` (the real app serving any origin, without rate limits),
    here at its default 60 ms of audio a character: a sentence lasts seconds, so each check of the sentence
    being read happens while it is read."""
    with FakeGoogle() as fake:
        yield fake


@pytest.fixture(scope="session")
def site(listen_server):  # noqa: F811 (the imported fixture)
    """The pages' origin; ``site.url + "/article.html"``."""
    server = Server(site_app(listen_server.url))
    yield server
    server.close()


class Services:
    """The X display and the audio server, each started the first time an engine needs it."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._xvfb: Xvfb | None = None
        self._pulse: PulseAudio | None = None

    def audio(self) -> dict[str, str]:
        """The environment that points a browser at the session's PulseAudio."""
        self._pulse = self._pulse or PulseAudio(self.folder)
        return self._pulse.env

    def display(self) -> dict[str, str]:
        """The environment that points a GTK program at the session's Xvfb."""
        self._xvfb = self._xvfb or Xvfb(self.folder)
        return {"DISPLAY": self._xvfb.display, "GDK_BACKEND": "x11"}

    def close(self) -> None:
        for service in (self._xvfb, self._pulse):
            if service:
                service.close()


@pytest.fixture(scope="session")
def services(tmp_path_factory):
    services = Services(tmp_path_factory.mktemp("engine-services"))
    yield services
    services.close()


def private_dirs(folder: Path) -> dict[str, str]:
    """Home, cache and runtime folders of the engine's own, so the browsers write nothing outside it."""
    dirs = {name: folder / name.lower() for name in ("HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME",
                                                      "XDG_DATA_HOME", "XDG_RUNTIME_DIR")}
    for path in dirs.values():
        path.mkdir(mode=0o700)
    # NO_AT_BRIDGE: no accessibility bus to look for (GTK would warn on every start).
    return {"NO_AT_BRIDGE": "1", **{name: str(path) for name, path in dirs.items()}}


def start_engine(name: str, services: Services, folder: Path) -> Engine:
    """The named engine, with the services it needs."""
    if name == "chromium":
        return Chromium()
    env = {**private_dirs(folder), **services.audio()}
    if name == "firefox":
        return Firefox(env, folder)
    if name == "webkitgtk":
        return webkitgtk({**env, **services.display()}, folder)
    return wpe(env, folder)


@pytest.fixture(scope="session", params=ENGINES)
def browser_engine(request, services, tmp_path_factory):
    """The session's browser of one engine; pytest ends it before it starts the next engine's."""
    engine = start_engine(request.param, services, tmp_path_factory.mktemp(request.param))
    yield engine
    engine.close()


@pytest.fixture
def engine(browser_engine: Engine):
    """The engine with a new, empty profile; the test fails if a page reported an error."""
    browser_engine.fresh_profile()
    yield browser_engine
    assert browser_engine.errors() == []
