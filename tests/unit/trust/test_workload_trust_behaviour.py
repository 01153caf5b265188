"""What the workload and cross-account trust policies let through, decided by the evaluator: the intended
caller, and no near miss (wrong ExternalId, no MFA, MFA too old, other account, other service, other source
ARN or account, other service account or namespace)."""

from __future__ import annotations

import pytest

from iam_patterns.evaluation import Decision, Request, evaluate
from iam_patterns.trust import (
    cross_account_trust,
    ecs_tasks_trust,
    eks_pod_identity_trust,
    eks_service_account_trust,
    service_role_trust,
)

ACCOUNT = "444455556666"
PARTNER = "111122223333"
ROLE = f"arn:aws:iam::{ACCOUNT}:role/workload"
ALICE = f"arn:aws:iam::{PARTNER}:user/alice"
ISSUER = "oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE"
GUARDRAILS = {"sts:ExternalId": "acme-prod-2026", "aws:MultiFactorAuthPresent": True, "aws:MultiFactorAuthAge": 600}


def _decide(trust, principal, context=None, *, action="sts:AssumeRole") -> Decision:
    """The decision on the trust policy, for a caller whose own account lets it call ``action`` on the role."""
    caller_policy = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": action, "Resource": ROLE}]}
    identity = [caller_policy] if isinstance(principal, str) else []
    return evaluate(Request(principal, action, ROLE, context or {}), identity, resource=trust).decision


# --- CrossAccountRole: the guide's trust, and an MFA age limit -----------------------------------------------

GUIDE = cross_account_trust(trusted_accounts=[PARTNER], external_id="acme-prod-2026",
                            trusted_services=["ec2.amazonaws.com"], mfa_max_age=3600)


def test_the_partner_with_the_external_id_and_fresh_mfa_may_assume():
    assert _decide(GUIDE, ALICE, GUARDRAILS) == Decision.ALLOW


def test_ec2_may_assume_without_guardrails():
    assert _decide(GUIDE, {"Service": "ec2.amazonaws.com"}) == Decision.ALLOW


@pytest.mark.parametrize(
    ("principal", "context"),
    [
        pytest.param(ALICE, {**GUARDRAILS, "sts:ExternalId": "acme-prod-2025"}, id="wrong-external-id"),
        pytest.param(ALICE, {k: v for k, v in GUARDRAILS.items() if k != "sts:ExternalId"}, id="no-external-id"),
        pytest.param(ALICE, {**GUARDRAILS, "aws:MultiFactorAuthPresent": False}, id="no-mfa"),
        pytest.param(ALICE, {"sts:ExternalId": "acme-prod-2026"}, id="mfa-key-absent"),
        pytest.param(ALICE, {**GUARDRAILS, "aws:MultiFactorAuthAge": 7200}, id="mfa-too-old"),
        pytest.param("arn:aws:iam::999988887777:user/mallory", GUARDRAILS, id="other-account"),
        pytest.param({"Service": "lambda.amazonaws.com"}, {}, id="other-service"),
    ],
)
def test_near_misses_cannot_assume_the_cross_account_role(principal, context):
    assert _decide(GUIDE, principal, context) != Decision.ALLOW


def test_a_named_role_is_trusted_but_not_its_accounts_other_roles():
    trust = cross_account_trust(trusted_principals=[f"arn:aws:iam::{PARTNER}:role/auditor"], external_id="acme-prod-2026")
    auditor = f"arn:aws:sts::{PARTNER}:assumed-role/auditor/session"
    other = f"arn:aws:sts::{PARTNER}:assumed-role/developer/session"
    assert _decide(trust, auditor, GUARDRAILS) == Decision.ALLOW
    assert _decide(trust, other, GUARDRAILS) != Decision.ALLOW


# --- ServiceRole: the source resource and its account ---------------------------------------------------------

GROUP = f"arn:aws:scheduler:us-east-1:{ACCOUNT}:schedule-group/default"
SCHEDULER = service_role_trust("scheduler.amazonaws.com", source_arns=[GROUP], source_account=ACCOUNT)
SCHEDULER_SOURCE = {"aws:SourceArn": GROUP, "aws:SourceAccount": ACCOUNT}


