"""``GET /api/v1/openapi.json``: the API described for operators, client generators and schemathesis.

Every bound and rule that the code checks comes from the definition the code checks it with."""
from __future__ import annotations

from flask import Blueprint, Response, jsonify

from ..articles.models import SLUG_MAX
from ..articles.validate import LIMITS, SLUG_RE
from ..input_rules import LANGS
from ..speech.segments import MAX_SPOKEN
from ..usage.counts import EVENTS
from .api import PAGE, PER_PAGE
from .usage import ARTICLE_MAX, DAYS

bp = Blueprint("openapi", __name__)

PROBLEM = {"$ref": "#/components/responses/Problem"}
SLUG = {"name": "slug", "in": "path", "required": True,
        "schema": {"type": "string", "maxLength": SLUG_MAX}}
DATE_OR_NULL = {"type": ["string", "null"], "format": "date"}


def _json(schema: dict, description: str = "OK") -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _problems(*codes: int) -> dict:
    return {str(code): PROBLEM for code in codes}


def _article_fields(required_body: bool) -> dict:
    return {
        "slug": {"type": "string", "pattern": SLUG_RE.pattern, "maxLength": SLUG_MAX},
        "title": {"type": "string", "maxLength": LIMITS["title"]},
        "lead": {"type": "string", "maxLength": LIMITS["lead"]},
        "body": {"type": "string", "description": "HTML; sanitized on the way in"},
        "author": {"type": "string", "maxLength": LIMITS["author"]},
        "published": DATE_OR_NULL if not required_body else {"type": "string", "format": "date"},
        "source_url": {"type": "string", "maxLength": LIMITS["source_url"]},
        "lang": {"type": "string", "enum": list(LANGS)},
    }


