"""The bar and the player on phones (360×740 and 390×844, touch), at 200 % and 400 % zoom and in forced
colours: the bar at rest fits in two rows, the player stays under the thumb and never covers the sentence
being read, floating mode works at every zoom, and axe finds nothing in any state."""
from __future__ import annotations

import pytest

from tests.browser.probes import FOCUSED, LIVE_REGION, open_widget, run_axe

PHONES = [{"width": 360, "height": 740}, {"width": 390, "height": 844}]

# The bar's controls at rest: [left, top, width, height] of each shown one.
CONTROLS = """() => [...document.querySelector('trodoc-bar').shadowRoot
  .querySelectorAll('.bar button, .bar [role=spinbutton]')]
  .filter((el) => el.getClientRects().length).map((el) => { const r = el.getBoundingClientRect();
  return [r.left, r.top, r.width, r.height]; })"""

BOX = """(selector) => { const el = document.querySelector('trodoc-bar').shadowRoot.querySelector(selector);
  if (!el || !el.getClientRects().length) return null; const r = el.getBoundingClientRect();
  return {x: r.left, y: r.top, width: r.width, height: r.height}; }"""

# The share of the sentence being read (its line boxes) hidden under the widget's fixed controls.
COVERED = """() => { const h = CSS.highlights.get('trodoc-reading'); if (!h) return null;
  const lines = [...[...h][0].getClientRects()];
  const shadow = document.querySelector('trodoc-bar').shadowRoot;
  const docks = [shadow.querySelector('.player'), document.querySelector('trodoc-bar[data-position=floating]')
    && shadow.querySelector('.frame')].filter((el) => el && el.getClientRects().length)
    .map((el) => el.getBoundingClientRect());
  const area = (r) => Math.max(0, r.width) * Math.max(0, r.height);
  const cut = (a, b) => ({ width: Math.min(a.right, b.right) - Math.max(a.left, b.left),
                           height: Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) });
  const total = lines.reduce((s, r) => s + area(r), 0);
  const hidden = lines.reduce((s, r) => s + docks.reduce((t, d) => t + area(cut(r, d)), 0), 0);
  const view = {left: -1e9, right: 1e9, top: 0, bottom: innerHeight};
  const outside = lines.reduce((s, r) => s + area(r) - area(cut(r, view)), 0);
  return (hidden + outside) / total; }"""


@pytest.fixture(params=PHONES, ids=lambda v: f"{v['width']}x{v['height']}")
def phone(browser, request):
    context = browser.new_context(viewport=request.param, is_mobile=True, has_touch=True, device_scale_factor=2,
                                  locale="vi-VN")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == []


def said(page, message: str) -> None:
    """Wait until the live region says `message` (it is filled 100 ms after it is cleared)."""
    page.wait_for_function(f"(m) => ({LIVE_REGION})() === m", arg=message, timeout=5000)


def rows(controls) -> int:
    return len({round(top) for _, top, _, _ in controls})


def test_at_rest_the_bar_fits_in_two_rows_and_120_px_with_44_px_targets(phone, sample_url):
    open_widget(phone, sample_url)
    controls = phone.evaluate(CONTROLS)
    assert len(controls) == 8
    assert rows(controls) <= 2
    bar = phone.evaluate(BOX, ".bar")
    assert bar["height"] <= 120
    width = phone.viewport_size["width"]
    for left, _, w, h in controls:
        assert w >= 44 and h >= 44 and left >= 0 and left + w <= width


def test_the_next_button_stays_under_the_thumb_and_the_sentence_in_view(phone, sample_url):
    open_widget(phone, sample_url)
    phone.get_by_role("button", name="Nghe bài viết").tap()
    phone.get_by_role("button", name="Tạm dừng").wait_for()
    player = phone.evaluate(BOX, ".player")
    height = phone.viewport_size["height"]
    # At the bottom of the screen, where a thumb reaches.
    assert player["y"] + player["height"] == pytest.approx(height, abs=1) and player["y"] > height / 2
    following = phone.get_by_role("button", name="Câu sau")
    first = following.bounding_box()
    for tap in range(6):
        following.tap()
        phone.wait_for_function(f"() => TroDoc.getState().segment === {tap + 1}")
        phone.wait_for_timeout(700)  # the smooth scroll to the sentence
        box = following.bounding_box()
        assert abs(box["y"] - first["y"]) <= 1 and abs(box["x"] - first["x"]) <= 1
        assert 0 <= box["y"] and box["y"] + box["height"] <= height
        assert phone.evaluate(COVERED) <= 0.10, f"sentence {tap + 2}"


