"""Example: Identity Center permission sets for team A's people: delegates who build team A's roles, and
operators who stay inside team A's boundary.

Not deployable to the local emulator (it has no IAM Identity Center); deploy where the instance lives."""

from __future__ import annotations

from aws_cdk import App, Aws, Duration, Stack
from constructs import Construct

from iam_patterns import PermissionSet, PolicyDocument, Statement

INSTANCE_ARN = "arn:aws:sso:::instance/ssoins-1111111111111111"
TEAM_A_GROUP = "9067e1a2-40a1-70f5-5f0d-6f1b0c2e9a11"
TEAM_A_ACCOUNTS = ["111122223333", "444455556666"]
READ_LOGS = Statement(sid="ReadLogs", action=("logs:Describe*", "logs:FilterLogEvents", "logs:Get*"), resource="*")


class PermissionSetStack(Stack):
    """Two sets for team A's group in team A's accounts, both using the policies that
    ``IamPatterns-BoundaryDelegation`` deploys in each account.

    ``TeamADelegate``: 4-hour sign-ins with ``team-a-delegation`` (create and manage roles under ``/team-a/``,
    only with ``team-a-boundary``) and log reads. It has no boundary of its own: ``team-a-boundary`` denies every
    IAM write, so a delegate under it could create nothing; the delegation's own denies hold it instead.

    ``TeamAOperator``: 1-hour sign-ins that read team A's tables and logs, bounded by ``team-a-boundary``:
    whatever policy is added to the set later, its sessions never reach beyond team A's services.
    """

    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id, description="iam_patterns example: Identity Center permission sets")
        assignments = {TEAM_A_GROUP: TEAM_A_ACCOUNTS}
        PermissionSet(
            self,
            "TeamADelegate",
            name="TeamADelegate",
            instance_arn=INSTANCE_ARN,
            session_duration=Duration.hours(4),
            customer_managed_policies=["/delegated/team-a-delegation"],
            inline_policy=PolicyDocument(statements=[READ_LOGS]),
            group_assignments=assignments,
            description="Team A delegates: build team A's roles under /team-a/, never above team-a-boundary",
        )
        PermissionSet(
            self,
            "TeamAOperator",
            name="TeamAOperator",
            instance_arn=INSTANCE_ARN,
            inline_policy=PolicyDocument(
                statements=[
                    READ_LOGS,
                    Statement(
                        sid="ReadTeamATables",
                        action=("dynamodb:DescribeTable", "dynamodb:GetItem", "dynamodb:Query"),
                        resource=f"arn:{Aws.PARTITION}:dynamodb:*:*:table/team-a-*",
                    ),
                ]
            ),
            permissions_boundary="/delegated/team-a-boundary",
            group_assignments=assignments,
            description="Team A operators: read team A's tables and logs, bounded by team-a-boundary",
        )


def build(app: App) -> None:
    """Add this example's stack to ``app``."""
    PermissionSetStack(app, "IamPatterns-PermissionSet")
