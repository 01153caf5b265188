"""The custom-resource boundary example: every role in the stack, custom-resource roles included, is bounded."""

from __future__ import annotations

from stacks.custom_resource_boundary import CustomResourceBoundaryStack
from tests.cdk.synth import template


def test_template_matches_snapshot(app, snapshot):
    assert template(CustomResourceBoundaryStack(app, "IamPatterns-CustomResourceBoundary")) == snapshot


def test_every_role_including_the_custom_resource_roles_carries_the_boundary(app):
    resources = template(CustomResourceBoundaryStack(app, "C"))["Resources"]
    boundary_id = next(k for k, r in resources.items() if r["Type"] == "AWS::IAM::ManagedPolicy")
    roles = {k: r["Properties"] for k, r in resources.items() if r["Type"] == "AWS::IAM::Role"}
    assert len(roles) == 2
    assert all(props["PermissionsBoundary"] == {"Ref": boundary_id} for props in roles.values())
    functions = [
        r["Properties"]["Role"]["Fn::GetAtt"][0] for r in resources.values() if r["Type"] == "AWS::Lambda::Function"
    ]
    assert sorted(functions) == sorted(roles)
