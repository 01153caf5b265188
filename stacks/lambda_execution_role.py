"""Example: a Lambda function whose execution role may write to its own log group and nothing else."""

from __future__ import annotations

from aws_cdk import App, RemovalPolicy, Stack
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_logs as logs
from constructs import Construct

from iam_patterns import LambdaExecutionRole
from stacks._acknowledgements import acknowledge

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
        log_group_id = self.resolve(log_group.node.default_child.logical_id)
        acknowledge(role, "The * stands for the log streams of the function's own log group, which Lambda names.",
                    f"AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:logs:<AWS::Region>:<AWS::AccountId>:log-group:"
                    f"<{log_group_id}>:*]")
        function = lambda_.Function(
            self,
            "Orders",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=lambda_.Code.from_inline(HANDLER),
            role=role,
            log_group=log_group,
        )
        acknowledge(function, "The runtime is pinned so that the snapshot locks the template; the example is about "
                    "the execution role, not the runtime.", "AwsSolutions-L1")


def build(app: App) -> None:
    """Add this example's stack to ``app``."""
    LambdaExecutionRoleStack(app, "IamPatterns-LambdaExecutionRole")
