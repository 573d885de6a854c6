"""The SQLAlchemy handle shared by every model, and database set-up on first start."""
from __future__ import annotations

from flask import Flask
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    pass


db = SQLAlchemy(model_class=Base)


def init_app(app: Flask) -> None:
    """Bind the database and, on first start, create the schema and load the sample articles."""
    db.init_app(app)
    app.teardown_appcontext(_end_session)
    with app.app_context():
        create_schema()
        if app.config["LOAD_SAMPLES"]:
            from .articles.samples import load_samples_if_empty

            load_samples_if_empty()


def _end_session(_error: BaseException | None) -> None:
    # Runs before Flask-SQLAlchemy's own teardown (teardowns run last registered first). When the database
    # went away after the response was made, ending the session fails (its rollback has no connection):
    # the connection is dropped instead (the pool's pre-ping replaces it), so the listener still gets the
    # response rather than a 500 from outside the app's error handling.
    try:
        db.session.remove()
    except DBAPIError:
        try:
            db.session().invalidate()
        except DBAPIError:
            pass
        db.session.registry.clear()


def create_schema() -> None:
    """Create missing tables; existing tables and their rows are left untouched."""
    from .articles import models  # noqa: F401  (registers the tables)
    from .audio import publish as audio_publish  # noqa: F401
    from .audio import registry as audio_registry  # noqa: F401
    from .usage import models as usage_models  # noqa: F401

    db.create_all()
