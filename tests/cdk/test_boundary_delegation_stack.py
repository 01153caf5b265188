"""The boundary-delegation example stack: its template, and that it wires boundary, delegation and team role."""

from __future__ import annotations

from stacks.boundary_delegation import BoundaryDelegationStack
from tests.cdk.synth import template


def test_template_matches_snapshot(app, snapshot):
    assert template(BoundaryDelegationStack(app, "IamPatterns-BoundaryDelegation")) == snapshot


def test_the_deployer_holds_the_delegation_and_the_team_role_carries_the_boundary(app):
    resources = template(BoundaryDelegationStack(app, "B"))["Resources"]
    policies = {
        r["Properties"]["ManagedPolicyName"]: (k, r["Properties"])
        for k, r in resources.items()
        if r["Type"] == "AWS::IAM::ManagedPolicy"
    }
    boundary_id, _ = policies["team-a-boundary"]
    delegation_id, _ = policies["team-a-delegation"]
    roles = {
        r["Properties"].get("RoleName", k): r["Properties"]
        for k, r in resources.items()
        if r["Type"] == "AWS::IAM::Role"
    }
    assert roles["team-a-deployer"]["ManagedPolicyArns"] == [{"Ref": delegation_id}]
    (worker,) = [p for p in roles.values() if p.get("Path") == "/team-a/"]
    assert worker["PermissionsBoundary"] == {"Ref": boundary_id}
    assert "PermissionsBoundary" not in roles["team-a-deployer"]