def test_the_player_stays_on_screen_under_a_transformed_ancestor(phone, sample_url):
    """A theme's wrapper with a transform holds fixed elements inside it: the player is in the top layer."""
    open_widget(phone, sample_url)
    phone.evaluate("document.querySelector('trodoc-bar').parentElement.style.transform = 'translateZ(0)'")
    phone.get_by_role("button", name="Nghe bài viết").tap()
    phone.get_by_role("button", name="Tạm dừng").wait_for()
    player = phone.evaluate(BOX, ".player")
    height = phone.viewport_size["height"]
    assert player["y"] + player["height"] == pytest.approx(height, abs=1) and player["y"] > height / 2
    phone.get_by_role("button", name="Dừng đọc").tap()
    assert phone.evaluate(BOX, ".player") is None


def test_the_player_is_gone_when_reading_stops_and_focus_comes_back(phone, sample_url):
    open_widget(phone, sample_url)
    listen = phone.get_by_role("button", name="Nghe bài viết")
    listen.focus()
    phone.keyboard.press("Enter")
    phone.get_by_role("button", name="Tạm dừng").wait_for()
    assert phone.evaluate(FOCUSED) == "Tạm dừng"  # focus followed the control into the player
    said(phone, "Đang đọc bài viết")
    phone.keyboard.press("Enter")
    said(phone, "Đã tạm dừng")
    phone.get_by_role("button", name="Dừng đọc").tap()
    said(phone, "Đã dừng đọc")
    assert phone.evaluate(BOX, ".player") is None
    assert phone.get_by_role("button", name="Nghe bài viết").is_visible()


@pytest.mark.parametrize("zoom", [2, 4])
def test_listening_at_200_and_400_percent_zoom_keeps_the_player_and_the_sentence_on_screen(browser, sample_url,
                                                                                          zoom):
    size = {"width": 1280 // zoom, "height": 900 // zoom}
    context = browser.new_context(viewport=size, device_scale_factor=zoom, locale="vi-VN")
    page = context.new_page()
    try:
        open_widget(page, sample_url)
        page.get_by_role("button", name="Nghe bài viết").click()
        page.get_by_role("button", name="Tạm dừng").wait_for()
        player = page.evaluate(BOX, ".player")
        # One row at the bottom (it scrolls sideways on short screens), never more than half the screen.
        assert player["y"] + player["height"] == pytest.approx(size["height"], abs=1)
        assert player["height"] <= size["height"] / 2 and player["x"] >= 0
        following = page.get_by_role("button", name="Câu sau")
        for step in range(3):
            following.click()
            page.wait_for_function(f"() => TroDoc.getState().segment === {step + 1}")
            page.wait_for_timeout(700)  # the smooth scroll to the sentence
            assert page.evaluate(COVERED) <= 0.10, f"sentence {step + 2}"
    finally:
        context.close()


@pytest.mark.parametrize("zoom", [2, 4])
def test_floating_mode_works_at_200_and_400_percent_zoom(browser, pages_server, zoom):
    # A 1280×900 window at 200 % or 400 % zoom lays the page out in 640×450 or 320×225 CSS px.
    size = {"width": 1280 // zoom, "height": 900 // zoom}
    context = browser.new_context(viewport=size, device_scale_factor=zoom)
    page = context.new_page()
    open_widget(page, pages_server.url + "/floating.html")
    toggle = page.get_by_role("button", name="Trợ Đọc")
    toggle.focus()
    page.keyboard.press("Enter")
    frame = page.evaluate(BOX, ".frame")
    assert frame["y"] >= 0 and frame["y"] + frame["height"] <= size["height"] + 0.5
    # Every control of the open bar can be reached from the keyboard, and is then on screen.
    names = []
    for _ in range(8):
        box = page.evaluate("""() => { const el = document.querySelector('trodoc-bar').shadowRoot.activeElement;
            const r = el.getBoundingClientRect(); return [el.textContent.trim(), r.top, r.bottom]; }""")
        names.append(box[0])
        assert box[1] >= 0 and box[2] <= size["height"] + 0.5, box
        page.keyboard.press("ArrowRight")
    assert len(set(names)) == 8
    assert run_axe(page) == []
    page.keyboard.press("Escape")
    assert page.evaluate(FOCUSED) == "Trợ Đọc"
    context.close()


def test_axe_finds_nothing_in_the_bar_at_rest_listening_and_in_forced_colours(phone, sample_url):
    open_widget(phone, sample_url)
    assert run_axe(phone) == []
    phone.get_by_role("button", name="Nghe bài viết").tap()
    phone.get_by_role("button", name="Tạm dừng").wait_for()
    assert run_axe(phone) == []
    phone.emulate_media(forced_colors="active")
    assert run_axe(phone) == []
    # Pressed still shows without backgrounds: a double border.
    phone.get_by_role("button", name="Giãn dòng").tap()
    assert phone.evaluate("""() => getComputedStyle(document.querySelector('trodoc-bar').shadowRoot
        .querySelector('[data-key=spacing]')).borderTopStyle""") == "double"
