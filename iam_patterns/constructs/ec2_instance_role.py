"""``Ec2InstanceRole``: the role of an EC2 instance, with its instance profile, and IMDSv2 required in its stack."""

from __future__ import annotations

from aws_cdk import Stack
from aws_cdk import aws_iam as iam
from constructs import Construct
from typing_extensions import Unpack

from ..policy import PolicyDocument, session_manager_access
from ..trust.service import EC2_SERVICE, service_trust_statements
from ._role import PatternRole, RoleOptions
from .require_imdsv2 import RequireImdsv2

__all__ = ["Ec2InstanceRole"]


class Ec2InstanceRole(PatternRole):
    """A role that EC2 instances assume (``ec2.amazonaws.com``, Sid ``AllowEC2ToAssume``), with its instance profile.

    Creating it adds ``RequireImdsv2`` to its stack: every instance and launch template there must use IMDSv2, so
    the role's credentials cannot be read through an SSRF bug with a single GET. Opt out only with
    ``unsafe_allow_imdsv1=True``. ``session_manager`` inlines the minimal Session Manager permissions
    (``session_manager_access``). Grant what the instance's software needs as with any role (``bucket.grant_read(role)``,
    ``role.add_to_policy(...)``, ``managed_policies=``).

    Example::

        role = Ec2InstanceRole(self, "Web", session_manager=True)
        ec2.LaunchTemplate(self, "Template", instance_profile=role.instance_profile)
    """

    def __init__(
        self,
        scope: Construct,
        construct_id: str,
        *,
        session_manager: bool = False,
        unsafe_allow_imdsv1: bool = False,
        **options: Unpack[RoleOptions],
    ) -> None:
        """
        :param session_manager: Inline the minimal permissions SSM Agent needs for Session Manager. Default: False.
        :param unsafe_allow_imdsv1: Do not require IMDSv2 in this role's stack (instances could then leak the
            role's credentials to any SSRF bug). Default: False (IMDSv2 required).
        """
        trust = PolicyDocument(statements=service_trust_statements(EC2_SERVICE))
        inline = {"session-manager": session_manager_access()} if session_manager else None
        super().__init__(scope, construct_id, trust_policy=trust, inline_policies=inline, **options)
        self.instance_profile = iam.InstanceProfile(self, "InstanceProfile", role=self, path=options.get("path"))
        """The instance profile that hands this role to instances (``LaunchTemplate(instance_profile=...)``)."""
        if not unsafe_allow_imdsv1:
            RequireImdsv2.apply(scope if isinstance(scope, Stack) else Stack.of(scope))
