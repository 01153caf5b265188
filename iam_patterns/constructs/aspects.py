"""Aspects that act on every construct of a scope at synth.

``IamPatternsChecks`` runs the checks (``iam_patterns.checks``) on every stack of an app or stage and reports
each finding as a CDK annotation on the construct that emitted the resource: errors as errors (``cdk synth``
fails), warnings as warnings (``cdk synth --strict`` fails), info as info. ``acknowledge_check`` accepts a
finding on a construct and everything under it, with a written reason.

Example::

    app = App()
    stack = MyStack(app, "Ci")
    Aspects.of(app).add(IamPatternsChecks(), priority=AspectPriority.READONLY)
    acknowledge_check(stack.sandbox_role, "oidc-sub-wildcard", reason="Sandbox account: any acme repository may deploy.")
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import jsii
from aws_cdk import Acknowledgment, Annotations, CfnCondition, CfnParameter, CfnResource, IAspect, Stack, Token, Validations
from constructs import IConstruct

from ..checks import PACK, Rule, check_template, rule_id
from ..checks.runner import ACKNOWLEDGED_RULES
from ..errors import ValidationError

__all__ = ["IamPatternsChecks", "acknowledge_check"]


def acknowledge_check(scope: IConstruct, check: str, *, reason: str) -> None:
    """Accept ``check``'s findings on ``scope`` and every construct under it, for a written ``reason``.

    Recorded with CDK's ``Validations.of(scope).acknowledge`` (as ``iam-patterns::<check>``), so it shows
    in the cloud assembly's metadata, and ``iam-patterns check cdk.out`` honours it too. An unknown check or
    an empty reason raises ``ValidationError``.

    Example::

        acknowledge_check(role, "service-wide-action", reason="The replication role needs every s3 action.")
    """
    known = [rule.id for rule in PACK]
    if check not in known:
        raise ValidationError("check", check, f"must be one of the checks: {', '.join(known)}")
    if not isinstance(reason, str) or not reason.strip():
        raise ValidationError("reason", reason, "must say why the finding is acceptable (a non-empty text)")
    Validations.of(scope).acknowledge(Acknowledgment(id=rule_id(check), reason=reason.strip()))


def _acknowledgement(construct: IConstruct, check: str) -> str | None:
    """The reason ``check`` is acknowledged on the construct or an ancestor ('' when given without a reason)."""
    wanted = rule_id(check)
    for scope in reversed(construct.node.scopes):
        for entry in scope.node.metadata:
            if entry.type == ACKNOWLEDGED_RULES and isinstance(entry.data, dict) and wanted in entry.data:
                return str(entry.data[wanted] or "")
    return None


def _concrete(value: Any) -> str | None:
    return value if isinstance(value, str) and not Token.is_unresolved(value) else None


def _template(stack: Stack) -> tuple[dict[str, Any], dict[str, CfnResource]]:
    """The stack's template as far as the construct tree tells at synth, and its resources by logical id.

    Raw overrides (``add_property_override``) are applied only when CDK writes the template, so they are not
    seen here; ``iam-patterns check cdk.out`` reads the written template.
    """
    resources: dict[str, Any] = {}
    parameters: dict[str, Any] = {}
    conditions: dict[str, Any] = {}
    by_id: dict[str, CfnResource] = {}
    for construct in stack.node.find_all():
        if Stack.of(construct) is not stack:
            continue
        if CfnResource.is_cfn_resource(construct):
            logical_id = stack.resolve(construct.logical_id)
            try:
                properties = stack.resolve(construct._render_properties(construct._cfn_properties))
            except jsii.errors.JSIIError:
                continue  # a property CDK cannot resolve yet: nothing the checks can read
            resources[logical_id] = {"Type": construct.cfn_resource_type, "Properties": properties or {},
                                     "Metadata": {"aws:cdk:path": construct.node.path}}
            by_id[logical_id] = construct
        elif isinstance(construct, CfnParameter):
            parameters[stack.resolve(construct.logical_id)] = {"Type": construct.type, "Default": construct.default}
        elif isinstance(construct, CfnCondition) and construct.expression is not None:
            conditions[stack.resolve(construct.logical_id)] = stack.resolve(construct.expression)
    return {"Resources": resources, "Parameters": parameters, "Conditions": conditions}, by_id


@jsii.implements(IAspect)
class IamPatternsChecks:
    """Run the checks on each stack in the scope at synth, and report findings as annotations.

    Add it with read-only priority, so that it sees what every other aspect has done::

        Aspects.of(app).add(IamPatternsChecks(), priority=AspectPriority.READONLY)

    Each finding becomes ``[iam-patterns::<check>] <message> (<docs link>)`` on the construct of the resource:
    an error, a warning (acknowledgeable by CDK as ``iam-patterns::<check>``) or an info. A finding acknowledged
    with :func:`acknowledge_check` on the construct or an ancestor is not reported; an acknowledgement written
    without a reason is itself reported as an error. ``pack``: the rules to run. Default: ``PACK``.

    Example::

        Aspects.of(stack).add(IamPatternsChecks(), priority=AspectPriority.READONLY)
    """

    def __init__(self, *, pack: Sequence[Rule] = PACK) -> None:
        self.pack = tuple(pack)

    def visit(self, node: IConstruct) -> None:
        """Check ``node`` when it is a stack (other constructs are checked with their stack)."""
        if not Stack.is_stack(node):
            return
        template, resources = _template(node)
        env = {k: v for k, v in (("account", _concrete(node.account)), ("region", _concrete(node.region)),
                                 ("stack_name", _concrete(node.stack_name))) if v}
        for finding in check_template(template, pack=self.pack, **env):
            construct = resources[finding.resource]
            reason = _acknowledgement(construct, finding.check)
            if reason is not None and reason.strip():
                continue
            annotations = Annotations.of(construct)
            text = f"[{rule_id(finding.check)}] {finding.message} ({finding.docs})"
            if reason is not None:
                annotations.add_error(f"[{rule_id(finding.check)}] is acknowledged without a reason; say why: {text}")
            elif finding.severity == "error":
                annotations.add_error(text)
            elif finding.severity == "warning":
                annotations.add_warning_v2(rule_id(finding.check), text)
            else:
                annotations.add_info(text)
