"""The example stacks judged offline by the Simulator: each role admits its intended caller and no near miss,
and the Lambda role writes to its own log group only."""

from __future__ import annotations

import pytest

from iam_patterns import Simulator
from stacks.cross_account_role import CrossAccountRoleStack
from stacks.ec2_instance_role import Ec2InstanceRoleStack
from stacks.ecs_task_roles import EcsTaskRolesStack
from stacks.eks_roles import CLUSTER_ISSUER, EksRolesStack
from stacks.lambda_execution_role import LambdaExecutionRoleStack
from stacks.service_roles import ServiceRolesStack
from tests.cdk.synth import new_app

ACCOUNT = "444455556666"
PARTNER = "111122223333"
GUARDRAILS = {"sts:ExternalId": "acme-prod-2026", "aws:MultiFactorAuthPresent": "true"}


@pytest.fixture
def app():
    """An App that writes construct paths into the template, as `cdk synth` does, so roles go by their ids."""
    return new_app(context={"aws:cdk:enable-path-metadata": True})


def _sim(app, stack_class) -> Simulator:
    return Simulator.from_stack(stack_class(app, "Example"), account=ACCOUNT, region="us-east-1")


def test_the_guides_role_admits_ec2_and_the_partner_with_guardrails_only(app):
    sim = _sim(app, CrossAccountRoleStack)
    alice = f"arn:aws:iam::{PARTNER}:user/alice"
    assert sim.can_assume("AppUploads", {"Service": "ec2.amazonaws.com"}).allowed
    assert sim.can_assume("AppUploads", alice, GUARDRAILS).allowed
    assert not sim.can_assume("AppUploads", alice, {**GUARDRAILS, "sts:ExternalId": "guess"}).allowed
    assert not sim.can_assume("AppUploads", alice, {"sts:ExternalId": "acme-prod-2026"}).allowed
    assert not sim.can_assume("AppUploads", "arn:aws:iam::999988887777:user/mallory", GUARDRAILS).allowed
    assert not sim.can_assume("AppUploads", {"Service": "lambda.amazonaws.com"}).allowed
    assert sim.can("AppUploads", "s3:PutObject", "arn:aws:s3:::my-app-uploads-prod/reports/q1.csv").allowed
    assert not sim.can("AppUploads", "s3:PutObject", "arn:aws:s3:::my-app-uploads-prod/private/q1.csv").allowed


def test_the_instance_role_admits_ec2_only_and_serves_session_manager(app):
    sim = _sim(app, Ec2InstanceRoleStack)
    assert sim.can_assume("WebServer", {"Service": "ec2.amazonaws.com"}).allowed
    assert not sim.can_assume("WebServer", {"Service": "lambda.amazonaws.com"}).allowed
    assert not sim.can_assume("WebServer", f"arn:aws:iam::{ACCOUNT}:user/bob").allowed
    assert sim.can("WebServer", "ssmmessages:OpenControlChannel").allowed
    assert not sim.can("WebServer", "ssm:GetParameter", f"arn:aws:ssm:us-east-1:{ACCOUNT}:parameter/db-password").allowed


def test_the_lambda_role_writes_to_its_own_log_group_only(app):
    sim = _sim(app, LambdaExecutionRoleStack)
    assert sim.can_assume("OrdersRole", {"Service": "lambda.amazonaws.com"}).allowed
    assert not sim.can_assume("OrdersRole", {"Service": "ec2.amazonaws.com"}).allowed
    own = sim.arn("OrdersLogs18C7443B")  # arn:aws:logs:us-east-1:ACCOUNT:log-group:NAME:*
    stream = own.removesuffix("*") + "log-stream:2026/01/01/[$LATEST]abc"
    assert sim.can("OrdersRole", "logs:PutLogEvents", stream).allowed
    other = f"arn:aws:logs:us-east-1:{ACCOUNT}:log-group:/aws/lambda/payments:log-stream:x"
    assert not sim.can("OrdersRole", "logs:PutLogEvents", other).allowed
    assert not sim.can("OrdersRole", "logs:DeleteLogGroup", own).allowed


