"""``passrole-any-role``: ``iam:PassRole`` on ``*`` (or on every role of an account).

Passing a role hands its permissions to a service (an EC2 instance, a Lambda function, a CloudFormation
stack): PassRole on any role lets the holder run code as the most privileged role in the account. Scope it to
a role path and add ``iam:PassedToService``. (``Action: "*"`` and ``iam:*`` have checks of their own.)
"""

from __future__ import annotations

from collections.abc import Iterator

from ._statements import action_matches, allow_statements, label, values
from .subject import IDENTITY, Subject

ID = "passrole-any-role"
DESCRIPTION = "iam:PassRole allowed on every role"
SOURCE = "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html"
_COVERED_ELSEWHERE = ("*", "*:*", "iam:*")


def any_role(resource: str) -> bool:
    """Whether a Resource value matches every role of an account: ``*``, ``arn:...:role/*``, ``arn:...:*``.

    Example::

        any_role("arn:aws:iam::111122223333:role/*")       # True
        any_role("arn:aws:iam::111122223333:role/app/*")   # False
    """
    if resource == "*":
        return True
    parts = resource.split(":", 5)
    return len(parts) == 6 and parts[2] in ("iam", "*") and parts[5] in ("*", "role/*", "role*")


def check(subject: Subject) -> Iterator[str]:
    """Messages for each Allow that grants iam:PassRole on every role.

    Example::

        list(check(subject))   # ["Deploy statement 1 allows iam:PassRole on *: ..."]
    """
    for policy, index, statement in allow_statements(subject, IDENTITY):
        actions = [a for a in values(statement.get("Action")) if a.lower() not in _COVERED_ELSEWHERE]
        broad = [r for r in values(statement.get("Resource")) if any_role(r)]
        if broad and any(action_matches(a, "iam:PassRole") for a in actions):
            yield (f"{policy.name} {label(index, statement)} allows iam:PassRole on {', '.join(broad)}: the "
                   f"holder can give any role, the most privileged included, to a service it controls")
