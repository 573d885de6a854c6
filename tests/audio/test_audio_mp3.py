"""MPEG frame parsing: validation of engine output and joining recordings."""
import pytest

from server.audio.mp3 import NotMp3, audio_frames, duration_seconds, is_mp3
from tests.fake_google import FRAME_SECONDS, ID3_TAG, FakeGoogle


def test_frames_skip_id3_tags_and_count_duration():
    audio = FakeGoogle(seconds_per_char=0.1).audio_for("x" * 24)  # 2.4 s
    bare = audio_frames(audio)
    assert audio.startswith(ID3_TAG) and not bare.startswith(b"ID3")
    assert duration_seconds(audio) == pytest.approx(100 * FRAME_SECONDS)
    assert duration_seconds(bare + bare) == pytest.approx(2 * duration_seconds(audio))


def test_trailing_id3v1_tag_is_dropped():
    audio = FakeGoogle().audio_for("abc") + b"TAG" + bytes(125)
    assert audio_frames(audio).endswith(audio_frames(audio[:-128]))
    assert b"TAG" not in audio_frames(audio)[-128:][:3]


@pytest.mark.parametrize("data", [b"", b"<html>not audio</html>", ID3_TAG, b"\xff\xfb" + bytes(10)])
def test_non_audio_is_refused(data):
    assert not is_mp3(data)
    with pytest.raises(NotMp3):
        audio_frames(data)
