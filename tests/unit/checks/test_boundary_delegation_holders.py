"""``boundary-delegation`` judges a holder as IAM does: by the union of all its identity-based policies (a Deny in
any of them wins, an Allow in any of them suffices), under its boundary, and reports each escalation on the policy
whose Allow grants it."""

from __future__ import annotations

from iam_patterns.checks import check_template

IAM = "arn:aws:iam::123456789012"
TRUST = {"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": {"Service": "codebuild.amazonaws.com"}, "Action": "sts:AssumeRole"}]}


def _allow(action, resource="*", condition=None):
    return {"Effect": "Allow", "Action": action, "Resource": resource} | ({"Condition": condition} if condition else {})


def _deny(action, resource="*", condition=None):
    return _allow(action, resource, condition) | {"Effect": "Deny"}


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


NO_BOUNDARY = (f"Grant allows iam:CreateRole on {IAM}:role/app/probe without a permissions boundary: require one "
               f"with a condition on iam:PermissionsBoundary")


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
