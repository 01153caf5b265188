"""The stacks of a synthesized cloud assembly (``cdk.out``), and which of them the local emulator can deploy.

Whether a stack is deployed to the emulator is decided from its template's resource types alone, by the short
list below: moto 5.2.5's CloudFormation skips, without an error, every type it has no model for, so a stack
that needs one would "deploy" without it. Such a stack is still synthesized (and validated by CDK), and its
roles are listed, marked "not deployed" with the reason; so is every stack that depends on it.

Example::

    stacks = read_assembly(Path("cdk.out"))
    for stack_id, reason in classify(stacks).items():
        print(stack_id, reason or "deployed to the emulator")
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from iam_patterns.evaluation.cloud_assembly import assembly_stacks

__all__ = ["IAM_TYPES_CREATED", "NOT_DEPLOYABLE", "Stack", "classify", "read_assembly"]

NOT_DEPLOYABLE: Mapping[str, str] = {
    "AWS::Organizations::": "moto does not create AWS Organizations resources (service control policies, OUs)",
    "AWS::SSO::": "moto does not create IAM Identity Center resources (permission sets, assignments)",
    "AWS::CloudFormation::StackSet": "moto does not create stack sets",
    "AWS::IAM::OIDCProvider": (
        "moto does not create OIDC providers; import the provider by ARN instead (context github-oidc-provider-arn)"
    ),
    "AWS::CloudFormation::CustomResource": "a custom resource runs Lambda code, which moto runs only in Docker",
    "Custom::": "a custom resource runs Lambda code, which moto runs only in Docker",
}
"""Resource type (or prefix ending in ``::``) -> why a stack that has one is not deployed to the emulator."""

IAM_TYPES_CREATED = frozenset(
    ["AWS::IAM::AccessKey", "AWS::IAM::InstanceProfile", "AWS::IAM::ManagedPolicy", "AWS::IAM::Policy",
     "AWS::IAM::Role", "AWS::IAM::User"]
)
"""The IAM resource types moto 5.2.5's CloudFormation creates; a stack with any other IAM type is not deployed,
since what it grants could not be read back."""


@dataclass(frozen=True)
class Stack:
    """One stack of the assembly: its artifact id (what the CDK CLI takes), its CloudFormation stack name, its
    template, and the ids of the stacks it depends on."""

    id: str
    name: str
    template: Mapping[str, Any]
    dependencies: tuple[str, ...] = ()

    @property
    def resources(self) -> Mapping[str, Mapping[str, Any]]:
        """The template's resources, by logical id."""
        return self.template.get("Resources", {})


def read_assembly(out: Path) -> list[Stack]:
    """Every top-level stack in the cloud assembly at ``out``, in manifest order (stacks in Stages are not
    deployed to the emulator).

    Example::

        [s.name for s in read_assembly(Path("cdk.out"))]   # ['IamPatterns-S3PrefixAccess', ...]
    """
    stacks = [s for s in assembly_stacks(out) if s.template_file.parent == Path(out)]
    ids = {s.artifact_id for s in stacks}
    return [
        Stack(
            id=s.artifact_id,
            name=s.stack_name,
            template=json.loads(s.template_file.read_text()),
            dependencies=tuple(d for d in s.dependencies if d in ids),
        )
        for s in stacks
    ]


def _type_reason(resource_type: str) -> str | None:
    for prefix, reason in NOT_DEPLOYABLE.items():
        if resource_type == prefix or (prefix.endswith("::") and resource_type.startswith(prefix)):
            return reason
    if resource_type.startswith("AWS::IAM::") and resource_type not in IAM_TYPES_CREATED:
        return f"moto does not create {resource_type}"
    return None


def classify(stacks: list[Stack]) -> dict[str, str | None]:
    """Each stack's id -> why it is not deployed to the emulator, or ``None`` when it is deployed.

    Example::

        classify(stacks)   # {'IamPatterns-S3PrefixAccess': None, 'IamPatterns-Scp': 'AWS::Organizations::Policy: ...'}
    """
    reasons: dict[str, str | None] = {}
    for stack in stacks:
        found = sorted({r["Type"] for r in stack.resources.values() if _type_reason(r["Type"])})
        reasons[stack.id] = "; ".join(f"{t}: {_type_reason(t)}" for t in found) or None
    changed = True
    while changed:  # a stack that depends on a stack that is not deployed is not deployed either
        changed = False
        for stack in stacks:
            blocked = [d for d in stack.dependencies if reasons.get(d)]
            if blocked and not reasons[stack.id]:
                reasons[stack.id] = f"depends on {', '.join(blocked)}, which is not deployed"
                changed = True
    return reasons
