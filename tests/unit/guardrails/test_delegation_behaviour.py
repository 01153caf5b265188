"""What a delegate holding the boundary delegation can and cannot do, decided by the evaluator.

The delegate is a session of ``team-a-deployer``; its roles live under ``/team-a/``. A second run gives the
same delegate an administrator policy as well, to show that the delegation's denies hold whatever else it has.
"""

from __future__ import annotations

import pytest

from iam_patterns.evaluation import Decision, Request, evaluate
from iam_patterns.guardrails import boundary_delegation, permissions_boundary

ACCOUNT = "111122223333"
BOUNDARY = f"arn:aws:iam::{ACCOUNT}:policy/delegated/team-a-boundary"
OTHER_BOUNDARY = f"arn:aws:iam::{ACCOUNT}:policy/delegated/wide-open"
DELEGATION_ARN = f"arn:aws:iam::{ACCOUNT}:policy/delegated/team-a-delegation"
DELEGATE = f"arn:aws:sts::{ACCOUNT}:assumed-role/team-a-deployer/alice"
TEAM_ROLE = f"arn:aws:iam::{ACCOUNT}:role/team-a/orders-fn"
OTHER_ROLE = f"arn:aws:iam::{ACCOUNT}:role/platform/admin"
ADMIN = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}

DELEGATION = boundary_delegation(
    boundary_arn=BOUNDARY,
    role_path="/team-a/",
    passed_to_services=["lambda.amazonaws.com", "ecs-tasks.amazonaws.com"],
    managed_policy_name="team-a-delegation",
    path="/delegated/",
    account=ACCOUNT,
)


def _decide(action: str, resource: str, identity=(DELEGATION,), **context: str) -> Decision:
    return evaluate(Request(DELEGATE, action, resource, context), list(identity)).decision


def _with_boundary(boundary: str = BOUNDARY) -> dict[str, str]:
    return {"iam:PermissionsBoundary": boundary}


@pytest.mark.parametrize(
    "action", ["iam:CreateRole", "iam:PutRolePolicy", "iam:AttachRolePolicy", "iam:PutRolePermissionsBoundary"]
)
def test_delegate_can_create_and_change_a_role_on_its_path_with_the_boundary(action):
    assert _decide(action, TEAM_ROLE, **_with_boundary()) == Decision.ALLOW


def test_delegate_cannot_create_a_role_without_the_boundary():
    assert _decide("iam:CreateRole", TEAM_ROLE) == Decision.EXPLICIT_DENY


def test_delegate_cannot_create_a_role_with_another_boundary():
    assert _decide("iam:CreateRole", TEAM_ROLE, **_with_boundary(OTHER_BOUNDARY)) == Decision.EXPLICIT_DENY


def test_delegate_cannot_create_a_role_off_its_path_even_with_the_boundary():
    assert _decide("iam:CreateRole", OTHER_ROLE, **_with_boundary()) == Decision.IMPLICIT_DENY


def test_delegate_cannot_change_the_policies_of_an_unbounded_role_on_its_path():
    assert _decide("iam:PutRolePolicy", TEAM_ROLE) == Decision.IMPLICIT_DENY
    assert _decide("iam:AttachRolePolicy", TEAM_ROLE, **_with_boundary(OTHER_BOUNDARY)) == Decision.IMPLICIT_DENY


def test_delegate_cannot_make_a_role_trust_someone_else():
    assert _decide("iam:UpdateAssumeRolePolicy", TEAM_ROLE, **_with_boundary()) == Decision.IMPLICIT_DENY


@pytest.mark.parametrize("identity", [(DELEGATION,), (DELEGATION, ADMIN)], ids=["delegation", "with-admin"])
@pytest.mark.parametrize(
    "action", ["iam:DeletePolicy", "iam:CreatePolicyVersion", "iam:DeletePolicyVersion", "iam:SetDefaultPolicyVersion"]
)
def test_delegate_cannot_delete_edit_or_version_the_boundary_or_the_delegation(identity, action):
    assert _decide(action, BOUNDARY, identity) == Decision.EXPLICIT_DENY
    assert _decide(action, DELEGATION_ARN, identity) == Decision.EXPLICIT_DENY


