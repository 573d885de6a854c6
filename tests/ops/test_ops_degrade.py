"""Our own parts fail under load, in real processes (gunicorn, a private PostgreSQL cluster, a private
``redis-server``): no request gets a 500, nothing stored is lost, and the service recovers by itself.

Each test prints what a listener got (answers by status, time to recover), the figures of the README's
fault table.
"""
from __future__ import annotations

import collections
import json
import os
import signal
import threading
import time

from tests.full_disk import files, fill, small_disk
from tests.ops.conftest import Nginx, first_slug, get, playlist, wait_until
from tests.private_postgres import PrivatePostgres
from tests.private_redis import PrivateRedis

RECOVERY_LIMIT = 5.0  # seconds from the part coming back to the first good answer


class Load:
    """Requests, one after another from each of ``threads`` threads, until stopped: (time, path, status)."""

    def __init__(self, port: int, paths: list[str], threads: int = 4) -> None:
        self.port, self.paths = port, paths
        self.answers: list[tuple[float, str, int, dict, bytes]] = []
        self._stop = threading.Event()
        self._threads = [threading.Thread(target=self._run, args=(i,), daemon=True) for i in range(threads)]

    def _run(self, offset: int) -> None:
        index = offset
        while not self._stop.is_set():
            path = self.paths[index % len(self.paths)]
            index += 1
            try:
                status, headers, body = get(self.port, path, timeout=10)
            except OSError as error:
                status, headers, body = 0, {}, str(error).encode()
            self.answers.append((time.monotonic(), path, status, headers, body if status != 200 else b""))
            time.sleep(0.02)

    def __enter__(self) -> Load:
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *_) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=15)

    def statuses(self, since: float = 0.0) -> collections.Counter:
        return collections.Counter(status for at, _, status, *_ in self.answers if at >= since)

    def failures(self) -> list[str]:
        """Each answer other than 200: when (from the first request), what and why (the start of its body)."""
        start = self.answers[0][0] if self.answers else 0.0
        return [f"{at - start:.2f} s {path} {status} {body[:160].decode(errors='replace')}"
                for at, path, status, _, body in self.answers if status != 200]

    def recovered_at(self, since: float) -> float:
        """The time of the last answer other than 200 after ``since`` (``since`` when there was none)."""
        return max((at for at, _, status, *_ in self.answers if at >= since and status != 200), default=since)


def test_a_postgresql_restart_is_503s_then_recovers(service, upstream):
    database = PrivatePostgres().start()
    try:
        app = service(database_url=database.url)
        slug = first_slug(app.port)
        segments = playlist(app.port, ["Cơ sở dữ liệu khởi động lại."])
        assert get(app.port, segments[0]["audio"])[0] == 200
        paths = [f"/api/v1/articles/{slug}/speech", f"/api/v1/articles/{slug}", "/healthz", segments[0]["audio"]]
        with Load(app.port, paths) as load:
            time.sleep(0.5)
            down = time.monotonic()
            database.stop("immediate")
            time.sleep(2.0)
            during = load.statuses(down)
            database.start()
            back = time.monotonic()
            wait_until(lambda: get(app.port, paths[0])[0] == 200, 15, what="playlists after the restart")
            time.sleep(1.0)
        recovered = load.recovered_at(back) - back
        print(f"\nPostgreSQL stopped (immediate) for 2 s under load: answers {dict(load.statuses(down))}, "
              f"recovered {max(0.0, recovered):.2f} s after it was back")
        assert 500 not in load.statuses() and 0 not in load.statuses()
        assert during[503] > 0  # the outage was seen, as 503s
        assert all("retry-after" in headers for _, _, status, headers, _ in load.answers if status == 503)
        # Cached audio never needs the database.
        assert {status for _, path, status, *_ in load.answers if path == segments[0]["audio"]} == {200}
        assert recovered < RECOVERY_LIMIT
        assert get(app.port, "/healthz")[0] == 200
    finally:
        database.remove()


def test_redis_down_and_back_under_load(service, upstream):
    redis = PrivateRedis().start()
    try:
        app = service(env={"TRODOC_REDIS_URL": redis.url, "TRODOC_RATELIMIT_STORAGE_URL": redis.url})
        texts = [f"Câu số {n} khi Redis ngừng." for n in range(60)]
        segments = playlist(app.port, texts)
        new = iter(segment["audio"] for segment in segments)

        def record(count: int) -> tuple[collections.Counter, float]:
            started = time.monotonic()
            answers = collections.Counter(get(app.port, next(new))[0] for _ in range(count))
            return answers, time.monotonic() - started

        baseline, with_redis = record(20)
        redis.stop()
        answers, elapsed = record(20)
        status, _, body = get(app.port, "/healthz")
        health = json.loads(body)
        redis.start()
        back = time.monotonic()
        print(f"\nRedis down: 20 new recordings {dict(answers)} in {elapsed:.2f} s (with Redis up, in the same run: "
              f"{with_redis:.2f} s, {(elapsed - with_redis) / 20 * 1000:+.1f} ms each); health {health['status']}")
        assert baseline == {200: 20} and answers == {200: 20}
        assert status == 200 and health["status"] == "degraded" and health["parts"]["redis"]["status"] == "down"

        def redis_used() -> bool:
            get(app.port, next(new))
            return json.loads(get(app.port, "/healthz")[2])["parts"]["redis"] == {
                "status": "ok", "locks_from_files": False}

        wait_until(redis_used, 15, interval=0.5, what="locks back on Redis")
        print(f"Redis back: locks on Redis again after {time.monotonic() - back:.2f} s")
    finally:
        redis.stop()


