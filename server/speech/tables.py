"""The normaliser's data tables: TSV files in ``data/``, each extensible by an operator's file of the same name.

``units.tsv``, ``currencies.tsv``, ``document_types.tsv``, ``letters.tsv``,
``loanwords.tsv`` and ``signs.tsv`` map a written form to its reading; ``contexts.tsv`` lists
the words that change how the number or letter next to them is read, by kind.
Every file has the abbreviations' format (``#`` comments, one tab per line).

An operator's file of one of these names (in the folder ``TRODOC_ABBREVIATIONS``
names) extends the built-in table: its readings override those of the same
written forms; its context words are added to their kinds.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType

DATA_DIR = Path(__file__).with_name("data")
# The ``written -> reading`` tables, by file name without ".tsv".
READING_TABLES = ("units", "currencies", "document_types", "letters", "loanwords", "signs")


def parse_table(text: str) -> dict[str, str]:
    """Parse ``written<TAB>reading`` lines (see ``parse_lines``); a later line wins over an earlier one."""
    return dict(parse_lines(text))


def parse_contexts(text: str) -> dict[str, list[str]]:
    """Parse ``word<TAB>kind`` lines into ``kind -> words`` (lower case); a word may be listed under several kinds."""
    kinds: dict[str, list[str]] = {}
    for word, kind in parse_lines(text):
        kinds.setdefault(kind, []).append(word.lower())
    return kinds


def parse_lines(text: str) -> list[tuple[str, str]]:
    """The ``(left, right)`` pairs of tab-separated lines, spaces collapsed; ``#`` starts a comment line.

    Lines without a tab or with an empty side are skipped rather than fatal,
    because operator files are edited by hand on production servers.
    """
    pairs = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        left, sep, right = line.partition("\t")
        left, right = " ".join(left.split()), " ".join(right.split())
        if sep and left and right:
            pairs.append((left, right))
    return pairs


@dataclass(frozen=True, eq=False)
class Tables:
    """Every data table the normaliser reads: the reading tables by name and the context words by kind."""

    readings: Mapping[str, Mapping[str, str]]
    contexts: Mapping[str, tuple[str, ...]]


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def _tables(folders: tuple[Path, ...]) -> Tables:
    readings = {}
    for name in READING_TABLES:
        table: dict[str, str] = {}
        for folder in folders:
            table.update(parse_table(_read(folder / f"{name}.tsv")))
        readings[name] = MappingProxyType(table)
    contexts: dict[str, list[str]] = {}
    for folder in folders:
        for kind, words in parse_contexts(_read(folder / "contexts.tsv")).items():
            contexts.setdefault(kind, []).extend(words)
    return Tables(MappingProxyType(readings),
                  MappingProxyType({kind: tuple(dict.fromkeys(words)) for kind, words in contexts.items()}))


@cache
def builtin_tables() -> Tables:
    """The built-in tables of ``data/``, loaded once."""
    return _tables((DATA_DIR,))


def load_tables(folder: Path | None = None) -> Tables:
    """The built-in tables, each extended by ``folder/<name>.tsv`` where that file exists."""
    return builtin_tables() if folder is None else _tables((DATA_DIR, folder))


def load_table(name: str) -> Mapping[str, str]:
    """The built-in ``data/<name>.tsv`` as a read-only ``written -> reading`` mapping."""
    return builtin_tables().readings[name]


def load_contexts() -> Mapping[str, tuple[str, ...]]:
    """The built-in ``data/contexts.tsv`` as ``kind -> words``."""
    return builtin_tables().contexts