def test_the_scheduler_acting_for_this_accounts_schedule_group_may_assume():
    assert _decide(SCHEDULER, {"Service": "scheduler.amazonaws.com"}, SCHEDULER_SOURCE) == Decision.ALLOW


@pytest.mark.parametrize(
    ("principal", "context"),
    [
        pytest.param({"Service": "scheduler.amazonaws.com"}, {**SCHEDULER_SOURCE, "aws:SourceArn": GROUP.replace("default", "other")}, id="other-source-arn"),
        pytest.param({"Service": "scheduler.amazonaws.com"}, {"aws:SourceArn": GROUP.replace(ACCOUNT, PARTNER), "aws:SourceAccount": PARTNER}, id="other-source-account"),
        pytest.param({"Service": "scheduler.amazonaws.com"}, {"aws:SourceArn": GROUP}, id="no-source-account"),
        pytest.param({"Service": "scheduler.amazonaws.com"}, {}, id="no-source-at-all"),
        pytest.param({"Service": "events.amazonaws.com"}, SCHEDULER_SOURCE, id="other-service"),
        pytest.param(f"arn:aws:iam::{ACCOUNT}:user/bob", SCHEDULER_SOURCE, id="a-user-of-the-account"),
    ],
)
def test_near_misses_cannot_assume_the_service_role(principal, context):
    assert _decide(SCHEDULER, principal, context) != Decision.ALLOW


def test_a_wildcard_source_still_needs_the_account():
    trust = service_role_trust("logs.amazonaws.com", source_arns=["arn:aws:logs:*:*:destination:*"], source_account=ACCOUNT)
    theirs = {"aws:SourceArn": f"arn:aws:logs:us-east-1:{PARTNER}:destination:x", "aws:SourceAccount": PARTNER}
    ours = {"aws:SourceArn": f"arn:aws:logs:us-east-1:{ACCOUNT}:destination:x", "aws:SourceAccount": ACCOUNT}
    assert _decide(trust, {"Service": "logs.amazonaws.com"}, ours) == Decision.ALLOW
    assert _decide(trust, {"Service": "logs.amazonaws.com"}, theirs) != Decision.ALLOW


def test_a_newly_listed_service_acts_only_for_this_accounts_resources():
    """DataSync, listed since its page asks for the keys in the trust policy: any location of this account, no other."""
    trust = service_role_trust("datasync.amazonaws.com", source_arns=[f"arn:aws:datasync:us-east-2:{ACCOUNT}:*"],
                               source_account=ACCOUNT)
    datasync = {"Service": "datasync.amazonaws.com"}
    ours = {"aws:SourceArn": f"arn:aws:datasync:us-east-2:{ACCOUNT}:location/loc-0123", "aws:SourceAccount": ACCOUNT}
    theirs = {"aws:SourceArn": f"arn:aws:datasync:us-east-2:{PARTNER}:location/loc-0123", "aws:SourceAccount": PARTNER}
    assert _decide(trust, datasync, ours) == Decision.ALLOW
    assert _decide(trust, datasync, theirs) != Decision.ALLOW
    assert _decide(trust, datasync, {}) != Decision.ALLOW


# --- EcsTaskRole / EcsTaskExecutionRole ----------------------------------------------------------------------

ECS = ecs_tasks_trust(account=ACCOUNT, region="us-east-1")
TASK = {"aws:SourceArn": f"arn:aws:ecs:us-east-1:{ACCOUNT}:task/cluster/0123456789abcdef", "aws:SourceAccount": ACCOUNT}


def test_ecs_tasks_of_the_account_and_region_may_assume():
    assert _decide(ECS, {"Service": "ecs-tasks.amazonaws.com"}, TASK) == Decision.ALLOW


