"""The article table."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, DateTime, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column

from ..db import db

SLUG_MAX = 120


class Article(db.Model):
    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(SLUG_MAX), unique=True, index=True)
    title: Mapped[str] = mapped_column(String(500))
    lead: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(200), default="")
    published: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    source_url: Mapped[str] = mapped_column(String(2000), default="")
    lang: Mapped[str] = mapped_column(String(16), default="vi")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now())

    def to_json(self) -> dict:
        """The article as the API shows it."""
        return {
            "slug": self.slug,
            "title": self.title,
            "lead": self.lead,
            "body": self.body,
            "author": self.author,
            "published": self.published.isoformat() if self.published else None,
            "source_url": self.source_url,
            "lang": self.lang,
        }

    def summary_json(self) -> dict:
        """The list form: everything but the body."""
        data = self.to_json()
        del data["body"]
        return data
