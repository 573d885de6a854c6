"""GET /embed in Chromium: the tag for this server, the options form driving the tag and the live preview,
the copy button, keyboard use, axe-core, the page's own strict CSP; and the CSP checklist it gives
operators, proven on a third-party page whose policy allows the widget's origin for exactly
``script-src``, ``connect-src`` and ``media-src`` and nothing else."""
from __future__ import annotations

import re

import pytest
from werkzeug.wrappers import Request, Response

from tests.browser.harness import Server
from tests.browser.probes import AXE, run_axe

PREVIEW = 'iframe[title="Xem trước"]'


@pytest.fixture
def embed_page(page, widget_server):
    page.goto(widget_server.url + "/embed")
    page.frame_locator(PREVIEW).locator("trodoc-bar[data-ready]").wait_for(state="attached")
    return page


def snippet(page) -> str:
    return page.locator("#embed-tag").text_content()


def preview_src(page) -> str:
    return page.locator(PREVIEW).get_attribute("src")


def test_snippet_holds_this_servers_url(embed_page, widget_server):
    assert snippet(embed_page) == (f'<script src="{widget_server.url}/widget.js" data-target="#content" '
                                   'data-lang="vi"></script>')
    preview = embed_page.frame_locator(PREVIEW)
    preview.get_by_role("button", name="Tăng cỡ chữ").wait_for()


def test_options_update_the_snippet_and_the_preview(embed_page, widget_server):
    page = embed_page
    page.get_by_label("English").check()
    assert 'data-lang="en"' in snippet(page)
    page.wait_for_function("(s) => document.querySelector(s).src.includes('lang=en')", arg=PREVIEW)
    preview = page.frame_locator(PREVIEW)
    preview.get_by_role("button", name="Increase text size").wait_for()

    page.get_by_label(re.compile("floating button in a corner")).check()
    assert snippet(page).endswith('data-lang="en" data-position="floating"></script>')
    assert page.locator("[data-embed-php]").text_content() == (
        "'data-lang' => 'en',\n            'data-position' => 'floating',")
    toggle = preview.get_by_role("button", name="Trợ Đọc")
    toggle.wait_for()
    assert toggle.get_attribute("aria-expanded") == "false"

    page.get_by_label(re.compile("^data-target")).fill(".article-body")
    assert 'data-target=".article-body"' in snippet(page)
    page.wait_for_function("(s) => document.querySelector(s).src.includes('target=.article-body')", arg=PREVIEW)
    assert preview_src(page) == f"{widget_server.url}/embed/preview?target=.article-body&lang=en&position=floating"
    preview.locator(".article-body[data-trodoc-target]").wait_for(state="attached")
    # The address of the page follows, so an operator can share the chosen options.
    assert page.url.endswith("/embed?target=.article-body&lang=en&position=floating")
    assert run_axe(page) == []


def test_an_invalid_selector_is_flagged_and_changes_nothing(embed_page):
    page = embed_page
    before, src = snippet(page), preview_src(page)
    field = page.get_by_label(re.compile("^data-target"))
    field.fill("#content >")
    assert field.get_attribute("aria-invalid") == "true"
    assert page.get_by_text("Not a valid CSS selector.").is_visible()
    page.wait_for_timeout(600)  # longer than the preview's typing pause
    assert snippet(page) == before and preview_src(page) == src
    field.fill("main article")
    assert field.get_attribute("aria-invalid") == "false"
    assert not page.get_by_text("Not a valid CSS selector.").is_visible()
    assert 'data-target="main article"' in snippet(page)


@pytest.fixture
def clipboard_context(browser, widget_server):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="vi-VN")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=widget_server.url)
    yield context
    context.close()


def test_copy_button_puts_the_tag_on_the_clipboard(clipboard_context, widget_server):
    page = clipboard_context.new_page()
    page.goto(widget_server.url + "/embed?lang=en")
    page.get_by_role("button", name="Sao chép / Copy").click()
    status = page.get_by_role("status").filter(has_text="Đã sao chép")
    status.wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == snippet(page)
    assert 'data-lang="en"' in page.evaluate("navigator.clipboard.readText()")


def test_copy_without_clipboard_permission_selects_the_tag(embed_page):
    page = embed_page
    page.evaluate("Object.defineProperty(navigator, 'clipboard', "
                  "{value: {writeText: () => Promise.reject(new Error('denied'))}})")
    page.get_by_role("button", name="Sao chép / Copy").click()
    page.wait_for_function("() => document.getElementById('copy-status').textContent.length > 0")
    assert page.evaluate("getSelection().toString()") == snippet(page)


