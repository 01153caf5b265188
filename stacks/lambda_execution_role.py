"""Example: a Lambda function whose execution role may write to its own log group and nothing else."""

from __future__ import annotations

from aws_cdk import App, RemovalPolicy, Stack
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_logs as logs
from constructs import Construct

from iam_patterns import LambdaExecutionRole

HANDLER = """\
def handler(event, context):
    print("order received")
    return {"ok": True}
"""


class LambdaExecutionRoleStack(Stack):
    """``Orders``: a function, its log group, and ``OrdersRole``, scoped to that log group."""

    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id, description="iam_patterns example: Lambda execution role, own log group only")
        log_group = logs.LogGroup(
            self, "OrdersLogs", retention=logs.RetentionDays.ONE_WEEK, removal_policy=RemovalPolicy.DESTROY
        )
        role = LambdaExecutionRole(self, "OrdersRole", log_group_name=log_group.log_group_name)
        lambda_.Function(
            self,
            "Orders",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=lambda_.Code.from_inline(HANDLER),
            role=role,
            log_group=log_group,
        )


def build(app: App) -> None:
    """Add this example's stack to ``app``."""
    LambdaExecutionRoleStack(app, "IamPatterns-LambdaExecutionRole")
