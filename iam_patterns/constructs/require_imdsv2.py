"""``RequireImdsv2``: an Aspect that requires IMDSv2 on every EC2 instance and launch template in a scope.

With IMDSv1, one GET from a server-side request forgery bug (``http://169.254.169.254/...``) returns the instance
role's credentials; IMDSv2 needs a PUT for a session token first, which SSRF rarely can send. The Aspect sets
``MetadataOptions.HttpTokens`` to ``required`` on each ``AWS::EC2::Instance`` and ``AWS::EC2::LaunchTemplate``
that leaves it unset, and reports an error (synthesis fails) on one that sets it to ``optional`` or to something
it cannot read: it never overrides an explicit choice silently. ``Ec2InstanceRole`` applies it to its stack.
"""

from __future__ import annotations

import weakref
from typing import Any

import jsii
from aws_cdk import Annotations, AspectPriority, Aspects, IAspect, Stack
from aws_cdk import aws_ec2 as ec2
from constructs import IConstruct

__all__ = ["RequireImdsv2"]

_REQUIRED = "required"
_APPLIED: weakref.WeakSet[IConstruct] = weakref.WeakSet()
"""Scopes known to carry the Aspect: spares each Ec2InstanceRole of a stack two jsii calls to look for it."""


def _http_tokens(resolved: Any, keys: tuple[str, ...]) -> Any:
    """The HttpTokens value at ``keys`` in a resolved property: None when unset; what blocks the walk otherwise
    (an intrinsic such as ``{"Fn::If": ...}``), which is neither None nor 'required'."""
    for key in keys:
        if resolved is None or not isinstance(resolved, dict) or any(k == "Ref" or k.startswith("Fn::") for k in resolved):
            return resolved
        resolved = resolved.get(key)
    return resolved


@jsii.implements(IAspect)
class RequireImdsv2:
    """Require IMDSv2 (``HttpTokens: required``) on every EC2 instance and launch template in the scope it visits.

    Use ``RequireImdsv2.apply(scope)`` (once per scope, however often it is called). An instance or launch
    template that explicitly allows IMDSv1 is reported as an error, so ``cdk synth`` fails rather than the
    Aspect overriding it quietly.

    Example::

        RequireImdsv2.apply(app)   # every stack of the app
    """

    @classmethod
    def apply(cls, scope: IConstruct) -> None:
        """Add the Aspect to ``scope`` unless it is there already.

        Example::

            RequireImdsv2.apply(Stack.of(self))
        """
        if scope in _APPLIED:
            return
        if not any(isinstance(aspect, cls) for aspect in Aspects.of(scope).all):
            Aspects.of(scope).add(cls(), priority=AspectPriority.MUTATING)
        _APPLIED.add(scope)

    def visit(self, node: IConstruct) -> None:
        """Require IMDSv2 on ``node`` if it is an instance or a launch template."""
        if isinstance(node, ec2.CfnInstance):
            self._require(node, node.metadata_options, ("httpTokens",), "MetadataOptions.HttpTokens")
        elif isinstance(node, ec2.CfnLaunchTemplate):
            self._require(
                node,
                node.launch_template_data,
                ("metadataOptions", "httpTokens"),
                "LaunchTemplateData.MetadataOptions.HttpTokens",
            )

    @staticmethod
    def _require(node: ec2.CfnResource, value: Any, path: tuple[str, ...], override: str) -> None:
        tokens = _http_tokens(Stack.of(node).resolve(value), path)
        if tokens == _REQUIRED:
            return
        if tokens is None:
            node.add_property_override(override, _REQUIRED)
            return
        Annotations.of(node).add_error(
            f"{override} is {tokens!r}, but IMDSv2 is required here (RequireImdsv2, which Ec2InstanceRole adds to its "
            "stack unless unsafe_allow_imdsv1=True): set it to 'required' or leave it unset"
        )
