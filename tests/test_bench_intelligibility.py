"""The word error rate that bench/intelligibility.py reports."""
from __future__ import annotations

from bench.intelligibility import word_errors, words


def test_words_ignore_case_punctuation_and_unicode_form():
    assert words("Ủy ban, nhân dân!") == words("ủy ban nhân dân") == ["ủy", "ban", "nhân", "dân"]


def test_word_errors_count_substitutions_deletions_and_insertions():
    reference = words("ủy ban nhân dân huyện")
    assert word_errors(reference, reference) == 0
    assert word_errors(reference, words("ủy ban dân huyện")) == 1  # one deletion
    assert word_errors(reference, words("ủy ban nhân nhân dân xã")) == 2  # an insertion, a substitution
    assert word_errors(reference, []) == len(reference)