def test_a_full_audio_disk_under_load(service, upstream, tmp_path):
    with small_disk(tmp_path / "disk") as disk:
        app = service(env={"TRODOC_AUDIO_DIR": str(disk / "audio")})
        segments = playlist(app.port, [f"Câu số {n} khi ổ đĩa đầy." for n in range(30)])
        answers = collections.Counter(get(app.port, segment["audio"])[0] for segment in segments[:10])
        stored = files(disk)
        fill(disk)
        answers.update(get(app.port, segment["audio"])[0] for segment in segments[10:])
        health = json.loads(get(app.port, "/healthz")[2])
        print(f"\nAudio disk full after 10 of 30 new recordings: answers {dict(answers)}, the other 20 served "
              f"uncached; health {health['status']}")
        assert answers == {200: 30} and len(stored) == 10 and files(disk) == stored  # nothing half-written
        assert health["status"] == "degraded" and health["parts"]["audio_disk"]["writable"] is False
        # What was stored is whole, and still served.
        assert all(get(app.port, segment["audio"])[0] == 200 for segment in segments[:10])


def test_one_of_two_machines_killed_under_load(service, upstream, tmp_path):
    """Two app processes as two machines: one PostgreSQL, one Redis, one audio folder, nginx in front."""
    database, redis = PrivatePostgres().start(), PrivateRedis().start()
    proxy = None
    try:
        shared = {"TRODOC_REDIS_URL": redis.url, "TRODOC_RATELIMIT_STORAGE_URL": redis.url,
                  "TRODOC_AUDIO_DIR": str(tmp_path / "audio")}
        machines = [service(tmp_path / name, database_url=database.url, workers=1, env=shared)
                    for name in ("may-1", "may-2")]
        proxy = Nginx(tmp_path / "nginx", [machine.port for machine in machines], tmp_path / "audio").start()
        slug = first_slug(proxy.port)
        segments = playlist(proxy.port, [f"Câu số {n} khi một máy ngừng." for n in range(60)])
        paths = [f"/api/v1/articles/{slug}/speech", f"/api/v1/articles/{slug}"] + [s["audio"] for s in segments]
        with Load(proxy.port, paths) as load:
            time.sleep(1.0)
            killed = time.monotonic()
            os.killpg(machines[0].process.pid, signal.SIGKILL)
            machines[0].process.wait(timeout=5)
            time.sleep(2.0)
        print(f"\nOne of two machines killed (SIGKILL) under load through nginx: before {dict(load.statuses())}"
              f" in all, after the kill {dict(load.statuses(killed))}")
        assert set(load.statuses()) == {200}, load.failures()
        assert load.statuses(killed)[200] > 20
    finally:
        if proxy:
            proxy.stop()
        redis.stop()
        database.remove()


def test_google_down_and_back_under_load(service, upstream):
    """With the default engines, the offline voice reads while Google fails; Google's voice comes back by
    itself once its circuit breaker lets a trial call through (cooldown 1.5 s here, 30 s by default)."""
    # One worker: each worker has its own breaker, and health reports the one that answers.
    app = service(workers=1, env={"TRODOC_TTS_ENGINES": "gtts,espeak"})
    segments = iter(playlist(app.port, [f"Câu số {n} khi Google lỗi." for n in range(60)]))
    upstream.fail("500")
    answers = collections.Counter(get(app.port, next(segments)["audio"])[0] for _ in range(20))
    health = json.loads(get(app.port, "/healthz")[2])
    upstream.heal()
    back = time.monotonic()

    def primary_again() -> bool:
        _, headers, _ = get(app.port, next(segments)["audio"])
        return "immutable" in headers.get("cache-control", "")  # only Google's recordings are for a year

    wait_until(primary_again, 15, interval=0.2, what="Google's voice again")
    recovered = time.monotonic() - back
    print(f"\nGoogle failing (HTTP 500): 20 new recordings {dict(answers)} (offline voice); health "
          f"{health['status']}; Google's voice again {recovered:.2f} s after it was back")
    assert answers == {200: 20} and health["status"] == "degraded"
    assert health["parts"]["engines"]["gtts"]["status"] == "down"
