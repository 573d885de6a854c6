"""``POST /api/v1/events`` (anonymous counts from the widget) and ``GET /api/v1/stats`` (for operators)."""
from __future__ import annotations

import datetime as dt

from flask import Blueprint, Response, jsonify, request

from ..audio import UnknownSegment, audio_service
from ..input_rules import CONTROL_CHARACTER
from ..problems import Problem
from ..usage.counts import EVENTS, record, summary
from .auth import require_token
from .cors import ANY_ORIGIN, origin_allowed
from .jsonbody import json_body
from .limits import client_limit, limiter
from .query import WholeNumber

bp = Blueprint("usage", __name__, url_prefix="/api/v1")
ARTICLE_MAX = 200  # a slug or a page's path
DAYS = WholeNumber("days", maximum=3660)


@ANY_ORIGIN.post(bp, "/events")
@limiter.limit(client_limit)
def event() -> Response:
    """Count one widget event; the origin comes from the browser's ``Origin`` header, nothing else is kept.

    ``listen_start`` may name the ``segment`` the run starts at: its recorded segments from there on are
    stamped played (see ``AudioService.listened``); nothing about the listener is kept.

    Events from origins the operator did not list are accepted and dropped, so strangers cannot fill the
    table with made-up origins, and their pages see no error.
    """
    data = json_body()
    if not isinstance(data, dict):
        raise Problem(422, "The body must be a JSON object.", title="Invalid event", field="(body)")
    name, value, article = data.get("event"), data.get("value", ""), data.get("article", "")
    if name not in EVENTS:
        raise Problem(422, f"Field 'event' must be one of {', '.join(sorted(EVENTS))}.", title="Invalid event",
                      field="event")
    if not isinstance(value, str) or value not in EVENTS[name]:
        raise Problem(422, f"Field 'value' is not a known value for '{name}'.", title="Invalid event",
                      field="value")
    if (not isinstance(article, str) or len(article) > ARTICLE_MAX or "?" in article
            or CONTROL_CHARACTER.search(article)):
        raise Problem(422, "Field 'article' must be a slug or a path without a query or control characters, "
                      f"at most {ARTICLE_MAX} characters.",
                      title="Invalid event", field="article")
    segment = data.get("segment", "")
    if not isinstance(segment, str) or (segment and name != "listen_start"):
        raise Problem(422, "Field 'segment' is the id of the segment a listening run starts at, on "
                      "'listen_start' only.", title="Invalid event", field="segment")
    origin = request.headers.get("Origin")
    if not origin or origin_allowed(origin):
        if segment:
            _listened(segment)
        record(origin or request.host_url.rstrip("/"), article, name, value)
    return Response(status=204)


def _listened(segment_id: str) -> None:
    # The web server serves recorded audio from disk without the app: the widget's own event says what is heard.
    try:
        audio_service().listened(segment_id)
    except UnknownSegment:
        raise Problem(422, "Field 'segment' must be a segment id (32 hexadecimal digits).", title="Invalid event",
                      field="segment") from None


@bp.get("/stats")
@require_token
def stats() -> Response:
    """Usage counts for operators: ``?days=N`` limits them to the last N days."""
    days = DAYS.read()
    since = dt.date.today() - dt.timedelta(days=days - 1) if days else None
    return jsonify(summary(since))
