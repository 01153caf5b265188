"""``trust-open-to-everyone``: a trust policy that lets a principal of any AWS account assume the role.

``Principal: "*"`` or ``{"AWS": "*"}`` with no condition that a stranger cannot meet. The evaluator decides:
a principal of an unrelated account, setting every key a caller controls (``sts:ExternalId`` included: it is
not a secret), is tried against the trust policy. ``aws:PrincipalOrgID``, ``aws:PrincipalAccount`` or
``aws:SourceVpce`` conditions narrow it; an ExternalId alone does not.
"""

from __future__ import annotations

from collections.abc import Iterator

from ._probe import open_statements
from ._statements import label
from .subject import TRUST, Subject

ID = "trust-open-to-everyone"
DESCRIPTION = "Trust policy that any AWS principal can meet (Principal * without a narrowing condition)"
SOURCE = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html"


def check(subject: Subject) -> Iterator[str]:
    """Messages for each trust statement a principal of any account can meet.

    Example::

        list(check(subject))   # ["statement 0 lets a principal of any AWS account assume this role ..."]
    """
    for policy in subject.policies:
        if policy.kind == TRUST:
            for index, statement in open_statements(policy, subject.account, subject.partition):
                yield (f"{label(index, statement)} lets a principal of any AWS account assume this role: name the "
                       f"principals, or narrow it with aws:PrincipalOrgID or aws:PrincipalAccount")
