"""Nghe bài viết in a real browser, on a third-party page (another origin) with nested inline markup.

These drive the listen modules through ``listen-harness.js`` (the modules from source, with a stand-in toolbar);
``test_listen_widget.py`` drives the same features through the real ``widget.js``.
"""
from __future__ import annotations

import re

import pytest

from server.speech import clean_text
from tests.browser.listen_helpers import FAKE_SYNTH, LIVE_TEXT, NO_SYNTH, RECORD, audio, axe_violations, segments, watch

EXPECTED_BLOCKS = [
    "Thông báo lịch tiếp công dân tháng 12",
    "Ủy ban nhân dân xã Nâm N'Jang thông báo lịch tiếp công dân. Người dân có thể liên hệ bộ phận một cửa "
    "để được hướng dẫn.",
    "Địa chỉ: số 1 đường Lê Lợi, thị trấn Đức An, huyện Đăk Song.",
    "Văn bản số 123/UBND được ban hành ngày 12/10/2023. Người dân được hỗ trợ miễn phí.",
    "Hồ sơ cần có đơn đề nghị.",
    "Bản sao căn cước công dân.",
    "Lịch tiếp dân", "Ngày", "Người tiếp", "Thứ Hai", "Chủ tịch xã",
    "Mọi thắc mắc xin gửi về hộp thư của xã. Xin cảm ơn.",
]


@pytest.fixture
def page(listen_page, third_party):
    listen_page.add_init_script(RECORD)
    listen_page.goto(f"{third_party.url}/pages/listen-article.html?mode=harness")
    listen_page.wait_for_function("window.TroDoc")
    watch(listen_page)
    yield listen_page
    assert listen_page.errors == []


def button(page, name):
    # The speed button shows the current speed after its name: "Tốc độ đọc 1,25×".
    if name == "Tốc độ đọc":
        return page.get_by_role("button", name=re.compile(r"^Tốc độ đọc \d"))
    return page.get_by_role("button", name=name, exact=True)


def wait_live(page, text):
    page.wait_for_function(f"(text) => ({LIVE_TEXT})().includes(text)", arg=text)


def listening(page):
    return page.evaluate("(({ playing, segment, rate }) => ({ playing, segment, rate }))(TroDoc.getState())")


def wait_started(page, timeout=10_000):
    """Playing its first segment, or already a later one on a slow machine."""
    page.wait_for_function("TroDoc.getState().segment !== null", timeout=timeout)


def wait_segment(page, index, timeout=10_000):
    page.wait_for_function(f"TroDoc.getState().segment === {index}", timeout=timeout)


def test_blocks_follow_the_server_rules(page):
    blocks = page.evaluate("""async () => (await import('/widget/listen/extract.js'))
        .readBlocks([document.querySelector('#content')]).map(b => b.text)""")
    assert blocks == EXPECTED_BLOCKS


# Which characters are whitespace comes from the server's rule at build time (tests/test_assets_build.py);
# these check what the widget does with them: runs, ends, NFC per base character, the map back to the DOM.
@pytest.mark.parametrize("raw", [
    "  a\u00a0\u00a0b\t\nc  ", "Ngu\u031bo\u0300i da\u0302n", "🙂 \u202f😀", "e\u0301\u0301", "\u0301a", "", "   ",
])
def test_client_clean_text_matches_the_server(page, raw):
    result = page.evaluate("""async (raw) => {
        const { cleanMapped } = await import('/widget/listen/extract.js');
        const c = cleanMapped(raw);
        return { text: c.text, ok: c.from.length === c.text.length && c.from.every((f, i) => f < c.to[i]) };
    }""", raw)
    assert result["text"] == clean_text(raw)
    assert result["ok"]


