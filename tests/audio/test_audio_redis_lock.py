"""Single-flight across hosts: the Redis locker (``TRODOC_REDIS_URL``)."""
from __future__ import annotations

import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest

from server.audio import audio_service
from server.audio.singleflight import FallbackLocker, LockTimeout, RedisLocker, SingleFlight
from tests.conftest import REDIS_URL

pytestmark = pytest.mark.skipif(not REDIS_URL, reason="TRODOC_TEST_REDIS_URL is not set")


def locker() -> RedisLocker:
    return RedisLocker.from_url(REDIS_URL, prefix=f"trodoc-test:{uuid.uuid4().hex}:", expiry=5)


def test_two_hosts_make_one_recording(tmp_path):
    shared, calls = locker(), []
    hosts = [SingleFlight(shared), SingleFlight(shared)]  # separate processes' in-memory state

    def record(host):
        def work():
            done = tmp_path / "done"
            if not done.exists():  # what the service's re-check of the cache does
                calls.append(1)
                time.sleep(0.2)
                done.write_text("x")
        return host.run("segment", work, timeout=5)

    with ThreadPoolExecutor(2) as pool:
        list(pool.map(record, hosts))
    assert calls == [1]


def test_a_held_lock_times_out_and_is_freed_on_release():
    shared = locker()
    entered = threading.Event()
    release = threading.Event()

    def holder():
        with shared.hold("k", timeout=1):
            entered.set()
            release.wait(5)

    thread = threading.Thread(target=holder)
    thread.start()
    entered.wait(5)
    with pytest.raises(LockTimeout):
        with shared.hold("k", timeout=0.1):
            pass
    release.set()
    thread.join()
    with shared.hold("k", timeout=1):
        pass


def test_the_app_uses_redis_when_configured(audio_app, registered, fake_google):
    fake_google.delay = 0.2
    app = audio_app(REDIS_URL=REDIS_URL)
    locker = audio_service(app).flights.locker
    assert isinstance(locker, FallbackLocker) and isinstance(locker.primary, RedisLocker)
    # A text of this test's own: the app locks under its fixed key prefix, and parallel workers and other runs
    # share this Redis.
    first, = registered(app, f"Khóa Redis cho nhiều máy chủ {uuid.uuid4().hex[:8]}.")
    with ThreadPoolExecutor(10) as pool:
        codes = list(pool.map(lambda _: app.test_client().get(f"/audio/{first.id}.mp3").status_code, range(10)))
    assert codes == [200] * 10 and fake_google.calls == 1
