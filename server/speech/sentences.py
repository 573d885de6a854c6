"""Vietnamese sentence segmentation returning character spans over a block."""

from __future__ import annotations

import re

# A candidate end: terminal punctuation plus any closing quotes/brackets, then
# whitespace or the end of the block. Requiring whitespace after the mark is
# what keeps decimals, thousands, dates, times, URLs and "TP.HCM" intact.
_END_RE = re.compile(r"(?:\.{2,}|…|[.!?]+)[\"'”’»)\]]*(?=\s|$)")
_WORD_BEFORE_RE = re.compile(r"\S+$")
_NEXT_RE = re.compile(r"\s+([\"'“‘«(\[]*)(\S)?")

# Dotted abbreviations (case-sensitive) that never end a sentence by themselves.
_DOTTED_ABBREVIATIONS = frozenset(
    {"TP", "Tp", "TX", "TT", "Q", "P", "TS", "ThS", "Ths", "Th.S", "PGS", "GS", "PGS.TS", "GS.TS",
     "BS", "KS", "CN", "Tr", "tr", "St", "NXB", "BSCKI", "BSCKII", "Đ/c", "đ/c", "Mr", "Mrs", "Ms", "Dr"}
)
# A list marker at the start of a sentence: "1.", "a)", "II.", "2.1."
# Longer words are never list markers or dotted abbreviations.
_MAX_TOKEN = 16
_LIST_MARKER_RE = re.compile(r"(?:\d{1,3}(?:\.\d{1,3})*|[a-zđA-Z]|[IVXLC]{1,6})[.)]")


def _is_abbreviation(word: str) -> bool:
    stem = word.rstrip(".")
    if stem in _DOTTED_ABBREVIATIONS:
        return True
    # A single capital initial ("Nguyễn V. A.") is a name, not a sentence end.
    return len(stem) == 1 and stem.isupper()


def _is_list_marker_or_abbreviation(block: str, start: int, end: int) -> bool:
    """Whether the period ending at ``end`` belongs to a list marker or abbreviation.

    Only the last ``_MAX_TOKEN`` characters are inspected, which keeps a block
    of thousands of lowercase "xy. " non-splits linear.
    """
    lo = max(start, end - _MAX_TOKEN)
    word = _WORD_BEFORE_RE.search(block, lo, end)
    if word is None or (word.start() > start and not block[word.start() - 1].isspace()):
        return False
    if word.start() == start and _LIST_MARKER_RE.fullmatch(word.group()):
        return True
    return _is_abbreviation(word.group())


def sentence_spans(block: str) -> list[tuple[int, int]]:
    """Split ``block`` into sentences; return ``(start, end)`` spans without surrounding whitespace.

    Ends at ``.``, ``!``, ``?`` and ellipses (an ellipsis only when the next
    sentence starts in upper case); never after a dotted abbreviation, a
    single initial or a list marker at the start of a sentence. Closing quotes
    and brackets stay with their sentence.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(block)
    for m in _END_RE.finditer(block):
        end = m.end()
        if end >= n:
            break
        mark = m.group()
        nxt = _NEXT_RE.match(block, end)
        follower = nxt.group(2) if nxt else None
        if follower is None:
            continue
        if mark[0] == "." and not mark.startswith(".."):
            if _is_list_marker_or_abbreviation(block, start, m.start() + 1):
                continue
            if follower.islower() and not _LIST_MARKER_RE.match(block, nxt.start(2)):
                continue
        elif mark[0] in ".…":
            if not (follower.isupper() or follower.isdigit()):
                continue
        spans.append((start, end))
        start = nxt.start(1)
    spans.append((start, n))
    return _trimmed(block, spans)


def _trimmed(block: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    for s, e in spans:
        while s < e and block[s].isspace():
            s += 1
        while e > s and block[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return out
