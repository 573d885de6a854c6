"""The usage-count table."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..db import db


class UsageCount(db.Model):
    __tablename__ = "usage_counts"
    __table_args__ = (UniqueConstraint("day", "origin", "article", "event", "value", name="uq_usage_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[dt.date] = mapped_column(Date, index=True)
    origin: Mapped[str] = mapped_column(String(200))
    article: Mapped[str] = mapped_column(String(200))
    event: Mapped[str] = mapped_column(String(32))
    value: Mapped[str] = mapped_column(String(16))
    count: Mapped[int] = mapped_column(Integer, default=0)
