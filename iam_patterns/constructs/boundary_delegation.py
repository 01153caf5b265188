"""``BoundaryDelegation``: AWS's delegation pattern, as a managed policy for a role, group or permission set."""

from __future__ import annotations

import functools
from collections.abc import Sequence

from aws_cdk import aws_iam as iam
from constructs import Construct

from ..guardrails import boundary_delegation
from ._named_policy import NamedManagedPolicy

__all__ = ["BoundaryDelegation"]


class BoundaryDelegation(NamedManagedPolicy):
    """Lets whoever has it create and manage roles on ``role_path``, only with ``boundary`` on them.

    Creating a role, putting its boundary, and attaching, putting, detaching or deleting its policies are
    allowed only on ``role_path`` + ``role_name_prefix`` and only while ``iam:PermissionsBoundary`` is the
    boundary's ARN; ``iam:PassRole`` only for those roles and only to ``passed_to_services``. Denied whatever
    else the holder may have: editing, versioning or deleting the boundary or this policy, removing a boundary,
    and creating or re-bounding a role or user with any other boundary (see
    ``iam_patterns.guardrails.boundary_delegation``). Attach it with ``attach_to_role``/``attach_to_group``,
    or reference it from a ``PermissionSet`` by ``.reference``.

    Example::

        delegation = BoundaryDelegation(self, "Delegation", boundary=boundary, role_path="/team-a/",
                                        passed_to_services=["lambda.amazonaws.com"],
                                        managed_policy_name="team-a-delegation")
        delegation.attach_to_role(team_a_deployer)
    """

    def __init__(
        self,
        scope: Construct,
        construct_id: str,
        *,
        boundary: iam.IManagedPolicy,
        role_path: str,
        passed_to_services: Sequence[str],
        managed_policy_name: str,
        role_name_prefix: str = "",
        path: str = "/",
        description: str | None = None,
    ) -> None:
        """
        :param boundary: The boundary every delegated role must carry. Default: required.
        :param role_path: The IAM path of the delegated roles, not ``/`` (``/team-a/``). Default: required.
        :param passed_to_services: Service principals the roles may be passed to. Default: required.
        :param managed_policy_name: This policy's fixed name. Default: required.
        :param role_name_prefix: A name prefix the delegated roles must also have. Default: none.
        :param path: This policy's IAM path. Default: ``/``.
        :param description: What the delegation is for. Default: none.
        """
        super().__init__(
            scope,
            construct_id,
            build=functools.partial(
                boundary_delegation,
                boundary_arn=boundary.managed_policy_arn,
                role_path=role_path,
                passed_to_services=passed_to_services,
                role_name_prefix=role_name_prefix,
            ),
            managed_policy_name=managed_policy_name,
            path=path,
            description=description,
        )
        self.boundary = boundary
        """The boundary the delegated roles must carry."""
