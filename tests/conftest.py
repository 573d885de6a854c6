"""Shared fixtures: a real app on a real database in a temporary instance folder.

Every test that uses ``make_app`` runs on SQLite, and again on PostgreSQL when
``TRODOC_TEST_DATABASE_URL`` points at one (``.ci/run`` sets it); each PostgreSQL test gets a schema of its own.
"""
from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa

from server import create_app
from server.bootstrap import prepare
from server.db import db
from tests.fake_google import FakeGoogle

TOKEN = "test-token-Đăk-Song"
POSTGRES_URL = os.environ.get("TRODOC_TEST_DATABASE_URL", "")
REDIS_URL = os.environ.get("TRODOC_TEST_REDIS_URL", "")
BACKENDS = ["sqlite"] + (["postgresql"] if POSTGRES_URL else [])
# Browsers, Xvfb, PulseAudio, whole gunicorn and nginx stacks, and timings measured under load: these suites
# run alone (``-m serial``), after the rest has run in parallel workers.
SERIAL_SUITES = [Path(__file__).parent / name for name in ("browser", "engines", "ops")]


def pytest_collection_modifyitems(items):
    for item in items:
        if any(suite in item.path.parents for suite in SERIAL_SUITES):
            item.add_marker(pytest.mark.serial)


def pytest_terminal_summary(terminalreporter):
    if not POSTGRES_URL:
        terminalreporter.write_line(
            "NOTE: TRODOC_TEST_DATABASE_URL is not set: the PostgreSQL-backed suite did NOT run.", yellow=True)
    if not REDIS_URL:
        terminalreporter.write_line(
            "NOTE: TRODOC_TEST_REDIS_URL is not set: the Redis-backed suite did NOT run.", yellow=True)


@pytest.fixture(params=BACKENDS)
def database_url(request, tmp_path):
    """A fresh, empty database: an SQLite file, or a private schema in the test PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'trodoc.db'}"
        return
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    separator = "&" if "?" in POSTGRES_URL else "?"
    yield f"{POSTGRES_URL}{separator}options=-csearch_path%3D{schema}"
    with admin.connect() as connection:
        connection.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


@pytest.fixture
def make_app(tmp_path, database_url):
    """A factory of real apps sharing one database and audio folder under ``tmp_path``."""
    apps = []

    def make(**config):
        settings = {
            "TESTING": True,
            "DATABASE_URL": database_url,
            "AUDIO_DIR": str(tmp_path / "audio"),
            "API_TOKEN": TOKEN,
            # Articles written by the API tests are not recorded in the background (they would reach for
            # Google's real endpoint); tests/audio/test_audio_publish.py turns it on against the fake.
            "TTS_RECORD_ON_PUBLISH": False,
        }
        settings.update(config)
        app = create_app(settings)
        apps.append(app)
        with app.app_context():
            prepare()  # as the first request does, for tests that use the database outside a request
        return app

    yield make
    for app in apps:
        with app.app_context():
            db.engine.dispose()


@pytest.fixture
def fake_google():
    """A running local fake of Google's batchexecute endpoint (tests/fake_google.py)."""
    with FakeGoogle() as fake:
        yield fake


@pytest.fixture
def app(make_app):
    return make_app()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def auth():
    return {"Authorization": f"Bearer {TOKEN}"}
