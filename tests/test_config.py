"""The settings table: what an operator sets, what follows from it, the README that documents both, and
clear errors for values that cannot be used."""
from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest

from server import create_app
from server.config import DERIVED, SETTINGS, SettingError, resolve

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
ROW = re.compile(r"^\| `(?:TRODOC_)?([A-Z_]+)` \| (.+?) \|(?: (.+?) \|)?$")


def readme_tables() -> tuple[list[tuple[str, str, str]], list[str]]:
    """The rows of the README's settings table (name, help, default) and the names of its derived table."""
    section = README[README.index("### Configuration"):README.index("### Usage counts")]
    tables = re.split(r"\n\n(?=\|)", section)[1:]
    settings = [ROW.match(line).groups() for line in tables[0].splitlines()[2:] if line.startswith("| `")]
    derived = [ROW.match(line).group(1) for line in tables[1].splitlines()[2:] if line.startswith("| `")]
    return settings, derived


def values(environ: dict[str, str] | None = None, **overrides) -> dict:
    return resolve(environ or {}, overrides, "/srv/instance")


def test_an_operator_sets_at_most_25_settings_and_the_readme_documents_each():
    assert len(SETTINGS) <= 25
    documented, derived = readme_tables()
    assert [(name, help, default.strip("`")) for name, help, default in documented] == \
        [(s.name, s.help, s.default_text()) for s in SETTINGS]
    assert derived == [d.name for d in DERIVED if not d.name.startswith("SQLALCHEMY_")]


def test_defaults_and_what_follows_from_them():
    found = values()
    assert found["DATABASE_URL"] == "sqlite:////srv/instance/trodoc.db"
    assert found["AUDIO_DIR"] == "/srv/instance/audio"
    assert (found["TTS_READ_TIMEOUT"], found["TTS_CONNECT_TIMEOUT"], found["TTS_BACKGROUND_BUDGET"]) == (4.0, 3.0, 8.0)
    assert (found["TTS_RETRY_BASE"], found["TTS_RETRY_CAP"], found["TTS_FALLBACK_RESERVE"]) == (0.5, 4.0, 1.5)
    assert (found["TTS_MAX_WAITING"], found["PLAYLIST_MAX_BLOCKS"], found["PLAYLIST_MAX_SEGMENTS"]) == (8, 2000, 1500)
    assert found["RATELIMIT_STORAGE_URL"] == "memory://"


def test_values_follow_the_settings_they_derive_from():
    found = values({"TRODOC_TTS_REQUEST_BUDGET": "2", "TRODOC_TTS_CONCURRENCY": "2",
                    "TRODOC_REDIS_URL": "redis://127.0.0.1:6379/3", "TRODOC_PLAYLIST_MAX_CHARS": "3000"})
    assert (found["TTS_READ_TIMEOUT"], found["TTS_CONNECT_TIMEOUT"], found["TTS_BACKGROUND_BUDGET"]) == (2.0, 1.5, 4.0)
    assert found["TTS_MAX_WAITING"] == 4
    assert found["RATELIMIT_STORAGE_URL"] == "redis://127.0.0.1:6379/3", "the limits share the Redis by default"
    assert (found["PLAYLIST_MAX_BLOCKS"], found["PLAYLIST_MAX_SEGMENTS"]) == (200, 150)


def test_environment_values_are_typed_once():
    found = values({"TRODOC_LOAD_SAMPLES": "false", "TRODOC_AUDIO_CACHE_MB": "64", "TRODOC_API_TOKEN": "12345",
                    "TRODOC_RATELIMIT_PER_CLIENT": '"4 per minute"'})
    assert found["LOAD_SAMPLES"] is False and found["AUDIO_CACHE_MB"] == 64
    assert found["API_TOKEN"] == "12345", "a numeric token stays text"
    assert found["RATELIMIT_PER_CLIENT"] == "4 per minute", "a JSON-quoted value, as earlier releases took"


@pytest.mark.parametrize(("variable", "value", "expects"), [
    ("TRODOC_TTS_REQUEST_BUDGET", "soon", "a number of seconds > 0"),
    ("TRODOC_TTS_REQUEST_BUDGET", "0", "a number of seconds > 0"),
    ("TRODOC_AUDIO_CACHE_MB", "-5", "a whole number ≥ 0"),
    ("TRODOC_LOAD_SAMPLES", "maybe", "true or false"),
    ("TRODOC_GTTS_URL", "ftp://example", "an http:// or https:// URL"),
    ("TRODOC_TTS_READ_TIMEOUT", "-1", "a number of seconds > 0"),
])
def test_a_bad_value_stops_the_start_naming_the_variable(monkeypatch, tmp_path, variable, value, expects):
    monkeypatch.setenv(variable, value)
    with pytest.raises(SettingError) as raised:
        create_app({"AUDIO_DIR": str(tmp_path / "audio")})
    assert str(raised.value) == f"{variable}={value!r}: expected {expects}"


def test_renamed_settings_keep_their_old_names():
    found = values({"TRODOC_SPEECH_MAX_CHARS": "1000", "TRODOC_SPEECH_MAX_UNPLAYED": "9"})
    assert (found["PLAYLIST_MAX_CHARS"], found["PLAYLIST_MAX_BLOCKS"], found["REGISTRY_MAX_UNPLAYED"]) == (1000, 66, 9)
    assert values(SPEECH_MAX_SEGMENTS=5)["PLAYLIST_MAX_SEGMENTS"] == 5


def test_a_derived_value_set_in_the_environment_still_works_with_a_warning(caplog):
    with caplog.at_level(logging.WARNING, logger="server.config"):
        found = values({"TRODOC_TTS_READ_TIMEOUT": "9", "TRODOC_TTS_LOOKAHEAD": "0"})
    assert (found["TTS_READ_TIMEOUT"], found["TTS_LOOKAHEAD"]) == (9.0, 0)
    assert "TRODOC_TTS_READ_TIMEOUT is set by hand" in caplog.text


def test_the_app_factory_takes_derived_values_and_flask_keys_as_given():
    found = values(TTS_RETRY_BASE=0.02, TESTING=True, RATELIMIT_ENABLED=False)
    assert (found["TTS_RETRY_BASE"], found["TESTING"], found["RATELIMIT_ENABLED"]) == (0.02, True, False)


def test_unknown_environment_variables_are_not_settings():
    assert "BIND" not in values({"TRODOC_BIND": "0.0.0.0:1", "TRODOC_TEST_DATABASE_URL": "x"})
