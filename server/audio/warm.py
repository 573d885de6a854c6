"""Warm-up: recording many segments ahead of time (``flask audio warm``)."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass

from .engines import Deadline
from .errors import AudioUnavailable
from .recorder import Recorder
from .registry import SpeechJob


@dataclass
class WarmSummary:
    """How many distinct segments there were, and what became of them."""

    segments: int = 0
    cached: int = 0
    synthesized: int = 0
    failed: int = 0


def warm(recorder: Recorder, jobs: Iterable[SpeechJob], *, concurrency: int, budget: float,
         progress: Callable[[], None] = lambda: None) -> WarmSummary:
    """Record every missing segment of ``jobs``, ``concurrency`` at a time, each within ``budget`` seconds;
    ``progress`` is called once per distinct segment."""
    summary = WarmSummary()
    unique = list({job.segment_id: job for job in jobs}.values())
    summary.segments = len(unique)
    with ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="trodoc-warm") as pool:
        futures = []
        for job in unique:
            if recorder.cache.find(job.segment_id) is not None:
                summary.cached += 1
                progress()
            else:
                futures.append(pool.submit(recorder.record, job, Deadline(budget)))
        for future in as_completed(futures):
            try:
                future.result()
                summary.synthesized += 1
            except AudioUnavailable:
                summary.failed += 1
            progress()
    return summary