@pytest.mark.parametrize(
    ("principal", "context"),
    [
        pytest.param({"Service": "ecs-tasks.amazonaws.com"}, {"aws:SourceArn": TASK["aws:SourceArn"].replace(ACCOUNT, PARTNER), "aws:SourceAccount": PARTNER}, id="other-account"),
        pytest.param({"Service": "ecs-tasks.amazonaws.com"}, {**TASK, "aws:SourceArn": TASK["aws:SourceArn"].replace("us-east-1", "eu-west-1")}, id="other-region"),
        pytest.param({"Service": "ecs-tasks.amazonaws.com"}, {}, id="no-source"),
        pytest.param({"Service": "ec2.amazonaws.com"}, TASK, id="other-service"),
    ],
)
def test_near_misses_cannot_assume_the_ecs_roles(principal, context):
    assert _decide(ECS, principal, context) != Decision.ALLOW


# --- EksServiceAccountRole (IRSA) -----------------------------------------------------------------------------

PROVIDER = f"arn:aws:iam::{ACCOUNT}:oidc-provider/{ISSUER}"
IRSA = eks_service_account_trust(issuer=ISSUER, namespace="payments", service_account="api", account=ACCOUNT)
TOKEN = {f"{ISSUER}:sub": "system:serviceaccount:payments:api", f"{ISSUER}:aud": "sts.amazonaws.com"}


def _irsa(token: dict, provider: str = PROVIDER) -> Decision:
    return _decide(IRSA, {"Federated": provider}, token, action="sts:AssumeRoleWithWebIdentity")


def test_the_service_accounts_token_may_assume():
    assert _irsa(TOKEN) == Decision.ALLOW


@pytest.mark.parametrize(
    ("token", "provider"),
    [
        pytest.param({**TOKEN, f"{ISSUER}:sub": "system:serviceaccount:payments:worker"}, PROVIDER, id="other-service-account"),
        pytest.param({**TOKEN, f"{ISSUER}:sub": "system:serviceaccount:default:api"}, PROVIDER, id="other-namespace"),
        pytest.param({**TOKEN, f"{ISSUER}:aud": "https://kubernetes.default.svc"}, PROVIDER, id="other-audience"),
        pytest.param({f"{ISSUER}:aud": "sts.amazonaws.com"}, PROVIDER, id="no-sub"),
        pytest.param(TOKEN, PROVIDER.replace("EXAMPLED539D4633E53DE1B71EXAMPLE", "0THERC1USTER"), id="other-cluster"),
    ],
)
def test_near_misses_cannot_assume_the_irsa_role(token, provider):
    assert _irsa(token, provider) != Decision.ALLOW


# --- EksPodIdentityRole ---------------------------------------------------------------------------------------

POD_IDENTITY = eks_pod_identity_trust(namespace="payments", service_account="api", cluster_name="prod")
TAGS = {"aws:RequestTag/kubernetes-namespace": "payments", "aws:RequestTag/kubernetes-service-account": "api",
        "aws:RequestTag/eks-cluster-name": "prod"}
EKS_AUTH = {"Service": "pods.eks.amazonaws.com"}


@pytest.mark.parametrize("action", ["sts:AssumeRole", "sts:TagSession"])
def test_pod_identity_for_the_service_account_may_assume_and_tag(action):
    assert _decide(POD_IDENTITY, EKS_AUTH, TAGS, action=action) == Decision.ALLOW


@pytest.mark.parametrize(
    ("principal", "context"),
    [
        pytest.param(EKS_AUTH, {**TAGS, "aws:RequestTag/kubernetes-service-account": "worker"}, id="other-service-account"),
        pytest.param(EKS_AUTH, {**TAGS, "aws:RequestTag/kubernetes-namespace": "default"}, id="other-namespace"),
        pytest.param(EKS_AUTH, {**TAGS, "aws:RequestTag/eks-cluster-name": "staging"}, id="other-cluster"),
        pytest.param(EKS_AUTH, {}, id="session-tags-disabled"),
        pytest.param({"Service": "ecs-tasks.amazonaws.com"}, TAGS, id="other-service"),
    ],
)
def test_near_misses_cannot_assume_the_pod_identity_role(principal, context):
    assert _decide(POD_IDENTITY, principal, context) != Decision.ALLOW
