"""The bundled sample articles, loaded once into an empty database."""
from __future__ import annotations

import glob
import html
import json
import os

from sqlalchemy import func, select

from ..db import db
from .models import Article
from .store import save_article
from .validate import clean_article

SAMPLES_DIR = os.path.join(os.path.dirname(os.path.dirname(__file__)), "samples")
FIGURE_IMAGE = "/static/portal/photo.svg"
# Portal pages put each photo caption on its own short line between paragraphs.
CAPTION_MAX = 150


def _lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def parse_portal_text(text: str, *, slug: str, published: str, source_url: str = "") -> dict:
    """An article from text copied off a portal page.

    The first line is the portal's own toolbar (not article text), the next is the title, then the lead,
    then paragraphs with short caption lines between them; the last line is the author's byline.
    """
    lines = _lines(text)[1:]
    title, lead, *rest, byline = lines
    parts = []
    for line in rest:
        if len(line) <= CAPTION_MAX:
            parts.append(f'<figure><img src="{FIGURE_IMAGE}" alt="" width="640" height="360">'
                         f"<figcaption>{html.escape(line)}</figcaption></figure>")
        else:
            parts.append(f"<p>{html.escape(line)}</p>")
    return {
        "slug": slug,
        "title": title.rstrip("."),
        "lead": lead,
        "body": "\n".join(parts),
        "author": byline.rstrip("."),
        "published": published,
        "source_url": source_url,
        "lang": "vi",
    }


def sample_articles() -> list[dict]:
    """Every bundled sample, as raw records."""
    with open(os.path.join(SAMPLES_DIR, "dak-song-cchc-2023.txt"), encoding="utf-8") as handle:
        records = [parse_portal_text(handle.read(), slug="dak-song-kiem-tra-cai-cach-hanh-chinh-2023",
                                     published="2023-09-28")]
    for path in sorted(glob.glob(os.path.join(SAMPLES_DIR, "*.json"))):
        with open(path, encoding="utf-8") as handle:
            records.append(json.load(handle))
    return records


def load_samples_if_empty() -> int:
    """Load the samples when the article table is empty; returns how many were loaded."""
    if db.session.scalar(select(func.count()).select_from(Article)):
        return 0
    records = sample_articles()
    for record in records:
        save_article(clean_article(record), announce=False)  # demo text: recorded when first asked
    return len(records)
