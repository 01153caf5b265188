"""The workload and cross-account example stacks: one snapshot each, and what makes each worth deploying."""

from __future__ import annotations

import json

import pytest

from stacks.cross_account_role import CrossAccountRoleStack
from stacks.ec2_instance_role import Ec2InstanceRoleStack
from stacks.ecs_task_roles import EcsTaskRolesStack
from stacks.eks_roles import EksRolesStack
from stacks.lambda_execution_role import LambdaExecutionRoleStack
from stacks.service_roles import ServiceRolesStack
from tests.cdk.synth import properties_of_type, template

STACKS = {
    "IamPatterns-Ec2InstanceRole": Ec2InstanceRoleStack,
    "IamPatterns-LambdaExecutionRole": LambdaExecutionRoleStack,
    "IamPatterns-EcsTaskRoles": EcsTaskRolesStack,
    "IamPatterns-ServiceRoles": ServiceRolesStack,
    "IamPatterns-EksRoles": EksRolesStack,
    "IamPatterns-CrossAccountRole": CrossAccountRoleStack,
}


@pytest.mark.parametrize("stack_id", list(STACKS))
def test_template_matches_snapshot(app, snapshot, stack_id):
    assert template(STACKS[stack_id](app, stack_id)) == snapshot


def test_the_launch_template_uses_the_roles_profile_and_requires_imdsv2(app):
    resources = template(Ec2InstanceRoleStack(app, "E"))
    (data,) = [p["LaunchTemplateData"] for p in properties_of_type(resources, "AWS::EC2::LaunchTemplate").values()]
    profile_id = next(k for k, r in resources["Resources"].items() if r["Type"] == "AWS::IAM::InstanceProfile")
    assert data["IamInstanceProfile"] == {"Arn": {"Fn::GetAtt": [profile_id, "Arn"]}}
    assert data["MetadataOptions"]["HttpTokens"] == "required"


def test_no_workload_stack_uses_an_aws_managed_policy_or_a_wildcard_logs_grant(app):
    stacks = [stack_class(app, stack_id) for stack_id, stack_class in STACKS.items()]
    for stack in stacks:
        text, stack_id = json.dumps(template(stack)), stack.stack_name
        assert "ManagedPolicyArns" not in text, stack_id
        assert '"logs:*"' not in text, stack_id


def test_the_cross_account_example_attaches_the_guides_s3_policy(app, guide_s3_policy):
    (policy,) = properties_of_type(CrossAccountRoleStack(app, "X"), "AWS::IAM::Policy").values()
    assert policy["PolicyName"] == "s3-uploads-readwrite"
    objects, listing = policy["PolicyDocument"]["Statement"]
    assert (objects["Sid"], listing["Sid"]) == ("ReadWriteAppUploads", "ListOnlyTheReportsPrefix")
    assert listing["Condition"] == guide_s3_policy["Statement"][1]["Condition"]
