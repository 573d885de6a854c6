"""``GET /healthz``: the state of each part of the service, for load balancers and monitoring.

Overall ``ok``; ``degraded`` (still 200, so a load balancer keeps the machine: listeners are served, with
less) when Redis, the audio disk or an engine fails; ``down`` (503) when the database does not answer, as
no playlist can be made. Each part says ``ok``, ``degraded`` or ``down``, with details.
"""
from __future__ import annotations

from flask import Blueprint, Response, jsonify
from sqlalchemy import text

from ..audio import audio_service
from ..db import db

bp = Blueprint("health", __name__)


def _database() -> dict:
    try:
        db.session.execute(text("SELECT 1"))
    except Exception as error:  # any driver error means "not reachable" to a load balancer
        db.session.rollback()
        return {"status": "down", "error": type(error).__name__}
    return {"status": "ok"}


def statuses(parts: dict) -> dict[str, str]:
    """Each part's status by name: ``database``, ``audio_disk``, ``engine:<name>`` and ``redis`` (when set)."""
    found = {"database": parts["database"]["status"], "audio_disk": parts["audio_disk"]["status"]}
    found.update({f"engine:{name}": engine["status"] for name, engine in parts["engines"].items()})
    if "redis" in parts:
        found["redis"] = parts["redis"]["status"]
    return found


def overall(parts: dict) -> str:
    """``down`` when the database is, ``degraded`` when any other part is not ``ok``, else ``ok``."""
    found = statuses(parts)
    if found.pop("database") != "ok":
        return "down"
    return "ok" if all(status == "ok" for status in found.values()) else "degraded"


def parts() -> dict:
    """Each part's state, with details (also the source of the metrics' part gauges)."""
    return {"database": _database(), **audio_service().health()}


@bp.get("/healthz")
def healthz() -> tuple[Response, int]:
    """Each part's state and the overall one; 503 only when the service is down."""
    found = parts()
    status = overall(found)
    response = jsonify({"status": status, "database": found["database"]["status"], "parts": found})
    response.headers["Cache-Control"] = "no-store"
    if status == "down":
        response.headers["Retry-After"] = "2"  # as every 503 of the service
    return response, 503 if status == "down" else 200
