"""The widget over HTTP: the stable loader URL, the versioned bundles and stylesheets, where the build puts
things. The build itself is tested in tests/test_assets_build.py."""
from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import urllib.error
import urllib.request

from server import create_app


def get(url, **headers):
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers)) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def test_loader_is_short_cached_revalidated_and_open_to_every_origin(widget_server):
    status, headers, body = get(widget_server.url + "/widget.js")
    assert status == 200 and headers["Content-Type"].startswith("text/javascript")
    # Stale while revalidating: a repeat visit never waits on the network for the tag in <head>.
    assert set(headers["Cache-Control"].replace(" ", "").split(",")) == \
        {"public", "max-age=300", "stale-while-revalidate=86400"}
    assert headers["Access-Control-Allow-Origin"] == "*"
    assert headers["Cross-Origin-Resource-Policy"] == "cross-origin"
    assert re.search(r"\"/static/gen/trodoc-[0-9a-f]{8}\.js\"", body) and "__TRODOC_BUNDLE__" not in body
    status, _, body = get(widget_server.url + "/widget.js", **{"If-None-Match": headers["ETag"]})
    assert status == 304 and body == ""


def test_bundle_is_immutable_for_a_year(widget_server):
    _, _, loader = get(widget_server.url + "/widget.js")
    bundle = re.search(r"\"(/static/gen/trodoc-[0-9a-f]{8}\.js)\"", loader).group(1)
    status, headers, body = get(widget_server.url + bundle)
    assert status == 200 and "javascript" in headers["Content-Type"]
    assert set(headers["Cache-Control"].replace(" ", "").split(",")) == {"public", "max-age=31536000", "immutable"}
    assert body.startswith('"use strict";\n(()=>{') and "window.TroDoc" in body
    assert "import " not in body and "export " not in body


def test_loader_checks_the_bundle_with_subresource_integrity(widget_server):
    _, _, loader = get(widget_server.url + "/widget.js")
    bundle = re.search(r"\"(/static/gen/trodoc-[0-9a-f]{8}\.js)\"", loader).group(1)
    with urllib.request.urlopen(widget_server.url + bundle) as response:
        digest = base64.b64encode(hashlib.sha384(response.read()).digest()).decode()
    assert f'"sha384-{digest}"' in loader and "__TRODOC_INTEGRITY__" not in loader


def test_build_keeps_its_cache_out_of_static_and_ships_a_manifest(widget_server):
    app = create_app({"TESTING": True, "LOAD_SAMPLES": False,
                      "DATABASE_URL": "sqlite://", "AUDIO_DIR": os.devnull})
    static = app.static_folder
    assert app.config["ASSETS_CACHE"].startswith(app.instance_path)
    assert not os.path.exists(os.path.join(static, ".webassets-cache"))
    assert app.config["ASSETS_AUTO_BUILD"] is False and app.config["ASSETS_DEBUG"] is False
    manifest = app.config["ASSETS_MANIFEST"].removeprefix("json:")
    with open(manifest, encoding="utf-8") as file:
        assert set(json.load(file)) == {"gen/trodoc-%(version)s.js", "gen/trodoc-loader-%(version)s.js",
                                        "gen/trodoc-listen-%(version)s.js",
                                        "gen/trodoc-page-%(version)s.css", "gen/trodoc-bar-%(version)s.css"}


def test_loader_answers_503_until_the_widget_is_built(tmp_path):
    manifest = tmp_path / "manifest.json"
    manifest.write_text("{}")
    app = create_app({"TESTING": True, "LOAD_SAMPLES": False, "DATABASE_URL": "sqlite://",
                      "AUDIO_DIR": str(tmp_path), "ASSETS_MANIFEST": f"json:{manifest}"})
    response = app.test_client().get("/widget.js")
    assert response.status_code == 503 and response.mimetype == "application/problem+json"
    assert response.headers["Retry-After"] == "60"
