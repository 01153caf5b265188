"""Service control policies: the organization-wide guardrails AWS documents, each a ``PolicyDocument``.

An SCP grants nothing; it sets the most any principal in a member account may do, the root user included. Each
builder here returns one SCP, checked against the 5,120-byte quota (``check_scp``), with Sids that say
what each statement denies. ARN patterns use ``partition`` (a CDK token such as ``Aws.PARTITION`` passes
through) and ``*`` for the account, so one SCP serves every account it is attached to.

Example::

    deny_root_user_scp()
    region_allow_list_scp(["eu-west-1", "eu-central-1"])
    protect_platform_roles_scp(["platform-*"], admin_role_patterns=["platform-admin"])
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..errors import ValidationError
from ..policy import (
    SCP_QUOTA,
    PolicyDocument,
    Statement,
    one_or_many,
    validate_non_empty,
    validate_partition,
    validate_pattern,
    validate_region,
)
from ..policy.keys import METADATA_HTTP_TOKENS, PRINCIPAL_ARN, REQUESTED_REGION
from ..policy.actions import CLOUDTRAIL_DISABLING
from ._validate import OU_ID, ROOT_ID, validate_name_pattern, validate_service_prefix

__all__ = [
    "GLOBAL_SERVICES",
    "METADATA_HTTP_TOKENS",
    "PRINCIPAL_ARN",
    "REQUESTED_REGION",
    "check_scp",
    "deny_leaving_organization_scp",
    "deny_root_user_scp",
    "protect_platform_roles_scp",
    "protect_security_services_scp",
    "region_allow_list_scp",
    "require_imdsv2_scp",
    "validate_target_id",
]

GLOBAL_SERVICES = (
    "budgets",
    "cloudfront",
    "globalaccelerator",
    "iam",
    "importexport",
    "organizations",
    "route53",
    "sts",
    "support",
    "waf",
)
"""Services with one global endpoint (most in us-east-1): a region allow-list must exempt them, or it denies
them everywhere. The IAM User Guide's region example names cloudfront, iam, route53 and support, and tells to
add budgets, globalaccelerator, importexport, organizations and waf; sts is there for its global endpoint."""

_TARGET_ID = re.compile(rf"{ROOT_ID}|{OU_ID}|\d{{12}}")

_ROLE_CHANGES = (
    "iam:AttachRolePolicy",
    "iam:DeleteRole",
    "iam:DeleteRolePermissionsBoundary",
    "iam:DeleteRolePolicy",
    "iam:DetachRolePolicy",
    "iam:PutRolePermissionsBoundary",
    "iam:PutRolePolicy",
    "iam:TagRole",
    "iam:UntagRole",
    "iam:UpdateAssumeRolePolicy",
    "iam:UpdateRole",
    "iam:UpdateRoleDescription",
)
_GUARDDUTY_DISABLING = (
    "guardduty:DeleteDetector",
    "guardduty:DeleteMembers",
    "guardduty:DisassociateFromAdministratorAccount",
    "guardduty:DisassociateFromMasterAccount",
    "guardduty:DisassociateMembers",
    "guardduty:StopMonitoringMembers",
    "guardduty:UpdateDetector",
)
_CONFIG_DISABLING = (
    "config:DeleteConfigRule",
    "config:DeleteConfigurationRecorder",
    "config:DeleteDeliveryChannel",
    "config:StopConfigurationRecorder",
)


def check_scp(document: PolicyDocument, *, parameter: str = "service control policy") -> PolicyDocument:
    """Refuse ``document`` as an SCP if a statement names a principal (an SCP applies to every principal of
    the accounts it is attached to) or it is over the SCP quota; return it otherwise.

    The quota is 5,120, and unlike IAM, AWS Organizations counts the whitespace of a policy sent through its
    API (as CloudFormation sends it). The size checked is the UTF-8 length of the compact JSON
    (``to_json_string(indent=None)``), the least any client can send: bytes, so that a non-ASCII character is
    never undercounted (for the usual all-ASCII policy, bytes and characters are the same number).

    Example::

        check_scp(PolicyDocument.from_json(my_scp_json))
    """
    for statement in document.statements:
        if statement.principal is not None or statement.not_principal is not None:
            raise ValidationError(
                parameter, statement.sid or statement.to_json(), "must not name a Principal or NotPrincipal in an SCP"
            )
    size = len(document.to_json_string(indent=None).encode())
    if size > SCP_QUOTA:
        raise ValidationError(
            parameter,
            size,
            f"must be at most {SCP_QUOTA:,} bytes of compact JSON (the AWS Organizations quota for one SCP): "
            "split it into several SCPs",
            shown=f"{size:,} bytes",
        )
    return document


def validate_target_id(value: str, *, parameter: str = "target_ids") -> str:
    """An SCP target: the root (``r-ab12``), an OU (``ou-ab12-cd34ef56``) or an account (12 digits).

    Example::

        validate_target_id("ou-ab12-cd34ef56")
    """
    return validate_pattern(
        value,
        _TARGET_ID,
        "must be a root id (r-xxxx), an OU id (ou-xxxx-xxxxxxxx) or a 12-digit account id",
        parameter=parameter,
    )


def _role_arns(patterns: Sequence[str], *, parameter: str, partition: str) -> tuple[str, ...]:
    patterns = validate_non_empty(patterns, parameter=parameter)
    for pattern in patterns:
        validate_name_pattern(pattern, parameter=parameter)
    return tuple(f"arn:{partition}:iam::*:role/{p}" for p in patterns)


def _admins(patterns: Sequence[str], *, parameter: str, partition: str) -> tuple[str, ...]:
    arns = _role_arns(patterns, parameter=parameter, partition=partition)
    for pattern in patterns:
        if set(pattern.rsplit("/", 1)[-1]) <= {"*", "?"}:
            raise ValidationError(parameter, pattern, "must name the admin roles: a bare wildcard exempts every role")
    return arns


def deny_root_user_scp(*, partition: str = "aws") -> PolicyDocument:
    """Deny every action to the root user of every member account (``aws:PrincipalArn`` like
    ``arn:PARTITION:iam::*:root``). Default: partition ``aws``.

    Example::

        deny_root_user_scp(partition="aws-us-gov")
    """
    validate_partition(partition)
    return check_scp(
        PolicyDocument(
            statements=(
                Statement(
                    sid="DenyRootUser",
                    effect="Deny",
                    action="*",
                    resource="*",
                    condition={"ArnLike": {PRINCIPAL_ARN: f"arn:{partition}:iam::*:root"}},
                ),
            )
        )
    )


def require_imdsv2_scp(*, imds_admin_role_patterns: Sequence[str] = (), partition: str = "aws") -> PolicyDocument:
    """Require IMDSv2 on every new instance, and keep anyone but the IMDS admins from changing it later.

    ``ec2:RunInstances`` on an instance is denied unless ``ec2:MetadataHttpTokens`` is ``required``; the
    metadata options of running instances (``ec2:ModifyInstanceMetadataOptions``) may only be changed by roles
    matching ``imds_admin_role_patterns`` (role names with path, wildcards allowed), or by no one when none are
    given, as the EC2 User Guide's example policies do. Default: no IMDS admins; partition ``aws``.

    Example::

        require_imdsv2_scp(imds_admin_role_patterns=["ec2-imds-admins"])
    """
    validate_partition(partition)
    modify = Statement(
        sid="DenyChangingInstanceMetadataOptions",
        effect="Deny",
        action="ec2:ModifyInstanceMetadataOptions",
        resource="*",
    )
    if imds_admin_role_patterns:
        admins = _admins(imds_admin_role_patterns, parameter="imds_admin_role_patterns", partition=partition)
        modify = Statement(
            sid="DenyChangingInstanceMetadataOptionsExceptImdsAdmins",
            effect="Deny",
            action="ec2:ModifyInstanceMetadataOptions",
            resource="*",
            condition={"ArnNotLike": {PRINCIPAL_ARN: one_or_many(admins)}},
        )
    return check_scp(
        PolicyDocument(
            statements=(
                Statement(
                    sid="DenyRunInstancesWithoutImdsV2",
                    effect="Deny",
                    action="ec2:RunInstances",
                    resource=f"arn:{partition}:ec2:*:*:instance/*",
                    condition={"StringNotEquals": {METADATA_HTTP_TOKENS: "required"}},
                ),
                modify,
            )
        )
    )


def deny_leaving_organization_scp() -> PolicyDocument:
    """Deny ``organizations:LeaveOrganization``, so no member account can take itself out of every guardrail.

    Example::

        deny_leaving_organization_scp()
    """
    return check_scp(
        PolicyDocument(
            statements=(
                Statement(
                    sid="DenyLeavingTheOrganization",
                    effect="Deny",
                    action="organizations:LeaveOrganization",
                    resource="*",
                ),
            )
        )
    )


def protect_security_services_scp() -> PolicyDocument:
    """Deny stopping, deleting or narrowing CloudTrail, GuardDuty, AWS Config and IAM Access Analyzer.

    Example::

        protect_security_services_scp()
    """
    return check_scp(
        PolicyDocument(
            statements=(
                Statement(sid="DenyDisablingCloudTrail", effect="Deny", action=CLOUDTRAIL_DISABLING, resource="*"),
                Statement(sid="DenyDisablingGuardDuty", effect="Deny", action=_GUARDDUTY_DISABLING, resource="*"),
                Statement(sid="DenyDisablingConfig", effect="Deny", action=_CONFIG_DISABLING, resource="*"),
                Statement(
                    sid="DenyDeletingAccessAnalyzer",
                    effect="Deny",
                    action="access-analyzer:DeleteAnalyzer",
                    resource="*",
                ),
            )
        )
    )


def region_allow_list_scp(
    regions: Sequence[str], *, global_services: Sequence[str] = GLOBAL_SERVICES
) -> PolicyDocument:
    """Deny every action outside ``regions`` (``aws:RequestedRegion``), except the actions of
    ``global_services`` (a ``NotAction`` of ``PREFIX:*``), whose single endpoint lives in one region.

    Default: ``GLOBAL_SERVICES``.

    Example::

        region_allow_list_scp(["eu-west-1", "eu-central-1"])
    """
    regions = validate_non_empty(regions, parameter="regions")
    for region in regions:
        validate_region(region, parameter="regions")
    services = validate_non_empty(global_services, parameter="global_services")
    for service in services:
        validate_service_prefix(service, parameter="global_services")
    return check_scp(
        PolicyDocument(
            statements=(
                Statement(
                    sid="DenyOutsideAllowedRegions",
                    effect="Deny",
                    not_action=one_or_many(f"{s}:*" for s in dict.fromkeys(services)),
                    resource="*",
                    condition={"StringNotEquals": {REQUESTED_REGION: one_or_many(dict.fromkeys(regions))}},
                ),
            )
        )
    )


def protect_platform_roles_scp(
    role_patterns: Sequence[str], *, admin_role_patterns: Sequence[str], partition: str = "aws"
) -> PolicyDocument:
    """Deny changing or deleting the roles ``role_patterns`` (their policies, boundary, trust, tags), except by
    principals whose ``aws:PrincipalArn`` matches ``admin_role_patterns`` (``ArnNotLike``).

    Patterns are role names after ``role/`` in the ARN, with their path and ``*``/``?`` wildcards
    (``platform-*``, ``aws-reserved/sso.amazonaws.com/*/AWSReservedSSO_PlatformAdmin_*``); an admin pattern that
    is a bare wildcard is refused. Default: partition ``aws``.

    Example::

        protect_platform_roles_scp(["platform-*", "OrganizationAccountAccessRole"],
                                   admin_role_patterns=["platform-admin"])
    """
    validate_partition(partition)
    protected = _role_arns(role_patterns, parameter="role_patterns", partition=partition)
    admins = _admins(admin_role_patterns, parameter="admin_role_patterns", partition=partition)
    return check_scp(
        PolicyDocument(
            statements=(
                Statement(
                    sid="DenyChangingPlatformRolesExceptByAdmins",
                    effect="Deny",
                    action=_ROLE_CHANGES,
                    resource=one_or_many(protected),
                    condition={"ArnNotLike": {PRINCIPAL_ARN: one_or_many(admins)}},
                ),
            )
        )
    )
