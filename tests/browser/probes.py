"""JavaScript run in the page by the tests (``page.evaluate``), so measurements use the browser's own
computed styles. Kept here as functions so every test measures the same way."""
from __future__ import annotations

from pathlib import Path

AXE = (Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js").read_text(encoding="utf-8")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

# Every element of the target with text of its own: [computed font-size px, line-height px or null].
TEXT_SIZES = """() => [...document.querySelectorAll('[data-trodoc-target], [data-trodoc-target] *')]
  .filter((el) => [...el.childNodes].some((n) => n.nodeType === 3 && n.data.trim()))
  .map((el) => { const s = getComputedStyle(el);
                 return [parseFloat(s.fontSize), s.lineHeight === 'normal' ? null : parseFloat(s.lineHeight)]; })"""

# The contrast ratio (WCAG 2) of every visible text node of the target against the first opaque
# background behind it; returns the lowest ratios with their text.
CONTRAST = """() => {
  const channel = (c) => { c /= 255; return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
  const rgba = (text) => { const v = text.match(/[\\d.]+/g).map(Number); return v.length > 3 ? v : [...v, 1]; };
  const luminance = ([r, g, b]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  const background = (el) => {
    for (; el; el = el.parentElement) {
      const c = rgba(getComputedStyle(el).backgroundColor);
      if (c[3] > 0) { if (getComputedStyle(el).backgroundImage !== 'none') return null; return c; }
    }
    return [255, 255, 255, 1];
  };
  const results = [];
  const walker = document.createTreeWalker(document.querySelector('[data-trodoc-target]'), NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!node.data.trim() || !el.getClientRects().length || ['SCRIPT', 'STYLE'].includes(el.tagName)) continue;
    const fg = rgba(getComputedStyle(el).color), bg = background(el);
    if (!bg) { results.push([0, node.data.trim().slice(0, 40) + ' (background image)']); continue; }
    const mixed = fg.slice(0, 3).map((c, i) => c * fg[3] + bg[i] * (1 - fg[3]));
    const [a, b] = [luminance(mixed), luminance(bg)].sort((x, y) => y - x);
    results.push([Math.round(((a + 0.05) / (b + 0.05)) * 100) / 100, node.data.trim().slice(0, 40)]);
  }
  return results.sort((x, y) => x[0] - y[0]);
}"""

HAS_HORIZONTAL_SCROLL = "() => document.documentElement.scrollWidth > document.documentElement.clientWidth"

# The focused element, looking inside the bar's shadow root: its text, or null.
FOCUSED = """() => { let el = document.activeElement; while (el && el.shadowRoot && el.shadowRoot.activeElement)
  el = el.shadowRoot.activeElement; return el ? (el.textContent || el.tagName).trim() : null; }"""

LIVE_REGION = "() => document.querySelector('trodoc-bar').shadowRoot.querySelector('[role=status]').textContent"


def run_axe(page) -> list[dict]:
    """axe-core with the WCAG 2.2 A/AA rules on the whole page, the bar's open shadow root included.
    Evaluated through the DevTools protocol, which a page's Content-Security-Policy does not block."""
    if not page.evaluate("() => !!window.axe"):
        page.evaluate(AXE)
    return page.evaluate("""async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}}))
        .violations.map((v) => ({id: v.id, help: v.help,
                                 nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5)}))""",
                         AXE_TAGS)


def open_widget(page, url: str):
    """Go to ``url`` and wait until the bar works: the loader draws it, the bundle marks it ready."""
    page.goto(url)
    page.locator("trodoc-bar[data-ready]").wait_for(state="attached")
    return page


def sized(page):
    """Wait until a text-size change has reached every part of the article (long ones catch up over a
    few frames after the part in view)."""
    page.wait_for_function("() => !document.documentElement.hasAttribute('data-trodoc-sizing')")
    return page


def html_attributes(page) -> dict:
    return page.evaluate("""() => Object.fromEntries(['scale', 'contrast', 'spacing']
        .map((k) => [k, document.documentElement.getAttribute('data-trodoc-' + k)]))""")
