"""Private system services for the browser engines: an X server (WebKitGTK draws into one) and a
PulseAudio server with a null sink (Firefox and WebKit's GStreamer refuse to play ``<audio>`` without an
audio device). Each is started for the test session only, in its own temporary folder, and reached through
environment variables handed to the browsers' processes, never set on this process.
"""
from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

XVFB = "/usr/bin/Xvfb"
PULSEAUDIO = "/usr/bin/pulseaudio"


class ServiceError(RuntimeError):
    """A service could not be started; the message says why, with the end of its log."""


def log_tail(path: Path, lines: int = 20) -> str:
    """The end of a log, for an error message."""
    return "\n".join(path.read_text(errors="replace").splitlines()[-lines:]) if path.exists() else ""


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


class Xvfb:
    """``Xvfb`` on a display it picks itself (``-displayfd``), so parallel runs never collide."""

    def __init__(self, folder: Path, screen: str = "1280x1024x24") -> None:
        self.log = folder / "xvfb.log"
        read, write = os.pipe()
        with self.log.open("w") as log:
            self._process = subprocess.Popen(
                [XVFB, "-displayfd", str(write), "-screen", "0", screen, "-nolisten", "tcp"],
                pass_fds=(write,), stdout=log, stderr=subprocess.STDOUT)
        os.close(write)
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()  # written once the server accepts connections
        if not number:
            _stop(self._process)
            raise ServiceError(f"Xvfb did not start:\n{log_tail(self.log)}")
        self.display = f":{number}"

    def close(self) -> None:
        _stop(self._process)


class PulseAudio:
    """A user-mode PulseAudio with one null sink, listening on a private socket without authentication.

    We run as root: user mode only warns about it (``--system`` would need the pulse user and D-Bus), and
    its own ``HOME`` and runtime folder keep it away from any other PulseAudio of the machine."""

    def __init__(self, folder: Path) -> None:
        runtime = folder / "pulse"
        runtime.mkdir(mode=0o700)
        self.socket = runtime / "native"
        self.log = folder / "pulseaudio.log"
        env = dict(os.environ, HOME=str(folder), PULSE_RUNTIME_PATH=str(runtime), XDG_RUNTIME_DIR=str(runtime))
        with self.log.open("w") as log:
            self._process = subprocess.Popen(
                [PULSEAUDIO, "--daemonize=no", "--exit-idle-time=-1", "-n", "--use-pid-file=no",
                 "--log-target=stderr", "-L", "module-null-sink sink_name=trodoc",
                 "-L", f"module-native-protocol-unix socket={self.socket} auth-anonymous=1"],
                env=env, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 10
        while not self.socket.exists():
            if self._process.poll() is not None or time.monotonic() > deadline:
                _stop(self._process)
                raise ServiceError(f"PulseAudio did not start:\n{log_tail(self.log)}")
            time.sleep(0.05)

    @property
    def env(self) -> dict[str, str]:
        """What a client needs to play into the null sink (and never spawn a daemon of its own)."""
        return {"PULSE_SERVER": f"unix:{self.socket}"}

    def close(self) -> None:
        _stop(self._process)
