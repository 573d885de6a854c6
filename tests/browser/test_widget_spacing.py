"""Text spacing (WCAG 1.4.12) as minimums: line height 1.5, letter spacing 0.12, word spacing 0.16 and
paragraph spacing 2 times the font size at least, never less than what the page already has; with the
text size too."""
from __future__ import annotations

import pytest

from tests.browser.harness import Server, pages_app
from tests.browser.probes import HAS_HORIZONTAL_SCROLL, html_attributes, open_widget, sized

# A roomy theme (its paragraphs more open than WCAG asks), a tight one (less), and line-height: normal.
SPACING_CSS = """body { margin: 0; font: 16px/1.2 sans-serif; }
.roomy { font-size: 17.25px; line-height: 1.6; letter-spacing: .2em; word-spacing: .3em; margin: 0 0 3em; }
.tight { font-size: 20px; line-height: 1.2; letter-spacing: -.01em; margin: 0 0 10px; }
.normal { font-size: 18px; line-height: normal; }
.roomy b { letter-spacing: 4px; }"""
SPACING_PAGE = ('<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Giãn dòng</title>'
                '<link rel="icon" href="data:,"><link rel="stylesheet" href="spacing.css">'
                '<script src="{{WIDGET}}/widget.js" defer></script></head><body><main><article>'
                '<h1>Giãn dòng theo WCAG</h1>'
                '<p class="roomy" id="roomy">Trang có sẵn <b>khoảng cách rộng</b> hơn mức tối thiểu.</p>'
                '<p class="tight" id="tight">Trang có khoảng cách hẹp hơn mức tối thiểu.</p>'
                '<div class="normal" id="normal">Chiều cao dòng mặc định của phông chữ.</div>'
                '</article></main></body></html>')

# [font-size, line-height, letter-spacing, word-spacing, margin-bottom] in px.
SPACING = """(selector) => { const c = getComputedStyle(document.querySelector(selector));
  return [c.fontSize, c.lineHeight, c.letterSpacing, c.wordSpacing, c.marginBottom].map(parseFloat); }"""
# The bundle has no call for spacing: the tests set the attribute (after their last TroDoc call, which
# would mirror its own state back), or save the setting and reload.
SPACING_ON = "() => document.documentElement.setAttribute('data-trodoc-spacing', 'on')"
SPACING_OFF = "() => document.documentElement.removeAttribute('data-trodoc-spacing')"
SAVED_SPACING = "() => localStorage.setItem('trodoc', JSON.stringify({ scale: 1, contrast: 'normal', spacing: true }))"
TAGGED = "() => document.querySelectorAll('[data-trodoc-fs]').length"


@pytest.fixture(scope="module")
def spacing_server(widget_server):
    server = Server(pages_app(widget_server.url, {"spacing.html": SPACING_PAGE, "spacing.css": SPACING_CSS}))
    yield server
    server.close()


def measure(page, selector):
    return page.evaluate(SPACING, selector)


def roomy(step=1):
    size = 17.25 * step
    return [size, 1.6 * size, 0.2 * size, 0.3 * size, 3 * size]


def tight(step=1):
    size = 20 * step
    return [size, 1.5 * size, 0.12 * size, 0.16 * size, 2 * size]


def test_spacing_never_lowers_what_the_page_has_and_raises_what_is_below(page, spacing_server):
    open_widget(page, spacing_server.url + "/spacing.html")
    assert measure(page, "#roomy") == pytest.approx(roomy(), abs=0.01)
    assert measure(page, "#tight")[:2] == pytest.approx([20, 24], abs=0.01)
    page.evaluate(SPACING_ON)
    assert measure(page, "#roomy") == pytest.approx(roomy(), abs=0.01)  # 1.6, .2em, .3em and 3em kept
    assert measure(page, "#tight") == pytest.approx(tight(), abs=0.01)  # 1.2 → 1.5, -.01em → .12em, 10px → 2em
    assert page.evaluate("() => parseFloat(getComputedStyle(document.querySelector('#roomy b')).letterSpacing)") \
        == pytest.approx(4, abs=0.01)  # 4px is more than .12em of 17.25px
    normal = measure(page, "#normal")
    assert normal[1:4] == pytest.approx([27, 0.12 * 18, 0.16 * 18], abs=0.01)  # line-height: normal → 1.5
    assert normal[4] == 0  # paragraph spacing is for paragraphs
    page.evaluate(SPACING_OFF)
    assert measure(page, "#tight")[1:3] == pytest.approx([24, -0.2], abs=0.01)


