"""A small tmpfs that fault tests fill up for real (mounting needs root, as CI runs)."""
from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def small_disk(mount: Path, size: str = "1m") -> Iterator[Path]:
    """A tmpfs of ``size`` mounted at ``mount`` for the ``with`` block."""
    mount.mkdir(parents=True, exist_ok=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mount)], check=True)
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=True)


@contextmanager
def read_only(mount: Path) -> Iterator[Path]:
    """The tmpfs at ``mount`` remounted read-only for the ``with`` block (as after a disk error)."""
    subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)
    try:
        yield mount
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(mount)], check=True)


def fill(folder: Path) -> Path:
    """Fills the file system of ``folder`` to the last byte; returns the filler, to delete for space again."""
    path = folder / "filler"
    with open(path, "wb", buffering=0) as handle:
        try:
            while True:
                handle.write(b"\0" * 4096)
        except OSError:
            pass
    return path


def files(folder: Path) -> list[str]:
    """Names of the recordings and of any half-written temporary file under ``folder``."""
    return [name for _, _, names in os.walk(folder) for name in names
            if name.endswith(".mp3") or name.startswith(".tmp-")]
