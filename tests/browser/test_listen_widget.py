"""Nghe bài viết through the real, built ``widget.js``: on the portal's article pages (strict CSP, playlist from
``/api/v1/articles/<slug>/speech`` matched to the page) and on a third-party page on another origin."""
from __future__ import annotations

import re

import pytest

from tests.browser.listen_helpers import LIVE_TEXT, RECORD, audio, segments, watch
from tests.browser.probes import run_axe

SLUGS = ["lich-tiep-cong-dan-dinh-ky-thang-10-nam-2023", "dak-song-kiem-tra-cai-cach-hanh-chinh-2023",
         "ket-qua-thu-ngan-sach-9-thang-nam-2023", "huong-dan-nop-ho-so-truc-tuyen-tren-cong-dich-vu-cong"]


def open_page(page, url):
    page.add_init_script(RECORD)
    page.goto(url)
    page.wait_for_function("() => window.TroDoc")
    watch(page)
    return page


def listening(page):
    return page.evaluate("(({ playing, segment, rate }) => ({ playing, segment, rate }))(TroDoc.getState())")


@pytest.fixture
def portal(listen_page, listen_server):
    def open(slug=SLUGS[0]):
        return open_page(listen_page, f"{listen_server.url}/articles/{slug}")
    yield open
    assert listen_page.errors == []


@pytest.mark.parametrize("slug", SLUGS)
def test_portal_highlight_matches_every_segment(portal, listen_server, slug):
    page = portal(slug)
    playlist = page.evaluate("async (slug) => (await (await fetch(`/api/v1/articles/${slug}/speech`)).json()).segments",
                             slug)
    page.get_by_role("button", name="Nghe bài viết").click()
    page.wait_for_function("() => TroDoc.getState().segment !== null")
    page.get_by_role("button", name="Tạm dừng").click()
    # Paused, next-sentence walks the highlight through every segment without playing them.
    for _ in range(len(playlist) - 1 - page.evaluate("() => TroDoc.getState().segment")):
        page.keyboard.press("Alt+Shift+ArrowRight")
    page.wait_for_function(f"() => TroDoc.getState().segment === {len(playlist) - 1}")
    seen = {s["index"]: s for s in segments(page) if s["index"] >= 0}
    assert sorted(seen) == list(range(len(playlist)))
    for index, expected in enumerate(playlist):
        assert seen[index]["shown"] == expected["text"], index
        assert seen[index]["raw"] == seen[index]["raw"].strip()


def test_portal_plays_through_under_its_csp(portal):
    page = portal()
    page.get_by_role("button", name="Nghe bài viết").click()
    for _ in range(3):  # 1.25×, 1.5×, 2×
        page.get_by_role("button", name=re.compile("^Tốc độ đọc")).click()
    assert listening(page)["rate"] == 2
    page.wait_for_function("() => window.__seg.length > 5", timeout=20_000)
    assert listening(page)["playing"] is True
    assert audio(page, "playbackRate") == 2
    assert [s["index"] for s in segments(page)][:6] == list(range(6))
    assert re.fullmatch(r"Câu \d+/20 · \d:\d\d", page.locator(".player .position").text_content())


def test_portal_axe_while_playing(portal):
    page = portal()
    page.get_by_role("button", name="Nghe bài viết").click()
    page.wait_for_function("() => TroDoc.getState().segment === 1", timeout=10_000)
    assert run_axe(page) == []
    assert listening(page)["playing"] is True


def test_portal_keyboard_and_download(portal, listen_server):
    page = portal()
    page.locator("h1").click()
    page.keyboard.press("Alt+Shift+N")
    page.wait_for_function("() => TroDoc.getState().playing")
    page.keyboard.press("Alt+Shift+ArrowRight")
    page.wait_for_function("() => TroDoc.getState().segment === 1")
    # The article's recording is offered by the player.
    href = page.get_by_role("link", name="Tải MP3").get_attribute("href")
    page.keyboard.press("Escape")
    assert listening(page) == {"playing": False, "segment": None, "rate": 1}
    assert href == f"{listen_server.url}/api/v1/articles/{SLUGS[0]}/audio.mp3"
    answer = page.evaluate("async (u) => { const r = await fetch(u); "
                           "return [r.status, r.headers.get('content-type')]; }", href)
    assert answer == [200, "audio/mpeg"]


def test_third_party_page_through_widget_js(listen_page, third_party):
    page = open_page(listen_page, f"{third_party.url}/pages/listen-article.html?mode=widget")
    page.get_by_role("button", name="Nghe bài viết").click()
    page.wait_for_function("() => TroDoc.getState().segment !== null")
    page.get_by_role("button", name="Tạm dừng").click()
    segment = page.evaluate("() => TroDoc.getState().segment")
    for _ in range(4):
        page.get_by_role("button", name="Câu sau").click()
    page.wait_for_function(f"() => TroDoc.getState().segment === {segment + 4}")
    seen = [s for s in segments(page) if s["index"] >= 0]
    assert [s["shown"] for s in seen] == [s["text"] for s in seen]
    assert "Địa chỉ: số 1 đường Lê Lợi, thị trấn Đức An, huyện Đăk Song." in [s["text"] for s in seen]  # <br>
    assert page.evaluate(LIVE_TEXT) is not None
    assert listen_page.errors == []


def test_usage_is_counted_anonymously(portal, listen_app):
    from server.usage.counts import summary

    def counts():
        with listen_app.app_context():
            data = summary()
        listened = {row["article"]: row for row in data["articles"]}.get(SLUGS[2], {})
        return (listened.get("listen_start", 0), listened.get("listen_finish", 0),
                data["settings"]["scale"].get("1.25", 0), data["settings"]["contrast"].get("high", 0))

    before = counts()
    page = portal(SLUGS[2])
    for _ in range(2):
        page.get_by_role("button", name="Tăng cỡ chữ").click()  # 112.5 %, then the 125 % the reader keeps
    page.get_by_role("button", name="Tăng tương phản").click()
    with page.expect_request(lambda r: r.url.endswith("/api/v1/events") and "listen_start" in (r.post_data or "")) \
            as started:
        page.get_by_role("button", name="Nghe bài viết").click()
    page.wait_for_function("() => TroDoc.getState().playing")
    # The run names where it starts, so recordings served from disk are stamped played too.
    assert started.value.post_data_json["segment"] == page.evaluate("() => window.__seg[0].id")
    total = page.evaluate("() => window.__seg[0].total")
    while (page.evaluate("() => TroDoc.getState().segment") or 0) < total - 1:
        page.get_by_role("button", name="Câu sau").click()
    expected = (before[0] + 1, before[1] + 1, before[2] + 1, before[3] + 1)
    deadline = page.evaluate("() => performance.now()") + 5000
    while counts() != expected and page.evaluate("() => performance.now()") < deadline:
        page.wait_for_timeout(200)
    assert counts() == expected
