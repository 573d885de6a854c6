"""``GET /widget.js``, the one URL operators embed, and the cache headers of the versioned bundles.

The loader is the built ``trodoc_loader`` bundle with the path of the current ``trodoc_widget`` bundle
written in: a short cache with an ETag, so a release reaches every portal within minutes while the
bundles themselves (hash in the name) are cached for a year.
"""
from __future__ import annotations

import base64
import hashlib
import os
from functools import lru_cache

from flask import Blueprint, Response, current_app, request
from webassets.exceptions import BundleError

from ..problems import Problem

bp = Blueprint("widget", __name__)

LOADER_MAX_AGE = 300
BUNDLE_PLACEHOLDER = "__TRODOC_BUNDLE__"
INTEGRITY_PLACEHOLDER = "__TRODOC_INTEGRITY__"


@lru_cache(maxsize=8)
def _integrity(path: str) -> str:
    # Subresource Integrity of a versioned file: the browser refuses the bundle if a CDN or proxy altered it.
    with open(path, "rb") as file:
        return "sha384-" + base64.b64encode(hashlib.sha384(file.read()).digest()).decode()


@lru_cache(maxsize=8)
def _loader_source(loader_path: str, bundle_url: str, bundle_path: str) -> tuple[str, str]:
    # Both names carry content hashes, so (loader, bundle) identifies the response: read it once.
    with open(loader_path, encoding="utf-8") as file:
        source = (file.read().replace(BUNDLE_PLACEHOLDER, bundle_url)
                  .replace(INTEGRITY_PLACEHOLDER, _integrity(bundle_path)))
    return source, hashlib.sha256(source.encode()).hexdigest()[:32]


def bundle_integrity() -> str:
    """The SRI hash (``sha384-…``) of the current widget bundle, which the loader checks."""
    (bundle_url,) = current_app.jinja_env.assets_environment["trodoc_widget"].urls()
    return _integrity(_static_path(bundle_url))


def _static_path(url: str) -> str:
    return os.path.join(current_app.static_folder, url.removeprefix(current_app.static_url_path + "/"))


@bp.get("/widget.js")
def loader() -> Response:
    """The loader script: applies saved settings before first paint, then loads the bundle."""
    env = current_app.jinja_env.assets_environment
    try:
        (loader_url,) = env["trodoc_loader"].urls()
        (bundle_url,) = env["trodoc_widget"].urls()
        source, etag = _loader_source(_static_path(loader_url), bundle_url, _static_path(bundle_url))
    except (BundleError, OSError) as error:
        current_app.logger.error("The widget is not built (%s): run `flask --app server assets build`", error)
        raise Problem(503, "The widget is not built yet.", title="Widget unavailable",
                      headers={"Retry-After": "60"}) from None
    response = Response(source, mimetype="text/javascript")
    response.set_etag(etag)
    response.cache_control.public = True
    response.cache_control.max_age = LOADER_MAX_AGE
    _cross_origin(response)
    return response.make_conditional(request)


def _cross_origin(response: Response) -> None:
    # Any page may embed the widget, including pages that isolate themselves (COEP: require-corp).
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Cross-Origin-Resource-Policy"] = "cross-origin"


@bp.after_app_request
def immutable_bundles(response: Response) -> Response:
    """Versioned bundles never change under their name: a year in every cache (the manifest excepted)."""
    filename = (request.view_args or {}).get("filename", "")
    if request.endpoint == "static" and filename.startswith("gen/trodoc-") and response.status_code in (200, 206, 304):
        response.cache_control.public = True
        response.cache_control.max_age = 31536000
        response.cache_control.immutable = True
        response.cache_control.no_cache = None
        _cross_origin(response)
    return response
