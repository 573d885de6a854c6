"""Shared fixtures for the speech pipeline tests."""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from server.speech.abbreviations import load_abbreviations
from server.speech.normalize import Normalizer, get_normalizer

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_PATHS = (
    ROOT / "server" / "samples" / "dak-song-cchc-2023.txt",
    ROOT.parent / "shared" / "samples" / "dak-song-cchc-2023.txt",
)


def load_sample_text() -> str:
    for path in SAMPLE_PATHS:
        if path.exists():
            return path.read_text(encoding="utf-8")
    pytest.skip("Đăk Song sample article not available")


def text_to_html(text: str) -> str:
    return "".join(f"<p>{html.escape(line)}</p>\n" for line in text.splitlines())


@pytest.fixture(scope="session")
def sample_text() -> str:
    return load_sample_text()


@pytest.fixture(scope="session")
def sample_html(sample_text: str) -> str:
    return text_to_html(sample_text)


@pytest.fixture(scope="session")
def normalizer() -> Normalizer:
    return get_normalizer(load_abbreviations())
