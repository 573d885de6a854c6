"""The SQLAlchemy handle shared by every model; binding it to the app opens no connection."""
from __future__ import annotations

from flask import Flask
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    pass


db = SQLAlchemy(model_class=Base)


def init_app(app: Flask) -> None:
    """Bind the database (the schema is made on first use: :mod:`server.bootstrap`)."""
    db.init_app(app)
    app.teardown_appcontext(_end_session)


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

