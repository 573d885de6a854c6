"""One Python interface over four browser engines, so that every scenario runs the same in each.

* ``chromium``: Playwright's sync API and Debian's Chromium (``tests/browser/harness.launch``), on a
  thread of its own: Playwright's sync API refuses a second instance on a thread that already has one,
  and the ``tests/browser`` suite keeps its own open on the main thread for the whole session.
* ``firefox``: Debian's Firefox ESR driven by puppeteer-core over WebDriver BiDi, through
  ``firefox_bridge.mjs`` (JSON lines on stdin and stdout).
* ``webkitgtk``: WebKitGTK's MiniBrowser under Xvfb, driven by Selenium through ``WebKitWebDriver``.
* ``wpe``: WPE WebKit's ``cog`` on its headless platform, driven by Selenium through ``WPEWebDriver``.

Clicks and keys are real input events (Playwright's and Puppeteer's input, WebDriver actions), so they
carry the user activation that ``<audio>.play()`` needs. Both WebKit browsers run with
``media-playback-requires-user-gesture``, Safari's rule on the iPhone: sound only from an element that
played or loaded during a tap, however long the network took after it. Functions given to :meth:`Engine.evaluate` run in
the page and their result comes back through ``JSON.stringify`` in every engine alike.

Errors a page reports: every engine gets those the test pages' ``probe.js`` records (uncaught errors,
unhandled rejections, ``console.error``, Content-Security-Policy violations, failed loads); Chromium and
Firefox also report their console natively. The WebKit drivers offer no console at all: neither
WebKitWebDriver nor WPEWebDriver (Debian builds) accept ``webSocketUrl`` (BiDi), and the browsers'
``--enable-write-console-messages-to-stdout`` setting does not reach the views automation opens, so
messages only the browser logs (a blocked request, a CORS failure) go unseen there.
"""
from __future__ import annotations

import json
import os
import queue
import shutil
import subprocess
import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

from playwright.sync_api import sync_playwright
from selenium import webdriver
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.actions.action_builder import ActionBuilder
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.client_config import ClientConfig
from selenium.webdriver.remote.remote_connection import RemoteConnection
from selenium.webdriver.webkitgtk.options import Options as WebKitGTKOptions
from selenium.webdriver.webkitgtk.service import Service as WebKitGTKService
from selenium.webdriver.wpewebkit.options import Options as WPEOptions
from selenium.webdriver.wpewebkit.service import Service as WPEService

from tests.browser.harness import launch
from tests.engines.system import log_tail

ENGINES = ["chromium", "firefox", "webkitgtk", "wpe"]
VIEWPORT = {"width": 1280, "height": 800}
FIREFOX = "/usr/bin/firefox-esr"
BRIDGE = Path(__file__).with_name("firefox_bridge.mjs")
WEBKITGTK_DRIVER = "/usr/bin/WebKitWebDriver"
MINIBROWSERS = ["/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser",
                "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.0/MiniBrowser"]
WPE_DRIVER = "/usr/bin/WPEWebDriver"
COG = "/usr/bin/cog"
WEBDRIVER_TIMEOUT = 90  # s, for any one WebDriver request (a new session takes a few)
# Safari's media rule on the iPhone (see above), a WebKitSettings option of MiniBrowser and cog alike.
WEBKIT_GESTURE_RULE = "--media-playback-requires-user-gesture=true"

# What probe.js recorded in the current document, taken so the next look does not report it again.
PROBE_ERRORS = "() => window.__probe ? window.__probe.errors.splice(0) : []"

T = TypeVar("T")


class EngineError(RuntimeError):
    """The engine could not be started or did not answer; the message says which and why."""


class EvaluationError(RuntimeError):
    """A function given to :meth:`Engine.evaluate` threw in the page."""


def evaluation(function: str, args: tuple[Any, ...]) -> str:
    """An expression that calls ``function`` with ``args`` and resolves to a JSON string: ``{value}`` or
    ``{error}``, so that every engine returns results and reports exceptions the same way."""
    return ("(async () => { try { const value = await (" + function + ")(..." + json.dumps(list(args)) + ");"
            " return JSON.stringify({ value: value === undefined ? null : value }); }"
            " catch (error) { return JSON.stringify({ error: String((error && error.stack) || error) }); } })()")


def split_keys(keys: str) -> tuple[list[str], str]:
    """``"Alt+Shift+KeyN"`` -> (["Alt", "Shift"], "KeyN"): modifiers held while the last key is pressed.
    Key names are Playwright's (``Tab``, ``ArrowRight``, ``Enter``, ``Space``, ``KeyN``)."""
    *modifiers, key = keys.split("+")
    return modifiers, key


