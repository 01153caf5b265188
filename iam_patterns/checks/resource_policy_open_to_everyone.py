"""``resource-policy-open-to-everyone``: a bucket, queue, topic or key policy that allows anyone.

Asked of the evaluator the same way as ``trust-open-to-everyone``: would a principal of an unrelated account
be allowed an action the statement grants, on a resource it guards? Conditions on ``aws:SourceArn``,
``aws:SourceAccount``, ``aws:PrincipalOrgID`` or ``aws:SourceVpce`` narrow it; ``aws:SecureTransport`` does not.
"""

from __future__ import annotations

from collections.abc import Iterator

from ._probe import open_statements
from ._statements import label, values
from .subject import RESOURCE, Subject

ID = "resource-policy-open-to-everyone"
DESCRIPTION = "Bucket, queue, topic or key policy that allows any principal of any account"
SOURCE = "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-concepts.html"


def check(subject: Subject) -> Iterator[str]:
    """Messages for each resource-policy statement a principal of any account can use.

    Example::

        list(check(subject))   # ["statement 1 (PublicRead) allows s3:GetObject to a principal of any account"]
    """
    for policy in subject.policies:
        if policy.kind == RESOURCE:
            for index, statement in open_statements(policy, subject.account, subject.partition):
                actions = ", ".join(values(statement.get("Action")))
                yield (f"{label(index, statement)} allows {actions} to a principal of any AWS account: name the "
                       f"principals, or narrow it with aws:PrincipalOrgID, aws:SourceArn or aws:SourceAccount")
