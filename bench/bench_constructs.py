"""Synth cost per role of each workload / cross-account construct, against what a user would write instead.

For each construct, three ways to put the same role in a stack: the kit's construct; a plain aws-cdk-lib
``iam.Role`` carrying the same trust and inline documents, written as CDK users write them (principals with
``with_conditions``, ``PolicyStatement``s); and a raw ``CfnRole`` with the documents as JSON (the floor). Each
variant builds ``N`` roles in one stack of a fresh App and synthesizes it; the cost per role is the best of
``REPEAT`` runs divided by ``N``, the variants interleaved. The cost is CPU time, of this process and of jsii's
Node process together: wall-clock time on a machine shared with other jobs varied by 2x between runs, CPU time
far less.

Run: ``.venv/bin/python bench/bench_constructs.py`` (writes the "constructs" section of docs/PERFORMANCE.md);
``BENCH_N`` and ``BENCH_REPEAT`` change the roles per stack and the runs, for a quick look.
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

from aws_cdk import Aws, Duration, Stack  # noqa: E402
from aws_cdk import aws_iam as iam  # noqa: E402

from bench._report import cpu_seconds, machine, write_section  # noqa: E402
from iam_patterns import (  # noqa: E402
    CrossAccountRole,
    Ec2InstanceRole,
    EcsTaskExecutionRole,
    EcsTaskRole,
    EksPodIdentityRole,
    EksServiceAccountRole,
    LambdaExecutionRole,
    ServiceRole,
)
from iam_patterns.policy.lambda_execution import LAMBDA_VPC_ACTIONS, LOG_ACTIONS, XRAY_WRITE_ACTIONS  # noqa: E402
from iam_patterns.policy.ssm import SESSION_MANAGER_ACTIONS  # noqa: E402
from tests.cdk.synth import new_app  # noqa: E402

N = int(os.environ.get("BENCH_N", 60))
REPEAT = int(os.environ.get("BENCH_REPEAT", 5))
ISSUER = "oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE"
PARTNER = "111122223333"
Build = Callable[[Stack, str], object]


def _session_hour() -> dict:
    return {"max_session_duration": Duration.hours(1)}


def _statement(actions, resources) -> iam.PolicyStatement:
    return iam.PolicyStatement(actions=list(actions), resources=list(resources))


def _plain_ec2(stack: Stack, cid: str) -> None:
    role = iam.Role(stack, cid, assumed_by=iam.ServicePrincipal("ec2.amazonaws.com"), **_session_hour(),
                    inline_policies={"session-manager": iam.PolicyDocument(statements=[_statement(SESSION_MANAGER_ACTIONS, ["*"])])})
    iam.InstanceProfile(role, "InstanceProfile", role=role)


def _plain_lambda(stack: Stack, cid: str) -> None:
    logs = f"arn:{Aws.PARTITION}:logs:{Aws.REGION}:{Aws.ACCOUNT_ID}:log-group:/aws/lambda/{cid}:*"
    iam.Role(stack, cid, assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"), **_session_hour(),
             inline_policies={"lambda-execution": iam.PolicyDocument(statements=[
                 _statement(LOG_ACTIONS, [logs]), _statement(LAMBDA_VPC_ACTIONS, ["*"]), _statement(XRAY_WRITE_ACTIONS, ["*"])])})


def _plain_ecs(stack: Stack, cid: str) -> None:
    iam.Role(stack, cid, **_session_hour(), assumed_by=iam.ServicePrincipal("ecs-tasks.amazonaws.com").with_conditions({
        "ArnLike": {"aws:SourceArn": f"arn:{Aws.PARTITION}:ecs:{Aws.REGION}:{Aws.ACCOUNT_ID}:*"},
        "StringEquals": {"aws:SourceAccount": Aws.ACCOUNT_ID},
    }))


def _schedule_group(cid: str) -> str:
    return f"arn:{Aws.PARTITION}:scheduler:{Aws.REGION}:{Aws.ACCOUNT_ID}:schedule-group/{cid}"


def _plain_service(stack: Stack, cid: str) -> None:
    group = _schedule_group(cid)
    iam.Role(stack, cid, **_session_hour(), assumed_by=iam.ServicePrincipal("scheduler.amazonaws.com").with_conditions({
        "ArnEquals": {"aws:SourceArn": group}, "StringEquals": {"aws:SourceAccount": Aws.ACCOUNT_ID},
    }))


def _plain_irsa(stack: Stack, cid: str) -> None:
    provider = f"arn:{Aws.PARTITION}:iam::{Aws.ACCOUNT_ID}:oidc-provider/{ISSUER}"
    iam.Role(stack, cid, **_session_hour(), assumed_by=iam.FederatedPrincipal(provider, {"StringEquals": {
        f"{ISSUER}:aud": "sts.amazonaws.com", f"{ISSUER}:sub": f"system:serviceaccount:payments:{cid.lower()}"}},
        "sts:AssumeRoleWithWebIdentity"))


def _plain_pod_identity(stack: Stack, cid: str) -> None:
    iam.Role(stack, cid, **_session_hour(), assumed_by=iam.SessionTagsPrincipal(
        iam.ServicePrincipal("pods.eks.amazonaws.com").with_conditions({"StringEquals": {
            "aws:RequestTag/kubernetes-namespace": "payments", "aws:RequestTag/kubernetes-service-account": cid.lower()}})))


def _plain_cross_account(stack: Stack, cid: str) -> None:
    role = iam.Role(stack, cid, **_session_hour(), assumed_by=iam.AccountPrincipal(PARTNER).with_conditions({
        "StringEquals": {"sts:ExternalId": f"acme-{cid}"}, "Bool": {"aws:MultiFactorAuthPresent": "true"}}))
    role.assume_role_policy.add_statements(iam.PolicyStatement(
        actions=["sts:AssumeRole"], principals=[iam.ServicePrincipal("ec2.amazonaws.com")]))


# construct name -> (kit construct, plain iam.Role equivalent). Where a trust policy depends on the construct's
# input, each role gets its own (its service account, ExternalId, schedule group), as in a real app, so no role
# profits from another's: PatternRole builds the jsii statements of a trust document once and shares them.
CASES: dict[str, tuple[Build, Build]] = {
    "Ec2InstanceRole (session_manager)": (lambda s, i: Ec2InstanceRole(s, i, session_manager=True), _plain_ec2),
    "LambdaExecutionRole (vpc, xray)": (
        lambda s, i: LambdaExecutionRole(s, i, function_name=i, vpc=True, xray=True), _plain_lambda),
    "EcsTaskRole": (lambda s, i: EcsTaskRole(s, i), _plain_ecs),
    "EcsTaskExecutionRole": (lambda s, i: EcsTaskExecutionRole(s, i), _plain_ecs),
    "ServiceRole (SourceArn + SourceAccount)": (lambda s, i: ServiceRole(
        s, i, service="scheduler.amazonaws.com", source_account=Aws.ACCOUNT_ID, source_arns=[_schedule_group(i)]),
        _plain_service),
    "EksServiceAccountRole": (lambda s, i: EksServiceAccountRole(
        s, i, oidc_issuer=ISSUER, namespace="payments", service_account=i.lower()), _plain_irsa),
    "EksPodIdentityRole": (lambda s, i: EksPodIdentityRole(s, i, namespace="payments", service_account=i.lower()),
                           _plain_pod_identity),
    "CrossAccountRole (the guide's trust)": (lambda s, i: CrossAccountRole(
        s, i, trusted_accounts=[PARTNER], external_id=f"acme-{i}", trusted_services=["ec2.amazonaws.com"]),
        _plain_cross_account),
}


def _cfn_floor(kit: Build) -> Build:
    """A raw CfnRole with the kit role's documents as JSON (built once from a reference role)."""
    reference = kit(Stack(new_app(), "Reference"), "Role")
    trust = reference.trust_policy.to_json()
    policies = [iam.CfnRole.PolicyProperty(policy_name=name, policy_document=doc.to_json())
                for name, doc in reference.inline_policy_documents.items()] or None
    return lambda stack, cid: iam.CfnRole(stack, cid, assume_role_policy_document=trust, policies=policies,
                                          max_session_duration=3600)


