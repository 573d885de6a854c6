"""The offline engine makes real MP3 with espeak-ng and lame."""
from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from server.audio import audio_service
from server.audio.engines import Deadline, EngineError
from server.audio.engines.espeak import EspeakEngine
from server.audio.mp3 import audio_frames, duration_seconds
from server.speech import segment_blocks

pytestmark = pytest.mark.skipif(not (shutil.which("espeak-ng") and shutil.which("lame")),
                                reason="Debian packages espeak-ng and lame are not installed")
TEXT = "Huyện Đăk Song kiểm tra công tác cải cách hành chính năm hai nghìn không trăm hai mươi ba."


def test_espeak_makes_a_real_mp3_that_honours_speed(tmp_path):
    engine = EspeakEngine()
    assert engine.healthy()
    normal = engine.synthesize(TEXT, "vi", "normal", Deadline(10))
    slow = engine.synthesize(TEXT, "vi", "slow", Deadline(10))
    path = tmp_path / "espeak.mp3"
    path.write_bytes(normal)
    probe = json.loads(subprocess.run(
        ["ffprobe", "-v", "error", "-show_entries", "format=duration:stream=codec_name,sample_rate,channels",
         "-of", "json", str(path)], capture_output=True, check=True, text=True).stdout)
    assert probe["streams"][0] == {"codec_name": "mp3", "sample_rate": "24000", "channels": 1}
    assert 2 < float(probe["format"]["duration"]) < 15
    assert audio_frames(normal) == normal  # no Info frame or tag: joins cleanly with Google's recordings
    assert duration_seconds(slow) > duration_seconds(normal) * 1.15


def test_a_missing_program_is_a_clear_error():
    def missing(*args, **kwargs):
        raise FileNotFoundError(args[0][0])

    with pytest.raises(EngineError, match="apt-get install espeak-ng lame"):
        EspeakEngine(run=missing).synthesize(TEXT, "vi", "normal", Deadline(5))


def test_the_accent_and_the_rate_are_the_operators_to_choose(make_app):
    northern = EspeakEngine().synthesize(TEXT, "vi", "normal", Deadline(10))
    southern = EspeakEngine(accent="southern").synthesize(TEXT, "vi", "normal", Deadline(10))
    quicker = EspeakEngine(words_per_minute=200).synthesize(TEXT, "vi", "normal", Deadline(10))
    assert northern != southern and audio_frames(southern)
    assert duration_seconds(quicker) < duration_seconds(northern)
    with pytest.raises(ValueError, match="ESPEAK_ACCENT"):
        make_app(TTS_ENGINES="espeak", ESPEAK_ACCENT="hue")


def test_an_espeak_first_server_gives_new_ids_when_its_voice_changes(make_app):
    """Its recordings are its primary ones, cached for a year: a new accent or rate must not reuse them."""
    blocks = ["Sáng nay, Ủy ban nhân dân huyện họp."]

    def ids(**config) -> list[str]:
        app = make_app(**config)
        with app.app_context():
            return [segment.id for segment in audio_service(app).segments(blocks, "vi")]

    northern = ids(TTS_ENGINES="espeak")
    assert northern == ids(TTS_ENGINES="espeak", ESPEAK_ACCENT="northern", ESPEAK_RATE=130)
    assert ids(TTS_ENGINES="espeak", ESPEAK_ACCENT="southern") != northern
    assert ids(TTS_ENGINES="espeak", ESPEAK_RATE=160) != northern
    # Google's voice has no settings: a Google-first server keeps the ids it always had.
    assert ids(TTS_ENGINES="gtts,espeak") == [segment.id for segment in segment_blocks(blocks, engine="gtts")]
