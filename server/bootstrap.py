"""A database's first start: its schema and the sample articles, exactly once.

Constructing the app touches no database (a CLI call, a test or a gunicorn worker costs no query); the first
request of each process, and the commands that use the database, call :func:`prepare`. Several processes or
machines starting together on one empty database take a lock first — PostgreSQL's advisory lock, MariaDB's
``GET_LOCK``, a file lock beside a SQLite file — so one creates the tables and loads the samples while the
others wait and then find them there.
"""
from __future__ import annotations

import fcntl
import functools
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import click
from flask import Flask, current_app, request
from flask.cli import AppGroup, with_appcontext
from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError

from .articles import models as _articles  # noqa: F401  (each model module registers its tables)
from .articles.samples import load_samples_if_empty
from .audio import publish as _publish  # noqa: F401
from .audio import registry as _registry  # noqa: F401
from .db import db
from .usage import models as _usage  # noqa: F401

# Any constant both sides agree on: "trodoc" in ASCII, as PostgreSQL's bigint advisory key.
LOCK_KEY = 0x74726F646F63
LOCK_NAME = "trodoc.bootstrap"
LOCK_WAIT = 60  # seconds: more than any schema creation with the samples takes
# Commands that need no schema (the widget's build) or prepare it themselves (db init).
COMMANDS_WITHOUT_DATABASE = frozenset({"widget", "db"})
# What answers even when the database cannot be prepared: static files, the widget's loader, and the
# reports on the parts (they say the database is down instead of failing with it).
BLUEPRINTS_WITHOUT_DATABASE = frozenset({"health", "metrics", "widget"})


@contextmanager
def _file_lock(database: str | None) -> Iterator[None]:
    if not database or database == ":memory:":
        yield
        return
    with open(database + ".bootstrap-lock", "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@contextmanager
def _database_lock(connection: Connection) -> Iterator[None]:
    dialect = connection.dialect.name
    if dialect == "postgresql":
        connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": LOCK_KEY})
        try:
            yield
        finally:
            connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": LOCK_KEY})
    elif dialect in ("mysql", "mariadb"):
        connection.execute(text("SELECT GET_LOCK(:name, :wait)"), {"name": LOCK_NAME, "wait": LOCK_WAIT})
        try:
            yield
        finally:
            connection.execute(text("SELECT RELEASE_LOCK(:name)"), {"name": LOCK_NAME})
    else:
        with _file_lock(connection.engine.url.database):
            yield


def prepare(load_samples: bool | None = None) -> int:
    """Create missing tables (existing ones and their rows are left untouched) and, when the article store
    is empty, load the samples (default: the ``LOAD_SAMPLES`` setting), all under the lock; returns how many
    samples were loaded."""
    if load_samples is None:
        load_samples = bool(current_app.config["LOAD_SAMPLES"])
    with db.engine.connect() as connection, _database_lock(connection):
        connection.commit()  # the lock belongs to the connection; no transaction stays open around the work
        db.metadata.create_all(db.engine)
        return load_samples_if_empty() if load_samples else 0


db_cli = AppGroup("db", help="Database set-up.")


@db_cli.command("init")
@click.option("--samples/--no-samples", default=True, help="Load the sample articles into an empty database.")
def init_command(samples: bool) -> None:
    """Create the tables (existing data is kept) and load the samples when the store is empty."""
    loaded = prepare(samples)
    click.echo(f"Database ready; {loaded} sample article(s) loaded.")


def _prepared_first(command: click.Command) -> None:
    # Every command that reads or writes articles, segments or counts finds the schema there, as a
    # request does; groups pass it on to each of their commands.
    if isinstance(command, click.Group):
        for child in command.commands.values():
            _prepared_first(child)
        return
    callback: Callable[..., Any] = command.callback  # type: ignore[assignment]
    if getattr(callback, "prepares_first", False):
        return  # the command objects are the modules', shared by every app of the process: wrapped once

    @functools.wraps(callback)
    @with_appcontext
    def run(*args: Any, **kwargs: Any) -> Any:
        prepare()
        return callback(*args, **kwargs)

    run.prepares_first = True  # type: ignore[attr-defined]
    command.callback = run


def init_app(app: Flask) -> None:
    """Prepare the database before the first request of this process (a failure, such as the database being
    down, is answered like any database failure and tried again on the next request), and
    before every command of the app's CLI but :data:`COMMANDS_WITHOUT_DATABASE`. Call it after the other
    command groups are registered."""
    state = {"ready": False, "lock": threading.Lock()}

    def first_request() -> None:
        if state["ready"]:
            return
        try:
            with state["lock"]:
                if not state["ready"]:
                    prepare()
                    state["ready"] = True
        except SQLAlchemyError:
            if request.endpoint != "static" and request.blueprint not in BLUEPRINTS_WITHOUT_DATABASE:
                raise
            db.session.rollback()  # they answer without the schema, and report the database's state

    # Ahead of every other hook: some of them query (the recording queue's poll).
    app.before_request_funcs.setdefault(None, []).insert(0, first_request)

    for name, command in app.cli.commands.items():
        if name not in COMMANDS_WITHOUT_DATABASE:
            _prepared_first(command)
    app.cli.add_command(db_cli)
