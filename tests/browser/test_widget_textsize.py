"""Text size: every step scales every text of the target, whatever unit the page used, and reflows."""
from __future__ import annotations

import pytest

from tests.browser.probes import HAS_HORIZONTAL_SCROLL, LIVE_REGION, TEXT_SIZES, html_attributes, open_widget

STEPS = [1, 1.125, 1.25, 1.5, 1.75, 2]


def assert_scaled(sizes, base, step):
    assert len(sizes) == len(base)
    for (size, line), (size0, line0) in zip(sizes, base):
        assert size == pytest.approx(size0 * step, abs=0.05)
        assert (line is None) == (line0 is None)
        if line is not None:  # line height stays proportional to the text
            assert line == pytest.approx(line0 * step, abs=0.05)


@pytest.mark.parametrize("path", ["sample", "/hostile.html"])
def test_every_step_up_and_down_by_the_buttons(page, sample_url, pages_server, path):
    open_widget(page, sample_url if path == "sample" else pages_server.url + path)
    base = page.evaluate(TEXT_SIZES)
    assert len({size for size, _ in base}) >= 3  # px, em, rem and !important sizes all present
    larger = page.get_by_role("button", name="Tăng cỡ chữ")
    for step in STEPS[1:]:
        larger.click()
        assert html_attributes(page)["scale"] == str(step).removesuffix(".0")
        assert_scaled(page.evaluate(TEXT_SIZES), base, step)
    larger.click()  # 200 % is the largest
    assert html_attributes(page)["scale"] == "2"
    page.get_by_role("button", name="Cỡ chữ mặc định").click()
    assert page.evaluate(TEXT_SIZES) == base
    smaller = page.get_by_role("button", name="Giảm cỡ chữ")
    for step in (0.9, 0.8, 0.8):
        smaller.click()
        assert_scaled(page.evaluate(TEXT_SIZES), base, step)
    page.wait_for_timeout(150)
    assert page.evaluate(LIVE_REGION) == "Cỡ chữ 80 %"


def test_hostile_important_rules_lose_and_nested_em_does_not_compound(page, pages_server):
    open_widget(page, pages_server.url + "/hostile.html")
    sizes = """() => ['#bai-viet h2', '#bai-viet p', '.em', '.em small', '.small', '.badge']
        .map((s) => parseFloat(getComputedStyle(document.querySelector(s)).fontSize))"""
    assert page.evaluate(sizes) == pytest.approx([28, 15, 18.75, 16.40625, 14, 11.25], abs=1e-3)
    page.evaluate("() => TroDoc.setScale(1.5)")
    assert page.evaluate(sizes) == pytest.approx([42, 22.5, 28.125, 24.609375, 21, 16.875], abs=1e-3)


@pytest.mark.parametrize("path", ["sample", "/hostile.html", "/no-article.html"])
def test_no_horizontal_scroll_at_1280_px_and_200_percent(page, sample_url, pages_server, path):
    open_widget(page, sample_url if path == "sample" else pages_server.url + path)
    page.evaluate("() => TroDoc.setScale(2)")
    assert not page.evaluate(HAS_HORIZONTAL_SCROLL)
    page.get_by_role("button", name="Giãn dòng").click()  # wider letters and words must wrap too
    assert not page.evaluate(HAS_HORIZONTAL_SCROLL)


def test_text_outside_the_target_keeps_its_size(page, sample_url):
    open_widget(page, sample_url)
    nav = "() => getComputedStyle(document.querySelector('.site-nav a')).fontSize"
    before = page.evaluate(nav)
    page.evaluate("() => TroDoc.setScale(2)")
    assert page.evaluate(nav) == before


def test_long_article_skips_unseen_blocks_yet_scales_them_all(page, pages_server):
    open_widget(page, pages_server.url + "/long.html")
    assert page.evaluate("() => document.querySelector('article').getAttribute('data-trodoc-target')") == "long"
    base = page.evaluate(TEXT_SIZES)
    page.get_by_role("button", name="Tăng cỡ chữ").click()
    page.get_by_role("button", name="Tăng cỡ chữ").click()
    assert_scaled(page.evaluate(TEXT_SIZES), base, 1.25)
    page.locator("#cuoi").scroll_into_view_if_needed()
    assert page.locator("#cuoi").is_visible() and not page.evaluate(HAS_HORIZONTAL_SCROLL)
