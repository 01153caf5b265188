"""``ServiceControlPolicy``: an ``AWS::Organizations::Policy`` of type ``SERVICE_CONTROL_POLICY`` with targets."""

from __future__ import annotations

from collections.abc import Sequence

from aws_cdk import aws_organizations as organizations
from constructs import Construct

from ..errors import ValidationError
from ..guardrails import check_scp, validate_target_id
from ..policy import PolicyDocument, is_unresolved

__all__ = ["ServiceControlPolicy"]

_MAX_NAME = 128
_MAX_DESCRIPTION = 512


class ServiceControlPolicy(organizations.CfnPolicy):
    """A service control policy, attached to the roots, OUs and accounts in ``target_ids``.

    Build ``document`` with the SCP builders of ``iam_patterns.guardrails`` (``deny_root_user_scp``,
    ``require_imdsv2_scp``, ``deny_leaving_organization_scp``, ``protect_security_services_scp``,
    ``region_allow_list_scp``, ``protect_platform_roles_scp``) or your own; it is refused if a statement names
    a principal or it is over the 5,120-byte quota (``check_scp``). Deploy it from the management account (or
    a delegated administrator for Organizations); SCPs never restrict the management account itself.

    Example::

        ServiceControlPolicy(self, "DenyRoot", policy_name="deny-root-user",
                             document=deny_root_user_scp(partition=Aws.PARTITION),
                             target_ids=["ou-ab12-cd34ef56"])
    """

    def __init__(
        self,
        scope: Construct,
        construct_id: str,
        *,
        document: PolicyDocument,
        policy_name: str,
        target_ids: Sequence[str] = (),
        description: str | None = None,
    ) -> None:
        """
        :param document: The SCP. Default: required.
        :param policy_name: The policy's name in Organizations, 1 to 128 characters. Default: required.
        :param target_ids: Root (``r-xxxx``), OU (``ou-xxxx-xxxxxxxx``) and account ids it is attached to.
            Default: none (created, not attached).
        :param description: What the SCP is for, at most 512 characters. Default: none.
        """
        check_scp(document, parameter="document")
        if not is_unresolved(policy_name) and not (isinstance(policy_name, str) and 1 <= len(policy_name) <= _MAX_NAME):
            raise ValidationError("policy_name", policy_name, f"must be 1 to {_MAX_NAME} characters")
        if description is not None and len(description) > _MAX_DESCRIPTION:
            raise ValidationError(
                "description", description[:40] + "...", f"must be at most {_MAX_DESCRIPTION} characters"
            )
        targets = [validate_target_id(t) for t in target_ids] if not isinstance(target_ids, str) else None
        if targets is None:
            raise ValidationError("target_ids", target_ids, "must be a list of ids, not one string")
        if len(set(targets)) != len(targets):
            raise ValidationError("target_ids", targets, "must not name a target twice")
        super().__init__(
            scope,
            construct_id,
            content=document.to_json(),
            name=policy_name,
            type="SERVICE_CONTROL_POLICY",
            target_ids=targets or None,
            description=description,
        )
        self.policy_document = document
        """The SCP this construct emitted, as a pure ``PolicyDocument``."""
