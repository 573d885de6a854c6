"""Recording and summarising usage events."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from ..db import db
from .models import UsageCount

# Each event and the values it may carry; anything else is refused, so the table cannot become a data store.
EVENTS: dict[str, set[str]] = {
    "listen_start": {""},
    "listen_finish": {""},
    "scale": {"0.8", "0.9", "1", "1.125", "1.25", "1.5", "1.75", "2"},
    "contrast": {"low", "normal", "high", "max"},
    "spacing": {"on", "off"},
}


def record(origin: str, article: str, event: str, value: str = "", day: dt.date | None = None) -> None:
    """Add one to the count of ``event`` (with ``value``) for this origin and article today."""
    key = {"day": day or dt.date.today(), "origin": origin[:200], "article": article[:200],
           "event": event, "value": value}
    where = [getattr(UsageCount, name) == value for name, value in key.items()]
    # An UPDATE first (the common case); the insert race between two workers ends in one more UPDATE.
    for _ in range(2):
        if db.session.execute(update(UsageCount).where(*where).values(count=UsageCount.count + 1)).rowcount:
            db.session.commit()
            return
        db.session.add(UsageCount(**key, count=1))
        try:
            db.session.commit()
            return
        except IntegrityError:
            db.session.rollback()


def summary(since: dt.date | None = None) -> dict:
    """Totals per article (with its origin) and per origin, and the distribution of settings."""
    query = select(UsageCount.origin, UsageCount.article, UsageCount.event, UsageCount.value,
                   func.sum(UsageCount.count)).group_by(
        UsageCount.origin, UsageCount.article, UsageCount.event, UsageCount.value)
    if since:
        query = query.where(UsageCount.day >= since)
    articles: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: {"listen_start": 0, "listen_finish": 0})
    origins: dict[str, dict[str, int]] = defaultdict(lambda: {"listen_start": 0, "listen_finish": 0})
    settings: dict[str, dict[str, int]] = {name: {} for name in ("scale", "contrast", "spacing")}
    for origin, article, event, value, count in db.session.execute(query):
        count = int(count)
        if event in ("listen_start", "listen_finish"):
            articles[(origin, article)][event] += count
            origins[origin][event] += count
        else:
            settings[event][value] = settings[event].get(value, 0) + count
    return {
        "since": since.isoformat() if since else None,
        "articles": [{"origin": o, "article": a, **c} for (o, a), c in sorted(articles.items())],
        "origins": [{"origin": o, **c} for o, c in sorted(origins.items())],
        "settings": settings,
    }
