"""gunicorn settings for Trợ Đọc (``make serve``, or ``gunicorn -c deploy/gunicorn.conf.py``).

Speech synthesis waits on the network, so each worker runs threads; the worker count follows the cores.
"""
import multiprocessing
import os

wsgi_app = "server:create_app()"
bind = os.environ.get("TRODOC_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("TRODOC_WORKERS", multiprocessing.cpu_count()))
worker_class = "gthread"
threads = int(os.environ.get("TRODOC_THREADS", 8))
# Above the upstream budget (about 8 s of retries) so a slow synthesis ends as a 503, not a killed worker.
timeout = 30
graceful_timeout = 20
keepalive = 5
max_requests = 5000
max_requests_jitter = 500
# Behind nginx on the same machine: trust its X-Forwarded-* (the app's TRODOC_TRUSTED_PROXIES does the rest).
forwarded_allow_ips = "127.0.0.1"
accesslog = "-"
errorlog = "-"
