"""What a Lambda function's execution role needs, and no more: its own log group, and optionally VPC and X-Ray.

Logs: ``logs:CreateLogGroup``, ``logs:CreateLogStream`` and ``logs:PutLogEvents`` on the function's own log group
(``arn:PARTITION:logs:REGION:ACCOUNT:log-group:NAME:*``), where the AWS managed policy
``AWSLambdaBasicExecutionRole`` grants them on ``*``: every log group of the account. VPC: the six EC2 network
interface actions AWS documents for a function in a VPC (``AWSLambdaVPCAccessExecutionRole`` without its logs
actions); EC2 offers no narrower resource for ``Describe*``, so they are on ``*``. X-Ray: ``xray:PutTraceSegments``
and ``xray:PutTelemetryRecords``, which have no resource-level permissions (``*``).

Example::

    lambda_execution_access("/aws/lambda/orders-api", region="us-east-1", account="111122223333", xray=True)
"""

from __future__ import annotations

import re

from .document import PolicyDocument, Statement
from .validate import validate_account_id, validate_partition, validate_pattern, validate_region

__all__ = ["LAMBDA_VPC_ACTIONS", "LOG_ACTIONS", "XRAY_WRITE_ACTIONS", "lambda_execution_access", "lambda_log_group_name"]

LOG_ACTIONS = ("logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents")
"""What a function needs to write to its log group (creating it if Lambda must)."""
LAMBDA_VPC_ACTIONS = (
    "ec2:CreateNetworkInterface",
    "ec2:DescribeNetworkInterfaces",
    "ec2:DescribeSubnets",
    "ec2:DeleteNetworkInterface",
    "ec2:AssignPrivateIpAddresses",
    "ec2:UnassignPrivateIpAddresses",
)
"""The EC2 actions Lambda needs to attach a function to a VPC (the Lambda developer guide's list)."""
XRAY_WRITE_ACTIONS = ("xray:PutTraceSegments", "xray:PutTelemetryRecords")
"""The X-Ray actions an active-tracing function needs."""

_LOG_GROUP = re.compile(r"[.\-_/#A-Za-z0-9]{1,512}")
_FUNCTION_NAME = re.compile(r"[A-Za-z0-9_-]{1,64}")


def lambda_log_group_name(function_name: str) -> str:
    """The log group Lambda writes a function's logs to by default: ``/aws/lambda/FUNCTION_NAME``.

    Example::

        lambda_log_group_name("orders-api")   # "/aws/lambda/orders-api"
    """
    validate_pattern(
        function_name, _FUNCTION_NAME, "must be 1 to 64 of letters, digits, '-' and '_'", parameter="function_name"
    )
    return f"/aws/lambda/{function_name}"


def lambda_execution_access(
    log_group_name: str,
    *,
    region: str,
    account: str,
    partition: str = "aws",
    vpc: bool = False,
    xray: bool = False,
) -> PolicyDocument:
    """The permission policy of a Lambda execution role that writes to ``log_group_name`` in ``region``/``account``.

    Statements: ``WriteOwnLogGroup``; ``ManageVpcNetworkInterfaces`` if ``vpc``; ``WriteXRayTraces`` if ``xray``.
    ``log_group_name``, ``region``, ``account`` and ``partition`` may be CDK tokens. Default: logs only,
    partition ``aws``.

    Example::

        lambda_execution_access(lambda_log_group_name("orders-api"), region="eu-west-1",
                                account="111122223333", vpc=True)
    """
    validate_pattern(
        log_group_name,
        _LOG_GROUP,
        "must be 1 to 512 of letters, digits and '.-_/#' (a log group name)",
        parameter="log_group_name",
    )
    validate_region(region, parameter="region")
    validate_account_id(account, parameter="account")
    validate_partition(partition, parameter="partition")
    statements = [
        Statement(
            sid="WriteOwnLogGroup",
            action=LOG_ACTIONS,
            resource=f"arn:{partition}:logs:{region}:{account}:log-group:{log_group_name}:*",
        )
    ]
    if vpc:
        statements.append(Statement(sid="ManageVpcNetworkInterfaces", action=LAMBDA_VPC_ACTIONS, resource="*"))
    if xray:
        statements.append(Statement(sid="WriteXRayTraces", action=XRAY_WRITE_ACTIONS, resource="*"))
    return PolicyDocument(statements=statements)
