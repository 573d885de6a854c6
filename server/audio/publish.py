"""No wait for published articles: when an article is created or replaced, its segments are registered and
those not recorded yet are queued; each process of the service records the queue in the background, one
segment at a time at the background budget (so listeners keep the upstream's capacity), and picks it up
again after a restart, an upstream outage or an import by another process (``AudioService.on_request``).
The queue is a table, so nothing queued is lost when a process stops. It is bounded (``PUBLISH_QUEUE_MAX``):
a large import during an outage keeps the newest segments, the ones listeners are most likely to ask for,
and drops the oldest, which a listener would then wait for as before.
"""
from __future__ import annotations

import datetime as dt
import logging

from flask import Flask, current_app, has_request_context
from sqlalchemy import DateTime, String, delete, func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Mapped, mapped_column

from ..articles.store import article_saved
from ..db import db
from .registry import ID_LENGTH

log = logging.getLogger(__name__)
BATCH = 50  # queued segments read at a time


class QueuedRecording(db.Model):
    __tablename__ = "recording_queue"

    segment_id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    queued_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


def queue_article(article) -> int:
    """Register ``article``'s segments and queue the ones not recorded yet; returns how many were queued."""
    from . import audio_service

    service = audio_service()
    wanted = list(dict.fromkeys(job.segment_id for job in service.article_jobs(article)
                                if service.cache.find(job.segment_id) is None))
    if not wanted:
        return 0
    queued = set(db.session.scalars(select(QueuedRecording.segment_id)
                                    .where(QueuedRecording.segment_id.in_(wanted))))
    new = [segment_id for segment_id in wanted if segment_id not in queued]
    db.session.add_all(QueuedRecording(segment_id=segment_id) for segment_id in new)
    db.session.commit()
    try:
        # Apart from the insert: a trim that fails (a lock wait during concurrent imports) keeps what was queued.
        dropped = _trim(current_app.config["PUBLISH_QUEUE_MAX"], keep=new)
        db.session.commit()
    except SQLAlchemyError as error:
        db.session.rollback()
        log.warning("could not trim the recording queue: %s", error)
        dropped = 0
    if dropped:
        log.warning("recording queue full: dropped the %d oldest segments", dropped)
    if has_request_context():
        # A process that serves requests records it now; a command (an import) leaves it to them.
        service.drain_soon()
    return len(new)


def _trim(limit: int, keep: list[str]) -> int:
    """Deletes the oldest queued segments beyond ``limit``, the ones just queued (``keep``, in reading order)
    last: queue times are only seconds apart on some databases, and an import queues many in one second."""
    extra = db.session.scalar(select(func.count()).select_from(QueuedRecording)) - limit
    if extra <= 0:
        return 0
    # Ids first: MySQL and MariaDB refuse a LIMIT in a subquery of the table a DELETE changes.
    older = list(db.session.scalars(select(QueuedRecording.segment_id)
                                    .where(QueuedRecording.segment_id.not_in(keep))
                                    .order_by(QueuedRecording.queued_at, QueuedRecording.segment_id).limit(extra)))
    doomed = older + keep[::-1][:extra - len(older)]
    db.session.execute(delete(QueuedRecording).where(QueuedRecording.segment_id.in_(doomed)))
    return len(doomed)


def next_queued(limit: int = BATCH) -> list[str]:
    """The oldest queued segment ids."""
    return list(db.session.scalars(select(QueuedRecording.segment_id)
                                   .order_by(QueuedRecording.queued_at, QueuedRecording.segment_id).limit(limit)))


def done(segment_id: str) -> None:
    """Take ``segment_id`` off the queue."""
    db.session.execute(delete(QueuedRecording).where(QueuedRecording.segment_id == segment_id))
    db.session.commit()


def _on_saved(_sender, article) -> None:
    if not current_app.config["TTS_RECORD_ON_PUBLISH"]:
        return
    try:
        count = queue_article(article)
    except SQLAlchemyError as error:  # the article is saved; its recordings wait for the first listener
        db.session.rollback()
        log.warning("could not queue the recordings of %s: %s", article.slug, error)
        return
    if count:
        log.info("queued %d recordings of %s", count, article.slug)


def init_app(app: Flask) -> None:
    """Record every article saved through the store (the API, ``flask articles import``)."""
    article_saved.connect(_on_saved, weak=False)
