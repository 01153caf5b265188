"""The organization-rollout example: the StackSet and the member template it deploys, and, judged offline in a
member account, who may assume the audit and break-glass roles."""

from __future__ import annotations

import json
import re

import pytest
from aws_cdk import AspectPriority, Aspects, Stack
from aws_cdk import aws_iam as iam

from deploy.assembly import Stack as AssemblyStack
from deploy.assembly import classify
from iam_patterns import CrossAccountRole, Decision, IamPatternsChecks, OrgRollout, Simulator
from iam_patterns.checks.runner import ACKNOWLEDGED_RULES
from stacks.org_rollout import OrgRolloutStack
from tests.cdk.synth import template

SECURITY = "111122223333"
MEMBER = "444455556666"
AUDITOR = f"arn:aws:iam::{SECURITY}:user/auditor"
BREAK_GLASS_USER = f"arn:aws:iam::{SECURITY}:user/breakglass-1"
AUDIT = {"sts:ExternalId": "acme-audit-2026", "aws:MultiFactorAuthPresent": "true", "aws:MultiFactorAuthAge": "600"}
BREAK_GLASS = {"aws:MultiFactorAuthPresent": "true", "aws:MultiFactorAuthAge": "300"}


def _rollout(app) -> OrgRollout:
    return OrgRolloutStack(app, "IamPatterns-OrgRollout").node.find_child("Baseline")


@pytest.fixture
def rollout(app) -> OrgRollout:
    return _rollout(app)


@pytest.fixture
def member(rollout):
    """The member template in account 444455556666, with the baseline's constructs to name its roles by."""
    return Simulator.from_template(rollout.member_template, account=MEMBER), rollout.member_stack.node.find_child(
        "Baseline"
    )


def test_template_matches_snapshot(app, snapshot):
    assert template(OrgRolloutStack(app, "IamPatterns-OrgRollout")) == snapshot


def test_member_template_matches_snapshot(rollout, snapshot):
    assert rollout.member_template == snapshot


def test_the_stack_set_deploys_exactly_the_member_template(rollout):
    (stack_set,) = template(rollout.node.scope)["Resources"].values()
    assert stack_set["Type"] == "AWS::CloudFormation::StackSet"
    assert json.loads(stack_set["Properties"]["TemplateBody"]) == rollout.member_template


def test_the_audit_role_is_assumable_from_the_security_account_with_the_external_id_and_recent_mfa(member):
    sim, baseline = member
    assert sim.can_assume(baseline.audit_role, AUDITOR, AUDIT).decision == Decision.ALLOW


@pytest.mark.parametrize(
    ("principal", "context"),
    [
        ("arn:aws:iam::999988887777:user/auditor", AUDIT),  # another account
        (f"arn:aws:iam::{MEMBER}:user/admin", AUDIT),  # the member account itself
        (AUDITOR, {**AUDIT, "sts:ExternalId": "acme-audit-2025"}),  # wrong ExternalId
        (AUDITOR, {k: v for k, v in AUDIT.items() if k != "sts:ExternalId"}),  # no ExternalId
        (AUDITOR, {**AUDIT, "aws:MultiFactorAuthPresent": "false"}),  # no MFA
        (AUDITOR, {"sts:ExternalId": "acme-audit-2026"}),  # no MFA keys at all, as for a role session
        (AUDITOR, {**AUDIT, "aws:MultiFactorAuthAge": "43200"}),  # MFA 12 hours old: too old
    ],
    ids=["other-account", "member-account", "wrong-external-id", "no-external-id", "mfa-false", "no-mfa",
         "mfa-too-old"],
)
def test_near_misses_cannot_assume_the_audit_role(member, principal, context):
    sim, baseline = member
    assert sim.can_assume(baseline.audit_role, principal, context).decision != Decision.ALLOW


def test_only_the_named_break_glass_user_with_mfa_from_the_last_hour_assumes_break_glass(member):
    sim, baseline = member
    role = baseline.break_glass_role
    assert sim.can_assume(role, BREAK_GLASS_USER, BREAK_GLASS).decision == Decision.ALLOW
    assert sim.can_assume(role, AUDITOR, BREAK_GLASS).decision != Decision.ALLOW
    assert sim.can_assume(role, f"arn:aws:iam::{SECURITY}:root", BREAK_GLASS).decision != Decision.ALLOW
    assert sim.can_assume(role, BREAK_GLASS_USER, {**BREAK_GLASS, "aws:MultiFactorAuthAge": "3600"}).decision != (
        Decision.ALLOW
    )
    assert sim.can_assume(role, BREAK_GLASS_USER).decision != Decision.ALLOW


