"""Registered segments: what text an audio id stands for, and which segment follows it (for look-ahead).

Playlist endpoints register every segment they hand out; ``/audio/<id>.mp3`` can then make the recording
from the id alone. Registering is on the path of every playlist fetch, so an already registered playlist
costs one indexed ``SELECT`` (and nothing at all when this process registered it recently).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import Iterable, Protocol, Sequence

from flask import current_app, has_app_context
from sqlalchemy import DateTime, String, Text, delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, mapped_column

from ..db import db
from ..problems import Problem

ID_LENGTH = 32
RECENT_EXTENSION = "trodoc_audio.recent"
PRUNE_EXTENSION = "trodoc_audio.pruned"
# Optional ``fn(new) -> bool`` the web layer installs: may refuse (raise) new segments, and says whether
# they count against SPEECH_MAX_UNPLAYED (host pages' text does; the operator's own articles do not).
ADMISSION_EXTENSION = "trodoc_audio.admission"
PRUNE_INTERVAL = 60.0  # opportunistic pruning on registration: at most once a minute per process
FULL_RETRY_AFTER = 600
LOOKUP_CHUNK = 500  # stays under every database's limit on bound parameters


class RegistryFull(Problem):
    """Too many registered segments nobody has played: refuse new ones until some expire."""

    def __init__(self, limit: int) -> None:
        super().__init__(503, f"The server holds {limit} segments that nobody has listened to yet; new text "
                         "is accepted again once older ones expire.", title="Service Unavailable",
                         headers={"Retry-After": str(FULL_RETRY_AFTER)})


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

    def __init__(self, size: int = 1024, max_age: float = 3600.0) -> None:
        self.size = size
        self.max_age = max_age  # rows may be pruned meanwhile: check the database again after this long
        self._lock = threading.Lock()
        self._seen: OrderedDict[str, float] = OrderedDict()

    def seen(self, fingerprint: str) -> bool:
        """Whether ``fingerprint`` was added lately (refreshing its recency)."""
        with self._lock:
            added = self._seen.get(fingerprint)
            if added is None:
                return False
            if time.monotonic() - added > self.max_age:
                del self._seen[fingerprint]
                return False
            self._seen.move_to_end(fingerprint)
            return True

    def add(self, fingerprint: str) -> None:
        """Remember ``fingerprint``, forgetting the oldest beyond ``size``."""
        with self._lock:
            self._seen[fingerprint] = time.monotonic()
            self._seen.move_to_end(fingerprint)
            while len(self._seen) > self.size:
                self._seen.popitem(last=False)

    def clear(self) -> None:
        """Forget everything (after pruning removed rows)."""
        with self._lock:
            self._seen.clear()


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


def unplayed_count() -> int:
    """How many registered segments were never played."""
    return db.session.scalar(select(func.count()).select_from(SpeechSegment)
                             .where(SpeechSegment.last_played_at.is_(None)))


def prune_unplayed(max_age_days: float | None = None) -> int:
    """Forget segments registered more than ``max_age_days`` ago (default ``SPEECH_UNPLAYED_DAYS``) and never
    played; returns how many. Their recordings, if any, stay in the audio cache (content-addressed)."""
    if max_age_days is None:
        max_age_days = float(current_app.config["SPEECH_UNPLAYED_DAYS"])
    cutoff = dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=max_age_days)
    if db.engine.dialect.name == "sqlite":
        cutoff = cutoff.replace(tzinfo=None)  # SQLite keeps CURRENT_TIMESTAMP as naive UTC text
    result = db.session.execute(delete(SpeechSegment).where(SpeechSegment.last_played_at.is_(None),
                                                            SpeechSegment.created_at < cutoff))
    db.session.commit()
    removed = result.rowcount or 0
    if removed and has_app_context():
        recent = current_app.extensions.get(RECENT_EXTENSION)
        if recent is not None:
            recent.clear()
    return removed


def _maybe_prune(force: bool = False) -> None:
    state = current_app.extensions.setdefault(PRUNE_EXTENSION, {"at": 0.0, "lock": threading.Lock()})
    now = time.monotonic()
    if not force and now - state["at"] < PRUNE_INTERVAL:
        return
    if not state["lock"].acquire(blocking=False):
        return  # another thread is pruning
    try:
        state["at"] = now
        prune_unplayed()
    finally:
        state["lock"].release()


def _make_room(new: int) -> None:
    """Prune now and then; refuse when ``new`` more unplayed segments would exceed ``SPEECH_MAX_UNPLAYED``."""
    if not has_app_context():
        return
    limit = int(current_app.config.get("SPEECH_MAX_UNPLAYED") or 0)
    _maybe_prune()
    admission = current_app.extensions.get(ADMISSION_EXTENSION)
    capped = admission(new) if admission is not None else True
    if not limit or not capped:
        return
    if unplayed_count() + new > limit:
        _maybe_prune(force=True)
        if unplayed_count() + new > limit:
            raise RegistryFull(limit)


def _write(wanted: dict[str, tuple[str, str | None]], lang: str, engine: str, speed: str) -> None:
    existing = _existing_successors(list(wanted))
    new = sum(1 for segment_id in wanted if segment_id not in existing)
    if new:
        _make_room(new)
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
