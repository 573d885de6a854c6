"""Single-flight: concurrent requests for one missing segment make exactly one upstream request."""
from __future__ import annotations

import json
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor

from server.audio import audio_service

CHILD = r"""
import json, sys, threading
from server import create_app
from server.audio import audio_service
from server.audio.engines import Deadline
from server.audio.registry import SpeechJob, Voice

settings, texts, ids = json.loads(sys.argv[1])
app = create_app(settings)
service = audio_service(app)
jobs = [SpeechJob(i, t, Voice("vi", "gtts")) for i, t in zip(ids, texts)]
print("ready", flush=True)
sys.stdin.readline()  # both processes start recording at the same moment
with app.app_context():
    threads = [threading.Thread(target=service.record, args=(job, Deadline(10))) for job in jobs for _ in range(5)]
    [t.start() for t in threads]
    [t.join() for t in threads]
print(json.dumps([service.cache.find(i).size for i in ids]), flush=True)
service.close()
"""


def test_fifty_concurrent_requests_make_one_upstream_call(audio_app, registered, fake_google):
    fake_google.delay = 0.3  # long enough for all 50 to arrive while the first is in flight
    app = audio_app()
    first, = registered(app, "Một câu được nghe cùng lúc bởi năm mươi người.")
    barrier = threading.Barrier(50)

    def listen(_):
        barrier.wait()
        return app.test_client().get(f"/audio/{first.id}.mp3")

    with ThreadPoolExecutor(50) as pool:
        responses = list(pool.map(listen, range(50)))
    assert [r.status_code for r in responses] == [200] * 50
    assert len({r.data for r in responses}) == 1
    assert fake_google.calls == 1


def test_two_processes_share_one_upstream_call_per_segment(audio_app, registered, fake_google, tmp_path):
    fake_google.delay = 0.3
    app = audio_app()
    texts = [f"Câu thứ {n} của bài viết, được hai tiến trình cùng ghi." for n in range(4)]
    segments = registered(app, *texts)
    settings = {key: value for key, value in app.config.items()
                if key in ("DATABASE_URL", "AUDIO_DIR", "GTTS_URL", "TTS_ENGINES", "LOAD_SAMPLES")}
    settings["TESTING"] = True
    argument = json.dumps([settings, texts, [s.id for s in segments]])
    children = [subprocess.Popen([sys.executable, "-c", CHILD, argument], stdin=subprocess.PIPE,
                                 stdout=subprocess.PIPE, text=True) for _ in range(2)]
    for child in children:
        assert child.stdout.readline().strip() == "ready"
    for child in children:
        child.stdin.write("go\n")
        child.stdin.flush()
    results = [json.loads(child.communicate(timeout=30)[0]) for child in children]
    assert all(child.returncode == 0 for child in children)
    assert results[0] == results[1] and all(results[0])
    assert fake_google.calls == len(texts)
    assert sorted(text for text, _, _ in fake_google.requests) == sorted(texts)
    assert audio_service(app).cache.find(segments[0].id).primary
