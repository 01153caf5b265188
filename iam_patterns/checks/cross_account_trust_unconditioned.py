"""``cross-account-trust-unconditioned``: a trust policy that lets another account in with no ExternalId,
MFA or organization condition.

Trusting another account's root lets any principal that account's administrators allow assume the role. For
a third party, require ``sts:ExternalId``; for people, ``aws:MultiFactorAuthPresent``; within an
organization, ``aws:PrincipalOrgID``. A warning: some cross-account trusts are meant to be plain.
"""

from __future__ import annotations

from collections.abc import Iterator

from ._statements import Test, allows, arn_account, label, principals, statements, tests
from .subject import TRUST, Subject

ID = "cross-account-trust-unconditioned"
DESCRIPTION = "Cross-account trust with no ExternalId, MFA or organization condition"
SOURCE = "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-user_externalid.html"
_NARROWING = frozenset(("sts:externalid", "aws:multifactorauthage", "aws:principalorgid", "aws:principalorgpaths"))


def _narrows(test: Test) -> bool:
    if test.key == "aws:multifactorauthpresent":
        return test.base == "bool" and not test.if_exists and "true" in test.values
    return test.narrows and test.key in _NARROWING


def check(subject: Subject) -> Iterator[str]:
    """Messages for each trust statement naming principals of other accounts without such a condition.

    Example::

        list(check(subject))   # ["statement 1 trusts arn:aws:iam::444455556666:root with no sts:ExternalId ..."]
    """
    for policy in subject.policies:
        if policy.kind != TRUST:
            continue
        for index, statement in statements(policy.document):
            if not allows(statement):
                continue
            others = [p for p in principals(statement, "AWS") if (a := arn_account(p)) and a != subject.account]
            if others and not any(_narrows(t) for t in tests(statement)):
                yield (f"{label(index, statement)} trusts {', '.join(others)} with no sts:ExternalId, "
                       f"aws:MultiFactorAuthPresent or aws:PrincipalOrgID condition")
