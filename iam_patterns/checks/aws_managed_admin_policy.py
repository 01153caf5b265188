"""``aws-managed-admin-policy``: an AWS managed administrator policy attached to a role, user or group.

``AdministratorAccess``, ``PowerUserAccess``, ``IAMFullAccess`` and the service "AdministratorAccess-*"
policies grant far more than any one workload needs, and AWS can widen them at any time.
"""

from __future__ import annotations

from collections.abc import Iterator

from .subject import Subject

ID = "aws-managed-admin-policy"
DESCRIPTION = "AWS managed administrator policy attached (AdministratorAccess, PowerUserAccess, IAMFullAccess)"
SOURCE = "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_job-functions.html"
ADMIN_POLICIES = frozenset((
    "AdministratorAccess",
    "AdministratorAccess-Amplify",
    "AdministratorAccess-AWSElasticBeanstalk",
    "IAMFullAccess",
    "PowerUserAccess",
))
"""Names of the AWS managed policies that amount to administrator access."""


def aws_managed_name(arn: str) -> str | None:
    """The name of an AWS managed policy from its ARN (any partition), or ``None`` for other ARNs.

    Example::

        aws_managed_name("arn:aws-cn:iam::aws:policy/AdministratorAccess")   # "AdministratorAccess"
    """
    parts = arn.split(":", 5)
    if len(parts) == 6 and parts[0] == "arn" and parts[2] == "iam" and parts[4] == "aws" and \
            parts[5].startswith("policy/"):
        return parts[5].rsplit("/", 1)[-1]
    return None


def check(subject: Subject) -> Iterator[str]:
    """Messages for each AWS managed administrator policy in the subject's ``ManagedPolicyArns``.

    Example::

        list(check(subject))   # ["arn:aws:iam::aws:policy/AdministratorAccess is attached: ..."]
    """
    for arn in subject.managed_policy_arns:
        if aws_managed_name(arn) in ADMIN_POLICIES:
            yield f"{arn} is attached: it grants administrator access; attach a policy scoped to the workload"
