"""``EcsTaskRole``: the role the code in an ECS task's containers runs as."""

from __future__ import annotations

from ._ecs_tasks import EcsTasksRole

__all__ = ["EcsTaskRole"]


class EcsTaskRole(EcsTasksRole):
    """The task role: what the application in an ECS task may call (``TaskDefinition(task_role=...)``).

    Trusts ``ecs-tasks.amazonaws.com`` only for tasks of this stack's account and Region (``aws:SourceArn`` like
    ``arn:PARTITION:ecs:REGION:ACCOUNT:*``, ``aws:SourceAccount``), as the ECS documentation advises against the
    confused deputy. It starts with no permissions: grant what the application needs. Takes the common role options.

    Example::

        task_role = EcsTaskRole(self, "TaskRole")
        table.grant_read_data(task_role)
        ecs.FargateTaskDefinition(self, "Task", task_role=task_role, execution_role=EcsTaskExecutionRole(self, "Exec"))
    """

    SID = "AllowECSTasksToAssumeTaskRole"
