"""Content-addressed MP3 files on disk: sharded, written atomically, capped in size with LRU eviction.

Primary recordings live at ``<root>/ab/cd/<id>.mp3``; fallback recordings (from an engine other than the one
the segment asked for) at ``<root>/fallback/ab/cd/<id>.mp3``, so a primary one can later replace them.
Recency for LRU is the file's mtime, bumped on hits (at most once per ``touch_interval``, to keep hits cheap);
atime is useless on the ``noatime``/``relatime`` mounts servers use.
"""
from __future__ import annotations

import logging
import os
import shutil
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from .atomic import TMP_PREFIX, write_atomically
from .counters import Counters

FALLBACK_DIR = "fallback"
log = logging.getLogger(__name__)
STALE_TMP_SECONDS = 3600
LOW_DISK = 64 * 1024 * 1024  # free bytes below which health says the audio disk is degraded
LOW_WATER = 0.9  # evict down to 90 % of the cap, so the next few writes do not trigger another scan


@dataclass(frozen=True)
class CachedAudio:
    """A recording on disk, or held in memory (``data``) when the disk refused it; ``engine`` made it."""

    segment_id: str
    path: str
    primary: bool
    size: int
    engine: str = ""
    data: bytes | None = None

    def read(self) -> bytes:
        """The MP3's bytes."""
        if self.data is not None:
            return self.data
        with open(self.path, "rb") as handle:
            return handle.read()

    @property
    def etag(self) -> str:
        """Strong validator: the content id, marked when the recording is a fallback one."""
        return self.segment_id if self.primary else f"{self.segment_id}-fallback"


@dataclass(frozen=True)
class Usage:
    files: int
    bytes: int
    fallback_files: int


def _shard(segment_id: str) -> tuple[str, str]:
    return segment_id[:2], segment_id[2:4]


