"""An article's segments as speech jobs, the same way the playlist endpoint cuts and registers them."""
from __future__ import annotations

from flask import current_app

from .registry import SpeechJob, register_playlist

SPEED = "normal"


def primary_engine() -> str:
    """The engine playlists ask for: the first of ``TTS_ENGINES``."""
    return str(current_app.config["TTS_ENGINES"]).split(",")[0].strip()


def article_jobs(article) -> list[SpeechJob]:
    """Segment and register an article, in reading order; ids match those of its playlist."""
    from ..speech import segment_blocks
    from ..web.speech import article_blocks  # the one definition of an article's reading order

    engine = primary_engine()
    segments = segment_blocks(article_blocks(article), lang=article.lang, engine=engine,
                              abbreviations=current_app.extensions.get("trodoc_abbreviations"))
    register_playlist(segments, lang=article.lang, engine=engine, speed=SPEED)
    return [SpeechJob(seg.id, seg.spoken, article.lang, engine, SPEED) for seg in segments]
