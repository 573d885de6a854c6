"""A short spike (50 clients × 3 s) on the portal page and its cached audio; bench/spike.py runs the long one."""
from __future__ import annotations

from bench.spike import article_paths, spike


def test_short_spike_has_no_errors(stack):
    paths = article_paths(stack["app"].port)
    calls = stack["upstream"].calls
    for port in (stack["app"].port, stack["nginx"].port):
        result = spike(port, paths, clients=50, seconds=3)
        assert result.errors == 0, result.error_samples[:5]
        assert result.requests > 200
    assert stack["upstream"].calls == calls  # cached audio: no upstream call under load