def test_delegate_can_manage_its_own_policies_on_its_path():
    assert _decide("iam:CreatePolicyVersion", f"arn:aws:iam::{ACCOUNT}:policy/team-a/orders-read") == Decision.ALLOW


@pytest.mark.parametrize("identity", [(DELEGATION,), (DELEGATION, ADMIN)], ids=["delegation", "with-admin"])
def test_delegate_cannot_remove_a_roles_boundary(identity):
    result = evaluate(
        Request(DELEGATE, "iam:DeleteRolePermissionsBoundary", TEAM_ROLE, _with_boundary()), list(identity)
    )
    assert result.decision == Decision.EXPLICIT_DENY
    assert [r.sid for r in result.reasons] == ["DenyRemovingBoundaries"]


def test_even_an_admin_delegate_cannot_put_another_boundary_or_create_unbounded_roles():
    with_admin = (DELEGATION, ADMIN)
    assert _decide("iam:PutRolePermissionsBoundary", TEAM_ROLE, with_admin, **_with_boundary(OTHER_BOUNDARY)) == (
        Decision.EXPLICIT_DENY
    )
    assert _decide("iam:CreateRole", OTHER_ROLE, with_admin) == Decision.EXPLICIT_DENY
    assert _decide("iam:CreateUser", f"arn:aws:iam::{ACCOUNT}:user/backdoor", with_admin) == Decision.EXPLICIT_DENY


@pytest.mark.parametrize("service", ["lambda.amazonaws.com", "ecs-tasks.amazonaws.com"])
def test_delegate_can_pass_its_roles_to_the_listed_services(service):
    assert _decide("iam:PassRole", TEAM_ROLE, **{"iam:PassedToService": service}) == Decision.ALLOW


def test_delegate_cannot_pass_a_role_to_another_service():
    assert _decide("iam:PassRole", TEAM_ROLE, **{"iam:PassedToService": "ec2.amazonaws.com"}) == Decision.IMPLICIT_DENY
    assert _decide("iam:PassRole", TEAM_ROLE) == Decision.IMPLICIT_DENY


def test_delegate_cannot_pass_a_role_outside_its_path():
    assert _decide("iam:PassRole", OTHER_ROLE, **{"iam:PassedToService": "lambda.amazonaws.com"}) == (
        Decision.IMPLICIT_DENY
    )


def test_name_prefix_keeps_the_delegate_to_its_prefix():
    narrow = boundary_delegation(
        boundary_arn=BOUNDARY,
        role_path="/team-a/",
        role_name_prefix="orders-",
        passed_to_services=["lambda.amazonaws.com"],
        managed_policy_name="d",
        account=ACCOUNT,
    )
    assert _decide("iam:CreateRole", TEAM_ROLE, (narrow,), **_with_boundary()) == Decision.ALLOW
    assert (
        _decide("iam:CreateRole", f"arn:aws:iam::{ACCOUNT}:role/team-a/billing-fn", (narrow,), **_with_boundary())
        == Decision.IMPLICIT_DENY
    )


def test_a_role_the_delegate_creates_cannot_itself_create_roles():
    """The delegation does not leak: a role made under the boundary with the delegation attached is still
    capped by the boundary, which denies every IAM write."""
    boundary = permissions_boundary(
        services=["s3", "iam"], managed_policy_name="team-a-boundary", path="/delegated/", account=ACCOUNT
    )
    session = f"arn:aws:sts::{ACCOUNT}:assumed-role/orders-fn/s"
    result = evaluate(Request(session, "iam:CreateRole", TEAM_ROLE, _with_boundary()), [DELEGATION], boundary=boundary)
    assert result.decision == Decision.EXPLICIT_DENY


def test_a_delegate_under_the_boundary_it_hands_out_could_create_nothing():
    """Why the example's delegate permission set has no boundary: team-a-boundary denies every IAM write, so a
    delegate bounded by it is refused the very roles the delegation allows; the delegation's denies hold it."""
    boundary = permissions_boundary(
        services=["s3", "iam"], managed_policy_name="team-a-boundary", path="/delegated/", account=ACCOUNT
    )
    request = Request(DELEGATE, "iam:CreateRole", TEAM_ROLE, _with_boundary())
    assert evaluate(request, [DELEGATION]).decision == Decision.ALLOW
    assert evaluate(request, [DELEGATION], boundary=boundary).decision == Decision.EXPLICIT_DENY
