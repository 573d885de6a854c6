"""Property tests: arbitrary input never breaks the pipeline's guarantees."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from server.speech import blocks_from_html, clean_text, segment_blocks
from server.speech.abbreviations import load_abbreviations
from server.speech.normalize import get_normalizer

_NORMALIZER = get_normalizer(load_abbreviations())

# Vietnamese-looking text with the characters the rules care about.
_ALPHABET = st.sampled_from(list("aăâbcdđeêghiklmnoôơpqrstuưvxyàáạảãềếệểễờớợởỡ ĐUBNDHQTPIVXC0123456789"
                                 ".,;:!?…/-–&%@()\"“”'\u00a0\u200b\n\t$°²"
                                 "₫€£¥±×+hpskKgfjwzFWZVLMGBTHđĐ"))
_VIETNAMESE_TEXT = st.text(_ALPHABET, max_size=400)
_ANY_TEXT = st.text(max_size=300)
_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(blocks: list[str], lang: str = "vi") -> None:
    segments = segment_blocks(blocks, lang=lang)
    last = (-1, 0)
    for seg in segments:
        assert 0 <= seg.block < len(blocks)
        assert 0 <= seg.start < seg.end <= len(blocks[seg.block])
        assert blocks[seg.block][seg.start:seg.end] == seg.text
        assert seg.text == seg.text.strip()
        assert 0 < len(seg.spoken) <= 100
        assert (seg.block, seg.start) >= last
        last = (seg.block, seg.end)


@_SETTINGS
@given(st.lists(_VIETNAMESE_TEXT, max_size=4))
def test_vietnamese_like_blocks(blocks: list[str]) -> None:
    _check(blocks)


@_SETTINGS
@given(st.lists(_ANY_TEXT, max_size=3))
def test_arbitrary_unicode_blocks(blocks: list[str]) -> None:
    _check(blocks)
    _check(blocks, lang="en")


@_SETTINGS
@given(_VIETNAMESE_TEXT)
# Counter-examples hypothesis found during development.
@example(",0")
@example("0TX")
@example("TX&")
@example("V.\u00a00")
@example("0m20")
@example("V)MB")
@example("IV )ml")
@example("XI.-02kg")
@example("4/Hz")
@example("V…")
@example("…X")
def test_normalize_is_idempotent(text: str) -> None:
    once = _NORMALIZER.normalize(text)
    assert _NORMALIZER.normalize(once) == once
    assert once == clean_text(once)


@_SETTINGS
@given(_ANY_TEXT)
def test_html_never_raises(text: str) -> None:
    for block in blocks_from_html(text):
        assert block == clean_text(block) and block
