"""``oidc-forallvalues-claim``: ``ForAllValues:`` on a token claim in an Allow of a federated trust.

``ForAllValues:`` is true when the key is absent from the request (there is no value that fails), so an
Allow that tests a claim with it also lets in tokens without that claim. Use the plain operator (single
valued claims) or ``ForAnyValue:``, or add a ``Null`` test that requires the claim.
"""

from __future__ import annotations

from collections.abc import Iterator

from ._statements import allows, label, principals, statements, tests
from .subject import TRUST, Subject

ID = "oidc-forallvalues-claim"
DESCRIPTION = "ForAllValues: on a token claim in an Allow (true when the claim is absent)"
SOURCE = ("https://docs.aws.amazon.com/IAM/latest/UserGuide/"
          "reference_policies_condition-single-vs-multi-valued-context-keys.html")


def check(subject: Subject) -> Iterator[str]:
    """Messages for each ``ForAllValues:`` test on a claim, unless a ``Null: false`` test requires the claim.

    Example::

        list(check(subject))   # ["statement 0 tests token.actions.githubusercontent.com:sub with ForAllValues..."]
    """
    for policy in subject.policies:
        if policy.kind != TRUST:
            continue
        for index, statement in statements(policy.document):
            if not allows(statement) or not principals(statement, "Federated"):
                continue
            found = tests(statement)
            required = {t.key for t in found if t.base == "null" and t.values == ("false",)}
            for test in found:
                if test.qualifier == "forallvalues" and test.key not in required:
                    yield (f"{label(index, statement)} tests {test.name} with {test.operator}, which is true when "
                           f"the token has no such claim: use {test.operator.split(':', 1)[1]} or "
                           f"ForAnyValue:, or require the claim with Null")
