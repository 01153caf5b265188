"""``allow-by-exclusion``: an ``Allow`` with ``NotPrincipal``, ``NotAction`` or ``NotResource``.

An Allow that names what it leaves out grants everything else, including every action and resource AWS adds
later. AWS advises against ``NotPrincipal`` with ``Allow`` outright.
"""

from __future__ import annotations

from collections.abc import Iterator

from ._statements import allows, label, statements
from .subject import Subject

ID = "allow-by-exclusion"
DESCRIPTION = "Allow with NotPrincipal, NotAction or NotResource (grants everything not listed)"
SOURCE = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html"
_ELEMENTS = {"NotPrincipal": "principal", "NotAction": "action", "NotResource": "resource"}


def check(subject: Subject) -> Iterator[str]:
    """Messages for each Allow statement that uses a ``Not...`` element.

    Example::

        list(check(subject))   # ["statement 0 allows with NotAction: every action not listed is allowed"]
    """
    for policy in subject.policies:
        for index, statement in statements(policy.document):
            if allows(statement):
                for element, what in _ELEMENTS.items():
                    if element in statement:
                        yield (f"{policy.name} {label(index, statement)} allows with {element}: every {what} not "
                               f"listed is allowed, including those AWS adds later")
