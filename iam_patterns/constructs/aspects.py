"""Aspects that act on every construct in a scope at synth time.

``apply_boundary(scope, boundary)`` gives every role and user in ``scope`` a permissions boundary, like
``aws_iam.PermissionsBoundary.of(scope).apply(boundary)``, and also the roles that run the scope's custom
resources. Those roles usually live outside the scope: ``AwsCustomResource`` shares one singleton function per
stack, and ``CustomResourceProvider`` (S3 auto-delete, bucket notifications, ...) puts a raw
``AWS::IAM::Role`` at the stack's top level; CDK's aspect, applied below the stack, misses them both. This
aspect follows each custom resource's ``ServiceToken`` to its Lambda function, and the function's ``Role`` to
the role, in the same stack.

``IamPatternsChecks`` runs the checks (``iam_patterns.checks``) on every stack of an app or stage and reports
each finding as a CDK annotation on the construct that emitted the resource: errors as errors (``cdk synth``
fails), warnings as warnings (``cdk synth --strict`` fails), info as info. ``acknowledge_check`` accepts a
finding on a construct and everything under it, with a written reason.

Example::

    Aspects.of(app).add(IamPatternsChecks(), priority=AspectPriority.READONLY)
    acknowledge_check(stack.sandbox_role, "oidc-sub-wildcard", reason="Sandbox account: any acme repository may deploy.")
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import jsii
from aws_cdk import (
    Acknowledgment,
    Annotations,
    AspectPriority,
    Aspects,
    CfnResource,
    DefaultStackSynthesizer,
    IAspect,
    ISynthesisSession,
    NestedStackSynthesizer,
    Stack,
    Token,
    Validations,
    cx_api,
)
from aws_cdk import aws_iam as iam
from constructs import IConstruct, IValidation

from ..checks import PACK, Rule, check_template, rule_id
from ..checks.runner import ACKNOWLEDGED_RULES, passed_values, unchecked_stacks
from ..errors import ValidationError
from ..evaluation import Template, load_template

__all__ = ["IamPatternsChecks", "acknowledge_check", "apply_boundary"]

_BOUNDED_TYPES = ("AWS::IAM::Role", "AWS::IAM::User")
_FUNCTION = "AWS::Lambda::Function"
_ROLE = "AWS::IAM::Role"


def apply_boundary(scope: IConstruct, boundary: iam.IManagedPolicy) -> None:
    """Set ``boundary`` on every role and user in ``scope`` and on the roles of its custom resources.

    Roles made by L2 constructs (``CfnRole``) and raw ``AWS::IAM::Role`` resources alike; a boundary set
    before is replaced, as CDK's own aspect does. A custom resource's function is found through its
    ``ServiceToken`` (``Fn::GetAtt`` of a function in the same stack); a role imported by ARN cannot be changed
    and is left alone. A singleton provider serves every custom resource of its kind in the stack, so its role
    gets the boundary for all of them.

    Example::

        boundary = PermissionsBoundaryPolicy(stack, "Boundary", services=["s3", "logs"],
                                             managed_policy_name="team-a-boundary")
        apply_boundary(team_a_scope, boundary)
    """
    Aspects.of(scope).add(_BoundaryAspect(boundary.managed_policy_arn), priority=AspectPriority.MUTATING)


def _property(resource: CfnResource, name: str) -> Any:
    # CfnResource.cfnProperties (protected in jsii): PascalCase keys for a raw CfnResource, camelCase for L1s.
    properties = resource._cfn_properties or {}
    return properties.get(name, properties.get(name[0].lower() + name[1:]))


@jsii.implements(IAspect)
class _BoundaryAspect:
    def __init__(self, boundary_arn: str) -> None:
        self._boundary_arn = boundary_arn
        self._resources_by_stack: dict[str, dict[str, CfnResource]] = {}

    def visit(self, node: IConstruct) -> None:
        if not isinstance(node, CfnResource):
            return
        kind = node.cfn_resource_type
        if kind in _BOUNDED_TYPES:
            self._bound(node)
        elif kind.startswith("Custom::") or kind == "AWS::CloudFormation::CustomResource":
            function = self._referenced(node, "ServiceToken", _FUNCTION)
            role = self._referenced(function, "Role", _ROLE) if function is not None else None
            if role is not None:
                self._bound(role)

    def _bound(self, resource: CfnResource) -> None:
        resource.add_property_override("PermissionsBoundary", self._boundary_arn)

    def _referenced(self, resource: CfnResource, name: str, kind: str) -> CfnResource | None:
        """The resource of type ``kind`` that ``resource``'s property ``name`` points at with ``Fn::GetAtt``."""
        stack = Stack.of(resource)
        reference = stack.resolve(_property(resource, name))
        if not (isinstance(reference, dict) and set(reference) == {"Fn::GetAtt"}):
            return None
        target = self._resources(stack).get(reference["Fn::GetAtt"][0])
        return target if target is not None and target.cfn_resource_type == kind else None

    def _resources(self, stack: Stack) -> dict[str, CfnResource]:
        key = stack.node.path
        if key not in self._resources_by_stack:
            self._resources_by_stack[key] = _resources(stack)
        return self._resources_by_stack[key]


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


