"""The base of the kit's guardrail managed policies: a fixed name and path, and the pure document it emitted."""

from __future__ import annotations

from typing import Callable

from aws_cdk import aws_iam as iam
from constructs import Construct

from ..policy import PolicyDocument
from ._aws import ACCOUNT_ID, PARTITION
from .documents import to_cdk_document

__all__ = ["NamedManagedPolicy"]


class NamedManagedPolicy(iam.ManagedPolicy):
    """An ``aws_iam.ManagedPolicy`` with a fixed name and path, whose document ``build`` makes and validates.

    The name is fixed because the policy's own ARN appears in its document (it denies edits to itself) and
    because an Identity Center permission set finds it in each account by name and path. ``build`` is one of
    the pure builders that take ``managed_policy_name``, ``path``, ``account`` and ``partition``; it is called
    with this stack's account and partition before anything is emitted.

    Example::

        NamedManagedPolicy(self, "Boundary", build=functools.partial(permissions_boundary, services=["s3"]),
                           managed_policy_name="team-a-boundary", path="/", description=None)
    """

    def __init__(
        self,
        scope: Construct,
        construct_id: str,
        *,
        build: Callable[..., PolicyDocument],
        managed_policy_name: str,
        path: str,
        description: str | None,
    ) -> None:
        document = build(
            managed_policy_name=managed_policy_name, path=path, account=ACCOUNT_ID, partition=PARTITION
        )
        super().__init__(
            scope,
            construct_id,
            managed_policy_name=managed_policy_name,
            path=path,
            description=description,
            document=to_cdk_document(document),
        )
        self.policy_document = document
        """The policy this construct emitted, as a pure ``PolicyDocument``."""
        self.reference = f"{path}{managed_policy_name}"
        """``/PATH/NAME``: how a ``PermissionSet`` refers to this policy in each account."""
