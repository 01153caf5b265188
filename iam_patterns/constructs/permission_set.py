"""``PermissionSet``: IAM Identity Center access for humans, with its account assignments."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from aws_cdk import Duration, Token
from aws_cdk import aws_sso as sso
from constructs import Construct

from ..errors import ValidationError
from ..guardrails import (
    iso_duration,
    policy_reference,
    validate_aws_managed_policy_arn,
    validate_identity_store_id,
    validate_instance_arn,
    validate_permission_set_name,
)
from ..policy import INLINE_POLICIES_PER_ROLE_QUOTA, PolicyDocument, check_size, validate_account_id

__all__ = ["PermissionSet"]

_MAX_DESCRIPTION = 700


def _reference(value: str, parameter: str) -> sso.CfnPermissionSet.CustomerManagedPolicyReferenceProperty:
    name, path = policy_reference(value, parameter=parameter)
    return sso.CfnPermissionSet.CustomerManagedPolicyReferenceProperty(name=name, path=path)


def _boundary(value: str) -> sso.CfnPermissionSet.PermissionsBoundaryProperty:
    if isinstance(value, str) and value.startswith("arn:"):
        validate_aws_managed_policy_arn(value, parameter="permissions_boundary")
        return sso.CfnPermissionSet.PermissionsBoundaryProperty(managed_policy_arn=value)
    return sso.CfnPermissionSet.PermissionsBoundaryProperty(
        customer_managed_policy_reference=_reference(value, "permissions_boundary")
    )


def _assignments(kind: str, parameter: str, assignments: Mapping[str, Sequence[str]]) -> list[tuple[str, str, str]]:
    out = []
    for principal_id, accounts in assignments.items():
        validate_identity_store_id(principal_id, parameter=parameter)
        if isinstance(accounts, str) or not accounts:
            raise ValidationError(parameter, {principal_id: accounts}, "must map each id to a list of account ids")
        out += [(kind, principal_id, validate_account_id(a, parameter=parameter)) for a in accounts]
    return out


class PermissionSet(Construct):
    """An Identity Center permission set and its account assignments (``AWS::SSO::PermissionSet`` and
    ``AWS::SSO::Assignment``).

    The set becomes a role in each assigned account with ``session_duration`` (1 to 12 hours, written as ISO
    8601), the customer managed policies named by ``/PATH/NAME`` (they must exist in each account: deploy a
    ``BoundaryDelegation`` or ``PermissionsBoundaryPolicy`` there and pass its ``.reference``), an inline
    policy, and a permissions boundary (a customer managed reference, or an AWS managed policy ARN). A set
    that attaches no policy at all is refused: it would grant nothing. Do not bound a set that holds a
    ``BoundaryDelegation`` by the ``PermissionsBoundaryPolicy`` it hands out: that boundary denies every IAM
    write, so the delegate could create no role at all.

    Example::

        PermissionSet(self, "TeamADelegate", name="TeamADelegate",
                      instance_arn="arn:aws:sso:::instance/ssoins-1111111111111111",
                      session_duration=Duration.hours(4),
                      customer_managed_policies=[delegation.reference],
                      group_assignments={"9067e1a2-40a1-70f5-5f0d-6f1b0c2e9a11": ["111122223333"]})
        PermissionSet(self, "TeamAOperator", name="TeamAOperator",
                      instance_arn="arn:aws:sso:::instance/ssoins-1111111111111111",
                      inline_policy=read_team_a_tables, permissions_boundary=boundary.reference)
    """

    def __init__(
        self,
        scope: Construct,
        construct_id: str,
        *,
        name: str,
        instance_arn: str,
        session_duration: Duration | None = None,
        customer_managed_policies: Sequence[str] = (),
        inline_policy: PolicyDocument | None = None,
        permissions_boundary: str | None = None,
        group_assignments: Mapping[str, Sequence[str]] | None = None,
        user_assignments: Mapping[str, Sequence[str]] | None = None,
        description: str | None = None,
    ) -> None:
        """
        :param name: The permission set's name, 1 to 32 of ``[\\w+=,.@-]``. Default: required.
        :param instance_arn: The Identity Center instance, ``arn:PARTITION:sso:::instance/ssoins-...``.
            Default: required.
        :param session_duration: How long a sign-in lasts, 1 to 12 hours in whole minutes. Default: 1 hour.
        :param customer_managed_policies: Customer managed policies, as ``NAME`` or ``/PATH/NAME``. Default: none.
        :param inline_policy: An inline policy (no ``Principal``; at most 10,240 characters). Default: none.
        :param permissions_boundary: ``NAME``/``/PATH/NAME`` of a customer managed policy, or an AWS managed
            policy ARN. Default: none.
        :param group_assignments: Identity Store group id -> account ids to assign the set in. Default: none.
        :param user_assignments: Identity Store user id -> account ids to assign the set in. Default: none.
        :param description: What the set is for, at most 700 characters. Default: none.
        """
        validate_permission_set_name(name)
        validate_instance_arn(instance_arn)
        duration = session_duration or Duration.hours(1)
        iso = (
            duration.to_iso_string()
            if Token.is_unresolved(duration.to_string())
            else iso_duration(duration.to_seconds())
        )
        if isinstance(customer_managed_policies, str):
            raise ValidationError(
                "customer_managed_policies", customer_managed_policies, "must be a list of policies, not one string"
            )
        references = [_reference(p, "customer_managed_policies") for p in customer_managed_policies]
        if inline_policy is not None:
            for statement in inline_policy.statements:
                if statement.principal is not None or statement.not_principal is not None:
                    raise ValidationError(
                        "inline_policy", statement.sid, "must not name a Principal (it is an identity policy)"
                    )
            check_size(inline_policy, quota=INLINE_POLICIES_PER_ROLE_QUOTA, parameter="inline_policy")
        if not references and inline_policy is None:
            raise ValidationError(
                "customer_managed_policies/inline_policy",
                None,
                "must attach at least one policy: a set without any grants nothing",
            )
        boundary = _boundary(permissions_boundary) if permissions_boundary is not None else None
        if description is not None and len(description) > _MAX_DESCRIPTION:
            raise ValidationError(
                "description", description[:40] + "...", f"must be at most {_MAX_DESCRIPTION} characters"
            )
        assignments = _assignments("GROUP", "group_assignments", group_assignments or {}) + _assignments(
            "USER", "user_assignments", user_assignments or {}
        )
        super().__init__(scope, construct_id)
        self.inline_policy = inline_policy
        """The inline policy this set carries, as a pure ``PolicyDocument``, or ``None``."""
        self.permission_set = sso.CfnPermissionSet(
            self,
            "Resource",
            name=name,
            instance_arn=instance_arn,
            session_duration=iso,
            customer_managed_policy_references=references or None,
            inline_policy=inline_policy.to_json() if inline_policy is not None else None,
            permissions_boundary=boundary,
            description=description,
        )
        """The ``AWS::SSO::PermissionSet`` resource."""
        self.permission_set_arn = self.permission_set.attr_permission_set_arn
        """The permission set's ARN."""
        self.assignments = [
            sso.CfnAssignment(
                self,
                f"{kind.title()}-{principal_id}-{account}",
                instance_arn=instance_arn,
                permission_set_arn=self.permission_set_arn,
                principal_id=principal_id,
                principal_type=kind,
                target_id=account,
                target_type="AWS_ACCOUNT",
            )
            for kind, principal_id, account in assignments
        ]
        """One ``AWS::SSO::Assignment`` per (user or group, account)."""
