"""Contrast levels and text spacing: ratios of every text node, hostile backgrounds, images, focus."""
from __future__ import annotations

import pytest

from tests.browser.probes import CONTRAST, LIVE_REGION, html_attributes, open_widget

MINIMUM = {"low": 4.5, "high": 7, "max": 7}


@pytest.mark.parametrize("path", ["sample", "/hostile.html", "/no-article.html"])
def test_every_text_node_reaches_its_ratio_at_each_level(page, sample_url, pages_server, path):
    open_widget(page, sample_url if path == "sample" else pages_server.url + path)
    for level, minimum in MINIMUM.items():
        page.evaluate("(level) => TroDoc.setContrast(level)", level)
        ratios = page.evaluate(CONTRAST)
        assert ratios and ratios[0][0] >= minimum, (level, ratios[:3])


def test_buttons_walk_the_levels_and_announce_them(page, sample_url):
    open_widget(page, sample_url)
    more = page.get_by_role("button", name="Tăng tương phản")
    less = page.get_by_role("button", name="Giảm tương phản")
    seen = []
    for button in (more, more, more, less, less, less, less):
        button.click()
        seen.append(html_attributes(page)["contrast"])
    assert seen == ["high", "max", "max", "high", "normal", "low", "low"]
    for expected in ("Tương phản: chuẩn", "Tương phản: cao"):
        more.click()
        page.wait_for_function(f"() => ({LIVE_REGION})() === {expected!r}")


def test_max_paints_links_distinctly_keeps_images_and_focus_visible(page, sample_url, pages_server):
    open_widget(page, pages_server.url + "/hostile.html")
    page.evaluate("() => TroDoc.setContrast('max')")
    link, text, hero = page.evaluate("""() => ['#bai-viet a', '#bai-viet p', '.hero'].map((s) => {
        const c = getComputedStyle(document.querySelector(s));
        return [c.color, c.backgroundColor, c.backgroundImage, c.textDecorationLine]; })""")
    assert link[0] == "rgb(255, 255, 0)" and link[3] == "underline"
    assert text[:2] == ["rgb(255, 255, 255)", "rgb(0, 0, 0)"]
    assert hero[1:3] == ["rgb(0, 0, 0)", "none"]  # the host's !important background image is gone
    page.locator("#bai-viet a").focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")  # keyboard focus, so :focus-visible applies
    outline = page.evaluate("() => { const c = getComputedStyle(document.activeElement); "
                            "return [c.outlineStyle, c.outlineWidth, c.outlineColor]; }")
    assert outline == ["solid", "3px", "rgb(255, 255, 255)"]

    open_widget(page, sample_url)
    page.evaluate("() => TroDoc.setContrast('max')")
    images = page.evaluate("""() => [...document.querySelectorAll('#content img')].map((img) => {
        const c = getComputedStyle(img); return c.filter + ' ' + c.mixBlendMode + ' ' + c.opacity; })""")
    assert images and set(images) == {"none normal 1"}


def test_system_more_contrast_is_the_first_visit_default_only(browser, sample_url):
    context = browser.new_context(contrast="more")
    page = context.new_page()
    open_widget(page, sample_url)
    assert html_attributes(page)["contrast"] == "high"
    page.get_by_role("button", name="Giảm tương phản").click()
    page.reload()
    page.locator("trodoc-bar[data-ready]").wait_for(state="attached")
    assert html_attributes(page)["contrast"] == "normal"  # the reader's own choice wins from now on
    context.close()


def test_text_spacing_applies_wcag_1_4_12_and_toggles(page, pages_server):
    open_widget(page, pages_server.url + "/hostile.html")
    spacing = page.get_by_role("button", name="Giãn dòng")
    measure = """() => { const c = getComputedStyle(document.querySelector('#bai-viet p'));
        return [c.fontSize, c.lineHeight, c.letterSpacing, c.wordSpacing, c.marginBottom].map(parseFloat); }"""
    size, line, *_ = page.evaluate(measure)
    spacing.click()
    assert html_attributes(page)["spacing"] == "on" and spacing.get_attribute("aria-pressed") == "true"
    assert page.evaluate(measure) == pytest.approx([size, 1.5 * size, 0.12 * size, 0.16 * size, 2 * size], abs=0.01)
    page.evaluate("() => TroDoc.setScale(2)")  # spacing follows the larger text
    assert page.evaluate(measure) == pytest.approx([2 * size, 3 * size, 0.24 * size, 0.32 * size, 4 * size], abs=0.01)
    spacing.click()
    assert html_attributes(page)["spacing"] is None and spacing.get_attribute("aria-pressed") == "false"
    assert page.evaluate(measure)[1] == pytest.approx(2 * line, abs=0.01)


# The palette as the page and the bar's shadow root see it: [--trodoc-fg, --trodoc-bg, --trodoc-link].
PALETTE = """() => [document.documentElement,
                    document.querySelector('trodoc-bar').shadowRoot.querySelector('[role=status]')]
  .map((el) => ['fg', 'bg', 'link'].map((name) => getComputedStyle(el).getPropertyValue('--trodoc-' + name).trim()))"""


def test_the_palette_is_set_on_html_and_reaches_the_bar(page, sample_url):
    open_widget(page, sample_url)
    assert page.evaluate(PALETTE) == [["", "", ""]] * 2  # none at the normal level: the bar keeps its own
    for level, palette in {"low": ["#595959", "#f4f1e8", "#2b5797"], "high": ["#000", "#fff", "#0000d6"],
                           "max": ["#fff", "#000", "#ff0"]}.items():
        page.evaluate("(level) => TroDoc.setContrast(level)", level)
        assert page.evaluate(PALETTE) == [palette] * 2, level
