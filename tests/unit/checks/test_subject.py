"""What a check sees of an identity-based policy's holders: each principal, its boundary and all its policies."""

from __future__ import annotations

from iam_patterns.checks import Holder, subjects
from iam_patterns.evaluation import load_template


def _document(action):
    return {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": action, "Resource": "*"}]}


TEMPLATE = {"Resources": {
    "Boundary": {"Type": "AWS::IAM::ManagedPolicy", "Properties": {"PolicyDocument": _document("s3:*")}},
    "Team": {"Type": "AWS::IAM::Group", "Properties": {"Policies": [
        {"PolicyName": "CreateRoles", "PolicyDocument": _document("iam:CreateRole")}]}},
    "Ann": {"Type": "AWS::IAM::User", "Properties": {"Groups": [{"Ref": "Team"}], "PermissionsBoundary": {"Ref": "Boundary"},
                                                     "ManagedPolicyArns": [{"Ref": "WritePolicies"}]}},
    "Ben": {"Type": "AWS::IAM::User", "Properties": {"Policies": [
        {"PolicyName": "ReadRoles", "PolicyDocument": _document("iam:GetRole")}]}},
    "BenIsInTheTeam": {"Type": "AWS::IAM::UserToGroupAddition", "Properties": {"GroupName": {"Ref": "Team"},
                                                                              "Users": [{"Ref": "Ben"}]}},
    "WritePolicies": {"Type": "AWS::IAM::ManagedPolicy", "Properties": {"PolicyDocument": _document("iam:CreatePolicy")}},
    "Empty": {"Type": "AWS::IAM::Group", "Properties": {"Policies": [
        {"PolicyName": "CreateUsers", "PolicyDocument": _document("iam:CreateUser")}]}},
}}


IAM = "arn:aws:iam::123456789012"


def _holders(logical_id, template=TEMPLATE):
    (policy,) = next(s for s in subjects(load_template(template)) if s.logical_id == logical_id).policies
    return policy.holders


def test_a_group_policy_is_held_by_each_user_with_the_users_boundary_and_all_the_users_policies():
    ann, ben = _holders("Team")
    assert ann == Holder(_document("s3:*"), (_document("iam:CreateRole"), _document("iam:CreatePolicy")),
                         ("CreateRoles", "WritePolicies"), f"{IAM}:user/Stack-Ann", f"{IAM}:policy/Stack-Boundary")
    assert ben == Holder(None, (_document("iam:CreateRole"), _document("iam:GetRole")), ("CreateRoles", "ReadRoles"),
                         f"{IAM}:user/Stack-Ben")


def test_a_holder_whose_boundary_arn_the_template_cannot_resolve_has_none():
    template = {"Resources": {**TEMPLATE["Resources"], "Ann": {"Type": "AWS::IAM::User", "Properties": {
        "PermissionsBoundary": {"Ref": "BoundaryParameterNobodyDeclared"}, "Policies": [
            {"PolicyName": "CreateRoles", "PolicyDocument": _document("iam:CreateRole")}]}}}}
    (ann,) = _holders("Ann", template)
    assert (ann.arn, ann.boundary_arn) == (f"{IAM}:user/Stack-Ann", None)


def test_a_managed_policy_is_held_by_the_user_it_is_attached_to():
    assert _holders("WritePolicies") == (_holders("Team")[0],)


def test_a_group_with_no_user_in_the_template_holds_its_policy_itself_without_a_boundary():
    assert _holders("Empty") == (
        Holder(None, (_document("iam:CreateUser"),), ("CreateUsers",), f"{IAM}:group/Stack-Empty"),)