@pytest.mark.parametrize("account", [MEMBER, "777788889999"])
def test_every_arn_names_the_member_account_it_is_deployed_in(rollout, account):
    sim = Simulator.from_template(rollout.member_template, account=account)
    baseline = rollout.member_stack.node.find_child("Baseline")
    assert sim.role(baseline.audit_role).arn == f"arn:aws:iam::{account}:role/org-audit"
    assert sim.role(baseline.break_glass_role).arn == f"arn:aws:iam::{account}:role/org-break-glass"
    (rule,) = [r for r in rollout.member_template["Resources"].values()
               if "requestParameters" in r["Properties"].get("EventPattern", {}).get("detail", {})]
    watched = rule["Properties"]["EventPattern"]["detail"]["requestParameters"]["roleArn"]
    assert sim.template.resolve(watched) == [f"arn:aws:iam::{account}:role/org-break-glass"]
    delegation = sim.template.managed_policies[rollout.member_stack.resolve(
        baseline.delegation.node.default_child.logical_id)]
    (create,) = [s for s in delegation.document["Statement"] if s["Sid"] == "CreateAndChangeRolesOnlyWithTheBoundary"]
    assert create["Condition"]["StringEquals"]["iam:PermissionsBoundary"] == (
        f"arn:aws:iam::{account}:policy/org-boundary"
    )


def test_the_break_glass_role_allows_one_hour_sessions_and_raises_an_alert(rollout):
    resources = rollout.member_template["Resources"]
    roles = {r["Properties"]["RoleName"]: r["Properties"] for r in resources.values() if r["Type"] == "AWS::IAM::Role"}
    assert roles["org-break-glass"]["MaxSessionDuration"] == 3600
    assert sorted(r["Type"] for r in resources.values()) == [
        "AWS::Events::Rule", "AWS::Events::Rule", "AWS::IAM::ManagedPolicy", "AWS::IAM::ManagedPolicy",
        "AWS::IAM::Role", "AWS::IAM::Role", "AWS::SNS::Topic", "AWS::SNS::TopicPolicy",
    ]  # no Access Analyzer: an account may hold one account analyzer per region already


def test_the_member_passes_the_kits_checks_at_synth_with_its_one_deliberate_finding_acknowledged(rollout):
    artifact = rollout.member_stack.node.root.synth().get_stack_artifact(rollout.member_stack.artifact_id)
    assert [(m.level.value, m.entry.data) for m in artifact.messages] == []
    baseline = rollout.member_stack.node.find_child("Baseline")
    acknowledged = {
        (name, check)
        for name, construct in (("break-glass", baseline.break_glass_role), ("boundary", baseline.boundary))
        for entry in construct.node.metadata if entry.type == ACKNOWLEDGED_RULES
        for check, reason in entry.data.items() if check.startswith("iam-patterns::") and reason.strip()
    }
    # The boundary's service-wide allows need no acknowledgement: the delegation names it as the boundary.
    assert acknowledged == {("break-glass", "iam-patterns::aws-managed-admin-policy")}


def test_the_checks_really_run_on_the_member_an_unacknowledged_admin_role_stops_its_synth(app):
    def member(stack: Stack) -> None:
        Aspects.of(stack).add(IamPatternsChecks(), priority=AspectPriority.READONLY)
        CrossAccountRole(stack, "Admin", trusted_accounts=[SECURITY],
                         managed_policies=[iam.ManagedPolicy.from_aws_managed_policy_name("AdministratorAccess")])

    with pytest.raises(RuntimeError, match=re.escape("[iam-patterns::aws-managed-admin-policy]")):
        OrgRollout(Stack(app, "Management"), "Rollout", stack_set_name="admins", member=member,
                   organizational_unit_ids=["ou-ab12-cd34ef56"], regions=["us-east-1"])


def test_deploy_local_lists_the_example_as_not_deployed_since_moto_creates_no_stack_sets(app):
    stack = OrgRolloutStack(app, "IamPatterns-OrgRollout")
    listed = AssemblyStack(id=stack.artifact_id, name=stack.stack_name, template=template(stack))
    assert classify([listed]) == {
        "IamPatterns-OrgRollout": "AWS::CloudFormation::StackSet: moto does not create stack sets"
    }
