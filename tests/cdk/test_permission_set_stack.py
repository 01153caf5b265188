"""The permission-set example stack: team A's developers, delegates under team A's boundary."""

from __future__ import annotations

from stacks.permission_set import TEAM_A_ACCOUNTS, TEAM_A_GROUP, PermissionSetStack
from tests.cdk.synth import template


def test_template_matches_snapshot(app, snapshot):
    assert template(PermissionSetStack(app, "IamPatterns-PermissionSet")) == snapshot


def test_team_a_group_is_assigned_in_each_team_a_account(app):
    resources = template(PermissionSetStack(app, "P"))["Resources"]
    assignments = [r["Properties"] for r in resources.values() if r["Type"] == "AWS::SSO::Assignment"]
    assert sorted(a["TargetId"] for a in assignments) == sorted(TEAM_A_ACCOUNTS)
    assert {a["PrincipalId"] for a in assignments} == {TEAM_A_GROUP}
