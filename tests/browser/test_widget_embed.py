"""The one tag on any page: another origin under a strict CSP, no article, one global, nothing injected
into the host's accessibility tree, settings remembered and applied before first paint."""
from __future__ import annotations

import pytest

from tests.browser.probes import html_attributes, open_widget

# Runs before any page script: records the globals the page starts with, CSP violations, and the state
# of the page at DOMContentLoaded and in the animation frame after it, i.e. as the first full paint shows it.
WATCH = """
window.__globals = Object.getOwnPropertyNames(window);
window.__violations = [];
document.addEventListener('securitypolicyviolation',
                          (e) => __violations.push(e.violatedDirective + ' ' + e.blockedURI));
const snapshot = () => {
  const p = document.querySelector('article p');
  return { scale: document.documentElement.getAttribute('data-trodoc-scale'),
           contrast: document.documentElement.getAttribute('data-trodoc-contrast'),
           size: p && getComputedStyle(p).fontSize, color: p && getComputedStyle(p).color };
};
document.addEventListener('DOMContentLoaded', () => {
  window.__ready = snapshot();
  requestAnimationFrame(() => { window.__frame = snapshot(); });
});
"""


@pytest.fixture
def watched(page):
    page.add_init_script(WATCH)
    return page


@pytest.mark.parametrize("path", ["/hostile.html", "/no-article.html", "/floating.html"])
def test_one_global_no_csp_violation_from_another_origin(watched, pages_server, path):
    page = open_widget(watched, pages_server.url + path)
    added = page.evaluate("() => Object.getOwnPropertyNames(window).filter((k) => !__globals.includes(k) "
                          "&& !k.startsWith('__'))")
    assert added == ["TroDoc"]
    assert page.evaluate("() => __violations") == []
    assert page.evaluate("() => Object.keys(TroDoc).sort()") == \
        ["destroy", "getState", "on", "pause", "play", "setContrast", "setScale", "stop"]


def test_page_without_article_falls_back_to_body_quietly(page, pages_server):
    open_widget(page, pages_server.url + "/no-article.html")
    assert page.evaluate("() => document.querySelector('[data-trodoc-target]') === document.body")
    assert page.evaluate("() => document.body.firstElementChild.tagName") == "TRODOC-BAR"
    page.get_by_role("button", name="Tăng cỡ chữ").click()
    assert page.evaluate("() => getComputedStyle(document.querySelector('h1')).fontSize") == "36px"


def test_no_aria_or_roles_added_to_the_host_page(page, sample_url):
    open_widget(page, sample_url)
    for name in ("Tăng cỡ chữ", "Tăng tương phản", "Giãn dòng", "Nghe bài viết"):
        page.get_by_role("button", name=name).click()
    # The widget's own element may carry its column's custom properties (a CSSOM style, CSP allows it).
    count = """(html) => [...(html ? new DOMParser().parseFromString(html, 'text/html') : document)
        .querySelectorAll('*:not(trodoc-bar)')]
        .reduce((n, el) => n + [...el.attributes].filter((a) => a.name === 'role' || a.name.startsWith('aria-')
        || a.name === 'tabindex' || a.name === 'style').length, 0)"""
    served = page.evaluate("async () => (await fetch(location.href)).text()")
    assert page.evaluate(count) == page.evaluate(count, served)


def test_api_state_and_events(page, sample_url):
    open_widget(page, sample_url)
    assert page.evaluate("() => TroDoc.getState()") == {
        "scale": 1, "contrast": "normal", "spacing": False, "playing": False, "segment": None, "rate": 1}
    events = page.evaluate("""() => { const seen = [];
        const off = TroDoc.on('change', (s) => seen.push(s.scale + ' ' + s.contrast));
        TroDoc.on('error', (e) => seen.push('error ' + e.type));
        seen.push(TroDoc.setScale(1.3)); TroDoc.setContrast('max'); off(); TroDoc.setScale(1);
        for (const bad of [() => TroDoc.setContrast('loud'), () => TroDoc.setScale('big'),
                           () => TroDoc.on('x', () => 0)])
          try { bad(); seen.push('accepted'); } catch (e) { seen.push(e.name); }
        return seen; }""")
    assert events == ["1.25 normal", 1.25, "1.25 max", "RangeError", "TypeError", "TypeError"]
    assert html_attributes(page) == {"scale": "1", "contrast": "max", "spacing": None}


@pytest.mark.parametrize("path", ["sample", "/hostile.html", "/floating.html"])
def test_settings_persist_and_apply_before_first_paint(watched, sample_url, pages_server, path):
    page = open_widget(watched, sample_url if path == "sample" else pages_server.url + path)
    base = page.evaluate("() => __ready")
    assert base["scale"] == "1" and base["contrast"] == "normal"
    page.evaluate("() => { TroDoc.setScale(1.75); TroDoc.setContrast('max'); }")
    page.reload()
    page.locator("trodoc-bar[data-ready]").wait_for(state="attached")
    expected = {"scale": "1.75", "contrast": "max", "color": "rgb(255, 255, 255)",
                "size": f"{float(base['size'][:-2]) * 1.75:g}px"}
    if path == "/hostile.html":  # a deferred tag runs before DOMContentLoaded; one in <head>, at the first frame
        assert page.evaluate("() => __ready") == expected
    assert page.evaluate("() => __frame") == expected
    assert page.evaluate("() => TroDoc.getState().scale") == 1.75
