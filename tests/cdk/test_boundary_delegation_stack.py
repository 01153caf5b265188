"""The boundary-delegation example stack: its template, and that it wires boundary, delegation and team role."""

from __future__ import annotations

from iam_patterns import Decision, Simulator
from stacks.boundary_delegation import BoundaryDelegationStack
from tests.cdk.synth import template

ACCOUNT = "111122223333"


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


def test_the_synthesized_deployer_creates_team_roles_only_with_the_boundary(app):
    sim = Simulator.from_stack(BoundaryDelegationStack(app, "B"), account=ACCOUNT)
    (deployer,) = [k for k, r in sim.template.resources.items() if r["Properties"].get("RoleName") == "team-a-deployer"]
    boundary_id = next(k for k, p in sim.template.managed_policies.items() if p.name == "team-a-boundary")
    with_boundary = {"iam:PermissionsBoundary": sim.arn(boundary_id)}
    team_role = f"arn:aws:iam::{ACCOUNT}:role/team-a/orders-fn"
    assert sim.can(deployer, "iam:CreateRole", team_role, with_boundary).decision == Decision.ALLOW
    assert sim.can(deployer, "iam:CreateRole", team_role).decision == Decision.EXPLICIT_DENY
    assert sim.can(deployer, "iam:DeletePolicy", sim.arn(boundary_id)).decision == Decision.EXPLICIT_DENY
    assert sim.can(deployer, "iam:PassRole", team_role, {"iam:PassedToService": "lambda.amazonaws.com"}).allowed
    assert not sim.can(deployer, "iam:PassRole", team_role, {"iam:PassedToService": "ec2.amazonaws.com"}).allowed
