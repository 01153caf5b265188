"""Simulator.from_stack on synthesized CDK stacks: the example stack, a PatternRole, and stacks in Stages,
judged offline; stacks it cannot read (changed after their Stage was synthesized, a NestedStack) refused with
what to do."""

from __future__ import annotations

import re

import pytest
from aws_cdk import Aws, Environment, NestedStack, Stack, Stage
from aws_cdk import aws_iam as iam
from aws_cdk import aws_s3 as s3

from iam_patterns import Decision, Request, Simulator, TemplateError, ValidationError, evaluate
from iam_patterns.cli import main
from iam_patterns.constructs._role import PatternRole
from iam_patterns.policy import PolicyDocument, s3_prefix_access
from stacks.s3_prefix_access import S3PrefixAccessStack

ACCOUNT = "444455556666"
SESSION = f"arn:aws:sts::{ACCOUNT}:assumed-role/reports-reader/s1"
GUARDRAILS = {"sts:ExternalId": "acme-prod-2026", "aws:MultiFactorAuthPresent": "true"}
PATH_METADATA = "aws:cdk:enable-path-metadata"  # what `cdk synth` sets: templates carry construct paths


def test_example_stack_policy_grants_its_bucket_prefix_and_the_bucket_refuses_plain_http(app):
    sim = Simulator.from_stack(S3PrefixAccessStack(app, "S3"), account=ACCOUNT)
    (policy,) = sim.template.managed_policies.values()
    (bucket_policy,) = sim.template.resource_policies
    bucket = bucket_policy.resources[0]
    assert bucket == "arn:aws:s3:::s3-uploads4f6eb0fd"

    def decide(action: str, resource: str, **context: str) -> Decision:
        request = Request(SESSION, action, resource, context)
        return evaluate(request, [policy.document], resource=bucket_policy.document).decision

    assert decide("s3:GetObject", f"{bucket}/reports/q1.csv", **{"aws:SecureTransport": "true"}) == Decision.ALLOW
    assert decide("s3:ListBucket", bucket, **{"s3:prefix": "reports/"}) == Decision.ALLOW
    assert decide("s3:GetObject", f"{bucket}/private/q1.csv") == Decision.IMPLICIT_DENY
    assert decide("s3:ListBucket", bucket, **{"s3:prefix": "private/"}) == Decision.IMPLICIT_DENY
    assert decide("s3:GetObject", f"{bucket}/reports/q1.csv", **{"aws:SecureTransport": "false"}) == \
        Decision.EXPLICIT_DENY


def _guide_role_stack(app, guide_trust_policy, env=None):
    stack = Stack(app, "Guide", env=env)
    bucket = s3.Bucket(stack, "Uploads", enforce_ssl=True)
    role = PatternRole(
        stack, "App", trust_policy=PolicyDocument.from_json(guide_trust_policy),
        inline_policies={"uploads": s3_prefix_access(bucket.bucket_name, "reports/", partition=stack.partition)},
        path="/apps/",
    )
    return stack, bucket, role


def test_pattern_role_from_the_guide_admits_ec2_and_the_trusted_account_only(app, guide_trust_policy):
    stack, _, role = _guide_role_stack(app, guide_trust_policy)
    sim = Simulator.from_stack(stack)
    assert sim.can_assume(role, {"Service": "ec2.amazonaws.com"}).allowed
    assert sim.can_assume(role, "arn:aws:iam::111122223333:user/ops", GUARDRAILS).allowed
    assert not sim.can_assume(role, {"Service": "lambda.amazonaws.com"}).allowed
    assert not sim.can_assume(role, "arn:aws:iam::111122223333:user/ops", {**GUARDRAILS, "sts:ExternalId": "x"}).allowed
    assert not sim.can_assume(role, "arn:aws:iam::111122223333:user/ops", {"sts:ExternalId": "acme-prod-2026"}).allowed
    assert not sim.can_assume(role, "arn:aws:iam::999988887777:user/ops", GUARDRAILS).allowed


