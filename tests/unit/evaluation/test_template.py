"""load_template: a CloudFormation template read for IAM, with the intrinsics CDK emits resolved."""

from __future__ import annotations

import re

import pytest

from iam_patterns.errors import ValidationError
from iam_patterns.evaluation import load_template
from tests.conftest import load_fixture

ACCOUNT = "111122223333"


@pytest.fixture
def deploy():
    return load_template(load_fixture("templates/github_deploy.json"), account=ACCOUNT)


@pytest.fixture
def intrinsics():
    return load_template(load_fixture("templates/intrinsics.json"), account=ACCOUNT, region="eu-west-1",
                         stack_name="Jobs")


def test_role_name_path_and_arn_come_from_its_properties(deploy):
    role = deploy.roles["DeployRole2D5B9F0C"]
    assert (role.name, role.path, role.arn) == ("github-deploy-prod", "/ci/", f"arn:aws:iam::{ACCOUNT}:role/ci/github-deploy-prod")
    assert role.tags == {"team": "platform"} and role.max_session_duration == 3600
    assert role.cdk_path == "GitHubDeploy/DeployRole/Resource"


def test_trust_policy_federated_principal_is_the_providers_arn(deploy):
    statement = deploy.roles["DeployRole2D5B9F0C"].trust_policy["Statement"][0]
    assert statement["Principal"] == {"Federated": f"arn:aws:iam::{ACCOUNT}:oidc-provider/token.actions.githubusercontent.com"}
    provider = deploy.oidc_providers["GitHubProvider1F3E6A2B"]
    assert provider.arn == statement["Principal"]["Federated"]
    assert provider.client_ids == ("sts.amazonaws.com",)


def test_inline_policies_come_from_the_policies_property_and_policy_resources(deploy):
    inline = deploy.roles["DeployRole2D5B9F0C"].inline_policies
    assert sorted(inline) == ["DeployRoleDefaultPolicy4A7C1E9B", "WriteArtifacts"]
    assert inline["WriteArtifacts"]["Statement"][0]["Resource"] == \
        f"arn:aws:s3:::acme-artifacts-{ACCOUNT}-us-east-1/builds/*"
    assert inline["DeployRoleDefaultPolicy4A7C1E9B"]["Statement"][0]["Resource"] == \
        f"arn:aws:cloudformation:us-east-1:{ACCOUNT}:stack/acme-app-prod/*"


def test_managed_policies_split_into_template_defined_and_external(deploy):
    role = deploy.roles["DeployRole2D5B9F0C"]
    releases = deploy.managed_policies["ReadReleases5A0D3C7E"]
    assert list(role.managed_policies) == [releases.arn] == [f"arn:aws:iam::{ACCOUNT}:policy/Stack-ReadReleases5A0D3C7E"]
    assert releases.roles == ("DeployRole2D5B9F0C",)
    assert releases.document["Statement"][0]["Resource"] == f"arn:aws:s3:::acme-artifacts-{ACCOUNT}-us-east-1/releases/*"
    assert role.external_policy_arns == ("arn:aws:iam::aws:policy/AWSCloudFormationReadOnlyAccess",)


def test_boundary_defined_in_the_template_comes_with_its_document(deploy):
    role = deploy.roles["DeployRole2D5B9F0C"]
    assert role.boundary_arn == f"arn:aws:iam::{ACCOUNT}:policy/boundaries/deploy-boundary"
    assert [s["Sid"] for s in role.boundary["Statement"]] == ["CeilingS3AndCloudFormation", "NeverTouchIam"]


def test_bucket_policy_guards_the_bucket_and_its_objects(deploy):
    (policy,) = deploy.resource_policies
    bucket = f"arn:aws:s3:::acme-artifacts-{ACCOUNT}-us-east-1"
    assert (policy.type, policy.resources) == ("AWS::S3::BucketPolicy", (bucket, f"{bucket}/*"))
    assert policy.document["Statement"][1]["Principal"] == {"AWS": f"arn:aws:iam::{ACCOUNT}:role/auditor"}


def test_role_policy_resources_attach_by_role_name(intrinsics):
    assert list(intrinsics.roles["WorkerRoleA1B2C3D4"].inline_policies) == ["work"]


