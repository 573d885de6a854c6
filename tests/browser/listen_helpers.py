"""Page-side helpers shared by the Nghe bài viết tests."""
from __future__ import annotations

from pathlib import Path

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"

# Before any page script: remember every audio element that plays (the player keeps its own out of the DOM)
# and every segment event, so tests can read both.
RECORD = """
window.__audios = [];
const play = HTMLMediaElement.prototype.play;
HTMLMediaElement.prototype.play = function () {
  window.__audios.includes(this) || window.__audios.push(this);
  return play.call(this);
};
"""

# Headless Chromium has no voices; this stands in for the browser's speechSynthesis (not for our code).
FAKE_SYNTH = """
window.__spoken = [];
Object.defineProperty(window, 'speechSynthesis', { configurable: true, value: {
  speak(u) { window.__spoken.push({ text: u.text, lang: u.lang, rate: u.rate });
    setTimeout(() => u.onstart && u.onstart(), 10); setTimeout(() => u.onend && u.onend(), 60); },
  cancel() {}, pause() {}, resume() {}, getVoices() { return []; },
} });
"""
NO_SYNTH = "Object.defineProperty(window, 'speechSynthesis', { configurable: true, value: undefined });"

# Subscribes to segment events; for each, the highlighted text as a reader sees it: <br> as a space,
# whitespace collapsed and NFC (the server's clean_text), plus whether the range has stray edges.
WATCH = """() => {
  window.__seg = [];
  TroDoc.on('segment', (d) => {
    const h = window.CSS && CSS.highlights && CSS.highlights.get('trodoc-reading');
    const r = h && [...h][0];
    let shown = null, raw = null;
    if (r) {
      const f = r.cloneContents();
      f.querySelectorAll('br').forEach((b) => b.replaceWith(' '));
      raw = r.toString();
      shown = f.textContent.normalize('NFC').replace(/[\\s\\u200b-\\u200d\\u2060]+/g, ' ').trim();
    }
    window.__seg.push({ ...d, shown, raw, at: performance.now() });
  });
}"""


def watch(page) -> None:
    page.evaluate(WATCH)


def segments(page) -> list[dict]:
    return page.evaluate("window.__seg")


def audio(page, prop: str):
    return page.evaluate(f"window.__audios.length ? window.__audios[0].{prop} : null")


# The text of the widget's polite live region(s), in the page or in shadow roots.
LIVE_TEXT = """() => [document, ...[...document.querySelectorAll('*')].filter(e => e.shadowRoot)
    .map(e => e.shadowRoot)].flatMap(r => [...r.querySelectorAll('[role=status],[aria-live]')])
    .map(e => e.textContent).join(' ')"""


def axe_violations(page) -> list[dict]:
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    return page.evaluate("""async () => (await axe.run(document, { runOnly: { type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })).violations
        .map(v => ({ id: v.id, nodes: v.nodes.map(n => n.target) }))""")
