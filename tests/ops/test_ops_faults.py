"""Faults on real gunicorn processes: upstream down/slow/429, a worker killed mid-synthesis, a full restart."""
from __future__ import annotations

import json
import os
import signal
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest

from server.audio.mp3 import frames
from tests.conftest import REDIS_URL
from tests.fake_google import FakeGoogle
from tests.ops.conftest import first_slug, get, playlist, wait_until

REQUEST_LIMIT = 6.0  # request budget 2.5 s in FAST_ENV, plus scheduling slack


def texts(n: int, tag: str) -> list[str]:
    run = uuid.uuid4().hex[:6]
    return [f"Câu thử lỗi {tag} số {i} lần {run}." for i in range(n)]


class ClosingFake(FakeGoogle):
    """A fake that closes every connection after its answer, so stopping it really cuts the app off."""

    def _handler(self):
        handler = super()._handler()
        return type("ClosingHandler", (handler,), {"protocol_version": "HTTP/1.0"})


def stop_upstream(fake: FakeGoogle) -> int:
    port = fake._server.server_port
    fake._server.shutdown()
    fake._server.server_close()
    return port


def restart_upstream(fake: FakeGoogle, port: int) -> None:
    """Bring the same fake back on the same port (what 'Google is up again' looks like to the app)."""
    fake._server = ThreadingHTTPServer(("127.0.0.1", port), fake._handler())
    fake._server.daemon_threads = True
    fake._thread = threading.Thread(target=fake._server.serve_forever, args=(0.02,), daemon=True)
    fake._thread.start()


def assert_complete_mp3s(audio_dir: Path) -> int:
    """Every recording on disk is a whole MP3 (the ID3 tag, then frames up to the last byte)."""
    count = 0
    for path in audio_dir.rglob("*.mp3"):
        data = path.read_bytes()
        parsed = list(frames(data))
        assert parsed, path
        last = parsed[-1]
        assert last.offset + last.length == len(data), f"{path} is truncated"
        count += 1
    return count


def timed_get(port: int, path: str, timeout: float = 15.0):
    start = time.monotonic()
    status, headers, body = get(port, path, timeout=timeout)
    return status, headers, body, time.monotonic() - start


@pytest.mark.parametrize("fault", ["down", "slow", "429"])
def test_upstream_faults_end_in_503_and_recover(service, upstream, fault):
    if fault == "down":
        upstream = ClosingFake().__enter__()
    app = service(upstream_url=upstream.url)
    cached, *uncached = playlist(app.port, texts(41, fault))
    assert get(app.port, cached["audio"])[0] == 200
    calls_before = upstream.calls

    port = None
    if fault == "down":
        port = stop_upstream(upstream)
    elif fault == "slow":
        upstream.slow_seconds = 10.0
        upstream.fail("slow")
    else:
        upstream.retry_after = 1
        upstream.fail("429")

    # Forty listeners (more than the 2 × 16 worker threads) ask for audio nobody recorded yet, all at once.
    with ThreadPoolExecutor(len(uncached)) as pool:
        answers = [pool.submit(timed_get, app.port, segment["audio"]) for segment in uncached]
        # Meanwhile the service still answers health checks and cached audio quickly, again and again.
        probes = []
        for _ in range(5):
            time.sleep(0.25)
            probes.append(timed_get(app.port, "/healthz", timeout=5))
            probes.append(timed_get(app.port, cached["audio"], timeout=5))
        results = [answer.result() for answer in answers]
    assert [probe[0] for probe in probes] == [200] * len(probes)
    slowest = max(probe[3] for probe in probes)
    assert slowest < 0.5, slowest
    for status, headers, body, elapsed in results:
        assert status == 503, body
        assert headers["content-type"].startswith("application/problem+json")
        assert int(headers["retry-after"]) >= 1 and headers["cache-control"] == "no-store"
        assert json.loads(body)["status"] == 503
        assert elapsed < REQUEST_LIMIT, elapsed
    if fault != "down":
        # The breaker (threshold 3) stopped the hammering: far fewer upstream calls than requests × retries.
        assert upstream.calls - calls_before < len(uncached) * 2

    # Recovery is automatic once the upstream answers again and the breaker's cooldown (1.5 s) passed.
    if fault == "down":
        restart_upstream(upstream, port)
    upstream.heal()
    # Each worker has its own breaker, so each recovers on its own: every listener gets through within seconds.
    for segment in uncached[:4]:
        wait_until(lambda segment=segment: get(app.port, segment["audio"], timeout=10)[0] == 200, 15, interval=0.3,
                   what="recovery")
    assert assert_complete_mp3s(app.audio_dir) >= 5
    if fault == "down":
        upstream.__exit__(None, None, None)


