"""The permissions boundary document: what it allows, what it denies, and the inputs it refuses."""

from __future__ import annotations

import re

import pytest

from iam_patterns.errors import ValidationError
from iam_patterns.guardrails import permissions_boundary
from iam_patterns.policy import MANAGED_POLICY_QUOTA, iam_size

ACCOUNT = "111122223333"


def _boundary(**overrides):
    options = {"services": ["s3", "logs"], "managed_policy_name": "team-a-boundary", "account": ACCOUNT}
    return permissions_boundary(**{**options, **overrides})


def _statement(document, sid):
    (statement,) = [s for s in document.statements if s.sid == sid]
    return statement


def test_allows_exactly_the_listed_services():
    allow = _statement(_boundary(services=["s3", "logs", "s3"]), "AllowListedServices")
    assert allow.effect == "Allow"
    assert allow.action == ("s3:*", "logs:*")
    assert allow.resource == "*"
    assert [s.sid for s in _boundary().statements if s.effect == "Allow"] == ["AllowListedServices"]


def test_denies_editing_itself_by_its_own_arn_on_its_path():
    document = _boundary(path="/delegated/", partition="aws-us-gov")
    edits = _statement(document, "DenyEditingThisBoundary")
    assert edits.effect == "Deny"
    assert edits.resource == f"arn:aws-us-gov:iam::{ACCOUNT}:policy/delegated/team-a-boundary"
    assert set(edits.action) == {
        "iam:CreatePolicyVersion",
        "iam:DeletePolicy",
        "iam:DeletePolicyVersion",
        "iam:SetDefaultPolicyVersion",
    }


def test_denies_escalation_boundary_changes_organizations_and_stopping_cloudtrail():
    document = _boundary()
    assert "iam:PassRole" in _statement(document, "DenyIamEscalation").action
    assert {"iam:Create*", "iam:Attach*", "iam:Put*", "iam:Update*"} <= set(
        _statement(document, "DenyIamEscalation").action
    )
    assert set(_statement(document, "DenyRemovingOrReplacingBoundaries").action) == {
        "iam:DeleteRolePermissionsBoundary",
        "iam:DeleteUserPermissionsBoundary",
        "iam:PutRolePermissionsBoundary",
        "iam:PutUserPermissionsBoundary",
    }
    assert set(_statement(document, "DenyOrganizationsAndAccountActions").action) == {"organizations:*", "account:*"}
    assert "cloudtrail:StopLogging" in _statement(document, "DenyDisablingCloudTrail").action


def test_cdk_tokens_pass_through_for_account_and_partition():
    document = _boundary(account="${Token[AWS.AccountId.6]}", partition="${Token[AWS.Partition.8]}")
    assert _statement(document, "DenyEditingThisBoundary").resource == (
        "arn:${Token[AWS.Partition.8]}:iam::${Token[AWS.AccountId.6]}:policy/team-a-boundary"
    )


def test_stays_well_under_the_managed_policy_quota():
    assert iam_size(_boundary(services=[f"service{i}" for i in range(40)])) < MANAGED_POLICY_QUOTA


BAD = [
    ({"services": ["*"]}, "services is '*', but must list services by prefix"),
    ({"services": ["organizations"]}, "services is 'organizations', but must not name account or organizations"),
    ({"services": []}, "services is [], but must name at least one value"),
    ({"services": ["S3!"]}, "services is 'S3!', but must be a service prefix"),
    ({"managed_policy_name": "team a boundary"}, "managed_policy_name is 'team a boundary', but must be 1 to 128"),
    ({"path": "delegated"}, "path is 'delegated', but must start and end with '/'"),
    ({"account": "1111"}, "account is '1111', but must be an AWS account id"),
    ({"services": [f"service-number-{i}" for i in range(400)]}, "permissions boundary is"),
]


@pytest.mark.parametrize(("overrides", "message"), BAD)
def test_bad_input_is_refused(overrides, message):
    with pytest.raises(ValidationError, match=re.escape(message)):
        _boundary(**overrides)
