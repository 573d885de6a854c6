"""Shared fixtures: a real app on a real database in a temporary instance folder."""
from __future__ import annotations

import pytest

from server import create_app
from server.db import db

TOKEN = "test-token-Đăk-Song"


@pytest.fixture
def make_app(tmp_path):
    """A factory of real apps, each with its own SQLite file and audio folder under ``tmp_path``."""
    apps = []

    def make(**config):
        settings = {
            "TESTING": True,
            "DATABASE_URL": f"sqlite:///{tmp_path / 'trodoc.db'}",
            "AUDIO_DIR": str(tmp_path / "audio"),
            "API_TOKEN": TOKEN,
        }
        settings.update(config)
        app = create_app(settings)
        apps.append(app)
        return app

    yield make
    for app in apps:
        with app.app_context():
            db.engine.dispose()


@pytest.fixture
def app(make_app):
    return make_app()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def auth():
    return {"Authorization": f"Bearer {TOKEN}"}
