"""The SCPs, decided by the evaluator beside AWS's default FullAWSAccess SCP, for a caller that is an admin.

Every level of an organization must allow a request; ``FullAWSAccess`` is the SCP AWS attaches by default, so
each level here holds it and the SCP under test. The caller's own policy allows everything: whatever is denied
is denied by the SCP.
"""

from __future__ import annotations

import pytest

from iam_patterns.evaluation import Decision, Request, evaluate
from iam_patterns.guardrails import (
    deny_leaving_organization_scp,
    deny_root_user_scp,
    protect_platform_roles_scp,
    protect_security_services_scp,
    region_allow_list_scp,
    require_imdsv2_scp,
)

ACCOUNT = "111122223333"
ROOT = f"arn:aws:iam::{ACCOUNT}:root"
DEVELOPER = f"arn:aws:sts::{ACCOUNT}:assumed-role/developer/alice"
INSTANCE = f"arn:aws:ec2:eu-west-1:{ACCOUNT}:instance/*"
FULL_AWS_ACCESS = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}
ADMIN = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}


def _decide(scp, principal: str, action: str, resource: str = "*", **context: str) -> Decision:
    request = Request(principal, action, resource, context)
    return evaluate(request, [ADMIN], scps=[[FULL_AWS_ACCESS], [FULL_AWS_ACCESS, scp]]).decision


@pytest.mark.parametrize(("action", "resource"), [("s3:ListAllMyBuckets", "*"), ("iam:CreateAccessKey", ROOT)])
def test_the_root_user_is_denied(action, resource):
    assert _decide(deny_root_user_scp(), ROOT, action, resource) == Decision.EXPLICIT_DENY


@pytest.mark.parametrize(
    ("principal", "action", "resource", "context"),
    [
        (ROOT, "s3:ListAllMyBuckets", "*", {}),
        (DEVELOPER, "ec2:RunInstances", INSTANCE, {"ec2:MetadataHttpTokens": "optional"}),
        (DEVELOPER, "ec2:DescribeInstances", "*", {"aws:RequestedRegion": "us-west-2"}),
        (DEVELOPER, "organizations:LeaveOrganization", "*", {}),
    ],
)
def test_without_the_guardrail_scps_the_same_requests_are_allowed(principal, action, resource, context):
    """The control case: FullAWSAccess alone lets every request the SCPs above deny through."""
    request = Request(principal, action, resource, context)
    assert evaluate(request, [ADMIN], scps=[[FULL_AWS_ACCESS], [FULL_AWS_ACCESS]]).decision == Decision.ALLOW


def test_other_principals_are_not_touched_by_the_root_scp():
    assert _decide(deny_root_user_scp(), DEVELOPER, "s3:ListAllMyBuckets") == Decision.ALLOW


def test_run_instances_with_imdsv2_required_is_allowed():
    scp = require_imdsv2_scp()
    assert _decide(scp, DEVELOPER, "ec2:RunInstances", INSTANCE, **{"ec2:MetadataHttpTokens": "required"}) == (
        Decision.ALLOW
    )


@pytest.mark.parametrize("tokens", ["optional", None], ids=["optional", "not-set"])
def test_run_instances_without_imdsv2_is_denied(tokens):
    context = {"ec2:MetadataHttpTokens": tokens} if tokens else {}
    assert _decide(require_imdsv2_scp(), DEVELOPER, "ec2:RunInstances", INSTANCE, **context) == Decision.EXPLICIT_DENY


def test_run_instances_on_the_other_launch_resources_is_not_judged_by_the_token_rule():
    subnet = f"arn:aws:ec2:eu-west-1:{ACCOUNT}:subnet/subnet-0abc"
    assert _decide(require_imdsv2_scp(), DEVELOPER, "ec2:RunInstances", subnet) == Decision.ALLOW


def test_only_imds_admins_may_change_metadata_options():
    scp = require_imdsv2_scp(imds_admin_role_patterns=["ec2-imds-admins"])
    instance = f"arn:aws:ec2:eu-west-1:{ACCOUNT}:instance/i-0abc"
    admin = f"arn:aws:sts::{ACCOUNT}:assumed-role/ec2-imds-admins/bob"
    assert _decide(scp, admin, "ec2:ModifyInstanceMetadataOptions", instance) == Decision.ALLOW
    assert _decide(scp, DEVELOPER, "ec2:ModifyInstanceMetadataOptions", instance) == Decision.EXPLICIT_DENY
    assert _decide(require_imdsv2_scp(), admin, "ec2:ModifyInstanceMetadataOptions", instance) == (
        Decision.EXPLICIT_DENY
    )


def test_no_account_can_leave_the_organization():
    assert _decide(deny_leaving_organization_scp(), DEVELOPER, "organizations:LeaveOrganization") == (
        Decision.EXPLICIT_DENY
    )


@pytest.mark.parametrize(
    "action",
    [
        "cloudtrail:StopLogging",
        "cloudtrail:DeleteTrail",
        "guardduty:DeleteDetector",
        "config:StopConfigurationRecorder",
        "access-analyzer:DeleteAnalyzer",
    ],
)
def test_security_services_cannot_be_disabled(action):
    assert _decide(protect_security_services_scp(), DEVELOPER, action) == Decision.EXPLICIT_DENY


def test_security_services_can_still_be_read():
    assert _decide(protect_security_services_scp(), DEVELOPER, "cloudtrail:LookupEvents") == Decision.ALLOW


def test_a_region_outside_the_list_is_denied_and_a_listed_one_allowed():
    scp = region_allow_list_scp(["eu-west-1", "eu-central-1"])
    assert _decide(scp, DEVELOPER, "ec2:DescribeInstances", **{"aws:RequestedRegion": "us-west-2"}) == (
        Decision.EXPLICIT_DENY
    )
    assert _decide(scp, DEVELOPER, "ec2:DescribeInstances", **{"aws:RequestedRegion": "eu-central-1"}) == (
        Decision.ALLOW
    )


@pytest.mark.parametrize("action", ["iam:CreateRole", "sts:AssumeRole", "route53:ChangeResourceRecordSets"])
def test_global_services_are_not_denied_by_the_region_list(action):
    scp = region_allow_list_scp(["eu-west-1"])
    assert _decide(scp, DEVELOPER, action, **{"aws:RequestedRegion": "us-east-1"}) == Decision.ALLOW


def test_platform_roles_can_be_changed_by_the_platform_admins_only():
    scp = protect_platform_roles_scp(["platform-*"], admin_role_patterns=["platform-admin"])
    network = f"arn:aws:iam::{ACCOUNT}:role/platform-network"
    admin = f"arn:aws:sts::{ACCOUNT}:assumed-role/platform-admin/carol"
    assert _decide(scp, DEVELOPER, "iam:PutRolePolicy", network) == Decision.EXPLICIT_DENY
    assert _decide(scp, DEVELOPER, "iam:UpdateAssumeRolePolicy", network) == Decision.EXPLICIT_DENY
    assert _decide(scp, admin, "iam:PutRolePolicy", network) == Decision.ALLOW
    assert _decide(scp, DEVELOPER, "iam:PutRolePolicy", f"arn:aws:iam::{ACCOUNT}:role/orders-fn") == Decision.ALLOW
