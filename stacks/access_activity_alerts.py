"""Example: alerts on root-user activity and on assuming the break-glass role, and an access analyzer.

Deployable to the local emulator, which creates the topic and rules (it has no topic policies or analyzers)."""

from __future__ import annotations

from aws_cdk import App, Aws, Stack
from aws_cdk import aws_iam as iam
from constructs import Construct

from iam_patterns import AccessActivityAlerts
from iam_patterns.policy.keys import MFA_PRESENT


class AccessActivityAlertsStack(Stack):
    """A break-glass role, and alerts when it is assumed or when the root user does anything."""

    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id, description="iam_patterns example: access activity alerts")
        break_glass = iam.Role(
            self,
            "BreakGlass",
            role_name="break-glass",
            assumed_by=iam.AccountPrincipal(Aws.ACCOUNT_ID).with_conditions(
                {"Bool": {MFA_PRESENT: "true"}}
            ),
            description="Emergency access; every use raises an alert",
        )
        AccessActivityAlerts(self, "Alerts", watched_roles=[break_glass])


def build(app: App) -> None:
    """Add this example's stack to ``app``."""
    AccessActivityAlertsStack(app, "IamPatterns-AccessActivityAlerts")
