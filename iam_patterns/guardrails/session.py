"""Session policies: narrow one role session below what the role itself may do.

``aws sts assume-role --policy file://session.json`` (or ``Policy=`` in an SDK) passes an inline session
policy; the session may then do only what both the role's policies and the session policy allow. STS refuses a
policy whose plaintext is over 2,048 characters, and separately a request whose session policies and tags,
compressed, are too large (``PackedPolicyTooLarge``; the response's ``PackedPolicySize`` says how close a
request came). The packed size is computed by AWS and cannot be known offline; ``session_policy`` checks the
plaintext limit on the compact JSON it is to be sent as (``to_json_string(indent=None)``), and what makes a
session policy pointless or invalid.

Example::

    policy = session_policy([
        Statement(sid="ReadOneReport", action="s3:GetObject",
                  resource="arn:aws:s3:::my-app-uploads-prod/reports/q3.csv"),
    ])
    pathlib.Path("session.json").write_text(policy.to_json_string(indent=None))
"""

from __future__ import annotations

from collections.abc import Iterable

from ..errors import ValidationError
from ..policy import PolicyDocument, Statement

__all__ = ["SESSION_POLICY_QUOTA", "session_policy"]

SESSION_POLICY_QUOTA = 2_048
"""The plaintext of an inline session policy, in characters, whitespace included (STS AssumeRole* ``Policy``)."""

_ALLOWED_CHARACTERS = {"\t", "\n", "\r", *map(chr, range(0x20, 0x100))}


def session_policy(statements: Iterable[Statement]) -> PolicyDocument:
    """An inline session policy of ``statements``, refused if STS would refuse it or it could not narrow.

    Refused: no statement; no ``Allow`` (a session policy that allows nothing leaves the session nothing); an
    ``Allow`` of ``*`` on ``*`` with no condition (it narrows nothing); a ``Principal`` (session policies are
    identity policies); characters outside U+0020–U+00FF, tab, LF and CR; more than 2,048 characters of
    compact JSON.

    Example::

        session_policy([Statement(sid="ListReports", action="s3:ListBucket", resource="arn:aws:s3:::my-bucket",
                                  condition={"StringLike": {"s3:prefix": "reports/*"}})])
    """
    document = PolicyDocument(statements=tuple(statements))
    if not document.statements:
        raise ValidationError("statements", [], "must hold at least one statement")
    if not any(s.effect == "Allow" for s in document.statements):
        raise ValidationError(
            "statements",
            [s.sid for s in document.statements],
            "must allow something: with no Allow the session can do nothing",
        )
    for statement in document.statements:
        if statement.principal is not None or statement.not_principal is not None:
            raise ValidationError("statements", statement.sid, "must not name a Principal in a session policy")
        if (
            statement.effect == "Allow"
            and statement.action == "*"
            and statement.resource == "*"
            and statement.condition is None
        ):
            raise ValidationError(
                "statements", statement.sid, "must narrow the session: an Allow of '*' on '*' narrows nothing"
            )
    text = document.to_json_string(indent=None)
    bad = sorted(set(text) - _ALLOWED_CHARACTERS)
    if bad:
        raise ValidationError(
            "session policy",
            "".join(bad),
            "must use only characters U+0020 to U+00FF, tab, line feed and carriage return",
        )
    if len(text) > SESSION_POLICY_QUOTA:
        raise ValidationError(
            "session policy",
            len(text),
            f"must be at most {SESSION_POLICY_QUOTA:,} characters of plaintext (STS's limit for inline session "
            "policies; the packed size, which AWS reports as PackedPolicySize, is a further limit)",
            shown=f"{len(text):,} characters",
        )
    return document
