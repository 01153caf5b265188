"""PatternRole, the base of every role construct: exact trust statements, common options, refusals."""

from __future__ import annotations

import json
import re

from typing import Any

import jsii
import pytest
from aws_cdk import Duration, InjectionContext, IPropertyInjector, PropertyInjectors, Stack
from aws_cdk import aws_iam as iam

from iam_patterns.constructs._role import PatternRole, _TrustStatements
from iam_patterns.errors import ValidationError
from iam_patterns.policy import PolicyDocument, Statement
from tests.cdk.synth import new_app, properties_of_type, template


def _role_props(stack: Stack) -> dict:
    (role,) = [r for r in template(stack)["Resources"].values() if r["Type"] == "AWS::IAM::Role"]
    return role["Properties"]


def test_emits_the_trust_policy_it_was_given_exactly(app, guide_trust_policy):
    stack = Stack(app, "S")
    role = PatternRole(stack, "R", trust_policy=PolicyDocument.from_json(guide_trust_policy))
    assert _role_props(stack)["AssumeRolePolicyDocument"] == guide_trust_policy
    assert role.trust_policy.to_json() == guide_trust_policy


def test_defaults_to_one_hour_sessions_and_applies_common_options(app, guide_trust_policy, guide_s3_policy):
    stack = Stack(app, "S")
    boundary = iam.ManagedPolicy.from_managed_policy_name(stack, "B", "boundary")
    PatternRole(
        stack, "R", trust_policy=PolicyDocument.from_json(guide_trust_policy),
        inline_policies={"s3-uploads-readwrite": PolicyDocument.from_json(guide_s3_policy)},
        role_name="app-uploads-role", path="/apps/", description="uploads", permissions_boundary=boundary,
        tags={"team": "platform"},
    )
    props = _role_props(stack)
    assert props["MaxSessionDuration"] == 3600
    assert props["RoleName"] == "app-uploads-role"
    assert props["Path"] == "/apps/"
    assert props["Description"] == "uploads"
    assert props["Tags"] == [{"Key": "team", "Value": "platform"}]
    assert "PermissionsBoundary" in props
    assert props["Policies"][0]["PolicyName"] == "s3-uploads-readwrite"


def test_is_an_irole_that_later_trust_statements_join(app):
    stack = Stack(app, "S")
    role = PatternRole(stack, "R", trust_policy=PolicyDocument(statements=[
        Statement(sid="AllowEC2ToAssume", principal={"Service": "ec2.amazonaws.com"}, action="sts:AssumeRole")]))
    role.assume_role_policy.add_statements(iam.PolicyStatement(
        actions=["sts:AssumeRole"], principals=[iam.ServicePrincipal("lambda.amazonaws.com")]))
    statements = _role_props(stack)["AssumeRolePolicyDocument"]["Statement"]
    assert [s["Principal"]["Service"] for s in statements] == ["ec2.amazonaws.com", "lambda.amazonaws.com"]
    assert isinstance(role, iam.Role)


def test_roles_with_the_same_trust_each_keep_their_own_later_statements(app):
    # Roles with one trust document share its jsii statements (PatternRole builds them once): a statement added to
    # one role's trust policy must not appear in the other's, in this app or in another one.
    trust = PolicyDocument(statements=[
        Statement(sid="AllowEC2ToAssume", principal={"Service": "ec2.amazonaws.com"}, action="sts:AssumeRole")])
    stack, other_app_stack = Stack(app, "S"), Stack(new_app(), "T")
    first = PatternRole(stack, "First", trust_policy=trust)
    PatternRole(stack, "Second", trust_policy=trust)
    PatternRole(other_app_stack, "Third", trust_policy=trust)
    first.assume_role_policy.add_statements(iam.PolicyStatement(
        actions=["sts:AssumeRole"], principals=[iam.ServicePrincipal("lambda.amazonaws.com")]))
    trusts = {
        logical_id: [s["Principal"]["Service"] for s in props["AssumeRolePolicyDocument"]["Statement"]]
        for current in (stack, other_app_stack)
        for logical_id, props in properties_of_type(current, "AWS::IAM::Role").items()
    }
    assert trusts == {
        "First8D4707F1": ["ec2.amazonaws.com", "lambda.amazonaws.com"],
        "Second394350F9": ["ec2.amazonaws.com"],
        "Third1125870F": ["ec2.amazonaws.com"],
    }


