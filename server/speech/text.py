"""Whitespace and Unicode cleanup shared by every step."""

from __future__ import annotations

import re
import unicodedata

# \s covers NBSP and the other Unicode spaces; zero-width characters and the
# BOM are not whitespace to Python but are invisible runs on CMS pages.
SPACE_RUN = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff]+")


def clean_text(s: str) -> str:
    """NFC-normalise, collapse every whitespace run (NBSP, zero-width, ...) to one space, strip."""
    return SPACE_RUN.sub(" ", unicodedata.normalize("NFC", s)).strip()
