"""The permissions boundary for delegated roles: the services a team may use, and nothing that escapes that.

A boundary never grants anything by itself; it is the ceiling on what a role's own policies can grant. This one
allows every action of the services listed, and denies what would let a role under it climb out: IAM writes
(new users, keys, roles, policies, attachments, trust changes, ``iam:PassRole``), removing or replacing a
boundary, editing this boundary policy, Organizations and account actions, and stopping CloudTrail. The
explicit denies overlap on purpose (IAM writes include boundary changes): each stands on its own, so narrowing
one never reopens what another closes.

Example::

    permissions_boundary(services=["s3", "dynamodb", "logs"], managed_policy_name="team-a-boundary",
                         path="/delegated/", account="111122223333")
"""

from __future__ import annotations

from collections.abc import Sequence

from ..errors import ValidationError
from ..policy import (
    MANAGED_POLICY_QUOTA,
    PolicyDocument,
    Statement,
    check_size,
    one_or_many,
    validate_account_id,
    validate_non_empty,
    validate_partition,
    validate_role_path,
)
from ..policy.actions import BOUNDARY_POLICY_EDITS, BOUNDARY_PUTS, BOUNDARY_REMOVAL, CLOUDTRAIL_DISABLING, IAM_WRITES
from ._validate import managed_policy_arn, validate_policy_name, validate_service_prefix

__all__ = ["DENIED_SERVICES", "permissions_boundary"]

DENIED_SERVICES = ("account", "organizations")
"""Services the boundary denies outright; listing one of them as allowed is refused as a contradiction."""


def permissions_boundary(
    *,
    services: Sequence[str],
    managed_policy_name: str,
    account: str,
    path: str = "/",
    partition: str = "aws",
) -> PolicyDocument:
    """The boundary policy ``managed_policy_name`` (on ``path`` in ``account``) that allows ``services`` only.

    ``services`` are service prefixes (``s3``, ``lambda``); each becomes ``PREFIX:*``. ``"*"`` is refused (a
    boundary that allows every service is no ceiling), and so are ``organizations`` and ``account``, which the
    boundary denies. The policy's own ARN is built from its name, path, account and partition, so it can deny
    edits to itself; ``account`` and ``partition`` may be CDK tokens. Default: path ``/``, partition ``aws``.

    Statements: ``AllowListedServices``, ``DenyIamEscalation``, ``DenyRemovingOrReplacingBoundaries``,
    ``DenyEditingThisBoundary``, ``DenyOrganizationsAndAccountActions``, ``DenyDisablingCloudTrail``.

    Example::

        doc = permissions_boundary(services=["s3", "logs"], managed_policy_name="team-a-boundary",
                                   account="111122223333")
    """
    services = validate_non_empty(services, parameter="services")
    for service in services:
        if service == "*":
            raise ValidationError(
                "services", service, "must list services by prefix: a boundary that allows '*' is no ceiling"
            )
        validate_service_prefix(service)
        if service in DENIED_SERVICES:
            raise ValidationError(
                "services", service, f"must not name {' or '.join(DENIED_SERVICES)}, which the boundary denies"
            )
    validate_policy_name(managed_policy_name)
    validate_role_path(path, parameter="path")
    validate_account_id(account, parameter="account")
    validate_partition(partition)
    own_arn = managed_policy_arn(managed_policy_name, path=path, account=account, partition=partition)
    document = PolicyDocument(
        statements=(
            Statement(
                sid="AllowListedServices", action=one_or_many(f"{s}:*" for s in dict.fromkeys(services)), resource="*"
            ),
            Statement(sid="DenyIamEscalation", effect="Deny", action=IAM_WRITES, resource="*"),
            Statement(
                sid="DenyRemovingOrReplacingBoundaries",
                effect="Deny",
                action=BOUNDARY_REMOVAL + BOUNDARY_PUTS,
                resource="*",
            ),
            Statement(sid="DenyEditingThisBoundary", effect="Deny", action=BOUNDARY_POLICY_EDITS, resource=own_arn),
            Statement(
                sid="DenyOrganizationsAndAccountActions",
                effect="Deny",
                action=tuple(f"{s}:*" for s in DENIED_SERVICES),
                resource="*",
            ),
            Statement(sid="DenyDisablingCloudTrail", effect="Deny", action=CLOUDTRAIL_DISABLING, resource="*"),
        )
    )
    check_size(document, quota=MANAGED_POLICY_QUOTA, parameter="permissions boundary")
    return document
