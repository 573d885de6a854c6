"""Turn readable blocks into TTS segments with exact source offsets and stable ids."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .abbreviations import load_abbreviations
from .normalize import get_normalizer
from .phrases import EN_CONJUNCTIONS, VI_CONJUNCTIONS, phrase_spans
from .sentences import sentence_spans
from .text import clean_text

# Part of every segment id. The spoken text is in the id too, so a new reading of some input already makes
# new ids for the segments it changes and keeps the recordings of the others: bump this only when the same
# spoken text would be recorded differently (what is sent to the engines changes), since a bump makes every
# article record again.
PIPELINE_VERSION = "vi-2"
MAX_SPOKEN = 100
_SPEAKABLE_RE = re.compile(r"[^\W_]")


@dataclass(frozen=True)
class Segment:
    """One utterance: ``text`` is ``blocks[block][start:end]``, ``spoken`` what the engine reads."""

    id: str
    block: int
    start: int
    end: int
    text: str
    spoken: str

    def to_json(self, audio_url: str) -> dict[str, Any]:
        """JSON-ready dict with keys id, block, start, end, text, spoken, audio (in that order)."""
        return {"id": self.id, "block": self.block, "start": self.start, "end": self.end,
                "text": self.text, "spoken": self.spoken, "audio": audio_url}


def segment_id(spoken: str, *, lang: str, engine: str, speed: str) -> str:
    """Content address of an utterance: equal spoken text and voice settings give equal ids."""
    key = "\x1f".join((PIPELINE_VERSION, engine, lang, speed, spoken))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def segment_blocks(
    blocks: list[str],
    *,
    lang: str = "vi",
    engine: str = "gtts",
    speed: str = "normal",
    abbreviations: Mapping[str, str] | None = None,
) -> list[Segment]:
    """Split ``blocks`` (used as given) into segments of at most 100 spoken characters.

    Each block is cut into sentences, over-long sentences into phrases; every
    piece is normalised to speakable Vietnamese (``lang == "vi"``; other
    languages only get NFC and whitespace cleanup). Pieces that speak nothing
    are dropped. ``engine`` is the voice the ids stand for: an engine's name, or its name with the settings
    that change how it sounds.
    """
    if lang == "vi":
        normalizer = get_normalizer(load_abbreviations() if abbreviations is None else abbreviations)
        speak = normalizer.normalize
        pieces = normalizer.pieces
        spoken_from = normalizer.spoken_from
        conjunctions = VI_CONJUNCTIONS
    else:
        speak = clean_text
        spoken_from = None
        conjunctions = EN_CONJUNCTIONS

        def pieces(_: str) -> list[tuple[int, int, str, int]]:
            return []

    segments: list[Segment] = []
    # Articles repeat phrases ("UBND huyện."); hash each spoken text once.
    ids: dict[str, str] = {}
    for index, block in enumerate(blocks):
        for s_start, s_end in sentence_spans(block):
            sentence = block[s_start:s_end]
            for p_start, p_end, spoken in phrase_spans(sentence, speak, pieces, limit=MAX_SPOKEN,
                                                       conjunctions=conjunctions, spoken_from=spoken_from):
                start, end = s_start + p_start, s_start + p_end
                text = block[start:end]
                if not _SPEAKABLE_RE.search(spoken):
                    continue
                seg_id = ids.get(spoken)
                if seg_id is None:
                    seg_id = ids[spoken] = segment_id(spoken, lang=lang, engine=engine, speed=speed)
                segments.append(Segment(seg_id, index, start, end, text, spoken))
    return segments
