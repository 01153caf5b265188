"""``EcsTaskExecutionRole``: the role ECS's agent uses to start a task (pull its image, ship its logs)."""

from __future__ import annotations

from ._ecs_tasks import EcsTasksRole

__all__ = ["EcsTaskExecutionRole"]


class EcsTaskExecutionRole(EcsTasksRole):
    """The task execution role: what the ECS and Fargate agents may do to start a task (``execution_role=``).

    Trusts ``ecs-tasks.amazonaws.com`` only for tasks of this stack's account and Region, like ``EcsTaskRole``. It
    starts with no permissions, never the AWS managed ``AmazonECSTaskExecutionRolePolicy`` (ECR and logs on ``*``):
    a CDK task definition grants it pull access to the images and write access to the log groups its containers
    use (``ecs.ContainerImage.from_ecr_repository``, ``ecs.LogDrivers.aws_logs``); grant secrets you reference.
    Takes the common role options.

    Example::

        execution_role = EcsTaskExecutionRole(self, "Exec")
        ecs.FargateTaskDefinition(self, "Task", execution_role=execution_role)
    """

    SID = "AllowECSTasksToAssumeExecutionRole"
