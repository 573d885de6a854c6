"""Cached segment throughput: gunicorn (2 workers) serving ``/audio/<id>.mp3`` vs nginx serving the same file.

Run: ``.venv/bin/python -m bench.audio_throughput``. nginx (Debian ``nginx-light``) is the ceiling: the ratio
says how much of a static file server's rate the Flask route keeps. The load generator is Python (several
processes of keep-alive ``http.client`` loops), identical for both servers; on a small machine it shares the
CPUs with the server under test, so absolute numbers are low and the ratio is the point.
"""
from __future__ import annotations

import argparse
import getpass
import http.client
import multiprocessing
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager

from server import bootstrap, create_app
from server.audio import audio_service
from server.audio.engines import Deadline
from server.audio.registry import SpeechJob, Voice, register_playlist
from server.speech import segment_blocks
from tests.fake_google import FakeGoogle

SEGMENTS = segment_blocks(["Huyện Đăk Song kiểm tra công tác cải cách hành chính."])
VOICE = Voice("vi", "gtts")
SEGMENT = SpeechJob(SEGMENTS[0].id, SEGMENTS[0].spoken, VOICE)
NGINX_CONF = """
worker_processes 2;
user {user};
pid {root}/nginx.pid;
error_log {root}/nginx-error.log;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    types {{ audio/mpeg mp3; }}
    client_body_temp_path {root}/tmp; proxy_temp_path {root}/tmp; fastcgi_temp_path {root}/tmp;
    uwsgi_temp_path {root}/tmp; scgi_temp_path {root}/tmp;
    server {{
        listen 127.0.0.1:{port};
        location = /audio/{id}.mp3 {{ alias {audio}/{shard}/{id}.mp3; }}
    }}
}}
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(port: int, path: str, timeout: float = 15.0) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            connection.request("GET", path)
            if connection.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"nothing answered on port {port}")


def prepare(folder: str) -> dict[str, str]:
    """A database and audio folder holding one recorded segment; returns the app's environment."""
    env = {"TRODOC_DATABASE_URL": f"sqlite:///{folder}/trodoc.db", "TRODOC_AUDIO_DIR": f"{folder}/audio",
           "TRODOC_TTS_ENGINES": "gtts"}
    with FakeGoogle() as fake:
        app = create_app({"DATABASE_URL": env["TRODOC_DATABASE_URL"], "AUDIO_DIR": env["TRODOC_AUDIO_DIR"],
                          "GTTS_URL": fake.url, "TTS_ENGINES": "gtts"})
        with app.app_context():
            bootstrap.prepare()
            register_playlist(SEGMENTS, VOICE)
        audio_service(app).record(SEGMENT, Deadline(10))
        audio_service(app).close()
    return env


@contextmanager
def serving(command: list[str], port: int, env: dict[str, str] | None = None) -> Iterator[None]:
    """Run a server process until the block ends, once it answers for the recorded segment."""
    process = subprocess.Popen(command, env={**os.environ, **(env or {})})
    try:
        wait_for(port, f"/audio/{SEGMENT.segment_id}.mp3")
        yield
    finally:
        process.terminate()
        process.wait(10)


def gunicorn(env: dict[str, str], port: int):
    """The app under gunicorn, 2 workers."""
    return serving([os.path.join(os.path.dirname(sys.executable), "gunicorn"), "-w", "2",
                    "-b", f"127.0.0.1:{port}", "--log-level", "warning", "server:create_app()"], port, env)


def nginx(folder: str, audio: str, port: int):
    """nginx serving the same audio folder straight from disk: the ceiling."""
    os.makedirs(f"{folder}/tmp", exist_ok=True)
    conf = f"{folder}/nginx.conf"
    with open(conf, "w", encoding="utf-8") as handle:
        handle.write(NGINX_CONF.format(user=getpass.getuser(), root=folder, port=port, audio=audio,
                                       id=SEGMENT.segment_id,
                                       shard=f"{SEGMENT.segment_id[:2]}/{SEGMENT.segment_id[2:4]}"))
    return serving([shutil.which("nginx") or "/usr/sbin/nginx", "-p", folder, "-c", conf, "-g", "daemon off;"],
                   port)


def _hammer(args: tuple[int, str, float]) -> int:
    port, path, seconds = args
    done, end = 0, time.monotonic() + seconds
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    while time.monotonic() < end:
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            done += response.status == 200
            if response.getheader("Connection", "").lower() == "close":
                connection.close()
        except (OSError, http.client.HTTPException):
            connection.close()
    return done


def load(port: int, clients: int, seconds: float) -> float:
    """Requests per second over ``clients`` concurrent keep-alive loops."""
    path = f"/audio/{SEGMENT.segment_id}.mp3"
    with multiprocessing.Pool(clients) as pool:
        return sum(pool.map(_hammer, [(port, path, seconds)] * clients)) / seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--clients", type=int, default=4)
    args = parser.parse_args()
    if not shutil.which("nginx") and not os.path.exists("/usr/sbin/nginx"):
        sys.exit("nginx is not installed: apt-get install nginx-light")
    with tempfile.TemporaryDirectory() as folder:
        env = prepare(folder)
        ours_port, nginx_port = free_port(), free_port()
        with gunicorn(env, ours_port):
            ours = load(ours_port, args.clients, args.seconds)
        with nginx(folder, env["TRODOC_AUDIO_DIR"], nginx_port):
            ceiling = load(nginx_port, args.clients, args.seconds)
    print(f"One cached segment, {args.clients} client processes, {args.seconds:g} s each, {os.cpu_count()} CPUs.\n")
    print("| server | requests/s | share of nginx |")
    print("|---|---|---|")
    print(f"| gunicorn, 2 sync workers, `/audio/<id>.mp3` | {ours:,.0f} | {ours / ceiling:.0%} |")
    print(f"| nginx, 2 workers, same file (ceiling) | {ceiling:,.0f} | 100% |")


if __name__ == "__main__":
    main()