def test_pattern_role_reads_its_prefix_over_tls_only(app, guide_trust_policy):
    stack, bucket, role = _guide_role_stack(app, guide_trust_policy,
                                            env=Environment(account=ACCOUNT, region="eu-west-1"))
    sim = Simulator.from_stack(stack)
    assert sim.template.account == ACCOUNT and sim.template.region == "eu-west-1"
    assert sim.role(role).arn.startswith(f"arn:aws:iam::{ACCOUNT}:role/apps/Guide-App")
    objects = sim.arn(bucket) + "/"
    assert sim.can(role, "s3:GetObject", f"{objects}reports/a.csv", {"aws:SecureTransport": "true"}).allowed
    assert not sim.can(role, "s3:GetObject", f"{objects}other/a.csv", {"aws:SecureTransport": "true"}).allowed
    assert sim.can(role, "s3:GetObject", f"{objects}reports/a.csv", {"aws:SecureTransport": "false"}).decision == \
        Decision.EXPLICIT_DENY


def test_cdk_grants_land_in_the_default_policy_the_simulator_reads(app):
    stack = Stack(app, "Grants")
    bucket = s3.Bucket(stack, "Data")
    role = iam.Role(stack, "Reader", assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"))
    bucket.grant_read(role)
    sim = Simulator.from_stack(stack)
    (name,) = sim.role(role).inline_policies
    assert name.startswith("ReaderDefaultPolicy")
    assert sim.can(role, "s3:GetObject", f"{sim.arn(bucket)}/x").allowed
    assert sim.can(role, "s3:ListBucket", sim.arn(bucket)).allowed
    assert not sim.can(role, "s3:PutObject", f"{sim.arn(bucket)}/x").allowed
    assert not sim.can(role, "s3:GetObject", "arn:aws:s3:::another-bucket/x").allowed


def test_every_example_stack_loads_with_its_iam_fully_resolved(app):
    from stacks import build_all

    build_all(app)
    stacks = [child for child in app.node.children if isinstance(child, Stack)]
    assert stacks
    for stack in stacks:
        template = Simulator.from_stack(stack).template
        assert template.unresolved == (), stack.stack_name
        for role in template.roles.values():
            assert role.trust_policy is not None, role.logical_id


def test_stacks_in_a_stage_and_in_a_nested_stage_are_read_with_the_stages_environment(app):
    app.node.set_context(PATH_METADATA, True)
    prod = Stage(app, "Prod", env=Environment(account=ACCOUNT, region="eu-west-1"))
    api, worker = Stack(prod, "Api"), Stack(Stage(prod, "Eu"), "Worker")
    reader = iam.Role(api, "Reader", assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"))
    runner = iam.Role(worker, "Runner", assumed_by=iam.ServicePrincipal("ecs-tasks.amazonaws.com"))
    cases = [(api, reader, "Prod/Api/Reader", "Prod-Api", "lambda", "ecs-tasks"),
             (worker, runner, "Prod/Eu/Worker/Runner", "Prod-Eu-Worker", "ecs-tasks", "lambda")]
    for stack, role, path, stack_name, service, other in cases:
        sim = Simulator.from_stack(stack)
        assert (sim.template.account, sim.template.region, sim.template.stack_name) == (ACCOUNT, "eu-west-1", stack_name)
        assert list(sim.roles) == [sim.role(role).logical_id] and sim.role(path) == sim.role(role)
        assert sim.role(role).arn.startswith(f"arn:aws:iam::{ACCOUNT}:role/{stack_name}-")
        assert sim.can_assume(path, {"Service": f"{service}.amazonaws.com"}).allowed
        assert not sim.can_assume(path, {"Service": f"{other}.amazonaws.com"}).allowed


def test_can_reads_a_stack_of_a_nested_stage_from_the_synthesized_cdk_out_by_name_or_path(app, capsys):
    app.node.set_context(PATH_METADATA, True)
    api = Stack(Stage(Stage(app, "Prod", env=Environment(account=ACCOUNT, region="eu-west-1")), "Eu"), "Api")
    reader = iam.Role(api, "Reader", assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"))
    reader.add_to_policy(iam.PolicyStatement(actions=["s3:GetObject"],
                                             resources=[f"arn:{Aws.PARTITION}:s3:::reports-{Aws.STACK_NAME}/*"]))
    app.synth()
    for stack in ("Prod-Eu-Api", "Prod/Eu/Api"):
        args = ["can", app.outdir, "Prod/Eu/Api/Reader", "s3:GetObject", "--stack", stack]
        assert main([*args[:4], "arn:aws:s3:::reports-Prod-Eu-Api/q1.csv", *args[4:]]) == 0
        assert f"(arn:aws:iam::{ACCOUNT}:role/Prod-Eu-Api-Reader" in capsys.readouterr().out
        assert main([*args[:4], "arn:aws:s3:::reports-ProdEuApi/q1.csv", *args[4:]]) == 1


def test_a_stack_whose_app_or_stage_changed_after_it_was_synthesized_is_refused_not_read_stale(app):
    lambda_ = iam.ServicePrincipal("lambda.amazonaws.com")
    top, api = Stack(app, "Top"), Stack(Stage(app, "Prod"), "Api")
    iam.Role(api, "Reader", assumed_by=lambda_)
    app.synth()
    late, late_in_stage = Stack(app, "Late"), Stack(api.node.scope, "Worker")
    iam.Role(api, "Writer", assumed_by=lambda_)  # the app's synthesis would read Prod-Api without it
    in_app, in_prod = "its app changed after", "its Stage 'Prod' changed after"
    for stack, changed in [(late, f"{in_app} it was synthesized (+Late)"), (top, f"{in_app} it was synthesized"),
                           (late_in_stage, f"{in_prod} it was synthesized (+Prod/Worker, +Prod/Api/Writer)"),
                           (api, in_prod)]:
        with pytest.raises(ValidationError, match=re.escape(f"stack is '{stack.node.path}', but {changed}")):
            Simulator.from_stack(stack)
    with pytest.raises(ValidationError, match=re.escape("build every stack before the first synth")):
        Simulator.from_stack(late)


def test_a_stack_in_a_stage_made_after_the_app_was_synthesized_is_read_from_that_stages_own_synthesis(app):
    app.synth()
    worker = Stack(Stage(app, "Dev", env=Environment(account=ACCOUNT, region="eu-west-1")), "Worker")
    runner = iam.Role(worker, "Runner", assumed_by=iam.ServicePrincipal("ecs-tasks.amazonaws.com"))
    sim = Simulator.from_stack(worker)
    assert sim.template.stack_name == "Dev-Worker"
    assert sim.can_assume(runner, {"Service": "ecs-tasks.amazonaws.com"}).allowed
    assert not sim.can_assume(runner, {"Service": "lambda.amazonaws.com"}).allowed


def test_a_nested_stack_is_refused_and_its_parents_simulator_does_not_answer_for_its_roles(app):
    parent = Stack(app, "Parent")
    inner = NestedStack(parent, "Inner")
    bucket = s3.Bucket(inner, "Data")
    # Logical ids are relative to a stack: both roles are ReaderF7BF189D, one in each template.
    reader = iam.Role(parent, "Reader", assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"))
    inner_reader = iam.Role(inner, "Reader", assumed_by=iam.ServicePrincipal("ec2.amazonaws.com"))
    inner_reader.grant_assume_role(reader)  # the parent reads the role's ARN from an output of the nested stack
    with pytest.raises(ValidationError, match=re.escape(
            "stack is 'Parent/Inner', but is a NestedStack, which from_stack does not read: its template is a file "
            "asset of its parent 'Parent'")):
        Simulator.from_stack(inner)
    sim = Simulator.from_stack(parent)
    assert sim.can_assume(reader, {"Service": "lambda.amazonaws.com"}).allowed
    other_stack = "is in stack 'Parent/Inner', not in 'Parent', whose template this simulator reads"
    with pytest.raises(TemplateError, match=re.escape(f"role 'Parent/Inner/Reader' {other_stack}")):
        sim.can_assume(inner_reader, {"Service": "lambda.amazonaws.com"})
    with pytest.raises(TemplateError, match=re.escape(f"resource 'Parent/Inner/Data' {other_stack}")):
        sim.arn(bucket)
    with pytest.raises(TemplateError, match=re.escape("role 'ReaderF7BF189D' cannot be evaluated offline: ")):
        sim.can(reader, "sts:AssumeRole", "arn:aws:iam::123456789012:role/any")
