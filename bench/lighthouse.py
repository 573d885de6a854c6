"""What the widget tag costs a page in Lighthouse: performance score, TBT, CLS, FCP, LCP, with and without it.

Run: ``.venv/bin/python -m bench.lighthouse [--runs 3] [--long-elements 6250] [--portal-elements 250]
[--keep DIR]``; about ten minutes with the defaults. Needs ``node_modules/.bin/lighthouse`` (12.x: 13
wants Node 22) and Debian's Chromium.

Two pages come from a second origin under the strict policy of the browser tests, the real app serving
``/widget.js`` from the first: a long article (headings, paragraphs with links, bold and emphasis, lists,
figures, tables; ``--long-elements`` elements in the ``<article>``) and a portal page of the kind
Vietnamese government sites use (header, menu, breadcrumbs, an ordinary article with a photo, sidebar,
footer). Each comes in five variants: no tag; the README's tag (``data-target``, in ``<head>``, no
``defer``); the same with ``defer``; at the end of ``<body>`` without ``defer``; and the deferred ``<head>``
tag for a returning reader who chose 125 %. Lighthouse clears storage before it loads a page, so that
reader's choice is written by a deferred script of the page's own origin that runs just before the widget's.

Lighthouse runs as PageSpeed Insights does for operators: mobile emulation, simulated throttling,
performance only, a fresh Chromium profile per run. This machine is noisy, so every variant runs
``--runs`` times, interleaved (A B C D … A B C D …) so that a slow minute hurts all variants alike, after
one discarded warm-up run; the table shows medians and their difference from the page without the tag.
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import random
import re
import statistics
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from server import assets, create_app
from tests.browser.harness import CHROMIUM, CHROMIUM_ARGS, Server, pages_app

LIGHTHOUSE = Path(__file__).resolve().parents[1] / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = ["--headless=new", *CHROMIUM_ARGS]
# The operator's budget for the tag, against the same page without it.
TARGETS = {"tbt": 50.0, "cls": 0.02, "score": 3.0}

# The embed tag of the README, pointed at the benchmark article.
TAG = '<script src="{{WIDGET}}/widget.js" data-target="#bai-viet"></script>'
DEFERRED_TAG = TAG.replace("></script>", " defer></script>")


@dataclass(frozen=True)
class Variant:
    """One way a page carries (or not) the widget: markup for the end of ``<head>`` and of ``<body>``."""
    slug: str
    label: str
    head: str = ""
    tail: str = ""


VARIANTS = [
    Variant("none", "no tag"),
    Variant("head", "`<head>`, no defer (README)", head=TAG),
    Variant("defer", "`<head>`, defer", head=DEFERRED_TAG),
    Variant("body", "end of `<body>`", tail=TAG),
    # Scripts run in document order: the choice is stored before the loader reads it.
    Variant("head-saved", "`<head>`, no defer, saved 125 %", head='<script src="luu-125.js"></script>' + TAG),
    Variant("saved", "`<head>`, defer, saved 125 %", head='<script src="luu-125.js" defer></script>' + DEFERRED_TAG),
]

# Files of the page origin that every page and variant uses.
STYLESHEET = """* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.6 Arial, "Helvetica Neue", Helvetica, sans-serif; color: #222; background: #f2f2f2; }
a { color: #0a58ca; }
.wrap { max-width: 1170px; margin: 0 auto; padding: 0 12px; }
.site-header { background: #a50e0e; color: #fff; }
.site-header .wrap { display: flex; align-items: center; gap: 12px; padding: 10px 12px; }
.brand p { margin: 0; } .brand .unit { font-size: 13px; text-transform: uppercase; }
.brand .site { font-size: 22px; font-weight: bold; }
.search { margin-left: auto; }
.menu { background: #7d0a0a; } .menu ul { display: flex; margin: 0 auto; padding: 0; list-style: none; }
.menu a { display: block; padding: 10px 14px; color: #fff; text-decoration: none; font-weight: bold; }
.layout { display: grid; grid-template-columns: 1fr; gap: 24px; padding: 16px 12px; }
main { background: #fff; padding: 16px 20px; }
.crumbs { font-size: 13px; color: #666; } .crumbs a { color: #666; }
article h1 { font-size: 2rem; line-height: 1.25; margin: 0 0 .5rem; color: #a50e0e; }
article h2 { font-size: 1.5rem; margin: 1.5rem 0 .5rem; } article h3 { font-size: 1.2rem; margin: 1.2rem 0 .4rem; }
.meta { font-size: 13px; color: #777; } .sapo { font-weight: bold; }
article p { margin: 0 0 1rem; text-align: justify; }
blockquote { margin: 1rem 0; padding: .5rem 1rem; border-left: 4px solid #a50e0e; background: #faf5f5; }
figure { margin: 1rem 0; } figure img { display: block; width: 100%; height: auto; }
figcaption { font-size: .875rem; font-style: italic; color: #555; text-align: center; }
table { width: 100%; border-collapse: collapse; margin: 1rem 0; font-size: .95rem; }
caption { font-weight: bold; text-align: left; } th, td { border: 1px solid #ccc; padding: 6px 8px; }
th { background: #eee; }
.sidebar section { background: #fff; margin-bottom: 16px; padding: 12px; }
.sidebar h2 { font-size: 1.1rem; margin: 0 0 8px; color: #a50e0e; text-transform: uppercase; }
.sidebar ul { margin: 0; padding-left: 18px; }
.site-footer { background: #333; color: #ddd; font-size: 14px; padding: 16px 0; }
.site-footer a { color: #fff; }
@media (min-width: 992px) { .layout { grid-template-columns: minmax(0, 3fr) minmax(0, 1fr); } }
@media (max-width: 767px) { .search { display: none; } .menu ul { overflow-x: auto; white-space: nowrap; } }
@media (max-width: 575px) {
  body { font-size: 15px; } article h1 { font-size: 1.5rem; } main { padding: 12px; } .brand .site { font-size: 17px; }
}
@media print { .menu, .sidebar, .site-footer, .search { display: none; } }
"""


def _photo(width: int, height: int, sky: str, ground: str) -> str:
    """A picture with a photo's proportions, as SVG: the page origin serves text only."""
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}"><defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1">'
            f'<stop offset="0" stop-color="{sky}"/><stop offset="1" stop-color="#fff"/></linearGradient></defs>'
            f'<rect width="{width}" height="{height}" fill="url(#g)"/>'
            f'<rect y="{height * 2 // 3}" width="{width}" height="{height // 3}" fill="{ground}"/>'
            f'<circle cx="{width * 3 // 4}" cy="{height // 4}" r="{height // 10}" fill="#ffd54f"/></svg>')


FILES = {
    "trang.css": STYLESHEET,
    "anh-chinh.svg": _photo(1200, 675, "#4f8fd8", "#3d7a3a"),
    "anh.svg": _photo(800, 450, "#90a4ae", "#8d6e63"),
    "quoc-huy.svg": ('<svg xmlns="http://www.w3.org/2000/svg" width="56" height="56" viewBox="0 0 56 56">'
                     '<circle cx="28" cy="28" r="27" fill="#d32f2f" stroke="#ffd54f" stroke-width="2"/>'
                     '<polygon points="28,10 33,24 48,24 36,33 40,47 28,38 16,47 20,33 8,24 23,24" fill="#ffd54f"/>'
                     '</svg>'),
    "luu-125.js": ("localStorage.setItem('trodoc', "
                   "JSON.stringify({scale: 1.25, contrast: 'normal', spacing: false}));\n"),
}

# Sentence material for the articles: a fixed seed makes every page the same from run to run.
SUBJECTS = ["Ủy ban nhân dân huyện", "Sở Nội vụ tỉnh", "Bộ phận một cửa", "Trung tâm phục vụ hành chính công",
            "Phòng Tài nguyên và Môi trường", "Ủy ban nhân dân xã Nâm N'Jang", "Đoàn kiểm tra liên ngành"]
ACTIONS = ["đã tổ chức kiểm tra công tác cải cách hành chính", "tiếp nhận và giải quyết hồ sơ trực tuyến",
           "thông báo lịch tiếp công dân định kỳ", "hướng dẫn người dân nộp hồ sơ qua cổng dịch vụ công",
           "rà soát thủ tục hành chính thuộc thẩm quyền", "triển khai chữ ký số cho cán bộ, công chức"]
DETAILS = ["trong quý III năm 2023", "theo Kế hoạch số 125/KH-UBND", "tại trụ sở và trên môi trường mạng",
           "với tỷ lệ đúng hạn đạt 98,5 %", "cho 1.245 hồ sơ của người dân và doanh nghiệp",
           "theo đúng quy định của pháp luật hiện hành", "nhằm nâng cao chất lượng phục vụ"]
LINKS = ["Quyết định số 1291/QĐ-UBND", "cổng dịch vụ công quốc gia", "danh mục thủ tục", "văn bản hướng dẫn"]
STRONG = ["đúng hạn", "không thu phí", "trước ngày 15/12/2023", "bắt buộc"]
EMPHASIS = ["căn cước công dân", "mã số hồ sơ", "phiếu hẹn", "giấy ủy quyền"]


def _sentence(rng: random.Random) -> str:
    return f"{rng.choice(SUBJECTS)} {rng.choice(ACTIONS)} {rng.choice(DETAILS)}"


def _rich_paragraph(rng: random.Random) -> str:
    """Four elements: the paragraph, a link, bold and emphasis, amid two or three sentences."""
    return (f'<p>{_sentence(rng)}, xem <a href="#">{rng.choice(LINKS)}</a>. {_sentence(rng)}, '
            f'<b>{rng.choice(STRONG)}</b>; người dân mang theo <em>{rng.choice(EMPHASIS)}</em>.'
            + "".join(f" {_sentence(rng)}." for _ in range(rng.randint(0, 1))) + "</p>")


def _figure(rng: random.Random, index: int) -> str:
    return (f'<figure><img src="anh.svg" width="800" height="450" alt="Ảnh {index}" loading="lazy">'
            f'<figcaption>Ảnh {index}: {_sentence(rng)}.</figcaption></figure>')


def _table(rng: random.Random) -> str:
    # Vietnamese numbers: "." groups thousands, "," is the decimal sign.
    rows = "".join(f"<tr><td>{rng.choice(SUBJECTS)}</td><td>{rng.randint(40, 1500):,}".replace(",", ".")
                   + f"</td><td>{rng.uniform(90, 100):.1f} %</td></tr>".replace(".", ",") for _ in range(4))
    return ('<table><caption>Kết quả giải quyết hồ sơ</caption><thead><tr><th>Đơn vị</th><th>Hồ sơ</th>'
            f'<th>Đúng hạn</th></tr></thead><tbody>{rows}</tbody></table>')


def _sections(rng: random.Random) -> Iterator[str]:
    """Blocks of an article, endlessly: each section a heading, paragraphs, a sub-heading and lists; a
    figure every 30th section and a table every 60th, so a long article has a few of each."""
    number = 0
    while True:
        number += 1
        yield f"<h2>{number}. {rng.choice(ACTIONS).capitalize()}</h2>"
        for _ in range(3):
            yield _rich_paragraph(rng)
        if number % 30 == 2:
            yield _figure(rng, number // 30 + 1)
        yield f"<h3>{rng.choice(DETAILS).capitalize()}</h3>"
        yield _rich_paragraph(rng)
        yield ("<ul>" + "".join(f"<li>{_sentence(rng)}</li>" for _ in range(3))
               + f'<li>Chi tiết: <a href="#">{rng.choice(LINKS)}</a></li></ul>')
        yield _rich_paragraph(rng)
        if number % 60 == 5:
            yield _table(rng)
        yield "<ol>" + "".join(f"<li>{rng.choice(ACTIONS).capitalize()}.</li>" for _ in range(3)) + "</ol>"
        yield f"<blockquote><p>{_sentence(rng)}.</p></blockquote>"


def count_elements(html: str) -> int:
    """Start tags in markup this module wrote (no ``<`` in its text, no comments)."""
    return len(re.findall(r"<[a-z]", html))


def article(elements: int, photo: bool = False) -> str:
    """``<article>`` holding ``elements`` elements, itself included (as the loader's long-target threshold
    and the browser's ``article, article *`` count them). Whole blocks while they fit, then plain
    paragraphs for the last few."""
    rng = random.Random(elements)
    head = ('<article id="bai-viet"><h1>Đắk Song kiểm tra công tác cải cách hành chính năm 2023</h1>'
            '<p class="meta">Thứ Hai, 16/10/2023 08:30 | Văn phòng HĐND và UBND huyện</p>'
            f'<p class="sapo">{_sentence(rng)}.</p>')
    if photo:
        head += ('<figure><img src="anh-chinh.svg" width="1200" height="675" alt="Đoàn kiểm tra làm việc">'
                 '<figcaption>Đoàn kiểm tra làm việc tại bộ phận một cửa.</figcaption></figure>')
    parts, count = [head], count_elements(head)
    for block in _sections(rng):
        size = count_elements(block)
        if count + size > elements:
            break
        parts.append(block)
        count += size
    parts += [f"<p>{_sentence(rng)}.</p>"] * (elements - count)
    return "".join(parts) + "</article>"


def _document(title: str, variant: Variant, body: str) -> str:
    return (f'<!doctype html><html lang="vi"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{title}</title>'
            f'<link rel="icon" href="data:,"><link rel="stylesheet" href="trang.css">{variant.head}</head>'
            f'<body>{body}{variant.tail}</body></html>')


def long_page(elements: int, variant: Variant) -> str:
    """The long article alone in ``<main>``, as a portal's print or reading view shows it."""
    return _document("Bài dài", variant, f'<main class="wrap">{article(elements)}</main>')


def portal_page(elements: int, variant: Variant) -> str:
    """A district portal's article page: header with emblem and search, menu, breadcrumbs, the article
    with its photo, a sidebar of news and links, and the footer."""
    menu = "".join(f'<li><a href="#">{item}</a></li>' for item in
                   ["Trang chủ", "Giới thiệu", "Tin tức", "Chính quyền", "Văn bản", "Thủ tục hành chính",
                    "Dịch vụ công", "Liên hệ"])
    news = "".join(f'<li><a href="#">{action.capitalize()}</a></li>' for action in ACTIONS)
    links = "".join(f'<li><a href="#">{link.capitalize()}</a></li>' for link in LINKS)
    body = (
        '<header class="site-header"><div class="wrap">'
        '<img src="quoc-huy.svg" width="56" height="56" alt="Quốc huy">'
        '<div class="brand"><p class="unit">Ủy ban nhân dân tỉnh Đắk Nông</p>'
        '<p class="site">Cổng thông tin điện tử huyện Đắk Song</p></div>'
        '<form class="search" role="search"><input type="search" name="q" aria-label="Tìm kiếm" '
        'placeholder="Tìm kiếm"><button>Tìm</button></form></div></header>'
        f'<nav class="menu" aria-label="Danh mục"><ul class="wrap">{menu}</ul></nav>'
        '<div class="wrap layout"><main>'
        '<nav class="crumbs" aria-label="Vị trí"><a href="#">Trang chủ</a> › <a href="#">Tin tức</a></nav>'
        f'{article(elements, photo=True)}</main>'
        f'<aside class="sidebar"><section><h2>Tin mới</h2><ul>{news}</ul></section>'
        f'<section><h2>Liên kết</h2><ul>{links}</ul></section></aside></div>'
        '<footer class="site-footer"><div class="wrap"><p>Cơ quan chủ quản: Ủy ban nhân dân huyện Đắk Song. '
        'Địa chỉ: thị trấn Đức An, huyện Đắk Song, tỉnh Đắk Nông.</p>'
        '<p>Điện thoại: 0261 3 500 123. Thư điện tử: <a href="#">ubnd@daksong.daknong.gov.vn</a></p></div></footer>')
    return _document("Cổng thông tin điện tử huyện Đắk Song", variant, body)


def lighthouse(url: str, report: Path) -> dict:
    """One Lighthouse run on ``url`` in a fresh Chromium profile; the report (LHR), also left at ``report``."""
    with tempfile.TemporaryDirectory(prefix="trodoc-lighthouse-") as profile:
        # chrome-launcher makes a profile of its own too; Chromium takes the last --user-data-dir given.
        flags = " ".join([*CHROME_FLAGS, f"--user-data-dir={profile}"])
        subprocess.run([str(LIGHTHOUSE), url, "--only-categories=performance", "--output=json",
                        f"--output-path={report}", f"--chrome-flags={flags}", "--quiet",
                        # the full-page screenshot is no metric and costs seconds on a 6,000-element page
                        "--disable-full-page-screenshot"],
                       env={**os.environ, "CHROME_PATH": CHROMIUM}, check=True, timeout=600)
    lhr = json.loads(report.read_text(encoding="utf-8"))
    if lhr.get("runtimeError"):
        raise RuntimeError(f"Lighthouse on {url}: {lhr['runtimeError']}")
    return lhr


def metrics(lhr: dict, widget_origin: str) -> dict[str, float]:
    """The numbers of one report. The widget's share comes from the two audits that attribute main-thread
    time to script URLs: ``long-tasks`` (top-level tasks ≥ 50 ms, simulated durations) and ``bootup-time``
    (time per script ≥ 50 ms in total, CPU slowdown applied). A task of parsing, style or layout that no
    widget script is on the stack of is the page's, whoever caused it: the TBT delta still counts it."""
    audits = lhr["audits"]

    def items(audit: str) -> list[dict]:
        return (audits[audit].get("details") or {}).get("items", [])

    def widgets(url: str) -> bool:
        # Blink runs the deferred scripts that are ready in one task, and Lighthouse names a task after the
        # first script on it: on the "saved" variant that is the page's one-line luu-125.js.
        return url.startswith(widget_origin) or url.endswith("/luu-125.js")

    ours = [item for item in items("long-tasks") if widgets(item["url"])]
    return {
        "score": lhr["categories"]["performance"]["score"] * 100,
        "tbt": audits["total-blocking-time"]["numericValue"],
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "fcp": audits["first-contentful-paint"]["numericValue"],
        "lcp": audits["largest-contentful-paint"]["numericValue"],
        "task": max((item["duration"] for item in ours), default=0.0),
        "bootup": sum(item["total"] for item in items("bootup-time") if widgets(item["url"])),
        "benchmark": lhr["environment"]["benchmarkIndex"],
    }


@contextmanager
def serve(pages: dict[str, str]) -> Iterator[tuple[str, str]]:
    """The real app, its bundles built from the current sources, on one origin; ``pages`` and the files
    they use on a second, under the strict policy. Yields both origins (widget, pages)."""
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory() as folder:
        app = create_app({"TESTING": True, "LOAD_SAMPLES": False, "DATABASE_URL": f"sqlite:///{folder}/t.db",
                          "AUDIO_DIR": folder})
        assets.build(app)
        widget = Server(app)
        second = Server(pages_app(widget.url, {**FILES, **pages}))
        try:
            yield widget.url, second.url
        finally:
            second.close()
            widget.close()


def run(runs: int, long_elements: int, portal_elements: int,
        keep: Path | None) -> tuple[dict[tuple[str, str], list[dict]], float]:
    """Every page × variant ``runs`` times, interleaved; the metrics of each run and the seconds taken.
    With ``keep``, every report stays there as ``page-variant-run.json``."""
    builders = {"long": lambda variant: long_page(long_elements, variant),
                "portal": lambda variant: portal_page(portal_elements, variant)}
    cells = [(page, variant.slug) for page in builders for variant in VARIANTS]
    results: dict[tuple[str, str], list[dict]] = {cell: [] for cell in cells}
    pages = {f"{page}-{variant.slug}.html": build(variant) for page, build in builders.items() for variant in VARIANTS}
    with serve(pages) as (widget, origin), tempfile.TemporaryDirectory() as scratch:
        reports = keep or Path(scratch)
        reports.mkdir(parents=True, exist_ok=True)
        started = time.monotonic()
        # The first Chromium start of a session reads a cold disk: that run would always be the same
        # variant's, so it is thrown away.
        lighthouse(f"{origin}/{cells[0][0]}-{cells[0][1]}.html", reports / "warm-up.json")
        for number in range(1, runs + 1):
            for page, slug in cells:
                lhr = lighthouse(f"{origin}/{page}-{slug}.html", reports / f"{page}-{slug}-{number}.json")
                results[page, slug].append(metrics(lhr, widget))
        return results, time.monotonic() - started


def _median(runs: list[dict], key: str) -> float:
    return statistics.median(run[key] for run in runs)


def table(results: dict[tuple[str, str], list[dict]], elements: dict[str, int]) -> str:
    """The Markdown table: medians, and Δ against the same page without the tag, with the targets."""
    names = {"long": f"long article ({elements['long']:,} el.)",
             "portal": f"portal page ({elements['portal']:,} el. in article)"}
    lines = ["| page | widget tag | score | Δ | TBT ms (range) | Δ | CLS | Δ | FCP ms | Δ | LCP ms | Δ "
             "| widget's longest task ms | widget bootup ms | targets |",
             "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for page in names:
        base = results[page, "none"]
        for variant in VARIANTS:
            runs = results[page, variant.slug]
            median = {key: _median(runs, key) for key in ("score", "tbt", "cls", "fcp", "lcp", "task", "bootup")}
            delta = {key: median[key] - _median(base, key) for key in ("score", "tbt", "cls", "fcp", "lcp")}
            tbt = [run["tbt"] for run in runs]  # its spread shows how noisy the machine was
            if variant.slug == "none":
                verdict = "reference"
            else:
                verdict = " ".join(f"{name} {'✓' if ok else '✗'}" for name, ok in (
                    ("TBT", delta["tbt"] <= TARGETS["tbt"]), ("CLS", delta["cls"] <= TARGETS["cls"]),
                    ("score", delta["score"] >= -TARGETS["score"])))
            cells = [names[page], variant.label, f"{median['score']:.0f}", f"{delta['score']:+.0f}",
                     f"{median['tbt']:.0f} ({min(tbt):.0f}–{max(tbt):.0f})", f"{delta['tbt']:+.0f}",
                     f"{median['cls']:.3f}", f"{delta['cls']:+.3f}", f"{median['fcp']:.0f}", f"{delta['fcp']:+.0f}",
                     f"{median['lcp']:.0f}", f"{delta['lcp']:+.0f}", f"{median['task']:.0f}",
                     f"{median['bootup']:.0f}", verdict]
            lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page and variant")
    parser.add_argument("--long-elements", type=int, default=6250, help="elements in the long article")
    parser.add_argument("--portal-elements", type=int, default=250, help="elements in the portal's article")
    parser.add_argument("--keep", type=Path, help="folder to keep every report in (for the Lighthouse viewer)")
    args = parser.parse_args()
    results, seconds = run(args.runs, args.long_elements, args.portal_elements, args.keep)
    count = args.runs * len(results) + 1
    benchmark = statistics.median(run["benchmark"] for runs in results.values() for run in runs)
    print(f"Lighthouse 12 (mobile, simulated throttling), medians of {args.runs} interleaved runs per row; "
          f"Δ against the same page without the tag. Lighthouse CPU benchmark index {benchmark:.0f}. "
          f"{count} runs in {seconds / 60:.1f} min ({seconds / count:.0f} s each).\n")
    print(table(results, {"long": args.long_elements, "portal": args.portal_elements}))
    print(f"\nTargets for the tag: TBT added ≤ {TARGETS['tbt']:.0f} ms, CLS added ≤ {TARGETS['cls']}, "
          f"score within {TARGETS['score']:.0f} points of the page without it. \"Widget's longest task\": the "
          "longest task Lighthouse attributes to a script of the widget's origin (0: none ≥ 50 ms); "
          "\"widget bootup\": main-thread time of those scripts (0: under 50 ms).")


if __name__ == "__main__":
    main()
