"""Aspects that act on every construct in a scope at synth time.

``apply_boundary(scope, boundary)`` gives every role and user in ``scope`` a permissions boundary, like
``aws_iam.PermissionsBoundary.of(scope).apply(boundary)``, and also the roles that run the scope's custom
resources. Those roles usually live outside the scope: ``AwsCustomResource`` shares one singleton function per
stack, and ``CustomResourceProvider`` (S3 auto-delete, bucket notifications, ...) puts a raw
``AWS::IAM::Role`` at the stack's top level; CDK's aspect, applied below the stack, misses them both. This
aspect follows each custom resource's ``ServiceToken`` to its Lambda function, and the function's ``Role`` to
the role, in the same stack.
"""

from __future__ import annotations

from typing import Any

import jsii
from aws_cdk import AspectPriority, Aspects, CfnResource, IAspect, Stack
from aws_cdk import aws_iam as iam
from constructs import IConstruct

__all__ = ["apply_boundary"]

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
            self._resources_by_stack[key] = {
                stack.resolve(r.logical_id): r
                for r in stack.node.find_all()
                if isinstance(r, CfnResource) and Stack.of(r).node.path == key
            }
        return self._resources_by_stack[key]
