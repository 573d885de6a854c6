"""A whole article as one MP3 stream, its segments recorded a few ahead of the one being sent."""
from __future__ import annotations

import logging
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor

from .cache import CachedAudio
from .engines import Deadline
from .errors import AudioUnavailable
from .mp3 import audio_frames
from .recorder import Budgets, Recorder
from .registry import SpeechJob

log = logging.getLogger(__name__)


def stream_mp3(recorder: Recorder, jobs: list[SpeechJob], *, concurrency: int, budgets: Budgets) -> Iterator[bytes]:
    """One MP3 stream of ``jobs`` in order, yielding each recording's frames as soon as it is ready.

    The first recording is made before this returns, so a failing engine becomes an HTTP error rather
    than an empty 200; later failures are skipped (logged), since the status is already sent by then.
    """
    first = recorder.record(jobs[0], Deadline(budgets.request)) if jobs else None
    return _rest(recorder, first, jobs[1:], concurrency, budgets.background)


def _rest(recorder: Recorder, first: CachedAudio | None, jobs: list[SpeechJob], concurrency: int,
          budget: float) -> Iterator[bytes]:
    if first is not None:
        yield _frames_of(first)
    window = max(1, concurrency * 2)
    pool = ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="trodoc-article")
    futures: list[Future] = []
    try:
        for index, job in enumerate(jobs):
            while len(futures) < min(len(jobs), index + window):
                futures.append(pool.submit(recorder.record, jobs[len(futures)], Deadline(budget)))
            try:
                yield _frames_of(futures[index].result())
            except (AudioUnavailable, ValueError, OSError) as error:
                log.warning("whole-article audio: skipping segment %s: %s", job.segment_id, error)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)  # the listener may have hung up mid-stream


def _frames_of(found: CachedAudio) -> bytes:
    return audio_frames(found.read())
