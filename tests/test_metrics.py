"""``GET /metrics``: Prometheus text, behind the bearer token, with what operators alert on."""
from __future__ import annotations

from prometheus_client.parser import text_string_to_metric_families


def samples(text: str) -> dict[tuple[str, tuple], float]:
    return {(sample.name, tuple(sorted(sample.labels.items()))): sample.value
            for family in text_string_to_metric_families(text) for sample in family.samples}


def test_metrics_need_the_token(client):
    assert client.get("/metrics").status_code == 401
    assert client.get("/metrics", headers={"Authorization": "Bearer wrong"}).status_code == 401


def test_requests_latency_and_parts_are_exposed(client, auth):
    client.get("/healthz")
    client.get("/api/v1/articles/khong-co-bai-nay")
    response = client.get("/metrics", headers=auth)
    assert response.status_code == 200 and response.mimetype == "text/plain"
    assert response.headers["Cache-Control"] == "no-store"
    found = samples(response.get_data(as_text=True))
    assert found[("trodoc_http_requests_total", (("endpoint", "health.healthz"), ("method", "GET"),
                                                 ("status", "200")))] >= 1
    assert found[("trodoc_http_requests_total", (("endpoint", "api.article_show"), ("method", "GET"),
                                                 ("status", "404")))] >= 1
    assert found[("trodoc_http_request_duration_seconds_count", (("endpoint", "health.healthz"),))] >= 1
    assert found[("trodoc_part_up", (("part", "database"),))] == 1
    assert found[("trodoc_part_up", (("part", "engine:gtts"),))] == 1
    assert found[("trodoc_audio_disk_free_bytes", ())] > 0
