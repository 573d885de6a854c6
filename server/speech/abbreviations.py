"""Abbreviation dictionary: the built-in TSV plus an optional operator file."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

BUILTIN_PATH = Path(__file__).with_name("data") / "abbreviations.tsv"


def parse_abbreviations(text: str) -> dict[str, str]:
    """Parse ``ABBR<TAB>expansion`` lines; ``#`` starts a comment line, blank lines are ignored.

    Lines without a tab or with an empty side are skipped rather than fatal,
    because operator files are edited by hand on production servers.
    """
    table: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        abbr, sep, expansion = line.partition("\t")
        abbr, expansion = abbr.strip(), " ".join(expansion.split())
        if sep and abbr and expansion:
            table[abbr] = expansion
    return table


@lru_cache(maxsize=1)
def _builtin() -> tuple[tuple[str, str], ...]:
    return tuple(parse_abbreviations(BUILTIN_PATH.read_text(encoding="utf-8")).items())


def load_abbreviations(extra_path: str | None = None) -> dict[str, str]:
    """Return the built-in abbreviations, overridden/extended by ``extra_path`` (same TSV format)."""
    table = dict(_builtin())
    if extra_path:
        table.update(parse_abbreviations(Path(extra_path).read_text(encoding="utf-8")))
    return table
