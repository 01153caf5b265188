"""Example: roles AWS services assume on your behalf, each guarded with aws:SourceArn and/or aws:SourceAccount."""

from __future__ import annotations

from aws_cdk import App, Stack
from constructs import Construct

from iam_patterns import ServiceRole


class ServiceRolesStack(Stack):
    """``NightlySchedules``: EventBridge Scheduler, for this account's default schedule group only.
    ``ConfigRecorder``: AWS Config, for this account only."""

    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id, description="iam_patterns example: service roles guarded against the confused deputy")
        ServiceRole(
            self,
            "NightlySchedules",
            service="scheduler.amazonaws.com",
            source_account=self.account,
            source_arns=[self.format_arn(service="scheduler", resource="schedule-group", resource_name="default")],
            description="EventBridge Scheduler, default schedule group of this account",
        )
        ServiceRole(
            self,
            "ConfigRecorder",
            service="config.amazonaws.com",
            source_account=self.account,
            description="AWS Config, this account only",
        )


def build(app: App) -> None:
    """Add this example's stack to ``app``."""
    ServiceRolesStack(app, "IamPatterns-ServiceRoles")
