"""Google Translate's speech, with gTTS as the implementation of its wire protocol.

gTTS prepares the requests and we parse answers the way it does, but we send them ourselves (``HttpEngine``):
gTTS opens a new session (a new TLS handshake) per request, skips certificate checks, never times out and
never retries.
"""
from __future__ import annotations

import base64
import binascii
import re

import requests
from gtts import gTTS

from .base import NATURAL, EngineError
from .http import HttpEngine

# The same pattern gTTS's own ``stream()`` applies to the line that carries the audio.
_AUDIO_LINE = re.compile(r'jQ1olc","\[\\"(.*)\\"]')


def parse_audio(body: bytes) -> bytes | None:
    """The audio in a batchexecute answer, or None when the answer carries none."""
    for line in body.splitlines():
        if gTTS.GOOGLE_TTS_RPC.encode() not in line:
            continue
        match = _AUDIO_LINE.search(line.decode("utf-8", "replace"))
        if match:
            try:
                return base64.b64decode(match.group(1).encode("ascii"), validate=True)
            except (binascii.Error, UnicodeEncodeError):
                return None
    return None


class GttsEngine(HttpEngine):
    """The ``gtts`` engine; thread-safe, one instance per app."""

    name = "gtts"
    rank = NATURAL
    identity = "gtts"  # Google's voice has no settings here
    label = "Google TTS"

    def __init__(self, *, url: str | None, **options) -> None:
        super().__init__(**options)
        self.url = url or None

    def _prepare(self, text: str, lang: str, speed: str) -> list[requests.PreparedRequest]:
        # Our text pipeline has already made ``text`` speakable; gTTS's English pre-processors would alter it.
        tts = gTTS(text, lang=lang, slow=speed == "slow", lang_check=False, pre_processor_funcs=[])
        try:
            prepared = tts._prepare_requests()
        except AssertionError as error:  # gTTS's way of saying "nothing to speak"
            raise EngineError(str(error)) from None
        if self.url:
            for request in prepared:
                request.prepare_url(self.url, None)
        return prepared

    def _audio(self, response: requests.Response) -> bytes | None:
        return parse_audio(response.content)
