"""``make deploy-local``: deploy the CDK app to a local AWS emulator, check what got deployed, tear it down.

With no AWS account: moto's server is started on a free local port (and always stopped), the GitHub OIDC
provider is created in it with boto3 (moto's CloudFormation cannot) and passed to the app as context
``github-oidc-provider-arn``, and the app is synthesized to ``cdk.out`` once (CDK's built-in CloudFormation
validation checks every template there). The stacks the emulator can create (see ``deploy.assembly``) are
then bootstrapped, deployed by name, read back role by role and compared with their templates
(``deploy.roles``), diffed (``cdk diff --method=template`` must find nothing), destroyed, and checked gone.
The other stacks' roles are read from their templates and listed as not deployed, with the reason. Any
failure stops the emulator and exits non-zero, the failing tool's own error shown above.

Example::

    .venv/bin/python -m deploy.local                       # what `make deploy-local` runs
    .venv/bin/python -m deploy.local --app "python my_app.py" --output /tmp/out
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import boto3

from iam_patterns.trust.github import GITHUB_OIDC_AUDIENCE, GITHUB_OIDC_ISSUER

from .assembly import Stack, classify, read_assembly
from .cdk import ROOT, CdkError, cdk
from .emulator import ACCOUNT, REGION, EmulatorError, running_emulator
from .roles import check_deployed, expected_roles, physical_ids, read_template, trust_summary

__all__ = ["emulator_env", "format_table", "main", "run"]

CACHE = ROOT / ".cache" / "deploy-local"
OIDC_CONTEXT = "github-oidc-provider-arn"
DUMMY_KEY = "testing"


class Failed(Exception):
    """What deploy-local found wrong: one line per problem."""


def emulator_env(endpoint: str) -> dict[str, str]:
    """The environment for the CDK CLI: this one, with every AWS setting replaced by the emulator's.

    Nothing of the user's AWS configuration (profiles, credentials, endpoints) gets through, so this command
    can only ever reach the emulator.

    Example::

        emulator_env("http://localhost:40123")["AWS_ENDPOINT_URL"]   # 'http://localhost:40123'
    """
    env = {key: value for key, value in os.environ.items() if not key.startswith("AWS_")}
    env.update(
        AWS_ENDPOINT_URL=endpoint,
        AWS_ACCESS_KEY_ID=DUMMY_KEY,
        AWS_SECRET_ACCESS_KEY=DUMMY_KEY,
        AWS_REGION=REGION,
        AWS_DEFAULT_REGION=REGION,
        AWS_CONFIG_FILE=os.devnull,
        AWS_SHARED_CREDENTIALS_FILE=os.devnull,
        AWS_EC2_METADATA_DISABLED="true",
        CDK_DISABLE_CLI_TELEMETRY="1",
        CDK_HOME=str(CACHE / "cdk-home"),
        JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION="20",
        NODE_NO_WARNINGS="1",  # the AWS SDK's "Node 20 will soon be unsupported" banner, once per command
    )
    return env


def format_table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    """``rows`` under ``header`` in aligned, pipe-separated columns.

    Example::

        print(format_table(("role", "principal"), [("Deploy", "Federated: arn:...")]))
    """
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    lines = [header, tuple("-" * w for w in widths), *rows]
    return "\n".join(" | ".join(str(cell).ljust(w) for cell, w in zip(line, widths)).rstrip() for line in lines)


class _Clock:
    def __init__(self) -> None:
        self.phases: dict[str, float] = {}

    @contextmanager
    def phase(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.phases[name] = time.perf_counter() - start


def _role_names(iam: Any) -> set[str]:
    return {r["RoleName"] for page in iam.get_paginator("list_roles").paginate() for r in page["Roles"]}


def _template_rows(stack: Stack) -> list[tuple[str, ...]]:
    template = read_template(stack)
    return [
        (stack.name, template.roles[logical_id].name, *trust_summary(role.trust), "not deployed")
        for logical_id, role in expected_roles(template).items()
    ]


def _check_deployed(stack: Stack, cfn: Any, iam: Any, rows: list[tuple[str, ...]]) -> list[str]:
    physical = physical_ids(cfn, stack)
    skipped = [f"{lid} ({r['Type']})" for lid, r in stack.resources.items() if lid not in physical and "Condition" not in r]
    if skipped:  # moto skips the types it has no model for; a false Condition leaves a resource out anywhere
        print(f"note: the emulator did not create, so did not check, in {stack.name}: {', '.join(skipped)}")
    roles, problems = check_deployed(stack, physical, iam)
    rows += [(stack.name, name, *trust_summary(role.trust), "deployed") for name, role in roles.items()]
    return problems


def run(*, app: str | None = None, out: Path = ROOT / "cdk.out") -> dict[str, float]:
    """The whole cycle; returns the seconds each phase took. Raises ``Failed``, ``CdkError`` or ``EmulatorError``.

    Example::

        run(app=".venv/bin/python app.py")   # {'emulator': 1.4, 'synth': 9.8, ...}
    """
    clock = _Clock()
    problems: list[str] = []
    rows: list[tuple[str, ...]] = []
    started = time.perf_counter()
    emulator = None
    try:
        with running_emulator(log=CACHE / "moto.log", pid_file=CACHE / "moto.pid") as emulator:
            clock.phases["emulator start"] = time.perf_counter() - started
            print(f"emulator: moto_server, pid {emulator.pid}, at {emulator.endpoint}", flush=True)
            env = emulator_env(emulator.endpoint)
            session = boto3.Session(aws_access_key_id=DUMMY_KEY, aws_secret_access_key=DUMMY_KEY, region_name=REGION)
            iam = session.client("iam", endpoint_url=emulator.endpoint)
            cfn = session.client("cloudformation", endpoint_url=emulator.endpoint)
            provider = iam.create_open_id_connect_provider(Url=GITHUB_OIDC_ISSUER, ClientIDList=[GITHUB_OIDC_AUDIENCE])
            context = f"{OIDC_CONTEXT}={provider['OpenIDConnectProviderArn']}"
            with clock.phase("synth"):
                cdk("synth", *(["--app", app] if app else []), "--output", str(out), "--context", context, "--quiet", env=env)
            stacks = read_assembly(out)
            reasons = classify(stacks)
            deployed = [s for s in stacks if not reasons[s.id]]
            for stack in stacks:
                print(f"{stack.name}: {'not deployed: ' + reasons[stack.id] if reasons[stack.id] else 'to deploy'}")
                if reasons[stack.id]:
                    rows += _template_rows(stack)
            if deployed:
                ids = [s.id for s in deployed]
                with clock.phase("bootstrap"):
                    cdk("bootstrap", "--app", str(out), f"aws://{ACCOUNT}/{REGION}", env=env)
                before = _role_names(iam)
                with clock.phase("deploy"):
                    cdk("deploy", "--app", str(out), "--require-approval", "never", *ids, env=env)
                with clock.phase("read back"):
                    for stack in deployed:
                        problems += _check_deployed(stack, cfn, iam, rows)
                with clock.phase("diff"):
                    cdk("diff", "--app", str(out), "--method=template", "--fail", *ids, env=env)
                with clock.phase("destroy"):
                    cdk("destroy", "--app", str(out), "--force", *ids, env=env)
                left = sorted(_role_names(iam) - before)
                problems += [f"role {name} is still there after cdk destroy" for name in left]
    finally:
        if emulator:
            print(f"emulator: stopped (pid {emulator.pid})", flush=True)
    clock.phases["total"] = time.perf_counter() - started
    print()
    print(format_table(("stack", "role", "trusted principal", "conditions", "status"), rows) if rows else "no roles")
    if problems:
        raise Failed("\n".join(problems))
    return clock.phases


def _terminate(signum: int, _frame: Any) -> None:
    raise SystemExit(128 + signum)  # unwinds through the emulator's clean-up, like Ctrl-C does


def main(argv: list[str] | None = None) -> int:
    """The command line of ``make deploy-local``; returns the exit code.

    Example::

        main(["--app", "python tests/e2e/apps/broken_app.py", "--output", "/tmp/out"])   # 1
    """
    parser = argparse.ArgumentParser(prog="deploy-local", description=__doc__.split("\n\n")[0])
    parser.add_argument("--app", help="the CDK app command (default: cdk.json's)")
    parser.add_argument("--output", type=Path, default=ROOT / "cdk.out", help="the cloud assembly folder")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, _terminate)
    try:
        phases = run(app=args.app, out=args.output.resolve())
    except (CdkError, EmulatorError, Failed) as err:
        print(f"\ndeploy-local FAILED:\n{err}", file=sys.stderr)
        return 1
    times = ", ".join(f"{name} {seconds:.1f} s" for name, seconds in phases.items() if name != "total")
    print(f"\ndeploy-local passed in {phases['total']:.1f} s ({times}): every deployed role matches its template, "
          "cdk diff found nothing, no role is left")
    return 0


if __name__ == "__main__":
    sys.exit(main())
