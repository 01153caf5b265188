"""OIDC web-identity trust: the statement(s) that let tokens from one identity provider assume a role.

Shared by every OIDC pattern (GitHub Actions, EKS IRSA, ...). The audience is always pinned with
``StringEquals``; exact subjects go in one statement with ``StringEquals`` and wildcard subjects in another
with ``StringLike`` (two statements, because conditions inside one statement are ANDed: a subject must match
one list or the other, not both). ``ForAllValues:`` is never used: in an Allow it is true when the claim is
absent. Further claims (GitHub's ``job_workflow_ref``, ...) can be required too: each is added to every
statement, so a token must match the audience, a subject AND every further claim.

Example::

    web_identity_statements(
        provider_arn="arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com",
        issuer="token.actions.githubusercontent.com",
        audiences=["sts.amazonaws.com"],
        subjects=["repo:acme/app:ref:refs/heads/main", "repo:acme/app:environment:*"],
        sid="AllowGitHubActions",
    )
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..errors import ValidationError
from ..policy import Statement, one_or_many, validate_non_empty
from ..policy.document import Values

__all__ = ["ASSUME_ROLE_WITH_WEB_IDENTITY", "condition_key", "has_wildcard", "web_identity_statements"]

ASSUME_ROLE_WITH_WEB_IDENTITY = "sts:AssumeRoleWithWebIdentity"


def has_wildcard(value: str) -> bool:
    """Whether ``value`` uses IAM's ``StringLike`` wildcards (``*`` or ``?``).

    Example::

        has_wildcard("repo:acme/app:ref:refs/heads/release-*")   # True
    """
    return "*" in value or "?" in value


def condition_key(issuer: str, claim: str) -> str:
    """The IAM condition key for ``claim`` of tokens from ``issuer`` (its URL without ``https://``).

    Example::

        condition_key("token.actions.githubusercontent.com", "sub")  # "token.actions.githubusercontent.com:sub"
    """
    return f"{issuer.removeprefix('https://')}:{claim}"


def web_identity_statements(
    *,
    provider_arn: str,
    issuer: str,
    audiences: Sequence[str],
    subjects: Sequence[str],
    sid: str,
    actions: Sequence[str] = (ASSUME_ROLE_WITH_WEB_IDENTITY,),
    claims: Mapping[str, Sequence[str]] | None = None,
) -> tuple[Statement, ...]:
    """Trust statements for tokens from ``issuer`` whose ``aud`` is one of ``audiences`` and ``sub`` one of
    ``subjects``.

    One statement (Sid ``sid``) holds the exact subjects with ``StringEquals``; if any subject has a wildcard,
    a second statement (Sid ``sid + "Wildcard"``) holds those with ``StringLike``. Both pin the audience.
    ``actions`` may add ``sts:TagSession``. Default: ``sts:AssumeRoleWithWebIdentity`` only.
    ``claims`` maps further claim names to the values the token must hold, one of each list, in every statement;
    a claim is one condition key, so it sits under one operator: ``StringLike`` if any of its values has a
    wildcard (``StringLike`` matches a value without wildcards exactly), ``StringEquals`` otherwise.
    Default: no further claims.

    Example::

        web_identity_statements(provider_arn=arn, issuer=issuer, audiences=["sts.amazonaws.com"],
                                subjects=["system:serviceaccount:payments:api"], sid="AllowPaymentsApi")
    """
    audiences = validate_non_empty(audiences, parameter="audiences")
    subjects = validate_non_empty(subjects, parameter="subjects")
    further = {
        name: validate_non_empty(values, parameter=f"claims[{name!r}]") for name, values in (claims or {}).items()
    }
    for name in further:
        if name in ("aud", "sub"):
            raise ValidationError("claims", name, "must not name 'aud' or 'sub' (use audiences and subjects)")
    aud, sub = condition_key(issuer, "aud"), condition_key(issuer, "sub")
    exact = tuple(s for s in subjects if not has_wildcard(s))
    wildcard = tuple(s for s in subjects if has_wildcard(s))
    action = one_or_many(actions)

    def statement(statement_sid: str, operator: str, matched: tuple[str, ...]) -> Statement:
        condition: dict[str, dict[str, Values]] = {"StringEquals": {aud: one_or_many(audiences)}}
        condition.setdefault(operator, {})[sub] = one_or_many(matched)
        for name, values in further.items():
            claim_operator = "StringLike" if any(has_wildcard(v) for v in values) else "StringEquals"
            condition.setdefault(claim_operator, {})[condition_key(issuer, name)] = one_or_many(values)
        return Statement(
            sid=statement_sid, principal={"Federated": provider_arn}, action=action, condition=condition
        )

    out = []
    if exact:
        out.append(statement(sid, "StringEquals", exact))
    if wildcard:
        out.append(statement(f"{sid}Wildcard" if exact else sid, "StringLike", wildcard))
    return tuple(out)
