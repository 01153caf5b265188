"""How long `make deploy-local` takes: the whole cycle, phase by phase, on the app's current stacks.

Run: ``.venv/bin/python bench/bench_deploy_local.py`` (writes its section of docs/PERFORMANCE.md).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._report import machine, write_section  # noqa: E402
from deploy.assembly import classify, read_assembly  # noqa: E402
from deploy.local import run  # noqa: E402
from deploy.roles import read_template  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "cdk.out"


def main() -> None:
    phases = run(out=OUT)
    stacks = read_assembly(OUT)
    reasons = classify(stacks)
    deployed = [s for s in stacks if not reasons[s.id]]
    roles = sum(len(read_template(s).roles) for s in deployed)
    table = "\n".join(f"| {name} | {seconds:.1f} |" for name, seconds in phases.items())
    write_section(
        "deploy-local",
        f"## `make deploy-local` (`bench/bench_deploy_local.py`)\n\n{machine()}; one run, warm `.venv`, "
        f"`node_modules` and jsii cache; {len(deployed)} of {len(stacks)} stacks deployed, {roles} roles read "
        "back. In a fresh clone the first run also installs `.venv` and `node_modules` (about a minute) and "
        "fills the jsii cache, which makes that synth about 20 s slower (measured once: a 39 s cycle). "
        "The machine is shared: figures vary with its load.\n\n"
        f"| phase | seconds |\n|---|---:|\n{table}\n",
    )
    print(table)


if __name__ == "__main__":
    main()