class Engine(ABC):
    """One browser with one page. Subclasses implement the underscored primitives."""

    name: str

    def __init__(self) -> None:
        self._errors: list[str] = []

    # --- the interface the scenarios use ---

    def open(self, url: str) -> None:
        """Navigates the page to ``url`` (a new document) and waits for its load event."""
        self._take_probe_errors()
        self._goto(url)

    def reload(self) -> None:
        """Reloads the page and waits for its load event."""
        self._take_probe_errors()
        self._reload()

    def evaluate(self, function: str, *args: Any) -> Any:
        """Calls the JavaScript ``function`` (source text) with JSON ``args`` in the page; returns its
        (awaited) result as JSON data. Raises :class:`EvaluationError` when it throws."""
        answer = json.loads(self._evaluate(evaluation(function, args)))
        if "error" in answer:
            raise EvaluationError(f"{self.name}: {answer['error']}")
        return answer["value"]

    def wait_for(self, function: str, *args: Any, timeout: float = 10.0, what: str = "") -> Any:
        """Evaluates ``function`` until it returns something truthy, and returns that."""
        deadline = time.monotonic() + timeout
        while True:
            value = self.evaluate(function, *args)
            if value:
                return value
            if time.monotonic() > deadline:
                raise AssertionError(f"{self.name}: {what or function} not true after {timeout} s (last: {value!r})")
            time.sleep(0.05)

    def click(self, target: str | tuple[float, float]) -> None:
        """A real mouse click at a point of the viewport, or at the centre of the first element that
        matches a selector of the page's own DOM (scrolled into view first)."""
        if isinstance(target, str):
            point = self.evaluate("""(selector) => { const el = document.querySelector(selector);
                if (!el) return null; el.scrollIntoView({ block: 'nearest' }); const r = el.getBoundingClientRect();
                return [r.left + r.width / 2, r.top + r.height / 2]; }""", target)
            if point is None:
                raise AssertionError(f"{self.name}: nothing matches {target!r} to click")
            target = (point[0], point[1])
        self._click_at(*target)

    def press(self, keys: str) -> None:
        """Real keyboard input to the focused element: ``"Tab"``, ``"ArrowRight"``, ``"Alt+Shift+KeyN"``."""
        self._press(*split_keys(keys))

    def fresh_profile(self) -> None:
        """A new, empty profile (no storage, no history) with one blank page."""
        self._take_probe_errors()
        self._fresh()

    def errors(self) -> list[str]:
        """Errors reported since the last call: the engine's console where it has one, and probe.js's."""
        self._take_probe_errors()
        errors, self._errors = self._errors + self._native_errors(), []
        return errors

    @abstractmethod
    def close(self) -> None:
        """Ends the browser and whatever was started for it."""

    # --- what each engine implements ---

    @abstractmethod
    def _goto(self, url: str) -> None: ...

    @abstractmethod
    def _reload(self) -> None: ...

    @abstractmethod
    def _evaluate(self, expression: str) -> str:
        """Evaluates an expression that resolves to a string, and returns that string."""

    @abstractmethod
    def _click_at(self, x: float, y: float) -> None: ...

    @abstractmethod
    def _press(self, modifiers: list[str], key: str) -> None: ...

    @abstractmethod
    def _fresh(self) -> None: ...

    def _native_errors(self) -> list[str]:
        return []

    def _take_probe_errors(self) -> None:
        # Before a navigation: the document's record goes away with it. A blank page has none.
        if self._has_page():
            self._errors += [f"probe: {error}" for error in self.evaluate(PROBE_ERRORS)]

    @abstractmethod
    def _has_page(self) -> bool: ...


