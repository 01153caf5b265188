"""``oidc-sub-wildcard``: a wildcard in the owner/repository part of a GitHub ``sub`` (or anywhere in an EKS one).

``repo:acme/*`` trusts every repository of the organisation, ``repo:*`` every repository on GitHub, and
``repo:owner*/repo*`` (written to match both the name and the ID-based subject formats) also matches
``owner-evil/repo-x``. To cover both formats, list both exact subjects. A wildcard after the repository
(``repo:acme/app:ref:refs/heads/release-*``) is scoped to that repository and is not reported.
"""

from __future__ import annotations

from collections.abc import Iterator

from ._oidc import claim_tests, provider, web_identity_statements
from ._statements import label
from .subject import Subject

ID = "oidc-sub-wildcard"
DESCRIPTION = "Wildcard in the owner/repository part of a GitHub sub (or in an EKS service account)"
SOURCE = "https://docs.github.com/en/actions/reference/security/oidc#example-subject-claims"


def identity_part(kind: str, subject: str) -> str:
    """The part of a ``sub`` value that names who the token was issued to.

    GitHub: ``repo:OWNER/REPO`` (the text before the second colon); EKS: the whole
    ``system:serviceaccount:NAMESPACE:NAME``.

    Example::

        identity_part("github", "repo:acme/app:ref:refs/heads/main")   # "repo:acme/app"
    """
    return ":".join(subject.split(":")[:2]) if kind == "github" else subject


def check(subject: Subject) -> Iterator[str]:
    """Messages for each ``sub`` pattern that is a wildcard in the part that names the repository.

    Example::

        list(check(subject))   # ["statement 0 accepts sub 'repo:acme/*': ..."]
    """
    for index, statement, issuers in web_identity_statements(subject):
        for issuer in issuers:
            kind = provider(issuer)
            if kind is None:
                continue
            for test in claim_tests(statement, issuer, "sub"):
                if not (test.narrows and test.wildcards):
                    continue
                for value in test.values:
                    part = identity_part(kind, value)
                    if "*" in part or "?" in part:
                        whom = "repositories" if kind == "github" else "service accounts"
                        yield (f"{label(index, statement)} accepts {issuer}:sub {value!r} ({test.operator}): the "
                               f"wildcard in {part!r} matches {whom} other than yours; list the exact subjects")