def test_keyboard_only(clipboard_context, widget_server):
    page = clipboard_context.new_page()
    page.goto(widget_server.url + "/embed")
    focused = "() => document.activeElement.id || document.activeElement.name || document.activeElement.textContent"
    order = []
    for _ in range(20):
        page.keyboard.press("Tab")
        order.append(page.evaluate(focused))
        if order[-1] == "opt-target":
            break
    assert "copy-tag" in order, order
    assert order[-1] == "opt-target", order  # the id wins over the name
    page.keyboard.press("Control+a")
    page.keyboard.type("main article")
    page.keyboard.press("Tab")  # to the checked language radio
    page.keyboard.press("ArrowDown")  # radios: arrows move and check
    assert page.get_by_label("English").is_checked()
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")
    assert page.get_by_label(re.compile("floating button in a corner")).is_checked()
    assert snippet(page).endswith('data-target="main article" data-lang="en" data-position="floating"></script>')
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # "Cập nhật / Update": no navigation with script, the preview loads now
    page.wait_for_function("(s) => document.querySelector(s).src.includes('target=main+article')", arg=PREVIEW)
    page.frame_locator(PREVIEW).get_by_role("button", name="Trợ Đọc").wait_for()
    # Back to the copy button with Shift+Tab and press Space on it.
    for _ in range(20):
        page.keyboard.press("Shift+Tab")
        if page.evaluate(focused) == "copy-tag":
            break
    page.keyboard.press("Space")
    page.get_by_role("status").filter(has_text="Đã sao chép").wait_for()
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"


def test_reflows_at_320_pixels(page, widget_server):
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(widget_server.url + "/embed")
    assert page.evaluate("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth")


def test_axe_finds_nothing_on_the_page_and_in_the_preview(embed_page):
    assert run_axe(embed_page) == []
    frame = embed_page.frame(url=re.compile("/embed/preview"))
    frame.evaluate(AXE)
    violations = frame.evaluate("""async () => (await axe.run(document, {runOnly: {type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})).violations.map((v) => v.id)""")
    assert violations == []


# In the preview's document: its viewport width, the page's own width, and [left, right] of the bar and of
# each of its shown controls.
PREVIEW_LAYOUT = """() => { const shadow = document.querySelector('trodoc-bar').shadowRoot;
  const box = (el) => { const r = el.getBoundingClientRect(); return [r.left, r.right]; };
  return {innerWidth, clientWidth: document.documentElement.clientWidth,
          scrollWidth: document.documentElement.scrollWidth, bar: box(shadow.querySelector('.bar')),
          controls: [...shadow.querySelectorAll('.bar button, .bar [role=spinbutton]')]
            .filter((el) => el.getClientRects().length).map(box)}; }"""


def test_the_preview_switches_to_a_phone_width_by_keyboard(embed_page):
    page = embed_page
    desktop = page.get_by_role("radio", name=re.compile(r"^Máy tính \/ desktop"))
    phone = page.get_by_role("radio", name=re.compile(r"^Điện thoại \/ phone \(390 px\)"))
    assert desktop.is_checked() and not phone.is_checked()
    frame_box = page.locator(PREVIEW).bounding_box()
    assert frame_box["width"] > 600
    assert run_axe(page) == []
    before = page.url, snippet(page), preview_src(page)

    desktop.focus()
    page.keyboard.press("ArrowDown")  # a radio group: the arrow moves and checks
    assert phone.is_checked() and not desktop.is_checked()
    preview = page.frame(url=re.compile("/embed/preview"))
    preview.wait_for_function("() => innerWidth === 390")
    assert page.locator(PREVIEW).evaluate("(el) => [el.clientWidth, el.clientHeight]") == [390, 700]
    # The widget lays out for the phone: the bar and every control inside the preview's width, no sideways
    # scrolling.
    layout = preview.evaluate(PREVIEW_LAYOUT)
    width = layout["clientWidth"]
    assert layout["scrollWidth"] <= width, layout
    assert layout["bar"][0] >= 0 and layout["bar"][1] <= width, layout
    assert len(layout["controls"]) == 8
    assert all(left >= 0 and right <= width for left, right in layout["controls"]), layout
    assert run_axe(page) == []
    # Kept nowhere: the address, the tag and the preview's options stay as they were.
    assert (page.url, snippet(page), preview_src(page)) == before

    page.keyboard.press("ArrowUp")
    assert desktop.is_checked()
    preview.wait_for_function("(w) => innerWidth > w", arg=600)
    assert page.locator(PREVIEW).bounding_box()["width"] == frame_box["width"]
    page.reload()
    assert page.get_by_role("radio", name=re.compile(r"^Máy tính \/ desktop")).is_checked()


