"""Real servers in threads and one Debian Chromium, for the browser tests and the widget benchmarks.

The widget is served by the real app on one origin; the test pages come from a second origin (another
port of 127.0.0.1) under a strict Content-Security-Policy that allows only that origin and the widget's.
"""
from __future__ import annotations

import mimetypes
import os
import threading
from pathlib import Path

from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response

CHROMIUM = os.environ.get("TRODOC_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
PAGES = Path(__file__).with_name("pages")


def launch(playwright):
    """Debian's Chromium (``playwright install`` needs the internet, the package does not)."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


class Server:
    """A WSGI app on 127.0.0.1 and an ephemeral port, served from a daemon thread."""

    def __init__(self, app):
        self._server = make_server("127.0.0.1", 0, app, threaded=True)
        self.url = f"http://127.0.0.1:{self._server.server_port}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def close(self):
        self._server.shutdown()
        self._thread.join()


def strict_csp(widget_origin: str) -> str:
    """The third-party page's policy: nothing inline, scripts, styles, media and connections from the
    page itself and the widget's origin only."""
    return (f"default-src 'none'; script-src 'self' {widget_origin}; style-src 'self' {widget_origin}; "
            f"img-src 'self' data:; media-src {widget_origin}; connect-src {widget_origin}; "
            "base-uri 'none'; form-action 'none'; frame-ancestors 'none'")


def pages_app(widget_origin: str, extra: dict[str, str] | None = None):
    """The second origin: files of ``pages/`` (and ``extra`` pages by name) with ``{{WIDGET}}`` replaced
    by the widget's origin, every HTML answer under the strict policy."""
    extra = extra or {}

    @Request.application
    def app(request: Request) -> Response:
        name = request.path.lstrip("/") or "index.html"
        if name in extra:
            body = extra[name]
        else:
            path = (PAGES / name).resolve()
            if path.parent != PAGES.resolve() or not path.is_file():
                return Response("not found", status=404)
            body = path.read_text(encoding="utf-8")
        mimetype = mimetypes.guess_type(name)[0] or "application/octet-stream"
        response = Response(body.replace("{{WIDGET}}", widget_origin), mimetype=mimetype)
        if mimetype == "text/html":
            response.headers["Content-Security-Policy"] = strict_csp(widget_origin)
        return response

    return app
