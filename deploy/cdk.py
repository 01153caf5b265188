"""Run the repository's pinned CDK CLI (``node_modules/.bin/cdk``), its output shown as it comes.

Example::

    cdk("synth", "--quiet", env=os.environ)
"""

from __future__ import annotations

import subprocess
from collections.abc import Mapping
from pathlib import Path

__all__ = ["ROOT", "CdkError", "cdk"]

ROOT = Path(__file__).resolve().parents[1]
CDK = ROOT / "node_modules" / ".bin" / "cdk"


class CdkError(Exception):
    """A CDK CLI command failed; its own error output has already been shown."""


def cdk(*args: str, env: Mapping[str, str]) -> None:
    """Run ``cdk ARGS...`` in the repository with ``env``; raise ``CdkError`` when it fails.

    Example::

        cdk("deploy", "--all", "--require-approval", "never", env=env)
    """
    print(f"$ cdk {' '.join(args)}", flush=True)
    done = subprocess.run([str(CDK), *args], cwd=ROOT, env=dict(env), stdin=subprocess.DEVNULL)
    if done.returncode != 0:
        raise CdkError(f"cdk {args[0]} failed (exit code {done.returncode}); its error is above")
