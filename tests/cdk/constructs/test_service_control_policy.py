"""ServiceControlPolicy: an AWS::Organizations::Policy with validated targets and a checked document."""

from __future__ import annotations

import re

import pytest
from aws_cdk import Aws, Stack

from iam_patterns import ServiceControlPolicy, deny_root_user_scp
from iam_patterns.errors import ValidationError
from iam_patterns.policy import PolicyDocument, Statement
from tests.cdk.synth import template


def test_emits_a_service_control_policy_attached_to_its_targets(app):
    stack = Stack(app, "S")
    scp = ServiceControlPolicy(
        stack,
        "DenyRoot",
        document=deny_root_user_scp(partition=Aws.PARTITION),
        policy_name="deny-root",
        target_ids=["r-ab12", "ou-ab12-cd34ef56", "111122223333"],
        description="No root user",
    )
    (policy,) = template(stack)["Resources"].values()
    props = policy["Properties"]
    assert policy["Type"] == "AWS::Organizations::Policy"
    assert (props["Type"], props["Name"], props["Description"]) == (
        "SERVICE_CONTROL_POLICY",
        "deny-root",
        "No root user",
    )
    assert props["TargetIds"] == ["r-ab12", "ou-ab12-cd34ef56", "111122223333"]
    assert props["Content"]["Statement"][0]["Condition"] == {
        "ArnLike": {"aws:PrincipalArn": {"Fn::Join": ["", ["arn:", {"Ref": "AWS::Partition"}, ":iam::*:root"]]}}
    }
    assert scp.policy_document.statements[0].sid == "DenyRootUser"


def _scp(stack, **overrides):
    options = {"document": deny_root_user_scp(), "policy_name": "deny-root", "target_ids": ["r-ab12"]}
    return ServiceControlPolicy(stack, "P", **{**options, **overrides})


BAD = [
    ({"target_ids": ["ou-1"]}, "target_ids is 'ou-1', but must be a root id (r-xxxx), an OU id"),
    ({"target_ids": ["r-ab12", "r-ab12"]}, "target_ids is ['r-ab12', 'r-ab12'], but must not name a target twice"),
    ({"target_ids": "r-ab12"}, "target_ids is 'r-ab12', but must be a list of ids, not one string"),
    ({"policy_name": ""}, "policy_name is '', but must be 1 to 128 characters"),
    ({"description": "x" * 513}, "description is 'xxxx"),
    (
        {"document": PolicyDocument(statements=[Statement(sid="Everyone", principal="*", action="*", resource="*")])},
        "document is 'Everyone', but must not name a Principal or NotPrincipal in an SCP",
    ),
    (
        {
            "document": PolicyDocument(
                statements=[
                    Statement(
                        sid="Big",
                        effect="Deny",
                        action="s3:GetObject",
                        resource=[f"arn:aws:s3:::bucket-{i}/*" for i in range(200)],
                    )
                ]
            )
        },
        "document is ",
    ),
]


@pytest.mark.parametrize(("overrides", "message"), BAD)
def test_bad_input_is_refused_before_anything_is_emitted(app, overrides, message):
    stack = Stack(app, "S")
    with pytest.raises(ValidationError, match=re.escape(message)):
        _scp(stack, **overrides)
    assert template(stack).get("Resources", {}) == {}