class AudioCache:
    """The audio folder of one app. Thread-safe; several processes may share the folder."""

    def __init__(self, root: str, max_bytes: int, counters: Counters, *, engines: Sequence[str] = ("",),
                 touch_interval: float = 60.0, clock: Callable[[], float] = time.time) -> None:
        self.root = root
        # The chain's engines: primary recordings are the first one's; each fallback engine has its own file.
        self.primary_engine, self.fallback_engines = engines[0], tuple(engines[1:])
        self.max_bytes = max_bytes
        self.counters = counters
        self.touch_interval = touch_interval
        self._clock = clock
        self._lock = threading.Lock()
        self._evicting = threading.Lock()
        self._estimated_bytes: int | None = None
        self.write_error: str | None = None  # the last failed write, until a write succeeds again

    def path_for(self, segment_id: str, primary: bool, engine: str = "") -> str:
        """Where the recording of ``segment_id`` lives: the primary one, or ``engine``'s fallback one."""
        if primary:
            return os.path.join(self.root, *_shard(segment_id), f"{segment_id}.mp3")
        return os.path.join(self.root, FALLBACK_DIR, *_shard(segment_id), f"{segment_id}.{engine}.mp3")

    def lock_path(self, segment_id: str) -> str:
        """The lock file next to the primary recording, for single-flight across processes."""
        folder = os.path.join(self.root, *_shard(segment_id))
        os.makedirs(folder, exist_ok=True)
        return os.path.join(folder, f"{segment_id}.lock")

    def find(self, segment_id: str) -> CachedAudio | None:
        """The best recording on disk (primary first, then the fallback engines in the chain's order),
        without counting a hit or a miss; the one it returns is marked recently used."""
        candidates = [(True, self.primary_engine)] + [(False, engine) for engine in self.fallback_engines]
        for primary, engine in candidates:
            path = self.path_for(segment_id, primary, engine)
            try:
                stat = os.stat(path)
            except FileNotFoundError:
                continue
            if self._clock() - stat.st_mtime > self.touch_interval:
                self._touch(path)
            return CachedAudio(segment_id, path, primary, stat.st_size, engine)
        return None

    def lookup(self, segment_id: str) -> CachedAudio | None:
        """Like :meth:`find`, counting a hit (primary or fallback) or a miss."""
        found = self.find(segment_id)
        self.counters.add("hits" if found else "misses")
        return found

    def store(self, segment_id: str, data: bytes, primary: bool, engine: str = "") -> CachedAudio:
        """Save ``engine``'s recording atomically; a primary one supersedes the fallback ones.

        A disk that refuses the file (full, read-only, no permission) leaves no part of it behind; the
        recording is then returned in memory, to be served uncached, and the failure is logged, counted and
        kept in ``write_error`` until a write succeeds again.
        """
        engine = engine or self.primary_engine
        path = self.path_for(segment_id, primary, engine)
        try:
            write_atomically(path, data)
        except OSError as error:
            if self.write_error is None:
                log.warning("audio folder %s refuses recordings, serving them uncached: %s", self.root, error)
            self.write_error = f"{type(error).__name__}: {error.strerror or error}"
            self.counters.add("store_failures")
            return CachedAudio(segment_id, path, primary, len(data), engine, data=data)
        if self.write_error is not None:
            log.warning("audio folder %s stores recordings again", self.root)
            self.write_error = None
        if primary:
            for fallback in self.fallback_engines:
                try:
                    os.unlink(self.path_for(segment_id, False, fallback))
                except FileNotFoundError:
                    pass
        self._account(len(data))
        return CachedAudio(segment_id, path, primary, len(data), engine)

    def health(self) -> dict:
        """The audio folder for ``/healthz``: ``degraded`` when it refuses writes or has less than
        ``LOW_DISK`` free (recordings are then served uncached)."""
        try:
            os.makedirs(self.root, exist_ok=True)
            free = shutil.disk_usage(self.root).free
        except OSError as error:
            return {"status": "degraded", "writable": False, "error": f"{type(error).__name__}: {error}"}
        writable = self.write_error is None and os.access(self.root, os.W_OK)
        part = {"status": "ok" if writable and free >= LOW_DISK else "degraded", "writable": writable,
                "free_bytes": free}
        if self.write_error is not None:
            part["error"] = self.write_error
        return part

    def usage(self) -> Usage:
        """Files and bytes currently cached (a full scan: for the CLI, not the request path)."""
        files = size = fallback = 0
        for path, stat in self._recordings():
            files += 1
            size += stat.st_size
            fallback += os.sep + FALLBACK_DIR + os.sep in path
        return Usage(files, size, fallback)

    def evict(self, target_bytes: int) -> int:
        """Delete least recently used recordings until at most ``target_bytes`` remain; returns how many."""
        entries = sorted(self._recordings(), key=lambda entry: entry[1].st_mtime)
        total = sum(stat.st_size for _, stat in entries)
        removed = 0
        for path, stat in entries:
            if total <= target_bytes:
                break
            try:
                os.unlink(path)  # a reader that already opened the file keeps reading it: POSIX semantics
            except FileNotFoundError:
                pass
            total -= stat.st_size
            removed += 1
        with self._lock:
            self._estimated_bytes = total
        self.counters.add("evicted", removed)
        return removed

    def _account(self, added: int) -> None:
        if not self.max_bytes:
            return
        with self._lock:
            if self._estimated_bytes is not None:
                self._estimated_bytes += added
                if self._estimated_bytes <= self.max_bytes:
                    return
        # Other processes write too, so the estimate is only a trigger; a scan is the truth.
        if not self._evicting.acquire(blocking=False):
            return  # another thread is already on it
        try:
            total = self._scan_total()
            with self._lock:
                self._estimated_bytes = total
            if total > self.max_bytes:
                self.evict(int(self.max_bytes * LOW_WATER))
        finally:
            self._evicting.release()

    def _scan_total(self) -> int:
        return sum(stat.st_size for _, stat in self._recordings())

    def _touch(self, path: str) -> None:
        try:
            os.utime(path)
        except OSError:
            pass  # evicted meanwhile, or a read-only cache: recency is only a hint

    def _recordings(self) -> Iterator[tuple[str, os.stat_result]]:
        now = self._clock()
        for folder, _, names in os.walk(self.root):
            for name in names:
                path = os.path.join(folder, name)
                try:
                    stat = os.stat(path)
                except FileNotFoundError:
                    continue
                if name.endswith(".mp3"):
                    yield path, stat
                elif name.startswith(TMP_PREFIX) and now - stat.st_mtime > STALE_TMP_SECONDS:
                    self._remove_quietly(path)  # left by a process killed mid-write

    @staticmethod
    def _remove_quietly(path: str) -> None:
        try:
            os.unlink(path)
        except FileNotFoundError:
            pass
