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
    permissions_boundary,
    protect_platform_roles_scp,
    protect_security_services_scp,
    region_allow_list_scp,
    require_imdsv2_scp,
    root_activity_pattern,
    session_policy,
)
from .policy import PolicyDocument, Statement, check_size, iam_size, s3_prefix_access
from .trust.github import github_oidc_issuer, github_oidc_provider_arn, github_oidc_trust

__version__ = "0.1.0"

# Public name -> module under iam_patterns.constructs that defines it; imported on first access.
_LAZY_CONSTRUCTS: dict[str, str] = {
    "AccessActivityAlerts": "access_activity_alerts",
    "BoundaryDelegation": "boundary_delegation",
    "GitHubOidcProvider": "github_oidc",
    "GitHubOidcRole": "github_oidc",
    "IamPatternsChecks": "aspects",
    "PermissionSet": "permission_set",
    "PermissionsBoundaryPolicy": "permissions_boundary",
    "ServiceControlPolicy": "service_control_policy",
    "acknowledge_check": "aspects",
    "apply_boundary": "aspects",
    "to_cdk_document": "documents",
}

__all__ = [
    "AccessActivityAlerts",
    "BoundaryDelegation",
    "Decision",
    "GitHubOidcProvider",
    "GitHubOidcRole",
    "IamPatternsChecks",
    "IamPatternsError",
    "PermissionSet",
    "PermissionsBoundaryPolicy",
    "PolicyDocument",
    "Request",
    "ServiceControlPolicy",
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
    "deny_leaving_organization_scp",
    "deny_root_user_scp",
    "evaluate",
    "github_oidc_issuer",
    "github_oidc_provider_arn",
    "github_oidc_trust",
    "iam_size",
    "permissions_boundary",
    "protect_platform_roles_scp",
    "protect_security_services_scp",
    "region_allow_list_scp",
    "require_imdsv2_scp",
    "root_activity_pattern",
    "s3_prefix_access",
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
