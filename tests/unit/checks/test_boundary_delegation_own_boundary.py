"""``boundary-delegation`` asks of each holder with a permissions boundary the template gives it whether its policies
(under that boundary) let it loosen the boundary itself: rewrite the boundary policy, or remove or replace the
boundary on itself, though none of its policies names the boundary in a condition."""

from __future__ import annotations

import pytest

from iam_patterns.checks import check_template

IAM = "arn:aws:iam::123456789012"
OWN = f"{IAM}:policy/own-boundary"
ROLE = f"{IAM}:role/Stack-Worker"
USER = f"{IAM}:user/Stack-Worker"
TRUST = {"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": {"Service": "codebuild.amazonaws.com"}, "Action": "sts:AssumeRole"}]}
EVERY_IAM_WRITE = ["iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion", "iam:DeletePolicyVersion",
                   "iam:DeletePolicy", "iam:DeleteRolePermissionsBoundary", "iam:PutRolePermissionsBoundary",
                   "iam:DeleteUserPermissionsBoundary", "iam:PutUserPermissionsBoundary", "s3:GetObject"]


def _document(*statements):
    return {"Version": "2012-10-17", "Statement": list(statements)}


def _allow(action, resource="*", condition=None):
    return {"Effect": "Allow", "Action": action, "Resource": resource} | ({"Condition": condition} if condition else {})


def _deny(action, resource="*"):
    return _allow(action, resource) | {"Effect": "Deny"}


def _findings(*statements, kind="AWS::IAM::Role", boundary=None, guard=(), extra=None):
    """The findings for a principal ``Worker`` with a ``Grant`` policy and a boundary: ``Own`` (allowing every IAM
    write the questions probe), or the ARN ``boundary``; ``guard``: statements of a second policy of the worker."""
    properties = {"PermissionsBoundary": {"Ref": "Own"} if boundary is None else boundary}
    if kind == "AWS::IAM::Role":
        properties["AssumeRolePolicyDocument"] = TRUST
    target = "Roles" if kind == "AWS::IAM::Role" else "Users"
    resources = {
        **({"Own": {"Type": "AWS::IAM::ManagedPolicy", "Properties": {
            "ManagedPolicyName": "own-boundary", "PolicyDocument": _document(_allow(EVERY_IAM_WRITE))}}}
           if boundary is None else {}),
        "Worker": {"Type": kind, "Properties": properties},
        "Grant": {"Type": "AWS::IAM::ManagedPolicy", "Properties": {
            target: [{"Ref": "Worker"}], "PolicyDocument": _document(*statements)}},
        **({"Guard": {"Type": "AWS::IAM::ManagedPolicy", "Properties": {
            target: [{"Ref": "Worker"}], "PolicyDocument": _document(*guard)}}} if guard else {}),
        **(extra or {}),
    }
    return [(f.resource, f.message) for f in check_template({"Resources": resources})
            if f.check == "boundary-delegation"]


def _rewrite(action, boundary=OWN):
    return ("Grant", f"Grant allows {action} on {boundary}, its holder's own permissions boundary: the holder can "
                     f"rewrite its own ceiling; deny edits of the boundary")


@pytest.mark.parametrize("action", ["iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion"])
def test_a_role_that_may_rewrite_its_own_boundary_policy_is_reported(action):
    assert _findings(_allow(action, f"{IAM}:policy/*")) == [_rewrite(action)]


def test_a_user_that_may_rewrite_its_own_boundary_policy_is_reported():
    assert _findings(_allow("iam:SetDefaultPolicyVersion", OWN), kind="AWS::IAM::User") == [
        _rewrite("iam:SetDefaultPolicyVersion")]


def test_a_boundary_outside_the_template_is_asked_about_by_its_arn():
    outside = f"{IAM}:policy/outside-boundary"
    assert _findings(_allow("iam:CreatePolicyVersion", f"{IAM}:policy/*"), boundary=outside) == [
        _rewrite("iam:CreatePolicyVersion", outside)]


