"""ExpiringSet: the bounded memo behind "registered lately" and "stamped lately"."""
from __future__ import annotations

from server.audio.recent import ExpiringSet


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_keys_expire_after_their_time_to_live():
    clock = Clock()
    recent = ExpiringSet(10, ttl=60.0, clock=clock)
    assert recent.check_and_add("a") is False
    clock.now = 59.0
    assert "a" in recent and recent.check_and_add("a") is True  # a hit does not extend the key's life
    clock.now = 60.0
    assert "a" not in recent
    assert recent.check_and_add("a") is False and "a" in recent


def test_the_least_recently_used_key_goes_first_and_clear_forgets_all():
    recent = ExpiringSet(2, ttl=60.0, clock=Clock())
    recent.add("a")
    recent.add("b")
    assert "a" in recent  # now "b" is the least recently used
    recent.add("c")
    assert "a" in recent and "c" in recent and "b" not in recent
    recent.clear()
    assert "a" not in recent and "c" not in recent
