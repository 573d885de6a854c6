"""The normaliser's data tables: TSV files beside the abbreviations, loaded once.

``units.tsv``, ``currencies.tsv``, ``document_types.tsv``, ``letters.tsv`` and
``loanwords.tsv`` map a written form to its reading; ``contexts.tsv`` lists
the words that change how the number or letter next to them is read, by kind.
Every file has the abbreviations' format (``#`` comments, one tab per line).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache, lru_cache
from pathlib import Path
from types import MappingProxyType

from .abbreviations import parse_abbreviations

DATA_DIR = Path(__file__).with_name("data")


@cache
def load_table(name: str) -> Mapping[str, str]:
    """``data/<name>.tsv`` as a read-only ``written -> reading`` mapping."""
    text = (DATA_DIR / f"{name}.tsv").read_text(encoding="utf-8")
    return MappingProxyType(parse_abbreviations(text))


@lru_cache(maxsize=1)
def load_contexts() -> Mapping[str, tuple[str, ...]]:
    """``data/contexts.tsv`` as ``kind -> words``; a word may be listed under several kinds."""
    kinds: dict[str, list[str]] = {}
    for line in (DATA_DIR / "contexts.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        word, sep, kind = line.partition("\t")
        word, kind = " ".join(word.split()), kind.strip()
        if sep and word and kind:
            kinds.setdefault(kind, []).append(word.lower())
    return MappingProxyType({kind: tuple(words) for kind, words in kinds.items()})

