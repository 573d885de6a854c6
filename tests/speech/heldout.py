"""Scoring the normaliser on the held-out cases of other projects (tests/speech/data/heldout.tsv).

A case counts when our reading equals the published one exactly after folding what is not a
difference a listener hears: letter case, punctuation, spacing, tone-mark placement ("hoà" =
"hòa") and the spelling variants Vietnamese writers use interchangeably.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

HELDOUT_PATH = Path(__file__).with_name("data") / "heldout.tsv"

# Old-style tone placement on "oa", "oe", "uy" folded to the new style.
_TONE_PLACEMENT = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
# Word-level variants, applied on whole words after punctuation is gone.
_VARIANTS = (
    (r"\bngàn\b", "nghìn"), (r"\blẻ\b", "linh"), (r"\btỉ\b", "tỷ"), (r"\bkí\b", "ký"),
    (r"\bmươi bốn\b", "mươi tư"), (r"\blinh lăm\b", "linh năm"),
    (r"\bxăng ti\b", "xen ti"), (r"\bghi ga\b", "gi ga"), (r"\bhecta\b", "héc ta"),
)
_VARIANT_RES = tuple((re.compile(p), r) for p, r in _VARIANTS)
_PUNCT_RE = re.compile(r"[^\w\s]|_")


class Case(NamedTuple):
    """One held-out case and the project it comes from."""

    text: str
    expected: str
    source: str


def fold(text: str) -> str:
    """The form two readings are compared in."""
    text = unicodedata.normalize("NFC", text).lower()
    for old, new in _TONE_PLACEMENT.items():
        text = text.replace(old, new)
    text = " ".join(_PUNCT_RE.sub(" ", text).split())
    for pattern, replacement in _VARIANT_RES:
        text = pattern.sub(replacement, text)
    return text


def load_cases(path: Path = HELDOUT_PATH) -> list[Case]:
    """Cases of ``path``; ``# source:`` lines name the project of the cases below them."""
    cases: list[Case] = []
    source = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# source:"):
            source = line.removeprefix("# source:").strip().split()[0]
        elif line.strip() and not line.startswith("#"):
            text, expected = line.split("\t")
            cases.append(Case(text, expected, source))
    return cases


def misses(cases: list[Case], read: Callable[[str], str]) -> list[tuple[Case, str]]:
    """The cases ``read`` gets wrong, with what it said."""
    out = []
    for case in cases:
        said = read(case.text)
        if fold(said) != fold(case.expected):
            out.append((case, said))
    return out


def accuracy(cases: list[Case], read: Callable[[str], str]) -> float:
    """Share of ``cases`` that ``read`` reads as published."""
    return 1 - len(misses(cases, read)) / len(cases)
