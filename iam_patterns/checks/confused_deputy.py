"""``confused-deputy``: a role trusted by a service that acts for many customers, with no ``aws:SourceArn``
or ``aws:SourceAccount`` condition.

Services such as EventBridge, Config, Step Functions or CloudWatch Logs assume roles on behalf of whichever
customer configured them. Without a condition on the source, another customer who learns the role's ARN can
point the service at it (the cross-service confused deputy). When both keys are given they must name the same
account. The services are those of ``CONFUSED_DEPUTY_SERVICES``, the list ``ServiceRole`` refuses unguarded,
matched by their whole principal (``confused_deputy_page``); the message names the AWS page. Services that do
not set these keys (``ec2.amazonaws.com``, ``lambda.amazonaws.com``) are not reported.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..trust.service import confused_deputy_page
from ._statements import allows, arn_account, label, principals, statements, tests
from .subject import TRUST, Subject

ID = "confused-deputy"
DESCRIPTION = "Service trust without aws:SourceArn / aws:SourceAccount for a service that acts for many customers"
SOURCE = "https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html"
_SOURCE_ARN, _SOURCE_ACCOUNT = "aws:sourcearn", "aws:sourceaccount"


def check(subject: Subject) -> Iterator[str]:
    """Messages for each trust statement of such a service without a source condition, or naming two accounts.

    Example::

        list(check(subject))   # ["statement 0 trusts events.amazonaws.com with no aws:SourceArn ..."]
    """
    for policy in subject.policies:
        if policy.kind != TRUST:
            continue
        for index, statement in statements(policy.document):
            pages = {s: page for s in principals(statement, "Service") if (page := confused_deputy_page(s))}
            if not allows(statement) or not pages:
                continue
            source = [t for t in tests(statement) if t.narrows and t.key in (_SOURCE_ARN, _SOURCE_ACCOUNT)]
            if not source:
                yield (f"{label(index, statement)} trusts {', '.join(pages)} with no aws:SourceArn or "
                       f"aws:SourceAccount condition: another customer can have the service assume this role "
                       f"(see {', '.join(dict.fromkeys(pages.values()))})")
                continue
            accounts = {v for t in source if t.key == _SOURCE_ACCOUNT for v in t.values}
            arn_accounts = {a for t in source if t.key == _SOURCE_ARN for v in t.values if (a := arn_account(v))}
            if accounts and arn_accounts and arn_accounts != accounts:
                yield (f"{label(index, statement)} names account(s) {', '.join(sorted(accounts))} in "
                       f"aws:SourceAccount but {', '.join(sorted(arn_accounts))} in aws:SourceArn: no request "
                       f"matches both")
