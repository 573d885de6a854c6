"""Single-flight: however many requests want the same missing recording, one of them makes it.

Within a process, followers wait on the leader's future (no polling, no lock files touched). Across processes
(gunicorn workers, the warm-up CLI) leaders serialize on a :class:`Locker`; the one that gets the lock second
finds the recording cached and makes no upstream call. :class:`FileLocker` works for processes sharing one
audio folder; :class:`RedisLocker` (``TRODOC_REDIS_URL``) serves several hosts that share the audio folder
over the network, where ``flock`` cannot be trusted.
"""
from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from contextlib import AbstractContextManager, ExitStack, contextmanager
from typing import Protocol, TypeVar

from filelock import FileLock
from filelock import Timeout as FileLockTimeout

from .breaker import CircuitBreaker

T = TypeVar("T")
log = logging.getLogger(__name__)
# A Redis that does not answer costs a listener at most this long (connect and each command), once:
# then the lock files take over for REDIS_RETRY seconds.
REDIS_TIMEOUT = 0.1
REDIS_RETRY = 5.0


class LockTimeout(Exception):
    """Waiting for the process that is already making the recording took too long."""


class LockUnavailable(LockTimeout):
    """The lock's store (Redis) did not answer."""


class Locker(Protocol):
    """A lock per key, exclusive across every process of the service."""

    def hold(self, key: str, timeout: float) -> AbstractContextManager[None]:
        """Hold the lock for ``key`` inside the ``with`` block; raise :class:`LockTimeout` after ``timeout``."""
        ...

    def health(self) -> dict | None:
        """The state of the lock's store for ``/healthz`` (``status`` ``ok`` or ``down``), or None when it
        has none of its own."""
        ...


class FileLocker:
    """``flock`` on a lock file per key, for processes on one host sharing the audio folder."""

    def __init__(self, path_for: Callable[[str], str], poll_interval: float = 0.02) -> None:
        self.path_for = path_for
        self.poll_interval = poll_interval

    def health(self) -> None:
        """Lock files live in the audio folder, whose health is the cache's."""
        return None

    @contextmanager
    def hold(self, key: str, timeout: float) -> Iterator[None]:
        """See :meth:`Locker.hold`; lock files are kept (deleting them races with waiters).

        When the lock file cannot be made (a full or read-only disk) the block runs without it: the
        threads of this process still share one flight, and the recording cannot be stored anyway.
        """
        try:
            lock = FileLock(self.path_for(key))
            lock.acquire(timeout=timeout, poll_interval=self.poll_interval)
        except FileLockTimeout:
            raise LockTimeout(key) from None
        except OSError as error:
            log.warning("no lock file for %s, recording without a cross-process lock: %s", key, error)
            yield
            return
        try:
            yield
        finally:
            lock.release()


class RedisLocker:
    """``SET NX PX`` per key in Redis. The expiry frees the lock of a holder that died (``kill -9``, a lost
    host) within ``expiry`` seconds; a live holder renews it every third of the expiry, so a synthesis may
    take longer than that. Release and renewal act only while the key still holds our token.

    The expiry is short because a listener whose request lands on another machine waits for it inside its
    request budget: with look-ahead, a dying machine holds several locks at once. A renewal late by more
    than two thirds of the expiry (a starved process) lets another machine record the same segment once
    more, which costs an upstream call, not an answer.
    """

    RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end"
    RENEW = ("if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) "
             "else return 0 end")

    def __init__(self, client, *, prefix: str = "trodoc:audio-lock:", expiry: float = 1.0,
                 poll_interval: float = 0.02) -> None:
        self.client = client
        self.prefix = prefix
        self.expiry_ms = int(expiry * 1000)
        self.poll_interval = poll_interval

    @classmethod
    def from_url(cls, url: str, **options) -> RedisLocker:
        """A locker on the Redis server at ``url`` (needs the ``redis`` extra), with short timeouts."""
        import redis

        client = redis.Redis.from_url(url, socket_timeout=REDIS_TIMEOUT, socket_connect_timeout=REDIS_TIMEOUT)
        return cls(client, **options)

    def health(self) -> dict:
        """Whether Redis answers a ``PING`` (within the short timeout)."""
        import redis

        try:
            self.client.ping()
        except redis.RedisError as error:
            return {"status": "down", "error": f"{type(error).__name__}: {error}"}
        return {"status": "ok"}

    @contextmanager
    def hold(self, key: str, timeout: float) -> Iterator[None]:
        """See :meth:`Locker.hold`; a Redis outage is reported as :class:`LockUnavailable`."""
        import redis

        name, token = self.prefix + key, uuid.uuid4().hex
        end = time.monotonic() + timeout
        try:
            while not self.client.set(name, token, nx=True, px=self.expiry_ms):
                if time.monotonic() >= end:
                    raise LockTimeout(key)
                time.sleep(self.poll_interval)
        except redis.RedisError as error:
            raise LockUnavailable(f"{key}: Redis unavailable: {error}") from None
        held = threading.Event()
        renewer = threading.Thread(target=self._renew, args=(name, token, held), daemon=True,
                                   name="trodoc-lock-renew")
        renewer.start()
        try:
            yield
        finally:
            held.set()
            try:
                self.client.eval(self.RELEASE, 1, name, token)
            except redis.RedisError:
                pass  # the expiry frees it

    def _renew(self, name: str, token: str, released: threading.Event) -> None:
        import redis

        while not released.wait(self.expiry_ms / 3000):
            try:
                if not self.client.eval(self.RENEW, 1, name, token, self.expiry_ms):
                    return  # lost (expired during a Redis hiccup): nothing left to renew
            except redis.RedisError:
                pass  # try again next time; the expiry bounds the damage


