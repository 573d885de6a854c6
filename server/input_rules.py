"""Rules for untrusted input that more than one layer applies, each defined once.

The article checks (``articles/validate.py``), the web layer's request checks and the OpenAPI description
(``web/openapi.py``) all take them from here; this module imports nothing of the project.
"""
from __future__ import annotations

import re

LANGS = ("vi", "en")  # the languages a text is read in
DEFAULT_LANG = "vi"
# Control characters, as the ranges of a character class: C0, DEL and C1. They are never text to read, a
# reader's page never holds them, and PostgreSQL cannot store NUL.
CONTROL = r"\x00-\x1f\x7f-\x9f"
# The C0 characters that are whitespace (tab, line feed, vertical tab, form feed, carriage return):
# multi-line text keeps them, and reading turns them into spaces.
TEXT_SPACING = r"\t\n\x0b\x0c\r"
CONTROL_CHARACTER = re.compile(f"[{CONTROL}]")  # in one-line values: names, paths, selectors
CONTROL_IN_TEXT = re.compile(f"(?![{TEXT_SPACING}])[{CONTROL}]")  # in multi-line text
