"""Ec2InstanceRole: EC2 trust, its instance profile, Session Manager on request, and IMDSv2 required in its stack."""

from __future__ import annotations

import re

import jsii
import pytest
from aws_cdk import Aspects, CfnParameter, IAspect, Stack, Stage
from aws_cdk import aws_ec2 as ec2
from aws_cdk import aws_iam as iam
from aws_cdk.assertions import Annotations, Match
from constructs import Construct, IConstruct

from iam_patterns import Ec2InstanceRole, RequireImdsv2
from tests.cdk.synth import properties_of_type, template


def test_trusts_ec2_and_hands_itself_to_instances_through_its_profile(app):
    stack = Stack(app, "S")
    role = Ec2InstanceRole(stack, "Web", path="/workloads/")
    (props,) = properties_of_type(stack, "AWS::IAM::Role").values()
    assert props["AssumeRolePolicyDocument"]["Statement"] == [
        {"Sid": "AllowEC2ToAssume", "Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}
    ]
    assert "Policies" not in props
    (profile,) = properties_of_type(stack, "AWS::IAM::InstanceProfile").values()
    assert profile["Path"] == "/workloads/"
    assert isinstance(role.instance_profile, iam.InstanceProfile) and role.instance_profile.role is role


def test_session_manager_adds_only_the_agents_permissions(app):
    stack = Stack(app, "S")
    Ec2InstanceRole(stack, "Web", session_manager=True)
    (props,) = properties_of_type(stack, "AWS::IAM::Role").values()
    (policy,) = props["Policies"]
    assert policy["PolicyName"] == "session-manager"
    assert {a.split(":")[0] for s in policy["PolicyDocument"]["Statement"] for a in s["Action"]} == {"ssm", "ssmmessages"}
    assert "ManagedPolicyArns" not in props


def test_launch_templates_and_instances_in_its_stack_require_imdsv2(app):
    stack = Stack(app, "S")
    role = Ec2InstanceRole(stack, "Web")
    ec2.LaunchTemplate(stack, "Template", instance_profile=role.instance_profile)
    ec2.CfnInstance(stack, "Bastion", image_id="ami-12345678")
    (launch_template,) = properties_of_type(stack, "AWS::EC2::LaunchTemplate").values()
    (instance,) = properties_of_type(stack, "AWS::EC2::Instance").values()
    assert launch_template["LaunchTemplateData"]["MetadataOptions"] == {"HttpTokens": "required"}
    assert instance["MetadataOptions"] == {"HttpTokens": "required"}


def test_other_metadata_options_are_kept_beside_the_required_tokens(app):
    stack = Stack(app, "S")
    Ec2InstanceRole(stack, "Web")
    ec2.LaunchTemplate(stack, "Template", http_put_response_hop_limit=1)
    (launch_template,) = properties_of_type(stack, "AWS::EC2::LaunchTemplate").values()
    assert launch_template["LaunchTemplateData"]["MetadataOptions"] == {
        "HttpPutResponseHopLimit": 1,
        "HttpTokens": "required",
    }


def test_a_launch_template_that_allows_imdsv1_fails_synthesis(app):
    stack = Stack(app, "S")
    Ec2InstanceRole(stack, "Web")
    ec2.LaunchTemplate(stack, "Legacy", http_tokens=ec2.LaunchTemplateHttpTokens.OPTIONAL)
    with pytest.raises(RuntimeError, match=re.escape(
        "LaunchTemplateData.MetadataOptions.HttpTokens is 'optional', but IMDSv2 is required here"
    )) as failure:
        template(stack)
    assert "S/Legacy/Resource" in str(failure.value)


def test_an_instance_whose_tokens_cannot_be_read_fails_synthesis(app):
    stack = Stack(app, "S")
    Ec2InstanceRole(stack, "Web")
    tokens = CfnParameter(stack, "HttpTokens", default="optional")
    ec2.CfnInstance(stack, "Legacy", image_id="ami-12345678",
                    metadata_options=ec2.CfnInstance.MetadataOptionsProperty(http_tokens=tokens.value_as_string))
    with pytest.raises(RuntimeError, match=re.escape("MetadataOptions.HttpTokens is {'Ref': 'HttpTokens'}, but IMDSv2")):
        template(stack)


def test_imdsv2_can_only_be_left_optional_by_the_loud_opt_out(app):
    stack = Stack(app, "S")
    Ec2InstanceRole(stack, "Web", unsafe_allow_imdsv1=True)
    ec2.CfnInstance(stack, "Legacy", image_id="ami-12345678")
    (instance,) = properties_of_type(stack, "AWS::EC2::Instance").values()
    assert "MetadataOptions" not in instance
    Annotations.from_stack(stack).has_no_error("*", Match.any_value())


def test_the_stack_is_swept_once_however_many_roles(app):
    stack = Stack(app, "S")
    Ec2InstanceRole(stack, "Web")
    Ec2InstanceRole(stack, "Worker")
    RequireImdsv2.apply(stack)
    guards = [child for child in stack.node.children if child.node.id == "RequireImdsv2"]
    assert len(guards) == 1 and len(Aspects.of(guards[0]).all) == 1
    assert not any(isinstance(aspect, RequireImdsv2) for aspect in Aspects.of(stack).all)


@jsii.implements(IAspect)
class _MakesAnInstance:
    """An Aspect that makes an instance when it visits its construct: after the IMDSv2 sweep of the stack."""

    def visit(self, node: IConstruct) -> None:
        if node.node.id == "Later" and node.node.scope.node.try_find_child("Late") is None:
            ec2.CfnInstance(node.node.scope, "Late", image_id="ami-12345678")


def test_an_instance_made_after_the_sweep_without_imdsv2_fails_synthesis(app):
    stack = Stack(app, "S")
    Ec2InstanceRole(stack, "Web")
    Aspects.of(Construct(stack, "Later")).add(_MakesAnInstance())
    with pytest.raises(RuntimeError, match=re.escape(
        "S/Late: MetadataOptions.HttpTokens is None, but IMDSv2 is required here"
    )) as failure:
        template(stack)
    assert "made after RequireImdsv2 swept the scope, by an Aspect" in str(failure.value)


def test_an_ordinary_aspect_too_requires_imdsv2_on_what_it_visits(app):
    stack = Stack(app, "S")
    ec2.CfnInstance(stack, "Bastion", image_id="ami-12345678")
    Aspects.of(stack).add(RequireImdsv2())
    (instance,) = properties_of_type(stack, "AWS::EC2::Instance").values()
    assert instance["MetadataOptions"] == {"HttpTokens": "required"}


def test_like_any_aspect_it_stops_at_a_nested_stage(app):
    RequireImdsv2.apply(app)
    for scope in (app, Stage(app, "Prod")):
        ec2.CfnInstance(Stack(scope, "S"), "Bastion", image_id="ami-12345678")
    assembly = app.synth()
    tokens = {
        name: instance.get("MetadataOptions")
        for name, stack in (("app", assembly.get_stack_by_name("S")),
                            ("stage", assembly.get_nested_assembly("assembly-Prod").get_stack_by_name("Prod-S")))
        for instance in properties_of_type(stack.template, "AWS::EC2::Instance").values()
    }
    assert tokens == {"app": {"HttpTokens": "required"}, "stage": None}


def test_the_aspect_alone_covers_any_scope(app):
    stack = Stack(app, "S")
    ec2.CfnInstance(stack, "Bastion", image_id="ami-12345678",
                    metadata_options=ec2.CfnInstance.MetadataOptionsProperty(http_tokens="required", http_endpoint="enabled"))
    RequireImdsv2.apply(app)
    (instance,) = properties_of_type(stack, "AWS::EC2::Instance").values()
    assert instance["MetadataOptions"] == {"HttpEndpoint": "enabled", "HttpTokens": "required"}
