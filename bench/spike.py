"""A traffic spike on a shared article: many clients on the portal page and its cached audio, bounded in time.

    .venv/bin/python -m bench.spike            # 200 clients x 20 s, through gunicorn (2 workers) and nginx
    .venv/bin/python -m bench.spike --clients 50 --seconds 3

Starts its own fake upstream, gunicorn (deploy/gunicorn.conf.py) and nginx (deploy/nginx-trodoc.conf) on
loopback in a temporary folder, records the article's first segments once, then lets every client loop over
the article page and those recordings on a persistent ``http.client`` connection until the time is up.
Prints a markdown table: requests/s, p50/p99 latency, errors. Everything stops by itself.
"""
from __future__ import annotations

import argparse
import http.client
import json
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.fake_google import FakeGoogle
from tests.ops.conftest import Gunicorn, Nginx, first_slug, get


@dataclass
class SpikeResult:
    target: str
    clients: int
    seconds: float
    requests: int = 0
    errors: int = 0
    latencies: list[float] = field(default_factory=list)
    error_samples: list[str] = field(default_factory=list)

    def percentile(self, p: float) -> float:
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]

    @property
    def rate(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def row(self) -> str:
        return (f"| {self.target} | {self.clients} | {self.seconds:.0f} | {self.requests} | {self.rate:.0f} | "
                f"{self.percentile(50) * 1000:.1f} | {self.percentile(99) * 1000:.1f} | {self.errors} |")


HEADER = ("| target | clients | seconds | requests | requests/s | p50 ms | p99 ms | errors |\n"
          "|---|---|---|---|---|---|---|---|")


def spike(port: int, paths: list[str], *, clients: int, seconds: float, target: str = "",
          timeout: float = 10.0) -> SpikeResult:
    """``clients`` threads, each looping over ``paths`` on one keep-alive connection for ``seconds``."""
    result = SpikeResult(target or f"127.0.0.1:{port}", clients, seconds)
    lock = threading.Lock()
    start_gate = threading.Barrier(clients + 1)
    stop_at = [0.0]

    def client(offset: int) -> None:
        latencies, errors, samples = [], 0, []
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
        start_gate.wait()
        i = offset
        while time.monotonic() < stop_at[0]:
            path = paths[i % len(paths)]
            i += 1
            began = time.monotonic()
            try:
                connection.request("GET", path, headers={"Accept-Encoding": "gzip"})
                response = connection.getresponse()
                response.read()
                if response.status != 200:
                    errors += 1
                    samples.append(f"{path}: HTTP {response.status}")
                if response.getheader("Connection", "").lower() == "close":
                    connection.close()
            except (OSError, http.client.HTTPException) as error:
                errors += 1
                samples.append(f"{path}: {type(error).__name__}: {error}")
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
                continue
            latencies.append(time.monotonic() - began)
        connection.close()
        with lock:
            result.requests += len(latencies) + errors
            result.errors += errors
            result.latencies += latencies
            result.error_samples += samples[:3]

    threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(clients)]
    for thread in threads:
        thread.start()
    stop_at[0] = time.monotonic() + seconds
    start_gate.wait()
    for thread in threads:
        thread.join(seconds + timeout + 5)
    return result


def article_paths(port: int, segments: int = 5) -> list[str]:
    """The portal page of the first article and its first ``segments`` recordings (recorded now)."""
    slug = first_slug(port)
    status, _, body = get(port, f"/api/v1/articles/{slug}/speech")
    assert status == 200, body
    audio = [s["audio"] for s in json.loads(body)["segments"][:segments]]
    for path in audio:
        assert get(port, path)[0] == 200, path
    return [f"/articles/{slug}"] + audio


class Stack:
    """Fake upstream + gunicorn (2 workers) + nginx under a temporary folder."""

    def __init__(self, tmp: Path) -> None:
        self.fake = FakeGoogle().__enter__()
        self.app = Gunicorn(tmp / "data", self.fake.url, workers=2,
                            env={"TRODOC_THREADS": "16"}).start()
        self.nginx = Nginx(tmp / "nginx", self.app.port, self.app.audio_dir).start()

    def close(self) -> None:
        self.nginx.stop()
        self.app.stop()
        self.fake.__exit__(None, None, None)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=20.0)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="trodoc-spike-") as tmp:
        stack = Stack(Path(tmp))
        try:
            paths = article_paths(stack.app.port)
            results = [spike(stack.app.port, paths, clients=args.clients, seconds=args.seconds,
                             target="gunicorn (2 workers × 16 threads)"),
                       spike(stack.nginx.port, paths, clients=args.clients, seconds=args.seconds,
                             target="nginx → gunicorn")]
        finally:
            stack.close()
    print(f"Spike: portal article page + its 5 cached recordings, {args.clients} clients, keep-alive\n")
    print(HEADER)
    for result in results:
        print(result.row())
        for sample in result.error_samples[:5]:
            print(f"  error: {sample}", file=sys.stderr)
    return 1 if any(r.errors for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