def _per_role_ms(build: Build) -> tuple[float, float]:
    """(wall-clock ms, CPU ms) per role to build ``N`` roles with ``build`` in a fresh stack and synthesize it."""
    app = new_app()
    stack = Stack(app, "Bench")
    wall, cpu = time.perf_counter(), cpu_seconds()
    for index in range(N):
        build(stack, f"Role{index}")
    app.synth()
    return (time.perf_counter() - wall) * 1000 / N, (cpu_seconds() - cpu) * 1000 / N


Row = tuple[str, tuple[float, float, float], tuple[float, float, float]]


def measure() -> list[Row]:
    """Per construct: (kit, plain, CfnRole) wall-clock ms per role, then the same in CPU ms; best of REPEAT."""
    variants = {name: (kit, plain, _cfn_floor(kit)) for name, (kit, plain) in CASES.items()}
    _per_role_ms(variants[next(iter(variants))][1])  # warm jsii up before anything counts
    wall = {name: [float("inf")] * 3 for name in variants}
    cpu = {name: [float("inf")] * 3 for name in variants}
    gc.disable()
    try:
        for _ in range(REPEAT):
            for name, builds in variants.items():
                for slot, build in enumerate(builds):
                    run_wall, run_cpu = _per_role_ms(build)
                    wall[name][slot] = min(wall[name][slot], run_wall)
                    cpu[name][slot] = min(cpu[name][slot], run_cpu)
                gc.collect()
    finally:
        gc.enable()
    return [(name, tuple(wall[name]), tuple(cpu[name])) for name in variants]


