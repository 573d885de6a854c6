"""Response headers that keep pages and the API safe to embed: CSP, CORS, and the usual hardening."""
from __future__ import annotations

from urllib.parse import urlsplit

from flask import Flask, Response, current_app, request
from werkzeug.middleware.proxy_fix import ProxyFix

from ..problems import Problem

# Pages run no inline script or style; the widget follows the same rules on host pages.
PAGE_CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            "media-src 'self' blob:; connect-src 'self'; font-src 'self'; object-src 'none'; "
            "base-uri 'self'; form-action 'self'; frame-ancestors 'self'")
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
SPEECH_ENDPOINTS = ("speech.text_speech", "speech.text_speech_preflight")  # POST/OPTIONS /api/v1/speech


def allowed_origins() -> set[str]:
    """The origins that may request speech for their own text; the server's own origin always may."""
    configured = current_app.config["ALLOWED_ORIGINS"]
    origins = {o.strip().rstrip("/") for o in str(configured).split(",") if o.strip()}
    origins.add(request.host_url.rstrip("/"))
    return origins


def origin_allowed(origin: str) -> bool:
    """Whether a browser ``Origin`` may use the speech API (``*`` allows any)."""
    origins = allowed_origins()
    return "*" in origins or origin.rstrip("/") in origins


def check_origin() -> None:
    """Refuse cross-origin speech requests from origins the operator did not list.

    A request without ``Origin`` comes from a program, not a page; it is still bound by the rate limits.
    """
    origin = request.headers.get("Origin")
    if origin and not origin_allowed(origin):
        host = urlsplit(origin).netloc or origin
        raise Problem(403, f"The origin {host} may not request speech from this server; the operator can add "
                      "it to TRODOC_ALLOWED_ORIGINS.", title="Origin not allowed")


def cors_preflight() -> Response:
    """Answer a CORS preflight for the speech API."""
    check_origin()
    response = Response(status=204)
    origin = request.headers.get("Origin")
    if origin:
        response.headers["Access-Control-Allow-Origin"] = origin
    response.headers["Access-Control-Allow-Methods"] = "POST, OPTIONS"
    response.headers["Access-Control-Allow-Headers"] = "Content-Type"
    response.headers["Access-Control-Max-Age"] = "600"
    response.vary.add("Origin")
    return response


def _speech_cors(response: Response) -> None:
    # The answer to POST /api/v1/speech depends on Origin, errors included: an allowed page must be able to
    # read its 4xx problem (and a 429's Retry-After), so allowed origins are reflected on every status.
    response.vary.add("Origin")
    origin = request.headers.get("Origin")
    if origin and origin_allowed(origin):
        response.headers.setdefault("Access-Control-Allow-Origin", origin)
        response.headers.setdefault("Access-Control-Expose-Headers", "Retry-After")


def _harden(response: Response) -> Response:
    headers = response.headers
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
    if request.endpoint in SPEECH_ENDPOINTS:
        _speech_cors(response)
    if request.method in ("GET", "HEAD") and request.path.startswith("/api/v1/"):
        # Published articles and their playlists are public: any page may read them.
        headers.setdefault("Access-Control-Allow-Origin", "*")
    if request.blueprint == "pages":
        response.vary.add("Accept")  # errors are HTML or problem+json by Accept
    if response.mimetype == "text/html":
        headers.setdefault("Content-Security-Policy", PAGE_CSP)
        headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        headers.setdefault("X-Frame-Options", "SAMEORIGIN")
    return response


def init_app(app: Flask) -> None:
    """Install the header hook and trust ``TRUSTED_PROXIES`` reverse proxies for client addresses."""
    app.after_request(_harden)
    proxies = int(app.config["TRUSTED_PROXIES"])
    if proxies:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies, x_port=proxies)
