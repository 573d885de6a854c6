"""Letters read by their Vietnamese names, and which acronyms are spelled out.

An acronym is spelled ("VTV" -> "vê tê vê", "WHO" -> "vê kép hát ô") when it
cannot be read as a word: it has no vowel, or a letter Vietnamese words never
have (F, J, W, Z), or two consonants that start or end no Vietnamese or common
English syllable ("CPI", "BIDV"). "NATO", "ASEAN" or "UNESCO" are left for the
voice to read as words; acronyms read otherwise belong in the abbreviation or
loanword tables ("FIFA" -> "phi pha").
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from .tables import load_table

LETTERS = load_table("letters")

_CONSONANTS = "BCDĐGHKLMNPQRSTVX"
# Consonant pairs a syllable may contain: Vietnamese initials and finals, common English clusters.
_CLUSTERS = ("CH", "GH", "KH", "NG", "NH", "PH", "TH", "TR", "QU", "ST", "SC", "SP", "PR", "BR", "CR", "DR",
             "GR", "PL", "BL", "CL", "GL", "SL", "ND", "NT", "NS", "NK", "RT", "RS", "RD", "LT", "LD", "MP")

# The same test as a regex, for the rule that finds acronyms in a text (2 to 6 capitals).
ACRONYM_PATTERN = (
    rf"(?:[{_CONSONANTS}FJWZ]{{2,6}}"
    rf"|(?=[A-ZĐ]{{0,5}}(?:[FJWZ]|(?!{'|'.join(_CLUSTERS)})[{_CONSONANTS}][{_CONSONANTS}]))[A-ZĐ]{{2,6}})"
)


_ACRONYM_RE = re.compile(ACRONYM_PATTERN)


def is_spelled(token: str) -> bool:
    """Whether ``token`` is an acronym read letter by letter ("VTV", "CPI"; not "NATO", not "Hà")."""
    return _ACRONYM_RE.fullmatch(token) is not None


def letter_names(letters: str, names: Mapping[str, str] = LETTERS) -> str:
    """Letters by their Vietnamese names (``names``, the built-in letters by default): "VTV" -> "vê tê vê"."""
    return " ".join(names.get(ch.upper(), ch) for ch in letters)
