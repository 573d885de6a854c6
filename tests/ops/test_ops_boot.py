"""First start of several workers on an empty database: the schema is made once (gunicorn's master)."""
from __future__ import annotations

import time

from tests.ops.conftest import get


def test_four_workers_boot_on_an_empty_database(service, database_url):
    # Before deploy/gunicorn.conf.py's on_starting hook, workers raced on CREATE TABLE in PostgreSQL and
    # gunicorn halted the whole server about one start in six.
    app = service(database_url=database_url, workers=4)
    time.sleep(1.0)  # a worker that fails to boot makes the master exit within this time
    assert app.process.poll() is None, app.log()
    assert len(app.worker_pids()) == 4
    assert "Traceback" not in app.log(), app.log()
    assert get(app.port, "/api/v1/articles")[0] == 200
