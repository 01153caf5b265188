"""OIDC web-identity trust: the statement(s) that let tokens from one identity provider assume a role.

Shared by every OIDC pattern (GitHub Actions, EKS IRSA, ...). The audience is always pinned with
``StringEquals``; exact subjects go in one statement with ``StringEquals`` and wildcard subjects in another
with ``StringLike`` (two statements, because conditions inside one statement are ANDed: a subject must match
one list or the other, not both). ``ForAllValues:`` is never used: in an Allow it is true when the claim is
absent.

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

from collections.abc import Sequence

from ..errors import ValidationError
from ..policy import Statement, one_or_many

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


def _non_empty(parameter: str, values: Sequence[str]) -> tuple[str, ...]:
    values = tuple(values)
    if not values:
        raise ValidationError(parameter, [], "must name at least one value")
    for value in values:
        if not isinstance(value, str) or not value:
            raise ValidationError(parameter, value, "must be a non-empty string")
    return values


def web_identity_statements(
    *,
    provider_arn: str,
    issuer: str,
    audiences: Sequence[str],
    subjects: Sequence[str],
    sid: str,
    actions: Sequence[str] = (ASSUME_ROLE_WITH_WEB_IDENTITY,),
) -> tuple[Statement, ...]:
    """Trust statements for tokens from ``issuer`` whose ``aud`` is one of ``audiences`` and ``sub`` one of
    ``subjects``.

    One statement (Sid ``sid``) holds the exact subjects with ``StringEquals``; if any subject has a wildcard,
    a second statement (Sid ``sid + "Wildcard"``) holds those with ``StringLike``. Both pin the audience.
    ``actions`` may add ``sts:TagSession``. Default: ``sts:AssumeRoleWithWebIdentity`` only.

    Example::

        web_identity_statements(provider_arn=arn, issuer=issuer, audiences=["sts.amazonaws.com"],
                                subjects=["system:serviceaccount:payments:api"], sid="AllowPaymentsApi")
    """
    audiences = _non_empty("audiences", audiences)
    subjects = _non_empty("subjects", subjects)
    aud, sub = condition_key(issuer, "aud"), condition_key(issuer, "sub")
    exact = tuple(s for s in subjects if not has_wildcard(s))
    wildcard = tuple(s for s in subjects if has_wildcard(s))
    action = one_or_many(actions)

    def statement(statement_sid: str, operator: str, matched: tuple[str, ...]) -> Statement:
        condition = {"StringEquals": {aud: one_or_many(audiences)}}
        if operator == "StringEquals":
            condition["StringEquals"][sub] = one_or_many(matched)
        else:
            condition[operator] = {sub: one_or_many(matched)}
        return Statement(
            sid=statement_sid, principal={"Federated": provider_arn}, action=action, condition=condition
        )

    out = []
    if exact:
        out.append(statement(sid, "StringEquals", exact))
    if wildcard:
        out.append(statement(f"{sid}Wildcard" if exact else sid, "StringLike", wildcard))
    return tuple(out)
