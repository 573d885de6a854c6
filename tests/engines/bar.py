"""What the scenarios look at in the page, written once for every engine. All lookups of the bar's
buttons are here (:data:`BUTTONS`), since the bar's layout is to change; the buttons are found in the
shadow root of ``<trodoc-bar>`` by accessible name, which the redesign keeps."""
from __future__ import annotations

import unicodedata
from typing import Any

from tests.engines.drivers import Engine

# The bar's visible buttons, in order: their accessible names (aria-label, else the text content: the
# size buttons read "A+" and continue in a visually hidden span), centre point, aria-pressed, whether
# something covers the centre, and which is focused and which are in the Tab order (tabindex 0).
BUTTONS = """() => {
  const host = document.querySelector('trodoc-bar');
  const root = host && host.shadowRoot;
  if (!root) return null;
  const name = (b) => (b.getAttribute('aria-label') || b.textContent).replace(/\\s+/g, ' ').trim();
  return [...root.querySelectorAll('button')].filter((b) => !b.hidden && b.getClientRects().length).map((b) => {
    const r = b.getBoundingClientRect(), x = r.left + r.width / 2, y = r.top + r.height / 2;
    const hit = root.elementFromPoint(x, y);
    return { name: name(b), x, y, pressed: b.getAttribute('aria-pressed'), covered: !(hit && b.contains(hit)),
             focused: root.activeElement === b, tabStop: b.tabIndex === 0 };
  });
}"""


def buttons(engine: Engine) -> list[dict[str, Any]]:
    """The bar's visible buttons (see :data:`BUTTONS`); fails when the page has no bar."""
    found = engine.evaluate(BUTTONS)
    assert found is not None, f"{engine.name}: no <trodoc-bar> with an open shadow root in the page"
    return found


def button(engine: Engine, name: str) -> dict[str, Any]:
    """The visible button named ``name`` (exactly, else the first whose name contains it), scrolled into
    view."""
    engine.evaluate("() => document.querySelector('trodoc-bar').scrollIntoView({ block: 'nearest' })")
    shown = buttons(engine)
    found = next((b for b in shown if b["name"] == name), None) or next((b for b in shown if name in b["name"]), None)
    assert found, f"{engine.name}: no visible button {name!r} in the bar; it has {[b['name'] for b in shown]}"
    return found


def press_button(engine: Engine, name: str) -> None:
    """A real click on the bar's button ``name``, as a reader would: only if nothing covers it."""
    target = button(engine, name)
    assert not target["covered"], f"{engine.name}: something covers the button {name!r}"
    engine.click((target["x"], target["y"]))


def focused_button(engine: Engine) -> str | None:
    """The name of the bar's focused button, or None when focus is elsewhere."""
    return next((b["name"] for b in buttons(engine) if b["focused"]), None)


def open_widget(engine: Engine, url: str) -> None:
    """Opens ``url`` and waits until the widget is ready (``window.TroDoc``)."""
    engine.open(url)
    engine.wait_for("() => !!window.TroDoc", what="window.TroDoc (the widget ready)")


def html_attributes(engine: Engine) -> dict[str, str | None]:
    """The settings the widget mirrors on ``<html>``."""
    return engine.evaluate("""() => Object.fromEntries(['scale', 'contrast', 'spacing']
        .map((k) => [k, document.documentElement.getAttribute('data-trodoc-' + k)]))""")


# The computed sizes the scenarios check, in px, and the contrast colours of the article's text.
SIZES = """() => { const s = (q) => getComputedStyle(document.querySelector(q));
  return { h1: parseFloat(s('article h1').fontSize), h1Line: parseFloat(s('article h1').lineHeight),
           p: parseFloat(s('article p').fontSize), pLine: parseFloat(s('article p').lineHeight),
           figcaption: parseFloat(s('article figcaption').fontSize) }; }"""
COLOURS = """() => { const s = getComputedStyle(document.querySelector('article p'));
  return { color: s.color, background: s.backgroundColor }; }"""


def sizes(engine: Engine) -> dict[str, float]:
    """h1, p and figcaption font sizes and line heights of the article, in px."""
    return engine.evaluate(SIZES)


# The sentence being read, as text. With the CSS Custom Highlight API: the text of each range of the
# 'trodoc-reading' highlight, joined by " | " (one range is right). Without it: the widget draws boxes,
# `.mark` elements in the bar's shadow root; the text is then the article's words whose centre lies in a
# visible box, so boxes in the wrong place or of the wrong size read as the wrong text.
READING = """() => {
  const norm = (s) => s.normalize('NFC').replace(/\\s+/g, ' ').trim();
  if (window.CSS && CSS.highlights) {
    const h = CSS.highlights.get('trodoc-reading');
    return { api: 'highlights', text: h ? [...h].map((r) => norm(r.toString())).join(' | ') : '' };
  }
  const root = document.querySelector('trodoc-bar') && document.querySelector('trodoc-bar').shadowRoot;
  const boxes = (root ? [...root.querySelectorAll('.mark')] : []).filter((m) => {
    const s = getComputedStyle(m);
    return s.display !== 'none' && s.visibility !== 'hidden' && Number(s.opacity) > 0;
  }).flatMap((m) => [...m.getClientRects()]).filter((r) => r.width > 0 && r.height > 0);
  const words = [];
  const walker = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const m of node.data.matchAll(/\\S+/g)) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const r = range.getBoundingClientRect(), x = r.left + r.width / 2, y = r.top + r.height / 2;
      if (boxes.some((b) => x >= b.left && x <= b.right && y >= b.top && y <= b.bottom)) words.push(m[0]);
    }
  }
  return { api: 'boxes', text: norm(words.join(' ')) };
}"""


def reading_marked(engine: Engine) -> str:
    """The text the widget marks as being read ('' when nothing is marked), however the engine lets it
    mark it (see :data:`READING`)."""
    return engine.evaluate(READING)["text"]


def normalized(text: str) -> str:
    """Text as :data:`READING` reports it: NFC, whitespace collapsed (the page source wraps lines)."""
    return " ".join(unicodedata.normalize("NFC", text).split())
