"""``unknown-action``: an Action or NotAction that names no action AWS has, such as ``s3:GetObjects``.

IAM accepts a misspelt action silently: in an Allow the permission is simply missing, in a Deny the guardrail
has a hole. Actions are checked against the bundled catalogue (see ``catalogue``), case-insensitively, and a
wildcard pattern is known when it matches at least one action (``s3:Get*``). A catalogue older than an
action AWS just launched reports it too: regenerate the catalogue, or acknowledge the finding.
"""

from __future__ import annotations

from collections.abc import Iterator

from ._statements import label, resolved, statements, values
from .catalogue import CATALOGUE
from .subject import Subject

ID = "unknown-action"
DESCRIPTION = "Action that no AWS service has (a typo such as s3:GetObjects)"
SOURCE = "https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html"


def problem(action: str) -> str | None:
    """Why ``action`` is unknown (with the closest known action when there is one), or ``None`` if it is known.

    Example::

        problem("s3:GetObjects")   # "names no action of s3 (did you mean s3:GetObject?)"
    """
    if action == "*" or not resolved(action):
        return None
    prefix, colon, name = action.partition(":")
    if not colon or not prefix or not name:
        return "is not of the form service:action"
    if CATALOGUE.matches(action):
        return None
    suggestion = CATALOGUE.suggest(action)
    hint = f" (did you mean {suggestion}?)" if suggestion else ""
    if CATALOGUE.service(prefix) is None and "*" not in prefix and "?" not in prefix:
        return f"names an unknown service {prefix!r}{hint}"
    return f"names no action of {prefix}{hint}"


def check(subject: Subject) -> Iterator[str]:
    """Messages for each unknown action in any of the subject's policies.

    Example::

        list(check(subject))   # ["Reader statement 0 Action 's3:GetObjects' names no action of s3 ..."]
    """
    for policy in subject.policies:
        for index, statement in statements(policy.document):
            for element in ("Action", "NotAction"):
                for action in values(statement.get(element)):
                    why = problem(action)
                    if why:
                        yield f"{policy.name} {label(index, statement)} {element} {action!r} {why}"
