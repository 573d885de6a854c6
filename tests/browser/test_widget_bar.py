"""The bar: accessible names, keyboard use, layout, and axe-core on the bar and the sample article."""
from __future__ import annotations

import pytest

from tests.browser.probes import FOCUSED, LIVE_REGION, html_attributes, open_widget, run_axe

VIETNAMESE = ["A- Giảm cỡ chữ", "100 % Cỡ chữ mặc định", "A+ Tăng cỡ chữ", "Giãn dòng", "− Giảm tương phản",
              "+ Tăng tương phản", "Nghe bài viết"]
ENGLISH = ["A- Decrease text size", "100 % Default text size", "A+ Increase text size", "Text spacing",
           "− Decrease contrast", "+ Increase contrast", "Listen to this article"]
SPIN = "() => { const s = document.querySelector('trodoc-bar').shadowRoot.querySelector('[role=spinbutton]'); " \
       "return [s.getAttribute('aria-valuenow'), s.getAttribute('aria-valuetext'), s.lastChild.textContent]; }"


def test_controls_have_their_vietnamese_names_in_a_toolbar_and_show_their_state(page, sample_url):
    open_widget(page, sample_url)
    toolbar = page.get_by_role("toolbar")
    assert toolbar.get_attribute("aria-label") == "Trợ Đọc: công cụ hỗ trợ đọc"
    buttons = toolbar.get_by_role("button")
    text = "(b) => b.textContent.replace(/\\s+/g, ' ').trim()"
    assert [buttons.nth(i).evaluate(text) for i in range(buttons.count())] == VIETNAMESE
    for name in VIETNAMESE:
        assert page.get_by_role("button", name=name, exact=True).count() == 1
    assert page.get_by_role("button", name="Giãn dòng").get_attribute("aria-pressed") == "false"
    # The level of contrast is one spin button: its value is seen and exposed.
    assert page.get_by_role("spinbutton", name="Tương phản").count() == 1
    assert page.evaluate(SPIN) == ["1", "Tương phản: chuẩn", "Chuẩn"]
    page.get_by_role("button", name="Tăng tương phản").click()
    assert page.evaluate(SPIN) == ["2", "Tương phản: cao", "Cao"]
    page.get_by_role("button", name="Tăng cỡ chữ").click()
    assert page.get_by_role("button", name="112,5 % Cỡ chữ mặc định").count() == 1  # the next step
    page.get_by_role("button", name="Cỡ chữ mặc định").click()
    assert page.get_by_role("button", name="100 % Cỡ chữ mặc định").count() == 1



def test_the_saved_state_is_shown_by_the_bar_the_loader_draws(page, sample_url):
    page.add_init_script("localStorage.setItem('trodoc', JSON.stringify({scale: 1.5, contrast: 'low', spacing: true}))")
    page.goto(sample_url)
    page.locator("trodoc-bar").wait_for(state="attached")
    assert page.get_by_role("button", name="150 % Cỡ chữ mặc định").count() == 1
    assert page.evaluate(SPIN) == ["0", "Tương phản: thấp", "Thấp"]
    assert page.get_by_role("button", name="Giãn dòng").get_attribute("aria-pressed") == "true"


def test_keyboard_only_one_tab_stop_arrows_enter_space_and_the_spin_button(page, sample_url):
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
    page.keyboard.press("ArrowRight")
    assert page.evaluate(FOCUSED) == "Giãn dòng"
    page.keyboard.press("Space")
    assert html_attributes(page)["spacing"] == "on"
    assert page.get_by_role("button", name="Giãn dòng").get_attribute("aria-pressed") == "true"
    # What comes within 100 ms is said together: let this one be said alone.
    page.wait_for_function(f"() => ({LIVE_REGION})() === 'Giãn dòng: bật'")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert page.evaluate(FOCUSED) == "Tương phảnChuẩn"  # the spin button: caption and value
    page.keyboard.press("ArrowUp")
    assert html_attributes(page)["contrast"] == "high"
    page.wait_for_function(f"() => ({LIVE_REGION})() === 'Tương phản: cao'")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert html_attributes(page)["contrast"] == "low"
    page.keyboard.press("End")
    assert page.evaluate(FOCUSED) == "Nghe bài viết"
    page.keyboard.press("ArrowRight")  # wraps around
    assert page.evaluate(FOCUSED) == "A- Giảm cỡ chữ"
    page.keyboard.press("Tab")  # out of the bar
    assert page.evaluate("() => document.activeElement.tagName") != "TRODOC-BAR"
    page.keyboard.press("Shift+Tab")  # back to the control used last (roving tabindex)
    assert page.evaluate(FOCUSED) == "A- Giảm cỡ chữ"


