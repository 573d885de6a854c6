"""Registered segments: what text an audio id stands for, and which segment follows it (for look-ahead).

Playlist endpoints register every segment they hand out; ``/audio/<id>.mp3`` can then make the recording
from the id alone. Registering is on the path of every playlist fetch, so an already registered playlist
costs one indexed ``SELECT`` (and nothing at all when this process registered it recently).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Iterable, Protocol, Sequence

from flask import current_app
from sqlalchemy import DateTime, String, Text, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, mapped_column

from ..db import db

ID_LENGTH = 32
RECENT_EXTENSION = "trodoc_audio.recent"
LOOKUP_CHUNK = 500  # stays under every database's limit on bound parameters


class SegmentLike(Protocol):
    id: str
    spoken: str


class SpeechSegment(db.Model):
    __tablename__ = "speech_segments"

    id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    spoken: Mapped[str] = mapped_column(Text)
    lang: Mapped[str] = mapped_column(String(16))
    engine: Mapped[str] = mapped_column(String(16))
    speed: Mapped[str] = mapped_column(String(16))
    next_id: Mapped[str | None] = mapped_column(String(ID_LENGTH), nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    last_played_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


@dataclass(frozen=True)
class SpeechJob:
    """Everything an engine needs to record one segment."""

    segment_id: str
    spoken: str
    lang: str
    engine: str
    speed: str


class RecentPlaylists:
    """Fingerprints of playlists this process registered lately, so repeat fetches skip the database."""

    def __init__(self, size: int = 1024) -> None:
        self.size = size
        self._lock = threading.Lock()
        self._seen: OrderedDict[str, None] = OrderedDict()

    def seen(self, fingerprint: str) -> bool:
        """Whether ``fingerprint`` was added lately (refreshing its recency)."""
        with self._lock:
            if fingerprint in self._seen:
                self._seen.move_to_end(fingerprint)
                return True
            return False

    def add(self, fingerprint: str) -> None:
        """Remember ``fingerprint``, forgetting the oldest beyond ``size``."""
        with self._lock:
            self._seen[fingerprint] = None
            while len(self._seen) > self.size:
                self._seen.popitem(last=False)


def _successors(segments: Sequence[SegmentLike]) -> dict[str, tuple[str, str | None]]:
    # A segment repeated within one playlist keeps the successor of its last occurrence.
    return {seg.id: (seg.spoken, segments[i + 1].id if i + 1 < len(segments) else None)
            for i, seg in enumerate(segments)}


def _fingerprint(wanted: dict[str, tuple[str, str | None]], lang: str, engine: str, speed: str) -> str:
    digest = hashlib.blake2b(f"{lang}|{engine}|{speed}".encode(), digest_size=16)
    for segment_id, (_, next_id) in wanted.items():
        digest.update(f"{segment_id}>{next_id}".encode())
    return digest.hexdigest()


def _chunks(items: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(items), LOOKUP_CHUNK):
        yield items[start:start + LOOKUP_CHUNK]


def _existing_successors(ids: list[str]) -> dict[str, str | None]:
    found: dict[str, str | None] = {}
    for chunk in _chunks(ids):
        rows = db.session.execute(
            select(SpeechSegment.id, SpeechSegment.next_id).where(SpeechSegment.id.in_(chunk)))
        found.update((segment_id, next_id) for segment_id, next_id in rows)
    return found


def _write(wanted: dict[str, tuple[str, str | None]], lang: str, engine: str, speed: str) -> None:
    existing = _existing_successors(list(wanted))
    for segment_id, (spoken, next_id) in wanted.items():
        if segment_id not in existing:
            db.session.add(SpeechSegment(id=segment_id, spoken=spoken, lang=lang, engine=engine, speed=speed,
                                         next_id=next_id))
        elif existing[segment_id] != next_id:
            db.session.execute(update(SpeechSegment).where(SpeechSegment.id == segment_id)
                               .values(next_id=next_id))
    db.session.commit()


def register_playlist(segments: Sequence[SegmentLike], *, lang: str, engine: str, speed: str,
                      recent: RecentPlaylists | None = None) -> None:
    """Record every segment of a playlist (text, voice, successor) so its audio URL can be served.

    Idempotent and safe to call concurrently from several processes; commits the session. ``recent``
    defaults to the current app's memo of playlists registered lately.
    """
    if not segments:
        return
    if recent is None:
        recent = current_app.extensions.get(RECENT_EXTENSION)
    wanted = _successors(segments)
    fingerprint = _fingerprint(wanted, lang, engine, speed)
    if recent is not None and recent.seen(fingerprint):
        return
    try:
        _write(wanted, lang, engine, speed)
    except IntegrityError:
        # Another process inserted some of the same segments between our SELECT and INSERT; theirs are
        # identical (the id is a hash of the content), so one more pass only fixes successors.
        db.session.rollback()
        _write(wanted, lang, engine, speed)
    if recent is not None:
        recent.add(fingerprint)


def find_job(segment_id: str) -> SpeechJob | None:
    """What to record for ``segment_id``, or None when no playlist registered it."""
    row = db.session.get(SpeechSegment, segment_id)
    if row is None:
        return None
    return SpeechJob(row.id, row.spoken, row.lang, row.engine, row.speed)


def next_jobs(segment_id: str, count: int) -> list[SpeechJob]:
    """Up to ``count`` segments that follow ``segment_id`` in the playlist it was last registered in."""
    jobs: list[SpeechJob] = []
    current = db.session.get(SpeechSegment, segment_id)
    seen = {segment_id}
    while current is not None and current.next_id and len(jobs) < count and current.next_id not in seen:
        seen.add(current.next_id)
        current = db.session.get(SpeechSegment, current.next_id)
        if current is not None:
            jobs.append(SpeechJob(current.id, current.spoken, current.lang, current.engine, current.speed))
    return jobs


def mark_played(segment_id: str) -> None:
    """Stamp the segment as played now (for pruning segments nobody listens to)."""
    db.session.execute(update(SpeechSegment).where(SpeechSegment.id == segment_id)
                       .values(last_played_at=func.now()))
    db.session.commit()
