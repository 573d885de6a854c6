"""A private PostgreSQL cluster (``initdb``/``pg_ctl`` as the ``postgres`` user) on a port of its own, for
fault tests that stop and restart the database: the machine's own PostgreSQL is never touched."""
from __future__ import annotations

import glob
import shutil
import subprocess
import tempfile
from pathlib import Path

from tests.private_redis import free_port

BIN = Path(sorted(glob.glob("/usr/lib/postgresql/*/bin"))[-1]) if glob.glob("/usr/lib/postgresql/*/bin") else None


def _as_postgres(*command: str) -> None:
    subprocess.run(["runuser", "-u", "postgres", "--", *command], check=True, capture_output=True, timeout=60)


class PrivatePostgres:
    """One cluster in a temporary folder owned by ``postgres``; ``url`` is its ``postgres`` database."""

    def __init__(self) -> None:
        assert BIN is not None, "PostgreSQL's server binaries are not installed"
        self.folder = Path(tempfile.mkdtemp(prefix="trodoc-pg-"))
        shutil.chown(self.folder, "postgres", "postgres")
        self.data = self.folder / "data"
        self.port = free_port()
        self.url = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"
        _as_postgres(str(BIN / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres", "-E", "UTF8")

    def start(self) -> PrivatePostgres:
        _as_postgres(str(BIN / "pg_ctl"), "-D", str(self.data), "-l", str(self.folder / "log"), "-w",
                     "-o", f"-p {self.port} -h 127.0.0.1 -k {self.folder}", "start")
        return self

    def stop(self, mode: str = "fast") -> None:
        """``fast`` (clean) or ``immediate`` (as a crash: connections cut, recovery on the next start)."""
        _as_postgres(str(BIN / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop")

    def remove(self) -> None:
        try:
            self.stop("immediate")
        except subprocess.CalledProcessError:
            pass  # already stopped
        shutil.rmtree(self.folder, ignore_errors=True)
