"""The bar: accessible names, keyboard use, layout, and axe-core on the bar and the sample article."""
from __future__ import annotations

import pytest

from tests.browser.probes import FOCUSED, LIVE_REGION, html_attributes, open_widget, run_axe

VIETNAMESE = ["A- Giảm cỡ chữ", "A Cỡ chữ mặc định", "A+ Tăng cỡ chữ", "Tăng tương phản", "Giảm tương phản",
              "Giãn dòng", "Nghe bài viết"]
ENGLISH = ["A- Decrease text size", "A Default text size", "A+ Increase text size", "Increase contrast",
           "Decrease contrast", "Text spacing", "Listen to this article"]


def test_buttons_have_their_vietnamese_names_in_a_toolbar(page, sample_url):
    open_widget(page, sample_url)
    toolbar = page.get_by_role("toolbar")
    assert toolbar.get_attribute("aria-label") == "Trợ Đọc: công cụ hỗ trợ đọc"
    buttons = toolbar.get_by_role("button")
    assert [buttons.nth(i).evaluate("(b) => b.textContent.replace(/\\s+/g, ' ')") for i in range(buttons.count())] \
        == VIETNAMESE
    for name in VIETNAMESE:
        assert page.get_by_role("button", name=name, exact=True).count() == 1
    assert page.get_by_role("button", name="Giãn dòng").get_attribute("aria-pressed") == "false"


def test_keyboard_only_one_tab_stop_arrows_enter_and_space(page, sample_url):
    open_widget(page, sample_url)
    page.locator(".site-nav a").last.focus()
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED) == "A- Giảm cỡ chữ"
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert page.evaluate(FOCUSED) == "A+ Tăng cỡ chữ"
    page.keyboard.press("Enter")
    page.keyboard.press("Space")
    assert html_attributes(page)["scale"] == "1.25"
    page.wait_for_timeout(150)  # the live region is cleared, then filled, so a repeat is announced too
    assert page.evaluate(LIVE_REGION) == "Cỡ chữ 125 %"
    page.keyboard.press("End")
    assert page.evaluate(FOCUSED) == "Nghe bài viết"
    page.keyboard.press("ArrowRight")  # wraps around
    assert page.evaluate(FOCUSED) == "A- Giảm cỡ chữ"
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    assert page.evaluate(FOCUSED) == "Giãn dòng"
    page.keyboard.press("Space")
    assert html_attributes(page)["spacing"] == "on"
    assert page.get_by_role("button", name="Giãn dòng").get_attribute("aria-pressed") == "true"
    page.keyboard.press("Tab")  # out of the toolbar, to the article's recording (a link under the bar)
    assert page.evaluate(FOCUSED) == "Tải bản ghi âm (MP3)"
    page.keyboard.press("Tab")  # out of the bar
    assert page.evaluate("() => document.activeElement.tagName") != "TRODOC-BAR"
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")  # back to the button used last (roving tabindex)
    assert page.evaluate(FOCUSED) == "Giãn dòng"


def test_floating_bar_in_english_opens_and_closes_from_its_corner_button(page, pages_server):
    open_widget(page, pages_server.url + "/floating.html")
    toggle = page.get_by_role("button", name="Trợ Đọc")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert page.get_by_role("button", name="Increase contrast").count() == 0  # hidden while closed
    toggle.focus()
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    for name in ENGLISH:
        assert page.get_by_role("button", name=name, exact=True).is_visible()
    page.keyboard.press("Shift+Tab")  # the bar opens above its button, on its first button
    assert page.evaluate(FOCUSED) == "A- Decrease text size"
    page.keyboard.press("Enter")
    assert html_attributes(page)["scale"] == "0.9"
    page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false" and page.evaluate(FOCUSED) == "Trợ Đọc"
    box = toggle.bounding_box()
    assert box["x"] + box["width"] <= 1280 - 16 + 0.5 and box["y"] + box["height"] <= 800 - 16 + 0.5


@pytest.mark.parametrize("width", [320, 1280])
def test_targets_are_44_px_the_bar_fits_and_covers_no_content(page, sample_url, width):
    page.set_viewport_size({"width": width, "height": 800})
    open_widget(page, sample_url)
    for button in page.get_by_role("toolbar").get_by_role("button").all():
        box = button.bounding_box()
        assert box["width"] >= 44 and box["height"] >= 44
        assert box["x"] >= 0 and box["x"] + box["width"] <= width
    bar = page.locator("trodoc-bar").bounding_box()
    article = page.locator("#content").bounding_box()
    assert bar["y"] + bar["height"] <= article["y"]


def test_focus_is_visible_on_every_button(page, sample_url):
    open_widget(page, sample_url)
    page.locator(".site-nav a").last.focus()
    page.keyboard.press("Tab")
    for _ in range(7):
        outline = page.evaluate("""() => { const b = document.querySelector('trodoc-bar').shadowRoot.activeElement;
            const s = getComputedStyle(b); return [s.outlineStyle, parseFloat(s.outlineWidth)]; }""")
        assert outline[0] == "solid" and outline[1] >= 2
        page.keyboard.press("ArrowRight")


STATES = {
    "normal": "",
    "low": "TroDoc.setContrast('low')",
    "high": "TroDoc.setContrast('high')",
    "max": "TroDoc.setContrast('max')",
    "spacing": "document.querySelector('trodoc-bar').shadowRoot.querySelector('[aria-pressed]').click()",
    "scale-200": "TroDoc.setScale(2)",
    "max-spacing-200": "TroDoc.setContrast('max'); TroDoc.setScale(2)",
}


def test_axe_finds_no_wcag_22_aa_violation_in_any_state(page, sample_url):
    open_widget(page, sample_url)
    for state, script in STATES.items():
        page.evaluate(f"() => {{ {script} }}")
        assert run_axe(page) == [], state
        page.evaluate("() => { TroDoc.setContrast('normal'); TroDoc.setScale(1); }")


def test_axe_on_the_open_floating_bar_of_a_hostile_page(page, pages_server):
    open_widget(page, pages_server.url + "/floating.html")
    page.get_by_role("button", name="Trợ Đọc").click()
    assert run_axe(page) == []
