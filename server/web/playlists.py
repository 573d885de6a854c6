"""Playlists: the segments of an article (or of text a host page sends) with the URL of each one's audio."""
from __future__ import annotations

from collections.abc import Callable

from flask import Blueprint, Flask, Response, current_app, jsonify, url_for

from ..audio import RegistryFull, audio_service
from ..input_rules import CONTROL_IN_TEXT, DEFAULT_LANG, LANGS
from ..problems import Problem
from ..speech import article_blocks
from .api import article_or_404
from .cors import ALLOWED_ORIGINS, check_origin
from .jsonbody import json_body
from .limits import charge_new_segments, client_limit, limiter, origin_key, origin_limit

bp = Blueprint("speech", __name__, url_prefix="/api/v1")


def init_app(app: Flask) -> None:
    """Register the playlist endpoints."""
    app.register_blueprint(bp)


def _full(error: RegistryFull) -> Problem:
    return Problem(503, f"The server holds {error.limit} segments that nobody has listened to yet; new text is "
                   "accepted again once older ones expire.", title="Service Unavailable",
                   headers={"Retry-After": str(error.retry_after)})


def _playlist(blocks: list[str], lang: str, admit_new: Callable[[int], None] | None = None) -> Response:
    """The playlist of ``blocks``; ``admit_new`` charges (and caps) new segments of text strangers send."""
    limit = current_app.config["PLAYLIST_MAX_SEGMENTS"]
    service = audio_service()
    segments = service.segments(blocks, lang)
    if len(segments) > limit:
        raise Problem(413, f"The text makes {len(segments)} segments; at most {limit} are read in one request.",
                      title="Content Too Large")
    try:
        service.register(segments, lang, admit_new=admit_new)
    except RegistryFull as error:
        raise _full(error) from None
    return jsonify({
        "lang": lang,
        "blocks": blocks,
        "segments": [{**s.to_json(url_for("audio.segment", segment_id=s.id)), **service.reader(s.id)}
                     for s in segments],
    })


@bp.get("/articles/<slug>/speech")
def article_speech(slug: str) -> Response:
    """The playlist of a stored article."""
    article = article_or_404(slug)
    return _playlist(article_blocks(article.title, article.lead, article.body), article.lang)


def _blocks_from_request(data) -> tuple[list[str], str]:
    config = current_app.config
    if not isinstance(data, dict):
        raise Problem(422, "The body must be a JSON object with 'lang' and 'blocks'.", title="Invalid request",
                      field="(body)")
    unknown = sorted(set(data) - {"lang", "blocks"})
    if unknown:
        raise Problem(422, f"Field '{unknown[0]}' is not accepted.", title="Invalid request", field=unknown[0])
    lang = data.get("lang", DEFAULT_LANG)
    if lang not in LANGS:
        raise Problem(422, f"Field 'lang' must be one of {', '.join(LANGS)}.", title="Invalid request",
                      field="lang")
    blocks = data.get("blocks")
    if not isinstance(blocks, list) or not blocks or not all(isinstance(b, str) for b in blocks):
        raise Problem(422, "Field 'blocks' must be a non-empty list of strings.", title="Invalid request",
                      field="blocks")
    # Control characters are never text to read (and PostgreSQL cannot store NUL): refuse, do not guess.
    for index, block in enumerate(blocks):
        control = CONTROL_IN_TEXT.search(block)
        if control:
            raise Problem(422, f"Block {index} contains the control character U+{ord(control.group()):04X}.",
                          title="Invalid request", field="blocks")
    if len(blocks) > config["PLAYLIST_MAX_BLOCKS"]:
        raise Problem(422, f"Field 'blocks' has {len(blocks)} items; at most {config['PLAYLIST_MAX_BLOCKS']}.",
                      title="Invalid request", field="blocks")
    characters = sum(len(b) for b in blocks)
    if characters > config["PLAYLIST_MAX_CHARS"]:
        raise Problem(413, f"The blocks hold {characters} characters; at most {config['PLAYLIST_MAX_CHARS']} "
                      "are read in one request.", title="Content Too Large", field="blocks")
    return blocks, lang


@ALLOWED_ORIGINS.post(bp, "/speech")
@limiter.limit(client_limit)
@limiter.limit(origin_limit, key_func=origin_key)
def text_speech() -> Response:
    """The playlist of text blocks that a host page extracted; offsets index into the blocks as sent."""
    check_origin()
    blocks, lang = _blocks_from_request(json_body())
    return _playlist(blocks, lang, admit_new=charge_new_segments)
