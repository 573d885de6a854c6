"""The offline engine: ``espeak-ng`` speaks to WAV, ``lame`` encodes MP3. Both are Debian packages."""
from __future__ import annotations

import os
import shutil
import subprocess
import threading
from collections.abc import Callable

from .base import ROBOTIC, Deadline, EngineError, EngineUnavailable

# espeak-ng's three Vietnamese voices, by the accent a reader may prefer (TRODOC_ESPEAK_ACCENT).
ACCENTS = {"northern": "vi", "central": "vi-vn-x-central", "southern": "vi-vn-x-south"}
SLOW = 0.75  # the "slow" speed, as a share of the rate
# Google sends 24 kHz mono at 32 kb/s; a little more keeps espeak's thin voice intelligible.
LAME_ARGS = ["lame", "--quiet", "-t", "-m", "m", "--resample", "24", "-b", "48", "-", "-"]
DEBIAN_PACKAGES = "espeak-ng lame"

Runner = Callable[..., subprocess.CompletedProcess]


class EspeakEngine:
    """The ``espeak`` engine; every call runs two short-lived processes, so it is thread-safe."""

    name = "espeak"
    rank = ROBOTIC

    def __init__(self, *, accent: str = "northern", words_per_minute: int = 130, timeout: float = 20.0,
                 processes: int | None = None, run: Runner = subprocess.run) -> None:
        if accent not in ACCENTS:
            raise ValueError(f"ESPEAK_ACCENT: {accent!r}; choose from {', '.join(ACCENTS)}")
        self.voice = ACCENTS[accent]
        self.words_per_minute = words_per_minute
        self.identity = f"espeak {self.voice} {words_per_minute}"
        self.timeout = timeout
        self._run = run
        # CPU-bound: during a Google outage every listener lands here, so queue rather than oversubscribe.
        self._slots = threading.BoundedSemaphore(processes or os.cpu_count() or 2)

    def healthy(self) -> bool:
        """Whether both programs are installed."""
        return bool(shutil.which("espeak-ng") and shutil.which("lame"))

    working = healthy

    def close(self) -> None:
        """Nothing to release."""

    def synthesize(self, text: str, lang: str, speed: str, deadline: Deadline) -> bytes:
        """MP3 for ``text``; ``-t`` keeps lame from writing an Info frame, so recordings join cleanly."""
        rate = round(self.words_per_minute * (SLOW if speed == "slow" else 1))
        voice = self.voice if lang == "vi" else lang
        if not self._slots.acquire(timeout=deadline.remaining()):
            raise EngineUnavailable("espeak: every slot busy", retry_after=1.0)
        try:
            wav = self._pipe(["espeak-ng", "-v", voice, "-s", str(rate), "--stdout", "--stdin"],
                             text.encode("utf-8"), deadline)
            return self._pipe(LAME_ARGS, wav, deadline)
        finally:
            self._slots.release()

    def _pipe(self, argv: list[str], data: bytes, deadline: Deadline) -> bytes:
        try:
            done = self._run(argv, input=data, capture_output=True, check=True,
                             timeout=max(0.1, min(self.timeout, deadline.remaining())))
        except FileNotFoundError:
            raise EngineError(f"{argv[0]} is not installed: apt-get install {DEBIAN_PACKAGES}") from None
        except subprocess.TimeoutExpired:
            raise EngineUnavailable(f"{argv[0]} timed out", retry_after=1.0) from None
        except subprocess.CalledProcessError as error:
            message = error.stderr.decode("utf-8", "replace").strip()[:200]
            raise EngineError(f"{argv[0]} failed: {message}") from None
        if not done.stdout:
            raise EngineError(f"{argv[0]} produced nothing")
        return done.stdout
