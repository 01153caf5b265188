"""Cross-account trust with guardrails: other accounts (or named roles and users in them) may assume a role only
with the agreed ``sts:ExternalId`` and with MFA.

The guide's trust policy is this pattern plus EC2: ``AllowEC2ToAssume`` then ``AllowTrustedAccountWithGuardrails``
(``arn:aws:iam::111122223333:root``, ``StringEquals`` ``sts:ExternalId``, ``Bool`` ``aws:MultiFactorAuthPresent``).
MFA is required unless ``require_mfa=False``; ``mfa_max_age`` adds ``NumericLessThan`` ``aws:MultiFactorAuthAge``.
A session that is itself a role session carries no MFA, so an MFA-guarded role cannot be reached by role chaining.

Example::

    cross_account_trust(trusted_accounts=["111122223333"], external_id="acme-prod-2026",
                        trusted_services=["ec2.amazonaws.com"])   # exactly the guide's trust policy
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..errors import ValidationError
from ..policy import (
    PARTITIONS,
    PolicyDocument,
    Statement,
    is_unresolved,
    one_or_many,
    validate_account_id,
    validate_external_id,
    validate_partition,
    validate_pattern,
)
from ..policy.keys import MFA_AGE, MFA_PRESENT, STS_EXTERNAL_ID
from .service import ASSUME_ROLE, service_trust_statements

__all__ = ["GUARDED_ACCOUNT_SID", "MAX_MFA_AGE", "cross_account_trust"]

GUARDED_ACCOUNT_SID = "AllowTrustedAccountWithGuardrails"
MAX_MFA_AGE = 129_600
"""The longest an MFA-authenticated session can last (36 hours, GetSessionToken's maximum), in seconds."""

_IAM_PRINCIPAL = re.compile(rf"arn:({'|'.join(PARTITIONS)}):iam::\d{{12}}:(root|(role|user)/[\w+=,.@/-]+)")


def _validate_principal(arn: str) -> str:
    return validate_pattern(
        arn,
        _IAM_PRINCIPAL,
        "must be the ARN of an account root, role or user, such as arn:aws:iam::111122223333:role/deployer",
        parameter="trusted_principals",
    )


def _validate_mfa_age(seconds: int | None, require_mfa: bool) -> None:
    if seconds is None or is_unresolved(seconds):
        return
    if not require_mfa:
        raise ValidationError("mfa_max_age", seconds, "needs require_mfa=True", shown=f"{seconds} s")
    if isinstance(seconds, bool) or not isinstance(seconds, int) or not 1 <= seconds <= MAX_MFA_AGE:
        raise ValidationError(
            "mfa_max_age",
            seconds,
            f"must be a whole number of seconds from 1 to {MAX_MFA_AGE:,} (36 hours, the longest MFA session)",
            shown=f"{seconds} s" if isinstance(seconds, (int, float)) else None,
        )


def cross_account_trust(
    *,
    trusted_accounts: Sequence[str] = (),
    trusted_principals: Sequence[str] = (),
    external_id: str | None = None,
    require_mfa: bool = True,
    mfa_max_age: int | None = None,
    trusted_services: Sequence[str] = (),
    partition: str = "aws",
    sid: str = GUARDED_ACCOUNT_SID,
) -> PolicyDocument:
    """The trust policy that lets ``trusted_accounts`` (their root: any principal the account allows) and
    ``trusted_principals`` (role or user ARNs) assume a role with ``external_id`` and MFA.

    ``trusted_services`` (such as ``ec2.amazonaws.com``) each get their own statement first, as in the guide;
    services AWS documents as confused-deputy prone are refused here (use ``service_role_trust`` with source
    guards). ``mfa_max_age`` is in seconds. ``partition`` may be a CDK token. Default: MFA required, no ExternalId,
    no MFA age limit, no services, partition ``aws``, Sid ``AllowTrustedAccountWithGuardrails``.

    Example::

        cross_account_trust(trusted_principals=["arn:aws:iam::111122223333:role/auditor"],
                            external_id="acme-prod-2026", mfa_max_age=3600)
    """
    validate_partition(partition, parameter="partition")
    accounts = tuple(validate_account_id(a, parameter="trusted_accounts") for a in trusted_accounts)
    principals = tuple(_validate_principal(p) for p in trusted_principals)
    if not accounts and not principals:
        raise ValidationError(
            "trusted_accounts", list(accounts), "must name at least one account, or trusted_principals a role or user"
        )
    if external_id is not None:
        validate_external_id(external_id, parameter="external_id")
    _validate_mfa_age(mfa_max_age, require_mfa)
    services = tuple(
        statement
        for service in trusted_services
        for statement in service_trust_statements(service, parameter="trusted_services")
    )
    condition: dict[str, dict[str, str]] = {}
    if external_id is not None:
        condition["StringEquals"] = {STS_EXTERNAL_ID: external_id}
    if require_mfa:
        condition["Bool"] = {MFA_PRESENT: "true"}
    if mfa_max_age is not None:
        condition["NumericLessThan"] = {MFA_AGE: str(mfa_max_age)}
    guarded = Statement(
        sid=sid,
        principal={"AWS": one_or_many([f"arn:{partition}:iam::{a}:root" for a in accounts] + list(principals))},
        action=ASSUME_ROLE,
        condition=condition or None,
    )
    return PolicyDocument(statements=(*services, guarded))
