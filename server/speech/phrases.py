"""Split an over-long sentence into phrases whose spoken form fits the TTS limit."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from typing import NamedTuple

# Boundary classes, best first.
CLAUSE, COMMA, CONJUNCTION, WORD = range(4)

VI_CONJUNCTIONS = frozenset(
    {"và", "nhưng", "hoặc", "để", "của", "trong", "với", "theo", "khi", "nhằm", "mà", "vì", "do",
     "tại", "cũng", "nên", "thì", "trên", "về", "cho", "từ", "đến"}
)
EN_CONJUNCTIONS = frozenset({"and", "but", "or", "to", "of", "in", "with", "when", "because", "which", "that"})

# A whitespace gap and the word after it (empty before punctuation), found in one regex step.
_GAP_WORD_RE = re.compile(r"\s+(\w*)")
# Don't cut a sentence into a sliver: a better-class boundary is used only if
# the phrase it yields is at least this share of the longest fitting phrase.
_MIN_SHARE = 0.5
# An unbreakable run is cut within this many characters, so one pathological
# token (megabytes without a space) costs linear, not quadratic, time.
_WINDOW = 600
# When balancing the last two phrases, how many characters of imbalance a
# better boundary is worth: a comma off-centre beats a word gap in the middle.
_KIND_PENALTY = (0, 5, 15, 30)


class Boundary(NamedTuple):
    """A whitespace gap where a sentence may be cut."""

    cut: int      # the phrase before ends here (exclusive)
    resume: int   # the next phrase starts here
    kind: int


def boundaries(sentence: str, protected: list[tuple[int, int]], conjunctions: Iterable[str]) -> list[Boundary]:
    """Candidate cut points (whitespace gaps) classified by quality, outside protected spans."""
    conj = conjunctions if isinstance(conjunctions, frozenset) else frozenset(conjunctions)
    starts = [s for s, _ in protected]
    out: list[Boundary] = []
    for gap in _GAP_WORD_RE.finditer(sentence):
        cut, resume = gap.start(), gap.start(1)
        if cut == 0 or resume == len(sentence):
            continue
        i = bisect_right(starts, cut) - 1
        if i >= 0 and protected[i][1] > cut:
            continue
        prev = sentence[cut - 1]
        if prev in ";:":
            kind = CLAUSE
        elif (prev in ",…)" or (prev == "." and sentence.endswith("..", 0, cut))
              or sentence[resume] in "(-–—"):
            # After a comma, ellipsis or closing bracket; before a dash or opening bracket.
            kind = COMMA
        else:
            # Lowercased so that all-caps headlines (common on portals) break before "TRÊN", "CỦA", … too.
            kind = CONJUNCTION if gap.group(1).lower() in conj else WORD
        out.append(Boundary(cut, resume, kind))
    return out


Pieces = Callable[[str], list[tuple[int, int, str, int]]]
# Given a sentence and its pieces, a function saying ``sentence[start:end]`` from them.
SpokenFrom = Callable[[str, list[tuple[int, int, str, int]]], Callable[[int, int], str]]


class _Estimator:
    """Spoken length of any boundary-aligned slice, from one normalisation scan.

    Rule matches never straddle a boundary, so the spoken length of
    ``sentence[a:b]`` is its raw length plus the growth of the matches inside.
    Whitespace collapsing is ignored, so this slightly overestimates; every
    cut is still verified with the real ``speak``.
    """

    def __init__(self, pieces: list[tuple[int, int, str, int]]) -> None:
        self.ends = [end for _, end, _, _ in pieces]
        self.growth = [0]
        for start, end, spoken, _ in pieces:
            self.growth.append(self.growth[-1] + len(spoken.strip()) - (end - start))

    def __call__(self, a: int, b: int) -> int:
        return b - a + self.growth[bisect_right(self.ends, b)] - self.growth[bisect_right(self.ends, a)]


def _hard_cut(sentence: str, cur: int, speak: Callable[[str], str], limit: int) -> tuple[int, str]:
    """Longest character prefix of an unbreakable run (a giant URL or number) whose spoken form fits."""
    n = len(sentence)
    lo = cur + 1
    spoken = speak(sentence[cur:lo])
    # Grow the probe from ``limit`` characters (usually enough) up to the window.
    hi = min(n, cur + limit)
    while hi > lo:
        candidate = speak(sentence[cur:hi])
        if len(candidate) > limit:
            hi -= 1
            break
        lo, spoken = hi, candidate
        hi = min(n, cur + _WINDOW, cur + 2 * (hi - cur))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        candidate = speak(sentence[cur:mid])
        if len(candidate) <= limit:
            lo, spoken = mid, candidate
        else:
            hi = mid - 1
    if len(spoken) > limit:
        # Only an operator abbreviation longer than the limit gets here; the
        # engine's hard limit matters more than reading every word of it.
        spoken = spoken[:limit].rsplit(" ", 1)[0]
    return lo, spoken


def _balance_tail(
    sentence: str,
    cur: int,
    candidates: list[Boundary],
    chosen: Boundary,
    estimate: _Estimator,
    limit: int,
) -> Boundary:
    """When only two phrases remain, move the cut so they are of similar length.

    Greedy cutting otherwise leaves a short tail ("... HUYỆN ĐĂK | SONG NĂM 2023.").
    """
    n = len(sentence)
    if estimate(chosen.resume, n) > limit:
        return chosen
    best, best_score = chosen, float("inf")
    for b in candidates:
        head, tail = estimate(cur, b.cut), estimate(b.resume, n)
        if b.kind <= chosen.kind and head <= limit and tail <= limit:
            score = abs(head - tail) + _KIND_PENALTY[b.kind]
            if score < best_score:
                best, best_score = b, score
    return best


def phrase_spans(
    sentence: str,
    speak: Callable[[str], str],
    pieces: Pieces,
    *,
    limit: int = 100,
    conjunctions: Iterable[str] = VI_CONJUNCTIONS,
    spoken_from: SpokenFrom | None = None,
) -> list[tuple[int, int, str]]:
    """Split ``sentence`` into ``(start, end, spoken)`` phrases with ``len(spoken) <= limit``.

    ``pieces`` lists the normaliser's rule matches ``(start, end, spoken,
    guard_start)``; cuts never fall inside ``[guard_start, end)``. With
    ``spoken_from`` a phrase is said from those pieces (in the context of the
    whole sentence, and without reading the sentence again), else ``speak``
    reads each phrase on its own.
    Greedy: each phrase is the longest prefix that fits, cut at the best
    boundary class it contains (``;``/``:``, then ``,``/dash/ellipsis, then
    before a conjunction, then any word gap), unless that leaves a sliver;
    the last two phrases are balanced. A run with no usable gap is cut at
    the longest fitting character prefix.
    """
    n = len(sentence)
    if n <= limit // 2:
        spoken = speak(sentence)
        if len(spoken) <= limit:
            return [(0, n, spoken)]
    found = pieces(sentence)
    if spoken_from is not None:
        say = spoken_from(sentence, found)
    else:
        def say(a: int, b: int) -> str:
            return speak(sentence[a:b])
    estimate = _Estimator(found)
    if estimate(0, n) <= limit:
        spoken = say(0, n)
        if len(spoken) <= limit:
            return [(0, n, spoken)]
    protected = [(guard, end) for _, end, _, guard in found if end - guard > 1]
    bounds = boundaries(sentence, protected, conjunctions)
    cuts = [b.cut for b in bounds]
    spans: list[tuple[int, int, str]] = []
    cur = 0
    while cur < n:
        if estimate(cur, n) <= limit:
            spoken = say(cur, n)
            if len(spoken) <= limit:
                spans.append((cur, n, spoken))
                break
        first = bisect_right(cuts, cur)
        best = first - 1
        while best + 1 < len(bounds) and estimate(cur, cuts[best + 1]) <= limit:
            best += 1
        chosen: Boundary | None = None
        if best >= first:
            chosen = bounds[best]
            longest = estimate(cur, chosen.cut)
            for kind in (CLAUSE, COMMA, CONJUNCTION):
                pick = next((b for b in reversed(bounds[first:best + 1]) if b.kind <= kind), None)
                if pick is not None and estimate(cur, pick.cut) >= _MIN_SHARE * longest:
                    chosen = pick
                    break
            chosen = _balance_tail(sentence, cur, bounds[first:best + 1], chosen, estimate, limit)
        spoken = say(cur, chosen.cut) if chosen else ""
        if chosen is None or len(spoken) > limit:
            # The estimate was off (rare); fall back to checking real spoken lengths.
            chosen = None
            for i in range(best, first - 1, -1):
                spoken = say(cur, cuts[i])
                if len(spoken) <= limit:
                    chosen = bounds[i]
                    break
        if chosen is None:
            cut, spoken = _hard_cut(sentence, cur, speak, limit)
            end = cut
            while end > cur and sentence[end - 1].isspace():
                end -= 1
            spans.append((cur, end, spoken))
            cur = cut
            while cur < n and sentence[cur].isspace():
                cur += 1
            continue
        spans.append((cur, chosen.cut, spoken))
        cur = chosen.resume
    return spans
