"""Evaluation throughput: decisions per second on the guide's policies and through the template simulator.

Run: ``.venv/bin/python bench/bench_evaluation.py`` (writes its section of docs/PERFORMANCE.md).

Each figure is real work: every call evaluates its request against compiled policies (policies are compiled
once, as the engine does for any policy object it sees again; no decision is cached). Requests cycle through
allowed and denied cases, so the figures mix both paths.
"""

from __future__ import annotations

import copy
import itertools
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._report import best_rate, machine, write_section  # noqa: E402
from iam_patterns.evaluation import Request, Simulator, evaluate  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
N = 100_000
SESSION = "arn:aws:sts::111122223333:assumed-role/app/s1"
BUCKET = "arn:aws:s3:::my-app-uploads-prod"
ROLE = "arn:aws:iam::444455556666:role/app"
GUARDRAILS = {"sts:ExternalId": "acme-prod-2026", "aws:MultiFactorAuthPresent": "true"}


def cycling(calls: list[Callable[[], object]]) -> Callable[[], object]:
    """One call that runs the next of ``calls`` each time."""
    turn = itertools.cycle(calls).__next__
    return lambda: turn()()


def main() -> None:
    s3 = json.loads((FIXTURES / "guide" / "s3-policy.json").read_text())
    trust = json.loads((FIXTURES / "guide" / "trust-policy.json").read_text())
    s3_requests = [
        Request(SESSION, "s3:GetObject", f"{BUCKET}/reports/q1.csv"),
        Request(SESSION, "s3:ListBucket", BUCKET, {"s3:prefix": "reports/2026/"}),
        Request(SESSION, "s3:PutObject", f"{BUCKET}/private/q1.csv"),
        Request(SESSION, "s3:ListBucket", BUCKET, {"s3:prefix": "private/"}),
    ]
    identity = [s3]
    trust_requests = [
        Request({"Service": "ec2.amazonaws.com"}, "sts:AssumeRole", ROLE),
        Request("arn:aws:iam::111122223333:user/ops", "sts:AssumeRole", ROLE, GUARDRAILS),
        Request("arn:aws:iam::111122223333:user/ops", "sts:AssumeRole", ROLE, {**GUARDRAILS, "sts:ExternalId": "x"}),
        Request({"Service": "lambda.amazonaws.com"}, "sts:AssumeRole", ROLE),
    ]
    caller = [{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "*"}]}]
    sim = Simulator.from_template(
        json.loads((FIXTURES / "templates" / "github_deploy.json").read_text()), account="111122223333",
        managed_policies={"arn:aws:iam::aws:policy/AWSCloudFormationReadOnlyAccess": {"Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Action": "cloudformation:Describe*", "Resource": "*"}]}},
    )
    artifacts = "arn:aws:s3:::acme-artifacts-111122223333-us-east-1"
    provider = "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"
    claims = {"token.actions.githubusercontent.com:sub": "repo:acme/app:ref:refs/heads/main",
              "token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}
    rows = [
        ("`evaluate`, guide S3 policy (identity), prepared requests",
         cycling([lambda r=r: evaluate(r, identity) for r in s3_requests]), N),
        ("`evaluate`, guide trust policy with conditions (resource), prepared requests",
         cycling([lambda r=r: evaluate(r, caller, resource=trust) for r in trust_requests]), N),
        ("`Request(...)` + `evaluate`, guide S3 policy",
         cycling([lambda r=r: evaluate(Request(r.principal, r.action, r.resource, r.context), identity)
                  for r in s3_requests]), N // 4),
        ("`Simulator.can` on a template (role session, boundary, 4 policies, bucket policy)",
         cycling([lambda: sim.can("DeployRole2D5B9F0C", "s3:PutObject", f"{artifacts}/builds/1.zip",
                                  {"aws:SecureTransport": "true"}),
                  lambda: sim.can("DeployRole2D5B9F0C", "iam:CreateUser", "*")]), N // 4),
        ("`Simulator.can_assume` on a template (GitHub OIDC trust)",
         cycling([lambda: sim.can_assume("DeployRole2D5B9F0C", {"Federated": provider}, claims),
                  lambda: sim.can_assume("DeployRole2D5B9F0C", {"Federated": provider}, {**claims, "token.actions"
                                         ".githubusercontent.com:sub": "repo:acme/app:ref:refs/heads/dev"})]), N // 4),
        ("a fresh copy of the guide S3 policy each call (compile + decide)",
         lambda: evaluate(s3_requests[0], [copy.deepcopy(s3)]), N // 20),
    ]
    measured = [(what, best_rate(call, calls)) for what, call, calls in rows]
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    table = "\n".join(f"| {what} | {rate:,.0f} |" for what, rate in measured)
    write_section(
        "evaluation",
        f"## Evaluation (`bench/bench_evaluation.py`)\n\n{machine()}; load average {load} while measuring (the "
        "machine is shared); best of 5 runs; one process.\n\n"
        f"| what | decisions per second |\n|---|---:|\n{table}\n\n"
        "Policies are compiled once per policy object and reused; every call makes a full decision. Preparing a "
        "`Request` (lower-casing keys, reading the principal) is most of the cost of a one-off decision; reuse "
        "requests in loops. The last row is the cost of a policy the engine has not seen before.\n",
    )
    print(table)


if __name__ == "__main__":
    main()
