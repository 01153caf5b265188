"""What an ``OrgRollout`` costs at synth time: building its member stack in an App of its own, synthesizing it,
checking the template and embedding it, against putting the same ``OrgBaseline`` straight into a stack.

Each variant builds the management stack in a fresh App and synthesizes that App; the figure is the best of
``REPEAT`` interleaved runs, wall-clock and CPU time (Python and jsii's Node process together).

Run: ``.venv/bin/python bench/bench_org_rollout.py`` (writes the "org-rollout" section of docs/PERFORMANCE.md).
"""

from __future__ import annotations

import gc
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20")

from aws_cdk import Stack  # noqa: E402

from bench._report import cpu_seconds, machine, write_section  # noqa: E402
from iam_patterns import OrgRollout  # noqa: E402
from stacks.org_rollout import baseline  # noqa: E402
from tests.cdk.synth import new_app  # noqa: E402

REPEAT = 10


def _direct(stack: Stack) -> None:
    baseline(stack)


def _rollout(stack: Stack) -> None:
    OrgRollout(stack, "Baseline", stack_set_name="org-baseline", member=baseline,
               organizational_unit_ids=["ou-ab12-cd34ef56"], regions=["us-east-1"])


VARIANTS: dict[str, Callable[[Stack], None]] = {
    "`OrgBaseline` in the stack itself": _direct,
    "`OrgRollout` of the same `OrgBaseline`": _rollout,
}


def _once(build: Callable[[Stack], None]) -> tuple[float, float]:
    app = new_app()
    wall, cpu = time.perf_counter(), cpu_seconds()
    build(Stack(app, "Management"))
    app.synth()
    return (time.perf_counter() - wall) * 1000, (cpu_seconds() - cpu) * 1000


def main() -> None:
    _once(_rollout)  # warm jsii up
    best = {name: [float("inf"), float("inf")] for name in VARIANTS}
    gc.disable()
    try:
        for _ in range(REPEAT):
            for name, build in VARIANTS.items():
                wall, cpu = _once(build)
                best[name] = [min(best[name][0], wall), min(best[name][1], cpu)]
            gc.collect()
    finally:
        gc.enable()
    rows = "\n".join(f"| {name} | {wall:.1f} | {cpu:.1f} |" for name, (wall, cpu) in best.items())
    extra = best["`OrgRollout` of the same `OrgBaseline`"][0] - best["`OrgBaseline` in the stack itself"][0]
    write_section(
        "org-rollout",
        "## Organization rollout (`bench/bench_org_rollout.py`)\n\n"
        f"{machine()}; one management stack built and its App synthesized, best of {REPEAT} interleaved runs, in "
        "milliseconds (CPU: Python and jsii's Node process together).\n\n"
        "| what | wall-clock ms | CPU ms |\n|---|---:|---:|\n"
        f"{rows}\n\n"
        f"An `OrgRollout` adds about {extra:.0f} ms per rollout to a synth: a second App, its synthesis (written "
        "to `cdk.out/<path>.member/`), reading its manifest for assets, and the template checks.",
    )


if __name__ == "__main__":
    main()
