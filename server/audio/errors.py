"""What the audio layer raises for the web layer to answer: an id nobody registered, no engine able to speak."""
from __future__ import annotations


class UnknownSegment(LookupError):
    """No playlist registered this id (or it is not an id at all)."""


class AudioUnavailable(Exception):
    """No engine could make the recording now; ``permanent`` when retrying will not help."""

    def __init__(self, message: str, *, retry_after: float, permanent: bool = False) -> None:
        super().__init__(message)
        self.retry_after = retry_after
        self.permanent = permanent
