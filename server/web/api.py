"""The JSON API for articles: ``/api/v1/articles``."""
from __future__ import annotations

from flask import Blueprint, Response, current_app, jsonify, url_for

from ..articles.models import Article
from ..articles.store import delete_article, get_article, list_articles, save_article
from ..articles.validate import InvalidArticle, clean_article
from ..problems import Problem
from .auth import require_token
from .jsonbody import json_body
from .query import WholeNumber

bp = Blueprint("api", __name__, url_prefix="/api/v1")
PAGE = WholeNumber("page", maximum=100_000)
PER_PAGE = WholeNumber("per_page", maximum=100)


def article_or_404(slug: str) -> Article:
    """The article for a URL slug, or a 404 problem."""
    article = get_article(slug)
    if article is None:
        raise Problem(404, f"No article has the slug '{slug}'.", title="Not Found")
    return article


def _clean_or_422(data, slug: str | None = None) -> dict:
    try:
        return clean_article(data, slug=slug)
    except InvalidArticle as error:
        raise Problem(422, f"Field '{error.field}' {error.message}.", title="Invalid article",
                      field=error.field) from None


@bp.get("/articles")
def articles_index() -> Response:
    """A page of article summaries, newest first, with RFC 8288 ``Link`` headers."""
    per_page = PER_PAGE.read(current_app.config["ARTICLES_PER_PAGE"])
    page = PAGE.read(1)
    rows, total = list_articles(page, per_page)
    pages = max(1, -(-total // per_page))
    links = {}
    if page < pages:
        links["next"] = url_for(".articles_index", page=page + 1, per_page=per_page)
    if page > 1:
        links["prev"] = url_for(".articles_index", page=min(page - 1, pages), per_page=per_page)
    response = jsonify({"items": [a.summary_json() for a in rows], "page": page, "per_page": per_page,
                        "total": total, "pages": pages, "links": links})
    if links:
        response.headers["Link"] = ", ".join(f'<{url}>; rel="{rel}"' for rel, url in links.items())
    return response


@bp.get("/articles/<slug>")
def article_show(slug: str) -> Response:
    """One article with its sanitized body."""
    return jsonify(article_or_404(slug).to_json())


@bp.post("/articles")
@require_token
def article_create() -> tuple[Response, int, dict]:
    """Create an article; 409 when the slug is taken (use PUT to replace)."""
    fields = _clean_or_422(json_body())
    if get_article(fields["slug"]) is not None:
        raise Problem(409, f"An article with the slug '{fields['slug']}' already exists; PUT replaces it.",
                      title="Conflict", field="slug")
    article, _ = save_article(fields)
    location = url_for(".article_show", slug=article.slug)
    return jsonify(article.to_json()), 201, {"Location": location}


@bp.put("/articles/<slug>")
@require_token
def article_replace(slug: str) -> tuple[Response, int]:
    """Create or replace the article at this slug."""
    article, created = save_article(_clean_or_422(json_body(), slug=slug))
    return jsonify(article.to_json()), 201 if created else 200


@bp.delete("/articles/<slug>")
@require_token
def article_delete(slug: str) -> tuple[str, int]:
    """Delete an article."""
    delete_article(article_or_404(slug))
    return "", 204
