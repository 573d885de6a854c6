"""Real processes for the ops suite: gunicorn (deploy/gunicorn.conf.py) and Debian's nginx on loopback.

Every process is started with a bounded wait, stopped in the fixture's teardown (SIGTERM, then SIGKILL after
a few seconds), and talks only to 127.0.0.1. The upstream is :class:`tests.fake_google.FakeGoogle`, which
runs in the test process, so tests switch its faults while gunicorn's workers call it over HTTP.
"""
from __future__ import annotations

import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.fake_google import FakeGoogle

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"

# The operator's settings of the ops apps; what follows from them is shortened for tests (below).
FAST_ENV = {
    "TRODOC_TTS_ENGINES": "gtts",
    "TRODOC_TTS_REQUEST_BUDGET": "2.5",
    "TRODOC_RATELIMIT_PER_CLIENT": "100000 per minute",
    "TRODOC_RATELIMIT_PER_ORIGIN": "100000 per minute",
    "TRODOC_RATELIMIT_SYNTHESIS": "100000 per minute",
}
# Upstream timeouts small enough for tests, ratios as in production (tests/audio/conftest.py FAST), given
# to the app factory in gunicorn's app spec (they are not environment settings).
FAST_TUNING = {
    "TTS_CONNECT_TIMEOUT": 0.5,
    "TTS_READ_TIMEOUT": 1.0,
    "TTS_RETRY_TRIES": 2,
    "TTS_RETRY_BASE": 0.02,
    "TTS_RETRY_CAP": 0.1,
    "TTS_BREAKER_THRESHOLD": 3,
    "TTS_BREAKER_COOLDOWN": 1.5,
    "TTS_BACKGROUND_BUDGET": 2.5,
    "TTS_FALLBACK_RESERVE": 0.5,
    "TTS_LOOKAHEAD": 0,
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def request(port: int, method: str, path: str, body: bytes | None = None, headers: dict | None = None,
            timeout: float = 10.0) -> tuple[int, dict[str, str], bytes]:
    """One HTTP request on a fresh connection: (status, headers with lower-case names, body)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        data = response.read()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, data
    finally:
        connection.close()


def get(port: int, path: str, **options) -> tuple[int, dict[str, str], bytes]:
    return request(port, "GET", path, **options)


def post_json(port: int, path: str, payload, headers: dict | None = None, **options):
    return request(port, "POST", path, json.dumps(payload).encode(),
                   {"Content-Type": "application/json", **(headers or {})}, **options)


def wait_until(check, timeout: float, interval: float = 0.05, what: str = "condition"):
    end = time.monotonic() + timeout
    last = None
    while time.monotonic() < end:
        try:
            result = check()
            if result:
                return result
        except OSError as error:
            last = error
        time.sleep(interval)
    raise AssertionError(f"{what} not reached within {timeout} s (last error: {last})")


def children(pid: int) -> list[int]:
    """Child pids of ``pid`` (gunicorn's workers), from ``pgrep -P``."""
    found = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()
    return [int(p) for p in found]


class Gunicorn:
    """``gunicorn -c deploy/gunicorn.conf.py`` on a free loopback port, with its data in ``data_dir``."""

    def __init__(self, data_dir: Path, upstream: str, *, workers: int = 2, env: dict | None = None,
                 database_url: str | None = None, tuning: dict | None = None) -> None:
        self.data_dir = data_dir
        self.audio_dir = data_dir / "audio"
        self.database_url = database_url or f"sqlite:///{data_dir / 'trodoc.db'}"
        self.upstream = upstream
        self.workers = workers
        self.extra_env = dict(env or {})
        self.tuning = {**FAST_TUNING, **(tuning or {})}
        self.port = 0
        self.process: subprocess.Popen | None = None
        self.log_path = data_dir / "gunicorn.log"

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("TRODOC_")}
        env.update(FAST_ENV)
        env.update({
            "TRODOC_DATABASE_URL": self.database_url,
            "TRODOC_AUDIO_DIR": str(self.audio_dir),
            "TRODOC_GTTS_URL": self.upstream,
        })
        env.update(self.extra_env)
        return env

    def start(self, timeout: float = 20.0) -> Gunicorn:
        self.port = self.port or free_port()
        self.data_dir.mkdir(parents=True, exist_ok=True)
        log = open(self.log_path, "ab")
        self.process = subprocess.Popen(
            [str(VENV_BIN / "gunicorn"), "-c", "deploy/gunicorn.conf.py", "--access-logfile", "-",
             "--bind", f"127.0.0.1:{self.port}", "--workers", str(self.workers),
             f"server:create_app({self.tuning!r})"],
            cwd=ROOT, env=self.env(), stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        log.close()

        def ready():
            if self.process.poll() is not None:
                raise AssertionError(f"gunicorn exited:\n{self.log()}")
            return get(self.port, "/healthz", timeout=2)[0] == 200 and len(children(self.process.pid)) >= self.workers

        wait_until(ready, timeout, what="gunicorn /healthz")
        return self

    def worker_pids(self) -> list[int]:
        return children(self.process.pid)

    def stop(self, graceful: bool = False) -> None:
        """Stop gunicorn: SIGTERM (graceful, as an operator's restart does) or SIGQUIT (quick, for teardown)."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM if graceful else signal.SIGQUIT)
        try:
            self.process.wait(timeout=8)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=5)

    def log(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-4000:]
        except OSError:
            return ""


def render_nginx_conf(tmp: Path, port: int, upstream_ports: list[int], audio_dir: Path) -> str:
    """deploy/nginx-trodoc.conf made runnable unprivileged-style under ``tmp`` on loopback, in front of the
    app processes on ``upstream_ports`` (one per machine of a cluster)."""
    site = (ROOT / "deploy" / "nginx-trodoc.conf").read_text()
    site = site.replace("/srv/trodoc/instance/audio", str(audio_dir))
    site = site.replace("/var/lib/nginx/trodoc", str(tmp / "cache"))
    site = site.replace("/srv/trodoc", str(ROOT))
    site = site.replace("listen 80;", f"listen 127.0.0.1:{port};")
    site = site.replace("    server 127.0.0.1:8000;\n",
                        "".join(f"    server 127.0.0.1:{upstream};\n" for upstream in upstream_ports))
    assert f"listen 127.0.0.1:{port};" in site and all(f"127.0.0.1:{p};" in site for p in upstream_ports)
    user = "user root;\n" if os.geteuid() == 0 else ""  # workers must read the 0700 pytest folders
    temps = "".join(f"{name}_temp_path {tmp / name};\n"
                    for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    return (f"{user}worker_processes 2;\nevents {{ worker_connections 1024; }}\n"
            f"http {{\ninclude /etc/nginx/mime.types;\naccess_log off;\n{temps}{site}\n}}\n")


class Nginx:
    """Debian's nginx with deploy/nginx-trodoc.conf in front of one app port, or several."""

    def __init__(self, tmp: Path, upstream: int | list[int], audio_dir: Path) -> None:
        self.tmp = tmp
        self.port = free_port()
        tmp.mkdir(parents=True, exist_ok=True)
        ports = upstream if isinstance(upstream, list) else [upstream]
        (tmp / "nginx.conf").write_text(render_nginx_conf(tmp, self.port, ports, audio_dir))
        self.process: subprocess.Popen | None = None

    def start(self, timeout: float = 10.0) -> Nginx:
        directives = f"daemon off; pid {self.tmp / 'nginx.pid'}; error_log {self.tmp / 'error.log'};"
        self.process = subprocess.Popen([NGINX, "-p", str(self.tmp), "-c", str(self.tmp / "nginx.conf"),
                                         "-g", directives], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                        start_new_session=True)

        def ready():
            if self.process.poll() is not None:
                raise AssertionError(f"nginx exited: {self.process.stderr.read().decode(errors='replace')}")
            return get(self.port, "/healthz", timeout=2)[0] == 200

        wait_until(ready, timeout, what="nginx")
        return self

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGQUIT)
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=5)


