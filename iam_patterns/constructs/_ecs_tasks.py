"""The base of the two ECS roles: ``ecs-tasks.amazonaws.com`` for tasks of this stack's account and Region only."""

from __future__ import annotations

from typing import ClassVar

from constructs import Construct
from typing_extensions import Unpack

from ..trust.ecs import ecs_tasks_trust
from ._aws import ACCOUNT_ID, PARTITION, REGION
from ._role import PatternRole, RoleOptions

__all__ = ["EcsTasksRole"]


class EcsTasksRole(PatternRole):
    """A role ECS tasks assume, guarded as the ECS documentation says: ``aws:SourceArn`` like
    ``arn:PARTITION:ecs:REGION:ACCOUNT:*`` and ``aws:SourceAccount`` = ACCOUNT, the deploying account and Region
    (``${AWS::AccountId}``, ``${AWS::Region}``).

    Example::

        class EcsTaskRole(EcsTasksRole):
            SID = "AllowECSTasksToAssumeTaskRole"
    """

    SID: ClassVar[str]
    """The Sid of the trust statement, which says which of the two roles this is."""

    def __init__(self, scope: Construct, construct_id: str, **options: Unpack[RoleOptions]) -> None:
        trust = ecs_tasks_trust(account=ACCOUNT_ID, region=REGION, partition=PARTITION, sid=self.SID)
        super().__init__(scope, construct_id, trust_policy=trust, **options)
