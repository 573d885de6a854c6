"""How long to wait before trying an upstream call again: exponential backoff with jitter, bounded."""
from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class RetryPolicy:
    """At most ``tries`` attempts; waits grow as ``base * 2**n`` (capped at ``cap``), with random jitter.

    Jitter keeps many workers that failed together from retrying together and failing together again.
    """

    tries: int = 3
    base: float = 0.5
    cap: float = 4.0
    random: Callable[[], float] = field(default=random.random, compare=False, repr=False)

    def delay(self, attempt: int, hint: float | None = None) -> float:
        """Seconds to wait after failed attempt number ``attempt`` (0-based); ``hint`` is a Retry-After."""
        ceiling = min(self.cap, self.base * 2 ** attempt)
        # "Equal jitter": at least half the exponential wait, so backoff still grows.
        wait = ceiling / 2 + self.random() * ceiling / 2
        return max(wait, hint or 0.0)
