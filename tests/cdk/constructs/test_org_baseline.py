"""OrgBaseline: the kit's constructs emit exactly the documents the pure baseline builds, and a refused input
leaves nothing behind."""

from __future__ import annotations

import re

import pytest
from aws_cdk import Aws, Stack

from iam_patterns import OrgBaseline, org_baseline
from iam_patterns.errors import ValidationError
from tests.cdk.synth import template

OPTIONS = dict(
    security_account="111122223333",
    external_id="acme-audit-2026",
    break_glass_principals=["arn:aws:iam::111122223333:user/breakglass-1"],
    services=["s3", "lambda"],
    role_path="/workloads/",
    passed_to_services=["lambda.amazonaws.com"],
)


def test_the_roles_and_the_boundary_are_the_pure_baselines(app):
    stack = Stack(app, "Member")
    built = OrgBaseline(stack, "Baseline", name_prefix="acme-", **OPTIONS)
    docs = org_baseline(**OPTIONS, name_prefix="acme-", account=Aws.ACCOUNT_ID, partition=Aws.PARTITION)
    assert built.names == docs.names
    assert built.audit_role.trust_policy == docs.audit_trust
    assert built.break_glass_role.trust_policy == docs.break_glass_trust
    assert built.boundary.policy_document == docs.boundary
    assert built.delegation.boundary is built.boundary
    names = sorted(r["Properties"].get("RoleName") or r["Properties"]["ManagedPolicyName"]
                   for r in template(stack)["Resources"].values() if r["Type"].startswith("AWS::IAM::"))
    assert names == ["acme-audit", "acme-boundary", "acme-break-glass", "acme-delegation"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"passed_to_services": []}, "passed_to_services is [], but must name at least one value"),
        ({"break_glass_principals": ["arn:aws:s3:::bucket"]}, "break_glass_principals is 'arn:aws:s3:::bucket'"),
    ],
)
def test_a_refused_input_leaves_nothing_behind(app, change, message):
    stack = Stack(app, "Member")
    with pytest.raises(ValidationError, match=re.escape(message)):
        OrgBaseline(stack, "Baseline", **{**OPTIONS, **change})
    assert template(stack).get("Resources", {}) == {}
    assert stack.node.try_find_child("Baseline") is None
