"""Turning untrusted article input (API bodies, imported files) into clean field values."""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any
from urllib.parse import urlsplit

from ..input_rules import CONTROL_IN_TEXT, DEFAULT_LANG, LANGS
from .models import SLUG_MAX
from .sanitize import sanitize_html

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FIELDS = {"slug", "title", "lead", "body", "author", "published", "source_url", "lang"}
LIMITS = {"title": 500, "lead": 5_000, "body": 500_000, "author": 200, "source_url": 2_000}


class InvalidArticle(ValueError):
    """A well-formed request whose article is not acceptable; ``field`` names the culprit."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


def slugify(text: str) -> str:
    """A URL slug from Vietnamese text: diacritics removed, đ → d, words joined by hyphens."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    ascii_text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    return slug[:SLUG_MAX].rstrip("-")


def _text(data: dict, field: str, *, required: bool) -> str:
    value = data.get(field, "")
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise InvalidArticle(field, "must be a string")
    value = unicodedata.normalize("NFC", CONTROL_IN_TEXT.sub("", value)).strip()
    if required and not value:
        raise InvalidArticle(field, "is required")
    if len(value) > LIMITS.get(field, 10_000):
        raise InvalidArticle(field, f"is longer than {LIMITS[field]} characters")
    return value


def _published(data: dict) -> dt.date | None:
    value = data.get("published")
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise InvalidArticle("published", "must be an ISO date string (YYYY-MM-DD)")
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        raise InvalidArticle("published", "must be an ISO date (YYYY-MM-DD)") from None


def _source_url(data: dict) -> str:
    value = _text(data, "source_url", required=False)
    if value and (urlsplit(value).scheme not in ("http", "https") or not urlsplit(value).netloc):
        raise InvalidArticle("source_url", "must be an http(s) URL")
    return value


def clean_article(data: Any, *, slug: str | None = None) -> dict:
    """Validate and sanitize a full article; the slug comes from the URL, the body or the title."""
    if not isinstance(data, dict):
        raise InvalidArticle("(body)", "must be a JSON object")
    unknown = sorted(set(data) - FIELDS)
    if unknown:
        raise InvalidArticle(unknown[0], "is not an article field")
    title = _text(data, "title", required=True)
    body = sanitize_html(_text(data, "body", required=True))
    if not body:
        raise InvalidArticle("body", "has no content left after removing unsafe markup")
    lang = data.get("lang") or DEFAULT_LANG
    if lang not in LANGS:
        raise InvalidArticle("lang", f"must be one of {', '.join(LANGS)}")
    given_slug = data.get("slug")
    if given_slug is not None and not isinstance(given_slug, str):
        raise InvalidArticle("slug", "must be a string")
    if slug is not None and given_slug and given_slug != slug:
        raise InvalidArticle("slug", "does not match the article's address")
    final_slug = slug or given_slug or slugify(title)
    if not SLUG_RE.match(final_slug) or len(final_slug) > SLUG_MAX:
        raise InvalidArticle("slug", f"must be lowercase letters, digits and hyphens, at most {SLUG_MAX}")
    return {
        "slug": final_slug,
        "title": title,
        "lead": _text(data, "lead", required=False),
        "body": body,
        "author": _text(data, "author", required=False),
        "published": _published(data),
        "source_url": _source_url(data),
        "lang": lang,
    }
