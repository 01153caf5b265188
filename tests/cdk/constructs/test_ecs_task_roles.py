"""EcsTaskRole and EcsTaskExecutionRole: ECS tasks of the stack's own account and Region only."""

from __future__ import annotations

import json

from aws_cdk import Aws, Stack
from aws_cdk import aws_ecs as ecs

from iam_patterns import EcsTaskExecutionRole, EcsTaskRole, ecs_tasks_trust
from tests.cdk.synth import template


def test_both_roles_trust_only_ecs_tasks_of_the_deploying_account_and_region(app):
    stack = Stack(app, "S")
    task_role = EcsTaskRole(stack, "Task")
    execution_role = EcsTaskExecutionRole(stack, "Exec")
    for role, sid in ((task_role, "AllowECSTasksToAssumeTaskRole"), (execution_role, "AllowECSTasksToAssumeExecutionRole")):
        assert role.trust_policy == ecs_tasks_trust(account=Aws.ACCOUNT_ID, region=Aws.REGION, partition=Aws.PARTITION, sid=sid)
    (condition,) = {json.dumps(r["Properties"]["AssumeRolePolicyDocument"]["Statement"][0]["Condition"])
                    for r in template(stack)["Resources"].values()}
    assert json.loads(condition) == {
        "ArnLike": {"aws:SourceArn": {"Fn::Join": ["", [
            "arn:", {"Ref": "AWS::Partition"}, ":ecs:", {"Ref": "AWS::Region"}, ":", {"Ref": "AWS::AccountId"}, ":*"]]}},
        "StringEquals": {"aws:SourceAccount": {"Ref": "AWS::AccountId"}},
    }


def test_a_task_definition_takes_both_and_grants_the_execution_role_its_log_group(app):
    stack = Stack(app, "S")
    task = ecs.FargateTaskDefinition(stack, "Worker", task_role=EcsTaskRole(stack, "Task"),
                                     execution_role=EcsTaskExecutionRole(stack, "Exec"))
    task.add_container("app", image=ecs.ContainerImage.from_registry("public.ecr.aws/docker/library/busybox:stable"),
                       logging=ecs.LogDrivers.aws_logs(stream_prefix="app"))
    resources = template(stack)["Resources"]
    roles = {r["Properties"]["AssumeRolePolicyDocument"]["Statement"][0]["Sid"]: k
             for k, r in resources.items() if r["Type"] == "AWS::IAM::Role"}
    (definition,) = [r["Properties"] for r in resources.values() if r["Type"] == "AWS::ECS::TaskDefinition"]
    assert definition["TaskRoleArn"] == {"Fn::GetAtt": [roles["AllowECSTasksToAssumeTaskRole"], "Arn"]}
    assert definition["ExecutionRoleArn"] == {"Fn::GetAtt": [roles["AllowECSTasksToAssumeExecutionRole"], "Arn"]}
    (policy,) = [r["Properties"] for r in resources.values() if r["Type"] == "AWS::IAM::Policy"]
    assert policy["Roles"] == [{"Ref": roles["AllowECSTasksToAssumeExecutionRole"]}]
    assert policy["PolicyDocument"]["Statement"][0]["Action"] == ["logs:CreateLogStream", "logs:PutLogEvents"]
