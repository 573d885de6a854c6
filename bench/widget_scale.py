"""The time of one text-size change on a 5,000-element article in Chromium, against a naive baseline.

Run: ``.venv/bin/python -m bench.widget_scale``. The article (1,250 paragraphs, each with a link, bold
and emphasised text: 5,001 elements in the target) is served from a second origin with the real
``/widget.js``. Each change is timed in the page from the call to the end of the forced layout, so
style recalculation and reflow are included:

* ours: ``TroDoc.setScale(step)``: one attribute on ``<html>``, the stylesheet does the rest;
* baseline, in the same page: the per-element loop a naive widget runs on every click, setting
  ``el.style.fontSize`` from sizes measured beforehand (so it is not charged for measuring), with the
  article as the page made it; and once more with the ``content-visibility`` that page.css gives long
  articles, to show what the stylesheet and what the containment each bring.

Also shown: the loader's one-time cost on that page (measuring and tagging the 5,000 elements),
timed between two deferred marker scripts around the ``widget.js`` tag. Medians of several rounds.
"""
from __future__ import annotations

import logging
import statistics
import tempfile

from playwright.sync_api import sync_playwright

from server import assets, create_app
from tests.browser.harness import Server, launch, pages_app

PARAGRAPHS = 1250
ROUNDS = 5
STEPS = [1.125, 1.25, 1.5, 1.75, 2, 1.75, 1.5, 1.25, 1]
FRAME_MS = 16.7


def article() -> str:
    paragraph = ('<p>Ủy ban nhân dân huyện <a href="#">thông báo</a> lịch tiếp công dân <b>định kỳ</b> '
                 'tại trụ sở, người dân mang theo <em>căn cước công dân</em> khi đến làm thủ tục.</p>')
    return f"""<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>5.000 phần tử</title>
<link rel="icon" href="data:,"><link rel="stylesheet" href="hostile.css">
<script src="mark.js" defer data-mark="before"></script>
<script src="{{{{WIDGET}}}}/widget.js" defer data-target="#bai-viet"></script>
<script src="mark.js" defer data-mark="after"></script>
</head><body><main class="container"><article id="bai-viet"><h1>Bài dài</h1>
{paragraph * PARAGRAPHS}</article></main></body></html>"""


CHANGE = """(steps) => steps.map((step) => {
  const start = performance.now();
  TroDoc.setScale(step);
  document.body.offsetHeight;
  return performance.now() - start;
})"""

NAIVE = """([steps, contained]) => {
  const target = document.querySelector('[data-trodoc-target]');
  target.setAttribute('data-trodoc-target', contained ? 'long' : '');
  const elements = [...document.querySelectorAll('[data-trodoc-target], [data-trodoc-target] *')];
  const base = elements.map((el) => parseFloat(getComputedStyle(el).fontSize));
  const times = steps.map((step) => {
    const start = performance.now();
    elements.forEach((el, i) => { el.style.fontSize = base[i] * step + 'px'; });
    document.body.offsetHeight;
    return performance.now() - start;
  });
  elements.forEach((el) => el.style.removeProperty('font-size'));
  target.setAttribute('data-trodoc-target', 'long');
  return times;
}"""


def run() -> dict[str, list[float]]:
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    results: dict[str, list[float]] = {"ours": [], "naive": [], "contained": [], "boot": [], "elements": []}
    with tempfile.TemporaryDirectory() as folder:
        app = create_app({"TESTING": True, "LOAD_SAMPLES": False, "DATABASE_URL": f"sqlite:///{folder}/t.db",
                          "AUDIO_DIR": folder})
        assets.build(app)
        widget = Server(app)
        pages = Server(pages_app(widget.url, {
            "big.html": article(), "mark.js": "performance.mark(document.currentScript.dataset.mark);"}))
        try:
            with sync_playwright() as playwright:
                browser = launch(playwright)
                page = browser.new_page(viewport={"width": 1280, "height": 800})
                for _ in range(ROUNDS):
                    page.goto(pages.url + "/big.html")
                    page.locator("trodoc-bar").wait_for(state="attached")
                    results["elements"].append(page.evaluate(
                        "() => document.querySelectorAll('[data-trodoc-target], [data-trodoc-target] *').length"))
                    results["boot"].append(page.evaluate(
                        "() => performance.measure('boot', 'before', 'after').duration"))
                    results["ours"] += page.evaluate(CHANGE, STEPS)
                    results["naive"] += page.evaluate(NAIVE, [STEPS, False])
                    results["contained"] += page.evaluate(NAIVE, [STEPS, True])
                browser.close()
        finally:
            pages.close()
            widget.close()
    return results


def main() -> None:
    results = run()
    ours, naive = statistics.median(results["ours"]), statistics.median(results["naive"])
    print(f"Article of {results['elements'][0]:,} elements, Chromium "
          f"{len(results['ours'])} changes per method ({ROUNDS} page loads × {len(STEPS)} steps).\n")
    print("| one text-size change | median ms | p90 ms | within one frame (16.7 ms) |")
    print("|---|---:|---:|---|")
    for name, times in (("ours: `TroDoc.setScale()` (one attribute, stylesheet)", results["ours"]),
                        ("baseline: inline style on every element", results["naive"]),
                        ("baseline with our `content-visibility` on the long article", results["contained"])):
        p90 = statistics.quantiles(times, n=10)[-1]
        print(f"| {name} | {statistics.median(times):.2f} | {p90:.2f} | {'yes' if p90 < FRAME_MS else 'no'} |")
    print(f"\nRatio baseline / ours: {naive / ours:.1f}×. "
          f"One-time loader cost on this page (measure and tag): {statistics.median(results['boot']):.1f} ms.")


if __name__ == "__main__":
    main()
