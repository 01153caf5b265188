"""``CrossAccountRole``: a role other accounts assume only with the agreed ExternalId and with MFA."""

from __future__ import annotations

from collections.abc import Sequence

from aws_cdk import Duration, Stack
from constructs import Construct
from typing_extensions import Unpack

from ..trust.cross_account import cross_account_trust
from ._role import PatternRole, RoleOptions, duration_seconds

__all__ = ["CrossAccountRole"]


class CrossAccountRole(PatternRole):
    """A role that principals of other accounts assume (``sts:AssumeRole``) with guardrails, as in the guide.

    ``trusted_accounts`` become ``arn:PARTITION:iam::ACCOUNT:root`` (any principal the account lets assume roles),
    ``trusted_principals`` name roles or users. ``external_id`` adds ``StringEquals`` ``sts:ExternalId`` (the
    third-party confused-deputy guard); MFA (``Bool`` ``aws:MultiFactorAuthPresent``) is required unless
    ``require_mfa=False``, and ``mfa_max_age`` limits how old it may be. ``trusted_services`` (such as
    ``ec2.amazonaws.com``) get their own statement. Takes the common role options.

    Example::

        CrossAccountRole(self, "AppUploads", trusted_accounts=["111122223333"], external_id="acme-prod-2026",
                         trusted_services=["ec2.amazonaws.com"])   # the guide's trust policy
    """

    def __init__(
        self,
        scope: Construct,
        construct_id: str,
        *,
        trusted_accounts: Sequence[str] = (),
        trusted_principals: Sequence[str] = (),
        external_id: str | None = None,
        require_mfa: bool = True,
        mfa_max_age: Duration | None = None,
        trusted_services: Sequence[str] = (),
        **options: Unpack[RoleOptions],
    ) -> None:
        """
        :param trusted_accounts: Account ids whose principals may assume the role. Default: none.
        :param trusted_principals: Role or user ARNs that may assume the role. Default: none.
        :param external_id: The ``sts:ExternalId`` callers must pass (2 to 1,224 of ``[\\w+=,.@:/-]``). Default: none.
        :param require_mfa: Require ``aws:MultiFactorAuthPresent``. Default: True.
        :param mfa_max_age: How long ago MFA may have been used (``aws:MultiFactorAuthAge``). Default: no limit.
        :param trusted_services: Service principals that may also assume the role. Default: none.
        """
        trust = cross_account_trust(
            trusted_accounts=trusted_accounts,
            trusted_principals=trusted_principals,
            external_id=external_id,
            require_mfa=require_mfa,
            mfa_max_age=None if mfa_max_age is None else duration_seconds(mfa_max_age),
            trusted_services=trusted_services,
            partition=Stack.of(scope).partition,
        )
        super().__init__(scope, construct_id, trust_policy=trust, **options)

