"""deploy-local's read-back, against moto's CloudFormation in this process: a CDK stack is created from its
synthesized template, every role is read back and compared, and each kind of drift is caught."""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from aws_cdk.assertions import Template
from moto import mock_aws

from deploy.assembly import Stack as AssemblyStack
from deploy.roles import check_deployed, physical_ids, trust_summary
from tests.cdk.synth import new_app
from tests.e2e.roles_stack import GITHUB_SUB, roles_stack

GITHUB_URL = "https://token.actions.githubusercontent.com"
DEPLOY, INSTANCE = "Deploy7B206E61", "InstanceC1063A87"  # the roles' logical ids
_ALLOW_ALL = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}


@functools.cache
def _template(provider_arn: str, aws_managed_policy: str) -> dict[str, Any]:
    stack = roles_stack(new_app(), provider_arn=provider_arn, aws_managed_policy=aws_managed_policy)
    return Template.from_stack(stack).to_json()


class _Account:
    """One moto account for the whole module (loading AWS's managed policies into it takes seconds), with the
    GitHub OIDC provider in it, as deploy-local creates it; each test deploys a stack of its own."""

    def __init__(self) -> None:
        session = boto3.Session(aws_access_key_id="testing", aws_secret_access_key="testing", region_name="us-east-1")
        self.iam, self.cfn = session.client("iam"), session.client("cloudformation")
        session.client("ssm").put_parameter(Name="/cdk-bootstrap/hnb659fds/version", Value="30", Type="String")
        provider = self.iam.create_open_id_connect_provider(Url=GITHUB_URL, ClientIDList=["sts.amazonaws.com"])
        self.provider_arn = provider["OpenIDConnectProviderArn"]
        self._deployed = 0

    def deploy(self, aws_managed_policy: str = "ReadOnlyAccess") -> tuple[AssemblyStack, dict[str, str]]:
        """Create the roles stack from its synthesized template under a new stack name, as `cdk deploy` does."""
        template = _template(self.provider_arn, aws_managed_policy)
        self._deployed += 1
        name = f"Fixture-Roles{self._deployed}"
        self.cfn.create_stack(StackName=name, TemplateBody=json.dumps(template))
        stack = AssemblyStack(id=name, name=name, template=template)
        return stack, physical_ids(self.cfn, stack)


@pytest.fixture(scope="module")
def account() -> Iterator[_Account]:
    with pytest.MonkeyPatch.context() as patch, mock_aws():
        patch.setenv("MOTO_IAM_LOAD_MANAGED_POLICIES", "true")
        yield _Account()


def test_every_deployed_role_matches_its_template(account):
    stack, physical = account.deploy()
    roles, problems = check_deployed(stack, physical, account.iam)
    assert problems == []
    deploy, instance = physical[DEPLOY], physical[INSTANCE]
    assert set(roles) == {deploy, instance}
    assert roles[deploy].max_session == 7200 and roles[deploy].path == "/deploy/"
    assert set(roles[deploy].inline) == {"ReadData", next(p for p in roles[deploy].inline if "DefaultPolicy" in p)}
    assert roles[deploy].boundary == physical["BoundaryEA298153"]
    assert roles[deploy].boundary.startswith(f"arn:aws:iam::123456789012:policy/{stack.name}-Boundary")
    assert "arn:aws:iam::aws:policy/ReadOnlyAccess" in roles[deploy].managed
    assert roles[instance].instance_profiles == {physical["Profile6F32097C"]}
    assert trust_summary(roles[instance].trust) == ("AWS: arn:aws:iam::123456789012:root; Service: ec2.amazonaws.com", "-")
    assert trust_summary(roles[deploy].trust) == (
        "Federated: arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com",
        f"StringEquals token.actions.githubusercontent.com:sub={GITHUB_SUB}",
    )


def test_resolved_resource_arns_are_the_deployed_ones(account):
    stack, physical = account.deploy()
    bucket = physical["Data666C94C7"]
    read = check_deployed(stack, physical, account.iam)[0][physical[DEPLOY]].inline["ReadData"]
    assert read["Statement"][0]["Resource"] == f"arn:aws:s3:::{bucket}/*"


def _drift_problems(account: _Account, change) -> list[str]:
    """Deploy, ``change(iam, deploy_role_name, instance_role_name)``, then check."""
    stack, physical = account.deploy()
    change(account.iam, physical[DEPLOY], physical[INSTANCE])
    return check_deployed(stack, physical, account.iam)[1]


def test_a_trust_policy_changed_after_deploy_is_reported(account):
    def widen(iam, deploy, _instance):
        trust = iam.get_role(RoleName=deploy)["Role"]["AssumeRolePolicyDocument"]
        trust["Statement"][0]["Condition"]["StringEquals"]["token.actions.githubusercontent.com:sub"] = "repo:acme/*"
        iam.update_assume_role_policy(RoleName=deploy, PolicyDocument=json.dumps(trust))

    (problem,) = _drift_problems(account, widen)
    assert "trust: deployed" in problem and "repo:acme/*" in problem and GITHUB_SUB in problem


def test_an_inline_policy_changed_after_deploy_is_reported(account):
    def widen(iam, deploy, _instance):
        iam.put_role_policy(RoleName=deploy, PolicyName="ReadData", PolicyDocument=json.dumps(_ALLOW_ALL))

    (problem,) = _drift_problems(account, widen)
    assert problem.startswith("Fixture-Roles") and f"/{DEPLOY} (" in problem and "inline: deployed" in problem


def test_a_removed_boundary_a_shorter_session_and_an_extra_inline_policy_are_each_reported(account):
    def loosen(iam, deploy, _instance):
        iam.delete_role_permissions_boundary(RoleName=deploy)
        iam.update_role(RoleName=deploy, MaxSessionDuration=3600)
        iam.put_role_policy(RoleName=deploy, PolicyName="Extra", PolicyDocument=json.dumps(_ALLOW_ALL))

    problems = _drift_problems(account, loosen)
    assert [p.split(": ", 1)[1].split(":")[0] for p in problems] == ["inline", "boundary", "max_session"]
    assert "max_session: deployed 3600, template 7200" in problems[2]


def test_a_managed_policy_attached_outside_the_template_is_reported(account):
    def attach(iam, _deploy, instance):
        iam.attach_role_policy(RoleName=instance, PolicyArn="arn:aws:iam::aws:policy/AdministratorAccess")

    (problem,) = _drift_problems(account, attach)
    assert "managed: attached ['arn:aws:iam::aws:policy/AdministratorAccess'], which the template does not attach" in problem


def test_a_role_taken_out_of_its_instance_profile_is_reported(account):
    def detach(iam, _deploy, instance):
        profile = iam.list_instance_profiles_for_role(RoleName=instance)["InstanceProfiles"][0]["InstanceProfileName"]
        iam.remove_role_from_instance_profile(InstanceProfileName=profile, RoleName=instance)

    (problem,) = _drift_problems(account, detach)
    assert "instance_profiles: deployed []" in problem


def test_a_managed_policy_that_does_not_exist_is_reported(account):
    stack, physical = account.deploy(aws_managed_policy="ReadOnlyAcess")
    (problem,) = check_deployed(stack, physical, account.iam)[1]
    assert problem.endswith("managed policy arn:aws:iam::aws:policy/ReadOnlyAcess does not exist")
