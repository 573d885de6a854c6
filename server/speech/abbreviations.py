"""Abbreviation dictionary: the built-in TSV plus the operator's file, or folder of data files."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

from .tables import DATA_DIR, READING_TABLES, Tables, builtin_tables, load_tables, parse_table

BUILTIN_PATH = DATA_DIR / "abbreviations.tsv"
# The files an operator's folder may hold: each extends the built-in file of the same name.
OPERATOR_FILES = frozenset({"abbreviations.tsv", "contexts.tsv", *(f"{name}.tsv" for name in READING_TABLES)})


class Vocabulary(Mapping[str, str]):
    """The abbreviations a text is read with (a read-only mapping), and the data tables read with them."""

    def __init__(self, abbreviations: Mapping[str, str], tables: Tables) -> None:
        self._abbreviations = MappingProxyType(dict(abbreviations))
        self.tables = tables

    def __getitem__(self, key: str) -> str:
        return self._abbreviations[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._abbreviations)

    def __len__(self) -> int:
        return len(self._abbreviations)


@lru_cache(maxsize=1)
def _builtin() -> tuple[tuple[str, str], ...]:
    return tuple(parse_table(BUILTIN_PATH.read_text(encoding="utf-8")).items())


def _operator_folder(folder: Path) -> Path:
    """``folder``, once every TSV file in it is known: a misspelt name would be ignored without a word."""
    unknown = sorted(p.name for p in folder.glob("*.tsv") if p.name not in OPERATOR_FILES)
    if unknown:
        raise ValueError(f"{folder}: {', '.join(unknown)} extend no table; known: {', '.join(sorted(OPERATOR_FILES))}")
    return folder


def load_abbreviations(extra_path: str | None = None) -> Vocabulary:
    """The built-in abbreviations and data tables, extended by the operator's ``extra_path``.

    ``extra_path`` is a TSV file of abbreviations, or a folder in which
    ``abbreviations.tsv`` and each file named like a built-in data file
    (``units.tsv``, ``loanwords.tsv``, ``contexts.tsv``, ...) extends that
    table; an operator's reading overrides the built-in one of the same key.
    """
    table = dict(_builtin())
    if not extra_path:
        return Vocabulary(table, builtin_tables())
    path = Path(extra_path)
    if not path.is_dir():
        table.update(parse_table(path.read_text(encoding="utf-8")))
        return Vocabulary(table, builtin_tables())
    folder = _operator_folder(path)
    own = folder / "abbreviations.tsv"
    if own.is_file():
        table.update(parse_table(own.read_text(encoding="utf-8")))
    return Vocabulary(table, load_tables(folder))
