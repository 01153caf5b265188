"""PermissionsBoundaryPolicy and BoundaryDelegation: named managed policies that emit their pure documents."""

from __future__ import annotations

import re

import pytest
from aws_cdk import Stack
from aws_cdk import aws_iam as iam

from iam_patterns import BoundaryDelegation, PermissionsBoundaryPolicy
from iam_patterns.errors import ValidationError
from tests.cdk.synth import template


def _policies(stack: Stack) -> dict[str, dict]:
    return {
        r["Properties"]["ManagedPolicyName"]: r["Properties"]
        for r in template(stack)["Resources"].values()
        if r["Type"] == "AWS::IAM::ManagedPolicy"
    }


def _by_sid(document: dict) -> dict[str, dict]:
    return {s["Sid"]: s for s in document["Statement"]}


def test_boundary_emits_its_document_under_its_fixed_name_and_path(app):
    stack = Stack(app, "S")
    boundary = PermissionsBoundaryPolicy(
        stack, "Boundary", services=["s3"], managed_policy_name="team-a-boundary", path="/delegated/"
    )
    props = _policies(stack)["team-a-boundary"]
    assert props["Path"] == "/delegated/"
    assert boundary.reference == "/delegated/team-a-boundary"
    emitted = _by_sid(props["PolicyDocument"])
    assert list(emitted) == [s.sid for s in boundary.policy_document.statements]
    assert emitted["DenyEditingThisBoundary"]["Resource"] == {
        "Fn::Join": [
            "",
            [
                "arn:",
                {"Ref": "AWS::Partition"},
                ":iam::",
                {"Ref": "AWS::AccountId"},
                ":policy/delegated/team-a-boundary",
            ],
        ]
    }


def test_delegation_conditions_on_the_boundary_arn_and_attaches_to_a_role(app):
    stack = Stack(app, "S")
    boundary = PermissionsBoundaryPolicy(stack, "Boundary", services=["s3"], managed_policy_name="team-a-boundary")
    delegation = BoundaryDelegation(
        stack,
        "Delegation",
        boundary=boundary,
        role_path="/team-a/",
        passed_to_services=["lambda.amazonaws.com"],
        managed_policy_name="team-a-delegation",
    )
    role = iam.Role(stack, "Deployer", assumed_by=iam.AccountRootPrincipal())
    delegation.attach_to_role(role)
    props = _policies(stack)["team-a-delegation"]
    boundary_ref = {"Ref": stack.get_logical_id(boundary.node.default_child)}
    statements = _by_sid(props["PolicyDocument"])
    assert statements["CreateAndChangeRolesOnlyWithTheBoundary"]["Condition"] == {
        "StringEquals": {"iam:PermissionsBoundary": boundary_ref}
    }
    assert statements["DenyOtherBoundaries"]["Condition"] == {
        "StringNotEquals": {"iam:PermissionsBoundary": boundary_ref}
    }
    assert props["Roles"] == [{"Ref": stack.get_logical_id(role.node.default_child)}]
    assert delegation.boundary is boundary


BAD = [
    (
        lambda s: PermissionsBoundaryPolicy(s, "B", services=["*"], managed_policy_name="b"),
        "services is '*', but must list services by prefix",
    ),
    (
        lambda s: BoundaryDelegation(
            s,
            "D",
            boundary=iam.ManagedPolicy.from_managed_policy_name(s, "B", "b"),
            role_path="/",
            passed_to_services=["lambda.amazonaws.com"],
            managed_policy_name="d",
        ),
        "role_path is '/', but must not be '/'",
    ),
]


@pytest.mark.parametrize(("build", "message"), BAD)
def test_bad_input_is_refused_before_anything_is_emitted(app, build, message):
    stack = Stack(app, "S")
    with pytest.raises(ValidationError, match=re.escape(message)):
        build(stack)
    assert "AWS::IAM::ManagedPolicy" not in str(template(stack))
