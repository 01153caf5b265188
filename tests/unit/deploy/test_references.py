"""What Ref and Fn::GetAtt mean in a stack: placeholders before deploying, the emulator's names after."""

from __future__ import annotations

import re

import pytest

from deploy.assembly import Stack
from deploy.intrinsics import NO_VALUE, Unresolvable
from deploy.references import References

_TEMPLATE = {
    "Parameters": {"BootstrapVersion": {"Type": "String", "Default": "/cdk-bootstrap/hnb659fds/version"}},
    "Resources": {
        "Bucket": {"Type": "AWS::S3::Bucket"},
        "Role": {"Type": "AWS::IAM::Role"},
        "Policy": {"Type": "AWS::IAM::ManagedPolicy"},
        "Queue": {"Type": "AWS::SQS::Queue"},
        "Skipped": {"Type": "AWS::S3::BucketPolicy"},
        "Metadata": {"Type": "AWS::CDK::Metadata", "Condition": "CDKMetadataAvailable"},
        "Pipe": {"Type": "AWS::Pipes::Pipe"},
    },
}
STACK = Stack(id="S", name="S", template=_TEMPLATE)
PHYSICAL = {
    "Bucket": "s-bucket-1",
    "Role": "S-Role-ABC",
    "Policy": "arn:aws:iam::123456789012:policy/S-Policy-1",
    "Queue": "https://sqs.us-east-1.amazonaws.com/123456789012/S-Queue-1",
    "Pipe": "S-Pipe-1",
}


class _Iam:
    def get_role(self, RoleName):  # noqa: N803 (boto3's argument name)
        return {"Role": {"Arn": f"arn:aws:iam::123456789012:role/path/{RoleName}", "RoleId": "AROA1"}}


def test_pseudo_parameters_are_the_emulators_account_and_region_in_both_modes():
    for refs in (References(STACK), References(STACK, physical=PHYSICAL, iam=_Iam())):
        assert [refs.ref(n) for n in ("AWS::AccountId", "AWS::Region", "AWS::Partition", "AWS::StackName")] == [
            "123456789012", "us-east-1", "aws", "S",
        ]
        assert refs.ref("AWS::NoValue") is NO_VALUE
        assert refs.ref("BootstrapVersion") == "/cdk-bootstrap/hnb659fds/version"


def test_before_deploying_resources_are_readable_placeholders():
    refs = References(STACK)
    assert refs.ref("Bucket") == "<Bucket>"
    assert refs.get_att("Role", "Arn") == "<Role.Arn>"


def test_after_deploying_refs_are_physical_ids_and_arns_are_built_as_cloudformation_builds_them():
    refs = References(STACK, physical=PHYSICAL, iam=_Iam())
    assert refs.ref("Bucket") == "s-bucket-1"
    assert refs.get_att("Bucket", "Arn") == "arn:aws:s3:::s-bucket-1"
    assert refs.get_att("Role", "Arn") == "arn:aws:iam::123456789012:role/path/S-Role-ABC"
    assert refs.get_att("Role", "RoleId") == "AROA1"
    assert refs.get_att("Policy", "PolicyArn") == "arn:aws:iam::123456789012:policy/S-Policy-1"
    assert refs.get_att("Queue", "Arn") == "arn:aws:sqs:us-east-1:123456789012:S-Queue-1"


def test_resources_the_emulator_skipped_are_listed_but_not_those_a_condition_leaves_out():
    assert References(STACK, physical=PHYSICAL, iam=_Iam()).not_created() == ["Skipped (AWS::S3::BucketPolicy)"]
    assert References(STACK).not_created() == []


def test_what_cannot_be_resolved_is_refused_with_the_reason():
    refs = References(STACK, physical=PHYSICAL, iam=_Iam())
    with pytest.raises(Unresolvable, match=re.escape("Ref Nope: no such parameter or resource in S")):
        refs.ref("Nope")
    with pytest.raises(Unresolvable, match=re.escape("Fn::GetAtt Nope.Arn: no such resource in S")):
        refs.get_att("Nope", "Arn")
    with pytest.raises(Unresolvable, match=re.escape("Skipped (AWS::S3::BucketPolicy) in S was not created by the emulator")):
        refs.ref("Skipped")
    with pytest.raises(Unresolvable, match=re.escape("Fn::GetAtt Pipe.Arn on AWS::Pipes::Pipe: add how to resolve it")):
        refs.get_att("Pipe", "Arn")
