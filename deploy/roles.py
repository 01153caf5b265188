"""A role as its template says it is, as the emulator returns it, and the differences between the two.

``RoleState`` holds what ``make deploy-local`` compares: the trust policy, the inline policies (the role's own
``Policies`` and every ``AWS::IAM::Policy`` that names it), the managed policies, the permissions boundary, the
maximum session, the path and the instance profiles. Documents are compared exactly, after CloudFormation's
intrinsics are resolved.

The emulator's gaps are worked around here without weakening the comparison: moto ignores a role's
``ManagedPolicyArns``, so the attached policies it reports must be a subset of the template's, and each of the
template's must exist (``missing_policies``); its ``get_role_policy`` returns some documents as a Python
repr, which is parsed as a literal, never evaluated.

Example::

    expected = expected_roles(stack, refs)["Deploy7B206E61"]
    problems = differences(expected, read_role(iam, "IamPatterns-GitHub-Deploy7B206E61-XYZ"))
"""

from __future__ import annotations

import ast
import json
from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

from .assembly import Stack
from .intrinsics import resolve
from .references import References

__all__ = [
    "RoleState", "check_deployed", "differences", "expected_roles", "missing_policies", "read_role", "trust_summary",
]

DEFAULT_MAX_SESSION = 3600


@dataclass(frozen=True)
class RoleState:
    """What ``make deploy-local`` compares of a role."""

    trust: Mapping[str, Any]
    inline: Mapping[str, Any]
    managed: frozenset[str]
    boundary: str | None
    max_session: int
    path: str
    instance_profiles: frozenset[str]


def _names_role(resource: Mapping[str, Any], logical_id: str) -> bool:
    return {"Ref": logical_id} in resource.get("Properties", {}).get("Roles", [])


def expected_roles(stack: Stack, refs: References) -> dict[str, RoleState]:
    """Every ``AWS::IAM::Role`` of ``stack`` by logical id, as its template says it is, resolved with ``refs``.

    Example::

        expected_roles(stack, References(stack))["Deploy7B206E61"].max_session   # 7200
    """

    def value(node: Any) -> Any:
        return resolve(node, ref=refs.ref, get_att=refs.get_att)

    roles = {}
    for logical_id, resource in stack.resources.items():
        if resource["Type"] != "AWS::IAM::Role":
            continue
        props = value(resource.get("Properties", {}))
        inline = {p["PolicyName"]: p["PolicyDocument"] for p in props.get("Policies", [])}
        managed = set(props.get("ManagedPolicyArns", []))
        profiles = set()
        for other_id, other in stack.resources.items():
            if not _names_role(other, logical_id):
                continue
            if other["Type"] == "AWS::IAM::Policy":
                policy = value(other["Properties"])
                inline[policy["PolicyName"]] = policy["PolicyDocument"]
            elif other["Type"] == "AWS::IAM::ManagedPolicy":
                managed.add(value({"Ref": other_id}))
            elif other["Type"] == "AWS::IAM::InstanceProfile":
                profiles.add(value({"Ref": other_id}))
        roles[logical_id] = RoleState(
            trust=props["AssumeRolePolicyDocument"],
            inline=inline,
            managed=frozenset(managed),
            boundary=props.get("PermissionsBoundary"),
            max_session=int(props.get("MaxSessionDuration", DEFAULT_MAX_SESSION)),
            path=props.get("Path", "/"),
            instance_profiles=frozenset(profiles),
        )
    return roles


def _document(value: Any) -> Any:
    """A policy document as boto3 returns it from the emulator: a dict, JSON, or (moto) a Python repr."""
    if not isinstance(value, str):
        return value
    try:
        return json.loads(value)
    except json.JSONDecodeError:
        return ast.literal_eval(value)