def test_generated_names_are_stable_stand_ins(intrinsics):
    role = intrinsics.roles["WorkerRoleA1B2C3D4"]
    assert role.arn == f"arn:aws:iam::{ACCOUNT}:role/Jobs-WorkerRoleA1B2C3D4"
    statements = role.inline_policies["work"]["Statement"]
    assert statements[0]["Resource"] == f"arn:aws:sqs:eu-west-1:{ACCOUNT}:jobs"
    assert statements[1]["Resource"] == f"arn:aws:kms:eu-west-1:{ACCOUNT}:key/jobskey1a2b3c4d"


def test_a_deployed_stacks_physical_ids_replace_the_stand_in_names():
    physical = {
        "WorkerRoleA1B2C3D4": "Jobs-WorkerRoleA1B2C3D4-1X2Y3Z",
        "Jobs9A8B7C6D": f"https://sqs.eu-west-1.amazonaws.com/{ACCOUNT}/jobs-deployed",
        "Events5E6F7A8B": f"arn:aws:sns:eu-west-1:{ACCOUNT}:Jobs-Events5E6F7A8B-QWERTY",
        "JobsKey1A2B3C4D": "1234abcd-12ab-34cd-56ef-1234567890ab",
    }
    template = load_template(load_fixture("templates/intrinsics.json"), account=ACCOUNT, region="eu-west-1",
                             stack_name="Jobs", physical_ids=physical)
    role = template.roles["WorkerRoleA1B2C3D4"]
    assert role.arn == f"arn:aws:iam::{ACCOUNT}:role/Jobs-WorkerRoleA1B2C3D4-1X2Y3Z"
    statements = role.inline_policies["work"]["Statement"]
    assert statements[0]["Resource"] == f"arn:aws:sqs:eu-west-1:{ACCOUNT}:jobs-deployed"
    assert statements[1]["Resource"] == f"arn:aws:kms:eu-west-1:{ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    assert role.trust_policy["Statement"][1]["Condition"]["ArnLike"] == {"aws:SourceArn": physical["Events5E6F7A8B"]}


def test_a_deployed_managed_policys_arn_keeps_its_path():
    physical = {"ReadReleases5A0D3C7E": f"arn:aws:iam::{ACCOUNT}:policy/GitHubDeploy-ReadReleases5A0D3C7E-9Z"}
    template = load_template(load_fixture("templates/github_deploy.json"), account=ACCOUNT, physical_ids=physical)
    assert list(template.roles["DeployRole2D5B9F0C"].managed_policies) == [physical["ReadReleases5A0D3C7E"]]


def test_sub_select_split_find_in_map_and_if_are_resolved(intrinsics):
    role = intrinsics.roles["WorkerRoleA1B2C3D4"]
    statements = role.inline_policies["work"]["Statement"]
    assert statements[2]["Resource"] == f"arn:aws:dynamodb:eu-west-1:{ACCOUNT}:table/results"
    assert statements[3]["Resource"] == "arn:aws:ssm:*:*:parameter/b/*"
    assert statements[3]["Condition"] == {"Bool": {"aws:ViaAWSService": "true"}}  # not prod, not us-east-1
    trust = role.trust_policy["Statement"]
    assert trust[0]["Principal"] == {"Service": "lambda.amazonaws.com"}
    assert trust[1]["Condition"]["ArnLike"] == {"aws:SourceArn": f"arn:aws:sns:eu-west-1:{ACCOUNT}:Jobs-Events5E6F7A8B"}


def test_queue_topic_and_key_policies_are_read(intrinsics):
    by_type = {p.type: p for p in intrinsics.resource_policies}
    assert by_type["AWS::SQS::QueuePolicy"].resources == (f"arn:aws:sqs:eu-west-1:{ACCOUNT}:jobs",)
    assert by_type["AWS::SNS::TopicPolicy"].resources == (f"arn:aws:sns:eu-west-1:{ACCOUNT}:Jobs-Events5E6F7A8B",)
    assert by_type["AWS::KMS::Key"].resources == (f"arn:aws:kms:eu-west-1:{ACCOUNT}:key/jobskey1a2b3c4d",)


