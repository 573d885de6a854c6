"""The demo portal: the article list, article pages with the widget, and the health check."""
from __future__ import annotations

from flask import Blueprint, Response, jsonify, render_template
from sqlalchemy import text

from ..articles.store import list_articles
from ..db import db
from .api import article_or_404

bp = Blueprint("pages", __name__)


@bp.get("/")
def home() -> str:
    """The portal's home page: the newest articles."""
    articles, _ = list_articles(1, 50)
    return render_template("index.html", articles=articles)


@bp.get("/articles/<slug>")
def article(slug: str) -> str:
    """An article page as a district portal would show it, with the widget's one script tag."""
    return render_template("article.html", article=article_or_404(slug))


@bp.get("/healthz")
def healthz() -> tuple[Response, int]:
    """Liveness and database reachability, for load balancers and monitoring."""
    try:
        db.session.execute(text("SELECT 1"))
        database = "ok"
    except Exception as error:  # any driver error means "not reachable" to a load balancer
        db.session.rollback()
        database = f"unreachable: {type(error).__name__}"
    healthy = database == "ok"
    return jsonify({"status": "ok" if healthy else "degraded", "database": database}), 200 if healthy else 503
