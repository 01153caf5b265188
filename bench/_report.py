"""Write a benchmark's figures into its own section of docs/PERFORMANCE.md.

Each benchmark owns the text between ``<!-- bench:NAME -->`` and ``<!-- /bench:NAME -->``; running it
replaces that section (or appends it), so figures are always the latest measured ones, with the machine.
"""

from __future__ import annotations

import os
import platform
import re
import time
from collections.abc import Callable
from pathlib import Path

PERFORMANCE = Path(__file__).resolve().parents[1] / "docs" / "PERFORMANCE.md"


def machine() -> str:
    """One line naming the machine and interpreter the figures were measured on."""
    return (
        f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} cores, "
        f"{platform.machine()}, measured {time.strftime('%Y-%m-%d')}"
    )


def cpu_seconds() -> float:
    """CPU time so far of this process and of jsii's Node process (which does most of a synth's work)."""
    import jsii  # only the CDK benchmarks call this; the pure ones never load jsii

    node = jsii.kernel.provider._process._process.pid  # the jsii runtime's child process
    fields = Path(f"/proc/{node}/stat").read_text().rsplit(")", 1)[1].split()
    return time.process_time() + (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def best_rate(call: Callable[[], object], calls: int, repeat: int = 5) -> float:
    """Calls of ``call()`` per second: the best of ``repeat`` runs of ``calls`` calls each."""
    rates = []
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(calls):
            call()
        rates.append(calls / (time.perf_counter() - start))
    return max(rates)


def write_section(name: str, markdown: str) -> None:
    """Replace (or add) the section ``name`` of docs/PERFORMANCE.md with ``markdown``."""
    text = PERFORMANCE.read_text() if PERFORMANCE.exists() else "# Performance\n"
    block = f"<!-- bench:{name} -->\n{markdown.strip()}\n<!-- /bench:{name} -->"
    pattern = re.compile(rf"<!-- bench:{re.escape(name)} -->.*?<!-- /bench:{re.escape(name)} -->", re.S)
    text = pattern.sub(lambda _: block, text) if pattern.search(text) else f"{text.rstrip()}\n\n{block}\n"
    PERFORMANCE.write_text(text)
