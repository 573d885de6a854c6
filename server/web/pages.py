"""The demo portal: the article list and article pages with the widget."""
from __future__ import annotations

from flask import Blueprint, render_template

from ..articles.store import list_articles
from .api import article_or_404
from .embed import Options

bp = Blueprint("pages", __name__)


@bp.get("/")
def home() -> str:
    """The portal's home page: the newest articles."""
    articles, _ = list_articles(1, 50)
    return render_template("index.html", articles=articles)


@bp.get("/articles/<slug>")
def article(slug: str) -> str:
    """An article page as a district portal would show it, with the widget's one script tag."""
    found = article_or_404(slug)
    return render_template("article.html", article=found, options=Options(lang=found.lang))
