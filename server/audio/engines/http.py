"""What every engine that speaks over HTTP shares: one pooled, certificate-verifying session; connect/read
timeouts; bounded retries with backoff on 429/5xx/timeouts; at most ``concurrency`` requests in flight per
process; a circuit breaker; and answers that are not MP3 counted as failures, never cached.

A subclass says how to ask (``_prepare``: the requests for one text) and where the audio is in an answer
(``_audio``).
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable

import requests
from requests.adapters import HTTPAdapter

from ...metrics import UPSTREAM_FAILURES
from ..breaker import CircuitBreaker, CircuitOpen
from ..mp3 import is_mp3
from ..retry import RetryPolicy
from .base import Deadline, EngineError, EngineUnavailable


class _Transient(Exception):
    """One attempt failed in a way that another attempt may not."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


def pooled_session(pool_size: int) -> requests.Session:
    """A keep-alive session that verifies certificates and leaves retrying to us."""
    session = requests.Session()
    adapter = HTTPAdapter(pool_connections=1, pool_maxsize=max(1, pool_size), max_retries=0)
    session.mount("https://", adapter)
    session.mount("http://", adapter)
    return session


def _retry_after(response: requests.Response) -> float | None:
    value = response.headers.get("Retry-After", "")
    return float(value) if value.isdigit() else None


class HttpEngine:
    """The base of HTTP engines; thread-safe, one instance per app. Each sets ``name``, ``rank``, ``identity``
    (see :class:`Engine`) and ``label``, which names the upstream in errors."""

    name = ""
    rank = 0
    label = ""

    def __init__(self, *, concurrency: int, connect_timeout: float, read_timeout: float, retry: RetryPolicy,
                 breaker: CircuitBreaker, session: requests.Session | None = None,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.connect_timeout = connect_timeout
        self.read_timeout = read_timeout
        self.retry = retry
        self.breaker = breaker
        self.session = session or pooled_session(concurrency)
        self._slots = threading.BoundedSemaphore(concurrency)
        self._sleep = sleep

    def healthy(self) -> bool:
        """False while the circuit breaker refuses calls."""
        return self.breaker.wait_time() == 0.0

    def working(self) -> bool:
        """False from the failures that opened the circuit breaker until a call succeeds again."""
        return self.breaker.closed()

    def close(self) -> None:
        """Close the pooled connections."""
        self.session.close()

    def synthesize(self, text: str, lang: str, speed: str, deadline: Deadline) -> bytes:
        """MP3 for ``text``: the answers to ``_prepare``'s requests, joined."""
        wait = self.breaker.wait_time()
        if wait:
            raise EngineUnavailable(f"{self.label} is failing; circuit open", retry_after=wait)
        return b"".join(self._fetch(request, deadline) for request in self._prepare(text, lang, speed))

    def _prepare(self, text: str, lang: str, speed: str) -> list[requests.PreparedRequest]:
        raise NotImplementedError

    def _audio(self, response: requests.Response) -> bytes | None:
        raise NotImplementedError

    def _fetch(self, request: requests.PreparedRequest, deadline: Deadline) -> bytes:
        for attempt in range(self.retry.tries):
            try:
                return self._attempt(request, deadline)
            except _Transient as error:
                delay = self.retry.delay(attempt, error.retry_after)
                if attempt + 1 == self.retry.tries or delay >= deadline.remaining():
                    raise EngineUnavailable(f"{self.label}: {error}", retry_after=max(1.0, delay)) from None
                self._sleep(delay)
        raise AssertionError("unreachable: the loop returns or raises")

    def _attempt(self, request: requests.PreparedRequest, deadline: Deadline) -> bytes:
        if not self._slots.acquire(timeout=deadline.remaining()):
            raise EngineUnavailable(f"{self.label}: all upstream slots busy", retry_after=1.0)
        try:
            try:
                self.breaker.before_call()
            except CircuitOpen as error:
                self._failed("circuit_open")
                raise EngineUnavailable(str(error), retry_after=error.retry_after) from None
            try:
                audio = self._send(request, deadline)
            except BaseException:
                self.breaker.failed()
                raise
            self.breaker.succeeded()
            return audio
        finally:
            self._slots.release()

    def _failed(self, kind: str) -> None:
        UPSTREAM_FAILURES.labels(engine=self.name, kind=kind).inc()

    def _send(self, request: requests.PreparedRequest, deadline: Deadline) -> bytes:
        remaining = max(0.05, deadline.remaining())
        settings = self.session.merge_environment_settings(request.url, {}, None, None, None)
        try:
            response = self.session.send(
                request, timeout=(min(self.connect_timeout, remaining), min(self.read_timeout, remaining)),
                **settings)
        except requests.Timeout:
            self._failed("timeout")
            raise _Transient("timed out") from None
        except requests.ConnectionError as error:
            self._failed("connection")
            raise _Transient(f"connection failed: {error.__class__.__name__}") from None
        if response.status_code == 429 or response.status_code >= 500:
            self._failed("http_429" if response.status_code == 429 else "http_5xx")
            raise _Transient(f"HTTP {response.status_code}", _retry_after(response))
        if response.status_code != 200:
            self._failed("http_other")
            raise EngineError(f"{self.label}: HTTP {response.status_code}")
        audio = self._audio(response)
        if not audio or not is_mp3(audio):
            # An empty or broken recording must never be cached.
            self._failed("bad_audio")
            raise EngineError(f"{self.label} answered without valid audio")
        return audio
