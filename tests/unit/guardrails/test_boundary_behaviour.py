"""A role under the permissions boundary, even with an administrator policy of its own, stays inside it."""

from __future__ import annotations

import pytest

from iam_patterns.evaluation import Decision, Request, evaluate
from iam_patterns.guardrails import permissions_boundary

ACCOUNT = "111122223333"
SESSION = f"arn:aws:sts::{ACCOUNT}:assumed-role/orders-fn/s1"
OWN_ROLE = f"arn:aws:iam::{ACCOUNT}:role/team-a/orders-fn"
BOUNDARY_ARN = f"arn:aws:iam::{ACCOUNT}:policy/delegated/team-a-boundary"
ADMIN = {"Version": "2012-10-17", "Statement": [{"Sid": "Admin", "Effect": "Allow", "Action": "*", "Resource": "*"}]}
BOUNDARY = permissions_boundary(
    services=["s3", "dynamodb", "iam"], managed_policy_name="team-a-boundary", path="/delegated/", account=ACCOUNT
)


def _decide(action: str, resource: str = "*", **context: str):
    return evaluate(Request(SESSION, action, resource, context), [ADMIN], boundary=BOUNDARY)


@pytest.mark.parametrize(
    ("action", "resource"),
    [
        ("s3:GetObject", "arn:aws:s3:::orders/x.json"),
        ("dynamodb:PutItem", f"arn:aws:dynamodb:eu-west-1:{ACCOUNT}:table/o"),
        ("iam:GetRole", OWN_ROLE),
    ],
)
def test_an_admin_role_keeps_what_the_boundary_allows(action, resource):
    assert _decide(action, resource).decision == Decision.ALLOW


def test_services_the_boundary_does_not_list_are_out_of_reach():
    result = _decide("ec2:RunInstances", f"arn:aws:ec2:eu-west-1:{ACCOUNT}:instance/*")
    assert result.decision == Decision.IMPLICIT_DENY


@pytest.mark.parametrize(
    ("action", "resource", "sid"),
    [
        ("iam:CreateRole", f"arn:aws:iam::{ACCOUNT}:role/escape", "DenyIamEscalation"),
        ("iam:CreateUser", f"arn:aws:iam::{ACCOUNT}:user/backdoor", "DenyIamEscalation"),
        ("iam:CreateAccessKey", f"arn:aws:iam::{ACCOUNT}:user/ops", "DenyIamEscalation"),
        ("iam:DisableOrganizationsRootSessions", "*", "DenyIamEscalation"),
        ("iam:AttachRolePolicy", OWN_ROLE, "DenyIamEscalation"),
        ("iam:UpdateAssumeRolePolicy", f"arn:aws:iam::{ACCOUNT}:role/platform/admin", "DenyIamEscalation"),
        ("iam:PassRole", f"arn:aws:iam::{ACCOUNT}:role/platform/admin", "DenyIamEscalation"),
        ("iam:DeleteRolePermissionsBoundary", OWN_ROLE, "DenyRemovingOrReplacingBoundaries"),
        ("iam:PutRolePermissionsBoundary", OWN_ROLE, "DenyRemovingOrReplacingBoundaries"),
        ("iam:CreatePolicyVersion", BOUNDARY_ARN, "DenyEditingThisBoundary"),
        ("organizations:LeaveOrganization", "*", "DenyOrganizationsAndAccountActions"),
        ("account:CloseAccount", "*", "DenyOrganizationsAndAccountActions"),
        ("cloudtrail:StopLogging", f"arn:aws:cloudtrail:eu-west-1:{ACCOUNT}:trail/org", "DenyDisablingCloudTrail"),
    ],
)
def test_an_admin_role_is_still_denied_what_the_boundary_denies(action, resource, sid):
    result = _decide(action, resource)
    assert result.decision == Decision.EXPLICIT_DENY
    assert sid in {r.sid for r in result.reasons}


def test_without_the_boundary_the_same_role_could_escalate():
    """The control case: the admin policy alone allows what the boundary takes away."""
    request = Request(SESSION, "iam:CreateUser", f"arn:aws:iam::{ACCOUNT}:user/backdoor")
    assert evaluate(request, [ADMIN]).decision == Decision.ALLOW