def holder_of_lock(lock_file: Path) -> int | None:
    """The pid holding an flock on ``lock_file`` (from /proc/locks)."""
    inode = os.stat(lock_file).st_ino
    for line in Path("/proc/locks").read_text().splitlines():
        parts = line.split()
        # "1: FLOCK  ADVISORY  WRITE <pid> <major>:<minor>:<inode> <start> <end>"
        if len(parts) >= 6 and parts[4].isdigit() and parts[5].endswith(f":{inode}"):
            return int(parts[4])
    return None


def worker_talking_to(pids: list[int], port: int) -> int | None:
    """The pid among ``pids`` with an established TCP connection to 127.0.0.1:``port`` (/proc/net/tcp)."""
    inodes = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        if fields[2].endswith(f":{port:04X}") and fields[3] == "01":
            inodes.add(fields[9])
    for pid in pids:
        for fd in Path(f"/proc/{pid}/fd").iterdir():
            try:
                target = os.readlink(fd)
            except OSError:
                continue
            if target.startswith("socket:[") and target[8:-1] in inodes:
                return pid
    return None


LOCKERS = ["file", pytest.param("redis", marks=pytest.mark.skipif(
    not REDIS_URL, reason="TRODOC_TEST_REDIS_URL is not set (Redis-backed suite not run)"))]


@pytest.mark.parametrize("locker", LOCKERS)
def test_kill_9_of_a_worker_mid_synthesis(service, upstream, locker):
    env = {"TRODOC_TTS_REQUEST_BUDGET": "10"}
    if locker == "redis":
        env["TRODOC_REDIS_URL"] = REDIS_URL
    app = service(env=env, tuning={"TTS_READ_TIMEOUT": 8.0})
    segment, = playlist(app.port, texts(1, "kill"))
    sid = segment["id"]
    final = app.audio_dir / sid[:2] / sid[2:4] / f"{sid}.mp3"
    upstream.delay = 3.0  # the worker sits inside the upstream call

    outcome = {}

    def listener():
        try:
            outcome["status"] = get(app.port, segment["audio"], timeout=15)[0]
        except OSError as error:  # the worker died under us
            outcome["error"] = error

    thread = threading.Thread(target=listener)
    thread.start()
    wait_until(lambda: upstream.in_flight == 1, 5, what="synthesis in flight")
    lock_file = final.with_suffix(".lock")
    workers_before = app.worker_pids()
    upstream_port = int(upstream.url.split(":")[2].split("/")[0])
    worker = wait_until(lambda: worker_talking_to(workers_before, upstream_port), 3, what="synthesizing worker")
    if locker == "file":
        assert holder_of_lock(lock_file) == worker
    assert worker in workers_before
    assert not final.exists()  # nothing under the final name while the recording is made
    os.kill(worker, signal.SIGKILL)
    thread.join(15)
    assert not thread.is_alive()
    assert outcome.get("status") != 200  # that listener lost its answer (connection closed)

    assert not final.exists()
    assert assert_complete_mp3s(app.audio_dir) == 0
    # The master replaces the worker; the flock died with it, so the next request records the segment.
    wait_until(lambda: len(app.worker_pids()) == 2 and worker not in app.worker_pids(), 10, what="new worker")
    if locker == "file":
        assert holder_of_lock(lock_file) is None
    upstream.delay = 0.0
    started = time.monotonic()
    for _ in range(3):
        status, headers, body = get(app.port, segment["audio"], timeout=15)
        assert time.monotonic() - started < 12, "the dead worker's lock was not released"
        assert status == 200 and headers["content-type"] == "audio/mpeg"
        assert body == final.read_bytes()
    assert assert_complete_mp3s(app.audio_dir) == 1  # and a temporary file, if the kill left one, is no .mp3


