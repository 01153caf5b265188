"""Validators for the values the guardrails are made of: service names, IAM names and paths, regions, ARN
patterns. Each returns its value, skips unresolved CDK tokens, and raises ``ValidationError`` otherwise."""

from __future__ import annotations

import re

from ..policy import validate_pattern

__all__ = [
    "OU_ID",
    "ROOT_ID",
    "managed_policy_arn",
    "validate_name_pattern",
    "validate_policy_name",
    "validate_service_prefix",
]

_SERVICE_PREFIX = re.compile(r"[a-z0-9][a-z0-9-]*")
_POLICY_NAME = re.compile(r"[\w+=,.@-]{1,128}")
_NAME_PATTERN = re.compile(r"[\w+=,.@*?-]+(/[\w+=,.@*?-]+)*")
ROOT_ID = r"r-[0-9a-z]{4,32}"
"""The pattern of an organization root id, as AWS Organizations documents it."""
OU_ID = r"ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}"
"""The pattern of an organizational unit id, as AWS Organizations documents it."""


def validate_service_prefix(value: str, *, parameter: str = "services") -> str:
    """A service prefix as IAM actions write it: ``s3``, ``dynamodb``, ``execute-api``.

    Example::

        validate_service_prefix("execute-api")
    """
    return validate_pattern(
        value, _SERVICE_PREFIX, "must be a service prefix such as 's3' or 'execute-api'", parameter=parameter
    )


def validate_policy_name(value: str, *, parameter: str = "managed_policy_name") -> str:
    """A managed policy name: 1 to 128 characters of letters, digits and ``+=,.@_-``.

    Example::

        validate_policy_name("team-a-boundary")
    """
    return validate_pattern(
        value, _POLICY_NAME, "must be 1 to 128 characters of letters, digits and +=,.@_-", parameter=parameter
    )


def validate_name_pattern(value: str, *, parameter: str) -> str:
    """A role name with its path and ``*``/``?`` wildcards, as it follows ``role/`` in an ARN: ``admin``,
    ``platform/*``, ``aws-reserved/sso.amazonaws.com/*/AWSReservedSSO_Admin_*``.

    Example::

        validate_name_pattern("platform-*", parameter="role_patterns")
    """
    return validate_pattern(
        value,
        _NAME_PATTERN,
        "must be a role name, optionally after its path (no leading '/'), of letters, digits, +=,.@_- and the "
        "wildcards * and ?",
        parameter=parameter,
    )


def managed_policy_arn(name: str, *, path: str, account: str, partition: str) -> str:
    """The ARN of the customer managed policy ``name`` on ``path`` in ``account``.

    Example::

        managed_policy_arn("boundary", path="/delegated/", account="111122223333", partition="aws")
        # "arn:aws:iam::111122223333:policy/delegated/boundary"
    """
    return f"arn:{partition}:iam::{account}:policy{path}{name}"
