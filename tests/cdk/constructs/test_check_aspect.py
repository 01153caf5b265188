"""IamPatternsChecks at synth: findings become annotations, acknowledgements need a reason."""

from __future__ import annotations

import re

import pytest
from aws_cdk import (
    Acknowledgment,
    AspectPriority,
    Aspects,
    CfnParameter,
    DefaultStackSynthesizer,
    LegacyStackSynthesizer,
    NestedStack,
    Stack,
    Validations,
)
from aws_cdk import aws_cloudformation as cloudformation
from aws_cdk import aws_iam as iam
from aws_cdk.assertions import Annotations, Match

from iam_patterns import IamPatternsChecks, ValidationError, acknowledge_check

GITHUB = "token.actions.githubusercontent.com"


def _stack(app) -> Stack:
    stack = Stack(app, "Ci")
    Aspects.of(app).add(IamPatternsChecks(), priority=AspectPriority.READONLY)
    return stack


def _github_role_without_sub(stack: Stack) -> iam.Role:
    provider = iam.OpenIdConnectProvider(stack, "GitHub", url=f"https://{GITHUB}", client_ids=["sts.amazonaws.com"])
    return iam.Role(stack, "Deploy", assumed_by=iam.WebIdentityPrincipal(
        provider.open_id_connect_provider_arn, {"StringEquals": {f"{GITHUB}:aud": "sts.amazonaws.com"}}))


def _warnings(stack: Stack) -> list[tuple[str, str]]:
    return [(m.id, m.entry.data) for m in Annotations.from_stack(stack).find_warning("*", Match.any_value())]


def _synth_errors(app) -> str:
    """The validation report synth fails with (error annotations fail synth), or '' when it succeeds."""
    try:
        app.synth()
    except RuntimeError as err:
        return str(err)
    return ""


def test_a_github_role_without_sub_is_an_error_on_the_role_and_synth_fails(app):
    stack = _stack(app)
    _github_role_without_sub(stack)
    report = _synth_errors(app)
    assert f"ERROR [iam-patterns::oidc-trust-without-sub] statement 0 trusts {GITHUB} with no condition on {GITHUB}:sub: " \
           "any repository on GitHub can assume this role (https://docs.github.com/" in report
    assert "Ci/Deploy/Resource (Deploy" in report
    assert report.count("ERROR ") == 1