@pytest.mark.parametrize("action", ["iam:DeletePolicyVersion", "iam:DeletePolicy"])
def test_deleting_versions_or_the_policy_does_not_change_what_the_boundary_allows(action):
    # DeletePolicyVersion cannot delete the default version; DeletePolicy needs the boundary removed first.
    assert _findings(_allow(action, f"{IAM}:policy/*")) == []


def test_an_aws_managed_boundary_cannot_be_rewritten():
    boundary = "arn:aws:iam::aws:policy/ReadOnlyAccess"
    assert _findings(_allow("iam:CreatePolicyVersion", "*"), boundary=boundary) == []


def test_a_boundary_that_denies_its_own_edits_silences_the_question():
    extra = {"Own": {"Type": "AWS::IAM::ManagedPolicy", "Properties": {
        "ManagedPolicyName": "own-boundary", "PolicyDocument": _document(_allow("s3:GetObject"))}}}
    assert _findings(_allow(["iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion"], f"{IAM}:policy/*"),
                     extra=extra) == []


def test_a_deny_in_another_policy_of_the_holder_silences_the_question():
    assert _findings(_allow(["iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion"], f"{IAM}:policy/*"),
                     guard=[_deny(["iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion"], OWN)]) == []


def test_edits_of_other_policies_than_its_own_boundary_are_quiet():
    assert _findings(_allow(["iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion"], f"{IAM}:policy/app/*")) == []


def test_a_grant_on_its_own_role_arn_to_replace_its_boundary_with_a_named_one_is_reported():
    other = f"{IAM}:policy/wide-boundary"
    assert _findings(_allow("iam:PutRolePermissionsBoundary", {"Fn::GetAtt": ["Worker", "Arn"]},
                            {"StringEquals": {"iam:PermissionsBoundary": other}})) == [
        ("Grant", f"Grant allows iam:PutRolePermissionsBoundary on {ROLE}, the holder itself, with the boundary "
                  f"{other}: the holder can replace its own permissions boundary {OWN}; deny "
                  f"iam:PutRolePermissionsBoundary on itself")]


def test_a_grant_to_put_back_its_own_boundary_only_is_quiet():
    assert _findings(_allow("iam:PutRolePermissionsBoundary", {"Fn::GetAtt": ["Worker", "Arn"]},
                            {"StringEquals": {"iam:PermissionsBoundary": OWN}})) == []


def test_a_user_that_may_remove_its_own_boundary_by_username_is_reported_once():
    assert _findings(_allow("iam:DeleteUserPermissionsBoundary", f"{IAM}:user/${{aws:username}}"),
                     kind="AWS::IAM::User") == [
        ("Grant", f"Grant allows iam:DeleteUserPermissionsBoundary on {IAM}:user/iam-patterns-probe: the holder can "
                  f"remove the permissions boundary")]


def test_a_role_that_may_remove_its_boundary_on_itself_only_is_reported_on_its_own_arn():
    # The roles the policy's resources are probed on are denied; the role itself is not.
    probes = [f"{IAM}:role/probe", f"{IAM}:role/iam-patterns-probe"]
    assert _findings(_allow("iam:DeleteRolePermissionsBoundary", f"{IAM}:role/*"),
                     guard=[_deny("iam:DeleteRolePermissionsBoundary", probes)]) == [
        ("Grant", f"Grant allows iam:DeleteRolePermissionsBoundary on {ROLE}, the holder itself: the holder can "
                  f"remove its own permissions boundary")]


def test_an_edit_of_its_own_boundary_that_a_condition_also_names_is_reported_once():
    delegate = _allow("iam:CreateRole", f"{IAM}:role/app/*", {"StringEquals": {"iam:PermissionsBoundary": OWN}})
    assert _findings(delegate, _allow("iam:CreatePolicyVersion", f"{IAM}:policy/*")) == [
        ("Grant", f"Grant allows iam:CreatePolicyVersion on the boundary policy {OWN}: the holder can rewrite its "
                  f"own ceiling; deny edits of the boundary")]
