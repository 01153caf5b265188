"""The base of the kit's guardrail managed policies: a fixed name and path, and the pure document it emitted."""

from __future__ import annotations

from aws_cdk import aws_iam as iam
from constructs import Construct

from ..policy import PolicyDocument
from .documents import to_cdk_document

__all__ = ["NamedManagedPolicy"]


class NamedManagedPolicy(iam.ManagedPolicy):
    """An ``aws_iam.ManagedPolicy`` with a fixed name and path, built from a validated pure document.

    The name is fixed because the policy's own ARN appears in its document (it denies edits to itself) and
    because an Identity Center permission set finds it in each account by name and path.

    Example::

        NamedManagedPolicy(self, "Boundary", document=doc, managed_policy_name="team-a-boundary", path="/")
    """

    def __init__(
        self,
        scope: Construct,
        construct_id: str,
        *,
        document: PolicyDocument,
        managed_policy_name: str,
        path: str,
        description: str | None,
    ) -> None:
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
