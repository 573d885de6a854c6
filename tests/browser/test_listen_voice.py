"""The device's voice instead of a robotic one (``data-voice``): the server says per segment how natural
its voice is, and the widget reads robotic sentences with the browser's own Vietnamese voice when it has
one, the server's recordings otherwise, and says which voice reads."""
from __future__ import annotations

from contextlib import contextmanager

import pytest

from tests.browser.conftest import serve_trodoc
from tests.browser.harness import Server, pages_app
from tests.browser.listen_helpers import FAKE_SYNTH, LIVE_TEXT, RECORD
from tests.fake_google import FakeGoogle

# The browser's speech API with a Vietnamese voice installed, as on phones with Google's or Apple's
# speech services; a stand-in for the browser's API (its utterances are recorded, each lasts 0.4 s), not
# for our code.
VIETNAMESE_VOICE = FAKE_SYNTH.replace("getVoices() { return []; }",
                                      "getVoices() { return [{ lang: 'vi-VN', name: 'Linh' }]; }").replace(
    "u.onend && u.onend(), 60", "u.onend && u.onend(), 400") + """
window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
"""
ARTICLE = """<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Tin xã</title>
<link rel="icon" href="data:,">
<script src="{{WIDGET}}/widget.js" defer data-target="#content" data-lang="vi"VOICE></script></head>
<body><main id="content"><h1>Giọng đọc của thiết bị</h1>
<p>Xã tổ chức tiếp công dân định kỳ vào ngày mười lăm hằng tháng.</p>
<p>Người dân có thể gửi ý kiến qua cổng dịch vụ công trực tuyến.</p></main></body></html>"""
LONG = ARTICLE.replace("VOICE", "").replace("</main>", "".join(
    f"<p>Đoạn thứ {n} của bài viết dài về cải cách hành chính.</p>" for n in range(3, 13)) + "</main>")
PAGES = {"auto.html": ARTICLE.replace("VOICE", ""), "long.html": LONG,
         "server.html": ARTICLE.replace("VOICE", ' data-voice="server"'),
         "device.html": ARTICLE.replace("VOICE", ' data-voice="device"')}


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    """An intranet server that has only espeak, and one that reaches (the fake of) Google; each with the
    host page on a second origin."""
    with FakeGoogle(seconds_per_char=0.01) as google:
        made = {}
        for name, engines in (("intranet", "espeak"), ("google", "gtts,espeak")):
            app = serve_trodoc(tmp_path_factory.mktemp(name), google, TTS_ENGINES=engines, ALLOWED_ORIGINS="*",
                               RATELIMIT_ENABLED=False)
            made[name] = (app, Server(pages_app(app.url, PAGES)))
        with FakeGoogle(seconds_per_char=0.01) as flaky:
            # Google failing, then back: one failure opens the breaker, which lets a trial through after 1 s.
            app = serve_trodoc(tmp_path_factory.mktemp("flaky"), flaky, TTS_ENGINES="gtts,espeak",
                               ALLOWED_ORIGINS="*", RATELIMIT_ENABLED=False, TTS_RETRY_TRIES=1,
                               TTS_BREAKER_THRESHOLD=1, TTS_BREAKER_COOLDOWN=1.0, TTS_LOOKAHEAD=0)
            made["flaky"] = (app, Server(pages_app(app.url, PAGES)))
            made["flaky google"] = flaky
            yield made
        for name in ("intranet", "google", "flaky"):
            app, site = made[name]
            site.close()
            app.close()


@contextmanager
def listen(browser, servers, server: str, page_name: str):
    """Opens the page, presses Nghe bài viết and waits for the first sentence to be read or played; the
    page's context is closed after the ``with`` block."""
    context = browser.new_context(locale="vi-VN")
    context.add_init_script(RECORD + VIETNAMESE_VOICE)
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(f"{servers[server][1].url}/{page_name}")
        page.get_by_role("button", name="Nghe bài viết").click()
        page.wait_for_function("() => window.__spoken.length || window.__audios.some((a) => !a.paused)")
        page.errors = errors
        yield page
    finally:
        context.close()


def test_an_intranet_server_with_only_espeak_reads_with_the_device_voice(browser, servers):
    with listen(browser, servers, "intranet", "long.html") as page:
        page.wait_for_function("() => window.__spoken.length >= 2")
        spoken = page.evaluate("window.__spoken")
        assert spoken[0]["text"] == "Giọng đọc của thiết bị" and spoken[0]["lang"] == "vi-VN"
        assert page.evaluate("window.__audios.filter((a) => !a.paused).length") == 0
        page.wait_for_function(f"() => ({LIVE_TEXT})().includes('Đọc bằng giọng của thiết bị')")
        assert "Giọng của thiết bị" in page.locator("trodoc-bar .position").inner_text()
        assert page.errors == []


def test_data_voice_server_keeps_the_recordings(browser, servers):
    with listen(browser, servers, "intranet", "server.html") as page:
        assert page.evaluate("window.__spoken.length") == 0
        assert page.evaluate("window.__audios[0].src").startswith(servers["intranet"][0].url + "/audio/")
        assert "Giọng của thiết bị" not in page.locator("trodoc-bar .position").inner_text()


def test_a_natural_server_voice_is_kept_and_device_forces_the_device(browser, servers):
    with listen(browser, servers, "google", "auto.html") as page:
        assert page.evaluate("window.__spoken.length") == 0
        assert page.evaluate("window.__audios[0].src").startswith(servers["google"][0].url + "/audio/")
    with listen(browser, servers, "google", "device.html") as page:
        assert page.evaluate("window.__spoken[0].text") == "Giọng đọc của thiết bị"


def test_the_device_reads_while_google_fails_and_the_server_voice_comes_back(browser, servers):
    google = servers["flaky google"]
    google.fail("500")
    try:
        with listen(browser, servers, "flaky", "long.html") as page:
            # The first recording comes from espeak; so do the two fetched ahead, which say so: the device reads.
            page.wait_for_function("() => window.__spoken.length >= 1")
            page.evaluate("() => TroDoc.pause()")
            page.wait_for_timeout(1000)  # the recordings fetched ahead have answered
            google.heal()
            page.wait_for_timeout(1200)  # the breaker's cooldown
            page.evaluate("() => TroDoc.play()")
            page.wait_for_function(f"() => ({LIVE_TEXT})().includes('Đọc bằng giọng của máy chủ')", timeout=20_000)
            assert "Giọng của thiết bị" not in page.locator("trodoc-bar .position").inner_text()
            assert page.evaluate("window.__audios.some((a) => !a.paused)")
            assert page.errors == []
    finally:
        google.heal()
