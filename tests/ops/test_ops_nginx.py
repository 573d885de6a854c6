"""Production serving: Debian nginx (deploy/nginx-trodoc.conf) in front of gunicorn (deploy/gunicorn.conf.py)."""
from __future__ import annotations

import gzip
import json
import re

from server.audio.mp3 import frames
from tests.ops.conftest import first_slug, get, playlist


def test_pages_and_api_through_nginx(stack):
    port = stack["nginx"].port
    slug = first_slug(port)
    for path in ("/", f"/articles/{slug}", "/healthz", f"/api/v1/articles/{slug}/speech", "/widget.js"):
        status, headers, _ = get(port, path)
        assert status == 200, path
    status, headers, _ = get(port, "/articles/khong-co-bai-nay", headers={"Accept": "application/json"})
    assert status == 404 and headers["content-type"].startswith("application/problem+json")


def test_audio_range_requests_through_nginx(stack):
    port, upstream = stack["nginx"].port, stack["upstream"]
    segment = playlist(port, ["Nginx phục vụ tệp âm thanh từ đĩa."])[0]
    calls = upstream.calls
    # First request: a miss, so nginx hands it to the app, which records it and answers the range itself.
    status, headers, body = get(port, segment["audio"], headers={"Range": "bytes=0-1"})
    assert status == 206 and headers["content-range"].startswith("bytes 0-1/") and len(body) == 2
    assert body == b"ID"  # the ID3 tag the engine puts in front
    assert headers["etag"].strip('"') == segment["id"]  # the app's ETag: the content id
    total = int(headers["content-range"].rsplit("/", 1)[1])
    assert upstream.calls == calls + 1
    # Second request: the file is on disk now, nginx serves it itself (its ETag is mtime-size, not the id).
    status, headers, body = get(port, segment["audio"], headers={"Range": "bytes=0-1"})
    assert status == 206 and headers["content-range"] == f"bytes 0-1/{total}" and body == b"ID"
    assert headers["etag"].strip('"') != segment["id"] and re.fullmatch(r'"[0-9a-f]+-[0-9a-f]+"', headers["etag"])
    assert headers["content-type"] == "audio/mpeg"
    assert "immutable" in headers["cache-control"] and headers["access-control-allow-origin"] == "*"
    status, headers, body = get(port, segment["audio"])
    assert status == 200 and len(body) == total and len(list(frames(body))) > 0
    status, _, tail = get(port, segment["audio"], headers={"Range": f"bytes={total - 10}-"})
    assert status == 206 and tail == body[-10:]
    status, headers, _ = get(port, segment["audio"], headers={"If-None-Match": headers["etag"]})
    assert status == 304
    assert upstream.calls == calls + 1  # nothing recorded twice


def test_gzip_of_the_widget_and_its_bundle(stack):
    port = stack["nginx"].port
    status, headers, body = get(port, "/widget.js", headers={"Accept-Encoding": "gzip"})
    assert status == 200 and headers.get("content-encoding") == "gzip"
    assert "Accept-Encoding" in headers.get("vary", "")
    loader = gzip.decompress(body).decode()
    bundle = re.search(r"/static/gen/trodoc-[0-9a-f]+\.js", loader)
    assert bundle, loader[:300]
    status, headers, body = get(port, bundle.group(0), headers={"Accept-Encoding": "gzip"})
    assert status == 200 and headers.get("content-encoding") == "gzip"
    assert "immutable" in headers["cache-control"]
    plain_status, plain_headers, plain = get(port, bundle.group(0))
    assert plain_status == 200 and "content-encoding" not in plain_headers
    assert gzip.decompress(body) == plain and len(body) < len(plain)
    # JSON from the app is compressed by nginx as well (the app leaves Accept-Encoding to nginx).
    status, headers, body = get(port, "/api/v1/articles", headers={"Accept-Encoding": "gzip"})
    assert status == 200 and headers.get("content-encoding") == "gzip" and json.loads(gzip.decompress(body))


def test_nginx_errors_are_problems(stack):
    from tests.ops.conftest import request

    port = stack["nginx"].port
    status, headers, body = request(port, "POST", "/api/v1/speech", body=b"x" * (2 * 1024 * 1024),
                                    headers={"Content-Type": "application/json"})
    assert status == 413 and headers["content-type"] == "application/problem+json"
    assert json.loads(body)["status"] == 413
    # The app's own problems pass through untouched.
    status, headers, body = get(port, "/audio/" + "ab" * 16 + ".mp3")
    assert status == 404 and headers["content-type"].startswith("application/problem+json")
