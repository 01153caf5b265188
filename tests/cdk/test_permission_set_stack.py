"""The permission-set example stack: team A's delegates and operators, in each of team A's accounts."""

from __future__ import annotations

from stacks.permission_set import TEAM_A_ACCOUNTS, TEAM_A_GROUP, PermissionSetStack
from tests.cdk.synth import properties_of_type, template


def test_template_matches_snapshot(app, snapshot):
    assert template(PermissionSetStack(app, "IamPatterns-PermissionSet")) == snapshot


def test_team_a_group_is_assigned_both_sets_in_each_team_a_account(app):
    assignments = properties_of_type(PermissionSetStack(app, "P"), "AWS::SSO::Assignment").values()
    assert sorted(a["TargetId"] for a in assignments) == sorted(TEAM_A_ACCOUNTS * 2)
    assert {a["PrincipalId"] for a in assignments} == {TEAM_A_GROUP}


def test_the_delegate_set_is_not_under_the_boundary_it_hands_out_and_the_operator_set_is(app):
    sets = {s["Name"]: s for s in properties_of_type(PermissionSetStack(app, "P"), "AWS::SSO::PermissionSet").values()}
    delegate, operator = sets["TeamADelegate"], sets["TeamAOperator"]
    assert delegate["CustomerManagedPolicyReferences"] == [{"Name": "team-a-delegation", "Path": "/delegated/"}]
    assert "PermissionsBoundary" not in delegate
    assert operator["PermissionsBoundary"] == {
        "CustomerManagedPolicyReference": {"Name": "team-a-boundary", "Path": "/delegated/"}
    }
    assert (delegate["SessionDuration"], operator["SessionDuration"]) == ("PT4H", "PT1H")
