"""Rate limits (Flask-Limiter): per client address and per origin, on work that costs upstream requests."""
from __future__ import annotations

import math
import time

from flask import Flask, Response, current_app, request
from flask_limiter import Limiter, RateLimitExceeded
from flask_limiter.util import get_remote_address

from ..problems import problem_response

limiter = Limiter(key_func=get_remote_address, default_limits=[], headers_enabled=True)


def origin_key() -> str:
    """The page origin a request comes from (programs without ``Origin`` share one bucket per address)."""
    return request.headers.get("Origin") or f"no-origin:{get_remote_address()}"


def client_limit() -> str:
    return current_app.config["RATELIMIT_PER_CLIENT"]


def origin_limit() -> str:
    return current_app.config["RATELIMIT_PER_ORIGIN"]


def _too_many(error: RateLimitExceeded) -> Response:
    reset = getattr(getattr(limiter, "current_limit", None), "reset_at", None)
    retry_after = max(1, math.ceil(reset - time.time())) if reset else 60
    return problem_response(429, "Too Many Requests",
                            f"Rate limit of {error.description} reached; try again in {retry_after} s.",
                            {"Retry-After": str(retry_after)})


def init_app(app: Flask) -> None:
    """Bind the limiter to ``TRODOC_RATELIMIT_STORAGE_URL`` (``memory://`` or ``redis://…``)."""
    app.config["RATELIMIT_STORAGE_URI"] = app.config["RATELIMIT_STORAGE_URL"]
    app.config.setdefault("RATELIMIT_ENABLED", True)
    limiter.init_app(app)
    app.register_error_handler(RateLimitExceeded, _too_many)
