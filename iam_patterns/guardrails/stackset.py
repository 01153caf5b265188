"""StackSets with service-managed permissions: what an organization-wide rollout is made of, checked before
anything is emitted.

A service-managed StackSet (CloudFormation with AWS Organizations' trusted access) deploys one template as a
stack instance into every account of the organizational units it targets, in each of its regions, and into
accounts that join those OUs later. Here are the checks of its inputs (``OrgRollout`` runs them all):

- targets: OU ids (``ou-xxxx-xxxxxxxx``) or the root id (``r-xxxx``), at least one, no duplicates, and the root
  alone (it already holds every OU);
- regions: at least one, no duplicates, one partition, each a region code by the rule in ``policy.validate_region``;
- operation preferences: how many accounts at once and how many failures before the operation stops, by count
  or by percentage, within CloudFormation's ranges, and never more concurrency than CloudFormation's default
  ``STRICT_FAILURE_TOLERANCE`` mode would really run (see ``operation_preferences``);
- the member template: no transform (service-managed StackSets run no macros), no parameter without a default
  (nothing passes a value), at most 51,200 bytes as ``TemplateBody``, and named IAM resources (IAM is global)
  in one region only. ``stack_set_capabilities`` says which IAM capability it needs.

Example::

    deployment_targets(["ou-ab12-cd34ef56"])
    stack_set_regions(["us-east-1"])
    operation_preferences(regions=["us-east-1"])   # one account at a time, stop at the first failure
    stack_set_template_body(member_template, regions=["us-east-1"])
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

from ..errors import ValidationError
from ..policy import is_unresolved, validate_non_empty, validate_pattern, validate_region
from ._validate import OU_ID, ROOT_ID

__all__ = [
    "CONCURRENCY_MODE",
    "PERMISSION_MODEL",
    "TEMPLATE_BODY_QUOTA",
    "deployment_targets",
    "named_iam_resources",
    "operation_preferences",
    "stack_set_capabilities",
    "stack_set_regions",
    "stack_set_template_body",
    "validate_description",
    "validate_organizational_unit_id",
    "validate_stack_set_name",
]

TEMPLATE_BODY_QUOTA = 51_200
"""The most a StackSet's ``TemplateBody`` may hold, in bytes (larger templates need ``TemplateURL``, in S3)."""
PERMISSION_MODEL = "SERVICE_MANAGED"
"""StackSets deploy through the roles AWS Organizations' trusted access creates in each member account."""
CONCURRENCY_MODE = "STRICT_FAILURE_TOLERANCE"
"""CloudFormation's default: never more accounts at once than the failure tolerance + 1."""

_STACK_SET_NAME = re.compile(r"[a-zA-Z][-a-zA-Z0-9]{0,127}")
_TARGET = re.compile(rf"{OU_ID}|{ROOT_ID}")
_NAMED_IAM = {
    "AWS::IAM::Group": "GroupName",
    "AWS::IAM::InstanceProfile": "InstanceProfileName",
    "AWS::IAM::ManagedPolicy": "ManagedPolicyName",
    "AWS::IAM::Role": "RoleName",
    "AWS::IAM::User": "UserName",
}


def _once(parameter: str, values: tuple[str, ...], what: str) -> None:
    """Refuse ``values`` that name one ``what`` twice."""
    duplicates = sorted({v for v in values if values.count(v) > 1})
    if duplicates:
        raise ValidationError(parameter, list(values), f"must name each {what} once, not {', '.join(duplicates)} twice")


def validate_organizational_unit_id(value: str, *, parameter: str = "organizational_unit_ids") -> str:
    """An OU id (``ou-`` 4 to 32 lowercase letters or digits, ``-``, 8 to 32 more) or the root id (``r-`` 4 to 32).

    Example::

        validate_organizational_unit_id("ou-ab12-cd34ef56")
    """
    return validate_pattern(
        value,
        _TARGET,
        "must be an OU id such as 'ou-ab12-cd34ef56' or the root id such as 'r-ab12' (account ids are not targets "
        "of a service-managed StackSet)",
        parameter=parameter,
    )


