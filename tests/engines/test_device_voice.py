"""The device's voice in a real browser: Firefox ESR on Linux speaks through speech-dispatcher, which
offers espeak-ng's voices (more than 250 Vietnamese ones: three accents, each in espeak-ng's variants).

They are the synthesizer of the server's own fallback, so with ``data-voice="auto"`` an intranet server
that has only espeak keeps its recordings (which carry the server's reading of numbers and abbreviations);
``data-voice="device"`` reads with the device, in espeak-ng's plain northern voice rather than one of its
variants, and the sentence being read is marked as with the recordings. Nothing here stands in for the
browser: the page only records what it asks of ``speechSynthesis`` and ``<audio>``, and calls through.
"""
from __future__ import annotations

import pytest

from tests.browser.conftest import serve_trodoc
from tests.browser.harness import Server, pages_app
from tests.browser.listen_helpers import RECORD
from tests.engines.bar import open_widget, press, wait_status
from tests.engines.conftest import start_engine
from tests.fake_google import FakeGoogle

# What the page asks of the browser's speech and audio, recorded on the way through.
OBSERVE = RECORD + """
window.__spoken = [];
const speak = speechSynthesis.speak.bind(speechSynthesis);
speechSynthesis.speak = (u) => {
  const said = { text: u.text, voice: u.voice && u.voice.name, started: false, ended: false };
  window.__spoken.push(said);
  u.addEventListener('start', () => { said.started = true; });
  u.addEventListener('end', () => { said.ended = true; });
  speak(u);
};
"""
PAGE = """<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Tin xã</title>
<link rel="icon" href="data:,">
<script src="observe.js"></script>
<script src="{{WIDGET}}/widget.js" defer data-target="#content" data-lang="vi"VOICE></script></head>
<body><main id="content"><h1>Giọng đọc của thiết bị</h1>
<p>Xã tổ chức tiếp công dân định kỳ vào ngày mười lăm hằng tháng.</p>
<p>Người dân có thể gửi ý kiến qua cổng dịch vụ công trực tuyến.</p></main></body></html>"""
VOICES = "() => speechSynthesis.getVoices().filter((v) => /^vi/i.test(v.lang)).length"
READING = """() => { const h = CSS.highlights && CSS.highlights.get('trodoc-reading');
  const r = h && [...h][0]; return r ? r.toString() : ''; }"""


@pytest.fixture(scope="module")
def intranet(tmp_path_factory):
    """A server that has only espeak, and the host pages on a second origin."""
    with FakeGoogle() as google:
        app = serve_trodoc(tmp_path_factory.mktemp("intranet"), google, TTS_ENGINES="espeak",
                           ALLOWED_ORIGINS="*", RATELIMIT_ENABLED=False)
        site = Server(pages_app(app.url, {"observe.js": OBSERVE, "auto.html": PAGE.replace("VOICE", ""),
                                          "device.html": PAGE.replace("VOICE", ' data-voice="device"')}))
        yield site
        site.close()
        app.close()


@pytest.fixture(scope="module")
def firefox(services, tmp_path_factory):
    engine = start_engine("firefox", services, tmp_path_factory.mktemp("firefox-voice"))
    yield engine
    engine.close()


@pytest.fixture
def page(firefox, intranet):
    """Opens a page (``auto`` or ``device``) in a new profile once the device's voices are known, and
    presses Nghe bài viết."""
    def open_page(name: str):
        firefox.fresh_profile()
        open_widget(firefox, f"{intranet.url}/{name}.html")
        firefox.wait_for(VOICES, timeout=15, what="speech-dispatcher's Vietnamese voices")
        press(firefox, "listen")
        firefox.wait_for("() => TroDoc.getState().playing", timeout=15, what="reading")
        return firefox
    yield open_page
    assert firefox.errors() == []


def test_espeak_on_the_device_does_not_replace_the_servers_espeak(page):
    engine = page("auto")
    assert engine.evaluate(VOICES) > 100
    engine.wait_for("() => window.__audios.some((a) => !a.paused)", timeout=15, what="a recording playing")
    assert engine.evaluate("() => window.__spoken.length") == 0
    assert "Giọng của thiết bị" not in engine.evaluate("() => document.querySelector('trodoc-bar')"
                                                         ".shadowRoot.querySelector('.position').textContent")


def test_data_voice_device_reads_with_the_plain_northern_voice_and_marks_the_sentence(page):
    engine = page("device")
    engine.wait_for("() => window.__spoken.some((s) => s.started)", timeout=15, what="the device speaking")
    first = engine.evaluate("() => window.__spoken[0]")
    assert first["text"] == "Giọng đọc của thiết bị" and first["voice"] == "Vietnamese (Northern)"
    assert engine.evaluate(READING) == "Giọng đọc của thiết bị"
    assert engine.evaluate("() => window.__audios.filter((a) => !a.paused).length") == 0
    wait_status(engine, "Đọc bằng giọng của thiết bị")
    # The sentence ends and the next one is said by the device too.
    engine.wait_for("() => window.__spoken.length >= 2 && window.__spoken[0].ended", timeout=20,
                    what="the second sentence")
    assert engine.evaluate("() => window.__spoken[1].text").startswith("Xã tổ chức tiếp công dân")
