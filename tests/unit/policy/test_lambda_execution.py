"""Lambda execution permissions: the function's own log group, VPC and X-Ray only when asked."""

from __future__ import annotations

import re

import pytest

from iam_patterns.errors import ValidationError
from iam_patterns.policy import lambda_execution_access, lambda_log_group_name, session_manager_access


def test_logs_are_scoped_to_the_functions_own_log_group():
    doc = lambda_execution_access(lambda_log_group_name("orders-api"), region="us-east-1", account="111122223333")
    assert doc.to_json()["Statement"] == [
        {
            "Sid": "WriteOwnLogGroup",
            "Effect": "Allow",
            "Action": ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"],
            "Resource": "arn:aws:logs:us-east-1:111122223333:log-group:/aws/lambda/orders-api:*",
        }
    ]


def test_vpc_and_xray_add_only_the_actions_aws_documents():
    doc = lambda_execution_access("/custom/orders", region="eu-west-1", account="111122223333", vpc=True, xray=True)
    _, vpc, xray = doc.statements
    assert vpc.sid == "ManageVpcNetworkInterfaces" and len(vpc.action) == 6
    assert all(a.startswith("ec2:") and "*" not in a for a in vpc.action)
    assert xray.action == ("xray:PutTraceSegments", "xray:PutTelemetryRecords")


def test_session_manager_access_is_the_agents_minimum():
    (statement,) = session_manager_access().statements
    assert set(statement.action) == {
        "ssm:UpdateInstanceInformation",
        "ssmmessages:CreateControlChannel",
        "ssmmessages:CreateDataChannel",
        "ssmmessages:OpenControlChannel",
        "ssmmessages:OpenDataChannel",
    }


@pytest.mark.parametrize(
    ("call", "fragment"),
    [
        (lambda: lambda_log_group_name("orders api"), "function_name is 'orders api', but must be 1 to 64"),
        (lambda: lambda_log_group_name("f" * 65), "but must be 1 to 64 of letters, digits"),
        (
            lambda: lambda_execution_access("/aws/lambda/*", region="us-east-1", account="111122223333"),
            "log_group_name is '/aws/lambda/*', but must be 1 to 512",
        ),
        (
            lambda: lambda_execution_access("/aws/lambda/f", region="us-east-1", account="1"),
            "account is '1', but must be an AWS account id",
        ),
        (
            lambda: lambda_execution_access("/aws/lambda/f", region="everywhere", account="111122223333"),
            "region is 'everywhere', but must be an AWS Region code",
        ),
    ],
)
def test_bad_lambda_inputs_are_refused(call, fragment):
    with pytest.raises(ValidationError, match=re.escape(fragment)):
        call()
