"""Validators for the values IAM policies and roles are made of.

Each returns its value when it is valid, raises :class:`~iam_patterns.errors.ValidationError` naming the
parameter, the value and the rule when it is not, and lets unresolved CDK tokens through unchecked (their
value is known only at deploy time), as aws-cdk does.

Example::

    validate_account_id("111122223333")                 # returns "111122223333"
    validate_external_id("a", parameter="external_id")  # ValidationError: external_id is 'a', but must be ...
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable
from typing import Callable, TypeVar

from ..errors import ValidationError
from .tokens import is_unresolved

__all__ = [
    "PARTITIONS",
    "MIN_SESSION_DURATION",
    "MAX_SESSION_DURATION",
    "is_region",
    "validate_account_id",
    "validate_action",
    "validate_arn",
    "validate_bucket_name",
    "validate_external_id",
    "validate_non_empty",
    "validate_partition",
    "validate_pattern",
    "validate_region",
    "validate_role_name",
    "validate_role_path",
    "validate_session_duration",
]

PARTITIONS = ("aws", "aws-cn", "aws-us-gov")
"""The partitions the kit supports."""
MIN_SESSION_DURATION = 3_600
"""IAM's lower bound on a role's MaxSessionDuration, in seconds (1 hour)."""
MAX_SESSION_DURATION = 43_200
"""IAM's upper bound on a role's MaxSessionDuration, in seconds (12 hours)."""

_ACCOUNT_ID = re.compile(r"\d{12}")
_ARN = re.compile(r"arn:(?P<partition>[^:]*):(?P<service>[a-z0-9-]+):(?P<region>[a-z0-9-]*):(?P<account>[^:]*):(?P<resource>\S+)")
_ARN_ACCOUNT = re.compile(r"(\d{12}|aws|)")
_ACTION = re.compile(r"[A-Za-z0-9-]+:[A-Za-z0-9*?]+")  # IAM reads action names case-insensitively
_ROLE_NAME = re.compile(r"[\w+=,.@-]{1,64}")
_ROLE_PATH = re.compile(r"/|/[\x21-\x7e]+/")
_BUCKET_NAME = re.compile(r"[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")
_BUCKET_RESERVED_PREFIXES = ("xn--", "sthree-", "amzn-s3-demo-")
_BUCKET_RESERVED_SUFFIXES = ("-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3")
_EXTERNAL_ID = re.compile(r"[\w+=,.@:/-]{2,1224}")
_DIRECTIONS = ("central", "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest")
_REGION = re.compile(rf"[a-z]{{2}}(-gov)?-({'|'.join(_DIRECTIONS)})-[1-9][0-9]?")

T = TypeVar("T")


def _require(value: T, parameter: str, valid: Callable[[T], bool], rule: str) -> T:
    """Return ``value`` if it is a CDK token or ``valid(value)``; else raise a ValidationError."""
    if is_unresolved(value) or valid(value):
        return value
    raise ValidationError(parameter, value, rule)


def _matches(pattern: re.Pattern[str]) -> Callable[[object], bool]:
    return lambda value: isinstance(value, str) and pattern.fullmatch(value) is not None


def validate_pattern(value: str, pattern: re.Pattern[str], rule: str, *, parameter: str) -> str:
    """``value`` if it matches ``pattern`` in full (or is a CDK token); else a ValidationError saying ``rule``.

    Example::

        validate_pattern("s3", re.compile(r"[a-z0-9-]+"), "must be a service prefix", parameter="service")
    """
    return _require(value, parameter, _matches(pattern), rule)


def validate_non_empty(values: Iterable[str], *, parameter: str) -> tuple[str, ...]:
    """``values`` as a tuple, in order: at least one, each a non-empty string. A lone string is refused rather
    than split into its characters.

    Example::

        validate_non_empty(["sts.amazonaws.com"], parameter="audiences")   # ("sts.amazonaws.com",)
    """
    if isinstance(values, str):
        raise ValidationError(parameter, values, "must be a list of strings, not one string")
    values = tuple(values)
    if not values:
        raise ValidationError(parameter, [], "must name at least one value")
    for value in values:
        if not isinstance(value, str) or not value:
            raise ValidationError(parameter, value, "must be a non-empty string")
    return values


def validate_account_id(value: str, *, parameter: str = "account_id") -> str:
    """An AWS account id: exactly 12 digits, as a string (leading zeros matter).

    Example::

        validate_account_id("111122223333", parameter="trusted_account")
    """
    return _require(value, parameter, _matches(_ACCOUNT_ID), "must be an AWS account id: exactly 12 digits")


def validate_partition(value: str, *, parameter: str = "partition") -> str:
    """An AWS partition the kit supports: ``aws``, ``aws-cn`` or ``aws-us-gov``.

    Example::

        validate_partition("aws-us-gov")
    """
    return _require(value, parameter, lambda v: v in PARTITIONS, f"must be one of {', '.join(PARTITIONS)}")


def is_region(value: object) -> bool:
    """Whether ``value`` is a Region code by the rule ``validate_region`` checks.

    Example::

        is_region("eu-west-1")  # True; is_region("eu-west-1a") is False
    """
    return _matches(_REGION)(value)


def validate_region(value: str, *, parameter: str = "region") -> str:
    """A Region code by the rule every AWS Region follows: a two-letter area, ``-gov`` in GovCloud, a direction
    (``central``, ``north``, ``south``, ``east``, ``west``, ``northeast``, ``northwest``, ``southeast``,
    ``southwest``) and a number: ``eu-west-1``, ``ap-southeast-7``, ``us-gov-west-1``, ``cn-northwest-1``.

    The rule rather than a list of today's Regions, so a Region opened next year is not refused. It catches an
    Availability Zone (``eu-west-1a``), a missing hyphen (``us-east1``), a misspelt direction (``eu-wset-1``)
    and capitals. Whether the Region is enabled in an account is only known at deploy time.

    Example::

        validate_region("eu-west-1")
    """
    return _require(
        value,
        parameter,
        is_region,
        "must be an AWS Region code: two lowercase letters, '-gov' in GovCloud, a direction ("
        + ", ".join(_DIRECTIONS)
        + ") and a number, such as 'eu-west-1' (an Availability Zone such as 'eu-west-1a' is not a Region)",
    )


def _valid_arn(value: object) -> bool:
    match = _ARN.fullmatch(value) if isinstance(value, str) else None
    return (
        match is not None
        and match["partition"] in PARTITIONS
        and _ARN_ACCOUNT.fullmatch(match["account"]) is not None
    )


def validate_arn(value: str, *, parameter: str = "arn") -> str:
    """An ARN ``arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE`` in a supported partition.

    REGION may be empty (IAM, S3); ACCOUNT is empty, 12 digits, or ``aws`` (AWS-managed policies).

    Example::

        validate_arn("arn:aws:iam::111122223333:role/deploy", parameter="principal")
    """
    return _require(
        value,
        parameter,
        _valid_arn,
        f"must be an ARN arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE with PARTITION one of "
        f"{', '.join(PARTITIONS)} and ACCOUNT empty, 12 digits or 'aws'",
    )


def validate_action(value: str, *, parameter: str = "action") -> str:
    """An IAM action: ``*`` or ``service:Action``, where the action part may use ``*`` and ``?``.

    Example::

        validate_action("s3:Get*")
    """
    return _require(
        value,
        parameter,
        lambda v: v == "*" or _matches(_ACTION)(v),
        "must be '*' or 'service:Action' (service in letters, digits and '-'; "
        "the action in letters and digits, with '*' or '?' as wildcards)",
    )


def validate_role_name(value: str, *, parameter: str = "role_name") -> str:
    """A role name: 1 to 64 characters of letters, digits and ``+=,.@_-``.

    Example::

        validate_role_name("app-uploads-role")
    """
    return _require(value, parameter, _matches(_ROLE_NAME), "must be 1 to 64 characters of letters, digits and +=,.@_-")


def validate_role_path(value: str, *, parameter: str = "path") -> str:
    """An IAM path: ``/`` or ``/a/b/``: starts and ends with ``/``, printable ASCII, at most 512 characters.

    Example::

        validate_role_path("/workloads/")
    """
    return _require(
        value,
        parameter,
        lambda v: _matches(_ROLE_PATH)(v) and len(v) <= 512,
        "must start and end with '/', hold only printable ASCII without spaces, and be at most 512 characters",
    )


def _valid_bucket_name(value: object) -> bool:
    if not _matches(_BUCKET_NAME)(value):
        return False
    assert isinstance(value, str)
    try:
        ipaddress.IPv4Address(value)
        return False
    except ValueError:
        pass
    return (
        ".." not in value
        and not value.startswith(_BUCKET_RESERVED_PREFIXES)
        and not value.endswith(_BUCKET_RESERVED_SUFFIXES)
    )


def validate_bucket_name(value: str, *, parameter: str = "bucket") -> str:
    """An S3 general purpose bucket name: 3 to 63 lowercase letters, digits, dots and hyphens.

    It must begin and end with a letter or digit, hold no ``..``, not look like an IP address, and avoid the
    prefixes and suffixes S3 reserves.

    Example::

        validate_bucket_name("my-app-uploads-prod")
    """
    return _require(
        value,
        parameter,
        _valid_bucket_name,
        "must be 3 to 63 characters of lowercase letters, digits, '.' and '-', begin and end with a letter or "
        "digit, have no '..', not be an IP address, and not use a prefix or suffix S3 reserves "
        f"({', '.join(_BUCKET_RESERVED_PREFIXES + _BUCKET_RESERVED_SUFFIXES)})",
    )


def validate_external_id(value: str, *, parameter: str = "external_id") -> str:
    """An ``sts:ExternalId``: 2 to 1,224 characters of letters, digits and ``+=,.@:/_-``.

    Example::

        validate_external_id("acme-prod-2026")
    """
    return _require(
        value, parameter, _matches(_EXTERNAL_ID), "must be 2 to 1,224 characters of letters, digits and +=,.@:/_-"
    )


def validate_session_duration(seconds: int, *, parameter: str = "max_session_duration") -> int:
    """A role's maximum session duration in whole seconds: 3,600 (1 hour) to 43,200 (12 hours).

    Example::

        validate_session_duration(7200)
    """
    if is_unresolved(seconds):
        return seconds
    if isinstance(seconds, bool) or not isinstance(seconds, int) or not (
        MIN_SESSION_DURATION <= seconds <= MAX_SESSION_DURATION
    ):
        raise ValidationError(
            parameter,
            seconds,
            f"must be a whole number of seconds between {MIN_SESSION_DURATION} s and {MAX_SESSION_DURATION} s "
            "(1 to 12 hours)",
            shown=f"{seconds} s" if isinstance(seconds, (int, float)) else None,
        )
    return seconds
