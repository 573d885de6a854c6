"""Cross-origin policy: which answers a page on another origin may read, and the preflights that ask.

Routes declare their policy with a decorator (``@cors.ANY_ORIGIN`` and the others below, or ``.post(bp, rule)``,
which also answers the route's preflight); one ``after_request`` hook
writes the headers, on every status (a page must be able to read the problem it caused). Reads of
``/api/v1/`` (``GET``, ``HEAD``) that declare nothing are public: published articles and their playlists.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar
from urllib.parse import urlsplit

from flask import Blueprint, Flask, Response, current_app, request

from ..problems import Problem

View = TypeVar("View", bound=Callable[..., object])
PUBLIC_READS = "/api/v1/"
PREFLIGHT_MAX_AGE = "600"


def allowed_origins() -> set[str]:
    """The origins that may request speech for their own text; the server's own origin always may."""
    configured = current_app.config["ALLOWED_ORIGINS"]
    origins = {o.strip().rstrip("/") for o in str(configured).split(",") if o.strip()}
    origins.add(request.host_url.rstrip("/"))
    return origins


def origin_allowed(origin: str) -> bool:
    """Whether a browser ``Origin`` is one of ``TRODOC_ALLOWED_ORIGINS`` (``*`` allows any)."""
    origins = allowed_origins()
    return "*" in origins or origin.rstrip("/") in origins


def check_origin() -> None:
    """Refuse a cross-origin request from an origin the operator did not list (403).

    A request without ``Origin`` comes from a program, not a page; it is still bound by the rate limits.
    """
    origin = request.headers.get("Origin")
    if origin and not origin_allowed(origin):
        host = urlsplit(origin).netloc or origin
        raise Problem(403, f"The origin {host} may not request speech from this server; the operator can add "
                      "it to TRODOC_ALLOWED_ORIGINS.", title="Origin not allowed")


@dataclass(frozen=True)
class Policy:
    """Who may read a route's answers from another origin, and which headers they may read.

    ``listed_only``: only ``TRODOC_ALLOWED_ORIGINS`` (their origin is reflected, hence ``Vary: Origin``);
    otherwise any origin (``*``). ``embeddable``: also loadable by pages that isolate themselves
    (``Cross-Origin-Resource-Policy``, for COEP: require-corp).
    """

    listed_only: bool = False
    expose: tuple[str, ...] = ()
    embeddable: bool = False

    def __call__(self, view: View) -> View:
        """Declare this policy for a view function (a decorator, below the route's)."""
        view.cors_policy = self  # type: ignore[attr-defined]
        return view

    def post(self, bp: Blueprint, rule: str) -> Callable[[View], View]:
        """Register a view for JSON ``POST``s to ``rule`` on ``bp`` under this policy, with the preflight
        that a page's browser sends first (``OPTIONS``, endpoint ``<view>_preflight``)."""

        def preflight() -> Response:
            return self.preflight()

        def register(view: View) -> View:
            bp.add_url_rule(rule, f"{view.__name__}_preflight", self(preflight), methods=["OPTIONS"])
            return bp.post(rule)(self(view))

        return register

    def apply(self, response: Response) -> Response:
        """Write this policy's headers onto ``response``."""
        headers = response.headers
        if self.listed_only:
            response.vary.add("Origin")
            origin = request.headers.get("Origin")
            if not origin or not origin_allowed(origin):
                return response
            headers["Access-Control-Allow-Origin"] = origin
        else:
            headers["Access-Control-Allow-Origin"] = "*"
        if self.expose:
            headers["Access-Control-Expose-Headers"] = ", ".join(self.expose)
        if self.embeddable:
            headers["Cross-Origin-Resource-Policy"] = "cross-origin"
        return response

    def preflight(self) -> Response:
        """The answer to a CORS preflight of a JSON ``POST``; a listed-only route refuses other origins (403)."""
        if self.listed_only:
            check_origin()
        response = Response(status=204)
        response.headers["Access-Control-Allow-Methods"] = "POST, OPTIONS"
        response.headers["Access-Control-Allow-Headers"] = "Content-Type"
        response.headers["Access-Control-Max-Age"] = PREFLIGHT_MAX_AGE
        return response


# Any page: reads of the API (published articles, their playlists) and the widget's anonymous counts (every
# page with the widget may send them; only allowed origins are counted).
ANY_ORIGIN = Policy()
# Text a host page sends to be read: only the operator's origins, which must be able to read their 4xx
# problems and a 429's Retry-After.
ALLOWED_ORIGINS = Policy(listed_only=True, expose=("Retry-After",))
# The loader and its bundles: any page may embed them, including pages that isolate themselves.
SCRIPT = Policy(embeddable=True)
# Recordings, embedded on other sites' pages: players read their status, ranges and which voice spoke.
AUDIO = Policy(expose=("Content-Length", "Content-Range", "Accept-Ranges", "ETag", "X-Trodoc-Engine",
                       "X-Trodoc-Voice-Rank"), embeddable=True)


def policy_of_request() -> Policy | None:
    """The policy of the route that answered this request, if any."""
    view = current_app.view_functions.get(request.endpoint or "")
    declared = getattr(view, "cors_policy", None)
    if declared is not None:
        return declared
    if request.method in ("GET", "HEAD") and request.path.startswith(PUBLIC_READS):
        return ANY_ORIGIN
    return None


def _write(response: Response) -> Response:
    policy = policy_of_request()
    return policy.apply(response) if policy else response


def init_app(app: Flask) -> None:
    """Install the hook that writes each route's cross-origin headers."""
    app.after_request(_write)
