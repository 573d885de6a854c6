"""The README's screenshots, taken in headless Chromium on the Đăk Song sample article: at 1280×900 on a
desktop, and at 390×844 on a phone (touch, a mobile viewport).

In a normal run the PNGs go to ``tmp_path`` and are only checked (a real PNG of the right size, not blank,
and each state visibly different from the default). ``make screenshots`` sets
``TRODOC_SCREENSHOTS_DIR=docs/screenshots`` to write them for the README.
"""
from __future__ import annotations

import os
import struct
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = "/articles/dak-song-kiem-tra-cai-cach-hanh-chinh-2023"
# One CSS pixel per image pixel: sharp enough for the README, a few tens of KB per picture.
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
# The smallest a real shot of the article compresses to is far above these; a blank page is below.
MIN_BYTES = {1280: 20_000, 390: 8_000}

# The sentence being read: its text, whether it is in the lead paragraph, whether all of it is in the
# viewport, and whether any of its lines is under the player.
READING = """() => { const h = CSS.highlights && CSS.highlights.get('trodoc-reading');
  if (!h) return null;
  const range = [...h][0], lines = [...range.getClientRects()];
  const player = document.querySelector('trodoc-bar').shadowRoot.querySelector('.player');
  const p = player && !player.hidden ? player.getBoundingClientRect() : null;
  const lead = document.querySelector('.article-lead');
  return { text: range.toString(), inLead: !!lead && lead.contains(range.startContainer),
           inView: lines.every((r) => r.top >= 0 && r.bottom <= innerHeight),
           player: p && { top: p.top, bottom: p.bottom, left: p.left, right: p.right },
           covered: !!p && lines.some((r) => r.bottom > p.top && r.top < p.bottom
                                             && r.right > p.left && r.left < p.right) }; }"""


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    configured = os.environ.get("TRODOC_SCREENSHOTS_DIR")
    folder = (ROOT / configured) if configured else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def open_article(browser, server, device: dict):
    """A fresh context (no saved choices) on the sample article, the bar in place; yields the page and
    fails the test on any console error."""
    context = browser.new_context(**device, device_scale_factor=1, locale="vi-VN", reduced_motion="reduce")
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(server.url + SAMPLE)
    page.wait_for_function("() => window.TroDoc")
    page.locator("trodoc-bar[data-ready]").wait_for(state="attached")
    yield page
    context.close()
    assert errors == []


@pytest.fixture
def article(browser, listen_server):
    yield from open_article(browser, listen_server, DESKTOP)


@pytest.fixture
def phone(browser, listen_server):
    yield from open_article(browser, listen_server, PHONE)


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", data[16:24])


def shoot(page, folder: Path, name: str) -> Path:
    page.mouse.move(0, 0)
    page.evaluate("() => document.fonts.ready")
    path = folder / f"{name}.png"
    page.screenshot(path=str(path), animations="disabled", caret="hide")
    size = page.viewport_size
    assert png_size(path) == (size["width"], size["height"])
    assert path.stat().st_size > MIN_BYTES[size["width"]], (name, path.stat().st_size)
    return path


def listen_and_pause_in_the_lead(page, press) -> dict:
    """Start listening, pause on a sentence of the lead paragraph (after the title), and return what
    READING sees: the picture shows a highlight inside running text and the player below it."""
    press(page.get_by_role("button", name="Nghe bài viết"))
    page.wait_for_function(f"() => {{ const r = ({READING})(); return r && r.inLead; }}", timeout=15_000)
    press(page.get_by_role("button", name="Tạm dừng"))  # hold the highlight still for the picture
    page.wait_for_function("() => !TroDoc.getState().playing")
    reading = page.evaluate(READING)
    assert reading and reading["text"].strip() and reading["inLead"], reading
    # The player is shown at the bottom of the viewport, and the sentence is all in view above it.
    assert reading["player"] and reading["player"]["bottom"] == pytest.approx(page.viewport_size["height"], abs=1)
    assert reading["inView"] and not reading["covered"], reading
    position = page.evaluate("""() => document.querySelector('trodoc-bar').shadowRoot
        .querySelector('.player .position').textContent""")
    assert position.startswith("Câu "), position
    return reading


def test_article_at_100_percent(article, shots):
    assert article.evaluate("() => TroDoc.getState().scale") == 1
    shoot(article, shots, "article-100")


def test_article_at_175_percent(article, shots, tmp_path):
    default = shoot(article, tmp_path, "default")
    for _ in range(4):  # 112.5 → 125 → 150 → 175 %, as a reader gets there
        article.get_by_role("button", name="Tăng cỡ chữ").click()
    assert article.evaluate("() => document.documentElement.dataset.trodocScale") == "1.75"
    assert shoot(article, shots, "article-175").read_bytes() != default.read_bytes()


@pytest.mark.parametrize("level", ["high", "max"])
def test_article_in_contrast(article, shots, tmp_path, level):
    default = shoot(article, tmp_path, "default")
    for _ in range({"high": 1, "max": 2}[level]):  # normal → high → max
        article.get_by_role("button", name="Tăng tương phản").click()
    assert article.evaluate("() => TroDoc.getState().contrast") == level
    assert shoot(article, shots, f"contrast-{level}").read_bytes() != default.read_bytes()


def test_article_while_listening(article, shots, tmp_path):
    default = shoot(article, tmp_path, "default")
    listen_and_pause_in_the_lead(article, lambda button: button.click())
    assert shoot(article, shots, "listening").read_bytes() != default.read_bytes()


def test_phone_at_rest(phone, shots):
    # The bar at rest above the article: all of it on the first screen, within the phone's width.
    bar = phone.evaluate("""() => { const r = document.querySelector('trodoc-bar').shadowRoot
        .querySelector('.bar').getBoundingClientRect(); return [r.left, r.right, r.top, r.bottom]; }""")
    assert bar[0] >= 0 and bar[1] <= 390 and bar[2] >= 0 and bar[3] <= 844, bar
    shoot(phone, shots, "phone-rest")


def test_phone_while_listening(phone, shots, tmp_path):
    default = shoot(phone, tmp_path, "default")
    listen_and_pause_in_the_lead(phone, lambda button: button.tap())
    assert shoot(phone, shots, "phone-listening").read_bytes() != default.read_bytes()
