"""``action-star``: an identity-based policy that allows ``Action: "*"``: every action of every service.

Whatever the Resource, ``*`` includes IAM itself, so the holder can grant itself the rest.
"""

from __future__ import annotations

from collections.abc import Iterator

from ._statements import allow_statements, label, values
from .subject import IDENTITY, Subject

ID = "action-star"
DESCRIPTION = 'Identity-based policy that allows Action "*"'
SOURCE = "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege"


def check(subject: Subject) -> Iterator[str]:
    """Messages for each Allow of an identity-based policy whose Action is ``*`` (or ``*:*``).

    Example::

        list(check(subject))   # ['Admin statement 0 allows Action "*" on *: every action of every service']
    """
    for policy, index, statement in allow_statements(subject, IDENTITY):
        if any(a in ("*", "*:*") for a in values(statement.get("Action"))):
            resources = ", ".join(values(statement.get("Resource"))) or "its resources"
            yield (f'{policy.name} {label(index, statement)} allows Action "*" on {resources}: every action of '
                   f"every service, IAM included")
