"""ServiceRole: a service principal guarded by the sources it may act for, CDK tokens included."""

from __future__ import annotations

import re

import pytest
from aws_cdk import Aws, Stack

from iam_patterns import ServiceRole
from iam_patterns.errors import ValidationError
from tests.cdk.synth import template


def test_tokens_name_this_stacks_account_and_a_resource_of_it(app):
    stack = Stack(app, "S")
    group = stack.format_arn(service="scheduler", resource="schedule-group", resource_name="default")
    ServiceRole(stack, "Scheduler", service="scheduler.amazonaws.com", source_account=Aws.ACCOUNT_ID, source_arns=[group])
    (role,) = [r for r in template(stack)["Resources"].values() if r["Type"] == "AWS::IAM::Role"]
    (statement,) = role["Properties"]["AssumeRolePolicyDocument"]["Statement"]
    assert statement["Sid"] == "AllowSchedulerToAssume"
    assert statement["Condition"]["StringEquals"] == {"aws:SourceAccount": {"Ref": "AWS::AccountId"}}
    assert statement["Condition"]["ArnEquals"]["aws:SourceArn"]["Fn::Join"][1][-1] == ":schedule-group/default"


def test_the_loud_opt_out_emits_a_bare_service_principal(app):
    stack = Stack(app, "S")
    role = ServiceRole(stack, "Legacy", service="config.amazonaws.com", unsafe_allow_any_source=True)
    (statement,) = role.trust_policy.statements
    assert statement.condition is None and statement.principal == {"Service": "config.amazonaws.com"}


def test_a_newly_listed_service_is_refused_without_sources_and_accepted_with_them(app):
    stack = Stack(app, "S")
    with pytest.raises(ValidationError, match=re.escape("service is 'sagemaker.amazonaws.com', but must be guarded")):
        ServiceRole(stack, "Unguarded", service="sagemaker.amazonaws.com")
    jobs = stack.format_arn(service="sagemaker", resource="training-job", resource_name="*")
    role = ServiceRole(stack, "Training", service="sagemaker.amazonaws.com", source_account=Aws.ACCOUNT_ID, source_arns=[jobs])
    roles = [r for r in template(stack)["Resources"].values() if r["Type"] == "AWS::IAM::Role"]
    assert len(roles) == 1 and [s.sid for s in role.trust_policy.statements] == ["AllowSagemakerToAssume"]
    (statement,) = roles[0]["Properties"]["AssumeRolePolicyDocument"]["Statement"]
    assert statement["Condition"]["StringEquals"] == {"aws:SourceAccount": {"Ref": "AWS::AccountId"}}
    assert statement["Condition"]["ArnLike"]["aws:SourceArn"]["Fn::Join"][1][-1] == ":training-job/*"
