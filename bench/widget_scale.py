"""One text-size change on a 6,250-element article as the reader waits for it, and the tag's layout shift.

Chromium, against a naive per-element baseline; the shift is that of the article page while it loads.

Run: ``.venv/bin/python -m bench.widget_scale [--elements 6250] [--rounds 5]``. The page is the long
article of ``bench/lighthouse.py`` (headings, paragraphs with links, bold and emphasis, lists, figures,
tables, its own stylesheet) with ``--elements`` elements in ``<article id="bai-viet">``, served from a
second origin with the real ``/widget.js``. Each change is timed in the page two ways:

* forced: from the call to the return of a forced layout (``document.body.offsetHeight``) once the
  microtasks the call set off have run, so style recalculation and reflow are in, painting is not;
* frame: the call made at the start of a frame (in a ``requestAnimationFrame`` callback) to the end of that
  frame's style, layout and paint (a message posted from that callback is handled only then): when the
  reader sees the change; the next frame's start (double rAF); and, frame by frame until the article's
  height has held for three frames, the longest interval between the ends of two frames' paint (the
  display's 16.7 ms when the page keeps up, two of them for a dropped frame) and when the height last
  changed, so that work a widget spreads over later frames is counted too.

Target: the change painted within one frame, and no frame dropped while the rest catches up (p90s).

Changes compared, in the same page:

* ours: ``TroDoc.setScale(step)``, whatever the widget does with it;
* baseline: the per-element loop a naive widget runs on every click, setting ``el.style.fontSize`` from
  sizes measured beforehand (so it is not charged for measuring).

The article is found by its id, not by the widget's attributes, so the benchmark does not depend on what
the loader tags. Also shown: the loader's one-time cost (timed between two deferred marker scripts
around the tag) and the layout shift at load: the sum of the page's ``layout-shift`` entries
(``buffered: true``) read 1.5 s after ``load``, with and without the tag, loads alternating. Medians (and
p90) over ``--rounds`` page loads.
"""
from __future__ import annotations

import argparse
import statistics
from collections import defaultdict

from playwright.sync_api import Page, sync_playwright

from bench.lighthouse import DEFERRED_TAG, Variant, long_page, serve
from tests.browser.harness import launch

STEPS = [1.125, 1.25, 1.5, 1.75, 2, 1.75, 1.5, 1.25, 1]
FRAME_MS = 16.7
# Targets: a change within one 60 Hz frame; the tag adds no more layout shift than Lighthouse's budget.
CLS_TARGET = 0.02
SETTLE_MS = 1500

MARKED = Variant("marked", "deferred markers around the tag",
                 head=('<script src="mark.js" defer data-mark="before"></script>' + DEFERRED_TAG
                       + '<script src="mark.js" defer data-mark="after"></script>'))
PLAIN = Variant("plain", "no tag")

TIMING = """async ([method, steps]) => {
  const article = document.getElementById('bai-viet');
  const elements = [article, ...article.querySelectorAll('*')];
  const base = elements.map((el) => parseFloat(getComputedStyle(el).fontSize));
  const change = method === 'ours' ? (step) => TroDoc.setScale(step)
    : (step) => elements.forEach((el, i) => { el.style.fontSize = base[i] * step + 'px'; });
  // Resolves inside the next frame's rAF callbacks, with the time.
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
  // Posted from a rAF callback, a message is handled once that frame's style, layout and paint are done.
  const painted = () => new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve(performance.now());
    channel.port2.postMessage(null);
  });
  const height = () => article.getBoundingClientRect().height;
  const out = { forced: [], shown: [], next: [], longest: [], settled: [] };
  for (const step of steps) {
    await frame();  // each change starts from a painted page
    const start = performance.now();
    change(step);
    await null;  // what the change sets off in microtasks (mutation observers) is part of it
    document.body.offsetHeight;
    out.forced.push(performance.now() - start);
  }
  for (const step of steps) {
    await frame();  // inside a rAF callback: the change is this frame's to render
    const start = performance.now();
    change(step);
    let end = await painted();
    const shown = end - start;
    // Later frames until the article's height has held for three. Work a widget leaves for them shows as
    // height still changing, and as frames ending further apart than the display's interval.
    let longest = 0, settled = shown, last = height(), still = 0, next = null;
    for (let count = 0; still < 3 && count < 600; count++) {
      const begin = await frame();
      if (next === null) next = begin - start;
      const previous = end;
      end = await painted();
      longest = Math.max(longest, end - previous);
      const now = height();
      if (now !== last) [last, still, settled] = [now, 0, end - start];
      else still++;
    }
    Object.entries({ shown, next, longest, settled }).forEach(([key, value]) => out[key].push(value));
  }
  if (method !== 'ours') elements.forEach((el) => el.style.removeProperty('font-size'));
  return out;
}"""

