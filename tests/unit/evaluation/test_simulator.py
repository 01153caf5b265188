"""Simulator: can_assume / can over hand-written templates, with their near misses denied."""

from __future__ import annotations

import re

import pytest

from iam_patterns.errors import TemplateError
from iam_patterns.evaluation import Decision, Simulator
from tests.conftest import load_fixture

ACCOUNT = "111122223333"
PROVIDER = f"arn:aws:iam::{ACCOUNT}:oidc-provider/token.actions.githubusercontent.com"
ROLE = "DeployRole2D5B9F0C"
MAIN = {"token.actions.githubusercontent.com:sub": "repo:acme/app:ref:refs/heads/main",
        "token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}
BUCKET = f"arn:aws:s3:::acme-artifacts-{ACCOUNT}-us-east-1"
CFN_READ_ONLY = "arn:aws:iam::aws:policy/AWSCloudFormationReadOnlyAccess"
CFN_READ_ONLY_DOC = {"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Action": ["cloudformation:Describe*", "cloudformation:List*", "cloudformation:Get*"],
     "Resource": "*"}]}
TLS = {"aws:SecureTransport": "true"}


@pytest.fixture
def sim():
    return Simulator.from_template(load_fixture("templates/github_deploy.json"), account=ACCOUNT,
                                   managed_policies={CFN_READ_ONLY: CFN_READ_ONLY_DOC})


@pytest.fixture
def jobs():
    return Simulator.from_template(load_fixture("templates/intrinsics.json"), account=ACCOUNT)


def test_the_main_branch_of_the_repository_can_assume_the_deploy_role(sim):
    result = sim.can_assume(ROLE, {"Federated": PROVIDER}, MAIN)
    assert result.decision == Decision.ALLOW
    assert [r.sid for r in result.reasons] == ["AllowMainBranchOfAcmeApp"]


@pytest.mark.parametrize(
    "claims",
    [
        {**MAIN, "token.actions.githubusercontent.com:sub": "repo:acme/other:ref:refs/heads/main"},
        {**MAIN, "token.actions.githubusercontent.com:sub": "repo:acme/app:ref:refs/heads/feature"},
        {**MAIN, "token.actions.githubusercontent.com:sub": "repo:acme/app:environment:prod"},
        {**MAIN, "token.actions.githubusercontent.com:aud": "https://github.com/acme"},
        {"token.actions.githubusercontent.com:sub": MAIN["token.actions.githubusercontent.com:sub"]},
    ],
)
def test_near_misses_cannot_assume_the_deploy_role(sim, claims):
    assert sim.can_assume(ROLE, {"Federated": PROVIDER}, claims).decision == Decision.IMPLICIT_DENY


def test_another_providers_token_cannot_assume_the_deploy_role(sim):
    other = f"arn:aws:iam::{ACCOUNT}:oidc-provider/gitlab.com"
    assert not sim.can_assume(ROLE, {"Federated": other}, MAIN).allowed


def test_plain_assume_role_is_not_web_identity(sim):
    result = sim.can_assume(ROLE, {"Federated": PROVIDER}, MAIN, action="sts:AssumeRole")
    assert result.decision == Decision.IMPLICIT_DENY


def test_roles_are_found_by_logical_id_or_construct_path(sim):
    assert sim.role("DeployRole").logical_id == ROLE
    assert sim.role("GitHubDeploy/DeployRole").logical_id == ROLE
    assert sim.role(ROLE).arn == f"arn:aws:iam::{ACCOUNT}:role/ci/github-deploy-prod"


def test_an_unknown_role_is_a_template_error_listing_the_roles(sim):
    with pytest.raises(TemplateError, match=re.escape(f"role 'Nope' is not a role of the template (roles: {ROLE})")):
        sim.can("Nope", "s3:GetObject", BUCKET)


def test_a_construct_path_in_a_template_without_paths_is_an_error_saying_what_to_name_the_role_by(jobs):
    assert not any(role.cdk_path for role in jobs.roles.values())
    with pytest.raises(TemplateError, match=re.escape(
            "role 'Jobs/WorkerRole' is not a role of the template (roles: ImportedRole3C4D5E6F, WorkerRoleA1B2C3D4); "
            "the template has no construct paths (aws:cdk:path metadata")) as raised:
        jobs.role("Jobs/WorkerRole")
    assert str(raised.value).endswith("so name a role by its logical id, or pass the role construct itself")


def test_a_template_with_construct_paths_gives_no_such_hint(sim):
    with pytest.raises(TemplateError) as raised:
        sim.role("GitHubDeploy/Other")
    assert str(raised.value) == f"role 'GitHubDeploy/Other' is not a role of the template (roles: {ROLE})"


