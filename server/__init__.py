"""Trợ Đọc: the Flask service behind the reading-accessibility widget."""
from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from flask import Flask

from .config import load_config

# Static files (and the built widget) live at the top of the repository, beside server/.
STATIC_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "static")


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build the application: defaults, then ``TRODOC_*`` environment variables, then ``config``."""
    app = Flask(__name__, instance_relative_config=True, static_folder=STATIC_DIR)
    load_config(app, config)
    app.json.ensure_ascii = False  # Vietnamese stays readable in every JSON answer
    app.json.sort_keys = False  # fields keep the order of the documented contract (docs/)
    os.makedirs(app.instance_path, exist_ok=True)

    from . import assets, audio, bootstrap, db, problems
    from .articles import cli as articles_cli
    from .audio import cli as audio_cli
    from .usage import cli as usage_cli
    from .web import api, cors, embed, health, limits, metrics, openapi, pages, playlists, security, usage, widget
    from .web import audio as audio_web

    db.init_app(app)
    problems.init_app(app)
    metrics.init_app(app)
    security.init_app(app)
    cors.init_app(app)
    limits.init_app(app)
    assets.init_app(app)
    audio.init_app(app)
    playlists.init_app(app)
    for blueprint in (pages.bp, health.bp, metrics.bp, api.bp, audio_web.bp, openapi.bp, usage.bp, widget.bp, embed.bp):
        app.register_blueprint(blueprint)
    for commands in (articles_cli, audio_cli, usage_cli):
        commands.init_app(app)
    bootstrap.init_app(app)
    return app
