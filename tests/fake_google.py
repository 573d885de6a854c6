"""A local stand-in for Google Translate's batchexecute speech endpoint, speaking its real wire format.

It answers the form POST that gTTS prepares (``f.req`` = ``[[["jQ1olc", "[text, lang, speed, \\"null\\"]",
null, "generic"]]]``) with a ``)]}'``-prefixed body whose ``jQ1olc`` line carries base64 MP3, as Google does.
The MP3 is real (24 kHz mono 32 kb/s, like Google's) and lasts ``seconds_per_char`` per character of text,
so durations of joined recordings can be checked. Faults can be switched on for a number of calls.
"""
from __future__ import annotations

import base64
import functools
import json
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

from server.audio.mp3 import frames

PATH = "/_/TranslateWebserverUi/data/batchexecute"
FRAME_SECONDS = 576 / 24000  # one MPEG-2 Layer III frame at 24 kHz
FAULTS = ("429", "500", "slow", "empty", "garbage")
# An ID3v2.4 tag with 16 bytes of padding, as engines put in front of every recording.
ID3_TAG = b"ID3\x04\x00\x00\x00\x00\x00\x10" + bytes(16)


@functools.cache
def mp3_frames() -> tuple[bytes, ...]:
    """Frames of a real 40 s MP3 (sine tone), encoded once per test session."""
    encoded = subprocess.run(
        ["ffmpeg", "-loglevel", "error", "-f", "lavfi", "-i", "sine=frequency=330:sample_rate=24000:duration=40",
         "-ac", "1", "-b:a", "32k", "-write_xing", "0", "-id3v2_version", "0", "-f", "mp3", "-"],
        capture_output=True, check=True).stdout
    return tuple(encoded[f.offset:f.offset + f.length] for f in frames(encoded))


def frame_count(text: str, seconds_per_char: float) -> int:
    """How many frames the fake answers for ``text``."""
    return max(1, round(len(text) * seconds_per_char / FRAME_SECONDS))


def batchexecute_body(audio: bytes) -> bytes:
    """Google's answer carrying ``audio``."""
    inner = json.dumps([base64.b64encode(audio).decode("ascii")])
    line = json.dumps([["wrb.fr", "jQ1olc", inner, None, None, None, "generic"], ["di", 42],
                       ["af.httprm", 41, "-4471231212344150519", 7]], separators=(",", ":"))
    tail = f'[["e",4,null,null,{len(line) + 60}]]'
    return f")]}}'\n\n{len(line)}\n{line}\n{len(tail)}\n{tail}\n".encode()


class FakeGoogle:
    """The fake endpoint on ``127.0.0.1``; use as a context manager. Thread-safe counters."""

    def __init__(self, *, delay: float = 0.0, seconds_per_char: float = 0.06) -> None:
        self.delay = delay
        self.seconds_per_char = seconds_per_char
        self.slow_seconds = 5.0
        self.retry_after: int | None = None
        self.calls = 0
        self.requests: list[tuple[str, str, object]] = []  # (text, lang, speed) of every call
        self.connections = 0  # TCP connections accepted: shows whether clients keep them alive
        self.in_flight = 0
        self.max_in_flight = 0
        self._fault: str | None = None
        self._fault_left: int | None = None
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.02,), daemon=True)

    @property
    def url(self) -> str:
        """The full batchexecute URL (``TRODOC_GTTS_URL``)."""
        return f"http://127.0.0.1:{self._server.server_port}{PATH}"

    def fail(self, fault: str, times: int | None = None) -> None:
        """Answer with ``fault`` (one of :data:`FAULTS`) for the next ``times`` calls (None: until healed)."""
        assert fault in FAULTS, fault
        with self._lock:
            self._fault, self._fault_left = fault, times

    def heal(self) -> None:
        """Answer normally again."""
        with self._lock:
            self._fault, self._fault_left = None, None

    def duration_for(self, text: str) -> float:
        """Seconds of audio the fake answers for ``text``."""
        return frame_count(text, self.seconds_per_char) * FRAME_SECONDS

    def audio_for(self, text: str) -> bytes:
        """The MP3 (with an ID3 tag in front) the fake answers for ``text``."""
        return ID3_TAG + b"".join(mp3_frames()[:frame_count(text, self.seconds_per_char)])

    def __enter__(self) -> FakeGoogle:
        mp3_frames()
        self._thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _take_fault(self) -> str | None:
        with self._lock:
            fault = self._fault
            if fault and self._fault_left is not None:
                self._fault_left -= 1
                if self._fault_left <= 0:
                    self._fault, self._fault_left = None, None
            return fault

    def _enter(self, text: str, lang: str, speed: object) -> None:
        with self._lock:
            self.calls += 1
            self.requests.append((text, lang, speed))
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)

    def _leave(self) -> None:
        with self._lock:
            self.in_flight -= 1

    def answer(self, form: bytes) -> tuple[int, dict[str, str], bytes]:
        """Status, headers and body for one request body."""
        try:
            rpc = json.loads(parse_qs(form.decode())["f.req"][0])
            rpc_id, parameter = rpc[0][0][0], rpc[0][0][1]
            text, lang, speed, _ = json.loads(parameter)
            assert rpc_id == "jQ1olc" and text and lang
        except (KeyError, ValueError, IndexError, TypeError, AssertionError):
            return 400, {}, b"bad request"
        self._enter(text, lang, speed)
        try:
            time.sleep(self.delay)
            fault = self._take_fault()
            if fault == "slow":
                time.sleep(self.slow_seconds)
            if fault == "429":
                return 429, ({"Retry-After": str(self.retry_after)} if self.retry_after else {}), b"Too Many"
            if fault == "500":
                return 500, {}, b"Internal error"
            if fault == "empty":
                return 200, {}, b")]}'\n\n25\n[[\"e\",4,null,null,157]]\n"
            if fault == "garbage":
                return 200, {}, batchexecute_body(b"<html>not audio at all</html>")
            return 200, {}, batchexecute_body(self.audio_for(text))
        finally:
            self._leave()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive, so pooled sessions reuse connections

            def setup(self) -> None:
                super().setup()
                with fake._lock:
                    fake.connections += 1

            def do_POST(self) -> None:
                if self.path.split("?")[0] != PATH:
                    self.send_error(404)
                    return
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                status, headers, payload = fake.answer(body)
                try:
                    self.send_response(status)
                    for name, value in headers.items():
                        self.send_header(name, value)
                    self.send_header("Content-Type", "application/json; charset=utf-8")
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client timed out and hung up: exactly what the slow fault tests

            def log_message(self, *args) -> None:
                pass

        return Handler
