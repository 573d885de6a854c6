"""``GET /widget.js``, the one URL operators embed, and the cache headers of the versioned bundles.

The loader is the built ``trodoc_loader`` bundle with the paths of the current ``trodoc_widget`` and
``trodoc_listen`` bundles (and their SRI hashes) and of the two stylesheets written in: a short cache with an
ETag, so a release reaches every portal within minutes while the bundles themselves (hash in the name) are
cached for a year.
"""
from __future__ import annotations

import base64
import hashlib
import os
from functools import lru_cache

from flask import Blueprint, Response, current_app, request
from flask_assets import Environment
from webassets.exceptions import BundleError

from ..problems import Problem
from .cors import SCRIPT

bp = Blueprint("widget", __name__)

LOADER_MAX_AGE = 300
# A repeat visit uses the cached loader at once and revalidates it in the background: the tag in <head>
# (the flash-free placement) then never holds the first paint for a round trip, and a release reaches
# a returning reader one visit later.
LOADER_STALE_WHILE_REVALIDATE = 86400
# The scripts the loader names, with their SRI hashes: placeholders → bundle.
SCRIPT_PLACEHOLDERS = {("__TRODOC_BUNDLE__", "__TRODOC_INTEGRITY__"): "trodoc_widget",
                       ("__TRODOC_LISTEN__", "__TRODOC_LISTEN_INTEGRITY__"): "trodoc_listen"}
# The stylesheets that engines without constructed stylesheets load with <link>: placeholder → bundle.
STYLESHEET_PLACEHOLDERS = {"__TRODOC_PAGE_CSS__": "trodoc_page_css", "__TRODOC_BAR_CSS__": "trodoc_bar_css"}


@lru_cache(maxsize=8)
def _integrity(path: str) -> str:
    # Subresource Integrity of a versioned file: the browser refuses the bundle if a CDN or proxy altered it.
    with open(path, "rb") as file:
        return "sha384-" + base64.b64encode(hashlib.sha384(file.read()).digest()).decode()


@lru_cache(maxsize=8)
def _loader_source(loader_path: str, values: tuple[tuple[str, str], ...]) -> tuple[str, str]:
    # Every name carries a content hash, so the names identify the response: read it once.
    with open(loader_path, encoding="utf-8") as file:
        source = file.read()
    for placeholder, value in values:
        source = source.replace(placeholder, value)
    return source, hashlib.sha256(source.encode()).hexdigest()[:32]


def bundle_integrity() -> str:
    """The SRI hash (``sha384-…``) of the current widget bundle, which the loader checks."""
    return _integrity(_static_path(_url(current_app.jinja_env.assets_environment, "trodoc_widget")))


def _url(env: Environment, name: str) -> str:
    (url,) = env[name].urls()  # one versioned file per bundle (never the per-source debug output)
    return url


def _static_path(url: str) -> str:
    return os.path.join(current_app.static_folder, url.removeprefix(current_app.static_url_path + "/"))


@bp.get("/widget.js")
@SCRIPT
def loader() -> Response:
    """The loader script: applies saved settings before first paint, then loads the bundle."""
    env = current_app.jinja_env.assets_environment
    try:
        values = [(placeholder, _url(env, name)) for placeholder, name in STYLESHEET_PLACEHOLDERS.items()]
        for (url_placeholder, integrity_placeholder), name in SCRIPT_PLACEHOLDERS.items():
            url = _url(env, name)
            values += [(url_placeholder, url), (integrity_placeholder, _integrity(_static_path(url)))]
        source, etag = _loader_source(_static_path(_url(env, "trodoc_loader")), tuple(values))
    except (BundleError, OSError) as error:
        current_app.logger.error("The widget is not built (%s): run `flask --app server widget build`", error)
        raise Problem(503, "The widget is not built yet.", title="Widget unavailable",
                      headers={"Retry-After": "60"}) from None
    response = Response(source, mimetype="text/javascript")
    response.set_etag(etag)
    response.cache_control.public = True
    response.cache_control.max_age = LOADER_MAX_AGE
    response.cache_control.stale_while_revalidate = LOADER_STALE_WHILE_REVALIDATE
    return response.make_conditional(request)


@bp.after_app_request
def immutable_bundles(response: Response) -> Response:
    """Versioned bundles never change under their name: a year in every cache (the manifest excepted)."""
    filename = (request.view_args or {}).get("filename", "")
    if request.endpoint == "static" and filename.startswith("gen/trodoc-") and response.status_code in (200, 206, 304):
        response.cache_control.public = True
        response.cache_control.max_age = 31536000
        response.cache_control.immutable = True
        response.cache_control.no_cache = None
        SCRIPT.apply(response)
    return response
