"""Any text-to-speech server that speaks the de-facto OpenAI interface, ``POST {base}/v1/audio/speech``:
JSON ``model``, ``voice``, ``input``, ``response_format: "mp3"`` (and ``speed``), an optional bearer key, the
MP3 as the answer's body. Self-hosted servers built on Piper, Kokoro or VieNeu expose it, so an operator
whose portal cannot reach Google can still offer a natural voice.
"""
from __future__ import annotations

import json

import requests

from .base import NATURAL
from .http import HttpEngine

SPEEDS = {"normal": 1.0, "slow": 0.8}


class OpenAiEngine(HttpEngine):
    """The ``openai`` engine; thread-safe, one instance per app."""

    name = "openai"
    rank = NATURAL
    label = "OpenAI-compatible TTS"

    def __init__(self, *, url: str, model: str, voice: str, key: str = "", **options) -> None:
        super().__init__(**options)
        self.endpoint = url.rstrip("/") + "/v1/audio/speech"
        self.model, self.voice, self.key = model, voice, key
        self.identity = f"openai {model} {voice}"  # the same model and voice on another host sound the same

    def _prepare(self, text: str, lang: str, speed: str) -> list[requests.PreparedRequest]:
        headers = {"Content-Type": "application/json", "Accept": "audio/mpeg"}
        if self.key:
            headers["Authorization"] = f"Bearer {self.key}"
        body = {"model": self.model, "voice": self.voice, "input": text, "response_format": "mp3",
                "speed": SPEEDS.get(speed, 1.0)}
        return [requests.Request("POST", self.endpoint, headers=headers,
                                 data=json.dumps(body, ensure_ascii=False).encode("utf-8")).prepare()]

    def _audio(self, response: requests.Response) -> bytes | None:
        return response.content