@pytest.mark.parametrize("first", ["spacing", "scale"])
def test_spacing_and_200_percent_together_in_either_order(page, spacing_server, first):
    url = spacing_server.url + "/spacing.html"
    open_widget(page, url)
    if first == "spacing":  # saved: spaced before the first paint, then the size
        page.evaluate(SAVED_SPACING)
        open_widget(page, url)
    page.evaluate("() => TroDoc.setScale(2)")
    if first == "scale":
        sized(page).evaluate(SPACING_ON)
    sized(page)
    assert measure(page, "#roomy") == pytest.approx(roomy(2), abs=0.01)
    assert measure(page, "#tight") == pytest.approx(tight(2), abs=0.01)
    assert measure(page, "#normal")[:2] == pytest.approx([36, 54], abs=0.01)
    page.evaluate(SPACING_OFF)  # back to the page's own spacing, at 200 %
    assert measure(page, "#tight")[:3] == pytest.approx([40, 48, -0.4], abs=0.01)


def test_nothing_is_measured_until_spacing_is_on_then_all_at_once(page, pages_server):
    open_widget(page, pages_server.url + "/long.html")
    assert page.evaluate(TAGGED) == 0
    page.evaluate(SPACING_ON)
    # One pass over the whole article, no catching up over frames: the far end is spaced too.
    assert not page.evaluate("() => document.documentElement.hasAttribute('data-trodoc-sizing')")
    # Every element in the article (the article itself holds no text of its own).
    assert page.evaluate(TAGGED) == page.evaluate("() => document.querySelectorAll('article *').length")
    size, line, letters, words, after = measure(page, "#cuoi")
    assert [line, letters, words, after] == pytest.approx([1.5 * size, 0.12 * size, 0.16 * size, 2 * size], abs=0.01)
    assert not page.evaluate(HAS_HORIZONTAL_SCROLL)


# Adds a paragraph to the target and reads its line height in the next animation frame, the one that
# first paints it.
ADD_AND_READ = """async () => {
  const p = document.createElement('p');
  p.className = 'tight';
  p.textContent = 'Thông báo mới của xã';
  document.querySelector('[data-trodoc-target]').append(p);
  await new Promise(requestAnimationFrame);
  return parseFloat(getComputedStyle(p).lineHeight);
}"""


def test_content_added_later_is_spaced_in_the_frame_that_first_paints_it(page, spacing_server):
    open_widget(page, spacing_server.url + "/spacing.html")
    page.evaluate(SPACING_ON)
    assert page.evaluate(ADD_AND_READ) == pytest.approx(30, abs=0.01)


def test_a_saved_spacing_holds_from_the_first_paint(page, spacing_server):
    open_widget(page, spacing_server.url + "/spacing.html")
    page.evaluate(SAVED_SPACING)
    # The first frame the page shows, read from the page's first animation frame after the tag ran.
    page.add_init_script("""addEventListener('DOMContentLoaded', () => requestAnimationFrame(() => {
        const c = getComputedStyle(document.querySelector('#roomy'));
        window.__first = [c.lineHeight, c.letterSpacing].map(parseFloat); }));""")
    open_widget(page, spacing_server.url + "/spacing.html")
    assert html_attributes(page)["spacing"] == "on"
    assert page.evaluate("() => window.__first") == pytest.approx(roomy()[1:3], abs=0.01)
    assert measure(page, "#tight") == pytest.approx(tight(), abs=0.01)
