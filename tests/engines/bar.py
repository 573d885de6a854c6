"""What the scenarios look at in the page, written once for every engine. Every lookup of the widget's
controls is here (:data:`CONTROLS`), so that a new layout of the bar changes this file only.

The widget lives in the open shadow root of ``<trodoc-bar>``. Its controls are found by their
``data-key`` (the bundle wires them by it), and each comes with its accessible name, which the
scenarios check against :data:`BAR_AT_REST` and :data:`PLAYER`. Three parts hold controls:

* ``bar``: the ``.bar[role=toolbar]`` (size, spacing, contrast, listen);
* ``player``: the ``.player`` shown while listening (its own toolbar, then the position and, on the
  portal's articles, the MP3 link), fixed to the bottom of the viewport; it is drawn only once the
  listening part is loaded (the first time the reader reaches for "Nghe"), and is hidden, not removed,
  when reading stops;
* ``toggle``: the floating bar's "Trợ Đọc" button (``data-position="floating"`` only), before the bar.
"""
from __future__ import annotations

import unicodedata
from typing import Any

from tests.engines.drivers import Engine

# The accessible names at rest, in the bar's order, at the default settings (data-key, role, name).
BAR_AT_REST = [
    ("smaller", "button", "A- Giảm cỡ chữ"),
    ("reset", "button", "100 % Cỡ chữ mặc định"),
    ("larger", "button", "A+ Tăng cỡ chữ"),
    ("spacing", "button", "Giãn dòng"),
    ("less", "button", "− Giảm tương phản"),
    ("contrast", "spinbutton", "Tương phản"),
    ("more", "button", "+ Tăng tương phản"),
    ("listen", "button", "Nghe bài viết"),
]
# The player's controls while it reads, in order, at 1× (the MP3 link only on the portal's articles).
PLAYER = [
    ("previous", "button", "Câu trước"),
    ("toggle", "button", "Tạm dừng"),
    ("next", "button", "Câu sau"),
    ("rate", "button", "Tốc độ đọc 1×"),
    ("stop", "button", "Dừng đọc"),
]
PLAY = "Nghe bài viết"  # the player's toggle while paused
TOGGLE = ("open", "button", "Trợ Đọc")  # the floating bar's disclosure button

# Every control of the widget, in DOM order, shown or not: its key and part, role and accessible name (as
# the engines compute it here: aria-label, else the text that is not aria-hidden, hidden words included),
# the text it shows (without the visually hidden words, which are 1 px boxes), its ARIA state, its box in
# the viewport, whether it is displayed at all (a box of its own), whether something covers its centre,
# whether it is focused and whether it is its toolbar's Tab stop. Also the live region's text, the parts'
# boxes, the viewport and the page's scroll position.
CONTROLS = """() => {
  const host = document.querySelector('trodoc-bar');
  const root = host && host.shadowRoot;
  if (!root) return null;
  const squash = (s) => s.replace(/\\s+/g, ' ').trim();
  const hiddenFromAT = (node, top) => {
    for (let el = node.nodeType === 1 ? node : node.parentElement; el && el !== top.parentElement;
      el = el.parentElement) {
      if (el.getAttribute('aria-hidden') === 'true') return true;
    }
    return false;
  };
  const texts = (el, keep) => {
    const out = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (keep(n)) out.push(n.data);
    return squash(out.join(' '));
  };
  const shownText = (n) => { const r = n.parentElement.getBoundingClientRect(); return r.width > 1 && r.height > 1; };
  const box = (el) => { const r = el.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height }; };
  const part = (el) => el.closest('.player') ? 'player' : el.closest('.bar') ? 'bar' : 'toggle';
  const displayed = (el) => el.getClientRects().length > 0;
  const controls = [...root.querySelectorAll('[data-key], a[href]')].map((el) => {
    const b = box(el), x = b.left + b.width / 2, y = b.top + b.height / 2;
    const shown = displayed(el);
    const hit = shown ? root.elementFromPoint(x, y) : null;
    const attr = (name) => el.getAttribute(name);
    return {
      key: el.dataset.key || (el.hasAttribute('download') ? 'download' : el.tagName.toLowerCase()),
      part: part(el), role: attr('role') || (el.tagName === 'A' ? 'link' : el.tagName.toLowerCase()),
      name: squash(attr('aria-label') || texts(el, (n) => !hiddenFromAT(n, el))),
      text: texts(el, shownText),
      pressed: attr('aria-pressed'), expanded: attr('aria-expanded'),
      valuenow: attr('aria-valuenow'), valuetext: attr('aria-valuetext'), hidden: el.hidden,
      displayed: shown, box: b, x, y, covered: shown ? !(hit && el.contains(hit)) : null,
      focused: root.activeElement === el, tabStop: shown && el.tabIndex === 0,
    };
  });
  const q = (selector) => root.querySelector(selector);
  const partOf = (el) => el && { displayed: displayed(el), display: getComputedStyle(el).display, box: box(el),
    hidden: el.hidden, focusWithin: el.contains(root.activeElement) };
  const status = q('[role=status]');
  return { controls, bar: partOf(q('.bar')), player: partOf(q('.player')), toggle: partOf(q('.toggle')),
           status: status ? squash(status.textContent) : null,
           position: q('.position') ? squash(q('.position').textContent) : null,
           focusInside: !!root.activeElement, hostFocused: document.activeElement === host,
           viewport: { width: innerWidth, height: innerHeight }, scrollY };
}"""


