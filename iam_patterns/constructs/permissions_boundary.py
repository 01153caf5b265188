"""``PermissionsBoundaryPolicy``: the managed policy that is the ceiling for delegated roles."""

from __future__ import annotations

import functools
from collections.abc import Sequence

from constructs import Construct

from ..guardrails import permissions_boundary
from ._named_policy import NamedManagedPolicy

__all__ = ["PermissionsBoundaryPolicy"]


class PermissionsBoundaryPolicy(NamedManagedPolicy):
    """A permissions boundary that allows the listed services and denies every way out of them.

    Allows ``SERVICE:*`` for each of ``services``; denies IAM writes (users, keys, roles, policies,
    attachments, trust, ``iam:PassRole``), removing or replacing a boundary, editing this policy, Organizations
    and account actions, and stopping CloudTrail (see ``iam_patterns.guardrails.permissions_boundary``). Use it
    as ``permissions_boundary=`` of a role, with ``apply_boundary(scope, boundary)``, with a
    ``BoundaryDelegation``, or as a ``PermissionSet``'s boundary (by ``.reference``).

    Example::

        boundary = PermissionsBoundaryPolicy(self, "Boundary", services=["s3", "dynamodb", "logs"],
                                             managed_policy_name="team-a-boundary", path="/delegated/")
    """

    def __init__(
        self,
        scope: Construct,
        construct_id: str,
        *,
        services: Sequence[str],
        managed_policy_name: str,
        path: str = "/",
        description: str | None = None,
    ) -> None:
        """
        :param services: Service prefixes the boundary allows (``s3``, ``lambda``). Default: required.
        :param managed_policy_name: The policy's fixed name. Default: required.
        :param path: The policy's IAM path. Default: ``/``.
        :param description: What the boundary is for. Default: none.
        """
        super().__init__(
            scope,
            construct_id,
            build=functools.partial(permissions_boundary, services=services),
            managed_policy_name=managed_policy_name,
            path=path,
            description=description,
        )
