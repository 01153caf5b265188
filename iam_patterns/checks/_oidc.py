"""OIDC web-identity trust statements, and which identity provider (GitHub Actions, EKS, Cognito) they trust."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from ..trust.github import GITHUB_OIDC_ISSUER
from ..trust.web_identity import ASSUME_ROLE_WITH_WEB_IDENTITY
from ._statements import Test, grants, principals, resolved, statements, tests
from .subject import TRUST, Subject

GITHUB_ISSUER = GITHUB_OIDC_ISSUER.removeprefix("https://")
_EKS_ISSUER = re.compile(r"oidc\.eks\.[a-z0-9-]+\.amazonaws\.com(\.cn)?/id/[0-9a-z]+")
_COGNITO_ISSUER = re.compile(r"cognito-identity(\.[a-z0-9-]+)?\.amazonaws\.com(\.cn)?")
_GLOBAL_PREFIXES = ("aws:", "sts:")


def provider(issuer: str) -> str | None:
    """``"github"`` or ``"eks"`` for the issuers whose subject claim the checks understand, else ``None``."""
    issuer = issuer.lower()
    if issuer == GITHUB_ISSUER:
        return "github"
    return "eks" if _EKS_ISSUER.fullmatch(issuer) else None


def cognito(issuer: str) -> bool:
    """Whether ``issuer`` is Amazon Cognito identity pools (``cognito-identity.amazonaws.com``), whose tokens
    name their identity pool in the ``aud`` claim."""
    return _COGNITO_ISSUER.fullmatch(issuer.lower()) is not None


def issuers(statement: Mapping[str, Any]) -> list[str]:
    """The issuers a statement trusts: from its OIDC provider ARNs and the issuers it names directly
    (``cognito-identity.amazonaws.com``), or (when those are unresolved) from the claims its conditions test.
    Lower-cased, as condition keys are compared."""
    found = [f.split(":oidc-provider/", 1)[1].lower() if ":oidc-provider/" in f else f.lower()
             for f in principals(statement, "Federated")
             if ":oidc-provider/" in f or (resolved(f) and not f.startswith("arn:"))]
    if not found:
        found = list(dict.fromkeys(t.key.rsplit(":", 1)[0] for t in tests(statement)
                                   if ":" in t.key and not t.key.startswith(_GLOBAL_PREFIXES)))
    return found


def web_identity_statements(subject: Subject) -> Iterator[tuple[int, Mapping[str, Any], list[str]]]:
    """``(index, statement, issuers)`` for each Allow of a trust policy that grants AssumeRoleWithWebIdentity."""
    for policy in subject.policies:
        if policy.kind == TRUST:
            for index, statement in statements(policy.document):
                if grants(statement, ASSUME_ROLE_WITH_WEB_IDENTITY) and principals(statement, "Federated"):
                    yield index, statement, issuers(statement)


def claim_tests(statement: Mapping[str, Any], issuer: str, claim: str) -> list[Test]:
    """The statement's condition tests on one claim of one issuer."""
    key = f"{issuer}:{claim}"
    return [t for t in tests(statement) if t.key == key]
