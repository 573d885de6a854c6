"""Bearer-token protection for article writes."""
from __future__ import annotations

import functools
import hmac
from collections.abc import Callable

from flask import current_app, request

from ..problems import Problem

CHALLENGE = 'Bearer realm="trodoc"'


def require_token(view: Callable) -> Callable:
    """Refuse the request unless it carries ``Authorization: Bearer <TRODOC_API_TOKEN>``."""

    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        expected = current_app.config["API_TOKEN"]
        if not expected:
            raise Problem(403, "Article writes are disabled on this server: set TRODOC_API_TOKEN to enable them.",
                          title="Writes disabled")
        scheme, _, given = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not given:
            raise Problem(401, "This request needs an 'Authorization: Bearer <token>' header.",
                          title="Unauthorized", headers={"WWW-Authenticate": CHALLENGE})
        # Constant-time comparison so response timing does not leak how much of a guess was right.
        if not hmac.compare_digest(given.strip().encode(), expected.encode()):
            raise Problem(401, "The bearer token is not valid.", title="Unauthorized",
                          headers={"WWW-Authenticate": CHALLENGE + ', error="invalid_token"'})
        return view(*args, **kwargs)

    return wrapped