class FallbackLocker:
    """Redis while it answers; the lock files of this host while it does not (at worst one upstream call
    per host instead of one for the cluster), trying Redis again ``retry`` seconds after each failure (a
    circuit breaker with a threshold of one). ``on_fallback`` is called for every lock taken from the files
    instead of Redis (for the counters).
    """

    def __init__(self, primary: RedisLocker, fallback: FileLocker, *, retry: float = REDIS_RETRY,
                 on_fallback: Callable[[], None] = lambda: None, clock: Callable[[], float] = time.monotonic) -> None:
        self.primary = primary
        self.fallback = fallback
        self.on_fallback = on_fallback
        self.breaker = CircuitBreaker(1, retry, clock)

    def health(self) -> dict:
        """Redis's state, and whether locks come from the files meanwhile."""
        return {**self.primary.health(), "locks_from_files": self.redis_down()}

    def redis_down(self) -> bool:
        """Whether Redis failed within the last ``retry`` seconds (locks come from files meanwhile)."""
        return self.breaker.wait_time() > 0

    @contextmanager
    def hold(self, key: str, timeout: float) -> Iterator[None]:
        """See :meth:`Locker.hold`. Only taking the lock falls back: the block itself runs once."""
        with ExitStack() as stack:
            if not self.redis_down():
                try:
                    stack.enter_context(self.primary.hold(key, timeout))
                except LockUnavailable as error:
                    log.warning("Redis does not answer; synthesis locks use lock files for %g s: %s",
                                self.breaker.cooldown, error)
                    self.breaker.failed()
                else:
                    self.breaker.succeeded()
            if self.redis_down():
                self.on_fallback()
                stack.enter_context(self.fallback.hold(key, timeout))
            yield


class SingleFlight:
    """Runs at most one ``fn`` per key at a time across the service; concurrent callers share its result."""

    def __init__(self, locker: Locker) -> None:
        self.locker = locker
        self._lock = threading.Lock()
        self._flights: dict[str, Future] = {}

    def active(self, key: str) -> bool:
        """Whether a call for ``key`` is in flight in this process (a new caller would just wait for it)."""
        with self._lock:
            return key in self._flights

    def run(self, key: str, fn: Callable[[], T], timeout: float) -> T:
        """``fn()``'s result (or exception), computed once however many threads ask at the same time."""
        with self._lock:
            future = self._flights.get(key)
            leader = future is None
            if leader:
                future = self._flights[key] = Future()
        if not leader:
            try:
                return future.result(timeout=timeout)
            except FutureTimeout:
                raise LockTimeout(key) from None
        try:
            with self.locker.hold(key, timeout):
                result = fn()
        except BaseException as error:
            future.set_exception(error)
            raise
        else:
            future.set_result(result)
            return result
        finally:
            with self._lock:
                del self._flights[key]
