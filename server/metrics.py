"""Prometheus metrics (``GET /metrics``): one definition of each, counted where the thing happens.

Under gunicorn every worker writes its values into ``PROMETHEUS_MULTIPROC_DIR`` (prometheus-client's
multiprocess mode, set up by ``deploy/gunicorn.conf.py``) and a scrape adds them up; elsewhere (``flask
run``, the CLI, tests) the values live in the process. Gauges of the service's parts (disk free, engines,
Redis) are read at scrape time, as ``/healthz`` reads them.
"""
from __future__ import annotations

import os
from collections.abc import Iterable

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest, multiprocess
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

REQUESTS = Counter("trodoc_http_requests_total", "HTTP requests answered, by endpoint and status.",
                   ["endpoint", "method", "status"])
LATENCY = Histogram("trodoc_http_request_duration_seconds", "Time to the response's headers, by endpoint.",
                    ["endpoint"], buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 16))
AUDIO_EVENTS = Counter("trodoc_audio_events_total",
                       "Audio cache and synthesis events: hits, misses, synthesized, failed, evicted, "
                       "store_failures (the disk refused a recording), lock_fallbacks (Redis did not answer).",
                       ["event"])
RECORDINGS = Counter("trodoc_recordings_total", "Recordings made, by engine and whether it was the segment's own "
                     "engine (primary) or a fallback.", ["engine", "primary"])
UPSTREAM_FAILURES = Counter("trodoc_upstream_failures_total", "Failed calls to a speech engine's upstream, by kind "
                            "(timeout, connection, http_429, http_5xx, http_other, bad_audio, circuit_open).",
                            ["engine", "kind"])


class PartsCollector(Collector):
    """Gauges of the service's parts (the ``/healthz`` parts), as read for this scrape."""

    def __init__(self, statuses: dict[str, str], free_bytes: int | None) -> None:
        self.statuses, self.free_bytes = statuses, free_bytes

    def collect(self) -> Iterable[Metric]:
        up = GaugeMetricFamily("trodoc_part_up", "1 when a part of the service is ok, 0 when it is degraded "
                               "or down (as seen by the process that answered the scrape).", labels=["part"])
        for part, status in self.statuses.items():
            up.add_metric([part], status == "ok")
        yield up
        if self.free_bytes is not None:
            yield GaugeMetricFamily("trodoc_audio_disk_free_bytes", "Free bytes on the audio folder's disk.",
                                    value=self.free_bytes)


def scrape(statuses: dict[str, str], free_bytes: int | None) -> bytes:
    """The text exposition of every metric: all processes' in multiprocess mode, plus the parts'
    ``statuses`` (by part name) and the audio disk's free bytes."""
    registry = CollectorRegistry()
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        multiprocess.MultiProcessCollector(registry)
    else:
        for collector in (REQUESTS, LATENCY, AUDIO_EVENTS, RECORDINGS, UPSTREAM_FAILURES):
            registry.register(collector)
    registry.register(PartsCollector(statuses, free_bytes))
    return generate_latest(registry)

