"""Registered segments: what text an audio id stands for, and which segment follows it (for look-ahead).

Playlist endpoints register every segment they hand out; ``/audio/<id>.mp3`` can then make the recording
from the id alone. Registering is on the path of every playlist fetch, so an already registered playlist
costs one indexed ``SELECT`` (and nothing at all when this process registered it recently). Registering never
deletes: segments nobody played are pruned by ``flask audio prune`` and the service's prune timer.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from flask import current_app
from sqlalchemy import DateTime, Integer, String, Text, delete, func, literal_column, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, aliased, mapped_column

from ..db import db
from .recent import ExpiringSet

ID_LENGTH = 32
RECENT_EXTENSION = "trodoc_audio.recent"
# Rows may be pruned meanwhile: a playlist registered this long ago is checked in the database again.
RECENT_TTL = 3600.0
RECENT_SIZE = 1024
FULL_RETRY_AFTER = 600  # seconds; pruning runs every few minutes, and segments expire after days
LOOKUP_CHUNK = 500  # stays under every database's limit on bound parameters


class RegistryFull(Exception):
    """Too many registered segments nobody has played: new ones are refused until some expire."""

    def __init__(self, limit: int, retry_after: int = FULL_RETRY_AFTER) -> None:
        super().__init__(f"{limit} registered segments have not been played yet")
        self.limit = limit
        self.retry_after = retry_after


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
class Voice:
    """How a segment is read: its language, the engine asked first, and the pace."""

    lang: str
    engine: str
    speed: str = "normal"


@dataclass(frozen=True)
class SpeechJob:
    """Everything an engine needs to record one segment."""

    segment_id: str
    spoken: str
    voice: Voice


def _successors(segments: Sequence[SegmentLike]) -> dict[str, tuple[str, str | None]]:
    # A segment repeated within one playlist keeps the successor of its last occurrence.
    return {seg.id: (seg.spoken, segments[i + 1].id if i + 1 < len(segments) else None)
            for i, seg in enumerate(segments)}


def _fingerprint(wanted: dict[str, tuple[str, str | None]], voice: Voice) -> str:
    digest = hashlib.blake2b(f"{voice.lang}|{voice.engine}|{voice.speed}".encode(), digest_size=16)
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


def unplayed_count() -> int:
    """How many registered segments were never played."""
    return db.session.scalar(select(func.count()).select_from(SpeechSegment)
                             .where(SpeechSegment.last_played_at.is_(None)))


def prune_unplayed(max_age_days: float | None = None) -> int:
    """Forget segments registered more than ``max_age_days`` ago (default ``REGISTRY_UNPLAYED_DAYS``) and never
    played; returns how many. Their recordings, if any, stay in the audio cache (content-addressed)."""
    if max_age_days is None:
        max_age_days = current_app.config["REGISTRY_UNPLAYED_DAYS"]
    cutoff = dt.datetime.now(dt.UTC) - dt.timedelta(days=max_age_days)
    if db.engine.dialect.name == "sqlite":
        cutoff = cutoff.replace(tzinfo=None)  # SQLite keeps CURRENT_TIMESTAMP as naive UTC text
    result = db.session.execute(delete(SpeechSegment).where(SpeechSegment.last_played_at.is_(None),
                                                            SpeechSegment.created_at < cutoff))
    db.session.commit()
    # This process may remember playlists as registered whose rows a prune (here, or in another process that
    # shares the database) removed: forget them either way, so the next fetches check the database again.
    recent = current_app.extensions.get(RECENT_EXTENSION)
    if recent is not None:
        recent.clear()
    return result.rowcount or 0


def _admit(new: int, admit_new: Callable[[int], None]) -> None:
    admit_new(new)
    limit = current_app.config["REGISTRY_MAX_UNPLAYED"]
    if limit and unplayed_count() + new > limit:
        raise RegistryFull(limit)


def _write(wanted: dict[str, tuple[str, str | None]], voice: Voice,
           admit_new: Callable[[int], None] | None) -> None:
    existing = _existing_successors(list(wanted))
    new = sum(1 for segment_id in wanted if segment_id not in existing)
    if new and admit_new is not None:
        _admit(new, admit_new)
    for segment_id, (spoken, next_id) in wanted.items():
        if segment_id not in existing:
            db.session.add(SpeechSegment(id=segment_id, spoken=spoken, lang=voice.lang, engine=voice.engine,
                                         speed=voice.speed, next_id=next_id))
        elif existing[segment_id] != next_id:
            db.session.execute(update(SpeechSegment).where(SpeechSegment.id == segment_id)
                               .values(next_id=next_id))
    db.session.commit()


def register_playlist(segments: Sequence[SegmentLike], voice: Voice, *, recent: ExpiringSet | None = None,
                      admit_new: Callable[[int], None] | None = None) -> None:
    """Record every segment of a playlist (text, voice, successor) so its audio URL can be served.

    Idempotent and safe to call concurrently from several processes; commits the session. ``recent``
    defaults to the current app's memo of playlists registered lately. ``admit_new`` is for text that
    strangers send: it is called with the number of segments not registered yet and may raise to refuse them;
    they then count against ``REGISTRY_MAX_UNPLAYED`` (:class:`RegistryFull` beyond). Without it (the operator's
    own articles) nothing is refused.
    """
    if not segments:
        return
    if recent is None:
        recent = current_app.extensions.get(RECENT_EXTENSION)
    wanted = _successors(segments)
    fingerprint = _fingerprint(wanted, voice)
    if recent is not None and fingerprint in recent:
        return
    try:
        _write(wanted, voice, admit_new)
    except IntegrityError:
        # Another process inserted some of the same segments between our SELECT and INSERT; theirs are
        # identical (the id is a hash of the content), so one more pass only fixes successors.
        db.session.rollback()
        _write(wanted, voice, admit_new)
    if recent is not None:
        recent.add(fingerprint)


def _job(row: SpeechSegment) -> SpeechJob:
    return SpeechJob(row.id, row.spoken, Voice(row.lang, row.engine, row.speed))


def find_job(segment_id: str) -> SpeechJob | None:
    """What to record for ``segment_id``, or None when no playlist registered it."""
    row = db.session.get(SpeechSegment, segment_id)
    if row is None:
        return None
    return _job(row)


def playlist_from(segment_id: str, limit: int) -> list[str]:
    """``segment_id`` and the segments that follow it in the playlist it was last registered in, at most
    ``limit`` in all, in order; empty when it is not registered. One query, however long the playlist."""
    chain = (select(SpeechSegment.id, SpeechSegment.next_id, literal_column("1", Integer).label("depth"))
             .where(SpeechSegment.id == segment_id).cte("chain", recursive=True))
    following = aliased(SpeechSegment)
    chain = chain.union_all(select(following.id, following.next_id, chain.c.depth + 1)
                            .where(following.id == chain.c.next_id, chain.c.depth < limit))
    # A segment repeated in the playlist leads back into it: the walk ends at the first repeat.
    ids: dict[str, None] = {}
    for found in db.session.scalars(select(chain.c.id).order_by(chain.c.depth)):
        if found in ids:
            break
        ids[found] = None
    return list(ids)


def next_jobs(segment_id: str, count: int) -> list[SpeechJob]:
    """Up to ``count`` segments that follow ``segment_id`` in the playlist it was last registered in."""
    ids = playlist_from(segment_id, count + 1)[1:]
    rows = {row.id: row for row in db.session.scalars(select(SpeechSegment).where(SpeechSegment.id.in_(ids)))}
    return [_job(rows[found]) for found in ids if found in rows]


def mark_played(segment_ids: Iterable[str]) -> None:
    """Stamp the segments as played now (for pruning segments nobody listens to)."""
    for chunk in _chunks(list(segment_ids)):
        db.session.execute(update(SpeechSegment).where(SpeechSegment.id.in_(chunk))
                           .values(last_played_at=func.now()))
    db.session.commit()