def test_floating_bar_in_english_opens_into_focus_and_closes_to_nothing(page, pages_server):
    open_widget(page, pages_server.url + "/floating.html")
    toggle = page.get_by_role("button", name="Trợ Đọc")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert page.get_by_role("button", name="Increase contrast").count() == 0  # hidden while closed
    toggle.focus()
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    for name in ENGLISH:
        assert page.get_by_role("button", name=name, exact=True).is_visible()
    assert page.evaluate(FOCUSED) == "A- Decrease text size"  # focus moved into the bar
    page.keyboard.press("Enter")
    assert html_attributes(page)["scale"] == "0.9"
    page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false" and page.evaluate(FOCUSED) == "Trợ Đọc"
    # Closed is gone: nothing of the bar is shown or focusable but its toggle.
    shown = page.evaluate("""() => [...document.querySelector('trodoc-bar').shadowRoot
        .querySelectorAll('button, a, [tabindex]')]
        .filter((el) => el.getClientRects().length).map((el) => el.textContent.trim())""")
    assert shown == ["Trợ Đọc"]
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.tagName") != "TRODOC-BAR"
    box = toggle.bounding_box()
    assert box["x"] + box["width"] <= 1280 + 0.5 and box["y"] + box["height"] <= 800 - 8 + 0.5


@pytest.mark.parametrize("width", [320, 1280])
def test_targets_are_44_px_the_bar_fits_and_covers_no_content(page, sample_url, width):
    page.set_viewport_size({"width": width, "height": 800})
    open_widget(page, sample_url)
    for button in page.locator("trodoc-bar .bar button, trodoc-bar .bar [role=spinbutton]").all():
        box = button.bounding_box()
        assert box["width"] >= 44 and box["height"] >= 44
        assert box["x"] >= 0 and box["x"] + box["width"] <= width
    bar = page.locator("trodoc-bar").bounding_box()
    article = page.locator("#content").bounding_box()
    assert bar["y"] + bar["height"] <= article["y"]


# A control's text metrics, and those of the element the bar's host sits in.
METRICS = """() => { const host = document.querySelector('trodoc-bar');
  const style = (el) => { const c = getComputedStyle(el); return [c.fontSize, c.letterSpacing, c.wordSpacing]; };
  const button = host.shadowRoot.querySelector('[data-key=larger]');
  return {button: [...style(button), getComputedStyle(button).lineHeight], around: style(host.parentElement)}; }"""
SPACING = ("* { letter-spacing: 0.12em !important; word-spacing: 0.16em !important;"
           " line-height: 1.5 !important }")


def test_the_bar_follows_the_readers_font_size_and_text_spacing(page, sample_url):
    """The browser's default font size (the portal sets its own in px) and a text-spacing tool (WCAG 1.4.12,
    as a bookmarklet applies it) reach the bar's controls."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("Page.enable")
    cdp.send("Page.setFontSizes", {"fontSizes": {"standard": 24}})
    open_widget(page, sample_url)
    assert page.evaluate(METRICS)["button"] == ["24px", "normal", "0px", "38.4px"]
    page.evaluate("(rules) => { const sheet = new CSSStyleSheet(); sheet.replaceSync(rules);"
                  " document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]; }", SPACING)
    metrics = page.evaluate(METRICS)
    assert metrics["around"][1] != "normal" and metrics["around"][2] != "0px"
    assert metrics["button"] == ["24px", *metrics["around"][1:], "36px"]


def test_focus_is_two_toned_on_every_control(page, sample_url):
    open_widget(page, sample_url)
    page.locator(".site-nav a").last.focus()
    page.keyboard.press("Tab")
    for _ in range(8):
        ring = page.evaluate("""() => { const b = document.querySelector('trodoc-bar').shadowRoot.activeElement;
            const s = getComputedStyle(b);
            return [s.outlineStyle, parseFloat(s.outlineWidth), s.outlineColor, s.boxShadow]; }""")
        # A dark ring inside a yellow one: one of the two contrasts with any background, photos included.
        assert ring[:3] == ["solid", 3, "rgb(11, 12, 12)"] and "rgb(255, 221, 0)" in ring[3] and "6px" in ring[3]
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
