"""A role as its template says it is, the differences deploy-local reports, and the table's summary."""

from __future__ import annotations

import pytest

from deploy.assembly import Stack
from deploy.roles import (
    RoleState,
    _document,
    as_emulator_resolves,
    differences,
    expected_roles,
    read_template,
    trust_summary,
)

TRUST = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": {"Federated": {"Fn::Join": ["", ["arn:", {"Ref": "AWS::Partition"}, ":iam::123456789012:oidc-provider/x"]]}},
            "Action": "sts:AssumeRoleWithWebIdentity",
            "Condition": {
                "StringEquals": {"x:aud": "sts.amazonaws.com", "x:sub": ["repo:a/b:ref:refs/heads/main", "repo:a/b:environment:prod"]},
                "StringLike": {"x:sub": "repo:a/b:pull_request"},
            },
        },
        {"Effect": "Deny", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"},
    ],
}
DOC = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": {"Fn::GetAtt": ["Bucket", "Arn"]}}]}
TEMPLATE = {
    "Resources": {
        "Bucket": {"Type": "AWS::S3::Bucket"},
        "Role": {
            "Type": "AWS::IAM::Role",
            "Properties": {
                "AssumeRolePolicyDocument": TRUST,
                "Policies": [{"PolicyName": "Own", "PolicyDocument": DOC}],
                "ManagedPolicyArns": [{"Fn::Join": ["", ["arn:", {"Ref": "AWS::Partition"}, ":iam::aws:policy/ReadOnlyAccess"]]}],
                "PermissionsBoundary": {"Ref": "Boundary"},
                "MaxSessionDuration": 7200,
                "Path": "/ci/",
            },
        },
        "Plain": {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": {"Statement": []}}},
        "Beside": {"Type": "AWS::IAM::Policy", "Properties": {"PolicyName": "Beside", "PolicyDocument": DOC, "Roles": [{"Ref": "Role"}]}},
        "Other": {"Type": "AWS::IAM::Policy", "Properties": {"PolicyName": "Other", "PolicyDocument": DOC, "Roles": [{"Ref": "Plain"}]}},
        "Boundary": {"Type": "AWS::IAM::ManagedPolicy", "Properties": {"PolicyDocument": DOC}},
        "Attached": {"Type": "AWS::IAM::ManagedPolicy", "Properties": {"PolicyDocument": DOC, "Roles": [{"Ref": "Role"}]}},
        "Profile": {"Type": "AWS::IAM::InstanceProfile", "Properties": {"Roles": [{"Ref": "Role"}]}},
    }
}
STACK = Stack(id="S", name="S", template=TEMPLATE)

def _doc(bucket_arn: str) -> dict:
    return {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": bucket_arn}]}


RESOLVED_DOC = _doc("arn:aws:s3:::s-bucket")  # before deploying, stand-in names: <stack>-<logical id>


def test_a_role_collects_its_inline_policies_managed_policies_and_profiles_from_the_whole_template():
    roles = expected_roles(read_template(STACK))
    assert roles["Role"] == RoleState(
        trust={**TRUST, "Statement": [
            {**TRUST["Statement"][0], "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/x"}},
            TRUST["Statement"][1],
        ]},
        inline={"Own": RESOLVED_DOC, "Beside": RESOLVED_DOC},
        managed=frozenset({"arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::123456789012:policy/S-Attached"}),
        boundary="arn:aws:iam::123456789012:policy/S-Boundary",
        max_session=7200,
        path="/ci/",
        instance_profiles=frozenset({"S-Profile"}),
    )


def test_once_deployed_names_and_arns_are_the_emulators():
    physical = {
        "Bucket": "s-bucket-1a2b", "Role": "S-Role-XYZ", "Profile": "S-Profile-9",
        "Boundary": "arn:aws:iam::123456789012:policy/S-Boundary-7", "Attached": "arn:aws:iam::123456789012:policy/S-Attached-8",
    }
    template = read_template(STACK, physical)
    role = expected_roles(template)["Role"]
    assert template.roles["Role"].name == "S-Role-XYZ"
    assert role.inline["Own"] == _doc("arn:aws:s3:::s-bucket-1a2b")
    assert role.boundary == physical["Boundary"]
    assert role.managed == {"arn:aws:iam::aws:policy/ReadOnlyAccess", physical["Attached"]}
    assert role.instance_profiles == {"S-Profile-9"}


def test_a_role_that_sets_nothing_gets_cloudformations_defaults():
    plain = expected_roles(read_template(STACK))["Plain"]
    assert (plain.inline, plain.managed, plain.boundary, plain.max_session, plain.path, plain.instance_profiles) == (
        {"Other": RESOLVED_DOC}, frozenset(), None, 3600, "/", frozenset(),
    )


EXPECTED = RoleState(
    trust={"Statement": [{"Effect": "Allow"}]}, inline={"A": {"Statement": []}}, managed=frozenset({"arn:m1", "arn:m2"}),
    boundary="arn:b", max_session=7200, path="/", instance_profiles=frozenset({"p"}),
)


def test_a_role_deployed_as_its_template_says_has_no_differences_even_without_its_managed_policy_arns():
    assert differences(EXPECTED, EXPECTED) == []
    assert differences(EXPECTED, RoleState(**{**EXPECTED.__dict__, "managed": frozenset({"arn:m2"})})) == []


@pytest.mark.parametrize(
    ("field", "deployed", "message"),
    [
        ("trust", {"Statement": []}, 'trust: deployed {"Statement": []}, template {"Statement": [{"Effect": "Allow"}]}'),
        ("inline", {}, 'inline: deployed {}, template {"A": {"Statement": []}}'),
        ("boundary", None, 'boundary: deployed null, template "arn:b"'),
        ("max_session", 3600, "max_session: deployed 3600, template 7200"),
        ("path", "/x/", 'path: deployed "/x/", template "/"'),
        ("instance_profiles", frozenset(), 'instance_profiles: deployed [], template ["p"]'),
        ("managed", frozenset({"arn:m1", "arn:admin"}), "managed: attached ['arn:admin'], which the template does not attach"),
    ],
)
def test_each_property_that_differs_is_reported_with_both_values(field, deployed, message):
    assert differences(EXPECTED, RoleState(**{**EXPECTED.__dict__, field: deployed})) == [message]


def test_the_summary_names_who_is_trusted_and_on_what_conditions_from_allow_statements_only():
    trust = expected_roles(read_template(STACK))["Role"].trust
    assert trust_summary(trust) == (
        "Federated: arn:aws:iam::123456789012:oidc-provider/x",
        "StringEquals x:aud=sts.amazonaws.com; "
        "StringEquals x:sub=repo:a/b:ref:refs/heads/main|repo:a/b:environment:prod; "
        "StringLike x:sub=repo:a/b:pull_request",
    )
    assert trust_summary({"Statement": {"Effect": "Allow", "Principal": "*"}}) == ("*", "-")


def test_a_policy_document_comes_back_from_the_emulator_as_a_dict_json_or_a_python_repr_and_is_never_evaluated():
    doc = {"Statement": [{"Effect": "Allow", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": True}}}]}
    assert _document(doc) == _document('{"Statement": [{"Effect": "Allow", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": true}}}]}') == doc
    assert _document(repr(doc)) == doc
    with pytest.raises(ValueError):
        _document("__import__('os').system('false')")


def test_log_group_arns_are_compared_as_the_emulator_resolves_them_and_nothing_else():
    logs = {"Fn::GetAtt": ["Logs", "Arn"]}
    built = {"Fn::Join": ["", ["arn:aws:logs:us-east-1:123456789012:log-group:", {"Ref": "Logs"}, ":*"]]}
    document = {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "logs:PutLogEvents", "Resource": [logs, built]}]}
    stack = Stack("S", "S", {"Resources": {
        "Logs": {"Type": "AWS::Logs::LogGroup", "Properties": {"LogGroupName": "orders"}},
        "Role": {"Type": "AWS::IAM::Role", "Properties": {
            "AssumeRolePolicyDocument": {"Statement": []}, "Policies": [{"PolicyName": "Logs", "PolicyDocument": document}]}},
    }})
    cloudformation = expected_roles(read_template(stack))["Role"]
    emulator = expected_roles(read_template(as_emulator_resolves(stack)))["Role"]
    arn = "arn:aws:logs:us-east-1:123456789012:log-group:orders"
    assert cloudformation.inline["Logs"]["Statement"][0]["Resource"] == [f"{arn}:*", f"{arn}:*"]
    assert emulator.inline["Logs"]["Statement"][0]["Resource"] == [arn, f"{arn}:*"]
    assert emulator.trust == cloudformation.trust
