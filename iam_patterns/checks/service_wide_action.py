"""``service-wide-action``: ``service:*`` in an identity-based policy, for a service with write actions.

``s3:*`` is every S3 action: deleting buckets, rewriting bucket policies, turning off versioning. Name the
actions the workload needs. Services whose actions are all read-only are not reported; ``iam:*`` has a check
of its own.
"""

from __future__ import annotations

from collections.abc import Iterator

from ._statements import allow_statements, label, values
from .catalogue import CATALOGUE
from .subject import IDENTITY, Subject

ID = "service-wide-action"
DESCRIPTION = "service:* allowed for a service that has write or permissions-management actions"
SOURCE = "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege"
_WRITE_LEVELS = ("W", "P")


def check(subject: Subject) -> Iterator[str]:
    """Messages for each ``service:*`` action of an Allow in an identity-based policy.

    Example::

        list(check(subject))   # ["Data statement 0 allows s3:* on *: all 168 actions of s3, 62 of them write ..."]
    """
    for policy, index, statement in allow_statements(subject, IDENTITY):
        for action in values(statement.get("Action")):
            prefix, _, name = action.partition(":")
            actions = CATALOGUE.service(prefix) if name == "*" and prefix.lower() != "iam" else None
            writes = sorted(real for real, level in (actions or {}).values() if level in _WRITE_LEVELS)
            if writes:
                resources = ", ".join(values(statement.get("Resource"))) or "its resources"
                yield (f"{policy.name} {label(index, statement)} allows {action} on {resources}: all "
                       f"{len(actions)} actions of {prefix}, {len(writes)} of them write or permissions "
                       f"management (such as {prefix}:{writes[0]}); name the actions needed")
