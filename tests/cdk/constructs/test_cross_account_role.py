"""CrossAccountRole: the guide's trust policy exactly, MFA by default, the common role options."""

from __future__ import annotations

from aws_cdk import Duration, Environment, Stack

from iam_patterns import CrossAccountRole
from tests.cdk.synth import properties_of_type


def test_emits_exactly_the_guides_trust_policy(app, guide_trust_policy):
    stack = Stack(app, "S", env=Environment(region="us-east-1"))  # a known Region makes the partition literal
    role = CrossAccountRole(stack, "AppUploads", trusted_accounts=["111122223333"], external_id="acme-prod-2026",
                            trusted_services=["ec2.amazonaws.com"], role_name="app-uploads-role")
    (props,) = properties_of_type(stack, "AWS::IAM::Role").values()
    assert props["AssumeRolePolicyDocument"] == guide_trust_policy
    assert role.trust_policy.to_json() == guide_trust_policy
    assert props["MaxSessionDuration"] == 3600
    assert props["RoleName"] == "app-uploads-role"


def test_an_environment_agnostic_stack_names_the_partition_by_reference(app):
    stack = Stack(app, "S")
    CrossAccountRole(stack, "Partner", trusted_accounts=["111122223333"])
    (props,) = properties_of_type(stack, "AWS::IAM::Role").values()
    (statement,) = props["AssumeRolePolicyDocument"]["Statement"]
    assert statement["Principal"]["AWS"] == {
        "Fn::Join": ["", ["arn:", {"Ref": "AWS::Partition"}, ":iam::111122223333:root"]]
    }
    assert statement["Condition"] == {"Bool": {"aws:MultiFactorAuthPresent": "true"}}


def test_mfa_age_and_common_options(app):
    stack = Stack(app, "S")
    CrossAccountRole(stack, "Auditor", trusted_principals=["arn:aws:iam::444455556666:role/auditor"],
                     mfa_max_age=Duration.hours(1), max_session_duration=Duration.hours(2), path="/partners/",
                     tags={"owner": "security"})
    (props,) = properties_of_type(stack, "AWS::IAM::Role").values()
    (statement,) = props["AssumeRolePolicyDocument"]["Statement"]
    assert statement["Condition"]["NumericLessThan"] == {"aws:MultiFactorAuthAge": "3600"}
    assert (props["MaxSessionDuration"], props["Path"], props["Tags"]) == (
        7200, "/partners/", [{"Key": "owner", "Value": "security"}]
    )
