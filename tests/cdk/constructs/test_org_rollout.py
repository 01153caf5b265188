"""OrgRollout: the StackSet it emits for each option, the member stack it synthesizes, and what it refuses
before anything is emitted."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from aws_cdk import Annotations, CfnParameter, Environment, Stack, Stage, Token
from aws_cdk import aws_iam as iam
from aws_cdk import aws_s3_assets as s3_assets
from aws_cdk import aws_sns as sns

from iam_patterns import CrossAccountRole, OrgRollout
from iam_patterns.errors import ValidationError
from stacks.org_rollout import baseline
from tests.cdk.synth import template

OU = "ou-ab12-cd34ef56"
MANAGEMENT = "999999999999"


def _topic(stack: Stack) -> None:
    sns.Topic(stack, "Topic")


def _stack_set(stack: Stack) -> dict:
    (resource,) = template(stack)["Resources"].values()
    return resource["Properties"]


def _rollout(stack: Stack, **options) -> OrgRollout:
    settings = {"stack_set_name": "org-topic", "member": _topic, "organizational_unit_ids": [OU],
                "regions": ["us-east-1"], **options}
    return OrgRollout(stack, "Rollout", **settings)


def test_a_member_without_iam_needs_no_capability_and_may_span_regions(app):
    stack = Stack(app, "Management")
    _rollout(stack, regions=["eu-west-1", "eu-central-1"])
    props = _stack_set(stack)
    assert "Capabilities" not in props
    assert props["StackInstancesGroup"] == [
        {"DeploymentTargets": {"OrganizationalUnitIds": [OU]}, "Regions": ["eu-west-1", "eu-central-1"]}
    ]
    assert props["OperationPreferences"]["RegionOrder"] == ["eu-west-1", "eu-central-1"]
    assert json.loads(props["TemplateBody"]) == {"Resources": {"TopicBFC7AF6E": {"Type": "AWS::SNS::Topic"}}}


def test_unnamed_iam_needs_capability_iam(app):
    stack = Stack(app, "Management")
    _rollout(stack, member=lambda s: iam.Role(s, "Reader", assumed_by=iam.ServicePrincipal("ec2.amazonaws.com")))
    assert _stack_set(stack)["Capabilities"] == ["CAPABILITY_IAM"]


def test_a_delegated_administrator_calls_as_one_and_options_reach_the_stack_set(app):
    stack = Stack(app, "Management")
    _rollout(stack, delegated_admin=True, retain_stacks_on_account_removal=True, max_concurrent_percentage=20,
             failure_tolerance_percentage=20, organizational_unit_ids=["r-ab12"], description="Alert topics")
    props = _stack_set(stack)
    assert props["CallAs"] == "DELEGATED_ADMIN"
    assert props["AutoDeployment"] == {"Enabled": True, "RetainStacksOnAccountRemoval": True}
    assert (props["OperationPreferences"]["MaxConcurrentPercentage"],
            props["OperationPreferences"]["FailureTolerancePercentage"]) == (20, 20)
    assert props["StackInstancesGroup"][0]["DeploymentTargets"] == {"OrganizationalUnitIds": ["r-ab12"]}
    assert props["Description"] == json.loads(props["TemplateBody"])["Description"] == "Alert topics"


def test_without_auto_deployment_nothing_is_said_about_removal(app):
    stack = Stack(app, "Management")
    _rollout(stack, auto_deployment=False)
    assert _stack_set(stack)["AutoDeployment"] == {"Enabled": False}


def test_the_member_is_account_agnostic_whatever_the_management_stack_is(app):
    stack = Stack(app, "Management", env=Environment(account=MANAGEMENT, region="us-east-1"))
    rollout = _rollout(stack, stack_set_name="org-baseline", member=baseline)
    body = _stack_set(stack)["TemplateBody"]
    assert MANAGEMENT not in body and "us-east-1" not in body
    assert Token.is_unresolved(rollout.member_stack.account) and Token.is_unresolved(rollout.member_stack.partition)
    # Every ARN the template builds names the partition by reference; the only literal one is the user given
    # break-glass principal.
    assert body.count("arn:aws:") == body.count("arn:aws:iam::111122223333:user/breakglass-1") == 1
    assert '{"Ref":"AWS::Partition"}' in body


def test_the_member_assembly_is_written_beside_the_apps_for_review(app):
    stack = Stack(app, "Management")
    rollout = _rollout(stack)
    written = Path(app.outdir) / "Management.Rollout.member" / "org-topic.template.json"
    assert json.loads(written.read_text()) == rollout.member_template


def test_the_member_gets_the_apps_feature_flags(app):
    stack = Stack(app, "Management")
    rollout = _rollout(stack)
    flag = "@aws-cdk/aws-iam:minimizePolicies"
    assert rollout.member_stack.node.try_get_context(flag) == app.node.try_get_context(flag) is True


def test_a_rollout_in_a_nested_stage_writes_its_member_in_that_stages_assembly(app):
    stack = Stack(Stage(app, "Prod"), "Management")
    _rollout(stack)
    assert (Path(app.outdir) / "assembly-Prod" / "Prod.Management.Rollout.member").is_dir()


def _with_asset(stack: Stack) -> None:
    s3_assets.Asset(stack, "Script", path=__file__)


def _with_parameter(stack: Stack) -> None:
    CfnParameter(stack, "Env")
    _topic(stack)


def _with_transform(stack: Stack) -> None:
    stack.add_transform("AWS::Serverless-2016-10-31")
    _topic(stack)


def _too_big(stack: Stack) -> None:
    for i in range(200):
        sns.CfnTopic(stack, f"Topic{i}", display_name="x" * 90, topic_name=f"org-alerts-{i:03}-" + "y" * 200)


REFUSED = [
    ({"stack_set_name": "org_topic"}, "stack_set_name is 'org_topic', but must start with a letter"),
    ({"organizational_unit_ids": ["ou-ab12"]}, "organizational_unit_ids is 'ou-ab12', but must be an OU id"),
    ({"organizational_unit_ids": ["111122223333"]}, "organizational_unit_ids is '111122223333', but must be an OU"),
    ({"organizational_unit_ids": []}, "organizational_unit_ids is [], but must name at least one value"),
    ({"regions": ["us-east-1a"]}, "regions is 'us-east-1a', but must be an AWS Region code"),
    ({"regions": []}, "regions is [], but must name at least one value"),
    ({"max_concurrent_count": 5}, "max_concurrent_count is 5, but must be at most 1 with failure_tolerance_count 0"),
    ({"failure_tolerance_percentage": 101}, "failure_tolerance_percentage is 101, but must be a whole number from 0"),
    ({"retain_stacks_on_account_removal": True, "auto_deployment": False},
     "retain_stacks_on_account_removal is True, but needs auto_deployment=True"),
    ({"description": ""}, "description is '', but must be a string of 1 to 1,024 characters"),
    ({"member": _with_asset}, "member is ['Script'], but must not use assets"),
    ({"member": _with_parameter}, "member template is ['Env'], but must give every parameter a Default"),
    ({"member": _with_transform}, "member template is 'AWS::Serverless-2016-10-31', but must not use a transform"),
    ({"member": lambda stack: None}, "member template is {}, but must have a resource"),
    ({"member": _too_big}, "bytes, but must be at most 51,200 bytes of compact JSON (the StackSet TemplateBody quota)"),
    ({"member": lambda stack: CrossAccountRole(stack, "Audit", trusted_accounts=["111122223333"], role_name="audit"),
      "regions": ["eu-west-1", "eu-central-1"]},
     "regions is ['eu-west-1', 'eu-central-1'], but must name one region for a member template with named IAM"),
    ({"member": lambda stack: CrossAccountRole(stack, "Audit", trusted_accounts=["1111"])},
     "trusted_accounts is '1111', but must be an AWS account id"),
]


@pytest.mark.parametrize(("options", "message"), REFUSED, ids=[m[:50] for _, m in REFUSED])
def test_bad_inputs_are_refused_and_nothing_is_emitted(app, options, message):
    stack = Stack(app, "Management")
    with pytest.raises(ValidationError, match=re.escape(message)):
        _rollout(stack, **options)
    assert template(stack).get("Resources", {}) == {}
    assert stack.node.try_find_child("Rollout") is None


def test_regions_outside_the_partition_of_the_management_stack_are_refused(app):
    stack = Stack(app, "Management", env=Environment(region="us-gov-west-1"))
    with pytest.raises(ValidationError, match=re.escape("regions is ['us-east-1'], but must be in the partition of "
                                                        "us-gov-west-1, where the StackSet is created (aws-us-gov)")):
        _rollout(stack)


def test_a_member_that_cdk_annotates_with_an_error_fails_its_synthesis_and_nothing_is_emitted(app):
    stack = Stack(app, "Management")

    def flagged(member: Stack) -> None:
        Annotations.of(sns.Topic(member, "Topic")).add_error("this topic is wrong")

    with pytest.raises(RuntimeError, match="ValidationFailed"):
        _rollout(stack, member=flagged)
    assert template(stack).get("Resources", {}) == {}
