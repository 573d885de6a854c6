"""Rate limits (Flask-Limiter): per client address and per origin, on work that costs upstream requests."""
from __future__ import annotations

import math
import time

from flask import Flask, Response, current_app, request
from flask_limiter import Limiter, RateLimitExceeded
from flask_limiter.util import get_remote_address
from limits import parse_many

from ..audio.breaker import CircuitBreaker
from ..audio.singleflight import REDIS_RETRY, REDIS_TIMEOUT
from ..problems import Problem, problem_response

limiter = Limiter(key_func=get_remote_address, default_limits=[], headers_enabled=True)


def origin_key() -> str:
    """The page origin a request comes from (programs without ``Origin`` share one bucket per address)."""
    return request.headers.get("Origin") or f"no-origin:{get_remote_address()}"


def client_limit() -> str:
    return current_app.config["RATELIMIT_PER_CLIENT"]


def origin_limit() -> str:
    return current_app.config["RATELIMIT_PER_ORIGIN"]


def synthesis_limit() -> str:
    return current_app.config["RATELIMIT_SYNTHESIS"]


# After a storage error these manual charges are skipped for REDIS_RETRY seconds.
_storage_breaker = CircuitBreaker(1, REDIS_RETRY)


def _charge(scope: str, limit: str, what: str, cost: int = 1) -> None:
    # A manual hit on the limiter's storage, for costs only known inside the view (cache miss, new rows).
    if not current_app.config.get("RATELIMIT_ENABLED", True) or not limiter.enabled:
        return
    if _storage_breaker.wait_time():
        return  # a Redis that does not answer would cost every listener its timeout
    key = get_remote_address()
    strategy = limiter.limiter
    for item in parse_many(limit):
        try:
            allowed = strategy.hit(item, scope, key, cost=cost)
        except Exception as error:  # the storage (Redis) is down: fail open, as the decorated limits do
            current_app.logger.warning("rate limit storage unavailable, %s not limited for %g s: %s",
                                       scope, REDIS_RETRY, error)
            _storage_breaker.failed()
            return
        _storage_breaker.succeeded()
        if not allowed:
            reset = strategy.get_window_stats(item, scope, key).reset_time
            retry_after = max(1, math.ceil(reset - time.time()))
            raise Problem(429, f"Rate limit of {item} on {what} reached; try again in {retry_after} s.",
                          title="Too Many Requests", headers={"Retry-After": str(retry_after)})


def charge_synthesis() -> None:
    """Count one request that makes the server call the speech engine (an uncached recording).

    Cached audio never comes here, so it is never limited. Raises a 429 problem with ``Retry-After`` when
    the client address has used up ``RATELIMIT_SYNTHESIS``.
    """
    _charge("synthesis", synthesis_limit(), "new recordings (recorded audio is not limited)")


def charge_new_segments(new: int) -> None:
    """Count ``new`` segments of text a host page sent that nobody registered before.

    Each client address may register at most ``RATELIMIT_NEW_SEGMENTS`` new segments; raises a 429 problem
    with ``Retry-After`` beyond. The operator's own articles never come here.
    """
    _charge("new-segments", current_app.config["RATELIMIT_NEW_SEGMENTS"], "new text segments", cost=new)


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
    # A Redis outage must not take the service down: limits fall back to per-process memory meanwhile,
    # and a storage error never turns a request into a 500.
    app.config.setdefault("RATELIMIT_IN_MEMORY_FALLBACK_ENABLED", True)
    app.config.setdefault("RATELIMIT_SWALLOW_ERRORS", True)
    if str(app.config["RATELIMIT_STORAGE_URL"]).startswith(("redis://", "rediss://")):
        # A Redis that does not answer costs a request at most these timeouts before the fallback.
        app.config.setdefault("RATELIMIT_STORAGE_OPTIONS", {"socket_timeout": REDIS_TIMEOUT,
                                                             "socket_connect_timeout": REDIS_TIMEOUT})
    limiter.init_app(app)
    app.register_error_handler(RateLimitExceeded, _too_many)