SPEC = {
    "openapi": "3.1.0",
    "info": {"title": "Trợ Đọc", "version": "1",
             "description": "Articles, Vietnamese speech playlists and audio for the Trợ Đọc reading widget. "
                            "Errors are RFC 9457 problem details."},
    "components": {
        "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        "responses": {"Problem": {"description": "A problem", "content": {"application/problem+json": {
            "schema": {"$ref": "#/components/schemas/Problem"}}}}},
        "schemas": {
            "Problem": {"type": "object", "required": ["type", "title", "status", "detail"], "properties": {
                "type": {"type": "string"}, "title": {"type": "string"}, "status": {"type": "integer"},
                "detail": {"type": "string"}, "field": {"type": "string"}, "parameter": {"type": "string"}}},
            "Article": {"type": "object", "additionalProperties": False,
                        "required": list(_article_fields(False)), "properties": _article_fields(False)},
            "ArticleInput": {"type": "object", "additionalProperties": False, "required": ["title", "body"],
                             "properties": _article_fields(True)},
            "ArticleList": {"type": "object", "required": ["items", "page", "per_page", "total", "pages", "links"],
                            "properties": {
                                "items": {"type": "array", "items": {"type": "object"}},
                                "page": {"type": "integer", "minimum": 1},
                                "per_page": {"type": "integer", "minimum": 1},
                                "total": {"type": "integer", "minimum": 0},
                                "pages": {"type": "integer", "minimum": 1},
                                "links": {"type": "object"}}},
            "Segment": {"type": "object", "required": ["id", "block", "start", "end", "text", "spoken", "audio",
                                                       "engine", "rank"],
                        "properties": {
                            "id": {"type": "string", "pattern": "^[0-9a-f]{32}$"},
                            "block": {"type": "integer", "minimum": 0},
                            "start": {"type": "integer", "minimum": 0},
                            "end": {"type": "integer", "minimum": 1},
                            "text": {"type": "string"},
                            "spoken": {"type": "string", "maxLength": MAX_SPOKEN},
                            "audio": {"type": "string"},
                            "engine": {"type": "string"},
                            "rank": {"type": "integer", "minimum": 0, "maximum": 2}}},
            "Playlist": {"type": "object", "required": ["lang", "blocks", "segments"], "properties": {
                "lang": {"type": "string"},
                "blocks": {"type": "array", "items": {"type": "string"}},
                "segments": {"type": "array", "items": {"$ref": "#/components/schemas/Segment"}}}},
            "SpeechRequest": {"type": "object", "additionalProperties": False, "required": ["blocks"],
                              "properties": {
                                  "lang": {"type": "string", "enum": list(LANGS)},
                                  "blocks": {"type": "array", "minItems": 1, "items": {"type": "string"}}}},
        },
    },
    "paths": {
        "/healthz": {"get": {"summary": "Each part's state and the overall one (ok, degraded, down)", "responses": {
            "200": _json({"type": "object", "required": ["status", "database", "parts"]}, "ok or degraded"),
            "503": _json({"type": "object", "required": ["status", "database", "parts"]}, "down")}}},
        "/metrics": {"get": {"summary": "Prometheus metrics of every process of this machine",
                             "security": [{"bearer": []}], "responses": {
            "200": {"description": "Prometheus text format", "content": {"text/plain": {}}},
            **_problems(401, 403)}}},
        "/api/v1/openapi.json": {"get": {"summary": "This document", "responses": {"200": _json({"type": "object"})}}},
        "/api/v1/articles": {
            "get": {"summary": "Article summaries, newest first",
                    "parameters": [PAGE.parameter(), PER_PAGE.parameter()],
                    "responses": {"200": _json({"$ref": "#/components/schemas/ArticleList"}), **_problems(400)}},
            "post": {"summary": "Create an article", "security": [{"bearer": []}],
                     "requestBody": {"required": True, "content": {"application/json": {
                         "schema": {"$ref": "#/components/schemas/ArticleInput"}}}},
                     "responses": {"201": _json({"$ref": "#/components/schemas/Article"}, "Created"),
                                   **_problems(400, 401, 403, 409, 413, 415, 422)}},
        },
        "/api/v1/articles/{slug}": {
            "parameters": [SLUG],
            "get": {"summary": "One article", "responses": {
                "200": _json({"$ref": "#/components/schemas/Article"}), **_problems(404)}},
            "put": {"summary": "Create or replace an article", "security": [{"bearer": []}],
                    "requestBody": {"required": True, "content": {"application/json": {
                        "schema": {"$ref": "#/components/schemas/ArticleInput"}}}},
                    "responses": {"200": _json({"$ref": "#/components/schemas/Article"}),
                                  "201": _json({"$ref": "#/components/schemas/Article"}, "Created"),
                                  **_problems(400, 401, 403, 413, 415, 422)}},
            "delete": {"summary": "Delete an article", "security": [{"bearer": []}],
                       "responses": {"204": {"description": "Deleted"}, **_problems(401, 403, 404)}},
        },
        "/api/v1/articles/{slug}/speech": {"parameters": [SLUG], "get": {
            "summary": "The article's playlist: title, lead, then body blocks",
            "responses": {"200": _json({"$ref": "#/components/schemas/Playlist"}), **_problems(404, 413)}}},
        "/api/v1/articles/{slug}/audio.mp3": {"parameters": [SLUG], "get": {
            "summary": "The whole article as one MP3",
            "responses": {"200": {"description": "MP3", "content": {"audio/mpeg": {}}},
                          **_problems(404, 429, 503)}}},
        "/api/v1/speech": {"post": {
            "summary": "The playlist of text blocks sent by a host page (allowed origins only)",
            "requestBody": {"required": True, "content": {"application/json": {
                "schema": {"$ref": "#/components/schemas/SpeechRequest"}}}},
            "responses": {"200": _json({"$ref": "#/components/schemas/Playlist"}),
                          **_problems(400, 403, 413, 415, 422, 429, 503)}}},
        "/audio/{segment_id}.mp3": {"parameters": [
            {"name": "segment_id", "in": "path", "required": True, "schema": {"type": "string"}}], "get": {
            "summary": "One segment's audio; synthesized on first request",
            "responses": {"200": {"description": "MP3", "content": {"audio/mpeg": {}}},
                          "206": {"description": "Partial MP3", "content": {"audio/mpeg": {}}},
                          "304": {"description": "Not modified"}, **_problems(404, 416, 429, 503)}}},
        "/api/v1/events": {"post": {
            "summary": "Count one anonymous widget event (allowed origins only)",
            "requestBody": {"required": True, "content": {"application/json": {"schema": {
                "type": "object", "required": ["event"], "properties": {
                    "event": {"type": "string", "enum": sorted(EVENTS)},
                    "value": {"type": "string"}, "article": {"type": "string", "maxLength": ARTICLE_MAX},
                    "segment": {"type": "string", "pattern": "^[0-9a-f]{32}$",
                                "description": "listen_start only: the segment the run starts at; its recorded "
                                               "segments from there on count as played"}}}}}},
            "responses": {"204": {"description": "Counted"}, **_problems(400, 403, 413, 415, 422, 429)}}},
        "/api/v1/stats": {"get": {
            "summary": "Usage counts for operators", "security": [{"bearer": []}],
            "parameters": [DAYS.parameter()],
            "responses": {"200": _json({"type": "object", "required": ["articles", "origins", "settings"]}),
                          **_problems(400, 401, 403)}}},
        "/widget.js": {"get": {"summary": "The script operators embed", "responses": {
            "200": {"description": "JavaScript", "content": {"text/javascript": {}}},
            "304": {"description": "Not modified"}}}},
        "/embed/tro-doc.zip": {"get": {"summary": "The WordPress plugin, for wp-admin's Upload Plugin", "responses": {
            "200": {"description": "The plugin's zip", "content": {"application/zip": {}}},
            **_problems(404)}}},
    },
}


@bp.get("/api/v1/openapi.json")
def openapi() -> Response:
    """The OpenAPI 3.1 description of every endpoint."""
    return jsonify(SPEC)
