"""The service control policy builders: each statement's shape, the quota, and the inputs they refuse."""

from __future__ import annotations

import re

import pytest

from iam_patterns.errors import ValidationError
from iam_patterns.guardrails import (
    GLOBAL_SERVICES,
    check_scp,
    deny_leaving_organization_scp,
    deny_root_user_scp,
    protect_platform_roles_scp,
    protect_security_services_scp,
    region_allow_list_scp,
    require_imdsv2_scp,
    validate_target_id,
)
from iam_patterns.policy import SCP_QUOTA, PolicyDocument, Statement, iam_size


def test_root_user_is_denied_everything_in_every_account_of_the_partition():
    (statement,) = deny_root_user_scp(partition="aws-cn").statements
    assert (statement.sid, statement.effect, statement.action, statement.resource) == ("DenyRootUser", "Deny", "*", "*")
    assert statement.condition == {"ArnLike": {"aws:PrincipalArn": "arn:aws-cn:iam::*:root"}}


def test_imdsv2_is_required_at_launch_and_changes_are_left_to_the_imds_admins():
    launch, modify = require_imdsv2_scp(imds_admin_role_patterns=["ec2-imds-admins"]).statements
    assert launch.action == "ec2:RunInstances"
    assert launch.resource == "arn:aws:ec2:*:*:instance/*"
    assert launch.condition == {"StringNotEquals": {"ec2:MetadataHttpTokens": "required"}}
    assert modify.action == "ec2:ModifyInstanceMetadataOptions"
    assert modify.condition == {"ArnNotLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/ec2-imds-admins"}}


def test_without_imds_admins_nobody_may_change_metadata_options():
    _, modify = require_imdsv2_scp().statements
    assert modify.sid == "DenyChangingInstanceMetadataOptions"
    assert modify.condition is None


def test_leaving_the_organization_is_denied():
    (statement,) = deny_leaving_organization_scp().statements
    assert (statement.effect, statement.action) == ("Deny", "organizations:LeaveOrganization")


def test_security_services_cannot_be_stopped_or_deleted():
    document = protect_security_services_scp()
    assert [s.sid for s in document.statements] == [
        "DenyDisablingCloudTrail",
        "DenyDisablingGuardDuty",
        "DenyDisablingConfig",
        "DenyDeletingAccessAnalyzer",
    ]
    actions = {a for s in document.statements for a in s.action}
    assert {"cloudtrail:StopLogging", "guardduty:DeleteDetector", "config:StopConfigurationRecorder"} <= actions


def test_region_allow_list_exempts_the_global_services_by_not_action():
    (statement,) = region_allow_list_scp(["eu-west-1", "eu-central-1"]).statements
    assert statement.not_action == tuple(f"{s}:*" for s in GLOBAL_SERVICES)
    assert statement.action is None
    assert statement.condition == {"StringNotEquals": {"aws:RequestedRegion": ("eu-west-1", "eu-central-1")}}


def test_platform_roles_are_protected_except_from_admin_principals():
    (statement,) = protect_platform_roles_scp(["platform-*"], admin_role_patterns=["platform-admin"]).statements
    assert statement.resource == "arn:aws:iam::*:role/platform-*"
    assert {"iam:UpdateAssumeRolePolicy", "iam:DeleteRole", "iam:PutRolePolicy"} <= set(statement.action)
    assert statement.condition == {"ArnNotLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/platform-admin"}}


def test_every_builder_fits_the_scp_quota():
    for document in (
        deny_root_user_scp(),
        require_imdsv2_scp(),
        deny_leaving_organization_scp(),
        protect_security_services_scp(),
        region_allow_list_scp(["eu-west-1"]),
        protect_platform_roles_scp(["p-*"], admin_role_patterns=["admin"]),
    ):
        assert iam_size(document) <= SCP_QUOTA


def _deny_with_resource(resource: str) -> PolicyDocument:
    return PolicyDocument(statements=[Statement(sid="D", effect="Deny", action="s3:GetObject", resource=resource)])


def test_a_policy_of_exactly_the_quota_is_accepted():
    base = len(_deny_with_resource("").to_json_string(indent=None))
    document = _deny_with_resource("r" * (SCP_QUOTA - base))
    assert len(document.to_json_string(indent=None)) == SCP_QUOTA
    assert check_scp(document) is document


def test_whitespace_inside_values_counts_against_the_quota_unlike_iam():
    """Organizations counts what the API is sent: spaces in a value count, though IAM's size drops them."""
    base = len(_deny_with_resource("").to_json_string(indent=None))
    document = _deny_with_resource("r" + " " * (SCP_QUOTA - base))
    assert iam_size(document) < SCP_QUOTA
    with pytest.raises(ValidationError, match=re.escape("service control policy is 5,121 bytes, but must be at most")):
        check_scp(document)


def test_non_ascii_characters_count_as_their_utf8_bytes():
    base = len(_deny_with_resource("").to_json_string(indent=None))
    document = _deny_with_resource("\u00e9" * ((SCP_QUOTA - base) // 2 + 1))
    assert len(document.to_json_string(indent=None)) <= SCP_QUOTA
    with pytest.raises(ValidationError, match=re.escape("bytes of compact JSON (the AWS Organizations quota")):
        check_scp(document)


@pytest.mark.parametrize("target", ["r-ab12", "ou-ab12-cd34ef56", "111122223333", "${Token[Ref.1]}"])
def test_valid_targets_pass(target):
    assert validate_target_id(target) == target


BAD = [
    (lambda: validate_target_id("ou-ab12"), "target_ids is 'ou-ab12', but must be a root id (r-xxxx), an OU id"),
    (lambda: validate_target_id("12345"), "target_ids is '12345', but must be a root id"),
    (lambda: region_allow_list_scp(["europe"]), "regions is 'europe', but must be an AWS Region code"),
    (lambda: region_allow_list_scp([]), "regions is [], but must name at least one value"),
    (
        lambda: region_allow_list_scp(["eu-west-1"], global_services=[f"global-service-{i}" for i in range(300)]),
        "service control policy is 6,977 bytes, but must be at most 5,120 bytes",
    ),
    (lambda: region_allow_list_scp("eu-west-1"), "regions is 'eu-west-1', but must be a list of strings, not one"),
    (
        lambda: protect_platform_roles_scp(["platform-*"], admin_role_patterns=["*"]),
        "admin_role_patterns is '*', but must name the admin roles",
    ),
    (
        lambda: protect_platform_roles_scp(["platform-*"], admin_role_patterns=[]),
        "admin_role_patterns is [], but must name at least one value",
    ),
    (
        lambda: protect_platform_roles_scp(["/platform/*"], admin_role_patterns=["admin"]),
        "role_patterns is '/platform/*', but must be a role name",
    ),
    (
        lambda: require_imdsv2_scp(imds_admin_role_patterns=["sso/*"]),
        "imds_admin_role_patterns is 'sso/*', but must name the admin roles",
    ),
    (
        lambda: check_scp(PolicyDocument(statements=[Statement(sid="Open", principal="*", action="*", resource="*")])),
        "service control policy is 'Open', but must not name a Principal",
    ),
    (lambda: deny_root_user_scp(partition="aws-iso"), "partition is 'aws-iso', but must be one of"),
]


@pytest.mark.parametrize(("build", "message"), BAD)
def test_bad_input_is_refused(build, message):
    with pytest.raises(ValidationError, match=re.escape(message)):
        build()
