"""Named groups of IAM actions that more than one module uses, so the boundary, the delegation policy, the SCPs
and the checks agree on what, say, "editing a boundary" means."""

from __future__ import annotations

__all__ = [
    "BOUNDARY_POLICY_EDITS",
    "BOUNDARY_PUTS",
    "BOUNDARY_REMOVAL",
    "CLOUDTRAIL_DISABLING",
    "ENTITY_CREATION",
    "IAM_WRITES",
]

IAM_WRITES = (
    "iam:Add*",
    "iam:Attach*",
    "iam:Create*",
    "iam:Deactivate*",
    "iam:Delete*",
    "iam:Detach*",
    "iam:Disable*",
    "iam:Enable*",
    "iam:PassRole",
    "iam:Put*",
    "iam:Remove*",
    "iam:Reset*",
    "iam:Resync*",
    "iam:Set*",
    "iam:Tag*",
    "iam:Untag*",
    "iam:Update*",
    "iam:Upload*",
)
"""Every IAM action that creates, changes, grants or passes an identity, credential or policy: what a role
could use to escape a boundary. Reads (``Get*``, ``List*``, ``Generate*``, ``Simulate*``) stay possible."""

BOUNDARY_POLICY_EDITS = (
    "iam:CreatePolicyVersion",
    "iam:DeletePolicy",
    "iam:DeletePolicyVersion",
    "iam:SetDefaultPolicyVersion",
)
"""Editing a managed policy means adding a version, choosing the default version, or deleting it."""

BOUNDARY_REMOVAL = ("iam:DeleteRolePermissionsBoundary", "iam:DeleteUserPermissionsBoundary")
"""Taking a boundary off a role or user."""

BOUNDARY_PUTS = ("iam:PutRolePermissionsBoundary", "iam:PutUserPermissionsBoundary")
"""Setting or replacing the boundary of an existing role or user."""

ENTITY_CREATION = ("iam:CreateRole", "iam:CreateUser")
"""Creating a role or user: like ``BOUNDARY_PUTS``, these carry ``iam:PermissionsBoundary`` (the boundary given)."""

CLOUDTRAIL_DISABLING = (
    "cloudtrail:DeleteTrail",
    "cloudtrail:PutEventSelectors",
    "cloudtrail:StopLogging",
    "cloudtrail:UpdateTrail",
)
"""Stopping, deleting or narrowing a trail: what an intruder does first to go unseen."""