@pytest.mark.parametrize("role", ["WorkerTaskRole", "WorkerExecutionRole"])
def test_the_ecs_roles_admit_this_accounts_tasks_only(app, role):
    sim = _sim(app, EcsTaskRolesStack)
    task = {"aws:SourceArn": f"arn:aws:ecs:us-east-1:{ACCOUNT}:task/default/0123", "aws:SourceAccount": ACCOUNT}
    theirs = {"aws:SourceArn": f"arn:aws:ecs:us-east-1:{PARTNER}:task/default/0123", "aws:SourceAccount": PARTNER}
    assert sim.can_assume(role, {"Service": "ecs-tasks.amazonaws.com"}, task).allowed
    assert not sim.can_assume(role, {"Service": "ecs-tasks.amazonaws.com"}, theirs).allowed
    assert not sim.can_assume(role, {"Service": "ecs-tasks.amazonaws.com"}).allowed
    assert not sim.can_assume(role, {"Service": "ec2.amazonaws.com"}, task).allowed


def test_the_service_roles_admit_their_service_for_this_accounts_sources_only(app):
    sim = _sim(app, ServiceRolesStack)
    scheduler = {"Service": "scheduler.amazonaws.com"}
    group = f"arn:aws:scheduler:us-east-1:{ACCOUNT}:schedule-group/default"
    assert sim.can_assume("NightlySchedules", scheduler, {"aws:SourceArn": group, "aws:SourceAccount": ACCOUNT}).allowed
    assert not sim.can_assume("NightlySchedules", scheduler,
                              {"aws:SourceArn": group.replace("default", "other"), "aws:SourceAccount": ACCOUNT}).allowed
    assert not sim.can_assume("NightlySchedules", scheduler, {"aws:SourceArn": group}).allowed
    assert not sim.can_assume("NightlySchedules", {"Service": "events.amazonaws.com"},
                              {"aws:SourceArn": group, "aws:SourceAccount": ACCOUNT}).allowed
    config = {"Service": "config.amazonaws.com"}
    assert sim.can_assume("ConfigRecorder", config, {"aws:SourceAccount": ACCOUNT}).allowed
    assert not sim.can_assume("ConfigRecorder", config, {"aws:SourceAccount": PARTNER}).allowed
    assert not sim.can_assume("ConfigRecorder", config).allowed


def test_the_eks_roles_admit_the_payments_api_service_account_only(app):
    sim = _sim(app, EksRolesStack)
    issuer = CLUSTER_ISSUER.removeprefix("https://")
    provider = {"Federated": f"arn:aws:iam::{ACCOUNT}:oidc-provider/{issuer}"}
    token = {f"{issuer}:sub": "system:serviceaccount:payments:api", f"{issuer}:aud": "sts.amazonaws.com"}
    assert sim.can_assume("PaymentsApiIrsa", provider, token).allowed
    assert not sim.can_assume("PaymentsApiIrsa", provider, {**token, f"{issuer}:sub": "system:serviceaccount:payments:worker"}).allowed
    assert not sim.can_assume("PaymentsApiIrsa", provider, {**token, f"{issuer}:sub": "system:serviceaccount:default:api"}).allowed
    assert not sim.can_assume("PaymentsApiIrsa", {"Federated": f"arn:aws:iam::{PARTNER}:oidc-provider/{issuer}"}, token).allowed
    eks_auth = {"Service": "pods.eks.amazonaws.com"}
    tags = {"aws:RequestTag/kubernetes-namespace": "payments", "aws:RequestTag/kubernetes-service-account": "api",
            "aws:RequestTag/eks-cluster-name": "prod"}
    assert sim.can_assume("PaymentsApiPodIdentity", eks_auth, tags).allowed
    assert sim.can_assume("PaymentsApiPodIdentity", eks_auth, tags, action="sts:TagSession").allowed
    assert not sim.can_assume("PaymentsApiPodIdentity", eks_auth, {**tags, "aws:RequestTag/kubernetes-namespace": "default"}).allowed
    assert not sim.can_assume("PaymentsApiPodIdentity", eks_auth, {**tags, "aws:RequestTag/kubernetes-service-account": "worker"}).allowed
    assert not sim.can_assume("PaymentsApiPodIdentity", eks_auth, {**tags, "aws:RequestTag/eks-cluster-name": "staging"}).allowed
