"""Just enough MPEG audio parsing to validate engine output and join recordings into one stream.

A valid joined MP3 is a run of MPEG frames: ID3 tags (which engines put at the start of every recording)
and Xing/Info frames (whose frame counts would describe only the first recording) must not appear in the
middle, so each recording is reduced to its bare audio frames before joining.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

_BITRATES_KBPS = {  # Layer III only: the one layer speech engines produce
    "1": (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320),
    "2": (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
}
_SAMPLE_RATES = {3: (44100, 48000, 32000), 2: (22050, 24000, 16000), 0: (11025, 12000, 8000)}
_ID3V1_SIZE = 128
_VBR_TAGS = (b"Xing", b"Info", b"VBRI")


class NotMp3(ValueError):
    """The bytes hold no MPEG Layer III audio."""


@dataclass(frozen=True)
class Frame:
    offset: int
    length: int
    samples: int
    sample_rate: int


def _frame_at(data: bytes, offset: int) -> Frame | None:
    if offset + 4 > len(data) or data[offset] != 0xFF or data[offset + 1] & 0xE0 != 0xE0:
        return None
    b1, b2 = data[offset + 1], data[offset + 2]
    version, layer = (b1 >> 3) & 3, (b1 >> 1) & 3
    bitrate_index, rate_index, padding = b2 >> 4, (b2 >> 2) & 3, (b2 >> 1) & 1
    if version == 1 or layer != 1 or bitrate_index in (0, 15) or rate_index == 3:
        return None
    mpeg1 = version == 3
    bitrate = _BITRATES_KBPS["1" if mpeg1 else "2"][bitrate_index] * 1000
    sample_rate = _SAMPLE_RATES[version][rate_index]
    length = (144 if mpeg1 else 72) * bitrate // sample_rate + padding
    if offset + length > len(data):
        return None  # a truncated last frame would click; drop it
    return Frame(offset, length, 1152 if mpeg1 else 576, sample_rate)


def _skip_id3v2(data: bytes) -> int:
    offset = 0
    while data[offset:offset + 3] == b"ID3" and len(data) >= offset + 10:
        size_bytes = data[offset + 6:offset + 10]
        size = 0
        for byte in size_bytes:  # "syncsafe" integer: 7 bits per byte
            size = (size << 7) | (byte & 0x7F)
        footer = 10 if data[offset + 5] & 0x10 else 0
        offset += 10 + size + footer
    return offset


def frames(data: bytes) -> Iterator[Frame]:
    """The audio frames of a recording, in order, without tags; stops at the first non-frame byte."""
    end = len(data) - _ID3V1_SIZE if data[-_ID3V1_SIZE:-_ID3V1_SIZE + 3] == b"TAG" else len(data)
    body = data[:end]
    offset = _skip_id3v2(body)
    first = True
    while (frame := _frame_at(body, offset)) is not None:
        if not (first and any(tag in body[offset + 4:offset + 40] for tag in _VBR_TAGS)):
            yield frame
        first = False
        offset += frame.length


def audio_frames(data: bytes) -> bytes:
    """The bare audio frames of ``data``, ready to be joined with others; raises :class:`NotMp3`."""
    chunks = [data[f.offset:f.offset + f.length] for f in frames(data)]
    if not chunks:
        raise NotMp3("no MPEG Layer III frame found")
    return b"".join(chunks)


def is_mp3(data: bytes) -> bool:
    """Whether ``data`` holds at least one MPEG Layer III audio frame."""
    return next(frames(data), None) is not None


def duration_seconds(data: bytes) -> float:
    """Playing time of the audio frames in ``data``."""
    return sum(f.samples / f.sample_rate for f in frames(data))
