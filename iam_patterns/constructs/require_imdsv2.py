"""``RequireImdsv2``: require IMDSv2 on every EC2 instance and launch template in a scope.

With IMDSv1, one GET from a server-side request forgery bug (``http://169.254.169.254/...``) returns the instance
role's credentials; IMDSv2 needs a PUT for a session token first, which SSRF rarely can send. ``RequireImdsv2`` sets
``MetadataOptions.HttpTokens`` to ``required`` on each ``AWS::EC2::Instance`` and ``AWS::EC2::LaunchTemplate``
that leaves it unset, and reports an error (synthesis fails) on one that sets it to ``optional`` or to something
it cannot read: it never overrides an explicit choice silently. ``Ec2InstanceRole`` applies it to its stack.

``RequireImdsv2.apply(scope)`` costs one jsii callback per scope, not one per construct: it adds a leaf construct
under the scope whose Aspect, visited once, sweeps the whole scope, and whose validation fails synthesis on an
instance or launch template that appeared after the sweep (made by a later Aspect) without IMDSv2 required.
``RequireImdsv2`` is also an ordinary Aspect (``Aspects.of(scope).add(RequireImdsv2())``) that visits each construct.
"""

from __future__ import annotations

import weakref
from typing import Any

import jsii
from aws_cdk import Annotations, AspectPriority, Aspects, IAspect, Stack
from aws_cdk import aws_ec2 as ec2
from constructs import Construct, IConstruct, IValidation

__all__ = ["RequireImdsv2"]

_REQUIRED = "required"
_GUARD_ID = "RequireImdsv2"
_APPLIED: weakref.WeakSet[IConstruct] = weakref.WeakSet()
"""Scopes known to carry the guard: spares each Ec2InstanceRole of a stack the jsii call that looks for it."""


def _http_tokens(resolved: Any, keys: tuple[str, ...]) -> Any:
    """The HttpTokens value at ``keys`` in a resolved property: None when unset; what blocks the walk otherwise
    (an intrinsic such as ``{"Fn::If": ...}``), which is neither None nor 'required'."""
    for key in keys:
        if resolved is None or not isinstance(resolved, dict) or any(k == "Ref" or k.startswith("Fn::") for k in resolved):
            return resolved
        resolved = resolved.get(key)
    return resolved


def _metadata_tokens(node: IConstruct) -> tuple[Any, str] | None:
    """(the resolved HttpTokens, its property path) of an instance or launch template; None for anything else."""
    if isinstance(node, ec2.CfnInstance):
        return _http_tokens(Stack.of(node).resolve(node.metadata_options), ("httpTokens",)), "MetadataOptions.HttpTokens"
    if isinstance(node, ec2.CfnLaunchTemplate):
        resolved = Stack.of(node).resolve(node.launch_template_data)
        return _http_tokens(resolved, ("metadataOptions", "httpTokens")), "LaunchTemplateData.MetadataOptions.HttpTokens"
    return None


def _refusal(override: str, tokens: Any) -> str:
    return (
        f"{override} is {tokens!r}, but IMDSv2 is required here (RequireImdsv2, which Ec2InstanceRole adds to its "
        "stack unless unsafe_allow_imdsv1=True): set it to 'required' or leave it unset"
    )


@jsii.implements(IAspect)
class RequireImdsv2:
    """Require IMDSv2 (``HttpTokens: required``) on every EC2 instance and launch template in a scope.

    Use ``RequireImdsv2.apply(scope)`` (once per scope, however often it is called). An instance or launch
    template that explicitly allows IMDSv1 is reported as an error, so ``cdk synth`` fails rather than the
    Aspect overriding it quietly.

    Example::

        RequireImdsv2.apply(app)   # every stack of the app
    """

    @classmethod
    def apply(cls, scope: IConstruct) -> None:
        """Require IMDSv2 in ``scope``, unless it is required there already: one sweep of the scope at synth time.

        It does not reach into a ``Stage`` nested in ``scope``, which CDK synthesizes first: apply it to the Stage.

        Example::

            RequireImdsv2.apply(Stack.of(self))
        """
        if scope in _APPLIED:
            return
        if scope.node.try_find_child(_GUARD_ID) is None:
            _Imdsv2Guard(scope)
        _APPLIED.add(scope)

    def visit(self, node: IConstruct) -> None:
        """Require IMDSv2 on ``node`` if it is an instance or a launch template."""
        found = _metadata_tokens(node)
        if found is None or found[0] == _REQUIRED:
            return
        tokens, override = found
        if tokens is None:
            node.add_property_override(override, _REQUIRED)  # type: ignore[attr-defined]
        else:
            Annotations.of(node).add_error(_refusal(override, tokens))


class _Imdsv2Guard(Construct):
    """The leaf ``RequireImdsv2.apply`` adds under a scope; it emits nothing."""

    def __init__(self, scope: IConstruct) -> None:
        super().__init__(scope, _GUARD_ID)  # type: ignore[arg-type]
        sweep = _Sweep(scope)
        Aspects.of(self).add(sweep, priority=AspectPriority.MUTATING)
        self.node.add_validation(sweep)


@jsii.implements(IAspect, IValidation)
class _Sweep:
    """Applies ``RequireImdsv2`` to every instance and launch template of a scope when the guard is visited; then,
    at validation, refuses any that came after the sweep without IMDSv2 required."""

    def __init__(self, scope: IConstruct) -> None:
        self._scope = scope
        self._swept: set[str] = set()  # construct paths: jsii hands out a new proxy for a construct each time

    def _targets(self) -> list[IConstruct]:
        """The scope's instances and launch templates."""
        return [node for node in self._scope.node.find_all() if isinstance(node, (ec2.CfnInstance, ec2.CfnLaunchTemplate))]

    def visit(self, node: IConstruct) -> None:
        aspect = RequireImdsv2()
        for target in self._targets():
            aspect.visit(target)
            self._swept.add(target.node.path)

    def validate(self) -> list[str]:
        errors = []
        for target in self._targets():
            path = target.node.path
            found = None if path in self._swept else _metadata_tokens(target)
            if found is not None and found[0] != _REQUIRED:
                tokens, override = found
                errors.append(f"{path}: {_refusal(override, tokens)} (it was made after RequireImdsv2 "
                              "swept the scope, by an Aspect: set HttpTokens to 'required' where it is made)")
        return errors
