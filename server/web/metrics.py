"""``GET /metrics`` (Prometheus text format, with the bearer token) and the request metrics behind it."""
from __future__ import annotations

import time

from flask import Blueprint, Flask, Response, g, request
from prometheus_client import CONTENT_TYPE_LATEST

from .. import metrics
from .auth import require_token
from .health import parts, statuses

bp = Blueprint("metrics", __name__)


@bp.get("/metrics")
@require_token
def scrape() -> Response:
    """Every metric of every process of this machine, and the state of the service's parts."""
    found = parts()
    response = Response(metrics.scrape(statuses(found), found["audio_disk"].get("free_bytes")),
                        mimetype=CONTENT_TYPE_LATEST)
    response.headers["Cache-Control"] = "no-store"
    return response


def _start() -> None:
    g.trodoc_started = time.perf_counter()


def _count(response: Response) -> Response:
    # Unmatched paths share one label, so a scan of random URLs cannot grow the series without bound.
    endpoint = request.endpoint or "unmatched"
    started = g.pop("trodoc_started", None)
    if started is not None:
        metrics.LATENCY.labels(endpoint=endpoint).observe(time.perf_counter() - started)
    metrics.REQUESTS.labels(endpoint=endpoint, method=request.method, status=str(response.status_code)).inc()
    return response


def init_app(app: Flask) -> None:
    """Time and count every request of ``app``."""
    app.before_request(_start)
    app.after_request(_count)
