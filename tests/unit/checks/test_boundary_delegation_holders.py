"""``boundary-delegation`` judges a holder as IAM does: by the union of all its identity-based policies (a Deny in
any of them wins, an Allow in any of them suffices), under its boundary, and reports each escalation on the policy
whose Allow grants it."""

from __future__ import annotations

import pytest

from iam_patterns.checks import check_template
from iam_patterns.policy.actions import BOUNDARY_POLICY_EDITS as EDITS

IAM = "arn:aws:iam::123456789012"
BOUNDARY = f"{IAM}:policy/app-boundary"
TRUST = {"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": {"Service": "codebuild.amazonaws.com"}, "Action": "sts:AssumeRole"}]}


def _allow(action, resource="*", condition=None):
    return {"Effect": "Allow", "Action": action, "Resource": resource} | ({"Condition": condition} if condition else {})


def _deny(action, resource="*", condition=None):
    return _allow(action, resource, condition) | {"Effect": "Deny"}


def _unless(boundary=BOUNDARY, operator="StringNotEquals"):
    return {operator: {"iam:PermissionsBoundary": boundary}}


def _policy(*statements, roles=(), users=(), groups=()):
    """A managed policy attached to ``roles``, ``users`` and ``groups`` (logical ids)."""
    properties = {"PolicyDocument": {"Version": "2012-10-17", "Statement": list(statements)}}
    for key, ids in (("Roles", roles), ("Users", users), ("Groups", groups)):
        if ids:
            properties[key] = [{"Ref": i} for i in ids]
    return {"Type": "AWS::IAM::ManagedPolicy", "Properties": properties}


