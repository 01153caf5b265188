"""Example: an Identity Center permission set that makes team A's people delegates under team A's boundary.

Not deployable to the local emulator (it has no IAM Identity Center); deploy where the instance lives."""

from __future__ import annotations

from aws_cdk import App, Duration, Stack
from constructs import Construct

from iam_patterns import PermissionSet, PolicyDocument, Statement

INSTANCE_ARN = "arn:aws:sso:::instance/ssoins-1111111111111111"
TEAM_A_GROUP = "9067e1a2-40a1-70f5-5f0d-6f1b0c2e9a11"
TEAM_A_ACCOUNTS = ["111122223333", "444455556666"]


class PermissionSetStack(Stack):
    """``TeamADeveloper``: 4-hour sign-ins, the ``team-a-delegation`` policy and a read-only inline policy,
    bounded by ``team-a-boundary`` (both deployed in each account by ``IamPatterns-BoundaryDelegation``),
    assigned to team A's group in team A's accounts."""

    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id, description="iam_patterns example: an Identity Center permission set")
        PermissionSet(
            self,
            "TeamADeveloper",
            name="TeamADeveloper",
            instance_arn=INSTANCE_ARN,
            session_duration=Duration.hours(4),
            customer_managed_policies=["/delegated/team-a-delegation"],
            inline_policy=PolicyDocument(
                statements=[
                    Statement(
                        sid="ReadLogs", action=("logs:Describe*", "logs:FilterLogEvents", "logs:Get*"), resource="*"
                    )
                ]
            ),
            permissions_boundary="/delegated/team-a-boundary",
            group_assignments={TEAM_A_GROUP: TEAM_A_ACCOUNTS},
            description="Team A developers: build and deploy team A's roles, never above team-a-boundary",
        )


def build(app: App) -> None:
    """Add this example's stack to ``app``."""
    PermissionSetStack(app, "IamPatterns-PermissionSet")
