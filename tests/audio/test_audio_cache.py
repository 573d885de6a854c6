"""The audio cache: sharded paths, atomic writes (even when killed), primary over fallback, LRU eviction."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from server.audio.cache import AudioCache
from server.audio.counters import Counters

KILLED_WRITER = r"""
import os, sys, time
from server.audio import atomic
os.fsync = lambda fd: time.sleep(60)  # hold the writer between "all bytes written" and the rename
print("writing", flush=True)
atomic.write_atomically(sys.argv[1], b"\xff\xf3" * 500_000)
"""


def cache_in(tmp_path, max_bytes=0) -> AudioCache:
    return AudioCache(str(tmp_path / "audio"), max_bytes, Counters(str(tmp_path / "audio")),
                      engines=("gtts", "openai", "espeak"), touch_interval=0)


def test_layout_is_sharded_and_fallback_is_kept_apart(tmp_path):
    cache = cache_in(tmp_path)
    segment_id = "abcdef" + "0" * 26
    robotic = cache.store(segment_id, b"espeak", primary=False, engine="espeak")
    assert robotic.path == str(tmp_path / "audio" / "fallback" / "ab" / "cd" / f"{segment_id}.espeak.mp3")
    assert cache.find(segment_id) == robotic and not robotic.primary and robotic.engine == "espeak"
    # Fallback engines rank in the chain's order.
    fallback = cache.store(segment_id, b"openai", primary=False, engine="openai")
    assert cache.find(segment_id) == fallback and fallback.engine == "openai"
    primary = cache.store(segment_id, b"primary", primary=True)
    assert primary.path == str(tmp_path / "audio" / "ab" / "cd" / f"{segment_id}.mp3")
    assert cache.find(segment_id) == primary and primary.engine == "gtts"
    assert not os.path.exists(fallback.path) and not os.path.exists(robotic.path)  # superseded
    assert cache.usage().files == 1


def test_a_writer_killed_mid_write_leaves_nothing_served(tmp_path):
    cache = cache_in(tmp_path)
    segment_id = "12" * 16
    target = cache.path_for(segment_id, primary=True)
    writer = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, target], stdout=subprocess.PIPE, text=True)
    assert writer.stdout.readline().strip() == "writing"
    folder = os.path.dirname(target)
    deadline = time.monotonic() + 10
    while not (os.path.isdir(folder) and
               any(os.path.getsize(os.path.join(folder, n)) == 1_000_000 for n in os.listdir(folder))):
        assert time.monotonic() < deadline, "the writer never got going"
        time.sleep(0.01)
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    assert not os.path.exists(target)
    assert cache.find(segment_id) is None  # so the segment is a miss and gets recorded again
    assert cache.usage().files == 0  # the leftover temporary file is not a recording
    leftover, = os.listdir(folder)
    old = time.time() - 2 * 3600
    os.utime(os.path.join(folder, leftover), (old, old))
    cache.usage()
    assert os.listdir(folder) == []  # stale leftovers are swept by the next scan


def test_least_recently_used_recordings_are_evicted_over_the_cap(tmp_path):
    cache = cache_in(tmp_path, max_bytes=10_000)
    ids = [f"{n:032x}" for n in range(12)]
    for n, segment_id in enumerate(ids[:9]):
        cache.store(segment_id, bytes(1000), primary=True)
        os.utime(cache.path_for(segment_id, True), (1000 + n, 1000 + n))
    cache.lookup(ids[0])  # a hit makes the oldest the most recently used
    for segment_id in ids[9:]:
        cache.store(segment_id, bytes(1000), primary=True)
    usage = cache.usage()
    assert usage.bytes <= 10_000
    assert cache.find(ids[0]) is not None and cache.find(ids[11]) is not None
    assert cache.find(ids[1]) is None and cache.find(ids[2]) is None
    assert cache.counters.local()["evicted"] >= 2


def test_counters_of_several_processes_add_up_in_the_shared_file(tmp_path):
    worker_a, worker_b = Counters(str(tmp_path)), Counters(str(tmp_path))
    worker_a.add("hits", 3)
    worker_b.add("hits")
    worker_b.add("misses", 2)
    worker_a.flush()
    shared = worker_b.shared()
    assert shared["counters"] == {"hits": 4, "misses": 2} and shared["started"]
    worker_a.reset()
    assert worker_a.shared() == {} and worker_a.local() == {"hits": 3}
