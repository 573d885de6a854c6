"""An article's segments as speech jobs, the same way the playlist endpoint cuts and registers them."""
from __future__ import annotations

from flask import current_app

from ..speech import Segment, article_blocks, segment_blocks
from .registry import SpeechJob, register_playlist

SPEED = "normal"


def primary_engine() -> str:
    """The engine playlists ask for: the first of ``TTS_ENGINES``."""
    return str(current_app.config["TTS_ENGINES"]).split(",")[0].strip()


def playlist_segments(blocks: list[str], lang: str) -> list[Segment]:
    """Cut text blocks into segments the way every playlist does: primary engine, the app's abbreviations."""
    return segment_blocks(blocks, lang=lang, engine=primary_engine(), speed=SPEED,
                          abbreviations=current_app.extensions.get("trodoc_abbreviations"))


def register(segments: list[Segment], lang: str) -> None:
    """Register segments handed out in a playlist, so ``/audio/<id>.mp3`` can synthesize them."""
    register_playlist(segments, lang=lang, engine=primary_engine(), speed=SPEED)


def article_jobs(article) -> list[SpeechJob]:
    """Segment and register an article, in reading order; ids match those of its playlist."""
    segments = playlist_segments(article_blocks(article.title, article.lead, article.body), article.lang)
    register(segments, article.lang)
    return [SpeechJob(seg.id, seg.spoken, article.lang, primary_engine(), SPEED) for seg in segments]
