"""LambdaExecutionRole: usable as a Function's role, writing only to that function's own log group."""

from __future__ import annotations

import json

from aws_cdk import Stack
from aws_cdk import aws_iam as iam
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_logs as logs

from iam_patterns import LambdaExecutionRole
from tests.cdk.synth import properties_of_type, template


def test_a_function_runs_as_the_role_and_writes_only_to_its_own_log_group(app):
    stack = Stack(app, "S")
    log_group = logs.LogGroup(stack, "Logs")
    role = LambdaExecutionRole(stack, "Role", log_group_name=log_group.log_group_name)
    lambda_.Function(stack, "Fn", role=role, log_group=log_group, runtime=lambda_.Runtime.PYTHON_3_12,
                     handler="index.handler", code=lambda_.Code.from_inline("def handler(e, c): pass"))
    resources = template(stack)["Resources"]
    (function,) = [r for r in resources.values() if r["Type"] == "AWS::Lambda::Function"]
    role_id = next(k for k, r in resources.items() if r["Type"] == "AWS::IAM::Role")
    log_group_id = next(k for k, r in resources.items() if r["Type"] == "AWS::Logs::LogGroup")
    assert function["Properties"]["Role"] == {"Fn::GetAtt": [role_id, "Arn"]}
    (props,) = properties_of_type(stack, "AWS::IAM::Role").values()
    (statement,) = props["Policies"][0]["PolicyDocument"]["Statement"]
    assert statement["Sid"] == "WriteOwnLogGroup"
    assert statement["Resource"]["Fn::Join"][1][-2:] == [{"Ref": log_group_id}, ":*"]
    assert "AWSLambdaBasicExecutionRole" not in json.dumps(resources)
    assert isinstance(role, iam.Role)


def test_the_default_log_group_of_a_named_function_in_the_deploying_account_and_region(app):
    stack = Stack(app, "S")
    LambdaExecutionRole(stack, "Role", function_name="orders-api", vpc=True, xray=True)
    (props,) = properties_of_type(stack, "AWS::IAM::Role").values()
    logs_statement, vpc, xray = props["Policies"][0]["PolicyDocument"]["Statement"]
    assert logs_statement["Resource"] == {"Fn::Join": ["", [
        "arn:", {"Ref": "AWS::Partition"}, ":logs:", {"Ref": "AWS::Region"}, ":", {"Ref": "AWS::AccountId"},
        ":log-group:/aws/lambda/orders-api:*"]]}
    assert (vpc["Sid"], xray["Sid"]) == ("ManageVpcNetworkInterfaces", "WriteXRayTraces")


def test_trusts_lambda_only(app):
    stack = Stack(app, "S")
    role = LambdaExecutionRole(stack, "Role", function_name="orders")
    assert role.trust_policy.to_json()["Statement"] == [
        {"Sid": "AllowLambdaToAssume", "Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}
    ]
    (props,) = properties_of_type(stack, "AWS::IAM::Role").values()
    assert props["AssumeRolePolicyDocument"] == role.trust_policy.to_json()
