"""The boundary delegation document: the shape of AWS's pattern, and the inputs it refuses."""

from __future__ import annotations

import re

import pytest

from iam_patterns.errors import ValidationError
from iam_patterns.guardrails import boundary_delegation
from iam_patterns.policy import as_tuple

ACCOUNT = "111122223333"
BOUNDARY = f"arn:aws:iam::{ACCOUNT}:policy/delegated/team-a-boundary"


def _delegation(**overrides):
    options = {
        "boundary_arn": BOUNDARY,
        "role_path": "/team-a/",
        "passed_to_services": ["lambda.amazonaws.com"],
        "managed_policy_name": "team-a-delegation",
        "path": "/delegated/",
        "account": ACCOUNT,
    }
    return boundary_delegation(**{**options, **overrides})


def _statement(document, sid):
    (statement,) = [s for s in document.statements if s.sid == sid]
    return statement


def test_role_creation_and_policy_changes_require_the_boundary_on_the_path():
    create = _statement(_delegation(), "CreateAndChangeRolesOnlyWithTheBoundary")
    assert "iam:CreateRole" in create.action and "iam:PutRolePolicy" in create.action
    assert create.resource == f"arn:aws:iam::{ACCOUNT}:role/team-a/*"
    assert create.condition == {"StringEquals": {"iam:PermissionsBoundary": BOUNDARY}}


def test_name_prefix_narrows_every_path_resource():
    document = _delegation(role_name_prefix="app-")
    assert _statement(document, "ManageRolesOnThePath").resource == f"arn:aws:iam::{ACCOUNT}:role/team-a/app-*"
    assert _statement(document, "ManagePoliciesOnThePath").resource == f"arn:aws:iam::{ACCOUNT}:policy/team-a/app-*"


def test_pass_role_only_on_the_path_and_only_to_the_listed_services():
    passing = _statement(
        _delegation(passed_to_services=["lambda.amazonaws.com", "ecs-tasks.amazonaws.com"]),
        "PassRolesOnThePathToListedServices",
    )
    assert passing.action == "iam:PassRole"
    assert passing.resource == f"arn:aws:iam::{ACCOUNT}:role/team-a/*"
    assert passing.condition == {
        "StringEquals": {"iam:PassedToService": ("lambda.amazonaws.com", "ecs-tasks.amazonaws.com")}
    }


def test_denies_edits_to_the_boundary_and_to_itself_and_removing_or_replacing_boundaries():
    document = _delegation()
    edits = _statement(document, "DenyEditingTheBoundaryOrThisPolicy")
    assert edits.resource == (BOUNDARY, f"arn:aws:iam::{ACCOUNT}:policy/delegated/team-a-delegation")
    assert _statement(document, "DenyRemovingBoundaries").action == (
        "iam:DeleteRolePermissionsBoundary",
        "iam:DeleteUserPermissionsBoundary",
    )
    other = _statement(document, "DenyOtherBoundaries")
    assert other.condition == {"StringNotEquals": {"iam:PermissionsBoundary": BOUNDARY}}
    assert {"iam:CreateRole", "iam:PutRolePermissionsBoundary"} <= set(other.action)


def test_allows_no_trust_policy_change_and_no_wildcard_action():
    allowed = {a for s in _delegation().statements if s.effect == "Allow" for a in as_tuple(s.action)}
    assert "iam:UpdateAssumeRolePolicy" not in allowed
    assert not any("*" in action for action in allowed)


BAD = [
    ({"role_path": "/"}, "role_path is '/', but must not be '/'"),
    ({"role_path": "team-a"}, "role_path is 'team-a', but must start and end with '/'"),
    ({"passed_to_services": ["lambda"]}, "passed_to_services is 'lambda', but must be an AWS service principal"),
    ({"passed_to_services": ["lambda..amazonaws.com"]},
     "passed_to_services is 'lambda..amazonaws.com', but must be an AWS service principal"),
    ({"passed_to_services": []}, "passed_to_services is [], but must name at least one value"),
    ({"boundary_arn": "team-a-boundary"}, "boundary_arn is 'team-a-boundary', but must be an ARN"),
    ({"boundary_arn": "arn:aws:iam::111122223333:policy/team-*"},
     "boundary_arn is 'arn:aws:iam::111122223333:policy/team-*', but must name one managed policy exactly"),
    ({"boundary_arn": "arn:aws:iam::111122223333:role/team-a-boundary"},
     "boundary_arn is 'arn:aws:iam::111122223333:role/team-a-boundary', but must name one managed policy exactly"),
    ({"role_name_prefix": "app/*"}, "role_name_prefix is 'app/*', but must be 1 to 64 characters"),
    ({"managed_policy_name": ""}, "managed_policy_name is '', but must be 1 to 128 characters"),
]


@pytest.mark.parametrize(("overrides", "message"), BAD)
def test_bad_input_is_refused(overrides, message):
    with pytest.raises(ValidationError, match=re.escape(message)):
        _delegation(**overrides)
