"""Errors as RFC 9457 problem details (``application/problem+json``), everywhere."""
from __future__ import annotations

from typing import Any

from flask import Flask, Response, current_app, json, render_template, request
from sqlalchemy.exc import InterfaceError, OperationalError
from werkzeug.exceptions import HTTPException, InternalServerError

PROBLEM_TYPE = "about:blank"


class Problem(HTTPException):
    """An HTTP error with a problem-details body; raise it from any view."""

    def __init__(self, status: int, detail: str, *, title: str | None = None,
                 headers: dict[str, str] | None = None, **extra: Any) -> None:
        super().__init__(description=detail)
        self.code = status
        self.title = title
        self.extra = extra
        self.extra_headers = headers or {}


def problem_response(status: int, title: str, detail: str,
                     headers: dict[str, str] | None = None, **extra: Any) -> Response:
    """Render a problem-details response."""
    body = {"type": PROBLEM_TYPE, "title": title, "status": status, "detail": detail, **extra}
    response = Response(json.dumps(body), status=status, mimetype="application/problem+json")
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def _wants_html() -> bool:
    # Citizens who mistype an article address get a page; programs (and the API) get problem+json.
    if request.blueprint != "pages":
        return False
    best = request.accept_mimetypes.best_match(["application/problem+json", "application/json", "text/html"])
    return best == "text/html"


def _handle_http(error: HTTPException) -> Response:
    status = error.code or 500
    title = getattr(error, "title", None) or error.name
    detail = error.description or title
    headers = dict(getattr(error, "extra_headers", {}))
    for name, value in error.get_headers():
        if name.lower() not in ("content-type", "content-length"):
            headers[name] = value
    if _wants_html():
        response = Response(render_template("error.html", status=status, title=title, detail=detail),
                            status=status, mimetype="text/html")
        response.headers.update(headers)
        return response
    return problem_response(status, title, detail, headers, **getattr(error, "extra", {}))


def _handle_unexpected(error: Exception) -> Response:
    # The operator gets the traceback in the log; the client learns nothing of the internals.
    current_app.logger.exception("Unhandled error on %s %s", request.method, request.path)
    return _handle_http(InternalServerError())


def _handle_database_down(error: OperationalError | InterfaceError) -> Response:
    # The database restarting or unreachable: this request fails, the next ones get fresh connections
    # (pool_pre_ping), so the client is told to retry shortly rather than that the server is broken.
    from .db import db

    current_app.logger.warning("database unavailable on %s %s: %s", request.method, request.path,
                               str(error).splitlines()[0])
    try:
        db.session.rollback()
    except Exception:  # the connection is gone: the pool discards it
        pass
    return _handle_http(Problem(503, "The database is not answering; try again in a few seconds.",
                                title="Service Unavailable", headers={"Retry-After": "2", "Cache-Control": "no-store"}))


def init_app(app: Flask) -> None:
    """Route every error through problem details."""
    app.register_error_handler(HTTPException, _handle_http)
    app.register_error_handler(OperationalError, _handle_database_down)
    app.register_error_handler(InterfaceError, _handle_database_down)
    app.register_error_handler(Exception, _handle_unexpected)