def test_plays_through_with_the_sentence_highlighted(page, listen_server):
    playlist = page.evaluate("""async ({ base, blocks }) => (await (await fetch(base + '/api/v1/speech', {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ lang: 'vi', blocks }) })).json()).segments""",
                             {"base": listen_server.url, "blocks": EXPECTED_BLOCKS})
    button(page, "Nghe bài viết").click()
    button(page, "Tốc độ đọc").click()  # 1.25×
    button(page, "Tốc độ đọc").click()  # 1.5×
    # No further action: the player moves from segment to segment by itself and stops after the last.
    page.wait_for_function(f"window.__seg.length > {len(playlist)} && TroDoc.getState().segment === null",
                           timeout=30_000)
    seen = [s for s in segments(page) if s["index"] >= 0]
    assert [s["index"] for s in seen] == list(range(len(playlist)))
    assert [s["text"] for s in seen] == [s["text"] for s in playlist]
    for s in seen:
        assert s["shown"] == s["text"], s
        assert s["raw"] == s["raw"].strip()
    assert any("\n" in s["raw"] or "  " in s["raw"] for s in seen)  # raw DOM text differed, mapping held
    assert listening(page) == {"playing": False, "segment": None, "rate": 1.5}
    assert page.evaluate("CSS.highlights.has('trodoc-reading')") is False


def test_buttons_by_accessible_name(page):
    button(page, "Nghe bài viết").click()
    wait_started(page)
    assert page.evaluate("TroDoc.getState().playing") is True
    assert audio(page, "preservesPitch") is True
    button(page, "Tạm dừng").click()
    state = page.evaluate("TroDoc.getState()")
    assert state["playing"] is False and audio(page, "paused") is True
    paused_at = audio(page, "currentTime")
    page.wait_for_timeout(300)
    assert audio(page, "currentTime") == paused_at
    segment = state["segment"]
    resumed_from = len(segments(page))
    button(page, "Nghe bài viết").click()  # resumes where it paused: the segment is not started again
    page.wait_for_function("TroDoc.getState().playing && !window.__audios[0].paused")
    assert all(s["index"] > segment for s in segments(page)[resumed_from:])
    button(page, "Tạm dừng").click()
    segment = page.evaluate("TroDoc.getState().segment")
    # Paused, so that playback cannot move on by itself meanwhile.
    button(page, "Câu sau").click()
    wait_segment(page, segment + 1)
    button(page, "Câu trước").click()
    wait_segment(page, segment)
    assert page.evaluate("TroDoc.getState().playing") is False
    resumed_from = len(segments(page))
    button(page, "Nghe bài viết").click()  # back on the paused sentence: it resumes too
    page.wait_for_function("TroDoc.getState().playing")
    assert all(s["index"] > segment for s in segments(page)[resumed_from:])
    button(page, "Tốc độ đọc").click()
    assert page.evaluate("TroDoc.getState().rate") == 1.25
    assert audio(page, "playbackRate") == 1.25
    wait_live(page, "Tốc độ đọc 1,25×")
    assert button(page, "Tốc độ đọc").text_content() == "Tốc độ đọc 1,25×"
    for rate in (1.5, 2, 0.75, 1):
        button(page, "Tốc độ đọc").click()
        assert page.evaluate("TroDoc.getState().rate") == rate
    button(page, "Dừng đọc").click()
    assert listening(page) == {"playing": False, "segment": None, "rate": 1}
    assert audio(page, "paused") is True
    assert page.evaluate("CSS.highlights.has('trodoc-reading')") is False
    assert page.locator(".player").is_hidden()  # the player is gone once stopped


def test_progress_line_shows_sentence_and_time(page):
    button(page, "Nghe bài viết").click()
    wait_started(page)
    button(page, "Tạm dừng").click()
    segment = page.evaluate("TroDoc.getState().segment")  # 0, or later on a slow machine
    progress = page.locator(".player .position")
    assert re.fullmatch(rf"Câu {segment + 1}/16 · 0:0\d", progress.text_content())
    button(page, "Câu sau").click()
    wait_segment(page, segment + 1)
    assert progress.text_content().startswith(f"Câu {segment + 2}/16 · ")