@jsii.implements(ISynthesisSession)
class _ScratchSession:
    """A synthesis session into a scratch folder: the stack's synthesizer writes its template there."""

    def __init__(self, outdir: str) -> None:
        self._outdir = outdir
        self._assembly = cx_api.CloudAssemblyBuilder(outdir)

    @property
    def outdir(self) -> str:
        return self._outdir

    @property
    def assembly(self) -> cx_api.CloudAssemblyBuilder:
        return self._assembly

    @property
    def validate_on_synthesis(self) -> bool:
        return False


def _synthesized_template(stack: Stack) -> dict[str, Any]:
    """The stack's template exactly as CDK writes it (raw overrides included), synthesized into a scratch folder.

    By a synthesizer of its own, bound to the stack: a stack's synthesizer created in Python comes back from
    ``stack.synthesizer`` as the unbound original (CDK binds a copy), which cannot synthesize. The template does
    not depend on the synthesizer (asset locations are already in it); the bootstrap-version rule, which it adds,
    is left out. A ``NestedStack``'s is written by a ``NestedStackSynthesizer``, as CDK writes it: a
    ``DefaultStackSynthesizer`` would also add the template as an asset named after the stack's name, which in a
    nested stack is a token, and fail the synth."""
    with tempfile.TemporaryDirectory(prefix="iam-patterns-") as scratch:
        synthesizer = DefaultStackSynthesizer(generate_bootstrap_version_rule=False)
        if stack.nested:
            synthesizer = NestedStackSynthesizer(synthesizer)
        synthesizer.bind(stack)
        synthesizer.synthesize(_ScratchSession(scratch))
        return json.loads((Path(scratch) / stack.template_file).read_text())


def _resources(stack: Stack) -> dict[str, CfnResource]:
    """The stack's own CloudFormation resources (not its nested stacks'), by logical id."""
    return {stack.resolve(c.logical_id): c for c in stack.node.find_all()
            if CfnResource.is_cfn_resource(c) and Stack.of(c) is stack}


def _loaded(stack: Stack) -> Template:
    """The stack's template as CDK writes it, loaded as ``check`` loads it: a ``NestedStack``'s with the values its
    parent passes, resolved in the parent's template (loaded the same way, up to the top-level stack)."""
    template = _synthesized_template(stack)
    env = {k: v for k, v in (("account", _concrete(stack.account)), ("region", _concrete(stack.region)),
                             ("stack_name", _concrete(stack.stack_name))) if v}
    passed: dict[str, Any] = {}
    if stack.nested:
        resource = stack.nested_stack_resource
        parent = Stack.of(resource)
        passed = passed_values(template, parent.resolve(_property(resource, "Parameters")) or {}, _loaded(parent))
    return load_template(template, passed_parameters=passed, **env)


@jsii.implements(IValidation)
class _StackChecks:
    """Runs the pack on one stack when CDK validates the tree: after every aspect and reference is in place."""

    def __init__(self, stack: Stack, pack: tuple[Rule, ...]) -> None:
        self._stack = stack
        self._pack = pack

    def validate(self) -> list[str]:
        stack = self._stack
        resources = _resources(stack)
        template = _loaded(stack)
        nested = [stack.resolve(n.nested_stack_resource.logical_id) for n in stack.node.find_all()
                  if Stack.is_stack(n) and n.nested and n.nested_stack_parent is stack]
        for finding in check_template(template, pack=self._pack) + unchecked_stacks(template, nested):
            construct = resources.get(finding.resource, stack)
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
        return []  # findings are reported as annotations, never as validation errors


@jsii.implements(IAspect)
class IamPatternsChecks:
    """Run the checks on each stack in the scope at synth, and report findings as annotations.

    Add it to an app, a stage or a stack::

        Aspects.of(app).add(IamPatternsChecks(), priority=AspectPriority.READONLY)

    The aspect registers a validation on each stack, so the checks read the template CDK writes (raw overrides
    and every other aspect's changes included), once the tree is complete; ``app.synth(skip_validation=True)``
    skips them. Each finding becomes ``[iam-patterns::<check>] <message> (<docs link>)`` on the construct of the
    resource: an error (synth fails), a warning (acknowledgeable by CDK as ``iam-patterns::<check>``; ``cdk synth
    --strict`` fails) or an info. A finding acknowledged with :func:`acknowledge_check` on the construct or an
    ancestor is not reported; an acknowledgement written without a reason is itself reported as an error. A
    ``NestedStack`` is checked with the values its parent passes; any other ``AWS::CloudFormation::Stack`` (a
    ``CfnStack`` with a template of your own) is an info, ``nested-stack-not-checked``: its template is not checked.
    ``pack``: the rules to run. Default: ``PACK``.

    Example::

        Aspects.of(stack).add(IamPatternsChecks(), priority=AspectPriority.READONLY)
    """

    def __init__(self, *, pack: Sequence[Rule] = PACK) -> None:
        self.pack = tuple(pack)

    def visit(self, node: IConstruct) -> None:
        """Register the checks on ``node`` when it is a stack (other constructs are checked with their stack)."""
        if Stack.is_stack(node):
            node.node.add_validation(_StackChecks(node, self.pack))