LAYOUT_SHIFT = """() => new Promise((resolve) => {
  let sum = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) sum += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
  setTimeout(() => resolve(sum), 100);  // buffered entries arrive in a task of their own
})"""


def layout_shift(page: Page, url: str) -> float:
    """The sum of layout shifts of a fresh load of ``url``, once it has settled."""
    page.goto(url)
    page.wait_for_timeout(SETTLE_MS)
    return page.evaluate(LAYOUT_SHIFT)


def run(elements: int, rounds: int) -> dict[str, list[float]]:
    """Per round: a load without the tag and one with it (layout shift), then the timings on the latter."""
    results: dict[str, list[float]] = defaultdict(list)
    with serve({"plain.html": long_page(elements, PLAIN), "big.html": long_page(elements, MARKED),
                "mark.js": "performance.mark(document.currentScript.dataset.mark);"}) as (_, origin):
        with sync_playwright() as playwright:
            browser = launch(playwright)
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            for _ in range(rounds):
                results["shift plain"].append(layout_shift(page, origin + "/plain.html"))
                results["shift tag"].append(layout_shift(page, origin + "/big.html"))
                page.wait_for_function("() => window.TroDoc")
                results["elements"].append(page.evaluate(
                    "() => document.querySelectorAll('#bai-viet, #bai-viet *').length"))
                results["boot"].append(page.evaluate(
                    "() => performance.measure('boot', 'before', 'after').duration"))
                for method in ("ours", "naive"):
                    for way, times in page.evaluate(TIMING, [method, STEPS]).items():
                        results[f"{method} {way}"] += times
            browser.close()
    return results


def _p90(times: list[float]) -> float:
    return statistics.quantiles(times, n=10)[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--elements", type=int, default=6250, help="elements in the article")
    parser.add_argument("--rounds", type=int, default=5, help="page loads (each times every step)")
    args = parser.parse_args()
    results = run(args.elements, args.rounds)
    print(f"Article of {results['elements'][0]:,} elements, Chromium 1280×800, {len(results['ours forced'])} "
          f"changes per method and way ({args.rounds} page loads × {len(STEPS)} steps); median / p90 ms.\n")
    print("| one text-size change | forced layout | shown (end of its frame's paint) | next frame (double rAF) "
          "| longest frame interval until settled | settled (height last changed) "
          "| shown within a frame, no frame dropped after |")
    print("|---|---:|---:|---:|---:|---:|---|")
    for method, name in (("ours", "ours: `TroDoc.setScale()`"), ("naive", "baseline: inline style on every element")):
        cells = [f"{statistics.median(times):.1f} / {_p90(times):.1f}" for times in
                 (results[f"{method} {way}"] for way in ("forced", "shown", "next", "longest", "settled"))]
        # p90s: the change painted within one frame, and no later frame late by half an interval or more.
        verdict = "yes" if (_p90(results[f"{method} shown"]) < FRAME_MS
                            and _p90(results[f"{method} longest"]) < 1.5 * FRAME_MS) else "no"
        print(f"| {name} | {' | '.join(cells)} | {verdict} |")
    plain, tagged = statistics.median(results["shift plain"]), statistics.median(results["shift tag"])
    print(f"\n| layout shift at load (sum, {SETTLE_MS / 1000:g} s after `load`) | no tag | with tag | Δ "
          f"| target Δ ≤ {CLS_TARGET} |")
    print("|---|---:|---:|---:|---|")
    print(f"| median of {args.rounds} loads each | {plain:.3f} | {tagged:.3f} | {tagged - plain:+.3f} "
          f"| {'yes' if tagged - plain <= CLS_TARGET else 'no'} |")
    print(f"\nOne-time loader cost on this page (between the deferred markers): "
          f"{statistics.median(results['boot']):.1f} ms.")


if __name__ == "__main__":
    main()
