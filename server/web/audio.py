"""Audio: ``/audio/<id>.mp3`` (one segment) and ``/api/v1/articles/<slug>/audio.mp3`` (a whole article)."""
from __future__ import annotations

import io
import math
from urllib.parse import quote

from flask import Blueprint, Response, current_app, send_file

from ..audio import AudioUnavailable, UnknownSegment, audio_service
from ..audio.cache import CachedAudio
from ..problems import Problem
from .api import article_or_404
from .cors import AUDIO
from .limits import charge_synthesis

bp = Blueprint("audio", __name__)
YEAR = 31_536_000
ARTICLE_MAX_AGE = 300


@bp.before_app_request
def _serving() -> None:
    # Every process that serves requests prunes the registry and records the queue of published articles,
    # in the background.
    audio_service().on_request()


def _problem_of(error: AudioUnavailable) -> Problem:
    # Even a permanent engine failure is the service being unable to speak now: the contract is 503.
    detail = ("The speech engine could not read this text." if error.permanent
              else "The speech engine is busy or unreachable; try again shortly.")
    return Problem(503, detail, title="Service Unavailable",
                   headers={"Retry-After": str(max(1, math.ceil(error.retry_after))), "Cache-Control": "no-store"})


def _recording(segment_id: str) -> CachedAudio:
    try:
        return audio_service().audio_for(segment_id, before_synthesis=charge_synthesis)
    except UnknownSegment:
        raise Problem(404, f"No audio has the id '{segment_id}'; fetch the playlist first.",
                      title="Not Found") from None
    except AudioUnavailable as error:
        raise _problem_of(error) from None


def _send(found: CachedAudio) -> Response:
    stored = found.data is None
    max_age = YEAR if found.primary and stored else int(current_app.config["AUDIO_FALLBACK_MAX_AGE"])
    # A path or a BytesIO (sized) is what lets Werkzeug answer Range requests with 206 and Content-Length.
    # A recording the disk refused is served from memory, and only briefly cached: it is made again later.
    source = found.path if stored else io.BytesIO(found.data)
    response = send_file(source, mimetype="audio/mpeg", conditional=True, etag=found.etag, max_age=max_age)
    response.cache_control.public = True
    # Content-addressed: the date says nothing (and moves with LRU touches); the ETag is the validator.
    response.headers.pop("Last-Modified", None)
    if found.primary and stored:
        response.cache_control.immutable = True
    # Which voice this is: the widget reads with the device's own voice instead of a robotic one.
    response.headers["X-Trodoc-Engine"] = found.engine
    response.headers["X-Trodoc-Voice-Rank"] = str(audio_service().rank(found.engine))
    return response


@bp.get("/audio/<segment_id>.mp3")
@AUDIO
def segment(segment_id: str) -> Response:
    """One segment's recording, made on first request and then served from the cache."""
    try:
        return _send(_recording(segment_id))
    except FileNotFoundError:
        return _send(_recording(segment_id))  # evicted between lookup and open: it is made again


@bp.get("/api/v1/articles/<slug>/audio.mp3")
@AUDIO
def article(slug: str) -> Response:
    """The whole article as one MP3, streamed as its segments become ready."""
    found = article_or_404(slug)
    service = audio_service()
    jobs = service.article_jobs(found)
    if any(service.cache.find(job.segment_id) is None for job in jobs):
        charge_synthesis()  # a fully recorded article costs no upstream call and is never limited
    try:
        chunks = service.stream_mp3(jobs)
    except AudioUnavailable as error:
        raise _problem_of(error) from None
    response = Response(chunks, mimetype="audio/mpeg")
    filename = f"{found.slug}.mp3"
    response.headers["Content-Disposition"] = (
        f"attachment; filename=\"{filename}\"; filename*=UTF-8''{quote(found.title + '.mp3', safe='')}")
    response.headers["Cache-Control"] = f"public, max-age={ARTICLE_MAX_AGE}"
    return response
