"""Trust for an AWS service that acts on your behalf, guarded against the cross-service confused deputy.

A service principal alone (``{"Service": "config.amazonaws.com"}``) lets that service assume the role for ANY
customer's resource: if someone else can point the service at your role, the service acts for them with your
permissions. ``aws:SourceArn`` (the resource the service acts for) and ``aws:SourceAccount`` (its account) close
that gap. For the services AWS documents as needing them (``CONFUSED_DEPUTY_SERVICES``, each with the page that
says so), a trust without either is refused unless the caller passes ``unsafe_allow_any_source=True``.

Source ARNs without wildcards are matched with ``ArnEquals``, with wildcards with ``ArnLike``, in separate
statements (conditions inside one statement are ANDed). A source ARN that names no account (``arn:aws:s3:::logs``,
``arn:aws:events:*:*:rule/x``) can match, or come to name after a deletion, another customer's resource, so it needs
``source_account`` too, as AWS's pages say for S3 buckets. When both are given, they must name one account, as AWS
requires.

Example::

    service_role_trust("config.amazonaws.com", source_account="111122223333")
    service_role_trust("scheduler.amazonaws.com", source_account="111122223333",
                       source_arns=["arn:aws:scheduler:*:111122223333:schedule-group/default"])
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from types import MappingProxyType

from ..errors import ValidationError
from ..policy import (
    PARTITIONS,
    PolicyDocument,
    Statement,
    is_region,
    is_unresolved,
    one_or_many,
    validate_account_id,
    validate_pattern,
)
from ..policy.keys import SOURCE_ACCOUNT, SOURCE_ARN
from .web_identity import has_wildcard

__all__ = [
    "ASSUME_ROLE",
    "CONFUSED_DEPUTY_GUIDE",
    "CONFUSED_DEPUTY_SERVICES",
    "EC2_SERVICE",
    "ECS_TASKS_SERVICE",
    "LAMBDA_SERVICE",
    "TAG_SESSION",
    "confused_deputy_page",
    "service_role_trust",
    "service_sid",
    "service_trust_statements",
    "validate_service_principal",
]

ASSUME_ROLE = "sts:AssumeRole"
TAG_SESSION = "sts:TagSession"
"""The action a role must also allow when the caller passes session tags (EKS Pod Identity, some OIDC tokens)."""
EC2_SERVICE = "ec2.amazonaws.com"
LAMBDA_SERVICE = "lambda.amazonaws.com"
ECS_TASKS_SERVICE = "ecs-tasks.amazonaws.com"

CONFUSED_DEPUTY_GUIDE = "https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html"
"""AWS's explanation of the (cross-service) confused deputy problem and of aws:SourceArn / aws:SourceAccount."""

CONFUSED_DEPUTY_SERVICES: Mapping[str, str] = MappingProxyType(
    {
        "codedeploy.amazonaws.com": "https://docs.aws.amazon.com/codedeploy/latest/userguide/security_confused_deputy.html",
        "config.amazonaws.com": "https://docs.aws.amazon.com/config/latest/developerguide/iamrole-permissions.html",
        "datasync.amazonaws.com": "https://docs.aws.amazon.com/datasync/latest/userguide/cross-service-confused-deputy-prevention.html",
        "ecs-tasks.amazonaws.com": "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-iam-roles.html",
        "events.amazonaws.com": "https://docs.aws.amazon.com/eventbridge/latest/userguide/cross-service-confused-deputy-prevention.html",
        "fis.amazonaws.com": "https://docs.aws.amazon.com/fis/latest/userguide/getting-started-iam-service-role.html",
        "iot.amazonaws.com": "https://docs.aws.amazon.com/iot/latest/developerguide/cross-service-confused-deputy-prevention.html",
        "logs.amazonaws.com": "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/Subscriptions-confused-deputy.html",
        "personalize.amazonaws.com": "https://docs.aws.amazon.com/personalize/latest/dg/cross-service-confused-deputy-prevention.html",
        "sagemaker.amazonaws.com": "https://docs.aws.amazon.com/sagemaker/latest/dg/security-confused-deputy-prevention.html",
        "scheduler.amazonaws.com": "https://docs.aws.amazon.com/scheduler/latest/UserGuide/cross-service-confused-deputy-prevention.html",
        "ssm.amazonaws.com": "https://docs.aws.amazon.com/systems-manager/latest/userguide/cross-service-confused-deputy-prevention.html",
        "states.amazonaws.com": "https://docs.aws.amazon.com/step-functions/latest/dg/procedure-create-iam-role.html",
        "transfer.amazonaws.com": "https://docs.aws.amazon.com/transfer/latest/userguide/confused-deputy.html",
    }
)
"""Service principals whose AWS documentation tells you to put ``aws:SourceArn`` and/or ``aws:SourceAccount`` in the
trust policy of the roles they assume, each with that page: the one list ``service_trust_statements`` (refusal) and
the ``confused-deputy`` check (warning) share. Not listed: services whose pages ask for the keys only in a resource
policy (an S3 bucket or SNS topic policy), and CloudTrail, whose page says its CloudWatch Logs role does not support
them. Pass the keys anyway to any service that documents them. Look a principal up with ``confused_deputy_page``;
the general guide is ``CONFUSED_DEPUTY_GUIDE``."""