def test_the_role_writes_builds_and_reads_releases(sim):
    assert sim.can(ROLE, "s3:PutObject", f"{BUCKET}/builds/1.zip", TLS).allowed
    assert sim.can(ROLE, "s3:GetObject", f"{BUCKET}/releases/1.zip", TLS).allowed
    assert sim.can(ROLE, "cloudformation:DescribeStacks", "*").allowed  # from the AWS managed policy


@pytest.mark.parametrize(
    ("action", "resource"),
    [
        ("s3:PutObject", f"{BUCKET}/releases/1.zip"),
        ("s3:GetObject", f"{BUCKET}/builds/1.zip"),
        ("s3:DeleteObject", f"{BUCKET}/builds/1.zip"),
        ("cloudformation:UpdateStack", f"arn:aws:cloudformation:us-east-1:{ACCOUNT}:stack/other-app/1"),
        ("cloudformation:DeleteStack", f"arn:aws:cloudformation:us-east-1:{ACCOUNT}:stack/acme-app-prod/1"),
    ],
)
def test_the_role_is_denied_what_its_policies_do_not_grant(sim, action, resource):
    assert sim.can(ROLE, action, resource, TLS).decision == Decision.IMPLICIT_DENY


def test_the_boundary_caps_an_identity_grant(sim):
    result = sim.can(ROLE, "iam:CreateUser", f"arn:aws:iam::{ACCOUNT}:user/x")
    assert result.decision == Decision.EXPLICIT_DENY
    assert [(r.policy, r.sid) for r in result.reasons] == [("boundary", "NeverTouchIam")]


def test_the_bucket_policy_denies_plain_http(sim):
    result = sim.can(ROLE, "s3:PutObject", f"{BUCKET}/builds/1.zip", {"aws:SecureTransport": "false"})
    assert result.decision == Decision.EXPLICIT_DENY
    assert result.reasons[0].policy == "resource"


