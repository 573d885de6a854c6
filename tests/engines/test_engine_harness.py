"""The driver layer itself, in each engine: a page's errors are reported (else every scenario's check
for none would pass unseen), and clicks and keys arrive as a reader's would."""
from __future__ import annotations

from tests.engines.drivers import Engine

NATIVE_CONSOLE = {"chromium", "firefox"}  # the WebKit drivers have none (drivers.py)


def test_the_engine_reports_what_goes_wrong_in_the_page(engine: Engine, site):
    engine.open(site.url + "/broken.html")
    errors = engine.errors()
    assert any("CSP script-src" in e for e in errors), errors  # the inline script the policy blocked
    assert any(e.startswith("probe:") and "broken.js threw" in e for e in errors), errors
    assert any(e.startswith("probe:") and "broken.js logged" in e for e in errors), errors
    if engine.name in NATIVE_CONSOLE:
        assert any(e.startswith(("console:", "pageerror:")) and "broken.js threw" in e for e in errors), errors
    assert engine.errors() == [], "each error is reported once"


def test_clicks_and_keys_are_trusted_input(engine: Engine, site):
    engine.open(site.url + "/broken.html")
    engine.errors()
    engine.evaluate("""() => { window.__input = [];
        for (const type of ['click', 'keydown']) document.addEventListener(type, (e) => __input.push(
          [e.type, e.isTrusted, e.code || null, e.altKey, e.shiftKey]), true); }""")
    engine.click("p")
    engine.press("Alt+Shift+KeyN")
    engine.press("Space")
    assert engine.evaluate("() => __input") == [
        ["click", True, None, False, False],
        ["keydown", True, "AltLeft", True, False],
        ["keydown", True, "ShiftLeft", True, True],
        ["keydown", True, "KeyN", True, True],
        ["keydown", True, "Space", False, False],
    ]