_PRINCIPAL = re.compile(r"(?P<name>[a-z0-9-]+)(\.(?P<region>[a-z0-9-]+))?\.amazonaws\.com(\.cn)?")


def confused_deputy_page(service: str) -> str | None:
    """The page of ``CONFUSED_DEPUTY_SERVICES`` for a service principal, or None when the service is not listed.

    The principal is matched whole, in any case and in every form IAM accepts for it: ``events.amazonaws.com``, the
    China Regions' ``events.amazonaws.com.cn`` and the older Regional ``states.us-east-1.amazonaws.com``. Another
    service that shares a first label (``edgemanager.sagemaker.amazonaws.com`` is not SageMaker) is not listed.

    Example::

        confused_deputy_page("scheduler.amazonaws.com")  # "https://docs.aws.amazon.com/scheduler/..."
        confused_deputy_page("lambda.amazonaws.com")     # None
    """
    match = _PRINCIPAL.fullmatch(service.lower()) if isinstance(service, str) else None
    if match is None or (match["region"] is not None and not is_region(match["region"])):
        return None
    return CONFUSED_DEPUTY_SERVICES.get(f"{match['name']}.amazonaws.com")


_SERVICE = re.compile(r"[a-z0-9][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)*\.amazonaws\.com(\.cn)?")
# A source ARN: REGION may hold wildcards; ACCOUNT is 12 digits, '*' or empty (S3 buckets have none).
_SOURCE_ARN = re.compile(
    r"arn:(?P<partition>[^:]+):(?P<service>[a-z0-9-]+):(?P<region>[a-z0-9*?-]*):(?P<account>\d{12}|\*|):(?P<resource>.+)"
)
_ACRONYMS = {"ec2": "EC2", "ecs": "ECS", "eks": "EKS", "iot": "IoT", "ssm": "SSM", "sns": "SNS", "sqs": "SQS", "s3": "S3"}


def validate_service_principal(value: str, *, parameter: str = "service") -> str:
    """An AWS service principal such as ``events.amazonaws.com`` (lowercase, ending in ``.amazonaws.com``).

    Example::

        validate_service_principal("scheduler.amazonaws.com")
    """
    return validate_pattern(
        value, _SERVICE, "must be an AWS service principal such as 'events.amazonaws.com'", parameter=parameter
    )


def service_sid(service: str) -> str:
    """The Sid the kit gives a statement trusting ``service``: ``Allow<Service>ToAssume``.

    Example::

        service_sid("ec2.amazonaws.com")        # "AllowEC2ToAssume", as in the guide
        service_sid("ecs-tasks.amazonaws.com")  # "AllowECSTasksToAssume"
    """
    words = re.split(r"[.-]", service.split(".amazonaws.com")[0])
    return "Allow" + "".join(_ACRONYMS.get(word, word.capitalize()) for word in words) + "ToAssume"


def _source_account_of(arn: str, parameter: str) -> str | None:
    """Validate a literal source ARN; return its account, or None when it names none ('' or '*')."""
    match = _SOURCE_ARN.fullmatch(arn) if isinstance(arn, str) else None
    if match is None or match["partition"] not in PARTITIONS:
        raise ValidationError(
            parameter,
            arn,
            f"must be an ARN arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE with PARTITION one of {', '.join(PARTITIONS)} "
            "and ACCOUNT 12 digits, '*' or empty",
        )
    return match["account"] if match["account"].isdigit() else None


