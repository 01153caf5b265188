"""The emulator's life: it answers inside the block and is gone after it, however the block or its process ends."""

from __future__ import annotations

import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from deploy.emulator import free_port, running_emulator
from tests.e2e.processes import alive, gone_within

ROOT = Path(__file__).resolve().parents[2]


def test_a_free_port_can_be_bound_on_the_loopback_address():
    port = free_port()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", port))
    assert 1024 <= port <= 65535


def test_the_emulator_answers_inside_the_block_and_is_stopped_when_the_block_fails(tmp_path):
    pid_file = tmp_path / "moto.pid"
    with pytest.raises(RuntimeError, match="deploy failed"):
        with running_emulator(log=tmp_path / "moto.log", pid_file=pid_file) as emulator:
            assert pid_file.read_text() == f"{emulator.pid}\n"
            assert emulator.endpoint == f"http://localhost:{emulator.port}"
            with urllib.request.urlopen(f"http://127.0.0.1:{emulator.port}/moto-api/", timeout=5) as response:
                assert response.status == 200
            raise RuntimeError("deploy failed")
    assert not alive(emulator.pid)
    assert not pid_file.exists()


def test_the_emulator_dies_with_a_process_killed_before_it_could_clean_up(tmp_path):
    script = (
        "import os, signal, sys; from pathlib import Path; from deploy.emulator import running_emulator\n"
        f"with running_emulator(log=Path({str(tmp_path / 'moto.log')!r})) as e:\n"
        "    print(e.pid, flush=True); os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == -9
    assert gone_within(int(done.stdout), 10)
