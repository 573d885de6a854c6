"""Reading and writing articles; every write goes through ``clean_article`` first."""
from __future__ import annotations

from blinker import Namespace
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from ..db import db
from .models import Article

# Sent with ``article=`` after an article is created or replaced (not for the bundled samples): the audio
# layer listens, to record it before anyone asks, without the article store knowing about audio.
article_saved = Namespace().signal("article-saved")


def get_article(slug: str) -> Article | None:
    """The article with this slug, if any."""
    return db.session.scalar(select(Article).where(Article.slug == slug))


def list_articles(page: int, per_page: int) -> tuple[list[Article], int]:
    """One page of articles, newest first, and the total count."""
    total = db.session.scalar(select(func.count()).select_from(Article)) or 0
    rows = db.session.scalars(
        select(Article)
        .order_by(Article.published.desc().nulls_last(), Article.id.desc())
        .offset((page - 1) * per_page)
        .limit(per_page)
    ).all()
    return list(rows), total


def save_article(fields: dict, *, announce: bool = True) -> tuple[Article, bool]:
    """Insert or replace the article with ``fields["slug"]``; returns it and whether it is new, and
    sends ``article_saved`` unless ``announce`` is false.

    Two writers racing on one new slug both succeed: the loser of the insert retries as an update.
    """
    for _ in range(2):
        article = get_article(fields["slug"])
        created = article is None
        if created:
            article = Article()
            db.session.add(article)
        for name, value in fields.items():
            setattr(article, name, value)
        try:
            db.session.commit()
        except IntegrityError:
            db.session.rollback()
            continue
        if announce:
            article_saved.send(article=article)
        return article, created
    raise RuntimeError(f"could not save article {fields['slug']!r}")


def delete_article(article: Article) -> None:
    """Remove an article."""
    db.session.delete(article)
    db.session.commit()
