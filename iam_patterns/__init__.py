"""iam_patterns: AWS CDK v2 constructs that build IAM roles the way AWS's guidance says, and prove it.

The pure core (``iam_patterns.policy`` and friends) never imports ``aws_cdk``. The constructs load lazily, on
first use of their name, so ``python -m iam_patterns ...`` and scripts that only need policy documents never
pay jsii's start-up.

Example::

    from iam_patterns import s3_prefix_access
    print(s3_prefix_access("my-app-uploads-prod", "reports/").to_json_string())
"""

from __future__ import annotations

import importlib
from typing import Any

from .errors import IamPatternsError, TemplateError, ValidationError
from .checks import check_template
from .evaluation import Decision, Request, Simulator, evaluate
from .guardrails import (
    alert_topic_policy,
    assume_role_pattern,
    boundary_delegation,
    check_scp,
    deny_leaving_organization_scp,
    deny_root_user_scp,
    org_baseline,
    permissions_boundary,
    protect_platform_roles_scp,
    protect_security_services_scp,
    region_allow_list_scp,
    require_imdsv2_scp,
    root_activity_pattern,
    session_policy,
)
from .policy import (
    PolicyDocument,
    Statement,
    check_size,
    iam_size,
    lambda_execution_access,
    lambda_log_group_name,
    s3_prefix_access,
    session_manager_access,
)
from .trust import (
    cross_account_trust,
    ecs_tasks_trust,
    eks_pod_identity_trust,
    eks_service_account_trust,
    service_role_trust,
)
from .trust.github import github_oidc_issuer, github_oidc_provider_arn, github_oidc_trust

__version__ = "0.1.0"

# Public name -> module under iam_patterns.constructs that defines it; imported on first access.
_LAZY_CONSTRUCTS: dict[str, str] = {
    "AccessActivityAlerts": "access_activity_alerts",
    "BoundaryDelegation": "boundary_delegation",
    "CrossAccountRole": "cross_account_role",
    "Ec2InstanceRole": "ec2_instance_role",
    "EcsTaskExecutionRole": "ecs_task_execution_role",
    "EcsTaskRole": "ecs_task_role",
    "EksPodIdentityRole": "eks_pod_identity_role",
    "EksServiceAccountRole": "eks_service_account_role",
    "GitHubOidcProvider": "github_oidc",
    "GitHubOidcRole": "github_oidc",
    "IamPatternsChecks": "aspects",
    "LambdaExecutionRole": "lambda_execution_role",
    "OrgBaseline": "org_baseline",
    "OrgRollout": "org_rollout",
    "PermissionSet": "permission_set",
    "PermissionsBoundaryPolicy": "permissions_boundary",
    "RequireImdsv2": "require_imdsv2",
    "ServiceControlPolicy": "service_control_policy",
    "ServiceRole": "service_role",
    "acknowledge_check": "aspects",
    "apply_boundary": "aspects",
    "to_cdk_document": "documents",
}

__all__ = [
    "AccessActivityAlerts",
    "BoundaryDelegation",
    "CrossAccountRole",
    "Decision",
    "Ec2InstanceRole",
    "EcsTaskExecutionRole",
    "EcsTaskRole",
    "EksPodIdentityRole",
    "EksServiceAccountRole",
    "GitHubOidcProvider",
    "GitHubOidcRole",
    "IamPatternsChecks",
    "IamPatternsError",
    "LambdaExecutionRole",
    "OrgBaseline",
    "OrgRollout",
    "PermissionSet",
    "PermissionsBoundaryPolicy",
    "PolicyDocument",
    "Request",
    "RequireImdsv2",
    "ServiceControlPolicy",
    "ServiceRole",
    "Simulator",
    "Statement",
    "TemplateError",
    "ValidationError",
    "acknowledge_check",
    "alert_topic_policy",
    "apply_boundary",
    "assume_role_pattern",
    "boundary_delegation",
    "check_scp",
    "check_size",
    "check_template",
    "cross_account_trust",
    "deny_leaving_organization_scp",
    "deny_root_user_scp",
    "ecs_tasks_trust",
    "eks_pod_identity_trust",
    "eks_service_account_trust",
    "evaluate",
    "github_oidc_issuer",
    "github_oidc_provider_arn",
    "github_oidc_trust",
    "iam_size",
    "lambda_execution_access",
    "lambda_log_group_name",
    "org_baseline",
    "permissions_boundary",
    "protect_platform_roles_scp",
    "protect_security_services_scp",
    "region_allow_list_scp",
    "require_imdsv2_scp",
    "root_activity_pattern",
    "s3_prefix_access",
    "service_role_trust",
    "session_manager_access",
    "session_policy",
    "to_cdk_document",
]


def __getattr__(name: str) -> Any:
    module = _LAZY_CONSTRUCTS.get(name)
    if module is None:
        raise AttributeError(f"module 'iam_patterns' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"iam_patterns.constructs.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY_CONSTRUCTS))