def deployment_targets(ids: Sequence[str], *, parameter: str = "organizational_unit_ids") -> tuple[str, ...]:
    """The OU ids (or the root id) a StackSet deploys to: at least one, each valid, no duplicates, and the root
    alone (a StackSet that targets an OU also deploys to its child OUs, and the root holds them all).

    Example::

        deployment_targets(["ou-ab12-cd34ef56", "ou-ab12-ef56ab78"])
    """
    ids = validate_non_empty(ids, parameter=parameter)
    for value in ids:
        validate_organizational_unit_id(value, parameter=parameter)
    _once(parameter, ids, "target")
    roots = [v for v in ids if v.startswith("r-")]
    if roots and len(ids) > 1:
        raise ValidationError(
            parameter, list(ids), f"must name the root {roots[0]} alone: it already holds every OU of the organization"
        )
    return ids


def validate_stack_set_name(value: str, *, parameter: str = "stack_set_name") -> str:
    """A StackSet name: a letter, then letters, digits and ``-``, at most 128 characters.

    Example::

        validate_stack_set_name("org-baseline")
    """
    return validate_pattern(
        value,
        _STACK_SET_NAME,
        "must start with a letter and hold only letters, digits and '-', at most 128 characters",
        parameter=parameter,
    )


def validate_description(value: str, *, parameter: str = "description") -> str:
    """A StackSet's (and its template's) description: 1 to 1,024 characters.

    Example::

        validate_description("The organization baseline: audit and break-glass roles, boundary, delegation")
    """
    if is_unresolved(value) or (isinstance(value, str) and 1 <= len(value) <= 1_024):
        return value
    raise ValidationError(parameter, value, "must be a string of 1 to 1,024 characters")


def _partition(region: str) -> str:
    return "aws-cn" if region.startswith("cn-") else "aws-us-gov" if region.startswith("us-gov-") else "aws"


def stack_set_regions(
    regions: Sequence[str], *, home_region: str | None = None, parameter: str = "regions"
) -> tuple[str, ...]:
    """The regions a StackSet deploys to, in the order it deploys them: at least one, each valid, no duplicates,
    and all in one partition, that of ``home_region`` (where the StackSet is created) when it is known: a
    StackSet in ``aws`` cannot reach ``aws-cn`` or ``aws-us-gov``. Default: home region unknown.

    Example::

        stack_set_regions(["eu-west-1", "eu-central-1"], home_region="us-east-1")
    """
    regions = validate_non_empty(regions, parameter=parameter)
    for region in regions:
        validate_region(region, parameter=parameter)
    _once(parameter, regions, "region")
    partitions = sorted({_partition(r) for r in regions})
    if len(partitions) > 1:
        raise ValidationError(
            parameter,
            list(regions),
            f"must all be in one partition, not in {' and '.join(partitions)}: a StackSet deploys only within the "
            "partition it is created in",
        )
    if home_region is not None and not is_unresolved(home_region) and _partition(home_region) != partitions[0]:
        raise ValidationError(
            parameter,
            list(regions),
            f"must be in the partition of {home_region}, where the StackSet is created ({_partition(home_region)}), "
            f"not in {partitions[0]}",
        )
    return regions


