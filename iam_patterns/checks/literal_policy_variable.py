"""``literal-policy-variable``: a policy variable (``${aws:username}``) in a policy that is not Version 2012-10-17.

Under the 2008 language (no Version, or ``2008-10-17``) IAM does not substitute variables: the Resource or
condition value is compared as the literal text ``${aws:username}``, so the statement never matches what it
was meant to.
"""

from __future__ import annotations

from collections.abc import Iterator
from collections.abc import Mapping

from ..policy import VERSION
from ._statements import label, statements, tests, values
from .subject import Subject

ID = "literal-policy-variable"
DESCRIPTION = "Policy variable in a policy without Version 2012-10-17 (read as literal text)"
SOURCE = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html"


def check(subject: Subject) -> Iterator[str]:
    """Messages for each Resource or condition value holding ``${...}`` in a policy without Version 2012-10-17.

    Example::

        list(check(subject))   # ["Self statement 0 uses '${aws:username}' but the policy has no Version ..."]
    """
    for policy in subject.policies:
        if not isinstance(policy.document, Mapping) or policy.document.get("Version") == VERSION:
            continue
        for index, statement in statements(policy.document):
            found = [v for element in ("Resource", "NotResource") for v in values(statement.get(element))]
            found += [v for t in tests(statement) for v in t.values]
            for value in dict.fromkeys(v for v in found if "${" in v):
                yield (f"{policy.name} {label(index, statement)} uses {value!r}, but the policy is not Version "
                       f"{VERSION}, so the variable is read as literal text")
