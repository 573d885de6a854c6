"""What lining the bar up with the article's column costs (``widget/column.js``), against measuring it at once.

Run: ``.venv/bin/python -m bench.widget_column [--loads 15]``. Chromium (Debian's, 1280×800) loads two
pages with ``column.js`` straight from its source and no rest of the widget
(``tests/browser/pages/column-timing.js``): the long article of the browser tests and the block theme
page (WordPress 6.1's Twenty Twenty-Three markup, ``tests/browser/pages/blocktheme.html``). Loads alternate
between two ways, on the same page:

* ours: ``followColumn(host, target)``; its setup (synchronous) and its first measurement, which comes
  with a ResizeObserver's first report, after the browser's own layout, bracketed by two observers made
  before and after it; then one more measurement (``columnOf``) on the laid-out page;
* baseline: ``columnOf(host, target)`` called at once from the module, as a widget without an observer
  would: that read forces the page's first layout, which the reader waits for before anything is painted.

Medians over ``--loads`` loads of each way; the ratio is ours (setup + first measurement) to the baseline.
"""
from __future__ import annotations

import argparse
import logging
import statistics
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.browser.conftest import LONG_PAGE
from tests.browser.harness import PAGES, Server, launch, pages_app

ROOT = Path(__file__).resolve().parents[1]
MODULE = '<script type="module" src="column-timing.js"></script>'
TAGS = {  # the widget's tag in each page, replaced by the timing module
    "long.html": '<script src="{{WIDGET}}/widget.js" defer></script>',
    "blocktheme.html": '<script src="{{WIDGET}}/widget.js" data-target=".entry-content" data-lang="vi"></script>',
}


def pages() -> dict[str, str]:
    """The two pages with the timing module instead of the widget's tag, and ``column.js``."""
    sources = {"long.html": LONG_PAGE, "blocktheme.html": (PAGES / "blocktheme.html").read_text(encoding="utf-8")}
    out = {"column.js": (ROOT / "widget" / "column.js").read_text(encoding="utf-8")}
    for name, source in sources.items():
        assert TAGS[name] in source, f"{name} no longer has the tag this benchmark replaces"
        out[name] = source.replace(TAGS[name], MODULE)
    return out


def run(loads: int) -> dict[str, dict[str, list[float]]]:
    """Per page, the times of every load: ``setup``, ``first``, ``again`` (ours) and ``forced`` (baseline)."""
    results: dict[str, dict[str, list[float]]] = {name: {} for name in TAGS}
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # one line per request would bury the table
    server = Server(pages_app("", pages()))
    try:
        with sync_playwright() as playwright:
            browser = launch(playwright)
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            for _ in range(loads):
                for name in TAGS:
                    for way, query in (("ours", ""), ("forced", "?forced")):
                        page.goto(f"{server.url}/{name}{query}")
                        times = page.wait_for_function("() => window.__times").json_value()
                        if way == "forced":
                            times = {"forced": times["first"]}
                        for key, value in times.items():
                            results[name].setdefault(key, []).append(value)
            browser.close()
    finally:
        server.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loads", type=int, default=15, help="page loads of each way, per page")
    args = parser.parse_args()
    results = run(args.loads)
    print(f"Chromium 1280×800, medians of {args.loads} loads of each way, ms "
          "(`performance.now()` is coarsened to 0.1 ms).\n")
    print("| page | ours: setup | ours: first measurement | ours: again | baseline: measured at once "
          "(forces the first layout) | ours (setup + first) / baseline |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, times in results.items():
        median = {key: statistics.median(values) for key, values in times.items()}
        ours = median["setup"] + median["first"]
        ratio = f"{ours / median['forced']:.2f}" if median["forced"] else "n/a"
        print(f"| {name} | {median['setup']:.2f} | {median['first']:.2f} | {median['again']:.2f} "
              f"| {median['forced']:.2f} | {ratio} |")


if __name__ == "__main__":
    main()
