"""`make deploy-local`'s failure path, end to end: a stack that CloudFormation rejects makes the command fail
with the CDK error shown, and the emulator is stopped all the same; a stack the emulator cannot create is
synthesized and listed as not deployed, with the reason."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from tests.e2e.processes import alive

ROOT = Path(__file__).resolve().parents[2]


def test_a_stack_cloudformation_rejects_fails_with_the_cdk_error_and_the_emulator_stopped(tmp_path):
    app = f"{sys.executable} {ROOT / 'tests/e2e/apps/broken_app.py'}"
    done = subprocess.run(
        [sys.executable, "-m", "deploy.local", "--app", app, "--output", str(tmp_path / "out")],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert "Fixture-Scp: not deployed: AWS::Organizations::Policy: moto does not create AWS Organizations" in output
    assert "Fixture-Broken: to deploy" in output
    assert "--require-approval never Fixture-Broken\n" in output
    assert "Fixture-Broken failed to deploy" in output
    assert "MalformedPolicyDocument: Syntax errors in policy." in output
    assert "deploy-local FAILED:\ncdk deploy failed" in output
    pid = int(re.search(r"emulator: moto_server, pid (\d+)", output).group(1))
    assert f"emulator: stopped (pid {pid})" in output
    assert not alive(pid)
    assert not (ROOT / ".cache/deploy-local/moto.pid").exists()