def widget(engine: Engine) -> dict[str, Any]:
    """Everything :data:`CONTROLS` reports; fails when the page has no bar."""
    found = engine.evaluate(CONTROLS)
    assert found is not None, f"{engine.name}: no <trodoc-bar> with an open shadow root in the page"
    return found


def controls(engine: Engine, part: str | None = None) -> list[dict[str, Any]]:
    """The controls that are displayed, in DOM order; only those of ``part`` ('bar', 'player', 'toggle')
    when given."""
    return [c for c in widget(engine)["controls"] if c["displayed"] and part in (None, c["part"])]


def names(engine: Engine, part: str) -> list[tuple[str, str, str]]:
    """(key, role, accessible name) of the displayed controls of ``part``, in order."""
    return [(c["key"], c["role"], c["name"]) for c in controls(engine, part)]


def control(engine: Engine, key: str) -> dict[str, Any]:
    """The control with ``data-key=key``, displayed or not."""
    every = widget(engine)["controls"]
    found = next((c for c in every if c["key"] == key), None)
    assert found, f"{engine.name}: no control {key!r} in the widget; it has {[c['key'] for c in every]}"
    return found


def shown(engine: Engine, key: str) -> dict[str, Any]:
    """The control ``key``, which must be displayed. The bar's own controls are scrolled into view first
    (only when they are not in it: the player is fixed, and scrolling would move the page under it)."""
    found = control(engine, key)
    assert found["displayed"], f"{engine.name}: the control {key!r} ({found['name']!r}) is not displayed"
    view = widget(engine)["viewport"]
    b = found["box"]
    if found["part"] == "bar" and not (b["top"] >= 0 and b["bottom"] <= view["height"]):
        engine.evaluate("() => document.querySelector('trodoc-bar').scrollIntoView({ block: 'nearest' })")
        found = control(engine, key)
    return found


def press(engine: Engine, key: str) -> dict[str, Any]:
    """A real click on the control ``key``, as a reader would: only if it is displayed and nothing covers
    it. Returns the control as it was just before the click."""
    target = shown(engine, key)
    assert not target["covered"], f"{engine.name}: something covers the control {key!r} ({target['name']!r})"
    engine.click((target["x"], target["y"]))
    return target


