"""Example: a Fargate task definition with a task role and a task execution role, both guarded for ECS."""

from __future__ import annotations

from aws_cdk import App, RemovalPolicy, Stack
from aws_cdk import aws_ecs as ecs
from aws_cdk import aws_logs as logs
from constructs import Construct

from iam_patterns import EcsTaskExecutionRole, EcsTaskRole


class EcsTaskRolesStack(Stack):
    """``Worker``: a task definition whose roles trust only ECS tasks of this account and Region.

    The execution role gets exactly what the task definition needs from CDK's own grants: writing to the
    container's log group (the image is public, so no ECR pull).
    """

    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id, description="iam_patterns example: ECS task role and task execution role")
        log_group = logs.LogGroup(
            self, "WorkerLogs", retention=logs.RetentionDays.ONE_WEEK, removal_policy=RemovalPolicy.DESTROY
        )
        task = ecs.FargateTaskDefinition(
            self,
            "Worker",
            cpu=256,
            memory_limit_mib=512,
            task_role=EcsTaskRole(self, "WorkerTaskRole"),
            execution_role=EcsTaskExecutionRole(self, "WorkerExecutionRole"),
        )
        task.add_container(
            "app",
            image=ecs.ContainerImage.from_registry("public.ecr.aws/docker/library/busybox:stable"),
            command=["echo", "hello"],
            logging=ecs.LogDrivers.aws_logs(stream_prefix="worker", log_group=log_group),
        )


def build(app: App) -> None:
    """Add this example's stack to ``app``."""
    EcsTaskRolesStack(app, "IamPatterns-EcsTaskRoles")
