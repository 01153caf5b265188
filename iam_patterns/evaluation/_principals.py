"""Where a policy's Principal element meets a request's principal: the tokens both are written as, and how
strongly a match names the caller. The request (who the caller is) and the compiled policies (whom a Principal
element names) must spell these alike, so they are spelt here once.
"""

from __future__ import annotations

__all__ = [
    "ACCOUNT",
    "DIRECT",
    "PRINCIPAL_KINDS",
    "ROLE",
    "account_token",
    "role_token",
    "root_token",
    "typed_token",
]

# How a policy's Principal element names the request's principal, weakest to strongest. A resource policy
# that names the account only delegates to it; one that names the role (not the session) still leaves the
# session capped by its permissions boundary and session policy; one that names the caller itself decides.
ACCOUNT, ROLE, DIRECT = 1, 2, 3

PRINCIPAL_KINDS = {"Service": "service", "Federated": "federated", "CanonicalUser": "canonical"}
"""The principal types other than ``AWS``, and the kind of identity each names."""


def account_token(account: str) -> str:
    """A whole account named by its bare id in a Principal element, as a token."""
    return f"acct:{account}"


def root_token(partition: str, account: str) -> str:
    """A whole account named by its root ARN in a Principal element, as a token."""
    return f"arn:{partition}:iam::{account}:root"


def role_token(partition: str, account: str, name: str) -> str:
    """A role by account and name: how a role ARN in a policy matches the role and its sessions."""
    return f"role:{partition}:{account}:{name}"


def typed_token(kind: str, value: str) -> str:
    """A ``Service``, ``Federated`` or ``CanonicalUser`` principal, as a token."""
    return f"{PRINCIPAL_KINDS[kind]}:{value}"
