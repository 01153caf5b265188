"""PermissionSet: an Identity Center permission set with ISO 8601 sessions, policies, boundary, assignments."""

from __future__ import annotations

import re

import pytest
from aws_cdk import Duration, Stack

from iam_patterns import PermissionSet
from iam_patterns.errors import ValidationError
from iam_patterns.policy import PolicyDocument, Statement
from tests.cdk.synth import properties_of_type, template

INSTANCE = "arn:aws:sso:::instance/ssoins-1111111111111111"
GROUP = "9067e1a2-40a1-70f5-5f0d-6f1b0c2e9a11"
USER = "906712345a-11111111-2222-3333-4444-555555555555"
READ = PolicyDocument(statements=[Statement(sid="Read", action="s3:GetObject", resource="arn:aws:s3:::b/*")])


def _set(stack, **overrides):
    options = {"name": "Dev", "instance_arn": INSTANCE, "inline_policy": READ}
    return PermissionSet(stack, "Dev", **{**options, **overrides})


def test_emits_the_set_with_its_session_policies_and_boundary(app):
    stack = Stack(app, "S")
    permission_set = _set(
        stack,
        session_duration=Duration.minutes(90),
        customer_managed_policies=["team-a-delegation", "/delegated/team-a-reader"],
        permissions_boundary="/delegated/team-a-boundary",
    )
    (props,) = properties_of_type(stack, "AWS::SSO::PermissionSet").values()
    assert props["SessionDuration"] == "PT1H30M"
    assert props["CustomerManagedPolicyReferences"] == [
        {"Name": "team-a-delegation", "Path": "/"},
        {"Name": "team-a-reader", "Path": "/delegated/"},
    ]
    assert props["InlinePolicy"] == READ.to_json()
    assert props["PermissionsBoundary"] == {
        "CustomerManagedPolicyReference": {"Name": "team-a-boundary", "Path": "/delegated/"}
    }
    assert permission_set.inline_policy is READ
    assert permission_set.assignments == []


def test_defaults_to_one_hour_and_takes_an_aws_managed_boundary(app):
    stack = Stack(app, "S")
    _set(stack, permissions_boundary="arn:aws:iam::aws:policy/PowerUserAccess")
    (props,) = properties_of_type(stack, "AWS::SSO::PermissionSet").values()
    assert props["SessionDuration"] == "PT1H"
    assert props["PermissionsBoundary"] == {"ManagedPolicyArn": "arn:aws:iam::aws:policy/PowerUserAccess"}


def test_assigns_groups_and_users_to_each_account(app):
    stack = Stack(app, "S")
    permission_set = _set(
        stack, group_assignments={GROUP: ["111122223333", "444455556666"]}, user_assignments={USER: ["111122223333"]}
    )
    assignments = properties_of_type(stack, "AWS::SSO::Assignment").values()
    set_arn = {"Fn::GetAtt": [stack.get_logical_id(permission_set.permission_set), "PermissionSetArn"]}
    assert sorted((a["PrincipalType"], a["PrincipalId"], a["TargetId"]) for a in assignments) == [
        ("GROUP", GROUP, "111122223333"),
        ("GROUP", GROUP, "444455556666"),
        ("USER", USER, "111122223333"),
    ]
    assert all(a["PermissionSetArn"] == set_arn and a["TargetType"] == "AWS_ACCOUNT" for a in assignments)
    assert all(a["InstanceArn"] == INSTANCE for a in assignments)


BAD = [
    ({"instance_arn": "arn:aws:sso:::instance/ssoins-12"}, "instance_arn is 'arn:aws:sso:::instance/ssoins-12'"),
    ({"name": "Team A Developer"}, "name is 'Team A Developer', but must be 1 to 32 characters"),
    ({"session_duration": Duration.hours(13)}, "session_duration is 46800 s, but must be between 1 and 12 hours"),
    ({"inline_policy": None}, "must attach at least one policy: a set without any grants nothing"),
    (
        {"permissions_boundary": "arn:aws:iam::111122223333:policy/team-a-boundary"},
        "permissions_boundary is 'arn:aws:iam::111122223333:policy/team-a-boundary', but must be an AWS managed",
    ),
    ({"customer_managed_policies": ["delegated/x"]}, "customer_managed_policies is 'delegated/', but must start"),
    (
        {"customer_managed_policies": "team-a-delegation"},
        "customer_managed_policies is 'team-a-delegation', but must be a list of policies, not one string",
    ),
    ({"group_assignments": {"team-a": ["111122223333"]}}, "group_assignments is 'team-a', but must be an Identity"),
    ({"group_assignments": {GROUP: ["1111"]}}, "group_assignments is '1111', but must be an AWS account id"),
    ({"user_assignments": {USER: "111122223333"}}, "but must map each id to a list of account ids"),
    (
        {"inline_policy": PolicyDocument(statements=[Statement(sid="P", principal="*", action="s3:*", resource="*")])},
        "inline_policy is 'P', but must not name a Principal",
    ),
]


@pytest.mark.parametrize(("overrides", "message"), BAD)
def test_bad_input_is_refused_before_anything_is_emitted(app, overrides, message):
    stack = Stack(app, "S")
    with pytest.raises(ValidationError, match=re.escape(message)):
        _set(stack, **overrides)
    assert template(stack).get("Resources", {}) == {}