def main() -> None:
    rows = measure()
    table = "\n".join(
        f"| {name} | {w[0]:.2f} | {w[1]:.2f} | {w[2]:.2f} | **{w[0] / w[1]:.2f}x** | {c[0]:.2f} | {c[1]:.2f} | "
        f"{c[2]:.2f} | **{c[0] / c[1]:.2f}x** |"
        for name, w, c in rows
    )
    worst_wall = max(w[0] / w[1] for _, w, _ in rows)
    worst_cpu = max(c[0] / c[1] for _, _, c in rows)
    write_section(
        "constructs",
        "## Workload and cross-account constructs (`bench/bench_constructs.py`)\n\n"
        f"{machine()}; {N} roles per stack, built and synthesized, best of {REPEAT} interleaved runs, in milliseconds "
        "per role: wall-clock time, and CPU time of Python and jsii's Node process together (steadier on a shared "
        "machine). \"plain\" is an aws-cdk-lib `iam.Role` carrying the same documents as a CDK user writes it; "
        "`CfnRole` is the floor. Target: kit at most 1.2x plain.\n\n"
        "| construct | kit | plain | `CfnRole` | kit / plain | kit CPU | plain CPU | `CfnRole` CPU | kit / plain CPU |\n"
        f"|---|---:|---:|---:|---:|---:|---:|---:|---:|\n{table}\n\n"
        f"Worst ratio: {worst_wall:.2f}x wall-clock, {worst_cpu:.2f}x CPU (target 1.2x).\n\n"
        "Where roles vary in real apps, the bench varies them too: each IRSA, Pod Identity, ExternalId and "
        "ServiceRole role has its own trust policy, each Lambda role its own log group "
        "(`tests/cdk/test_bench_equivalence.py` proves each plain role carries the construct's permissions). "
        "What keeps the kit near plain CDK, where each jsii round trip costs 0.1-0.3 ms: `PatternRole` writes its "
        "exact trust statements (Sids included, which no native CDK principal writes) through one Python principal "
        "shared by every role, built on a native principal so CDK reads its policy fragment without calling into "
        "Python; the `PolicyStatement`s of a trust document are built once and shared by the roles that have it. "
        "A role costs its `iam.Role` creation, one callback and one `add_statements`, plus one "
        "`PolicyStatement.from_json` per statement when its trust policy is new. Pseudo "
        "parameters are read once per process (`constructs/_aws.py`), the default session duration is not "
        "validated through jsii, and `Ec2InstanceRole`'s IMDSv2 guarantee (`RequireImdsv2.apply`) sweeps the stack "
        "once at synth instead of being called back for every construct in it.\n",
    )
    print(table)
    print(f"worst kit/plain: {worst_wall:.2f}x wall-clock, {worst_cpu:.2f}x CPU")


if __name__ == "__main__":
    main()