def test_the_session_carries_the_role_arn_with_its_path_and_its_tags(sim):
    only_tagged = {"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "s3:GetObject", "Resource": f"{BUCKET}/*",
        "Condition": {"StringEquals": {"aws:PrincipalTag/team": "platform",
                                       "aws:PrincipalArn": f"arn:aws:iam::{ACCOUNT}:role/ci/github-deploy-prod"}}}]}
    assert sim.can(ROLE, "s3:GetObject", f"{BUCKET}/builds/1", resource_policy=only_tagged).decision == Decision.ALLOW


def test_a_session_policy_narrows_the_role(sim):
    narrow = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}
    assert not sim.can(ROLE, "s3:PutObject", f"{BUCKET}/builds/1.zip", TLS, session_policy=narrow).allowed
    assert sim.can(ROLE, "s3:GetObject", f"{BUCKET}/releases/1.zip", TLS, session_policy=narrow).allowed


def test_an_attached_policy_without_a_document_is_an_error_not_a_guess():
    sim = Simulator.from_template(load_fixture("templates/github_deploy.json"), account=ACCOUNT)
    with pytest.raises(TemplateError, match=re.escape(f"uses {CFN_READ_ONLY}, whose document is not in the template")):
        sim.can(ROLE, "s3:PutObject", f"{BUCKET}/builds/1.zip")
    assert sim.can_assume(ROLE, {"Federated": PROVIDER}, MAIN).allowed  # the trust policy alone is enough here


def test_a_role_with_unresolved_values_is_an_error(jobs):
    with pytest.raises(TemplateError, match=re.escape("Fn::ImportValue 'SharedBucketArn'")):
        jobs.can("ImportedRole3C4D5E6F", "s3:GetObject", "arn:aws:s3:::shared/x")
    with pytest.raises(TemplateError, match=re.escape("Ref TrustedAccount (a parameter without a value)")):
        jobs.can_assume("ImportedRole3C4D5E6F", "arn:aws:iam::444455556666:root")


def test_a_service_needs_the_right_source_to_assume_the_worker(jobs):
    topic = f"arn:aws:sns:us-east-1:{ACCOUNT}:Stack-Events5E6F7A8B"
    source = {"aws:SourceAccount": ACCOUNT, "aws:SourceArn": topic}
    assert jobs.can_assume("WorkerRoleA1B2C3D4", {"Service": "lambda.amazonaws.com"}).allowed
    assert jobs.can_assume("WorkerRoleA1B2C3D4", {"Service": "sns.amazonaws.com"}, source).allowed
    assert not jobs.can_assume("WorkerRoleA1B2C3D4", {"Service": "sns.amazonaws.com"}).allowed
    assert not jobs.can_assume("WorkerRoleA1B2C3D4", {"Service": "sns.amazonaws.com"},
                               {**source, "aws:SourceAccount": "444455556666"}).allowed
    assert not jobs.can_assume("WorkerRoleA1B2C3D4", {"Service": "sns.amazonaws.com"},
                               {**source, "aws:SourceArn": f"{topic}-other"}).allowed
    assert not jobs.can_assume("WorkerRoleA1B2C3D4", {"Service": "ec2.amazonaws.com"}).allowed


def test_the_key_policy_delegates_to_the_account_so_the_role_policy_decides(jobs):
    key = f"arn:aws:kms:us-east-1:{ACCOUNT}:key/jobskey1a2b3c4d"
    assert jobs.can("WorkerRoleA1B2C3D4", "kms:Decrypt", key).allowed
    assert jobs.can("WorkerRoleA1B2C3D4", "kms:Encrypt", key).decision == Decision.IMPLICIT_DENY


def test_the_queue_policy_admits_sns_only_from_the_topic():
    jobs = Simulator.from_template(load_fixture("templates/intrinsics.json"), account=ACCOUNT)
    queue = jobs.template.resource_policies[0]
    assert queue.type == "AWS::SQS::QueuePolicy"
    assert jobs.can("WorkerRoleA1B2C3D4", "sqs:ReceiveMessage", queue.resources[0]).allowed
    assert not jobs.can("WorkerRoleA1B2C3D4", "sqs:SendMessage", queue.resources[0]).allowed


def _with_deployer(boundary=None):
    template = load_fixture("templates/intrinsics.json")
    template["Resources"]["WorkerRoleA1B2C3D4"]["Properties"]["AssumeRolePolicyDocument"]["Statement"].append(
        {"Effect": "Allow", "Principal": {"AWS": {"Fn::GetAtt": ["DeployerB1C2D3E4", "Arn"]}}, "Action": "sts:AssumeRole"})
    template["Resources"]["DeployerB1C2D3E4"] = {"Type": "AWS::IAM::Role", "Properties": {
        "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Principal": {"Service": "codebuild.amazonaws.com"}, "Action": "sts:AssumeRole"}]}}}
    if boundary:
        template["Resources"]["Ceiling0A1B2C3D"] = {"Type": "AWS::IAM::ManagedPolicy", "Properties": {
            "PolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": boundary, "Resource": "*"}]}}}
        template["Resources"]["DeployerB1C2D3E4"]["Properties"]["PermissionsBoundary"] = {"Ref": "Ceiling0A1B2C3D"}
    return Simulator.from_template(template, account=ACCOUNT)


def test_a_role_named_in_a_same_account_trust_policy_needs_no_identity_policy():
    sim = _with_deployer()
    assert sim.can_assume("WorkerRoleA1B2C3D4", "DeployerB1C2D3E4").allowed
    assert sim.can("DeployerB1C2D3E4", "sts:AssumeRole", sim.role("WorkerRoleA1B2C3D4").arn).allowed
    assert not sim.can_assume("DeployerB1C2D3E4", "WorkerRoleA1B2C3D4").allowed  # not the other way round


def test_a_boundary_caps_a_trust_policy_that_names_the_role_not_the_session():
    assert _with_deployer(boundary="sts:AssumeRole").can_assume("WorkerRoleA1B2C3D4", "DeployerB1C2D3E4").allowed
    result = _with_deployer(boundary="s3:*").can_assume("WorkerRoleA1B2C3D4", "DeployerB1C2D3E4")
    assert result.decision == Decision.IMPLICIT_DENY
    assert [r.policy for r in result.reasons] == ["boundary"]


def test_cross_account_callers_are_assumed_allowed_by_their_account_unless_policies_are_given(sim):
    trust = {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Principal": {"AWS": "444455556666"}, "Action": "sts:AssumeRole"}]}
    template = load_fixture("templates/intrinsics.json")
    template["Resources"]["WorkerRoleA1B2C3D4"]["Properties"]["AssumeRolePolicyDocument"] = trust
    jobs = Simulator.from_template(template, account=ACCOUNT)
    caller = "arn:aws:iam::444455556666:user/ops"
    assert jobs.can_assume("WorkerRoleA1B2C3D4", caller).allowed
    assert not jobs.can_assume("WorkerRoleA1B2C3D4", caller, caller_policies=[]).allowed
    assert not jobs.can_assume("WorkerRoleA1B2C3D4", "arn:aws:iam::999988887777:user/ops").allowed


def test_scps_apply_to_callers_in_the_template_account():
    scp = {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "kms:*", "Resource": "*"}]}
    full = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}
    jobs = Simulator.from_template(load_fixture("templates/intrinsics.json"), account=ACCOUNT, scps=[[full, scp]])
    key = f"arn:aws:kms:us-east-1:{ACCOUNT}:key/jobskey1a2b3c4d"
    assert jobs.can("WorkerRoleA1B2C3D4", "kms:Decrypt", key).decision == Decision.EXPLICIT_DENY
    assert jobs.can("WorkerRoleA1B2C3D4", "sqs:ReceiveMessage", f"arn:aws:sqs:us-east-1:{ACCOUNT}:jobs").allowed