@pytest.fixture(scope="session")
def built_assets():
    """static/gen holds the widget bundles (built once when missing)."""
    gen = ROOT / "static" / "gen"
    if not any(gen.glob("trodoc-*.js")):
        subprocess.run([str(VENV_BIN / "flask"), "--app", "server", "assets", "build"], cwd=ROOT, check=True,
                       timeout=120)
    return gen


@pytest.fixture
def upstream(fake_google):
    """The fake Google for one test, by the name these tests give it (they switch its faults)."""
    return fake_google


@pytest.fixture
def service(tmp_path, upstream):
    """Start gunicorn instances on ``upstream``; each is stopped at teardown."""
    started: list[Gunicorn] = []

    def start(data_dir: Path | None = None, upstream_url: str | None = None, **options) -> Gunicorn:
        server = Gunicorn(data_dir or tmp_path / "data", upstream_url or upstream.url, **options).start()
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


@pytest.fixture(scope="module")
def stack(tmp_path_factory, built_assets):
    """gunicorn (2 workers) with nginx in front, shared by a module's read-only tests."""
    tmp = tmp_path_factory.mktemp("stack")
    with FakeGoogle() as fake:
        app = Gunicorn(tmp / "data", fake.url).start()
        proxy = Nginx(tmp / "nginx", app.port, app.audio_dir)
        try:
            proxy.start()
            yield {"app": app, "nginx": proxy, "upstream": fake}
        finally:
            proxy.stop()
            app.stop()


def first_slug(port: int) -> str:
    status, _, body = get(port, "/api/v1/articles")
    assert status == 200, body
    return json.loads(body)["items"][0]["slug"]


def playlist(port: int, texts: list[str]) -> list[dict]:
    status, _, body = post_json(port, "/api/v1/speech", {"lang": "vi", "blocks": texts})
    assert status == 200, body
    return json.loads(body)["segments"]
