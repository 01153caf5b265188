"""Example: the organization's guardrails as service control policies, attached to a root and an OU.

Not deployable to the local emulator (it has no AWS Organizations); deploy from the management account."""

from __future__ import annotations

from aws_cdk import App, Aws, Stack
from constructs import Construct

from iam_patterns import (
    ServiceControlPolicy,
    deny_leaving_organization_scp,
    deny_root_user_scp,
    protect_platform_roles_scp,
    protect_security_services_scp,
    region_allow_list_scp,
    require_imdsv2_scp,
)

ROOT = "r-ab12"
WORKLOADS_OU = "ou-ab12-cd34ef56"


class ServiceControlPoliciesStack(Stack):
    """Six SCPs: deny the root user, require IMDSv2, deny leaving the organization, protect the security
    services, allow two regions only, and protect the platform roles from all but the platform admins."""

    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id, description="iam_patterns example: service control policies")
        admins = ["platform-admin", "aws-reserved/sso.amazonaws.com/*/AWSReservedSSO_PlatformAdmin_*"]
        policies = {
            "DenyRootUser": (deny_root_user_scp(partition=Aws.PARTITION), [WORKLOADS_OU]),
            "RequireImdsV2": (
                require_imdsv2_scp(imds_admin_role_patterns=["ec2-imds-admins"], partition=Aws.PARTITION),
                [WORKLOADS_OU],
            ),
            "DenyLeavingOrganization": (deny_leaving_organization_scp(), [ROOT]),
            "ProtectSecurityServices": (protect_security_services_scp(), [ROOT]),
            "AllowedRegions": (region_allow_list_scp(["eu-west-1", "eu-central-1"]), [WORKLOADS_OU]),
            "ProtectPlatformRoles": (
                protect_platform_roles_scp(
                    ["platform-*", "OrganizationAccountAccessRole"], admin_role_patterns=admins, partition=Aws.PARTITION
                ),
                [ROOT],
            ),
        }
        for name, (document, targets) in policies.items():
            ServiceControlPolicy(self, name, document=document, policy_name=name, target_ids=targets)


def build(app: App) -> None:
    """Add this example's stack to ``app``."""
    ServiceControlPoliciesStack(app, "IamPatterns-ServiceControlPolicies")