def _check_sources(source_arns: tuple[str, ...], source_account: str | None) -> None:
    if source_account is not None:
        validate_account_id(source_account, parameter="source_account")
    for arn in source_arns:
        if is_unresolved(arn):
            continue
        account = _source_account_of(arn, "source_arns")
        if account is None and source_account is None:
            raise ValidationError(
                "source_arns",
                arn,
                "must name its account, or come with source_account: an ARN without one (an S3 bucket, a '*' "
                "account) can match or come to name another account's resource",
            )
        if account is not None and source_account is not None and not is_unresolved(source_account):
            if account != source_account:
                raise ValidationError(
                    "source_arns",
                    arn,
                    f"must name the same account as source_account ({source_account}): AWS requires aws:SourceArn and "
                    "aws:SourceAccount in one statement to name one account",
                )


def service_trust_statements(
    service: str,
    *,
    source_arns: Sequence[str] = (),
    source_account: str | None = None,
    unsafe_allow_any_source: bool = False,
    sid: str | None = None,
    parameter: str = "service",
) -> tuple[Statement, ...]:
    """The statement(s) that let ``service`` assume a role (``sts:AssumeRole``), for the given sources only.

    ``source_arns`` go in ``aws:SourceArn`` (``ArnEquals``; wildcard ARNs in a second statement with ``ArnLike``),
    ``source_account`` in ``aws:SourceAccount`` (``StringEquals``, in every statement). A service listed in
    ``CONFUSED_DEPUTY_SERVICES`` (in any form ``confused_deputy_page`` matches) must have at least one of them unless
    ``unsafe_allow_any_source`` is True.
    ``sid`` names the statement. ``parameter`` names the service in error messages. Default: no source guard,
    Sid ``service_sid(service)``.

    Example::

        service_trust_statements("events.amazonaws.com", source_account="111122223333",
                                 source_arns=["arn:aws:events:us-east-1:111122223333:rule/nightly"])
    """
    validate_service_principal(service, parameter=parameter)
    source_arns = tuple(source_arns)
    guarded = bool(source_arns) or source_account is not None
    if unsafe_allow_any_source and guarded:
        raise ValidationError(
            "unsafe_allow_any_source", True, "must not be combined with source_arns or source_account"
        )
    page = confused_deputy_page(service)
    if not guarded and not unsafe_allow_any_source and page is not None:
        raise ValidationError(
            parameter,
            service,
            "must be guarded with source_arns and/or source_account: AWS documents it as open to the cross-service "
            f"confused deputy ({page}); pass unsafe_allow_any_source=True only if you accept that any account's "
            "resources may make it assume this role",
        )
    _check_sources(source_arns, source_account)
    sid = sid or service_sid(service)
    account = {"StringEquals": {SOURCE_ACCOUNT: source_account}} if source_account is not None else {}
    exact = tuple(a for a in source_arns if not has_wildcard(a))
    wildcard = tuple(a for a in source_arns if has_wildcard(a))
    groups = [(op, arns) for op, arns in (("ArnEquals", exact), ("ArnLike", wildcard)) if arns] or [(None, ())]

    def statement(statement_sid: str, operator: str | None, arns: tuple[str, ...]) -> Statement:
        condition = {operator: {SOURCE_ARN: one_or_many(arns)}} if operator else {}
        return Statement(
            sid=statement_sid,
            principal={"Service": service},
            action=ASSUME_ROLE,
            condition={**condition, **account} or None,
        )

    return tuple(
        statement(sid if index == 0 else f"{sid}Wildcard", operator, arns)
        for index, (operator, arns) in enumerate(groups)
    )


def service_role_trust(
    service: str,
    *,
    source_arns: Sequence[str] = (),
    source_account: str | None = None,
    unsafe_allow_any_source: bool = False,
    sid: str | None = None,
) -> PolicyDocument:
    """The trust policy of a role that ``service`` assumes on your behalf: ``service_trust_statements`` as a document.

    ``ec2.amazonaws.com`` is refused: EC2 sends neither source key, and an instance role wants an instance profile
    and IMDSv2 (``Ec2InstanceRole``). Default: as ``service_trust_statements``.

    Example::

        service_role_trust("config.amazonaws.com", source_account="111122223333").to_json_string()
    """
    if service == EC2_SERVICE:
        raise ValidationError(
            "service",
            service,
            "must not be ec2.amazonaws.com: EC2 sends neither aws:SourceArn nor aws:SourceAccount; use Ec2InstanceRole "
            "(instance profile, IMDSv2 required)",
        )
    return PolicyDocument(
        statements=service_trust_statements(
            service,
            source_arns=source_arns,
            source_account=source_account,
            unsafe_allow_any_source=unsafe_allow_any_source,
            sid=sid,
        )
    )