def test_the_phone_preview_fits_a_narrow_page(page, widget_server):
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(widget_server.url + "/embed")
    page.get_by_role("radio", name=re.compile("^Điện thoại")).check()
    page.wait_for_function("(s) => document.querySelector(s).classList.contains('phone')", arg=PREVIEW)
    assert page.evaluate("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth")


def test_the_page_runs_under_its_strict_csp(page, widget_server):
    violations = []
    page.on("console", lambda m: "Content Security Policy" in m.text and violations.append(m.text))
    response = page.goto(widget_server.url + "/embed")
    csp = response.headers["content-security-policy"]
    assert "script-src 'self';" in csp and "style-src 'self';" in csp and "unsafe-inline" not in csp
    page.get_by_label("English").check()
    page.frame_locator(PREVIEW).get_by_role("button", name="Increase text size").wait_for()
    page.get_by_role("radio", name=re.compile("^Điện thoại")).check()
    page.frame(url=re.compile("/embed/preview")).wait_for_function("() => innerWidth === 390")
    assert violations == []  # and the page fixture fails the test on any console error


# --- The CSP checklist of the page, proven: a third-party page with exactly those directives. ---

ARTICLE = """<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Cổng xã</title>
</head><body><main><article id="content">
<h1>Thông báo lịch tiếp công dân</h1>
<p>Ủy ban nhân dân xã thông báo lịch tiếp công dân. Người dân có thể liên hệ bộ phận một cửa.</p>
<p>Mọi thắc mắc xin gửi về hộp thư của xã. Xin cảm ơn.</p>
</article></main>
<script src="{server}/widget.js" data-target="#content" data-lang="vi"></script></body></html>"""


@pytest.fixture
def checklist_site(listen_server):
    """Another origin whose policy is ``default-src 'none'`` plus the three directives of the checklist:
    no style-src, no img-src, nothing else for the widget."""
    policy = (f"default-src 'none'; script-src {listen_server.url}; connect-src {listen_server.url}; "
              f"media-src {listen_server.url}")

    @Request.application
    def site(request: Request) -> Response:
        if request.path != "/":
            return Response(status=204)
        response = Response(ARTICLE.replace("{server}", listen_server.url), mimetype="text/html")
        response.headers["Content-Security-Policy"] = policy
        return response

    server = Server(site)
    yield server, policy
    server.close()


def open_checklist_page(page, site, policy):
    page.add_init_script("""window.__csp = [];
        document.addEventListener('securitypolicyviolation',
                                  (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));""")
    response = page.goto(site.url + "/")
    assert response.headers["content-security-policy"] == policy
    page.wait_for_function("() => window.TroDoc")
    return page


def test_the_csp_checklist_is_enough_for_the_bar(listen_page, checklist_site):
    page = open_checklist_page(listen_page, *checklist_site)
    page.get_by_role("button", name="Tăng cỡ chữ").click()
    page.get_by_role("button", name="Tăng tương phản").click()
    page.get_by_role("button", name="Giãn dòng").click()
    assert page.evaluate("() => [TroDoc.getState().scale, TroDoc.getState().contrast]") == [1.125, "high"]
    assert page.evaluate("() => document.documentElement.dataset.trodocSpacing") == "on"
    # The bar is styled (constructed stylesheets, no style-src): 44 px targets, not unstyled default buttons.
    assert page.get_by_role("button", name="Tăng cỡ chữ").bounding_box()["height"] >= 44
    assert page.evaluate("() => window.__csp") == []
    assert page.errors == []


def test_the_csp_checklist_is_enough_for_listening(listen_page, checklist_site):
    page = open_checklist_page(listen_page, *checklist_site)
    page.get_by_role("button", name="Nghe bài viết").click()
    page.wait_for_function("() => TroDoc.getState().playing && TroDoc.getState().segment >= 1", timeout=15_000)
    assert page.evaluate("() => window.__csp") == []
    assert page.errors == []
