"""``oidc-trust-without-sub``: an OIDC trust for GitHub Actions or EKS with no condition on the ``sub`` claim.

Without a ``sub`` condition, any workflow of any repository on GitHub (or any service account of the cluster)
gets a token the trust accepts: the audience is the same for everyone. Roles like that were found in the wild.
A negated test (``StringNotEquals``) or a ``Null`` test does not count as a condition on ``sub``.
"""

from __future__ import annotations

from collections.abc import Iterator

from ._oidc import claim_tests, provider, web_identity_statements
from ._statements import label
from .subject import Subject

ID = "oidc-trust-without-sub"
DESCRIPTION = "OIDC trust (GitHub Actions, EKS) with no condition on the sub claim"
SOURCE = ("https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/"
          "configuring-openid-connect-in-amazon-web-services")
_WHO = {"github": "any repository on GitHub", "eks": "any service account in the cluster"}


def check(subject: Subject) -> Iterator[str]:
    """Messages for each web-identity Allow that trusts GitHub or EKS tokens without testing ``sub``.

    Example::

        list(check(subject))   # ["statement 0 trusts token.actions.githubusercontent.com with no condition ..."]
    """
    for index, statement, issuers in web_identity_statements(subject):
        if not issuers:
            yield (f"{label(index, statement)} trusts web-identity tokens of an identity provider it does not "
                   f"name (unresolved) with no condition on any claim: anyone that provider issues a token to "
                   f"can assume this role")
            continue
        for issuer in issuers:
            kind = provider(issuer)
            if kind and not any(t.narrows for t in claim_tests(statement, issuer, "sub")):
                yield (f"{label(index, statement)} trusts {issuer} with no condition on {issuer}:sub: "
                       f"{_WHO[kind]} can assume this role")
