"""IAM Identity Center permission sets: the values they are made of, checked before anything is emitted.

Humans get AWS access through Identity Center, not IAM users: a permission set becomes a role in each account
it is assigned to, with the session duration, policies and boundary it names. Customer managed policies are
referenced by name and path, and must exist under that name in every account the set is assigned to.

Example::

    validate_instance_arn("arn:aws:sso:::instance/ssoins-1111111111111111")
    policy_reference("/delegated/team-a-delegation")   # ("team-a-delegation", "/delegated/")
"""

from __future__ import annotations

import re

from ..errors import ValidationError
from ..policy import (
    MAX_SESSION_DURATION,
    MIN_SESSION_DURATION,
    PARTITIONS,
    is_unresolved,
    validate_pattern,
    validate_role_path,
)
from ._validate import validate_policy_name

__all__ = [
    "iso_duration",
    "policy_reference",
    "validate_aws_managed_policy_arn",
    "validate_instance_arn",
    "validate_identity_store_id",
    "validate_permission_set_name",
]

_PARTITION = "(" + "|".join(map(re.escape, PARTITIONS)) + ")"
_INSTANCE_ARN = re.compile(rf"arn:{_PARTITION}:sso:::instance/(sso)?ins-[a-zA-Z0-9-.]{{16}}")
_PERMISSION_SET_NAME = re.compile(r"[\w+=,.@-]{1,32}")
_IDENTITY_STORE_ID = re.compile(
    r"([0-9a-f]{10}-|)[A-Fa-f0-9]{8}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{12}"
)
_AWS_MANAGED_POLICY_ARN = re.compile(rf"arn:{_PARTITION}:iam::aws:policy/\S+")


def validate_instance_arn(value: str, *, parameter: str = "instance_arn") -> str:
    """The ARN of an Identity Center instance: ``arn:PARTITION:sso:::instance/ssoins-`` and 16 characters.

    Example::

        validate_instance_arn("arn:aws:sso:::instance/ssoins-1111111111111111")
    """
    return validate_pattern(
        value,
        _INSTANCE_ARN,
        "must be an Identity Center instance ARN: arn:PARTITION:sso:::instance/ssoins-XXXXXXXXXXXXXXXX",
        parameter=parameter,
    )


def validate_permission_set_name(value: str, *, parameter: str = "name") -> str:
    """A permission set name: 1 to 32 characters of letters, digits and ``+=,.@_-``.

    Example::

        validate_permission_set_name("TeamADeveloper")
    """
    return validate_pattern(
        value, _PERMISSION_SET_NAME, "must be 1 to 32 characters of letters, digits and +=,.@_-", parameter=parameter
    )


def validate_identity_store_id(value: str, *, parameter: str) -> str:
    """A user or group id from the Identity Store: a UUID, optionally after 10 hex digits and ``-``.

    Example::

        validate_identity_store_id("9067e1a2-40a1-70f5-5f0d-6f1b0c2e9a11", parameter="group_assignments")
    """
    return validate_pattern(
        value, _IDENTITY_STORE_ID, "must be an Identity Store user or group id (a UUID)", parameter=parameter
    )


def validate_aws_managed_policy_arn(value: str, *, parameter: str) -> str:
    """The ARN of an AWS managed policy, ``arn:PARTITION:iam::aws:policy/NAME``.

    Example::

        validate_aws_managed_policy_arn("arn:aws:iam::aws:policy/ReadOnlyAccess", parameter="permissions_boundary")
    """
    return validate_pattern(
        value,
        _AWS_MANAGED_POLICY_ARN,
        "must be an AWS managed policy ARN arn:PARTITION:iam::aws:policy/NAME",
        parameter=parameter,
    )


def policy_reference(value: str, *, parameter: str = "customer_managed_policies") -> tuple[str, str]:
    """``(name, path)`` of a customer managed policy written as ``NAME`` or ``/PATH/NAME``. An unresolved CDK
    token cannot be split, so it is taken as a NAME on path ``/``: pass a path as plain text.

    Example::

        policy_reference("team-a-boundary")                  # ("team-a-boundary", "/")
        policy_reference("/delegated/team-a-boundary")       # ("team-a-boundary", "/delegated/")
    """
    if is_unresolved(value):
        return value, "/"
    if not isinstance(value, str) or not value:
        raise ValidationError(parameter, value, "must be a policy name, or /PATH/NAME")
    path, _, name = value.rpartition("/")
    path = f"{path}/" if path else "/"
    validate_role_path(path, parameter=parameter)
    validate_policy_name(name, parameter=parameter)
    return name, path


def iso_duration(seconds: int, *, parameter: str = "session_duration") -> str:
    """A session duration of 1 to 12 hours as ISO 8601 (``PT1H``, ``PT1H30M``), the form permission sets take.

    Example::

        iso_duration(5400)   # "PT1H30M"
    """
    if (
        isinstance(seconds, bool)
        or not isinstance(seconds, int)
        or not MIN_SESSION_DURATION <= seconds <= MAX_SESSION_DURATION
    ):
        raise ValidationError(
            parameter,
            seconds,
            "must be between 1 and 12 hours",
            shown=f"{seconds} s" if isinstance(seconds, (int, float)) else None,
        )
    if seconds % 60:
        raise ValidationError(parameter, seconds, "must be whole minutes", shown=f"{seconds} s")
    hours, minutes = divmod(seconds // 60, 60)
    return "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "")