def _whole_number(parameter: str, value: object, low: int, high: int | None, unit: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < low or (high is not None and value > high):
        bounds = f"from {low} to {high}" if high is not None else f"of at least {low}"
        raise ValidationError(parameter, value, f"must be a whole number {bounds} ({unit})")
    return value


def _count_or_percentage(
    stem: str, count: int | None, percentage: int | None, *, default: int, lowest: int
) -> tuple[str, str, int]:
    """``stem``_count or ``stem``_percentage (not both): its parameter name, its CloudFormation key, its value."""
    key = "".join(word.capitalize() for word in stem.split("_"))
    if percentage is None:
        value = default if count is None else count
        return f"{stem}_count", f"{key}Count", _whole_number(f"{stem}_count", value, lowest, None, "accounts")
    if count is not None:
        raise ValidationError(
            f"{stem}_percentage",
            percentage,
            f"must not be given with {stem}_count: CloudFormation takes one or the other",
        )
    value = _whole_number(f"{stem}_percentage", percentage, lowest, 100, "percent")
    return f"{stem}_percentage", f"{key}Percentage", value


def operation_preferences(
    *,
    regions: Sequence[str],
    max_concurrent_count: int | None = None,
    max_concurrent_percentage: int | None = None,
    failure_tolerance_count: int | None = None,
    failure_tolerance_percentage: int | None = None,
) -> dict[str, Any]:
    """The ``OperationPreferences`` of a StackSet: how many accounts at once, how many failures before an
    operation stops, one region after the other in the order of ``regions``.

    Each of the two is a count or a percentage of the target accounts (per region), not both. Default: one
    account at a time (``MaxConcurrentCount`` 1) and stop at the first failure (``FailureToleranceCount`` 0).
    Ranges: a concurrency count of at least 1, a concurrency percentage from 1 to 100, a tolerance count of at
    least 0, a tolerance percentage from 0 to 100; CloudFormation rounds percentages down (a concurrency to at
    least one account).

    In ``STRICT_FAILURE_TOLERANCE`` mode, which this emits and which is CloudFormation's default, an operation
    never runs in more accounts at once than the failure tolerance + 1. A concurrency above that would be
    lowered without a word, so it is refused: as counts, ``max_concurrent_count`` must be at most
    ``failure_tolerance_count`` + 1; as percentages, ``max_concurrent_percentage`` at most
    ``failure_tolerance_percentage``; a count and a percentage cannot be compared before the accounts are known,
    so a concurrency above one account must then be given the same way as the tolerance.
    These preferences do not apply to automatic deployments to accounts that join a target OU.

    Example::

        operation_preferences(regions=["us-east-1"])   # the safe default
        operation_preferences(regions=["us-east-1"], max_concurrent_percentage=25, failure_tolerance_percentage=25)
    """
    regions = stack_set_regions(regions)
    tolerance_name, tolerance_key, tolerance = _count_or_percentage(
        "failure_tolerance", failure_tolerance_count, failure_tolerance_percentage, default=0, lowest=0
    )
    concurrency_name, concurrency_key, concurrency = _count_or_percentage(
        "max_concurrent", max_concurrent_count, max_concurrent_percentage, default=1, lowest=1
    )
    tolerance_in_percent = tolerance_key.endswith("Percentage")
    concurrency_in_percent = concurrency_key.endswith("Percentage")
    capped = "CloudFormation runs an operation in at most the tolerated failures + 1 accounts at once"
    one_at_a_time = not concurrency_in_percent and concurrency == 1  # what every tolerance allows
    if not one_at_a_time and concurrency_in_percent != tolerance_in_percent:
        raise ValidationError(
            concurrency_name,
            concurrency,
            f"cannot be checked against {tolerance_name} {tolerance}: {capped}, and a count and a percentage "
            "compare only once the accounts are known; give both as counts or both as percentages",
        )
    highest = tolerance if tolerance_in_percent else tolerance + 1
    if concurrency > highest:
        raise ValidationError(
            concurrency_name,
            concurrency,
            f"must be at most {highest}{'%' if tolerance_in_percent else ''} with {tolerance_name} {tolerance}: "
            f"{capped}, so CloudFormation would lower it; give {tolerance_name} "
            f"{concurrency if tolerance_in_percent else concurrency - 1} or more",
        )
    return {
        "ConcurrencyMode": CONCURRENCY_MODE,
        tolerance_key: tolerance,
        concurrency_key: concurrency,
        "RegionConcurrencyType": "SEQUENTIAL",
        "RegionOrder": list(regions),
    }


def _resources(template: Mapping[str, Any]) -> Mapping[str, Mapping[str, Any]]:
    return template.get("Resources") or {}


def named_iam_resources(template: Mapping[str, Any]) -> tuple[str, ...]:
    """The logical ids of the template's IAM resources that have a fixed name (a role with ``RoleName``, a managed
    policy with ``ManagedPolicyName``, ...): CloudFormation needs ``CAPABILITY_NAMED_IAM`` for them, and, IAM
    being global, one account can hold each name once.

    Example::

        named_iam_resources(json.load(open("cdk.out/Member.template.json")))   # ("AuditRole1A2B3C4D", ...)
    """
    return tuple(
        logical_id
        for logical_id, resource in _resources(template).items()
        if _NAMED_IAM.get(resource.get("Type", "")) in (resource.get("Properties") or {})
    )


def stack_set_capabilities(template: Mapping[str, Any]) -> tuple[str, ...]:
    """The capabilities a StackSet must acknowledge for ``template``: ``CAPABILITY_NAMED_IAM`` when it names an
    IAM resource, ``CAPABILITY_IAM`` when it has IAM resources with generated names only, none otherwise.

    Example::

        stack_set_capabilities({"Resources": {"Topic": {"Type": "AWS::SNS::Topic"}}})   # ()
    """
    if named_iam_resources(template):
        return ("CAPABILITY_NAMED_IAM",)
    if any(r.get("Type", "").startswith("AWS::IAM::") for r in _resources(template).values()):
        return ("CAPABILITY_IAM",)
    return ()


def stack_set_template_body(
    template: Mapping[str, Any], *, regions: Sequence[str], parameter: str = "member template"
) -> str:
    """``template`` as a StackSet's ``TemplateBody``: compact JSON, refused if a service-managed StackSet could
    not deploy it as it is.

    Refused: no resource; a ``Transform`` (service-managed StackSets run no macros, ``AWS::Serverless`` and
    ``AWS::Include`` included); a parameter without a ``Default`` (the StackSet passes no parameter values);
    named IAM resources with more than one region (IAM is global: the second region's stack instance would fail
    on the names the first one created); more than 51,200 bytes (UTF-8) of compact JSON.

    Example::

        stack_set_template_body({"Resources": {"Topic": {"Type": "AWS::SNS::Topic"}}}, regions=["us-east-1"])
        # '{"Resources":{"Topic":{"Type":"AWS::SNS::Topic"}}}'
    """
    regions = stack_set_regions(regions)
    if not _resources(template):
        raise ValidationError(parameter, {}, "must have a resource: CloudFormation refuses a template without one")
    if "Transform" in template:
        raise ValidationError(
            parameter,
            template["Transform"],
            "must not use a transform: StackSets with service-managed permissions run no macros "
            "(AWS::Serverless and AWS::Include included)",
        )
    unset = sorted(name for name, p in (template.get("Parameters") or {}).items() if "Default" not in p)
    if unset:
        raise ValidationError(
            parameter,
            unset,
            "must give every parameter a Default: the StackSet passes no parameter values to its stack instances",
        )
    named = named_iam_resources(template)
    if named and len(regions) > 1:
        raise ValidationError(
            "regions",
            list(regions),
            f"must name one region for a member template with named IAM resources ({', '.join(named)}): IAM is "
            "global, so the stack instance in a second region would fail on the names the first one created; "
            "deploy regional resources with a second rollout",
        )
    body = json.dumps(template, separators=(",", ":"), ensure_ascii=False)
    size = len(body.encode())
    if size > TEMPLATE_BODY_QUOTA:
        raise ValidationError(
            parameter,
            size,
            f"must be at most {TEMPLATE_BODY_QUOTA:,} bytes of compact JSON (the StackSet TemplateBody quota): "
            "split the member stack into several rollouts",
            shown=f"{size:,} bytes",
        )
    return body
