"""A database's first start: nothing at construction, the schema and samples on first use, exactly once
even when several processes start together on one empty database."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import sqlalchemy as sa

from server import create_app
from server.articles.samples import sample_articles
from server.db import db
from server.usage.cli import stats_command

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = len(sample_articles())
# One process of a fleet starting at the same moment: constructs the app, answers its first request.
FIRST_REQUEST = """
import json, sys, time
from server import create_app
start = float(sys.argv[1])
app = create_app({"DATABASE_URL": sys.argv[2], "AUDIO_DIR": sys.argv[3], "TTS_RECORD_ON_PUBLISH": False})
time.sleep(max(0.0, start - time.time()))
response = app.test_client().get("/api/v1/articles?per_page=100")
print(json.dumps({"status": response.status_code, "total": response.get_json().get("total")}))
"""


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fresh_app(database_url: str, tmp_path: Path, **config):
    return create_app({"DATABASE_URL": database_url, "AUDIO_DIR": str(tmp_path / "audio"),
                       "TTS_RECORD_ON_PUBLISH": False, **config})


def test_constructing_the_app_touches_no_database(tmp_path):
    sqlite_file = tmp_path / "never.db"
    fresh_app(f"sqlite:///{sqlite_file}", tmp_path)
    assert not sqlite_file.exists()
    # A PostgreSQL nobody listens on: construction does not notice.
    fresh_app(f"postgresql+psycopg://postgres@127.0.0.1:{closed_port()}/none", tmp_path)


def test_the_first_request_creates_the_schema_and_loads_the_samples(database_url, tmp_path):
    client = fresh_app(database_url, tmp_path).test_client()
    response = client.get("/api/v1/articles?per_page=100")
    assert response.status_code == 200
    assert response.get_json()["total"] == SAMPLES
    assert client.get("/api/v1/articles?per_page=100").get_json()["total"] == SAMPLES, "loaded once"


def test_a_first_request_for_health_prepares_the_database_too(database_url, tmp_path):
    app = fresh_app(database_url, tmp_path)
    assert app.test_client().get("/healthz").status_code == 200
    with app.app_context():
        assert {"articles", "speech_segments", "recording_queue"} <= set(sa.inspect(db.engine).get_table_names())


def test_without_samples_the_store_starts_empty(database_url, tmp_path):
    client = fresh_app(database_url, tmp_path, LOAD_SAMPLES=False).test_client()
    assert client.get("/api/v1/articles").get_json()["total"] == 0


def test_a_command_on_a_new_database_finds_its_schema(database_url, tmp_path):
    app = fresh_app(database_url, tmp_path)
    result = app.test_cli_runner().invoke(args=["articles", "list"])
    assert result.exit_code == 0, result.output
    assert len(result.output.strip().splitlines()) == SAMPLES


def test_each_command_is_wrapped_once_however_many_apps_a_process_builds(tmp_path):
    # The command objects belong to their modules, so every app of a process shares them: a wrapper per app
    # would nest until a command hit the recursion limit.
    for _ in range(3):
        fresh_app(f"sqlite:///{tmp_path / 't.db'}", tmp_path)
    assert stats_command.callback.prepares_first
    assert not getattr(stats_command.callback.__wrapped__, "prepares_first", False)


def test_db_init_creates_the_schema_without_samples_when_asked(database_url, tmp_path):
    app = fresh_app(database_url, tmp_path)
    result = app.test_cli_runner().invoke(args=["db", "init", "--no-samples"])
    assert result.exit_code == 0 and "0 sample article(s)" in result.output
    with app.app_context():
        assert sa.inspect(db.engine).has_table("articles")


def test_a_database_down_at_the_first_request_is_a_503_and_health_still_answers(tmp_path):
    client = fresh_app(f"postgresql+psycopg://postgres@127.0.0.1:{closed_port()}/none", tmp_path).test_client()
    articles = client.get("/api/v1/articles")
    assert articles.status_code == 503 and articles.mimetype == "application/problem+json"
    assert articles.headers["Retry-After"]
    health = client.get("/healthz")
    assert health.status_code == 503 and health.get_json()["status"] == "down"


def test_processes_starting_together_on_one_empty_database_prepare_it_once(database_url, tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRODOC_")}
    start = time.time() + 3  # every process has imported the app by then and asks at the same moment
    processes = [subprocess.Popen([sys.executable, "-c", FIRST_REQUEST, str(start), database_url,
                                   str(tmp_path / f"audio{n}")], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True) for n in range(6)]
    answers = []
    for process in processes:
        out, err = process.communicate(timeout=60)
        assert process.returncode == 0, err[-2000:]
        answers.append(json.loads(out.strip().splitlines()[-1]))
    assert answers == [{"status": 200, "total": SAMPLES}] * 6
