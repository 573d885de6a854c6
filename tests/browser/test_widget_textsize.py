"""Text size: every step scales every text of the target, whatever unit the page used, and reflows."""
from __future__ import annotations

import pytest

from tests.browser.probes import HAS_HORIZONTAL_SCROLL, LIVE_REGION, TEXT_SIZES, html_attributes, open_widget, sized

STEPS = [1, 1.125, 1.25, 1.5, 1.75, 2]


def assert_scaled(sizes, base, step):
    assert len(sizes) == len(base)
    for (size, line), (size0, line0) in zip(sizes, base, strict=True):
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


def test_nothing_is_measured_until_the_scale_leaves_100_percent(page, pages_server):
    open_widget(page, pages_server.url + "/long.html")
    tagged = "() => document.querySelectorAll('[data-trodoc-fs]').length"
    assert page.evaluate(tagged) == 0  # a visitor who never touches the bar costs no per-element work
    base = page.evaluate(TEXT_SIZES)
    page.get_by_role("button", name="Tăng cỡ chữ").click()
    page.get_by_role("button", name="Tăng cỡ chữ").click()
    assert_scaled(sized(page).evaluate(TEXT_SIZES), base, 1.25)
    assert page.evaluate(tagged) == page.evaluate("() => document.querySelectorAll('article *').length")
    page.locator("#cuoi").scroll_into_view_if_needed()
    assert page.locator("#cuoi").is_visible() and not page.evaluate(HAS_HORIZONTAL_SCROLL)


# In the middle of a long article: the paragraph in view and the first one, far above, in the frame after
# a change ([px, px, top of the one in view]), then once the change has reached every part.
MIDDLE = """async (step) => {
  const seen = document.querySelectorAll('article p')[150], far = document.querySelector('article p');
  const read = () => [seen, far].map((p) => parseFloat(getComputedStyle(p).fontSize))
    .concat(seen.getBoundingClientRect().top);
  TroDoc.setScale(step);
  await new Promise(requestAnimationFrame);
  return read();
}"""


def test_a_long_article_changes_in_view_first_and_the_text_being_read_does_not_move(page, pages_server):
    open_widget(page, pages_server.url + "/long.html")
    page.evaluate("() => document.querySelectorAll('article p')[150].scrollIntoView()")
    top = page.evaluate("() => document.querySelectorAll('article p')[150].getBoundingClientRect().top")
    size = page.evaluate("() => parseFloat(getComputedStyle(document.querySelector('article p')).fontSize)")
    seen, far, now = page.evaluate(MIDDLE, 1.5)
    assert (seen, far) == (pytest.approx(size * 1.5), size)  # the far part waits its turn
    assert now == pytest.approx(top, abs=1)
    sized(page)
    assert page.evaluate("() => parseFloat(getComputedStyle(document.querySelector('article p')).fontSize)") \
        == pytest.approx(size * 1.5)
    # Every part above the view grew: the paragraph being read stayed where it was.
    assert page.evaluate("() => document.querySelectorAll('article p')[150].getBoundingClientRect().top") \
        == pytest.approx(top, abs=1)


# Adds a paragraph to the target and reads its sizes in the next animation frame, the one that first
# paints it: [paragraph px, small px].
ADD_AND_READ = """async () => {
  const p = document.createElement('p');
  p.innerHTML = 'Thông báo <small>mới</small> của xã';
  document.querySelector('[data-trodoc-target]').append(p);
  await new Promise(requestAnimationFrame);
  return [p, p.firstElementChild].map((el) => parseFloat(getComputedStyle(el).fontSize));
}"""


def test_content_added_later_is_scaled_in_the_frame_that_first_paints_it(page, pages_server):
    open_widget(page, pages_server.url + "/hostile.html")
    base = page.evaluate(ADD_AND_READ)
    page.evaluate("() => TroDoc.setScale(1.5)")
    assert page.evaluate(ADD_AND_READ) == pytest.approx([size * 1.5 for size in base], abs=0.05)


def test_sizes_follow_the_page_media_queries_after_a_resize(page, pages_server):
    sizes = "() => ['h1', 'p', 'b'].map((s) => parseFloat(getComputedStyle(document.querySelector(s)).fontSize))"
    open_widget(page, pages_server.url + "/media.html")
    page.get_by_role("button", name="Tăng cỡ chữ").click()
    assert page.evaluate(sizes) == pytest.approx([36, 22.5, 22.5])
    page.set_viewport_size({"width": 375, "height": 740})
    page.wait_for_function("() => parseFloat(getComputedStyle(document.querySelector('p')).fontSize) === 18")
    assert page.evaluate(sizes) == pytest.approx([27, 18, 18])  # what A+ chosen on the phone gives
    page.set_viewport_size({"width": 1280, "height": 800})
    page.wait_for_function("() => parseFloat(getComputedStyle(document.querySelector('p')).fontSize) === 22.5")
    assert page.evaluate(sizes) == pytest.approx([36, 22.5, 22.5])


def test_a_saved_size_on_a_long_article_reaches_every_part_after_the_first_screen(page, pages_server):
    open_widget(page, pages_server.url + "/long.html")
    base = page.evaluate(TEXT_SIZES)
    page.evaluate("() => TroDoc.setScale(1.5)")
    page.reload()
    open_widget(page, pages_server.url + "/long.html")
    assert_scaled(sized(page).evaluate(TEXT_SIZES), base, 1.5)
    page.evaluate("() => TroDoc.setScale(1)")
    assert sized(page).evaluate(TEXT_SIZES) == base


def test_content_added_at_100_percent_is_measured_at_the_next_change(page, pages_server):
    open_widget(page, pages_server.url + "/hostile.html")
    page.evaluate("() => TroDoc.setScale(1.5)")
    page.evaluate("() => TroDoc.setScale(1)")
    page.evaluate("""() => { const p = document.createElement('p'); p.id = 'moi';
        p.innerHTML = 'Thông báo <small>mới</small>'; document.querySelector('#bai-viet').append(p); }""")
    page.evaluate("() => TroDoc.setScale(1.5)")
    sizes = "() => ['#moi', '#moi small'].map((s) => parseFloat(getComputedStyle(document.querySelector(s)).fontSize))"
    assert page.evaluate(sizes) == pytest.approx([22.5, 19.6875])


def test_a_saved_size_follows_the_media_queries_of_a_resize_before_any_change(page, pages_server):
    sizes = "() => ['h1', 'p'].map((s) => parseFloat(getComputedStyle(document.querySelector(s)).fontSize))"
    open_widget(page, pages_server.url + "/media.html")
    page.evaluate("() => TroDoc.setScale(1.25)")
    open_widget(page, pages_server.url + "/media.html")  # sized before its first paint
    assert page.evaluate(sizes) == pytest.approx([40, 25])
    page.set_viewport_size({"width": 375, "height": 740})
    page.wait_for_function("() => parseFloat(getComputedStyle(document.querySelector('p')).fontSize) === 20")
    assert page.evaluate(sizes) == pytest.approx([30, 20])