class Chromium(Engine):
    """Playwright and Debian's Chromium; a new browser context per profile."""

    name = "chromium"

    def __init__(self) -> None:
        super().__init__()
        self._worker = ThreadPoolExecutor(1, thread_name_prefix="playwright-engines")
        self._context = self._page = None
        self._console: list[str] = []
        self._playwright = self._in_thread(lambda: sync_playwright().start())
        self._browser = self._in_thread(lambda: launch(self._playwright))

    def _in_thread(self, call: Callable[[], T]) -> T:
        return self._worker.submit(call).result()

    def _goto(self, url: str) -> None:
        self._in_thread(lambda: self._page.goto(url))

    def _reload(self) -> None:
        self._in_thread(lambda: self._page.reload())

    def _evaluate(self, expression: str) -> str:
        return self._in_thread(lambda: self._page.evaluate(expression))

    def _click_at(self, x: float, y: float) -> None:
        self._in_thread(lambda: self._page.mouse.click(x, y))

    def _press(self, modifiers: list[str], key: str) -> None:
        self._in_thread(lambda: self._page.keyboard.press("+".join([*modifiers, key])))

    def _fresh(self) -> None:
        def fresh() -> None:
            if self._context:
                self._context.close()
            self._context = self._browser.new_context(viewport=VIEWPORT, locale="vi-VN")
            self._page = self._context.new_page()
            self._page.on("console", lambda m: m.type == "error" and self._console.append(f"console: {m.text}"))
            self._page.on("pageerror", lambda e: self._console.append(f"pageerror: {e}"))
        self._in_thread(fresh)

    def _native_errors(self) -> list[str]:
        errors, self._console = self._console, []
        return errors

    def _has_page(self) -> bool:
        return self._page is not None

    def close(self) -> None:
        self._in_thread(self._browser.close)
        self._in_thread(self._playwright.stop)
        self._worker.shutdown()


class Firefox(Engine):
    """Firefox ESR through the Node bridge; a new browser context per profile."""

    name = "firefox"
    # Firefox's own first-run and update chatter would only slow it down.
    PREFS = {"browser.shell.checkDefaultBrowser": False, "app.update.enabled": False,
             "datareporting.policy.dataSubmissionEnabled": False, "toolkit.telemetry.enabled": False}

    def __init__(self, env: dict[str, str], folder: Path) -> None:
        super().__init__()
        node = shutil.which("node")
        if not node:
            raise EngineError("firefox: node is not on PATH (the bridge to puppeteer-core needs it)")
        self._log = folder / "firefox-bridge.log"
        options = {"executablePath": FIREFOX, "viewport": VIEWPORT, "prefs": self.PREFS}
        with self._log.open("w") as log:
            # From the repository, where node_modules/puppeteer-core is found.
            self._process = subprocess.Popen([node, str(BRIDGE), json.dumps(options)], cwd=BRIDGE.parents[2],
                                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log,
                                             env={**os.environ, **env}, text=True, encoding="utf-8")
        self._lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self._id = 0
        self._started = False
        self.version = self._answer(timeout=90)["ready"]

    def _read(self) -> None:
        for line in self._process.stdout:
            self._lines.put(line)
        self._lines.put(None)  # the bridge ended

    def _answer(self, timeout: float) -> dict[str, Any]:
        try:
            line = self._lines.get(timeout=timeout)
        except queue.Empty:
            raise EngineError(f"firefox: no answer from the bridge in {timeout} s\n{log_tail(self._log)}") from None
        if line is None:
            raise EngineError(f"firefox: the bridge ended (exit {self._process.wait()})\n{log_tail(self._log)}")
        return json.loads(line)

    def _call(self, cmd: str, timeout: float = 40, **args: Any) -> Any:
        self._id += 1
        self._process.stdin.write(json.dumps({"id": self._id, "cmd": cmd, **args}) + "\n")
        self._process.stdin.flush()
        answer = self._answer(timeout)
        if answer.get("id") != self._id:
            raise EngineError(f"firefox: answer out of order: {answer}")
        if "error" in answer:
            raise EngineError(f"firefox: {cmd} failed: {answer['error']}")
        return answer["value"]

    def _goto(self, url: str) -> None:
        self._call("goto", url=url)

    def _reload(self) -> None:
        self._call("reload")

    def _evaluate(self, expression: str) -> str:
        return self._call("evaluate", expression=expression)

    def _click_at(self, x: float, y: float) -> None:
        self._call("click", x=x, y=y)

    def _press(self, modifiers: list[str], key: str) -> None:
        self._call("press", modifiers=modifiers, key=key)

    def _fresh(self) -> None:
        self._call("fresh")
        self._started = True

    def _native_errors(self) -> list[str]:
        return self._call("errors") if self._started else []

    def _has_page(self) -> bool:
        return self._started

    def close(self) -> None:
        self._process.stdin.close()  # the bridge closes the browser at the end of its input
        try:
            self._process.wait(20)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()


# WebDriver's key names for Playwright's.
SELENIUM_KEYS = {"Tab": Keys.TAB, "Enter": Keys.ENTER, "Space": Keys.SPACE, "Escape": Keys.ESCAPE,
                 "ArrowRight": Keys.ARROW_RIGHT, "ArrowLeft": Keys.ARROW_LEFT, "ArrowUp": Keys.ARROW_UP,
                 "ArrowDown": Keys.ARROW_DOWN, "Home": Keys.HOME, "End": Keys.END,
                 "Alt": Keys.ALT, "Shift": Keys.SHIFT, "Control": Keys.CONTROL, "Meta": Keys.META}


