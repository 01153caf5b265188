"""Validators for the values the guardrails are made of: service names, IAM names and paths, regions, ARN
patterns. Each returns its value, skips unresolved CDK tokens, and raises ``ValidationError`` otherwise."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..errors import ValidationError
from ..policy import is_unresolved

__all__ = [
    "check_pattern",
    "managed_policy_arn",
    "validate_name_pattern",
    "validate_non_empty",
    "validate_policy_name",
    "validate_region",
    "validate_service_prefix",
    "validate_service_principal",
]

_SERVICE_PREFIX = re.compile(r"[a-z0-9][a-z0-9-]*")
_SERVICE_PRINCIPAL = re.compile(r"[a-z0-9][a-z0-9.-]*\.amazonaws\.com(\.cn)?")
_POLICY_NAME = re.compile(r"[\w+=,.@-]{1,128}")
_REGION = re.compile(r"[a-z]{2,4}(-[a-z]+)+-\d+")
_NAME_PATTERN = re.compile(r"[\w+=,.@*?-]+(/[\w+=,.@*?-]+)*")


def validate_non_empty(parameter: str, values: Iterable[str]) -> tuple[str, ...]:
    """``values`` as a tuple, refused when empty or when an item is not a non-empty string."""
    values = tuple(values) if not isinstance(values, str) else (values,)
    if not values:
        raise ValidationError(parameter, [], "must name at least one value")
    for value in values:
        if not isinstance(value, str) or not value:
            raise ValidationError(parameter, value, "must hold only non-empty strings")
    return values


def check_pattern(parameter: str, value: str, pattern: re.Pattern[str], rule: str) -> str:
    """``value`` if it is a CDK token or matches ``pattern`` in full; else a ValidationError with ``rule``."""
    if is_unresolved(value) or (isinstance(value, str) and pattern.fullmatch(value)):
        return value
    raise ValidationError(parameter, value, rule)


def validate_service_prefix(value: str, *, parameter: str = "services") -> str:
    """A service prefix as IAM actions write it: ``s3``, ``dynamodb``, ``execute-api``."""
    return check_pattern(parameter, value, _SERVICE_PREFIX, "must be a service prefix such as 's3' or 'execute-api'")


def validate_service_principal(value: str, *, parameter: str = "passed_to_services") -> str:
    """A service principal: ``lambda.amazonaws.com``, ``ecs-tasks.amazonaws.com``."""
    return check_pattern(
        parameter, value, _SERVICE_PRINCIPAL, "must be a service principal such as 'lambda.amazonaws.com'"
    )


def validate_policy_name(value: str, *, parameter: str = "managed_policy_name") -> str:
    """A managed policy name: 1 to 128 characters of letters, digits and ``+=,.@_-``."""
    return check_pattern(parameter, value, _POLICY_NAME, "must be 1 to 128 characters of letters, digits and +=,.@_-")


def validate_region(value: str, *, parameter: str = "regions") -> str:
    """A region name: ``eu-west-1``, ``us-gov-west-1``."""
    return check_pattern(parameter, value, _REGION, "must be a region name such as 'eu-west-1'")


def validate_name_pattern(value: str, *, parameter: str) -> str:
    """A role name with its path and ``*``/``?`` wildcards, as it follows ``role/`` in an ARN: ``admin``,
    ``platform/*``, ``aws-reserved/sso.amazonaws.com/*/AWSReservedSSO_Admin_*``."""
    return check_pattern(
        parameter,
        value,
        _NAME_PATTERN,
        "must be a role name, optionally after its path (no leading '/'), of letters, digits, +=,.@_- and the "
        "wildcards * and ?",
    )


def managed_policy_arn(name: str, *, path: str, account: str, partition: str) -> str:
    """The ARN of the customer managed policy ``name`` on ``path`` in ``account``.

    Example::

        managed_policy_arn("boundary", path="/delegated/", account="111122223333", partition="aws")
        # "arn:aws:iam::111122223333:policy/delegated/boundary"
    """
    return f"arn:{partition}:iam::{account}:policy{path}{name}"
