"""Whether a process is still there, for the tests that check the emulator is stopped."""

from __future__ import annotations

import os
import time


def alive(pid: int) -> bool:
    """Whether a process with id ``pid`` exists (a zombie counts)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def gone_within(pid: int, seconds: float) -> bool:
    """Whether process ``pid`` is gone now or within ``seconds``."""
    deadline = time.monotonic() + seconds
    while alive(pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    return not alive(pid)
