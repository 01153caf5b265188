"""``cognito-trust-without-aud``: a Cognito identity pool trust that does not pin the identity pool.

A role that trusts ``cognito-identity.amazonaws.com`` for ``sts:AssumeRoleWithWebIdentity`` is assumed with a
token of an identity pool, and the token's ``aud`` claim is that pool's id. Without ``StringEquals`` on
``cognito-identity.amazonaws.com:aud``, a token of any identity pool, in any account, is accepted: the users
(or guests) of a stranger's pool get this role. The ``amr`` claim (``authenticated`` or ``unauthenticated``,
and the login providers) does not narrow it on its own: every pool's tokens carry it. A wildcard in the pool
id (``StringLike`` ``us-east-1:*``) matches other accounts' pools too.
"""

from __future__ import annotations

from collections.abc import Iterator

from ._oidc import cognito, web_identity_statements
from ._statements import label, tests
from .subject import Subject

ID = "cognito-trust-without-aud"
DESCRIPTION = "Cognito identity pool trust with no StringEquals on the aud claim (the identity pool id)"
SOURCE = "https://docs.aws.amazon.com/cognito/latest/developerguide/role-trust-and-permissions.html"
AUD = "cognito-identity.amazonaws.com:aud"


def check(subject: Subject) -> Iterator[str]:
    """Messages for each web-identity Allow that trusts Cognito identity pools without pinning the pool id.

    Example::

        list(check(subject))   # ["statement 0 trusts cognito-identity.amazonaws.com with no StringEquals on ..."]
    """
    for index, statement, issuers in web_identity_statements(subject):
        trusted = next((issuer for issuer in issuers if cognito(issuer)), None)
        if trusted is None:
            continue
        audience = [t for t in tests(statement)
                    if t.narrows and t.values and t.key.endswith(":aud") and cognito(t.key.rsplit(":", 1)[0])]
        if any(not (t.wildcards and any("*" in v or "?" in v for v in t.values)) for t in audience):
            continue  # one test that pins the pool id is enough: the tests of a statement must all hold
        if audience:
            wildcards = [v for t in audience for v in t.values if "*" in v or "?" in v]
            yield (f"{label(index, statement)} accepts {AUD} {wildcards[0]!r}: the wildcard matches identity pools "
                   f"of other accounts; pin your identity pool id with StringEquals")
        else:
            yield (f"{label(index, statement)} trusts {trusted} with no StringEquals on {AUD}: an identity pool of "
                   f"any account can assume this role (the amr claim does not narrow it: every pool sets it)")