def test_what_cannot_be_resolved_offline_is_marked_and_listed(intrinsics):
    role = intrinsics.roles["ImportedRole3C4D5E6F"]
    assert role.trust_policy["Statement"][0]["Principal"]["AWS"] == "<unresolved Ref TrustedAccount (a parameter without a value)>"
    assert [str(u) for u in role.unresolved] == [
        "ImportedRole3C4D5E6F AssumeRolePolicyDocument.Statement[0].Principal.AWS: Ref TrustedAccount (a parameter without a value)",
        "ImportedRole3C4D5E6F Policies[0].PolicyDocument.Statement[0].Resource: Fn::ImportValue 'SharedBucketArn'",
    ]
    assert set(intrinsics.unresolved) == set(role.unresolved)
    assert intrinsics.roles["WorkerRoleA1B2C3D4"].unresolved == ()



def test_a_parameter_a_parent_stack_passes_takes_the_value_it_resolved_there_whatever_its_default():
    """A NestedStack's template: the parent passes Trusted and Account (its Defaults are not what deploys), not Env."""
    declared = {name: {"Type": "String", "Default": "*"} for name in ("Trusted", "Account", "Env")}
    template = load_template({"Parameters": declared, "Resources": {}},
                             passed_parameters={"Trusted": "arn:aws:iam::111122223333:root", "Account": 444455556666})
    assert template.resolve({"Ref": "Trusted"}) == "arn:aws:iam::111122223333:root"
    assert template.resolve({"Fn::Sub": "arn:aws:iam::${Account}:root"}) == "arn:aws:iam::444455556666:root"  # YAML
    assert template.resolve({"Ref": "Env"}) == "*"


def test_a_parameter_whose_passed_value_the_parent_cannot_resolve_stays_unresolved_whatever_its_default():
    unresolved = load_template({"Resources": {}}).resolve({"Fn::ImportValue": "Shared"})  # as the parent leaves it
    template = load_template({"Parameters": {
        "Imported": {"Type": "String", "Default": "*"}, "Unknown": {"Type": "String", "Default": "*"},
        "FromSsm": {"Type": "AWS::SSM::Parameter::Value<String>", "Default": "/shared/principal"}}, "Resources": {}},
        passed_parameters={"Imported": unresolved, "Unknown": None, "FromSsm": "/team/principal"})
    for name in ("Imported", "Unknown", "FromSsm"):
        assert template.resolve({"Ref": name}) == f"<unresolved Ref {name} (a parameter the parent stack passes)>"


@pytest.mark.parametrize(
    ("value", "resolved"),
    [
        ({"Fn::Sub": "arn:${AWS::Partition}:s3:::${!Literal}/x"}, "arn:aws-cn:s3:::${Literal}/x"),
        ({"Fn::Sub": ["${A}-${AWS::Region}", {"A": "a"}]}, "a-cn-north-1"),
        ({"Ref": "AWS::URLSuffix"}, "amazonaws.com.cn"),
        ({"Fn::Select": ["1", ["a", "b"]]}, "b"),
        ({"Fn::GetAtt": "WorkerRoleA1B2C3D4.Arn"}, f"arn:aws-cn:iam::{ACCOUNT}:role/Stack-WorkerRoleA1B2C3D4"),
        ({"Fn::GetAtt": ["Jobs9A8B7C6D", "QueueUrl"]}, f"https://sqs.cn-north-1.amazonaws.com.cn/{ACCOUNT}/jobs"),
        (["a", {"Ref": "AWS::NoValue"}, "b"], ["a", "b"]),
        ({"Fn::GetAZs": ""}, "<unresolved Fn::GetAZs ''>"),
        ({"Fn::GetAtt": ["Jobs9A8B7C6D", "Unknown"]}, "<unresolved Fn::GetAtt Jobs9A8B7C6D.Unknown (AWS::SQS::Queue)>"),
    ],
)
def test_resolve_handles_any_fragment_in_any_partition(value, resolved):
    template = load_template(load_fixture("templates/intrinsics.json"), account=ACCOUNT, region="cn-north-1",
                             partition="aws-cn")
    assert template.resolve(value) == resolved


