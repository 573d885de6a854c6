"""gunicorn settings for Trợ Đọc (``make serve``, or ``gunicorn -c deploy/gunicorn.conf.py``).

Speech synthesis waits on the network, so each worker runs threads; the worker count follows the cores.
The app's own settings are ``TRODOC_*`` variables (server/config.py); where to listen and how many
processes and threads is gunicorn's to say: ``--bind``, ``--workers``, ``--threads`` on the command line or
in ``GUNICORN_CMD_ARGS`` win over the defaults here (``TRODOC_BIND``, ``TRODOC_WORKERS`` and
``TRODOC_THREADS`` of earlier releases still work). Each worker prepares the database at its first request,
under a lock (server/bootstrap.py), so nothing is done here before the workers start.
"""
import glob
import multiprocessing
import os
import tempfile

wsgi_app = "server:create_app()"
bind = os.environ.get("TRODOC_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("TRODOC_WORKERS", multiprocessing.cpu_count()))
worker_class = "gthread"
# At most twice TRODOC_TTS_CONCURRENCY (default 8) of them wait for new recordings; the rest stay free for
# pages, playlists and cached audio even when the upstream is slow or down.
threads = int(os.environ.get("TRODOC_THREADS", 16))
# Above the upstream budget (about 8 s of retries) so a slow synthesis ends as a 503, not a killed worker.
timeout = 30
graceful_timeout = 20
keepalive = 5
# As long as nginx's header buffers (8k): every request line nginx passes reaches the app, which answers
# problem+json, instead of gunicorn's own HTML error page.
limit_request_line = 8190
max_requests = 5000
max_requests_jitter = 500
# Behind nginx on the same machine: trust its X-Forwarded-* (the app's TRODOC_TRUSTED_PROXIES does the rest).
forwarded_allow_ips = "127.0.0.1"
accesslog = "-"
errorlog = "-"
# /metrics adds up every worker's values: prometheus-client's multiprocess mode keeps them in this folder
# (set PROMETHEUS_MULTIPROC_DIR to choose it; by default a new temporary one per start). It is set here, in
# the master, before any worker imports the metrics.
os.environ.setdefault("PROMETHEUS_MULTIPROC_DIR", tempfile.mkdtemp(prefix="trodoc-metrics-"))


def on_starting(server):
    """Values of a previous run, in a metrics folder the operator chose, would be added to this run's."""
    for stale in glob.glob(os.path.join(os.environ["PROMETHEUS_MULTIPROC_DIR"], "*.db")):
        os.unlink(stale)


def child_exit(server, worker):
    """A worker's gauges go with it (its counters stay in the totals)."""
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)
