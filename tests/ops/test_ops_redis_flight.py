"""Single-flight across two app processes sharing Redis: 50 concurrent requests, one upstream call.

tests/audio/test_audio_redis_lock.py covers the locker and one app in one process; this runs two gunicorn
instances (separate processes, one worker each) on one database and audio folder, as two hosts would.
"""
from __future__ import annotations

import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.conftest import REDIS_URL
from tests.ops.conftest import get, playlist

pytestmark = pytest.mark.skipif(not REDIS_URL, reason="TRODOC_TEST_REDIS_URL is not set (Redis-backed suite not run)")


def test_one_upstream_call_for_50_requests_over_two_processes(service, upstream, tmp_path):
    env = {"TRODOC_REDIS_URL": REDIS_URL, "TRODOC_TTS_REQUEST_BUDGET": "8"}
    one = service(data_dir=tmp_path / "shared", workers=1, env=env, tuning={"TTS_READ_TIMEOUT": 5.0})
    two = service(data_dir=tmp_path / "shared", workers=1, env=env, tuning={"TTS_READ_TIMEOUT": 5.0})
    segment, = playlist(one.port, [f"Một bản ghi cho hai máy chủ {uuid.uuid4().hex[:8]}."])
    upstream.delay = 0.5  # long enough that all 50 arrive while the first is recording
    calls = upstream.calls
    ports = [one.port, two.port] * 25
    with ThreadPoolExecutor(50) as pool:
        answers = list(pool.map(lambda port: get(port, segment["audio"], timeout=20), ports))
    assert [status for status, _, _ in answers] == [200] * 50
    assert len({body for _, _, body in answers}) == 1
    assert upstream.calls - calls == 1


def test_a_live_holder_keeps_the_lock_past_its_expiry():
    """The expiry frees dead holders quickly; a live one renews it, so a long synthesis is not doubled."""
    import threading
    import time

    from server.audio.singleflight import LockTimeout, RedisLocker

    locker = RedisLocker.from_url(REDIS_URL, prefix=f"trodoc-test:{uuid.uuid4().hex}:", expiry=0.6)
    inside, leave = threading.Event(), threading.Event()

    def holder():
        with locker.hold("k", timeout=1):
            inside.set()
            leave.wait(5)

    thread = threading.Thread(target=holder)
    thread.start()
    inside.wait(5)
    time.sleep(1.5)  # well past the expiry: still held thanks to renewal
    with pytest.raises(LockTimeout):
        with locker.hold("k", timeout=0.3):
            pass
    leave.set()
    thread.join(5)
    with locker.hold("k", timeout=1):
        pass


def test_a_killed_holder_frees_the_lock_within_a_second():
    """A machine killed mid-synthesis (``SIGKILL``: no release, no more renewals) keeps its lock for at most
    the default expiry, well inside another machine's request budget."""
    import os
    import signal
    import subprocess
    import sys
    import time

    from server.audio.singleflight import RedisLocker

    prefix = f"trodoc-test:{uuid.uuid4().hex}:"
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time\n"
         "from server.audio.singleflight import RedisLocker\n"
         f"with RedisLocker.from_url({REDIS_URL!r}, prefix={prefix!r}).hold('k', timeout=5):\n"
         "    print('held', flush=True)\n"
         "    time.sleep(60)\n"],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        time.sleep(1.5)  # renewed past its expiry while alive
        locker = RedisLocker.from_url(REDIS_URL, prefix=prefix)
        assert locker.client.exists(prefix + "k")
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait(5)
        started = time.monotonic()
        with locker.hold("k", timeout=3):
            waited = time.monotonic() - started
    finally:
        holder.kill()
        holder.wait(5)
    print(f"\nlock of a killed holder taken by another process after {waited:.2f} s")
    assert waited < 1.1
