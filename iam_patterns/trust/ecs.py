"""Trust for Amazon ECS tasks: ``ecs-tasks.amazonaws.com``, only for tasks of one account and Region.

The conditions are the ones the ECS documentation gives for a task role's trust policy against the confused
deputy: ``aws:SourceArn`` like ``arn:PARTITION:ecs:REGION:ACCOUNT:*`` and ``aws:SourceAccount`` = ACCOUNT. Task roles
and task execution roles use the same trust.

Example::

    ecs_tasks_trust(account="111122223333", region="us-east-1")
"""

from __future__ import annotations

from ..policy import PolicyDocument, validate_account_id, validate_partition, validate_region
from .service import ECS_TASKS_SERVICE, service_trust_statements

__all__ = ["ecs_tasks_trust"]


def ecs_tasks_trust(*, account: str, region: str, partition: str = "aws", sid: str | None = None) -> PolicyDocument:
    """The trust policy for a role that ECS tasks of ``account`` in ``region`` assume.

    ``account``, ``region`` and ``partition`` may be CDK tokens. ``sid`` names the statement.
    Default: partition ``aws``; Sid ``AllowECSTasksToAssume``.

    Example::

        ecs_tasks_trust(account="111122223333", region="eu-west-1", sid="AllowECSTasksToAssumeTaskRole")
    """
    validate_account_id(account, parameter="account")
    validate_partition(partition, parameter="partition")
    validate_region(region, parameter="region")
    return PolicyDocument(
        statements=service_trust_statements(
            ECS_TASKS_SERVICE,
            source_arns=[f"arn:{partition}:ecs:{region}:{account}:*"],
            source_account=account,
            sid=sid,
        )
    )
