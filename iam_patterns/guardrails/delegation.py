"""AWS's permissions-boundary delegation pattern: let a team create its own roles, never above the boundary.

The delegate (a role, a group, or an Identity Center permission set that has this policy) may create and manage
roles only on one path and name prefix, and only while ``iam:PermissionsBoundary`` is the boundary's ARN: a
role it creates, or any role whose policies it changes, carries the boundary. It may pass those roles only to
the services named (``iam:PassedToService``). Explicit denies hold even if the delegate has other IAM grants:
no edit, new version or deletion of the boundary policy or of this policy, no removal of a boundary, and no
role or user created or re-bounded with any other boundary.

Roles on the path that the delegate did not create (say, an admin's, without the boundary) stay out of reach
for everything that carries ``iam:PermissionsBoundary``; the actions that do not carry it (``iam:DeleteRole``,
``iam:UpdateRole``, tagging) are allowed on the path. ``iam:UpdateAssumeRolePolicy`` is not granted at all: it
would let the delegate make any role on the path trust itself. ``iam:PassRole`` does not carry the boundary key
either, so keep the path for the delegate's roles alone: a role without the boundary on it could be passed.

Example::

    boundary_delegation(
        boundary_arn="arn:aws:iam::111122223333:policy/delegated/team-a-boundary",
        role_path="/team-a/", passed_to_services=["lambda.amazonaws.com"],
        managed_policy_name="team-a-delegation", account="111122223333",
    )
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..errors import ValidationError
from ..policy import (
    MANAGED_POLICY_QUOTA,
    PolicyDocument,
    Statement,
    check_size,
    is_unresolved,
    one_or_many,
    validate_account_id,
    validate_arn,
    validate_non_empty,
    validate_partition,
    validate_role_name,
    validate_role_path,
)
from ..policy.keys import PASSED_TO_SERVICE, PERMISSIONS_BOUNDARY
from ..policy.actions import BOUNDARY_POLICY_EDITS, BOUNDARY_PUTS, BOUNDARY_REMOVAL, ENTITY_CREATION
from ..trust.service import validate_service_principal
from ._validate import managed_policy_arn, validate_policy_name

_ONE_MANAGED_POLICY = re.compile(r"arn:[^:*?]+:iam::(\d{12}|aws):policy/[^*?]+")
"""A managed policy ARN with no wildcard: what a permissions boundary is, and what StringEquals can match."""

__all__ = ["PERMISSIONS_BOUNDARY", "PASSED_TO_SERVICE", "boundary_delegation"]

_BOUNDED_ROLE_ACTIONS = (
    "iam:AttachRolePolicy",
    "iam:CreateRole",
    "iam:DeleteRolePolicy",
    "iam:DetachRolePolicy",
    "iam:PutRolePermissionsBoundary",
    "iam:PutRolePolicy",
)
"""Role actions that carry ``iam:PermissionsBoundary``, so they can be limited to roles with the boundary."""
_PATH_ROLE_ACTIONS = (
    "iam:DeleteRole",
    "iam:TagRole",
    "iam:UntagRole",
    "iam:UpdateRole",
    "iam:UpdateRoleDescription",
)
"""Role actions that do not carry it: limited to the delegated path and prefix only."""
_PATH_POLICY_ACTIONS = ("iam:CreatePolicy", *BOUNDARY_POLICY_EDITS)
_READS = (
    "iam:GetPolicy",
    "iam:GetPolicyVersion",
    "iam:GetRole",
    "iam:GetRolePolicy",
    "iam:ListAttachedRolePolicies",
    "iam:ListPolicies",
    "iam:ListPolicyVersions",
    "iam:ListRolePolicies",
    "iam:ListRoleTags",
    "iam:ListRoles",
)


def boundary_delegation(
    *,
    boundary_arn: str,
    role_path: str,
    passed_to_services: Sequence[str],
    managed_policy_name: str,
    account: str,
    path: str = "/",
    role_name_prefix: str = "",
    partition: str = "aws",
) -> PolicyDocument:
    """The delegation policy ``managed_policy_name`` (on ``path`` in ``account``) for roles on ``role_path``.

    ``role_path`` (``/team-a/``) must not be ``/``: the delegated roles must be set apart from every other
    role in the account. ``role_name_prefix`` narrows further (roles ``/team-a/app-*``). ``passed_to_services``
    are the service principals the delegate may pass its roles to. ``boundary_arn`` names one managed policy exactly
    (no wildcard: the policy pins it with ``StringEquals``). ``boundary_arn``, ``account`` and ``partition`` may be
    CDK tokens. Default: policy path ``/``, no name prefix, partition ``aws``.

    Statements: ``CreateAndChangeRolesOnlyWithTheBoundary``, ``ManageRolesOnThePath``,
    ``ManagePoliciesOnThePath``, ``ReadRolesAndPolicies``, ``PassRolesOnThePathToListedServices``,
    ``DenyEditingTheBoundaryOrThisPolicy``, ``DenyRemovingBoundaries``, ``DenyOtherBoundaries``.

    Example::

        boundary_delegation(boundary_arn=boundary.managed_policy_arn, role_path="/team-a/",
                            passed_to_services=["lambda.amazonaws.com", "ecs-tasks.amazonaws.com"],
                            managed_policy_name="team-a-delegation", account=Aws.ACCOUNT_ID,
                            partition=Aws.PARTITION)
    """
    validate_arn(boundary_arn, parameter="boundary_arn")
    if not is_unresolved(boundary_arn) and not _ONE_MANAGED_POLICY.fullmatch(boundary_arn):
        raise ValidationError(
            "boundary_arn", boundary_arn,
            "must name one managed policy exactly (arn:PARTITION:iam::ACCOUNT:policy/PATH/NAME, no '*' or '?'): the "
            "policy compares it with StringEquals, where a wildcard is literal and matches no boundary",
        )
    validate_role_path(role_path, parameter="role_path")
    if role_path == "/":
        raise ValidationError(
            "role_path", role_path, "must not be '/': the delegated roles need a path of their own such as '/team-a/'"
        )
    if role_name_prefix and not is_unresolved(role_name_prefix):
        validate_role_name(role_name_prefix, parameter="role_name_prefix")
    services = validate_non_empty(passed_to_services, parameter="passed_to_services")
    for service in services:
        validate_service_principal(service, parameter="passed_to_services")
    validate_policy_name(managed_policy_name)
    validate_role_path(path, parameter="path")
    validate_account_id(account, parameter="account")
    validate_partition(partition)
    roles = f"arn:{partition}:iam::{account}:role{role_path}{role_name_prefix}*"
    policies = f"arn:{partition}:iam::{account}:policy{role_path}{role_name_prefix}*"
    own_arn = managed_policy_arn(managed_policy_name, path=path, account=account, partition=partition)
    with_boundary = {"StringEquals": {PERMISSIONS_BOUNDARY: boundary_arn}}
    document = PolicyDocument(
        statements=(
            Statement(
                sid="CreateAndChangeRolesOnlyWithTheBoundary",
                action=_BOUNDED_ROLE_ACTIONS,
                resource=roles,
                condition=with_boundary,
            ),
            Statement(sid="ManageRolesOnThePath", action=_PATH_ROLE_ACTIONS, resource=roles),
            Statement(sid="ManagePoliciesOnThePath", action=_PATH_POLICY_ACTIONS, resource=policies),
            Statement(sid="ReadRolesAndPolicies", action=_READS, resource="*"),
            Statement(
                sid="PassRolesOnThePathToListedServices",
                action="iam:PassRole",
                resource=roles,
                condition={"StringEquals": {PASSED_TO_SERVICE: one_or_many(services)}},
            ),
            Statement(
                sid="DenyEditingTheBoundaryOrThisPolicy",
                effect="Deny",
                action=BOUNDARY_POLICY_EDITS,
                resource=(boundary_arn, own_arn),
            ),
            Statement(sid="DenyRemovingBoundaries", effect="Deny", action=BOUNDARY_REMOVAL, resource="*"),
            Statement(
                sid="DenyOtherBoundaries",
                effect="Deny",
                action=ENTITY_CREATION + BOUNDARY_PUTS,
                resource="*",
                condition={"StringNotEquals": {PERMISSIONS_BOUNDARY: boundary_arn}},
            ),
        )
    )
    check_size(document, quota=MANAGED_POLICY_QUOTA, parameter="boundary delegation policy")
    return document
