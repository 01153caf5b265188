"""A role as its template says it is, as the emulator returns it, and the differences between the two.

``RoleState`` holds what ``make deploy-local`` compares: the trust policy, the inline policies (the role's own
``Policies`` and every ``AWS::IAM::Policy`` that names it), the managed policies, the permissions boundary, the
maximum session, the path and the instance profiles. The template side is read with the kit's template loader
(``iam_patterns.evaluation.load_template``), given the deployed stack's physical ids, so names and ARNs are the
deployed ones; documents are then compared exactly.

The emulator's gaps are worked around here without weakening the comparison: moto ignores a role's
``ManagedPolicyArns``, so the attached policies it reports must be a subset of the template's, and each of the
template's must exist (``missing_policies``); its ``get_role_policy`` returns some documents as a Python
repr, which is parsed as a literal, never evaluated; and its ``Fn::GetAtt`` of a log group's ``Arn`` omits the
``:*`` that CloudFormation's ends with, so exactly those ``Fn::GetAtt``s are read moto's way before comparing
(``as_emulator_resolves``).

Example::

    physical = physical_ids(cfn, stack)
    roles, problems = check_deployed(stack, physical, iam)
"""

from __future__ import annotations

import ast
import json
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from typing import Any

from iam_patterns.evaluation import Template, load_template

from .assembly import Stack
from .emulator import ACCOUNT, REGION

__all__ = [
    "RoleState", "as_emulator_resolves", "check_deployed", "differences", "expected_roles", "missing_policies",
    "physical_ids", "read_role", "read_template", "trust_summary",
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


def read_template(stack: Stack, physical: Mapping[str, str] | None = None) -> Template:
    """``stack``'s template read for IAM in the emulator's account and region; with the deployed stack's
    ``physical`` ids, names and ARNs are the deployed ones, else stand-ins (``<stack>-<logical id>``).

    Example::

        read_template(stack).roles["Deploy7B206E61"].trust_policy
    """
    return load_template(stack.template, account=ACCOUNT, region=REGION, stack_name=stack.name, physical_ids=physical)


def expected_roles(template: Template) -> dict[str, RoleState]:
    """Every role of ``template`` by logical id, as the template says it is.

    Example::

        expected_roles(read_template(stack))["Deploy7B206E61"].max_session   # 7200
    """
    profiles = {
        lid: template.resolve((r.get("Properties") or {}).get("Roles", []))
        for lid, r in template.resources.items()
        if r.get("Type") == "AWS::IAM::InstanceProfile"
    }
    return {
        lid: RoleState(
            trust=role.trust_policy or {},
            inline=role.inline_policies,
            managed=frozenset([*role.managed_policies, *role.external_policy_arns]),
            boundary=role.boundary_arn,
            max_session=role.max_session_duration or DEFAULT_MAX_SESSION,
            path=role.path,
            instance_profiles=frozenset(template.resolve({"Ref": p}) for p, roles in profiles.items() if role.name in roles),
        )
        for lid, role in template.roles.items()
    }


def _moto_log_group_arns(value: Any, log_groups: frozenset[str]) -> Any:
    if isinstance(value, Mapping):
        target = value.get("Fn::GetAtt")
        if len(value) == 1 and isinstance(target, list) and target[1:] == ["Arn"] and target[0] in log_groups:
            return {"Fn::Sub": f"arn:${{AWS::Partition}}:logs:${{AWS::Region}}:${{AWS::AccountId}}:log-group:${{{target[0]}}}"}
        return {k: _moto_log_group_arns(v, log_groups) for k, v in value.items()}
    if isinstance(value, list):
        return [_moto_log_group_arns(v, log_groups) for v in value]
    return value


def as_emulator_resolves(stack: Stack) -> Stack:
    """``stack`` with each ``Fn::GetAtt`` of a log group's ``Arn`` written as moto resolves it: without the
    trailing ``:*`` that CloudFormation's has. Nothing else changes (an ARN a template builds itself is kept).

    Example::

        read_template(as_emulator_resolves(stack), physical)
    """
    resources = stack.template.get("Resources", {})
    log_groups = frozenset(lid for lid, r in resources.items() if r.get("Type") == "AWS::Logs::LogGroup")
    if not log_groups:
        return stack
    return replace(stack, template=_moto_log_group_arns(stack.template, log_groups))


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


def physical_ids(cfn: Any, stack: Stack) -> dict[str, str]:
    """The deployed ``stack``'s physical resource ids by logical id, through the boto3 CloudFormation client.

    Example::

        physical_ids(cfn, stack)   # {'Deploy7B206E61': 'IamPatterns-GitHubOidc-Deploy7B206E61-1A2B3C', ...}
    """
    return {
        r["LogicalResourceId"]: r["PhysicalResourceId"]
        for page in cfn.get_paginator("list_stack_resources").paginate(StackName=stack.name)
        for r in page["StackResourceSummaries"]
        if r["LogicalResourceId"]  # moto also lists the resources it skipped, with no id
    }


def check_deployed(stack: Stack, physical: Mapping[str, str], iam: Any) -> tuple[dict[str, RoleState], list[str]]:
    """Read every role of the deployed ``stack`` (``physical``: its physical ids) back and compare it with the
    template. Returns the template's roles by their deployed names, and the problems found (none when all agree).

    Example::

        roles, problems = check_deployed(stack, physical_ids(cfn, stack), iam)
    """
    template = read_template(as_emulator_resolves(stack), physical)
    roles, problems = {}, []
    for logical_id, expected in expected_roles(template).items():
        role = template.roles[logical_id]
        where = f"{stack.name}/{logical_id} ({role.name})"
        if role.unresolved:
            problems.append(f"{where}: cannot resolve {'; '.join(map(str, role.unresolved))}")
            continue
        problems += [f"{where}: {p}" for p in differences(expected, read_role(iam, role.name))]
        problems += [f"{where}: managed policy {arn} does not exist" for arn in missing_policies(iam, expected.managed)]
        roles[role.name] = expected
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
