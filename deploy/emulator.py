"""moto's server, the local AWS emulator: on a free port of 127.0.0.1, its PID recorded, always stopped.

``running_emulator()`` is a context manager: it starts ``moto_server`` (from this interpreter's environment),
waits until ``/moto-api/`` answers, yields an ``Emulator``, and stops the server when the block ends, however
it ends. The server also gets SIGTERM if this process dies without cleaning up (Linux's parent-death signal),
so no emulator outlives its command.

Example::

    with running_emulator(log=Path(".cache/deploy-local/moto.log")) as emulator:
        boto3.client("iam", endpoint_url=emulator.endpoint, ...)
"""

from __future__ import annotations

import ctypes
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

__all__ = ["ACCOUNT", "REGION", "Emulator", "EmulatorError", "free_port", "running_emulator"]

HOST = "127.0.0.1"
ACCOUNT = "123456789012"
"""The account moto's server plays."""
REGION = "us-east-1"
"""The region deploy-local uses."""
_PR_SET_PDEATHSIG = 1


class EmulatorError(Exception):
    """The emulator did not start."""


@dataclass(frozen=True)
class Emulator:
    """A running moto server: its process id and port."""

    pid: int
    port: int

    @property
    def endpoint(self) -> str:
        """The endpoint for ``AWS_ENDPOINT_URL``. "localhost", not 127.0.0.1: moto reads S3 template URLs by it."""
        return f"http://localhost:{self.port}"


def free_port() -> int:
    """A TCP port of 127.0.0.1 that nothing listens on now (the kernel's pick).

    Example::

        free_port()   # 40123
    """
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def _die_with_parent() -> None:
    ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


def _answers(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://{HOST}:{port}/moto-api/", timeout=1) as response:
            return response.status == 200
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


def _start(port: int, log: Path, timeout: float) -> subprocess.Popen[bytes]:
    server = Path(sys.executable).with_name("moto_server")
    env = {**os.environ, "MOTO_IAM_LOAD_MANAGED_POLICIES": "true"}  # so AWS managed policy ARNs can be checked
    with log.open("ab") as out:
        process = subprocess.Popen(
            [str(server), "-H", HOST, "-p", str(port)],
            stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env,
            preexec_fn=_die_with_parent if sys.platform == "linux" else None,
        )
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise EmulatorError(f"moto_server exited with {process.returncode} on port {port}; see {log}")
        if _answers(port):
            return process
        time.sleep(0.1)
    _stop(process)
    raise EmulatorError(f"moto_server did not answer on port {port} within {timeout:.0f} s; see {log}")


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


@contextmanager
def running_emulator(*, log: Path, pid_file: Path | None = None, attempts: int = 3,
                     timeout: float = 30) -> Iterator[Emulator]:
    """Run moto's server for the duration of the block; its output goes to ``log`` (emptied first), its PID to
    ``pid_file`` (removed when it stops).

    A port can be taken between picking it and binding it, so start-up is tried ``attempts`` times.

    Example::

        with running_emulator(log=tmp / "moto.log") as emulator:
            print(emulator.endpoint)
    """
    log.parent.mkdir(parents=True, exist_ok=True)
    log.write_bytes(b"")
    for attempt in range(1, attempts + 1):
        port = free_port()
        try:
            process = _start(port, log, timeout)
            break
        except EmulatorError:
            if attempt == attempts:
                raise
    try:
        if pid_file:
            pid_file.write_text(f"{process.pid}\n")
        yield Emulator(pid=process.pid, port=port)
    finally:
        _stop(process)
        if pid_file:
            pid_file.unlink(missing_ok=True)