def _role():
    return {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": TRUST}}


def _findings(**resources):
    findings = check_template({"Resources": resources})
    return [(f.resource, f.message) for f in findings if f.check == "boundary-delegation"]


def _edit(grant, action, named_by=None):
    where = f" that {named_by} requires" if named_by else ""
    return (f"{grant} allows {action} on the boundary policy {BOUNDARY}{where}: the holder can rewrite its own "
            f"ceiling; deny edits of the boundary")


NO_BOUNDARY = (f"Grant allows iam:CreateRole on {IAM}:role/app/probe without a permissions boundary: require one "
               f"with a condition on iam:PermissionsBoundary")
ANY_BOUNDARY = (f"Grant allows iam:PutRolePermissionsBoundary on {IAM}:role/app/probe with any boundary, "
                f"AdministratorAccess included: pin iam:PermissionsBoundary to the boundary's ARN (StringEquals in the "
                f"Allow, or a Deny with StringNotEquals)")
REMOVAL = f"Grant allows iam:DeleteRolePermissionsBoundary on {IAM}:role/app/probe: the holder can remove the " \
          f"permissions boundary"

# (what Grant allows, what the Guard policy denies, Grant's finding when the Guard is not the holder's)
SPLIT = {
    "creation without the boundary": (
        [_allow("iam:CreateRole", f"{IAM}:role/app/*")],
        [_deny("iam:CreateRole", condition=_unless())],
        NO_BOUNDARY),
    "creation denied unless the boundary, by an ArnNotEquals": (
        [_allow("iam:CreateRole", f"{IAM}:role/app/*")],
        [_deny("iam:CreateRole", condition=_unless(operator="ArnNotEquals"))],
        NO_BOUNDARY),
    "a boundary put": (
        [_allow("iam:PutRolePermissionsBoundary", f"{IAM}:role/app/*")],
        [_deny("iam:PutRolePermissionsBoundary", condition=_unless())],
        ANY_BOUNDARY),
    "removal of the boundary": (
        [_allow("iam:DeleteRolePermissionsBoundary", f"{IAM}:role/app/*")],
        [_deny(["iam:DeleteRolePermissionsBoundary", "iam:DeleteUserPermissionsBoundary"])],
        REMOVAL),
    "edits of the boundary the grant names": (
        [_allow("iam:CreateRole", f"{IAM}:role/app/*", {"StringEquals": {"iam:PermissionsBoundary": BOUNDARY}}),
         _allow("iam:CreatePolicyVersion", f"{IAM}:policy/*")],
        [_deny(list(EDITS), BOUNDARY)],
        _edit("Grant", "iam:CreatePolicyVersion")),
}


@pytest.mark.parametrize("case", sorted(SPLIT))
def test_a_deny_in_another_policy_of_the_holder_silences_the_escalation_it_denies(case):
    grant, guard, finding = SPLIT[case]
    assert _findings(Admin=_role(), Grant=_policy(*grant, roles=["Admin"]), Guard=_policy(*guard, roles=["Admin"])) == []
    assert _findings(Admin=_role(), Other=_role(), Grant=_policy(*grant, roles=["Admin"]),
                     Guard=_policy(*guard, roles=["Other"])) == [("Grant", finding)]


@pytest.mark.parametrize("case", sorted(SPLIT))
def test_a_deny_in_another_policy_counts_only_for_the_holders_it_applies_to(case):
    grant, guard, finding = SPLIT[case]
    assert _findings(Guarded=_role(), Unguarded=_role(), Grant=_policy(*grant, roles=["Guarded", "Unguarded"]),
                     Guard=_policy(*guard, roles=["Guarded"])) == [("Grant", finding)]


def test_a_deny_in_an_inline_policy_of_the_role_counts_like_one_in_a_managed_policy():
    grant, guard, _ = SPLIT["creation without the boundary"]
    role = _role()
    role["Properties"]["Policies"] = [{"PolicyName": "Guard", "PolicyDocument": {"Version": "2012-10-17",
                                                                                 "Statement": guard}}]
    assert _findings(Admin=role, Grant=_policy(*grant, roles=["Admin"])) == []


def _group_with(*users):
    """A group whose policy lets its members create users on /app/ and remove user boundaries, and ``users``:
    ``(name, whether the user's own policy denies both unless the boundary)``."""
    resources = {"Team": {"Type": "AWS::IAM::Group", "Properties": {}},
                 "TeamPolicy": _policy(_allow(["iam:CreateUser", "iam:DeleteUserPermissionsBoundary"],
                                              f"{IAM}:user/app/*"), groups=["Team"])}
    for name, guarded in users:
        resources[name] = {"Type": "AWS::IAM::User", "Properties": {"Groups": [{"Ref": "Team"}]}}
        if guarded:
            resources[f"{name}Guard"] = _policy(_deny("iam:CreateUser", condition=_unless()),
                                                _deny("iam:DeleteUserPermissionsBoundary"), users=[name])
    return resources


def test_a_group_policy_is_silenced_by_a_deny_in_each_users_own_policy():
    assert _findings(**_group_with(("Ann", True), ("Ben", True))) == []


def test_a_group_policy_is_reported_when_one_of_its_users_lacks_the_deny():
    assert _findings(**_group_with(("Ann", True), ("Ben", False))) == [
        ("TeamPolicy", f"TeamPolicy allows iam:CreateUser on {IAM}:user/app/probe without a permissions boundary: "
                       f"require one with a condition on iam:PermissionsBoundary"),
        ("TeamPolicy", f"TeamPolicy allows iam:DeleteUserPermissionsBoundary on {IAM}:user/app/probe: the holder "
                       f"can remove the permissions boundary")]


def test_a_users_own_policy_is_silenced_by_a_deny_in_its_groups_policy():
    resources = {"Team": {"Type": "AWS::IAM::Group", "Properties": {}},
                 "Ann": {"Type": "AWS::IAM::User", "Properties": {"Groups": [{"Ref": "Team"}]}},
                 "Grant": _policy(_allow("iam:CreateUser", f"{IAM}:user/app/*"), users=["Ann"]),
                 "TeamGuard": _policy(_deny("iam:CreateUser", condition=_unless()), groups=["Team"])}
    assert _findings(**resources) == []


def test_a_group_with_no_user_in_the_template_is_judged_with_all_the_groups_policies():
    grant, guard, finding = SPLIT["creation without the boundary"]
    assert _findings(Team={"Type": "AWS::IAM::Group", "Properties": {}}, Grant=_policy(*grant, groups=["Team"]),
                     Guard=_policy(*guard, groups=["Team"])) == []
    assert _findings(Team={"Type": "AWS::IAM::Group", "Properties": {}}, Grant=_policy(*grant, groups=["Team"])) == [
        ("Grant", finding)]


def test_a_deny_in_another_policy_counts_for_a_holder_whose_boundary_the_template_does_not_hold():
    grant, guard, _ = SPLIT["creation without the boundary"]
    role = _role()
    role["Properties"]["PermissionsBoundary"] = f"{IAM}:policy/boundary-of-another-stack"
    assert _findings(Admin=role, Grant=_policy(*grant, roles=["Admin"]), Guard=_policy(*guard, roles=["Admin"])) == []


DELEGATION = _allow("iam:CreateRole", f"{IAM}:role/app/*", {"StringEquals": {"iam:PermissionsBoundary": BOUNDARY}})


@pytest.mark.parametrize("action", EDITS)
def test_an_edit_of_the_boundary_granted_by_another_policy_of_the_holder_is_reported_on_that_policy(action):
    findings = _findings(Admin=_role(), Delegation=_policy(DELEGATION, roles=["Admin"]),
                         Writer=_policy(_allow(action, f"{IAM}:policy/*"), roles=["Admin"]))
    assert findings == [("Writer", _edit("Writer", action, named_by="Delegation"))]


def test_an_edit_of_a_boundary_named_by_a_deny_in_another_policy_is_reported_on_the_policy_that_grants_it():
    delegation = [_allow("iam:CreateRole", f"{IAM}:role/app/*"), _deny("iam:CreateRole", condition=_unless())]
    findings = _findings(Admin=_role(), Delegation=_policy(*delegation, roles=["Admin"]),
                         Writer=_policy(_allow("iam:CreatePolicyVersion", f"{IAM}:policy/*"), roles=["Admin"]))
    assert findings == [("Writer", _edit("Writer", "iam:CreatePolicyVersion", named_by="Delegation"))]


def test_an_edit_granted_by_another_policy_and_denied_in_a_third_is_not_reported():
    findings = _findings(Admin=_role(), Delegation=_policy(DELEGATION, roles=["Admin"]),
                         Writer=_policy(_allow("iam:CreatePolicyVersion", f"{IAM}:policy/*"), roles=["Admin"]),
                         Guard=_policy(_deny(list(EDITS), BOUNDARY), roles=["Admin"]))
    assert findings == []


def test_an_edit_of_a_boundary_another_principal_requires_is_not_reported():
    findings = _findings(Admin=_role(), Writer=_role(), Delegation=_policy(DELEGATION, roles=["Admin"]),
                         Writes=_policy(_allow("iam:CreatePolicyVersion", f"{IAM}:policy/*"), roles=["Writer"]))
    assert findings == []


def test_an_edit_granted_to_two_holders_whose_delegations_name_one_boundary_is_reported_once():
    findings = _findings(Ann=_role(), Ben=_role(), AnnDelegation=_policy(DELEGATION, roles=["Ann"]),
                         BenDelegation=_policy(DELEGATION, roles=["Ben"]),
                         Writer=_policy(_allow("iam:CreatePolicyVersion", f"{IAM}:policy/*"), roles=["Ann", "Ben"]))
    assert findings == [("Writer", _edit("Writer", "iam:CreatePolicyVersion", named_by="AnnDelegation"))]


def test_an_escalation_is_reported_once_on_the_policy_that_grants_it_not_on_each_policy_of_the_holder():
    findings = _findings(Admin=_role(), Delegation=_policy(DELEGATION, roles=["Admin"]),
                         Grant=_policy(_allow("iam:CreateRole", f"{IAM}:role/app/*"), roles=["Admin"]),
                         Reader=_policy(_allow("iam:GetRole"), roles=["Admin"]))
    assert findings == [("Grant", NO_BOUNDARY)]


def test_a_boundary_pattern_of_another_policy_of_the_holder_counts_for_the_grant():
    # Guard lets Admin create roles only with a team-* boundary; Grant also lets it write such a policy.
    team = f"{IAM}:policy/team-*"
    findings = _findings(Admin=_role(),
                         Grant=_policy(_allow("iam:CreateRole", f"{IAM}:role/app/*"),
                                       _allow("iam:CreatePolicy", f"{IAM}:policy/*"), roles=["Admin"]),
                         Guard=_policy(_deny("iam:CreateRole", condition=_unless(team, "StringNotLike")),
                                       roles=["Admin"]))
    assert findings == [("Grant", f"Grant allows iam:CreateRole on {IAM}:role/app/probe with the boundary "
                                  f"{IAM}:policy/team-probe, a policy the holder can write itself (iam:CreatePolicy): "
                                  f"the holder sets its own ceiling; pin iam:PermissionsBoundary to one boundary's "
                                  f"exact ARN and deny edits of that policy")]


def test_a_policy_of_the_holder_the_evaluator_cannot_read_grants_and_stops_nothing():
    malformed = _policy(_deny(["iam:CreateRole", "iam:CreatePolicy"]) | {"Effect": "Maybe"}, roles=["Admin"])
    grant = _policy(_allow("iam:CreateRole", f"{IAM}:role/app/*"), roles=["Admin"])
    assert _findings(Admin=_role(), Grant=grant, Malformed=malformed) == [("Grant", NO_BOUNDARY)]
    team = _allow("iam:CreateRole", f"{IAM}:role/app/*", {"StringLike": {"iam:PermissionsBoundary": f"{IAM}:policy/team-*"}})
    findings = _findings(Admin=_role(), Grant=_policy(team, roles=["Admin"]), Malformed=malformed,
                         Writer=_policy(_allow("iam:CreatePolicy", f"{IAM}:policy/*"), roles=["Admin"]))
    assert findings == [("Grant", f"Grant allows iam:CreateRole on {IAM}:role/app/probe with the boundary "
                                  f"{IAM}:policy/team-probe, a policy the holder can write itself (iam:CreatePolicy): "
                                  f"the holder sets its own ceiling; pin iam:PermissionsBoundary to one boundary's "
                                  f"exact ARN and deny edits of that policy")]