def test_keyboard_shortcuts(page):
    page.locator("h1").click()  # focus in the page, not in a field
    page.keyboard.press("Alt+Shift+N")
    wait_started(page)
    assert page.evaluate("TroDoc.getState().playing") is True
    page.keyboard.press("Alt+Shift+N")
    assert page.evaluate("TroDoc.getState().playing") is False
    segment = page.evaluate("TroDoc.getState().segment")
    page.keyboard.press("Alt+Shift+ArrowRight")
    wait_segment(page, segment + 1)
    page.keyboard.press("Alt+Shift+ArrowLeft")
    wait_segment(page, segment)
    page.keyboard.press("Alt+Shift+N")
    page.wait_for_function("TroDoc.getState().playing")
    page.keyboard.press("Escape")
    assert page.evaluate("TroDoc.getState()")["segment"] is None
    # Typing in a field: the keys belong to the field.
    page.get_by_role("searchbox").click()
    page.keyboard.press("Alt+Shift+N")
    page.keyboard.type("Nghe")
    assert page.evaluate("TroDoc.getState().playing") is False
    assert page.get_by_role("searchbox").input_value() == "Nghe"
    # Keys the page handles itself are left alone.
    page.evaluate("""document.addEventListener('keydown', (e) => { if (e.code === 'KeyN') e.preventDefault(); },
        { capture: true })""")
    page.locator("h1").click()
    page.keyboard.press("Alt+Shift+N")
    page.wait_for_timeout(200)
    assert page.evaluate("TroDoc.getState().playing") is False


def focused(page):
    return page.evaluate("document.activeElement.shadowRoot?.activeElement?.textContent")


def test_buttons_by_tab_and_enter(page):
    page.locator("h1").click()
    page.keyboard.press("Shift+Tab")  # backwards from the article to the bar, which sits before it
    assert focused(page) == "A- Giảm cỡ chữ"
    page.keyboard.press("End")  # the last button at rest
    assert focused(page) == "Nghe bài viết"
    page.keyboard.press("Space")
    wait_started(page)
    assert focused(page) == "Tạm dừng"  # focus followed into the player, which replaces the button
    page.keyboard.press("Space")
    segment = page.evaluate("TroDoc.getState().segment")
    page.keyboard.press("ArrowRight")  # the player is a toolbar too: arrow keys move between its buttons
    assert focused(page) == "Câu sau"
    page.keyboard.press("Enter")
    wait_segment(page, segment + 1)
    page.keyboard.press("ArrowRight")
    assert focused(page) == "Tốc độ đọc 1×"
    page.keyboard.press("Enter")
    assert page.evaluate("TroDoc.getState().rate") == 1.25
    for _ in range(2):
        page.keyboard.press("ArrowLeft")
    assert focused(page) == "Nghe bài viết"  # the player's own play button, while paused
    page.keyboard.press("Enter")
    page.wait_for_function("TroDoc.getState().playing")


def test_no_sound_without_a_gesture(page):
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.wait_for_timeout(800)
    assert listening(page) == {"playing": False, "segment": None, "rate": 1}
    assert page.evaluate("window.__audios.length") == 0
    assert not [u for u in requests if "/speech" in u or "/audio/" in u]


def test_listen_from_a_selection(page):
    page.locator("#lien-he").dblclick(position={"x": 12, "y": 8})  # selects the first word of the paragraph
    pick = button(page, "Nghe từ đây")
    pick.wait_for(state="visible")
    box, text = pick.bounding_box(), page.locator("#lien-he").bounding_box()
    assert abs(box["y"] - (text["y"] + text["height"])) < 60  # placed by the selection
    pick.click()
    page.wait_for_function("TroDoc.getState().playing")
    first = [s for s in segments(page) if s["index"] >= 0][0]
    assert first["text"] == "Mọi thắc mắc xin gửi về hộp thư của xã."
    assert first["shown"] == first["text"]
    # Selecting inside the second sentence starts there.
    button(page, "Dừng đọc").click()
    page.evaluate("""() => { const t = [...document.querySelectorAll('#content p')][0].querySelector('a em').firstChild;
        getSelection().setBaseAndExtent(t, 2, t, 7); }""")
    pick.click()
    page.wait_for_function("TroDoc.getState().playing")
    assert segments(page)[-1]["text"].startswith("Người dân có thể liên hệ")