def read_role(iam: Any, name: str) -> RoleState:
    """The role ``name`` as the emulator returns it, through the boto3 IAM client ``iam``.

    Example::

        read_role(boto3.client("iam", endpoint_url=url), "my-role").boundary
    """
    role = iam.get_role(RoleName=name)["Role"]
    inline = {}
    for page in iam.get_paginator("list_role_policies").paginate(RoleName=name):
        for policy in page["PolicyNames"]:
            inline[policy] = _document(iam.get_role_policy(RoleName=name, PolicyName=policy)["PolicyDocument"])
    managed = {
        p["PolicyArn"]
        for page in iam.get_paginator("list_attached_role_policies").paginate(RoleName=name)
        for p in page["AttachedPolicies"]
    }
    profiles = {
        p["InstanceProfileName"]
        for page in iam.get_paginator("list_instance_profiles_for_role").paginate(RoleName=name)
        for p in page["InstanceProfiles"]
    }
    return RoleState(
        trust=_document(role["AssumeRolePolicyDocument"]),
        inline=inline,
        managed=frozenset(managed),
        boundary=role.get("PermissionsBoundary", {}).get("PermissionsBoundaryArn"),
        max_session=role["MaxSessionDuration"],
        path=role["Path"],
        instance_profiles=frozenset(profiles),
    )


def differences(expected: RoleState, deployed: RoleState) -> list[str]:
    """How ``deployed`` differs from ``expected``, one sentence per property; empty when they agree.

    The emulator does not attach a role's ``ManagedPolicyArns``, so attached policies only have to be a subset
    of the template's (check that those exist with ``missing_policies``).

    Example::

        differences(expected, deployed)   # ['max_session: deployed 3600, template 7200']
    """
    problems = []
    for field in fields(RoleState):
        want, got = getattr(expected, field.name), getattr(deployed, field.name)
        if field.name == "managed":
            if got - want:
                problems.append(f"managed: attached {sorted(got - want)}, which the template does not attach")
        elif got != want:
            problems.append(f"{field.name}: deployed {_show(got)}, template {_show(want)}")
    return problems


def _show(value: Any) -> str:
    if isinstance(value, frozenset):
        return json.dumps(sorted(value))
    return json.dumps(value, sort_keys=True, default=str)


def missing_policies(iam: Any, arns: frozenset[str]) -> list[str]:
    """The managed policies among ``arns`` that do not exist in the account ``iam`` talks to.

    Example::

        missing_policies(iam, frozenset({"arn:aws:iam::aws:policy/ReadOnlyAcess"}))   # a typo: it is listed
    """
    missing = []
    for arn in sorted(arns):
        try:
            iam.get_policy(PolicyArn=arn)
        except iam.exceptions.NoSuchEntityException:
            missing.append(arn)
    return missing


def check_deployed(stack: Stack, refs: References, iam: Any) -> tuple[dict[str, RoleState], list[str]]:
    """Read every role of the deployed ``stack`` back and compare it with its template.

    Returns the template's roles by their deployed names, and the problems found (empty when all agree).

    Example::

        roles, problems = check_deployed(stack, References.deployed(stack, cfn=cfn, iam=iam), iam)
    """
    roles, problems = {}, []
    for logical_id, expected in expected_roles(stack, refs).items():
        name = refs.ref(logical_id)
        where = f"{stack.name}/{logical_id} ({name})"
        problems += [f"{where}: {p}" for p in differences(expected, read_role(iam, name))]
        problems += [f"{where}: managed policy {arn} does not exist" for arn in missing_policies(iam, expected.managed)]
        roles[name] = expected
    return roles, problems


def _values(value: Any) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def trust_summary(trust: Mapping[str, Any]) -> tuple[str, str]:
    """Who a trust policy lets in, and on what conditions, as two short lines for a table.

    Example::

        trust_summary(doc)   # ('Service: ec2.amazonaws.com', 'StringEquals aws:SourceAccount=123456789012')
    """
    principals, conditions = [], []
    statements = trust.get("Statement", [])
    for statement in statements if isinstance(statements, list) else [statements]:
        if statement.get("Effect") != "Allow":
            continue
        principal = statement.get("Principal", {})
        if not isinstance(principal, Mapping):
            principals.append(str(principal))
        else:
            principals += [f"{kind}: {v}" for kind, value in principal.items() for v in _values(value)]
        for operator, pairs in statement.get("Condition", {}).items():
            conditions += [f"{operator} {key}={'|'.join(_values(v))}" for key, v in pairs.items()]
    return "; ".join(dict.fromkeys(principals)), "; ".join(dict.fromkeys(conditions)) or "-"
