"""Guardrails, as pure documents: permissions boundaries and their delegation, service control policies,
session policies, Identity Center values, access-activity alert patterns, and the organization baseline and
StackSet values of an organization-wide rollout.

Nothing here imports ``aws_cdk``; the constructs in ``iam_patterns.constructs`` turn these documents into
CloudFormation, and the same documents feed the evaluator in tests.

Example::

    from iam_patterns.guardrails import permissions_boundary, deny_root_user_scp
    permissions_boundary(services=["s3"], managed_policy_name="team-a-boundary", account="111122223333")
"""

from .alerts import alert_topic_policy, assume_role_pattern, root_activity_pattern
from .boundary import DENIED_SERVICES, permissions_boundary
from .delegation import PASSED_TO_SERVICE, PERMISSIONS_BOUNDARY, boundary_delegation
from .identity_center import (
    iso_duration,
    policy_reference,
    validate_aws_managed_policy_arn,
    validate_identity_store_id,
    validate_instance_arn,
    validate_permission_set_name,
)
from .org_baseline import OrgBaselineDocuments, OrgBaselineNames, org_baseline
from .scp import (
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
from .session import SESSION_POLICY_QUOTA, session_policy
from .stackset import (
    deployment_targets,
    operation_preferences,
    stack_set_capabilities,
    stack_set_regions,
    stack_set_template_body,
    validate_organizational_unit_id,
)

__all__ = [
    "DENIED_SERVICES",
    "GLOBAL_SERVICES",
    "OrgBaselineDocuments",
    "OrgBaselineNames",
    "PASSED_TO_SERVICE",
    "PERMISSIONS_BOUNDARY",
    "SESSION_POLICY_QUOTA",
    "alert_topic_policy",
    "assume_role_pattern",
    "boundary_delegation",
    "check_scp",
    "deny_leaving_organization_scp",
    "deny_root_user_scp",
    "deployment_targets",
    "iso_duration",
    "operation_preferences",
    "org_baseline",
    "permissions_boundary",
    "policy_reference",
    "protect_platform_roles_scp",
    "protect_security_services_scp",
    "region_allow_list_scp",
    "require_imdsv2_scp",
    "root_activity_pattern",
    "session_policy",
    "stack_set_capabilities",
    "stack_set_regions",
    "stack_set_template_body",
    "validate_aws_managed_policy_arn",
    "validate_identity_store_id",
    "validate_instance_arn",
    "validate_organizational_unit_id",
    "validate_permission_set_name",
    "validate_target_id",
]