def test_the_shared_trust_principal_writes_only_during_a_pattern_roles_construction(app):
    # Its own policy fragment names no principal; what reaches a template is only the statements it was handed.
    stack = Stack(app, "S")
    PatternRole(stack, "R", trust_policy=PolicyDocument(statements=[
        Statement(sid="AllowEC2ToAssume", principal={"Service": "ec2.amazonaws.com"}, action="sts:AssumeRole")]))
    assert "iam-patterns:trust-statements" not in json.dumps(app.synth().get_stack_by_name("S").template)
    with pytest.raises(RuntimeError, match="trust principal was used outside PatternRole"):
        iam.Role(stack, "Plain", assumed_by=_TrustStatements.shared())


@jsii.implements(IPropertyInjector)
class _BuildsAnotherRole:
    """A property injector that builds a second PatternRole while CDK is building the first."""

    @property
    def construct_unique_id(self) -> str:
        return iam.Role.PROPERTY_INJECTION_ID

    def inject(self, original_props: Any, context: InjectionContext) -> Any:
        if context.id == "Outer":
            PatternRole(context.scope, "Inner", trust_policy=_service_trust("lambda.amazonaws.com"))
        return original_props


def _service_trust(service: str) -> PolicyDocument:
    return PolicyDocument(statements=[Statement(sid="Allow", principal={"Service": service}, action="sts:AssumeRole")])


def test_a_role_built_while_another_is_being_built_keeps_its_own_trust(app):
    stack = Stack(app, "S")
    PropertyInjectors.of(stack).add(_BuildsAnotherRole())
    PatternRole(stack, "Outer", trust_policy=_service_trust("ec2.amazonaws.com"))
    trusts = {
        logical_id: [s["Principal"]["Service"] for s in props["AssumeRolePolicyDocument"]["Statement"]]
        for logical_id, props in properties_of_type(stack, "AWS::IAM::Role").items()
    }
    assert trusts == {"OuterBC8635DA": ["ec2.amazonaws.com"], "Inner09E1DD49": ["lambda.amazonaws.com"]}


def _trust_with_padding(chars: int) -> PolicyDocument:
    return PolicyDocument(statements=[Statement(
        sid="S" * chars, principal={"Service": "ec2.amazonaws.com"}, action="sts:AssumeRole")])


@pytest.mark.parametrize(
    ("options", "fragment"),
    [
        ({"role_name": "my role"}, "role_name is 'my role', but must be 1 to 64 characters"),
        ({"path": "apps"}, "path is 'apps', but must start and end with '/'"),
        ({"max_session_duration": Duration.minutes(2)}, "max_session_duration is 120 s, but must be"),
        ({"max_session_duration": Duration.hours(13)}, "max_session_duration is 46800 s, but must be"),
        ({"trust_policy_quota": 8192}, "trust_policy_quota is 8192, but must be between 2,048 and 4,096"),
        ({"trust_policy": _trust_with_padding(2000)}, "trust policy is 2,136 characters, but must be at most 2,048"),
        ({"inline_policies": {"big": _trust_with_padding(10_300)}}, "must add up to at most 10,240 characters"),
    ],
)
def test_bad_options_are_refused_before_anything_is_emitted(app, options, fragment):
    stack = Stack(app, "S")
    options = {"trust_policy": _trust_with_padding(1), **options}
    with pytest.raises(ValidationError, match=re.escape(fragment)):
        PatternRole(stack, "R", **options)
    assert stack.node.try_find_child("R") is None


def test_a_raised_trust_quota_admits_a_larger_trust_policy(app):
    role = PatternRole(Stack(app, "S"), "R", trust_policy=_trust_with_padding(2000), trust_policy_quota=4096)
    assert len(role.trust_policy.statements[0].sid) == 2000
