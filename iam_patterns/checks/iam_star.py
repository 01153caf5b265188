"""``iam-star``: an identity-based policy that allows ``iam:*``.

All of IAM lets the holder create users and access keys, attach any policy to itself and remove boundaries:
it is administrator access in two calls.
"""

from __future__ import annotations

from collections.abc import Iterator

from ._statements import allow_statements, label, values
from .subject import IDENTITY, Subject

ID = "iam-star"
DESCRIPTION = "Identity-based policy that allows iam:*"
SOURCE = "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege"


def check(subject: Subject) -> Iterator[str]:
    """Messages for each Allow of an identity-based policy with the action ``iam:*``.

    Example::

        list(check(subject))   # ["Ops statement 2 allows iam:*: ..."]
    """
    for policy, index, statement in allow_statements(subject, IDENTITY):
        if any(a.lower() == "iam:*" for a in values(statement.get("Action"))):
            yield (f"{policy.name} {label(index, statement)} allows iam:*: the holder can grant itself any "
                   f"permission, so this is administrator access")
