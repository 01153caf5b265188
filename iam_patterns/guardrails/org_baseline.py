"""The organization baseline, as pure documents: what ``OrgBaseline`` puts in every member account.

- an **audit role** (``<prefix>audit``) the security account assumes with the agreed ExternalId and with MFA no
  older than 12 hours, for the AWS managed ``SecurityAudit`` policy (read-only: configuration, not data);
- a **break-glass role** (``<prefix>break-glass``) only the named principals assume, with MFA no older than an
  hour, for one-hour sessions of ``AdministratorAccess``; every assumption raises an alert;
- the **permissions boundary** (``<prefix>boundary``) and the **delegation policy** (``<prefix>delegation``) that
  lets a team create roles on its path only under that boundary, for permission sets to reference by name.

``org_baseline`` checks every input and returns the four documents for one account; the construct emits the
same documents through ``CrossAccountRole``, ``PermissionsBoundaryPolicy`` and ``BoundaryDelegation``.

Example::

    docs = org_baseline(security_account="111122223333", external_id="acme-audit-2026",
                        break_glass_principals=["arn:aws:iam::111122223333:user/breakglass-1"],
                        services=["s3", "lambda", "logs"], role_path="/workloads/",
                        passed_to_services=["lambda.amazonaws.com"], account="444455556666")
    docs.audit_trust.to_json_string()
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..policy import PolicyDocument, validate_account_id, validate_external_id, validate_non_empty, validate_pattern
from ..trust.cross_account import cross_account_trust, validate_principal_arn
from ._validate import managed_policy_arn
from .boundary import permissions_boundary
from .delegation import boundary_delegation

__all__ = [
    "AUDIT_MFA_MAX_AGE",
    "AUDIT_POLICY",
    "BREAK_GLASS_MFA_MAX_AGE",
    "BREAK_GLASS_POLICY",
    "BREAK_GLASS_SESSION",
    "OrgBaselineDocuments",
    "OrgBaselineNames",
    "org_baseline",
]

AUDIT_POLICY = "SecurityAudit"
"""The AWS managed policy of the audit role: read access to security configuration, not to data."""
BREAK_GLASS_POLICY = "AdministratorAccess"
"""The AWS managed policy of the break-glass role: everything, which is what an emergency needs."""
AUDIT_MFA_MAX_AGE = 43_200
"""How long ago the auditor's MFA may have been used, in seconds (12 hours: a working day)."""
BREAK_GLASS_MFA_MAX_AGE = 3_600
"""How long ago a break-glass caller's MFA may have been used, in seconds (1 hour)."""
BREAK_GLASS_SESSION = 3_600
"""The break-glass role's session length, in seconds: 1 hour, the shortest IAM allows."""

_NAME_PREFIX = re.compile(r"[\w+=,.@-]{0,53}")  # 53 + len("break-glass") = 64, IAM's longest role name


@dataclass(frozen=True)
class OrgBaselineNames:
    """The fixed names of the baseline's roles and policies, the same in every account.

    Example::

        OrgBaselineNames.with_prefix("acme-").break_glass_role   # "acme-break-glass"
    """

    audit_role: str
    break_glass_role: str
    boundary: str
    delegation: str

    @classmethod
    def with_prefix(cls, prefix: str) -> OrgBaselineNames:
        """The names ``<prefix>audit``, ``<prefix>break-glass``, ``<prefix>boundary``, ``<prefix>delegation``.

        Example::

            OrgBaselineNames.with_prefix("org-")
        """
        validate_pattern(
            prefix,
            _NAME_PREFIX,
            "must be at most 53 characters of letters, digits and +=,.@_-",
            parameter="name_prefix",
        )
        return cls(f"{prefix}audit", f"{prefix}break-glass", f"{prefix}boundary", f"{prefix}delegation")


@dataclass(frozen=True)
class OrgBaselineDocuments:
    """The baseline of one account: its names, the two roles' trust policies, the boundary and the delegation.

    Example::

        docs = org_baseline(...)
        docs.names.audit_role, docs.audit_trust.to_json_string()
    """

    names: OrgBaselineNames
    audit_trust: PolicyDocument
    break_glass_trust: PolicyDocument
    boundary: PolicyDocument
    delegation: PolicyDocument


def org_baseline(
    *,
    security_account: str,
    external_id: str,
    break_glass_principals: Sequence[str],
    services: Sequence[str],
    role_path: str,
    passed_to_services: Sequence[str],
    account: str,
    name_prefix: str = "org-",
    partition: str = "aws",
) -> OrgBaselineDocuments:
    """The baseline documents of ``account``, every input checked.

    ``security_account`` is trusted (its root: any principal it lets assume roles) by the audit role, with
    ``external_id`` and MFA; ``break_glass_principals`` (role or user ARNs: an IAM user with MFA, since a role
    session carries none) by the break-glass role, with MFA. ``services``, ``role_path`` and
    ``passed_to_services`` are the boundary's and the delegation's (see ``permissions_boundary`` and
    ``boundary_delegation``). ``account`` and ``partition`` may be CDK tokens. Default: prefix ``org-``,
    partition ``aws``.

    Example::

        org_baseline(security_account="111122223333", external_id="acme-audit-2026",
                     break_glass_principals=["arn:aws:iam::111122223333:user/breakglass-1"],
                     services=["s3"], role_path="/workloads/", passed_to_services=["lambda.amazonaws.com"],
                     account="444455556666").break_glass_trust
    """
    names = OrgBaselineNames.with_prefix(name_prefix)
    validate_account_id(security_account, parameter="security_account")
    validate_external_id(external_id, parameter="external_id")
    principals = validate_non_empty(break_glass_principals, parameter="break_glass_principals")
    for principal in principals:
        validate_principal_arn(principal, parameter="break_glass_principals")
    boundary = permissions_boundary(
        services=services, managed_policy_name=names.boundary, account=account, partition=partition
    )
    return OrgBaselineDocuments(
        names=names,
        audit_trust=cross_account_trust(
            trusted_accounts=[security_account], external_id=external_id, mfa_max_age=AUDIT_MFA_MAX_AGE,
            partition=partition,
        ),
        break_glass_trust=cross_account_trust(
            trusted_principals=principals, mfa_max_age=BREAK_GLASS_MFA_MAX_AGE, partition=partition
        ),
        boundary=boundary,
        delegation=boundary_delegation(
            boundary_arn=managed_policy_arn(names.boundary, path="/", account=account, partition=partition),
            role_path=role_path,
            passed_to_services=passed_to_services,
            managed_policy_name=names.delegation,
            account=account,
            partition=partition,
        ),
    )
