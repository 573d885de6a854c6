"""``/metrics`` under gunicorn: every worker's values added up (prometheus-client's multiprocess mode)."""
from __future__ import annotations

from prometheus_client.parser import text_string_to_metric_families

from tests.ops.conftest import get, playlist

TOKEN = "jeton-de-mesure"


def sample(text: str, name: str, **labels: str) -> float:
    return sum(s.value for family in text_string_to_metric_families(text) for s in family.samples
               if s.name == name and all(s.labels.get(k) == v for k, v in labels.items()))


def test_metrics_add_up_every_worker(service, upstream):
    app = service(workers=2, env={"TRODOC_API_TOKEN": TOKEN})
    assert len(app.worker_pids()) == 2
    for _ in range(40):  # on fresh connections: both workers answer some of them
        assert get(app.port, "/healthz")[0] == 200
    segments = playlist(app.port, ["Đo đếm trên mọi tiến trình.", "Câu thứ hai."])
    for segment in segments:
        assert get(app.port, segment["audio"])[0] == 200
    assert get(app.port, segments[0]["audio"])[0] == 200
    assert get(app.port, "/metrics")[0] == 401
    status, headers, body = get(app.port, "/metrics", headers={"Authorization": f"Bearer {TOKEN}"})
    text = body.decode()
    assert status == 200 and headers["content-type"].startswith("text/plain")
    # gunicorn's readiness checks count too: at least the 40 made here, whichever worker answered them.
    assert sample(text, "trodoc_http_requests_total", endpoint="health.healthz", status="200") >= 40
    assert sample(text, "trodoc_recordings_total", engine="gtts", primary="true") == 2
    assert sample(text, "trodoc_audio_events_total", event="misses") == 2
    assert sample(text, "trodoc_audio_events_total", event="hits") == 1
    assert sample(text, "trodoc_part_up", part="database") == 1