@pytest.mark.parametrize(
    ("template", "kwargs", "fragment"),
    [
        ({"Resources": []}, {}, "must be a CloudFormation template with Resources"),
        ({"Resources": {}}, {"account": "12"}, "account is '12', but must be an AWS account id"),
        ({"Resources": {}}, {"partition": "aws-mars"}, "partition is 'aws-mars', but must be one of aws, aws-cn"),
    ],
)
def test_bad_templates_and_settings_are_refused(template, kwargs, fragment):
    with pytest.raises(ValidationError, match=re.escape(fragment)):
        load_template(template, **kwargs)


@pytest.fixture
def principals():
    return load_template(load_fixture("templates/principals.json"), account=ACCOUNT)


def test_identity_policies_are_listed_where_they_are_written_with_whom_they_apply_to(principals):
    found = {(p.logical_id, p.name): (p.type, p.attached_to) for p in principals.identity_policies}
    assert found == {
        ("Boundary1A2B3C4D", "Boundary1A2B3C4D"): ("AWS::IAM::ManagedPolicy", ()),
        ("Worker5E6F7A8B", "ReadLogs"): ("AWS::IAM::Role", ("Worker5E6F7A8B",)),
        ("Alice9C0D1E2F", "OwnKeys"): ("AWS::IAM::User", ("Alice9C0D1E2F",)),
        ("AliceKeysPolicy7E8F9A0B", "alice-mfa"): ("AWS::IAM::UserPolicy", ("Alice9C0D1E2F",)),
        ("AdminsExtraPolicy1B2C3D4E", "admins-extra"): ("AWS::IAM::Policy", ("Admins3A4B5C6D",)),
        ("Shared5F6A7B8C", "Shared5F6A7B8C"): ("AWS::IAM::ManagedPolicy", ("Worker5E6F7A8B", "Alice9C0D1E2F")),
    }


def test_a_managed_policy_used_as_a_boundary_says_whose_boundary_it_is(principals):
    boundary = next(p for p in principals.identity_policies if p.logical_id == "Boundary1A2B3C4D")
    assert boundary.boundary_of == ("Worker5E6F7A8B",)
    assert boundary.document["Statement"][0]["Action"] == "s3:*"


def test_managed_policy_arns_of_users_and_groups_are_resolved(principals):
    assert principals.managed_policy_arns["Alice9C0D1E2F"] == ("arn:aws:iam::aws:policy/ReadOnlyAccess",)
    assert principals.managed_policy_arns["Admins3A4B5C6D"] == ("arn:aws:iam::aws:policy/AdministratorAccess",)
    assert principals.managed_policy_arns["Worker5E6F7A8B"] == ()


def test_group_members_come_from_the_users_groups_and_user_to_group_additions(principals):
    # Alice names Admins in her Groups and again in an addition; names of another stack's group or user are left out.
    assert principals.group_members == {"Admins3A4B5C6D": ("Alice9C0D1E2F", "Bob4C5D6E7F"), "Auditors8A9B0C1D": ()}


@pytest.mark.parametrize(("value", "function"), [
    ({"Fn::GetAtt": "NoAttribute"}, "Fn::GetAtt"),
    ({"Fn::GetAtt": ["Only"]}, "Fn::GetAtt"),
    ({"Fn::If": ["IsProd", "a"]}, "Fn::If"),
    ({"Fn::Join": "a,b"}, "Fn::Join"),
    ({"Fn::Select": 0}, "Fn::Select"),
])
def test_a_malformed_intrinsic_is_a_validation_error_naming_where_it_is(value, function):
    template = {"Conditions": {"IsProd": True}, "Resources": {"Role": {"Type": "AWS::IAM::Role", "Properties": {
        "RoleName": value, "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": []}}}}}
    with pytest.raises(ValidationError, match=re.escape(f"Role RoleName is {value!r}, but must be a well-formed "
                                                        f"{function} (CloudFormation rejects this one)")):
        load_template(template)


def test_permissions_boundaries_name_each_principals_boundary_arn(deploy):
    assert deploy.permissions_boundaries == {
        "DeployRole2D5B9F0C": f"arn:aws:iam::{ACCOUNT}:policy/boundaries/deploy-boundary"}
