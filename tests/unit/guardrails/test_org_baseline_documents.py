"""The organization baseline's documents for one account: who may assume its roles, on what conditions, and
the inputs it refuses."""

from __future__ import annotations

import re

import pytest

from iam_patterns.errors import ValidationError
from iam_patterns.evaluation import Decision, Request, evaluate
from iam_patterns.guardrails import OrgBaselineNames, org_baseline

SECURITY = "111122223333"
MEMBER = "444455556666"
BREAK_GLASS_USER = f"arn:aws:iam::{SECURITY}:user/breakglass-1"
OPTIONS = dict(
    security_account=SECURITY,
    external_id="acme-audit-2026",
    break_glass_principals=[BREAK_GLASS_USER],
    services=["s3", "lambda"],
    role_path="/workloads/",
    passed_to_services=["lambda.amazonaws.com"],
    account=MEMBER,
)
DOCS = org_baseline(**OPTIONS)


def _assume(trust, principal: str, role: str, **context) -> Decision:
    """The decision on the trust policy, for a caller whose own account lets it assume the role."""
    arn = f"arn:aws:iam::{MEMBER}:role/{role}"
    own = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": arn}]}
    return evaluate(Request(principal, "sts:AssumeRole", arn, context), [own], resource=trust).decision


def test_names_share_the_prefix():
    assert OrgBaselineNames.with_prefix("acme-") == OrgBaselineNames(
        "acme-audit", "acme-break-glass", "acme-boundary", "acme-delegation"
    )
    assert DOCS.names.audit_role == "org-audit"


def test_the_security_account_audits_with_the_external_id_and_recent_mfa_only():
    auditor = f"arn:aws:iam::{SECURITY}:user/auditor"
    good = {"sts:ExternalId": "acme-audit-2026", "aws:MultiFactorAuthPresent": "true", "aws:MultiFactorAuthAge": "600"}
    assert _assume(DOCS.audit_trust, auditor, "org-audit", **good) == Decision.ALLOW
    assert _assume(DOCS.audit_trust, "arn:aws:iam::999988887777:user/auditor", "org-audit", **good) != Decision.ALLOW
    assert _assume(DOCS.audit_trust, auditor, "org-audit", **{**good, "sts:ExternalId": "guess"}) != Decision.ALLOW
    assert _assume(DOCS.audit_trust, auditor, "org-audit", **{**good, "aws:MultiFactorAuthAge": "43201"}) != (
        Decision.ALLOW
    )
    no_mfa = {"sts:ExternalId": "acme-audit-2026"}
    assert _assume(DOCS.audit_trust, auditor, "org-audit", **no_mfa) != Decision.ALLOW


def test_only_the_named_principals_break_glass_and_only_within_an_hour_of_mfa():
    good = {"aws:MultiFactorAuthPresent": "true", "aws:MultiFactorAuthAge": "300"}
    assert _assume(DOCS.break_glass_trust, BREAK_GLASS_USER, "org-break-glass", **good) == Decision.ALLOW
    other = f"arn:aws:iam::{SECURITY}:user/someone-else"
    assert _assume(DOCS.break_glass_trust, other, "org-break-glass", **good) != Decision.ALLOW
    assert _assume(DOCS.break_glass_trust, BREAK_GLASS_USER, "org-break-glass",
                   **{**good, "aws:MultiFactorAuthAge": "3601"}) != Decision.ALLOW
    assert _assume(DOCS.break_glass_trust, BREAK_GLASS_USER, "org-break-glass") != Decision.ALLOW


def test_the_delegation_requires_the_baseline_boundary_of_the_same_account():
    (create,) = [s for s in DOCS.delegation.statements if s.sid == "CreateAndChangeRolesOnlyWithTheBoundary"]
    assert create.condition == {
        "StringEquals": {"iam:PermissionsBoundary": f"arn:aws:iam::{MEMBER}:policy/org-boundary"}
    }
    assert DOCS.boundary.statements[0].action == ("s3:*", "lambda:*")


BAD = [
    ({"name_prefix": "org/"}, "name_prefix is 'org/', but must be at most 53 characters"),
    ({"name_prefix": "p" * 54}, "but must be at most 53 characters of letters, digits and +=,.@_-"),
    ({"security_account": "1111-2222-3333"}, "security_account is '1111-2222-3333', but must be an AWS account id"),
    ({"external_id": "a"}, "external_id is 'a', but must be 2 to 1,224 characters"),
    ({"break_glass_principals": []}, "break_glass_principals is [], but must name at least one value"),
    ({"break_glass_principals": ["breakglass-1"]},
     "break_glass_principals is 'breakglass-1', but must be the ARN of an account root, role or user"),
    ({"services": ["*"]}, "services is '*', but must list services by prefix"),
    ({"role_path": "/"}, "role_path is '/', but must not be '/'"),
    ({"passed_to_services": ["lambda"]}, "passed_to_services is 'lambda', but must be an AWS service principal"),
]


@pytest.mark.parametrize(("change", "message"), BAD, ids=[m[:50] for _, m in BAD])
def test_bad_inputs_are_refused_naming_the_parameter(change, message):
    with pytest.raises(ValidationError, match=re.escape(message)):
        org_baseline(**{**OPTIONS, **change})