# The keys of the controls of a part that take focus when asked to (focus is put back after).
FOCUSABLE = """(part) => {
  const root = document.querySelector('trodoc-bar').shadowRoot, before = root.activeElement;
  const within = root.querySelector({ bar: '.bar', player: '.player', toggle: '.toggle' }[part]);
  if (!within) return [];  // the player exists only once listening was asked for
  const all = within.matches('[data-key]') ? [within] : [...within.querySelectorAll('[data-key], a[href]')];
  const took = all.filter((el) => { el.focus(); return root.activeElement === el; });
  if (before) before.focus(); else if (root.activeElement) root.activeElement.blur();
  return took.map((el) => el.dataset.key || el.tagName.toLowerCase());
}"""


def focusable(engine: Engine, part: str) -> list[str]:
    """The keys of the controls of ``part`` that can take focus (none, when the part is gone)."""
    return engine.evaluate(FOCUSABLE, part)


def focused(engine: Engine) -> str | None:
    """The key of the widget's focused control, or None when focus is elsewhere."""
    return next((c["key"] for c in widget(engine)["controls"] if c["focused"]), None)


def wait_focused(engine: Engine, key: str, why: str = "") -> None:
    """Waits briefly until the control ``key`` has focus (focus may follow an answer from the server)."""
    try:
        engine.wait_for(f"(k) => ({CONTROLS})().controls.some((c) => c.focused && c.key === k)", key, timeout=2)
    except AssertionError:
        pass  # the assertion says where focus is instead
    assert focused(engine) == key, f"{engine.name}: {why or 'focus'}: focus is on {focused(engine)!r}, not {key!r}"


def wait_status(engine: Engine, message: str, timeout: float = 3) -> None:
    """Waits until the live region says ``message``: it is written 100 ms after it is cleared, together
    with whatever else was said meanwhile (one message per topic, joined by spaces)."""
    try:
        engine.wait_for(f"(m) => ({CONTROLS})().status.includes(m)", message, timeout=timeout)
    except AssertionError:
        pass  # the assertion says what it says instead
    said = widget(engine)["status"]
    assert message in said, f"{engine.name}: the live region says {said!r}, not {message!r}"


# Resolves after the next rendering of the page. A new WebKitGTK window under Xvfb may not have
# rendered at all when the load event has fired and the bundle has run, and column.js lines the bar up
# only from a ResizeObserver's report, which comes with a rendering: before it, the floating toggle sits
# at the viewport's right edge, and moves to the column's while a click is on its way.
RENDERED = "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))"


def open_widget(engine: Engine, url: str) -> None:
    """Opens ``url`` and waits until the widget is ready (``window.TroDoc``) and the page rendered."""
    engine.open(url)
    engine.wait_for("() => !!window.TroDoc", what="window.TroDoc (the widget ready)")
    engine.evaluate(RENDERED)


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


# Text spacing (WCAG 1.4.12) as the article's p and h1 get it, in px: letter and word spacing ('normal'
# is 0), the space after a paragraph, line heights.
SPACING = """() => { const s = (q) => getComputedStyle(document.querySelector(q));
  const p = s('article p'), h1 = s('article h1');
  return { pLetters: parseFloat(p.letterSpacing) || 0, pWords: parseFloat(p.wordSpacing) || 0,
           pAfter: parseFloat(p.marginBottom), pLine: parseFloat(p.lineHeight),
           h1Line: parseFloat(h1.lineHeight) }; }"""


def sizes(engine: Engine) -> dict[str, float]:
    """h1, p and figcaption font sizes and line heights of the article, in px."""
    return engine.evaluate(SIZES)


def spacing(engine: Engine) -> dict[str, float]:
    """The article's text spacing (see :data:`SPACING`), in px."""
    return engine.evaluate(SPACING)


# The sentence being read, as text. With the CSS Custom Highlight API: the text of each range of the
# 'trodoc-reading' highlight, joined by " | " (one range is right). Without it: the widget draws boxes,
# `.mark` elements in the bar's shadow root; the text is then the page's words whose centre lies in a
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
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
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