def test_warnings_are_warnings_and_clean_stacks_have_no_annotations(app):
    stack = _stack(app)
    iam.Role(stack, "Events", assumed_by=iam.ServicePrincipal("events.amazonaws.com"))
    iam.Role(stack, "Function", assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"))
    (where, message), = _warnings(stack)
    assert where == "/Ci/Events/Resource" and "[iam-patterns::confused-deputy]" in message
    assert _synth_errors(app) == ""


def test_identity_policies_added_after_construction_are_checked(app):
    stack = _stack(app)
    role = iam.Role(stack, "Worker", assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"))
    role.add_to_policy(iam.PolicyStatement(actions=["s3:GetObjects"], resources=["*"]))
    report = _synth_errors(app)
    assert "'s3:GetObjects' names no action of s3 (did you mean s3:GetObject?)" in report
    assert "Ci/Worker/DefaultPolicy/Resource" in report


def test_a_finding_acknowledged_with_a_reason_on_an_ancestor_is_not_reported(app):
    stack = _stack(app)
    role = _github_role_without_sub(stack)
    acknowledge_check(stack, "oidc-trust-without-sub", reason="Sandbox account: any repository may deploy here.")
    assert _synth_errors(app) == ""
    assert role.node.default_child is not None


def test_an_acknowledgement_of_another_check_does_not_hide_the_finding(app):
    stack = _stack(app)
    role = _github_role_without_sub(stack)
    acknowledge_check(role, "oidc-sub-wildcard", reason="Not this problem.")
    assert "ERROR [iam-patterns::oidc-trust-without-sub]" in _synth_errors(app)


@pytest.mark.parametrize("reason", ["", "   "])
def test_acknowledging_without_a_reason_is_refused(app, reason):
    stack = Stack(app, "Ci")
    with pytest.raises(ValidationError, match=re.escape("reason is " + repr(reason) + ", but must say why")):
        acknowledge_check(stack, "oidc-trust-without-sub", reason=reason)


def test_acknowledging_an_unknown_check_is_refused(app):
    with pytest.raises(ValidationError, match=re.escape("check is 'oidc-no-sub', but must be one of the checks: ")):
        acknowledge_check(Stack(app, "Ci"), "oidc-no-sub", reason="typo")


def test_a_cdk_acknowledgement_without_a_reason_is_reported_as_an_error(app):
    stack = _stack(app)
    role = _github_role_without_sub(stack)
    Validations.of(role).acknowledge(Acknowledgment(id="iam-patterns::oidc-trust-without-sub", reason=""))
    assert "ERROR [iam-patterns::oidc-trust-without-sub] is acknowledged without a reason; say why:" in _synth_errors(app)


def test_the_checks_read_the_written_template_raw_overrides_and_other_aspects_included(app):
    stack = _stack(app)
    role = iam.Role(stack, "Function", assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"))
    role.node.default_child.add_property_override("AssumeRolePolicyDocument.Statement.0.Principal", {"AWS": "*"})
    report = _synth_errors(app)
    assert "ERROR [iam-patterns::trust-open-to-everyone] statement 0 lets a principal of any AWS account" in report


@pytest.mark.parametrize("synthesizer", [DefaultStackSynthesizer(generate_bootstrap_version_rule=False),
                                         LegacyStackSynthesizer()], ids=["default-without-rule", "legacy"])
def test_a_stack_with_a_synthesizer_made_in_python_is_checked_too(app, synthesizer):
    """jsii hands such a stack's synthesizer back unbound; the checks synthesize with one of their own."""
    stack = Stack(app, "Ci", synthesizer=synthesizer)
    Aspects.of(app).add(IamPatternsChecks(), priority=AspectPriority.READONLY)
    iam.Role(stack, "Events", assumed_by=iam.ServicePrincipal("events.amazonaws.com"))
    (where, message), = _warnings(stack)
    assert where == "/Ci/Events/Resource" and "[iam-patterns::confused-deputy]" in message


def _trusting_parameter(stack: Stack, name: str) -> str:
    """A parameter ``name`` (Default: the root of the stack's own account, not reported) and a role ``By<name>``
    that trusts it; the parameter's value."""
    value = CfnParameter(stack, name, default="arn:aws:iam::123456789012:root").value_as_string
    iam.Role(stack, f"By{name}", assumed_by=iam.ArnPrincipal(value))
    return value


def test_nested_stacks_are_checked_with_the_values_their_parents_pass_and_acknowledgements_honoured(app):
    """A NestedStack's template was not checked (its scratch synthesis failed the synth): now it is, nested in nested
    too. The parent passes Trusted (*, not its Default), not Fallback; Inner passes Trusted on to Deeper as Chained."""
    parent = _stack(app)
    inner = NestedStack(parent, "Inner", parameters={"Trusted": "*"})
    trusted = _trusting_parameter(inner, "Trusted")
    _trusting_parameter(inner, "Fallback")
    iam.Role(inner, "Open", assumed_by=iam.AnyPrincipal())
    acknowledge_check(iam.Role(inner, "Acked", assumed_by=iam.AnyPrincipal()), "trust-open-to-everyone",
                      reason="A test role that anyone may assume.")
    deeper = NestedStack(inner, "Deeper", parameters={"Chained": trusted})
    iam.Role(deeper, "Events", assumed_by=iam.ServicePrincipal("events.amazonaws.com"))
    _trusting_parameter(deeper, "Chained")
    report = _synth_errors(app)
    open_to_everyone = "ERROR [iam-patterns::trust-open-to-everyone] statement 0 lets a principal of any AWS account"
    assert report.count(open_to_everyone) == 3 and report.count("ERROR ") == 3
    assert "Ci/Inner/Open/Resource (Open" in report and "Ci/Inner/ByTrusted/Resource (ByTrusted" in report
    assert "Ci/Inner/Deeper/ByChained/Resource (ByChained" in report
    assert "WARNING [iam-patterns::confused-deputy]" in report and "Ci/Inner/Deeper/Events/Resource (Events" in report


def test_a_stack_deployed_from_a_template_of_its_own_is_an_info_and_a_nested_stack_is_not(app):
    """A CfnStack's template (a TemplateURL in S3) is not checked: said on it, in the parent and in a NestedStack."""
    parent = _stack(app)
    inner = NestedStack(parent, "Inner")
    for scope in (parent, inner):
        cloudformation.CfnStack(scope, "Network", template_url="https://acme-templates.s3.amazonaws.com/network.yaml")
    infos = [(m.id, m.entry.data) for m in Annotations.from_stack(parent).find_info("*", Match.any_value())]
    assert [where for where, _ in infos] == ["/Ci/Network", "/Ci/Inner/Network"]
    not_read = ("[iam-patterns::nested-stack-not-checked] deploys a stack whose template "
                "(https://acme-templates.s3.amazonaws.com/network.yaml) is not read")
    assert all(text.startswith(not_read) for _, text in infos)
