"""Engine chain configuration (``TRODOC_TTS_ENGINES``)."""
import pytest

from server.audio import audio_service
from server.audio.engines import parse_engine_names


def test_engine_names_are_parsed_in_order():
    assert parse_engine_names(" gtts, espeak ,") == ["gtts", "espeak"]
    assert parse_engine_names(["espeak"]) == ["espeak"]


@pytest.mark.parametrize("value", ["", "gtts,polly", ","])
def test_unknown_or_missing_engines_are_refused_at_start(value):
    with pytest.raises(ValueError, match="TTS_ENGINES"):
        parse_engine_names(value)


def test_app_builds_the_configured_chain(audio_app):
    assert list(audio_service(audio_app(TTS_ENGINES="espeak,gtts")).engines) == ["espeak", "gtts"]