def test_restart_of_the_whole_service_keeps_everything(service, upstream, database_url):
    app = service(database_url=database_url)  # SQLite file, and PostgreSQL when TRODOC_TEST_DATABASE_URL is set
    slug = first_slug(app.port)
    status, _, body = get(app.port, f"/api/v1/articles/{slug}/speech")
    segments = json.loads(body)["segments"][:4]
    recordings = {s["id"]: get(app.port, s["audio"])[2] for s in segments}
    assert all(recordings.values())
    articles = json.loads(get(app.port, "/api/v1/articles")[2])["total"]
    app.stop(graceful=True)

    upstream.fail("500")  # any upstream call after the restart would now fail
    calls = upstream.calls
    again = service(data_dir=app.data_dir, database_url=database_url)
    assert json.loads(get(again.port, "/api/v1/articles")[2])["total"] == articles
    assert get(again.port, f"/articles/{slug}")[0] == 200
    for segment in segments:
        status, headers, body = get(again.port, segment["audio"])
        assert status == 200 and body == recordings[segment["id"]]
    status, _, body = get(again.port, f"/api/v1/articles/{slug}/speech")
    assert [s["id"] for s in json.loads(body)["segments"][:4]] == [s["id"] for s in segments]
    assert upstream.calls == calls


def test_nginx_answers_503_problem_while_the_app_is_down(service, tmp_path, built_assets):
    from tests.ops.conftest import Nginx

    app = service()
    segment, = playlist(app.port, texts(1, "nginx"))
    assert get(app.port, segment["audio"])[0] == 200
    proxy = Nginx(tmp_path / "nginx", app.port, app.audio_dir).start()
    try:
        app.stop()
        status, headers, body = get(proxy.port, "/api/v1/articles")
        assert status == 503 and headers["content-type"] == "application/problem+json"
        assert headers["retry-after"] == "5" and json.loads(body)["status"] == 503
        # Recorded audio is still served straight from disk while the app is down.
        status, headers, body = get(proxy.port, segment["audio"], headers={"Range": "bytes=0-1"})
        assert status == 206 and body == b"ID"
    finally:
        proxy.stop()


def test_the_loader_is_served_by_nginx_while_the_app_hangs_or_is_down(service, tmp_path, built_assets):
    """A host page with the tag in <head> waits for /widget.js: nginx answers from its copy, fresh or not, and
    never makes the page wait for an app that does not answer."""
    from tests.ops.conftest import Nginx

    app = service()
    proxy = Nginx(tmp_path / "nginx", app.port, app.audio_dir).start()
    try:
        status, headers, loader = get(proxy.port, "/widget.js")
        assert status == 200 and "max-age=300" in headers["cache-control"]
        assert get(proxy.port, "/widget.js?ver=6.1")[::2] == (200, loader)  # one copy for every query string
        os.killpg(app.process.pid, signal.SIGSTOP)  # every process of the app hangs
        try:
            assert get(proxy.port, "/widget.js?t=1", timeout=2)[::2] == (200, loader)  # the fresh copy
            time.sleep(11)  # nginx's copy is stale now
            started = time.monotonic()
            status, headers, body = get(proxy.port, "/widget.js", timeout=2)
            assert (status, body) == (200, loader) and time.monotonic() - started < 1
            assert "max-age=300" in headers["cache-control"]  # browsers keep the app's own lifetime
        finally:
            os.killpg(app.process.pid, signal.SIGCONT)
        app.stop()
        assert get(proxy.port, "/widget.js", timeout=2)[::2] == (200, loader)
        assert get(proxy.port, "/api/v1/articles", timeout=2)[0] == 503  # the rest says it is down
    finally:
        proxy.stop()
