"""Single-flight: however many requests want the same missing recording, one of them makes it.

Within a process, followers wait on the leader's future (no polling, no lock files touched). Across processes
(gunicorn workers, the warm-up CLI) leaders serialize on a :class:`Locker`; the one that gets the lock second
finds the recording cached and makes no upstream call. :class:`FileLocker` works for processes sharing one
audio folder; :class:`RedisLocker` (``TRODOC_REDIS_URL``) serves several hosts that share the audio folder
over the network, where ``flock`` cannot be trusted.
"""
from __future__ import annotations

import threading
import time
import uuid
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from contextlib import contextmanager
from typing import Callable, ContextManager, Iterator, Protocol, TypeVar

from filelock import FileLock
from filelock import Timeout as FileLockTimeout

T = TypeVar("T")


class LockTimeout(Exception):
    """Waiting for the process that is already making the recording took too long."""


class Locker(Protocol):
    """A lock per key, exclusive across every process of the service."""

    def hold(self, key: str, timeout: float) -> ContextManager[None]:
        """Hold the lock for ``key`` inside the ``with`` block; raise :class:`LockTimeout` after ``timeout``."""
        ...


class FileLocker:
    """``flock`` on a lock file per key, for processes on one host sharing the audio folder."""

    def __init__(self, path_for: Callable[[str], str], poll_interval: float = 0.02) -> None:
        self.path_for = path_for
        self.poll_interval = poll_interval

    @contextmanager
    def hold(self, key: str, timeout: float) -> Iterator[None]:
        """See :meth:`Locker.hold`; lock files are kept (deleting them races with waiters)."""
        lock = FileLock(self.path_for(key))
        try:
            lock.acquire(timeout=timeout, poll_interval=self.poll_interval)
        except FileLockTimeout:
            raise LockTimeout(key) from None
        try:
            yield
        finally:
            lock.release()


class RedisLocker:
    """``SET NX PX`` per key in Redis. The expiry frees the lock of a holder that died (``kill -9``, a lost
    host) within ``expiry`` seconds; a live holder renews it every third of the expiry, so a synthesis may
    take longer than that. Release and renewal act only while the key still holds our token.
    """

    RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end"
    RENEW = ("if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) "
             "else return 0 end")

    def __init__(self, client, *, prefix: str = "trodoc:audio-lock:", expiry: float = 5.0,
                 poll_interval: float = 0.02) -> None:
        self.client = client
        self.prefix = prefix
        self.expiry_ms = int(expiry * 1000)
        self.poll_interval = poll_interval

    @classmethod
    def from_url(cls, url: str, **options) -> RedisLocker:
        """A locker on the Redis server at ``url`` (needs the ``redis`` extra)."""
        import redis

        return cls(redis.Redis.from_url(url), **options)

    @contextmanager
    def hold(self, key: str, timeout: float) -> Iterator[None]:
        """See :meth:`Locker.hold`; a Redis outage is reported as :class:`LockTimeout` (retry shortly)."""
        import redis

        name, token = self.prefix + key, uuid.uuid4().hex
        end = time.monotonic() + timeout
        try:
            while not self.client.set(name, token, nx=True, px=self.expiry_ms):
                if time.monotonic() >= end:
                    raise LockTimeout(key)
                time.sleep(self.poll_interval)
        except redis.RedisError as error:
            raise LockTimeout(f"{key}: Redis unavailable: {error}") from None
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