def test_media_session(page):
    button(page, "Nghe bài viết").click()
    wait_started(page)
    session = page.evaluate("({ title: navigator.mediaSession.metadata.title, "
                            "state: navigator.mediaSession.playbackState })")
    assert session == {"title": "Thông báo lịch tiếp công dân tháng 12", "state": "playing"}
    button(page, "Tạm dừng").click()
    assert page.evaluate("navigator.mediaSession.playbackState") == "paused"


@pytest.mark.parametrize("contrast", ["low", "normal", "high", "max"])
def test_highlight_contrast(page, contrast):
    page.evaluate(f"document.documentElement.dataset.trodocContrast = '{contrast}'")
    button(page, "Nghe bài viết").click()
    wait_started(page)
    colours = page.evaluate("""() => {
        const s = getComputedStyle(document.querySelector('h1 b'), '::highlight(trodoc-reading)');
        return [s.color, s.backgroundColor]; }""")
    assert ratio(*colours) >= 4.5, colours


def ratio(fg: str, bg: str) -> float:
    def lum(css: str) -> float:
        r, g, b = (int(v) / 255 for v in re.findall(r"\d+", css)[:3])
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    a, b = sorted((lum(fg), lum(bg)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def test_axe_while_playing(page):
    button(page, "Nghe bài viết").click()
    wait_started(page)
    assert axe_violations(page) == []
    assert page.evaluate("TroDoc.getState().playing") is True


@pytest.fixture
def fallback_page(listen_page, third_party):
    def open(init: str, status: int | None = 503):
        listen_page.add_init_script(init)
        if status:
            listen_page.route("**/api/v1/speech", lambda route: route.fulfill(
                status=status, content_type="application/problem+json", headers={"Retry-After": "30"},
                body='{"type": "about:blank", "title": "Service Unavailable", "status": 503, "detail": "busy"}'))
        else:
            listen_page.route("**/api/v1/speech", lambda route: route.abort("connectionrefused"))
        listen_page.goto(f"{third_party.url}/pages/listen-article.html?mode=harness")
        listen_page.wait_for_function("window.TroDoc")
        watch(listen_page)
        return listen_page
    return open


@pytest.mark.parametrize("status", [503, None])
def test_fallback_to_the_browser_voice(fallback_page, status):
    page = fallback_page(FAKE_SYNTH, status)
    button(page, "Nghe bài viết").click()
    page.wait_for_function("window.__spoken.length >= 3", timeout=10_000)
    wait_live(page, "Máy chủ chưa phản hồi, đọc bằng giọng của trình duyệt")
    spoken = page.evaluate("window.__spoken")
    assert spoken[0] == {"text": "Thông báo lịch tiếp công dân tháng 12", "lang": "vi-VN", "rate": 1}
    assert spoken[1]["text"] == "Ủy ban nhân dân xã Nâm N'Jang thông báo lịch tiếp công dân."
    seen = [s for s in segments(page) if s["index"] >= 0]
    assert all(s["shown"] == s["text"] for s in seen)
    button(page, "Dừng đọc").click()


def test_nothing_to_read_with_is_announced(fallback_page):
    page = fallback_page(NO_SYNTH)
    page.errors.clear()
    button(page, "Nghe bài viết").click()
    page.wait_for_function("""() => [...document.querySelectorAll('*')].some(e => e.shadowRoot &&
        e.shadowRoot.textContent.includes('Không thể nghe bài viết lúc này'))""")
    assert page.evaluate("TroDoc.getState().playing") is False
    page.errors.clear()  # the refused request itself is logged by the browser


@pytest.mark.parametrize("synth", [True, False])
def test_recording_fails_mid_article(listen_page, third_party, synth):
    """A segment's audio answers 503 after the playlist came: the browser's voice reads on from there,
    or, without one, the player stops and says so."""
    page = listen_page
    page.add_init_script(FAKE_SYNTH if synth else NO_SYNTH)
    page.route("**/audio/**", lambda route: route.fulfill(status=503, headers={"Retry-After": "30"}, body=""))
    page.goto(f"{third_party.url}/pages/listen-article.html?mode=harness")
    page.wait_for_function("window.TroDoc")
    watch(page)
    button(page, "Nghe bài viết").click()
    if synth:
        wait_live(page, "Máy chủ chưa phản hồi, đọc bằng giọng của trình duyệt")
        page.wait_for_function("window.__spoken.length >= 2")
        spoken = page.evaluate("window.__spoken.map(s => s.text)")
        assert spoken[0] == "Thông báo lịch tiếp công dân tháng mười hai"  # the server's spoken form
        button(page, "Dừng đọc").click()
    else:
        wait_live(page, "Không thể nghe bài viết lúc này")
        assert listening(page) == {"playing": False, "segment": None, "rate": 1}
    page.errors.clear()  # the browser logs the refused recordings


def test_a_recording_this_browser_cannot_play_stops_and_says_so(listen_page, third_party):
    """The server answers, but what arrives does not decode (as in a browser without an audio device):
    that is not the server's silence, so no other voice takes over and the player does not claim to play."""
    page = listen_page
    page.add_init_script(FAKE_SYNTH)
    # Only the audio bodies are spoilt; the widget's HEAD check still reaches the real server.
    page.route("**/audio/**", lambda route: route.continue_() if route.request.method == "HEAD"
               else route.fulfill(status=200, content_type="audio/mpeg", body=b"\x00" * 4096))
    page.goto(f"{third_party.url}/pages/listen-article.html?mode=harness")
    page.wait_for_function("window.TroDoc")
    watch(page)
    button(page, "Nghe bài viết").click()
    wait_live(page, "Trình duyệt này không phát được âm thanh. Đã dừng đọc.")
    assert listening(page) == {"playing": False, "segment": None, "rate": 1}
    assert page.evaluate("window.__spoken") == []
    assert button(page, "Nghe bài viết").is_visible()
    page.errors.clear()  # the browser logs the undecodable recording


def test_next_two_recordings_are_fetched_ahead(page):
    button(page, "Nghe bài viết").click()
    page.wait_for_function("window.__seg.length >= 4", timeout=10_000)
    # When each recording was first asked for, against when its segment began.
    first_asked = page.evaluate("""() => { const t = {};
        for (const e of performance.getEntriesByType('resource'))
          if (e.name.includes('/audio/')) t[e.name] = Math.min(t[e.name] ?? Infinity, e.startTime);
        return window.__seg.map((s) => t[s.audio]); }""")
    started = [s["at"] for s in segments(page)]
    # While segment 0 plays, segments 1 and 2 are fetched; segment 3 only once segment 1 begins.
    assert first_asked[1] < started[1] and first_asked[2] < started[1]
    assert first_asked[3] > started[1]


@pytest.mark.parametrize("motion", ["reduce", "no-preference"])
def test_highlight_scrolls_into_view_without_touching_the_page(page, motion):
    page.emulate_media(reduced_motion=motion)
    page.set_viewport_size({"width": 800, "height": 400})
    before = page.evaluate("document.querySelector('#content').innerHTML")
    button(page, "Nghe bài viết").click()
    wait_started(page)
    button(page, "Tạm dừng").click()
    segment = page.evaluate("TroDoc.getState().segment")
    for _ in range(10):
        button(page, "Câu sau").click()
    page.wait_for_function(f"TroDoc.getState().segment === {segment + 10}")
    visible = """() => { const r = [...CSS.highlights.get('trodoc-reading')][0].getBoundingClientRect();
        return r.top >= 0 && r.bottom <= innerHeight; }"""
    if motion == "reduce":
        assert page.evaluate(visible)  # at once, no animation
    else:
        page.wait_for_function(visible)
    assert page.evaluate("scrollY") > 0
    assert page.evaluate("document.querySelector('#content').innerHTML") == before


def test_without_the_highlight_api_it_reads_on(listen_page, third_party):
    page = listen_page
    page.add_init_script("delete window.Highlight;")
    page.goto(f"{third_party.url}/pages/listen-article.html?mode=harness")
    page.wait_for_function("window.TroDoc")
    before = page.evaluate("document.querySelector('#content').innerHTML")
    page.get_by_role("button", name="Nghe bài viết").click()
    page.wait_for_function("TroDoc.getState().segment === 1", timeout=10_000)
    assert page.evaluate("CSS.highlights.size") == 0
    assert page.evaluate("document.querySelector('#content').innerHTML") == before
    assert page.errors == []