def selenium_key(name: str) -> str:
    """``KeyN`` -> ``n`` (the event's code is still KeyN with Shift held); named keys from the table."""
    if name.startswith("Key") and len(name) == 4:
        return name[3].lower()
    return SELENIUM_KEYS[name]


class WebKit(Engine):
    """A WebKit browser behind its WebDriver. The driver process lives for the session; each profile is
    a new WebDriver session, which starts a new browser process with ephemeral storage."""

    def __init__(self, name: str, service, options, window: bool) -> None:
        super().__init__()
        self.name = name
        self._service = service
        self._options = options
        self._window = window
        self._driver: webdriver.Remote | None = None
        try:
            self._service.start()
        except Exception as error:
            raise EngineError(f"{name}: the WebDriver did not start: {error}") from error

    def _session(self) -> webdriver.Remote:
        try:
            # Remote, not webdriver.WebKitGTK: the driver is already running, and Remote never calls
            # selenium-manager (which would try to download a driver).
            # A timeout on every request: a browser that cannot start (no display) leaves the driver's
            # answer to the new session pending for ever.
            connection = RemoteConnection(client_config=ClientConfig(remote_server_addr=self._service.service_url,
                                                                     timeout=WEBDRIVER_TIMEOUT))
            driver = webdriver.Remote(command_executor=connection, options=self._options)
        except Exception as error:
            raise EngineError(f"{self.name}: no WebDriver session: {error}\n{log_tail(self.log)}") from error
        if self._window:
            driver.set_window_rect(width=VIEWPORT["width"], height=VIEWPORT["height"])
        return driver

    @property
    def log(self) -> Path:
        """The driver's and the browser's output."""
        return Path(self._service.log_output.name)

    def _goto(self, url: str) -> None:
        self._driver.get(url)

    def _reload(self) -> None:
        self._driver.refresh()

    def _evaluate(self, expression: str) -> str:
        return self._driver.execute_async_script(
            f"const done = arguments[arguments.length - 1]; ({expression}).then(done);")

    def _click_at(self, x: float, y: float) -> None:
        # WebDriver pointer positions are whole CSS pixels.
        actions = ActionBuilder(self._driver)
        actions.pointer_action.move_to_location(round(x), round(y)).click()
        actions.perform()

    def _press(self, modifiers: list[str], key: str) -> None:
        chain = ActionChains(self._driver)
        for modifier in modifiers:
            chain.key_down(selenium_key(modifier))
        chain.send_keys(selenium_key(key))
        for modifier in reversed(modifiers):
            chain.key_up(selenium_key(modifier))
        chain.perform()

    def _fresh(self) -> None:
        if self._driver:
            self._driver.quit()
        self._driver = None
        self._driver = self._session()

    def _has_page(self) -> bool:
        return self._driver is not None

    def close(self) -> None:
        if self._driver:
            self._driver.quit()
        self._service.stop()


def webkitgtk(env: dict[str, str], folder: Path) -> WebKit:
    """MiniBrowser (whichever of the 4.1 and 4.0 API builds is installed) under the X display in ``env``."""
    binary = next((path for path in MINIBROWSERS if Path(path).is_file()), None)
    if not binary:
        raise EngineError(f"webkitgtk: no MiniBrowser at {' or '.join(MINIBROWSERS)}")
    options = WebKitGTKOptions()
    options.binary_location = binary
    options.add_argument("--automation")
    options.add_argument(WEBKIT_GESTURE_RULE)
    service = WebKitGTKService(executable_path=WEBKITGTK_DRIVER, env={**os.environ, **env},
                               log_output=str(folder / "webkitgtk.log"))
    return WebKit("webkitgtk", service, options, window=True)


def wpe(env: dict[str, str], folder: Path) -> WebKit:
    """cog on its headless platform: no display server at all; the view is cog's fixed 800×600."""
    options = WPEOptions()
    options.set_capability("browserName", "cog")  # Selenium's default, MiniBrowser, is not what cog answers
    options.binary_location = COG
    options.add_argument("--automation")
    options.add_argument("--platform=headless")
    options.add_argument(WEBKIT_GESTURE_RULE)
    service = WPEService(executable_path=WPE_DRIVER, env={**os.environ, **env}, log_output=str(folder / "wpe.log"))
    return WebKit("wpe", service, options, window=False)
